#include "sim/cluster.h"

#include "sim/hash.h"

#include <algorithm>
#include <cassert>
#include <set>

namespace fluxolab::sim {

enum class Simulation::TimerKind : std::uint8_t {
    ProducerLinger,   ///< a = producer
    ProducerRetry,    ///< a = producer, b = request id of the batch to resend
    ProduceArrive,    ///< b = request id
    ProduceResponse,  ///< b = request id
    ProduceTimeout,   ///< b = request id
    FetchArrive,      ///< a = topic index, b = packed (partition, replica, epoch)
    FetchResponse,    ///< a = topic index, b = packed (partition, replica, epoch)
    FetchParkTimeout, ///< a = topic index, b = packed (partition, replica, epoch)
    IsrCheck,         ///< a = broker
    RetentionCheck,
    LeaderRebalance,
    BrokerFence,      ///< a = broker, b = stop serial
    ConsumerPoll,     ///< a = consumer
    ConsumerHeartbeat, ///< a = consumer
    JoinArrive,       ///< a = consumer, b = join token
    JoinResponse,     ///< a = consumer, b = join token
    SyncArrive,       ///< a = consumer, b = join token
    SyncResponse,     ///< a = consumer, b = join token
    SessionCheck,     ///< a = group index, b = member serial
    RebalanceTimeout, ///< a = group index, b = rebalance token
    InitialDelay,     ///< a = group index, b = rebalance token
    CommitArrive,     ///< a = consumer, b = async commit id
    GroupCleanup,
};

struct Simulation::PendingBatch {
    TopicPartition tp;
    std::vector<Record> records;
    std::vector<std::int64_t> sizes;
    std::int64_t bytes = 0;
    TimeMs created_ms = 0;
    std::int32_t attempts = 0;
};

struct Simulation::ProducerData {
    std::int32_t index = 0;
    ProducerConfig config;
    std::string client_id;
    std::map<TopicPartition, std::deque<PendingBatch>> queues;
    std::set<TopicPartition> in_flight;
    std::map<std::string, std::int32_t> sticky;
    std::map<std::string, std::int64_t> sticky_bytes;
    std::map<std::string, std::uint32_t> rr_counter;
    std::map<TopicPartition, std::uint32_t> next_seq;
    TimeMs linger_at = -1;
    std::string value_template = "{key}-{seq}";
    std::int64_t pending = 0;
    bool closed = false;
};

struct Simulation::InFlight {
    std::int32_t producer = 0;
    PendingBatch batch;
    BrokerId broker = -1;
    Acks acks = Acks::All;
    ErrorCode error = ErrorCode::NONE;
    Offset base = -1;
    bool done = false;
};

namespace {
constexpr std::int64_t kRecordOverheadBytes = 10; // varint lengths, attributes, deltas
constexpr std::int64_t kBatchOverheadBytes = 61;  // RecordBatch header
constexpr std::int32_t kMaxFetchRecords = 4096;   // per replica fetch (stands for replica.fetch.max.bytes)

std::int64_t packFetch(std::int32_t partition, std::size_t replica, std::uint32_t epoch) {
    return (static_cast<std::int64_t>(partition) << 40) | (static_cast<std::int64_t>(replica) << 32) |
           static_cast<std::int64_t>(epoch);
}
std::int32_t fetchPartition(std::int64_t b) { return static_cast<std::int32_t>(b >> 40); }
std::size_t fetchReplica(std::int64_t b) { return static_cast<std::size_t>((b >> 32) & 0xFF); }
std::uint32_t fetchEpoch(std::int64_t b) { return static_cast<std::uint32_t>(b & 0xFFFFFFFF); }

bool isRetriable(ErrorCode e) {
    switch (e) {
    case ErrorCode::NOT_ENOUGH_REPLICAS:
    case ErrorCode::NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode::NOT_LEADER_OR_FOLLOWER:
    case ErrorCode::LEADER_NOT_AVAILABLE:
    case ErrorCode::NETWORK_EXCEPTION:
    case ErrorCode::REQUEST_TIMED_OUT:
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION: return true;
    default: return false;
    }
}

std::int64_t parseLong(const std::map<std::string, std::string>& m, const char* key, std::int64_t fallback) {
    const auto it = m.find(key);
    if (it == m.end()) return fallback;
    return std::stoll(it->second);
}
} // namespace

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

Simulation::Simulation(ClusterConfig config, std::uint64_t seed) : m_config(std::move(config)), m_rng(seed) {
    m_config.brokers = std::clamp(m_config.brokers, 1, 9);
    m_key_hash.push_back(0);
    for (std::int32_t i = 0; i < m_config.brokers; ++i) {
        BrokerState b;
        b.id = i + 1;
        b.host = m_config.host;
        b.port = m_config.first_port + i;
        m_brokers.push_back(b);
        Event& e = emitEvent(EventType::BrokerStarted);
        e.broker = b.id;
        schedule(m_config.defaults.replica_lag_time_max_ms / 2, TimerKind::IsrCheck, b.id);
    }
    schedule(m_config.defaults.log_retention_check_interval_ms, TimerKind::RetentionCheck);
    schedule(300000, TimerKind::LeaderRebalance);
    schedule(m_config.defaults.offsets_retention_check_interval_ms, TimerKind::GroupCleanup);
}

Simulation::~Simulation() = default;

void Simulation::schedule(TimeMs at, TimerKind kind, std::int32_t a, std::int64_t b) {
    m_timers.push(Timer{std::max(at, m_now), m_seq++, kind, a, b});
}

TimeMs Simulation::nextEventTime() const { return m_timers.empty() ? -1 : m_timers.top().time; }

bool Simulation::step() {
    if (m_timers.empty()) return false;
    const Timer t = m_timers.top();
    m_timers.pop();
    m_now = t.time;
    dispatch(t);
    if (afterEvent) afterEvent(*this);
    return true;
}

void Simulation::runUntil(TimeMs t) {
    while (!m_timers.empty() && m_timers.top().time <= t) step();
    if (t > m_now) m_now = t;
}

Event& Simulation::emitEvent(EventType type) {
    Event e;
    e.time = m_now;
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

void Simulation::dispatch(const Timer& t) {
    switch (t.kind) {
    case TimerKind::ProducerLinger: {
        auto& pd = *m_producers[static_cast<std::size_t>(t.a)];
        if (pd.linger_at == t.time) pd.linger_at = -1;
        producerDrain(t.a, false);
        break;
    }
    case TimerKind::ProducerRetry: {
        auto it = m_in_flight.find(static_cast<std::uint64_t>(t.b));
        if (it == m_in_flight.end()) break;
        auto inflight = std::move(it->second);
        m_in_flight.erase(it);
        auto& pd = *m_producers[static_cast<std::size_t>(inflight->producer)];
        const TopicPartition tp = inflight->batch.tp;
        pd.in_flight.erase(tp);
        pd.queues[tp].push_front(std::move(inflight->batch));
        sendBatch(inflight->producer, tp);
        break;
    }
    case TimerKind::ProduceArrive: produceArrives(static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::ProduceResponse: {
        auto it = m_in_flight.find(static_cast<std::uint64_t>(t.b));
        if (it != m_in_flight.end()) produceResponse(it->first, it->second->error, it->second->base);
        break;
    }
    case TimerKind::ProduceTimeout: {
        auto it = m_in_flight.find(static_cast<std::uint64_t>(t.b));
        if (it == m_in_flight.end() || it->second->done) break;
        TopicState* ts = findTopic(it->second->batch.tp.topic);
        if (ts) {
            auto& dp = ts->partitions[static_cast<std::size_t>(it->second->batch.tp.partition)].delayed_produces;
            std::erase_if(dp, [&](const auto& x) { return x.second == it->first; });
        }
        it->second->done = true;
        it->second->error = ErrorCode::REQUEST_TIMED_OUT;
        schedule(m_now + m_config.network_delay_ms, TimerKind::ProduceResponse, 0, t.b);
        break;
    }
    case TimerKind::FetchArrive: followerFetchArrives(t.a, t.b); break;
    case TimerKind::FetchResponse:
    case TimerKind::FetchParkTimeout: {
        TopicState* ts = topicByIndex(t.a);
        if (!ts) break;
        const auto pi = static_cast<std::size_t>(fetchPartition(t.b));
        if (pi >= ts->partitions.size()) break;
        PartitionState& p = ts->partitions[pi];
        const std::size_t ri = fetchReplica(t.b);
        ReplicaState& r = p.replica_state[ri];
        if (r.fetch_epoch != fetchEpoch(t.b)) break;
        if (t.kind == TimerKind::FetchParkTimeout) {
            if (!r.parked) break;
            r.parked = false;
        }
        if (p.leader < 0 || !m_brokers[static_cast<std::size_t>(r.broker - 1)].alive) break;
        if (!m_brokers[static_cast<std::size_t>(p.leader - 1)].alive) {
            // The leader died before answering: retry after replica.fetch.backoff.ms (1000).
            ++r.fetch_epoch;
            schedule(m_now + 1000, TimerKind::FetchResponse, t.a, packFetch(p.partition, ri, r.fetch_epoch));
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
    case TimerKind::IsrCheck:
        isrCheck(t.a);
        schedule(m_now + m_config.defaults.replica_lag_time_max_ms / 2, TimerKind::IsrCheck, t.a);
        break;
    case TimerKind::RetentionCheck:
        retentionCheck();
        schedule(m_now + m_config.defaults.log_retention_check_interval_ms, TimerKind::RetentionCheck);
        break;
    case TimerKind::LeaderRebalance:
        autoLeaderRebalance();
        schedule(m_now + 300000, TimerKind::LeaderRebalance);
        break;
    case TimerKind::BrokerFence: {
        const auto& b = m_brokers[static_cast<std::size_t>(t.a - 1)];
        if (!b.alive && !b.fenced) fenceBroker(t.a);
        break;
    }
    case TimerKind::ConsumerPoll: consumerPoll(t.a); break;
    case TimerKind::ConsumerHeartbeat: consumerHeartbeat(t.a, static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::JoinArrive: joinArrives(t.a, static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::JoinResponse: joinResponse(t.a, static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::SyncArrive: syncArrives(t.a, static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::SyncResponse: syncResponse(t.a, static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::SessionCheck: sessionCheck(t.a, t.b); break;
    case TimerKind::RebalanceTimeout: rebalanceTimeout(t.a, static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::InitialDelay: initialDelayExpired(t.a, static_cast<std::uint64_t>(t.b)); break;
    case TimerKind::GroupCleanup:
        groupCleanup();
        schedule(m_now + m_config.defaults.offsets_retention_check_interval_ms, TimerKind::GroupCleanup);
        break;
    case TimerKind::CommitArrive: {
        auto it = m_async_commits.find(static_cast<std::uint64_t>(t.b));
        if (it == m_async_commits.end()) break;
        const auto offsets = std::move(it->second.second);
        m_async_commits.erase(it);
        commitOffsets(m_consumers[static_cast<std::size_t>(t.a)], offsets);
        break;
    }
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

BrokerId Simulation::controllerId() const {
    for (const auto& b : m_brokers)
        if (b.alive) return b.id;
    return -1;
}

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
        r.last_caught_up_ms = m_now;
        ps.replica_state.push_back(r);
        if (!m_brokers[static_cast<std::size_t>(b - 1)].fenced) ps.isr.push_back(b);
    }
    ps.segments.push_back(Segment{0, 0, m_now, 0});
    t.partitions.push_back(std::move(ps));
    PartitionState& ref = t.partitions.back();
    Event& e = emitEvent(EventType::PartitionCreated);
    e.topic = t.index;
    e.partition = p;
    const auto [b, s] = m_journal.addList(replicas);
    e.list_begin = b;
    e.list_size = s;
    electLeader(t, ref, false);
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
        if (k == "min.insync.replicas" && std::stoll(v) < 1) {
            res.error = ErrorCode::INVALID_CONFIG;
            res.detail_text = k + "=" + v;
            return res;
        }
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
    for (auto& [id, inflight] : m_in_flight)
        if (inflight->batch.tp.topic == name && !inflight->done) {
            inflight->done = true;
            inflight->error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
            schedule(m_now + m_config.network_delay_ms, TimerKind::ProduceResponse, 0, static_cast<std::int64_t>(id));
        }
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
    const auto start = static_cast<std::int32_t>(m_rng.below(static_cast<std::uint64_t>(registered)));
    for (std::int32_t p = current; p < total; ++p) initPartition(*t, p, placeReplicas(p, rf, start));
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
            rs.last_caught_up_ms = m_now;
            rs.last_fetch_ms = m_now;
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
        checkDelayedProduces(t, p);
    }
}

void Simulation::electLeader(TopicState& t, PartitionState& p, bool allow_preferred_switch) {
    auto usable = [&](BrokerId b) {
        const auto& bs = m_brokers[static_cast<std::size_t>(b - 1)];
        return bs.alive && !bs.fenced;
    };
    if (p.leader >= 0 && usable(p.leader) && !allow_preferred_switch) return;
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
        p.records.resize(static_cast<std::size_t>(keep));
        while (p.segments.size() > 1 && p.segments.back().base >= leo) p.segments.pop_back();
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
        p.high_watermark = hw;
        p.replica(p.leader)->hw = hw;
        Event& e = emitEvent(EventType::HighWatermarkAdvanced);
        e.topic = t.index;
        e.partition = p.partition;
        e.a = hw;
        checkDelayedProduces(t, p);
    }
}

void Simulation::startFollowerFetch(TopicState& t, PartitionState& p, std::size_t ri) {
    ReplicaState& r = p.replica_state[ri];
    if (p.is_static || r.broker == p.leader || p.leader < 0) return;
    if (!m_brokers[static_cast<std::size_t>(r.broker - 1)].alive) return;
    ++r.fetch_epoch;
    r.parked = false;
    schedule(m_now + m_config.network_delay_ms, TimerKind::FetchArrive, t.index, packFetch(p.partition, ri, r.fetch_epoch));
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
        schedule(m_now + 1000, TimerKind::FetchResponse, topic_index, packFetch(p.partition, ri, r.fetch_epoch));
        return;
    }
    const Offset leaderLeo = p.leaderLeo();
    // Replica.updateFetchState: caught up if the fetch reached the leader's LEO, or the LEO the
    // leader had at the previous fetch.
    r.known_leo = r.leo;
    if (r.leo >= leaderLeo) r.last_caught_up_ms = m_now;
    else if (r.leo >= r.last_fetch_leader_leo) r.last_caught_up_ms = r.last_fetch_ms;
    r.last_fetch_leader_leo = leaderLeo;
    r.last_fetch_ms = m_now;
    if (!p.inIsr(r.broker) && r.leo >= p.high_watermark && r.leo >= leaderLeo) addToIsr(*t, p, r.broker);
    maybeAdvanceHw(*t, p);
    if (p.leaderLeo() > r.leo) {
        schedule(m_now + m_config.network_delay_ms, TimerKind::FetchResponse, topic_index, packed);
    } else {
        r.parked = true;
        schedule(m_now + m_config.defaults.replica_fetch_wait_max_ms, TimerKind::FetchParkTimeout, topic_index, packed);
    }
}

void Simulation::wakeParkedFetches(TopicState& t, PartitionState& p) {
    for (std::size_t i = 0; i < p.replica_state.size(); ++i) {
        ReplicaState& r = p.replica_state[i];
        if (!r.parked) continue;
        r.parked = false;
        schedule(m_now + m_config.network_delay_ms, TimerKind::FetchResponse, t.index,
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
                if (f != broker && m_now - p.replica(f)->last_caught_up_ms > m_config.defaults.replica_lag_time_max_ms)
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
                electLeader(t, p, false);
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
    failPendingOn(id);
    if (crash) schedule(m_now + m_config.defaults.broker_session_timeout_ms, TimerKind::BrokerFence, id);
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
            if (p.leader < 0) electLeader(t, p, false);
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
                const bool byTime = t.retention_ms >= 0 && m_now - s.max_timestamp > t.retention_ms;
                const bool bySize = t.retention_bytes >= 0 && total - s.bytes >= t.retention_bytes;
                if (!byTime && !bySize) break;
                total -= s.bytes;
                const Offset next = p.segments[1].base;
                const auto drop = static_cast<std::size_t>(next - p.log_start);
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
    if ((seg->bytes > 0 && seg->bytes + batchBytes > t.segment_bytes) || (seg->bytes > 0 && m_now - seg->created_ms >= t.segment_ms)) {
        p.segments.push_back(Segment{base, 0, m_now, 0});
        seg = &p.segments.back();
    }
    seg->bytes += batchBytes;
    for (const Record& r : recs) {
        p.records.push_back(r);
        seg->max_timestamp = std::max(seg->max_timestamp, r.timestamp);
    }
    if (!recs.empty() && recs.front().producer)
        p.producer_state[recs.front().producer] = {recs.back().sequence, base};
    ReplicaState* lr = p.replica(p.leader);
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

// ---------------------------------------------------------------------------------------------
// Producers

std::uint32_t Simulation::internKey(const std::string& key) {
    auto it = m_key_index.find(key);
    if (it != m_key_index.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(m_keys.size());
    m_keys.push_back(key);
    m_key_hash.push_back(murmur2(key));
    m_key_index.emplace(key, id);
    return id;
}

std::int32_t Simulation::addProducer(ProducerConfig config) {
    auto pd = std::make_unique<ProducerData>();
    pd->index = static_cast<std::int32_t>(m_producers.size());
    if (config.acks != Acks::All || config.retries == 0) config.enable_idempotence = false;
    pd->client_id = config.client_id.empty() ? "producer-" + std::to_string(++m_producer_client_counter)
                                             : config.client_id;
    pd->config = std::move(config);
    m_journal.setProducerName(pd->index, pd->client_id);
    m_producers.push_back(std::move(pd));
    Event& e = emitEvent(EventType::ProducerAdded);
    e.actor = static_cast<std::int32_t>(m_producers.size() - 1);
    return e.actor;
}

const std::string& Simulation::producerClientId(std::int32_t p) const {
    return m_producers[static_cast<std::size_t>(p)]->client_id;
}

void Simulation::setValueTemplate(std::int32_t producer, std::string tmpl) {
    m_producers[static_cast<std::size_t>(producer)]->value_template = std::move(tmpl);
}

std::int64_t Simulation::pendingRecords(std::int32_t producer) const {
    return m_producers[static_cast<std::size_t>(producer)]->pending;
}

std::optional<std::string> Simulation::recordKey(const Record& r) const {
    if (r.key == 0) return std::nullopt;
    return m_keys[r.key];
}

std::string Simulation::recordValue(const Record& r) const {
    if (r.value != 0) return m_values[r.value];
    if (r.producer == 0) return {};
    std::string out = m_producers[r.producer - 1]->value_template;
    auto replace = [&out](const std::string& what, const std::string& with) {
        for (std::size_t pos = out.find(what); pos != std::string::npos; pos = out.find(what, pos + with.size()))
            out.replace(pos, what.size(), with);
    };
    replace("{key}", r.key ? m_keys[r.key] : std::string("null"));
    replace("{seq}", std::to_string(r.sequence));
    return out;
}

std::int32_t Simulation::choosePartition(ProducerData& pd, TopicState& t, const std::optional<std::uint32_t>& key,
                                         std::int64_t bytes) {
    const auto n = static_cast<std::int32_t>(t.partitions.size());
    if (key && *key != 0) return toPositive(m_key_hash[*key]) % n;
    auto available = [&]() {
        std::vector<std::int32_t> out;
        for (const auto& p : t.partitions)
            if (p.leader >= 0) out.push_back(p.partition);
        if (out.empty())
            for (std::int32_t i = 0; i < n; ++i) out.push_back(i);
        return out;
    };
    if (pd.config.null_key_partitioner == NullKeyPartitioner::RoundRobin) {
        const auto avail = available();
        const std::uint32_t c = pd.rr_counter[t.name]++;
        return avail[static_cast<std::size_t>(toPositive(static_cast<std::int32_t>(c)) % static_cast<std::int32_t>(avail.size()))];
    }
    // KIP-794 built-in sticky partitioner: stay on one partition until batch.size bytes were produced
    // to it, then pick a new random available partition (which may be the same one).
    auto it = pd.sticky.find(t.name);
    if (it == pd.sticky.end() || it->second >= n || pd.sticky_bytes[t.name] >= pd.config.batch_size) {
        const auto avail = available();
        const std::int32_t random = toPositive(m_rng.nextInt());
        const std::int32_t chosen = avail[static_cast<std::size_t>(random % static_cast<std::int32_t>(avail.size()))];
        pd.sticky[t.name] = chosen;
        pd.sticky_bytes[t.name] = 0;
        it = pd.sticky.find(t.name);
    }
    pd.sticky_bytes[t.name] += bytes;
    return it->second;
}

std::deque<Simulation::PendingBatch>& Simulation::enqueue(ProducerData& pd, const TopicPartition& tp, Record r,
                                                         std::int64_t bytes) {
    r.producer = static_cast<std::uint32_t>(pd.index + 1);
    r.sequence = pd.next_seq[tp]++;
    auto& q = pd.queues[tp];
    if (q.empty() || q.back().bytes + bytes > pd.config.batch_size) {
        PendingBatch b;
        b.tp = tp;
        b.created_ms = m_now;
        q.push_back(std::move(b));
    }
    q.back().records.push_back(r);
    q.back().sizes.push_back(bytes);
    q.back().bytes += bytes;
    ++pd.pending;
    return q;
}

ErrorCode Simulation::send(std::int32_t producer, const ProducerRecord& rec) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    if (pd.closed) return ErrorCode::UNKNOWN_SERVER_ERROR;
    TopicState* t = findTopic(rec.topic);
    if (!t && m_config.defaults.auto_create_topics_enable) {
        const auto& d = m_config.defaults;
        if (createTopic(rec.topic, d.num_partitions, d.default_replication_factor).ok()) t = findTopic(rec.topic);
    }
    if (!t) return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
    if (rec.partition && (*rec.partition < 0 || *rec.partition >= static_cast<std::int32_t>(t->partitions.size())))
        return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
    Record r;
    r.timestamp = rec.timestamp.value_or(m_now);
    r.key = rec.key ? internKey(*rec.key) : 0;
    // An empty key is not null in the Java client: internKey gives it its own id, so it is hashed.
    m_values.push_back(rec.value);
    r.value = static_cast<std::uint32_t>(m_values.size() - 1);
    const std::int64_t bytes = kRecordOverheadBytes + (rec.key ? static_cast<std::int64_t>(rec.key->size()) : 0) +
                               static_cast<std::int64_t>(rec.value.size());
    const std::int32_t part =
        rec.partition ? *rec.partition : choosePartition(pd, *t, rec.key ? std::optional<std::uint32_t>(r.key) : std::nullopt, bytes);
    const TopicPartition tp{t->name, part};
    enqueue(pd, tp, r, bytes);
    producerDrain(producer, false);
    return ErrorCode::NONE;
}

ErrorCode Simulation::sendSynthetic(std::int32_t producer, const std::string& topic, std::optional<std::uint32_t> key_id) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    TopicState* t = findTopic(topic);
    if (!t) return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
    Record r;
    r.timestamp = m_now;
    r.key = key_id.value_or(0);
    r.value = 0;
    const std::int64_t bytes = kRecordOverheadBytes + (r.key ? static_cast<std::int64_t>(m_keys[r.key].size()) : 0) + 16;
    const std::int32_t part = choosePartition(pd, *t, key_id, bytes);
    const TopicPartition tp{t->name, part};
    auto& q = enqueue(pd, tp, r, bytes);
    if (q.size() > 1 || q.back().bytes >= pd.config.batch_size || pd.config.linger_ms == 0) producerDrain(producer, false);
    else if (pd.linger_at < 0) {
        pd.linger_at = q.back().created_ms + pd.config.linger_ms;
        schedule(pd.linger_at, TimerKind::ProducerLinger, producer);
    }
    return ErrorCode::NONE;
}

void Simulation::flush(std::int32_t producer) { producerDrain(producer, true); }

void Simulation::closeProducer(std::int32_t producer) {
    producerDrain(producer, true);
    m_producers[static_cast<std::size_t>(producer)]->closed = true;
}

void Simulation::producerDrain(std::int32_t producer, bool force) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    TimeMs earliest = -1;
    std::vector<TopicPartition> ready_tps; // sendBatch edits pd.queues: collect first
    for (auto& [tp, q] : pd.queues) {
        if (q.empty()) continue;
        const PendingBatch& b = q.front();
        const bool ready = force || q.size() > 1 || b.bytes >= pd.config.batch_size ||
                           m_now >= b.created_ms + pd.config.linger_ms;
        if (ready && !pd.in_flight.count(tp)) {
            ready_tps.push_back(tp);
            continue;
        }
        if (!ready) {
            const TimeMs at = b.created_ms + pd.config.linger_ms;
            earliest = earliest < 0 ? at : std::min(earliest, at);
        }
    }
    for (const auto& tp : ready_tps) sendBatch(producer, tp);
    if (earliest >= 0 && (pd.linger_at < 0 || earliest < pd.linger_at)) {
        pd.linger_at = earliest;
        schedule(earliest, TimerKind::ProducerLinger, producer);
    }
}

void Simulation::sendBatch(std::int32_t producer, const TopicPartition& tp) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    auto qit = pd.queues.find(tp);
    if (qit == pd.queues.end() || qit->second.empty() || pd.in_flight.count(tp)) return;
    auto inflight = std::make_unique<InFlight>();
    inflight->producer = producer;
    inflight->batch = std::move(qit->second.front());
    qit->second.pop_front();
    if (qit->second.empty()) pd.queues.erase(qit);
    inflight->acks = pd.config.acks;
    ++inflight->batch.attempts;
    const PartitionState* p = findPartition(tp);
    inflight->broker = p ? p->leader : -1;
    const std::uint64_t id = m_next_request++;
    pd.in_flight.insert(tp);
    if (!p) {
        inflight->done = true;
        inflight->error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
        m_in_flight.emplace(id, std::move(inflight));
        schedule(m_now, TimerKind::ProduceResponse, 0, static_cast<std::int64_t>(id));
        return;
    }
    if (inflight->broker < 0) {
        // No leader in the metadata: the batch waits for a metadata refresh (retry.backoff.ms).
        inflight->done = true;
        inflight->error = ErrorCode::LEADER_NOT_AVAILABLE;
        m_in_flight.emplace(id, std::move(inflight));
        schedule(m_now, TimerKind::ProduceResponse, 0, static_cast<std::int64_t>(id));
        return;
    }
    const bool acks0 = inflight->acks == Acks::None;
    m_in_flight.emplace(id, std::move(inflight));
    schedule(m_now + m_config.network_delay_ms, TimerKind::ProduceArrive, 0, static_cast<std::int64_t>(id));
    if (acks0) {
        // acks=0: the send completes when written to the socket; the offset is unknown (-1).
        auto& inf = *m_in_flight[id];
        Event& e = emitEvent(EventType::ProduceAcked);
        e.actor = producer;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.a = -1;
        e.b = static_cast<std::int64_t>(inf.batch.records.size());
        pd.pending -= e.b;
        pd.in_flight.erase(tp);
        producerDrain(producer, false);
    }
}

void Simulation::produceArrives(std::uint64_t request) {
    auto it = m_in_flight.find(request);
    if (it == m_in_flight.end()) return;
    InFlight& inf = *it->second;
    const bool acks0 = inf.acks == Acks::None;
    auto respond = [&](ErrorCode error, Offset base) {
        if (acks0) {
            m_in_flight.erase(it); // nobody listens: an acks=0 failure is silent
            return;
        }
        inf.done = true;
        inf.error = error;
        inf.base = base;
        schedule(m_now + m_config.network_delay_ms, TimerKind::ProduceResponse, 0, static_cast<std::int64_t>(request));
    };
    const auto& broker = m_brokers[static_cast<std::size_t>(inf.broker - 1)];
    TopicState* t = findTopic(inf.batch.tp.topic);
    if (!broker.alive) return respond(ErrorCode::NETWORK_EXCEPTION, -1);
    if (!t) return respond(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION, -1);
    PartitionState& p = t->partitions[static_cast<std::size_t>(inf.batch.tp.partition)];
    if (p.leader != inf.broker) return respond(ErrorCode::NOT_LEADER_OR_FOLLOWER, -1);
    const auto rf = static_cast<std::int32_t>(p.replicas.size());
    if (inf.acks == Acks::All && static_cast<std::int32_t>(p.isr.size()) < std::min(t->min_insync_replicas, rf))
        return respond(ErrorCode::NOT_ENOUGH_REPLICAS, -1);
    const auto& pd = *m_producers[static_cast<std::size_t>(inf.producer)];
    const Record& first = inf.batch.records.front();
    if (pd.config.enable_idempotence) {
        auto ps = p.producer_state.find(first.producer);
        if (ps != p.producer_state.end() && first.sequence <= ps->second.first) {
            // Duplicate of a batch already in the log (a retry): acknowledged, not appended again.
            const Offset base = ps->second.second - static_cast<Offset>(ps->second.first - first.sequence);
            if (inf.acks == Acks::All && base + static_cast<Offset>(inf.batch.records.size()) > p.high_watermark) {
                p.delayed_produces.emplace_back(base + static_cast<Offset>(inf.batch.records.size()), request);
                inf.base = base;
                schedule(m_now + pd.config.request_timeout_ms, TimerKind::ProduceTimeout, 0, static_cast<std::int64_t>(request));
                return;
            }
            return respond(ErrorCode::NONE, base);
        }
    }
    const Offset base = p.leaderLeo();
    appendToLeader(*t, p, inf.batch.records, inf.producer, inf.batch.sizes);
    if (acks0) return respond(ErrorCode::NONE, base);
    if (inf.acks == Acks::Leader) return respond(ErrorCode::NONE, base);
    inf.base = base;
    const Offset required = base + static_cast<Offset>(inf.batch.records.size());
    if (p.high_watermark >= required) return respond(ErrorCode::NONE, base);
    p.delayed_produces.emplace_back(required, request);
    schedule(m_now + pd.config.request_timeout_ms, TimerKind::ProduceTimeout, 0, static_cast<std::int64_t>(request));
}

void Simulation::checkDelayedProduces(TopicState& t, PartitionState& p) {
    (void)t;
    if (p.delayed_produces.empty()) return;
    std::vector<std::pair<Offset, std::uint64_t>> keep;
    for (const auto& [required, request] : p.delayed_produces) {
        auto it = m_in_flight.find(request);
        if (it == m_in_flight.end() || it->second->done) continue;
        if (p.high_watermark >= required) {
            it->second->done = true;
            it->second->error = ErrorCode::NONE;
            schedule(m_now + m_config.network_delay_ms, TimerKind::ProduceResponse, 0, static_cast<std::int64_t>(request));
        } else {
            keep.emplace_back(required, request);
        }
    }
    p.delayed_produces = std::move(keep);
}

void Simulation::failPendingOn(BrokerId broker) {
    // The connection to a stopped broker breaks: waiting requests fail with a network error.
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (p.leader != broker || p.delayed_produces.empty()) continue;
            for (const auto& [required, request] : p.delayed_produces) {
                auto it = m_in_flight.find(request);
                if (it == m_in_flight.end() || it->second->done) continue;
                it->second->done = true;
                it->second->error = ErrorCode::NETWORK_EXCEPTION;
                schedule(m_now + m_config.network_delay_ms, TimerKind::ProduceResponse, 0, static_cast<std::int64_t>(request));
            }
            p.delayed_produces.clear();
        }
}

void Simulation::produceResponse(std::uint64_t request, ErrorCode error, Offset base) {
    auto it = m_in_flight.find(request);
    if (it == m_in_flight.end()) return;
    InFlight& inf = *it->second;
    auto& pd = *m_producers[static_cast<std::size_t>(inf.producer)];
    const TopicPartition tp = inf.batch.tp;
    const auto count = static_cast<std::int64_t>(inf.batch.records.size());
    if (error == ErrorCode::NONE) {
        Event& e = emitEvent(EventType::ProduceAcked);
        e.actor = inf.producer;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.a = base;
        e.b = count;
        pd.pending -= count;
        pd.in_flight.erase(tp);
        m_in_flight.erase(it);
        producerDrain(pd.index, false);
        return;
    }
    const bool expired = m_now >= inf.batch.created_ms + pd.config.delivery_timeout_ms;
    const bool retry = isRetriable(error) && inf.batch.attempts <= pd.config.retries && !expired;
    Event& e = emitEvent(EventType::ProduceFailed);
    e.actor = inf.producer;
    e.topic = m_journal.topicIndex(tp.topic);
    e.partition = tp.partition;
    e.error = expired && isRetriable(error) ? ErrorCode::CLIENT_DELIVERY_TIMEOUT : error;
    e.b = count;
    e.flag = retry ? 1 : 0;
    if (retry) {
        inf.done = false;
        inf.error = ErrorCode::NONE;
        schedule(m_now + pd.config.retry_backoff_ms, TimerKind::ProducerRetry, inf.producer, static_cast<std::int64_t>(request));
        return;
    }
    pd.pending -= count;
    pd.in_flight.erase(tp);
    m_in_flight.erase(it);
    producerDrain(pd.index, false);
}

// ---------------------------------------------------------------------------------------------
// Group coordinator placement

TopicState& Simulation::ensureOffsetsTopic() {
    if (TopicState* t = findTopic("__consumer_offsets")) return *t;
    std::int32_t registered = 0;
    for (const auto& b : m_brokers)
        if (!b.fenced) ++registered;
    const auto rf = std::max(1, std::min(m_config.defaults.offsets_topic_replication_factor, registered));
    createTopic("__consumer_offsets", m_config.defaults.offsets_topic_num_partitions, rf,
                {{"cleanup.policy", "compact"}, {"compression.type", "producer"}, {"segment.bytes", "104857600"}});
    return *findTopic("__consumer_offsets");
}

BrokerId Simulation::coordinatorFor(const std::string& group) {
    TopicState& t = ensureOffsetsTopic();
    const auto n = static_cast<std::int32_t>(t.partitions.size());
    const std::int32_t p = kafkaAbs(javaStringHashCode(group)) % n;
    return t.partitions[static_cast<std::size_t>(p)].leader;
}

void Simulation::refreshCoordinators() {
    if (!findTopic("__consumer_offsets")) return;
    for (auto& [id, g] : m_groups) {
        const BrokerId c = coordinatorFor(id);
        if (c != g.coordinator) {
            g.coordinator = c;
            Event& e = emitEvent(EventType::CoordinatorMoved);
            e.group = g.index;
            e.broker = c;
        }
    }
}

GroupStateData& Simulation::groupFor(const std::string& id) {
    auto it = m_groups.find(id);
    if (it != m_groups.end()) return it->second;
    GroupStateData g;
    g.id = id;
    g.index = m_journal.groupIndex(id);
    if (m_group_by_index.size() <= static_cast<std::size_t>(g.index))
        m_group_by_index.resize(static_cast<std::size_t>(g.index) + 1);
    m_group_by_index[static_cast<std::size_t>(g.index)] = id;
    g.coordinator = coordinatorFor(id);
    GroupStateData& ref = m_groups.emplace(id, std::move(g)).first->second;
    Event& e = emitEvent(EventType::CoordinatorMoved); // the group's first coordinator
    e.group = ref.index;
    e.broker = ref.coordinator;
    return ref;
}

GroupStateData* Simulation::groupByIndex(std::int32_t index) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_group_by_index.size()) return nullptr;
    auto it = m_groups.find(m_group_by_index[static_cast<std::size_t>(index)]);
    return it == m_groups.end() ? nullptr : &it->second;
}

const GroupStateData* Simulation::group(const std::string& id) const {
    auto it = m_groups.find(id);
    return it == m_groups.end() ? nullptr : &it->second;
}

void Simulation::setGroupState(GroupStateData& g, GroupState s) {
    if (g.state == s) return;
    g.state = s;
    Event& e = emitEvent(EventType::GroupStateChanged);
    e.group = g.index;
    e.a = static_cast<std::int64_t>(s);
    e.b = g.generation;
}

// ---------------------------------------------------------------------------------------------
// Consumers

std::int32_t Simulation::addConsumer(ConsumerConfig config) {
    ConsumerState c;
    c.index = static_cast<std::int32_t>(m_consumers.size());
    // ConsumerConfig.maybeOverrideClientId: "consumer-" + (groupId + "-" if any) + process-wide counter.
    c.client_id = config.client_id.empty()
                      ? "consumer-" + (config.group_id.empty() ? std::string() : config.group_id + "-") +
                            std::to_string(++m_consumer_client_counter)
                      : config.client_id;
    c.config = std::move(config);
    c.last_poll_ms = m_now;
    c.last_auto_commit_ms = m_now;
    m_journal.setConsumerName(c.index, c.client_id);
    m_consumers.push_back(std::move(c));
    ConsumerState& ref = m_consumers.back();
    // groupFor() may emit events (creating __consumer_offsets): resolve it before building ours.
    const std::int32_t groupIndex = ref.config.group_id.empty() ? -1 : groupFor(ref.config.group_id).index;
    Event& e = emitEvent(EventType::ConsumerAdded);
    e.actor = ref.index;
    e.group = groupIndex;
    schedule(m_now, TimerKind::ConsumerPoll, ref.index);
    return ref.index;
}

void Simulation::subscribe(std::int32_t consumer, std::vector<std::string> topics) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.config.group_id.empty() || c.phase == ConsumerPhase::Closed) return;
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    // The consumer's metadata request auto-creates missing topics when the broker allows it
    // (allow.auto.create.topics=true on the consumer, auto.create.topics.enable=true on the broker).
    if (m_config.defaults.auto_create_topics_enable)
        for (const auto& t : topics)
            if (!findTopic(t)) createTopic(t, m_config.defaults.num_partitions, m_config.defaults.default_replication_factor);
    c.subscription = std::move(topics);
    c.subscribed = true;
    c.rejoin_needed = true;
}

void Simulation::assign(std::int32_t consumer, std::vector<TopicPartition> partitions) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    std::sort(partitions.begin(), partitions.end());
    c.subscribed = false;
    std::vector<TopicPartition> removed;
    for (const auto& tp : c.assigned)
        if (!std::binary_search(partitions.begin(), partitions.end(), tp)) removed.push_back(tp);
    revoke(c, removed);
    std::vector<TopicPartition> added;
    for (const auto& tp : partitions)
        if (!std::binary_search(c.assigned.begin(), c.assigned.end(), tp)) added.push_back(tp);
    c.assigned = partitions;
    c.phase = ConsumerPhase::Stable;
    Event& e = emitEvent(EventType::PartitionsAssigned);
    e.actor = c.index;
    emitTpList(e, added);
    initPositions(c, added);
}

void Simulation::seek(std::int32_t consumer, const TopicPartition& tp, Offset offset) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    c.position[tp] = offset;
    Event& e = emitEvent(EventType::PositionReset);
    e.actor = c.index;
    e.topic = m_journal.topicIndex(tp.topic);
    e.partition = tp.partition;
    e.a = offset;
}

void Simulation::seekToBeginning(std::int32_t consumer, const TopicPartition& tp) {
    seek(consumer, tp, earliestOffset(tp));
}
void Simulation::seekToEnd(std::int32_t consumer, const TopicPartition& tp) { seek(consumer, tp, latestOffset(tp)); }

Offset Simulation::earliestOffset(const TopicPartition& tp) const {
    const PartitionState* p = partition(tp);
    return p ? p->log_start : -1;
}
Offset Simulation::latestOffset(const TopicPartition& tp) const {
    const PartitionState* p = partition(tp);
    return p ? p->high_watermark : -1;
}
std::optional<Offset> Simulation::offsetForTimestamp(const TopicPartition& tp, TimeMs ts) const {
    const PartitionState* p = partition(tp);
    if (!p) return std::nullopt;
    for (Offset o = p->log_start; o < p->high_watermark; ++o)
        if (p->at(o).timestamp >= ts) return o;
    return std::nullopt;
}

void Simulation::pauseConsumer(std::int32_t consumer, std::int64_t ms) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    c.paused_until = m_now + ms;
    Event& e = emitEvent(EventType::ConsumerPaused);
    e.actor = c.index;
    e.a = ms;
}

void Simulation::setKeepDelivered(std::int32_t consumer, bool keep) {
    if (keep) m_delivered[consumer];
    else m_delivered.erase(consumer);
}

std::vector<ConsumedRecord> Simulation::drainDelivered(std::int32_t consumer) {
    auto it = m_delivered.find(consumer);
    if (it == m_delivered.end()) return {};
    std::vector<ConsumedRecord> out;
    out.swap(it->second);
    return out;
}

Offset Simulation::resetPosition(ConsumerState& c, const TopicPartition& tp) {
    switch (c.config.auto_offset_reset) {
    case OffsetReset::Earliest: return earliestOffset(tp);
    case OffsetReset::Latest: return latestOffset(tp);
    case OffsetReset::None: return -1;
    }
    return -1;
}

void Simulation::initPositions(ConsumerState& c, const std::vector<TopicPartition>& tps) {
    const GroupStateData* g = c.config.group_id.empty() ? nullptr : group(c.config.group_id);
    for (const auto& tp : tps) {
        Offset pos = -1;
        if (g) {
            auto it = g->committed.find(tp);
            if (it != g->committed.end()) pos = it->second;
        }
        if (pos < 0 || pos < earliestOffset(tp) || pos > latestOffset(tp)) pos = resetPosition(c, tp);
        if (pos < 0) {
            // auto.offset.reset=none and nothing committed: NoOffsetForPartitionException on poll().
            c.position.erase(tp);
            Event& e = emitEvent(EventType::CommitFailed);
            e.group = g ? g->index : -1;
            e.actor = c.index;
            e.error = ErrorCode::CLIENT_NO_OFFSET_FOR_PARTITION;
            continue;
        }
        c.position[tp] = pos;
        Event& e = emitEvent(EventType::PositionReset);
        e.actor = c.index;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.a = pos;
    }
}

void Simulation::revoke(ConsumerState& c, const std::vector<TopicPartition>& tps) {
    if (tps.empty()) return;
    Event& e = emitEvent(EventType::PartitionsRevoked);
    e.actor = c.index;
    e.group = c.config.group_id.empty() ? -1 : m_journal.groupIndex(c.config.group_id);
    emitTpList(e, tps);
    for (const auto& tp : tps) {
        c.position.erase(tp);
        std::erase(c.assigned, tp);
    }
}

void Simulation::commitPositions(ConsumerState& c, bool auto_commit) {
    (void)auto_commit;
    std::map<TopicPartition, Offset> offsets;
    for (const auto& tp : c.assigned)
        if (auto pit = c.position.find(tp); pit != c.position.end()) offsets.emplace(tp, pit->second);
    commitOffsets(c, offsets);
}

void Simulation::commitAsync(std::int32_t consumer) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    std::map<TopicPartition, Offset> offsets;
    for (const auto& tp : c.assigned)
        if (auto pit = c.position.find(tp); pit != c.position.end()) offsets.emplace(tp, pit->second);
    const std::uint64_t id = m_next_async_commit++;
    m_async_commits.emplace(id, std::make_pair(consumer, std::move(offsets)));
    schedule(m_now + m_config.network_delay_ms, TimerKind::CommitArrive, consumer, static_cast<std::int64_t>(id));
}

void Simulation::commitOffsets(ConsumerState& c, const std::map<TopicPartition, Offset>& offsets) {
    if (c.config.group_id.empty() || offsets.empty()) return;
    GroupStateData& g = groupFor(c.config.group_id);
    ErrorCode err = ErrorCode::NONE;
    if (c.subscribed) {
        const MemberState* m = g.member(c.member_id);
        if (!m) err = ErrorCode::UNKNOWN_MEMBER_ID;
        else if (g.state == GroupState::CompletingRebalance) err = ErrorCode::REBALANCE_IN_PROGRESS;
        else if (c.generation != g.generation) err = ErrorCode::ILLEGAL_GENERATION;
    } else if (!g.members.empty()) {
        // A standalone (assign()) consumer may only commit for a group with no active members.
        err = ErrorCode::UNKNOWN_MEMBER_ID;
    }
    if (err != ErrorCode::NONE) {
        Event& e = emitEvent(EventType::CommitFailed);
        e.group = g.index;
        e.actor = c.index;
        e.error = err;
        return;
    }
    for (const auto& [tp, offset] : offsets) {
        auto [it, inserted] = g.committed.emplace(tp, offset);
        if (!inserted && it->second == offset) continue;
        it->second = offset;
        Event& e = emitEvent(EventType::OffsetCommitted);
        e.group = g.index;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.a = offset;
        e.actor = c.index;
    }
}

void Simulation::commitSync(std::int32_t consumer) { commitPositions(m_consumers[static_cast<std::size_t>(consumer)], false); }

void Simulation::closeConsumer(std::int32_t consumer) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    if (c.config.enable_auto_commit) commitPositions(c, true);
    revoke(c, std::vector<TopicPartition>(c.assigned));
    if (c.subscribed && !c.member_id.empty()) {
        if (GroupStateData* g = c.config.group_id.empty() ? nullptr : &groupFor(c.config.group_id))
            if (g->member(c.member_id)) removeMember(*g, c.member_id, LeaveReason::LeaveGroup);
    }
    c.phase = ConsumerPhase::Closed;
    ++c.join_token;
    Event& e = emitEvent(EventType::ConsumerClosed);
    e.actor = c.index;
}

void Simulation::crashConsumer(std::int32_t consumer) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    c.phase = ConsumerPhase::Closed;
    ++c.join_token;
    Event& e = emitEvent(EventType::ConsumerClosed);
    e.actor = c.index;
    e.flag = 1;
}

void Simulation::consumerPoll(std::int32_t consumer) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    if (c.paused_until > m_now) {
        schedule(c.paused_until, TimerKind::ConsumerPoll, consumer);
        return;
    }
    c.last_poll_ms = m_now;
    schedule(m_now + std::max<std::int64_t>(1, c.config.poll_interval_ms), TimerKind::ConsumerPoll, consumer);

    const bool cooperative = c.config.assignors.size() == 1 && isCooperative(c.config.assignors[0]);
    if (c.subscribed && c.rejoin_needed && c.phase != ConsumerPhase::Joining && c.phase != ConsumerPhase::Syncing) {
        // ConsumerCoordinator.onJoinPrepare: commit, then (eager) revoke everything before rejoining.
        if (c.config.enable_auto_commit) commitPositions(c, true);
        const GroupStateData* g = group(c.config.group_id);
        const bool groupCooperative = g && g->protocol && isCooperative(*g->protocol);
        if (!(cooperative || groupCooperative) || c.member_id.empty())
            revoke(c, std::vector<TopicPartition>(c.assigned));
        sendJoin(c);
    }
    if (c.config.enable_auto_commit && c.phase == ConsumerPhase::Stable &&
        m_now - c.last_auto_commit_ms >= c.config.auto_commit_interval_ms) {
        c.last_auto_commit_ms = m_now;
        commitPositions(c, true);
    }
    if (c.assigned.empty()) return;
    std::int32_t budget = c.config.max_poll_records;
    auto deliver = m_delivered.find(consumer);
    const std::size_t n = c.assigned.size();
    for (std::size_t k = 0; k < n && budget > 0; ++k) {
        const TopicPartition& tp = c.assigned[(c.fetch_cursor + k) % n];
        auto pit = c.position.find(tp);
        if (pit == c.position.end()) continue;
        TopicState* t = findTopic(tp.topic);
        if (!t) continue;
        PartitionState& p = t->partitions[static_cast<std::size_t>(tp.partition)];
        if (p.leader < 0 || !m_brokers[static_cast<std::size_t>(p.leader - 1)].alive) continue;
        if (pit->second < p.log_start || pit->second > p.high_watermark) {
            // OFFSET_OUT_OF_RANGE: auto.offset.reset decides.
            const Offset np = resetPosition(c, tp);
            if (np < 0) continue;
            seek(consumer, tp, np);
            pit = c.position.find(tp);
        }
        const Offset from = pit->second;
        const Offset count = std::min<Offset>(p.high_watermark - from, budget);
        if (count <= 0) continue;
        if (deliver != m_delivered.end()) {
            for (Offset o = from; o < from + count; ++o) {
                const Record& r = p.at(o);
                deliver->second.push_back(ConsumedRecord{tp.topic, tp.partition, o, r.timestamp, recordKey(r), recordValue(r)});
            }
        }
        pit->second = from + count;
        budget -= static_cast<std::int32_t>(count);
        c.consumed += count;
        Event& e = emitEvent(EventType::RecordsConsumed);
        e.actor = consumer;
        e.topic = t->index;
        e.partition = tp.partition;
        e.a = from;
        e.b = count;
    }
    c.fetch_cursor = (c.fetch_cursor + 1) % n;
}

void Simulation::sendJoin(ConsumerState& c) {
    if (coordinatorFor(c.config.group_id) < 0) return; // COORDINATOR_NOT_AVAILABLE: retried on the next poll
    c.rejoin_needed = false;
    c.phase = ConsumerPhase::Joining;
    ++c.join_token;
    schedule(m_now + m_config.network_delay_ms, TimerKind::JoinArrive, c.index, static_cast<std::int64_t>(c.join_token));
}

void Simulation::joinArrives(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.join_token != token || c.phase == ConsumerPhase::Closed) return;
    GroupStateData& g = groupFor(c.config.group_id);
    if (g.state == GroupState::Dead) g.state = GroupState::Empty;
    // The group only accepts members sharing at least one assignor with it.
    if (!g.members.empty()) {
        bool common = false;
        for (AssignorKind k : c.config.assignors) {
            bool all = true;
            for (const auto& m : g.members)
                if (m.member_id != c.member_id && std::find(m.protocols.begin(), m.protocols.end(), k) == m.protocols.end())
                    all = false;
            common = common || all;
        }
        if (!common) {
            Event& e = emitEvent(EventType::CommitFailed);
            e.group = g.index;
            e.actor = c.index;
            e.error = ErrorCode::INCONSISTENT_GROUP_PROTOCOL;
            c.phase = ConsumerPhase::Idle;
            return;
        }
    }
    MemberState* m = c.member_id.empty() ? nullptr : g.member(c.member_id);
    if (!m) {
        // KIP-394: the coordinator hands out "<client.id>-<uuid>" (MEMBER_ID_REQUIRED round trip folded in).
        MemberState nm;
        nm.member_id = c.client_id + "-" + makeUuid();
        nm.consumer = c.index;
        nm.client_id = c.client_id;
        nm.host = c.config.host;
        nm.serial = ++m_member_serial;
        nm.session_timeout_ms = c.config.session_timeout_ms;
        nm.rebalance_timeout_ms = c.config.max_poll_interval_ms;
        c.member_id = nm.member_id;
        c.generation = -1;
        g.members.push_back(nm);
        g.new_member_added = true;
        m = &g.members.back();
        Event& e = emitEvent(EventType::MemberJoined);
        e.actor = c.index;
        e.group = g.index;
        e.name = m_journal.addString(nm.member_id);
        schedule(m_now + nm.session_timeout_ms, TimerKind::SessionCheck, g.index, static_cast<std::int64_t>(nm.serial));
    }
    m->topics = c.subscription;
    m->protocols = c.config.assignors;
    m->owned = c.assigned;
    m->owned_generation = c.generation;
    m->session_deadline = m_now + m->session_timeout_ms;
    const std::string memberId = m->member_id;
    if (g.state != GroupState::PreparingRebalance) prepareRebalance(g);
    if (MemberState* mm = g.member(memberId)) mm->joined = true;
    if (g.leader.empty()) g.leader = memberId;
    maybeCompleteJoin(g);
}

void Simulation::prepareRebalance(GroupStateData& g) {
    const bool wasEmpty = g.state == GroupState::Empty;
    for (auto& m : g.members) {
        m.joined = false;
        m.awaiting_sync = false;
    }
    setGroupState(g, GroupState::PreparingRebalance);
    ++g.rebalance_token;
    std::int64_t rebalanceTimeout = 0;
    for (const auto& m : g.members) rebalanceTimeout = std::max(rebalanceTimeout, m.rebalance_timeout_ms);
    if (wasEmpty) {
        // InitialDelayedJoin: wait group.initial.rebalance.delay.ms for more members, extending while
        // new members keep arriving, up to the rebalance timeout.
        const std::int64_t delay = m_config.defaults.group_initial_rebalance_delay_ms;
        g.initial_delay_until = m_now + delay;
        g.initial_delay_remaining_ms = std::max<std::int64_t>(0, rebalanceTimeout - delay);
        g.new_member_added = false;
        schedule(g.initial_delay_until, TimerKind::InitialDelay, g.index, static_cast<std::int64_t>(g.rebalance_token));
    } else {
        g.initial_delay_until = -1;
        g.rebalance_deadline = m_now + rebalanceTimeout;
        schedule(g.rebalance_deadline, TimerKind::RebalanceTimeout, g.index, static_cast<std::int64_t>(g.rebalance_token));
    }
    // Members learn about the rebalance through their heartbeats (REBALANCE_IN_PROGRESS).
}

void Simulation::initialDelayExpired(std::int32_t group_index, std::uint64_t token) {
    GroupStateData* g = groupByIndex(group_index);
    if (!g || g->rebalance_token != token || g->state != GroupState::PreparingRebalance) return;
    const std::int64_t delay = m_config.defaults.group_initial_rebalance_delay_ms;
    if (g->new_member_added && g->initial_delay_remaining_ms > 0) {
        const std::int64_t next = std::min(delay, g->initial_delay_remaining_ms);
        g->initial_delay_remaining_ms -= next;
        g->new_member_added = false;
        g->initial_delay_until = m_now + next;
        schedule(g->initial_delay_until, TimerKind::InitialDelay, g->index, static_cast<std::int64_t>(token));
        return;
    }
    g->initial_delay_until = -1;
    std::int64_t rebalanceTimeout = 0;
    for (const auto& m : g->members) rebalanceTimeout = std::max(rebalanceTimeout, m.rebalance_timeout_ms);
    g->rebalance_deadline = m_now + rebalanceTimeout;
    schedule(g->rebalance_deadline, TimerKind::RebalanceTimeout, g->index, static_cast<std::int64_t>(token));
    maybeCompleteJoin(*g);
}

void Simulation::rebalanceTimeout(std::int32_t group_index, std::uint64_t token) {
    GroupStateData* g = groupByIndex(group_index);
    if (!g || g->rebalance_token != token || g->state != GroupState::PreparingRebalance) return;
    std::vector<std::string> late;
    for (const auto& m : g->members)
        if (!m.joined) late.push_back(m.member_id);
    for (const auto& id : late) {
        const MemberState* m = g->member(id);
        Event& e = emitEvent(EventType::MemberLeft);
        e.actor = m->consumer;
        e.group = g->index;
        e.flag = static_cast<std::uint8_t>(LeaveReason::RebalanceTimeout);
        std::erase_if(g->members, [&](const MemberState& x) { return x.member_id == id; });
        if (g->leader == id) g->leader.clear();
    }
    completeJoin(*g);
}

void Simulation::maybeCompleteJoin(GroupStateData& g) {
    if (g.state != GroupState::PreparingRebalance || g.initial_delay_until >= 0) return;
    for (const auto& m : g.members)
        if (!m.joined) return;
    completeJoin(g);
}

void Simulation::completeJoin(GroupStateData& g) {
    ++g.generation;
    ++g.rebalance_token;
    if (g.members.empty()) {
        g.protocol.reset();
        g.leader.clear();
        setGroupState(g, GroupState::Empty);
        return;
    }
    // ClassicGroup.selectProtocol: candidates supported by every member; each member votes for its
    // most preferred candidate; most votes wins (ties: the first member's preference order).
    std::vector<AssignorKind> candidates;
    for (AssignorKind k : g.members.front().protocols) {
        bool all = true;
        for (const auto& m : g.members)
            if (std::find(m.protocols.begin(), m.protocols.end(), k) == m.protocols.end()) all = false;
        if (all) candidates.push_back(k);
    }
    std::map<AssignorKind, int> votes;
    for (const auto& m : g.members)
        for (AssignorKind k : m.protocols)
            if (std::find(candidates.begin(), candidates.end(), k) != candidates.end()) {
                ++votes[k];
                break;
            }
    AssignorKind best = candidates.front();
    for (AssignorKind k : candidates)
        if (votes[k] > votes[best]) best = k;
    g.protocol = best;
    if (g.leader.empty() || !g.member(g.leader)) g.leader = g.members.front().member_id;
    setGroupState(g, GroupState::CompletingRebalance);
    Event& e = emitEvent(EventType::GenerationStarted);
    e.group = g.index;
    e.a = g.generation;
    e.actor = g.member(g.leader)->consumer;
    e.flag = static_cast<std::uint8_t>(best);
    std::vector<std::int32_t> members;
    for (const auto& m : g.members) members.push_back(m.consumer);
    const auto [lb, ls] = m_journal.addList(members);
    e.list_begin = lb;
    e.list_size = ls;
    for (const auto& m : g.members) {
        const ConsumerState& c = m_consumers[static_cast<std::size_t>(m.consumer)];
        schedule(m_now + m_config.network_delay_ms, TimerKind::JoinResponse, m.consumer, static_cast<std::int64_t>(c.join_token));
    }
}

void Simulation::joinResponse(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.join_token != token || c.phase != ConsumerPhase::Joining) return;
    GroupStateData& g = groupFor(c.config.group_id);
    if (!g.member(c.member_id)) return;
    c.generation = g.generation;
    c.phase = ConsumerPhase::Syncing;
    if (g.leader == c.member_id) {
        // The leader runs the assignor on the client side with every member's subscription.
        std::map<std::string, std::int32_t> counts;
        std::vector<MemberSubscription> subs;
        for (const auto& m : g.members) {
            MemberSubscription s;
            s.member_id = m.member_id;
            s.topics = m.topics;
            s.owned = m.owned;
            s.generation = m.owned_generation;
            for (const auto& t : m.topics)
                if (const TopicState* ts = topic(t)) counts[t] = static_cast<std::int32_t>(ts->partitions.size());
            subs.push_back(std::move(s));
        }
        m_leader_assignment[consumer] = assignPartitions(*g.protocol, counts, subs);
    }
    schedule(m_now + m_config.network_delay_ms, TimerKind::SyncArrive, consumer, static_cast<std::int64_t>(token));
}

void Simulation::syncArrives(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.join_token != token || c.phase != ConsumerPhase::Syncing) return;
    GroupStateData& g = groupFor(c.config.group_id);
    MemberState* m = g.member(c.member_id);
    if (!m || c.generation != g.generation ||
        (g.state != GroupState::CompletingRebalance && g.state != GroupState::Stable)) {
        // REBALANCE_IN_PROGRESS / ILLEGAL_GENERATION: the client rejoins.
        c.phase = ConsumerPhase::Idle;
        c.rejoin_needed = true;
        if (!m) c.member_id.clear();
        return;
    }
    m->awaiting_sync = true;
    m->session_deadline = m_now + m->session_timeout_ms;
    if (g.state == GroupState::CompletingRebalance && g.leader == c.member_id) {
        const GroupAssignment& a = m_leader_assignment[consumer];
        for (auto& mm : g.members) {
            auto it = a.find(mm.member_id);
            mm.assignment = it == a.end() ? std::vector<TopicPartition>{} : it->second;
        }
        m_leader_assignment.erase(consumer);
        setGroupState(g, GroupState::Stable);
    }
    if (g.state == GroupState::Stable) {
        for (auto& mm : g.members) {
            if (!mm.awaiting_sync) continue;
            mm.awaiting_sync = false;
            const ConsumerState& mc = m_consumers[static_cast<std::size_t>(mm.consumer)];
            schedule(m_now + m_config.network_delay_ms, TimerKind::SyncResponse, mm.consumer, static_cast<std::int64_t>(mc.join_token));
        }
    }
}

void Simulation::syncResponse(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.join_token != token || c.phase != ConsumerPhase::Syncing) return;
    GroupStateData& g = groupFor(c.config.group_id);
    const MemberState* m = g.member(c.member_id);
    if (!m) return;
    std::vector<TopicPartition> target = m->assignment;
    std::sort(target.begin(), target.end());
    // Cooperative: give up only what moved away, then rejoin so it can be handed over.
    std::vector<TopicPartition> revoked, added;
    for (const auto& tp : c.assigned)
        if (!std::binary_search(target.begin(), target.end(), tp)) revoked.push_back(tp);
    for (const auto& tp : target)
        if (!std::binary_search(c.assigned.begin(), c.assigned.end(), tp)) added.push_back(tp);
    if (!revoked.empty() && c.config.enable_auto_commit) commitPositions(c, true);
    revoke(c, revoked);
    c.assigned = target;
    c.phase = ConsumerPhase::Stable;
    Event& e = emitEvent(EventType::PartitionsAssigned);
    e.actor = c.index;
    e.group = g.index;
    emitTpList(e, added);
    initPositions(c, added);
    if (!revoked.empty()) c.rejoin_needed = true;
    // (Re)start the heartbeat thread's cycle from this response; older cycles stop.
    schedule(m_now + c.config.heartbeat_interval_ms, TimerKind::ConsumerHeartbeat, consumer,
             static_cast<std::int64_t>(++c.heartbeat_token));
}

void Simulation::consumerHeartbeat(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (token != c.heartbeat_token || c.phase == ConsumerPhase::Closed || c.member_id.empty()) return;
    GroupStateData& g = groupFor(c.config.group_id);
    // The heartbeat thread leaves the group when poll() was not called within max.poll.interval.ms.
    if (m_now - c.last_poll_ms > c.config.max_poll_interval_ms) {
        if (g.member(c.member_id)) removeMember(g, c.member_id, LeaveReason::PollTimeout);
        c.member_id.clear();
        c.generation = -1;
        c.phase = ConsumerPhase::Idle;
        c.rejoin_needed = true;
        ++c.join_token;
        return;
    }
    MemberState* m = g.member(c.member_id);
    if (!m) {
        // UNKNOWN_MEMBER_ID: partitions are lost; the consumer rejoins as a new member.
        revoke(c, std::vector<TopicPartition>(c.assigned));
        c.member_id.clear();
        c.generation = -1;
        if (c.phase != ConsumerPhase::Joining) c.phase = ConsumerPhase::Idle;
        c.rejoin_needed = true;
        return;
    }
    m->session_deadline = m_now + m->session_timeout_ms;
    if (g.state == GroupState::PreparingRebalance && !m->joined) c.rejoin_needed = true;
    else if (g.state == GroupState::Stable && c.generation != g.generation) c.rejoin_needed = true;
    schedule(m_now + c.config.heartbeat_interval_ms, TimerKind::ConsumerHeartbeat, consumer, static_cast<std::int64_t>(token));
}

void Simulation::sessionCheck(std::int32_t group_index, std::int64_t serial) {
    GroupStateData* g = groupByIndex(group_index);
    if (!g) return;
    MemberState* m = nullptr;
    for (auto& mm : g->members)
        if (static_cast<std::int64_t>(mm.serial) == serial) m = &mm;
    if (!m) return;
    if (m->session_deadline > m_now) {
        schedule(m->session_deadline, TimerKind::SessionCheck, group_index, serial);
        return;
    }
    removeMember(*g, m->member_id, LeaveReason::SessionTimeout);
}

void Simulation::removeMember(GroupStateData& g, const std::string& member_id_ref, LeaveReason reason) {
    // Callers often pass a reference into g.members, which the erase below destroys: copy it.
    const std::string member_id = member_id_ref;
    const MemberState* m = g.member(member_id);
    if (!m) return;
    Event& e = emitEvent(EventType::MemberLeft);
    e.actor = m->consumer;
    e.group = g.index;
    e.flag = static_cast<std::uint8_t>(reason);
    std::erase_if(g.members, [&](const MemberState& x) { return x.member_id == member_id; });
    if (g.leader == member_id) g.leader.clear();
    if (g.state == GroupState::Stable || g.state == GroupState::CompletingRebalance) prepareRebalance(g);
    maybeCompleteJoin(g);
}

AdminResult Simulation::resetGroupOffsets(const std::string& group_id, const std::map<TopicPartition, Offset>& offsets) {
    AdminResult res;
    GroupStateData& g = groupFor(group_id);
    if (!g.members.empty()) {
        res.error = ErrorCode::NON_EMPTY_GROUP;
        res.detail_text = groupStateName(g.state);
        return res;
    }
    for (const auto& [tp, off] : offsets) {
        g.committed[tp] = off;
        Event& e = emitEvent(EventType::OffsetCommitted);
        e.group = g.index;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.a = off;
        e.actor = -1;
    }
    return res;
}

AdminResult Simulation::deleteGroup(const std::string& group_id) {
    AdminResult res;
    auto it = m_groups.find(group_id);
    if (it == m_groups.end() || it->second.state == GroupState::Dead) {
        res.error = ErrorCode::GROUP_ID_NOT_FOUND;
        return res;
    }
    if (!it->second.members.empty()) {
        res.error = ErrorCode::NON_EMPTY_GROUP;
        return res;
    }
    it->second.committed.clear();
    setGroupState(it->second, GroupState::Dead);
    Event& e = emitEvent(EventType::GroupDeleted);
    e.group = it->second.index;
    m_groups.erase(it);
    return res;
}

void Simulation::groupCleanup() {
    // The coordinator's periodic cleanup (offsets.retention.check.interval.ms): an Empty group that
    // has no committed offsets left is removed (it becomes Dead).
    std::vector<std::string> dead;
    for (const auto& [id, g] : m_groups)
        if (g.state == GroupState::Empty && g.members.empty() && g.committed.empty()) dead.push_back(id);
    for (const auto& id : dead) {
        GroupStateData& g = m_groups.at(id);
        setGroupState(g, GroupState::Dead);
        Event& e = emitEvent(EventType::GroupDeleted);
        e.group = g.index;
        m_groups.erase(id);
    }
}

std::int64_t Simulation::recordsRetained() const {
    std::int64_t n = 0;
    for (const auto& [name, t] : m_topics)
        for (const auto& p : t.partitions) n += static_cast<std::int64_t>(p.records.size());
    return n;
}

std::size_t Simulation::memoryBytes() const {
    std::size_t bytes = m_journal.memoryBytes();
    for (const auto& [name, t] : m_topics)
        for (const auto& p : t.partitions) bytes += p.records.size() * sizeof(Record) + p.segments.capacity() * sizeof(Segment);
    bytes += m_values.capacity() * sizeof(std::string) + m_keys.capacity() * sizeof(std::string);
    return bytes;
}

} // namespace fluxolab::sim
