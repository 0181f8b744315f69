// libFuzzer harness: the shell parser (labs/shell/shell_parser.h) that reads scripts, lab solutions and
// every line typed in the app's terminal.
#include "fuzz_common.h"

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    const labs::ParsedScript parsed = labs::parseScript(text);
    int lastLine = 0;
    for (const auto& cmd : parsed.commands) {
        if (cmd.argv.empty()) fuzz::fail("a parsed command has no words", text);
        if (cmd.line <= lastLine) fuzz::fail("command lines do not increase", text);
        if (cmd.typed_lines.empty()) fuzz::fail("a command has no typed lines", text);
        lastLine = cmd.line;
    }
    if (parsed.error && (parsed.error->line < 1 || parsed.error->message.empty()))
        fuzz::fail("a parse error without a line or a message", text);

    std::string error;
    const auto words = labs::splitWords(text, &error);
    if (!words && error.empty()) fuzz::fail("splitWords failed without a message", text);
    return 0;
}
