#pragma once
// The values app/ exchanges with labs/ about a simulated run, named in labs (issue #9): app/ names
// no sim:: type (tests/layers/check_app_includes.sh fails on a `sim::` in app/). They are plain
// values that any backend shares: ids, virtual times, Kafka's error codes and admin results
// (labs/observe/values.h), the assignors, the key distributions and leave reasons, and the scenario
// file format every run loads and saves (sim/scenario_format.h). They are the simulation's own
// types, re-exported here as the observation model re-exports TimeMs and BrokerId, so that a change
// of them is visibly a change of this layer's interface. The scenario format is plain data: the
// simulation that runs it (sim::ScenarioRun, sim::Simulation) is not in the headers app/ reaches.
//
// The simulation itself (its journal, events, the Kafka view folded from it) has no name here:
// app/ reads the observation model (labs::observe::Observation, PlotSeries), the plots are sampled
// in labs (labs::observe::PlotSampler) and tests reach the simulation through labs::Session::sim.
// tests/layers/check_app_includes.sh fails on the names these had (labs::Simulation, SimJournal,
// SimEvent, SimEventType, KafkaView, JournalFieldKind, kKafkaEventFamily) in app/.

#include "labs/backend/cluster_backend.h"
#include "labs/observe/observation.h"
#include "labs/observe/values.h"
#include "sim/scenario_format.h"

#include <cstdint>

namespace fluxolab::labs {

// Plain values (BrokerId, TimeMs, ErrorCode, AdminResult, errorCodeName and the builders' limits
// are labs/observe/values.h's).
using sim::AssignorKind;
using sim::KeySpec;
using sim::LeaveReason;

// The scenario file format (what a run loads and File > Save writes).
using sim::Scenario;
using sim::ScenarioAction;
using sim::ScenarioConsumer;
using sim::ScenarioError;
using sim::ScenarioErrorCode;
using sim::ScenarioProducer;
using sim::ScenarioTopic;
using sim::loadScenarioFile;
using sim::scenarioToJson;

} // namespace fluxolab::labs
