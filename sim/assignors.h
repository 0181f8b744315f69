#pragma once
// Client-side partition assignors of the classic consumer group protocol, with the same output as
// Kafka's Java assignors (RangeAssignor, RoundRobinAssignor, StickyAssignor, CooperativeStickyAssignor)
// for the same members, subscriptions and previous ownership. See shared/FIDELITY.md §2.

#include "sim/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::sim {

enum class AssignorKind : std::uint8_t { Range, RoundRobin, Sticky, CooperativeSticky };

/// Kafka's protocol name: "range", "roundrobin", "sticky", "cooperative-sticky".
const char* assignorName(AssignorKind kind);
/// Parses a protocol name (also accepts the Java class simple names, e.g. "RangeAssignor").
std::optional<AssignorKind> parseAssignor(const std::string& name);
/// True for assignors that support the COOPERATIVE rebalance protocol (only cooperative-sticky).
bool isCooperative(AssignorKind kind);

/// One group member as the leader sees it in the JoinGroup response.
struct MemberSubscription {
    std::string member_id;
    std::optional<std::string> group_instance_id; ///< static membership (sorted first by Range/RoundRobin)
    std::vector<std::string> topics;              ///< subscribed topics
    std::vector<TopicPartition> owned;            ///< partitions owned before this rebalance (sticky family)
    std::int32_t generation = -1;                 ///< generation of `owned` (-1 = unknown)
};

/// member id -> assigned partitions, sorted by (topic, partition). Every member of the input appears,
/// possibly with an empty list.
using GroupAssignment = std::map<std::string, std::vector<TopicPartition>>;

/// Runs the assignor. `partitions_per_topic` maps topic name -> partition count; subscribed topics
/// missing from it are ignored (as Kafka ignores topics without metadata).
/// For CooperativeSticky, partitions that change owner are removed from the result (they are
/// assigned in the follow-up rebalance), exactly as CooperativeStickyAssignor.adjustAssignment does.
GroupAssignment assignPartitions(AssignorKind kind, const std::map<std::string, std::int32_t>& partitions_per_topic,
                                 const std::vector<MemberSubscription>& members);

} // namespace fluxolab::sim
