#include "labs/backend/scenario_errors.h"

namespace fluxolab::labs {

std::string scenarioErrorReason(const sim::ScenarioError& e) {
    using Code = sim::ScenarioErrorCode;
    const std::string q = "\"" + e.value + "\"";
    switch (e.code) {
    case Code::None: return {};
    case Code::CannotOpen: return "cannot open the file";
    case Code::EmptyFile: return "the file is empty; a scenario is a JSON object (see assets/scenarios)";
    case Code::InvalidJson:
    case Code::JsonNumberTooLarge: return "invalid JSON: " + e.detail;
    case Code::MissingField: return "missing required field " + q;
    case Code::UnknownField: return "unknown field " + q;
    case Code::ExpectedString: return "expected a string";
    case Code::ExpectedInteger: return "expected an integer";
    case Code::ExpectedNumber: return "expected a number";
    case Code::ExpectedBool: return "expected true or false";
    case Code::ExpectedDuration: return "expected a duration such as \"250ms\", \"30s\", \"5m\" or a number of milliseconds";
    case Code::ExpectedObject: return "expected an object";
    case Code::ExpectedArray: return "expected an array";
    case Code::ExpectedNonEmptyArray: return "expected a non-empty array";
    case Code::ExpectedStringList: return "expected a non-empty array of strings";
    case Code::ExpectedTopicList: return "expected a non-empty array of topic names";
    case Code::ExpectedConfigObject: return "expected an object of config names to values";
    case Code::ExpectedConfigValue: return "expected a string, integer or boolean";
    case Code::OutOfRange: return "must be between " + e.low + " and " + e.high;
    case Code::MustNotBeEmpty: return "must not be empty";
    case Code::DurationNotPositive: return "the duration must be positive";
    case Code::EmptyGroupId: return "the group id must not be empty";
    case Code::UnknownKeyDistribution: return "unknown key distribution " + q + " (use none, uniform, zipf, sequence or list)";
    case Code::ListNeedsKeys: return "the list distribution needs a list of keys";
    case Code::BadAcks: return "acks must be 0, 1, all or -1";
    case Code::BadPartitioner: return "partitioner must be \"sticky\" or \"round_robin\"";
    case Code::UnknownAssignor: return "unknown assignor " + q + " (use range, roundrobin, sticky or cooperative-sticky)";
    case Code::BadOffsetReset: return "auto_offset_reset must be earliest, latest or none";
    case Code::HeartbeatNotBelowSession: return "heartbeat.interval.ms must be lower than session.timeout.ms";
    case Code::UnsupportedBrokerConfig: return "unsupported broker config " + q;
    case Code::UnknownTopic: return "unknown topic " + q + " (declare it under \"topics\")";
    case Code::UnknownAction:
        return "unknown action " + q +
               " (use stop_broker, crash_broker, start_broker, add_consumer, remove_consumer, crash_consumer, "
               "pause_consumer, alter_partitions, create_topic, delete_topic, producer_rate or elect_preferred_leaders)";
    case Code::UnknownConsumer:
        return "unknown consumer " + q + " (declare it under \"consumers\" or add it with an earlier add_consumer action)";
    case Code::UnknownProducer: return "unknown producer " + q + " (declare it under \"producers\")";
    case Code::TerminalNotObject: return "expected an object (the terminal's commands, as FluxoLab saves them)";
    case Code::BadTerminalJournal: return e.detail;
    case Code::BadTimeFormat: return "time_format must be auto, epoch-ms, epoch-s, iso or sql";
    case Code::BadPacing: return "pacing must be \"arrival\" (the arrival column) or \"event_time\"";
    case Code::ArrivalPacingNeedsColumn:
        return "pacing by arrival needs the \"arrival\" column (or use \"pacing\": \"event_time\")";
    case Code::DuplicateStreamJob: return "another stream job is called " + q;
    case Code::BadEventTime: return "event_time must be \"timestamp\" or \"field:NAME\"";
    case Code::KafkaRefused: return e.detail;
    case Code::TopicTooManyRecords:
        return e.detail + " (at most " + e.high + " partitions with " + e.value +
               " config(s): a topic's metadata records may not exceed " + std::to_string(sim::kMaxRecordsPerUserOp) + ")";
    case Code::ProducerConfigRefused:
        return "KafkaProducer would refuse it: org.apache.kafka.common.config.ConfigException: " + e.detail;
    case Code::Internal: return e.detail;
    }
    return e.detail;
}

std::string scenarioErrorText(const sim::ScenarioError& e) {
    std::string out = e.file.empty() ? std::string("<scenario>") : e.file;
    if (e.line > 0) out += ":" + std::to_string(e.line);
    out += ": ";
    if (!e.path.empty()) out += e.path + ": ";
    out += scenarioErrorReason(e);
    return out;
}

} // namespace fluxolab::labs
