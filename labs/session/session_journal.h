#pragma once
// The journal of an interactive terminal session over a lab's cluster, and its headless replay.
//
// The simulation is deterministic: the same seed and the same inputs at the same virtual times
// give the same cluster. The app journals what the student did in the terminal tabs (commands
// started with their heredoc/file input, producer input lines, Ctrl+D, Ctrl+C, the shell
// built-ins' history entries and every clock tick, run-length encoded) and saves it with the
// seed; on restore JournalReplayer runs it again against a fresh cluster, without a terminal, so
// the topics, records and groups come back as they were. A command still running when the
// journal ends (the app was closed) is stopped as with Ctrl+C.

#include "labs/backend/session.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/shell/script_runner.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs {

struct JournalEvent {
    enum class Type : std::uint8_t {
        Start,      ///< a Kafka tool started in a tab (argv; input = heredoc/file lines then EOF)
        Input,      ///< a line typed into the tab's running producer
        EndOfInput, ///< Ctrl+D
        Interrupt,  ///< Ctrl+C on the tab's running command
        Record,     ///< a shell built-in's history entry (echo, sleep, shell-error)
        Tick,       ///< `count` clock ticks of `tick_ms` each (0: time moved elsewhere), pumping every session
    };
    Type type = Type::Record;
    int tab = 0;
    TimeMs at_ms = 0; ///< cluster time when the event happened
    std::vector<std::string> argv;                 ///< Start
    std::optional<std::vector<std::string>> input; ///< Start: heredoc / `< file` lines
    bool failed = false;                           ///< Start: the input file could not be read (exit 1)
    std::string line;                              ///< Input
    HistoryEntry entry;                            ///< Record
    TimeMs tick_ms = 0;                            ///< Tick
    std::int64_t count = 1;                        ///< Tick

    /// A Tick of `tickMs` (0: time moved elsewhere). Built out of line: GCC 12 warns of a
    /// maybe-uninitialized optional when an inlined default-built event is moved (a false positive).
    static JournalEvent tick(TimeMs tickMs);
};

struct SessionJournal {
    std::string lab;        ///< lab id
    std::uint64_t seed = 1; ///< the cluster's seed
    std::vector<JournalEvent> events;

    /// Adds `e` in time order: after every event at or before e.at_ms (at the end, the usual case,
    /// consecutive equal ticks are merged). An event made while a replayed log still lies ahead
    /// (labs::TerminalPlayback) lands among the events of its time; a run of ticks it falls inside
    /// is cut there, so that the ticks before it and after it keep their times.
    void add(JournalEvent e);
    /// Commands the student ran (Start and Record events).
    std::size_t commandCount() const;
    bool empty() const { return events.empty(); }

    std::string toJson() const;
    /// Parses and validates (never throws); nullopt with `error` set when corrupt.
    static std::optional<SessionJournal> fromJson(const std::string& text, std::string* error = nullptr);
};

class JournalReplayer {
public:
    struct Hooks {
        std::function<void(HistoryEntry)> record;   ///< a command's history entry (as the terminal records it)
        std::function<void()> command_ended;        ///< a command recorded while running ended
        std::function<void(TimeMs)> advance;        ///< let `ms` of cluster time pass (default: backend.advance)
        std::function<void()> ticked;               ///< after one clock tick (sessions already pumped)
        /// Sliced replay (step()): let cluster time pass up to `until_ms` (backend time, as nowMs())
        /// firing at most `budget` simulation events, decremented by those fired; true when it got
        /// there (false: call again to resume). Must make the same run as one advance (the
        /// simulation's runUntil(t, budget)). Default: the whole advance at once, counted as one.
        std::function<bool(TimeMs until_ms, std::size_t& budget)> advance_until;
    };
    /// `cli` starts the commands (the host's own, so that what comes after the replay continues its numbering).
    JournalReplayer(ClusterBackend& backend, KafkaCli& cli, Hooks hooks);
    ~JournalReplayer();

    /// Applies one event, as the terminal did live.
    void apply(const JournalEvent& e);
    /// Every event, then Ctrl+C for the commands still running.
    void run(const SessionJournal& journal);
    /// Ctrl+C for every command still running.
    void stopAll();
    /// One clock tick, time already passed: pumps every running command (a Tick event's step).
    void tick();
    /// The tabs whose command still runs, in the order stopAll() stops them.
    std::vector<int> runningTabs() const;
    /// Pumps every running command without Hooks::ticked (a clock tick of work that is not this
    /// replayer's: a live tick while a log plays, which a later replay applies as one of its ticks).
    void pumpRunning() { pumpAll(); }

    /// The same replay as run(), in slices (a long journal - up to a day of cluster time - must not
    /// freeze the app's window): begin(), then step() until it returns true. Each step does at
    /// most about `budget` units of work (simulation events through Hooks::advance_until, journal
    /// events, clock ticks) and resumes exactly where the previous one stopped, so the cluster ends
    /// exactly as after run().
    void begin(const SessionJournal& journal);
    /// True when the whole journal has been replayed (and the running commands stopped).
    bool step(std::size_t budget);
    bool done() const { return m_done; }
    /// How far the sliced replay is, 0..1 (by cluster time; by events when no time passes).
    double progress() const;
    /// Stops a sliced replay where it is (Ctrl+C for the running commands) and returns the part of
    /// the journal replayed: the events applied, and of a tick event the ticks done.
    SessionJournal stopHere();

private:
    struct Running {
        std::unique_ptr<CommandSession> session;
        HistoryEntry entry;
        bool recorded = false;
    };
    void finish(int tab);
    void pumpAll();
    void advance(TimeMs ms);
    /// apply() after its catch-up: the event itself (not a Tick).
    void applyNow(const JournalEvent& e);

    ClusterBackend& m_backend;
    KafkaCli& m_cli;
    Hooks m_hooks;
    std::map<int, Running> m_running; ///< by tab, in the order the tabs were opened
    // Sliced replay (begin/step).
    SessionJournal m_journal;
    std::size_t m_next = 0;           ///< the next event to apply
    bool m_caughtUp = false;          ///< the next event's catch-up advance is done
    std::int64_t m_ticksDone = 0;     ///< of the next event, a Tick: repetitions done
    std::optional<TimeMs> m_until;    ///< an advance in progress (backend time)
    bool m_untilIsTick = false;       ///< ... is a tick's (pump and count it when it gets there)
    bool m_done = true;
    TimeMs m_from = 0, m_to = 0;      ///< the cluster time the journal covers
};

class Session;

/// The terminal's part of the action log fired by a labs::Session as its clock passes each event's
/// time (Session::setTimedWork), like the scenario's actions, instead of all at once: a run
/// restarted or opened with terminal work starts at 0 and the timeline plays through it. Each
/// event's time is where JournalReplayer::run would apply it (the clock caught up with the event's
/// time, or where the previous event left it; each tick one tick_ms after the previous one), so the
/// simulation's journal is byte for byte the one of an eager replay. At the end of the log the
/// commands still running are stopped (Ctrl+C), as run() does; `stopped` hears of each first.
class TerminalPlayback final : public TimedWork {
public:
    /// `backend` is a SimBackend over the session the playback is attached to; `cli` starts the
    /// commands (the terminal host's own, so that its numbering goes on). Times count from the
    /// backend's clock now.
    TerminalPlayback(ClusterBackend& backend, KafkaCli& cli, SessionJournal journal, JournalReplayer::Hooks hooks,
                     std::function<void(int tab)> stopped = {});
    ~TerminalPlayback() override;
    std::optional<sim::TimeMs> nextDue() const override;
    void fire() override;
    /// Every event fired and the commands left running stopped.
    bool done() const { return m_done; }
    /// The events fired so far (a run of ticks counts once, when its last tick fired).
    std::size_t eventsFired() const { return m_next; }
    const SessionJournal& journal() const { return m_journal; }
    /// A live clock tick while the log plays (CliHost::tickNow): the log's commands still running
    /// are pumped too, as the tick, added to the log, pumps every running command when the log is
    /// replayed. Call it before the live commands are pumped (the log's tabs come first).
    void pumpRunning() { m_replayer.pumpRunning(); }

private:
    ClusterBackend& m_backend;
    SessionJournal m_journal;
    JournalReplayer m_replayer;
    std::function<void(int)> m_stopped;
    std::size_t m_next = 0;   ///< the next event
    std::int64_t m_ticks = 0; ///< ticks of m_next (a Tick) fired
    TimeMs m_base = 0;        ///< the cluster clock when the last piece ended
    bool m_done = false;
};

/// A TerminalPlayback with its own backend and CLI (no terminal host: the compare window's sides).
class HeadlessTerminalPlayback {
public:
    /// Attaches itself to `session`; detaches on destruction.
    HeadlessTerminalPlayback(Session& session, SessionJournal journal);
    ~HeadlessTerminalPlayback();
    HeadlessTerminalPlayback(const HeadlessTerminalPlayback&) = delete;
    HeadlessTerminalPlayback& operator=(const HeadlessTerminalPlayback&) = delete;
    const TerminalPlayback& playback() const { return *m_playback; }

private:
    Session& m_session;
    std::unique_ptr<ClusterBackend> m_backend;
    std::unique_ptr<KafkaCli> m_cli;
    std::unique_ptr<TerminalPlayback> m_playback;
};

/// The terminal's part of a scenario's action log (sim::Scenario::terminal): nullopt when there is
/// none; an error (and nullopt) when it is not a valid journal. `error` is cleared otherwise.
std::optional<SessionJournal> scenarioTerminal(const sim::Scenario& scenario, std::string* error);

} // namespace fluxolab::labs
