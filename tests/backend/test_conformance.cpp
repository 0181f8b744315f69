// One conformance suite for every ClusterBackend: the same calls give the same observable results
// (ids, hosts and times left out) on the simulation and on a real Kafka 4.3.1 broker through
// librdkafka. FLUXOLAB_BACKEND selects the backend:
//   sim  (default)  SimBackend, one broker
//   real            RdKafkaBackend on the broker kafka-broker.sh started; its ports file is in
//                   $FLUXOLAB_KAFKA_STATE (ctest: fixture realkafka, label real)
#include "labs/rdkafka/rdkafka_backend.h"
#include "labs/backend/sim_backend.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "sim/hash.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <numeric>
#include <set>

using namespace fluxolab::labs;

namespace {

bool realMode() {
    const char* m = std::getenv("FLUXOLAB_BACKEND");
    return m && std::string(m) == "real";
}

std::string realBootstrap() {
    const char* state = std::getenv("FLUXOLAB_KAFKA_STATE");
    REQUIRE_MESSAGE(state, "FLUXOLAB_KAFKA_STATE must point at the folder of kafka-broker.sh start");
    std::ifstream f(std::string(state) + "/ports");
    REQUIRE_MESSAGE(f.good(), "no broker started (run tests/realkafka/kafka-broker.sh start)");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("PORT=", 0) == 0) return "127.0.0.1:" + line.substr(5);
    FAIL("no PORT in the ports file");
    return {};
}

std::unique_ptr<ClusterBackend> makeBackend() {
    if (realMode()) {
        RdKafkaConnection c;
        c.bootstrap_servers = realBootstrap();
        return std::make_unique<RdKafkaBackend>(c);
    }
    return std::make_unique<SimBackend>(42, 1);
}

/// Names unique to this run: the real broker keeps what earlier runs created.
std::string unique(const ClusterBackend& b, const std::string& base) {
    if (!realMode()) return base;
    return base + "-" + std::to_string(b.nowMs() % 100000000);
}

/// Lets cluster time pass (virtual or real) until `done`, at most `max_ms`. On the real broker
/// nothing is assumed to have happened by the time a call returns: the metadata a controller
/// committed reaches the broker's cache a little later (KRaft), a group's coordinator may still be
/// loading __consumer_offsets, a consumer applies its assignment when it is served after SyncGroup.
/// Each such observation waits here for its condition, bounded (a liveness check, not a sleep).
bool waitFor(ClusterBackend& b, const std::function<bool()>& done, TimeMs max_ms = 60000) {
    const TimeMs end = b.nowMs() + max_ms;
    while (!done()) {
        if (b.nowMs() >= end) return false;
        b.advance(100);
    }
    return true;
}

Offset totalHw(ClusterBackend& b, const std::string& topic, std::int32_t partitions) {
    Offset sum = 0;
    for (std::int32_t p = 0; p < partitions; ++p) sum += b.latestOffset({topic, p});
    return sum;
}

bool listed(ClusterBackend& b, const std::string& topic) {
    const auto topics = b.listTopics(false);
    return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

/// The topic as the broker's metadata describes it once it has `partitions` partitions, each with
/// a leader, and its configs (DescribeConfigs) came back; nullopt when that does not happen in time.
std::optional<TopicInfo> describeSettled(ClusterBackend& b, const std::string& topic, std::size_t partitions) {
    std::optional<TopicInfo> info;
    waitFor(b, [&] {
        info = b.describeTopic(topic);
        return info && info->partitions.size() == partitions && !info->configs.empty() &&
               std::all_of(info->partitions.begin(), info->partitions.end(),
                           [](const PartitionInfo& p) { return p.leader >= 0; });
    });
    return info;
}

/// The group's coordinator answers (COORDINATOR_NOT_AVAILABLE / _LOAD_IN_PROGRESS / NOT_COORDINATOR
/// while __consumer_offsets is created and loaded: the first group on a fresh broker).
bool coordinatorNotReady(ErrorCode e) {
    return e == ErrorCode::COORDINATOR_NOT_AVAILABLE || e == ErrorCode::COORDINATOR_LOAD_IN_PROGRESS ||
           e == ErrorCode::NOT_COORDINATOR;
}

} // namespace

TEST_CASE("conformance: topic admin (create - describe - errors - partitions - delete)") {
    auto b = makeBackend();
    const std::string topic = unique(*b, "conf-topics");

    const ProbeResult probe = b->probe(5000);
    CHECK_MESSAGE(probe.reached(), clientErrorName(probe.status), ": ", probe.detail);
    CHECK(probe.brokers == 1);
    const auto brokers = b->brokers();
    REQUIRE(brokers.size() == 1);
    const std::int32_t broker = brokers[0].id;

    BackendResult r = b->createTopic(topic, 3, 1, {});
    REQUIRE_MESSAGE(r.ok(), r.message);
    CHECK(waitFor(*b, [&] { return listed(*b, topic); }));

    const auto info = describeSettled(*b, topic, 3);
    REQUIRE(info.has_value());
    CHECK(info->name == topic);
    CHECK_FALSE(info->internal);
    REQUIRE(info->partitions.size() == 3);
    for (std::int32_t p = 0; p < 3; ++p) {
        const PartitionInfo& pi = info->partitions[static_cast<std::size_t>(p)];
        CHECK(pi.partition == p);
        CHECK(pi.leader == broker);
        CHECK(pi.replicas == std::vector<std::int32_t>{broker});
        CHECK(pi.isr == std::vector<std::int32_t>{broker});
        CHECK(pi.log_start == 0);
        CHECK(pi.high_watermark == 0);
    }
    // The stock server.properties sets log.segment.bytes (STATIC_BROKER_CONFIG), and a 4.3.1
    // controller with eligible leader replicas on sets min.insync.replicas=1 as a cluster default
    // (DYNAMIC_DEFAULT_BROKER_CONFIG): TopicCommand shows both ("Configs:
    // min.insync.replicas=1,segment.bytes=1073741824", checked with the real 4.3.1 tool). The
    // simulation lists only segment.bytes: a known difference, reported, left to the sim.
    std::map<std::string, std::string> configs(info->configs.begin(), info->configs.end());
    CHECK(configs["segment.bytes"] == "1073741824");
    WARN_MESSAGE(configs.count("min.insync.replicas") == 1,
                 "known difference: this backend does not report min.insync.replicas=1 (real 4.3.1 does)");
    for (const auto& kv : configs) { // not a structured binding: doctest's macros are lambdas (Clang 14)
        const std::string &k = kv.first, &v = kv.second;
        CHECK_MESSAGE((k == "segment.bytes" || k == "min.insync.replicas"), k, "=", v);
    }

    r = b->createTopic(topic, 1, 1, {});
    CHECK(r.error == ErrorCode::TOPIC_ALREADY_EXISTS);
    CHECK(r.message == "Topic '" + topic + "' already exists.");

    r = b->createTopic(unique(*b, "conf-rf3"), 1, 3, {});
    CHECK(r.error == ErrorCode::INVALID_REPLICATION_FACTOR);
    CHECK(r.message == "Unable to replicate the partition 3 time(s): The target replication factor of 3 cannot be "
                       "reached because only 1 broker(s) are registered or some brokers have all their log "
                       "directories cordoned.");

    const std::string cfgTopic = unique(*b, "conf-cfg");
    r = b->createTopic(cfgTopic, 1, 1, {{"retention.ms", "60000"}, {"cleanup.policy", "compact"}});
    REQUIRE_MESSAGE(r.ok(), r.message);
    const auto cfg = describeSettled(*b, cfgTopic, 1);
    REQUIRE(cfg.has_value());
    std::set<std::pair<std::string, std::string>> cfgSet(cfg->configs.begin(), cfg->configs.end());
    CHECK(cfgSet.count({"retention.ms", "60000"}) == 1);
    CHECK(cfgSet.count({"cleanup.policy", "compact"}) == 1);

    r = b->createPartitions(topic, 4);
    REQUIRE_MESSAGE(r.ok(), r.message);
    REQUIRE(describeSettled(*b, topic, 4).has_value());
    r = b->createPartitions(topic, 2);
    CHECK(r.error == ErrorCode::INVALID_PARTITIONS);
    CHECK(r.message == "The topic " + topic + " currently has 4 partition(s); 2 would not be an increase.");
    r = b->createPartitions(topic, 4);
    CHECK(r.error == ErrorCode::INVALID_PARTITIONS);
    CHECK(r.message == "Topic already has 4 partition(s).");

    REQUIRE(b->deleteTopic(topic).ok());
    // Gone from the metadata (describe) and from the list, both read again until then.
    CHECK(waitFor(*b, [&] { return !b->describeTopic(topic).has_value(); }));
    CHECK(waitFor(*b, [&] { return !listed(*b, topic); }));
    b->deleteTopic(cfgTopic);
    CHECK(b->describeTopic("conf-never-created").has_value() == false);
}

TEST_CASE("conformance: keyed records land on the Java client's partitions - offsets and timestamps") {
    auto b = makeBackend();
    const std::string topic = unique(*b, "conf-keys");
    REQUIRE(b->createTopic(topic, 3, 1, {}).ok());

    ProducerSettings ps;
    ps.linger_ms = 5;
    const TimeMs before = b->nowMs();
    const auto producer = b->openProducer(ps);
    REQUIRE(producer >= 0);
    for (int i = 0; i < 12; ++i) {
        const BackendResult r = b->send(producer, topic, "key-" + std::to_string(i), "value-" + std::to_string(i));
        REQUIRE_MESSAGE(r.ok(), r.message);
    }
    b->closeProducer(producer);
    CHECK(waitFor(*b, [&] { return totalHw(*b, topic, 3) == 12; }));

    std::map<std::string, std::int32_t> landed;
    for (std::int32_t p = 0; p < 3; ++p) {
        CHECK(b->earliestOffset({topic, p}) == 0);
        const auto records = b->readRecords({topic, p});
        CHECK(static_cast<Offset>(records.size()) == b->latestOffset({topic, p}));
        for (std::size_t i = 0; i < records.size(); ++i) {
            CHECK(records[i].offset == static_cast<Offset>(i));
            CHECK(records[i].timestamp_ms >= before - 1000);
            REQUIRE(records[i].key.has_value());
            landed[*records[i].key] = p;
        }
    }
    REQUIRE(landed.size() == 12);
    for (const auto& kp : landed) // not a structured binding: doctest's macros are lambdas (Clang 14)
        CHECK_MESSAGE(kp.second == fluxolab::sim::javaKeyPartition(kp.first, 3), kp.first);

    // ListOffsets by timestamp: the first record at or after it; none after the last record.
    const TopicPartition tp{topic, landed["key-0"]};
    CHECK(b->offsetForTimestamp(tp, before - 60000) == std::optional<Offset>(0));
    CHECK_FALSE(b->offsetForTimestamp(tp, b->nowMs() + 3600000).has_value());
    b->deleteTopic(topic);
}

TEST_CASE("conformance: a consumer group (join - state - assignment - commits - offsets admin - delete)") {
    auto b = makeBackend();
    const std::string topic = unique(*b, "conf-group-topic");
    const std::string group = unique(*b, "conf-group");
    REQUIRE(b->createTopic(topic, 2, 1, {}).ok());
    const auto producer = b->openProducer(ProducerSettings{});
    for (int i = 0; i < 6; ++i) REQUIRE(b->send(producer, topic, "k" + std::to_string(i), "v").ok());
    b->closeProducer(producer);
    REQUIRE(waitFor(*b, [&] { return totalHw(*b, topic, 2) == 6; }));

    CHECK_FALSE(b->describeGroup(group).has_value());
    // On a fresh broker this may be the first group: its coordinator is not ready until
    // __consumer_offsets exists and is loaded (the backend retries for one request timeout only).
    BackendResult missing;
    REQUIRE(waitFor(*b, [&] {
        missing = b->deleteGroup(group);
        return !coordinatorNotReady(missing.error);
    }));
    CHECK(missing.error == ErrorCode::GROUP_ID_NOT_FOUND);
    CHECK(missing.message == "The group id does not exist.");

    ConsumerSettings cs;
    cs.group_id = group;
    cs.client_id = "conf-client";
    cs.earliest = true;
    cs.topics = {topic};
    const auto consumer = b->openConsumer(cs);
    std::vector<StoredRecord> got;
    REQUIRE(waitFor(*b, [&] {
        auto more = b->takeRecords(consumer);
        got.insert(got.end(), more.begin(), more.end());
        return got.size() >= 6;
    }));
    CHECK(got.size() == 6);
    CHECK(b->hasAssignment(consumer));

    std::optional<GroupInfo> live;
    CHECK(waitFor(*b, [&] {
        live = b->describeGroup(group);
        return live && live->state == GroupState::Stable && live->members.size() == 1;
    }));
    REQUIRE(live.has_value());
    CHECK(std::string(groupStateName(live->state)) == "Stable");
    CHECK(live->protocol == "range");
    REQUIRE(live->members.size() == 1);
    CHECK(live->members[0].client_id == "conf-client");
    auto assigned = live->members[0].assignment;
    std::sort(assigned.begin(), assigned.end());
    CHECK(assigned == std::vector<TopicPartition>{{topic, 0}, {topic, 1}});
    CHECK(live->coordinator.id == b->brokers().at(0).id);

    // A live member's topic: its offsets cannot be deleted; the group cannot be deleted.
    const auto busy = b->deleteGroupOffsets(group, {{topic, 0}});
    CHECK(busy.error == ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC);
    const auto nonEmpty = b->deleteGroup(group);
    CHECK(nonEmpty.error == ErrorCode::NON_EMPTY_GROUP);
    CHECK(nonEmpty.message == "The group is not empty."); // Errors.java's text, one table (sim/kafka_errors.h)

    b->closeConsumer(consumer); // auto-commit on close, then LeaveGroup
    std::optional<GroupInfo> empty;
    REQUIRE(waitFor(*b, [&] {
        empty = b->describeGroup(group);
        return empty && empty->state == GroupState::Empty;
    }));
    CHECK(empty->members.empty());
    Offset committed = 0;
    for (const auto& [tp, o] : empty->committed) committed += o;
    CHECK(committed == 6);

    REQUIRE(b->alterGroupOffsets(group, {{{topic, 0}, 0}}).ok());
    CHECK(b->describeGroup(group)->committed.at({topic, 0}) == 0);

    const auto deleted = b->deleteGroupOffsets(group, {{topic, 1}});
    CHECK(deleted.error == ErrorCode::NONE);
    CHECK(deleted.partitions.at({topic, 1}) == ErrorCode::NONE);
    CHECK(b->describeGroup(group)->committed.count({topic, 1}) == 0);

    const auto groups = b->listGroups();
    CHECK(std::find(groups.begin(), groups.end(), group) != groups.end());
    REQUIRE(b->deleteGroup(group).ok());
    CHECK_FALSE(b->describeGroup(group).has_value());
    const auto noGroup = b->deleteGroupOffsets(group, {{topic, 0}});
    CHECK(noGroup.error == ErrorCode::GROUP_ID_NOT_FOUND);
    b->deleteTopic(topic);
}

TEST_CASE("conformance: a pattern subscription picks up a matching topic created later") {
    // kafka-console-consumer --include: subscribe(Pattern). The Java consumer matches the pattern
    // against the topics of each metadata refresh (metadata.max.age.ms; 2 s here instead of 5 min).
    auto b = makeBackend();
    const std::string base = unique(*b, "conf-pattern");
    const std::string first = base + "-a", later = base + "-b", other = unique(*b, "conf-unmatched");
    REQUIRE(b->createTopic(first, 1, 1, {}).ok());
    CHECK(b->subscribesByPattern());
    ConsumerSettings cs;
    cs.group_id = unique(*b, "conf-pattern-group");
    cs.earliest = true;
    cs.topic_pattern = [base](const std::string& t) { return t.rfind(base + "-", 0) == 0; };
    cs.topics = {first}; // what the tool passes along: the matches now
    cs.metadata_max_age_ms = 2000;
    const auto producer = b->openProducer(ProducerSettings{});
    REQUIRE(b->send(producer, first, std::nullopt, "one").ok());
    b->closeProducer(producer);
    const auto consumer = b->openConsumer(cs);
    REQUIRE(consumer >= 0);
    std::vector<StoredRecord> got;
    auto take = [&] {
        auto more = b->takeRecords(consumer);
        got.insert(got.end(), more.begin(), more.end());
    };
    REQUIRE(waitFor(*b, [&] { take(); return !got.empty(); }));
    CHECK(got[0].tp.topic == first);
    // Two topics created after the subscription, one matching; a record in each.
    REQUIRE(b->createTopic(later, 1, 1, {}).ok());
    REQUIRE(b->createTopic(other, 1, 1, {}).ok());
    const auto producer2 = b->openProducer(ProducerSettings{});
    REQUIRE(b->send(producer2, later, std::nullopt, "two").ok());
    REQUIRE(b->send(producer2, other, std::nullopt, "three").ok());
    b->closeProducer(producer2);
    // The next refresh (at most 2 s on) adds it; the group rebalances and reads it from its start.
    REQUIRE(waitFor(*b, [&] { take(); return got.size() >= 2; }, 60000));
    CHECK(got[1].tp.topic == later);
    CHECK(got[1].value == "two");
    b->advance(3000); // one more refresh: the unmatched topic stays out
    take();
    CHECK(got.size() == 2);
    for (const StoredRecord& r : got) CHECK(r.tp.topic != other);
    b->closeConsumer(consumer);
    b->deleteGroup(cs.group_id);
    for (const std::string& t : {first, later, other}) b->deleteTopic(t);
}

TEST_CASE("conformance: kafka-console-consumer --include prints the records of a topic created while it runs") {
    // The tool's path: --command-property metadata.max.age.ms reaches the backend's pattern refresh.
    auto b = makeBackend();
    const std::string base = unique(*b, "conf-include");
    REQUIRE(b->createTopic(base + "-a", 1, 1, {}).ok());
    const auto producer = b->openProducer(ProducerSettings{});
    REQUIRE(b->send(producer, base + "-a", std::nullopt, "first-record").ok());
    b->closeProducer(producer);
    KafkaCli cli(*b);
    const std::string bootstrap = realMode() ? realBootstrap() : "localhost:9092";
    auto s = cli.start({"kafka-console-consumer.sh", "--bootstrap-server", bootstrap, "--include", base + "-.*",
                        "--from-beginning", "--group", unique(*b, "conf-include-group"), "--command-property",
                        "metadata.max.age.ms=2000"});
    std::string out;
    auto pumpUntil = [&](const std::string& text) {
        for (int i = 0; i < 600 && out.find(text) == std::string::npos && !s->finished(); ++i) {
            s->pump(100);
            for (const auto& c : s->takeOutput())
                if (c.stream == OutStream::Out) out += c.text;
        }
        return out.find(text) != std::string::npos;
    };
    REQUIRE_MESSAGE(pumpUntil("first-record"), out);
    REQUIRE(b->createTopic(base + "-b", 1, 1, {}).ok());
    const auto producer2 = b->openProducer(ProducerSettings{});
    REQUIRE(b->send(producer2, base + "-b", std::nullopt, "later-record").ok());
    b->closeProducer(producer2);
    CHECK_MESSAGE(pumpUntil("later-record"), out);
    CHECK(out == "first-record\nlater-record\n");
    s->interrupt();
    for (int i = 0; i < 300 && !s->finished(); ++i) s->pump(100);
    CHECK(s->finished());
    b->deleteTopic(base + "-a");
    b->deleteTopic(base + "-b");
}

TEST_CASE("conformance: CooperativeStickyAssignor - two members share the partitions - one leaves") {
    // --consumer-property partition.assignment.strategy=...CooperativeStickyAssignor: librdkafka's
    // cooperative-sticky, whose rebalances give and take only the partitions that move.
    auto b = makeBackend();
    const std::string topic = unique(*b, "conf-coop");
    const std::string group = unique(*b, "conf-coop-group");
    REQUIRE(b->createTopic(topic, 4, 1, {}).ok());
    CHECK(b->unsupportedAssignor({"org.apache.kafka.clients.consumer.CooperativeStickyAssignor"}).empty());
    ConsumerSettings cs;
    cs.group_id = group;
    cs.earliest = true;
    cs.topics = {topic};
    cs.assignment_strategy = {"org.apache.kafka.clients.consumer.CooperativeStickyAssignor"};
    cs.client_id = "coop-1";
    const auto first = b->openConsumer(cs);
    REQUIRE(first >= 0);
    auto assignments = [&] {
        std::vector<std::size_t> sizes;
        const auto g = b->describeGroup(group);
        if (!g || g->state != GroupState::Stable) return sizes;
        for (const auto& m : g->members) sizes.push_back(m.assignment.size());
        std::sort(sizes.begin(), sizes.end());
        return sizes;
    };
    REQUIRE(waitFor(*b, [&] { b->takeRecords(first); return assignments() == std::vector<std::size_t>{4}; }, 60000));
    CHECK(b->describeGroup(group)->protocol == "cooperative-sticky");
    cs.client_id = "coop-2";
    const auto second = b->openConsumer(cs);
    REQUIRE(second >= 0);
    REQUIRE(waitFor(*b, [&] {
        b->takeRecords(first);
        b->takeRecords(second);
        return assignments() == std::vector<std::size_t>{2, 2};
    }, 60000));
    // The coordinator's Stable {2, 2} can precede the consumers' own view: each applies its
    // assignment when its SyncGroup answer is served (a poll), so both are polled until they have it.
    CHECK(waitFor(*b, [&] {
        b->takeRecords(first);
        b->takeRecords(second);
        return b->hasAssignment(first) && b->hasAssignment(second);
    }));
    b->closeConsumer(second);
    REQUIRE(waitFor(*b, [&] { b->takeRecords(first); return assignments() == std::vector<std::size_t>{4}; }, 60000));
    CHECK(b->describeGroup(group)->protocol == "cooperative-sticky");
    b->closeConsumer(first);
    waitFor(*b, [&] { const auto g = b->describeGroup(group); return g && g->state == GroupState::Empty; }, 15000);
    b->deleteGroup(group);
    b->deleteTopic(topic);
}

TEST_CASE("conformance: a manually assigned consumer reads from the offset it was given") {
    auto b = makeBackend();
    const std::string topic = unique(*b, "conf-assign");
    REQUIRE(b->createTopic(topic, 1, 1, {}).ok());
    const auto producer = b->openProducer(ProducerSettings{});
    for (int i = 0; i < 5; ++i) REQUIRE(b->send(producer, topic, std::nullopt, "m" + std::to_string(i)).ok());
    b->closeProducer(producer);

    ConsumerSettings cs;
    cs.partition = TopicPartition{topic, 0};
    cs.start_offset = 2;
    const auto consumer = b->openConsumer(cs);
    std::vector<StoredRecord> got;
    REQUIRE(waitFor(*b, [&] {
        auto more = b->takeRecords(consumer);
        got.insert(got.end(), more.begin(), more.end());
        return got.size() >= 3;
    }));
    REQUIRE(got.size() == 3);
    CHECK(got[0].offset == 2);
    CHECK(got[0].value == "m2");
    CHECK_FALSE(got[0].key.has_value());
    CHECK(got[2].value == "m4");
    b->closeConsumer(consumer);
    const auto groups = b->listGroups(); // manual assignment joins no group and commits nothing
    CHECK(std::find(groups.begin(), groups.end(), "fluxolab-no-group") == groups.end());
    b->deleteTopic(topic);
}
