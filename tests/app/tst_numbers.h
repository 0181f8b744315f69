#pragma once
#include <QObject>

/// What the Kafka side shows people follows the UI language: decimal commas in Portuguese, default
/// names in the language of the dialog, plural forms that agree with their count; the plots end
/// where their data ends and keep coinciding lines visible; `--run … --at` lets a console consumer
/// print what it received (issue #8, the playthrough's small things).
class NumbersTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void decimalsFollowTheUiLanguage();
    void spinBoxFollowsALiveSwitch();
    void defaultNamesFollowTheUiLanguage();
    void eventPluralsAgreeWithTheirCount();
    void plotTimeAxisEndsWhereTheDataEnds();
    void coincidingPlotLinesStayVisible();
    void runAtLetsTheConsoleConsumerPrint();
    void runWhileAConsumerRunsOpensANewTab();
};
