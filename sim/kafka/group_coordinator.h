#pragma once
// The group coordinator component: the classic group protocol on the brokers (groups and their
// members, JoinGroup/SyncGroup/Heartbeat/LeaveGroup handling, rebalances and their timeouts, session
// expiry), committed offsets in __consumer_offsets, the coordinator's placement on the leader of the
// group's __consumer_offsets partition (and what a coordinator that stops or moves loses). It owns
// its state and timers (kafka::GroupTimer); it reads the brokers through kafka::OffsetsLog, answers
// the consumer clients through kafka::GroupClients and serves them as kafka::GroupService
// (sim/kafka/group_ports.h). It never changes a client's state.

#include "sim/cluster.h"
#include "sim/kafka/group_ports.h"
#include "sim/kafka/timers.h"
#include "sim/runtime/scheduler.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::sim::kafka {

class GroupCoordinator final : public GroupService, private runtime::TimerHandler {
public:
    /// Schedules the periodic cleanup (offsets.retention.check.interval.ms).
    GroupCoordinator(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, Rng& rng,
                     OffsetsLog& log);
    ~GroupCoordinator();
    GroupCoordinator(const GroupCoordinator&) = delete;
    GroupCoordinator& operator=(const GroupCoordinator&) = delete;
    /// The consumer clients the coordinator answers (set once, right after both are made).
    void connect(GroupClients& clients) { m_clients = &clients; }

    // ---- state ----
    const std::map<std::string, GroupStateData>& groups() const { return m_groups; }
    const GroupStateData* group(const std::string& id) const;

    // ---- requests from the consumer clients (kafka::GroupService) ----
    const GroupStateData& findGroup(const std::string& group_id) override { return groupFor(group_id); }
    const GroupStateData* knownGroup(const std::string& group_id) const override { return group(group_id); }
    bool coordinatorAvailable(const std::string& group_id) override { return coordinatorServes(groupFor(group_id)); }
    void sendJoin(std::int32_t consumer, std::uint64_t token) override;
    /// The group leader's SyncGroup carries the assignment it computed (`assignment`).
    void sendSync(std::int32_t consumer, std::uint64_t token, std::optional<GroupAssignment> assignment) override;
    void sendCommit(std::int32_t consumer, std::map<TopicPartition, Offset> offsets) override;
    void commitOffsets(const ConsumerState& c, const std::map<TopicPartition, Offset>& offsets) override;
    void leaveGroup(const std::string& group_id, const std::string& member_id, LeaveReason reason) override;
    ErrorCode heartbeat(const std::string& group_id, const std::string& member_id, std::int32_t generation) override;

    // ---- admin (kafka-consumer-groups) ----
    AdminResult resetGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets);
    std::map<TopicPartition, ErrorCode> deleteGroupOffsets(const std::string& group,
                                                           const std::vector<TopicPartition>& partitions,
                                                           ErrorCode& group_error);
    AdminResult deleteGroup(const std::string& group);

    // ---- what replication tells the coordinator ----
    /// A broker stopped: the groups it coordinated lose what was in memory.
    void coordinatorStopped(BrokerId broker);
    /// Leaders moved: each group follows the leader of its __consumer_offsets partition.
    void refreshCoordinators();
    /// A topic was deleted: its committed offsets go.
    void topicDeleted(const std::string& topic);

private:
    void onTimer(const runtime::Timer& timer) override;
    TimeMs now() const { return m_scheduler.now(); }
    void schedule(TimeMs at, GroupTimer kind, std::int32_t a = 0, std::int64_t b = 0) {
        m_timers.schedule(at, kind, a, b);
    }
    Event& emitEvent(EventType type);

    /// The group `id`, created (with its first coordinator) when unknown.
    GroupStateData& groupFor(const std::string& id);
    /// A live coordinator serves the group's requests (loading the group first if it has to);
    /// false: the request fails (the client looks the coordinator up again and retries).
    bool coordinatorServes(GroupStateData& g);
    void removeMember(GroupStateData& g, const std::string& member_id, LeaveReason reason);
    /// The group invariants (the property tests check the same from outside, tests/sim/test_properties.cpp).
    void checkGroup(const GroupStateData& g) const;
    /// Partitions of __consumer_offsets, created first if it can be: 0 while fewer brokers are
    /// registered than its replication factor.
    std::int32_t ensureOffsetsTopic();
    std::int32_t offsetsTopicReplicationFactor() const;
    BrokerId coordinatorFor(const std::string& group);
    void storeGroup(GroupStateData& g);
    void loadGroup(GroupStateData& g);
    GroupStateData* groupByIndex(std::int32_t index);
    void setGroupState(GroupStateData& g, GroupState s);
    void joinArrives(std::int32_t consumer, std::uint64_t token);
    void syncArrives(std::int32_t consumer, std::uint64_t token);
    void prepareRebalance(GroupStateData& g);
    void maybeCompleteJoin(GroupStateData& g);
    void completeJoin(GroupStateData& g);
    void sessionCheck(std::int32_t group_index, std::int64_t member_serial);
    void initialDelayExpired(std::int32_t group_index, std::uint64_t token);
    void rebalanceTimeout(std::int32_t group_index, std::uint64_t token);
    void groupCleanup();
    std::string makeUuid();

    runtime::Scheduler& m_scheduler;
    runtime::TimerChannel<GroupTimer> m_timers;
    const ClusterConfig& m_config;
    Journal& m_journal;
    Rng& m_rng; ///< the Kafka model's stream (member ids)
    OffsetsLog& m_log;
    GroupClients* m_clients = nullptr;
    std::map<std::string, GroupStateData> m_groups;
    std::vector<std::string> m_group_by_index;
    std::uint64_t m_member_serial = 0;
    std::map<std::uint64_t, std::pair<std::int32_t, std::map<TopicPartition, Offset>>> m_async_commits;
    std::uint64_t m_next_async_commit = 1;
    std::map<std::int32_t, GroupAssignment> m_sync_assignments; ///< a leader's assignment, sent with its SyncGroup
};

} // namespace fluxolab::sim::kafka
