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
    /// then come from the simulation as it is now). `recycle`: the partitions of an observation no
    /// longer used, whose memory is reused (otherwise a view of 10 000 partitions allocates and
    /// frees 30 000 small vectors every frame); it is left empty.
    Observation observe(const sim::Simulation& sim, const sim::ClusterView& view, bool live,
                        const ObserveOptions& options = {}, std::vector<Partition>* recycle = nullptr) const;

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
    std::vector<TimelineMarker> m_markers;                    ///< of the events scanned
    std::map<sim::TpKey, sim::BrokerId> m_leaders;            ///< each partition's leader, while scanning
};

} // namespace fluxolab::labs::observe
