#include "labs/backend/session.h"

#include "labs/stream_observe/scenario_streams.h"
#include "sim/scenario.h"

#include <algorithm>
#include <limits>
#include <set>

namespace fluxolab::labs {

Session::Session(const sim::Scenario& scenario, std::uint64_t seed)
    : m_scenario(scenario), m_seed(seed), m_run(std::make_unique<sim::ScenarioRun>(m_scenario, seed)) {
    m_scenario.seed = seed;
    // The terminal's part of the log is its keeper's (see the header): the simulation never reads it
    // (ScenarioRun got it above and ignores it), and a session's scenario holds the scenario's part.
    m_scenario.terminal.clear();
    if (!m_scenario.trace_feeds.empty() || !m_scenario.stream_jobs.empty())
        m_streams = std::make_unique<stream_observe::ScenarioStreams>(m_run->sim(), m_scenario);
}

Session::~Session() {
    m_streams.reset(); // its timers are on the run's scheduler
}

sim::Simulation& Session::sim() { return m_run->sim(); }
const sim::Simulation& Session::sim() const { return m_run->sim(); }
const sim::Journal& Session::journal() const { return m_run->sim().journal(); }
sim::TimeMs Session::now() const { return m_run->sim().now(); }

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

void Session::stopBroker(sim::BrokerId id, bool crash) {
    advanceToActionInstant();
    recordAction(crash ? sim::ScenarioAction::Kind::CrashBroker : sim::ScenarioAction::Kind::StopBroker).broker = id;
    sim().stopBroker(id, crash);
}

void Session::startBroker(sim::BrokerId id) {
    advanceToActionInstant();
    recordAction(sim::ScenarioAction::Kind::StartBroker).broker = id;
    sim().startBroker(id);
}

std::int32_t Session::addConsumer(const std::string& group, std::vector<std::string> topics,
                                  std::optional<sim::AssignorKind> assignor) {
    const sim::Simulation& s = sim();
    if (topics.empty()) {
        // Same subscription as the group's other members, else every user topic.
        for (const auto& c : s.consumers())
            if (c.config.group_id == group && !c.subscription.empty()) topics = c.subscription;
        if (topics.empty()) topics = liveTopicNames();
    }
    sim::ScenarioConsumer c;
    c.id = uniqueId("ui-");
    c.topics = topics;
    c.config.group_id = group;
    for (const auto& sc : m_scenario.consumers)
        if (sc.config.group_id == group) c.config.assignors = sc.config.assignors;
    for (const auto& a : m_scenario.actions)
        if (a.consumer && a.consumer->config.group_id == group) c.config.assignors = a.consumer->config.assignors;
    if (assignor) c.config.assignors = {*assignor};
    advanceToActionInstant();
    c.start_ms = s.now();
    sim::ScenarioAction& a = recordAction(sim::ScenarioAction::Kind::AddConsumer);
    a.consumer = c;
    m_run->apply(a);
    return m_run->consumerIndex(c.id);
}

sim::AdminResult Session::createTopic(const std::string& name, std::int32_t partitions, std::int32_t replicationFactor) {
    if (now() > 0) advanceToActionInstant();
    sim::AdminResult r = sim().createTopic(name, partitions, replicationFactor);
    if (!r.ok()) return r;
    sim::ScenarioTopic t;
    t.name = name;
    t.partitions = partitions;
    t.replication_factor = replicationFactor;
    if (now() == 0) m_scenario.topics.push_back(t); // an initial topic of the scenario
    else recordAction(sim::ScenarioAction::Kind::CreateTopic).topic = t;
    return r;
}

bool Session::removeConsumer(std::int32_t index) {
    if (index < 0 || index >= consumerCount()) return false;
    // The scenario names consumers by id; interactive removals of unnamed consumers are not saved.
    std::vector<std::string> ids;
    for (const auto& c : m_scenario.consumers) ids.push_back(c.id);
    for (const auto& a : m_scenario.actions)
        if (a.consumer) ids.push_back(a.consumer->id);
    for (const auto& id : ids)
        if (m_run->consumerIndex(id) == index) {
            advanceToActionInstant();
            sim::ScenarioAction& a = recordAction(sim::ScenarioAction::Kind::RemoveConsumer);
            a.target = id;
            m_run->apply(a);
            return true;
        }
    sim().closeConsumer(index);
    return true;
}

sim::Scenario Session::scenarioWithProducer(const std::string& topic, double ratePerSec, const sim::KeySpec& keys,
                                            std::string* id) const {
    sim::ScenarioProducer p;
    p.id = uniqueId("ui-producer-");
    p.config.client_id = p.id;
    p.topic = topic;
    p.rate_per_sec = ratePerSec;
    p.keys = keys;
    p.start_ms = now();
    sim::Scenario s = m_scenario;
    const auto declared = [&] {
        return std::any_of(s.topics.begin(), s.topics.end(), [&](const sim::ScenarioTopic& x) { return x.name == topic; });
    };
    for (auto it = s.actions.begin(); it != s.actions.end() && !declared();)
        if (it->kind == sim::ScenarioAction::Kind::CreateTopic && it->topic && it->topic->name == topic) {
            s.topics.push_back(*it->topic);
            it = s.actions.erase(it);
        } else {
            ++it;
        }
    s.producers.push_back(p);
    if (id) *id = p.id;
    return s;
}

std::string Session::uniqueId(const std::string& prefix) const {
    std::set<std::string> used;
    for (const auto& c : m_scenario.consumers) used.insert(c.id);
    for (const auto& p : m_scenario.producers) used.insert(p.id);
    for (const auto& a : m_scenario.actions)
        if (a.consumer) used.insert(a.consumer->id);
    for (int n = 1;; ++n)
        if (std::string id = prefix + std::to_string(n); !used.contains(id)) return id;
}

std::vector<std::string> Session::liveTopicNames() const {
    std::vector<std::string> names;
    for (const auto& [name, topic] : sim().topics())
        if (!topic.internal) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

std::string Session::groupName(std::int32_t group) const { return sim().journal().groupName(group); }

std::size_t Session::journalSize() const { return sim().journal().size(); }

std::int32_t Session::consumerCount() const { return static_cast<std::int32_t>(sim().consumers().size()); }

} // namespace fluxolab::labs
