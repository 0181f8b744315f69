#pragma once
// The scenario file format (assets/scenarios/*.json) as a C++ value: a cluster, topics, producers,
// consumers, timed actions, the terminal's part of the action log, trace feeds and stream jobs;
// parsing, validation and rendering back to JSON. Plain values: no Simulation here (ScenarioRun,
// which drives a simulation through a scenario, is in sim/scenario.h), so that labs/ can hand the
// format to app/ without the simulation in app's translation units (issue #9).

#include "sim/kafka_config.h"
#include "sim/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::sim {

struct KeySpec {
    enum class Kind : std::uint8_t { Null, Uniform, Zipf, Sequence, List } kind = Kind::Uniform;
    std::int32_t count = 10;              ///< number of distinct keys (Uniform, Zipf, Sequence)
    std::string prefix = "key-";          ///< keys are prefix + number
    std::vector<std::string> list;        ///< explicit keys (List), picked uniformly
    double zipf_s = 1.0;
};

struct ScenarioTopic {
    std::string name;
    std::int32_t partitions = 1;
    std::int32_t replication_factor = 1;
    std::map<std::string, std::string> configs;
    /// kafka-topics --replica-assignment: each partition's replicas in order, the first live one in the ISR
    /// leading (empty = the controller's placement, drawn from the seed). When given, partitions and
    /// replication_factor are its size and its lists' size.
    std::vector<std::vector<BrokerId>> replica_assignment;
};

struct ScenarioProducer {
    std::string id;                     ///< scenario name, also used as client.id unless client_id is set
    std::string topic;
    double rate_per_sec = 10;           ///< records per second of virtual time
    KeySpec keys;
    std::string value_template = "{key}-{seq}";
    ProducerConfig config;
    TimeMs start_ms = 0;
    TimeMs stop_ms = -1;                ///< -1 = until the end
};

struct ScenarioConsumer {
    std::string id;
    std::vector<std::string> topics;
    ConsumerConfig config;
    TimeMs start_ms = 0;
};

struct ScenarioAction {
    enum class Kind : std::uint8_t {
        StopBroker, CrashBroker, StartBroker, AddConsumer, RemoveConsumer, CrashConsumer, PauseConsumer,
        AlterPartitions, CreateTopic, DeleteTopic, ProducerRate, ElectPreferred
    } kind = Kind::StopBroker;
    TimeMs at_ms = 0;
    BrokerId broker = -1;
    std::string target;                 ///< consumer/producer/topic id
    std::int64_t value = 0;             ///< partitions, pause length (ms), rate
    std::optional<ScenarioConsumer> consumer;
    std::optional<ScenarioTopic> topic;
};

/// A trace file produced into a topic of the scenario (labs' TopicFeeder: one producer, key -> partition by
/// murmur2, record timestamp = event time, value a flat JSON object with the key, time and value fields).
/// The simulation reads no files: the scenario only names the trace; labs/ (Session) reads and feeds it.
struct ScenarioTraceFeed {
    std::string trace;                ///< a bundled trace ("sensores_iot") or a path
    std::string topic;                ///< a topic of the scenario
    std::string key = "key";          ///< key column
    std::string time = "ts";          ///< event-time column
    std::string time_format = "auto"; ///< auto, epoch-ms, epoch-s, iso or sql
    std::string value;                ///< value column also sent in the record (optional)
    /// When each record is produced: at its arrival column's time, or at its event time (both shifted so
    /// that the first record is sent at start_ms).
    enum class Pacing : std::uint8_t { Arrival, EventTime } pacing = Pacing::Arrival;
    std::string arrival;              ///< arrival column (Pacing::Arrival; required there)
    TimeMs start_ms = 0;
};

/// A stream job reading a topic of the scenario (Flink's KafkaSource; sim/stream). Its options use
/// fluxolab-cli replay's syntax and are checked by labs/ (stream_observe), which runs it.
struct ScenarioStreamJob {
    std::string id;
    std::string topic;
    std::string watermark = "bounded:0s";         ///< bounded:5s, monotonous, sql:5s
    std::string window;                           ///< tumble:60s, hop:10s,60s, session:30s, cumulate:10s,60s
    std::string agg = "count";                    ///< count, sum:F, min:F, max:F, avg:F, collect:F
    std::int32_t parallelism = 1;                 ///< 1..8
    std::string watermark_interval = "200ms";     ///< a duration or "per-event"
    TimeMs idle_timeout_ms = 0;                   ///< withIdleness; 0 = off
    TimeMs allowed_lateness_ms = 0;
    std::string event_time = "timestamp";         ///< the record timestamp, or "field:NAME" of the JSON value
};

struct LocalizedText {
    std::string pt_PT;
    std::string en;
};

struct Scenario {
    std::string name;
    LocalizedText title;
    LocalizedText description;
    std::uint64_t seed = 1;
    TimeMs duration_ms = 60000;
    ClusterConfig cluster;
    std::vector<ScenarioTopic> topics;
    std::vector<ScenarioProducer> producers;
    std::vector<ScenarioConsumer> consumers;
    std::vector<ScenarioAction> actions;
    /// The terminal's part of the action log: what the terminal tabs did (commands with their input,
    /// Ctrl+C/Ctrl+D, the clock ticks that let console clients run), as the JSON object of
    /// labs::SessionJournal, kept as text ("" = none). sim/ only checks that it is an object and
    /// writes it back; labs/ validates and replays it after the scenario starts (the app on open,
    /// fluxolab-cli simulate), so that a saved run comes back with the topics and records the
    /// terminal made.
    std::string terminal;
    std::vector<ScenarioTraceFeed> trace_feeds;
    std::vector<ScenarioStreamJob> stream_jobs;
};

/// What is wrong with a scenario file, as a code with its parameters (ScenarioError). sim/ makes no
/// text: fluxolab-cli's English is made in labs/backend/scenario_errors.h, the app's in its UI language.
enum class ScenarioErrorCode : std::uint8_t {
    None,
    CannotOpen,               ///< the file cannot be opened
    EmptyFile,                ///< nothing but white space
    InvalidJson,              ///< detail: the JSON parser's own description; line and column when known
    JsonNumberTooLarge,       ///< a number beyond a double (1e999); detail: the parser's description
    MissingField,             ///< value: the field
    UnknownField,             ///< value: the field
    ExpectedString,
    ExpectedInteger,
    ExpectedNumber,
    ExpectedBool,
    ExpectedDuration,         ///< value: what was given, as JSON
    ExpectedObject,
    ExpectedArray,
    ExpectedNonEmptyArray,
    ExpectedStringList,       ///< a non-empty array of strings
    ExpectedTopicList,        ///< a non-empty array of topic names
    ExpectedConfigObject,     ///< an object of config names to values
    ExpectedConfigValue,      ///< a string, an integer or a boolean
    OutOfRange,               ///< low, high: the bounds; value: what was given
    MustNotBeEmpty,
    DurationNotPositive,
    EmptyGroupId,
    UnknownKeyDistribution,   ///< value
    ListNeedsKeys,
    BadAcks,                  ///< value
    BadPartitioner,           ///< value
    UnknownAssignor,          ///< value
    BadOffsetReset,           ///< value
    HeartbeatNotBelowSession,
    UnsupportedBrokerConfig,  ///< value: the config name
    UnknownTopic,             ///< value: the topic
    UnknownAction,            ///< value
    /// An action names a consumer that is neither declared under "consumers" nor added by an
    /// add_consumer action at or before its time; value: the consumer id.
    UnknownConsumer,
    /// producer_rate names a producer not declared under "producers"; value: the producer id.
    UnknownProducer,
    TerminalNotObject,
    BadTerminalJournal,       ///< labs/ found the terminal's commands unreadable; detail: its technical reason
    BadTimeFormat,            ///< value
    BadPacing,                ///< value
    ArrivalPacingNeedsColumn,
    DuplicateStreamJob,       ///< value: the id
    BadEventTime,             ///< value
    /// What a Kafka 4.3.1 controller refuses (topic name, configs, replication factor, a name used
    /// twice, too many partitions): kafka is its error code, detail its own message (sim/kafka_errors.h).
    KafkaRefused,
    /// POLICY_VIOLATION for a topic whose metadata records exceed kMaxRecordsPerUserOp: detail is
    /// Kafka's message, high the most partitions allowed, value the number of configs.
    TopicTooManyRecords,
    /// A producer's settings Kafka 4.3.1's KafkaProducer refuses when it is created (ProducerConfig's
    /// ConfigException): detail is Kafka's message (enable_idempotence set to true with acks other than
    /// all, retries 0 or more than 5 requests in flight).
    ProducerConfigRefused,
    Internal,                 ///< an unexpected exception; detail: its what()
};

/// A parse/validation problem with the position it refers to (1-based line; 0 if unknown).
struct ScenarioError {
    ScenarioErrorCode code = ScenarioErrorCode::None;
    std::string file;
    int line = 0;
    int column = 0;      ///< 1-based, InvalidJson only (0 if unknown)
    std::string path;    ///< JSON pointer, e.g. "/producers/0/rate"
    std::string value;   ///< the offending value or name (see the code)
    std::string low;     ///< OutOfRange: the bounds, as numbers written in JSON
    std::string high;
    ErrorCode kafka = ErrorCode::NONE; ///< KafkaRefused, TopicTooManyRecords
    std::string detail;  ///< Kafka's or the JSON parser's own text (see the code); never FluxoLab's
    bool failed() const { return code != ScenarioErrorCode::None; }
};

/// Parses a scenario from JSON text. On error returns std::nullopt and fills `error`.
std::optional<Scenario> parseScenario(const std::string& text, const std::string& file, ScenarioError& error);
std::optional<Scenario> loadScenarioFile(const std::string& path, ScenarioError& error);
/// Renders a scenario back to JSON (round-trips through parseScenario).
std::string scenarioToJson(const Scenario& s);
/// The one duration rule of the project: "250ms", "30s", "1.5s", "5m"/"5min", "1h", "1d" or a plain number of
/// milliseconds (non-negative; nothing for anything else).
std::optional<TimeMs> parseDuration(const std::string& text);

} // namespace fluxolab::sim
