#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/client_configs.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <fstream>
#include <map>
#include <sstream>

namespace fluxolab::labs::cli {

namespace {
template <class T, class Hash>
std::vector<T> inHashMapOrder(const std::vector<T>& keys, Hash hash) {
    std::vector<std::int32_t> hashes;
    for (const T& k : keys) hashes.push_back(hash(k));
    std::vector<T> out;
    for (std::size_t i : javaHashMapOrder(hashes)) out.push_back(keys[i]);
    return out;
}
} // namespace

std::vector<std::string> stringsInHashMapOrder(std::vector<std::string> keys) {
    return inHashMapOrder(keys, [](const std::string& s) { return sim::javaStringHashCode(s); });
}
std::vector<TopicPartition> partitionsInHashMapOrder(std::vector<TopicPartition> keys) {
    return inHashMapOrder(keys, javaTopicPartitionHash);
}

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

std::optional<std::string> readToolFile(const std::string& work_dir, const std::string& path) {
    const std::string full = work_dir.empty() || (!path.empty() && path[0] == '/') ? path : work_dir + "/" + path;
    std::ifstream f(full, std::ios::binary);
    if (!f || path.empty()) return std::nullopt;
    std::stringstream ss;
    ss << f.rdbuf();
    if (f.bad()) return std::nullopt;
    return ss.str();
}

bool commandConfigLoads(ToolSession& s, AdminTool tool, const std::string& work_dir, const std::optional<std::string>& path) {
    if (!path || readToolFile(work_dir, *path)) return true;
    const std::string nsf = "java.nio.file.NoSuchFileException: " + *path;
    std::vector<std::string> frames = loadPropsFrames();
    if (tool == AdminTool::Groups) {
        // ConsumerGroupService's constructor wraps it in a RuntimeException; run() prints the message
        // (printError) and the trace, and the tool exits 0.
        frames.insert(frames.end(), {"org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
                                     "createAdminClient(ConsumerGroupCommand.java:934)",
                                     "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.<init>("
                                     "ConsumerGroupCommand.java:191)",
                                     "... 2 more"});
        s.out("\nError: Executing consumer group command failed due to " + nsf + "\n");
        s.err(formatJavaTrace({"java.lang.RuntimeException: " + nsf, nsf},
                              {{"org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.<init>("
                                "ConsumerGroupCommand.java:193)",
                                "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:121)",
                                "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:109)"},
                               frames}));
        s.note(NoteId::ClientConfigFileMissing);
        s.finish(0);
        return false;
    }
    // Out of execute()/run() to mainNoExit: the message (the file name), the trace, an empty line.
    if (tool == AdminTool::Topics)
        frames.insert(frames.end(), {"org.apache.kafka.tools.TopicCommand$TopicCommandOptions.commandConfig(TopicCommand.java:836)",
                                     "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:101)",
                                     "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
                                     "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"});
    else
        frames.insert(frames.end(), {"org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:111)",
                                     "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                                     "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"});
    s.err(*path + "\n" + formatJavaTrace({nsf}, {frames}) + "\n");
    s.note(NoteId::ClientConfigFileMissing);
    s.finish(1);
    return false;
}

bool adminClientCreated(ToolSession& s, AdminTool tool, const BootstrapCheck& check) {
    if (!check.unresolved.empty()) s.err(check.dnsWarnings(s.nowMs()));
    if (check.kind != BootstrapCheck::InvalidUrl && check.kind != BootstrapCheck::Unresolvable) return true;
    const bool invalid = check.kind == BootstrapCheck::InvalidUrl;
    const BootstrapClient client = tool == AdminTool::Topics   ? BootstrapClient::TopicsAdmin
                                   : tool == AdminTool::Groups ? BootstrapClient::GroupsAdmin
                                                               : BootstrapClient::ElectionAdmin;
    const std::string trace = bootstrapFailureTrace(client, invalid, check.configError());
    if (tool == AdminTool::Groups) {
        s.out("\nError: Executing consumer group command failed due to Failed to create new KafkaAdminClient\n");
        s.err(trace);
    } else {
        s.err("Failed to create new KafkaAdminClient\n" + trace + "\n");
    }
    s.note(invalid ? NoteId::BootstrapInvalid : NoteId::BootstrapUnresolvable);
    s.finish(tool == AdminTool::Groups ? 0 : 1);
    return false;
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

std::optional<std::pair<std::string, std::string>> keyValue(const std::string& s) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) return std::nullopt;
    return std::make_pair(s.substr(0, eq), s.substr(eq + 1));
}

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

std::string optName(const std::string& n) { return "[" + n + "]"; }

std::string toLower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string OptError::exceptionLine() const {
    return std::string(kind == Unrecognized ? "joptsimple.UnrecognizedOptionException: "
                                            : "joptsimple.OptionMissingRequiredArgumentException: ") +
           message;
}

NoteId OptError::note() const {
    if (kind == MissingArgument) return NoteId::UsageError;
    if (option == "zookeeper") return NoteId::ZookeeperRemoved;
    if (option == "broker-list") return NoteId::BrokerListRemoved;
    return NoteId::UnrecognizedOption;
}

std::optional<OptError> parseOptions(const std::vector<std::string>& args, const ToolSpec& tool, Options& out) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") break;                         // the rest are non-option arguments
        if (a.size() < 2 || a[0] != '-') continue;    // non-option arguments are ignored
        std::string body = a.substr(a[1] == '-' ? 2 : 1);
        std::optional<std::string> inlineValue;
        if (const auto eq = body.find('='); eq != std::string::npos) {
            inlineValue = body.substr(eq + 1);
            body = body.substr(0, eq);
        }
        const ToolOption* match = nullptr;
        const ToolOption* prefix = nullptr;
        int prefixMatches = 0;
        for (const ToolOption& o : tool.options) {
            if (body == o.name) match = &o;
            else if (!body.empty() && o.name.substr(0, body.size()) == body) {
                ++prefixMatches;
                prefix = &o;
            }
        }
        if (!match && prefixMatches == 1) match = prefix; // unique abbreviations are accepted
        if (!match) return OptError{OptError::Unrecognized, body, body + " is not a recognized option"};
        const std::string name(match->name);
        auto& vals = out.values[name];
        switch (match->arg) {
        case OptArg::None: vals.emplace_back(); break;
        case OptArg::Required:
            if (inlineValue) vals.push_back(*inlineValue);
            else if (i + 1 < args.size()) vals.push_back(args[++i]);
            else return OptError{OptError::MissingArgument, name, "Option " + name + " requires an argument"};
            break;
        case OptArg::Optional:
            if (inlineValue) vals.push_back(*inlineValue);
            else if (i + 1 < args.size() && !(args[i + 1].size() > 1 && args[i + 1][0] == '-')) vals.push_back(args[++i]);
            else vals.emplace_back();
            break;
        }
    }
    return std::nullopt;
}

namespace {
/// Whether the bootstrap entry "host:port" names `b` (loopback names reach every local broker).
bool namesBroker(const std::string& hp, const BrokerInfo& b) {
    const auto colon = hp.rfind(':');
    if (colon == std::string::npos) return false;
    const std::string host = hp.substr(0, colon);
    const auto port = parseInt(hp.substr(colon + 1));
    return port && b.port == *port && (host == b.host || host == "127.0.0.1" || host == "localhost");
}
} // namespace

std::optional<Options> startToolOptions(ToolSession& s, const ToolSpec& tool, const std::vector<std::string>& argv,
                                        const std::function<void(const OptError&)>& on_parse_error) {
    Options o;
    if (auto e = parseOptions(argv, tool, o)) {
        on_parse_error(*e);
        return std::nullopt;
    }
    if (argv.size() == 1 || o.has("help")) {
        s.usage(tool, std::string(tool.help_message));
        return std::nullopt;
    }
    if (o.has("version")) {
        s.out(std::string(kKafkaVersion) + "\n");
        s.finish(0);
        return std::nullopt;
    }
    return o;
}

bool reachable(const ClusterBackend& backend, const std::string& bootstrap) {
    const auto brokers = backend.brokers();
    for (const auto& hp : splitOn(bootstrap, ','))
        for (const auto& b : brokers)
            if (b.alive && namesBroker(hp, b)) return true;
    return false;
}

std::vector<std::int32_t> bootstrapBrokers(const ClusterBackend& backend, const std::string& bootstrap) {
    std::vector<std::int32_t> out;
    const auto brokers = backend.brokers();
    for (const auto& hp : splitOn(bootstrap, ','))
        for (const auto& b : brokers)
            if (namesBroker(hp, b) && std::find(out.begin(), out.end(), b.id) == out.end()) out.push_back(b.id);
    return out;
}

BootstrapCheck checkBootstrap(const ClusterBackend& backend, const std::string& bootstrap) {
    BootstrapCheck c;
    const auto brokers = backend.brokers();
    auto resolves = [&](const std::string& host) {
        if (host == "localhost") return true;
        for (const auto& b : brokers)
            if (b.host == host) return true;
        const auto parts = splitOn(host, '.');
        if (parts.size() != 4) return false;
        for (const auto& p : parts) {
            const auto n = parseInt(p);
            if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos || !n || *n > 255)
                return false;
        }
        return true;
    };
    for (std::string url : splitOn(bootstrap, ',')) {
        url.erase(0, url.find_first_not_of(' '));
        while (!url.empty() && url.back() == ' ') url.pop_back();
        if (url.empty()) continue;
        const auto colon = url.rfind(':');
        const std::string host = colon == std::string::npos ? std::string() : url.substr(0, colon);
        const std::string port = colon == std::string::npos ? std::string() : url.substr(colon + 1);
        if (host.empty() || port.empty() || port.find_first_not_of("0123456789") != std::string::npos) {
            c.kind = BootstrapCheck::InvalidUrl;
            c.invalid_url = url;
            return c;
        }
        if (!resolves(host)) {
            c.unresolved.emplace_back(url, host);
            continue;
        }
        c.resolvable += (c.resolvable.empty() ? "" : ",") + url;
    }
    if (c.resolvable.empty()) c.kind = BootstrapCheck::Unresolvable;
    else c.kind = reachable(backend, c.resolvable) ? BootstrapCheck::Reachable : BootstrapCheck::Unreachable;
    return c;
}

std::string BootstrapCheck::dnsWarnings(TimeMs now_ms) const {
    std::string text;
    for (const auto& [url, host] : unresolved)
        text += formatLogDate(now_ms) + " WARN Couldn't resolve server " + url +
                " from bootstrap.servers as DNS resolution failed for " + host + " (org.apache.kafka.clients.ClientUtils)\n";
    return text;
}

std::string BootstrapCheck::configError() const {
    return kind == InvalidUrl ? "Invalid url in bootstrap.servers: " + invalid_url
                              : "No resolvable bootstrap urls given in bootstrap.servers";
}

void ToolSession::usage(const ToolSpec& tool, const std::string& message, NoteId id) {
    err(message + "\n" + toolHelpTable(tool));
    note(id);
    finish(1);
}

ConnectionRetryLog::ConnectionRetryLog(Client client, std::string context, const std::string& bootstrap,
                                       TimeMs start_ms, bool after_disconnect)
    : m_client(client), m_context(std::move(context)), m_next_ms(start_ms), m_disconnect_first(after_disconnect) {
    for (const std::string& hp : splitOn(bootstrap, ',')) {
        const auto colon = hp.rfind(':');
        const std::string host = colon == std::string::npos ? hp : hp.substr(0, colon);
        const std::string port = colon == std::string::npos ? std::string() : hp.substr(colon + 1);
        // InetSocketAddress.toString(): "hostname/ip:port", or "/ip:port" for an address literal.
        const std::string address = (host == "localhost" ? "localhost/127.0.0.1" : "/" + host) + ":" + port;
        m_nodes.emplace_back(hp, address);
    }
}

ConnectionRetryLog::ConnectionRetryLog(Client client, std::string context, const BrokerInfo& node, TimeMs start_ms)
    : m_client(client), m_context(std::move(context)), m_node_id(node.id), m_next_ms(start_ms) {
    m_nodes.emplace_back(node.host + ":" + std::to_string(node.port), brokerAddress(node));
}

std::string brokerAddress(const BrokerInfo& node) {
    return (node.host == "localhost" ? "localhost/127.0.0.1" : node.host + "/127.0.0.1") + ":" + std::to_string(node.port);
}

std::string connectionFailedLine(TimeMs at_ms, const std::string& context, std::int32_t node, const std::string& address) {
    return formatLogDate(at_ms) + " WARN " + context + "Connection to node " + std::to_string(node) + " (" + address +
           ") could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)\n";
}

std::string adminCallTimedOut(const std::string& call, TimeMs deadline_ms) {
    const std::string d = std::to_string(deadline_ms);
    return "Call(callName=" + call + ", deadlineMs=" + d + ", tries=1, nextAllowedTryMs=" +
           std::to_string(deadline_ms + 100) + ") timed out at " + d + " after 1 attempt(s)";
}

std::string adminCallCancelled(const std::string& call, std::int32_t correlation_id, std::int32_t node) {
    return "org.apache.kafka.common.errors.DisconnectException: Cancelled " + call + " request with correlation id " +
           std::to_string(correlation_id) + " due to node " + std::to_string(node) + " being disconnected";
}

std::string ConnectionRetryLog::linesUntil(TimeMs now_ms) {
    std::string text;
    while (!m_nodes.empty() && m_next_ms <= now_ms) {
        if (m_disconnect_first) {
            // The open connection to the bootstrap server breaks; the first attempt follows after
            // reconnect.backoff.ms (50), the next ones after 100, 200, ... 1000 ms.
            m_disconnect_first = false;
            const std::string date = formatLogDate(m_next_ms);
            for (std::size_t n = 0; n < m_nodes.size(); ++n)
                text += date + " WARN " + m_context + "Bootstrap broker " + m_nodes[n].first + " (id: " +
                        std::to_string(-1 - static_cast<int>(n)) +
                        " rack: null isFenced: false) disconnected (org.apache.kafka.clients.NetworkClient)\n";
            m_next_ms += 50;
            m_round = 1;
            continue;
        }
        // One round: every bootstrap server is tried (node ids -1, -2, ... in the given order).
        const std::string date = formatLogDate(m_next_ms);
        for (std::size_t n = 0; n < m_nodes.size(); ++n) {
            const std::int32_t id = m_node_id ? *m_node_id : -1 - static_cast<std::int32_t>(n);
            const std::string node = std::to_string(id);
            text += connectionFailedLine(m_next_ms, m_context, id, m_nodes[n].second);
            if (m_client != Client::Admin && !m_node_id)
                text += date + " WARN " + m_context + "Bootstrap broker " + m_nodes[n].first + " (id: " + node +
                        " rack: null isFenced: false) disconnected (org.apache.kafka.clients.NetworkClient)\n";
        }
        // Backoff 50, 100, 200, 400, 800, then 1000 ms. Producers and consumers first wait for
        // their metadata retry (retry.backoff.ms=100) instead of the first 50 ms.
        TimeMs backoff = 50;
        for (std::size_t i = 0; i < m_round && backoff < 1000; ++i) backoff *= 2;
        if (m_round == 0 && m_client != Client::Admin) backoff = 100;
        m_next_ms += std::min<TimeMs>(backoff, 1000);
        ++m_round;
    }
    return text;
}

void ToolSession::waitForUnreachableCluster(const std::string& bootstrap, TimeMs timeout_ms,
                                            std::function<void(ToolSession&)> on_timeout) {
    m_retry.emplace(ConnectionRetryLog::Client::Admin, "[AdminClient clientId=adminclient-1] ", bootstrap, nowMs());
    m_deadline_ms = nowMs() + timeout_ms;
    m_on_timeout = std::move(on_timeout);
    note(NoteId::BootstrapUnreachable);
    pump(0);
}

void ToolSession::waitForCoordinators(std::vector<std::string> groups, TimeMs timeout_ms,
                                      std::function<void(ToolSession&)> on_ready,
                                      std::function<void(ToolSession&, const CoordinatorLookup&)> on_timeout) {
    CoordinatorWait w;
    w.groups = std::move(groups);
    w.on_ready = std::move(on_ready);
    w.on_timeout = std::move(on_timeout);
    w.deadline_ms = nowMs() + timeout_ms;
    m_coordinators = std::move(w);
    stepCoordinatorWait();
}

void ToolSession::waitForLeaders(std::vector<TopicPartition> partitions, std::string context, TimeMs timeout_ms,
                                 std::function<void(ToolSession&)> on_ready,
                                 std::function<void(ToolSession&, const CoordinatorLookup&)> on_timeout) {
    CoordinatorWait w;
    w.lookup = [this, partitions = std::move(partitions)]() -> std::optional<CoordinatorLookup> {
        const std::vector<BrokerInfo> brokers = m_backend.brokers();
        std::map<std::string, std::optional<TopicInfo>> topics;
        for (const TopicPartition& tp : partitions) {
            auto it = topics.find(tp.topic);
            if (it == topics.end()) it = topics.emplace(tp.topic, m_backend.describeTopic(tp.topic)).first;
            if (!it->second) continue;
            for (const PartitionInfo& p : it->second->partitions) {
                if (p.partition != tp.partition || p.leader < 0) continue;
                for (const BrokerInfo& b : brokers)
                    if (b.id == p.leader && b.listed && !b.alive)
                        return CoordinatorLookup{CoordinatorLookup::Kind::Unreachable, b};
            }
        }
        return std::nullopt;
    };
    w.context = std::move(context);
    w.unreachable_note = NoteId::LeaderUnreachable;
    w.on_ready = std::move(on_ready);
    w.on_timeout = std::move(on_timeout);
    w.deadline_ms = nowMs() + timeout_ms;
    m_coordinators = std::move(w);
    stepCoordinatorWait();
}

void ToolSession::waitForController(TimeMs timeout_ms, std::function<void(ToolSession&)> on_ready,
                                    std::function<void(ToolSession&)> on_timeout) {
    ControllerWait w;
    w.on_ready = std::move(on_ready);
    w.on_timeout = std::move(on_timeout);
    w.deadline_ms = nowMs() + timeout_ms;
    m_controller_wait = std::move(w);
    note(NoteId::NoActiveController);
    stepControllerWait();
}

bool ToolSession::stepControllerWait() {
    ControllerWait& w = *m_controller_wait;
    if (m_backend.controllerAvailable()) {
        auto ready = std::move(w.on_ready);
        m_controller_wait.reset();
        ready(*this);
        if (!finished()) finish(0);
        return true;
    }
    if (nowMs() < w.deadline_ms) return false;
    // The call fails; the client's metadata still names the dead brokers, and it tries them.
    std::string warnings;
    for (const BrokerInfo& b : m_backend.brokers())
        if (!b.alive)
            warnings += connectionFailedLine(nowMs(), "[AdminClient clientId=adminclient-1] ", b.id, brokerAddress(b));
    if (!warnings.empty()) err(warnings);
    auto timeout = std::move(w.on_timeout);
    m_controller_wait.reset();
    timeout(*this);
    if (!finished()) finish(0);
    return true;
}

bool ToolSession::stepCoordinatorWait() {
    CoordinatorWait& w = *m_coordinators;
    std::optional<CoordinatorLookup> blocked;
    if (w.lookup) {
        blocked = w.lookup();
    } else {
        for (const std::string& g : w.groups) {
            const CoordinatorLookup c = m_backend.findCoordinator(g);
            if (c.kind == CoordinatorLookup::Kind::Serving) continue;
            blocked = c;
            break;
        }
    }
    const TimeMs now = nowMs();
    if (!blocked) {
        auto ready = std::move(w.on_ready);
        m_coordinators.reset();
        ready(*this);
        // `ready` may start the next wait (the coordinators, then the partitions' leaders).
        if (!finished() && !m_coordinators) finish(0);
        return true;
    }
    if (!w.noted) {
        // Why the command waits: a coordinator on a broker that went down (fenced soon, then another
        // replica takes over), or no live broker leading the group's __consumer_offsets partition.
        note(blocked->kind == CoordinatorLookup::Kind::Unreachable ? w.unreachable_note : NoteId::GroupCoordinatorDown);
        w.noted = true;
    }
    if (blocked->kind == CoordinatorLookup::Kind::Unreachable) {
        if (!w.log || w.log_node != blocked->node.id) {
            w.log.emplace(ConnectionRetryLog::Client::Admin, w.context, blocked->node, now);
            w.log_node = blocked->node.id;
        }
        if (std::string lines = w.log->linesUntil(std::min(now, w.deadline_ms)); !lines.empty()) err(std::move(lines));
    }
    if (now >= w.deadline_ms) {
        auto timeout = std::move(w.on_timeout);
        m_coordinators.reset();
        timeout(*this, *blocked);
        if (!finished()) finish(0);
        return true;
    }
    return false;
}

void ToolSession::pump(TimeMs ms) {
    if (finished()) return;
    if (m_controller_wait) {
        if (ms <= 0) {
            stepControllerWait(); // the cluster's clock runs elsewhere (the app)
            return;
        }
        for (TimeMs left = ms; left > 0 && m_controller_wait;) {
            const TimeMs step =
                std::min<TimeMs>({left, 50, std::max<TimeMs>(1, m_controller_wait->deadline_ms - nowMs())});
            m_backend.advance(step);
            left -= step;
            if (stepControllerWait()) return;
        }
        return;
    }
    if (m_coordinators) {
        // pump(0): the cluster's clock runs elsewhere (the app); look at where it is now.
        if (ms <= 0) {
            stepCoordinatorWait();
            return;
        }
        // Small steps: the answer comes as soon as the coordinator serves again.
        for (TimeMs left = ms; left > 0 && m_coordinators;) {
            const TimeMs step = std::min<TimeMs>({left, 50, std::max<TimeMs>(1, m_coordinators->deadline_ms - nowMs())});
            m_backend.advance(step);
            left -= step;
            if (stepCoordinatorWait()) return;
        }
        return;
    }
    if (!m_retry) return;
    if (ms > 0) m_backend.advance(std::min(ms, std::max<TimeMs>(0, m_deadline_ms - nowMs())));
    const TimeMs now = std::min(nowMs(), m_deadline_ms);
    if (m_retry)
        if (std::string lines = m_retry->linesUntil(now); !lines.empty()) err(std::move(lines));
    if (nowMs() >= m_deadline_ms) {
        m_retry.reset();
        m_on_timeout(*this);
        if (!finished()) finish(0);
    }
}

void ToolSession::interrupt() {
    if (finished()) return;
    m_retry.reset();
    m_coordinators.reset();
    m_controller_wait.reset();
    finish(130); // Ctrl+C kills the JVM: nothing more is printed
}

} // namespace fluxolab::labs::cli
