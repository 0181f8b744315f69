#pragma once
// Shared helpers of the libFuzzer harnesses (tests/fuzz): bounded runs of Kafka CLI scripts
// against a fresh simulated cluster, so that one input can neither hang nor flood memory.

#include "labs/shell/script_runner.h"
#include "labs/shell/shell_parser.h"
#include "labs/backend/sim_backend.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fluxolab::fuzz {

/// Bounds of one fuzz input (virtual time and output), well below libFuzzer's -timeout.
inline constexpr std::size_t kMaxCommands = 12;
inline constexpr std::size_t kMaxTranscript = 1u << 20;

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A harness's own invariant failed: print it and abort so that libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
    // An empty string_view's data() may be null, which %.*s must not be given even for 0 characters.
    std::fprintf(stderr, "fuzz invariant failed: %s\n%.*s\n", what, static_cast<int>(detail.size()),
                 detail.empty() ? "" : detail.data());
    std::abort();
}

/// Script options for fuzzing: less cluster time per command than a real session.
inline labs::ScriptOptions boundedScriptOptions() {
    labs::ScriptOptions o;
    o.think_ms = 1000;
    o.idle_interrupt_ms = 2000;
    o.max_foreground_ms = 20000;
    return o;
}

/// Runs at most kMaxCommands commands of `script` (stopping early when the transcript is
/// large), then Ctrl+C for the background jobs. `prepare` may rewrite each command first.
template <typename Prepare>
void runBounded(labs::ScriptRunner& runner, labs::ParsedScript script, Prepare prepare) {
    std::string transcript;
    std::size_t n = 0;
    for (auto& cmd : script.commands) {
        if (n++ >= kMaxCommands || transcript.size() > kMaxTranscript) break;
        prepare(cmd);
        if (cmd.argv.empty()) fail("a parsed command has no words");
        runner.runCommand(cmd, transcript);
    }
    runner.stopAll(transcript);
}

} // namespace fluxolab::fuzz
