#include "labs/backend/session.h"

#include "labs/stream_observe/scenario_streams.h"

#include <algorithm>
#include <limits>

namespace fluxolab::labs {

Session::Session(const sim::Scenario& scenario, std::uint64_t seed)
    : m_scenario(scenario), m_seed(seed), m_run(std::make_unique<sim::ScenarioRun>(m_scenario, seed)) {
    m_scenario.seed = seed;
    if (!m_scenario.trace_feeds.empty() || !m_scenario.stream_jobs.empty())
        m_streams = std::make_unique<stream_observe::ScenarioStreams>(m_run->sim(), m_scenario);
}

Session::~Session() {
    m_streams.reset(); // its timers are on the run's scheduler
}

std::string Session::streamsError() const {
    return m_streams ? m_streams->error() : std::string();
}

sim::Scenario Session::emptyScenario(std::int32_t brokers) {
    sim::Scenario s;
    s.cluster.brokers = brokers;
    return s;
}

void Session::runUntil(sim::TimeMs t) {
    std::size_t unlimited = std::numeric_limits<std::size_t>::max();
    runUntil(t, unlimited);
}

bool Session::runUntil(sim::TimeMs t, std::size_t& budget) {
    // The attached work fires as the clock passes each of its times, after that instant's own
    // events, actions and traffic: the clock first runs to T (the instant completed, also when an
    // interactive action or a budgeted run that stopped between two of its events left it half
    // done), then the work at T runs. A piece due at the current instant, with the instant
    // complete, runs at once, as a replay applies a terminal event at the time the clock is at
    // (JournalReplayer::apply lets no time pass then).
    const bool unlimited = budget == std::numeric_limits<std::size_t>::max();
    while (m_work && !m_firing) {
        const std::optional<sim::TimeMs> due = m_work->nextDue();
        if (!due || *due > t) break;
        if (*due > now() || m_mid_instant) {
            if (unlimited) {
                m_run->runUntil(*due);
            } else if (!m_run->runUntil(*due, budget)) {
                m_mid_instant = true; // it may have stopped between two events of an instant
                return false;
            }
            m_mid_instant = false;
        }
        m_firing = true;
        m_work->fire();
        m_firing = false;
    }
    if (unlimited) {
        m_run->runUntil(t);
    } else if (!m_run->runUntil(t, budget)) {
        m_mid_instant = true;
        return false;
    }
    m_mid_instant = false;
    return true;
}

void Session::beginPiece() {
    if (!m_firing) runUntil(now());
}

void Session::runHeld(sim::TimeMs t) {
    const bool firing = m_firing;
    m_firing = true;
    runUntil(t);
    m_firing = firing;
}

void Session::advanceToActionInstant() {
    // The work due before the action instant runs first (the clock passes it).
    if (const auto due = m_firing ? std::nullopt : nextWorkAt(); due && *due <= now()) runUntil(now());
    m_run->runToActionInstant(now() + 1);
    m_mid_instant = true;
}

sim::ScenarioAction& Session::recordAction(sim::ScenarioAction::Kind kind) {
    sim::ScenarioAction a;
    a.kind = kind;
    a.at_ms = now();
    auto it = std::upper_bound(m_scenario.actions.begin(), m_scenario.actions.end(), a.at_ms,
                               [](sim::TimeMs t, const sim::ScenarioAction& x) { return t < x.at_ms; });
    return *m_scenario.actions.insert(it, a);
}

} // namespace fluxolab::labs
