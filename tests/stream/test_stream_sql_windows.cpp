// Flink SQL window TVF aggregation (sim/stream/sql_windows.h): hand-computed cases for the two-phase
// slicing aggregation (slices, partials flushed at slice ends, late rows that still count in a later
// window, the order in which doubles are added).
#include "sim/stream/engine.h"
#include "sim/stream/journal.h"
#include "sim/stream/sql_windows.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace fluxolab::stream;

namespace {

Element row(Millis ts, const std::string& key, double value = 1) {
    return Element{ts, key, value, 0, 0};
}

JobSpec sqlJob(Millis interval, WindowSpec w, AggKind agg) {
    JobSpec s;
    s.watermark.kind = WatermarkKind::Sql;
    s.watermark.bound = interval;
    s.watermark.perEvent = true;
    s.window = w;
    s.agg = agg;
    return s;
}

WindowSpec window(WindowKind kind, Millis size, Millis slideOrStep = 0) {
    WindowSpec w;
    w.kind = kind;
    w.size = size;
    if (kind == WindowKind::Hop) w.slide = slideOrStep;
    if (kind == WindowKind::Cumulate) w.step = slideOrStep;
    return w;
}

struct Result {
    std::vector<std::string> lines; // firings, then LATE lines
    std::uint64_t dropped = 0;
};

Result run(const JobSpec& spec, const std::vector<Element>& rows) {
    Result r;
    std::vector<std::string> late;
    JobOutput out;
    out.onFiring = [&](const Firing& f) {
        r.lines.push_back(f.key + "," + std::to_string(f.start) + "," + std::to_string(f.end) + "," +
                          renderResult(spec.agg, f.acc) + "," + formatWatermark(f.watermark) +
                          (f.late ? ",late-update" : ",on-time"));
    };
    out.onLate = [&](const LateRecord& l) {
        late.push_back("LATE," + l.key + "," + std::to_string(l.eventTime) + "," +
                       formatWatermark(l.watermark));
    };
    REQUIRE_FALSE(validate(spec).has_value());
    StreamJob job(spec, out);
    for (const auto& e : rows)
        job.process(e);
    job.finish();
    r.dropped = job.lateDropped();
    r.lines.insert(r.lines.end(), late.begin(), late.end());
    return r;
}

} // namespace

TEST_CASE("sql slicing: slices and last windows") {
    SqlSlicingWindows hop(window(WindowKind::Hop, 30000, 10000));
    CHECK(hop.interval() == 10000);
    CHECK(hop.sliceEnd(0) == 10000);
    CHECK(hop.sliceEnd(9999) == 10000);
    CHECK(hop.sliceEnd(-1) == 0);
    CHECK(hop.lastWindowEnd(10000) == 30000); // [0,10000) is read by the windows ending 10 s, 20 s, 30 s
    SqlSlicingWindows odd(window(WindowKind::Hop, 15000, 6000)); // not a SQL shape, but gcd slicing
    CHECK(odd.interval() == 3000);
    SqlSlicingWindows cumulate(window(WindowKind::Cumulate, 60000, 20000));
    CHECK(cumulate.sliceEnd(25000) == 40000);
    CHECK(cumulate.lastWindowEnd(40000) == 60000);
    SqlSlicingWindows tumble(window(WindowKind::Tumble, 10000));
    CHECK(tumble.lastWindowEnd(10000) == 10000);
}

TEST_CASE("sql hop: a row late for its slice still counts in the later windows and is not late") {
    // WATERMARK = ts - 0 s, HOP(slide 10 s, size 20 s), COUNT(*).
    // 5000 (W 5000); 12000 -> W 12000 fires [-10000,10000) for a; then 8000 (a) and 9000 (b) arrive at
    // W 12000: their slice [0,10000) has fired but the window [0,20000) has not, so they go into that
    // slice and count there. b had no window before: a timer at the next unfired window end (20000).
    // 25000 -> W 25000 fires [0,20000) for a (5000, 8000, 12000) and b (9000); then [10000,30000) and
    // [20000,40000) at the end. Nothing is late.
    const auto r = run(sqlJob(0, window(WindowKind::Hop, 20000, 10000), AggKind::Count),
                       {row(5000, "a"), row(12000, "a"), row(8000, "a"), row(9000, "b"), row(25000, "a")});
    CHECK(r.lines == std::vector<std::string>{
                         "a,-10000,10000,1,12000,on-time",
                         "a,0,20000,3,25000,on-time",
                         "b,0,20000,1,25000,on-time",
                         "a,10000,30000,2,MAX,on-time",
                         "a,20000,40000,1,MAX,on-time",
                     });
    CHECK(r.dropped == 0);
}

TEST_CASE("sql hop and tumble: a row whose last window has fired is dropped and shown as LATE") {
    // HOP(10 s, 20 s): 3000 arrives at W 21000; its slice [0,10000) was last read by [0,20000), fired.
    const auto hop = run(sqlJob(0, window(WindowKind::Hop, 20000, 10000), AggKind::Count),
                         {row(5000, "a"), row(21000, "a"), row(3000, "a")});
    CHECK(hop.lines == std::vector<std::string>{
                           "a,-10000,10000,1,21000,on-time",
                           "a,0,20000,1,21000,on-time",
                           "a,10000,30000,1,MAX,on-time",
                           "a,20000,40000,1,MAX,on-time",
                           "LATE,a,3000,21000",
                       });
    JobSpec quiet = sqlJob(0, window(WindowKind::Tumble, 10000), AggKind::Count);
    quiet.lateSideOutput = false;
    const auto tumble = run(quiet, {row(5000, "a"), row(12000, "a"), row(9999, "a")});
    CHECK(tumble.lines ==
          std::vector<std::string>{"a,0,10000,1,12000,on-time", "a,10000,20000,1,MAX,on-time"});
    CHECK(tumble.dropped == 1);
}

TEST_CASE("sql cumulate: a late row goes into the window's accumulator and counts in the next steps") {
    // CUMULATE(step 10 s, size 30 s), COUNT(*): 5000; 15000 (W 15000) fires [0,10000); 2000 arrives at
    // W 15000: its slice fired, the window [0,30000) has not -> counted from [0,20000) on.
    const auto r = run(sqlJob(0, window(WindowKind::Cumulate, 30000, 10000), AggKind::Count),
                       {row(5000, "a"), row(15000, "a"), row(2000, "a"), row(31000, "a")});
    CHECK(r.lines == std::vector<std::string>{
                         "a,0,10000,1,15000,on-time",
                         "a,0,20000,3,31000,on-time",
                         "a,0,30000,3,31000,on-time",
                         "a,30000,40000,1,MAX,on-time",
                         "a,30000,50000,1,MAX,on-time",
                         "a,30000,60000,1,MAX,on-time",
                     });
}

TEST_CASE("sql hop sum: slices merged newest first (bit-exact doubles)") {
    // HOP(10 s, 30 s), SUM: slices [0,10000)=0.1, [10000,20000)=0.2, [20000,30000)=0.3 for one key.
    // The window [0,30000) is (0.3 + 0.2) + 0.1 = 0.6; a running sum in arrival order would give
    // (0.1 + 0.2) + 0.3 = 0.6000000000000001.
    const auto r = run(sqlJob(0, window(WindowKind::Hop, 30000, 10000), AggKind::Sum),
                       {row(1000, "a", 0.1), row(11000, "a", 0.2), row(21000, "a", 0.3)});
    REQUIRE(r.lines.size() == 5);
    CHECK(r.lines[2] == "a,0,30000,0.6,MAX,on-time");
}

TEST_CASE("sql cumulate sum: slices merged oldest first") {
    // CUMULATE(10 s, 30 s), SUM: slices 0.3, 0.2, 0.1 (in time order): (0.3 + 0.2) + 0.1 = 0.6 for
    // [0,30000), where newest first would give (0.1 + 0.2) + 0.3 = 0.6000000000000001.
    const auto r = run(sqlJob(0, window(WindowKind::Cumulate, 30000, 10000), AggKind::Sum),
                       {row(1000, "a", 0.3), row(11000, "a", 0.2), row(21000, "a", 0.1)});
    REQUIRE(r.lines.size() == 3);
    CHECK(r.lines[0] == "a,0,10000,0.3,11000,on-time");
    CHECK(r.lines[2] == "a,0,30000,0.6,MAX,on-time");
}

TEST_CASE("sql tumble sum: partials flushed at a slice end are added as partial sums") {
    // TUMBLE(10 s), SUM, WATERMARK ts - 0: 1000 (1), then 15000 (0.1) raises W to 15000 and fires
    // [0,10000): the local buffer is flushed, partial [10000,20000) = 0.1 goes to the global phase.
    // 16000 (0.2) and 17000 (0.3) make the next partial 0.2 + 0.3 = 0.5, flushed at the end:
    // 0.1 + 0.5 = 0.6, where one running sum would give (0.1 + 0.2) + 0.3 = 0.6000000000000001.
    const auto r = run(sqlJob(0, window(WindowKind::Tumble, 10000), AggKind::Sum),
                       {row(1000, "a", 1), row(15000, "a", 0.1), row(16000, "a", 0.2), row(17000, "a", 0.3)});
    CHECK(r.lines == std::vector<std::string>{"a,0,10000,1,15000,on-time", "a,10000,20000,0.6,MAX,on-time"});
}

TEST_CASE("sql tumble: windows one watermark fires come out in the timer heap's order, not by key") {
    // Flink's window operator registers a window's timer (end - 1) when it merges the partials of a flush,
    // in the order the (key, slice) entries entered its buffer, into a binary heap ordered by time only.
    // Keys c, a, b (ids 0, 1, 2). b@11000 makes the local phase flush (c,10000) (a,10000) (b,10000)
    // (b,20000): heap [c a b b'] pops c, a, b. a@12000, c@13000, d@25000: the next flush adds a', c', d'
    // behind b' (heap [b' a' c' d']); polling b' moves d' to the root, which sinks below a': a', then c'.
    // By key id it would be c, a, b for [10000, 20000) too. Hand-computed; the same heap moves as
    // tests/stream/test_stream_timer_heap.cpp checks against the real queue.
    const auto spec = sqlJob(0, window(WindowKind::Tumble, 10000), AggKind::Count);
    const Result r = run(spec, {row(1000, "c"), row(2000, "a"), row(3000, "b"), row(11000, "b"), row(12000, "a"),
                                row(13000, "c"), row(25000, "d")});
    CHECK(r.lines == std::vector<std::string>{"c,0,10000,1,11000,on-time", "a,0,10000,1,11000,on-time",
                                              "b,0,10000,1,11000,on-time", "b,10000,20000,1,25000,on-time",
                                              "a,10000,20000,1,25000,on-time", "c,10000,20000,1,25000,on-time",
                                              "d,20000,30000,1,MAX,on-time"});
}

TEST_CASE("sql window offset: slices and flushes follow the offset") {
    // HOP(30 s, 60 s) offset 10 s, COUNT(*), watermark ts - 0: slices end at 10 s, 40 s, 70 s ...
    // Checked against Flink 2.3.0 (cliques_sql_hop_offset): no row is lost at the offset slice ends.
    JobSpec spec = sqlJob(0, window(WindowKind::Hop, 60000, 30000), AggKind::Count);
    spec.window.offset = 10000;
    const auto r = run(spec, {row(5000, "a"), row(12000, "a"), row(15000, "a"), row(45000, "a")});
    CHECK(r.lines == std::vector<std::string>{
                         "a,-50000,10000,1,12000,on-time",
                         "a,-20000,40000,3,45000,on-time",
                         "a,10000,70000,3,MAX,on-time",
                         "a,40000,100000,1,MAX,on-time",
                     });
}

TEST_CASE("a partition takes part in the watermark from its assignment on") {
    // Flink 2.3.0 (SourceOperator#handleAddSplitsEvent creates a split's output when the split is
    // assigned; tests/flink case late_partition): monotonous watermarks, two partitions, tumble 5 s.
    // Partition 1 is empty until 7000 and holds the watermark at -inf: 6000 on partition 0 fires
    // nothing. 7000 on partition 1 gives min(5999, 6999) = 5999 and fires [0,5000); 12000 on
    // partition 0 gives min(11999, 6999) = 6999, [5000,10000) stays open.
    JobSpec spec;
    spec.watermark.kind = WatermarkKind::Monotonous;
    spec.watermark.perEvent = true;
    spec.window = window(WindowKind::Tumble, 5000);
    spec.partitions = 2;
    std::vector<std::string> lines;
    JobOutput out;
    out.onFiring = [&](const Firing& f) {
        lines.push_back(f.key + "," + std::to_string(f.start) + "," + formatWatermark(f.watermark));
    };
    StreamJob job(spec, out);
    job.process(Element{1000, "a", 1, 0, 0});
    job.process(Element{6000, "a", 1, 0, 0});
    CHECK(lines.empty());
    CHECK(job.sourceWatermark(0) == kMinTime);
    job.process(Element{7000, "b", 1, 1, 0});
    CHECK(lines == std::vector<std::string>{"a,0,5999"});
    job.process(Element{12000, "a", 1, 0, 0});
    CHECK(lines.size() == 1);
    CHECK(job.sourceWatermark(0) == 6999);
}

TEST_CASE("end of input at parallelism 2: each source subtask emits MAX in index order") {
    // Monotonous, tumble 10 s, partition p on source subtask p. Source 0 is at 999, source 1 at 24999,
    // so the window subtasks' watermark is 999. At the end source 0 emits MAX first: the minimum moves
    // to source 1's 24999 and fires a's [0,10000) there, not at MAX; source 1's MAX then fires b's
    // [20000,30000). The real Flink 2.3.0 gives the same with the harness's order (tests/flink case
    // end_order_p2); in Flink itself the order of the subtasks' ends is the threads'.
    JobSpec spec;
    spec.watermark.kind = WatermarkKind::Monotonous;
    spec.watermark.perEvent = true;
    spec.window = window(WindowKind::Tumble, 10000);
    spec.parallelism = 2;
    spec.partitions = 2;
    const auto r = run(spec, {Element{1000, "a", 1, 0, 0}, Element{25000, "b", 1, 1, 0}});
    CHECK(r.lines == std::vector<std::string>{"a,0,10000,1,24999,on-time", "b,20000,30000,1,MAX,on-time"});
}

TEST_CASE("sql parallelism 2: the local phase flushes at its own source subtask's watermark") {
    // TUMBLE 10 s, WATERMARK ts - 0, two source subtasks (partition p -> subtask p). The local
    // aggregation is chained to each source, so source 0 flushes at its own watermark 15000 while the
    // window operator is still at min(15000, 1000). The row 5000 read next by source 0 waits in its
    // local buffer until source 0's next flush (the end of input); by then [0,10000) has fired on the
    // operator's watermark 15000 and the partial is late: dropped, although the operator's watermark was
    // only 1000 when the row arrived (a single-phase operator would have counted it).
    JobSpec spec = sqlJob(0, window(WindowKind::Tumble, 10000), AggKind::Count);
    spec.parallelism = 2;
    spec.partitions = 2;
    auto r =
        run(spec, {Element{1000, "a", 1, 0, 0}, Element{1000, "b", 1, 1, 0}, Element{15000, "a", 1, 0, 0},
                   Element{5000, "a", 1, 0, 0}, Element{20000, "b", 1, 1, 0}});
    std::sort(r.lines.begin(), r.lines.end());
    CHECK(r.lines == std::vector<std::string>{
                         "LATE,a,5000,1000",
                         "a,0,10000,1,15000,on-time",
                         "a,10000,20000,1,20000,on-time",
                         "b,0,10000,1,15000,on-time",
                         "b,20000,30000,1,MAX,on-time",
                     });
}

namespace {

/// A shuffled run of rows over 4 keys with some far behind the others (late for their windows).
std::vector<Element> lateRows(unsigned seed, int n) {
    std::vector<Element> rows;
    unsigned x = seed * 2654435761u + 12345u;
    const auto next = [&x] {
        x = x * 1103515245u + 12345u;
        return (x >> 8) & 0xffffffu;
    };
    Millis t = 0;
    for (int i = 0; i < n; ++i) {
        t += static_cast<Millis>(next() % 900);
        Millis ts = t - static_cast<Millis>(next() % 4000); // within the 5 s bound
        if (next() % 10 == 0) ts -= 20000 + static_cast<Millis>(next() % 30000); // late
        rows.push_back(row(std::max<Millis>(ts, 0), "k" + std::to_string(next() % 4), 1));
    }
    return rows;
}

} // namespace

TEST_CASE("sql journal: one element_late per dropped row, every fired window created first and purged") {
    // The view folds the journal: a SQL job must journal what it drops (one element_late per row replay
    // prints as LATE) and the windows its rows open (window_created at the first row, window_purged as it
    // fires: the state is cleared then), as the DataStream window operator does.
    for (const auto& [kind_, size_, step_] : {std::tuple{WindowKind::Tumble, Millis{10000}, Millis{0}},
                                           std::tuple{WindowKind::Hop, Millis{10000}, Millis{5000}},
                                           std::tuple{WindowKind::Cumulate, Millis{20000}, Millis{5000}}}) {
        const auto kind = kind_; const auto size = size_; const auto step = step_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
        for (unsigned seed = 1; seed <= 20; ++seed) {
            CAPTURE(static_cast<int>(kind));
            CAPTURE(seed);
            const JobSpec spec = sqlJob(5000, window(kind, size, step), AggKind::Count);
            const auto rows = lateRows(seed, 300);
            std::multiset<std::pair<std::string, Millis>> late, journaled;
            std::vector<std::tuple<std::string, Millis, Millis>> fired;
            JobOutput out;
            out.onFiring = [&](const Firing& f) { fired.emplace_back(f.key, f.start, f.end); };
            out.onLate = [&](const LateRecord& l) { late.insert({l.key, l.eventTime}); };
            StreamJournal journal;
            StreamJob job(spec, out, &journal);
            for (const auto& e : rows)
                job.process(e);
            job.finish();
            // The same results as without a journal (replay runs without one).
            const Result plain = run(spec, rows);
            CHECK(plain.lines.size() == fired.size() + late.size());

            std::set<std::tuple<std::string, Millis, Millis>> open, created;
            std::size_t purged = 0;
            for (const StreamEvent& e : journal.events()) {
                const auto w = std::make_tuple(e.key, e.a, e.b);
                switch (e.kind) {
                case StreamEventKind::ElementLate:
                    journaled.insert({e.key, e.a});
                    CHECK(e.flag == 1);
                    break;
                case StreamEventKind::WindowCreated:
                    CHECK(open.insert(w).second); // created once while it holds state
                    created.insert(w);
                    break;
                case StreamEventKind::WindowFired:
                    CHECK(open.count(w) == 1); // fired windows were created before
                    break;
                case StreamEventKind::WindowPurged:
                    CHECK(open.erase(w) == 1);
                    ++purged;
                    break;
                default:
                    break;
                }
            }
            CHECK(late.size() > 0);
            CHECK(journaled == late);
            CHECK(open.empty()); // the final watermark fired every window a row opened
            CHECK(purged == fired.size());
            CHECK(created.size() == fired.size());
        }
    }
}

TEST_CASE("sql journal: a window is created by its first row, a row late for it creates none") {
    // TUMBLE 10 s, SQL watermark ts - 5 s. Rows at 1 s, 3 s (window [0,10) created at the first), 16 s
    // (watermark 11 s: [0,10) fires, [10,20) created), 4 s (late: [0,10) fired; dropped at the flush).
    const JobSpec spec = sqlJob(5000, window(WindowKind::Tumble, 10000), AggKind::Count);
    StreamJournal journal;
    StreamJob job(spec, JobOutput{}, &journal);
    std::vector<std::string> seen;
    for (const Millis ts : {Millis{1000}, Millis{3000}, Millis{16000}, Millis{4000}}) {
        job.process(row(ts, "a"));
    }
    job.finish();
    for (const StreamEvent& e : journal.events()) {
        if (e.kind == StreamEventKind::WindowCreated || e.kind == StreamEventKind::WindowFired ||
            e.kind == StreamEventKind::WindowPurged || e.kind == StreamEventKind::ElementLate ||
            e.kind == StreamEventKind::ElementArrived)
            seen.push_back(std::string(streamEventKindName(e.kind)) + "@" + std::to_string(e.a) +
                           (e.kind == StreamEventKind::ElementArrived ? "" : "," + std::to_string(e.b)));
    }
    const std::vector<std::string> expected = {
        "element_arrived@1000",       "window_created@0,10000",     "element_arrived@3000",
        "element_arrived@16000",      "window_created@10000,20000", "window_fired@0,10000",
        "window_purged@0,10000",      "element_arrived@4000",       "element_late@4000,0",
        "window_fired@10000,20000",   "window_purged@10000,20000"};
    CHECK(seen == expected);
}

TEST_CASE("sql journal at parallelism 2..4: every fired window created first on its subtask and purged, "
          "one element_late per dropped row") {
    // The same properties as at parallelism 1, with the rows spread over 4 partitions read by 2..4 source
    // subtasks and the keys over the window subtasks (key groups): a window is (subtask, key, start, end),
    // created once on the subtask its key goes to, fired there after it was created, purged as it fires;
    // the journal's late rows are the ones replay prints, and the results equal replay's without a journal.
    for (int parallelism = 2; parallelism <= 4; ++parallelism) {
        for (const auto& [kind_, size_, step_] : {std::tuple{WindowKind::Tumble, Millis{10000}, Millis{0}},
                                               std::tuple{WindowKind::Hop, Millis{10000}, Millis{5000}},
                                               std::tuple{WindowKind::Cumulate, Millis{20000}, Millis{5000}}}) {
            const auto kind = kind_; const auto size = size_; const auto step = step_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
            for (unsigned seed = 1; seed <= 20; ++seed) {
                CAPTURE(parallelism);
                CAPTURE(static_cast<int>(kind));
                CAPTURE(seed);
                JobSpec spec = sqlJob(5000, window(kind, size, step), AggKind::Count);
                spec.parallelism = parallelism;
                spec.partitions = 4;
                auto rows = lateRows(seed, 300);
                for (std::size_t i = 0; i < rows.size(); ++i)
                    rows[i].partition = static_cast<std::int32_t>((i * 7 + seed) % 4);
                std::multiset<std::pair<std::string, Millis>> late, journaled;
                std::multiset<std::tuple<int, std::string, Millis, Millis>> fired;
                JobOutput out;
                out.onFiring = [&](const Firing& f) {
                    fired.emplace(sqlKeyToSubtask(f.key, parallelism, defaultMaxParallelism(parallelism)), f.key,
                                  f.start, f.end);
                };
                out.onLate = [&](const LateRecord& l) { late.insert({l.key, l.eventTime}); };
                StreamJournal journal;
                StreamJob job(spec, out, &journal);
                for (const auto& e : rows)
                    job.process(e);
                job.finish();
                const Result plain = run(spec, rows);
                CHECK(plain.lines.size() == fired.size() + late.size());

                std::set<std::tuple<int, std::string, Millis, Millis>> open;
                std::multiset<std::tuple<int, std::string, Millis, Millis>> created, firedJournal, purged;
                for (const StreamEvent& e : journal.events()) {
                    const auto w = std::make_tuple(static_cast<int>(e.subtask), e.key, e.a, e.b);
                    switch (e.kind) {
                    case StreamEventKind::ElementLate:
                        journaled.insert({e.key, e.a});
                        break;
                    case StreamEventKind::WindowCreated:
                        CHECK_MESSAGE(open.insert(w).second, e.key, " [", e.a, ",", e.b, ") on ", e.subtask);
                        created.insert(w);
                        // On the subtask its key goes to (the exchange hashes a BinaryRowData), not on the
                        // source subtask that read it.
                        CHECK(e.subtask == sqlKeyToSubtask(e.key, parallelism, defaultMaxParallelism(parallelism)));
                        break;
                    case StreamEventKind::WindowFired:
                        CHECK_MESSAGE(open.count(w) == 1, e.key, " [", e.a, ",", e.b, ") on ", e.subtask);
                        firedJournal.insert(w);
                        break;
                    case StreamEventKind::WindowPurged:
                        CHECK(open.erase(w) == 1);
                        purged.insert(w);
                        break;
                    default:
                        break;
                    }
                }
                CHECK(late.size() > 0);
                CHECK(journaled == late);
                CHECK(open.empty());
                CHECK(firedJournal == fired);
                CHECK(purged == fired);
                CHECK(created == fired);
            }
        }
    }
}
