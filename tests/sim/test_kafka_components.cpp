// The Kafka model's rules written once (the KRaft controller choice) and the generic timeline.
#include "sim/cluster.h"
#include "sim/invariant.h"
#include "sim/kafka/controller.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

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
