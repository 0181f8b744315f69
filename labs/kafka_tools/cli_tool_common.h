#pragma once
// Internals shared by the emulated Kafka tools (kafka_cli_*.cpp); not part of the labs API.

#include "labs/kafka_tools/java_traces.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/kafka_tools/kafka_tool_options.h"
#include "sim/hash.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fluxolab::labs {
// Java HashMap order and TopicPartition.hashCode() live in sim/hash.h (one place for all of them);
// the tools' own header, not kafka_cli.h, which app/ includes (tests/layers/labs_sim_leaks.txt).
using sim::javaHashMapOrder;
using sim::javaTopicPartitionHash;
} // namespace fluxolab::labs

namespace fluxolab::labs::cli {

/// The Kafka release whose tools are emulated (--version, help tables, messages).
inline constexpr const char* kKafkaVersion = "4.3.1";

/// The iteration order of a java.util.HashMap (or HashSet) filled with these keys in this order
/// (javaHashMapOrder over String.hashCode() / TopicPartition.hashCode()).
std::vector<std::string> stringsInHashMapOrder(std::vector<std::string> keys);
std::vector<TopicPartition> partitionsInHashMapOrder(std::vector<TopicPartition> keys);

/// Java's "%-Ns".
std::string padRight(const std::string& s, std::size_t width);
/// Long.parseLong / Integer.parseInt (an optional leading '+' or '-').
std::optional<std::int64_t> parseLong(const std::string& s);
std::optional<std::int32_t> parseInt(const std::string& s);
std::string joinInts(const std::vector<std::int32_t>& v);
/// Every piece between separators, empty ones included.
std::vector<std::string> splitOn(const std::string& s, char c);
/// CommandLineUtils.parseKeyValueArgs: "k=v" (split at the first '='). Nullopt if no '='.
std::optional<std::pair<std::string, std::string>> keyValue(const std::string& s);
/// "\t", "\n", "\r" written on the command line, as the tools unescape separators.
std::string unescapeSeparator(const std::string& s);
/// How jopt-simple prints an option spec: "[topic]".
std::string optName(const std::string& n);
std::string toLower(std::string s);

/// Parsed command line: option -> its values ("" for flags and absent optional arguments).
struct Options {
    std::map<std::string, std::vector<std::string>> values;
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
    std::string message; ///< jopt-simple's exception message
    /// "joptsimple.UnrecognizedOptionException: zookeeper is not a recognized option"
    std::string exceptionLine() const;
    /// The teaching note (options Kafka 4 removed get their own).
    NoteId note() const;
};

/// jopt-simple's OptionParser.parse over the tool's option table: long options with "--" or "-",
/// unique abbreviations, "--opt=value"; a required argument takes the next word whatever it is.
std::optional<OptError> parseOptions(const std::vector<std::string>& args, const ToolSpec& tool, Options& out);

class ToolSession;
/// The start of a tool's main: jopt-simple parses `argv` against `tool`'s table (an OptionException goes
/// to `on_parse_error`, which prints what that tool's main prints for it and finishes the session), then
/// CommandLineUtils.maybePrintHelpOrVersion: no argument or --help prints the tool's help message and
/// option table (exit 1), --version the Kafka release (exit 0). Nullopt when the tool stopped there.
std::optional<Options> startToolOptions(ToolSession& s, const ToolSpec& tool, const std::vector<std::string>& argv,
                                        const std::function<void(const OptError&)>& on_parse_error);

/// Whether some live broker answers at one of the bootstrap addresses.
bool reachable(const ClusterBackend& backend, const std::string& bootstrap);
/// The brokers (running or not) that the bootstrap addresses name.
std::vector<std::int32_t> bootstrapBrokers(const ClusterBackend& backend, const std::string& bootstrap);

/// How a Kafka client gets on with `bootstrap` (ClientUtils.parseAndValidateAddresses, then
/// connecting). Host names resolve if they are "localhost", an IPv4 address or a broker's host.
struct BootstrapCheck {
    enum Kind : std::uint8_t { Reachable, Unreachable, InvalidUrl, Unresolvable } kind = Reachable;
    std::string invalid_url;  ///< InvalidUrl: the entry without a host:port
    std::string resolvable;   ///< the entries that resolve, comma-separated (what the client tries)
    std::vector<std::pair<std::string, std::string>> unresolved; ///< (entry, host) that do not resolve
    /// The ConfigException's message for InvalidUrl / Unresolvable.
    std::string configError() const;
    /// "[date] WARN Couldn't resolve server ..." for each unresolved entry.
    std::string dnsWarnings(TimeMs now_ms) const;
};
BootstrapCheck checkBootstrap(const ClusterBackend& backend, const std::string& bootstrap);

/// A known broker's address as the Java client prints it (InetSocketAddress.toString()):
/// "localhost/127.0.0.1:9092", or "HOST/127.0.0.1:PORT".
std::string brokerAddress(const BrokerInfo& node);
/// NetworkClient's WARN line for a failed connection attempt to `node` (an id; -1, -2... for the
/// bootstrap servers) at `address`, logged at `at_ms` under the client's `context` prefix.
std::string connectionFailedLine(TimeMs at_ms, const std::string& context, std::int32_t node, const std::string& address);
/// The admin client's TimeoutException message when a call's deadline (epoch ms) passes with its one
/// request still in flight: "Call(callName=createTopics, deadlineMs=..., tries=1, nextAllowedTryMs=...)
/// timed out at ... after 1 attempt(s)" (the real numbers are wall-clock ones; the retry backoff,
/// retry.backoff.ms 100, is the gap to nextAllowedTryMs).
std::string adminCallTimedOut(const std::string& call, TimeMs deadline_ms);
/// The cause the admin client gives it: the request cancelled when its node was disconnected.
std::string adminCallCancelled(const std::string& call, std::int32_t correlation_id, std::int32_t node);

/// The WARN lines a Kafka client logs while no bootstrap server accepts its connections: one per
/// connection attempt (producers and consumers add a "Bootstrap broker ... disconnected" line),
/// at the reconnect backoff cadence (reconnect.backoff.ms=50 doubling up to
/// reconnect.backoff.max.ms=1000; the real client adds +-20% random jitter, left out here).
class ConnectionRetryLog {
public:
    enum class Client : std::uint8_t { Admin, Producer, Consumer };
    /// `context`: the client's log prefix, e.g. "[AdminClient clientId=adminclient-1] ".
    /// `after_disconnect`: the client had a connection to a bootstrap server and lost it (its only
    /// broker died): at `start_ms` it logs "Bootstrap broker ... disconnected" alone, then tries again
    /// after the reconnect backoff (50 ms, 100 ms, ... 1000 ms), as the real 4.3.1 producer does
    /// (tests/labs/golden/real/producer-dead-broker.txt).
    ConnectionRetryLog(Client client, std::string context, const std::string& bootstrap, TimeMs start_ms,
                       bool after_disconnect = false);
    /// The attempts to reach one known broker (metadata gave its id), e.g. a coordinator that is down.
    ConnectionRetryLog(Client client, std::string context, const BrokerInfo& node, TimeMs start_ms);
    /// The lines of the attempts made up to `now_ms` (inclusive) not returned yet.
    std::string linesUntil(TimeMs now_ms);

private:
    Client m_client;
    std::string m_context;
    std::vector<std::pair<std::string, std::string>> m_nodes; ///< (host:port as given, resolved address)
    std::optional<std::int32_t> m_node_id; ///< a known broker's id; bootstrap nodes are -1, -2, ...
    TimeMs m_next_ms;
    std::size_t m_round = 0;
    bool m_disconnect_first = false;
};

/// A command session with the helpers the tools share. Admin tools usually finish while they
/// start; against an unreachable cluster they wait (virtual time) for their timeout instead.
class ToolSession : public CommandSession {
public:
    ToolSession(ClusterBackend& backend, CommandKind kind) : m_backend(backend) { m_kind = kind; }
    using CommandSession::err;
    using CommandSession::finish;
    using CommandSession::note;
    using CommandSession::out;
    using CommandSession::record;
    void setKind(CommandKind k) { m_kind = k; }
    TimeMs nowMs() const { return m_backend.nowMs(); }
    /// CommandLineUtils.printUsageAndExit: the message and the tool's option table on stderr, exit 1.
    void usage(const ToolSpec& tool, const std::string& message, NoteId id = NoteId::UsageError);
    /// The admin client cannot reach `bootstrap`: log its connection attempts while cluster time
    /// passes, and after `timeout_ms` let `on_timeout` print the tool's error and finish.
    void waitForUnreachableCluster(const std::string& bootstrap, TimeMs timeout_ms,
                                   std::function<void(ToolSession&)> on_timeout);
    /// The admin client waits for the coordinators of `groups` (Admin's coordinator lookups):
    /// while a lookup names a broker that is down and not fenced yet, its connection attempts are
    /// logged; a lookup without a coordinator (COORDINATOR_NOT_AVAILABLE) is retried quietly.
    /// Once every coordinator serves, `on_ready` prints the answer; after `timeout_ms`,
    /// `on_timeout` prints the tool's error with the lookup that still blocked.
    void waitForCoordinators(std::vector<std::string> groups, TimeMs timeout_ms,
                             std::function<void(ToolSession&)> on_ready,
                             std::function<void(ToolSession&, const CoordinatorLookup&)> on_timeout);
    /// The admin client sends ListOffsets to each partition's leader: while the metadata names a
    /// leader that is down and not fenced yet, its connection attempts are logged (with `context`, the
    /// client's log prefix) until the controller fences it and another replica leads
    /// (tests/labs/golden/real/get-offsets-dead-leader.txt); then `on_ready` prints the answer. After
    /// `timeout_ms`, `on_timeout`.
    void waitForLeaders(std::vector<TopicPartition> partitions, std::string context, TimeMs timeout_ms,
                        std::function<void(ToolSession&)> on_ready,
                        std::function<void(ToolSession&, const CoordinatorLookup&)> on_timeout);
    /// An admin request the broker forwards to the KRaft controller (CreateTopics, DeleteTopics,
    /// CreatePartitions, ElectLeaders). Without an active controller nothing answers it: the request
    /// stays in flight until the call's deadline, `timeout_ms` (default.api.timeout.ms) after now,
    /// when the admin client cancels it (tests/labs/golden/real/no-controller.txt); the client's
    /// metadata still lists the dead brokers, and its attempts to reach them are logged then. If a
    /// controller is elected before, `on_ready` sends the request at that time.
    void waitForController(TimeMs timeout_ms, std::function<void(ToolSession&)> on_ready,
                           std::function<void(ToolSession&)> on_timeout);
    bool waiting() const { return m_retry.has_value() || m_coordinators.has_value() || m_controller_wait.has_value(); }

    void pump(TimeMs ms) override;
    void interrupt() override;

protected:
    ClusterBackend& m_backend;

private:
    std::optional<ConnectionRetryLog> m_retry; ///< waitForUnreachableCluster
    TimeMs m_deadline_ms = 0;
    std::function<void(ToolSession&)> m_on_timeout;
    struct CoordinatorWait {
        std::vector<std::string> groups;
        /// Instead of the groups' coordinators: what blocks now (nullopt: nothing), and how it is logged.
        std::function<std::optional<CoordinatorLookup>()> lookup;
        std::string context = "[AdminClient clientId=adminclient-1] ";
        NoteId unreachable_note = NoteId::CoordinatorUnreachable;
        std::function<void(ToolSession&)> on_ready;
        std::function<void(ToolSession&, const CoordinatorLookup&)> on_timeout;
        std::optional<ConnectionRetryLog> log; ///< attempts to the unreachable coordinator
        std::int32_t log_node = -1;
        TimeMs deadline_ms = 0;
        bool noted = false;
    };
    std::optional<CoordinatorWait> m_coordinators;
    /// One step of the coordinator wait at the current time; true when it ended.
    bool stepCoordinatorWait();
    struct ControllerWait {
        std::function<void(ToolSession&)> on_ready, on_timeout;
        TimeMs deadline_ms = 0;
    };
    std::optional<ControllerWait> m_controller_wait;
    /// One step of the controller wait at the current time; true when it ended.
    bool stepControllerWait();
};

/// `fluxolab-cli replay ...` (other fluxolab-cli subcommands only run in a real shell); `alerts`: the
/// alert's language when the command line has no --lang (KafkaCli::setReplayLanguage).
std::unique_ptr<CommandSession> startFluxolabCli(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                 const std::string& workDir, Language alerts = Language::Portuguese);
/// `work_dir`: where a relative --command-config is read.
std::unique_ptr<CommandSession> startTopics(ClusterBackend& backend, const std::vector<std::string>& argv,
                                            const std::string& work_dir);
/// kafka-leader-election; `work_dir` as for startTopics.
std::unique_ptr<CommandSession> startLeaderElection(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                    const std::string& work_dir);
/// kafka-configs (kafka.admin.ConfigCommand): topics and brokers; `work_dir` as for startTopics.
std::unique_ptr<CommandSession> startConfigs(ClusterBackend& backend, const std::vector<std::string>& argv,
                                             const std::string& work_dir);
/// kafka-get-offsets (GetOffsetShell); `work_dir` as for startTopics.
std::unique_ptr<CommandSession> startGetOffsets(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                const std::string& work_dir);
/// The admin client's timeouts from a tool's --command-config (java.util.Properties; a file that
/// cannot be read gives none): default.api.timeout.ms and request.timeout.ms where set.
struct AdminTimeouts {
    std::optional<TimeMs> default_api_timeout_ms, request_timeout_ms;
};
AdminTimeouts adminTimeouts(const std::string& work_dir, const std::optional<std::string>& config_file);
/// `work_dir`: where relative file names (--from-file) are looked up; "" = the process's.
std::unique_ptr<CommandSession> startGroups(ClusterBackend& backend, const std::vector<std::string>& argv,
                                            const std::string& work_dir);
/// `work_dir`: where a relative --producer.config / --consumer.config / --command-config is read.
std::unique_ptr<CommandSession> startConsoleProducer(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                     bool interactive, const std::string& work_dir);
std::unique_ptr<CommandSession> startConsoleConsumer(ClusterBackend& backend, std::uint32_t& random,
                                                     const std::vector<std::string>& argv, const std::string& work_dir);
/// Reads a client properties file (relative to `work_dir`); nullopt if it cannot be read.
std::optional<std::string> readToolFile(const std::string& work_dir, const std::string& path);

/// The tools that create an admin client from their options.
enum class AdminTool : std::uint8_t { Topics, Groups, LeaderElection };
/// Utils.loadProps(--command-config), which each admin tool calls before Admin.create: false, with what
/// the real tool prints for the NoSuchFileException and the session finished, when `path` cannot be read
/// (tests/labs/golden/real/cli-errors.txt). True without a path.
bool commandConfigLoads(ToolSession& s, AdminTool tool, const std::string& work_dir, const std::optional<std::string>& path);
/// Admin.create with `check`'s --bootstrap-server: prints the DNS warning of each entry that does not
/// resolve; false, with the tool's "Failed to create new KafkaAdminClient" and its trace and the session
/// finished, when no entry resolves or one is malformed (ClientUtils.parseAndValidateAddresses;
/// tests/labs/golden/real/unreachable.txt, cli-errors.txt).
bool adminClientCreated(ToolSession& s, AdminTool tool, const BootstrapCheck& check);

} // namespace fluxolab::labs::cli
