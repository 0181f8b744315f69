// Simulation: the composition of the Kafka model's components (sim/kafka/): construction, virtual
// time, and the public API, forwarded to the component that owns each part; a topic deletion or
// growth done by replication is told to the clients here.
#include "sim/cluster_internal.h"
#include "sim/hash.h"
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
    // The order matters for the journal: the brokers' BrokerStarted events and the periodic timers
    // (replication's, then the coordinator's cleanup) are first, as they always were.
    m_produce_port = std::make_unique<ProduceBrokersPort>(*this);
    m_producers = std::make_unique<kafka::Producers>(m_scheduler, m_config, m_journal, m_rng, m_records, *m_produce_port, runtime::RngStreams(seed));
    m_replication_port = std::make_unique<ReplicationEventsPort>(*this);
    m_replication = std::make_unique<kafka::Replication>(m_scheduler, m_config, m_journal, m_rng,
                                                         runtime::RngStreams(seed).fork("kafka/controller"),
                                                         runtime::RngStreams(seed).fork("kafka/segment-jitter"), *m_replication_port);
    m_offsets_port = std::make_unique<OffsetsLogPort>(*this);
    m_coordinator = std::make_unique<kafka::GroupCoordinator>(m_scheduler, m_config, m_journal, m_rng, *m_offsets_port);
    m_consumer_logs_port = std::make_unique<ConsumerLogsPort>(*this);
    m_consumers = std::make_unique<kafka::Consumers>(
        m_scheduler, m_config, m_journal, *m_consumer_logs_port, *m_coordinator,
        [this](const Record& r) { return recordKey(r); }, [this](const Record& r) { return recordValue(r); });
    m_coordinator->connect(*m_consumers);
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

BrokerId Simulation::controllerId() const { return m_replication->controller(); }
std::int32_t Simulation::controllerEpoch() const { return m_replication->controllerEpoch(); }

const std::vector<BrokerState>& Simulation::brokers() const { return m_replication->brokers(); }
const std::map<std::string, TopicState>& Simulation::topics() const { return m_replication->topics(); }
const TopicState* Simulation::topic(const std::string& name) const { return m_replication->topic(name); }
const PartitionState* Simulation::partition(const TopicPartition& tp) const { return m_replication->partition(tp); }
const std::map<std::string, GroupStateData>& Simulation::groups() const { return m_coordinator->groups(); }
const GroupStateData* Simulation::group(const std::string& id) const { return m_coordinator->group(id); }
const std::vector<ConsumerState>& Simulation::consumers() const { return m_consumers->all(); }

// ---------------------------------------------------------------------------------------------
// Cluster admin: replication does the work; the clients hear of it here.

AdminResult Simulation::createTopic(const std::string& name, std::int32_t partitions, std::int32_t rf,
                                    const std::map<std::string, std::string>& configs,
                                    const std::vector<std::vector<BrokerId>>& assignment) {
    return m_replication->createTopic(name, partitions, rf, configs, assignment);
}

AdminResult Simulation::deleteTopic(const std::string& name) {
    // Produce requests for the topic fail first (UNKNOWN_TOPIC_OR_PARTITION), then it goes.
    if (m_replication->topic(name)) m_producers->topicDeleted(name);
    AdminResult res = m_replication->deleteTopic(name);
    if (!res.ok()) return res;
    m_consumers->topicDeleted(name);
    m_coordinator->topicDeleted(name);
    return res;
}

AdminResult Simulation::alterTopicConfigs(const std::string& name,
                                          const std::vector<std::pair<std::string, std::optional<std::string>>>& changes) {
    return m_replication->alterTopicConfigs(name, changes);
}

AdminResult Simulation::createPartitions(const std::string& name, std::int32_t total,
                                         const std::vector<std::vector<BrokerId>>& assignment) {
    AdminResult res = m_replication->createPartitions(name, total, assignment);
    // UNKNOWN_SERVER_ERROR: the controller's record list overflowed, yet some partitions were created.
    if (!res.ok() && res.error != ErrorCode::UNKNOWN_SERVER_ERROR) return res;
    m_consumers->partitionsAdded(name);
    return res;
}

void Simulation::stopBroker(BrokerId id, bool crash) { m_replication->stopBroker(id, crash); }
void Simulation::startBroker(BrokerId id) { m_replication->startBroker(id); }
void Simulation::electPreferredLeaders() { m_replication->electPreferredLeaders(); }
std::vector<std::pair<TopicPartition, ElectionOutcome>>
Simulation::electLeaders(const std::vector<TopicPartition>& partitions, bool unclean) {
    return m_replication->electLeaders(partitions, unclean);
}


AdminResult Simulation::resetGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets) {
    return m_coordinator->resetGroupOffsets(group, offsets);
}
std::map<TopicPartition, ErrorCode> Simulation::deleteGroupOffsets(const std::string& group,
                                                                   const std::vector<TopicPartition>& partitions,
                                                                   ErrorCode& group_error) {
    return m_coordinator->deleteGroupOffsets(group, partitions, group_error);
}
AdminResult Simulation::deleteGroup(const std::string& group) { return m_coordinator->deleteGroup(group); }

// ---------------------------------------------------------------------------------------------
// Consumers: a facade over kafka::Consumers

std::int32_t Simulation::addConsumer(ConsumerConfig config) { return m_consumers->add(std::move(config)); }
void Simulation::subscribe(std::int32_t consumer, std::vector<std::string> topics) {
    m_consumers->subscribe(consumer, std::move(topics));
}
void Simulation::subscribePattern(std::int32_t consumer, std::function<bool(const std::string&)> matches) {
    m_consumers->subscribePattern(consumer, std::move(matches));
}
void Simulation::assign(std::int32_t consumer, std::vector<TopicPartition> partitions) {
    m_consumers->assign(consumer, std::move(partitions));
}
void Simulation::seek(std::int32_t consumer, const TopicPartition& tp, Offset offset) { m_consumers->seek(consumer, tp, offset); }
void Simulation::seekToBeginning(std::int32_t consumer, const TopicPartition& tp) { m_consumers->seekToBeginning(consumer, tp); }
void Simulation::seekToEnd(std::int32_t consumer, const TopicPartition& tp) { m_consumers->seekToEnd(consumer, tp); }
void Simulation::pauseConsumer(std::int32_t consumer, std::int64_t ms) { m_consumers->pause(consumer, ms); }
void Simulation::commitSync(std::int32_t consumer) { m_consumers->commitSync(consumer); }
void Simulation::commitAsync(std::int32_t consumer) { m_consumers->commitAsync(consumer); }
void Simulation::closeConsumer(std::int32_t consumer) { m_consumers->close(consumer); }
void Simulation::crashConsumer(std::int32_t consumer) { m_consumers->crash(consumer); }
std::vector<ConsumedRecord> Simulation::drainDelivered(std::int32_t consumer) { return m_consumers->drainDelivered(consumer); }
void Simulation::setKeepDelivered(std::int32_t consumer, bool keep) { m_consumers->setKeepDelivered(consumer, keep); }

// ---------------------------------------------------------------------------------------------
// Observation

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

std::int64_t Simulation::recordsRetained() const { return m_replication->recordsRetained(); }

std::size_t Simulation::memoryBytes() const {
    std::size_t bytes = m_journal.memoryBytes() + m_replication->logBytes();
    bytes += m_records.memoryBytes();
    return bytes;
}

} // namespace fluxolab::sim
