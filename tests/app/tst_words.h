#pragma once
#include <QObject>

/// Words the user reads that do not come from our own tr() strings: Qt's own dialogs and buttons
/// follow the chosen language (also after a live switch), and journal texts name their actors.
class WordsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void standardButtonsFollowTheLanguage();
    void fileDialogIsPortugueseUnderPtPt();
    void liveSwitchRetranslatesOpenDialogs();
    void actorEventsNameTheActor();
    void noEventTextHasAMissingName();
    void metadataTimeoutNamesNoPartition();
};
