// kafka-consumer-groups.sh (org.apache.kafka.tools.consumer.group.ConsumerGroupCommand and
// org.apache.kafka.tools.OffsetsUtils, Kafka 4.3.1).
//
// Where the tool iterates a java.util.HashMap the output follows that map's order (see
// javaHashMapOrder); where it iterates a Set.of(...) the real order changes from one run to the
// next, and one of the possible orders is used.

#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/java_traces.h"
#include "sim/hash.h"
#include "sim/kafka_errors.h"
#include "sim/lag.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <variant>

namespace fluxolab::labs::cli {

namespace {

const ToolSpec& groupsTool() { return *findToolSpec("kafka-consumer-groups"); }

/// An exception as printStackTrace() shows it where its frames are not in the table of traces
/// (java_traces.h): its toString(), then one "Caused by: ..." line per cause.
std::string stackTrace(std::initializer_list<std::string> chain) {
    std::string text;
    bool first = true;
    for (const std::string& e : chain) {
        text += (first ? "" : "Caused by: ") + e + "\n";
        first = false;
    }
    return text;
}

/// ConsumerGroupCommand.printError: "\nError: <msg>" on stdout, then the stack trace on stderr.
void printError(ToolSession& s, const std::string& msg, const std::string& trace = {}) {
    s.out("\nError: " + msg + "\n");
    if (!trace.empty()) s.err(trace);
}

const char* kTimeoutClass = "org.apache.kafka.common.errors.TimeoutException";
const char* kExecutionClass = "java.util.concurrent.ExecutionException";
const char* kRuntimeClass = "java.lang.RuntimeException";

/// The names once each, first occurrence first (the tool puts them in maps and sets).
std::vector<std::string> withoutRepeats(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const auto& n : names)
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return out;
}

/// The groups in the order `kafka-consumer-groups --list` prints them. The admin client merges
/// the ListGroups answers into a HashMap<String, GroupListing>, so the order is that map's; groups
/// in the same bucket keep the order the coordinator answered in: shard by shard (the
/// __consumer_offsets partitions, in its ConcurrentHashMap's order).
std::vector<std::string> listGroupsInKafkaOrder(const ClusterBackend& backend) {
    std::vector<std::string> groups = backend.listGroups();
    // ListGroups goes to every live broker, and each lists the groups it coordinates: a group whose
    // __consumer_offsets partition has no live leader is listed by none
    // (tests/labs/golden/real/coordinator-down-2.txt).
    std::erase_if(groups, [&](const std::string& g) {
        return backend.findCoordinator(g).kind == CoordinatorLookup::Kind::NotAvailable;
    });
    std::int32_t offsetsPartitions = 50;
    if (const auto t = backend.describeTopic("__consumer_offsets"); t && !t->partitions.empty())
        offsetsPartitions = static_cast<std::int32_t>(t->partitions.size());
    auto shardSlot = [&](const std::string& g) {
        const std::int32_t h = sim::javaStringHashCode(g);
        const std::int32_t partition = (h == INT32_MIN ? 0 : (h < 0 ? -h : h)) % offsetsPartitions;
        const auto th = static_cast<std::uint32_t>(javaTopicPartitionHash({"__consumer_offsets", partition}));
        std::uint32_t table = 16; // ConcurrentHashMap: doubles when 3/4 full
        while (static_cast<std::uint32_t>(offsetsPartitions) >= table - table / 4) table <<= 1;
        return ((th ^ (th >> 16)) & 0x7fffffffu) & (table - 1);
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const std::string& a, const std::string& b) { return shardSlot(a) < shardSlot(b); });
    return stringsInHashMapOrder(std::move(groups));
}

struct OffsetRow {
    std::string group, topic, partition, epoch, offset, leo, lag, consumer, host, client;
};

/// ConsumerGroupCommand.shouldPrintMemberState for a group that exists.
bool shouldPrintMemberState(ToolSession& s, const GroupInfo& g, std::size_t rows) {
    if (g.state == GroupState::Empty) {
        s.err("\nConsumer group '" + g.id + "' has no active members.\n");
        s.note(NoteId::GroupNoActiveMembers);
    } else if (g.state != GroupState::Stable) {
        s.err("\nWarning: Consumer group '" + g.id + "' is rebalancing.\n");
        s.note(NoteId::GroupRebalancing);
    }
    return rows > 0;
}

/// Rows of one owner's partitions, sorted by topic and partition (describePartitions).
void addOwnerRows(std::vector<OffsetRow>& rows, const ClusterBackend& backend, const GroupInfo& g,
                  std::vector<TopicPartition> tps, const std::string& consumer, const std::string& host,
                  const std::string& client) {
    std::sort(tps.begin(), tps.end());
    for (const TopicPartition& tp : tps) {
        OffsetRow r{g.id, tp.topic, std::to_string(tp.partition), "-", "-", "-", "-", consumer, host, client};
        const auto info = backend.describeTopic(tp.topic);
        sim::BrokerId leader = -1;
        if (info)
            for (const auto& p : info->partitions)
                if (p.partition == tp.partition) leader = p.leader;
        auto c = g.committed.find(tp);
        if (c != g.committed.end()) r.offset = std::to_string(c->second);
        if (auto e = g.committed_epoch.find(tp); c != g.committed.end() && e != g.committed_epoch.end()) r.epoch = std::to_string(e->second);
        if (const auto leo = sim::lagEndOffset(leader, leader >= 0 ? backend.latestOffset(tp) : 0)) {
            r.leo = std::to_string(*leo);
            const auto committed = c != g.committed.end() ? std::optional<Offset>(c->second) : std::nullopt;
            if (const auto lag = sim::consumerLag(committed, leo)) r.lag = std::to_string(*lag);
        }
        rows.push_back(std::move(r));
    }
}

void describeOffsets(ToolSession& s, const ClusterBackend& backend, const GroupInfo& g, bool verbose) {
    std::vector<OffsetRow> rows;
    std::vector<const MemberInfo*> members;
    for (const auto& m : g.members)
        if (!m.assignment.empty()) members.push_back(&m);
    std::stable_sort(members.begin(), members.end(),
                     [](const MemberInfo* a, const MemberInfo* b) { return a->assignment.size() > b->assignment.size(); });
    std::set<TopicPartition> assigned;
    for (const MemberInfo* m : members) {
        addOwnerRows(rows, backend, g, m->assignment, m->member_id, m->host, m->client_id);
        assigned.insert(m->assignment.begin(), m->assignment.end());
    }
    std::vector<TopicPartition> unassigned;
    for (const auto& [tp, off] : g.committed)
        if (!assigned.count(tp)) unassigned.push_back(tp);
    if (!unassigned.empty()) addOwnerRows(rows, backend, g, unassigned, "-", "-", "-");
    if (!shouldPrintMemberState(s, g, rows.size())) return;
    std::size_t wg = 15, wt = 15, wc = 15, wh = 15;
    for (const auto& r : rows) {
        wg = std::max(wg, r.group.size());
        wt = std::max(wt, r.topic.size());
        wc = std::max(wc, r.consumer.size());
        wh = std::max(wh, r.host.size());
    }
    auto line = [&](const OffsetRow& r) {
        return "\n" + padRight(r.group, wg) + " " + padRight(r.topic, wt) + " " + padRight(r.partition, 10) + " " +
               (verbose ? padRight(r.epoch, 15) + " " : std::string()) + padRight(r.offset, 15) + " " +
               padRight(r.leo, 15) + " " + padRight(r.lag, 15) + " " + padRight(r.consumer, wc) + " " +
               padRight(r.host, wh) + " " + r.client;
    };
    std::string text = line(OffsetRow{"GROUP", "TOPIC", "PARTITION", "LEADER-EPOCH", "CURRENT-OFFSET", "LOG-END-OFFSET",
                                      "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"});
    for (const auto& r : rows) text += line(r);
    s.out(text + "\n");
}

/// "topic:0,1;other:2" (ConsumerGroupCommand.getAssignmentString).
std::string assignmentString(const std::vector<TopicPartition>& assignment) {
    std::map<std::string, std::vector<std::int32_t>> byTopic;
    for (const auto& tp : assignment) byTopic[tp.topic].push_back(tp.partition);
    std::vector<std::string> parts;
    for (auto& [t, ps] : byTopic) {
        std::sort(ps.begin(), ps.end());
        parts.push_back(t + ":" + joinInts(ps));
    }
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ";" : "") + parts[i];
    return out;
}

void describeMembers(ToolSession& s, const GroupInfo& g, bool verbose) {
    std::size_t wg = 15, wc = 15, wh = 15, wcl = 15, wca = 20;
    const std::size_t wta = 20;
    if (shouldPrintMemberState(s, g, g.members.size())) {
        for (const auto& m : g.members) {
            wg = std::max(wg, g.id.size());
            wc = std::max(wc, m.member_id.size());
            wh = std::max(wh, m.host.size());
            wcl = std::max(wcl, m.client_id.size());
            wca = std::max(wca, m.assignment.empty() ? std::size_t{1} : assignmentString(m.assignment).size());
        }
    }
    auto fmt = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                   const std::string& e) {
        return padRight(a, wg) + " " + padRight(b, wc) + " " + padRight(c, wh) + " " + padRight(d, wcl) + " " +
               padRight(e, 15) + " ";
    };
    // Classic members have no epochs and no target assignment: "-".
    auto extra = [&](const std::string& epoch, const std::string& current, const std::string& targetEpoch,
                     const std::string& target) {
        return padRight(epoch, 15) + " " + padRight(current, wca) + " " + padRight(targetEpoch, 15) + " " +
               padRight(target, wta);
    };
    std::string text = "\n" + fmt("GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS");
    if (verbose) text += extra("CURRENT-EPOCH", "CURRENT-ASSIGNMENT", "TARGET-EPOCH", "TARGET-ASSIGNMENT");
    text += "\n";
    for (const auto& m : g.members) {
        text += fmt(g.id, m.member_id, m.host, m.client_id, std::to_string(m.assignment.size()));
        if (verbose) text += extra("-", m.assignment.empty() ? "-" : assignmentString(m.assignment), "-", "-");
        text += "\n";
    }
    s.out(text);
}

void describeState(ToolSession& s, const GroupInfo& g, bool verbose) {
    if (!shouldPrintMemberState(s, g, 1)) return;
    const std::string coordinator =
        g.coordinator.host + ":" + std::to_string(g.coordinator.port) + "  (" + std::to_string(g.coordinator.id) + ")";
    const std::size_t wc = std::max<std::size_t>(25, coordinator.size());
    const std::size_t wg = std::max<std::size_t>(15, g.id.size());
    auto line = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                    const std::string& e, const std::string& f, const std::string& n) {
        return "\n" + padRight(a, wg) + " " + padRight(b, wc) + " " + padRight(c, 20) + " " + padRight(d, 20) + " " +
               (verbose ? padRight(e, 15) + " " + padRight(f, 25) + " " : std::string()) + n;
    };
    s.out(line("GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "GROUP-EPOCH", "TARGET-ASSIGNMENT-EPOCH",
               "#MEMBERS") +
          line(g.id, coordinator, g.protocol.empty() ? "-" : g.protocol, groupStateName(g.state), "-", "-",
               std::to_string(g.members.size())) +
          "\n");
}

/// Utils.getDateTime: yyyy-MM-ddTHH:mm:ss.SSS with an optional Z / ±hh:mm / ±hh (UTC when
/// absent). On failure, the ParseException's message.
std::variant<TimeMs, std::string> parseDateTime(std::string s) {
    if (splitOn(s, 'T').size() < 2 || s.find('T') + 1 == s.size())
        return std::string("Error parsing timestamp. It does not contain a 'T' according to ISO8601 format");
    const std::string time = s.substr(s.find('T') + 1);
    if (time.find_first_of("+-Z") == std::string::npos) s += "Z";
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0, used = 0;
    const std::string unparseable = "Unparseable date: \"" + s + "\"";
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d%n", &y, &mo, &d, &h, &mi, &sec, &ms, &used) < 7 ||
        mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59)
        return unparseable;
    const std::string tz = s.substr(static_cast<std::size_t>(used));
    std::int64_t offsetMin = 0;
    if (tz != "Z") {
        int th = 0, tm = 0, n = 0;
        const bool hm = std::sscanf(tz.c_str(), "%*[+-]%2d:%2d%n", &th, &tm, &n) == 2 && static_cast<std::size_t>(n) == tz.size();
        const bool hOnly = !hm && std::sscanf(tz.c_str(), "%*[+-]%2d%n", &th, &n) == 1 && static_cast<std::size_t>(n) == tz.size();
        if (tz.size() < 3 || (!hm && !hOnly)) return unparseable;
        offsetMin = (tz[0] == '-' ? -1 : 1) * (th * 60 + tm);
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

/// java.time.Duration.parse: [-+]P[nD][T[nH][nM][n[.fraction]S]], letters in either case, each
/// number with an optional sign. Nanoseconds; nullopt where Java throws DateTimeParseException.
std::optional<std::int64_t> parseJavaDuration(const std::string& text) {
    std::size_t i = 0;
    auto upper = [&](std::size_t k) { return k < text.size() ? static_cast<char>(std::toupper(static_cast<unsigned char>(text[k]))) : '\0'; };
    bool negate = false;
    if (upper(i) == '-' || upper(i) == '+') negate = text[i++] == '-';
    if (upper(i++) != 'P') return std::nullopt;
    constexpr std::int64_t kSecond = 1000000000;
    std::int64_t total = 0;
    bool any = false, inTime = false;
    std::string seen;
    while (i < text.size()) {
        if (upper(i) == 'T') {
            if (inTime || i + 1 >= text.size()) return std::nullopt;
            inTime = true;
            ++i;
            continue;
        }
        std::size_t j = i;
        if (text[j] == '-' || text[j] == '+') ++j;
        const std::size_t digits = j;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        if (j == digits) return std::nullopt;
        const auto whole = parseLong(text.substr(i, j - i));
        if (!whole) return std::nullopt;
        std::int64_t fraction = 0;
        if (j < text.size() && (text[j] == '.' || text[j] == ',')) {
            std::size_t k = j + 1;
            std::string f;
            while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) f += text[k++];
            if (f.empty() || f.size() > 9 || upper(k) != 'S') return std::nullopt;
            f.resize(9, '0');
            fraction = *parseLong(f) * (text[i] == '-' ? -1 : 1);
            j = k;
        }
        const char unit = upper(j);
        const std::string order = inTime ? "HMS" : "D";
        const auto pos = order.find(unit);
        if (pos == std::string::npos || (!seen.empty() && order.find(seen.back()) >= pos && seen.back() != 'D'))
            return std::nullopt;
        const std::int64_t scale = unit == 'D' ? 86400 * kSecond : unit == 'H' ? 3600 * kSecond
                                 : unit == 'M' ? 60 * kSecond : kSecond;
        std::int64_t part = 0;
        if (__builtin_mul_overflow(*whole, scale, &part) || __builtin_add_overflow(part, fraction, &part) ||
            __builtin_add_overflow(total, part, &total))
            return std::nullopt; // ArithmeticException in Java, reported the same way

        seen += unit;
        any = true;
        i = j + 1;
    }
    if (!any) return std::nullopt;
    return negate ? -total : total;
}

/// Where the emulation keeps its working state while running one command.
struct GroupsRun {
    ToolSession& s;
    ClusterBackend& backend;
    const Options& o;
    const std::string& work_dir;
};

// ---------------------------------------------------------------------------------------------
// --reset-offsets

/// A Throwable that ends the command: run() prints "Executing consumer group command failed due
/// to <message>" and its stack trace; or an IllegalArgumentException, printed as a usage error.
struct CommandFailure {
    CommandFailure(std::string message_, std::string trace_ = {}, bool usage_ = false, std::optional<NoteId> note_ = {})
        : message(std::move(message_)), trace(std::move(trace_)), usage(usage_), note(note_) {}
    std::string message;
    std::string trace;
    bool usage;
    std::optional<NoteId> note;
};

using OffsetPlan = std::map<TopicPartition, Offset>;

/// OffsetsUtils.checkOffsetsRange: clamps to [log start, high watermark] with a WARN per change.
OffsetPlan checkOffsetsRange(GroupsRun& r, const OffsetPlan& requested) {
    OffsetPlan out;
    std::vector<TopicPartition> keys;
    for (const auto& [tp, off] : requested) keys.push_back(tp);
    for (const TopicPartition& tp : partitionsInHashMapOrder(keys)) {
        const Offset want = requested.at(tp);
        const Offset hi = r.backend.latestOffset(tp), lo = r.backend.earliestOffset(tp);
        Offset got = want;
        std::string which;
        if (want > hi) got = hi, which = "higher than latest";
        else if (want < lo) got = lo, which = "lower than earliest";
        if (!which.empty())
            r.s.err(formatLogDate(r.s.nowMs()) + " WARN New offset (" + std::to_string(want) + ") is " + which +
                    " offset for topic partition " + tp.str() + ". Value will be set to " + std::to_string(got) +
                    " (org.apache.kafka.tools.OffsetsUtils)\n");
        out[tp] = got;
    }
    return out;
}

/// OffsetsUtils.getLogTimestampOffsets: the first offset at or after `ts`, else (with a warning)
/// the high watermark.
OffsetPlan offsetsForTimestamp(GroupsRun& r, const std::vector<TopicPartition>& tps, TimeMs ts) {
    OffsetPlan out;
    std::vector<TopicPartition> empty;
    for (const auto& tp : tps) {
        if (const auto off = r.backend.offsetForTimestamp(tp, ts)) out[tp] = *off;
        else empty.push_back(tp);
    }
    for (const TopicPartition& tp : partitionsInHashMapOrder(empty)) {
        r.s.out("\nWarn: Partition " + std::to_string(tp.partition) + " from topic " + tp.topic +
                " is empty. Falling back to latest known offset.\n");
        out[tp] = r.backend.latestOffset(tp);
    }
    return out;
}

/// OffsetsUtils.parseTopicsWithPartitions ("topic:0,1,2").
std::vector<TopicPartition> parseTopicWithPartitions(const std::string& arg) {
    std::vector<std::string> parts = splitOn(arg, ':');
    while (!parts.empty() && parts.back().empty()) parts.pop_back(); // String.split drops trailing empties
    if (parts.size() != 2)
        throw CommandFailure{"Invalid topic arg '" + arg + "', expected topic name and partitions", {}, true};
    std::vector<TopicPartition> out;
    for (const std::string& p : splitOn(parts[1], ',')) {
        const auto n = parseInt(p);
        if (!n) throw CommandFailure{"Invalid partition '" + p + "' specified in topic arg '" + arg + "''", {}, true};
        out.push_back({parts[0], *n});
    }
    return out;
}

const std::string kUnknownTopic(sim::errorDefaultMessage(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION));
const char* kUnknownTopicClass = "org.apache.kafka.common.errors.UnknownTopicOrPartitionException";

/// The reset plan of a --from-file CSV, by group (OffsetsUtils.parseResetPlan). Prints what the
/// tool prints while reading it (the stack trace of its first-line format probe, if it fails).
/// `secondRead`: prepareOffsetsToReset reads the file twice; `emptyGroup`: the group is Empty, not Dead
/// (both change the trace's frames).
std::map<std::string, OffsetPlan> readResetPlan(GroupsRun& r, bool secondRead, bool emptyGroup) {
    const std::string path = r.o.value("from-file");
    const std::string full = r.work_dir.empty() || (!path.empty() && path[0] == '/') ? path : r.work_dir + "/" + path;
    std::ifstream f(full, std::ios::binary);
    if (!f) {
        const std::string io = "java.io.IOException: Unable to read file " + path;
        throw CommandFailure{io,
                             javaStackTrace(JavaTrace::GroupResetFileMissing,
                                            {std::string(kRuntimeClass) + ": " + io, io, "java.nio.file.NoSuchFileException: " + path}),
                             false, NoteId::ResetPlanFileMissing};
    }
    std::stringstream ss;
    ss << f.rdbuf();
    std::vector<std::string> lines = splitOn(ss.str(), '\n');
    while (lines.size() > 1 && lines.back().empty()) lines.pop_back();
    const bool singleGroup = r.o.all("group").size() == 1;

    // Jackson's CSV reader: columns by position; a missing column keeps the field's default (0);
    // a number column that is not a number fails.
    struct Parsed {
        std::vector<std::string> cols;
        std::string error;       ///< Jackson's message, empty if the line maps
        bool long_value = false; ///< the column that failed is the offset
        bool jackson_frames = false; ///< an InvalidFormatException (its frames are known)
    };
    auto parse = [](const std::string& line, bool withGroup) {
        Parsed p;
        if (line.empty()) {
            p.error = "com.fasterxml.jackson.databind.exc.MismatchedInputException: No content to map due to end-of-input\n"
                      " at [Source: (StringReader); line: UNKNOWN, column: UNKNOWN]";
            return p;
        }
        p.cols = splitOn(line, ',');
        const std::vector<std::string> fields = withGroup ? std::vector<std::string>{"group", "topic", "partition", "offset"}
                                                          : std::vector<std::string>{"topic", "partition", "offset"};
        std::size_t column = 1;
        for (std::size_t i = 0; i < p.cols.size() && i < fields.size(); ++i) {
            const bool isInt = fields[i] == "partition", isLong = fields[i] == "offset";
            if ((isInt && !parseInt(p.cols[i])) || (isLong && !parseLong(p.cols[i]))) {
                p.error = std::string("com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `") +
                          (isInt ? "int" : "long") + "` from String \"" + p.cols[i] + "\": not a valid `" +
                          (isInt ? "int" : "long") + "` value\n at [Source: (StringReader); line: 1, column: " +
                          std::to_string(column) +
                          "] (through reference chain: org.apache.kafka.tools.consumer.group.CsvUtils$" +
                          (withGroup ? "CsvRecordWithGroup" : "CsvRecordNoGroup") + "[\"" + fields[i] + "\"])";
                p.long_value = isLong;
                p.jackson_frames = true;
                return p;
            }
            column += p.cols[i].size() + 1;
        }
        return p;
    };
    const Parsed probe = parse(lines.front(), false);
    ResetPlanFailure where{probe.long_value, true, secondRead, emptyGroup};
    if (probe.jackson_frames) r.s.err(resetPlanFailureTrace(where, {probe.error}));
    else if (!probe.error.empty()) r.s.err(probe.error + "\n");
    const bool oldFormat = probe.error.empty();
    std::map<std::string, OffsetPlan> plan;
    for (const std::string& line : lines) {
        const bool withGroup = !(singleGroup && oldFormat);
        const Parsed p = parse(line, withGroup);
        if (!p.error.empty()) {
            const std::vector<std::string> chain{std::string(kRuntimeClass) + ": " + p.error, p.error};
            where = ResetPlanFailure{p.long_value, false, secondRead, emptyGroup};
            throw CommandFailure{p.error, p.jackson_frames ? resetPlanFailureTrace(where, chain)
                                                           : stackTrace({chain[0], chain[1]})};
        }
        auto col = [&](std::size_t i) { return i < p.cols.size() ? p.cols[i] : std::string(); };
        const std::size_t base = withGroup ? 1 : 0;
        const std::string group = withGroup ? col(0) : r.o.value("group");
        const TopicPartition tp{col(base), parseInt(col(base + 1)).value_or(0)};
        plan[group][tp] = parseLong(col(base + 2)).value_or(0);
    }
    return plan;
}

/// The partitions --topic / --all-topics name (getPartitionsToReset).
std::vector<TopicPartition> partitionsToReset(GroupsRun& r, const GroupInfo* g) {
    std::vector<TopicPartition> out;
    if (r.o.has("all-topics")) {
        if (g)
            for (const auto& [tp, off] : g->committed) out.push_back(tp);
        return partitionsInHashMapOrder(out); // keySet() of the committed offsets' HashMap
    }
    if (!r.o.has("topic")) {
        if (!r.o.has("from-file"))
            throw CommandFailure{"One of the reset scopes should be defined: --all-topics, --topic.", {}, true,
                                 NoteId::ResetScopeMissing};
        return out;
    }
    std::vector<std::string> whole;
    for (const std::string& arg : r.o.all("topic")) {
        if (arg.find(':') != std::string::npos) {
            for (const auto& tp : parseTopicWithPartitions(arg)) out.push_back(tp);
        } else {
            whole.push_back(arg);
        }
    }
    std::vector<std::string> unique = withoutRepeats(whole);
    for (const auto& t : unique)
        if (!r.backend.describeTopic(t))
            throw CommandFailure{kUnknownTopic, stackTrace({std::string(kUnknownTopicClass) + ": " + kUnknownTopic}), false,
                                 NoteId::TopicDoesNotExist};
    for (const std::string& t : stringsInHashMapOrder(unique)) {
        const auto info = r.backend.describeTopic(t);
        for (const auto& p : info->partitions) out.push_back({t, p.partition});
    }
    return out;
}

OffsetPlan prepareOffsets(GroupsRun& r, const std::string& gid, const GroupInfo* g, const std::vector<TopicPartition>& tps,
                          const std::map<std::string, OffsetPlan>* filePlan) {
    // checkAllTopicPartitionsValid
    std::string missing, leaderless;
    for (const auto& tp : tps) {
        const auto info = r.backend.describeTopic(tp.topic);
        const PartitionInfo* p = nullptr;
        if (info)
            for (const auto& x : info->partitions)
                if (x.partition == tp.partition) p = &x;
        if (!p) missing += (missing.empty() ? "" : ",") + tp.str();
        else if (p->leader < 0) leaderless += (leaderless.empty() ? "" : ",") + tp.str();
    }
    if (!missing.empty()) {
        const std::string msg = "The partitions \"" + missing + "\" do not exist";
        throw CommandFailure{msg, stackTrace({std::string(kUnknownTopicClass) + ": " + msg}), false, NoteId::TopicDoesNotExist};
    }
    if (!leaderless.empty()) {
        const std::string msg = "The partitions \"" + leaderless + "\" have no leader";
        throw CommandFailure{msg, stackTrace({"org.apache.kafka.common.errors.LeaderNotAvailableException: " + msg})};
    }
    auto committed = [&](const TopicPartition& tp) -> std::optional<Offset> {
        if (!g) return std::nullopt;
        auto c = g->committed.find(tp);
        return c == g->committed.end() ? std::nullopt : std::optional<Offset>(c->second);
    };
    OffsetPlan plan;
    if (r.o.has("to-offset")) {
        const Offset want = *parseLong(r.o.value("to-offset"));
        for (const auto& tp : tps) plan[tp] = want;
        return checkOffsetsRange(r, plan);
    }
    if (r.o.has("to-earliest") || r.o.has("to-latest")) {
        for (const auto& tp : tps) plan[tp] = r.o.has("to-earliest") ? r.backend.earliestOffset(tp) : r.backend.latestOffset(tp);
        return plan;
    }
    if (r.o.has("shift-by")) {
        const Offset shift = *parseLong(r.o.value("shift-by"));
        for (const auto& tp : tps) {
            const auto c = committed(tp);
            if (!c)
                throw CommandFailure{"Cannot shift offset for partition " + tp.str() + " since there is no current committed offset",
                                     {}, true, NoteId::ShiftWithoutCommittedOffset};
            plan[tp] = *c + shift;
        }
        return checkOffsetsRange(r, plan);
    }
    if (r.o.has("to-datetime")) {
        const auto ts = parseDateTime(r.o.value("to-datetime"));
        if (const auto* error = std::get_if<std::string>(&ts)) {
            const std::string pe = "java.text.ParseException: " + *error;
            const std::vector<std::string> chain{std::string(kRuntimeClass) + ": " + pe, pe};
            // Utils.getDateTime throws it from another line for each other message.
            const bool withoutT = error->find("It does not contain a 'T'") != std::string::npos;
            throw CommandFailure{pe,
                                 javaStackTrace(withoutT ? JavaTrace::GroupDateTimeWithoutT
                                                         : JavaTrace::GroupDateTimeUnparseable,
                                                chain),
                                 false, NoteId::InvalidDateTime};
        }
        return offsetsForTimestamp(r, tps, std::get<TimeMs>(ts));
    }
    if (r.o.has("by-duration")) {
        const auto nanos = parseJavaDuration(r.o.value("by-duration"));
        if (!nanos) {
            const std::string msg = "Text cannot be parsed to a Duration";
            throw CommandFailure{msg, javaStackTrace(JavaTrace::GroupBadDuration, {"java.time.format.DateTimeParseException: " + msg}),
                                 false, NoteId::InvalidDuration};
        }
        // Instant.now().minus(duration).toEpochMilli(), on the cluster's (virtual) clock.
        const std::int64_t nowNanos = r.s.nowMs() * 1000000;
        std::int64_t t = 0;
        if (__builtin_sub_overflow(nowNanos, *nanos, &t)) t = *nanos > 0 ? INT64_MIN : INT64_MAX;
        const TimeMs ts = t >= 0 ? t / 1000000 : -((-t + 999999) / 1000000);
        return offsetsForTimestamp(r, tps, ts);
    }
    if (filePlan) {
        const auto it = filePlan->find(gid);
        if (it == filePlan->end()) {
            printError(r.s, "No reset plan for group " + gid + " found");
            r.s.note(NoteId::ResetPlanHasNoGroup);
            return {};
        }
        return checkOffsetsRange(r, it->second);
    }
    if (r.o.has("to-current")) {
        for (const auto& tp : tps) plan[tp] = committed(tp).value_or(r.backend.latestOffset(tp));
        return plan;
    }
    // The scenarios are a Set.of(...): the real order changes from run to run.
    throw CommandFailure{"Option '" + optName("reset-offsets") +
                             "' requires one of the following scenarios: [[to-offset], [to-earliest], [to-current], "
                             "[to-latest], [by-duration], [to-datetime], [from-file], [shift-by]]",
                         {}, true};
}

void resetOffsets(GroupsRun& r, const std::vector<std::string>& groupIds) {
    std::vector<std::string> unique = withoutRepeats(groupIds);
    // describeConsumerGroups(...).describedGroups() and the result are HashMaps keyed by group.
    std::vector<std::pair<std::string, OffsetPlan>> result;
    for (const std::string& gid : stringsInHashMapOrder(unique)) {
        const auto g = r.backend.describeGroup(gid);
        const std::string state = groupStateName(g ? g->state : GroupState::Dead);
        if (state != "Empty" && state != "Dead") {
            printError(r.s, "Assignments can only be reset if the group '" + gid + "' is inactive, but the current state is " +
                                state + ".");
            r.s.note(NoteId::ResetRequiresInactiveGroup);
            result.emplace_back(gid, OffsetPlan{});
            continue;
        }
        const std::vector<TopicPartition> tps = partitionsToReset(r, g ? &*g : nullptr);
        std::optional<std::map<std::string, OffsetPlan>> filePlan;
        OffsetPlan plan;
        try {
            // The plan file is read twice (resetPlanFromFile() is called in a test, then again).
            if (r.o.has("from-file")) {
                (void)readResetPlan(r, false, state == "Empty");
                filePlan = readResetPlan(r, true, state == "Empty");
            }
            plan = prepareOffsets(r, gid, g ? &*g : nullptr, tps, filePlan ? &*filePlan : nullptr);
        } catch (CommandFailure& f) {
            // resetOffsets' lambda calls resetOffsetsForInactiveGroup from one line for a Dead (unknown)
            // group, the table's, and from another for an Empty one (both seen on a real 4.3.1 broker).
            static const std::string dead = "lambda$resetOffsets$0(ConsumerGroupCommand.java:659)";
            if (const std::size_t at = f.trace.find(dead); state == "Empty" && at != std::string::npos)
                f.trace.replace(at, dead.size(), "lambda$resetOffsets$0(ConsumerGroupCommand.java:649)");
            throw;
        }
        if (r.o.has("execute") && !plan.empty()) {
            const BackendResult a = r.backend.alterGroupOffsets(gid, plan);
            if (!a.ok()) {
                const std::string e = "org.apache.kafka.common.errors.GroupNotEmptyException: " + a.message;
                throw CommandFailure{a.message, stackTrace({e}), false, NoteId::ResetRequiresInactiveGroup};
            }
        }
        result.emplace_back(gid, std::move(plan));
    }
    if (r.o.has("export")) {
        const bool single = r.o.all("group").size() == 1;
        std::string csv;
        for (const auto& [gid, plan] : result) {
            std::vector<TopicPartition> keys;
            for (const auto& [tp, off] : plan) keys.push_back(tp);
            for (const TopicPartition& tp : partitionsInHashMapOrder(keys))
                csv += (single ? "" : gid + ",") + tp.topic + "," + std::to_string(tp.partition) + "," +
                       std::to_string(plan.at(tp)) + "\n";
        }
        r.s.out(csv + "\n");
        return;
    }
    // OffsetsUtils.printOffsetsToReset
    std::size_t wg = 15, wt = 15;
    for (const auto& [gid, plan] : result) {
        wg = std::max(wg, gid.size());
        for (const auto& [tp, off] : plan) wt = std::max(wt, tp.topic.size());
    }
    auto line = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d) {
        return "\n" + padRight(a, wg) + " " + padRight(b, wt) + " " + padRight(c, 10) + " " + d;
    };
    std::string text = result.empty() ? std::string() : line("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET");
    for (const auto& [gid, plan] : result) {
        std::vector<TopicPartition> keys;
        for (const auto& [tp, off] : plan) keys.push_back(tp);
        for (const TopicPartition& tp : partitionsInHashMapOrder(keys))
            text += line(gid, tp.topic, std::to_string(tp.partition), std::to_string(plan.at(tp)));
    }
    r.s.out(text + "\n");
}

// ---------------------------------------------------------------------------------------------
// --delete-offsets

std::string errorText(ErrorCode e) {
    std::string cls = "org.apache.kafka.common.errors.UnknownServerException";
    if (e == ErrorCode::GROUP_ID_NOT_FOUND) cls = "org.apache.kafka.common.errors.GroupIdNotFoundException";
    else if (e == kGroupSubscribedToTopic) cls = "org.apache.kafka.common.errors.GroupSubscribedToTopicException";
    else if (e == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION) cls = kUnknownTopicClass;
    else e = ErrorCode::UNKNOWN_SERVER_ERROR;
    return cls + ": " + std::string(sim::errorDefaultMessage(e));
}

void deleteOffsets(GroupsRun& r) {
    const std::string gid = r.o.value("group");
    std::set<TopicPartition> partitions;
    std::map<TopicPartition, std::string> results; // "" = Successful
    std::vector<std::string> whole;
    for (const std::string& arg : r.o.all("topic")) {
        if (arg.find(':') != std::string::npos) {
            for (const auto& tp : parseTopicWithPartitions(arg)) partitions.insert(tp);
        } else if (std::find(whole.begin(), whole.end(), arg) == whole.end()) {
            whole.push_back(arg);
        }
    }
    for (const std::string& t : whole) {
        if (const auto info = r.backend.describeTopic(t)) {
            for (const auto& p : info->partitions) partitions.insert({t, p.partition});
        } else {
            results[{t, -1}] = errorText(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
            r.s.note(NoteId::TopicDoesNotExist);
        }
    }
    const DeleteOffsetsResult d =
        r.backend.deleteGroupOffsets(gid, std::vector<TopicPartition>(partitions.begin(), partitions.end()));
    for (const auto& tp : partitions) {
        const auto it = d.partitions.find(tp);
        const ErrorCode e = it == d.partitions.end() ? ErrorCode::NONE : it->second;
        results[tp] = e == ErrorCode::NONE ? std::string() : errorText(e);
    }
    if (d.error == ErrorCode::NONE) {
        r.s.out("Request succeeded for deleting offsets from group " + gid + ".\n");
    } else if (d.error == ErrorCode::GROUP_ID_NOT_FOUND) {
        printError(r.s, "The group id does not exist.");
        r.s.note(NoteId::GroupDoesNotExist);
    } else if (d.error == kGroupSubscribedToTopic) {
        printError(r.s, "Encountered some partition-level error, see the follow-up details.");
        r.s.note(NoteId::DeleteOffsetsOfSubscribedTopic);
    } else {
        printError(r.s, std::string("Encountered some unknown error: ") + sim::errorName(d.error));
        r.s.note(NoteId::DeleteOffsetsNeedsInactiveGroup);
    }
    std::size_t wt = 15;
    for (const auto& [tp, e] : results) wt = std::max(wt, tp.topic.size());
    auto line = [&](const std::string& a, const std::string& b, const std::string& c) {
        return "\n" + padRight(a, wt) + " " + padRight(b, 10) + " " + padRight(c, 15);
    };
    // Sorted by topic + partition as one string ("orders0" < "orders1" < "orders10" < "orders2").
    std::vector<std::pair<std::string, TopicPartition>> keyed;
    for (const auto& [tp, e] : results) keyed.emplace_back(tp.topic + std::to_string(tp.partition), tp);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string text = line("TOPIC", "PARTITION", "STATUS");
    for (const auto& [key, tp] : keyed) {
        const std::string& e = results[tp];
        text += line(tp.topic, tp.partition >= 0 ? std::to_string(tp.partition) : "-", e.empty() ? "Successful" : "Error: " + e);
    }
    r.s.out(text + "\n");
}

// ---------------------------------------------------------------------------------------------
// --list, --describe, --delete

void listGroups(GroupsRun& r) {
    const std::vector<std::string> listed = listGroupsInKafkaOrder(r.backend);
    if (!r.o.has("state") && !r.o.has("type")) {
        std::string text;
        for (const auto& g : listed) text += g + "\n";
        r.s.out(text);
        return;
    }
    // GroupState.parse / GroupType.parse ignore case; the valid values are a Set, whose order in the
    // real message changes from run to run.
    auto parseList = [](const std::string& value) {
        std::set<std::string> out;
        if (value.empty()) return out;
        for (std::string t : splitOn(toLower(value), ',')) {
            t.erase(0, t.find_first_not_of(' '));
            while (!t.empty() && t.back() == ' ') t.pop_back();
            out.insert(t);
        }
        return out;
    };
    const std::set<std::string> states = parseList(r.o.value("state")), types = parseList(r.o.value("type"));
    static const std::set<std::string> validStates = {"assigning", "stable", "preparingrebalance", "completingrebalance",
                                                      "dead", "empty", "reconciling"};
    for (const auto& st : states)
        if (!validStates.count(st))
            throw CommandFailure{"Invalid state list '" + r.o.value("state") +
                                     "'. Valid states are: Assigning, Stable, PreparingRebalance, CompletingRebalance, "
                                     "Dead, Empty, Reconciling",
                                 {}, true, NoteId::InvalidGroupFilter};
    for (const auto& ty : types)
        if (ty != "classic" && ty != "consumer")
            throw CommandFailure{"Invalid types list '" + r.o.value("type") + "'. Valid types are: Consumer, Classic", {},
                                 true, NoteId::InvalidGroupFilter};
    struct Row {
        std::string id, type, state;
    };
    std::vector<Row> rows;
    std::size_t w = 0;
    for (const auto& id : listed) {
        const auto g = r.backend.describeGroup(id);
        const std::string st = groupStateName(g ? g->state : GroupState::Dead);
        if (!states.empty() && !states.count(toLower(st))) continue;
        if (!types.empty() && !types.count("classic")) continue; // the simulation's groups are all classic
        rows.push_back({id, "Classic", st});
        w = std::max(w, std::max<std::size_t>(15, id.size()));
    }
    w = (rows.empty() ? 15 : w) + 10;
    auto fmt = [&](const Row& row) {
        std::string l = padRight(row.id, w);
        if (r.o.has("type")) l += " " + padRight(row.type, 20);
        if (r.o.has("state")) l += " " + padRight(row.state, 20);
        return l + "\n";
    };
    std::string text = fmt(Row{"GROUP", "TYPE", "STATE"});
    for (const auto& row : rows) text += fmt(row);
    r.s.out(text);
}

void describeGroups(GroupsRun& r, const std::vector<std::string>& groupIds) {
    // describeConsumerGroups() fails as a whole on the first unknown group of its HashMap.
    std::vector<std::string> unique = withoutRepeats(groupIds);
    for (const std::string& gid : stringsInHashMapOrder(unique)) {
        if (r.backend.describeGroup(gid)) continue;
        const std::string e = "org.apache.kafka.common.errors.GroupIdNotFoundException: Group " + gid + " not found.";
        const JavaTrace where = r.o.has("members") ? JavaTrace::GroupMissingMembers
                                : r.o.has("state") ? JavaTrace::GroupMissingState
                                                   : JavaTrace::GroupMissingOffsets;
        throw CommandFailure{e, javaStackTrace(where, {std::string(kExecutionClass) + ": " + e, e}), false,
                             NoteId::GroupDoesNotExist};
    }
    std::sort(unique.begin(), unique.end()); // the results are kept in a TreeMap
    const bool verbose = r.o.has("verbose");
    for (const auto& gid : unique) {
        const GroupInfo g = *r.backend.describeGroup(gid);
        if (r.o.has("members")) describeMembers(r.s, g, verbose);
        else if (r.o.has("state")) describeState(r.s, g, verbose);
        else describeOffsets(r.s, r.backend, g, verbose);
    }
}

void deleteGroups(GroupsRun& r, const std::vector<std::string>& groupIds) {
    std::vector<std::string> unique = withoutRepeats(groupIds);
    std::vector<std::string> ok;
    std::vector<std::pair<std::string, BackendResult>> failed;
    for (const std::string& gid : stringsInHashMapOrder(unique)) {
        BackendResult res = r.backend.deleteGroup(gid);
        if (res.ok()) ok.push_back(gid);
        else failed.emplace_back(gid, std::move(res));
    }
    auto quoted = [](const std::vector<std::string>& names) {
        std::string s;
        for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", '" : "'") + names[i] + "'";
        return s;
    };
    if (failed.empty()) {
        r.s.out("Deletion of requested consumer groups (" + quoted(ok) + ") was successful.\n");
        return;
    }
    printError(r.s, "Deletion of some consumer groups failed:");
    for (const auto& [gid, res] : failed) {
        const bool notFound = res.error == ErrorCode::GROUP_ID_NOT_FOUND;
        r.s.out("* Group '" + gid + "' could not be deleted due to: " +
                (notFound ? "org.apache.kafka.common.errors.GroupIdNotFoundException: "
                          : "org.apache.kafka.common.errors.GroupNotEmptyException: ") +
                res.message + "\n");
        r.s.note(notFound ? NoteId::GroupDoesNotExist : NoteId::GroupNotEmpty);
    }
    if (!ok.empty()) r.s.out("\nThese consumer groups were deleted successfully: " + quoted(ok) + "\n");
}

// ---------------------------------------------------------------------------------------------

/// ConsumerGroupCommandOptions.checkArgs, in its order. False (and finished) on a usage error.
bool checkGroupArgs(ToolSession& s, const std::vector<std::string>& argv, const Options& o) {
    const ToolSpec& tool = groupsTool();
    if (argv.size() == 1 || o.has("help")) {
        s.usage(tool, std::string(tool.help_message));
        return false;
    }
    if (o.has("version")) {
        s.out(std::string(kKafkaVersion) + "\n");
        s.finish(0);
        return false;
    }
    if (!o.has("validate-regex") && !o.has("bootstrap-server")) {
        s.usage(tool, "Missing required argument \"" + optName("bootstrap-server") + "\"", NoteId::MissingBootstrapServer);
        return false;
    }
    // A Set.of(group, all-groups): printed in either order by the real tool.
    const std::string scopes = optName("all-groups") + ", " + optName("group");
    auto fail = [&](const std::string& msg) {
        s.usage(tool, msg);
        return false;
    };
    if (o.has("describe")) {
        if (!o.has("group") && !o.has("all-groups")) return fail("Option " + optName("describe") + " takes one of these options: " + scopes);
        if (o.has("members") + o.has("offsets") + o.has("state") > 1)
            return fail("Option " + optName("describe") + " takes at most one of these options: " + optName("members") +
                        ", " + optName("offsets") + ", " + optName("state"));
        if (o.has("state") && !o.value("state").empty())
            return fail("Option " + optName("describe") + " does not take a value for " + optName("state"));
    }
    if (o.has("delete")) {
        if (!o.has("group") && !o.has("all-groups")) return fail("Option " + optName("delete") + " takes one of these options: " + scopes);
        if (o.has("topic")) return fail("The consumer does not support topic-specific offset deletion from a consumer group.");
    }
    // Another Set.of(group, topic).
    if (o.has("delete-offsets") && (!o.has("group") || !o.has("topic")))
        return fail("Option " + optName("delete-offsets") + " takes the following options: " + optName("topic") + ", " +
                    optName("group"));
    if (o.has("reset-offsets")) {
        if (o.has("dry-run") && o.has("execute"))
            return fail("Option " + optName("reset-offsets") + " only accepts one of " + optName("execute") + " and " +
                        optName("dry-run"));
        if (!o.has("dry-run") && !o.has("execute")) {
            s.err("WARN: No action will be performed as the --execute option is missing. In version 5.0, this command "
                  "will require either --dry-run or --execute to be specified. You should add the --dry-run option "
                  "explicitly if you are scripting this command and want to keep the current default behavior without "
                  "prompting.\n");
            s.note(NoteId::ResetIsDryRun);
        }
        if (!o.has("group") && !o.has("all-groups"))
            return fail("Option " + optName("reset-offsets") + " takes one of these options: " + scopes);
        const char* scenarios[] = {"to-offset", "to-datetime", "by-duration", "to-earliest", "to-latest", "to-current", "shift-by", "from-file"};
        for (const char* a : scenarios)
            for (const char* b : {"to-offset", "shift-by", "to-datetime", "by-duration", "to-earliest", "to-latest", "to-current", "from-file"})
                if (std::string(a) != b && o.has(a) && o.has(b))
                    return fail("Option \"" + optName(a) + "\" can't be used with option \"" + optName(b) + "\"");
    }
    if (o.has("group") && o.has("all-groups")) return fail("Option \"" + optName("group") + "\" can't be used with option \"" + optName("all-groups") + "\"");
    if (o.has("group") && o.has("list")) return fail("Option \"" + optName("group") + "\" can't be used with option \"" + optName("list") + "\"");
    for (const char* with : {"list", "describe"})
        if (o.has("topic") && o.has(with)) return fail("Option \"" + optName("topic") + "\" can't be used with option \"" + optName(with) + "\"");
    return true;
}

/// A describe whose coordinator lookups did not end before --timeout: the call still waits for a
/// node to send its FindCoordinator to. The same text whether no bootstrap server answers or the
/// group's coordinator is down (captured on a real 3-broker cluster, tests/labs/golden/real/coordinator.txt).
void failDescribeFindCoordinator(ToolSession& s, const Options& o) {
    const std::string coordinator = std::string(kTimeoutClass) +
                                    ": Timed out waiting for a node assignment. Call: describeConsumerGroups(api=FIND_COORDINATOR)";
    // The same call site as a describe of an unknown group (GroupIdNotFoundException).
    const JavaTrace where = o.has("members") ? JavaTrace::GroupMissingMembers
                            : o.has("state") ? JavaTrace::GroupMissingState
                                             : JavaTrace::GroupMissingOffsets;
    printError(s, "Executing consumer group command failed due to " + coordinator,
               javaStackTrace(where, {std::string(kExecutionClass) + ": " + coordinator, coordinator}));
}

/// A describe timed out while a group's coordinator was down or missing.
void failCoordinatorTimeout(ToolSession& s, const Options& o, const CoordinatorLookup& blocked) {
    (void)blocked; // both kinds end in the same error; the wait's note says why
    failDescribeFindCoordinator(s, o);
}

/// --describe (its offsets form) when the ListOffsets for the log-end offsets runs out of --timeout: a
/// partition's leader crashed and was not fenced in time (tests/labs/golden/real/groups-dead-leader.txt,
/// an empty group; the TimeoutException is made without frames on the admin thread).
void failListOffsetsTimeout(ToolSession& s) {
    const std::string timeout = std::string(kTimeoutClass) +
                                ": Timed out waiting for a node assignment. Call: listOffsets(api=LIST_OFFSETS)";
    const std::string execution = std::string(kExecutionClass) + ": " + timeout;
    const std::string service = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.";
    const std::string command = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.";
    printError(s, "Executing consumer group command failed due to " + execution,
               formatJavaTrace({std::string(kRuntimeClass) + ": " + execution, execution, timeout},
                               {{"org.apache.kafka.tools.OffsetsUtils.getLogOffsets(OffsetsUtils.java:243)",
                                 "org.apache.kafka.tools.OffsetsUtils.getLogEndOffsets(OffsetsUtils.java:223)",
                                 service + "describePartitions(ConsumerGroupCommand.java:605)",
                                 service + "collectConsumerAssignment(ConsumerGroupCommand.java:575)",
                                 service + "lambda$collectGroupsOffsets$0(ConsumerGroupCommand.java:860)",
                                 "java.base/java.util.HashMap.forEach(HashMap.java:1421)",
                                 service + "collectGroupsOffsets(ConsumerGroupCommand.java:834)",
                                 service + "describeGroups(ConsumerGroupCommand.java:548)",
                                 command + "run(ConsumerGroupCommand.java:125)",
                                 command + "main(ConsumerGroupCommand.java:109)"},
                                {"java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)",
                                 "java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2073)",
                                 "org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:155)",
                                 "org.apache.kafka.tools.OffsetsUtils.getLogOffsets(OffsetsUtils.java:234)",
                                 "... 9 more"},
                                {}}));
    s.finish(0);
}

/// What each command prints after its admin calls time out against an unreachable cluster.
void failUnreachable(ToolSession& s, const Options& o) {
    const std::string assign = "Timed out waiting for a node assignment. Call: ";
    const std::string coordinator = std::string(kTimeoutClass) + ": " + assign + "describeConsumerGroups(api=FIND_COORDINATOR)";
    const std::string listFailure = "org.apache.kafka.common.KafkaException: Failed to find brokers to send ListGroups";
    const bool listsFirst = o.has("list") || o.has("all-groups");
    // Frames as the real 4.3.1 tool printed them (tests/labs/golden/real/unreachable.txt); the
    // TimeoutException at the end of each chain is created without frames on the admin thread.
    const std::vector<std::string> futureGet = {
        "java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)",
        "java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2073)",
        "org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:155)"};
    const std::string service = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.";
    const std::string command = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.";
    const std::vector<std::string> adminThread = {
        "org.apache.kafka.clients.admin.KafkaAdminClient$22.handleFailure(KafkaAdminClient.java:3578)",
        "org.apache.kafka.clients.admin.KafkaAdminClient$Call.handleTimeoutFailure(KafkaAdminClient.java:970)",
        "org.apache.kafka.clients.admin.KafkaAdminClient$Call.fail(KafkaAdminClient.java:927)",
        "org.apache.kafka.clients.admin.KafkaAdminClient$TimeoutProcessor.handleTimeouts(KafkaAdminClient.java:1062)",
        "org.apache.kafka.clients.admin.KafkaAdminClient$AdminClientRunnable.timeoutPendingCalls(KafkaAdminClient.java:1140)",
        "org.apache.kafka.clients.admin.KafkaAdminClient$AdminClientRunnable.processRequests(KafkaAdminClient.java:1508)",
        "org.apache.kafka.clients.admin.KafkaAdminClient$AdminClientRunnable.run(KafkaAdminClient.java:1472)",
        "java.base/java.lang.Thread.run(Thread.java:840)"};
    auto frames = [](std::vector<std::string> a, const std::vector<std::string>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    if (o.has("list") && (o.has("state") || o.has("type"))) {
        printError(s, "Executing consumer group command failed due to " + listFailure,
                   formatJavaTrace({std::string(kExecutionClass) + ": " + listFailure, listFailure,
                                    std::string(kTimeoutClass) + ": " + assign + "findAllBrokers"},
                                   {frames(futureGet, {service + "listConsumerGroupsWithFilters(ConsumerGroupCommand.java:287)",
                                                       service + "listGroups(ConsumerGroupCommand.java:216)",
                                                       command + "run(ConsumerGroupCommand.java:123)",
                                                       command + "main(ConsumerGroupCommand.java:109)"}),
                                    adminThread,
                                    {}}));
    } else if (listsFirst) {
        const std::string ee = std::string(kExecutionClass) + ": " + listFailure;
        const bool list = o.has("list");
        printError(s, "Executing consumer group command failed due to " + ee,
                   formatJavaTrace({std::string(kRuntimeClass) + ": " + ee, ee, listFailure,
                                    std::string(kTimeoutClass) + ": " + assign + "findAllBrokers"},
                                   {{service + "listConsumerGroups(ConsumerGroupCommand.java:277)",
                                     list ? service + "listGroups(ConsumerGroupCommand.java:220)"
                                          : service + "describeGroups(ConsumerGroupCommand.java:539)",
                                     command + (list ? "run(ConsumerGroupCommand.java:123)" : "run(ConsumerGroupCommand.java:125)"),
                                     command + "main(ConsumerGroupCommand.java:109)"},
                                    frames(futureGet, {service + "listConsumerGroups(ConsumerGroupCommand.java:274)", "... 3 more"}),
                                    adminThread,
                                    {}}));
    } else if (o.has("describe")) {
        failDescribeFindCoordinator(s, o);
    } else if (o.has("reset-offsets")) {
        const std::string ee = std::string(kExecutionClass) + ": " + coordinator;
        printError(s, "Executing consumer group command failed due to " + ee,
                   formatJavaTrace({std::string(kRuntimeClass) + ": " + ee, ee, coordinator},
                                   {{service + "lambda$resetOffsets$0(ConsumerGroupCommand.java:661)",
                                     "java.base/java.util.HashMap.forEach(HashMap.java:1421)",
                                     service + "resetOffsets(ConsumerGroupCommand.java:643)",
                                     command + "run(ConsumerGroupCommand.java:129)", command + "main(ConsumerGroupCommand.java:109)"},
                                    frames(futureGet, {service + "lambda$resetOffsets$0(ConsumerGroupCommand.java:645)", "... 4 more"}),
                                    {}}));
    } else if (o.has("delete")) {
        printError(s, "Deletion of some consumer groups failed:");
        std::vector<std::string> groups = o.all("group");
        std::sort(groups.begin(), groups.end());
        groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
        for (const auto& g : stringsInHashMapOrder(groups))
            s.out("* Group '" + g + "' could not be deleted due to: " + std::string(kTimeoutClass) + ": " + assign +
                  "deleteConsumerGroups(api=FIND_COORDINATOR)\n");
    } else if (o.has("delete-offsets")) {
        printError(s, "Encountered some unknown error: REQUEST_TIMED_OUT");
        std::set<TopicPartition> rows;
        for (const std::string& arg : o.all("topic")) {
            if (arg.find(':') == std::string::npos) {
                rows.insert({arg, -1});
            } else {
                try {
                    for (const auto& tp : parseTopicWithPartitions(arg)) rows.insert(tp);
                } catch (const CommandFailure&) {
                }
            }
        }
        std::size_t wt = 15;
        for (const auto& tp : rows) wt = std::max(wt, tp.topic.size());
        auto line = [&](const std::string& a, const std::string& b, const std::string& c) {
            return "\n" + padRight(a, wt) + " " + padRight(b, 10) + " " + padRight(c, 15);
        };
        std::string text = line("TOPIC", "PARTITION", "STATUS");
        for (const auto& tp : rows)
            text += line(tp.topic, tp.partition >= 0 ? std::to_string(tp.partition) : "-",
                         "Error: " + std::string(kTimeoutClass) + ": " + assign +
                             (tp.partition < 0 ? "listNodes" : "offsetDelete(api=FIND_COORDINATOR)"));
        s.out(text + "\n");
    }
}

} // namespace

namespace {

/// RE2's syntax as RE2J 1.8 parses it: "" when `re` compiles, else the description RE2J's
/// PatternSyntaxException gives (what kafka-consumer-groups --validate-regex prints after "is invalid: ").
/// Java-only constructs fail as in RE2J: lookbehind "(?<=" / "(?<!" reads as a bad named group,
/// lookahead "(?=" / "(?!" and atomic groups as Perl syntax RE2 lacks, possessive "a++" as a nested
/// repetition, backreferences as bad escapes.
std::string re2SyntaxProblem(const std::string& re) {
    auto isWord = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    int open = 0;
    bool atom = false;   // something a repetition can apply to
    bool repeated = false; // the last item is a repetition (a second one is nested)
    // {n}, {n,}, {n,m} at i; false (a literal '{') if it is not one.
    auto parseRepeat = [&](std::size_t i, std::size_t& end, long& lo, long& hi) {
        std::size_t j = i + 1;
        auto number = [&](long& v) {
            const std::size_t b = j;
            v = 0;
            while (j < re.size() && isDigit(re[j])) {
                v = std::min<long>(v * 10 + (re[j] - '0'), 100000);
                ++j;
            }
            return j > b;
        };
        if (!number(lo)) return false;
        hi = lo;
        if (j < re.size() && re[j] == ',') {
            ++j;
            if (j < re.size() && re[j] == '}') hi = -1;
            else if (!number(hi)) return false;
        }
        if (j >= re.size() || re[j] != '}') return false;
        end = j;
        return true;
    };
    for (std::size_t i = 0; i < re.size(); ++i) {
        const char c = re[i];
        if (c == '*' || c == '+' || c == '?' || c == '{') {
            std::size_t end = i;
            long lo = 0, hi = 0;
            if (c == '{' && !parseRepeat(i, end, lo, hi)) {
                atom = true; // a literal '{'
                repeated = false;
                continue;
            }
            if (repeated) return "invalid nested repetition operator";
            if (!atom) return "missing argument to repetition operator";
            if (c == '{' && (lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo))) return "invalid repeat count";
            i = end;
            if (i + 1 < re.size() && re[i + 1] == '?') ++i; // non-greedy
            repeated = true;
            continue;
        }
        repeated = false;
        if (c == '\\') {
            if (i + 1 >= re.size()) return "trailing backslash at end of expression";
            const char e = re[++i];
            if (e == 'Q') {
                const std::size_t q = re.find("\\E", i + 1);
                i = q == std::string::npos ? re.size() : q + 1;
                atom = true;
                continue;
            }
            if (e >= '1' && e <= '9' && !(i + 1 < re.size() && isDigit(re[i + 1]))) return "invalid escape sequence";
            if (e == 'p' || e == 'P') {
                if (i + 1 < re.size() && re[i + 1] == '{') {
                    const std::size_t close = re.find('}', i + 1);
                    if (close == std::string::npos) return "invalid character class range";
                    i = close;
                } else {
                    ++i;
                }
                atom = true;
                continue;
            }
            if (e == 'x') {
                if (i + 1 < re.size() && re[i + 1] == '{') {
                    const std::size_t close = re.find('}', i + 1);
                    if (close == std::string::npos) return "invalid escape sequence";
                    i = close;
                } else {
                    i += 2;
                    if (i >= re.size() || !std::isxdigit(static_cast<unsigned char>(re[i])) ||
                        !std::isxdigit(static_cast<unsigned char>(re[i - 1])))
                        return "invalid escape sequence";
                }
                atom = true;
                continue;
            }
            static const std::string letters = "abBdDfnrsStvwWzAC0123456789";
            if (isWord(e) && letters.find(e) == std::string::npos) return "invalid escape sequence";
            atom = e != 'b' && e != 'B' && e != 'A' && e != 'z';
            continue;
        }
        if (c == '(') {
            if (i + 1 < re.size() && re[i + 1] == '?') {
                std::size_t j = i + 2;
                if (j < re.size() && re[j] == 'P') ++j;
                if (j < re.size() && re[j] == '<') {
                    // (?P<name>...) or (?<name>...): a name of word characters, then '>'.
                    std::size_t k = j + 1;
                    while (k < re.size() && isWord(re[k])) ++k;
                    if (k == j + 1 || k >= re.size() || re[k] != '>') return "invalid named capture";
                    i = k;
                } else if (j != i + 2) {
                    return "invalid or unsupported Perl syntax";
                } else {
                    // Flags: (?flags) or (?flags:...), flags from "imsU" with at most one '-'.
                    std::size_t k = j;
                    while (k < re.size() && (re[k] == 'i' || re[k] == 'm' || re[k] == 's' || re[k] == 'U' || re[k] == '-')) ++k;
                    if (k >= re.size() || (re[k] != ')' && re[k] != ':') || k == j)
                        return "invalid or unsupported Perl syntax";
                    if (re[k] == ')') {
                        i = k;
                        atom = false;
                        continue;
                    }
                    i = k;
                }
            }
            ++open;
            atom = false;
            continue;
        }
        if (c == ')') {
            if (open == 0) return "regexp/syntax: internal error";
            --open;
            atom = true;
            continue;
        }
        if (c == '|') {
            atom = false;
            continue;
        }
        if (c == '[') {
            std::size_t j = i + 1;
            if (j < re.size() && re[j] == '^') ++j;
            bool first = true;
            int last = -1; // the previous single character, for ranges
            for (;; first = false) {
                if (j >= re.size()) return "missing closing ]";
                if (re[j] == ']' && !first) break;
                if (re.compare(j, 2, "[:") == 0) {
                    const std::size_t close = re.find(":]", j + 2);
                    if (close != std::string::npos) {
                        j = close + 2;
                        last = -1;
                        continue;
                    }
                }
                int ch = static_cast<unsigned char>(re[j]);
                if (re[j] == '\\') {
                    if (j + 1 >= re.size()) return "trailing backslash at end of expression";
                    ch = static_cast<unsigned char>(re[j + 1]);
                    j += 2;
                } else {
                    ++j;
                }
                if (ch == '-' && last >= 0 && j < re.size() && re[j] != ']') {
                    int hiCh = static_cast<unsigned char>(re[j]);
                    if (re[j] == '\\' && j + 1 < re.size()) hiCh = static_cast<unsigned char>(re[++j]);
                    ++j;
                    if (hiCh < last) return "invalid character class range";
                    last = -1;
                    continue;
                }
                last = ch;
            }
            i = j;
            atom = true;
            continue;
        }
        atom = true; // a literal, '.', '^' or '$'
    }
    if (open > 0) return "missing closing )";
    return "";
}

} // namespace

std::unique_ptr<CommandSession> startGroups(ClusterBackend& backend, const std::vector<std::string>& argv,
                                            const std::string& work_dir) {
    auto session = std::make_unique<ToolSession>(backend, CommandKind::GroupsOther);
    ToolSession& s = *session;
    const ToolSpec& tool = groupsTool();
    Options o;
    if (auto e = parseOptions(argv, tool, o)) {
        // fromArgs() runs outside main's try block: the JVM reports the uncaught exception.
        s.err("Exception in thread \"main\" " + e->exceptionLine() + "\n");
        s.note(e->note());
        s.finish(1);
        return session;
    }
    if (o.has("list")) s.setKind(CommandKind::GroupsList);
    else if (o.has("describe")) s.setKind(CommandKind::GroupsDescribe);
    else if (o.has("reset-offsets")) s.setKind(CommandKind::GroupsResetOffsets);
    else if (o.has("delete")) s.setKind(CommandKind::GroupsDelete);
    else if (o.has("delete-offsets")) s.setKind(CommandKind::GroupsDeleteOffsets);
    if (!checkGroupArgs(s, argv, o)) return session;
    const int actions = o.has("list") + o.has("describe") + o.has("delete") + o.has("reset-offsets") +
                        o.has("delete-offsets") + o.has("validate-regex");
    if (actions != 1) {
        s.usage(tool, "Command must include exactly one action: --list, --describe, --delete, --reset-offsets, "
                      "--delete-offsets, --validate-regex");
        return session;
    }
    if (o.has("validate-regex")) {
        // RE2 syntax (com.google.re2j.Pattern.compile in the real tool): the RE2J description of the
        // first error (tests/labs/golden/real/validate-regex.txt).
        const std::string re = o.value("validate-regex");
        const std::string problem = re2SyntaxProblem(re);
        if (problem.empty()) s.out("The regular expression `" + re + "` is valid.\n");
        else s.out("The regular expression `" + re + "` is invalid: " + problem + ".\n");
        s.finish(0);
        return session;
    }

    // Numbers are converted when used: a bad one fails the command, it is not a usage error.
    TimeMs timeoutMs = 30000;
    // ConsumerGroupService.getOffsetsUtilsOptions reads them in this order.
    for (const char* opt : {"to-offset", "shift-by", "timeout"}) {
        if (!o.has(opt) || parseLong(o.value(opt))) continue;
        const std::string msg = "Cannot parse argument '" + o.value(opt) + "' of option " + opt;
        const std::string nfe = "java.lang.NumberFormatException: For input string: \"" + o.value(opt) + "\"";
        const std::vector<std::string> chain{"joptsimple.OptionArgumentConversionException: " + msg,
                                             "joptsimple.internal.ReflectionException: " + nfe, nfe};
        const std::string name = opt;
        printError(s, "Executing consumer group command failed due to " + msg,
                   javaStackTrace(name == "to-offset"  ? JavaTrace::GroupBadToOffset
                                  : name == "shift-by" ? JavaTrace::GroupBadShiftBy
                                                       : JavaTrace::GroupBadTimeout,
                                  chain));
        s.finish(0);
        return session;
    }
    if (o.has("timeout")) timeoutMs = *parseLong(o.value("timeout"));

    // new ConsumerGroupService(...) reads --command-config and creates the admin client, which resolves
    // the servers.
    if (!commandConfigLoads(s, AdminTool::Groups, work_dir,
                            o.has("command-config") ? std::optional(o.value("command-config")) : std::nullopt))
        return session;
    const std::string bootstrap = o.value("bootstrap-server");
    const BootstrapCheck check = checkBootstrap(backend, bootstrap);
    if (!adminClientCreated(s, AdminTool::Groups, check)) return session;
    if (check.kind == BootstrapCheck::Unreachable) {
        // Every admin call waits for a connection until --timeout (30 s by default); deleting the
        // offsets of a whole topic makes two calls (describeTopics, then the deletion).
        bool twoCalls = false;
        if (o.has("delete-offsets"))
            for (const auto& t : o.all("topic")) twoCalls = twoCalls || t.find(':') == std::string::npos;
        s.waitForUnreachableCluster(check.resolvable, twoCalls ? 2 * timeoutMs : timeoutMs,
                                    [o](ToolSession& t) { failUnreachable(t, o); });
        return session;
    }

    // The command's admin calls, now or once the groups' coordinators answer (the options and the
    // folder are copied: the session may outlive this call).
    auto act = [o, work_dir](ToolSession& t, ClusterBackend& b) {
        GroupsRun run{t, b, o, work_dir};
        try {
            const std::vector<std::string> groupIds = o.has("all-groups") ? listGroupsInKafkaOrder(b) : o.all("group");
            if (o.has("list")) listGroups(run);
            else if (o.has("describe")) describeGroups(run, groupIds);
            else if (o.has("delete")) deleteGroups(run, groupIds);
            else if (o.has("reset-offsets")) resetOffsets(run, groupIds);
            else deleteOffsets(run);
        } catch (const CommandFailure& f) {
            if (f.usage) {
                t.usage(groupsTool(), f.message, f.note.value_or(NoteId::UsageError));
                return;
            }
            printError(t, "Executing consumer group command failed due to " + f.message, f.trace);
            if (f.note) t.note(*f.note);
        }
        if (!t.finished()) t.finish(0);
    };
    // Admin calls on named groups look each group's coordinator up first (FindCoordinator): while
    // one is down (its broker crashed and is not fenced yet, or its __consumer_offsets partition has
    // no live leader) the admin client retries until the coordinator moves or --timeout runs out.
    // The real 4.3.1 tool then printed, run to run, either "Timed out waiting for a node assignment"
    // (printed here) or "Call(...) timed out at ... after N attempt(s)" with the last attempt's
    // DisconnectException (tests/labs/golden/real/coordinator-down.txt). --describe --all-groups
    // lists the groups first, then waits for theirs.
    const bool named = !o.has("all-groups") && (o.has("reset-offsets") || o.has("delete") || o.has("delete-offsets"));
    if (o.has("describe") || named) {
        const std::vector<std::string> groupIds = o.has("all-groups") ? listGroupsInKafkaOrder(backend) : o.all("group");
        ClusterBackend* b = &backend;
        const bool describe = o.has("describe");
        // The offsets form then asks each partition's leader for its log-end offset (ListOffsets): a
        // leader that crashed and is not fenced yet is tried again until another replica leads, or
        // until --timeout (tests/labs/golden/real/groups-dead-leader.txt).
        const bool offsetsForm = describe && !o.has("members") && !o.has("state");
        const std::vector<std::string> described = withoutRepeats(groupIds);
        s.waitForCoordinators(
            described, timeoutMs,
            [act, b, offsetsForm, described, timeoutMs](ToolSession& t) {
                if (!offsetsForm) return act(t, *b);
                std::set<TopicPartition> parts;
                for (const std::string& g : described)
                    if (const auto info = b->describeGroup(g)) {
                        for (const auto& [tp, offset] : info->committed) parts.insert(tp);
                        for (const MemberInfo& m : info->members) parts.insert(m.assignment.begin(), m.assignment.end());
                    }
                t.waitForLeaders(
                    std::vector<TopicPartition>(parts.begin(), parts.end()), "[AdminClient clientId=adminclient-1] ",
                    timeoutMs, [act, b](ToolSession& u) { act(u, *b); },
                    [](ToolSession& u, const CoordinatorLookup&) { failListOffsetsTimeout(u); });
            },
            [o, describe](ToolSession& t, const CoordinatorLookup& blocked) {
                if (describe) failCoordinatorTimeout(t, o, blocked);
                else failUnreachable(t, o);
            });
        return session;
    }
    act(s, backend);
    return session;
}

} // namespace fluxolab::labs::cli
