#include "labs/observe/sim_observer.h"

#include "sim/assignors.h"
#include "sim/hash.h"
#include "sim/topic_configs.h"

#include <algorithm>
#include <limits>
#include <set>

namespace fluxolab::labs::observe {

namespace {
PartitionKey key(const sim::Journal& j, const sim::TpKey& tp) {
    return {j.topicName(tp.first), tp.second};
}
/// The inside of group `gi`'s rebalance at `now`: revocations and assignments of the last
/// `window_ms` (PartitionsRevoked / PartitionsAssigned events, a bounded scan back from the
/// cursor), the partitions they left without an owner, and the phase that makes.
void observeRebalance(const sim::Journal& j, const sim::ClusterView& v, std::int32_t gi, sim::TimeMs now,
                      sim::TimeMs window_ms, Group& og) {
    const sim::GroupView& g = v.groups.at(gi);
    const bool rebalancing =
        g.state == sim::GroupState::PreparingRebalance || g.state == sim::GroupState::CompletingRebalance;
    // Newest revocation of each partition: true when a SyncGroup response took it from a member that
    // stays (Consumers::syncResponse emits that member's PartitionsAssigned right after, at the same
    // instant); false when its member gave it up leaving the group (close, removal, a lost membership).
    std::map<sim::TpKey, bool> revokedAny;
    bool sinceStable = rebalancing;        // still inside the current rebalance while scanning back
    int scan = 30000;
    for (std::size_t i = v.events; i-- > 0 && scan-- > 0;) {
        const sim::Event& e = j[i];
        if (e.time < now - window_ms) break;
        if (e.family != sim::kKafkaFamily || e.group != gi) continue; // another engine's event: not a group's
        if (e.type == sim::EventType::GroupStateChanged && static_cast<sim::GroupState>(e.a) == sim::GroupState::Stable)
            sinceStable = false;
        if (e.type != sim::EventType::PartitionsRevoked && e.type != sim::EventType::PartitionsLost &&
            e.type != sim::EventType::PartitionsAssigned)
            continue;
        // Lost partitions (onPartitionsLost) leave their member as revoked ones do.
        const bool revoked = e.type != sim::EventType::PartitionsAssigned;
        bool moved = false;
        if (revoked && i + 1 < j.events().size()) {
            const sim::Event& next = j[i + 1];
            moved = next.family == sim::kKafkaFamily && next.type == sim::EventType::PartitionsAssigned &&
                    next.actor == e.actor && next.group == gi && next.time == e.time;
        }
        const auto flat = j.list(e);
        for (std::size_t k = 0; k + 1 < flat.size(); k += 2) {
            const sim::TpKey tp{flat[k], flat[k + 1]};
            og.changes.push_back({e.actor, key(j, tp), e.time, revoked, revoked && sinceStable,
                                  e.type == sim::EventType::PartitionsLost});
            if (revoked) revokedAny.emplace(tp, moved);
        }
    }
    // Partitions revoked recently that no live member owns now: nobody consumes them.
    std::set<sim::TpKey> owned;
    for (const auto& cv : v.consumers)
        if (cv.group == gi && !cv.closed) owned.insert(cv.assigned.begin(), cv.assigned.end());
    for (const auto& [tp, moved] : revokedAny)
        if (!owned.contains(tp) && v.topics.contains(tp.first) && !isInternalName(j.topicName(tp.first)) &&
            (rebalancing || og.cooperative)) {
            og.unowned.push_back(key(j, tp));
            if (moved) og.unowned_moved.push_back(key(j, tp));
        }
    std::sort(og.unowned.begin(), og.unowned.end());
    std::sort(og.unowned_moved.begin(), og.unowned_moved.end());
    // KIP-429: a second rebalance follows only when an assignment revoked partitions from a member
    // that stays; a departed member's partitions are simply unowned, and the next rebalance assigns them.
    const bool moved = !og.unowned_moved.empty();
    if (rebalancing && !og.cooperative) og.phase = RebalancePhase::StopTheWorld;
    else if (rebalancing)
        og.phase = moved ? RebalancePhase::CoopAssign : og.unowned.empty() ? RebalancePhase::CoopRevoke : RebalancePhase::CoopLeft;
    else if (og.cooperative && moved && g.state == sim::GroupState::Stable)
        og.phase = RebalancePhase::CoopUnowned;
    if (og.phase == RebalancePhase::StopTheWorld) {
        og.unowned.clear(); // every partition: shown on the members
        og.unowned_moved.clear();
    }
}

} // namespace

ShownEvent shownEvent(const sim::Journal& j, const sim::Event& e) {
    ShownEvent s;
    s.event = e;
    // Another engine's event (a stream job attached to the session): its slots are not Kafka names.
    if (e.family != sim::kKafkaFamily) return s;
    for (const sim::FieldSpec& f : j.schemaOf(e)) {
        using K = sim::FieldKind;
        const std::int64_t v = sim::fieldValue(e, f);
        const bool name = f.kind == K::Topic || f.kind == K::Group || f.kind == K::GroupIfSet || f.kind == K::Producer ||
                          f.kind == K::ProducerIfSet || f.kind == K::Consumer || f.kind == K::ConsumerIfSet;
        const std::size_t names = f.kind == K::Topic                                  ? j.topicCount()
                                  : (f.kind == K::Group || f.kind == K::GroupIfSet) ? j.groupCount()
                                                                                      : std::numeric_limits<std::size_t>::max();
        // A name index out of range (or "none") renders empty, never reads past the name tables.
        if (name && (v < 0 || static_cast<std::size_t>(v) >= names))
            s.fields.emplace_back();
        else
            s.fields.push_back(j.fieldText(e, f));
    }
    return s;
}

void SimObserver::clear() {
    ++m_epoch;
    m_topics.clear();
    m_learned = 0;
    m_markers.clear();
    m_led.clear();
}

void SimObserver::learn(const sim::Simulation& sim) {
    const sim::Journal& j = sim.journal();
    const auto& events = j.events();
    for (; m_learned < events.size(); ++m_learned) {
        const sim::Event& e = events[m_learned];
        if (e.family != sim::kKafkaFamily) continue; // another engine's event (a stream job on this clock)
        learnMarker(j, e, m_learned);
        if (e.type == sim::EventType::TopicConfigChanged) {
            // kafka-configs --alter: the event says what changed ("key=value", or the key deleted).
            auto it = m_topics.find(e.topic);
            if (it == m_topics.end() || it->second.empty()) continue;
            TopicFacts& f = it->second.back();
            const std::string& change = j.string(e.name);
            if (e.flag) {
                f.overrides.erase(change);
            } else if (const auto eq = change.find('='); eq != std::string::npos) {
                f.overrides[change.substr(0, eq)] = change.substr(eq + 1);
            }
            sim::TopicConfigs now;
            now.overrides = f.overrides;
            f.changes.emplace_back(m_learned,
                                   sim::describedTopicConfigs(j.topicName(e.topic), now, sim.config().defaults));
            continue;
        }
        if (e.type != sim::EventType::TopicCreated) continue;
        TopicFacts f;
        f.created_at = m_learned;
        if (const sim::TopicState* t = sim.topic(j.topicName(e.topic))) {
            f.topic_id = t->topic_id;
            // As created: the overrides may have been altered since (their events come next).
            sim::TopicConfigs created;
            created.overrides = t->configs.created;
            f.overrides = created.overrides;
            f.configs = sim::describedTopicConfigs(t->name, created, sim.config().defaults);
        }
        m_topics[e.topic].push_back(std::move(f));
    }
}

void SimObserver::learnMarker(const sim::Journal& j, const sim::Event& e, std::size_t index) {
    using Kind = TimelineMarker::Kind;
    switch (e.type) {
    case sim::EventType::GenerationStarted:
        if (e.group >= 0 && !isInternalName(j.groupName(e.group)))
            m_markers.push_back({Kind::Rebalance, index, e.time, j.groupName(e.group), static_cast<std::int32_t>(e.a)});
        break;
    case sim::EventType::BrokerStopped: m_markers.push_back({Kind::BrokerDown, index, e.time, {}, e.broker}); break;
    case sim::EventType::TopicDeleted:
        if (e.topic >= 0 && static_cast<std::size_t>(e.topic) < m_led.size()) m_led[static_cast<std::size_t>(e.topic)].clear();
        break;
    case sim::EventType::LeaderElected: {
        if (e.topic < 0 || e.partition < 0 || isInternalName(j.topicName(e.topic))) break;
        if (m_led.size() <= static_cast<std::size_t>(e.topic)) m_led.resize(static_cast<std::size_t>(e.topic) + 1);
        auto& led = m_led[static_cast<std::size_t>(e.topic)];
        if (led.size() <= static_cast<std::size_t>(e.partition)) led.resize(static_cast<std::size_t>(e.partition) + 1, false);
        const bool first = !led[static_cast<std::size_t>(e.partition)];
        led[static_cast<std::size_t>(e.partition)] = true;
        if (first) break; // the first leader of a new partition is no failover
        // Every partition elected at the same moment is one mark (a broker failure moves thousands).
        if (const TimelineMarkers& read = m_markers; !read.empty() && read.back().kind == Kind::Election && read.back().time == e.time)
            ++m_markers.back().value; // copies the markers' last chunk only if an observation still holds it
        else
            m_markers.push_back({Kind::Election, index, e.time, j.topicName(e.topic) + "-" + std::to_string(e.partition), 1});
        break;
    }
    default: break;
    }
}

Observation SimObserver::observe(const sim::Simulation& sim, const sim::ClusterView& v, bool live,
                                 const ObserveOptions& options, PartitionCache* cache) const {
    const sim::Journal& j = sim.journal();
    Observation o;
    o.capabilities = capabilities();
    o.time = options.now >= 0 ? options.now : v.time;
    o.live = live;
    o.position = v.events;
    o.journal_events = j.size();
    if (v.events > 0 && v.events <= j.size()) o.event = shownEvent(j, j[v.events - 1]);
    o.markers = m_markers; // shared: one pointer, not a copy of the run's markers

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
                for (const auto& [at, configs] : facts->changes)
                    if (at < v.events) ot.configs = configs;
            }
        }
        o.topics.push_back(std::move(ot));
    }
    std::sort(o.topics.begin(), o.topics.end(),
              [](const Topic& a, const Topic& b) { return a.name < b.name; });
    // By topic name, then partition: the view's partitions are ordered by (topic index,
    // partition), so each topic's run is taken in the order of the names (no sort of 30 000
    // partitions by string every frame).
    std::vector<std::pair<const std::string*, std::int32_t>> topicOrder;
    for (const auto& [ti, t] : v.topics) topicOrder.emplace_back(&j.topicName(ti), ti);
    std::sort(topicOrder.begin(), topicOrder.end(), [](const auto& a, const auto& b) {
        return std::tie(*a.first, a.second) < std::tie(*b.first, b.second);
    });
    // The cached partitions are the state at cache->position of this run: each one no event changed
    // since is still right when the view went forward from there (never backwards: a partition may
    // have changed between the two moments).
    const bool reusable = cache && cache->epoch == m_epoch && cache->position <= v.events;
    const std::size_t since = reusable ? cache->position : 0;
    std::size_t reused = 0;
    if (cache) {
        o.partitions = std::move(cache->partitions); // their memory, and their values where reusable
        cache->partitions.clear();
    }
    o.partitions.reserve(v.partitions.size());
    std::size_t count = 0;
    for (const auto& [name, ti] : topicOrder) {
        for (auto it = v.partitions.lower_bound({ti, std::numeric_limits<std::int32_t>::min()});
             it != v.partitions.end() && it->first.first == ti; ++it) {
            const auto& [tp, p] = *it;
            if (count == o.partitions.size()) o.partitions.emplace_back();
            Partition& op = o.partitions[count++];
            if (reusable && p.changed <= since && op.partition == tp.second && op.topic == *name) {
                ++reused; // the same partition, unchanged since: every field is still right
            } else {
                op.topic = *name;
                op.partition = tp.second;
                op.leader = p.leader;
                op.leader_epoch = p.leader_epoch;
                op.replicas = p.replicas;
                op.isr = p.isr;
                op.log_start = p.log_start;
                op.high_watermark = p.high_watermark;
                op.log_end = p.leaderLeo();
                op.replica_log_end = p.replica_leo;
            }
            o.records_in_flight += std::max<sim::Offset>(0, op.log_end - op.high_watermark);
        }
    }
    o.partitions.resize(count);
    if (cache) {
        cache->position = v.events;
        cache->epoch = m_epoch;
        cache->reused = reused;
        cache->written = count - reused;
    }

    // ---- clients: configuration fixed at creation; state from the view ----
    for (std::size_t ci = 0; ci < v.consumers.size(); ++ci) {
        const sim::ConsumerView& cv = v.consumers[ci];
        Consumer oc;
        oc.client_id = j.consumerName(static_cast<std::int32_t>(ci));
        oc.group = cv.group >= 0 ? j.groupName(cv.group) : std::string();
        if (ci < sim.consumers().size()) oc.host = sim.consumers()[ci].config.host;
        oc.closed = cv.closed;
        oc.paused = cv.paused_until > o.time;
        for (const auto& tp : cv.assigned)
            oc.assigned.push_back(key(j, tp));
        for (const auto& [tp, off] : cv.position)
            oc.position[key(j, tp)] = off;
        oc.consumed = cv.consumed;
        o.consumers.push_back(std::move(oc));
    }
    for (std::size_t pi = 0; pi < v.producers.size(); ++pi) {
        const sim::ProducerView& pv = v.producers[pi];
        Producer op{j.producerName(static_cast<std::int32_t>(pi)), pv.acked, pv.failed, pv.retries, {}, pv.closed};
        if (options.scenario)
            for (const auto& sp : options.scenario->producers)
                if (sp.config.client_id == op.client_id) op.topic = sp.topic;
        o.producers.push_back(std::move(op));
    }

    // ---- records in flight: the last appends (a bounded scan back from the cursor) ----
    auto keyOf = [&sim, events = v.events](const std::string& topic, std::int32_t partition,
                                           sim::Offset offset) -> const sim::Record* {
        const sim::PartitionState* ps = sim.partition(sim::TopicPartition{topic, partition});
        return ps ? sim.recordAt(*ps, offset, events) : nullptr;
    };
    {
        int scan = 20000; // bounded: the UI thread never walks a long journal
        for (std::size_t i = v.events; i-- > 0 && scan-- > 0;) {
            const sim::Event& e = j[i];
            if (e.time <= o.time - options.appends_ms) break;
            if (e.family != sim::kKafkaFamily || e.type != sim::EventType::RecordsAppended || e.actor < 0) continue;
            if (static_cast<std::size_t>(e.actor) >= o.producers.size()) continue;
            Append a;
            a.producer = e.actor;
            a.partition = {j.topicName(e.topic), e.partition};
            a.base_offset = e.a;
            a.count = e.b;
            a.time = e.time;
            if (auto t = v.topics.find(e.topic); t != v.topics.end()) a.partitions = t->second.partitions;
            if (const sim::Record* r = keyOf(a.partition.first, e.partition, e.a)) {
                a.key_id = r->key;
                if (auto k = sim.recordKey(*r)) {
                    a.key = *k;
                    if (a.partitions > 0) a.key_partition = sim::javaKeyPartition(a.key, a.partitions);
                }
            }
            o.appends.push_back(std::move(a));
        }
    }
    // The log as it was at the cursor (records removed later by retention or truncation included).
    o.record_key = [keyOf](const std::string& topic, std::int32_t partition,
                           sim::Offset offset) -> std::optional<std::uint32_t> {
        if (const sim::Record* r = keyOf(topic, partition, offset)) return r->key;
        return std::nullopt;
    };

    // ---- groups ----
    for (const auto& [gi, g] : v.groups) {
        Group og;
        og.name = j.groupName(gi);
        og.internal = isInternalName(og.name);
        og.state = groupState(g.state);
        og.generation = g.generation;
        og.generation_known = true;
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
        og.leader_consumer = g.leader;
        og.ordinal = gi;
        if (g.protocol >= 0) og.cooperative = sim::isCooperative(static_cast<sim::AssignorKind>(g.protocol));
        else if (const auto kind = sim::parseAssignor(og.preferred_protocol)) og.cooperative = sim::isCooperative(*kind);
        observeRebalance(j, v, gi, o.time, options.changes_ms, og);
        o.groups.push_back(std::move(og));
    }
    std::sort(o.groups.begin(), o.groups.end(),
              [](const Group& a, const Group& b) { return a.name < b.name; });

    // ---- what each consumer is doing, as Kafka sees it ----
    for (std::size_t ci = 0; ci < v.consumers.size(); ++ci) {
        const sim::ConsumerView& cv = v.consumers[ci];
        Consumer& oc = o.consumers[ci];
        const sim::GroupView* g = nullptr;
        if (auto it = v.groups.find(cv.group); cv.group >= 0 && it != v.groups.end()) g = &it->second;
        const Group* og = g ? o.group(j.groupName(cv.group)) : nullptr;
        const bool rebalancing = g && (g->state == sim::GroupState::PreparingRebalance ||
                                       g->state == sim::GroupState::CompletingRebalance);
        const bool stopped = rebalancing && (!(og && og->cooperative) || cv.assigned.empty());
        oc.member = g && std::find(g->members.begin(), g->members.end(), static_cast<std::int32_t>(ci)) != g->members.end();
        if (g && !oc.member && !cv.assigned.empty()) oc.status = ConsumerStatus::LeftUnaware;
        else if (oc.paused) oc.status = ConsumerStatus::NotPolling;
        else if (stopped) oc.status = ConsumerStatus::Stopped;
        else if (cv.assigned.empty()) oc.status = ConsumerStatus::NoPartitions;
        else oc.status = ConsumerStatus::Consuming;
    }
    return o;
}

} // namespace fluxolab::labs::observe
