#pragma once
// The terminal's Kafka commands on a real cluster: the same emulation front end (labs::KafkaCli)
// over an RdKafkaBackend of its own, confined to a worker thread. The terminal holds a
// RemoteCommandSession per command: it forwards input, Ctrl+C and Ctrl+D to the worker and picks up
// what the command printed there, so that no librdkafka call ever runs on the GUI thread and the
// output is the tools' own.

#ifndef Q_MOC_RUN
#include "app/terminal/clihost.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/rdkafka/rdkafka_backend.h"
#endif

#include <QObject>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <deque>
#include <mutex>

class QThread;
class QTimer;

namespace fluxolab::app {

class RealCliWorker;

/// What a command on the worker reported so far (shared by the worker and the terminal's session).
struct RemoteCommandState {
    std::mutex mutex;
    std::vector<labs::OutputChunk> output; ///< not yet taken by the terminal
    std::vector<labs::NoteId> notes;       ///< all of them so far
    std::string recorded;
    labs::CommandKind kind = labs::CommandKind::Unknown;
    int pending = 0; ///< requests (start, interrupt) the worker has not handled yet
    bool reads_input = false;
    bool until_interrupted = false;
    bool finished = false;
    int exit_code = 0;
};

/// The link from the sessions to the worker; cut (worker = nullptr) when the connection ends.
struct RemoteLink {
    std::mutex mutex;
    RealCliWorker* worker = nullptr;
    /// Runs `f` on the worker thread (dropped when the link is cut).
    void post(std::function<void(RealCliWorker&)> f);
};

/// Lives in the worker thread: runs the commands and pumps them (every 50 ms).
class RealCliWorker : public QObject {
    Q_OBJECT
public:
    /// `cancel`: set when the terminal leaves the cluster (RdKafkaConnection::abort).
    RealCliWorker(labs::RdKafkaConnection connection, std::shared_ptr<std::atomic<bool>> cancel);
    ~RealCliWorker() override;
    /// `replayLanguage`: the UI language when the command started (fluxolab-cli replay's alert).
    void start(int id, std::vector<std::string> argv, bool interactive, std::shared_ptr<RemoteCommandState> state,
               labs::Language replayLanguage);
    void input(int id, const std::string& line);
    void endOfInput(int id);
    void interrupt(int id);
    /// The terminal dropped the session: it is stopped (Ctrl+C) and forgotten.
    void drop(int id);
    /// A lab on this cluster (RemoteCommands::startLab/checkLab): its engine lives here, over the
    /// commands' backend, so that its setup and checks never run on the GUI thread.
    void startLab(const labs::Lab& lab, const std::string& progress, const RemoteCommands::LabReply& reply);
    void checkLab(const std::vector<labs::HistoryEntry>& history, const RemoteCommands::LabReply& reply);
    /// Any thread: runs `f` on this worker's thread (RemoteLink::post).
    void enqueue(std::function<void(RealCliWorker&)> f);

public Q_SLOTS:
    void runPosted();

private:
    std::mutex m_inboxMutex;
    std::deque<std::function<void(RealCliWorker&)>> m_inbox; ///< under m_inboxMutex
    struct Running {
        std::unique_ptr<labs::CommandSession> session;
        std::shared_ptr<RemoteCommandState> state;
    };
    void ensureBackend();
    void publish(Running& r, bool handledRequest);
    void pumpAll();

    std::shared_ptr<std::atomic<bool>> m_cancel; ///< keeps the connection's abort flag alive
    labs::RdKafkaConnection m_connection;
    std::unique_ptr<labs::RdKafkaBackend> m_backend;
    std::unique_ptr<labs::KafkaCli> m_cli;
    std::unique_ptr<labs::LabEngine> m_lab; ///< over m_backend
    std::map<int, Running> m_running;
    QTimer* m_timer = nullptr;
};

/// GUI side: owns the worker's thread; CliHost starts commands through it while the real cluster shows.
/// A remote lab engine's steps for the panel: the current step, the steps passed, the progress to
/// resume from and, once a command ran in the current step, the reason its check still fails.
RemoteLabStatus remoteLabStatus(const labs::LabEngine& engine, const std::vector<labs::HistoryEntry>& history);

class RealCli final : public RemoteCommands {
public:
    /// `names`: the latest topics/groups/brokers seen (for Tab completion); read on the GUI thread.
    explicit RealCli(labs::RdKafkaConnection connection, std::function<RemoteNames()> names);
    ~RealCli() override;
    std::unique_ptr<labs::CommandSession> start(const std::vector<std::string>& argv, bool interactive) override;
    RemoteNames names() const override { return m_names ? m_names() : RemoteNames{}; }
    bool startLab(const labs::Lab& lab, const std::string& progress, QObject* context, LabReply done) override;
    bool checkLab(std::vector<labs::HistoryEntry> history, QObject* context, LabReply done) override;
    /// Ends the link and asks the thread to quit without waiting (it may be inside a request to
    /// an unreachable broker): the caller hands it to ThreadReaper, which waits for it off the GUI thread.
    QThread* detachThread();

private:
    std::shared_ptr<RemoteLink> m_link;
    /// Set by detachThread(): the worker's request in progress ends within ~100 ms, not at its timeout.
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QThread* m_thread;
    std::function<RemoteNames()> m_names;
    int m_next = 1;
};

} // namespace fluxolab::app
