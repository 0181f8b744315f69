// Consumers and the classic group coordinator (JoinGroup/SyncGroup/Heartbeat/LeaveGroup, commits).
#include "sim/cluster_internal.h"
#include "sim/hash.h"

#include <algorithm>
#include <set>

namespace fluxolab::sim {

using namespace detail;

// ---------------------------------------------------------------------------------------------
// Group coordinator placement

std::int32_t Simulation::offsetsTopicReplicationFactor() const {
    const std::int32_t configured = m_config.defaults.offsets_topic_replication_factor;
    return configured > 0 ? configured : std::min<std::int32_t>(3, static_cast<std::int32_t>(brokers().size()));
}

TopicState* Simulation::ensureOffsetsTopic() {
    if (TopicState* t = findTopic("__consumer_offsets")) return t;
    const std::int32_t registered = m_replication->registeredBrokers();
    // As Kafka: the offsets topic is only created once enough brokers are registered for its
    // replication factor; until then FindCoordinator answers COORDINATOR_NOT_AVAILABLE.
    const std::int32_t rf = offsetsTopicReplicationFactor();
    if (registered < rf) return nullptr;
    createTopic("__consumer_offsets", m_config.defaults.offsets_topic_num_partitions, rf,
                {{"cleanup.policy", "compact"}, {"compression.type", "producer"}, {"segment.bytes", "104857600"}});
    return findTopic("__consumer_offsets");
}

BrokerId Simulation::coordinatorFor(const std::string& group) {
    TopicState* t = ensureOffsetsTopic();
    if (!t) return -1;
    const auto n = static_cast<std::int32_t>(t->partitions.size());
    const std::int32_t p = kafkaAbs(javaStringHashCode(group)) % n;
    return t->partitions[static_cast<std::size_t>(p)].leader;
}

void Simulation::refreshCoordinators() {
    if (!findTopic("__consumer_offsets")) return;
    for (auto& [id, g] : m_groups) {
        const BrokerId c = coordinatorFor(id);
        if (c != g.coordinator) {
            // The old coordinator unloads the group (or has died with it); the new one loads it from
            // its __consumer_offsets partition when it becomes the leader.
            g.coordinator = c;
            g.loaded = false;
            Event& e = emitEvent(EventType::CoordinatorMoved);
            e.group = g.index;
            e.broker = c;
        }
        coordinatorServes(g);
    }
}

bool Simulation::coordinatorServes(GroupStateData& g) {
    if (g.coordinator < 0) {
        // FindCoordinator again: the offsets topic may exist by now, or its partition have a leader.
        const BrokerId c = coordinatorFor(g.id);
        if (c < 0) return false;
        g.coordinator = c;
        g.loaded = false;
        Event& e = emitEvent(EventType::CoordinatorMoved);
        e.group = g.index;
        e.broker = c;
    }
    if (!brokerAlive(g.coordinator)) return false;
    if (!g.loaded) loadGroup(g);
    return true;
}

void Simulation::coordinatorStopped(BrokerId broker) {
    // A stopped coordinator loses what it held in memory: a rebalance in progress, members that joined
    // since the last stored generation, session deadlines. Its timers go with it (token, serials).
    for (auto& [id, g] : m_groups)
        if (g.coordinator == broker && g.loaded) {
            g.loaded = false;
            ++g.rebalance_token;
            // Requests it was holding (a JoinGroup waiting for the others, a SyncGroup waiting for
            // the leader) fail with the connection: those members rejoin once they find the new one.
            for (auto& c : m_consumers)
                if (c.config.group_id == id && (c.phase == ConsumerPhase::Joining || c.phase == ConsumerPhase::Syncing)) {
                    c.phase = ConsumerPhase::Idle;
                    c.rejoin_needed = true;
                    ++c.join_token;
                }
        }
}

void Simulation::storeGroup(GroupStateData& g) {
    g.stored.generation = g.generation;
    g.stored.leader = g.leader;
    g.stored.protocol = g.protocol;
    g.stored.members = g.members;
}

void Simulation::loadGroup(GroupStateData& g) {
    // GroupMetadataManager.loadGroupsForPartition: the group comes back as last stored (Stable with its
    // members and their assignments, or Empty), and every member gets a fresh session from now.
    g.loaded = true;
    ++g.rebalance_token;
    g.initial_delay_until = -1;
    g.generation = g.stored.generation;
    g.leader = g.stored.leader;
    g.protocol = g.stored.protocol;
    g.members = g.stored.members;
    std::vector<std::int32_t> pairs;
    for (auto& m : g.members) {
        m.joined = false;
        m.awaiting_sync = false;
        m.serial = ++m_member_serial;
        m.session_deadline = now() + m.session_timeout_ms;
        schedule(m.session_deadline, kafka::GroupTimer::SessionCheck, g.index, static_cast<std::int64_t>(m.serial));
        pairs.push_back(m.consumer);
        pairs.push_back(static_cast<std::int32_t>(m_journal.addString(m.member_id)));
    }
    g.state = g.members.empty() ? GroupState::Empty : GroupState::Stable;
    if (g.members.empty()) {
        g.leader.clear();
        g.protocol.reset();
    }
    Event& e = emitEvent(EventType::GroupLoaded);
    e.group = g.index;
    e.broker = g.coordinator;
    e.a = static_cast<std::int64_t>(g.state);
    e.b = g.generation;
    const MemberState* leader = g.leader.empty() ? nullptr : g.member(g.leader);
    e.actor = leader ? leader->consumer : -1;
    e.flag = g.protocol ? static_cast<std::uint8_t>(*g.protocol) : std::uint8_t{255};
    const auto [lb, ls] = m_journal.addList(pairs);
    e.list_begin = lb;
    e.list_size = ls;
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
    c.last_poll_ms = now();
    c.last_auto_commit_ms = now();
    m_journal.setConsumerName(c.index, c.client_id);
    m_consumers.push_back(std::move(c));
    ConsumerState& ref = m_consumers.back();
    // groupFor() may emit events (creating __consumer_offsets): resolve it before building ours.
    const std::int32_t groupIndex = ref.config.group_id.empty() ? -1 : groupFor(ref.config.group_id).index;
    Event& e = emitEvent(EventType::ConsumerAdded);
    e.actor = ref.index;
    e.group = groupIndex;
    schedule(now(), kafka::ConsumerTimer::Poll, ref.index);
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
    c.position_epoch.erase(tp);
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
    c.paused_until = now() + ms;
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
        c.position_epoch.erase(tp);
        if (g) {
            auto it = g->committed.find(tp);
            if (it != g->committed.end()) pos = it->second;
            if (auto ep = g->committed_epoch.find(tp); pos >= 0 && ep != g->committed_epoch.end()) c.position_epoch[tp] = ep->second;
        }
        if (pos < 0 || pos < earliestOffset(tp) || pos > latestOffset(tp)) {
            c.position_epoch.erase(tp);
            pos = resetPosition(c, tp);
        }
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
        c.position_epoch.erase(tp);
        std::erase(c.assigned, tp);
    }
}

std::map<TopicPartition, Offset> Simulation::positionsToCommit(const ConsumerState& c) const {
    std::map<TopicPartition, Offset> offsets;
    for (const auto& tp : c.assigned)
        if (auto pit = c.position.find(tp); pit != c.position.end()) offsets.emplace(tp, pit->second);
    return offsets;
}

void Simulation::commitPositions(ConsumerState& c) { commitOffsets(c, positionsToCommit(c)); }

void Simulation::commitAsync(std::int32_t consumer) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    const std::uint64_t id = m_next_async_commit++;
    m_async_commits.emplace(id, std::make_pair(consumer, positionsToCommit(c)));
    schedule(now() + m_config.network_delay_ms, kafka::GroupTimer::CommitArrive, consumer, static_cast<std::int64_t>(id));
}

void Simulation::commitOffsets(ConsumerState& c, const std::map<TopicPartition, Offset>& offsets) {
    if (c.config.group_id.empty() || offsets.empty()) return;
    GroupStateData& g = groupFor(c.config.group_id);
    ErrorCode err = ErrorCode::NONE;
    if (!coordinatorServes(g)) err = ErrorCode::COORDINATOR_NOT_AVAILABLE;
    else if (c.subscribed) {
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
        // The epoch goes with the offset when it is the consumer's current position.
        std::int32_t epoch = -1;
        if (auto pos = c.position.find(tp); pos != c.position.end() && pos->second == offset)
            if (auto ep = c.position_epoch.find(tp); ep != c.position_epoch.end()) epoch = ep->second;
        if (epoch >= 0) g.committed_epoch[tp] = epoch;
        else g.committed_epoch.erase(tp);
        auto [it, inserted] = g.committed.emplace(tp, offset);
        // An unchanged offset is not journaled again (its epoch is kept up to date above).
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

void Simulation::commitSync(std::int32_t consumer) { commitPositions(m_consumers[static_cast<std::size_t>(consumer)]); }

void Simulation::closeConsumer(std::int32_t consumer) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.phase == ConsumerPhase::Closed) return;
    if (c.config.enable_auto_commit) commitPositions(c);
    revoke(c, std::vector<TopicPartition>(c.assigned));
    if (c.subscribed && !c.member_id.empty()) {
        // Without a live coordinator the LeaveGroup is lost: the member stays until its session expires.
        if (GroupStateData* g = c.config.group_id.empty() ? nullptr : &groupFor(c.config.group_id))
            if (coordinatorServes(*g) && g->member(c.member_id)) removeMember(*g, c.member_id, LeaveReason::LeaveGroup);
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
    if (c.paused_until > now()) {
        schedule(c.paused_until, kafka::ConsumerTimer::Poll, consumer);
        return;
    }
    c.last_poll_ms = now();
    schedule(now() + std::max<std::int64_t>(1, c.config.poll_interval_ms), kafka::ConsumerTimer::Poll, consumer);

    const bool cooperative = c.config.assignors.size() == 1 && isCooperative(c.config.assignors[0]);
    if (c.subscribed && c.rejoin_needed && c.phase != ConsumerPhase::Joining && c.phase != ConsumerPhase::Syncing) {
        // ConsumerCoordinator.onJoinPrepare: commit, then (eager) revoke everything before rejoining.
        if (c.config.enable_auto_commit) commitPositions(c);
        const GroupStateData* g = group(c.config.group_id);
        const bool groupCooperative = g && g->protocol && isCooperative(*g->protocol);
        if (!(cooperative || groupCooperative) || c.member_id.empty())
            revoke(c, std::vector<TopicPartition>(c.assigned));
        sendJoin(c);
    }
    if (c.config.enable_auto_commit && c.phase == ConsumerPhase::Stable &&
        now() - c.last_auto_commit_ms >= c.config.auto_commit_interval_ms) {
        c.last_auto_commit_ms = now();
        commitPositions(c);
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
        // The topic may have been deleted and created again with fewer partitions since the
        // assignment (the fetch gets UNKNOWN_TOPIC_OR_PARTITION): skip the partition.
        if (!t || tp.partition < 0 || static_cast<std::size_t>(tp.partition) >= t->partitions.size()) continue;
        PartitionState& p = t->partitions[static_cast<std::size_t>(tp.partition)];
        if (p.leader < 0 || !brokerAlive(p.leader)) continue;
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
        c.position_epoch[tp] = p.epochAt(from + count - 1);
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
    // No live coordinator (FindCoordinator: COORDINATOR_NOT_AVAILABLE, or the connection fails):
    // retried on the next poll.
    if (!coordinatorServes(groupFor(c.config.group_id))) return;
    c.rejoin_needed = false;
    c.phase = ConsumerPhase::Joining;
    ++c.join_token;
    schedule(now() + m_config.network_delay_ms, kafka::GroupTimer::JoinArrive, c.index, static_cast<std::int64_t>(c.join_token));
}

void Simulation::joinArrives(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.join_token != token || c.phase == ConsumerPhase::Closed) return;
    GroupStateData& g = groupFor(c.config.group_id);
    if (!coordinatorServes(g)) {
        // The coordinator went away with the request: the client finds the new one and joins again.
        c.phase = ConsumerPhase::Idle;
        c.rejoin_needed = true;
        return;
    }
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
        schedule(now() + nm.session_timeout_ms, kafka::GroupTimer::SessionCheck, g.index, static_cast<std::int64_t>(nm.serial));
    }
    m->topics = c.subscription;
    m->protocols = c.config.assignors;
    m->owned = c.assigned;
    m->owned_generation = c.generation;
    m->session_deadline = now() + m->session_timeout_ms;
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
        g.initial_delay_until = now() + delay;
        g.initial_delay_remaining_ms = std::max<std::int64_t>(0, rebalanceTimeout - delay);
        g.new_member_added = false;
        schedule(g.initial_delay_until, kafka::GroupTimer::InitialDelay, g.index, static_cast<std::int64_t>(g.rebalance_token));
    } else {
        g.initial_delay_until = -1;
        g.rebalance_deadline = now() + rebalanceTimeout;
        schedule(g.rebalance_deadline, kafka::GroupTimer::RebalanceTimeout, g.index, static_cast<std::int64_t>(g.rebalance_token));
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
        g->initial_delay_until = now() + next;
        schedule(g->initial_delay_until, kafka::GroupTimer::InitialDelay, g->index, static_cast<std::int64_t>(token));
        return;
    }
    g->initial_delay_until = -1;
    std::int64_t rebalanceTimeout = 0;
    for (const auto& m : g->members) rebalanceTimeout = std::max(rebalanceTimeout, m.rebalance_timeout_ms);
    g->rebalance_deadline = now() + rebalanceTimeout;
    schedule(g->rebalance_deadline, kafka::GroupTimer::RebalanceTimeout, g->index, static_cast<std::int64_t>(token));
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
    // GroupCoordinator.onCompleteJoin: every member's session restarts with the new generation.
    for (auto& m : g.members) m.session_deadline = std::max(m.session_deadline, now() + m.session_timeout_ms);
    if (g.members.empty()) {
        g.protocol.reset();
        g.leader.clear();
        setGroupState(g, GroupState::Empty);
        storeGroup(g);
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
        schedule(now() + m_config.network_delay_ms, kafka::ConsumerTimer::JoinResponse, m.consumer, static_cast<std::int64_t>(c.join_token));
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
        // One owner per partition in a generation (checked from outside by the property tests too).
        std::set<TopicPartition> owners;
        for (const auto& [member, tps] : m_leader_assignment[consumer])
            for (const auto& tp : tps) FLUXOLAB_INVARIANT(owners.insert(tp).second, "a partition assigned to two members");
    }
    schedule(now() + m_config.network_delay_ms, kafka::GroupTimer::SyncArrive, consumer, static_cast<std::int64_t>(token));
}

void Simulation::syncArrives(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (c.join_token != token || c.phase != ConsumerPhase::Syncing) return;
    GroupStateData& g = groupFor(c.config.group_id);
    if (!coordinatorServes(g)) {
        c.phase = ConsumerPhase::Idle;
        c.rejoin_needed = true;
        return;
    }
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
    m->session_deadline = now() + m->session_timeout_ms;
    if (g.state == GroupState::CompletingRebalance && g.leader == c.member_id) {
        const GroupAssignment& a = m_leader_assignment[consumer];
        for (auto& mm : g.members) {
            auto it = a.find(mm.member_id);
            mm.assignment = it == a.end() ? std::vector<TopicPartition>{} : it->second;
        }
        m_leader_assignment.erase(consumer);
        setGroupState(g, GroupState::Stable);
        storeGroup(g);
    }
    if (g.state == GroupState::Stable) {
        for (auto& mm : g.members) {
            if (!mm.awaiting_sync) continue;
            mm.awaiting_sync = false;
            const ConsumerState& mc = m_consumers[static_cast<std::size_t>(mm.consumer)];
            schedule(now() + m_config.network_delay_ms, kafka::ConsumerTimer::SyncResponse, mm.consumer, static_cast<std::int64_t>(mc.join_token));
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
    if (!revoked.empty() && c.config.enable_auto_commit) commitPositions(c);
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
    schedule(now() + c.config.heartbeat_interval_ms, kafka::ConsumerTimer::Heartbeat, consumer,
             static_cast<std::int64_t>(++c.heartbeat_token));
}

void Simulation::consumerHeartbeat(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = m_consumers[static_cast<std::size_t>(consumer)];
    if (token != c.heartbeat_token || c.phase == ConsumerPhase::Closed || c.member_id.empty()) return;
    GroupStateData& g = groupFor(c.config.group_id);
    if (!coordinatorServes(g)) {
        // The heartbeat fails (coordinator unknown): the client looks the coordinator up again with
        // its backoff (retry.backoff.max.ms = 1 s) and heartbeats to the new one. Its assignment stays.
        schedule(now() + std::min<std::int64_t>(1000, c.config.heartbeat_interval_ms), kafka::ConsumerTimer::Heartbeat,
                 consumer, static_cast<std::int64_t>(token));
        return;
    }
    // The heartbeat thread leaves the group when poll() was not called within max.poll.interval.ms.
    if (now() - c.last_poll_ms > c.config.max_poll_interval_ms) {
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
    m->session_deadline = now() + m->session_timeout_ms;
    if (g.state == GroupState::PreparingRebalance && !m->joined) c.rejoin_needed = true;
    else if (g.state == GroupState::Stable && c.generation != g.generation) c.rejoin_needed = true;
    schedule(now() + c.config.heartbeat_interval_ms, kafka::ConsumerTimer::Heartbeat, consumer, static_cast<std::int64_t>(token));
}

void Simulation::sessionCheck(std::int32_t group_index, std::int64_t serial) {
    GroupStateData* g = groupByIndex(group_index);
    if (!g || !g->loaded) return; // a coordinator that stopped took its session timers with it
    MemberState* m = nullptr;
    for (auto& mm : g->members)
        if (static_cast<std::int64_t>(mm.serial) == serial) m = &mm;
    if (!m) return;
    // A member waiting for its JoinGroup or SyncGroup answer does not heartbeat and is not expired
    // (ClassicGroupMember.hasSatisfiedHeartbeat); its session restarts when the join completes.
    const bool awaiting = (g->state == GroupState::PreparingRebalance && m->joined) || m->awaiting_sync;
    if (awaiting && m->session_deadline <= now()) m->session_deadline = now() + m->session_timeout_ms;
    if (m->session_deadline > now()) {
        schedule(m->session_deadline, kafka::GroupTimer::SessionCheck, group_index, serial);
        return;
    }
    removeMember(*g, m->member_id, LeaveReason::SessionTimeout);
}

void Simulation::removeMember(GroupStateData& g, const std::string& member_id_ref, LeaveReason reason) {
    // Callers often pass a reference into g.members, which the erase below destroys: copy it.
    const std::string member_id = member_id_ref;
    const MemberState* m = g.member(member_id);
    if (!m) return;
    // A JoinGroup or SyncGroup the coordinator was holding for this member is answered
    // UNKNOWN_MEMBER_ID: the client starts over as a new member.
    if (ConsumerState& c = m_consumers[static_cast<std::size_t>(m->consumer)];
        c.member_id == member_id && (c.phase == ConsumerPhase::Joining || c.phase == ConsumerPhase::Syncing)) {
        c.member_id.clear();
        c.generation = -1;
        c.phase = ConsumerPhase::Idle;
        c.rejoin_needed = true;
        ++c.join_token;
    }
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
        g.committed_epoch.erase(tp); // an admin tool commits offsets without a leader epoch
        Event& e = emitEvent(EventType::OffsetCommitted);
        e.group = g.index;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.a = off;
        e.actor = -1;
    }
    return res;
}

std::map<TopicPartition, ErrorCode> Simulation::deleteGroupOffsets(const std::string& group_id,
                                                               const std::vector<TopicPartition>& partitions, ErrorCode& group_error) {
    std::map<TopicPartition, ErrorCode> out;
    group_error = ErrorCode::NONE;
    auto it = m_groups.find(group_id);
    if (it == m_groups.end() || it->second.state == GroupState::Dead) {
        group_error = ErrorCode::GROUP_ID_NOT_FOUND;
        for (const auto& tp : partitions) out[tp] = group_error;
        return out;
    }
    GroupStateData& g = it->second;
    std::set<std::string> subscribed;
    for (const auto& m : g.members) subscribed.insert(m.topics.begin(), m.topics.end());
    for (const auto& tp : partitions) {
        if (subscribed.count(tp.topic)) {
            out[tp] = ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC;
            continue;
        }
        out[tp] = ErrorCode::NONE;
        g.committed_epoch.erase(tp);
        if (g.committed.erase(tp) == 0) continue;
        Event& e = emitEvent(EventType::OffsetDeleted);
        e.group = g.index;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
    }
    return out;
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

std::int64_t Simulation::recordsRetained() const { return m_replication->recordsRetained(); }

std::size_t Simulation::memoryBytes() const {
    std::size_t bytes = m_journal.memoryBytes() + m_replication->logBytes();
    bytes += m_records.memoryBytes();
    return bytes;
}

} // namespace fluxolab::sim

