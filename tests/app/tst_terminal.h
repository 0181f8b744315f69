#pragma once

#include <QObject>

/// The terminal (Kafka CLI) and lab panels, driven through the keyboard as a student would.
class TerminalTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void createTopicShowsInViewsAndOutput();
    void tablesViewShowsTheToolsConfigs();
    void describeTabsAlwaysLeaveAGap();
    void historyUpRecallsTheLastCommand();
    void builtinsAreTheScriptRunnersOnes();
    void backgroundJobsRunAndKillStopsThem();
    void hereDocumentIntoTheProducerPrintsNoPrompts();
    void tabCompletesOptionsAndTopicNames();
    void ctrlCStopsARunningConsumer();
    void aClosedConsoleProducerLeavesTheClusterView();
    void consumerKeepsReceivingWhilePlaybackRunsInTheBackground();
    void labSolvedThroughThePanelTurnsAllStepsGreen();
    void progressIsRestoredAfterRecreatingThePanel();
    void restoredProgressRebuildsTheCluster();
    void corruptSavedProgressStartsTheLabOver();
    void longSavedJournalReplaysInSlicesWithoutFreezing();
    void restartResetsTheLabAndItsCluster();
    void errorsShowTheTeachingNote();
    void fluxolabCliRefusalsAreInTheUiLanguage();
    void replayRunErrorsAndShellOperatorsAreInTheUiLanguage();
    void inactivityAlertIsInTheUiLanguage();
    void javaStackTraceIsFoldedAndExpandsOnClick();
    void toolbarProducerAfterTerminalWorkKeepsIt();
    void mixedToolbarAndTerminalRunReplaysToTheSameJournal();
    void savedScenarioKeepsTerminalCommandsAndReplaysTheSameJournal();
    void corruptTerminalPartOfAScenarioIsRefused();
    void restartReplaysTheTerminalWorkAtItsTimes();
    void compareModeRunsTheTerminalWork();
    void scenarioSavedAfterARestartKeepsTheTerminalWork();
    void longTerminalSessionReplaysOnRestart();
    void consoleConsumerRunningAtARestartStopsThereInEveryReplay();
    void consoleConsumerDuringPlaybackHasOneClock();
    void commandTypedAcrossATickOfThePlayingLogReplaysToTheSameJournal();
};
