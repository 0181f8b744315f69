// The stream engine on the shared runtime (sim/runtime): its processing-time timers are its own typed
// kinds on the runtime Scheduler, and whoever drives that scheduler drives the job.
#include "sim/runtime/scheduler.h"
#include "sim/stream/engine.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace fluxolab::stream;
namespace rt = fluxolab::sim::runtime;

namespace {

/// Another component on the same scheduler (stands for the Kafka model): a timer every `period` ms.
struct Ticker final : rt::TimerHandler {
    enum class Kind : std::uint16_t { Tick };
    rt::TimerChannel<Kind> channel;
    rt::TimeMs period;
    std::vector<rt::TimeMs> fired;
    Ticker(rt::Scheduler& s, rt::TimeMs p) : channel(s, "kafka", *this), period(p) {
        channel.schedule(p, Kind::Tick);
    }
    void onTimer(const rt::Timer& t) override {
        fired.push_back(t.time);
        channel.schedule(t.time + period, Kind::Tick);
    }
};

Element at(Millis ts, Millis arrival, const std::string& key = "a", int partition = 0) {
    return Element{ts, key, 1, partition, arrival};
}

JobSpec periodicIdle() {
    JobSpec spec;
    spec.watermark.kind = WatermarkKind::Monotonous;
    spec.watermark.perEvent = false;
    spec.watermark.interval = 200;
    spec.watermark.idleTimeout = 1000;
    spec.partitions = 2;
    spec.window.kind = WindowKind::Tumble;
    spec.window.size = 5000;
    return spec;
}

std::vector<Element> idleInput() {
    std::vector<Element> in = {at(1000, 0, "a", 0), at(1000, 0, "a", 1)};
    for (int k = 1; k <= 10; ++k)
        in.push_back(at(6000 + 100 * k, 300 * k, "a", 0));
    return in;
}

} // namespace

TEST_SUITE("stream/runtime") {
    TEST_CASE("the job registers as component stream and keeps one timer of each of its kinds") {
        rt::Scheduler sched;
        Ticker kafka(sched, 100);
        JobSpec spec = periodicIdle();
        spec.checkpointInterval = 1500;
        StreamJob job(spec, {}, nullptr, 0, &sched);
        REQUIRE(sched.componentCount() == 2);
        CHECK(sched.componentName(1) == "stream");
        CHECK(&job.scheduler() == &sched);
        CHECK(job.pendingTimer(StreamTimer::WatermarkTick) == 200);
        CHECK(job.pendingTimer(StreamTimer::Checkpoint) == 1500);
        CHECK(job.pendingTimer(StreamTimer::ProcessingTimer) == kMaxTime);
        CHECK(sched.pending() == 3); // the ticker's + the job's two
        job.advanceProcessingTime(1000);
        // Driving the job drives the whole scheduler: the other component's timers fired too.
        CHECK(kafka.fired.size() == 10);
        CHECK(job.processingTime() == 1000);
        CHECK(sched.now() == 1000);
        CHECK(job.pendingTimer(StreamTimer::WatermarkTick) == 1200);
        CHECK(sched.pending() == 3); // no stale wake-ups pile up
    }

    TEST_CASE("stepping the shared scheduler fires processing-time windows without calling the job") {
        rt::Scheduler sched;
        Ticker kafka(sched, 250);
        JobSpec spec = periodicIdle();
        spec.partitions = 1;
        spec.window.size = 1000;
        spec.window.processingTime = true;
        std::vector<Millis> fires;
        std::vector<std::string> results;
        JobOutput out;
        out.onFiring = [&](const Firing& f) {
            fires.push_back(f.procTime);
            results.push_back(std::to_string(f.start) + ":" + renderResult(AggKind::Count, f.acc));
        };
        StreamJob job(spec, out, nullptr, 0, &sched);
        job.process(at(99999, 100));
        job.process(at(5, 900));
        CHECK(job.pendingTimer(StreamTimer::ProcessingTimer) == 1000); // window end - 1, fired 1 ms late
        while (sched.nextTime() >= 0 && sched.nextTime() <= 2500)
            sched.step(); // as the Kafka simulation's runFor does
        CHECK(fires == std::vector<Millis>{1000});
        CHECK(results == std::vector<std::string>{"0:2"});
        CHECK(kafka.fired.size() == 10);
    }

    TEST_CASE("the same input gives the same journal on the job's own clock and on a shared scheduler") {
        const auto in = idleInput();
        StreamJournal own;
        {
            StreamJob job(periodicIdle(), {}, &own, 0);
            for (const auto& e : in)
                job.process(e);
            job.advanceProcessingTime(5000);
        }
        StreamJournal shared;
        {
            rt::Scheduler sched;
            Ticker kafka(sched, 70);
            StreamJob job(periodicIdle(), {}, &shared, 0, &sched);
            for (const auto& e : in) {
                // The Kafka side runs the clock up to each arrival; the job only reads the element.
                while (sched.nextTime() >= 0 && sched.nextTime() <= e.arrival)
                    sched.step();
                sched.advanceTo(e.arrival);
                job.process(e);
            }
            while (sched.nextTime() >= 0 && sched.nextTime() <= 5000)
                sched.step();
        }
        REQUIRE(own.events().size() > 20);
        CHECK(shared.toJsonLines() == own.toJsonLines());
        // The idle split released the watermark at the tick at 1600 in both runs.
        bool idleAt1600 = false;
        for (const auto& e : shared.events())
            if (e.kind == StreamEventKind::SplitIdle && e.partition == 1 && e.a == 1)
                idleAt1600 = e.procTime == 1600;
        CHECK(idleAt1600);
    }

    TEST_CASE("a crash on a shared scheduler restarts at the current time and keeps one set of wake-ups") {
        rt::Scheduler sched;
        Ticker kafka(sched, 100);
        JobSpec spec = periodicIdle();
        spec.checkpointInterval = 1000;
        StreamJob job(spec, {}, nullptr, 0, &sched);
        job.process(at(1000, 0, "a", 0));
        job.advanceProcessingTime(1500);
        REQUIRE(job.lastCompletedCheckpoint() == 1);
        CHECK(job.crashAndRestore() == 1);
        CHECK(job.processingTime() == 1500); // the shared clock never goes back
        CHECK(sched.pending() == 3);
        job.advanceProcessingTime(2500);
        CHECK(job.lastCompletedCheckpoint() == 2);
        // On its own clock the job goes back to the checkpoint's time.
        StreamJob alone(spec, {}, nullptr, 0);
        alone.process(at(1000, 0, "a", 0));
        alone.advanceProcessingTime(1500);
        alone.crashAndRestore();
        CHECK(alone.processingTime() == 1000);
    }
}
