#pragma once
#include <QObject>

/// Both .ts files are complete: no unfinished, vanished or empty entries, and every tr() string of
/// app/ is present (so a string added without running lupdate fails too).
class TranslationsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noUnfinishedEntries_data();
    void noUnfinishedEntries();
    void everyTrStringIsTranslated_data();
    void everyTrStringIsTranslated();
    void bothLanguagesHaveTheSameEntries();
    void oneWordForAssignorInPortuguese();
    void traceLineErrorsAreInTheUiLanguage();
    void everyScenarioErrorIsInTheUiLanguage();
    void brokenScenarioFileIsToldInPortuguese();
    void everyLabFileErrorIsInTheUiLanguage();
    void everyStreamJobErrorIsInTheUiLanguage();
    void everyReplayErrorIsInTheUiLanguage();
    void groupsTableSaysWhatTheToolDoesNotPrint();
};
