#include "sim/journal.h"

#include "sim/assignors.h"
#include "sim/hash.h"
#include "sim/runtime/invariant.h"

#include <algorithm>
#include <limits>
#include <iterator>

namespace fluxolab::sim {

const char* errorName(ErrorCode code) {
    switch (code) {
    case ErrorCode::NONE: return "NONE";
    case ErrorCode::OFFSET_OUT_OF_RANGE: return "OFFSET_OUT_OF_RANGE";
    case ErrorCode::UNKNOWN_TOPIC_OR_PARTITION: return "UNKNOWN_TOPIC_OR_PARTITION";
    case ErrorCode::LEADER_NOT_AVAILABLE: return "LEADER_NOT_AVAILABLE";
    case ErrorCode::NOT_LEADER_OR_FOLLOWER: return "NOT_LEADER_OR_FOLLOWER";
    case ErrorCode::REQUEST_TIMED_OUT: return "REQUEST_TIMED_OUT";
    case ErrorCode::MESSAGE_TOO_LARGE: return "MESSAGE_TOO_LARGE";
    case ErrorCode::NETWORK_EXCEPTION: return "NETWORK_EXCEPTION";
    case ErrorCode::COORDINATOR_LOAD_IN_PROGRESS: return "COORDINATOR_LOAD_IN_PROGRESS";
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
    case ErrorCode::INVALID_TIMESTAMP: return "INVALID_TIMESTAMP";
    case ErrorCode::TOPIC_ALREADY_EXISTS: return "TOPIC_ALREADY_EXISTS";
    case ErrorCode::INVALID_PARTITIONS: return "INVALID_PARTITIONS";
    case ErrorCode::INVALID_REPLICATION_FACTOR: return "INVALID_REPLICATION_FACTOR";
    case ErrorCode::INVALID_CONFIG: return "INVALID_CONFIG";
    case ErrorCode::INVALID_REQUEST: return "INVALID_REQUEST";
    case ErrorCode::POLICY_VIOLATION: return "POLICY_VIOLATION";
    case ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER: return "OUT_OF_ORDER_SEQUENCE_NUMBER";
    case ErrorCode::NON_EMPTY_GROUP: return "NON_EMPTY_GROUP";
    case ErrorCode::GROUP_ID_NOT_FOUND: return "GROUP_ID_NOT_FOUND";
    case ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC: return "GROUP_SUBSCRIBED_TO_TOPIC";
    case ErrorCode::MEMBER_ID_REQUIRED: return "MEMBER_ID_REQUIRED";
    case ErrorCode::OFFSET_NOT_AVAILABLE: return "OFFSET_NOT_AVAILABLE";
    case ErrorCode::GROUP_MAX_SIZE_REACHED: return "GROUP_MAX_SIZE_REACHED";
    case ErrorCode::UNKNOWN_SERVER_ERROR: return "UNKNOWN_SERVER_ERROR";
    case ErrorCode::CLIENT_DELIVERY_TIMEOUT: return "DELIVERY_TIMEOUT";
    case ErrorCode::CLIENT_NO_OFFSET_FOR_PARTITION: return "NO_OFFSET_FOR_PARTITION";
    case ErrorCode::CLIENT_METADATA_TIMEOUT: return "METADATA_TIMEOUT";
    case ErrorCode::CLIENT_COMMIT_FAILED: return "COMMIT_FAILED";
    case ErrorCode::CLIENT_REBALANCE_IN_PROGRESS: return "CLIENT_REBALANCE_IN_PROGRESS";
    case ErrorCode::CLIENT_PRODUCER_CLOSED: return "PRODUCER_CLOSED";
    case ErrorCode::CLIENT_RECORD_TOO_LARGE: return "RECORD_TOO_LARGE";
    }
    return "UNKNOWN";
}

const char* eventTypeName(EventType type) {
    const auto i = static_cast<std::size_t>(type);
    return i < std::size(kKafkaEventSchemas) ? kKafkaEventSchemas[i].name : "unknown";
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

Journal::Journal() {
    m_strings.emplace_back();
    m_families.push_back(EventFamily{"kafka", kKafkaEventSchemas, std::size(kKafkaEventSchemas)});
}

std::uint16_t Journal::addFamily(const EventFamily& family) {
    FLUXOLAB_INVARIANT(family.schemas != nullptr && family.count > 0 && family.count <= 256, "an event family lists 1-256 types");
    m_families.push_back(family);
    return static_cast<std::uint16_t>(m_families.size() - 1);
}

std::int32_t Journal::findFamily(std::string_view engine) const {
    for (std::size_t i = 0; i < m_families.size(); ++i)
        if (engine == m_families[i].engine) return static_cast<std::int32_t>(i);
    return -1;
}

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

namespace {
std::int64_t slotValue(const Event& e, Slot slot) {
    switch (slot) {
    case Slot::Broker: return e.broker;
    case Slot::Topic: return e.topic;
    case Slot::Partition: return e.partition;
    case Slot::Actor: return e.actor;
    case Slot::Group: return e.group;
    case Slot::A: return e.a;
    case Slot::B: return e.b;
    case Slot::Flag: return e.flag;
    case Slot::Error: return static_cast<std::int64_t>(e.error);
    case Slot::Name: return e.name;
    case Slot::List: return e.list_begin;
    case Slot::Wide: return e.wideValue();
    }
    return 0;
}

} // namespace

std::int64_t fieldValue(const Event& e, const FieldSpec& f) { return slotValue(e, f.slot); }

namespace {
/// Whether an optional field is left out of this event.
bool absent(const Event& e, const FieldSpec& f) {
    switch (f.kind) {
    case FieldKind::TrueIfSet: return slotValue(e, f.slot) == 0;
    case FieldKind::GroupIfSet:
    case FieldKind::ProducerIfSet:
    case FieldKind::ConsumerIfSet: return slotValue(e, f.slot) < 0;
    case FieldKind::AssignorNameIfSet: return slotValue(e, f.slot) == 255;
    default: return false;
    }
}
} // namespace

std::string Journal::fieldText(const Event& e, const FieldSpec& f) const {
    if (absent(e, f)) return {};
    const std::int64_t v = slotValue(e, f.slot);
    const auto listAt = [&](std::uint32_t i) { return m_lists[e.list_begin + i]; };
    std::string out;
    switch (f.kind) {
    case FieldKind::Int: return std::to_string(v);
    case FieldKind::Bool:
    case FieldKind::TrueIfSet: return v ? "true" : "false";
    case FieldKind::Topic: return topicName(static_cast<std::int32_t>(v));
    case FieldKind::Group:
    case FieldKind::GroupIfSet: return groupName(static_cast<std::int32_t>(v));
    case FieldKind::Producer:
    case FieldKind::ProducerIfSet: return producerName(static_cast<std::int32_t>(v));
    case FieldKind::Consumer:
    case FieldKind::ConsumerIfSet: return v < 0 ? std::string() : consumerName(static_cast<std::int32_t>(v));
    case FieldKind::Error: return errorName(e.error);
    case FieldKind::Text: return string(static_cast<std::uint32_t>(v));
    case FieldKind::GroupStateName: return groupStateName(static_cast<GroupState>(v));
    case FieldKind::LeaveReasonName: return leaveReasonName(static_cast<LeaveReason>(v));
    case FieldKind::AssignorName:
    case FieldKind::AssignorNameIfSet: return assignorName(static_cast<AssignorKind>(v));
    case FieldKind::IntList:
        for (std::uint32_t i = 0; i < e.list_size; ++i) out += (i ? "," : "") + std::to_string(listAt(i));
        return out;
    case FieldKind::TpList:
        for (std::uint32_t i = 0; i + 1 < e.list_size; i += 2)
            out += (i ? "," : "") + topicName(listAt(i)) + "-" + std::to_string(listAt(i + 1));
        return out;
    case FieldKind::ConsumerList:
        for (std::uint32_t i = 0; i < e.list_size; ++i) out += (i ? "," : "") + consumerName(listAt(i));
        return out;
    case FieldKind::MemberList:
        for (std::uint32_t i = 0; i + 1 < e.list_size; i += 2)
            out += (i ? "," : "") + consumerName(listAt(i)) + "=" + string(static_cast<std::uint32_t>(listAt(i + 1)));
        return out;
    case FieldKind::Millis:
        if (v == std::numeric_limits<std::int64_t>::min()) return "MIN";
        if (v == std::numeric_limits<std::int64_t>::max()) return "MAX";
        return std::to_string(v);
    }
    return out;
}

std::string Journal::fieldText(const Event& e, std::string_view key) const {
    const FieldSpec* f = schemaOf(e).field(key);
    return f ? fieldText(e, *f) : std::string();
}

std::size_t Journal::itemCount(const Event& e, const FieldSpec& f) {
    switch (f.kind) {
    case FieldKind::IntList:
    case FieldKind::ConsumerList: return e.list_size;
    case FieldKind::TpList:
    case FieldKind::MemberList: return e.list_size / 2;
    default: return 0;
    }
}

const EventText* pickEventText(const EventSchema& schema, const Event& e, const EventText* texts, std::size_t n,
                               const std::function<std::string(const FieldSpec&)>& fieldText) {
    for (std::size_t i = 0; i < n; ++i) {
        const EventText& t = texts[i];
        if (t.type != e.typeIndex()) continue;
        if (t.when == nullptr) return &t;
        const FieldSpec* when = schema.field(t.when);
        if ((when ? fieldText(*when) : std::string()) == (t.equals ? t.equals : "")) return &t;
    }
    return nullptr;
}

const EventText* Journal::pickText(const Event& e, const EventText* texts, std::size_t n) const {
    return pickEventText(schemaOf(e), e, texts, n, [&](const FieldSpec& f) { return fieldText(e, f); });
}

std::string describeEvent(const EventSchema& schema, const Event& e, std::string_view text,
                          const std::function<std::string(const FieldSpec&)>& fieldText) {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(text.substr(i, open - i));
        std::string_view key = text.substr(open + 1, close - open - 1);
        const bool count = !key.empty() && key.front() == '#';
        if (count) key.remove_prefix(1);
        if (const FieldSpec* f = schema.field(key))
            out += count ? std::to_string(Journal::itemCount(e, *f)) : fieldText(*f);
        else
            out.append(text.substr(open, close - open + 1));
        i = close + 1;
    }
    if (i < text.size()) out.append(text.substr(i));
    return out;
}

std::string Journal::describe(const Event& e, std::string_view text, const FieldFormatter& format) const {
    return describeEvent(schemaOf(e), e, text,
                         [&](const FieldSpec& f) { return format ? format(e, f) : fieldText(e, f); });
}

std::string Journal::toJson(std::size_t index) const {
    const Event& e = m_events[index];
    const EventSchema& schema = schemaOf(e);
    std::string out;
    out.reserve(128);
    const auto listAt = [&](std::uint32_t i) { return m_lists[e.list_begin + i]; };
    out += "{\"t\":";
    out += std::to_string(e.time);
    out += ",\"type\":";
    appendEscaped(out, schema.name);
    for (const FieldSpec& f : schema) {
        if (absent(e, f)) continue;
        out += ",\"";
        out += f.key;
        out += "\":";
        const std::int64_t v = slotValue(e, f.slot);
        switch (f.kind) {
        case FieldKind::Int: out += std::to_string(v); break;
        case FieldKind::Millis:
            if (v == std::numeric_limits<std::int64_t>::min() || v == std::numeric_limits<std::int64_t>::max())
                appendEscaped(out, fieldText(e, f));
            else
                out += std::to_string(v);
            break;
        case FieldKind::Bool:
        case FieldKind::TrueIfSet: out += v ? "true" : "false"; break;
        case FieldKind::Consumer:
            if (v < 0) out += "null";
            else appendEscaped(out, consumerName(static_cast<std::int32_t>(v)));
            break;
        case FieldKind::IntList:
            out.push_back('[');
            for (std::uint32_t i = 0; i < e.list_size; ++i) {
                if (i) out.push_back(',');
                out += std::to_string(listAt(i));
            }
            out.push_back(']');
            break;
        case FieldKind::TpList:
            out.push_back('[');
            for (std::uint32_t i = 0; i + 1 < e.list_size; i += 2) {
                if (i) out.push_back(',');
                appendEscaped(out, topicName(listAt(i)) + "-" + std::to_string(listAt(i + 1)));
            }
            out.push_back(']');
            break;
        case FieldKind::ConsumerList:
            out.push_back('[');
            for (std::uint32_t i = 0; i < e.list_size; ++i) {
                if (i) out.push_back(',');
                appendEscaped(out, consumerName(listAt(i)));
            }
            out.push_back(']');
            break;
        case FieldKind::MemberList:
            out.push_back('[');
            for (std::uint32_t i = 0; i + 1 < e.list_size; i += 2) {
                if (i) out.push_back(',');
                out += "{\"consumer\":";
                appendEscaped(out, consumerName(listAt(i)));
                out += ",\"member_id\":";
                appendEscaped(out, string(static_cast<std::uint32_t>(listAt(i + 1))));
                out.push_back('}');
            }
            out.push_back(']');
            break;
        default: appendEscaped(out, fieldText(e, f)); break;
        }
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
