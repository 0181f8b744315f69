#pragma once
// A student alone plays the labs in the GUI at 1366×768 (a classroom projector): reads the
// lab panel, clicks its command links with the mouse or types the commands into the terminal, waits
// for the checks and reaches "Lab complete". Run on a 1366×768 screen (see CMakeLists.txt).
#include <QObject>

class LabPlayTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void studentFinishesTheLabFromThePanelAlone_data();
    void studentFinishesTheLabFromThePanelAlone();
    void everyStepShowsItsCommandWithoutScrolling_data();
    void everyStepShowsItsCommandWithoutScrolling();
    void stepListShowsEveryStepWhereItFits_data();
    void stepListShowsEveryStepWhereItFits();
    void labOptionShowsTheLabPanel();
    void unknownLabOptionListsTheLabs();
};
