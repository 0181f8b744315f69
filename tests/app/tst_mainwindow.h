#pragma once
#include <QObject>

/// Drives the main window offscreen and checks the view models.
class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    /// tests/app/main.cpp gives the process a private XDG_CONFIG_HOME: what the tests write with
    /// QSettings lands in a fresh temporary folder, not in the user's ~/.config nor in a folder an
    /// earlier run wrote to.
    void settingsArePrivateToThisRun();
    void loadScenario();
    void play();
    void stepForwardAndBack();
    void scrubIsDeterministic();
    void backgroundPlaybackIsTheSameRun();
    /// An input in the middle of a background slice waits for a bounded number of simulation
    /// events (not for a span of virtual time), and the interrupted run is still the same run.
    void anInputWaitsForOnePieceOfTheWorker();
    void aFrameDueStopsTheBusyWorkerAfterOnePiece();
    /// The cluster view keeps the topology's part of its layout between frames: reused while the
    /// brokers, topics, partitions and replicas are the same, computed again when they change.
    void layoutCacheFollowsTheTopology();
    void hugeTopicLayoutIsBuiltAtThePaint();
    /// The HW and LEO totals of the plots, kept per event, equal a full sum over the partitions at every sample.
    void plotTotalsEqualAFullSum();
    void plotSeriesMatchTheirRecordedDigests();
    /// Long plot series are decimated (bounded points per graph) and drawn the same as in full.
    void longPlotSeriesAreDecimatedAndLookTheSame();
    void anEmptyGroupHasNoAssignor();
    void narrowViewKeepsCellsAndNames();
    void stopBrokerMovesLeaders();
    void allNodesDownKeepTheLastLeaders();
    void addConsumerRebalances();
    void switchLanguage();
    void presentationMode();
    void badScenarioKeepsTheCurrentOne();
    void tablesPrintCliNumbers();
    void exports();
    void playbackGoesPastTheDuration();
    void slowConsumerThatLeftSaysSo();
    void coordinatorFailoverIsShownAndRecovers();
    void viewsRenderAHandBuiltObservationHidingWhatIsMissing();
    /// The canvas and the plots on an observation with none of the simulation-only capabilities
    /// (what RealObserver gives) and a series of refreshes: legible, what is missing said or left out.
    void canvasAndPlotsShowARealClustersObservation();
    /// The timeline bar and the status line describe the cursor's event from the observation.
    void timelineAndStatusReadTheObservation();
    void theLastEventIsShownOnce();
    void theCanvasLeavesOutWhatTheObservationCannotShow();
    void theGroupsTabSummarisesThousandsOfPartitions();
    void hiddenStripsAreReachableByScrolling();
    void aPastMomentShowsTheTopicOfThatMoment();
};
