#include "app/terminal/clihost.h"

#include "app/core/language.h"
#include "app/core/simulationcontroller.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSettings>

#include <algorithm>

namespace fluxolab::app {

namespace {
const QString kHistoryKey = QStringLiteral("terminal/history");
}

CliHost::CliHost(SimulationController* controller, QObject* parent) : QObject(parent), m_controller(controller) {
    m_lines = QSettings().value(kHistoryKey).toStringList();
    // One clock owner: the controller's timer ticks the terminal (see holdClock).
    connect(m_controller, &SimulationController::terminalTick, this, &CliHost::onTick);
    connect(m_controller, &SimulationController::aboutToReset, this, [this] {
        // Running commands end (journaled as Ctrl+C: the log that restart or an edit replays holds it).
        Q_EMIT backendAboutToReset();
        dropPlayback(); // the log it plays is kept whole: the next run plays it from the start
        m_cli.reset();
        m_backend.reset();
    });
    connect(m_controller, &SimulationController::reset, this, &CliHost::rebuild);
    m_controller->setTerminalHost(this);
    rebuild();
}

CliHost::~CliHost() {
    dropPlayback();
    if (m_holds > 0 && m_controller) m_controller->releaseTerminalClock();
    if (m_controller) m_controller->setTerminalHost(nullptr);
}

SimulationController* CliHost::controller() const { return m_controller; }

const labs::SessionJournal& CliHost::journal() const { return m_controller->terminalLog(); }

void CliHost::dropPlayback() {
    if (!m_playback) return;
    if (labs::Session* s = m_controller ? m_controller->session() : nullptr; s && s->timedWork() == m_playback.get())
        s->setTimedWork(nullptr);
    m_playback.reset();
}

void CliHost::rebuild() {
    dropPlayback();
    if (m_sliced) { // a new cluster: the replay on the old one is abandoned
        m_sliced.reset();
        m_slicedDone = nullptr;
        ++m_sliceGeneration;
        m_replaying = false;
    }
    m_cli.reset();
    m_backend.reset();
    m_history.clear();
    labs::Session* session = m_controller->session();
    if (session) {
        m_backend = std::make_unique<labs::SimBackend>(*session);
        m_cli = std::make_unique<labs::KafkaCli>(*m_backend);
        m_cli->setReplayLanguage(noteLanguage());
    }
    // The terminal's part of the controller's action log (a saved scenario's, or the one restart,
    // compare or a scenario edit kept): the session fires its commands as its clock passes their
    // times, like the scenario's actions, through this host's CLI, so that the history (lab checks)
    // and the command numbering go on from there. The run starts at 0 and plays through it.
    const labs::SessionJournal& log = m_controller->terminalLog();
    for (const labs::JournalEvent& e : log.events) m_nextConsole = std::max(m_nextConsole, e.tab + 1);
    if (m_backend && !log.empty()) {
        labs::JournalReplayer::Hooks hooks;
        hooks.record = [this](labs::HistoryEntry e) { record(std::move(e)); };
        hooks.command_ended = [this] { commandEnded(); };
        hooks.ticked = [this] { Q_EMIT tick(); };
        // A command of the log still running at its end stops there; the log says so, so that work
        // typed after it (added to the log) does not find it running in a later replay.
        auto stopped = [this](int tab) {
            labs::JournalEvent e;
            e.type = labs::JournalEvent::Type::Interrupt;
            e.tab = tab;
            journal(std::move(e));
        };
        m_playback = std::make_unique<labs::TerminalPlayback>(*m_backend, *m_cli, log, std::move(hooks), stopped);
        session->setTimedWork(m_playback.get());
    }
    Q_EMIT backendReady();
    Q_EMIT historyChanged();
}

void CliHost::setRemote(RemoteCommands* remote) {
    if (remote == m_remote) return;
    // The running commands stop, on either side. Not backendAboutToReset(): the simulation (and a
    // lab on it) stays as it is.
    Q_EMIT targetChanged();
    m_remote = remote;
    m_remoteHistory.clear();
    Q_EMIT targetSwitched();
}

labs::TimeMs CliHost::nowMs() const {
    if (m_remote) return QDateTime::currentMSecsSinceEpoch();
    return m_backend ? m_backend->nowMs() : 0;
}

void CliHost::beginPiece() {
    // Not on a real cluster, nor while the controller replaces the cluster (keepsTerminalLog: the
    // commands still running are journaled as stopped there, and the run is replayed from 0).
    if (m_remote || !m_backend || !m_controller || m_controller->keepsTerminalLog()) return;
    m_controller->beginTerminalPiece();
}

std::unique_ptr<labs::CommandSession> CliHost::start(const std::vector<std::string>& argv, bool interactive) {
    if (m_remote) return m_remote->start(argv, interactive);
    m_controller->settle(); // commands act on the simulation: the background slice ends first
    beginPiece();
    if (!m_cli) return nullptr;
    m_cli->setReplayLanguage(noteLanguage()); // replay's alert in the UI language, as switched now
    return m_cli->start(argv, interactive);
}

void CliHost::syncViews() {
    if (m_backend && !m_remote) m_controller->simulationChangedExternally();
}

void CliHost::record(labs::HistoryEntry entry) {
    if (m_remote) {
        m_remoteHistory.push_back(std::move(entry));
        Q_EMIT historyChanged();
        return;
    }
    m_history.push_back(std::move(entry));
    Q_EMIT historyChanged();
}

void CliHost::recordBuiltin(int tab, labs::HistoryEntry entry) {
    labs::JournalEvent e;
    e.type = labs::JournalEvent::Type::Record;
    e.tab = tab;
    e.entry = entry;
    journal(std::move(e));
    record(std::move(entry));
}

void CliHost::journal(labs::JournalEvent event) {
    // A real cluster cannot be rebuilt by replaying what the terminal did: nothing is journaled.
    if (m_replaying || !m_backend || m_remote) return;
    if (event.at_ms == 0) {
        beginPiece(); // an input line, Ctrl+C or Ctrl+D: journaled before it acts
        event.at_ms = m_backend->nowMs();
    }
    const bool tick = event.type == labs::JournalEvent::Type::Tick;
    m_controller->journalTerminal(std::move(event));
    if (!tick) Q_EMIT journalChanged();
}

labs::JournalReplayer::Hooks CliHost::replayHooks() {
    labs::JournalReplayer::Hooks hooks;
    hooks.record = [this](labs::HistoryEntry e) { record(std::move(e)); };
    hooks.command_ended = [this] { commandEnded(); };
    // Time passes through the session directly (SimBackend::advance, Session::runFor: the same
    // Session::runUntil that tickNow() reaches through the controller, so the journal is the same);
    // the controller's timeline and views catch up once, at the end (syncViews). Through
    // SimulationController::runTo each tick also folded the view and repainted: a 200-command
    // session took 0.9-1.9 s to replay instead of tens of ms.
    hooks.ticked = [this] { Q_EMIT tick(); };
    // Sliced: the same runUntil, cut after a number of simulation events (the same run).
    hooks.advance_until = [this](labs::TimeMs until, std::size_t& budget) {
        labs::Session* s = m_controller ? m_controller->session() : nullptr;
        if (!s) return true;
        return s->runUntil(until - labs::kVirtualEpochMs, budget);
    };
    return hooks;
}

std::size_t CliHost::replay(const labs::SessionJournal& journal) {
    if (!m_backend || !m_cli) return 0;
    dropPlayback(); // this journal replaces the log (a lab's saved progress)
    m_replaying = true;
    labs::JournalReplayer replayer(*m_backend, *m_cli, replayHooks());
    replayer.run(journal);
    m_controller->setTerminalLog(journal);
    m_replaying = false;
    syncViews();
    return journal.commandCount();
}

bool CliHost::replayInSlices(const labs::SessionJournal& journal, std::function<void(std::size_t, bool)> done) {
    if (m_sliced) cancelReplay();
    if (!m_backend || !m_cli) {
        if (done) done(0, true);
        return true;
    }
    dropPlayback(); // this journal replaces the log (a lab's saved progress)
    m_replaying = true;
    m_sliced = std::make_unique<labs::JournalReplayer>(*m_backend, *m_cli, replayHooks());
    m_slicedJournal = journal;
    m_slicedDone = std::move(done);
    m_sliced->begin(m_slicedJournal);
    replaySlice(true);
    return m_sliced == nullptr;
}

void CliHost::replaySlice(bool first) {
    if (!m_sliced) return;
    QElapsedTimer t;
    t.start();
    // Pieces of at most 64 simulation events (as the playback worker's), until the slice's time is
    // up; the first slice is longer (a short journal - most of them - still replays at once).
    const int sliceMs = first ? m_firstSliceMs : m_sliceMs;
    do {
        if (m_sliced->step(64)) {
            endSlicedReplay(true);
            return;
        }
    } while (t.elapsed() < sliceMs);
    Q_EMIT replayProgressed(m_sliced->progress());
    const std::uint64_t generation = m_sliceGeneration;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_sliceGeneration) replaySlice();
    });
}

void CliHost::cancelReplay() {
    if (m_sliced) endSlicedReplay(false);
}

double CliHost::replayProgress() const { return m_sliced ? m_sliced->progress() : 1.0; }

void CliHost::endSlicedReplay(bool complete) {
    labs::SessionJournal replayed = complete ? m_slicedJournal : m_sliced->stopHere();
    m_sliced.reset();
    ++m_sliceGeneration;
    m_controller->setTerminalLog(replayed);
    m_replaying = false;
    syncViews();
    auto done = std::move(m_slicedDone);
    m_slicedDone = nullptr;
    if (done) done(replayed.commandCount(), complete);
}

void CliHost::clearHistory() {
    m_history.clear();
    Q_EMIT historyChanged();
}

void CliHost::addTypedLine(const QString& line) {
    if (line.trimmed().isEmpty()) return;
    if (!m_lines.isEmpty() && m_lines.back() == line) return;
    m_lines.append(line);
    while (m_lines.size() > kMaxTypedLines) m_lines.removeFirst();
    QSettings().setValue(kHistoryKey, m_lines);
}

void CliHost::noteTypedCommand(int tab, const QString& text) {
    m_typedCommands.push_back({text.toStdString(), {}});
    m_typedByTab[tab] = m_typedDropped + m_typedCommands.size() - 1;
    if (m_typedCommands.size() > static_cast<std::size_t>(kMaxTypedLines)) {
        m_typedCommands.erase(m_typedCommands.begin());
        ++m_typedDropped;
    }
}

void CliHost::noteTypedInput(int tab, const QString& line) {
    const auto it = m_typedByTab.find(tab);
    if (it == m_typedByTab.end() || it->second < m_typedDropped) return;
    const std::size_t i = it->second - m_typedDropped;
    if (i < m_typedCommands.size()) m_typedCommands[i].input.push_back(line.toStdString());
}

QString CliHost::typedScript() const { return QString::fromStdString(labs::scriptFromTyped(m_typedCommands)); }

QStringList CliHost::topicNames() const {
    if (m_remote) return m_remote->names().topics;
    QStringList out;
    if (m_backend)
        for (const auto& t : m_backend->listTopics(true)) out << QString::fromStdString(t);
    return out;
}

QStringList CliHost::groupNames() const {
    if (m_remote) return m_remote->names().groups;
    QStringList out;
    if (m_backend)
        for (const auto& g : m_backend->listGroups()) out << QString::fromStdString(g);
    return out;
}

QStringList CliHost::bootstrapServers() const {
    if (m_remote) return m_remote->names().bootstrapServers;
    QStringList out;
    if (m_backend)
        for (const auto& b : m_backend->brokers()) out << QStringLiteral("%1:%2").arg(QString::fromStdString(b.host)).arg(b.port);
    return out;
}

labs::Language CliHost::noteLanguage() {
    return currentLanguage() == QStringLiteral("en") ? labs::Language::English : labs::Language::Portuguese;
}

void CliHost::holdClock() {
    if (m_holds++ == 0 && m_controller) m_controller->holdTerminalClock();
}

void CliHost::releaseClock() {
    if (m_holds > 0 && --m_holds == 0 && m_controller) m_controller->releaseTerminalClock();
}

void CliHost::onTick() {
    // A fixed step of virtual time per tick (not the wall-clock time since the last one): the
    // journal then replays a lab's session exactly, whatever the machine's load was.
    tickNow(kTickMs);
}

void CliHost::tickNow(labs::TimeMs ms) {
    if (m_remote) {
        // A real cluster's time is the wall clock: the running commands just report.
        Q_EMIT tick();
        return;
    }
    // Running commands and lab checks read the simulation on this tick: no background slice may
    // run. The tick is a piece of terminal work: it starts with the current instant complete.
    m_controller->settle();
    beginPiece();
    // While the controller plays, its timer moves time; otherwise the running commands do, at
    // wall-clock speed, so that a console consumer keeps receiving what another tab produces.
    if (m_backend) {
        journal(labs::JournalEvent::tick(m_controller->isPlaying() ? 0 : ms));
        if (!m_controller->isPlaying()) {
            // The tick's time is held (SimBackend::advance): the log's work that comes due inside it
            // fires after it, as in a replay, where the tick is one piece of the log.
            m_backend->advance(ms);
            m_controller->simulationChangedExternally();
        }
        // The log's commands still running are pumped by this tick as well (its replay's tick pumps
        // every running command), before the consoles (their tabs come after the log's).
        if (m_playback) m_playback->pumpRunning();
    }
    Q_EMIT tick();
}

} // namespace fluxolab::app
static_assert(fluxolab::app::CliHost::kTickMs == fluxolab::app::SimulationController::kTerminalTickMs);
