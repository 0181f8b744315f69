// The replication component on its own: a scheduler, a journal and a recording ReplicationEvents,
// no Simulation, no producers, no group coordinator.
#include "sim/cluster.h"
#include "sim/kafka/replication.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace fluxolab::sim;

namespace {
/// Records what replication tells the other components.
struct RecordingEvents final : kafka::ReplicationEvents {
    void highWatermarkAdvanced(PartitionState& p) override { hw.push_back(p.high_watermark); }
    void leaderStopped(PartitionState& p) override { leader_stopped.push_back(p.partition); }
    void brokerStopped(BrokerId id) override { stopped.push_back(id); }
    void leadershipChanged() override { ++leadership_changes; }
    std::vector<Offset> hw;
    std::vector<std::int32_t> leader_stopped;
    std::vector<BrokerId> stopped;
    int leadership_changes = 0;
};

struct Fixture {
    Fixture()
        : replication(scheduler, config(), journal, rng, runtime::RngStreams(7).fork("kafka/controller"),
                      runtime::RngStreams(7).fork("kafka/segment-jitter"), events) {}
    static const ClusterConfig& config() {
        static const ClusterConfig c = [] {
            ClusterConfig cc;
            cc.brokers = 3;
            cc.network_delay_ms = 1;
            return cc;
        }();
        return c;
    }
    void runUntil(TimeMs t) {
        while (scheduler.nextTime() >= 0 && scheduler.nextTime() <= t) scheduler.step();
    }
    runtime::Scheduler scheduler;
    Journal journal;
    Rng rng{11};
    RecordingEvents events;
    kafka::Replication replication;
};

Record record(std::uint32_t seq) {
    Record r;
    r.producer = 1;
    r.sequence = seq;
    return r;
}
} // namespace

TEST_SUITE("sim/kafka_replication_component") {
    TEST_CASE("replication registers its brokers and places a topic's replicas on them") {
        Fixture f;
        CHECK(f.replication.brokers().size() == 3);
        CHECK(f.replication.registeredBrokers() == 3);
        REQUIRE(f.replication.createTopic("t", 3, 3, {}).ok());
        const TopicState* t = f.replication.topic("t");
        REQUIRE(t != nullptr);
        REQUIRE(t->partitions.size() == 3);
        for (const auto& p : t->partitions) {
            CHECK(p.replicas.size() == 3);
            CHECK(p.isr.size() == 3);
            CHECK(p.leader == p.replicas[0]);
        }
        CHECK(f.replication.createTopic("t", 1, 1, {}).error == ErrorCode::TOPIC_ALREADY_EXISTS);
        CHECK(f.replication.createTopic("u", 1, 4, {}).error == ErrorCode::INVALID_REPLICATION_FACTOR);
    }

    TEST_CASE("an append reaches the followers and the HW advances - told through ReplicationEvents") {
        Fixture f;
        REQUIRE(f.replication.createTopic("t", 1, 3, {}).ok());
        TopicState& t = *f.replication.findTopic("t");
        PartitionState& p = t.partitions[0];
        f.events.hw.clear();
        f.replication.appendToLeader(t, p, {record(0), record(1)}, 0, {20, 20});
        CHECK(p.leaderLeo() == 2);
        CHECK(p.high_watermark == 0); // the followers have not fetched yet
        f.runUntil(50);
        CHECK(p.high_watermark == 2);
        for (const auto& r : p.replica_state) CHECK(r.leo == 2);
        REQUIRE(!f.events.hw.empty());
        CHECK(f.events.hw.back() == 2);
    }

    TEST_CASE("a stopped leader hands leadership over and the group coordinator hears of it") {
        Fixture f;
        REQUIRE(f.replication.createTopic("t", 1, 3, {}).ok());
        PartitionState& p = f.replication.findTopic("t")->partitions[0];
        const BrokerId old = p.leader;
        const int changes = f.events.leadership_changes;
        f.replication.stopBroker(old, false); // controlled shutdown: fenced at once
        CHECK(f.events.stopped == std::vector<BrokerId>{old});
        CHECK(f.events.leadership_changes > changes);
        CHECK_FALSE(f.replication.brokerAlive(old));
        CHECK(f.replication.broker(old).fenced);
        CHECK(p.leader != old);
        CHECK(p.leader > 0);
        CHECK_FALSE(p.inIsr(old));
        CHECK(f.replication.registeredBrokers() == 2);
        f.replication.startBroker(old);
        f.runUntil(1000); // unfenced, then a fetch (a caught-up one waits up to 500 ms) and an AlterPartition
        CHECK(p.inIsr(old)); // back in the ISR once it has caught up
    }

    TEST_CASE("a crashed broker is fenced after broker.session.timeout.ms by its own timer") {
        Fixture f;
        REQUIRE(f.replication.createTopic("t", 1, 3, {}).ok());
        PartitionState& p = f.replication.findTopic("t")->partitions[0];
        const BrokerId old = p.leader;
        f.replication.stopBroker(old, true);
        CHECK_FALSE(f.replication.broker(old).fenced);
        CHECK(p.leader == old); // the controller has not noticed yet
        f.runUntil(Fixture::config().defaults.broker_session_timeout_ms);
        CHECK(f.replication.broker(old).fenced);
        CHECK(p.leader != old);
    }
}
