#pragma once
// Runs shell-like scripts of Kafka CLI commands against a ClusterBackend and renders the
// terminal transcript: each command echoed after a "$ " prompt ("> " for continuation and
// heredoc lines), then its output (stdout and stderr, in order).
//
// Besides the four Kafka tools the runner understands the shell built-ins of labs/shell/builtins.h
// (`sleep SECONDS`, `echo`, `kill %N`, shared with the app's terminal) and a trailing `&` (runs a
// command in the background, like another terminal tab; `kill %N` stops job N). Between two commands the
// student "thinks" for ScriptOptions::think_ms of cluster time.

#include "labs/kafka_tools/kafka_cli.h"
#include "labs/shell/shell_parser.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace fluxolab::labs {

struct HistoryEntry {
    std::string kind;              ///< commandKindName(), or "sleep", "kill", "echo", "shell-error"
    std::vector<std::string> argv;
    int exit_code = 0;
    TimeMs at_ms = 0;              ///< cluster time when the command started (epoch ms)
    std::vector<NoteId> notes;
    std::string output; ///< CommandSession::recordedOutput(): the standard output of `fluxolab-cli replay`
};

struct ScriptOptions {
    TimeMs think_ms = 5000;             ///< cluster time between two commands
    TimeMs idle_interrupt_ms = 3000;    ///< a limitless foreground consumer gets Ctrl+C after this idle time
    TimeMs max_foreground_ms = 600000;  ///< safety cap for any foreground command
    std::optional<Language> notes;      ///< print teaching notes in this language
    std::string base_dir;               ///< for `< file` redirections and --from-file
    /// Cancels the run (not owned; nullptr: none): once true, no further command starts and a
    /// foreground command running gets Ctrl+C at its next pump (within about 100 ms of cluster time).
    const std::atomic<bool>* cancel = nullptr;
};

class ScriptRunner {
public:
    ScriptRunner(ClusterBackend& backend, ScriptOptions options = {});
    ~ScriptRunner();
    /// Runs every command; appends the transcript. Commands that fail do not stop the script;
    /// ScriptOptions::cancel does.
    void run(const ParsedScript& script, std::string& transcript);
    /// Runs one parsed command (used by run()).
    void runCommand(const ShellCommand& cmd, std::string& transcript);
    /// Ctrl+C for every background job still running (end of the session).
    void stopAll(std::string& transcript);
    const std::vector<HistoryEntry>& history() const { return m_history; }

private:
    struct Job {
        int number = 0;
        std::unique_ptr<CommandSession> session;
        std::vector<std::string> argv;
    };
    void emit(CommandSession& s, std::string& transcript);
    void collectBackground(std::string& transcript);
    void appendNotes(const std::vector<NoteId>& notes, std::string& transcript);
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }

    ClusterBackend& m_backend;
    KafkaCli m_cli;
    ScriptOptions m_options;
    std::vector<Job> m_jobs;
    int m_nextJob = 1;
    std::vector<HistoryEntry> m_history;
};

} // namespace fluxolab::labs
