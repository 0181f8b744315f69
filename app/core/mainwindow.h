#pragma once
// The main window: cluster / groups / tables / plots tabs over one SimulationController, the
// timeline bar, menus and toolbar, presentation mode and exports.

#ifndef Q_MOC_RUN
#include "labs/observe/observation.h"
#endif

#include <QElapsedTimer>
#include <QMainWindow>

#include <optional>
#include <vector>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QTabWidget;
class QTableView;
class QToolBar;
class QLabel;

namespace fluxolab::app {

class CliHost;
class ClusterCanvas;
class LabPanel;
class TerminalPanel;
class GroupPanel;
class PlotsView;
class RealModeController;
class StreamView;
class SimulationController;
class TablesPage;
class TimelineBar;
class TopicsModel;
class PartitionsModel;
class GroupsModel;
class OffsetsModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Cluster, Groups, Tables, Plots, Terminal, Labs, Stream };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SimulationController* controller() const { return m_controller; }
    ClusterCanvas* clusterCanvas() const { return m_cluster; }
    CliHost* cliHost() const { return m_cli; }
    TerminalPanel* terminalPanel() const { return m_terminal; }
    LabPanel* labPanel() const { return m_labPanel; }
    GroupPanel* groupPanel() const { return m_groups; }
    PlotsView* plotsView() const { return m_plots; }
    StreamView* streamView() const { return m_stream; }
    TimelineBar* timelineBar() const { return m_timeline; }
    /// The "Simulado / Cluster real" switch and the real view (nullptr without librdkafka).
    RealModeController* realMode() const { return m_real; }
    TablesPage* tablesPage() const { return m_tablesPage; }
    PartitionsModel* partitionsModel() const;
    OffsetsModel* offsetsModel() const;
    GroupsModel* groupsModel() const;
    TopicsModel* topicsModel() const;

    /// Loads a scenario (gallery name or path); shows a dialog on error when `interactive`.
    bool openScenario(const QString& nameOrPath, bool interactive, QString* error = nullptr);
    /// The whole action log as a scenario file: the scenario with its actions (loaded and toolbar)
    /// and the terminal's commands (its "terminal" part). Opening it replays all of it.
    std::string scenarioJson() const;
    /// Writes scenarioJson() to `path` (File > Save scenario); false if it cannot be written.
    bool saveScenarioTo(const QString& path);
    void setView(View view);
    /// Shows only the views whose needs the backend's capabilities cover (the others' tabs hide).
    void applyCapabilities(labs::observe::Capabilities capabilities);
    View currentView() const;
    static std::optional<View> parseView(const QString& name);
    /// Lines of terminal output the docked terminal shows at least (when the window is tall enough).
    static constexpr int kTerminalLines = 10;
    /// The terminal's lines across the bottom of a window shorter than kTallWindow (1366x768).
    static constexpr int kShortTerminalLines = 8;
    /// The terminal's lines while the stream view is in front (its picture needs the height).
    static constexpr int kStreamTerminalLines = 5;
    /// Windows at least this high keep the terminal across the bottom with the lab panel open (with
    /// the stream view in front; the Kafka views always do).
    static constexpr int kTallWindow = 900;

    bool isPresentation() const { return m_presentation; }
    void setPresentation(bool on);
    /// Switches the UI language live and remembers it.
    void switchLanguage(const QString& code);

    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);
    bool exportCsv(const QString& path);
    QAction* action(const QString& objectName) const;

    /// Toolbar buttons that show only their icon (none: every button has its text).
    int iconOnlyButtons() const;

    /// The user moved (dragged, floated) or resized the terminal dock by hand: the automatic
    /// placement and sizing leave it where the user put it from then on.
    bool terminalPlacedByUser() const { return m_terminalPlaced || m_terminalSized; }
    /// The terminal is docked under the lab panel (a short window with the lab panel open).
    bool terminalUnderLabPanel() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void setIcons();
    /// The terminal dock across the bottom with the Kafka views in front, in any window and mode:
    /// Kafka's tables (a `kafka-topics --describe` row is 144 characters) need the window's width, the
    /// lab panel's column is too narrow for them. With the stream view in front, under the lab panel
    /// while the panel is open in a window shorter than kTallWindow (its picture keeps its height).
    void placeTerminal();
    /// Terminal and lab panel sizes that suit the window (a 1366×768 projector as a 1920×1080 screen).
    void sizeDocks();
    void retranslate();
    void updateActions();
    void rebuildBrokerMenus();
    void showGallery();
    void openFile();
    void saveFile();
    void exportDialog(const QString& kind);
    void addConsumerToGroup(std::int32_t group);
    void addConsumerInteractive();
    /// File ▸ Send trace to a topic…: a trace fed into a topic of the running simulation, read by a
    /// stream job on the same clock; the stream view follows the cluster view's cursor.
    void sendTraceToTopic();
    void syncTopicStream();
    /// After a lab was (re)loaded: the Stream view with the lab's run (LabPanel::streamViewArgs), or
    /// the cluster view for a Kafka lab.
    void showLabView();
    QString m_streamProblem; ///< the stream problem seen last (syncTopicStream)
    QElapsedTimer m_streamProblemShown; ///< since the status bar last showed it
    static constexpr int kStreamProblemMs = 15000;
    /// A `fluxolab-cli replay` that ran in the terminal (a stream lab's step): the stream view shows the
    /// same run (its state and timers, checkpoints, crash and restore).
    void showTerminalReplay();
    std::size_t m_replaysSeen = 0;
    QWidget* currentViewWidget() const;

    SimulationController* m_controller;
    QTabWidget* m_tabs;
    ClusterCanvas* m_cluster;
    GroupPanel* m_groups;
    TablesPage* m_tablesPage;
    PlotsView* m_plots;
    StreamView* m_stream = nullptr;
    std::vector<QWidget*> m_views; ///< one per registered view, in tab order
    TimelineBar* m_timeline;
    QToolBar* m_toolbar = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_simMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_langMenu = nullptr;
    QMenu* m_stopMenu = nullptr;
    QMenu* m_crashMenu = nullptr;
    QMenu* m_startMenu = nullptr;
    QMenu* m_scenarioMenu = nullptr; ///< the toolbar's "Scenario" button: open, save, build, export
    QActionGroup* m_langGroup = nullptr;
    bool m_presentation = false;
    bool m_wasMaximized = false;
    // Kafka CLI terminal and guided labs (docks)
    void createCliDocks();
    CliHost* m_cli = nullptr;
    TerminalPanel* m_terminal = nullptr;
    LabPanel* m_labPanel = nullptr;
    QDockWidget* m_terminalDock = nullptr;
    QDockWidget* m_labsDock = nullptr;
    /// Hand placement (see terminalPlacedByUser()): moved or floated, resized; the lab panel's width.
    bool m_terminalPlaced = false;
    bool m_terminalSized = false;
    bool m_labsSized = false;
    bool m_pasting = false;         ///< a command clicked in the lab panel goes to the terminal
    int m_arranging = 0;            ///< > 0 while the window itself moves or sizes the docks
    QSize m_userTerminal;           ///< the terminal dock's size as the user left it (m_terminalSized)
    QSize m_pressTerminal, m_pressLabs; ///< the docks' sizes when a mouse button went down on a separator
    RealModeController* m_real = nullptr; ///< app/real (built with librdkafka only)
};

} // namespace fluxolab::app
