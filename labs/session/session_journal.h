#pragma once
// The journal of an interactive terminal session over a lab's cluster, and its headless replay.
//
// The simulation is deterministic: the same seed and the same inputs at the same virtual times
// give the same cluster. The app journals what the student did in the terminal tabs (commands
// started with their heredoc/file input, producer input lines, Ctrl+D, Ctrl+C, the shell
// built-ins' history entries and every clock tick, run-length encoded) and saves it with the
// seed; on restore JournalReplayer runs it again against a fresh cluster, without a terminal, so
// the topics, records and groups come back as they were. A command still running when the
// journal ends (the app was closed) is stopped as with Ctrl+C.

#include "labs/kafka_tools/kafka_cli.h"
#include "labs/shell/script_runner.h"
#include "sim/scenario.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs {

struct JournalEvent {
    enum class Type : std::uint8_t {
        Start,      ///< a Kafka tool started in a tab (argv; input = heredoc/file lines then EOF)
        Input,      ///< a line typed into the tab's running producer
        EndOfInput, ///< Ctrl+D
        Interrupt,  ///< Ctrl+C on the tab's running command
        Record,     ///< a shell built-in's history entry (echo, sleep, shell-error)
        Tick,       ///< `count` clock ticks of `tick_ms` each (0: time moved elsewhere), pumping every session
    };
    Type type = Type::Record;
    int tab = 0;
    TimeMs at_ms = 0; ///< cluster time when the event happened
    std::vector<std::string> argv;                 ///< Start
    std::optional<std::vector<std::string>> input; ///< Start: heredoc / `< file` lines
    bool failed = false;                           ///< Start: the input file could not be read (exit 1)
    std::string line;                              ///< Input
    HistoryEntry entry;                            ///< Record
    TimeMs tick_ms = 0;                            ///< Tick
    std::int64_t count = 1;                        ///< Tick
};

struct SessionJournal {
    std::string lab;        ///< lab id
    std::uint64_t seed = 1; ///< the cluster's seed
    std::vector<JournalEvent> events;

    /// Appends; consecutive equal ticks are merged.
    void add(JournalEvent e);
    /// Commands the student ran (Start and Record events).
    std::size_t commandCount() const;
    bool empty() const { return events.empty(); }

    std::string toJson() const;
    /// Parses and validates (never throws); nullopt with `error` set when corrupt.
    static std::optional<SessionJournal> fromJson(const std::string& text, std::string* error = nullptr);
};

class JournalReplayer {
public:
    struct Hooks {
        std::function<void(HistoryEntry)> record;   ///< a command's history entry (as the terminal records it)
        std::function<void()> command_ended;        ///< a command recorded while running ended
        std::function<void(TimeMs)> advance;        ///< let `ms` of cluster time pass (default: backend.advance)
        std::function<void()> ticked;               ///< after one clock tick (sessions already pumped)
    };
    /// `cli` starts the commands (the host's own, so that what comes after the replay continues its numbering).
    JournalReplayer(ClusterBackend& backend, KafkaCli& cli, Hooks hooks);
    ~JournalReplayer();

    /// Applies one event, as the terminal did live.
    void apply(const JournalEvent& e);
    /// Every event, then Ctrl+C for the commands still running.
    void run(const SessionJournal& journal);
    /// Ctrl+C for every command still running.
    void stopAll();

private:
    struct Running {
        std::unique_ptr<CommandSession> session;
        HistoryEntry entry;
        bool recorded = false;
    };
    void finish(int tab);
    void pumpAll();
    void advance(TimeMs ms);

    ClusterBackend& m_backend;
    KafkaCli& m_cli;
    Hooks m_hooks;
    std::map<int, Running> m_running; ///< by tab, in the order the tabs were opened
};

class Session;

/// The terminal's part of a scenario's action log (sim::Scenario::terminal): nullopt when there is
/// none; an error (and nullopt) when it is not a valid journal. `error` is cleared otherwise.
std::optional<SessionJournal> scenarioTerminal(const sim::Scenario& scenario, std::string* error);
/// Replays `journal` headless on `session` (a fresh one over the scenario it came with), as the app
/// does when it opens a saved scenario: commands, their input, Ctrl+C/Ctrl+D and clock ticks at the
/// times they were made. Returns the commands replayed.
std::size_t replayTerminal(Session& session, const SessionJournal& journal);

} // namespace fluxolab::labs
