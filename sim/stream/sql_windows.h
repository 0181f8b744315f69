#pragma once
// Flink SQL window TVF aggregation (TUMBLE / HOP / CUMULATE GROUP BY window_start, window_end, key) as the
// Flink 2.3 planner runs it by default: a two-phase *slicing* aggregation.
//
//  * Slices: TUMBLE slices are its windows; HOP slices are gcd(size, slide) long; CUMULATE slices are its
//    step. Every row goes to exactly one slice (its slice end).
//  * Local phase (LocalSlicingWindowAggOperator, chained to each source subtask, so it sees that
//    subtask's watermark): partial accumulators per (key, slice) in a buffer, in arrival order, no
//    lateness check. (Parallelism > 1 follows the same operators; flink/compare checks it at 2 and 4.)
//    The buffer is flushed to the global phase when a watermark reaches
//    the next trigger point (multiples of the slice interval minus 1, *without* the window offset:
//    TimeWindowUtil#getNextTriggerWatermark) and the earliest slice in the buffer has fired. The flush
//    happens before the watermark is forwarded, so the global phase sees the partials at its old watermark.
//  * Global phase (WindowAggOperator + SliceShared/SliceUnshared processor): a partial whose slice has
//    fired is late; it is dropped (numLateRecordsDropped + 1) only if the *last* window containing the
//    slice has fired, else it goes to the slice-state merge target (HOP: the slice itself; CUMULATE: the
//    window's first slice, which holds the merged accumulator) and a timer is set at the next unfired
//    window end. Partials are buffered again and merged one by one into the slice state (same flush rule).
//  * Both buffers (RecordsWindowBuffer over a WindowBytesMultiMap) are walked in the order their
//    (key, slice) entries were first added, so partials and timer registrations come in that order.
//  * Timers (window end - 1, key, window end) live in the window operator's InternalTimerServiceImpl
//    queue, a HeapPriorityQueueSet that compares by timestamp only (FlinkTimerHeap): windows with the
//    same end fire in the heap's order, which the sequence of registrations and polls fixes (checked
//    in order against the real Flink 2.3.0 by replay/flink_goldens and flink/compare).
//  * Firing (timer at window end - 1): TUMBLE emits its slice; HOP merges its slices newest first into a
//    fresh accumulator; CUMULATE merges the current slice into the first slice's accumulator (so oldest
//    first). Empty windows are not emitted; HOP/CUMULATE register the next window's timer after a
//    non-empty one.
// Doubles are added exactly in that order, so SUM/AVG are bit-identical with Flink's.
// No Qt, no clocks: part of fluxolab_stream.

#include "sim/stream/engine.h"
#include "sim/stream/flink_timer_heap.h"

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace fluxolab::stream {

/// Receives what the SQL window aggregation emits.
class SqlWindowSink {
public:
    virtual ~SqlWindowSink() = default;
    /// A window result (fired by a watermark; SQL has no late firings).
    virtual void fire(std::uint32_t key, const TimeWindow& window, const Accumulator& acc) = 0;
    /// A row that Flink drops: the global phase dropped the partial it was in. `watermark` is the
    /// operator watermark when the row arrived.
    virtual void dropped(std::uint32_t key, Millis eventTime, Millis watermark) = 0;
};

/// Whether a job runs its windows as Flink SQL's slicing window aggregation (SQL watermark, event-time
/// TUMBLE/HOP/CUMULATE, no process function). SQL SESSION windows are not sliced.
bool usesSqlSlicing(const JobSpec& spec);

/// The two-phase slicing window aggregation. One instance per source subtask runs the local phase
/// (chained to the source: element, advanceLocal), one per window subtask the global phase
/// (acceptPartial, advanceGlobal); `advance` runs both on one instance (parallelism 1, tests).
/// Copyable: part of a checkpoint.
class SqlSlicingWindows {
public:
    struct Row {
        Millis eventTime;
        Millis watermark;
    };
    struct Partial {
        Accumulator acc;
        std::vector<Row> rows;
    };
    /// Receives the partials a local flush hands to the global phase (key, slice end, partial).
    using PartialSink = std::function<void(std::uint32_t, Millis, Partial&&)>;

    SqlSlicingWindows() = default;
    explicit SqlSlicingWindows(const WindowSpec& spec);

    /// Local phase: a row arrives (`watermark`: the window operator's watermark then, for LATE lines).
    void element(std::uint32_t key, Millis eventTime, double value, bool collect, Millis watermark);
    /// Local phase: the source's watermark grows; flushes before the watermark is forwarded.
    void advanceLocal(Millis watermark, const PartialSink& to);
    /// prepareSnapshotPreBarrier: a checkpoint flushes the local buffer to the global phase.
    void flushLocal(const PartialSink& to);

    /// Global phase: a partial from a local flush (judged at the current global watermark).
    void acceptPartial(std::uint32_t key, Millis sliceEnd, Partial&& partial, SqlWindowSink& sink);
    /// Global phase: a new, larger operator watermark: buffer flush, then timers <= watermark fire.
    void advanceGlobal(Millis watermark, SqlWindowSink& sink);

    /// Both phases on this instance.
    void advance(Millis watermark, SqlWindowSink& sink);
    void flushLocal(SqlWindowSink& sink);

    std::size_t openSlices() const { return state_.size() + local_.size(); }
    std::uint64_t droppedPartials() const { return droppedPartials_; }

    Millis sliceEnd(Millis ts) const;
    Millis lastWindowEnd(Millis sliceEnd) const;
    Millis interval() const { return interval_; }

private:
    using Slot = std::pair<std::uint32_t, Millis>; // (key, slice end / merge target)
    /// A window timer: fires at `ts` = window end - 1 (TimeWindowUtil#toEpochMillsForTimer, UTC).
    struct WindowTimer {
        Millis ts = 0;
        std::uint32_t key = 0;
        Millis end = 0;
        bool operator<(const WindowTimer& o) const {
            if (ts != o.ts) return ts < o.ts;
            if (key != o.key) return key < o.key;
            return end < o.end;
        }
    };
    /// A RecordsWindowBuffer: entries in first-insertion order, values appended to their entry.
    template <class V> struct InsertionBuffer {
        std::vector<std::pair<Slot, V>> entries;
        std::map<Slot, std::size_t> index;
        V& operator[](const Slot& slot) {
            const auto [it, added] = index.emplace(slot, entries.size());
            if (added) entries.emplace_back(slot, V{});
            return entries[it->second].second;
        }
        bool empty() const { return entries.empty(); }
        std::size_t size() const { return entries.size(); }
        void clear() {
            entries.clear();
            index.clear();
        }
    };

    void registerTimer(std::uint32_t key, Millis windowEnd) { timers_.add(WindowTimer{windowEnd - 1, key, windowEnd}); }

    void flushGlobal();
    void fireWindow(std::uint32_t key, Millis windowEnd, SqlWindowSink& sink);
    void clearWindow(std::uint32_t key, Millis windowEnd);
    Millis windowStartOfEnd(Millis windowEnd) const;
    Millis mergeTarget(Millis sliceEnd) const;

    WindowSpec spec_;
    Millis interval_ = 1;

    // Local phase
    InsertionBuffer<Partial> local_;
    Millis localMinSlice_ = kMaxTime;
    Millis localWatermark_ = 0;   // a transient long: 0 before the first watermark
    Millis localNextTrigger_ = 0; // idem

    // Global phase
    InsertionBuffer<std::vector<Partial>> globalBuffer_;
    Millis globalMinSlice_ = kMaxTime;
    Millis progress_ = kMinTime;
    Millis nextTriggerProgress_ = kMinTime;
    Millis timerWatermark_ = kMinTime; // the timer service's watermark
    std::map<Slot, Accumulator> state_;
    FlinkTimerHeap<WindowTimer> timers_;
    std::uint64_t droppedPartials_ = 0;
};

} // namespace fluxolab::stream
