// Simulation benchmarks for the foundation issue (wall-clock timings live here, never in tests).
//   bench_sim throughput [--records N]   3 brokers, RF 3, 12 partitions, 4-member group, keyed records
//   bench_sim memory [--records N]       bytes per retained record, journal included
//   bench_sim seek [--events N]          time to reach random moments of an N-event journal
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace fluxolab::sim;
using Clock = std::chrono::steady_clock;

namespace {

Scenario throughputScenario(double rate_per_producer, TimeMs duration) {
    Scenario s;
    s.name = "bench";
    s.duration_ms = duration;
    s.cluster.brokers = 3;
    s.cluster.defaults.log_retention_check_interval_ms = 3600000;
    ScenarioTopic t;
    t.name = "bench";
    t.partitions = 12;
    t.replication_factor = 3;
    s.topics.push_back(t);
    for (int i = 0; i < 4; ++i) {
        ScenarioProducer p;
        p.id = "p" + std::to_string(i);
        p.topic = "bench";
        p.rate_per_sec = rate_per_producer;
        p.keys.kind = KeySpec::Kind::Uniform;
        p.keys.count = 1000;
        p.keys.prefix = "user-";
        p.config.client_id = p.id;
        s.producers.push_back(p);
    }
    for (int i = 0; i < 4; ++i) {
        ScenarioConsumer c;
        c.id = "c" + std::to_string(i);
        c.topics = {"bench"};
        c.config.group_id = "g";
        c.config.max_poll_records = 100000;
        c.config.poll_interval_ms = 10;
        s.consumers.push_back(c);
    }
    return s;
}

long peakRssKb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

int throughput(std::int64_t records) {
    // 4 producers at 250k records/s of virtual time each: 1 M records per virtual second.
    const double rate = 250000;
    const TimeMs duration = static_cast<TimeMs>(static_cast<double>(records) / (4 * rate) * 1000.0) + 7000;
    const Scenario s = throughputScenario(rate, duration);
    ScenarioRun run(s, 1);
    run.runUntil(7000); // group formed (initial rebalance delay), traffic flowing
    const auto start = Clock::now();
    run.runToEnd();
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::int64_t appended = 0, consumed = 0;
    for (const auto& e : run.sim().journal().events()) {
        if (e.type == EventType::RecordsAppended && e.time > 7000) appended += e.b;
        if (e.type == EventType::RecordsConsumed && e.time > 7000) consumed += e.b;
    }
    std::printf("throughput: %lld records produced, replicated x3 and consumed (%lld consumed) in %.3f s of wall time\n",
                static_cast<long long>(appended), static_cast<long long>(consumed), secs);
    std::printf("throughput: %.2f M records/s (target >= 3.00), journal %zu events\n", static_cast<double>(appended) / secs / 1e6,
                run.sim().journal().size());
    return 0;
}

int memory(std::int64_t records) {
    const double rate = 250000;
    const TimeMs duration = static_cast<TimeMs>(static_cast<double>(records) / (4 * rate) * 1000.0);
    const Scenario s = throughputScenario(rate, duration);
    ScenarioRun run(s, 1);
    run.runToEnd();
    const auto retained = run.sim().recordsRetained();
    const auto bytes = run.sim().memoryBytes();
    std::printf("memory: %lld records retained, %zu bytes of records + journal (%zu journal events) = %.1f bytes/record "
                "(target <= 100); peak RSS %ld kB = %.1f bytes/record\n",
                static_cast<long long>(retained), bytes, run.sim().journal().size(),
                static_cast<double>(bytes) / static_cast<double>(retained), peakRssKb(),
                static_cast<double>(peakRssKb()) * 1024.0 / static_cast<double>(retained));
    return 0;
}

int seek(std::size_t events) {
    // A long run with frequent group activity: small fetch/poll batches make many events.
    Scenario s = throughputScenario(2000, 1000000);
    for (auto& c : s.consumers) c.config.poll_interval_ms = 5;
    ScenarioRun run(s, 1);
    TimeMs t = 0;
    while (run.sim().journal().size() < events) {
        t += 10000;
        run.runUntil(t);
    }
    const Journal& j = run.sim().journal();
    const auto buildStart = Clock::now();
    Timeline tl(j);
    const double buildSecs = std::chrono::duration<double>(Clock::now() - buildStart).count();
    Rng r(99);
    std::vector<double> ms;
    for (int i = 0; i < 200; ++i) {
        const std::size_t target = r.below(j.size() + 1);
        const auto start = Clock::now();
        const ClusterView v = tl.at(target);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (v.events != target) {
            std::printf("seek: wrong state\n");
            return 1;
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf("seek: %zu-event journal (%.0f s virtual), index built in %.2f s, %zu snapshots\n", j.size(),
                static_cast<double>(run.sim().now()) / 1000.0, buildSecs, j.size() / 4096 + 1);
    std::printf("seek: reaching a random moment: median %.2f ms, p99 %.2f ms, max %.2f ms (target <= 50)\n",
                ms[ms.size() / 2], ms[ms.size() * 99 / 100], ms.back());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_sim throughput|memory|seek [--records N | --events N]\n");
        return 2;
    }
    const std::string mode = argv[1];
    std::int64_t n = 0;
    if (argc >= 4 && (std::strcmp(argv[2], "--records") == 0 || std::strcmp(argv[2], "--events") == 0)) n = std::stoll(argv[3]);
    if (mode == "throughput") return throughput(n ? n : 10000000);
    if (mode == "memory") return memory(n ? n : 10000000);
    if (mode == "seek") return seek(static_cast<std::size_t>(n ? n : 10000000));
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
}
