#pragma once
// What DescribeConfigs reports as a topic's non-default configs, in the order `kafka-topics --describe`
// prints them after "Configs:". One rule for the emulated tool (labs/backend) and the app's views
// (labs/observe): both must show the same string.

#include "sim/cluster.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fluxolab::sim {

/// What LogConfig's ConfigDef (Kafka 4.3.1) says of one topic config value.
enum class TopicConfigProblem : std::uint8_t {
    None,
    UnknownName,  ///< not a topic config: the broker answers "Unknown topic config name: <name>"
    NotOfType,    ///< ConfigDef.parseType: not a number of the key's type, not true/false
    BelowMinimum, ///< ConfigDef.Range: "Value must be at least <min>"
    AboveMaximum, ///< ConfigDef.Range: "Value must be no more than <max>"
    NotInList,    ///< ConfigDef.ValidString (inside ValidList for a LIST key): "String must be one of: ..."
    NotAGzipLevel,   ///< compression.gzip.level: "Value must be between 1 and 9 or equal to -1"
    NotAReplicaList, ///< *.replication.throttled.replicas: not '*' nor partition:broker pairs
};

struct TopicConfigValueCheck {
    TopicConfigProblem problem = TopicConfigProblem::None;
    /// Kafka's ConfigException message ("Invalid value <v> for configuration <name>: ..."); for
    /// UnknownName, the broker's InvalidConfigurationException message.
    std::string message;
    bool list = false;    ///< a LIST key (cleanup.policy): ValidList checks each element
    bool boolean = false; ///< a BOOLEAN key (ConfigDef.parseType fails on another line for it)
    bool ok() const { return problem == TopicConfigProblem::None; }
};

/// One topic config value against its definition (type, range, valid strings), as both the broker and
/// kafka-topics (LogConfig.validate in parseTopicConfigsToBeAdded) check it.
TopicConfigValueCheck checkTopicConfigValue(const std::string& name, const std::string& value);

/// The broker's checks across keys at create (LogConfig.validateValues / validate with the broker's
/// settings): Kafka's InvalidConfigurationException message, or nullopt. Tiered storage is off on the
/// course's broker (remote.log.storage.system.enable=false).
std::optional<std::string> topicConfigConflict(const std::map<std::string, std::string>& configs);

/// The topic's overrides plus what the broker reports as non-default for every topic (the course's
/// log.segment.bytes, a STATIC_BROKER_CONFIG, except on __consumer_offsets; min.insync.replicas, which the
/// 4.x controller stores cluster-wide with eligible leader replicas on), in the admin client's HashMap order.
std::vector<std::pair<std::string, std::string>> describedTopicConfigs(const std::string& topic,
                                                                       const TopicConfigs& configs,
                                                                       const BrokerDefaults& defaults);

/// One entry of DescribeConfigs for a topic (ConfigEntry with synonyms): its value, where the value comes
/// from ("DYNAMIC_TOPIC_CONFIG", "STATIC_BROKER_CONFIG", "DYNAMIC_DEFAULT_BROKER_CONFIG", "DEFAULT_CONFIG")
/// and its synonyms, most specific first (source, name, value).
struct TopicConfigEntry {
    std::string name;
    std::string value;
    std::string source;
    struct Synonym {
        std::string source, name, value;
    };
    std::vector<Synonym> synonyms;
};

/// Every topic config as a Kafka 4.3.1 broker with the course's server.properties describes it (the
/// defaults and synonyms of tests/labs/golden/real/configs.txt, `kafka-configs --describe --all`), the
/// topic's overrides first in their synonyms; sorted by name.
std::vector<TopicConfigEntry> topicConfigEntries(const TopicConfigs& configs, const BrokerDefaults& defaults);

} // namespace fluxolab::sim
