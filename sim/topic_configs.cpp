#include "sim/topic_configs.h"

#include "sim/hash.h"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace fluxolab::sim {

namespace {

/// GzipLevel: an INT that is -1 or 1..9 (CompressionType's level validator); ReplicaList: a LIST that is
/// the literal '*' or partition:broker pairs (ThrottledReplicaListValidator).
enum class ConfigType : std::uint8_t { Int, Long, Double, Boolean, String, List, GzipLevel, ReplicaList };

/// A topic config's definition in LogConfig (Kafka 4.3.1): its type and validator. Ranges and valid
/// strings as the real broker and kafka-topics report them (tests/labs/golden/real/checks.txt).
struct TopicConfigDef {
    const char* name;
    ConfigType type;
    std::optional<std::int64_t> min;
    std::optional<std::int64_t> max;
    std::vector<std::string> valid; ///< ValidString / ValidList values, in the order Kafka lists them
};

const std::vector<TopicConfigDef>& topicConfigDefs() {
    using T = ConfigType;
    static const std::vector<TopicConfigDef> defs = {
        {"cleanup.policy", T::List, {}, {}, {"compact", "delete"}},
        // The compression levels, throttled replicas and remote-log switches: types and validators as the
        // 4.3.1 jars' LogConfig.configDefCopy() reports them (ConfigKey.type, validator.ensureValid).
        {"compression.gzip.level", T::GzipLevel, {}, {}, {}},
        {"compression.lz4.level", T::Int, 1, 17, {}},
        {"compression.type", T::String, {}, {}, {"uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"}},
        {"compression.zstd.level", T::Int, -131072, 22, {}},
        {"delete.retention.ms", T::Long, 0, {}, {}},
        {"file.delete.delay.ms", T::Long, 0, {}, {}},
        {"flush.messages", T::Long, 1, {}, {}},
        {"flush.ms", T::Long, 0, {}, {}},
        {"follower.replication.throttled.replicas", T::ReplicaList, {}, {}, {}},
        {"index.interval.bytes", T::Int, 0, {}, {}},
        {"leader.replication.throttled.replicas", T::ReplicaList, {}, {}, {}},
        {"local.retention.bytes", T::Long, -2, {}, {}},
        {"local.retention.ms", T::Long, -2, {}, {}},
        {"max.compaction.lag.ms", T::Long, 1, {}, {}},
        {"max.message.bytes", T::Int, 0, {}, {}},
        {"message.timestamp.after.max.ms", T::Long, 0, {}, {}},
        {"message.timestamp.before.max.ms", T::Long, 0, {}, {}},
        {"message.timestamp.type", T::String, {}, {}, {"CreateTime", "LogAppendTime"}},
        {"min.cleanable.dirty.ratio", T::Double, 0, 1, {}},
        {"min.compaction.lag.ms", T::Long, 0, {}, {}},
        {"min.insync.replicas", T::Int, 1, {}, {}},
        {"preallocate", T::Boolean, {}, {}, {}},
        {"remote.log.copy.disable", T::Boolean, {}, {}, {}},
        {"remote.log.delete.on.disable", T::Boolean, {}, {}, {}},
        {"remote.storage.enable", T::Boolean, {}, {}, {}},
        {"retention.bytes", T::Long, {}, {}, {}},
        {"retention.ms", T::Long, -1, {}, {}},
        // Kafka 4.0 (KIP-1030) raised the minimum segment.bytes to 1 MiB.
        {"segment.bytes", T::Int, 1048576, {}, {}},
        {"segment.index.bytes", T::Int, 4, {}, {}},
        {"segment.jitter.ms", T::Long, 0, {}, {}},
        {"segment.ms", T::Long, 1, {}, {}},
        {"unclean.leader.election.enable", T::Boolean, {}, {}, {}},
    };
    return defs;
}

const TopicConfigDef* findDef(const std::string& name) {
    for (const auto& d : topicConfigDefs())
        if (name == d.name) return &d;
    return nullptr;
}

template <typename Int> std::optional<Int> parseWhole(const std::string& s) {
    Int v{};
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (s.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return v;
}

/// Java's Double.toString for the values a course types (2 -> "2.0", -0.5 -> "-0.5").
std::string javaDouble(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e7) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return buf;
    }
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, ptr) : std::string("NaN");
}

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

TopicConfigValueCheck checkTopicConfigValue(const std::string& name, const std::string& value) {
    TopicConfigValueCheck c;
    const TopicConfigDef* d = findDef(name);
    if (!d) {
        c.problem = TopicConfigProblem::UnknownName;
        c.message = "Unknown topic config name: " + name;
        return c;
    }
    c.list = d->type == ConfigType::List || d->type == ConfigType::ReplicaList;
    c.boolean = d->type == ConfigType::Boolean;
    const std::string prefix = "Invalid value ";
    auto fail = [&](TopicConfigProblem p, const std::string& shown, const std::string& why) {
        c.problem = p;
        c.message = prefix + shown + " for configuration " + name + ": " + why;
        return c;
    };
    // ConfigDef.parseType, then the validator on the parsed value.
    double number = 0;
    std::string shown = value;
    switch (d->type) {
    case ConfigType::Int:
        if (const auto v = parseWhole<std::int32_t>(value)) number = *v;
        else return fail(TopicConfigProblem::NotOfType, value, "Not a number of type INT");
        break;
    case ConfigType::GzipLevel: {
        const auto v = parseWhole<std::int32_t>(value);
        if (!v) return fail(TopicConfigProblem::NotOfType, value, "Not a number of type INT");
        if (*v != -1 && (*v < 1 || *v > 9))
            return fail(TopicConfigProblem::NotAGzipLevel, value, "Value must be between 1 and 9 or equal to -1");
        return c;
    }
    case ConfigType::ReplicaList: {
        // ConfigDef's LIST: the value trimmed, split at commas, each item trimmed; "" is the empty list.
        std::vector<std::string> items;
        const auto trim = [](const std::string& t) {
            const auto b = t.find_first_not_of(" \t"), e = t.find_last_not_of(" \t");
            return b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
        };
        const std::string whole = trim(value);
        for (std::size_t start = 0; !whole.empty() && start <= whole.size();) {
            const std::size_t comma = whole.find(',', start);
            items.push_back(trim(whole.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        const auto pair = [](const std::string& t) {
            const std::size_t colon = t.find(':');
            const auto digits = [](const std::string& u) {
                return !u.empty() && std::all_of(u.begin(), u.end(), [](unsigned char ch) { return std::isdigit(ch); });
            };
            return colon != std::string::npos && digits(t.substr(0, colon)) && digits(t.substr(colon + 1));
        };
        const bool ok = (items.size() == 1 && items[0] == "*") || std::all_of(items.begin(), items.end(), pair);
        if (ok) return c;
        std::string shown_list = "[";
        for (std::size_t i = 0; i < items.size(); ++i) shown_list += (i ? ", " : "") + items[i];
        shown_list += "]";
        return fail(TopicConfigProblem::NotAReplicaList, shown_list,
                    name + " must be the literal '*' or a list of replicas in the following format: "
                           "[partitionId]:[brokerId],[partitionId]:[brokerId],...");
    }
    case ConfigType::Long:
        if (const auto v = parseWhole<std::int64_t>(value)) number = static_cast<double>(*v);
        else return fail(TopicConfigProblem::NotOfType, value, "Not a number of type LONG");
        break;
    case ConfigType::Double: {
        char* end = nullptr;
        number = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(number))
            return fail(TopicConfigProblem::NotOfType, value, "Not a number of type DOUBLE");
        shown = javaDouble(number);
        break;
    }
    case ConfigType::Boolean: {
        std::string lower = value;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (lower != "true" && lower != "false")
            return fail(TopicConfigProblem::NotOfType, value, "Expected value to be either true or false");
        return c;
    }
    case ConfigType::String:
    case ConfigType::List: {
        if (d->valid.empty()) return c;
        std::string allowed;
        for (const auto& v : d->valid) allowed += (allowed.empty() ? "" : ", ") + v;
        std::vector<std::string> items;
        if (c.list) {
            std::size_t start = 0;
            while (start <= value.size()) {
                const std::size_t comma = value.find(',', start);
                std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                const auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
                items.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        } else {
            items.push_back(value);
        }
        for (const auto& item : items)
            if (std::find(d->valid.begin(), d->valid.end(), item) == d->valid.end())
                return fail(TopicConfigProblem::NotInList, item, "String must be one of: " + allowed);
        return c;
    }
    }
    if (d->min && number < static_cast<double>(*d->min))
        return fail(TopicConfigProblem::BelowMinimum, shown, "Value must be at least " + std::to_string(*d->min));
    if (d->max && number > static_cast<double>(*d->max))
        return fail(TopicConfigProblem::AboveMaximum, shown, "Value must be no more than " + std::to_string(*d->max));
    return c;
}

std::optional<std::string> topicConfigConflict(const std::map<std::string, std::string>& configs) {
    auto longOf = [&](const char* key) -> std::optional<std::int64_t> {
        const auto it = configs.find(key);
        return it == configs.end() ? std::nullopt : parseWhole<std::int64_t>(it->second);
    };
    // LogConfig.validateValues: the compaction lags (defaults 0 and Long.MAX_VALUE).
    const std::int64_t minLag = longOf("min.compaction.lag.ms").value_or(0);
    const std::int64_t maxLag = longOf("max.compaction.lag.ms").value_or(std::numeric_limits<std::int64_t>::max());
    if (minLag > maxLag)
        return "conflict topic config setting min.compaction.lag.ms (" + std::to_string(minLag) +
               ") > max.compaction.lag.ms (" + std::to_string(maxLag) + ")";
    // LogConfig.validateRemoteStorageOnlyIfSystemEnabled: local.retention.* against retention.* is
    // checked only with remote storage on, which the broker refuses first.
    if (const auto it = configs.find("remote.storage.enable"); it != configs.end()) {
        std::string lower = it->second;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (lower == "true")
            return std::string("Tiered Storage functionality is disabled in the broker. Topic cannot be configured "
                               "with remote log storage.");
    }
    return std::nullopt;
}

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

std::vector<TopicConfigEntry> topicConfigEntries(const TopicConfigs& configs, const BrokerDefaults& d) {
    // The topic configs' defaults on the course's broker, as `kafka-configs --describe --all` lists them
    // on a real 4.3.1 broker: (name, value, the broker setting DEFAULT_CONFIG names, or "" when the
    // entry has no synonym). The model's broker settings replace the values they cover below.
    struct Default {
        const char* name;
        std::string value;
        const char* broker_key; ///< "" : no synonyms
    };
    constexpr std::int64_t kKafkaLogSegmentBytes = 1073741824;
    const std::string maxLong = "9223372036854775807";
    const std::vector<Default> table = {
        {"cleanup.policy", "delete", "log.cleanup.policy"},
        {"compression.gzip.level", "-1", "compression.gzip.level"},
        {"compression.lz4.level", "9", "compression.lz4.level"},
        {"compression.type", "producer", "compression.type"},
        {"compression.zstd.level", "3", "compression.zstd.level"},
        {"delete.retention.ms", "86400000", "log.cleaner.delete.retention.ms"},
        {"file.delete.delay.ms", "60000", "log.segment.delete.delay.ms"},
        {"flush.messages", maxLong, "log.flush.interval.messages"},
        {"flush.ms", maxLong, ""},
        {"follower.replication.throttled.replicas", "", ""},
        {"index.interval.bytes", "4096", "log.index.interval.bytes"},
        {"leader.replication.throttled.replicas", "", ""},
        {"local.retention.bytes", "-2", "log.local.retention.bytes"},
        {"local.retention.ms", "-2", "log.local.retention.ms"},
        {"max.compaction.lag.ms", maxLong, "log.cleaner.max.compaction.lag.ms"},
        {"max.message.bytes", "1048588", "message.max.bytes"},
        {"message.timestamp.after.max.ms", "3600000", "log.message.timestamp.after.max.ms"},
        {"message.timestamp.before.max.ms", maxLong, "log.message.timestamp.before.max.ms"},
        {"message.timestamp.type", "CreateTime", "log.message.timestamp.type"},
        {"min.cleanable.dirty.ratio", "0.5", "log.cleaner.min.cleanable.ratio"},
        {"min.compaction.lag.ms", "0", "log.cleaner.min.compaction.lag.ms"},
        {"min.insync.replicas", std::to_string(d.min_insync_replicas), "min.insync.replicas"},
        {"preallocate", "false", "log.preallocate"},
        {"remote.log.copy.disable", "false", ""},
        {"remote.log.delete.on.disable", "false", ""},
        {"remote.storage.enable", "false", ""},
        {"retention.bytes", std::to_string(d.log_retention_bytes), "log.retention.bytes"},
        // log.retention.hours in server.properties: the broker reports no synonym for retention.ms.
        {"retention.ms", std::to_string(d.log_retention_ms), ""},
        {"segment.bytes", std::to_string(d.log_segment_bytes), "log.segment.bytes"},
        {"segment.index.bytes", "10485760", "log.index.size.max.bytes"},
        {"segment.jitter.ms", std::to_string(d.log_roll_jitter_ms), ""},
        {"segment.ms", std::to_string(d.log_segment_ms), ""},
        {"unclean.leader.election.enable", d.unclean_leader_election_enable ? "true" : "false",
         "unclean.leader.election.enable"},
    };
    std::vector<TopicConfigEntry> out;
    for (const Default& def : table) {
        TopicConfigEntry e;
        e.name = def.name;
        e.value = def.value;
        e.source = "DEFAULT_CONFIG";
        const std::string key = def.broker_key;
        if (e.name == "min.insync.replicas") {
            // With eligible leader replicas on, the controller stores it as a cluster-wide dynamic default.
            e.synonyms.push_back({"DYNAMIC_DEFAULT_BROKER_CONFIG", key, def.value});
            e.synonyms.push_back({"DEFAULT_CONFIG", key, "1"});
        } else if (e.name == "segment.bytes") {
            // log.segment.bytes is set in the course's server.properties.
            e.synonyms.push_back({"STATIC_BROKER_CONFIG", key, def.value});
            e.synonyms.push_back({"DEFAULT_CONFIG", key, std::to_string(kKafkaLogSegmentBytes)});
        } else if (!key.empty()) {
            e.synonyms.push_back({"DEFAULT_CONFIG", key, def.value});
        }
        if (!e.synonyms.empty()) e.source = e.synonyms.front().source;
        if (const auto it = configs.overrides.find(e.name); it != configs.overrides.end()) {
            e.value = it->second;
            e.source = "DYNAMIC_TOPIC_CONFIG";
            e.synonyms.insert(e.synonyms.begin(), {"DYNAMIC_TOPIC_CONFIG", e.name, it->second});
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace fluxolab::sim
