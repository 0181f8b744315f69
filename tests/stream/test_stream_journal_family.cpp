// The stream journal as a family of the shared journal (sim/journal.h): declared once in
// FLUXOLAB_STREAM_EVENTS, rendered from that schema, journaled next to the Kafka events without
// changing them, and seekable with BasicTimeline<StreamView> (sim/stream/view.h).
#include "sim/hash.h"
#include "sim/runtime/scheduler.h"
#include "sim/scenario.h"
#include "sim/stream/engine.h"
#include "sim/stream/view.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace fluxolab::stream;
namespace sim = fluxolab::sim;
namespace rt = fluxolab::sim::runtime;

namespace {

Element at(Millis ts, Millis arrival, const std::string& key, int partition) {
    return Element{ts, key, 1, partition, arrival};
}

/// A small deterministic generator (the tests' own; no <random> needed).
struct Lcg {
    std::uint64_t s;
    std::uint64_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return s >> 33;
    }
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
};

/// Three partitions on two subtasks, periodic watermarks with idleness, allowed lateness, late data,
/// sessions merging, checkpoints and a crash: every kind of window and watermark event.
JobSpec richSpec(WindowKind kind) {
    JobSpec spec;
    spec.watermark.kind = WatermarkKind::BoundedOutOfOrderness;
    spec.watermark.bound = 2000;
    spec.watermark.perEvent = false;
    spec.watermark.interval = 200;
    spec.watermark.idleTimeout = 1500;
    spec.parallelism = 2;
    spec.partitions = 3;
    spec.window.kind = kind;
    spec.window.size = 5000;
    spec.window.gap = 3000;
    spec.window.allowedLateness = 1000;
    spec.checkpointInterval = 4000;
    return spec;
}

std::vector<Element> richInput(std::uint64_t seed) {
    Lcg rng{seed};
    std::vector<Element> in;
    Millis arrival = 0;
    for (int i = 0; i < 400; ++i) {
        arrival += rng.below(120);
        const int partition = static_cast<int>(rng.below(3));
        if (partition == 2 && arrival > 10000 && arrival < 20000) continue; // partition 2 goes quiet
        const Millis lateBy = rng.below(10) == 0 ? 15000 : rng.below(2500);
        in.push_back(at(std::max<Millis>(0, arrival - lateBy), arrival, "k" + std::to_string(rng.below(5)),
                        partition));
    }
    return in;
}

/// Runs the job on a shared scheduler, journaling into `journal` (with a Kafka-family event every
/// 500 ms of the same clock, standing for the cluster), and crashing once at `crashAt` elements.
void runRich(const JobSpec& spec, const std::vector<Element>& in, sim::Journal& journal,
             std::size_t crashAt) {
    rt::Scheduler sched;
    JournalFamilySink sink(journal);
    StreamJob job(spec, {}, &sink, 0, &sched);
    Millis nextKafka = 0;
    const auto kafkaUpTo = [&](Millis t) {
        while (nextKafka <= t) {
            job.advanceProcessingTime(nextKafka);
            sim::Event e;
            e.time = sched.now();
            e.type = sim::EventType::BrokerStarted;
            e.broker = 1;
            journal.append(e);
            nextKafka += 500;
        }
    };
    bool crashed = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        kafkaUpTo(in[i].arrival);
        job.process(in[i]);
        if (!crashed && i + 1 == crashAt) {
            crashed = true;
            const auto from = job.crashAndRestore();
            i = static_cast<std::size_t>(from) - 1; // replay from the checkpoint's source position
            if (from == 0) i = static_cast<std::size_t>(-1);
        }
    }
    kafkaUpTo(in.back().arrival + 3000);
    job.finish(true);
}

StreamView foldTo(const sim::Journal& j, std::size_t n) {
    StreamView v;
    for (std::size_t i = 0; i < n; ++i)
        v.apply(j, j[i]);
    return v;
}

} // namespace

TEST_SUITE("stream/journal") {
    TEST_CASE("stream events are rendered from the schema and round-trip through the shared journal") {
        CHECK(std::string(streamEventKindName(StreamEventKind::ElementArrived)) == "element_arrived");
        CHECK(std::string(streamEventKindName(StreamEventKind::JobRestored)) == "job_restored");
        CHECK(kStreamEventSchemas[static_cast<int>(StreamEventKind::WindowFired)].field("watermark") !=
              nullptr);

        StreamEvent fired{StreamEventKind::WindowFired, 6200, -1, 1, -1, 0, 5000, kMaxTime, 1, "p\"1", {}};
        CHECK(
            toJson(fired) ==
            R"({"t":6200,"type":"window_fired","subtask":1,"key":"p\"1","start":0,"end":5000,"watermark":"MAX","late":true})");
        StreamEvent channel{StreamEventKind::ChannelWatermark, 10, -1, 0, 1, 4999, 0, 0, 0, {}, {}};
        CHECK(toJson(channel) ==
              R"({"t":10,"type":"channel_watermark","subtask":0,"channel":1,"watermark":4999})");
        StreamEvent output{StreamEventKind::ProcessOutput, 7, -1, 0, -1, kMinTime, 0, 0, 0, "u", "alerta"};
        CHECK(toJson(output) ==
              R"({"t":7,"type":"process_output","subtask":0,"key":"u","timestamp":"MIN","value":"alerta"})");

        // Every event of a rich run survives the trip into the shared journal and back.
        StreamJournal mem;
        sim::Journal shared;
        {
            struct Both final : StreamJournalSink {
                StreamJournal& a;
                JournalFamilySink b;
                Both(StreamJournal& x, sim::Journal& j) : a(x), b(j) {}
                void record(const StreamEvent& e) override {
                    a.record(e);
                    b.record(e);
                }
            } both(mem, shared);
            StreamJob job(richSpec(WindowKind::Session), {}, &both, 0);
            for (const auto& e : richInput(3))
                job.process(e);
            job.finish(true);
        }
        REQUIRE(mem.events().size() > 500);
        REQUIRE(shared.size() == mem.events().size());
        std::string lines;
        for (std::size_t i = 0; i < shared.size(); ++i) {
            const StreamEvent back = fromJournalEvent(shared, shared[i]);
            const StreamEvent& orig = mem.events()[i];
            CHECK(back.kind == orig.kind);
            CHECK(back.procTime == orig.procTime);
            CHECK(back.partition == orig.partition);
            CHECK(back.subtask == orig.subtask);
            CHECK(back.channel == orig.channel);
            CHECK(back.a == orig.a);
            CHECK(back.b == orig.b);
            CHECK(back.c == orig.c);
            CHECK(back.flag == orig.flag);
            CHECK(back.key == orig.key);
            CHECK(back.name == orig.name);
            lines += shared.toJson(i) + "\n";
        }
        CHECK(lines == mem.toJsonLines());
        CHECK(std::string(shared.family(shared[0].family).engine) == "stream");
        CHECK(streamFamily(shared) == shared[0].family); // registered once
    }

    TEST_CASE("a Kafka scenario run with a stream job attached keeps its Kafka events byte-identical") {
        const std::filesystem::path dir = FLUXOLAB_SOURCE_DIR;
        std::ifstream golden(dir / "tests/sim/golden/journal_hashes.txt");
        std::string line, expected;
        while (std::getline(golden, line))
            if (line.rfind("falha-de-broker 1 ", 0) == 0) expected = line.substr(line.rfind(' ') + 1);
        REQUIRE(expected.size() == 64);
        sim::ScenarioError error;
        const auto scenario =
            sim::loadScenarioFile((dir / "assets/scenarios/falha-de-broker.json").string(), error);
        REQUIRE(scenario.has_value());

        sim::ScenarioRun run(*scenario, 1);
        JournalFamilySink sink(run.sim().sharedJournal());
        JobSpec spec = richSpec(WindowKind::Tumble);
        spec.window.processingTime = false;
        StreamJob job(spec, {}, &sink, 0, &run.sim().scheduler());
        const sim::TimeMs target = std::min<sim::TimeMs>(scenario->duration_ms, 3600000);
        REQUIRE(target <= 600000); // (the golden run steps every 5 min beyond 10 min)
        const auto in = richInput(7);
        std::size_t next = 0;
        for (sim::TimeMs t = 0; t <= target; t += 250) {
            run.runUntil(t); // the scenario drives the one clock; the job's timers fire on it
            for (; next < in.size() && in[next].arrival <= t; ++next) {
                Element e = in[next];
                e.arrival = t;
                job.process(e);
            }
        }
        run.runUntil(target);
        const sim::Journal& j = run.sim().journal();
        sim::Sha256 kafkaOnly;
        std::size_t streamEvents = 0;
        for (std::size_t i = 0; i < j.size(); ++i) {
            if (i > 0) CHECK(j[i - 1].time <= j[i].time); // one timeline, in time order
            if (j[i].family != sim::kKafkaFamily) {
                ++streamEvents;
                continue;
            }
            std::string l = j.toJson(i);
            l.push_back('\n');
            kafkaOnly.update(l);
        }
        CHECK(streamEvents > 100);
        CHECK(kafkaOnly.hexDigest() == expected);
        // The Kafka view skips the stream family; the stream view reads it from the same journal.
        const StreamTimeline timeline(j, 64);
        CHECK(timeline.latest().state.elements == in.size());
        CHECK(timeline.latest().operatorWatermark(0) == job.operatorWatermark(0));
    }

    TEST_CASE("seeking in the stream journal equals folding from the start (many random moments)") {
        for (const WindowKind kind : {WindowKind::Tumble, WindowKind::Session, WindowKind::Hop}) {
            JobSpec spec = richSpec(kind);
            spec.window.slide = 2000;
            sim::Journal j;
            runRich(spec, richInput(11), j, 250);
            REQUIRE(j.size() > 1000);
            const StreamTimeline timeline(j, 37);
            Lcg rng{static_cast<std::uint64_t>(kind) + 5};
            for (int k = 0; k < 120; ++k) {
                const auto n = static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(j.size()) + 1));
                CHECK(timeline.at(n).sameAs(foldTo(j, n)));
                const sim::TimeMs t = rng.below(j[j.size() - 1].time + 1);
                CHECK(timeline.atTime(t).sameAs(foldTo(j, timeline.eventsUpTo(t))));
            }
            const StreamView& end = timeline.latest();
            CHECK(end.restores == 1);
            // Across the crash the view shows the restored job: the state of the last checkpoint.
            for (std::size_t i = 0; i < j.size(); ++i)
                if (j[i].family != sim::kKafkaFamily &&
                    static_cast<StreamEventKind>(j[i].typeIndex()) == StreamEventKind::JobRestored) {
                    const StreamView before = timeline.at(i);
                    REQUIRE(before.checkpointed != nullptr);
                    CHECK(before.lastCheckpoint > 0);
                    CHECK_FALSE(before.state == *before.checkpointed); // it had moved on
                    CHECK(timeline.at(i + 1).state == *before.checkpointed);
                }
            CHECK(end.state.firings > 0);
            // (Every key's session stays open all run long: a late element falls inside it.)
            if (kind != WindowKind::Session) CHECK(end.state.lateToSideOutput > 0);
            CHECK(end.state.splits.size() == 3);
        }
    }

    TEST_CASE(
        "the stream view shows an idle partition holding the watermark - then released - and open windows") {
        // Hand-computed: monotonous watermarks every 200 ms, idleness 1 s, tumble 5 s, 2 partitions.
        JobSpec spec;
        spec.watermark.kind = WatermarkKind::Monotonous;
        spec.watermark.perEvent = false;
        spec.watermark.interval = 200;
        spec.watermark.idleTimeout = 1000;
        spec.partitions = 2;
        spec.window.size = 5000;
        sim::Journal j;
        JournalFamilySink sink(j);
        rt::Scheduler sched;
        StreamJob job(spec, {}, &sink, 0, &sched);
        job.process(at(1000, 0, "a", 0));
        job.process(at(1000, 0, "a", 1));
        for (int k = 1; k <= 10; ++k)
            job.process(at(6000 + 100 * k, 300 * k, "a", 0));
        const StreamTimeline timeline(j, 8);
        // At 1400 partition 1 is quiet but not idle: it holds the operator watermark at 999.
        const StreamView before = timeline.atTime(1400);
        REQUIRE(before.state.splits.size() == 2);
        CHECK_FALSE(before.state.splits[1].idle);
        CHECK(before.operatorWatermark(0) == 999);
        CHECK(before.state.windows.size() == 2); // [0,5000) and [5000,10000) of key a
        // At the tick at 1600 it is idle: the watermark jumps to 6499 and [0,5000) fires.
        const StreamView after = timeline.atTime(1600);
        CHECK(after.state.splits[1].idle);
        CHECK(after.operatorWatermark(0) == 6499);
        CHECK(after.state.firings == 1);
        // Without allowed lateness [0,5000) is purged as it fires; [5000,10000) stays open.
        CHECK(after.state.windows.size() == 1);
        CHECK(after.state.windows.count(WindowKey{0, "a", 5000, 10000}) == 1);
        CHECK(timeline.atTime(1599).state.firings == 0);
    }
}
