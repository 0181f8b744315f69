#pragma once
#include <QObject>

/// The fluxolab executable's command line: headless screenshots and exit codes.
class CliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void screenshotRendersAndExitsZero();
    void badOptionsExitTwo_data();
    void badOptionsExitTwo();
    void badScenarioFileIsAClearMessage();
    void outOfRangeBoundsReadAsNumbers();
    void emptyScenarioFileSaysSo();
    void parseOptions();
    void helpAndVersionWithoutDisplay();
    void optionErrorsFollowTheLanguage();
    void helpFollowsTheLanguage();
    void scenarioFolderIsNotAScenarioFile();
};
