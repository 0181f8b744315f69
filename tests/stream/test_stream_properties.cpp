// Property tests over many seeds: results equal a sorted batch computation when nothing is late,
// watermarks never decrease on any split / source / channel / operator, and runs are deterministic.
#include "sim/stream/engine.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace fluxolab::stream;

namespace {

struct SplitMix {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::int64_t range(std::int64_t lo, std::int64_t hi) { // inclusive
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
};

struct Case {
    JobSpec spec;
    std::vector<Element> elements;
};

WindowSpec randomWindow(SplitMix& r) {
    WindowSpec w;
    switch (r.range(0, 3)) {
    case 0:
        w.kind = WindowKind::Tumble;
        w.size = r.range(1, 10) * 1000;
        w.offset = r.range(0, 1) ? r.range(-(w.size - 1), w.size - 1) : 0;
        break;
    case 1:
        w.kind = WindowKind::Hop;
        w.slide = r.range(1, 5) * 1000;
        w.size = w.slide * r.range(1, 4) + (r.range(0, 3) == 0 ? 500 : 0);
        break;
    case 2:
        w.kind = WindowKind::Session;
        w.gap = r.range(1, 6) * 500;
        break;
    default:
        w.kind = WindowKind::Cumulate;
        w.step = r.range(1, 4) * 1000;
        w.size = w.step * r.range(1, 4);
        break;
    }
    return w;
}

/// A trace whose disorder stays within the bound: no element is ever late (per split the event time
/// never falls more than `bound` behind that split's max, and splits never idle).
Case noLateCase(std::uint64_t seed) {
    SplitMix r{seed};
    Case c;
    c.spec.watermark.kind = r.range(0, 1) ? WatermarkKind::BoundedOutOfOrderness : WatermarkKind::Sql;
    c.spec.watermark.bound = r.range(0, 5) * 1000;
    c.spec.watermark.perEvent = r.range(0, 1) == 1;
    c.spec.watermark.interval = 200;
    c.spec.window = randomWindow(r);
    // Flink SQL refuses a HOP whose size is not a multiple of the slide (the same seeds otherwise).
    if (c.spec.watermark.kind == WatermarkKind::Sql && c.spec.window.kind == WindowKind::Hop)
        c.spec.window.size -= c.spec.window.size % c.spec.window.slide;
    c.spec.agg = static_cast<AggKind>(r.range(0, 3));
    c.spec.parallelism = static_cast<int>(r.range(1, 4));
    c.spec.partitions = static_cast<int>(r.range(1, 4));
    const int n = static_cast<int>(r.range(1, 120));
    const int keys = static_cast<int>(r.range(1, 6));
    std::vector<Millis> maxPerSplit(static_cast<std::size_t>(c.spec.partitions), 20000);
    Millis arrival = 0;
    for (int i = 0; i < n; ++i) {
        const int p = static_cast<int>(r.range(0, c.spec.partitions - 1));
        Millis& mx = maxPerSplit[static_cast<std::size_t>(p)];
        // A split holds the watermark from its assignment: its first record is never late, however far
        // behind the other splits it is.
        const Millis bound = c.spec.watermark.bound;
        // ahead of the max, or behind it by at most the bound (SQL has no -1: stay strictly inside)
        Millis ts = r.range(0, 2) ? mx + r.range(0, 1500) : mx - r.range(0, std::max<Millis>(bound - 1, 0));
        mx = std::max(mx, ts);
        arrival += r.range(0, 150);
        c.elements.push_back(Element{ts, "k" + std::to_string(r.range(0, keys - 1)),
                                     static_cast<double>(r.range(-50, 50)), p, arrival});
    }
    return c;
}

using Result = std::tuple<std::string, Millis, Millis, std::string>;

std::vector<Result> batch(const Case& c) {
    // Sorted batch computation: group by key, assign windows, merge sessions, aggregate.
    std::map<std::string, std::vector<Element>> byKey;
    for (const auto& e : c.elements)
        byKey[e.key].push_back(e);
    std::vector<Result> out;
    for (auto& [key, els] : byKey) {
        std::stable_sort(els.begin(), els.end(),
                         [](const Element& a, const Element& b) { return a.eventTime < b.eventTime; });
        std::map<TimeWindow, Accumulator> wins;
        const auto add = [&](Accumulator& acc, double v) {
            if (acc.count == 0) acc.min = acc.max = v;
            acc.min = std::min(acc.min, v);
            acc.max = std::max(acc.max, v);
            ++acc.count;
            acc.sum += v;
        };
        if (c.spec.window.kind == WindowKind::Session) {
            TimeWindow cur{};
            Accumulator acc;
            bool open = false;
            for (const auto& e : els) {
                const TimeWindow w{e.eventTime, e.eventTime + c.spec.window.gap};
                if (open && w.start <= cur.end) {
                    cur.end = std::max(cur.end, w.end);
                } else {
                    if (open) wins[cur] = acc;
                    cur = w;
                    acc = Accumulator{};
                    open = true;
                }
                add(acc, e.value);
            }
            if (open) wins[cur] = acc;
        } else {
            for (const auto& e : els)
                for (const auto& w : assignWindows(c.spec.window, e.eventTime))
                    add(wins[w], e.value);
        }
        for (const auto& [w, acc] : wins)
            out.emplace_back(key, w.start, w.end, renderResult(c.spec.agg, acc));
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct StreamRun {
    std::vector<Result> results;
    int late = 0;
    int lateUpdates = 0;
    std::string journal;
    std::vector<std::string> lines;
};

StreamRun stream(const Case& c) {
    StreamRun s;
    StreamJournal journal;
    JobOutput out;
    out.onFiring = [&](const Firing& f) {
        s.results.emplace_back(f.key, f.start, f.end, renderResult(c.spec.agg, f.acc));
        s.lateUpdates += f.late ? 1 : 0;
        s.lines.push_back(f.key + "," + std::to_string(f.start) + "," + renderResult(c.spec.agg, f.acc) +
                          "," + formatWatermark(f.watermark));
    };
    out.onLate = [&](const LateRecord&) { ++s.late; };
    StreamJob job(c.spec, out, &journal, c.elements.empty() ? 0 : c.elements.front().arrival);
    for (const auto& e : c.elements)
        job.process(e);
    job.finish(true);
    std::sort(s.results.begin(), s.results.end());
    s.journal = journal.toJsonLines();
    // Watermarks never decrease: per split, per source subtask, per (subtask, channel), per operator.
    std::map<std::tuple<int, int, int, int>, Millis> last;
    for (const auto& e : journal.events()) {
        int kind = -1;
        if (e.kind == StreamEventKind::SplitWatermark) kind = 0;
        if (e.kind == StreamEventKind::SourceWatermark) kind = 1;
        if (e.kind == StreamEventKind::ChannelWatermark) kind = 2;
        if (e.kind == StreamEventKind::OperatorWatermark) kind = 3;
        if (kind < 0) continue;
        const auto id = std::make_tuple(kind, e.partition, e.subtask, e.channel);
        const auto it = last.find(id);
        if (it != last.end() && e.a <= it->second) {
            FAIL_CHECK("watermark did not increase: " << toJson(e));
        }
        last[id] = e.a;
    }
    return s;
}

} // namespace

TEST_SUITE("stream/properties") {
    TEST_CASE("no late elements: streaming results equal the sorted batch computation (600 seeds)") {
        for (std::uint64_t seed = 1; seed <= 600; ++seed) {
            const Case c = noLateCase(seed);
            CAPTURE(seed);
            REQUIRE_FALSE(validate(c.spec).has_value());
            const StreamRun s = stream(c);
            CHECK(s.late == 0);
            CHECK(s.lateUpdates == 0);
            CHECK(s.results == batch(c));
        }
    }

    TEST_CASE(
        "watermarks never decrease and runs are byte-identical - with late data and idleness (600 seeds)") {
        for (std::uint64_t seed = 1000; seed < 1600; ++seed) {
            SplitMix r{seed};
            Case c = noLateCase(seed * 7919);
            // Add chaos: late elements, idleness, allowed lateness.
            c.spec.watermark.idleTimeout = r.range(0, 1) ? r.range(1, 10) * 100 : 0;
            c.spec.window.allowedLateness = r.range(0, 1) ? r.range(0, 4) * 1000 : 0;
            if (c.spec.watermark.kind == WatermarkKind::Sql) c.spec.window.allowedLateness = 0; // none in SQL
            c.spec.lateSideOutput = r.range(0, 3) != 0;
            for (auto& e : c.elements)
                if (r.range(0, 9) == 0) e.eventTime -= r.range(0, 20000);
            CAPTURE(seed);
            REQUIRE_FALSE(validate(c.spec).has_value());
            const StreamRun a = stream(c);
            const StreamRun b = stream(c);
            CHECK(a.journal == b.journal);
            CHECK(a.lines == b.lines);
            CHECK_FALSE(a.journal.empty());
        }
    }
}

TEST_SUITE("stream/checkpoints") {
    TEST_CASE(
        "recovery from the last checkpoint at any crash point gives the failure-free results (600 seeds)") {
        int withCheckpoint = 0, duplicatesSeen = 0;
        for (std::uint64_t seed = 5000; seed < 5600; ++seed) {
            SplitMix r{seed};
            Case c = noLateCase(seed * 31);
            c.spec.checkpointInterval = r.range(1, 20) * 100;
            c.spec.watermark.idleTimeout = r.range(0, 1) ? r.range(1, 10) * 100 : 0;
            c.spec.window.allowedLateness = r.range(0, 1) ? r.range(0, 4) * 1000 : 0;
            if (c.spec.watermark.kind == WatermarkKind::Sql) c.spec.window.allowedLateness = 0; // none in SQL
            for (auto& e : c.elements)
                if (r.range(0, 9) == 0) e.eventTime -= r.range(0, 20000); // some late data too
            CAPTURE(seed);
            const auto render = [&](std::vector<std::string>& sink) {
                JobOutput out;
                out.onFiring = [&sink, &c](const Firing& f) {
                    sink.push_back(f.key + "," + std::to_string(f.start) + "," + std::to_string(f.end) + "," +
                                   renderResult(c.spec.agg, f.acc) + "," + formatWatermark(f.watermark) +
                                   (f.late ? ",late" : ",on-time"));
                };
                out.onLate = [&sink](const LateRecord& l) {
                    sink.push_back("LATE," + l.key + "," + std::to_string(l.eventTime) + "," +
                                   formatWatermark(l.watermark));
                };
                return out;
            };
            std::vector<std::string> expected;
            {
                StreamJob job(c.spec, render(expected), nullptr, c.elements.front().arrival);
                for (const auto& e : c.elements)
                    job.process(e);
                job.finish(true);
            }
            std::vector<std::string> got;
            std::size_t committed = 0;
            JobOutput out = render(got);
            out.onCheckpoint = [&](std::uint64_t, std::uint64_t, Millis) { committed = got.size(); };
            StreamJournal journal;
            StreamJob job(c.spec, out, &journal, c.elements.front().arrival);
            const auto crashAt =
                static_cast<std::size_t>(r.range(0, static_cast<std::int64_t>(c.elements.size())));
            bool crashed = false;
            for (std::size_t i = 0; i <= c.elements.size(); ++i) {
                if (!crashed && i == crashAt) {
                    crashed = true;
                    if (job.lastCompletedCheckpoint() > 0) ++withCheckpoint;
                    const std::uint64_t from = job.crashAndRestore();
                    // What the sink got after the checkpoint is emitted again after the restore: duplicates.
                    const std::vector<std::string> duplicates(
                        got.begin() + static_cast<std::ptrdiff_t>(committed), got.end());
                    duplicatesSeen += duplicates.empty() ? 0 : 1;
                    CHECK(std::equal(duplicates.begin(), duplicates.end(),
                                     expected.begin() + static_cast<std::ptrdiff_t>(committed)));
                    got.resize(committed);
                    i = static_cast<std::size_t>(from);
                }
                if (i < c.elements.size()) job.process(c.elements[i]);
            }
            job.finish(true);
            CHECK(got == expected);
        }
        CHECK(withCheckpoint > 200); // most crashes restore from a real checkpoint, not from scratch
        CHECK(duplicatesSeen > 50);
    }

    TEST_CASE("a crash restores windows - timers and source position of the last checkpoint") {
        JobSpec spec;
        spec.watermark.perEvent = true;
        spec.watermark.bound = 0;
        spec.window.kind = WindowKind::Tumble;
        spec.window.size = 5000;
        spec.checkpointInterval = 1000;
        std::vector<std::string> fired;
        JobOutput out;
        out.onFiring = [&](const Firing& f) {
            fired.push_back(std::to_string(f.start) + ":" + std::to_string(f.acc.count));
        };
        StreamJournal journal;
        StreamJob job(spec, out, &journal, 0);
        job.process(Element{1000, "a", 0, 0, 0});
        job.process(Element{2000, "a", 0, 0, 500});
        job.process(Element{3000, "a", 0, 0, 1500}); // checkpoint 1 at 1000 holds 2 elements
        CHECK(job.lastCompletedCheckpoint() == 1);
        CHECK(job.openWindows() == 1);
        const auto from = job.crashAndRestore();
        CHECK(from == 2);
        CHECK(job.processingTime() == 1000);
        job.process(Element{3000, "a", 0, 0, 1500});
        job.process(Element{6000, "a", 0, 0, 1600});
        CHECK(fired == std::vector<std::string>{"0:3"});
        const std::string j = journal.toJsonLines();
        CHECK(j.find("\"type\":\"checkpoint_completed\",\"checkpoint\":1,\"position\":2") !=
              std::string::npos);
        CHECK(j.find("\"type\":\"job_restored\",\"checkpoint\":1,\"position\":2") != std::string::npos);
        CHECK(j.find("\"type\":\"checkpoint_aligned\",\"subtask\":0") != std::string::npos);
    }
}
