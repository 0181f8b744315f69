#pragma once
// The smallest and largest event time of an observation's elements, kept by a canvas between frames:
// the observation only appends elements, so the range is extended by the new ones instead of scanning a
// million elements on every frame (StreamObservation::minEventTime/maxEventTime scan them all).

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include <algorithm>
#include <cstddef>
#include <utility>

namespace fluxolab::app {

class EventTimeRange {
public:
    /// {min, max} event time of `o`'s elements; {0, 0} without elements (as the observation's own).
    std::pair<labs::Millis, labs::Millis> of(const stream_observe::StreamObservation& o) const {
        if (&o != m_for || o.elements.size() < m_count) {
            m_for = &o;
            m_count = 0;
            m_lo = labs::kMaxTime;
            m_hi = labs::kMinTime;
        }
        for (; m_count < o.elements.size(); ++m_count) {
            m_lo = std::min(m_lo, o.elements[m_count].eventTime);
            m_hi = std::max(m_hi, o.elements[m_count].eventTime);
        }
        if (o.elements.empty()) return {0, 0};
        return {m_lo, m_hi};
    }

private:
    mutable const stream_observe::StreamObservation* m_for = nullptr;
    mutable std::size_t m_count = 0;
    mutable labs::Millis m_lo = labs::kMaxTime, m_hi = labs::kMinTime;
};

} // namespace fluxolab::app
