#include "app/clihost.h"

#include "app/language.h"
#include "app/simulationcontroller.h"

#include <QSettings>

#include <algorithm>

namespace fluxolab::app {

namespace {
const QString kHistoryKey = QStringLiteral("terminal/history");
}

CliHost::CliHost(SimulationController* controller, QObject* parent) : QObject(parent), m_controller(controller) {
    m_lines = QSettings().value(kHistoryKey).toStringList();
    m_clock.setInterval(kTickMs);
    connect(&m_clock, &QTimer::timeout, this, &CliHost::onTick);
    connect(m_controller, &SimulationController::aboutToReset, this, [this] {
        Q_EMIT backendAboutToReset();
        m_cli.reset();
        m_backend.reset();
    });
    connect(m_controller, &SimulationController::reset, this, &CliHost::rebuild);
    rebuild();
}

CliHost::~CliHost() = default;

void CliHost::rebuild() {
    m_cli.reset();
    m_backend.reset();
    m_history.clear();
    if (sim::Simulation* s = m_controller->mutableSim()) {
        m_backend = std::make_unique<labs::SimBackend>(*s);
        m_cli = std::make_unique<labs::KafkaCli>(*m_backend);
    }
    Q_EMIT backendReady();
    Q_EMIT historyChanged();
}

std::unique_ptr<labs::CommandSession> CliHost::start(const std::vector<std::string>& argv) {
    if (!m_cli) return nullptr;
    return m_cli->start(argv, true);
}

void CliHost::syncViews() {
    if (m_backend) m_controller->simulationChangedExternally();
}

void CliHost::record(labs::HistoryEntry entry) {
    m_history.push_back(std::move(entry));
    Q_EMIT historyChanged();
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

QStringList CliHost::topicNames() const {
    QStringList out;
    if (m_backend)
        for (const auto& t : m_backend->listTopics(true)) out << QString::fromStdString(t);
    return out;
}

QStringList CliHost::groupNames() const {
    QStringList out;
    if (m_backend)
        for (const auto& g : m_backend->listGroups()) out << QString::fromStdString(g);
    return out;
}

QStringList CliHost::bootstrapServers() const {
    QStringList out;
    if (m_backend)
        for (const auto& b : m_backend->brokers()) out << QStringLiteral("%1:%2").arg(QString::fromStdString(b.host)).arg(b.port);
    return out;
}

labs::Language CliHost::noteLanguage() {
    return currentLanguage() == QStringLiteral("en") ? labs::Language::English : labs::Language::Portuguese;
}

void CliHost::holdClock() {
    if (m_holds++ == 0) {
        m_wall.start();
        m_clock.start();
    }
}

void CliHost::releaseClock() {
    if (m_holds > 0 && --m_holds == 0) m_clock.stop();
}

void CliHost::onTick() {
    const auto wall = static_cast<sim::TimeMs>(std::clamp<qint64>(m_wall.restart(), 1, 4 * kTickMs));
    tickNow(wall);
}

void CliHost::tickNow(sim::TimeMs ms) {
    // While the controller plays, its timer moves time; otherwise the running commands do, at
    // wall-clock speed, so that a console consumer keeps receiving what another tab produces.
    if (m_backend && !m_controller->isPlaying()) m_controller->runTo(m_controller->mutableSim()->now() + ms);
    Q_EMIT tick();
}

} // namespace fluxolab::app
