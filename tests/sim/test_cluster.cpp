// Targeted behaviour of the cluster model: topics, replication, HW/ISR, elections, acks, retention.
#include "sim/cluster.h"
#include "sim/kafka/controller.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace fluxolab::sim;

namespace {
ClusterConfig brokers(int n) {
    ClusterConfig c;
    c.brokers = n;
    return c;
}
std::int64_t countEvents(const Simulation& s, EventType t) {
    const auto& ev = s.journal().events();
    return std::count_if(ev.begin(), ev.end(), [t](const Event& e) { return e.type == t; });
}
std::int64_t sumEvents(const Simulation& s, EventType t, std::uint8_t flag = 0xFF) {
    std::int64_t n = 0;
    for (const auto& e : s.journal().events())
        if (e.type == t && (flag == 0xFF || e.flag == flag)) n += e.b;
    return n;
}
ProducerRecord rec(const std::string& topic, std::optional<std::string> key, std::string value,
                   std::optional<std::int32_t> partition = std::nullopt) {
    ProducerRecord r;
    r.topic = topic;
    r.key = std::move(key);
    r.value = std::move(value);
    r.partition = partition;
    return r;
}
} // namespace

TEST_SUITE("sim/cluster/topics") {
    TEST_CASE("topic ids are Kafka's: random version 4 UUIDs in base64url, never starting with '-'") {
        // Uuid.randomUuid() wraps java.util.UUID.randomUUID() (version 4, variant 2) and draws again
        // when the text starts with '-'. 2000 topics: about 31 of them started with '-' before.
        const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        std::set<std::string> seen;
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            Simulation s(brokers(1), seed);
            for (int i = 0; i < 50; ++i) {
                const std::string name = "t" + std::to_string(i);
                REQUIRE(s.createTopic(name, 1, 1).ok());
                const std::string id = s.topic(name)->topic_id;
                REQUIRE(id.size() == 22);
                CHECK(id[0] != '-');
                // Decode the 128 bits: 21 characters of 6 bits and 2 bits of the last one.
                std::uint8_t bytes[16] = {};
                int bit = 0;
                for (char c : id) {
                    const auto v = alphabet.find(c);
                    REQUIRE(v != std::string::npos);
                    for (int k = 5; k >= 0 && bit < 128; --k, ++bit)
                        if ((v >> k) & 1u) bytes[bit / 8] |= static_cast<std::uint8_t>(0x80u >> (bit % 8));
                }
                CHECK((bytes[6] >> 4) == 4);    // version 4
                CHECK((bytes[8] >> 6) == 0b10); // variant 2 (Leach-Salz)
                seen.insert(id);
            }
        }
        CHECK(seen.size() == 2000);
    }
    TEST_CASE("replication factor above the registered brokers is refused with Kafka's numbers") {
        Simulation s(brokers(1), 1);
        const AdminResult r = s.createTopic("orders", 3, 3);
        CHECK(r.error == ErrorCode::INVALID_REPLICATION_FACTOR);
        CHECK(r.detail1 == 3);
        CHECK(r.detail2 == 1);
        CHECK(s.topic("orders") == nullptr);
    }
    TEST_CASE("duplicate - bad partition counts - bad names and bad configs") {
        Simulation s(brokers(3), 1);
        REQUIRE(s.createTopic("orders", 3, 2).ok());
        CHECK(s.createTopic("orders", 3, 2).error == ErrorCode::TOPIC_ALREADY_EXISTS);
        CHECK(s.createTopic("zero", 0, 1).error == ErrorCode::INVALID_PARTITIONS);
        CHECK(s.createTopic("bad name", 1, 1).error == ErrorCode::INVALID_TOPIC_EXCEPTION);
        CHECK(s.createTopic("x", 1, 1, {{"retention.ms", "abc"}}).error == ErrorCode::INVALID_CONFIG);
        CHECK(s.createTopic("y", 1, 1, {{"no.such.config", "1"}}).error == ErrorCode::INVALID_CONFIG);
        // A LONG config takes any Java long, Long.MAX_VALUE included (it used to be refused at 19 digits).
        CHECK(s.createTopic("ts", 1, 1, {{"message.timestamp.after.max.ms", "9223372036854775807"}}).ok());
        CHECK(s.createTopic("ts2", 1, 1, {{"message.timestamp.after.max.ms", "9223372036854775808"}}).error ==
              ErrorCode::INVALID_CONFIG);
        CHECK(s.createTopic("ts3", 1, 1, {{"retention.ms", "-1"}}).ok());
        // Kafka 4.0 (KIP-1030): segment.bytes must be at least 1 MiB.
        const AdminResult small = s.createTopic("z", 1, 1, {{"segment.bytes", "200"}});
        CHECK(small.error == ErrorCode::INVALID_CONFIG);
        CHECK(small.detail_text == "Invalid value 200 for configuration segment.bytes: Value must be at least 1048576");
        CHECK(s.createTopic("z", 1, 1, {{"segment.bytes", "1048576"}}).ok());
        CHECK(s.createPartitions("orders", 2).error == ErrorCode::INVALID_PARTITIONS);
        REQUIRE(s.createPartitions("orders", 5).ok());
        CHECK(s.topic("orders")->partitions.size() == 5);
        CHECK(s.deleteTopic("nope").error == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
    }
    TEST_CASE("config values and combinations of keys the broker refuses - Kafka 4.3.1's messages") {
        // Messages as a real 4.3.1 broker and kafka-topics gave them (tests/labs/golden/real/checks.txt).
        Simulation s(brokers(1), 1);
        auto refused = [&](const std::map<std::string, std::string>& configs) {
            const AdminResult r = s.createTopic("t", 1, 1, configs);
            CHECK(r.error == ErrorCode::INVALID_CONFIG);
            return r.detail_text;
        };
        CHECK(refused({{"min.compaction.lag.ms", "10000"}, {"max.compaction.lag.ms", "5000"}}) ==
              "conflict topic config setting min.compaction.lag.ms (10000) > max.compaction.lag.ms (5000)");
        CHECK(refused({{"remote.storage.enable", "true"}}) ==
              "Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.");
        CHECK(refused({{"message.timestamp.difference.max.ms", "1000"}}) ==
              "Unknown topic config name: message.timestamp.difference.max.ms");
        CHECK(refused({{"min.cleanable.dirty.ratio", "2"}}) ==
              "Invalid value 2.0 for configuration min.cleanable.dirty.ratio: Value must be no more than 1");
        CHECK(refused({{"cleanup.policy", "compact,none"}}) ==
              "Invalid value none for configuration cleanup.policy: String must be one of: compact, delete");
        CHECK(refused({{"message.timestamp.type", "Create"}}) ==
              "Invalid value Create for configuration message.timestamp.type: String must be one of: CreateTime, LogAppendTime");
        CHECK(refused({{"segment.bytes", "abc"}}) == "Invalid value abc for configuration segment.bytes: Not a number of type INT");
        CHECK(refused({{"retention.ms", "1.5"}}) == "Invalid value 1.5 for configuration retention.ms: Not a number of type LONG");
        CHECK(refused({{"preallocate", "maybe"}}) ==
              "Invalid value maybe for configuration preallocate: Expected value to be either true or false");
        CHECK(refused({{"retention.ms", "-2"}}) == "Invalid value -2 for configuration retention.ms: Value must be at least -1");
        // The compression levels and throttled-replica lists, as the 4.3.1 jars' LogConfig validators answer
        // (ConfigKey.validator.ensureValid on LogConfig.configDefCopy(), run on kafka-clients/kafka-storage 4.3.1).
        CHECK(refused({{"compression.gzip.level", "0"}}) ==
              "Invalid value 0 for configuration compression.gzip.level: Value must be between 1 and 9 or equal to -1");
        CHECK(refused({{"compression.gzip.level", "10"}}) ==
              "Invalid value 10 for configuration compression.gzip.level: Value must be between 1 and 9 or equal to -1");
        CHECK(refused({{"compression.lz4.level", "18"}}) ==
              "Invalid value 18 for configuration compression.lz4.level: Value must be no more than 17");
        CHECK(refused({{"compression.zstd.level", "-131073"}}) ==
              "Invalid value -131073 for configuration compression.zstd.level: Value must be at least -131072");
        CHECK(refused({{"leader.replication.throttled.replicas", "*,0:1"}}) ==
              "Invalid value [*, 0:1] for configuration leader.replication.throttled.replicas: "
              "leader.replication.throttled.replicas must be the literal '*' or a list of replicas in the following "
              "format: [partitionId]:[brokerId],[partitionId]:[brokerId],...");
        CHECK(refused({{"follower.replication.throttled.replicas", "0:x, 1:2"}}) ==
              "Invalid value [0:x, 1:2] for configuration follower.replication.throttled.replicas: "
              "follower.replication.throttled.replicas must be the literal '*' or a list of replicas in the following "
              "format: [partitionId]:[brokerId],[partitionId]:[brokerId],...");
        CHECK(refused({{"remote.log.copy.disable", "0"}}) ==
              "Invalid value 0 for configuration remote.log.copy.disable: Expected value to be either true or false");
        // Before, these names were refused as unknown: they are topic configs kafka-topics --help lists.
        CHECK(s.createTopic("g1", 1, 1, {{"compression.gzip.level", "-1"}, {"compression.lz4.level", "17"}}).ok());
        CHECK(s.createTopic("g2", 1, 1, {{"compression.gzip.level", "9"}, {"compression.zstd.level", "-131072"}}).ok());
        CHECK(s.createTopic("g3", 1, 1, {{"leader.replication.throttled.replicas", " * "},
                                         {"follower.replication.throttled.replicas", "0:1, 1:2"}}).ok());
        CHECK(s.createTopic("g4", 1, 1, {{"remote.log.copy.disable", "false"}}).ok());
        // Accepted combinations: equal lags, min.insync.replicas above the replication factor (writes with
        // acks=all fail later), local retention above the total one while tiered storage is off.
        CHECK(s.createTopic("a", 1, 1, {{"min.compaction.lag.ms", "5000"}, {"max.compaction.lag.ms", "5000"}}).ok());
        CHECK(s.createTopic("b", 1, 1, {{"min.insync.replicas", "2"}}).ok());
        CHECK(s.createTopic("c", 1, 1, {{"local.retention.ms", "100000"}, {"retention.ms", "50000"}}).ok());
        CHECK(s.createTopic("d", 1, 1, {{"segment.ms", "600000"}, {"retention.ms", "60000"}}).ok());
        CHECK(s.createTopic("e", 1, 1, {{"cleanup.policy", "compact,delete"}, {"remote.storage.enable", "false"}}).ok());
        CHECK(s.topic("t") == nullptr);
    }
    TEST_CASE("replicas are spread: each broker leads its share and the preferred leader leads") {
        Simulation s(brokers(3), 9);
        REQUIRE(s.createTopic("t", 6, 3).ok());
        std::map<BrokerId, int> leaders;
        for (const auto& p : s.topic("t")->partitions) {
            CHECK(p.replicas.size() == 3);
            std::set<BrokerId> distinct(p.replicas.begin(), p.replicas.end());
            CHECK(distinct.size() == 3);
            CHECK(p.leader == p.replicas[0]);
            CHECK(p.isr.size() == 3);
            ++leaders[p.leader];
        }
        CHECK(leaders.size() == 3);
        for (const auto& [b, n] : leaders) CHECK(n == 2);
    }
}

TEST_SUITE("sim/cluster/sizes") {
    // Kafka 4.3.1's controller: at most 10000 partitions per CreateTopics request, and a topic's
    // records (1 TopicRecord + 1 ConfigRecord per config + 1 PartitionRecord per partition) within
    // 10000 records; observed on a real 4.3.1 broker (tests/labs/golden/real/sizes.txt).
    TEST_CASE("createTopic: more than 10000 partitions is refused before any other check") {
        Simulation s(brokers(3), 1);
        for (const std::int32_t n : {10001, 100000, 10000000, 2147483647}) {
            CAPTURE(n);
            const AdminResult r = s.createTopic("g", n, 1);
            CHECK(r.error == ErrorCode::POLICY_VIOLATION);
            CHECK(r.detail1 == static_cast<std::int64_t>(PolicyLimit::PartitionsPerRequest));
        }
        // Even a bad name, an existing topic or a replication factor too large: the request bound comes first.
        REQUIRE(s.createTopic("orders", 1, 1).ok());
        CHECK(s.createTopic("orders", 100000, 1).error == ErrorCode::POLICY_VIOLATION);
        CHECK(s.createTopic("bad name", 100000, 1).error == ErrorCode::POLICY_VIOLATION);
        CHECK(s.createTopic("g", 100000, 9).error == ErrorCode::POLICY_VIOLATION);
        CHECK(s.topic("g") == nullptr);
        CHECK(s.topics().size() == 1); // only orders
    }
    TEST_CASE("createTopic: the topic's records must fit in 10000 (9999 partitions - fewer with configs)") {
        Simulation s(brokers(3), 1);
        const AdminResult r = s.createTopic("g", 10000, 1);
        CHECK(r.error == ErrorCode::POLICY_VIOLATION);
        CHECK(r.detail1 == static_cast<std::int64_t>(PolicyLimit::RecordsPerOperation));
        CHECK(s.topic("g") == nullptr);
        // Errors found per topic before the records are collected still win.
        CHECK(s.createTopic("g", 10000, 4).error == ErrorCode::INVALID_REPLICATION_FACTOR);
        const AdminResult cfg = s.createTopic("h", 9999, 1, {{"retention.ms", "1000"}});
        CHECK(cfg.error == ErrorCode::POLICY_VIOLATION);
        CHECK(cfg.detail1 == static_cast<std::int64_t>(PolicyLimit::RecordsPerOperation));
        CHECK(maxPartitionsForNewTopic(0) == 9999);
        CHECK(maxPartitionsForNewTopic(2) == 9997);
        REQUIRE(s.createTopic("h", 9998, 1, {{"retention.ms", "1000"}}).ok());
        REQUIRE(s.createTopic("g", 9999, 3).ok());
        CHECK(s.topic("g")->partitions.size() == 9999);
        CHECK(s.topic("g")->partitions.back().replicas.size() == 3);
    }
    TEST_CASE("createPartitions: growing by more than 10000 fails - yet 10000 new partitions stay (as Kafka 4.3.1)") {
        Simulation s(brokers(1), 1);
        REQUIRE(s.createTopic("a", 1, 1).ok());
        const AdminResult r = s.createPartitions("a", 100000);
        CHECK(r.error == ErrorCode::UNKNOWN_SERVER_ERROR);
        CHECK(r.detail1 == 10001);
        CHECK(s.topic("a")->partitions.size() == 10001);
        REQUIRE(s.createPartitions("a", 10002).ok());
        const AdminResult back = s.createPartitions("a", 10001);
        CHECK(back.error == ErrorCode::INVALID_PARTITIONS);
        CHECK(back.detail1 == 10002);
        // Exactly 10000 new partitions is one full batch: accepted.
        REQUIRE(s.createTopic("b", 5, 1).ok());
        REQUIRE(s.createPartitions("b", 10005).ok());
        CHECK(s.topic("b")->partitions.size() == 10005);
        // The largest request the tool can send: bounded work, same partial growth.
        CHECK(s.createPartitions("b", 2147483647).error == ErrorCode::UNKNOWN_SERVER_ERROR);
        CHECK(s.topic("b")->partitions.size() == 20005);
    }
}

TEST_SUITE("sim/cluster/replication") {
    TEST_CASE("acks=all: HW reaches the LEO of every ISR replica - then the producer is acknowledged") {
        Simulation s(brokers(3), 3);
        REQUIRE(s.createTopic("t", 1, 3).ok());
        const auto p = s.addProducer({});
        for (int i = 0; i < 10; ++i) REQUIRE(s.send(p, rec("t", "k", "v" + std::to_string(i))) == ErrorCode::NONE);
        s.runFor(200);
        const PartitionState& ps = s.topic("t")->partitions[0];
        CHECK(ps.leaderLeo() == 10);
        CHECK(ps.high_watermark == 10);
        for (const auto& r : ps.replica_state) CHECK(r.leo == 10);
        CHECK(sumEvents(s, EventType::ProduceAcked) == 10);
        CHECK(s.pendingRecords(p) == 0);
    }
    TEST_CASE("close(): the producer sends what it holds and is journaled closed once after its last ack") {
        Simulation s(brokers(1), 1);
        REQUIRE(s.createTopic("t", 1, 1).ok());
        const auto p = s.addProducer({});
        REQUIRE(s.send(p, rec("t", "k", "v")) == ErrorCode::NONE);
        s.closeProducer(p);
        s.closeProducer(p); // a second close does nothing
        CHECK(s.send(p, rec("t", "k", "w")) != ErrorCode::NONE); // a closed producer refuses records
        CHECK(countEvents(s, EventType::ProducerClosed) == 0);  // close() has not returned: the record is in flight
        s.runFor(200);
        CHECK(sumEvents(s, EventType::ProduceAcked) == 1); // the record held at close() was sent
        REQUIRE(countEvents(s, EventType::ProducerClosed) == 1);
        const auto& ev = s.journal().events();
        const auto closedAt = static_cast<std::size_t>(
            std::find_if(ev.begin(), ev.end(), [](const Event& e) { return e.type == EventType::ProducerClosed; }) - ev.begin());
        const auto ackedAt = static_cast<std::size_t>(
            std::find_if(ev.begin(), ev.end(), [](const Event& e) { return e.type == EventType::ProduceAcked; }) - ev.begin());
        CHECK(ackedAt < closedAt); // it leaves the clients after its last acknowledgement
        CHECK(ev[closedAt].actor == p);
        Timeline tl(s.journal());
        CHECK(tl.at(ev.size()).producers.at(static_cast<std::size_t>(p)).closed);
        CHECK_FALSE(tl.at(closedAt).producers.at(static_cast<std::size_t>(p)).closed); // a past moment shows it open
        CHECK(s.journal().toJson(closedAt) == "{\"t\":" + std::to_string(ev[closedAt].time) +
                                                  ",\"type\":\"producer_closed\",\"producer\":\"producer-1\"}");
    }
    TEST_CASE("close() of a producer holding nothing journals producer_closed at once") {
        Simulation s(brokers(1), 1);
        const auto p = s.addProducer({});
        s.closeProducer(p);
        CHECK(countEvents(s, EventType::ProducerClosed) == 1);
    }
    TEST_CASE("a crashed follower leaves the ISR when the controller fences it (broker.session.timeout.ms)") {
        Simulation s(brokers(3), 3);
        REQUIRE(s.createTopic("t", 1, 3).ok());
        s.runFor(100);
        const BrokerId follower = s.topic("t")->partitions[0].replicas[2];
        s.stopBroker(follower, /*crash=*/true);
        const TimeMs crashed = s.now();
        s.runUntil(crashed + 8999);
        CHECK(s.topic("t")->partitions[0].isr.size() == 3);
        s.runUntil(crashed + 9001);
        CHECK(s.topic("t")->partitions[0].isr.size() == 2);
        CHECK_FALSE(s.topic("t")->partitions[0].inIsr(follower));
        s.startBroker(follower);
        // Fenced until the controller commits its unfencing (9 x 1 ms + 2 x quorum.append.linger.ms 25 =
        // 59 ms); then its next fetch (a caught-up fetch waits up to replica.fetch.wait.max.ms, 500, at
        // the leader) sends the AlterPartition (4 x 1 + 25 ms).
        s.runFor(58);
        CHECK(s.brokers()[static_cast<std::size_t>(follower - 1)].fenced);
        CHECK(s.topic("t")->partitions[0].isr.size() == 2);
        s.runFor(1000 - 58);
        CHECK_FALSE(s.brokers()[static_cast<std::size_t>(follower - 1)].fenced);
        CHECK(s.topic("t")->partitions[0].isr.size() == 3);
    }
    TEST_CASE("min.insync.replicas=2: acks=all is refused with NOT_ENOUGH_REPLICAS and the HW stops") {
        Simulation s(brokers(3), 4);
        REQUIRE(s.createTopic("t", 1, 3, {{"min.insync.replicas", "2"}}).ok());
        const auto& part = s.topic("t")->partitions[0];
        const BrokerId leader = part.leader;
        // The active controller fences each one at once (controlled shutdown); the controller's own
        // node goes last (after it, 1 of 3 voters runs: no controller any more).
        std::vector<BrokerId> followers;
        for (BrokerId b : part.replicas)
            if (b != leader) followers.push_back(b);
        std::stable_partition(followers.begin(), followers.end(), [&](BrokerId b) { return b != s.controllerId(); });
        for (BrokerId b : followers) s.stopBroker(b, false);
        CHECK(s.topic("t")->partitions[0].isr == std::vector<BrokerId>{leader});
        ProducerConfig pc;
        pc.delivery_timeout_ms = 1000;
        const auto p = s.addProducer(pc);
        REQUIRE(s.send(p, rec("t", "k", "v")) == ErrorCode::NONE);
        s.runFor(2000);
        bool sawNotEnough = false;
        for (const auto& e : s.journal().events())
            if (e.type == EventType::ProduceFailed && e.error == ErrorCode::NOT_ENOUGH_REPLICAS) sawNotEnough = true;
        CHECK(sawNotEnough);
        CHECK(sumEvents(s, EventType::ProduceAcked) == 0);
        CHECK(sumEvents(s, EventType::ProduceFailed, 0) == 1); // finally fails: delivery timeout
        // acks=1 is written, but the HW does not advance under min ISR (KIP-966), so consumers stall.
        ProducerConfig one;
        one.acks = Acks::Leader;
        const auto p1 = s.addProducer(one);
        REQUIRE(s.send(p1, rec("t", "k", "v")) == ErrorCode::NONE);
        s.runFor(100);
        CHECK(s.topic("t")->partitions[0].leaderLeo() == 1);
        CHECK(s.topic("t")->partitions[0].high_watermark == 0);
    }
    TEST_CASE("acks=1 loses acknowledged records when the leader dies before the followers fetch") {
        ClusterConfig c = brokers(3);
        c.network_delay_ms = 5;
        Simulation s(c, 5);
        REQUIRE(s.createTopic("t", 1, 3).ok());
        s.runFor(100);
        ProducerConfig one;
        one.acks = Acks::Leader;
        one.linger_ms = 0;
        const auto p = s.addProducer(one);
        const BrokerId leader = s.topic("t")->partitions[0].leader;
        REQUIRE(s.send(p, rec("t", "k", "lost")) == ErrorCode::NONE);
        s.runFor(5); // the produce request arrives and is appended at the leader
        REQUIRE(s.topic("t")->partitions[0].leaderLeo() == 1);
        CHECK(s.topic("t")->partitions[0].leader_epoch == 0); // a new partition's first leader: epoch 0, as in Kafka
        CHECK(s.topic("t")->partitions[0].epochAt(0) == 0);
        const std::size_t beforeCrash = s.journal().size();
        s.stopBroker(leader, true); // crash before any follower fetched
        s.runFor(20000);
        const PartitionState& ps = s.topic("t")->partitions[0];
        // A view of the moment before the crash still shows the lost record; the present has none.
        REQUIRE(s.recordAt(ps, 0, beforeCrash) != nullptr);
        CHECK(s.recordKey(*s.recordAt(ps, 0, beforeCrash)) == std::optional<std::string>("k"));
        CHECK(s.recordAt(ps, 0, s.journal().size()) == nullptr);
        CHECK(sumEvents(s, EventType::ProduceAcked) == 1); // the producer was told it was written...
        CHECK(ps.leader != leader);
        CHECK(ps.leaderLeo() == 0); // ...but the new leader never had it
        CHECK(countEvents(s, EventType::LogTruncated) == 0); // the old leader is down: it truncates nothing yet
        s.startBroker(leader);
        s.runFor(100); // its first fetch's answer (6 x 5 + 25 + 2 x 5 = 65 ms) names the diverging epoch
        CHECK(countEvents(s, EventType::LogTruncated) == 1);
        CHECK(s.topic("t")->partitions[0].replica(leader)->leo == 0); // the old leader truncates too
        // The offset is written again by another record: each moment shows its own.
        REQUIRE(s.send(p, rec("t", "other", "v2")) == ErrorCode::NONE);
        s.runFor(100);
        REQUIRE(s.topic("t")->partitions[0].leaderLeo() == 1);
        CHECK(s.recordKey(*s.recordAt(ps, 0, beforeCrash)) == std::optional<std::string>("k"));
        CHECK(s.recordKey(*s.recordAt(ps, 0, s.journal().size())) == std::optional<std::string>("other"));
        // The lost record's epoch left the leader epoch cache with it; the new one is the new leader's.
        CHECK(ps.leader_epoch >= 1);
        CHECK(ps.epochAt(0) == ps.leader_epoch);
    }
    TEST_CASE("unclean leader election: offline without it - data loss with it") {
        for (bool unclean : {false, true}) {
            CAPTURE(unclean);
            // Five nodes: with both replicas' brokers down, 3 of 5 voters still elect a controller
            // (with two nodes, the metadata quorum would be lost and nothing could be elected).
            Simulation s(brokers(5), 6);
            REQUIRE(s.createTopic("t", 1, 2, {{"unclean.leader.election.enable", unclean ? "true" : "false"}}).ok());
            const auto& p0 = s.topic("t")->partitions[0];
            const BrokerId leader = p0.leader;
            const BrokerId follower = p0.replicas[0] == leader ? p0.replicas[1] : p0.replicas[0];
            s.stopBroker(follower, false); // ISR = {leader}
            const auto p = s.addProducer({});
            REQUIRE(s.send(p, rec("t", "k", "v")) == ErrorCode::NONE);
            s.runFor(100);
            REQUIRE(s.topic("t")->partitions[0].high_watermark == 1);
            s.stopBroker(leader, false);
            s.startBroker(follower); // only the out-of-sync replica is back
            // If one of them was the controller: a new one within the election bound, which fences a
            // broker that stopped meanwhile broker.session.timeout.ms (9 s) after it is active.
            s.runFor(kafka::controllerElectionBound(1) + 9000 + 100);
            const PartitionState& ps = s.topic("t")->partitions[0];
            if (!unclean) {
                CHECK(ps.leader == -1);
                CHECK(ps.isr == std::vector<BrokerId>{leader}); // KRaft keeps the last ISR member
            } else {
                CHECK(ps.leader == follower);
                CHECK(ps.leaderLeo() == 0);
                CHECK(ps.high_watermark == 0);
            }
        }
    }
    TEST_CASE("retention deletes segments older than retention.ms and advances the log start") {
        ClusterConfig c = brokers(1);
        c.defaults.log_retention_check_interval_ms = 1000;
        Simulation s(c, 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"retention.ms", "5000"}, {"segment.ms", "50"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        for (int i = 0; i < 30; ++i) {
            REQUIRE(s.send(p, rec("t", std::nullopt, "0123456789012345678901234567890123456789")) == ErrorCode::NONE);
            s.runFor(10);
        }
        const PartitionState& ps = s.topic("t")->partitions[0];
        REQUIRE(ps.leaderLeo() == 30);
        // Stamped 0, 10, ..., 290: a roll each time 50 ms more than the first batch's 0, 60, 120, ...
        std::vector<Offset> bases;
        for (const auto& seg : ps.segments) bases.push_back(seg.base);
        CHECK(bases == std::vector<Offset>{0, 6, 12, 18, 24});
        CHECK(ps.log_start == 0);
        // The active segment's records keep the log until the first check: at 30000 (log.initial.task.delay.ms).
        s.runUntil(5280);
        const std::size_t beforeRetention = s.journal().size();
        s.runUntil(29999);
        CHECK(ps.log_start == 0);
        s.runUntil(30000);
        const PartitionState& after = s.topic("t")->partitions[0];
        // Every segment is older than retention.ms and the HW is at the log end: all of them go, the
        // active one included, and an empty segment opens at the log end (UnifiedLog.deleteSegments).
        CHECK(after.log_start == 30);
        CHECK(after.records.empty());
        // Deleted records are gone now but still known for views of earlier moments.
        CHECK(s.recordAt(after, 0, s.journal().size()) == nullptr);
        CHECK(s.recordAt(after, 29, s.journal().size()) == nullptr);
        REQUIRE(s.recordAt(after, 0, beforeRetention) != nullptr);
        CHECK(s.recordValue(*s.recordAt(after, 0, beforeRetention)) == "0123456789012345678901234567890123456789");
        CHECK(after.segments.size() == 1);
        CHECK(after.segments.front().base == 30);
        CHECK(after.segments.front().bytes == 0);
        CHECK(after.leaderLeo() == 30);
        CHECK(countEvents(s, EventType::LogStartAdvanced) == 1);
    }
}

TEST_SUITE("sim/cluster/producer") {
    TEST_CASE("keyed records land on murmur2 partitions - explicit partitions are honoured") {
        Simulation s(brokers(1), 1);
        REQUIRE(s.createTopic("t", 3, 1).ok());
        const auto p = s.addProducer({});
        const int expected[] = {2, 0, 2, 2, 1, 0, 1, 0, 0, 2};
        for (int i = 0; i < 10; ++i) REQUIRE(s.send(p, rec("t", std::to_string(i), "v")) == ErrorCode::NONE);
        REQUIRE(s.send(p, rec("t", "0", "forced", 1)) == ErrorCode::NONE);
        s.runFor(100);
        int seen[10] = {};
        for (const auto& ps : s.topic("t")->partitions)
            for (const Record& r : ps.records) {
                const auto key = s.recordKey(r);
                REQUIRE(key);
                if (s.recordValue(r) == "forced") {
                    CHECK(ps.partition == 1);
                    continue;
                }
                CHECK(ps.partition == expected[std::stoi(*key)]);
                ++seen[std::stoi(*key)];
            }
        for (int n : seen) CHECK(n == 1);
        CHECK(s.send(p, rec("t", "k", "v", 7)) == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
    }
    TEST_CASE("null keys: sticky partitioner switches after batch.size bytes - round robin rotates") {
        Simulation s(brokers(1), 2);
        REQUIRE(s.createTopic("t", 4, 1).ok());
        ProducerConfig sticky;
        sticky.batch_size = 1000;
        const auto p = s.addProducer(sticky);
        for (int i = 0; i < 10; ++i) REQUIRE(s.send(p, rec("t", std::nullopt, std::string(90, 'x'))) == ErrorCode::NONE);
        s.runFor(100);
        // 10 records of 100 bytes = 1000 bytes: all on the first sticky partition.
        int used = 0;
        for (const auto& ps : s.topic("t")->partitions) used += ps.records.empty() ? 0 : 1;
        CHECK(used == 1);
        ProducerConfig rr;
        rr.null_key_partitioner = NullKeyPartitioner::RoundRobin;
        const auto q = s.addProducer(rr);
        for (int i = 0; i < 8; ++i) REQUIRE(s.send(q, rec("u", std::nullopt, "v")) == ErrorCode::NONE); // auto-created, 1 partition
        REQUIRE(s.createTopic("w", 4, 1).ok());
        for (int i = 0; i < 8; ++i) REQUIRE(s.send(q, rec("w", std::nullopt, "v")) == ErrorCode::NONE);
        s.runFor(100);
        for (const auto& ps : s.topic("w")->partitions) CHECK(ps.records.size() == 2);
        CHECK(s.topic("u")->partitions.size() == 1); // num.partitions=1 for auto-created topics
    }
    // KIP-794 (RecordAccumulator.append + BuiltInPartitioner.updatePartitionInfo, Kafka 4.3.1): the bytes
    // counted for the sticky partition are the accumulator's append results. A record that opens a batch
    // counts the batch's estimated size: the 61-byte header plus the record. A keyless record with a
    // 16-byte value opening a batch is 23 bytes (size varint 1, attributes 1, timestamp delta 1, offset
    // delta 1, null key 1, value length 1 + 16, header count 1), so 61 + 23 = 84; appended to a batch at
    // offset delta 1..63 it is 23, at 64..8191 24 (a 2-byte offset delta). The switch happens once
    // produced >= batch.size (16384) and the partition's last batch is full or gone (sent), or at
    // 2 * batch.size regardless.
    TEST_CASE("null keys: sticky switch points follow the accumulator's appended bytes (hand-computed)") {
        auto value = [](int i) {
            const std::string v = std::to_string(i);
            return "r" + std::string(15 - v.size(), '0') + v; // 16 bytes
        };
        // The partition of each record, in send order, and the runs of equal partitions.
        auto runs = [&](Simulation& s, int n) {
            std::vector<std::int32_t> part(static_cast<std::size_t>(n), -1);
            for (const auto& ps : s.topic("t")->partitions)
                for (const Record& r : ps.records) part[static_cast<std::size_t>(std::stoi(s.recordValue(r).substr(1)))] = ps.partition;
            std::vector<int> out;
            for (int i = 0; i < n; ++i) {
                REQUIRE(part[static_cast<std::size_t>(i)] >= 0);
                if (i == 0 || part[static_cast<std::size_t>(i)] != part[static_cast<std::size_t>(i - 1)]) out.push_back(0);
                ++out.back();
            }
            return out;
        };
        SUBCASE("every record its own batch (linger.ms=0, each sent before the next)") {
            // Each record is a new batch: 84 bytes. 195 * 84 = 16380 < 16384 <= 196 * 84 = 16464, and the
            // 197th append finds the partition's batches all sent (partitionChanged): runs of 196.
            Simulation s(brokers(1), 5);
            REQUIRE(s.createTopic("t", 12, 1).ok());
            ProducerConfig c;
            c.linger_ms = 0;
            const auto p = s.addProducer(c);
            const int n = 3 * 196 + 10;
            for (int i = 0; i < n; ++i) {
                REQUIRE(s.send(p, rec("t", std::nullopt, value(i))) == ErrorCode::NONE);
                s.runFor(10);
                REQUIRE(s.pendingRecords(p) == 0);
            }
            CHECK(runs(s, n) == std::vector<int>{196, 196, 196, 10});
            // Every request carried one record.
            CHECK(countEvents(s, EventType::ProduceAcked) == n);
        }
        SUBCASE("all records in full batches (linger.ms=60000, sent at one instant)") {
            // One batch holds 64 records of 23 bytes then 618 of 24: 61 + 1472 + 14832 = 16365 bytes, and a
            // 683rd (24 more) would pass 16384. It closes; 16365 < 16384, so a second batch opens on the same
            // partition (16449: but its batch is not full, the switch waits). The second batch fills alike
            // (32730 < 32768); the 1365th record closes it and goes to the next partition: runs of 1364.
            Simulation s(brokers(1), 5);
            REQUIRE(s.createTopic("t", 12, 1).ok());
            ProducerConfig c;
            c.linger_ms = 60000;
            const auto p = s.addProducer(c);
            const int n = 2 * 1364 + 100;
            for (int i = 0; i < n; ++i) REQUIRE(s.send(p, rec("t", std::nullopt, value(i))) == ErrorCode::NONE);
            // The sender runs after the application's sends of the instant: the appends chose every
            // partition before any batch left. Its first Produce request takes the first batch of each of the
            // three partitions (the drain takes them whether sendable or not: the lingering 100 too), the
            // second one, at once, the two second batches of 682.
            s.runFor(100);
            std::vector<std::int64_t> acked;
            for (const auto& e : s.journal().events())
                if (e.type == EventType::ProduceAcked) acked.push_back(e.b);
            std::sort(acked.begin(), acked.end());
            CHECK(acked == std::vector<std::int64_t>{100, 682, 682, 682, 682});
            CHECK(s.pendingRecords(p) == 0);
            CHECK(runs(s, n) == std::vector<int>{1364, 1364, 100});
        }
        // Bursts of three sends (linger.ms=0), each burst acknowledged before the next. The real producer's
        // sender thread wakes at the 1st send and races the application's 2nd and 3rd: when it drains the 1st
        // record's batch first, the burst counts 84 + 84 + 23 bytes; when the application appends all three
        // first, 84 + 23 + 23. The real 4.3.1 producer does both, burst by burst: five runs of 531 records
        // (tests/realkafka/capture-sticky-switch.sh, mode burst, on a loaded 2-core machine) switched after
        // 360, 363, 360 and 360 records (one more run picked the same partition again: 531), between the two
        // pure outcomes below (258 and 381). The simulation has no thread race: the sender runs after the
        // application's sends of an instant, so each outcome is one way of writing the burst.
        auto bursts = [&](bool senderFirst, int count) {
            Simulation s(brokers(1), 5);
            REQUIRE(s.createTopic("t", 12, 1).ok());
            ProducerConfig c;
            c.linger_ms = 0;
            const auto p = s.addProducer(c);
            for (int b = 0; b < count; ++b) {
                for (int i = 0; i < 3; ++i) {
                    REQUIRE(s.send(p, rec("t", std::nullopt, value(3 * b + i))) == ErrorCode::NONE);
                    if (i == 0 && senderFirst) s.runFor(0); // the sender's run at this instant, before the 2nd send
                }
                s.runFor(20);
                REQUIRE(s.pendingRecords(p) == 0);
            }
            return runs(s, 3 * count);
        };
        SUBCASE("bursts of 3, the sender first: the 1st goes alone, the 2nd and 3rd share a batch") {
            // A burst appends 84 (new batch, sent at once), 84 (new batch: the partition has a request in
            // flight) and 23 (same batch): 191 bytes. After 85 bursts 16235; in the 86th the 2nd record
            // reaches 16403 >= 16384 but its batch is not full, so the 3rd stays on the partition (16426);
            // the 87th burst's first append finds the batches sent and switches: runs of 86 * 3 = 258.
            CHECK(bursts(true, 2 * 86 + 5) == std::vector<int>{258, 258, 15});
        }
        SUBCASE("bursts of 3, the application first: all three in one batch") {
            // 84 + 23 + 23 = 130 bytes a burst. After 126 bursts 16380 < 16384; the 127th burst's 1st record
            // reaches 16464 in a batch that is not full, so its 2nd and 3rd stay (16510); the 128th burst's
            // first append finds the batch sent and switches: runs of 127 * 3 = 381.
            CHECK(bursts(false, 2 * 127 + 5) == std::vector<int>{381, 381, 15});
        }
    }
    TEST_CASE("idempotent producer, its leader crashes with requests in flight: every record appended once, in order") {
        // 3 brokers, RF 3, a 20 ms link. r0..r7 sent a millisecond apart (linger.ms=0): r0..r4 go in 5
        // requests at once, r5..r7 wait in one batch. The leader crashes before the first requests arrive
        // (10 ms), after some are appended but not yet replicated (22 ms), or after they are replicated but
        // before the high watermark answers them (45 ms). The batches fail, go back in sequence order and
        // are retried one at a time to the new leader, which appends each once or acknowledges the copy it
        // already has (a duplicate sequence): offsets 0..7 hold r0..r7.
        for (const TimeMs crash : {10, 22, 45}) {
            CAPTURE(crash);
            ClusterConfig cc = brokers(3);
            cc.network_delay_ms = 20;
            Simulation s(cc, 3);
            REQUIRE(s.createTopic("t", 1, 3).ok());
            s.runFor(5000);
            REQUIRE(s.topic("t")->partitions[0].isr.size() == 3);
            ProducerConfig c;
            c.linger_ms = 0;
            const auto p = s.addProducer(c);
            const TimeMs t0 = s.now();
            for (int i = 0; i < 8; ++i) {
                REQUIRE(s.send(p, rec("t", std::nullopt, "r" + std::to_string(i))) == ErrorCode::NONE);
                s.runFor(1);
            }
            s.runUntil(t0 + crash);
            s.stopBroker(s.topic("t")->partitions[0].leader, true);
            s.runFor(60000);
            std::vector<std::string> values;
            for (const Record& r : s.topic("t")->partitions[0].records) values.push_back(s.recordValue(r));
            CHECK(values == std::vector<std::string>{"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"});
            CHECK(s.topic("t")->partitions[0].log_start == 0);
            CHECK(s.pendingRecords(p) == 0);
            CHECK(sumEvents(s, EventType::ProduceAcked) == 8);
        }
    }
    TEST_CASE("empty key is hashed (not null) in the Java client") {
        Simulation s(brokers(1), 1);
        REQUIRE(s.createTopic("t", 6, 1).ok());
        const auto p = s.addProducer({});
        for (int i = 0; i < 5; ++i) REQUIRE(s.send(p, rec("t", std::string(), "v")) == ErrorCode::NONE);
        s.runFor(100);
        CHECK(s.topic("t")->partitions[3].records.size() == 5); // 0x106e08d9 % 6 == 3
    }
}

#include "sim/invariant.h"

namespace {
int g_invariant_calls = 0;
void countInvariant(const char*, const char*, const char*, int) { ++g_invariant_calls; }
} // namespace

TEST_CASE("sim/invariant: a failed invariant reaches the installed handler") {
    const InvariantHandler previous = setInvariantHandler(countInvariant);
    g_invariant_calls = 0;
    FLUXOLAB_INVARIANT(1 + 1 == 2, "arithmetic");
    CHECK(g_invariant_calls == 0);
    FLUXOLAB_INVARIANT(1 + 1 == 3, "arithmetic");
    CHECK(g_invariant_calls == 1);
    setInvariantHandler(previous);
}

TEST_SUITE("sim/cluster/drain") {
    TEST_CASE("the sender drains a broker's partitions in the producer's metadata order - from a rotating index") {
        // RecordAccumulator.drainBatchesForOneNode walks Cluster.partitionsForNode, the order of the client's
        // HashMap<TopicPartition, ...>: TopicPartition.hashCode = 31 * (31 + p) + "t".hashCode() (116), so
        // 1077 + 31p; six partitions sit in a table of 8 buckets, bucket = hash & 7 = 5, 4, 3, 2, 1, 0 for
        // p = 0..5: the order is 5, 4, 3, 2, 1, 0. With max.request.size 100 one 70-byte batch fits a
        // request: the drain takes partition 5, stops at 4 (its index is kept), the next request starts
        // there; five requests go (max.in.flight 5), partition 0 waits for an answer.
        Simulation s(brokers(1), 1);
        REQUIRE(s.createTopic("t", 6, 1).ok());
        s.runFor(1000);
        ProducerConfig pc;
        pc.acks = Acks::Leader;
        pc.max_request_size = 100;
        pc.linger_ms = 0;
        const std::int32_t p = s.addProducer(pc);
        for (std::int32_t part = 0; part < 6; ++part)
            REQUIRE(s.send(p, ProducerRecord{"t", part, std::nullopt, "v", std::nullopt}) == ErrorCode::NONE);
        s.runFor(1000);
        std::vector<std::int32_t> acked;
        for (const Event& e : s.journal().events())
            if (e.type == EventType::ProduceAcked) acked.push_back(e.partition);
        CHECK(acked == std::vector<std::int32_t>{5, 4, 3, 2, 1, 0});
    }
}
