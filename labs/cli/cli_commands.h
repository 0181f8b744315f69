#pragma once
// Subcommands of the headless fluxolab-cli. Each takes its arguments (after the subcommand name)
// and streams, and returns the process exit code: 0 ok, 1 a check failed, 2 bad usage or bad input.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs {

using Args = std::vector<std::string>;

struct CliStreams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

int runCli(const Args& args, CliStreams io);

/// Largest file the subcommands read (scenarios, scripts, labs): 16 MiB.
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{16} << 20;
/// Reads a file named on the command line. On failure returns false and sets `error` to the
/// reason, naming the file: it does not exist, is a directory, is not a regular file (a FIFO or a
/// device such as /dev/zero would never end), cannot be read, or is larger than kMaxInputFileBytes.
bool readInputFile(const std::string& path, std::string& text, std::string& error);

int cmdPartition(const Args& args, CliStreams io);
int cmdAssign(const Args& args, CliStreams io);
int cmdSimulate(const Args& args, CliStreams io);
int cmdScript(const Args& args, CliStreams io);
int cmdLab(const Args& args, CliStreams io);
int cmdReplay(const Args& args, CliStreams io);

int cmdGenTrace(const Args& args, CliStreams io);

} // namespace fluxolab::labs
