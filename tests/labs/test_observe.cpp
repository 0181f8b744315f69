// The observation model as the simulation fills it (labs/observe/sim_observer.h): consumer status,
// rebalance phases, records in flight and timeline markers, all from the timeline cursor.
#include "labs/observe/sim_observer.h"
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace fluxolab;
using namespace fluxolab::labs::observe;

namespace {

const std::string kScenarios = FLUXOLAB_SOURCE_DIR "/assets/scenarios/";

std::optional<sim::Scenario> scenario(const std::string& name) {
    sim::ScenarioError error;
    return sim::loadScenarioFile(kScenarios + name + ".json", error);
}

/// The scenario's consumer `id` (consumidor-lento: "rapido" is client 0, "lento" client 1).
const Consumer* consumerNamed(const Observation& o, const std::string& id) {
    const std::size_t i = id == "lento" ? 1 : 0;
    return i < o.consumers.size() ? &o.consumers[i] : nullptr;
}

} // namespace

TEST_SUITE("labs/observe") {
    TEST_CASE("consumer status follows Kafka - paused then out of the group without knowing") {
        const auto sc = scenario("consumidor-lento");
        REQUIRE(sc);
        sim::ScenarioRun run(*sc, sc->seed);
        run.runUntil(80000);
        SimObserver observer;
        observer.learn(run.sim());
        sim::Timeline tl(run.sim().journal());
        auto at = [&](sim::TimeMs t) {
            ObserveOptions options;
            options.now = t;
            options.scenario = &run.scenario();
            return observer.observe(run.sim(), tl.atTime(t), false, options);
        };
        // 25 s: 'lento' stopped calling poll() at 20 s and is still a member.
        const Observation paused = at(25000);
        const Consumer* lento = consumerNamed(paused, "lento");
        REQUIRE(lento);
        CHECK(lento->member);
        CHECK(lento->status == ConsumerStatus::NotPolling);
        CHECK(consumerNamed(paused, "rapido")->status == ConsumerStatus::Consuming);
        // 60 s: max.poll.interval.ms (30 s) expired; its heartbeat thread left, but it still holds
        // its partitions until its next poll().
        const Observation left = at(60000);
        lento = consumerNamed(left, "lento");
        REQUIRE(lento);
        CHECK_FALSE(lento->member);
        CHECK_FALSE(lento->assigned.empty());
        CHECK(lento->status == ConsumerStatus::LeftUnaware);
        // The producer's topic comes from its configuration; its records travel.
        REQUIRE(left.producers.size() == 1);
        CHECK(left.producers[0].topic == "cliques");
        REQUIRE_FALSE(left.appends.empty());
        for (std::size_t i = 0; i < left.appends.size(); ++i) {
            const Append& a = left.appends[i];
            CHECK(a.time > 60000 - 900);
            CHECK(a.time <= 60000);
            CHECK(a.partitions == 4);
            CHECK(a.key.starts_with("pagina-"));
            CHECK(a.key_partition == a.partition.second);         // the default partitioner chose it
            if (i > 0) CHECK(a.time <= left.appends[i - 1].time); // newest first
        }
    }

    TEST_CASE("a past moment does not change when the simulation runs on") {
        const auto sc = scenario("cooperativo-vs-ansioso");
        REQUIRE(sc);
        sim::ScenarioRun run(*sc, sc->seed);
        run.runUntil(30000);
        SimObserver observer;
        observer.learn(run.sim());
        sim::Timeline tl(run.sim().journal());
        // Every moment of a rebalance: the phase, the changes and the statuses.
        auto fingerprint = [&](std::size_t events) {
            const sim::ClusterView v = tl.at(events);
            ObserveOptions options;
            options.now = v.time;
            const Observation o = observer.observe(run.sim(), v, false, options);
            std::string out;
            for (const auto& g : o.groups) {
                out += g.name + " " + std::to_string(static_cast<int>(g.phase)) + " " +
                       std::to_string(g.changes.size()) + " " + std::to_string(g.unowned.size()) +
                       (g.cooperative ? " coop" : " eager") + ";";
            }
            for (const auto& c : o.consumers)
                out += c.client_id + std::to_string(static_cast<int>(c.status)) + ";";
            out += std::to_string(o.appends.size());
            return out;
        };
        std::vector<std::size_t> moments;
        for (std::size_t k = 0; k < tl.size(); k += std::max<std::size_t>(1, tl.size() / 40))
            moments.push_back(k);
        std::vector<std::string> before;
        for (std::size_t k : moments)
            before.push_back(fingerprint(k));
        run.runUntil(60000);
        observer.learn(run.sim());
        tl.sync();
        for (std::size_t i = 0; i < moments.size(); ++i)
            CHECK(fingerprint(moments[i]) == before[i]);
    }

    TEST_CASE("rebalance phases - eager stops the world - cooperative keeps unaffected partitions") {
        std::set<RebalancePhase> seen;
        for (const char* name : {"rebalance-basico", "cooperativo-vs-ansioso"}) {
            const auto sc = scenario(name);
            REQUIRE(sc);
            sim::ScenarioRun run(*sc, sc->seed);
            run.runUntil(40000);
            SimObserver observer;
            observer.learn(run.sim());
            sim::Timeline tl(run.sim().journal());
            // Just after every event of a group's rebalance (the phases are short).
            std::vector<std::size_t> moments;
            const auto& events = run.sim().journal().events();
            for (std::size_t i = 0; i < events.size(); ++i)
                if (events[i].type == sim::EventType::GroupStateChanged ||
                    events[i].type == sim::EventType::PartitionsRevoked ||
                    events[i].type == sim::EventType::PartitionsAssigned ||
                    events[i].type == sim::EventType::GenerationStarted)
                    moments.push_back(i + 1);
            REQUIRE(moments.size() > 4);
            for (std::size_t k : moments) {
                const sim::ClusterView v = tl.at(k);
                ObserveOptions options;
                options.now = v.time;
                const Observation o = observer.observe(run.sim(), v, false, options);
                for (const auto& g : o.groups) {
                    const bool rebalancing = g.state == GroupState::PreparingRebalance ||
                                             g.state == GroupState::CompletingRebalance;
                    if (rebalancing) CHECK(g.phase != RebalancePhase::None);
                    if (g.phase == RebalancePhase::StopTheWorld) {
                        CHECK_FALSE(g.cooperative);
                        CHECK(g.unowned.empty()); // every partition stopped: shown on the members
                        for (const auto& c : o.consumers)
                            if (c.group == g.name && c.member && !c.closed && !c.paused)
                                CHECK(c.status == ConsumerStatus::Stopped);
                    }
                    if (g.phase == RebalancePhase::CoopRevoke || g.phase == RebalancePhase::CoopAssign ||
                        g.phase == RebalancePhase::CoopUnowned)
                        CHECK(g.cooperative);
                    if (g.phase == RebalancePhase::CoopAssign || g.phase == RebalancePhase::CoopUnowned)
                        CHECK_FALSE(g.unowned_moved.empty()); // a second phase only after a live member gave some up
                    if (g.phase == RebalancePhase::CoopLeft) {
                        CHECK(g.cooperative);
                        CHECK(g.unowned_moved.empty());
                        CHECK_FALSE(g.unowned.empty());
                    }
                    seen.insert(g.phase);
                }
            }
        }
        CHECK(seen.contains(RebalancePhase::StopTheWorld));
        CHECK((seen.contains(RebalancePhase::CoopRevoke) || seen.contains(RebalancePhase::CoopAssign)));
    }

    TEST_CASE("cooperative phases - a second rebalance only after revoking from a member that stays (KIP-429)") {
        // cooperativo-vs-ansioso: c3 joins at 20 s (the assignment takes partitions from c1 and c2, who
        // rejoin: phase 2 hands them to c3); c1 leaves at 40 s (its partitions are unowned and the one
        // rebalance its departure starts assigns them: no phase 2). The view used to say "phase 2" at 40 s.
        const auto sc = scenario("cooperativo-vs-ansioso");
        REQUIRE(sc);
        sim::ScenarioRun run(*sc, sc->seed);
        run.runUntil(60000);
        SimObserver observer;
        observer.learn(run.sim());
        const sim::Journal& j = run.sim().journal();
        sim::Timeline tl(j);
        std::set<RebalancePhase> join, leave;
        std::size_t movedSeen = 0, leftSeen = 0;
        for (std::size_t i = 0; i < j.events().size(); ++i) {
            const sim::Event& e = j[i];
            if (e.time < 19000 || e.time > 50000) continue;
            if (e.type != sim::EventType::GroupStateChanged && e.type != sim::EventType::PartitionsRevoked &&
                e.type != sim::EventType::PartitionsAssigned && e.type != sim::EventType::GenerationStarted &&
                e.type != sim::EventType::ConsumerClosed)
                continue;
            const sim::ClusterView v = tl.at(i + 1);
            ObserveOptions options;
            options.now = v.time;
            const Observation o = observer.observe(run.sim(), v, false, options);
            const Group* g = o.group("faturacao");
            REQUIRE(g);
            CHECK(g->cooperative);
            (e.time < 40000 ? join : leave).insert(g->phase);
            // Each moved partition: revoked from a member still in the group (not closed).
            for (const auto& tp : g->unowned_moved) {
                ++movedSeen;
                CHECK(e.time < 40000);
                bool fromLive = false;
                for (const auto& ch : g->changes)
                    if (ch.revoked && ch.partition == tp && ch.consumer >= 0 &&
                        static_cast<std::size_t>(ch.consumer) < o.consumers.size() && !o.consumers[static_cast<std::size_t>(ch.consumer)].closed)
                        fromLive = true;
                CHECK(fromLive);
            }
            if (e.time >= 40000) {
                leftSeen += g->unowned.size();
                CHECK(g->phase != RebalancePhase::CoopAssign);
                CHECK(g->phase != RebalancePhase::CoopUnowned);
            }
        }
        CHECK(join.contains(RebalancePhase::CoopRevoke));
        CHECK(join.contains(RebalancePhase::CoopUnowned));
        CHECK(join.contains(RebalancePhase::CoopAssign));
        CHECK(leave.contains(RebalancePhase::CoopLeft));
        CHECK(movedSeen > 0);
        CHECK(leftSeen > 0);
    }

    TEST_CASE("timeline markers - rebalances broker failures and elections where the journal has them") {
        const auto sc = scenario("falha-de-broker");
        REQUIRE(sc);
        sim::ScenarioRun run(*sc, sc->seed);
        run.runUntil(60000);
        SimObserver observer;
        observer.learn(run.sim());
        sim::Timeline tl(run.sim().journal());
        const Observation o = observer.observe(run.sim(), tl.latest(), true);
        int down = 0, elections = 0, rebalances = 0;
        for (const auto& m : o.markers) {
            const sim::Event& e = run.sim().journal()[m.position];
            CHECK(e.time == m.time);
            switch (m.kind) {
            case TimelineMarker::Kind::BrokerDown:
                ++down;
                CHECK(e.type == sim::EventType::BrokerStopped);
                CHECK(m.value == 1); // the scenario crashes broker 1 at 15 s
                CHECK(m.time == 15000);
                break;
            case TimelineMarker::Kind::Election: {
                ++elections;
                CHECK(e.type == sim::EventType::LeaderElected);
                CHECK(m.value >= 1);
                CHECK(m.time > 15000); // the first leaders of the topic are no failover
                break;
            }
            case TimelineMarker::Kind::Rebalance: {
                ++rebalances;
                CHECK(e.type == sim::EventType::GenerationStarted);
                // The cursor just after the marker shows that generation.
                const Observation after = observer.observe(run.sim(), tl.at(m.position + 1), false);
                REQUIRE(after.group(m.subject));
                CHECK(after.group(m.subject)->generation == m.value);
                break;
            }
            }
        }
        CHECK(down == 1);
        CHECK(elections >= 1);
        CHECK(rebalances >= 1);
        // Markers are in journal order.
        for (std::size_t i = 1; i < o.markers.size(); ++i)
            CHECK(o.markers[i - 1].position < o.markers[i].position);
    }

    TEST_CASE("timeline markers are shared between observations, not copied") {
        // The list itself: copies share it; a change to one copies the chunk pointers and the last,
        // partial chunk, never the other copy's markers.
        TimelineMarkers list;
        for (std::size_t i = 0; i < 1000; ++i)
            list.push_back({TimelineMarker::Kind::Rebalance, i, static_cast<sim::TimeMs>(i), "g", static_cast<std::int32_t>(i)});
        const TimelineMarkers copy = list;
        CHECK(copy.sharesStorageWith(list));
        list.push_back({TimelineMarker::Kind::BrokerDown, 1000, 1000, {}, 2});
        ++list.back().value;
        CHECK(!copy.sharesStorageWith(list));
        REQUIRE(copy.size() == 1000);
        REQUIRE(list.size() == 1001);
        CHECK(list.back().value == 3);
        CHECK(&copy[0] == &list[0]);     // the full chunks are the same memory
        CHECK(&copy[767] == &list[767]); // (3 x 256 markers)
        for (std::size_t i = 0; i < copy.size(); ++i) {
            REQUIRE(copy[i].position == i);
            REQUIRE(list[i].value == static_cast<std::int32_t>(i));
        }
        std::size_t n = 0;
        for (const TimelineMarker& m : list) CHECK(m.position == n++);
        CHECK(n == 1001);
        TimelineMarkers again = copy; // a change to the last marker copies the partial chunk only
        ++again.back().value;
        CHECK(again.back().value == 1000);
        CHECK(copy.back().value == 999);
        CHECK(&again[0] == &copy[0]);

        // The observer's: every observation of a run holds the same markers until a new one is learned.
        const auto sc = scenario("falha-de-broker");
        REQUIRE(sc);
        sim::ScenarioRun run(*sc, 7);
        run.runUntil(30000);
        SimObserver observer;
        observer.learn(run.sim());
        sim::Timeline tl(run.sim().journal());
        const Observation first = observer.observe(run.sim(), tl.latest(), true);
        REQUIRE(!first.markers.empty());
        const Observation second = observer.observe(run.sim(), tl.at(tl.size() / 2), false);
        CHECK(second.markers.sharesStorageWith(first.markers));
        const std::size_t before = first.markers.size();
        // Run on until the observer learns more markers: the old observation keeps its own.
        run.runUntil(120000);
        tl.sync();
        observer.learn(run.sim());
        const Observation later = observer.observe(run.sim(), tl.latest(), true);
        CHECK(first.markers.size() == before);
        CHECK(later.markers.size() >= before);
        if (later.markers.size() > before) CHECK(!later.markers.sharesStorageWith(first.markers));
        for (std::size_t i = 0; i + 1 < before; ++i) CHECK(later.markers[i].position == first.markers[i].position);
        const Observation again2 = observer.observe(run.sim(), tl.latest(), true);
        CHECK(again2.markers.sharesStorageWith(later.markers));
    }

    TEST_CASE("cached partitions - unchanged ones reused forward and the observation is the same") {
        const auto sc = scenario("falha-de-broker");
        REQUIRE(sc);
        sim::ScenarioRun run(*sc, 7);
        run.runUntil(40000);
        SimObserver observer;
        observer.learn(run.sim());
        sim::Timeline tl(run.sim().journal());
        PartitionCache cache;
        // A walk forward, a jump back, forward again: each observation through the cache equals one
        // built without it; forward, exactly the partitions an event changed since are written.
        std::size_t reusedForward = 0, steps = 0;
        std::size_t previous = 0, previousCount = 0;
        const std::size_t total = tl.size();
        std::vector<std::size_t> positions;
        for (std::size_t n = total / 4; n <= total; n += std::max<std::size_t>(1, total / 40)) positions.push_back(n);
        positions.push_back(total / 3); // back
        positions.push_back(total / 3); // the same moment again: everything reused
        positions.push_back(total / 3 + 5);
        for (const std::size_t n : positions) {
            const sim::ClusterView v = tl.at(n);
            const Observation full = observer.observe(run.sim(), v, false);
            const bool forward = cache.epoch != 0 && n >= previous;
            std::size_t changedSince = 0;
            for (const auto& [tp, p] : v.partitions) changedSince += p.changed > previous ? 1 : 0;
            Observation cached = observer.observe(run.sim(), v, false, {}, &cache);
            REQUIRE(cached.partitions.size() == full.partitions.size());
            CHECK(cached.partitions == full.partitions);
            CHECK(cached.records_in_flight == full.records_in_flight);
            CHECK(cache.reused + cache.written == full.partitions.size());
            if (forward) {
                // Changed: written again; unchanged: reused (all of them while no partition came
                // or went, which shifts the ones after it).
                if (v.partitions.size() == previousCount) CHECK(cache.written == changedSince);
                else CHECK(cache.written >= changedSince);
                reusedForward += cache.reused;
                ++steps;
            } else {
                CHECK(cache.reused == 0); // backwards or first: nothing reused
            }
            if (n == previous) CHECK(cache.written == 0);
            previous = n;
            previousCount = v.partitions.size();
            cache.partitions = std::move(cached.partitions);
        }
        CHECK(steps > 10);
        CHECK(reusedForward > 0);
        // Another run (clear()): nothing of the cache is reused, even at the same position.
        observer.clear();
        observer.learn(run.sim());
        const Observation again = observer.observe(run.sim(), tl.at(previous), false, {}, &cache);
        CHECK(cache.reused == 0);
        CHECK(again.partitions == observer.observe(run.sim(), tl.at(previous), false).partitions);
    }
}
