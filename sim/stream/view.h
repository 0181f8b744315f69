#pragma once
// Seeking in the stream journal: StreamView is a stream job's observable state rebuilt purely from the
// stream family's events of a shared journal (sim/stream/journal.h), the way ClusterView is the Kafka
// model's. StreamTimeline = BasicTimeline<StreamView> (sim/timeline.h): snapshots every N events, so any
// past moment is a snapshot copy plus at most N events. Events of other families are counted, not read.

#include "sim/stream/journal.h"
#include "sim/timeline.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace fluxolab::stream {

struct WatermarkLane {
    Millis watermark = std::numeric_limits<Millis>::min(); ///< MIN until the first one
    bool idle = false;
    bool operator==(const WatermarkLane&) const = default;
};

/// A window holding state: created, maybe fired (and re-fired by late elements), not yet purged.
struct WindowState {
    int firings = 0;
    bool lastFiringLate = false; ///< the last firing was a late update (the window had fired before)
    Millis firedAtWatermark = std::numeric_limits<Millis>::min(); ///< operator watermark at the last firing
    bool operator==(const WindowState&) const = default;
};

/// (window subtask, key, start, end)
using WindowKey = std::tuple<int, std::string, Millis, Millis>;

struct StreamState {
    std::vector<WatermarkLane> splits;                     ///< by partition
    std::vector<WatermarkLane> sources;                    ///< by source subtask
    std::map<std::pair<int, int>, WatermarkLane> channels; ///< (window subtask, upstream subtask)
    std::vector<Millis> operators;                         ///< operator watermark by window subtask
    std::map<WindowKey, WindowState> windows;              ///< open windows (with state)
    std::uint64_t elements = 0;
    std::uint64_t firings = 0;
    std::uint64_t lateFirings = 0; ///< late updates (firings of windows that had fired before)
    std::uint64_t lateToSideOutput = 0;
    std::uint64_t lateDropped = 0;
    std::uint64_t droppedForWindow = 0; ///< elements whose window was already cleaned up
    std::uint64_t outputs = 0;          ///< process-function records
    bool operator==(const StreamState&) const = default;
};

struct StreamView {
    sim::TimeMs time = 0;
    std::size_t events = 0; ///< journal events applied (of every family)
    StreamState state;
    std::uint64_t lastCheckpoint = 0; ///< last completed checkpoint id (0: none)
    std::uint64_t restores = 0;
    /// The state at the last completed checkpoint: a JobRestored event puts it back (Flink's restart
    /// from the last completed checkpoint), so seeking across a crash shows the restored job.
    std::shared_ptr<const StreamState> checkpointed;

    /// Applies one event (the one at index `events` of the journal).
    void apply(const sim::Journal& journal, const sim::Event& e);
    /// Applies one event of a StreamJournal (the one at index `events`): the same fold.
    void apply(const StreamEvent& e);
    /// The operator watermark of a window subtask (MIN before any).
    Millis operatorWatermark(int subtask) const;
    /// Equal observable state (the checkpoint copy is compared by value).
    bool sameAs(const StreamView& o) const;

private:
    /// A stream event's fields, wherever they are stored.
    struct Fields {
        StreamEventKind kind;
        std::int32_t partition, actor, group;
        Millis a, b, c;
        std::uint8_t flag;
        const std::string& key;
    };
    void fold(const Fields& e);
};

static_assert(sim::FoldedView<StreamView>);

/// The stream engine's timeline over a shared journal.
class StreamTimeline : public sim::BasicTimeline<StreamView> {
public:
    using BasicTimeline::BasicTimeline;
};

/// Seeking in a StreamJournal (the packed in-memory journal): a StreamView snapshot every so many
/// events, so that any moment is a snapshot copy plus the events after it. Snapshots are spaced by
/// at least `snapshotEvery` events and by kEventsPerWeight events per unit of the view's weight (open
/// windows and channels), which bounds both the memory they hold (about 1/kEventsPerWeight of a map
/// node per event) and the events a seek folds.
class StreamJournalTimeline {
public:
    static constexpr std::size_t kEventsPerWeight = 8;

    explicit StreamJournalTimeline(const StreamJournal& journal, std::size_t snapshotEvery = 4096);
    /// Folds the events recorded since the last call.
    void sync();
    /// The state after the first `n` events (clamped to what was synced).
    StreamView at(std::size_t n) const;
    /// The state at processing time `t` (all events with procTime <= t applied).
    StreamView atTime(Millis t) const { return at(eventsUpTo(t)); }
    /// Number of events with procTime <= t (the journal is in procTime order).
    std::size_t eventsUpTo(Millis t) const;
    const StreamView& latest() const { return latest_; }
    std::size_t snapshots() const { return snapshots_.size(); }
    /// Events folded into snapshot `i` (0 for the first).
    std::size_t snapshotEvents(std::size_t i) const { return snapshots_[i].events; }
    /// An estimate of the bytes the snapshots hold (map nodes, lane vectors, key strings beyond SSO).
    std::size_t snapshotBytes() const;

private:
    const StreamJournal& journal_;
    std::size_t every_;
    std::vector<StreamView> snapshots_; ///< in event order, the first at 0 events
    StreamView latest_;
};

} // namespace fluxolab::stream
