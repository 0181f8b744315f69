// fluxolab-cli gen-trace: reproducible event traces for replay, the stream view and the real-Flink
// cross-check (tests/flink). Same arguments => same bytes, on every platform (sim::Rng).
//
// Columns, in arrival order (one row per element):
//   ts         event time, epoch ms: arrival - delay
//   key        k01..kNN (zero-padded to the width of --keys)
//   value      a price-like number with two decimals, 1.00 .. 100.00
//   partition  the Kafka partition of the key: toPositive(murmur2(key)) % --partitions, as Kafka's
//              Java producer partitions keyed records
//   arrival    processing time of arrival, epoch ms: --start + slot * 1000 / --rate
// Delays: an on-time element is delayed uniformly in [0, --out-of-order]; a late one (probability
// --late-fraction) by --out-of-order + 1 s + uniformly [0, max(2 x --out-of-order, 10 s)], so it
// arrives behind a bounded:--out-of-order watermark. --idle-partition P:FROM:TO: partition P gets
// no element for arrivals in [start + FROM, start + TO) (its keys are skipped; if every partition
// with keys is idle, arrival slots pass with no element).
#include "labs/cli/cli_commands.h"
#include "sim/hash.h"
#include "sim/rng.h"
#include "sim/scenario.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace fluxolab::labs {

namespace {
constexpr std::uint64_t kMaxEvents = 50'000'000; // ~2.5 GB of CSV
constexpr std::uint64_t kMaxKeys = 1'000'000;
constexpr std::uint64_t kMaxRate = 10'000'000; // elements per second of processing time
constexpr std::uint64_t kMaxPartitions = 1024;
constexpr std::int64_t kMaxDelayMs = 86'400'000; // one day
constexpr std::size_t kMaxIdleSpecs = 64;
constexpr std::int64_t kMaxIdleMs = 365LL * 86'400'000;
constexpr std::int64_t kDefaultStart = 1'767'225'600'000; // 2026-01-01T00:00:00Z

struct IdleSpec {
    std::int64_t partition;
    std::int64_t from;
    std::int64_t to;
};

template <typename T> bool parseWhole(const std::string& s, T& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

std::string cents(std::int64_t c) {
    std::string frac = std::to_string(c % 100);
    if (frac.size() < 2) frac.insert(0, "0");
    return std::to_string(c / 100) + "." + frac;
}
} // namespace

int cmdGenTrace(const Args& args, CliStreams io) {
    std::uint64_t events = 1000, keys = 10, rate = 100, partitions = 4, seed = 1;
    std::int64_t outOfOrder = 5000, start = kDefaultStart;
    double lateFraction = 0.02;
    std::string format = "csv", outPath;
    std::vector<IdleSpec> idle;
    static const std::set<std::string> kOptions = {
        "--events", "--keys",   "--rate",  "--out-of-order", "--late-fraction", "--partitions",
        "--idle-partition", "--seed", "--start", "--format", "--out"};
    std::map<std::string, std::string> given; // option -> its value
    auto fail = [&](const std::string& msg) {
        io.err << "gen-trace: " << msg << "\n";
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") { // wherever it is, as replay --help
            io.out << "Usage: fluxolab-cli gen-trace [--events N] [--keys K] [--rate R] [--out-of-order "
                      "5s]\n"
                      "         [--late-fraction 0.02] [--partitions P] [--idle-partition P:FROM:TO ...]\n"
                      "         [--seed S] [--start EPOCH_MS] [--format csv|jsonl] [--out FILE|-]\n";
            return 0;
        }
        if (i + 1 >= args.size() || a.rfind("--", 0) != 0) {
            if (a.rfind("--", 0) != 0)
                return fail("unexpected argument '" + a + "' (every option is --name VALUE)");
            if (!kOptions.contains(a)) return fail("unknown option '" + a + "'");
            return fail(a + " needs a value");
        }
        const std::string& v = args[++i];
        // Every option but --idle-partition takes one value: given twice, which one was meant is not
        // ours to guess (the last one used to win silently: "--events 1000 ... --events 10").
        if (a != "--idle-partition" && kOptions.contains(a)) {
            if (const auto [it, first] = given.emplace(a, v); !first)
                return fail(a + " is given twice ('" + it->second + "' and '" + v + "'): give it once");
        }
        if (a == "--events") {
            if (!parseWhole(v, events) || events == 0)
                return fail("--events expects a whole number >= 1, got '" + v + "'");
            if (events > kMaxEvents)
                return fail("--events is limited to " + std::to_string(kMaxEvents) +
                            " (about 2.5 GB of CSV), got " + v);
        } else if (a == "--keys") {
            if (!parseWhole(v, keys) || keys == 0)
                return fail("--keys expects a whole number >= 1, got '" + v + "'");
            if (keys > kMaxKeys)
                return fail("--keys is limited to " + std::to_string(kMaxKeys) + ", got " + v);
        } else if (a == "--rate") {
            if (!parseWhole(v, rate) || rate == 0)
                return fail("--rate expects elements per second, a whole number >= 1, got '" + v + "'");
            if (rate > kMaxRate)
                return fail("--rate is limited to " + std::to_string(kMaxRate) + " per second, got " + v);
        } else if (a == "--partitions") {
            if (!parseWhole(v, partitions) || partitions == 0 || partitions > kMaxPartitions)
                return fail("--partitions expects a whole number from 1 to " +
                            std::to_string(kMaxPartitions) + ", got '" + v + "'");
        } else if (a == "--out-of-order") {
            const auto d = sim::parseDuration(v);
            if (!d || *d < 0 || *d > kMaxDelayMs)
                return fail("--out-of-order expects a duration from 0s to 24h such as 5s or 500ms, got '" +
                            v + "'");
            outOfOrder = *d;
        } else if (a == "--late-fraction") {
            double f = -1;
            const auto r = std::from_chars(v.data(), v.data() + v.size(), f);
            if (r.ec != std::errc() || r.ptr != v.data() + v.size() || !(f >= 0.0 && f <= 1.0))
                return fail("--late-fraction expects a number from 0 to 1 such as 0.02, got '" + v + "'");
            lateFraction = f;
        } else if (a == "--idle-partition") {
            const auto c1 = v.find(':');
            const auto c2 = c1 == std::string::npos ? c1 : v.find(':', c1 + 1);
            IdleSpec s{};
            std::optional<std::int64_t> from, to;
            if (c2 != std::string::npos) {
                from = sim::parseDuration(v.substr(c1 + 1, c2 - c1 - 1));
                to = sim::parseDuration(v.substr(c2 + 1));
            }
            if (c2 == std::string::npos || !parseWhole(v.substr(0, c1), s.partition) || s.partition < 0 ||
                !from || !to)
                return fail(
                    "--idle-partition expects PARTITION:FROM:TO such as 1:30s:90s (times from the start of "
                    "the trace), got '" +
                    v + "'");
            if (*from >= *to) return fail("--idle-partition " + v + ": FROM must be before TO");
            if (*to > kMaxIdleMs) return fail("--idle-partition " + v + ": times are limited to 365 days");
            s.from = *from;
            s.to = *to;
            if (idle.size() >= kMaxIdleSpecs)
                return fail("at most " + std::to_string(kMaxIdleSpecs) + " --idle-partition options");
            idle.push_back(s);
        } else if (a == "--seed") {
            if (!parseWhole(v, seed))
                return fail("--seed must be a whole number from 0 to 18446744073709551615, got '" + v + "'");
        } else if (a == "--start") {
            if (!parseWhole(v, start) || start < 0 || start > 4'102'444'800'000) // 2100-01-01
                return fail("--start expects the first arrival time in epoch ms (0 .. 4102444800000), got '" +
                            v + "'");
        } else if (a == "--format") {
            if (v != "csv" && v != "jsonl") return fail("--format expects csv or jsonl, got '" + v + "'");
            format = v;
        } else if (a == "--out") {
            outPath = v == "-" ? std::string() : v; // "-" is the standard output, as without --out
        } else {
            return fail("unknown option '" + a + "'");
        }
    }
    for (const IdleSpec& s : idle)
        if (static_cast<std::uint64_t>(s.partition) >= partitions)
            return fail("--idle-partition " + std::to_string(s.partition) + ": the trace has " +
                        std::to_string(partitions) + " partition(s) (0.." + std::to_string(partitions - 1) +
                        "; see --partitions)");

    // Keys and their partitions.
    const std::size_t width = std::to_string(keys).size() < 2 ? 2 : std::to_string(keys).size();
    std::vector<std::string> keyNames(keys);
    std::vector<std::vector<std::uint32_t>> keysOf(partitions);
    for (std::uint64_t k = 0; k < keys; ++k) {
        std::string n = std::to_string(k + 1);
        keyNames[k] = "k" + std::string(width - n.size(), '0') + n;
        keysOf[static_cast<std::size_t>(
                   sim::javaKeyPartition(keyNames[k], static_cast<std::int32_t>(partitions)))]
            .push_back(static_cast<std::uint32_t>(k));
    }
    // Every partition with keys idle at once for ever cannot happen: idle intervals are finite.

    std::ofstream file;
    std::ostream* out = &io.out;
    if (!outPath.empty()) {
        file.open(outPath, std::ios::binary | std::ios::trunc);
        if (!file) return fail("cannot write '" + outPath + "'");
        out = &file;
    }
    const bool csv = format == "csv";
    if (csv) *out << "ts,key,value,partition,arrival\n";

    sim::Rng rng(seed);
    const std::int64_t lateSpread = std::max<std::int64_t>(2 * outOfOrder, 10'000);
    std::vector<std::uint32_t> active;
    std::vector<bool> partIdle(partitions, false);
    std::string line;
    std::uint64_t emitted = 0;
    for (std::uint64_t slot = 0; emitted < events; ++slot) {
        const std::int64_t offset = static_cast<std::int64_t>(slot * 1000 / rate);
        const std::int64_t arrival = start + offset;
        bool changed = active.empty() && slot == 0;
        for (std::size_t p = 0; p < partitions; ++p) {
            bool isIdle = false;
            for (const IdleSpec& s : idle)
                if (static_cast<std::size_t>(s.partition) == p && offset >= s.from && offset < s.to)
                    isIdle = true;
            if (isIdle != partIdle[p]) changed = true;
            partIdle[p] = isIdle;
        }
        if (changed) {
            active.clear();
            for (std::size_t p = 0; p < partitions; ++p)
                if (!partIdle[p]) active.insert(active.end(), keysOf[p].begin(), keysOf[p].end());
        }
        if (active.empty()) {
            // Every partition with keys is idle: time passes; jump to the first slot at or after the
            // next end of an idle interval.
            std::int64_t next = kMaxIdleMs + 1;
            for (const IdleSpec& s : idle)
                if (s.to > offset) next = std::min(next, s.to);
            const std::uint64_t nextSlot = (static_cast<std::uint64_t>(next) * rate + 999) / 1000;
            slot = std::max(slot, nextSlot - 1);
            continue;
        }
        const std::uint32_t k = active[rng.below(active.size())];
        const bool late = lateFraction > 0 && rng.chance(lateFraction);
        const std::int64_t delay =
            late ? outOfOrder + 1000 + rng.between(0, lateSpread) : rng.between(0, outOfOrder);
        const std::int64_t value = rng.between(100, 10000);
        const std::int64_t ts = arrival - delay;
        const auto part = sim::javaKeyPartition(keyNames[k], static_cast<std::int32_t>(partitions));
        line.clear();
        if (csv) {
            line += std::to_string(ts) + "," + keyNames[k] + "," + cents(value) + "," + std::to_string(part) +
                    "," + std::to_string(arrival) + "\n";
        } else {
            line += "{\"ts\":" + std::to_string(ts) + ",\"key\":\"" + keyNames[k] +
                    "\",\"value\":" + cents(value) + ",\"partition\":" + std::to_string(part) +
                    ",\"arrival\":" + std::to_string(arrival) + "}\n";
        }
        *out << line;
        ++emitted;
    }
    out->flush();
    if (!*out) return fail(outPath.empty() ? "cannot write the output" : "cannot write '" + outPath + "'");
    return 0;
}

} // namespace fluxolab::labs
