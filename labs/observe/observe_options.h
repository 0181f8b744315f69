#pragma once
// What an observation of a simulated run is asked for (ObserveOptions) and the partitions it may
// reuse from the last one (PartitionCache): the app's controller holds both, so they are declared
// apart from SimObserver (sim_observer.h), with no sim/ header (tests/layers/labs_sim_leaks.txt).

#include "labs/observe/observation.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace fluxolab::sim {
struct Scenario; // sim/scenario.h
} // namespace fluxolab::sim

namespace fluxolab::labs::observe {

/// What a view wants beyond the state at the moment shown.
struct ObserveOptions {
    sim::TimeMs now = -1;          ///< the moment shown (-1: the time of the view's last event)
    sim::TimeMs appends_ms = 900;  ///< appends within this long before `now` are listed (in flight)
    sim::TimeMs changes_ms = 30000; ///< revocations and assignments within this long are listed
    const sim::Scenario* scenario = nullptr; ///< the producers' topics (their configuration)
};

/// The partitions of an observation no longer shown, handed to the next observe(): their memory is
/// reused (otherwise a view of 10 000 partitions allocates and frees 30 000 small vectors every
/// frame), and while the view only goes forward, a partition no event changed since (its
/// sim::PartitionView::changed) is not written again: a frame at 64x with a 9 999 x 3 topic rewrites
/// the few hundred partitions its events touched, not 10 000.
struct PartitionCache {
    std::vector<Partition> partitions;
    std::size_t position = 0; ///< the view's events when they were filled in
    std::uint64_t epoch = 0;  ///< SimObserver::epoch() then (0: nothing to reuse, memory only)
    // What the last observe() did (for tests and benchmarks).
    std::size_t reused = 0;  ///< partitions left as they were
    std::size_t written = 0; ///< partitions filled in again
};

} // namespace fluxolab::labs::observe
