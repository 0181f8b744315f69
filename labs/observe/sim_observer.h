#pragma once
// Fills the observation model from the simulation: for "now" or for a past moment of the journal
// (a sim::ClusterView the timeline folded up to the cursor).
//
// A past moment never mixes in live state. State comes from the folded view only; the simulation
// is read for facts fixed when something was created, and only for what exists at that moment:
// broker addresses, a client's configuration (host, client id, assignors), and a topic's id and
// configs, which learn() captures when the topic is created (a topic deleted and created again
// under the same name has another id; its configs may be altered later).

#include "labs/observe/observation.h"
#include "sim/cluster.h"
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <cstddef>
#include <map>
#include <vector>

namespace fluxolab::labs::observe {

/// What a view wants beyond the state at the moment shown.
struct ObserveOptions {
    sim::TimeMs now = -1;          ///< the moment shown (-1: the time of the view's last event)
    sim::TimeMs appends_ms = 900;  ///< appends within this long before `now` are listed (in flight)
    sim::TimeMs changes_ms = 30000; ///< revocations and assignments within this long are listed
    const sim::Scenario* scenario = nullptr; ///< the producers' topics (their configuration)
};

/// `e` of `j` with its names resolved (what the timeline bar and the status line describe).
ShownEvent shownEvent(const sim::Journal& j, const sim::Event& e);

/// The partitions of an observation no longer shown, handed to the next observe(): their memory is
/// reused (otherwise a view of 10 000 partitions allocates and frees 30 000 small vectors every
/// frame), and while the view only goes forward, a partition no event changed since (its
/// sim::PartitionView::changed) is not written again: a frame at 64x with a 9 999 x 3 topic rewrites
/// the few hundred partitions its events touched, not 10 000.
struct PartitionCache {
    std::vector<Partition> partitions;
    std::size_t position = 0; ///< the view's events when they were filled in
    std::uint64_t epoch = 0;  ///< SimObserver::epoch() then (0: nothing to reuse, memory only)
    // What the last observe() did (for tests and benchmarks).
    std::size_t reused = 0;  ///< partitions left as they were
    std::size_t written = 0; ///< partitions filled in again
};

class SimObserver {
public:
    /// Everything: the simulation has a journal, per-record events and every client's internals.
    static Capabilities capabilities() { return Capabilities::all(); }

    /// Captures the facts of the topics created by journal events not seen yet (call after each
    /// sync of the timeline, before the simulation runs on).
    void learn(const sim::Simulation& sim);
    /// Forgets everything (a new simulation).
    void clear();

    /// The cluster as `view` shows it. `live`: the view is the newest state (topic ids and configs
    /// then come from the simulation as it is now). `cache`: the partitions of the previous
    /// observation (see PartitionCache), taken over (its partitions are left empty); the result's
    /// partitions are the same as without it.
    Observation observe(const sim::Simulation& sim, const sim::ClusterView& view, bool live,
                        const ObserveOptions& options = {}, PartitionCache* cache = nullptr) const;
    /// Changes with every clear(): partitions cached under another epoch are from another run.
    std::uint64_t epoch() const { return m_epoch; }

private:
    /// Keeps a mark for the timeline bar when `e` (at `index`) is one.
    void learnMarker(const sim::Journal& j, const sim::Event& e, std::size_t index);

    struct TopicFacts {
        std::size_t created_at = 0; ///< index of its TopicCreated event
        std::string topic_id;
        std::vector<std::pair<std::string, std::string>> configs;
    };
    std::map<std::int32_t, std::vector<TopicFacts>> m_topics; ///< by journal topic index, oldest first
    std::size_t m_learned = 0;                                ///< journal events scanned
    std::uint64_t m_epoch = 1;                                ///< see epoch()
    TimelineMarkers m_markers;                                ///< of the events scanned (observations share them)
    /// Whether each partition has had a leader, by journal topic index then partition, while
    /// scanning (a vector, not a map: a 9 999-partition topic's first elections are 10 000 look-ups).
    std::vector<std::vector<bool>> m_led;
};

} // namespace fluxolab::labs::observe
