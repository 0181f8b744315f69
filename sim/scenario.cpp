// ScenarioRun (sim/scenario.h): drives a Simulation through a Scenario. The file format itself is in
// sim/scenario_format.cpp.
#include "sim/scenario.h"

#include <algorithm>
#include <cmath>

namespace fluxolab::sim {

ScenarioRun::ScenarioRun(const Scenario& scenario, std::uint64_t seed)
    : m_scenario(scenario), m_sim(scenario.cluster, seed) {
    for (const auto& t : m_scenario.topics) m_sim.createTopic(t.name, t.partitions, t.replication_factor, t.configs, t.replica_assignment);
    for (const auto& p : m_scenario.producers) {
        ProducerDriver d;
        d.spec = &p;
        d.rng = runtime::RngStreams(seed).fork("scenario/producer/" + p.id);
        d.rate = p.rate_per_sec;
        d.rate_origin_ms = p.start_ms;
        d.sim_index = m_sim.addProducer(p.config);
        m_sim.setValueTemplate(d.sim_index, p.value_template);
        const auto& k = p.keys;
        if (k.kind == KeySpec::Kind::List) {
            for (const auto& key : k.list) d.key_ids.push_back(m_sim.internKey(key));
        } else if (k.kind != KeySpec::Kind::Null) {
            for (std::int32_t i = 0; i < k.count; ++i) d.key_ids.push_back(m_sim.internKey(k.prefix + std::to_string(i)));
        }
        if (k.kind == KeySpec::Kind::Zipf) {
            double sum = 0;
            for (std::int32_t i = 1; i <= k.count; ++i) {
                sum += 1.0 / std::pow(static_cast<double>(i), k.zipf_s);
                d.zipf_cdf.push_back(sum);
            }
            for (auto& x : d.zipf_cdf) x /= sum;
        }
        m_producers.push_back(std::move(d));
    }
    // Agenda entries: consumers to start (index = action count + consumer index) and actions.
    for (std::size_t i = 0; i < m_scenario.actions.size(); ++i) m_agenda.emplace_back(m_scenario.actions[i].at_ms, i);
    for (std::size_t i = 0; i < m_scenario.consumers.size(); ++i)
        m_agenda.emplace_back(m_scenario.consumers[i].start_ms, m_scenario.actions.size() + i);
    std::stable_sort(m_agenda.begin(), m_agenda.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::int32_t ScenarioRun::consumerIndex(const std::string& id) const {
    auto it = m_consumer_index.find(id);
    return it == m_consumer_index.end() ? -1 : it->second;
}

std::int32_t ScenarioRun::producerIndex(const std::string& id) const {
    for (const auto& d : m_producers)
        if (d.spec->id == id) return d.sim_index;
    return -1;
}

void ScenarioRun::startConsumer(const ScenarioConsumer& c) {
    const std::int32_t idx = m_sim.addConsumer(c.config);
    m_sim.subscribe(idx, c.topics);
    m_consumer_index[c.id] = idx;
}

std::uint32_t ScenarioRun::pickKey(ProducerDriver& d) {
    const auto& k = d.spec->keys;
    switch (k.kind) {
    case KeySpec::Kind::Null: return 0;
    case KeySpec::Kind::Sequence: {
        const std::uint32_t id = d.key_ids[static_cast<std::size_t>(d.seq_next)];
        d.seq_next = (d.seq_next + 1) % static_cast<std::int32_t>(d.key_ids.size());
        return id;
    }
    case KeySpec::Kind::Zipf: {
        const double u = d.rng.unit();
        const auto it = std::lower_bound(d.zipf_cdf.begin(), d.zipf_cdf.end(), u);
        const auto i = std::min<std::size_t>(static_cast<std::size_t>(it - d.zipf_cdf.begin()), d.key_ids.size() - 1);
        return d.key_ids[i];
    }
    case KeySpec::Kind::Uniform:
    case KeySpec::Kind::List: return d.key_ids[d.rng.below(d.key_ids.size())];
    }
    return 0;
}

void ScenarioRun::produceDue(ProducerDriver& d, TimeMs now) {
    const ScenarioProducer& p = *d.spec;
    if (now < p.start_ms || (p.stop_ms >= 0 && now > p.stop_ms)) return;
    const double elapsed = static_cast<double>(now - d.rate_origin_ms);
    const auto due = d.produced_at_origin + static_cast<std::int64_t>(std::floor(d.rate * elapsed / 1000.0));
    const TopicState* t = m_sim.topic(p.topic);
    while (d.produced < due) {
        ++d.produced;
        if (!t) continue; // topic deleted: the application's sends fail (counted as produced attempts)
        const std::uint32_t key = pickKey(d);
        m_sim.sendSynthetic(d.sim_index, p.topic, key ? std::optional<std::uint32_t>(key) : std::nullopt);
    }
}

void ScenarioRun::applyAction(std::size_t index) {
    if (index >= m_scenario.actions.size()) {
        startConsumer(m_scenario.consumers[index - m_scenario.actions.size()]);
        return;
    }
    apply(m_scenario.actions[index]);
}

void ScenarioRun::apply(const ScenarioAction& a) {
    switch (a.kind) {
    case ScenarioAction::Kind::StopBroker: m_sim.stopBroker(a.broker, false); break;
    case ScenarioAction::Kind::CrashBroker: m_sim.stopBroker(a.broker, true); break;
    case ScenarioAction::Kind::StartBroker: m_sim.startBroker(a.broker); break;
    case ScenarioAction::Kind::AddConsumer: startConsumer(*a.consumer); break;
    case ScenarioAction::Kind::RemoveConsumer:
        if (auto i = consumerIndex(a.target); i >= 0) m_sim.closeConsumer(i);
        break;
    case ScenarioAction::Kind::CrashConsumer:
        if (auto i = consumerIndex(a.target); i >= 0) m_sim.crashConsumer(i);
        break;
    case ScenarioAction::Kind::PauseConsumer:
        if (auto i = consumerIndex(a.target); i >= 0) m_sim.pauseConsumer(i, a.value);
        break;
    case ScenarioAction::Kind::AlterPartitions: m_sim.createPartitions(a.target, static_cast<std::int32_t>(a.value)); break;
    case ScenarioAction::Kind::CreateTopic:
        m_sim.createTopic(a.topic->name, a.topic->partitions, a.topic->replication_factor, a.topic->configs,
                          a.topic->replica_assignment);
        break;
    case ScenarioAction::Kind::DeleteTopic: m_sim.deleteTopic(a.target); break;
    case ScenarioAction::Kind::ProducerRate:
        for (auto& d : m_producers)
            if (d.spec->id == a.target) {
                d.rate_origin_ms = m_sim.now();
                d.produced_at_origin = d.produced;
                d.rate = static_cast<double>(a.value);
            }
        break;
    case ScenarioAction::Kind::ElectPreferred: m_sim.electPreferredLeaders(); break;
    }
}

void ScenarioRun::runUntil(TimeMs t) { advance(t, false); }

bool ScenarioRun::runUntil(TimeMs t, std::size_t& budget) { return advance(t, false, &budget); }

void ScenarioRun::runToActionInstant(TimeMs t) { advance(t, true); }

bool ScenarioRun::advance(TimeMs t, bool stopAtActionInstant, std::size_t* budget) {
    // With a budget, the simulation's events stop when it is spent; the agenda and the traffic
    // tick of an instant only run after all its events, so the next call picks up the same instant.
    const auto runSim = [&](TimeMs to) {
        if (budget) {
            for (TimeMs at = m_sim.nextEventTime(); at >= 0 && at <= to; at = m_sim.nextEventTime()) {
                if (*budget == 0) return false; // the clock stays at the last event fired
                --*budget;
                m_sim.step();
            }
        }
        m_sim.runUntil(to);
        return true;
    };
    while (true) {
        const TimeMs agendaAt = m_agenda_next < m_agenda.size() ? m_agenda[m_agenda_next].first : -1;
        TimeMs next = m_next_tick;
        // At one instant: agenda entries (actions, then consumer starts: the agenda's sort keeps the
        // actions first) before the traffic tick.
        if (agendaAt >= 0 && agendaAt <= next) next = agendaAt;
        if (next > t) break;
        if (!runSim(next)) return false;
        const bool isAction = agendaAt == next && m_agenda[m_agenda_next].second < m_scenario.actions.size();
        if (stopAtActionInstant && next == t && !isAction) break; // an action made now goes here
        if (agendaAt == next) {
            applyAction(m_agenda[m_agenda_next].second);
            ++m_agenda_next;
            continue;
        }
        for (auto& d : m_producers) produceDue(d, next);
        m_next_tick = next + m_tick_ms;
    }
    return runSim(t);
}

} // namespace fluxolab::sim
