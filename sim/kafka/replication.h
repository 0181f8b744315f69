#pragma once
// The replication component: the brokers (alive, fenced by the KRaft controller), topics and their
// replicated partitions (replica assignment, leader logs and segments, the ISR, follower fetches and
// the high watermark, leader elections, retention). It owns its state and its timers
// (kafka::ReplicationTimer) and tells the rest of the model what happened through ReplicationEvents.

#include "sim/cluster.h"
#include "sim/kafka/controller.h"
#include "sim/kafka/timers.h"
#include "sim/runtime/invariant.h"
#include "sim/runtime/scheduler.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::sim::kafka {

/// What replication tells the other components (Simulation implements it and forwards).
class ReplicationEvents {
public:
    /// The high watermark of `p` moved, or a new leader may answer what waits for it (producers).
    virtual void highWatermarkAdvanced(PartitionState& p) = 0;
    /// The leader of `p` stopped with produce requests waiting (producers).
    virtual void leaderStopped(PartitionState& p) = 0;
    /// Broker `id` stopped: what it held in memory is lost (group coordinator).
    virtual void brokerStopped(BrokerId id) = 0;
    /// Leaders moved (fencing, a broker back, preferred election): group coordinators may move.
    virtual void leadershipChanged() = 0;

protected:
    ~ReplicationEvents() = default;
};

class Replication final : private runtime::TimerHandler {
public:
    /// Registers the brokers 1..config.brokers (journaling BrokerStarted) and schedules the periodic
    /// work: each broker's ISR check, the retention check and the automatic preferred leader election.
    /// Node 1 is the active controller of the cluster the run starts with (epoch 1, journaled);
    /// `controller_rng` is the controller quorum's own stream (its election timeouts).
    Replication(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, Rng& rng,
                Rng controller_rng, Rng segment_rng, ReplicationEvents& events);
    ~Replication();
    Replication(const Replication&) = delete;
    Replication& operator=(const Replication&) = delete;

    // ---- admin (Simulation forwards to these) ----
    /// `assignment` (kafka-topics --replica-assignment): each partition's replicas in order, the first
    /// live one leading; then `partitions` and `replication_factor` are its size and its first list's.
    AdminResult createTopic(const std::string& name, std::int32_t partitions, std::int32_t replication_factor,
                            const std::map<std::string, std::string>& configs,
                            const std::vector<std::vector<BrokerId>>& assignment = {});
    /// Removes the topic (the caller tells the clients first or after, see Simulation::deleteTopic).
    AdminResult deleteTopic(const std::string& name);
    /// `assignment`: the new partitions' replicas as listed (kafka-topics --alter --replica-assignment).
    AdminResult createPartitions(const std::string& name, std::int32_t total_partitions,
                                 const std::vector<std::vector<BrokerId>>& assignment = {});
    /// IncrementalAlterConfigs on a topic (kafka-configs --alter): each (key, value) sets an override,
    /// (key, nullopt) removes one. The controller checks every value against its definition first and
    /// changes nothing when one fails (INVALID_CONFIG with Kafka's message); UNKNOWN_TOPIC_OR_PARTITION
    /// for a topic that does not exist. What the model uses (retention, segments, min.insync.replicas,
    /// unclean election) follows from the next time it looks; one TopicConfigChanged per key.
    AdminResult alterTopicConfigs(const std::string& name,
                                  const std::vector<std::pair<std::string, std::optional<std::string>>>& changes);
    void stopBroker(BrokerId id, bool crash);
    void startBroker(BrokerId id);
    void electPreferredLeaders();
    /// ElectLeaders for `partitions`, or for every partition when empty; then, as the controller
    /// answers, the partitions that needed no election are left out. Preferred: the first replica leads
    /// if it is alive, unfenced and in the ISR. Unclean: a partition without a leader takes the first
    /// live replica of the ISR, else the first live replica (data may be lost). Nothing (and no answer)
    /// without an active controller: the caller checks controller() first.
    std::vector<std::pair<TopicPartition, ElectionOutcome>> electLeaders(const std::vector<TopicPartition>& partitions,
                                                                         bool unclean);

    // ---- what the producers' Produce requests do on the leader ----
    void appendToLeader(TopicState& t, PartitionState& p, const std::vector<Record>& records, std::int32_t producer,
                        const std::vector<std::int64_t>& sizes);

    // ---- state (read by the other components and Simulation's observers) ----
    const std::vector<BrokerState>& brokers() const { return m_brokers; }
    /// The broker's process runs (`id` in 1..brokers)
    /// and serves clients: a restarted broker serves once it has registered with an active controller
    /// (BrokerServer's startup waits for it; without a controller its clients' connections fail).
    bool brokerAlive(BrokerId id) const { return broker(id).alive && m_registered[static_cast<std::size_t>(id - 1)]; }
    const BrokerState& broker(BrokerId id) const {
        FLUXOLAB_INVARIANT(id >= 1 && id <= static_cast<BrokerId>(m_brokers.size()), "a broker id is in 1..brokers");
        return m_brokers[static_cast<std::size_t>(id - 1)];
    }
    /// The active KRaft controller (-1: none) and the metadata quorum's leader epoch (sim/kafka/controller.h).
    BrokerId controller() const { return m_controller; }
    std::int32_t controllerEpoch() const { return m_controller_epoch; }
    /// Brokers registered with the controller (not fenced).
    std::int32_t registeredBrokers() const;
    const std::map<std::string, TopicState>& topics() const { return m_topics; }
    TopicState* findTopic(const std::string& name);
    const TopicState* topic(const std::string& name) const;
    TopicState* topicByIndex(std::int32_t index);
    PartitionState* findPartition(const TopicPartition& tp);
    const PartitionState* partition(const TopicPartition& tp) const;
    std::int64_t recordsRetained() const;
    /// Bytes held by the logs (records and segments).
    std::size_t logBytes() const;

private:
    void onTimer(const runtime::Timer& timer) override;
    TimeMs now() const { return m_scheduler.now(); }
    void schedule(TimeMs at, ReplicationTimer kind, std::int32_t a = 0, std::int64_t b = 0) {
        m_timers.schedule(at, kind, a, b);
    }
    Event& emitEvent(EventType type);
    BrokerState& brokerState(BrokerId id) { return m_brokers[static_cast<std::size_t>(id - 1)]; }
    const BrokerState& brokerState(BrokerId id) const { return m_brokers[static_cast<std::size_t>(id - 1)]; }

    std::string makeTopicId();
    std::vector<BrokerId> placeReplicas(std::int32_t partition, std::int32_t rf, std::int32_t start);
    void initPartition(TopicState& t, std::int32_t p, std::vector<BrokerId> replicas);
    void electLeader(TopicState& t, PartitionState& p);
    void setLeader(TopicState& t, PartitionState& p, BrokerId leader, bool unclean);
    /// Who takes a replica out of an ISR: the partition's leader (a lagging follower; the list it
    /// sends is in its set's order) or the controller (a fenced broker; the stored order is kept).
    enum class IsrChangeBy { Leader, Controller };
    void removeFromIsr(TopicState& t, PartitionState& p, BrokerId b, IsrChangeBy by);
    void addToIsr(TopicState& t, PartitionState& p, BrokerId b);
    void truncateTo(TopicState& t, PartitionState& p, Offset leo);
    void truncateReplica(TopicState& t, PartitionState& p, ReplicaState& r, Offset leo);
    void brokerCaughtUp(BrokerId id);
    void brokerUnfenced(BrokerId id);
    void alterPartitionDone(std::int32_t topic_index, std::int64_t packed);
    // ---- the KRaft controller quorum (rules and timing: sim/kafka/controller.h) ----
    std::int32_t liveVoters() const;
    void scheduleElection(ElectionCause cause);
    void electController();
    /// The active controller is gone (its process stopped, or it resigned): journaled, nothing the
    /// controller does happens until the next election.
    void loseController();
    /// What a new active controller does first: a fresh session for every unfenced broker (it does not
    /// know their last heartbeats: BrokerHeartbeatManager), the registration of brokers waiting for one.
    void activateController();
    /// BrokerRegistration of the broker's current incarnation with the active controller.
    void registerBroker(BrokerId id);
    std::int64_t packIncarnation(BrokerId id) const {
        return (m_incarnation[static_cast<std::size_t>(id - 1)] << 32) | static_cast<std::uint32_t>(m_controller_epoch);
    }
    bool currentIncarnation(BrokerId id, std::int64_t packed) const {
        return brokerState(id).alive && m_controller >= 0 && packed == packIncarnation(id);
    }
    void maybeAdvanceHw(TopicState& t, PartitionState& p);
    void fenceBroker(BrokerId id);
    void startFollowerFetch(TopicState& t, PartitionState& p, std::size_t replica_index);
    void followerFetchArrives(std::int32_t topic_index, std::int64_t packed);
    void fetchResponse(const runtime::TypedTimer<ReplicationTimer>& t);
    void wakeParkedFetches(TopicState& t, PartitionState& p);
    void isrCheck(BrokerId broker);
    /// LogManager.startup of the broker's current process (once): its retention check's first run.
    void startLogManager(BrokerId id);
    /// A new segment of `t` at `base` (LocalLog.roll), with its roll jitter.
    Segment openSegment(const TopicState& t, Offset base);
    void retentionCheck(BrokerId broker);
    /// The replication invariants of `p` (also checked from outside by tests/sim/test_properties.cpp).
    void checkPartition(const PartitionState& p) const;

    runtime::Scheduler& m_scheduler;
    runtime::TimerChannel<ReplicationTimer> m_timers;
    const ClusterConfig& m_config;
    Journal& m_journal;
    Rng& m_rng; ///< the Kafka model's stream (topic ids, replica placement)
    ReplicationEvents& m_events;
    std::vector<BrokerState> m_brokers;
    std::map<std::string, TopicState> m_topics;
    std::vector<std::string> m_topic_by_index; ///< journal topic index -> name ("" if deleted)
    /// Per broker (index id - 1): how many times its process started (a timer of an older run is void),
    /// and whether its replica fetchers run (from its metadata catch-up after a restart).
    std::vector<std::int64_t> m_incarnation;
    std::vector<char> m_fetchers;
    /// Per broker: its current incarnation has registered with the active controller.
    std::vector<char> m_registered;
    /// Per broker: the incarnation whose LogManager started (its retention checks run); -1 none.
    std::vector<std::int64_t> m_log_manager;
    Rng m_controller_rng; ///< "kafka/controller": election timeouts and the winner
    Rng m_segment_rng;    ///< "kafka/segment-jitter": each segment's roll jitter (segment.jitter.ms)
    BrokerId m_controller = -1;
    std::int32_t m_controller_epoch = 0;
    std::int64_t m_election_token = 0; ///< a ControllerElection timer of another token is void
    bool m_election_pending = false;
};

} // namespace fluxolab::sim::kafka
