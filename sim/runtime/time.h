#pragma once
// The one virtual-time type of every engine (sim::TimeMs is this type).

#include <cstdint>

namespace fluxolab::sim::runtime {

using TimeMs = std::int64_t; ///< virtual time in milliseconds since the run started

} // namespace fluxolab::sim::runtime
