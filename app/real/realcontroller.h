#pragma once
// The real-cluster mode of the main window ("Simulado / Cluster real"): the switch (toolbar and
// menu), the connection dialog, a RealWorker on a QThread of its own that refreshes the
// observation every second, the history the real view plots (lag over time, rebalances seen
// between refreshes) and the connection status ("sem ligação ao broker … a tentar novamente").
//
// MainWindow only creates it; everything else it does through MainWindow's public interface, so
// that the simulation side stays as it is.

#ifndef Q_MOC_RUN
#include "app/real/realcli.h"
#include "app/real/realworker.h"
#endif

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
    /// Refreshes so far since the connection started (answered or not).
    int refreshes() const { return m_refreshes; }
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

    /// Switches to real mode on this connection (no dialog): the worker starts at once.
    void connectTo(const labs::RdKafkaConnection& connection, int intervalMs = 1000);
    /// Back to the simulation; the worker thread ends in the background.
    void showSimulation();
    /// Opens the connection dialog; connects when accepted.
    void chooseConnection();

    static constexpr std::size_t kHistory = 600; ///< ten minutes of refreshes

Q_SIGNALS:
    void refreshed();
    void connectionChanged(bool connected);
    void modeChanged(bool real);

public:
    /// One refresh of the worker (queued to the GUI thread); tests feed hand-built ones.
    void onObserved(RealSnapshotPtr snapshot, int error);

private:
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
    QMenu* m_menu;
    QLabel* m_status;
    QThread* m_thread = nullptr;
    RealWorker* m_worker = nullptr;
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
