#include "labs/shell/typed_script.h"

#include "labs/shell/shell_parser.h"

#include <algorithm>

namespace fluxolab::labs {

std::string scriptFromTyped(const std::vector<TypedCommand>& commands) {
    std::string out;
    for (const TypedCommand& c : commands) {
        std::string text = c.text;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        if (text.empty()) continue;
        const ParsedScript parsed = parseScript(text);
        const bool ownInput = !parsed.error && parsed.commands.size() == 1 &&
                              (parsed.commands.front().heredoc || parsed.commands.front().input_file ||
                               parsed.commands.front().background);
        if (c.input.empty() || ownInput) {
            out += text + "\n";
            continue;
        }
        std::string delim = "EOF";
        for (int n = 1; std::find(c.input.begin(), c.input.end(), delim) != c.input.end(); ++n)
            delim = "EOF" + std::to_string(n);
        out += text + " <<'" + delim + "'\n";
        for (const std::string& line : c.input) out += line + "\n";
        out += delim + "\n";
    }
    return out;
}

} // namespace fluxolab::labs
