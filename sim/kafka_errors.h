#pragma once
// Kafka 4.3.1's texts for its errors, in one table: what the broker or controller puts in its
// response, i.e. the exception message a Kafka tool or client prints. The CLI emulation (labs/),
// the scenario loader and the app's dialogs all take their text from here, so one wording change
// (such as 4.x's replication factor message) is made once. The protocol names stay in errorName()
// (sim/types.h); the app wraps these texts in its own translated sentences.

#include "sim/types.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace fluxolab::sim {

/// org.apache.kafka.common.protocol.Errors: the default message of each code (a client shows it
/// when the broker sent no message of its own). Empty for NONE and for the client-side conditions.
std::string_view errorDefaultMessage(ErrorCode code);

/// The admin operations whose failures carry a controller-built message.
enum class AdminOp : std::uint8_t { CreateTopic, CreatePartitions, DeleteTopic };

/// The message a Kafka 4.3.1 controller sends with a failed admin operation on `topic`, built from
/// the numbers the simulation reports in `result` (detail1, detail2, detail_text; see AdminResult).
/// Falls back to errorDefaultMessage() where the controller adds nothing.
std::string adminErrorMessage(AdminOp op, const AdminResult& result, std::string_view topic);

/// INVALID_REPLICATION_FACTOR when fewer brokers are registered than the factor
/// (ReplicationControlManager; checked against a real 4.3.1 broker).
std::string replicationFactorUnreachableMessage(std::int64_t factor, std::int64_t registered_brokers);

/// INVALID_TOPIC_EXCEPTION for a name Kafka refuses (Topic.validate): "Topic name is invalid: ...";
/// empty if the name is valid.
std::string invalidTopicNameMessage(std::string_view name);

} // namespace fluxolab::sim
