#include "sim/runtime/scheduler.h"

#include "sim/runtime/invariant.h"

#include <algorithm>
#include <limits>

namespace fluxolab::sim::runtime {

ComponentId Scheduler::registerComponent(std::string_view name, TimerHandler& handler) {
    FLUXOLAB_INVARIANT(m_components.size() < std::numeric_limits<ComponentId>::max(), "too many components");
    for (const auto& c : m_components) FLUXOLAB_INVARIANT(c.name != name, "component registered twice");
    m_components.push_back(Component{std::string(name), &handler});
    return static_cast<ComponentId>(m_components.size() - 1);
}

void Scheduler::schedule(TimeMs at, ComponentId component, std::uint16_t kind, std::int32_t a, std::int64_t b) {
    // Whoever schedules a timer computes a time >= now (now itself for "as soon as possible").
    // Silently moving it to now would hide the bug of a stale deadline.
    FLUXOLAB_INVARIANT(at >= m_now, "timer scheduled in the past");
    FLUXOLAB_INVARIANT(component < m_components.size(), "timer for an unregistered component");
    m_timers.push(Timer{std::max(at, m_now), m_seq++, component, kind, a, b});
}

TimerKey Scheduler::scheduleCancellable(TimeMs at, ComponentId component, std::uint16_t kind, std::int32_t a,
                                        std::int64_t b) {
    FLUXOLAB_INVARIANT(at >= m_now, "timer scheduled in the past");
    FLUXOLAB_INVARIANT(component < m_components.size(), "timer for an unregistered component");
    const Timer t{std::max(at, m_now), m_seq++, component, kind, a, b};
    const TimerKey key{t.time, t.seq};
    m_cancellable.emplace(key, t);
    return key;
}

TimeMs Scheduler::nextTime() const {
    if (m_timers.empty()) return m_cancellable.empty() ? -1 : m_cancellable.begin()->first.first;
    if (m_cancellable.empty()) return m_timers.top().time;
    return std::min(m_timers.top().time, m_cancellable.begin()->first.first);
}

bool Scheduler::step() {
    Timer t{};
    const bool fromHeap =
        !m_timers.empty() &&
        (m_cancellable.empty() || TimerKey{m_timers.top().time, m_timers.top().seq} < m_cancellable.begin()->first);
    if (fromHeap) {
        t = m_timers.top();
        m_timers.pop();
    } else if (!m_cancellable.empty()) {
        t = m_cancellable.begin()->second;
        m_cancellable.erase(m_cancellable.begin());
    } else {
        return false;
    }
    FLUXOLAB_INVARIANT(t.time >= m_now, "the virtual clock never goes back");
    m_now = t.time;
    m_components[t.component].handler->onTimer(t);
    return true;
}

} // namespace fluxolab::sim::runtime
