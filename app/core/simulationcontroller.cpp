#include "app/core/simulationcontroller.h"

#include "app/core/errortexts.h"
#include "app/core/language.h"
#include "app/core/texts.h"
#include "labs/kafka_tools/topic_error_notes.h"
#include "labs/common/data_dirs.h"
#include "labs/session/session_journal.h"
#include "labs/stream_observe/scenario_streams.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace fluxolab::app {

namespace {
/// Virtual milliseconds per wall-clock millisecond at speed 1x.
constexpr double kVirtualPerWall = 1.0;

/// Runs `run` towards `target` in pieces of at most SimulationController::kEventsPerPiece
/// simulation events, stopping early once `budget_ms` of wall time is spent (0 = no limit), or
/// once `stop` returns true (the UI thread needs the simulation now, or the next frame is due: it
/// waits for the piece in progress only). Where it stops, even between two events of one instant,
/// the next run resumes: the run is the same as one uncut runUntil(target).
/// `fired` counts the events fired, for SimulationController::longestWorkerWaitEvents().
/// True when it got to `target`.
template <typename Stop>
bool runSlices(labs::Session& run, labs::TimeMs target, int budget_ms, Stop stop, std::atomic<std::uint64_t>* fired = nullptr) {
    QElapsedTimer budget;
    budget.start();
    for (;;) {
        std::size_t piece = SimulationController::kEventsPerPiece;
        const bool reached = run.runUntil(target, piece);
        if (fired) fired->fetch_add(SimulationController::kEventsPerPiece - piece);
        if (reached) return true;
        if (budget_ms > 0 && budget.elapsed() >= budget_ms) return false;
        if (stop()) return false;
    }
}
} // namespace

QString scenariosDir() {
    return QDir(QFile::decodeName(labs::dataDirectory(labs::DataKind::Scenarios).c_str())).absolutePath();
}

QString resolveScenario(const QString& nameOrPath) {
    return QFile::decodeName(labs::resolveScenarioFile(QFile::encodeName(nameOrPath).toStdString()).c_str());
}

SimulationController::SimulationController(QObject* parent) : QObject(parent) {
    m_timer.setInterval(kFrameMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationController::frameTick);
    if (QCoreApplication::instance()) QCoreApplication::instance()->installEventFilter(this);
}

SimulationController::~SimulationController() {
    settle();
    m_headless_terminal.reset(); // attached to the session
    m_topic_stream.reset(); // its timers are on the run's scheduler
    m_cursor.detach();      // holds a reference into the run's journal
    m_run.reset();
}

void SimulationController::settle() const { finishSlice(true); }

void SimulationController::finishSlice(bool interrupt) const {
    bool had = false;
    if (m_worker.busy()) {
        // The UI thread needs the simulation now: with `interrupt`, the worker stops after the
        // piece of at most kEventsPerPiece events it is firing (the next frame simulates the rest).
        QElapsedTimer waited;
        waited.start();
        if (interrupt) m_stop_slice.store(true); // before reading the count: see runSlices
        const std::uint64_t before = m_worker_events.load();
        had = m_worker.wait();
        m_stop_slice.store(false);
        m_longest_wait_ms = std::max(m_longest_wait_ms, static_cast<double>(waited.nsecsElapsed()) / 1e6);
        if (interrupt) {
            m_longest_wait_events = std::max(m_longest_wait_events, m_worker_events.load() - before);
            ++m_worker_waits;
        }
    } else {
        had = m_worker.wait();
    }
    if (!had) return;
    // The slice ran on the worker; fold its events into the timeline and the plots here.
    const_cast<SimulationController*>(this)->syncTimeline();
}

bool SimulationController::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::Shortcut:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::ContextMenu:
    case QEvent::Drop:
    case QEvent::InputMethod:
    case QEvent::Close:
        settle();
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

void SimulationController::load(const labs::Scenario& scenario, std::uint64_t seed) {
    // The terminal's part of the action log is held apart from the scenario's actions (the
    // session's scenario) and joined with them again by actionLog().
    std::string terminalError;
    auto terminal = labs::scenarioTerminal(scenario, &terminalError);
    if (!terminalError.empty())
        qWarning("FluxoLab: the scenario's terminal commands were not replayed: %s", terminalError.c_str());
    loadRun(scenario, seed, terminal ? std::move(*terminal) : labs::SessionJournal{});
}

void SimulationController::loadRun(const labs::Scenario& scenario, std::uint64_t seed,
                                   std::optional<labs::SessionJournal> terminal) {
    settle();
    setPlaying(false);
    // Kept: commands still running are stopped now, and journaled so (Ctrl+C) in the log that is
    // replayed, so that every later replay stops them at the same moment.
    m_keeping_terminal = !terminal.has_value();
    if (m_run) Q_EMIT aboutToReset();
    m_keeping_terminal = false;
    if (terminal) m_terminal = std::move(*terminal);
    m_headless_terminal.reset();
    m_topic_stream.reset();
    m_cursor.detach();
    m_run.reset();
    m_seed = seed;
    m_run = std::make_unique<labs::Session>(scenario, seed); // its scenario(): without the terminal part
    // Not synced yet: the plot samples see every event from the first (syncTimeline).
    m_cursor.attach(m_run->journal(), false);
    dropObservation();
    m_sampler.reset();
    m_run->runUntil(0);
    syncTimeline();
    m_cursor.moveTo(m_cursor.size());
    dropObservation();
    m_time = 0;
    m_demo_end_announced = false;
    // The terminal's part of the log plays as the clock passes its events, like the scenario's
    // actions: the run starts at 0 and the timeline plays through the terminal's work.
    Q_EMIT reset(); // a terminal host attaches its playback of m_terminal here
    if (!m_terminal_host && !m_terminal.empty())
        m_headless_terminal = std::make_unique<labs::HeadlessTerminalPlayback>(*m_run, m_terminal);
    if (const auto work = m_run->nextWorkAt(); work && *work <= m_run->now()) {
        // Terminal work made at 0 (before the clock first moved) is there from the start.
        m_run->runUntil(m_run->now());
        syncTimeline();
        goLive();
        return;
    }
    Q_EMIT changed();
}

labs::Scenario SimulationController::actionLog() const {
    labs::Scenario s = scenario();
    if (!m_terminal.empty()) s.terminal = m_terminal.toJson();
    return s;
}

bool SimulationController::loadFile(const QString& pathOrName, QString* error, std::optional<std::uint64_t> seed) {
    const QString path = resolveScenario(pathOrName);
    if (path.isEmpty() && QFileInfo(pathOrName).isDir()) {
        if (error)
            *error = tr("\"%1\" is a folder, not a scenario file. Use a gallery name or the path of a .json file.")
                         .arg(QDir::toNativeSeparators(pathOrName));
        return false;
    }
    if (path.isEmpty()) {
        if (error) *error = tr("Scenario not found: \"%1\". Use a gallery name or the path of a .json file.").arg(pathOrName);
        return false;
    }
    labs::ScenarioError err;
    std::optional<labs::Scenario> s;
    try {
        s = labs::loadScenarioFile(QFile::encodeName(path).toStdString(), err);
    } catch (const std::exception& e) {
        err.code = labs::ScenarioErrorCode::Internal;
        err.detail = e.what();
    }
    if (s) {
        // The terminal's part of the action log is checked here, before anything is replaced.
        std::string terminalError;
        labs::scenarioTerminal(*s, &terminalError);
        if (!terminalError.empty()) {
            err.code = labs::ScenarioErrorCode::BadTerminalJournal;
            err.path = "/terminal";
            // labs' technical reason, after its "/terminal: " (the path is named apart).
            err.detail = terminalError.starts_with("/terminal: ") ? terminalError.substr(11) : terminalError;
            s.reset();
        }
    }
    if (!s) {
        if (error)
            *error = tr("The scenario file %1 is not valid:\n%2").arg(QDir::toNativeSeparators(path), ErrorTexts::scenarioError(err));
        return false;
    }
    // A relative trace of trace_feeds is relative to the scenario file's folder.
    stream_observe::resolveScenarioTraces(*s, QFile::encodeName(path).toStdString());
    stream_observe::ScenarioStreamProblem problem;
    if (stream_observe::checkScenarioStreams(*s, &problem)) {
        if (error)
            *error = tr("The scenario file %1 is not valid:\n%2")
                         .arg(QDir::toNativeSeparators(path), ErrorTexts::scenarioStreamProblem(problem));
        return false;
    }
    m_source_path = path;
    load(*s, seed.value_or(s->seed));
    return true;
}

void SimulationController::restart(std::uint64_t seed) {
    settle();
    if (!m_run) return;
    const labs::Scenario s = m_run->scenario(); // a copy: the load replaces the session
    loadRun(s, seed, std::nullopt);             // the terminal's part kept and replayed
}

void SimulationController::setPlaying(bool playing) {
    if (!playing && m_playing && m_run && m_background_live) {
        // Pausing live playback shows the slice the worker was simulating, and stays live.
        settle();
        setCursor(eventCount(), m_run->now());
    }
    m_background_live = false;
    // A simulation runs on until the user stops it: the scenario's duration is where its demo is
    // meant to end (demoEndReached), not where time stops.
    if (playing && !m_run) playing = false;
    if (playing == m_playing) return;
    m_playing = playing;
    if (m_playing) m_wall.start();
    updateTimer();
    Q_EMIT playingChanged(m_playing);
}

void SimulationController::updateTimer() {
    if (m_playing) {
        if (!m_timer.isActive() || m_timer.interval() == kTerminalTickMs) {
            m_timer.setInterval(kFrameMs);
            m_timer.start();
            m_terminal_wall.start();
        }
    } else if (m_terminal_holds > 0) {
        if (!m_timer.isActive() || m_timer.interval() != kTerminalTickMs) {
            m_timer.setInterval(kTerminalTickMs);
            m_timer.start();
        }
    } else {
        m_timer.stop();
    }
}

void SimulationController::holdTerminalClock() {
    if (m_terminal_holds++ == 0) {
        m_terminal_wall.start();
        updateTimer();
    }
}

void SimulationController::releaseTerminalClock() {
    if (m_terminal_holds > 0 && --m_terminal_holds == 0) updateTimer();
}

void SimulationController::setSpeed(double speed) {
    speed = std::clamp(speed, 0.25, 64.0);
    if (speed == m_speed) return;
    m_speed = speed;
    dropObservation(); // the animations' windows depend on the speed
    Q_EMIT speedChanged(m_speed);
}

void SimulationController::loadWithAssignor(const SimulationController& source, std::int32_t assignor) {
    labs::Scenario s = source.actionLog(); // the terminal's work too: compare replays the whole log
    const auto kind = static_cast<labs::AssignorKind>(assignor);
    for (auto& c : s.consumers) c.config.assignors = {kind};
    for (auto& a : s.actions)
        if (a.consumer) a.consumer->config.assignors = {kind};
    load(s, source.seed());
}


std::vector<std::int32_t> SimulationController::assignorKinds() {
    std::vector<std::int32_t> kinds;
    for (auto k : {labs::AssignorKind::Range, labs::AssignorKind::RoundRobin, labs::AssignorKind::Sticky,
                   labs::AssignorKind::CooperativeSticky})
        kinds.push_back(static_cast<std::int32_t>(k));
    return kinds;
}

std::optional<std::int64_t> SimulationController::nextEventTime(std::int64_t after) const {
    if (!m_run) return std::nullopt;
    settle();
    for (std::size_t i = cursor(); i < eventCount(); ++i)
        if (const labs::TimeMs t = m_cursor.eventTime(i); t > after) return t;
    return std::nullopt;
}

bool SimulationController::isLive() const { return m_run && cursor() >= eventCount(); }

void SimulationController::syncTimeline() {
    // The plot samples are taken from the timeline's own fold as it indexes the new events.
    m_sampler.sync(m_cursor, m_run->sim());
    dropObservation();
}

void SimulationController::dropObservation() const {
    if (!m_observation) return;
    m_partition_cache.partitions = std::move(m_observation->partitions); // they serve the next one
    m_observation.reset();
}

const labs::observe::Observation& SimulationController::observation() const {
    settle();
    if (!m_observation) {
        if (m_run) {
            // The windows of the canvas's animations: a wall-clock duration in virtual time at this speed.
            labs::observe::ObserveOptions options;
            options.now = m_time;
            options.appends_ms = static_cast<labs::TimeMs>(kFlightWallMs * std::max(1.0, m_speed));
            options.changes_ms = std::max<labs::TimeMs>(static_cast<labs::TimeMs>(kRebalanceWallMs * std::max(1.0, m_speed)), 30000);
            options.scenario = &m_run->scenario();
            // Its record_key reads the simulation: valid on the UI thread until the next changed()
            // (a background slice only starts from the playback timer, after the views painted).
            m_observation = m_cursor.observe(m_run->sim(), isLive(), options, &m_partition_cache);
            m_observation->journal_events = eventCount(); // the timeline's range (the journal may be ahead)
        } else {
            m_observation = labs::observe::Observation{};
        }
    }
    return *m_observation;
}

void SimulationController::setCursor(std::size_t events, labs::TimeMs time) {
    m_background_live = false; // moved by hand (scrub, step) or by advance(), which sets it again
    events = std::min(events, eventCount());
    if (m_run && !m_demo_end_announced && m_playing && time >= duration()) {
        m_demo_end_announced = true;
        Q_EMIT demoEndReached();
    }
    m_cursor.moveTo(events);
    m_time = time;
    dropObservation();
    Q_EMIT changed();
}

void SimulationController::simulateTowards(labs::TimeMs target, int budget_ms) {
    runSlices(*m_run, target, budget_ms, [] { return false; });
    syncTimeline();
}

void SimulationController::onFrameDueQueued() { onFrameDue(m_due_slice.load(), m_due_at.load()); }

void SimulationController::advance(double wall_ms, bool background) {
    finishSlice(false); // the playback timer does not come here while the worker simulates (frameTick)
    if (!m_run) return;
    const auto delta = static_cast<labs::TimeMs>(wall_ms * m_speed * kVirtualPerWall);
    const labs::TimeMs simulated = m_run->now();
    // Following "now" with background slices, the picture trails the simulation by one frame: the
    // next slice starts where the last one ended (from the picture, every other frame would have
    // nothing to simulate and playback would run at half speed).
    const labs::TimeMs from = background && m_background_live ? std::max(m_time, simulated) : m_time;
    labs::TimeMs target = from + std::max<labs::TimeMs>(1, delta);
    // The terminal's work (TerminalPlayback) runs commands that talk to the terminal and the lab
    // panel: a slice that reaches it runs on the UI thread.
    if (const auto work = m_run->nextWorkAt(); work && *work <= target) background = false;
    if (target > simulated) {
        if (background) {
            // Show what is simulated already (the views build their layouts now, reading the
            // simulation), then simulate up to `target` on the worker while they paint.
            setCursor(m_cursor.eventsUpTo(simulated), simulated);
            labs::Session* run = m_run.get();
            m_background_live = true;
            // No wall-clock budget: the worker runs until the slice's target is reached or the next
            // frame is due (frameTick), and then stops after the piece it is firing.
            const std::atomic<bool>* stop = &m_stop_slice;
            std::atomic<int>* state = &m_slice_state;
            std::atomic<std::uint64_t>* fired = &m_worker_events;
            state->store(kSliceRunning);
            const std::uint64_t slice = ++m_slice_number;
            m_worker.start([this, run, target, stop, state, fired, slice] {
                runSlices(*run, target, 0, [stop, state] { return stop->load() || state->load() == kSliceFrameDue; }, fired);
                int expected = kSliceRunning;
                if (!state->compare_exchange_strong(expected, kSliceDone)) {
                    // The frame came due while this slice ran: take it as soon as the piece ends
                    // instead of at the next tick.
                    m_due_at.store(fired->load());
                    m_due_slice.store(slice);
                    QMetaObject::invokeMethod(this, "onFrameDueQueued", Qt::QueuedConnection);
                }
            });
            return;
        }
        m_background_live = false;
        if (!isLive()) setCursor(eventCount(), simulated); // catch up with the replay first
        simulateTowards(target, kSliceBudgetMs);
        target = std::min(target, m_run->now());
    }
    setCursor(m_cursor.eventsUpTo(target), target);
}

void SimulationController::frameTick() {
    if (!m_playing) {
        // Paused: the timer is the terminal's clock (a console client holds it).
        if (m_terminal_holds > 0) Q_EMIT terminalTick();
        return;
    }
    // Never wait for the worker's slice on the UI thread: while it still simulates (a busy scenario,
    // a loaded machine), the frame is due now, so the worker stops after the piece of at most
    // kEventsPerPiece events it is firing and then hands the frame over (onFrameDue). Frames then
    // come every kBusyFrameMs, leaving the worker more of each frame; when a slice reaches its
    // target before the frame is due, the simulation keeps up and frames come every kFrameMs.
    if (m_worker.busy()) {
        int expected = kSliceRunning;
        if (m_slice_state.compare_exchange_strong(expected, kSliceFrameDue)) {
            m_events_when_due = m_worker_events.load();
            ++m_frame_due_stops;
            if (m_timer.interval() != kBusyFrameMs) m_timer.setInterval(kBusyFrameMs);
            return;
        }
        if (expected == kSliceFrameDue) return; // the worker is stopping and will hand the frame over
        // kSliceDone: the slice ended and the worker is returning: take the frame now.
    } else if (m_timer.interval() != kFrameMs) {
        m_timer.setInterval(kFrameMs);
    }
    takeFrame();
}

void SimulationController::onFrameDue(std::uint64_t slice, std::uint64_t stoppedAt) {
    // A tick may have taken the frame already (the worker had finished when it came), and
    // started the next slice: that one is left alone.
    if (slice != m_slice_number) return;
    m_longest_frame_due_events = std::max(m_longest_frame_due_events, stoppedAt - m_events_when_due);
    takeFrame();
}

void SimulationController::takeFrame() {
    if (!m_playing || !m_run) return; // paused or reloaded since the frame came due
    if (m_terminal_holds > 0 && m_terminal_wall.elapsed() >= kTerminalTickMs) {
        // Playing: the console clients are pumped from the frame (the worker is idle here). The
        // frame moves the clock; the tick lets no time pass of its own, and it starts as every piece
        // of terminal work does (beginTerminalPiece): with the instant the last slice stopped in
        // complete, where a replay of the terminal's log pumps them.
        m_terminal_wall.restart();
        Q_EMIT terminalTick();
        if (!m_playing || !m_run) return;
    }
    const double wall = static_cast<double>(m_wall.restart());
    advance(std::min(wall, 100.0), true);
}

void SimulationController::runTo(labs::TimeMs t) {
    settle();
    if (!m_run) return;
    if (t > m_run->now()) simulateTowards(t, 0);
    setCursor(m_cursor.eventsUpTo(t), std::min(t, m_run->now()));
}

std::vector<std::string> SimulationController::liveTopicNames() const {
    settle();
    return m_run ? m_run->liveTopicNames() : std::vector<std::string>();
}

std::string SimulationController::groupName(std::int32_t group) const {
    settle();
    return m_run ? m_run->groupName(group) : std::string();
}

bool SimulationController::runTowards(labs::TimeMs t, int budget_ms) {
    settle();
    if (!m_run) return true;
    if (t > m_run->now()) {
        const bool reached = runSlices(*m_run, t, std::max(1, budget_ms), [] { return false; });
        syncTimeline();
        if (!reached) return false;
    }
    setCursor(m_cursor.eventsUpTo(t), std::min(t, m_run->now()));
    return true;
}

void SimulationController::stepForward() {
    settle();
    if (!m_run) return;
    setPlaying(false);
    if (cursor() < eventCount()) {
        const std::size_t n = cursor() + 1;
        setCursor(n, m_cursor.eventTime(n - 1));
        return;
    }
    // At "now": simulate until the journal grows (bounded: at most 10 s of virtual time). The
    // journal's own size, not eventCount() (the cursor's, which grows only at syncTimeline()).
    const std::size_t before = eventCount();
    const std::size_t journalBefore = m_run->journalSize();
    const labs::TimeMs limit = m_run->now() + 10000;
    while (m_run->journalSize() == journalBefore && m_run->now() < limit) m_run->runUntil(m_run->now() + 10);
    syncTimeline();
    if (eventCount() > before) setCursor(before + 1, m_cursor.eventTime(before));
    else setCursor(before, m_run->now());
}

void SimulationController::stepBack() {
    settle();
    if (!m_run || cursor() == 0) return;
    setPlaying(false);
    const std::size_t n = cursor() - 1;
    setCursor(n, n == 0 ? 0 : m_cursor.eventTime(n - 1));
}

void SimulationController::seek(std::size_t events) {
    settle();
    if (!m_run) return;
    events = std::min(events, eventCount());
    if (events == eventCount()) {
        goLive();
        return;
    }
    setCursor(events, events == 0 ? 0 : m_cursor.eventTime(events - 1));
}

void SimulationController::goLive() {
    settle();
    if (!m_run) return;
    setCursor(eventCount(), m_run->now());
}

void SimulationController::beginTerminalPiece() {
    settle();
    if (!m_run) return;
    const std::size_t before = m_run->journalSize();
    m_run->beginPiece();
    if (m_run->journalSize() != before) syncTimeline();
}

void SimulationController::simulationChangedExternally() {
    settle();
    if (!m_run) return;
    syncTimeline();
    goLive();
}

void SimulationController::stopBroker(labs::BrokerId id, bool crash) {
    settle();
    if (!m_run) return;
    goLive();
    m_run->stopBroker(id, crash);
    syncTimeline();
    goLive();
}

void SimulationController::startBroker(labs::BrokerId id) {
    settle();
    if (!m_run) return;
    goLive();
    m_run->startBroker(id);
    syncTimeline();
    goLive();
}

std::int32_t SimulationController::addConsumer(const std::string& group, std::vector<std::string> topics,
                                               std::optional<labs::AssignorKind> assignor) {
    settle();
    if (!m_run) return -1;
    goLive();
    const std::int32_t index = m_run->addConsumer(group, std::move(topics), assignor);
    syncTimeline();
    goLive();
    return index;
}

bool SimulationController::createTopic(const std::string& name, std::int32_t partitions, std::int32_t rf, QString* error) {
    settle();
    if (!m_run) return false;
    goLive();
    // The simulation validates, exactly as the controller of a real cluster would; nothing is recorded on error.
    const labs::AdminResult r = m_run->createTopic(name, partitions, rf);
    if (!r.ok()) {
        if (error) {
            // Kafka 4.3.1's own message, as kafka-topics --create would print it.
            const labs::TopicCreateRefusal refusal = labs::topicCreateRefusal(r, name);
            *error = tr("Kafka refused to create the topic: %1 (%2)")
                         .arg(QString::fromStdString(refusal.kafka_text), QString::fromStdString(refusal.error_name));
            // Kafka's text stays as Kafka prints it; the teaching note explains it in the UI's language.
            if (refusal.note) {
                const labs::Language lang =
                    currentLanguage() == QStringLiteral("en") ? labs::Language::English : labs::Language::Portuguese;
                const std::string_view text = labs::noteText(*refusal.note, lang);
                *error += QLatin1Char('\n') + QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
            }
        }
        return false;
    }
    syncTimeline();
    goLive();
    return true;
}

std::string SimulationController::addProducer(const std::string& topic, double ratePerSec, const labs::KeySpec& keys) {
    settle();
    if (!m_run) return {};
    const labs::TimeMs now = m_run->now();
    std::string id;
    labs::Scenario s = m_run->scenarioWithProducer(topic, ratePerSec, keys, &id);
    // The session has no "add producer" action: replay the scenario with the producer in it. Same
    // scenario + seed => the same journal up to now, then the producer starts.
    // The terminal's part of the action log is kept and replayed with it: the topics and records the
    // terminal made come back.
    const QString source = m_source_path;
    loadRun(s, m_seed, std::nullopt);
    m_source_path = source;
    runTo(now);
    return id;
}

QString SimulationController::scenarioTitle() const {
    if (!hasRun()) return {};
    const labs::Scenario& s = scenario();
    const bool en = currentLanguage() == QStringLiteral("en");
    const std::string& t = en && !s.title.en.empty() ? s.title.en : s.title.pt_PT;
    return QString::fromStdString(t.empty() ? s.name : t);
}

void SimulationController::newScenario(std::int32_t brokers) {
    settle();
    labs::Scenario s;
    s.name = "novo-cenario";
    s.title.pt_PT = "Cenário novo";
    s.title.en = "New scenario";
    s.seed = 1;
    s.duration_ms = 120000;
    s.cluster.brokers = brokers;
    m_source_path.clear();
    load(s, s.seed);
}

void SimulationController::removeConsumer(std::int32_t consumer) {
    settle();
    if (!m_run || consumer < 0 || consumer >= m_run->consumerCount()) return;
    goLive();
    m_run->removeConsumer(consumer);
    syncTimeline();
    goLive();
}

const stream_observe::TopicStreamRun* SimulationController::topicStream() const {
    settle();
    if (m_topic_stream) return m_topic_stream.get();
    if (m_run && m_run->streams() && !m_run->streams()->jobs().empty()) return m_run->streams()->jobs().front().get();
    return nullptr;
}

QString SimulationController::streamProblem() const {
    settle();
    if (m_topic_stream) {
        if (!m_topic_stream->errorInfo().failed()) return {};
        return tr("The trace sent to the topic: %1").arg(ErrorTexts::topicRunError(m_topic_stream->errorInfo()));
    }
    if (!m_run || !m_run->streams()) return {};
    const stream_observe::ScenarioStreamProblem problem = m_run->streams()->problem();
    if (problem.kind == stream_observe::ScenarioStreamProblem::Kind::None) return {};
    return tr("The scenario's streams: %1").arg(ErrorTexts::scenarioStreamProblem(problem));
}

bool SimulationController::attachTopicStream(stream_observe::TopicRunOptions options, QString* error) {
    settle();
    if (!m_run) {
        if (error) *error = tr("No scenario is loaded.");
        return false;
    }
    m_topic_stream.reset();
    options.feedStart = m_run->now();
    auto run = std::make_unique<stream_observe::TopicStreamRun>(m_run->sim(), options);
    if (!run->error().empty()) {
        if (error)
            *error =
                tr("Could not send the trace to the topic: %1").arg(ErrorTexts::topicRunError(run->errorInfo()));
        return false;
    }
    m_topic_stream = std::move(run);
    Q_EMIT changed();
    return true;
}

} // namespace fluxolab::app
