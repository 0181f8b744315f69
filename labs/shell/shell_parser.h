#pragma once
// A small shell-like parser for the commands students type: words with '...' and "..." quoting
// and backslash escapes, backslash-newline continuations, comments, `< file` input redirection,
// heredocs (`<<EOF`, `<<'EOF'`, `<<-EOF`) for the console producer's input, and a trailing `&`
// that runs a command in the background (like a second terminal tab). Pipes, output redirections,
// lists and command substitution (`...`, $(...)) are refused: one command per line.

#include "labs/common/teaching_notes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::labs {

struct ShellCommand {
    std::vector<std::string> argv;
    std::optional<std::string> heredoc;    ///< heredoc body, each line ending in '\n'
    std::optional<std::string> input_file; ///< `< file`
    bool background = false;
    /// Physical lines as typed (continuations and heredoc body included), for the transcript.
    std::vector<std::string> typed_lines;
    int line = 0; ///< 1-based line of the command in its script
};

/// What a shell operator FluxoLab's shell does not run would do in bash.
enum class ShellOperatorKind : std::uint8_t {
    Pipe,         ///< |
    Redirection,  ///< >, >>
    List,         ///< ;, &&, ||, & before another command
    Substitution, ///< `...`, $(...)
};

struct ShellParseError {
    int line = 0;
    std::string message; ///< English (bash's words for its syntax errors)
    /// A shell operator bash would run (|, >, ;, &&, `...`, $(...)) that FluxoLab's shell does not: not a
    /// bash error, so a terminal says it as FluxoLab's note rather than as "bash: ...".
    bool unsupported = false;
    std::string op; ///< unsupported: the operator as typed ("|", "&&", "`", "$(")
    ShellOperatorKind kind = ShellOperatorKind::Pipe; ///< unsupported: what it does in bash
};

struct ParsedScript {
    std::vector<ShellCommand> commands;
    std::optional<ShellParseError> error;
};

/// An error of parseScript as fluxolab-cli prints it in `lang` (its script and lab commands): an
/// unsupported operator named, with what to write instead (one command per line); else `message`.
std::string shellErrorText(const ShellParseError& error, Language lang);
/// An unsupported operator as the messages show it: as typed, a substitution with its "...".
std::string shellOperatorShown(const ShellParseError& error);

/// Parses a whole script. Blank lines and comment-only lines are skipped.
ParsedScript parseScript(std::string_view text);

/// Splits one logical command (no heredoc body) into words; nullopt + error text if malformed
/// (e.g. an unterminated quote).
std::optional<std::vector<std::string>> splitWords(std::string_view text, std::string* error = nullptr);

} // namespace fluxolab::labs
