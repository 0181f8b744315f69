#pragma once
// The lab panel: pick a guided lab (labs/content/*.json), follow its steps with their live check
// status, instructions (Markdown; click a command to copy it into the terminal), hints revealed
// one at a time and the explanation on success. Progress is saved per lab (QSettings) with the
// journal of what the student did in the terminal (labs::SessionJournal) and the seed; on restore
// the journal is replayed headlessly on a fresh cluster, so the topics, records and groups come
// back too. "Restart" (after a confirmation) forgets both, gives the lab a fresh cluster (1 broker at
// localhost:9092, as the course's KRaft install) and starts it over. Labs are listed in course order;
// lab files that cannot be loaded are listed with their errors. When another scenario replaces the
// lab's cluster the panel says so and offers to resume the lab (its cluster back, commands replayed).

#ifndef Q_MOC_RUN
#include "labs/lab_engine/lab_engine.h"
#endif

#include <QStringList>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QFrame;
class QLabel;
class QListWidget;
class QProgressBar;
class QProgressDialog;
class QPushButton;
class QTextBrowser;
class QTimer;
class QToolButton;
class QUrl;

namespace fluxolab::app {

class CliHost;
struct RemoteLabStatus;

class LabPanel : public QWidget {
    Q_OBJECT
public:
    explicit LabPanel(CliHost* host, QWidget* parent = nullptr);
    ~LabPanel() override;

    /// Loads a lab by id on a fresh cluster, restoring its saved progress. False if unknown.
    bool loadLab(const QString& id);
    /// "Restart": forgets the progress and gives the lab a fresh cluster.
    void restart();
    /// The Restart button: asks first (a modal QMessageBox named "labRestartConfirm"); true if restarted.
    bool confirmRestart();
    /// Loads the lab opened last (QSettings currentLabKey()); false if none or unknown.
    bool reopenLastLab();
    /// True when another scenario replaced the lab's cluster: the steps are not checked until resumed.
    bool isDetached() const { return m_detached; }
    /// Gives a detached lab its cluster back (same as loading it: the saved commands are replayed).
    bool resume();
    /// Lab files that could not be loaded (shown in the combo, disabled, and in the empty state).
    const std::vector<labs::LabError>& loadErrors() const { return m_errors; }
    QComboBox* combo() const { return m_combo; }
    QLabel* detachedNotice() const { return m_notice; }
    /// A command as the instructions show it: it never wraps inside an option or between an option
    /// and its value (no-break spaces and word joiners; copying gives the plain command back).
    static QString nonBreakingCommand(const QString& command);
    /// Why a check does not pass yet, in the UI language ("no successful 'fluxolab-cli replay ...' in
    /// this step", "alerts for 'rui': 2, expected 0"); empty when the check gives no reason.
    static QString checkReasonText(const labs::CheckResult& result);
    QString currentLabId() const;
    /// The open lab's stream run (Lab::stream_view: `fluxolab-cli replay`'s arguments, the trace
    /// first); empty without a lab or for a lab about the cluster view.
    QStringList streamViewArgs() const;
    QStringList labIds() const;
    /// The engine on the simulation (the real cluster's runs on the worker: see runsOnRealCluster()).
    const labs::LabEngine* engine() const { return m_engine.get(); }
    /// The open lab runs on the real cluster (real-cluster mode).
    bool runsOnRealCluster() const { return m_remote && m_labIndex >= 0; }
    /// The step being checked (stepCount(): all passed), on whichever cluster the lab runs.
    int currentStep() const;
    /// Every step passed, on whichever cluster the lab runs.
    bool finished() const { return m_labIndex >= 0 && currentStep() >= stepCount(); }
    /// Real-cluster mode: the answers of the worker's lab engine so far (tests wait on it).
    int realChecks() const { return m_remoteAnswers; }
    int stepCount() const;
    int passedCount() const;
    bool stepPassed(int step) const;
    /// Reveals the next hint of the selected step.
    void revealHint();
    QTextBrowser* textBrowser() const { return m_text; }
    QListWidget* stepList() const { return m_steps; }
    QProgressBar* progressBar() const { return m_progress; }
    /// Selects a step in the list (its instructions are shown).
    void selectStep(int step);
    /// The step shown (0-based).
    int selectedStep() const { return m_selected; }
    /// The commands of the selected step's instructions, in order (what the links copy).
    const QStringList& commands() const { return m_commands; }
    void setPresentation(bool on);
    /// Folded: the panel shows only the step's heading and a "Show the step" button (the main
    /// window folds it while the terminal under it has the keyboard). No effect without a lab open.
    void setFolded(bool on);
    bool isFolded() const { return m_folded && m_labIndex >= 0; }

    /// QSettings keys.
    static QString progressKey(const QString& labId);
    static QString journalKey(const QString& labId);
    /// A lab's progress on a real cluster (labs/realProgress/<bootstrap servers>/<lab>): restored
    /// when the app connects to the same cluster again, also after a restart of the app.
    static QString realProgressKey(const QString& bootstrapServers, const QString& labId);
    static QString currentLabKey() { return QStringLiteral("labs/current"); }

Q_SIGNALS:
    /// The student clicked a command in the instructions: copy it into the terminal.
    void commandClicked(const QString& command);
    /// The lab was (re)loaded on a fresh cluster.
    void labLoaded(const QString& id);
    /// A line for the terminal (progress restored, saved data unreadable).
    void notice(const QString& text);
    /// The panel folded to its step heading or unfolded again.
    void foldedChanged(bool folded);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void populateCombo();
    void update();
    void refresh();
    void renderStep();
    /// Scrolls the instructions as little as needed to show the step's first command (all of the
    /// step from its heading down to that command when it fits): done when a step is shown, and
    /// again on every relayout (resize, presentation) until the student scrolls by hand.
    void scrollToStep();
    /// The lab shown has objectives (listed above its first step).
    bool hasObjectives() const;
    /// The scroll position at or after `y` where the instructions' top line is shown whole.
    int firstWholeLineFrom(int y) const;
    /// The step list at least min(steps, 4) rows high (3 in presentation mode), all of them where a
    /// quarter of the list's and the instructions' height holds them, scrolled so that the selected
    /// step and the ones after it are in view (presentation mode at 1366x768 showed about 2.5 rows).
    void fitStepList();
    void save();
    void saveJournal();
    /// loadLab() after the saved journal was replayed (complete false: stopped midway by the user).
    void afterReplay(const QString& id, const QString& saved, std::size_t replayed, bool complete);
    /// The end of loadLab(): views, the step shown, labLoaded and the notice.
    void finishLoad(const QString& id, bool corrupt, std::size_t replayed, bool complete);
    void onLink(const QUrl& url);
    QString instructionsMarkdown(const std::string& markdown);
    QString emptyStateMarkdown() const;
    /// A lab text as shown: on a real cluster, localhost:9092 becomes its bootstrap server.
    QString shown(const std::string& text) const;
    int hintsRevealed(int step) const;
    /// Where commands run changed (CliHost::targetSwitched).
    void onTargetSwitched();
    /// Starts the open lab over on the real cluster (a new engine there).
    void startRemote();
    void onRemoteStatus(const RemoteLabStatus& status);

    CliHost* m_host;
    std::vector<labs::Lab> m_labs;
    std::vector<labs::LabError> m_errors;
    int m_labIndex = -1;
    std::unique_ptr<labs::LabEngine> m_engine;
    bool m_loading = false;
    bool m_replaying = false;
    QProgressDialog* m_replayDialog = nullptr; ///< while a long saved journal replays (loadLab)
    bool m_detached = false;
    std::vector<bool> m_detachedPassed; ///< the steps passed when the cluster was replaced
    std::uint64_t m_seed = 1; ///< of the lab's current cluster
    int m_selected = 0; ///< step shown
    bool m_followStep = true; ///< the instructions keep the step's command in view (until scrolled by hand)
    bool m_scrolling = false;
    QStringList m_commands;
    int m_ticks = 0;
    // The real-cluster mode (see the top of this file).
    bool m_remote = false;
    bool m_remoteBusy = false;  ///< a start or check is on the worker
    bool m_remoteDirty = false; ///< checked again when it answers
    int m_remoteGen = 0;        ///< answers of an earlier start are dropped
    int m_remoteAnswers = 0;
    std::optional<labs::CheckResult> m_remoteNotYet; ///< what the remote current step waits for
    std::size_t m_remoteHistoryBase = 0; ///< remoteHistory() entries before the lab started there
    std::size_t m_remoteCurrent = 0;
    std::vector<bool> m_remotePassed;
    std::vector<int> m_remoteHints;
    /// The progress of each lab on each real cluster this run ("lab@bootstrap servers"): a new
    /// connection or a reconnect to the same cluster resumes it; "Restart" forgets it.
    std::map<QString, std::string> m_remoteProgress;
    QString remoteProgressKey() const;
    /// QSettings key of this lab's progress on the real cluster shown now (see the static one).
    QString realProgressKey() const;
    QTimer* m_remoteTimer;
    QLabel* m_realNotice;

    QComboBox* m_combo;
    QPushButton* m_restart;
    QFrame* m_noticeBox;
    QLabel* m_notice;
    QPushButton* m_resume;
    QLabel* m_title;
    QLabel* m_meta;
    QProgressBar* m_progress;
    /// "1 of 7 steps" beside the bar, not in it (in the bar the filled part painted over its first
    /// digit: "l de 7 passos" at 1920x1080).
    QLabel* m_progressText = nullptr;
    QListWidget* m_steps;
    QWidget* m_stepSplit = nullptr; ///< the step list over the instructions
    /// "Step N of M: title", fixed above the scrolling instructions: never scrolled away or cut.
    QLabel* m_stepHeading;
    QTextBrowser* m_text;
    QPushButton* m_hint;
    QToolButton* m_unfold;  ///< "Show the step", only while folded
    /// Folded, under the heading: "Not yet: <reason>" on one line (elided to the panel's width),
    /// so a wrong command in the terminal gets an answer without unfolding the panel.
    QLabel* m_foldedReason = nullptr;
    QString m_notYet;       ///< that line whole ("" once the step passed or nothing was run yet)
    void elideFoldedReason();
    bool m_folded = false;
    bool m_presentation = false; ///< larger text, 3 rows of the step list
    /// Hides what a folded panel does not show (after refresh() and renderStep() set it visible).
    void applyFold();
};

} // namespace fluxolab::app
