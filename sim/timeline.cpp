#include "sim/timeline.h"

#include "sim/lag.h"

#include <algorithm>
#include <limits>

namespace fluxolab::sim {

Offset PartitionView::leaderLeo() const {
    for (std::size_t i = 0; i < replicas.size(); ++i)
        if (replicas[i] == leader) return replica_leo[i];
    Offset best = 0;
    for (Offset o : replica_leo) best = std::max(best, o);
    return best;
}

std::optional<Offset> ClusterView::committedLag(std::int32_t group, const TpKey& tp) const {
    auto g = groups.find(group);
    if (g == groups.end()) return std::nullopt;
    auto c = g->second.committed.find(tp);
    auto p = partitions.find(tp);
    if (c == g->second.committed.end() || p == partitions.end()) return std::nullopt;
    return consumerLag(c->second, lagEndOffset(p->second.leader, p->second.high_watermark));
}

namespace {
std::vector<TpKey> tpList(const std::vector<std::int32_t>& flat) {
    std::vector<TpKey> out;
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) out.emplace_back(flat[i], flat[i + 1]);
    return out;
}
template <typename T>
T& slot(std::vector<T>& v, std::int32_t i) {
    if (v.size() <= static_cast<std::size_t>(i)) v.resize(static_cast<std::size_t>(i) + 1);
    return v[static_cast<std::size_t>(i)];
}
} // namespace

namespace {
TpKey keyOf(const Event& e) { return {e.topic, e.partition}; }
/// The partition event `e` changes, stamped with the view's event count (PartitionView::changed).
PartitionView& touch(PartitionMap& partitions, const Event& e, std::size_t events) {
    PartitionView& p = partitions[keyOf(e)];
    p.changed = events;
    return p;
}
Offset* replicaLeo(PartitionView& p, BrokerId b) {
    for (std::size_t i = 0; i < p.replicas.size(); ++i)
        if (p.replicas[i] == b) return &p.replica_leo[i];
    return nullptr;
}
} // namespace

// The fold hooks: one per line of FLUXOLAB_KAFKA_EVENTS (sim/journal.h), in its order.
// clang-format off
#define FLUXOLAB_KAFKA_FOLD(Type) template <> void ClusterView::fold<EventType::Type>([[maybe_unused]] const Journal& j, [[maybe_unused]] const Event& e)
// clang-format on

FLUXOLAB_KAFKA_FOLD(BrokerStarted) {
    auto& b = slot(brokers, e.broker - 1);
    b.id = e.broker;
    b.alive = true; // a restarted broker stays fenced until BrokerUnfenced (a new one starts unfenced)
}
FLUXOLAB_KAFKA_FOLD(BrokerStopped) {
    // A controlled shutdown is fenced by the active controller (broker_fenced follows); without one,
    // nobody fences it until the next controller's session for it expires.
    slot(brokers, e.broker - 1).alive = false;
}
FLUXOLAB_KAFKA_FOLD(BrokerFenced) { slot(brokers, e.broker - 1).fenced = true; }
FLUXOLAB_KAFKA_FOLD(BrokerUnfenced) { slot(brokers, e.broker - 1).fenced = false; }
FLUXOLAB_KAFKA_FOLD(TopicCreated) {
    TopicView t;
    t.topic = e.topic;
    t.partitions = 0;
    t.replication_factor = static_cast<std::int32_t>(e.b);
    topics[e.topic] = t;
}
FLUXOLAB_KAFKA_FOLD(TopicDeleted) {
    topics.erase(e.topic);
    partitions.eraseRange({e.topic, std::numeric_limits<std::int32_t>::min()}, {e.topic + 1, std::numeric_limits<std::int32_t>::min()},
                          [](const TpKey&) { return true; });
    for (auto& [gi, g] : groups)
        for (auto it = g.committed.begin(); it != g.committed.end();)
            it = it->first.first == e.topic ? g.committed.erase(it) : std::next(it);
}
FLUXOLAB_KAFKA_FOLD(PartitionCreated) {
    PartitionView p;
    p.replicas = j.list(e);
    p.replica_leo.assign(p.replicas.size(), 0);
    p.isr = p.replicas;
    p.changed = events;
    partitions[keyOf(e)] = std::move(p);
    auto t = topics.find(e.topic);
    if (t != topics.end()) t->second.partitions = std::max(t->second.partitions, e.partition + 1);
}
FLUXOLAB_KAFKA_FOLD(LeaderElected) {
    auto& p = touch(partitions, e, events);
    p.leader = e.broker;
    p.leader_epoch = static_cast<std::int32_t>(e.a);
}
FLUXOLAB_KAFKA_FOLD(IsrShrunk) { touch(partitions, e, events).isr = j.list(e); }
FLUXOLAB_KAFKA_FOLD(IsrExpanded) { touch(partitions, e, events).isr = j.list(e); }
FLUXOLAB_KAFKA_FOLD(RecordsAppended) {
    auto& p = touch(partitions, e, events);
    if (Offset* leo = replicaLeo(p, e.broker)) *leo = e.a + e.b;
    if (e.actor >= 0) slot(producers, e.actor);
}
FLUXOLAB_KAFKA_FOLD(ReplicaFetched) {
    auto& p = touch(partitions, e, events);
    if (Offset* leo = replicaLeo(p, e.broker)) *leo = e.a;
}
FLUXOLAB_KAFKA_FOLD(HighWatermarkAdvanced) { touch(partitions, e, events).high_watermark = e.a; }
FLUXOLAB_KAFKA_FOLD(LogTruncated) {
    auto& p = touch(partitions, e, events);
    if (Offset* leo = replicaLeo(p, e.broker)) *leo = e.a;
}
FLUXOLAB_KAFKA_FOLD(LogStartAdvanced) { touch(partitions, e, events).log_start = e.a; }
FLUXOLAB_KAFKA_FOLD(ProducerAdded) { slot(producers, e.actor); }
FLUXOLAB_KAFKA_FOLD(ProducerClosed) { slot(producers, e.actor).closed = true; }
FLUXOLAB_KAFKA_FOLD(ConnectionFailed) {} // a client log line: the producer's batches wait, nothing else changes
FLUXOLAB_KAFKA_FOLD(ControllerElected) {
    controller_id = e.broker;
    controller_epoch = static_cast<std::int32_t>(e.a);
}
FLUXOLAB_KAFKA_FOLD(ProduceAcked) { slot(producers, e.actor).acked += e.b; }
FLUXOLAB_KAFKA_FOLD(ProduceFailed) {
    if (e.flag) slot(producers, e.actor).retries += 1;
    else slot(producers, e.actor).failed += e.b;
}
FLUXOLAB_KAFKA_FOLD(ConsumerAdded) {
    auto& c = slot(consumers, e.actor);
    c.group = e.group;
    if (e.group >= 0) groups[e.group];
}
FLUXOLAB_KAFKA_FOLD(ConsumerClosed) {
    auto& c = slot(consumers, e.actor);
    c.closed = true;
    if (e.flag == 0) {
        c.assigned.clear();
        c.position.clear();
    }
}
FLUXOLAB_KAFKA_FOLD(ConsumerPaused) { slot(consumers, e.actor).paused_until = e.time + e.a; }
FLUXOLAB_KAFKA_FOLD(MemberJoined) {
    slot(consumers, e.actor).member_id = e.name;
    auto& g = groups[e.group];
    if (std::find(g.members.begin(), g.members.end(), e.actor) == g.members.end()) g.members.push_back(e.actor);
}
FLUXOLAB_KAFKA_FOLD(MemberLeft) {
    slot(consumers, e.actor).member_id = 0;
    auto& g = groups[e.group];
    std::erase(g.members, e.actor);
    if (g.leader == e.actor) g.leader = -1;
}
FLUXOLAB_KAFKA_FOLD(GroupStateChanged) {
    auto& g = groups[e.group];
    g.state = static_cast<GroupState>(e.a);
    g.generation = static_cast<std::int32_t>(e.b);
    if (g.state == GroupState::Empty) {
        g.leader = -1;
        g.protocol = -1;
    }
}
FLUXOLAB_KAFKA_FOLD(GenerationStarted) {
    auto& g = groups[e.group];
    g.generation = static_cast<std::int32_t>(e.a);
    g.leader = e.actor;
    g.protocol = e.flag;
    g.members = j.list(e);
}
FLUXOLAB_KAFKA_FOLD(PartitionsRevoked) {
    auto& c = slot(consumers, e.actor);
    for (const auto& tp : tpList(j.list(e))) {
        std::erase(c.assigned, tp);
        c.position.erase(tp);
    }
}
FLUXOLAB_KAFKA_FOLD(PartitionsLost) {
    auto& c = slot(consumers, e.actor);
    for (const auto& tp : tpList(j.list(e))) {
        std::erase(c.assigned, tp);
        c.position.erase(tp);
    }
}
FLUXOLAB_KAFKA_FOLD(PartitionsAssigned) {
    auto& c = slot(consumers, e.actor);
    for (const auto& tp : tpList(j.list(e)))
        if (std::find(c.assigned.begin(), c.assigned.end(), tp) == c.assigned.end()) c.assigned.push_back(tp);
    std::sort(c.assigned.begin(), c.assigned.end());
}
FLUXOLAB_KAFKA_FOLD(RecordsConsumed) {
    auto& c = slot(consumers, e.actor);
    c.position[keyOf(e)] = e.a + e.b;
    c.consumed += e.b;
}
FLUXOLAB_KAFKA_FOLD(PositionReset) { slot(consumers, e.actor).position[keyOf(e)] = e.a; }
FLUXOLAB_KAFKA_FOLD(OffsetCommitted) { groups[e.group].committed[keyOf(e)] = e.a; }
FLUXOLAB_KAFKA_FOLD(CommitFailed) {} // changes nothing the view shows
FLUXOLAB_KAFKA_FOLD(CoordinatorMoved) { groups[e.group].coordinator = e.broker; }
FLUXOLAB_KAFKA_FOLD(GroupDeleted) { groups.erase(e.group); }
FLUXOLAB_KAFKA_FOLD(OffsetDeleted) {
    if (auto g = groups.find(e.group); g != groups.end()) g->second.committed.erase(keyOf(e));
}
FLUXOLAB_KAFKA_FOLD(TopicConfigChanged) {} // the configs of a moment come from SimObserver (labs/observe)
FLUXOLAB_KAFKA_FOLD(ScenarioAction) {} // a marker for the event log; the actions' effects are their own events
FLUXOLAB_KAFKA_FOLD(GroupLoaded) {
    auto& g = groups[e.group];
    g.coordinator = e.broker;
    g.state = static_cast<GroupState>(e.a);
    g.generation = static_cast<std::int32_t>(e.b);
    g.leader = e.actor;
    g.protocol = e.flag == 255 ? -1 : e.flag;
    g.members.clear();
    const auto pairs = j.list(e);
    for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) {
        g.members.push_back(pairs[i]);
        slot(consumers, pairs[i]).member_id = static_cast<std::uint32_t>(pairs[i + 1]);
    }
}
#undef FLUXOLAB_KAFKA_FOLD

void ClusterView::apply(const Journal& j, const Event& e) {
    time = e.time;
    ++events;
    if (e.family != kKafkaFamily) return; // another engine's event: its own view folds it
    FLUXOLAB_FOLD(FLUXOLAB_KAFKA_EVENTS, EventType, *this, j, e);
}

} // namespace fluxolab::sim
