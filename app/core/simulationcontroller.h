#pragma once
// The one QObject between the simulation and the widgets: owns the session (labs::Session: the
// scenario run, its clock and its action log) and the cursor over its history
// (labs::observe::TimelineCursor), steps the session in bounded slices from a QTimer and moves the
// cursor. Views read observation() (the cluster at the cursor, built from the journal alone).

// moc (Qt 6.4) cannot parse the C++20 standard headers the simulation includes.
#ifndef Q_MOC_RUN
#include "labs/observe/plot_sampler.h"
#include "labs/observe/timeline_cursor.h"
#include "labs/backend/model_types.h"
#include "labs/backend/session.h"
#include "labs/session/session_journal.h"
#include "labs/stream_observe/stream_observation.h"
#endif
#include "app/core/backgroundrunner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace fluxolab::app {

/// The plots' series (labs::observe::PlotSeries): sampled from the journal here
/// (labs::observe::PlotSampler), from a real cluster's observations by app/real.
using PlotSeries = labs::observe::PlotSeries;

class SimulationController : public QObject {
    Q_OBJECT
public:
    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    /// Starts a new run of `scenario` with `seed`: its actions, and the terminal's part of its
    /// action log (labs::Scenario::terminal, the JSON of a labs::SessionJournal; none: the terminal's
    /// log starts empty) replayed at the cluster times it was made. Never throws (a corrupt terminal
    /// part is dropped with a warning; loadFile refuses such a file first).
    void load(const labs::Scenario& scenario, std::uint64_t seed);
    /// Loads a scenario file or gallery name; on failure returns false and fills `error` (translated frame).
    bool loadFile(const QString& pathOrName, QString* error, std::optional<std::uint64_t> seed = std::nullopt);
    /// Starts a run of `source`'s scenario and seed with every consumer (initial and added by its
    /// actions) using only assignor `assignor` (labs::AssignorKind as int): the compare window's sides.
    void loadWithAssignor(const SimulationController& source, std::int32_t assignor);
    /// The assignors a consumer can be given (labs::AssignorKind as int), in Kafka's documentation order.
    static std::vector<std::int32_t> assignorKinds();
    /// Virtual time of the first journal event after the cursor that is later than `after` (none: nullopt).
    std::optional<std::int64_t> nextEventTime(std::int64_t after) const;
    /// Restarts the current run with another seed: the whole action log again (the scenario, the
    /// toolbar's actions and the terminal's commands, each at its virtual time).
    void restart(std::uint64_t seed);
    bool hasRun() const { return m_run != nullptr; }

    // ---- timeline cursor ----
    bool isPlaying() const { return m_playing; }
    void setPlaying(bool playing);
    void togglePlaying() { setPlaying(!m_playing); }
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    /// Moves the cursor one journal event forward (advancing the simulation if the cursor is at "now").
    void stepForward();
    void stepBack();
    /// Shows the state after the first `events` journal events.
    void seek(std::size_t events);
    /// Back to the newest simulated state.
    void goLive();
    /// Runs the simulation (synchronously) up to virtual time `t` and moves the cursor there. For headless use and tests.
    void runTo(labs::TimeMs t);
    /// runTo(t) in slices, for a catch-up that must not freeze the window (the compare window's
    /// sides): simulates towards `t` for about `budget_ms` of wall time (at least one piece of
    /// kEventsPerPiece events). True when the run got to `t`: the cursor is then at `t`, as after
    /// runTo(t). False: call it again to go on (the cursor has not moved; simulatedTime() tells how far).
    bool runTowards(labs::TimeMs t, int budget_ms);
    /// Where the simulation's clock is (ahead of time() when the cursor shows a past moment).
    labs::TimeMs simulatedTime() const {
        settle();
        return m_run ? m_run->now() : 0;
    }
    /// Advances playback as if `wall_ms` of wall-clock time had passed (what the timer does each frame).
    /// With `background`, the part of the slice not simulated yet is simulated on a worker thread
    /// while the views paint; the picture then trails the simulation by one frame (what playback
    /// does). Without, everything happens before returning (tests, headless use).
    void advance(double wall_ms, bool background = false);
    /// Waits for a background slice and folds it into the timeline. Every access to the simulation
    /// goes through this first (the accessors below call it), so the simulation is only ever touched
    /// by one thread at a time.
    void settle() const;
    /// The longest time the UI thread waited for a background slice (settle() while the worker was
    /// still simulating), in wall-clock ms since the last reset. Playback never waits (a busy
    /// worker skips the frame); what waits is an access to the simulation mid-slice (an input
    /// event, a command), and the worker then stops after the piece of at most kEventsPerPiece
    /// simulation events it is firing.
    double longestWorkerWaitMs() const { return m_longest_wait_ms; }
    /// The most simulation events the worker fired while the UI thread waited for it to stop
    /// (at most kEventsPerPiece: what bounds the wait, independent of the machine's load), and
    /// how many accesses found it busy, since the last reset.
    std::uint64_t longestWorkerWaitEvents() const { return m_longest_wait_events; }
    std::uint64_t workerWaits() const { return m_worker_waits; }
    void resetWorkerWaits() {
        m_longest_wait_ms = 0;
        m_longest_wait_events = 0;
        m_worker_waits = 0;
        m_longest_frame_due_events = 0;
        m_frame_due_stops = 0;
    }
    /// What the playback timer does each frame: with the worker still simulating, the frame is
    /// due: the worker stops after its current piece and the frame is taken then (no wait on the
    /// UI thread); else the next slice starts now. Public for tests.
    void frameTick();
    /// How many frames came due with the worker still simulating, and the most simulation events
    /// it fired after that before handing the frame over (at most kEventsPerPiece), since the
    /// last resetWorkerWaits().
    std::uint64_t frameDueStops() const { return m_frame_due_stops; }
    std::uint64_t longestFrameDueEvents() const { return m_longest_frame_due_events; }
    /// The current frame interval (kFrameMs, or kBusyFrameMs while the simulation falls behind).
    int frameIntervalMs() const { return m_timer.interval(); }

    std::size_t cursor() const { return m_cursor.position(); }
    /// Journal events the timeline knows (the whole journal once settled).
    std::size_t eventCount() const { return m_cursor.size(); }
    bool isLive() const;
    labs::TimeMs time() const { return m_time; }
    labs::TimeMs duration() const { return m_run ? m_run->scenario().duration_ms : 0; }
    std::uint64_t seed() const { return m_seed; }

    // ---- state for the views ----
    /// The cluster at the cursor, backend-neutral: what every view draws from. A past moment is
    /// built from the journal alone (labs::observe::SimObserver), never from the live state.
    /// Computed on first use after each change.
    const labs::observe::Observation& observation() const;
    /// What the last observation() reused of the one before (for tests and benchmarks).
    const labs::observe::PartitionCache& partitionCache() const { return m_partition_cache; }
    /// What this backend can show (the simulation: everything).
    labs::observe::Capabilities capabilities() const { return labs::observe::TimelineCursor::capabilities(); }
    /// The cursor over the run's journal (what observation() is built from), for tests and
    /// benchmarks that check the timeline; no view reads it (they draw from observation()).
    const labs::observe::TimelineCursor& timeline() const {
        settle();
        return m_cursor;
    }
    /// The scenario as loaded plus the interactive actions (the session's action log).
    const labs::Scenario& scenario() const { return m_run ? m_run->scenario() : m_no_scenario; }
    /// The topics the live cluster has now, internal ones left out, sorted by name: what an action
    /// on the live cluster (Send trace to a topic) may name, whatever moment the cursor shows.
    std::vector<std::string> liveTopicNames() const;
    /// The name of the group with journal id `group` (the group panel's ids).
    std::string groupName(std::int32_t group) const;
    /// The scenario's name ("rebalance-basico"; empty before a load).
    std::string scenarioName() const { return m_run ? m_run->scenario().name : std::string(); }
    /// The scenario's title in the UI language (its name if it has none); empty before a load.
    QString scenarioTitle() const;
    const PlotSeries& plots() const { return m_sampler.series(); }
    QString sourcePath() const { return m_source_path; }

    // ---- interactive actions (applied at "now"; recorded in scenario() so it can be saved) ----
    // Each is the session's own operation (labs::Session::stopBroker, addConsumer, ...: the one
    // action log); here they wait for the worker, go live and refresh the timeline.
    void stopBroker(labs::BrokerId id, bool crash);
    void startBroker(labs::BrokerId id);
    /// Adds a consumer to `group` subscribed to `topics` (all non-internal topics if empty), preferring
    /// `assignor` if given (else the group's). An AddConsumer action (labs::Session::addConsumer), so
    /// it is known by id and saved. Returns its index.
    std::int32_t addConsumer(const std::string& group, std::vector<std::string> topics = {},
                             std::optional<labs::AssignorKind> assignor = std::nullopt);
    void removeConsumer(std::int32_t consumer);
    /// Creates a topic now (kafka-topics --create). On failure creates nothing, records nothing and
    /// returns Kafka's error (translated) in `error`.
    bool createTopic(const std::string& name, std::int32_t partitions, std::int32_t replicationFactor, QString* error);
    /// Adds a producer that starts now (the run is replayed from the start with the producer in the
    /// scenario, so the live run and the saved scenario are the same). Returns its scenario id.
    std::string addProducer(const std::string& topic, double ratePerSec, const labs::KeySpec& keys);

    // ---- the one action log: the scenario's actions (loaded and toolbar) and the terminal's ----
    /// The whole action log: the scenario (loaded, plus the toolbar's actions) with the terminal's
    /// commands in `terminal`. What File > Save writes, and what restart(), loadWithAssignor() and
    /// a scenario edit (addProducer) replay.
    labs::Scenario actionLog() const;
    /// The terminal's part of the action log: its commands, their input, Ctrl+C/Ctrl+D, the shell
    /// built-ins' entries and the clock ticks, each at its cluster time. Empty after loading a
    /// scenario without one; kept (and replayed) by restart, compare and scenario edits.
    const labs::SessionJournal& terminalLog() const { return m_terminal; }
    /// Adds a terminal event in time order (CliHost, as the terminal does it live; among the log's
    /// later events while the log still plays: labs::SessionJournal::add).
    void journalTerminal(labs::JournalEvent event) { m_terminal.add(std::move(event)); }
    /// The terminal's part becomes `log` (a lab's saved journal, replayed by CliHost).
    void setTerminalLog(labs::SessionJournal log) { m_terminal = std::move(log); }
    /// Who plays the terminal's part on a load: a terminal host (CliHost) attaches a
    /// labs::TerminalPlayback with its own CLI when it sees reset(), so that its command numbering
    /// and history go on from there; without one (the compare window's sides) the controller
    /// attaches a headless one. Either way the session fires each event as its clock passes it.
    void setTerminalHost(const QObject* host) { m_terminal_host = host; }
    /// True while a load that keeps the terminal's part (restart, a scenario edit) stops the
    /// running commands (aboutToReset): they journal their Ctrl+C into the log that is replayed.
    bool keepsTerminalLog() const { return m_keeping_terminal; }
    // ---- the terminal's clock: this controller's timer is the one clock owner of the app ----
    /// A running console client wants time to flow (counted; CliHost::holdClock). While held and
    /// paused, the timer ticks every kTerminalTickMs of wall time; while playing, a frame that comes
    /// kTerminalTickMs or more after the last tick emits it too. Each tick is terminalTick().
    void holdTerminalClock();
    void releaseTerminalClock();
    bool terminalClockHeld() const { return m_terminal_holds > 0; }
    static constexpr int kTerminalTickMs = 100;
    /// Starts an empty scenario to build from the toolbar: `brokers` brokers, no topics or clients.
    void newScenario(std::int32_t brokers = 3);
    /// Sends a trace into a topic of the running simulation from now on (its first arrival now) and
    /// attaches a stream job reading that topic on the same clock (stream_observe::TopicStreamRun).
    /// It is not part of the scenario: loading, restarting or replaying an edit drops it. On failure
    /// attaches nothing and returns false with the reason in `error` (translated frame).
    bool attachTopicStream(stream_observe::TopicRunOptions options, QString* error);
    /// The attached trace feed and job (nullptr: none): the one sent from the menu, else the scenario's
    /// first stream job (its trace_feeds and stream_jobs, attached by the session on every load and
    /// replay). Read it on the UI thread (it settles first).
    const stream_observe::TopicStreamRun* topicStream() const;
    /// What stops a running feed or stream job (the trace sent from File, else the scenario's
    /// trace_feeds / stream_jobs), in the UI language: a bad trace line met while feeding, or trace
    /// records the topic did not take (a send refused, records not delivered). Empty when none.
    QString streamProblem() const;

    // ---- commands typed in the terminal (app/terminal*) act on the same simulation ----
    /// The session whose clock the terminal advances too (nullptr before a load). Tests and
    /// benchmarks reach the simulation through it (labs::Session::sim: journal hashes, live
    /// state); app/ code does not (the layer guard).
    labs::Session* session() {
        settle();
        return m_run.get();
    }
    const labs::Session* session() const {
        settle();
        return m_run.get();
    }
    /// Something outside the controller advanced or changed the simulation: resync and go live.
    void simulationChangedExternally();
    /// A piece of terminal work done live starts here (CliHost: a command, a line, Ctrl+C/D, a
    /// clock tick): labs::Session::beginPiece on the UI thread (the instant a playback slice stopped
    /// in completed, the terminal log's work due by now fired), the timeline synced with it.
    void beginTerminalPiece();

    /// Simulation events (scheduler timers) the worker fires between two looks at a stop request
    /// and at its wall-clock budget: an input in the middle of a slice waits for these at most.
    static constexpr std::size_t kEventsPerPiece = 64;
    /// Upper bound of simulation work per slice simulated on the UI thread (advance() without
    /// `background`: the UI thread must never block > 50 ms). A slice on the worker has no
    /// wall-clock budget: it ends when its target is reached or the next frame is due.
    static constexpr int kSliceBudgetMs = 12;
    /// Frame interval while the simulation keeps up with playback.
    static constexpr int kFrameMs = 16;
    /// Frame interval while it does not (a frame came due with the worker still simulating): fewer
    /// frames, so the worker gets more of the time and the UI thread's per-frame work less.
    static constexpr int kBusyFrameMs = 40;
    /// On-screen duration of a record's trip to its partition (and fade) on the canvas.
    static constexpr double kFlightWallMs = 900;
    /// On-screen duration of the revoke/assign animations.
    static constexpr double kRebalanceWallMs = 1500;

Q_SIGNALS:
    /// The cursor moved or the state changed: views repaint.
    void changed();
    /// The current simulation is about to be destroyed (a new load): drop references into it.
    void aboutToReset();
    /// A new scenario or seed was loaded: views reset.
    void reset();
    void playingChanged(bool playing);
    /// Playback went past the scenario's duration, where its demo is meant to end (once per load).
    /// The simulation keeps running until the user pauses it.
    void demoEndReached();
    void speedChanged(double speed);
    /// The terminal's clock ticked (holdTerminalClock): the terminal host lets kTerminalTickMs of
    /// virtual time pass while paused (playback moves it while playing) and pumps its commands.
    void terminalTick();

protected:
    /// Input events (keys, clicks) may act on the simulation: the background slice ends first.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// load() with the terminal's part of the action log given, or (nullopt) kept as it is.
    void loadRun(const labs::Scenario& scenario, std::uint64_t seed, std::optional<labs::SessionJournal> terminal);
    /// The worker stopped slice number `slice` because a frame came due, after `stoppedAt` events
    /// in all (queued from the worker thread).
    void onFrameDue(std::uint64_t slice, std::uint64_t stoppedAt);
    /// onFrameDue() for the slice the worker left in m_due_slice / m_due_at. Invoked by name from the
    /// worker: nothing the worker allocates reaches the GUI thread outside Qt's (TSan-invisible) queue.
    Q_INVOKABLE void onFrameDueQueued();
    void takeFrame();
    void syncTimeline();
    void setCursor(std::size_t events, labs::TimeMs time);
    /// Runs the simulation towards `target`, stopping early when the slice budget is spent.
    void simulateTowards(labs::TimeMs target, int budget_ms);

    /// Waits for the background slice, if any, and folds it in; `interrupt`: asks the worker to
    /// stop after its current small slice first.
    void finishSlice(bool interrupt) const;

    mutable BackgroundRunner m_worker;  ///< simulates playback slices off the UI thread
    mutable std::atomic<bool> m_stop_slice{false}; ///< read by the worker's slice loop
    mutable std::atomic<std::uint64_t> m_worker_events{0}; ///< events the worker fired, ever
    std::atomic<std::uint64_t> m_due_slice{0}; ///< the slice that stopped because a frame came due
    std::atomic<std::uint64_t> m_due_at{0};    ///< m_worker_events when it stopped
    mutable double m_longest_wait_ms = 0;
    mutable std::uint64_t m_longest_wait_events = 0;
    mutable std::uint64_t m_worker_waits = 0;
    /// The worker's slice: running, a frame came due (set by frameTick), or done (set by the worker).
    static constexpr int kSliceRunning = 0, kSliceFrameDue = 1, kSliceDone = 2;
    std::atomic<int> m_slice_state{kSliceDone};
    std::uint64_t m_events_when_due = 0;
    std::uint64_t m_slice_number = 0; ///< slices started on the worker (UI thread)
    std::uint64_t m_longest_frame_due_events = 0;
    std::uint64_t m_frame_due_stops = 0;
    bool m_background_live = false;     ///< playback follows "now" with slices on the worker
    labs::Scenario m_no_scenario;        ///< scenario() before any load
    std::uint64_t m_seed = 1;
    std::unique_ptr<labs::Session> m_run;
    std::unique_ptr<stream_observe::TopicStreamRun> m_topic_stream; ///< on m_run's simulation
    /// The run's journal indexed, the view at the cursor and the facts the observation needs.
    labs::observe::TimelineCursor m_cursor;
    labs::TimeMs m_time = 0;
    bool m_playing = false;
    bool m_demo_end_announced = false;
    labs::SessionJournal m_terminal;      ///< the terminal's part of the action log
    /// Plays m_terminal on the session as its clock passes each event when no terminal host does.
    std::unique_ptr<labs::HeadlessTerminalPlayback> m_headless_terminal;
    const QObject* m_terminal_host = nullptr; ///< replays m_terminal on reset() (CliHost); not owned
    bool m_keeping_terminal = false;          ///< see keepsTerminalLog()
    double m_speed = 1.0;
    QTimer m_timer;                ///< playback frames; the terminal's ticks while paused and held
    int m_terminal_holds = 0;      ///< see holdTerminalClock()
    QElapsedTimer m_terminal_wall; ///< wall time since the last terminal tick (while playing)
    /// m_timer's state after a change of playing or of the terminal's holds.
    void updateTimer();
    QElapsedTimer m_wall;
    QString m_source_path;

    mutable std::optional<labs::observe::Observation> m_observation; ///< cache, cleared on change
    /// The partitions of the last observation dropped: observe() reuses their memory, and their
    /// values where nothing changed them since (labs::observe::PartitionCache).
    mutable labs::observe::PartitionCache m_partition_cache;
    /// Clears the cache (what changes the cursor or the state does), keeping its partitions' memory.
    void dropObservation() const;

    /// The plots' samples, taken from m_cursor's fold as it syncs (syncTimeline).
    labs::observe::PlotSampler m_sampler;
};

/// Directory of the bundled scenarios (labs::dataDirectory: override, installed share/fluxolab, source tree).
QString scenariosDir();
/// Resolves a gallery name ("rebalance-basico") or a path to a file path (empty if not found).
QString resolveScenario(const QString& nameOrPath);

} // namespace fluxolab::app
