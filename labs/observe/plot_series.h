#pragma once
// The plots' time series (throughput, high watermarks, consumer lag): backend-neutral samples of
// the cluster at regular moments, part of the observation model. The simulation fills them from
// its journal (labs::observe::PlotSampler: every sample at its exact virtual time, past moments
// included); a real cluster fills them from its observations as they come (app/real).

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fluxolab::labs::observe {

/// Samples for the plots (time in seconds of cluster time). A lag series starts with NaN up to
/// the sample where its group or partition first appears.
struct PlotSeries {
    /// (topic ordinal, partition): the topic's ordinal is the backend's (the simulation's journal
    /// topic index; a real cluster's order of first sight).
    using TopicPartitionOrdinal = std::pair<std::int32_t, std::int32_t>;
    using PartitionLagKey = std::pair<std::int32_t, TopicPartitionOrdinal>; ///< (group ordinal, partition)

    std::vector<double> time_s;
    std::vector<double> produce_rate;            ///< records appended per second (last second)
    std::vector<double> consume_rate;            ///< records consumed per second (last second)
    std::vector<double> hw_total;                ///< sum of high watermarks over all partitions
    std::vector<double> leo_total;               ///< sum of leader LEOs over all partitions
    std::map<std::int32_t, std::vector<double>> group_lag;     ///< group ordinal -> committed lag
    std::map<PartitionLagKey, std::vector<double>> partition_lag; ///< (group, partition) -> lag
    std::map<std::int32_t, std::string> group_names;          ///< the names of group_lag's keys
    std::map<PartitionLagKey, std::pair<std::string, std::int32_t>> partition_names; ///< (topic, partition) of partition_lag's keys
    void clear() { *this = PlotSeries{}; }
};

} // namespace fluxolab::labs::observe
