#include "sim/topic_configs.h"

#include "sim/hash.h"

#include <algorithm>
#include <map>

namespace fluxolab::sim {

namespace {

/// The admin client's Config keeps the entries in a java.util.HashMap<String, ConfigEntry> filled with
/// every topic config (capacity 64), in the order the broker lists them. Names in the broker's order (the
/// ones sharing a bucket matter), captured from a real 4.3.1 broker (tests/labs/golden/real/broker.txt).
std::vector<std::pair<std::string, std::string>>
inDescribeConfigsOrder(const std::map<std::string, std::string>& configs) {
    static const std::vector<std::string> brokerOrder = {"compression.type",
                                                         "min.insync.replicas",
                                                         "segment.jitter.ms",
                                                         "cleanup.policy",
                                                         "flush.ms",
                                                         "segment.bytes",
                                                         "retention.ms",
                                                         "flush.messages",
                                                         "max.compaction.lag.ms",
                                                         "file.delete.delay.ms",
                                                         "max.message.bytes",
                                                         "min.compaction.lag.ms",
                                                         "message.timestamp.type",
                                                         "preallocate",
                                                         "index.interval.bytes",
                                                         "min.cleanable.dirty.ratio",
                                                         "unclean.leader.election.enable",
                                                         "retention.bytes",
                                                         "delete.retention.ms",
                                                         "message.timestamp.after.max.ms",
                                                         "message.timestamp.before.max.ms",
                                                         "segment.ms",
                                                         "segment.index.bytes"};
    std::vector<std::pair<std::string, std::string>> entries;
    for (const std::string& name : brokerOrder)
        if (const auto it = configs.find(name); it != configs.end()) entries.emplace_back(name, it->second);
    for (const auto& [name, value] : configs)
        if (std::find(brokerOrder.begin(), brokerOrder.end(), name) == brokerOrder.end())
            entries.emplace_back(name, value);
    std::vector<std::int32_t> hashes;
    for (const auto& entry : entries)
        hashes.push_back(javaStringHashCode(entry.first));
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i : javaHashMapOrder(hashes, 64))
        out.push_back(entries[i]);
    return out;
}

} // namespace

std::vector<std::pair<std::string, std::string>> describedTopicConfigs(const std::string& topic,
                                                                       const TopicConfigs& configs,
                                                                       const BrokerDefaults& defaults) {
    std::map<std::string, std::string> shown = configs.overrides;
    // The course's server.properties sets log.segment.bytes: a STATIC_BROKER_CONFIG, so DescribeConfigs
    // reports it as non-default for every topic (FIDELITY §3.3); the offsets topic has its own.
    if (topic != "__consumer_offsets") shown.emplace("segment.bytes", std::to_string(defaults.log_segment_bytes));
    // With eligible leader replicas on (the 4.x default) the controller stores the broker's
    // min.insync.replicas as a cluster-wide dynamic config: non-default for every topic too.
    shown.emplace("min.insync.replicas", std::to_string(defaults.min_insync_replicas));
    return inDescribeConfigsOrder(shown);
}

} // namespace fluxolab::sim
