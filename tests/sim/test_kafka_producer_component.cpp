// The Kafka model's components: each registers its own timers, and the producer component works
// against nothing but its narrow ProduceBrokers interface (here a one-partition stub).
#include "sim/cluster.h"
#include "sim/kafka/producers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace fluxolab::sim;

namespace {
/// One topic "t" with one partition led by broker 1; appends go to the partition's records.
struct StubBrokers final : kafka::ProduceBrokers {
    StubBrokers(runtime::Scheduler& s, Journal& j) : scheduler(s), journal(j) {
        topic.name = std::string("t"); // (assigning the literal trips GCC 12's -Wrestrict false positive)
        topic.index = journal.topicIndex("t");
        PartitionState p;
        p.topic = topic.index;
        p.replicas = {1};
        p.isr = {1};
        p.leader = 1;
        topic.partitions.push_back(p);
    }
    TopicState* topicForProduce(const std::string& name, bool auto_create) override {
        if (name == "t") return &topic;
        if (auto_create) ++auto_create_requests;
        return nullptr;
    }
    PartitionState* partitionForProduce(const TopicPartition& tp) override {
        return tp.topic == "t" && tp.partition == 0 ? &topic.partitions[0] : nullptr;
    }
    bool brokerAlive(BrokerId id) const override { return id == 1 && alive; }
    void appendToLeader(TopicState&, PartitionState& p, const std::vector<Record>& records, std::int32_t,
                        const std::vector<std::int64_t>&) override {
        for (const auto& r : records) p.records.push_back(r);
        appended_at.push_back(scheduler.now());
    }
    Event& emitEvent(EventType type) override {
        Event e;
        e.time = scheduler.now();
        e.type = type;
        return journal.append(e);
    }
    runtime::Scheduler& scheduler;
    Journal& journal;
    TopicState topic;
    bool alive = true;
    int auto_create_requests = 0;
    std::vector<TimeMs> appended_at;
};

std::vector<EventType> types(const Journal& j) {
    std::vector<EventType> out;
    for (const auto& e : j.events()) out.push_back(e.type);
    return out;
}
} // namespace

TEST_SUITE("sim/kafka_producer_component") {
    TEST_CASE("the Kafka model registers one timer component per part of the model") {
        Simulation sim(ClusterConfig{}, 1);
        std::vector<std::string> names;
        for (std::size_t i = 0; i < sim.scheduler().componentCount(); ++i)
            names.push_back(sim.scheduler().componentName(static_cast<runtime::ComponentId>(i)));
        std::sort(names.begin(), names.end());
        CHECK(names == std::vector<std::string>{"kafka.consumers", "kafka.group_coordinator", "kafka.producers",
                                                "kafka.replication"});
    }

    TEST_CASE("the producer component batches - sends and acknowledges through ProduceBrokers alone") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config;
        config.network_delay_ms = 1;
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal);
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers);

        ProducerConfig pc;
        pc.acks = Acks::Leader;
        pc.linger_ms = 5;
        const std::int32_t p = producers.add(pc);
        CHECK(producers.clientId(p) == "producer-1");
        CHECK(producers.send(p, ProducerRecord{"t", std::nullopt, std::string("k"), "v1", std::nullopt}) == ErrorCode::NONE);
        CHECK(producers.send(p, ProducerRecord{"t", std::nullopt, std::string("k"), "v2", std::nullopt}) == ErrorCode::NONE);
        CHECK(producers.pendingRecords(p) == 2);
        CHECK(producers.pendingPartitions(p) == std::vector<TopicPartition>{{"t", 0}});
        // An unknown topic: the producer asks the brokers to auto-create it, which the stub refuses.
        CHECK(producers.send(p, ProducerRecord{"missing", std::nullopt, std::nullopt, "x", std::nullopt}) ==
              ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
        CHECK(brokers.auto_create_requests == 1);

        while (scheduler.step()) {
        }
        // linger (5 ms) + request (1 ms): one batch of both records appended at 6, acked at 7.
        CHECK(brokers.appended_at == std::vector<TimeMs>{6});
        REQUIRE(brokers.topic.partitions[0].records.size() == 2);
        CHECK(store.value(brokers.topic.partitions[0].records[1].value) == "v2");
        CHECK(store.key(brokers.topic.partitions[0].records[0].key) == "k");
        CHECK(types(journal) == std::vector<EventType>{EventType::ProducerAdded, EventType::ProduceAcked});
        CHECK(journal.events().back().time == 7);
        CHECK(journal.events().back().b == 2);
        CHECK(producers.pendingRecords(p) == 0);
    }

    TEST_CASE("the producer component retries while the leader's broker is down") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config;
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal);
        brokers.alive = false;
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers);
        ProducerConfig pc;
        pc.acks = Acks::Leader;
        const std::int32_t p = producers.add(pc);
        producers.send(p, ProducerRecord{"t", 0, std::nullopt, "v", std::nullopt});
        while (scheduler.nextTime() >= 0 && scheduler.nextTime() < 150) scheduler.step();
        CHECK(brokers.appended_at.empty());
        const auto& failed = journal.events().back();
        CHECK(failed.type == EventType::ProduceFailed);
        CHECK(failed.error == ErrorCode::NETWORK_EXCEPTION);
        CHECK(failed.flag == 1); // retriable: retried after retry.backoff.ms
        brokers.alive = true;
        while (scheduler.step()) {
        }
        CHECK(brokers.appended_at.size() == 1);
        CHECK(journal.events().back().type == EventType::ProduceAcked);
        CHECK(producers.pendingRecords(p) == 0);
    }
}
