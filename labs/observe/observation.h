#pragma once
// The observation model: a backend-neutral snapshot of a Kafka cluster at one moment, which every
// view of the app draws from. The simulation fills it completely (labs/observe/sim_observer.h),
// for "now" or for any past moment of its journal; a real cluster (a librdkafka backend) fills
// what its admin API shows and says what it cannot with capability flags, which the views use to
// hide what is not available rather than show something a real cluster would not.
//
// Plain data: names, ids and numbers as a Kafka tool prints them. No Qt, no simulation state
// (only the plain value types of sim/types.h and sim/journal.h).

#include "sim/journal.h"
#include "sim/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fluxolab::labs::observe {

/// What a backend can show. A view that needs a capability the observation lacks is hidden (a
/// tab) or draws without that part (a column, an animation).
enum class Capability : std::uint32_t {
    TimeTravel = 1u << 0,        ///< any past moment can be shown (a journal and a timeline)
    RecordsInFlight = 1u << 1,   ///< records sent and not yet acknowledged/fetched are known
    ReplicaFetchState = 1u << 2, ///< each replica's log end offset, not only the leader's and the ISR
    RebalanceInternals =
        1u << 3,               ///< the inside of a rebalance: join/sync phases, revocations, as they happen
    RecordAnimation = 1u << 4, ///< every record's journey (produce, replicate, fetch) can be animated
    RecordContents = 1u << 5,  ///< keys and values of the records stored in the logs
    ClientInternals =
        1u << 6, ///< each client's own state (producer acks/retries, consumer positions, pauses)
};

class Capabilities {
public:
    constexpr Capabilities() = default;
    constexpr Capabilities(std::initializer_list<Capability> caps) {
        for (Capability c : caps)
            m_bits |= static_cast<std::uint32_t>(c);
    }
    /// Everything (what the simulation gives).
    static constexpr Capabilities all() {
        Capabilities c;
        c.m_bits = (1u << 7) - 1;
        return c;
    }
    constexpr bool has(Capability c) const { return (m_bits & static_cast<std::uint32_t>(c)) != 0; }
    /// Every capability of `needed` is here.
    constexpr bool covers(Capabilities needed) const { return (m_bits & needed.m_bits) == needed.m_bits; }
    constexpr Capabilities without(Capability c) const {
        Capabilities out = *this;
        out.m_bits &= ~static_cast<std::uint32_t>(c);
        return out;
    }
    constexpr std::uint32_t bits() const { return m_bits; }
    constexpr bool operator==(const Capabilities&) const = default;

private:
    std::uint32_t m_bits = 0;
};

using PartitionKey = std::pair<std::string, std::int32_t>; ///< (topic name, partition)

struct Broker {
    sim::BrokerId id = -1;
    std::string host;
    std::int32_t port = 0;
    bool alive = true;
    bool fenced = false;
    bool controller = false; ///< the active KRaft controller
};

struct Topic {
    std::string name;
    std::string topic_id; ///< empty when not known for this moment
    std::int32_t partitions = 0;
    std::int32_t replication_factor = 0;
    std::vector<std::pair<std::string, std::string>> configs; ///< overrides only, as --describe prints them
    bool internal = false;                                    ///< __consumer_offsets and the like
};

struct Partition {
    std::string topic;
    std::int32_t partition = 0;
    sim::BrokerId leader = -1; ///< -1: none
    std::int32_t leader_epoch = 0;
    std::vector<sim::BrokerId> replicas; ///< assignment order
    std::vector<sim::BrokerId> isr;
    sim::Offset log_start = 0;
    sim::Offset high_watermark = 0;
    sim::Offset log_end = 0; ///< the leader's LEO
    /// Each replica's LEO, parallel to `replicas` (empty without Capability::ReplicaFetchState).
    std::vector<sim::Offset> replica_log_end;
};

struct Member {
    std::int32_t consumer = -1; ///< index into Observation::consumers (-1: a client we do not know)
    std::string member_id;      ///< empty when not known
    std::string client_id;
    std::string host;
    std::vector<PartitionKey> assigned; ///< in the order the backend reports them
};

struct Group {
    std::string name;
    sim::GroupState state = sim::GroupState::Empty;
    std::string protocol; ///< assignor in use ("range", "cooperative-sticky"; empty: none yet)
    /// The assignor the members prefer (first of partition.assignment.strategy) while the group
    /// has no protocol yet; empty when not known.
    std::string preferred_protocol;
    std::int32_t generation = 0;
    sim::BrokerId coordinator = -1; ///< -1: none elected
    std::string coordinator_host;   ///< "localhost:9093" (empty: none)
    bool coordinator_down = false;  ///< none elected, or its broker is down: nobody serves the group
    bool internal = false;
    std::string leader; ///< the group leader's client id (RebalanceInternals; empty: none or not known)
    std::vector<Member> members;
    std::map<PartitionKey, sim::Offset> committed;
    /// Lag against the high watermark, from the committed offset (kafka-consumer-groups --describe).
    std::map<PartitionKey, sim::Offset> lag;
};

struct Consumer {
    std::string client_id;
    std::string group; ///< empty: no group (manual assignment)
    std::string host;
    bool closed = false;
    bool paused = false;                          ///< not polling at this moment (ClientInternals)
    std::vector<PartitionKey> assigned;           ///< what the client believes it owns
    std::map<PartitionKey, sim::Offset> position; ///< next offset to fetch (ClientInternals)
    std::int64_t consumed = 0;                    ///< records returned by poll() so far (ClientInternals)
};

struct Producer {
    std::string client_id;
    std::int64_t acked = 0; ///< ClientInternals
    std::int64_t failed = 0;
    std::int64_t retries = 0;
};

/// The cluster at one moment.
struct Observation {
    Capabilities capabilities;
    sim::TimeMs time = 0;              ///< the moment shown (virtual ms for the simulation)
    bool live = true;                  ///< the newest state, not a moment of the past
    std::vector<Broker> brokers;       ///< by id
    std::vector<Topic> topics;         ///< by name
    std::vector<Partition> partitions; ///< by (topic, partition)
    std::vector<Group> groups;         ///< by name
    std::vector<Consumer> consumers;   ///< by client index (closed ones stay)
    std::vector<Producer> producers;   ///< by client index
    /// RecordsInFlight: records written to a leader and not committed yet (above the high watermark).
    std::int64_t records_in_flight = 0;

    bool has(Capability c) const { return capabilities.has(c); }
    const Topic* topic(const std::string& name) const;
    const Partition* partition(const std::string& topic, std::int32_t partition) const;
    const Group* group(const std::string& name) const;
    const Broker* broker(sim::BrokerId id) const;
    /// The active controller's id (-1: none).
    sim::BrokerId controller() const;
};

/// Kafka's internal topics and groups (names starting with "__") that the tools hide by default.
bool isInternalName(const std::string& name);

} // namespace fluxolab::labs::observe
