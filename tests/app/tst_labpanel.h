#pragma once

#include <QObject>

/// The lab panel as a student meets it: course order, the empty state, broken lab files, the
/// Restart confirmation, the last lab reopening, --fresh, another scenario replacing the lab's
/// cluster, command links that never wrap inside an option, glyphs the bundled fonts draw, and
/// lab 3 played to the end by clicking only what the panel shows.
class LabPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void labsAreInCourseOrderAndTheEmptyStateExplainsItself();
    void brokenLabFilesAreListedWithTheirErrors();
    void restartAsksFirst();
    void lastLabReopensAfterARestart();
    void freshStartIgnoresSavedProgressButKeepsTheLanguage();
    void freshRunOfTheAppLeavesTheSavedSettingsUntouched();
    void anotherScenarioDetachesTheLabAndResumeBringsItBack();
    void commandLinksNeverWrapInsideAnOption();
    void completedLabUsesGlyphsTheBundledFontDraws();
    void labSetupProducerSaysWhatItIs();
    void lab3CanBeFinishedFromThePanelAlone_data();
    void lab3CanBeFinishedFromThePanelAlone();
    void streamLabsCanBeFinishedFromThePanelAlone_data();
    void streamLabsCanBeFinishedFromThePanelAlone();
    /// Labs 4-7 open on the Stream view with the run their file names (stream_view), from the panel,
    /// from --lab and reopened after a restart; a Kafka lab opened after them shows the cluster view.
    void streamLabsOpenOnTheStreamView();
    void remoteStepSaysWhatItWaitsFor();
    void stepInProgressSaysWhatItWaitsFor_data();
    void stepInProgressSaysWhatItWaitsFor();
    void labs1And2CanBeFinishedFromThePanelAlone_data();
    void labs1And2CanBeFinishedFromThePanelAlone();
    /// Only with FLUXOLAB_SHOTS_DIR set: each lab's completed state at 1366x768 and 1920x1080, pt_PT and en.
    void screenshotsOfCompletedLabs();
};
