#pragma once
// Private to the simulation's implementation files (cluster.cpp, producer.cpp, kafka/*.cpp): small
// helpers they share. Not part of the API.

#include "sim/cluster.h"
#include "sim/invariant.h"
#include "sim/kafka/consumers.h"
#include "sim/kafka/group_coordinator.h"
#include "sim/kafka/producers.h"
#include "sim/kafka/replication.h"

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fluxolab::sim {

/// Appends an event of `type` at `now` to `journal` (every component's emitEvent).
inline Event& emitAt(Journal& journal, TimeMs now, EventType type) {
    Event e;
    e.time = now;
    e.type = type;
    return journal.append(e);
}

/// What the producers see of the brokers: Simulation's topics, partitions, leader logs and journal.
struct Simulation::ProduceBrokersPort final : kafka::ProduceBrokers {
    explicit ProduceBrokersPort(Simulation& owner) : sim(owner) {}
    TopicState* topicForProduce(const std::string& name, bool auto_create) override {
        TopicState* t = sim.m_replication->findTopic(name);
        if (!t && auto_create && sim.m_config.defaults.auto_create_topics_enable) {
            const auto& d = sim.m_config.defaults;
            if (sim.createTopic(name, d.num_partitions, d.default_replication_factor).ok())
                t = sim.m_replication->findTopic(name);
        }
        return t;
    }
    PartitionState* partitionForProduce(const TopicPartition& tp) override {
        return sim.m_replication->findPartition(tp);
    }
    bool brokerAlive(BrokerId id) const override { return sim.m_replication->brokerAlive(id); }
    void appendToLeader(TopicState& t, PartitionState& p, const std::vector<Record>& records, std::int32_t producer,
                        const std::vector<std::int64_t>& sizes) override {
        sim.m_replication->appendToLeader(t, p, records, producer, sizes);
    }
    Event& emitEvent(EventType type) override { return emitAt(sim.m_journal, sim.now(), type); }
    Simulation& sim;
};

/// What replication tells the others: the producers (requests waiting on a leader) and the group
/// coordinator (coordinators that stop or move).
struct Simulation::ReplicationEventsPort final : kafka::ReplicationEvents {
    explicit ReplicationEventsPort(Simulation& owner) : sim(owner) {}
    void highWatermarkAdvanced(PartitionState& p) override { sim.m_producers->highWatermarkAdvanced(p); }
    void leaderStopped(PartitionState& p) override { sim.m_producers->leaderStopped(p); }
    void brokerStopped(BrokerId id) override { sim.m_coordinator->coordinatorStopped(id); }
    void leadershipChanged() override { sim.m_coordinator->refreshCoordinators(); }
    Simulation& sim;
};

/// What the group coordinator reads of the brokers: registration, liveness and where
/// __consumer_offsets' partitions lead (kafka::OffsetsLog).
struct Simulation::OffsetsLogPort final : kafka::OffsetsLog {
    explicit OffsetsLogPort(Simulation& owner) : sim(owner) {}
    std::int32_t brokerCount() const override { return static_cast<std::int32_t>(sim.m_replication->brokers().size()); }
    std::int32_t registeredBrokers() const override { return sim.m_replication->registeredBrokers(); }
    bool brokerAlive(BrokerId id) const override { return sim.m_replication->brokerAlive(id); }
    std::int32_t offsetsPartitions() const override {
        const TopicState* t = sim.m_replication->topic(kOffsetsTopic);
        return t ? static_cast<std::int32_t>(t->partitions.size()) : 0;
    }
    BrokerId offsetsLeader(std::int32_t partition) const override {
        const TopicState* t = sim.m_replication->topic(kOffsetsTopic);
        FLUXOLAB_INVARIANT(t && partition >= 0 && partition < static_cast<std::int32_t>(t->partitions.size()),
                           "an existing __consumer_offsets partition");
        return t->partitions[static_cast<std::size_t>(partition)].leader;
    }
    void createOffsetsTopic(std::int32_t partitions, std::int32_t replication_factor,
                            const std::map<std::string, std::string>& configs) override {
        sim.m_replication->createTopic(kOffsetsTopic, partitions, replication_factor, configs);
    }
    static constexpr const char* kOffsetsTopic = "__consumer_offsets";
    Simulation& sim;
};

/// What the consumer clients read of the logs, and the metadata request's auto-creation (kafka::ConsumerLogs).
struct Simulation::ConsumerLogsPort final : kafka::ConsumerLogs {
    explicit ConsumerLogsPort(Simulation& owner) : sim(owner) {}
    const TopicState* topic(const std::string& name) const override { return sim.m_replication->topic(name); }
    const std::map<std::string, TopicState>& allTopics() const override { return sim.m_replication->topics(); }
    bool brokerAlive(BrokerId id) const override { return sim.m_replication->brokerAlive(id); }
    void autoCreateTopic(const std::string& name) override {
        const auto& d = sim.m_config.defaults;
        sim.m_replication->createTopic(name, d.num_partitions, d.default_replication_factor, {});
    }
    Simulation& sim;
};

namespace detail {
constexpr std::int64_t kBatchOverheadBytes = 61;  // DefaultRecordBatch.RECORD_BATCH_OVERHEAD (v2 header)
/// DefaultRecord.MAX_RECORD_OVERHEAD: a record's size varint, attributes, timestamp and offset deltas at
/// their largest (5 + 1 + 10 + 5 bytes).
constexpr std::int64_t kMaxRecordOverheadBytes = 21;

/// ByteUtils.sizeOfVarlong: bytes of the zig-zag varint encoding of `v`.
constexpr std::int64_t varlongSize(std::int64_t v) {
    std::uint64_t z = (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
    std::int64_t n = 1;
    while (z >= 0x80) {
        z >>= 7;
        ++n;
    }
    return n;
}
/// ByteUtils.sizeOfVarint (an int's zig-zag encoding is the long's for the same value).
constexpr std::int64_t varintSize(std::int32_t v) { return varlongSize(v); }

/// DefaultRecord.sizeOf: key and value with their length varints (-1 = null) and no headers.
constexpr std::int64_t recordKeyValueSize(std::int32_t key_size, std::int32_t value_size) {
    const std::int64_t key = key_size < 0 ? varintSize(-1) : varintSize(key_size) + key_size;
    const std::int64_t value = value_size < 0 ? varintSize(-1) : varintSize(value_size) + value_size;
    return key + value + varintSize(0); // the header count
}

/// DefaultRecord.sizeInBytes: the record's bytes in a v2 batch (uncompressed), its size varint included.
/// The deltas are from the batch's first record (offset delta = its place in the batch).
constexpr std::int64_t recordSizeInBatch(std::int32_t offset_delta, std::int64_t timestamp_delta,
                                         std::int32_t key_size, std::int32_t value_size) {
    const std::int64_t body =
        1 + varlongSize(timestamp_delta) + varintSize(offset_delta) + recordKeyValueSize(key_size, value_size);
    return body + varintSize(static_cast<std::int32_t>(body));
}
static_assert(varintSize(0) == 1 && varintSize(-1) == 1 && varintSize(63) == 1 && varintSize(64) == 2 &&
              varintSize(-64) == 1 && varintSize(-65) == 2 && varlongSize(8191) == 2 && varlongSize(8192) == 3);
// A keyless record with a 16-byte value opening a batch: 1 + 1 + 1 + 1 + (1 + 16) + 1 = 22 body bytes + 1.
static_assert(recordSizeInBatch(0, 0, -1, 16) == 23);
/// log.message.timestamp.before.max.ms / after.max.ms, the broker's defaults for a topic's
/// message.timestamp.before.max.ms / after.max.ms (Kafka 4.3.1's ServerLogConfigs: no lower bound, at most
/// one hour ahead of the broker's clock).
constexpr std::int64_t kTimestampBeforeMaxMsDefault = 9223372036854775807;
constexpr std::int64_t kTimestampAfterMaxMsDefault = 3600000;
/// message.max.bytes, the broker's default for a topic's max.message.bytes (Kafka 4.3.1).
constexpr std::int64_t kMessageMaxBytesDefault = 1048588;
constexpr std::int32_t kMaxFetchRecords = 4096;   // per replica fetch (stands for replica.fetch.max.bytes)

inline std::int64_t packFetch(std::int32_t partition, std::size_t replica, std::uint32_t epoch) {
    return (static_cast<std::int64_t>(partition) << 40) | (static_cast<std::int64_t>(replica) << 32) |
           static_cast<std::int64_t>(epoch);
}
inline std::int32_t fetchPartition(std::int64_t b) { return static_cast<std::int32_t>(b >> 40); }
inline std::size_t fetchReplica(std::int64_t b) { return static_cast<std::size_t>((b >> 32) & 0xFF); }
inline std::uint32_t fetchEpoch(std::int64_t b) { return static_cast<std::uint32_t>(b & 0xFFFFFFFF); }

inline bool isRetriable(ErrorCode e) {
    switch (e) {
    case ErrorCode::NOT_ENOUGH_REPLICAS:
    case ErrorCode::NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode::NOT_LEADER_OR_FOLLOWER:
    case ErrorCode::LEADER_NOT_AVAILABLE:
    case ErrorCode::NETWORK_EXCEPTION:
    case ErrorCode::REQUEST_TIMED_OUT:
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION: return true;
    default: return false;
    }
}

inline std::int64_t parseLong(const std::map<std::string, std::string>& m, const char* key, std::int64_t fallback) {
    const auto it = m.find(key);
    if (it == m.end()) return fallback;
    return std::stoll(it->second);
}
} // namespace detail

} // namespace fluxolab::sim
