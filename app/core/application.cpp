#include "app/core/application.h"
#include "app/core/errortexts.h"

#include "app/cluster/clustercanvas.h"
#include "app/cluster/comparewindow.h"
#include "app/terminal/clihost.h"
#include "app/labs/labpanel.h"
#include "app/core/language.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"
#include "app/core/mainwindow.h"
#include "app/core/simulationcontroller.h"
#include "app/stream/streamview.h"
#include "labs/lab_engine/lab_engine.h"
#include "labs/backend/session.h"
#ifdef FLUXOLAB_HAVE_RDKAFKA
#include "labs/rdkafka/rdkafka_backend.h"
#endif

#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <QFont>
#include <QIcon>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <thread>

namespace fluxolab::app {

namespace {
/// --at runs the simulation synchronously before the window shows: 1h of virtual time takes
/// seconds; 100000h would freeze the app for hours.
constexpr std::int64_t kMaxAtMs = 3600000;

/// True when a Linux/BSD desktop session has no display to connect to (QApplication would abort).
bool noDisplay() {
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && !defined(Q_OS_ANDROID)
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
           qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return false;
#endif
}
/// The language of the messages written before the main window exists: --lang's when it names a
/// translation, else the one the app would open in (the saved choice, pt_PT by default).
QString commandLineLanguage(const QStringList& args) {
    QString code;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        if ((a == QStringLiteral("--lang") || a == QStringLiteral("-lang")) && i + 1 < args.size()) code = args[i + 1];
        else if (a.startsWith(QStringLiteral("--lang="))) code = a.mid(7);
        else if (a.startsWith(QStringLiteral("-lang="))) code = a.mid(6);
    }
    return availableLanguages().contains(code) ? code : savedLanguage();
}
} // namespace

/// The command line's messages (parseOptions, checkLabOption), in the app's language.
struct CommandLine {
    Q_DECLARE_TR_FUNCTIONS(fluxolab::app::CommandLine)
};

/// `fluxolab --help`, in the app's language (the language must be set: setLanguage).
static QByteArray usageText() {
    //: fluxolab --help. Keep the option names, VIEW's values and the alignment of the lines.
    return CommandLine::tr(
    "Usage: fluxolab [--scenario NAME|PATH] [--seed S] [--at 30s] [--view VIEW]\n"
    "                [--lang pt_PT|en] [--size 1600x900] [--presentation] [--screenshot out.png]\n"
    "                [--lab ID] [--run 'COMMAND']... [--fresh] [--help] [--version]\n"
    "                [--trace FILE [--watermark bounded:5s|monotonous|sql:5s] [--window tumble:60s|hop:10s,60s|\n"
    "                 session:30s|cumulate:10s,60s] [--agg count|sum:F|min:F|max:F|avg:F|collect:F] [--key F]\n"
    "                 [--time-field F] [--arrival-field F] [--partition-field F] [--allowed-lateness 0s]\n"
    "                 [--idle-timeout 0s] [--watermark-interval 200ms|per-event] [--parallelism 1..8] [--step N] [--why KEY]\n"
    "                 [--what-if idle|bound]]\n"
    "  VIEW: cluster, groups, tables, plots, stream, terminal, labs or compare\n"
    "        (terminal and labs: the Kafka CLI and the guided labs)\n"
    "  --at: at most 1h of virtual time; with --run the commands are typed at 0 s and --at counts after them\n"
    "  --run: each command in a free terminal tab (a new one while a command runs there);\n"
    "         '>LINE' is a line for a running console producer\n"
    "  --fresh   start as on a new machine: ignore the saved lab progress, the last lab and the terminal\n"
    "            history (they are kept for the next normal start); the language choice is kept.\n"
    "  --lab ID  opens a guided lab on its own cluster and shows the lab panel (an unknown ID lists the labs)\n"
    "  Without --scenario, --lab or --fresh the lab opened last reopens where it was left.\n"
    "  --trace: runs a CSV / JSON Lines trace through the stream engine and shows it in the stream view\n"
    "           (options as fluxolab-cli replay's; defaults bounded:5s, tumble:60s, count, --key key,\n"
    "           --time-field ts). --step N shows the state after N events (default: the end).\n").toUtf8();
}

std::optional<Options> parseOptions(const QStringList& args, QString* error, bool* help, bool* version) {
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption scenario(QStringLiteral("scenario"), QString(), QStringLiteral("name"));
    const QCommandLineOption seed(QStringLiteral("seed"), QString(), QStringLiteral("seed"));
    const QCommandLineOption at(QStringLiteral("at"), QString(), QStringLiteral("time"));
    const QCommandLineOption view(QStringLiteral("view"), QString(), QStringLiteral("view"));
    const QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("lang"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QString(), QStringLiteral("png"));
    const QCommandLineOption size(QStringLiteral("size"), QString(), QStringLiteral("WxH"));
    const QCommandLineOption pres(QStringLiteral("presentation"));
    const QCommandLineOption labOpt(QStringLiteral("lab"), QString(), QStringLiteral("id"));
    const QCommandLineOption runOpt(QStringLiteral("run"), QString(), QStringLiteral("command"));
    const QCommandLineOption freshOpt(QStringLiteral("fresh"));
    const QCommandLineOption helpOpt(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOpt(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    p.addOptions({scenario, seed, at, view, lang, shot, size, pres, labOpt, runOpt, freshOpt, helpOpt, versionOpt});
    // The stream view's trace (fluxolab-cli replay's options).
    const auto valued = [](const char* name) { return QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")); };
    const QCommandLineOption traceOpt = valued("trace"), wmOpt = valued("watermark"), winOpt = valued("window"),
                             aggOpt = valued("agg"), keyOpt = valued("key"), timeFieldOpt = valued("time-field"),
                             arrivalOpt = valued("arrival-field"), partOpt = valued("partition-field"),
                             latenessOpt = valued("allowed-lateness"), idleOpt = valued("idle-timeout"),
                             intervalOpt = valued("watermark-interval"), stepOpt = valued("step"), whyOpt = valued("why"),
                             whatIfOpt = valued("what-if"), parallelismOpt = valued("parallelism");
    p.addOptions({traceOpt, wmOpt, winOpt, aggOpt, keyOpt, timeFieldOpt, arrivalOpt, partOpt, latenessOpt, idleOpt, intervalOpt,
                  stepOpt, whyOpt, whatIfOpt, parallelismOpt});
    auto fail = [&](const QString& m) {
        if (error) *error = m;
        return std::nullopt;
    };
    if (!p.parse(args)) return fail(p.errorText());
    // QCommandLineParser takes the next word as the value even when it is another option
    // (`--lab --screenshot y.png` opened the lab "--screenshot"): no value starts with "--".
    for (const QCommandLineOption* opt : {&scenario, &seed, &at, &view, &lang, &shot, &size, &labOpt, &runOpt, &traceOpt, &wmOpt,
                                          &winOpt, &aggOpt, &keyOpt, &timeFieldOpt, &arrivalOpt, &partOpt, &latenessOpt, &idleOpt,
                                          &intervalOpt, &stepOpt, &whyOpt, &whatIfOpt, &parallelismOpt})
        for (const QString& v : p.values(*opt))
            if (v.startsWith(QStringLiteral("--")))
                return fail(CommandLine::tr("--%1 is missing its value (\"%2\" is another option)").arg(opt->names().first(), v));
    if (p.isSet(helpOpt)) {
        if (help) *help = true;
        return Options{};
    }
    if (p.isSet(versionOpt)) {
        if (version) *version = true;
        return Options{};
    }
    if (!p.positionalArguments().isEmpty())
        return fail(CommandLine::tr("unexpected argument \"%1\"").arg(p.positionalArguments().first()));
    Options o;
    o.scenario = p.value(scenario);
    if (p.isSet(seed)) {
        bool ok = false;
        o.seed = p.value(seed).toULongLong(&ok);
        // Digits only but too large: out of range, with the range (not "expects a non-negative integer").
        static const QRegularExpression digits(QStringLiteral("^\\+?[0-9]+$"));
        if (!ok && digits.match(p.value(seed).trimmed()).hasMatch())
            return fail(CommandLine::tr("--seed is out of range: it must be from 0 to %1, got \"%2\"")
                            .arg(std::numeric_limits<quint64>::max())
                            .arg(p.value(seed)));
        if (!ok) return fail(CommandLine::tr("--seed expects a non-negative integer, got \"%1\"").arg(p.value(seed)));
    }
    if (p.isSet(at)) {
        const auto t = labs::parseVirtualTime(p.value(at).toStdString());
        if (!t || *t < 0) return fail(CommandLine::tr("--at expects a duration such as 30s, 1500ms or 2m, got \"%1\"").arg(p.value(at)));
        if (*t > kMaxAtMs) return fail(CommandLine::tr("--at is limited to 1h of virtual time, got \"%1\"").arg(p.value(at)));
        o.at_ms = *t;
    }
    if (p.isSet(view)) {
        o.view = p.value(view);
        if (!MainWindow::parseView(o.view) && o.view != QStringLiteral("compare"))
            return fail(CommandLine::tr("--view must be cluster, groups, tables, plots, stream, terminal, labs or compare, got \"%1\"")
                            .arg(o.view));
    }
    if (p.isSet(lang)) {
        o.lang = p.value(lang);
        if (!availableLanguages().contains(o.lang)) return fail(CommandLine::tr("--lang must be pt_PT or en, got \"%1\"").arg(o.lang));
    }
    if (p.isSet(size)) {
        const QStringList wh = p.value(size).split(QLatin1Char('x'));
        bool ok1 = false, ok2 = false;
        if (wh.size() == 2) {
            o.width = wh[0].toInt(&ok1);
            o.height = wh[1].toInt(&ok2);
        }
        if (!ok1 || !ok2)
            return fail(CommandLine::tr("--size expects WIDTHxHEIGHT such as 1600x900, got \"%1\"").arg(p.value(size)));
        if (o.width < 320 || o.height < 240 || o.width > 8000 || o.height > 8000)
            return fail(CommandLine::tr("--size must be from 320x240 to 8000x8000, got \"%1\"").arg(p.value(size)));
        o.sizeGiven = true;
    }
    o.presentation = p.isSet(pres);
    o.fresh = p.isSet(freshOpt);
    o.lab = p.value(labOpt);
    o.run = p.values(runOpt);
    // --trace and its options.
    o.trace = p.value(traceOpt);
    auto& t = o.traceOptions;
    t.trace.timeField = "ts";
    t.trace.keyField = "key";
    t.job.watermark.kind = labs::WatermarkKind::BoundedOutOfOrderness;
    t.job.watermark.bound = 5000;
    t.job.window.size = 60000;
    for (const QCommandLineOption* opt : {&wmOpt, &winOpt, &aggOpt, &keyOpt, &timeFieldOpt, &arrivalOpt, &partOpt, &latenessOpt,
                                          &idleOpt, &intervalOpt, &stepOpt, &whyOpt, &whatIfOpt, &parallelismOpt})
        if (p.isSet(*opt) && o.trace.isEmpty()) return fail(CommandLine::tr("--%1 needs --trace FILE").arg(opt->names().first()));
    // The parsers' English reasons are fluxolab-cli's; the app says what each option expects in
    // the UI language (a wrong --window in a pt_PT session printed "'0s' is not a positive duration").
    const auto check = [&](const QCommandLineOption& opt, const std::optional<std::string>& problem) -> bool {
        if (!problem) return true;
        if (!error) return false;
        const QString name = opt.names().first();
        const QString value = p.value(opt);
        if (name == QStringLiteral("watermark"))
            *error = CommandLine::tr("--watermark expects bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s), got \"%1\"").arg(value);
        else if (name == QStringLiteral("window"))
            *error = CommandLine::tr("--window expects tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s), got \"%1\"").arg(value);
        else
            *error = CommandLine::tr("--agg expects count, or sum, min, max, avg or collect with a field (for example sum:valor), got \"%1\"").arg(value);
        return false;
    };
    if (p.isSet(wmOpt) && !check(wmOpt, stream_observe::parseWatermarkOption(p.value(wmOpt).toStdString(), t.job.watermark))) return std::nullopt;
    if (p.isSet(winOpt) && !check(winOpt, stream_observe::parseWindowOption(p.value(winOpt).toStdString(), t.job.window))) return std::nullopt;
    if (p.isSet(aggOpt) && !check(aggOpt, stream_observe::parseAggOption(p.value(aggOpt).toStdString(), t))) return std::nullopt;
    if (p.isSet(keyOpt)) t.trace.keyField = p.value(keyOpt).toStdString();
    if (p.isSet(timeFieldOpt)) t.trace.timeField = p.value(timeFieldOpt).toStdString();
    if (p.isSet(arrivalOpt)) t.trace.arrivalField = p.value(arrivalOpt).toStdString();
    if (p.isSet(partOpt)) t.trace.partitionField = p.value(partOpt).toStdString();
    for (const auto& [opt, target] : {std::pair{&latenessOpt, &t.job.window.allowedLateness}, std::pair{&idleOpt, &t.job.watermark.idleTimeout}}) {
        if (!p.isSet(*opt)) continue;
        const auto d = stream_observe::parseDurationText(p.value(*opt).toStdString());
        if (!d) return fail(CommandLine::tr("--%1 expects a duration such as 0s, 10s or 90s, got \"%2\"").arg(opt->names().first(), p.value(*opt)));
        *target = *d;
    }
    if (p.isSet(intervalOpt)) {
        if (p.value(intervalOpt) == QStringLiteral("per-event")) {
            t.job.watermark.perEvent = true;
        } else {
            const auto d = stream_observe::parseDurationText(p.value(intervalOpt).toStdString());
            if (!d || *d <= 0) return fail(CommandLine::tr("--watermark-interval expects per-event or a positive duration, got \"%1\"").arg(p.value(intervalOpt)));
            t.job.watermark.interval = *d;
        }
    }
    if (p.isSet(parallelismOpt)) {
        bool ok = false;
        const int n = p.value(parallelismOpt).toInt(&ok);
        if (!ok || n < 1 || n > 8) return fail(CommandLine::tr("--parallelism expects 1 to 8, got \"%1\"").arg(p.value(parallelismOpt)));
        t.job.parallelism = n;
    }
    if (const auto problem = labs::validateJob(t.job); problem && !o.trace.isEmpty())
        return fail(CommandLine::tr("--trace options: %1").arg(ErrorTexts::jobError(*problem)));
    if (p.isSet(stepOpt)) {
        bool ok = false;
        o.streamStep = p.value(stepOpt).toULongLong(&ok);
        if (!ok) return fail(CommandLine::tr("--step expects a non-negative integer, got \"%1\"").arg(p.value(stepOpt)));
    }
    o.why = p.value(whyOpt);
    o.whatIf = p.value(whatIfOpt);
    if (!o.whatIf.isEmpty() && o.whatIf != QStringLiteral("idle") && o.whatIf != QStringLiteral("bound"))
        return fail(CommandLine::tr("--what-if must be idle or bound, got \"%1\"").arg(o.whatIf));
    if (!o.whatIf.isEmpty() && o.why.isEmpty()) return fail(CommandLine::tr("--what-if needs --why KEY"));
    if (!o.trace.isEmpty() && !p.isSet(view)) o.view = QStringLiteral("stream");
    o.screenshot = p.value(shot);
    if (p.isSet(shot) && o.screenshot.isEmpty()) return fail(CommandLine::tr("--screenshot expects a file name"));
    if (!o.screenshot.isEmpty() && o.scenario.isEmpty() && o.lab.isEmpty() && o.trace.isEmpty())
        return fail(CommandLine::tr("--screenshot needs --scenario, --lab or --trace"));
    return o;
}

QString checkLabOption(const QString& id) {
    const labs::LabCatalog catalog = labs::loadLabCatalog(labs::defaultLabDirectory());
    QStringList ids;
    for (const auto& lab : catalog.labs) ids << QString::fromStdString(lab.id);
    if (ids.contains(id)) return {};
    if (ids.isEmpty())
        return CommandLine::tr("--lab: unknown lab \"%1\": no lab was found in %2 (FLUXOLAB_LABS_DIR chooses another folder)")
            .arg(id, QString::fromStdString(labs::defaultLabDirectory()));
    return CommandLine::tr("--lab: unknown lab \"%1\"; the labs are:\n  %2").arg(id, ids.join(QStringLiteral("\n  ")));
}

bool openLabOption(MainWindow& window, const Options& options, QString* error) {
    if (!window.labPanel()->loadLab(options.lab)) {
        if (error) {
            *error = checkLabOption(options.lab);
            if (error->isEmpty()) *error = QStringLiteral("--lab: the lab \"%1\" cannot be loaded").arg(options.lab);
        }
        return false;
    }
    // --at without --run: the lab's cluster at that time (it was ignored: the lab's own cluster
    // replaced the scenario run to --at, and the clock showed 00:00.004). With --run, --at counts
    // after the commands (runCommandsOption).
    if (options.run.isEmpty() && options.at_ms && window.controller()->time() < *options.at_ms)
        window.controller()->runTo(*options.at_ms);
    // A student who asks for a lab sees it, beside the view asked for.
    window.setView(MainWindow::View::Labs);
    if (options.view == QStringLiteral("terminal")) window.setView(MainWindow::View::Terminal);
    return true;
}

void runCommandsOption(MainWindow& window, const Options& options, bool headless) {
    // The path a student's typing takes: the window as it is seen, the keyboard on the terminal's
    // prompt (under the lab panel the panel folds), then the commands. The commands used to run in
    // the hidden window and the keyboard reached the terminal only when it was shown: the panel
    // folded after the step had passed (and unfolded), and stayed folded.
    if (headless)
        showForScreenshot(window, options);
    else
        window.show();
    window.setView(MainWindow::View::Terminal);
    TerminalConsole* console = window.terminalPanel()->currentConsole();
    window.activateWindow();
    console->setFocus(Qt::MouseFocusReason);
    QApplication::processEvents();
    // Each in a free tab: one given while a console consumer runs goes to a new tab, as a student
    // opens another terminal (it was typed into the consumer, as a line of its input).
    for (const QString& command : options.run) window.terminalPanel()->runCommand(command);
    window.cliHost()->tickNow(3000); // consumers receive, groups settle
    if (!options.at_ms) return;
    CliHost* host = window.cliHost();
    if (host->clockRunning()) {
        // A command still runs (a console consumer): time passes as it does for a student waiting at
        // its prompt, tick by tick, and each tick lets the command print what it received. A plain
        // runTo moved the cluster on but left the console silent: the cluster view showed records
        // consumed that the terminal never printed.
        for (labs::TimeMs left = *options.at_ms; left > 0; left -= CliHost::kTickMs)
            host->tickNow(std::min<labs::TimeMs>(CliHost::kTickMs, left));
    } else {
        window.controller()->runTo(window.controller()->time() + *options.at_ms);
    }
}

void showForScreenshot(MainWindow& window, const Options& options) {
    window.show();
    if (options.presentation) window.setPresentation(true);
    QApplication::processEvents();
    window.resize(options.width, options.height);
    QApplication::processEvents();
    // The docks sized again once the lab panel has laid out its folded or unfolded contents (a
    // queued step: without it the screenshot kept the unfolded panel's height over a folded one).
    QApplication::processEvents();
    QApplication::processEvents();
}

void useFreshSettings(const QString& dir) {
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::SystemScope, dir);
    QSettings fresh;
    fresh.clear();
    if (!language.isEmpty()) fresh.setValue(QStringLiteral("ui/language"), language);
}

std::optional<QSize> initialWindowSize(const Options& options, bool headless) {
    if (headless || options.sizeGiven) return QSize(options.width, options.height);
    return std::nullopt;
}

int runApplication(int argc, char** argv) {
    bool headless = false;
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--screenshot", 12) == 0) headless = true;
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");

    // The command line is checked before QApplication exists: --help and --version answer without
    // a display (QApplication aborts when it cannot connect to one), and so does a bad option when
    // there is no display. Qt's own options (-platform, -style...) are only known to QApplication,
    // so the options are parsed again from QApplication::arguments().
    QStringList rawArguments;
    bool platformOption = false;
    for (int i = 0; i < argc; ++i) {
        rawArguments << QString::fromLocal8Bit(argv[i]);
        platformOption = platformOption || std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0;
    }
    // QSettings (the saved language of the messages below) before QApplication exists.
    QCoreApplication::setApplicationName(QStringLiteral("FluxoLab"));
    QCoreApplication::setOrganizationName(QStringLiteral("FluxoLab"));
    QString error;
    bool help = false, version = false;
    const auto preparsed = parseOptions(rawArguments, &error, &help, &version);
    if (help) {
        // In the app's language: translators need a QCoreApplication (no display needed).
        QCoreApplication core(argc, argv);
        setLanguage(commandLineLanguage(rawArguments));
        std::fputs(usageText().constData(), stdout);
        return 0;
    }
    if (version) {
        std::printf("fluxolab %s\n", FLUXOLAB_VERSION);
        return 0;
    }
    if (!headless && !platformOption && noDisplay()) {
        // The messages in the app's language: translators need a QCoreApplication (no display needed).
        QCoreApplication core(argc, argv);
        setLanguage(commandLineLanguage(rawArguments));
        if (!preparsed) {
            parseOptions(rawArguments, &error, &help, &version);
            std::fprintf(stderr, "fluxolab: %s\n%s", qUtf8Printable(error), usageText().constData());
        } else
            std::fputs(CommandLine::tr("fluxolab: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                                       "  Start it from a desktop session or under xvfb-run, or render a picture headless with\n"
                                       "  --screenshot out.png (e.g. fluxolab --scenario rebalance-basico --screenshot out.png)\n")
                           .toUtf8()
                           .constData(),
                       stderr);
        return 2;
    }

    QApplication app(argc, argv);
#ifdef FLUXOLAB_HAVE_RDKAFKA
    // No librdkafka call on the GUI thread (app/real runs them on workers); a debug build stops at one.
#ifdef NDEBUG
    fluxolab::labs::guardThreadAgainstRdKafka(std::this_thread::get_id(), false);
#else
    fluxolab::labs::guardThreadAgainstRdKafka(std::this_thread::get_id(), true);
#endif
#endif
    QApplication::setApplicationName(QStringLiteral("FluxoLab"));
    QApplication::setOrganizationName(QStringLiteral("FluxoLab"));
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fluxolab.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("fluxolab")); // packaging/fluxolab.desktop

    setLanguage(commandLineLanguage(QApplication::arguments())); // for the command line's messages
    const auto options = parseOptions(QApplication::arguments(), &error, &help, &version);
    if (help || version) {
        std::fputs(help ? usageText().constData() : "fluxolab " FLUXOLAB_VERSION "\n", stdout);
        return 0;
    }
    if (!options) {
        std::fprintf(stderr, "fluxolab: %s\n%s", qUtf8Printable(error), usageText().constData());
        return 2;
    }
    if (!options->lab.isEmpty()) {
        // Before any window: a mistyped id is answered at once, with the ids that exist.
        if (const QString problem = checkLabOption(options->lab); !problem.isEmpty()) {
            std::fprintf(stderr, "fluxolab: %s\n", qUtf8Printable(problem));
            return 2;
        }
    }
    QTemporaryDir freshSettings; // removed on exit: a --fresh session leaves nothing behind
    if (options->fresh) {
        if (!freshSettings.isValid()) {
            std::fprintf(stderr, "fluxolab: --fresh cannot create a temporary folder: %s\n",
                         qUtf8Printable(freshSettings.errorString()));
            return 1;
        }
        useFreshSettings(freshSettings.path());
    }
    setLanguage(options->lang.isEmpty() ? savedLanguage() : options->lang);

    MainWindow window; // sizes itself to the screen's available geometry
    if (const auto size = initialWindowSize(*options, headless)) window.resize(*size);
    const QString scenario = options->scenario.isEmpty() && resolveScenario(QStringLiteral("rebalance-basico")).size() > 0
                                 ? QStringLiteral("rebalance-basico")
                                 : options->scenario;
    if (!scenario.isEmpty()) {
        SimulationController* c = window.controller();
        if (!c->loadFile(scenario, &error, options->seed)) {
            if (headless) {
                std::fprintf(stderr, "fluxolab: %s\n", qUtf8Printable(error));
                return 2;
            }
            window.openScenario(scenario, true); // shows the dialog
        } else if (options->at_ms && options->run.isEmpty()) { // with --run, --at counts after the commands
            c->runTo(*options->at_ms);
        }
    }
    if (!options->trace.isEmpty()) {
        StreamView* sv = window.streamView();
        if (!sv->loadNow(options->trace, options->traceOptions, &error)) {
            std::fprintf(stderr, "fluxolab: %s\n", qUtf8Printable(error));
            if (headless) return 2;
        } else {
            if (options->streamStep) sv->setStep(*options->streamStep);
            if (!options->why.isEmpty()) {
                const auto* obs = sv->observation();
                int pick = -1;
                for (std::size_t i = 0; i < obs->windows.size(); ++i) {
                    const auto& w = obs->windows[i];
                    if (QString::fromStdString(w.key) != options->why) continue;
                    const auto st = w.stateAt(sv->step());
                    if (st == stream_observe::ObservedWindow::State::Open) {
                        pick = static_cast<int>(i);
                        break;
                    }
                    if (pick < 0 && st != stream_observe::ObservedWindow::State::Absent) pick = static_cast<int>(i);
                }
                if (pick < 0) {
                    // Worded as the stream view's position: "event N of M", or past the last event the
                    // final watermark (step M + 1, which is no event of the trace).
                    const std::uint64_t step = sv->step();
                    const std::size_t events = obs->elements.size();
                    const QString where =
                        step > events ? CommandLine::tr("--why: the key \"%1\" has no window at the end of the input (final watermark)")
                                            .arg(options->why)
                                      : CommandLine::tr("--why: the key \"%1\" has no window after event %2 of %3")
                                            .arg(options->why)
                                            .arg(static_cast<qulonglong>(step))
                                            .arg(static_cast<qulonglong>(events));
                    std::fprintf(stderr, "fluxolab: %s\n", qUtf8Printable(where));
                    if (headless) return 2;
                } else {
                    sv->selectWindow(pick);
                    if (!options->whatIf.isEmpty() && !sv->runWhatIf(options->whatIf == QStringLiteral("idle") ? 0 : 1))
                        std::fprintf(stderr, "fluxolab: %s\n",
                                     qUtf8Printable(CommandLine::tr("--what-if %1 does not apply to this window").arg(options->whatIf)));
                }
            }
        }
    }
    const bool compare = options->view == QStringLiteral("compare");
    if (!compare) window.setView(*MainWindow::parseView(options->view));
    if (!compare && !options->lab.isEmpty() && !openLabOption(window, *options, &error)) {
        std::fprintf(stderr, "fluxolab: %s\n", qUtf8Printable(error));
        return 2;
    }
    // The lab opened last reopens where it was left (unless a scenario or lab was asked for).
    if (!compare && options->lab.isEmpty() && options->scenario.isEmpty() && options->trace.isEmpty() && !options->fresh &&
        window.labPanel()->reopenLastLab())
        window.setView(MainWindow::View::Labs);
    if (!compare && !options->run.isEmpty()) runCommandsOption(window, *options, headless);
    if (headless && compare) {
        // Compare mode: range (eager) against cooperative-sticky, same scenario and seed, same time.
        CompareWindow cw(window.controller());
        cw.show();
        if (options->presentation) cw.setPresentation(true);
        cw.seekTime(options->at_ms.value_or(0));
        cw.finishCatchUp(); // a screenshot shows both sides at that moment
        cw.resize(options->width, options->height);
        QApplication::processEvents();
        if (!cw.grab().save(options->screenshot, "PNG")) {
            std::fprintf(stderr, "fluxolab: %s\n", qUtf8Printable(CommandLine::tr("cannot write %1").arg(options->screenshot)));
            return 1;
        }
        return 0;
    }
    if (headless) {
        showForScreenshot(window, *options);
        if (!window.grab().save(options->screenshot, "PNG")) {
            std::fprintf(stderr, "fluxolab: %s\n", qUtf8Printable(CommandLine::tr("cannot write %1").arg(options->screenshot)));
            return 1;
        }
        return 0;
    }
    window.show();
    if (options->presentation) window.setPresentation(true);
    if (compare) {
        auto* cw = new CompareWindow(window.controller(), &window);
        cw->setAttribute(Qt::WA_DeleteOnClose);
        cw->seekTime(options->at_ms.value_or(0));
        cw->show();
        if (options->presentation) cw->setPresentation(true);
    }
    return QApplication::exec();
}

} // namespace fluxolab::app
