#pragma once
// The simulation's plain values that the labs/ interface names (sim/types.h): ids, offsets, the
// virtual time, topic-partitions, Kafka's error codes, an admin operation's result and the KRaft
// controller's limits. The one place where sim/types.h enters the headers app/ reaches
// (tests/layers/labs_sim_leaks.txt): the observation model, the backends' interface and the values
// app/ exchanges with labs/ (labs/backend/model_types.h) take them from here, under labs:: names.
// They are the simulation's own types, re-exported, so that a change of them is visibly a change of
// this layer's interface.

#include "sim/types.h"

namespace fluxolab::labs {

using sim::BrokerId;       ///< broker node id (1-based)
using sim::Offset;         ///< Kafka log offset
using sim::TimeMs;         ///< virtual milliseconds (the simulation) or epoch milliseconds (a real cluster)
using sim::TopicPartition;
using sim::ErrorCode;      ///< Kafka's protocol error codes, with Kafka's names and numbers
using sim::ElectionOutcome; ///< the controller's answer to a preferred leader election, per partition
using sim::AdminResult;    ///< outcome of an admin operation: Kafka's code and the numbers of its message

// Limits the builders enforce as kafka-topics and the console producer do (the KRaft controller's).
using sim::kMaxRecordsPerUserOp;
using sim::maxPartitionsForNewTopic;

/// Kafka's name of an error code ("NOT_ENOUGH_REPLICAS").
inline const char* errorCodeName(ErrorCode code) { return sim::errorName(code); }

} // namespace fluxolab::labs
