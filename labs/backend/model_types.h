#pragma once
// The values app/ exchanges with labs/ about a simulated run, named in labs (issue #9): app/ names
// no sim:: type (tests/layers/check_app_includes.sh fails on a `sim::` in app/). Most are plain
// values that any backend shares: a scenario is the file format every run loads and saves, ids,
// virtual times, the assignors, the key distributions, Kafka's error codes and leave reasons. They
// are the simulation's own types, re-exported here as the observation model re-exports TimeMs and
// BrokerId, so that a change of them is visibly a change of this layer's interface.
//
// The simulation itself (its journal, events, the Kafka view folded from it) has no name here:
// app/ reads the observation model (labs::observe::Observation, PlotSeries), the plots are sampled
// in labs (labs::observe::PlotSampler) and tests reach the simulation through labs::Session::sim.
// tests/layers/check_app_includes.sh fails on the names these had (labs::Simulation, SimJournal,
// SimEvent, SimEventType, KafkaView, JournalFieldKind, kKafkaEventFamily) in app/.

#include "labs/backend/cluster_backend.h"
#include "labs/observe/observation.h"
#include "sim/cluster.h" // AdminResult and the builders' limits
#include "sim/kafka_errors.h"
#include "sim/scenario.h"
#include "sim/types.h"

#include <cstdint>

namespace fluxolab::labs {

// Plain values.
using sim::BrokerId;
using sim::TimeMs;
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

} // namespace fluxolab::labs
