#pragma once
// Scenarios run: a ScenarioRun drives a Simulation through a scenario (sim/scenario_format.h, the
// file format as a C++ value and as JSON, assets/scenarios/*.json) deterministically.

#include "sim/cluster.h"
#include "sim/scenario_format.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fluxolab::sim {

/// Drives a Simulation through a Scenario. Owns the simulation.
class ScenarioRun {
public:
    ScenarioRun(const Scenario& scenario, std::uint64_t seed);
    ScenarioRun(const ScenarioRun&) = delete;
    ScenarioRun& operator=(const ScenarioRun&) = delete;

    Simulation& sim() { return m_sim; }
    const Simulation& sim() const { return m_sim; }
    const Scenario& scenario() const { return m_scenario; }

    /// Advances virtual time to `t`, generating producer traffic and applying actions on the way.
    ///
    /// The order inside one instant T is one rule, the same for a replay and for live play: the
    /// simulation's own events at T, then the scenario's actions at T (in the order they were made),
    /// then the consumers the scenario starts at T, then the producers' traffic tick at T (a 10 ms
    /// grid from 0). runUntil(T) runs all of it; runToActionInstant(T) stops after the actions.
    void runUntil(TimeMs t);
    /// runUntil(t) that fires at most `budget` simulation events (Simulation::step), counting them
    /// down: true when it got to `t`, false when it stopped before (the clock is then at the last
    /// event fired). An instant's actions and traffic tick run only after all its events, so calling
    /// it again resumes exactly where it stopped: a run cut into any number of pieces gives the same
    /// journal as one runUntil(t). (The app simulates playback on a worker thread in such pieces,
    /// so that an input waits for one piece at most.)
    bool runUntil(TimeMs t, std::size_t& budget);
    /// Advances to `t` like runUntil, but stops where an action made now belongs in instant t's
    /// order: after the simulation's events and the scenario's actions at t, before the consumer
    /// starts and the traffic tick at t (the next runUntil runs them). An action applied next, and
    /// recorded at t after the scenario's other actions at t, is then applied exactly where a
    /// replay of the saved scenario applies it.
    void runToActionInstant(TimeMs t);
    /// Runs to the scenario's duration.
    void runToEnd() { runUntil(m_scenario.duration_ms); }
    /// Applies an action now (interactive actions from the GUI or the terminal use this path, so
    /// that consumers they add are known by id and can be saved into the scenario).
    void apply(const ScenarioAction& action);
    /// Simulation index of a scenario consumer/producer id (-1 if unknown or not started yet).
    std::int32_t consumerIndex(const std::string& id) const;
    std::int32_t producerIndex(const std::string& id) const;

private:
    struct ProducerDriver {
        std::int32_t sim_index = -1;
        const ScenarioProducer* spec = nullptr;
        double rate = 0;
        std::int64_t produced = 0;
        TimeMs rate_origin_ms = 0;
        std::int64_t produced_at_origin = 0;
        std::vector<std::uint32_t> key_ids;
        std::vector<double> zipf_cdf;
        std::int32_t seq_next = 0;
        /// Its own stream, forked from the seed by the tag "scenario/producer/<id>": the keys it draws
        /// depend on nothing else (not on the cluster's draws, nor on the other producers).
        Rng rng{0};
    };
    bool advance(TimeMs t, bool stopAtActionInstant, std::size_t* budget = nullptr);
    void produceDue(ProducerDriver& d, TimeMs now);
    void applyAction(std::size_t index);
    void startConsumer(const ScenarioConsumer& c);
    std::uint32_t pickKey(ProducerDriver& d);

    Scenario m_scenario;
    Simulation m_sim;
    std::vector<ProducerDriver> m_producers;
    std::map<std::string, std::int32_t> m_consumer_index;
    std::vector<std::pair<TimeMs, std::size_t>> m_agenda; ///< (time, action index or consumer start), sorted
    std::size_t m_agenda_next = 0;
    /// Traffic is generated in 10 ms slices; due records follow from the rate, so the slice length
    /// does not change the totals.
    TimeMs m_tick_ms = 10;
    TimeMs m_next_tick = 0;
};

} // namespace fluxolab::sim
