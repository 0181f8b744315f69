#pragma once
// Backend-neutral view of a Kafka cluster, as the CLI emulation and the lab engine need it.
// Implemented by SimBackend (the deterministic simulation) and RdKafkaBackend (a real cluster
// through librdkafka, labs/rdkafka/; every call bounded by a timeout, thread-confined so that the
// app can run it on a worker thread). Errors are Kafka's own codes plus the message text the
// broker (or the client library) would return; teaching text is added at the edge.

#include "labs/observe/observation.h"
#include "labs/observe/values.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs {

using observe::GroupState;
using observe::groupStateName;

/// Why a request to a real cluster got no answer from it (the client library's local errors).
/// The simulation always answers (None); its unreachable brokers show as Kafka error codes.
enum class ClientError : std::uint8_t {
    None,
    Unreachable,          ///< no broker at the bootstrap address accepted a connection
    TimedOut,             ///< a broker was reached but did not answer within the timeout
    AuthenticationFailed, ///< SASL: wrong user, password or mechanism
    TlsFailed,            ///< SSL handshake or certificate verification failed
    BadConfiguration,     ///< the client rejected a setting (e.g. an unknown security.protocol)
    Other,
};
const char* clientErrorName(ClientError e);

/// Outcome of an admin or client request: Kafka error code and the message Kafka would carry.
struct BackendResult {
    ErrorCode error = ErrorCode::NONE;
    std::string message;
    ClientError client = ClientError::None; ///< set when the cluster gave no answer at all
    bool ok() const { return error == ErrorCode::NONE && client == ClientError::None; }
};

/// Result of probing the bootstrap address ("Testar ligação").
struct ProbeResult {
    ClientError status = ClientError::None; ///< None: reached
    std::string detail;                     ///< the client library's message when not reached
    std::int32_t brokers = 0;               ///< brokers listed in the metadata
    std::int32_t controller = -1;
    std::string cluster_id;
    bool reached() const { return status == ClientError::None; }
};

struct BrokerInfo {
    std::int32_t id = 0;
    std::string host;
    std::int32_t port = 0;
    bool alive = true; ///< the broker answers requests (its process runs and it is not fenced)
    /// In the cluster's metadata (describeCluster, a Metadata response): registered and not fenced,
    /// whether its process runs or not. A broker that crashed stays listed until the controller fences
    /// it (broker.session.timeout.ms, 9 s by default), so tools still count it live until then.
    bool listed = true;
};

struct PartitionInfo {
    std::int32_t partition = 0;
    std::int32_t leader = -1; ///< -1 = no leader
    std::vector<std::int32_t> replicas;
    std::vector<std::int32_t> isr;
    Offset log_start = 0;
    Offset high_watermark = 0;
};

struct TopicInfo {
    std::string name;
    std::string topic_id;
    bool internal = false;
    /// Non-default configs in the order DescribeConfigs lists them (k, v).
    std::vector<std::pair<std::string, std::string>> configs;
    std::vector<PartitionInfo> partitions; ///< sorted by partition
};

struct MemberInfo {
    std::string member_id;
    std::string client_id;
    std::string host;
    std::vector<TopicPartition> assignment;
};

struct GroupInfo {
    std::string id;
    GroupState state = GroupState::Unknown; ///< printed as Kafka's name (groupStateName) at the edge
    std::string protocol; ///< assignor name ("range"), empty when none
    BrokerInfo coordinator;
    /// A live broker leads the group's __consumer_offsets partition (else FindCoordinator answers
    /// COORDINATOR_NOT_AVAILABLE and admin calls for the group are retried until they time out).
    bool coordinator_available = true;
    std::vector<MemberInfo> members; ///< in the coordinator's order
    /// The group's generation (a KIP-848 group: its epoch) as its coordinator last stored it in
    /// __consumer_offsets; the simulation gives its coordinator's. Absent when not known: DescribeGroups
    /// does not carry it, and a real cluster's log may not have been read yet (or may not be readable).
    std::optional<std::int32_t> generation;
    std::map<TopicPartition, Offset> committed;
    std::map<TopicPartition, std::int32_t> committed_epoch; ///< leader epoch stored with the offset (absent: none)
};

/// Where a FindCoordinator for a group leads right now (the leader of the group's
/// __consumer_offsets partition, as the brokers' metadata names it).
struct CoordinatorLookup {
    enum class Kind : std::uint8_t {
        Serving,      ///< a live coordinator answers
        Unreachable,  ///< the named leader is down but not fenced yet: connections to it fail
        NotAvailable, ///< the partition has no leader: COORDINATOR_NOT_AVAILABLE
    };
    Kind kind = Kind::Serving;
    BrokerInfo node; ///< with Unreachable: the broker the lookup names
};

/// GROUP_SUBSCRIBED_TO_TOPIC (Kafka error 86): an OffsetDelete for a topic the group consumes.
inline constexpr ErrorCode kGroupSubscribedToTopic = ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC;

/// Outcome of an OffsetDelete request (Admin.deleteConsumerGroupOffsets).
struct DeleteOffsetsResult {
    ErrorCode error = ErrorCode::NONE;                  ///< top-level error (GROUP_ID_NOT_FOUND, ...)
    std::map<TopicPartition, ErrorCode> partitions;     ///< per requested partition; NONE = deleted
};

struct StoredRecord {
    TopicPartition tp;
    Offset offset = 0;
    TimeMs timestamp_ms = 0; ///< epoch milliseconds, as the broker stores them
    /// The batch's timestamp type: LogAppendTime (the leader's clock at the append) rather than CreateTime.
    bool log_append_time = false;
    std::optional<std::string> key;
    std::string value;
};

struct ProducerSettings {
    std::string client_id = "console-producer";
    std::int64_t linger_ms = 1000;
    std::int32_t acks = -1;
    std::int32_t retries = 3;
    std::int64_t request_timeout_ms = 1500;
    std::int32_t batch_size = 16384;
    std::int32_t max_request_size = 1048576; ///< max.request.size
    std::int64_t buffer_memory = 33554432;   ///< buffer.memory
    std::int64_t retry_backoff_ms = 100;
    std::int64_t delivery_timeout_ms = 120000;
    std::int64_t max_block_ms = 60000;
    std::int32_t max_in_flight = 5; ///< max.in.flight.requests.per.connection
    bool enable_idempotence = true; ///< after ProducerConfig's checks: off when acks/retries/in-flight forbid it
    /// The brokers at the client's bootstrap.servers (unset: the cluster's own address). Empty: the
    /// addresses name no broker: the client never gets metadata and each send() blocks max.block.ms.
    /// A backend whose clients are not simulated connects where its cluster is and ignores it.
    std::optional<std::vector<std::int32_t>> bootstrap_brokers;
};

/// A record whose send failed, as the producer's send callback is told it.
struct SendFailure {
    TimeMs time = 0;                   ///< epoch milliseconds
    TopicPartition tp;                 ///< partition -1: send() found no metadata within max.block.ms
    ErrorCode error = ErrorCode::NONE; ///< CLIENT_METADATA_TIMEOUT, CLIENT_DELIVERY_TIMEOUT or the broker's error
    std::int64_t batch_records = 1;    ///< the records of the batch it failed with
    TimeMs batch_age_ms = 0;           ///< since the batch was created (delivery.timeout.ms expiry)
    std::optional<std::string> key;
    std::int64_t value_bytes = 0;
    std::int64_t record_bytes = 0;     ///< CLIENT_RECORD_TOO_LARGE: the record's size bound (serialized)
    /// INVALID_TIMESTAMP: the broker's record error (sim::SendFailure): the record's timestamp (epoch ms),
    /// its offset in the batch, whether the broker refused it, how many of the batch it refused, and the
    /// range it accepted (epoch ms, Java's long arithmetic).
    std::int64_t timestamp = 0;
    std::int32_t batch_index = 0;
    bool timestamp_refused = false;
    std::int32_t refused_in_batch = 0;
    std::int64_t valid_from = 0;
    std::int64_t valid_to = 0;
};

/// A batch the producer split and sent again after the leader refused it as too large (sim::BatchSplit).
struct BatchSplit {
    TimeMs time = 0; ///< epoch milliseconds
    TopicPartition tp;
    std::int32_t attempts_left = 0;
    std::int64_t request = 0; ///< the producer's n-th Produce request carried it (1: its first)
};

struct ConsumerSettings {
    std::string group_id;  ///< empty: manual assignment without a group
    std::string client_id = "console-consumer";
    bool enable_auto_commit = true;
    bool earliest = false; ///< auto.offset.reset=earliest
    std::vector<std::string> topics;           ///< subscribe() to these...
    /// ...or subscribe(Pattern): the topic names it matches (topics: the matches now). A backend that
    /// follows patterns (subscribesByPattern) picks up topics created later at the client's metadata refresh.
    std::function<bool(const std::string&)> topic_pattern;
    /// metadata.max.age.ms: how often a pattern subscription looks for new matches (unset: the
    /// client's default, 5 minutes).
    std::optional<std::int64_t> metadata_max_age_ms;
    std::optional<TopicPartition> partition;   ///< ...or assign() this one
    std::optional<Offset> start_offset;        ///< with partition: -2 earliest, -1 latest, else exact
    /// partition.assignment.strategy as the classic consumer takes it (assignor class names, most
    /// preferred first); empty: the client's default (range, cooperative-sticky).
    std::vector<std::string> assignment_strategy;
};

/// What a DescribeConfigs / IncrementalAlterConfigs request is about (ConfigResource.Type).
enum class ConfigResourceKind : std::uint8_t { Topic, Broker };

/// Where a config value comes from, as Admin's ConfigEntry.ConfigSource names it ("DYNAMIC_TOPIC_CONFIG").
struct ConfigSynonymInfo {
    std::string source;
    std::string name;
    std::string value;
};

/// One entry of a DescribeConfigs answer (Admin's ConfigEntry) with its synonyms, most specific first.
struct ConfigEntryInfo {
    std::string name;
    std::optional<std::string> value; ///< nullopt: no value (Java's null)
    std::string source;               ///< DYNAMIC_TOPIC_CONFIG, STATIC_BROKER_CONFIG, DEFAULT_CONFIG, ...
    bool sensitive = false;
    std::vector<ConfigSynonymInfo> synonyms;
};

struct DescribeConfigsResult {
    BackendResult result; ///< UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist, ...
    std::vector<ConfigEntryInfo> entries; ///< every config of the resource, in no particular order
};

class ClusterBackend {
public:
    using Handle = std::int32_t;
    virtual ~ClusterBackend() = default;

    // ---- time ----
    /// Current cluster time, epoch milliseconds.
    virtual TimeMs nowMs() const = 0;
    /// Lets time pass (virtual in the simulation, a sleep for a real cluster).
    virtual void advance(TimeMs ms) = 0;

    // ---- cluster and topics ----
    /// Asks the cluster for its metadata within `timeout_ms`; never blocks longer.
    virtual ProbeResult probe(TimeMs timeout_ms) const = 0;
    virtual std::vector<BrokerInfo> brokers() const = 0;
    /// Whether the cluster has an active KRaft controller to take admin requests (create, delete and
    /// grow topics, elect leaders). A real cluster answers for itself: true.
    virtual bool controllerAvailable() const { return true; }
    /// kafka-leader-election (call it with an active controller): a preferred election moves each listed
    /// partition's leadership to its preferred replica (the first listed) where that one is alive and in
    /// the ISR; an unclean one gives a partition without a leader a live replica. `partitions` empty:
    /// every partition, and the answer leaves out those that needed no election. nullopt: the backend
    /// cannot elect (a real cluster here).
    virtual std::optional<std::vector<std::pair<TopicPartition, ElectionOutcome>>>
    electLeaders(const std::vector<TopicPartition>& /*partitions*/, bool /*unclean*/) {
        return std::nullopt;
    }
    virtual std::vector<std::string> listTopics(bool include_internal) const = 0;
    virtual std::optional<TopicInfo> describeTopic(const std::string& name) const = 0;
    /// `replica_assignment` (kafka-topics --replica-assignment): each partition's replicas; when given,
    /// `partitions` and `replication_factor` are not (TopicCommand sends -1 for both).
    virtual BackendResult createTopic(const std::string& name, std::optional<std::int32_t> partitions,
                                      std::optional<std::int32_t> replication_factor,
                                      const std::vector<std::pair<std::string, std::string>>& configs,
                                      const std::vector<std::vector<std::int32_t>>& replica_assignment = {}) = 0;
    virtual BackendResult deleteTopic(const std::string& name) = 0;
    /// `replica_assignment`: the new partitions' replicas (kafka-topics --alter --replica-assignment).
    virtual BackendResult createPartitions(const std::string& name, std::int32_t total,
                                           const std::vector<std::vector<std::int32_t>>& replica_assignment = {}) = 0;
    virtual Offset earliestOffset(const TopicPartition& tp) const = 0;
    virtual Offset latestOffset(const TopicPartition& tp) const = 0; ///< the high watermark
    virtual std::optional<Offset> offsetForTimestamp(const TopicPartition& tp, TimeMs epoch_ms) const = 0;
    /// ListOffsets with OffsetSpec.maxTimestamp(): the offset of the record with the largest timestamp
    /// (-1 when the partition holds none); nullopt when the backend cannot tell.
    virtual std::optional<Offset> maxTimestampOffset(const TopicPartition& /*tp*/) const { return std::nullopt; }
    /// DescribeConfigs (with synonyms) of a topic, a broker ("1") or the brokers' cluster default ("").
    /// The default: the backend has no admin call for it (ClientError::Other).
    virtual DescribeConfigsResult describeConfigs(ConfigResourceKind /*kind*/, const std::string& /*name*/) const {
        DescribeConfigsResult r;
        r.result.client = ClientError::Other;
        r.result.message = "DescribeConfigs is not available on this backend";
        return r;
    }
    /// IncrementalAlterConfigs: (key, value) SET, (key, nullopt) DELETE. INVALID_CONFIG with the broker's
    /// message when a value is refused (nothing changes then).
    virtual BackendResult incrementalAlterConfigs(ConfigResourceKind /*kind*/, const std::string& /*name*/,
                                                  const std::vector<std::pair<std::string, std::optional<std::string>>>& /*changes*/) {
        BackendResult r;
        r.client = ClientError::Other;
        r.message = "IncrementalAlterConfigs is not available on this backend";
        return r;
    }
    /// Records of a partition below the high watermark (lab checks; small topics only).
    virtual std::vector<StoredRecord> readRecords(const TopicPartition& tp) const = 0;

    // ---- consumer groups ----
    virtual std::vector<std::string> listGroups() const = 0;
    /// nullopt when the group does not exist (Dead).
    virtual std::optional<GroupInfo> describeGroup(const std::string& group) const = 0;
    /// Whether the coordinator of `group` (known or not) can answer now. A real cluster's admin
    /// client finds that out by itself: the default says it can.
    virtual CoordinatorLookup findCoordinator(const std::string& group) const {
        (void)group;
        return {};
    }
    virtual BackendResult alterGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets) = 0;
    virtual BackendResult deleteGroup(const std::string& group) = 0;
    /// Removes the group's committed offsets of these partitions. GROUP_ID_NOT_FOUND for a group
    /// that does not exist; GROUP_SUBSCRIBED_TO_TOPIC for partitions of a topic the group's
    /// members are subscribed to.
    virtual DeleteOffsetsResult deleteGroupOffsets(const std::string& group,
                                                   const std::vector<TopicPartition>& partitions) = 0;

    // ---- clients ----
    virtual Handle openProducer(const ProducerSettings& settings) = 0;
    virtual BackendResult send(Handle producer, const std::string& topic, const std::optional<std::string>& key,
                               const std::string& value) = 0;
    /// The producer's failed connection attempts to known brokers since the last call (the client's
    /// "Connection to node N ... could not be established" log lines): (time, broker id). A backend
    /// whose client library logs for itself returns none.
    virtual std::vector<std::pair<TimeMs, std::int32_t>> takeConnectionFailures(Handle /*producer*/) { return {}; }
    /// The send() calls of the producer still blocked (KafkaProducer.waitOnMetadata: the caller's
    /// thread waits up to max.block.ms for the topic's metadata). A backend whose send() never
    /// blocks has none.
    virtual std::int64_t blockedSends(Handle /*producer*/) const { return 0; }
    /// The records of the producer that failed since the last call, in the order their callbacks
    /// ran. A backend that does not report them returns none.
    virtual std::vector<SendFailure> takeSendFailures(Handle /*producer*/) { return {}; }
    /// The producer's batches split since the last call (MESSAGE_TOO_LARGE). A backend that does not
    /// report them returns none.
    virtual std::vector<BatchSplit> takeBatchSplits(Handle /*producer*/) { return {}; }
    /// True when the clients are simulated (their connection states can be asked for without a
    /// network round trip); a real cluster's backend answers brokers() with a metadata request.
    virtual bool simulatesClients() const { return false; }
    /// Flushes and waits for every acknowledgement (KafkaProducer.close()).
    virtual void closeProducer(Handle producer) = 0;
    virtual Handle openConsumer(const ConsumerSettings& settings) = 0;
    /// openConsumer follows ConsumerSettings::topic_pattern (topics created later join the subscription).
    virtual bool subscribesByPattern() const { return false; }
    /// The first of these assignor class names (partition.assignment.strategy) this backend's
    /// consumer cannot use; empty when it can use them all (openConsumer refuses such settings
    /// rather than pick another assignor).
    virtual std::string unsupportedAssignor(const std::vector<std::string>& /*classNames*/) const { return {}; }
    /// Records returned by poll() since the last call, in delivery order.
    virtual std::vector<StoredRecord> takeRecords(Handle consumer) = 0;
    virtual bool hasAssignment(Handle consumer) const = 0;
    virtual void seek(Handle consumer, const TopicPartition& tp, Offset offset) = 0;
    /// KafkaConsumer.close(): commits when auto-commit is on, leaves the group.
    virtual void closeConsumer(Handle consumer) = 0;
};

} // namespace fluxolab::labs
