// The Kafka model's rules written once (the KRaft controller choice) and the generic timeline.
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
    TEST_CASE("one KRaft controller rule: the simulation and the timeline's view of any moment agree") {
        ClusterConfig cfg;
        cfg.brokers = 3;
        Simulation sim(cfg, 1);
        CHECK(sim.controllerId() == 1);
        sim.stopBroker(1, true);
        sim.runFor(20000); // fenced by now
        CHECK(sim.brokers()[0].fenced);
        CHECK(sim.controllerId() == 2);
        sim.stopBroker(2);
        sim.runFor(1000);
        const std::size_t oneLeft = sim.journal().size();
        CHECK(sim.controllerId() == 3);
        sim.stopBroker(3);
        sim.runFor(1000);
        CHECK(sim.controllerId() == -1);
        sim.startBroker(2);
        sim.runFor(1000);
        CHECK(sim.controllerId() == 2);

        Timeline tl(sim.journal(), 4);
        CHECK(tl.at(3).controller() == 1); // the three BrokerStarted events
        CHECK(tl.at(oneLeft).controller() == 3);
        CHECK(tl.latest().controller() == sim.controllerId());
        CHECK(kafka::kraftController(tl.latest().brokers) == 2);
        CHECK(kafka::kraftController(std::vector<BrokerState>{}) == -1);
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
