#include "labs/backend/sim_backend.h"

#include "sim/cluster.h"
#include "sim/hash.h"
#include "sim/journal.h"
#include "sim/kafka_errors.h"
#include "sim/topic_configs.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace fluxolab::labs {

namespace {
constexpr TimeMs kRequestMs = 2;          ///< one admin round trip (network delay 1 ms each way)
constexpr TimeMs kProducerCloseMaxMs = 130000; ///< > delivery.timeout.ms: close() never hangs forever

std::string unifyCollision(std::string s) {
    std::replace(s.begin(), s.end(), '.', '_');
    return s;
}

bool groupVisible(const sim::GroupStateData& g) {
    // The coordinator forgets an empty group without committed offsets only at its next periodic
    // clean-up (offsets.retention.check.interval.ms, groupCleanup): until then the group is listed and
    // described as Empty, e.g. after its topic was deleted (seen on a real 4.3.1 broker).
    return g.state != sim::GroupState::Dead;
}
} // namespace

SimBackend::SimBackend(std::uint64_t seed, std::int32_t brokers)
    : SimBackend([brokers] {
          sim::ClusterConfig cfg;
          cfg.brokers = brokers;
          return cfg;
      }(), seed) {}

SimBackend::SimBackend(const sim::ClusterConfig& config, std::uint64_t seed) {
    sim::Scenario scenario = Session::emptyScenario(std::clamp(config.brokers, 1, 9));
    scenario.cluster = config;
    scenario.cluster.brokers = std::clamp(config.brokers, 1, 9);
    m_owned = std::make_unique<Session>(scenario, seed);
    m_session = m_owned.get();
    m_sim = &m_session->sim();
}

SimBackend::SimBackend(Session& external) : m_session(&external), m_sim(&external.sim()) {}

SimBackend::~SimBackend() = default;

TimeMs SimBackend::nowMs() const { return kVirtualEpochMs + m_sim->now(); }
// A command's time is held (Session::runHeld): the session's other timed work (the terminal's log
// being played) does not fire inside a command, live or replayed.
void SimBackend::advance(TimeMs ms) { m_session->runHeld(m_session->now() + std::max<TimeMs>(0, ms)); }
void SimBackend::request() { m_session->runHeld(m_session->now() + kRequestMs); }

ProbeResult SimBackend::probe(TimeMs /*timeout_ms*/) const {
    ProbeResult r;
    std::int32_t alive = 0;
    for (const auto& b : m_sim->brokers())
        if (b.alive && !b.fenced) ++alive;
    if (alive == 0) {
        r.status = ClientError::Unreachable;
        r.detail = "no broker is running";
        return r;
    }
    r.brokers = alive;
    return r;
}

std::vector<BrokerInfo> SimBackend::brokers() const {
    std::vector<BrokerInfo> out;
    for (const auto& b : m_sim->brokers()) out.push_back(BrokerInfo{b.id, b.host, b.port, b.alive && !b.fenced, !b.fenced});
    return out;
}

std::vector<std::string> SimBackend::listTopics(bool include_internal) const {
    std::vector<std::string> out;
    for (const auto& [name, t] : m_sim->topics())
        if (include_internal || !t.internal) out.push_back(name);
    return out; // std::map: sorted
}

std::optional<TopicInfo> SimBackend::describeTopic(const std::string& name) const {
    const sim::TopicState* t = m_sim->topic(name);
    if (!t) return std::nullopt;
    TopicInfo info;
    info.name = t->name;
    info.topic_id = t->topic_id;
    info.internal = t->internal;
    info.configs = sim::describedTopicConfigs(t->name, t->configs, m_sim->config().defaults);
    for (const auto& p : t->partitions) {
        PartitionInfo pi;
        pi.partition = p.partition;
        pi.leader = p.leader;
        pi.replicas = p.replicas;
        pi.isr = p.isr;
        pi.log_start = p.log_start;
        pi.high_watermark = p.high_watermark;
        info.partitions.push_back(std::move(pi));
    }
    return info;
}

BackendResult SimBackend::createTopic(const std::string& name, std::optional<std::int32_t> partitions,
                                      std::optional<std::int32_t> rf,
                                      const std::vector<std::pair<std::string, std::string>>& configs,
                                      const std::vector<std::vector<std::int32_t>>& replica_assignment) {
    request();
    BackendResult r;
    if (std::string why = sim::invalidTopicNameMessage(name); !why.empty()) {
        r.error = ErrorCode::INVALID_TOPIC_EXCEPTION;
        r.message = std::move(why);
        return r;
    }
    if (m_sim->topic(name)) {
        r.error = ErrorCode::TOPIC_ALREADY_EXISTS;
        r.message = sim::adminErrorMessage(sim::AdminOp::CreateTopic, sim::AdminResult{ErrorCode::TOPIC_ALREADY_EXISTS, 0, 0, {}}, name);
        return r;
    }
    if (name.find_first_of("._") != std::string::npos) {
        for (const auto& [other, t] : m_sim->topics())
            if (unifyCollision(other) == unifyCollision(name)) {
                r.error = ErrorCode::INVALID_TOPIC_EXCEPTION;
                r.message = "Topic '" + name + "' collides with existing topic: " + other;
                return r;
            }
    }
    std::map<std::string, std::string> cfg;
    for (const auto& [k, v] : configs) cfg[k] = v;
    const auto& d = m_sim->config().defaults;
    const std::int32_t p = partitions.value_or(d.num_partitions);
    const std::int32_t f = rf.value_or(d.default_replication_factor);
    std::vector<std::vector<sim::BrokerId>> assignment;
    for (const auto& replicas : replica_assignment) assignment.emplace_back(replicas.begin(), replicas.end());
    const sim::AdminResult a = m_sim->createTopic(name, p, f, cfg, assignment);
    r.error = a.error;
    if (!a.ok()) r.message = sim::adminErrorMessage(sim::AdminOp::CreateTopic, a, name);
    return r;
}

bool SimBackend::controllerAvailable() const { return m_sim->controllerId() >= 0; }

std::optional<std::vector<std::pair<TopicPartition, ElectionOutcome>>>
SimBackend::electLeaders(const std::vector<TopicPartition>& partitions, bool unclean) {
    request();
    return m_sim->electLeaders(partitions, unclean);
}

BackendResult SimBackend::deleteTopic(const std::string& name) {
    request();
    BackendResult r;
    const sim::AdminResult a = m_sim->deleteTopic(name);
    r.error = a.error;
    if (!a.ok()) r.message = sim::adminErrorMessage(sim::AdminOp::DeleteTopic, a, name);
    return r;
}

BackendResult SimBackend::createPartitions(const std::string& name, std::int32_t total,
                                          const std::vector<std::vector<std::int32_t>>& replica_assignment) {
    request();
    BackendResult r;
    const sim::AdminResult a = m_sim->createPartitions(name, total, replica_assignment);
    r.error = a.error;
    if (!a.ok()) r.message = sim::adminErrorMessage(sim::AdminOp::CreatePartitions, a, name);
    return r;
}

Offset SimBackend::earliestOffset(const TopicPartition& tp) const { return m_sim->earliestOffset(tp); }
Offset SimBackend::latestOffset(const TopicPartition& tp) const { return m_sim->latestOffset(tp); }
std::optional<Offset> SimBackend::offsetForTimestamp(const TopicPartition& tp, TimeMs epoch_ms) const {
    return m_sim->offsetForTimestamp(tp, epoch_ms); // record timestamps are epoch milliseconds
}

std::optional<Offset> SimBackend::maxTimestampOffset(const TopicPartition& tp) const {
    const sim::PartitionState* p = m_sim->partition(tp);
    if (!p) return std::nullopt;
    // UnifiedLog's offset of the largest timestamp (the first record that has it), below the high
    // watermark (ListOffsets, READ_UNCOMMITTED); -1 for an empty log.
    Offset best = -1;
    TimeMs largest = 0;
    for (Offset o = p->log_start; o < p->high_watermark; ++o)
        if (best < 0 || p->at(o).timestamp > largest) {
            best = o;
            largest = p->at(o).timestamp;
        }
    return best;
}

DescribeConfigsResult SimBackend::describeConfigs(ConfigResourceKind kind, const std::string& name) const {
    DescribeConfigsResult r;
    const auto& d = m_sim->config().defaults;
    if (kind == ConfigResourceKind::Topic) {
        const sim::TopicState* t = m_sim->topic(name);
        if (!t) {
            r.result.error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
            r.result.message = "The topic '" + name + "' does not exist.";
            return r;
        }
        for (const auto& e : sim::topicConfigEntries(t->configs, d)) {
            ConfigEntryInfo info{e.name, e.value, e.source, false, {}};
            for (const auto& syn : e.synonyms) info.synonyms.push_back({syn.source, syn.name, syn.value});
            r.entries.push_back(std::move(info));
        }
        return r;
    }
    // Brokers: the model keeps the course's server.properties; the one dynamic setting is the
    // cluster-wide min.insync.replicas the 4.x controller stores (eligible leader replicas on).
    if (!name.empty()) {
        const auto id = std::strtol(name.c_str(), nullptr, 10);
        if (id < 1 || id > static_cast<long>(m_sim->brokers().size())) {
            r.result.client = ClientError::TimedOut;
            r.result.message = "no broker " + name;
            return r;
        }
    }
    ConfigEntryInfo mir{"min.insync.replicas", std::to_string(d.min_insync_replicas), "DYNAMIC_DEFAULT_BROKER_CONFIG", false, {}};
    mir.synonyms.push_back({"DYNAMIC_DEFAULT_BROKER_CONFIG", "min.insync.replicas", std::to_string(d.min_insync_replicas)});
    r.entries.push_back(std::move(mir));
    return r;
}

BackendResult SimBackend::incrementalAlterConfigs(ConfigResourceKind kind, const std::string& name,
                                                  const std::vector<std::pair<std::string, std::optional<std::string>>>& changes) {
    request();
    BackendResult r;
    if (kind != ConfigResourceKind::Topic) {
        r.client = ClientError::Other;
        r.message = "the simulated brokers' configs cannot be altered";
        return r;
    }
    const sim::AdminResult a = m_sim->alterTopicConfigs(name, changes);
    r.error = a.error;
    if (a.error == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION) r.message = "The topic '" + name + "' does not exist.";
    else if (!a.ok()) r.message = a.detail_text;
    return r;
}

bool SimBackend::logAppendTime(const std::string& topic) const {
    // The topic's timestamp type now (a real batch keeps the type it was written with; the simulation's
    // records do not carry it, so a type changed after the writes shows on the older records too).
    const sim::TopicState* t = m_sim->topic(topic);
    if (!t) return false;
    const auto type = t->configs.overrides.find("message.timestamp.type");
    return type != t->configs.overrides.end() && type->second == "LogAppendTime";
}

std::vector<StoredRecord> SimBackend::readRecords(const TopicPartition& tp) const {
    std::vector<StoredRecord> out;
    const sim::PartitionState* p = m_sim->partition(tp);
    if (!p) return out;
    for (Offset o = p->log_start; o < p->high_watermark; ++o) {
        const sim::Record& r = p->at(o);
        out.push_back(StoredRecord{tp, o, r.timestamp, logAppendTime(tp.topic), m_sim->recordKey(r), m_sim->recordValue(r)});
    }
    return out;
}

std::vector<std::string> SimBackend::listGroups() const {
    std::vector<std::string> out;
    for (const auto& [id, g] : m_sim->groups())
        if (groupVisible(g)) out.push_back(id);
    return out;
}

std::optional<GroupInfo> SimBackend::describeGroup(const std::string& group) const {
    const sim::GroupStateData* g = m_sim->group(group);
    if (!g || !groupVisible(*g)) return std::nullopt;
    GroupInfo info;
    info.id = g->id;
    info.state = observe::groupState(g->state);
    info.protocol = g->protocol ? sim::assignorName(*g->protocol) : "";
    for (const auto& b : m_sim->brokers())
        if (b.id == g->coordinator) info.coordinator = BrokerInfo{b.id, b.host, b.port, b.alive};
    // What the admin client's FindCoordinator finds now (the commands wait on the same lookup).
    info.coordinator_available = findCoordinator(group).kind == CoordinatorLookup::Kind::Serving;
    for (const auto& m : g->members) {
        MemberInfo mi{m.member_id, m.client_id, m.host, m.assignment};
        // During a rebalance the coordinator reports no assignment (DescribeGroups sends it only when Stable).
        if (g->state != sim::GroupState::Stable) mi.assignment.clear();
        info.members.push_back(std::move(mi));
    }
    info.generation = g->generation;
    info.committed = g->committed;
    info.committed_epoch = g->committed_epoch;
    return info;
}

CoordinatorLookup SimBackend::findCoordinator(const std::string& group) const {
    CoordinatorLookup r;
    // No offsets topic yet: the first lookup creates it (FluxoLab answers at once).
    const sim::TopicState* offsets = m_sim->topic("__consumer_offsets");
    if (!offsets || offsets->partitions.empty()) return r;
    const auto n = static_cast<std::int32_t>(offsets->partitions.size());
    const std::int32_t p = sim::kafkaAbs(sim::javaStringHashCode(group)) % n;
    const sim::BrokerId leader = offsets->partitions[static_cast<std::size_t>(p)].leader;
    if (leader < 0) {
        r.kind = CoordinatorLookup::Kind::NotAvailable;
        return r;
    }
    for (const auto& b : m_sim->brokers())
        if (b.id == leader && !b.alive) {
            r.kind = CoordinatorLookup::Kind::Unreachable;
            r.node = BrokerInfo{b.id, b.host, b.port, false};
        }
    return r;
}

BackendResult SimBackend::alterGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets) {
    request();
    BackendResult r;
    const sim::AdminResult a = m_sim->resetGroupOffsets(group, offsets);
    r.error = a.error;
    if (!a.ok()) r.message = sim::errorDefaultMessage(a.error);
    return r;
}

BackendResult SimBackend::deleteGroup(const std::string& group) {
    request();
    BackendResult r;
    if (!describeGroup(group)) {
        r.error = ErrorCode::GROUP_ID_NOT_FOUND;
        r.message = sim::errorDefaultMessage(r.error);
        return r;
    }
    const sim::AdminResult a = m_sim->deleteGroup(group);
    r.error = a.error;
    if (!a.ok()) r.message = sim::errorDefaultMessage(a.error); // Errors.java's text, as the real broker's
    return r;
}

DeleteOffsetsResult SimBackend::deleteGroupOffsets(const std::string& group,
                                               const std::vector<TopicPartition>& partitions) {
    request();
    DeleteOffsetsResult r;
    const sim::GroupStateData* g = m_sim->group(group);
    if (!g || !groupVisible(*g)) {
        r.error = ErrorCode::GROUP_ID_NOT_FOUND;
        for (const auto& tp : partitions) r.partitions[tp] = r.error;
        return r;
    }
    ErrorCode groupError = ErrorCode::NONE;
    for (const auto& [tp, e] : m_sim->deleteGroupOffsets(group, partitions, groupError)) {
        r.partitions[tp] = e;
        if (r.error == ErrorCode::NONE && e != ErrorCode::NONE) r.error = e;
    }
    if (groupError != ErrorCode::NONE) r.error = groupError;
    return r;
}

ClusterBackend::Handle SimBackend::openProducer(const ProducerSettings& s) {
    sim::ProducerConfig c;
    c.client_id = s.client_id;
    c.linger_ms = s.linger_ms;
    c.acks = s.acks == 0 ? sim::Acks::None : (s.acks == 1 ? sim::Acks::Leader : sim::Acks::All);
    c.retries = s.retries;
    c.request_timeout_ms = s.request_timeout_ms;
    c.batch_size = s.batch_size;
    c.max_request_size = s.max_request_size;
    c.buffer_memory = s.buffer_memory;
    c.retry_backoff_ms = s.retry_backoff_ms;
    c.delivery_timeout_ms = s.delivery_timeout_ms;
    c.max_block_ms = s.max_block_ms;
    c.max_in_flight = s.max_in_flight;
    c.enable_idempotence = s.enable_idempotence;
    c.bootstrap_brokers = s.bootstrap_brokers;
    c.report_send_failures = true;
    const Handle h = m_sim->addProducer(c);
    m_journal_seen[h] = m_sim->journal().size();
    return h;
}

std::vector<std::pair<TimeMs, std::int32_t>> SimBackend::takeConnectionFailures(Handle producer) {
    std::vector<std::pair<TimeMs, std::int32_t>> out;
    const sim::Journal& j = m_sim->journal();
    std::size_t& seen = m_journal_seen[producer];
    if (seen > j.size()) seen = j.size(); // a journal started again
    for (; seen < j.size(); ++seen) {
        const sim::Event& e = j[seen];
        // Attempts to a known broker; those to the bootstrap server (-1) the tool logs itself.
        if (e.family == sim::kKafkaFamily && e.type == sim::EventType::ConnectionFailed && e.actor == producer &&
            e.broker >= 0)
            out.emplace_back(kVirtualEpochMs + e.time, e.broker);
    }
    return out;
}

std::int64_t SimBackend::blockedSends(Handle producer) const { return m_sim->blockedSends(producer); }

std::vector<SendFailure> SimBackend::takeSendFailures(Handle producer) {
    std::vector<SendFailure> out;
    for (sim::SendFailure& f : m_sim->takeSendFailures(producer)) {
        SendFailure r;
        r.time = kVirtualEpochMs + f.time;
        r.tp = f.tp;
        r.error = f.error;
        r.batch_records = f.batch_records;
        r.batch_age_ms = f.batch_age_ms;
        r.key = std::move(f.key);
        r.value_bytes = f.value_bytes;
        r.record_bytes = f.record_bytes;
        // The record's timestamp and the broker's range are epoch milliseconds already (sim::kClockEpochMs).
        r.timestamp = f.timestamp;
        r.batch_index = f.batch_index;
        r.timestamp_refused = f.timestamp_refused;
        r.refused_in_batch = f.refused_in_batch;
        r.valid_from = f.valid_from;
        r.valid_to = f.valid_to;
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<BatchSplit> SimBackend::takeBatchSplits(Handle producer) {
    std::vector<BatchSplit> out;
    for (const sim::BatchSplit& s : m_sim->takeBatchSplits(producer))
        out.push_back(BatchSplit{kVirtualEpochMs + s.time, s.tp, s.attempts_left, s.request});
    return out;
}

BackendResult SimBackend::send(Handle producer, const std::string& topic, const std::optional<std::string>& key,
                               const std::string& value) {
    BackendResult r;
    sim::ProducerRecord rec;
    rec.topic = topic;
    rec.key = key;
    rec.value = value;
    r.error = m_sim->send(producer, rec);
    if (!r.ok()) r.message = sim::errorDefaultMessage(r.error);
    return r;
}

void SimBackend::closeProducer(Handle producer) {
    m_sim->closeProducer(producer);
    const TimeMs deadline = m_sim->now() + kProducerCloseMaxMs;
    while (m_sim->pendingRecords(producer) > 0 && m_sim->now() < deadline) m_session->runHeld(m_sim->now() + 1);
}

ClusterBackend::Handle SimBackend::openConsumer(const ConsumerSettings& s) {
    sim::ConsumerConfig c;
    c.group_id = s.partition ? std::string() : s.group_id;
    c.client_id = s.client_id;
    c.enable_auto_commit = s.enable_auto_commit && !s.partition;
    c.auto_offset_reset = s.earliest ? sim::OffsetReset::Earliest : sim::OffsetReset::Latest;
    if (s.metadata_max_age_ms) c.metadata_max_age_ms = *s.metadata_max_age_ms;
    if (!s.assignment_strategy.empty()) {
        c.assignors.clear();
        for (const std::string& name : s.assignment_strategy)
            if (const auto k = sim::parseAssignor(name); k && std::find(c.assignors.begin(), c.assignors.end(), *k) == c.assignors.end())
                c.assignors.push_back(*k);
        if (c.assignors.empty()) c.assignors = sim::ConsumerConfig{}.assignors;
    }
    const Handle h = m_sim->addConsumer(c);
    m_sim->setKeepDelivered(h, true);
    if (s.partition) {
        m_sim->assign(h, {*s.partition});
        const Offset start = s.start_offset.value_or(-1);
        if (start == -2) m_sim->seekToBeginning(h, *s.partition);
        else if (start == -1) m_sim->seekToEnd(h, *s.partition);
        else m_sim->seek(h, *s.partition, start);
    } else if (s.topic_pattern) {
        m_sim->subscribePattern(h, s.topic_pattern);
    } else {
        m_sim->subscribe(h, s.topics);
    }
    return h;
}

std::vector<StoredRecord> SimBackend::takeRecords(Handle consumer) {
    std::vector<StoredRecord> out;
    for (auto& r : m_sim->drainDelivered(consumer)) {
        const bool appendTime = logAppendTime(r.topic);
        out.push_back(StoredRecord{TopicPartition{r.topic, r.partition}, r.offset, r.timestamp, appendTime,
                                   std::move(r.key), std::move(r.value)});
    }
    return out;
}

bool SimBackend::hasAssignment(Handle consumer) const {
    return !m_sim->consumers()[static_cast<std::size_t>(consumer)].assigned.empty();
}

void SimBackend::seek(Handle consumer, const TopicPartition& tp, Offset offset) { m_sim->seek(consumer, tp, offset); }

void SimBackend::closeConsumer(Handle consumer) {
    m_sim->closeConsumer(consumer);
    m_sim->setKeepDelivered(consumer, false);
    request();
}

} // namespace fluxolab::labs
