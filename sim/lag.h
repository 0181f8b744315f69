#pragma once
// Consumer lag, the one rule every view, tool, lab check and fluxolab-cli simulate uses.
//
// Kafka 4.3.1's kafka-consumer-groups --describe (ConsumerGroupCommand.getLag): LAG = LOG-END-OFFSET
// - CURRENT-OFFSET, where LOG-END-OFFSET is ListOffsets(latest) with READ_UNCOMMITTED, i.e. the
// leader's high watermark, and CURRENT-OFFSET the group's committed offset. No committed offset (or
// a committed -1) or no end offset (no leader) gives no lag: the tool prints "-". The difference is
// not clamped: a committed offset beyond the high watermark (after an unclean election truncated
// the log) shows as a negative lag, as the real tool prints it. FIDELITY.md §3.1.

#include "sim/types.h"

#include <optional>

namespace fluxolab::sim {

/// LOG-END-OFFSET as kafka-consumer-groups --describe prints it: the partition's high watermark
/// (ListOffsets latest, READ_UNCOMMITTED, answered by the leader), none while it has no leader
/// ("-"). Every place that shows or checks a lag takes the end offset from here: the timeline's
/// view, the tool, the group_lag lab check, fluxolab-cli simulate and the real cluster's observation.
constexpr std::optional<Offset> lagEndOffset(BrokerId leader, Offset high_watermark) {
    if (leader < 0) return std::nullopt;
    return high_watermark;
}

/// LAG = LOG-END-OFFSET - CURRENT-OFFSET (see above), none ("-") without either.
constexpr std::optional<Offset> consumerLag(std::optional<Offset> committed, std::optional<Offset> log_end) {
    if (!committed || *committed == -1 || !log_end) return std::nullopt;
    return *log_end - *committed;
}

} // namespace fluxolab::sim
