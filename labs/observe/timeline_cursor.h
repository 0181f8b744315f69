#pragma once
// The cursor over a simulated run's history, as the app's playback moves it: the run's journal
// indexed into a sim::Timeline, the Kafka view folded up to the cursor, and the observation of that
// moment (SimObserver). The app's controller owns one and reaches the timeline only through it, so
// that no file of app/ includes a sim/ header (docs/architecture.md, "The layer guard").

#include "labs/observe/sim_observer.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace fluxolab::labs::observe {

class TimelineCursor {
public:
    TimelineCursor() = default;
    ~TimelineCursor();
    TimelineCursor(const TimelineCursor&) = delete;
    TimelineCursor& operator=(const TimelineCursor&) = delete;

    /// Starts over on `journal` (a new run): nothing learned, the cursor at 0 events. `sync_now`:
    /// index the journal's events now; else the first sync() sees (and hands its hook) every event.
    /// The journal must outlive the cursor's use of it (detach() before it goes away).
    void attach(const sim::Journal& journal, bool sync_now = true);
    /// Forgets the journal (its run is about to be destroyed).
    void detach();
    bool attached() const { return m_timeline != nullptr; }

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
    std::size_t eventsUpTo(sim::TimeMs t) const;
    /// The virtual time of indexed event `index` (< size()).
    sim::TimeMs eventTime(std::size_t index) const { return (*m_journal)[index].time; }

    /// The cursor: the state after the first position() events.
    std::size_t position() const { return m_view.events; }
    /// Moves the cursor to after the first `events` events (clamped to size()). Forward by fewer
    /// events than the timeline's snapshot spacing it folds them into the view (cheaper than
    /// copying a snapshot); otherwise it starts from the nearest snapshot before.
    void moveTo(std::size_t events);
    /// The Kafka view at the cursor.
    const sim::ClusterView& view() const { return m_view; }

    /// The cluster at the cursor (SimObserver::observe; `live`: the cursor is at "now").
    Observation observe(const sim::Simulation& sim, bool live, const ObserveOptions& options,
                        PartitionCache* cache = nullptr) const;

private:
    const sim::Journal* m_journal = nullptr;
    std::unique_ptr<sim::Timeline> m_timeline;
    sim::ClusterView m_view;
    SimObserver m_observer;
};

} // namespace fluxolab::labs::observe
