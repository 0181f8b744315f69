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
    bool lastFiringLate = false;
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
    std::uint64_t lateFirings = 0;
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
    /// The operator watermark of a window subtask (MIN before any).
    Millis operatorWatermark(int subtask) const;
    /// Equal observable state (the checkpoint copy is compared by value).
    bool sameAs(const StreamView& o) const;
};

static_assert(sim::FoldedView<StreamView>);

/// The stream engine's timeline over a shared journal.
class StreamTimeline : public sim::BasicTimeline<StreamView> {
public:
    using BasicTimeline::BasicTimeline;
};

} // namespace fluxolab::stream
