#include "tests/app/tst_realmode.h"

#include "app/cluster/clustercanvas.h"
#include "app/cluster/plotsview.h"
#include "app/cluster/tablemodels.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/core/theme.h"
#include "app/labs/labpanel.h"
#include "app/real/comparedialog.h"
#include "app/real/connectiondialog.h"
#include "app/real/passwordstore.h"
#include "app/real/realcontroller.h"
#include "app/real/realview.h"
#include "app/terminal/clihost.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/rdkafka/rdkafka_backend.h"
#include "tests/memory_marker.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QUrl>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <memory>
#include <thread>

// qcustomplot.h uses the signals/slots keywords, which QT_NO_KEYWORDS turns off for our own code.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach
#include <cstdlib>
#include <ctime>
#include <csignal>
#include <fstream>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

/// A value of the broker's ports file (SASL_PORT, PORT...); empty when none.
QString brokerValue(const std::string& key) {
    const char* state = std::getenv("FLUXOLAB_KAFKA_STATE");
    if (!state) return {};
    std::ifstream f(std::string(state) + "/ports");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(key + "=", 0) == 0) return QString::fromStdString(line.substr(key.size() + 1));
    return {};
}

/// An in-memory keychain (the tests have no Secret Service); answers on the next event loop turn,
/// as QtKeychain's jobs do. `failing`: every call fails, as when no keychain service answers.
class FakeKeychain final : public Keychain {
public:
    explicit FakeKeychain(std::map<QString, QString>* entries, bool failing = false)
        : m_entries(entries), m_failing(failing) {}
    void write(const QString& key, const QString& password, std::function<void(bool)> done) override {
        QTimer::singleShot(0, [entries = m_entries, failing = m_failing, key, password, done] {
            if (!failing) (*entries)[key] = password;
            done(!failing);
        });
    }
    void read(const QString& key, std::function<void(bool, const QString&)> done) override {
        QTimer::singleShot(0, [entries = m_entries, failing = m_failing, key, done] {
            const auto it = entries->find(key);
            done(!failing, !failing && it != entries->end() ? it->second : QString());
        });
    }
    void remove(const QString& key) override { m_entries->erase(key); }

private:
    std::map<QString, QString>* m_entries;
    bool m_failing;
};

/// Threads of this process that librdkafka runs (its handles name them "rdk:main", "rdk:broker...").
int rdkafkaThreads() {
    int n = 0;
    QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& t : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(t + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("rdk:")) ++n;
    }
    return n;
}

/// A broker that never answers: a loopback socket that listens (the kernel completes each TCP
/// handshake into its backlog) and is never read from nor written to.
class SilentPort {
public:
    SilentPort() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_fd, 64) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            return;
        m_port = ntohs(a.sin_port);
    }
    ~SilentPort() {
        if (m_fd >= 0) ::close(m_fd);
    }
    SilentPort(const SilentPort&) = delete;
    SilentPort& operator=(const SilentPort&) = delete;
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

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
/// CPU time of the calling thread (ms).
double threadCpuMs() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

/// The 1, 5 and 15 minute load averages ("5.12 4.80 3.01").
QByteArray loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return "?";
    return f.readAll().split(' ').mid(0, 3).join(' ');
}

/// The most CPU time the GUI thread spent between two ticks of longestStall's 10 ms timer, since
/// init(): what the GUI thread itself did in one stretch without returning to its event loop's
/// timers (its own work), as opposed to the wall-clock gap, which on a loaded machine also counts
/// the time the thread waited for a core.
double g_worstGuiCpuMs = 0;
#if defined(FLUXOLAB_SANITIZED)
constexpr double kGuiCpuBoundMs = 500; // instrumented code runs 5-15x slower
#else
constexpr double kGuiCpuBoundMs = 50; // the issue's bound
#endif

qint64 longestStall(const std::function<bool()>& until, int limitMs) {
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    double lastCpu = threadCpuMs();
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
        const double cpu = threadCpuMs();
        g_worstGuiCpuMs = std::max(g_worstGuiCpuMs, cpu - lastCpu);
        lastCpu = cpu;
    });
    tick.start();
    while (!until() && clock.elapsed() < limitMs) QTest::qWait(5);
    return worst;
}

/// Reports the longest wall-clock GUI stall `wall` (ms) with the GUI thread's own CPU time per
/// stretch and the load average, and asserts the CPU bound (the wall time is reported: on a shared
/// machine it includes the waits for a core that no code of ours can shorten).
#define VERIFY_GUI_BLOCKS(what, wall)                                                                          \
    do {                                                                                                       \
        qInfo("RealModeTest: %s: longest GUI stall %lld ms wall; GUI-thread CPU at most %.1f ms between two "   \
              "10 ms ticks; load average %s",                                                                  \
              what, static_cast<long long>(wall), g_worstGuiCpuMs, loadAverage().constData());                \
        QVERIFY2(g_worstGuiCpuMs < kGuiCpuBoundMs,                                                             \
                 qPrintable(QStringLiteral("the GUI thread ran %1 ms without a break").arg(g_worstGuiCpuMs))); \
    } while (false)

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

/// Deletes the topics `which` lists until it lists none (a minute at most); true when they are gone.
/// Deletion completes in the background, and on a loaded machine (the CI's first pass runs a Flink
/// job beside these tests) one DeleteTopics can time out: ask again every second.
template <typename Which>
bool deleteTopicsUntilGone(fluxolab::labs::RdKafkaBackend& admin, Which which) {
    QElapsedTimer deleting;
    deleting.start();
    for (std::vector<std::string> left = which(); !left.empty(); left = which()) {
        if (deleting.elapsed() > 60000) return false;
        for (const auto& t : left)
            if (const fluxolab::labs::BackendResult d = admin.deleteTopic(t); !d.ok())
                qInfo("RealModeTest: deleting %s: %s", t.c_str(), d.message.c_str());
        QTest::qWait(1000);
    }
    return true;
}

/// The topic `name` deleted from the cluster (see deleteTopicsUntilGone).
bool deleteTopicUntilGone(fluxolab::labs::RdKafkaBackend& admin, const std::string& name) {
    return deleteTopicsUntilGone(admin, [&admin, &name] {
        std::vector<std::string> all = admin.listTopics(false);
        std::erase_if(all, [&name](const std::string& t) { return t != name; });
        return all;
    });
}

/// A real cluster as fresh as a lab's simulated one: every topic and group of the test broker deleted.
void freshBroker(const fluxolab::labs::RdKafkaConnection& c) {
    fluxolab::labs::RdKafkaBackend admin(c);
    for (const auto& g : admin.listGroups()) admin.deleteGroup(g);
    if (!deleteTopicsUntilGone(admin, [&admin] { return admin.listTopics(false); }))
        qWarning("RealModeTest: the broker still lists topics a minute after their deletion");
}

/// Plays the lab panel like LabPanelTest's play(): "cN" clicks the step's command N and presses
/// Enter, "^C:N" / "^C" / "^D" press those keys, "tN" lets N×100 ms pass. On the real cluster time
/// is the wall clock, and a check reads the cluster on the worker: "sN" waits (at most 60 s) until
/// the lab's current step is N, as a student waits for the step's ✔ before the next one.
void playReal(MainWindow* w, const QStringList& actions) {
    LabPanel* lab = w->labPanel();
    TerminalPanel* term = w->terminalPanel();
    for (const QString& a : actions) {
        if (a.startsWith(QLatin1Char('c'))) {
            const int i = a.mid(1).toInt();
            QVERIFY2(i < lab->commands().size(), qPrintable(QStringLiteral("%1: the step shows only %2 command(s)").arg(a).arg(lab->commands().size())));
            Q_EMIT lab->textBrowser()->anchorClicked(QUrl(QStringLiteral("fluxolab-cmd:%1").arg(i)));
            TerminalConsole* c = term->currentConsole();
            QTest::keyClick(c, Qt::Key_Return);
            // A command that ends (kafka-topics, a producer line) ends before the next click; one that
            // runs until Ctrl+C gets a moment to start.
            QElapsedTimer t;
            t.start();
            while (c->isBusy() && !c->isProducing() && t.elapsed() < 2500) QTest::qWait(20);
        } else if (a.startsWith(QStringLiteral("^C:"))) {
            QTest::keyClick(term->console(a.mid(3).toInt()), Qt::Key_C, Qt::ControlModifier);
            QTRY_VERIFY_WITH_TIMEOUT(!term->console(a.mid(3).toInt())->isBusy(), 30000);
        } else if (a == QStringLiteral("^C") || a == QStringLiteral("^D")) {
            TerminalConsole* c = term->currentConsole();
            QTest::keyClick(c, a == QStringLiteral("^C") ? Qt::Key_C : Qt::Key_D, Qt::ControlModifier);
            QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy(), 30000);
        } else if (a.startsWith(QLatin1Char('t'))) {
            QTest::qWait(a.mid(1).toInt() * 100);
        } else if (a.startsWith(QLatin1Char('s'))) {
            const int step = a.mid(1).toInt();
            QTRY_VERIFY2_WITH_TIMEOUT(lab->currentStep() >= step, qPrintable(QStringLiteral("waiting for step %1, at %2:\n%3").arg(step).arg(lab->currentStep()).arg(lab->textBrowser()->toPlainText())), 60000);
        }
    }
}

// LabPanelTest's plays of labs 1-3, with a wait for each step's ✔ ("sN") where a student would.
const QStringList kRealLab1 = {QStringLiteral("c0"), QStringLiteral("s1"), QStringLiteral("c0"), QStringLiteral("s2"),
                               QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"),
                               QStringLiteral("^D"), QStringLiteral("s3"), QStringLiteral("c0"), QStringLiteral("t30"),
                               QStringLiteral("^C:0"), QStringLiteral("s4")};
const QStringList kRealLab2 = {
    QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("s1"), // create petr4, vale3
    QStringLiteral("c0"), QStringLiteral("t30"), QStringLiteral("c0"), QStringLiteral("s2"), // two consumers, two tabs
    QStringLiteral("c0"), QStringLiteral("s3"), // petr4 consumer, third tab
    QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("^D"),
    QStringLiteral("c4"), QStringLiteral("c5"), QStringLiteral("c6"), QStringLiteral("c7"), QStringLiteral("^D"),
    QStringLiteral("s4"), QStringLiteral("t60"), QStringLiteral("c0"), QStringLiteral("s5")}; // describe: no lag
const QStringList kRealLab3 = {
    QStringLiteral("s0"), QStringLiteral("c0"), QStringLiteral("s1"), // describe pedidos
    // The step needs a describe that showed the group Stable: on the real broker the first join waits
    // group.initial.rebalance.delay.ms (3 s by default), and a second member's join waits for the first
    // to rejoin at its next heartbeat (3 s), so the student describes once the group has settled.
    QStringLiteral("c0"), QStringLiteral("t80"), QStringLiteral("c1"), QStringLiteral("s2"), // consumer (tab 1), describe (tab 2)
    QStringLiteral("c0"), QStringLiteral("t80"), QStringLiteral("c1"), QStringLiteral("s3"), // 2nd consumer, --members
    QStringLiteral("^C:1"), QStringLiteral("t30"), QStringLiteral("c0"), QStringLiteral("s4"), // stop it, describe
    QStringLiteral("^C:0"), QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"),
    QStringLiteral("^D"), QStringLiteral("c4"), QStringLiteral("s5"), // produce 3, describe: LAG
    QStringLiteral("c0"), QStringLiteral("t60"), QStringLiteral("^C"), QStringLiteral("c1"), QStringLiteral("s6"), // drain
    QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("s7")}; // --dry-run, --execute

} // namespace

void RealModeTest::initTestCase() {
    // The assertions read the English source texts.
    QVERIFY(setLanguage(QStringLiteral("en")));
}

void RealModeTest::init() {
    QSettings().remove(QStringLiteral("realCluster"));
    g_worstGuiCpuMs = 0;
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
        QCOMPARE(QString::fromUtf8(c.sasl_password.c_str()), secret);
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

void RealModeTest::passwordGoesToTheKeychain() {
    const QString secret = QStringLiteral("kc-Wm37-only-in-the-keychain");
    std::map<QString, QString> keychain;
    PasswordStore& store = PasswordStore::instance();
    store.forgetSession();
    store.setKeychain(std::make_unique<FakeKeychain>(&keychain));
    {
        ConnectionDialog d;
        d.findChild<QComboBox*>(QStringLiteral("profile"))->setEditText(QStringLiteral("turma"));
        d.findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("SASL_SSL"));
        d.findChild<QLineEdit*>(QStringLiteral("user"))->setText(QStringLiteral("aluno"));
        d.findChild<QLineEdit*>(QStringLiteral("password"))->setText(secret);
        QVERIFY(d.keychainLabel()->text().contains(QStringLiteral("system keychain")));
        d.saveProfile();
        QTRY_COMPARE(keychain[QStringLiteral("turma")], secret);
        QVERIFY(d.keychainLabel()->text().contains(QStringLiteral("system keychain")));
    }
    QSettings s;
    s.sync();
    QCOMPARE(s.value(QStringLiteral("realCluster/profiles/turma/user")).toString(), QStringLiteral("aluno"));
    QFile file(s.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains(secret.toUtf8()), "the password is in the settings file");
    // A new run (nothing in memory) reads the password back from the keychain.
    store.forgetSession();
    {
        ConnectionDialog again;
        again.loadProfile(QStringLiteral("turma"));
        QTRY_COMPARE(again.findChild<QLineEdit*>(QStringLiteral("password"))->text(), secret);
    }
    // Saving without a password removes it from the keychain.
    {
        ConnectionDialog d;
        d.loadProfile(QStringLiteral("turma"));
        QTRY_COMPARE(d.findChild<QLineEdit*>(QStringLiteral("password"))->text(), secret);
        d.findChild<QLineEdit*>(QStringLiteral("password"))->clear();
        d.saveProfile();
        QVERIFY(!keychain.count(QStringLiteral("turma")));
    }
    // A keychain that fails: the password stays in memory for this run, and the dialog says so.
    std::map<QString, QString> none;
    store.setKeychain(std::make_unique<FakeKeychain>(&none, true));
    {
        ConnectionDialog d;
        d.findChild<QComboBox*>(QStringLiteral("profile"))->setEditText(QStringLiteral("turma"));
        d.findChild<QLineEdit*>(QStringLiteral("password"))->setText(secret);
        d.saveProfile();
        QTRY_VERIFY(d.keychainLabel()->text().contains(QStringLiteral("memory")));
        QVERIFY(!store.keychainAvailable());
        QVERIFY(none.empty());
    }
    s.sync();
    QFile after(s.fileName());
    QVERIFY(after.open(QIODevice::ReadOnly));
    QVERIFY2(!after.readAll().contains(secret.toUtf8()), "the password is in the settings file");
    ConnectionDialog fromMemory;
    fromMemory.loadProfile(QStringLiteral("turma"));
    QTRY_COMPARE(fromMemory.findChild<QLineEdit*>(QStringLiteral("password"))->text(), secret);
    store.setKeychain(nullptr); // as under FLUXOLAB_NO_KEYCHAIN
    store.forgetSession();
}

void RealModeTest::passwordLeavesNoCopyOfOursInMemory() {
#if defined(FLUXOLAB_SANITIZED)
    // The sanitizers' shadow memory and allocator spaces are terabytes of anonymous read-write
    // mappings: the scan would read them for hours (the ASan pass timed out at 120 s). The normal
    // pass runs it, and the backend's own scan (tests/backend, rdkafka*) runs there too.
    QSKIP("the process's memory scan runs in the build without sanitizers");
#endif
    PasswordStore::instance().setKeychain(nullptr); // session memory only (the test keychains keep copies)
    const fluxolab::tests::Marker marker;
    {
        auto* d = new ConnectionDialog;
        d->findChild<QComboBox*>(QStringLiteral("profile"))->setEditText(QStringLiteral("memtest"));
        d->findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("SASL_PLAINTEXT"));
        d->findChild<QLineEdit*>(QStringLiteral("user"))->setText(QStringLiteral("fluxolab"));
        {
            char pw[64];
            marker.decode(pw);
            // As typed: the field's text (UTF-16). This QString shares the field's buffer.
            d->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QString::fromLatin1(pw, static_cast<qsizetype>(marker.size())));
            fluxolab::labs::wipeBytes(pw, sizeof pw);
        }
        d->saveProfile(); // the session store takes a copy of its own
        QVERIFY(!fluxolab::labs::processDumpable());
        fluxolab::labs::RdKafkaConnection c = d->connection();
        const fluxolab::labs::RdKafkaConnection copy = c;
        QCOMPARE(c.sasl_password.size(), marker.size());
        const std::size_t live = marker.countInMemory();
        QVERIFY2(live >= 4, qPrintable(QStringLiteral("%1 copies seen while they live").arg(live))); // field, store, c, copy
        delete d; // overwrites its field's characters
        QVERIFY(marker.countInMemory() <= live - 1);
        PasswordStore::instance().remove(QStringLiteral("memtest"));
    }
    const std::size_t after = marker.countInMemory();
    qInfo("RealModeTest: copies of the password in memory once the dialog, the profile's password and the connections are gone: %zu", after);
    QCOMPARE(after, std::size_t{0});
}

void RealModeTest::passwordGoneAfterTestConnectAndDisconnect() {
#if defined(FLUXOLAB_SANITIZED)
    QSKIP("the process's memory scan runs in the build without sanitizers");
#endif
    PasswordStore::instance().setKeychain(nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == 0, 30000);
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(silent.port());
    const fluxolab::tests::Marker marker;
    auto* w = new MainWindow;
    RealModeController* real = w->realMode();
    {
        auto* d = new ConnectionDialog(w);
        d->findChild<QComboBox*>(QStringLiteral("profile"))->setEditText(QStringLiteral("memtest2"));
        d->findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(address);
        d->findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("SASL_PLAINTEXT"));
        d->findChild<QLineEdit*>(QStringLiteral("user"))->setText(QStringLiteral("fluxolab"));
        auto* field = d->findChild<QLineEdit*>(QStringLiteral("password"));
        {
            char pw[64];
            marker.decode(pw);
            QString typed = QString::fromLatin1(pw, static_cast<qsizetype>(marker.size()));
            fluxolab::labs::wipeBytes(pw, sizeof pw);
            QTest::keyClicks(field, typed); // typed key by key, as a user does
            wipeQString(typed);
        }
        QCOMPARE(static_cast<std::size_t>(field->text().size()), marker.size());
        d->setProbeTimeout(3000);
        d->findChild<QPushButton*>(QStringLiteral("testConnection"))->click();
        QVERIFY(d->testing());
        longestStall([] { return false; }, 300); // the probe's client is inside its first request
        d->cancelTest();
        fluxolab::labs::RdKafkaConnection c = d->connection();
        c.request_timeout_ms = 3000;
        delete d; // as after "Ligar": the dialog goes
        real->connectTo(c, 200);
        c.sasl_password.clear();
        longestStall([] { return false; }, 500); // the workers' clients hold it now
        const std::size_t live = marker.countInMemory();
        qInfo("RealModeTest: copies of the password while connected to a silent broker: %zu", live);
        QVERIFY2(live >= 2, qPrintable(QStringLiteral("%1 copies").arg(live))); // ours and librdkafka's
        real->showSimulation();
    }
    // The threads end without anyone waiting (the reaper; a request left running after a cancel
    // ends at its 3 s timeout on a thread of its own, destroying its client there).
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == 0, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(marker.countInMemory(), std::size_t{0}, 15000);
    delete w;
    PasswordStore::instance().forgetSession();
}

void RealModeTest::passwordFieldKeepsNoUndoHistory() {
    const QString secret = QStringLiteral("undo-Kp42-secret");
    // What Qt's own clear() leaves for an undo in a password field (printed: Qt 6.4 refuses the
    // undo, but clear() goes through the editing path that records what it removes).
    QLineEdit plain;
    plain.setEchoMode(QLineEdit::Password);
    QTest::keyClicks(&plain, secret);
    plain.clear();
    plain.undo();
    qInfo("RealModeTest: a password QLineEdit after clear() and undo(): %s",
          plain.text() == secret ? "the password is back" : "empty");
    ConnectionDialog d;
    d.findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("SASL_PLAINTEXT"));
    auto* field = d.findChild<QLineEdit*>(QStringLiteral("password"));
    QTest::keyClicks(field, secret);
    QCOMPARE(field->text(), secret);
    d.loadProfile(QStringLiteral("another"));
    QVERIFY(field->text().isEmpty());
    field->undo();
    QVERIFY2(field->text().isEmpty(), "an undo brought the password back");
    QTest::keyClicks(field, secret);
    d.clearPassword();
    field->undo();
    QVERIFY(field->text().isEmpty());
    QVERIFY(!field->isUndoAvailable());
}

void RealModeTest::cancelTestReturnsAtOnce() {
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(silent.port());
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == 0, 30000);
    const int rdkBefore = rdkafkaThreads();
    ConnectionDialog d;
    d.findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(address);
    d.findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("PLAINTEXT"));
    d.setProbeTimeout(10000);
    auto* button = d.findChild<QPushButton*>(QStringLiteral("testConnection"));
    button->click();
    QVERIFY(d.testing());
    QCOMPARE(button->text(), QStringLiteral("Cancel the test"));
    QVERIFY(button->isEnabled());
    QCOMPARE(ThreadReaper::instance().pending(), 1);
    qint64 stall = longestStall([] { return false; }, 500); // inside the metadata request
    QCOMPARE(ThreadReaper::instance().pending(), 1);
    QElapsedTimer clock;
    clock.start();
    const double cpu = threadCpuMs();
    button->click(); // cancel
    const double cancelCpu = threadCpuMs() - cpu;
    const qint64 cancelWall = clock.elapsed();
    QVERIFY(!d.testing());
    QCOMPARE(d.resultLabel()->text(), QStringLiteral("Test cancelled."));
    QCOMPARE(button->text(), QStringLiteral("Test connection"));
    // Without the cancel reaching the probe its thread waited for the socket timeout (2/3 of 10 s).
    stall = std::max(stall, longestStall([] { return ThreadReaper::instance().pending() == 0; }, 8000));
    const qint64 ended = clock.elapsed();
    qInfo("RealModeTest: cancel of a test: %lld ms wall / %.1f ms CPU on the GUI thread; the probe's thread ended "
          "%lld ms after it",
          static_cast<long long>(cancelWall), cancelCpu, static_cast<long long>(ended));
    QCOMPARE(ThreadReaper::instance().pending(), 0);
    QVERIFY2(ended < 2000, qPrintable(QStringLiteral("%1 ms").arg(ended)));
    // Nothing of the probe runs on: its Metadata request and librdkafka handle ended with its thread
    // (they used to run on a detached thread to the request's 10 s timeout, and could outlive the app;
    // the exit waits only for the reaper's threads).
    QVERIFY2(rdkafkaThreads() <= rdkBefore,
             qPrintable(QStringLiteral("%1 librdkafka threads left").arg(rdkafkaThreads() - rdkBefore)));
    QVERIFY2(cancelCpu < kGuiCpuBoundMs, qPrintable(QStringLiteral("%1 ms").arg(cancelCpu)));
    QCOMPARE(d.resultLabel()->text(), QStringLiteral("Test cancelled.")); // no late answer shown

    // The dialog closed (its Cancel) while it tests: the same.
    button->click();
    QVERIFY(d.testing());
    longestStall([] { return false; }, 300);
    clock.restart();
    d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!d.testing());
    QCOMPARE(d.result(), int(QDialog::Rejected));
    stall = std::max(stall, longestStall([] { return ThreadReaper::instance().pending() == 0; }, 8000));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
    QVERIFY2(rdkafkaThreads() <= rdkBefore,
             qPrintable(QStringLiteral("%1 librdkafka threads left").arg(rdkafkaThreads() - rdkBefore)));
    VERIFY_GUI_BLOCKS("a test cancelled", stall);
}

void RealModeTest::guiThreadFreeUnderCpuLoad() {
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(silent.port());
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == 0, 30000);
    std::atomic<bool> stop{false};
    std::vector<std::thread> busy;
    for (int i = 0; i < 2; ++i)
        busy.emplace_back([&stop] {
            volatile std::uint64_t n = 0;
            while (!stop.load(std::memory_order_relaxed)) n = n + 1;
        });
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = address.toStdString();
    c.request_timeout_ms = 3000;
    double worstCpu = 0;
    qint64 worstWall = 0;
    QString worstWhat;
    auto timed = [&](const QString& what, const std::function<void()>& f) {
        QElapsedTimer clock;
        clock.start();
        const double cpu0 = threadCpuMs();
        f();
        const double cpu = threadCpuMs() - cpu0;
        worstWall = std::max(worstWall, clock.elapsed());
        if (cpu > worstCpu) {
            worstCpu = cpu;
            worstWhat = what;
        }
    };
    auto* w = new MainWindow;
    w->resize(1366, 768);
    w->show();
    RealModeController* real = w->realMode();
    timed(QStringLiteral("connect"), [&] { real->connectTo(c, 200); });
    TerminalConsole* t = w->terminalPanel()->currentConsole();
    timed(QStringLiteral("a terminal command"),
          [&] { t->submit(QStringLiteral("kafka-topics.sh --bootstrap-server %1 --list").arg(address)); });
    qint64 stall = longestStall([] { return false; }, 1000);
    auto* d = new ConnectionDialog(w);
    d->findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(address);
    d->setProbeTimeout(3000);
    timed(QStringLiteral("test connection"), [&] { d->testConnection(); });
    stall = std::max(stall, longestStall([] { return false; }, 300));
    timed(QStringLiteral("cancel the test"), [&] { d->cancelTest(); });
    timed(QStringLiteral("close the dialog"), [&] { delete d; });
    timed(QStringLiteral("back to the simulation"), [&] { real->showSimulation(); });
    stall = std::max(stall, longestStall([] { return false; }, 300));
    timed(QStringLiteral("real cluster again"), [&] { real->connectTo(c, 200); });
    stall = std::max(stall, longestStall([] { return false; }, 1000));
    timed(QStringLiteral("close the window"), [&] { delete w; });
    stall = std::max(stall, longestStall([] { return false; }, 200));
    stop = true;
    for (auto& b : busy) b.join();
    qInfo("RealModeTest: 2 busy threads: the GUI thread's longest call %.1f ms CPU (%s), longest call %lld ms wall",
          worstCpu, qPrintable(worstWhat), static_cast<long long>(worstWall));
    QVERIFY2(worstCpu < kGuiCpuBoundMs, qPrintable(QStringLiteral("%1 took %2 ms of CPU").arg(worstWhat).arg(worstCpu)));
    VERIFY_GUI_BLOCKS("a silent broker under 2 busy threads", stall);
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == 0, 15000);
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
    VERIFY_GUI_BLOCKS("probing a dead port", stall);

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
    VERIFY_GUI_BLOCKS("an unreachable broker", stall);
}

void RealModeTest::rebalancesOnTheTimelineAndGroupColoursKept() {
    namespace ob = fluxolab::labs::observe;
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1";
    c.request_timeout_ms = 1500;
    real->connectTo(c, 600000); // the worker's one refresh finds nobody; the test feeds its own
    auto group = [](const std::string& name, std::vector<std::string> members, std::int64_t lag) {
        ob::Group g;
        g.name = name;
        g.state = ob::GroupState::Stable;
        for (const auto& m : members) g.members.push_back({-1, m, "client-" + m, "/127.0.0.1", {{"t", 0}}});
        g.committed[{"t", 0}] = 0;
        g.lag[{"t", 0}] = lag;
        return g;
    };
    auto feed = [&](std::int64_t t, std::vector<ob::Group> groups) {
        auto s = std::make_shared<fluxolab::labs::RealSnapshot>();
        s->connected = true;
        s->observation.time = t;
        s->observation.groups = std::move(groups); // by name, as RealObserver::observe sorts them
        real->onObserved(s, 0);
    };
    const std::int64_t t0 = 1'700'000'000'000;
    feed(t0, {group("vendas", {"m1"}, 5)});
    feed(t0 + 1000, {group("compras", {"c1"}, 2), group("vendas", {"m1"}, 5)}); // a new group with a member
    feed(t0 + 2000, {group("compras", {"c1"}, 2), group("vendas", {"m1", "m2"}, 5)}); // m2 joined
    feed(t0 + 10000, {group("compras", {"c1"}, 2), group("vendas", {"m1", "m2"}, 5)}); // nothing new
    QCOMPARE(real->rebalances().size(), std::size_t{2});
    QCOMPARE(real->rebalances()[0].group, std::string("compras"));
    QCOMPARE(real->rebalances()[1].group, std::string("vendas"));
    // On the timeline, at a tenth and a fifth of the 10 s seen so far.
    QCoreApplication::processEvents(); // the real view is laid out in the window
    RealTimeline* line = real->view()->timeline();
    QCOMPARE(line->markerCount(), std::size_t{2});
    const QRectF bar = line->bar();
    QVERIFY(bar.width() > 100);
    const double x0 = line->markerX(0), x1 = line->markerX(1);
    QVERIFY2(std::abs(x0 - (bar.left() + 0.1 * bar.width())) < 0.01, qPrintable(QString::number(x0)));
    QVERIFY2(std::abs(x1 - (bar.left() + 0.2 * bar.width())) < 0.01, qPrintable(QString::number(x1)));
    QVERIFY(line->textAt(x1).contains(QStringLiteral("rebalance of vendas")));
    QVERIFY(line->textAt(x0).contains(QStringLiteral("rebalance of compras")));
    QVERIFY(!line->textAt(x0).contains(QStringLiteral("vendas")));
    // "compras" sorts first but "vendas" was seen first: vendas keeps ordinal 0 (its colour).
    QCOMPARE(real->latest()->group("vendas")->ordinal, 0);
    QCOMPARE(real->latest()->group("compras")->ordinal, 1);
    QCustomPlot* lag = real->view()->lagPlot();
    std::map<QString, QColor> colours;
    for (int i = 0; i < lag->graphCount(); ++i) colours[lag->graph(i)->name()] = lag->graph(i)->pen().color();
    QCOMPARE(colours[QStringLiteral("group vendas (total)")], groupColour(0));
    QCOMPARE(colours[QStringLiteral("group compras (total)")], groupColour(1));
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

void RealModeTest::statusUpdatesEverySecondWithoutAnswers() {
    MainWindow w;
    RealModeController* real = w.realMode();
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1";
    c.request_timeout_ms = 5000;
    QElapsedTimer clock;
    clock.start();
    real->connectTo(c, 1000);
    QCOMPARE(real->statusText(), QStringLiteral("Real cluster 127.0.0.1:1: connecting…"));
    QStringList seen;
    for (int i = 0; i < 4; ++i) {
        while (clock.elapsed() < 3300 + 1000 * i) QTest::qWait(20);
        seen << real->statusText();
    }
    const QRegularExpression lost(QStringLiteral("^No connection to the broker 127\\.0\\.0\\.1:1 \\((no answer in time|unreachable|client error)\\) "
                                                 "for (\\d+) s: trying again$"));
    for (int i = 0; i < seen.size(); ++i) {
        const QRegularExpressionMatch m = lost.match(seen[i]);
        QVERIFY2(m.hasMatch(), qPrintable(seen[i]));
        const int seconds = m.captured(2).toInt();
        // Seconds since connectTo: no refresh ever answered "connected".
        QVERIFY2(seconds >= 3 + i && seconds <= 4 + i, qPrintable(seen[i]));
        if (i > 0) QVERIFY2(seen[i] != seen[i - 1], qPrintable(seen[i]));
    }
    // The status bar shows it (updated by the same once-a-second tick).
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("realStatus"))->text().startsWith(QStringLiteral("No connection to the broker 127.0.0.1:1 (")));
}

void RealModeTest::refreshCadenceKeptBehindAStuckRequest() {
    MainWindow w;
    RealModeController* real = w.realMode();
    real->setObserveForTests([](qint64 seq) {
        if (seq == 2) QThread::msleep(2500); // stuck in a request
        fluxolab::labs::RealSnapshot s;
        s.connected = true;
        s.observation.time = seq * 1000;
        return s;
    });
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:9";
    QElapsedTimer clock;
    clock.start();
    real->connectTo(c, 200);
    while (clock.elapsed() < 1700) QTest::qWait(20);
    // Started at 0, 200 (stuck), 400 ... 1600 ms: all but the stuck one answered at once.
    QVERIFY2(real->refreshes() >= 6, qPrintable(QString::number(real->refreshes())));
    QVERIFY(real->connected());
    QVERIFY(real->latest()->time >= 6000);
    QCOMPARE(real->workers(), 2);
    QCOMPARE(real->staleAnswers(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(real->staleAnswers(), 1, 5000);
    // The late answer of refresh 2 did not replace the newer picture.
    QVERIFY(real->latest()->time > 2000);
    QCOMPARE(real->workers(), 2);
}

void RealModeTest::statusSaysLostWhileEveryRefreshIsStuck() {
    MainWindow w;
    RealModeController* real = w.realMode();
    real->setObserveForTests([](qint64 seq) {
        if (seq > 1) QThread::msleep(6000); // a broker that stopped answering
        fluxolab::labs::RealSnapshot s;
        s.connected = true;
        s.observation.time = seq * 1000;
        return s;
    });
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:9";
    QElapsedTimer clock;
    clock.start();
    real->connectTo(c, 200);
    QTRY_VERIFY(real->connected());
    while (clock.elapsed() < 2800) QTest::qWait(20);
    QVERIFY(real->connected());
    QCOMPARE(real->workers(), RealModeController::kMaxWorkers);
    QCOMPARE(real->refreshes(), 1);
    while (clock.elapsed() < 3400) QTest::qWait(20);
    QVERIFY(!real->connected());
    QVERIFY2(real->statusText() == QStringLiteral("No connection to the broker 127.0.0.1:9 (no answer in time) for 3 s: trying again"),
             qPrintable(real->statusText()));
    while (clock.elapsed() < 4400) QTest::qWait(20);
    QCOMPARE(real->statusText(), QStringLiteral("No connection to the broker 127.0.0.1:9 (no answer in time) for 4 s: trying again"));
    QCOMPARE(real->workers(), RealModeController::kMaxWorkers);
}

void RealModeTest::noLibrdkafkaCallNorJoinOnTheGuiThread() {
    namespace lb = fluxolab::labs;
    // A broker that accepts connections and never answers: each request waits for its timeout.
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(silent.port());
    lb::RdKafkaConnection c;
    c.bootstrap_servers = address.toStdString();
    c.request_timeout_ms = 4000;
    const std::uint64_t callsBefore = lb::rdkafkaCallsOnGuardedThread();
    QVERIFY(ThreadReaper::instance().drain(30000)); // nothing of an earlier case still running

    qint64 worstCall = 0;
    QString worstWhat;
    QElapsedTimer clock;
    auto timed = [&](const QString& what, const std::function<void()>& f) {
        clock.restart();
        f();
        if (clock.elapsed() > worstCall) {
            worstCall = clock.elapsed();
            worstWhat = what;
        }
    };
    auto* w = new MainWindow;
    w->resize(1366, 768);
    w->show();
    // The window's first exposure and paint (once per window, before any request) is not measured.
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QCoreApplication::processEvents();
    RealModeController* real = w->realMode();
    timed(QStringLiteral("connect"), [&] { real->connectTo(c, 200); });
    TerminalConsole* t = w->terminalPanel()->currentConsole();
    t->submit(QStringLiteral("kafka-topics.sh --bootstrap-server %1 --list").arg(address));
    // The refresh worker and the terminal's worker are inside their first requests meanwhile.
    QElapsedTimer waited;
    waited.start();
    qint64 stall = longestStall([&] { return waited.elapsed() > 1500; }, 5000);
    QVERIFY(t->isBusy());
    QCOMPARE(real->refreshes(), 0); // no answer yet: still inside the first refresh

    auto* d = new ConnectionDialog(w);
    d->findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(address);
    d->findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("PLAINTEXT"));
    d->setProbeTimeout(4000);
    timed(QStringLiteral("test connection"), [&] { d->findChild<QPushButton*>(QStringLiteral("testConnection"))->click(); });
    QVERIFY(d->testing());
    stall = std::max(stall, longestStall([] { return false; }, 300));
    timed(QStringLiteral("close the dialog while it probes"), [&] { delete d; });
    timed(QStringLiteral("reconnect"), [&] { real->connectTo(c, 200); });
    stall = std::max(stall, longestStall([] { return false; }, 300));
    timed(QStringLiteral("back to the simulation"), [&] { real->showSimulation(); });
    timed(QStringLiteral("real cluster again"), [&] { real->connectTo(c, 200); });
    stall = std::max(stall, longestStall([] { return false; }, 500));
    timed(QStringLiteral("close the window"), [&] { delete w; });
    // The threads still wait for the silent broker: nobody waited for them.
    const int retired = ThreadReaper::instance().pending();
    qInfo("RealModeTest: silent broker: longest GUI stall %lld ms, longest call %lld ms (%s), %d threads still in a request",
          static_cast<long long>(stall), static_cast<long long>(worstCall), qPrintable(worstWhat), retired);
    QVERIFY2(retired > 0, "every thread had ended already: the case proves nothing");
    QVERIFY2(lb::rdkafkaCallsOnGuardedThread() == callsBefore,
             qPrintable(QStringLiteral("librdkafka called on the GUI thread: %1")
                            .arg(QString::fromStdString(lb::lastRdKafkaCallOnGuardedThread()))));
    // A generous bound, well under the 4 s a join would take (the issue's 50 ms is measured and reported;
    // a shared CI machine under load starves any thread for a few hundred ms).
    QVERIFY2(worstCall < 1000, qPrintable(QStringLiteral("%1 took %2 ms").arg(worstWhat).arg(worstCall)));
    QVERIFY2(stall < 1000, qPrintable(QStringLiteral("GUI stall %1 ms").arg(stall)));
    VERIFY_GUI_BLOCKS("a silent broker", stall);
    // The reaper ends them (cancelled, or the probe at its 4 s timeout), off the GUI thread.
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == 0, 30000);
    QCOMPARE(lb::rdkafkaCallsOnGuardedThread(), callsBefore);
}

void RealModeTest::leavingRealModeCutsBlockingRequestsShort() {
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(silent.port());
    // Threads of earlier cases still in their requests are not this case's.
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == 0, 30000);
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = address.toStdString();
    c.request_timeout_ms = 10000;
    MainWindow w;
    RealModeController* real = w.realMode();
    real->connectTo(c, 200);
    TerminalConsole* t = w.terminalPanel()->currentConsole();
    t->submit(QStringLiteral("kafka-topics.sh --bootstrap-server %1 --list").arg(address));
    // Both workers are inside their first requests (metadata on the silent port) after a second.
    const qint64 stall = longestStall([] { return false; }, 1000);
    QVERIFY(t->isBusy());
    QCOMPARE(real->refreshes(), 0);
    const int before = ThreadReaper::instance().pending();
    QElapsedTimer ended;
    ended.start();
    real->showSimulation();
    QVERIFY(ThreadReaper::instance().pending() > before); // retired, still inside their requests
    // Before RdKafkaConnection::abort: ~9 s (the rest of the 10 s timeout). The bound leaves room
    // for a loaded machine; the cancel itself is seen within 50-100 ms.
    QTRY_VERIFY_WITH_TIMEOUT(ThreadReaper::instance().pending() == before, 8000);
    qInfo("RealModeTest: back to the simulation: the workers inside requests to a silent broker ended after %lld ms",
          static_cast<long long>(ended.elapsed()));
    QVERIFY2(ended.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(ended.elapsed())));
    VERIFY_GUI_BLOCKS("requests to a silent broker", stall);
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
    // 30 s: under ASan on a loaded 2-core CI machine, with the earlier cases' clients still waiting on
    // a silent port, the worker's first client took over 10 s once (the whole class 59 s, 28 s idle).
    QTRY_VERIFY_WITH_TIMEOUT(!t->isBusy(), 30000);
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

void RealModeTest::saslLoginOnRealBroker() {
    const QString saslPort = brokerValue("SASL_PORT");
    const QString bootstrap = testBroker();
    if (saslPort.isEmpty() || bootstrap.isEmpty()) QSKIP("no test broker with a SASL listener (kafka-broker.sh start --sasl; label real)");
    const QString sasl = QStringLiteral("127.0.0.1:") + saslPort;
    // The test broker's throw-away credentials (tests/realkafka/kafka-broker.sh).
    const QString password = QStringLiteral("fluxolab-test-secret");
    const QString wrongPassword = QStringLiteral("wrong-Tq58-password");
    g_messages.clear();
    g_previous = qInstallMessageHandler(capture);

    auto probe = [&](const QString& mechanism, const QString& pw) {
        ConnectionDialog d;
        d.findChild<QComboBox*>(QStringLiteral("profile"))->setEditText(QStringLiteral("sasl-test"));
        d.findChild<QLineEdit*>(QStringLiteral("bootstrap"))->setText(sasl);
        d.findChild<QComboBox*>(QStringLiteral("securityProtocol"))->setCurrentText(QStringLiteral("SASL_PLAINTEXT"));
        d.findChild<QComboBox*>(QStringLiteral("saslMechanism"))->setCurrentText(mechanism);
        d.findChild<QLineEdit*>(QStringLiteral("user"))->setText(QStringLiteral("fluxolab"));
        d.findChild<QLineEdit*>(QStringLiteral("password"))->setText(pw);
        d.setProbeTimeout(8000);
        d.saveProfile();
        d.testConnection();
        const qint64 stall = longestStall([&] { return !d.testing(); }, 30000);
        qInfo("RealModeTest: longest GUI stall while probing SASL %s: %lld ms wall, GUI-thread CPU at most %.1f ms "
              "between two 10 ms ticks, load average %s",
              qPrintable(mechanism), static_cast<long long>(stall), g_worstGuiCpuMs, loadAverage().constData());
        return d.resultLabel()->text();
    };
    const QString ok = probe(QStringLiteral("PLAIN"), password);
    QVERIFY2(ok.startsWith(QStringLiteral("Reached: 1 broker, cluster id ")), qPrintable(ok));
    QVERIFY2(ok.contains(QStringLiteral("Kafka 4.x")), qPrintable(ok));
    const QString bad = probe(QStringLiteral("PLAIN"), wrongPassword);
    QVERIFY2(bad.startsWith(QStringLiteral("Wrong credentials: the broker refused the user, password or SASL mechanism (")), qPrintable(bad));
    QVERIFY2(!bad.contains(QStringLiteral("SCRAM")), qPrintable(bad));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
    const QString mau = probe(QStringLiteral("PLAIN"), wrongPassword);
    QVERIFY(setLanguage(QStringLiteral("en")));
    QVERIFY2(mau.startsWith(QStringLiteral("Credenciais erradas: o broker recusou o utilizador, a palavra-passe ou o mecanismo SASL (")), qPrintable(mau));
    // SCRAM: the listener takes the right password from Kafka's Java client (real/scram-java); this
    // build's librdkafka gets refused when it is older than 2.6.1, and the dialog says why.
    for (const QString& mechanism : {QStringLiteral("SCRAM-SHA-256"), QStringLiteral("SCRAM-SHA-512")}) {
        const QString scram = probe(mechanism, password);
        if (fluxolab::labs::rdkafkaScramRefusedByKafka4()) {
            QVERIFY2(scram.startsWith(QStringLiteral("Wrong credentials: ")), qPrintable(scram));
            // The release line is known only when librdkafka logged the ApiVersions answer before the login failed.
            const QString version = QString::fromStdString(fluxolab::labs::rdkafkaVersion());
            QVERIFY2(scram.contains(QStringLiteral("Kafka 4.x, it refuses every SCRAM login of the librdkafka %1 of this build").arg(version)) ||
                         scram.contains(QStringLiteral("Kafka 4.x, which refuses every SCRAM login of the librdkafka %1 of this build").arg(version)),
                     qPrintable(scram));
        } else {
            QVERIFY2(scram.startsWith(QStringLiteral("Reached: 1 broker, cluster id ")), qPrintable(scram));
        }
    }

    // A real-mode session with the right password lists the topics of the cluster.
    fluxolab::labs::RdKafkaConnection plain;
    plain.bootstrap_servers = bootstrap.toStdString();
    plain.request_timeout_ms = 5000;
    const std::string topic = "sasl-topic-" + std::to_string(QDateTime::currentMSecsSinceEpoch() % 100000000);
    fluxolab::labs::RdKafkaBackend admin(plain);
    QVERIFY(admin.createTopic(topic, 2, 1, {}).ok());
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = sasl.toStdString();
    c.security_protocol = "SASL_PLAINTEXT";
    c.sasl_mechanism = "PLAIN";
    c.sasl_username = "fluxolab";
    c.sasl_password.assign(password.toStdString());
    c.request_timeout_ms = 5000;
    {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        RealModeController* real = w.realMode();
        real->connectTo(c, 500);
        QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
        auto listed = [&] {
            for (const QStringList& row : real->view()->topicsModel()->rows())
                if (row.value(0) == QString::fromStdString(topic)) return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), 20000);
        // The same session with a wrong password: not connected, and the status says why.
        c.sasl_password.assign(wrongPassword.toStdString());
        real->connectTo(c, 500);
        QTRY_VERIFY_WITH_TIMEOUT(real->refreshes() >= 1, 30000);
        QVERIFY(!real->connected());
        const QString at = QRegularExpression::escape(sasl);
        const QRegularExpression en(QStringLiteral("^No connection to the broker %1 \\(wrong credentials\\) for \\d+ s: trying again$").arg(at));
        QVERIFY2(en.match(real->statusText()).hasMatch(), qPrintable(real->statusText()));
        QVERIFY(setLanguage(QStringLiteral("pt_PT")));
        const QString pt = real->statusText();
        QVERIFY(setLanguage(QStringLiteral("en")));
        const QRegularExpression ptPT(QStringLiteral("^Sem ligação ao broker %1 \\(credenciais erradas\\) há \\d+ s: a tentar novamente$").arg(at));
        QVERIFY2(ptPT.match(pt).hasMatch(), qPrintable(pt));
    }
    admin.deleteTopic(topic);
    qInstallMessageHandler(g_previous);
    for (const QString& m : g_messages) {
        QVERIFY2(!m.contains(password), "a message has the password");
        QVERIFY2(!m.contains(wrongPassword), "a message has the wrong password");
    }
    QSettings s;
    s.sync();
    QCOMPARE(s.value(QStringLiteral("realCluster/profiles/sasl-test/user")).toString(), QStringLiteral("fluxolab"));
    QFile file(s.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray disk = file.readAll();
    QVERIFY(disk.contains(sasl.toUtf8()));
    QVERIFY2(!disk.contains(password.toUtf8()), "the password is in the settings file");
    QVERIFY2(!disk.contains(wrongPassword.toUtf8()), "the wrong password is in the settings file");
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
    VERIFY_GUI_BLOCKS("the broker froze", stall);
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
    // The here-document's lines and nothing of the producer's: its input is not a terminal, so it
    // prints no '>' prompts (LineMessageReader prompts only when System.console() exists), as on the
    // simulation's terminal.
    QCOMPARE(produced, QStringLiteral("a:1\nb:2\nc:3\nEOF\n"));
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
    VERIFY_GUI_BLOCKS("the terminal ran on the real broker", stall);
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
    auto window = std::make_unique<MainWindow>();
    MainWindow& w = *window;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 300);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    TerminalConsole* t = w.terminalPanel()->currentConsole();
    qint64 stall = 0;
    QCOMPARE(runInTerminal(t, QStringLiteral("kafka-topics.sh --bootstrap-server %1 --create --topic %2 --partitions 2").arg(bootstrap, topic), &stall),
             QStringLiteral("Created topic %1.\n").arg(topic));
    // Lab 1 in the middle: its first two steps passed on the broker (the lab's topic deleted first).
    {
        fluxolab::labs::RdKafkaBackend admin(c);
        QVERIFY(deleteTopicUntilGone(admin, "exemplo-topico"));
    }
    LabPanel* panel = w.labPanel();
    QVERIFY(panel->loadLab(QStringLiteral("topicos-particoes-offsets")));
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000);
    playReal(&w, {QStringLiteral("c0"), QStringLiteral("s1"), QStringLiteral("c0"), QStringLiteral("s2")});
    if (QTest::currentTestFailed()) return;
    QCOMPARE(panel->currentStep(), 2);

    // The broker's process ends; its port, configuration and data stay.
    QElapsedTimer phase;
    phase.start();
    QProcess stop;
    stop.start(script, {QStringLiteral("stop"), QStringLiteral("--keep")});
    stall = std::max(stall, longestStall([&] { return stop.state() == QProcess::NotRunning && !real->connected(); }, 60000));
    qInfo("RealModeTest: stop --keep exit %d, connected %d, after %lld ms", stop.exitCode(), int(real->connected()),
          static_cast<long long>(phase.restart()));
    QCOMPARE(stop.exitCode(), 0);
    QVERIFY(!real->connected());
    QVERIFY2(real->statusText().startsWith(QStringLiteral("No connection to the broker")), qPrintable(real->statusText()));
    QVERIFY(real->isReal());
    QCOMPARE(panel->currentStep(), 2); // the outage undoes no step
    QCOMPARE(panel->passedCount(), 2);
    const int commandsBefore = static_cast<int>(w.cliHost()->remoteHistory().size());

    // The same broker again (same port and data): the app reconnects by itself.
    QProcess restart;
    restart.start(script, {QStringLiteral("restart")});
    stall = std::max(stall, longestStall([&] { return restart.state() == QProcess::NotRunning && real->connected(); }, 150000));
    qInfo("RealModeTest: restart exit %d, connected %d, after %lld ms", restart.exitCode(), int(real->connected()),
          static_cast<long long>(phase.restart()));
    QVERIFY2(restart.exitCode() == 0, restart.readAllStandardError().constData());
    QVERIFY(real->connected());
    QVERIFY(real->statusText().contains(QStringLiteral("connected")));
    QCOMPARE(static_cast<int>(w.cliHost()->remoteHistory().size()), commandsBefore); // nothing lost
    // The topic created before the stop is still there, and the terminal works on the same connection.
    const QString described = runInTerminal(t, QStringLiteral("kafka-topics.sh --bootstrap-server %1 --describe --topic %2").arg(bootstrap, topic), &stall);
    QVERIFY2(described.contains(QStringLiteral("PartitionCount: 2")), qPrintable(described));
    // The lab's progress is intact, and its next step passes on the restarted broker.
    QCOMPARE(panel->currentStep(), 2);
    QCOMPARE(panel->passedCount(), 2);
    playReal(&w, {QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("^D"),
                  QStringLiteral("s3")});
    if (QTest::currentTestFailed()) return;
    QCOMPARE(panel->passedCount(), 3);
    VERIFY_GUI_BLOCKS("the broker stopped and restarted", stall);
    fluxolab::labs::RdKafkaBackend(c).deleteTopic(topic.toStdString());
    // Closing the window waits for no worker thread (the reaper ends them): quick, also after an outage.
    QElapsedTimer closing;
    closing.start();
    window.reset();
    qInfo("RealModeTest: the window closed in %lld ms", static_cast<long long>(closing.elapsed()));
    QVERIFY(closing.elapsed() < 20000);
}

void RealModeTest::labProgressKeptOnReconnect() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 5000;
    freshBroker(c);
    QSettings().remove(QStringLiteral("labs"));
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 500);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    LabPanel* panel = w.labPanel();
    QVERIFY(panel->loadLab(QStringLiteral("topicos-particoes-offsets")));
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000);
    playReal(&w, {QStringLiteral("c0"), QStringLiteral("s1"), QStringLiteral("c0"), QStringLiteral("s2")});
    if (QTest::currentTestFailed()) return;
    QCOMPARE(panel->currentStep(), 2);
    // No record in the lab's topic yet (its two partitions).
    fluxolab::labs::RdKafkaBackend admin(c);
    auto records = [&] {
        std::int64_t n = 0;
        for (int p = 0; p < 2; ++p) n += admin.latestOffset({"exemplo-topico", p});
        return n;
    };
    QCOMPARE(records(), std::int64_t{0});

    // A reconnect to the same cluster: the lab resumes at step 2, with steps 0 and 1 passed.
    real->connectTo(c, 500);
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000);
    QCOMPARE(panel->currentStep(), 2);
    QCOMPARE(panel->passedCount(), 2);
    // To the simulation (its own progress: step 0) and back to the real cluster: step 2 again.
    real->showSimulation();
    QCOMPARE(panel->currentStep(), 0);
    real->connectTo(c, 500);
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000);
    QCOMPARE(panel->currentStep(), 2);
    // The resumed engine checks the step on the cluster: three keyed records pass it.
    playReal(&w, {QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("^D"),
                  QStringLiteral("s3")});
    if (QTest::currentTestFailed()) return;
    QCOMPARE(panel->passedCount(), 3);
    QCOMPARE(records(), std::int64_t{3}); // the three records typed, each once
    // "Restart" forgets the real cluster's progress too: the lab starts over. A real cluster is not
    // reset, so step 0 (the topic exists) passes at once; step 1 waits for a describe typed since.
    panel->restart();
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000);
    QCOMPARE(panel->currentStep(), 1);
    QCOMPARE(panel->passedCount(), 1);
}

void RealModeTest::labProgressSurvivesARestartOfTheApp() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 5000;
    freshBroker(c);
    QSettings().remove(QStringLiteral("labs"));
    const QString lab = QStringLiteral("topicos-particoes-offsets");
    const QString key = LabPanel::realProgressKey(bootstrap, lab);
    QVERIFY2(key.startsWith(QStringLiteral("labs/realProgress/")) && !key.mid(18).contains(QLatin1Char(':')), qPrintable(key));
    {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        w.realMode()->connectTo(c, 500);
        QTRY_VERIFY_WITH_TIMEOUT(w.realMode()->connected(), 20000);
        QVERIFY(w.labPanel()->loadLab(lab));
        QTRY_VERIFY_WITH_TIMEOUT(w.labPanel()->realChecks() >= 1, 30000);
        playReal(&w, {QStringLiteral("c0"), QStringLiteral("s1"), QStringLiteral("c0"), QStringLiteral("s2")});
        if (QTest::currentTestFailed()) return;
        QCOMPARE(w.labPanel()->passedCount(), 2);
    } // the window closes as on exit; the simulation's progress of the lab stays at step 0
    QVERIFY2(!QSettings().value(key).toString().isEmpty(), qPrintable(key));
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    LabPanel* panel = w.labPanel();
    QVERIFY(panel->loadLab(lab));
    QCOMPARE(panel->currentStep(), 0); // the simulation's own progress
    w.realMode()->connectTo(c, 500);
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000);
    QCOMPARE(panel->currentStep(), 2);
    QCOMPARE(panel->passedCount(), 2);
    // Resumed, not set up again: the lab's topic has no record (its setup made none either) and the
    // step's check still passes with three keyed records typed now.
    playReal(&w, {QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("^D"),
                  QStringLiteral("s3")});
    if (QTest::currentTestFailed()) return;
    QCOMPARE(panel->passedCount(), 3);
    // "Restart" forgets it in QSettings too (then saves the new run's progress).
    panel->restart();
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000);
    QCOMPARE(panel->passedCount(), 1);
}

void RealModeTest::labsSolvedFromThePanelOnRealBroker_data() {
    QTest::addColumn<QString>("lab");
    QTest::addColumn<QStringList>("play");
    QTest::newRow("lab 1") << QStringLiteral("topicos-particoes-offsets") << kRealLab1;
    QTest::newRow("lab 2") << QStringLiteral("produtores-consumidores") << kRealLab2;
    QTest::newRow("lab 3") << QStringLiteral("grupos-lag-rebalanceamento") << kRealLab3;
}

void RealModeTest::labsSolvedFromThePanelOnRealBroker() {
    QFETCH(QString, lab);
    QFETCH(QStringList, play);
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 5000;
    freshBroker(c);
    QSettings().remove(QStringLiteral("labs"));
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 500);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    LabPanel* panel = w.labPanel();
    QVERIFY(panel->loadLab(lab));
    QVERIFY(panel->runsOnRealCluster());
    // The commands the panel shows name the test broker, not the course's localhost:9092.
    QVERIFY(!panel->commands().isEmpty());
    for (const QString& cmd : panel->commands())
        if (cmd.contains(QStringLiteral("--bootstrap-server"))) QVERIFY2(cmd.contains(bootstrap), qPrintable(cmd));
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= 1, 30000); // the setup ran on the broker
    playReal(&w, play);
    if (QTest::currentTestFailed()) return;
    QVERIFY2(panel->finished(), qPrintable(panel->textBrowser()->toPlainText()));
    QCOMPARE(panel->passedCount(), panel->stepCount());
    // What the steps needed is on the test broker itself (the checks read it, not the simulation).
    fluxolab::labs::RdKafkaBackend admin(c);
    const auto topics = admin.listTopics(false);
    const std::string wanted = lab == QStringLiteral("topicos-particoes-offsets") ? "exemplo-topico"
                               : lab == QStringLiteral("produtores-consumidores") ? "vale3"
                                                                                   : "pedidos";
    QVERIFY(std::find(topics.begin(), topics.end(), wanted) != topics.end());
    // The simulation's lab was not touched by the real one: its engine is still at the first step.
    QVERIFY(panel->engine());
    QCOMPARE(panel->engine()->currentStep(), std::size_t{0});
    // Back on the simulation, the panel shows the simulation's progress again.
    real->showSimulation();
    QVERIFY(!panel->runsOnRealCluster());
    QCOMPARE(panel->currentStep(), 0);
}

void RealModeTest::wrongSolutionFailsTheSameStepOnRealBroker() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    c.request_timeout_ms = 5000;
    freshBroker(c);
    QSettings().remove(QStringLiteral("labs"));
    // Lab 1 with one keyed record instead of three: step 3 ("produzir-chaves") stays open.
    const QString lab1 = QStringLiteral("topicos-particoes-offsets");
    const QStringList wrong = {QStringLiteral("c0"), QStringLiteral("s1"), QStringLiteral("c0"), QStringLiteral("s2"),
                               QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("^D"), QStringLiteral("t50")};
    int simStep = -1;
    {
        // On the simulation: the same clicks, time passing by the terminal's clock.
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        QVERIFY(w.labPanel()->loadLab(lab1));
        QVERIFY(!w.labPanel()->runsOnRealCluster());
        for (const QString& a : wrong) {
            if (a.startsWith(QLatin1Char('s'))) continue;
            if (a.startsWith(QLatin1Char('c'))) {
                Q_EMIT w.labPanel()->textBrowser()->anchorClicked(QUrl(QStringLiteral("fluxolab-cmd:%1").arg(a.mid(1).toInt())));
                QTest::keyClick(w.terminalPanel()->currentConsole(), Qt::Key_Return);
            } else if (a == QStringLiteral("^D")) {
                QTest::keyClick(w.terminalPanel()->currentConsole(), Qt::Key_D, Qt::ControlModifier);
            }
            for (int i = 0; i < 10; ++i) w.cliHost()->tickNow(CliHost::kTickMs);
        }
        simStep = w.labPanel()->currentStep();
        QVERIFY(!w.labPanel()->finished());
    }
    QCOMPARE(simStep, 2);
    QSettings().remove(QStringLiteral("labs"));
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 500);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    LabPanel* panel = w.labPanel();
    QVERIFY(panel->loadLab(lab1));
    QVERIFY(panel->runsOnRealCluster());
    playReal(&w, wrong);
    if (QTest::currentTestFailed()) return;
    // Checked again after the record arrived (every second): still the same step.
    const int answers = panel->realChecks();
    QTRY_VERIFY_WITH_TIMEOUT(panel->realChecks() >= answers + 3, 30000);
    QCOMPARE(panel->currentStep(), simStep);
    QVERIFY(panel->stepPassed(0));
    QVERIFY(panel->stepPassed(1));
    QVERIFY(!panel->stepPassed(2));
    QVERIFY(!panel->finished());
}

void RealModeTest::compareDialogSaysUnreachableWithoutBlocking() {
    using fluxolab::app::CompareRealDialog;
    MainWindow w;
    QVERIFY(w.realMode()->compareAction());
    QVERIFY(!w.realMode()->compareAction()->isEnabled()); // on the simulation: nothing to compare with
    CompareRealDialog dialog;
    dialog.show();
    QElapsedTimer clock;
    clock.start();
    // Port 1 on loopback: nothing listens, the probe fails (after at most its 2 s timeout).
    fluxolab::labs::RdKafkaConnection closed;
    closed.bootstrap_servers = "127.0.0.1:1";
    dialog.start(QStringLiteral("kafka-topics.sh --list --bootstrap-server localhost:9092\n"), QString(), closed, 2000);
    QVERIFY2(clock.elapsed() < 500, "start() must not wait for the broker");
    QVERIFY(dialog.running());
    QVERIFY(dialog.summary().contains(QStringLiteral("127.0.0.1:1")));
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(20);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.running(), 15000);
    // The GUI thread ran its timer while the compare waited on its own thread.
    QVERIFY2(ticks >= 1, qPrintable(QString::number(ticks)));
    QVERIFY2(dialog.summary().contains(QStringLiteral("cannot be reached")), qPrintable(dialog.summary()));
    // librdkafka's own words in a line of their own, not inside the translated sentence.
    QVERIFY2(dialog.detail().startsWith(QStringLiteral("librdkafka: ")), qPrintable(dialog.detail()));
    QVERIFY(!dialog.summary().contains(QStringLiteral("Connection refused")));
    QVERIFY(dialog.simulationPane()->toPlainText().isEmpty());
    QVERIFY(dialog.realPane()->toPlainText().isEmpty());
}

void RealModeTest::compareDialogSameOutputOnRealBroker() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    using fluxolab::app::CompareRealDialog;
    const QString topic = QStringLiteral("cmpapp-%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    // Output that Kafka determines completely (as in tests/realkafka/compare_keyed.sh).
    const QString script =
        QStringLiteral("kafka-topics.sh --create --topic %1 --partitions 3 --replication-factor 1 --bootstrap-server localhost:9092\n"
                       "kafka-topics.sh --create --topic %1 --bootstrap-server localhost:9092\n"
                       "kafka-topics.sh --describe --topic nada-%1 --bootstrap-server localhost:9092\n")
            .arg(topic);
    fluxolab::labs::RdKafkaBackend admin(c);
    auto onBroker = [&] {
        const auto topics = admin.listTopics(false);
        return std::find(topics.begin(), topics.end(), topic.toStdString()) != topics.end();
    };

    // "Delete what the script created" checked: the same output, and the topic is gone afterwards.
    CompareRealDialog cleaned;
    cleaned.show();
    cleaned.cleanBox()->setChecked(true);
    cleaned.start(script, QString(), c);
    QTRY_VERIFY_WITH_TIMEOUT(!cleaned.running(), 60000);
    QVERIFY2(cleaned.summary().startsWith(QStringLiteral("No differences")), qPrintable(cleaned.summary()));
    QVERIFY2(cleaned.summary().contains(QStringLiteral("Deleted from the cluster what the script created: 1 topic and 0 groups.")),
             qPrintable(cleaned.summary()));
    QVERIFY(!onBroker());

    // Unchecked: the same output again (the clean run left nothing), and the topic stays.
    CompareRealDialog dialog;
    dialog.show();
    dialog.start(script, QString(), c);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.running(), 60000);
    QVERIFY2(dialog.summary().startsWith(QStringLiteral("No differences")), qPrintable(dialog.summary()));
    QVERIFY2(dialog.summary().contains(QStringLiteral("What the script created stays on the cluster: 1 topic and 0 groups.")),
             qPrintable(dialog.summary()));
    const QString left = dialog.simulationPane()->toPlainText();
    QCOMPARE(left, dialog.realPane()->toPlainText());
    QVERIFY2(left.contains(QStringLiteral("Created topic ") + topic), qPrintable(left));
    QVERIFY(dialog.simulationPane()->extraSelections().isEmpty());
    QVERIFY(onBroker());

    // The same script again: its topic now exists on the real broker but not in the fresh
    // simulation, so the first create differs; the differing lines are highlighted in both panes.
    // Screenshot with FLUXOLAB_REALMODE_SHOTS.
    CompareRealDialog diff;
    diff.show();
    diff.start(script, QString(), c);
    QTRY_VERIFY_WITH_TIMEOUT(!diff.running(), 60000);
    QVERIFY2(diff.summary().startsWith(QStringLiteral("3 differences")), qPrintable(diff.summary()));
    QVERIFY(diff.realPane()->toPlainText().contains(QStringLiteral("Topic '") + topic + QStringLiteral("' already exists")));
    QVERIFY(!diff.simulationPane()->extraSelections().isEmpty());
    QCOMPARE(diff.simulationPane()->extraSelections().size(), diff.realPane()->extraSelections().size());
    if (const char* dir = std::getenv("FLUXOLAB_REALMODE_SHOTS"))
        diff.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/cmp11-compare-dialog.png"));
    admin.deleteTopic(topic.toStdString());
}

void RealModeTest::compareDialogSilentPortSaysNoKafkaAnswer() {
    using fluxolab::app::CompareRealDialog;
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = QStringLiteral("127.0.0.1:%1").arg(silent.port()).toStdString();
    CompareRealDialog dialog;
    dialog.show();
    dialog.start(QStringLiteral("kafka-topics.sh --list --bootstrap-server localhost:9092\n"), QString(), c, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.running(), 20000);
    // Not "cannot be reached": something accepted the TCP connection and never spoke Kafka.
    QVERIFY2(dialog.summary().contains(QStringLiteral("accepted the connection but gave no Kafka answer")), qPrintable(dialog.summary()));
    QCOMPARE(dialog.outcome().client, fluxolab::labs::ClientError::TimedOut);
}

void RealModeTest::compareDialogUsesTheSaslProfile() {
    const QString saslPort = brokerValue("SASL_PORT");
    if (saslPort.isEmpty()) QSKIP("no test broker with a SASL listener (kafka-broker.sh start --sasl; label real)");
    using fluxolab::app::CompareRealDialog;
    // The test broker's throw-away credentials (tests/realkafka/kafka-broker.sh); PLAIN: this
    // build's librdkafka cannot log in with SCRAM to Kafka 4.x (librdkafka#4895).
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = (QStringLiteral("127.0.0.1:") + saslPort).toStdString();
    c.security_protocol = "SASL_PLAINTEXT";
    c.sasl_mechanism = "PLAIN";
    c.sasl_username = "fluxolab";
    c.sasl_password.assign("fluxolab-test-secret");
    const QString topic = QStringLiteral("cmpsaslapp-%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    const QString script =
        QStringLiteral("kafka-topics.sh --create --topic %1 --partitions 2 --replication-factor 1 --bootstrap-server localhost:9092\n"
                       "kafka-topics.sh --describe --topic nada-%1 --bootstrap-server localhost:9092\n")
            .arg(topic);
    CompareRealDialog ok;
    ok.show();
    ok.cleanBox()->setChecked(true);
    ok.start(script, QString(), c);
    QTRY_VERIFY_WITH_TIMEOUT(!ok.running(), 60000);
    QVERIFY2(ok.summary().startsWith(QStringLiteral("No differences")), qPrintable(ok.summary()));
    QVERIFY(ok.realPane()->toPlainText().contains(QStringLiteral("Created topic ") + topic));

    c.sasl_password.assign("wrong-Tq58-password");
    CompareRealDialog wrong;
    wrong.show();
    wrong.start(script, QString(), c, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!wrong.running(), 30000);
    QVERIFY2(wrong.summary().contains(QStringLiteral("refused the login")), qPrintable(wrong.summary()));
    for (const QString& text : {ok.summary(), ok.detail(), wrong.summary(), wrong.detail()}) {
        QVERIFY(!text.contains(QStringLiteral("fluxolab-test-secret")));
        QVERIFY(!text.contains(QStringLiteral("wrong-Tq58-password")));
    }
}

namespace {
/// A script that keeps a real cluster busy for a long time: each command is followed by the
/// student's 5 s of thinking (the dialog's think time), 12 commands: about a minute.
QString longScript(const QString& topic) {
    QString s;
    for (int i = 0; i < 12; ++i)
        s += QStringLiteral("kafka-topics.sh --describe --topic %1-%2 --bootstrap-server localhost:9092\n").arg(topic).arg(i);
    return s;
}
} // namespace

void RealModeTest::compareCancelStopsTheJob() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    using fluxolab::app::CompareRealDialog;
    using fluxolab::app::ThreadReaper;
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    QVERIFY(ThreadReaper::instance().drain(30000)); // the earlier cases' threads
    CompareRealDialog dialog;
    dialog.show();
    dialog.start(longScript(QStringLiteral("cmpcancel")), QString(), c);
    QTest::qWait(4000); // on the real cluster by now (the probe and the simulation take under 2 s)
    QVERIFY(dialog.running());
    QVERIFY(dialog.jobRunning());
    QElapsedTimer clock;
    clock.start();
    dialog.cancel();
    QVERIFY(!dialog.running());
    // The job itself stops: no more commands, its client closed, its thread ended (before, it went
    // on to the end of the script, about a minute).
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.jobRunning(), 5000);
    const qint64 stopped = clock.elapsed();
    QVERIFY(ThreadReaper::instance().drain(2000));
    QCOMPARE(ThreadReaper::instance().pending(), 0);
    qInfo("RealModeTest: the compare job stopped %lld ms after Cancel", static_cast<long long>(stopped));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.summary().startsWith(QStringLiteral("Cancelled: the job stopped")), 5000);
    QCOMPARE(dialog.outcome().status, fluxolab::labs::CompareOutcome::Status::Cancelled);
}

void RealModeTest::compareDialogClosedWhileRunningLeavesNoThread() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    using fluxolab::app::CompareRealDialog;
    using fluxolab::app::ThreadReaper;
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    QVERIFY(ThreadReaper::instance().drain(30000));
    {
        MainWindow w;
        w.show();
        auto* dialog = new CompareRealDialog(&w);
        dialog->show();
        dialog->start(longScript(QStringLiteral("cmpclose")), QString(), c);
        QTest::qWait(4000);
        QVERIFY(dialog->jobRunning());
        QCOMPARE(ThreadReaper::instance().pending(), 1);
    } // the window closes with the dialog: nothing waits for the job here
    QElapsedTimer clock;
    clock.start();
    // What the program does at exit (ThreadReaper's post routine) ends at once: the job stopped.
    QVERIFY(ThreadReaper::instance().drain(5000));
    qInfo("RealModeTest: the compare thread ended %lld ms after its window closed", static_cast<long long>(clock.elapsed()));
}

void RealModeTest::compareTheTerminalCommands() {
    const QString bootstrap = testBroker();
    if (bootstrap.isEmpty()) QSKIP("no test broker (FLUXOLAB_KAFKA_STATE; label real)");
    using fluxolab::app::CompareRealDialog;
    fluxolab::labs::RdKafkaConnection c;
    c.bootstrap_servers = bootstrap.toStdString();
    // What is compared is the tools' output, not a loaded broker's latency: a CreateTopics that outlives
    // a 5 s timeout on a busy CI machine would print a timeout error only on the real side.
    c.request_timeout_ms = 30000;
    const QString topic = QStringLiteral("cmpterm-%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    RealModeController* real = w.realMode();
    real->connectTo(c, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(real->connected(), 20000);
    TerminalConsole* t = w.terminalPanel()->currentConsole();
    qint64 stall = 0;
    // What a student types in real mode: the real address, a producer fed line by line, Ctrl+D.
    // One partition: a real console consumer reading two partitions prints their records in the
    // order its fetches return (not fixed), the simulation in a fixed one.
    runInTerminal(t, QStringLiteral("kafka-topics.sh --create --topic %1 --partitions 1 --bootstrap-server %2").arg(topic, bootstrap), &stall);
    t->submit(QStringLiteral("kafka-console-producer.sh --topic %1 --bootstrap-server %2 --property parse.key=true --property key.separator=:").arg(topic, bootstrap));
    QTRY_VERIFY_WITH_TIMEOUT(t->isProducing(), 20000);
    t->submit(QStringLiteral("petr4:37.50"));
    t->submit(QStringLiteral("vale3:61.20"));
    QTest::keyClick(t, Qt::Key_D, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!t->isBusy(), 30000);
    runInTerminal(t, QStringLiteral("kafka-console-consumer.sh --topic %1 --from-beginning --property print.key=true --property print.partition=true --max-messages 2 --bootstrap-server %2").arg(topic, bootstrap), &stall);

    const QString typed = w.cliHost()->typedScript();
    QVERIFY2(typed.contains(QStringLiteral("<<'EOF'\npetr4:37.50\nvale3:61.20\nEOF\n")), qPrintable(typed));

    fluxolab::labs::RdKafkaBackend admin(c);
    // The compare's real run creates the topic again. Deleting is asynchronous: wait until the
    // cluster no longer lists it (else the run's create may find it still there, and the clean-up
    // counts it as the cluster's own). On a loaded machine (the CI's first pass runs a Flink job
    // beside this) one DeleteTopics can time out: ask again until the topic is gone.
    QVERIFY2(deleteTopicUntilGone(admin, topic.toStdString()), "the topic is still listed a minute after its deletion");
    QVERIFY(real->compareAction()->isEnabled());
    real->compareAction()->trigger();
    auto* dialog = w.findChild<CompareRealDialog*>();
    QVERIFY(dialog);
    QVERIFY2(dialog->findChild<QLabel*>(QStringLiteral("compareSource"))->text().contains(QStringLiteral("typed in the terminal (3 commands)")),
             qPrintable(dialog->findChild<QLabel*>(QStringLiteral("compareSource"))->text()));
    dialog->cleanBox()->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("compareRun")), Qt::LeftButton);
    QVERIFY(dialog->running());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->running(), 90000);
    if (!dialog->summary().startsWith(QStringLiteral("No differences"))) {
        // QtTest cuts a failure message at about 1 000 characters: print the whole diff first.
        qInfo("%s", qPrintable(dialog->summary()));
        for (const fluxolab::labs::DiffLine& d : dialog->outcome().diff)
            qInfo("%c %s\t|| %s", d.mark, d.left.c_str(), d.right.c_str());
    }
    QVERIFY2(dialog->summary().startsWith(QStringLiteral("No differences")), qPrintable(dialog->summary()));
    const QString left = dialog->simulationPane()->toPlainText();
    QVERIFY2(left.contains(QStringLiteral("petr4\t")), qPrintable(left));
    if (const char* dir = std::getenv("FLUXOLAB_REALMODE_SHOTS")) {
        dialog->resize(1300, 700);
        dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/cmp11-compare-terminal.png"));
    }
    dialog->close();
}
