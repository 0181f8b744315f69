// The group coordinator component (see group_coordinator.h).
#include "sim/kafka/group_coordinator.h"

#include "sim/cluster_internal.h"
#include "sim/hash.h"

#include <algorithm>
#include <set>

namespace fluxolab::sim::kafka {

using namespace detail;

GroupCoordinator::GroupCoordinator(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, Rng& rng,
                                   OffsetsLog& log)
    : m_scheduler(scheduler), m_timers(scheduler, "kafka.group_coordinator", *this), m_config(config),
      m_journal(journal), m_rng(rng), m_log(log) {
    schedule(m_config.defaults.offsets_retention_check_interval_ms, GroupTimer::Cleanup);
}

GroupCoordinator::~GroupCoordinator() = default;

Event& GroupCoordinator::emitEvent(EventType type) { return emitAt(m_journal, now(), type); }

void GroupCoordinator::onTimer(const runtime::Timer& timer) {
    const auto t = runtime::TimerChannel<GroupTimer>::typed(timer);
    switch (t.kind) {
    case GroupTimer::JoinArrive: joinArrives(t.a, static_cast<std::uint64_t>(t.b)); break;
    case GroupTimer::SyncArrive: syncArrives(t.a, static_cast<std::uint64_t>(t.b)); break;
    case GroupTimer::SessionCheck: sessionCheck(t.a, t.b); break;
    case GroupTimer::RebalanceTimeout: rebalanceTimeout(t.a, static_cast<std::uint64_t>(t.b)); break;
    case GroupTimer::InitialDelay: initialDelayExpired(t.a, static_cast<std::uint64_t>(t.b)); break;
    case GroupTimer::Cleanup:
        groupCleanup();
        schedule(now() + m_config.defaults.offsets_retention_check_interval_ms, GroupTimer::Cleanup);
        break;
    case GroupTimer::CommitArrive: {
        auto it = m_async_commits.find(static_cast<std::uint64_t>(t.b));
        if (it == m_async_commits.end()) break;
        const auto offsets = std::move(it->second.second);
        m_async_commits.erase(it);
        commitOffsets(m_clients->client(t.a), offsets);
        break;
    }
    }
}

void GroupCoordinator::sendJoin(std::int32_t consumer, std::uint64_t token) {
    schedule(now() + m_config.network_delay_ms, GroupTimer::JoinArrive, consumer, static_cast<std::int64_t>(token));
}

void GroupCoordinator::sendSync(std::int32_t consumer, std::uint64_t token, std::optional<GroupAssignment> assignment) {
    if (assignment) m_sync_assignments[consumer] = std::move(*assignment);
    schedule(now() + m_config.network_delay_ms, GroupTimer::SyncArrive, consumer, static_cast<std::int64_t>(token));
}

void GroupCoordinator::sendCommit(std::int32_t consumer, std::map<TopicPartition, Offset> offsets) {
    const std::uint64_t id = m_next_async_commit++;
    m_async_commits.emplace(id, std::make_pair(consumer, std::move(offsets)));
    schedule(now() + m_config.network_delay_ms, GroupTimer::CommitArrive, consumer, static_cast<std::int64_t>(id));
}

void GroupCoordinator::topicDeleted(const std::string& topic) {
    for (auto& [gid, g] : m_groups)
        for (auto cit = g.committed.begin(); cit != g.committed.end();)
            cit = cit->first.topic == topic ? g.committed.erase(cit) : std::next(cit);
}

std::int32_t GroupCoordinator::offsetsTopicReplicationFactor() const {
    const std::int32_t configured = m_config.defaults.offsets_topic_replication_factor;
    return configured > 0 ? configured : std::min<std::int32_t>(3, m_log.brokerCount());
}

std::int32_t GroupCoordinator::ensureOffsetsTopic() {
    if (const std::int32_t n = m_log.offsetsPartitions(); n > 0) return n;
    const std::int32_t registered = m_log.registeredBrokers();
    // As Kafka: the offsets topic is only created once enough brokers are registered for its
    // replication factor; until then FindCoordinator answers COORDINATOR_NOT_AVAILABLE.
    const std::int32_t rf = offsetsTopicReplicationFactor();
    if (registered < rf) return 0;
    m_log.createOffsetsTopic(m_config.defaults.offsets_topic_num_partitions, rf,
                             {{"cleanup.policy", "compact"}, {"compression.type", "producer"}, {"segment.bytes", "104857600"}});
    return m_log.offsetsPartitions();
}

BrokerId GroupCoordinator::coordinatorFor(const std::string& group) {
    const std::int32_t n = ensureOffsetsTopic();
    if (n <= 0) return -1;
    const std::int32_t p = kafkaAbs(javaStringHashCode(group)) % n;
    return m_log.offsetsLeader(p);
}

void GroupCoordinator::refreshCoordinators() {
    if (m_log.offsetsPartitions() <= 0) return;
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

bool GroupCoordinator::coordinatorServes(GroupStateData& g) {
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
    if (!m_log.brokerAlive(g.coordinator)) return false;
    if (!g.loaded) loadGroup(g);
    return true;
}

void GroupCoordinator::coordinatorStopped(BrokerId broker) {
    // A stopped coordinator loses what it held in memory: a rebalance in progress, members that joined
    // since the last stored generation, session deadlines. Its timers go with it (token, serials).
    for (auto& [id, g] : m_groups)
        if (g.coordinator == broker && g.loaded) {
            g.loaded = false;
            ++g.rebalance_token;
            // Requests it was holding (a JoinGroup waiting for the others, a SyncGroup waiting for
            // the leader) fail with the connection: those members rejoin once they find the new one.
            m_clients->coordinatorLost(id);
        }
}

void GroupCoordinator::storeGroup(GroupStateData& g) {
    g.stored.generation = g.generation;
    g.stored.leader = g.leader;
    g.stored.protocol = g.protocol;
    g.stored.members = g.members;
}

void GroupCoordinator::loadGroup(GroupStateData& g) {
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
        schedule(m.session_deadline, GroupTimer::SessionCheck, g.index, static_cast<std::int64_t>(m.serial));
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

GroupStateData& GroupCoordinator::groupFor(const std::string& id) {
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

GroupStateData* GroupCoordinator::groupByIndex(std::int32_t index) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_group_by_index.size()) return nullptr;
    auto it = m_groups.find(m_group_by_index[static_cast<std::size_t>(index)]);
    return it == m_groups.end() ? nullptr : &it->second;
}

const GroupStateData* GroupCoordinator::group(const std::string& id) const {
    auto it = m_groups.find(id);
    return it == m_groups.end() ? nullptr : &it->second;
}

void GroupCoordinator::setGroupState(GroupStateData& g, GroupState s) {
    if (g.state == s) return;
    g.state = s;
    Event& e = emitEvent(EventType::GroupStateChanged);
    e.group = g.index;
    e.a = static_cast<std::int64_t>(s);
    e.b = g.generation;
}

void GroupCoordinator::commitOffsets(const ConsumerState& c, const std::map<TopicPartition, Offset>& offsets) {
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

void GroupCoordinator::joinArrives(std::int32_t consumer, std::uint64_t token) {
    const ConsumerState& c = m_clients->client(consumer);
    if (c.join_token != token || c.phase == ConsumerPhase::Closed) return; // the client gave the request up
    GroupStateData& g = groupFor(c.config.group_id);
    if (!coordinatorServes(g)) {
        // The coordinator went away with the request: the client finds the new one and joins again.
        m_clients->requestFailed(consumer, GroupRequestFailure::CoordinatorNotAvailable);
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
            m_clients->requestFailed(consumer, GroupRequestFailure::InconsistentGroupProtocol);
            checkGroup(g);
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
        m_clients->memberIdGiven(consumer, nm.member_id);
        g.members.push_back(nm);
        g.new_member_added = true;
        m = &g.members.back();
        Event& e = emitEvent(EventType::MemberJoined);
        e.actor = c.index;
        e.group = g.index;
        e.name = m_journal.addString(nm.member_id);
        schedule(now() + nm.session_timeout_ms, GroupTimer::SessionCheck, g.index, static_cast<std::int64_t>(nm.serial));
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
    checkGroup(g);
}

void GroupCoordinator::prepareRebalance(GroupStateData& g) {
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
        schedule(g.initial_delay_until, GroupTimer::InitialDelay, g.index, static_cast<std::int64_t>(g.rebalance_token));
    } else {
        g.initial_delay_until = -1;
        g.rebalance_deadline = now() + rebalanceTimeout;
        schedule(g.rebalance_deadline, GroupTimer::RebalanceTimeout, g.index, static_cast<std::int64_t>(g.rebalance_token));
    }
    // Members learn about the rebalance through their heartbeats (REBALANCE_IN_PROGRESS).
}

void GroupCoordinator::initialDelayExpired(std::int32_t group_index, std::uint64_t token) {
    GroupStateData* g = groupByIndex(group_index);
    if (!g || g->rebalance_token != token || g->state != GroupState::PreparingRebalance) return;
    const std::int64_t delay = m_config.defaults.group_initial_rebalance_delay_ms;
    if (g->new_member_added && g->initial_delay_remaining_ms > 0) {
        const std::int64_t next = std::min(delay, g->initial_delay_remaining_ms);
        g->initial_delay_remaining_ms -= next;
        g->new_member_added = false;
        g->initial_delay_until = now() + next;
        schedule(g->initial_delay_until, GroupTimer::InitialDelay, g->index, static_cast<std::int64_t>(token));
        return;
    }
    g->initial_delay_until = -1;
    std::int64_t rebalanceTimeout = 0;
    for (const auto& m : g->members) rebalanceTimeout = std::max(rebalanceTimeout, m.rebalance_timeout_ms);
    g->rebalance_deadline = now() + rebalanceTimeout;
    schedule(g->rebalance_deadline, GroupTimer::RebalanceTimeout, g->index, static_cast<std::int64_t>(token));
    maybeCompleteJoin(*g);
}

void GroupCoordinator::rebalanceTimeout(std::int32_t group_index, std::uint64_t token) {
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

void GroupCoordinator::maybeCompleteJoin(GroupStateData& g) {
    if (g.state != GroupState::PreparingRebalance || g.initial_delay_until >= 0) return;
    for (const auto& m : g.members)
        if (!m.joined) return;
    completeJoin(g);
}

void GroupCoordinator::completeJoin(GroupStateData& g) {
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
    for (const auto& m : g.members) m_clients->answerJoin(m.consumer, m_clients->client(m.consumer).join_token);
    checkGroup(g);
}

void GroupCoordinator::syncArrives(std::int32_t consumer, std::uint64_t token) {
    const ConsumerState& c = m_clients->client(consumer);
    if (c.join_token != token || c.phase != ConsumerPhase::Syncing) return; // the client gave the request up
    GroupStateData& g = groupFor(c.config.group_id);
    if (!coordinatorServes(g)) {
        m_clients->requestFailed(consumer, GroupRequestFailure::CoordinatorNotAvailable);
        return;
    }
    MemberState* m = g.member(c.member_id);
    if (!m || c.generation != g.generation ||
        (g.state != GroupState::CompletingRebalance && g.state != GroupState::Stable)) {
        // UNKNOWN_MEMBER_ID, or REBALANCE_IN_PROGRESS / ILLEGAL_GENERATION: the client rejoins.
        m_clients->requestFailed(consumer, m ? GroupRequestFailure::RebalanceInProgress : GroupRequestFailure::UnknownMemberId);
        return;
    }
    m->awaiting_sync = true;
    m->session_deadline = now() + m->session_timeout_ms;
    if (g.state == GroupState::CompletingRebalance && g.leader == c.member_id) {
        const GroupAssignment& a = m_sync_assignments[consumer];
        for (auto& mm : g.members) {
            auto it = a.find(mm.member_id);
            mm.assignment = it == a.end() ? std::vector<TopicPartition>{} : it->second;
        }
        m_sync_assignments.erase(consumer);
        setGroupState(g, GroupState::Stable);
        storeGroup(g);
    }
    if (g.state == GroupState::Stable) {
        for (auto& mm : g.members) {
            if (!mm.awaiting_sync) continue;
            mm.awaiting_sync = false;
            m_clients->answerSync(mm.consumer, m_clients->client(mm.consumer).join_token);
        }
    }
    checkGroup(g);
}

void GroupCoordinator::sessionCheck(std::int32_t group_index, std::int64_t serial) {
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
        schedule(m->session_deadline, GroupTimer::SessionCheck, group_index, serial);
        return;
    }
    removeMember(*g, m->member_id, LeaveReason::SessionTimeout);
}

void GroupCoordinator::removeMember(GroupStateData& g, const std::string& member_id_ref, LeaveReason reason) {
    // Callers often pass a reference into g.members, which the erase below destroys: copy it.
    const std::string member_id = member_id_ref;
    const MemberState* m = g.member(member_id);
    if (!m) return;
    // A JoinGroup or SyncGroup the coordinator was holding for this member is answered
    // UNKNOWN_MEMBER_ID: the client starts over as a new member.
    m_clients->memberRemoved(m->consumer, member_id);
    Event& e = emitEvent(EventType::MemberLeft);
    e.actor = m->consumer;
    e.group = g.index;
    e.flag = static_cast<std::uint8_t>(reason);
    std::erase_if(g.members, [&](const MemberState& x) { return x.member_id == member_id; });
    if (g.leader == member_id) g.leader.clear();
    if (g.state == GroupState::Stable || g.state == GroupState::CompletingRebalance) prepareRebalance(g);
    maybeCompleteJoin(g);
    checkGroup(g);
}

void GroupCoordinator::leaveGroup(const std::string& group_id, const std::string& member_id, LeaveReason reason) {
    GroupStateData& g = groupFor(group_id);
    if (coordinatorServes(g) && g.member(member_id)) removeMember(g, member_id, reason);
}

ErrorCode GroupCoordinator::heartbeat(const std::string& group_id, const std::string& member_id, std::int32_t generation) {
    GroupStateData& g = groupFor(group_id);
    if (!coordinatorServes(g)) return ErrorCode::COORDINATOR_NOT_AVAILABLE;
    MemberState* m = g.member(member_id);
    if (!m) return ErrorCode::UNKNOWN_MEMBER_ID;
    m->session_deadline = now() + m->session_timeout_ms;
    if (g.state == GroupState::PreparingRebalance && !m->joined) return ErrorCode::REBALANCE_IN_PROGRESS;
    if (g.state == GroupState::Stable && generation != g.generation) return ErrorCode::ILLEGAL_GENERATION;
    return ErrorCode::NONE;
}

void GroupCoordinator::checkGroup(const GroupStateData& g) const {
    // Member ids are unique; the leader, when there is one, is a member.
    for (std::size_t i = 0; i < g.members.size(); ++i)
        for (std::size_t j = i + 1; j < g.members.size(); ++j)
            FLUXOLAB_INVARIANT(g.members[i].member_id != g.members[j].member_id, "a member id appears once in its group");
    FLUXOLAB_INVARIANT(g.leader.empty() || g.member(g.leader) != nullptr, "the group leader is a member");
    FLUXOLAB_INVARIANT(g.state != GroupState::Empty || g.members.empty(), "an Empty group has no members");
    if (g.state == GroupState::Stable || g.state == GroupState::CompletingRebalance) {
        FLUXOLAB_INVARIANT(!g.members.empty() && !g.leader.empty() && g.protocol.has_value(),
                           "a group in a generation has members, a leader and a protocol");
        FLUXOLAB_INVARIANT(g.generation > 0, "a group in a generation has one");
    }
    if (g.state == GroupState::Stable) {
        // One owner per partition in a generation (checked from outside by the property tests too).
        std::set<TopicPartition> owned;
        for (const auto& m : g.members)
            for (const auto& tp : m.assignment)
                FLUXOLAB_INVARIANT(owned.insert(tp).second, "a Stable group assigns a partition to one member");
    }
}

AdminResult GroupCoordinator::resetGroupOffsets(const std::string& group_id, const std::map<TopicPartition, Offset>& offsets) {
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

std::map<TopicPartition, ErrorCode> GroupCoordinator::deleteGroupOffsets(const std::string& group_id,
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

AdminResult GroupCoordinator::deleteGroup(const std::string& group_id) {
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

void GroupCoordinator::groupCleanup() {
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

std::string GroupCoordinator::makeUuid() {
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


} // namespace fluxolab::sim::kafka
