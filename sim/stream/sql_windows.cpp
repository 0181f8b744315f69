#include "sim/stream/sql_windows.h"

#include <algorithm>
#include <numeric>

namespace fluxolab::stream {

namespace {

/// TimeWindowUtil#isWindowFired (UTC): a window end of Long.MAX_VALUE never fires.
bool isFired(Millis windowEnd, Millis progress) {
    if (windowEnd == kMaxTime) return false;
    return progress >= windowEnd - 1;
}

/// TimeWindowUtil#getNextTriggerWatermark (UTC): the next slice end minus 1 after the watermark.
Millis nextTriggerWatermark(Millis watermark, Millis interval, Millis offset) {
    if (watermark == kMaxTime) return watermark;
    const Millis trigger = windowStart(watermark, offset, interval) + interval - 1;
    return trigger > watermark ? trigger : trigger + interval;
}

/// One row into an accumulator (the SQL aggregates COUNT(*), SUM, MIN, MAX, AVG = SUM / COUNT).
void addRow(Accumulator& acc, double v, bool collect) {
    if (acc.count == 0) {
        acc.min = v;
        acc.max = v;
        acc.sum = v;
    } else {
        acc.min = std::min(acc.min, v);
        acc.max = std::max(acc.max, v);
        acc.sum += v;
    }
    ++acc.count;
    if (collect) acc.items.push_back(v);
}

/// Merge of two accumulators: target + source (a null target sum takes the source's as it is).
void merge(Accumulator& target, const Accumulator& source) {
    if (source.count == 0) return;
    if (target.count == 0) {
        target.min = source.min;
        target.max = source.max;
        target.sum = source.sum;
    } else {
        target.min = std::min(target.min, source.min);
        target.max = std::max(target.max, source.max);
        target.sum += source.sum;
    }
    target.count += source.count;
    target.items.insert(target.items.end(), source.items.begin(), source.items.end());
}

} // namespace

bool usesSqlSlicing(const JobSpec& spec) {
    return spec.watermark.kind == WatermarkKind::Sql && !spec.process && !spec.window.processingTime &&
           spec.window.kind != WindowKind::Session;
}

SqlSlicingWindows::SqlSlicingWindows(const WindowSpec& spec) : spec_(spec) {
    switch (spec.kind) {
    case WindowKind::Tumble:
        interval_ = spec.size;
        break;
    case WindowKind::Hop:
        interval_ = std::gcd(spec.size, spec.slide);
        break;
    case WindowKind::Cumulate:
        interval_ = spec.step;
        break;
    case WindowKind::Session:
        interval_ = std::max<Millis>(spec.gap, 1);
        break;
    }
    interval_ = std::max<Millis>(interval_, 1);
}

Millis SqlSlicingWindows::sliceEnd(Millis ts) const {
    return windowStart(ts, spec_.offset, interval_) + interval_;
}

Millis SqlSlicingWindows::windowStartOfEnd(Millis windowEnd) const {
    switch (spec_.kind) {
    case WindowKind::Cumulate:
        return windowStart(windowEnd - 1, spec_.offset, spec_.size);
    default:
        return windowEnd - spec_.size;
    }
}

Millis SqlSlicingWindows::lastWindowEnd(Millis sliceEnd) const {
    switch (spec_.kind) {
    case WindowKind::Hop:
        return sliceEnd - interval_ + spec_.size;
    case WindowKind::Cumulate:
        return windowStartOfEnd(sliceEnd) + spec_.size;
    default:
        return sliceEnd;
    }
}

/// SliceSharedAssigner#mergeSlices target: CUMULATE keeps the window's accumulator in its first slice;
/// TUMBLE and HOP merge in memory, so a late row stays in its own slice.
Millis SqlSlicingWindows::mergeTarget(Millis sliceEnd) const {
    if (spec_.kind == WindowKind::Cumulate) return windowStartOfEnd(sliceEnd) + interval_;
    return sliceEnd;
}

void SqlSlicingWindows::element(std::uint32_t key, Millis eventTime, double value, bool collect,
                                Millis watermark) {
    const Millis end = sliceEnd(eventTime);
    Partial& p = local_[{key, end}];
    addRow(p.acc, value, collect);
    p.rows.push_back({eventTime, watermark});
    localMinSlice_ = std::min(localMinSlice_, end);
}

void SqlSlicingWindows::flushLocal(const PartialSink& to) {
    auto buffer = std::move(local_.entries);
    local_.clear();
    localMinSlice_ = kMaxTime;
    for (auto& [slot, partial] : buffer)
        to(slot.first, slot.second, std::move(partial));
}

void SqlSlicingWindows::flushLocal(SqlWindowSink& sink) {
    flushLocal(
        [&](std::uint32_t key, Millis end, Partial&& p) { acceptPartial(key, end, std::move(p), sink); });
}

/// AbstractSliceSyncStateWindowAggProcessor#processElement for one partial of the local phase.
void SqlSlicingWindows::acceptPartial(std::uint32_t key, Millis end, Partial&& partial, SqlWindowSink& sink) {
    Millis target = end;
    if (isFired(end, progress_)) {
        if (isFired(lastWindowEnd(end), progress_)) {
            ++droppedPartials_;
            for (const Row& r : partial.rows)
                sink.dropped(key, r.eventTime, r.watermark);
            return;
        }
        target = mergeTarget(end);
        Millis unfired = end;
        while (isFired(unfired, progress_))
            unfired += interval_;
        registerTimer(key, unfired);
    }
    globalBuffer_[{key, target}].push_back(std::move(partial));
    globalMinSlice_ = std::min(globalMinSlice_, target);
}

/// RecordsWindowBuffer#flush with the GlobalAggCombiner: each partial merged into the state in turn.
void SqlSlicingWindows::flushGlobal() {
    for (auto& [slot, partials] : globalBuffer_.entries) {
        Accumulator& acc = state_[slot];
        for (const Partial& p : partials)
            merge(acc, p.acc);
        if (!isFired(slot.second, timerWatermark_)) registerTimer(slot.first, slot.second);
    }
    globalBuffer_.clear();
    globalMinSlice_ = kMaxTime;
}

void SqlSlicingWindows::advanceLocal(Millis watermark, const PartialSink& to) {
    // LocalSlicingWindowAggOperator#processWatermark, before it forwards the watermark.
    if (watermark <= localWatermark_) return;
    localWatermark_ = watermark;
    if (watermark >= localNextTrigger_) {
        if (isFired(localMinSlice_, watermark)) flushLocal(to);
        localNextTrigger_ = nextTriggerWatermark(watermark, interval_, spec_.offset);
    }
}

void SqlSlicingWindows::advanceGlobal(Millis watermark, SqlWindowSink& sink) {
    // advanceProgress, then the timer service fires every timer <= watermark.
    if (watermark > progress_) {
        progress_ = watermark;
        if (progress_ >= nextTriggerProgress_) {
            if (isFired(globalMinSlice_, progress_)) flushGlobal();
            nextTriggerProgress_ = nextTriggerWatermark(progress_, interval_, spec_.offset);
        }
    }
    timerWatermark_ = std::max(timerWatermark_, watermark);
    // InternalTimerServiceImpl#advanceWatermark: poll while the head's time <= watermark (a timer a
    // firing registers joins the same loop).
    while (!timers_.empty() && isFired(timers_.peek().end, timerWatermark_)) {
        const WindowTimer t = timers_.poll();
        fireWindow(t.key, t.end, sink);
        clearWindow(t.key, t.end);
    }
}

void SqlSlicingWindows::advance(Millis watermark, SqlWindowSink& sink) {
    advanceLocal(watermark, [&](std::uint32_t key, Millis end, Partial&& p) {
        acceptPartial(key, end, std::move(p), sink);
    });
    advanceGlobal(watermark, sink);
}

void SqlSlicingWindows::fireWindow(std::uint32_t key, Millis windowEnd, SqlWindowSink& sink) {
    const Millis start = windowStartOfEnd(windowEnd);
    Accumulator acc;
    switch (spec_.kind) {
    case WindowKind::Hop: {
        // HoppingSliceAssigner#mergeSlices: the window's slices from the newest to the oldest, into a
        // fresh accumulator.
        for (Millis s = windowEnd; s > start; s -= interval_) {
            auto it = state_.find({key, s});
            if (it != state_.end()) merge(acc, it->second);
        }
        break;
    }
    case WindowKind::Cumulate: {
        // CumulativeSliceAssigner#mergeSlices: the current slice into the first slice's accumulator.
        const Millis first = start + interval_;
        Accumulator& base = state_[{key, first}];
        if (windowEnd != first) {
            auto it = state_.find({key, windowEnd});
            if (it != state_.end()) merge(base, it->second);
        }
        acc = base;
        if (base.count == 0) state_.erase({key, first});
        break;
    }
    default: {
        auto it = state_.find({key, windowEnd});
        if (it != state_.end()) acc = it->second;
        break;
    }
    }
    if (acc.count == 0) return; // empty window: nothing emitted, no next timer
    sink.fire(key, TimeWindow{start, windowEnd}, acc);
    // nextTriggerWindow: slices are shared, the next window may have no slice of its own.
    if (spec_.kind == WindowKind::Hop) {
        registerTimer(key, windowEnd + interval_);
    } else if (spec_.kind == WindowKind::Cumulate && windowEnd != start + spec_.size) {
        registerTimer(key, windowEnd + interval_);
    }
}

/// expiredSlices: the state no later window reads.
void SqlSlicingWindows::clearWindow(std::uint32_t key, Millis windowEnd) {
    switch (spec_.kind) {
    case WindowKind::Hop:
        state_.erase({key, windowEnd - spec_.size + interval_});
        break;
    case WindowKind::Cumulate: {
        const Millis start = windowStartOfEnd(windowEnd);
        if (windowEnd != start + interval_) state_.erase({key, windowEnd});
        if (windowEnd == start + spec_.size) state_.erase({key, start + interval_});
        break;
    }
    default:
        state_.erase({key, windowEnd});
        break;
    }
}

} // namespace fluxolab::stream
