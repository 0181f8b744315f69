// Event-time tumbling windows take the engine's fast path (one state array per open window over the key
// ids, shared timers per window); every other window kind takes the general per-key path. A HOP whose
// slide equals its size assigns exactly the tumbling window, through the general path: the two must give
// the same firings, late records and journal, byte for byte, whatever the disorder, lateness, idleness,
// parallelism, aggregate, checkpoints and crashes.
#include "sim/stream/engine.h"

#include <doctest/doctest.h>
#include <algorithm>
#include <span>
#include <string>
#include <vector>

using namespace fluxolab::stream;

namespace {

struct Mix {
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

struct Run {
    std::vector<std::string> lines; ///< firings and late records, in emission order
    std::string journal;
    std::size_t openAtEnd = 0;
};

/// chunkSeed 0: one process call per element; otherwise process(span) over chunks of 1..40 elements
/// (drawn from chunkSeed), a chunk ending where the crash comes.
/// withJournal false: no journal (Run::journal stays empty), as a replay runs.
Run run(const JobSpec& spec, const std::vector<Element>& elements, bool finish, std::size_t crashAt,
        std::uint64_t chunkSeed = 0, bool withJournal = true) {
    Run r;
    JobOutput out;
    out.onFiring = [&](const Firing& f) {
        r.lines.push_back(f.key + "," + std::to_string(f.start) + "," + std::to_string(f.end) + "," +
                          renderResult(spec.agg, f.acc) + "," + formatWatermark(f.watermark) +
                          (f.late ? ",late-update" : ",on-time") + "," + std::to_string(f.subtask));
    };
    out.onLate = [&](const LateRecord& l) {
        r.lines.push_back("LATE," + l.key + "," + std::to_string(l.eventTime) + "," +
                          formatWatermark(l.watermark));
    };
    StreamJournal journal;
    StreamJob job(spec, out, withJournal ? &journal : nullptr,
                  elements.empty() ? 0 : elements.front().arrival);
    bool crashed = false;
    Mix chunks{chunkSeed};
    for (std::size_t i = 0; i <= elements.size();) {
        if (!crashed && i == crashAt) {
            crashed = true;
            i = static_cast<std::size_t>(job.crashAndRestore());
        }
        if (i == elements.size()) break;
        if (chunkSeed == 0) {
            job.process(elements[i++]);
            continue;
        }
        std::size_t end = std::min(elements.size(), i + static_cast<std::size_t>(chunks.range(1, 40)));
        if (!crashed && crashAt > i && crashAt < end) end = crashAt;
        job.process(std::span<const Element>(elements.data() + i, end - i));
        i = end;
    }
    job.finish(finish);
    r.journal = journal.toJsonLines();
    r.openAtEnd = job.openWindows();
    return r;
}

} // namespace

TEST_SUITE("stream/dense") {
    TEST_CASE(
        "tumbling windows equal a HOP with slide = size - firings and journal byte for byte (800 seeds)") {
        int lateSeen = 0, lateUpdatesSeen = 0, crashes = 0;
        std::size_t leanLines = 0;
        for (std::uint64_t seed = 1; seed <= 800; ++seed) {
            Mix r{seed};
            JobSpec tumble;
            tumble.watermark.kind =
                r.range(0, 3) ? WatermarkKind::BoundedOutOfOrderness : WatermarkKind::Monotonous;
            tumble.watermark.bound = r.range(0, 4) * 1000;
            tumble.watermark.perEvent = r.range(0, 1) == 1;
            tumble.watermark.idleTimeout = r.range(0, 2) == 0 ? r.range(1, 10) * 100 : 0;
            tumble.window.kind = WindowKind::Tumble;
            tumble.window.size = r.range(1, 6) * 1000;
            tumble.window.offset =
                r.range(0, 2) == 0 ? r.range(-(tumble.window.size - 1), tumble.window.size - 1) : 0;
            tumble.window.allowedLateness = r.range(0, 1) ? r.range(0, 3) * 1000 + r.range(0, 1) * 500 : 0;
            tumble.lateSideOutput = r.range(0, 3) != 0;
            tumble.agg = static_cast<AggKind>(r.range(0, 5));
            tumble.parallelism = static_cast<int>(r.range(1, 3));
            tumble.partitions = static_cast<int>(r.range(1, 3));
            tumble.checkpointInterval = r.range(0, 1) ? r.range(1, 10) * 200 : 0;
            JobSpec hop = tumble;
            hop.window.kind = WindowKind::Hop;
            hop.window.slide = tumble.window.size;
            REQUIRE_FALSE(validate(tumble).has_value());
            REQUIRE_FALSE(validate(hop).has_value());

            std::vector<Element> elements;
            const int n = static_cast<int>(r.range(1, 200));
            const int keys = static_cast<int>(r.range(1, 12));
            Millis ts = 100000, arrival = 0;
            for (int i = 0; i < n; ++i) {
                ts += r.range(-300, 700);
                Millis t = ts;
                if (r.range(0, 7) == 0) t -= r.range(0, 15000); // out of order, often late
                arrival += r.range(0, 120);
                elements.push_back(Element{t, "k" + std::to_string(r.range(0, keys - 1)),
                                           static_cast<double>(r.range(-50, 50)) / 4.0,
                                           static_cast<std::int32_t>(r.range(0, tumble.partitions - 1)),
                                           arrival});
            }
            const bool finish = r.range(0, 4) != 0;
            const std::size_t crashAt = tumble.checkpointInterval > 0 && r.range(0, 1)
                                            ? static_cast<std::size_t>(r.range(0, n))
                                            : elements.size() + 1;
            crashes += crashAt <= elements.size() ? 1 : 0;
            CAPTURE(seed);
            const Run a = run(tumble, elements, finish, crashAt);
            const Run b = run(hop, elements, finish, crashAt);
            CHECK(a.lines == b.lines);
            CHECK(a.journal == b.journal);
            CHECK(a.openAtEnd == b.openAtEnd);
            // The same elements in batches (StreamJob::process of a span), and with a key's 32-bit count
            // in a window reaching its limit early (the job then moves to the general structures).
            const Run batched = run(tumble, elements, finish, crashAt, seed);
            CHECK(batched.lines == a.lines);
            CHECK(batched.journal == a.journal);
            // Without a journal (as a replay runs), where a batch takes its lean path when the job has
            // one subtask and one split, per-event DataStream watermarks and nothing to wake up for.
            const Run quiet = run(tumble, elements, finish, crashAt, seed, false);
            CHECK(quiet.lines == a.lines);
            CHECK(quiet.openAtEnd == a.openAtEnd);
            // The same job in that shape, arrivals in steps (an element that moves processing time
            // leaves the lean path for one element), a few elements of a partition the job does not
            // have (read from partition 0, off the lean path).
            JobSpec lean = tumble;
            lean.parallelism = 1;
            lean.partitions = 1;
            lean.watermark.perEvent = true;
            lean.watermark.idleTimeout = 0;
            lean.checkpointInterval = 0;
            std::vector<Element> leanElements = elements;
            for (Element& e : leanElements) {
                e.arrival -= e.arrival % 500;
                if (r.range(0, 9) != 0) e.partition = 0;
            }
            const Run one = run(lean, leanElements, finish, leanElements.size() + 1);
            const Run leanBatched = run(lean, leanElements, finish, leanElements.size() + 1, seed, false);
            CHECK(leanBatched.lines == one.lines);
            CHECK(leanBatched.openAtEnd == one.openAtEnd);
            leanLines += leanBatched.lines.size();
            StreamJob::setSlabCountLimitForTesting(static_cast<std::uint32_t>(r.range(1, 4)));
            const Run limited = run(tumble, elements, finish, crashAt, seed);
            StreamJob::setSlabCountLimitForTesting(0);
            CHECK(limited.lines == a.lines);
            CHECK(limited.journal == a.journal);
            CHECK(limited.openAtEnd == a.openAtEnd);
            for (const auto& l : a.lines) {
                lateSeen += l.rfind("LATE,", 0) == 0 ? 1 : 0;
                lateUpdatesSeen += l.find(",late-update,") != std::string::npos ? 1 : 0;
            }
        }
        // The seeds reach the paths that matter: late records, late firings, crashes.
        CHECK(lateSeen > 100);
        CHECK(lateUpdatesSeen > 50);
        CHECK(crashes > 100);
        CHECK(leanLines > 10000);
    }

    TEST_CASE("past the slab memory budget the job moves to per-key windows with the same results") {
        // 70 000 keys (key arrays of 131 072 entries: 4 MiB per open window) and 1-second windows with a
        // 30-second bound: about 31 open windows, past the 64 MiB budget mid-run.
        JobSpec tumble;
        tumble.watermark.kind = WatermarkKind::BoundedOutOfOrderness;
        tumble.watermark.bound = 30000;
        tumble.watermark.perEvent = true;
        tumble.window.kind = WindowKind::Tumble;
        tumble.window.size = 1000;
        tumble.window.allowedLateness = 500;
        tumble.agg = AggKind::Sum;
        JobSpec hop = tumble;
        hop.window.kind = WindowKind::Hop;
        hop.window.slide = 1000;
        std::vector<Element> elements;
        Mix r{42};
        for (int i = 0; i < 200000; ++i) {
            const Millis t = i / 2 - r.range(0, 31000); // 500 events per second of event time
            elements.push_back(Element{t, "user" + std::to_string(i < 70000 ? i : r.range(0, 69999)),
                                       static_cast<double>(r.range(0, 9)), 0, 0});
        }
        const Run a = run(tumble, elements, true, elements.size() + 1);
        const Run b = run(hop, elements, true, elements.size() + 1);
        REQUIRE(a.lines.size() > 100000);
        CHECK(a.lines == b.lines);
        CHECK(a.journal == b.journal);
    }
}
