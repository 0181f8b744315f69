#include "app/core/errortexts.h"

#include "app/core/language.h"
#include "app/core/texts.h"
#include "app/stream/streamview.h"
#include "labs/common/teaching_notes.h"
#include "labs/kafka_tools/topic_error_notes.h"

#include <climits>

namespace fluxolab::app {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
/// A scenario's bound (a JSON number: "10000000", "0.01") with the UI language's decimal separator.
QString boundInUi(const std::string& s) {
    QString t = q(s);
    return t.replace(QLatin1Char('.'), uiLocale().decimalPoint());
}
} // namespace

QString ErrorTexts::scenarioReason(const labs::ScenarioError& e) {
    using Code = labs::ScenarioErrorCode;
    const QString v = q(e.value);
    switch (e.code) {
    case Code::None: return {};
    case Code::CannotOpen: return tr("the file cannot be opened (does it exist, and may it be read?)");
    case Code::EmptyFile: return tr("the file is empty; a scenario is a JSON object (see the scenarios of the gallery)");
    case Code::InvalidJson:
        return e.column > 0 ? tr("the file is not valid JSON: the error is at column %1 of this line").arg(e.column)
                            : tr("the file is not valid JSON");
    case Code::JsonNumberTooLarge: return tr("a number is too large for JSON (beyond a double)");
    case Code::MissingField: return tr("the required field \"%1\" is missing").arg(v);
    case Code::UnknownField: return tr("the field \"%1\" does not exist here (a typo?)").arg(v);
    case Code::ExpectedString: return tr("expected a text in quotes, found %1").arg(v);
    case Code::ExpectedInteger: return tr("expected an integer, found %1").arg(v);
    case Code::ExpectedNumber: return tr("expected a number, found %1").arg(v);
    case Code::ExpectedBool: return tr("expected true or false, found %1").arg(v);
    case Code::ExpectedDuration:
        return tr("expected a duration such as \"250ms\", \"30s\", \"5m\" or a number of milliseconds, found %1").arg(v);
    case Code::ExpectedObject: return tr("expected an object {...}, found %1").arg(v);
    case Code::ExpectedArray: return tr("expected a list [...], found %1").arg(v);
    case Code::ExpectedNonEmptyArray: return tr("expected a list that is not empty, found %1").arg(v);
    case Code::ExpectedStringList: return tr("expected a non-empty list of texts, found %1").arg(v);
    case Code::ExpectedTopicList: return tr("expected a non-empty list of topic names, found %1").arg(v);
    case Code::ExpectedConfigObject: return tr("expected an object of config names and their values, found %1").arg(v);
    case Code::ExpectedConfigValue: return tr("a config value is a text, an integer or true/false, found %1").arg(v);
    case Code::OutOfRange: return tr("%1 is out of range: it must be between %2 and %3").arg(v, boundInUi(e.low), boundInUi(e.high));
    case Code::MustNotBeEmpty: return tr("must not be empty");
    case Code::DurationNotPositive: return tr("the duration must be positive (found %1 ms)").arg(v);
    case Code::EmptyGroupId: return tr("the group id must not be empty");
    case Code::UnknownKeyDistribution:
        return tr("unknown key distribution \"%1\" (use none, uniform, zipf, sequence or list)").arg(v);
    case Code::ListNeedsKeys: return tr("the list distribution needs a list of keys");
    case Code::BadAcks: return tr("acks is \"%1\"; it must be 0, 1, all or -1").arg(v);
    case Code::BadPartitioner: return tr("partitioner is \"%1\"; it must be \"sticky\" or \"round_robin\"").arg(v);
    case Code::UnknownAssignor: return tr("unknown assignor \"%1\" (use range, roundrobin, sticky or cooperative-sticky)").arg(v);
    case Code::BadOffsetReset: return tr("auto_offset_reset is \"%1\"; it must be earliest, latest or none").arg(v);
    case Code::HeartbeatNotBelowSession: return tr("heartbeat.interval.ms must be lower than session.timeout.ms");
    case Code::UnsupportedBrokerConfig: return tr("FluxoLab does not simulate the broker config \"%1\"").arg(v);
    case Code::UnknownTopic: return tr("the topic \"%1\" is not declared under \"topics\"").arg(v);
    case Code::UnknownAction:
        return tr("unknown action \"%1\" (use stop_broker, crash_broker, start_broker, add_consumer, remove_consumer, "
                  "crash_consumer, pause_consumer, alter_partitions, create_topic, delete_topic, producer_rate or "
                  "elect_preferred_leaders)")
            .arg(v);
    case Code::UnknownConsumer:
        return tr("the consumer \"%1\" is not declared under \"consumers\" nor added by an earlier add_consumer action")
            .arg(v);
    case Code::UnknownProducer: return tr("the producer \"%1\" is not declared under \"producers\"").arg(v);
    case Code::TerminalNotObject:
        return tr("\"terminal\" must be an object (the terminal's commands, as FluxoLab saves them), found %1").arg(v);
    case Code::BadTerminalJournal:
        return tr("the terminal's commands saved in the file cannot be replayed (%1)").arg(q(e.detail));
    case Code::BadTimeFormat: return tr("time_format is \"%1\"; it must be auto, epoch-ms, epoch-s, iso or sql").arg(v);
    case Code::BadPacing: return tr("pacing is \"%1\"; it must be \"arrival\" (the arrival column) or \"event_time\"").arg(v);
    case Code::ArrivalPacingNeedsColumn:
        return tr("pacing by arrival needs the \"arrival\" column (or use \"pacing\": \"event_time\")");
    case Code::DuplicateStreamJob: return tr("two stream jobs are called \"%1\"").arg(v);
    case Code::BadEventTime: return tr("event_time is \"%1\"; it must be \"timestamp\" or \"field:NAME\"").arg(v);
    case Code::KafkaRefused:
    case Code::TopicTooManyRecords: {
        // Kafka's own message stays as Kafka writes it; the teaching note explains it in the UI language.
        QString out = tr("Kafka would refuse it: %1 (%2)").arg(q(e.detail), QString::fromLatin1(labs::errorCodeName(e.kafka)));
        if (e.code == Code::TopicTooManyRecords)
            out += QLatin1Char(' ') + tr("At most %1 partitions with %n configs: a topic's metadata records may not exceed %2.",
                                         nullptr, v.toInt())
                                          .arg(q(e.high))
                                          .arg(labs::kMaxRecordsPerUserOp);
        if (const auto note = labs::topicErrorNote(e.kafka, e.detail)) {
            const labs::Language lang =
                currentLanguage() == QStringLiteral("en") ? labs::Language::English : labs::Language::Portuguese;
            const std::string_view text = labs::noteText(*note, lang);
            out += QLatin1Char('\n') + QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
        }
        return out;
    }
    case Code::ProducerConfigRefused:
        // Kafka's ConfigException message stays as Kafka writes it.
        return tr("Kafka's producer would refuse these settings when it is created (ConfigException): %1").arg(q(e.detail));
    case Code::Internal: return tr("unexpected error: %1").arg(q(e.detail));
    }
    return q(e.detail);
}

QString ErrorTexts::scenarioError(const labs::ScenarioError& e) {
    const QString reason = scenarioReason(e);
    if (e.line > 0 && !e.path.empty()) return tr("Line %1, at %2: %3").arg(e.line).arg(q(e.path), reason);
    if (e.line > 0) return tr("Line %1: %2").arg(e.line).arg(reason);
    if (!e.path.empty()) return tr("At %1: %2").arg(q(e.path), reason);
    return reason;
}

QString ErrorTexts::scenarioStreamProblem(const stream_observe::ScenarioStreamProblem& p) {
    using Kind = stream_observe::ScenarioStreamProblem::Kind;
    const QString v = q(p.value);
    QString reason;
    switch (p.kind) {
    case Kind::None: return {};
    case Kind::TimeFormat: reason = tr("time_format is \"%1\"; it must be auto, epoch-ms, epoch-s, iso or sql").arg(v); break;
    case Kind::Watermark:
        reason = tr("the watermark is \"%1\"; it must be bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s)").arg(v);
        break;
    case Kind::Window:
        reason = tr("the window is \"%1\"; it must be tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive "
                    "durations (for example tumble:60s)")
                     .arg(v);
        break;
    case Kind::Agg:
        reason = tr("the aggregate is \"%1\"; it must be count, or sum, min, max, avg or collect with a field (for example sum:valor)")
                     .arg(v);
        break;
    case Kind::WatermarkInterval:
        reason = tr("watermark_interval is \"%1\"; it must be per-event or a positive duration").arg(v);
        break;
    case Kind::Job: reason = tr("the stream job's settings do not go together: %1").arg(jobError(p.job)); break;
    case Kind::Trace: reason = StreamView::describeError(p.trace, true); break; // the path it looked for
    case Kind::NoSuchTopic: reason = tr("the topic \"%1\" does not exist in the scenario").arg(v); break;
    case Kind::NoEventTimeField: reason = tr("the event time is read from the value, but the name of its field is missing"); break;
    case Kind::Internal: reason = tr("the topic \"%1\" cannot be read by this job (%2)").arg(v, sourceError(p.source)); break;
    case Kind::FeedRefused: reason = feedRefused(p.value, p.kafka, p.count); break;
    case Kind::FeedNotDelivered: reason = feedNotDelivered(p.value, p.kafka, p.partition, p.count); break;
    }
    return tr("At %1: %2").arg(q(p.path), reason);
}


QString ErrorTexts::labReason(const labs::LabError& e) {
    using Code = labs::LabErrorCode;
    const QString v = q(e.value);
    switch (e.code) {
    case Code::None: return {};
    case Code::NotValidJson: return tr("the file is not valid JSON: %1").arg(q(e.detail));
    case Code::CannotReadFile: return tr("the file cannot be read (does it exist, and may it be read?)");
    case Code::CannotListDirectory: return tr("the labs folder cannot be listed: %1").arg(q(e.detail));
    case Code::DuplicateLabId: return tr("another lab file already uses the id \"%1\"").arg(v);
    case Code::MissingProperty: return tr("the required property \"%1\" is missing").arg(v);
    case Code::NotAString: return tr("expected a text in quotes");
    case Code::NotAnInteger: return tr("expected an integer");
    case Code::OutOfRange: return tr("must be between %1 and %2").arg(QString::number(e.low), QString::number(e.high));
    case Code::NotALabText: return tr("expected an object with the texts \"pt\" and \"en\"");
    case Code::UnknownLanguage: return tr("unknown language \"%1\" (use \"pt\" and \"en\")").arg(v);
    case Code::MissingTranslation:
        return tr("no \"%1\" text: every text a student reads must be given in \"pt\" and \"en\", neither empty").arg(v);
    case Code::UnknownProperty: return tr("the property \"%1\" does not exist here (a typo?)").arg(v);
    case Code::CheckNotAnObject: return tr("a check must be an object");
    case Code::ChecksTooDeep: return tr("checks are nested too deeply (at most %1 levels)").arg(QString::number(e.high));
    case Code::UnknownCheckType: return tr("unknown check type \"%1\"").arg(v);
    case Code::NotAStringArray: return tr("expected a list of texts in quotes");
    case Code::NotACheckList: return tr("expected a non-empty list of checks");
    case Code::CheckNeedsField: return tr("the check \"%1\" needs the property \"%2\"").arg(v, q(e.field));
    case Code::SetupNotAnObject: return tr("a setup action must be an object");
    case Code::UnknownSetupAction: return tr("unknown setup action \"%1\"").arg(v);
    case Code::NotAnArray: return tr("expected a list");
    case Code::RecordNotAnObject: return tr("a record must be an object with \"value\" (and optionally \"key\")");
    case Code::LabNotAnObject: return tr("a lab file must be a JSON object");
    case Code::BadLabId: return tr("the id \"%1\" may only use lower-case letters, digits and \"-\"").arg(v);
    case Code::BadLevel: return tr("the level \"%1\" must be beginner, intermediate or advanced").arg(v);
    case Code::NotANonEmptyArray: return tr("expected a non-empty list");
    case Code::NotAnObject: return tr("expected an object");
    case Code::StepNotAnObject: return tr("a step must be an object");
    case Code::DuplicateStepId: return tr("the step id \"%1\" is used twice").arg(v);
    case Code::InvalidTopicName: return tr("the topic name \"%1\" is not valid; Kafka says: %2").arg(v, q(e.detail));
    case Code::ReplicationFactorUnreachable: return tr("a replication factor of %1 needs %1 brokers, and the lab's cluster has %2 (/cluster/brokers); Kafka says: %3").arg(QString::number(e.low), QString::number(e.high), q(e.detail));
    case Code::UnknownGroupState: return tr("unknown group state \"%1\" (Empty, PreparingRebalance, CompletingRebalance, Stable or Dead)").arg(v);
    case Code::UnknownCommandKind: return tr("unknown command kind \"%1\"").arg(v);
    case Code::CommandRunState: return tr("a command_run takes only \"state\": \"Stable\", with the kind consumer-groups.describe (a describe that showed a stable group); here it is \"%1\"").arg(v);
    case Code::BadFiring: return tr("firing must be on-time or late-update, not \"%1\"").arg(v);
    }
    return {};
}

QString ErrorTexts::labError(const labs::LabError& e) {
    return QStringLiteral("%1: %2: %3").arg(q(e.file), e.path.empty() ? QStringLiteral("/") : q(e.path), labReason(e));
}

QString ErrorTexts::jobError(const labs::JobError& e) {
    using C = labs::JobErrorCode;
    const QString a = QString::number(e.a), b = QString::number(e.b), c = QString::number(e.c);
    const QString most = QString::number(labs::maxWindowsPerElement());
    switch (e.code) {
    case C::None: return {};
    case C::Parallelism: return tr("the parallelism is %1; it must be between 1 and 8").arg(a);
    case C::Partitions: return tr("the number of partitions is %1; it must be between 1 and 1024").arg(a);
    case C::NegativeAllowedLateness: return tr("the allowed lateness is %1 ms; it must not be negative").arg(a);
    case C::SqlAllowedLateness:
        return tr("Flink SQL window aggregations have no allowed lateness (late rows are dropped); it is %1 ms here").arg(a);
    case C::NegativeBound: return tr("the watermark bound is %1 ms; it must not be negative").arg(a);
    case C::WatermarkInterval: return tr("the watermark interval is %1 ms; it must be positive (or per-event)").arg(a);
    case C::NegativeIdleTimeout: return tr("the idle timeout is %1 ms; it must not be negative").arg(a);
    case C::WindowSize: return tr("the window size is %1 ms; it must be positive").arg(a);
    case C::TumbleOffset:
        return tr("the window offset is %1 ms; Flink's TumblingEventTimeWindows needs abs(offset) < size (%2 ms)").arg(a, b);
    case C::HopSizeSlide: return tr("the window size (%1 ms) and slide (%2 ms) must be positive").arg(a, b);
    case C::HopOffset:
        return tr("the window offset is %1 ms; Flink's SlidingEventTimeWindows needs abs(offset) < slide (%2 ms)").arg(a, b);
    case C::SqlHopNotMultiple:
        return tr("Flink SQL's HOP needs the size to be a multiple of the slide; here the size is %1 ms and the slide %2 ms")
            .arg(a, b);
    case C::TooManyHopWindows:
        return tr("a sliding window of size %1 ms and slide %2 ms puts every element in %3 windows; FluxoLab builds at most %4 "
                  "per element")
            .arg(a, b, c, most);
    case C::SessionGap: return tr("the session gap is %1 ms; it must be positive").arg(a);
    case C::SessionOffset: return tr("session windows have no offset (it is %1 ms here)").arg(a);
    case C::CumulateSizeStep: return tr("the cumulate window's size (%1 ms) and step (%2 ms) must be positive").arg(a, b);
    case C::CumulateNotMultiple:
        return tr("the cumulate window's size (%1 ms) must be a multiple of its step (%2 ms)").arg(a, b);
    case C::TooManyCumulateWindows:
        return tr("a cumulate window of size %1 ms and step %2 ms puts every element in %3 windows; FluxoLab builds at most %4 "
                  "per element")
            .arg(a, b, c, most);
    case C::CumulateOffset: return tr("the window offset is %1 ms; it must satisfy abs(offset) < size (%2 ms)").arg(a, b);
    }
    return {};
}

QString ErrorTexts::sourceError(const labs::SourceError& e) {
    using C = labs::SourceErrorCode;
    switch (e.code) {
    case C::None: return {};
    case C::NoSuchTopic: return tr("the topic \"%1\" does not exist in the scenario").arg(q(e.topic));
    case C::OtherScheduler: return tr("the stream job does not run on the simulation's clock");
    case C::JobMismatch:
        // Two counts, each in its plural form ("1 split", "4 partições").
        return tr("the stream job reads %1, but the topic \"%2\" has %3")
            .arg(tr("%n splits of \"%1\"", nullptr, static_cast<int>(e.jobPartitions)).arg(q(e.jobTopic)), q(e.topic),
                 tr("%n partitions", nullptr, static_cast<int>(e.topicPartitions)));
    case C::NoTimeField: return tr("the event time is read from the value, but the name of its field is missing");
    case C::PollInterval: return tr("the poll interval is %1 ms; it must be positive").arg(QString::number(e.value));
    }
    return {};
}

QString ErrorTexts::feedRefused(const std::string& topic, labs::ErrorCode kafka, std::uint64_t sent) {
    return tr("the topic \"%1\" refused the trace's records (Kafka: %2); %3 were sent before it, the rest of the trace "
              "was not sent")
        .arg(q(topic), Texts::errorCode(kafka), QString::number(sent));
}

QString ErrorTexts::feedNotDelivered(const std::string& topic, labs::ErrorCode kafka, int partition, std::uint64_t records) {
    // No partition when send() failed before choosing one (METADATA_TIMEOUT: the topic was not in the metadata).
    const int n = records > static_cast<std::uint64_t>(INT_MAX) ? INT_MAX : static_cast<int>(records);
    if (kafka == labs::ErrorCode::INVALID_TIMESTAMP)
        // A real broker does the same: each record carries its event time as its CreateTime timestamp, and
        // the simulated cluster's clock is not the trace's.
        return tr("%n records of the trace were not delivered to the topic \"%1\" (Kafka: %2; the first on partition %3): "
                  "each record carries its event time as its timestamp, and the broker refuses timestamps more than "
                  "message.timestamp.after.max.ms (3600000 ms, one hour, by default) ahead of its clock, which does "
                  "not run at the trace's dates. Create the topic with --config message.timestamp.after.max.ms="
                  "1000000000000000, as the scenario sensores-no-topico does.",
                  nullptr, n)
            .arg(q(topic), Texts::errorCode(kafka), QString::number(partition));
    if (partition < 0)
        return tr("%n records of the trace were not delivered to the topic \"%1\" (Kafka: %2): the producer gave "
                  "them up",
                  nullptr, n)
            .arg(q(topic), Texts::errorCode(kafka));
    return tr("%n records of the trace were not delivered to the topic \"%1\" (Kafka: %2; the first on partition %3): "
              "the producer gave them up",
              nullptr, n)
        .arg(q(topic), Texts::errorCode(kafka), QString::number(partition));
}

QString ErrorTexts::topicRunError(const stream_observe::TopicRunError& e) {
    using Kind = stream_observe::TopicRunError::Kind;
    switch (e.kind) {
    case Kind::None: return {};
    case Kind::NoSuchTopic: return tr("the topic \"%1\" does not exist in the scenario").arg(q(e.topic));
    case Kind::Job: return tr("the stream job's settings do not go together: %1").arg(jobError(e.job));
    case Kind::NoEventTimeField: return tr("the event time is read from the value, but the name of its field is missing");
    case Kind::Trace: return StreamView::describeError(e.trace, true);
    case Kind::Internal: return tr("the topic \"%1\" cannot be read by this job (%2)").arg(q(e.topic), sourceError(e.source));
    case Kind::FeedRefused: return feedRefused(e.topic, e.kafka, e.count);
    case Kind::FeedNotDelivered: return feedNotDelivered(e.topic, e.kafka, e.partition, e.count);
    }
    return {};
}

QString ErrorTexts::replayError(const labs::ReplayError& e) {
    using C = labs::ReplayErrorCode;
    const QString o = q(e.option), v = q(e.value), v2 = q(e.value2);
    const QString durations = QStringLiteral("5s, 200ms, 1m, 2h");
    const QString windows = QStringLiteral("tumble:60s, hop:10s,60s, session:30s, cumulate:10s,60s");
    const QString strategies = QStringLiteral("bounded:5s, monotonous, sql:5s");
    QString reason;
    switch (e.code) {
    case C::None: return {};
    case C::Help: reason = tr("--help shows the options; it is not a run to show"); break;
    case C::TwoTraces: reason = tr("only one trace file can be given (\"%1\" and \"%2\" were)").arg(v, v2); break;
    case C::UnknownOption: reason = tr("the option %1 does not exist (see fluxolab-cli replay --help)").arg(o); break;
    case C::NeedsValue: reason = tr("the option %1 needs a value after it").arg(o); break;
    case C::GivenTwice: reason = tr("%1 is given twice (\"%2\" and \"%3\"): give it once").arg(o, v, v2); break;
    case C::MonotonousNoBound: reason = tr("--watermark monotonous takes no bound (\"%1\" was given)").arg(v); break;
    case C::NeedsBound: reason = tr("--watermark %1 needs a bound, for example %1:5s").arg(v); break;
    case C::UnknownWatermark: reason = tr("--watermark \"%1\" is not a strategy (%2)").arg(v, strategies); break;
    case C::NotADuration: reason = tr("%1: \"%2\" is not a duration (for example %3)").arg(o, v, durations); break;
    case C::IntervalNotPositive: reason = tr("--watermark-interval must be positive, or per-event"); break;
    case C::BadParallelism: reason = tr("--parallelism is \"%1\"; it must be an integer from 1 to 8").arg(v); break;
    case C::BadPartitions: reason = tr("--partitions is \"%1\"; it must be an integer from 1 to 1024").arg(v); break;
    case C::NeedsTwoDurations: reason = tr("--window %1 needs two durations, for example %1:10s,60s").arg(v); break;
    case C::UnknownWindow: reason = tr("--window \"%1\" is not a window (%2)").arg(v, windows); break;
    case C::BadWindowTime: reason = tr("--window-time is \"%1\"; it must be event or processing").arg(v); break;
    case C::BadLate: reason = tr("--late is \"%1\"; it must be side-output or drop").arg(v); break;
    case C::CountTakesNoField: reason = tr("--agg count takes no field (\"%1\" was given)").arg(v); break;
    case C::UnknownAgg:
        reason = tr("--agg \"%1\" is not an aggregate (%2)").arg(v, QStringLiteral("count, sum:F, min:F, max:F, avg:F, collect:F"));
        break;
    case C::AggNeedsField: reason = tr("--agg %1 needs a field, for example %1:valor").arg(v); break;
    case C::UnknownProcess: reason = tr("--process \"%1\" is not a function (%2)").arg(v, QStringLiteral("inactivity:10s")); break;
    case C::InactivityNotPositive: reason = tr("--process inactivity needs a positive timeout (\"%1\" was given)").arg(v); break;
    case C::BadLang: reason = tr("--lang is \"%1\"; it must be pt or en").arg(v); break;
    case C::CheckpointNotPositive: reason = tr("--checkpoint-interval must be positive"); break;
    case C::BadCrashAt:
        reason = tr("--crash-at is \"%1\"; it needs the number of elements read before the crash (1 or more)").arg(v);
        break;
    case C::BadTimeFormat:
        reason = tr("--time-format is \"%1\"; it must be %2").arg(v, QStringLiteral("auto, epoch-ms, epoch-s, iso, sql"));
        break;
    case C::BadFormat: reason = tr("--format is \"%1\"; it must be csv or jsonl").arg(v); break;
    case C::BadDelimiter: reason = tr("--delimiter is \"%1\"; it must be ',' or ';'").arg(v); break;
    case C::BadOnError: reason = tr("--on-error is \"%1\"; it must be fail or skip").arg(v); break;
    case C::BadSource: reason = tr("--source is \"%1\"; it must be bounded or open").arg(v); break;
    case C::MissingTrace: reason = tr("the trace file to read is missing"); break;
    case C::ProcessAndWindow: reason = tr("--process and --window exclude each other: give one of them"); break;
    case C::IdleTimeoutZero:
        reason = tr("--idle-timeout 0: Flink's withIdleness refuses 0; leave the option out for no idleness");
        break;
    case C::CrashWithoutCheckpoints:
        reason = tr("--crash-at needs --checkpoint-interval: without checkpoints Flink does not restart a failed job "
                    "(restart-strategy none), so there is nothing to recover");
        break;
    case C::WatermarkRequired: reason = tr("--watermark is required (%1)").arg(strategies); break;
    case C::WindowRequired: reason = tr("--window is required (%1)").arg(windows); break;
    case C::Trace: return StreamView::describeError(e.trace);
    case C::Job: reason = jobError(e.job); break;
    case C::TraceChanged: reason = tr("the trace %1 changed while it was replayed").arg(v); break;
    case C::PartitionNotBelow:
    case C::SkippedPartition: {
        // The same record's error (--on-error fail) and notice (skip): one wording.
        const QString where = tr("%1:%2: the partition %3 is not below --partitions %4")
                                  .arg(q(e.trace.file))
                                  .arg(e.trace.line)
                                  .arg(e.trace.number)
                                  .arg(e.trace.number2);
        reason = e.code == C::SkippedPartition ? tr("skipped %1").arg(where) : where;
        break;
    }
    case C::LateSpillFailed: reason = tr("the temporary file for the late elements could not be written"); break;
    case C::SkippedRecords: reason = tr("%1 bad record(s) skipped (--on-error skip):").arg(v); break;
    case C::SkippedRecord: return QStringLiteral("  ") + StreamView::describeError(e.trace);
    case C::SkippedMore: return QStringLiteral("  ") + tr("... and %1 more").arg(v);
    case C::LateDropped: reason = tr("%1 late element(s) dropped (numLateRecordsDropped)").arg(v); break;
    case C::CrashAfterEnd:
        reason = tr("--crash-at %1: the trace has only %2 element(s), so the job did not crash").arg(v, v2);
        break;
    case C::NoArrivalAlertsAtEnd:
        reason = tr("note: without --arrival-field processing time does not advance, so no key is silent for the "
                    "timeout while the input lasts; the alerts come only after its end");
        break;
    case C::NoArrivalTimersDropped:
        reason = tr("note: without --arrival-field processing time does not advance, so the inactivity timers "
                    "never fire (the end of the input drops them)");
        break;
    case C::NoArrivalProcessingWindows:
        reason = tr("note: without --arrival-field processing time does not advance, so processing-time windows "
                    "never fire");
        break;
    case C::NoArrivalPeriodicWatermark:
        reason = tr("note: without --arrival-field processing time does not advance, so the periodic watermark "
                    "(every %1 ms of processing time) never moves before the end of the input, where the final "
                    "watermark (MAX) fires the windows; --watermark-interval per-event emits one after every event")
                     .arg(v);
        break;
    }
    return tr("fluxolab-cli replay: %1").arg(reason);
}

} // namespace fluxolab::app
