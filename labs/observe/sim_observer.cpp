#include "labs/observe/sim_observer.h"

#include "sim/assignors.h"
#include "sim/topic_configs.h"

#include <algorithm>

namespace fluxolab::labs::observe {

namespace {
PartitionKey key(const sim::Journal& j, const sim::TpKey& tp) {
    return {j.topicName(tp.first), tp.second};
}
} // namespace

void SimObserver::clear() {
    m_topics.clear();
    m_learned = 0;
}

void SimObserver::learn(const sim::Simulation& sim) {
    const sim::Journal& j = sim.journal();
    const auto& events = j.events();
    for (; m_learned < events.size(); ++m_learned) {
        const sim::Event& e = events[m_learned];
        if (e.type != sim::EventType::TopicCreated) continue;
        TopicFacts f;
        f.created_at = m_learned;
        if (const sim::TopicState* t = sim.topic(j.topicName(e.topic))) {
            f.topic_id = t->topic_id;
            f.configs = sim::describedTopicConfigs(t->name, t->configs, sim.config().defaults);
        }
        m_topics[e.topic].push_back(std::move(f));
    }
}

Observation SimObserver::observe(const sim::Simulation& sim, const sim::ClusterView& v, bool live) const {
    const sim::Journal& j = sim.journal();
    Observation o;
    o.capabilities = capabilities();
    o.time = v.time;
    o.live = live;

    // ---- brokers: addresses are fixed at start; state from the view ----
    const sim::BrokerId controller = v.controller();
    for (const sim::BrokerView& b : v.brokers) {
        Broker ob;
        ob.id = b.id;
        ob.alive = b.alive;
        ob.fenced = b.fenced;
        ob.controller = b.id == controller;
        for (const auto& sb : sim.brokers())
            if (sb.id == b.id) {
                ob.host = sb.host;
                ob.port = sb.port;
            }
        o.brokers.push_back(std::move(ob));
    }
    auto address = [&](sim::BrokerId id) -> std::string {
        if (const Broker* b = o.broker(id)) return b->host + ":" + std::to_string(b->port);
        return {};
    };

    // ---- topics and partitions ----
    for (const auto& [ti, t] : v.topics) {
        Topic ot;
        ot.name = j.topicName(ti);
        ot.partitions = t.partitions;
        ot.replication_factor = t.replication_factor;
        ot.internal = isInternalName(ot.name);
        const sim::TopicState* ts = live ? sim.topic(ot.name) : nullptr;
        if (ts && ts->index == ti) {
            ot.topic_id = ts->topic_id;
            ot.configs = sim::describedTopicConfigs(ts->name, ts->configs, sim.config().defaults);
        } else if (auto it = m_topics.find(ti); it != m_topics.end()) {
            // The incarnation of the topic at this moment: the last one created before it.
            const TopicFacts* facts = nullptr;
            for (const auto& f : it->second)
                if (f.created_at < v.events) facts = &f;
            if (facts) {
                ot.topic_id = facts->topic_id;
                ot.configs = facts->configs;
            }
        }
        o.topics.push_back(std::move(ot));
    }
    std::sort(o.topics.begin(), o.topics.end(),
              [](const Topic& a, const Topic& b) { return a.name < b.name; });
    for (const auto& [tp, p] : v.partitions) {
        if (!v.topics.contains(tp.first)) continue;
        Partition op;
        op.topic = j.topicName(tp.first);
        op.partition = tp.second;
        op.leader = p.leader;
        op.leader_epoch = p.leader_epoch;
        op.replicas = p.replicas;
        op.isr = p.isr;
        op.log_start = p.log_start;
        op.high_watermark = p.high_watermark;
        op.log_end = p.leaderLeo();
        op.replica_log_end = p.replica_leo;
        o.records_in_flight += std::max<sim::Offset>(0, op.log_end - op.high_watermark);
        o.partitions.push_back(std::move(op));
    }
    std::sort(o.partitions.begin(), o.partitions.end(), [](const Partition& a, const Partition& b) {
        return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition);
    });

    // ---- clients: configuration fixed at creation; state from the view ----
    for (std::size_t ci = 0; ci < v.consumers.size(); ++ci) {
        const sim::ConsumerView& cv = v.consumers[ci];
        Consumer oc;
        oc.client_id = j.consumerName(static_cast<std::int32_t>(ci));
        oc.group = cv.group >= 0 ? j.groupName(cv.group) : std::string();
        if (ci < sim.consumers().size()) oc.host = sim.consumers()[ci].config.host;
        oc.closed = cv.closed;
        oc.paused = cv.paused_until > v.time;
        for (const auto& tp : cv.assigned)
            oc.assigned.push_back(key(j, tp));
        for (const auto& [tp, off] : cv.position)
            oc.position[key(j, tp)] = off;
        oc.consumed = cv.consumed;
        o.consumers.push_back(std::move(oc));
    }
    for (std::size_t pi = 0; pi < v.producers.size(); ++pi) {
        const sim::ProducerView& pv = v.producers[pi];
        o.producers.push_back(
            {j.producerName(static_cast<std::int32_t>(pi)), pv.acked, pv.failed, pv.retries});
    }

    // ---- groups ----
    for (const auto& [gi, g] : v.groups) {
        Group og;
        og.name = j.groupName(gi);
        og.internal = isInternalName(og.name);
        og.state = g.state;
        og.generation = g.generation;
        og.coordinator = g.coordinator;
        og.coordinator_host = g.coordinator >= 0 ? address(g.coordinator) : std::string();
        const Broker* cb = o.broker(g.coordinator);
        og.coordinator_down = g.coordinator < 0 || !cb || !cb->alive;
        if (g.leader >= 0) og.leader = j.consumerName(g.leader);
        if (g.protocol >= 0) og.protocol = sim::assignorName(static_cast<sim::AssignorKind>(g.protocol));
        for (std::int32_t m : g.members) {
            Member om;
            om.consumer = m;
            if (static_cast<std::size_t>(m) < v.consumers.size()) {
                const sim::ConsumerView& cv = v.consumers[static_cast<std::size_t>(m)];
                if (cv.member_id != 0) om.member_id = j.string(cv.member_id);
                om.client_id = o.consumers[static_cast<std::size_t>(m)].client_id;
                om.host = o.consumers[static_cast<std::size_t>(m)].host;
                om.assigned = o.consumers[static_cast<std::size_t>(m)].assigned;
            }
            og.members.push_back(std::move(om));
        }
        // Before the first generation: the assignor the members prefer (their configuration).
        for (std::size_t ci = 0; ci < v.consumers.size() && og.preferred_protocol.empty(); ++ci)
            if (v.consumers[ci].group == gi && ci < sim.consumers().size() &&
                !sim.consumers()[ci].config.assignors.empty())
                og.preferred_protocol = sim::assignorName(sim.consumers()[ci].config.assignors.front());
        for (const auto& [tp, off] : g.committed) {
            og.committed[key(j, tp)] = off;
            if (auto lag = v.committedLag(gi, tp)) og.lag[key(j, tp)] = *lag;
        }
        o.groups.push_back(std::move(og));
    }
    std::sort(o.groups.begin(), o.groups.end(),
              [](const Group& a, const Group& b) { return a.name < b.name; });
    return o;
}

} // namespace fluxolab::labs::observe
