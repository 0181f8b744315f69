#include "labs/backend/session.h"

#include "labs/stream_observe/scenario_streams.h"

#include <algorithm>

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
    m_run->runUntil(t);
}

bool Session::runUntil(sim::TimeMs t, std::size_t& budget) { return m_run->runUntil(t, budget); }

void Session::advanceToActionInstant() {
    m_run->runToActionInstant(now() + 1);
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
