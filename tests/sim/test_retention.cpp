// Log retention and time-based segment rolls against Kafka 4.3.1's rules (issue #8):
// - LogManager schedules "kafka-log-retention" first log.initial.task.delay.ms (30000) after the broker
//   publishes its first metadata image, then every log.retention.check.interval.ms (LogManager.scala,
//   BrokerMetadataPublisher.initializeManagers);
// - LogSegment.shouldRoll: segment.ms counts from the largest timestamp of the segment's first batch to
//   the new batch's largest timestamp, and the roll needs strictly more than segment.ms - jitter;
// - UnifiedLog.deletableSegments: from the oldest segment while retention.ms / retention.bytes is
//   breached and the segment ends at or below the high watermark, the active segment included (a
//   deleted active segment is replaced by an empty one at the log end); never an empty active segment.
// Hand-computed times; the retencao numbers come from tests/sim/reference/retencao_retention.py.
#include "sim/cluster.h"
#include "sim/scenario.h"
#include "sim/scenario_format.h"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

using namespace fluxolab::sim;

namespace {
ClusterConfig retentionCluster(int n, std::int64_t interval_ms) {
    ClusterConfig c;
    c.brokers = n;
    c.defaults.log_retention_check_interval_ms = interval_ms;
    return c;
}

/// A record stamped `timestamp` ms after the clock's 0: record timestamps are epoch milliseconds
/// (kClockEpochMs + timestamp), the broker's clock reads them on the same scale.
ProducerRecord stamped(const std::string& topic, TimeMs timestamp, std::int32_t partition = 0) {
    ProducerRecord r;
    r.topic = topic;
    r.partition = partition;
    r.value = "v";
    r.timestamp = kClockEpochMs + timestamp;
    return r;
}

std::vector<Offset> segmentBases(const PartitionState& p) {
    std::vector<Offset> bases;
    for (const auto& s : p.segments) bases.push_back(s.base);
    return bases;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST_SUITE("sim/retention") {
    TEST_CASE("the first retention check runs log.initial.task.delay.ms after the start - then every interval") {
        // retention.ms=1000, checks every 5000 ms: the first at 30000 (not at 5000), then 35000, 40000.
        Simulation s(retentionCluster(1, 5000), 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"retention.ms", "1000"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        REQUIRE(s.send(p, stamped("t", 0)) == ErrorCode::NONE);
        s.runUntil(100);
        const PartitionState& ps = s.topic("t")->partitions[0];
        REQUIRE(ps.leaderLeo() == 1);
        REQUIRE(ps.high_watermark == 1);
        s.runUntil(29999);
        CHECK(ps.log_start == 0); // no check ran yet, although the record is 29 s older than retention.ms
        s.runUntil(30000);
        CHECK(ps.log_start == 1);
        // A record stamped 31000 is 4000 ms old at 35000 (> 1000): the check at 35000 deletes it, none before.
        s.runUntil(31000);
        REQUIRE(s.send(p, stamped("t", 31000)) == ErrorCode::NONE);
        s.runUntil(34999);
        CHECK(ps.log_start == 1);
        CHECK(ps.leaderLeo() == 2);
        s.runUntil(35000);
        CHECK(ps.log_start == 2);
    }

    TEST_CASE("log.initial.task.delay.ms and log.roll.ms are broker configs of a scenario") {
        const std::string text = R"({"name": "x", "duration": "60s",
            "cluster": {"brokers": 1, "configs": {"log.initial.task.delay.ms": 10000,
                                                  "log.retention.check.interval.ms": 2000,
                                                  "log.roll.ms": 3000, "log.roll.jitter.ms": 0}},
            "topics": [{"name": "t", "partitions": 1, "replication_factor": 1, "configs": {"retention.ms": "500"}}]})";
        ScenarioError err;
        const auto sc = parseScenario(text, "x.json", err);
        REQUIRE(sc);
        CHECK(sc->cluster.defaults.log_initial_task_delay_ms == 10000);
        CHECK(sc->cluster.defaults.log_segment_ms == 3000);
        const auto again = parseScenario(scenarioToJson(*sc), "again.json", err);
        REQUIRE(again);
        CHECK(again->cluster.defaults.log_initial_task_delay_ms == 10000);
        CHECK(again->cluster.defaults.log_segment_ms == 3000);
        CHECK(scenarioToJson(*again) == scenarioToJson(*sc));
        // The checks run at 10000, 12000, ...: a record stamped 0 goes at 10000.
        Simulation s(sc->cluster, 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"retention.ms", "500"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        REQUIRE(s.send(p, stamped("t", 0)) == ErrorCode::NONE);
        s.runUntil(9999);
        CHECK(s.topic("t")->partitions[0].log_start == 0);
        s.runUntil(10000);
        CHECK(s.topic("t")->partitions[0].log_start == 1);
        // log.roll.ms is segment.ms's default: a record stamped 3001 after the first batch's 0 rolls.
        REQUIRE(s.send(p, stamped("t", 3000)) == ErrorCode::NONE);
        s.runFor(10);
        REQUIRE(s.send(p, stamped("t", 6001)) == ErrorCode::NONE);
        s.runFor(10);
        CHECK(segmentBases(s.topic("t")->partitions[0]) == std::vector<Offset>{1, 2});
        CHECK(sc->cluster.defaults.log_roll_jitter_ms == 0);
        ScenarioError bad;
        CHECK_FALSE(parseScenario(R"({"name": "x", "cluster": {"configs": {"log.initial.task.delay.ms": -1}}})", "b.json", bad));
    }

    TEST_CASE("a restarted broker's retention check runs log.initial.task.delay.ms after its metadata catch-up") {
        // Broker 2 alone holds t-0. It stops at 10000 and starts at 20000: its LogManager starts again
        // when it publishes its first metadata image (6 network delays + quorum linger after the start,
        // 31 ms), so its first check is at 50031, not on the old schedule (30000, 35000, ...).
        Simulation s(retentionCluster(3, 5000), 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"retention.ms", "1000"}}, {{2}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        REQUIRE(s.send(p, stamped("t", 0)) == ErrorCode::NONE);
        s.runUntil(10000);
        const PartitionState& ps = s.topic("t")->partitions[0];
        REQUIRE(ps.high_watermark == 1);
        s.stopBroker(2);
        s.runUntil(20000);
        s.startBroker(2);
        s.runUntil(25000);
        REQUIRE(ps.leader == 2);
        s.runUntil(50030);
        CHECK(ps.log_start == 0);
        s.runUntil(50031);
        CHECK(ps.log_start == 1);
    }

    TEST_CASE("segment.ms counts from the first batch's largest timestamp to the new batch's - strictly more") {
        // segment.ms=1000. Timestamps (CreateTime, given by the application) differ from the append times.
        Simulation s(retentionCluster(1, 300000), 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"segment.ms", "1000"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        const PartitionState& ps = s.topic("t")->partitions[0];
        auto sendAt = [&](TimeMs at, TimeMs timestamp) {
            s.runUntil(at);
            REQUIRE(s.send(p, stamped("t", timestamp)) == ErrorCode::NONE);
            s.runFor(5);
        };
        sendAt(0, 50000);    // offset 0: the segment's first batch, 50000
        sendAt(2000, 50900); // 1: appended 2 s later, 900 ms after 50000 by timestamp: no roll
        sendAt(2010, 51000); // 2: exactly 1000: no roll (the rule is >)
        CHECK(segmentBases(ps) == std::vector<Offset>{0});
        sendAt(2020, 51001); // 3: 1001 > 1000: a new segment at 3, first batch 51001
        sendAt(2030, 40000); // 4: older than the first batch (negative wait): no roll
        sendAt(2040, 52001); // 5: 1000 after 51001: no roll
        sendAt(2050, 52002); // 6: 1001: a new segment at 6
        CHECK(segmentBases(ps) == std::vector<Offset>{0, 3, 6});
        CHECK(ps.segments[0].max_timestamp == kClockEpochMs + 51000);
        CHECK(ps.segments[1].max_timestamp == kClockEpochMs + 52001);
        // Without new batches nothing rolls, whatever the time: a roll happens only on an append.
        s.runUntil(100000);
        CHECK(segmentBases(ps) == std::vector<Offset>{0, 3, 6});
    }

    TEST_CASE("the roll counts from the first batch's largest timestamp - not its first record's") {
        Simulation s(retentionCluster(1, 300000), 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"segment.ms", "1000"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 50;
        const auto p = s.addProducer(pc);
        const PartitionState& ps = s.topic("t")->partitions[0];
        // One batch of two records stamped 99000 and 100000: the segment's first batch's largest is 100000.
        REQUIRE(s.send(p, stamped("t", 99000)) == ErrorCode::NONE);
        REQUIRE(s.send(p, stamped("t", 100000)) == ErrorCode::NONE);
        s.runUntil(200);
        REQUIRE(ps.leaderLeo() == 2);
        // 100800: 1800 after the first record, 800 after the batch's largest: no roll.
        REQUIRE(s.send(p, stamped("t", 100800)) == ErrorCode::NONE);
        s.runUntil(400);
        REQUIRE(ps.leaderLeo() == 3);
        CHECK(segmentBases(ps) == std::vector<Offset>{0});
        REQUIRE(s.send(p, stamped("t", 101001)) == ErrorCode::NONE);
        s.runUntil(600);
        CHECK(segmentBases(ps) == std::vector<Offset>{0, 3});
    }

    TEST_CASE("retention.ms deletes by the segments' largest timestamps - the active one too once the HW is at its end") {
        // retention.ms=10000, segment.ms=1000, checks at 30000, 35000, ... Segments by timestamps:
        // [0..1] stamped 1000, 1500; [2] stamped 19000 (appended at 2000); [3] stamped 25000.
        Simulation s(retentionCluster(1, 5000), 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"retention.ms", "10000"}, {"segment.ms", "1000"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        const PartitionState& ps = s.topic("t")->partitions[0];
        REQUIRE(s.send(p, stamped("t", 1000)) == ErrorCode::NONE);
        s.runFor(10);
        REQUIRE(s.send(p, stamped("t", 1500)) == ErrorCode::NONE);
        s.runUntil(2000);
        REQUIRE(s.send(p, stamped("t", 19000)) == ErrorCode::NONE);
        s.runFor(10);
        REQUIRE(s.send(p, stamped("t", 25000)) == ErrorCode::NONE);
        s.runFor(10);
        REQUIRE(segmentBases(ps) == std::vector<Offset>{0, 2, 3});
        // 30000: 30000-1500 > 10000 deletes [0..1]; 30000-19000 = 11000 > 10000 deletes [2];
        // 30000-25000 = 5000 keeps the active segment [3].
        s.runUntil(30000);
        CHECK(ps.log_start == 3);
        CHECK(segmentBases(ps) == std::vector<Offset>{3});
        // 35000: 35000-25000 = 10000, not more: kept. 40000: 15000: the active segment goes, an empty one
        // opens at the log end, and the log start offset equals the log end offset.
        s.runUntil(35000);
        CHECK(ps.log_start == 3);
        s.runUntil(40000);
        CHECK(ps.log_start == 4);
        CHECK(ps.leaderLeo() == 4);
        CHECK(ps.records.empty());
        CHECK(segmentBases(ps) == std::vector<Offset>{4});
        CHECK(ps.segments[0].bytes == 0);
        // The empty active segment is never deleted; the next record starts it (its first batch).
        s.runUntil(60000);
        CHECK(segmentBases(ps) == std::vector<Offset>{4});
        REQUIRE(s.send(p, stamped("t", 60000)) == ErrorCode::NONE);
        s.runFor(10);
        CHECK(segmentBases(ps) == std::vector<Offset>{4});
        CHECK(ps.segments[0].first_batch_timestamp == kClockEpochMs + 60000);
    }

    TEST_CASE("kafka-configs --alter retention.ms applies at the next retention check - journaled per key") {
        // The same log as above with the broker's 7 days: nothing goes at 30000. retention.ms=10000 set at
        // 31000 (IncrementalAlterConfigs) applies at the check of 35000: 35000-1500 and 35000-19000 are more
        // than 10000, 35000-25000 is not: the log start moves to 3.
        Simulation s(retentionCluster(1, 5000), 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"segment.ms", "1000"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        const PartitionState& ps = s.topic("t")->partitions[0];
        for (TimeMs ts : {1000, 1500}) {
            REQUIRE(s.send(p, stamped("t", ts)) == ErrorCode::NONE);
            s.runFor(10);
        }
        s.runUntil(2000);
        for (TimeMs ts : {19000, 25000}) {
            REQUIRE(s.send(p, stamped("t", ts)) == ErrorCode::NONE);
            s.runFor(10);
        }
        s.runUntil(31000);
        REQUIRE(ps.log_start == 0);
        const std::size_t before = s.journal().size();
        // A refused value changes nothing: LogConfig's message, no event.
        const AdminResult bad = s.alterTopicConfigs("t", {{"retention.ms", std::string("abc")}});
        CHECK(bad.error == ErrorCode::INVALID_CONFIG);
        CHECK(bad.detail_text == "Invalid value abc for configuration retention.ms: Not a number of type LONG");
        CHECK(s.journal().size() == before);
        CHECK(s.alterTopicConfigs("missing", {{"retention.ms", std::string("1")}}).error ==
              ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
        REQUIRE(s.alterTopicConfigs("t", {{"retention.ms", std::string("10000")}}).ok());
        REQUIRE(s.journal().size() == before + 1);
        CHECK(s.journal().toJson(before) ==
              R"({"t":31000,"type":"topic_config_changed","topic":"t","config":"retention.ms=10000"})");
        CHECK(s.topic("t")->configs.overrides.at("retention.ms") == "10000");
        CHECK(s.topic("t")->configs.created.count("retention.ms") == 0);
        s.runUntil(34999);
        CHECK(ps.log_start == 0);
        s.runUntil(35000);
        CHECK(ps.log_start == 3);
        // Deleting the override brings back the broker's 7 days: the last segment stays.
        REQUIRE(s.alterTopicConfigs("t", {{"retention.ms", std::nullopt}}).ok());
        CHECK(s.journal().toJson(s.journal().size() - 1) ==
              R"({"t":35000,"type":"topic_config_changed","topic":"t","config":"retention.ms","deleted":true})");
        s.runUntil(60000);
        CHECK(ps.log_start == 3);
    }

    TEST_CASE("cleanup.policy=compact turns time and size retention off - delete,compact keeps it") {
        // UnifiedLog.deleteOldSegments deletes by retention.ms / retention.bytes only when the policy holds
        // "delete" (compaction itself is not modelled).
        for (const char* policy : {"compact", "compact,delete"}) {
            CAPTURE(policy);
            Simulation s(retentionCluster(1, 5000), 1);
            REQUIRE(s.createTopic("t", 1, 1, {{"retention.ms", "1000"}, {"segment.ms", "1000"}, {"cleanup.policy", policy}}).ok());
            ProducerConfig pc;
            pc.linger_ms = 0;
            const auto p = s.addProducer(pc);
            REQUIRE(s.send(p, stamped("t", 100)) == ErrorCode::NONE);
            s.runUntil(30000);
            CHECK(s.topic("t")->partitions[0].log_start == (std::string(policy) == "compact" ? 0 : 1));
        }
    }

    TEST_CASE("retention never deletes past the high watermark") {
        // acks=1 while the follower is down but still in the ISR: the leader's log end runs ahead of the
        // HW. segment.ms=1 puts each record in its own segment; the first check at 3000 deletes the
        // segment below the HW and keeps the one above it, although both records are old.
        ClusterConfig c = retentionCluster(3, 5000); // three voters: the quorum outlives broker 2
        c.defaults.log_initial_task_delay_ms = 3000;
        Simulation s(c, 1);
        REQUIRE(s.createTopic("t", 1, 2, {{"retention.ms", "1000"}, {"segment.ms", "1"}}, {{1, 2}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        pc.acks = Acks::Leader;
        const auto p = s.addProducer(pc);
        const PartitionState& ps = s.topic("t")->partitions[0];
        REQUIRE(s.send(p, stamped("t", 0)) == ErrorCode::NONE);
        s.runUntil(1000);
        REQUIRE(ps.high_watermark == 1);
        s.stopBroker(2, true); // a crash: fenced (and out of the ISR) when its session expires at 10000
        s.runUntil(1100);
        REQUIRE(s.send(p, stamped("t", 100)) == ErrorCode::NONE);
        s.runUntil(2999);
        REQUIRE(ps.leaderLeo() == 2);
        REQUIRE(ps.high_watermark == 1);
        REQUIRE(segmentBases(ps) == std::vector<Offset>{0, 1});
        s.runUntil(3000);
        CHECK(ps.log_start == 1);
        CHECK(segmentBases(ps) == std::vector<Offset>{1});
        s.runUntil(12999);
        REQUIRE(ps.high_watermark == 2); // the ISR shrank at the fencing
        CHECK(ps.log_start == 1);
        s.runUntil(13000);
        CHECK(ps.log_start == 2);
    }

    TEST_CASE("retention.bytes deletes the oldest segments while the rest still reaches it") {
        // Each batch of one record is the same size B; segment.ms=1 puts each in its own segment.
        Simulation s(retentionCluster(1, 5000), 1);
        REQUIRE(s.createTopic("t", 1, 1, {{"segment.ms", "1"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        for (TimeMs ts = 0; ts < 5; ++ts) {
            REQUIRE(s.send(p, stamped("t", ts * 10)) == ErrorCode::NONE);
            s.runFor(10);
        }
        const PartitionState& ps = s.topic("t")->partitions[0];
        REQUIRE(segmentBases(ps) == std::vector<Offset>{0, 1, 2, 3, 4});
        const std::int64_t b = ps.segments[0].bytes;
        // retention.bytes = 2.5 B: size 5 B, delete while the rest stays >= 2.5 B: segments 0 and 1
        // (rest 3 B), not 2 (rest 2 B).
        Simulation s2(retentionCluster(1, 5000), 1);
        REQUIRE(s2.createTopic("t", 1, 1, {{"segment.ms", "1"}, {"retention.bytes", std::to_string(b * 5 / 2)}}).ok());
        const auto p2 = s2.addProducer(pc);
        for (TimeMs ts = 0; ts < 5; ++ts) {
            REQUIRE(s2.send(p2, stamped("t", ts * 10)) == ErrorCode::NONE);
            s2.runFor(10);
        }
        s2.runUntil(30000);
        CHECK(s2.topic("t")->partitions[0].log_start == 2);
        // retention.bytes = 0: every segment, the active one included.
        Simulation s3(retentionCluster(1, 5000), 1);
        REQUIRE(s3.createTopic("t", 1, 1, {{"segment.ms", "1"}, {"retention.bytes", "0"}}).ok());
        const auto p3 = s3.addProducer(pc);
        for (TimeMs ts = 0; ts < 5; ++ts) {
            REQUIRE(s3.send(p3, stamped("t", ts * 10)) == ErrorCode::NONE);
            s3.runFor(10);
        }
        s3.runUntil(30000);
        CHECK(s3.topic("t")->partitions[0].log_start == 5);
        CHECK(segmentBases(s3.topic("t")->partitions[0]) == std::vector<Offset>{5});
    }

    TEST_CASE("retencao: the log start offsets the hand reference computes") {
        // tests/sim/reference/retencao_retention.py: metricas-0 gets 26 records per segment from 200 ms,
        // metricas-1 25 then 26 from 100 ms; checks at 30 s, 35 s, ...
        ScenarioError err;
        const auto sc = parseScenario(readText(FLUXOLAB_SOURCE_DIR "/assets/scenarios/retencao.json"), "retencao.json", err);
        REQUIRE(sc);
        ScenarioRun run(*sc, sc->seed);
        const auto logStart = [&](std::size_t partition) { return run.sim().topic("metricas")->partitions[partition].log_start; };
        run.runUntil(29999);
        CHECK(logStart(0) == 0);
        CHECK(logStart(1) == 0);
        CHECK(segmentBases(run.sim().topic("metricas")->partitions[0]) == std::vector<Offset>{0, 26, 52, 78, 104, 130});
        CHECK(segmentBases(run.sim().topic("metricas")->partitions[1]) == std::vector<Offset>{0, 25, 51, 77, 103, 129});
        const std::vector<std::pair<TimeMs, std::pair<Offset, Offset>>> expected = {
            {30000, {26, 25}}, {34999, {26, 25}}, {35000, {52, 51}}, {40000, {78, 77}},
            {45000, {104, 103}}, {50000, {130, 129}}, {55000, {156, 155}}, {60000, {182, 181}}};
        for (const auto& [when, starts] : expected) {
            const auto at = when; // doctest's INFO is a lambda: Clang 14 cannot capture a binding
            run.runUntil(at);
            INFO("t = " << at);
            CHECK(logStart(0) == starts.first);
            CHECK(logStart(1) == starts.second);
        }
    }
    TEST_CASE("the real broker's retention capture replayed: the same segments and log start offsets") {
        // tests/labs/golden/real/retention.txt (tests/realkafka/capture-retention.sh): 200 records, one
        // batch each, stamped P0 - 10000 + 200 * i; retention.ms=20000, segment.ms=5000, checks every
        // 5000 ms. The real broker rolled at 26, 52, ... (record 25, stamped exactly 5000 after record 0,
        // stayed in the first segment) and its checks, 5 s apart, moved the log start offset to 52, 78,
        // ..., 182, then 200 = the log end (the active segment deleted). The simulation runs the same
        // records with its checks at the same instants after P0.
        const std::string text = readText(FLUXOLAB_SOURCE_DIR "/tests/labs/golden/real/retention.txt");
        const std::regex line(R"((\d+) logStart=(\d+) segments=\[([0-9, ]*)\])");
        std::vector<std::pair<TimeMs, Offset>> changes; // (ms after P0, log start) where it moved
        std::vector<Offset> realBases;
        for (std::sregex_iterator it(text.begin(), text.end(), line), end; it != end; ++it) {
            const TimeMs at = std::stoll((*it)[1]);
            const Offset start = std::stoll((*it)[2]);
            if (realBases.empty()) {
                std::istringstream in(std::regex_replace((*it)[3].str(), std::regex(","), " "));
                for (Offset b; in >> b;) realBases.push_back(b);
            }
            if (changes.empty() ? start != 0 : start != changes.back().second) changes.emplace_back(at, start);
        }
        REQUIRE(realBases == std::vector<Offset>{0, 26, 52, 78, 104, 130, 156, 182});
        REQUIRE(changes.size() == 7);
        for (std::size_t i = 1; i < changes.size(); ++i) {
            INFO("real check " << i);
            CHECK(std::abs(changes[i].first - changes[i - 1].first - 5000) <= 60); // 50 ms polling
        }
        // The simulated broker's checks run at D + 5000 k: P0 such that the first is the real one's. The
        // stamps start 10 s before P0 and the simulation's clock at 0, so D = 40000 rather than 30000.
        ClusterConfig c = retentionCluster(1, 5000);
        c.defaults.log_initial_task_delay_ms = 40000;
        const TimeMs p0 = 40000 - changes.front().first;
        Simulation s(c, 1);
        REQUIRE(s.createTopic("retencao", 1, 1, {{"retention.ms", "20000"}, {"segment.ms", "5000"}}).ok());
        ProducerConfig pc;
        pc.linger_ms = 0;
        const auto p = s.addProducer(pc);
        s.runUntil(p0);
        for (TimeMs i = 0; i < 200; ++i) {
            REQUIRE(s.send(p, stamped("retencao", p0 - 10000 + 200 * i)) == ErrorCode::NONE);
            s.runFor(10);
        }
        const PartitionState& ps = s.topic("retencao")->partitions[0];
        s.runUntil(39999);
        CHECK(ps.log_start == 0);
        CHECK(segmentBases(ps) == realBases);
        for (std::size_t k = 0; k < changes.size(); ++k) {
            s.runUntil(40000 + 5000 * static_cast<TimeMs>(k));
            INFO("check " << k);
            CHECK(ps.log_start == changes[k].second);
        }
        CHECK(segmentBases(ps) == std::vector<Offset>{200});
    }
}

