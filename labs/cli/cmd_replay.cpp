// fluxolab-cli replay: the stream replay tool (labs/stream_tool/replay_tool.h), which the app's terminal
// and fluxolab-cli script run too.
#include "labs/cli/cli_commands.h"
#include "labs/stream_tool/replay_tool.h"

namespace fluxolab::labs {

int cmdReplay(const Args& args, CliStreams io) {
    return runReplay(args, io.out, io.err);
}

} // namespace fluxolab::labs
