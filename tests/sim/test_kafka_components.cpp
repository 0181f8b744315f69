// The Kafka model's rules written once (the KRaft controller quorum) and the generic timeline.
#include "sim/cluster.h"
#include "sim/invariant.h"
#include "sim/kafka/controller.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>
#include <limits>
#include <map>
#include <vector>

using namespace fluxolab::sim;

namespace {
/// A test-only view: counts events per type. Any FoldedView plugs into BasicTimeline.
struct CountingView {
    std::size_t events = 0;
    std::map<EventType, int> counts;
    void apply(const Journal&, const Event& e) {
        ++counts[e.type];
        ++events;
    }
};
} // namespace

TEST_SUITE("sim/kafka") {
    TEST_CASE("KRaft controller: sticky, elected after the leader dies, none without a majority (hand-computed)") {
        // 3 combined nodes, network delay 1 ms, broker.session.timeout.ms 9000 (sim/kafka/controller.h).
        ClusterConfig cfg;
        cfg.brokers = 3;
        const std::uint64_t seed = 1;
        Simulation sim(cfg, seed);
        REQUIRE(sim.createTopic("t", 3, 3).ok());
        const Journal& j = sim.journal();
        auto eventsOf = [&](EventType type, std::size_t from) {
            std::vector<const Event*> out;
            for (std::size_t i = from; i < j.size(); ++i)
                if (j[i].type == type) out.push_back(&j[i]);
            return out;
        };
        // The elections' draws, from the controller's own stream (forked by its tag).
        Rng draws(runtime::forkSeed(seed, "kafka/controller"));

        // The run starts with node 1 leading epoch 1.
        CHECK(sim.controllerId() == 1);
        CHECK(sim.controllerEpoch() == 1);
        CHECK(j[3].type == EventType::ControllerElected);
        CHECK(j[3].broker == 1);
        CHECK(j[3].a == 1);

        // Crash the controller at 1000: none at once; the followers notice at fetch.timeout.ms (2000),
        // then jitter in [0, 1000), PreVote + Vote round trips (4 ms), the LeaderChange commit (25 ms).
        sim.runUntil(1000);
        std::int32_t led1 = -1; // the partition broker 1 leads (3 partitions spread over 3 brokers)
        for (std::int32_t p = 0; p < 3; ++p)
            if (sim.partition({"t", p})->leader == 1) led1 = p;
        REQUIRE(led1 >= 0);
        std::size_t mark = j.size();
        sim.stopBroker(1, true);
        CHECK(sim.controllerId() == -1);
        auto lost = eventsOf(EventType::ControllerElected, mark);
        REQUIRE(lost.size() == 1);
        CHECK(lost[0]->broker == -1);
        CHECK(lost[0]->time == 1000);
        const TimeMs jitter = static_cast<TimeMs>(draws.below(1000));
        const TimeMs electedAt = 1000 + 2000 + jitter + 4 + 25;
        sim.runUntil(electedAt - 1);
        CHECK(sim.controllerId() == -1);
        sim.runUntil(electedAt);
        const BrokerId second = std::vector<BrokerId>{2, 3}[draws.below(2)];
        CHECK(sim.controllerId() == second);
        CHECK(sim.controllerEpoch() == 2);
        CHECK(electedAt <= 1000 + kafka::controllerElectionBound(1));
        // The new controller does not know broker 1's last heartbeat: a fresh session from its
        // activation, so broker 1 is fenced (and its leaderships move) at electedAt + 9000, not 10000.
        sim.runUntil(electedAt + 8999);
        CHECK(!sim.brokers()[0].fenced);
        CHECK(sim.partition({"t", led1})->leader == 1);
        sim.runUntil(electedAt + 9000);
        CHECK(sim.brokers()[0].fenced);
        CHECK(sim.partition({"t", led1})->leader != 1);

        // Restart broker 1: the sitting controller keeps the role; 1 is unfenced 9 x 1 + 2 x 25 ms later.
        sim.runUntil(20000);
        mark = j.size();
        sim.startBroker(1);
        sim.runUntil(25000);
        CHECK(sim.controllerId() == second);
        CHECK(sim.controllerEpoch() == 2);
        CHECK(eventsOf(EventType::ControllerElected, mark).empty());
        const auto unfenced = eventsOf(EventType::BrokerUnfenced, mark);
        REQUIRE(unfenced.size() == 1);
        CHECK(unfenced[0]->time == 20000 + 59);

        // Crash the controller and one more node: 1 of 3 voters cannot elect anyone.
        const BrokerId other = second == 2 ? 3 : 2;
        mark = j.size();
        sim.stopBroker(second, true);
        sim.stopBroker(other, true);
        sim.runUntil(80000);
        CHECK(sim.controllerId() == -1);
        for (const Event* e : eventsOf(EventType::ControllerElected, mark)) CHECK(e->broker == -1);
        // What that blocks: nobody fences the dead brokers, moves their leaderships or shrinks an ISR
        // (replica.lag.time.max.ms, 30 s, passed long ago): the metadata stays as the last controller left it.
        CHECK(eventsOf(EventType::BrokerFenced, mark).empty());
        CHECK(eventsOf(EventType::LeaderElected, mark).empty());
        CHECK(eventsOf(EventType::IsrShrunk, mark).empty());
        CHECK(!sim.brokers()[static_cast<std::size_t>(second - 1)].fenced);
        CHECK(sim.partition({"t", 1})->isr.size() == 3);

        // Start one of them again: a majority (2 of 3). The candidates' next try (election timeout
        // 1000 + jitter) wins; the new controller fences the dead one 9000 ms after it is active.
        // When the controller crashed, 2 of 3 still ran: an election was planned (a jitter drawn); when
        // it came, the other node was down too and nobody could win.
        (void)draws.below(1000);
        sim.startBroker(other);
        const TimeMs jitter2 = static_cast<TimeMs>(draws.below(1000));
        const TimeMs electedAgain = 80000 + 1000 + jitter2 + 4 + 25;
        sim.runUntil(electedAgain - 1);
        CHECK(sim.controllerId() == -1);
        sim.runUntil(electedAgain);
        const BrokerId third = std::vector<BrokerId>{1, other}[draws.below(2)];
        CHECK(sim.controllerId() == third);
        CHECK(sim.controllerEpoch() == 3);
        sim.runUntil(electedAgain + 9000);
        CHECK(sim.brokers()[static_cast<std::size_t>(second - 1)].fenced);

        // The timeline folds the journal's events into the same controller at every moment.
        Timeline tl(j, 16);
        BrokerId folded = -1;
        for (std::size_t i = 0; i < j.size(); ++i) {
            if (j[i].type == EventType::ControllerElected) folded = j[i].broker;
            if (i % 97 == 0 || j[i].type == EventType::ControllerElected) CHECK(tl.at(i + 1).controller() == folded);
        }
        CHECK(tl.latest().controller() == sim.controllerId());
        CHECK(tl.latest().controller_epoch == 3);
    }

    TEST_CASE("KRaft controller: a controlled shutdown of the controller resigns at once - a one-node quorum elects itself on restart") {
        ClusterConfig cfg;
        cfg.brokers = 3;
        Simulation sim(cfg, 4);
        Rng draws(runtime::forkSeed(4, "kafka/controller"));
        sim.runUntil(500);
        sim.stopBroker(1, false);
        CHECK(sim.brokers()[0].fenced); // its broker role shut down through its own controller first
        const TimeMs at = 500 + static_cast<TimeMs>(draws.below(1000)) + 4 + 25; // no fetch timeout to wait
        sim.runUntil(at - 1);
        CHECK(sim.controllerId() == -1);
        sim.runUntil(at);
        CHECK(sim.controllerId() == std::vector<BrokerId>{2, 3}[draws.below(2)]);

        ClusterConfig one;
        one.brokers = 1;
        Simulation single(one, 4);
        single.runUntil(1000);
        single.stopBroker(1, true);
        CHECK(single.controllerId() == -1);
        single.runUntil(5000);
        CHECK(single.controllerId() == -1);
        single.startBroker(1);
        single.runUntil(5024);
        CHECK(single.controllerId() == -1);
        single.runUntil(5025); // quorum.append.linger.ms after the start
        CHECK(single.controllerId() == 1);
        CHECK(single.controllerEpoch() == 2);
        single.runUntil(5025 + 59);
        CHECK(!single.brokers()[0].fenced); // registered with its own controller, then unfenced
    }

    TEST_CASE("BasicTimeline folds the same journal into any view - at any moment") {
        ClusterConfig cfg;
        cfg.brokers = 2;
        Simulation sim(cfg, 5);
        sim.createTopic("t", 4, 2);
        const auto p = sim.addProducer({});
        for (int i = 0; i < 100; ++i) sim.sendSynthetic(p, "t", std::nullopt);
        sim.runFor(5000);
        BasicTimeline<CountingView> counts(sim.journal(), 7);
        Timeline kafka(sim.journal(), 7);
        REQUIRE(counts.size() == sim.journal().size());
        CHECK(counts.latest().counts.at(EventType::BrokerStarted) == 2);
        for (std::size_t n : {std::size_t{0}, std::size_t{5}, std::size_t{13}, counts.size() / 2, counts.size()}) {
            const CountingView v = counts.at(n);
            CHECK(v.events == n);
            int total = 0;
            for (const auto& [type, c] : v.counts) total += c;
            CHECK(total == static_cast<int>(n));
            CHECK(kafka.at(n).events == n);
        }
        CHECK(counts.eventsUpTo(0) == kafka.eventsUpTo(0));
    }

    TEST_CASE("the view's partition map - the same as a std::map under random changes, and copies share unchanged chunks") {
        using Map = ChunkedCowMap<TpKey, std::int64_t>;
        Map m;
        std::map<TpKey, std::int64_t> ref;
        std::uint64_t x = 7;
        auto next = [&x] {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            return x >> 33;
        };
        std::vector<Map> copies;
        auto same = [](const auto& a, const auto& b) { return a.first == b.first && a.second == b.second; };
        std::vector<std::map<TpKey, std::int64_t>> refCopies;
        for (int step = 0; step < 20000; ++step) {
            const auto op = next() % 100;
            const TpKey k{static_cast<std::int32_t>(next() % 6), static_cast<std::int32_t>(next() % 400)};
            if (op < 80) { // write (insert or change)
                m[k] += static_cast<std::int64_t>(op);
                ref[k] += static_cast<std::int64_t>(op);
            } else if (op < 82) { // delete a topic (TopicDeleted)
                m.eraseRange({k.first, std::numeric_limits<std::int32_t>::min()}, {k.first + 1, std::numeric_limits<std::int32_t>::min()},
                             [](const TpKey&) { return true; });
                std::erase_if(ref, [&](const auto& e) { return e.first.first == k.first; });
            } else if (op < 83) { // a snapshot
                copies.push_back(m);
                refCopies.push_back(ref);
            }
            if (step % 997 == 0 || step == 19999) {
                REQUIRE(m.size() == ref.size());
                REQUIRE(std::equal(m.begin(), m.end(), ref.begin(), ref.end(), same));
                const TpKey probe{k.first, k.second + 1};
                const auto lb = m.lower_bound(probe);
                const auto rlb = ref.lower_bound(probe);
                CHECK((lb == m.end()) == (rlb == ref.end()));
                if (lb != m.end() && rlb != ref.end()) CHECK(lb->first == rlb->first);
                CHECK(m.contains(k) == ref.contains(k));
            }
        }
        REQUIRE(copies.size() > 20);
        for (std::size_t i = 0; i < copies.size(); ++i) // every snapshot kept its values while the map changed on
            REQUIRE(std::equal(copies[i].begin(), copies[i].end(), refCopies[i].begin(), refCopies[i].end(), same));
        // A copy shares every chunk; one change unshares exactly the chunk it falls in.
        Map a;
        for (std::int32_t p = 0; p < 1000; ++p) a[{1, p}] = p;
        const Map b = a;
        CHECK(a.chunks() == (1000 + Map::kChunk - 1) / Map::kChunk);
        CHECK(b.sharedChunks(a) == a.chunks());
        a[{1, 500}] = -1;
        CHECK(b.sharedChunks(a) == a.chunks() - 1);
        CHECK(b.at({1, 500}) == 500);
        CHECK(a.at({1, 500}) == -1);
    }

    TEST_CASE("timeline snapshots share the partitions no event changed since") {
        // A 400-partition topic nobody writes to and a busy 4-partition one: the views at two moments
        // (each a snapshot's copy folded on) hold the idle topic's chunks in the same memory.
        ClusterConfig cfg;
        cfg.brokers = 2;
        Simulation sim(cfg, 3);
        REQUIRE(sim.createTopic("big", 400, 2).ok());
        REQUIRE(sim.createTopic("t", 4, 2).ok());
        const auto p = sim.addProducer({});
        for (int round = 0; round < 3000; ++round) {
            sim.sendSynthetic(p, "t", std::nullopt);
            sim.runFor(5);
        }
        const std::size_t total = sim.journal().size();
        Timeline timeline(sim.journal(), 100);
        REQUIRE(timeline.snapshots() >= 3);
        const ClusterView early = timeline.at(total / 3);
        const ClusterView late = timeline.at(total - 1);
        const std::size_t idleChunks = 400 / PartitionMap::kChunk; // chunks holding "big" partitions only
        CHECK(late.partitions.chunks() <= idleChunks + 3);
        CHECK(late.partitions.sharedChunks(early.partitions) >= idleChunks);
        CHECK(late.partitions.sharedChunks(timeline.latest().partitions) >= idleChunks);
        // and the values are the folded ones
        ClusterView manual;
        for (std::size_t i = 0; i < total - 1; ++i) manual.apply(sim.journal(), sim.journal()[i]);
        CHECK(late.partitions == manual.partitions);
    }

    TEST_CASE("a heavy view is snapshotted further apart - and every moment is still exact") {
        // 400 partitions x RF 2: a copy of the view costs as much as folding hundreds of events, so
        // the snapshots are at least 4 x 400 events apart instead of every 100.
        ClusterConfig cfg;
        cfg.brokers = 2;
        Simulation sim(cfg, 3);
        REQUIRE(sim.createTopic("big", 400, 2).ok());
        REQUIRE(sim.createTopic("t", 4, 2).ok());
        const auto p = sim.addProducer({});
        for (int round = 0; round < 3000; ++round) { // one small batch at a time: many events
            sim.sendSynthetic(p, "t", std::nullopt);
            sim.runFor(5);
        }
        const std::size_t total = sim.journal().size();
        REQUIRE(total > 8000);
        Timeline heavy(sim.journal(), 100);
        CHECK(heavy.snapshots() >= 3);                     // it still snapshots (liveness of seeking)
        CHECK(heavy.snapshots() <= 1 + total / (4 * 400)); // but not every 100 events
        BasicTimeline<CountingView> light(sim.journal(), 100);
        CHECK(light.snapshots() == 1 + total / 100); // an unweighed view keeps the fixed spacing
        for (std::size_t n : {std::size_t{1}, std::size_t{4099}, total / 3, total / 2 + 17, total - 1}) {
            CAPTURE(n);
            const ClusterView v = heavy.at(n);
            ClusterView manual;
            for (std::size_t i = 0; i < n; ++i) manual.apply(sim.journal(), sim.journal()[i]);
            REQUIRE(v.events == n);
            REQUIRE(v.partitions.size() == manual.partitions.size());
            bool same = true;
            for (const auto& [k, mp] : manual.partitions) {
                const PartitionView& vp = v.partitions.at(k);
                same = same && vp.high_watermark == mp.high_watermark && vp.leader == mp.leader && vp.isr == mp.isr &&
                       vp.replica_leo == mp.replica_leo && vp.log_start == mp.log_start;
            }
            CHECK(same);
        }
    }
}

namespace {
int g_refusedSends = 0;
void countInvariant(const char*, const char*, const char*, int) { ++g_refusedSends; }
} // namespace

TEST_SUITE("sim/kafka") {
    TEST_CASE("sendSynthetic refuses a key or producer id it never handed out instead of reading past its tables") {
        ClusterConfig cfg;
        cfg.brokers = 1;
        Simulation sim(cfg, 1);
        REQUIRE(sim.createTopic("t", 1, 1).ok());
        const auto p = sim.addProducer(ProducerConfig{});
        const auto before = sim.journal().size();
        g_refusedSends = 0;
        const InvariantHandler previous = setInvariantHandler(&countInvariant);
        CHECK(sim.sendSynthetic(p, "t", 123456u) == ErrorCode::UNKNOWN_SERVER_ERROR);
        CHECK(sim.sendSynthetic(p + 7, "t", std::nullopt) == ErrorCode::UNKNOWN_SERVER_ERROR);
        CHECK(sim.sendSynthetic(-1, "t", std::nullopt) == ErrorCode::UNKNOWN_SERVER_ERROR);
        setInvariantHandler(previous);
        CHECK(g_refusedSends == 3);
        CHECK(sim.journal().size() == before); // nothing was enqueued or journaled
        // A key it handed out still works.
        CHECK(sim.sendSynthetic(p, "t", sim.internKey("k")) == ErrorCode::NONE);
    }
}
