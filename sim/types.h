#pragma once
// Value types shared across the simulation. No Qt, no I/O.

#include "sim/runtime/time.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>

namespace fluxolab::sim {

using TimeMs = runtime::TimeMs; ///< virtual time in milliseconds since the scenario start

/// Epoch milliseconds of virtual time 0 (2025-01-01T00:00:00Z), the brokers' and clients' wall clock.
/// A record's timestamp is always epoch milliseconds, as Kafka stores it: a producer's default CreateTime
/// and a LogAppendTime are kClockEpochMs + now(), a timestamp a producer sets (a trace's event time) is
/// kept as given, and the broker's timestamp checks read the clock the same way. Only virtual times (event
/// and journal times, now()) are counted from 0.
inline constexpr TimeMs kClockEpochMs = 1735689600000;
/// The brokers' and clients' clock (epoch milliseconds) at virtual time `t`.
constexpr TimeMs epochMs(TimeMs t) { return kClockEpochMs + t; }
using Offset = std::int64_t;   ///< Kafka log offset
using BrokerId = std::int32_t; ///< broker node id (1-based, as in the course's KRaft install)

struct TopicPartition {
    std::string topic;
    std::int32_t partition = 0;

    friend auto operator<=>(const TopicPartition&, const TopicPartition&) = default;
    friend bool operator==(const TopicPartition&, const TopicPartition&) = default;
    /// "topic-3", as Kafka's TopicPartition.toString() prints it.
    std::string str() const { return topic + "-" + std::to_string(partition); }
};

/// Kafka protocol error codes, with Kafka's own names and numbers (org.apache.kafka.common.protocol.Errors).
/// Text is made at the edge (CLI emulation, tr() in the app), never here.
enum class ErrorCode : std::int16_t {
    NONE = 0,
    OFFSET_OUT_OF_RANGE = 1,
    UNKNOWN_TOPIC_OR_PARTITION = 3,
    LEADER_NOT_AVAILABLE = 5,
    NOT_LEADER_OR_FOLLOWER = 6,
    REQUEST_TIMED_OUT = 7,
    MESSAGE_TOO_LARGE = 10, ///< the batch is larger than the topic's max.message.bytes
    NETWORK_EXCEPTION = 13,
    COORDINATOR_LOAD_IN_PROGRESS = 14,
    COORDINATOR_NOT_AVAILABLE = 15,
    NOT_COORDINATOR = 16,
    INVALID_TOPIC_EXCEPTION = 17,
    NOT_ENOUGH_REPLICAS = 19,
    NOT_ENOUGH_REPLICAS_AFTER_APPEND = 20,
    ILLEGAL_GENERATION = 22,
    INCONSISTENT_GROUP_PROTOCOL = 23,
    UNKNOWN_MEMBER_ID = 25,
    INVALID_SESSION_TIMEOUT = 26,
    REBALANCE_IN_PROGRESS = 27,
    TOPIC_AUTHORIZATION_FAILED = 29,
    /// A record's CreateTime timestamp outside [broker clock - message.timestamp.before.max.ms, broker clock +
    /// message.timestamp.after.max.ms] of its topic (LogValidator.validateTimestamp): the batch is refused.
    INVALID_TIMESTAMP = 32,
    TOPIC_ALREADY_EXISTS = 36,
    INVALID_PARTITIONS = 37,
    INVALID_REPLICATION_FACTOR = 38,
    INVALID_CONFIG = 40,
    INVALID_REQUEST = 42, ///< e.g. an IncrementalAlterConfigs naming a key twice
    POLICY_VIOLATION = 44,
    OUT_OF_ORDER_SEQUENCE_NUMBER = 45,
    NON_EMPTY_GROUP = 68,
    GROUP_ID_NOT_FOUND = 69,
    MEMBER_ID_REQUIRED = 79,
    OFFSET_NOT_AVAILABLE = 78,
    GROUP_MAX_SIZE_REACHED = 81,
    GROUP_SUBSCRIBED_TO_TOPIC = 86,
    UNKNOWN_SERVER_ERROR = -1,
    // Client-side conditions that Kafka reports as exceptions rather than protocol errors.
    CLIENT_DELIVERY_TIMEOUT = 1001,  ///< TimeoutException: delivery.timeout.ms expired
    CLIENT_NO_OFFSET_FOR_PARTITION = 1002, ///< NoOffsetForPartitionException (auto.offset.reset=none)
    CLIENT_METADATA_TIMEOUT = 1003, ///< TimeoutException: send() found no metadata for the topic in max.block.ms
    /// CommitFailedException: a subscribed consumer not part of an active group (kicked out, its generation
    /// reset) fails its commit without sending it (ConsumerCoordinator.sendOffsetCommitRequest).
    CLIENT_COMMIT_FAILED = 1004,
    /// RebalanceInProgressException from the client itself: a subscribed consumer that is joining or
    /// syncing fails its commit without sending it (ConsumerCoordinator.sendOffsetCommitRequest).
    CLIENT_REBALANCE_IN_PROGRESS = 1005,
    /// KafkaException "Producer closed while send in progress": close() woke a send() blocked waiting for
    /// the topic's metadata (KafkaProducer.doSend); thrown to the caller, no callback.
    CLIENT_PRODUCER_CLOSED = 1006,
    CLIENT_RECORD_TOO_LARGE = 1007, ///< RecordTooLargeException in send(): the record's size bound exceeds
                                    ///< max.request.size (or buffer.memory)
};

/// The KRaft controller's answer to a leader election (ElectLeaders) for one partition.
enum class ElectionOutcome : std::uint8_t {
    Elected,          ///< a new leader: the preferred replica, or (unclean) a live replica
    NotNeeded,        ///< preferred: it led already; unclean: the partition has a leader (ELECTION_NOT_NEEDED)
    NotAvailable,     ///< preferred: it is down, fenced or out of the ISR (PREFERRED_LEADER_NOT_AVAILABLE);
                      ///< unclean: no live replica (ELIGIBLE_LEADERS_NOT_AVAILABLE)
    UnknownPartition, ///< no such topic or partition (UNKNOWN_TOPIC_OR_PARTITION)
};

/// Kafka's constant name for an error code ("NOT_ENOUGH_REPLICAS"), used in journals and logs.
const char* errorName(ErrorCode code);

/// The KRaft controller bounds what one user operation may write (Kafka 4.3.1,
/// QuorumController.MAX_RECORDS_PER_USER_OP and ReplicationControlManager.MAX_PARTITIONS_PER_BATCH).
/// A CreateTopics request may ask for at most kMaxPartitionsPerRequest partitions in all, and one
/// topic's records (a TopicRecord, one ConfigRecord per config, one PartitionRecord per partition)
/// must fit in kMaxRecordsPerUserOp: so a topic can be created with at most
/// kMaxRecordsPerUserOp - 1 - configs partitions (9999 without configs).
inline constexpr std::int32_t kMaxRecordsPerUserOp = 10000;
inline constexpr std::int32_t kMaxPartitionsPerRequest = 10000;
/// The largest partition count createTopic accepts for a topic with `configs` config overrides.
constexpr std::int32_t maxPartitionsForNewTopic(std::size_t configs) {
    return kMaxRecordsPerUserOp - 1 - static_cast<std::int32_t>(configs);
}

/// AdminResult::detail1 of a POLICY_VIOLATION: which bound was hit.
enum class PolicyLimit : std::int64_t {
    PartitionsPerRequest = 1, ///< "Excessively large number of partitions per request."
    RecordsPerOperation = 2,  ///< "Unable to perform excessively large batch operation."
};

/// Outcome of an admin operation; `error` uses Kafka's codes. `detail` carries the numbers that
/// Kafka's message would include (e.g. requested replication factor and registered brokers).
struct AdminResult {
    ErrorCode error = ErrorCode::NONE;
    std::int64_t detail1 = 0;
    std::int64_t detail2 = 0;
    std::string detail_text; ///< INVALID_CONFIG: the broker's message (sim/topic_configs.h)
    bool ok() const { return error == ErrorCode::NONE; }
};

} // namespace fluxolab::sim
