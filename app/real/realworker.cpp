#include "app/real/realworker.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <chrono>
#include <thread>

namespace fluxolab::app {

RealWorker::RealWorker(labs::RdKafkaConnection connection, quint64 ticket, Answer answer, ObserveFn observe)
    : m_connection(std::move(connection)), m_ticket(ticket), m_answer(std::move(answer)), m_observe(std::move(observe)) {
    m_connection.abort = m_cancel.get();
}

void RealWorker::answer(labs::RealSnapshot snapshot, labs::ClientError error, qint64 seq) {
    auto shared = std::make_shared<const labs::RealSnapshot>(std::move(snapshot));
    Mailbox::instance()->post(m_ticket, [done = m_answer, shared, error, seq] { done(shared, static_cast<int>(error), seq); });
}

RealWorker::~RealWorker() {
    std::lock_guard lock(m_askedMutex); // see ask()
}

void RealWorker::ask(qint64 seq) {
    // Posted under the mutex, which the destructor takes too: the GUI thread's last use of this
    // object comes before its deletion on the worker thread where ThreadSanitizer can see it.
    std::lock_guard lock(m_askedMutex);
    m_asked.push_back(seq);
    QMetaObject::invokeMethod(this, "runAsked", Qt::QueuedConnection);
}

void RealWorker::runAsked() {
    for (;;) {
        qint64 seq = 0;
        {
            std::lock_guard lock(m_askedMutex);
            if (m_asked.empty()) return;
            seq = m_asked.front();
            m_asked.pop_front();
        }
        refresh(seq);
    }
}

void RealWorker::refresh(qint64 seq) {
    if (m_observe) {
        labs::RealSnapshot snapshot = m_observe(seq);
        const auto error = snapshot.connected ? labs::ClientError::None : labs::ClientError::Other;
        answer(std::move(snapshot), error, seq);
        return;
    }
    if (!m_backend) m_backend = std::make_unique<labs::RdKafkaBackend>(m_connection);
    labs::RealSnapshot snapshot = labs::RealObserver::observe(*m_backend, [this] { return m_backend->lastClientError(); });
    labs::ClientError error = labs::ClientError::None;
    if (!snapshot.connected) {
        error = m_backend->lastClientError();
        if (error == labs::ClientError::None) error = labs::ClientError::Other;
    }
    answer(std::move(snapshot), error, seq);
}

Mailbox* Mailbox::instance() {
    static Mailbox* mailbox = new Mailbox; // never deleted: see the class
    return mailbox;
}

quint64 Mailbox::open(QObject* receiver) {
    // One ticket per live receiver (a lab panel asks for one at every check).
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (!it->second) it = m_open.erase(it);
        else if (it->second == receiver) return it->first;
        else ++it;
    }
    const quint64 ticket = ++m_next;
    m_open.emplace(ticket, receiver);
    return ticket;
}

void Mailbox::close(quint64 ticket) { m_open.erase(ticket); }

void Mailbox::post(quint64 ticket, std::function<void()> call) {
    {
        std::lock_guard lock(m_mutex);
        m_calls.emplace_back(ticket, std::move(call));
    }
    QMetaObject::invokeMethod(this, "deliver", Qt::QueuedConnection);
}

void Mailbox::deliver() {
    std::deque<std::pair<quint64, std::function<void()>>> calls;
    {
        std::lock_guard lock(m_mutex);
        calls.swap(m_calls);
    }
    for (auto& [ticket, call] : calls) {
        // Looked up again for each call: an earlier one may have closed a ticket.
        const auto it = m_open.find(ticket);
        if (it == m_open.end() || !it->second) continue;
        call();
    }
}

void probeAsync(const labs::RdKafkaConnection& connection, int timeoutMs, QObject* context,
                std::function<void(const labs::ProbeResult&, const std::string& release)> done,
                std::shared_ptr<std::atomic<bool>> cancel) {
    Mailbox* mailbox = Mailbox::instance();
    const quint64 ticket = mailbox->open(context);
    labs::RdKafkaConnection c = connection; // the thread's own (its password wiped when the thread goes)
    c.abort = cancel.get(); // kept alive by the thread's own reference to `cancel`
    QThread* thread = QThread::create([c = std::move(c), cancel = std::move(cancel), timeoutMs, mailbox, ticket,
                                       done = std::move(done)] {
        labs::ApiVersionRanges versions;
        const labs::ProbeResult r = labs::RdKafkaBackend::probeConnection(c, timeoutMs, &versions);
        // ApiVersions precedes the SASL handshake: a refused login still tells the release line.
        const std::string release = labs::kafkaReleaseFromApiVersions(versions);
        mailbox->post(ticket, [done, r, release] { done(r, release); });
    });
    thread->setObjectName(QStringLiteral("realprobe"));
    thread->start();
    // Nobody waits for the probe: the reaper deletes the thread when it has ended.
    ThreadReaper::instance().retire(thread);
}

namespace {
/// The reaper's threads first (their backends' handles are destroyed there), then the blocking calls
/// a cancel left on threads of their own: kExitWaitMs in all.
void drainAtExit() {
    const auto t0 = std::chrono::steady_clock::now();
    ThreadReaper::instance().drain(ThreadReaper::kExitWaitMs);
    const auto spent = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    labs::waitForAbandonedRdKafkaCalls(ThreadReaper::kExitWaitMs - static_cast<int>(spent.count()));
}
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
