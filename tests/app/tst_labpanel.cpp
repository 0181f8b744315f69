#include "tests/app/tst_labpanel.h"

#include "app/core/application.h"
#include "app/terminal/clihost.h"
#include "app/labs/labpanel.h"
#include "app/stream/streamview.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/core/simulationcontroller.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"
#include "app/cluster/timelinebar.h"
#include "sim/cluster.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QLabel>
#include <QProgressBar>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTimer>

using namespace fluxolab;
using namespace fluxolab::app;

namespace {
const QString kLab1 = QStringLiteral("topicos-particoes-offsets");
const QString kLab2 = QStringLiteral("produtores-consumidores");
const QString kLab3 = QStringLiteral("grupos-lag-rebalanceamento");
// The stream labs, after the three Kafka labs.
const QString kLab4 = QStringLiteral("tempo-de-evento-watermarks");
const QString kLab5 = QStringLiteral("janelas-tumble-hop-session");
const QString kLab6 = QStringLiteral("estado-timers-inatividade");
const QString kLab7 = QStringLiteral("checkpoints-recuperacao");
const QString kBootstrap = QStringLiteral(" --bootstrap-server localhost:9092");

std::unique_ptr<MainWindow> makeWindow() {
    auto w = std::make_unique<MainWindow>();
    w->resize(1600, 900);
    w->show();
    w->setView(MainWindow::View::Labs);
    return w;
}

void ticks(CliHost* host, int n) {
    for (int i = 0; i < n; ++i)
        host->tickNow(CliHost::kTickMs);
}

void type(TerminalConsole* c, const QString& line) {
    c->setInput(line);
    QTest::keyClick(c, Qt::Key_Return);
}

/// Answers the next modal QMessageBox named `name` with the button of `role`.
void answerNextBox(const QString& name, QMessageBox::ButtonRole role, bool* seen) {
    QTimer::singleShot(0, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != name) {
            if (box) box->reject();
            return;
        }
        *seen = true;
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == role) {
                b->click();
                return;
            }
    });
}

/// This suite's own settings (ctest runs the suites in parallel; TerminalTest uses the same keys).
QTemporaryDir* suiteSettings = nullptr;
QSettings::Format formatBefore = QSettings::NativeFormat;
void useSuiteSettings() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, suiteSettings->path());
}

/// Plays a lab as a student reading the panel: "cN" clicks the Nth command of the step shown (a
/// click pastes into a free tab, or a new one) and presses Enter; "^C:T" is Ctrl+C in terminal tab T;
/// "^C" / "^D" are Ctrl+C / Ctrl+D in the current tab; "tN" lets N clock ticks pass.
void play(MainWindow* w, const QStringList& actions) {
    LabPanel* lab = w->labPanel();
    TerminalPanel* term = w->terminalPanel();
    for (const QString& a : actions) {
        if (a.startsWith(QLatin1Char('c'))) {
            const int i = a.mid(1).toInt();
            QVERIFY2(i < lab->commands().size(),
                     qPrintable(QStringLiteral("%1: the step shows only %2 command(s)")
                                    .arg(a)
                                    .arg(lab->commands().size())));
            Q_EMIT lab->textBrowser()->anchorClicked(QUrl(QStringLiteral("fluxolab-cmd:%1").arg(i)));
            QTest::keyClick(term->currentConsole(), Qt::Key_Return);
            ticks(w->cliHost(), 10);
        } else if (a.startsWith(QStringLiteral("^C:"))) {
            QTest::keyClick(term->console(a.mid(3).toInt()), Qt::Key_C, Qt::ControlModifier);
            ticks(w->cliHost(), 10);
        } else if (a == QStringLiteral("^C")) {
            QTest::keyClick(term->currentConsole(), Qt::Key_C, Qt::ControlModifier);
            ticks(w->cliHost(), 10);
        } else if (a == QStringLiteral("^D")) {
            QTest::keyClick(term->currentConsole(), Qt::Key_D, Qt::ControlModifier);
            ticks(w->cliHost(), 10);
        } else if (a.startsWith(QLatin1Char('t'))) {
            ticks(w->cliHost(), a.mid(1).toInt());
        } else if (a.startsWith(QStringLiteral("e:"))) {
            // The student types a line (a question step's `echo ANSWER`).
            QTest::keyClicks(term->currentConsole(), a.mid(2));
            QTest::keyClick(term->currentConsole(), Qt::Key_Return);
            ticks(w->cliHost(), 10);
        }
    }
}

const QStringList kPlayLab1 = {QStringLiteral("c0"),  QStringLiteral("c0"), QStringLiteral("c0"),
                               QStringLiteral("c1"),  QStringLiteral("c2"), QStringLiteral("c3"),
                               QStringLiteral("^D"),  QStringLiteral("c0"), QStringLiteral("t30"),
                               QStringLiteral("^C:0")};
// The stream labs: click each step's `fluxolab-cli replay` command(s); answer the questions with echo.
const QStringList kPlayLab4 = {QStringLiteral("c0"), QStringLiteral("e:echo 10:01:05.930"), QStringLiteral("c0"),
                               QStringLiteral("c0"), QStringLiteral("c0")};
const QStringList kPlayLab5 = {QStringLiteral("c0"), QStringLiteral("c0"), QStringLiteral("c0"), QStringLiteral("c0"),
                               QStringLiteral("c0")};
const QStringList kPlayLab6 = {QStringLiteral("c0"), QStringLiteral("e:echo 0"), QStringLiteral("c0")};
// Lab 7 step 2 compares the crash run with step 1's run without a crash: no need to run that again.
const QStringList kPlayLab7 = {QStringLiteral("c0"), QStringLiteral("c0"), QStringLiteral("e:echo 3")};
const QStringList kPlayLab2 = {
    QStringLiteral("c0"),  QStringLiteral("c1"), // create petr4, vale3
    QStringLiteral("c0"),  QStringLiteral("t30"), QStringLiteral("c0"),
    QStringLiteral("t80"), // two consumers, two tabs
    QStringLiteral("c0"),  // petr4 consumer, third tab
    QStringLiteral("c0"),  QStringLiteral("c1"),  QStringLiteral("c2"),
    QStringLiteral("c3"),  QStringLiteral("^D"),  QStringLiteral("c4"),
    QStringLiteral("c5"),  QStringLiteral("c6"),  QStringLiteral("c7"),
    QStringLiteral("^D"),  QStringLiteral("t60"), QStringLiteral("c0")}; // describe: no lag
const QStringList kPlayLab3 = {
    QStringLiteral("c0"), // describe pedidos
    QStringLiteral("c0"),   QStringLiteral("c1"),
    QStringLiteral("t50"), // consumer (tab 1), describe (tab 2): it said "is rebalancing" (the step
    QStringLiteral("c1"),  // needs a describe that showed the group Stable): again, as the panel says
    QStringLiteral("c0"),   QStringLiteral("t80"),
    QStringLiteral("c1"),   QStringLiteral("t30"), // 2nd consumer (tab 2), --members
    QStringLiteral("^C:1"), QStringLiteral("t30"),
    QStringLiteral("c0"),   QStringLiteral("t30"), // stop it, describe
    QStringLiteral("^C:0"), QStringLiteral("t30"),
    QStringLiteral("c0"),   QStringLiteral("c1"),
    QStringLiteral("c2"),   QStringLiteral("c3"),
    QStringLiteral("^D"),   QStringLiteral("c4"), // produce 3, describe: LAG
    QStringLiteral("c0"),   QStringLiteral("t60"),
    QStringLiteral("^C"),   QStringLiteral("c1"),  // drain, describe
    QStringLiteral("c0"),   QStringLiteral("c1")}; // --dry-run, --execute

QString labFile(const char* name) {
    return QStringLiteral(FLUXOLAB_SOURCE_DIR "/labs/content/") + QLatin1String(name);
}
} // namespace

void LabPanelTest::initTestCase() {
    formatBefore = QSettings::defaultFormat();
    suiteSettings = new QTemporaryDir;
    QVERIFY(suiteSettings->isValid());
    useSuiteSettings();
}

void LabPanelTest::cleanupTestCase() {
    QSettings::setDefaultFormat(formatBefore);
    delete suiteSettings;
    suiteSettings = nullptr;
}

void LabPanelTest::init() {
    QSettings s;
    s.remove(QStringLiteral("labs"));
    s.remove(QStringLiteral("terminal"));
    setLanguage(QStringLiteral("pt_PT"));
}

void LabPanelTest::cleanup() {
    qunsetenv("FLUXOLAB_LABS_DIR");
}

void LabPanelTest::labsAreInCourseOrderAndTheEmptyStateExplainsItself() {
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QCOMPARE(lab->labIds(), (QStringList{kLab1, kLab2, kLab3, kLab4, kLab5, kLab6, kLab7}));
    QComboBox* combo = lab->combo();
    QCOMPARE(combo->count(), 7);
    QCOMPARE(combo->itemText(0), QStringLiteral("1. Tópicos, partições e offsets"));
    QCOMPARE(combo->itemData(2).toString(), kLab3);
    QCOMPARE(combo->currentIndex(), -1);
    // The empty state says what a lab is, what loading one does, and lists them.
    const QString text = lab->textBrowser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("localhost:9092")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("substitui")), qPrintable(text));
    QVERIFY2(text.indexOf(QStringLiteral("Tópicos, partições e offsets")) <
                 text.indexOf(QStringLiteral("Produtores e consumidores")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Grupos de consumo, lag e rebalanceamento")));
    // A lab's name in the empty state opens it.
    Q_EMIT lab->textBrowser()->anchorClicked(QUrl(QStringLiteral("fluxolab-lab:") + kLab2));
    QCOMPARE(lab->currentLabId(), kLab2);
    QCOMPARE(combo->currentIndex(), 1);
    setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents(); // LanguageChange is posted to the widgets
    QCOMPARE(combo->itemText(0), QStringLiteral("1. Topics, partitions and offsets"));
}

void LabPanelTest::brokenLabFilesAreListedWithTheirErrors() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(labFile("01-topicos-particoes-offsets.json"),
                        dir.filePath(QStringLiteral("01-topicos-particoes-offsets.json"))));
    QFile bad(dir.filePath(QStringLiteral("02-estragado.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"id": "estragado", "version": 1, "title": {"pt": "x"}, "level": "expert"})");
    bad.close();
    qputenv("FLUXOLAB_LABS_DIR", dir.path().toUtf8());
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QCOMPARE(lab->labIds(), QStringList{kLab1});
    QVERIFY(!lab->loadErrors().empty());
    // In the list, disabled, with its errors as the tooltip.
    QComboBox* combo = lab->combo();
    QCOMPARE(combo->count(), 2);
    QVERIFY2(combo->itemText(1).contains(QStringLiteral("02-estragado.json")),
             qPrintable(combo->itemText(1)));
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    QVERIFY(model);
    QVERIFY(!model->item(1)->isEnabled());
    // The errors cross from labs/ as codes; under pt_PT the list says them in Portuguese (ErrorTexts).
    const QString tip = model->item(1)->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("02-estragado.json: /level: o nível \"expert\" tem de ser beginner, "
                                         "intermediate ou advanced")),
             qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral(": /: falta a propriedade obrigatória \"steps\"")), qPrintable(tip));
    QVERIFY2(!tip.contains(QStringLiteral("missing")) && !tip.contains(QStringLiteral("must")), qPrintable(tip));
    // And in the empty state, file, place and problem.
    const QString text = lab->textBrowser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("02-estragado.json: /level: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("falta a propriedade obrigatória \"steps\"")), qPrintable(text));
    // In English, the same errors in English.
    setLanguage(QStringLiteral("en"));
    auto wEn = makeWindow();
    const QString en = wEn->labPanel()->textBrowser()->toPlainText();
    QVERIFY2(en.contains(QStringLiteral("the required property \"steps\" is missing")), qPrintable(en));
    setLanguage(QStringLiteral("pt_PT"));

    // A folder with no lab at all explains where it looked.
    QTemporaryDir empty;
    qputenv("FLUXOLAB_LABS_DIR", empty.path().toUtf8());
    auto w2 = makeWindow();
    const QString none = w2->labPanel()->textBrowser()->toPlainText();
    QVERIFY2(none.contains(empty.path()) && none.contains(QStringLiteral("FLUXOLAB_LABS_DIR")),
             qPrintable(none));
}

void LabPanelTest::restartAsksFirst() {
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(kLab1));
    type(w->terminalPanel()->currentConsole(),
         QStringLiteral("kafka-topics.sh --create --topic exemplo-topico --partitions 2") + kBootstrap);
    QCOMPARE(lab->passedCount(), 1);
    auto* button = lab->findChild<QPushButton*>(QStringLiteral("labRestart"));
    QVERIFY(button);
    bool seen = false;
    answerNextBox(QStringLiteral("labRestartConfirm"), QMessageBox::RejectRole, &seen);
    button->click();
    QVERIFY(seen);
    QCOMPARE(lab->passedCount(), 1); // kept
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") != nullptr);
    seen = false;
    answerNextBox(QStringLiteral("labRestartConfirm"), QMessageBox::DestructiveRole, &seen);
    button->click();
    QVERIFY(seen);
    QCOMPARE(lab->passedCount(), 0);
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") == nullptr);
}

void LabPanelTest::lastLabReopensAfterARestart() {
    {
        auto w = makeWindow();
        QVERIFY(!w->labPanel()->reopenLastLab()); // nothing opened yet
        QVERIFY(w->labPanel()->loadLab(kLab2));
        type(w->terminalPanel()->currentConsole(),
             QStringLiteral("kafka-topics.sh --create --topic petr4 --partitions 3") + kBootstrap);
    }
    auto w = makeWindow();
    QVERIFY(w->labPanel()->currentLabId().isEmpty());
    QVERIFY(w->labPanel()->reopenLastLab());
    QCOMPARE(w->labPanel()->currentLabId(), kLab2);
    QCOMPARE(w->labPanel()->combo()->currentIndex(), 1);
    QVERIFY(w->controller()->session()->sim().topic("petr4") != nullptr); // where it was left
    // A lab that no longer exists is not an error.
    QSettings().setValue(LabPanel::currentLabKey(), QStringLiteral("no-such-lab"));
    auto w2 = makeWindow();
    QVERIFY(!w2->labPanel()->reopenLastLab());
}

void LabPanelTest::freshStartIgnoresSavedProgressButKeepsTheLanguage() {
    QString error;
    const auto o = parseOptions({QStringLiteral("fluxolab"), QStringLiteral("--fresh")}, &error);
    QVERIFY2(o.has_value(), qPrintable(error));
    QVERIFY(o->fresh);
    QVERIFY(!parseOptions({QStringLiteral("fluxolab")}, &error)->fresh);

    {
        auto w = makeWindow();
        QVERIFY(w->labPanel()->loadLab(kLab1));
        type(w->terminalPanel()->currentConsole(),
             QStringLiteral("kafka-topics.sh --create --topic exemplo-topico --partitions 2") + kBootstrap);
        QCOMPARE(w->labPanel()->passedCount(), 1);
    }
    saveLanguage(QStringLiteral("en"));
    QVERIFY(QSettings().contains(LabPanel::progressKey(kLab1)));
    QTemporaryDir dir;
    useFreshSettings(dir.path());
    {
        QVERIFY(!QSettings().contains(LabPanel::progressKey(kLab1)));
        QVERIFY(!QSettings().contains(LabPanel::currentLabKey()));
        QCOMPARE(savedLanguage(), QStringLiteral("en"));
        auto w = makeWindow();
        QVERIFY(!w->labPanel()->reopenLastLab());
        QVERIFY(w->labPanel()->loadLab(kLab1));
        QCOMPARE(w->labPanel()->passedCount(), 0);
        type(w->terminalPanel()->currentConsole(),
             QStringLiteral("kafka-topics.sh --create --topic outro") + kBootstrap);
    }
    useSuiteSettings();
    // The real progress was left untouched.
    QVERIFY(QSettings().contains(LabPanel::progressKey(kLab1)));
    auto w = makeWindow();
    QVERIFY(w->labPanel()->reopenLastLab());
    QCOMPARE(w->labPanel()->passedCount(), 1);
    QVERIFY(w->controller()->session()->sim().topic("outro") == nullptr);
    saveLanguage(QStringLiteral("pt_PT"));
}

void LabPanelTest::freshRunOfTheAppLeavesTheSavedSettingsUntouched() {
    // The real executable, with its own home: a normal run saves progress, a --fresh run neither
    // reads nor changes it.
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    auto run = [&](QStringList args) {
        QProcess p;
        p.setProcessEnvironment(env);
        args << QStringLiteral("--lab") << kLab1 << QStringLiteral("--view") << QStringLiteral("labs")
             << QStringLiteral("--screenshot") << home.filePath(QStringLiteral("shot.png"));
        p.start(QStringLiteral(FLUXOLAB_EXE), args);
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    QVERIFY(
        run({QStringLiteral("--run"),
             QStringLiteral("kafka-topics.sh --create --topic exemplo-topico --partitions 2") + kBootstrap}));
    const QString conf = home.filePath(QStringLiteral(".config/FluxoLab/FluxoLab.conf"));
    QFile f(conf);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(conf));
    const QByteArray before = f.readAll();
    f.close();
    QVERIFY(before.contains("exemplo-topico"));
    QVERIFY(run({QStringLiteral("--fresh"), QStringLiteral("--run"),
                 QStringLiteral("kafka-topics.sh --create --topic outro") + kBootstrap}));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1),
             QCryptographicHash::hash(before, QCryptographicHash::Sha1));
}

void LabPanelTest::anotherScenarioDetachesTheLabAndResumeBringsItBack() {
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(kLab1));
    type(w->terminalPanel()->currentConsole(),
         QStringLiteral("kafka-topics.sh --create --topic exemplo-topico --partitions 2") + kBootstrap);
    QCOMPARE(lab->passedCount(), 1);
    QVERIFY(!lab->isDetached());
    QVERIFY(!lab->detachedNotice()->isVisible());
    QString error;
    QVERIFY2(w->controller()->loadFile(QStringLiteral("rebalance-basico"), &error), qPrintable(error));
    QVERIFY(lab->isDetached());
    QVERIFY(lab->detachedNotice()->isVisible());
    QVERIFY(lab->detachedNotice()->text().contains(QStringLiteral("cenário")));
    QCOMPARE(lab->passedCount(), 1); // the progress is still shown
    QVERIFY(lab->textBrowser()->toPlainText().contains(QStringLiteral("Retomar")));
    // Commands on the other scenario do not move the lab on.
    type(w->terminalPanel()->currentConsole(),
         QStringLiteral("kafka-topics.sh --describe --topic exemplo-topico") + kBootstrap);
    QCOMPARE(lab->passedCount(), 1);
    // Resume: the lab's cluster comes back (the student's commands replayed).
    auto* resume = lab->findChild<QPushButton*>(QStringLiteral("labResume"));
    QVERIFY(resume);
    resume->click();
    QVERIFY(!lab->isDetached());
    QVERIFY(!lab->detachedNotice()->isVisible());
    QCOMPARE(lab->passedCount(), 1);
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") != nullptr);
    type(w->terminalPanel()->currentConsole(),
         QStringLiteral("kafka-topics.sh --describe --topic exemplo-topico") + kBootstrap);
    QCOMPARE(lab->passedCount(), 2);
}

void LabPanelTest::commandLinksNeverWrapInsideAnOption() {
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    int commandBlocks = 0; // the command blocks checked line by line below (none would pass silently)
    for (const QString& id : {kLab1, kLab2, kLab3, kLab4, kLab5, kLab6, kLab7}) {
        QVERIFY(lab->loadLab(id));
        for (int step = 0; step < lab->stepCount(); ++step) {
            lab->selectStep(step);
            QTextDocument* doc = lab->textBrowser()->document();
            for (const qreal width : {260.0, 340.0, 450.0}) {
                doc->setTextWidth(width);
                (void)doc->documentLayout()->documentSize();
                for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
                    const QString text = b.text();
                    QTextLayout* layout = b.layout();
                    // Nowhere (prose with `--options` too) does a line end inside an option.
                    for (int i = 0; layout && i + 1 < layout->lineCount(); ++i) {
                        const QTextLine line = layout->lineAt(i);
                        const QString shown =
                            text.mid(line.textStart(), line.textLength()).remove(QChar(0x2060)).trimmed();
                        QVERIFY2(!shown.endsWith(QLatin1Char('-')),
                                 qPrintable(QStringLiteral("%1 step %2 width %3: a line ends with \"%4\"")
                                                .arg(id)
                                                .arg(step)
                                                .arg(width)
                                                .arg(shown)));
                    }
                    // A command block: its text has word joiners between the characters of every word.
                    const QString plain = QString(text).remove(QChar(0x2060));
                    if (!plain.startsWith(QStringLiteral("bin/")) && !plain.startsWith(QStringLiteral("fluxolab-cli ")))
                        continue;
                    ++commandBlocks;
                    QVERIFY(layout && layout->lineCount() > 0);
                    // A command wraps only at a plain space, before an option ("--key pagina" stays
                    // whole) or before a positional argument of the command ("fluxolab-cli replay" /
                    // "cliques_do_site.csv --key pagina"): never inside a word, never between an
                    // option and its value.
                    for (int i = 1; i < layout->lineCount(); ++i) {
                        const QTextLine line = layout->lineAt(i);
                        const QTextLine previous = layout->lineAt(i - 1);
                        const QString start =
                            text.mid(line.textStart(), line.textLength()).remove(QChar(0x2060));
                        const QStringList before = text.mid(previous.textStart(), previous.textLength())
                                                       .remove(QChar(0x2060))
                                                       .split(QRegularExpression(QStringLiteral("[ \\x{00A0}]")), Qt::SkipEmptyParts);
                        const bool atSpace = line.textStart() > 0 && text.at(line.textStart() - 1) == QLatin1Char(' ');
                        const bool positional = !start.startsWith(QLatin1Char('-')) && !before.isEmpty() &&
                                                !before.back().startsWith(QLatin1Char('-'));
                        QVERIFY2(atSpace && (start.startsWith(QStringLiteral("--")) || positional),
                                 qPrintable(QStringLiteral("%1 step %2 width %3: a line starts with \"%4\"")
                                                .arg(id)
                                                .arg(step)
                                                .arg(width)
                                                .arg(start)));
                    }
                }
            }
        }
    }
    QVERIFY2(commandBlocks > 0, "no command block was checked");
    qInfo("%d command blocks checked (every step of the seven labs, three widths)", commandBlocks);
    // What a click copies, and what a selection copies, is the plain command.
    QVERIFY(lab->loadLab(kLab1));
    QVERIFY(!lab->commands().front().contains(QChar(0x00A0)));
    QCOMPARE(LabPanel::nonBreakingCommand(QStringLiteral("a --b c --d")).remove(QChar(0x2060)),
             QStringLiteral("a --b") + QChar(0x00A0) + QStringLiteral("c --d"));
    lab->textBrowser()->selectAll();
    lab->textBrowser()->copy();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY(copied.contains(
        QStringLiteral("bin/kafka-topics.sh --create --topic exemplo-topico --partitions 2")));
    QVERIFY(!copied.contains(QChar(0x2060)) && !copied.contains(QChar(0x00A0)));
}

void LabPanelTest::completedLabUsesGlyphsTheBundledFontDraws() {
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(kLab1));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic exemplo-topico --partitions 2") + kBootstrap);
    type(c, QStringLiteral("kafka-topics.sh --describe --topic exemplo-topico") + kBootstrap);
    type(c, QStringLiteral("kafka-console-producer.sh --topic exemplo-topico --property parse.key=true "
                           "--property key.separator=:") +
                kBootstrap);
    for (const char* line : {"key1:a", "key2:b", "key3:c"})
        type(c, QString::fromUtf8(line));
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
    type(c, QStringLiteral(
                "kafka-console-consumer.sh --topic exemplo-topico --from-beginning --property print.key=true "
                "--property print.partition=true --property print.offset=true") +
                kBootstrap);
    ticks(w->cliHost(), 40);
    QTest::keyClick(c, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(lab->passedCount(), lab->stepCount());
    lab->selectStep(lab->stepCount() - 1);
    for (const QString& language : {QStringLiteral("pt_PT"), QStringLiteral("en")}) {
        setLanguage(language);
        QCoreApplication::processEvents();
        const QString text = lab->textBrowser()->toPlainText();
        QVERIFY2(text.contains(language == QStringLiteral("en") ? QStringLiteral("Lab complete!")
                                                                : QStringLiteral("Laboratório concluído!")),
                 qPrintable(text.right(400)));
        QString all = text;
        for (int i = 0; i < lab->stepList()->count(); ++i)
            all += lab->stepList()->item(i)->text();
        // The app draws with DejaVu Sans (fonts-dejavu-core): every visible character must be in it.
        const QFont font(QStringLiteral("DejaVu Sans"));
        QCOMPARE(QFontInfo(font).family(), QStringLiteral("DejaVu Sans"));
        const QFontMetrics fm(font);
        for (const char32_t ch : all.toUcs4()) {
            const auto cat = QChar::category(ch);
            if (cat == QChar::Other_Format || cat == QChar::Other_Control || cat == QChar::Separator_Line ||
                cat == QChar::Separator_Paragraph)
                continue;
            QVERIFY2(
                fm.inFontUcs4(ch),
                qPrintable(QStringLiteral("U+%1 is not in DejaVu Sans").arg(ch, 4, 16, QLatin1Char('0'))));
        }
    }
}

void LabPanelTest::labSetupProducerSaysWhatItIs() {
    // Issue #8: during lab 3 the timeline said "Produtor fluxolab-setup fechado": true (the step's
    // setup writes its starting records with a producer of its own, then closes it) but unexplained.
    // It says whose producer it is; a producer the student starts keeps the plain text.
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(kLab3));
    QCoreApplication::processEvents();
    const struct {
        QString language, setupClosed;
    } expected[] = {
        {QStringLiteral("pt_PT"),
         QStringLiteral("Produtor fluxolab-setup fechado: a preparação do laboratório escreveu os registos iniciais deste passo")},
        {QStringLiteral("en"),
         QStringLiteral("Producer fluxolab-setup closed: the lab's setup wrote this step's starting records")},
    };
    for (const auto& e : expected) {
        QVERIFY(setLanguage(e.language));
        QCoreApplication::processEvents();
        QCOMPARE(w->timelineBar()->eventText(), e.setupClosed);
    }
    // A console producer the student starts: the plain text.
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-console-producer.sh --topic pedidos") + kBootstrap);
    ticks(w->cliHost(), 2);
    QCoreApplication::processEvents();
    const QString shown = w->timelineBar()->eventText();
    QVERIFY2(shown.startsWith(QStringLiteral("Producer ")) && shown.endsWith(QStringLiteral(" started")) &&
                 !shown.contains(QStringLiteral("fluxolab-setup")),
             qPrintable(shown));
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LabPanelTest::lab3CanBeFinishedFromThePanelAlone_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("pt_PT") << QStringLiteral("pt_PT");
    QTest::newRow("en") << QStringLiteral("en");
}

void LabPanelTest::lab3CanBeFinishedFromThePanelAlone() {
    // The student only clicks the commands the panel shows (a click pastes into a free tab, or a
    // new one), presses Enter, and uses Ctrl+C / Ctrl+D where the text says so.
    QFETCH(QString, language);
    setLanguage(language);
    QCoreApplication::processEvents();
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    TerminalPanel* term = w->terminalPanel();
    QVERIFY(lab->loadLab(kLab3));
    auto click = [&](int i) {
        QVERIFY(i < lab->commands().size());
        Q_EMIT lab->textBrowser()->anchorClicked(QUrl(QStringLiteral("fluxolab-cmd:%1").arg(i)));
        QTest::keyClick(term->currentConsole(), Qt::Key_Return);
        ticks(w->cliHost(), 10);
    };
    auto stepIs = [&](int n) { return lab->engine()->currentStep() == static_cast<std::size_t>(n); };
    auto panel = [&] { return lab->textBrowser()->toPlainText(); };
    const QString tabWord =
        language == QStringLiteral("en") ? QStringLiteral("tab") : QStringLiteral("separador");

    click(0); // describe pedidos
    QVERIFY(stepIs(1));
    QVERIFY2(panel().contains(tabWord), qPrintable(panel()));
    QCOMPARE(lab->commands().size(), 2);
    click(0); // the consumer holds terminal 1
    QVERIFY(term->console(0)->isBusy());
    click(1); // the describe goes to a new tab
    QCOMPARE(term->count(), 2);
    ticks(w->cliHost(), 50);
    // It said the group "is rebalancing" (the consumer had just started): the step does not pass on
    // it, and the panel says to run it again.
    QVERIFY2(stepIs(1), qPrintable(panel()));
    QVERIFY2(term->console(1)->toPlainText().contains(QStringLiteral("is rebalancing.")), qPrintable(term->console(1)->toPlainText()));
    click(1);
    QVERIFY2(stepIs(2), qPrintable(panel()));
    click(0); // a second consumer: into the free tab 2
    QVERIFY(term->console(1)->isBusy());
    ticks(w->cliHost(), 80);
    click(1); // describe --members in a new tab
    ticks(w->cliHost(), 30);
    QVERIFY2(stepIs(3), qPrintable(panel()));
    QVERIFY(!panel().contains(QStringLiteral("kill")));
    QTest::keyClick(term->console(1), Qt::Key_C, Qt::ControlModifier); // the second consumer's tab
    ticks(w->cliHost(), 30);
    click(0);
    ticks(w->cliHost(), 30);
    QVERIFY2(stepIs(4), qPrintable(panel()));
    QTest::keyClick(term->console(0), Qt::Key_C, Qt::ControlModifier); // the first consumer
    ticks(w->cliHost(), 30);
    const QStringList cmds = lab->commands();
    QVERIFY(cmds.size() >= 5);
    QVERIFY(cmds[0].contains(QStringLiteral("kafka-console-producer.sh")));
    click(0);
    for (int i = 1; i < cmds.size() && cmds[i].startsWith(QLatin1Char('>')); ++i)
        click(i);
    QTest::keyClick(term->currentConsole(), Qt::Key_D, Qt::ControlModifier);
    ticks(w->cliHost(), 10);
    click(static_cast<int>(cmds.size()) - 1); // describe: LAG
    QVERIFY2(stepIs(5), qPrintable(panel()));
    click(0); // the consumer drains the lag
    TerminalConsole* consumer = term->currentConsole();
    QVERIFY(consumer->isBusy());
    ticks(w->cliHost(), 60);
    QTest::keyClick(consumer, Qt::Key_C, Qt::ControlModifier);
    ticks(w->cliHost(), 10);
    click(1);
    QVERIFY2(stepIs(6), qPrintable(panel()));
    QVERIFY(lab->commands()[0].contains(QStringLiteral("--dry-run")));
    click(0);
    click(1);
    QVERIFY2(lab->engine()->finished(), qPrintable(panel()));
    QCOMPARE(lab->passedCount(), lab->stepCount());
}

void LabPanelTest::streamLabsCanBeFinishedFromThePanelAlone_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lab");
    QTest::addColumn<QStringList>("actions");
    QTest::newRow("lab 4 pt_PT") << QStringLiteral("pt_PT") << kLab4 << kPlayLab4;
    QTest::newRow("lab 5 en") << QStringLiteral("en") << kLab5 << kPlayLab5;
    QTest::newRow("lab 6 pt_PT") << QStringLiteral("pt_PT") << kLab6 << kPlayLab6;
    QTest::newRow("lab 7 en") << QStringLiteral("en") << kLab7 << kPlayLab7;
}

void LabPanelTest::streamLabsCanBeFinishedFromThePanelAlone() {
    QFETCH(QString, language);
    QFETCH(QString, lab);
    QFETCH(QStringList, actions);
    setLanguage(language);
    QSettings().remove(QStringLiteral("labs"));
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(lab));
    // A wrong answer or a missing command leaves the step open: play all but the last action first.
    play(w.get(), actions.mid(0, actions.size() - 1));
    QVERIFY(!w->labPanel()->engine()->finished());
    QCOMPARE(int(w->labPanel()->engine()->currentStep()), w->labPanel()->stepCount() - 1);
    play(w.get(), actions.mid(actions.size() - 1));
    QVERIFY2(w->labPanel()->engine()->finished(), qPrintable(w->labPanel()->textBrowser()->toPlainText()));
    // The terminal shows the replay's output as fluxolab-cli prints it.
    const QString shown = w->terminalPanel()->currentConsole()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("SUMMARY,events=")), qPrintable(shown.right(400)));
}

void LabPanelTest::streamLabsOpenOnTheStreamView() {
    // The trace each stream lab's file names, and what its run has (a process function, checkpoints).
    struct Expected {
        QString lab, trace;
        bool process, checkpoints;
    };
    const Expected expected[] = {{kLab4, QStringLiteral("cliques_do_site.csv"), false, false},
                                 {kLab5, QStringLiteral("cliques_do_site.csv"), false, false},
                                 {kLab6, QStringLiteral("atividade_app.csv"), true, false},
                                 {kLab7, QStringLiteral("sensores_iot.csv"), false, true}};
    const auto shows = [](MainWindow* w, const Expected& e) {
        QCOMPARE(w->currentView(), MainWindow::View::Stream);
        const auto* obs = w->streamView()->observation();
        QVERIFY(obs);
        QVERIFY2(QString::fromStdString(obs->traceName).endsWith(e.trace), obs->traceName.c_str());
        QVERIFY(obs->elements.size() > 10);
        // It opens where a student starts: before the first event, not at the end of the run.
        QCOMPARE(w->streamView()->step(), std::uint64_t{0});
        QVERIFY(!w->streamView()->isPlaying());
        QCOMPARE(obs->hasProcessFunction(), e.process);
        QCOMPARE(obs->options.job.checkpointInterval > 0, e.checkpoints);
        QCOMPARE(obs->options.trace.keyField, e.lab == kLab6 ? std::string("utilizador")
                                              : e.lab == kLab7 ? std::string("sensor")
                                                               : std::string("pagina"));
    };
    {
        auto w = makeWindow();
        QCOMPARE(w->currentView(), MainWindow::View::Cluster);
        for (const Expected& e : expected) {
            QVERIFY(w->labPanel()->loadLab(e.lab)); // as the Labs menu's combo does
            shows(w.get(), e);
            if (QTest::currentTestFailed()) return;
        }
        // A Kafka lab after them: its cluster in front, not the stream run of the lab before.
        QVERIFY(w->labPanel()->loadLab(kLab1));
        QCOMPARE(w->currentView(), MainWindow::View::Cluster);
        QVERIFY(w->labPanel()->streamViewArgs().isEmpty());
        // --lab at start.
        Options options;
        options.lab = kLab6;
        QString error;
        QVERIFY2(openLabOption(*w, options, &error), qPrintable(error));
        shows(w.get(), expected[2]);
        // --lab ID --at 20s without --run: the lab's cluster at 20 s (--at was ignored: 00:00.004).
        options.lab = kLab1;
        options.at_ms = 20000;
        QVERIFY2(openLabOption(*w, options, &error), qPrintable(error));
        QCOMPARE(w->controller()->time(), labs::TimeMs(20000));
        options.at_ms.reset();
    }
    // Reopened after a restart of the app (labs/current is lab 7 now).
    QVERIFY(makeWindow()->labPanel()->loadLab(kLab7));
    auto w = makeWindow();
    QCOMPARE(w->currentView(), MainWindow::View::Cluster);
    QVERIFY(w->labPanel()->reopenLastLab());
    QCOMPARE(w->labPanel()->currentLabId(), kLab7);
    shows(w.get(), expected[3]);
}

namespace {
/// A real cluster as the panel sees it: the remote engine's answers come when the test sends them.
class FakeRemoteLabs final : public RemoteCommands {
public:
    std::unique_ptr<labs::CommandSession> start(const std::vector<std::string>&, bool) override { return nullptr; }
    RemoteNames names() const override { return {}; }
    bool startLab(const labs::Lab& lab, const std::string&, QObject*, LabReply done) override {
        steps = lab.steps.size();
        reply = std::move(done);
        return true;
    }
    bool checkLab(std::vector<labs::HistoryEntry>, QObject*, LabReply done) override {
        reply = std::move(done);
        return true;
    }
    std::size_t steps = 0;
    LabReply reply;
};
} // namespace

void LabPanelTest::remoteStepSaysWhatItWaitsFor() {
    // On a real cluster the panel said nothing about a failed check; the simulation's panel says the
    // check's reason. The remote engine's answer carries it now (RemoteLabStatus::notYet), worded alike.
    setLanguage(QStringLiteral("en"));
    QSettings().remove(QStringLiteral("labs"));
    auto w = makeWindow();
    FakeRemoteLabs remote;
    QVERIFY(w->labPanel()->loadLab(kLab1));
    w->cliHost()->setRemote(&remote);
    QVERIFY(w->labPanel()->runsOnRealCluster());
    QVERIFY(remote.reply);
    RemoteLabStatus status;
    status.passed.assign(remote.steps, false);
    remote.reply(status); // the setup ran: no command yet, no reason
    QCoreApplication::processEvents();
    QVERIFY(!w->labPanel()->textBrowser()->toPlainText().contains(QStringLiteral("Not yet")));
    status.notYet = labs::CheckResult{false, "topic 'exemplo-topico' does not exist", labs::CheckReason::TopicMissing,
                                      {"exemplo-topico"}};
    remote.reply(status);
    QCoreApplication::processEvents();
    const QString text = w->labPanel()->textBrowser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Not yet: the topic exemplo-topico does not exist")), qPrintable(text.left(600)));
    w->cliHost()->setRemote(nullptr);
    QVERIFY(!w->labPanel()->runsOnRealCluster());
}

void LabPanelTest::stepInProgressSaysWhatItWaitsFor_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("pt_PT") << QStringLiteral("pt_PT");
    QTest::newRow("en") << QStringLiteral("en");
}

void LabPanelTest::stepInProgressSaysWhatItWaitsFor() {
    // The playthrough: lab 7 step 2 stayed "In progress" with no reason. Once the student has run a
    // command in the step, the panel says, in the UI language, what the check still waits for.
    QFETCH(QString, language);
    setLanguage(language);
    QSettings().remove(QStringLiteral("labs"));
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(kLab7));
    auto panel = [&] { return lab->textBrowser()->toPlainText(); };
    const bool pt = language == QStringLiteral("pt_PT");
    const QString notYet = pt ? QStringLiteral("Ainda não:") : QStringLiteral("Not yet:");
    QVERIFY2(!panel().contains(notYet), qPrintable(panel())); // nothing run yet: no reason shown
    play(w.get(), {QStringLiteral("c0")});
    QCOMPARE(int(lab->engine()->currentStep()), 1);
    QVERIFY2(!panel().contains(notYet), qPrintable(panel())); // a new step: nothing run in it yet
    // The progress is written beside the bar, whole (in the bar its filled part painted over the
    // first digit: "l de 7 passos" at 1920x1080).
    {
        auto* bar = lab->findChild<QProgressBar*>(QStringLiteral("labProgress"));
        auto* progress = lab->findChild<QLabel*>(QStringLiteral("labProgressText"));
        QVERIFY(bar && progress && progress->isVisible());
        QCoreApplication::processEvents(); // the row is laid out again once the label is shown
        QVERIFY(!bar->isTextVisible());
        QCOMPARE(progress->text(), (pt ? QStringLiteral("%1 de %2 passos") : QStringLiteral("%1 of %2 steps")).arg(1).arg(lab->stepCount()));
        QVERIFY2(progress->fontMetrics().horizontalAdvance(progress->text()) <= progress->contentsRect().width(), qPrintable(QStringLiteral("%1 > %2, panel %3, hint %4").arg(progress->fontMetrics().horizontalAdvance(progress->text())).arg(progress->contentsRect().width()).arg(lab->width()).arg(progress->sizeHint().width())));
        QVERIFY(!progress->geometry().intersects(bar->geometry()));
    }
    play(w.get(), {QStringLiteral("e:echo ok")});
    QCOMPARE(int(lab->engine()->currentStep()), 1);
    const QString expected =
        pt ? QStringLiteral("Ainda não: ainda nenhuma execução bem-sucedida de fluxolab-cli replay sensores_iot.csv "
                            "--window tumble:1m --crash-at N neste laboratório")
           : QStringLiteral("Not yet: no successful fluxolab-cli replay sensores_iot.csv --window tumble:1m "
                            "--crash-at N in this lab yet");
    QVERIFY2(panel().contains(expected), qPrintable(panel()));
    // Folded (the student types in the terminal): the reason stays in view under the heading, on
    // one line, elided to the panel's width (issue #10: it was part of the hidden text).
    {
        // The panel folds in a short window with the stream view in front (the terminal is under it).
        w->resize(1366, 768);
        w->setView(MainWindow::View::Stream);
        QCoreApplication::processEvents();
        lab->setFolded(true);
        QCoreApplication::processEvents();
        QVERIFY(lab->isFolded());
        QVERIFY(!lab->textBrowser()->isVisible());
        auto* reason = lab->findChild<QLabel*>(QStringLiteral("labFoldedReason"));
        QVERIFY(reason);
        QVERIFY(reason->isVisible());
        QCOMPARE(reason->toolTip(), expected);
        const QString shown = reason->text();
        QVERIFY2(shown == expected || (shown.endsWith(QChar(0x2026)) && expected.startsWith(shown.left(shown.size() - 1))),
                 qPrintable(shown));
        QVERIFY(shown.startsWith(notYet));
        QVERIFY(reason->fontMetrics().horizontalAdvance(shown) <= reason->contentsRect().width());
        QVERIFY(reason->height() <= 2 * reason->fontMetrics().height());
        lab->setFolded(false);
        QCoreApplication::processEvents();
        QVERIFY(!reason->isVisible());
    }
    // With FLUXOLAB_SHOTS_DIR: the reason line at 1366x768 and 1920x1080, normal and presentation mode.
    if (const QString dir = qEnvironmentVariable("FLUXOLAB_SHOTS_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        lab->setFolded(false); // typing in the terminal folded it to the step's heading
        QCoreApplication::processEvents();
        QVERIFY(!lab->isFolded());
        for (const bool presentation : {false, true}) {
            w->setPresentation(presentation);
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                w->resize(size);
                QCoreApplication::processEvents();
                QVERIFY(w->grab().save(QStringLiteral("%1/lab7-step2-reason-%2-%3x%4%5.png")
                                           .arg(dir, language)
                                           .arg(size.width())
                                           .arg(size.height())
                                           .arg(presentation ? QStringLiteral("-presentation") : QString())));
            }
        }
        w->setPresentation(false);
    }
    // The crash run: step 1's run without a crash is the comparison, so the step passes.
    play(w.get(), {QStringLiteral("c0")});
    QCOMPARE(int(lab->engine()->currentStep()), 2);
    QVERIFY2(!panel().contains(notYet), qPrintable(panel()));
    // Every reason code has a text in both languages, and the pt_PT one differs from the English.
    for (int i = int(labs::CheckReason::None) + 1; i <= int(labs::CheckReason::Last); ++i) {
        labs::CheckResult r;
        r.reason = static_cast<labs::CheckReason>(i);
        r.args = {"A1", "B2", "C3", "7", "1", "", ""};
        setLanguage(QStringLiteral("en"));
        const QString en = LabPanel::checkReasonText(r);
        setLanguage(QStringLiteral("pt_PT"));
        const QString ptText = LabPanel::checkReasonText(r);
        QVERIFY2(!en.isEmpty() && ptText != en, qPrintable(QStringLiteral("reason %1: %2").arg(i).arg(ptText)));
    }
    labs::CheckResult count;
    count.reason = labs::CheckReason::AlertsFor;
    count.args = {"rui", "2", "0", "", ""};
    QCOMPARE(LabPanel::checkReasonText(count), QStringLiteral("alertas para `rui`: 2, esperado 0"));
    setLanguage(QStringLiteral("en"));
    QCOMPARE(LabPanel::checkReasonText(count), QStringLiteral("alerts for `rui`: 2, expected 0"));
    setLanguage(language);
}

void LabPanelTest::labs1And2CanBeFinishedFromThePanelAlone_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lab");
    QTest::newRow("lab 1 pt_PT") << QStringLiteral("pt_PT") << kLab1;
    QTest::newRow("lab 1 en") << QStringLiteral("en") << kLab1;
    QTest::newRow("lab 2 pt_PT") << QStringLiteral("pt_PT") << kLab2;
    QTest::newRow("lab 2 en") << QStringLiteral("en") << kLab2;
}

void LabPanelTest::labs1And2CanBeFinishedFromThePanelAlone() {
    QFETCH(QString, language);
    QFETCH(QString, lab);
    setLanguage(language);
    QCoreApplication::processEvents();
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(lab));
    play(w.get(), lab == kLab1 ? kPlayLab1 : kPlayLab2);
    QVERIFY2(w->labPanel()->engine()->finished(), qPrintable(w->labPanel()->textBrowser()->toPlainText()));
    if (lab == kLab2)
        QVERIFY(w->terminalPanel()->count() >= 3); // two vale3 consumers and the petr4 one in their tabs
}

void LabPanelTest::screenshotsOfCompletedLabs() {
    const QString dir = qEnvironmentVariable("FLUXOLAB_SHOTS_DIR");
    if (dir.isEmpty()) QSKIP("set FLUXOLAB_SHOTS_DIR to save the screenshots");
    QDir().mkpath(dir);
    const QList<QPair<QString, QStringList>> labs = {
        {kLab1, kPlayLab1}, {kLab2, kPlayLab2}, {kLab3, kPlayLab3}, {kLab4, kPlayLab4},
        {kLab5, kPlayLab5}, {kLab6, kPlayLab6}, {kLab7, kPlayLab7}};
    for (const QString& language : {QStringLiteral("pt_PT"), QStringLiteral("en")}) {
        setLanguage(language);
        QCoreApplication::processEvents();
        for (int n = 0; n < labs.size(); ++n) {
            QSettings().remove(QStringLiteral("labs"));
            auto w = makeWindow();
            QVERIFY(w->labPanel()->loadLab(labs[n].first));
            play(w.get(), labs[n].second);
            QVERIFY(w->labPanel()->engine()->finished());
            w->labPanel()->selectStep(w->labPanel()->stepCount() - 1);
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                w->resize(size);
                QCoreApplication::processEvents();
                auto* text = w->labPanel()->textBrowser();
                text->verticalScrollBar()->setValue(text->verticalScrollBar()->maximum());
                QCoreApplication::processEvents();
                const QString file = QStringLiteral("%1/lab%2-complete-%3-%4x%5.png")
                                         .arg(dir)
                                         .arg(n + 1)
                                         .arg(language)
                                         .arg(size.width())
                                         .arg(size.height());
                QVERIFY(w->grab().save(file));
            }
        }
        // Another scenario replaced the lab's cluster; and the Restart confirmation.
        {
            QSettings().remove(QStringLiteral("labs"));
            auto w = makeWindow();
            w->resize(1366, 768);
            QVERIFY(w->labPanel()->loadLab(kLab3));
            play(w.get(), kPlayLab3.mid(0, 4));
            QVERIFY(w->controller()->loadFile(QStringLiteral("rebalance-basico"), nullptr));
            QCoreApplication::processEvents();
            QVERIFY(w->grab().save(QStringLiteral("%1/lab3-detached-%2-1366x768.png").arg(dir, language)));
            bool seen = false;
            QTimer::singleShot(0, [&] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box) return;
                seen = box->grab().save(QStringLiteral("%1/lab3-restart-confirm-%2.png").arg(dir, language));
                box->reject();
            });
            w->labPanel()->confirmRestart();
            QVERIFY(seen);
        }
        // The empty state too.
        QSettings().remove(QStringLiteral("labs"));
        auto w = makeWindow();
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
            w->resize(size);
            QCoreApplication::processEvents();
            QVERIFY(w->grab().save(QStringLiteral("%1/labs-empty-%2-%3x%4.png")
                                       .arg(dir, language)
                                       .arg(size.width())
                                       .arg(size.height())));
        }
    }
}
