#include "app/core/mainwindow.h"

#include "app/dialogs/builderdialogs.h"
#include "app/terminal/clihost.h"
#include "app/cluster/clustercanvas.h"
#include "app/cluster/comparewindow.h"
#include "app/dialogs/gallerydialog.h"
#include "app/cluster/grouppanel.h"
#include "app/core/language.h"
#include "app/cluster/plotsview.h"
#include "app/core/presentationdialogs.h"
#include "app/core/screenfit.h"
#include "app/core/simulationcontroller.h"
#include "app/cluster/tablemodels.h"
#include "app/cluster/tablespage.h"
#include "app/core/viewregistry.h"
#include "app/core/texts.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"
#include "app/cluster/timelinebar.h"
#include "app/labs/labpanel.h"
#ifdef FLUXOLAB_HAVE_RDKAFKA
#include "app/real/realcontroller.h"
#endif
#include "app/stream/streamview.h"
#include "app/stream/tracedialog.h"
#include "labs/kafka_tools/kafka_cli.h"

#include <QAction>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSplitter>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QDockWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <string_view>

namespace fluxolab::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_controller(new SimulationController(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_tabs = new QTabWidget(central);
    m_tabs->setDocumentMode(true);
    // The tabs come from the view registry; the window keeps typed pointers only to the views it
    // wires up itself (context-menu actions, exports, presentation mode).
    for (const ViewSpec& spec : ViewRegistry::builtin().views()) {
        QWidget* view = spec.create(m_controller, m_tabs);
        view->setObjectName(spec.id);
        m_tabs->addTab(view, QString());
        m_views.push_back(view);
    }
    m_cluster = findChild<ClusterCanvas*>(QStringLiteral("cluster"));
    m_groups = findChild<GroupPanel*>(QStringLiteral("groups"));
    m_tablesPage = findChild<TablesPage*>(QStringLiteral("tables"));
    m_plots = findChild<PlotsView*>(QStringLiteral("plots"));
    m_stream = findChild<StreamView*>(QStringLiteral("stream"));
    std::vector<QSizePolicy::Policy> ownPolicies;
    for (QWidget* view : m_views) ownPolicies.push_back(view->sizePolicy().horizontalPolicy());
    auto setCurrent = [this, ownPolicies] {
        const auto& specs = ViewRegistry::builtin().views();
        for (std::size_t i = 0; i < specs.size(); ++i) {
            const bool current = m_tabs->currentWidget() == m_views[i];
            if (specs[i].setCurrent) specs[i].setCurrent(m_views[i], current);
            // Only the view in front bounds the window's central width: a hidden tab's minimum (the
            // tables' splitter needs ~990 px in presentation mode) would otherwise squeeze the lab
            // panel beside the cluster view to ~370 px on a 1366×768 projector.
            QSizePolicy policy = m_views[i]->sizePolicy();
            policy.setHorizontalPolicy(current ? ownPolicies[i] : QSizePolicy::Ignored);
            m_views[i]->setSizePolicy(policy);
        }
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, setCurrent);
    setCurrent();
    m_timeline = new TimelineBar(m_controller, central);
    // The stream view has its own playback bar (its steps are trace elements, not journal events).
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_timeline->setVisible(m_tabs->currentWidget() != m_stream);
        placeTerminal(); // in presentation mode the terminal's place follows the view in front too
        sizeDocks();     // the terminal's height follows the view in front
    });
    column->addWidget(m_tabs, 1);
    column->addWidget(m_timeline);
    setCentralWidget(central);
    // The last event's text is shown once, on the timeline's row (presentation mode too), not again in
    // the status bar: the status bar keeps transient messages (and real mode's connection state).
    connect(m_controller, &SimulationController::demoEndReached, this, [this] {
        statusBar()->showMessage(tr("The demo reached the end planned by its scenario (%1); the simulation goes on until you pause it.")
                                     .arg(Texts::seconds(m_controller->duration())),
                                 10000);
    });

    createActions();
    createMenus();
    createCliDocks();
#ifdef FLUXOLAB_HAVE_RDKAFKA
    m_real = new RealModeController(this);
    // On a real cluster the simulation's controls would act on the hidden simulation: off until
    // the simulation shows again.
    connect(m_real, &RealModeController::modeChanged, this, [this](bool real) {
        for (QMenu* m : {m_stopMenu, m_crashMenu, m_startMenu, m_simMenu, m_scenarioMenu}) m->menuAction()->setEnabled(!real);
        for (const char* name : {"gallery", "open", "save", "sendTraceToTopic", "exportPng", "compare"})
            if (QAction* a = action(QString::fromLatin1(name))) a->setEnabled(!real);
        action(QStringLiteral("addConsumer"))->setEnabled(!real && m_controller->hasRun());
    });
#endif
    setIcons();

    connect(m_cluster, &ClusterCanvas::stopBrokerRequested, m_controller, &SimulationController::stopBroker);
    connect(m_cluster, &ClusterCanvas::startBrokerRequested, m_controller, &SimulationController::startBroker);
    connect(m_cluster, &ClusterCanvas::addConsumerRequested, this, &MainWindow::addConsumerToGroup);
    connect(m_cluster, &ClusterCanvas::removeConsumerRequested, m_controller, &SimulationController::removeConsumer);
    connect(m_controller, &SimulationController::reset, this, [this] {
        rebuildBrokerMenus();
        retranslate();
    });
    connect(m_controller, &SimulationController::changed, this, &MainWindow::updateActions);
    connect(m_controller, &SimulationController::changed, this, &MainWindow::syncTopicStream);
    connect(m_controller, &SimulationController::playingChanged, this, &MainWindow::updateActions);
    retranslate();
    fitToScreen(this, QSize(1440, 860));
}

MainWindow::~MainWindow() {
    // Closing hides the docks: their visibility signals must not reach a half-destroyed window.
    if (m_terminalDock) m_terminalDock->disconnect(this);
    if (m_labsDock) m_labsDock->disconnect(this);
    // The terminal's consoles and the lab panel use the CLI host until they are gone (a running
    // console consumer releases the host's clock): destroy them before it, whatever the child order.
    delete m_terminalDock;
    delete m_labsDock;
}

void MainWindow::sendTraceToTopic() {
    if (!m_controller->hasRun()) return;
    QStringList topics;
    for (const std::string& name : m_controller->liveTopicNames()) topics << QString::fromStdString(name);
    if (topics.isEmpty()) {
        QMessageBox::information(this, tr("Send trace to a topic"),
                                 tr("The cluster has no topic yet: create one first (for example with "
                                    "kafka-topics --create in the terminal)."));
        return;
    }
    TraceDialog dialog(this);
    dialog.setTopics(topics);
    if (m_stream->observation()) dialog.setOptions(m_stream->observation()->options);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    const auto options = dialog.options(&error);
    if (!options) return;
    stream_observe::TopicRunOptions run;
    run.run = *options;
    run.tracePath = dialog.path().toStdString();
    run.topic = dialog.topic().toStdString();
    if (!m_controller->attachTopicStream(run, &error)) {
        QMessageBox::warning(this, tr("Send trace to a topic"), error);
        return;
    }
    statusBar()->showMessage(
        tr("Sending %1 into topic %2: play the simulation; the stream view reads the topic.")
            .arg(QFileInfo(dialog.path()).fileName(), dialog.topic()),
        10000);
}

void MainWindow::showTerminalReplay() {
    const auto& history = m_cli->history();
    if (history.size() < m_replaysSeen) m_replaysSeen = 0; // a new session
    const std::size_t from = m_replaysSeen;
    m_replaysSeen = history.size();
    if (m_cli->isReplaying() || m_cli->isRemote()) return;
    for (std::size_t i = history.size(); i-- > from;) {
        const auto& h = history[i];
        if (h.exit_code != 0 || h.argv.size() < 3 || !labs::isFluxolabCli(h.argv[0]) || h.argv[1] != "replay")
            continue;
        QStringList args;
        for (std::size_t a = 2; a < h.argv.size(); ++a)
            args << QString::fromStdString(h.argv[a]);
        if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) return;
        if (m_stream->loadReplay(args, QString())) setView(View::Stream);
        return;
    }
}

void MainWindow::showLabView() {
    // A stream lab opens on the Stream view with the run it defines (its first step's replay), at its
    // first event, however the lab was opened (the Labs menu, --lab, reopened after a restart); a Kafka lab on the cluster
    // view, which a stream view left in front would hide.
    const QStringList args = m_labPanel->streamViewArgs();
    if (args.isEmpty()) {
        if (m_tabs->currentWidget() == m_stream) setView(View::Cluster);
        return;
    }
    if (!m_tabs->isTabVisible(m_tabs->indexOf(m_stream))) return; // a cluster without the stream view
    if (m_stream->loadReplay(args, QString())) {
        // Where a student starts: before the first event, play (or the slider) runs it from there. A run
        // the student starts in the terminal shows its end instead (the output the terminal printed).
        m_stream->setStep(0);
        setView(View::Stream);
    } else
        statusBar()->showMessage(m_stream->lastError(), 15000);
}

void MainWindow::syncTopicStream() {
    // A feed that fails (its topic refused or lost its records) is said where the stream's summary is,
    // and in the status bar for 15 s when it appears: nothing is lost without a word. When it changes
    // (more records lost) the status bar's text follows while it is shown; once it has gone, a change
    // shows it again at most every 15 s, so that a count growing at every tick does not keep popping up.
    const QString problem = m_controller->streamProblem();
    if (problem != m_streamProblem) {
        const bool wasShown = !m_streamProblem.isEmpty() && statusBar()->currentMessage() == m_streamProblem;
        const bool isNew = m_streamProblem.isEmpty();
        m_streamProblem = problem;
        if (!problem.isEmpty() &&
            (isNew || wasShown || !m_streamProblemShown.isValid() || m_streamProblemShown.elapsed() >= kStreamProblemMs)) {
            statusBar()->showMessage(problem, kStreamProblemMs);
            m_streamProblemShown.start();
        }
    }
    m_stream->setLiveProblem(problem);
    const stream_observe::TopicStreamRun* run = m_controller->topicStream();
    if (!run) return;
    m_stream->showLiveObservation(run->observation(), m_controller->time());
}

TopicsModel* MainWindow::topicsModel() const { return m_tablesPage ? m_tablesPage->topicsModel() : nullptr; }
PartitionsModel* MainWindow::partitionsModel() const { return m_tablesPage ? m_tablesPage->partitionsModel() : nullptr; }
GroupsModel* MainWindow::groupsModel() const { return m_tablesPage ? m_tablesPage->groupsModel() : nullptr; }
OffsetsModel* MainWindow::offsetsModel() const { return m_tablesPage ? m_tablesPage->offsetsModel() : nullptr; }

QAction* MainWindow::action(const QString& objectName) const { return findChild<QAction*>(objectName); }

void MainWindow::createActions() {
    auto make = [this](const char* name, const QKeySequence& key = {}) {
        auto* a = new QAction(this);
        a->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty()) a->setShortcut(key);
        addAction(a);
        return a;
    };
    connect(make("gallery", QKeySequence(Qt::CTRL | Qt::Key_G)), &QAction::triggered, this, &MainWindow::showGallery);
    connect(make("open", QKeySequence::Open), &QAction::triggered, this, &MainWindow::openFile);
    connect(make("openTrace", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)), &QAction::triggered, this, [this] {
        setView(View::Stream);
        m_stream->openTraceDialog();
    });
    connect(make("sendTraceToTopic"), &QAction::triggered, this, &MainWindow::sendTraceToTopic);
    connect(make("save", QKeySequence::SaveAs), &QAction::triggered, this, &MainWindow::saveFile);
    connect(make("exportPng"), &QAction::triggered, this, [this] { exportDialog(QStringLiteral("png")); });
    connect(make("exportSvg"), &QAction::triggered, this, [this] { exportDialog(QStringLiteral("svg")); });
    connect(make("exportCsv"), &QAction::triggered, this, [this] { exportDialog(QStringLiteral("csv")); });
    connect(make("quit", QKeySequence::Quit), &QAction::triggered, this, &QWidget::close);
    QAction* play = make("play", QKeySequence(Qt::Key_Space));
    play->setShortcutContext(Qt::WindowShortcut);
    // On the stream view, the playback keys drive its own playback.
    connect(play, &QAction::triggered, this, [this] {
        if (m_tabs->currentWidget() == m_stream) m_stream->setPlaying(!m_stream->isPlaying());
        else m_controller->togglePlaying();
    });
    connect(make("stepBack", QKeySequence(Qt::Key_Left)), &QAction::triggered, this, [this] {
        if (m_tabs->currentWidget() != m_stream) return m_controller->stepBack();
        m_stream->setPlaying(false);
        if (m_stream->step() > 0) m_stream->setStep(m_stream->step() - 1);
    });
    connect(make("stepForward", QKeySequence(Qt::Key_Right)), &QAction::triggered, this, [this] {
        if (m_tabs->currentWidget() != m_stream) return m_controller->stepForward();
        m_stream->setPlaying(false);
        m_stream->setStep(m_stream->step() + 1);
    });
    connect(make("now", QKeySequence(Qt::Key_End)), &QAction::triggered, m_controller, &SimulationController::goLive);
    connect(make("addConsumer"), &QAction::triggered, this, &MainWindow::addConsumerInteractive);
    connect(make("compare"), &QAction::triggered, this, [this] {
        if (!m_controller->hasRun()) return;
        auto* compare = new CompareWindow(m_controller, this);
        compare->setAttribute(Qt::WA_DeleteOnClose);
        compare->show();
        if (m_presentation) compare->setPresentation(true);
    });
    QAction* pres = make("presentation", QKeySequence(Qt::Key_F11));
    pres->setCheckable(true);
    connect(pres, &QAction::toggled, this, &MainWindow::setPresentation);
    QAction* leave = make("leavePresentation", QKeySequence(Qt::Key_Escape));
    connect(leave, &QAction::triggered, this, [this] { setPresentation(false); });
    int n = 1;
    for (const ViewSpec& spec : ViewRegistry::builtin().views()) {
        const QString id = spec.id;
        QAction* a = make(spec.actionName.toLatin1().constData(), n <= 9 ? QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + n)) : QKeySequence());
        ++n;
        connect(a, &QAction::triggered, this, [this, id] { m_tabs->setCurrentIndex(ViewRegistry::builtin().indexOf(id)); });
    }
    m_langGroup = new QActionGroup(this);
    for (const QString& code : availableLanguages()) {
        auto* a = new QAction(this);
        a->setObjectName(QStringLiteral("lang_") + code);
        a->setCheckable(true);
        a->setChecked(code == currentLanguage());
        a->setData(code);
        m_langGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { switchLanguage(code); });
    }
    connect(make("about"), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About FluxoLab"),
                           tr("<b>FluxoLab</b><br>A teaching lab that animates a deterministic simulation of Apache Kafka: "
                              "partitions, replicas, offsets and consumer-group rebalances.<br>Every picture comes from the "
                              "simulation's state and journal."));
    });
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    for (const char* n : {"gallery", "open", "save", "openTrace", "sendTraceToTopic"})
        m_fileMenu->addAction(action(QString::fromLatin1(n)));
    m_fileMenu->addSeparator();
    for (const char* n : {"exportPng", "exportSvg", "exportCsv"}) m_fileMenu->addAction(action(QString::fromLatin1(n)));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(QStringLiteral("quit")));

    m_simMenu = menuBar()->addMenu(QString());
    for (const char* n : {"play", "stepBack", "stepForward", "now"}) m_simMenu->addAction(action(QString::fromLatin1(n)));
    m_simMenu->addSeparator();
    m_stopMenu = m_simMenu->addMenu(QString());
    m_crashMenu = m_simMenu->addMenu(QString());
    m_startMenu = m_simMenu->addMenu(QString());
    m_simMenu->addAction(action(QStringLiteral("addConsumer")));

    m_viewMenu = menuBar()->addMenu(QString());
    for (const ViewSpec& spec : ViewRegistry::builtin().views()) m_viewMenu->addAction(action(spec.actionName));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("presentation")));
    m_viewMenu->addAction(action(QStringLiteral("compare")));

    m_langMenu = menuBar()->addMenu(QString());
    m_langMenu->addActions(m_langGroup->actions());
    menuBar()->addAction(action(QStringLiteral("about")));

    // One row of buttons, each with its icon and its text, at 1366 px as at 1920 (a second row
    // would take the cluster view's height on a 768-pixel projector): what a class uses during a
    // demo is a button; opening, saving, building and exporting a scenario are on one labelled
    // "Scenario" menu button (and in the menus).
    m_scenarioMenu = new QMenu(this);
    m_scenarioMenu->menuAction()->setObjectName(QStringLiteral("scenarioMenu"));
    (new ScenarioBuilder(this, m_controller))->install(m_simMenu);
    for (const char* n : {"open", "save", "", "newScenario", "createTopic", "addProducer", "addConsumer", "removeConsumer", "",
                          "exportPng"}) {
        if (!*n) m_scenarioMenu->addSeparator();
        else if (QAction* a = action(QString::fromLatin1(n))) m_scenarioMenu->addAction(a);
    }
    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(QStringLiteral("mainToolbar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolbar->setIconSize(QSize(20, 20));
    m_toolbar->setMovable(false);
    m_toolbar->addAction(action(QStringLiteral("gallery")));
    m_toolbar->addSeparator();
    m_toolbar->addAction(m_stopMenu->menuAction());
    m_toolbar->addAction(m_crashMenu->menuAction());
    m_toolbar->addAction(m_startMenu->menuAction());
    m_toolbar->addSeparator();
    m_toolbar->addAction(m_scenarioMenu->menuAction());
    m_toolbar->addAction(action(QStringLiteral("addConsumer")));
    m_toolbar->addSeparator();
    m_toolbar->addAction(action(QStringLiteral("presentation")));
    // The menus open from the whole button (not only from a small arrow beside it).
    for (QMenu* m : {m_stopMenu, m_crashMenu, m_startMenu, m_scenarioMenu})
        if (auto* b = qobject_cast<QToolButton*>(m_toolbar->widgetForAction(m->menuAction()))) {
            b->setPopupMode(QToolButton::InstantPopup);
            b->setObjectName(QStringLiteral("%1Button").arg(m == m_stopMenu    ? QStringLiteral("stopBroker")
                                                             : m == m_crashMenu ? QStringLiteral("crashBroker")
                                                             : m == m_startMenu ? QStringLiteral("startBroker")
                                                                                : QStringLiteral("scenario")));
        }
}

void MainWindow::setIcons() {
    const std::pair<const char*, std::pair<const char*, const char*>> icons[] = {
        {"gallery", {"view-grid", "gallery"}},
        {"open", {"document-open", "open"}},
        {"save", {"document-save-as", "save"}},
        {"exportPng", {"image-x-generic", "export-image"}},
        {"presentation", {"video-display", "presentation"}},
        {"addConsumer", {"list-add-user", "consumer-add"}},
        {"removeConsumer", {"list-remove-user", "consumer-remove"}},
        {"newScenario", {"document-new", "new-scenario"}},
        {"createTopic", {"", "topic-create"}},
        {"addProducer", {"", "producer-add"}},
        {"viewTerminal", {"utilities-terminal", "terminal"}},
        {"viewLabs", {"", "labs"}},
    };
    for (const auto& [name, icon] : icons)
        if (QAction* a = action(QString::fromLatin1(name))) a->setIcon(appIcon(icon.first, icon.second));
    m_stopMenu->menuAction()->setIcon(appIcon("media-playback-stop", "broker-stop"));
    m_crashMenu->menuAction()->setIcon(appIcon("", "broker-crash"));
    m_startMenu->menuAction()->setIcon(appIcon("media-playback-start", "broker-start"));
    m_scenarioMenu->menuAction()->setIcon(appIcon("document-properties", "new-scenario"));
}

int MainWindow::iconOnlyButtons() const {
    int n = 0;
    for (QAction* a : m_toolbar->actions())
        if (auto* b = qobject_cast<QToolButton*>(m_toolbar->widgetForAction(a)); b && b->toolButtonStyle() == Qt::ToolButtonIconOnly) ++n;
    return n;
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // Lay the window out now (not on the next event loop pass): the views' first frame in the new
    // mode is drawn at their final size.
    layout()->activate();
    if (centralWidget()->layout()) centralWidget()->layout()->activate();
    placeTerminal();
    sizeDocks();
}

namespace {
/// Counts the window's own dock moves (see MainWindow::m_arranging): the docks' location signals
/// they cause are not the user's.
struct Arranging {
    explicit Arranging(int& n) : count(n) { ++count; }
    ~Arranging() { --count; }
    Arranging(const Arranging&) = delete;
    Arranging& operator=(const Arranging&) = delete;
    int& count;
};
} // namespace

bool MainWindow::terminalUnderLabPanel() const {
    if (!m_terminalDock || !m_labsDock || m_terminalDock->isHidden() || m_labsDock->isHidden()) return false;
    if (m_terminalDock->isFloating() || m_labsDock->isFloating()) return false;
    return dockWidgetArea(m_terminalDock) == dockWidgetArea(m_labsDock) && tabifiedDockWidgets(m_labsDock).isEmpty();
}

void MainWindow::placeTerminal() {
    // A dock the user dragged, floated or resized stays where the user put it.
    if (!m_terminalDock || !m_labsDock || m_terminalDock->isFloating() || terminalPlacedByUser()) return;
    const Arranging arranging(m_arranging);
    // isHidden(): what was asked (before the window is shown, isVisible() is false for both).
    // The Kafka views keep the terminal across the bottom, wide enough for Kafka's tables, in any
    // window and mode: in the lab panel's column (455 px at 1366x768) a `kafka-topics --describe`
    // row (144 characters with its configs) took two or three lines even at the tables' smallest
    // size; across the bottom each row is one line (issue #8, first in presentation mode, then in
    // normal mode too), and the lab panel keeps its column's whole height for the step's text.
    // With the stream view in front the terminal goes under the lab panel in a short window: its
    // labs' commands print no wide tables, and its picture and key lanes need the window's height.
    const bool tablesAcross = currentViewWidget() != m_stream;
    const bool underLab = !m_labsDock->isHidden() && !m_labsDock->isFloating() && height() < kTallWindow && !tablesAcross;
    const Qt::DockWidgetArea want = underLab ? dockWidgetArea(m_labsDock) : Qt::BottomDockWidgetArea;
    if (dockWidgetArea(m_terminalDock) == want) return;
    const bool shown = !m_terminalDock->isHidden();
    if (underLab)
        splitDockWidget(m_labsDock, m_terminalDock, Qt::Vertical);
    else
        addDockWidget(Qt::BottomDockWidgetArea, m_terminalDock);
    m_terminalDock->setVisible(shown);
}

void MainWindow::sizeDocks() {
    if (!m_terminalDock || !m_labsDock) return;
    const Arranging arranging(m_arranging);
    // Under the lab panel, the panel folds to its step heading while the terminal has the keyboard
    // (see createCliDocks): the terminal then takes the rest of the column.
    const bool under = terminalUnderLabPanel();
    if (!under && m_labPanel->isFolded()) m_labPanel->setFolded(false);
    if (under && m_labPanel->isFolded() && !terminalPlacedByUser()) {
        m_labsDock->layout()->activate();
        const int lab = m_labsDock->minimumSizeHint().height();
        resizeDocks({m_labsDock, m_terminalDock}, {lab, std::max(1, m_labsDock->height() + m_terminalDock->height() - lab)}, Qt::Vertical);
    } else if (m_terminalSized && m_terminalDock->isVisible() && !m_terminalDock->isFloating()) {
        // The size the user gave it (the menu bar and the tabs coming back after presentation mode
        // would take their room from it).
        const Qt::DockWidgetArea area = dockWidgetArea(m_terminalDock);
        const bool vertical = area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea || under;
        const int want = vertical ? m_userTerminal.height() : m_userTerminal.width();
        if (std::abs((vertical ? m_terminalDock->height() : m_terminalDock->width()) - want) > 2)
            resizeDocks({m_terminalDock}, {want}, vertical ? Qt::Vertical : Qt::Horizontal);
    } else if (m_terminalDock->isVisible() && !m_terminalSized) {
        // The terminal: at least kTerminalLines lines of output, but never more than ~42 % of the
        // window (the cluster view must stay readable above it).
        const TerminalConsole* console = m_terminal->currentConsole();
        const int line = QFontMetrics(console->font()).lineSpacing();
        // (Long lines wrap: no sideways scroll bar takes a line's room.)
        const int chrome = m_terminalDock->height() - console->viewport()->height();
        // With the stream view in front the terminal keeps kStreamTerminalLines (a replay's summary and the
        // prompt) and gives the rest to the picture and its key lanes; the Kafka views get their ten back.
        // Across the bottom of a short window (1366x768, the lab panel beside the view), kShortTerminalLines:
        // a describe of a topic with its command and the prompt, and the cluster view keeps its labels.
        const int lines = currentViewWidget() == m_stream ? kStreamTerminalLines
                          : height() < kTallWindow        ? kShortTerminalLines
                                                          : kTerminalLines;
        const int wanted = std::min(lines * line + std::max(chrome, 40) + 2, height() * 42 / 100);
        if (std::abs(m_terminalDock->height() - wanted) > line / 2) resizeDocks({m_terminalDock}, {wanted}, Qt::Vertical);
    }
    // The lab panel: a third of the window at most, so that three broker columns keep their labels.
    if (m_labsDock->isVisible() && !m_labsSized) {
        const int wanted = std::clamp(width() / 3, 300, 460);
        if (std::abs(m_labsDock->width() - wanted) > 8) resizeDocks({m_labsDock}, {wanted}, Qt::Horizontal);
    }
}

bool MainWindow::event(QEvent* event) {
    // A mouse button on the window itself (not on a child) is on a separator between the docks and
    // the central view: a dock whose size differs when it is released was resized by hand.
    if (event->type() == QEvent::MouseButtonPress && m_terminalDock &&
        !childAt(static_cast<QMouseEvent*>(event)->position().toPoint())) {
        m_pressTerminal = m_terminalDock->isVisible() ? m_terminalDock->size() : QSize();
        m_pressLabs = m_labsDock->isVisible() ? m_labsDock->size() : QSize();
    }
    const bool result = QMainWindow::event(event);
    if (event->type() == QEvent::MouseButtonRelease && m_terminalDock) {
        if (m_pressTerminal.isValid() && m_terminalDock->isVisible() && m_terminalDock->size() != m_pressTerminal) {
            m_terminalSized = true;
            m_userTerminal = m_terminalDock->size();
        }
        if (m_pressLabs.isValid() && m_labsDock->isVisible() && m_labsDock->width() != m_pressLabs.width()) m_labsSized = true;
        m_pressTerminal = m_pressLabs = QSize();
    }
    return result;
}

void MainWindow::rebuildBrokerMenus() {
    for (QMenu* m : {m_stopMenu, m_crashMenu, m_startMenu}) m->clear();
    if (!m_controller->hasRun()) return;
    for (const auto& b : m_controller->observation().brokers) {
        const std::int32_t id = b.id;
        QAction* s = m_stopMenu->addAction(tr("Broker %1").arg(id), this, [this, id] { m_controller->stopBroker(id, false); });
        s->setObjectName(QStringLiteral("stopBroker%1").arg(id));
        QAction* c = m_crashMenu->addAction(tr("Broker %1").arg(id), this, [this, id] { m_controller->stopBroker(id, true); });
        c->setObjectName(QStringLiteral("crashBroker%1").arg(id));
        QAction* st = m_startMenu->addAction(tr("Broker %1").arg(id), this, [this, id] { m_controller->startBroker(id); });
        st->setObjectName(QStringLiteral("startBroker%1").arg(id));
    }
    updateActions();
}

void MainWindow::updateActions() {
    const bool run = m_controller->hasRun();
    action(QStringLiteral("play"))->setText(m_controller->isPlaying() ? tr("Pause") : tr("Play"));
    for (const char* n : {"play", "stepBack", "stepForward", "now", "addConsumer", "save", "exportCsv"})
        action(QString::fromLatin1(n))->setEnabled(run);
    if (run) {
        const labs::observe::Observation& o = m_controller->observation();
        for (const auto& b : o.brokers) {
            if (auto* a = action(QStringLiteral("stopBroker%1").arg(b.id))) a->setEnabled(b.alive);
            if (auto* a = action(QStringLiteral("crashBroker%1").arg(b.id))) a->setEnabled(b.alive);
            if (auto* a = action(QStringLiteral("startBroker%1").arg(b.id))) a->setEnabled(!b.alive);
        }
    }
}

void MainWindow::retranslate() {
    QString title = QStringLiteral("FluxoLab");
    if (m_controller->hasRun()) title += QStringLiteral(" — ") + m_controller->scenarioTitle();
    setWindowTitle(title);
    m_fileMenu->setTitle(tr("&File"));
    m_simMenu->setTitle(tr("&Simulation"));
    m_viewMenu->setTitle(tr("&View"));
    m_langMenu->setTitle(tr("&Language"));
    m_stopMenu->setTitle(tr("Stop broker"));
    m_crashMenu->setTitle(tr("Crash broker"));
    m_startMenu->setTitle(tr("Start broker"));
    m_scenarioMenu->setTitle(tr("Scenario"));
    m_scenarioMenu->menuAction()->setToolTip(tr("Open, save, build (topics, producers, consumers) or export the scenario"));
    m_toolbar->setWindowTitle(tr("Toolbar"));
    struct T { const char* name; QString text; QString tip; };
    const T texts[] = {
        {"gallery", tr("Scenario &gallery…"), tr("Choose one of the bundled scenarios")},
        {"open", tr("&Open scenario…"), tr("Open a scenario JSON file")},
        {"save", tr("&Save scenario as…"), tr("Save the scenario, including the actions you made and the terminal's commands, as JSON")},
        {"openTrace", tr("Open &trace…"), tr("Read a CSV or JSON Lines trace of events into the stream view")},
        {"sendTraceToTopic", tr("Send trace to a top&ic…"),
         tr("Produce a trace's events into a topic of the simulation at their arrival times; the stream view reads the topic")},
        {"exportPng", tr("Export view as &PNG…"), tr("Save the current view as an image (for slides)")},
        {"exportSvg", tr("Export view as S&VG…"), tr("Save the current view as a vector drawing")},
        {"exportCsv", tr("Export plot data as &CSV…"), tr("Save the data behind the plots (in the stream view: the window firings)")},
        {"quit", tr("&Quit"), QString()},
        {"stepBack", tr("Step &back"), tr("Previous journal event (←)")},
        {"stepForward", tr("Step &forward"), tr("Next journal event (→)")},
        {"now", tr("Go to &now"), tr("Back to the newest state")},
        {"addConsumer", tr("Add &consumer…"), tr("Start a new consumer in a group: watch the rebalance")},
        {"compare", tr("Co&mpare assignors…"), tr("The same scenario and seed under two assignors, side by side")},
        {"presentation", tr("&Presentation mode"), tr("Large fonts, thick lines, high contrast; only the toolbar stays (F11)")},
        {"leavePresentation", tr("Leave presentation mode"), QString()},
        {"about", tr("&About"), QString()},
    };
    for (const auto& t : texts) {
        QAction* a = action(QString::fromLatin1(t.name));
        a->setText(t.text);
        a->setToolTip(t.tip.isEmpty() ? QString(t.text).remove(QLatin1Char('&')) : t.tip);
    }
    // Shorter texts on the toolbar buttons (the menus keep the long ones).
    const std::pair<const char*, QString> shortTexts[] = {
        {"gallery", tr("Gallery")}, {"open", tr("Open")},   {"save", tr("Save")},
        {"exportPng", tr("PNG")},   {"presentation", tr("Present")}, {"addConsumer", tr("Consumer +")},
    };
    for (const auto& [name, text] : shortTexts) action(QString::fromLatin1(name))->setIconText(text);
    action(QStringLiteral("lang_pt_PT"))->setText(QStringLiteral("Português (Portugal)"));
    action(QStringLiteral("lang_en"))->setText(QStringLiteral("English"));
    const auto& specs = ViewRegistry::builtin().views();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        m_tabs->setTabText(static_cast<int>(i), specs[i].translatedTitle());
        action(specs[i].actionName)->setText(specs[i].translatedMenuText());
    }
    m_terminalDock->setWindowTitle(tr("Terminal"));
    m_labsDock->setWindowTitle(tr("Labs"));
    m_terminalDock->toggleViewAction()->setText(tr("&Terminal (Kafka CLI)"));
    m_labsDock->toggleViewAction()->setText(tr("La&bs"));
    m_terminalDock->toggleViewAction()->setIconText(tr("Terminal"));
    m_labsDock->toggleViewAction()->setIconText(tr("Labs"));
    m_terminalDock->toggleViewAction()->setToolTip(tr("Kafka CLI terminal (Ctrl+T)"));
    m_labsDock->toggleViewAction()->setToolTip(tr("Guided labs (Ctrl+Shift+L)"));
    if (m_tablesPage)
        for (SnapshotTableModel* m : m_tablesPage->models()) m->refresh();
    updateActions();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

bool MainWindow::openScenario(const QString& nameOrPath, bool interactive, QString* error) {
    QString message;
    if (m_controller->loadFile(nameOrPath, &message)) return true;
    if (error) *error = message;
    if (interactive) QMessageBox::warning(this, tr("Could not open the scenario"), message);
    return false;
}

void MainWindow::showGallery() {
    GalleryDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedPath().isEmpty()) openScenario(dialog.selectedPath(), true);
}

void MainWindow::openFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), scenariosDir(), tr("Scenarios (*.json)"));
    if (!path.isEmpty()) openScenario(path, true);
}

void MainWindow::saveFile() {
    if (!m_controller->hasRun()) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), QString::fromStdString(m_controller->scenario().name) + QStringLiteral(".json"),
                                                      tr("Scenarios (*.json)"));
    if (path.isEmpty()) return;
    if (!saveScenarioTo(path))
        QMessageBox::warning(this, tr("Could not save"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

std::string MainWindow::scenarioJson() const {
    return labs::scenarioToJson(m_controller->actionLog()); // the terminal's commands included
}

bool MainWindow::saveScenarioTo(const QString& path) {
    if (!m_controller->hasRun()) return false;
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(QByteArray::fromStdString(scenarioJson())) >= 0;
}

void MainWindow::exportDialog(const QString& kind) {
    const QString filter = kind == QStringLiteral("png") ? tr("PNG images (*.png)")
                         : kind == QStringLiteral("svg") ? tr("SVG drawings (*.svg)")
                                                         : tr("CSV files (*.csv)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), QStringLiteral("fluxolab.") + kind, filter);
    if (path.isEmpty()) return;
    const bool ok = kind == QStringLiteral("png") ? exportPng(path) : kind == QStringLiteral("svg") ? exportSvg(path) : exportCsv(path);
    if (!ok) QMessageBox::warning(this, tr("Could not save"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

QWidget* MainWindow::currentViewWidget() const { return m_tabs->currentWidget(); }

bool MainWindow::exportPng(const QString& path) {
    QWidget* w = currentViewWidget();
    if (w == m_stream) return m_stream->exportPng(path);
    if (w == m_cluster) {
        const qreal dpr = 2.0;
        QImage image((QSizeF(m_cluster->size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        QPainter p(&image);
        m_cluster->render(p, QSizeF(m_cluster->size()));
        p.end();
        return image.save(path, "PNG");
    }
    return w->grab().save(path, "PNG");
}

bool MainWindow::exportSvg(const QString& path) {
    QWidget* w = currentViewWidget();
    if (w == m_stream) return m_stream->exportSvg(path);
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(w->size());
    gen.setViewBox(QRect(QPoint(0, 0), w->size()));
    gen.setTitle(windowTitle());
    QPainter p;
    if (!p.begin(&gen)) return false;
    if (w == m_cluster) m_cluster->render(p, QSizeF(w->size()));
    else w->render(&p);
    return p.end();
}

bool MainWindow::exportCsv(const QString& path) {
    if (currentViewWidget() == m_stream) return m_stream->exportCsv(path); // the firings, in replay's format
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
    return f.write(m_plots->csv().toUtf8()) >= 0;
}

namespace {
/// The registered view ids behind the View values (the tabs); Terminal and Labs are docks.
constexpr std::pair<MainWindow::View, const char*> kViewIds[] = {{MainWindow::View::Cluster, "cluster"},
                                                                 {MainWindow::View::Groups, "groups"},
                                                                 {MainWindow::View::Tables, "tables"},
                                                                 {MainWindow::View::Plots, "plots"},
                                                                 {MainWindow::View::Stream, "stream"}};
} // namespace

std::optional<MainWindow::View> MainWindow::parseView(const QString& name) {
    for (const auto& [view, id] : kViewIds)
        if (name == QLatin1String(id)) return view;
    if (name == QStringLiteral("terminal")) return View::Terminal;
    if (name == QStringLiteral("labs")) return View::Labs;
    return std::nullopt;
}

void MainWindow::setView(View view) {
    if (view == View::Terminal || view == View::Labs) {
        // Docks beside the cluster view, so that what a command does is seen as it happens.
        m_terminalDock->show();
        if (view == View::Labs) m_labsDock->show();
        placeTerminal();
        (view == View::Labs ? m_labsDock : m_terminalDock)->raise();
        // The lab's step is read first (the keyboard on the terminal would fold the panel).
        if (view == View::Labs)
            m_labPanel->textBrowser()->setFocus();
        else
            m_terminal->currentConsole()->setFocus();
        return;
    }
    for (const auto& [v, id] : kViewIds)
        if (v == view) m_tabs->setCurrentIndex(ViewRegistry::builtin().indexOf(QLatin1String(id)));
}

MainWindow::View MainWindow::currentView() const {
    const QString id = m_tabs->currentWidget() ? m_tabs->currentWidget()->objectName() : QString();
    for (const auto& [view, vid] : kViewIds)
        if (id == QLatin1String(vid)) return view;
    return View::Cluster;
}

void MainWindow::applyCapabilities(labs::observe::Capabilities capabilities) {
    const auto& specs = ViewRegistry::builtin().views();
    for (std::size_t i = 0; i < specs.size(); ++i) m_tabs->setTabVisible(static_cast<int>(i), capabilities.covers(specs[i].needs));
}

void MainWindow::setPresentation(bool on) {
    if (on == m_presentation) return;
    m_presentation = on;
    if (QAction* a = action(QStringLiteral("presentation")); a->isChecked() != on) a->setChecked(on);
    menuBar()->setVisible(!on);
    // The toolbar stays: a demo in presentation mode still fails brokers, adds consumers, opens
    // the terminal and leaves presentation mode from its buttons.
    statusBar()->setVisible(!on && !m_terminalDock->isVisible());
    m_tabs->tabBar()->setVisible(!on);
    const Theme theme = on ? Theme::projector() : Theme::normal();
    m_cluster->setTheme(theme);
    m_plots->setTheme(theme);
    m_stream->setPresentation(on);
    QFont f = QApplication::font();
    f.setPointSizeF(on ? kPresentationPointSize : kNormalPointSize);
    m_groups->setFont(f);
    m_tablesPage->setFont(f);
    m_timeline->setFont(f);
    m_terminal->setPresentation(on);
    m_labPanel->setPresentation(on);
    // Dialogs opened from the window (create topic, about, Qt's message boxes…) follow too.
    setDialogsPresentation(this, on);
    // A compare window already open follows (it was left at the normal theme and scale 1.0).
    for (CompareWindow* compare : findChildren<CompareWindow*>()) compare->setPresentation(on);
    // Slower animations on a projector: halve the speed, restore it afterwards.
    m_controller->setSpeed(on ? m_controller->speed() / 2 : m_controller->speed() * 2);
    if (on) {
        m_wasMaximized = isMaximized();
        if (QGuiApplication::platformName() != QStringLiteral("offscreen")) showFullScreen();
    } else if (isFullScreen()) {
        m_wasMaximized ? showMaximized() : showNormal();
    }
    // Lay the window out now (not on the next event loop pass): the views' first frame in the new
    // mode is drawn at their final size.
    layout()->activate();
    if (centralWidget()->layout()) centralWidget()->layout()->activate();
    placeTerminal();
    sizeDocks();
}

void MainWindow::switchLanguage(const QString& code) {
    if (!setLanguage(code)) return;
    saveLanguage(code);
    for (QAction* a : m_langGroup->actions()) a->setChecked(a->data().toString() == code);
}

void MainWindow::addConsumerToGroup(std::int32_t group) {
    if (!m_controller->hasRun() || group < 0) return;
    m_controller->addConsumer(m_controller->groupName(group));
}

void MainWindow::addConsumerInteractive() {
    if (!m_controller->hasRun()) return;
    AddConsumerDialog dialog(m_controller, this); // group, topics, assignor
    dialog.exec();
}

void MainWindow::createCliDocks() {
    m_cli = new CliHost(m_controller, this);
    m_terminal = new TerminalPanel(m_cli, this);
    m_labPanel = new LabPanel(m_cli, this);
    connect(m_cli, &CliHost::historyChanged, this, &MainWindow::showTerminalReplay);
    m_terminalDock = new QDockWidget(this);
    m_terminalDock->setObjectName(QStringLiteral("terminalDock"));
    m_terminalDock->setWidget(m_terminal);
    m_labsDock = new QDockWidget(this);
    m_labsDock->setObjectName(QStringLiteral("labsDock"));
    m_labsDock->setWidget(m_labPanel);
    // Alone, the terminal spans the whole width under the cluster view. With the lab panel open it
    // goes under the panel (placeTerminal): at 1366x768 ten lines under the cluster view would
    // leave it under 400 px high; its lines never wrap and scroll sideways instead.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    {
        const Arranging arranging(m_arranging);
        addDockWidget(Qt::BottomDockWidgetArea, m_terminalDock);
        addDockWidget(Qt::RightDockWidgetArea, m_labsDock);
        resizeDocks({m_terminalDock}, {300}, Qt::Vertical);
        resizeDocks({m_labsDock}, {460}, Qt::Horizontal);
    }
    // Moved or floated by the user (a drag, a double click on its title): the window places it no more.
    connect(m_terminalDock, &QDockWidget::dockLocationChanged, this, [this] {
        if (m_arranging == 0) m_terminalPlaced = true;
    });
    connect(m_terminalDock, &QDockWidget::topLevelChanged, this, [this] {
        if (m_arranging == 0) m_terminalPlaced = true;
    });
    // Under the lab panel (a short window), the panel folds to its step heading when the keyboard
    // goes to the terminal (a click on it, Ctrl+T; not a command clicked in the panel), so that the
    // terminal gets the column's height; it unfolds when the student goes back to it (a click on the
    // panel, on its heading or on "Show the step") or when the lab moves to a new step.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (!now || !m_labPanel || !m_terminal) return;
        if (m_terminal->isAncestorOf(now) && terminalUnderLabPanel() && !terminalPlacedByUser() && !m_pasting)
            m_labPanel->setFolded(true);
        else if (m_labPanel->isAncestorOf(now))
            m_labPanel->setFolded(false);
    });
    // Again once the panel has laid its folded contents out (its minimum height changes then).
    connect(m_labPanel, &LabPanel::foldedChanged, this, [this] {
        sizeDocks();
        QTimer::singleShot(0, this, [this] { sizeDocks(); });
    });
    connect(m_terminalDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // The status line repeats the timeline's event text: its room goes to the terminal.
        statusBar()->setVisible(!visible && !m_presentation);
        if (visible) sizeDocks();
    });
    connect(m_labsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        placeTerminal();
        if (visible) sizeDocks();
    });
    m_terminalDock->hide();
    m_labsDock->hide();
    QAction* t = m_terminalDock->toggleViewAction();
    t->setObjectName(QStringLiteral("viewTerminal"));
    t->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    // Opening the terminal (Ctrl+T, the toolbar button, the menu) puts the keyboard on its prompt:
    // typed text must not go to the window's shortcuts (Space plays, arrows step).
    connect(t, &QAction::triggered, this, [this](bool shown) {
        if (!shown) return;
        m_terminalDock->raise();
        m_terminal->currentConsole()->setFocus(Qt::ShortcutFocusReason);
    });
    QAction* l = m_labsDock->toggleViewAction();
    l->setObjectName(QStringLiteral("viewLabs"));
    l->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(t);
    m_viewMenu->addAction(l);
    m_toolbar->addSeparator();
    m_toolbar->addAction(t);
    m_toolbar->addAction(l);
    connect(m_labPanel, &LabPanel::commandClicked, this, [this](const QString& command) {
        m_terminalDock->show();
        m_terminalDock->raise();
        // A command clicked in the panel does not fold it: a step's next command stays one click away.
        const QScopedValueRollback pasting(m_pasting, true);
        m_terminal->pasteCommand(command);
    });
    connect(m_labPanel, &LabPanel::labLoaded, this, [this] {
        m_terminalDock->show();
        showLabView();
    });
    connect(m_labPanel, &LabPanel::notice, this, [this](const QString& text) { m_terminal->currentConsole()->showNotice(text); });
}

} // namespace fluxolab::app
