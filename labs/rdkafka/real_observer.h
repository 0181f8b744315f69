#pragma once
// Fills the observation model (labs/observe/observation.h) from a real cluster: what the Admin API,
// the metadata and ListOffsets show, nothing more. Works over any ClusterBackend (the app gives it
// the RdKafkaBackend; the fast tests give it a SimBackend), always with the capabilities of a real
// cluster: no past moments, no records in flight, no replica fetch state, no rebalance internals,
// no per-record animation, no client internals.
//
// What a real cluster does not tell an admin client is left empty, never guessed:
//  - a group's generation: DescribeGroups carries none. The RdKafkaBackend reads it from
//    __consumer_offsets, where the coordinator stores every new generation (group_log.h); until that
//    log has been read (or where it cannot be), Group::generation_known stays false and rebalances
//    are detected from what one refresh to the next shows (rebalances());
//  - the group leader, the members' preferred assignor, replica log end offsets, producers, and
//    the consumers' own state (each group member is listed as a consumer with its client id,
//    host and assignment only);
//  - the active KRaft controller: in KRaft mode the controller id of a Metadata response is a
//    random alive broker, not the quorum's leader (Broker::controller stays false).
// Every call is bounded by the backend's request timeout; the caller runs this off the GUI thread.

#include "labs/backend/cluster_backend.h"
#include "labs/observe/observation.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs {

/// One refresh: the observation and whether the cluster answered at all.
struct RealSnapshot {
    observe::Observation observation;
    bool connected = false;
};

/// A rebalance seen between two refreshes of the same group.
struct ObservedRebalance {
    std::string group;
    sim::TimeMs time = 0; ///< epoch ms of the refresh that showed it
    /// What showed it: the coordinator stored a new generation (both refreshes know the group's
    /// generation: one rebalance per new generation, nothing else counts); otherwise the group entered
    /// PreparingRebalance/CompletingRebalance, or its members or their assignment changed between two
    /// refreshes.
    enum class Evidence : std::uint8_t { StateChange, MembershipChange, AssignmentChange, GenerationChange } evidence =
        Evidence::StateChange;
    std::int32_t generation = -1; ///< GenerationChange: the generation the rebalance ended in
};

class RealObserver {
public:
    /// What a real cluster shows: none of the simulation-only capabilities.
    static observe::Capabilities capabilities() { return {}; }

    /// Why the backend's last call got no answer (RdKafkaBackend::lastClientError).
    using LastError = std::function<ClientError()>;

    /// Reads the cluster now (metadata, ListOffsets, DescribeConfigs, ListGroups, DescribeGroups,
    /// OffsetFetch). Not connected when the metadata brought no broker back, or when `lastError`
    /// reports that the request for all topics got no answer (librdkafka answers a broker list
    /// from its cache; the topic list always asks the cluster).
    static RealSnapshot observe(const ClusterBackend& backend, const LastError& lastError = {});

    /// Gives each group of `o` the ordinal (its colour in the views) it got when `seen` first met it,
    /// and the next free one to a new group: a group's colour does not shift when other groups
    /// appear or disappear. `seen` lives as long as the connection (the caller's).
    static void keepOrdinals(observe::Observation& o, std::map<std::string, std::int32_t>& seen);

    /// Rebalances that `after` shows against `before` (the previous refresh).
    static std::vector<ObservedRebalance> rebalances(const observe::Observation& before,
                                                     const observe::Observation& after);
};

} // namespace fluxolab::labs
