#include "labs/observe/observation.h"

#include <algorithm>

namespace fluxolab::labs::observe {

const char* groupStateName(GroupState state) {
    switch (state) {
    case GroupState::Unknown: return "Unknown";
    case GroupState::PreparingRebalance: return "PreparingRebalance";
    case GroupState::CompletingRebalance: return "CompletingRebalance";
    case GroupState::Stable: return "Stable";
    case GroupState::Dead: return "Dead";
    case GroupState::Empty: return "Empty";
    }
    return "Unknown";
}

std::optional<GroupState> parseGroupState(std::string_view name) {
    for (GroupState s : {GroupState::Unknown, GroupState::PreparingRebalance, GroupState::CompletingRebalance,
                         GroupState::Stable, GroupState::Dead, GroupState::Empty})
        if (name == groupStateName(s)) return s;
    return std::nullopt;
}

GroupState groupState(sim::GroupState state) {
    switch (state) {
    case sim::GroupState::Empty: return GroupState::Empty;
    case sim::GroupState::PreparingRebalance: return GroupState::PreparingRebalance;
    case sim::GroupState::CompletingRebalance: return GroupState::CompletingRebalance;
    case sim::GroupState::Stable: return GroupState::Stable;
    case sim::GroupState::Dead: return GroupState::Dead;
    }
    return GroupState::Unknown;
}

bool isInternalName(const std::string& name) {
    return name.starts_with("__");
}

const Topic* Observation::topic(const std::string& name) const {
    auto it = std::find_if(topics.begin(), topics.end(), [&](const Topic& t) { return t.name == name; });
    return it == topics.end() ? nullptr : &*it;
}

const Partition* Observation::partition(const std::string& t, std::int32_t p) const {
    auto it = std::find_if(partitions.begin(), partitions.end(),
                           [&](const Partition& x) { return x.topic == t && x.partition == p; });
    return it == partitions.end() ? nullptr : &*it;
}

const Group* Observation::group(const std::string& name) const {
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.name == name; });
    return it == groups.end() ? nullptr : &*it;
}

const Broker* Observation::broker(sim::BrokerId id) const {
    auto it = std::find_if(brokers.begin(), brokers.end(), [&](const Broker& b) { return b.id == id; });
    return it == brokers.end() ? nullptr : &*it;
}

const Consumer* Observation::consumer(std::int32_t index) const {
    return index >= 0 && static_cast<std::size_t>(index) < consumers.size() ? &consumers[static_cast<std::size_t>(index)]
                                                                             : nullptr;
}

sim::BrokerId Observation::controller() const {
    for (const auto& b : brokers)
        if (b.controller) return b.id;
    return -1;
}

} // namespace fluxolab::labs::observe
