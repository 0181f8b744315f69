// kafka-leader-election (Kafka 4.3.1's LeaderElectionCommand) over a ClusterBackend: the options and
// their checks, the admin client's ElectLeaders call and the lines the tool prints for its answer.
// Checked against the real tool by tests/realkafka/no-controller.cmds (a 3-node cluster without, then
// with, an active controller) -> tests/labs/golden/real/no-controller.txt, and
// tests/realkafka/leader-election.cmds -> tests/labs/golden/real/leader-election.txt.
#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/java_traces.h"
#include "sim/hash.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <climits>
#include <functional>

namespace fluxolab::labs::cli {

namespace {

const ToolSpec& leaderElectionTool() {
    static const ToolSpec* spec = findToolSpec("kafka-leader-election");
    return *spec;
}

/// An exception that reaches mainNoExit: its message on stderr, then Utils.stackTrace (the exception,
/// its frames) and the empty line println adds after it.
void electionFailure(ToolSession& s, const std::string& exception, const std::string& message,
                     const std::vector<std::string>& frames, const std::vector<std::string>& causes, NoteId note) {
    std::string text = message + "\n" + exception + ": " + message + "\n";
    for (const auto& f : frames) text += "\tat " + f + "\n";
    for (const auto& c : causes) text += "Caused by: " + c + "\n";
    s.err(text + "\n");
    s.note(note);
    s.finish(1);
}

/// LeaderElectionCommandOptions.validate's AdminCommandFailedException, thrown at `line` of the source.
void optionsFailure(ToolSession& s, const std::string& message, int line) {
    electionFailure(s, "org.apache.kafka.tools.AdminCommandFailedException", message,
                    {"org.apache.kafka.tools.LeaderElectionCommand$LeaderElectionCommandOptions.validate("
                     "LeaderElectionCommand.java:" + std::to_string(line) + ")",
                     "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:85)",
                     "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                     "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"},
                    {}, NoteId::UsageError);
}

const std::vector<std::string> kElectLeadersFrames = {
    "org.apache.kafka.tools.LeaderElectionCommand.electLeaders(LeaderElectionCommand.java:135)",
    "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:122)",
    "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
    "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)",
};

/// The partitions in the order of a java.util.HashSet<TopicPartition> they were added to in this order.
std::string javaSetOfPartitions(const std::vector<TopicPartition>& tps) {
    std::vector<std::int32_t> hashes;
    for (const auto& tp : tps) hashes.push_back(sim::javaTopicPartitionHash(tp));
    std::string text;
    for (std::size_t i : javaHashMapOrder(hashes)) text += (text.empty() ? "" : ", ") + tps[i].str();
    return text;
}

/// What the tool prints for the controller's answer (LeaderElectionCommand.electLeaders): the elected
/// partitions, those that needed no election, then one line per failure and an exception.
void printElectionResults(ToolSession& s, const std::string& type,
                          const std::vector<std::pair<TopicPartition, ElectionOutcome>>& results,
                          const std::function<bool(const std::string&)>& topicExists) {
    std::vector<TopicPartition> elected, noop;
    std::vector<std::pair<TopicPartition, std::string>> failed;
    for (const auto& [tp, r] : results) {
        switch (r) {
        case ElectionOutcome::Elected: elected.push_back(tp); break;
        case ElectionOutcome::NotNeeded: noop.push_back(tp); break;
        case ElectionOutcome::NotAvailable:
            failed.emplace_back(tp, type == "PREFERRED"
                                        ? "org.apache.kafka.common.errors.PreferredLeaderNotAvailableException: The "
                                          "preferred leader was not available."
                                        : "org.apache.kafka.common.errors.EligibleLeadersNotAvailableException: Eligible "
                                          "topic partition leaders are not available.");
            break;
        case ElectionOutcome::UnknownPartition:
            failed.emplace_back(tp, "org.apache.kafka.common.errors.UnknownTopicOrPartitionException: " +
                                        (topicExists(tp.topic) ? "No such partition as " + tp.str()
                                                               : "No such topic as " + tp.topic));
            break;
        }
    }
    if (!elected.empty())
        s.out("Successfully completed leader election (" + type + ") for partitions " + javaSetOfPartitions(elected) + "\n");
    if (!noop.empty()) s.out("Valid replica already elected for partitions " + javaSetOfPartitions(noop) + "\n");
    if (failed.empty()) {
        s.finish(0);
        return;
    }
    // A HashMap<TopicPartition, Throwable>, in its order; each failure is added to the exception as
    // a suppressed one.
    std::vector<std::int32_t> hashes;
    for (const auto& f : failed) hashes.push_back(sim::javaTopicPartitionHash(f.first));
    const std::string message = std::to_string(failed.size()) + " replica(s) could not be elected";
    std::string trace = message + "\norg.apache.kafka.tools.AdminCommandFailedException: " + message + "\n";
    trace += "\tat org.apache.kafka.tools.LeaderElectionCommand.electLeaders(LeaderElectionCommand.java:181)\n";
    for (std::size_t f = 1; f < kElectLeadersFrames.size(); ++f) trace += "\tat " + kElectLeadersFrames[f] + "\n";
    for (std::size_t i : javaHashMapOrder(hashes)) {
        s.out("Error completing leader election (" + type + ") for partition: " + failed[i].first.str() + ": " +
              failed[i].second + "\n");
        trace += "\tSuppressed: " + failed[i].second + "\n";
    }
    s.err(trace + "\n");
    s.finish(1);
}

/// The frames of an AdminOperationException thrown while --path-to-json-file is read (run ->
/// parseReplicaElectionData -> topicPartitions), `top` first.
std::vector<std::string> jsonFrames(std::vector<std::string> top) {
    for (const char* f : {"org.apache.kafka.tools.LeaderElectionCommand.lambda$parseReplicaElectionData$0(LeaderElectionCommand.java:203)",
                          "java.base/java.util.Optional.map(Optional.java:260)",
                          "org.apache.kafka.tools.LeaderElectionCommand.parseReplicaElectionData(LeaderElectionCommand.java:201)",
                          "java.base/java.util.Optional.map(Optional.java:260)",
                          "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:89)",
                          "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                          "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"})
        top.emplace_back(f);
    return top;
}

/// --path-to-json-file: {"partitions": [{"topic": "foo", "partition": 1}, ...]}; nullopt (and the
/// session finished) when the file cannot be used (tests/labs/golden/real/leader-election.txt).
std::optional<std::vector<TopicPartition>> partitionsFromJson(ToolSession& s, const std::string& work_dir,
                                                              const std::string& path) {
    const auto text = readToolFile(work_dir, path);
    if (!text) {
        const std::string io = "java.io.IOException: Unable to read file " + path;
        s.err(io + "\n" +
              javaStackTrace(JavaTrace::ElectionFileMissing,
                             {"java.lang.RuntimeException: " + io, io, "java.nio.file.NoSuchFileException: " + path}) +
              "\n");
        s.note(NoteId::ClientConfigFileMissing);
        s.finish(1);
        return std::nullopt;
    }
    const std::string exception = "org.apache.kafka.tools.AdminOperationException";
    auto missingField = [&] {
        electionFailure(s, exception, "Replica election data is missing \"partitions\" field",
                        jsonFrames({"org.apache.kafka.tools.LeaderElectionCommand.lambda$topicPartitions$1(LeaderElectionCommand.java:222)",
                                    "java.base/java.util.Optional.orElseThrow(Optional.java:403)",
                                    "org.apache.kafka.tools.LeaderElectionCommand.topicPartitions(LeaderElectionCommand.java:222)"}),
                        {}, NoteId::UsageError);
        return std::nullopt;
    };
    const nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) {
        // Json.parseFull gives Optional.empty() for text that is not JSON (tests/labs/golden/real/cli-errors.txt).
        electionFailure(s, exception, "Replica election data is empty",
                        {"org.apache.kafka.tools.LeaderElectionCommand.lambda$parseReplicaElectionData$1(LeaderElectionCommand.java:207)",
                         "java.base/java.util.Optional.orElseThrow(Optional.java:403)",
                         "org.apache.kafka.tools.LeaderElectionCommand.parseReplicaElectionData(LeaderElectionCommand.java:207)",
                         "java.base/java.util.Optional.map(Optional.java:260)",
                         "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:89)",
                         "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                         "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"},
                        {}, NoteId::UsageError);
        return std::nullopt;
    }
    if (!j.is_object()) {
        // JSON, but not an object: not captured (the message is LeaderElectionCommand's, the frames are left out).
        electionFailure(s, exception, "Replica election data is empty", {}, {}, NoteId::UsageError);
        return std::nullopt;
    }
    if (!j.contains("partitions") || !j["partitions"].is_array()) return missingField();
    std::vector<TopicPartition> out;
    for (const auto& p : j["partitions"]) {
        if (!p.is_object() || !p.contains("topic") || !p["topic"].is_string() || !p.contains("partition"))
            return missingField(); // not captured: Jackson's mapping errors are not emulated
        const nlohmann::json& partition = p["partition"];
        const bool isInt = partition.is_number_unsigned() ? partition.get<std::uint64_t>() <= INT32_MAX
                           : partition.is_number_integer()
                               ? partition.get<std::int64_t>() >= INT32_MIN && partition.get<std::int64_t>() <= INT32_MAX
                               : false;
        if (!isInt) {
            // DecodeJson.DecodeInteger takes only an int node: JsonMappingException with the node as JSON text,
            // wrapped in a RuntimeException by topicPartitions (tests/labs/golden/real/cli-errors.txt).
            const std::string mapping = "com.fasterxml.jackson.databind.JsonMappingException: Expected `Integer` value, received " +
                                        partition.dump();
            s.err(mapping + "\n" +
                  javaStackTrace(JavaTrace::ElectionPartitionNotInteger, {"java.lang.RuntimeException: " + mapping, mapping}) +
                  "\n");
            s.note(NoteId::UsageError);
            s.finish(1);
            return std::nullopt;
        }
        out.push_back({p["topic"].get<std::string>(), partition.get<std::int32_t>()});
    }
    // The duplicates, as a HashSet's toString: "[orders-1]".
    std::vector<TopicPartition> dups;
    for (const auto& tp : out)
        if (std::count(out.begin(), out.end(), tp) > 1 && std::find(dups.begin(), dups.end(), tp) == dups.end())
            dups.push_back(tp);
    if (!dups.empty()) {
        electionFailure(s, exception, "Replica election data contains duplicate partitions: [" + javaSetOfPartitions(dups) + "]",
                        jsonFrames({"org.apache.kafka.tools.LeaderElectionCommand.toTopicPartition(LeaderElectionCommand.java:241)",
                                    "org.apache.kafka.tools.LeaderElectionCommand.lambda$topicPartitions$0(LeaderElectionCommand.java:217)",
                                    "java.base/java.util.Optional.map(Optional.java:260)",
                                    "org.apache.kafka.tools.LeaderElectionCommand.topicPartitions(LeaderElectionCommand.java:215)"}),
                        {}, NoteId::UsageError);
        return std::nullopt;
    }
    // new HashSet<>(partitions): the request lists them in its order.
    std::vector<std::int32_t> hashes;
    for (const auto& tp : out) hashes.push_back(sim::javaTopicPartitionHash(tp));
    std::vector<TopicPartition> ordered;
    for (std::size_t i : javaHashMapOrder(hashes)) ordered.push_back(out[i]);
    return ordered;
}

} // namespace

std::unique_ptr<CommandSession> startLeaderElection(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                    const std::string& work_dir) {
    auto session = std::make_unique<ToolSession>(backend, CommandKind::LeaderElection);
    ToolSession& s = *session;
    const ToolSpec& tool = leaderElectionTool();
    Options o;
    if (auto e = parseOptions(argv, tool, o)) {
        // Thrown from the options' constructor inside run(): mainNoExit prints the message, then the trace.
        const std::vector<std::string> chain{e->exceptionLine()};
        const std::string trace = e->kind == OptError::Unrecognized
                                      ? javaStackTrace(JavaTrace::ElectionUnrecognizedOption, chain)
                                      : formatJavaTrace(chain, {});
        s.err(e->message + "\n" + trace + "\n");
        s.note(e->note());
        s.finish(1);
        return session;
    }
    if (argv.size() == 1 || o.has("help")) {
        s.usage(tool, std::string(tool.help_message));
        return session;
    }
    if (o.has("version")) {
        s.out(std::string(kKafkaVersion) + "\n");
        s.finish(0);
        return session;
    }
    std::vector<std::string> missing;
    if (!o.has("bootstrap-server")) missing.push_back("bootstrap-server");
    if (!o.has("election-type")) missing.push_back("election-type");
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        optionsFailure(s, "Missing required option(s): " + list, 363);
        return session;
    }
    if (o.has("admin.config") && o.has("command-config")) {
        s.usage(tool, "Option \"[admin.config]\" can't be used with option \"[command-config]\"");
        return session;
    }
    if (o.has("topic") + o.has("all-topic-partitions") + o.has("path-to-json-file") != 1) {
        optionsFailure(s, "One and only one of the following options is required: topic, all-topic-partitions, "
                          "path-to-json-file", 382);
        return session;
    }
    if (o.has("topic") && !o.has("partition")) {
        optionsFailure(s, "Missing required option(s): partition", 387);
        return session;
    }
    if (!o.has("topic") && o.has("partition")) {
        optionsFailure(s, "Option partition is only allowed if topic is used", 392);
        return session;
    }
    // getElectionType: jopt-simple's EnumConverter (any letter case) converts the value when it is read.
    std::string type = o.value("election-type");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (type != "PREFERRED" && type != "UNCLEAN") {
        const std::string v = o.value("election-type");
        const std::string message = "Cannot parse argument '" + v + "' of option election-type";
        s.err(message + "\n" +
              javaStackTrace(JavaTrace::ElectionBadType,
                             {"joptsimple.OptionArgumentConversionException: " + message,
                              "joptsimple.ValueConversionException: Value [" + v + "] is not one of [[PREFERRED,UNCLEAN]]"}) +
              "\n");
        s.note(NoteId::UsageError);
        s.finish(1);
        return session;
    }
    std::vector<TopicPartition> partitions;
    if (o.has("path-to-json-file")) {
        auto fromFile = partitionsFromJson(s, work_dir, o.value("path-to-json-file"));
        if (!fromFile) return session;
        partitions = std::move(*fromFile);
    } else if (o.has("topic")) {
        const auto p = parseInt(o.value("partition"));
        partitions.push_back({o.value("topic"), p.value_or(0)});
    }
    std::optional<std::string> config;
    if (o.has("admin.config")) {
        s.out("Option --admin.config has been deprecated and will be removed in a future version. Use --command-config "
              "instead.\n");
        config = o.value("admin.config");
    } else if (o.has("command-config")) {
        config = o.value("command-config");
    }
    // run() loads the config file (Utils.loadProps), then Admin.create resolves the servers.
    if (!commandConfigLoads(s, AdminTool::LeaderElection, work_dir, config)) return session;
    const BootstrapCheck check = checkBootstrap(backend, o.value("bootstrap-server"));
    if (!adminClientCreated(s, AdminTool::LeaderElection, check)) return session;
    // The tool gives the admin client 30 s (default.api.timeout.ms) unless the config file sets it.
    const TimeMs timeout = adminTimeouts(work_dir, config).default_api_timeout_ms.value_or(30000);

    if (check.kind != BootstrapCheck::Reachable) {
        // The admin client cannot reach the cluster (tests/labs/golden/real/leader-election.txt, localhost:9099).
        s.waitForUnreachableCluster(check.resolvable, timeout, [](ToolSession& t) {
            t.out("Timeout waiting for election results\n");
            electionFailure(t, "org.apache.kafka.tools.AdminCommandFailedException", "Timeout waiting for election results",
                            kElectLeadersFrames,
                            {"org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. "
                             "Call: electLeaders"},
                            NoteId::BootstrapUnreachable);
        });
        return session;
    }
    auto send = [&backend, type, partitions](ToolSession& t) {
        const auto results = backend.electLeaders(partitions, type == "UNCLEAN");
        if (!results) {
            t.err("FluxoLab cannot elect leaders on this cluster.\n");
            t.finish(1);
            return;
        }
        printElectionResults(t, type, *results,
                             [&backend](const std::string& topic) { return backend.describeTopic(topic).has_value(); });
    };
    if (backend.controllerAvailable()) {
        send(s);
        return session;
    }
    std::int32_t node = -1;
    for (const BrokerInfo& b : backend.brokers())
        if (b.alive && node < 0) node = b.id;
    s.waitForController(timeout, send, [node](ToolSession& t) {
        t.out("Timeout waiting for election results\n");
        electionFailure(t, "org.apache.kafka.tools.AdminCommandFailedException", "Timeout waiting for election results",
                        kElectLeadersFrames,
                        {"org.apache.kafka.common.errors.TimeoutException: " + adminCallTimedOut("electLeaders", t.nowMs()),
                         adminCallCancelled("electLeaders", 3, node)},
                        NoteId::NoActiveController);
    });
    return session;
}

} // namespace fluxolab::labs::cli
