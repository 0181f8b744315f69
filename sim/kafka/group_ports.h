#pragma once
// The narrow interfaces between the group coordinator, the consumer clients and the logs. Each
// component changes only its own state: the coordinator tells a client what happened to its request
// (GroupClients) and the client changes itself; a client asks the coordinator (GroupService) and
// the coordinator changes its groups. Neither holds kafka::Replication: the coordinator reads its
// __consumer_offsets placement through OffsetsLog, the clients read the logs through ConsumerLogs.
// Simulation wires the real components (cluster_internal.h); the component tests
// (tests/sim/test_kafka_group_components.cpp) put fakes behind the same interfaces.

#include "sim/cluster.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace fluxolab::sim::kafka {

/// What the group coordinator needs of the brokers: who runs, and where __consumer_offsets lives.
class OffsetsLog {
public:
    /// Nodes in the cluster (the default replication factor of __consumer_offsets is min(3, this)).
    virtual std::int32_t brokerCount() const = 0;
    /// Brokers registered with the controller (not fenced).
    virtual std::int32_t registeredBrokers() const = 0;
    virtual bool brokerAlive(BrokerId id) const = 0;
    /// Partitions of __consumer_offsets; 0 while it does not exist.
    virtual std::int32_t offsetsPartitions() const = 0;
    /// The leader of __consumer_offsets partition `partition` (-1: none), partition < offsetsPartitions().
    virtual BrokerId offsetsLeader(std::int32_t partition) const = 0;
    /// Creates __consumer_offsets.
    virtual void createOffsetsTopic(std::int32_t partitions, std::int32_t replication_factor,
                                    const std::map<std::string, std::string>& configs) = 0;

protected:
    ~OffsetsLog() = default;
};

/// What the consumer clients read of the brokers' logs (fetches, auto.offset.reset, the assignor's
/// partition counts) and the metadata request's topic auto-creation.
class ConsumerLogs {
public:
    virtual const TopicState* topic(const std::string& name) const = 0;
    /// Every topic, in name order (a pattern subscription matches them at each metadata refresh).
    virtual const std::map<std::string, TopicState>& allTopics() const = 0;
    virtual bool brokerAlive(BrokerId id) const = 0;
    /// A metadata request auto-creates a missing topic (the caller checked auto.create.topics.enable).
    virtual void autoCreateTopic(const std::string& name) = 0;

protected:
    ~ConsumerLogs() = default;
};

/// How the coordinator's answer to a JoinGroup or SyncGroup fails (the client reacts itself).
enum class GroupRequestFailure : std::uint8_t {
    CoordinatorNotAvailable,   ///< the coordinator went away with the request: find it and rejoin
    InconsistentGroupProtocol, ///< no assignor in common with the group: stays out (no rejoin)
    RebalanceInProgress,       ///< REBALANCE_IN_PROGRESS / ILLEGAL_GENERATION on SyncGroup: rejoin
    UnknownMemberId,           ///< UNKNOWN_MEMBER_ID on SyncGroup: rejoin without a member id
};

/// What the group coordinator sees of and says to the consumer clients (kafka::Consumers implements it).
class GroupClients {
public:
    /// The client as its request shows it when the request reaches the coordinator (read only).
    virtual const ConsumerState& client(std::int32_t consumer) const = 0;
    /// JoinGroup / SyncGroup answered (the answer reaches the client after the network delay).
    virtual void answerJoin(std::int32_t consumer, std::uint64_t token) = 0;
    virtual void answerSync(std::int32_t consumer, std::uint64_t token) = 0;
    /// KIP-394: the coordinator gave the joining client its member id.
    virtual void memberIdGiven(std::int32_t consumer, const std::string& member_id) = 0;
    virtual void requestFailed(std::int32_t consumer, GroupRequestFailure failure) = 0;
    /// The coordinator removed member `member_id` of client `consumer`: a JoinGroup or SyncGroup it
    /// was holding for it is answered UNKNOWN_MEMBER_ID.
    virtual void memberRemoved(std::int32_t consumer, const std::string& member_id) = 0;
    /// The coordinator of `group_id` stopped: the JoinGroup / SyncGroup requests it held are lost.
    virtual void coordinatorLost(const std::string& group_id) = 0;

protected:
    ~GroupClients() = default;
};

/// What a consumer client asks the group coordinator (kafka::GroupCoordinator implements it). The
/// groups are read only here; every change is the coordinator's own.
class GroupService {
public:
    /// FindCoordinator: the group, created with its first coordinator when unknown.
    virtual const GroupStateData& findGroup(const std::string& group_id) = 0;
    /// The group if the coordinator knows it (nullptr otherwise); creates nothing.
    virtual const GroupStateData* knownGroup(const std::string& group_id) const = 0;
    /// A live coordinator serves the group (loading it first if it has to); false: the request fails.
    virtual bool coordinatorAvailable(const std::string& group_id) = 0;
    /// JoinGroup / SyncGroup / an asynchronous OffsetCommit, reaching the coordinator after the network delay.
    virtual void sendJoin(std::int32_t consumer, std::uint64_t token) = 0;
    virtual void sendSync(std::int32_t consumer, std::uint64_t token, std::optional<GroupAssignment> assignment) = 0;
    virtual void sendCommit(std::int32_t consumer, std::map<TopicPartition, Offset> offsets) = 0;
    /// OffsetCommit handled now (commitSync, auto-commit, before a revocation).
    virtual void commitOffsets(const ConsumerState& c, const std::map<TopicPartition, Offset>& offsets) = 0;
    /// LeaveGroup (or the heartbeat thread leaving after max.poll.interval.ms): the member goes if a
    /// live coordinator has it.
    virtual void leaveGroup(const std::string& group_id, const std::string& member_id, LeaveReason reason) = 0;
    /// Heartbeat: NONE, COORDINATOR_NOT_AVAILABLE, UNKNOWN_MEMBER_ID, or REBALANCE_IN_PROGRESS /
    /// ILLEGAL_GENERATION (the client rejoins).
    virtual ErrorCode heartbeat(const std::string& group_id, const std::string& member_id, std::int32_t generation) = 0;

protected:
    ~GroupService() = default;
};

} // namespace fluxolab::sim::kafka
