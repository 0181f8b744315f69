#pragma once
// The stream engine's values as the labs interface names them: plain labs:: types that the stream
// view's observation (labs/stream_observe/stream_observation.h), the stream errors
// (labs/stream_tool/stream_errors.h) and app/ use, with the same meaning as the engine's
// (sim/stream/engine.h, sim/stream/kafka_topic.h). The engine's rules stay the engine's: validateJob,
// windowSubtaskOfKey and maxWindowsPerElement ask it. The values cross into and out of the engine in
// one place, labs/stream_tool/engine_values.{h,cpp} (which also checks at compile time that each enum
// here has the engine's enumerators and each spec the engine's defaults); this header includes no
// sim/ header, so app/ sees none of the engine through it (tests/layers).

#include "labs/observe/values.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace fluxolab::labs {

/// A stream time or duration in milliseconds (event time, processing time, a watermark).
using Millis = std::int64_t;
/// The smallest and largest times: a watermark of −∞ (nothing seen yet) and +∞ (the end of input).
inline constexpr Millis kMinTime = std::numeric_limits<Millis>::min();
inline constexpr Millis kMaxTime = std::numeric_limits<Millis>::max();

enum class WatermarkKind : std::uint8_t {
    BoundedOutOfOrderness, ///< DataStream forBoundedOutOfOrderness(B): maxTs - B - 1
    Monotonous,            ///< DataStream forMonotonousTimestamps(): maxTs - 1
    Sql                    ///< SQL WATERMARK FOR ts AS ts - INTERVAL: running max of ts - I (starts at 0)
};

struct WatermarkSpec {
    WatermarkKind kind = WatermarkKind::BoundedOutOfOrderness;
    Millis bound = 0;       ///< B (bounded) or the INTERVAL (sql)
    bool perEvent = false;  ///< emit after every event (what the Flink cross-check uses)
    Millis interval = 200;  ///< pipeline.auto-watermark-interval (periodic ticks; also drive idleness)
    Millis idleTimeout = 0; ///< withIdleness(timeout); 0 = off
};

enum class WindowKind : std::uint8_t { Tumble, Hop, Session, Cumulate };

struct WindowSpec {
    WindowKind kind = WindowKind::Tumble;
    Millis size = 60000; ///< tumble/hop/cumulate size
    Millis slide = 0;    ///< hop slide
    Millis step = 0;     ///< cumulate step
    Millis gap = 0;      ///< session gap
    Millis offset = 0;
    Millis allowedLateness = 0;
    bool processingTime = false; ///< assign by the processing time of arrival, fire on processing time
};

enum class AggKind : std::uint8_t { Count, Sum, Min, Max, Avg, Collect };

/// A stream job as the labs interface describes it (the engine's JobSpec; its keyed process function is
/// named, not held: the course's inactivity alert, made by the engine when the job runs).
struct StreamJobSpec {
    WatermarkSpec watermark;
    WindowSpec window;
    AggKind agg = AggKind::Count;
    int parallelism = 1; ///< 1..8 (source and window operator)
    int partitions = 1;  ///< number of splits (Kafka partitions) of the source, >= 1
    std::string topic;   ///< empty: split p -> source subtask p % parallelism; else Flink's Kafka owner rule
    bool lateSideOutput = true; ///< sideOutputLateData; false: dropped and counted (numLateRecordsDropped)
    /// The keyed stream goes to the course's inactivity alert with this timeout instead of the window
    /// operator (replay's --process inactivity:T); 0: no process function.
    Millis inactivity = 0;
    bool portuguese = true; ///< the alert's language (replay's --lang)
    Millis stateTtl = 0;    ///< keyed state TTL in processing time; 0 = off
    /// Checkpoint every N ms of processing time (barriers injected at the sources); 0 = off.
    Millis checkpointInterval = 0;
    bool hasProcessFunction() const { return inactivity > 0; }
};

/// What is wrong with a job description, as a code with its numbers (the engine's validate).
/// Durations are in ms.
enum class JobErrorCode : std::uint8_t {
    None,
    Parallelism,             ///< a: the parallelism (1..8 allowed)
    Partitions,              ///< a: the number of partitions (1..1024 allowed)
    NegativeAllowedLateness, ///< a: the allowed lateness
    SqlAllowedLateness,      ///< a: the allowed lateness (Flink SQL window aggregations have none)
    NegativeBound,           ///< a: the watermark bound
    WatermarkInterval,       ///< a: the interval (positive, or per-event)
    NegativeIdleTimeout,     ///< a: the idle timeout
    WindowSize,              ///< tumble; a: the size
    TumbleOffset,            ///< a: the offset, b: the size (Flink: abs(offset) < size)
    HopSizeSlide,            ///< a: the size, b: the slide
    HopOffset,               ///< a: the offset, b: the slide (Flink: abs(offset) < slide)
    SqlHopNotMultiple,       ///< a: the size, b: the slide (Flink SQL: size a multiple of slide)
    TooManyHopWindows,       ///< a: the size, b: the slide, c: windows per element (> maxWindowsPerElement())
    SessionGap,              ///< a: the gap
    SessionOffset,           ///< a: the offset (session windows have none)
    CumulateSizeStep,        ///< a: the size, b: the step
    CumulateNotMultiple,     ///< a: the size, b: the step
    TooManyCumulateWindows,  ///< a: the size, b: the step, c: windows per element
    CumulateOffset,          ///< a: the offset, b: the size
};
struct JobError {
    JobErrorCode code = JobErrorCode::None;
    std::int64_t a = 0, b = 0, c = 0;
};

/// Checks a job description as the engine does (stream::validate); returns the first problem, or nothing.
std::optional<JobError> validateJob(const StreamJobSpec& spec);
/// The most windows the engine puts one element in (hop: size / slide, cumulate: size / step).
std::int64_t maxWindowsPerElement();
/// The window subtask that owns a key (Flink's KeyGroupRangeAssignment with the default max parallelism).
/// sql: a Flink SQL job (its exchange hashes the key as a BinaryRowData, not as a String).
int windowSubtaskOfKey(const std::string& key, int parallelism, bool sql = false);

/// Where a job reading a topic takes an element's event time from.
enum class TopicEventTime : std::uint8_t {
    RecordTimestamp, ///< the record's timestamp (CreateTime: the producer's)
    ValueField       ///< an epoch-ms number field of the value
};

/// Why a topic source cannot read its topic: a code with its parameters.
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

/// The first topic record a topic source could not read: where, and the value's missing number field
/// (the event time's or the aggregated one).
struct SkippedRecord {
    std::string topic;
    int partition = -1; ///< -1: none skipped
    Offset offset = 0;
    std::string field;
    bool timeField = false; ///< the missing field is the event time's (else the aggregated value's)
};

/// An element the window operator judged late.
struct LateRecord {
    std::string key;
    Millis eventTime = 0;
    Millis watermark = 0; ///< operator watermark when it arrived
    int subtask = 0;
};

} // namespace fluxolab::labs
