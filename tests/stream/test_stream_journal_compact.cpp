// The compact StreamJournal (sim/stream/journal.h): packed varint records in fixed-size chunks, keys
// and names interned. Same input + same options => the same JSON Lines as the vector of StreamEvent it
// replaced (the hashes below were taken from that journal before the change), every field round-trips
// (extreme values included), and seeking folds from the nearest snapshot to the same state as a full fold.
#include "sim/stream/engine.h"
#include "sim/stream/journal.h"
#include "sim/stream/view.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace fluxolab::stream;

namespace {

struct Lcg {
    std::uint64_t s;
    std::uint64_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return s >> 33;
    }
    std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
};

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

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
    spec.window.size = 6000;
    spec.window.slide = 2000;
    spec.window.gap = 3000;
    spec.window.allowedLateness = 1000;
    spec.checkpointInterval = 4000;
    return spec;
}

std::vector<Element> richInput(std::uint64_t seed) {
    Lcg rng{seed};
    std::vector<Element> in;
    Millis arrival = 0;
    for (int i = 0; i < 600; ++i) {
        arrival += rng.below(120);
        const int partition = static_cast<int>(rng.below(3));
        if (partition == 2 && arrival > 10000 && arrival < 20000) continue;
        const Millis lateBy = rng.below(10) == 0 ? 15000 : rng.below(2500);
        in.push_back(Element{std::max<Millis>(0, arrival - lateBy), "k" + std::to_string(rng.below(7)),
                             static_cast<double>(rng.below(100)), partition, arrival});
    }
    return in;
}

/// Runs `in` through a job journaling into `journal`, crashing once after `crashAt` elements (0: never).
void run(const JobSpec& spec, const std::vector<Element>& in, StreamJournal& journal, std::size_t crashAt) {
    StreamJob job(spec, {}, &journal, 0);
    bool crashed = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        job.process(in[i]);
        if (!crashed && crashAt != 0 && i + 1 == crashAt) {
            crashed = true;
            const auto from = job.crashAndRestore();
            i = static_cast<std::size_t>(from) - 1;
            if (from == 0) i = static_cast<std::size_t>(-1);
        }
    }
    job.finish(true);
}

/// assets/traces/sensores_iot.csv: ts,sensor,temperatura,partition,arrival (epoch ms). The partition is
/// the one the trace had when the hashes below were taken from the unpacked journal, sensor-N -> N - 1
/// (the file's column is now Kafka's murmur2 partition, 1, 3, 0, 2): the same input, so the same journal.
std::vector<Element> sensors() {
    std::ifstream f(std::string(FLUXOLAB_SOURCE_DIR) + "/assets/traces/sensores_iot.csv");
    std::string line;
    std::getline(f, line);
    std::vector<Element> in;
    while (std::getline(f, line)) {
        std::stringstream ss(line);
        std::string ts, key, value, partition, arrival;
        std::getline(ss, ts, ',');
        std::getline(ss, key, ',');
        std::getline(ss, value, ',');
        std::getline(ss, partition, ',');
        std::getline(ss, arrival, ',');
        REQUIRE(key.rfind("sensor-", 0) == 0);
        const int before = std::stoi(key.substr(7)) - 1;
        in.push_back(Element{std::stoll(ts), key, std::stod(value), before, std::stoll(arrival)});
    }
    return in;
}

} // namespace

TEST_SUITE("stream/journal") {
    TEST_CASE("the compact stream journal renders the same JSON Lines as before on seeds 1 to 5 and a sample trace") {
        std::vector<std::uint64_t> hashes;
        std::vector<std::size_t> sizes;
        for (WindowKind kind : {WindowKind::Tumble, WindowKind::Hop, WindowKind::Session}) {
            for (std::uint64_t seed = 1; seed <= 5; ++seed) {
                StreamJournal journal;
                run(richSpec(kind), richInput(seed), journal, seed == 3 ? 250 : 0);
                const std::string text = journal.toJsonLines();
                hashes.push_back(fnv1a(text));
                sizes.push_back(journal.events().size());
            }
        }
        {
            JobSpec spec;
            spec.watermark.kind = WatermarkKind::BoundedOutOfOrderness;
            spec.watermark.bound = 2000;
            spec.watermark.idleTimeout = 3000;
            spec.parallelism = 2;
            spec.partitions = 2;
            spec.window.kind = WindowKind::Tumble;
            spec.window.size = 10000;
            spec.window.allowedLateness = 2000;
            spec.agg = AggKind::Sum;
            const auto in = sensors();
            REQUIRE(in.size() > 400);
            StreamJournal journal;
            run(spec, in, journal, 0);
            hashes.push_back(fnv1a(journal.toJsonLines()));
            sizes.push_back(journal.events().size());
        }
        // Taken from the vector-of-StreamEvent journal before it was packed (same runs, same order); the
        // tumbling and hopping runs re-taken when windows of equal end began to fire in Flink's
        // timer-heap order (docs/stream.md, "Firing order": same events, another order).
        const std::vector<std::uint64_t> expected = {
            0x217e017216f6138bULL, 0x332e91b3664b63aaULL, 0xe1d8d9b0e9736b64ULL, 0x5d788dd67df0b395ULL,
            0x5460b7a0d0e705cbULL, 0xfde7e1904611e7a8ULL, 0x0a64074e51e4d86dULL, 0x051099e15a95830cULL,
            0x24570ec1e18fa737ULL, 0x429780f64070f7e6ULL, 0xd79ae778e8dd8ee0ULL, 0x569e540d67fe9114ULL,
            0x4b5071c749c1b013ULL, 0x98a63d7e99ab0928ULL, 0x370f99d5fa6381f3ULL, 0xd524dfc7a3b56b40ULL};
        const std::vector<std::size_t> expectedSizes = {1447, 1507, 1579, 1402, 1431, 1837, 1882, 1985,
                                                        1736, 1793, 1522, 1600, 1674, 1496, 1539, 4460};
        CHECK(hashes == expected);
        CHECK(sizes == expectedSizes);
    }
}

namespace {

bool same(const StreamEvent& x, const StreamEvent& y) {
    return x.kind == y.kind && x.procTime == y.procTime && x.partition == y.partition && x.subtask == y.subtask &&
           x.channel == y.channel && x.a == y.a && x.b == y.b && x.c == y.c && x.flag == y.flag && x.key == y.key &&
           x.name == y.name;
}

} // namespace

TEST_SUITE("stream/journal") {
    TEST_CASE("every stream event kind round-trips through the packed journal with extreme values") {
        using L = std::numeric_limits<std::int64_t>;
        using I = std::numeric_limits<std::int32_t>;
        const std::vector<Millis> times = {0, 1, -1, L::min(), L::max(), L::min() + 1, L::max() - 1,
                                           1773475200000, -1773475200000, 127, 128, 16383, 16384};
        const std::vector<std::int32_t> ids = {-1, 0, 1, I::min(), I::max(), 63, 64, 8191};
        const std::vector<std::uint8_t> flags = {0, 1, 2, 255};
        const std::vector<std::string> strings = {"", "k", "k", std::string(300, 'x'), "p\"1\n\xc3\xa9", "k"};
        StreamJournal journal;
        std::vector<StreamEvent> expected;
        Lcg rng{42};
        const auto pick = [&](const auto& v) { return v[static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(v.size())))]; };
        for (int round = 0; round < 40; ++round) {
            for (std::size_t k = 0; k < static_cast<std::size_t>(StreamEventKind::Count_); ++k) {
                StreamEvent e{static_cast<StreamEventKind>(k), pick(times), pick(ids), pick(ids), pick(ids),
                              pick(times), pick(times), pick(times), pick(flags), pick(strings), pick(strings)};
                if (round == 0) { // all defaults
                    e = StreamEvent{};
                    e.kind = static_cast<StreamEventKind>(k);
                }
                journal.record(e);
                expected.push_back(e);
            }
        }
        // Enough to fill several chunks with the longest records.
        for (int i = 0; i < 3000; ++i) {
            StreamEvent e{StreamEventKind::WindowFired, L::min(), I::min(), I::max(), I::min(), L::max(), L::min(),
                          L::max(), 255, std::string(20, static_cast<char>('a' + i % 26)), "n"};
            journal.record(e);
            expected.push_back(e);
        }
        REQUIRE(journal.size() == expected.size());
        std::size_t i = 0;
        for (const StreamEvent& e : journal.events()) {
            REQUIRE(i < expected.size());
            CHECK(same(e, expected[i]));
            ++i;
        }
        CHECK(i == expected.size());
        // Random access decodes from the nearest sync point.
        for (std::size_t j : {std::size_t{0}, std::size_t{1}, StreamJournal::kSyncEvery - 1, StreamJournal::kSyncEvery,
                              StreamJournal::kSyncEvery + 1, expected.size() / 2, expected.size() - 1})
            CHECK(same(journal.events()[j], expected[j]));
        CHECK(same(journal.events().back(), expected.back()));
        // The JSON Lines are those of the events rendered one by one.
        std::string lines;
        for (const auto& e : expected)
            lines += toJson(e) + "\n";
        CHECK(journal.toJsonLines() == lines);
    }
}

TEST_SUITE("stream/journal") {
    TEST_CASE("seeking a stream journal from its snapshots equals folding every event over many seeds") {
        int seeks = 0;
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            const WindowKind kind = seed % 3 == 0 ? WindowKind::Session : seed % 3 == 1 ? WindowKind::Tumble : WindowKind::Hop;
            // The same run into the packed journal and into a shared journal (whose StreamTimeline is
            // the reference fold of sim::Event).
            StreamJournal mem;
            fluxolab::sim::Journal shared;
            struct Both final : StreamJournalSink {
                StreamJournal& a;
                JournalFamilySink b;
                Both(StreamJournal& x, fluxolab::sim::Journal& j) : a(x), b(j) {}
                void record(const StreamEvent& e) override {
                    a.record(e);
                    b.record(e);
                }
            } both(mem, shared);
            {
                StreamJob job(richSpec(kind), {}, &both, 0);
                const auto in = richInput(seed * 7919);
                const std::size_t crashAt = seed % 2 == 0 ? 100 + seed * 5 : 0;
                bool crashed = false;
                for (std::size_t i = 0; i < in.size(); ++i) {
                    job.process(in[i]);
                    if (!crashed && crashAt != 0 && i + 1 == crashAt) {
                        crashed = true;
                        const auto from = job.crashAndRestore();
                        i = static_cast<std::size_t>(from) - 1;
                        if (from == 0) i = static_cast<std::size_t>(-1);
                    }
                }
                job.finish(true);
            }
            REQUIRE(mem.size() == shared.size());
            StreamJournalTimeline timeline(mem, 1 + seed % 50); // small spacing: many snapshots
            CHECK(timeline.snapshots() > 1);
            StreamTimeline reference(shared, 1 << 30);         // no snapshots: a full fold each time
            Lcg rng{seed};
            for (int k = 0; k < 25; ++k) {
                const auto n = static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(mem.size()) + 1));
                const StreamView seeked = timeline.at(n);
                const StreamView full = reference.at(n);
                CHECK(seeked.events == n);
                CHECK(seeked.sameAs(full));
                ++seeks;
            }
            // By time: every event up to t applied.
            const Millis t = mem.events()[mem.size() / 2].procTime;
            const std::size_t upTo = timeline.eventsUpTo(t);
            CHECK(mem.events()[upTo - 1].procTime <= t);
            if (upTo < mem.size()) CHECK(mem.events()[upTo].procTime > t);
            CHECK(timeline.atTime(t).sameAs(reference.at(upTo)));
            CHECK(timeline.at(mem.size()).sameAs(reference.latest()));
        }
        CHECK(seeks == 1000);
    }
}
