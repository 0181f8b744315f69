#include "labs/lab_engine/check_evaluators.h"

#include "labs/shell/builtins.h"
#include "sim/lag.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

namespace fluxolab::labs {

bool countsWholeLab(const Check& c) {
    if (c.type.rfind("stream_", 0) == 0) return true;
    return c.type == "command_run" && (c.kind == "console-consumer" || c.kind == "console-producer");
}

namespace {

CheckResult result(bool passed, std::string detail, CheckReason reason, std::vector<std::string> args = {}) {
    CheckResult r;
    r.passed = passed;
    r.detail = std::move(detail);
    r.reason = reason;
    r.args = std::move(args);
    return r;
}
std::string optText(const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string();
}

/// A count against the check's limits; the reason's arguments are `args`, the count, then the limits.
bool compare(std::int64_t v, const Check& c, CheckResult& r, const std::string& what, CheckReason reason,
             std::vector<std::string> args) {
    std::string& detail = r.detail;
    r.reason = reason;
    args.push_back(std::to_string(v));
    args.push_back(optText(c.equals));
    args.push_back(optText(c.min));
    args.push_back(optText(c.max));
    r.args = std::move(args);
    detail = what + " is " + std::to_string(v);
    if (c.equals && v != *c.equals) return false;
    if (c.min && v < *c.min) return false;
    if (c.max && v > *c.max) return false;
    return true;
}

void needsNothing(const Check&, const CheckRequirements&) {}
void needsTopic(const Check& c, const CheckRequirements& req) {
    req.need("topic", !c.topic.empty());
}
void needsGroup(const Check& c, const CheckRequirements& req) {
    req.need("group", !c.group.empty());
}
void needsLimits(const Check& c, const CheckRequirements& req) {
    req.need("min, max or equals", c.min || c.max || c.equals);
}

// all / any / not -----------------------------------------------------------------------------

CheckResult evalAllAny(const Check& c, const CheckContext& ctx) {
    const bool all = c.type == "all";
    CheckResult r;
    r.passed = all;
    for (const auto& child : c.children) {
        CheckResult cr = evaluateCheck(child, ctx);
        if (all && !cr.passed) return cr;
        if (!all && cr.passed) return cr;
        if (!all) r.detail += (r.detail.empty() ? "" : "; ") + cr.detail;
        if (!all && r.reason == CheckReason::None) { // the panel says why the first alternative fails
            r.reason = cr.reason;
            r.args = cr.args;
        }
    }
    if (all) r.detail = "all conditions hold";
    return r;
}

CheckResult evalNot(const Check& c, const CheckContext& ctx) {
    if (c.children.empty()) return result(false, "'not' has no check", CheckReason::None);
    const CheckResult cr = evaluateCheck(c.children.front(), ctx);
    return result(!cr.passed, "not (" + cr.detail + ")", cr.passed ? CheckReason::NegatedHolds : CheckReason::None);
}

// topics ------------------------------------------------------------------------------------------

CheckResult evalTopicExists(const Check& c, const CheckContext& ctx) {
    const auto t = ctx.backend.describeTopic(c.topic);
    if (!t) return result(false, "topic '" + c.topic + "' does not exist", CheckReason::TopicMissing, {c.topic});
    const auto parts = static_cast<std::int32_t>(t->partitions.size());
    const auto rf =
        t->partitions.empty() ? 0 : static_cast<std::int32_t>(t->partitions.front().replicas.size());
    CheckResult r;
    r.detail = "topic '" + c.topic + "' has " + std::to_string(parts) + " partition(s), replication factor " +
               std::to_string(rf);
    r.reason = CheckReason::TopicShape;
    r.args = {c.topic, std::to_string(parts), std::to_string(rf)};
    r.passed =
        (!c.partitions || *c.partitions == parts) && (!c.replication_factor || *c.replication_factor == rf);
    return r;
}

CheckResult evalTopicAbsent(const Check& c, const CheckContext& ctx) {
    const bool exists = ctx.backend.describeTopic(c.topic).has_value();
    return result(!exists, exists ? "topic '" + c.topic + "' exists" : "topic '" + c.topic + "' is absent",
                  exists ? CheckReason::TopicExists : CheckReason::None, {c.topic});
}

// groups ------------------------------------------------------------------------------------------

CheckResult evalGroup(const Check& c, const CheckContext& ctx) {
    const auto g = ctx.backend.describeGroup(c.group);
    if (!g)
        return result(c.type == "group_state" && c.state == "Dead", "group '" + c.group + "' does not exist",
                      CheckReason::GroupMissing, {c.group});
    CheckResult r;
    r.detail = "group '" + c.group + "' is " + groupStateName(g->state) + " with " + std::to_string(g->members.size()) +
               " member(s)";
    r.reason = CheckReason::GroupIs;
    r.args = {c.group, groupStateName(g->state), std::to_string(g->members.size())};
    r.passed = (c.state.empty() || groupStateName(g->state) == c.state) &&
               (!c.members || static_cast<std::int32_t>(g->members.size()) == *c.members);
    return r;
}

void validateGroupState(const Check& c, const CheckRequirements& req) {
    req.need("group", !c.group.empty());
    req.need("state", !c.state.empty());
    static const std::set<std::string> states = {"Empty", "PreparingRebalance", "CompletingRebalance",
                                                 "Stable", "Dead"};
    if (!c.state.empty() && !states.count(c.state))
        req.invalid("state", LabErrorCode::UnknownGroupState, c.state);
}

CheckResult evalGroupLag(const Check& c, const CheckContext& ctx) {
    const auto g = ctx.backend.describeGroup(c.group);
    const auto t = ctx.backend.describeTopic(c.topic);
    if (!g || !t)
        return !g ? result(false, "group '" + c.group + "' does not exist", CheckReason::GroupMissing, {c.group})
                  : result(false, "topic '" + c.topic + "' does not exist", CheckReason::TopicMissing, {c.topic});
    // The sum of the LAG column kafka-consumer-groups --describe prints for these partitions;
    // partitions whose LAG is "-" (nothing committed) add nothing, and if every one is "-" the
    // group has no lag on the topic to compare.
    std::optional<std::int64_t> lag;
    for (const auto& p : t->partitions) {
        if (c.partition && p.partition != *c.partition) continue;
        auto it = g->committed.find(TopicPartition{c.topic, p.partition});
        const auto committed = it == g->committed.end() ? std::nullopt : std::optional<Offset>(it->second);
        if (const auto l = sim::consumerLag(committed, sim::lagEndOffset(p.leader, p.high_watermark)))
            lag = lag.value_or(0) + *l;
    }
    if (!lag)
        return result(false, "group '" + c.group + "' has no committed offset on '" + c.topic + "' (LAG is -)",
                      CheckReason::GroupNoCommit, {c.group, c.topic});
    CheckResult r;
    r.passed = compare(*lag, c, r, "lag of '" + c.group + "' on '" + c.topic + "'", CheckReason::LagIs, {c.group, c.topic});
    return r;
}

void validateGroupLag(const Check& c, const CheckRequirements& req) {
    req.need("group", !c.group.empty());
    req.need("topic", !c.topic.empty());
    needsLimits(c, req);
}

CheckResult evalCommittedOffset(const Check& c, const CheckContext& ctx) {
    const auto g = ctx.backend.describeGroup(c.group);
    if (!g) return result(false, "group '" + c.group + "' does not exist", CheckReason::GroupMissing, {c.group});
    const std::string tp = c.topic + "-" + std::to_string(c.partition.value_or(0));
    auto it = g->committed.find(TopicPartition{c.topic, c.partition.value_or(0)});
    if (it == g->committed.end()) return result(false, "no committed offset for " + tp, CheckReason::NoCommittedOffset, {tp});
    return result(it->second == c.offset.value_or(-1), "committed offset of " + tp + " is " + std::to_string(it->second),
                  CheckReason::CommittedOffsetIs, {tp, std::to_string(it->second)});
}

void validateCommittedOffset(const Check& c, const CheckRequirements& req) {
    req.need("group", !c.group.empty());
    req.need("topic", !c.topic.empty());
    req.need("partition", c.partition.has_value());
    req.need("offset", c.offset.has_value());
}

// records -----------------------------------------------------------------------------------------

CheckResult evalRecordInPartition(const Check& c, const CheckContext& ctx) {
    const auto t = ctx.backend.describeTopic(c.topic);
    if (!t) return result(false, "topic '" + c.topic + "' does not exist", CheckReason::TopicMissing, {c.topic});
    std::vector<std::int32_t> where;
    for (const auto& p : t->partitions)
        for (const auto& rec : ctx.backend.readRecords(TopicPartition{c.topic, p.partition}))
            if (rec.key && *rec.key == c.key && (c.value.empty() || rec.value == c.value)) {
                where.push_back(p.partition);
                break;
            }
    if (where.empty())
        return result(false, "no record with key '" + c.key + "' in '" + c.topic + "'", CheckReason::NoRecordWithKey,
                      {c.key, c.topic});
    CheckResult r;
    r.passed = !c.partition || std::find(where.begin(), where.end(), *c.partition) != where.end();
    r.detail =
        "key '" + c.key + "' is in partition " + std::to_string(where.front()) + " of '" + c.topic + "'";
    r.reason = CheckReason::KeyInPartition;
    r.args = {c.key, std::to_string(where.front()), c.topic};
    return r;
}

void validateRecordInPartition(const Check& c, const CheckRequirements& req) {
    req.need("topic", !c.topic.empty());
    req.need("key", req.given("key")); // an empty key is a key
}

CheckResult evalRecordCount(const Check& c, const CheckContext& ctx) {
    const auto t = ctx.backend.describeTopic(c.topic);
    if (!t) return result(false, "topic '" + c.topic + "' does not exist", CheckReason::TopicMissing, {c.topic});
    std::int64_t count = 0;
    for (const auto& p : t->partitions) {
        if (c.partition && p.partition != *c.partition) continue;
        count +=
            static_cast<std::int64_t>(ctx.backend.readRecords(TopicPartition{c.topic, p.partition}).size());
    }
    CheckResult r;
    r.passed = compare(count, c, r, "record count of '" + c.topic + "'", CheckReason::RecordCountIs, {c.topic});
    return r;
}

void validateRecordCount(const Check& c, const CheckRequirements& req) {
    req.need("topic", !c.topic.empty());
    needsLimits(c, req);
}

// commands ----------------------------------------------------------------------------------------

/// "HH:MM:SS.mmm" or "HH:MM:SS,mmm" (the decimal comma of pt-PT) as milliseconds of the day.
std::optional<std::int64_t> timeOfDayMs(const std::string& w) {
    if (w.size() != 12 || w[2] != ':' || w[5] != ':' || (w[8] != '.' && w[8] != ',')) return std::nullopt;
    std::int64_t parts[4] = {0, 0, 0, 0};
    const std::size_t starts[4] = {0, 3, 6, 9}, sizes[4] = {2, 2, 2, 3};
    for (int i = 0; i < 4; ++i)
        for (std::size_t k = 0; k < sizes[i]; ++k) {
            const char ch = w[starts[i] + k];
            if (ch < '0' || ch > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (ch - '0');
        }
    if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    return ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000 + parts[3];
}

/// An answer word the student typed is the expected one: the same text, or the same instant written
/// as a student would (the decimal comma, or the epoch ms the tools print, read in UTC as the traces'
/// HH:MM:SS.mmm are).
bool sameAnswer(const std::string& word, const std::string& expected) {
    if (word == expected || word.rfind(expected + "=", 0) == 0) return true;
    const auto want = timeOfDayMs(expected);
    if (!want) return false;
    if (const auto got = timeOfDayMs(word)) return *got == *want;
    if (word.size() < 10 || word.size() > 15 || word.find_first_not_of("0123456789") != std::string::npos)
        return false;
    return std::stoll(word) % 86400000 == *want;
}

/// echo with args: the step asks a question answered with `echo ANSWER` (labs 4 and 7). Not yet
/// passed says whether an answer was given and that it is not the expected one, never what it is.
CheckResult evalAnswer(const Check& c, const CheckContext& ctx) {
    CheckResult r;
    std::optional<std::string> lastAnswer;
    for (std::size_t i = ctx.from; i < ctx.history.size(); ++i) {
        const HistoryEntry& h = ctx.history[i];
        if (h.kind != c.kind || h.exit_code != 0) continue;
        std::string answer;
        for (std::size_t k = 1; k < h.argv.size(); ++k) answer += (k > 1 ? " " : "") + h.argv[k];
        lastAnswer = answer;
        bool ok = true;
        for (const auto& a : c.args)
            ok = ok && std::any_of(h.argv.begin() + (h.argv.empty() ? 0 : 1), h.argv.end(),
                                   [&](const std::string& w) { return sameAnswer(w, a); });
        if (ok) {
            r.passed = true;
            r.detail = "the answer '" + answer + "' is the expected one";
            return r;
        }
    }
    if (!lastAnswer) {
        r.reason = CheckReason::NoAnswer;
        r.args = {c.kind};
        r.detail = "no answer given with " + c.kind + " in this step";
    } else {
        r.reason = CheckReason::AnswerNotExpected;
        r.args = {*lastAnswer};
        r.detail = "the answer '" + *lastAnswer + "' is not the expected one";
    }
    return r;
}

CheckResult evalCommandRun(const Check& c, const CheckContext& ctx) {
    if (c.kind == "echo" && !c.args.empty() && !c.min && !c.max && !c.equals) return evalAnswer(c, ctx);
    std::int64_t n = 0;
    const bool wholeLab = countsWholeLab(c);
    for (std::size_t i = wholeLab ? ctx.labFrom : ctx.from; i < ctx.history.size(); ++i) {
        const HistoryEntry& h = ctx.history[i];
        if (h.kind != c.kind) continue;
        bool ok = true;
        for (const auto& a : c.args) {
            bool found = false;
            for (const auto& word : h.argv)
                found = found || word == a || word.rfind(a + "=", 0) == 0;
            ok = ok && found;
        }
        // "state": "Stable" on a describe of a group: only a describe that printed the group's
        // members and partitions counts, not one that warned "is rebalancing" or "has no active
        // members" (right after a consumer starts, its group is still rebalancing).
        if (ok && c.state == "Stable")
            for (NoteId id : h.notes)
                ok = ok && id != NoteId::GroupRebalancing && id != NoteId::GroupNoActiveMembers &&
                     id != NoteId::GroupDoesNotExist;
        if (ok && h.exit_code == 0) ++n;
    }
    Check limits = c;
    if (!c.min && !c.max && !c.equals) limits.min = 1;
    CheckResult r;
    r.passed = compare(n, limits, r, "successful '" + c.kind + "' commands" + (wholeLab ? " in this lab" : ""),
                       wholeLab ? CheckReason::CommandsRunInLab : CheckReason::CommandsRun, {c.kind});
    return r;
}

void validateCommandRun(const Check& c, const CheckRequirements& req) {
    req.need("kind", !c.kind.empty());
    static const std::set<std::string> kinds = {"topics.create",
                                                "leader-election",
                                                "configs.describe",
                                                "configs.alter",
                                                "get-offsets",
                                                "topics.list",
                                                "topics.describe",
                                                "topics.delete",
                                                "topics.alter",
                                                "console-producer",
                                                "console-consumer",
                                                "consumer-groups.list",
                                                "consumer-groups.describe",
                                                "consumer-groups.reset-offsets",
                                                "consumer-groups.delete",
                                                "consumer-groups.delete-offsets",
                                                "replay"};
    const bool builtin = builtinNamed(c.kind).has_value(); // sleep, echo, kill (labs/shell/builtins.h)
    if (!c.kind.empty() && !builtin && !kinds.count(c.kind)) req.invalid("kind", LabErrorCode::UnknownCommandKind, c.kind);
    if (!c.state.empty() && (c.state != "Stable" || c.kind != "consumer-groups.describe"))
        req.invalid("state", LabErrorCode::CommandRunState, c.state);
}

// stream replays (fluxolab-cli replay) ---------------------------------------------------------
// The stream checks read the standard output a successful replay kept in its history entry
// (HistoryEntry::output): firing lines "key,start,end,value,watermark,on-time|late-update", then
// "LATE,key,event_time,watermark", "OUTPUT,time,key,message", "CHECKPOINT,...", "CRASH,...",
// "DUPLICATE,<line>" and "SUMMARY,...". A check looks at the replays of the step on `trace` whose
// command line has every one of `args` (an arg with spaces: consecutive words) and passes if one of
// them satisfies it.

/// The CSV fields of one output line (quotes as the tool writes them).
std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted) {
            if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                out.back() += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            out.emplace_back();
        } else {
            out.back() += ch;
        }
    }
    return out;
}

std::vector<std::string> outputLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        out.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// The TRACE argument of `fluxolab-cli replay ...` (the one word that is neither an option nor its value).
std::string replayTrace(const std::vector<std::string>& argv) {
    for (std::size_t i = 2; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--json" || a == "--no-final-watermark" || a == "--help" || a == "-h") continue;
        if (a.rfind("--", 0) == 0) {
            ++i; // its value
            continue;
        }
        return a;
    }
    return {};
}

bool hasArgs(const std::vector<std::string>& argv, const std::vector<std::string>& args) {
    for (const auto& a : args) {
        std::vector<std::string> words;
        std::size_t start = 0;
        while (start <= a.size()) {
            const std::size_t sp = a.find(' ', start);
            const std::string w = a.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
            if (!w.empty()) words.push_back(w);
            if (sp == std::string::npos) break;
            start = sp + 1;
        }
        bool found = words.empty();
        for (std::size_t i = 0; !found && i + words.size() <= argv.size(); ++i)
            found = std::equal(words.begin(), words.end(), argv.begin() + static_cast<std::ptrdiff_t>(i));
        if (!found) return false;
    }
    return true;
}

/// The successful replays of the lab on `c.trace` with `c.args`, oldest first (countsWholeLab).
std::vector<const HistoryEntry*> streamRuns(const Check& c, const CheckContext& ctx) {
    std::vector<const HistoryEntry*> runs;
    for (std::size_t i = ctx.labFrom; i < ctx.history.size(); ++i) {
        const HistoryEntry& h = ctx.history[i];
        if (h.kind != "replay" || h.exit_code != 0) continue;
        if (!c.trace.empty() && fileName(replayTrace(h.argv)) != fileName(c.trace)) continue;
        if (hasArgs(h.argv, c.args)) runs.push_back(&h);
    }
    return runs;
}

std::string describeRuns(const Check& c) {
    std::string what = "fluxolab-cli replay " + (c.trace.empty() ? std::string("TRACE") : c.trace);
    for (const auto& a : c.args)
        what += " " + a;
    return what;
}

/// Counts the lines of each run that `pred` accepts (DUPLICATE lines are not results: never counted);
/// passes when one run's count is within the limits (at least one when none are given).
CheckResult countInRuns(const Check& c, const CheckContext& ctx, const std::string& what, CheckReason reason,
                        const std::vector<std::string>& args,
                        const std::function<bool(const std::vector<std::string>&)>& pred) {
    const auto runs = streamRuns(c, ctx);
    if (runs.empty())
        return result(false, "no successful '" + describeRuns(c) + "' in this lab", CheckReason::NoRun, {describeRuns(c)});
    Check limits = c;
    if (!c.min && !c.max && !c.equals) limits.min = 1;
    CheckResult r;
    for (const HistoryEntry* h : runs) {
        std::int64_t n = 0;
        for (const auto& line : outputLines(h->output)) {
            if (line.rfind("DUPLICATE,", 0) == 0) continue;
            if (pred(csvFields(line))) ++n;
        }
        r.passed = compare(n, limits, r, what, reason, args);
        if (r.passed) break;
    }
    return r;
}

void validateStreamRun(const Check& c, const CheckRequirements& req) {
    req.need("trace", !c.trace.empty());
}

CheckResult evalStreamRun(const Check& c, const CheckContext& ctx) {
    Check limits = c;
    if (!c.min && !c.max && !c.equals) limits.min = 1;
    CheckResult r;
    r.passed = compare(static_cast<std::int64_t>(streamRuns(c, ctx).size()), limits, r,
                       "successful '" + describeRuns(c) + "' runs", CheckReason::StreamRuns, {describeRuns(c)});
    return r;
}

bool isResultLine(const std::vector<std::string>& f) {
    return f.size() >= 6 && (f[5] == "on-time" || f[5] == "late-update");
}

CheckResult evalStreamWindow(const Check& c, const CheckContext& ctx) {
    const std::string start = std::to_string(c.window_start.value_or(0));
    std::string what = "firings of window " + start + " for key '" + c.key + "'";
    if (!c.value.empty()) what += " with value " + c.value;
    if (!c.firing.empty()) what += " (" + c.firing + ")";
    const std::string wm = c.watermark ? std::to_string(*c.watermark) : std::string();
    if (c.watermark) what += " at watermark " + wm;
    return countInRuns(c, ctx, what, CheckReason::WindowFirings, {c.key, start}, [&](const std::vector<std::string>& f) {
        return isResultLine(f) && f[0] == c.key && f[1] == start && (c.value.empty() || f[3] == c.value) &&
               (c.firing.empty() || f[5] == c.firing) && (wm.empty() || f[4] == wm);
    });
}

void validateStreamWindow(const Check& c, const CheckRequirements& req) {
    req.need("trace", !c.trace.empty());
    req.need("key", req.given("key"));
    req.need("window_start", c.window_start.has_value());
    if (!c.firing.empty() && c.firing != "on-time" && c.firing != "late-update")
        req.invalid("firing", LabErrorCode::BadFiring, c.firing);
}

CheckResult evalStreamLate(const Check& c, const CheckContext& ctx) {
    return countInRuns(c, ctx, c.key.empty() ? "late elements" : "late elements of key '" + c.key + "'",
                       CheckReason::LateElements, {c.key}, [&](const std::vector<std::string>& f) {
                           return f.size() == 4 && f[0] == "LATE" && (c.key.empty() || f[1] == c.key);
                       });
}

void validateStreamLate(const Check& c, const CheckRequirements& req) {
    req.need("trace", !c.trace.empty());
    needsLimits(c, req);
}

CheckResult evalStreamAlert(const Check& c, const CheckContext& ctx) {
    return countInRuns(c, ctx, "alerts for '" + c.key + "'", CheckReason::AlertsFor, {c.key}, [&](const std::vector<std::string>& f) {
        return f.size() == 4 && f[0] == "OUTPUT" && f[2] == c.key &&
               (c.value.empty() || f[3].find(c.value) != std::string::npos);
    });
}

void validateStreamAlert(const Check& c, const CheckRequirements& req) {
    req.need("trace", !c.trace.empty());
    req.need("key", !c.key.empty());
}

/// A run's results: its lines without checkpoints, crashes and the duplicates a restore re-emits.
std::vector<std::string> resultLines(const std::string& output) {
    std::vector<std::string> out;
    for (const auto& line : outputLines(output))
        if (line.rfind("CHECKPOINT,", 0) != 0 && line.rfind("CRASH,", 0) != 0 &&
            line.rfind("DUPLICATE,", 0) != 0)
            out.push_back(line);
    return out;
}

/// A replay's command line without the checkpoint options (what must be equal between the two runs).
std::vector<std::string> withoutCheckpointOptions(const std::vector<std::string>& argv) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "--crash-at" || argv[i] == "--checkpoint-interval") {
            ++i;
            continue;
        }
        out.push_back(argv[i]);
    }
    return out;
}

CheckResult evalStreamRecovered(const Check& c, const CheckContext& ctx) {
    // Both runs may come from any step of the lab (countsWholeLab): lab 7 runs the one without a crash
    // in step 1, and a student who ran the crash first (in step 1, with the checkpoints it asks for)
    // has the run step 2 asks for; the engine is deterministic, so asking again only stranded students.
    const auto runs = streamRuns(c, ctx);
    std::vector<const HistoryEntry*> crashed, clean;
    for (const HistoryEntry* h : runs) {
        const bool crash =
            h->output.rfind("CRASH,", 0) == 0 || h->output.find("\nCRASH,") != std::string::npos;
        (crash ? crashed : clean).push_back(h);
    }
    if (crashed.empty())
        return result(false, "no successful '" + describeRuns(c) + " --crash-at N' in this lab", CheckReason::NoCrashRun,
                      {describeRuns(c) + " --crash-at N"});
    if (clean.empty())
        return result(false, "no successful '" + describeRuns(c) + "' without --crash-at in this lab to compare with",
                      CheckReason::NoCleanRun, {describeRuns(c)});
    CheckResult r = result(false, "the run with --crash-at and the run without it have different results",
                           CheckReason::RecoveredDiffers);
    for (const HistoryEntry* k : crashed) {
        for (const HistoryEntry* n : clean) {
            if (withoutCheckpointOptions(k->argv) != withoutCheckpointOptions(n->argv)) {
                r.detail = "the run with --crash-at and the run without it differ in other options";
                r.reason = CheckReason::RecoveredOptionsDiffer;
                continue;
            }
            if (resultLines(k->output) != resultLines(n->output)) continue;
            std::int64_t dups = 0;
            for (const auto& line : outputLines(k->output))
                dups += line.rfind("DUPLICATE,", 0) == 0 ? 1 : 0;
            Check limits = c;
            if (!c.min && !c.max && !c.equals) limits.min = 0;
            r.passed =
                compare(dups, limits, r, "same results after the restore; duplicates at the sink",
                        CheckReason::RecoveredDuplicates, {});
            if (r.passed) return r;
        }
    }
    return r;
}

} // namespace

const std::vector<CheckEvaluator>& checkEvaluators() {
    static const std::vector<CheckEvaluator> registry = {
        {"all", needsNothing, evalAllAny},
        {"any", needsNothing, evalAllAny},
        {"not", needsNothing, evalNot},
        {"topic_exists", needsTopic, evalTopicExists},
        {"topic_absent", needsTopic, evalTopicAbsent},
        {"group_exists", needsGroup, evalGroup},
        {"group_state", validateGroupState, evalGroup},
        {"group_lag", validateGroupLag, evalGroupLag},
        {"committed_offset", validateCommittedOffset, evalCommittedOffset},
        {"record_in_partition", validateRecordInPartition, evalRecordInPartition},
        {"record_count", validateRecordCount, evalRecordCount},
        {"command_run", validateCommandRun, evalCommandRun},
        {"stream_run", validateStreamRun, evalStreamRun},
        {"stream_window", validateStreamWindow, evalStreamWindow},
        {"stream_late", validateStreamLate, evalStreamLate},
        {"stream_alert", validateStreamAlert, evalStreamAlert},
        {"stream_recovered", validateStreamRun, evalStreamRecovered},
    };
    return registry;
}

const CheckEvaluator* findCheckEvaluator(std::string_view type) {
    for (const auto& e : checkEvaluators())
        if (e.type == type) return &e;
    return nullptr;
}

CheckResult evaluateCheck(const Check& check, const CheckContext& ctx) {
    const CheckEvaluator* e = findCheckEvaluator(check.type);
    if (!e) return result(false, "unknown check type '" + check.type + "'", CheckReason::None);
    return e->evaluate(check, ctx);
}

} // namespace fluxolab::labs
