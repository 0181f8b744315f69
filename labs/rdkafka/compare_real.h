#pragma once
// fluxolab-cli compare-real: the same terminal script on the simulation and on a real cluster
// (through the librdkafka backend), with ids, hosts and times masked, side by side.

#include "labs/cli/cli_commands.h"
#include "labs/backend/cluster_backend.h"
#include "labs/rdkafka/rdkafka_backend.h"

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

/// How one comparison runs.
struct CompareOptions {
    std::uint64_t seed = 1;      ///< the fresh simulation's seed
    std::int64_t think_ms = 5000; ///< time between two commands (the real run waits it)
    /// Before the run, delete every topic and group of the cluster (the simulation starts empty).
    bool empty_first = false;
    /// After the run, delete the topics and groups the script itself created on the cluster: the
    /// topics its own `kafka-topics.sh --create` commands created (RdKafkaBackend::topicsCreatedHere),
    /// and the groups its consumers and offset resets used that were not on the cluster before the
    /// run. What another client created meanwhile is never touched. Not done when the run was cancelled.
    bool clean = false;
    int probe_timeout_ms = 10000;
    /// Not owned; nullptr: none. Read before each step and each command, and by the real cluster's
    /// client while it waits (RdKafkaConnection::abort): once true the job stops within about 100 ms
    /// (blocking metadata and ListOffsets calls included) and closes its librdkafka clients.
    const std::atomic<bool>* cancel = nullptr;
};

/// One comparison: the script's outputs on the simulation and on the real cluster, masked. What went
/// wrong is told by enums (the app translates them); `detail` is the text of the program that said
/// it (the shell parser's bash message, librdkafka's error), in English as those programs write it.
struct CompareOutcome {
    enum class Status { Done, BadScript, Unreachable, Cancelled };
    enum class ScriptProblem { None, NoCommands, Syntax };
    Status status = Status::Done;
    ScriptProblem script_problem = ScriptProblem::None; ///< BadScript: why
    int error_line = 0;                                 ///< BadScript: the script's line (0: the whole script)
    ClientError client = ClientError::None;             ///< Unreachable: why the cluster did not answer
    std::string detail;                                 ///< see above (may be empty)
    /// The cluster already had topics or groups before the run (and empty_first was false).
    bool cluster_not_empty = false;
    /// Still on the cluster after the run and created by it (see CompareOptions::clean).
    std::vector<std::string> created_topics, created_groups;
    std::vector<std::string> deleted_topics, deleted_groups; ///< clean: deleted after the run
    std::vector<std::string> not_deleted_topics, not_deleted_groups; ///< clean: their deletion failed
    std::string simulation, real;                            ///< the masked transcripts
    std::vector<DiffLine> diff;
    std::size_t differing = 0; ///< lines of diff whose mark is not ' '
};
/// The English sentence for a failed outcome (fluxolab-cli); the app translates the enums instead.
std::string compareProblemText(const CompareOutcome& outcome, const std::string& bootstrap);
/// Runs `script` (the text of a terminal script; `base_dir` resolves its relative files) on a
/// fresh simulation and on the cluster `connection` reaches (its security settings included).
/// Blocks (the real run waits for the cluster): call it off the GUI thread.
CompareOutcome compareReal(const std::string& script, const std::string& base_dir, const RdKafkaConnection& connection,
                           const CompareOptions& options = {});

/// Reads --command-config FILE (as Kafka's tools take it) into `c`: security.protocol,
/// sasl.mechanism, sasl.jaas.config (its username and password) or sasl.username/sasl.password,
/// ssl.ca.location. The password goes into the SecretString only; the file's bytes are read into
/// one buffer (read(2), no stream buffer) that is overwritten before it is freed.
bool readCommandConfig(const std::string& file, RdKafkaConnection& c, std::string& error);

/// compare-real SCRIPT --bootstrap-server HOST:PORT [--seed S] [--think-ms MS] [--width N] [--empty-first] [--clean]
/// Exit codes: 0 same output, 1 differences, 2 bad usage / cluster not reachable.
int cmdCompareReal(const Args& args, CliStreams io);

} // namespace fluxolab::labs
