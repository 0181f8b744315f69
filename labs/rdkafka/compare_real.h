#pragma once
// fluxolab-cli compare-real: the same terminal script on the simulation and on a real cluster
// (through the librdkafka backend), with ids, hosts and times masked, side by side.

#include "labs/cli/cli_commands.h"
#include "labs/backend/cluster_backend.h"

#include <atomic>
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

/// One comparison: the script's outputs on the simulation and on the real cluster, masked.
struct CompareOutcome {
    enum class Status { Done, BadScript, Unreachable, Cancelled };
    Status status = Status::Done;
    std::string error;             ///< BadScript / Unreachable: what went wrong (English, for the CLI)
    int error_line = 0;            ///< BadScript: the script's line (0: the whole script)
    std::string warning;           ///< the cluster already had topics or groups (and clean was false)
    std::string simulation, real;  ///< the masked transcripts
    std::vector<DiffLine> diff;
    std::size_t differing = 0;     ///< lines of diff whose mark is not ' '
};
/// Runs `script` (the text of a terminal script; `base_dir` resolves its relative files) on a
/// fresh simulation (`seed`) and on the cluster at `bootstrap`. Blocks (the real run waits for the
/// cluster): call it off the GUI thread. `cancel` is read between the steps (before the probe, before
/// each run); a run already started goes to its end.
CompareOutcome compareReal(const std::string& script, const std::string& base_dir, const std::string& bootstrap,
                           std::uint64_t seed = 1, std::int64_t think_ms = 5000, bool clean = false,
                           const std::atomic<bool>* cancel = nullptr, int probe_timeout_ms = 10000);

/// compare-real SCRIPT --bootstrap-server HOST:PORT [--seed S] [--think-ms MS] [--width N] [--clean]
/// Exit codes: 0 same output, 1 differences, 2 bad usage / cluster not reachable.
int cmdCompareReal(const Args& args, CliStreams io);

} // namespace fluxolab::labs
