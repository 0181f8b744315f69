#pragma once
#include <QObject>

/// The stream view (app/stream): trace loading, the model it draws, "why has this window not fired?".
class StreamViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firingsMatchReplay();
    void exportedCsvHasTheSubtask();
    void backgroundLoadGivesTheSameModel();
    void whyNotFiredNamesTheIdlePartition();
    void brokenTraceShowsTheErrorInPortuguese();
    void badReplayOptionShowsInPortuguese();
    void cancelStopsTheLoad();
    void mainWindowHasTheStreamView();
    void traceDialogReadsTheOptions();
    void traceInATopicShowsBothViewsOfOneRun();
    void feedTheTopicDoesNotTakeIsToldInPortuguese();
    void scenarioWithTraceFeedAnimatesBothViews();
    void pipelineShowsEveryChannelWatermark();
    void whyWithoutProcessingTimeNamesTheRealReason();
    void scenarioPipelineSplitsKeysAtClassroomSize();
    void scenarioTraceRelativeToItsFolder();
    void presentationTextsFitAtClassroomSizes();
    void processingTimeWindowsBesideEventTime();
    void keyLanesShowStateAndPendingTimers();
    void checkpointsCrashAndRestoreInTheView();
    void terminalReplayShowsInTheView();
    void numbersAreForPeople();
    void pipelineOpenWindowsCountedIncrementally();
    void shortPipelineKeepsEveryBoxText();
    void legendNamesIdlePartitionsOnlyWhenThereAreSome();
    void stateAndCheckpointLabsPlayWithTheView();
    void firedWindowsAgreeAtEveryStep();
    void keyLanesReadableWithTheTerminalInPresentation();
    void cachedPictureEqualsAFullRedraw();
    void sqlLateAndOpenWindowsAsTheHeaderSays();
    void seekingGivesWhatPlayingGives();
    void labelsClearOfTextsDotsAndWatermark();
    void windowsFiredTogetherShareALabel();
    void whyPanelAndKeyLanesFitBesideTheLabPanel();
    void whyPanelBesideLeavesThePipelineWhole();
    void mergedSessionWindowsStopWhereTheyWereMerged();
    /// "1 atrasado", "0 janelas abertas": the counts in Qt's plural forms, pt_PT and en.
    void countsReadInTheirPluralForms();
    /// File ▸ Export PNG of the stream picture at twice its size: opaque, the background where nothing is drawn.
    void exportedPngFilledWithTheBackground();
};
