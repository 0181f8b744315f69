#include "app/real/realworker.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <chrono>
#include <thread>

namespace fluxolab::app {

RealWorker::RealWorker(labs::RdKafkaConnection connection, ObserveFn observe)
    : m_connection(std::move(connection)), m_observe(std::move(observe)) {}

RealWorker::~RealWorker() = default;

void RealWorker::refresh(qint64 seq) {
    if (m_observe) {
        auto snapshot = std::make_shared<labs::RealSnapshot>(m_observe(seq));
        const auto error = snapshot->connected ? labs::ClientError::None : labs::ClientError::Other;
        Q_EMIT observed(std::move(snapshot), static_cast<int>(error), seq);
        return;
    }
    if (!m_backend) m_backend = std::make_unique<labs::RdKafkaBackend>(m_connection);
    auto snapshot = std::make_shared<labs::RealSnapshot>(
        labs::RealObserver::observe(*m_backend, [this] { return m_backend->lastClientError(); }));
    labs::ClientError error = labs::ClientError::None;
    if (!snapshot->connected) {
        error = m_backend->lastClientError();
        if (error == labs::ClientError::None) error = labs::ClientError::Other;
    }
    Q_EMIT observed(std::move(snapshot), static_cast<int>(error), seq);
}

void probeAsync(const labs::RdKafkaConnection& connection, int timeoutMs, QObject* context,
                std::function<void(const labs::ProbeResult&, const std::string& release)> done) {
    QPointer<QObject> guard(context);
    QThread* thread = QThread::create([connection, timeoutMs, guard, done = std::move(done)] {
        labs::ApiVersionRanges versions;
        const labs::ProbeResult r = labs::RdKafkaBackend::probeConnection(connection, timeoutMs, &versions);
        // ApiVersions precedes the SASL handshake: a refused login still tells the release line.
        const std::string release = labs::kafkaReleaseFromApiVersions(versions);
        // Posted to the application (it outlives the probe: the reaper waits for this thread before
        // QApplication goes) and `context` checked there, on its own thread: the dialog may be
        // deleted meanwhile, and a QPointer is not to be read across threads while that happens.
        QCoreApplication* app = QCoreApplication::instance();
        if (!app) return;
        QMetaObject::invokeMethod(
            app, [guard, done, r, release] {
                if (guard) done(r, release);
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("realprobe"));
    thread->start();
    // Nobody waits for the probe: the reaper deletes the thread when it has ended.
    ThreadReaper::instance().retire(thread);
}

namespace {
void drainAtExit() { ThreadReaper::instance().drain(ThreadReaper::kExitWaitMs); }
} // namespace

ThreadReaper& ThreadReaper::instance() {
    // Never destroyed: its thread waits on it until the process ends.
    static ThreadReaper* reaper = new ThreadReaper;
    return *reaper;
}

void ThreadReaper::retire(QThread* thread) {
    if (!thread) return;
    thread->quit();
    std::lock_guard lock(m_mutex);
    m_queue.push_back(thread);
    ++m_pending;
    if (!m_started) {
        m_started = true;
        std::thread(&ThreadReaper::run, this).detach();
        qAddPostRoutine(drainAtExit);
    }
    m_changed.notify_all();
}

int ThreadReaper::pending() const {
    std::lock_guard lock(m_mutex);
    return m_pending;
}

bool ThreadReaper::drain(int timeoutMs) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_pending == 0; });
}

void ThreadReaper::run() {
    for (;;) {
        QThread* thread = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty(); });
            thread = m_queue.front();
            m_queue.pop_front();
        }
        thread->wait();
        delete thread; // ended: nothing of it runs any more, and nothing else holds it
        std::lock_guard lock(m_mutex);
        --m_pending;
        m_changed.notify_all();
    }
}

} // namespace fluxolab::app
