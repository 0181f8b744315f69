#include "labs/rdkafka/compare_real.h"

#include "labs/rdkafka/rdkafka_backend.h"
#include "labs/shell/script_runner.h"
#include "labs/shell/shell_parser.h"
#include "labs/backend/sim_backend.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <charconv>
#include <ostream>
#include <regex>
#include <sstream>
#include <thread>
#include <iterator>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fluxolab::labs {

namespace {

/// The address the course's commands (and the project's scripts) use: the simulation's broker.
constexpr const char* kCourseBootstrap = "localhost:9092";

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
}

bool parseNumber(const std::string& s, std::uint64_t& v) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

std::string dirOf(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string fit(const std::string& s, std::size_t width) {
    std::string t = s;
    std::replace(t.begin(), t.end(), '\t', ' ');
    if (t.size() > width) return t.substr(0, width - 1) + "~";
    return t + std::string(width - t.size(), ' ');
}

std::string runScript(ClusterBackend& backend, const ParsedScript& parsed, const ScriptOptions& opts) {
    ScriptRunner runner(backend, opts);
    std::string transcript;
    runner.run(parsed, transcript);
    runner.stopAll(transcript);
    return transcript;
}

} // namespace

std::string maskTranscript(const std::string& text, const std::vector<std::string>& addresses) {
    static const std::regex date(R"(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\])");
    // Dropped, not masked: librdkafka 2.0 (Debian 12) gets no topic ids, so the real run's describe
    // has none to print.
    static const std::regex topicId(R"(TopicId: [A-Za-z0-9_-]{22}\t?)");
    static const std::regex uuid(R"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    static const std::regex clientHost(R"(/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b)");
    static const std::regex createTime(R"((CreateTime|LogAppendTime):\d+)");
    static const std::regex randomGroup(R"(console-consumer-\d+)");
    static const std::regex spaces(R"( {2,})");
    std::vector<std::string> lines;
    for (std::string line : splitLines(text)) {
        line = std::regex_replace(line, topicId, "");
        const std::string before = line;
        for (const auto& a : addresses) replaceAll(line, a, "<broker>");
        line = std::regex_replace(line, date, "[<date>]");
        line = std::regex_replace(line, uuid, "<uuid>");
        line = std::regex_replace(line, clientHost, "/<client-host>");
        line = std::regex_replace(line, createTime, "$1:<time>");
        line = std::regex_replace(line, randomGroup, "console-consumer-<n>");
        if (line != before) line = std::regex_replace(line, spaces, " ");
        lines.push_back(line);
    }
    // The rows of a consumer-group table with member columns follow the coordinator's member order,
    // which depends on random member ids on a real cluster: compare them as a set (sorted).
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind("GROUP ", 0) != 0 || lines[i].find("CONSUMER-ID") == std::string::npos) continue;
        std::size_t end = i + 1;
        while (end < lines.size() && !lines[end].empty() && lines[end].rfind("$ ", 0) != 0) ++end;
        std::sort(lines.begin() + static_cast<std::ptrdiff_t>(i + 1), lines.begin() + static_cast<std::ptrdiff_t>(end));
        i = end - 1;
    }
    // A console consumer's records (print.partition) of several partitions: Kafka orders records within
    // a partition only, and which partition's records a client gets first depends on its fetches
    // (librdkafka starts each partition's fetch on its own; CI once saw partition 2 before 0). Compare
    // each partition's records in order, the partitions in ascending order (a stable sort).
    auto partitionOf = [](const std::string& l) {
        std::uint64_t p = 0;
        const auto end = l.find_first_not_of("0123456789", 10);
        return parseNumber(l.substr(10, end == std::string::npos ? std::string::npos : end - 10), p) ? p : 0;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind("Partition:", 0) != 0) continue;
        std::size_t end = i + 1;
        while (end < lines.size() && lines[end].rfind("Partition:", 0) == 0) ++end;
        std::stable_sort(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](const std::string& a, const std::string& b) { return partitionOf(a) < partitionOf(b); });
        i = end - 1;
    }
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

std::vector<DiffLine> diffLines(const std::string& left, const std::string& right) {
    const auto a = splitLines(left), b = splitLines(right);
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<DiffLine> raw;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            raw.push_back({' ', a[i++], b[j++]});
        } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
            raw.push_back({'<', a[i++], ""});
        } else {
            raw.push_back({'>', "", b[j++]});
        }
    }
    // Pair a run of left-only lines with the following run of right-only lines: "changed".
    std::vector<DiffLine> out;
    for (std::size_t k = 0; k < raw.size();) {
        if (raw[k].mark != '<') {
            out.push_back(raw[k++]);
            continue;
        }
        std::size_t l = k;
        while (l < raw.size() && raw[l].mark == '<') ++l;
        std::size_t r = l;
        while (r < raw.size() && raw[r].mark == '>') ++r;
        const std::size_t lefts = l - k, rights = r - l;
        for (std::size_t x = 0; x < std::max(lefts, rights); ++x) {
            DiffLine d;
            if (x < lefts && x < rights) d = {'|', raw[k + x].left, raw[l + x].right};
            else if (x < lefts) d = {'<', raw[k + x].left, ""};
            else d = {'>', "", raw[l + x].right};
            out.push_back(d);
        }
        k = r;
    }
    return out;
}

std::string sideBySide(const std::vector<DiffLine>& lines, std::size_t width, const std::string& left_title,
                       const std::string& right_title) {
    std::string out = fit(left_title, width) + "   " + right_title + "\n";
    out += std::string(width, '=') + "   " + std::string(width, '=') + "\n";
    for (const auto& d : lines) {
        std::string row = fit(d.left, width) + " " + d.mark + " " + d.right;
        while (!row.empty() && row.back() == ' ') row.pop_back();
        out += row + "\n";
    }
    return out;
}

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

/// The value of `key="..."` in a sasl.jaas.config line (a view into it; empty when absent).
std::string_view jaasValue(std::string_view jaas, std::string_view key) {
    for (std::size_t at = jaas.find(key); at != std::string_view::npos; at = jaas.find(key, at + 1)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(jaas[at - 1])) || jaas[at - 1] == '.')) continue;
        std::size_t i = at + key.size();
        while (i < jaas.size() && (jaas[i] == ' ' || jaas[i] == '\t')) ++i;
        if (i >= jaas.size() || jaas[i] != '=') continue;
        ++i;
        while (i < jaas.size() && (jaas[i] == ' ' || jaas[i] == '\t')) ++i;
        if (i >= jaas.size() || jaas[i] != '"') continue;
        const std::size_t end = jaas.find('"', i + 1);
        if (end == std::string_view::npos) return {};
        return jaas.substr(i + 1, end - i - 1);
    }
    return {};
}

std::string_view trimmedView(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

} // namespace

/// --command-config FILE (as Kafka's tools take it): security.protocol, sasl.mechanism,
/// sasl.jaas.config (its username and password) or sasl.username/sasl.password, ssl.ca.location.
/// The file holds a password: it is read with read(2) into one buffer (no stream buffer keeps a
/// copy), parsed through views, the password copied into the SecretString only, and the buffer
/// overwritten before it is freed.
bool readCommandConfig(const std::string& file, RdKafkaConnection& c, std::string& error) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot read '" + file + "': " + std::strerror(errno); // as readInputFile says it
        return false;
    }
    struct stat st{};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        error = "'" + file + "' is a directory, not a file";
        return false;
    }
    // Read straight into the one buffer (no stack chunk that would keep a copy).
    std::string text(static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)) + 1024, '\0');
    std::size_t used = 0;
    for (;;) {
        if (used == text.size()) {
            // Grew while read: the old buffer is wiped before it goes.
            std::string bigger(2 * text.size(), '\0');
            std::memcpy(bigger.data(), text.data(), used);
            wipeSecret(text);
            text.swap(bigger);
        }
        const ssize_t n = ::read(fd, text.data() + used, text.size() - used);
        if (n <= 0) break;
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    const std::string_view all(text.data(), used);
    for (std::size_t pos = 0; pos <= all.size();) {
        std::size_t nl = all.find('\n', pos);
        if (nl == std::string_view::npos) nl = all.size();
        const std::string_view line = trimmedView(all.substr(pos, nl - pos));
        pos = nl + 1;
        if (line.empty() || line[0] == '#' || line[0] == '!') continue;
        const auto eq = line.find_first_of("=:");
        if (eq == std::string_view::npos) continue;
        const std::string_view key = trimmedView(line.substr(0, eq)), value = trimmedView(line.substr(eq + 1));
        if (key == "security.protocol") c.security_protocol = std::string(value);
        else if (key == "sasl.mechanism" || key == "sasl.mechanisms") c.sasl_mechanism = std::string(value);
        else if (key == "sasl.username") c.sasl_username = std::string(value);
        else if (key == "sasl.password") c.sasl_password.assign(value);
        else if (key == "ssl.ca.location") c.ssl_ca_location = std::string(value);
        else if (key == "sasl.jaas.config") {
            c.sasl_username = std::string(jaasValue(value, "username"));
            c.sasl_password.assign(jaasValue(value, "password"));
        }
    }
    wipeSecret(text);
    return true;
}

std::string compareProblemText(const CompareOutcome& r, const std::string& bootstrap) {
    using Status = CompareOutcome::Status;
    switch (r.status) {
    case Status::Done: return {};
    case Status::Cancelled: return "cancelled";
    case Status::BadScript:
        return r.script_problem == CompareOutcome::ScriptProblem::NoCommands ? "the script has no commands" : r.detail;
    case Status::Unreachable: break;
    }
    std::string why;
    switch (r.client) {
    case ClientError::Unreachable: why = "no broker accepted a connection"; break;
    case ClientError::TimedOut: why = "a connection was accepted but no Kafka answer came in time"; break;
    case ClientError::AuthenticationFailed: why = "wrong credentials (user, password or SASL mechanism)"; break;
    case ClientError::TlsFailed: why = "the TLS handshake or the certificate check failed"; break;
    case ClientError::BadConfiguration: why = "the client refused the connection settings"; break;
    case ClientError::None:
    case ClientError::Other: why = "client error"; break;
    }
    return "cannot reach a Kafka cluster at " + bootstrap + ": " + why + " (" + clientErrorName(r.client) +
           (r.detail.empty() ? "" : ": " + r.detail) + ")";
}

int cmdCompareReal(const Args& args, CliStreams io) {
    std::string file, configFile;
    RdKafkaConnection conn;
    conn.bootstrap_servers.clear();
    conn.client_id = "fluxolab-compare";
    CompareOptions options;
    std::uint64_t seed = 1, width = 78, think = 5000;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (a == "--bootstrap-server") {
            const std::string* v = value();
            if (!v || v->empty() || v->find(':') == std::string::npos) {
                io.err << "compare-real: --bootstrap-server needs HOST:PORT\n";
                return 2;
            }
            conn.bootstrap_servers = *v;
        } else if (a == "--command-config") {
            const std::string* v = value();
            if (!v || v->empty()) {
                io.err << "compare-real: --command-config needs a properties file\n";
                return 2;
            }
            configFile = *v;
        } else if (a == "--seed") {
            const std::string* v = value();
            if (!v || !parseNumber(*v, seed)) {
                io.err << "compare-real: --seed needs a whole number\n";
                return 2;
            }
        } else if (a == "--think-ms") {
            const std::string* v = value();
            if (!v || !parseNumber(*v, think) || think > 600000) {
                io.err << "compare-real: --think-ms needs a number of milliseconds from 0 to 600000\n";
                return 2;
            }
        } else if (a == "--width") {
            const std::string* v = value();
            if (!v || !parseNumber(*v, width) || width < 20 || width > 400) {
                io.err << "compare-real: --width needs a number from 20 to 400\n";
                return 2;
            }
        } else if (a == "--clean") {
            options.clean = true;
        } else if (a == "--empty-first") {
            options.empty_first = true;
        } else if (a.rfind("--", 0) == 0) {
            io.err << "compare-real: unknown option '" << a << "'\n";
            return 2;
        } else if (file.empty()) {
            file = a;
        } else {
            io.err << "compare-real: only one SCRIPT may be given\n";
            return 2;
        }
    }
    if (file.empty() || conn.bootstrap_servers.empty()) {
        io.err << "usage: fluxolab-cli compare-real SCRIPT --bootstrap-server HOST:PORT [--command-config FILE]\n"
                  "                                 [--seed S] [--think-ms MS] [--width N] [--empty-first] [--clean]\n";
        return 2;
    }
    std::string text, error;
    if (!configFile.empty() && !readCommandConfig(configFile, conn, error)) {
        io.err << "compare-real: " << error << "\n";
        return 2;
    }
    // A password is held from now on: no core dump, no ptrace by other processes (secret.h).
    if (!conn.sasl_password.empty()) keepSecretsOutOfCoreDumps();
    if (!readInputFile(file, text, error)) {
        io.err << "compare-real: " << error << "\n";
        return 2;
    }
    options.seed = seed;
    options.think_ms = static_cast<std::int64_t>(think);
    const std::string& bootstrap = conn.bootstrap_servers;
    const CompareOutcome r = compareReal(text, dirOf(file), conn, options);
    if (r.status != CompareOutcome::Status::Done) {
        io.err << "compare-real: ";
        if (r.status == CompareOutcome::Status::BadScript)
            io.err << file << ":" << (r.error_line > 0 ? std::to_string(r.error_line) + ":" : std::string()) << " ";
        io.err << compareProblemText(r, bootstrap) << "\n";
        return 2;
    }
    if (r.cluster_not_empty)
        io.err << "compare-real: warning: the cluster at " << bootstrap
               << " already has topics or groups; the simulation starts empty (--empty-first deletes them first)\n";
    io.out << sideBySide(r.diff, static_cast<std::size_t>(width), "simulation",
                         "real cluster " + bootstrap + " (librdkafka " + rdkafkaVersion() + ")");
    if (options.clean) {
        io.out << "\ncompare-real: --clean: deleted " << r.deleted_topics.size() << " topic(s)"
               << (r.deleted_topics.empty() ? "" : " (" + joined(r.deleted_topics) + ")") << " and "
               << r.deleted_groups.size() << " group(s)"
               << (r.deleted_groups.empty() ? "" : " (" + joined(r.deleted_groups) + ")")
               << " the script created on the cluster\n";
        if (!r.not_deleted_topics.empty())
            io.err << "compare-real: --clean could not delete the topic(s) " << joined(r.not_deleted_topics) << "\n";
        if (!r.not_deleted_groups.empty())
            io.err << "compare-real: --clean could not delete the group(s) " << joined(r.not_deleted_groups) << "\n";
    }
    if (r.differing == 0) {
        io.out << "\ncompare-real: the outputs are the same (after masking ids, hosts and times)\n";
        return 0;
    }
    io.out << "\ncompare-real: " << r.differing << " line(s) differ (marked | < >)\n";
    return 1;
}

namespace {
std::vector<std::string> sortedDifference(std::vector<std::string> after, std::vector<std::string> before) {
    std::sort(after.begin(), after.end());
    std::sort(before.begin(), before.end());
    std::vector<std::string> out;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(out));
    return out;
}
} // namespace

CompareOutcome compareReal(const std::string& text, const std::string& base_dir, const RdKafkaConnection& connection,
                           const CompareOptions& options) {
    CompareOutcome r;
    const std::atomic<bool>* cancel = options.cancel;
    auto cancelled = [&] {
        if (cancel && cancel->load()) {
            r.status = CompareOutcome::Status::Cancelled;
            return true;
        }
        return false;
    };
    const ParsedScript parsed = parseScript(text);
    if (parsed.error) {
        r.status = CompareOutcome::Status::BadScript;
        r.script_problem = CompareOutcome::ScriptProblem::Syntax;
        r.error_line = parsed.error->line;
        r.detail = parsed.error->message;
        return r;
    }
    if (parsed.commands.empty()) {
        r.status = CompareOutcome::Status::BadScript;
        r.script_problem = CompareOutcome::ScriptProblem::NoCommands;
        return r;
    }
    if (cancelled()) return r;

    RdKafkaConnection conn = connection;
    conn.abort = cancel;
    const std::string bootstrap = conn.bootstrap_servers;
    const ProbeResult probe = RdKafkaBackend::probeConnection(conn, options.probe_timeout_ms);
    if (!probe.reached()) {
        r.status = CompareOutcome::Status::Unreachable;
        r.client = probe.status == ClientError::None ? ClientError::Other : probe.status;
        r.detail = probe.detail;
        return r;
    }
    if (cancelled()) return r;
    // One client for the whole job; it is closed (its consumers leave their groups) when the job
    // returns, also when it was cancelled, and its producers and consumers before the clean.
    RdKafkaBackend real(conn);
    if (options.empty_first) {
        for (const auto& g : real.listGroups()) real.deleteGroup(g);
        for (const auto& t : real.listTopics(false)) real.deleteTopic(t);
    }
    const std::vector<std::string> topicsBefore = real.listTopics(false), groupsBefore = real.listGroups();
    r.cluster_not_empty = !options.empty_first && (!topicsBefore.empty() || !groupsBefore.empty());
    if (cancelled()) return r;

    ScriptOptions opts;
    opts.base_dir = base_dir;
    opts.think_ms = static_cast<TimeMs>(options.think_ms);
    opts.cancel = cancel;
    SimBackend sim(options.seed, 1);
    // Commands typed in real mode name the real cluster's address: on the simulation they talk to
    // the course's broker.
    std::string simText = text;
    if (bootstrap != kCourseBootstrap) replaceAll(simText, bootstrap, kCourseBootstrap);
    const std::string simOut = runScript(sim, simText == text ? parsed : parseScript(simText), opts);
    if (cancelled()) return r;

    // The script addresses the course's broker; on the real run it talks to `bootstrap`.
    std::string realText = text;
    if (bootstrap != kCourseBootstrap) replaceAll(realText, kCourseBootstrap, bootstrap);
    const ParsedScript realParsed = parseScript(realText);
    const std::string realOut = runScript(real, realParsed, opts);
    if (cancelled()) return r;

    // What the script itself created: its own successful creates, not whatever appeared meanwhile
    // (another client's topic or group is never the script's), and only what is still there.
    const auto still = [](std::vector<std::string> made, std::vector<std::string> now) {
        std::sort(now.begin(), now.end());
        std::vector<std::string> out;
        std::set_intersection(made.begin(), made.end(), now.begin(), now.end(), std::back_inserter(out));
        return out;
    };
    // The script's clients are closed first: one still open could ask for a deleted topic's metadata
    // and make the broker create it again (seen in a CI run: the topic listed gone, then back).
    if (options.clean) real.closeClients();
    r.created_topics = still(real.topicsCreatedHere(), real.listTopics(false));
    r.created_groups = still(sortedDifference(real.groupsUsedHere(), groupsBefore), real.listGroups());
    if (options.clean) {
        for (const auto& g : r.created_groups) {
            // The script's consumers have left; a group whose last member's leave is still being
            // processed is not empty yet for a moment.
            BackendResult d = real.deleteGroup(g);
            for (int i = 0; i < 50 && d.error == ErrorCode::NON_EMPTY_GROUP && !cancelled(); ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                d = real.deleteGroup(g);
            }
            if (d.ok()) r.deleted_groups.push_back(g);
            else r.not_deleted_groups.push_back(g);
        }
        for (const auto& t : r.created_topics) {
            if (real.deleteTopic(t).ok()) r.deleted_topics.push_back(t);
            else r.not_deleted_topics.push_back(t);
        }
        // The controller acknowledges a deletion once it is committed; the brokers' metadata drops
        // the topic a moment later. Report the cluster clean only once a listing no longer shows
        // them, so that running the script again right away does not find its topics still there.
        // (A listing that failed, a slow broker's timeout, says nothing: only a listing that answered
        // without them ends the wait.)
        // Then a second listing, half a second later, must agree: a topic back by then (created again
        // on demand) is deleted again, twice at most.
        for (int round = 0; round < 3 && !r.deleted_topics.empty() && !cancelled(); ++round) {
            for (int i = 0; i < 100 && !cancelled(); ++i) {
                const auto now = real.listTopics(false);
                if (real.lastClientError() == ClientError::None && still(r.deleted_topics, now).empty())
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            const auto later = real.listTopics(false);
            if (real.lastClientError() != ClientError::None) continue;
            const auto back = still(r.deleted_topics, later);
            if (back.empty()) break;
            for (const auto& t : back) real.deleteTopic(t);
        }
    }

    std::vector<std::string> addresses{bootstrap, kCourseBootstrap};
    for (const auto& b : real.brokers()) addresses.push_back(b.host + ":" + std::to_string(b.port));
    for (const auto& b : sim.brokers()) addresses.push_back(b.host + ":" + std::to_string(b.port));
    r.simulation = maskTranscript(simOut, addresses);
    r.real = maskTranscript(realOut, addresses);
    r.diff = diffLines(r.simulation, r.real);
    r.differing = static_cast<std::size_t>(
        std::count_if(r.diff.begin(), r.diff.end(), [](const DiffLine& d) { return d.mark != ' '; }));
    return r;
}

} // namespace fluxolab::labs
