#include "sim/journal.h"

#include "sim/assignors.h"
#include "sim/hash.h"

#include <algorithm>

namespace fluxolab::sim {

const char* errorName(ErrorCode code) {
    switch (code) {
    case ErrorCode::NONE: return "NONE";
    case ErrorCode::OFFSET_OUT_OF_RANGE: return "OFFSET_OUT_OF_RANGE";
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION: return "UNKNOWN_TOPIC_OR_PARTITION";
    case ErrorCode::LEADER_NOT_AVAILABLE: return "LEADER_NOT_AVAILABLE";
    case ErrorCode::NOT_LEADER_OR_FOLLOWER: return "NOT_LEADER_OR_FOLLOWER";
    case ErrorCode::REQUEST_TIMED_OUT: return "REQUEST_TIMED_OUT";
    case ErrorCode::NETWORK_EXCEPTION: return "NETWORK_EXCEPTION";
    case ErrorCode::COORDINATOR_NOT_AVAILABLE: return "COORDINATOR_NOT_AVAILABLE";
    case ErrorCode::NOT_COORDINATOR: return "NOT_COORDINATOR";
    case ErrorCode::INVALID_TOPIC_EXCEPTION: return "INVALID_TOPIC_EXCEPTION";
    case ErrorCode::NOT_ENOUGH_REPLICAS: return "NOT_ENOUGH_REPLICAS";
    case ErrorCode::NOT_ENOUGH_REPLICAS_AFTER_APPEND: return "NOT_ENOUGH_REPLICAS_AFTER_APPEND";
    case ErrorCode::ILLEGAL_GENERATION: return "ILLEGAL_GENERATION";
    case ErrorCode::INCONSISTENT_GROUP_PROTOCOL: return "INCONSISTENT_GROUP_PROTOCOL";
    case ErrorCode::UNKNOWN_MEMBER_ID: return "UNKNOWN_MEMBER_ID";
    case ErrorCode::INVALID_SESSION_TIMEOUT: return "INVALID_SESSION_TIMEOUT";
    case ErrorCode::REBALANCE_IN_PROGRESS: return "REBALANCE_IN_PROGRESS";
    case ErrorCode::TOPIC_AUTHORIZATION_FAILED: return "TOPIC_AUTHORIZATION_FAILED";
    case ErrorCode::TOPIC_ALREADY_EXISTS: return "TOPIC_ALREADY_EXISTS";
    case ErrorCode::INVALID_PARTITIONS: return "INVALID_PARTITIONS";
    case ErrorCode::INVALID_REPLICATION_FACTOR: return "INVALID_REPLICATION_FACTOR";
    case ErrorCode::INVALID_CONFIG: return "INVALID_CONFIG";
    case ErrorCode::POLICY_VIOLATION: return "POLICY_VIOLATION";
    case ErrorCode::NON_EMPTY_GROUP: return "NON_EMPTY_GROUP";
    case ErrorCode::GROUP_ID_NOT_FOUND: return "GROUP_ID_NOT_FOUND";
    case ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC: return "GROUP_SUBSCRIBED_TO_TOPIC";
    case ErrorCode::MEMBER_ID_REQUIRED: return "MEMBER_ID_REQUIRED";
    case ErrorCode::OFFSET_NOT_AVAILABLE: return "OFFSET_NOT_AVAILABLE";
    case ErrorCode::GROUP_MAX_SIZE_REACHED: return "GROUP_MAX_SIZE_REACHED";
    case ErrorCode::UNKNOWN_SERVER_ERROR: return "UNKNOWN_SERVER_ERROR";
    case ErrorCode::CLIENT_DELIVERY_TIMEOUT: return "DELIVERY_TIMEOUT";
    case ErrorCode::CLIENT_NO_OFFSET_FOR_PARTITION: return "NO_OFFSET_FOR_PARTITION";
    }
    return "UNKNOWN";
}

const char* eventTypeName(EventType type) {
    static const char* const names[] = {
        "broker_started",  "broker_stopped",     "broker_fenced",        "topic_created",
        "topic_deleted",   "partition_created",  "leader_elected",       "isr_shrunk",
        "isr_expanded",    "records_appended",   "replica_fetched",      "high_watermark_advanced",
        "log_truncated",   "log_start_advanced", "producer_added",       "produce_acked",
        "produce_failed",  "consumer_added",     "consumer_closed",      "consumer_paused",
        "member_joined",   "member_left",        "group_state_changed",  "generation_started",
        "partitions_revoked", "partitions_assigned", "records_consumed", "position_reset",
        "offset_committed", "commit_failed",     "coordinator_moved",    "group_deleted",
        "offset_deleted",  "scenario_action",    "group_loaded"};
    static_assert(sizeof(names) / sizeof(names[0]) == static_cast<std::size_t>(EventType::Count_));
    const auto i = static_cast<std::size_t>(type);
    return i < static_cast<std::size_t>(EventType::Count_) ? names[i] : "unknown";
}

const char* groupStateName(GroupState state) {
    switch (state) {
    case GroupState::Empty: return "Empty";
    case GroupState::PreparingRebalance: return "PreparingRebalance";
    case GroupState::CompletingRebalance: return "CompletingRebalance";
    case GroupState::Stable: return "Stable";
    case GroupState::Dead: return "Dead";
    }
    return "Unknown";
}

const char* leaveReasonName(LeaveReason reason) {
    switch (reason) {
    case LeaveReason::LeaveGroup: return "leave_group";
    case LeaveReason::SessionTimeout: return "session_timeout";
    case LeaveReason::PollTimeout: return "max_poll_interval_exceeded";
    case LeaveReason::RebalanceTimeout: return "rebalance_timeout";
    case LeaveReason::Fenced: return "fenced";
    }
    return "unknown";
}

Journal::Journal() { m_strings.emplace_back(); }

std::pair<std::uint32_t, std::uint32_t> Journal::addList(const std::vector<std::int32_t>& values) {
    const auto begin = static_cast<std::uint32_t>(m_lists.size());
    m_lists.insert(m_lists.end(), values.begin(), values.end());
    return {begin, static_cast<std::uint32_t>(values.size())};
}

std::uint32_t Journal::addString(std::string_view s) {
    if (s.empty()) return 0;
    m_strings.emplace_back(s);
    return static_cast<std::uint32_t>(m_strings.size() - 1);
}

namespace {
std::int32_t indexIn(std::vector<std::string>& table, std::string_view name) {
    const auto it = std::find(table.begin(), table.end(), name);
    if (it != table.end()) return static_cast<std::int32_t>(it - table.begin());
    table.emplace_back(name);
    return static_cast<std::int32_t>(table.size() - 1);
}
void setAt(std::vector<std::string>& table, std::int32_t i, std::string name) {
    if (table.size() <= static_cast<std::size_t>(i)) table.resize(static_cast<std::size_t>(i) + 1);
    table[static_cast<std::size_t>(i)] = std::move(name);
}

void appendEscaped(std::string& out, std::string_view s) {
    out.push_back('"');
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xF]);
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
    }
    out.push_back('"');
}
} // namespace

std::int32_t Journal::topicIndex(std::string_view name) { return indexIn(m_topics, name); }
std::int32_t Journal::groupIndex(std::string_view name) { return indexIn(m_groups, name); }
std::int32_t Journal::findTopic(std::string_view name) const {
    const auto it = std::find(m_topics.begin(), m_topics.end(), name);
    return it == m_topics.end() ? -1 : static_cast<std::int32_t>(it - m_topics.begin());
}
void Journal::setProducerName(std::int32_t i, std::string name) { setAt(m_producers, i, std::move(name)); }
void Journal::setConsumerName(std::int32_t i, std::string name) { setAt(m_consumers, i, std::move(name)); }

std::string Journal::toJson(std::size_t index) const {
    const Event& e = m_events[index];
    std::string out;
    out.reserve(128);
    auto num = [&out](const char* key, std::int64_t v) {
        out += ",\"";
        out += key;
        out += "\":";
        out += std::to_string(v);
    };
    auto str = [&out](const char* key, std::string_view v) {
        out += ",\"";
        out += key;
        out += "\":";
        appendEscaped(out, v);
    };
    auto tp = [&] {
        str("topic", topicName(e.topic));
        num("partition", e.partition);
    };
    auto tpList = [&](const char* key) {
        out += ",\"";
        out += key;
        out += "\":[";
        for (std::uint32_t i = 0; i + 1 < e.list_size; i += 2) {
            if (i) out.push_back(',');
            appendEscaped(out, topicName(m_lists[e.list_begin + i]) + "-" +
                                   std::to_string(m_lists[e.list_begin + i + 1]));
        }
        out.push_back(']');
    };
    auto intList = [&](const char* key) {
        out += ",\"";
        out += key;
        out += "\":[";
        for (std::uint32_t i = 0; i < e.list_size; ++i) {
            if (i) out.push_back(',');
            out += std::to_string(m_lists[e.list_begin + i]);
        }
        out.push_back(']');
    };
    auto consumer = [&](const char* key, std::int32_t c) {
        if (c >= 0) str(key, consumerName(c));
        else out += std::string(",\"") + key + "\":null";
    };
    out += "{\"t\":";
    out += std::to_string(e.time);
    str("type", eventTypeName(e.type));
    switch (e.type) {
    case EventType::BrokerStarted:
    case EventType::BrokerFenced: num("broker", e.broker); break;
    case EventType::BrokerStopped:
        num("broker", e.broker);
        out += e.flag ? ",\"crash\":true" : ",\"crash\":false";
        break;
    case EventType::TopicCreated:
        str("topic", topicName(e.topic));
        num("partitions", e.a);
        num("replication_factor", e.b);
        break;
    case EventType::TopicDeleted: str("topic", topicName(e.topic)); break;
    case EventType::PartitionCreated: tp(); intList("replicas"); break;
    case EventType::LeaderElected:
        tp();
        num("leader", e.broker);
        num("leader_epoch", e.a);
        if (e.flag) out += ",\"unclean\":true";
        break;
    case EventType::IsrShrunk:
    case EventType::IsrExpanded: tp(); num("replica", e.broker); intList("isr"); break;
    case EventType::RecordsAppended:
        tp();
        num("leader", e.broker);
        num("base_offset", e.a);
        num("count", e.b);
        if (e.actor >= 0) str("producer", producerName(e.actor));
        break;
    case EventType::ReplicaFetched: tp(); num("follower", e.broker); num("leo", e.a); num("count", e.b); break;
    case EventType::HighWatermarkAdvanced: tp(); num("hw", e.a); break;
    case EventType::LogTruncated: tp(); num("replica", e.broker); num("leo", e.a); num("lost", e.b); break;
    case EventType::LogStartAdvanced: tp(); num("log_start_offset", e.a); break;
    case EventType::ProducerAdded: str("producer", producerName(e.actor)); break;
    case EventType::ProduceAcked:
        str("producer", producerName(e.actor));
        tp();
        num("base_offset", e.a);
        num("count", e.b);
        break;
    case EventType::ProduceFailed:
        str("producer", producerName(e.actor));
        tp();
        str("error", errorName(e.error));
        num("count", e.b);
        out += e.flag ? ",\"retriable\":true" : ",\"retriable\":false";
        break;
    case EventType::ConsumerAdded:
        consumer("consumer", e.actor);
        if (e.group >= 0) str("group", groupName(e.group));
        break;
    case EventType::ConsumerClosed: consumer("consumer", e.actor); break;
    case EventType::ConsumerPaused: consumer("consumer", e.actor); num("pause_ms", e.a); break;
    case EventType::MemberJoined:
        consumer("consumer", e.actor);
        str("group", groupName(e.group));
        str("member_id", string(e.name));
        break;
    case EventType::MemberLeft:
        consumer("consumer", e.actor);
        str("group", groupName(e.group));
        str("reason", leaveReasonName(static_cast<LeaveReason>(e.flag)));
        break;
    case EventType::GroupStateChanged:
        str("group", groupName(e.group));
        str("state", groupStateName(static_cast<GroupState>(e.a)));
        num("generation", e.b);
        break;
    case EventType::GenerationStarted: {
        str("group", groupName(e.group));
        num("generation", e.a);
        consumer("leader", e.actor);
        str("protocol", assignorName(static_cast<AssignorKind>(e.flag)));
        out += ",\"members\":[";
        for (std::uint32_t i = 0; i < e.list_size; ++i) {
            if (i) out.push_back(',');
            appendEscaped(out, consumerName(m_lists[e.list_begin + i]));
        }
        out.push_back(']');
        break;
    }
    case EventType::PartitionsRevoked:
    case EventType::PartitionsAssigned:
        consumer("consumer", e.actor);
        if (e.group >= 0) str("group", groupName(e.group));
        tpList("partitions");
        break;
    case EventType::RecordsConsumed:
        consumer("consumer", e.actor);
        tp();
        num("offset", e.a);
        num("count", e.b);
        break;
    case EventType::PositionReset: consumer("consumer", e.actor); tp(); num("position", e.a); break;
    case EventType::OffsetCommitted:
        str("group", groupName(e.group));
        tp();
        num("offset", e.a);
        consumer("consumer", e.actor);
        break;
    case EventType::CommitFailed:
        str("group", groupName(e.group));
        consumer("consumer", e.actor);
        str("error", errorName(e.error));
        break;
    case EventType::CoordinatorMoved: str("group", groupName(e.group)); num("coordinator", e.broker); break;
    case EventType::GroupDeleted: str("group", groupName(e.group)); break;
    case EventType::OffsetDeleted: str("group", groupName(e.group)); tp(); break;
    case EventType::ScenarioAction: num("action", e.a); str("description", string(e.name)); break;
    case EventType::GroupLoaded: {
        str("group", groupName(e.group));
        num("coordinator", e.broker);
        str("state", groupStateName(static_cast<GroupState>(e.a)));
        num("generation", e.b);
        if (e.actor >= 0) consumer("leader", e.actor);
        if (e.flag != 255) str("protocol", assignorName(static_cast<AssignorKind>(e.flag)));
        out += ",\"members\":[";
        for (std::uint32_t i = 0; i + 1 < e.list_size; i += 2) {
            if (i) out.push_back(',');
            out += "{\"consumer\":";
            appendEscaped(out, consumerName(m_lists[e.list_begin + i]));
            out += ",\"member_id\":";
            appendEscaped(out, string(static_cast<std::uint32_t>(m_lists[e.list_begin + i + 1])));
            out.push_back('}');
        }
        out.push_back(']');
        break;
    }
    case EventType::Count_: break;
    }
    out.push_back('}');
    return out;
}

std::string Journal::sha256() const {
    Sha256 h;
    for (std::size_t i = 0; i < m_events.size(); ++i) {
        std::string line = toJson(i);
        line.push_back('\n');
        h.update(line);
    }
    return h.hexDigest();
}

std::size_t Journal::memoryBytes() const {
    std::size_t bytes = m_events.size() * sizeof(Event) + m_lists.capacity() * sizeof(std::int32_t);
    for (const auto& s : m_strings) bytes += sizeof(std::string) + (s.size() > 15 ? s.capacity() : 0);
    return bytes;
}

} // namespace fluxolab::sim
