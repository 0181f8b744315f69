// The group coordinator and the consumer client, each on its own: a scheduler, a journal and fakes
// behind the narrow interfaces of sim/kafka/group_ports.h. No Simulation, no kafka::Replication.
#include "sim/cluster.h"
#include "sim/hash.h"
#include "sim/kafka/consumers.h"
#include "sim/kafka/group_coordinator.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace fluxolab::sim;

namespace {

void runUntil(runtime::Scheduler& s, TimeMs t) {
    while (s.nextTime() >= 0 && s.nextTime() <= t) s.step();
    s.advanceTo(t);
}

std::vector<EventType> typesFrom(const Journal& j, std::size_t from) {
    std::vector<EventType> out;
    for (std::size_t i = from; i < j.size(); ++i) out.push_back(j[i].type);
    return out;
}

// ---- the coordinator's side: a fake cluster and fake clients ----

/// Three brokers; __consumer_offsets is "created" with leaders the test sets.
struct FakeOffsetsLog final : kafka::OffsetsLog {
    std::int32_t brokerCount() const override { return 3; }
    std::int32_t registeredBrokers() const override { return registered; }
    bool brokerAlive(BrokerId id) const override { return alive.at(id); }
    std::int32_t offsetsPartitions() const override { return static_cast<std::int32_t>(leaders.size()); }
    BrokerId offsetsLeader(std::int32_t p) const override { return leaders.at(static_cast<std::size_t>(p)); }
    void createOffsetsTopic(std::int32_t partitions, std::int32_t rf, const std::map<std::string, std::string>& configs) override {
        created_rf = rf;
        created_configs = configs;
        leaders.assign(static_cast<std::size_t>(partitions), 1);
    }
    std::int32_t registered = 3;
    std::map<BrokerId, bool> alive{{1, true}, {2, true}, {3, true}};
    std::vector<BrokerId> leaders;
    std::int32_t created_rf = 0;
    std::map<std::string, std::string> created_configs;
};

/// Clients the test drives by hand; records what the coordinator says to them.
struct FakeClients final : kafka::GroupClients {
    const ConsumerState& client(std::int32_t consumer) const override { return clients.at(static_cast<std::size_t>(consumer)); }
    void answerJoin(std::int32_t consumer, std::uint64_t token) override { log.push_back("join " + std::to_string(consumer) + " " + std::to_string(token)); }
    void answerSync(std::int32_t consumer, std::uint64_t token) override { log.push_back("sync " + std::to_string(consumer) + " " + std::to_string(token)); }
    void memberIdGiven(std::int32_t consumer, const std::string& member_id) override {
        clients.at(static_cast<std::size_t>(consumer)).member_id = member_id;
        log.push_back("member-id " + std::to_string(consumer));
    }
    void requestFailed(std::int32_t consumer, kafka::GroupRequestFailure f) override {
        log.push_back("failed " + std::to_string(consumer) + " " + std::to_string(static_cast<int>(f)));
    }
    void memberRemoved(std::int32_t consumer, const std::string&) override { log.push_back("removed " + std::to_string(consumer)); }
    void coordinatorLost(const std::string& group) override { log.push_back("lost " + group); }
    std::vector<ConsumerState> clients;
    std::vector<std::string> log;
};

ClusterConfig coordinatorConfig() {
    ClusterConfig c;
    c.brokers = 3;
    c.network_delay_ms = 5;
    c.defaults.group_initial_rebalance_delay_ms = 0;
    return c;
}

ConsumerState client(std::int32_t index, const std::string& id, std::vector<AssignorKind> assignors) {
    ConsumerState c;
    c.index = index;
    c.client_id = id;
    c.config.group_id = "g";
    c.config.assignors = std::move(assignors);
    c.config.session_timeout_ms = 6000;
    c.config.max_poll_interval_ms = 8000;
    c.subscribed = true;
    c.subscription = {"t"};
    c.phase = ConsumerPhase::Joining;
    c.join_token = 1;
    return c;
}

struct CoordinatorFixture {
    CoordinatorFixture() : config(coordinatorConfig()), coordinator(scheduler, config, journal, rng, log) {
        coordinator.connect(clients);
    }
    ClusterConfig config;
    runtime::Scheduler scheduler;
    Journal journal;
    Rng rng{7};
    FakeOffsetsLog log;
    FakeClients clients;
    kafka::GroupCoordinator coordinator;
};

// ---- the client's side: a fake log and a fake coordinator ----

struct FakeLogs final : kafka::ConsumerLogs {
    const TopicState* topic(const std::string& name) const override {
        auto it = topics.find(name);
        return it == topics.end() ? nullptr : &it->second;
    }
    const std::map<std::string, TopicState>& allTopics() const override { return topics; }
    bool brokerAlive(BrokerId id) const override { return id == 1; }
    void autoCreateTopic(const std::string& name) override { auto_created.push_back(name); }
    std::map<std::string, TopicState> topics;
    std::vector<std::string> auto_created;
};

/// A coordinator the test plays: it holds one group and records every request.
struct FakeCoordinator final : kafka::GroupService {
    const GroupStateData& findGroup(const std::string& id) override {
        ++finds;
        group.id = id;
        return group;
    }
    const GroupStateData* knownGroup(const std::string& id) const override { return id == group.id ? &group : nullptr; }
    bool coordinatorAvailable(const std::string&) override { return available; }
    void sendJoin(std::int32_t consumer, std::uint64_t token) override { joins.emplace_back(consumer, token); }
    void sendSync(std::int32_t, std::uint64_t token, std::optional<GroupAssignment> a) override {
        sync_token = token;
        sync_assignment = std::move(a);
    }
    void sendCommit(std::int32_t, std::map<TopicPartition, Offset> offsets) override { commits.push_back(std::move(offsets)); }
    void commitOffsets(const ConsumerState&, const std::map<TopicPartition, Offset>& offsets) override { commits.push_back(offsets); }
    void leaveGroup(const std::string&, const std::string& member, LeaveReason reason) override {
        leaves.emplace_back(member, reason);
    }
    ErrorCode heartbeat(const std::string&, const std::string&, std::int32_t) override {
        ++heartbeats;
        return heartbeat_answer;
    }
    GroupStateData group;
    int finds = 0;
    bool available = true;
    std::vector<std::pair<std::int32_t, std::uint64_t>> joins;
    std::uint64_t sync_token = 0;
    std::optional<GroupAssignment> sync_assignment;
    std::vector<std::map<TopicPartition, Offset>> commits;
    std::vector<std::pair<std::string, LeaveReason>> leaves;
    int heartbeats = 0;
    ErrorCode heartbeat_answer = ErrorCode::NONE;
};

/// Topic "t": partition 0 holds offsets 0..4 with the HW at 3; partition 1 is empty.
TopicState topicT() {
    TopicState t;
    t.name = "t";
    t.index = 0;
    for (std::int32_t i = 0; i < 2; ++i) {
        PartitionState p;
        p.partition = i;
        p.leader = 1;
        p.replicas = {1};
        p.isr = {1};
        p.epoch_starts = {{0, 0}};
        t.partitions.push_back(p);
    }
    for (std::uint32_t s = 0; s < 5; ++s) {
        Record r;
        r.timestamp = 100 + s;
        r.producer = 1;
        r.sequence = s;
        t.partitions[0].records.push_back(r);
    }
    t.partitions[0].high_watermark = 3;
    return t;
}

struct ClientFixture {
    ClientFixture()
        : config(coordinatorConfig()),
          consumers(scheduler, config, journal, logs, coordinator, [](const Record&) { return std::optional<std::string>(); },
                    [](const Record& r) { return "v" + std::to_string(r.sequence); }) {
        journal.topicIndex("t");
        logs.topics.emplace("t", topicT());
    }
    ClusterConfig config;
    runtime::Scheduler scheduler;
    Journal journal;
    FakeLogs logs;
    FakeCoordinator coordinator;
    kafka::Consumers consumers;
};

ConsumerConfig clientConfig() {
    ConsumerConfig c;
    c.group_id = "g";
    c.assignors = {AssignorKind::Range};
    c.enable_auto_commit = false;
    c.auto_offset_reset = OffsetReset::Earliest;
    c.heartbeat_interval_ms = 1000;
    c.poll_interval_ms = 100;
    return c;
}

} // namespace

TEST_SUITE("sim/kafka_group_components") {
    TEST_CASE("the coordinator alone: placement by the group's hash - a generation formed - Stable with the leader's assignment") {
        CoordinatorFixture f;
        // "g".hashCode() = 103; 103 % 50 = partition 3 of __consumer_offsets. Its leader is the coordinator.
        REQUIRE(kafkaAbs(javaStringHashCode("g")) % 50 == 3);
        f.log.createOffsetsTopic(50, 3, {});
        f.log.leaders[3] = 2;
        f.clients.clients.push_back(client(0, "c0", {AssignorKind::Range}));
        const GroupStateData& g = f.coordinator.findGroup("g");
        CHECK(g.coordinator == 2);
        CHECK(f.journal[0].type == EventType::CoordinatorMoved);

        f.coordinator.sendJoin(0, 1);
        runUntil(f.scheduler, 4);
        CHECK(f.clients.log.empty()); // the JoinGroup is still on the wire
        runUntil(f.scheduler, 5);
        // Joined (KIP-394 member id "<client.id>-<uuid>"), no initial delay: the join completes at once.
        REQUIRE(f.clients.log == std::vector<std::string>{"member-id 0", "join 0 1"});
        const std::string memberId = f.clients.clients[0].member_id;
        CHECK(memberId.rfind("c0-", 0) == 0);
        CHECK(memberId.size() == 3 + 36);
        CHECK(g.state == GroupState::CompletingRebalance);
        CHECK(g.generation == 1);
        CHECK(g.leader == memberId);
        CHECK(g.protocol == AssignorKind::Range);

        // The client (played by the test) syncs as the leader with its assignment.
        f.clients.clients[0].phase = ConsumerPhase::Syncing;
        f.clients.clients[0].generation = 1;
        const std::vector<TopicPartition> mine{{"t", 0}, {"t", 1}};
        f.coordinator.sendSync(0, 1, GroupAssignment{{memberId, mine}});
        runUntil(f.scheduler, 10);
        CHECK(f.clients.log.back() == "sync 0 1");
        CHECK(g.state == GroupState::Stable);
        CHECK(g.members.at(0).assignment == mine);
        CHECK(f.coordinator.heartbeat("g", memberId, 1) == ErrorCode::NONE);
        CHECK(f.coordinator.heartbeat("g", memberId, 0) == ErrorCode::ILLEGAL_GENERATION);
        CHECK(f.coordinator.heartbeat("g", "nobody", 1) == ErrorCode::UNKNOWN_MEMBER_ID);
        // The client's state was never written by the coordinator beyond what it told the client.
        CHECK(f.clients.clients[0].phase == ConsumerPhase::Syncing);
    }

    TEST_CASE("the coordinator alone: its broker stops - the group is lost then loaded by the new leader - then the session expires") {
        CoordinatorFixture f;
        f.log.createOffsetsTopic(50, 3, {});
        f.log.leaders[3] = 2;
        f.clients.clients.push_back(client(0, "c0", {AssignorKind::Range}));
        f.coordinator.sendJoin(0, 1);
        runUntil(f.scheduler, 5);
        const std::string memberId = f.clients.clients[0].member_id;
        f.clients.clients[0].phase = ConsumerPhase::Syncing;
        f.clients.clients[0].generation = 1;
        f.coordinator.sendSync(0, 1, GroupAssignment{{memberId, {{"t", 0}}}});
        runUntil(f.scheduler, 10);
        f.clients.clients[0].phase = ConsumerPhase::Stable;
        REQUIRE(f.coordinator.group("g")->state == GroupState::Stable);

        // Broker 2 stops: the group it held in memory is lost, the clients hear it.
        f.log.alive[2] = false;
        f.coordinator.coordinatorStopped(2);
        CHECK(f.clients.log.back() == "lost g");
        CHECK_FALSE(f.coordinator.coordinatorAvailable("g"));
        CHECK(f.coordinator.heartbeat("g", memberId, 1) == ErrorCode::COORDINATOR_NOT_AVAILABLE);

        // Broker 3 becomes the leader of partition 3: it loads the stored generation.
        f.log.leaders[3] = 3;
        const std::size_t before = f.journal.size();
        f.coordinator.refreshCoordinators();
        CHECK(typesFrom(f.journal, before) == std::vector<EventType>{EventType::CoordinatorMoved, EventType::GroupLoaded});
        const GroupStateData& g = *f.coordinator.group("g");
        CHECK(g.coordinator == 3);
        CHECK(g.state == GroupState::Stable);
        CHECK(g.generation == 1);
        CHECK(g.members.size() == 1);

        // The loaded member's session restarted at t=10; no heartbeat comes: gone at 10 + 6000.
        runUntil(f.scheduler, 6009);
        CHECK(g.members.size() == 1);
        runUntil(f.scheduler, 6010);
        CHECK(f.clients.log.back() == "removed 0");
        CHECK(g.members.empty());
        CHECK(g.state == GroupState::Empty);
        bool sawTimeout = false;
        for (std::size_t i = before; i < f.journal.size(); ++i)
            if (f.journal[i].type == EventType::MemberLeft)
                sawTimeout = f.journal[i].flag == static_cast<std::uint8_t>(LeaveReason::SessionTimeout);
        CHECK(sawTimeout);
    }

    TEST_CASE("the coordinator alone: no assignor in common - refused without touching the client - and commits checked") {
        CoordinatorFixture f;
        f.log.createOffsetsTopic(50, 3, {});
        f.clients.clients.push_back(client(0, "c0", {AssignorKind::Range}));
        f.clients.clients.push_back(client(1, "c1", {AssignorKind::RoundRobin}));
        f.coordinator.sendJoin(0, 1);
        runUntil(f.scheduler, 5);
        f.coordinator.sendJoin(1, 1);
        runUntil(f.scheduler, 10);
        // GroupRequestFailure::InconsistentGroupProtocol is 1.
        CHECK(f.clients.log.back() == "failed 1 1");
        CHECK(f.clients.clients[1].member_id.empty());
        CHECK(f.coordinator.group("g")->members.size() == 1);

        // A standalone client (not subscribed) may not commit for a group with members.
        ConsumerState standalone = client(1, "c1", {AssignorKind::Range});
        standalone.subscribed = false;
        const std::size_t before = f.journal.size();
        f.coordinator.commitOffsets(standalone, {{{"t", 0}, 3}});
        REQUIRE(f.journal.size() == before + 1);
        CHECK(f.journal[before].type == EventType::CommitFailed);
        CHECK(f.journal[before].error == ErrorCode::UNKNOWN_MEMBER_ID);
        CHECK(f.coordinator.group("g")->committed.empty());
    }

    TEST_CASE("the coordinator alone: __consumer_offsets waits for enough registered brokers") {
        CoordinatorFixture f;
        f.log.registered = 2; // replication factor min(3, 3 brokers) = 3 is not reachable yet
        CHECK(f.coordinator.findGroup("g").coordinator == -1);
        CHECK(f.log.leaders.empty());
        f.log.registered = 3;
        CHECK(f.coordinator.coordinatorAvailable("g"));
        CHECK(f.log.created_rf == 3);
        CHECK(f.log.created_configs.at("cleanup.policy") == "compact");
        CHECK(f.coordinator.group("g")->coordinator == 1);
    }

    TEST_CASE("the consumer client alone: join - the leader runs the assignor - fetch up to the HW - heartbeat answers") {
        ClientFixture f;
        const std::int32_t c = f.consumers.add(clientConfig());
        CHECK(f.coordinator.finds == 1);
        f.consumers.setKeepDelivered(c, true);
        f.consumers.subscribe(c, {"t"});
        runUntil(f.scheduler, 0); // the first poll sends the JoinGroup
        REQUIRE(f.coordinator.joins.size() == 1);
        CHECK(f.coordinator.joins[0] == std::make_pair(c, std::uint64_t{1}));
        CHECK(f.consumers.all()[0].phase == ConsumerPhase::Joining);

        // The fake coordinator makes it the leader of generation 1 and answers.
        f.consumers.memberIdGiven(c, "m1");
        MemberState m;
        m.member_id = "m1";
        m.consumer = c;
        m.topics = {"t"};
        f.coordinator.group.members = {m};
        f.coordinator.group.leader = "m1";
        f.coordinator.group.protocol = AssignorKind::Range;
        f.coordinator.group.generation = 1;
        f.consumers.answerJoin(c, 1);
        runUntil(f.scheduler, 5);
        // Range over t's two partitions, one member: both to it.
        REQUIRE(f.coordinator.sync_assignment.has_value());
        const std::vector<TopicPartition> both{{"t", 0}, {"t", 1}};
        CHECK(f.coordinator.sync_assignment->at("m1") == both);
        CHECK(f.consumers.all()[0].phase == ConsumerPhase::Syncing);
        CHECK(f.consumers.all()[0].generation == 1);

        f.coordinator.group.members[0].assignment = both;
        f.consumers.answerSync(c, 1);
        runUntil(f.scheduler, 10);
        const ConsumerState& st = f.consumers.all()[0];
        CHECK(st.phase == ConsumerPhase::Stable);
        CHECK(st.assigned == both);
        // Nothing committed, auto.offset.reset=earliest: log start 0 on both.
        CHECK(st.position.at({"t", 0}) == 0);
        // The next poll (t=100) reads partition 0 up to its HW (3 of its 5 records), none from 1.
        runUntil(f.scheduler, 100);
        CHECK(st.position.at({"t", 0}) == 3);
        CHECK(st.position.at({"t", 1}) == 0);
        CHECK(st.consumed == 3);
        const auto got = f.consumers.drainDelivered(c);
        REQUIRE(got.size() == 3);
        CHECK(got[2].offset == 2);
        CHECK(got[2].value == "v2");
        CHECK(got[2].timestamp == 102);

        // Heartbeats every second from the SyncGroup answer (t=10): at 1010 the coordinator answers
        // UNKNOWN_MEMBER_ID; the heartbeat thread resets the generation and member id
        // (resetStateOnResponseError). The partitions stay until the next poll (t=1100), whose
        // onJoinPrepare gives them up as lost (onPartitionsLost, not onPartitionsRevoked); it rejoins as a new member.
        f.coordinator.heartbeat_answer = ErrorCode::UNKNOWN_MEMBER_ID;
        runUntil(f.scheduler, 1009);
        CHECK(f.coordinator.heartbeats == 0);
        runUntil(f.scheduler, 1010);
        CHECK(f.coordinator.heartbeats == 1);
        CHECK(st.assigned == both);
        CHECK(st.member_id.empty());
        CHECK(st.rejoin_needed);
        runUntil(f.scheduler, 1100);
        CHECK(st.assigned.empty());
        std::vector<EventType> given_up;
        for (const auto& e : f.journal.events())
            if (e.type == EventType::PartitionsLost || e.type == EventType::PartitionsRevoked) given_up.push_back(e.type);
        CHECK(given_up == std::vector<EventType>{EventType::PartitionsLost});
        CHECK(f.coordinator.commits.empty()); // enable.auto.commit=false: nothing committed on the way
    }

    TEST_CASE("the consumer client alone: what the coordinator says changes the client only through its own methods") {
        ClientFixture f;
        const std::int32_t c = f.consumers.add(clientConfig());
        f.consumers.subscribe(c, {"t"});
        runUntil(f.scheduler, 0);
        const ConsumerState& st = f.consumers.all()[0];
        REQUIRE(st.phase == ConsumerPhase::Joining);
        f.consumers.memberIdGiven(c, "m1");
        // Another member's removal does not touch it.
        f.consumers.memberRemoved(c, "m2");
        CHECK(st.member_id == "m1");
        CHECK(st.phase == ConsumerPhase::Joining);
        // Its own removal while it waits: the request is void, it starts over.
        f.consumers.memberRemoved(c, "m1");
        CHECK(st.member_id.empty());
        CHECK(st.phase == ConsumerPhase::Idle);
        CHECK(st.join_token == 2);
        CHECK(st.rejoin_needed);
        // The next poll joins again with a new token.
        runUntil(f.scheduler, 100);
        REQUIRE(f.coordinator.joins.size() == 2);
        CHECK(f.coordinator.joins[1].second == 3);
        // The coordinator of another group stops: nothing; of its own: the JoinGroup is lost.
        f.consumers.coordinatorLost("other");
        CHECK(st.phase == ConsumerPhase::Joining);
        f.consumers.coordinatorLost("g");
        CHECK(st.phase == ConsumerPhase::Idle);
        CHECK(st.join_token == 4);
        CHECK(st.rejoin_needed);
        // Without a live coordinator the join is not even sent.
        f.coordinator.available = false;
        runUntil(f.scheduler, 300);
        CHECK(f.coordinator.joins.size() == 2);
        f.coordinator.available = true;
        runUntil(f.scheduler, 400);
        CHECK(f.coordinator.joins.size() == 3);
    }
}
