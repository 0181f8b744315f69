// The scenario file format (sim/scenario_format.h): parsing and validating a scenario file, with the
// line and JSON pointer of a problem, and rendering a Scenario back as JSON. ScenarioRun, which runs one,
// is in sim/scenario.cpp.
#include "sim/scenario_format.h"

#include "sim/kafka_errors.h"
#include "sim/topic_configs.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace fluxolab::sim {

using nlohmann::json;

std::optional<TimeMs> parseDuration(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    if (i == 0) return std::nullopt;
    double v = 0;
    try {
        const std::string number = text.substr(0, i);
        std::size_t used = 0;
        v = std::stod(number, &used);
        if (used != number.size()) return std::nullopt; // "1.2.3s"
    } catch (...) {
        return std::nullopt;
    }
    const std::string unit = text.substr(i);
    double mult = 1;
    if (unit.empty() || unit == "ms") mult = 1;
    else if (unit == "s") mult = 1000;
    else if (unit == "m" || unit == "min") mult = 60000;
    else if (unit == "h") mult = 3600000;
    else if (unit == "d") mult = 86400000;
    else return std::nullopt;
    const double ms = v * mult;
    if (ms > 9.0e15) return std::nullopt;
    return static_cast<TimeMs>(std::llround(ms));
}

namespace {

/// Finds the 1-based line where the value at a JSON pointer starts, by scanning the raw text.
class LineLocator {
public:
    explicit LineLocator(const std::string& text) : m_text(text) {}
    int lineOf(const std::string& pointer) {
        std::vector<std::string> parts;
        std::size_t pos = 1;
        while (pos <= pointer.size() && !pointer.empty()) {
            const std::size_t next = pointer.find('/', pos);
            parts.push_back(pointer.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
            if (next == std::string::npos) break;
            pos = next + 1;
        }
        m_pos = 0;
        skipWs();
        for (const auto& part : parts) {
            if (!descend(part)) break;
        }
        return lineAt(m_pos);
    }
    int lineAt(std::size_t byte) const {
        return 1 + static_cast<int>(std::count(m_text.begin(), m_text.begin() + static_cast<std::ptrdiff_t>(std::min(byte, m_text.size())), '\n'));
    }

private:
    void skipWs() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }
    std::string readString() {
        std::string out;
        ++m_pos; // opening quote
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\') ++m_pos;
            if (m_pos < m_text.size()) out.push_back(m_text[m_pos]);
            ++m_pos;
        }
        ++m_pos;
        return out;
    }
    void skipValue() {
        skipWs();
        if (m_pos >= m_text.size()) return;
        const char c = m_text[m_pos];
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (m_pos < m_text.size()) {
                const char d = m_text[m_pos];
                if (d == '"') {
                    readString();
                    continue;
                }
                if (d == '{' || d == '[') ++depth;
                if (d == '}' || d == ']') {
                    --depth;
                    if (depth == 0) {
                        ++m_pos;
                        return;
                    }
                }
                ++m_pos;
            }
        } else {
            while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' && m_text[m_pos] != ']') ++m_pos;
        }
    }
    bool descend(const std::string& part) {
        skipWs();
        if (m_pos >= m_text.size()) return false;
        if (m_text[m_pos] == '{') {
            ++m_pos;
            while (true) {
                skipWs();
                if (m_pos >= m_text.size() || m_text[m_pos] != '"') return false;
                const std::string key = readString();
                skipWs();
                ++m_pos; // ':'
                skipWs();
                if (key == part) return true;
                skipValue();
                skipWs();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') ++m_pos;
                else return false;
            }
        }
        if (m_text[m_pos] == '[') {
            ++m_pos;
            long index = 0;
            try {
                index = std::stol(part);
            } catch (...) {
                return false;
            }
            for (long i = 0; i < index; ++i) {
                skipValue();
                skipWs();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') ++m_pos;
                else return false;
            }
            skipWs();
            return true;
        }
        return false;
    }
    const std::string& m_text;
    std::size_t m_pos = 0;
};

struct BadScenario {
    ScenarioError error;
};

using Code = ScenarioErrorCode;

[[noreturn]] void fail(const std::string& path, Code code, std::string value = {}) {
    BadScenario b;
    b.error.code = code;
    b.error.path = path;
    b.error.value = std::move(value);
    throw b;
}

[[noreturn]] void failRange(const std::string& path, std::string low, std::string high, std::string value) {
    BadScenario b;
    b.error.code = Code::OutOfRange;
    b.error.path = path;
    b.error.low = std::move(low);
    b.error.high = std::move(high);
    b.error.value = std::move(value);
    throw b;
}

/// What a Kafka controller refuses: its error code and its own message.
[[noreturn]] void failKafka(const std::string& path, ErrorCode kafka, std::string detail, Code code = Code::KafkaRefused) {
    BadScenario b;
    b.error.code = code;
    b.error.path = path;
    b.error.kafka = kafka;
    b.error.detail = std::move(detail);
    throw b;
}

/// A value as the file wrote it (JSON), shortened for a message.
std::string shown(const json& v) {
    std::string out = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (out.size() > 80) out = out.substr(0, 77) + "...";
    return out;
}

const json& need(const json& obj, const char* key, const std::string& path) {
    if (!obj.is_object() || !obj.contains(key)) fail(path, Code::MissingField, key);
    return obj.at(key);
}

std::string getString(const json& v, const std::string& path) {
    if (!v.is_string()) fail(path, Code::ExpectedString, shown(v));
    return v.get<std::string>();
}

std::int64_t getInt(const json& v, const std::string& path, std::int64_t lo, std::int64_t hi) {
    if (!v.is_number_integer()) fail(path, Code::ExpectedInteger, shown(v));
    const auto x = v.get<std::int64_t>();
    if (x < lo || x > hi) failRange(path, std::to_string(lo), std::to_string(hi), std::to_string(x));
    return x;
}

/// A bound as a person writes it in JSON: "0", "0.01", "10000000" (std::to_string gives "0.000000").
std::string scenarioBoundText(double x) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
    return std::string(buf, r.ptr);
}

/// A producer's records per second, at most: every record is simulated (and kept in the log and the
/// journal), so the rate bounds the work and the memory of a run. At 100 000/s a 60 s run takes about
/// 8 s and 170 MB; 10 000 000/s (the old bound) took 39 s and 684 MB for 2 s (about 20 GB for 60 s).
constexpr double kMaxProducerRate = 100000;

double getNumber(const json& v, const std::string& path, double lo, double hi) {
    if (!v.is_number()) fail(path, Code::ExpectedNumber, shown(v));
    const double x = v.get<double>();
    if (!(x >= lo && x <= hi)) failRange(path, scenarioBoundText(lo), scenarioBoundText(hi), shown(v));
    return x;
}

TimeMs getDuration(const json& v, const std::string& path) {
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return v.get<std::int64_t>();
    if (v.is_string()) {
        if (auto d = parseDuration(v.get<std::string>())) return *d;
    }
    fail(path, Code::ExpectedDuration, shown(v));
}

bool getBool(const json& v, const std::string& path) {
    if (!v.is_boolean()) fail(path, Code::ExpectedBool, shown(v));
    return v.get<bool>();
}

void checkKeys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
    if (!obj.is_object()) fail(path, Code::ExpectedObject, shown(obj));
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool ok = false;
        for (const char* a : allowed) ok = ok || it.key() == a;
        if (!ok) fail(path + "/" + it.key(), Code::UnknownField, it.key());
    }
}

LocalizedText getText(const json& v, const std::string& path) {
    LocalizedText t;
    if (v.is_string()) {
        t.pt_PT = t.en = v.get<std::string>();
        return t;
    }
    checkKeys(v, path, {"pt_PT", "en"});
    if (v.contains("pt_PT")) t.pt_PT = getString(v["pt_PT"], path + "/pt_PT");
    if (v.contains("en")) t.en = getString(v["en"], path + "/en");
    if (t.pt_PT.empty()) t.pt_PT = t.en;
    if (t.en.empty()) t.en = t.pt_PT;
    return t;
}

std::map<std::string, std::string> getConfigs(const json& v, const std::string& path) {
    if (!v.is_object()) fail(path, Code::ExpectedConfigObject, shown(v));
    std::map<std::string, std::string> out;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it->is_string()) out[it.key()] = it->get<std::string>();
        else if (it->is_number_integer()) out[it.key()] = std::to_string(it->get<std::int64_t>());
        else if (it->is_boolean()) out[it.key()] = it->get<bool>() ? "true" : "false";
        else fail(path + "/" + it.key(), Code::ExpectedConfigValue, shown(*it));
    }
    return out;
}

/// A topic's partition count, bounded as a Kafka 4.3.1 controller bounds one CreateTopics request:
/// more than 10000 partitions, or more records than one operation may write (1 + configs +
/// partitions > 10000), get the controller's own error message.
std::int32_t getTopicPartitions(const json& v, const std::string& path, std::size_t configs) {
    if (!v.is_number_integer()) fail(path, Code::ExpectedInteger, shown(v));
    // Unsigned values above INT64_MAX read as negative here and are refused below as well.
    const auto x = v.get<std::int64_t>();
    if (x < 1) failRange(path, "1", std::to_string(maxPartitionsForNewTopic(configs)), std::to_string(x));
    // Kafka's own messages, as the controller gives them to kafka-topics (sim/kafka_errors.h).
    auto policy = [&](PolicyLimit limit) {
        return adminErrorMessage(AdminOp::CreateTopic,
                                 AdminResult{ErrorCode::POLICY_VIOLATION, static_cast<std::int64_t>(limit), 0, {}}, "");
    };
    if (x > kMaxPartitionsPerRequest)
        failKafka(path, ErrorCode::POLICY_VIOLATION, policy(PolicyLimit::PartitionsPerRequest));
    if (x > maxPartitionsForNewTopic(configs)) {
        BadScenario b;
        b.error.code = Code::TopicTooManyRecords;
        b.error.path = path;
        b.error.kafka = ErrorCode::POLICY_VIOLATION;
        b.error.detail = policy(PolicyLimit::RecordsPerOperation);
        b.error.high = std::to_string(maxPartitionsForNewTopic(configs));
        b.error.value = std::to_string(configs);
        throw b;
    }
    return static_cast<std::int32_t>(x);
}

ScenarioTopic parseTopic(const json& v, const std::string& path, std::int32_t brokers) {
    checkKeys(v, path, {"name", "partitions", "replication_factor", "configs", "replica_assignment"});
    ScenarioTopic t;
    t.name = getString(need(v, "name", path), path + "/name");
    // What the controller would refuse must not load: ScenarioRun creates every topic and a refused one
    // would silently be missing from the run. Same rules and messages as kafka-topics gets.
    if (const std::string why = invalidTopicNameMessage(t.name); !why.empty())
        failKafka(path + "/name", ErrorCode::INVALID_TOPIC_EXCEPTION, why);
    if (v.contains("configs")) {
        t.configs = getConfigs(v["configs"], path + "/configs");
        for (const auto& entry : t.configs)
            if (const TopicConfigValueCheck check = checkTopicConfigValue(entry.first, entry.second); !check.ok())
                failKafka(path + "/configs/" + entry.first, ErrorCode::INVALID_CONFIG, check.message);
        if (const auto conflict = topicConfigConflict(t.configs))
            failKafka(path + "/configs", ErrorCode::INVALID_CONFIG, *conflict);
    }
    if (v.contains("partitions")) t.partitions = getTopicPartitions(v["partitions"], path + "/partitions", t.configs.size());
    if (v.contains("replication_factor"))
        t.replication_factor = static_cast<std::int32_t>(getInt(v["replication_factor"], path + "/replication_factor", 1, 9));
    if (v.contains("replica_assignment")) {
        // As kafka-topics --replica-assignment 2:1:3,...: broker ids of the cluster, none twice in a
        // list, every list as long as the first (the tool's own checks and messages).
        const std::string at = path + "/replica_assignment";
        const json& lists = v["replica_assignment"];
        if (!lists.is_array()) fail(at, Code::ExpectedArray, shown(lists));
        if (lists.empty()) fail(at, Code::ExpectedNonEmptyArray);
        for (std::size_t p = 0; p < lists.size(); ++p) {
            const std::string pp = at + "/" + std::to_string(p);
            if (!lists[p].is_array()) fail(pp, Code::ExpectedArray, shown(lists[p]));
            if (lists[p].empty()) fail(pp, Code::ExpectedNonEmptyArray);
            std::vector<BrokerId> replicas;
            for (std::size_t r = 0; r < lists[p].size(); ++r)
                replicas.push_back(static_cast<BrokerId>(getInt(lists[p][r], pp + "/" + std::to_string(r), 1, brokers)));
            std::string duplicates;
            for (std::size_t i = 0; i < replicas.size(); ++i)
                if (std::count(replicas.begin(), replicas.begin() + static_cast<std::ptrdiff_t>(i), replicas[i]) == 1)
                    duplicates += (duplicates.empty() ? "" : ",") + std::to_string(replicas[i]);
            if (!duplicates.empty())
                failKafka(pp, ErrorCode::INVALID_REPLICATION_FACTOR,
                          "Partition replica lists may not contain duplicate entries: " + duplicates);
            if (!t.replica_assignment.empty() && replicas.size() != t.replica_assignment.front().size()) {
                std::string list;
                for (std::size_t i = 0; i < replicas.size(); ++i) list += (i ? ", " : "") + std::to_string(replicas[i]);
                failKafka(pp, ErrorCode::INVALID_REPLICATION_FACTOR,
                          "Partition " + std::to_string(p) + " has different replication factor: [" + list + "]");
            }
            t.replica_assignment.push_back(std::move(replicas));
        }
        const auto size = static_cast<std::int32_t>(t.replica_assignment.size());
        const auto rf = static_cast<std::int32_t>(t.replica_assignment.front().size());
        if (v.contains("partitions") && t.partitions != size)
            failRange(path + "/partitions", std::to_string(size), std::to_string(size), std::to_string(t.partitions));
        if (v.contains("replication_factor") && t.replication_factor != rf)
            failRange(path + "/replication_factor", std::to_string(rf), std::to_string(rf),
                      std::to_string(t.replication_factor));
        t.partitions = size;
        t.replication_factor = rf;
    }
    if (t.replication_factor > brokers)
        failKafka(path + "/replication_factor", ErrorCode::INVALID_REPLICATION_FACTOR,
                  replicationFactorUnreachableMessage(t.replication_factor, brokers));
    return t;
}

KeySpec parseKeys(const json& v, const std::string& path) {
    KeySpec k;
    if (v.is_null()) {
        k.kind = KeySpec::Kind::Null;
        return k;
    }
    checkKeys(v, path, {"distribution", "count", "prefix", "list", "zipf_s"});
    const std::string dist = v.contains("distribution") ? getString(v["distribution"], path + "/distribution") : "uniform";
    if (dist == "none" || dist == "null") k.kind = KeySpec::Kind::Null;
    else if (dist == "uniform") k.kind = KeySpec::Kind::Uniform;
    else if (dist == "zipf") k.kind = KeySpec::Kind::Zipf;
    else if (dist == "sequence") k.kind = KeySpec::Kind::Sequence;
    else if (dist == "list") k.kind = KeySpec::Kind::List;
    else fail(path + "/distribution", Code::UnknownKeyDistribution, dist);
    if (v.contains("count")) k.count = static_cast<std::int32_t>(getInt(v["count"], path + "/count", 1, 1000000));
    if (v.contains("prefix")) k.prefix = getString(v["prefix"], path + "/prefix");
    if (v.contains("zipf_s")) k.zipf_s = getNumber(v["zipf_s"], path + "/zipf_s", 0.01, 10);
    if (v.contains("list")) {
        if (!v["list"].is_array() || v["list"].empty()) fail(path + "/list", Code::ExpectedStringList, shown(v["list"]));
        for (std::size_t i = 0; i < v["list"].size(); ++i)
            k.list.push_back(getString(v["list"][i], path + "/list/" + std::to_string(i)));
    }
    if (k.kind == KeySpec::Kind::List && k.list.empty()) fail(path + "/list", Code::ListNeedsKeys);
    return k;
}

/// ProducerConfig.postProcessAndValidateIdempotenceConfigs (Kafka 4.3.1): idempotence is on by default;
/// retries 0 or acks other than all turn it off, unless enable.idempotence was set explicitly: then
/// KafkaProducer's constructor throws ConfigException. More than 5 requests in flight throws whether it
/// was set or not (3.x only turned idempotence off and warned "in v4.0.0 and onward, this will become an
/// error"): tests/labs/golden/real/checks.txt, timestamps.txt. The config keeps the effective value,
/// so that the scenario written back says it.
void checkIdempotence(ProducerConfig& c, bool explicitly, const std::string& path) {
    if (!c.enable_idempotence) return;
    auto refuse = [&](const char* field, std::string message) {
        BadScenario b;
        b.error.code = Code::ProducerConfigRefused;
        b.error.path = path + "/" + field;
        b.error.detail = std::move(message);
        throw b;
    };
    bool disable = false;
    if (c.retries == 0) {
        if (explicitly) refuse("retries", "Must set retries to non-zero when using the idempotent producer.");
        disable = true;
    }
    if (c.acks != Acks::All) {
        if (explicitly)
            refuse("acks", "Must set acks to all in order to use the idempotent producer. Otherwise we cannot "
                           "guarantee idempotence.");
        disable = true;
    }
    if (disable) {
        c.enable_idempotence = false;
        return;
    }
    if (c.max_in_flight > 5)
        refuse("max_in_flight_requests_per_connection",
               "To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. "
               "Current value is " + std::to_string(c.max_in_flight) + ".");
}

ProducerConfig parseProducerConfig(const json& v, const std::string& path, ProducerConfig c) {
    if (v.contains("acks")) {
        const json& a = v["acks"];
        const std::string s = a.is_string() ? a.get<std::string>() : (a.is_number_integer() ? std::to_string(a.get<int>()) : "");
        if (s == "0") c.acks = Acks::None;
        else if (s == "1") c.acks = Acks::Leader;
        else if (s == "all" || s == "-1") c.acks = Acks::All;
        else fail(path + "/acks", Code::BadAcks, a.is_string() ? a.get<std::string>() : shown(a));
    }
    if (v.contains("linger_ms")) c.linger_ms = getInt(v["linger_ms"], path + "/linger_ms", 0, 3600000);
    if (v.contains("batch_size")) c.batch_size = static_cast<std::int32_t>(getInt(v["batch_size"], path + "/batch_size", 1, 1 << 26));
    if (v.contains("retries")) c.retries = static_cast<std::int32_t>(getInt(v["retries"], path + "/retries", 0, 2147483647));
    if (v.contains("enable_idempotence")) c.enable_idempotence = getBool(v["enable_idempotence"], path + "/enable_idempotence");
    if (v.contains("max_in_flight_requests_per_connection"))
        c.max_in_flight = static_cast<std::int32_t>(getInt(v["max_in_flight_requests_per_connection"],
                                                           path + "/max_in_flight_requests_per_connection", 1, 2147483647));
    if (v.contains("delivery_timeout_ms"))
        c.delivery_timeout_ms = getInt(v["delivery_timeout_ms"], path + "/delivery_timeout_ms", 1, 86400000);
    if (v.contains("client_id")) c.client_id = getString(v["client_id"], path + "/client_id");
    checkIdempotence(c, v.contains("enable_idempotence"), path);
    if (v.contains("partitioner")) {
        const std::string p = getString(v["partitioner"], path + "/partitioner");
        if (p == "sticky" || p == "builtin" || p == "default") c.null_key_partitioner = NullKeyPartitioner::BuiltinSticky;
        else if (p == "round_robin" || p == "roundrobin") c.null_key_partitioner = NullKeyPartitioner::RoundRobin;
        else fail(path + "/partitioner", Code::BadPartitioner, p);
    }
    return c;
}

ScenarioConsumer parseConsumer(const json& v, const std::string& path) {
    checkKeys(v, path, {"id", "group", "topics", "assignor", "assignors", "poll_interval_ms", "max_poll_records",
                        "session_timeout_ms", "heartbeat_interval_ms", "max_poll_interval_ms", "auto_offset_reset",
                        "enable_auto_commit", "auto_commit_interval_ms", "start", "client_id"});
    ScenarioConsumer c;
    c.id = getString(need(v, "id", path), path + "/id");
    c.config.group_id = getString(need(v, "group", path), path + "/group");
    if (c.config.group_id.empty()) fail(path + "/group", Code::EmptyGroupId);
    const json& topics = need(v, "topics", path);
    if (!topics.is_array() || topics.empty()) fail(path + "/topics", Code::ExpectedTopicList, shown(topics));
    for (std::size_t i = 0; i < topics.size(); ++i) c.topics.push_back(getString(topics[i], path + "/topics/" + std::to_string(i)));
    auto assignorAt = [&](const json& a, const std::string& p) {
        const auto k = parseAssignor(getString(a, p));
        if (!k) fail(p, Code::UnknownAssignor, a.get<std::string>());
        return *k;
    };
    if (v.contains("assignor")) c.config.assignors = {assignorAt(v["assignor"], path + "/assignor")};
    if (v.contains("assignors")) {
        if (!v["assignors"].is_array() || v["assignors"].empty()) fail(path + "/assignors", Code::ExpectedNonEmptyArray, shown(v["assignors"]));
        c.config.assignors.clear();
        for (std::size_t i = 0; i < v["assignors"].size(); ++i)
            c.config.assignors.push_back(assignorAt(v["assignors"][i], path + "/assignors/" + std::to_string(i)));
    }
    if (v.contains("poll_interval_ms")) c.config.poll_interval_ms = getInt(v["poll_interval_ms"], path + "/poll_interval_ms", 1, 3600000);
    if (v.contains("max_poll_records"))
        c.config.max_poll_records = static_cast<std::int32_t>(getInt(v["max_poll_records"], path + "/max_poll_records", 1, 1000000));
    if (v.contains("session_timeout_ms"))
        c.config.session_timeout_ms = getInt(v["session_timeout_ms"], path + "/session_timeout_ms", 6000, 1800000);
    if (v.contains("heartbeat_interval_ms"))
        c.config.heartbeat_interval_ms = getInt(v["heartbeat_interval_ms"], path + "/heartbeat_interval_ms", 1, 3600000);
    if (v.contains("max_poll_interval_ms"))
        c.config.max_poll_interval_ms = getInt(v["max_poll_interval_ms"], path + "/max_poll_interval_ms", 1, 86400000);
    if (v.contains("enable_auto_commit")) c.config.enable_auto_commit = getBool(v["enable_auto_commit"], path + "/enable_auto_commit");
    if (v.contains("auto_commit_interval_ms"))
        c.config.auto_commit_interval_ms = getInt(v["auto_commit_interval_ms"], path + "/auto_commit_interval_ms", 1, 86400000);
    if (v.contains("client_id")) c.config.client_id = getString(v["client_id"], path + "/client_id");
    if (v.contains("auto_offset_reset")) {
        const std::string r = getString(v["auto_offset_reset"], path + "/auto_offset_reset");
        if (r == "earliest") c.config.auto_offset_reset = OffsetReset::Earliest;
        else if (r == "latest") c.config.auto_offset_reset = OffsetReset::Latest;
        else if (r == "none") c.config.auto_offset_reset = OffsetReset::None;
        else fail(path + "/auto_offset_reset", Code::BadOffsetReset, r);
    }
    if (c.config.heartbeat_interval_ms >= c.config.session_timeout_ms)
        fail(path + "/heartbeat_interval_ms", Code::HeartbeatNotBelowSession);
    if (v.contains("start")) c.start_ms = getDuration(v["start"], path + "/start");
    return c;
}

Scenario parseRoot(const json& root) {
    checkKeys(root, "", {"name", "title", "description", "seed", "duration", "cluster", "topics", "producers",
                         "consumers", "actions", "terminal", "trace_feeds", "stream_jobs", "$schema"});
    Scenario s;
    s.name = root.contains("name") ? getString(root["name"], "/name") : "scenario";
    if (root.contains("title")) s.title = getText(root["title"], "/title");
    if (root.contains("description")) s.description = getText(root["description"], "/description");
    if (root.contains("seed")) s.seed = static_cast<std::uint64_t>(getInt(root["seed"], "/seed", 0, INT64_MAX));
    if (root.contains("duration")) s.duration_ms = getDuration(root["duration"], "/duration");
    if (s.duration_ms <= 0) fail("/duration", Code::DurationNotPositive, std::to_string(s.duration_ms));
    if (root.contains("cluster")) {
        const json& c = root["cluster"];
        checkKeys(c, "/cluster", {"brokers", "configs", "network_delay_ms"});
        if (c.contains("brokers")) s.cluster.brokers = static_cast<std::int32_t>(getInt(c["brokers"], "/cluster/brokers", 1, 9));
        if (c.contains("network_delay_ms"))
            s.cluster.network_delay_ms = getInt(c["network_delay_ms"], "/cluster/network_delay_ms", 0, 10000);
        if (c.contains("configs")) {
            const auto cfg = getConfigs(c["configs"], "/cluster/configs");
            auto& d = s.cluster.defaults;
            for (const auto& entry : cfg) {
                // Not a structured binding: Clang 14 (the fuzz build) cannot capture one in the lambda.
                const std::string& k = entry.first;
                const std::string& v = entry.second;
                const std::string p = "/cluster/configs/" + k;
                auto num = [&](std::int64_t lo, std::int64_t hi) {
                    try {
                        const std::int64_t x = std::stoll(v);
                        if (x < lo || x > hi) failRange(p, std::to_string(lo), std::to_string(hi), v);
                        return x;
                    } catch (const BadScenario&) {
                        throw;
                    } catch (...) {
                        fail(p, Code::ExpectedNumber, v);
                    }
                };
                if (k == "min.insync.replicas") d.min_insync_replicas = static_cast<std::int32_t>(num(1, 9));
                else if (k == "unclean.leader.election.enable") d.unclean_leader_election_enable = v == "true";
                else if (k == "replica.lag.time.max.ms") d.replica_lag_time_max_ms = num(100, 86400000);
                else if (k == "num.partitions") d.num_partitions = static_cast<std::int32_t>(num(1, 64));
                else if (k == "default.replication.factor") d.default_replication_factor = static_cast<std::int32_t>(num(1, 9));
                else if (k == "log.retention.ms") d.log_retention_ms = num(-1, INT64_MAX / 2);
                else if (k == "log.retention.bytes") d.log_retention_bytes = num(-1, INT64_MAX / 2);
                else if (k == "log.segment.bytes") d.log_segment_bytes = num(1048576, INT32_MAX); // Kafka 4.0 minimum
                else if (k == "log.retention.check.interval.ms") d.log_retention_check_interval_ms = num(1, 86400000);
                else if (k == "log.initial.task.delay.ms") d.log_initial_task_delay_ms = num(0, 86400000);
                else if (k == "log.roll.ms") d.log_segment_ms = num(1, INT64_MAX / 2);
                else if (k == "log.roll.jitter.ms") d.log_roll_jitter_ms = num(0, INT64_MAX / 2);
                else if (k == "group.initial.rebalance.delay.ms") d.group_initial_rebalance_delay_ms = num(0, 3600000);
                else if (k == "offsets.topic.replication.factor") d.offsets_topic_replication_factor = static_cast<std::int32_t>(num(1, 9));
                else if (k == "broker.session.timeout.ms") d.broker_session_timeout_ms = num(100, 3600000);
                else if (k == "auto.create.topics.enable") d.auto_create_topics_enable = v == "true";
                else fail(p, Code::UnsupportedBrokerConfig, k);
            }
        }
    }
    if (root.contains("topics")) {
        if (!root["topics"].is_array()) fail("/topics", Code::ExpectedArray, shown(root["topics"]));
        for (std::size_t i = 0; i < root["topics"].size(); ++i) {
            const std::string path = "/topics/" + std::to_string(i);
            ScenarioTopic t = parseTopic(root["topics"][i], path, s.cluster.brokers);
            for (const ScenarioTopic& earlier : s.topics)
                if (earlier.name == t.name) failKafka(path + "/name", ErrorCode::TOPIC_ALREADY_EXISTS,
                              adminErrorMessage(AdminOp::CreateTopic, AdminResult{ErrorCode::TOPIC_ALREADY_EXISTS, 0, 0, {}}, t.name));
            s.topics.push_back(std::move(t));
        }
    }
    auto topicKnown = [&](const std::string& name) {
        return std::any_of(s.topics.begin(), s.topics.end(), [&](const ScenarioTopic& t) { return t.name == name; });
    };
    if (root.contains("producers")) {
        if (!root["producers"].is_array()) fail("/producers", Code::ExpectedArray, shown(root["producers"]));
        for (std::size_t i = 0; i < root["producers"].size(); ++i) {
            const json& v = root["producers"][i];
            const std::string path = "/producers/" + std::to_string(i);
            checkKeys(v, path, {"id", "topic", "rate", "keys", "value", "acks", "linger_ms", "batch_size", "retries",
                                "enable_idempotence", "max_in_flight_requests_per_connection", "delivery_timeout_ms", "partitioner",
                                "start", "stop", "client_id"});
            ScenarioProducer p;
            p.id = getString(need(v, "id", path), path + "/id");
            p.topic = getString(need(v, "topic", path), path + "/topic");
            if (!topicKnown(p.topic)) fail(path + "/topic", Code::UnknownTopic, p.topic);
            if (v.contains("rate")) p.rate_per_sec = getNumber(v["rate"], path + "/rate", 0, kMaxProducerRate);
            if (v.contains("keys")) p.keys = parseKeys(v["keys"], path + "/keys");
            if (v.contains("value")) p.value_template = getString(v["value"], path + "/value");
            p.config = parseProducerConfig(v, path, p.config);
            if (p.config.client_id.empty()) p.config.client_id = p.id;
            if (v.contains("start")) p.start_ms = getDuration(v["start"], path + "/start");
            if (v.contains("stop")) p.stop_ms = getDuration(v["stop"], path + "/stop");
            s.producers.push_back(std::move(p));
        }
    }
    if (root.contains("consumers")) {
        if (!root["consumers"].is_array()) fail("/consumers", Code::ExpectedArray, shown(root["consumers"]));
        for (std::size_t i = 0; i < root["consumers"].size(); ++i) {
            auto c = parseConsumer(root["consumers"][i], "/consumers/" + std::to_string(i));
            for (std::size_t k = 0; k < c.topics.size(); ++k)
                if (!topicKnown(c.topics[k]))
                    fail("/consumers/" + std::to_string(i) + "/topics/" + std::to_string(k), Code::UnknownTopic, c.topics[k]);
            s.consumers.push_back(std::move(c));
        }
    }
    if (root.contains("actions")) {
        if (!root["actions"].is_array()) fail("/actions", Code::ExpectedArray, shown(root["actions"]));
        for (std::size_t i = 0; i < root["actions"].size(); ++i) {
            const json& v = root["actions"][i];
            const std::string path = "/actions/" + std::to_string(i);
            ScenarioAction a;
            a.at_ms = getDuration(need(v, "at", path), path + "/at");
            const std::string kind = getString(need(v, "do", path), path + "/do");
            auto brokerField = [&] {
                a.broker = static_cast<BrokerId>(getInt(need(v, "broker", path), path + "/broker", 1, s.cluster.brokers));
            };
            if (kind == "stop_broker") {
                checkKeys(v, path, {"at", "do", "broker"});
                a.kind = ScenarioAction::Kind::StopBroker;
                brokerField();
            } else if (kind == "crash_broker") {
                checkKeys(v, path, {"at", "do", "broker"});
                a.kind = ScenarioAction::Kind::CrashBroker;
                brokerField();
            } else if (kind == "start_broker") {
                checkKeys(v, path, {"at", "do", "broker"});
                a.kind = ScenarioAction::Kind::StartBroker;
                brokerField();
            } else if (kind == "add_consumer") {
                checkKeys(v, path, {"at", "do", "consumer"});
                a.kind = ScenarioAction::Kind::AddConsumer;
                a.consumer = parseConsumer(need(v, "consumer", path), path + "/consumer");
                a.consumer->start_ms = a.at_ms;
            } else if (kind == "remove_consumer" || kind == "crash_consumer") {
                checkKeys(v, path, {"at", "do", "consumer"});
                a.kind = kind == "remove_consumer" ? ScenarioAction::Kind::RemoveConsumer : ScenarioAction::Kind::CrashConsumer;
                a.target = getString(need(v, "consumer", path), path + "/consumer");
            } else if (kind == "pause_consumer") {
                checkKeys(v, path, {"at", "do", "consumer", "for"});
                a.kind = ScenarioAction::Kind::PauseConsumer;
                a.target = getString(need(v, "consumer", path), path + "/consumer");
                a.value = getDuration(need(v, "for", path), path + "/for");
            } else if (kind == "alter_partitions") {
                checkKeys(v, path, {"at", "do", "topic", "partitions"});
                a.kind = ScenarioAction::Kind::AlterPartitions;
                a.target = getString(need(v, "topic", path), path + "/topic");
                if (!topicKnown(a.target)) fail(path + "/topic", Code::UnknownTopic, a.target);
                // The controller grows a topic by at most 10000 partitions per request (beyond, it
                // fails after creating 10000): any int32 total is accepted, as kafka-topics --alter.
                a.value = getInt(need(v, "partitions", path), path + "/partitions", 1, 2147483647);
            } else if (kind == "create_topic") {
                checkKeys(v, path, {"at", "do", "topic"});
                a.kind = ScenarioAction::Kind::CreateTopic;
                a.topic = parseTopic(need(v, "topic", path), path + "/topic", s.cluster.brokers);
            } else if (kind == "delete_topic") {
                checkKeys(v, path, {"at", "do", "topic"});
                a.kind = ScenarioAction::Kind::DeleteTopic;
                a.target = getString(need(v, "topic", path), path + "/topic");
            } else if (kind == "producer_rate") {
                checkKeys(v, path, {"at", "do", "producer", "rate"});
                a.kind = ScenarioAction::Kind::ProducerRate;
                a.target = getString(need(v, "producer", path), path + "/producer");
                a.value = static_cast<std::int64_t>(getNumber(need(v, "rate", path), path + "/rate", 0, kMaxProducerRate));
            } else if (kind == "elect_preferred_leaders") {
                checkKeys(v, path, {"at", "do"});
                a.kind = ScenarioAction::Kind::ElectPreferred;
            } else {
                fail(path + "/do", Code::UnknownAction, kind);
            }
            s.actions.push_back(std::move(a));
        }
        // An action on an unknown consumer or producer would do nothing when it runs (ScenarioRun finds
        // no one by that id): refuse it here, like an unknown broker or topic. A consumer is known when
        // it is declared under "consumers" or an add_consumer action adds it at or before the action's
        // time (the actions run in time order, in file order when at the same time).
        std::vector<std::size_t> order(s.actions.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t x, std::size_t y) { return s.actions[x].at_ms < s.actions[y].at_ms; });
        std::set<std::string> consumers;
        for (const ScenarioConsumer& c : s.consumers) consumers.insert(c.id);
        for (std::size_t i : order) {
            const ScenarioAction& a = s.actions[i];
            const std::string path = "/actions/" + std::to_string(i);
            switch (a.kind) {
            case ScenarioAction::Kind::AddConsumer: consumers.insert(a.consumer->id); break;
            case ScenarioAction::Kind::RemoveConsumer:
            case ScenarioAction::Kind::CrashConsumer:
            case ScenarioAction::Kind::PauseConsumer:
                if (!consumers.contains(a.target)) fail(path + "/consumer", Code::UnknownConsumer, a.target);
                break;
            case ScenarioAction::Kind::ProducerRate:
                if (std::none_of(s.producers.begin(), s.producers.end(),
                                 [&](const ScenarioProducer& p) { return p.id == a.target; }))
                    fail(path + "/producer", Code::UnknownProducer, a.target);
                break;
            default: break;
            }
        }
        std::stable_sort(s.actions.begin(), s.actions.end(),
                         [](const ScenarioAction& x, const ScenarioAction& y) { return x.at_ms < y.at_ms; });
    }
    if (root.contains("terminal")) {
        if (!root["terminal"].is_object())
            fail("/terminal", Code::TerminalNotObject, shown(root["terminal"]));
        s.terminal = root["terminal"].dump();
    }
    auto nonEmpty = [](const json& v, const std::string& path) {
        std::string x = getString(v, path);
        if (x.empty()) fail(path, Code::MustNotBeEmpty);
        return x;
    };
    if (root.contains("trace_feeds")) {
        if (!root["trace_feeds"].is_array()) fail("/trace_feeds", Code::ExpectedArray, shown(root["trace_feeds"]));
        for (std::size_t i = 0; i < root["trace_feeds"].size(); ++i) {
            const json& v = root["trace_feeds"][i];
            const std::string path = "/trace_feeds/" + std::to_string(i);
            checkKeys(v, path, {"trace", "topic", "key", "time", "time_format", "value", "pacing", "arrival", "start"});
            ScenarioTraceFeed f;
            f.trace = nonEmpty(need(v, "trace", path), path + "/trace");
            f.topic = getString(need(v, "topic", path), path + "/topic");
            if (!topicKnown(f.topic)) fail(path + "/topic", Code::UnknownTopic, f.topic);
            if (v.contains("key")) f.key = nonEmpty(v["key"], path + "/key");
            if (v.contains("time")) f.time = nonEmpty(v["time"], path + "/time");
            if (v.contains("time_format")) {
                f.time_format = getString(v["time_format"], path + "/time_format");
                if (f.time_format != "auto" && f.time_format != "epoch-ms" && f.time_format != "epoch-s" &&
                    f.time_format != "iso" && f.time_format != "sql")
                    fail(path + "/time_format", Code::BadTimeFormat, f.time_format);
            }
            if (v.contains("value")) f.value = getString(v["value"], path + "/value");
            if (v.contains("arrival")) f.arrival = nonEmpty(v["arrival"], path + "/arrival");
            const std::string pacing =
                v.contains("pacing") ? getString(v["pacing"], path + "/pacing") : std::string("arrival");
            if (pacing == "arrival") f.pacing = ScenarioTraceFeed::Pacing::Arrival;
            else if (pacing == "event_time") f.pacing = ScenarioTraceFeed::Pacing::EventTime;
            else fail(path + "/pacing", Code::BadPacing, pacing);
            if (f.pacing == ScenarioTraceFeed::Pacing::Arrival && f.arrival.empty())
                fail(path, Code::ArrivalPacingNeedsColumn);
            if (v.contains("start")) f.start_ms = getDuration(v["start"], path + "/start");
            s.trace_feeds.push_back(std::move(f));
        }
    }
    if (root.contains("stream_jobs")) {
        if (!root["stream_jobs"].is_array()) fail("/stream_jobs", Code::ExpectedArray, shown(root["stream_jobs"]));
        for (std::size_t i = 0; i < root["stream_jobs"].size(); ++i) {
            const json& v = root["stream_jobs"][i];
            const std::string path = "/stream_jobs/" + std::to_string(i);
            checkKeys(v, path, {"id", "topic", "watermark", "window", "agg", "parallelism", "watermark_interval",
                                "idle_timeout", "allowed_lateness", "event_time"});
            ScenarioStreamJob j;
            j.id = nonEmpty(need(v, "id", path), path + "/id");
            for (const auto& other : s.stream_jobs)
                if (other.id == j.id) fail(path + "/id", Code::DuplicateStreamJob, j.id);
            j.topic = getString(need(v, "topic", path), path + "/topic");
            if (!topicKnown(j.topic)) fail(path + "/topic", Code::UnknownTopic, j.topic);
            j.window = nonEmpty(need(v, "window", path), path + "/window");
            if (v.contains("watermark")) j.watermark = nonEmpty(v["watermark"], path + "/watermark");
            if (v.contains("agg")) j.agg = nonEmpty(v["agg"], path + "/agg");
            if (v.contains("parallelism"))
                j.parallelism = static_cast<std::int32_t>(getInt(v["parallelism"], path + "/parallelism", 1, 8));
            if (v.contains("watermark_interval"))
                j.watermark_interval = nonEmpty(v["watermark_interval"], path + "/watermark_interval");
            if (v.contains("idle_timeout")) j.idle_timeout_ms = getDuration(v["idle_timeout"], path + "/idle_timeout");
            if (v.contains("allowed_lateness"))
                j.allowed_lateness_ms = getDuration(v["allowed_lateness"], path + "/allowed_lateness");
            if (v.contains("event_time")) {
                j.event_time = getString(v["event_time"], path + "/event_time");
                if (j.event_time != "timestamp" && (j.event_time.rfind("field:", 0) != 0 || j.event_time.size() <= 6))
                    fail(path + "/event_time", Code::BadEventTime, j.event_time);
            }
            s.stream_jobs.push_back(std::move(j));
        }
    }
    return s;
}

} // namespace

std::optional<Scenario> parseScenario(const std::string& text, const std::string& file, ScenarioError& error) {
    error = ScenarioError{};
    error.file = file;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error.code = ScenarioErrorCode::EmptyFile;
        error.line = 1;
        return std::nullopt;
    }
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        LineLocator loc(text);
        error.code = ScenarioErrorCode::InvalidJson;
        const std::size_t at = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, text.size()) : 0;
        error.line = loc.lineAt(at);
        const std::size_t lineStart = at == 0 ? 0 : text.rfind('\n', at - 1);
        error.column = static_cast<int>(at - (lineStart == std::string::npos || at == 0 ? 0 : lineStart + 1)) + 1;
        std::string what = e.what();
        const auto pos = what.find("syntax error");
        error.detail = pos != std::string::npos ? what.substr(pos) : what;
        return std::nullopt;
    } catch (const json::exception& e) {
        // json::parse also throws out_of_range, for a number too large for a double (1e999).
        std::string what = e.what();
        const auto pos = what.find("] ");
        error.code = e.id == 406 ? ScenarioErrorCode::JsonNumberTooLarge : ScenarioErrorCode::InvalidJson;
        error.line = 0;
        error.detail = pos != std::string::npos ? what.substr(pos + 2) : what;
        return std::nullopt;
    }
    try {
        return parseRoot(root);
    } catch (const BadScenario& b) {
        LineLocator loc(text);
        error = b.error;
        error.file = file;
        error.line = loc.lineOf(b.error.path);
        return std::nullopt;
    } catch (const std::exception& e) {
        error.code = ScenarioErrorCode::Internal;
        error.detail = e.what();
        return std::nullopt;
    }
}

std::optional<Scenario> loadScenarioFile(const std::string& path, ScenarioError& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = ScenarioError{};
        error.code = ScenarioErrorCode::CannotOpen;
        error.file = path;
        return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return parseScenario(ss.str(), path, error);
}

namespace {
const char* acksText(Acks a) { return a == Acks::None ? "0" : a == Acks::Leader ? "1" : "all"; }
const char* resetText(OffsetReset r) {
    return r == OffsetReset::Earliest ? "earliest" : r == OffsetReset::Latest ? "latest" : "none";
}
json consumerJson(const ScenarioConsumer& c) {
    json j;
    j["id"] = c.id;
    j["group"] = c.config.group_id;
    j["topics"] = c.topics;
    json as = json::array();
    for (auto k : c.config.assignors) as.push_back(assignorName(k));
    j["assignors"] = as;
    j["poll_interval_ms"] = c.config.poll_interval_ms;
    j["max_poll_records"] = c.config.max_poll_records;
    j["session_timeout_ms"] = c.config.session_timeout_ms;
    j["heartbeat_interval_ms"] = c.config.heartbeat_interval_ms;
    j["max_poll_interval_ms"] = c.config.max_poll_interval_ms;
    j["auto_offset_reset"] = resetText(c.config.auto_offset_reset);
    j["enable_auto_commit"] = c.config.enable_auto_commit;
    j["auto_commit_interval_ms"] = c.config.auto_commit_interval_ms;
    if (!c.config.client_id.empty()) j["client_id"] = c.config.client_id;
    if (c.start_ms) j["start"] = c.start_ms;
    return j;
}
json topicJson(const ScenarioTopic& t) {
    json j{{"name", t.name}, {"partitions", t.partitions}, {"replication_factor", t.replication_factor}};
    if (!t.configs.empty()) j["configs"] = t.configs;
    if (!t.replica_assignment.empty()) j["replica_assignment"] = t.replica_assignment;
    return j;
}
} // namespace

std::string scenarioToJson(const Scenario& s) {
    json root;
    root["name"] = s.name;
    root["title"] = {{"pt_PT", s.title.pt_PT}, {"en", s.title.en}};
    root["description"] = {{"pt_PT", s.description.pt_PT}, {"en", s.description.en}};
    root["seed"] = s.seed;
    root["duration"] = s.duration_ms;
    const auto& d = s.cluster.defaults;
    const BrokerDefaults def;
    json cfg = json::object();
    if (d.min_insync_replicas != def.min_insync_replicas) cfg["min.insync.replicas"] = d.min_insync_replicas;
    if (d.unclean_leader_election_enable) cfg["unclean.leader.election.enable"] = "true";
    if (d.replica_lag_time_max_ms != def.replica_lag_time_max_ms) cfg["replica.lag.time.max.ms"] = d.replica_lag_time_max_ms;
    if (d.log_retention_check_interval_ms != def.log_retention_check_interval_ms)
        cfg["log.retention.check.interval.ms"] = d.log_retention_check_interval_ms;
    if (d.log_initial_task_delay_ms != def.log_initial_task_delay_ms)
        cfg["log.initial.task.delay.ms"] = d.log_initial_task_delay_ms;
    if (d.log_segment_ms != def.log_segment_ms) cfg["log.roll.ms"] = d.log_segment_ms;
    if (d.log_roll_jitter_ms != def.log_roll_jitter_ms) cfg["log.roll.jitter.ms"] = d.log_roll_jitter_ms;
    if (d.group_initial_rebalance_delay_ms != def.group_initial_rebalance_delay_ms)
        cfg["group.initial.rebalance.delay.ms"] = d.group_initial_rebalance_delay_ms;
    root["cluster"] = {{"brokers", s.cluster.brokers}, {"network_delay_ms", s.cluster.network_delay_ms}, {"configs", cfg}};
    root["topics"] = json::array();
    for (const auto& t : s.topics) root["topics"].push_back(topicJson(t));
    root["producers"] = json::array();
    for (const auto& p : s.producers) {
        json j{{"id", p.id}, {"topic", p.topic}, {"rate", p.rate_per_sec}, {"value", p.value_template},
               {"acks", acksText(p.config.acks)}, {"linger_ms", p.config.linger_ms}, {"batch_size", p.config.batch_size},
               {"enable_idempotence", p.config.enable_idempotence},
               {"partitioner", p.config.null_key_partitioner == NullKeyPartitioner::RoundRobin ? "round_robin" : "sticky"}};
        if (p.config.client_id != p.id) j["client_id"] = p.config.client_id;
        if (p.config.max_in_flight != ProducerConfig{}.max_in_flight)
            j["max_in_flight_requests_per_connection"] = p.config.max_in_flight;
        static const char* kinds[] = {"none", "uniform", "zipf", "sequence", "list"};
        json k{{"distribution", kinds[static_cast<int>(p.keys.kind)]}, {"count", p.keys.count}, {"prefix", p.keys.prefix}};
        if (!p.keys.list.empty()) k["list"] = p.keys.list;
        if (p.keys.kind == KeySpec::Kind::Zipf) k["zipf_s"] = p.keys.zipf_s;
        j["keys"] = k;
        if (p.start_ms) j["start"] = p.start_ms;
        if (p.stop_ms >= 0) j["stop"] = p.stop_ms;
        root["producers"].push_back(j);
    }
    root["consumers"] = json::array();
    for (const auto& c : s.consumers) root["consumers"].push_back(consumerJson(c));
    root["actions"] = json::array();
    for (const auto& a : s.actions) {
        json j{{"at", a.at_ms}};
        switch (a.kind) {
        case ScenarioAction::Kind::StopBroker: j["do"] = "stop_broker"; j["broker"] = a.broker; break;
        case ScenarioAction::Kind::CrashBroker: j["do"] = "crash_broker"; j["broker"] = a.broker; break;
        case ScenarioAction::Kind::StartBroker: j["do"] = "start_broker"; j["broker"] = a.broker; break;
        case ScenarioAction::Kind::AddConsumer: j["do"] = "add_consumer"; j["consumer"] = consumerJson(*a.consumer); j["consumer"].erase("start"); break;
        case ScenarioAction::Kind::RemoveConsumer: j["do"] = "remove_consumer"; j["consumer"] = a.target; break;
        case ScenarioAction::Kind::CrashConsumer: j["do"] = "crash_consumer"; j["consumer"] = a.target; break;
        case ScenarioAction::Kind::PauseConsumer: j["do"] = "pause_consumer"; j["consumer"] = a.target; j["for"] = a.value; break;
        case ScenarioAction::Kind::AlterPartitions: j["do"] = "alter_partitions"; j["topic"] = a.target; j["partitions"] = a.value; break;
        case ScenarioAction::Kind::CreateTopic: j["do"] = "create_topic"; j["topic"] = topicJson(*a.topic); break;
        case ScenarioAction::Kind::DeleteTopic: j["do"] = "delete_topic"; j["topic"] = a.target; break;
        case ScenarioAction::Kind::ProducerRate: j["do"] = "producer_rate"; j["producer"] = a.target; j["rate"] = a.value; break;
        case ScenarioAction::Kind::ElectPreferred: j["do"] = "elect_preferred_leaders"; break;
        }
        root["actions"].push_back(j);
    }
    if (!s.terminal.empty()) {
        // Written back as it was read (or as labs::SessionJournal wrote it); never anything but an object.
        json t = json::parse(s.terminal, nullptr, false);
        if (t.is_object()) root["terminal"] = std::move(t);
    }
    if (!s.trace_feeds.empty()) {
        root["trace_feeds"] = json::array();
        for (const auto& f : s.trace_feeds) {
            json j{{"trace", f.trace}, {"topic", f.topic}, {"key", f.key}, {"time", f.time},
                   {"time_format", f.time_format},
                   {"pacing", f.pacing == ScenarioTraceFeed::Pacing::EventTime ? "event_time" : "arrival"}};
            if (!f.value.empty()) j["value"] = f.value;
            if (!f.arrival.empty()) j["arrival"] = f.arrival;
            if (f.start_ms) j["start"] = f.start_ms;
            root["trace_feeds"].push_back(j);
        }
    }
    if (!s.stream_jobs.empty()) {
        root["stream_jobs"] = json::array();
        for (const auto& sj : s.stream_jobs)
            root["stream_jobs"].push_back(json{{"id", sj.id}, {"topic", sj.topic}, {"watermark", sj.watermark},
                                           {"window", sj.window}, {"agg", sj.agg}, {"parallelism", sj.parallelism},
                                           {"watermark_interval", sj.watermark_interval},
                                           {"idle_timeout", sj.idle_timeout_ms},
                                           {"allowed_lateness", sj.allowed_lateness_ms},
                                           {"event_time", sj.event_time}});
    }
    return root.dump(2) + "\n";
}

} // namespace fluxolab::sim
