#pragma once
// The option table Kafka's command-line tools print with their usage errors and --help:
// jopt-simple's BuiltinHelpFormatter (80 columns, 2-space separator), whose line wrapping uses
// Java's BreakIterator.getLineInstance(). Behaviour reproduced from their documented output
// (checked byte for byte against the real Kafka 4.3.1 tools by tests/labs/golden/help_*.txt).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::labs {

enum class OptArg : std::uint8_t { None, Required, Optional };

/// One option of a tool, as declared with jopt-simple (parser.accepts(...)).
struct ToolOption {
    constexpr ToolOption(std::string_view name_, OptArg arg_, std::string_view type_, std::string_view arg_desc_,
                         std::string_view description_, std::string_view default_value_ = {})
        : name(name_), arg(arg_), type(type_), arg_desc(arg_desc_), description(description_),
          default_value(default_value_) {}
    std::string_view name;          ///< without the leading "--"
    OptArg arg;
    std::string_view type;          ///< ofType(...) simple name: String, Integer, Long (unused without argument)
    std::string_view arg_desc;      ///< describedAs(...), may be empty
    std::string_view description;   ///< may contain '\n' (separate lines in the table)
    std::string_view default_value; ///< defaultsTo(...), empty when none
};

/// Java's BreakIterator.getLineInstance() boundaries for one line of ASCII text: the pieces a
/// line may be broken between (each keeps its trailing spaces and at most one tab). The JDK's line
/// rules as a longest match; equal to JDK 17's pieces on 90 000 random lines of letters, digits,
/// spaces, tabs and punctuation but one (a rare run of apostrophes, dashes and '$').
std::vector<std::string_view> javaLineBreakPieces(std::string_view line);

/// The table jopt-simple's printHelpOn() writes ("Option  Description" header, dividers, one row
/// group per option sorted by name), each line padded to its column widths and ended by '\n'.
std::string joptHelpTable(std::span<const ToolOption> options);

} // namespace fluxolab::labs
