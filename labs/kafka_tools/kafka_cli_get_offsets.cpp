// kafka-get-offsets (Kafka 4.3.1's org.apache.kafka.tools.GetOffsetShell) over a ClusterBackend: the
// options, the topic and partition filters (--topic regex and --partitions, or --topic-partitions
// patterns), the ListOffsets call for --time and the "topic:partition:offset" lines, sorted by the
// partitions' names. Checked against the real tool by tests/realkafka/configs.cmds ->
// tests/labs/golden/real/configs.txt.
#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/java_regex.h"

#include <algorithm>
#include <climits>
#include <regex>

namespace fluxolab::labs::cli {

namespace {

const ToolSpec& getOffsetsTool() {
    static const ToolSpec* spec = findToolSpec("kafka-get-offsets");
    return *spec;
}

/// A TerseException out of execute(): mainNoExit prints "Error occurred: " and its message.
void terse(ToolSession& s, const std::string& message, NoteId note = NoteId::UsageError) {
    s.err("Error occurred: " + message + "\n");
    s.note(note);
    s.finish(1);
}

/// Utils.getPort: the digits after the last ':' of "host:port" (a host of letters, digits, '.', '-',
/// '_' or a bracketed IPv6 address).
bool hasPort(const std::string& hostPort) {
    static const std::regex hostPortRe(R"(.*?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+))");
    return std::regex_match(hostPort, hostPortRe);
}

/// Unsupported: a negative time that names no offset spec (below -6). Kafka 4.3.1's broker answers it
/// UNSUPPORTED_VERSION for every partition (seen on the real broker, with the Java tool and with librdkafka).
enum class Spec : std::uint8_t {
    Earliest,
    Latest,
    MaxTimestamp,
    EarliestLocal,
    LatestTiered,
    EarliestPendingUpload,
    Timestamp,
    Unsupported
};

/// One --topic-partitions rule, or --topic with --partitions.
struct Rule {
    std::optional<std::regex> topic; ///< nullopt: any topic
    std::vector<std::int32_t> only;  ///< --partitions / "topic:N": these (empty: see the range)
    std::int32_t lower = 0, upper = INT32_MAX; ///< "topic:A-B": A <= p < B
    bool allows(const std::string& t) const { return !topic || std::regex_match(t, *topic); }
    bool allows(const std::string& t, std::int32_t p) const {
        if (!allows(t)) return false;
        if (!only.empty()) return std::find(only.begin(), only.end(), p) != only.end();
        return p >= lower && p < upper;
    }
};

/// The ListOffsets answers, once every partition's leader serves: the offsets, sorted, or the broker's
/// UNSUPPORTED_VERSION for a time below -6.
void answerOffsets(ToolSession& s, ClusterBackend& backend, const std::vector<TopicPartition>& partitions, Spec spec,
                   TimeMs timestamp) {
    if (spec == Spec::Unsupported) {
        // The admin client logs each partition's error as it reads the answer: the request lists the
        // topics in a HashMap<String, ...>'s order, each topic's partitions in the order of the
        // HashSet<TopicPartition> of all of them. The tool then skips each failed partition, in its
        // TreeMap's order, prints no offset and exits 0.
        const std::vector<TopicPartition> inSet = partitionsInHashMapOrder(partitions);
        std::vector<std::string> topics;
        for (const TopicPartition& tp : inSet)
            if (std::find(topics.begin(), topics.end(), tp.topic) == topics.end()) topics.push_back(tp.topic);
        const std::string date = formatLogDate(s.nowMs());
        for (const std::string& topic : stringsInHashMapOrder(topics))
            for (const TopicPartition& tp : inSet)
                if (tp.topic == topic)
                    s.err(date + " ERROR [AdminClient clientId=GetOffsetShell] ListOffsets request for topic partition " +
                          tp.str() +
                          " failed due to an unexpected error UNSUPPORTED_VERSION "
                          "(org.apache.kafka.clients.admin.internals.ListOffsetsHandler)\n");
        for (const TopicPartition& tp : partitions)
            s.err("Skip getting offsets for topic-partition " + tp.str() +
                  " due to error: org.apache.kafka.common.errors.UnsupportedVersionException: The version of API is not "
                  "supported.\n");
        s.note(NoteId::GetOffsetsUnsupportedTime);
        s.finish(0);
        return;
    }
    for (const TopicPartition& tp : partitions) {
        std::optional<Offset> offset;
        switch (spec) {
        case Spec::Earliest:
        case Spec::EarliestLocal: offset = backend.earliestOffset(tp); break; // no tiered storage: the local log start
        case Spec::Latest: offset = backend.latestOffset(tp); break;
        case Spec::MaxTimestamp:
            offset = backend.maxTimestampOffset(tp);
            if (!offset) {
                // librdkafka 2.0.2's ListOffsets cannot ask for it (a real cluster here): said, not guessed.
                s.err("FluxoLab cannot ask this cluster for --time max-timestamp (-3).\n");
                s.note(NoteId::KafkaToolNotEmulated);
                s.finish(1);
                return;
            }
            break;
        case Spec::LatestTiered:
        case Spec::EarliestPendingUpload: offset = -1; break; // no tiered storage: the broker answers -1
        case Spec::Timestamp: offset = backend.offsetForTimestamp(tp, timestamp); break;
        case Spec::Unsupported: break; // answered above
        }
        // UNKNOWN_OFFSET (-1): no such offset, the partition is left out.
        if (!offset || *offset < 0) continue;
        s.out(tp.topic + ":" + std::to_string(tp.partition) + ":" + std::to_string(*offset) + "\n");
    }
    s.finish(0);
}

} // namespace

std::unique_ptr<CommandSession> startGetOffsets(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                const std::string& work_dir) {
    auto session = std::make_unique<ToolSession>(backend, CommandKind::GetOffsets);
    ToolSession& s = *session;
    const ToolSpec& tool = getOffsetsTool();
    const std::optional<Options> parsed =
        startToolOptions(s, tool, argv, [&](const OptError& e) { terse(s, e.message, e.note()); });
    if (!parsed) return session;
    const Options& o = *parsed;
    if (!o.has("bootstrap-server")) {
        s.usage(tool, "Missing required argument \"[bootstrap-server]\"", NoteId::MissingBootstrapServer);
        return session;
    }
    // ToolsUtils.validateBootstrapServer.
    const std::string bootstrap = o.value("bootstrap-server");
    if (bootstrap.find_first_not_of(" \t\n\r") == std::string::npos) {
        s.usage(tool, "Error while validating the bootstrap address\n", NoteId::BootstrapInvalid);
        return session;
    }
    for (const std::string& hp : splitOn(bootstrap, ','))
        if (!hasPort(hp)) {
            s.usage(tool, "Please provide valid host:port like host1:9091,host2:9092\n", NoteId::BootstrapInvalid);
            return session;
        }

    // ---- fetchOffsets ----
    if (o.has("topic-partitions") && (o.has("topic") || o.has("partitions"))) {
        terse(s, "--topic-partitions cannot be used with --topic or --partitions");
        return session;
    }
    const std::string time = o.has("time") ? o.value("time") : "latest";
    Spec spec = Spec::Timestamp;
    TimeMs timestamp = 0;
    if (time == "earliest") spec = Spec::Earliest;
    else if (time == "latest") spec = Spec::Latest;
    else if (time == "max-timestamp") spec = Spec::MaxTimestamp;
    else if (time == "earliest-local") spec = Spec::EarliestLocal;
    else if (time == "latest-tiered") spec = Spec::LatestTiered;
    else if (time == "earliest-pending-upload") spec = Spec::EarliestPendingUpload;
    else if (const auto v = parseLong(time)) {
        timestamp = *v;
        spec = *v == -2   ? Spec::Earliest
               : *v == -1 ? Spec::Latest
               : *v == -3 ? Spec::MaxTimestamp
               : *v == -4 ? Spec::EarliestLocal
               : *v == -5 ? Spec::LatestTiered
               : *v == -6 ? Spec::EarliestPendingUpload
               : *v < 0   ? Spec::Unsupported
                          : Spec::Timestamp;
    } else {
        terse(s, "Malformed time argument " + time +
                     ". Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or "
                     "latest-tiered / -6 or earliest-pending-upload, or a specified long format timestamp");
        return session;
    }
    auto topicRegex = [&](const std::string& pattern) -> std::optional<std::regex> {
        const JavaPattern p = compileJavaPattern(pattern);
        if (p.java_error || !p.regex) return std::nullopt;
        return p.regex;
    };
    std::vector<Rule> rules;
    if (o.has("topic-partitions")) {
        // TOPIC_PARTITION_PATTERN: "([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?", one per comma-separated rule.
        static const std::regex rulePattern(R"(([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?)");
        for (const std::string& spec_text : splitOn(o.value("topic-partitions"), ',')) {
            std::smatch m;
            if (!std::regex_match(spec_text, m, rulePattern)) {
                s.err("Error occurred: org.apache.kafka.server.util.TerseException: Invalid rule specification: " + spec_text +
                      "\n");
                s.note(NoteId::UsageError);
                s.finish(1);
                return session;
            }
            Rule r;
            if (m[1].length() > 0) {
                r.topic = topicRegex(m[1].str());
                if (!r.topic) {
                    terse(s, "Invalid regular expression: " + m[1].str());
                    return session;
                }
            }
            if (m[2].length() > 0) {
                r.only.push_back(parseInt(m[2].str()).value_or(INT32_MAX));
            } else {
                if (m[3].length() > 0) r.lower = parseInt(m[3].str()).value_or(INT32_MAX);
                if (m[4].length() > 0) r.upper = parseInt(m[4].str()).value_or(INT32_MAX);
            }
            rules.push_back(std::move(r));
        }
    } else {
        Rule r;
        r.topic = topicRegex(o.has("topic") ? o.value("topic") : ".*");
        if (!r.topic) {
            terse(s, "Invalid regular expression: " + o.value("topic"));
            return session;
        }
        if (o.has("partitions") && !o.value("partitions").empty()) {
            for (const std::string& p : splitOn(o.value("partitions"), ',')) {
                const auto v = parseInt(p);
                if (!v) {
                    terse(s, "--partitions expects a comma separated list of numeric partition ids, but received: " +
                                 o.value("partitions"));
                    return session;
                }
                r.only.push_back(*v);
            }
        } else {
            r.upper = INT32_MAX;
        }
        rules.push_back(std::move(r));
    }
    if (o.has("command-config") && !readToolFile(work_dir, o.value("command-config"))) {
        terse(s, o.value("command-config"), NoteId::ClientConfigFileMissing);
        return session;
    }
    const BootstrapCheck check = checkBootstrap(backend, bootstrap);
    if (!check.unresolved.empty()) s.err(check.dnsWarnings(s.nowMs()));
    if (check.kind == BootstrapCheck::Unresolvable || check.kind == BootstrapCheck::InvalidUrl) {
        terse(s, "Failed to create new KafkaAdminClient",
              check.kind == BootstrapCheck::InvalidUrl ? NoteId::BootstrapInvalid : NoteId::BootstrapUnresolvable);
        return session;
    }
    if (check.kind == BootstrapCheck::Unreachable) {
        // listTopics waits for a node until default.api.timeout.ms (60 s).
        s.waitForUnreachableCluster(check.resolvable, 60000, [](ToolSession& t) {
            t.err("Error occurred: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node "
                  "assignment. Call: listTopics\n");
            t.note(NoteId::BootstrapUnreachable);
            t.finish(1);
        });
        return session;
    }

    // listPartitionInfos: the topics (internal ones unless excluded) the rules allow, then their partitions.
    std::vector<TopicPartition> partitions;
    for (const std::string& topic : backend.listTopics(!o.has("exclude-internal-topics"))) {
        if (std::none_of(rules.begin(), rules.end(), [&](const Rule& r) { return r.allows(topic); })) continue;
        const auto info = backend.describeTopic(topic);
        if (!info) continue;
        for (const PartitionInfo& p : info->partitions)
            if (std::any_of(rules.begin(), rules.end(), [&](const Rule& r) { return r.allows(topic, p.partition); }))
                partitions.push_back({topic, p.partition});
    }
    if (partitions.empty()) {
        terse(s, "Could not match any topic-partitions with the specified filters");
        return session;
    }
    // A TreeMap ordered by TopicPartition.toString() ("orders-10" before "orders-2").
    std::sort(partitions.begin(), partitions.end(),
              [](const TopicPartition& a, const TopicPartition& b) { return a.str() < b.str(); });
    // ListOffsets goes to each partition's leader: a leader that crashed and is not fenced yet is tried
    // again and again until another replica leads (the admin client's log; default.api.timeout.ms).
    s.waitForLeaders(
        partitions, "[AdminClient clientId=GetOffsetShell] ", 60000,
        [&backend, partitions, spec, timestamp](ToolSession& t) { answerOffsets(t, backend, partitions, spec, timestamp); },
        [](ToolSession& t, const CoordinatorLookup&) {
            // Not captured: the fence comes within broker.session.timeout.ms (9 s), long before this.
            t.err("Error occurred: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node "
                  "assignment. Call: listOffsets\n");
            t.finish(1);
        });
    return session;
}

} // namespace fluxolab::labs::cli
