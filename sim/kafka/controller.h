#pragma once
// The KRaft controller choice, written once: the simulation (Simulation::controllerId), the
// timeline's view of a past moment (ClusterView::controller) and the app's cluster picture all call it.

#include "sim/types.h"

namespace fluxolab::sim::kafka {

/// The node that acts as the KRaft controller: in this simulation every node is a combined
/// broker+controller and the active controller is the lowest node id whose process runs (-1 if none).
/// A fenced broker whose process runs still hosts its controller role (fencing is about the broker
/// role). `brokers` is any range of items with `id` and `alive` (BrokerState, BrokerView).
template <class Brokers> BrokerId kraftController(const Brokers& brokers) {
    for (const auto& b : brokers)
        if (b.alive) return b.id;
    return -1;
}

} // namespace fluxolab::sim::kafka
