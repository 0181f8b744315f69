#pragma once
// The runtime's virtual clock and timer scheduler, shared by every engine (the Kafka model now, the
// stream engine next). Plain C++20: no wall clock, no threads.
//
// A component registers itself once (registerComponent) and gets a ComponentId; it then schedules
// timers of its own kinds (a small integer it defines, usually an enum class, see TimerChannel) with
// two integer payloads whose meaning it owns. Timers fire in (time, insertion sequence) order across
// all components, so the order of events never depends on which component scheduled them.

#include "sim/runtime/time.h"

#include <cstdint>
#include <map>
#include <queue>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fluxolab::sim::runtime {

using ComponentId = std::uint16_t;

/// A timer as the scheduler holds it: 32 bytes.
struct Timer {
    TimeMs time = 0;
    std::uint64_t seq = 0;       ///< insertion order: breaks ties between timers due at the same time
    ComponentId component = 0;   ///< who handles it
    std::uint16_t kind = 0;      ///< the component's own timer kind
    std::int32_t a = 0;          ///< payloads: their meaning belongs to the component and its kind
    std::int64_t b = 0;
    bool operator>(const Timer& o) const { return time != o.time ? time > o.time : seq > o.seq; }
};

/// Identifies a withdrawable timer (its place in the (time, seq) order).
using TimerKey = std::pair<TimeMs, std::uint64_t>;

/// What a component implements to receive its timers.
class TimerHandler {
public:
    virtual void onTimer(const Timer& timer) = 0;

protected:
    ~TimerHandler() = default;
};

class Scheduler {
public:
    /// Registers a component; its timers go to `handler` (which must outlive the scheduler's use).
    /// `name` is for diagnostics and must be unique.
    ComponentId registerComponent(std::string_view name, TimerHandler& handler);
    const std::string& componentName(ComponentId id) const { return m_components[id].name; }
    std::size_t componentCount() const { return m_components.size(); }

    TimeMs now() const { return m_now; }
    /// Schedules a timer at `at` (>= now: a timer never goes off in the past).
    void schedule(TimeMs at, ComponentId component, std::uint16_t kind, std::int32_t a = 0, std::int64_t b = 0);
    /// A timer that can be withdrawn (request timeouts: nearly all of them are answered long
    /// before they expire, and left in the heap they pile up by the hundred thousand). It takes its
    /// place in the (time, seq) order exactly as schedule() would.
    TimerKey scheduleCancellable(TimeMs at, ComponentId component, std::uint16_t kind, std::int32_t a = 0,
                                 std::int64_t b = 0);
    void cancel(const TimerKey& key) { m_cancellable.erase(key); }

    /// Time of the next timer, or -1 when none is scheduled.
    TimeMs nextTime() const;
    /// Fires the next timer (the clock moves to its time first); false when none is scheduled.
    bool step();
    /// Moves the clock forward to `t` without firing anything (no-op if `t` is not later than now).
    void advanceTo(TimeMs t) {
        if (t > m_now) m_now = t;
    }
    /// Timers waiting (both kinds).
    std::size_t pending() const { return m_timers.size() + m_cancellable.size(); }

private:
    struct Component {
        std::string name;
        TimerHandler* handler = nullptr;
    };
    TimeMs m_now = 0;
    std::uint64_t m_seq = 0;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> m_timers;
    std::map<TimerKey, Timer> m_cancellable; ///< withdrawable timers, merged with m_timers by (time, seq)
    std::vector<Component> m_components;
};

/// A component's typed view of the scheduler: timers of kind `Kind` (an enum whose values fit in 16
/// bits), delivered back to the component as TypedTimer<Kind>.
template <class Kind> struct TypedTimer {
    TimeMs time = 0;
    Kind kind{};
    std::int32_t a = 0;
    std::int64_t b = 0;
};

template <class Kind> class TimerChannel {
public:
    TimerChannel() = default;
    TimerChannel(Scheduler& scheduler, std::string_view name, TimerHandler& handler)
        : m_scheduler(&scheduler), m_id(scheduler.registerComponent(name, handler)) {}

    ComponentId id() const { return m_id; }
    void schedule(TimeMs at, Kind kind, std::int32_t a = 0, std::int64_t b = 0) {
        m_scheduler->schedule(at, m_id, static_cast<std::uint16_t>(kind), a, b);
    }
    TimerKey scheduleCancellable(TimeMs at, Kind kind, std::int32_t a = 0, std::int64_t b = 0) {
        return m_scheduler->scheduleCancellable(at, m_id, static_cast<std::uint16_t>(kind), a, b);
    }
    void cancel(const TimerKey& key) { m_scheduler->cancel(key); }
    /// The typed form of a timer this channel scheduled.
    static TypedTimer<Kind> typed(const Timer& t) { return {t.time, static_cast<Kind>(t.kind), t.a, t.b}; }

private:
    Scheduler* m_scheduler = nullptr;
    ComponentId m_id = 0;
};

} // namespace fluxolab::sim::runtime
