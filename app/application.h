#pragma once

namespace fluxolab::app {

/// Creates the QApplication, loads translations, parses the command line and shows the main window
/// (or renders a screenshot headless with --screenshot). Returns the exit code.
int runApplication(int argc, char** argv);

} // namespace fluxolab::app
