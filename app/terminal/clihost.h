#pragma once
// The bridge between the Kafka CLI emulation (labs/) and the app: one SimBackend over the
// simulation the SimulationController owns, so that what a command does is what the views
// animate. Shared by every terminal tab and the lab panel: it holds the history of commands run
// (for the lab checks), the command lines typed (persisted for ↑/↓) and the clock that lets
// virtual time flow while a console consumer or producer runs. It also journals what the terminal
// tabs do (labs::SessionJournal) into the controller's action log, so that a restart, compare
// mode, a scenario edit, a saved scenario and a lab's saved progress replay it.

#ifndef Q_MOC_RUN
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/lab_engine/lab_engine.h"
#include "labs/shell/script_runner.h"
#include "labs/shell/typed_script.h"
#include "labs/session/session_journal.h"
#include "labs/backend/sim_backend.h"
#endif

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace fluxolab::app {

class SimulationController;

/// Names for Tab completion on a cluster the app does not simulate.
struct RemoteNames {
    QStringList topics, groups, bootstrapServers;
};

/// A lab's steps as its engine on a remote cluster sees them (RemoteCommands::startLab, checkLab).
struct RemoteLabStatus {
    std::size_t current = 0;  ///< the step being checked (steps.size(): all passed)
    std::vector<bool> passed; ///< per step
    std::string progress;     ///< the engine's saveProgress(): resumes the lab on a later connection
    /// The current step's check when commands ran since it began and it has not passed: what it still
    /// waits for (its reason code, worded by LabPanel::checkReasonText as on the simulation).
    std::optional<labs::CheckResult> notYet;
};

/// Where the terminal's Kafka commands run instead of the simulation (the real-cluster mode,
/// app/real/realcli.h): start() returns at once; the session reports through settling().
class RemoteCommands {
public:
    using LabReply = std::function<void(const RemoteLabStatus&)>;
    virtual ~RemoteCommands() = default;
    /// `interactive`: the command reads the terminal (not a here-document or a file).
    virtual std::unique_ptr<labs::CommandSession> start(const std::vector<std::string>& argv, bool interactive) = 0;
    virtual RemoteNames names() const = 0;
    /// A lab on that cluster, beside the commands: a new engine runs the first step's setup there
    /// and checks it against `history` (the commands run since the lab started). Both return at
    /// once; `done` runs later on `context`'s thread (not at all when `context` is gone). False:
    /// labs cannot run there. `progress` (a RemoteLabStatus::progress of an earlier connection to
    /// the same cluster): the engine resumes at that step, with the steps passed then, and runs no
    /// setup again (the cluster kept what the earlier setups made).
    virtual bool startLab(const labs::Lab& /*lab*/, const std::string& /*progress*/, QObject* /*context*/,
                          LabReply /*done*/) {
        return false;
    }
    /// Checks the lab's current step again (and runs the next step's setup when it passes).
    virtual bool checkLab(std::vector<labs::HistoryEntry> /*history*/, QObject* /*context*/, LabReply /*done*/) {
        return false;
    }
};

class CliHost : public QObject {
    Q_OBJECT
public:
    explicit CliHost(SimulationController* controller, QObject* parent = nullptr);
    ~CliHost() override;

    SimulationController* controller() const;
    /// nullptr while no simulation is loaded.
    labs::ClusterBackend* backend() const { return m_backend.get(); }
    /// Commands run on a real cluster through `remote` from now on (nullptr: on the simulation
    /// again). Running commands stop; the real cluster's history is its own (the labs' is the
    /// simulation's). Not owned.
    void setRemote(RemoteCommands* remote);
    bool isRemote() const { return m_remote != nullptr; }
    /// Where the commands run while isRemote() (nullptr: on the simulation).
    RemoteCommands* remote() const { return m_remote; }
    /// Commands can run: a simulation is loaded or a real cluster is connected.
    bool hasCluster() const { return m_remote || m_backend; }
    /// The cluster's clock: the simulation's, or the wall clock on a real cluster.
    labs::TimeMs nowMs() const;
    /// Commands run on the real cluster since it was connected (a lab on that cluster checks these).
    const std::vector<labs::HistoryEntry>& remoteHistory() const { return m_remoteHistory; }
    /// A piece of terminal work done live starts now (a command typed, a producer's line, Ctrl+C or
    /// Ctrl+D, a clock tick): where a replay of the terminal's log fires it
    /// (SimulationController::beginTerminalPiece). The piece's own time (a command's requests, a
    /// tick) then lets none of the log's work fire inside it; that work fires right after it.
    /// start(), journal() and tickNow() call it; the console calls it before reading the clock.
    void beginPiece();
    /// Starts a command (interactive: the producer prints its '>' prompt). Requires backend().
    /// `interactive`: its input is the terminal (the console producer prints its '>' prompts only
    /// then: LineMessageReader prints them when System.console() exists); false with `<<EOF` or `< file`.
    std::unique_ptr<labs::CommandSession> start(const std::vector<std::string>& argv, bool interactive = true);
    /// After a command changed the cluster: the views catch up with the simulation.
    void syncViews();

    /// Commands run (lab checks look at these); cleared with the cluster.
    const std::vector<labs::HistoryEntry>& history() const { return m_history; }
    void record(labs::HistoryEntry entry);
    /// A shell built-in's entry (echo, sleep, shell errors): recorded and journaled.
    void recordBuiltin(int tab, labs::HistoryEntry entry);
    void clearHistory();

    /// What the terminal tabs did on this cluster: the terminal's part of the controller's action
    /// log (SimulationController::terminalLog), for a lab's saved progress and File > Save.
    const labs::SessionJournal& journal() const;
    /// Journals a terminal event in the controller's action log (at_ms: now, unless set). Ignored
    /// while replaying and on a real cluster.
    void journal(labs::JournalEvent event);
    /// Identifies a terminal tab in the journal.
    int newConsoleId() { return m_nextConsole++; }
    /// Replays a journal headlessly against the current (fresh) cluster: history, ticks and lab
    /// checks run as they did live; the journal becomes the terminal's part of the controller's
    /// action log. Returns the commands replayed.
    std::size_t replay(const labs::SessionJournal& journal);
    /// The same replay in slices of about kReplaySliceMs of the UI thread each, the event loop
    /// running between them (a saved lab's journal may cover a day of cluster time: seconds of
    /// simulation). `done(commands, complete)` is called at the end: complete false when
    /// cancelReplay() stopped it, and then the part replayed is the terminal's log. Returns true
    /// when it finished within the first slice (`done` was called already). A new cluster (a load)
    /// abandons it without calling `done`.
    bool replayInSlices(const labs::SessionJournal& journal, std::function<void(std::size_t, bool)> done);
    /// Stops a sliced replay where it is (its `done` is called, complete false).
    void cancelReplay();
    /// A sliced replay is under way: 0..1 by cluster time.
    bool isSlicedReplay() const { return m_sliced != nullptr; }
    double replayProgress() const;
    bool isReplaying() const { return m_replaying; }
    /// The terminal's part of the log a load kept or brought (restart, an opened file, compare, a
    /// scenario edit), fired by the session as its clock passes each event (labs::TerminalPlayback);
    /// nullptr when there is none (done() once all of it has run).
    const labs::TerminalPlayback* playback() const { return m_playback.get(); }
    static constexpr int kReplaySliceMs = 10;
    static constexpr int kFirstReplaySliceMs = 30;
    /// Tests: the slices' wall-clock length (0: one piece of 64 simulation events per slice).
    void setReplaySliceMs(int first, int next) {
        m_firstSliceMs = first;
        m_sliceMs = next;
    }
    /// A running command ended (already recorded): lab checks re-evaluate.
    void commandEnded() { Q_EMIT historyChanged(); }

    /// Command lines typed in any tab, oldest first (persisted in QSettings "terminal/history").
    const QStringList& typedLines() const { return m_lines; }
    void addTypedLine(const QString& line);

    /// The commands typed in the terminal's tabs since the app started (on the simulation or a real
    /// cluster), with the lines typed into a producer: "compare with the real cluster" runs them
    /// as a script (labs::scriptFromTyped). At most kMaxTypedLines commands, the oldest dropped.
    void noteTypedCommand(int tab, const QString& text);
    void noteTypedInput(int tab, const QString& line);
    const std::vector<labs::TypedCommand>& typedCommands() const { return m_typedCommands; }
    QString typedScript() const;

    /// Names for Tab completion, from the live cluster.
    QStringList topicNames() const;
    QStringList groupNames() const;
    QStringList bootstrapServers() const;

    /// Language of the teaching notes: the UI language.
    static labs::Language noteLanguage();

    /// A running command wants time to flow (console consumer/producer). Counted. The clock is the
    /// controller's (SimulationController::holdTerminalClock): its timer, the one that plays the
    /// timeline, calls tickNow(kTickMs) on every terminalTick().
    void holdClock();
    void releaseClock();
    bool clockRunning() const { return m_holds > 0; }
    /// One clock tick (the controller's terminalTick(); by hand in tests and for `sleep`): while
    /// paused lets `ms` of virtual time pass; journals the tick and emits tick().
    void tickNow(labs::TimeMs ms);

    static constexpr int kTickMs = 100;
    static constexpr int kMaxTypedLines = 500;

Q_SIGNALS:
    /// The simulation is about to be replaced: drop every CommandSession now.
    void backendAboutToReset();
    /// A new backend is ready (after a scenario or lab load).
    void backendReady();
    /// Commands run elsewhere from now on (setRemote): drop every CommandSession now.
    void targetChanged();
    /// After setRemote(): isRemote() and remote() tell where commands run now.
    void targetSwitched();
    /// record() added an entry (to history(), or to remoteHistory() while isRemote()).
    void historyChanged();
    /// Virtual time advanced while commands run: pump the sessions.
    void tick();
    /// journal() grew by a command, an input line or Ctrl+C/Ctrl+D (not by ticks).
    void journalChanged();
    /// A sliced replay got further (0..1).
    void replayProgressed(double progress);

private:
    void onTick();
    void rebuild();
    /// Detaches and drops the playback (before the backend it runs on goes).
    void dropPlayback();
    labs::JournalReplayer::Hooks replayHooks();
    void replaySlice(bool first = false);
    void endSlicedReplay(bool complete);

    /// A QPointer: the main window may delete the controller (a sibling) before this host.
    QPointer<SimulationController> m_controller;
    RemoteCommands* m_remote = nullptr;
    std::vector<labs::HistoryEntry> m_remoteHistory;
    std::unique_ptr<labs::SimBackend> m_backend;
    std::unique_ptr<labs::KafkaCli> m_cli;
    std::unique_ptr<labs::TerminalPlayback> m_playback; ///< attached to the session; goes before m_cli
    std::vector<labs::HistoryEntry> m_history;
    QStringList m_lines;
    std::vector<labs::TypedCommand> m_typedCommands;
    std::map<int, std::size_t> m_typedByTab; ///< each tab's last command (an index in m_typedCommands)
    std::size_t m_typedDropped = 0;          ///< commands dropped from the front (indices shift)
    int m_holds = 0; ///< held on the controller's clock
    bool m_replaying = false;
    int m_nextConsole = 1;
    std::unique_ptr<labs::JournalReplayer> m_sliced;    ///< a sliced replay under way
    labs::SessionJournal m_slicedJournal;
    std::function<void(std::size_t, bool)> m_slicedDone;
    int m_firstSliceMs = kFirstReplaySliceMs, m_sliceMs = kReplaySliceMs;
    std::uint64_t m_sliceGeneration = 0;               ///< a queued slice of an abandoned replay does nothing
};

} // namespace fluxolab::app
