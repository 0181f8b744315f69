#include "labs/lab_engine/check_evaluators.h"

#include "sim/lag.h"

#include <algorithm>
#include <set>

namespace fluxolab::labs {

namespace {

bool compare(std::int64_t v, const Check& c, std::string& detail, const std::string& what) {
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
    }
    if (all) r.detail = "all conditions hold";
    return r;
}

CheckResult evalNot(const Check& c, const CheckContext& ctx) {
    if (c.children.empty()) return CheckResult{false, "'not' has no check"};
    const CheckResult cr = evaluateCheck(c.children.front(), ctx);
    return CheckResult{!cr.passed, "not (" + cr.detail + ")"};
}

// topics ------------------------------------------------------------------------------------------

CheckResult evalTopicExists(const Check& c, const CheckContext& ctx) {
    const auto t = ctx.backend.describeTopic(c.topic);
    if (!t) return CheckResult{false, "topic '" + c.topic + "' does not exist"};
    const auto parts = static_cast<std::int32_t>(t->partitions.size());
    const auto rf =
        t->partitions.empty() ? 0 : static_cast<std::int32_t>(t->partitions.front().replicas.size());
    CheckResult r;
    r.detail = "topic '" + c.topic + "' has " + std::to_string(parts) + " partition(s), replication factor " +
               std::to_string(rf);
    r.passed =
        (!c.partitions || *c.partitions == parts) && (!c.replication_factor || *c.replication_factor == rf);
    return r;
}

CheckResult evalTopicAbsent(const Check& c, const CheckContext& ctx) {
    const bool exists = ctx.backend.describeTopic(c.topic).has_value();
    return CheckResult{!exists,
                       exists ? "topic '" + c.topic + "' exists" : "topic '" + c.topic + "' is absent"};
}

// groups ------------------------------------------------------------------------------------------

CheckResult evalGroup(const Check& c, const CheckContext& ctx) {
    const auto g = ctx.backend.describeGroup(c.group);
    if (!g)
        return CheckResult{c.type == "group_state" && c.state == "Dead",
                           "group '" + c.group + "' does not exist"};
    CheckResult r;
    r.detail = "group '" + c.group + "' is " + g->state + " with " + std::to_string(g->members.size()) +
               " member(s)";
    r.passed = (c.state.empty() || g->state == c.state) &&
               (!c.members || static_cast<std::int32_t>(g->members.size()) == *c.members);
    return r;
}

void validateGroupState(const Check& c, const CheckRequirements& req) {
    req.need("group", !c.group.empty());
    req.need("state", !c.state.empty());
    static const std::set<std::string> states = {"Empty", "PreparingRebalance", "CompletingRebalance",
                                                 "Stable", "Dead"};
    if (!c.state.empty() && !states.count(c.state))
        req.invalid("state", "unknown group state '" + c.state + "'");
}

CheckResult evalGroupLag(const Check& c, const CheckContext& ctx) {
    const auto g = ctx.backend.describeGroup(c.group);
    const auto t = ctx.backend.describeTopic(c.topic);
    if (!g || !t)
        return CheckResult{false, !g ? "group '" + c.group + "' does not exist"
                                     : "topic '" + c.topic + "' does not exist"};
    // The sum of the LAG column kafka-consumer-groups --describe prints for these partitions;
    // partitions whose LAG is "-" (nothing committed) add nothing, and if every one is "-" the
    // group has no lag on the topic to compare.
    std::optional<std::int64_t> lag;
    for (const auto& p : t->partitions) {
        if (c.partition && p.partition != *c.partition) continue;
        auto it = g->committed.find(TopicPartition{c.topic, p.partition});
        const auto committed = it == g->committed.end() ? std::nullopt : std::optional<Offset>(it->second);
        const auto end =
            p.leader >= 0 ? std::optional<Offset>(p.high_watermark) : std::nullopt; // no leader: "-"
        if (const auto l = sim::consumerLag(committed, end)) lag = lag.value_or(0) + *l;
    }
    if (!lag)
        return CheckResult{false,
                           "group '" + c.group + "' has no committed offset on '" + c.topic + "' (LAG is -)"};
    CheckResult r;
    r.passed = compare(*lag, c, r.detail, "lag of '" + c.group + "' on '" + c.topic + "'");
    return r;
}

void validateGroupLag(const Check& c, const CheckRequirements& req) {
    req.need("group", !c.group.empty());
    req.need("topic", !c.topic.empty());
    needsLimits(c, req);
}

CheckResult evalCommittedOffset(const Check& c, const CheckContext& ctx) {
    const auto g = ctx.backend.describeGroup(c.group);
    if (!g) return CheckResult{false, "group '" + c.group + "' does not exist"};
    const std::string tp = c.topic + "-" + std::to_string(c.partition.value_or(0));
    auto it = g->committed.find(TopicPartition{c.topic, c.partition.value_or(0)});
    if (it == g->committed.end()) return CheckResult{false, "no committed offset for " + tp};
    return CheckResult{it->second == c.offset.value_or(-1),
                       "committed offset of " + tp + " is " + std::to_string(it->second)};
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
    if (!t) return CheckResult{false, "topic '" + c.topic + "' does not exist"};
    std::vector<std::int32_t> where;
    for (const auto& p : t->partitions)
        for (const auto& rec : ctx.backend.readRecords(TopicPartition{c.topic, p.partition}))
            if (rec.key && *rec.key == c.key && (c.value.empty() || rec.value == c.value)) {
                where.push_back(p.partition);
                break;
            }
    if (where.empty()) return CheckResult{false, "no record with key '" + c.key + "' in '" + c.topic + "'"};
    CheckResult r;
    r.passed = !c.partition || std::find(where.begin(), where.end(), *c.partition) != where.end();
    r.detail =
        "key '" + c.key + "' is in partition " + std::to_string(where.front()) + " of '" + c.topic + "'";
    return r;
}

void validateRecordInPartition(const Check& c, const CheckRequirements& req) {
    req.need("topic", !c.topic.empty());
    req.need("key", req.given("key")); // an empty key is a key
}

CheckResult evalRecordCount(const Check& c, const CheckContext& ctx) {
    const auto t = ctx.backend.describeTopic(c.topic);
    if (!t) return CheckResult{false, "topic '" + c.topic + "' does not exist"};
    std::int64_t count = 0;
    for (const auto& p : t->partitions) {
        if (c.partition && p.partition != *c.partition) continue;
        count +=
            static_cast<std::int64_t>(ctx.backend.readRecords(TopicPartition{c.topic, p.partition}).size());
    }
    CheckResult r;
    r.passed = compare(count, c, r.detail, "record count of '" + c.topic + "'");
    return r;
}

void validateRecordCount(const Check& c, const CheckRequirements& req) {
    req.need("topic", !c.topic.empty());
    needsLimits(c, req);
}

// commands ----------------------------------------------------------------------------------------

CheckResult evalCommandRun(const Check& c, const CheckContext& ctx) {
    std::int64_t n = 0;
    for (std::size_t i = ctx.from; i < ctx.history.size(); ++i) {
        const HistoryEntry& h = ctx.history[i];
        if (h.kind != c.kind) continue;
        bool ok = true;
        for (const auto& a : c.args) {
            bool found = false;
            for (const auto& word : h.argv)
                found = found || word == a || word.rfind(a + "=", 0) == 0;
            ok = ok && found;
        }
        if (ok && h.exit_code == 0) ++n;
    }
    Check limits = c;
    if (!c.min && !c.max && !c.equals) limits.min = 1;
    CheckResult r;
    r.passed = compare(n, limits, r.detail, "successful '" + c.kind + "' commands");
    return r;
}

void validateCommandRun(const Check& c, const CheckRequirements& req) {
    req.need("kind", !c.kind.empty());
    static const std::set<std::string> kinds = {"topics.create",
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
                                                "sleep",
                                                "kill"};
    if (!c.kind.empty() && !kinds.count(c.kind)) req.invalid("kind", "unknown command kind '" + c.kind + "'");
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
    if (!e) return CheckResult{false, "unknown check type '" + check.type + "'"};
    return e->evaluate(check, ctx);
}

} // namespace fluxolab::labs
