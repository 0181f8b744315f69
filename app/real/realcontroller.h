#pragma once
// The real-cluster mode of the main window ("Simulado / Cluster real"): the switch (toolbar and
// menu), the connection dialog, the refresh of the observation every second (each on a RealWorker,
// a QThread of its own: a refresh stuck in a request to a slow or silent broker does not hold up
// the next one, which goes to another worker), the history the real view plots (lag over time,
// rebalances seen between refreshes) and the connection status ("sem ligação ao broker … a tentar
// novamente"), updated every second even while no refresh answers.
//
// MainWindow only creates it; everything else it does through MainWindow's public interface, so
// that the simulation side stays as it is.

#ifndef Q_MOC_RUN
#include "app/real/realcli.h"
#include "app/real/realworker.h"
#endif

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QThread;
class QTimer;
class QWidget;

namespace fluxolab::app {

class MainWindow;
class RealView;

class RealModeController : public QObject {
    Q_OBJECT
public:
    explicit RealModeController(MainWindow* window);
    ~RealModeController() override;

    bool isReal() const { return m_real; }
    /// Connected: the last refresh got an answer from the cluster.
    bool connected() const { return m_connected; }
    /// Refreshes answered so far since the connection started (by the cluster or with an error).
    int refreshes() const { return m_refreshes; }
    /// Refreshes asked of the workers so far since the connection started.
    qint64 refreshesStarted() const { return m_seq; }
    /// Answers dropped because a later refresh had answered first (a stuck request's late answer).
    int staleAnswers() const { return m_stale; }
    /// Worker threads (each with its own client) of this connection so far.
    int workers() const { return static_cast<int>(m_workers.size()); }
    /// The newest observation that the cluster answered (nullopt before the first one).
    const std::optional<labs::observe::Observation>& latest() const { return m_latest; }
    /// Total lag of each group over time: (epoch ms, lag), oldest first, at most kHistory points.
    const std::map<std::string, std::deque<std::pair<std::int64_t, std::int64_t>>>& lagHistory() const {
        return m_lag;
    }
    const std::vector<labs::ObservedRebalance>& rebalances() const { return m_rebalances; }
    QString bootstrap() const { return QString::fromStdString(m_connection.bootstrap_servers); }
    QString statusText() const;
    RealView* view() const { return m_view; }
    QAction* simulatedAction() const { return m_simAction; }
    QAction* realAction() const { return m_realAction; }

    /// Switches to real mode on this connection (no dialog): the first refresh starts at once, then
    /// one every `intervalMs`.
    void connectTo(const labs::RdKafkaConnection& connection, int intervalMs = 1000);
    /// Tests: what the workers of the next connectTo read in place of the cluster.
    void setObserveForTests(RealWorker::ObserveFn observe) { m_observeForTests = std::move(observe); }
    /// At most this many refreshes wait for the cluster at the same time (one worker each).
    static constexpr int kMaxWorkers = 4;
    /// With no answer for this long (and at least three refresh intervals) the status says that the
    /// connection is lost, before the request's own timeout ends.
    static constexpr int kNoAnswerMs = 3000;
    /// Back to the simulation; the worker thread ends in the background.
    void showSimulation();
    /// Opens the connection dialog; connects when accepted.
    void chooseConnection();
    /// "Compare with the real cluster…": a script file chosen by the user, run on the simulation
    /// and on the connected cluster (CompareRealDialog, off the GUI thread).
    void compareWithReal();
    QAction* compareAction() const { return m_compareAction; }

    static constexpr std::size_t kHistory = 600; ///< ten minutes of refreshes

Q_SIGNALS:
    void refreshed();
    void connectionChanged(bool connected);
    void modeChanged(bool real);

public:
    /// One refresh of the worker (queued to the GUI thread); tests feed hand-built ones.
    void onObserved(RealSnapshotPtr snapshot, int error);

private:
    /// Each refresh interval: the status (how long without an answer), then a refresh on an idle
    /// worker (a new one while all are inside a request, up to kMaxWorkers).
    void tick();
    void startRefresh();
    void onAnswer(std::size_t worker, std::uint64_t generation, RealSnapshotPtr snapshot, int error, qint64 seq);
    qint64 noAnswerLimitMs() const;
    /// Real mode and the connection lost (or never made within noAnswerLimitMs()).
    bool lost() const;
    void stopWorker();
    /// The thread ends its last request in the background, on the reaper (never waited for here).
    void retire(QThread* thread);
    /// The terminal's commands run on this connection (nullptr: on the simulation again).
    void attachTerminal(const labs::RdKafkaConnection* connection);
    void retranslate();
    void updateStatus();
    bool eventFilter(QObject* watched, QEvent* event) override;

    MainWindow* m_window;
    RealView* m_view = nullptr;
    QWidget* m_simCentral = nullptr; ///< the simulation's central widget while the real view shows
    QActionGroup* m_modeGroup;
    QAction* m_simAction;
    QAction* m_realAction;
    QAction* m_connectAction;
    QAction* m_compareAction;
    QMenu* m_menu;
    QLabel* m_status;
    struct Worker {
        QThread* thread = nullptr;
        RealWorker* worker = nullptr;
        std::shared_ptr<std::atomic<bool>> cancel; ///< RealWorker::cancelFlag()
        bool busy = false;
    };
    std::vector<Worker> m_workers;
    QTimer* m_tick;
    RealWorker::ObserveFn m_observeForTests;
    int m_interval = 1000;
    std::uint64_t m_generation = 0; ///< which connection a worker's answer belongs to
    quint64 m_ticket = 0;           ///< the workers' Mailbox ticket (0: none open)
    qint64 m_seq = 0;               ///< refreshes started
    qint64 m_shownSeq = 0;          ///< the newest refresh whose answer is shown
    int m_stale = 0;
    QElapsedTimer m_sinceAnswer; ///< since the cluster last answered (or since connectTo)
    QDateTime m_answeredAt;      ///< when it last answered
    std::unique_ptr<RealCli> m_cli; ///< the terminal's commands on the real cluster
    labs::RdKafkaConnection m_connection;
    std::optional<labs::observe::Observation> m_latest;
    std::map<std::string, std::deque<std::pair<std::int64_t, std::int64_t>>> m_lag;
    std::vector<labs::ObservedRebalance> m_rebalances;
    std::map<std::string, std::int32_t> m_ordinals; ///< each group's colour, kept while connected
    labs::ClientError m_error = labs::ClientError::None;
    bool m_real = false;
    bool m_connected = false;
    bool m_everConnected = false;
    int m_refreshes = 0;
};

} // namespace fluxolab::app
