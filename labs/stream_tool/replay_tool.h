#pragma once
// The stream replay tool: a trace (CSV / JSON Lines) through the stream engine (sim/stream), printing
// every window firing, the late elements, checkpoints, crashes and a summary. One implementation for
// `fluxolab-cli replay` in a real shell and the same command typed in the app's terminal or in a
// `fluxolab-cli script` (labs/kafka_tools/stream_replay_session.cpp): docs/stream.pt.md.

#include "labs/stream_tool/stream_errors.h"
#include "labs/stream_tool/stream_values.h"
#include "labs/traces/trace_reader.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace fluxolab::labs {

/// Runs `replay` with `args` (what follows "replay"); returns the exit code (0 ok, 2 bad usage or
/// bad input, with a "replay: ..." message on `err`). Relative trace paths are relative to `workDir`
/// (empty: the process's working directory).
int runReplay(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const std::string& workDir = {});
/// The same, with a problem met while running (an unreadable or vanished trace, a bad record under
/// --on-error fail, ...) as a code in `failure` instead of a line on `err` (exit code 2), and the notices
/// of a run (records --on-error skip left out, late elements dropped, why nothing fired) as codes in
/// `notices`, in the order the overload above prints them: an edge words them in its own language (the
/// app's terminal), fluxolab-cli prints replayErrorText of each. Argument errors are printed on `err` as
/// the overload above prints them.
int runReplay(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const std::string& workDir, ReplayError& failure, std::vector<ReplayError>& notices);

/// replay's options, parsed (what runReplay runs; the app's stream view loads the same run).
struct ReplayArgs {
    std::string trace; ///< resolved (resolveTraceFile)
    traces::TraceOptions traceOptions;
    StreamJobSpec spec; ///< with the inactivity process function when --process is given
    bool json = false;
    bool finalWatermark = true;   ///< false with --no-final-watermark or --source open
    bool sourceOpen = false;      ///< --source open: processing time runs on after the last element
    std::int64_t inactivity = -1; ///< --process inactivity:T (ms); -1 when absent
    std::uint64_t crashAt = 0;    ///< --crash-at N (0 = no crash)
    bool portuguese = true;       ///< --lang
};
/// Parses replay's arguments into `parsed`. Returns -1 when the run can go ahead, or the exit code when
/// it cannot (0 after --help, printed on `out`; 2 with a "replay: ..." message on `err`).
int parseReplayArgs(const std::vector<std::string>& args, const std::string& workDir, ReplayArgs& parsed,
                    std::ostream& out, std::ostream& err);
/// The same, with the problem as a code and its parameters (no text): -1 when the run can go ahead, 0
/// after --help (error.code Help), 2 with `error` set. replayErrorText(error) is the English the other
/// overload prints after "replay: ".
int parseReplayArgs(const std::vector<std::string>& args, const std::string& workDir, ReplayArgs& parsed,
                    ReplayError& error);

/// replay's arguments as an edge with its own language runs them: "--lang en" then `args` when
/// `portuguese` is false and they do not choose a language themselves (fluxolab-cli's alert defaults
/// to Portuguese; the app's terminal and stream view run replay in the UI language).
std::vector<std::string> replayArgsInLanguage(std::vector<std::string> args, bool portuguese);

/// The file a TRACE argument names: `path` (relative to `workDir`) if it exists; else, for a bare name
/// or "assets/traces/NAME", the bundled sample trace NAME (dataDirectory(DataKind::Traces)); else `path`.
std::string resolveTraceFile(const std::string& path, const std::string& workDir);

/// "5s", "200ms", "1m", "2h", "1d" or plain milliseconds, with a leading '-' allowed; nothing if it is
/// not a duration.
std::optional<std::int64_t> parseDurationMs(const std::string& text);

} // namespace fluxolab::labs
