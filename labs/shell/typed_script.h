#pragma once
// The terminal's session as a script: the command lines a student typed (in any tab, in order) and
// the lines typed into a console producer that read them, written as a terminal script
// (`fluxolab-cli script`, `compare-real`) that does the same: a producer's typed lines become a
// here-document of its command.

#include <string>
#include <vector>

namespace fluxolab::labs {

struct TypedCommand {
    std::string text;               ///< the command as typed (continuation lines joined by "\\\n")
    std::vector<std::string> input; ///< lines typed into it while it ran (a console producer)
};

/// The script of `commands` (each ending in a newline). A command with typed input gets
/// `<<'EOF'` (a delimiter that none of its lines is) and its lines; one that has its own
/// here-document or `< file` is written as typed.
std::string scriptFromTyped(const std::vector<TypedCommand>& commands);

} // namespace fluxolab::labs
