#include "app/real/realworker.h"

#include <QPointer>
#include <QThread>
#include <QTimer>

namespace fluxolab::app {

RealWorker::RealWorker(labs::RdKafkaConnection connection, int intervalMs)
    : m_connection(std::move(connection)), m_interval(intervalMs) {}

RealWorker::~RealWorker() = default;

void RealWorker::start() {
    m_backend = std::make_unique<labs::RdKafkaBackend>(m_connection);
    m_timer = new QTimer(this);
    m_timer->setInterval(m_interval);
    connect(m_timer, &QTimer::timeout, this, &RealWorker::refresh);
    m_timer->start();
    refresh();
}

void RealWorker::refresh() {
    if (!m_backend) return;
    auto snapshot = std::make_shared<labs::RealSnapshot>(
        labs::RealObserver::observe(*m_backend, [this] { return m_backend->lastClientError(); }));
    labs::ClientError error = labs::ClientError::None;
    if (!snapshot->connected) {
        error = m_backend->lastClientError();
        if (error == labs::ClientError::None) error = labs::ClientError::Other;
    }
    Q_EMIT observed(std::move(snapshot), static_cast<int>(error));
}

void probeAsync(const labs::RdKafkaConnection& connection, int timeoutMs, QObject* context,
                std::function<void(const labs::ProbeResult&, const std::string& release)> done) {
    QPointer<QObject> guard(context);
    QThread* thread = QThread::create([connection, timeoutMs, guard, done = std::move(done)] {
        labs::ApiVersionRanges versions;
        const labs::ProbeResult r = labs::RdKafkaBackend::probeConnection(connection, timeoutMs, &versions);
        // ApiVersions precedes the SASL handshake: a refused login still tells the release line.
        const std::string release = labs::kafkaReleaseFromApiVersions(versions);
        if (!guard) return;
        QMetaObject::invokeMethod(
            guard.data(), [guard, done, r, release] {
                if (guard) done(r, release);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace fluxolab::app
