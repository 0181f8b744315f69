#pragma once
// The Kafka model's configuration as a scenario or a tool gives it: the cluster and its brokers'
// defaults, topic overrides, producer and consumer client configs (Kafka's defaults unless noted).
// Plain values: no Simulation here, so that the scenario format (sim/scenario_format.h) and the
// headers app/ reaches through labs/ can hold them without the simulation (issue #9).

#include "sim/assignors.h"
#include "sim/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::sim {

struct BrokerDefaults {
    std::int32_t num_partitions = 1;
    std::int32_t default_replication_factor = 1;
    std::int32_t min_insync_replicas = 1;
    bool unclean_leader_election_enable = false;
    std::int64_t replica_lag_time_max_ms = 30000;
    std::int64_t replica_fetch_wait_max_ms = 500;
    std::int64_t broker_session_timeout_ms = 9000; ///< KRaft: controller fences a silent broker after this
    std::int64_t log_retention_ms = 604800000;     ///< log.retention.hours=168
    std::int64_t log_retention_bytes = -1;
    std::int64_t log_segment_bytes = 1073741824;
    std::int64_t log_segment_ms = 604800000;         ///< log.roll.ms (log.roll.hours=168)
    std::int64_t log_roll_jitter_ms = 0;             ///< log.roll.jitter.ms: segment.jitter.ms's default
    /// LogManager schedules its retention check ("kafka-log-retention") first after
    /// log.initial.task.delay.ms, from the moment the broker publishes its first metadata image, then
    /// every log.retention.check.interval.ms.
    std::int64_t log_initial_task_delay_ms = 30000;
    std::int64_t log_retention_check_interval_ms = 300000;
    std::int64_t group_initial_rebalance_delay_ms = 3000;
    std::int64_t group_min_session_timeout_ms = 6000;
    std::int64_t group_max_session_timeout_ms = 1800000;
    std::int32_t offsets_topic_num_partitions = 50;
    /// -1: Kafka's default, 3, on a cluster of three brokers or more; a single broker uses the course's
    /// server.properties (1) and two brokers use 2 (Kafka's 3 would leave groups with no coordinator).
    std::int32_t offsets_topic_replication_factor = -1;
    bool auto_create_topics_enable = true;
    std::int64_t offsets_retention_check_interval_ms = 600000; ///< also removes Empty groups with no offsets
};

struct ClusterConfig {
    std::int32_t brokers = 1;           ///< 1..9; node ids 1..N
    std::string host = "localhost";
    std::int32_t first_port = 9092;
    BrokerDefaults defaults;
    std::int64_t network_delay_ms = 1;  ///< one-way latency of every request/response
};

/// Topic-level configs (overrides of broker defaults). Only set values are "non-default" for describe.
struct TopicConfigs {
    std::map<std::string, std::string> overrides; ///< as given: "retention.ms" -> "60000" (sorted)
    /// The overrides the topic was created with (kafka-configs --alter changes `overrides` only; a view
    /// of an earlier moment starts from these and replays the journal's topic_config_changed events).
    std::map<std::string, std::string> created;
};

enum class Acks : std::int8_t { None = 0, Leader = 1, All = -1 };
enum class NullKeyPartitioner : std::uint8_t { BuiltinSticky, RoundRobin };

struct ProducerConfig {
    std::string client_id;                  ///< empty = "producer-N" as Kafka forms it
    Acks acks = Acks::All;
    std::int64_t linger_ms = 5;             ///< Kafka 4.0 default (KIP-1030)
    std::int32_t batch_size = 16384;
    /// max.request.size and buffer.memory: send() fails a record whose size bound (61 batch header + 21
    /// record overhead + key and value with their lengths + header count) is above either, before any
    /// partition or batch (KafkaProducer.ensureValidRecordSize, RecordTooLargeException). The drain also
    /// puts batches into one Produce request up to max.request.size (a first batch goes alone even when larger).
    std::int32_t max_request_size = 1048576;
    std::int64_t buffer_memory = 33554432;
    std::int32_t retries = 2147483647;
    /// retry.backoff.ms / retry.backoff.max.ms (KIP-580): a failed batch waits
    /// min(retry_backoff_ms * 2^(attempts-1), max) * U(0.8, 1.2), capped at the max, before it is sent again.
    std::int64_t retry_backoff_ms = 100;
    std::int64_t retry_backoff_max_ms = 1000;
    /// reconnect.backoff.ms / reconnect.backoff.max.ms: after a connection to a broker breaks or cannot be
    /// made, the next attempt waits min(reconnect_backoff_ms * 2^failures, max) * U(0.8, 1.2), capped.
    std::int64_t reconnect_backoff_ms = 50;
    std::int64_t reconnect_backoff_max_ms = 1000;
    std::int64_t request_timeout_ms = 30000;
    std::int64_t delivery_timeout_ms = 120000;
    /// max.block.ms: how long send() waits for the topic's metadata when no broker answers (then it
    /// fails with "Topic T not present in metadata after N ms.").
    std::int64_t max_block_ms = 60000;
    bool enable_idempotence = true;
    /// max.in.flight.requests.per.connection (default 5): Produce requests the client keeps in flight to
    /// one broker; 1 keeps one batch per partition on the wire (the partition is muted until answered).
    /// Above 5 with idempotence on, Kafka 4.x's KafkaProducer throws ConfigException (a scenario refuses it;
    /// Producers::add turns idempotence off for a caller that set it anyway).
    std::int32_t max_in_flight = 5;
    NullKeyPartitioner null_key_partitioner = NullKeyPartitioner::BuiltinSticky;
    /// The brokers that answer at the client's bootstrap.servers (where it gets its first metadata and,
    /// metadata.recovery.strategy=rebootstrap, where it goes back when no broker of its metadata
    /// answers). Unset: every broker of the cluster. Empty: the addresses name no broker, so the client
    /// never gets metadata and every send() waits max.block.ms.
    std::optional<std::vector<BrokerId>> bootstrap_brokers;
    /// Keeps what the send callbacks of failed records are told (Simulation::takeSendFailures), for a
    /// client that reports them (kafka-console-producer's ErrorLoggingCallback).
    bool report_send_failures = false;
};

enum class OffsetReset : std::uint8_t { Earliest, Latest, None };

struct ConsumerConfig {
    std::string group_id;                  ///< empty = no group (manual assignment only)
    std::string client_id;                 ///< empty = "consumer-<group>-N"
    std::vector<AssignorKind> assignors{AssignorKind::Range, AssignorKind::CooperativeSticky};
    std::int64_t session_timeout_ms = 45000;
    std::int64_t heartbeat_interval_ms = 3000;
    std::int64_t max_poll_interval_ms = 300000;
    std::int32_t max_poll_records = 500;
    bool enable_auto_commit = true;
    std::int64_t auto_commit_interval_ms = 5000;
    OffsetReset auto_offset_reset = OffsetReset::Latest;
    std::int64_t poll_interval_ms = 100;   ///< simulated application loop: time between poll() calls
    /// retry.backoff.ms (default 100): between heartbeats the heartbeat thread waits this long before it
    /// looks again (AbstractCoordinator.HeartbeatThread), so it notices an expired max.poll.interval.ms
    /// within this time.
    std::int64_t retry_backoff_ms = 100;
    /// metadata.max.age.ms (kafka-clients 4.3.1 default): how often the client refreshes its metadata;
    /// a pattern subscription sees topics created meanwhile only then.
    std::int64_t metadata_max_age_ms = 300000;
    std::string host = "/127.0.0.1";
};

} // namespace fluxolab::sim
