#include "sim/kafka_errors.h"

#include "sim/cluster.h"

namespace fluxolab::sim {

std::string_view errorDefaultMessage(ErrorCode code) {
    switch (code) {
    case ErrorCode::NONE: return {};
    case ErrorCode::UNKNOWN_SERVER_ERROR:
        return "The server experienced an unexpected error when processing the request.";
    case ErrorCode::OFFSET_OUT_OF_RANGE:
        return "The requested offset is not within the range of offsets maintained by the server.";
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION: return "This server does not host this topic-partition.";
    case ErrorCode::LEADER_NOT_AVAILABLE:
        return "There is no leader for this topic-partition as we are in the middle of a leadership election.";
    case ErrorCode::NOT_LEADER_OR_FOLLOWER:
        return "For requests intended only for the leader, this error indicates that the broker is not the current "
               "leader. For requests intended for any replica, this error indicates that the broker is not a replica "
               "of the topic partition.";
    case ErrorCode::REQUEST_TIMED_OUT: return "The request timed out.";
    case ErrorCode::MESSAGE_TOO_LARGE:
        return "The request included a message larger than the max message size the server will accept.";
    case ErrorCode::NETWORK_EXCEPTION: return "The server disconnected before a response was received.";
    case ErrorCode::COORDINATOR_LOAD_IN_PROGRESS: return "The coordinator is loading and hence can't process requests.";
    case ErrorCode::COORDINATOR_NOT_AVAILABLE: return "The coordinator is not available.";
    case ErrorCode::NOT_COORDINATOR: return "This is not the correct coordinator.";
    case ErrorCode::INVALID_TOPIC_EXCEPTION: return "The request attempted to perform an operation on an invalid topic.";
    case ErrorCode::NOT_ENOUGH_REPLICAS:
        return "Messages are rejected since there are fewer in-sync replicas than required.";
    case ErrorCode::NOT_ENOUGH_REPLICAS_AFTER_APPEND:
        return "Messages are written to the log, but to fewer in-sync replicas than required.";
    case ErrorCode::ILLEGAL_GENERATION: return "Specified group generation id is not valid.";
    case ErrorCode::INCONSISTENT_GROUP_PROTOCOL:
        return "The group member's supported protocols are incompatible with those of existing members or first "
               "group member tried to join with empty protocol type or empty protocol list.";
    case ErrorCode::UNKNOWN_MEMBER_ID: return "The coordinator is not aware of this member.";
    case ErrorCode::INVALID_SESSION_TIMEOUT:
        return "The session timeout is not within the range allowed by the broker (as configured by "
               "group.min.session.timeout.ms and group.max.session.timeout.ms).";
    case ErrorCode::REBALANCE_IN_PROGRESS: return "The group is rebalancing, so a rejoin is needed.";
    case ErrorCode::TOPIC_AUTHORIZATION_FAILED: return "Topic authorization failed.";
    case ErrorCode::INVALID_TIMESTAMP: return "The timestamp of the message is out of acceptable range.";
    case ErrorCode::TOPIC_ALREADY_EXISTS: return "Topic with this name already exists.";
    case ErrorCode::INVALID_PARTITIONS: return "Number of partitions is below 1.";
    case ErrorCode::INVALID_REPLICATION_FACTOR:
        return "Replication factor is below 1 or larger than the number of available brokers.";
    case ErrorCode::INVALID_CONFIG: return "Configuration is invalid.";
    case ErrorCode::INVALID_REQUEST:
        return "This most likely occurs because of a request being malformed by the client library or the message "
               "was sent to an incompatible broker. See the broker logs for more details.";
    case ErrorCode::POLICY_VIOLATION: return "Request parameters do not satisfy the configured policy.";
    case ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER: return "The broker received an out of order sequence number.";
    case ErrorCode::NON_EMPTY_GROUP: return "The group is not empty.";
    case ErrorCode::GROUP_ID_NOT_FOUND: return "The group id does not exist.";
    case ErrorCode::OFFSET_NOT_AVAILABLE:
        return "The leader high watermark has not caught up from a recent leader election so the offsets cannot be "
               "guaranteed to be monotonically increasing.";
    case ErrorCode::MEMBER_ID_REQUIRED:
        return "The group member needs to have a valid member id before actually entering a consumer group.";
    case ErrorCode::GROUP_MAX_SIZE_REACHED: return "The consumer group has reached its max size.";
    case ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC:
        return "Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.";
    case ErrorCode::CLIENT_DELIVERY_TIMEOUT:
    case ErrorCode::CLIENT_NO_OFFSET_FOR_PARTITION:
    case ErrorCode::CLIENT_METADATA_TIMEOUT:
    case ErrorCode::CLIENT_COMMIT_FAILED:
    case ErrorCode::CLIENT_REBALANCE_IN_PROGRESS:
    case ErrorCode::CLIENT_PRODUCER_CLOSED: return {};
    case ErrorCode::CLIENT_RECORD_TOO_LARGE: return {};
    }
    return {};
}

std::string replicationFactorUnreachableMessage(std::int64_t factor, std::int64_t registered_brokers) {
    return "Unable to replicate the partition " + std::to_string(factor) +
           " time(s): The target replication factor of " + std::to_string(factor) + " cannot be reached because only " +
           std::to_string(registered_brokers) +
           " broker(s) are registered or some brokers have all their log directories cordoned.";
}

std::string invalidTopicNameMessage(std::string_view name) {
    const std::string n(name);
    std::string why;
    if (n.empty()) why = "the empty string is not allowed";
    else if (n == ".") why = "'.' is not allowed";
    else if (n == "..") why = "'..' is not allowed";
    else if (n.size() > 249) why = "the length of '" + n + "' is longer than the max allowed length 249";
    else
        for (char c : n)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                  c == '-')) {
                why = "'" + n + "' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'";
                break;
            }
    return why.empty() ? std::string() : "Topic name is invalid: " + why;
}

std::string adminErrorMessage(AdminOp op, const AdminResult& r, std::string_view topic) {
    switch (r.error) {
    case ErrorCode::INVALID_TOPIC_EXCEPTION:
        if (std::string m = invalidTopicNameMessage(topic); op == AdminOp::CreateTopic && !m.empty()) return m;
        break;
    case ErrorCode::TOPIC_ALREADY_EXISTS:
        if (op == AdminOp::CreateTopic) return "Topic '" + std::string(topic) + "' already exists.";
        break;
    case ErrorCode::INVALID_REPLICATION_FACTOR:
        if (op == AdminOp::CreateTopic && r.detail1 <= 0)
            return "Replication factor must be larger than 0, or -1 to use the default value.";
        return replicationFactorUnreachableMessage(r.detail1, r.detail2);
    case ErrorCode::INVALID_PARTITIONS:
        if (op == AdminOp::CreateTopic) return "Number of partitions was set to an invalid non-positive value.";
        if (op == AdminOp::CreatePartitions) {
            // detail1 = the current count, detail2 = the requested total.
            if (r.detail1 == r.detail2) return "Topic already has " + std::to_string(r.detail1) + " partition(s).";
            return "The topic " + std::string(topic) + " currently has " + std::to_string(r.detail1) + " partition(s); " +
                   std::to_string(r.detail2) + " would not be an increase.";
        }
        break;
    case ErrorCode::POLICY_VIOLATION:
        return r.detail1 == static_cast<std::int64_t>(PolicyLimit::PartitionsPerRequest)
                   ? "Excessively large number of partitions per request."
                   : "Unable to perform excessively large batch operation.";
    case ErrorCode::INVALID_CONFIG: {
        // detail_text = the broker's message (sim/topic_configs.h: a value against its definition, or a
        // conflict between keys).
        if (!r.detail_text.empty()) return r.detail_text;
        break;
    }
    default: break;
    }
    return std::string(errorDefaultMessage(r.error));
}

} // namespace fluxolab::sim
