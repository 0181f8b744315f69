#pragma once
// Subcommands of the headless fluxolab-cli. Each takes its arguments (after the subcommand name)
// and streams, and returns the process exit code: 0 ok, 1 a check failed, 2 bad usage or bad input.

#include <iosfwd>
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

int cmdPartition(const Args& args, CliStreams io);
int cmdAssign(const Args& args, CliStreams io);
int cmdSimulate(const Args& args, CliStreams io);
int cmdScript(const Args& args, CliStreams io);
int cmdLab(const Args& args, CliStreams io);

} // namespace fluxolab::labs
