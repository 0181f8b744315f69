#include "labs/stream_tool/stream_errors.h"

#include "labs/stream_tool/engine_values.h"

namespace fluxolab::labs {

std::string jobErrorText(const JobError& e) {
    using C = JobErrorCode;
    const std::string a = std::to_string(e.a), b = std::to_string(e.b), c = std::to_string(e.c);
    const std::string most = std::to_string(maxWindowsPerElement());
    const auto tooMany = [&](const char* what, const char* by) {
        return std::string("a ") + what + " window of size " + a + " ms and " + by + " " + b +
               " ms puts every element in " + c + " windows; FluxoLab builds at most " + most +
               " per element (size / " + by + " <= " + most + ")";
    };
    switch (e.code) {
    case C::None: return {};
    case C::Parallelism: return "parallelism must be between 1 and 8";
    case C::Partitions: return "the number of partitions must be between 1 and 1024";
    case C::NegativeAllowedLateness: return "allowed lateness must not be negative";
    case C::SqlAllowedLateness: return "Flink SQL window aggregations have no allowed lateness (late rows are dropped)";
    case C::NegativeBound: return "the watermark bound must not be negative";
    case C::WatermarkInterval: return "the watermark interval must be positive (or per-event)";
    case C::NegativeIdleTimeout: return "the idle timeout must not be negative";
    case C::WindowSize: return "the window size must be positive";
    case C::TumbleOffset: return "TumblingEventTimeWindows parameters must satisfy abs(offset) < size";
    case C::HopSizeSlide: return "the window size and slide must be positive";
    case C::HopOffset: return "SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0";
    case C::SqlHopNotMultiple:
        return "HOP table function based aggregate requires size must be an integral multiple of slide, but got size " +
               a + " ms and slide " + b + " ms";
    case C::TooManyHopWindows: return tooMany("sliding", "slide");
    case C::SessionGap: return "the session gap must be positive";
    case C::SessionOffset: return "session windows have no offset";
    case C::CumulateSizeStep: return "the cumulate step and size must be positive";
    case C::CumulateNotMultiple: return "the cumulate size must be a multiple of the step";
    case C::TooManyCumulateWindows: return tooMany("cumulate", "step");
    case C::CumulateOffset: return "the window offset must satisfy abs(offset) < size";
    }
    return {};
}

std::string sourceErrorText(const SourceError& e) {
    using C = SourceErrorCode;
    switch (e.code) {
    case C::None: return {};
    case C::NoSuchTopic: return "topic '" + e.topic + "' does not exist";
    case C::OtherScheduler: return "the stream job does not run on the simulation's scheduler";
    case C::JobMismatch:
        return "the stream job reads " + std::to_string(e.jobPartitions) + " split(s) of '" + e.jobTopic + "', the topic '" +
               e.topic + "' has " + std::to_string(e.topicPartitions) + " partition(s)";
    case C::NoTimeField: return "event time from the value needs the name of its field";
    case C::PollInterval: return "the poll interval must be positive";
    }
    return {};
}

std::string skippedRecordText(const SkippedRecord& s) {
    if (s.partition < 0) return {};
    return s.topic + "-" + std::to_string(s.partition) + " offset " + std::to_string(s.offset) + ": no number field '" +
           s.field + "' in the value";
}

std::string feedErrorText(const stream::FeedError& e) {
    using C = stream::FeedErrorCode;
    switch (e.code) {
    case C::None: return {};
    case C::SendRefused: return "sending to '" + e.topic + "' failed: " + sim::errorName(e.kafka);
    case C::NotDelivered:
        // No partition when send() failed before choosing one (METADATA_TIMEOUT).
        return std::to_string(e.records) + " record(s) of the trace were not delivered to '" + e.topic +
               "': " + sim::errorName(e.kafka) +
               (e.partition >= 0 ? " (the first on partition " + std::to_string(e.partition) + ")" : "") +
               (e.kafka == sim::ErrorCode::INVALID_TIMESTAMP
                    ? std::string(": each record carries its event time as its timestamp, and the broker refuses "
                                  "timestamps more than message.timestamp.after.max.ms (3600000 ms by default) ahead "
                                  "of its clock, which does not run at the trace's dates; create the topic with "
                                  "--config message.timestamp.after.max.ms=1000000000000000")
                    : std::string());
    }
    return {};
}

std::string replayErrorText(const ReplayError& e) {
    using C = ReplayErrorCode;
    const std::string& o = e.option;
    const std::string& v = e.value;
    switch (e.code) {
    case C::None: return {};
    case C::Help: return "--help";
    case C::TwoTraces: return "only one TRACE file (got '" + v + "' and '" + e.value2 + "')";
    case C::UnknownOption: return "unknown option '" + o + "' (see fluxolab-cli replay --help)";
    case C::NeedsValue: return o + " needs a value";
    case C::GivenTwice: return o + " is given twice ('" + v + "' and '" + e.value2 + "'): give it once";
    case C::MonotonousNoBound: return "--watermark monotonous takes no bound";
    case C::NeedsBound: return "--watermark " + v + " needs a bound, e.g. " + v + ":5s";
    case C::UnknownWatermark: return "--watermark: unknown strategy '" + v + "' (bounded:5s, monotonous or sql:5s)";
    case C::NotADuration: return o + ": '" + v + "' is not a duration (examples: 5s, 200ms, 1m, 2h)";
    case C::IntervalNotPositive: return "--watermark-interval must be positive, or per-event";
    case C::BadParallelism: return "--parallelism must be an integer from 1 to 8";
    case C::BadPartitions: return "--partitions must be an integer from 1 to 1024";
    case C::NeedsTwoDurations: return "--window " + v + " needs two durations, e.g. " + v + ":10s,60s";
    case C::UnknownWindow:
        return "--window: unknown window '" + v + "' (tumble:60s, hop:10s,60s, session:30s or cumulate:10s,60s)";
    case C::BadWindowTime: return "--window-time must be event or processing";
    case C::BadLate: return "--late must be side-output or drop";
    case C::CountTakesNoField: return "--agg count takes no field";
    case C::UnknownAgg: return "--agg: unknown aggregate '" + v + "' (count, sum:F, min:F, max:F, avg:F, collect:F)";
    case C::AggNeedsField: return "--agg " + v + " needs a field, e.g. " + v + ":valor";
    case C::UnknownProcess: return "--process: unknown function '" + v + "' (inactivity:10s)";
    case C::InactivityNotPositive: return "--process inactivity needs a positive timeout";
    case C::BadLang: return "--lang must be pt or en";
    case C::CheckpointNotPositive: return "--checkpoint-interval must be positive";
    case C::BadCrashAt: return "--crash-at needs the number of elements read before the crash (1 or more)";
    case C::BadTimeFormat: return "--time-format must be auto, epoch-ms, epoch-s, iso or sql";
    case C::BadFormat: return "--format must be csv or jsonl";
    case C::BadDelimiter: return "--delimiter must be ',' or ';'";
    case C::BadOnError: return "--on-error must be fail or skip";
    case C::BadSource: return "--source must be bounded or open";
    case C::MissingTrace: return "missing TRACE file";
    case C::ProcessAndWindow: return "--process and --window exclude each other";
    case C::IdleTimeoutZero:
        return "--idle-timeout 0: idleTimeout must be greater than zero (Flink's withIdleness refuses 0; leave the "
               "option out for no idleness)";
    case C::CrashWithoutCheckpoints:
        return "--crash-at needs --checkpoint-interval: without checkpoints Flink does not restart a failed job "
               "(restart-strategy none), so there is nothing to recover";
    case C::WatermarkRequired: return "--watermark is required (bounded:5s, monotonous or sql:5s)";
    case C::WindowRequired: return "--window is required (tumble:60s, hop:10s,60s, session:30s or cumulate:10s,60s)";
    case C::Trace: return traces::traceErrorText(e.trace);
    case C::Job: return jobErrorText(e.job);
    case C::TraceChanged: return v + ": the trace changed while it was replayed";
    case C::PartitionNotBelow:
    case C::SkippedPartition: {
        // The same record's error (--on-error fail) and notice (skip): one wording.
        const std::string where = e.trace.file + ":" + std::to_string(e.trace.line) + ": partition " +
                                  std::to_string(e.trace.number) + " is not below --partitions " +
                                  std::to_string(e.trace.number2);
        return e.code == C::SkippedPartition ? "skipped " + where : where;
    }
    case C::LateSpillFailed: return "cannot write the temporary file for the late elements";
    case C::SkippedRecords: return "skipped " + v + " bad record(s) (--on-error skip):";
    case C::SkippedRecord: return traces::traceErrorText(e.trace);
    case C::SkippedMore: return "... and " + v + " more";
    case C::LateDropped: return v + " late element(s) dropped (numLateRecordsDropped)";
    case C::CrashAfterEnd:
        return "--crash-at " + v + ": the trace has only " + e.value2 + " element(s), so the job did not crash";
    case C::NoArrivalAlertsAtEnd:
        return "note: without --arrival-field processing time does not advance, so no key is silent for the "
               "timeout while the input lasts; the alerts come only after its end";
    case C::NoArrivalTimersDropped:
        return "note: without --arrival-field processing time does not advance, so the inactivity timers never "
               "fire (the end of the input drops them)";
    case C::NoArrivalProcessingWindows:
        return "note: without --arrival-field processing time does not advance, so processing-time windows never "
               "fire";
    case C::NoArrivalPeriodicWatermark:
        return "note: without --arrival-field processing time does not advance, so the periodic watermark (every " +
               v +
               " ms of processing time) never moves before the end of input, where the final watermark (MAX) fires "
               "the windows; --watermark-interval per-event emits one after every event";
    }
    return {};
}

bool replayNoticeIndented(ReplayErrorCode code) {
    return code == ReplayErrorCode::SkippedRecord || code == ReplayErrorCode::SkippedMore;
}

std::string replayNoticeLine(const ReplayError& notice) {
    return (replayNoticeIndented(notice.code) ? "  " : "replay: ") + replayErrorText(notice) + "\n";
}

} // namespace fluxolab::labs
