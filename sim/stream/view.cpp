#include "sim/stream/view.h"

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

void StreamView::apply(const sim::Journal& journal, const sim::Event& e) {
    ++events;
    time = e.time;
    if (std::string_view(journal.family(e.family).engine) != kStreamFamilyName) return;
    StreamState& s = state;
    const auto kind = static_cast<StreamEventKind>(e.typeIndex());
    const auto windowKey = [&] { return WindowKey{e.actor, journal.string(e.name), e.a, e.b}; };
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
        const std::string& key = journal.string(e.name);
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
        if (it != s.windows.end()) { // (SQL's slice-based windows have no created/purged events)
            ++it->second.firings;
            it->second.lastFiringLate = e.flag != 0;
            it->second.firedAtWatermark = e.wideValue();
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
    case StreamEventKind::StateChanged:
    case StreamEventKind::CheckpointStarted:
    case StreamEventKind::CheckpointAligned:
    case StreamEventKind::JobCrashed:
    case StreamEventKind::Count_:
        break;
    }
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

} // namespace fluxolab::stream
