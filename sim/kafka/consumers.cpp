// The consumer component (see consumers.h).
#include "sim/kafka/consumers.h"

#include "sim/cluster_internal.h"

#include <algorithm>
#include <set>

namespace fluxolab::sim::kafka {

using namespace detail;

Consumers::Consumers(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, ConsumerLogs& logs,
                     GroupService& groups, KeyText key_text, ValueText value_text)
    : m_scheduler(scheduler), m_timers(scheduler, "kafka.consumers", *this), m_config(config), m_journal(journal),
      m_logs(logs), m_groups(groups), m_key_text(std::move(key_text)),
      m_value_text(std::move(value_text)) {}

Consumers::~Consumers() = default;

void Consumers::onTimer(const runtime::Timer& timer) {
    const auto t = runtime::TimerChannel<ConsumerTimer>::typed(timer);
    switch (t.kind) {
    case ConsumerTimer::Poll: poll(t.a); break;
    case ConsumerTimer::Heartbeat: heartbeat(t.a, static_cast<std::uint64_t>(t.b)); break;
    case ConsumerTimer::JoinResponse: joinResponse(t.a, static_cast<std::uint64_t>(t.b)); break;
    case ConsumerTimer::SyncResponse: syncResponse(t.a, static_cast<std::uint64_t>(t.b)); break;
    case ConsumerTimer::MetadataRefresh: refreshMetadata(t.a, t.b); break;
    case ConsumerTimer::PollTimeoutCheck: pollTimeoutCheck(t.a, static_cast<std::uint64_t>(t.b)); break;
    }
}

void Consumers::answerJoin(std::int32_t consumer, std::uint64_t token) {
    schedule(now() + m_config.network_delay_ms, ConsumerTimer::JoinResponse, consumer, static_cast<std::int64_t>(token));
}

void Consumers::answerSync(std::int32_t consumer, std::uint64_t token) {
    schedule(now() + m_config.network_delay_ms, ConsumerTimer::SyncResponse, consumer, static_cast<std::int64_t>(token));
}

void Consumers::memberIdGiven(std::int32_t consumer, const std::string& member_id) {
    ConsumerState& c = state(consumer);
    c.member_id = member_id;
    c.generation = -1;
}

void Consumers::requestFailed(std::int32_t consumer, GroupRequestFailure failure) {
    ConsumerState& c = state(consumer);
    c.phase = ConsumerPhase::Idle;
    switch (failure) {
    case GroupRequestFailure::CoordinatorNotAvailable:
    case GroupRequestFailure::RebalanceInProgress: c.rejoin_needed = true; break;
    case GroupRequestFailure::InconsistentGroupProtocol: break; // stays out until something else makes it rejoin
    case GroupRequestFailure::UnknownMemberId:
        c.rejoin_needed = true;
        c.member_id.clear();
        break;
    }
    checkClient(c);
}

void Consumers::memberRemoved(std::int32_t consumer, const std::string& member_id) {
    ConsumerState& c = state(consumer);
    if (c.member_id != member_id || (c.phase != ConsumerPhase::Joining && c.phase != ConsumerPhase::Syncing)) return;
    c.member_id.clear();
    c.generation = -1;
    c.phase = ConsumerPhase::Idle;
    c.rejoin_needed = true;
    ++c.join_token; // the request in flight is void
    checkClient(c);
}

void Consumers::coordinatorLost(const std::string& group_id) {
    for (auto& c : m_consumers)
        if (c.config.group_id == group_id && (c.phase == ConsumerPhase::Joining || c.phase == ConsumerPhase::Syncing)) {
            c.phase = ConsumerPhase::Idle;
            c.rejoin_needed = true;
            ++c.join_token;
        }
}

void Consumers::checkClient(const ConsumerState& c) const {
    // The assignment is sorted and holds each partition once (the fetch loop and the revocations rely on it).
    for (std::size_t i = 1; i < c.assigned.size(); ++i)
        FLUXOLAB_INVARIANT(c.assigned[i - 1] < c.assigned[i], "a client's assignment is sorted without repeats");
    // Only a group member (with a member id) waits on a SyncGroup.
    FLUXOLAB_INVARIANT(c.phase != ConsumerPhase::Syncing || !c.member_id.empty(), "a syncing client has a member id");
    FLUXOLAB_INVARIANT(!c.config.group_id.empty() || c.member_id.empty(), "only a client with a group is a member");
}

Event& Consumers::emitEvent(EventType type) { return emitAt(m_journal, now(), type); }

void Consumers::emitTpList(Event& e, const std::vector<TopicPartition>& tps) {
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

const PartitionState* Consumers::partition(const TopicPartition& tp) const {
    const TopicState* t = m_logs.topic(tp.topic);
    if (!t || tp.partition < 0 || tp.partition >= static_cast<std::int32_t>(t->partitions.size())) return nullptr;
    return &t->partitions[static_cast<std::size_t>(tp.partition)];
}

Offset Consumers::earliestOffset(const TopicPartition& tp) const {
    const PartitionState* p = partition(tp);
    return p ? p->log_start : -1;
}

Offset Consumers::latestOffset(const TopicPartition& tp) const {
    const PartitionState* p = partition(tp);
    return p ? p->high_watermark : -1;
}

void Consumers::topicDeleted(const std::string& name) {
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
        // The fetches fail with UNKNOWN_TOPIC_OR_PARTITION and request a metadata update: the pattern
        // no longer matches the topic.
        if (c.pattern && std::find(c.subscription.begin(), c.subscription.end(), name) != c.subscription.end())
            updatePatternSubscription(c);
    }
}

void Consumers::partitionsAdded(const std::string& name) {
    // Group leaders notice the new partitions on their next metadata refresh and rejoin.
    for (auto& c : m_consumers)
        if (c.phase != ConsumerPhase::Closed && c.subscribed &&
            std::find(c.subscription.begin(), c.subscription.end(), name) != c.subscription.end()) {
            const GroupStateData* g = m_groups.knownGroup(c.config.group_id);
            if (g && g->leader == c.member_id) c.rejoin_needed = true;
        }
}

std::int32_t Consumers::add(ConsumerConfig config) {
    ConsumerState c;
    c.index = static_cast<std::int32_t>(m_consumers.size());
    // ConsumerConfig.maybeOverrideClientId: "consumer-" + (groupId + "-" if any) + process-wide counter.
    c.client_id = config.client_id.empty()
                      ? "consumer-" + (config.group_id.empty() ? std::string() : config.group_id + "-") +
                            std::to_string(++m_client_counter)
                      : config.client_id;
    c.config = std::move(config);
    c.last_poll_ms = now();
    c.last_auto_commit_ms = now();
    m_journal.setConsumerName(c.index, c.client_id);
    m_consumers.push_back(std::move(c));
    ConsumerState& ref = m_consumers.back();
    // FindCoordinator may emit events (creating __consumer_offsets): resolve it before building ours.
    const std::int32_t groupIndex = ref.config.group_id.empty() ? -1 : m_groups.findGroup(ref.config.group_id).index;
    Event& e = emitEvent(EventType::ConsumerAdded);
    e.actor = ref.index;
    e.group = groupIndex;
    schedule(now(), ConsumerTimer::Poll, ref.index);
    return ref.index;
}

void Consumers::subscribe(std::int32_t consumer, std::vector<std::string> topics) {
    ConsumerState& c = state(consumer);
    if (c.config.group_id.empty() || c.phase == ConsumerPhase::Closed) return;
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    // The consumer's metadata request auto-creates missing topics when the broker allows it
    // (allow.auto.create.topics=true on the consumer, auto.create.topics.enable=true on the broker).
    if (m_config.defaults.auto_create_topics_enable)
        for (const auto& t : topics)
            if (!m_logs.topic(t)) m_logs.autoCreateTopic(t);
    c.subscription = std::move(topics);
    c.pattern = nullptr;
    c.subscribed = true;
    c.rejoin_needed = true;
}

std::vector<std::string> Consumers::matchingTopics(const ConsumerState& c) const {
    // ConsumerCoordinator.updatePatternSubscription: the cluster's topics the pattern matches, internal
    // topics excluded (exclude.internal.topics=true); a pattern never auto-creates a topic.
    std::vector<std::string> out;
    for (const auto& [name, t] : m_logs.allTopics())
        if (!t.internal && c.pattern(name)) out.push_back(name);
    return out; // in name order, like subscribe()'s
}

void Consumers::subscribePattern(std::int32_t consumer, std::function<bool(const std::string&)> matches) {
    ConsumerState& c = state(consumer);
    if (c.config.group_id.empty() || c.phase == ConsumerPhase::Closed || !matches) return;
    c.pattern = std::move(matches);
    // subscribe(Pattern) requests a full metadata update; the first poll waits for it before joining.
    updatePatternSubscription(c);
    c.subscribed = true;
    c.rejoin_needed = true;
}

void Consumers::refreshMetadata(std::int32_t consumer, TimeMs planned) {
    ConsumerState& c = state(consumer);
    // A refresh in between (a new pattern, a deleted topic) planned its own next one.
    if (c.phase == ConsumerPhase::Closed || !c.pattern || planned != c.last_metadata_refresh_ms + c.config.metadata_max_age_ms)
        return;
    updatePatternSubscription(c);
}

void Consumers::updatePatternSubscription(ConsumerState& c) {
    c.last_metadata_refresh_ms = now();
    std::vector<std::string> topics = matchingTopics(c);
    // ConsumerCoordinator.rejoinNeededOrPending: the subscription changed since the last join.
    if (topics != c.subscription) {
        c.subscription = std::move(topics);
        if (c.subscribed) c.rejoin_needed = true;
    }
    // Metadata.timeToNextUpdate: metadata.max.age.ms after the last successful refresh.
    const TimeMs next = now() + c.config.metadata_max_age_ms;
    schedule(next, ConsumerTimer::MetadataRefresh, c.index, next);
}

void Consumers::assign(std::int32_t consumer, std::vector<TopicPartition> partitions) {
    ConsumerState& c = state(consumer);
    if (c.phase == ConsumerPhase::Closed) return;
    std::sort(partitions.begin(), partitions.end());
    // assign() fetches metadata for the assigned topics with allowAutoTopicCreation as subscribe() does:
    // a missing topic is created (with its default partition count; another partition of it stays
    // missing). Seen on a real 4.3.1 broker with `kafka-console-consumer --partition 0` on a new topic.
    if (m_config.defaults.auto_create_topics_enable)
        for (const auto& tp : partitions)
            if (!m_logs.topic(tp.topic)) m_logs.autoCreateTopic(tp.topic);
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

void Consumers::seek(std::int32_t consumer, const TopicPartition& tp, Offset offset) {
    ConsumerState& c = state(consumer);
    c.position[tp] = offset;
    c.position_epoch.erase(tp);
    Event& e = emitEvent(EventType::PositionReset);
    e.actor = c.index;
    e.topic = m_journal.topicIndex(tp.topic);
    e.partition = tp.partition;
    e.a = offset;
}

void Consumers::seekToBeginning(std::int32_t consumer, const TopicPartition& tp) {
    seek(consumer, tp, earliestOffset(tp));
}

void Consumers::seekToEnd(std::int32_t consumer, const TopicPartition& tp) { seek(consumer, tp, latestOffset(tp)); }

void Consumers::pause(std::int32_t consumer, std::int64_t ms) {
    ConsumerState& c = state(consumer);
    if (c.phase == ConsumerPhase::Closed) return;
    c.paused_until = now() + ms;
    Event& e = emitEvent(EventType::ConsumerPaused);
    e.actor = c.index;
    e.a = ms;
}

void Consumers::setKeepDelivered(std::int32_t consumer, bool keep) {
    if (keep) m_delivered[consumer];
    else m_delivered.erase(consumer);
}

std::vector<ConsumedRecord> Consumers::drainDelivered(std::int32_t consumer) {
    auto it = m_delivered.find(consumer);
    if (it == m_delivered.end()) return {};
    std::vector<ConsumedRecord> out;
    out.swap(it->second);
    return out;
}

Offset Consumers::resetPosition(ConsumerState& c, const TopicPartition& tp) {
    switch (c.config.auto_offset_reset) {
    case OffsetReset::Earliest: return earliestOffset(tp);
    case OffsetReset::Latest: return latestOffset(tp);
    case OffsetReset::None: return -1;
    }
    return -1;
}

void Consumers::initPositions(ConsumerState& c, const std::vector<TopicPartition>& tps) {
    const GroupStateData* g = c.config.group_id.empty() ? nullptr : m_groups.knownGroup(c.config.group_id);
    for (const auto& tp : tps) {
        Offset pos = -1;
        bool fromCommitted = false;
        c.position_epoch.erase(tp);
        if (g) {
            auto it = g->committed.find(tp);
            if (it != g->committed.end()) pos = it->second;
            if (auto ep = g->committed_epoch.find(tp); pos >= 0 && ep != g->committed_epoch.end()) c.position_epoch[tp] = ep->second;
        }
        if (pos < 0 || pos < earliestOffset(tp) || pos > latestOffset(tp)) {
            c.position_epoch.erase(tp);
            pos = resetPosition(c, tp);
        } else {
            // ConsumerCoordinator.refreshCommittedOffsets: "Setting offset for partition X to the
            // committed offset FetchPosition{...}"; only without a usable one does auto.offset.reset
            // apply ("Resetting offset for partition X to position ...", SubscriptionState).
            fromCommitted = true;
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
        e.flag = fromCommitted ? 1 : 0;
    }
}

void Consumers::revoke(ConsumerState& c, const std::vector<TopicPartition>& tps) {
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

void Consumers::lose(ConsumerState& c) {
    c.generation_reset = false;
    if (c.assigned.empty()) return;
    Event& e = emitEvent(EventType::PartitionsLost);
    e.actor = c.index;
    e.group = c.config.group_id.empty() ? -1 : m_journal.groupIndex(c.config.group_id);
    emitTpList(e, c.assigned);
    for (const auto& tp : c.assigned) {
        c.position.erase(tp);
        c.position_epoch.erase(tp);
    }
    c.assigned.clear();
}

std::map<TopicPartition, Offset> Consumers::positionsToCommit(const ConsumerState& c) const {
    std::map<TopicPartition, Offset> offsets;
    for (const auto& tp : c.assigned)
        if (auto pit = c.position.find(tp); pit != c.position.end()) offsets.emplace(tp, pit->second);
    return offsets;
}

bool Consumers::commitFailedInClient(const ConsumerState& c, const std::map<TopicPartition, Offset>& offsets) {
    // Empty offsets succeed at once; an assign() consumer sends without a generation.
    if (offsets.empty() || !c.subscribed || c.config.group_id.empty()) return false;
    // generationIfStable() is null unless the member is STABLE: joining or syncing, the client raises
    // RebalanceInProgressException; otherwise (kicked out: member id or generation reset by a heartbeat
    // error or the poll timeout) CommitFailedException "... it is likely that the consumer was kicked
    // out of the group."
    ErrorCode error = ErrorCode::NONE;
    if (c.phase == ConsumerPhase::Joining || c.phase == ConsumerPhase::Syncing) error = ErrorCode::CLIENT_REBALANCE_IN_PROGRESS;
    else if (c.phase != ConsumerPhase::Stable || generationReset(c)) error = ErrorCode::CLIENT_COMMIT_FAILED;
    const GroupStateData* g = m_groups.knownGroup(c.config.group_id);
    if (error == ErrorCode::NONE || !g) return false;
    Event& e = emitEvent(EventType::CommitFailed);
    e.group = g->index;
    e.actor = c.index;
    e.error = error;
    return true;
}

void Consumers::commitPositions(ConsumerState& c) {
    const auto offsets = positionsToCommit(c);
    if (!commitFailedInClient(c, offsets)) m_groups.commitOffsets(c, offsets);
}

void Consumers::commitAsync(std::int32_t consumer) {
    ConsumerState& c = state(consumer);
    if (c.phase == ConsumerPhase::Closed) return;
    auto offsets = positionsToCommit(c);
    if (!commitFailedInClient(c, offsets)) m_groups.sendCommit(consumer, std::move(offsets));
}

void Consumers::commitSync(std::int32_t consumer) { commitPositions(state(consumer)); }

void Consumers::close(std::int32_t consumer) {
    ConsumerState& c = state(consumer);
    if (c.phase == ConsumerPhase::Closed) return;
    if (c.config.enable_auto_commit) commitPositions(c);
    // ConsumerCoordinator.onLeavePrepare: lost when the generation was reset or a rebalance is under way.
    if (c.subscribed && (generationReset(c) || c.phase == ConsumerPhase::Joining || c.phase == ConsumerPhase::Syncing))
        lose(c);
    else revoke(c, std::vector<TopicPartition>(c.assigned));
    // Without a live coordinator the LeaveGroup is lost: the member stays until its session expires.
    if (c.subscribed && !c.member_id.empty() && !c.config.group_id.empty())
        m_groups.leaveGroup(c.config.group_id, c.member_id, LeaveReason::LeaveGroup);
    c.phase = ConsumerPhase::Closed;
    ++c.join_token;
    Event& e = emitEvent(EventType::ConsumerClosed);
    e.actor = c.index;
}

void Consumers::crash(std::int32_t consumer) {
    ConsumerState& c = state(consumer);
    if (c.phase == ConsumerPhase::Closed) return;
    c.phase = ConsumerPhase::Closed;
    ++c.join_token;
    Event& e = emitEvent(EventType::ConsumerClosed);
    e.actor = c.index;
    e.flag = 1;
}

void Consumers::poll(std::int32_t consumer) {
    ConsumerState& c = state(consumer);
    if (c.phase == ConsumerPhase::Closed) return;
    if (c.paused_until > now()) {
        schedule(c.paused_until, ConsumerTimer::Poll, consumer);
        return;
    }
    c.last_poll_ms = now();
    schedule(now() + std::max<std::int64_t>(1, c.config.poll_interval_ms), ConsumerTimer::Poll, consumer);

    const bool cooperative = c.config.assignors.size() == 1 && isCooperative(c.config.assignors[0]);
    if (c.subscribed && c.rejoin_needed && c.phase != ConsumerPhase::Joining && c.phase != ConsumerPhase::Syncing) {
        // ConsumerCoordinator.onJoinPrepare: commit, then (eager) revoke everything before rejoining; if
        // the heartbeat thread reset the generation meanwhile, every partition is lost instead.
        if (c.config.enable_auto_commit) commitPositions(c);
        const GroupStateData* g = m_groups.knownGroup(c.config.group_id);
        const bool groupCooperative = g && g->protocol && isCooperative(*g->protocol);
        if (generationReset(c)) lose(c);
        else if (!(cooperative || groupCooperative)) revoke(c, std::vector<TopicPartition>(c.assigned));
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
        const TopicState* t = m_logs.topic(tp.topic);
        // The topic may have been deleted and created again with fewer partitions since the
        // assignment (the fetch gets UNKNOWN_TOPIC_OR_PARTITION): skip the partition.
        if (!t || tp.partition < 0 || static_cast<std::size_t>(tp.partition) >= t->partitions.size()) continue;
        const PartitionState& p = t->partitions[static_cast<std::size_t>(tp.partition)];
        if (p.leader < 0 || !m_logs.brokerAlive(p.leader)) continue;
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
                deliver->second.push_back(ConsumedRecord{tp.topic, tp.partition, o, r.timestamp, m_key_text(r), m_value_text(r)});
            }
        }
        pit->second = from + count;
        FLUXOLAB_INVARIANT(pit->second <= p.high_watermark, "a consumer reads only up to the high watermark");
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

void Consumers::sendJoin(ConsumerState& c) {
    // No live coordinator (FindCoordinator: COORDINATOR_NOT_AVAILABLE, or the connection fails):
    // retried on the next poll.
    if (!m_groups.coordinatorAvailable(c.config.group_id)) return;
    c.rejoin_needed = false;
    c.phase = ConsumerPhase::Joining;
    ++c.join_token;
    m_groups.sendJoin(c.index, c.join_token);
}

void Consumers::joinResponse(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = state(consumer);
    if (c.join_token != token || c.phase != ConsumerPhase::Joining) return;
    const GroupStateData& g = m_groups.findGroup(c.config.group_id);
    if (!g.member(c.member_id)) return;
    c.generation = g.generation;
    c.phase = ConsumerPhase::Syncing;
    std::optional<GroupAssignment> assignment;
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
                if (const TopicState* ts = m_logs.topic(t)) counts[t] = static_cast<std::int32_t>(ts->partitions.size());
            subs.push_back(std::move(s));
        }
        assignment = assignPartitions(*g.protocol, counts, subs);
        // One owner per partition in a generation (checked from outside by the property tests too).
        std::set<TopicPartition> owners;
        for (const auto& [member, tps] : *assignment)
            for (const auto& tp : tps) FLUXOLAB_INVARIANT(owners.insert(tp).second, "a partition assigned to two members");
    }
    m_groups.sendSync(consumer, token, std::move(assignment));
}

void Consumers::syncResponse(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = state(consumer);
    if (c.join_token != token || c.phase != ConsumerPhase::Syncing) return;
    const GroupStateData& g = m_groups.findGroup(c.config.group_id);
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
    // ConsumerCoordinator.onJoinComplete revokes without committing (invokePartitionsRevoked only calls the
    // application's listener): auto-commit committed in onJoinPrepare, before the JoinGroup, and what was
    // polled from a revoked partition since is read again by its next owner.
    revoke(c, revoked);
    c.assigned = target;
    c.phase = ConsumerPhase::Stable;
    Event& e = emitEvent(EventType::PartitionsAssigned);
    e.actor = c.index;
    e.group = g.index;
    emitTpList(e, added);
    initPositions(c, added);
    if (!revoked.empty()) c.rejoin_needed = true;
    checkClient(c);
    // (Re)start the heartbeat thread's cycle from this response; older cycles stop.
    c.generation_reset = false;
    c.heartbeat_sent_ms = now();
    c.next_heartbeat_ms = now() + c.config.heartbeat_interval_ms;
    schedule(c.next_heartbeat_ms, ConsumerTimer::Heartbeat, consumer, static_cast<std::int64_t>(++c.heartbeat_token));
    armPollTimeoutCheck(c, c.heartbeat_token);
}

void Consumers::leaveOnPollTimeout(ConsumerState& c) {
    // The member leaves at once; its partitions stay with the client until its next poll() finds the
    // generation reset and calls onPartitionsLost (onJoinPrepare).
    m_groups.leaveGroup(c.config.group_id, c.member_id, LeaveReason::PollTimeout);
    c.member_id.clear();
    c.generation = -1;
    c.phase = ConsumerPhase::Idle;
    c.rejoin_needed = true;
    ++c.join_token;
}

void Consumers::armPollTimeoutCheck(ConsumerState& c, std::uint64_t token) {
    // AbstractCoordinator.HeartbeatThread: when no heartbeat is due it waits retry.backoff.ms and looks
    // again, so the poll timeout is noticed at its first wake-up at or after the deadline.
    const TimeMs step = std::max<TimeMs>(1, c.config.retry_backoff_ms);
    const TimeMs deadline = c.last_poll_ms + c.config.max_poll_interval_ms;
    const TimeMs from = c.heartbeat_sent_ms;
    const TimeMs at = deadline <= from ? from : from + (deadline - from + step - 1) / step * step;
    if (at <= now() || at >= c.next_heartbeat_ms) return; // the heartbeat (or this wake-up) looks itself
    schedule(at, ConsumerTimer::PollTimeoutCheck, c.index, static_cast<std::int64_t>(token));
}

void Consumers::pollTimeoutCheck(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = state(consumer);
    if (token != c.heartbeat_token || c.phase == ConsumerPhase::Closed || c.member_id.empty()) return;
    if (!m_groups.coordinatorAvailable(c.config.group_id)) return; // the heartbeat looks the coordinator up
    if (pollTimedOut(c, now())) return leaveOnPollTimeout(c);
    armPollTimeoutCheck(c, token); // polled meanwhile: the new deadline
}

void Consumers::heartbeat(std::int32_t consumer, std::uint64_t token) {
    ConsumerState& c = state(consumer);
    if (token != c.heartbeat_token || c.phase == ConsumerPhase::Closed || c.member_id.empty()) return;
    // The heartbeat fails while the coordinator is unknown: the client looks the coordinator up
    // again with its backoff (retry.backoff.max.ms = 1 s) and heartbeats to the new one. Its assignment stays.
    const auto retryLater = [&] {
        c.next_heartbeat_ms = now() + std::min<std::int64_t>(1000, c.config.heartbeat_interval_ms);
        schedule(c.next_heartbeat_ms, ConsumerTimer::Heartbeat, consumer, static_cast<std::int64_t>(token));
    };
    if (!m_groups.coordinatorAvailable(c.config.group_id)) return retryLater();
    // The heartbeat thread leaves the group when poll() was not called within max.poll.interval.ms.
    if (pollTimedOut(c, now())) return leaveOnPollTimeout(c);
    switch (m_groups.heartbeat(c.config.group_id, c.member_id, c.generation)) {
    case ErrorCode::COORDINATOR_NOT_AVAILABLE: return retryLater();
    case ErrorCode::UNKNOWN_MEMBER_ID:
        // The generation and member id are reset (resetStateOnResponseError); the next poll() finds the
        // partitions lost and rejoins as a new member.
        c.member_id.clear();
        c.generation = -1;
        if (c.phase != ConsumerPhase::Joining) c.phase = ConsumerPhase::Idle;
        c.rejoin_needed = true;
        return;
    case ErrorCode::REBALANCE_IN_PROGRESS: c.rejoin_needed = true; break;
    case ErrorCode::ILLEGAL_GENERATION:
        // The generation is reset, the member id kept: the next poll() finds the partitions lost.
        c.generation_reset = true;
        c.rejoin_needed = true;
        break;
    default: break;
    }
    c.heartbeat_sent_ms = now();
    c.next_heartbeat_ms = now() + c.config.heartbeat_interval_ms;
    schedule(c.next_heartbeat_ms, ConsumerTimer::Heartbeat, consumer, static_cast<std::int64_t>(token));
    armPollTimeoutCheck(c, token);
}

} // namespace fluxolab::sim::kafka
