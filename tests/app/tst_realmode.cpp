#include "tests/app/tst_realmode.h"

#include "app/cluster/clustercanvas.h"
#include "app/cluster/plotsview.h"
#include "app/cluster/tablemodels.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/real/connectiondialog.h"
#include "app/real/realcontroller.h"
#include "app/real/realview.h"
#include "app/terminal/clihost.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/rdkafka/rdkafka_backend.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QToolBar>
#include <QTimer>

#include <cmath>
#include <cstdlib>
#include <csignal>
#include <fstream>

using namespace fluxolab::app;

namespace {

QStringList g_messages;
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext& ctx, const QString& msg) {
    g_messages << msg;
    if (g_previous) g_previous(type, ctx, msg);
}

/// The plain-text port of the broker kafka-broker.sh started (empty: none for this run).
QString testBroker() {
    const char* state = std::getenv("FLUXOLAB_KAFKA_STATE");
    if (!state) return {};
    std::ifstream f(std::string(state) + "/ports");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("PORT=", 0) == 0) return QStringLiteral("127.0.0.1:") + QString::fromStdString(line.substr(5));
    return {};
}

int brokerPid() {
    const char* state = std::getenv("FLUXOLAB_KAFKA_STATE");
    if (!state) return 0;
    std::ifstream f(std::string(state) + "/broker.pid");
    int pid = 0;
    f >> pid;
    return pid;
}

/// The longest time the GUI thread's event loop went without running a 10 ms timer while `until`
/// was not yet true (at most `limitMs`).
qint64 longestStall(const std::function<bool()>& until, int limitMs) {
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    tick.start();
    while (!until() && clock.elapsed() < limitMs) QTest::qWait(5);
    return worst;
}

/// What `line` prints when run headless on `backend` (stdout and stderr in order).
QString headless(fluxolab::labs::ClusterBackend& backend, const QStringList& argv) {
    fluxolab::labs::KafkaCli cli(backend);
    std::vector<std::string> args;
    for (const QString& a : argv) args.push_back(a.toStdString());
    auto s = cli.start(args);
    QString out;
    for (int i = 0; i < 300 && !s->finished(); ++i) s->pump(100);
    for (const auto& c : s->takeOutput()) out += QString::fromStdString(c.text);
    return out;
}

/// Runs `line` in the terminal, waits until the command ends and returns what it printed (without
/// the command line and the next prompt). `worstStall`: the longest gap of the GUI thread meanwhile.
QString runInTerminal(TerminalConsole* t, const QString& line, qint64* worstStall, int limitMs = 30000) {
    const qsizetype before = t->toPlainText().size();
    t->submit(line);
    const qint64 stall = longestStall([&] { return !t->isBusy(); }, limitMs);
    if (worstStall) *worstStall = std::max(*worstStall, stall);
    QString out = t->toPlainText().mid(before);
    out = out.mid(out.indexOf(QLatin1Char('\n')) + 1); // the command line typed
    if (out.endsWith(TerminalConsole::prompt())) out.chop(TerminalConsole::prompt().size());
    return out;
}

} // namespace

void RealModeTest::initTestCase() {
    // The assertions read the English source texts.
    QVERIFY(setLanguage(QStringLiteral("en")));
}

void RealModeTest::init() {
    QSettings().remove(QStringLiteral("realCluster"));
}

void RealModeTest::dialogSavesProfileWithoutPassword() {
    const QString secret = QStringLiteral("pw-Zq81-never-on-disk");
    g_messages.clear();
    g_previous = qInstallMessageHandler(capture);
    {
        ConnectionDialog d;
        d.findChild<QComboBox*>(QStringLiteral("profile"))->setEditText(QStringLiteral("aula"));
        d.findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(QStringLiteral("kafka1:9093,kafka2:9093"));
        d.findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("SASL_SSL"));
        d.findChild<QComboBox*>(QStringLiteral("saslMechanism"))->setCurrentText(QStringLiteral("SCRAM-SHA-512"));
        d.findChild<QLineEdit*>(QStringLiteral("user"))->setText(QStringLiteral("aluno"));
        d.findChild<QLineEdit*>(QStringLiteral("password"))->setText(secret);
        d.findChild<QLineEdit*>(QStringLiteral("caFile"))->setText(QStringLiteral("/etc/ssl/ca.pem"));
        const auto c = d.connection();
        QCOMPARE(QString::fromStdString(c.sasl_password), secret);
        QCOMPARE(QString::fromStdString(c.sasl_mechanism), QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(QString::fromStdString(c.ssl_ca_location), QStringLiteral("/etc/ssl/ca.pem"));
        d.saveProfile();
        // No keychain in the tests (FLUXOLAB_NO_KEYCHAIN): the dialog says the password stays in memory.
        QVERIFY(d.keychainLabel()->text().contains(QStringLiteral("memory")));
    }
    QSettings s;
    s.sync();
    QVERIFY(ConnectionDialog::profiles().contains(QStringLiteral("aula")));
    QCOMPARE(s.value(QStringLiteral("realCluster/profiles/aula/bootstrap")).toString(), QStringLiteral("kafka1:9093,kafka2:9093"));
    QFile file(s.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(s.fileName()));
    const QByteArray disk = file.readAll();
    QVERIFY(disk.contains("kafka1:9093"));
    QVERIFY2(!disk.contains(secret.toUtf8()), "the password is in the settings file");

    // A new dialog on the saved profile gets the password back from this session's memory.
    ConnectionDialog again;
    again.loadProfile(QStringLiteral("aula"));
    QTRY_COMPARE(again.findChild<QLineEdit*>(QStringLiteral("password"))->text(), secret);
    qInstallMessageHandler(g_previous);
    for (const QString& m : g_messages) QVERIFY2(!m.contains(secret), qPrintable(m));
}

void RealModeTest::testConnectionReportsUnreachable() {
    ConnectionDialog d;
    d.findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(QStringLiteral("127.0.0.1:1"));
    d.findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("PLAINTEXT"));
    d.setProbeTimeout(1500);
    d.findChild<QPushButton*>(QStringLiteral("testConnection"))->click();
    QVERIFY(d.testing());
    QVERIFY(d.resultLabel()->text().contains(QStringLiteral("127.0.0.1:1")));
    // The probe runs on its own thread: the dialog's event loop keeps going meanwhile.
    const qint64 stall = longestStall([&] { return !d.testing(); }, 15000);
    QVERIFY(!d.testing());
    QVERIFY2(d.resultLabel()->text().startsWith(QStringLiteral("Unreachable")), qPrintable(d.resultLabel()->text()));
    qInfo("RealModeTest: longest GUI stall while probing a dead port: %lld ms", static_cast<long long>(stall));

    ConnectionDialog empty;
    empty.findChild<QLineEdit*>(QStringLiteral("bootstrap"))->clear();
    empty.testConnection();
    QVERIFY(!empty.testing());
    QVERIFY(empty.resultLabel()->text().contains(QStringLiteral("bootstrap")));
}

void RealModeTest::deadBrokerShowsLossAndWindowResponds() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    QVERIFY(real);
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1";
    c.request_timeout_ms = 1500;
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    real->connectTo(c, 200);
    QVERIFY(real->isReal());
    QCOMPARE(w.centralWidget(), static_cast<QWidget*>(real->view()));
    QVERIFY(real->realAction()->isChecked());
    const qint64 stall = longestStall([&] { return real->refreshes() >= 1; }, 20000);
    QVERIFY(real->refreshes() >= 1);
    QVERIFY(!real->connected());
    QVERIFY2(real->statusText().startsWith(QStringLiteral("No connection to the broker 127.0.0.1:1")),
             qPrintable(real->statusText()));
    QVERIFY(real->statusText().endsWith(QStringLiteral("trying again")));
    qInfo("RealModeTest: longest GUI stall with an unreachable broker: %lld ms", static_cast<long long>(stall));
}

void RealModeTest::switchesBackToSimulation() {
    MainWindow w;
    QWidget* simCentral = w.centralWidget();
    RealModeController* real = w.realMode();
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1";
    c.request_timeout_ms = 1500;
    QAction* gallery = w.findChild<QAction*>(QStringLiteral("gallery"));
    QVERIFY(gallery && gallery->isEnabled());
    real->connectTo(c, 200);
    QVERIFY(w.centralWidget() != simCentral);
    // The simulation's controls would act on the hidden simulation: off on the real cluster.
    QVERIFY(!gallery->isEnabled());
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("scenarioMenu"))->isEnabled());
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("addConsumer"))->isEnabled());
    // Back at once, even while the worker waits for the dead broker.
    real->simulatedAction()->trigger();
    QVERIFY(!real->isReal());
    QCOMPARE(w.centralWidget(), simCentral);
    QVERIFY(real->simulatedAction()->isChecked());
    QVERIFY(gallery->isEnabled());
    QVERIFY(w.findChild<QAction*>(QStringLiteral("scenarioMenu"))->isEnabled());
}

void RealModeTest::terminalCommandsRunOnTheWorker() {
    MainWindow w;
    CliHost* host = w.cliHost();
    TerminalConsole* t = w.terminalPanel()->currentConsole();
    QVERIFY(t);
    const QString usage = QStringLiteral("kafka-topics.sh --bootstrap-server 127.0.0.1:1 --topic x");
    qint64 stall = 0;
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1";
    c.request_timeout_ms = 1500;
    // What the tool prints headless (a usage error: the broker is not asked).
    fluxolab::labs::RdKafkaBackend direct(c);
    QString expected = headless(direct, usage.split(QLatin1Char(' ')));
    QVERIFY2(expected.contains(QStringLiteral("Command must include exactly one action")), qPrintable(expected));
    w.realMode()->connectTo(c, 500);
    QVERIFY(host->isRemote());
    // The session reports from the worker thread (at once, or on a later tick of the terminal).
    t->submit(usage);
    QTRY_VERIFY_WITH_TIMEOUT(!t->isBusy(), 10000);
    const QString shown = t->toPlainText();
    // The terminal adds the teaching note under the tool's text.
    QVERIFY2(shown.contains(expected), qPrintable(shown));
    QVERIFY(shown.endsWith(TerminalConsole::prompt()));
    QCOMPARE(host->remoteHistory().size(), std::size_t{1});
    QCOMPARE(host->remoteHistory().back().exit_code, 1);
    QCOMPARE(QString::fromStdString(host->remoteHistory().back().kind), QStringLiteral("topics"));
    const QString unknown = runInTerminal(t, QStringLiteral("kafka-nothing.sh"), &stall);
    QVERIFY2(unknown.startsWith(QStringLiteral("bash: kafka-nothing.sh: command not found\n")), qPrintable(unknown));
    QCOMPARE(host->remoteHistory().back().exit_code, 127);
    // Back on the simulation the terminal runs there again (no scenario is loaded in this window).
    w.realMode()->showSimulation();
    QVERIFY(!host->isRemote());
    QVERIFY(runInTerminal(t, usage, &stall).startsWith(QStringLiteral("No cluster is loaded")));
}

void RealModeTest::realBrokerShowsTopicAndGroup() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 5000;
    const std::string suffix = std::to_string(QDateTime::currentMSecsSinceEpoch() % 100000000);
    const std::string topic = "realapp-topic-" + suffix, group = "realapp-group-" + suffix;
    fluxolab::labs::RdKafkaBackend admin(c);
    QVERIFY(admin.createTopic(topic, 3, 1, {}).ok());
    const auto producer = admin.openProducer({});
    for (int i = 0; i < 5; ++i) QVERIFY(admin.send(producer, topic, "k" + std::to_string(i), "v").ok());
    admin.closeProducer(producer);
    // A group with committed offsets and no members: 5 - 2 records of lag.
    QVERIFY(admin.alterGroupOffsets(group, {{{topic, 0}, 0}, {{topic, 1}, 0}, {{topic, 2}, 0}}).ok());

    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    RealView* view = real->view();
    auto rowsHave = [](const SnapshotTableModel* m, const QString& text) {
        for (const QStringList& row : m->rows())
            if (row.value(0) == text) return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowsHave(view->topicsModel(), QString::fromStdString(topic)), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(rowsHave(view->groupsModel(), QString::fromStdString(group)), 20000);
    int partitions = 0;
    for (const QStringList& row : view->partitionsModel()->rows()) partitions += row.value(0) == QString::fromStdString(topic);
    QCOMPARE(partitions, 3);
    QVERIFY(real->latest()->group(group));
    std::int64_t lag = 0;
    for (const auto& [tp, l] : real->latest()->group(group)->lag) lag += l;
    QCOMPARE(lag, std::int64_t{5});
    QVERIFY(real->lagHistory().count(group) == 1);
    QVERIFY(real->statusText().contains(QStringLiteral("connected")));
    admin.deleteGroup(group);
    admin.deleteTopic(topic);
}

void RealModeTest::brokerLossAndRecovery() {
    const QString bootstrap = testBroker();
    const int pid = brokerPid();
    if (bootstrap.isEmpty() || pid <= 0) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 1500;
    real->connectTo(c, 300);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    // The broker stops answering (its process is frozen): the status says so, the window responds.
    QVERIFY(::kill(pid, SIGSTOP) == 0);
    const qint64 stall = longestStall([&] { return !real->connected(); }, 30000);
    const bool lost = !real->connected();
    const QString status = real->statusText();
    ::kill(pid, SIGCONT);
    QVERIFY(lost);
    QVERIFY2(status.startsWith(QStringLiteral("No connection to the broker")), qPrintable(status));
    qInfo("RealModeTest: longest GUI stall while the broker froze: %lld ms", static_cast<long long>(stall));
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 30000);
    QVERIFY(real->statusText().contains(QStringLiteral("connected")));
    QVERIFY(w.realMode()->isReal());
}

void RealModeTest::realBrokerOnTheSharedViews() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 5000;
    const std::string suffix = std::to_string(QDateTime::currentMSecsSinceEpoch() % 100000000);
    const std::string topic = "views-topic-" + suffix, group = "views-group-" + suffix;
    fluxolab::labs::RdKafkaBackend admin(c);
    QVERIFY(admin.createTopic(topic, 2, 1, {}).ok());
    const auto producer = admin.openProducer({});
    for (int i = 0; i < 6; ++i) QVERIFY(admin.send(producer, topic, "k" + std::to_string(i), "v").ok());
    admin.closeProducer(producer);
    QVERIFY(admin.alterGroupOffsets(group, {{{topic, 0}, 0}, {{topic, 1}, 0}}).ok()); // lag 6, no members

    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 500);
    RealView* view = real->view();
    // The cluster tab is the simulation's canvas on the real observation: the broker, the group,
    // and the note on what a real cluster does not show.
    QCOMPARE(view->tabs()->widget(0), static_cast<QWidget*>(view->canvas()));
    QTRY_VERIFY_WITH_TIMEOUT(view->canvas()->layout().group(QString::fromStdString(group)), 20000);
    QVERIFY(!view->canvas()->layout().brokers.empty());
    QVERIFY(view->canvas()->layout().flights.empty());
    QVERIFY(view->canvas()->hiddenText().startsWith(QStringLiteral("Not visible on a real cluster")));
    // The plots: the group's lag over the refreshes (6 records), no consume rate and no LEO.
    QTRY_VERIFY_WITH_TIMEOUT(view->series().time_s.size() >= 2, 20000);
    const PlotSeries& s = view->series();
    bool found = false;
    for (const auto& [gi, name] : s.group_names)
        if (name == group) {
            found = true;
            QCOMPARE(s.group_lag.at(gi).back(), 6.0);
        }
    QVERIFY(found);
    QVERIFY(std::isnan(s.leo_total.back()));
    QVERIFY(view->plots()->isShowingSeries());
    QVERIFY(view->plots()->lagGraphCount() >= 1);
    admin.deleteGroup(group);
    admin.deleteTopic(topic);
}

void RealModeTest::screenshots() {
    const QString dir = qEnvironmentVariable("FLUXOLAB_REALMODE_SHOTS");
    if (dir.isEmpty()) QSKIP("set FLUXOLAB_REALMODE_SHOTS to a folder to take the screenshots");
    const QString bootstrap = testBroker().isEmpty() ? QStringLiteral("127.0.0.1:1") : testBroker();
    for (const QString& lang : {QStringLiteral("pt_PT"), QStringLiteral("en")}) {
        QVERIFY(setLanguage(lang));
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
            MainWindow w;
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            fluxolab::labs::RdKafkaConnection c;
            c.bootstrap_servers = bootstrap.toStdString();
            c.request_timeout_ms = 3000;
            w.realMode()->connectTo(c, 1000);
            QTRY_VERIFY_WITH_TIMEOUT(w.realMode()->refreshes() >= 3, 20000);
            const QString tag = QStringLiteral("%1/real-%2-%3x%4").arg(dir, lang).arg(size.width()).arg(size.height());
            const char* names[] = {"cluster", "lag", "tables", "groups", "hidden"};
            for (int i = 0; i < 5; ++i) {
                w.realMode()->view()->tabs()->setCurrentIndex(i);
                QTest::qWait(50);
                QVERIFY(w.grab().save(tag + QStringLiteral("-%1.png").arg(QLatin1String(names[i]))));
            }
        }
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(bootstrap);
        d.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(!d.testing(), 10000);
        QVERIFY(d.grab().save(QStringLiteral("%1/dialog-%2.png").arg(dir, lang)));
    }
    QVERIFY(setLanguage(QStringLiteral("en")));
}

void RealModeTest::terminalRunsOnRealBroker() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 5000;
    const QString topic = QStringLiteral("realterm-%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    fluxolab::labs::RdKafkaBackend direct(c);

    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    CliHost* host = w.cliHost();
    QVERIFY(host->isRemote());
    const std::size_t simHistory = host->history().size();
    TerminalConsole* t = w.terminalPanel()->currentConsole();
    QVERIFY(t);
    qint64 stall = 0;

    // kafka-topics: created on the real broker, the history entry has the tool's kind and exit code.
    QCOMPARE(runInTerminal(t, QStringLiteral("kafka-topics.sh --bootstrap-server %1 --create --topic %2 --partitions 3").arg(bootstrap, topic), &stall),
             QStringLiteral("Created topic %1.\n").arg(topic));
    QVERIFY(direct.describeTopic(topic.toStdString()).has_value());
    QCOMPARE(host->remoteHistory().size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(host->remoteHistory().back().kind), QStringLiteral("topics.create"));
    QCOMPARE(host->remoteHistory().back().exit_code, 0);
    QCOMPARE(host->history().size(), simHistory); // the labs' history is the simulation's

    const QStringList describe{QStringLiteral("kafka-topics.sh"), QStringLiteral("--bootstrap-server"), bootstrap,
                               QStringLiteral("--describe"), QStringLiteral("--topic"), topic};
    const QString described = runInTerminal(t, describe.join(QLatin1Char(' ')), &stall);
    QVERIFY2(described.contains(QStringLiteral("PartitionCount: 3")), qPrintable(described));
    QCOMPARE(described, headless(direct, describe));

    // An error: the tool's own text and exit code.
    const QStringList missing{QStringLiteral("kafka-topics.sh"), QStringLiteral("--bootstrap-server"), bootstrap,
                              QStringLiteral("--describe"), QStringLiteral("--topic"), topic + QStringLiteral("-none")};
    const QString error = runInTerminal(t, missing.join(QLatin1Char(' ')), &stall);
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    // The tool's first line as headless; then its log line (its own time) with the Java trace,
    // which the terminal folds into one line.
    const QString expectedError = headless(direct, missing);
    QCOMPARE(error.section(QLatin1Char('\n'), 0, 0), expectedError.section(QLatin1Char('\n'), 0, 0));
    QVERIFY2(error.section(QLatin1Char('\n'), 1, 1).endsWith(QStringLiteral("ERROR java.lang.IllegalArgumentException: Topic '%1-none' does not exist as expected").arg(topic)),
             qPrintable(error));
    QCOMPARE(host->remoteHistory().back().exit_code, 1);

    // The console producer with a here-document, keyed: the keys land where Java's partitioner puts them.
    const QString produced = runInTerminal(
        t,
        QStringLiteral("kafka-console-producer.sh --bootstrap-server %1 --topic %2 --reader-property parse.key=true --reader-property key.separator=: <<EOF\n"
                       "a:1\nb:2\nc:3\nEOF")
            .arg(bootstrap, topic),
        &stall);
    // The here-document's lines, then the producer's '>' prompts (one per line read and one at the
    // end of the input, as on the simulation's terminal).
    QCOMPARE(produced, QStringLiteral("a:1\nb:2\nc:3\nEOF\n>>>>\n"));
    QCOMPARE(host->remoteHistory().back().exit_code, 0);
    QCOMPARE(QString::fromStdString(host->remoteHistory().back().kind), QStringLiteral("console-producer"));
    std::int64_t records = 0;
    for (int p = 0; p < 3; ++p) records += direct.latestOffset({topic.toStdString(), p});
    QCOMPARE(records, std::int64_t{3});

    // The console consumer runs until Ctrl+C, then prints its summary.
    t->submit(QStringLiteral("kafka-console-consumer.sh --bootstrap-server %1 --topic %2 --from-beginning --property print.key=true").arg(bootstrap, topic));
    stall = std::max(stall, longestStall([&] { return t->toPlainText().contains(QStringLiteral("c\t3")); }, 30000));
    QVERIFY2(t->toPlainText().contains(QStringLiteral("a\t1")) && t->toPlainText().contains(QStringLiteral("c\t3")), qPrintable(t->toPlainText()));
    QVERIFY(t->isBusy());
    t->interrupt();
    stall = std::max(stall, longestStall([&] { return !t->isBusy(); }, 20000));
    QVERIFY(!t->isBusy());
    QVERIFY2(t->toPlainText().contains(QStringLiteral("Processed a total of 3 messages")), qPrintable(t->toPlainText()));
    QVERIFY(t->toPlainText().endsWith(TerminalConsole::prompt()));
    QCOMPARE(QString::fromStdString(host->remoteHistory().back().kind), QStringLiteral("console-consumer"));

    // Back on the simulation, the terminal runs there again.
    real->simulatedAction()->trigger();
    QVERIFY(!host->isRemote());
    qInfo("RealModeTest: longest GUI stall while the terminal ran on the real broker: %lld ms", static_cast<long long>(stall));
    direct.deleteTopic(topic.toStdString());
}

void RealModeTest::testConnectionShowsBrokerVersion() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    ConnectionDialog d;
    d.findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(bootstrap);
    d.findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("PLAINTEXT"));
    d.setProbeTimeout(10000);
    d.findChild<QPushButton*>(QStringLiteral("testConnection"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!d.testing(), 20000);
    const QString text = d.resultLabel()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Reached: 1 broker")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Kafka 4.x")), qPrintable(text));
}

void RealModeTest::brokerStopAndRestart() {
    const QString bootstrap = testBroker();
    const QString script = qEnvironmentVariable("FLUXOLAB_KAFKA_SCRIPT");
    if (bootstrap.isEmpty() || script.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE, FLUXOLAB_KAFKA_SCRIPT; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 1500;
    const QString topic = QStringLiteral("realfault-%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 300);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    TerminalConsole* t = w.terminalPanel()->currentConsole();
    qint64 stall = 0;
    QCOMPARE(runInTerminal(t, QStringLiteral("kafka-topics.sh --bootstrap-server %1 --create --topic %2 --partitions 2").arg(bootstrap, topic), &stall),
             QStringLiteral("Created topic %1.\n").arg(topic));

    // The broker's process ends; its port, configuration and data stay.
    QProcess stop;
    stop.start(script, {QStringLiteral("stop"), QStringLiteral("--keep")});
    stall = std::max(stall, longestStall([&] { return stop.state() == QProcess::NotRunning && !real->connected(); }, 60000));
    qInfo("RealModeTest: stop --keep exit %d, connected %d", stop.exitCode(), int(real->connected()));
    QCOMPARE(stop.exitCode(), 0);
    QVERIFY(!real->connected());
    QVERIFY2(real->statusText().startsWith(QStringLiteral("No connection to the broker")), qPrintable(real->statusText()));
    QVERIFY(real->isReal());
    const int commandsBefore = static_cast<int>(w.cliHost()->remoteHistory().size());

    // The same broker again (same port and data): the app reconnects by itself.
    QProcess restart;
    restart.start(script, {QStringLiteral("restart")});
    stall = std::max(stall, longestStall([&] { return restart.state() == QProcess::NotRunning && real->connected(); }, 150000));
    qInfo("RealModeTest: restart exit %d, connected %d", restart.exitCode(), int(real->connected()));
    QVERIFY2(restart.exitCode() == 0, restart.readAllStandardError().constData());
    QVERIFY(real->connected());
    QVERIFY(real->statusText().contains(QStringLiteral("connected")));
    QCOMPARE(static_cast<int>(w.cliHost()->remoteHistory().size()), commandsBefore); // nothing lost
    // The topic created before the stop is still there, and the terminal works on the same connection.
    const QString described = runInTerminal(t, QStringLiteral("kafka-topics.sh --bootstrap-server %1 --describe --topic %2").arg(bootstrap, topic), &stall);
    QVERIFY2(described.contains(QStringLiteral("PartitionCount: 2")), qPrintable(described));
    qInfo("RealModeTest: longest GUI stall while the broker stopped and restarted: %lld ms", static_cast<long long>(stall));
    fluxolab::labs::RdKafkaBackend(c).deleteTopic(topic.toStdString());
}
