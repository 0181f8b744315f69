// RealObserver: the observation a real cluster gives, filled through the ClusterBackend interface.
// FLUXOLAB_BACKEND=sim (default) runs it on a SimBackend (fast); =real on the broker that
// kafka-broker.sh started (label real).
#include "labs/backend/sim_backend.h"
#include "labs/rdkafka/group_log.h"
#include "labs/rdkafka/rdkafka_backend.h"
#include "labs/rdkafka/real_observer.h"
#include "sim/cluster.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>

using namespace fluxolab::labs;
namespace ob = fluxolab::labs::observe;

namespace {

bool observerRealMode() {
    const char* m = std::getenv("FLUXOLAB_BACKEND");
    return m && std::string(m) == "real";
}

std::unique_ptr<ClusterBackend> observerBackend() {
    if (!observerRealMode()) return std::make_unique<SimBackend>(7, 1);
    const char* state = std::getenv("FLUXOLAB_KAFKA_STATE");
    REQUIRE_MESSAGE(state, "FLUXOLAB_KAFKA_STATE must point at the folder of kafka-broker.sh start");
    std::ifstream f(std::string(state) + "/ports");
    REQUIRE_MESSAGE(f.good(), "no broker started (run tests/realkafka/kafka-broker.sh start)");
    std::string line, port;
    while (std::getline(f, line))
        if (line.rfind("PORT=", 0) == 0) port = line.substr(5);
    REQUIRE(!port.empty());
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:" + port;
    c.request_timeout_ms = 5000;
    return std::make_unique<RdKafkaBackend>(c);
}

std::string uniqueName(const ClusterBackend& b, const std::string& base) {
    return observerRealMode() ? base + "-" + std::to_string(b.nowMs() % 100000000) : base;
}

bool waitUntil(ClusterBackend& b, const std::function<bool()>& done, TimeMs max_ms = 30000) {
    const TimeMs end = b.nowMs() + max_ms;
    while (!done()) {
        if (b.nowMs() >= end) return false;
        b.advance(100);
    }
    return true;
}

} // namespace

TEST_CASE("real-observer: group states are Kafka's enum and render to Kafka's exact names") {
    using fluxolab::labs::observe::GroupState;
    using fluxolab::labs::observe::groupStateName;
    using fluxolab::labs::observe::parseGroupState;
    CHECK(parseGroupState("Stable") == GroupState::Stable);
    CHECK(parseGroupState("PreparingRebalance") == GroupState::PreparingRebalance);
    CHECK(parseGroupState("CompletingRebalance") == GroupState::CompletingRebalance);
    CHECK(parseGroupState("Empty") == GroupState::Empty);
    CHECK(parseGroupState("Dead") == GroupState::Dead);
    CHECK(parseGroupState("Unknown") == GroupState::Unknown);
    CHECK_FALSE(parseGroupState("stable").has_value());
    for (GroupState s : {GroupState::Unknown, GroupState::PreparingRebalance, GroupState::CompletingRebalance,
                         GroupState::Stable, GroupState::Dead, GroupState::Empty})
        CHECK(parseGroupState(groupStateName(s)) == s);
    // Kafka's order (GroupState / librdkafka's rd_kafka_consumer_group_state_t numbering).
    CHECK(static_cast<int>(GroupState::Unknown) == 0);
    CHECK(static_cast<int>(GroupState::Empty) == 5);
    // The simulation's journal states map one to one.
    CHECK(fluxolab::labs::observe::groupState(fluxolab::sim::GroupState::CompletingRebalance) ==
          GroupState::CompletingRebalance);
    CHECK(std::string(groupStateName(fluxolab::labs::observe::groupState(fluxolab::sim::GroupState::Empty))) ==
          "Empty");
}

TEST_CASE("real-observer: capabilities of a real cluster") {
    const ob::Capabilities c = RealObserver::capabilities();
    for (ob::Capability cap : {ob::Capability::TimeTravel, ob::Capability::RecordsInFlight,
                               ob::Capability::ReplicaFetchState, ob::Capability::RebalanceInternals,
                               ob::Capability::RecordAnimation, ob::Capability::ClientInternals})
        CHECK_FALSE(c.has(cap));
}

TEST_CASE("real-observer: a group keeps its ordinal when other groups appear and disappear") {
    auto withGroups = [](std::vector<std::string> names) {
        ob::Observation o;
        for (auto& n : names) {
            ob::Group g;
            g.name = n;
            o.groups.push_back(g); // by name, as observe() sorts them
        }
        return o;
    };
    std::map<std::string, std::int32_t> seen;
    ob::Observation o = withGroups({"vendas"});
    RealObserver::keepOrdinals(o, seen);
    CHECK(o.group("vendas")->ordinal == 0);
    // "compras" sorts first: by position it would take 0 and move "vendas" to 1 (another colour).
    o = withGroups({"compras", "vendas"});
    RealObserver::keepOrdinals(o, seen);
    CHECK(o.group("compras")->ordinal == 1);
    CHECK(o.group("vendas")->ordinal == 0);
    // "compras" is deleted and "armazem" appears: each keeps or gets its own.
    o = withGroups({"armazem", "vendas"});
    RealObserver::keepOrdinals(o, seen);
    CHECK(o.group("armazem")->ordinal == 2);
    CHECK(o.group("vendas")->ordinal == 0);
    // A group seen before gets its old ordinal back.
    o = withGroups({"armazem", "compras", "vendas"});
    RealObserver::keepOrdinals(o, seen);
    CHECK(o.group("compras")->ordinal == 1);
    CHECK(seen.size() == 3);
}

namespace {

// Kafka's wire encodings, written out by hand for the records below.
std::string be16(int v) { return {static_cast<char>((v >> 8) & 0xff), static_cast<char>(v & 0xff)}; }
std::string be32(std::int32_t v) {
    std::string s;
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((static_cast<std::uint32_t>(v) >> shift) & 0xff);
    return s;
}
std::string str16(const std::string& s) { return be16(static_cast<int>(s.size())) + s; }
std::string compact(const std::string& s) { return std::string(1, static_cast<char>(s.size() + 1)) + s; }

} // namespace

TEST_CASE("real-observer: group records of __consumer_offsets decode as Kafka writes them") {
    const std::string key = be16(2) + str16("turma");
    // GroupMetadataValue v3 (classic): protocolType, generation, protocol, leader, currentStateTimestamp, members.
    const std::string v3 = be16(3) + str16("consumer") + be32(4) + str16("range") + str16("c1-1") +
                           be32(0) + be32(0x5f5e1000) + be32(0);
    auto r = decodeGroupLogRecord(key, v3);
    REQUIRE(r);
    CHECK(r->group == "turma");
    CHECK(r->generation == 4);
    CHECK_FALSE(r->deleted);
    CHECK_FALSE(r->consumer_protocol);
    // v4 is the first flexible version: compact strings (length + 1 as an unsigned varint).
    const std::string v4 = be16(4) + compact("consumer") + be32(7) + compact("range") + compact("c1-1");
    r = decodeGroupLogRecord(key, v4);
    REQUIRE(r);
    CHECK(r->generation == 7);
    // v0 (no timestamp) still starts with protocolType and generation.
    r = decodeGroupLogRecord(key, be16(0) + str16("consumer") + be32(1));
    REQUIRE(r);
    CHECK(r->generation == 1);
    // A tombstone: the group was deleted.
    r = decodeGroupLogRecord(key, std::nullopt);
    REQUIRE(r);
    CHECK(r->deleted);
    CHECK(r->group == "turma");
    // KIP-848: ConsumerGroupMetadata (record type 3), its value's first field is the group epoch.
    r = decodeGroupLogRecord(be16(3) + str16("g848"), be16(0) + be32(12) + std::string(1, '\0'));
    REQUIRE(r);
    CHECK(r->consumer_protocol);
    CHECK(r->generation == 12);
    // Offset commits (record types 0 and 1) are not group metadata.
    CHECK_FALSE(decodeGroupLogRecord(be16(1) + str16("turma") + str16("t") + be32(0), be16(3)));
    // Broken bytes: nothing, never a read past the end.
    CHECK_FALSE(decodeGroupLogRecord(key, be16(3) + str16("consumer") + std::string("\0\0", 2)));
    CHECK_FALSE(decodeGroupLogRecord(be16(2) + be16(40) + "short", v3));
    CHECK_FALSE(decodeGroupLogRecord(key, be16(9) + str16("consumer") + be32(1))); // unknown version
    CHECK_FALSE(decodeGroupLogRecord(std::string(1, '\2'), v3));
    CHECK_FALSE(decodeGroupLogRecord(key, be16(4) + std::string(1, '\0') + be32(1))); // null protocolType
}

TEST_CASE("real-observer: with known generations a rebalance is a new stored generation") {
    ob::Observation before, after;
    ob::Group g;
    g.name = "g";
    g.state = ob::GroupState::Stable;
    g.generation = 2;
    g.generation_known = true;
    g.members.push_back({-1, "m1", "c1", "/127.0.0.1", {{"t", 0}, {"t", 1}}});
    before.groups = {g};
    after.groups = {g};
    after.time = 7000;
    // A member joined and the group is rebalancing, but no new generation is stored yet: not counted
    // until the rebalance completes (the state alone would count it twice).
    after.groups[0].state = ob::GroupState::PreparingRebalance;
    after.groups[0].members.push_back({-1, "m2", "c2", "/127.0.0.1", {}});
    CHECK(RealObserver::rebalances(before, after).empty());
    // Two rebalances completed between two refreshes: both are seen, one per generation.
    after.groups = {g};
    after.groups[0].generation = 4;
    auto r = RealObserver::rebalances(before, after);
    REQUIRE(r.size() == 2);
    CHECK(r[0].evidence == ObservedRebalance::Evidence::GenerationChange);
    CHECK(r[0].generation == 3);
    CHECK(r[1].generation == 4);
    CHECK(r[1].time == 7000);
    // Deleted and made again: generation 1 after 4, one rebalance.
    before.groups[0].generation = 4;
    after.groups[0].generation = 1;
    r = RealObserver::rebalances(before, after);
    REQUIRE(r.size() == 1);
    CHECK(r[0].generation == 1);
    // The previous refresh did not know the generation yet (the log was still being read): the
    // refresh-to-refresh rules apply.
    before.groups[0].generation_known = false;
    before.groups[0].generation = 0;
    after.groups[0].generation = 1;
    CHECK(RealObserver::rebalances(before, after).empty());
    after.groups[0].members[0].assigned = {{"t", 0}};
    r = RealObserver::rebalances(before, after);
    REQUIRE(r.size() == 1);
    CHECK(r[0].evidence == ObservedRebalance::Evidence::AssignmentChange);
}

TEST_CASE("real-observer: rebalances are detected from state - membership and assignment changes") {
    ob::Observation before, after;
    ob::Group g;
    g.name = "g";
    g.state = ob::GroupState::Stable;
    g.members.push_back({-1, "m1", "c1", "/127.0.0.1", {{"t", 0}, {"t", 1}}});
    before.groups = {g};
    after.groups = {g};
    after.time = 5000;
    CHECK(RealObserver::rebalances(before, after).empty());

    after.groups[0].state = ob::GroupState::PreparingRebalance;
    auto r = RealObserver::rebalances(before, after);
    REQUIRE(r.size() == 1);
    CHECK(r[0].group == "g");
    CHECK(r[0].time == 5000);
    CHECK(r[0].evidence == ObservedRebalance::Evidence::StateChange);

    after.groups = {g};
    after.groups[0].members.push_back({-1, "m2", "c2", "/127.0.0.1", {}});
    r = RealObserver::rebalances(before, after);
    REQUIRE(r.size() == 1);
    CHECK(r[0].evidence == ObservedRebalance::Evidence::MembershipChange);

    after.groups = {g};
    after.groups[0].members[0].assigned = {{"t", 0}};
    r = RealObserver::rebalances(before, after);
    REQUIRE(r.size() == 1);
    CHECK(r[0].evidence == ObservedRebalance::Evidence::AssignmentChange);
}

TEST_CASE("real-observer: lag is the one rule of sim/lag.h - negative past the high watermark and none without a leader") {
    // RealObserver reads any ClusterBackend: here the simulation, where a commit past the high
    // watermark and a partition without a leader are easy to make. kafka-consumer-groups prints
    // LAG -2 for the first and "-" for the second (labs/engine "lag is one rule").
    SimBackend b(1, 3);
    REQUIRE(b.createTopic("b", 3, 1, {}).ok());
    b.advance(1000);
    const auto topic = b.describeTopic("b");
    REQUIRE(topic);
    std::int32_t q = -1, r = -1;
    for (const PartitionInfo& p : topic->partitions) {
        if (p.leader == 1) q = p.partition;
        else r = p.partition;
    }
    REQUIRE(q >= 0);
    REQUIRE(r >= 0);
    REQUIRE(b.alterGroupOffsets("g", {{TopicPartition{"b", q}, 2}, {TopicPartition{"b", r}, 0}}).ok());
    const auto rLeader = topic->partitions[static_cast<std::size_t>(r)].leader;
    b.simulation().stopBroker(rLeader, true);
    b.advance(20000);
    REQUIRE(b.describeTopic("b")->partitions[static_cast<std::size_t>(r)].leader == -1);
    const RealSnapshot s = RealObserver::observe(b);
    const ob::Group* g = s.observation.group("g");
    REQUIRE(g != nullptr);
    CHECK(g->lag.at({"b", q}) == -2);
    CHECK(g->lag.count({"b", r}) == 0);
}

TEST_CASE("real-observer: topics - partitions - high watermarks - a group with members - committed offsets and lag") {
    auto b = observerBackend();
    const std::string topic = uniqueName(*b, "obs-topic");
    const std::string group = uniqueName(*b, "obs-group");
    REQUIRE(b->createTopic(topic, 2, 1, {{"retention.ms", "3600000"}}).ok());
    const auto producer = b->openProducer(ProducerSettings{});
    for (int i = 0; i < 6; ++i) REQUIRE(b->send(producer, topic, "k" + std::to_string(i), "v").ok());
    b->closeProducer(producer);

    RealSnapshot s = RealObserver::observe(*b);
    REQUIRE(s.connected);
    CHECK(s.observation.capabilities == RealObserver::capabilities());
    REQUIRE_FALSE(s.observation.brokers.empty());
    const ob::Topic* t = s.observation.topic(topic);
    REQUIRE(t);
    CHECK(t->partitions == 2);
    CHECK(t->replication_factor == 1);
    CHECK(std::find(t->configs.begin(), t->configs.end(), std::pair<std::string, std::string>{"retention.ms", "3600000"}) !=
          t->configs.end());
    const ob::Partition* p0 = s.observation.partition(topic, 0);
    const ob::Partition* p1 = s.observation.partition(topic, 1);
    REQUIRE(p0);
    REQUIRE(p1);
    CHECK(p0->high_watermark + p1->high_watermark == 6);
    CHECK(p0->leader == s.observation.brokers.front().id);
    CHECK(p0->isr == p0->replicas);
    CHECK(p0->replica_log_end.empty()); // not visible on a real cluster
    CHECK(s.observation.group(group) == nullptr);

    ConsumerSettings cs;
    cs.group_id = group;
    cs.client_id = "obs-client";
    cs.earliest = true;
    cs.topics = {topic};
    const auto consumer = b->openConsumer(cs);
    std::size_t got = 0;
    REQUIRE(waitUntil(*b, [&] {
        got += b->takeRecords(consumer).size();
        return got >= 6;
    }));
    RealSnapshot live;
    // The generation comes from __consumer_offsets on a real cluster: the first refreshes may not
    // have read the coordinator's record yet.
    REQUIRE(waitUntil(*b, [&] {
        live = RealObserver::observe(*b);
        const ob::Group* g = live.observation.group(group);
        return g && g->state == fluxolab::labs::observe::GroupState::Stable && !g->members.empty() && g->generation_known;
    }));
    const ob::Group* g = live.observation.group(group);
    REQUIRE(g);
    CHECK(g->protocol == "range");
    REQUIRE(g->members.size() == 1);
    CHECK(g->members[0].client_id == "obs-client");
    CHECK(g->members[0].assigned.size() == 2);
    CHECK(g->generation == 1); // a new group's first rebalance (stored in __consumer_offsets on a real cluster)
    // The member is listed as a consumer (what the canvas draws), with nothing of its own state.
    const ob::Consumer* member = live.observation.consumer(g->members[0].consumer);
    REQUIRE(member);
    CHECK(member->client_id == "obs-client");
    CHECK(member->group == group);
    CHECK(member->assigned == g->members[0].assigned);
    CHECK(member->status == ob::ConsumerStatus::Consuming);
    CHECK(member->position.empty());
    CHECK(live.observation.producers.empty());
    CHECK_FALSE(g->coordinator_host.empty());
    CHECK(RealObserver::rebalances(s.observation, live.observation).size() == 1);

    b->closeConsumer(consumer); // commits 6, leaves
    RealSnapshot after;
    REQUIRE(waitUntil(*b, [&] {
        after = RealObserver::observe(*b);
        const ob::Group* e = after.observation.group(group);
        return e && e->state == fluxolab::labs::observe::GroupState::Empty && e->committed.size() == 2 &&
               e->generation == 2;
    }, 15000));
    const ob::Group* e = after.observation.group(group);
    // The last member's LeaveGroup ended the group's generation: Kafka completes that rebalance with
    // no members and stores generation 2; the observer sees one rebalance into it.
    CHECK(e->generation_known);
    const auto ended = RealObserver::rebalances(live.observation, after.observation);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].evidence == ObservedRebalance::Evidence::GenerationChange);
    CHECK(ended[0].generation == 2);
    CHECK(e->committed.at({topic, 0}) + e->committed.at({topic, 1}) == 6);
    CHECK(e->lag.at({topic, 0}) == 0);
    CHECK(e->lag.at({topic, 1}) == 0);

    // Lag: two more records nobody consumed.
    const auto producer2 = b->openProducer(ProducerSettings{});
    REQUIRE(b->send(producer2, topic, "k0", "v").ok());
    REQUIRE(b->send(producer2, topic, "k1", "v").ok());
    b->closeProducer(producer2);
    const RealSnapshot lagged = RealObserver::observe(*b);
    const ob::Group* l = lagged.observation.group(group);
    REQUIRE(l);
    CHECK(l->lag.at({topic, 0}) + l->lag.at({topic, 1}) == 2);

    if (observerRealMode()) {
        b->deleteGroup(group);
        b->deleteTopic(topic);
    }
}

TEST_CASE("real-observer: an unreachable bootstrap address gives a snapshot that is not connected") {
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1"; // nothing listens on port 1
    c.request_timeout_ms = 1500;
    RdKafkaBackend dead(c);
    const RealSnapshot s = RealObserver::observe(dead);
    CHECK_FALSE(s.connected);
    CHECK(s.observation.brokers.empty());
    CHECK(s.observation.topics.empty());
    CHECK(dead.lastClientError() != ClientError::None);
}
