#pragma once
// The consumer component: consumer clients (subscribe/assign, the poll loop and its fetches,
// positions and auto.offset.reset, commits, heartbeats and max.poll.interval.ms, the client side of
// the group protocol, where the group leader runs the assignor). It owns its state and timers
// (kafka::ConsumerTimer); it reads the logs through kafka::ConsumerLogs, asks the group coordinator
// through kafka::GroupService and hears its answers as kafka::GroupClients (sim/kafka/group_ports.h).
// A client's state (ConsumerState) is changed only here.

#include "sim/cluster.h"
#include "sim/kafka/group_ports.h"
#include "sim/kafka/timers.h"
#include "sim/runtime/invariant.h"
#include "sim/runtime/scheduler.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::sim::kafka {

class Consumers final : public GroupClients, private runtime::TimerHandler {
public:
    /// How a stored record's key and value read (the record store and the producers know).
    using KeyText = std::function<std::optional<std::string>(const Record&)>;
    using ValueText = std::function<std::string(const Record&)>;

    Consumers(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, ConsumerLogs& logs,
              GroupService& groups, KeyText key_text, ValueText value_text);
    ~Consumers();
    Consumers(const Consumers&) = delete;
    Consumers& operator=(const Consumers&) = delete;

    // ---- the client API (Simulation forwards to these) ----
    std::int32_t add(ConsumerConfig config);
    void subscribe(std::int32_t consumer, std::vector<std::string> topics);
    void subscribePattern(std::int32_t consumer, std::function<bool(const std::string&)> matches);
    void assign(std::int32_t consumer, std::vector<TopicPartition> partitions);
    void seek(std::int32_t consumer, const TopicPartition& tp, Offset offset);
    void seekToBeginning(std::int32_t consumer, const TopicPartition& tp);
    void seekToEnd(std::int32_t consumer, const TopicPartition& tp);
    void pause(std::int32_t consumer, std::int64_t ms);
    void commitSync(std::int32_t consumer);
    void commitAsync(std::int32_t consumer);
    void close(std::int32_t consumer);
    void crash(std::int32_t consumer);
    std::vector<ConsumedRecord> drainDelivered(std::int32_t consumer);
    void setKeepDelivered(std::int32_t consumer, bool keep);
    const std::vector<ConsumerState>& all() const { return m_consumers; }

    // ---- what the group coordinator says (kafka::GroupClients) ----
    const ConsumerState& client(std::int32_t consumer) const override { return state(consumer); }
    void answerJoin(std::int32_t consumer, std::uint64_t token) override;
    void answerSync(std::int32_t consumer, std::uint64_t token) override;
    void memberIdGiven(std::int32_t consumer, const std::string& member_id) override;
    void requestFailed(std::int32_t consumer, GroupRequestFailure failure) override;
    void memberRemoved(std::int32_t consumer, const std::string& member_id) override;
    void coordinatorLost(const std::string& group_id) override;

    // ---- metadata changes ----
    /// The topic was deleted: its partitions are revoked and subscribed members rejoin.
    void topicDeleted(const std::string& topic);
    /// The topic grew: group leaders subscribed to it rejoin on their next metadata refresh.
    void partitionsAdded(const std::string& topic);

private:
    const ConsumerState& state(std::int32_t index) const {
        FLUXOLAB_INVARIANT(index >= 0 && static_cast<std::size_t>(index) < m_consumers.size(), "a known consumer");
        return m_consumers[static_cast<std::size_t>(index)];
    }
    ConsumerState& state(std::int32_t index) {
        FLUXOLAB_INVARIANT(index >= 0 && static_cast<std::size_t>(index) < m_consumers.size(), "a known consumer");
        return m_consumers[static_cast<std::size_t>(index)];
    }
    /// The client invariants (the property tests check the same from outside).
    void checkClient(const ConsumerState& c) const;
    /// Partitions taken away (topic deleted, member lost): positions go with them.
    void revoke(ConsumerState& c, const std::vector<TopicPartition>& tps);
    /// ConsumerRebalanceListener.onPartitionsLost: the generation was reset (the member left on a poll
    /// timeout, or a heartbeat found it unknown or of an old generation), so all its partitions go
    /// without a commit of theirs (PartitionsLost).
    void lose(ConsumerState& c);
    /// The generation is reset: the partitions are lost, not revoked (ConsumerCoordinator.onJoinPrepare).
    static bool generationReset(const ConsumerState& c) { return c.member_id.empty() || c.generation_reset; }
    /// max.poll.interval.ms has passed since the last poll() (Heartbeat.pollTimeoutExpired: the timer's
    /// deadline reached).
    static bool pollTimedOut(const ConsumerState& c, TimeMs now) {
        return now - c.last_poll_ms >= c.config.max_poll_interval_ms;
    }
    /// AbstractCoordinator.handlePollTimeoutExpiry: maybeLeaveGroup("consumer poll timeout has expired.").
    void leaveOnPollTimeout(ConsumerState& c);
    /// The heartbeat thread's next wake-up (every retry.backoff.ms since its last heartbeat) at or after
    /// the poll deadline, if it comes before the next heartbeat.
    void armPollTimeoutCheck(ConsumerState& c, std::uint64_t token);
    void pollTimeoutCheck(std::int32_t consumer, std::uint64_t token);
    void onTimer(const runtime::Timer& timer) override;
    TimeMs now() const { return m_scheduler.now(); }
    void schedule(TimeMs at, ConsumerTimer kind, std::int32_t a = 0, std::int64_t b = 0) {
        m_timers.schedule(at, kind, a, b);
    }
    Event& emitEvent(EventType type);
    const PartitionState* partition(const TopicPartition& tp) const;
    void emitTpList(Event& e, const std::vector<TopicPartition>& tps);
    Offset earliestOffset(const TopicPartition& tp) const;
    Offset latestOffset(const TopicPartition& tp) const;

    void poll(std::int32_t consumer);
    /// A pattern subscriber's metadata refresh: the matching topics now; the next one after metadata.max.age.ms.
    void refreshMetadata(std::int32_t consumer, TimeMs planned);
    void updatePatternSubscription(ConsumerState& c);
    std::vector<std::string> matchingTopics(const ConsumerState& c) const;
    void heartbeat(std::int32_t consumer, std::uint64_t token);
    void sendJoin(ConsumerState& c);
    void joinResponse(std::int32_t consumer, std::uint64_t token);
    void syncResponse(std::int32_t consumer, std::uint64_t token);
    void commitPositions(ConsumerState& c);
    /// ConsumerCoordinator.sendOffsetCommitRequest: a subscribed consumer whose member is not stable fails
    /// the commit in the client, no request sent; journalled (CommitFailed, a CLIENT_ code). True if so.
    bool commitFailedInClient(const ConsumerState& c, const std::map<TopicPartition, Offset>& offsets);
    std::map<TopicPartition, Offset> positionsToCommit(const ConsumerState& c) const;
    void initPositions(ConsumerState& c, const std::vector<TopicPartition>& tps);
    Offset resetPosition(ConsumerState& c, const TopicPartition& tp);

    runtime::Scheduler& m_scheduler;
    runtime::TimerChannel<ConsumerTimer> m_timers;
    const ClusterConfig& m_config;
    Journal& m_journal;
    ConsumerLogs& m_logs;
    GroupService& m_groups;
    KeyText m_key_text;
    ValueText m_value_text;
    std::vector<ConsumerState> m_consumers;
    std::map<std::int32_t, std::vector<ConsumedRecord>> m_delivered;
    std::int32_t m_client_counter = 0;
};

} // namespace fluxolab::sim::kafka
