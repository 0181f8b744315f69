#pragma once
// What DescribeConfigs reports as a topic's non-default configs, in the order `kafka-topics --describe`
// prints them after "Configs:". One rule for the emulated tool (labs/backend) and the app's views
// (labs/observe): both must show the same string.

#include "sim/cluster.h"

#include <string>
#include <utility>
#include <vector>

namespace fluxolab::sim {

/// The topic's overrides plus what the broker reports as non-default for every topic (the course's
/// log.segment.bytes, a STATIC_BROKER_CONFIG, except on __consumer_offsets; min.insync.replicas, which the
/// 4.x controller stores cluster-wide with eligible leader replicas on), in the admin client's HashMap order.
std::vector<std::pair<std::string, std::string>> describedTopicConfigs(const std::string& topic,
                                                                       const TopicConfigs& configs,
                                                                       const BrokerDefaults& defaults);

} // namespace fluxolab::sim
