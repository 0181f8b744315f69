#include "tests/app/tst_realmode.h"

#include "app/cluster/clustercanvas.h"
#include "app/cluster/plotsview.h"
#include "app/cluster/tablemodels.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/real/connectiondialog.h"
#include "app/real/realcontroller.h"
#include "app/real/realview.h"
#include "labs/rdkafka/rdkafka_backend.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
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
    for (QToolBar* bar : w.findChildren<QToolBar*>())
        if (bar->objectName() == QLatin1String("builderToolbar")) QVERIFY(!bar->isEnabled());
    // Back at once, even while the worker waits for the dead broker.
    real->simulatedAction()->trigger();
    QVERIFY(!real->isReal());
    QCOMPARE(w.centralWidget(), simCentral);
    QVERIFY(real->simulatedAction()->isChecked());
    QVERIFY(gallery->isEnabled());
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
