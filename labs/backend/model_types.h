#pragma once
// The values app/ exchanges with labs/ about a simulated run, named in labs (issue #9): app/ names
// no sim:: type (tests/layers/check_app_includes.sh fails on a `sim::` in app/). Most are plain
// values that any backend shares: a scenario is the file format every run loads and saves, ids,
// virtual times, the assignors, the key distributions, Kafka's error codes and leave reasons. They
// are the simulation's own types, re-exported here as the observation model re-exports TimeMs and
// BrokerId, so that a change of them is visibly a change of this layer's interface.
//
// The simulation itself (labs::Simulation, its journal and the Kafka view folded from it) is named
// here too, for the one place of app/ that is simulation-backed by definition: the
// SimulationController, which owns the session, samples the plots from the journal and hands the
// simulation to tests and tools that check it. The views never read them: they draw from
// labs::observe::Observation.

#include "labs/backend/cluster_backend.h"
#include "labs/observe/observation.h"
#include "labs/observe/sim_observer.h"
#include "sim/cluster.h"
#include "sim/journal.h"
#include "sim/kafka_errors.h"
#include "sim/scenario.h"
#include "sim/timeline.h"
#include "sim/types.h"

#include <cstdint>

namespace fluxolab::labs {

// Plain values.
using sim::BrokerId;
using sim::TimeMs;
using sim::TpKey;
using sim::AssignorKind;
using sim::ErrorCode;
using sim::KeySpec;
using sim::LeaveReason;
using sim::AdminResult;

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

// Limits the builders enforce as kafka-topics and the console producer do.
using sim::kMaxRecordsPerUserOp;
using sim::maxPartitionsForNewTopic;

/// Kafka's name of an error code ("NOT_ENOUGH_REPLICAS").
inline const char* errorCodeName(ErrorCode code) { return sim::errorName(code); }

// The simulation (SimulationController only; see above).
using Simulation = sim::Simulation;
using SimJournal = sim::Journal;
using SimEvent = sim::Event;
using KafkaView = sim::ClusterView; ///< the Kafka view folded from the journal (not app::ClusterView)
using JournalFieldKind = sim::FieldKind;
inline constexpr auto kKafkaEventFamily = sim::kKafkaFamily;
using SimEventType = sim::EventType;

/// A journal slot holding a group state (FieldKind::GroupStateName) as the observation model names it.
inline observe::GroupState groupStateOfSlot(std::int64_t v) { return observe::groupState(static_cast<sim::GroupState>(v)); }
/// A journal slot holding a leave reason (FieldKind::LeaveReasonName).
inline LeaveReason leaveReasonOfSlot(std::int64_t v) { return static_cast<LeaveReason>(v); }

} // namespace fluxolab::labs
