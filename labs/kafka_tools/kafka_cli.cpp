#include "labs/kafka_tools/kafka_cli.h"

#include "labs/kafka_tools/cli_tool_common.h"
#include "sim/hash.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string_view>

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
    case CommandKind::GroupsDeleteOffsets: return "consumer-groups.delete-offsets";
    case CommandKind::GroupsOther: return "consumer-groups";
    case CommandKind::StreamReplay: return "replay";
    case CommandKind::LeaderElection: return "leader-election";
    case CommandKind::ConfigsDescribe: return "configs.describe";
    case CommandKind::ConfigsAlter: return "configs.alter";
    case CommandKind::ConfigsOther: return "configs";
    case CommandKind::GetOffsets: return "get-offsets";
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

// ---------------------------------------------------------------------------------------------

std::string KafkaCli::toolName(const std::string& argv0) {
    std::string n = argv0;
    const auto slash = n.find_last_of("/\\");
    if (slash != std::string::npos) n = n.substr(slash + 1);
    for (const char* suffix : {".sh", ".bat"}) {
        const std::string sfx = suffix;
        if (n.size() > sfx.size() && n.compare(n.size() - sfx.size(), sfx.size(), sfx) == 0) n.resize(n.size() - sfx.size());
    }
    return findToolSpec(n) ? n : std::string();
}

std::vector<std::string> KafkaCli::toolOptions(const std::string& tool) {
    std::vector<std::string> out;
    const ToolSpec* spec = findToolSpec(tool);
    if (!spec) return out;
    for (const auto& o : spec->options) out.push_back("--" + std::string(o.name));
    std::sort(out.begin(), out.end());
    return out;
}

namespace {
/// The scripts in Apache Kafka 4.3's bin/ that FluxoLab does not emulate ("kafka-acls.sh").
bool isKafkaToolNotEmulated(const std::string& argv0) {
    std::string n = argv0;
    const auto slash = n.find_last_of("/\\");
    if (slash != std::string::npos) n = n.substr(slash + 1);
    if (n.size() > 3 && n.compare(n.size() - 3, 3, ".sh") == 0) n.resize(n.size() - 3);
    static constexpr std::string_view kTools[] = {
        "kafka-acls", "kafka-broker-api-versions", "kafka-client-metrics", "kafka-cluster",
        "kafka-console-share-consumer", "kafka-consumer-perf-test", "kafka-delegation-tokens", "kafka-delete-records",
        "kafka-dump-log", "kafka-e2e-latency", "kafka-features", "kafka-groups", "kafka-jmx",
        "kafka-log-dirs", "kafka-metadata-quorum", "kafka-metadata-shell", "kafka-producer-perf-test",
        "kafka-reassign-partitions", "kafka-run-class", "kafka-server-start", "kafka-server-stop",
        "kafka-share-consumer-perf-test", "kafka-share-groups", "kafka-storage", "kafka-streams-application-reset",
        "kafka-streams-groups", "kafka-transactions", "kafka-verifiable-consumer", "kafka-verifiable-producer",
        "connect-distributed", "connect-standalone", "connect-mirror-maker", "connect-plugin-path"};
    return std::find(std::begin(kTools), std::end(kTools), n) != std::end(kTools);
}
} // namespace

std::unique_ptr<CommandSession> KafkaCli::start(const std::vector<std::string>& argv, bool interactive) {
    const std::string tool = argv.empty() ? std::string() : toolName(argv[0]);
    if (tool == "kafka-console-producer") return cli::startConsoleProducer(m_backend, argv, interactive, m_workDir);
    if (tool == "kafka-console-consumer") return cli::startConsoleConsumer(m_backend, m_random, argv, m_workDir);
    if (tool == "kafka-topics") return cli::startTopics(m_backend, argv, m_workDir);
    if (tool == "kafka-leader-election") return cli::startLeaderElection(m_backend, argv, m_workDir);
    if (tool == "kafka-consumer-groups") return cli::startGroups(m_backend, argv, m_workDir);
    if (tool == "kafka-configs") return cli::startConfigs(m_backend, argv, m_workDir);
    if (tool == "kafka-get-offsets") return cli::startGetOffsets(m_backend, argv, m_workDir);
    if (!argv.empty() && isFluxolabCli(argv[0])) return cli::startFluxolabCli(m_backend, argv, m_workDir, m_replayLanguage);
    auto s = std::make_unique<cli::ToolSession>(m_backend, CommandKind::Unknown);
    const std::string name = argv.empty() ? std::string() : argv[0];
    if (name == "cd") {
        // bash's builtin: the terminal has no folders to change to (the tools and traces are found by
        // name), so it succeeds and says it is not needed.
        s->note(NoteId::CdNotNeeded);
        s->finish(0);
        return s;
    }
    // bash looks a name up in PATH ("command not found") but runs a name with a slash as a path,
    // which here does not exist: "bin/kafka-acls.sh: No such file or directory" (exit 127 both).
    const bool path = name.find('/') != std::string::npos;
    s->err("bash: " + name + (path ? ": No such file or directory\n" : ": command not found\n"));
    // A real Kafka tool FluxoLab does not emulate says so (the note, in the edge's language).
    s->note(isKafkaToolNotEmulated(name) ? NoteId::KafkaToolNotEmulated : NoteId::UnknownCommand);
    s->finish(127);
    return s;
}

} // namespace fluxolab::labs
