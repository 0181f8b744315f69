#pragma once
// ClusterBackend over a real Kafka cluster through librdkafka (C API): metadata, ListOffsets and
// the Admin API for topics and groups, a librdkafka producer (partitioner=murmur2_random, so keyed
// records land on the partitions the Java client picks) and librdkafka consumers.
//
// Threading: an RdKafkaBackend is confined to the thread that calls it (the app gives it its own
// worker thread; fluxolab-cli and the tests call it directly). Every call is bounded by
// RdKafkaConnection::request_timeout_ms (admin requests, metadata) or by the producer's
// delivery/flush timeouts: an unreachable or slow broker yields ClientError values, never a hang.
// Time is the wall clock; advance() sleeps while serving the open clients (consumer polls).

#include "labs/backend/cluster_backend.h"
#include "labs/common/secret.h"

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace fluxolab::labs {

/// How to reach the cluster (the connection dialog's fields).
struct RdKafkaConnection {
    std::string bootstrap_servers = "localhost:9092";
    std::string client_id = "fluxolab";
    std::string security_protocol = "PLAINTEXT"; ///< PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL
    std::string sasl_mechanism;                  ///< PLAIN, SCRAM-SHA-256, SCRAM-SHA-512
    std::string sasl_username;
    /// Kept in memory only, never logged; its bytes are overwritten when it goes (SecretString).
    /// librdkafka's own copy (rd_kafka_conf_set) lives as long as each client and is freed
    /// without zeroing (docs/real-cluster.md).
    SecretString sasl_password;
    std::string ssl_ca_location;
    TimeMs request_timeout_ms = 10000; ///< upper bound of one admin/metadata call
    /// Cancels the work of a backend on this connection (not owned; nullptr: none): once true, every
    /// call ends within about 100 ms (the call answers as timed out): the waits for admin answers,
    /// delivery flushes, advance(), and the blocking metadata, ListOffsets, committed-offsets and
    /// seek calls (with a flag these run on a thread of their own that a cancel stops waiting for;
    /// it ends at the call's own timeout and then destroys the client if it was the last owner).
    const std::atomic<bool>* abort = nullptr;
};

/// One delivery report of an asynchronously sent record.
struct DeliveryReport {
    std::uint64_t id = 0; ///< the value sendAsync() returned
    TopicPartition tp;
    Offset offset = -1;
    ErrorCode error = ErrorCode::NONE;
    ClientError client = ClientError::None;
    std::string message;
};

/// Debug guard of the app's rule "no librdkafka call on the GUI thread": every RdKafkaBackend call
/// (and each librdkafka handle created or destroyed) first checks that it is not on `thread`. A call
/// there is counted (rdkafkaCallsOnGuardedThread) and, with `abortOnCall`, ends the process with the
/// function's name on stderr (the app does so in debug builds). A default id turns the guard off.
void guardThreadAgainstRdKafka(std::thread::id thread, bool abortOnCall);
/// Calls made so far on the guarded thread (each one a bug of the caller), and the last one's name.
std::uint64_t rdkafkaCallsOnGuardedThread();
std::string lastRdKafkaCallOnGuardedThread();
/// The check itself (at the top of each function that calls librdkafka).
void checkRdKafkaThread(const char* function);

/// Blocking calls left to end on threads of their own after a cancel (RdKafkaConnection::abort):
/// how many of those threads are still running (each ends at its call's own timeout, then destroys
/// its client if it was the last owner), and a wait of at most `timeoutMs` until none is (whether
/// none is). The app waits for them at exit, so that librdkafka is not torn down under them.
int abandonedRdKafkaCalls();
bool waitForAbandonedRdKafkaCalls(int timeoutMs);

/// The librdkafka version this build runs with ("2.0.2").
std::string rdkafkaVersion();
/// Whether this librdkafka cannot log in with SCRAM to a Kafka 4.x broker: before 2.6.1 it puts the
/// client nonce twice in SCRAM's client-final-message (librdkafka#4895); Kafka 3.8.1-3.9 let that
/// pass, Kafka 4.x compares the nonce exactly (RFC 5802) and refuses the login, right password or not.
bool rdkafkaScramRefusedByKafka4();

/// librdkafka's partition.assignment.strategy for the Java consumer's assignor class names (most
/// preferred first; the "org.apache.kafka.clients.consumer." prefix optional): RangeAssignor ->
/// range, RoundRobinAssignor -> roundrobin, CooperativeStickyAssignor -> cooperative-sticky. None
/// given: "range" (the Java default [range, cooperative-sticky] runs the eager protocol and picks
/// range). A list mixing eager and cooperative assignors keeps the eager ones, since Java runs
/// the eager protocol then and librdkafka cannot mix them. `unsupported`: the first class librdkafka
/// has no counterpart of (StickyAssignor: librdkafka has no eager sticky assignor), strategy empty.
struct RdKafkaAssignors {
    std::string strategy;
    std::string unsupported;
};
RdKafkaAssignors rdkafkaAssignmentStrategy(const std::vector<std::string>& classNames);

/// A broker's supported API versions (ApiVersions response): api key -> (min, max).
using ApiVersionRanges = std::map<std::int32_t, std::pair<std::int32_t, std::int32_t>>;
/// The Kafka release line those versions belong to ("4.x", "3.x", "2.7–2.8", "< 2.7": no words, the UI shows it as is),
/// since Kafka does not send its version: Kafka 4.0 removed Fetch v0-3 (KIP-896), 3.0 added
/// DescribeTransactions/ListTransactions (keys 65, 66), 2.7 added UpdateFeatures (57). Empty: none known.
std::string kafkaReleaseFromApiVersions(const ApiVersionRanges& versions);

class RdKafkaBackend final : public ClusterBackend {
public:
    explicit RdKafkaBackend(RdKafkaConnection connection);
    ~RdKafkaBackend() override;
    RdKafkaBackend(const RdKafkaBackend&) = delete;
    RdKafkaBackend& operator=(const RdKafkaBackend&) = delete;

    /// Probes a bootstrap address without keeping a backend (the "Testar ligação" button).
    static ProbeResult probeConnection(const RdKafkaConnection& connection, TimeMs timeout_ms);
    /// Same, and the API versions the bootstrap broker announced (librdkafka's ApiVersions request).
    static ProbeResult probeConnection(const RdKafkaConnection& connection, TimeMs timeout_ms, ApiVersionRanges* versions);
    /// The error of the last call that failed without a Kafka error code (None after a success).
    ClientError lastClientError() const { return m_lastClient; }
    /// The topics this backend's createTopic() created (a CreateTopics answer without error: the
    /// `kafka-topics.sh --create` commands it ran, and a topic a consumer it opened had created as
    /// the broker's auto-creation would), less those its deleteTopic() deleted since; sorted.
    /// Not the topics a broker auto-created for a producer, nor anything another client created.
    std::vector<std::string> topicsCreatedHere() const { return {m_createdTopics.begin(), m_createdTopics.end()}; }
    /// The group ids this backend's consumers subscribed with and whose offsets its
    /// alterGroupOffsets() set (the groups the commands it ran used); sorted.
    std::vector<std::string> groupsUsedHere() const { return {m_usedGroups.begin(), m_usedGroups.end()}; }

    TimeMs nowMs() const override;
    void advance(TimeMs ms) override;

    ProbeResult probe(TimeMs timeout_ms) const override;
    std::vector<BrokerInfo> brokers() const override;
    std::vector<std::string> listTopics(bool include_internal) const override;
    std::optional<TopicInfo> describeTopic(const std::string& name) const override;
    BackendResult createTopic(const std::string& name, std::optional<std::int32_t> partitions,
                              std::optional<std::int32_t> replication_factor,
                              const std::vector<std::pair<std::string, std::string>>& configs,
                              const std::vector<std::vector<std::int32_t>>& replica_assignment = {}) override;
    BackendResult deleteTopic(const std::string& name) override;
    BackendResult createPartitions(const std::string& name, std::int32_t total,
                                   const std::vector<std::vector<std::int32_t>>& replica_assignment = {}) override;
    Offset earliestOffset(const TopicPartition& tp) const override;
    Offset latestOffset(const TopicPartition& tp) const override;
    std::optional<Offset> offsetForTimestamp(const TopicPartition& tp, TimeMs epoch_ms) const override;
    /// DescribeConfigs with synonyms (kafka-configs --describe).
    DescribeConfigsResult describeConfigs(ConfigResourceKind kind, const std::string& name) const override;
    /// librdkafka 2.0.2 has no IncrementalAlterConfigs: the topic's dynamic configs are described, the
    /// changes applied to them and the whole set sent with AlterConfigs (what the broker then holds is
    /// the same; the broker checks the whole set as it checks an incremental change).
    BackendResult incrementalAlterConfigs(ConfigResourceKind kind, const std::string& name,
                                          const std::vector<std::pair<std::string, std::optional<std::string>>>& changes) override;
    std::vector<StoredRecord> readRecords(const TopicPartition& tp) const override;

    std::vector<std::string> listGroups() const override;
    std::optional<GroupInfo> describeGroup(const std::string& group) const override;
    BackendResult alterGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets) override;
    BackendResult deleteGroup(const std::string& group) override;
    DeleteOffsetsResult deleteGroupOffsets(const std::string& group,
                                           const std::vector<TopicPartition>& partitions) override;

    Handle openProducer(const ProducerSettings& settings) override;
    /// Queues the record and returns at once (the partition is chosen now, murmur2 of the key);
    /// the outcome arrives later through takeDeliveryReports(). Errors here are local (queue full,
    /// unknown producer).
    BackendResult send(Handle producer, const std::string& topic, const std::optional<std::string>& key,
                       const std::string& value) override;
    /// Same as send() but returns the id its delivery report will carry (0 when refused at once).
    std::uint64_t sendAsync(Handle producer, const std::string& topic, const std::optional<std::string>& key,
                            const std::string& value, BackendResult* refused = nullptr);
    /// Delivery reports that arrived since the last call.
    std::vector<DeliveryReport> takeDeliveryReports(Handle producer);
    void closeProducer(Handle producer) override;
    Handle openConsumer(const ConsumerSettings& settings) override;
    std::vector<StoredRecord> takeRecords(Handle consumer) override;
    bool hasAssignment(Handle consumer) const override;
    void seek(Handle consumer, const TopicPartition& tp, Offset offset) override;
    void closeConsumer(Handle consumer) override;
    /// Closes every producer and consumer it opened (consumers leave their groups) and its reader of
    /// __consumer_offsets; its admin handle stays. A client left open after a topic's deletion can ask
    /// for the topic's metadata again, and a broker that creates topics on demand then creates it again.
    void closeClients();
    /// A pattern subscription (ConsumerSettings::topic_pattern) is matched again against the
    /// cluster's topics every metadata.max.age.ms, as the Java consumer does at its metadata refresh.
    bool subscribesByPattern() const override { return true; }
    /// StickyAssignor (rdkafkaAssignmentStrategy).
    std::string unsupportedAssignor(const std::vector<std::string>& classNames) const override {
        return rdkafkaAssignmentStrategy(classNames).unsupported;
    }

    struct Client; ///< one librdkafka handle (implementation detail)

private:
    void serveClients(TimeMs budget_ms);
    /// The pattern subscriptions due for their metadata refresh follow the topics they match now.
    void refreshPatterns();
    std::string commonConfigError() const;
    /// Runs `call` again (every 100 ms, until request_timeout_ms) while it fails because the group's
    /// coordinator is not ready (COORDINATOR_NOT_AVAILABLE, COORDINATOR_LOAD_IN_PROGRESS,
    /// NOT_COORDINATOR), as the Java AdminClient does.
    BackendResult retryWhileCoordinatorNotReady(const std::function<BackendResult()>& call);
    BackendResult alterGroupOffsetsOnce(const std::string& group, const std::map<TopicPartition, Offset>& offsets);
    BackendResult deleteGroupOnce(const std::string& group);
    /// The broker's auto.create.topics.enable (DescribeConfigs of the first broker).
    bool brokerAutoCreatesTopics() const;

    /// Reads what arrived in __consumer_offsets since the last call (group_log.h): each group's
    /// generation as its coordinator stored it. Starts a reader assigned to every partition of the
    /// topic from its beginning on first use (or when the topic appears); returns at once.
    void readGroupLog() const;

    RdKafkaConnection m_conn;
    mutable std::shared_ptr<Client> m_groupLog; ///< consumer-type handle, assigned, never in a group
    mutable std::map<std::string, std::int32_t> m_storedGenerations;
    std::shared_ptr<Client> m_admin; ///< producer-type handle used for metadata and Admin API calls
    std::map<Handle, std::shared_ptr<Client>> m_clients;
    Handle m_next = 1;
    mutable ClientError m_lastClient = ClientError::None;
    std::set<std::string> m_createdTopics; ///< topicsCreatedHere()
    std::set<std::string> m_usedGroups;    ///< groupsUsedHere()
};

} // namespace fluxolab::labs
