// Stream engine benchmarks (issue #10): trace parsing speed (CSV epoch ms, CSV ISO-8601, JSON Lines) and
// engine throughput (event-time tumbling 1-minute count, 5 s bound, per-event watermarks, parsing excluded).
// Usage: bench_stream [--events N] [--keys K] [--mb MB] [--dir DIR] [--journal-events J] [--no-parse]
//                     [--parse csv-epoch-ms|csv-iso|jsonl] [--runs R] [--no-spread|--only-spread]
//                     [--no-flink]
// (--runs reads each file R times; with FLUXOLAB_BENCH_KEEP=1 the files are kept and reused.)
// With Java 17 and Maven on PATH it also runs bench/flink_bench.sh (the real Flink MiniCluster) on the
// "flink" workload with the same N and K and prints the ratio (--no-flink skips it).
// Prints one line per measurement; timings belong here, never in tests.
#include "labs/traces/trace_reader.h"
#include "sim/stream/engine.h"
#include "sim/stream/view.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace fluxolab;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}
/// Process user CPU time: on a loaded shared machine the wall clock says little about the code. (System
/// time, e.g. the kernel copying the file from the page cache, is reported apart.)
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec) / 1e6;
}
/// This thread's CPU time (user + system; precise, unlike rusage's tick-based user time).
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}
double sysSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_stime.tv_sec) + static_cast<double>(u.ru_stime.tv_usec) / 1e6;
}

std::string isoOf(std::int64_t ms) {
    // 2026-01-01T00:00:00.000Z + ms (good enough for a benchmark: stays within one day per 86.4 M ms)
    const std::int64_t s = ms / 1000;
    char buf[40];
    std::snprintf(buf, sizeof buf, "2026-01-%02dT%02d:%02d:%02d.%03dZ",
                  static_cast<int>(1 + (s / 86400) % 28), static_cast<int>((s / 3600) % 24),
                  static_cast<int>((s / 60) % 60), static_cast<int>(s % 60), static_cast<int>(ms % 1000));
    return buf;
}

std::string makeFile(const std::string& path, int kind, std::size_t targetBytes) {
    std::ofstream f(path, std::ios::binary);
    std::string chunk;
    std::size_t written = 0;
    if (kind != 2) chunk += "ts,key,value\n";
    std::uint64_t x = 88172645463325252ull;
    for (std::int64_t i = 0; written < targetBytes; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const std::int64_t ts = 1767225600000 + i * 10 - static_cast<std::int64_t>(x % 5000); // 100 events/s
        const std::string key = "user" + std::to_string(x % 10000);
        const std::string value = std::to_string(x % 1000) + "." + std::to_string(x % 100);
        if (kind == 0)
            chunk += std::to_string(ts) + "," + key + "," + value + "\n";
        else if (kind == 1)
            chunk += isoOf(ts - 1767225600000 + 86400000) + "," + key + "," + value + "\n";
        else
            chunk += "{\"ts\":" + std::to_string(ts) + ",\"key\":\"" + key + "\",\"value\":" + value + "}\n";
        if (chunk.size() > (1 << 20)) {
            f << chunk;
            written += chunk.size();
            chunk.clear();
        }
    }
    f << chunk;
    return path;
}

void benchParse(const std::string& label, const std::string& path) {
    traces::TraceOptions opt;
    opt.valueField = "value";
    opt.copyKey = false; // the key as a view into the reader's buffer (what replay reads)
    traces::TraceReader r;
    const auto t0 = Clock::now();
    const double c0 = cpuSeconds();
    const double s0 = sysSeconds();
    if (!r.open(path, opt)) {
        std::cout << label << ": " << r.error() << "\n";
        return;
    }
    traces::TraceRecord rec;
    std::uint64_t n = 0;
    double sum = 0;
    while (r.next(rec) == traces::TraceReader::Status::Record) {
        ++n;
        sum += rec.value + static_cast<double>(rec.keyView.size());
    }
    const double s = seconds(t0, Clock::now());
    const double cpu = cpuSeconds() - c0;
    const double sys = sysSeconds() - s0;
    const double mb = static_cast<double>(r.bytesRead()) / 1e6;
    std::printf("parse %-14s %7.1f MB %9llu records  wall %6.3f s = %7.1f MB/s  user %6.3f s = %7.1f MB/s, "
                "%6.2f M rec/s (+ sys %.3f s)%s\n",
                label.c_str(), mb, static_cast<unsigned long long>(n), s, mb / s, cpu, mb / cpu,
                static_cast<double>(n) / cpu / 1e6, sys,
                r.error().empty() ? "" : ("  ERROR " + r.error()).c_str());
    (void)sum;
}

} // namespace

int main(int argc, char** argv) {
    long long events = 2'000'000;
    int keys = 10000;
    std::size_t mb = 100;
    std::string dir = std::filesystem::temp_directory_path().string();
    bool withFlink = true, withSpread = true, withParse = true, withFlinkWorkload = true;
    std::string onlyParse; // --parse KIND: only that file kind
    int parseRuns = 1;     // --runs N: read each file N times
    long long journalEvents = 200'000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--events" && hasValue)
            events = std::stoll(argv[++i]);
        else if (a == "--keys" && hasValue)
            keys = std::stoi(argv[++i]);
        else if (a == "--mb" && hasValue)
            mb = static_cast<std::size_t>(std::stoul(argv[++i]));
        else if (a == "--dir" && hasValue)
            dir = argv[++i];
        else if (a == "--journal-events" && hasValue)
            journalEvents = std::stoll(argv[++i]);
        else if (a == "--no-flink")
            withFlink = false;
        else if (a == "--no-spread")
            withSpread = false;
        else if (a == "--only-spread")
            withFlinkWorkload = false;
        else if (a == "--no-parse")
            withParse = false;
        else if (a == "--parse" && hasValue)
            onlyParse = argv[++i];
        else if (a == "--runs" && hasValue)
            parseRuns = std::max(1, std::stoi(argv[++i]));
        else {
            std::fprintf(stderr, "bench_stream: unknown option '%s'\n", a.c_str());
            return 2;
        }
    }

    // --- parsing -----------------------------------------------------------------------------------------
    const std::string names[] = {"csv-epoch-ms", "csv-iso", "jsonl"};
    const std::string exts[] = {".csv", ".csv", ".jsonl"};
    for (int kind = 0; kind < 3 && withParse; ++kind) {
        if (!onlyParse.empty() && onlyParse != names[kind]) continue;
        const std::string path = dir + "/fluxolab_bench_" + names[kind] + exts[kind];
        // A kept file of this size (makeFile writes whole chunks of at most 1 MiB past the target) is reused.
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        const bool reuse = std::getenv("FLUXOLAB_BENCH_KEEP") && !ec && size >= (mb << 20) &&
                           size <= (mb << 20) + (std::size_t{2} << 20);
        if (!reuse) makeFile(path, kind, mb << 20);
        for (int run = 0; run < parseRuns; ++run)
            benchParse(names[kind], path);
        if (!std::getenv("FLUXOLAB_BENCH_KEEP")) std::filesystem::remove(path);
    }

    // --- engine ------------------------------------------------------------------------------------------
    // Two generators: "spread" (1000 events/s of event time, ~166 windows per key over 10 M events; the
    // harder one for the window state) and "flink" (exactly bench/flink_bench.sh's FlinkBench source:
    // key (i * 7919) mod K, event time i/10 ms minus a delay below 5 s: 17 windows per key).
    // Parsing excluded: the elements are made as a reader makes them (a fresh Element per record, the key
    // written into it), a chunk of kChunk at a time outside the timed part; the engine's time is the
    // thread CPU time of job.process over the chunks (and job.finish). The whole loop's user time,
    // generation included, is printed too.
    double flinkWorkloadRate = 0;
    for (int workload = 0; workload < 2 && events > 0; ++workload) {
        if ((workload == 0 && !withSpread) || (workload == 1 && !withFlinkWorkload)) continue;
        stream::JobSpec spec;
        spec.watermark.kind = stream::WatermarkKind::BoundedOutOfOrderness;
        spec.watermark.bound = 5000;
        spec.watermark.perEvent = true;
        spec.window.kind = stream::WindowKind::Tumble;
        spec.window.size = 60000;
        spec.agg = stream::AggKind::Count;
        std::uint64_t firings = 0, late = 0, digest = 1469598103934665603ull;
        auto mixIn = [&digest](std::uint64_t v) { digest = (digest ^ v) * 1099511628211ull; };
        stream::JobOutput out;
        out.onFiring = [&](const stream::Firing& f) {
            ++firings;
            for (char c : f.key)
                mixIn(static_cast<unsigned char>(c));
            mixIn(static_cast<std::uint64_t>(f.start));
            mixIn(static_cast<std::uint64_t>(f.acc.count));
            mixIn(static_cast<std::uint64_t>(f.watermark));
        };
        out.onLate = [&](const stream::LateRecord& l) {
            ++late;
            mixIn(static_cast<std::uint64_t>(l.eventTime));
        };
        stream::StreamJob job(spec, out);
        constexpr std::size_t kChunk = 1024;
        std::vector<stream::Element> chunk(kChunk);
        std::uint64_t x = 88172645463325252ull;
        const std::string prefix = workload == 0 ? "user" : "";
        const auto t0 = Clock::now();
        const double c0 = cpuSeconds();
        double engineCpu = 0;
        for (long long i0 = 0; i0 < events; i0 += static_cast<long long>(kChunk)) {
            const std::size_t n = static_cast<std::size_t>(std::min<long long>(kChunk, events - i0));
            for (std::size_t j = 0; j < n; ++j) {
                const long long i = i0 + static_cast<long long>(j);
                stream::Element& el = chunk[j];
                std::uint64_t k = 0;
                if (workload == 0) {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    k = x % static_cast<std::uint64_t>(keys);
                    el.eventTime = i - static_cast<std::int64_t>(x % 5100); // 1000 events/s; some beyond 5 s
                } else {
                    // FlinkBench's source
                    const std::uint64_t h = static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15ull;
                    k = static_cast<std::uint64_t>((i * 7919) % keys);
                    el.eventTime = i / 10 - static_cast<std::int64_t>((h >> 40) % 5000);
                }
                char buf[32];
                std::memcpy(buf, prefix.data(), prefix.size());
                const auto r = std::to_chars(buf + prefix.size(), buf + sizeof buf, k);
                el.key.assign(buf, static_cast<std::size_t>(r.ptr - buf));
            }
            const double e0 = threadCpuSeconds();
            job.process(std::span<const stream::Element>(chunk.data(), n));
            engineCpu += threadCpuSeconds() - e0;
        }
        const double f0 = threadCpuSeconds();
        job.finish(true);
        engineCpu += threadCpuSeconds() - f0;
        const double s = seconds(t0, Clock::now());
        const double cpu = cpuSeconds() - c0;
        const double rate = static_cast<double>(events) / engineCpu;
        if (workload == 1) flinkWorkloadRate = rate;
        std::printf("engine %-6s tumble 1 min count, %d keys, bound 5 s, per-event: %lld events, engine "
                    "thread CPU %.3f s = %.2f M ev/s; with making the elements: user %.3f s = %.2f M ev/s, "
                    "wall %.3f s "
                    "(%llu firings, %llu late, digest %016llx)\n",
                    workload == 0 ? "spread" : "flink", keys, events, engineCpu, rate / 1e6, cpu,
                    static_cast<double>(events) / cpu / 1e6, s, static_cast<unsigned long long>(firings),
                    static_cast<unsigned long long>(late), static_cast<unsigned long long>(digest));
    }

    // --- journal on ("flink" workload): the packed StreamJournal, its seek snapshots, seek times
    // -----
    if (journalEvents > 0) {
        stream::JobSpec spec;
        spec.watermark.kind = stream::WatermarkKind::BoundedOutOfOrderness;
        spec.watermark.bound = 5000;
        spec.watermark.perEvent = true;
        spec.window.kind = stream::WindowKind::Tumble;
        spec.window.size = 60000;
        spec.agg = stream::AggKind::Count;
        stream::JobOutput out;
        std::uint64_t firings = 0;
        out.onFiring = [&](const stream::Firing&) { ++firings; };
        stream::StreamJournal journal;
        stream::StreamJob job(spec, out, &journal);
        std::vector<stream::Element> intKeys(static_cast<std::size_t>(keys));
        for (int k = 0; k < keys; ++k)
            intKeys[static_cast<std::size_t>(k)].key = std::to_string(k);
        const double c0 = cpuSeconds();
        for (long long i = 0; i < journalEvents; ++i) {
            const std::uint64_t h = static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15ull;
            stream::Element& el = intKeys[static_cast<std::size_t>((i * 7919) % keys)];
            el.eventTime = i / 10 - static_cast<std::int64_t>((h >> 40) % 5000);
            job.process(el);
        }
        job.finish(true);
        const double cpu = cpuSeconds() - c0;
        // Seeking: the snapshots of StreamJournalTimeline, then the worst of many seeks (wall clock):
        // random moments and the moment just before each snapshot would be taken (the longest fold).
        const auto b0 = Clock::now();
        stream::StreamJournalTimeline timeline(journal);
        const double build = seconds(b0, Clock::now());
        std::vector<double> seekMs, seekCpuMs;
        std::uint64_t check = 0;
        for (int k = 0; k < 200; ++k) {
            const std::uint64_t h = (static_cast<std::uint64_t>(k) + 1) * 0x9E3779B97F4A7C15ull;
            std::size_t n = static_cast<std::size_t>(h % (journal.size() + 1));
            if (k % 2 == 1) // the event before a snapshot: the longest fold from the previous one
                n = timeline.snapshotEvents(1 + h % (timeline.snapshots() - 1)) - 1;
            const auto s0 = Clock::now();
            timespec c0{}, c1{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
            const stream::StreamView v = timeline.at(n);
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
            seekMs.push_back(seconds(s0, Clock::now()) * 1000.0);
            seekCpuMs.push_back(static_cast<double>(c1.tv_sec - c0.tv_sec) * 1e3 +
                                static_cast<double>(c1.tv_nsec - c0.tv_nsec) / 1e6);
            check += v.state.windows.size();
        }
        std::sort(seekMs.begin(), seekMs.end());
        std::sort(seekCpuMs.begin(), seekCpuMs.end());
        // Retained: the packed chunks, the sync points and the interned strings, plus the snapshots.
        const std::size_t bytes = journal.retainedBytes();
        const std::size_t snapBytes = timeline.snapshotBytes();
        std::printf(
            "engine flink  with the journal (StreamJournal in memory): %lld events, user %.3f s = %.2f M "
            "ev/s, %zu journal events (%.1f per element), %.1f bytes retained per element (%.1f per journal "
            "event) + %.1f per element of %zu snapshots (built in %.3f s) = %.1f bytes per element; seek "
            "(200 moments, half of them just before a snapshot; wall clock): median %.2f ms, p90 %.2f ms, worst %.2f ms; thread CPU: median %.2f ms, p90 %.2f ms, worst %.2f ms (%llu)\n",
            journalEvents, cpu, static_cast<double>(journalEvents) / cpu / 1e6, journal.size(),
            static_cast<double>(journal.size()) / static_cast<double>(journalEvents),
            static_cast<double>(bytes) / static_cast<double>(journalEvents),
            static_cast<double>(bytes) / static_cast<double>(journal.size()),
            static_cast<double>(snapBytes) / static_cast<double>(journalEvents), timeline.snapshots(), build,
            static_cast<double>(bytes + snapBytes) / static_cast<double>(journalEvents), seekMs[seekMs.size() / 2],
            seekMs[seekMs.size() * 9 / 10], seekMs.back(), seekCpuMs[seekCpuMs.size() / 2],
            seekCpuMs[seekCpuMs.size() * 9 / 10], seekCpuMs.back(), static_cast<unsigned long long>(check));
    }

    // --- the real Flink on the "flink" workload, in the same run (when Java 17 and Maven are here) ------
    if (withFlink) {
        const std::string script = std::string(FLUXOLAB_SOURCE_DIR) + "/bench/flink_bench.sh";
        if (std::system("command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1") != 0) {
            std::printf("flink: skipped (no java or mvn on PATH)\n");
        } else {
            const std::string cmd =
                script + " " + std::to_string(events) + " " + std::to_string(keys) + " 2>/dev/null";
            std::FILE* p = popen(cmd.c_str(), "r");
            double flinkRate = 0;
            char line[512];
            while (p && std::fgets(line, sizeof line, p)) {
                std::fputs(line, stdout);
                if (std::strncmp(line, "flink_events_per_second=", 24) == 0) flinkRate = std::atof(line + 24);
            }
            if (p) pclose(p);
            // Flink's rate is over its job's net runtime (wall clock: inflated on a loaded machine), so
            // its CPU time (the JVM's user + system time, all threads, JVM start and job submission
            // included: that one favours the engine) is printed too; the engine's rate is user time.
            rusage ch{};
            getrusage(RUSAGE_CHILDREN, &ch);
            const double flinkCpu = static_cast<double>(ch.ru_utime.tv_sec + ch.ru_stime.tv_sec) +
                                    static_cast<double>(ch.ru_utime.tv_usec + ch.ru_stime.tv_usec) / 1e6;
            if (flinkRate > 0 && flinkWorkloadRate > 0) {
                std::printf(
                    "flink: JVM cpu (user + sys, all threads, start-up included) %.2f s = %.2f M ev/s\n",
                    flinkCpu, static_cast<double>(events) / flinkCpu / 1e6);
                std::printf("engine vs Flink MiniCluster (same workload, %lld events): %.1fx its net-runtime "
                            "rate, %.1fx its cpu rate\n",
                            events, flinkWorkloadRate / flinkRate,
                            flinkWorkloadRate / (static_cast<double>(events) / flinkCpu));
            } else {
                std::printf("flink: no result from %s\n", script.c_str());
            }
        }
    }
    return 0;
}
