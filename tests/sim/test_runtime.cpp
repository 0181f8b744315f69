// The runtime: one clock and scheduler for every component, typed timers, RNG streams forked by tag.
#include "sim/cluster.h"
#include "sim/runtime/invariant.h"
#include "sim/runtime/rng.h"
#include "sim/runtime/scheduler.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace fluxolab::sim;
using namespace fluxolab::sim::runtime;

namespace {
/// A test-only component with its own timer kinds: it records what fired and when.
enum class PingTimer : std::uint16_t { Ping, Pong };

struct Pinger : TimerHandler {
    Pinger(Scheduler& s, std::string_view name, std::vector<std::string>& log)
        : timers(s, name, *this), tag(name), log(&log) {}
    void onTimer(const Timer& raw) override {
        const TypedTimer<PingTimer> t = TimerChannel<PingTimer>::typed(raw);
        log->push_back(std::to_string(t.time) + " " + tag + (t.kind == PingTimer::Ping ? " ping " : " pong ") +
                       std::to_string(t.a) + "/" + std::to_string(t.b));
        if (t.kind == PingTimer::Ping && t.a > 0) timers.schedule(t.time + 5, PingTimer::Pong, t.a - 1, t.b);
    }
    TimerChannel<PingTimer> timers;
    std::string tag;
    std::vector<std::string>* log;
};
} // namespace

TEST_SUITE("sim/runtime") {
    TEST_CASE("timers of every component fire in (time - insertion sequence) order") {
        Scheduler s;
        std::vector<std::string> log;
        Pinger a(s, "a", log), b(s, "b", log);
        CHECK(a.timers.id() != b.timers.id());
        CHECK(s.componentName(b.timers.id()) == "b");
        b.timers.schedule(10, PingTimer::Ping, 0, 1);
        a.timers.schedule(10, PingTimer::Ping, 1, 2); // same time, scheduled later: fires after b's
        const TimerKey k = a.timers.scheduleCancellable(10, PingTimer::Pong, 0, 3);
        a.timers.scheduleCancellable(7, PingTimer::Pong, 0, 4);
        b.timers.schedule(12, PingTimer::Ping, 0, 5);
        const TimerKey gone = b.timers.scheduleCancellable(11, PingTimer::Ping, 0, 6);
        b.timers.cancel(gone);
        CHECK(s.pending() == 5);
        CHECK(s.nextTime() == 7);
        while (s.step()) {
        }
        CHECK(log == std::vector<std::string>{"7 a pong 0/4", "10 b ping 0/1", "10 a ping 1/2", "10 a pong 0/3",
                                              "12 b ping 0/5", "15 a pong 0/2"});
        CHECK(s.now() == 15);
        CHECK(s.nextTime() == -1);
        s.advanceTo(20);
        CHECK(s.now() == 20);
        s.advanceTo(3); // the clock never goes back
        CHECK(s.now() == 20);
        (void)k;
    }

    TEST_CASE("a timer scheduled in the past is a failed invariant - reported - and fires at now") {
        // Issue #8: a stale deadline moved silently to "now" once froze a producer (its linger
        // timer fired at a time that no longer matched linger_at). Scheduling at or after now is
        // the only contract; an earlier time reaches the invariant handler, whose default keeps
        // the app running (the timer fires at now) and whose test handler fails the test.
        static std::vector<std::string> seen;
        seen.clear();
        const InvariantHandler previous =
            setInvariantHandler([](const char*, const char* what, const char*, int) { seen.emplace_back(what); });
        Scheduler s;
        std::vector<std::string> log;
        Pinger a(s, "a", log);
        a.timers.schedule(100, PingTimer::Ping, 0, 1);
        CHECK(s.step());
        CHECK(s.now() == 100);
        a.timers.schedule(100, PingTimer::Ping, 0, 2); // now itself: "as soon as possible", allowed
        a.timers.scheduleCancellable(150, PingTimer::Pong, 0, 3);
        CHECK(seen.empty());
        a.timers.schedule(99, PingTimer::Ping, 0, 4);            // one millisecond stale
        a.timers.scheduleCancellable(0, PingTimer::Pong, 0, 5);  // far in the past
        setInvariantHandler(previous);
        CHECK(seen == std::vector<std::string>{"timer scheduled in the past", "timer scheduled in the past"});
        while (s.step()) {
        }
        // The stale ones fired at now (100), after the timers already due then, in insertion order.
        CHECK(log == std::vector<std::string>{"100 a ping 0/1", "100 a ping 0/2", "100 a ping 0/4", "100 a pong 0/5",
                                              "150 a pong 0/3"});
    }

    TEST_CASE("a component added to a running simulation shares its clock without changing its journal") {
        const auto journalOf = [](bool withPinger) {
            ClusterConfig cfg;
            cfg.brokers = 3;
            Simulation sim(cfg, 7);
            std::vector<std::string> log;
            Pinger p(sim.scheduler(), "test/pinger", log);
            if (withPinger)
                for (int i = 0; i < 50; ++i) p.timers.schedule(i * 997, PingTimer::Ping, 2, i);
            sim.createTopic("t", 6, 3);
            const auto producer = sim.addProducer({});
            for (int i = 0; i < 200; ++i) sim.sendSynthetic(producer, "t", sim.internKey("k" + std::to_string(i % 17)));
            sim.runUntil(60000);
            if (withPinger) CHECK(log.size() == 100);
            std::string all;
            for (std::size_t i = 0; i < sim.journal().size(); ++i) all += sim.journal().toJson(i) + "\n";
            return all;
        };
        const std::string with = journalOf(true);
        const std::string without = journalOf(false);
        CHECK(with == without);
    }

    TEST_CASE("RNG streams are forked by tag: independent of each other and of how much others drew") {
        const RngStreams streams(42);
        Rng scenario = streams.fork("scenario");
        Rng engine = streams.fork("stream/engine-1");
        const std::uint64_t first = scenario.next();
        CHECK(first != engine.next());
        // Drawing from one stream never moves another.
        for (int i = 0; i < 1000; ++i) engine.next();
        Rng again = RngStreams(42).fork("scenario");
        CHECK(again.next() == first);
        // The tag and the seed both matter; the mapping is fixed (journals depend on it).
        CHECK(forkSeed(42, "scenario") != forkSeed(43, "scenario"));
        CHECK(forkSeed(42, "scenario") != forkSeed(42, "scenarios"));
        CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
        CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
        // The Kafka model keeps the run's seed itself (the journals recorded before streams existed).
        Rng kafka = streams.kafka();
        Rng plain(42);
        CHECK(kafka.next() == plain.next());
    }
}

#include "sim/scenario.h"

TEST_SUITE("sim/runtime") {
    TEST_CASE("a scenario producer draws its keys from its own stream: adding a producer changes no other's keys") {
        const auto keysOfFirst = [](bool second) {
            Scenario s;
            s.duration_ms = 5000;
            s.cluster.brokers = 1;
            for (const char* name : {"a", "b"}) {
                ScenarioTopic t;
                t.name = name;
                t.partitions = 1;
                s.topics.push_back(t);
            }
            for (int i = 0; i < (second ? 2 : 1); ++i) {
                ScenarioProducer p;
                p.id = i == 0 ? "first" : "second";
                p.topic = i == 0 ? "a" : "b";
                p.rate_per_sec = 200;
                p.keys.kind = i == 0 ? KeySpec::Kind::Uniform : KeySpec::Kind::Zipf;
                p.keys.count = 50;
                p.keys.prefix = "k";
                s.producers.push_back(p);
            }
            ScenarioRun run(s, 3);
            run.runToEnd();
            std::vector<std::string> keys;
            const PartitionState* p = run.sim().partition({"a", 0});
            REQUIRE(p != nullptr);
            for (const Record& r : p->records) keys.push_back(run.sim().recordKey(r).value_or("<null>"));
            return keys;
        };
        const auto alone = keysOfFirst(false);
        CHECK(alone.size() > 500);
        CHECK(keysOfFirst(true) == alone);
    }
}
