#pragma once
// A deterministic model of a Flink job with event-time windows:
//   source (splits = Kafka partitions) -> timestamps/watermarks -> keyBy -> window -> sink (+ late side
//   output)
// with parallelism 1..8. It computes what Flink 2.x computes (see ../shared/FIDELITY.md §5):
//  * per-split watermark generators (bounded out-of-orderness max - B - 1, monotonous, SQL ts - INTERVAL),
//    emitted after every event or periodically every auto-watermark interval of processing time, with
//    idleness (WatermarksWithIdleness); a source subtask emits the min over its non-idle splits, only
//    when larger than what it emitted before;
//  * every window subtask receives from every source subtask; its watermark is the min over the aligned
//    (active) input channels, forwarded only when larger (StatusWatermarkValve);
//  * WindowOperator + EventTimeTrigger: fire when the watermark >= end - 1, allowed lateness with
//    re-firing, merging (session) windows judged on the merged window, late side output.
//
// Processing time is the shared runtime's virtual clock (sim/runtime/scheduler.h): the job registers as
// a component of a runtime::Scheduler (its own, or one shared with the Kafka model) and schedules its
// own typed timers there (StreamTimer: periodic watermark ticks, processing-time timers, checkpoints).
// Whoever drives that scheduler drives the job; advanceProcessingTime and the arrival time of each
// element drive it too.

#include "sim/runtime/scheduler.h"
#include "sim/stream/journal.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::stream {

namespace runtime = sim::runtime;

inline constexpr Millis kMinTime = std::numeric_limits<Millis>::min();
inline constexpr Millis kMaxTime = std::numeric_limits<Millis>::max();

struct Element {
    Millis eventTime = 0;
    std::string key;
    double value = 0; ///< the aggregated field (unused by count)
    std::int32_t partition = 0;
    Millis arrival = 0; ///< processing time at which the source reads it
};

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

enum class TimeDomain : std::uint8_t { EventTime, ProcessingTime };

/// What a KeyedProcessFunction sees (Flink's KeyedProcessFunction.Context + TimerService + keyed state).
/// All state is the current key's. State TTL (JobSpec::stateTtl) is processing time, refreshed on every
/// write, and an expired value is never returned (StateTtlConfig defaults: OnCreateAndWrite,
/// NeverReturnExpired); here it applies to a whole state (value, list, map or reducing), not per entry.
class ProcessContext {
public:
    virtual ~ProcessContext() = default;
    virtual const std::string& key() const = 0;
    /// Element's event time in processElement; the timer's time in an event-time onTimer; none otherwise.
    virtual std::optional<Millis> timestamp() const = 0;
    /// The operator watermark before this element (kMinTime at first).
    virtual Millis currentWatermark() const = 0;
    virtual Millis currentProcessingTime() const = 0;
    /// Timers are deduplicated per (key, time): registering the same time twice gives one onTimer call.
    virtual void registerEventTimeTimer(Millis time) = 0;
    virtual void registerProcessingTimeTimer(Millis time) = 0;
    virtual void deleteEventTimeTimer(Millis time) = 0;
    virtual void deleteProcessingTimeTimer(Millis time) = 0;
    /// Emits a record downstream (with the element's or the event-time timer's timestamp).
    virtual void output(const std::string& value) = 0;
    // ValueState<String>
    virtual std::optional<std::string> value(const std::string& state) = 0;
    virtual void update(const std::string& state, const std::string& value) = 0;
    virtual void clear(const std::string& state) = 0;
    // ListState<String>
    virtual std::vector<std::string> list(const std::string& state) = 0;
    virtual void add(const std::string& state, const std::string& value) = 0;
    // MapState<String, String>
    virtual std::optional<std::string> mapGet(const std::string& state, const std::string& mapKey) = 0;
    virtual void mapPut(const std::string& state, const std::string& mapKey, const std::string& value) = 0;
    virtual void mapRemove(const std::string& state, const std::string& mapKey) = 0;
    // ReducingState<Double> with a sum as the reduce function
    virtual std::optional<double> reduced(const std::string& state) = 0;
    virtual void reduceAdd(const std::string& state, double value) = 0;
};

/// A user function on a keyed stream (DataStream KeyedProcessFunction).
class KeyedProcessFunction {
public:
    virtual ~KeyedProcessFunction() = default;
    virtual void processElement(const Element& element, ProcessContext& ctx) = 0;
    virtual void onTimer(Millis time, TimeDomain domain, ProcessContext& ctx) {
        (void)time;
        (void)domain;
        (void)ctx;
    }
};

/// The course's example: "⚠ Utilizador X inativo há 10 segundos." Every element of a key replaces
/// that key's processing-time timer (now + timeout, kept in ValueState "timer"); when a timer fires
/// the key has been silent for the timeout and the alert is emitted (message in Portuguese, or English
/// with portuguese = false).
std::shared_ptr<KeyedProcessFunction> makeInactivityAlert(Millis timeout, bool portuguese = true);

struct JobSpec {
    WatermarkSpec watermark;
    WindowSpec window;
    AggKind agg = AggKind::Count;
    int parallelism = 1; ///< 1..8 (source and window operator)
    int partitions = 1;  ///< number of splits (Kafka partitions) of the source, >= 1
    std::string topic;   ///< empty: split p -> source subtask p % parallelism; else Flink's Kafka owner rule
    bool lateSideOutput = true; ///< sideOutputLateData; false: dropped and counted (numLateRecordsDropped)
    /// When set, the keyed stream goes to this process function instead of the window operator.
    std::shared_ptr<KeyedProcessFunction> process;
    Millis stateTtl = 0; ///< keyed state TTL in processing time; 0 = off
    /// Checkpoint every N ms of processing time (barriers injected at the sources); 0 = off.
    Millis checkpointInterval = 0;
};

/// What is wrong with a job description, as a code with its numbers (validate). sim/ makes no text:
/// fluxolab-cli's English is made in labs (labs/stream_tool/stream_errors.h, jobErrorText), the app's
/// with tr() (app/core/errortexts). Durations are in ms.
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
    TooManyHopWindows,       ///< a: the size, b: the slide, c: windows per element (> kMaxWindowsPerElement)
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
/// Windows one element is assigned to by a hop (size / slide) or cumulate (size / step) window. Flink
/// has no bound and would build them all (hop:1ms,100000h: 3.6e11 per element, a run that never ends);
/// FluxoLab refuses more than this many (docs/stream.md).
constexpr std::int64_t kMaxWindowsPerElement = 1000;

/// Checks a job description; returns the first problem, or nothing.
std::optional<JobError> validate(const JobSpec& spec);

struct Accumulator {
    std::int64_t count = 0;
    double sum = 0;
    double min = 0;
    double max = 0;
    std::vector<double> items; ///< collect only
};

/// The rendered window result: "3" for count, shortest decimal for sum/min/max/avg, "[a;b;c]" for collect.
std::string renderResult(AggKind agg, const Accumulator& acc);

struct Firing {
    std::string key;
    Millis start = 0;
    Millis end = 0;
    Accumulator acc;
    Millis watermark = 0; ///< operator watermark at the fire (kMaxTime for the end-of-input one)
    bool late = false;    ///< a late update: the window had fired before (a first firing never is one)
    int subtask = 0;
    Millis procTime = 0;
};

struct LateRecord {
    std::string key;
    Millis eventTime = 0;
    Millis watermark = 0; ///< operator watermark when it arrived
    int subtask = 0;
};

/// What the job emits, as it happens (keeps memory bounded for long traces).
/// A record emitted by a process function.
struct ProcessOutput {
    std::string key;
    std::optional<Millis> timestamp;
    Millis procTime = 0;
    std::string value;
    int subtask = 0;
};

struct JobOutput {
    std::function<void(const Firing&)> onFiring;
    std::function<void(const LateRecord&)> onLate;
    std::function<void(const ProcessOutput&)> onOutput;
    /// A checkpoint completed: `elementsRead` is the source position it stores (elements before it are in
    /// the snapshot); everything the sink received before this call is covered by it.
    std::function<void(std::uint64_t id, std::uint64_t elementsRead, Millis time)> onCheckpoint;
};

/// Flink's default max parallelism for a job of the given parallelism (128 for 1..8).
int defaultMaxParallelism(int parallelism);
/// java.lang.String#hashCode of a UTF-8 string (hashed over its UTF-16 code units).
std::int32_t javaStringHash(const std::string& utf8);
/// KeyGroupRangeAssignment: the window subtask that owns a key.
int keyToSubtask(const std::string& key, int parallelism, int maxParallelism);
/// BinaryRowData#hashCode of the one-field row (a STRING key) that Flink SQL's hash exchange keys by:
/// MurmurHashUtil's hash of the row's bytes by 4-byte words, seed 42 (not String#hashCode).
std::int32_t sqlKeyRowHash(const std::string& utf8);
/// The same assignment for Flink SQL: the global window aggregation subtask that owns a key (the key
/// group of sqlKeyRowHash).
int sqlKeyToSubtask(const std::string& key, int parallelism, int maxParallelism);
/// KafkaSourceEnumerator#getSplitOwner: the source subtask that reads partition p of topic.
int kafkaSplitOwner(const std::string& topic, int partition, int parallelism);

/// Windows of an element (newest first for hop, as SlidingEventTimeWindows returns them).
struct TimeWindow {
    Millis start = 0;
    Millis end = 0;
    Millis maxTimestamp() const { return end - 1; }
    bool operator<(const TimeWindow& o) const { return start != o.start ? start < o.start : end < o.end; }
    bool operator==(const TimeWindow& o) const { return start == o.start && end == o.end; }
};
Millis windowStart(Millis ts, Millis offset, Millis size);
std::vector<TimeWindow> assignWindows(const WindowSpec& spec, Millis ts);
/// The same into a reused vector (no allocation per element once it has grown).
void assignWindowsInto(const WindowSpec& spec, Millis ts, std::vector<TimeWindow>& out);

/// The stream engine's timer kinds on the runtime scheduler (component "stream"). At most one timer of
/// each kind is pending: the job's next wake-up for that purpose (re-armed after every change). When
/// several are due at the same millisecond they run in Flink's order whatever the scheduler's order:
/// checkpoint, then processing-time timers, then the watermark tick.
enum class StreamTimer : std::uint16_t {
    WatermarkTick,   ///< periodic emission / idleness check (pipeline.auto-watermark-interval)
    ProcessingTimer, ///< the earliest processing-time timer of any window subtask (its time + 1 ms)
    Checkpoint,      ///< the next periodic checkpoint
    Count_
};

class StreamJob final : private runtime::TimerHandler {
public:
    /// With `scheduler` null the job owns a scheduler (its clock starts at `startTime`); with one, the
    /// job registers as component `component` on it and `startTime` is ignored (the clock is the
    /// scheduler's). The scheduler must outlive the job.
    StreamJob(JobSpec spec, JobOutput output, StreamJournalSink* journal = nullptr, Millis startTime = 0,
              runtime::Scheduler* scheduler = nullptr, std::string_view component = "stream");
    ~StreamJob();
    StreamJob(const StreamJob&) = delete;
    StreamJob& operator=(const StreamJob&) = delete;

    /// Advances processing time to `time` (periodic watermark ticks, idleness, processing-time windows):
    /// runs the scheduler (with every component on it) up to `time`.
    void advanceProcessingTime(Millis time);
    /// The source reads one element at its arrival time (processing time first advances to it).
    void process(const Element& element);
    /// The elements in order, exactly as one process call each; faster when the keys are many.
    void process(std::span<const Element> elements);
    /// Tests only: the count of a key in an event-time tumbling window at which the job moves that state
    /// from its 32-bit counts to the general structures (0: the default, where a 32-bit count would end).
    static void setSlabCountLimitForTesting(std::uint32_t limit);
    /// End of a bounded input: every source emits the +inf watermark (Flink's MAX_WATERMARK), firing
    /// every remaining event-time window and event-time timer; then the operators finish and the
    /// processing-time timers still pending are dropped without firing (journaled TimerDropped), as Flink
    /// quiesces the processing-time service of a finishing operator (StreamOperatorWrapper#finish,
    /// FLINK-14231). With finalWatermark false nothing happens: the run stops with its source still open
    /// (windows, timers and processing-time windows stay pending).
    void finish(bool finalWatermark = true);
    /// The source stays open after its last element (a Kafka topic): processing time runs on until no
    /// processing-time timer is pending (the last inactivity alerts, the last processing-time windows).
    void runPendingProcessingTimers();

    /// Takes a checkpoint now (also done every JobSpec::checkpointInterval). In this model records are
    /// processed one at a time through the whole pipeline, so no record is ever in flight: barrier
    /// alignment at the multi-input window subtasks completes at once and the snapshot (split and
    /// source watermarks, valves, window contents, timers, keyed state, source position) is consistent.
    /// Returns the checkpoint id.
    std::uint64_t checkpoint();
    /// A subtask crashes: the whole job restarts from the last completed checkpoint (Flink's default
    /// full restart). Returns the source position to replay from (the Kafka offsets rewound): the caller
    /// feeds the elements again from that index. Without a completed checkpoint the job starts empty
    /// (position 0). With its own scheduler, virtual processing time goes back to the checkpoint's (the
    /// trace's arrival times are replayed with the elements); on a shared scheduler the clock never goes
    /// back, so the job restarts at the current time.
    std::uint64_t crashAndRestore();
    std::uint64_t lastCompletedCheckpoint() const;

    Millis processingTime() const { return now_; }
    std::uint64_t elementsRead() const { return elements_; }
    std::uint64_t lateDropped() const { return lateDropped_; } ///< without side output
    /// Current watermark of a window subtask (kMinTime before any).
    Millis operatorWatermark(int subtask) const;
    Millis splitWatermark(int partition) const;
    Millis sourceWatermark(int subtask) const;
    bool splitIdle(int partition) const;
    /// Number of windows currently holding state (all subtasks).
    std::size_t openWindows() const;
    const JobSpec& spec() const { return spec_; }
    /// The scheduler the job runs on (its own or the shared one).
    runtime::Scheduler& scheduler() { return *scheduler_; }
    /// When the job's next timer of a kind is due (kMaxTime: none pending).
    Millis pendingTimer(StreamTimer kind) const { return armed_[static_cast<std::size_t>(kind)]; }

    struct Impl;

private:
    void onTimer(const runtime::Timer& timer) override;
    /// process, given the hash and the word of the element's key (its key table's KeyHash).
    void processHashed(const Element& element, std::uint64_t keyHash, std::uint64_t keyWord);
    /// Schedules (or withdraws) the job's wake-ups so that the scheduler holds exactly what it needs.
    void arm();
    void disarm();
    void attach(Millis startTime);
    /// Runs the scheduler (every component on it) up to `time`, then moves the clock there.
    void runUntil(Millis time);

    JobSpec spec_;
    std::unique_ptr<runtime::Scheduler> ownScheduler_; ///< when the caller gave none
    runtime::Scheduler* scheduler_ = nullptr;
    std::string component_;
    runtime::TimerChannel<StreamTimer> timers_;
    bool registered_ = false;
    static constexpr std::size_t kTimerKinds = static_cast<std::size_t>(StreamTimer::Count_);
    Millis armed_[kTimerKinds] = {kMaxTime, kMaxTime, kMaxTime};
    runtime::TimerKey armedKey_[kTimerKinds] = {};
    Millis horizon_ = kMinTime; ///< the time advanceProcessingTime runs to (quiet ticks are skipped up to it)
    std::unique_ptr<Impl> impl_;
    Millis now_ = 0;
    Millis startTime_ = 0;
    std::uint64_t elements_ = 0;
    std::uint64_t lateDropped_ = 0;
};

} // namespace fluxolab::stream
