#pragma once
// The shell built-ins that every front end runs the same way: the app's terminal and
// fluxolab-cli script (ScriptRunner). `sleep SECONDS` lets cluster time pass (at most
// kMaxSleepSeconds per sleep), `echo WORDS` prints its arguments, `kill %N` stops background job N
// (Ctrl+C). The caller applies the outcome: it prints the text, advances its clock and records the
// history entry; what a front end adds of its own (the terminal's clear, history, help) stays there.

#include "labs/backend/cluster_backend.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::labs {

enum class Builtin : std::uint8_t { Sleep, Echo, Kill };

/// Every built-in, for lists that name them (the terminal's Tab completion, the lab checks' kinds).
inline constexpr Builtin kBuiltins[] = {Builtin::Sleep, Builtin::Echo, Builtin::Kill};
/// The built-in called `name` ("sleep", "echo", "kill"); nullopt for anything else.
std::optional<Builtin> builtinNamed(std::string_view name);
/// Its name, also the HistoryEntry kind the lab checks see.
const char* builtinName(Builtin b);

/// Longest `sleep`: an hour of cluster time.
inline constexpr double kMaxSleepSeconds = 3600;

struct BuiltinOutcome {
    std::string out; ///< stdout text (each line ends in '\n')
    std::string err; ///< stderr text, as bash prints it
    int exit_code = 0;
    TimeMs advance_ms = 0; ///< cluster time to let pass (sleep)
};

/// Runs built-in `b` with `argv` (argv[0] is its name). `interrupt_job(n)` sends Ctrl+C to background
/// job n and returns false if there is no such job (a front end without jobs passes one that
/// always returns false).
BuiltinOutcome runBuiltin(Builtin b, const std::vector<std::string>& argv,
                          const std::function<bool(int)>& interrupt_job);

} // namespace fluxolab::labs
