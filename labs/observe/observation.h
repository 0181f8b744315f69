#pragma once
// The observation model: a backend-neutral snapshot of a Kafka cluster at one moment, which every
// view of the app draws from. The simulation fills it completely (labs/observe/sim_observer.h),
// for "now" or for any past moment of its journal; a real cluster (a librdkafka backend) fills
// what its admin API shows and says what it cannot with capability flags, which the views use to
// hide what is not available rather than show something a real cluster would not.
//
// Plain data: names, ids and numbers as a Kafka tool prints them. No Qt, no simulation state
// (only the plain values of labs/observe/values.h and sim/journal.h).

#include "labs/observe/values.h"
#include "sim/journal.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// The plain value types of the model, so that views need no sim/ names.
using labs::BrokerId;
using labs::Offset;
using labs::TimeMs;

using PartitionKey = std::pair<std::string, std::int32_t>; ///< (topic name, partition)

/// A consumer group's state as Kafka's admin API reports it (org.apache.kafka.common.GroupState of
/// the classic protocol, in Kafka's order). The KIP-848 states (Assigning, Reconciling) are left
/// out: neither the simulation nor the librdkafka FluxoLab builds against has consumer-protocol groups.
enum class GroupState : std::uint8_t { Unknown, PreparingRebalance, CompletingRebalance, Stable, Dead, Empty };
/// Kafka's exact name ("PreparingRebalance"), as kafka-consumer-groups prints it.
const char* groupStateName(GroupState state);
/// Kafka's name as the enum; std::nullopt for a name Kafka does not use.
std::optional<GroupState> parseGroupState(std::string_view name);
/// The simulation's group state (its journal's) as Kafka's.
GroupState groupState(sim::GroupState state);
/// PreparingRebalance or CompletingRebalance.
inline bool isRebalancing(GroupState s) {
    return s == GroupState::PreparingRebalance || s == GroupState::CompletingRebalance;
}

/// What a consumer is doing, as Kafka sees it (one status per consumer, in this order of precedence:
/// LeftUnaware, NotPolling, Stopped, NoPartitions, Consuming).
enum class ConsumerStatus : std::uint8_t {
    Consuming,    ///< a member with partitions, polling
    NoPartitions, ///< a member with nothing assigned
    Stopped,      ///< rebalancing with nothing to consume
    LeftUnaware,  ///< no longer a member (e.g. its heartbeat thread left after max.poll.interval.ms)
                  ///< but still holding its old partitions: it finds out at its next poll()
    NotPolling    ///< a member that stopped calling poll() (a slow application), still in the group
};

/// A status that means the consumer is not consuming what it should (drawn as a warning).
inline bool isAlarming(ConsumerStatus s) {
    return s == ConsumerStatus::Stopped || s == ConsumerStatus::LeftUnaware || s == ConsumerStatus::NotPolling;
}

/// Where a group's rebalance is (RebalanceInternals).
enum class RebalancePhase : std::uint8_t {
    None,         ///< no rebalance going on
    StopTheWorld, ///< eager protocol: every member revoked everything and stopped consuming
    CoopRevoke,   ///< cooperative, phase 1: members rejoin, unaffected partitions keep flowing
    CoopUnowned,  ///< cooperative, between phases: moved partitions were revoked and have no owner
    CoopAssign,   ///< cooperative, phase 2: the follow-up rebalance hands the moved partitions over
    /// cooperative, one rebalance: partitions whose member left the group (closed, or removed from it)
    /// are unowned and this rebalance assigns them; no follow-up rebalance (nothing was revoked from a
    /// member that stays)
    CoopLeft
};

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
    bool operator==(const Partition&) const = default;
};

/// A partition revoked from or assigned to a member, shortly before the moment shown
/// (RebalanceInternals; newest first).
struct PartitionChange {
    std::int32_t consumer = -1; ///< index into Observation::consumers
    PartitionKey partition;
    sim::TimeMs time = 0;
    bool revoked = false;        ///< else assigned
    bool this_rebalance = false; ///< a revocation in the rebalance still going on at the moment shown
    bool lost = false;           ///< a revocation by onPartitionsLost (the member's generation was reset)
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
    GroupState state = GroupState::Empty;
    std::string protocol; ///< assignor in use ("range", "cooperative-sticky"; empty: none yet)
    /// The assignor the members prefer (first of partition.assignment.strategy) while the group
    /// has no protocol yet; empty when not known.
    std::string preferred_protocol;
    std::int32_t generation = 0;
    /// `generation` is known: the simulation always knows it; a real cluster's Admin API does not
    /// tell it, the real-cluster mode reads it from __consumer_offsets (labs/rdkafka/group_log.h).
    bool generation_known = false;
    sim::BrokerId coordinator = -1; ///< -1: none elected
    std::string coordinator_host;   ///< "localhost:9093" (empty: none)
    bool coordinator_down = false;  ///< none elected, or its broker is down: nobody serves the group
    bool internal = false;
    std::string leader; ///< the group leader's client id (RebalanceInternals; empty: none or not known)
    /// A number that stays the group's for the whole session (its colour; -1: not known).
    std::int32_t ordinal = -1;
    std::int32_t leader_consumer = -1; ///< the leader as an index into Observation::consumers (-1: none)
    /// The rebalance protocol of `protocol` (or, before the first generation, `preferred_protocol`).
    bool cooperative = false;
    RebalancePhase phase = RebalancePhase::None; ///< RebalanceInternals
    /// Partitions revoked recently that no member owns now, by name (RebalanceInternals; empty when
    /// the whole group stopped: eager).
    std::vector<PartitionKey> unowned;
    /// Of `unowned`, those a new assignment revoked from a member that stays in the group (cooperative:
    /// that member rejoins and the follow-up rebalance hands them over). The others' member left.
    std::vector<PartitionKey> unowned_moved;
    std::vector<PartitionChange> changes; ///< RebalanceInternals: recent revocations and assignments
    std::vector<Member> members;
    std::map<PartitionKey, sim::Offset> committed;
    /// Lag against the high watermark, from the committed offset (kafka-consumer-groups --describe).
    std::map<PartitionKey, sim::Offset> lag; ///< sim/lag.h: HW - committed, not clamped; absent when "-" (no commit, no leader)
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
    ConsumerStatus status = ConsumerStatus::Consuming; ///< what Kafka would say it is doing
    bool member = false;                          ///< a member of its group at this moment
};

struct Producer {
    std::string client_id;
    std::int64_t acked = 0; ///< ClientInternals
    std::int64_t failed = 0;
    std::int64_t retries = 0;
    std::string topic; ///< the topic it writes to (empty: not known)
    bool closed = false; ///< closed (a console producer ended by Ctrl+D): no longer a client to show
};

/// Records a producer appended to a partition's leader shortly before the moment shown: the batch
/// travelling on the canvas (RecordsInFlight / RecordAnimation; newest first).
struct Append {
    std::int32_t producer = -1; ///< index into Observation::producers
    PartitionKey partition;
    sim::Offset base_offset = 0;
    std::int64_t count = 0;
    sim::TimeMs time = 0;
    std::uint32_t key_id = 0;   ///< the first record's key identity (colour; 0: null or not known)
    std::string key;            ///< its key as text (RecordContents; empty: null or not known)
    std::int32_t partitions = 0;     ///< the topic's partition count at the moment shown
    std::int32_t key_partition = -1; ///< murmur2(key) % partitions, the default partitioner's choice (-1: no key)
};

/// Something worth a mark on the timeline bar (TimeTravel): where the journal shows it.
struct TimelineMarker {
    enum class Kind : std::uint8_t { Rebalance, BrokerDown, Election };
    Kind kind = Kind::Rebalance;
    std::size_t position = 0; ///< journal events before it (the timeline's cursor value that shows it)
    sim::TimeMs time = 0;
    std::string subject;      ///< the group, or the first partition elected ("orders-1"); empty for a broker
    /// The generation; the broker id; the number of partitions that got a new leader at that moment.
    std::int32_t value = 0;
};

/// The timeline's markers of a run, shared between the observations that show them: markers are
/// only appended (and the last one's count raised while partitions are elected at its moment), so
/// an observation holds one pointer to them instead of a copy of every marker of the run, and its
/// cost does not grow with the run's length. Full chunks of kChunk markers are never written again
/// and are shared by every later version; a change to a list another copy still holds copies the
/// chunk pointers and the last, partial chunk only (at most kChunk markers).
class TimelineMarkers {
public:
    static constexpr std::size_t kChunk = 256;
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = TimelineMarker;
        using difference_type = std::ptrdiff_t;
        using pointer = const TimelineMarker*;
        using reference = const TimelineMarker&;
        const_iterator() = default;
        reference operator*() const { return (*m_list)[m_index]; }
        pointer operator->() const { return &(*m_list)[m_index]; }
        const_iterator& operator++() {
            ++m_index;
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator old = *this;
            ++m_index;
            return old;
        }
        bool operator==(const const_iterator& o) const { return m_index == o.m_index; }

    private:
        friend class TimelineMarkers;
        const_iterator(const TimelineMarkers* list, std::size_t index) : m_list(list), m_index(index) {}
        const TimelineMarkers* m_list = nullptr;
        std::size_t m_index = 0;
    };

    TimelineMarkers() = default;
    TimelineMarkers(std::initializer_list<TimelineMarker> markers) {
        for (const TimelineMarker& m : markers) push_back(m);
    }
    std::size_t size() const { return m_body ? m_body->size : 0; }
    bool empty() const { return size() == 0; }
    const TimelineMarker& operator[](std::size_t i) const {
        const Body& b = *m_body;
        const std::size_t c = i / kChunk;
        return c < b.full.size() ? (*b.full[c])[i % kChunk] : b.tail[i - b.full.size() * kChunk];
    }
    const TimelineMarker& back() const { return (*this)[size() - 1]; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

    /// Appends `m` (copies the chunk pointers and the partial chunk first when another list shares them).
    void push_back(TimelineMarker m) {
        Body& b = own();
        b.tail.push_back(std::move(m));
        ++b.size;
        if (b.tail.size() == kChunk) { // full: never written again, shared by every later copy
            b.full.push_back(std::make_shared<const std::vector<TimelineMarker>>(std::move(b.tail)));
            b.tail.clear();
            b.tail.reserve(kChunk);
        }
    }
    /// The last marker, to change it (see push_back; a full chunk's last marker is copied into the tail first).
    TimelineMarker& back() {
        Body& b = own();
        if (b.tail.empty()) { // the last one is in a full chunk: that chunk becomes the tail again
            b.tail = *b.full.back();
            b.full.pop_back();
        }
        return b.tail.back();
    }
    void clear() { m_body.reset(); }
    /// Both lists are the same memory (a copy not changed since).
    bool sharesStorageWith(const TimelineMarkers& o) const { return m_body && m_body == o.m_body; }
    bool operator==(const TimelineMarkers& o) const {
        return size() == o.size() && std::equal(begin(), end(), o.begin(), [](const TimelineMarker& a, const TimelineMarker& b) {
                   return a.kind == b.kind && a.position == b.position && a.time == b.time && a.subject == b.subject &&
                          a.value == b.value;
               });
    }

private:
    struct Body {
        std::vector<std::shared_ptr<const std::vector<TimelineMarker>>> full; ///< kChunk markers each
        std::vector<TimelineMarker> tail;                                     ///< the last ones (fewer than kChunk)
        std::size_t size = 0;
    };
    Body& own() {
        if (!m_body) m_body = std::make_shared<Body>();
        else if (m_body.use_count() > 1) m_body = std::make_shared<Body>(*m_body);
        return *m_body;
    }
    std::shared_ptr<Body> m_body;
};

/// The journal event the moment shown follows (TimeTravel), with its names resolved so that a view
/// describes it without the journal.
struct ShownEvent {
    sim::Event event; ///< its slots (times, ids, offsets, flags)
    /// Each field of the event type's schema as the journal renders it (Journal::fieldText), in the
    /// schema's order, names resolved: the app's text templates (Texts::event) fill in from these.
    std::vector<std::string> fields;
};

/// The key identity of the record at an offset of a partition as the log held it at the moment
/// shown (0: null key); std::nullopt: not known (removed since by retention, or no RecordContents).
using RecordKeyLookup = std::function<std::optional<std::uint32_t>(const std::string& topic, std::int32_t partition,
                                                                    sim::Offset offset)>;

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
    std::vector<Producer> producers;   ///< by client index (closed ones stay, marked)
    /// RecordsInFlight: records written to a leader and not committed yet (above the high watermark).
    std::int64_t records_in_flight = 0;
    std::vector<Append> appends;          ///< RecordsInFlight: recent appends, newest first
    TimelineMarkers markers;              ///< TimeTravel: the whole journal's, in order (shared, not copied)
    std::size_t position = 0;             ///< TimeTravel: the cursor (journal events shown)
    std::size_t journal_events = 0;       ///< TimeTravel: events in the whole journal (the cursor's range)
    std::optional<ShownEvent> event;      ///< TimeTravel: the last event shown (none at the start)
    RecordKeyLookup record_key;           ///< RecordContents (empty without it)

    bool has(Capability c) const { return capabilities.has(c); }
    const Topic* topic(const std::string& name) const;
    const Partition* partition(const std::string& topic, std::int32_t partition) const;
    const Group* group(const std::string& name) const;
    const Broker* broker(sim::BrokerId id) const;
    const Consumer* consumer(std::int32_t index) const;
    /// The active controller's id (-1: none).
    sim::BrokerId controller() const;
};

/// Kafka's internal topics and groups (names starting with "__") that the tools hide by default.
bool isInternalName(const std::string& name);

} // namespace fluxolab::labs::observe
