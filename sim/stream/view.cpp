#include "sim/stream/view.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace fluxolab::stream {

namespace {
WatermarkLane& lane(std::vector<WatermarkLane>& lanes, std::int32_t i) {
    const auto n = static_cast<std::size_t>(i < 0 ? 0 : i);
    if (lanes.size() <= n) lanes.resize(n + 1);
    return lanes[n];
}
} // namespace

void StreamView::fold(const Fields& e) {
    StreamState& s = state;
    const auto kind = e.kind;
    const auto windowKey = [&] { return WindowKey{e.actor, e.key, e.a, e.b}; };
    switch (kind) {
    case StreamEventKind::ElementArrived:
        ++s.elements;
        break;
    case StreamEventKind::SplitWatermark: {
        auto& l = lane(s.splits, e.partition);
        l.watermark = e.a;
        l.idle = false; // a watermark makes a split active again
        break;
    }
    case StreamEventKind::SplitIdle:
        lane(s.splits, e.partition).idle = e.a != 0;
        break;
    case StreamEventKind::SourceWatermark:
        lane(s.sources, e.actor).watermark = e.a;
        break;
    case StreamEventKind::SourceIdle:
        lane(s.sources, e.actor).idle = e.a != 0;
        break;
    case StreamEventKind::ChannelWatermark:
        s.channels[{e.actor, e.group}].watermark = e.a;
        break;
    case StreamEventKind::ChannelIdle:
        s.channels[{e.actor, e.group}].idle = e.a != 0;
        break;
    case StreamEventKind::OperatorWatermark: {
        const auto n = static_cast<std::size_t>(e.actor < 0 ? 0 : e.actor);
        if (s.operators.size() <= n) s.operators.resize(n + 1, std::numeric_limits<Millis>::min());
        s.operators[n] = e.a;
        break;
    }
    case StreamEventKind::WindowCreated:
        s.windows.try_emplace(windowKey());
        break;
    case StreamEventKind::WindowMerged: {
        // The sessions of this key inside the merged window are gone; the merged one holds their state.
        const std::string& key = e.key;
        for (auto it = s.windows.lower_bound(WindowKey{e.actor, key, std::numeric_limits<Millis>::min(), 0});
             it != s.windows.end() && std::get<0>(it->first) == e.actor && std::get<1>(it->first) == key;) {
            const bool inside = std::get<2>(it->first) >= e.a && std::get<3>(it->first) <= e.b;
            it = inside ? s.windows.erase(it) : std::next(it);
        }
        s.windows[windowKey()] = WindowState{};
        break;
    }
    case StreamEventKind::WindowFired: {
        ++s.firings;
        if (e.flag) ++s.lateFirings;
        const auto it = s.windows.find(windowKey());
        if (it != s.windows.end()) { // (journals from before SQL windows had created/purged events)
            ++it->second.firings;
            it->second.lastFiringLate = e.flag != 0;
            it->second.firedAtWatermark = e.c;
        }
        break;
    }
    case StreamEventKind::WindowPurged:
        s.windows.erase(windowKey());
        break;
    case StreamEventKind::ElementDroppedForWindow:
        ++s.droppedForWindow;
        break;
    case StreamEventKind::ElementLate:
        if (e.flag)
            ++s.lateToSideOutput;
        else
            ++s.lateDropped;
        break;
    case StreamEventKind::ProcessOutput:
        ++s.outputs;
        break;
    case StreamEventKind::CheckpointCompleted:
        lastCheckpoint = static_cast<std::uint64_t>(e.a);
        checkpointed = std::make_shared<const StreamState>(s);
        break;
    case StreamEventKind::JobRestored:
        ++restores;
        // Restored from the last completed checkpoint (or empty without one).
        if (e.a > 0 && checkpointed && static_cast<std::uint64_t>(e.a) == lastCheckpoint)
            state = *checkpointed;
        else
            state = StreamState{};
        break;
    case StreamEventKind::TimerRegistered:
    case StreamEventKind::TimerDeleted:
    case StreamEventKind::TimerFired:
    case StreamEventKind::TimerDropped:
    case StreamEventKind::StateChanged:
    case StreamEventKind::CheckpointStarted:
    case StreamEventKind::CheckpointAligned:
    case StreamEventKind::JobCrashed:
    case StreamEventKind::Count_:
        break;
    }
}

void StreamView::apply(const sim::Journal& journal, const sim::Event& e) {
    ++events;
    time = e.time;
    if (std::string_view(journal.family(e.family).engine) != kStreamFamilyName) return;
    fold(Fields{static_cast<StreamEventKind>(e.typeIndex()), e.partition, e.actor, e.group, e.a, e.b, e.wideValue(),
                e.flag, journal.string(e.name)});
}

void StreamView::apply(const StreamEvent& e) {
    ++events;
    time = e.procTime;
    fold(Fields{e.kind, e.partition, e.subtask, e.channel, e.a, e.b, e.c, e.flag, e.key});
}

Millis StreamView::operatorWatermark(int subtask) const {
    const auto n = static_cast<std::size_t>(subtask);
    return subtask >= 0 && n < state.operators.size() ? state.operators[n]
                                                      : std::numeric_limits<Millis>::min();
}

bool StreamView::sameAs(const StreamView& o) const {
    const bool bothSaved = checkpointed && o.checkpointed;
    return time == o.time && events == o.events && state == o.state && lastCheckpoint == o.lastCheckpoint &&
           restores == o.restores &&
           (bothSaved ? *checkpointed == *o.checkpointed : !checkpointed && !o.checkpointed);
}

namespace {
std::size_t weight(const StreamView& v) { return v.state.windows.size() + v.state.channels.size() + 1; }
} // namespace

StreamJournalTimeline::StreamJournalTimeline(const StreamJournal& journal, std::size_t snapshotEvery)
    : journal_(journal), every_(std::max<std::size_t>(1, snapshotEvery)) {
    snapshots_.push_back(latest_);
    sync();
}

void StreamJournalTimeline::sync() {
    if (latest_.events >= journal_.size()) return;
    std::size_t next = snapshots_.back().events + std::max(every_, kEventsPerWeight * weight(snapshots_.back()));
    for (auto it = journal_.iteratorAt(latest_.events), end = journal_.events().end(); it != end; ++it) {
        latest_.apply(*it);
        if (latest_.events >= next) {
            snapshots_.push_back(latest_);
            next = latest_.events + std::max(every_, kEventsPerWeight * weight(latest_));
        }
    }
}

StreamView StreamJournalTimeline::at(std::size_t n) const {
    n = std::min(n, latest_.events);
    if (n == latest_.events) return latest_;
    const auto snap = std::upper_bound(snapshots_.begin(), snapshots_.end(), n,
                                       [](std::size_t x, const StreamView& s) { return x < s.events; });
    StreamView v = *std::prev(snap);
    for (auto it = journal_.iteratorAt(v.events); v.events < n; ++it)
        v.apply(*it);
    return v;
}

std::size_t StreamJournalTimeline::eventsUpTo(Millis t) const {
    std::size_t lo = 0, hi = latest_.events; // first event with procTime > t
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (journal_.events()[mid].procTime <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::size_t StreamJournalTimeline::snapshotBytes() const {
    // A red-black tree node: three pointers and a colour, then the value.
    constexpr std::size_t kNode = 4 * sizeof(void*);
    std::size_t bytes = snapshots_.capacity() * sizeof(StreamView);
    for (const auto& v : snapshots_) {
        const StreamState& s = v.state;
        bytes += s.windows.size() * (kNode + sizeof(std::pair<const WindowKey, WindowState>));
        for (const auto& [k, w] : s.windows)
            if (std::get<1>(k).capacity() > 15) bytes += std::get<1>(k).capacity() + 1;
        bytes += s.channels.size() * (kNode + sizeof(std::pair<const std::pair<int, int>, WatermarkLane>));
        bytes += (s.splits.capacity() + s.sources.capacity()) * sizeof(WatermarkLane) +
                 s.operators.capacity() * sizeof(Millis);
    }
    return bytes;
}

} // namespace fluxolab::stream
