#include "app/real/realcontroller.h"

#include "app/core/mainwindow.h"
#include "app/terminal/clihost.h"
#include "app/real/connectiondialog.h"
#include "app/real/realview.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>

#include <algorithm>

namespace fluxolab::app {

RealModeController::RealModeController(MainWindow* window) : QObject(window), m_window(window) {
    qRegisterMetaType<RealSnapshotPtr>();
    m_modeGroup = new QActionGroup(this);
    m_modeGroup->setExclusive(true);
    m_simAction = new QAction(m_modeGroup);
    m_simAction->setObjectName(QStringLiteral("modeSimulated"));
    m_simAction->setCheckable(true);
    m_simAction->setChecked(true);
    m_simAction->setIcon(QIcon(QStringLiteral(":/icons/mode-simulated.svg")));
    m_realAction = new QAction(m_modeGroup);
    m_realAction->setIcon(QIcon(QStringLiteral(":/icons/mode-real.svg")));
    m_realAction->setObjectName(QStringLiteral("modeReal"));
    m_realAction->setCheckable(true);
    m_connectAction = new QAction(this);
    m_connectAction->setObjectName(QStringLiteral("realConnect"));
    connect(m_simAction, &QAction::triggered, this, &RealModeController::showSimulation);
    connect(m_realAction, &QAction::triggered, this, [this] {
        if (!m_real) chooseConnection();
    });
    connect(m_connectAction, &QAction::triggered, this, &RealModeController::chooseConnection);

    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("clusterModeMenu"));
    m_menu->addAction(m_simAction);
    m_menu->addAction(m_realAction);
    m_menu->addSeparator();
    m_menu->addAction(m_connectAction);
    // Before the Language menu (the last one), when there is one.
    const auto menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.size() >= 2 ? menus.at(menus.size() - 1) : nullptr, m_menu);
    if (auto* toolbar = window->findChild<QToolBar*>(QStringLiteral("mainToolbar"))) {
        toolbar->addSeparator();
        toolbar->addAction(m_simAction);
        toolbar->addAction(m_realAction);
    }
    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("realStatus"));
    m_status->hide();
    window->statusBar()->addPermanentWidget(m_status);
    window->installEventFilter(this);
    retranslate();
}

RealModeController::~RealModeController() {
    stopWorker();
    // The window's terminal and CLI host may be gone already: only the thread is ended here.
    if (m_cli) {
        retire(m_cli->detachThread());
        m_cli.reset();
    }
    // Nothing waits here for the threads: each may be inside a request to a silent broker for up to
    // its request timeout. The reaper ends them (ThreadReaper).
}

void RealModeController::chooseConnection() {
    ConnectionDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted) {
        if (!m_real) m_simAction->setChecked(true);
        else m_realAction->setChecked(true);
        return;
    }
    connectTo(dialog.connection());
}

void RealModeController::connectTo(const labs::RdKafkaConnection& connection, int intervalMs) {
    stopWorker();
    m_connection = connection;
    m_latest.reset();
    m_lag.clear();
    m_rebalances.clear();
    m_ordinals.clear();
    m_error = labs::ClientError::None;
    m_connected = false;
    m_everConnected = false;
    m_refreshes = 0;

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("realcluster"));
    m_worker = new RealWorker(connection, intervalMs);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &RealWorker::start);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RealWorker::observed, this, &RealModeController::onObserved, Qt::QueuedConnection);
    m_thread->start();

    if (!m_real) {
        m_real = true;
        if (!m_view) m_view = new RealView(this, nullptr);
        m_simCentral = m_window->takeCentralWidget();
        // Still the window's (it deletes it), hidden until the simulation shows again.
        m_simCentral->setParent(m_window);
        m_simCentral->hide();
        m_window->setCentralWidget(m_view);
        // The terminal and the open lab follow (CliHost::setRemote below): they act on the real cluster.
        Q_EMIT modeChanged(true);
    }
    attachTerminal(&connection);
    m_realAction->setChecked(true);
    m_view->reset();
    m_status->show();
    updateStatus();
}

void RealModeController::showSimulation() {
    stopWorker();
    attachTerminal(nullptr);
    m_simAction->setChecked(true);
    if (!m_real) return;
    m_real = false;
    m_connected = false;
    m_view = static_cast<RealView*>(m_window->takeCentralWidget());
    m_view->setParent(m_window);
    m_view->hide();
    m_window->setCentralWidget(m_simCentral);
    m_simCentral->show();
    m_simCentral = nullptr;
    m_status->hide();
    Q_EMIT modeChanged(false);
}

void RealModeController::stopWorker() {
    if (!m_thread) return;
    // Never wait here: the worker may be inside a request to an unreachable broker. Its results
    // are dropped (disconnected) and the thread ends after that request.
    disconnect(m_worker, nullptr, this, nullptr);
    m_thread->quit();
    retire(m_thread);
    m_thread = nullptr;
    m_worker = nullptr;
}

void RealModeController::retire(QThread* t) { ThreadReaper::instance().retire(t); }

void RealModeController::attachTerminal(const labs::RdKafkaConnection* connection) {
    CliHost* host = m_window->cliHost();
    if (host) host->setRemote(nullptr); // running commands stop before their worker goes
    if (m_cli) {
        retire(m_cli->detachThread());
        m_cli.reset();
    }
    if (!connection) return;
    m_cli = std::make_unique<RealCli>(*connection, [this] {
        RemoteNames n;
        n.bootstrapServers << bootstrap().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (m_latest) {
            for (const auto& t : m_latest->topics) n.topics << QString::fromStdString(t.name);
            for (const auto& g : m_latest->groups) n.groups << QString::fromStdString(g.name);
        }
        return n;
    });
    if (host) host->setRemote(m_cli.get());
}

void RealModeController::onObserved(RealSnapshotPtr snapshot, int error) {
    ++m_refreshes;
    const bool was = m_connected;
    m_connected = snapshot->connected;
    m_error = static_cast<labs::ClientError>(error);
    if (m_connected) {
        m_everConnected = true;
        labs::observe::Observation o = snapshot->observation;
        labs::RealObserver::keepOrdinals(o, m_ordinals); // a group's colour stays its own
        if (m_latest) {
            for (labs::ObservedRebalance& r : labs::RealObserver::rebalances(*m_latest, o)) m_rebalances.push_back(std::move(r));
        }
        for (const labs::observe::Group& g : o.groups) {
            if (g.internal) continue;
            std::int64_t total = 0;
            for (const auto& [tp, lag] : g.lag) total += lag;
            auto& h = m_lag[g.name];
            h.emplace_back(o.time, total);
            while (h.size() > kHistory) h.pop_front();
        }
        m_latest = std::move(o);
    }
    if (was != m_connected) Q_EMIT connectionChanged(m_connected);
    updateStatus();
    Q_EMIT refreshed();
}

QString RealModeController::statusText() const {
    if (!m_real) return {};
    if (m_connected)
        return tr("Real cluster %1: connected, refreshed at %2")
            .arg(bootstrap(), QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    if (m_refreshes == 0) return tr("Real cluster %1: connecting…").arg(bootstrap());
    QString why;
    switch (m_error) {
    case labs::ClientError::Unreachable: why = tr("unreachable"); break;
    case labs::ClientError::TimedOut: why = tr("no answer in time"); break;
    case labs::ClientError::AuthenticationFailed: why = tr("wrong credentials"); break;
    case labs::ClientError::TlsFailed: why = tr("TLS failure"); break;
    case labs::ClientError::BadConfiguration: why = tr("invalid settings"); break;
    case labs::ClientError::None:
    case labs::ClientError::Other: why = tr("client error"); break;
    }
    return tr("No connection to the broker %1 (%2): trying again").arg(bootstrap(), why);
}

void RealModeController::updateStatus() {
    m_status->setText(statusText());
    m_status->setStyleSheet(m_real && !m_connected && m_refreshes > 0 ? QStringLiteral("color: #b00020; font-weight: bold")
                                                                       : QString());
}

void RealModeController::retranslate() {
    m_menu->setTitle(tr("C&luster"));
    m_simAction->setText(tr("Simulated"));
    m_simAction->setToolTip(tr("Show the simulation"));
    m_realAction->setText(tr("Real cluster"));
    m_realAction->setToolTip(tr("Show a real Kafka cluster (connects through librdkafka)"));
    m_connectAction->setText(tr("Connect to a real cluster…"));
    updateStatus();
}

bool RealModeController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslate();
    return QObject::eventFilter(watched, event);
}

} // namespace fluxolab::app
