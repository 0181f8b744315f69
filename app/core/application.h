#pragma once

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace fluxolab::app {

/// Command-line options of the desktop app.
struct Options {
    QString scenario;                 ///< gallery name or path
    std::optional<std::uint64_t> seed;
    std::optional<std::int64_t> at_ms;
    QString view = QStringLiteral("cluster");
    QString lang;                     ///< empty = remembered choice
    QString screenshot;               ///< render offscreen to this PNG and exit
    int width = 1600;
    int height = 900;
    bool sizeGiven = false;           ///< --size was given; otherwise an interactive window fits the screen
    bool presentation = false;
    QString lab;                      ///< guided lab to load (its fresh cluster replaces the scenario)
    QStringList run;                  ///< command lines typed in the terminal before the screenshot
    bool fresh = false;               ///< ignore saved lab progress, last lab, terminal history
    QString trace;                    ///< --trace FILE: loaded into the stream view
    stream_observe::RunOptions traceOptions; ///< --watermark, --window, --agg, --key ... (replay's syntax)
    std::optional<std::uint64_t> streamStep; ///< --step N: the stream view after N events
    QString why;                      ///< --why KEY: the "why not fired" panel for that key's window at the step
    QString whatIf;                   ///< --what-if idle|bound: and that what-if run
};

/// --fresh: from now on QSettings reads and writes ini files in `dir` (a temporary folder), so the
/// saved lab progress, the last lab and the terminal history are ignored and left untouched; the
/// UI language is carried over. Call after QApplication is created.
void useFreshSettings(const QString& dir);

/// Parses argv (without QApplication). On error returns std::nullopt and sets `error` (English; printed to stderr).
/// --help / --version set `help` / `version` and return default options.
std::optional<Options> parseOptions(const QStringList& args, QString* error, bool* help = nullptr, bool* version = nullptr);

/// The size the main window is given at start: --size, or the screenshot's default size when rendering
/// headless; nothing otherwise (the window has already fitted itself to the screen's available geometry,
/// so a 1366×768 projector never gets a window larger than the screen).
std::optional<QSize> initialWindowSize(const Options& options, bool headless);

/// --lab ID: empty if `id` names a lab of the lab folder; otherwise the message for stderr (English),
/// which lists the valid ids (or says where no lab was found).
QString checkLabOption(const QString& id);

class MainWindow;
/// --lab ID at start: loads the lab and shows the lab panel beside the view asked for (with
/// --view terminal the prompt keeps the focus). False, with `error` set, if the lab cannot be loaded.
bool openLabOption(MainWindow& window, const Options& options, QString* error);

/// --run COMMAND...: the commands typed in the terminal, as a student types them (the keyboard on
/// the terminal's prompt, in the window as it will be shown), then a few seconds of cluster time.
void runCommandsOption(MainWindow& window, const Options& options, bool headless);

/// --screenshot: the window shown at the size asked for (and in presentation mode), laid out.
void showForScreenshot(MainWindow& window, const Options& options);

/// Creates the QApplication, loads translations, parses the command line and shows the main window
/// (or renders a screenshot headless with --screenshot). Returns the exit code.
int runApplication(int argc, char** argv);

} // namespace fluxolab::app
