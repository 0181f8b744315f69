// Placeholder until the Kafka CLI emulation lands (issue #4): replaced by the real commands.
#include "labs/cli_commands.h"

#include <ostream>

namespace fluxolab::labs {

int cmdScript(const Args&, CliStreams io) {
    io.err << "script: not available yet\n";
    return 2;
}

int cmdLab(const Args&, CliStreams io) {
    io.err << "lab: not available yet\n";
    return 2;
}

} // namespace fluxolab::labs
