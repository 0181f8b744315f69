#include "labs/rdkafka/compare_real.h"

#include "labs/rdkafka/rdkafka_backend.h"
#include "labs/shell/script_runner.h"
#include "labs/shell/shell_parser.h"
#include "labs/backend/sim_backend.h"

#include <algorithm>
#include <charconv>
#include <ostream>
#include <regex>
#include <sstream>

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

int cmdCompareReal(const Args& args, CliStreams io) {
    std::string file, bootstrap;
    std::uint64_t seed = 1, width = 78, think = 5000;
    bool clean = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (a == "--bootstrap-server") {
            const std::string* v = value();
            if (!v || v->empty() || v->find(':') == std::string::npos) {
                io.err << "compare-real: --bootstrap-server needs HOST:PORT\n";
                return 2;
            }
            bootstrap = *v;
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
            clean = true;
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
    if (file.empty() || bootstrap.empty()) {
        io.err << "usage: fluxolab-cli compare-real SCRIPT --bootstrap-server HOST:PORT [--seed S] [--think-ms MS]\n"
                  "                                 [--width N] [--clean]\n";
        return 2;
    }
    std::string text, error;
    if (!readInputFile(file, text, error)) {
        io.err << "compare-real: " << error << "\n";
        return 2;
    }
    const CompareOutcome r = compareReal(text, dirOf(file), bootstrap, seed, static_cast<std::int64_t>(think), clean);
    if (r.status != CompareOutcome::Status::Done) {
        io.err << "compare-real: ";
        if (r.status == CompareOutcome::Status::BadScript)
            io.err << file << ":" << (r.error_line > 0 ? std::to_string(r.error_line) + ":" : std::string()) << " ";
        io.err << r.error << "\n";
        return 2;
    }
    if (!r.warning.empty()) io.err << "compare-real: warning: " << r.warning << "\n";
    io.out << sideBySide(r.diff, static_cast<std::size_t>(width), "simulation",
                         "real cluster " + bootstrap + " (librdkafka " + rdkafkaVersion() + ")");
    if (r.differing == 0) {
        io.out << "\ncompare-real: the outputs are the same (after masking ids, hosts and times)\n";
        return 0;
    }
    io.out << "\ncompare-real: " << r.differing << " line(s) differ (marked | < >)\n";
    return 1;
}

CompareOutcome compareReal(const std::string& text, const std::string& base_dir, const std::string& bootstrap,
                           std::uint64_t seed, std::int64_t think_ms, bool clean, const std::atomic<bool>* cancel,
                           int probe_timeout_ms) {
    CompareOutcome r;
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
        r.error_line = parsed.error->line;
        r.error = parsed.error->message;
        return r;
    }
    if (parsed.commands.empty()) {
        r.status = CompareOutcome::Status::BadScript;
        r.error = "the script has no commands";
        return r;
    }
    if (cancelled()) return r;

    RdKafkaConnection conn;
    conn.bootstrap_servers = bootstrap;
    conn.client_id = "fluxolab-compare";
    const ProbeResult probe = RdKafkaBackend::probeConnection(conn, probe_timeout_ms);
    if (!probe.reached()) {
        r.status = CompareOutcome::Status::Unreachable;
        r.error = "cannot reach a Kafka cluster at " + bootstrap + " (" + clientErrorName(probe.status) +
                  (probe.detail.empty() ? "" : ": " + probe.detail) + ")";
        return r;
    }
    if (cancelled()) return r;
    RdKafkaBackend real(conn);
    if (clean) {
        // Opt-in: start from an empty cluster as the simulation does.
        for (const auto& g : real.listGroups()) real.deleteGroup(g);
        for (const auto& t : real.listTopics(false)) real.deleteTopic(t);
    } else if (!real.listTopics(false).empty() || !real.listGroups().empty()) {
        r.warning = "the cluster at " + bootstrap +
                    " already has topics or groups; the simulation starts empty (use --clean to delete them first)";
    }

    ScriptOptions opts;
    opts.base_dir = base_dir;
    opts.think_ms = static_cast<TimeMs>(think_ms);
    SimBackend sim(seed, 1);
    const std::string simOut = runScript(sim, parsed, opts);
    if (cancelled()) return r;

    // The script addresses the course's broker; on the real run it talks to `bootstrap`.
    std::string realText = text;
    if (bootstrap != kCourseBootstrap) replaceAll(realText, kCourseBootstrap, bootstrap);
    const ParsedScript realParsed = parseScript(realText);
    const std::string realOut = runScript(real, realParsed, opts);

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
