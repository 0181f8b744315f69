// Runs the app test suites; the first argument (optional) picks one suite by class name.
#include "tests/app/tst_builder.h"
#include "tests/app/tst_cli.h"
#include "tests/app/tst_labpanel.h"
#include "tests/app/tst_labplay.h"
#include "tests/app/tst_layout.h"
#include "tests/app/tst_mainwindow.h"
#include "tests/app/tst_numbers.h"
#ifdef FLUXOLAB_TEST_REALMODE
#include "labs/rdkafka/rdkafka_backend.h"
#include "tests/app/tst_realmode.h"
#endif
#include "tests/app/tst_streamview.h"
#include "tests/app/tst_terminal.h"
#include "tests/app/tst_translations.h"
#include "tests/app/tst_words.h"

#include "sim/invariant.h"

#include <QApplication>
#include <QDir>
#include <QMetaMethod>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>
#include <thread>

int main(int argc, char** argv) {
    // QSettings written by the tests (profiles, lab progress, the window's state) go to a folder of
    // this process, removed at its end: never the user's ~/.config, and nothing left for the next run.
    QTemporaryDir config(QDir::tempPath() + QStringLiteral("/fluxolab-app-tests-XXXXXX"));
    if (!config.isValid() || !qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit())) {
        std::fprintf(stderr, "FAIL: no private XDG_CONFIG_HOME for the tests\n");
        return 1;
    }
    if (argc == 2 && std::strcmp(argv[1], "--print-config-home") == 0) { // MainWindowTest's second process
        std::printf("%s\n", config.path().toLocal8Bit().constData());
        return 0;
    }
    QApplication app(argc, argv);
#ifdef FLUXOLAB_TEST_REALMODE
    // As the app does, but counting only: the tests' own set-up calls the backend directly.
    fluxolab::labs::guardThreadAgainstRdKafka(std::this_thread::get_id(), false);
#endif
    QApplication::setOrganizationName(QStringLiteral("FluxoLabTests"));
    QApplication::setApplicationName(QStringLiteral("FluxoLabTests"));
    const char* only = argc > 1 && argv[1][0] != '-' ? argv[1] : nullptr;
    // Remaining arguments go to QTest (e.g. -v2, a test function name).
    QStringList rest = QApplication::arguments();
    if (only) rest.removeAt(1);
    // `--shard K/N` (tests/app/CMakeLists.txt): only every N-th test function of the suite, starting at
    // the K-th, so that ctest runs a long suite's parts side by side.
    int shard = 0, shards = 0;
    if (const qsizetype at = rest.indexOf(QStringLiteral("--shard")); at > 0 && at + 1 < rest.size()) {
        const QStringList kn = rest.at(at + 1).split(QLatin1Char('/'));
        if (kn.size() == 2) {
            shard = kn[0].toInt();
            shards = kn[1].toInt();
        }
        if (!only || shards < 1 || shard < 1 || shard > shards) {
            std::fprintf(stderr, "FAIL: --shard K/N needs a suite name and 1 <= K <= N\n");
            return 2;
        }
        rest.remove(at, 2);
    }
    const auto withShard = [&](QObject* suite) {
        if (shards == 0) return rest;
        QStringList args = rest;
        const QMetaObject* mo = suite->metaObject();
        int index = 0;
        for (int m = mo->methodOffset(); m < mo->methodCount(); ++m) {
            const QMetaMethod method = mo->method(m);
            const QString name = QString::fromLatin1(method.name());
            // QtTest's test functions: private slots other than the fixtures and the _data functions.
            if (method.methodType() != QMetaMethod::Slot || method.access() != QMetaMethod::Private ||
                name.endsWith(QLatin1String("_data")) || name == QLatin1String("initTestCase") ||
                name == QLatin1String("cleanupTestCase") || name == QLatin1String("init") ||
                name == QLatin1String("cleanup"))
                continue;
            if (index++ % shards == shard - 1) args << name;
        }
        return args;
    };
    int failures = 0;
    MainWindowTest mw;
    TranslationsTest tr;
    CliTest cli;
    TerminalTest term;
    LabPanelTest labPanel;
    AppFeaturesTest features;
    WordsTest words;
    NumbersTest numbers;
    LayoutTest layout;
    LabPlayTest labPlay;
#ifdef FLUXOLAB_TEST_REALMODE
    RealModeTest realMode;
    if (only && std::strcmp(only, "RealModeTest") == 0) failures += QTest::qExec(&realMode, withShard(&realMode));
#endif
    StreamViewTest streamView;
    for (QObject* suite : {static_cast<QObject*>(&mw), static_cast<QObject*>(&tr), static_cast<QObject*>(&cli), static_cast<QObject*>(&features),
                          static_cast<QObject*>(&term), static_cast<QObject*>(&labPanel), static_cast<QObject*>(&words), static_cast<QObject*>(&numbers), static_cast<QObject*>(&layout), static_cast<QObject*>(&labPlay),
                          static_cast<QObject*>(&streamView)})
        if (!only || std::strcmp(suite->metaObject()->className(), only) == 0)
            failures += QTest::qExec(suite, withShard(suite));
    // A simulation invariant that failed anywhere fails the run (the app's handler only counts them).
    if (fluxolab::sim::invariantFailures() > 0) {
        std::fprintf(stderr, "FAIL: simulation invariant: %s\n", fluxolab::sim::firstInvariantFailure().c_str());
        ++failures;
    }
    return failures == 0 ? 0 : 1;
}
