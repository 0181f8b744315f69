#pragma once
// The options of the emulated Kafka 4.3 tools, as data: name, argument, description and
// default, exactly as the real tools declare them (their --help output is generated from this
// table by joptHelpTable()). The same table drives the emulation's option parser.

#include "labs/kafka_tools/jopt_help.h"

#include <span>
#include <string>
#include <string_view>

namespace fluxolab::labs {

struct ToolSpec {
    std::string_view name;                 ///< "kafka-topics", ...
    std::span<const ToolOption> options;
    std::string_view help_message;         ///< the line printed above the table for --help
};

/// The spec of "kafka-topics", "kafka-console-producer", "kafka-console-consumer" or
/// "kafka-consumer-groups"; nullptr for anything else.
const ToolSpec* findToolSpec(std::string_view tool);
/// The tool's option table (formatted once, then cached).
const std::string& toolHelpTable(const ToolSpec& tool);

} // namespace fluxolab::labs
