#pragma once
// The deterministic Kafka cluster simulation: brokers (KRaft controller included), topics with
// replicated partitions, producers, consumers and the classic group coordinator.
// Virtual time only; one seeded Rng; every observable change goes to the Journal.

#include "sim/assignors.h"
#include "sim/journal.h"
#include "sim/kafka_config.h"
#include "sim/kafka/record_store.h"
#include "sim/kafka/timers.h"
#include "sim/runtime/rng.h"
#include "sim/runtime/scheduler.h"
#include "sim/types.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fluxolab::sim {

namespace kafka {
class Consumers;
class GroupCoordinator;
class Producers;
class Replication;
} // namespace kafka

// The configuration (ClusterConfig, BrokerDefaults, TopicConfigs, ProducerConfig, ConsumerConfig) is in
// sim/kafka_config.h; AdminResult and the controller's limits are plain values of sim/types.h.

// ---------------------------------------------------------------------------------------------
// State (read-only for callers; mutated only by Simulation)

/// 24 bytes per record; key 0 = null key; value 0 = synthetic value rendered from producer+sequence.
struct Record {
    TimeMs timestamp = 0;
    std::uint32_t key = 0;
    std::uint32_t value = 0;
    std::uint32_t producer = 0;  ///< producer index + 1 (0 = admin/unknown)
    std::uint32_t sequence = 0;  ///< per (producer, partition) sequence number
};

struct ReplicaState {
    BrokerId broker = -1;
    Offset leo = 0;               ///< log end offset of this replica
    Offset hw = 0;                ///< this replica's view of the high watermark
    TimeMs last_caught_up_ms = 0; ///< leader's bookkeeping for ISR expiry
    Offset known_leo = 0;         ///< the leader's view of this replica's LEO (from its last fetch)
    TimeMs last_fetch_ms = 0;
    Offset last_fetch_leader_leo = 0;
    std::uint32_t fetch_epoch = 0; ///< invalidates in-flight fetches after leader changes
    bool parked = false;          ///< a fetch waits at the leader for new data (long poll)
    bool isr_pending = false;     ///< the leader sent an AlterPartition adding it to the ISR
    /// A down replica's log diverged from the leader's here (another leader was elected with a shorter
    /// log while it was down, -1: not diverged). It truncates at its first fetch after the restart.
    Offset diverged_at = -1;
};

/// A log segment of a partition's leader log (LogSegment in Kafka 4.3.1).
struct Segment {
    Offset base = 0;
    std::int64_t bytes = 0;
    TimeMs created_ms = 0;     ///< when it was opened: a time roll counts from it without a first timestamp
    TimeMs max_timestamp = -1; ///< largest record timestamp (maxTimestampSoFar); -1: none yet
    /// The largest timestamp of the segment's first batch (rollingBasedTimestamp): segment.ms counts
    /// from it to the next batch's largest timestamp. -1: empty.
    TimeMs first_batch_timestamp = -1;
    TimeMs last_modified_ms = 0;    ///< last append: largestTimestamp() of a segment with no timestamp
    std::int64_t roll_jitter_ms = 0; ///< drawn when it is opened, below min(segment.jitter.ms, segment.ms)
};

struct PartitionState {
    std::int32_t topic = -1;        ///< journal topic index
    std::int32_t partition = 0;
    std::vector<BrokerId> replicas; ///< assignment order; replicas[0] is the preferred leader
    std::vector<ReplicaState> replica_state; ///< parallel to replicas
    std::vector<BrokerId> isr;      ///< kept in assignment order
    BrokerId leader = -1;           ///< -1 = offline ("Leader: none")
    std::int32_t leader_epoch = -1; ///< the first election makes it 0, as in Kafka
    /// Leader epoch cache (Kafka's leader-epoch-checkpoint): (epoch, first offset written in it).
    std::vector<std::pair<std::int32_t, Offset>> epoch_starts;
    /// Leader epoch of the record at `o` (-1 if unknown).
    std::int32_t epochAt(Offset o) const {
        std::int32_t e = -1;
        for (const auto& [epoch, start] : epoch_starts) {
            if (start > o) break;
            e = epoch;
        }
        return e;
    }
    Offset high_watermark = 0;
    Offset log_start = 0;
    std::deque<Record> records;     ///< records[i] has offset log_start + i
    /// A record removed from the log (retention, truncation), kept so that a view of an earlier
    /// moment still knows what the log held then.
    struct Removed {
        std::size_t removed_at = 0; ///< journal size when it was removed: present in views of <= that many events
        Offset offset = 0;
        Record record;
    };
    std::vector<Removed> removed;   ///< in removal order
    std::vector<Segment> segments;
    bool is_static = false;         ///< internal topic partitions: no data, no fetch traffic
    std::map<std::uint32_t, std::pair<std::uint32_t, Offset>> producer_state; ///< producer -> (last seq, its offset)
    std::vector<std::pair<Offset, std::uint64_t>> delayed_produces; ///< acks=all requests waiting for HW
    Offset leaderLeo() const { return log_start + static_cast<Offset>(records.size()); }
    const Record& at(Offset o) const { return records[static_cast<std::size_t>(o - log_start)]; }
    ReplicaState* replica(BrokerId b);
    const ReplicaState* replica(BrokerId b) const;
    bool inIsr(BrokerId b) const;
};

struct TopicState {
    std::string name;
    std::int32_t index = -1;       ///< journal topic index
    std::string topic_id;          ///< base64url-like Kafka Uuid string (22 chars)
    bool internal = false;
    TopicConfigs configs;
    std::int32_t min_insync_replicas = 1;
    bool unclean_leader_election = false;
    std::int64_t retention_ms = 0;
    std::int64_t retention_bytes = -1;
    std::int64_t segment_bytes = 0;
    std::int64_t segment_ms = 0;
    std::int64_t segment_jitter_ms = 0;
    bool retention_deletes = true; ///< cleanup.policy holds "delete": time and size retention apply
    std::vector<PartitionState> partitions;
};

struct BrokerState {
    BrokerId id = 0;
    std::string host;
    std::int32_t port = 0;
    bool alive = true;   ///< the process runs
    bool fenced = false; ///< the controller considers it offline
};

struct MemberState {
    std::string member_id;
    std::int32_t consumer = -1;
    std::string client_id;
    std::string host;
    std::vector<std::string> topics;
    std::vector<AssignorKind> protocols;
    std::vector<TopicPartition> owned;     ///< sent with the JoinGroup (sticky family)
    std::int32_t owned_generation = -1;
    std::vector<TopicPartition> assignment; ///< last assignment from SyncGroup (what describe shows)
    bool joined = false;                    ///< has (re)joined during the current PreparingRebalance
    bool awaiting_sync = false;
    std::uint64_t serial = 0;
    TimeMs session_deadline = 0;
    std::int64_t session_timeout_ms = 45000;
    std::int64_t rebalance_timeout_ms = 300000;
};

struct GroupStateData {
    std::string id;
    std::int32_t index = -1; ///< journal group index
    GroupState state = GroupState::Empty;
    std::int32_t generation = 0;
    std::string leader;     ///< member id
    std::optional<AssignorKind> protocol;
    std::vector<MemberState> members; ///< in insertion order
    std::map<TopicPartition, Offset> committed;
    /// Leader epoch committed with the offset (KIP-320); absent: none ("-" in kafka-consumer-groups).
    std::map<TopicPartition, std::int32_t> committed_epoch;
    TimeMs rebalance_deadline = 0;
    TimeMs initial_delay_until = -1;
    std::int64_t initial_delay_remaining_ms = 0;
    bool new_member_added = false;
    std::uint64_t rebalance_token = 0;
    BrokerId coordinator = -1;
    /// The coordinator holds the group in memory. A coordinator that stops loses it; the broker that
    /// leads the group's __consumer_offsets partition next loads `stored` (GroupMetadataManager).
    bool loaded = true;
    /// The group metadata last written to __consumer_offsets: at the end of every rebalance (the
    /// leader's SyncGroup) and when the group becomes Empty. Committed offsets are stored apart.
    struct Stored {
        std::int32_t generation = 0;
        std::string leader;
        std::optional<AssignorKind> protocol;
        std::vector<MemberState> members;
    } stored;
    const MemberState* member(const std::string& id) const;
    MemberState* member(const std::string& id);
};

enum class ConsumerPhase : std::uint8_t { Idle, Joining, Syncing, Stable, Closed };

struct ConsumerState {
    std::int32_t index = -1;
    ConsumerConfig config;
    std::string client_id;
    std::string member_id;
    std::int32_t generation = -1;
    ConsumerPhase phase = ConsumerPhase::Idle;
    bool subscribed = false;
    std::vector<std::string> subscription;
    /// subscribe(Pattern): which topic names the pattern matches (empty: a subscription by name).
    /// The subscription is the matching non-internal topics of the client's last metadata refresh.
    std::function<bool(const std::string&)> pattern;
    TimeMs last_metadata_refresh_ms = 0;
    std::vector<TopicPartition> assigned;     ///< partitions currently owned/assigned (sorted)
    std::map<TopicPartition, Offset> position; ///< next offset to fetch
    /// Leader epoch of the last record consumed before `position` (or of the committed offset it
    /// started from); absent after a reset or seek (KIP-320, SubscriptionState.FetchPosition).
    std::map<TopicPartition, std::int32_t> position_epoch;
    bool rejoin_needed = false;
    /// The heartbeat thread reset the generation but kept the member id (ILLEGAL_GENERATION in a heartbeat
    /// response): like an empty member id, the next poll() gives the partitions up as lost.
    bool generation_reset = false;
    TimeMs last_poll_ms = 0;
    /// When the heartbeat thread last sent a heartbeat (or started): between heartbeats it wakes every
    /// retry.backoff.ms from there. The next heartbeat is due at `next_heartbeat_ms`.
    TimeMs heartbeat_sent_ms = 0;
    TimeMs next_heartbeat_ms = 0;
    TimeMs paused_until = -1;
    TimeMs last_auto_commit_ms = 0;
    std::size_t fetch_cursor = 0;
    std::uint64_t join_token = 0;
    std::uint64_t heartbeat_token = 0; ///< one heartbeat chain per consumer: stale timers are ignored
    std::int64_t consumed = 0;
};

/// A record handed to the application by poll().
struct ConsumedRecord {
    std::string topic;
    std::int32_t partition = 0;
    Offset offset = 0;
    TimeMs timestamp = 0;
    std::optional<std::string> key;
    std::string value;
};

struct ProducerRecord {
    std::string topic;
    std::optional<std::int32_t> partition;
    std::optional<std::string> key;
    std::string value;
    std::optional<TimeMs> timestamp;
};

/// A record whose send failed, as its callback learns it (ProducerConfig::report_send_failures).
struct SendFailure {
    TimeMs time = 0;
    TopicPartition tp;                   ///< partition -1: send() failed before choosing one (no metadata)
    ErrorCode error = ErrorCode::NONE;   ///< CLIENT_METADATA_TIMEOUT, CLIENT_DELIVERY_TIMEOUT, or the broker's
    std::int64_t batch_records = 1;      ///< the records of the batch it failed with
    TimeMs batch_age_ms = 0;             ///< since the batch's creation (delivery timeout expiry)
    std::optional<std::string> key;
    std::int64_t value_bytes = 0;
    std::int64_t record_bytes = 0;       ///< CLIENT_RECORD_TOO_LARGE: the record's size bound
    /// INVALID_TIMESTAMP: what the broker's record error says of this record (LogValidator.validateTimestamp,
    /// "Timestamp <timestamp> of message with offset <batch_index> is out of range. The timestamp should be
    /// within [<valid_from>, <valid_to>]"; the producer numbers a batch's records from 0), and how many
    /// records of its batch the broker refused: one, and the client throws InvalidTimestampException for
    /// it, more and each gets InvalidRecordException (Sender.failBatch). A record the broker did not
    /// refuse (timestamp_refused false) fails with its batch all the same.
    std::int64_t timestamp = 0;
    std::int32_t batch_index = 0;
    bool timestamp_refused = false;
    std::int32_t refused_in_batch = 0;
    std::int64_t valid_from = 0;
    std::int64_t valid_to = 0;
};

/// A batch the leader refused as too large (MESSAGE_TOO_LARGE) that the producer split and enqueued
/// again (Sender.completeBatch: "splitting and retrying"), for a client that logs it.
struct BatchSplit {
    TimeMs time = 0;
    TopicPartition tp;
    std::int32_t attempts_left = 0; ///< retries minus the batch's attempts (a split spends none)
    std::int64_t request = 0;       ///< the producer's Produce request that carried it (1: its first)
};

// ---------------------------------------------------------------------------------------------

/// The Kafka model. Runs on a runtime::Scheduler (its virtual clock and timers): the simulation owns
/// one, and another engine may register its own timers on it (scheduler()) to share the clock.
class Simulation {
public:
    Simulation(ClusterConfig config, std::uint64_t seed);
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    // ---- time ----
    TimeMs now() const { return m_scheduler.now(); }
    /// Processes the next scheduled event; returns false when nothing is scheduled.
    bool step();
    /// Processes every event scheduled at or before `t`, then sets the clock to `t`.
    void runUntil(TimeMs t);
    void runFor(TimeMs ms) { runUntil(now() + ms); }
    /// Time of the next scheduled event, or -1.
    TimeMs nextEventTime() const;

    // ---- cluster admin ----
    /// `assignment`: kafka-topics --replica-assignment (see Replication::createTopic).
    AdminResult createTopic(const std::string& name, std::int32_t partitions, std::int32_t replication_factor,
                            const std::map<std::string, std::string>& configs = {},
                            const std::vector<std::vector<BrokerId>>& assignment = {});
    AdminResult deleteTopic(const std::string& name);
    /// kafka-configs --alter on a topic: (key, value) sets an override, (key, nullopt) deletes one
    /// (see kafka::Replication::alterTopicConfigs).
    AdminResult alterTopicConfigs(const std::string& name,
                                  const std::vector<std::pair<std::string, std::optional<std::string>>>& changes);
    /// Grows a topic to `total_partitions`. As Kafka 4.3.1's controller, a growth by more than
    /// kMaxRecordsPerUserOp partitions fails with UNKNOWN_SERVER_ERROR after the first
    /// kMaxRecordsPerUserOp new partitions were nevertheless created (the controller commits the
    /// records it had collected); detail1 then holds the new partition count.
    AdminResult createPartitions(const std::string& name, std::int32_t total_partitions,
                                 const std::vector<std::vector<BrokerId>>& assignment = {});
    void stopBroker(BrokerId id, bool crash = false);
    void startBroker(BrokerId id);
    /// Moves leadership back to the preferred replica where possible (kafka-leader-election --election-type preferred).
    void electPreferredLeaders();
    /// kafka-leader-election --election-type preferred|unclean for the listed partitions (every partition
    /// when empty), with the controller's answer per partition (see kafka::Replication::electLeaders);
    /// empty without an active controller.
    std::vector<std::pair<TopicPartition, ElectionOutcome>> electLeaders(const std::vector<TopicPartition>& partitions,
                                                                         bool unclean);
    /// Admin offset reset for an inactive group (kafka-consumer-groups --reset-offsets --execute).
    AdminResult resetGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets);
    /// OffsetDelete (kafka-consumer-groups --delete-offsets): removes the group's committed offsets of
    /// `partitions`. GROUP_ID_NOT_FOUND for an unknown group; a partition of a topic the group's
    /// members are subscribed to is refused with GROUP_SUBSCRIBED_TO_TOPIC (the others are deleted).
    /// Returns the error of each partition; `group_error` gets the group-level one.
    std::map<TopicPartition, ErrorCode> deleteGroupOffsets(const std::string& group, const std::vector<TopicPartition>& partitions,
                                                           ErrorCode& group_error);
    AdminResult deleteGroup(const std::string& group);
    /// ListOffsets: earliest (log start) / latest (high watermark) / by timestamp.
    Offset earliestOffset(const TopicPartition& tp) const;
    Offset latestOffset(const TopicPartition& tp) const;
    std::optional<Offset> offsetForTimestamp(const TopicPartition& tp, TimeMs ts) const;

    // ---- producers ----
    std::int32_t addProducer(ProducerConfig config);
    /// Sends one record; the record is partitioned now and delivered asynchronously.
    /// Returns UNKNOWN_TOPIC_OR_PARTITION if the topic does not exist and cannot be auto-created.
    ErrorCode send(std::int32_t producer, const ProducerRecord& record);
    /// Sends everything buffered now (producer.flush() without waiting).
    void flush(std::int32_t producer);
    /// KafkaProducer.close(): sends what it holds and refuses new records; producer_closed is
    /// journaled once nothing is left in flight (when close() would return). A second call does nothing.
    void closeProducer(std::int32_t producer);
    /// Records sent and not yet acknowledged or failed.
    std::int64_t pendingRecords(std::int32_t producer) const;
    /// send() calls of `producer` blocked waiting for metadata (no broker answers), up to max.block.ms each.
    std::int64_t blockedSends(std::int32_t producer) const;
    /// The records of `producer` that failed since the last call, in the order their callbacks ran
    /// (only with ProducerConfig::report_send_failures).
    std::vector<SendFailure> takeSendFailures(std::int32_t producer);
    /// The batches of `producer` split since the last call (only with ProducerConfig::report_send_failures).
    std::vector<BatchSplit> takeBatchSplits(std::int32_t producer);
    /// Partitions for which the producer holds records: batched, in flight or waiting for a retry.
    std::vector<TopicPartition> pendingPartitions(std::int32_t producer) const;

    // ---- consumers ----
    std::int32_t addConsumer(ConsumerConfig config);
    void subscribe(std::int32_t consumer, std::vector<std::string> topics);
    /// subscribe(Pattern) of the Java consumer (classic protocol): the topics `matches` accepts, as
    /// of each metadata refresh (now, then every metadata.max.age.ms); a change makes it rejoin.
    void subscribePattern(std::int32_t consumer, std::function<bool(const std::string&)> matches);
    void assign(std::int32_t consumer, std::vector<TopicPartition> partitions);
    void seek(std::int32_t consumer, const TopicPartition& tp, Offset offset);
    void seekToBeginning(std::int32_t consumer, const TopicPartition& tp);
    void seekToEnd(std::int32_t consumer, const TopicPartition& tp);
    /// Stops calling poll() for `ms` (a slow application); past max.poll.interval.ms the member leaves.
    void pauseConsumer(std::int32_t consumer, std::int64_t ms);
    /// Commits the current positions (commitSync).
    void commitSync(std::int32_t consumer);
    /// commitAsync: the positions of now reach the coordinator after the network delay; a failure
    /// is reported (CommitFailed) and not retried, as KafkaConsumer.commitAsync.
    void commitAsync(std::int32_t consumer);
    /// Leaves the group (commits first when auto-commit is on), as KafkaConsumer.close().
    void closeConsumer(std::int32_t consumer);
    /// Kills the consumer process: no LeaveGroup, the coordinator notices after session.timeout.ms.
    void crashConsumer(std::int32_t consumer);
    /// Records delivered by poll() since the last drain (for console consumers and labs).
    std::vector<ConsumedRecord> drainDelivered(std::int32_t consumer);
    /// Keep delivered records for drainDelivered() (off by default to save memory).
    void setKeepDelivered(std::int32_t consumer, bool keep);

    // ---- observation ----
    const ClusterConfig& config() const { return m_config; }
    const Journal& journal() const { return m_journal; }
    /// The same journal, for another engine on this simulation's scheduler to append its own family's
    /// events to (the stream engine: stream::JournalFamilySink). The Kafka events are never touched.
    Journal& sharedJournal() { return m_journal; }
    const std::vector<BrokerState>& brokers() const;
    const std::map<std::string, TopicState>& topics() const;
    const TopicState* topic(const std::string& name) const;
    const PartitionState* partition(const TopicPartition& tp) const;
    const std::map<std::string, GroupStateData>& groups() const;
    const GroupStateData* group(const std::string& id) const;
    const std::vector<ConsumerState>& consumers() const;
    std::int32_t producerCount() const;
    const std::string& producerClientId(std::int32_t p) const;
    /// The record at `offset` of `p` as the log held it after the first `events` journal events
    /// (records removed since then by retention or truncation included); nullptr if none is known.
    const Record* recordAt(const PartitionState& p, Offset offset, std::size_t events) const;
    /// The key/value of a stored record (value rendered if synthetic).
    std::optional<std::string> recordKey(const Record& r) const;
    std::string recordValue(const Record& r) const;
    /// The active KRaft controller (-1 if none): elected by the metadata quorum, see sim/kafka/controller.h.
    BrokerId controllerId() const;
    /// The metadata quorum's leader epoch (1 for the controller the run starts with).
    std::int32_t controllerEpoch() const;
    std::int64_t recordsRetained() const;
    std::size_t memoryBytes() const;
    Rng& rng() { return m_rng; }
    /// The clock and timers this simulation runs on (other engines register their components here).
    runtime::Scheduler& scheduler() { return m_scheduler; }
    const runtime::Scheduler& scheduler() const { return m_scheduler; }

    /// Called after every processed event (property checkers, GUI). Not called during construction.
    std::function<void(const Simulation&)> afterEvent;
    /// Template for synthetic values: "{key}" and "{seq}" are replaced. Per producer.
    void setValueTemplate(std::int32_t producer, std::string tmpl);
    /// Sends a record whose value is synthetic (cheap: nothing stored but the sequence).
    ErrorCode sendSynthetic(std::int32_t producer, const std::string& topic, std::optional<std::uint32_t> key_id);
    std::uint32_t internKey(const std::string& key);

private:
    // The model's components, each with its own state and timer kinds (sim/kafka/timers.h) on the
    // scheduler: kafka::Replication (brokers, topics, partitions, ISR, fetches, elections),
    // kafka::Producers (producer clients and the broker side of Produce), kafka::GroupCoordinator
    // (groups, rebalances, committed offsets) and kafka::Consumers (consumer clients). Simulation wires
    // them together (the ports in cluster_internal.h) and forwards its API to them.
    ClusterConfig m_config;
    Rng m_rng; ///< the Kafka model's stream, shared by its components in the order they draw
    runtime::Scheduler m_scheduler;
    Journal m_journal;
    kafka::RecordStore m_records; ///< keys and explicit values of every record
    /// What replication tells the others (kafka::ReplicationEvents, in cluster_internal.h).
    struct ReplicationEventsPort;
    std::unique_ptr<ReplicationEventsPort> m_replication_port;
    std::unique_ptr<kafka::Replication> m_replication;
    /// What the producers see of the brokers (kafka::ProduceBrokers, in cluster_internal.h).
    struct ProduceBrokersPort;
    std::unique_ptr<ProduceBrokersPort> m_produce_port;
    std::unique_ptr<kafka::Producers> m_producers;
    /// What the coordinator and the consumers see of the brokers (kafka::OffsetsLog and
    /// kafka::ConsumerLogs, in cluster_internal.h).
    struct OffsetsLogPort;
    std::unique_ptr<OffsetsLogPort> m_offsets_port;
    struct ConsumerLogsPort;
    std::unique_ptr<ConsumerLogsPort> m_consumer_logs_port;
    std::unique_ptr<kafka::GroupCoordinator> m_coordinator;
    std::unique_ptr<kafka::Consumers> m_consumers;
};

} // namespace fluxolab::sim
