// Cluster core: construction, virtual time and dispatch, topics, the KRaft controller, replication.
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
    for (std::int32_t i = 0; i < m_config.brokers; ++i) {
        BrokerState b;
        b.id = i + 1;
        b.host = m_config.host;
        b.port = m_config.first_port + i;
        m_brokers.push_back(b);
        Event& e = emitEvent(EventType::BrokerStarted);
        e.broker = b.id;
        schedule(m_config.defaults.replica_lag_time_max_ms / 2, kafka::ReplicationTimer::IsrCheck, b.id);
    }
    schedule(m_config.defaults.log_retention_check_interval_ms, kafka::ReplicationTimer::RetentionCheck);
    schedule(300000, kafka::ReplicationTimer::LeaderRebalance);
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

void Simulation::dispatch(const runtime::TypedTimer<kafka::ReplicationTimer>& t) {
    switch (t.kind) {
    case kafka::ReplicationTimer::FetchArrive: followerFetchArrives(t.a, t.b); break;
    case kafka::ReplicationTimer::FetchResponse:
    case kafka::ReplicationTimer::FetchParkTimeout: {
        TopicState* ts = topicByIndex(t.a);
        if (!ts) break;
        const auto pi = static_cast<std::size_t>(fetchPartition(t.b));
        if (pi >= ts->partitions.size()) break;
        PartitionState& p = ts->partitions[pi];
        const std::size_t ri = fetchReplica(t.b);
        ReplicaState& r = p.replica_state[ri];
        if (r.fetch_epoch != fetchEpoch(t.b)) break;
        if (t.kind == kafka::ReplicationTimer::FetchParkTimeout) {
            if (!r.parked) break;
            r.parked = false;
        }
        if (p.leader < 0 || !m_brokers[static_cast<std::size_t>(r.broker - 1)].alive) break;
        if (!m_brokers[static_cast<std::size_t>(p.leader - 1)].alive) {
            // The leader died before answering: retry after replica.fetch.backoff.ms (1000).
            ++r.fetch_epoch;
            schedule(now() + 1000, kafka::ReplicationTimer::FetchResponse, t.a, packFetch(p.partition, ri, r.fetch_epoch));
            break;
        }
        // The response carries records [leo, leo + count) and the leader's HW.
        const Offset leaderLeo = p.leaderLeo();
        const Offset count = std::min<Offset>(leaderLeo - r.leo, kMaxFetchRecords);
        if (count > 0) {
            r.leo += count;
            Event& e = emitEvent(EventType::ReplicaFetched);
            e.topic = ts->index;
            e.partition = p.partition;
            e.broker = r.broker;
            e.a = r.leo;
            e.b = count;
        }
        r.hw = std::min(p.high_watermark, r.leo);
        startFollowerFetch(*ts, p, ri);
        break;
    }
    case kafka::ReplicationTimer::IsrCheck:
        isrCheck(t.a);
        schedule(now() + m_config.defaults.replica_lag_time_max_ms / 2, kafka::ReplicationTimer::IsrCheck, t.a);
        break;
    case kafka::ReplicationTimer::RetentionCheck:
        retentionCheck();
        schedule(now() + m_config.defaults.log_retention_check_interval_ms, kafka::ReplicationTimer::RetentionCheck);
        break;
    case kafka::ReplicationTimer::LeaderRebalance:
        autoLeaderRebalance();
        schedule(now() + 300000, kafka::ReplicationTimer::LeaderRebalance);
        break;
    case kafka::ReplicationTimer::BrokerFence: {
        const auto& b = m_brokers[static_cast<std::size_t>(t.a - 1)];
        if (!b.alive && !b.fenced) fenceBroker(t.a);
        break;
    }
    }
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

TopicState* Simulation::findTopic(const std::string& name) {
    auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : &it->second;
}
const TopicState* Simulation::topic(const std::string& name) const {
    auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : &it->second;
}
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

TopicState* Simulation::topicByIndex(std::int32_t index) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_topic_by_index.size()) return nullptr;
    const std::string& name = m_topic_by_index[static_cast<std::size_t>(index)];
    return name.empty() ? nullptr : findTopic(name);
}
PartitionState* Simulation::findPartition(const TopicPartition& tp) {
    TopicState* t = findTopic(tp.topic);
    if (!t || tp.partition < 0 || tp.partition >= static_cast<std::int32_t>(t->partitions.size())) return nullptr;
    return &t->partitions[static_cast<std::size_t>(tp.partition)];
}
const PartitionState* Simulation::partition(const TopicPartition& tp) const {
    return const_cast<Simulation*>(this)->findPartition(tp);
}
std::int32_t Simulation::partitionCountOf(const std::string& name) const {
    const TopicState* t = topic(name);
    return t ? static_cast<std::int32_t>(t->partitions.size()) : 0;
}

BrokerId Simulation::controllerId() const { return kafka::kraftController(m_brokers); }

std::string Simulation::makeTopicId() {
    // Kafka's Uuid.toString(): 16 random bytes, base64 URL-safe without padding (22 chars).
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char bytes[16];
    const std::uint64_t hi = m_rng.next(), lo = m_rng.next();
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        bytes[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    std::string out;
    int bits = 0;
    std::uint32_t acc = 0;
    for (unsigned char b : bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(alphabet[(acc >> bits) & 0x3F]);
        }
    }
    if (bits > 0) out.push_back(alphabet[(acc << (6 - bits)) & 0x3F]);
    return out;
}

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

std::vector<BrokerId> Simulation::placeReplicas(std::int32_t partition, std::int32_t rf, std::int32_t start) {
    // Round-robin placement over the registered brokers (like AdminUtils without racks): the leader of
    // partition p is broker (start + p) % n, followers follow with a shift so replicas spread out.
    std::vector<BrokerId> alive;
    for (const auto& b : m_brokers)
        if (!b.fenced) alive.push_back(b.id);
    const auto n = static_cast<std::int32_t>(alive.size());
    std::vector<BrokerId> out;
    const std::int32_t first = (start + partition) % n;
    out.push_back(alive[static_cast<std::size_t>(first)]);
    const std::int32_t shift = n > 1 ? 1 + ((start + partition / n) % (n - 1)) : 0;
    for (std::int32_t j = 0; j < rf - 1; ++j) {
        const std::int32_t idx = (first + 1 + (shift - 1 + j) % (n - 1)) % n;
        out.push_back(alive[static_cast<std::size_t>(idx)]);
    }
    return out;
}

void Simulation::initPartition(TopicState& t, std::int32_t p, std::vector<BrokerId> replicas) {
    PartitionState ps;
    ps.topic = t.index;
    ps.partition = p;
    ps.replicas = replicas;
    ps.is_static = t.internal;
    for (BrokerId b : replicas) {
        ReplicaState r;
        r.broker = b;
        r.last_caught_up_ms = now();
        ps.replica_state.push_back(r);
        if (!m_brokers[static_cast<std::size_t>(b - 1)].fenced) ps.isr.push_back(b);
    }
    ps.segments.push_back(Segment{0, 0, now(), 0});
    t.partitions.push_back(std::move(ps));
    PartitionState& ref = t.partitions.back();
    Event& e = emitEvent(EventType::PartitionCreated);
    e.topic = t.index;
    e.partition = p;
    const auto [b, s] = m_journal.addList(replicas);
    e.list_begin = b;
    e.list_size = s;
    electLeader(t, ref);
    if (!ref.is_static)
        for (std::size_t i = 0; i < ref.replicas.size(); ++i) startFollowerFetch(t, ref, i);
}

namespace {
bool validTopicName(const std::string& name) {
    if (name.empty() || name.size() > 249 || name == "." || name == "..") return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}
const std::set<std::string>& knownTopicConfigs() {
    static const std::set<std::string> keys = {
        "cleanup.policy",      "compression.type",    "delete.retention.ms", "file.delete.delay.ms",
        "flush.messages",      "flush.ms",            "index.interval.bytes", "max.compaction.lag.ms",
        "max.message.bytes",   "message.timestamp.type", "min.cleanable.dirty.ratio", "min.compaction.lag.ms",
        "min.insync.replicas", "preallocate",         "retention.bytes",     "retention.ms",
        "segment.bytes",       "segment.index.bytes", "segment.jitter.ms",   "segment.ms",
        "unclean.leader.election.enable", "message.timestamp.before.max.ms", "message.timestamp.after.max.ms"};
    return keys;
}
bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    std::size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return s.size() < 19;
}
} // namespace

AdminResult Simulation::createTopic(const std::string& name, std::int32_t partitions, std::int32_t rf,
                                    const std::map<std::string, std::string>& configs) {
    AdminResult res;
    // ReplicationControlManager.validateTotalNumberOfPartitions runs before any other check.
    if (partitions > kMaxPartitionsPerRequest) {
        res.error = ErrorCode::POLICY_VIOLATION;
        res.detail1 = static_cast<std::int64_t>(PolicyLimit::PartitionsPerRequest);
        return res;
    }
    if (!validTopicName(name)) {
        res.error = ErrorCode::INVALID_TOPIC_EXCEPTION;
        res.detail_text = name;
        return res;
    }
    if (m_topics.count(name)) {
        res.error = ErrorCode::TOPIC_ALREADY_EXISTS;
        res.detail_text = name;
        return res;
    }
    if (partitions <= 0) {
        res.error = ErrorCode::INVALID_PARTITIONS;
        res.detail1 = partitions;
        return res;
    }
    std::int32_t registered = 0;
    for (const auto& b : m_brokers)
        if (!b.fenced) ++registered;
    if (rf <= 0 || rf > 32767 || rf > registered) {
        res.error = ErrorCode::INVALID_REPLICATION_FACTOR;
        res.detail1 = rf;
        res.detail2 = registered;
        return res;
    }
    for (const auto& [k, v] : configs) {
        if (!knownTopicConfigs().count(k)) {
            res.error = ErrorCode::INVALID_CONFIG;
            res.detail_text = k;
            return res;
        }
        const bool numeric = k != "cleanup.policy" && k != "compression.type" && k != "message.timestamp.type" &&
                             k != "unclean.leader.election.enable" && k != "preallocate" &&
                             k != "min.cleanable.dirty.ratio";
        if ((numeric && !isNumber(v)) ||
            (k == "unclean.leader.election.enable" && v != "true" && v != "false")) {
            res.error = ErrorCode::INVALID_CONFIG;
            res.detail_text = k + "=" + v;
            return res;
        }
        // Range checks of the topic config definitions (LogConfig); Kafka 4.0 (KIP-1030) raised the
        // minimum segment.bytes to 1 MiB. detail1 = the minimum, detail2 = 1 marks a range error.
        const std::int64_t minimum = k == "min.insync.replicas" ? 1 : k == "segment.bytes" ? 1048576 : INT64_MIN;
        if (numeric && minimum != INT64_MIN && std::stoll(v) < minimum) {
            res.error = ErrorCode::INVALID_CONFIG;
            res.detail_text = k + "=" + v;
            res.detail1 = minimum;
            res.detail2 = 1;
            return res;
        }
    }

    // The topic's records overflow the controller's bounded record list: the whole request fails.
    if (partitions > maxPartitionsForNewTopic(configs.size())) {
        res.error = ErrorCode::POLICY_VIOLATION;
        res.detail1 = static_cast<std::int64_t>(PolicyLimit::RecordsPerOperation);
        return res;
    }

    const auto& d = m_config.defaults;
    TopicState t;
    t.name = name;
    t.index = m_journal.topicIndex(name);
    t.topic_id = makeTopicId();
    t.internal = name == "__consumer_offsets" || name == "__transaction_state";
    t.configs.overrides = configs;
    t.min_insync_replicas = static_cast<std::int32_t>(parseLong(configs, "min.insync.replicas", d.min_insync_replicas));
    const auto unclean = configs.find("unclean.leader.election.enable");
    t.unclean_leader_election = unclean != configs.end() ? unclean->second == "true" : d.unclean_leader_election_enable;
    t.retention_ms = parseLong(configs, "retention.ms", d.log_retention_ms);
    t.retention_bytes = parseLong(configs, "retention.bytes", d.log_retention_bytes);
    t.segment_bytes = parseLong(configs, "segment.bytes", d.log_segment_bytes);
    t.segment_ms = parseLong(configs, "segment.ms", d.log_segment_ms);
    if (m_topic_by_index.size() <= static_cast<std::size_t>(t.index))
        m_topic_by_index.resize(static_cast<std::size_t>(t.index) + 1);
    m_topic_by_index[static_cast<std::size_t>(t.index)] = name;
    TopicState& ref = m_topics.emplace(name, std::move(t)).first->second;
    Event& e = emitEvent(EventType::TopicCreated);
    e.topic = ref.index;
    e.a = partitions;
    e.b = rf;
    const auto start = static_cast<std::int32_t>(m_rng.below(static_cast<std::uint64_t>(registered)));
    ref.partitions.reserve(static_cast<std::size_t>(partitions)); // thousands: no reallocation copies
    for (std::int32_t p = 0; p < partitions; ++p) initPartition(ref, p, placeReplicas(p, rf, start));
    return res;
}

AdminResult Simulation::deleteTopic(const std::string& name) {
    AdminResult res;
    auto it = m_topics.find(name);
    if (it == m_topics.end()) {
        res.error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
        res.detail_text = name;
        return res;
    }
    const std::int32_t index = it->second.index;
    m_producers->topicDeleted(name);
    m_topics.erase(it);
    m_topic_by_index[static_cast<std::size_t>(index)].clear();
    Event& e = emitEvent(EventType::TopicDeleted);
    e.topic = index;
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
    AdminResult res;
    TopicState* t = findTopic(name);
    if (!t) {
        res.error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
        res.detail_text = name;
        return res;
    }
    const auto current = static_cast<std::int32_t>(t->partitions.size());
    if (total <= current) {
        res.error = ErrorCode::INVALID_PARTITIONS;
        res.detail1 = current;
        res.detail2 = total;
        return res;
    }
    const auto rf = static_cast<std::int32_t>(t->partitions[0].replicas.size());
    std::int32_t registered = 0;
    for (const auto& b : m_brokers)
        if (!b.fenced) ++registered;
    if (rf > registered) {
        res.error = ErrorCode::INVALID_REPLICATION_FACTOR;
        res.detail1 = rf;
        res.detail2 = registered;
        return res;
    }
    // The controller collects one PartitionRecord per new partition in a list bounded to
    // kMaxRecordsPerUserOp; the overflow is caught as an unexpected error, yet the records already
    // collected are committed (observed on a Kafka 4.3.1 broker: 1 -> 100000 leaves 10001 partitions).
    const bool overflow = total - current > kMaxRecordsPerUserOp;
    const std::int32_t grown = overflow ? current + kMaxRecordsPerUserOp : total;
    const auto start = static_cast<std::int32_t>(m_rng.below(static_cast<std::uint64_t>(registered)));
    t->partitions.reserve(static_cast<std::size_t>(grown));
    for (std::int32_t p = current; p < grown; ++p) initPartition(*t, p, placeReplicas(p, rf, start));
    if (overflow) {
        res.error = ErrorCode::UNKNOWN_SERVER_ERROR;
        res.detail1 = grown;
    }
    // Group leaders notice the new partitions on their next metadata refresh and rejoin.
    for (auto& c : m_consumers)
        if (c.phase != ConsumerPhase::Closed && c.subscribed &&
            std::find(c.subscription.begin(), c.subscription.end(), name) != c.subscription.end()) {
            const GroupStateData* g = group(c.config.group_id);
            if (g && g->leader == c.member_id) c.rejoin_needed = true;
        }
    return res;
}

void Simulation::setLeader(TopicState& t, PartitionState& p, BrokerId leader, bool unclean) {
    p.leader = leader;
    ++p.leader_epoch;
    if (leader >= 0) {
        ReplicaState* r = p.replica(leader);
        if (unclean || r->leo < p.leaderLeo()) truncateTo(t, p, r->leo);
        // The partition's HW survives a clean election: the new leader was in the ISR, so it holds
        // every record below the HW (a simplification of the brief catch-up Kafka's new leader does).
        if (unclean && r->leo < p.high_watermark) {
            p.high_watermark = r->leo;
            Event& he = emitEvent(EventType::HighWatermarkAdvanced); // moves back: records were lost
            he.topic = t.index;
            he.partition = p.partition;
            he.a = p.high_watermark;
        }
        r->hw = p.high_watermark;
        for (auto& rs : p.replica_state) {
            ++rs.fetch_epoch;
            rs.parked = false;
            rs.known_leo = rs.broker == leader ? rs.leo : std::min(rs.leo, rs.known_leo);
            rs.last_caught_up_ms = now();
            rs.last_fetch_ms = now();
        }
    }
    Event& e = emitEvent(EventType::LeaderElected);
    e.topic = t.index;
    e.partition = p.partition;
    e.broker = leader;
    e.a = p.leader_epoch;
    e.flag = unclean ? 1 : 0;
    if (leader >= 0) {
        if (unclean && !p.inIsr(leader)) {
            p.isr = {leader};
            Event& ie = emitEvent(EventType::IsrExpanded);
            ie.topic = t.index;
            ie.partition = p.partition;
            ie.broker = leader;
            const auto [b, s] = m_journal.addList(p.isr);
            ie.list_begin = b;
            ie.list_size = s;
        }
        if (!p.is_static)
            for (std::size_t i = 0; i < p.replicas.size(); ++i) startFollowerFetch(t, p, i);
        // Partition.makeLeader: the new leader tries to advance the HW at once (with an ISR of one,
        // to its own log end); otherwise nothing would until a follower fetched, and produce
        // requests waiting for the HW would hang until they time out.
        maybeAdvanceHw(t, p);
        m_producers->highWatermarkAdvanced(p);
        // Checked from outside by the property tests too (tests/sim/test_properties.cpp).
        FLUXOLAB_INVARIANT(p.inIsr(leader), "an elected leader is in the ISR");
    }
}

void Simulation::electLeader(TopicState& t, PartitionState& p) {
    auto usable = [&](BrokerId b) {
        const auto& bs = m_brokers[static_cast<std::size_t>(b - 1)];
        return bs.alive && !bs.fenced;
    };
    if (p.leader >= 0 && usable(p.leader)) return;
    // KRaft (PartitionChangeBuilder): first replica in assignment order that is in the ISR and alive.
    for (BrokerId b : p.replicas)
        if (p.inIsr(b) && usable(b)) {
            if (b != p.leader) setLeader(t, p, b, false);
            return;
        }
    if (t.unclean_leader_election) {
        for (BrokerId b : p.replicas)
            if (usable(b)) {
                setLeader(t, p, b, true);
                return;
            }
    }
    if (p.leader != -1) setLeader(t, p, -1, false);
}

void Simulation::truncateTo(TopicState& t, PartitionState& p, Offset leo) {
    const Offset old = p.leaderLeo();
    if (leo < old) {
        const Offset keep = std::max<Offset>(leo - p.log_start, 0);
        for (auto i = static_cast<std::size_t>(keep); i < p.records.size(); ++i)
            p.removed.push_back({m_journal.size(), p.log_start + static_cast<Offset>(i), p.records[i]});
        p.records.resize(static_cast<std::size_t>(keep));
        while (p.segments.size() > 1 && p.segments.back().base >= leo) p.segments.pop_back();
        while (!p.epoch_starts.empty() && p.epoch_starts.back().second >= leo) p.epoch_starts.pop_back();
        // Producer state is rebuilt from what remains (the broker does the same from its log).
        p.producer_state.clear();
        for (std::size_t i = 0; i < p.records.size(); ++i) {
            const Record& r = p.records[i];
            if (r.producer) p.producer_state[r.producer] = {r.sequence, p.log_start + static_cast<Offset>(i)};
        }
    }
    for (auto& r : p.replica_state) {
        if (r.leo > leo) {
            Event& e = emitEvent(EventType::LogTruncated);
            e.topic = t.index;
            e.partition = p.partition;
            e.broker = r.broker;
            e.a = leo;
            e.b = r.leo - leo;
            r.leo = leo;
            r.known_leo = std::min(r.known_leo, leo);
            r.hw = std::min(r.hw, leo);
        }
    }
}

void Simulation::removeFromIsr(TopicState& t, PartitionState& p, BrokerId b) {
    if (!p.inIsr(b) || p.isr.size() <= 1) return; // KRaft never empties the ISR
    std::erase(p.isr, b);
    Event& e = emitEvent(EventType::IsrShrunk);
    e.topic = t.index;
    e.partition = p.partition;
    e.broker = b;
    const auto [lb, ls] = m_journal.addList(p.isr);
    e.list_begin = lb;
    e.list_size = ls;
    maybeAdvanceHw(t, p);
}

void Simulation::addToIsr(TopicState& t, PartitionState& p, BrokerId b) {
    if (p.inIsr(b) || m_brokers[static_cast<std::size_t>(b - 1)].fenced) return;
    std::vector<BrokerId> isr;
    for (BrokerId r : p.replicas)
        if (r == b || p.inIsr(r)) isr.push_back(r);
    p.isr = std::move(isr);
    FLUXOLAB_INVARIANT(p.inIsr(b), "the ISR only holds assigned replicas");
    Event& e = emitEvent(EventType::IsrExpanded);
    e.topic = t.index;
    e.partition = p.partition;
    e.broker = b;
    const auto [lb, ls] = m_journal.addList(p.isr);
    e.list_begin = lb;
    e.list_size = ls;
    maybeAdvanceHw(t, p);
}

void Simulation::maybeAdvanceHw(TopicState& t, PartitionState& p) {
    if (p.leader < 0) return;
    const auto rf = static_cast<std::int32_t>(p.replicas.size());
    // KIP-966: the HW does not advance while the ISR is below min.insync.replicas.
    if (static_cast<std::int32_t>(p.isr.size()) < std::min(t.min_insync_replicas, rf)) return;
    Offset hw = p.leaderLeo();
    for (BrokerId b : p.isr) {
        if (b == p.leader) continue;
        hw = std::min(hw, p.replica(b)->known_leo);
    }
    if (hw > p.high_watermark) {
        FLUXOLAB_INVARIANT(hw <= p.leaderLeo(), "HW <= the leader's log end offset");
        p.high_watermark = hw;
        p.replica(p.leader)->hw = hw;
        Event& e = emitEvent(EventType::HighWatermarkAdvanced);
        e.topic = t.index;
        e.partition = p.partition;
        e.a = hw;
        m_producers->highWatermarkAdvanced(p);
    }
}

void Simulation::startFollowerFetch(TopicState& t, PartitionState& p, std::size_t ri) {
    ReplicaState& r = p.replica_state[ri];
    if (p.is_static || r.broker == p.leader || p.leader < 0) return;
    if (!m_brokers[static_cast<std::size_t>(r.broker - 1)].alive) return;
    ++r.fetch_epoch;
    r.parked = false;
    schedule(now() + m_config.network_delay_ms, kafka::ReplicationTimer::FetchArrive, t.index, packFetch(p.partition, ri, r.fetch_epoch));
}

void Simulation::followerFetchArrives(std::int32_t topic_index, std::int64_t packed) {
    TopicState* t = topicByIndex(topic_index);
    if (!t) return;
    const auto pi = static_cast<std::size_t>(fetchPartition(packed));
    if (pi >= t->partitions.size()) return;
    PartitionState& p = t->partitions[pi];
    const std::size_t ri = fetchReplica(packed);
    ReplicaState& r = p.replica_state[ri];
    if (r.fetch_epoch != fetchEpoch(packed)) return;
    const auto& follower = m_brokers[static_cast<std::size_t>(r.broker - 1)];
    if (!follower.alive || follower.fenced) return; // sent just before the follower went down
    if (p.leader < 0 || !m_brokers[static_cast<std::size_t>(p.leader - 1)].alive) {
        // Leader unreachable: retry after replica.fetch.backoff.ms (1000).
        ++r.fetch_epoch;
        schedule(now() + 1000, kafka::ReplicationTimer::FetchResponse, topic_index, packFetch(p.partition, ri, r.fetch_epoch));
        return;
    }
    const Offset leaderLeo = p.leaderLeo();
    // Replica.updateFetchState: caught up if the fetch reached the leader's LEO, or the LEO the
    // leader had at the previous fetch.
    r.known_leo = r.leo;
    if (r.leo >= leaderLeo) r.last_caught_up_ms = now();
    else if (r.leo >= r.last_fetch_leader_leo) r.last_caught_up_ms = r.last_fetch_ms;
    r.last_fetch_leader_leo = leaderLeo;
    r.last_fetch_ms = now();
    if (!p.inIsr(r.broker) && r.leo >= p.high_watermark && r.leo >= leaderLeo) addToIsr(*t, p, r.broker);
    maybeAdvanceHw(*t, p);
    if (p.leaderLeo() > r.leo) {
        schedule(now() + m_config.network_delay_ms, kafka::ReplicationTimer::FetchResponse, topic_index, packed);
    } else {
        r.parked = true;
        schedule(now() + m_config.defaults.replica_fetch_wait_max_ms, kafka::ReplicationTimer::FetchParkTimeout, topic_index, packed);
    }
}

void Simulation::wakeParkedFetches(TopicState& t, PartitionState& p) {
    for (std::size_t i = 0; i < p.replica_state.size(); ++i) {
        ReplicaState& r = p.replica_state[i];
        if (!r.parked) continue;
        r.parked = false;
        schedule(now() + m_config.network_delay_ms, kafka::ReplicationTimer::FetchResponse, t.index,
                 packFetch(p.partition, i, r.fetch_epoch));
    }
}

void Simulation::isrCheck(BrokerId broker) {
    const auto& b = m_brokers[static_cast<std::size_t>(broker - 1)];
    if (!b.alive) return;
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (p.leader != broker || p.is_static) continue;
            std::vector<BrokerId> out;
            for (BrokerId f : p.isr)
                if (f != broker && now() - p.replica(f)->last_caught_up_ms > m_config.defaults.replica_lag_time_max_ms)
                    out.push_back(f);
            for (BrokerId f : out) removeFromIsr(t, p, f);
        }
}

void Simulation::fenceBroker(BrokerId id) {
    auto& b = m_brokers[static_cast<std::size_t>(id - 1)];
    b.fenced = true;
    Event& e = emitEvent(EventType::BrokerFenced);
    e.broker = id;
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (std::find(p.replicas.begin(), p.replicas.end(), id) == p.replicas.end()) continue;
            if (p.leader == id) {
                // Elect among the others first; the ISR keeps its last member if nobody else is left.
                std::erase(p.isr, id);
                if (p.isr.empty()) p.isr.push_back(id);
                else {
                    Event& ie = emitEvent(EventType::IsrShrunk);
                    ie.topic = t.index;
                    ie.partition = p.partition;
                    ie.broker = id;
                    const auto [lb, ls] = m_journal.addList(p.isr);
                    ie.list_begin = lb;
                    ie.list_size = ls;
                }
                electLeader(t, p);
            } else {
                removeFromIsr(t, p, id);
            }
        }
    refreshCoordinators();
}

void Simulation::stopBroker(BrokerId id, bool crash) {
    if (id < 1 || id > static_cast<BrokerId>(m_brokers.size())) return;
    auto& b = m_brokers[static_cast<std::size_t>(id - 1)];
    if (!b.alive) return;
    b.alive = false;
    Event& e = emitEvent(EventType::BrokerStopped);
    e.broker = id;
    e.flag = crash ? 1 : 0;
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions)
            if (p.leader == id && !p.delayed_produces.empty()) m_producers->leaderStopped(p);
    coordinatorStopped(id);
    if (crash) schedule(now() + m_config.defaults.broker_session_timeout_ms, kafka::ReplicationTimer::BrokerFence, id);
    else fenceBroker(id); // controlled shutdown: leadership moves away at once
}

void Simulation::startBroker(BrokerId id) {
    if (id < 1 || id > static_cast<BrokerId>(m_brokers.size())) return;
    auto& b = m_brokers[static_cast<std::size_t>(id - 1)];
    if (b.alive) return;
    // A crashed broker that restarts before the controller noticed registers a new incarnation:
    // the old one is fenced first (leaders move away, it leaves the ISRs), then it catches up.
    if (!b.fenced) fenceBroker(id);
    b.alive = true;
    b.fenced = false;
    Event& e = emitEvent(EventType::BrokerStarted);
    e.broker = id;
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            ReplicaState* r = p.replica(id);
            if (!r) continue;
            // A returning replica truncates what the current leader does not have.
            if (r->leo > p.leaderLeo()) truncateTo(t, p, p.leaderLeo());
            if (p.is_static && p.leader >= 0) addToIsr(t, p, id);
            if (p.leader < 0) electLeader(t, p);
            else {
                for (std::size_t i = 0; i < p.replicas.size(); ++i)
                    if (p.replicas[i] == id) startFollowerFetch(t, p, i);
            }
        }
    refreshCoordinators();
}

void Simulation::electPreferredLeaders() {
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            const BrokerId pref = p.replicas[0];
            const auto& b = m_brokers[static_cast<std::size_t>(pref - 1)];
            if (p.leader != pref && b.alive && !b.fenced && p.inIsr(pref)) setLeader(t, p, pref, false);
        }
    refreshCoordinators();
}

void Simulation::autoLeaderRebalance() {
    // auto.leader.rebalance.enable=true, leader.imbalance.check.interval.seconds=300.
    electPreferredLeaders();
}

void Simulation::retentionCheck() {
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (p.is_static || p.segments.size() < 2) continue;
            std::int64_t total = 0;
            for (const auto& s : p.segments) total += s.bytes;
            bool advanced = false;
            // Only closed segments are deleted, and never beyond the high watermark.
            while (p.segments.size() > 1 && p.segments[1].base <= p.high_watermark) {
                const Segment& s = p.segments.front();
                const bool byTime = t.retention_ms >= 0 && now() - s.max_timestamp > t.retention_ms;
                const bool bySize = t.retention_bytes >= 0 && total - s.bytes >= t.retention_bytes;
                if (!byTime && !bySize) break;
                total -= s.bytes;
                const Offset next = p.segments[1].base;
                const auto drop = static_cast<std::size_t>(next - p.log_start);
                for (std::size_t i = 0; i < drop; ++i)
                    p.removed.push_back({m_journal.size(), p.log_start + static_cast<Offset>(i), p.records[i]});
                p.records.erase(p.records.begin(), p.records.begin() + static_cast<std::ptrdiff_t>(drop));
                p.log_start = next;
                p.segments.erase(p.segments.begin());
                advanced = true;
            }
            if (advanced) {
                Event& e = emitEvent(EventType::LogStartAdvanced);
                e.topic = t.index;
                e.partition = p.partition;
                e.a = p.log_start;
            }
        }
}

void Simulation::appendToLeader(TopicState& t, PartitionState& p, const std::vector<Record>& recs,
                                std::int32_t producer, const std::vector<std::int64_t>& sizes) {
    const Offset base = p.leaderLeo();
    std::int64_t batchBytes = kBatchOverheadBytes;
    for (auto s : sizes) batchBytes += s;
    Segment* seg = &p.segments.back();
    if ((seg->bytes > 0 && seg->bytes + batchBytes > t.segment_bytes) || (seg->bytes > 0 && now() - seg->created_ms >= t.segment_ms)) {
        p.segments.push_back(Segment{base, 0, now(), 0});
        seg = &p.segments.back();
    }
    seg->bytes += batchBytes;
    if (!recs.empty() && (p.epoch_starts.empty() || p.epoch_starts.back().first != p.leader_epoch))
        p.epoch_starts.emplace_back(p.leader_epoch, base);
    for (const Record& r : recs) {
        p.records.push_back(r);
        seg->max_timestamp = std::max(seg->max_timestamp, r.timestamp);
    }
    if (!recs.empty() && recs.front().producer)
        p.producer_state[recs.front().producer] = {recs.back().sequence, base};
    ReplicaState* lr = p.replica(p.leader);
    FLUXOLAB_INVARIANT(lr->leo <= base, "the leader's log end offset never goes back on append");
    lr->leo = p.leaderLeo();
    lr->known_leo = lr->leo;
    Event& e = emitEvent(EventType::RecordsAppended);
    e.topic = t.index;
    e.partition = p.partition;
    e.broker = p.leader;
    e.a = base;
    e.b = static_cast<std::int64_t>(recs.size());
    e.actor = producer;
    maybeAdvanceHw(t, p);
    wakeParkedFetches(t, p);
}

} // namespace fluxolab::sim
