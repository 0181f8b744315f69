// labs::observe::TimelineCursor, the cursor the app's controller moves over a run's history: at any
// position, reached forwards (folding events) or backwards and far (from a snapshot), it shows the
// state sim::Timeline::at gives for that many events, and its observation is SimObserver's.
#include "labs/backend/session.h"
#include "labs/backend/scenario_errors.h"
#include "labs/observe/plot_sampler.h"
#include "labs/observe/sim_observer.h"
#include "labs/observe/timeline_cursor.h"
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace fluxolab;

namespace {

void checkSame(const sim::ClusterView& a, const sim::ClusterView& b) {
    REQUIRE(a.events == b.events);
    REQUIRE(a.partitions.size() == b.partitions.size());
    for (auto ia = a.partitions.begin(), ib = b.partitions.begin(); ia != a.partitions.end(); ++ia, ++ib) {
        CHECK(ia->first == ib->first);
        CHECK(ia->second.high_watermark == ib->second.high_watermark);
        CHECK(ia->second.leader == ib->second.leader);
        CHECK(ia->second.isr == ib->second.isr);
        CHECK(ia->second.replica_leo == ib->second.replica_leo);
    }
    REQUIRE(a.groups.size() == b.groups.size());
    for (auto ia = a.groups.begin(), ib = b.groups.begin(); ia != a.groups.end(); ++ia, ++ib) {
        CHECK(ia->second.state == ib->second.state);
        CHECK(ia->second.generation == ib->second.generation);
        CHECK(ia->second.members == ib->second.members);
        CHECK(ia->second.committed == ib->second.committed);
    }
    CHECK(a.consumers.size() == b.consumers.size());
}

} // namespace

TEST_CASE("timeline cursor shows the timeline's state at every position it is moved to") {
    sim::ScenarioError error;
    const auto scenario =
        sim::loadScenarioFile(std::string(FLUXOLAB_SOURCE_DIR "/assets/scenarios/rebalance-basico.json"), error);
    REQUIRE_MESSAGE(scenario, fluxolab::labs::scenarioErrorText(error));
    labs::Session session(*scenario, 3);
    labs::observe::TimelineCursor cursor;
    CHECK(!cursor.attached());
    CHECK(cursor.size() == 0);
    cursor.attach(session.sim().journal());
    CHECK(cursor.attached());
    session.runUntil(120000);
    CHECK(cursor.size() < session.sim().journal().size()); // nothing indexed before sync
    cursor.sync(session.sim());
    const std::size_t n = session.sim().journal().size();
    REQUIRE(cursor.size() == n);
    REQUIRE(n > 9000); // far moves start from a snapshot (every 4096 events at least)
    CHECK(cursor.eventsUpTo(-1) == 0);
    CHECK(cursor.eventsUpTo(120000) == n);

    const sim::Timeline reference(session.sim().journal());
    // Forwards by small steps (folded), back, far forwards, past the end (clamped), to 0.
    for (std::size_t to : std::vector<std::size_t>{1, 2, 50, 4000, 3999, 17, n - 1, n / 2, n + 5, 0, n / 3 + 7}) {
        CAPTURE(to);
        cursor.moveTo(to);
        CHECK(cursor.position() == std::min(to, n));
        checkSame(cursor.view(), reference.at(to));
    }
    // Its observation is SimObserver's of the same view.
    cursor.moveTo(n);
    labs::observe::SimObserver observer;
    observer.learn(session.sim());
    const labs::observe::Observation mine = cursor.observe(session.sim(), true, {});
    const labs::observe::Observation theirs = observer.observe(session.sim(), reference.latest(), true, {});
    CHECK(mine.partitions.size() == theirs.partitions.size());
    CHECK(mine.groups.size() == theirs.groups.size());
    CHECK(mine.topics.size() == theirs.topics.size());
    for (std::size_t i = 0; i < mine.topics.size() && i < theirs.topics.size(); ++i)
        CHECK(mine.topics[i].topic_id == theirs.topics[i].topic_id);
    cursor.detach();
    CHECK(!cursor.attached());
    CHECK(cursor.size() == 0);
    CHECK(cursor.position() == 0);
}

TEST_CASE("plot samples: no lag point before the group has committed - a gap, not 0") {
    // rebalance-basico at seed 1: group faturacao joins at once but commits only after
    // auto.commit.interval.ms (5 s) of consuming; kafka-consumer-groups prints LAG "-" until then.
    // The lag lines were 0 there while the producer wrote ~100 records.
    sim::ScenarioError error;
    const auto scenario = sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/rebalance-basico.json", error);
    REQUIRE_MESSAGE(scenario, fluxolab::labs::scenarioErrorText(error));
    labs::Session session(*scenario, 1);
    labs::observe::TimelineCursor cursor;
    labs::observe::PlotSampler sampler;
    cursor.attach(session.sim().journal());
    session.runUntil(7000);
    sampler.sync(cursor, session.sim());
    const auto& p = sampler.series();
    std::int32_t group = -1;
    for (const auto& [g, n] : p.group_names)
        if (n == "faturacao") group = g;
    REQUIRE(group >= 0);
    const auto& lag = p.group_lag.at(group);
    std::size_t first = 0;
    while (first < lag.size() && std::isnan(lag[first])) ++first;
    REQUIRE(first < lag.size());
    REQUIRE(first > 0);
    MESSAGE("first lag point at " << p.time_s[first] << " s, HW total before it " << p.hw_total[first - 1]);
    CHECK(p.time_s[first] >= 5.0);        // no commit before the first auto-commit interval
    CHECK(p.hw_total[first - 1] > 50);    // records were written meanwhile: the lag was not 0
    CHECK(lag[first] >= 0);
    for (const auto& [key, series] : p.partition_lag)
        for (std::size_t i = 0; i < first && i < series.size(); ++i) CHECK(std::isnan(series[i]));
}

TEST_CASE("plot samples: a steady consumer's rate is steady - no zigzag from fetches entering and leaving the window") {
    // rebalance-basico: the shop writes 20 records/s; group faturacao keeps up. The window was open at
    // both ends, (t - 1 s, t) (the events at t come after the sample): the samples at multiples of
    // 100 ms (the clients' grid) lost one instant's records and the consume rate zigzagged 18, 20, 18
    // records/s. Liveness too: the rate is that of the producer, not 0.
    sim::ScenarioError error;
    const auto scenario = sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/rebalance-basico.json", error);
    REQUIRE_MESSAGE(scenario, fluxolab::labs::scenarioErrorText(error));
    for (const std::uint64_t seed : {1u, 42u}) {
        CAPTURE(seed);
        labs::Session session(*scenario, seed);
        labs::observe::TimelineCursor cursor;
        labs::observe::PlotSampler sampler;
        cursor.attach(session.sim().journal());
        session.runUntil(36000);
        sampler.sync(cursor, session.sim());
        const auto& p = sampler.series();
        double lo = 1e9, hi = -1e9, produced = 0;
        int n = 0;
        for (std::size_t i = 0; i < p.time_s.size(); ++i) {
            if (p.time_s[i] < 12.0 || p.time_s[i] > 35.0) continue; // steady: after the group formed
            lo = std::min(lo, p.consume_rate[i]);
            hi = std::max(hi, p.consume_rate[i]);
            produced += p.produce_rate[i];
            ++n;
        }
        REQUIRE(n > 80);
        produced /= n;
        MESSAGE("consume rate " << lo << " to " << hi << " records/s, produce rate " << produced);
        CHECK(produced == doctest::Approx(20).epsilon(0.05));
        CHECK(lo > 0.8 * produced);
        CHECK(hi < 1.2 * produced);
        CHECK(hi - lo < 1.0); // was 2 (18 to 20)
    }
}
