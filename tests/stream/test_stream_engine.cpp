// Hand-computed cases for the stream engine (FIDELITY.md §5). Every expected line was worked out on
// paper from Flink's rules (watermark = max - B - 1, fire when W >= end - 1, cleanup at end - 1 + L ...).
#include "sim/stream/engine.h"

#include <algorithm>

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace fluxolab::stream;

namespace {

struct Run {
    std::vector<std::string> lines; // firings then LATE lines, as replay prints them
    std::vector<Millis> firingProcTimes;
    StreamJournal journal;
};

Element ev(Millis ts, const std::string& key = "a", double value = 1, int partition = 0, Millis arrival = 0) {
    return Element{ts, key, value, partition, arrival};
}

JobSpec perEvent(Millis bound, WindowSpec w) {
    JobSpec s;
    s.watermark.kind = WatermarkKind::BoundedOutOfOrderness;
    s.watermark.bound = bound;
    s.watermark.perEvent = true;
    s.window = w;
    return s;
}

WindowSpec tumble(Millis size, Millis lateness = 0) {
    WindowSpec w;
    w.kind = WindowKind::Tumble;
    w.size = size;
    w.allowedLateness = lateness;
    return w;
}

Run run(const JobSpec& spec, const std::vector<Element>& elements, bool finalWatermark = true) {
    Run r;
    std::vector<std::string> late;
    JobOutput out;
    out.onFiring = [&](const Firing& f) {
        r.lines.push_back(f.key + "," + std::to_string(f.start) + "," + std::to_string(f.end) + "," +
                          renderResult(spec.agg, f.acc) + "," + formatWatermark(f.watermark) + "," +
                          (f.late ? "late-update" : "on-time"));
        r.firingProcTimes.push_back(f.procTime);
    };
    out.onLate = [&](const LateRecord& l) {
        late.push_back("LATE," + l.key + "," + std::to_string(l.eventTime) + "," +
                       formatWatermark(l.watermark));
    };
    REQUIRE_FALSE(validate(spec).has_value());
    StreamJob job(spec, out, &r.journal, elements.empty() ? 0 : elements.front().arrival);
    for (const auto& e : elements)
        job.process(e);
    job.finish(finalWatermark);
    r.lines.insert(r.lines.end(), late.begin(), late.end());
    return r;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_SUITE("stream/engine") {
    TEST_CASE("FIDELITY §5.6 worked example: bound 2s - tumble 5s - per-event watermarks") {
        const std::vector<Element> in = {ev(1000), ev(2000), ev(4000), ev(6000),
                                         ev(3000), ev(8000), ev(2000), ev(11000)};
        const Run r = run(perEvent(2000, tumble(5000)), in);
        CHECK(r.lines == Lines{"a,0,5000,4,5999,on-time", "a,5000,10000,2,MAX,on-time",
                               "a,10000,15000,1,MAX,on-time", "LATE,a,2000,5999"});
        // L = 3s: the second 2000 is accepted and [0,5000) fires again at once with 5 elements.
        const Run l = run(perEvent(2000, tumble(5000, 3000)), in);
        CHECK(l.lines == Lines{"a,0,5000,4,5999,on-time", "a,0,5000,5,5999,late-update",
                               "a,5000,10000,2,MAX,on-time", "a,10000,15000,1,MAX,on-time"});
        // Without the final watermark the open windows stay open.
        const Run open = run(perEvent(2000, tumble(5000)), in, false);
        CHECK(open.lines == Lines{"a,0,5000,4,5999,on-time", "LATE,a,2000,5999"});
    }

    TEST_CASE("a window's first firing is no late update - even when a late element creates it") {
        // Monotonous (W = max - 1), tumble 10 s, allowed lateness 8 s (cleanup at 9999 + 8000 = 17999).
        // a@1000: W 999. a@15000: W 14999 >= 9999 fires a's [0,10000) (1) on time. b@5000 arrives at
        // W 14999: b's [0,10000) is behind the watermark but not cleaned up, so it is created and fires at
        // once (EventTimeTrigger#onElement): its FIRST result. a@2000: a's window had fired: a late update
        // (2). b@6000: b's window has fired now: a late update (2). a@18000: W 17999 cleans both up, so
        // b@7000 is late. The end-of-input watermark fires a's [10000,20000) (15000, 18000: 2).
        const std::vector<Element> in = {ev(1000), ev(15000), ev(5000, "b"), ev(2000),
                                         ev(6000, "b"), ev(18000), ev(7000, "b")};
        auto spec = perEvent(0, tumble(10000, 8000));
        spec.watermark.kind = WatermarkKind::Monotonous;
        const Run r = run(spec, in);
        CHECK(r.lines == Lines{"a,0,10000,1,14999,on-time", "b,0,10000,1,14999,on-time",
                               "a,0,10000,2,14999,late-update", "b,0,10000,2,14999,late-update",
                               "a,10000,20000,2,MAX,on-time", "LATE,b,7000,17999"});
        // The journal's window_fired carries the same: whether the window had fired before.
        std::vector<int> flags;
        for (const auto& e : r.journal.events())
            if (e.kind == StreamEventKind::WindowFired) flags.push_back(e.flag);
        CHECK(flags == std::vector<int>{0, 0, 1, 1, 0});
    }

    TEST_CASE("an event exactly at a window end belongs to the next window") {
        const Run r = run(perEvent(1000, tumble(5000)), {ev(1000), ev(5000), ev(6001)}, false);
        CHECK(r.lines == Lines{"a,0,5000,1,5000,on-time"});
    }

    TEST_CASE("watermark exactly at end - 1 fires - end - 2 does not - an element at end - 1 then is late") {
        auto spec = perEvent(1000, tumble(5000));
        CHECK(run(spec, {ev(1000), ev(5999)}, false).lines.empty()); // W = 4998
        CHECK(run(spec, {ev(1000), ev(6000)}, false).lines == Lines{"a,0,5000,1,4999,on-time"});
        CHECK(run(spec, {ev(1000), ev(6000), ev(4999)}, false).lines ==
              Lines{"a,0,5000,1,4999,on-time", "LATE,a,4999,4999"});
    }

    TEST_CASE("out of order within the bound is counted - beyond the bound it is late") {
        auto spec = perEvent(2000, tumble(5000));
        CHECK(run(spec, {ev(1000), ev(3000), ev(2500), ev(8000)}, false).lines ==
              Lines{"a,0,5000,3,5999,on-time"});
        CHECK(run(spec, {ev(1000), ev(8000), ev(4000)}, false).lines ==
              Lines{"a,0,5000,1,5999,on-time", "LATE,a,4000,5999"});
    }

    TEST_CASE("SQL watermark (ts - INTERVAL) fires 1 ms of event time earlier than DataStream") {
        auto ds = perEvent(5000, tumble(10000));
        auto sql = ds;
        sql.watermark.kind = WatermarkKind::Sql;
        CHECK(run(sql, {ev(1000), ev(14999)}, false).lines == Lines{"a,0,10000,1,9999,on-time"});
        CHECK(run(ds, {ev(1000), ev(14999)}, false).lines.empty());
        CHECK(run(ds, {ev(1000), ev(15000)}, false).lines == Lines{"a,0,10000,1,9999,on-time"});
        // SQL's WatermarkAssignerOperator starts at 0: no watermark <= 0 is ever emitted.
        CHECK(run(sql, {ev(-9000), ev(4000)}, false).lines.empty());
    }

    TEST_CASE("monotonous = bound 0: watermark max - 1") {
        auto spec = perEvent(0, tumble(5000));
        spec.watermark.kind = WatermarkKind::Monotonous;
        CHECK(run(spec, {ev(1000), ev(5000)}, false).lines == Lines{"a,0,5000,1,4999,on-time"});
    }

    TEST_CASE("session windows: events exactly gap apart merge (inclusive) - gap + 1 apart do not") {
        WindowSpec w;
        w.kind = WindowKind::Session;
        w.gap = 3000;
        auto spec = perEvent(0, w);
        CHECK(run(spec, {ev(1000), ev(4000)}).lines == Lines{"a,1000,7000,2,MAX,on-time"});
        CHECK(run(spec, {ev(1000), ev(4001)}).lines ==
              Lines{"a,1000,4000,1,4000,on-time", "a,4001,7001,1,MAX,on-time"});
    }

    TEST_CASE("session merge by a late bridging element: judged on the merged window - not late") {
        WindowSpec w;
        w.kind = WindowKind::Session;
        w.gap = 2000;
        const Run r = run(perEvent(3000, w), {ev(1000), ev(5000), ev(8000), ev(3000), ev(11000)});
        // 8000 -> W 4999 fires [1000,3000). 3000 is behind W but its [3000,5000) touches [5000,7000):
        // it joins the session, which fires at W = 7999 (after 11000) with 2 elements.
        CHECK(r.lines == Lines{"a,1000,3000,1,4999,on-time", "a,3000,7000,2,7999,on-time",
                               "a,8000,10000,1,MAX,on-time", "a,11000,13000,1,MAX,on-time"});
    }

    TEST_CASE("session created behind the watermark within the allowed lateness: its first firing is no late update") {
        WindowSpec w;
        w.kind = WindowKind::Session;
        w.gap = 1000;
        w.allowedLateness = 8000;
        // After 10000: W = 9999. Element 2000: session [2000,3000), maxTs 2999 <= W, cleanup 10999 > W:
        // created and fired at once, its first result. A second 2000 falls inside that session (no merge):
        // the same window fires again, a late update. 2500 makes [2500,3500), which merges it into
        // [2000,3500): a new window (new bounds), so its first firing again.
        const Run r = run(perEvent(0, w), {ev(10000), ev(2000), ev(2000), ev(2500)}, false);
        CHECK(r.lines == Lines{"a,2000,3000,1,9999,on-time", "a,2000,3000,2,9999,late-update",
                               "a,2000,3500,3,9999,on-time"});
        // With L = 5s (cleanup 7999 <= W) it is late.
        w.allowedLateness = 5000;
        CHECK(run(perEvent(0, w), {ev(10000), ev(2000)}, false).lines == Lines{"LATE,a,2000,9999"});
    }

    TEST_CASE("sliding: an element late for some of its windows only is counted in the others") {
        WindowSpec w;
        w.kind = WindowKind::Hop;
        w.slide = 5000;
        w.size = 10000;
        const Run r = run(perEvent(0, w), {ev(1000), ev(10000), ev(6000)});
        CHECK(r.lines == Lines{"a,-5000,5000,1,9999,on-time", "a,0,10000,1,9999,on-time",
                               "a,5000,15000,2,MAX,on-time", "a,10000,20000,1,MAX,on-time"});
    }

    TEST_CASE("cumulate windows S..S+step then S..S+2step ... fire as the watermark passes each end") {
        WindowSpec w;
        w.kind = WindowKind::Cumulate;
        w.step = 2000;
        w.size = 6000;
        const Run r = run(perEvent(0, w), {ev(500), ev(2500), ev(7000)}, false);
        CHECK(r.lines ==
              Lines{"a,0,2000,1,2499,on-time", "a,0,4000,2,6999,on-time", "a,0,6000,2,6999,on-time"});
    }

    TEST_CASE("window offset shifts the window starts") {
        auto w = tumble(10 * 60000);
        w.offset = 4 * 60000;
        // FIDELITY §5.8 example: ts 00:00:04 with a +4 min offset -> [23:54, 00:04)
        CHECK(assignWindows(w, 4000).front().start == -6 * 60000);
        w.offset = -4 * 60000;
        CHECK(assignWindows(w, 4000).front().start == -4 * 60000);
        const auto refused = validate(perEvent(0, [] {
            auto x = tumble(1000);
            x.offset = 1000;
            return x;
        }()));
        REQUIRE(refused.has_value());
        CHECK(refused->code == JobErrorCode::TumbleOffset);
        CHECK(refused->a == 1000); // the offset
        CHECK(refused->b == 1000); // the size
    }

    TEST_CASE("aggregates: sum - min - max - avg as shortest decimals") {
        auto spec = perEvent(0, tumble(5000));
        std::vector<Element> in = {ev(1000, "a", 0.1), ev(2000, "a", 0.2), ev(3000, "a", -5)};
        spec.agg = AggKind::Sum;
        CHECK(run(spec, in).lines == Lines{"a,0,5000,-4.7,MAX,on-time"});
        spec.agg = AggKind::Min;
        CHECK(run(spec, in).lines == Lines{"a,0,5000,-5,MAX,on-time"});
        spec.agg = AggKind::Max;
        CHECK(run(spec, in).lines == Lines{"a,0,5000,0.2,MAX,on-time"});
        spec.agg = AggKind::Avg;
        CHECK(run(spec, {ev(1000, "a", 1), ev(2000, "a", 2)}).lines == Lines{"a,0,5000,1.5,MAX,on-time"});
        CHECK(formatDouble(0.1 + 0.2) == "0.30000000000000004");
        CHECK(formatDouble(1e21) == "1000000000000000000000");
        CHECK(formatDouble(1e-7) == "0.0000001");
    }

    TEST_CASE("periodic emission: the watermark moves at the tick after the event - not at the event") {
        auto spec = perEvent(0, tumble(5000));
        spec.watermark.kind = WatermarkKind::Monotonous;
        // arrivals 0, 50, 100: no tick before 200, so 2000 is not late under periodic emission
        const std::vector<Element> in = {ev(1000, "a", 1, 0, 0), ev(6000, "a", 1, 0, 50),
                                         ev(2000, "a", 1, 0, 100), ev(6500, "a", 1, 0, 300)};
        CHECK(run(spec, in, false).lines == Lines{"a,0,5000,1,5999,on-time", "LATE,a,2000,5999"});
        spec.watermark.perEvent = false;
        spec.watermark.interval = 200;
        const Run p = run(spec, in, false);
        CHECK(p.lines == Lines{"a,0,5000,2,5999,on-time"});
        CHECK(p.firingProcTimes == std::vector<Millis>{200});
    }

    TEST_CASE("an idle partition holds the watermark back - then is marked idle and releases it") {
        JobSpec spec = perEvent(0, tumble(5000));
        spec.watermark.kind = WatermarkKind::Monotonous;
        spec.watermark.perEvent = false;
        spec.watermark.interval = 200;
        spec.watermark.idleTimeout = 1000;
        spec.partitions = 2;
        std::vector<Element> in = {ev(1000, "a", 1, 0, 0), ev(1000, "a", 1, 1, 0)};
        for (int k = 1; k <= 10; ++k)
            in.push_back(ev(6000 + 100 * k, "a", 1, 0, 300 * k));
        const Run r = run(spec, in, false);
        // Partition 1 is quiet from the tick at 400; idle at the first tick more than 1 s later (1600).
        // Partition 0 then has read ts 6500 (arrival 1500): W = 6499.
        CHECK(r.lines == Lines{"a,0,5000,2,6499,on-time"});
        CHECK(r.firingProcTimes == std::vector<Millis>{1600});
        // Without idleness partition 1 holds it at 999 for ever.
        spec.watermark.idleTimeout = 0;
        CHECK(run(spec, in, false).lines.empty());
    }

    TEST_CASE("parallelism 2 with one empty subtask: nothing fires until it is idle (or the input ends)") {
        JobSpec spec = perEvent(0, tumble(5000));
        spec.parallelism = 2;
        spec.partitions = 2;
        std::vector<Element> in;
        for (int k = 0; k < 20; ++k)
            in.push_back(ev(1000 * k, "k" + std::to_string(k % 5), 1, 0, 100 * k));
        // Split 1 (source subtask 1) has no data: its channel stays at Long.MIN_VALUE on both window
        // subtasks.
        const Run held = run(spec, in, false);
        CHECK(held.lines.empty());
        const Run ended = run(spec, in, true);
        CHECK(ended.lines.size() == 20); // 4 windows x 5 keys, all at MAX
        for (const auto& l : ended.lines)
            CHECK(l.find(",MAX,on-time") != std::string::npos);
        // With idleness the empty split goes idle and the other subtask's watermark alone drives the windows.
        spec.watermark.idleTimeout = 500;
        const Run idle = run(spec, in, false);
        CHECK(idle.lines.size() == 15); // [0,5000) [5000,10000) [10000,15000) x 5 keys; W = 18999 at the end
    }

    TEST_CASE("a source subtask without a split holds the job until withIdleness marks it idle") {
        // One partition, parallelism 2: source subtask 1 has no split (Kafka source with more subtasks than
        // partitions). Flink 2.x: its split multiplexer has no outputs and emits nothing; only the idleness
        // timer of the reader's main output (ProgressiveTimestampsAndWatermarks.IdlenessManager) can make
        // it idle. Hand-computed: start 10, ticks every 200 ms at 210, 410, 610, 810...; the main timer
        // starts at the first tick (210) and fires at the first tick more than 500 ms later: 810. By then
        // elements 0..5 (arrivals 10..760) were read: source 0 is at 4999, which fires [0, 5000) at 810.
        JobSpec spec = perEvent(0, tumble(5000));
        spec.parallelism = 2;
        spec.partitions = 1;
        REQUIRE(kafkaSplitOwner("", 0, 2) == 0);
        std::vector<Element> in;
        for (int k = 0; k < 20; ++k)
            in.push_back(ev(1000 * k, "k" + std::to_string(k % 5), 1, 0, 10 + 150 * k));
        // Without withIdleness subtask 1 stays active at Long.MIN_VALUE: nothing ever fires before the end.
        CHECK(run(spec, in, false).lines.empty());
        spec.watermark.idleTimeout = 500;
        const Run r = run(spec, in, false);
        REQUIRE(r.lines.size() == 15); // [0,5000) [5000,10000) [10000,15000) x 5 keys; W = 18999 at the end
        Lines first(r.lines.begin(), r.lines.begin() + 5);
        std::sort(first.begin(), first.end());
        CHECK(first == Lines{"k0,0,5000,1,4999,on-time", "k1,0,5000,1,4999,on-time", "k2,0,5000,1,4999,on-time",
                             "k3,0,5000,1,4999,on-time", "k4,0,5000,1,4999,on-time"});
        for (int i = 0; i < 5; ++i)
            CHECK(r.firingProcTimes[static_cast<std::size_t>(i)] == 810);
        // The journal says so: subtask 1 idle at 810, never a watermark from it.
        int idleEvents = 0;
        for (const auto& e : r.journal.events()) {
            if (e.kind == StreamEventKind::SourceIdle && e.subtask == 1) {
                ++idleEvents;
                CHECK(e.a == 1);
                CHECK(e.procTime == 810);
            }
            if (e.kind == StreamEventKind::SourceWatermark) CHECK(e.subtask == 0);
        }
        CHECK(idleEvents == 1);
        // A longer timeout: a later tick, and a higher watermark by then (elements 0..9: 8999).
        spec.watermark.idleTimeout = 1000;
        const Run later = run(spec, in, false);
        REQUIRE(later.lines.size() == 15);
        CHECK(later.firingProcTimes.front() == 1410); // first tick with now - 210 > 1000
    }

    TEST_CASE("Flink key groups and Kafka split owners") {
        CHECK(javaStringHash("") == 0);
        CHECK(javaStringHash("a") == 97);
        CHECK(javaStringHash("hello") == 99162322);
        CHECK(javaStringHash("ação") == 3118866); // UTF-16 units: a, ç (0xE7), ã (0xE3), o
        CHECK(defaultMaxParallelism(1) == 128);
        CHECK(defaultMaxParallelism(8) == 128);
        CHECK(defaultMaxParallelism(100) == 256);
        CHECK(kafkaSplitOwner("", 3, 2) == 1);
        for (int p = 1; p <= 8; ++p)
            for (const char* k : {"a", "b", "user-17", "ação"}) {
                const int s = keyToSubtask(k, p, 128);
                CHECK(s >= 0);
                CHECK(s < p);
            }
    }

    TEST_CASE("Flink SQL's exchange: keys hashed as a BinaryRowData - the subtasks the real Flink uses") {
        // The row's bytes by hand: "a" (1 byte, in the slot): 8 zero bytes, then 61 00 00 00 00 00 00 81;
        // "sensor-1" (8 bytes, in the variable part): 8 zero bytes, 08 00 00 00 10 00 00 00, "sensor-1";
        // MurmurHashUtil by 4-byte words, seed 42, then fmix with the length (16, 24).
        CHECK(sqlKeyRowHash("a") == 943281246);
        CHECK(sqlKeyRowHash("sensor-1") == -1533379594);
        CHECK(sqlKeyRowHash("") == 302122119);
        // Key groups (murmurHash % 128): sensor-1 65, sensor-2 17, sensor-3 48, sensor-4 56. The global window
        // aggregation subtasks Flink 2.3.0 gave these keys (tests/flink: sensores_sql_tumble_avg_p2 and
        // sensores_sql_hop_sum_p4, the N> of its lines): at 2, sensor-1 on 1, the others on 0; at 4, sensor-1
        // on 2, sensor-2 on 0, sensor-3 and sensor-4 on 1. DataStream's keyBy (String#hashCode) differs.
        const std::vector<int> p2{1, 0, 0, 0}, p4{2, 0, 1, 1}, ds2{0, 1, 0, 1};
        for (int i = 0; i < 4; ++i) {
            const std::string key = "sensor-" + std::to_string(i + 1);
            CHECK(sqlKeyToSubtask(key, 2, 128) == p2[static_cast<std::size_t>(i)]);
            CHECK(sqlKeyToSubtask(key, 4, 128) == p4[static_cast<std::size_t>(i)]);
            CHECK(keyToSubtask(key, 2, 128) == ds2[static_cast<std::size_t>(i)]);
        }
    }

    TEST_CASE("processing-time windows use the arrival time and fire on processing time") {
        JobSpec spec = perEvent(0, tumble(1000));
        spec.window.processingTime = true;
        // event times are irrelevant; arrivals 100, 900, 1500 -> [0,1000) fires once time has passed 999
        const Run r =
            run(spec, {ev(99999, "a", 1, 0, 100), ev(5, "a", 1, 0, 900), ev(7, "a", 1, 0, 1500)}, false);
        CHECK(r.lines.size() == 1);
        CHECK(r.lines[0].rfind("a,0,1000,2,", 0) == 0);
        CHECK(r.firingProcTimes == std::vector<Millis>{1000});
    }

    TEST_CASE("the journal records watermarks - windows and late elements") {
        const Run r = run(perEvent(2000, tumble(5000)), {ev(1000), ev(8000), ev(1500)}, false);
        std::vector<std::string> kinds;
        for (const auto& e : r.journal.events())
            kinds.push_back(streamEventKindName(e.kind));
        const auto has = [&](const char* k) {
            return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
        };
        CHECK(has("element_arrived"));
        CHECK(has("split_watermark"));
        CHECK(has("source_watermark"));
        CHECK(has("channel_watermark"));
        CHECK(has("operator_watermark"));
        CHECK(has("window_created"));
        CHECK(has("window_fired"));
        CHECK(has("window_purged"));
        CHECK(has("element_late"));
        CHECK(r.journal.toJsonLines().find(
                  "{\"t\":0,\"type\":\"element_late\",\"subtask\":0,\"key\":\"a\",\"event_time\":1500,"
                  "\"watermark\":5999,\"side_output\":true}") != std::string::npos);
    }
}
