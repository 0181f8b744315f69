// Property tests over many seeds: results equal a sorted batch computation when nothing is late,
// watermarks never decrease on any split / source / channel / operator, and runs are deterministic.
#include "sim/stream/engine.h"

#include <doctest/doctest.h>

#include <algorithm>
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
    for (const auto& e : c.elements) byKey[e.key].push_back(e);
    std::vector<Result> out;
    for (auto& [key, els] : byKey) {
        std::stable_sort(els.begin(), els.end(), [](const Element& a, const Element& b) { return a.eventTime < b.eventTime; });
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
                for (const auto& w : assignWindows(c.spec.window, e.eventTime)) add(wins[w], e.value);
        }
        for (const auto& [w, acc] : wins) out.emplace_back(key, w.start, w.end, renderResult(c.spec.agg, acc));
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
        s.lines.push_back(f.key + "," + std::to_string(f.start) + "," + renderResult(c.spec.agg, f.acc) + "," +
                          formatWatermark(f.watermark));
    };
    out.onLate = [&](const LateRecord&) { ++s.late; };
    StreamJob job(c.spec, out, &journal, c.elements.empty() ? 0 : c.elements.front().arrival);
    for (const auto& e : c.elements) job.process(e);
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

    TEST_CASE("watermarks never decrease and runs are byte-identical, with late data and idleness (600 seeds)") {
        for (std::uint64_t seed = 1000; seed < 1600; ++seed) {
            SplitMix r{seed};
            Case c = noLateCase(seed * 7919);
            // Add chaos: late elements, idleness, allowed lateness.
            c.spec.watermark.idleTimeout = r.range(0, 1) ? r.range(1, 10) * 100 : 0;
            c.spec.window.allowedLateness = r.range(0, 1) ? r.range(0, 4) * 1000 : 0;
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
