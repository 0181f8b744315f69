#pragma once
// The producer component: producer clients (partitioning, batching, linger, retries, delivery
// timeout) and the broker side of their Produce requests (acks, idempotent de-duplication, requests
// waiting for the high watermark). It owns its state and its timers (kafka::ProducerTimer) and reaches
// the rest of the model only through ProduceBrokers.

#include "sim/cluster.h"
#include "sim/kafka/record_store.h"
#include "sim/kafka/timers.h"
#include "sim/runtime/scheduler.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fluxolab::sim::kafka {

/// Kafka's ExponentialBackoff (clients common/utils/ExponentialBackoff.java) with multiplier 2 and
/// jitter 0.2, as the Java client uses it for retry.backoff.ms (RecordAccumulator, KIP-580) and
/// reconnect.backoff.ms (ClusterConnectionStates): term = min(initial * 2^attempts, max), then a
/// uniform factor in [0.8, 1.2), then capped at max again. So 100/1000 gives 80..120, 160..240,
/// 320..480, 640..960, then 800..1000 (half the draws exactly 1000). Drawn with integers (0.0001 steps)
/// so that every platform draws the same milliseconds.
TimeMs exponentialBackoff(Rng& rng, TimeMs initial, TimeMs max, std::int64_t attempts);

/// What the producers need from the brokers (Simulation implements it).
class ProduceBrokers {
public:
    /// The topic `name`; when it does not exist and `auto_create` is set, the broker creates it with
    /// its defaults if auto.create.topics.enable is on. nullptr: no such topic.
    virtual TopicState* topicForProduce(const std::string& name, bool auto_create) = 0;
    virtual PartitionState* partitionForProduce(const TopicPartition& tp) = 0;
    virtual bool brokerAlive(BrokerId id) const = 0;
    /// Appends a batch to the leader's log (replication takes it from there).
    virtual void appendToLeader(TopicState& t, PartitionState& p, const std::vector<Record>& records,
                                std::int32_t producer, const std::vector<std::int64_t>& sizes) = 0;
    virtual Event& emitEvent(EventType type) = 0;

protected:
    ~ProduceBrokers() = default;
};

class Producers final : private runtime::TimerHandler {
public:
    /// `seed`: the run's seed; each producer forks its own stream from it ("kafka/producer/N") for the
    /// jitter of its backoffs, so its retries never shift another component's draws.
    Producers(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, Rng& rng,
              RecordStore& store, ProduceBrokers& brokers, runtime::RngStreams streams);
    ~Producers();
    Producers(const Producers&) = delete;
    Producers& operator=(const Producers&) = delete;

    // ---- the client API (Simulation forwards to these) ----
    std::int32_t add(ProducerConfig config);
    ErrorCode send(std::int32_t producer, const ProducerRecord& record);
    ErrorCode sendSynthetic(std::int32_t producer, const std::string& topic, std::optional<std::uint32_t> key_id);
    void flush(std::int32_t producer);
    void close(std::int32_t producer);
    std::int64_t pendingRecords(std::int32_t producer) const;
    /// The send() calls of `producer` blocked on metadata (the first one, then those queued after it).
    std::int64_t blockedSends(std::int32_t producer) const;
    std::vector<SendFailure> takeSendFailures(std::int32_t producer);
    std::vector<BatchSplit> takeBatchSplits(std::int32_t producer);
    std::vector<TopicPartition> pendingPartitions(std::int32_t producer) const;
    std::int32_t count() const { return static_cast<std::int32_t>(m_producers.size()); }
    const std::string& clientId(std::int32_t producer) const;
    void setValueTemplate(std::int32_t producer, std::string tmpl);
    /// The value of a synthetic record (value id 0) of `producer` (index + 1 as in Record::producer).
    std::string syntheticValue(const Record& r) const;

    // ---- what replication tells the producers ----
    /// The high watermark of `p` moved: answers the acks=all requests it satisfies.
    void highWatermarkAdvanced(PartitionState& p);
    /// The leader of `p` stopped: the requests waiting there fail with a network error.
    void leaderStopped(PartitionState& p);
    /// The topic is being deleted: requests for it fail with UNKNOWN_TOPIC_OR_PARTITION.
    void topicDeleted(const std::string& topic);

private:
    /// A ProducerBatch: its records, each with its DefaultRecord size in this batch (deltas from the first).
    struct PendingBatch {
        TopicPartition tp;
        std::vector<Record> records;
        std::vector<std::int64_t> sizes;
        /// MemoryRecordsBuilder.estimatedSizeInBytes: the 61-byte batch header plus the records' sizes.
        std::int64_t bytes = 0;
        /// The builder's write limit: its buffer, max(batch.size, the first record's upper bound).
        std::int64_t write_limit = 0;
        TimeMs base_timestamp = 0; ///< the first record's timestamp (timestamp deltas count from it)
        /// closeForRecordAppends: a record found no room, so the batch takes no more (it is full).
        bool closed = false;
        TimeMs created_ms = 0;
        std::int32_t attempts = 0;
        /// A retriable failure put it back: the sender leaves it until then (retry.backoff.ms, exponential).
        TimeMs retry_at = 0;
        /// flush() was called while it waited: sendable at once (RecordAccumulator.flushInProgress).
        bool flush = false;
        /// Made by splitting a batch the leader refused as too large (ProducerBatch.isSplitBatch).
        bool split = false;
        /// A split batch's largest record upper bound (ProducerBatch.maxRecordSize).
        std::int64_t max_record_bound = 0;
    };
    /// BuiltInPartitioner.StickyPartitionInfo: the topic's partition for keyless records and the bytes
    /// the accumulator reported appended to it since it was picked.
    struct StickyPartition {
        std::int32_t partition = -1;
        std::int64_t produced_bytes = 0;
    };
    /// The client's connection to one broker after it broke or could not be made (NetworkClient's
    /// ClusterConnectionStates). A broker with no entry is reachable as long as it runs.
    struct Connection {
        std::int64_t failed_attempts = 0; ///< failures since the last connection that worked
        TimeMs next_attempt_at = 0;       ///< the reconnect backoff ends
        bool down = false;                ///< no usable connection: batches for it wait
        bool connecting = false;          ///< an attempt is under way (ConnectResult pending)
        bool wake_armed = false;          ///< a Reconnect timer is pending
    };
    /// A send() waiting for its topic's metadata (KafkaProducer.waitOnMetadata): the caller's thread is
    /// blocked until the metadata comes back or max.block.ms has passed.
    struct BlockedSend {
        ProducerRecord record;                    ///< send()
        std::optional<std::uint32_t> synthetic_key; ///< sendSynthetic() (synthetic: record.value unused)
        bool synthetic = false;
        std::uint64_t serial = 0;
    };
    struct ProducerData {
        std::int32_t index = 0;
        ProducerConfig config;
        std::string client_id;
        std::map<TopicPartition, std::deque<PendingBatch>> queues;
        /// Batches of each partition in Produce requests not yet answered (max.in.flight=1 mutes a
        /// partition while it has one: Sender's guaranteeMessageOrder).
        std::map<TopicPartition, std::int32_t> sending;
        /// Idempotence: the base sequences of each partition's batches sent at least once and not yet
        /// completed, re-enqueued retries included (TransactionManager's in-flight batches by sequence).
        std::map<TopicPartition, std::set<std::uint32_t>> unacked;
        /// Produce requests in flight to each broker (NetworkClient's InFlightRequests): at most
        /// max.in.flight.requests.per.connection.
        std::map<BrokerId, std::int32_t> requests;
        /// RecordAccumulator.nodesDrainIndex: where the next drain for each broker starts.
        std::map<BrokerId, std::size_t> drain_index;
        bool wake_armed = false; ///< a Wake timer is pending (one per producer)
        /// Idempotence: sequences of batches that failed for good (first sequence -> record count). The
        /// Java client numbers a batch when it first drains it, so such a batch, if it never reached the
        /// log, leaves no hole; the simulation numbers records at append and skips these instead.
        std::map<TopicPartition, std::map<std::uint32_t, std::uint32_t>> seq_gaps;
        std::map<std::string, StickyPartition> sticky;
        /// The topics the producer has sent to: the ones its metadata holds (ProducerMetadata's topics).
        std::set<std::string> topics;
        std::map<std::string, std::uint32_t> rr_counter;
        std::map<TopicPartition, std::uint32_t> next_seq;
        TimeMs linger_at = -1;
        TimeMs expiry_at = -1; ///< the pending Expire timer (batches waiting for a connection)
        std::map<BrokerId, Connection> connections;
        /// Partitions whose batches wait for a broker the producer's metadata still names as leader;
        /// the pin goes at the next metadata refresh (after a failed connection attempt to it).
        std::map<TopicPartition, BrokerId> pinned_leader;
        Rng rng{0}; ///< this producer's own stream (backoff jitter)
        /// No broker of its metadata answers: the client went back to its bootstrap servers
        /// (metadata.recovery.strategy=rebootstrap) and knows no topic until a metadata response comes.
        bool metadata_lost = false;
        std::deque<BlockedSend> blocked; ///< the send() blocked on metadata first, then the calls after it
        TimeMs blocked_until = -1;       ///< max.block.ms of the first one ends
        std::uint64_t blocked_serial = 0;
        std::vector<SendFailure> failures; ///< with config.report_send_failures: not taken yet
        std::vector<BatchSplit> splits;    ///< with config.report_send_failures: not taken yet
        std::int64_t produce_requests = 0; ///< Produce requests sent so far
        std::string value_template = "{key}-{seq}";
        std::int64_t pending = 0;
        bool closed = false;         ///< close() was called: send() refuses
        bool close_journaled = false; ///< producer_closed emitted (nothing was left to send)
    };
    /// The broker's timestamp check of a batch (LogValidator.validateTimestamp): its clock and the
    /// topic's message.timestamp.before.max.ms / after.max.ms when it looked.
    struct TimestampCheck {
        TimeMs now = 0;
        std::int64_t before_max_ms = 0;
        std::int64_t after_max_ms = 0;
        /// recordHasInvalidTimestamp, in Java's long arithmetic.
        bool refuses(std::int64_t timestamp) const;
    };
    struct InFlight {
        std::int32_t producer = 0;
        PendingBatch batch;
        std::uint64_t request = 0; ///< the Produce request carrying it (0: failed before any request)
        BrokerId broker = -1;
        Acks acks = Acks::All;
        ErrorCode error = ErrorCode::NONE;
        Offset base = -1;
        bool done = false;
        std::vector<runtime::TimerKey> timeouts; ///< pending ProduceTimeout timers
        std::optional<TimestampCheck> timestamps; ///< INVALID_TIMESTAMP: the check that refused the batch
        std::int64_t request_number = 0; ///< the producer's n-th Produce request carried it (BatchSplit::request)
    };
    using InFlightMap = std::map<std::uint64_t, std::unique_ptr<InFlight>>;
    /// One Produce request: the batches (in-flight ids) the drain took for one broker. The broker answers
    /// them together, once every partition of the request has its answer.
    struct Request {
        std::int32_t producer = 0;
        BrokerId broker = -1;
        std::vector<std::uint64_t> batches;
        std::size_t answered = 0; ///< batches whose answer the broker has
        std::size_t open = 0;     ///< batches whose response the client has not handled yet
    };

    void onTimer(const runtime::Timer& timer) override;
    TimeMs now() const { return m_scheduler.now(); }
    void schedule(TimeMs at, ProducerTimer kind, std::int32_t a = 0, std::int64_t b = 0) {
        m_timers.schedule(at, kind, a, b);
    }
    /// RecordAccumulator.append: the record goes into the last batch of its partition or a new one;
    /// `partition` < 0 asks the built-in sticky partitioner. Returns the partition.
    std::int32_t append(ProducerData& pd, TopicState& t, std::int32_t partition, Record r, std::int32_t key_size,
                        std::int32_t value_size);
    /// RecordAccumulator.tryAppend: into the partition's last batch if it has room (the bytes it grew),
    /// otherwise that batch is closed for appends and nothing is appended (-1).
    std::int64_t tryAppend(ProducerData& pd, const TopicPartition& tp, Record& r, std::int32_t key_size,
                           std::int32_t value_size);
    /// RecordAccumulator.appendNewBatch: a new batch holding the record; returns its estimated size.
    std::int64_t appendNewBatch(ProducerData& pd, const TopicPartition& tp, Record& r, std::int32_t key_size,
                                std::int32_t value_size);
    /// RecordAccumulator.allBatchesFull: the partition has no batch waiting, or its last one is full.
    bool allBatchesFull(const ProducerData& pd, const TopicPartition& tp) const;
    /// ProducerBatch.isFull: closed for appends, or its estimated size reached the write limit.
    static bool batchFull(const PendingBatch& b) {
        return b.closed || (!b.records.empty() && b.write_limit <= b.bytes);
    }
    /// BuiltInPartitioner.nextPartition: a random available partition (possibly the current one).
    std::int32_t nextStickyPartition(const TopicState& t);
    /// Sender.runOnce -> sendProducerData: the ready brokers (a partition led by it has a sendable first
    /// batch, the connection is up and has room for another request), one Produce request for each.
    void drain(std::int32_t producer);
    /// Wakes the sender thread: it runs at this instant, after the application's calls of the instant.
    void wake(ProducerData& pd);
    /// RecordAccumulator.drainBatchesForOneNode: the first batch of each partition led by `broker`, up to
    /// max.request.size, as one Produce request. False when it took nothing.
    bool drainNode(ProducerData& pd, BrokerId broker);
    /// MetadataSnapshot's cluster view, Cluster.partitionsForNode: the partitions of the producer's topics
    /// whose leader, in its metadata, is `broker`, in the order the client's java.util.HashMap of
    /// TopicPartition (metadataByPartition) iterates them.
    std::vector<TopicPartition> partitionsForNode(const ProducerData& pd, BrokerId broker) const;
    /// The broker the producer sends `tp`'s batches to: its leader as the producer's metadata names it;
    /// -1 when the metadata has no leader for it (or no such partition), -2 when its batches wait (no
    /// metadata, or no usable connection to the leader: a connection attempt is under way or planned).
    BrokerId route(ProducerData& pd, const TopicPartition& tp);
    /// The partition's leader is unknown: its first batch fails at once (LEADER_NOT_AVAILABLE, or
    /// UNKNOWN_TOPIC_OR_PARTITION when the partition is gone) and is retried after the backoff.
    void failUnroutable(ProducerData& pd, const TopicPartition& tp);
    /// The broker has its answer for the batch: the response goes when every batch of its request has one.
    void answered(std::uint64_t id);
    /// The client handled the response of one batch of its request.
    void responseHandled(ProducerData& pd, std::uint64_t request);
    void armLinger(ProducerData& pd, TimeMs at);
    /// After close(): journals producer_closed once the producer holds no record any more.
    void journalClosedWhenDone(ProducerData& pd);
    /// The batches of a partition led by `broker`, unreachable, wait: attempts a connection once the
    /// reconnect backoff is over, or arms the timer that ends it.
    void waitForConnection(ProducerData& pd, BrokerId broker);
    /// The connection to `broker` broke or could not be made: the next attempt waits the reconnect backoff.
    /// Returns that backoff.
    TimeMs connectionLost(ProducerData& pd, BrokerId broker);
    void connectResult(std::int32_t producer, BrokerId broker);
    /// Fails the batches held in the accumulator for delivery.timeout.ms since their creation.
    void expireQueued(ProducerData& pd);
    void armExpiry(ProducerData& pd);
    /// A batch of an idempotent producer failed for good: the broker's sequence check skips its numbers.
    void skipSequences(ProducerData& pd, const TopicPartition& tp, const PendingBatch& b);
    /// The sequence the broker expects after `last` from this producer on `tp` (the failed batches skipped).
    std::uint32_t nextSequence(const ProducerData& pd, const TopicPartition& tp, std::uint32_t last) const;
    void produceArrives(std::uint64_t request);
    /// RecordAccumulator.splitAndReenqueue: the refused batch's records in new batches at the head of
    /// their partition's queue, sent again as if never tried.
    void splitAndReenqueue(ProducerData& pd, const PendingBatch& big);
    /// A record's key and value sizes (-1: null), as it was appended.
    std::pair<std::int32_t, std::int32_t> recordSizes(const Record& r) const;
    void produceResponse(std::uint64_t request, ErrorCode error, Offset base);
    /// Answers a waiting request after the network delay with `error`.
    void answerDelayed(std::uint64_t request, ErrorCode error);
    /// The partition of a keyed record, or of a keyless one under the round-robin partitioner; -1 for a
    /// keyless record under the built-in partitioner (the accumulator picks it, see append()).
    std::int32_t choosePartition(ProducerData& pd, TopicState& t, const std::optional<std::uint32_t>& key);
    /// Removes a finished request and withdraws its pending timeout.
    void eraseInFlight(InFlightMap::iterator it);
    bool anyBrokerAlive() const;
    /// A broker at the producer's bootstrap servers runs (every broker when they were not given).
    bool bootstrapAnswers(const ProducerData& pd) const;
    /// The send callbacks of `records` (one batch of `batch_age_ms`) learn `error`.
    void reportFailed(ProducerData& pd, const TopicPartition& tp, ErrorCode error, const std::vector<Record>& records,
                      TimeMs batch_age_ms, const TimestampCheck* timestamps = nullptr);
    /// The leader's timestamp check of a batch on topic `t` at its clock now(): the check when it refuses
    /// a record (INVALID_TIMESTAMP), nothing when every record passes or the topic uses LogAppendTime.
    /// message.timestamp.type=LogAppendTime: the leader stamps each appended batch with its clock.
    static bool logAppendTime(const TopicState& t);
    std::optional<TimestampCheck> timestampsRefused(const TopicState& t, const std::vector<Record>& records) const;
    /// No broker answers: the client rebootstraps (forgets its topics' metadata) and tries its
    /// bootstrap servers (node -1) at the reconnect backoff.
    void loseMetadata(ProducerData& pd);
    /// send() finds no metadata for its topic: blocks (the record waits up to max.block.ms).
    void block(ProducerData& pd, BlockedSend send);
    /// The metadata came back: the blocked send() calls go on, in their order.
    void releaseBlocked(ProducerData& pd);
    /// The oldest blocked send() fails with `error` (journalled; reported to the tool when it asks).
    void failBlockedSend(ProducerData& pd, ErrorCode error);
    ErrorCode doSend(ProducerData& pd, const ProducerRecord& record);
    /// KafkaProducer.ensureValidRecordSize: the record's size bound above max.request.size or
    /// buffer.memory fails the send (callback told, nothing appended). True if it did.
    /// One rule for send() and the scenario's synthetic sends (value_bytes: the serialized value's size).
    bool failRecordTooLarge(ProducerData& pd, const std::string& topic, std::optional<std::int32_t> partition,
                            const std::optional<std::string>& key, std::int64_t value_bytes);
    /// What a synthetic record's value counts as in batch sizes and the record size check.
    static constexpr std::int64_t kSyntheticValueBytes = 16;
    /// The leader's check of a produced batch (UnifiedLog.analyzeAndValidateRecords): its size, header
    /// included, above the topic's max.message.bytes (default message.max.bytes) is MESSAGE_TOO_LARGE.
    static bool batchTooLarge(const TopicState& t, const std::vector<std::int64_t>& record_sizes);
    ErrorCode doSendSynthetic(ProducerData& pd, const std::string& topic, std::optional<std::uint32_t> key_id);

    runtime::Scheduler& m_scheduler;
    runtime::TimerChannel<ProducerTimer> m_timers;
    const ClusterConfig& m_config;
    Journal& m_journal;
    Rng& m_rng; ///< the Kafka model's stream (the sticky partitioner draws from it)
    RecordStore& m_store;
    ProduceBrokers& m_brokers;
    std::vector<std::unique_ptr<ProducerData>> m_producers;
    InFlightMap m_in_flight;
    std::map<std::uint64_t, Request> m_requests;
    /// Set by the accumulator when an append created a batch or filled one (KafkaProducer wakes the sender).
    bool m_append_wakes = false;
    std::uint64_t m_next_request = 1;
    std::int32_t m_client_counter = 0;
    runtime::RngStreams m_streams; ///< each producer forks its own stream (retry and reconnect jitter)
};

} // namespace fluxolab::sim::kafka
