// Simulation: construction, virtual time and dispatch, and the cluster admin API (a facade over
// kafka::Replication, sim/kafka/replication.h, that tells the clients what changed).
#include "sim/cluster_internal.h"
#include "sim/hash.h"
#include "sim/kafka/controller.h"
#include "sim/kafka/producers.h"

#include <algorithm>
#include <set>

namespace fluxolab::sim {

using namespace detail;

// ---------------------------------------------------------------------------------------------
// Small state helpers

ReplicaState* PartitionState::replica(BrokerId b) {
    for (auto& r : replica_state)
        if (r.broker == b) return &r;
    return nullptr;
}
const ReplicaState* PartitionState::replica(BrokerId b) const {
    for (const auto& r : replica_state)
        if (r.broker == b) return &r;
    return nullptr;
}
bool PartitionState::inIsr(BrokerId b) const { return std::find(isr.begin(), isr.end(), b) != isr.end(); }

const MemberState* GroupStateData::member(const std::string& id) const {
    for (const auto& m : members)
        if (m.member_id == id) return &m;
    return nullptr;
}
MemberState* GroupStateData::member(const std::string& id) {
    for (auto& m : members)
        if (m.member_id == id) return &m;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Construction and time

Simulation::Simulation(ClusterConfig config, std::uint64_t seed)
    : m_config(std::move(config)), m_rng(runtime::RngStreams(seed).kafka()) {
    m_config.brokers = std::clamp(m_config.brokers, 1, 9);
    createProducers();
    m_replication_port = std::make_unique<ReplicationEventsPort>(*this);
    m_replication = std::make_unique<kafka::Replication>(m_scheduler, m_config, m_journal, m_rng, *m_replication_port);
    schedule(m_config.defaults.offsets_retention_check_interval_ms, kafka::GroupTimer::Cleanup);
}

Simulation::~Simulation() = default;

TimeMs Simulation::nextEventTime() const { return m_scheduler.nextTime(); }

bool Simulation::step() {
    if (!m_scheduler.step()) return false;
    if (afterEvent) afterEvent(*this);
    return true;
}

void Simulation::runUntil(TimeMs t) {
    for (TimeMs next = nextEventTime(); next >= 0 && next <= t; next = nextEventTime()) step();
    m_scheduler.advanceTo(t);
}

Event& Simulation::emitEvent(EventType type) {
    Event e;
    e.time = now();
    e.type = type;
    return m_journal.append(e);
}

void Simulation::emitTpList(Event& e, const std::vector<TopicPartition>& tps) {
    std::vector<std::int32_t> flat;
    flat.reserve(tps.size() * 2);
    for (const auto& tp : tps) {
        flat.push_back(m_journal.topicIndex(tp.topic));
        flat.push_back(tp.partition);
    }
    const auto [begin, size] = m_journal.addList(flat);
    e.list_begin = begin;
    e.list_size = size;
}

void Simulation::dispatch(const runtime::TypedTimer<kafka::GroupTimer>& t) {
    switch (t.kind) {
    case kafka::GroupTimer::JoinArrive: joinArrives(t.a, static_cast<std::uint64_t>(t.b)); break;
    case kafka::GroupTimer::SyncArrive: syncArrives(t.a, static_cast<std::uint64_t>(t.b)); break;
    case kafka::GroupTimer::SessionCheck: sessionCheck(t.a, t.b); break;
    case kafka::GroupTimer::RebalanceTimeout: rebalanceTimeout(t.a, static_cast<std::uint64_t>(t.b)); break;
    case kafka::GroupTimer::InitialDelay: initialDelayExpired(t.a, static_cast<std::uint64_t>(t.b)); break;
    case kafka::GroupTimer::Cleanup:
        groupCleanup();
        schedule(now() + m_config.defaults.offsets_retention_check_interval_ms, kafka::GroupTimer::Cleanup);
        break;
    case kafka::GroupTimer::CommitArrive: {
        auto it = m_async_commits.find(static_cast<std::uint64_t>(t.b));
        if (it == m_async_commits.end()) break;
        const auto offsets = std::move(it->second.second);
        m_async_commits.erase(it);
        commitOffsets(m_consumers[static_cast<std::size_t>(t.a)], offsets);
        break;
    }
    }
}

void Simulation::dispatch(const runtime::TypedTimer<kafka::ConsumerTimer>& t) {
    switch (t.kind) {
    case kafka::ConsumerTimer::Poll: consumerPoll(t.a); break;
    case kafka::ConsumerTimer::Heartbeat: consumerHeartbeat(t.a, static_cast<std::uint64_t>(t.b)); break;
    case kafka::ConsumerTimer::JoinResponse: joinResponse(t.a, static_cast<std::uint64_t>(t.b)); break;
    case kafka::ConsumerTimer::SyncResponse: syncResponse(t.a, static_cast<std::uint64_t>(t.b)); break;
    }
}

// ---------------------------------------------------------------------------------------------
// Topics and the controller

const Record* Simulation::recordAt(const PartitionState& p, Offset offset, std::size_t events) const {
    // Removed after that moment: the earliest removal of this offset is what the log held then.
    if (!p.removed.empty() && p.removed.back().removed_at >= events) {
        auto it = std::lower_bound(p.removed.begin(), p.removed.end(), events,
                                   [](const PartitionState::Removed& r, std::size_t n) { return r.removed_at < n; });
        for (; it != p.removed.end(); ++it)
            if (it->offset == offset) return &it->record;
    }
    if (offset >= p.log_start && offset < p.leaderLeo()) return &p.at(offset);
    return nullptr;
}

std::int32_t Simulation::partitionCountOf(const std::string& name) const {
    const TopicState* t = topic(name);
    return t ? static_cast<std::int32_t>(t->partitions.size()) : 0;
}

BrokerId Simulation::controllerId() const { return kafka::kraftController(m_replication->brokers()); }

const std::vector<BrokerState>& Simulation::brokers() const { return m_replication->brokers(); }
const std::map<std::string, TopicState>& Simulation::topics() const { return m_replication->topics(); }
const TopicState* Simulation::topic(const std::string& name) const { return m_replication->topic(name); }
const PartitionState* Simulation::partition(const TopicPartition& tp) const { return m_replication->partition(tp); }
TopicState* Simulation::findTopic(const std::string& name) { return m_replication->findTopic(name); }
bool Simulation::brokerAlive(BrokerId id) const { return m_replication->brokerAlive(id); }

// ---------------------------------------------------------------------------------------------
// Cluster admin: replication does the work; the clients hear of it here.

AdminResult Simulation::createTopic(const std::string& name, std::int32_t partitions, std::int32_t rf,
                                    const std::map<std::string, std::string>& configs) {
    return m_replication->createTopic(name, partitions, rf, configs);
}

AdminResult Simulation::deleteTopic(const std::string& name) {
    // Produce requests for the topic fail first (UNKNOWN_TOPIC_OR_PARTITION), then it goes.
    if (m_replication->topic(name)) m_producers->topicDeleted(name);
    AdminResult res = m_replication->deleteTopic(name);
    if (!res.ok()) return res;
    // Consumers subscribed to the topic see a metadata change: their group rebalances.
    for (auto& c : m_consumers) {
        if (c.phase == ConsumerPhase::Closed) continue;
        std::vector<TopicPartition> gone;
        for (const auto& tp : c.assigned)
            if (tp.topic == name) gone.push_back(tp);
        if (!gone.empty()) {
            revoke(c, gone);
            if (c.subscribed) c.rejoin_needed = true;
        }
    }
    for (auto& [gid, g] : m_groups)
        for (auto cit = g.committed.begin(); cit != g.committed.end();)
            cit = cit->first.topic == name ? g.committed.erase(cit) : std::next(cit);
    return res;
}

AdminResult Simulation::createPartitions(const std::string& name, std::int32_t total) {
    AdminResult res = m_replication->createPartitions(name, total);
    // UNKNOWN_SERVER_ERROR: the controller's record list overflowed, yet some partitions were created.
    if (!res.ok() && res.error != ErrorCode::UNKNOWN_SERVER_ERROR) return res;
    // Group leaders notice the new partitions on their next metadata refresh and rejoin.
    for (auto& c : m_consumers)
        if (c.phase != ConsumerPhase::Closed && c.subscribed &&
            std::find(c.subscription.begin(), c.subscription.end(), name) != c.subscription.end()) {
            const GroupStateData* g = group(c.config.group_id);
            if (g && g->leader == c.member_id) c.rejoin_needed = true;
        }
    return res;
}

void Simulation::stopBroker(BrokerId id, bool crash) { m_replication->stopBroker(id, crash); }
void Simulation::startBroker(BrokerId id) { m_replication->startBroker(id); }
void Simulation::electPreferredLeaders() { m_replication->electPreferredLeaders(); }

std::string Simulation::makeUuid() {
    // java.util.UUID.randomUUID().toString(): version 4, IETF variant.
    std::uint64_t hi = m_rng.next(), lo = m_rng.next();
    hi = (hi & ~0xF000ULL) | 0x4000ULL;
    lo = (lo & ~(0xC000000000000000ULL)) | 0x8000000000000000ULL;
    static const char* hex = "0123456789abcdef";
    std::string out;
    auto put = [&](std::uint64_t v, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i) out.push_back(hex[(v >> (4 * i)) & 0xF]);
    };
    put(hi >> 32, 8);
    out.push_back('-');
    put((hi >> 16) & 0xFFFF, 4);
    out.push_back('-');
    put(hi & 0xFFFF, 4);
    out.push_back('-');
    put(lo >> 48, 4);
    out.push_back('-');
    put(lo & 0xFFFFFFFFFFFFULL, 12);
    return out;
}

} // namespace fluxolab::sim
