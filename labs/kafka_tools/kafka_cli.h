#pragma once
// Emulation of Kafka 4.3.1's command-line tools (kafka-topics, kafka-console-producer,
// kafka-console-consumer, kafka-consumer-groups, kafka-leader-election, kafka-configs, kafka-get-offsets) over a ClusterBackend, one file per tool
// (kafka_cli_*.cpp). KafkaCli also starts `fluxolab-cli replay`, the stream tool (not a Kafka tool:
// stream_replay_session.cpp), so that the terminal and scripts run it like the Kafka tools. Output text, column widths, stream (stdout/stderr) and exit codes follow the
// real tools (FIDELITY §3; tests/labs/golden/real/ holds what the real 4.3.1 tools printed).
//
// A command runs as a CommandSession: admin commands finish at once, unless no broker answers at
// --bootstrap-server (they then log their connection attempts while the caller pumps cluster
// time, until their timeout); the console producer reads input lines; the console consumer runs
// while the caller pumps cluster time, until --max-messages, --timeout-ms or interrupt() (Ctrl+C).

#include "labs/backend/cluster_backend.h"
#include "labs/common/teaching_notes.h"
#include "labs/stream_tool/stream_errors.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs {

enum class OutStream : std::uint8_t { Out, Err };

struct OutputChunk {
    OutStream stream = OutStream::Out;
    std::string text;
    /// fluxolab-cli's own error (not a Kafka tool's English): `text` is the CLI's English line, and an
    /// edge with another language words the code instead (the app's terminal: ErrorTexts::replayError).
    std::optional<ReplayError> replayError;
};

/// Kind of command, for the lab engine's "command was run" checks ("topics.create", ...).
enum class CommandKind : std::uint8_t {
    TopicsCreate, TopicsList, TopicsDescribe, TopicsDelete, TopicsAlter, TopicsOther,
    ConsoleProducer, ConsoleConsumer,
    GroupsList, GroupsDescribe, GroupsResetOffsets, GroupsDelete, GroupsDeleteOffsets, GroupsOther,
    StreamReplay, ///< fluxolab-cli replay (the stream engine, labs/stream_tool)
    LeaderElection, ///< kafka-leader-election
    ConfigsDescribe, ConfigsAlter, ConfigsOther, ///< kafka-configs --describe / --alter / neither (an error)
    GetOffsets, ///< kafka-get-offsets
    Unknown,
};
const char* commandKindName(CommandKind kind);

class CommandSession {
public:
    virtual ~CommandSession() = default;
    bool finished() const { return m_finished; }
    int exitCode() const { return m_exit; }
    CommandKind kind() const { return m_kind; }
    const std::vector<NoteId>& notes() const { return m_notes; }
    /// What a command keeps for the lab checks besides its exit code: `fluxolab-cli replay` keeps its
    /// whole standard output (the stream checks read its firings, LATE, OUTPUT and CRASH lines); the
    /// Kafka tools keep nothing.
    const std::string& recordedOutput() const { return m_recorded; }
    /// Output produced since the last call, in order.
    std::vector<OutputChunk> takeOutput();

    /// Console producer: one line of input (without '\n'); endOfInput() is EOF / Ctrl+D.
    virtual bool readsInput() const { return false; }
    virtual void inputLine(const std::string& line) { (void)line; }
    virtual void endOfInput() {}
    /// Lets `ms` of cluster time pass while the command runs (0: just collect what happened).
    virtual void pump(TimeMs ms) { (void)ms; }
    /// Ctrl+C.
    virtual void interrupt() {}
    /// True when the command would run until Ctrl+C (a console consumer without limits).
    virtual bool runsUntilInterrupted() const { return false; }
    /// Time since the command last produced output (idle detection for scripts), ms.
    virtual TimeMs idleMs() const { return 0; }
    /// True while the command runs elsewhere (the app's real-cluster mode runs it on a worker
    /// thread) and has not yet reported the outcome of the last start or interrupt(): its
    /// finished(), exitCode(), kind() and readsInput() are not known yet. Ask again later.
    virtual bool settling() { return false; }

protected:
    void out(std::string text) { m_output.push_back({OutStream::Out, std::move(text), std::nullopt}); }
    void err(std::string text) { m_output.push_back({OutStream::Err, std::move(text), std::nullopt}); }
    void err(std::string text, ReplayError error) {
        m_output.push_back({OutStream::Err, std::move(text), std::move(error)});
    }
    void note(NoteId id);
    void record(std::string text) { m_recorded = std::move(text); }
    void finish(int code) {
        m_finished = true;
        m_exit = code;
    }
    CommandKind m_kind = CommandKind::Unknown;

private:
    std::vector<OutputChunk> m_output;
    std::vector<NoteId> m_notes;
    std::string m_recorded;
    bool m_finished = false;
    int m_exit = 0;
};

class KafkaCli {
public:
    explicit KafkaCli(ClusterBackend& backend) : m_backend(backend) {}
    /// Starts a command. `interactive`: input comes from a terminal (the producer prints '>').
    std::unique_ptr<CommandSession> start(const std::vector<std::string>& argv, bool interactive = false);
    /// "kafka-topics" for "bin/kafka-topics.sh", "./bin/windows/kafka-topics.bat", ...; else "".
    static std::string toolName(const std::string& argv0);
    /// The long options a tool accepts ("--topic", ...), sorted, for Tab completion; {} if unknown.
    static std::vector<std::string> toolOptions(const std::string& tool);
    /// Directory that relative file names given to the tools (--from-file) are relative to; empty
    /// (the default) means the process's working directory.
    void setWorkingDirectory(std::string dir) { m_workDir = std::move(dir); }
    /// The language of `fluxolab-cli replay`'s alert (--process inactivity) when its command line has
    /// no --lang: Portuguese, fluxolab-cli's own default, unless an edge in English sets it.
    void setReplayLanguage(Language language) { m_replayLanguage = language; }

private:
    ClusterBackend& m_backend;
    std::string m_workDir;
    std::uint32_t m_random = 12345; ///< console-consumer-<n> group ids
    Language m_replayLanguage = Language::Portuguese;
};

/// True for "fluxolab-cli" typed with or without a folder ("build/labs/fluxolab-cli", "./fluxolab-cli").
bool isFluxolabCli(const std::string& argv0);

/// Renders epoch milliseconds as log4j's "[yyyy-MM-dd HH:mm:ss,SSS]" date (UTC).
std::string formatLogDate(TimeMs epoch_ms);
} // namespace fluxolab::labs
