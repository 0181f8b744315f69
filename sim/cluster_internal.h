#pragma once
// Private to the simulation's implementation files (cluster.cpp, producer.cpp, group_coordinator.cpp):
// the timer kinds, producer-side buffers and small helpers they share. Not part of the API.

#include "sim/cluster.h"
#include "sim/invariant.h"

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fluxolab::sim {


enum class Simulation::TimerKind : std::uint16_t {
    ProducerLinger,   ///< a = producer
    ProducerRetry,    ///< a = producer, b = request id of the batch to resend
    ProduceArrive,    ///< b = request id
    ProduceResponse,  ///< b = request id
    ProduceTimeout,   ///< b = request id
    FetchArrive,      ///< a = topic index, b = packed (partition, replica, epoch)
    FetchResponse,    ///< a = topic index, b = packed (partition, replica, epoch)
    FetchParkTimeout, ///< a = topic index, b = packed (partition, replica, epoch)
    IsrCheck,         ///< a = broker
    RetentionCheck,
    LeaderRebalance,
    BrokerFence,      ///< a = broker, b = stop serial
    ConsumerPoll,     ///< a = consumer
    ConsumerHeartbeat, ///< a = consumer
    JoinArrive,       ///< a = consumer, b = join token
    JoinResponse,     ///< a = consumer, b = join token
    SyncArrive,       ///< a = consumer, b = join token
    SyncResponse,     ///< a = consumer, b = join token
    SessionCheck,     ///< a = group index, b = member serial
    RebalanceTimeout, ///< a = group index, b = rebalance token
    InitialDelay,     ///< a = group index, b = rebalance token
    CommitArrive,     ///< a = consumer, b = async commit id
    GroupCleanup,
};

struct Simulation::PendingBatch {
    TopicPartition tp;
    std::vector<Record> records;
    std::vector<std::int64_t> sizes;
    std::int64_t bytes = 0;
    TimeMs created_ms = 0;
    std::int32_t attempts = 0;
};

struct Simulation::ProducerData {
    std::int32_t index = 0;
    ProducerConfig config;
    std::string client_id;
    std::map<TopicPartition, std::deque<PendingBatch>> queues;
    std::set<TopicPartition> in_flight;
    std::map<std::string, std::int32_t> sticky;
    std::map<std::string, std::int64_t> sticky_bytes;
    std::map<std::string, std::uint32_t> rr_counter;
    std::map<TopicPartition, std::uint32_t> next_seq;
    TimeMs linger_at = -1;
    std::string value_template = "{key}-{seq}";
    std::int64_t pending = 0;
    bool closed = false;
};

struct Simulation::InFlight {
    std::int32_t producer = 0;
    PendingBatch batch;
    BrokerId broker = -1;
    Acks acks = Acks::All;
    ErrorCode error = ErrorCode::NONE;
    Offset base = -1;
    bool done = false;
    std::vector<std::pair<TimeMs, std::uint64_t>> timeouts; ///< pending ProduceTimeout timers
};

namespace detail {
constexpr std::int64_t kRecordOverheadBytes = 10; // varint lengths, attributes, deltas
constexpr std::int64_t kBatchOverheadBytes = 61;  // RecordBatch header
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
