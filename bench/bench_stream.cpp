// Stream engine benchmarks (issue #10): trace parsing speed (CSV epoch ms, CSV ISO-8601, JSON Lines) and
// engine throughput (event-time tumbling 1-minute count, 5 s bound, per-event watermarks, parsing excluded).
// Usage: bench_stream [--events N] [--keys K] [--mb MB] [--dir DIR]
// Prints one line per measurement; timings belong here, never in tests.
#include "labs/traces/trace_reader.h"
#include "sim/stream/engine.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace fluxolab;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}
/// Process CPU time: on a loaded shared machine the wall clock says little about the code.
double cpuSeconds() {
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
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
    traces::TraceReader r;
    const auto t0 = Clock::now();
    const double c0 = cpuSeconds();
    if (!r.open(path, opt)) {
        std::cout << label << ": " << r.error() << "\n";
        return;
    }
    traces::TraceRecord rec;
    std::uint64_t n = 0;
    double sum = 0;
    while (r.next(rec) == traces::TraceReader::Status::Record) {
        ++n;
        sum += rec.value;
    }
    const double s = seconds(t0, Clock::now());
    const double cpu = cpuSeconds() - c0;
    const double mb = static_cast<double>(r.bytesRead()) / 1e6;
    std::printf("parse %-14s %7.1f MB %9llu records  wall %6.3f s = %7.1f MB/s  cpu %6.3f s = %7.1f MB/s, "
                "%6.2f M rec/s%s\n",
                label.c_str(), mb, static_cast<unsigned long long>(n), s, mb / s, cpu, mb / cpu,
                static_cast<double>(n) / cpu / 1e6,
                r.error().empty() ? "" : ("  ERROR " + r.error()).c_str());
    (void)sum;
}

} // namespace

int main(int argc, char** argv) {
    long long events = 2'000'000;
    int keys = 10000;
    std::size_t mb = 100;
    std::string dir = std::filesystem::temp_directory_path().string();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--events")
            events = std::stoll(argv[i + 1]);
        else if (a == "--keys")
            keys = std::stoi(argv[i + 1]);
        else if (a == "--mb")
            mb = static_cast<std::size_t>(std::stoul(argv[i + 1]));
        else if (a == "--dir")
            dir = argv[i + 1];
    }

    // --- parsing -----------------------------------------------------------------------------------------
    const std::string names[] = {"csv-epoch-ms", "csv-iso", "jsonl"};
    const std::string exts[] = {".csv", ".csv", ".jsonl"};
    for (int kind = 0; kind < 3; ++kind) {
        const std::string path = dir + "/fluxolab_bench_" + names[kind] + exts[kind];
        makeFile(path, kind, mb << 20);
        benchParse(names[kind], path);
        if (!std::getenv("FLUXOLAB_BENCH_KEEP")) std::filesystem::remove(path);
    }

    // --- engine ------------------------------------------------------------------------------------------
    stream::JobSpec spec;
    spec.watermark.kind = stream::WatermarkKind::BoundedOutOfOrderness;
    spec.watermark.bound = 5000;
    spec.watermark.perEvent = true;
    spec.window.kind = stream::WindowKind::Tumble;
    spec.window.size = 60000;
    spec.agg = stream::AggKind::Count;
    std::vector<std::string> keyNames;
    for (int k = 0; k < keys; ++k)
        keyNames.push_back("user" + std::to_string(k));
    std::uint64_t firings = 0, late = 0;
    stream::JobOutput out;
    out.onFiring = [&](const stream::Firing&) { ++firings; };
    out.onLate = [&](const stream::LateRecord&) { ++late; };
    stream::StreamJob job(spec, out);
    std::uint64_t x = 88172645463325252ull;
    stream::Element el;
    const auto t0 = Clock::now();
    const double c0 = cpuSeconds();
    for (long long i = 0; i < events; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        el.eventTime = i - static_cast<std::int64_t>(x % 5100); // 1000 events/s; ~2% beyond the 5 s bound
        el.key = keyNames[x % static_cast<std::uint64_t>(keys)];
        job.process(el);
    }
    job.finish(true);
    const double s = seconds(t0, Clock::now());
    const double cpu = cpuSeconds() - c0;
    std::printf(
        "engine tumble 1 min count, %d keys, bound 5 s, per-event: %lld events, wall %.3f s = %.2f M ev/s, "
        "cpu %.3f s = %.2f M ev/s (%llu firings, %llu late)\n",
        keys, events, s, static_cast<double>(events) / s / 1e6, cpu, static_cast<double>(events) / cpu / 1e6,
        static_cast<unsigned long long>(firings), static_cast<unsigned long long>(late));
    return 0;
}
