#pragma once
#include <QObject>

/// Issue #8, "a class on a 1366×768 projector": the layout of every view at 1366×768 and
/// 1920×1080, normal and presentation mode (asserted on the layout model: what is drawn where).
/// This suite runs on an offscreen screen of 1366×768 (tests/app/screen-1366x768.json).
class LayoutTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void windowsFitTheScreen();
    void toolbarKeepsEveryButton_data();
    void toolbarKeepsEveryButton();
    void brokerMenusOpenFromTheWholeButton();
    void leadersKeepTheirLabels_data();
    void leadersKeepTheirLabels();
    void terminalShowsEnoughLinesAndNothingSideways_data();
    void terminalShowsEnoughLinesAndNothingSideways();
    void tablesShowRowsInEveryPane_data();
    void tablesShowRowsInEveryPane();
    void groupHeaderAndSummaryAreWhole_data();
    void groupHeaderAndSummaryAreWhole();
    void compareKeepsNamesAndBrokerWidth_data();
    void compareKeepsNamesAndBrokerWidth();
    void compareTextsFitTheirBoxes_data();
    void compareTextsFitTheirBoxes();
    void compareFollowsPresentationMode();
    void compareWithoutGroupsSaysWhy_data();
    void compareWithoutGroupsSaysWhy();
    void compareHeaderFitsEveryHeight_data();
    void compareHeaderFitsEveryHeight();
    void flightDotsStayOffLabels_data();
    void flightDotsStayOffLabels();
    void flightsDoNotCoverLabels();
    void flightKeysKeepClearOfHeaders_data();
    void flightKeysKeepClearOfHeaders();
    void compareFlightKeysCoverNothing_data();
    void compareFlightKeysCoverNothing();
    void rebalanceTextsAreWhole_data();
    void rebalanceTextsAreWhole();
    void legendIsOnScreen_data();
    void legendIsOnScreen();
    void olderRecordsCountIsUnmistakable_data();
    void olderRecordsCountIsUnmistakable();
    void negativeLagHasItsColour_data();
    void negativeLagHasItsColour();
    void lagLegendDoesNotHideData();
    void createTopicErrorKeepsTheFields();
    void dialogsFollowPresentationMode_data();
    void dialogsFollowPresentationMode();
    void committedOffsetBeforeTheDrawnCells_data();
    void committedOffsetBeforeTheDrawnCells();
    void openingTheTerminalFocusesItsPrompt();
    void terminalLineEditing();
    void longPastedCommandKeepsThePrompt_data();
    void longPastedCommandKeepsThePrompt();
    void sliderJumpsWhereClicked();
    void timelineShowsTheWholeEvent_data();
    void timelineShowsTheWholeEvent();
    void labStepHeadingIsWhole_data();
    void labStepHeadingIsWhole();
    void labStepListShowsTheNextSteps_data();
    void labStepListShowsTheNextSteps();
    void handPlacedTerminalStays();
    void labPanelFoldsWhileTypingInTheTerminal_data();
    void labPanelFoldsWhileTypingInTheTerminal();
    void labPanelUnfoldsWhenAStepPasses_data();
    void labPanelUnfoldsWhenAStepPasses();
    void labPanelAfterTheRunOption_data();
    void labPanelAfterTheRunOption();
    void labPanelFromTheLabOptionHasItsWidth_data();
    void labPanelFromTheLabOptionHasItsWidth();
    void noStatusBarInPresentation_data();
    void noStatusBarInPresentation();
    void screenshots();
};
