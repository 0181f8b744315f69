#pragma once
// One session over one simulated cluster: the only thing that lets its virtual time pass, and the
// one action log of what was done to it.
//
// Playback (the app's SimulationController, also from its worker thread), the terminal (SimBackend:
// admin requests, console clients, clock ticks) and fluxolab-cli all advance time through
// runUntil(), which is ScenarioRun::runUntil: the scenario's producers keep their 10 ms traffic
// grid and its actions fire on time whoever moves the clock. The action log has two parts that
// are saved together (sim::Scenario::terminal) and replay together: the scenario (its actions
// include the toolbar's, at the instant they were made) and the terminal's journal
// (labs::SessionJournal, kept by the terminal host). Replaying the scenario with the same seed
// with the terminal journal fired as the clock passes it (labs::TerminalPlayback) gives the same
// simulation journal.
//
// No Qt, no threads, no wall clock: the caller owns those.

#include "labs/backend/model_types.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::stream_observe {
class ScenarioStreams;
}

// Declared only: app/ includes this header and the simulation is not in its translation units
// (tests/layers/check_app_includes.sh); labs/ code that reaches into them includes sim/scenario.h.
namespace fluxolab::sim {
class ScenarioRun;
class Simulation;
} // namespace fluxolab::sim

namespace fluxolab::labs {

/// Work a session fires as its clock passes given virtual times, the way it fires the scenario's
/// actions: the terminal's part of the action log (labs::TerminalPlayback) registers as one. The
/// work at time T runs after everything of instant T (the simulation's events, the scenario's
/// actions, its consumer starts and traffic tick), exactly where a replay that first ran the
/// clock to T and then did it would (labs::JournalReplayer). Work the session fires may let time
/// pass itself (a command's request): no other work fires inside it.
class TimedWork {
public:
    virtual ~TimedWork() = default;
    /// Simulation time of the next piece of work (nullopt: none left).
    virtual std::optional<sim::TimeMs> nextDue() const = 0;
    /// Does it; the clock is at nextDue() (or past it, when the work was attached late).
    virtual void fire() = 0;
};

class Session {
public:
    /// Also attaches the scenario's trace feeds and stream jobs (streams()); check streamsError().
    /// The scenario's terminal part (Scenario::terminal) is not kept in scenario(): it belongs to
    /// the terminal's keeper, who reads it from the scenario it loaded (labs::scenarioTerminal),
    /// replays it (labs::TerminalPlayback) and joins its journal in again when the log is saved.
    Session(const sim::Scenario& scenario, std::uint64_t seed);
    ~Session();
    /// A fresh cluster of `brokers` brokers with nothing on it (what fluxolab-cli starts from).
    static sim::Scenario emptyScenario(std::int32_t brokers);
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    sim::Simulation& sim();
    const sim::Simulation& sim() const;
    sim::ScenarioRun& run() { return *m_run; }
    const sim::ScenarioRun& run() const { return *m_run; }
    /// The simulation's journal (what the app's timeline cursor folds).
    const sim::Journal& journal() const;
    /// The scenario's part of the action log: the scenario as loaded (without its terminal part,
    /// see the constructor) plus the interactive actions recorded so far. What "save" writes, with
    /// the terminal's journal joined in by its keeper (the app's SimulationController::actionLog).
    const sim::Scenario& scenario() const { return m_scenario; }
    std::uint64_t seed() const { return m_seed; }
    sim::TimeMs now() const;

    /// The clock: virtual time passes to `t` (never backwards), with the scenario's traffic and actions.
    void runUntil(sim::TimeMs t);
    /// runUntil(t) that fires at most `budget` simulation events (ScenarioRun::runUntil(t, budget)):
    /// true when it got to `t`; false when it stopped before, and calling it again resumes there.
    bool runUntil(sim::TimeMs t, std::size_t& budget);
    void runFor(sim::TimeMs ms) { runUntil(now() + std::max<sim::TimeMs>(0, ms)); }

    /// A piece of terminal work done live (a command typed with its input, a producer's line,
    /// Ctrl+D, Ctrl+C, a clock tick) starts where a replay of the terminal's log fires it: after the
    /// current instant is complete (a playback slice may have stopped inside it) and after the
    /// attached work due by now (runUntil(now())). Call it before the piece reads the clock or
    /// touches the cluster; nothing when the attached work is firing (that piece is one already).
    void beginPiece();
    /// The clock moved by a piece of terminal work (SimBackend: a command's requests, a console
    /// client's steps, a live clock tick): like runUntil, but the attached work does not fire
    /// inside it (in a replay the piece is itself one piece of the log, inside which no other
    /// fires). What came due meanwhile fires right after it, at the next runUntil or beginPiece:
    /// one rule, live and replayed.
    void runHeld(sim::TimeMs t);

    /// Moves the clock to the instant an interactive action is applied and recorded at: the next
    /// millisecond, stopped where a scenario action at that instant runs (after the simulation's
    /// events and the scenario's actions there, before its consumer starts and traffic tick:
    /// ScenarioRun::runToActionInstant). One rule for live play, the terminal and replay: saving
    /// the scenario and replaying it gives exactly the same journal.
    void advanceToActionInstant();
    /// Records `kind` at now() in the scenario's actions (sorted by time, stable) and returns it
    /// to fill in; apply it with run().apply() or the simulation's own call.
    sim::ScenarioAction& recordAction(sim::ScenarioAction::Kind kind);

    // The toolbar's actions (the app's SimulationController calls these; they are the session's
    // operations, not the app's): each moves the clock to the action instant
    // (advanceToActionInstant), records the action into the one action log (the scenario's
    // actions, saved with File > Save and replayed by ScenarioRun as any scenario action) and
    // applies it, so that a saved run replays to the same journal.

    /// Stops (crash: kills) broker `id`: a StopBroker or CrashBroker action.
    void stopBroker(sim::BrokerId id, bool crash);
    /// Starts broker `id` again: a StartBroker action.
    void startBroker(sim::BrokerId id);
    /// A new consumer (id "ui-N") in `group`: an AddConsumer action. Empty `topics`: the
    /// subscription of the group's other members, else every user topic. The assignors are the
    /// group's (from the scenario's consumers and earlier actions) unless `assignor` is given.
    /// Returns the consumer's index in the simulation.
    std::int32_t addConsumer(const std::string& group, std::vector<std::string> topics,
                             std::optional<sim::AssignorKind> assignor);
    /// Creates a topic as the controller of a real cluster would (it validates; nothing is recorded
    /// when it refuses). At time 0 the topic is one of the scenario's initial topics; later it is a
    /// CreateTopic action.
    sim::AdminResult createTopic(const std::string& name, std::int32_t partitions, std::int32_t replicationFactor);
    /// Closes consumer `index`: a RemoveConsumer action when the scenario names the consumer; a
    /// consumer without an id in the scenario is closed and not recorded. False: no such consumer.
    bool removeConsumer(std::int32_t index);
    /// The action log with a producer (id "ui-producer-N") added that starts now: the scenario
    /// format wants a producer's topic among the initial topics, so a topic created by a
    /// CreateTopic action becomes an initial one. ScenarioRun has no "add producer" action: the
    /// caller replays the returned scenario with the same seed (the same journal up to now, then the
    /// producer starts). `id` receives the producer's id.
    sim::Scenario scenarioWithProducer(const std::string& topic, double ratePerSec, const sim::KeySpec& keys,
                                       std::string* id) const;
    /// An id with `prefix` no consumer or producer of the action log has ("ui-1", "ui-2", ...).
    std::string uniqueId(const std::string& prefix) const;

    // What the app reads of the live run without naming the simulation.

    /// The user topics that exist now, sorted (internal topics left out).
    std::vector<std::string> liveTopicNames() const;
    /// The name of group `group` (an index of the journal's group names).
    std::string groupName(std::int32_t group) const;
    /// Events in the journal so far (all families).
    std::size_t journalSize() const;
    /// Consumers the simulation has made so far (closed ones included).
    std::int32_t consumerCount() const;

    /// Work fired as the clock passes its times (not owned; nullptr: none). Every runUntil fires
    /// it; the owner detaches it (nullptr) before it goes away.
    void setTimedWork(TimedWork* work) { m_work = work; }
    TimedWork* timedWork() const { return m_work; }
    /// Simulation time of the attached work's next piece (nullopt: none). The app keeps a run that
    /// would pass it off its worker thread: the terminal's work runs on the UI thread.
    std::optional<sim::TimeMs> nextWorkAt() const { return m_work ? m_work->nextDue() : std::nullopt; }

    /// The scenario's trace feeds and stream jobs on this simulation (nullptr: the scenario has none).
    const stream_observe::ScenarioStreams* streams() const { return m_streams.get(); }
    /// English; empty when the feeds and jobs are attached and no trace record failed so far.
    std::string streamsError() const;

private:
    sim::Scenario m_scenario;
    std::uint64_t m_seed;
    std::unique_ptr<sim::ScenarioRun> m_run;
    std::unique_ptr<stream_observe::ScenarioStreams> m_streams; ///< timers on m_run's scheduler: goes first
    TimedWork* m_work = nullptr;
    bool m_firing = false;      ///< inside m_work->fire(): time its commands let pass fires no work
    /// The current instant may be incomplete: advanceToActionInstant() left its consumer starts and
    /// tick to run, or a budgeted runUntil stopped between two of its events.
    bool m_mid_instant = false;
};

/// A virtual time or duration as scenarios and fluxolab-cli write it ("30s", "1500ms", "2m"): the
/// scenario format's rule (sim::parseDuration), for the app's --at.
inline std::optional<sim::TimeMs> parseVirtualTime(const std::string& text) { return sim::parseDuration(text); }

} // namespace fluxolab::labs
