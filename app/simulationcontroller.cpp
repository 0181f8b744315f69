#include "app/simulationcontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstdlib>

namespace fluxolab::app {

namespace {
constexpr sim::TimeMs kSampleEveryMs = 250;
constexpr sim::TimeMs kRateWindowMs = 1000;
/// Virtual milliseconds per wall-clock millisecond at speed 1x.
constexpr double kVirtualPerWall = 1.0;
} // namespace

void PlotSeries::clear() { *this = PlotSeries{}; }

QString scenariosDir() {
    const QByteArray env = qgetenv("FLUXOLAB_ASSETS");
    QStringList candidates;
    if (!env.isEmpty()) candidates << QDir(QString::fromLocal8Bit(env)).filePath(QStringLiteral("scenarios"));
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << QDir(appDir).filePath(QStringLiteral("../share/fluxolab/scenarios"))
               << QDir(appDir).filePath(QStringLiteral("scenarios"))
               << QDir(QStringLiteral(FLUXOLAB_ASSETS_DIR)).filePath(QStringLiteral("scenarios"));
    for (const QString& c : candidates)
        if (QFileInfo(c).isDir()) return QDir(c).absolutePath();
    return candidates.back();
}

QString resolveScenario(const QString& nameOrPath) {
    if (QFileInfo(nameOrPath).isFile()) return nameOrPath;
    const QString inGallery = QDir(scenariosDir()).filePath(nameOrPath.endsWith(QStringLiteral(".json"))
                                                                ? nameOrPath
                                                                : nameOrPath + QStringLiteral(".json"));
    if (QFileInfo(inGallery).isFile()) return inGallery;
    return {};
}

SimulationController::SimulationController(QObject* parent) : QObject(parent) {
    m_timer.setInterval(kFrameMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationController::onTimer);
}

SimulationController::~SimulationController() {
    m_timeline.reset(); // holds a reference into the run's journal
    m_run.reset();
}

void SimulationController::load(const sim::Scenario& scenario, std::uint64_t seed) {
    setPlaying(false);
    m_timeline.reset();
    m_run.reset();
    m_scenario = scenario;
    m_seed = seed;
    m_scenario.seed = seed;
    m_user_consumers = 0;
    m_run = std::make_unique<sim::ScenarioRun>(m_scenario, seed);
    m_timeline = std::make_unique<sim::Timeline>(m_run->sim().journal());
    m_plots.clear();
    m_sample_view = sim::ClusterView{};
    m_next_sample_ms = 0;
    m_appended.clear();
    m_consumed.clear();
    m_run->runUntil(0);
    syncTimeline();
    m_view = m_timeline->latest();
    m_time = 0;
    Q_EMIT reset();
    Q_EMIT changed();
}

bool SimulationController::loadFile(const QString& pathOrName, QString* error, std::optional<std::uint64_t> seed) {
    const QString path = resolveScenario(pathOrName);
    if (path.isEmpty()) {
        if (error) *error = tr("Scenario not found: \"%1\". Use a gallery name or the path of a .json file.").arg(pathOrName);
        return false;
    }
    sim::ScenarioError err;
    std::optional<sim::Scenario> s;
    try {
        s = sim::loadScenarioFile(QFile::encodeName(path).toStdString(), err);
    } catch (const std::exception& e) {
        err.message = e.what();
    }
    if (!s) {
        if (error)
            *error = tr("The scenario file %1 is not valid:\n%2")
                         .arg(QDir::toNativeSeparators(path), QString::fromStdString(err.str()));
        return false;
    }
    m_source_path = path;
    load(*s, seed.value_or(s->seed));
    return true;
}

void SimulationController::restart(std::uint64_t seed) {
    if (!m_run) return;
    sim::Scenario s = m_scenario;
    load(s, seed);
}

void SimulationController::setPlaying(bool playing) {
    if (playing && (!m_run || (isLive() && m_time >= duration()))) playing = false;
    if (playing == m_playing) return;
    m_playing = playing;
    if (m_playing) {
        m_wall.start();
        m_timer.start();
    } else {
        m_timer.stop();
    }
    Q_EMIT playingChanged(m_playing);
}

void SimulationController::setSpeed(double speed) {
    speed = std::clamp(speed, 0.25, 64.0);
    if (speed == m_speed) return;
    m_speed = speed;
    Q_EMIT speedChanged(m_speed);
}

bool SimulationController::isLive() const { return m_run && m_view.events >= eventCount(); }

const sim::Event* SimulationController::currentEvent() const {
    if (!m_run || m_view.events == 0) return nullptr;
    return &journal()[m_view.events - 1];
}

void SimulationController::syncTimeline() {
    m_timeline->sync();
    sample();
}

void SimulationController::sample() {
    const auto& events = journal().events();
    auto takeSample = [&](sim::TimeMs t) {
        const sim::ClusterView& v = m_sample_view;
        auto rate = [&](std::vector<std::pair<sim::TimeMs, std::int64_t>>& window) {
            std::erase_if(window, [&](const auto& x) { return x.first <= t - kRateWindowMs; });
            std::int64_t n = 0;
            for (const auto& x : window) n += x.second;
            return static_cast<double>(n) * 1000.0 / static_cast<double>(kRateWindowMs);
        };
        const std::size_t i = m_plots.time_s.size();
        m_plots.time_s.push_back(static_cast<double>(t) / 1000.0);
        m_plots.produce_rate.push_back(rate(m_appended));
        m_plots.consume_rate.push_back(rate(m_consumed));
        double hw = 0, leo = 0;
        for (const auto& [tp, p] : v.partitions) {
            if (journal().topicName(tp.first).starts_with("__")) continue;
            hw += static_cast<double>(p.high_watermark);
            leo += static_cast<double>(p.leaderLeo());
        }
        m_plots.hw_total.push_back(hw);
        m_plots.leo_total.push_back(leo);
        for (const auto& [gi, g] : v.groups) {
            double total = 0;
            for (const auto& [tp, off] : g.committed) {
                const double lag = static_cast<double>(v.committedLag(gi, tp).value_or(0));
                total += lag;
                auto& series = m_plots.partition_lag[{gi, tp}];
                series.resize(i, std::numeric_limits<double>::quiet_NaN());
                series.push_back(lag);
            }
            auto& series = m_plots.group_lag[gi];
            series.resize(i, std::numeric_limits<double>::quiet_NaN());
            series.push_back(total);
        }
    };
    while (m_sample_view.events < events.size()) {
        const sim::Event& e = events[m_sample_view.events];
        while (e.time >= m_next_sample_ms) {
            takeSample(m_next_sample_ms);
            m_next_sample_ms += kSampleEveryMs;
        }
        if (e.type == sim::EventType::RecordsAppended && e.actor >= 0) m_appended.emplace_back(e.time, e.b);
        if (e.type == sim::EventType::RecordsConsumed) m_consumed.emplace_back(e.time, e.b);
        m_sample_view.apply(journal(), e);
    }
    while (m_run->sim().now() >= m_next_sample_ms) {
        takeSample(m_next_sample_ms);
        m_next_sample_ms += kSampleEveryMs;
    }
}

void SimulationController::setCursor(std::size_t events, sim::TimeMs time) {
    events = std::min(events, eventCount());
    if (events >= m_view.events && events - m_view.events < 4096) {
        const auto& all = journal().events();
        while (m_view.events < events) m_view.apply(journal(), all[m_view.events]);
    } else if (events != m_view.events) {
        m_view = m_timeline->at(events);
    }
    m_time = time;
    Q_EMIT changed();
}

void SimulationController::simulateTowards(sim::TimeMs target, int budget_ms) {
    QElapsedTimer budget;
    budget.start();
    // Small virtual slices so that a busy scenario at 64x still returns to the event loop in time.
    constexpr sim::TimeMs kSliceMs = 50;
    sim::Simulation& s = m_run->sim();
    while (s.now() < target) {
        m_run->runUntil(std::min(target, s.now() + kSliceMs));
        if (budget_ms > 0 && budget.elapsed() >= budget_ms) break;
    }
    syncTimeline();
}

void SimulationController::advance(double wall_ms) {
    if (!m_run) return;
    const sim::TimeMs end = duration();
    const auto delta = static_cast<sim::TimeMs>(wall_ms * m_speed * kVirtualPerWall);
    sim::TimeMs target = std::min(end, m_time + std::max<sim::TimeMs>(1, delta));
    if (target > m_run->sim().now()) {
        if (!isLive()) setCursor(eventCount(), m_run->sim().now()); // catch up with the replay first
        simulateTowards(target, kSliceBudgetMs);
        target = std::min(target, m_run->sim().now());
    }
    setCursor(m_timeline->eventsUpTo(target), target);
    if (m_time >= end && isLive()) setPlaying(false);
}

void SimulationController::onTimer() {
    const double wall = static_cast<double>(m_wall.restart());
    advance(std::min(wall, 100.0));
}

void SimulationController::runTo(sim::TimeMs t) {
    if (!m_run) return;
    if (t > m_run->sim().now()) simulateTowards(t, 0);
    setCursor(m_timeline->eventsUpTo(t), std::min(t, m_run->sim().now()));
}

void SimulationController::stepForward() {
    if (!m_run) return;
    setPlaying(false);
    if (m_view.events < eventCount()) {
        const std::size_t n = m_view.events + 1;
        setCursor(n, journal()[n - 1].time);
        return;
    }
    // At "now": simulate until the journal grows (bounded: at most 10 s of virtual time).
    sim::Simulation& s = m_run->sim();
    const std::size_t before = eventCount();
    const sim::TimeMs limit = s.now() + 10000;
    while (eventCount() == before && s.now() < limit) m_run->runUntil(s.now() + 10);
    syncTimeline();
    if (eventCount() > before) setCursor(before + 1, journal()[before].time);
    else setCursor(before, s.now());
}

void SimulationController::stepBack() {
    if (!m_run || m_view.events == 0) return;
    setPlaying(false);
    const std::size_t n = m_view.events - 1;
    setCursor(n, n == 0 ? 0 : journal()[n - 1].time);
}

void SimulationController::seek(std::size_t events) {
    if (!m_run) return;
    events = std::min(events, eventCount());
    if (events == eventCount()) {
        goLive();
        return;
    }
    setCursor(events, events == 0 ? 0 : journal()[events - 1].time);
}

void SimulationController::goLive() {
    if (!m_run) return;
    setCursor(eventCount(), m_run->sim().now());
}

sim::ScenarioAction& SimulationController::recordAction(sim::ScenarioAction::Kind kind) {
    sim::ScenarioAction a;
    a.kind = kind;
    a.at_ms = m_run->sim().now();
    // Keep the agenda sorted by time (stable: same-time actions stay in the order they were made).
    auto it = std::upper_bound(m_scenario.actions.begin(), m_scenario.actions.end(), a.at_ms,
                               [](sim::TimeMs t, const sim::ScenarioAction& x) { return t < x.at_ms; });
    return *m_scenario.actions.insert(it, a);
}

void SimulationController::stopBroker(sim::BrokerId id, bool crash) {
    if (!m_run) return;
    goLive();
    recordAction(crash ? sim::ScenarioAction::Kind::CrashBroker : sim::ScenarioAction::Kind::StopBroker).broker = id;
    m_run->sim().stopBroker(id, crash);
    syncTimeline();
    goLive();
}

void SimulationController::startBroker(sim::BrokerId id) {
    if (!m_run) return;
    goLive();
    recordAction(sim::ScenarioAction::Kind::StartBroker).broker = id;
    m_run->sim().startBroker(id);
    syncTimeline();
    goLive();
}

std::int32_t SimulationController::addConsumer(const std::string& group, std::vector<std::string> topics) {
    if (!m_run) return -1;
    goLive();
    sim::Simulation& s = m_run->sim();
    if (topics.empty()) {
        // Same subscription as the group's other members, else every user topic.
        for (const auto& c : s.consumers())
            if (c.config.group_id == group && !c.subscription.empty()) topics = c.subscription;
        if (topics.empty())
            for (const auto& [name, t] : s.topics())
                if (!t.internal) topics.push_back(name);
    }
    sim::ScenarioConsumer c;
    c.id = "ui-" + std::to_string(++m_user_consumers);
    c.topics = topics;
    c.config.group_id = group;
    for (const auto& sc : m_scenario.consumers)
        if (sc.config.group_id == group) c.config.assignors = sc.config.assignors;
    recordAction(sim::ScenarioAction::Kind::AddConsumer).consumer = c;
    const std::int32_t idx = s.addConsumer(c.config);
    s.subscribe(idx, topics);
    syncTimeline();
    goLive();
    return idx;
}

void SimulationController::removeConsumer(std::int32_t consumer) {
    if (!m_run || consumer < 0 || consumer >= static_cast<std::int32_t>(m_run->sim().consumers().size())) return;
    goLive();
    // The scenario names consumers by id; interactive removals of unnamed consumers are not saved.
    for (const auto& c : m_scenario.consumers)
        if (m_run->consumerIndex(c.id) == consumer) recordAction(sim::ScenarioAction::Kind::RemoveConsumer).target = c.id;
    m_run->sim().closeConsumer(consumer);
    syncTimeline();
    goLive();
}

} // namespace fluxolab::app
