#include "tests/app/tst_cli.h"

#include "app/core/application.h"

#include <limits>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run {
    int code = -1;
    QString err;
    QString out;
};
/// Runs the app offscreen, or (`noDisplay`) as from a console without any display.
/// `configHome`: a folder for its settings (XDG_CONFIG_HOME), so that no saved language applies.
Run run(const QStringList& args, bool noDisplay = false, const QString& configHome = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!configHome.isEmpty()) env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    if (noDisplay) {
        for (const char* v : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(QString::fromLatin1(v));
    } else {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FLUXOLAB_EXE), args);
    if (!p.waitForFinished(60000)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardError()),
            QString::fromUtf8(p.readAllStandardOutput())};
}
} // namespace

void CliTest::screenshotRendersAndExitsZero() {
    QTemporaryDir dir;
    for (const char* view : {"cluster", "groups", "tables", "plots"}) {
        const QString out = dir.filePath(QStringLiteral("shot-%1.png").arg(QString::fromLatin1(view)));
        const Run r = run({QStringLiteral("--scenario"), QStringLiteral("rebalance-basico"), QStringLiteral("--seed"), QStringLiteral("7"),
                           QStringLiteral("--at"), QStringLiteral("25s"), QStringLiteral("--view"), QString::fromLatin1(view),
                           QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--size"), QStringLiteral("1280x720"),
                           QStringLiteral("--screenshot"), out});
        QCOMPARE(r.code, 0);
        QImage img(out);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), QSize(1280, 720));
    }
}

void CliTest::badOptionsExitTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
    QTest::newRow("bad view") << QStringList{QStringLiteral("--scenario"), QStringLiteral("rebalance-basico"), QStringLiteral("--view"),
                                             QStringLiteral("nope"), QStringLiteral("--screenshot"), QStringLiteral("x.png")}
                              << QStringLiteral("--view");
    QTest::newRow("bad time") << QStringList{QStringLiteral("--scenario"), QStringLiteral("rebalance-basico"), QStringLiteral("--at"),
                                             QStringLiteral("soon"), QStringLiteral("--screenshot"), QStringLiteral("x.png")}
                              << QStringLiteral("--at");
    QTest::newRow("bad lang") << QStringList{QStringLiteral("--lang"), QStringLiteral("klingon"), QStringLiteral("--screenshot"),
                                             QStringLiteral("x.png")}
                              << QStringLiteral("--lang");
    QTest::newRow("view lists the views") << QStringList{QStringLiteral("--view"), QStringLiteral("nope")}
                                          << QStringLiteral("cluster, groups, tables, plots, stream, terminal, labs or compare");
    QTest::newRow("trace option without --trace") << QStringList{QStringLiteral("--key"), QStringLiteral("pagina")}
                                                  << QStringLiteral("--key needs --trace FILE");
    QTest::newRow("bad trace window") << QStringList{QStringLiteral("--trace"), QStringLiteral("x.csv"), QStringLiteral("--window"),
                                                     QStringLiteral("tumble")}
                                      << QStringLiteral("--window expects tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s), got \"tumble\"");
    QTest::newRow("--at over 1h") << QStringList{QStringLiteral("--scenario"), QStringLiteral("rebalance-basico"), QStringLiteral("--at"),
                                                 QStringLiteral("100000h"), QStringLiteral("--screenshot"), QStringLiteral("x.png")}
                                  << QStringLiteral("--at is limited to 1h");
    QTest::newRow("screenshot of nothing") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("x.png")}
                                           << QStringLiteral("--screenshot needs --scenario, --lab or --trace");
    QTest::newRow("huge seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("18446744073709551616")} << QStringLiteral("--seed");
    QTest::newRow("unknown scenario") << QStringList{QStringLiteral("--scenario"), QStringLiteral("does-not-exist"),
                                                     QStringLiteral("--screenshot"), QStringLiteral("x.png")}
                                      << QStringLiteral("does-not-exist");
}

void CliTest::badOptionsExitTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + args); // a later --lang wins
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void CliTest::badScenarioFileIsAClearMessage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "x", "cluster": {"brokers": 3}, "topics": [{"name": "t", "partitions": "many"}]})");
    f.close();
    const Run r = run({QStringLiteral("--scenario"), path, QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"),
                       dir.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("bad.json")) && r.err.contains(QStringLiteral("/topics/0/partitions")), qPrintable(r.err));
}

void CliTest::outOfRangeBoundsReadAsNumbers() {
    // The bounds of a scenario's number field as a person writes them (std::to_string gave "0.000000 and
    // 10000000.000000"), with the UI language's decimal separator.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rate.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "x", "topics": [{"name": "t"}], "producers": [{"id": "p", "topic": "t", "rate": 20000000}]})");
    f.close();
    Run r = run({QStringLiteral("--scenario"), path, QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"),
                 dir.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("it must be between 0 and 100000")), qPrintable(r.err));
    const QString zipf = dir.filePath(QStringLiteral("zipf.json"));
    QFile z(zipf);
    QVERIFY(z.open(QIODevice::WriteOnly));
    z.write(R"({"name": "x", "topics": [{"name": "t"}], "producers": [{"id": "p", "topic": "t", "keys": {"distribution": "zipf", "count": 10, "zipf_s": 50}}]})");
    z.close();
    r = run({QStringLiteral("--scenario"), zipf, QStringLiteral("--lang"), QStringLiteral("pt_PT"), QStringLiteral("--screenshot"),
             dir.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("entre 0,01 e 10")), qPrintable(r.err));
}

void CliTest::emptyScenarioFileSaysSo() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const Run r = run({QStringLiteral("--scenario"), path, QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"),
                       dir.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("empty.json")) && r.err.contains(QStringLiteral("Line 1: the file is empty")),
             qPrintable(r.err));
}

void CliTest::parseOptions() {
    QString error;
    auto o = fluxolab::app::parseOptions({QStringLiteral("fluxolab"), QStringLiteral("--scenario"), QStringLiteral("a"),
                                          QStringLiteral("--at"), QStringLiteral("1500ms"), QStringLiteral("--seed"), QStringLiteral("9")},
                                         &error);
    QVERIFY(o.has_value());
    QCOMPARE(*o->at_ms, 1500);
    QCOMPARE(*o->seed, 9u);
    QVERIFY(!fluxolab::app::parseOptions({QStringLiteral("fluxolab"), QStringLiteral("--seed"), QStringLiteral("-3")}, &error));
    // Too large for a seed: out of range, with the range (it said "expects a non-negative integer").
    QVERIFY(!fluxolab::app::parseOptions({QStringLiteral("fluxolab"), QStringLiteral("--seed"), QStringLiteral("99999999999999999999999")}, &error));
    QVERIFY2(error.contains(QStringLiteral("0")) && error.contains(QStringLiteral("18446744073709551615")) &&
                 error.contains(QStringLiteral("99999999999999999999999")),
             qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("non-negative")) && !error.contains(QStringLiteral("não negativo")), qPrintable(error));
    QCOMPARE(*fluxolab::app::parseOptions({QStringLiteral("fluxolab"), QStringLiteral("--seed"), QStringLiteral("18446744073709551615")}, &error)->seed,
             std::numeric_limits<quint64>::max());
    // Without --size an interactive window keeps the size it fitted to the screen (it used to be forced to
    // 1600x900, larger than a 1366x768 projector); screenshots keep their default size.
    const auto plain = fluxolab::app::parseOptions({QStringLiteral("fluxolab")}, &error);
    QVERIFY(plain && !plain->sizeGiven);
    QVERIFY(!fluxolab::app::initialWindowSize(*plain, false));
    QCOMPARE(fluxolab::app::initialWindowSize(*plain, true), std::optional<QSize>(QSize(1600, 900)));
    const auto sized = fluxolab::app::parseOptions({QStringLiteral("fluxolab"), QStringLiteral("--size"), QStringLiteral("1366x768")}, &error);
    QVERIFY(sized && sized->sizeGiven);
    QCOMPARE(fluxolab::app::initialWindowSize(*sized, false), std::optional<QSize>(QSize(1366, 768)));
}

void CliTest::helpAndVersionWithoutDisplay() {
    // No DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM: QApplication would abort (rc 134).
    for (const char* opt : {"--help", "-h", "--version"}) {
        const Run r = run({QString::fromLatin1(opt), QStringLiteral("--lang"), QStringLiteral("en")}, true);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QString::fromLatin1(qstrcmp(opt, "--version") == 0 ? "fluxolab " : "Usage: fluxolab")), qPrintable(r.out));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }
    const Run bad = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--view"), QStringLiteral("nope")}, true);
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("terminal, labs or compare")), qPrintable(bad.err));
    const Run plain = run({QStringLiteral("--lang"), QStringLiteral("en")}, true);
    QCOMPARE(plain.code, 2);
    QVERIFY2(plain.err.contains(QStringLiteral("no display found")) && plain.err.contains(QStringLiteral("--screenshot")),
             qPrintable(plain.err));
}

void CliTest::optionErrorsFollowTheLanguage() {
    // The app opens in pt_PT unless told otherwise: its command-line errors too (they were English).
    QTemporaryDir config;
    const QString bad = QStringLiteral("9by9");
    const Run pt = run({QStringLiteral("--size"), bad}, false, config.path());
    QCOMPARE(pt.code, 2);
    QVERIFY2(pt.err.contains(QStringLiteral("--size espera LARGURAxALTURA, por exemplo 1600x900, e recebeu \"9by9\"")), qPrintable(pt.err));
    // A well-formed size out of range says the range (it said "expects WIDTHxHEIGHT" for 100000x100000).
    const Run big = run({QStringLiteral("--size"), QStringLiteral("100000x100000")}, false, config.path());
    QCOMPARE(big.code, 2);
    QVERIFY2(big.err.contains(QStringLiteral("--size tem de estar entre 320x240 e 8000x8000, e recebeu \"100000x100000\"")), qPrintable(big.err));
    const Run bigEn = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--size"), QStringLiteral("9x9")}, false, config.path());
    QVERIFY2(bigEn.err.contains(QStringLiteral("--size must be from 320x240 to 8000x8000, got \"9x9\"")), qPrintable(bigEn.err));
    // An option as the value of another is a missing value (`--lab --screenshot y.png` opened the lab "--screenshot").
    const Run lab = run({QStringLiteral("--lab"), QStringLiteral("--screenshot"), QStringLiteral("y.png")}, false, config.path());
    QCOMPARE(lab.code, 2);
    QVERIFY2(lab.err.contains(QStringLiteral("falta o valor de --lab (\"--screenshot\" é outra opção)")), qPrintable(lab.err));
    const Run labEn = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--lab"), QStringLiteral("--screenshot"), QStringLiteral("y.png")}, false, config.path());
    QVERIFY2(labEn.err.contains(QStringLiteral("--lab is missing its value (\"--screenshot\" is another option)")), qPrintable(labEn.err));
    const Run seed = run({QStringLiteral("--lang"), QStringLiteral("pt_PT"), QStringLiteral("--seed"), QStringLiteral("x")}, false, config.path());
    QVERIFY2(seed.err.contains(QStringLiteral("--seed espera um inteiro não negativo, e recebeu \"x\"")), qPrintable(seed.err));
    const Run lang = run({QStringLiteral("--lang"), QStringLiteral("klingon")}, false, config.path());
    QVERIFY2(lang.err.contains(QStringLiteral("--lang tem de ser pt_PT ou en, e recebeu \"klingon\"")), qPrintable(lang.err));
    const Run en = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--size"), bad}, false, config.path());
    QVERIFY2(en.err.contains(QStringLiteral("--size expects WIDTHxHEIGHT such as 1600x900, got \"9by9\"")), qPrintable(en.err));
    // From a console without a display as well (the options are checked before QApplication).
    const Run console = run({QStringLiteral("--size"), bad}, true, config.path());
    QCOMPARE(console.code, 2);
    QVERIFY2(console.err.contains(QStringLiteral("--size espera LARGURAxALTURA")), qPrintable(console.err));
    // The trace's options: what each expects, in the UI language (the parser's English reason was
    // printed as it was: "--window: '0s' is not a positive duration ...").
    const QString clicks = QStringLiteral(FLUXOLAB_SOURCE_DIR "/assets/traces/cliques_do_site.csv");
    const Run window = run({QStringLiteral("--trace"), clicks, QStringLiteral("--window"), QStringLiteral("tumble:0s")}, false, config.path());
    QCOMPARE(window.code, 2);
    QVERIFY2(window.err.contains(QStringLiteral("--window espera tumble:TAMANHO, hop:AVANÇO,TAMANHO, session:INTERVALO ou cumulate:PASSO,TAMANHO com durações positivas (por exemplo tumble:60s), e recebeu \"tumble:0s\"")), qPrintable(window.err));
    QVERIFY2(!window.err.contains(QStringLiteral("is not")), qPrintable(window.err));
    const Run wm = run({QStringLiteral("--trace"), clicks, QStringLiteral("--watermark"), QStringLiteral("bounded:x")}, false, config.path());
    QVERIFY2(wm.err.contains(QStringLiteral("--watermark espera bounded:DURAÇÃO")), qPrintable(wm.err));
    const Run agg = run({QStringLiteral("--trace"), clicks, QStringLiteral("--agg"), QStringLiteral("median:x")}, false, config.path());
    QVERIFY2(agg.err.contains(QStringLiteral("--agg espera count, ou sum")), qPrintable(agg.err));
    const Run aggEn = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--trace"), clicks, QStringLiteral("--agg"), QStringLiteral("median:x")}, false, config.path());
    QVERIFY2(aggEn.err.contains(QStringLiteral("--agg expects count, or sum, min, max, avg or collect with a field (for example sum:valor), got \"median:x\"")), qPrintable(aggEn.err));
    // After the options: a --why key with no window, and a screenshot that cannot be written (they
    // were English in a pt_PT session).
    QTemporaryDir dir;
    const QString trace = QStringLiteral(FLUXOLAB_SOURCE_DIR "/assets/traces/cliques_do_site.csv");
    const Run why = run({QStringLiteral("--trace"), trace, QStringLiteral("--key"), QStringLiteral("pagina"), QStringLiteral("--why"),
                         QStringLiteral("/nada"), QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("why.png"))},
                        false, config.path());
    QCOMPARE(why.code, 2);
    QVERIFY2(why.err.contains(QStringLiteral("--why: a chave \"/nada\" não tem nenhuma janela no fim da entrada (watermark final)")), qPrintable(why.err));
    const Run shot = run({QStringLiteral("--scenario"), QStringLiteral("retencao"), QStringLiteral("--screenshot"),
                          dir.filePath(QStringLiteral("nao/existe/shot.png"))},
                         false, config.path());
    QCOMPARE(shot.code, 1);
    QVERIFY2(shot.err.contains(QStringLiteral("não foi possível escrever ")), qPrintable(shot.err));
}

void CliTest::helpFollowsTheLanguage() {
    // `fluxolab --help` was English only, also in an app that opens in pt_PT.
    QTemporaryDir config; // no saved language: pt_PT
    for (const bool noDisplay : {true, false}) {
        const Run pt = run({QStringLiteral("--help")}, noDisplay, config.path());
        QCOMPARE(pt.code, 0);
        QVERIFY2(pt.out.startsWith(QStringLiteral("Utilização: fluxolab [--scenario NOME|CAMINHO]")), qPrintable(pt.out));
        QVERIFY2(pt.out.contains(QStringLiteral("  --lab ID  abre um laboratório guiado no seu próprio cluster")), qPrintable(pt.out));
        QVERIFY2(!pt.out.contains(QStringLiteral("Usage")), qPrintable(pt.out));
        const Run en = run({QStringLiteral("-h"), QStringLiteral("--lang"), QStringLiteral("en")}, noDisplay, config.path());
        QCOMPARE(en.code, 0);
        QVERIFY2(en.out.startsWith(QStringLiteral("Usage: fluxolab [--scenario NAME|PATH]")), qPrintable(en.out));
        QVERIFY2(en.out.contains(QStringLiteral("  --lab ID  opens a guided lab on its own cluster")), qPrintable(en.out));
    }
    // A bad option's usage text and the message for a missing display too.
    const Run bad = run({QStringLiteral("--bogus")}, true, config.path());
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("Utilização: fluxolab")), qPrintable(bad.err));
    const Run plain = run({}, true, config.path());
    QCOMPARE(plain.code, 2);
    QVERIFY2(plain.err.startsWith(QStringLiteral("fluxolab: nenhum ecrã encontrado")), qPrintable(plain.err));
}

void CliTest::scenarioFolderIsNotAScenarioFile() {
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("x.png"));
    const Run en = run({QStringLiteral("--scenario"), dir.path(), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"), shot});
    QCOMPARE(en.code, 2);
    QVERIFY2(en.err.contains(QStringLiteral("\"%1\" is a folder, not a scenario file").arg(dir.path())), qPrintable(en.err));
    const Run pt = run({QStringLiteral("--scenario"), dir.path(), QStringLiteral("--lang"), QStringLiteral("pt_PT"), QStringLiteral("--screenshot"), shot});
    QVERIFY2(pt.err.contains(QStringLiteral("\"%1\" é uma pasta, não um ficheiro de cenário").arg(dir.path())), qPrintable(pt.err));
}
