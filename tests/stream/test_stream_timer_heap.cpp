// FlinkTimerHeap (sim/stream/flink_timer_heap.h) against the real Flink 2.3.0 timer queue: the goldens
// below are the output of tests/flink/tools/TimerHeapProbe.java (the queue HeapPriorityQueueSetFactory
// creates for key groups 0..127, max parallelism 128, holding TimerHeapInternalTimer<String,
// VoidNamespace>; keys k0..k11 fall in different key groups), run with seeds 1, 2 and 3 on the Flink
// harness's classpath. The same operation sequence (an LCG: adds, removes, polls) is replayed here.
#include "sim/stream/flink_timer_heap.h"

#include <doctest/doctest.h>
#include <string>
#include <tuple>
#include <vector>

using namespace fluxolab::stream;

namespace {

struct ProbeTimer {
    std::int64_t ts = 0;
    std::string key;
    bool operator<(const ProbeTimer& o) const { return std::tie(ts, key) < std::tie(o.ts, o.key); }
};

std::string replayProbe(std::uint64_t seed) {
    FlinkTimerHeap<ProbeTimer> q;
    std::uint64_t x = seed;
    std::vector<ProbeTimer> added;
    std::string out;
    for (int i = 0; i < 300; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t r = x >> 33;
        if (r % 5 == 0 && !added.empty()) {
            const ProbeTimer t = added[(r / 5) % added.size()];
            q.remove(t);
        } else {
            const ProbeTimer t{static_cast<std::int64_t>(1000 * ((r / 97) % 4)), "k" + std::to_string((r / 7) % 12)};
            added.push_back(t);
            q.add(t);
        }
        if (r % 11 == 0 && !q.empty()) {
            const ProbeTimer t = q.poll();
            out += "P" + t.key + "@" + std::to_string(t.ts) + " ";
        }
    }
    while (!q.empty()) {
        const ProbeTimer t = q.poll();
        out += t.key + "@" + std::to_string(t.ts) + " ";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

} // namespace

TEST_CASE("timer heap: equal timestamps pop in real Flink 2.3.0's heap order (adds, removes, polls)") {
    CHECK(replayProbe(1) == "Pk8@0 Pk10@0 Pk9@0 Pk8@0 Pk11@0 Pk7@0 Pk2@0 Pk1@0 Pk0@0 Pk8@0 Pk7@0 Pk2@0 Pk5@0 Pk0@0 Pk6@0 Pk8@0 Pk2@0 Pk5@0 Pk0@0 k9@0 k5@0 k3@0 k4@0 k10@0 k0@1000 k10@1000 k7@1000 k11@1000 k9@1000 k2@1000 k1@1000 k8@1000 k5@1000 k4@1000 k7@2000 k2@2000 k6@2000 k3@2000 k9@2000 k5@2000 k4@2000 k5@3000 k7@3000 k3@3000 k1@3000 k0@3000 k8@3000 k4@3000");
    CHECK(replayProbe(2) == "Pk10@3000 Pk11@0 Pk8@0 Pk0@0 Pk5@0 Pk4@0 Pk4@0 Pk7@0 Pk9@0 Pk11@0 Pk9@0 Pk8@0 Pk6@0 Pk4@0 Pk11@0 Pk10@0 Pk3@0 Pk4@0 Pk7@0 Pk5@0 Pk8@0 Pk1@0 Pk4@0 Pk2@0 Pk3@0 Pk7@0 Pk4@0 Pk11@0 Pk5@0 k8@0 k1@0 k7@0 k6@0 k10@0 k9@0 k9@1000 k1@1000 k7@1000 k8@1000 k10@1000 k2@1000 k3@1000 k5@1000 k6@1000 k7@2000 k2@2000 k11@2000 k10@2000 k9@2000 k6@2000 k0@2000 k5@2000 k3@2000 k7@3000 k9@3000 k10@3000 k1@3000 k3@3000 k4@3000 k2@3000 k6@3000");
    CHECK(replayProbe(3) == "Pk6@0 Pk3@0 Pk6@0 Pk0@0 Pk8@0 Pk1@0 Pk7@0 Pk3@0 Pk9@0 Pk4@0 Pk2@0 Pk10@0 Pk9@0 Pk6@0 Pk10@0 Pk2@0 Pk11@0 k1@0 k8@0 k3@0 k2@0 k11@0 k4@0 k5@0 k7@0 k10@1000 k1@1000 k5@1000 k3@1000 k2@1000 k6@1000 k9@1000 k11@1000 k4@1000 k8@2000 k10@2000 k7@2000 k9@2000 k4@2000 k3@2000 k11@2000 k5@2000 k1@2000 k0@3000 k8@3000 k6@3000 k4@3000 k11@3000 k3@3000 k2@3000 k1@3000 k5@3000 k9@3000");
}

TEST_CASE("timer heap: one timer per (timestamp, key) - the head is the earliest timestamp") {
    FlinkTimerHeap<ProbeTimer> q;
    q.add(ProbeTimer{2000, "a"});
    q.add(ProbeTimer{2000, "a"}); // set twice: one timer
    q.add(ProbeTimer{1000, "b"});
    CHECK(q.size() == 2);
    CHECK(q.peek().key == "b");
    q.remove(ProbeTimer{1000, "b"});
    CHECK(q.poll().key == "a");
    CHECK(q.empty());
}
