#include "app/real/realcontroller.h"

#include "app/core/mainwindow.h"
#include "app/terminal/clihost.h"
#include "app/real/comparedialog.h"
#include "app/real/connectiondialog.h"
#include "app/real/realview.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QThread>
#include <QTimer>
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
    m_compareAction = new QAction(this);
    m_compareAction->setObjectName(QStringLiteral("realCompare"));
    m_compareAction->setEnabled(false); // in real mode only: it compares with the connected cluster
    connect(m_compareAction, &QAction::triggered, this, &RealModeController::compareWithReal);

    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("clusterModeMenu"));
    m_menu->addAction(m_simAction);
    m_menu->addAction(m_realAction);
    m_menu->addSeparator();
    m_menu->addAction(m_connectAction);
    m_menu->addAction(m_compareAction);
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
    m_tick = new QTimer(this);
    connect(m_tick, &QTimer::timeout, this, &RealModeController::tick);
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

void RealModeController::compareWithReal() {
    if (!m_real) return;
    auto* dialog = new CompareRealDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The whole connection (security protocol, SASL user and password, CA file), as the rest of
    // the real mode uses it.
    dialog->setConnection(m_connection);
    // What the student just did: the commands typed in the terminal (a script file on request).
    if (CliHost* host = m_window->cliHost()) dialog->setTerminalScript(host->typedScript());
    dialog->show();
}

void RealModeController::connectTo(const labs::RdKafkaConnection& connection, int intervalMs) {
    stopWorker();
    // A password is held from now on (its copies are SecretStrings; librdkafka's are not): no core
    // dump, no ptrace by other processes (labs/common/secret.h, docs/real-cluster.md).
    if (!connection.sasl_password.empty()) labs::keepSecretsOutOfCoreDumps();
    m_connection = connection;
    m_latest.reset();
    m_lag.clear();
    m_rebalances.clear();
    m_ordinals.clear();
    m_error = labs::ClientError::None;
    m_connected = false;
    m_everConnected = false;
    m_refreshes = 0;
    m_interval = std::max(1, intervalMs);
    m_seq = 0;
    m_shownSeq = 0;
    m_stale = 0;
    ++m_generation;
    m_sinceAnswer.start();
    m_tick->start(m_interval);
    startRefresh();

    if (!m_real) {
        m_real = true;
        m_compareAction->setEnabled(true);
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
    // Disconnected: the password is no longer needed here (a new connection comes through the
    // dialog again). The retired threads' copies go with them when they end.
    m_connection.sasl_password.clear();
    m_simAction->setChecked(true);
    if (!m_real) return;
    m_real = false;
    m_compareAction->setEnabled(false);
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

void RealModeController::tick() {
    // Connected until now, but the refreshes have stopped answering (a stopped or frozen broker: the
    // requests wait for their timeout): the status says so now, every second, not after the timeout.
    if (m_connected && m_sinceAnswer.elapsed() >= noAnswerLimitMs()) {
        m_connected = false;
        m_error = labs::ClientError::TimedOut;
        Q_EMIT connectionChanged(false);
    }
    updateStatus();
    startRefresh();
}

qint64 RealModeController::noAnswerLimitMs() const { return std::max<qint64>(kNoAnswerMs, 3LL * m_interval); }

void RealModeController::startRefresh() {
    auto idle = std::find_if(m_workers.begin(), m_workers.end(), [](const Worker& w) { return !w.busy; });
    if (idle == m_workers.end()) {
        // Every worker waits for the cluster: the next refresh does not queue behind them.
        if (m_workers.size() >= static_cast<std::size_t>(kMaxWorkers)) return;
        Worker w;
        w.thread = new QThread;
        w.thread->setObjectName(QStringLiteral("realcluster%1").arg(m_workers.size()));
        const std::size_t index = m_workers.size();
        const std::uint64_t generation = m_generation;
        if (!m_ticket) m_ticket = Mailbox::instance()->open(this);
        w.worker = new RealWorker(
            m_connection, m_ticket,
            [this, index, generation](RealSnapshotPtr snapshot, int error, qint64 seq) {
                onAnswer(index, generation, std::move(snapshot), error, seq);
            },
            m_observeForTests);
        w.cancel = w.worker->cancelFlag();
        w.worker->moveToThread(w.thread);
        connect(w.thread, &QThread::finished, w.worker, &QObject::deleteLater);
        w.thread->start();
        m_workers.push_back(w);
        idle = m_workers.end() - 1;
    }
    idle->busy = true;
    const qint64 seq = ++m_seq;
    idle->worker->ask(seq);
}

void RealModeController::onAnswer(std::size_t worker, std::uint64_t generation, RealSnapshotPtr snapshot, int error, qint64 seq) {
    if (generation != m_generation || worker >= m_workers.size()) return; // an earlier connection's
    m_workers[worker].busy = false;
    if (seq <= m_shownSeq) {
        ++m_stale; // a later refresh answered first: this older picture is not shown
        return;
    }
    m_shownSeq = seq;
    onObserved(std::move(snapshot), error);
}

void RealModeController::stopWorker() {
    m_tick->stop();
    ++m_generation;
    // Never wait here: a worker may be inside a request to an unreachable broker. Its results
    // are dropped (its ticket closed, and from an earlier generation) and the thread ends after that request.
    if (m_ticket) Mailbox::instance()->close(m_ticket);
    m_ticket = 0;
    for (Worker& w : m_workers) {
        *w.cancel = true; // the request it may be inside ends now, not at its timeout
        w.thread->quit();
        retire(w.thread);
    }
    m_workers.clear();
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
        m_sinceAnswer.start();
        m_answeredAt = QDateTime::currentDateTime();
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

bool RealModeController::lost() const {
    if (!m_real || m_connected) return false;
    // Before the first answer: "connecting…" until the limit, then lost as well.
    return m_refreshes > 0 || (m_sinceAnswer.isValid() && m_sinceAnswer.elapsed() >= noAnswerLimitMs());
}

QString RealModeController::statusText() const {
    if (!m_real) return {};
    if (m_connected)
        return tr("Real cluster %1: connected, refreshed at %2").arg(bootstrap(), m_answeredAt.toString(QStringLiteral("HH:mm:ss")));
    if (!lost()) return tr("Real cluster %1: connecting…").arg(bootstrap());
    QString why;
    switch (m_refreshes == 0 ? labs::ClientError::TimedOut : m_error) {
    case labs::ClientError::Unreachable: why = tr("unreachable"); break;
    case labs::ClientError::TimedOut: why = tr("no answer in time"); break;
    case labs::ClientError::AuthenticationFailed: why = tr("wrong credentials"); break;
    case labs::ClientError::TlsFailed: why = tr("TLS failure"); break;
    case labs::ClientError::BadConfiguration: why = tr("invalid settings"); break;
    case labs::ClientError::None:
    case labs::ClientError::Other: why = tr("client error"); break;
    }
    // How long without an answer, in whole seconds: the status changes every second while it lasts.
    const qint64 seconds = m_sinceAnswer.isValid() ? m_sinceAnswer.elapsed() / 1000 : 0;
    return tr("No connection to the broker %1 (%2) for %3 s: trying again").arg(bootstrap(), why).arg(seconds);
}

void RealModeController::updateStatus() {
    m_status->setText(statusText());
    m_status->setStyleSheet(lost() ? QStringLiteral("color: #b00020; font-weight: bold")
                                                                       : QString());
}

void RealModeController::retranslate() {
    m_menu->setTitle(tr("C&luster"));
    m_simAction->setText(tr("Simulated"));
    m_simAction->setToolTip(tr("Show the simulation"));
    m_realAction->setText(tr("Real cluster"));
    m_realAction->setToolTip(tr("Show a real Kafka cluster (connects through librdkafka)"));
    m_connectAction->setText(tr("Connect to a real cluster…"));
    m_compareAction->setText(tr("Compare with the real cluster…"));
    m_compareAction->setToolTip(tr("Run a terminal script on the simulation and on the connected cluster and show the two outputs side by side"));
    updateStatus();
}

bool RealModeController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslate();
    return QObject::eventFilter(watched, event);
}

} // namespace fluxolab::app
