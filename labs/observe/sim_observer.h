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
#include "labs/observe/observe_options.h"
#include "sim/cluster.h"
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <cstddef>
#include <map>
#include <vector>

namespace fluxolab::labs::observe {

/// `e` of `j` with its names resolved (what the timeline bar and the status line describe).
ShownEvent shownEvent(const sim::Journal& j, const sim::Event& e);

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
        std::vector<std::pair<std::string, std::string>> configs; ///< as created
        std::map<std::string, std::string> overrides;             ///< after the changes learnt so far
        /// Its configs after each topic_config_changed event: (index of the event, configs).
        std::vector<std::pair<std::size_t, std::vector<std::pair<std::string, std::string>>>> changes;
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
