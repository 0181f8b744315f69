#pragma once
// The thread side of the real-cluster mode: one RdKafkaBackend confined to a QThread of its own.
// Every librdkafka call (metadata, Admin API, ListOffsets) runs there; results reach the GUI thread
// through queued signals, so that an unreachable or slow broker never blocks the window.

#ifndef Q_MOC_RUN
#include "labs/rdkafka/rdkafka_backend.h"
#include "labs/rdkafka/real_observer.h"
#endif

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

class QThread;

namespace fluxolab::app {

using RealSnapshotPtr = std::shared_ptr<const labs::RealSnapshot>;

/// Lives in a worker thread (moveToThread); created and driven by RealModeController, which asks
/// for each refresh (its own timer, on the GUI thread) and gives the next one to another worker
/// while this one is still inside a request.
class RealWorker : public QObject {
    Q_OBJECT
public:
    /// What one refresh reads, in place of the cluster (tests): called on the worker thread with the
    /// refresh's number.
    using ObserveFn = std::function<labs::RealSnapshot(qint64 seq)>;
    /// What the GUI thread does with each refresh's answer (through the Mailbox, on `ticket`).
    using Answer = std::function<void(RealSnapshotPtr snapshot, int error, qint64 seq)>;
    RealWorker(labs::RdKafkaConnection connection, quint64 ticket, Answer answer, ObserveFn observe = {});
    /// Set (any thread) when the worker is retired: the request it is inside ends within ~100 ms
    /// (RdKafkaConnection::abort) instead of at its timeout, and so does every later one.
    std::shared_ptr<std::atomic<bool>> cancelFlag() const { return m_cancel; }
    ~RealWorker() override;

    /// Reads the cluster now and posts the answer (call in the worker thread). The backend is
    /// created by the first call. `error`: why the cluster did not answer (a labs::ClientError;
    /// None when it did).
    void refresh(qint64 seq);
    /// Any thread: refresh `seq` on the worker's thread (a queue under a std::mutex and a queued
    /// call by name, as the Mailbox).
    void ask(qint64 seq);

public Q_SLOTS:
    void runAsked();

private:
    std::mutex m_askedMutex;
    std::deque<qint64> m_asked; ///< under m_askedMutex
    void answer(labs::RealSnapshot snapshot, labs::ClientError error, qint64 seq);
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    labs::RdKafkaConnection m_connection;
    quint64 m_ticket;
    Answer m_answer;
    ObserveFn m_observe;
    std::unique_ptr<labs::RdKafkaBackend> m_backend;
};

/// Ends the app's librdkafka threads without the GUI thread ever waiting for them: a thread retired
/// here is asked to quit and is waited for (then deleted) on the reaper's own thread, since it may be
/// inside a request to a silent or unreachable broker for up to its request timeout (and its
/// backend's rd_kafka_destroy runs after that, on that thread). At exit, once the windows are gone
/// (QCoreApplication's post routines), the process waits at most kExitWaitMs for the threads still
/// running and for the blocking calls a cancel left on threads of their own
/// (labs::abandonedRdKafkaCalls), so that librdkafka is not torn down under them; those that still
/// run then are left.
class ThreadReaper {
public:
    static ThreadReaper& instance();
    /// Takes `thread` (nullptr: nothing): quit() now, wait() and delete on the reaper's thread.
    void retire(QThread* thread);
    /// Threads retired and not yet ended.
    int pending() const;
    /// Waits at most `timeoutMs` until every retired thread has ended; whether they all did.
    bool drain(int timeoutMs);
    static constexpr int kExitWaitMs = 12000;

private:
    ThreadReaper() = default;
    void run();
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QThread*> m_queue;
    int m_pending = 0;
    bool m_started = false;
};

/// How the real mode's threads (probes, refresh workers) hand their results to the GUI thread: a
/// queue of calls under a std::mutex and a queued call by name, so that nothing a thread allocates
/// is read on the GUI thread behind Qt's own event queue alone (uninstrumented: ThreadSanitizer
/// cannot see it synchronise, and reported every queued lambda's captures as a data race). Each
/// receiver registers with open() and gets a ticket; a call posted for a ticket that was closed, or
/// whose receiver is gone, is dropped. Lives on the GUI thread and is never deleted (a thread may
/// end after the application).
class Mailbox : public QObject {
    Q_OBJECT
public:
    static Mailbox* instance(); ///< GUI thread (first call)
    /// GUI thread: the ticket for calls to `receiver` (dropped once it is gone or the ticket
    /// closed); the same one while it is open.
    quint64 open(QObject* receiver);
    void close(quint64 ticket); ///< GUI thread
    /// Any thread: runs `call` on the GUI thread if the ticket is still open then.
    void post(quint64 ticket, std::function<void()> call);

public Q_SLOTS:
    void deliver();

private:
    std::map<quint64, QPointer<QObject>> m_open; ///< GUI thread only
    quint64 m_next = 0;                          ///< GUI thread only
    std::mutex m_mutex;
    std::deque<std::pair<quint64, std::function<void()>>> m_calls; ///< under m_mutex
};

/// Runs RdKafkaBackend::probeConnection on a thread of its own and calls `done` on `context`'s
/// thread with the result and the broker's release line inferred from its API versions ("4.x";
/// empty when unknown), not at all when `context` is gone by then. Setting `cancel` (any thread)
/// ends the probe's waits within a slice (RdKafkaConnection::abort): its thread then destroys the
/// client and ends, and the reaper deletes it; nobody on the GUI thread waits for it.
void probeAsync(const labs::RdKafkaConnection& connection, int timeoutMs, QObject* context,
                std::function<void(const labs::ProbeResult&, const std::string& release)> done,
                std::shared_ptr<std::atomic<bool>> cancel = {});

} // namespace fluxolab::app

Q_DECLARE_METATYPE(fluxolab::app::RealSnapshotPtr)
