#pragma once
// The cursor over a simulated run's history, as the app's playback moves it: the run's journal
// indexed into a sim::Timeline, the Kafka view folded up to the cursor, and the observation of that
// moment (SimObserver). The app's controller owns one and reaches the timeline only through it, so
// that no file of app/ includes a sim/ header (docs/architecture.md, "The layer guard"). Its state
// (the timeline, the view, the observer) is in the .cpp: this header includes no sim/ header, so
// the app's translation units do not see the simulation through it (tests/layers/labs_sim_leaks.txt).
// Those who read the Kafka view it returns (tests, benchmarks) include sim/timeline.h themselves.

#include "labs/observe/observation.h"
#include "labs/observe/observe_options.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace fluxolab::sim {
class Journal;     // sim/journal.h
struct Event;      // sim/journal.h
class Simulation;  // sim/cluster.h
struct ClusterView; // sim/timeline.h
} // namespace fluxolab::sim

namespace fluxolab::labs::observe {

class TimelineCursor {
public:
    TimelineCursor();
    ~TimelineCursor();
    TimelineCursor(const TimelineCursor&) = delete;
    TimelineCursor& operator=(const TimelineCursor&) = delete;

    /// Starts over on `journal` (a new run): nothing learned, the cursor at 0 events. `sync_now`:
    /// index the journal's events now; else the first sync() sees (and hands its hook) every event.
    /// The journal must outlive the cursor's use of it (detach() before it goes away).
    void attach(const sim::Journal& journal, bool sync_now = true);
    /// Forgets the journal (its run is about to be destroyed).
    void detach();
    bool attached() const;

    /// Indexes the events `sim` appended since the last call and captures the facts of the topics
    /// they created (SimObserver::learn). Call after every move of the simulation's clock.
    /// `before`, when set, is called with the state just before each newly indexed event (the
    /// timeline's own fold: the app's plot samples need no fold of their own).
    using SyncHook = std::function<void(const sim::ClusterView& before, const sim::Event& e)>;
    void sync(const sim::Simulation& sim, const SyncHook& before = {});
    /// The newest indexed state (after every event sync() saw).
    const sim::ClusterView& latest() const;
    /// Journal events indexed (the whole journal after sync()).
    std::size_t size() const;
    /// Events with a time <= `t` among those indexed.
    std::size_t eventsUpTo(TimeMs t) const;
    /// The virtual time of indexed event `index` (< size()).
    TimeMs eventTime(std::size_t index) const;

    /// The cursor: the state after the first position() events.
    std::size_t position() const;
    /// Moves the cursor to after the first `events` events (clamped to size()). Forward by fewer
    /// events than the timeline's snapshot spacing it folds them into the view (cheaper than
    /// copying a snapshot); otherwise it starts from the nearest snapshot before.
    void moveTo(std::size_t events);
    /// The Kafka view at the cursor.
    const sim::ClusterView& view() const;

    /// The cluster at the cursor (SimObserver::observe; `live`: the cursor is at "now").
    Observation observe(const sim::Simulation& sim, bool live, const ObserveOptions& options,
                        PartitionCache* cache = nullptr) const;
    /// What the simulation's observations hold: everything (SimObserver::capabilities).
    static Capabilities capabilities();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace fluxolab::labs::observe
