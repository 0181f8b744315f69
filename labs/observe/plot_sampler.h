#pragma once
// The simulation's plot samples (labs::observe::PlotSeries), taken from the timeline's own fold of
// the journal: every kSampleEveryMs of virtual time, the state just before the first event at or
// after the sample's time (TimelineCursor::sync's hook), and the records appended and consumed
// in [t − kRateWindowMs, t). The app's controller keeps one next to its TimelineCursor and syncs
// both with sync(); it names no simulation type (docs/architecture.md, "The layer guard").

#include "labs/observe/plot_series.h"
#include "labs/observe/timeline_cursor.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace fluxolab::labs::observe {

class PlotSampler {
public:
    static constexpr sim::TimeMs kSampleEveryMs = 250;
    static constexpr sim::TimeMs kRateWindowMs = 1000;

    /// A new run: no samples, the next one at 0.
    void reset();
    /// Indexes the events `sim` appended since the last call into `cursor` (TimelineCursor::sync),
    /// sampling at every sample time they pass, then at the sample times up to `sim`'s clock from
    /// the newest state.
    void sync(TimelineCursor& cursor, const sim::Simulation& sim);
    const PlotSeries& series() const { return m_series; }

private:
    void before(const sim::Journal& journal, const sim::ClusterView& v, const sim::Event& e);
    void take(const sim::Journal& journal, const sim::ClusterView& v, sim::TimeMs t);

    PlotSeries m_series;
    sim::TimeMs m_next_sample_ms = 0;
    std::vector<std::pair<sim::TimeMs, std::int64_t>> m_appended; ///< (time, count) within the last second
    std::vector<std::pair<sim::TimeMs, std::int64_t>> m_consumed;
};

} // namespace fluxolab::labs::observe
