// Keyed process functions: timers (event and processing time, deduplicated), keyed state with TTL,
// and the course's inactivity alert.
#include "sim/stream/engine.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <functional>
#include <string>
#include <vector>

using namespace fluxolab::stream;

namespace {

struct Out {
    std::vector<std::string> lines; // "procTime|key|timestamp|value"
};

JobSpec processSpec(std::shared_ptr<KeyedProcessFunction> fn) {
    JobSpec s;
    s.watermark.kind = WatermarkKind::BoundedOutOfOrderness;
    s.watermark.bound = 0;
    s.watermark.perEvent = true;
    s.process = std::move(fn);
    return s;
}

Out runProcess(const JobSpec& spec, const std::vector<Element>& in, Millis advanceTo = -1,
               bool finalWm = false, StreamJournal* journal = nullptr) {
    Out o;
    JobOutput out;
    out.onOutput = [&](const ProcessOutput& p) {
        o.lines.push_back(std::to_string(p.procTime) + "|" + p.key + "|" +
                          (p.timestamp ? std::to_string(*p.timestamp) : "-") + "|" + p.value);
    };
    StreamJob job(spec, out, journal, 0);
    for (const auto& e : in)
        job.process(e);
    if (advanceTo >= 0) job.advanceProcessingTime(advanceTo);
    job.finish(finalWm);
    return o;
}

Element at(Millis ts, const std::string& key, Millis arrival) {
    return Element{ts, key, 0, 0, arrival};
}

/// A function built from lambdas, for the tests.
struct Lambda final : KeyedProcessFunction {
    std::function<void(const Element&, ProcessContext&)> onElement;
    std::function<void(Millis, TimeDomain, ProcessContext&)> onTimerFn;
    void processElement(const Element& e, ProcessContext& ctx) override { onElement(e, ctx); }
    void onTimer(Millis t, TimeDomain d, ProcessContext& ctx) override {
        if (onTimerFn) onTimerFn(t, d, ctx);
    }
};

} // namespace

TEST_SUITE("stream/process") {
    TEST_CASE("inactivity alert: each element replaces the key's processing-time timer") {
        const auto spec = processSpec(makeInactivityAlert(10000));
        const std::vector<Element> in = {at(0, "ana", 0), at(0, "rui", 1000), at(0, "ana", 3000),
                                         at(0, "ana", 20000)};
        const Out o = runProcess(spec, in, 31000);
        CHECK(o.lines ==
              std::vector<std::string>{"11001|rui|-|\u26A0 Utilizador rui inativo h\u00E1 10 segundos.",
                                       "13001|ana|-|\u26A0 Utilizador ana inativo h\u00E1 10 segundos.",
                                       "30001|ana|-|\u26A0 Utilizador ana inativo h\u00E1 10 segundos."});
        // Processing time stops with the input: no alert without time passing. A timer for T fires once
        // processing time has passed T (Flink schedules it 1 ms late): not at 30 000 itself.
        CHECK(runProcess(spec, in, 30000).lines.size() == 2);
        // So an element arriving exactly at the timer's time comes first and keeps the user active.
        CHECK(runProcess(spec, {at(0, "ana", 0), at(0, "ana", 10000)}, 15000).lines.empty());
        const Out en = runProcess(processSpec(makeInactivityAlert(2500, false)), {at(0, "u1", 0)}, 5000);
        CHECK(en.lines == std::vector<std::string>{"2501|u1|-|\u26A0 User u1 inactive for 2.5 seconds."});
    }

    TEST_CASE(
        "event-time timers: deduplicated per key and time - fired when the watermark passes - in time order") {
        auto fn = std::make_shared<Lambda>();
        std::vector<std::string> seen;
        fn->onElement = [&](const Element& e, ProcessContext& ctx) {
            seen.push_back("el " + std::to_string(e.eventTime) + " wm " +
                           formatWatermark(ctx.currentWatermark()));
            ctx.registerEventTimeTimer(e.eventTime + 1000);
        };
        fn->onTimerFn = [&](Millis t, TimeDomain d, ProcessContext& ctx) {
            CHECK(d == TimeDomain::EventTime);
            CHECK(ctx.timestamp() == t);
            CHECK(ctx.currentWatermark() >= t);
            ctx.output("timer " + std::to_string(t));
        };
        const auto spec = processSpec(fn);
        const Out o =
            runProcess(spec, {at(1000, "a", 0), at(1000, "a", 0), at(500, "b", 0), at(3001, "a", 0)});
        // Watermarks: 999, 999, 999, 3000 -> timers 1500 (b) and 2000 (a, once) fire at W = 3000.
        CHECK(o.lines == std::vector<std::string>{"0|b|1500|timer 1500", "0|a|2000|timer 2000"});
        CHECK(seen == std::vector<std::string>{"el 1000 wm MIN", "el 1000 wm 999", "el 500 wm 999",
                                               "el 3001 wm 999"});
        // The final watermark fires the rest.
        seen.clear();
        const Out all = runProcess(spec, {at(1000, "a", 0), at(3001, "a", 0)}, -1, true);
        CHECK(all.lines == std::vector<std::string>{"0|a|2000|timer 2000", "0|a|4001|timer 4001"});
    }

    TEST_CASE("deleted timers do not fire") {
        auto fn = std::make_shared<Lambda>();
        fn->onElement = [](const Element& e, ProcessContext& ctx) {
            ctx.registerEventTimeTimer(5000);
            if (e.eventTime == 2000) ctx.deleteEventTimeTimer(5000);
        };
        fn->onTimerFn = [](Millis t, TimeDomain, ProcessContext& ctx) { ctx.output(std::to_string(t)); };
        CHECK(runProcess(processSpec(fn), {at(1000, "a", 0), at(2000, "a", 0)}, -1, true).lines.empty());
        CHECK(runProcess(processSpec(fn), {at(1000, "a", 0), at(2000, "b", 0)}, -1, true).lines ==
              std::vector<std::string>{"0|a|5000|5000"});
    }

    TEST_CASE("keyed state: value - list - map and reducing - per key - with a processing-time TTL") {
        auto fn = std::make_shared<Lambda>();
        fn->onElement = [](const Element& e, ProcessContext& ctx) {
            const auto before = ctx.value("last");
            ctx.update("last", std::to_string(e.eventTime));
            ctx.add("all", std::to_string(e.eventTime));
            ctx.mapPut("m", std::to_string(e.eventTime % 2), "x");
            ctx.reduceAdd("sum", e.value);
            std::string l;
            for (const auto& x : ctx.list("all"))
                l += x + ";";
            ctx.output((before ? *before : std::string("none")) + " " + l + " " +
                       formatDouble(ctx.reduced("sum").value_or(-1)) + " " +
                       (ctx.mapGet("m", "1") ? "odd" : "even"));
        };
        JobSpec spec = processSpec(fn);
        std::vector<Element> in = {Element{2, "a", 1.5, 0, 0}, Element{3, "a", 2, 0, 4999},
                                   Element{4, "b", 7, 0, 5000}, Element{6, "a", 1, 0, 9999}};
        Out o = runProcess(spec, in);
        CHECK(o.lines == std::vector<std::string>{"0|a|2|none 2; 1.5 even", "4999|a|3|2 2;3; 3.5 odd",
                                                  "5000|b|4|none 4; 7 even", "9999|a|6|3 2;3;6; 4.5 odd"});
        // TTL 5 s, refreshed on write: a's states written at 4999 expire at 9999.
        spec.stateTtl = 5000;
        StreamJournal journal;
        o = runProcess(spec, in, -1, false, &journal);
        CHECK(o.lines == std::vector<std::string>{"0|a|2|none 2; 1.5 even", "4999|a|3|2 2;3; 3.5 odd",
                                                  "5000|b|4|none 4; 7 even", "9999|a|6|none 6; 1 even"});
        bool expired = false;
        for (const auto& e : journal.events())
            expired = expired || (e.kind == StreamEventKind::StateChanged && e.a == 2 && e.name == "last");
        CHECK(expired);
    }

    TEST_CASE("end of a bounded input: pending processing-time timers are dropped - event-time timers fire") {
        // Flink quiesces a finishing operator's processing-time service (StreamOperatorWrapper#finish,
        // FLINK-14231): a processing-time timer still pending when the input ends never fires; the final
        // MAX_WATERMARK fires every event-time timer first.
        const auto spec = processSpec(makeInactivityAlert(10000));
        const std::vector<Element> in = {at(0, "ana", 0), at(0, "rui", 1000), at(0, "ana", 3000),
                                         at(0, "ana", 20000)};
        StreamJournal journal;
        // rui's timer (11 000) fires at 11 001 and ana's first (13 000) at 13 001, while elements still
        // arrive; ana's last (30 000) is pending at the end (processing time 20 000): dropped.
        const Out o = runProcess(spec, in, -1, true, &journal);
        CHECK(o.lines ==
              std::vector<std::string>{"11001|rui|-|\u26A0 Utilizador rui inativo h\u00E1 10 segundos.",
                                       "13001|ana|-|\u26A0 Utilizador ana inativo h\u00E1 10 segundos."});
        std::vector<std::string> dropped;
        int fired = 0;
        for (const auto& e : journal.events()) {
            if (e.kind == StreamEventKind::TimerDropped)
                dropped.push_back(e.key + "@" + std::to_string(e.a) + " pt " + std::to_string(e.procTime));
            fired += e.kind == StreamEventKind::TimerFired ? 1 : 0;
        }
        CHECK(dropped == std::vector<std::string>{"ana@30000 pt 20000"});
        CHECK(fired == 2);
        // Without the end of input (--no-final-watermark) nothing is dropped: the run just stops.
        StreamJournal open;
        CHECK(runProcess(spec, in, -1, false, &open).lines.size() == 2);
        for (const auto& e : open.events())
            CHECK(e.kind != StreamEventKind::TimerDropped);

        // An open source: processing time runs on until no processing-time timer is pending.
        Out all;
        JobOutput out;
        out.onOutput = [&](const ProcessOutput& p) { all.lines.push_back(std::to_string(p.procTime) + "|" + p.key); };
        StreamJob job(spec, out, nullptr, 0);
        for (const auto& e : in)
            job.process(e);
        job.runPendingProcessingTimers();
        CHECK(job.processingTime() == 30001);
        job.finish(false);
        CHECK(all.lines == std::vector<std::string>{"11001|rui", "13001|ana", "30001|ana"});

        // Event-time timers pending at the end fire on the final watermark; a processing-time timer
        // registered by one of them (at the end of input) is dropped with the others.
        auto fn = std::make_shared<Lambda>();
        fn->onElement = [](const Element& e, ProcessContext& ctx) {
            ctx.registerEventTimeTimer(e.eventTime + 60000);
            ctx.registerProcessingTimeTimer(ctx.currentProcessingTime() + 60000);
        };
        fn->onTimerFn = [](Millis t, TimeDomain d, ProcessContext& ctx) {
            ctx.output(std::string(d == TimeDomain::EventTime ? "event " : "processing ") + std::to_string(t));
            if (d == TimeDomain::EventTime) ctx.registerProcessingTimeTimer(ctx.currentProcessingTime() + 1);
        };
        StreamJournal j2;
        const Out mixed = runProcess(processSpec(fn), {at(1000, "k", 5), at(2000, "k", 7)}, -1, true, &j2);
        CHECK(mixed.lines == std::vector<std::string>{"7|k|61000|event 61000", "7|k|62000|event 62000"});
        int droppedTimers = 0;
        for (const auto& e : j2.events())
            droppedTimers += e.kind == StreamEventKind::TimerDropped ? 1 : 0;
        CHECK(droppedTimers == 3); // 60 005, 60 007 and the one at 8 registered by the event-time timers
    }
    TEST_CASE("timers of several keys at the same time fire in Flink's heap order (event and processing time)") {
        // The real Flink 2.3.0's order: tests/flink/tools/ProcessTimerProbe.java (MiniCluster, parallelism 1,
        // a watermark after every element) printed the golden below (twice, the same); the same function
        // here. Flink keeps a KeyedProcessFunction's event-time and processing-time timers in two
        // HeapPriorityQueueSets ordered by time only, so equal times pop in the heap's order (by (time,
        // key id) they would come k0, k1, k2 ...). Elements: 240 over keys k0..k6 from an LCG, event time
        // i * 250 ms, all arriving before T0 = 3000 ms of processing time.
        auto fn = std::make_shared<Lambda>();
        std::vector<std::string> fired;
        constexpr Millis t0 = 3000;
        fn->onElement = [&](const Element& e, ProcessContext& ctx) {
            const auto r = static_cast<Millis>(e.value);
            ctx.registerEventTimeTimer((e.eventTime / 1000 + 1 + (r / 3) % 3) * 1000);
            if ((r / 11) % 4 == 0) ctx.deleteEventTimeTimer((e.eventTime / 1000 + 1 + (r / 13) % 3) * 1000);
            ctx.registerProcessingTimeTimer(t0 + 1000 * ((r / 17) % 3));
            if ((r / 19) % 5 == 0) ctx.deleteProcessingTimeTimer(t0 + 1000 * ((r / 23) % 3));
        };
        fn->onTimerFn = [&](Millis t, TimeDomain d, ProcessContext& ctx) {
            fired.push_back(d == TimeDomain::EventTime ? "E " + ctx.key() + "@" + std::to_string(t)
                                                       : "P " + ctx.key() + "@" + std::to_string(t - t0));
        };
        std::vector<Element> in;
        std::uint64_t x = 7;
        for (int i = 0; i < 240; ++i) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            const std::uint64_t r = x >> 33; // below 2^31: exact as a double
            in.push_back(Element{i * 250, "k" + std::to_string(r % 7), static_cast<double>(r), 0, i});
        }
        runProcess(processSpec(fn), in, t0 + 2001, true);
        std::string got;
        for (const auto& f : fired)
            got += (got.empty() ? "" : " ") + f;
        CHECK(got ==
              "E k2@1000 E k1@2000 E k0@2000 E k4@3000 E k3@3000 E k2@4000 E k4@4000 E k0@4000 E k5@4000 E "
              "k6@4000 E k1@5000 E k5@5000 E k2@6000 E k3@6000 E k4@6000 E k6@7000 E k1@7000 E k3@8000 E "
              "k2@8000 E k1@8000 E k2@9000 E k4@9000 E k6@9000 E k5@10000 E k3@10000 E k3@11000 E k0@11000 E "
              "k6@11000 E k3@12000 E k4@12000 E k6@13000 E k1@15000 E k0@15000 E k6@15000 E k3@15000 E "
              "k5@16000 E k0@16000 E k1@17000 E k6@17000 E k5@17000 E k0@17000 E k6@18000 E k1@18000 E "
              "k2@19000 E k4@19000 E k5@19000 E k6@19000 E k4@20000 E k0@20000 E k0@21000 E k2@21000 E "
              "k5@21000 E k1@21000 E k4@22000 E k6@22000 E k3@23000 E k5@23000 E k2@24000 E k1@24000 E "
              "k6@25000 E k5@25000 E k1@26000 E k5@26000 E k6@27000 E k0@27000 E k1@27000 E k5@28000 E "
              "k2@28000 E k1@28000 E k4@29000 E k0@29000 E k2@29000 E k4@30000 E k0@30000 E k5@30000 E "
              "k3@31000 E k4@31000 E k0@32000 E k4@32000 E k5@33000 E k3@33000 E k0@34000 E k6@34000 E "
              "k1@34000 E k5@35000 E k2@35000 E k6@36000 E k1@36000 E k0@37000 E k5@37000 E k1@37000 E "
              "k2@37000 E k4@37000 E k3@37000 E k3@38000 E k1@38000 E k0@38000 E k0@39000 E k5@39000 E "
              "k4@40000 E k1@40000 E k5@41000 E k2@41000 E k4@41000 E k4@42000 E k6@42000 E k2@42000 E "
              "k4@43000 E k3@43000 E k0@43000 E k4@44000 E k3@44000 E k6@44000 E k5@44000 E k4@45000 E "
              "k2@46000 E k6@46000 E k0@46000 E k5@46000 E k4@47000 E k6@47000 E k1@47000 E k3@47000 E "
              "k2@48000 E k1@48000 E k6@48000 E k0@48000 E k3@48000 E k4@49000 E k0@49000 E k0@50000 E "
              "k5@50000 E k4@51000 E k6@51000 E k1@52000 E k3@53000 E k0@53000 E k2@54000 E k5@54000 E "
              "k6@55000 E k2@55000 E k3@55000 E k5@55000 E k3@56000 E k0@56000 E k5@57000 E k4@57000 E "
              "k1@57000 E k2@57000 E k4@58000 E k1@58000 E k3@58000 E k6@58000 E k2@59000 P k3@0 P k6@0 P k2@0 "
              "P k5@0 P k1@0 P k0@0 P k3@1000 P k4@1000 P k6@1000 P k5@1000 P k2@1000 P k0@1000 P k1@1000 P "
              "k6@2000 P k4@2000 P k3@2000 P k1@2000 P k5@2000 P k0@2000 E k5@60000 E k0@61000 E k6@61000 E "
              "k4@62000 E k3@62000");
    }
}
