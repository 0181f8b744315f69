#pragma once
// What the app's stream view draws: a trace run through the stream engine (sim/stream) and recorded as
// plain data, from the engine's journal and outputs only (no engine internals). Positions are "steps":
// step s is the state after the first s elements were read (0..N); step N+1 is after the end of input
// (the final +inf watermark). Views scrub over steps; processing time is kept beside them.
//
// Also: the options of `fluxolab-cli replay` as text ("bounded:5s", "tumble:60s", "sum:valor"), and the
// answer to "why has this window not fired?" with its what-if re-runs (deterministic: same input and
// options give the same observation).
//
// Plain data of the labs layer: the job, its errors and the engine's values are the labs interface's
// (labs/stream_tool/stream_values.h, converted from and to the engine's in one place,
// labs/stream_tool/engine_values.h); no sim/stream header is included here, so app/ sees the stream
// engine only through this model (tests/layers).

#include "labs/observe/values.h"
#include "labs/stream_tool/stream_errors.h"
#include "labs/stream_tool/stream_values.h"
#include "labs/traces/trace_reader.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace fluxolab::sim {
class Simulation; // sim/cluster.h: a TopicStreamRun runs on it, held by reference
} // namespace fluxolab::sim

namespace fluxolab::stream_observe {

using labs::kMaxTime;
using labs::kMinTime;
using labs::Millis;

/// Everything a run needs: how to read the trace and the job.
struct RunOptions {
    traces::TraceOptions trace;
    labs::StreamJobSpec job;
    bool finalWatermark = true;
    /// Largest number of elements the view keeps (the whole run is held in memory).
    std::uint64_t maxElements = 1000000;
    /// replay's --crash-at N: after N elements read a subtask crashes and the job restarts from its last
    /// completed checkpoint; the sources read again from the checkpoint's position (0: no crash).
    std::uint64_t crashAt = 0;
    /// replay's --source open: after the last element processing time runs on until no processing-time
    /// timer is pending (bounded, the default: the end of input drops them unfired, as Flink).
    bool sourceOpen = false;
    /// The process function as replay names it ("inactivity:10s"; empty without one).
    std::string processText;
};

/// replay's option syntax. Each returns an English reason on error, nothing on success.
std::optional<std::string> parseWatermarkOption(const std::string& text, labs::WatermarkSpec& out);
std::optional<std::string> parseWindowOption(const std::string& text, labs::WindowSpec& out);
/// "count", "sum:F", "min:F", "max:F", "avg:F", "collect:F"; sets the value field of the trace options.
std::optional<std::string> parseAggOption(const std::string& text, RunOptions& out);
/// A duration as replay reads it ("5s", "200ms", "1m", plain ms); a leading '-' only when allowed.
std::optional<Millis> parseDurationText(const std::string& text, bool allowNegative = false);
/// The options back as text (for labels and the what-if description): "bounded:5s", "tumble:60s".
std::string watermarkText(const labs::WatermarkSpec& spec);
std::string windowText(const labs::WindowSpec& spec);
std::string durationText(Millis ms);

struct ObservedElement {
    std::uint64_t step = 0; ///< step at which it was read (1-based: the first element makes step 1)
    Millis arrival = 0;     ///< processing time
    Millis eventTime = 0;
    std::string key;
    double value = 0;
    std::int32_t partition = 0;
    std::int32_t sourceSubtask = 0;
    std::int32_t windowSubtask = 0; ///< the window subtask its key goes to (keyBy)
    bool late = false;                            ///< routed to the late side output (or dropped)
    Millis watermarkAtArrival = kMinTime; ///< operator watermark when it was late
    /// The step at which the engine judged it late (its element_late): its own step for the DataStream
    /// window operator; for Flink SQL the step whose flush of the local phase dropped it, later.
    std::uint64_t lateStep = 0;
    /// Late (routed to the side output or dropped) by step `s`.
    bool lateAt(std::uint64_t s) const { return late && lateStep <= s; }
    std::uint64_t line = 0;                       ///< line in the trace
    bool replayed = false; ///< read again after a crash (the sources rewound to the checkpoint)
    std::uint32_t keyId = 0; ///< the key's id in StreamObservation::strings
};

struct WatermarkPoint {
    std::uint64_t step = 0;
    Millis watermark = kMinTime;
};
struct IdlePoint {
    std::uint64_t step = 0;
    bool idle = false;
};

struct WindowFiring {
    std::uint64_t step = 0;
    Millis watermark = 0;
    bool late = false;
    std::string result;
};

struct ObservedWindow {
    std::string key;
    Millis start = 0;
    Millis end = 0;
    int subtask = 0;
    std::uint64_t createdStep = 0;
    std::vector<WindowFiring> firings;
    std::optional<std::uint64_t> purgedStep; ///< state cleared (cleanup time)
    std::optional<std::uint64_t> mergedStep; ///< session swallowed by a merge at this step
    /// State at a step: not yet created, open (collecting), fired (and still kept for lateness), or gone.
    enum class State { Absent, Open, Fired, Purged };
    State stateAt(std::uint64_t step) const;
    /// The firing shown at a step (the last one at or before it).
    const WindowFiring* firingAt(std::uint64_t step) const;
};

/// One line of replay's output, in its order (firings, then late elements, then the summary).
struct FiringLine {
    std::string key;
    Millis start = 0, end = 0;
    std::string value;
    Millis watermark = 0;
    bool late = false;
    std::uint64_t step = 0;
    /// Emitted again after a crash: the sink had received it after the restored checkpoint.
    bool duplicate = false;
    int subtask = 0; ///< the window subtask that fired it
};

/// A change to one key of a keyed operator (process function or window operator), or a job-wide
/// event (checkpoint, crash, restore), in the order the run made them. Strings are ids in
/// StreamObservation::strings.
struct KeyedChange {
    enum class Kind : std::uint8_t {
        Element,         ///< an element of the key reached its operator
        StateWritten,    ///< keyed state `name` now holds `value` (value, list, map or reducing state)
        StateCleared,    ///< `name` cleared by the function
        StateExpired,    ///< `name` expired (TTL)
        TimerRegistered, ///< `time`, processingTime says which domain
        TimerDeleted,
        TimerFired,
        Output,           ///< the process function emitted `value`
        WindowCreated,    ///< window [time, end) of the key holds state
        WindowFired,      ///< ... fired (its result in `value`)
        WindowPurged,     ///< ... state cleared at the cleanup time
        WindowMerged,     ///< session windows inside [time, end) merged into it
        CheckpointStarted,   ///< barriers injected at the sources (`checkpoint`)
        CheckpointCompleted, ///< every subtask's snapshot taken: the lanes at this point are saved
        Crashed,             ///< a subtask failed
        Restored,            ///< the job restarted from `checkpoint` (0: none, empty state)
        TimerDropped,        ///< a processing-time timer still pending at the end of input: never fired
    };
    std::uint64_t step = 0;
    Millis procTime = 0;
    Millis time = 0; ///< timer time; window start; output timestamp (kMinTime: none)
    Millis end = 0;  ///< window end
    std::uint64_t checkpoint = 0;
    std::uint64_t position = 0; ///< checkpoint / restore: elements read
    std::uint32_t key = 0;      ///< string id
    std::uint32_t name = 0;     ///< string id (state name)
    std::uint32_t value = 0;    ///< string id (state value, output, window result)
    Kind kind = Kind::Element;
    bool processingTime = false;
    bool duplicate = false; ///< an output emitted again after a restore
};

/// One key's lane at a step: its keyed state, its pending timers, its windows and its outputs.
struct KeyLane {
    std::uint32_t key = 0; ///< string id
    std::uint64_t elements = 0;
    std::map<std::uint32_t, std::uint32_t> state;      ///< state name -> value (string ids)
    std::set<std::pair<Millis, bool>> timers;          ///< (time, processing time) pending
    std::map<std::pair<Millis, Millis>, int> windows;  ///< [start, end) -> firings so far
    std::uint64_t outputs = 0;
    std::uint64_t timersFired = 0;
    std::uint64_t timersDropped = 0; ///< pending at the end of a bounded input (Flink drops them)
    std::vector<Millis> droppedTimers; ///< the processing times those dropped timers were for
    std::optional<std::uint32_t> lastOutput; ///< string id
    std::uint64_t lastOutputStep = 0;
    std::uint64_t lastChangeStep = 0;
};

/// The lanes of every key at a step (StreamObservation::keyLanesAt moves it).
struct KeyLanes {
    std::uint64_t step = 0;
    std::size_t applied = 0;            ///< changes folded
    std::uint64_t elementsCounted = 0;  ///< elements counted from StreamObservation::elements
    std::vector<KeyLane> lanes;         ///< by key id (keys not met yet have elements == 0)
    std::vector<std::uint32_t> present; ///< key ids with a lane, in order of first appearance
    std::shared_ptr<const std::pair<std::vector<KeyLane>, std::vector<std::uint32_t>>> checkpointed;
    std::uint64_t checkpoints = 0; ///< completed so far
    std::uint64_t lastCheckpoint = 0;
    std::uint64_t restores = 0;
    bool crashed = false; ///< the last job event was a crash not yet followed by its restore
    /// The lanes to show: `first` (if it has one), then the keys with an output at this step, then the
    /// busiest (most elements), ties by key name.
    std::vector<const KeyLane*> ordered(const std::vector<std::string>& strings,
                                        const std::string& first = {}) const;
};

class StreamObservation {
public:
    RunOptions options;
    std::string traceName;
    std::vector<ObservedElement> elements;
    std::vector<std::vector<WatermarkPoint>> splitWatermarks;    ///< per partition (split)
    std::vector<std::vector<IdlePoint>> splitIdle;               ///< per partition
    std::vector<std::vector<WatermarkPoint>> operatorWatermarks; ///< per window subtask
    std::vector<std::vector<WatermarkPoint>> sourceWatermarks;   ///< per source subtask (sent downstream)
    std::vector<std::vector<IdlePoint>> sourceIdle;              ///< per source subtask
    /// Per window subtask, per input channel (the upstream source subtask): [subtask][channel].
    std::vector<std::vector<std::vector<WatermarkPoint>>> channelWatermarks;
    std::vector<std::vector<std::vector<IdlePoint>>> channelIdle;
    std::vector<ObservedWindow> windows;
    std::vector<FiringLine> firings; ///< firing order
    std::vector<labs::LateRecord> lates;
    /// The late elements (indices in `elements`) in the order the engine judged them late: their
    /// lateStep never decreases along it.
    std::vector<std::uint32_t> lateOrder;
    /// The late elements judged late by step `s` (a prefix of lateOrder).
    std::size_t lateCountAt(std::uint64_t s) const;
    std::uint64_t lateDropped = 0;
    std::uint64_t skippedRecords = 0;
    std::vector<std::string> skippedMessages;
    /// Keyed state, timers, windows per key, process outputs, checkpoints, crash and restore, in order.
    std::vector<KeyedChange> keyed;
    std::vector<std::string> strings{std::string()}; ///< interned keys, state names, values (id 0 is "")
    std::unordered_map<std::string, std::uint32_t> stringIds{{std::string(), 0}};
    /// The elements are in `keyed` (Kind::Element) too: jobs with a process function, checkpoints or a
    /// crash, whose lanes must follow restores; otherwise lanes count them from `elements`.
    bool keyedElements = false;
    std::uint32_t intern(const std::string& s);
    bool hasProcessFunction() const { return options.job.hasProcessFunction(); }
    /// Moves `lanes` to `step` (forward incrementally, backward from the start).
    void keyLanesAt(KeyLanes& lanes, std::uint64_t step) const;
    /// The job-wide changes (checkpoints, crash, restore), the outputs and the processing-time timers
    /// dropped at the end of a bounded input, for the timeline's marks.
    std::vector<const KeyedChange*> jobMarks() const;

    std::uint64_t lastStep() const { return elements.size() + 1; } ///< after the end of input
    int partitions() const { return static_cast<int>(splitWatermarks.size()); }
    int parallelism() const { return static_cast<int>(operatorWatermarks.size()); }
    bool hasArrivalTimes() const; ///< processing time advances in this trace
    Millis processingTimeAt(std::uint64_t step) const;
    Millis minEventTime() const;
    Millis maxEventTime() const;

    Millis splitWatermarkAt(int partition, std::uint64_t step) const;
    bool splitIdleAt(int partition, std::uint64_t step) const;
    Millis operatorWatermarkAt(int subtask, std::uint64_t step) const;
    /// Minimum over the window subtasks (what one operator line shows with parallelism > 1).
    Millis operatorWatermarkAt(std::uint64_t step) const;
    /// The source subtask reading a partition.
    int ownerOf(int partition) const;
    Millis sourceWatermarkAt(int subtask, std::uint64_t step) const;
    bool sourceIdleAt(int subtask, std::uint64_t step) const;
    /// The watermark of window subtask `subtask`'s input channel from source subtask `channel`.
    Millis channelWatermarkAt(int subtask, int channel, std::uint64_t step) const;
    bool channelIdleAt(int subtask, int channel, std::uint64_t step) const;

    /// Records that went through each part of the pipeline up to a step (the pipeline drawing).
    struct Flow {
        std::uint64_t step = 0;
        std::vector<std::uint64_t> perPartition;
        std::vector<std::uint64_t> perSource;
        std::vector<std::uint64_t> perWindowSubtask; ///< on time or not
        std::uint64_t late = 0;                      ///< to the late side output (or dropped)
        std::uint64_t firings = 0;                   ///< results the sink received
    };
    /// Moves `flow` to `step` (forward incrementally, backward from the start).
    void flowAt(Flow& flow, std::uint64_t step) const;

    /// replay's text output: firing lines, LATE lines, the SUMMARY line.
    std::string replayText() const;
    /// The firings as CSV with a header (the export):
    /// subtask,key,window_start,window_end,value,watermark_at_fire,firing
    /// subtask is the window subtask + 1, replay's "N> " (1 at parallelism 1, where replay prints none).
    std::string firingsCsv() const;
};

/// A fold of an observation (KeyLanes, StreamObservation::Flow) moved to any step the way the stream
/// journal's timeline seeks (sim/stream/view.h, StreamJournalTimeline): a copy of the fold is kept every
/// `spacing` steps as the fold passes them, so a jump back starts from the last copy at or before the
/// target and folds at most `spacing` steps, instead of starting again from the first element. Forward
/// moves fold only what is new (playback). The spacing grows with the fold's weight (keys), as the
/// journal's snapshots do, so that copies stay a small part of the work and of the memory.
template <class Fold> class StepSeeker {
public:
    using Move = void (StreamObservation::*)(Fold&, std::uint64_t) const;
    explicit StepSeeker(Move move, std::uint64_t minSpacing = 4096) : move_(move), minSpacing_(minSpacing) {}
    /// Forgets the copies (a new observation).
    void reset() { snapshots_.clear(); }
    /// Moves `fold` to `step` (clamped to the observation's last step).
    void seek(const StreamObservation& obs, Fold& fold, std::uint64_t step) {
        step = std::min<std::uint64_t>(step, obs.lastStep());
        if (snapshots_.empty()) {
            spacing_ = std::max<std::uint64_t>(minSpacing_, 8 * obs.strings.size());
            fold = Fold{};
            (obs.*move_)(fold, 0);
            snapshots_.push_back(fold);
        }
        if (step < fold.step) {
            const auto i = std::min<std::size_t>(static_cast<std::size_t>(step / spacing_), snapshots_.size() - 1);
            fold = snapshots_[i];
        }
        // Forward, keeping a copy at each multiple of the spacing passed for the first time.
        while (snapshots_.size() * spacing_ <= step && fold.step <= snapshots_.size() * spacing_) {
            (obs.*move_)(fold, snapshots_.size() * spacing_);
            snapshots_.push_back(fold);
        }
        (obs.*move_)(fold, step);
    }
    std::size_t snapshots() const { return snapshots_.size(); }
    std::uint64_t spacing() const { return spacing_; }

private:
    Move move_;
    std::uint64_t minSpacing_;
    std::uint64_t spacing_ = 4096;
    std::vector<Fold> snapshots_; ///< snapshots_[i]: the fold at step i * spacing_
};
using KeyLanesSeeker = StepSeeker<KeyLanes>;
using FlowSeeker = StepSeeker<StreamObservation::Flow>;

struct ObserveResult {
    std::optional<StreamObservation> observation;
    std::string error; ///< "FILE:LINE: reason" or a file-level message (English, fluxolab-cli's)
    /// The trace's error as a code with its parameters (the reader's, or the view's bounds on a
    /// trace); None for another error (a job the options describe wrongly: `error` only).
    traces::TraceError traceError;
    /// The job the options describe cannot run (labs::validateJob): its code; None otherwise.
    labs::JobError jobError;
    bool cancelled = false;
};

/// Reads the trace and runs the job. `progress` (0..1) is called now and then; `cancel` is polled.
ObserveResult observeTrace(const std::string& path, const RunOptions& options,
                           const std::function<void(double)>& progress = {},
                           const std::atomic<bool>* cancel = nullptr);
/// The run `fluxolab-cli replay ARGS` makes, as view options (the terminal's replay shown in the view).
/// Returns what is wrong when the arguments are not a run (bad, or --help: ReplayErrorCode::Help), as a
/// code with its parameters (labs::replayErrorText is fluxolab-cli's English for it).
std::optional<labs::ReplayError> runOptionsFromReplay(const std::vector<std::string>& args, const std::string& workDir,
                                                      std::string& tracePath, RunOptions& out);

/// Runs the job again over the elements of an earlier observation with other options (what-if).
StreamObservation rerun(const StreamObservation& base, const RunOptions& options);

/// A trace produced into a topic of a simulated cluster and a stream job reading that topic: the Kafka
/// model and the stream engine in one run, on the simulation's scheduler and clock (docs/stream.pt.md,
/// "Um tópico como fonte"). The trace's events are sent at their arrival times, shifted so that the
/// first one arrives at `feedStart` of simulation time (no arrival column: all at `feedStart`, in file
/// order), key -> partition by murmur2, record timestamp = event time, value a flat JSON object with
/// the trace's fields (key, time and, if the aggregate reads one, value). The job reads the topic as
/// Flink's KafkaSource does (stream::KafkaTopicSource); the observation grows as whoever drives the
/// simulation moves its clock. A topic is unbounded: no final watermark.
struct TopicRunOptions {
    RunOptions run;        ///< trace fields and the job (job.topic and job.partitions are set here)
    std::string tracePath; ///< empty: nothing fed (the job reads what the scenario produces)
    std::string topic;
    Millis feedStart = 0;
    /// Sends each event at its event time instead of its arrival (shifted the same way: the first one at
    /// feedStart; one earlier than the previous goes with it).
    bool paceByEventTime = false;
    labs::TopicEventTime eventTime = labs::TopicEventTime::RecordTimestamp;
    std::string eventTimeField; ///< EventTime::ValueField
    Millis pollInterval = 100;
    bool readTopic = true; ///< false: only the feed (no job, no source)
};

/// Why a TopicStreamRun cannot run, or stopped feeding: a code with its parameters (error() is
/// fluxolab-cli's English for it).
struct TopicRunError {
    enum class Kind : std::uint8_t {
        None,
        NoSuchTopic,      ///< topic
        Job,              ///< job: labs::validateJob refuses the job
        NoEventTimeField, ///< event time from the value without the name of its field
        Trace,            ///< trace: the trace cannot be opened, or a bad record met while feeding
        Internal,         ///< the topic source refused the job (source); not reachable from a file
        FeedRefused,      ///< topic, kafka: a send of the trace refused (count: events sent before it)
        FeedNotDelivered, ///< topic, kafka, partition: count trace records the producer gave up on
    } kind = Kind::None;
    std::string topic;
    labs::JobError job;
    traces::TraceError trace;
    labs::SourceError source;
    /// Feed kinds: Kafka's error (UNKNOWN_TOPIC_OR_PARTITION, ...)
    labs::ErrorCode kafka = labs::ErrorCode::NONE;
    int partition = -1;
    std::uint64_t count = 0;
    bool failed() const { return kind != Kind::None; }
};

class TopicStreamRun {
public:
    /// Attaches the feeder and the job to `sim` (which must outlive this object). On a problem (unknown
    /// topic, unreadable trace, bad job) error() says why and nothing is attached.
    TopicStreamRun(sim::Simulation& sim, const TopicRunOptions& options);
    ~TopicStreamRun();
    TopicStreamRun(const TopicStreamRun&) = delete;
    TopicStreamRun& operator=(const TopicStreamRun&) = delete;

    /// English; "FILE:LINE: reason" for a bad trace record met while feeding; "sending to 'T' failed:
    /// ..." / "N record(s) of the trace were not delivered to 'T': ..." when the topic did not take the
    /// trace's records (read as of the simulation's present: a failure comes up when it happens).
    const std::string& error() const;
    /// The same as a code with its parameters (for a UI that words it itself).
    const TopicRunError& errorInfo() const;
    /// What the job did so far (steps = records read from the topic).
    const StreamObservation& observation() const;
    std::uint64_t fed() const;     ///< trace events sent to the topic
    bool feedDone() const;         ///< the whole trace was sent (or nothing to feed)
    std::uint64_t skipped() const; ///< topic records the source could not read (see sourceSkipReason)
    std::string sourceSkipReason() const; ///< fluxolab-cli's English for sourceSkipped()
    labs::SkippedRecord sourceSkipped() const;
    /// The partition offset each element was read from, by step - 1.
    const std::vector<labs::Offset>& offsets() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

/// "Why has this window not fired?"
struct WhyNotFired {
    /// NoProcessingTime: periodic watermarks (every auto-watermark interval of processing time) in a
    /// trace without arrival times: processing time never advances, so no watermark is emitted before
    /// the end of input, whatever the partitions do.
    enum class Reason { Fired, Empty, Quiet, Slow, Behind, Idle, NoProcessingTime };
    struct Partition {
        int partition = 0;
        int sourceSubtask = 0;
        Millis watermark = kMinTime;
        bool idle = false;
        std::uint64_t elementsRead = 0;
        std::optional<Millis> lastArrival; ///< processing time of its last element
        std::uint64_t sinceLast = 0;       ///< elements read from other partitions since its last one
    };
    bool fired = false;
    Millis waitsFor = 0;          ///< end - 1
    Millis operatorWatermark = 0; ///< of the window's subtask at the step
    int subtask = 0;
    std::vector<Partition> partitions;
    int holder = -1; ///< partition holding the watermark back (-1: none)
    Reason reason = Reason::Fired;
    /// Event time an element of the holding partition needs for the watermark to reach waitsFor.
    std::optional<Millis> neededEventTime;
};
WhyNotFired explain(const StreamObservation& obs, const ObservedWindow& window, std::uint64_t step);

/// The what-if re-runs the panel offers for a window.
struct WhatIf {
    RunOptions options;
    std::string description; ///< English, e.g. "withIdleness(2s)"
    StreamObservation observation;
    /// The same window in the new run (matched by key and bounds); null when it no longer exists.
    const ObservedWindow* window = nullptr;
};
/// Why idleWhatIf offers nothing for a window (one rule for the stream view's button and --what-if).
enum class IdleWhatIfBlock { None, NoArrivalTimes, WindowFired, NoHolder, NoTimeout };
/// Marks partitions idle: withIdleness(timeout) (it applies to every partition, as in Flink). Only
/// meaningful when the trace has processing (arrival) times and the window has not fired yet, with a
/// partition holding its watermark back; returns nothing otherwise, and says why in `block`.
std::optional<RunOptions> idleWhatIf(const StreamObservation& obs, const WhyNotFired& why,
                                     std::uint64_t step, IdleWhatIfBlock* block = nullptr);
/// Halves the out-of-orderness bound (bounded and sql strategies); nothing for monotonous or bound 0.
std::optional<RunOptions> shorterBoundWhatIf(const StreamObservation& obs);
const ObservedWindow* findWindow(const StreamObservation& obs, const std::string& key, Millis start,
                                 Millis end);

} // namespace fluxolab::stream_observe
