#pragma once
// ClusterBackend over the deterministic simulation. Time is virtual: requests take a few
// milliseconds of simulated time, and advance() runs the simulation forward, always through the
// session's clock (labs::Session), so a scenario's traffic and actions go on while the terminal works.

#include "labs/backend/cluster_backend.h"
#include "labs/backend/session.h"

#include <map>
#include <memory>

namespace fluxolab::labs {

/// Epoch milliseconds of virtual time 0 (2025-01-01T00:00:00Z): the tools' clock (log lines, nowMs()).
/// Record timestamps are already epoch milliseconds in the simulation (sim::kClockEpochMs) and are
/// never shifted again.
inline constexpr TimeMs kVirtualEpochMs = sim::kClockEpochMs;

class SimBackend final : public ClusterBackend {
public:
    /// A fresh cluster like the course's local KRaft install: brokers 1..N at localhost:9092...
    SimBackend(std::uint64_t seed, std::int32_t brokers = 1);
    /// A fresh cluster of `config` (brokers clamped to 1..9), e.g. a lab's (labs::labScenario()).
    SimBackend(const sim::ClusterConfig& config, std::uint64_t seed);
    /// Wraps a session owned elsewhere (the app's SimulationController), which must outlive
    /// this backend: commands then act on the cluster the views show, on the same clock.
    explicit SimBackend(Session& external);
    ~SimBackend() override;
    SimBackend(const SimBackend&) = delete;
    SimBackend& operator=(const SimBackend&) = delete;

    sim::Simulation& simulation() { return *m_sim; }
    const sim::Simulation& simulation() const { return *m_sim; }

    TimeMs nowMs() const override;
    void advance(TimeMs ms) override;

    ProbeResult probe(TimeMs timeout_ms) const override;
    std::vector<BrokerInfo> brokers() const override;
    bool controllerAvailable() const override;
    std::optional<std::vector<std::pair<TopicPartition, ElectionOutcome>>>
    electLeaders(const std::vector<TopicPartition>& partitions, bool unclean) override;
    std::vector<std::string> listTopics(bool include_internal) const override;
    std::optional<TopicInfo> describeTopic(const std::string& name) const override;
    BackendResult createTopic(const std::string& name, std::optional<std::int32_t> partitions,
                              std::optional<std::int32_t> replication_factor,
                              const std::vector<std::pair<std::string, std::string>>& configs,
                              const std::vector<std::vector<std::int32_t>>& replica_assignment = {}) override;
    BackendResult deleteTopic(const std::string& name) override;
    BackendResult createPartitions(const std::string& name, std::int32_t total,
                                   const std::vector<std::vector<std::int32_t>>& replica_assignment = {}) override;
    Offset earliestOffset(const TopicPartition& tp) const override;
    Offset latestOffset(const TopicPartition& tp) const override;
    std::optional<Offset> offsetForTimestamp(const TopicPartition& tp, TimeMs epoch_ms) const override;
    std::optional<Offset> maxTimestampOffset(const TopicPartition& tp) const override;
    DescribeConfigsResult describeConfigs(ConfigResourceKind kind, const std::string& name) const override;
    BackendResult incrementalAlterConfigs(ConfigResourceKind kind, const std::string& name,
                                          const std::vector<std::pair<std::string, std::optional<std::string>>>& changes) override;
    std::vector<StoredRecord> readRecords(const TopicPartition& tp) const override;

    std::vector<std::string> listGroups() const override;
    std::optional<GroupInfo> describeGroup(const std::string& group) const override;
    CoordinatorLookup findCoordinator(const std::string& group) const override;
    BackendResult alterGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets) override;
    BackendResult deleteGroup(const std::string& group) override;
    DeleteOffsetsResult deleteGroupOffsets(const std::string& group,
                                           const std::vector<TopicPartition>& partitions) override;

    Handle openProducer(const ProducerSettings& settings) override;
    BackendResult send(Handle producer, const std::string& topic, const std::optional<std::string>& key,
                       const std::string& value) override;
    void closeProducer(Handle producer) override;
    std::vector<std::pair<TimeMs, std::int32_t>> takeConnectionFailures(Handle producer) override;
    std::int64_t blockedSends(Handle producer) const override;
    std::vector<SendFailure> takeSendFailures(Handle producer) override;
    std::vector<BatchSplit> takeBatchSplits(Handle producer) override;
    bool simulatesClients() const override { return true; }
    Handle openConsumer(const ConsumerSettings& settings) override;
    bool subscribesByPattern() const override { return true; }
    std::vector<StoredRecord> takeRecords(Handle consumer) override;
    bool hasAssignment(Handle consumer) const override;
    void seek(Handle consumer, const TopicPartition& tp, Offset offset) override;
    void closeConsumer(Handle consumer) override;

private:
    bool logAppendTime(const std::string& topic) const; ///< the topic is message.timestamp.type=LogAppendTime
    void request(); ///< one admin round trip of virtual time
    std::unique_ptr<Session> m_owned; ///< null when wrapping an external session
    Session* m_session = nullptr;     ///< the clock
    sim::Simulation* m_sim = nullptr; ///< m_session->sim()
    std::map<Handle, std::size_t> m_journal_seen; ///< per producer: the journal events already looked at
};

} // namespace fluxolab::labs
