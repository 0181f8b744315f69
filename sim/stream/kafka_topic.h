#pragma once
// The stream engine and the Kafka model in one session, on one runtime scheduler and clock:
//
//  * KafkaTopicSource: a simulated Kafka topic as the source of a StreamJob (Flink's KafkaSource):
//    one split per partition, split p read by source subtask kafkaSplitOwner(topic, p, parallelism)
//    (KafkaSourceEnumerator#getSplitOwner), reading from the earliest offset
//    (OffsetsInitializer.earliest()) up to each partition's high watermark, as a read_uncommitted
//    KafkaConsumer sees the log. It polls every `pollInterval` ms of the simulation clock (the Kafka
//    model's own consumer loop uses the same 100 ms); processing time is the simulation clock. Event
//    time is the record's timestamp (CreateTime: the producer's) or an epoch-ms field of the value.
//    It reads the partition logs directly: no consumer is added, no request is sent, so the Kafka
//    journal is byte-identical with or without a stream job attached.
//  * TopicFeeder: records (a trace's events) produced into a topic at their arrival times by one
//    producer of the simulation: key -> partition by Kafka's murmur2 rule (the producer's default
//    partitioner), record timestamp = event time. What it produces is Kafka traffic like any other
//    (it appears in the Kafka journal).
//
// Plain C++20 like the rest of sim/: no files (the trace reader lives in labs/ and hands records in).

#include "sim/kafka_config.h"
#include "sim/stream/engine.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::sim {
class Simulation; // sim/cluster.h: held by reference, so that this header does not bring the whole
                  // simulation to its readers (the app reaches it through labs/stream_observe)
} // namespace fluxolab::sim

namespace fluxolab::stream {

struct TopicSourceSpec {
    std::string topic;
    enum class EventTime : std::uint8_t {
        RecordTimestamp,
        ValueField
    } eventTime = EventTime::RecordTimestamp;
    std::string timeField;  ///< ValueField: the value's field holding epoch milliseconds
    std::string valueField; ///< the value's field aggregated (sum/min/max/avg); empty: the value itself
                            ///< when it is a number, else 0 (count needs none)
    Millis pollInterval = 100;
    std::uint32_t maxPollRecords = 500; ///< per source subtask and poll (max.poll.records)
};

/// Why a KafkaTopicSource cannot read its topic: a code with its parameters (no prose in sim/; labs
/// words it: labs::sourceErrorText, the app with tr()).
enum class SourceErrorCode : std::uint8_t {
    None,
    NoSuchTopic,      ///< topic
    OtherScheduler,   ///< the job does not run on the simulation's scheduler
    JobMismatch,      ///< the job reads jobPartitions split(s) of jobTopic; topic has topicPartitions
    NoTimeField,      ///< event time from the value without the name of its field
    PollInterval,     ///< the poll interval is not positive (value: it)
};
struct SourceError {
    SourceErrorCode code = SourceErrorCode::None;
    std::string topic;
    std::string jobTopic;
    std::int64_t jobPartitions = 0;
    std::int64_t topicPartitions = 0;
    std::int64_t value = 0;
};

/// The first topic record a KafkaTopicSource could not read: where, and the value's missing number
/// field (the event time's or the aggregated one).
struct SkippedRecord {
    std::string topic;
    int partition = -1;
    sim::Offset offset = 0;
    std::string field;
    bool timeField = false; ///< the missing field is the event time's (else the aggregated value's)
};

/// A number field of a flat JSON object ("{\"ts\":1000,\"valor\":2.5}"), also when quoted; nothing if
/// absent or not a number.
std::optional<double> jsonNumberField(const std::string& json, const std::string& field);

class KafkaTopicSource final : private sim::runtime::TimerHandler {
public:
    /// `job` must run on `sim.scheduler()` with JobSpec::topic == spec.topic and JobSpec::partitions
    /// equal to the topic's partition count (see jobForTopic). Check error() after construction: an
    /// unknown topic or a mismatching job leaves the source stopped (a code: no prose in sim/).
    KafkaTopicSource(sim::Simulation& sim, StreamJob& job, TopicSourceSpec spec);
    ~KafkaTopicSource();
    KafkaTopicSource(const KafkaTopicSource&) = delete;
    KafkaTopicSource& operator=(const KafkaTopicSource&) = delete;

    /// Called for every record read, just before the job processes it.
    std::function<void(const Element&, sim::Offset offset)> beforeElement;

    const std::optional<SourceError>& error() const { return error_; }
    /// Next offset the source reads in a partition.
    sim::Offset position(int partition) const { return positions_.at(static_cast<std::size_t>(partition)); }
    std::uint64_t recordsRead() const { return read_; }
    /// Records whose event time could not be read from the value (skipped, as with --on-error skip).
    std::uint64_t skipped() const { return skipped_; }
    const SkippedRecord& firstSkipped() const { return firstSkip_; }
    /// Reads what is readable now (also done every poll interval).
    void poll();

    /// A subtask crashes: the whole job restarts from its last completed checkpoint
    /// (StreamJob::crashAndRestore) and every split goes back to the offset stored in that checkpoint,
    /// as Flink's KafkaSource does (the offsets are part of the split state); without a completed
    /// checkpoint, back to the earliest offset. The records after those offsets are read again, so the
    /// job's state ends as in a run without the failure (what the sink got twice, it got twice).
    /// Returns the restored checkpoint's id (0: none).
    std::uint64_t crashAndRestore();
    /// The offsets committed to Kafka: the ones of the last completed checkpoint (KafkaSource commits only
    /// on notifyCheckpointComplete); empty before the first checkpoint.
    const std::vector<sim::Offset>& committedOffsets() const {
        syncCheckpoint();
        return committed_;
    }

private:
    enum class Kind : std::uint16_t { Poll };
    void onTimer(const sim::runtime::Timer& timer) override;
    /// Positions change only while polling and a checkpoint is never taken inside a poll (the job
    /// processes each record at once, at the poll's time): a checkpoint completed since the last poll
    /// saw the current positions.
    void syncCheckpoint() const;

    sim::Simulation& sim_;
    StreamJob& job_;
    TopicSourceSpec spec_;
    sim::runtime::TimerChannel<Kind> timers_;
    std::vector<sim::Offset> positions_;
    std::vector<sim::Offset> earliest_; ///< where the source started (OffsetsInitializer.earliest())
    mutable std::vector<sim::Offset> committed_;
    mutable std::uint64_t checkpointId_ = 0;
    std::vector<std::vector<int>> splitsOf_; ///< source subtask -> its partitions (ascending)
    std::optional<SourceError> error_;
    std::uint64_t read_ = 0;
    std::uint64_t skipped_ = 0;
    SkippedRecord firstSkip_;
    bool stopped_ = false;
    sim::runtime::TimerKey armed_{};
    bool isArmed_ = false;
};

/// A JobSpec's source fields for a topic of the simulation: topic name and its partition count.
/// Returns false (and leaves `spec` alone) when the topic does not exist.
bool jobForTopic(const sim::Simulation& sim, const std::string& topic, JobSpec& spec);

/// One record to produce: at `arrival` (simulation time), with the event time as its timestamp.
struct FeedRecord {
    Millis arrival = 0;
    Millis eventTime = 0;
    std::string key;
    std::string value;
};

/// Why a TopicFeeder's records did not all reach the topic: a code with its parameters.
enum class FeedErrorCode : std::uint8_t {
    None,
    SendRefused,  ///< send() refused a record (kafka, e.g. UNKNOWN_TOPIC_OR_PARTITION when the topic is
                  ///< gone and cannot be auto-created); the feeder stops: `sent` records went before it
    NotDelivered, ///< records the producer gave up on (a final produce_failed: kafka, e.g.
                  ///< DELIVERY_TIMEOUT with no leader for delivery.timeout.ms); `records` so far,
                  ///< the first at `partition`. The feeder goes on sending the rest, as a producer would.
};
struct FeedError {
    FeedErrorCode code = FeedErrorCode::None;
    std::string topic;
    sim::ErrorCode kafka = sim::ErrorCode::NONE; ///< the first failure's
    int partition = -1;                          ///< NotDelivered: the first failed partition
    std::uint64_t records = 0;                   ///< NotDelivered: records lost so far (all failures)
    std::uint64_t sent = 0;                      ///< SendRefused: records sent before the refusal
    bool failed() const { return code != FeedErrorCode::None; }
};

class TopicFeeder final : private sim::runtime::TimerHandler {
public:
    /// Pulls records from `next` (false: no more) one at a time, in arrival order (a record arriving
    /// earlier than the previous one is sent with it), and sends each at its arrival time.
    TopicFeeder(sim::Simulation& sim, std::string topic, std::function<bool(FeedRecord&)> next,
                sim::ProducerConfig config = {});
    ~TopicFeeder();
    TopicFeeder(const TopicFeeder&) = delete;
    TopicFeeder& operator=(const TopicFeeder&) = delete;

    std::uint64_t sent() const { return sent_; }
    bool done() const { return done_; }
    /// The first send Kafka refused (e.g. an unknown topic that cannot be auto-created), else the
    /// records its producer gave up on so far (read from the journal's final produce_failed events of
    /// its producer, up to now: also after the last send). Nothing is lost without a word.
    const FeedError& error() const;
    std::int32_t producer() const { return producer_; }

private:
    enum class Kind : std::uint16_t { Send };
    void onTimer(const sim::runtime::Timer& timer) override;
    void pull();
    void arm();

    sim::Simulation& sim_;
    std::string topic_;
    std::function<bool(FeedRecord&)> next_;
    sim::runtime::TimerChannel<Kind> timers_;
    std::int32_t producer_ = -1;
    FeedRecord pending_;
    bool havePending_ = false;
    bool done_ = false;
    std::uint64_t sent_ = 0;
    mutable FeedError error_;
    mutable std::size_t journalSeen_ = 0; ///< journal events already looked at for produce_failed
    sim::runtime::TimerKey armed_{};
    bool isArmed_ = false;
};

} // namespace fluxolab::stream
