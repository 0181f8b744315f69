// kafka-topics.sh (org.apache.kafka.tools.TopicCommand, Kafka 4.3.1).

#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/client_configs.h"
#include "labs/kafka_tools/topic_error_notes.h"
#include "labs/kafka_tools/java_traces.h"
#include "sim/hash.h"
#include "sim/kafka_errors.h"
#include "sim/topic_configs.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <optional>
#include <regex>

namespace fluxolab::labs::cli {

namespace {

const ToolSpec& topicsTool() { return *findToolSpec("kafka-topics"); }

bool isInternalTopic(const std::string& t) {
    return t == "__consumer_offsets" || t == "__transaction_state" || t == "__share_group_state";
}

/// TopicCommand.printException: the message on stdout, then LOG.error(stackTrace) on stderr. chain
/// is the exception and its causes; their frames come from the table of traces (java_traces.h)
/// where the call site is known (`where`), else only the exception lines are printed.
void topicError(ToolSession& s, const std::string& message, std::optional<NoteId> id,
                const std::vector<std::string>& chain, std::optional<JavaTrace> where) {
    s.out("Error while executing topic command : " + message + "\n");
    std::string trace;
    if (where)
        trace = javaStackTrace(*where, chain);
    else
        for (std::size_t i = 0; i < chain.size(); ++i)
            trace += (i ? "Caused by: " : "") + chain[i] + "\n";
    s.err(formatLogDate(s.nowMs()) + " ERROR " + trace + " (org.apache.kafka.tools.TopicCommand)\n");
    if (id) s.note(*id);
    s.finish(1);
}

/// An exception without causes (a server-side error: the broker sends no frames).
void topicError(ToolSession& s, const std::string& exception_class, const std::string& message,
                std::optional<NoteId> id, std::optional<JavaTrace> where = {}) {
    topicError(s, message, id, {exception_class + ": " + message}, where);
}

void topicError(ToolSession& s, const BackendResult& r) {
    std::string cls = "org.apache.kafka.common.errors.ApiException";
    switch (r.error) {
    case ErrorCode::TOPIC_ALREADY_EXISTS: cls = "org.apache.kafka.common.errors.TopicExistsException"; break;
    case ErrorCode::INVALID_REPLICATION_FACTOR:
        cls = "org.apache.kafka.common.errors.InvalidReplicationFactorException";
        break;
    case ErrorCode::INVALID_PARTITIONS: cls = "org.apache.kafka.common.errors.InvalidPartitionsException"; break;
    case ErrorCode::INVALID_TOPIC_EXCEPTION: cls = "org.apache.kafka.common.errors.InvalidTopicException"; break;
    case ErrorCode::INVALID_CONFIG: cls = "org.apache.kafka.common.errors.InvalidConfigurationException"; break;
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION:
        cls = "org.apache.kafka.common.errors.UnknownTopicOrPartitionException";
        break;
    case ErrorCode::POLICY_VIOLATION: cls = "org.apache.kafka.common.errors.PolicyViolationException"; break;
    case ErrorCode::UNKNOWN_SERVER_ERROR: cls = "org.apache.kafka.common.errors.UnknownServerException"; break;
    default: break;
    }
    topicError(s, cls, r.message, topicErrorNote(r.error, r.message));
}

/// An exception thrown while kafka-topics --create reads its --config entries (parseTopicConfigsToBeAdded,
/// called from CommandTopicPartition's constructor): `top` are the frames down to parseTopicConfigsToBeAdded.
/// kafka-topics failing in the tool itself: "Error while executing topic command" on stdout and the
/// exception with its frames (`top`, then the tool's own `frames`) logged on stderr, exit 1.
void topicCommandError(ToolSession& s, const std::string& exceptionClass, const std::string& message,
                       std::vector<std::string> top, std::initializer_list<const char*> frames, NoteId note) {
    for (const char* f : frames) top.emplace_back(f);
    s.out("Error while executing topic command : " + message + "\n");
    s.err(formatLogDate(s.nowMs()) + " ERROR " + formatJavaTrace({exceptionClass + ": " + message}, {top}) +
          " (org.apache.kafka.tools.TopicCommand)\n");
    s.note(note);
    s.finish(1);
}

void topicConfigsError(ToolSession& s, const std::string& exceptionClass, const std::string& message,
                       std::vector<std::string> top) {
    topicCommandError(s, exceptionClass, message, std::move(top),
                      {"org.apache.kafka.tools.TopicCommand$CommandTopicPartition.<init>(TopicCommand.java:256)",
                       "org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:437)",
                       "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:105)",
                       "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
                       "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"},
                      NoteId::InvalidTopicConfig);
}

/// kafka-topics checks each --config value itself before it sends the request
/// (parseTopicConfigsToBeAdded -> LogConfig.validate -> ConfigDef.parse): a bad value fails there with a
/// ConfigException and its frames (tests/labs/golden/real/checks.txt). Unknown names and the checks across
/// keys are the broker's (no frames).
bool failsTopicConfigCheck(ToolSession& s, const std::vector<std::pair<std::string, std::string>>& configs) {
    for (const auto& [name, value] : configs) {
        const sim::TopicConfigValueCheck c = sim::checkTopicConfigValue(name, value);
        if (c.ok() || c.problem == sim::TopicConfigProblem::UnknownName) continue;
        const std::string cd = "org.apache.kafka.common.config.ConfigDef";
        std::vector<std::string> frames;
        switch (c.problem) {
        case sim::TopicConfigProblem::NotOfType:
            frames = {cd + (c.boolean ? ".parseType(ConfigDef.java:717)" : ".parseType(ConfigDef.java:787)"),
                      cd + ".parseValue(ConfigDef.java:534)"};
            break;
        case sim::TopicConfigProblem::BelowMinimum: frames = {cd + "$Range.ensureValid(ConfigDef.java:1011)"}; break;
        case sim::TopicConfigProblem::AboveMaximum: frames = {cd + "$Range.ensureValid(ConfigDef.java:1013)"}; break;
        case sim::TopicConfigProblem::NotInList:
            frames = {cd + "$ValidString.ensureValid(ConfigDef.java:1114)"};
            if (c.list)
                for (const char* f : {"$ValidList.validateIndividualValues(ConfigDef.java:1088)",
                                      "$ValidList.ensureValid(ConfigDef.java:1075)"})
                    frames.push_back(cd + f);
            break;
        case sim::TopicConfigProblem::NotAGzipLevel:
            frames = {"org.apache.kafka.common.record.internal.CompressionType$1.lambda$levelValidator$0(CompressionType.java:60)",
                      cd + "$LambdaValidator.ensureValid(ConfigDef.java:1182)"};
            break;
        case sim::TopicConfigProblem::NotAReplicaList:
            frames = {"org.apache.kafka.storage.internals.log.ThrottledReplicaListValidator.ensureValid("
                      "ThrottledReplicaListValidator.java:39)"};
            break;
        default: break;
        }
        if (c.problem != sim::TopicConfigProblem::NotOfType) frames.push_back(cd + ".parseValue(ConfigDef.java:551)");
        for (const char* f : {"org.apache.kafka.common.config.ConfigDef.parse(ConfigDef.java:527)",
                              "org.apache.kafka.storage.internals.log.LogConfig.validate(LogConfig.java:617)",
                              "org.apache.kafka.storage.internals.log.LogConfig.validate(LogConfig.java:608)",
                              "org.apache.kafka.tools.TopicCommand.parseTopicConfigsToBeAdded(TopicCommand.java:170)"})
            frames.emplace_back(f);
        topicConfigsError(s, "org.apache.kafka.common.config.ConfigException", c.message, std::move(frames));
        return true;
    }
    return false;
}

void illegalArgument(ToolSession& s, const std::string& message, std::optional<NoteId> id,
                     std::optional<JavaTrace> where = {}) {
    topicError(s, "java.lang.IllegalArgumentException", message, id, where);
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

/// TopicCommand.describeTopic's report options: with one of the partition reports only the partitions
/// it selects are printed (no topic line); with --topics-with-overrides only the topic line of a topic
/// with configs to show.
struct DescribeReports {
    bool under_replicated = false, under_min_isr = false, at_min_isr = false, unavailable = false;
    bool overridden_configs = false;
    std::vector<std::int32_t> live_brokers;
    bool describeConfigs() const { return !under_replicated && !under_min_isr && !at_min_isr && !unavailable; }
};

void printTopicDescription(ToolSession& s, const TopicInfo& t, const DescribeReports& r) {
    std::string line;
    if (r.describeConfigs() && (!r.overridden_configs || !t.configs.empty())) {
        line = "Topic: " + t.name;
        if (!t.topic_id.empty()) line += "\tTopicId: " + t.topic_id;
        line += "\tPartitionCount: " + std::to_string(t.partitions.size());
        line += "\tReplicationFactor: " +
                std::to_string(t.partitions.empty() ? 0 : t.partitions.front().replicas.size());
        std::string cfg;
        for (std::size_t i = 0; i < t.configs.size(); ++i)
            cfg += (i ? "," : "") + t.configs[i].first + "=" + t.configs[i].second;
        line += "\tConfigs: " + cfg + "\n";
    }
    if (r.overridden_configs) {
        s.out(line);
        return;
    }
    // PartitionDescription: the topic's min.insync.replicas as DescribeConfigs returned it.
    std::optional<std::int64_t> minIsr;
    for (const auto& [k, v] : t.configs)
        if (k == "min.insync.replicas") minIsr = parseLong(v);
    for (const auto& p : t.partitions) {
        const auto isr = static_cast<std::int64_t>(p.isr.size());
        const bool hasLeader = p.leader >= 0;
        const bool show =
            r.describeConfigs() ||
            (r.under_replicated && p.replicas.size() > p.isr.size()) ||
            (r.under_min_isr && (!hasLeader || (minIsr && isr < *minIsr))) ||
            (r.at_min_isr && minIsr && *minIsr == isr) ||
            (r.unavailable && (!hasLeader || std::find(r.live_brokers.begin(), r.live_brokers.end(), p.leader) ==
                                                 r.live_brokers.end()));
        if (!show) continue;
        line += "\tTopic: " + t.name + "\tPartition: " + std::to_string(p.partition) +
                "\tLeader: " + (hasLeader ? std::to_string(p.leader) : std::string("none")) +
                "\tReplicas: " + joinInts(p.replicas) + "\tIsr: " + joinInts(p.isr) + "\tElr: \tLastKnownElr: \n";
    }
    s.out(line);
}

/// TopicCommand.parseReplicaAssignment("1:2,2:3"): each comma-separated partition's replica list, every
/// broker id trimmed and read by Integer.parseInt. A list that does not parse, repeats a broker or has
/// another length than the first fails in kafka-topics itself, with its frames (as Kafka 4.3.1 prints them).
std::optional<std::vector<std::vector<std::int32_t>>> parseReplicaAssignment(ToolSession& s, const std::string& text,
                                                                              bool alter) {
    auto fail = [&](const std::string& exceptionClass, const std::string& message, std::vector<std::string> top,
                    int line) {
        top.push_back("org.apache.kafka.tools.TopicCommand.parseReplicaAssignment(TopicCommand.java:" +
                      std::to_string(line) + ")");
        topicCommandError(
            s, exceptionClass, message, std::move(top),
            {"org.apache.kafka.tools.TopicCommand$TopicCommandOptions.replicaAssignment(TopicCommand.java:857)",
             "org.apache.kafka.tools.TopicCommand$CommandTopicPartition.<init>(TopicCommand.java:255)",
             alter ? "org.apache.kafka.tools.TopicCommand$TopicService.alterTopic(TopicCommand.java:479)"
                   : "org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:437)",
             alter ? "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:107)"
                   : "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:105)",
             "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
             "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"},
            NoteId::UsageError);
        return std::nullopt;
    };
    auto split = [](const std::string& t, char sep) {
        // String.split drops trailing empty strings.
        std::vector<std::string> parts;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= t.size(); ++i)
            if (i == t.size() || t[i] == sep) {
                parts.push_back(t.substr(start, i - start));
                start = i + 1;
            }
        while (parts.size() > 1 && parts.back().empty()) parts.pop_back();
        return parts;
    };
    auto trim = [](const std::string& t) {
        std::size_t b = 0, e = t.size();
        while (b < e && static_cast<unsigned char>(t[b]) <= ' ') ++b;
        while (e > b && static_cast<unsigned char>(t[e - 1]) <= ' ') --e;
        return t.substr(b, e - b);
    };
    std::vector<std::vector<std::int32_t>> out;
    for (const std::string& partition : split(text, ',')) {
        std::vector<std::int32_t> brokers;
        for (const std::string& raw : split(partition, ':')) {
            const std::string id = trim(raw);
            const auto v = parseInt(id);
            if (!v)
                return fail("java.lang.NumberFormatException", "For input string: \"" + id + "\"",
                            {"java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)",
                             id.empty() ? "java.base/java.lang.Integer.parseInt(Integer.java:678)"
                                        : "java.base/java.lang.Integer.parseInt(Integer.java:668)",
                             "java.base/java.lang.Integer.parseInt(Integer.java:786)",
                             "java.base/java.util.stream.ReferencePipeline$4$1.accept(ReferencePipeline.java:214)",
                             "java.base/java.util.stream.ReferencePipeline$3$1.accept(ReferencePipeline.java:197)",
                             "java.base/java.util.Spliterators$ArraySpliterator.forEachRemaining(Spliterators.java:992)",
                             "java.base/java.util.stream.AbstractPipeline.copyInto(AbstractPipeline.java:509)",
                             "java.base/java.util.stream.AbstractPipeline.wrapAndCopyInto(AbstractPipeline.java:499)",
                             "java.base/java.util.stream.ReduceOps$ReduceOp.evaluateSequential(ReduceOps.java:921)",
                             "java.base/java.util.stream.AbstractPipeline.evaluate(AbstractPipeline.java:234)",
                             "java.base/java.util.stream.ReferencePipeline.collect(ReferencePipeline.java:682)"},
                            141);
            brokers.push_back(*v);
        }
        std::vector<std::int32_t> duplicates;
        for (std::size_t i = 0; i < brokers.size(); ++i)
            if (std::count(brokers.begin(), brokers.begin() + static_cast<std::ptrdiff_t>(i), brokers[i]) == 1)
                duplicates.push_back(brokers[i]);
        if (!duplicates.empty()) {
            std::string list;
            for (std::size_t i = 0; i < duplicates.size(); ++i) list += (i ? "," : "") + std::to_string(duplicates[i]);
            return fail("org.apache.kafka.tools.AdminCommandFailedException",
                        "Partition replica lists may not contain duplicate entries: " + list, {}, 147);
        }
        out.push_back(brokers);
        if (out.back().size() != out.front().size()) {
            std::string list;
            for (std::size_t i = 0; i < brokers.size(); ++i) list += (i ? ", " : "") + std::to_string(brokers[i]);
            return fail("org.apache.kafka.tools.AdminOperationException",
                        "Partition " + std::to_string(out.size() - 1) + " has different replication factor: [" + list +
                            "]",
                        {}, 152);
        }
    }
    return out;
}

/// ReplicationControlManager's checks of a manual assignment (the brokers registered, at least one
/// active replica per partition; `first` numbers the partitions). False (and the error printed) if refused.
bool checkManualAssignment(ToolSession& s, const ClusterBackend& backend,
                           const std::vector<std::vector<std::int32_t>>& assignment, std::size_t first) {
    const std::vector<BrokerInfo> registered = backend.brokers();
    for (const auto& replicas : assignment)
        for (const std::int32_t b : replicas)
            if (std::none_of(registered.begin(), registered.end(), [&](const BrokerInfo& info) { return info.id == b; })) {
                topicError(s, "org.apache.kafka.common.errors.InvalidReplicaAssignmentException",
                           "The manual partition assignment includes broker " + std::to_string(b) +
                               ", but no such broker is registered.",
                           NoteId::ReplicaAssignmentUnknownBroker);
                return false;
            }
    // The ISR is the active replicas, the first leads; none active is refused (a broker that is down
    // counts as fenced here, also before the controller's session timeout fences it).
    for (std::size_t p = 0; p < assignment.size(); ++p)
        if (std::none_of(assignment[p].begin(), assignment[p].end(), [&](std::int32_t b) {
                return std::any_of(registered.begin(), registered.end(),
                                   [&](const BrokerInfo& info) { return info.id == b && info.alive; });
            })) {
            topicError(s, "org.apache.kafka.common.errors.InvalidReplicaAssignmentException",
                       "All brokers specified in the manual partition assignment for partition " +
                           std::to_string(first + p) + " are fenced or in controlled shutdown.",
                       NoteId::ReplicaAssignmentUnknownBroker);
            return false;
        }
    return true;
}

/// TopicCommandOptions.checkArgs, in its order. False (and the session finished) on a usage error.
bool checkTopicArgs(ToolSession& s, const std::vector<std::string>& argv, const Options& o) {
    const ToolSpec& tool = topicsTool();
    auto cantBeUsedWith = [&](const std::string& used, const std::string& with) {
        s.usage(tool, "Option \"" + optName(used) + "\" can't be used with option \"" + optName(with) + "\"");
        return false;
    };
    if (argv.size() == 1) {
        s.usage(tool, "Create, delete, describe, or change a topic.");
        return false;
    }
    if (o.has("help")) {
        s.usage(tool, std::string(tool.help_message));
        return false;
    }
    if (o.has("version")) {
        s.out(std::string(kKafkaVersion) + "\n");
        s.finish(0);
        return false;
    }
    const int actions = o.has("create") + o.has("list") + o.has("alter") + o.has("describe") + o.has("delete");
    if (actions != 1) {
        s.usage(tool, "Command must include exactly one action: --list, --describe, --create, --alter or --delete");
        return false;
    }
    if (o.has("delete-config"))
        s.err("delete-config option is no longer supported and deprecated since version 4.0. The config will be fully "
              "removed in future releases.\n");
    // checkRequiredArgs
    if (!o.has("bootstrap-server")) {
        // An IllegalArgumentException out of the options' constructor: mainNoExit prints its
        // message, then its stack trace (frames not reproduced) and an empty line.
        s.err("--bootstrap-server must be specified\n");
        s.err("java.lang.IllegalArgumentException: --bootstrap-server must be specified\n\n");
        s.note(NoteId::MissingBootstrapServer);
        s.finish(1);
        return false;
    }
    if (o.has("describe") && o.has("if-exists")) {
        if (!o.has("topic") && !o.has("topic-id")) {
            s.usage(tool, "--topic or --topic-id is required to describe a topic");
            return false;
        }
        if (o.has("topic") && o.has("topic-id"))
            s.out("Only topic id will be used when both --topic and --topic-id are specified and topicId is not "
                  "Uuid.ZERO_UUID\n");
    }
    if (!o.has("list") && !o.has("describe") && !o.has("topic")) {
        s.usage(tool, "Missing required argument \"" + optName("topic") + "\"");
        return false;
    }
    if (o.has("alter")) {
        if (o.has("config")) {
            // The option set is a Set.of(...): its order is random per JVM run; this is one of the two.
            s.usage(tool, "Option combination \"[" + optName("bootstrap-server") + ", " + optName("config") +
                              "]\" can't be used with option \"" + optName("alter") +
                              "\" (To alter topic configurations, the kafka-configs tool can be used.)");
            return false;
        }
        if (!o.has("partitions")) {
            s.usage(tool, "Missing required argument \"" + optName("partitions") + "\"");
            return false;
        }
    }
    // checkInvalidArgs: each option against the actions it cannot be used with (exactly one action
    // is present at this point, so the message names it).
    std::string action;
    for (const char* a : {"alter", "create", "describe", "list", "delete"})
        if (o.has(a)) action = a;
    auto allowedWith = [&](const char* opt, std::initializer_list<const char*> allowed) {
        if (!o.has(opt)) return true;
        for (const char* a : allowed)
            if (action == a) return true;
        return cantBeUsedWith(opt, action);
    };
    if (!allowedWith("config", {"alter", "create"}) || !allowedWith("partitions", {"alter", "create"}) ||
        !allowedWith("replication-factor", {"create"}) || !allowedWith("replica-assignment", {"alter", "create"}))
        return false;
    if (o.has("create") && o.has("replica-assignment"))
        for (const char* with : {"partitions", "replication-factor"})
            if (o.has(with)) return cantBeUsedWith("replica-assignment", with);
    for (const char* report : {"under-replicated-partitions", "under-min-isr-partitions", "at-min-isr-partitions",
                               "unavailable-partitions"}) {
        if (!allowedWith(report, {"describe"})) return false;
        if (o.has(report) && o.has("topics-with-overrides")) return cantBeUsedWith(report, "topics-with-overrides");
    }
    if (!allowedWith("topics-with-overrides", {"describe"})) return false;
    for (const char* report : {"under-replicated-partitions", "under-min-isr-partitions", "at-min-isr-partitions",
                               "unavailable-partitions"})
        if (o.has("topics-with-overrides") && o.has(report)) return cantBeUsedWith("topics-with-overrides", report);
    return allowedWith("if-exists", {"alter", "delete", "describe"}) && allowedWith("if-not-exists", {"create"}) &&
           allowedWith("exclude-internal", {"list", "describe"});
}

} // namespace

AdminTimeouts adminTimeouts(const std::string& work_dir, const std::optional<std::string>& config_file) {
    AdminTimeouts t;
    if (!config_file) return t;
    const auto text = readToolFile(work_dir, *config_file);
    if (!text) return t;
    const auto props = parseJavaProperties(*text);
    auto read = [&](const char* key, std::optional<TimeMs>& into) {
        if (const auto it = props.find(key); it != props.end())
            if (const auto v = parseInt(it->second); v && *v >= 0) into = *v;
    };
    read("default.api.timeout.ms", t.default_api_timeout_ms);
    read("request.timeout.ms", t.request_timeout_ms);
    return t;
}

std::unique_ptr<CommandSession> startTopics(ClusterBackend& backend, const std::vector<std::string>& argv,
                                            const std::string& work_dir) {
    auto session = std::make_unique<ToolSession>(backend, CommandKind::TopicsOther);
    ToolSession& s = *session;
    Options o;
    if (auto e = parseOptions(argv, topicsTool(), o)) {
        // Thrown from the options' constructor: mainNoExit prints the message, then the stack trace.
        s.err(e->message + "\n" + e->exceptionLine() + "\n\n");
        s.note(e->note());
        s.finish(1);
        return session;
    }
    if (o.has("create")) s.setKind(CommandKind::TopicsCreate);
    else if (o.has("list")) s.setKind(CommandKind::TopicsList);
    else if (o.has("describe")) s.setKind(CommandKind::TopicsDescribe);
    else if (o.has("delete")) s.setKind(CommandKind::TopicsDelete);
    else if (o.has("alter")) s.setKind(CommandKind::TopicsAlter);
    if (!checkTopicArgs(s, argv, o)) return session;

    // execute() reads --command-config, then new TopicService(...) creates the admin client, which
    // resolves the servers; failing, either throws out of execute() to mainNoExit.
    const std::optional<std::string> commandConfig =
        o.has("command-config") ? std::optional(o.value("command-config")) : std::nullopt;
    if (!commandConfigLoads(s, AdminTool::Topics, work_dir, commandConfig)) return session;
    const BootstrapCheck check = checkBootstrap(backend, o.value("bootstrap-server"));
    if (!adminClientCreated(s, AdminTool::Topics, check)) return session;

    // Integer arguments are converted when the command uses them: a bad one is reported as a
    // command error (OptionArgumentConversionException), not as a usage error.
    std::optional<std::int32_t> partitions, rf;
    for (const char* opt : {"partitions", "replication-factor"}) {
        if (!o.has(opt)) continue;
        const auto v = parseInt(o.value(opt));
        if (!v) {
            const std::string msg = "Cannot parse argument '" + o.value(opt) + "' of option " + opt;
            const std::string nfe =
                "java.lang.NumberFormatException: For input string: \"" + o.value(opt) + "\"";
            // CommandTopicPartition reads --partitions, then --replication-factor, in createTopic and
            // alterTopic (before it checks that the topic exists).
            std::optional<JavaTrace> where;
            if (o.has("create"))
                where = std::string(opt) == "partitions" ? JavaTrace::TopicCreateBadPartitions
                                                         : JavaTrace::TopicCreateBadReplicationFactor;
            else if (o.has("alter") && std::string(opt) == "partitions")
                where = JavaTrace::TopicAlterBadPartitions;
            topicError(s, msg, NoteId::UsageError,
                       {"joptsimple.OptionArgumentConversionException: " + msg,
                        "joptsimple.internal.ReflectionException: " + nfe, nfe},
                       where);
            return session;
        }
        (std::string(opt) == "partitions" ? partitions : rf) = v;
    }

    if (check.kind == BootstrapCheck::Unreachable) {
        // The admin client keeps trying to connect until default.api.timeout.ms (60 s) expires
        // (--describe, --alter and --delete list the topics first).
        const std::string call = o.has("create") ? "createTopics" : "listTopics";
        s.waitForUnreachableCluster(check.resolvable, 60000, [call](ToolSession& t) {
            topicError(t, "org.apache.kafka.common.errors.TimeoutException",
                       "Timed out waiting for a node assignment. Call: " + call, NoteId::BootstrapUnreachable);
        });
        return session;
    }

    // CreateTopics, DeleteTopics and CreatePartitions are the controller's: without one, each call waits
    // until default.api.timeout.ms (60 s unless --command-config sets it) and fails.
    const TimeMs apiTimeout = adminTimeouts(work_dir, commandConfig).default_api_timeout_ms.value_or(60000);
    auto controllerCall = [&s, &backend, apiTimeout](const std::string& call, std::int32_t correlation,
                                                     std::function<void(ToolSession&)> send) {
        if (backend.controllerAvailable()) {
            send(s);
            if (!s.finished()) s.finish(0);
            return;
        }
        std::int32_t node = -1;
        for (const BrokerInfo& b : backend.brokers())
            if (b.alive && node < 0) node = b.id;
        s.waitForController(apiTimeout, std::move(send), [call, correlation, node](ToolSession& t) {
            const std::string message = adminCallTimedOut(call, t.nowMs());
            topicError(t, message, NoteId::NoActiveController,
                       {"org.apache.kafka.common.errors.TimeoutException: " + message,
                        adminCallCancelled(call, correlation, node)},
                       std::nullopt);
        });
    };

    const std::string topic = o.value("topic");
    if (o.has("create")) {
        std::vector<std::vector<std::int32_t>> assignment;
        if (o.has("replica-assignment")) {
            auto parsed = parseReplicaAssignment(s, o.value("replica-assignment"), false);
            if (!parsed) return session;
            assignment = std::move(*parsed);
        }
        if (topic.find_first_of("._") != std::string::npos) {
            s.out("WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could "
                  "collide. To avoid issues it is best to use either, but not both.\n");
            s.note(NoteId::TopicNameCollisionChars);
        }
        std::vector<std::pair<std::string, std::string>> configs;
        for (const auto& c : o.all("config")) {
            // config.split("\\s*=\\s*") must give two parts: "key=" and "a=b=c" do not.
            auto kv = keyValue(c);
            if (!kv || kv->second.empty() || kv->second.find('=') != std::string::npos) {
                topicConfigsError(s, "java.lang.IllegalArgumentException",
                                  "requirement failed: Invalid topic config: all configs to be added must be in the format \"key=val\".",
                                  {"org.apache.kafka.tools.TopicCommand.parseTopicConfigsToBeAdded(TopicCommand.java:165)"});
                return session;
            }
            configs.push_back(*kv);
        }
        if (failsTopicConfigCheck(s, configs)) return session;
        if (rf && (*rf > 32767 || *rf < 1)) {
            illegalArgument(s, "The replication factor must be between 1 and 32767 inclusive", NoteId::ReplicationFactorOutOfRange);
            return session;
        }
        if (partitions && *partitions < 1) {
            illegalArgument(s, "The partitions must be greater than 0", NoteId::PartitionsNotPositive);
            return session;
        }
        const bool ifNotExists = o.has("if-not-exists");
        controllerCall("createTopics", 3, [&backend, topic, partitions, rf, configs, assignment, ifNotExists](ToolSession& t) {
            if (!assignment.empty() && !checkManualAssignment(t, backend, assignment, 0)) return;
            const BackendResult r = backend.createTopic(topic, partitions, rf, configs, assignment);
            if (r.error == ErrorCode::TOPIC_ALREADY_EXISTS && ifNotExists) t.finish(0);
            else if (!r.ok()) topicError(t, r);
            else {
                t.out("Created topic " + topic + ".\n");
                t.finish(0);
            }
        });
        return session;
    }

    // alterTopic builds CommandTopicPartition (which parses --replica-assignment) before it looks the topic up.
    std::vector<std::vector<std::int32_t>> alterAssignment;
    if (o.has("alter") && o.has("replica-assignment")) {
        auto parsed = parseReplicaAssignment(s, o.value("replica-assignment"), true);
        if (!parsed) return session;
        alterAssignment = std::move(*parsed);
    }
    bool badRegex = false;
    const std::vector<std::string> topics = selectTopics(backend, o, badRegex);
    if (badRegex) {
        illegalArgument(s, "Illegal regular expression: " + topic, std::nullopt);
        return session;
    }
    auto ensureExists = [&]() {
        if (o.has("topic") && !topic.empty() && !o.has("if-exists") && topics.empty()) {
            illegalArgument(s, "Topic '" + topic + "' does not exist as expected", NoteId::TopicDoesNotExist,
                            o.has("describe") ? JavaTrace::TopicMissingDescribe
                            : o.has("delete") ? JavaTrace::TopicMissingDelete
                                              : JavaTrace::TopicMissingAlter);
            return false;
        }
        return true;
    };

    if (o.has("list")) {
        std::string text;
        for (std::size_t i = 0; i < topics.size(); ++i) text += (i ? "\n" : "") + topics[i];
        s.out(text + "\n");
    } else if (o.has("describe")) {
        if (!ensureExists()) return session;
        // describeTopics(...).allTopicNames() is a HashMap<String, TopicDescription>.
        std::vector<std::int32_t> hashes;
        for (const auto& t : topics) hashes.push_back(sim::javaStringHashCode(t));
        std::size_t cap = 1;
        while (cap < topics.size()) cap <<= 1;
        DescribeReports reports;
        reports.under_replicated = o.has("under-replicated-partitions");
        reports.under_min_isr = o.has("under-min-isr-partitions");
        reports.at_min_isr = o.has("at-min-isr-partitions");
        reports.unavailable = o.has("unavailable-partitions");
        reports.overridden_configs = o.has("topics-with-overrides");
        // TopicCommand's live brokers are describeCluster's nodes: a crashed broker not yet fenced is one.
        for (const BrokerInfo& b : backend.brokers())
            if (b.listed) reports.live_brokers.push_back(b.id);
        for (std::size_t i : javaHashMapOrder(hashes, topics.empty() ? 1 : cap))
            if (auto info = backend.describeTopic(topics[i])) printTopicDescription(s, *info, reports);
    } else if (o.has("delete")) {
        if (!ensureExists()) return session;
        // TopicCommand lists the topics first (the live broker answers from its metadata): one request more.
        controllerCall("deleteTopics", 4, [&backend, topics](ToolSession& t) {
            for (const auto& name : topics) {
                const BackendResult r = backend.deleteTopic(name);
                if (!r.ok()) {
                    topicError(t, r);
                    return;
                }
            }
        });
        return session;
    } else { // --alter
        if (!ensureExists()) return session;
        // The alter's CreatePartitions goes to the controller (after a describe the broker answers).
        controllerCall("createPartitions", 4, [&backend, topics, alterAssignment, partitions](ToolSession& s) {
        for (const auto& t : topics) {
            // The listed assignment covers every partition; the controller takes the entries after the
            // existing ones and wants exactly one per new partition (ReplicationControlManager.createPartitions).
            std::vector<std::vector<std::int32_t>> added;
            const auto info = backend.describeTopic(t);
            if (!alterAssignment.empty() && info && *partitions > static_cast<std::int32_t>(info->partitions.size())) {
                const std::size_t current = info->partitions.size();
                for (std::size_t i = current; i < alterAssignment.size(); ++i) added.push_back(alterAssignment[i]);
                const std::size_t wanted = static_cast<std::size_t>(*partitions) - current;
                if (added.size() != wanted) {
                    topicError(s, "org.apache.kafka.common.errors.InvalidReplicaAssignmentException",
                               "Attempted to add " + std::to_string(wanted) + " additional partition(s), but only " +
                                   std::to_string(added.size()) + " assignment(s) were specified.",
                               NoteId::ReplicaAssignmentUnknownBroker);
                    return;
                }
                if (!checkManualAssignment(s, backend, added, current)) return;
            }
            const BackendResult r = backend.createPartitions(t, *partitions, added);
            if (!r.ok()) {
                topicError(s, r);
                return;
            }
        }
        });
        return session;
    }
    if (!s.finished()) s.finish(0);
    return session;
}

} // namespace fluxolab::labs::cli

namespace fluxolab::labs {

TopicCreateRefusal topicCreateRefusal(const sim::AdminResult& result, std::string_view topic) {
    TopicCreateRefusal r;
    r.kafka_text = sim::adminErrorMessage(sim::AdminOp::CreateTopic, result, topic);
    r.error_name = sim::errorName(result.error);
    r.note = topicErrorNote(result.error, r.kafka_text);
    return r;
}

std::optional<NoteId> topicErrorNote(ErrorCode error, std::string_view message) {
    switch (error) {
    case ErrorCode::TOPIC_ALREADY_EXISTS: return NoteId::TopicAlreadyExists;
    case ErrorCode::INVALID_REPLICATION_FACTOR: return NoteId::ReplicationFactorTooLarge;
    case ErrorCode::INVALID_PARTITIONS: return NoteId::PartitionsNotIncreased;
    case ErrorCode::INVALID_TOPIC_EXCEPTION: return NoteId::InvalidTopicName;
    case ErrorCode::INVALID_CONFIG: return NoteId::InvalidTopicConfig;
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION: return NoteId::TopicDoesNotExist;
    case ErrorCode::POLICY_VIOLATION:
        return message.starts_with("Excessively") ? NoteId::PartitionsPerRequestLimit : NoteId::RecordsPerOperationLimit;
    case ErrorCode::UNKNOWN_SERVER_ERROR: return NoteId::PartitionGrowthLimit;
    default: return std::nullopt;
    }
}

} // namespace fluxolab::labs
