// The replication component: brokers, topics, replicated partitions, ISR, fetches, elections (see replication.h).
#include "sim/kafka/replication.h"

#include "sim/cluster_internal.h"
#include "sim/hash.h"
#include "sim/topic_configs.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <set>
#include <utility>

namespace fluxolab::sim::kafka {

using namespace detail;

namespace {
std::string toLowerAscii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// The values the model reads from a topic's overrides, else the brokers' defaults (LogConfig over
/// the broker's log.* settings).
void applyTopicConfigs(TopicState& t, const BrokerDefaults& d) {
    const auto& configs = t.configs.overrides;
    t.min_insync_replicas = static_cast<std::int32_t>(parseLong(configs, "min.insync.replicas", d.min_insync_replicas));
    const auto unclean = configs.find("unclean.leader.election.enable");
    t.unclean_leader_election =
        unclean != configs.end() ? toLowerAscii(unclean->second) == "true" : d.unclean_leader_election_enable;
    t.retention_ms = parseLong(configs, "retention.ms", d.log_retention_ms);
    t.retention_bytes = parseLong(configs, "retention.bytes", d.log_retention_bytes);
    t.segment_bytes = parseLong(configs, "segment.bytes", d.log_segment_bytes);
    t.segment_ms = parseLong(configs, "segment.ms", d.log_segment_ms);
    t.segment_jitter_ms = parseLong(configs, "segment.jitter.ms", d.log_roll_jitter_ms);
    // cleanup.policy (a list; the broker's log.cleanup.policy is delete): time and size retention delete
    // segments only when it holds "delete" (UnifiedLog.deleteOldSegments; compaction is not modelled).
    const auto policy = configs.find("cleanup.policy");
    t.retention_deletes = policy == configs.end() || toLowerAscii(policy->second).find("delete") != std::string::npos;
}
} // namespace

Replication::Replication(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, Rng& rng,
                         Rng controller_rng, Rng segment_rng, ReplicationEvents& events)
    : m_scheduler(scheduler), m_timers(scheduler, "kafka.replication", *this), m_config(config), m_journal(journal),
      m_rng(rng), m_events(events), m_controller_rng(controller_rng),
      m_segment_rng(segment_rng) {
    m_incarnation.assign(static_cast<std::size_t>(m_config.brokers), 0);
    m_fetchers.assign(static_cast<std::size_t>(m_config.brokers), 1);
    m_registered.assign(static_cast<std::size_t>(m_config.brokers), 1);
    m_log_manager.assign(static_cast<std::size_t>(m_config.brokers), -1);
    for (std::int32_t i = 0; i < m_config.brokers; ++i) {
        BrokerState b;
        b.id = i + 1;
        b.host = m_config.host;
        b.port = m_config.first_port + i;
        m_brokers.push_back(b);
        Event& e = emitEvent(EventType::BrokerStarted);
        e.broker = b.id;
        schedule(m_config.defaults.replica_lag_time_max_ms / 2, ReplicationTimer::IsrCheck, b.id);
    }
    // The run starts with a formed cluster: node 1 leads the metadata quorum in epoch 1.
    m_controller = 1;
    m_controller_epoch = 1;
    Event& ce = emitEvent(EventType::ControllerElected);
    ce.broker = m_controller;
    ce.a = m_controller_epoch;
    // Each broker's LogManager starts its retention check log.initial.task.delay.ms after it starts
    // (the run's brokers at 0).
    for (const auto& b : m_brokers) startLogManager(b.id);
    schedule(300000, ReplicationTimer::LeaderRebalance);
}

Replication::~Replication() = default;

Event& Replication::emitEvent(EventType type) { return emitAt(m_journal, now(), type); }

std::int32_t Replication::registeredBrokers() const {
    std::int32_t registered = 0;
    for (const auto& b : m_brokers)
        if (!b.fenced) ++registered;
    return registered;
}

std::int64_t Replication::recordsRetained() const {
    std::int64_t n = 0;
    for (const auto& [name, t] : m_topics)
        for (const auto& p : t.partitions) n += static_cast<std::int64_t>(p.records.size());
    return n;
}

std::size_t Replication::logBytes() const {
    std::size_t bytes = 0;
    for (const auto& [name, t] : m_topics)
        for (const auto& p : t.partitions) bytes += p.records.size() * sizeof(Record) + p.segments.capacity() * sizeof(Segment);
    return bytes;
}

void Replication::checkPartition(const PartitionState& p) const {
    // The same rules tests/sim/test_properties.cpp checks after every event (Checker).
    if (p.is_static) return;
    const Offset leo = p.leaderLeo();
    FLUXOLAB_INVARIANT(p.high_watermark <= leo, "HW <= the log end offset");
    FLUXOLAB_INVARIANT(p.log_start <= p.high_watermark, "log start <= HW");
    for (const auto& r : p.replica_state) {
        FLUXOLAB_INVARIANT(r.hw <= r.leo, "a replica's HW <= its LEO");
        // A down replica whose log diverged keeps its records until its first fetch after the restart.
        if (r.diverged_at < 0) FLUXOLAB_INVARIANT(r.leo <= leo, "a replica's LEO <= the leader's log end");
    }
    FLUXOLAB_INVARIANT(!p.isr.empty(), "KRaft never empties the ISR");
    FLUXOLAB_INVARIANT(p.leader < 0 || p.inIsr(p.leader), "the leader is in the ISR");
}

void Replication::onTimer(const runtime::Timer& timer) {
    const auto t = runtime::TimerChannel<ReplicationTimer>::typed(timer);
    switch (t.kind) {
    case ReplicationTimer::FetchArrive: followerFetchArrives(t.a, t.b); break;
    case ReplicationTimer::FetchResponse:
    case ReplicationTimer::FetchParkTimeout: fetchResponse(t); break;
    case ReplicationTimer::IsrCheck:
        // Shrinking the ISR is an AlterPartition the active controller commits: none without one.
        if (m_controller >= 0) isrCheck(t.a);
        schedule(now() + m_config.defaults.replica_lag_time_max_ms / 2, ReplicationTimer::IsrCheck, t.a);
        break;
    case ReplicationTimer::RetentionCheck:
        // "kafka-log-retention" of the broker's LogManager, at a fixed rate; it ends with the process.
        if (!brokerState(t.a).alive || t.b != m_incarnation[static_cast<std::size_t>(t.a - 1)]) break;
        retentionCheck(t.a);
        schedule(now() + m_config.defaults.log_retention_check_interval_ms, ReplicationTimer::RetentionCheck, t.a,
                 t.b);
        break;
    case ReplicationTimer::LeaderRebalance:
        // auto.leader.rebalance.enable=true, leader.imbalance.check.interval.seconds=300.
        electPreferredLeaders();
        schedule(now() + 300000, ReplicationTimer::LeaderRebalance);
        break;
    case ReplicationTimer::BrokerFence: {
        // The session expired on the controller that scheduled it (a newer one starts its own).
        const auto& b = brokerState(t.a);
        if (m_controller >= 0 && t.b == m_controller_epoch && !b.alive && !b.fenced) fenceBroker(t.a);
        break;
    }
    case ReplicationTimer::BrokerCaughtUp:
        if (currentIncarnation(t.a, t.b)) brokerCaughtUp(t.a);
        break;
    case ReplicationTimer::BrokerUnfence:
        if (currentIncarnation(t.a, t.b)) brokerUnfenced(t.a);
        break;
    case ReplicationTimer::AlterPartitionDone: alterPartitionDone(t.a, t.b); break;
    case ReplicationTimer::ControllerElection:
        if (t.b == m_election_token && m_election_pending) {
            m_election_pending = false;
            electController();
        }
        break;
    case ReplicationTimer::ControllerResign:
        if (m_controller >= 0 && t.b == m_controller_epoch &&
            !quorumMajority(liveVoters(), static_cast<std::int32_t>(m_brokers.size())))
            loseController();
        break;
    }
}

void Replication::fetchResponse(const runtime::TypedTimer<ReplicationTimer>& t) {
    TopicState* ts = topicByIndex(t.a);
    if (!ts) return;
    const auto pi = static_cast<std::size_t>(fetchPartition(t.b));
    if (pi >= ts->partitions.size()) return;
    PartitionState& p = ts->partitions[pi];
    const std::size_t ri = fetchReplica(t.b);
    ReplicaState& r = p.replica_state[ri];
    if (r.fetch_epoch != fetchEpoch(t.b)) return;
    if (t.kind == ReplicationTimer::FetchParkTimeout) {
        if (!r.parked) return;
        r.parked = false;
    }
    if (p.leader < 0 || !brokerState(r.broker).alive) return;
    if (!brokerState(p.leader).alive) {
        // The leader died before answering: retry after replica.fetch.backoff.ms (1000).
        ++r.fetch_epoch;
        schedule(now() + 1000, ReplicationTimer::FetchResponse, t.a, packFetch(p.partition, ri, r.fetch_epoch));
        return;
    }
    if (r.diverged_at >= 0) {
        // The response names the diverging epoch and its end offset (KIP-320; AbstractFetcherThread's
        // truncation on divergence): the restarted replica truncates its log there, then fetches again.
        const Offset to = std::min(r.diverged_at, r.leo);
        r.diverged_at = -1;
        if (to < r.leo) truncateReplica(*ts, p, r, to);
        startFollowerFetch(*ts, p, ri);
        checkPartition(p);
        return;
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
    checkPartition(p);
}

TopicState* Replication::findTopic(const std::string& name) {
    auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : &it->second;
}

const TopicState* Replication::topic(const std::string& name) const {
    auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : &it->second;
}

TopicState* Replication::topicByIndex(std::int32_t index) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_topic_by_index.size()) return nullptr;
    const std::string& name = m_topic_by_index[static_cast<std::size_t>(index)];
    return name.empty() ? nullptr : findTopic(name);
}

PartitionState* Replication::findPartition(const TopicPartition& tp) {
    TopicState* t = findTopic(tp.topic);
    if (!t || tp.partition < 0 || tp.partition >= static_cast<std::int32_t>(t->partitions.size())) return nullptr;
    return &t->partitions[static_cast<std::size_t>(tp.partition)];
}

const PartitionState* Replication::partition(const TopicPartition& tp) const {
    return const_cast<Replication*>(this)->findPartition(tp);
}

std::string Replication::makeTopicId() {
    // Kafka's Uuid.randomUuid().toString(): a version 4 (random), variant 2 UUID as java.util.UUID makes
    // it, in base64 URL-safe without padding (22 chars). Uuid.randomUuid never returns one whose text
    // starts with '-' (it would read as an option on a command line): Kafka draws again, here the top
    // bit is cleared instead ('-' becomes 'e'), so that the same two draws are used and the rest of the
    // run (the replica placement drawn next) is unchanged.
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char bytes[16];
    std::uint64_t hi = m_rng.next(), lo = m_rng.next();
    hi = (hi & ~(std::uint64_t{0xF} << 12)) | (std::uint64_t{0x4} << 12); // version 4: byte 6 is 0x4?
    lo = (lo & ~(std::uint64_t{0x3} << 62)) | (std::uint64_t{0x2} << 62); // variant 2: byte 8 is 0b10??????
    if ((hi >> 58) == 62) hi &= ~(std::uint64_t{1} << 63);               // first character '-'
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

std::vector<BrokerId> Replication::placeReplicas(std::int32_t partition, std::int32_t rf, std::int32_t start) {
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

void Replication::initPartition(TopicState& t, std::int32_t p, std::vector<BrokerId> replicas) {
    PartitionState ps;
    ps.topic = t.index;
    ps.partition = p;
    ps.is_static = t.internal;
    ps.replica_state.reserve(replicas.size()); // a 9 999-partition topic: no reallocation per replica
    ps.isr.reserve(replicas.size());
    for (BrokerId b : replicas) {
        ReplicaState r;
        r.broker = b;
        r.last_caught_up_ms = now();
        ps.replica_state.push_back(r);
        if (!brokerState(b).fenced) ps.isr.push_back(b);
    }
    ps.segments.push_back(openSegment(t, 0));
    const auto [b, s] = m_journal.addList(replicas);
    ps.replicas = std::move(replicas);
    t.partitions.push_back(std::move(ps));
    PartitionState& ref = t.partitions.back();
    Event& e = emitEvent(EventType::PartitionCreated);
    e.topic = t.index;
    e.partition = p;
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

/// Why the controller refuses a topic's new set of overrides `configs` (INVALID_CONFIG), or nullopt: each
/// value of `checked` (keys of `configs`, in the request's order) against its definition, then the checks
/// across the whole set (ControllerConfigurationValidator at create: every key; ConfigurationControlManager
/// at alter: the keys the request sets, against the overrides they leave).
std::optional<std::string> topicConfigRefusal(const std::map<std::string, std::string>& configs,
                                              const std::vector<std::string>& checked) {
    for (const std::string& key : checked)
        if (TopicConfigValueCheck check = checkTopicConfigValue(key, configs.at(key)); !check.ok())
            return std::move(check.message);
    return topicConfigConflict(configs);
}
} // namespace

AdminResult Replication::createTopic(const std::string& name, std::int32_t partitions, std::int32_t rf,
                                    const std::map<std::string, std::string>& configs,
                                    const std::vector<std::vector<BrokerId>>& assignment) {
    AdminResult res;
    if (!assignment.empty()) {
        partitions = static_cast<std::int32_t>(assignment.size());
        rf = static_cast<std::int32_t>(assignment.front().size());
    }
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
    const std::int32_t registered = registeredBrokers();
    if (rf <= 0 || rf > 32767 || rf > registered) {
        res.error = ErrorCode::INVALID_REPLICATION_FACTOR;
        res.detail1 = rf;
        res.detail2 = registered;
        return res;
    }
    // ControllerConfigurationValidator: every value, then the checks across keys.
    std::vector<std::string> keys;
    for (const auto& entry : configs) keys.push_back(entry.first);
    if (auto refusal = topicConfigRefusal(configs, keys)) {
        res.error = ErrorCode::INVALID_CONFIG;
        res.detail_text = std::move(*refusal);
        return res;
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
    t.configs.created = configs;
    applyTopicConfigs(t, d);
    if (m_topic_by_index.size() <= static_cast<std::size_t>(t.index))
        m_topic_by_index.resize(static_cast<std::size_t>(t.index) + 1);
    m_topic_by_index[static_cast<std::size_t>(t.index)] = name;
    TopicState& ref = m_topics.emplace(name, std::move(t)).first->second;
    Event& e = emitEvent(EventType::TopicCreated);
    e.topic = ref.index;
    e.a = partitions;
    e.b = rf;
    ref.partitions.reserve(static_cast<std::size_t>(partitions)); // thousands: no reallocation copies
    if (!assignment.empty()) {
        // A manual assignment is used as given (the tool checked its brokers are registered).
        for (std::int32_t p = 0; p < partitions; ++p) initPartition(ref, p, assignment[static_cast<std::size_t>(p)]);
        return res;
    }
    const auto start = static_cast<std::int32_t>(m_rng.below(static_cast<std::uint64_t>(registered)));
    for (std::int32_t p = 0; p < partitions; ++p) initPartition(ref, p, placeReplicas(p, rf, start));
    return res;
}

AdminResult Replication::alterTopicConfigs(const std::string& name,
                                           const std::vector<std::pair<std::string, std::optional<std::string>>>& changes) {
    AdminResult res;
    auto it = m_topics.find(name);
    if (it == m_topics.end()) {
        res.error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
        res.detail_text = name;
        return res;
    }
    TopicState& t = it->second;
    // The broker refuses a request naming a key twice (a SET and a DELETE of it too).
    for (std::size_t i = 0; i < changes.size(); ++i)
        for (std::size_t k = i + 1; k < changes.size(); ++k)
            if (changes[i].first == changes[k].first) {
                res.error = ErrorCode::INVALID_REQUEST;
                res.detail_text = "Error due to duplicate config keys";
                return res;
            }
    // ConfigurationControlManager: the new overrides are checked as a whole before any is applied; the
    // values checked one by one are the ones this request sets.
    std::map<std::string, std::string> next = t.configs.overrides;
    std::vector<std::string> set;
    for (const auto& [key, value] : changes) {
        if (value) {
            next[key] = *value;
            set.push_back(key);
        } else {
            next.erase(key);
        }
    }
    if (auto refusal = topicConfigRefusal(next, set)) {
        res.error = ErrorCode::INVALID_CONFIG;
        res.detail_text = std::move(*refusal);
        return res;
    }
    std::vector<bool> changed;
    for (const auto& [key, value] : changes) changed.push_back(value.has_value() || t.configs.overrides.count(key) > 0);
    t.configs.overrides = std::move(next);
    applyTopicConfigs(t, m_config.defaults);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        // Deleting a key that is not set succeeds and changes nothing: no event.
        if (!changed[i]) continue;
        const auto& [key, value] = changes[i];
        Event& e = emitEvent(EventType::TopicConfigChanged);
        e.topic = t.index;
        e.name = m_journal.addString(value ? key + "=" + *value : key);
        e.flag = value ? 0 : 1;
    }
    return res;
}

AdminResult Replication::deleteTopic(const std::string& name) {
    AdminResult res;
    auto it = m_topics.find(name);
    if (it == m_topics.end()) {
        res.error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
        res.detail_text = name;
        return res;
    }
    const std::int32_t index = it->second.index;
    m_topics.erase(it);
    m_topic_by_index[static_cast<std::size_t>(index)].clear();
    Event& e = emitEvent(EventType::TopicDeleted);
    e.topic = index;
    return res;
}

AdminResult Replication::createPartitions(const std::string& name, std::int32_t total,
                                         const std::vector<std::vector<BrokerId>>& assignment) {
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
    const std::int32_t registered = registeredBrokers();
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
    t->partitions.reserve(static_cast<std::size_t>(grown));
    if (!assignment.empty() && static_cast<std::int32_t>(assignment.size()) == grown - current) {
        for (std::int32_t p = current; p < grown; ++p)
            initPartition(*t, p, assignment[static_cast<std::size_t>(p - current)]);
        return res;
    }
    const auto start = static_cast<std::int32_t>(m_rng.below(static_cast<std::uint64_t>(registered)));
    for (std::int32_t p = current; p < grown; ++p) initPartition(*t, p, placeReplicas(p, rf, start));
    if (overflow) {
        res.error = ErrorCode::UNKNOWN_SERVER_ERROR;
        res.detail1 = grown;
    }
    return res;
}

void Replication::setLeader(TopicState& t, PartitionState& p, BrokerId leader, bool unclean) {
    p.leader = leader;
    ++p.leader_epoch;
    if (leader >= 0) {
        ReplicaState* r = p.replica(leader);
        if (r->diverged_at >= 0) { // its log diverged while it was down: what follows is not its own
            const Offset to = std::min(r->diverged_at, r->leo);
            r->diverged_at = -1;
            if (to < r->leo) truncateReplica(t, p, *r, to);
        }
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
            rs.isr_pending = false;
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
        m_events.highWatermarkAdvanced(p);
        // Checked from outside by the property tests too (tests/sim/test_properties.cpp).
        FLUXOLAB_INVARIANT(p.inIsr(leader), "an elected leader is in the ISR");
    }
}

void Replication::electLeader(TopicState& t, PartitionState& p) {
    auto usable = [&](BrokerId b) {
        const auto& bs = brokerState(b);
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

void Replication::truncateTo(TopicState& t, PartitionState& p, Offset leo) {
    const Offset old = p.leaderLeo();
    if (leo < old) {
        const Offset keep = std::max<Offset>(leo - p.log_start, 0);
        for (auto i = static_cast<std::size_t>(keep); i < p.records.size(); ++i)
            p.removed.push_back({m_journal.size(), p.log_start + static_cast<Offset>(i), p.records[i]});
        p.records.resize(static_cast<std::size_t>(keep));
        while (p.segments.size() > 1 && p.segments.back().base >= leo) p.segments.pop_back();
        // LogSegment.truncateTo: the kept part's largest timestamp is read again; a segment left empty
        // forgets its first batch's timestamp and counts a time roll from now.
        Segment& last = p.segments.back();
        last.max_timestamp = -1;
        if (last.base >= leo) {
            last.bytes = 0;
            last.first_batch_timestamp = -1;
            last.created_ms = now();
        } else {
            for (Offset o = std::max(last.base, p.log_start); o < leo; ++o) {
                const Record& r = p.records[static_cast<std::size_t>(o - p.log_start)];
                last.max_timestamp = std::max(last.max_timestamp, r.timestamp);
            }
        }
        while (!p.epoch_starts.empty() && p.epoch_starts.back().second >= leo) p.epoch_starts.pop_back();
        // Producer state is rebuilt from what remains (the broker does the same from its log).
        p.producer_state.clear();
        for (std::size_t i = 0; i < p.records.size(); ++i) {
            const Record& r = p.records[i];
            if (r.producer) p.producer_state[r.producer] = {r.sequence, p.log_start + static_cast<Offset>(i)};
        }
    }
    for (auto& r : p.replica_state) {
        if (r.leo <= leo) continue;
        if (brokerState(r.broker).alive) {
            truncateReplica(t, p, r, leo);
        } else {
            // A down broker truncates nothing: its log diverges from here, and it truncates when it is
            // back and its first fetch learns the leader epoch's end offset (see fetchResponse).
            r.diverged_at = r.diverged_at < 0 ? leo : std::min(r.diverged_at, leo);
            r.known_leo = std::min(r.known_leo, leo);
        }
    }
}

void Replication::truncateReplica(TopicState& t, PartitionState& p, ReplicaState& r, Offset leo) {
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

namespace {
/// The order in which a partition leader's AlterPartition request lists an ISR it computed (Kafka
/// 4.3.1, Partition.prepareIsrExpand / prepareIsrShrink: the committed ISR, a java.util.Set, mapped
/// into a Scala mutable.HashSet, plus or minus one replica, then listed). That set iterates its 16
/// buckets in order (bucket: id ^ (id >>> 16), masked to 16 below 13 members), a bucket by hash:
/// ascending for broker ids below 16, which is every broker id of the simulation. The controller stores
/// the list as sent and kafka-topics --describe prints it in that order (a replica that rejoins is
/// not appended at the end: tests/sim/golden/real/isr-rejoin.txt, "Isr: 1,2,3" for replicas 3,1,2).
void sortIsrAsLeaderSendsIt(std::vector<BrokerId>& isr) {
    const auto bucket = [](BrokerId id) {
        const auto h = static_cast<std::uint32_t>(id);
        return (h ^ (h >> 16)) & 15u;
    };
    std::sort(isr.begin(), isr.end(), [&](BrokerId a, BrokerId b) {
        return std::pair(bucket(a), a) < std::pair(bucket(b), b);
    });
}
} // namespace

void Replication::removeFromIsr(TopicState& t, PartitionState& p, BrokerId b, IsrChangeBy by) {
    if (!p.inIsr(b) || p.isr.size() <= 1) return; // KRaft never empties the ISR
    std::erase(p.isr, b);
    // The controller fencing a broker filters the stored list (PartitionChangeBuilder keeps its
    // order: "Isr: 3,2" after node 1 of 3,1,2 died); the leader dropping a lagging follower sends
    // the rest in its set's order.
    if (by == IsrChangeBy::Leader) sortIsrAsLeaderSendsIt(p.isr);
    Event& e = emitEvent(EventType::IsrShrunk);
    e.topic = t.index;
    e.partition = p.partition;
    e.broker = b;
    const auto [lb, ls] = m_journal.addList(p.isr);
    e.list_begin = lb;
    e.list_size = ls;
    maybeAdvanceHw(t, p);
}

void Replication::addToIsr(TopicState& t, PartitionState& p, BrokerId b) {
    if (p.inIsr(b) || brokerState(b).fenced) return;
    // The leader's AlterPartition lists the grown ISR in its set's order (not the replicas' order,
    // nor the rejoining replica last).
    p.isr.push_back(b);
    sortIsrAsLeaderSendsIt(p.isr);
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

void Replication::maybeAdvanceHw(TopicState& t, PartitionState& p) {
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
        m_events.highWatermarkAdvanced(p);
    }
}

void Replication::startFollowerFetch(TopicState& t, PartitionState& p, std::size_t ri) {
    ReplicaState& r = p.replica_state[ri];
    if (p.is_static || r.broker == p.leader || p.leader < 0) return;
    if (!brokerState(r.broker).alive || !m_fetchers[static_cast<std::size_t>(r.broker - 1)]) return;
    ++r.fetch_epoch;
    r.parked = false;
    schedule(now() + m_config.network_delay_ms, ReplicationTimer::FetchArrive, t.index, packFetch(p.partition, ri, r.fetch_epoch));
}

void Replication::followerFetchArrives(std::int32_t topic_index, std::int64_t packed) {
    TopicState* t = topicByIndex(topic_index);
    if (!t) return;
    const auto pi = static_cast<std::size_t>(fetchPartition(packed));
    if (pi >= t->partitions.size()) return;
    PartitionState& p = t->partitions[pi];
    const std::size_t ri = fetchReplica(packed);
    ReplicaState& r = p.replica_state[ri];
    if (r.fetch_epoch != fetchEpoch(packed)) return;
    const auto& follower = brokerState(r.broker);
    if (!follower.alive) return; // sent just before the follower went down (a fenced one fetches: it catches up)
    if (p.leader < 0 || !brokerState(p.leader).alive) {
        // Leader unreachable: retry after replica.fetch.backoff.ms (1000).
        ++r.fetch_epoch;
        schedule(now() + 1000, ReplicationTimer::FetchResponse, topic_index, packFetch(p.partition, ri, r.fetch_epoch));
        return;
    }
    if (r.diverged_at >= 0) {
        // Its last fetched epoch ended earlier on this leader: the answer is the diverging epoch, no
        // records, and the leader does not update the follower's fetch state (Partition.fetchRecords).
        schedule(now() + m_config.network_delay_ms, ReplicationTimer::FetchResponse, topic_index, packed);
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
    // Partition.isFollowerInSync: the follower's LEO has reached the leader's HW and the offset where
    // the current leader epoch starts (the leader's LEO when it was elected: the first offset written
    // in this epoch, or the LEO if nothing has been written yet). Not the leader's LEO: under steady
    // produce load a fetch rarely reaches it, and a restarted broker could stay out of the ISR forever.
    const Offset epochStart = !p.epoch_starts.empty() && p.epoch_starts.back().first == p.leader_epoch
                                  ? p.epoch_starts.back().second
                                  : leaderLeo;
    // Partition.isReplicaIsrEligible (KIP-841): a fenced broker (restarted, not yet unfenced by the
    // controller) is not added. Partition.maybeExpandIsr sends an AlterPartition to the controller; the
    // ISR grows when the controller has committed it and answered (one request, a metadata write, one
    // response: 2 x network delay + quorum.append.linger.ms + a quorum round trip).
    if (!p.inIsr(r.broker) && !r.isr_pending && !follower.fenced && r.leo >= p.high_watermark && r.leo >= epochStart) {
        r.isr_pending = true;
        schedule(now() + 4 * m_config.network_delay_ms + kQuorumLingerMs, ReplicationTimer::AlterPartitionDone,
                 topic_index, packFetch(p.partition, ri, static_cast<std::uint32_t>(p.leader_epoch)));
    }
    maybeAdvanceHw(*t, p);
    if (p.leaderLeo() > r.leo) {
        schedule(now() + m_config.network_delay_ms, ReplicationTimer::FetchResponse, topic_index, packed);
    } else {
        r.parked = true;
        schedule(now() + m_config.defaults.replica_fetch_wait_max_ms, ReplicationTimer::FetchParkTimeout, topic_index, packed);
    }
    checkPartition(p);
}

void Replication::wakeParkedFetches(TopicState& t, PartitionState& p) {
    for (std::size_t i = 0; i < p.replica_state.size(); ++i) {
        ReplicaState& r = p.replica_state[i];
        if (!r.parked) continue;
        r.parked = false;
        schedule(now() + m_config.network_delay_ms, ReplicationTimer::FetchResponse, t.index,
                 packFetch(p.partition, i, r.fetch_epoch));
    }
}

void Replication::isrCheck(BrokerId broker) {
    const auto& b = brokerState(broker);
    if (!b.alive) return;
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (p.leader != broker || p.is_static) continue;
            std::vector<BrokerId> out;
            for (BrokerId f : p.isr)
                if (f != broker && now() - p.replica(f)->last_caught_up_ms > m_config.defaults.replica_lag_time_max_ms)
                    out.push_back(f);
            for (BrokerId f : out) removeFromIsr(t, p, f, IsrChangeBy::Leader);
        }
}

void Replication::fenceBroker(BrokerId id) {
    auto& b = brokerState(id);
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
                removeFromIsr(t, p, id, IsrChangeBy::Controller);
            }
        }
    m_events.leadershipChanged();
}

void Replication::stopBroker(BrokerId id, bool crash) {
    if (id < 1 || id > static_cast<BrokerId>(m_brokers.size())) return;
    auto& b = brokerState(id);
    if (!b.alive) return;
    b.alive = false;
    m_fetchers[static_cast<std::size_t>(id - 1)] = 0;
    Event& e = emitEvent(EventType::BrokerStopped);
    e.broker = id;
    e.flag = crash ? 1 : 0;
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions)
            if (p.leader == id && !p.delayed_produces.empty()) m_events.leaderStopped(p);
    m_events.brokerStopped(id);
    const bool wasController = id == m_controller;
    const auto voters = static_cast<std::int32_t>(m_brokers.size());
    if (m_controller >= 0) {
        // Controlled shutdown: the active controller (itself, for the controller's own node: its broker
        // role stops first) moves the leadership away at once. A crash: fenced when its session expires.
        if (!crash && !b.fenced) fenceBroker(id);
        else if (crash && !wasController)
            schedule(now() + m_config.defaults.broker_session_timeout_ms, ReplicationTimer::BrokerFence, id,
                     m_controller_epoch);
    }
    if (wasController) {
        loseController();
        if (quorumMajority(liveVoters(), voters))
            scheduleElection(crash ? ElectionCause::LeaderCrashed : ElectionCause::LeaderResigned);
    } else if (m_controller >= 0 && !quorumMajority(liveVoters(), voters)) {
        // The leader no longer hears from a majority: it resigns after fetch.timeout.ms (check-quorum).
        schedule(now() + kQuorumFetchTimeoutMs, ReplicationTimer::ControllerResign, 0, m_controller_epoch);
    }
}

std::int32_t Replication::liveVoters() const {
    std::int32_t n = 0;
    for (const auto& b : m_brokers)
        if (b.alive) ++n;
    return n;
}

void Replication::scheduleElection(ElectionCause cause) {
    if (m_election_pending) return;
    m_election_pending = true;
    ++m_election_token;
    const auto jitter = static_cast<TimeMs>(m_controller_rng.below(static_cast<std::uint64_t>(kQuorumElectionTimeoutMs)));
    schedule(now() + controllerElectionDelay(cause, jitter, m_config.network_delay_ms), ReplicationTimer::ControllerElection,
             0, m_election_token);
}

void Replication::electController() {
    if (m_controller >= 0 || !quorumMajority(liveVoters(), static_cast<std::int32_t>(m_brokers.size()))) return;
    // Any live voter can win (their metadata logs are equally complete here); which one is drawn from
    // the controller's stream, as the first voter whose randomised timeout fires is in Raft.
    std::vector<BrokerId> candidates;
    for (const auto& b : m_brokers)
        if (b.alive) candidates.push_back(b.id);
    m_controller = candidates[static_cast<std::size_t>(m_controller_rng.below(candidates.size()))];
    ++m_controller_epoch;
    Event& e = emitEvent(EventType::ControllerElected);
    e.broker = m_controller;
    e.a = m_controller_epoch;
    activateController();
}

void Replication::loseController() {
    if (m_controller < 0) return;
    m_controller = -1;
    Event& e = emitEvent(EventType::ControllerElected);
    e.broker = -1;
    e.a = m_controller_epoch;
}

void Replication::activateController() {
    for (const auto& b : m_brokers) {
        const auto slot = static_cast<std::size_t>(b.id - 1);
        if (!b.alive && !b.fenced)
            schedule(now() + m_config.defaults.broker_session_timeout_ms, ReplicationTimer::BrokerFence, b.id,
                     m_controller_epoch);
        else if (b.alive && (!m_registered[slot] || b.fenced))
            registerBroker(b.id);
    }
}

void Replication::registerBroker(BrokerId id) {
    // A crashed broker that restarts before the controller noticed registers a new incarnation:
    // the old one is fenced first (leaders move away, it leaves the ISRs).
    if (!brokerState(id).fenced) fenceBroker(id);
    m_registered[static_cast<std::size_t>(id - 1)] = 1;
    // BrokerLifecycleManager: a BrokerRegistration request (one network delay), the controller writes
    // the broker's RegisterBrokerRecord, fenced (quorum.append.linger.ms, then a quorum round trip
    // commits it), the response (one network delay); then a heartbeat at once, whose answer says the
    // broker caught up with the metadata log (STARTING -> RECOVERY, a round trip). The broker then
    // publishes its first metadata image: ReplicaManager makes it a follower and its fetchers start.
    const TimeMs d = m_config.network_delay_ms;
    schedule(now() + 6 * d + kQuorumLingerMs, ReplicationTimer::BrokerCaughtUp, id, packIncarnation(id));
}

void Replication::startBroker(BrokerId id) {
    if (id < 1 || id > static_cast<BrokerId>(m_brokers.size())) return;
    auto& b = brokerState(id);
    if (b.alive) return;
    const auto slot = static_cast<std::size_t>(id - 1);
    ++m_incarnation[slot];
    m_registered[slot] = 0;
    // With an active controller it registers at once (fenced until the controller unfences it,
    // brokerUnfenced); without one it waits for the next controller (activateController).
    if (m_controller >= 0) registerBroker(id);
    b.alive = true;
    Event& e = emitEvent(EventType::BrokerStarted);
    e.broker = id;
    // Its controller role is a voter again: with a majority back, the candidates' next try wins.
    const auto voters = static_cast<std::int32_t>(m_brokers.size());
    if (m_controller < 0 && quorumMajority(liveVoters(), voters))
        scheduleElection(voters == 1 ? ElectionCause::OnlyVoterStarted : ElectionCause::MajorityRegained);
}

void Replication::brokerCaughtUp(BrokerId id) {
    m_fetchers[static_cast<std::size_t>(id - 1)] = 1;
    // BrokerMetadataPublisher's first publish starts the LogManager (its retention check included).
    startLogManager(id);
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (p.leader < 0 || p.is_static) continue;
            for (std::size_t i = 0; i < p.replicas.size(); ++i)
                if (p.replicas[i] == id) startFollowerFetch(t, p, i);
        }
    // BrokerServer.startup then calls setReadyToUnfence: a heartbeat with wantFence=false goes at once
    // (not after broker.heartbeat.interval.ms); the controller grants it (BrokerHeartbeatManager.
    // calculateNextBrokerState: caught up with its RegisterBrokerRecord) and commits the unfencing.
    const TimeMs d = m_config.network_delay_ms;
    schedule(now() + 3 * d + kQuorumLingerMs, ReplicationTimer::BrokerUnfence, id, packIncarnation(id));
}

void Replication::brokerUnfenced(BrokerId id) {
    auto& b = brokerState(id);
    if (!b.fenced) return;
    b.fenced = false;
    Event& e = emitEvent(EventType::BrokerUnfenced);
    e.broker = id;
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (!p.replica(id)) continue;
            if (p.is_static && p.leader >= 0) addToIsr(t, p, id);
            // An offline partition gets a leader once one of its replicas is unfenced (the controller's
            // PartitionChangeBuilder runs on the broker's registration change).
            if (p.leader < 0) electLeader(t, p);
        }
    m_events.leadershipChanged();
}

void Replication::alterPartitionDone(std::int32_t topic_index, std::int64_t packed) {
    TopicState* t = topicByIndex(topic_index);
    if (!t) return;
    const auto pi = static_cast<std::size_t>(fetchPartition(packed));
    if (pi >= t->partitions.size()) return;
    PartitionState& p = t->partitions[pi];
    ReplicaState& r = p.replica_state[fetchReplica(packed)];
    // A new leader epoch makes the request stale (the controller answers FENCED_LEADER_EPOCH).
    if (static_cast<std::uint32_t>(p.leader_epoch) != fetchEpoch(packed) || !r.isr_pending) return;
    r.isr_pending = false;
    // No active controller: the request fails; the follower's next fetch sends another.
    if (m_controller < 0 || p.leader < 0 || !brokerState(p.leader).alive) return;
    // The controller refuses a fenced replica (INELIGIBLE_REPLICA); addToIsr checks it.
    addToIsr(*t, p, r.broker);
    checkPartition(p);
}

void Replication::electPreferredLeaders() { (void)electLeaders(std::vector<TopicPartition>{}, false); }

std::vector<std::pair<TopicPartition, ElectionOutcome>>
Replication::electLeaders(const std::vector<TopicPartition>& partitions, bool unclean) {
    std::vector<std::pair<TopicPartition, ElectionOutcome>> out;
    if (m_controller < 0) return out; // the controller elects: none without one
    auto usable = [&](BrokerId id) {
        const auto& b = brokerState(id);
        return b.alive && !b.fenced;
    };
    auto elect = [&](TopicState& t, PartitionState& p) {
        if (unclean) {
            if (p.leader >= 0) return ElectionOutcome::NotNeeded;
            for (BrokerId r : p.replicas)
                if (usable(r) && p.inIsr(r)) {
                    setLeader(t, p, r, false);
                    return ElectionOutcome::Elected;
                }
            for (BrokerId r : p.replicas)
                if (usable(r)) {
                    setLeader(t, p, r, true);
                    return ElectionOutcome::Elected;
                }
            return ElectionOutcome::NotAvailable;
        }
        const BrokerId pref = p.replicas[0];
        if (p.leader == pref) return ElectionOutcome::NotNeeded;
        if (!usable(pref) || !p.inIsr(pref)) return ElectionOutcome::NotAvailable;
        setLeader(t, p, pref, false);
        return ElectionOutcome::Elected;
    };
    if (partitions.empty()) {
        for (auto& [name, t] : m_topics)
            for (auto& p : t.partitions)
                if (const auto r = elect(t, p); r != ElectionOutcome::NotNeeded)
                    out.emplace_back(TopicPartition{name, p.partition}, r);
    } else {
        for (const TopicPartition& tp : partitions) {
            auto it = m_topics.find(tp.topic);
            if (it == m_topics.end() || tp.partition < 0 ||
                tp.partition >= static_cast<std::int32_t>(it->second.partitions.size())) {
                out.emplace_back(tp, ElectionOutcome::UnknownPartition);
                continue;
            }
            out.emplace_back(tp, elect(it->second, it->second.partitions[static_cast<std::size_t>(tp.partition)]));
        }
    }
    m_events.leadershipChanged();
    return out;
}

void Replication::startLogManager(BrokerId id) {
    const auto slot = static_cast<std::size_t>(id - 1);
    if (m_log_manager[slot] == m_incarnation[slot]) return; // LogManager.startup runs once per process
    m_log_manager[slot] = m_incarnation[slot];
    schedule(now() + m_config.defaults.log_initial_task_delay_ms, ReplicationTimer::RetentionCheck, id,
             m_incarnation[slot]);
}

Segment Replication::openSegment(const TopicState& t, Offset base) {
    Segment s;
    s.base = base;
    s.created_ms = now();
    s.last_modified_ms = now();
    // LogConfig.randomSegmentJitter: a draw below min(segment.jitter.ms, segment.ms) per segment, none
    // without jitter; from its own stream, so a jitter never shifts topic ids or replica placement.
    if (t.segment_jitter_ms > 0)
        s.roll_jitter_ms = static_cast<std::int64_t>(
            m_segment_rng.below(static_cast<std::uint64_t>(std::min(t.segment_jitter_ms, t.segment_ms))));
    return s;
}

void Replication::retentionCheck(BrokerId broker) {
    // LogManager.cleanupLogs on `broker`: UnifiedLog.deleteOldSegments for each log it leads (the log
    // start offset clients see is the leader's; the followers' logs follow it).
    for (auto& [name, t] : m_topics)
        for (auto& p : t.partitions) {
            if (p.is_static || p.leader != broker) continue;
            const Offset leo = p.leaderLeo();
            std::int64_t total = 0;
            for (const auto& s : p.segments) total += s.bytes;
            // deleteRetentionSizeBreachedSegments, then deleteRetentionMsBreachedSegments; as one pass: a
            // segment the size rule keeps stops the size rule for every later one too.
            std::size_t n = 0;
            for (; n < p.segments.size(); ++n) {
                const Segment& s = p.segments[n];
                const bool active = n + 1 == p.segments.size();
                if (active && s.bytes == 0) break; // an empty active segment is never deleted
                // Never a segment with offsets at or beyond the high watermark (the active one ends at the
                // log end offset): the log start offset never passes the HW.
                const Offset end = active ? leo : p.segments[n + 1].base;
                if (p.high_watermark < end) break;
                // largestTimestamp(): the largest record timestamp, else the file's last modification.
                // Both, like the broker's clock, in epoch milliseconds.
                const TimeMs largest = s.max_timestamp >= 0 ? s.max_timestamp : epochMs(s.last_modified_ms);
                const bool byTime =
                    t.retention_deletes && t.retention_ms >= 0 && epochMs(now()) - largest > t.retention_ms;
                const bool bySize = t.retention_deletes && t.retention_bytes >= 0 && total - s.bytes >= t.retention_bytes;
                if (!byTime && !bySize) break;
                total -= s.bytes;
            }
            if (n == 0) continue;
            // Deleting every segment rolls a new, empty one at the log end first (deleteSegments).
            if (n == p.segments.size()) p.segments.push_back(openSegment(t, leo));
            const Offset next = p.segments[n].base;
            const auto drop = static_cast<std::size_t>(next - p.log_start);
            for (std::size_t i = 0; i < drop; ++i)
                p.removed.push_back({m_journal.size(), p.log_start + static_cast<Offset>(i), p.records[i]});
            p.records.erase(p.records.begin(), p.records.begin() + static_cast<std::ptrdiff_t>(drop));
            p.log_start = next;
            p.segments.erase(p.segments.begin(), p.segments.begin() + static_cast<std::ptrdiff_t>(n));
            Event& e = emitEvent(EventType::LogStartAdvanced);
            e.topic = t.index;
            e.partition = p.partition;
            e.a = p.log_start;
        }
}

void Replication::appendToLeader(TopicState& t, PartitionState& p, const std::vector<Record>& recs,
                                std::int32_t producer, const std::vector<std::int64_t>& sizes) {
    const Offset base = p.leaderLeo();
    std::int64_t batchBytes = kBatchOverheadBytes;
    for (auto s : sizes) batchBytes += s;
    TimeMs batchMax = -1;
    for (const Record& r : recs) batchMax = std::max(batchMax, r.timestamp);
    Segment* seg = &p.segments.back();
    // LogSegment.shouldRoll: full, or segment.ms (less the segment's jitter) passed from the largest
    // timestamp of its first batch to this batch's largest timestamp (strictly more; from the segment's
    // creation time when its first batch had no timestamp).
    const TimeMs waited =
        seg->first_batch_timestamp >= 0 ? batchMax - seg->first_batch_timestamp : now() - seg->created_ms;
    const bool full = seg->bytes + batchBytes > t.segment_bytes;
    if (seg->bytes > 0 && (full || waited > t.segment_ms - seg->roll_jitter_ms)) {
        p.segments.push_back(openSegment(t, base));
        seg = &p.segments.back();
    }
    if (seg->bytes == 0) seg->first_batch_timestamp = batchMax;
    seg->bytes += batchBytes;
    seg->last_modified_ms = now();
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
    checkPartition(p);
}

} // namespace fluxolab::sim::kafka
