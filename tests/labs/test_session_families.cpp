// One session's journal shared by two engines: a stream job on the session's clock appends its own
// family's events (sim/stream/journal.h) next to the Kafka events. The readers of the shared journal
// in labs/ (the observer's markers, rebalance scan and appends) and the Kafka timeline skip the
// family they do not understand: they see exactly what they see without the job.
#include "labs/backend/session.h"
#include "labs/observe/sim_observer.h"
#include "sim/scenario.h"
#include "sim/stream/engine.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace fluxolab;

namespace {

stream::JobSpec smallJob() {
    stream::JobSpec spec;
    spec.watermark.kind = stream::WatermarkKind::BoundedOutOfOrderness;
    spec.watermark.bound = 500;
    spec.watermark.perEvent = false;
    spec.watermark.interval = 200;
    spec.parallelism = 2;
    spec.partitions = 3;
    spec.window.kind = stream::WindowKind::Tumble;
    spec.window.size = 2000;
    spec.checkpointInterval = 3000;
    return spec;
}

using MarkerKey = std::tuple<int, sim::TimeMs, std::string, std::int32_t>;
std::vector<MarkerKey> markerKeys(const labs::observe::Observation& o) {
    std::vector<MarkerKey> out;
    for (const auto& m : o.markers) out.emplace_back(static_cast<int>(m.kind), m.time, m.subject, m.value);
    return out;
}

/// The Kafka family's events of a journal as JSON Lines.
std::string kafkaLines(const sim::Journal& j) {
    std::string out;
    for (std::size_t i = 0; i < j.size(); ++i)
        if (j[i].family == sim::kKafkaFamily) out += j.toJson(i) + "\n";
    return out;
}

struct Outcome {
    std::string kafka;
    std::size_t events = 0;
    std::vector<MarkerKey> markers;
    std::size_t groups = 0;
    std::size_t changes = 0;
    std::size_t appends = 0;
    std::int64_t consumed = 0;
};

/// Runs falha-de-broker (a broker crash: elections, a rebalance) for 30 s, with or without a stream
/// job on the session's scheduler journaling into the session's journal.
Outcome run(bool withStream) {
    sim::ScenarioError error;
    const auto sc = sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/falha-de-broker.json", error);
    REQUIRE(sc);
    labs::Session session(*sc, sc->seed);
    std::optional<stream::JournalFamilySink> sink;
    std::optional<stream::StreamJob> job;
    if (withStream) {
        sink.emplace(session.sim().sharedJournal());
        job.emplace(smallJob(), stream::JobOutput{}, &*sink, 0, &session.sim().scheduler());
    }
    for (sim::TimeMs t = 0; t <= 30000; t += 250) {
        session.runUntil(t);
        if (job) {
            const auto i = static_cast<int>(t / 250);
            job->process(stream::Element{std::max<sim::TimeMs>(0, t - 300 * (i % 4)), "k" + std::to_string(i % 3), 1, i % 3, t});
        }
    }
    const sim::Journal& j = session.sim().journal();
    if (withStream) {
        REQUIRE(j.findFamily(stream::kStreamFamilyName) >= 0);
        std::size_t streamEvents = 0;
        for (const auto& e : j.events()) streamEvents += e.family != sim::kKafkaFamily ? 1 : 0;
        CHECK(streamEvents > 100); // the job did journal next to the cluster
    }
    labs::observe::SimObserver observer;
    observer.learn(session.sim());
    sim::Timeline tl(j);
    labs::observe::ObserveOptions options;
    options.appends_ms = 30000;
    const auto o = observer.observe(session.sim(), tl.latest(), true, options);
    Outcome out;
    out.kafka = kafkaLines(j);
    out.events = tl.latest().events;
    out.markers = markerKeys(o);
    out.groups = o.groups.size();
    for (const auto& g : o.groups) out.changes += g.changes.size();
    out.appends = o.appends.size();
    for (const auto& c : tl.latest().consumers) out.consumed += c.consumed;
    return out;
}

} // namespace

TEST_SUITE("labs/session") {
    TEST_CASE("a stream job attached to a session does not change what the Kafka readers see") {
        const Outcome plain = run(false);
        const Outcome shared = run(true);
        REQUIRE(!plain.markers.empty());
        CHECK(shared.events > plain.events);  // the Kafka timeline passed the stream events too
        CHECK(shared.kafka == plain.kafka);   // the cluster ran the same: one clock, its own RNG
        CHECK(shared.markers == plain.markers);
        CHECK(shared.groups == plain.groups);
        CHECK(shared.changes == plain.changes);
        CHECK(shared.appends == plain.appends);
        CHECK(shared.consumed == plain.consumed);
    }
}
