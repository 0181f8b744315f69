#pragma once
// What is wrong with a replay command or a stream job, as codes with their parameters (plain labs
// values, labs/stream_tool/stream_values.h), and fluxolab-cli's English for them (one place). The app
// words the same codes with tr() (app/core/errortexts), so that nothing English reaches its pt_PT text.

#include "labs/stream_tool/stream_values.h"
#include "labs/traces/trace_reader.h"

#include <cstdint>
#include <string>

namespace fluxolab::labs {

/// validateJob's problem in fluxolab-cli's English ("parallelism must be between 1 and 8").
std::string jobErrorText(const JobError& error);

/// Why a topic source cannot read its topic, in fluxolab-cli's English ("topic 'x' does not exist").
std::string sourceErrorText(const SourceError& error);
/// The first topic record a source skipped: "cliques-0 offset 2: no number field 'ts' in the value".
std::string skippedRecordText(const SkippedRecord& skipped);
// The feed's English (feedErrorText) is declared in labs/stream_tool/engine_values.h: its error stays
// the engine's (the app sees it as a stream_observe::TopicRunError).

/// What is wrong with `fluxolab-cli replay ARGS` (parseReplayArgs). `option` is the option as typed
/// ("--window"), `value` / `value2` what it was given.
enum class ReplayErrorCode : std::uint8_t {
    None,
    Help,                   ///< --help: the usage was asked for, not a run
    TwoTraces,              ///< value: the first TRACE, value2: the second
    UnknownOption,          ///< option
    NeedsValue,             ///< option
    GivenTwice,             ///< option; value: the first value, value2: the second
    MonotonousNoBound,      ///< --watermark monotonous:...
    NeedsBound,             ///< value: bounded or sql
    UnknownWatermark,       ///< value
    NotADuration,           ///< option, value
    IntervalNotPositive,    ///< --watermark-interval 0
    BadParallelism,         ///< value
    BadPartitions,          ///< value
    NeedsTwoDurations,      ///< value: hop or cumulate
    UnknownWindow,          ///< value
    BadWindowTime,          ///< value
    BadLate,                ///< value
    CountTakesNoField,      ///< value: the field
    UnknownAgg,             ///< value
    AggNeedsField,          ///< value: the aggregate (sum, min, max, avg, collect)
    UnknownProcess,         ///< value
    InactivityNotPositive,  ///< value: the timeout as typed
    BadLang,                ///< value
    CheckpointNotPositive,  ///< --checkpoint-interval 0
    BadCrashAt,             ///< value
    BadTimeFormat,          ///< value
    BadFormat,              ///< value
    BadDelimiter,           ///< value
    BadOnError,             ///< value
    MissingTrace,
    ProcessAndWindow,
    IdleTimeoutZero,        ///< --idle-timeout 0 (Flink's withIdleness refuses it)
    CrashWithoutCheckpoints,
    WatermarkRequired,
    WindowRequired,
    Trace,                  ///< trace: the trace could not be read (the partition scan)
    Job,                    ///< job: the options make a job validateJob refuses
    BadSource,              ///< value: --source is neither bounded nor open
    // While running (runReplay's failure; Trace too: the trace unreadable, gone, or a bad record)
    TraceChanged,           ///< value: the trace, read again after a crash, has fewer records than before
    PartitionNotBelow,      ///< trace: file, line, number (the partition), number2 (--partitions)
    LateSpillFailed,        ///< the temporary file for the late elements could not be written
    // Notices of a run that went through (runReplay's `notices`, on stderr; exit code 0)
    SkippedPartition,       ///< trace: as PartitionNotBelow, a record --on-error skip left out
    SkippedRecords,         ///< value: how many bad records --on-error skip left out (SkippedRecord lists the first)
    SkippedRecord,          ///< trace: one of them (the first 20), printed indented under SkippedRecords
    SkippedMore,            ///< value: how many more were left out than listed, indented too
    LateDropped,            ///< value: late elements dropped (Flink's numLateRecordsDropped)
    CrashAfterEnd,          ///< value: --crash-at N; value2: the elements the trace has
    NoArrivalAlertsAtEnd,   ///< --process inactivity --source open without --arrival-field
    NoArrivalTimersDropped, ///< --process inactivity on a bounded source without --arrival-field
    NoArrivalProcessingWindows, ///< --window-time processing without --arrival-field
    NoArrivalPeriodicWatermark, ///< value: the watermark interval (ms), without --arrival-field
};

struct ReplayError {
    ReplayErrorCode code = ReplayErrorCode::None;
    std::string option;
    std::string value;
    std::string value2;
    traces::TraceError trace;
    JobError job;
    bool failed() const { return code != ReplayErrorCode::None; }
};

/// fluxolab-cli's English, without the "replay: " it prints before it ("--window is required (...)").
std::string replayErrorText(const ReplayError& error);
/// Whether `code` is printed indented under the notice before it ("  ...") rather than after "replay: ".
bool replayNoticeIndented(ReplayErrorCode code);
/// A notice's line as fluxolab-cli prints it to stderr: "replay: " or "  " (replayNoticeIndented), its
/// English, a newline.
std::string replayNoticeLine(const ReplayError& notice);

} // namespace fluxolab::labs
