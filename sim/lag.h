#pragma once
// Consumer lag, the one rule every view, tool and lab check uses.
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

constexpr std::optional<Offset> consumerLag(std::optional<Offset> committed, std::optional<Offset> log_end) {
    if (!committed || *committed == -1 || !log_end) return std::nullopt;
    return *log_end - *committed;
}

} // namespace fluxolab::sim
