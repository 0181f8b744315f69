#include "labs/observe/timeline_cursor.h"

#include <algorithm>

namespace fluxolab::labs::observe {

TimelineCursor::~TimelineCursor() = default;

void TimelineCursor::attach(const sim::Journal& journal, bool sync_now) {
    m_journal = &journal;
    m_timeline = std::make_unique<sim::Timeline>(journal, 4096, sync_now);
    m_view = m_timeline->latest();
    m_observer.clear();
}

void TimelineCursor::detach() {
    m_timeline.reset();
    m_journal = nullptr;
    m_view = sim::ClusterView{};
    m_observer.clear();
}

void TimelineCursor::sync(const sim::Simulation& sim, const SyncHook& before) {
    if (!m_timeline) return;
    if (before)
        m_timeline->sync(before);
    else
        m_timeline->sync();
    m_observer.learn(sim);
}

const sim::ClusterView& TimelineCursor::latest() const {
    static const sim::ClusterView empty;
    return m_timeline ? m_timeline->latest() : empty;
}

std::size_t TimelineCursor::size() const { return m_timeline ? m_timeline->size() : 0; }

std::size_t TimelineCursor::eventsUpTo(sim::TimeMs t) const { return m_timeline ? m_timeline->eventsUpTo(t) : 0; }

void TimelineCursor::moveTo(std::size_t events) {
    if (!m_timeline) return;
    events = std::min(events, size());
    // Forward: folding the new events is cheaper than copying a snapshot (or the latest state) as
    // long as they are fewer than the timeline's snapshot spacing (4 per partition or consumer
    // in a heavy view: 64x playback with a 9 999 x 3 topic folds ~5 000 events a frame).
    const std::size_t foldLimit = std::max<std::size_t>(4096, 4 * m_view.snapshotWeight());
    if (events >= m_view.events && events - m_view.events < foldLimit) {
        const sim::Journal& journal = *m_journal;
        const auto& all = journal.events();
        while (m_view.events < events) m_view.apply(journal, all[m_view.events]);
    } else if (events != m_view.events) {
        m_view = m_timeline->at(events);
    }
}

Observation TimelineCursor::observe(const sim::Simulation& sim, bool live, const ObserveOptions& options,
                                    PartitionCache* cache) const {
    return m_observer.observe(sim, m_view, live, options, cache);
}

} // namespace fluxolab::labs::observe
