#include "labs/rdkafka/real_observer.h"

#include "sim/assignors.h"
#include "sim/lag.h"

#include <algorithm>
#include <optional>
#include <set>

namespace fluxolab::labs {

using observe::Observation;

RealSnapshot RealObserver::observe(const ClusterBackend& backend, const LastError& lastError) {
    RealSnapshot snap;
    Observation& o = snap.observation;
    o.capabilities = capabilities();
    o.live = true;
    o.time = backend.nowMs();

    const std::vector<BrokerInfo> brokers = backend.brokers();
    if (brokers.empty()) return snap; // a cluster always lists at least the broker that answered
    const std::vector<std::string> topics = backend.listTopics(true);
    if (lastError && lastError() != ClientError::None) return snap;
    snap.connected = true;
    // The cluster may stop answering in the middle of a refresh (a broker stopped): every further
    // call would wait for its whole timeout, topic after topic and group after group, and the
    // refresh (and whoever waits for it, such as closing the window) would take minutes. The first
    // call that got no answer ends the refresh: not connected.
    auto lost = [&] {
        if (!lastError || lastError() == ClientError::None) return false;
        snap.connected = false;
        return true;
    };
    for (const BrokerInfo& b : brokers) {
        observe::Broker ob;
        ob.id = b.id;
        ob.host = b.host;
        ob.port = b.port;
        ob.alive = b.alive;
        o.brokers.push_back(std::move(ob));
    }

    std::map<observe::PartitionKey, std::optional<sim::Offset>> lagEnd; ///< sim::lagEndOffset per partition
    for (const std::string& name : topics) {
        const std::optional<TopicInfo> t = backend.describeTopic(name);
        if (lost()) return snap;
        if (!t) continue; // deleted between the two requests
        observe::Topic ot;
        ot.name = t->name;
        ot.topic_id = t->topic_id;
        ot.partitions = static_cast<std::int32_t>(t->partitions.size());
        ot.replication_factor = t->partitions.empty() ? 0 : static_cast<std::int32_t>(t->partitions.front().replicas.size());
        ot.configs = t->configs;
        ot.internal = t->internal || observe::isInternalName(t->name);
        for (const PartitionInfo& p : t->partitions) {
            observe::Partition op;
            op.topic = t->name;
            op.partition = p.partition;
            op.leader = p.leader;
            op.replicas = p.replicas;
            op.isr = p.isr;
            op.log_start = p.log_start;
            op.high_watermark = p.high_watermark;
            // The leader's log end offset is not in ListOffsets (latest = the high watermark).
            op.log_end = p.high_watermark;
            lagEnd[{t->name, p.partition}] = sim::lagEndOffset(p.leader, p.high_watermark);
            o.partitions.push_back(std::move(op));
        }
        o.topics.push_back(std::move(ot));
    }
    std::sort(o.topics.begin(), o.topics.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::sort(o.partitions.begin(), o.partitions.end(),
              [](const auto& a, const auto& b) { return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition); });

    const std::vector<std::string> groups = backend.listGroups();
    if (lost()) return snap;
    for (const std::string& name : groups) {
        const std::optional<GroupInfo> g = backend.describeGroup(name);
        if (lost()) return snap;
        if (!g) continue; // Dead or gone
        if (g->state == GroupState::Dead) continue;
        observe::Group og;
        og.name = g->id;
        og.state = g->state;
        og.protocol = g->protocol;
        og.generation = g->generation.value_or(0);
        og.generation_known = g->generation.has_value();
        og.internal = observe::isInternalName(g->id);
        og.coordinator = g->coordinator.id;
        if (!g->coordinator.host.empty())
            og.coordinator_host = g->coordinator.host + ":" + std::to_string(g->coordinator.port);
        og.coordinator_down = og.coordinator_host.empty();
        for (const MemberInfo& m : g->members) {
            observe::Member om;
            om.member_id = m.member_id;
            om.client_id = m.client_id;
            om.host = m.host;
            for (const TopicPartition& tp : m.assignment) om.assigned.emplace_back(tp.topic, tp.partition);
            og.members.push_back(std::move(om));
        }
        for (const auto& [tp, off] : g->committed) {
            const observe::PartitionKey key{tp.topic, tp.partition};
            og.committed[key] = off;
            // The LAG kafka-consumer-groups prints (sim/lag.h): not clamped, none without a leader.
            if (auto it = lagEnd.find(key); it != lagEnd.end())
                if (const auto lag = sim::consumerLag(off, it->second)) og.lag[key] = *lag;
        }
        o.groups.push_back(std::move(og));
    }
    std::sort(o.groups.begin(), o.groups.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    // Each member as a consumer, with what DescribeGroups tells about it (its client id, host and
    // assignment) and nothing of its own state (no ClientInternals): the views draw members from
    // the consumers. A rebalancing eager group has stopped every member; a cooperative one only
    // those without partitions.
    for (std::size_t gi = 0; gi < o.groups.size(); ++gi) {
        observe::Group& g = o.groups[gi];
        g.ordinal = static_cast<std::int32_t>(gi);
        const auto kind = sim::parseAssignor(g.protocol);
        g.cooperative = kind && sim::isCooperative(*kind);
        for (observe::Member& m : g.members) {
            observe::Consumer c;
            c.client_id = m.client_id;
            c.group = g.name;
            c.host = m.host;
            c.assigned = m.assigned;
            c.member = true;
            if (observe::isRebalancing(g.state) && (!g.cooperative || c.assigned.empty()))
                c.status = observe::ConsumerStatus::Stopped;
            else if (c.assigned.empty())
                c.status = observe::ConsumerStatus::NoPartitions;
            m.consumer = static_cast<std::int32_t>(o.consumers.size());
            o.consumers.push_back(std::move(c));
        }
    }
    return snap;
}

void RealObserver::keepOrdinals(observe::Observation& o, std::map<std::string, std::int32_t>& seen) {
    for (observe::Group& g : o.groups)
        g.ordinal = seen.emplace(g.name, static_cast<std::int32_t>(seen.size())).first->second;
}

std::vector<ObservedRebalance> RealObserver::rebalances(const Observation& before, const Observation& after) {
    std::vector<ObservedRebalance> out;
    auto rebalancing = [](GroupState s) { return observe::isRebalancing(s); };
    for (const observe::Group& g : after.groups) {
        const observe::Group* prev = before.group(g.name);
        if (g.generation_known && prev && prev->generation_known) {
            // Each completed rebalance stored a new generation: one rebalance per generation, also
            // those that began and ended between the two refreshes. A lower generation: the group was
            // deleted and made again (it starts from 0), one rebalance into its current generation.
            if (g.generation > prev->generation)
                for (std::int32_t gen = prev->generation + 1; gen <= g.generation; ++gen)
                    out.push_back({g.name, after.time, ObservedRebalance::Evidence::GenerationChange, gen});
            else if (g.generation < prev->generation)
                out.push_back({g.name, after.time, ObservedRebalance::Evidence::GenerationChange, g.generation});
            continue;
        }
        if (!prev) {
            // A new group: rebalancing now, or with members that joined it since the last refresh.
            if (rebalancing(g.state)) out.push_back({g.name, after.time, ObservedRebalance::Evidence::StateChange});
            else if (!g.members.empty())
                out.push_back({g.name, after.time, ObservedRebalance::Evidence::MembershipChange});
            continue;
        }
        if (rebalancing(g.state) && !rebalancing(prev->state)) {
            out.push_back({g.name, after.time, ObservedRebalance::Evidence::StateChange});
            continue;
        }
        std::set<std::string> ids, prevIds;
        for (const auto& m : g.members) ids.insert(m.member_id);
        for (const auto& m : prev->members) prevIds.insert(m.member_id);
        if (ids != prevIds) {
            // Members joined or left: the coordinator rebalanced between the two refreshes (a group
            // that only emptied rebalanced too: its last member's LeaveGroup started one).
            out.push_back({g.name, after.time, ObservedRebalance::Evidence::MembershipChange});
            continue;
        }
        std::map<std::string, std::vector<observe::PartitionKey>> assigned, prevAssigned;
        for (const auto& m : g.members) assigned[m.member_id] = m.assigned;
        for (const auto& m : prev->members) prevAssigned[m.member_id] = m.assigned;
        if (assigned != prevAssigned)
            out.push_back({g.name, after.time, ObservedRebalance::Evidence::AssignmentChange});
    }
    return out;
}

} // namespace fluxolab::labs
