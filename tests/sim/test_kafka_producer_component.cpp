// The Kafka model's components: each registers its own timers, and the producer component works
// against nothing but its narrow ProduceBrokers interface (here a one-partition stub).
#include "sim/cluster.h"
#include "sim/kafka/producers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
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
    /// Broker 2 (when the cluster has two) leads nothing here; it answers while `second_alive`.
    bool brokerAlive(BrokerId id) const override { return (id == 1 && alive) || (id == 2 && second_alive); }
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
    bool second_alive = true;
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
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(7));

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

    TEST_CASE("the retry and reconnect backoffs grow as Kafka's ExponentialBackoff: x2, jitter 0.2, capped") {
        // Hand-computed from ExponentialBackoff(initial, 2, max, 0.2).backoff(attempts):
        // term = initial * 2^min(attempts, log2(max / initial)), times U(0.8, 1.2), capped at max.
        Rng rng(3);
        struct Case {
            TimeMs initial, max;
            std::int64_t attempts;
            TimeMs lo, hi; // lo <= backoff <= hi
        };
        const Case cases[] = {
            // retry.backoff.ms = 100, retry.backoff.max.ms = 1000 (producer defaults)
            {100, 1000, 0, 80, 119}, {100, 1000, 1, 160, 239}, {100, 1000, 2, 320, 479}, {100, 1000, 3, 640, 959},
            {100, 1000, 4, 800, 1000}, {100, 1000, 30, 800, 1000},
            // reconnect.backoff.ms = 50, reconnect.backoff.max.ms = 1000
            {50, 1000, 0, 40, 59}, {50, 1000, 1, 80, 119}, {50, 1000, 4, 640, 959}, {50, 1000, 5, 800, 1000},
            // max <= initial: Kafka's expMax is 0, the initial value without jitter
            {100, 100, 3, 100, 100}, {500, 100, 0, 100, 100}, {0, 1000, 5, 0, 0}};
        for (const auto& c : cases) {
            CAPTURE(c.initial);
            CAPTURE(c.max);
            CAPTURE(c.attempts);
            TimeMs low = c.hi, high = c.lo;
            int atMax = 0;
            for (int i = 0; i < 2000; ++i) {
                const TimeMs b = kafka::exponentialBackoff(rng, c.initial, c.max, c.attempts);
                CHECK(b >= c.lo);
                CHECK(b <= c.hi);
                low = std::min(low, b);
                high = std::max(high, b);
                atMax += b == c.max ? 1 : 0;
            }
            // The jitter covers its range: within 1% of both ends over 2000 draws.
            CHECK(low <= c.lo + (c.hi - c.lo) / 100 + (c.hi > c.lo ? 1 : 0));
            CHECK(high >= c.hi - (c.hi - c.lo) / 100 - (c.hi > c.lo ? 1 : 0));
            // At the cap, a factor >= 1 gives exactly max: about half the draws.
            if (c.lo == 800) {
                CHECK(atMax > 800);
                CHECK(atMax < 1200);
            }
        }
    }

    TEST_CASE("a dead leader: no request, connection attempts at the reconnect backoff, then the batch goes") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config; // network delay 1 ms: a connection attempt is answered (RST) after 2 ms
        config.brokers = 2;   // broker 2 still answers: the client keeps its metadata
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal);
        brokers.alive = false; // leader 1 crashed, not fenced yet: the metadata still names it
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(7));
        ProducerConfig pc;
        pc.acks = Acks::Leader;
        const std::int32_t p = producers.add(pc);
        producers.send(p, ProducerRecord{"t", 0, std::nullopt, "v", std::nullopt});
        while (scheduler.nextTime() >= 0 && scheduler.nextTime() < 10000) scheduler.step();
        CHECK(brokers.appended_at.empty());
        CHECK(producers.pendingRecords(p) == 1);
        std::vector<const Event*> failures;
        for (const auto& e : journal.events()) {
            CHECK(e.type != EventType::ProduceFailed); // no request was made, so no send failed
            if (e.type == EventType::ConnectionFailed) failures.push_back(&e);
        }
        // The batch is ready at 5 (linger.ms); the crash was seen then: first attempt after
        // backoff(0) = 50 ms x U(0.8, 1.2), answered 2 ms later; each failure draws the next wait:
        // backoff(1) in [80, 120), backoff(2) in [160, 240), [320, 480), [640, 960), then [800, 1000].
        REQUIRE(failures.size() >= 13);
        CHECK(failures.size() <= 15); // 10 s: ~67 + 1302 ms for the growth, then one per <= 1002 ms
        CHECK(failures[0]->time >= 5 + 40 + 2);
        CHECK(failures[0]->time <= 5 + 59 + 2);
        const std::pair<TimeMs, TimeMs> bounds[] = {{80, 119}, {160, 239}, {320, 479}, {640, 959}};
        for (std::size_t i = 0; i < failures.size(); ++i) {
            CAPTURE(i);
            CHECK(failures[i]->broker == 1);
            CHECK(failures[i]->actor == p);
            const auto [lo, hi] = i < 4 ? bounds[i] : std::pair<TimeMs, TimeMs>{800, 1000};
            CHECK(failures[i]->a >= lo);
            CHECK(failures[i]->a <= hi);
            if (i + 1 < failures.size()) CHECK(failures[i + 1]->time == failures[i]->time + failures[i]->a + 2);
        }
        // The broker is back: the next attempt connects (2 ms), the request arrives 1 ms later.
        brokers.alive = true;
        while (scheduler.step()) {
        }
        REQUIRE(brokers.appended_at.size() == 1);
        CHECK(brokers.appended_at[0] == failures.back()->time + failures.back()->a + 2 + 1);
        CHECK(journal.events().back().type == EventType::ProduceAcked);
        CHECK(producers.pendingRecords(p) == 0);
    }

    TEST_CASE("a batch waiting for a dead leader expires at delivery.timeout.ms after its creation") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config;
        config.brokers = 2; // broker 2 still answers: the client keeps its metadata
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal);
        brokers.alive = false;
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(11));
        ProducerConfig pc; // delivery.timeout.ms 120000
        const std::int32_t p = producers.add(pc);
        scheduler.advanceTo(1000);
        producers.send(p, ProducerRecord{"t", 0, std::nullopt, "v", std::nullopt}); // batch created at 1000
        while (scheduler.step()) {
        }
        std::vector<const Event*> failed;
        TimeMs lastAttempt = -1;
        for (const auto& e : journal.events()) {
            if (e.type == EventType::ProduceFailed) failed.push_back(&e);
            if (e.type == EventType::ConnectionFailed) lastAttempt = e.time;
        }
        REQUIRE(failed.size() == 1);
        CHECK(failed[0]->time == 1000 + 120000); // "Expiring 1 record(s) for t-0:120000 ms has passed since batch creation"
        CHECK(failed[0]->error == ErrorCode::CLIENT_DELIVERY_TIMEOUT);
        CHECK(failed[0]->flag == 0);
        CHECK(failed[0]->b == 1);
        CHECK(producers.pendingRecords(p) == 0);
        CHECK(brokers.appended_at.empty());
        // Nothing waits for broker 1 any more: the attempts stop (an attempt under way is still answered).
        CHECK(lastAttempt <= 121000 + 2);
        CHECK(lastAttempt >= 121000 - 1002);
    }

    TEST_CASE("no broker answers: send() blocks max.block.ms, then fails with 'not present in metadata'") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config; // one broker, network delay 1 ms
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal);
        brokers.alive = false; // the only broker crashed: the client rebootstraps and knows no topic
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
        ProducerConfig pc; // max.block.ms 60000
        const std::int32_t p = producers.add(pc);
        scheduler.advanceTo(1000);
        CHECK(producers.send(p, ProducerRecord{"t", 0, std::nullopt, "v", std::nullopt}) == ErrorCode::NONE);
        while (scheduler.nextTime() >= 0 && scheduler.nextTime() <= 2000) scheduler.step();
        scheduler.advanceTo(2000);
        producers.send(p, ProducerRecord{"t", 0, std::nullopt, "w", std::nullopt}); // waits behind the first
        CHECK(producers.blockedSends(p) == 2);
        CHECK(producers.pendingRecords(p) == 0); // nothing reached the accumulator
        while (scheduler.step()) {
        }
        std::vector<const Event*> failed, attempts;
        for (const auto& e : journal.events()) {
            if (e.type == EventType::ProduceFailed) failed.push_back(&e);
            if (e.type == EventType::ConnectionFailed) attempts.push_back(&e);
        }
        // The first send() blocks from 1000 to 1000 + 60000; the second is only called then (the
        // caller's thread was blocked) and waits 60000 ms more.
        REQUIRE(failed.size() == 2);
        CHECK(failed[0]->time == 61000);
        CHECK(failed[1]->time == 121000);
        for (const Event* e : failed) {
            CHECK(e->error == ErrorCode::CLIENT_METADATA_TIMEOUT);
            CHECK(e->partition == -1);
            CHECK(e->b == 1);
            CHECK(e->flag == 0);
        }
        CHECK(producers.blockedSends(p) == 0);
        CHECK(brokers.appended_at.empty());
        // Meanwhile the client tries its bootstrap server (node -1) at the reconnect backoff: the
        // first attempt backoff(0) = 40..59 ms after the send, answered 2 ms later; about one a second
        // from the sixth on; they stop once nothing waits.
        REQUIRE(attempts.size() >= 115);
        CHECK(attempts[0]->time >= 1000 + 40 + 2);
        CHECK(attempts[0]->time <= 1000 + 59 + 2);
        for (std::size_t i = 0; i < attempts.size(); ++i) {
            CAPTURE(i);
            CHECK(attempts[i]->broker == -1);
            if (i + 1 < attempts.size()) CHECK(attempts[i + 1]->time == attempts[i]->time + attempts[i]->a + 2);
        }
        CHECK(attempts.back()->time <= 121000 + 2);
        CHECK(attempts.back()->time >= 121000 - 1002);
    }

    TEST_CASE("bootstrap servers that name no broker: send() blocks max.block.ms with the cluster up - the callback is told") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config;
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal); // broker 1 runs
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
        ProducerConfig lost;
        lost.bootstrap_brokers = std::vector<BrokerId>{}; // e.g. localhost:9093 on a cluster at 9092
        lost.report_send_failures = true;
        const std::int32_t p = producers.add(lost);
        ProducerConfig found;
        found.bootstrap_brokers = std::vector<BrokerId>{1};
        found.report_send_failures = true;
        found.acks = Acks::Leader;
        const std::int32_t q = producers.add(found);
        scheduler.advanceTo(1000);
        producers.send(p, ProducerRecord{"t", std::nullopt, std::string("key"), "value", std::nullopt});
        producers.send(q, ProducerRecord{"t", std::nullopt, std::nullopt, "v", std::nullopt});
        CHECK(producers.blockedSends(p) == 1);
        CHECK(producers.blockedSends(q) == 0);
        while (scheduler.step()) {
        }
        const auto failures = producers.takeSendFailures(p);
        REQUIRE(failures.size() == 1);
        CHECK(failures[0].time == 61000);
        CHECK(failures[0].tp == TopicPartition{"t", -1});
        CHECK(failures[0].error == ErrorCode::CLIENT_METADATA_TIMEOUT);
        CHECK(failures[0].key == std::optional<std::string>("key"));
        CHECK(failures[0].value_bytes == 5);
        CHECK(producers.takeSendFailures(p).empty()); // taken once
        CHECK(producers.takeSendFailures(q).empty());
        CHECK(brokers.appended_at.size() == 1); // q's record only
        CHECK(producers.blockedSends(p) == 0);
    }

    TEST_CASE("no broker answers: the broker is back within max.block.ms and the blocked send() goes on") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config;
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal);
        brokers.alive = false;
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
        ProducerConfig pc;
        pc.acks = Acks::Leader;
        const std::int32_t p = producers.add(pc);
        scheduler.advanceTo(1000);
        producers.send(p, ProducerRecord{"t", 0, std::nullopt, "v", std::nullopt});
        while (scheduler.nextTime() >= 0 && scheduler.nextTime() < 5000) scheduler.step();
        brokers.alive = true;
        while (scheduler.step()) {
        }
        const Event* last = nullptr;
        for (const auto& e : journal.events()) {
            CHECK(e.type != EventType::ProduceFailed);
            if (e.type == EventType::ConnectionFailed) last = &e;
        }
        REQUIRE(last != nullptr);
        // The next attempt connects 2 ms after its backoff: the metadata is back, send() returns and
        // the record gets its timestamp then; linger.ms 5, then 1 ms to the leader.
        const TimeMs released = last->time + last->a + 2;
        CHECK(released > 5000);
        REQUIRE(brokers.appended_at.size() == 1);
        CHECK(brokers.appended_at[0] == released + 5 + 1);
        CHECK(brokers.topic.partitions[0].records[0].timestamp == kClockEpochMs + released); // epoch ms
        CHECK(producers.pendingRecords(p) == 0);
        CHECK(producers.blockedSends(p) == 0);
    }

    TEST_CASE("a retriable error answered by the broker: the retries back off exponentially to retry.backoff.max.ms") {
        runtime::Scheduler scheduler;
        Journal journal;
        ClusterConfig config;
        Rng rng(7);
        kafka::RecordStore store;
        StubBrokers brokers(scheduler, journal);
        brokers.topic.min_insync_replicas = 2; // replicas {1}: min(2, RF 1) = 1, so give it RF 2 with ISR {1}
        brokers.topic.partitions[0].replicas = {1, 2};
        kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
        ProducerConfig pc; // acks=all
        const std::int32_t p = producers.add(pc);
        producers.send(p, ProducerRecord{"t", 0, std::nullopt, "v", std::nullopt});
        while (scheduler.nextTime() >= 0 && scheduler.nextTime() < 20000) scheduler.step();
        std::vector<TimeMs> at;
        for (const auto& e : journal.events())
            if (e.type == EventType::ProduceFailed) {
                CHECK(e.error == ErrorCode::NOT_ENOUGH_REPLICAS);
                CHECK(e.flag == 1);
                at.push_back(e.time);
            }
        // Sent at 5 (linger), answered at 7; each retry waits backoff(attempts - 1), then 2 ms of network.
        REQUIRE(at.size() >= 20);
        CHECK(at[0] == 7);
        const std::pair<TimeMs, TimeMs> bounds[] = {{80, 119}, {160, 239}, {320, 479}, {640, 959}};
        for (std::size_t i = 0; i + 1 < at.size(); ++i) {
            CAPTURE(i);
            const auto [lo, hi] = i < 4 ? bounds[i] : std::pair<TimeMs, TimeMs>{800, 1000};
            CHECK(at[i + 1] - at[i] - 2 >= lo);
            CHECK(at[i + 1] - at[i] - 2 <= hi);
        }
        CHECK(brokers.appended_at.empty());
        CHECK(producers.pendingRecords(p) == 1);
    }

    TEST_CASE("max.request.size: send() fails a record whose size bound is above it, before any batch (RecordTooLargeException)") {
        // AbstractRecords.estimateSizeInBytesUpperBound: 61 (batch header) + 21 (record overhead at its
        // largest) + key and value with their zig-zag varint lengths (a null key: 1) + 1 (header count).
        // "abc" without a key: 61 + 21 + 1 + (1 + 3) + 1 = 88; with key "k": 61 + 21 + (1 + 1) + (1 + 3) + 1 = 89;
        // a 2 000 000-byte value: its length 2000000 zig-zags to 4000000, 22 bits, 4 bytes: 2000088
        // (tests/labs/golden/real/too-large.txt has the real producer's numbers).
        struct Case {
            std::int32_t max_request_size;
            std::optional<std::string> key;
            std::string value;
            std::int64_t bound; ///< 0: accepted
        };
        const Case cases[] = {{88, std::nullopt, "abc", 0},
                              {87, std::nullopt, "abc", 88},
                              {88, std::string("k"), "abc", 89},
                              {1048576, std::nullopt, std::string(2000000, 'x'), 2000088}};
        for (const Case& c : cases) {
            CAPTURE(c.max_request_size);
            runtime::Scheduler scheduler;
            Journal journal;
            ClusterConfig config;
            Rng rng(7);
            kafka::RecordStore store;
            StubBrokers brokers(scheduler, journal);
            kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
            ProducerConfig pc;
            pc.acks = Acks::Leader; // the stub's partition has no follower to move its high watermark
            pc.max_request_size = c.max_request_size;
            pc.report_send_failures = true;
            const std::int32_t p = producers.add(pc);
            CHECK(producers.send(p, ProducerRecord{"t", std::nullopt, c.key, c.value, std::nullopt}) == ErrorCode::NONE);
            while (scheduler.step()) {
            }
            const auto failures = producers.takeSendFailures(p);
            if (c.bound == 0) {
                CHECK(failures.empty());
                CHECK(brokers.topic.partitions[0].records.size() == 1);
                continue;
            }
            REQUIRE(failures.size() == 1);
            CHECK(failures[0].error == ErrorCode::CLIENT_RECORD_TOO_LARGE);
            CHECK(failures[0].tp == TopicPartition{"t", -1});
            CHECK(failures[0].record_bytes == c.bound);
            CHECK(failures[0].key == c.key);
            CHECK(failures[0].value_bytes == static_cast<std::int64_t>(c.value.size()));
            CHECK(brokers.topic.partitions[0].records.empty());
            CHECK(brokers.appended_at.empty());
            CHECK(producers.pendingRecords(p) == 0);
            const auto failed = std::count_if(journal.events().begin(), journal.events().end(), [](const Event& e) {
                return e.type == EventType::ProduceFailed && e.error == ErrorCode::CLIENT_RECORD_TOO_LARGE && e.flag == 0;
            });
            CHECK(failed == 1);
        }
    }

    TEST_CASE("a scenario's synthetic sends go through send()'s record size check") {
        // A synthetic record's value counts as 16 bytes: keyless, 61 + 21 + 1 + (1 + 16) + 1 = 101; with the key
        // "k", 61 + 21 + (1 + 1) + (1 + 16) + 1 = 102 (KafkaProducer.ensureValidRecordSize, as for send()).
        struct Case {
            std::int32_t max_request_size;
            bool keyed;
            std::int64_t bound; ///< 0: accepted
        };
        const Case cases[] = {{101, false, 0}, {100, false, 101}, {101, true, 102}, {102, true, 0}};
        for (const Case& c : cases) {
            CAPTURE(c.max_request_size);
            CAPTURE(c.keyed);
            runtime::Scheduler scheduler;
            Journal journal;
            ClusterConfig config;
            Rng rng(7);
            kafka::RecordStore store;
            StubBrokers brokers(scheduler, journal);
            kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
            ProducerConfig pc;
            pc.acks = Acks::Leader;
            pc.max_request_size = c.max_request_size;
            pc.report_send_failures = true;
            const std::int32_t p = producers.add(pc);
            const std::optional<std::uint32_t> key = c.keyed ? std::optional<std::uint32_t>(store.internKey("k")) : std::nullopt;
            CHECK(producers.sendSynthetic(p, "t", key) == ErrorCode::NONE);
            while (scheduler.step()) {
            }
            const auto failures = producers.takeSendFailures(p);
            if (c.bound == 0) {
                CHECK(failures.empty());
                CHECK(brokers.topic.partitions[0].records.size() == 1);
                continue;
            }
            REQUIRE(failures.size() == 1);
            CHECK(failures[0].error == ErrorCode::CLIENT_RECORD_TOO_LARGE);
            CHECK(failures[0].record_bytes == c.bound);
            CHECK(failures[0].value_bytes == 16);
            CHECK(brokers.topic.partitions[0].records.empty());
            CHECK(producers.pendingRecords(p) == 0);
        }
    }

    TEST_CASE("message.timestamp.before/after.max.ms: the leader refuses a batch with a CreateTime out of range (INVALID_TIMESTAMP)") {
        // LogValidator.validateTimestamp (Kafka 4.3.1): refused when now - ts > before.max.ms (default
        // Long.MAX_VALUE) or ts - now > after.max.ms (default 3600000), now the leader's clock when the
        // batch arrives; the whole batch fails, not retried; the record error names the refused record's
        // timestamp, its offset in the batch and [now - before, now + after].
        struct Case {
            std::map<std::string, std::string> overrides;
            std::vector<std::int64_t> timestamps; ///< one batch (sent at the same instant, t = 0)
            bool accepted;
        };
        // Timestamps are epoch milliseconds; the clock's 0 is kClockEpochMs (2025-01-01T00:00:00Z).
        const std::int64_t zero = kClockEpochMs;
        const std::int64_t future = kClockEpochMs + 3600000 + 100; // an hour ahead of the leader's clock at arrival, and more
        const Case cases[] = {
            {{}, {zero}, true},
            {{}, {zero, future}, false},
            {{{"message.timestamp.after.max.ms", "1000000000000000"}}, {zero, future, 1780000000000}, true},
            {{{"message.timestamp.before.max.ms", "0"}}, {zero}, false}, // stamped at 0, it arrives later
            {{{"message.timestamp.type", "LogAppendTime"}, {"message.timestamp.before.max.ms", "0"}}, {zero}, true},
            {{}, {future, future}, false},
        };
        for (const Case& c : cases) {
            CAPTURE(c.timestamps.size());
            runtime::Scheduler scheduler;
            Journal journal;
            ClusterConfig config;
            Rng rng(7);
            kafka::RecordStore store;
            StubBrokers brokers(scheduler, journal);
            brokers.topic.configs.overrides = c.overrides;
            kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
            ProducerConfig pc;
            pc.acks = Acks::Leader;
            pc.report_send_failures = true;
            const std::int32_t p = producers.add(pc);
            for (const std::int64_t ts : c.timestamps)
                CHECK(producers.send(p, ProducerRecord{"t", std::nullopt, std::nullopt, "v", ts}) == ErrorCode::NONE);
            while (scheduler.step()) {
            }
            const auto failures = producers.takeSendFailures(p);
            if (c.accepted) {
                CHECK(failures.empty());
                REQUIRE(brokers.topic.partitions[0].records.size() == c.timestamps.size());
                // LogAppendTime: the leader's clock at the append (linger.ms 5 + network delay 1) replaces the
                // producer's timestamp; CreateTime keeps it.
                const bool appendTime = c.overrides.count("message.timestamp.type") > 0;
                for (std::size_t i = 0; i < c.timestamps.size(); ++i)
                    CHECK(brokers.topic.partitions[0].records[i].timestamp ==
                          (appendTime ? kClockEpochMs + pc.linger_ms + config.network_delay_ms : c.timestamps[i]));
                continue;
            }
            CHECK(brokers.topic.partitions[0].records.empty());
            REQUIRE(failures.size() == c.timestamps.size());
            // Sent when linger.ms (5) ends, at the leader one network delay (1) later: the leader's clock reads 6
            // (epoch milliseconds: kClockEpochMs + 6).
            const TimeMs arrival = kClockEpochMs + pc.linger_ms + config.network_delay_ms;
            // Default limits: the records an hour ahead are refused; before.max.ms=0: every record (older than now).
            const auto refused = static_cast<std::int32_t>(
                c.overrides.empty() ? std::count(c.timestamps.begin(), c.timestamps.end(), future)
                                    : static_cast<std::ptrdiff_t>(c.timestamps.size()));
            for (std::size_t i = 0; i < failures.size(); ++i) {
                CAPTURE(i);
                CHECK(failures[i].error == ErrorCode::INVALID_TIMESTAMP);
                CHECK(failures[i].timestamp == c.timestamps[i]);
                CHECK(failures[i].batch_index == static_cast<std::int32_t>(i));
                CHECK(failures[i].refused_in_batch == refused);
                CHECK(failures[i].timestamp_refused == (c.timestamps[i] == future || !c.overrides.empty()));
                if (c.overrides.empty()) {
                    CHECK(failures[i].valid_from == arrival - INT64_MAX);
                    CHECK(failures[i].valid_to == arrival + 3600000);
                } else {
                    CHECK(failures[i].valid_from == arrival);
                    CHECK(failures[i].valid_to == arrival + 3600000);
                }
            }
            const auto failed = std::count_if(journal.events().begin(), journal.events().end(), [](const Event& e) {
                return e.type == EventType::ProduceFailed && e.error == ErrorCode::INVALID_TIMESTAMP && e.flag == 0;
            });
            CHECK(failed == 1);
        }
    }

    TEST_CASE("max.message.bytes: the leader refuses a batch larger than the topic's limit (MESSAGE_TOO_LARGE), not retried") {
        // The batch as written: 61 + the record (its length varint 1 + attributes 1 + timestamp delta 1
        // + offset delta 1 + null key 1 + value length 1 + 29 + header count 1 = 36) = 97 bytes.
        const std::string value = "this is longer than ten bytes";
        struct Case {
            std::optional<std::string> limit; ///< the topic's max.message.bytes; unset: message.max.bytes 1048588
            std::string value;
            bool accepted;
        };
        const Case cases[] = {{std::string("97"), value, true},
                              {std::string("96"), value, false},
                              {std::string("10"), value, false},
                              // A value of v bytes near 1 MiB (its length and the record's body length take
                              // 3 varint bytes each): 61 + 3 + (1 + 1 + 1 + 1 + 3 + v + 1) = v + 72, so
                              // v = 1048516 is exactly message.max.bytes (1048588) and accepted, v + 1 is not.
                              {std::nullopt, std::string(1048516, 'x'), true},
                              {std::nullopt, std::string(1048517, 'x'), false}};
        for (const Case& c : cases) {
            CAPTURE(c.limit.value_or("default"));
            CAPTURE(c.value.size());
            runtime::Scheduler scheduler;
            Journal journal;
            ClusterConfig config;
            Rng rng(7);
            kafka::RecordStore store;
            StubBrokers brokers(scheduler, journal);
            if (c.limit) brokers.topic.configs.overrides["max.message.bytes"] = *c.limit;
            kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(5));
            ProducerConfig pc;
            pc.acks = Acks::Leader;          // the stub's partition has no follower to move its high watermark
            pc.max_request_size = 2000000;   // above the 1 MiB values' bounds: only the topic's limit applies
            pc.report_send_failures = true;
            const std::int32_t p = producers.add(pc);
            producers.send(p, ProducerRecord{"t", std::nullopt, std::nullopt, c.value, std::nullopt});
            while (scheduler.step()) {
            }
            const auto failures = producers.takeSendFailures(p);
            CHECK(brokers.topic.partitions[0].records.size() == (c.accepted ? 1u : 0u));
            if (c.accepted) {
                CHECK(failures.empty());
                continue;
            }
            REQUIRE(failures.size() == 1);
            CHECK(failures[0].error == ErrorCode::MESSAGE_TOO_LARGE);
            CHECK(failures[0].tp == TopicPartition{"t", 0});
            CHECK(failures[0].value_bytes == static_cast<std::int64_t>(c.value.size()));
            CHECK(producers.pendingRecords(p) == 0);
            const auto failed = std::count_if(journal.events().begin(), journal.events().end(), [](const Event& e) {
                return e.type == EventType::ProduceFailed && e.error == ErrorCode::MESSAGE_TOO_LARGE;
            });
            CHECK(failed == 1); // not retriable: one attempt
        }
    }

    TEST_CASE("max.in.flight.requests.per.connection: 5 Produce requests in flight to one broker, the 6th waits - 1: one batch at a time") {
        // A slow link (100 ms each way) and a record sent every millisecond, linger.ms=0, acks=1 (the stub
        // answers at once). Each send wakes the sender, which sends the new one-record batch at once while
        // the connection has fewer than max.in.flight requests in flight (NetworkClient.canSendMore).
        auto run = [](std::int32_t max_in_flight) {
            runtime::Scheduler scheduler;
            Journal journal;
            ClusterConfig config;
            config.network_delay_ms = 100;
            Rng rng(7);
            kafka::RecordStore store;
            StubBrokers brokers(scheduler, journal);
            kafka::Producers producers(scheduler, config, journal, rng, store, brokers, runtime::RngStreams(7));
            ProducerConfig pc;
            pc.acks = Acks::Leader;
            pc.linger_ms = 0;
            pc.max_in_flight = max_in_flight;
            const std::int32_t p = producers.add(pc);
            auto runUntil = [&](TimeMs t) {
                while (scheduler.nextTime() >= 0 && scheduler.nextTime() <= t) scheduler.step();
                scheduler.advanceTo(t);
            };
            for (int i = 0; i < 7; ++i) {
                REQUIRE(producers.send(p, ProducerRecord{"t", std::nullopt, std::nullopt, "r" + std::to_string(i), std::nullopt}) ==
                        ErrorCode::NONE);
                runUntil(i + 1);
            }
            runUntil(1000);
            std::vector<std::string> values;
            for (const auto& r : brokers.topic.partitions[0].records) values.push_back(store.value(r.value));
            CHECK(values == std::vector<std::string>{"r0", "r1", "r2", "r3", "r4", "r5", "r6"});
            CHECK(producers.pendingRecords(p) == 0);
            return brokers.appended_at;
        };
        // 5: r0..r4 leave at 0..4 and arrive at 100..104; r5 (5) finds 5 requests in flight and waits, r6
        // (6) joins its batch; the answer to r0's request (200) frees the connection: r5+r6 arrive at 300.
        CHECK(run(5) == std::vector<TimeMs>{100, 101, 102, 103, 104, 300});
        // 1 (guaranteeMessageOrder): the partition is muted while r0 is in flight; r1..r6 share one batch.
        CHECK(run(1) == std::vector<TimeMs>{100, 300});
    }
}
