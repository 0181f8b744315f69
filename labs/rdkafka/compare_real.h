#pragma once
// fluxolab-cli compare-real: the same terminal script on the simulation and on a real cluster
// (through the librdkafka backend), with ids, hosts and times masked, side by side.

#include "labs/cli/cli_commands.h"
#include "labs/backend/cluster_backend.h"

#include <string>
#include <vector>

namespace fluxolab::labs {

/// Replaces what legitimately differs between two runs: log dates, UUIDs (member ids),
/// the broker addresses in `addresses`, client hosts, record timestamps and the random
/// console-consumer group numbers. In a line that had something masked, runs of spaces become
/// one space (column widths follow the masked values). "TopicId: ..." is dropped: the librdkafka
/// backend cannot read topic ids (librdkafka < 2.5). The rows under a "GROUP ... CONSUMER-ID ..." table
/// header are sorted (their order follows random member ids on a real cluster).
std::string maskTranscript(const std::string& text, const std::vector<std::string>& addresses);

struct DiffLine {
    char mark = ' '; ///< ' ' equal, '|' changed, '<' only on the left, '>' only on the right
    std::string left, right;
};
/// Line diff (longest common subsequence; a deletion next to an insertion becomes a change).
std::vector<DiffLine> diffLines(const std::string& left, const std::string& right);
/// Two columns of `width` characters each with the marker between them.
std::string sideBySide(const std::vector<DiffLine>& lines, std::size_t width, const std::string& left_title,
                       const std::string& right_title);

/// compare-real SCRIPT --bootstrap-server HOST:PORT [--seed S] [--think-ms MS] [--width N] [--clean]
/// Exit codes: 0 same output, 1 differences, 2 bad usage / cluster not reachable.
int cmdCompareReal(const Args& args, CliStreams io);

} // namespace fluxolab::labs
