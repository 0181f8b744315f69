#include "labs/kafka_cli.h"

#include "sim/hash.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace fluxolab::labs {

// ---------------------------------------------------------------------------------------------
// Small helpers shared by the tools

const char* commandKindName(CommandKind kind) {
    switch (kind) {
    case CommandKind::TopicsCreate: return "topics.create";
    case CommandKind::TopicsList: return "topics.list";
    case CommandKind::TopicsDescribe: return "topics.describe";
    case CommandKind::TopicsDelete: return "topics.delete";
    case CommandKind::TopicsAlter: return "topics.alter";
    case CommandKind::TopicsOther: return "topics";
    case CommandKind::ConsoleProducer: return "console-producer";
    case CommandKind::ConsoleConsumer: return "console-consumer";
    case CommandKind::GroupsList: return "consumer-groups.list";
    case CommandKind::GroupsDescribe: return "consumer-groups.describe";
    case CommandKind::GroupsResetOffsets: return "consumer-groups.reset-offsets";
    case CommandKind::GroupsDelete: return "consumer-groups.delete";
    case CommandKind::GroupsOther: return "consumer-groups";
    case CommandKind::Unknown: return "unknown";
    }
    return "unknown";
}

std::vector<OutputChunk> CommandSession::takeOutput() {
    std::vector<OutputChunk> o;
    o.swap(m_output);
    return o;
}

void CommandSession::note(NoteId id) {
    if (std::find(m_notes.begin(), m_notes.end(), id) == m_notes.end()) m_notes.push_back(id);
}

std::string formatLogDate(TimeMs ms) {
    // Civil-from-days (Howard Hinnant's algorithm), UTC.
    const std::int64_t days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    const std::int64_t rem = ms - days * 86400000;
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[128];
    std::snprintf(buf, sizeof buf, "[%04lld-%02lld-%02lld %02lld:%02lld:%02lld,%03lld]", static_cast<long long>(y),
                  static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(rem / 3600000),
                  static_cast<long long>(rem / 60000 % 60), static_cast<long long>(rem / 1000 % 60),
                  static_cast<long long>(rem % 1000));
    return buf;
}

std::vector<std::size_t> javaHashMapOrder(const std::vector<std::int32_t>& hashes, std::size_t initial_capacity) {
    std::size_t cap = 1;
    while (cap < initial_capacity) cap <<= 1;
    while (static_cast<double>(hashes.size()) > static_cast<double>(cap) * 0.75) cap <<= 1;
    std::vector<std::pair<std::size_t, std::size_t>> keyed; // (bucket, insertion index)
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        const auto h = static_cast<std::uint32_t>(hashes[i]);
        const std::uint32_t spread = h ^ (h >> 16);
        keyed.emplace_back(spread & (cap - 1), i);
    }
    std::stable_sort(keyed.begin(), keyed.end());
    std::vector<std::size_t> out;
    for (const auto& [b, i] : keyed) out.push_back(i);
    return out;
}

std::int32_t javaTopicPartitionHash(const TopicPartition& tp) {
    const std::uint32_t r = 31u * static_cast<std::uint32_t>(31 + tp.partition) +
                            static_cast<std::uint32_t>(sim::javaStringHashCode(tp.topic));
    return static_cast<std::int32_t>(r);
}

namespace {

/// Java's "%-Ns".
std::string padRight(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::optional<std::int64_t> parseLong(const std::string& s) {
    std::int64_t v = 0;
    const char* b = s.data();
    const char* e = s.data() + s.size();
    if (b != e && *b == '+') ++b;
    const auto r = std::from_chars(b, e, v);
    if (r.ec != std::errc() || r.ptr != e || b == e) return std::nullopt;
    return v;
}

std::optional<std::int32_t> parseInt(const std::string& s) {
    const auto v = parseLong(s);
    if (!v || *v < INT32_MIN || *v > INT32_MAX) return std::nullopt;
    return static_cast<std::int32_t>(*v);
}

std::string joinInts(const std::vector<std::int32_t>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
    return s;
}

std::vector<std::string> splitOn(const std::string& s, char c) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t p = s.find(c, start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) break;
        start = p + 1;
    }
    return out;
}

/// CommandLineUtils.parseKeyValueArgs: "k=v" (split at the first '='). Nullopt if no '='.
std::optional<std::pair<std::string, std::string>> keyValue(const std::string& s) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) return std::nullopt;
    return std::make_pair(s.substr(0, eq), s.substr(eq + 1));
}

/// Java's String.split with a literal separator keeps inner empty strings and drops trailing ones;
/// unescapes "\t" and "\n" as Kafka's tools do for separators given on the command line.
std::string unescapeSeparator(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[i + 1];
            if (n == 't') { out += '\t'; ++i; continue; }
            if (n == 'n') { out += '\n'; ++i; continue; }
            if (n == 'r') { out += '\r'; ++i; continue; }
        }
        out += s[i];
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// joptsimple-like option parsing

struct OptSpec {
    const char* name;
    enum Arg { None, Required, Optional } arg;
};

struct Options {
    std::map<std::string, std::vector<std::string>> values; ///< option -> values ("" for flags)
    bool has(const std::string& n) const { return values.count(n) > 0; }
    std::string value(const std::string& n) const {
        auto it = values.find(n);
        return it == values.end() || it->second.empty() ? std::string() : it->second.front();
    }
    std::vector<std::string> all(const std::string& n) const {
        auto it = values.find(n);
        return it == values.end() ? std::vector<std::string>{} : it->second;
    }
};

struct OptError {
    enum Kind { Unrecognized, MissingArgument } kind;
    std::string option;
    std::string message;
};

std::optional<OptError> parseOptions(const std::vector<std::string>& args, const std::vector<OptSpec>& specs,
                                     Options& out) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() < 2 || a[0] != '-' || a == "--") continue; // non-option arguments are ignored
        std::string body = a.substr(a[1] == '-' ? 2 : 1);
        std::optional<std::string> inlineValue;
        if (const auto eq = body.find('='); eq != std::string::npos) {
            inlineValue = body.substr(eq + 1);
            body = body.substr(0, eq);
        }
        const OptSpec* match = nullptr;
        int prefixMatches = 0;
        const OptSpec* prefix = nullptr;
        for (const auto& s : specs) {
            if (body == s.name) match = &s;
            else if (!body.empty() && std::string(s.name).rfind(body, 0) == 0) {
                ++prefixMatches;
                prefix = &s;
            }
        }
        if (!match && prefixMatches == 1) match = prefix; // joptsimple accepts unique abbreviations
        if (!match) return OptError{OptError::Unrecognized, body, body + " is not a recognized option"};
        auto& vals = out.values[match->name];
        if (match->arg == OptSpec::None) {
            vals.emplace_back();
            continue;
        }
        if (inlineValue) {
            vals.push_back(*inlineValue);
        } else if (i + 1 < args.size() &&
                   (match->arg == OptSpec::Required || args[i + 1].rfind("--", 0) != 0)) {
            if (match->arg == OptSpec::Required && args[i + 1].rfind("--", 0) == 0 && args[i + 1].size() > 2) {
                return OptError{OptError::MissingArgument, match->name,
                                std::string("Option ") + match->name + " requires an argument"};
            }
            vals.push_back(args[++i]);
        } else if (match->arg == OptSpec::Optional) {
            vals.emplace_back();
        } else {
            return OptError{OptError::MissingArgument, match->name,
                            std::string("Option ") + match->name + " requires an argument"};
        }
    }
    return std::nullopt;
}

std::string optName(const std::string& n) { return "[" + n + "]"; }

/// Whether some live broker answers at one of the bootstrap addresses.
bool reachable(const ClusterBackend& backend, const std::string& bootstrap) {
    for (const auto& hp : splitOn(bootstrap, ',')) {
        const auto colon = hp.rfind(':');
        if (colon == std::string::npos) continue;
        std::string host = hp.substr(0, colon);
        const auto port = parseInt(hp.substr(colon + 1));
        if (!port) continue;
        for (const auto& b : backend.brokers())
            if (b.alive && b.port == *port && (host == b.host || host == "127.0.0.1" || host == "localhost"))
                return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// A session that completes immediately

class DoneSession : public CommandSession {
public:
    explicit DoneSession(CommandKind kind) { m_kind = kind; }
    using CommandSession::err;
    using CommandSession::finish;
    using CommandSession::note;
    using CommandSession::out;
    void setKind(CommandKind k) { m_kind = k; }
};

// ---------------------------------------------------------------------------------------------
// kafka-topics

const std::vector<OptSpec> kTopicOpts = {
    {"bootstrap-server", OptSpec::Required}, {"command-config", OptSpec::Required}, {"list", OptSpec::None},
    {"create", OptSpec::None}, {"delete", OptSpec::None}, {"alter", OptSpec::None}, {"describe", OptSpec::None},
    {"topic", OptSpec::Required}, {"topic-id", OptSpec::Required}, {"config", OptSpec::Required},
    {"delete-config", OptSpec::Required}, {"partitions", OptSpec::Required},
    {"replication-factor", OptSpec::Required}, {"replica-assignment", OptSpec::Required},
    {"under-replicated-partitions", OptSpec::None}, {"unavailable-partitions", OptSpec::None},
    {"under-min-isr-partitions", OptSpec::None}, {"at-min-isr-partitions", OptSpec::None},
    {"topics-with-overrides", OptSpec::None}, {"if-exists", OptSpec::None}, {"if-not-exists", OptSpec::None},
    {"exclude-internal", OptSpec::None}, {"partition-size-limit-per-response", OptSpec::Required},
    {"help", OptSpec::None}, {"version", OptSpec::None},
};

bool isInternalTopic(const std::string& t) {
    return t == "__consumer_offsets" || t == "__transaction_state" || t == "__share_group_state";
}

/// CommandLineUtils.printUsageAndExit: the message on stderr (the option table that follows is
/// not reproduced), exit code 1.
void usageError(DoneSession& s, const std::string& message, NoteId id = NoteId::UsageError) {
    s.err(message + "\n");
    s.note(id);
    s.finish(1);
}

void topicError(DoneSession& s, const std::string& message, std::optional<NoteId> id) {
    s.out("Error while executing topic command : " + message + "\n");
    if (id) s.note(*id);
    s.finish(1);
}

std::optional<NoteId> noteForTopicError(ErrorCode e) {
    switch (e) {
    case ErrorCode::TOPIC_ALREADY_EXISTS: return NoteId::TopicAlreadyExists;
    case ErrorCode::INVALID_REPLICATION_FACTOR: return NoteId::ReplicationFactorTooLarge;
    case ErrorCode::INVALID_PARTITIONS: return NoteId::PartitionsNotIncreased;
    case ErrorCode::INVALID_TOPIC_EXCEPTION: return NoteId::InvalidTopicName;
    case ErrorCode::INVALID_CONFIG: return NoteId::InvalidTopicConfig;
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION: return NoteId::TopicDoesNotExist;
    default: return std::nullopt;
    }
}

/// TopicCommand.getTopics: sorted names filtered by the --topic include list (a Java regex).
std::vector<std::string> selectTopics(const ClusterBackend& backend, const Options& o, bool& badRegex) {
    badRegex = false;
    const bool exclude = o.has("exclude-internal");
    std::vector<std::string> out;
    std::optional<std::regex> re;
    if (o.has("topic")) {
        try {
            re.emplace(o.value("topic"));
        } catch (const std::regex_error&) {
            badRegex = true;
            return out;
        }
    }
    for (const auto& t : backend.listTopics(true)) {
        if (exclude && isInternalTopic(t)) continue;
        if (re && !std::regex_match(t, *re)) continue;
        out.push_back(t);
    }
    return out;
}

void printTopicDescription(DoneSession& s, const TopicInfo& t) {
    std::string line = "Topic: " + t.name;
    if (!t.topic_id.empty()) line += "\tTopicId: " + t.topic_id;
    line += "\tPartitionCount: " + std::to_string(t.partitions.size());
    line += "\tReplicationFactor: " + std::to_string(t.partitions.empty() ? 0 : t.partitions.front().replicas.size());
    std::string cfg;
    for (std::size_t i = 0; i < t.configs.size(); ++i) cfg += (i ? "," : "") + t.configs[i].first + "=" + t.configs[i].second;
    line += "\tConfigs: " + cfg + "\n";
    for (const auto& p : t.partitions) {
        line += "\tTopic: " + t.name + "\tPartition: " + std::to_string(p.partition) +
                "\tLeader: " + (p.leader >= 0 ? std::to_string(p.leader) : std::string("none")) +
                "\tReplicas: " + joinInts(p.replicas) + "\tIsr: " + joinInts(p.isr) + "\tElr: \tLastKnownElr: \n";
    }
    s.out(line);
}

void runTopics(DoneSession& s, ClusterBackend& backend, const std::vector<std::string>& argv) {
    s.setKind(CommandKind::TopicsOther);
    Options o;
    if (auto e = parseOptions(argv, kTopicOpts, o)) {
        // Thrown from the options constructor: TopicCommand.mainNoExit prints message + stack trace.
        s.err(e->message + "\n");
        s.err(std::string(e->kind == OptError::Unrecognized ? "joptsimple.UnrecognizedOptionException: "
                                                             : "joptsimple.OptionMissingRequiredArgumentException: ") +
              e->message + "\n");
        s.note(e->option == "zookeeper" ? NoteId::ZookeeperRemoved : NoteId::UnrecognizedOption);
        s.finish(1);
        return;
    }
    if (o.has("create")) s.setKind(CommandKind::TopicsCreate);
    else if (o.has("list")) s.setKind(CommandKind::TopicsList);
    else if (o.has("describe")) s.setKind(CommandKind::TopicsDescribe);
    else if (o.has("delete")) s.setKind(CommandKind::TopicsDelete);
    else if (o.has("alter")) s.setKind(CommandKind::TopicsAlter);
    if (argv.size() == 1) return usageError(s, "Create, delete, describe, or change a topic.");
    const int actions = o.has("create") + o.has("list") + o.has("alter") + o.has("describe") + o.has("delete");
    if (actions != 1)
        return usageError(s, "Command must include exactly one action: --list, --describe, --create, --alter or --delete");
    if (!o.has("bootstrap-server")) {
        s.err("--bootstrap-server must be specified\n");
        s.err("java.lang.IllegalArgumentException: --bootstrap-server must be specified\n");
        s.note(NoteId::MissingBootstrapServer);
        s.finish(1);
        return;
    }
    if (!o.has("list") && !o.has("describe") && !o.has("topic"))
        return usageError(s, "Missing required argument \"" + optName("topic") + "\"");
    if (o.has("alter")) {
        for (const char* bad : {"replication-factor", "if-not-exists"})
            if (o.has(bad)) return usageError(s, "Option \"" + optName(bad) + "\" can't be used with option \"" + optName("alter") + "\"");
        if (o.has("config"))
            return usageError(s, "Option \"" + optName("config") + "\" can't be used with option \"" + optName("alter") +
                                     "\" (To alter topic configurations, the kafka-configs tool can be used.)");
        if (!o.has("partitions")) return usageError(s, "Missing required argument \"" + optName("partitions") + "\"");
    }
    for (const char* opt : {"config", "partitions"})
        if (o.has(opt) && !o.has("create") && !o.has("alter"))
            for (const char* act : {"describe", "list", "delete"})
                if (o.has(act)) return usageError(s, "Option \"" + optName(opt) + "\" can't be used with option \"" + optName(act) + "\"");
    if (o.has("replication-factor") && !o.has("create"))
        for (const char* act : {"describe", "list", "delete"})
            if (o.has(act))
                return usageError(s, "Option \"" + optName("replication-factor") + "\" can't be used with option \"" + optName(act) + "\"");

    std::optional<std::int32_t> partitions, rf;
    if (o.has("partitions")) {
        partitions = parseInt(o.value("partitions"));
        if (!partitions) return usageError(s, "Cannot parse argument '" + o.value("partitions") + "' of option partitions");
    }
    if (o.has("replication-factor")) {
        rf = parseInt(o.value("replication-factor"));
        if (!rf) return usageError(s, "Cannot parse argument '" + o.value("replication-factor") + "' of option replication-factor");
    }

    const std::string bootstrap = o.value("bootstrap-server");
    if (!reachable(backend, bootstrap)) {
        // The admin client retries until default.api.timeout.ms (60 s) expires.
        backend.advance(60000);
        topicError(s, std::string("Timed out waiting for a node assignment. Call: ") +
                          (o.has("create") ? "createTopics" : "listTopics"),
                   NoteId::BootstrapUnreachable);
        return;
    }

    const std::string topic = o.value("topic");
    if (o.has("create")) {
        if (topic.find_first_of("._") != std::string::npos) {
            s.out("WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could "
                  "collide. To avoid issues it is best to use either, but not both.\n");
            s.note(NoteId::TopicNameCollisionChars);
        }
        std::vector<std::pair<std::string, std::string>> configs;
        for (const auto& c : o.all("config")) {
            auto kv = keyValue(c);
            if (!kv)
                return topicError(s, "requirement failed: Invalid topic config: all configs to be added must be in the format \"key=val\".",
                                  NoteId::InvalidTopicConfig);
            configs.push_back(*kv);
        }
        if (rf && (*rf > 32767 || *rf < 1))
            return topicError(s, "The replication factor must be between 1 and 32767 inclusive", NoteId::ReplicationFactorOutOfRange);
        if (partitions && *partitions < 1)
            return topicError(s, "The partitions must be greater than 0", NoteId::PartitionsNotPositive);
        const BackendResult r = backend.createTopic(topic, partitions, rf, configs);
        if (r.error == ErrorCode::TOPIC_ALREADY_EXISTS && o.has("if-not-exists")) return s.finish(0);
        if (!r.ok()) return topicError(s, r.message, noteForTopicError(r.error));
        s.out("Created topic " + topic + ".\n");
        return s.finish(0);
    }

    bool badRegex = false;
    const std::vector<std::string> topics = selectTopics(backend, o, badRegex);
    if (badRegex) return topicError(s, "Illegal regular expression: " + topic, std::nullopt);
    auto ensureExists = [&]() {
        if (o.has("topic") && !topic.empty() && !o.has("if-exists") && topics.empty()) {
            // Upstream formats the Optional<String> itself (String.format("%s", Optional)).
            topicError(s, "Topic 'Optional[" + topic + "]' does not exist as expected", NoteId::TopicDoesNotExist);
            return false;
        }
        return true;
    };

    if (o.has("list")) {
        std::string text;
        for (std::size_t i = 0; i < topics.size(); ++i) text += (i ? "\n" : "") + topics[i];
        s.out(text + "\n");
        return s.finish(0);
    }
    if (o.has("describe")) {
        if (!ensureExists()) return;
        // describeTopics(...).allTopicNames() is a HashMap<String, TopicDescription>.
        std::vector<std::int32_t> hashes;
        for (const auto& t : topics) hashes.push_back(sim::javaStringHashCode(t));
        std::size_t cap = 1;
        while (cap < topics.size()) cap <<= 1;
        for (std::size_t i : javaHashMapOrder(hashes, topics.empty() ? 1 : cap))
            if (auto info = backend.describeTopic(topics[i])) printTopicDescription(s, *info);
        return s.finish(0);
    }
    if (o.has("delete")) {
        if (!ensureExists()) return;
        for (const auto& t : topics) {
            const BackendResult r = backend.deleteTopic(t);
            if (!r.ok()) return topicError(s, r.message, noteForTopicError(r.error));
        }
        return s.finish(0);
    }
    // --alter
    if (!ensureExists()) return;
    for (const auto& t : topics) {
        const BackendResult r = backend.createPartitions(t, *partitions);
        if (!r.ok()) return topicError(s, r.message, noteForTopicError(r.error));
    }
    s.finish(0);
}

// ---------------------------------------------------------------------------------------------
// kafka-consumer-groups

const std::vector<OptSpec> kGroupOpts = {
    {"bootstrap-server", OptSpec::Required}, {"group", OptSpec::Required}, {"topic", OptSpec::Required},
    {"all-topics", OptSpec::None}, {"list", OptSpec::None}, {"describe", OptSpec::None},
    {"all-groups", OptSpec::None}, {"delete", OptSpec::None}, {"timeout", OptSpec::Required},
    {"command-config", OptSpec::Required}, {"reset-offsets", OptSpec::None}, {"delete-offsets", OptSpec::None},
    {"dry-run", OptSpec::None}, {"execute", OptSpec::None}, {"export", OptSpec::None},
    {"to-offset", OptSpec::Required}, {"from-file", OptSpec::Required}, {"to-datetime", OptSpec::Required},
    {"by-duration", OptSpec::Required}, {"to-earliest", OptSpec::None}, {"to-latest", OptSpec::None},
    {"to-current", OptSpec::None}, {"shift-by", OptSpec::Required}, {"members", OptSpec::None},
    {"verbose", OptSpec::None}, {"offsets", OptSpec::None}, {"state", OptSpec::Optional},
    {"type", OptSpec::Optional}, {"help", OptSpec::None}, {"version", OptSpec::None},
};

void groupPrintError(DoneSession& s, const std::string& msg) { s.out("\nError: " + msg + "\n"); }

/// ConsumerGroupCommand.shouldPrintMemberState.
bool shouldPrintMemberState(DoneSession& s, const std::string& group, const std::optional<GroupInfo>& g,
                            std::size_t rows) {
    if (!g) {
        groupPrintError(s, "Consumer group '" + group + "' does not exist.");
        s.note(NoteId::GroupDoesNotExist);
        return false;
    }
    if (g->state == "Empty") {
        s.err("\nConsumer group '" + group + "' has no active members.\n");
        s.note(NoteId::GroupNoActiveMembers);
    } else if (g->state != "Stable") {
        s.err("\nWarning: Consumer group '" + group + "' is rebalancing.\n");
        s.note(NoteId::GroupRebalancing);
    }
    return rows > 0;
}

struct OffsetRow {
    std::string group, topic, partition, offset, leo, lag, consumer, host, client;
};

/// Rows of one owner's partitions, in the HashMap order getLogEndOffsets() returns them.
void addOwnerRows(std::vector<OffsetRow>& rows, const ClusterBackend& backend, const GroupInfo& g,
                  std::vector<TopicPartition> tps, const std::string& consumer, const std::string& host,
                  const std::string& client) {
    std::stable_sort(tps.begin(), tps.end(), [](const auto& a, const auto& b) { return a.partition < b.partition; });
    std::vector<std::int32_t> hashes;
    for (const auto& tp : tps) hashes.push_back(javaTopicPartitionHash(tp));
    for (std::size_t i : javaHashMapOrder(hashes)) {
        const TopicPartition& tp = tps[i];
        OffsetRow r{g.id, tp.topic, std::to_string(tp.partition), "-", "-", "-", consumer, host, client};
        const bool topicExists = backend.describeTopic(tp.topic).has_value();
        auto c = g.committed.find(tp);
        if (c != g.committed.end()) r.offset = std::to_string(c->second);
        if (topicExists) {
            const Offset leo = backend.latestOffset(tp);
            r.leo = std::to_string(leo);
            if (c != g.committed.end() && c->second != -1) r.lag = std::to_string(leo - c->second);
        }
        rows.push_back(std::move(r));
    }
}

void describeOffsets(DoneSession& s, const ClusterBackend& backend, const std::string& group) {
    const auto g = backend.describeGroup(group);
    std::vector<OffsetRow> rows;
    if (g) {
        std::vector<const MemberInfo*> members;
        for (const auto& m : g->members)
            if (!m.assignment.empty()) members.push_back(&m);
        std::stable_sort(members.begin(), members.end(),
                         [](const MemberInfo* a, const MemberInfo* b) { return a->assignment.size() > b->assignment.size(); });
        std::set<TopicPartition> assigned;
        for (const MemberInfo* m : members) {
            addOwnerRows(rows, backend, *g, m->assignment, m->member_id, m->host, m->client_id);
            assigned.insert(m->assignment.begin(), m->assignment.end());
        }
        std::vector<TopicPartition> unassigned;
        std::vector<std::int32_t> hashes;
        for (const auto& [tp, off] : g->committed)
            if (!assigned.count(tp)) unassigned.push_back(tp);
        // keySet() of a HashMap: its iteration order is the starting order.
        for (const auto& tp : unassigned) hashes.push_back(javaTopicPartitionHash(tp));
        std::vector<TopicPartition> ordered;
        for (std::size_t i : javaHashMapOrder(hashes)) ordered.push_back(unassigned[i]);
        if (!ordered.empty()) addOwnerRows(rows, backend, *g, ordered, "-", "-", "-");
    }
    if (!shouldPrintMemberState(s, group, g, rows.size())) return;
    std::size_t wg = 15, wt = 15, wc = 15, wh = 15;
    for (const auto& r : rows) {
        wg = std::max(wg, r.group.size());
        wt = std::max(wt, r.topic.size());
        wc = std::max(wc, r.consumer.size());
        wh = std::max(wh, r.host.size());
    }
    auto line = [&](const OffsetRow& r) {
        return "\n" + padRight(r.group, wg) + " " + padRight(r.topic, wt) + " " + padRight(r.partition, 10) + " " +
               padRight(r.offset, 15) + " " + padRight(r.leo, 15) + " " + padRight(r.lag, 15) + " " +
               padRight(r.consumer, wc) + " " + padRight(r.host, wh) + " " + r.client;
    };
    std::string text = line(OffsetRow{"GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG",
                                      "CONSUMER-ID", "HOST", "CLIENT-ID"});
    for (const auto& r : rows) text += line(r);
    s.out(text + "\n");
}

void describeMembers(DoneSession& s, const ClusterBackend& backend, const std::string& group, bool verbose) {
    const auto g = backend.describeGroup(group);
    std::size_t wg = 15, wc = 15, wh = 15, wcl = 15;
    const std::size_t rows = g ? g->members.size() : 0;
    if (shouldPrintMemberState(s, group, g, rows)) {
        for (const auto& m : g->members) {
            wg = std::max(wg, g->id.size());
            wc = std::max(wc, m.member_id.size());
            wh = std::max(wh, m.host.size());
            wcl = std::max(wcl, m.client_id.size());
        }
    }
    auto fmt = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                   const std::string& e) {
        return padRight(a, wg) + " " + padRight(b, wc) + " " + padRight(c, wh) + " " + padRight(d, wcl) + " " +
               padRight(e, 15) + " ";
    };
    std::string text = "\n" + fmt("GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS");
    if (verbose) text += "ASSIGNMENT";
    text += "\n";
    if (g) {
        for (const auto& m : g->members) {
            text += fmt(g->id, m.member_id, m.host, m.client_id, std::to_string(m.assignment.size()));
            if (verbose) {
                if (m.assignment.empty()) text += "-";
                else {
                    std::map<std::string, std::vector<std::string>> byTopic;
                    for (const auto& tp : m.assignment) byTopic[tp.topic].push_back(std::to_string(tp.partition));
                    std::vector<std::string> parts;
                    for (auto& [t, ps] : byTopic) {
                        std::sort(ps.begin(), ps.end());
                        std::string p = "(";
                        for (std::size_t i = 0; i < ps.size(); ++i) p += (i ? "," : "") + ps[i];
                        parts.push_back(p + ")");
                    }
                    std::sort(parts.begin(), parts.end());
                    for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
                }
            }
            text += "\n";
        }
    }
    s.out(text);
}

void describeState(DoneSession& s, const ClusterBackend& backend, const std::string& group) {
    const auto g = backend.describeGroup(group);
    if (!shouldPrintMemberState(s, group, g, 1)) return;
    const std::string coordinator =
        g->coordinator.host + ":" + std::to_string(g->coordinator.port) + "  (" + std::to_string(g->coordinator.id) + ")";
    const std::size_t w = std::max<std::size_t>(25, coordinator.size());
    auto line = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                    const std::string& e) {
        return "\n" + padRight(a, w) + " " + padRight(b, 25) + " " + padRight(c, 20) + " " + padRight(d, 15) + " " + e;
    };
    s.out(line("GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS") +
          line(g->id, coordinator, g->protocol, g->state, std::to_string(g->members.size())) + "\n");
}

/// Parses Utils.getDateTime formats: yyyy-MM-ddTHH:mm:ss.SSS with optional Z / ±hh:mm (UTC if absent).
std::optional<TimeMs> parseDateTime(const std::string& s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
    char rest[16] = {0};
    const int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d%15s", &y, &mo, &d, &h, &mi, &sec, &ms, rest);
    if (n < 7) return std::nullopt;
    std::int64_t offsetMin = 0;
    const std::string tz = n == 8 ? std::string(rest) : std::string();
    if (!tz.empty() && tz != "Z") {
        int th = 0, tm = 0;
        const char sign = tz[0];
        if ((sign != '+' && sign != '-') || std::sscanf(tz.c_str() + 1, "%2d:%2d", &th, &tm) < 1) return std::nullopt;
        offsetMin = (sign == '-' ? -1 : 1) * (th * 60 + tm);
    }
    // days-from-civil
    const int yy = mo <= 2 ? y - 1 : y;
    const std::int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    const std::int64_t yoe = yy - era * 400;
    const std::int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = era * 146097 + doe - 719468;
    return ((days * 24 + h) * 60 + mi - offsetMin) * 60000 + sec * 1000 + ms;
}

void runGroups(DoneSession& s, ClusterBackend& backend, const std::vector<std::string>& argv) {
    s.setKind(CommandKind::GroupsOther);
    Options o;
    if (auto e = parseOptions(argv, kGroupOpts, o)) {
        // fromArgs() runs outside main's try block: the JVM reports the uncaught exception.
        s.err(std::string("Exception in thread \"main\" ") +
              (e->kind == OptError::Unrecognized ? "joptsimple.UnrecognizedOptionException: "
                                                 : "joptsimple.OptionMissingRequiredArgumentException: ") +
              e->message + "\n");
        s.note(e->option == "zookeeper" ? NoteId::ZookeeperRemoved : NoteId::UnrecognizedOption);
        s.finish(1);
        return;
    }
    if (o.has("list")) s.setKind(CommandKind::GroupsList);
    else if (o.has("describe")) s.setKind(CommandKind::GroupsDescribe);
    else if (o.has("reset-offsets")) s.setKind(CommandKind::GroupsResetOffsets);
    else if (o.has("delete")) s.setKind(CommandKind::GroupsDelete);
    if (!o.has("bootstrap-server"))
        return usageError(s, "Missing required argument \"" + optName("bootstrap-server") + "\"", NoteId::MissingBootstrapServer);
    const std::string scopes = optName("all-groups") + ", " + optName("group");
    if (o.has("describe")) {
        if (!o.has("group") && !o.has("all-groups"))
            return usageError(s, "Option " + optName("describe") + " takes one of these options: " + scopes);
        if (o.has("members") + o.has("offsets") + o.has("state") > 1)
            return usageError(s, "Option " + optName("describe") + " takes at most one of these options: " +
                                     optName("members") + ", " + optName("offsets") + ", " + optName("state"));
        if (o.has("state") && !o.value("state").empty())
            return usageError(s, "Option " + optName("describe") + " does not take a value for " + optName("state"));
    }
    if (o.has("delete")) {
        if (!o.has("group") && !o.has("all-groups"))
            return usageError(s, "Option " + optName("delete") + " takes one of these options: " + scopes);
        if (o.has("topic"))
            return usageError(s, "The consumer does not support topic-specific offset deletion from a consumer group.");
    }
    if (o.has("reset-offsets")) {
        if (o.has("dry-run") && o.has("execute"))
            return usageError(s, "Option " + optName("reset-offsets") + " only accepts one of " + optName("execute") +
                                     " and " + optName("dry-run"));
        if (!o.has("dry-run") && !o.has("execute")) {
            s.err("WARN: No action will be performed as the --execute option is missing.In a future major release, "
                  "the default behavior of this command will be to prompt the user before executing the reset rather "
                  "than doing a dry run. You should add the --dry-run option explicitly if you are scripting this "
                  "command and want to keep the current default behavior without prompting.\n");
            s.note(NoteId::ResetIsDryRun);
        }
        if (!o.has("group") && !o.has("all-groups"))
            return usageError(s, "Option " + optName("reset-offsets") + " takes one of these options: " + scopes);
    }
    const int actions = o.has("list") + o.has("describe") + o.has("delete") + o.has("reset-offsets") + o.has("delete-offsets");
    if (actions != 1)
        return usageError(s, "Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets");

    std::vector<std::string> groups = o.has("all-groups") ? backend.listGroups() : o.all("group");
    std::sort(groups.begin(), groups.end()); // results are kept in a TreeMap
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());

    if (o.has("list")) {
        std::vector<std::string> listed = backend.listGroups();
        if (o.has("state") || o.has("type")) {
            std::set<std::string> wanted;
            for (auto st : splitOn(o.value("state"), ',')) {
                st.erase(0, st.find_first_not_of(' '));
                while (!st.empty() && st.back() == ' ') st.pop_back();
                if (st.empty()) continue;
                std::string lower;
                for (char c : st) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                wanted.insert(lower);
            }
            struct Row { std::string id, type, state; };
            std::vector<Row> rowsOut;
            std::size_t w = 15;
            for (const auto& id : listed) {
                const auto g = backend.describeGroup(id);
                const std::string st = g ? g->state : "Dead";
                std::string lower;
                for (char c : st) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (!wanted.empty() && !wanted.count(lower)) continue;
                rowsOut.push_back({id, "Classic", st});
                w = std::max(w, id.size());
            }
            w += 10;
            auto fmt = [&](const Row& r) {
                std::string l = padRight(r.id, w);
                if (o.has("type")) l += " " + padRight(r.type, 20);
                if (o.has("state")) l += " " + padRight(r.state, 20);
                return l + "\n";
            };
            std::string text = fmt(Row{"GROUP", "TYPE", "STATE"});
            for (const auto& r : rowsOut) text += fmt(r);
            s.out(text);
        } else {
            std::string text;
            for (const auto& g : listed) text += g + "\n";
            s.out(text);
        }
        return s.finish(0);
    }

    if (o.has("describe")) {
        for (const auto& g : groups) {
            if (o.has("members")) describeMembers(s, backend, g, o.has("verbose"));
            else if (o.has("state")) describeState(s, backend, g);
            else describeOffsets(s, backend, g);
        }
        return s.finish(0);
    }

    if (o.has("delete")) {
        std::vector<std::pair<std::string, BackendResult>> results;
        for (const auto& g : o.has("all-groups") ? backend.listGroups() : o.all("group"))
            results.emplace_back(g, backend.deleteGroup(g));
        std::vector<std::string> ok;
        std::vector<std::pair<std::string, BackendResult>> failed;
        for (auto& [g, r] : results) {
            if (r.ok()) ok.push_back(g);
            else failed.emplace_back(g, r);
        }
        if (failed.empty()) {
            std::string names;
            for (std::size_t i = 0; i < ok.size(); ++i) names += (i ? ", " : "") + ok[i];
            s.out("Deletion of requested consumer groups ('" + names + "') was successful.\n");
            return s.finish(0);
        }
        groupPrintError(s, "Deletion of some consumer groups failed:");
        for (const auto& [g, r] : failed) {
            const bool notFound = r.error == ErrorCode::GROUP_ID_NOT_FOUND;
            s.out("* Group '" + g + "' could not be deleted due to: java.util.concurrent.ExecutionException: " +
                  (notFound ? "org.apache.kafka.common.errors.GroupIdNotFoundException: "
                            : "org.apache.kafka.common.errors.GroupNotEmptyException: ") +
                  r.message + "\n");
            s.note(notFound ? NoteId::GroupDoesNotExist : NoteId::GroupNotEmpty);
        }
        if (!ok.empty()) {
            std::string names;
            for (std::size_t i = 0; i < ok.size(); ++i) names += (i ? "'" : "") + ok[i];
            s.out("\nThese consumer groups were deleted successfully: '" + names + "', '\n");
        }
        return s.finish(0);
    }

    if (o.has("delete-offsets")) return usageError(s, "--delete-offsets is not supported by FluxoLab yet.");

    // --reset-offsets
    const char* scenarios[] = {"to-offset", "to-datetime", "by-duration", "to-earliest", "to-latest", "to-current", "shift-by", "from-file"};
    int nScen = 0;
    for (const char* sc : scenarios) nScen += o.has(sc);
    if (nScen > 1) {
        for (const char* a : scenarios)
            for (const char* b : scenarios)
                if (a != b && o.has(a) && o.has(b))
                    return usageError(s, "Option \"" + optName(a) + "\" can't be used with option \"" + optName(b) + "\"");
    }
    if (!o.has("all-topics") && !o.has("topic"))
        return usageError(s, "One of the reset scopes should be defined: --all-topics, --topic.");
    if (nScen == 0)
        return usageError(s, "Option '" + optName("reset-offsets") +
                                 "' requires one of the following scenarios: [[to-offset], [to-datetime], [by-duration], "
                                 "[to-earliest], [to-latest], [to-current], [shift-by], [from-file]]");
    if (o.has("from-file") || o.has("by-duration"))
        return usageError(s, "--from-file and --by-duration are not supported by FluxoLab yet.");
    const bool execute = o.has("execute");
    std::vector<std::pair<std::string, std::vector<std::pair<TopicPartition, Offset>>>> plan;
    for (const auto& gid : groups) {
        const auto g = backend.describeGroup(gid);
        const std::string state = g ? g->state : "Dead";
        if (state != "Empty" && state != "Dead") {
            groupPrintError(s, "Assignments can only be reset if the group '" + gid +
                                   "' is inactive, but the current state is " + state + ".");
            s.note(NoteId::ResetRequiresInactiveGroup);
            plan.emplace_back(gid, std::vector<std::pair<TopicPartition, Offset>>{});
            continue;
        }
        std::vector<TopicPartition> tps;
        if (o.has("all-topics")) {
            if (g)
                for (const auto& [tp, off] : g->committed) tps.push_back(tp);
        } else {
            std::vector<TopicPartition> unspecified;
            for (const auto& arg : o.all("topic")) {
                const auto colon = arg.find(':');
                if (colon != std::string::npos) {
                    for (const auto& p : splitOn(arg.substr(colon + 1), ',')) {
                        const auto pn = parseInt(p);
                        if (!pn)
                            return usageError(s, "Invalid partition '" + p + "' specified in topic arg '" + arg + "''");
                        tps.push_back({arg.substr(0, colon), *pn});
                    }
                    continue;
                }
                const auto info = backend.describeTopic(arg);
                if (!info) {
                    groupPrintError(s, "Executing consumer group command failed due to java.util.concurrent.ExecutionException: "
                                       "org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does "
                                       "not host this topic-partition.");
                    s.note(NoteId::TopicDoesNotExist);
                    return s.finish(1);
                }
                for (const auto& p : info->partitions) unspecified.push_back({arg, p.partition});
            }
            tps.insert(tps.end(), unspecified.begin(), unspecified.end());
        }
        std::map<TopicPartition, Offset> target;
        auto clamp = [&](const TopicPartition& tp, Offset want) {
            const Offset hi = backend.latestOffset(tp), lo = backend.earliestOffset(tp);
            if (want > hi) {
                s.err(formatLogDate(backend.nowMs()) + " WARN New offset (" + std::to_string(want) +
                      ") is higher than latest offset for topic partition " + tp.str() + ". Value will be set to " +
                      std::to_string(hi) + " (org.apache.kafka.tools.consumer.group.ConsumerGroupCommand)\n");
                return hi;
            }
            if (want < lo) {
                s.err(formatLogDate(backend.nowMs()) + " WARN New offset (" + std::to_string(want) +
                      ") is lower than earliest offset for topic partition " + tp.str() + ". Value will be set to " +
                      std::to_string(lo) + " (org.apache.kafka.tools.consumer.group.ConsumerGroupCommand)\n");
                return lo;
            }
            return want;
        };
        for (const auto& tp : tps) {
            if (o.has("to-earliest")) target[tp] = backend.earliestOffset(tp);
            else if (o.has("to-latest")) target[tp] = backend.latestOffset(tp);
            else if (o.has("to-offset")) {
                const auto v = parseLong(o.value("to-offset"));
                if (!v) return usageError(s, "Cannot parse argument '" + o.value("to-offset") + "' of option to-offset");
                target[tp] = clamp(tp, *v);
            } else if (o.has("shift-by")) {
                const auto v = parseLong(o.value("shift-by"));
                if (!v) return usageError(s, "Cannot parse argument '" + o.value("shift-by") + "' of option shift-by");
                const auto c = g ? g->committed.find(tp) : std::map<TopicPartition, Offset>::const_iterator{};
                if (!g || c == g->committed.end())
                    return usageError(s, "Cannot shift offset for partition " + tp.str() +
                                             " since there is no current committed offset");
                target[tp] = clamp(tp, c->second + *v);
            } else if (o.has("to-current")) {
                const auto c = g ? g->committed.find(tp) : std::map<TopicPartition, Offset>::const_iterator{};
                target[tp] = g && c != g->committed.end() ? c->second : backend.latestOffset(tp);
            } else if (o.has("to-datetime")) {
                const auto ts = parseDateTime(o.value("to-datetime"));
                if (!ts) {
                    groupPrintError(s, "Executing consumer group command failed due to java.text.ParseException: "
                                       "Unparseable date: \"" + o.value("to-datetime") + "\"");
                    return s.finish(1);
                }
                const auto off = backend.offsetForTimestamp(tp, *ts);
                if (off) target[tp] = *off;
                else {
                    s.out("\nWarn: Partition " + std::to_string(tp.partition) + " from topic " + tp.topic +
                          " is empty. Falling back to latest known offset.\n");
                    target[tp] = backend.latestOffset(tp);
                }
            }
        }
        if (execute && !target.empty()) {
            const BackendResult r = backend.alterGroupOffsets(gid, target);
            if (!r.ok()) {
                groupPrintError(s, "Executing consumer group command failed due to org.apache.kafka.common.errors.GroupNotEmptyException: " + r.message);
                s.note(NoteId::ResetRequiresInactiveGroup);
                return s.finish(1);
            }
        }
        std::vector<std::pair<TopicPartition, Offset>> ordered;
        std::vector<TopicPartition> keys;
        std::vector<std::int32_t> hashes;
        for (const auto& [tp, off] : target) {
            keys.push_back(tp);
            hashes.push_back(javaTopicPartitionHash(tp));
        }
        for (std::size_t i : javaHashMapOrder(hashes)) ordered.emplace_back(keys[i], target[keys[i]]);
        plan.emplace_back(gid, std::move(ordered));
    }
    if (!plan.empty()) {
        auto fmt = [](const std::string& a, const std::string& b, const std::string& c, const std::string& d) {
            return "\n" + padRight(a, 30) + " " + padRight(b, 30) + " " + padRight(c, 10) + " " + padRight(d, 15);
        };
        std::string text = fmt("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET");
        for (const auto& [gid, rows] : plan)
            for (const auto& [tp, off] : rows) text += fmt(gid, tp.topic, std::to_string(tp.partition), std::to_string(off));
        s.out(text + "\n");
    } else {
        s.out("\n");
    }
    s.finish(0);
}

// ---------------------------------------------------------------------------------------------
// kafka-console-producer

const std::vector<OptSpec> kProducerOpts = {
    {"topic", OptSpec::Required}, {"bootstrap-server", OptSpec::Required}, {"broker-list", OptSpec::Required},
    {"sync", OptSpec::None}, {"compression-codec", OptSpec::Optional}, {"batch-size", OptSpec::Required},
    {"message-send-max-retries", OptSpec::Required}, {"retry-backoff-ms", OptSpec::Required},
    {"timeout", OptSpec::Required}, {"request-required-acks", OptSpec::Required},
    {"request-timeout-ms", OptSpec::Required}, {"metadata-expiry-ms", OptSpec::Required},
    {"max-block-ms", OptSpec::Required}, {"max-memory-bytes", OptSpec::Required},
    {"max-partition-memory-bytes", OptSpec::Required}, {"line-reader", OptSpec::Required},
    {"socket-buffer-size", OptSpec::Required}, {"property", OptSpec::Required}, {"reader-config", OptSpec::Required},
    {"producer-property", OptSpec::Required}, {"producer.config", OptSpec::Required}, {"help", OptSpec::None},
    {"version", OptSpec::None},
};

class ProducerSession : public CommandSession {
public:
    ProducerSession(ClusterBackend& backend, bool interactive) : m_backend(backend), m_interactive(interactive) {
        m_kind = CommandKind::ConsoleProducer;
    }

    /// Returns false (and finishes) on a usage error.
    bool configure(const std::vector<std::string>& argv) {
        Options o;
        if (auto e = parseOptions(argv, kProducerOpts, o)) {
            err(e->message + "\n");
            note(e->option == "zookeeper" ? NoteId::ZookeeperRemoved : NoteId::UnrecognizedOption);
            finish(1);
            return false;
        }
        if (!o.has("topic")) return fail("Missing required argument \"" + optName("topic") + "\"");
        std::string bootstrap = o.value("bootstrap-server");
        if (!o.has("bootstrap-server") && o.has("broker-list")) {
            // Kafka 3.x's legacy option; accepted here so old course material still works.
            bootstrap = o.value("broker-list");
            note(NoteId::BrokerListRemoved);
        }
        if (bootstrap.find_first_not_of(' ') == std::string::npos) {
            err("Error while validating the bootstrap address\n\n");
            note(NoteId::MissingBootstrapServer);
            finish(1);
            return false;
        }
        if (!reachable(m_backend, bootstrap)) note(NoteId::BootstrapUnreachable);
        m_topic = o.value("topic");
        for (const auto& p : o.all("property")) {
            auto kv = keyValue(p);
            if (!kv) return fail("Invalid property: " + p); // UNVERIFIED wording
            if (kv->first == "parse.key") m_parseKey = kv->second == "true";
            else if (kv->first == "key.separator") m_keySep = unescapeSeparator(kv->second);
            else if (kv->first == "ignore.error") m_ignoreError = kv->second == "true";
            else if (kv->first == "null.marker") m_nullMarker = kv->second;
        }
        ProducerSettings ps;
        if (o.has("timeout")) ps.linger_ms = parseLong(o.value("timeout")).value_or(1000);
        if (o.has("request-required-acks")) ps.acks = parseInt(o.value("request-required-acks")).value_or(-1);
        for (const auto& p : o.all("producer-property")) {
            auto kv = keyValue(p);
            if (!kv) continue;
            if (kv->first == "acks") ps.acks = kv->second == "all" ? -1 : parseInt(kv->second).value_or(-1);
            else if (kv->first == "linger.ms") ps.linger_ms = parseLong(kv->second).value_or(ps.linger_ms);
            else if (kv->first == "client.id") ps.client_id = kv->second;
            else if (kv->first == "batch.size") ps.batch_size = parseInt(kv->second).value_or(ps.batch_size);
        }
        m_producer = m_backend.openProducer(ps);
        m_topicExisted = m_backend.describeTopic(m_topic).has_value();
        if (m_interactive) out(">");
        return true;
    }

    bool readsInput() const override { return !finished(); }

    void inputLine(const std::string& line) override {
        if (finished()) return;
        ++m_lineNumber;
        std::optional<std::string> key;
        std::string value = line;
        if (m_parseKey) {
            const auto pos = line.find(m_keySep);
            if (pos == std::string::npos) {
                if (!m_ignoreError) {
                    err("org.apache.kafka.common.KafkaException: No key separator found on line number " +
                        std::to_string(m_lineNumber) + ": '" + line + "'\n");
                    note(NoteId::NoKeySeparator);
                    // Exit.exit(1) runs the shutdown hook: producer.close() still delivers what was sent.
                    m_backend.closeProducer(m_producer);
                    finish(1);
                    return;
                }
            } else {
                key = line.substr(0, pos);
                value = line.substr(pos + m_keySep.size());
            }
        }
        if (m_nullMarker && key && *key == *m_nullMarker) key.reset();
        const BackendResult r = m_backend.send(m_producer, m_topic, key, value);
        if (!m_topicExisted && m_backend.describeTopic(m_topic)) {
            m_topicExisted = true;
            err(formatLogDate(m_backend.nowMs()) +
                " WARN [Producer clientId=console-producer] The metadata response from the cluster reported a "
                "recoverable issue with correlation id 5 : {" + m_topic +
                "=UNKNOWN_TOPIC_OR_PARTITION} (org.apache.kafka.clients.NetworkClient)\n");
            note(NoteId::TopicAutoCreated);
        }
        (void)r;
        if (m_interactive) out(">");
    }

    void endOfInput() override {
        if (finished()) return;
        m_backend.closeProducer(m_producer);
        if (m_interactive) out("\n"); // Ctrl+D leaves the cursor after the prompt
        finish(0);
    }

    void interrupt() override {
        if (finished()) return;
        m_backend.closeProducer(m_producer); // shutdown hook
        finish(130);
    }

    void pump(TimeMs ms) override { m_backend.advance(ms); }

private:
    bool fail(const std::string& msg) {
        err(msg + "\n");
        note(NoteId::UsageError);
        finish(1);
        return false;
    }
    ClusterBackend& m_backend;
    bool m_interactive;
    std::string m_topic;
    bool m_parseKey = false;
    bool m_ignoreError = false;
    std::string m_keySep = "\t";
    std::optional<std::string> m_nullMarker;
    ClusterBackend::Handle m_producer = -1;
    int m_lineNumber = 0;
    bool m_topicExisted = true;
};

// ---------------------------------------------------------------------------------------------
// kafka-console-consumer

const std::vector<OptSpec> kConsumerOpts = {
    {"topic", OptSpec::Required}, {"include", OptSpec::Required}, {"partition", OptSpec::Required},
    {"offset", OptSpec::Required}, {"consumer-property", OptSpec::Required}, {"consumer.config", OptSpec::Required},
    {"formatter", OptSpec::Required}, {"property", OptSpec::Required}, {"formatter-config", OptSpec::Required},
    {"from-beginning", OptSpec::None}, {"max-messages", OptSpec::Required}, {"timeout-ms", OptSpec::Required},
    {"skip-message-on-error", OptSpec::None}, {"bootstrap-server", OptSpec::Required},
    {"key-deserializer", OptSpec::Required}, {"value-deserializer", OptSpec::Required},
    {"enable-systest-events", OptSpec::None}, {"isolation-level", OptSpec::Required}, {"group", OptSpec::Required},
    {"help", OptSpec::None}, {"version", OptSpec::None},
};

constexpr TimeMs kConsumerStepMs = 100;

class ConsumerSession : public CommandSession {
public:
    ConsumerSession(ClusterBackend& backend, std::uint32_t& random) : m_backend(backend), m_random(random) {
        m_kind = CommandKind::ConsoleConsumer;
    }

    bool configure(const std::vector<std::string>& argv) {
        Options o;
        if (auto e = parseOptions(argv, kConsumerOpts, o)) return fail(e->message, e->option == "zookeeper" ? NoteId::ZookeeperRemoved : NoteId::UnrecognizedOption);
        if (o.has("topic") == o.has("include")) return fail("Exactly one of --include/--topic is required. ");
        if (o.has("partition")) {
            if (!o.has("topic")) return fail("The topic is required when partition is specified.");
            if (o.has("from-beginning") && o.has("offset"))
                return fail("Options from-beginning and offset cannot be specified together.");
        } else if (o.has("offset")) {
            return fail("The partition is required when offset is specified.");
        }
        if (!o.has("bootstrap-server"))
            return fail("Missing required argument \"" + optName("bootstrap-server") + "\"", NoteId::MissingBootstrapServer);
        if (o.has("include")) return fail("--include is not supported by FluxoLab yet.");
        std::map<std::string, std::string> props;
        for (const auto& p : o.all("consumer-property"))
            if (auto kv = keyValue(p)) props[kv->first] = kv->second;
        std::vector<std::string> groupIds;
        if (o.has("group")) groupIds.push_back(o.value("group"));
        if (props.count("group.id") && std::find(groupIds.begin(), groupIds.end(), props["group.id"]) == groupIds.end())
            groupIds.push_back(props["group.id"]);
        if (groupIds.size() > 1)
            return fail("The group ids provided in different places (directly using '--group', via '--consumer-property', "
                        "or via '--consumer.config') do not match. Detected group ids: '" + groupIds[0] + "', '" +
                        groupIds[1] + "'");
        if (!groupIds.empty() && o.has("partition")) return fail("Options group and partition cannot be specified together.");
        const bool fromBeginning = o.has("from-beginning");
        bool earliest = fromBeginning;
        if (props.count("auto.offset.reset")) {
            if (fromBeginning && props["auto.offset.reset"] != "earliest") {
                err("Can't simultaneously specify --from-beginning and 'auto.offset.reset=" + props["auto.offset.reset"] +
                    "', please remove one option\n");
                note(NoteId::FromBeginningConflict);
                finish(1);
                return false;
            }
            earliest = props["auto.offset.reset"] == "earliest";
        }
        ConsumerSettings cs;
        cs.earliest = earliest;
        if (props.count("client.id")) cs.client_id = props["client.id"];
        if (groupIds.empty()) {
            cs.group_id = "console-consumer-" + std::to_string(nextRandomGroup());
            cs.enable_auto_commit = props.count("enable.auto.commit") ? props["enable.auto.commit"] == "true" : false;
        } else {
            cs.group_id = groupIds[0];
            cs.enable_auto_commit = props.count("enable.auto.commit") ? props["enable.auto.commit"] == "true" : true;
            if (fromBeginning)
                if (const auto g = m_backend.describeGroup(cs.group_id); g && !g->committed.empty()) note(NoteId::FromBeginningIgnored);
        }
        const std::string topic = o.value("topic");
        if (o.has("partition")) {
            const auto p = parseInt(o.value("partition"));
            if (!p) return fail("Cannot parse argument '" + o.value("partition") + "' of option partition");
            cs.partition = TopicPartition{topic, *p};
            cs.start_offset = fromBeginning ? -2 : -1;
            if (o.has("offset")) {
                std::string v = o.value("offset");
                std::string lower;
                for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (lower == "earliest") cs.start_offset = -2;
                else if (lower == "latest") cs.start_offset = -1;
                else {
                    const auto off = parseLong(v);
                    if (!off || *off < 0)
                        return fail("The provided offset value '" + v +
                                    "' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.");
                    cs.start_offset = *off;
                }
            }
        } else {
            cs.topics = {topic};
        }
        if (o.has("max-messages")) {
            const auto m = parseInt(o.value("max-messages"));
            if (!m) return fail("Cannot parse argument '" + o.value("max-messages") + "' of option max-messages");
            m_maxMessages = *m;
        }
        if (o.has("timeout-ms")) {
            const auto t = parseLong(o.value("timeout-ms"));
            if (!t) return fail("Cannot parse argument '" + o.value("timeout-ms") + "' of option timeout-ms");
            if (*t >= 0) m_timeoutMs = *t;
        }
        for (const auto& p : o.all("property")) {
            auto kv = keyValue(p);
            if (!kv) continue;
            const auto& [k, v] = *kv;
            const bool b = v == "true";
            if (k == "print.key") m_printKey = b;
            else if (k == "print.value") m_printValue = b;
            else if (k == "print.partition") m_printPartition = b;
            else if (k == "print.offset") m_printOffset = b;
            else if (k == "print.timestamp") m_printTimestamp = b;
            else if (k == "key.separator") m_keySep = unescapeSeparator(v);
            else if (k == "line.separator") m_lineSep = unescapeSeparator(v);
            else if (k == "null.literal") m_nullLiteral = v;
        }
        if (!reachable(m_backend, o.value("bootstrap-server"))) note(NoteId::BootstrapUnreachable);
        m_consumer = m_backend.openConsumer(cs);
        m_lastActivity = m_backend.nowMs();
        m_receiveStart = m_backend.nowMs();
        return true;
    }

    bool runsUntilInterrupted() const override { return m_maxMessages < 0 && !m_timeoutMs; }
    TimeMs idleMs() const override {
        const bool assigned = m_backend.hasAssignment(m_consumer);
        return assigned ? m_backend.nowMs() - m_lastActivity : 0;
    }

    void pump(TimeMs ms) override {
        if (finished()) return;
        TimeMs left = ms;
        do {
            const TimeMs step = std::min(left, kConsumerStepMs);
            if (step > 0) m_backend.advance(step);
            left -= step;
            collect();
            if (finished()) return;
            if (m_timeoutMs && m_pending.empty() && m_backend.nowMs() - m_receiveStart > *m_timeoutMs) {
                err(formatLogDate(m_backend.nowMs()) +
                    " ERROR Error processing message, terminating consumer process:  "
                    "(org.apache.kafka.tools.consumer.ConsoleConsumer)\n"
                    "org.apache.kafka.common.errors.TimeoutException\n");
                note(NoteId::ConsumerTimeout);
                stop(1);
                return;
            }
        } while (left > 0);
    }

    void interrupt() override {
        if (finished()) return;
        collect();
        stop(0);
    }

private:
    std::int32_t nextRandomGroup() {
        // RANDOM.nextInt(100000) in the tool; an LCG owned by the KafkaCli keeps runs deterministic.
        m_random = m_random * 1103515245u + 12345u;
        return static_cast<std::int32_t>((m_random >> 8) % 100000);
    }

    void collect() {
        for (auto& r : m_backend.takeRecords(m_consumer)) m_pending.push_back(std::move(r));
        std::string text;
        while (!m_pending.empty() && (m_maxMessages < 0 || m_count < m_maxMessages)) {
            const StoredRecord r = std::move(m_pending.front());
            m_pending.erase(m_pending.begin());
            ++m_count;
            text += format(r);
            m_lastActivity = m_backend.nowMs();
            m_receiveStart = m_backend.nowMs();
        }
        if (!text.empty()) out(text);
        if (m_maxMessages >= 0 && m_count >= m_maxMessages) stop(0);
    }

    std::string format(const StoredRecord& r) const {
        std::string s;
        const bool anyAfterTs = m_printPartition || m_printOffset || m_printKey || m_printValue;
        if (m_printTimestamp) {
            s += "CreateTime:" + std::to_string(r.timestamp_ms);
            if (anyAfterTs) s += m_keySep;
        }
        if (m_printPartition) {
            s += "Partition:" + std::to_string(r.tp.partition);
            if (m_printOffset || m_printKey || m_printValue) s += m_keySep;
        }
        if (m_printOffset) {
            s += "Offset:" + std::to_string(r.offset);
            if (m_printKey || m_printValue) s += m_keySep;
        }
        if (m_printKey) {
            s += r.key ? *r.key : m_nullLiteral;
            if (m_printValue) s += m_keySep;
        }
        if (m_printValue) s += r.value;
        return s + m_lineSep;
    }

    void stop(int code) {
        // ConsumerWrapper.cleanup: seek back to the first unprinted record of each partition, then close.
        std::map<TopicPartition, Offset> firstUnconsumed;
        for (const auto& r : m_pending) firstUnconsumed.emplace(r.tp, r.offset);
        for (const auto& [tp, off] : firstUnconsumed) m_backend.seek(m_consumer, tp, off);
        m_backend.closeConsumer(m_consumer);
        err("Processed a total of " + std::to_string(m_count) + " messages\n");
        finish(code);
    }

    bool fail(const std::string& msg, NoteId id = NoteId::UsageError) {
        err(msg + "\n");
        note(id);
        finish(1);
        return false;
    }

    ClusterBackend& m_backend;
    std::uint32_t& m_random;
    ClusterBackend::Handle m_consumer = -1;
    std::vector<StoredRecord> m_pending;
    std::int64_t m_count = 0;
    std::int64_t m_maxMessages = -1;
    std::optional<TimeMs> m_timeoutMs;
    TimeMs m_lastActivity = 0;
    TimeMs m_receiveStart = 0;
    bool m_printKey = false, m_printValue = true, m_printPartition = false, m_printOffset = false,
         m_printTimestamp = false;
    std::string m_keySep = "\t", m_lineSep = "\n", m_nullLiteral = "null";
};

} // namespace

// ---------------------------------------------------------------------------------------------

std::string KafkaCli::toolName(const std::string& argv0) {
    std::string n = argv0;
    const auto slash = n.find_last_of("/\\");
    if (slash != std::string::npos) n = n.substr(slash + 1);
    for (const char* suffix : {".sh", ".bat"}) {
        const std::string sfx = suffix;
        if (n.size() > sfx.size() && n.compare(n.size() - sfx.size(), sfx.size(), sfx) == 0) n.resize(n.size() - sfx.size());
    }
    if (n == "kafka-topics" || n == "kafka-console-producer" || n == "kafka-console-consumer" || n == "kafka-consumer-groups")
        return n;
    return {};
}

std::vector<std::string> KafkaCli::toolOptions(const std::string& tool) {
    const std::vector<OptSpec>* specs = tool == "kafka-topics"             ? &kTopicOpts
                                        : tool == "kafka-consumer-groups"  ? &kGroupOpts
                                        : tool == "kafka-console-producer" ? &kProducerOpts
                                        : tool == "kafka-console-consumer" ? &kConsumerOpts
                                                                           : nullptr;
    std::vector<std::string> out;
    if (!specs) return out;
    for (const auto& o : *specs) out.push_back(std::string("--") + o.name);
    std::sort(out.begin(), out.end());
    return out;
}

std::unique_ptr<CommandSession> KafkaCli::start(const std::vector<std::string>& argv, bool interactive) {
    const std::string tool = argv.empty() ? std::string() : toolName(argv[0]);
    if (tool == "kafka-console-producer") {
        auto s = std::make_unique<ProducerSession>(m_backend, interactive);
        s->configure(argv);
        return s;
    }
    if (tool == "kafka-console-consumer") {
        auto s = std::make_unique<ConsumerSession>(m_backend, m_random);
        s->configure(argv);
        return s;
    }
    auto s = std::make_unique<DoneSession>(CommandKind::Unknown);
    if (tool == "kafka-topics") runTopics(*s, m_backend, argv);
    else if (tool == "kafka-consumer-groups") runGroups(*s, m_backend, argv);
    else {
        const std::string name = argv.empty() ? std::string() : argv[0];
        s->err("bash: " + name + ": command not found\n");
        s->note(NoteId::UnknownCommand);
        s->finish(127);
    }
    if (!s->finished()) s->finish(0);
    return s;
}

} // namespace fluxolab::labs
