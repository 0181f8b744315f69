// The classic group protocol: states, generations, timeouts, eager vs cooperative rebalances.
#include "sim/cluster.h"
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

using namespace fluxolab::sim;

namespace {
struct Transition {
    TimeMs time;
    GroupState state;
    std::int64_t generation;
};
std::vector<Transition> transitions(const Simulation& s) {
    std::vector<Transition> out;
    for (const auto& e : s.journal().events())
        if (e.type == EventType::GroupStateChanged) out.push_back({e.time, static_cast<GroupState>(e.a), e.b});
    return out;
}
const Event* firstOf(const Simulation& s, EventType t, std::int32_t actor = -2) {
    for (const auto& e : s.journal().events())
        if (e.type == t && (actor == -2 || e.actor == actor)) return &e;
    return nullptr;
}
std::size_t tpCount(const Simulation& s, const Event& e) { return s.journal().list(e).size() / 2; }

std::unique_ptr<Simulation> oneTopic(std::int32_t partitions) {
    ClusterConfig c;
    c.brokers = 1;
    c.network_delay_ms = 1;
    auto s = std::make_unique<Simulation>(c, 11);
    REQUIRE(s->createTopic("t", partitions, 1).ok());
    return s;
}
} // namespace

TEST_SUITE("sim/groups") {
    TEST_CASE("a lone member: Empty -> PreparingRebalance -> (3 s initial delay) -> CompletingRebalance -> Stable") {
        ClusterConfig c;
        Simulation s(c, 11);
        REQUIRE(s.createTopic("t", 2, 1).ok());
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto id = s.addConsumer(cc);
        s.subscribe(id, {"t"});
        s.runUntil(10000);
        const auto tr = transitions(s);
        REQUIRE(tr.size() == 3);
        // poll at 0 -> JoinGroup arrives at 1; group.initial.rebalance.delay.ms = 3000; SyncGroup at 3003.
        CHECK(tr[0].time == 1);
        CHECK(tr[0].state == GroupState::PreparingRebalance);
        CHECK(tr[0].generation == 0);
        CHECK(tr[1].time == 3001);
        CHECK(tr[1].state == GroupState::CompletingRebalance);
        CHECK(tr[1].generation == 1);
        CHECK(tr[2].time == 3003);
        CHECK(tr[2].state == GroupState::Stable);
        const GroupStateData* g = s.group("g");
        REQUIRE(g);
        CHECK(g->members.size() == 1);
        CHECK(g->members[0].member_id.rfind("consumer-g-1-", 0) == 0);
        CHECK(g->members[0].member_id.size() == std::string("consumer-g-1-").size() + 36);
        CHECK(g->protocol == AssignorKind::Range);
        CHECK(s.consumers()[0].assigned.size() == 2);
        s.closeConsumer(id);
        const auto after = transitions(s);
        REQUIRE(after.size() == 5);
        CHECK(after[3].state == GroupState::PreparingRebalance);
        CHECK(after[4].state == GroupState::Empty);
        CHECK(after[4].generation == 2);
    }

    TEST_CASE("classic timings as a real 4.3.1 broker logged them: 6 s to form a group of two - Stable within a heartbeat after a LeaveGroup") {
        // Real broker (GroupMetadataManager INFO log, two console consumers started 120 ms apart):
        // PreparingRebalance 13.238 -> Stabilized 19.244 (initial delay 3 s, extended once by 3 s for the
        // second member); member left through LeaveGroup at 57.576 -> Stabilized 58.286 (the remaining
        // member rejoined on its next heartbeat; no rebalance delay for a non-empty group).
        auto owner = oneTopic(2);
        Simulation& s = *owner;
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto a = s.addConsumer(cc);
        s.subscribe(a, {"t"});
        s.runUntil(120);
        const auto b = s.addConsumer(cc);
        s.subscribe(b, {"t"});
        s.runUntil(30000);
        auto tr = transitions(s);
        REQUIRE(tr.size() >= 3);
        CHECK(tr[0].state == GroupState::PreparingRebalance);
        CHECK(tr[1].state == GroupState::CompletingRebalance);
        CHECK(tr[1].time - tr[0].time == 6000);
        CHECK(tr[2].state == GroupState::Stable);
        const std::size_t before = tr.size();
        const TimeMs left = 30000;
        s.closeConsumer(a); // LeaveGroup
        s.runUntil(left + 10000);
        tr = transitions(s);
        REQUIRE(tr.size() >= before + 3);
        CHECK(tr[before].state == GroupState::PreparingRebalance);
        CHECK(tr[before].time - left <= 5);
        CHECK(tr[before + 2].state == GroupState::Stable);
        // Within one heartbeat.interval.ms (3 s) of the remaining member, not after another 3 s delay.
        CHECK(tr[before + 2].time - left <= 3000 + 10);
        CHECK(s.group("g")->members.size() == 1);
    }

    TEST_CASE("session timeout: a crashed member is removed session.timeout.ms after its last heartbeat") {
        auto owner = oneTopic(2);
        Simulation& s = *owner;
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto a = s.addConsumer(cc);
        s.subscribe(a, {"t"});
        s.runUntil(10000);
        s.crashConsumer(a);
        s.runUntil(60000);
        const Event* left = firstOf(s, EventType::MemberLeft);
        REQUIRE(left);
        // Heartbeats every 3000 ms from the SyncGroup response at 3004: last one at 9004; 9004 + 45000.
        CHECK(left->time == 54004);
        CHECK(static_cast<LeaveReason>(left->flag) == LeaveReason::SessionTimeout);
        CHECK(s.group("g")->state == GroupState::Empty);
    }

    TEST_CASE("max.poll.interval.ms: a stuck application is taken out of the group by its heartbeat thread") {
        auto owner = oneTopic(2);
        Simulation& s = *owner;
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto a = s.addConsumer(cc);
        s.subscribe(a, {"t"});
        s.runUntil(10000);
        s.pauseConsumer(a, 400000);
        s.runUntil(400000);
        const Event* left = firstOf(s, EventType::MemberLeft);
        REQUIRE(left);
        // Last poll at 10000, so the poll timer expires at 310000 (Timer.isExpired: now >= deadline). The
        // heartbeat thread sent at 3004 + 3000 * 102 = 309004 (its cycle started with the SyncGroup response
        // at 3004) and since then wakes every retry.backoff.ms (100): 309104, ..., 310004, the first wake-up
        // at or after 310000; it sends LeaveGroup then (not at the next heartbeat, 312004).
        CHECK(left->time == 310004);
        CHECK(static_cast<LeaveReason>(left->flag) == LeaveReason::PollTimeout);
        // The client keeps its partitions until it polls again (at 410000): onJoinPrepare finds the
        // generation reset and calls onPartitionsLost (not onPartitionsRevoked), then it rejoins as a new member.
        s.runUntil(409999);
        CHECK_FALSE(firstOf(s, EventType::PartitionsLost));
        CHECK(s.consumers()[static_cast<std::size_t>(a)].assigned.size() == 2);
        s.runUntil(420000);
        const Event* lost = firstOf(s, EventType::PartitionsLost);
        REQUIRE(lost);
        CHECK(lost->time == 410000);
        CHECK(lost->actor == a);
        CHECK(tpCount(s, *lost) == 2);
        CHECK_FALSE(firstOf(s, EventType::PartitionsRevoked));
        CHECK(s.group("g")->members.size() == 1);
        CHECK(s.group("g")->state == GroupState::Stable);
    }

    TEST_CASE("the auto-commit before the rejoin of a member kicked out fails in the client - no OffsetCommit sent") {
        auto owner = oneTopic(2);
        Simulation& s = *owner;
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto a = s.addConsumer(cc);
        s.subscribe(a, {"t"});
        s.runUntil(10000);
        s.pauseConsumer(a, 400000);
        s.runUntil(420000);
        // Left at 310004 (max.poll.interval.ms); its next poll (410000) runs onJoinPrepare, whose auto-commit
        // finds generationIfStable() null and no rebalance under way (the member state is UNJOINED): the
        // client fails it with CommitFailedException ("... it is likely that the consumer was kicked out of
        // the group."), the coordinator never sees it (it would have answered UNKNOWN_MEMBER_ID).
        std::vector<const Event*> failed;
        for (const auto& e : s.journal().events())
            if (e.type == EventType::CommitFailed) failed.push_back(&e);
        REQUIRE(failed.size() == 1);
        CHECK(failed[0]->time == 410000);
        CHECK(failed[0]->actor == a);
        CHECK(failed[0]->error == ErrorCode::CLIENT_COMMIT_FAILED);
        CHECK(std::string(errorName(failed[0]->error)) == "COMMIT_FAILED");
        const Event* lost = firstOf(s, EventType::PartitionsLost);
        REQUIRE(lost);
        CHECK(lost->time == 410000);
    }

    TEST_CASE("consumidor-lento: a position taken from the committed offset is not a reset") {
        // The Java client logs "Setting offset for partition cliques-3 to the committed offset
        // FetchPosition{offset=210, ...}" (ConsumerCoordinator.refreshCommittedOffsets) when rapido gets
        // lento's partitions at 51104; "Resetting offset ..." only when auto.offset.reset applies (the
        // group's first generation at 6004: nothing committed yet, latest).
        ScenarioError err;
        auto sc = loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/consumidor-lento.json", err);
        REQUIRE(sc);
        ScenarioRun run(*sc, sc->seed);
        run.runUntil(52000);
        const Journal& j = run.sim().journal();
        int fromCommitted = 0, resets = 0;
        bool cliques3 = false;
        for (std::size_t i = 0; i < j.size(); ++i) {
            const Event& e = j[i];
            if (e.type != EventType::PositionReset) continue;
            if (e.time < 50000) {
                CHECK(e.flag == 0); // auto.offset.reset (latest): nothing committed yet
                CHECK(j.toJson(i).find("committed") == std::string::npos);
                ++resets;
            } else {
                CHECK(e.time == 51104);
                CHECK(e.flag == 1);
                CHECK(j.toJson(i).find("\"committed\":true") != std::string::npos);
                ++fromCommitted;
                if (e.partition == 3) {
                    cliques3 = true;
                    CHECK(e.a == 210);
                }
            }
        }
        CHECK(resets == 4);
        CHECK(fromCommitted > 0);
        CHECK(cliques3);
    }

    TEST_CASE("consumidor-lento: the paused member leaves max.poll.interval.ms after its last poll, its partitions lost") {
        ScenarioError err;
        auto sc = loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/consumidor-lento.json", err);
        REQUIRE(sc);
        ScenarioRun run(*sc, sc->seed);
        run.runUntil(100000);
        const Simulation& s = run.sim();
        const std::int32_t rapido = 0, lento = 1; // in the scenario's order
        // Both start at 0 and poll every 100 ms; the group's first generation reaches them at 6004 (the
        // SyncGroup responses): the heartbeat threads start there, heartbeats at 6004 + 3000 k.
        const Event* assigned = firstOf(s, EventType::PartitionsAssigned, lento);
        REQUIRE(assigned);
        CHECK(assigned->time == 6004);
        // At 20000 lento's poll runs, then the scenario's pause: its last poll is at 20000 and its poll timer
        // expires at 50000. The heartbeat thread sent at 6004 + 3000 * 14 = 48004 and wakes every
        // retry.backoff.ms (100) since: the first wake-up at or after 50000 is 50004 (the next heartbeat, where
        // the simulation used to look, is 51004).
        const Event* left = firstOf(s, EventType::MemberLeft, lento);
        REQUIRE(left);
        CHECK(left->time == 50004);
        CHECK(static_cast<LeaveReason>(left->flag) == LeaveReason::PollTimeout);
        // rapido hears of the rebalance at its heartbeat (51004), revokes its partitions at its next poll
        // (51100, eager: the group's protocol is range, the first of the default [range, cooperative-sticky])
        // and gets all four at 51104.
        const Event* revoked = firstOf(s, EventType::PartitionsRevoked, rapido);
        REQUIRE(revoked);
        CHECK(revoked->time == 51100);
        const Event* all = nullptr;
        for (const auto& e : s.journal().events())
            if (e.type == EventType::PartitionsAssigned && e.actor == rapido && e.time > 50000 && !all) all = &e;
        REQUIRE(all);
        CHECK(all->time == 51104);
        CHECK(tpCount(s, *all) == 4); // eager: it gave up its two and receives all four
        // lento polls again at 70000: its generation was reset, so onJoinPrepare calls onPartitionsLost
        // with its two partitions (never onPartitionsRevoked), then it joins as a new member (JoinGroup at 70001).
        CHECK_FALSE(firstOf(s, EventType::PartitionsRevoked, lento));
        const Event* lost = firstOf(s, EventType::PartitionsLost, lento);
        REQUIRE(lost);
        CHECK(lost->time == 70000);
        CHECK(tpCount(s, *lost) == 2);
        const Event* rejoined = nullptr;
        for (const auto& e : s.journal().events())
            if (e.type == EventType::MemberJoined && e.actor == lento && e.time > 50000 && !rejoined) rejoined = &e;
        REQUIRE(rejoined);
        CHECK(rejoined->time == 70001);
    }
    TEST_CASE("eager vs cooperative: a second member joins a group owning 4 partitions") {
        for (AssignorKind kind : {AssignorKind::Range, AssignorKind::CooperativeSticky}) {
            CAPTURE(assignorName(kind));
            auto owner = oneTopic(4);
            Simulation& s = *owner;
            ConsumerConfig cc;
            cc.group_id = "g";
            cc.assignors = {kind};
            const auto a = s.addConsumer(cc);
            s.subscribe(a, {"t"});
            s.runUntil(10000);
            REQUIRE(s.consumers()[static_cast<std::size_t>(a)].assigned.size() == 4);
            const std::size_t mark = s.journal().size();
            const auto b = s.addConsumer(cc);
            s.subscribe(b, {"t"});
            s.runUntil(30000);
            std::vector<std::size_t> revokedFromA;
            int generations = 0;
            for (std::size_t i = mark; i < s.journal().size(); ++i) {
                const Event& e = s.journal()[i];
                if (e.type == EventType::PartitionsRevoked && e.actor == a) revokedFromA.push_back(tpCount(s, e));
                if (e.type == EventType::GenerationStarted) ++generations;
            }
            CHECK(s.consumers()[static_cast<std::size_t>(a)].assigned.size() == 2);
            CHECK(s.consumers()[static_cast<std::size_t>(b)].assigned.size() == 2);
            REQUIRE(revokedFromA.size() == 1);
            if (kind == AssignorKind::Range) {
                CHECK(revokedFromA[0] == 4); // stop the world: everything revoked before rejoining
                CHECK(generations == 1);
            } else {
                CHECK(revokedFromA[0] == 2); // only what moves; the other two keep flowing
                CHECK(generations == 2);     // second rebalance hands the revoked partitions over
            }
        }
    }

    TEST_CASE("cooperative: a revoked partition keeps the offset committed before the JoinGroup - its new owner reads again") {
        // Kafka 4.3.1's ConsumerCoordinator commits (auto-commit) in onJoinPrepare only, before it sends the
        // JoinGroup; onJoinComplete revokes what moved away (invokePartitionsRevoked calls the user's listener,
        // nothing else) without committing. Records of a revoked partition polled between the two are not
        // committed: the next owner reads them again unless the application commits in onPartitionsRevoked.
        // (The 4.3.1 jar's bytecode read with javap: onJoinComplete calls invokePartitionsRevoked,
        // requestRejoin, assignFromSubscribed, invokePartitionsAssigned, no commit.)
        ClusterConfig config;
        config.brokers = 1;
        config.network_delay_ms = 200; // a JoinGroup/SyncGroup round long enough for polls in between
        Simulation s(config, 11);
        REQUIRE(s.createTopic("t", 2, 1).ok());
        const auto p = s.addProducer({});
        auto sendTo = [&](std::int32_t partition, int n) {
            for (int i = 0; i < n; ++i) {
                ProducerRecord r;
                r.topic = "t";
                r.partition = partition;
                r.value = "v";
                REQUIRE(s.send(p, r) == ErrorCode::NONE);
            }
        };
        sendTo(0, 3);
        sendTo(1, 3);
        ConsumerConfig cc;
        cc.group_id = "g";
        cc.assignors = {AssignorKind::CooperativeSticky};
        cc.auto_offset_reset = OffsetReset::Earliest;
        const auto a = s.addConsumer(cc);
        s.subscribe(a, {"t"});
        s.runUntil(20000);
        // (Looked up each time: adding a consumer may move the list.)
        auto consumer = [&](std::int32_t i) -> const ConsumerState& { return s.consumers()[static_cast<std::size_t>(i)]; };
        REQUIRE(consumer(a).assigned.size() == 2);
        CHECK(consumer(a).consumed == 6);
        const auto b = s.addConsumer(cc);
        s.subscribe(b, {"t"});
        // a hears of the rebalance at a heartbeat; its next poll commits (onJoinPrepare) and sends the JoinGroup.
        while (consumer(a).phase != ConsumerPhase::Joining) {
            REQUIRE(s.now() < 40000);
            s.runFor(1);
        }
        const TopicPartition t0{"t", 0}, t1{"t", 1};
        CHECK(s.group("g")->committed.at(t0) == 3);
        CHECK(s.group("g")->committed.at(t1) == 3);
        // Five more records on each partition while a joins and syncs: a still fetches what it owns.
        sendTo(0, 5);
        sendTo(1, 5);
        const Event* revoked = nullptr;
        while (!revoked) {
            REQUIRE(s.now() < 60000);
            s.runFor(1);
            for (const auto& e : s.journal().events())
                if (e.type == EventType::PartitionsRevoked && e.actor == a) revoked = &e;
        }
        REQUIRE(consumer(a).consumed == 16); // the 5 + 5 reached a before its SyncGroup response
        const auto list = s.journal().list(*revoked);
        REQUIRE(list.size() == 2); // one partition moves to b
        const TopicPartition moved{"t", static_cast<std::int32_t>(list[1])};
        const TopicPartition kept = moved == t0 ? t1 : t0;
        // No commit at the revocation: the moved partition's committed offset is still onJoinPrepare's 3.
        CHECK(s.group("g")->committed.at(moved) == 3);
        // (At that instant a's poll may already rejoin: onJoinPrepare commits what it kept, not the moved one.)
        for (const auto& e : s.journal().events())
            if (e.type == EventType::OffsetCommitted && e.time == revoked->time && e.actor == a) CHECK(e.partition != moved.partition);
        s.runUntil(s.now() + 20000);
        REQUIRE(consumer(b).assigned == std::vector<TopicPartition>{moved});
        CHECK(consumer(b).consumed == 5); // offsets 3..7 of the moved partition, read by a already
        CHECK(s.group("g")->committed.at(moved) == 8);
        // a's rejoin after the revocation commits what it kept (onJoinPrepare again).
        CHECK(s.group("g")->committed.at(kept) == 8);
        CHECK(consumer(a).consumed == 16);
    }

    TEST_CASE("the assignor is chosen by vote among the strategies every member supports") {
        auto owner = oneTopic(2);
        Simulation& s = *owner;
        ConsumerConfig both;
        both.group_id = "g";
        ConsumerConfig coop = both;
        coop.assignors = {AssignorKind::CooperativeSticky};
        const auto a = s.addConsumer(both);
        s.subscribe(a, {"t"});
        const auto b = s.addConsumer(coop);
        s.subscribe(b, {"t"});
        s.runUntil(10000);
        CHECK(s.group("g")->protocol == AssignorKind::CooperativeSticky);
        CHECK(s.group("g")->generation == 1);
    }

    TEST_CASE("commits - auto.offset.reset and resuming from the committed offset") {
        auto owner = oneTopic(1);
        Simulation& s = *owner;
        const auto p = s.addProducer({});
        for (int i = 0; i < 10; ++i) {
            ProducerRecord r;
            r.topic = "t";
            r.value = std::to_string(i);
            REQUIRE(s.send(p, r) == ErrorCode::NONE);
        }
        s.runFor(100);
        ConsumerConfig latest;
        latest.group_id = "late";
        const auto l = s.addConsumer(latest);
        s.subscribe(l, {"t"});
        ConsumerConfig earliest;
        earliest.group_id = "early";
        earliest.auto_offset_reset = OffsetReset::Earliest;
        const auto e = s.addConsumer(earliest);
        s.subscribe(e, {"t"});
        s.runFor(10000);
        CHECK(s.consumers()[static_cast<std::size_t>(l)].consumed == 0);
        CHECK(s.consumers()[static_cast<std::size_t>(e)].consumed == 10);
        const TopicPartition tp{"t", 0};
        CHECK(s.group("early")->committed.at(tp) == 10); // auto-commit every 5 s commits the position
        CHECK(s.group("late")->committed.at(tp) == 10);
        s.closeConsumer(e);
        CHECK(s.resetGroupOffsets("early", {{tp, 4}}).ok());
        CHECK(s.resetGroupOffsets("late", {{tp, 0}}).error == ErrorCode::NON_EMPTY_GROUP);
        const auto again = s.addConsumer(earliest);
        s.subscribe(again, {"t"});
        s.runFor(10000);
        CHECK(s.consumers()[static_cast<std::size_t>(again)].consumed == 6); // resumes at the committed 4
        CHECK(s.deleteGroup("nope").error == ErrorCode::GROUP_ID_NOT_FOUND);
    }
}

TEST_SUITE("sim/groups") {
    TEST_CASE("commitAsync reaches the coordinator one network delay later - commitSync at once") {
        auto owner = oneTopic(1);
        Simulation& s = *owner;
        const auto p = s.addProducer({});
        for (int i = 0; i < 3; ++i) {
            ProducerRecord r;
            r.topic = "t";
            r.value = "v";
            REQUIRE(s.send(p, r) == ErrorCode::NONE);
        }
        ConsumerConfig cc;
        cc.group_id = "g";
        cc.enable_auto_commit = false;
        cc.auto_offset_reset = OffsetReset::Earliest;
        const auto c = s.addConsumer(cc);
        s.subscribe(c, {"t"});
        s.runUntil(10000);
        const TopicPartition tp{"t", 0};
        CHECK(s.group("g")->committed.count(tp) == 0); // auto-commit is off
        s.commitAsync(c);
        CHECK(s.group("g")->committed.count(tp) == 0);
        s.runFor(1);
        CHECK(s.group("g")->committed.at(tp) == 3);
    }
}

TEST_SUITE("sim/groups") {
    TEST_CASE("OffsetDelete: offsets of topics the members consume are refused - the others deleted and journaled") {
        ClusterConfig c;
        Simulation s(c, 12);
        REQUIRE(s.createTopic("a", 1, 1).ok());
        REQUIRE(s.createTopic("b", 2, 1).ok());
        const TopicPartition a0{"a", 0}, b0{"b", 0}, b1{"b", 1};
        REQUIRE(s.resetGroupOffsets("g", {{a0, 5}, {b0, 7}, {b1, 9}}).ok());
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto id = s.addConsumer(cc);
        s.subscribe(id, {"a"});
        s.runUntil(5000);
        REQUIRE(s.group("g")->members.size() == 1);

        ErrorCode groupError = ErrorCode::UNKNOWN_SERVER_ERROR;
        const auto r = s.deleteGroupOffsets("g", {a0, b0}, groupError);
        CHECK(groupError == ErrorCode::NONE);
        CHECK(r.at(a0) == ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC);
        CHECK(r.at(b0) == ErrorCode::NONE);
        CHECK(s.group("g")->committed.count(a0) == 1);
        CHECK(s.group("g")->committed.count(b0) == 0);
        CHECK(s.group("g")->committed.at(b1) == 9);
        // The journal says so, and a view rebuilt from it agrees.
        const auto& ev = s.journal().events();
        const auto n = std::count_if(ev.begin(), ev.end(), [](const Event& e) { return e.type == EventType::OffsetDeleted; });
        CHECK(n == 1);
        ClusterView v;
        for (const auto& e : ev) v.apply(s.journal(), e);
        const std::int32_t gi = s.group("g")->index;
        const TpKey b0key{s.journal().findTopic("b"), 0};
        CHECK(v.groups.at(gi).committed.count(b0key) == 0);
        CHECK(v.groups.at(gi).committed.count(TpKey{s.journal().findTopic("b"), 1}) == 1);

        ErrorCode missing = ErrorCode::NONE;
        const auto none = s.deleteGroupOffsets("nobody", {b1}, missing);
        CHECK(missing == ErrorCode::GROUP_ID_NOT_FOUND);
        CHECK(none.at(b1) == ErrorCode::GROUP_ID_NOT_FOUND);
    }
}

TEST_SUITE("sim/groups") {
    TEST_CASE("__consumer_offsets: Kafka's replication factor 3 on three brokers - 1 on a single broker") {
        for (auto [brokers_, rf_] : {std::pair{1, 1}, std::pair{2, 2}, std::pair{3, 3}, std::pair{5, 3}}) {
            const auto brokers = brokers_, rf = rf_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
            CAPTURE(brokers);
            ClusterConfig c;
            c.brokers = brokers;
            Simulation s(c, 1);
            ConsumerConfig cc;
            cc.group_id = "g";
            s.addConsumer(cc);
            const TopicState* t = s.topic("__consumer_offsets");
            REQUIRE(t);
            CHECK(t->partitions.front().replicas.size() == static_cast<std::size_t>(rf));
        }
    }

    TEST_CASE("the coordinator's broker crashes: another replica loads the group - same generation - commits go on") {
        ClusterConfig c;
        c.brokers = 3;
        Simulation s(c, 5);
        REQUIRE(s.createTopic("t", 6, 3).ok());
        std::vector<std::int32_t> consumers;
        for (int i = 0; i < 2; ++i) {
            ConsumerConfig cc;
            cc.group_id = "g";
            consumers.push_back(s.addConsumer(cc));
            s.subscribe(consumers.back(), {"t"});
        }
        s.runUntil(10000);
        const GroupStateData* g = s.group("g");
        REQUIRE(g->state == GroupState::Stable);
        const std::int32_t generation = g->generation;
        const BrokerId coordinator = g->coordinator;
        s.stopBroker(coordinator, true);
        s.runUntil(10000 + 2000);
        // The broker is down but not fenced yet: no coordinator serves the group; commits fail.
        const Event* failed = nullptr;
        for (const auto& e : s.journal().events())
            if (e.type == EventType::CommitFailed && e.time > 10000) failed = &e;
        REQUIRE(failed);
        CHECK(failed->error == ErrorCode::COORDINATOR_NOT_AVAILABLE);
        // broker.session.timeout.ms = 9 s: the controller fences it, the offsets partition elects a
        // new leader, which loads the group as last stored.
        s.runUntil(10000 + 9000 + 1);
        g = s.group("g");
        CHECK(g->coordinator != coordinator);
        CHECK(g->coordinator >= 1);
        CHECK(g->loaded);
        CHECK(g->state == GroupState::Stable);
        CHECK(g->generation == generation);
        CHECK(g->members.size() == 2);
        const Event* loaded = nullptr;
        for (const auto& e : s.journal().events())
            if (e.type == EventType::GroupLoaded && e.time > 10000) loaded = &e;
        REQUIRE(loaded);
        CHECK(loaded->broker == g->coordinator);
        CHECK(loaded->b == generation);
        // Members heartbeat to the new coordinator (no session expires, no rebalance) and commit
        // what they consume.
        ProducerConfig pc;
        const auto producer = s.addProducer(pc);
        for (TimeMs t = 20000; t < 60000; t += 500) {
            s.runUntil(t);
            s.send(producer, ProducerRecord{"t", std::nullopt, "k" + std::to_string(t), "v", std::nullopt});
        }
        s.runUntil(60000);
        g = s.group("g");
        CHECK(g->state == GroupState::Stable);
        CHECK(g->generation == generation);
        bool committed = false, left = false;
        for (const auto& e : s.journal().events()) {
            if (e.type == EventType::OffsetCommitted && e.time > 20000 && e.actor >= 0) committed = true;
            if (e.type == EventType::MemberLeft && e.time > 10000) left = true;
        }
        CHECK(committed);
        CHECK_FALSE(left);
    }

    TEST_CASE("a single broker restarts: the group is loaded back from __consumer_offsets") {
        auto s = oneTopic(2);
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto id = s->addConsumer(cc);
        s->subscribe(id, {"t"});
        s->runUntil(10000);
        REQUIRE(s->group("g")->state == GroupState::Stable);
        const std::int32_t generation = s->group("g")->generation;
        s->stopBroker(1, true);
        s->runUntil(20000);
        s->startBroker(1);
        s->runUntil(20000 + 5000);
        const GroupStateData* g = s->group("g");
        CHECK(g->loaded);
        CHECK(g->state == GroupState::Stable);
        CHECK(g->generation == generation);
        // The restarted broker's group is loaded with a fresh session: the member is still in it.
        s->runUntil(90000);
        CHECK(s->group("g")->members.size() == 1);
        CHECK(s->consumers()[static_cast<std::size_t>(id)].phase == ConsumerPhase::Stable);
    }

    TEST_CASE("a member waiting for its JoinGroup answer is not expired (hasSatisfiedHeartbeat)") {
        // The first member joins an Empty group; others keep arriving, so the initial delay extends
        // past the first member's session.timeout.ms (6 s here). It must not be expired meanwhile.
        ClusterConfig c;
        Simulation s(c, 3);
        REQUIRE(s.createTopic("t", 4, 1).ok());
        ConsumerConfig cc;
        cc.group_id = "g";
        cc.session_timeout_ms = 6000;
        const auto first = s.addConsumer(cc);
        s.subscribe(first, {"t"});
        for (TimeMs at : {2500, 5000}) {
            s.runUntil(at);
            const auto id = s.addConsumer(cc);
            s.subscribe(id, {"t"});
        }
        s.runUntil(30000);
        for (const auto& e : s.journal().events()) CHECK(e.type != EventType::MemberLeft);
        CHECK(s.group("g")->members.size() == 3);
        CHECK(s.group("g")->state == GroupState::Stable);
    }
}

TEST_SUITE("sim/groups") {
    TEST_CASE("a pattern subscription picks up a topic created later at the metadata refresh - then the group rebalances") {
        // kafka-clients 4.3.1: metadata.max.age.ms = 300000. subscribe(Pattern) refreshes the metadata at
        // once (t = 0); the next refresh is due 300000 ms later. Only then does the consumer see the new
        // topic, change its subscription and rejoin (ConsumerCoordinator.rejoinNeededOrPending).
        ClusterConfig c;
        c.brokers = 1;
        c.network_delay_ms = 1;
        Simulation s(c, 11);
        REQUIRE(s.createTopic("orders-eu", 2, 1).ok());
        REQUIRE(s.createTopic("payments", 1, 1).ok());
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto id = s.addConsumer(cc);
        const auto orders = [](const std::string& t) { return t.rfind("orders", 0) == 0; };
        s.subscribePattern(id, orders);
        s.runUntil(10000);
        const auto& me = [&]() -> const ConsumerState& { return s.consumers()[static_cast<std::size_t>(id)]; };
        CHECK(me().subscription == std::vector<std::string>{"orders-eu"});
        CHECK(me().assigned.size() == 2);
        REQUIRE(s.createTopic("orders-us", 1, 1).ok());
        REQUIRE(s.createTopic("stock", 1, 1).ok());
        const auto p = s.addProducer({});
        ProducerRecord early;
        early.topic = "orders-us";
        early.value = "before the consumer saw the topic";
        REQUIRE(s.send(p, early) == ErrorCode::NONE);
        s.runUntil(299999);
        CHECK(me().subscription == std::vector<std::string>{"orders-eu"});
        CHECK(me().assigned.size() == 2);
        CHECK(transitions(s).size() == 3); // formed once: Preparing, Completing, Stable at 3003
        s.runUntil(310000);
        CHECK(me().subscription == std::vector<std::string>{"orders-eu", "orders-us"});
        CHECK(me().last_metadata_refresh_ms == 300000);
        // Refresh at 300000; the poll at 300000 rejoins (eager range: everything revoked first); JoinGroup
        // reaches the coordinator at 300001, the only member has rejoined, so the rebalance completes at
        // once; JoinGroup answer 300002, SyncGroup arrives 300003 (Stable), its answer 300004.
        const auto tr = transitions(s);
        REQUIRE(tr.size() == 6);
        CHECK(tr[3].time == 300001);
        CHECK(tr[3].state == GroupState::PreparingRebalance);
        CHECK(tr[4].time == 300001);
        CHECK(tr[4].state == GroupState::CompletingRebalance);
        CHECK(tr[4].generation == 2);
        CHECK(tr[5].time == 300003);
        CHECK(tr[5].state == GroupState::Stable);
        const Event* assigned = nullptr;
        for (const auto& e : s.journal().events())
            if (e.type == EventType::PartitionsAssigned && e.actor == id) assigned = &e;
        REQUIRE(assigned);
        CHECK(assigned->time == 300004);
        CHECK(tpCount(s, *assigned) == 3);
        CHECK(me().assigned.size() == 3);
        // auto.offset.reset=latest on the new topic: the record written before the assignment is skipped.
        CHECK(me().position.at(TopicPartition{"orders-us", 0}) == 1);
        CHECK(me().consumed == 0);
        // The next refresh is planned metadata.max.age.ms after this one.
        REQUIRE(s.createTopic("orders-br", 1, 1).ok());
        s.runUntil(599999);
        CHECK(me().subscription.size() == 2);
        s.runUntil(600100);
        CHECK(me().subscription == std::vector<std::string>{"orders-br", "orders-eu", "orders-us"});
    }

    TEST_CASE("a shorter metadata.max.age.ms - a deleted topic leaves a pattern subscription at once") {
        ClusterConfig c;
        c.brokers = 1;
        c.network_delay_ms = 1;
        Simulation s(c, 11);
        REQUIRE(s.createTopic("orders-eu", 1, 1).ok());
        ConsumerConfig cc;
        cc.group_id = "g";
        cc.metadata_max_age_ms = 5000;
        const auto id = s.addConsumer(cc);
        s.subscribePattern(id, [](const std::string& t) { return t.rfind("orders", 0) == 0; });
        s.runUntil(7000);
        REQUIRE(s.createTopic("orders-us", 1, 1).ok());
        const auto& me = [&]() -> const ConsumerState& { return s.consumers()[static_cast<std::size_t>(id)]; };
        s.runUntil(9999); // refreshes at 0, 5000: the topic came at 7000
        CHECK(me().subscription.size() == 1);
        s.runUntil(10000);
        CHECK(me().subscription.size() == 2);
        CHECK(me().last_metadata_refresh_ms == 10000);
        s.runUntil(11000);
        CHECK(me().assigned.size() == 2);
        // Internal topics never match (exclude.internal.topics=true), even a pattern that would.
        CHECK(s.topics().count("__consumer_offsets") == 1);
        REQUIRE(s.deleteTopic("orders-eu").ok());
        CHECK(me().subscription == std::vector<std::string>{"orders-us"});
        CHECK(me().last_metadata_refresh_ms == 11000);
        s.runUntil(13000);
        CHECK(me().assigned == std::vector<TopicPartition>{{"orders-us", 0}});
        // A subscription by name drops the pattern: no more refresh changes it.
        s.subscribe(id, {"orders-us"});
        REQUIRE(s.createTopic("orders-br", 1, 1).ok());
        s.runUntil(40000);
        CHECK(me().subscription == std::vector<std::string>{"orders-us"});
    }
}
