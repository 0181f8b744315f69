#pragma once
// The journal: every observable change of the simulation as a typed, timestamped event.
// Same scenario + same seed => byte-identical journal (and JSON Lines rendering).
// Events are fixed-size values; variable-length data (partition lists, ids) lives in side tables.

#include "sim/types.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::sim {

// ---------------------------------------------------------------------------------------------
// The journal schema: each event type is declared ONCE, in an event list such as
// FLUXOLAB_KAFKA_EVENTS below: its C++ name, its JSON name, and its fields in rendering order.
// From that one line come the EventType enumerator, eventTypeName(), the JSON Lines rendering
// (Journal::toJson), the field accessors used by views and human texts (schemaOf, fieldText), the
// dispatch of a view's fold hooks (FLUXOLAB_FOLD: ClusterView::fold<EventType::X>, one per line) and
// the check of the human text templates (checkEventTexts: one per line, in the app).
//
// A field: FLUXOLAB_F(json key, FieldKind, Slot) - where its value lives in the Event (Slot) and
// how it is shown (FieldKind). Another engine declares its own list the same way and registers it
// with Journal::addFamily (see tests/sim/test_journal_schema.cpp for a test-only family).

/// Where a field's value lives in an Event. Wide: a third 64-bit value for families that do not use
/// broker and topic (broker holds its high 32 bits, topic its low 32 bits; see wideValue).
enum class Slot : std::uint8_t { Broker, Topic, Partition, Actor, Group, A, B, Flag, Error, Name, List, Wide };

/// How a field's value is rendered.
enum class FieldKind : std::uint8_t {
    Int,               ///< the number in the slot (Broker, Partition, A, B, Actor, Flag)
    Bool,              ///< flag != 0, always rendered (true/false)
    TrueIfSet,         ///< rendered (as true) only when flag != 0
    Topic,             ///< topic name (Slot::Topic)
    Group,             ///< group name (Slot::Group)
    GroupIfSet,        ///< group name, omitted when group < 0
    Producer,          ///< producer client id (Slot::Actor)
    ProducerIfSet,     ///< producer client id, omitted when actor < 0 (admin)
    Consumer,          ///< consumer client id (Slot::Actor), null when actor < 0
    ConsumerIfSet,     ///< consumer client id, omitted when actor < 0
    Error,             ///< Kafka error name (Slot::Error)
    Text,              ///< a string of Journal::strings (Slot::Name)
    GroupStateName,    ///< groupStateName of the slot's value
    LeaveReasonName,   ///< leaveReasonName of the slot's value
    AssignorName,      ///< assignorName of the slot's value
    AssignorNameIfSet, ///< assignorName, omitted when the slot holds 255
    IntList,           ///< the event's list as numbers
    TpList,            ///< the event's list as (topic, partition) pairs: ["t-0", ...]
    ConsumerList,      ///< the event's list as consumer indexes: client ids
    MemberList,        ///< the event's list as (consumer, member-id string) pairs
    Millis,            ///< a time or watermark: the number, or "MIN"/"MAX" (JSON strings) for the int64 extremes
};

struct FieldSpec {
    const char* key = nullptr; ///< JSON key
    FieldKind kind = FieldKind::Int;
    Slot slot = Slot::A;
};

inline constexpr std::size_t kMaxEventFields = 8;
struct EventSchema {
    const char* name = nullptr; ///< snake_case JSON name
    std::array<FieldSpec, kMaxEventFields> fields{};
    std::size_t count = 0;
    constexpr const FieldSpec* begin() const { return fields.data(); }
    constexpr const FieldSpec* end() const { return fields.data() + count; }
    /// The field with JSON key `key`, or nullptr.
    constexpr const FieldSpec* field(std::string_view key) const {
        for (const auto& f : *this)
            if (key == f.key) return &f;
        return nullptr;
    }
};

template <class... Fields> constexpr EventSchema makeEventSchema(const char* name, Fields... fields) {
    static_assert(sizeof...(Fields) <= kMaxEventFields, "raise kMaxEventFields");
    return EventSchema{name, {fields...}, sizeof...(Fields)};
}

#define FLUXOLAB_F(key, kind, slot)                                                                    \
    ::fluxolab::sim::FieldSpec { key, ::fluxolab::sim::FieldKind::kind, ::fluxolab::sim::Slot::slot }
/// Enumerators of an event list: FLUXOLAB_EVENT_ENUMERATORS(LIST) inside an enum.
#define FLUXOLAB_EVENT_ENUMERATOR_(id, name, ...) id,
#define FLUXOLAB_EVENT_ENUMERATORS(LIST) LIST(FLUXOLAB_EVENT_ENUMERATOR_)
/// The schema table of an event list, indexed by its enumerators: { FLUXOLAB_EVENT_SCHEMAS(LIST) }.
#define FLUXOLAB_EVENT_SCHEMA_(id, name, ...) ::fluxolab::sim::makeEventSchema(name __VA_OPT__(, ) __VA_ARGS__),
#define FLUXOLAB_EVENT_SCHEMAS(LIST) LIST(FLUXOLAB_EVENT_SCHEMA_)
/// Folding an event list into a view, derived from the list. The view declares
///     template <Enum T> void fold(const Journal& journal, const Event& event);
/// and defines one specialisation per event type of the list (an empty one for an event that does not
/// change it: a missing one fails to link). FLUXOLAB_FOLD(LIST, Enum, view, journal, event) calls the
/// one for the event's type (a switch generated from the list, so each hook can be inlined).
#define FLUXOLAB_FOLD_CASE_(id, ...)                                                                   \
    case FluxolabFoldEnum_::id: fluxolabFoldView_.template fold<FluxolabFoldEnum_::id>(fluxolabFoldJournal_, fluxolabFoldEvent_); break;
#define FLUXOLAB_FOLD(LIST, Enum, view, journal, event)                                                \
    do {                                                                                               \
        using FluxolabFoldEnum_ = Enum;                                                                \
        auto& fluxolabFoldView_ = (view);                                                              \
        const auto& fluxolabFoldJournal_ = (journal);                                                  \
        const auto& fluxolabFoldEvent_ = (event);                                                      \
        switch (static_cast<FluxolabFoldEnum_>(fluxolabFoldEvent_.typeIndex())) {                     \
            LIST(FLUXOLAB_FOLD_CASE_)                                                                  \
        default: break;                                                                                \
        }                                                                                              \
    } while (false)

/// The human text hook: one template per event type of a family (or several, chosen by a field's
/// value), naming the schema's fields: "{key}" is the field's text, "{#key}" the number of items of
/// a list field (pairs count once). `text` applies when the field `when` renders (Journal::fieldText)
/// as `equals`, or always when `when` is null; the first entry of the type that applies wins.
/// `count`: a list field whose item count selects the plural form of the text (Qt's %n), or null.
/// The app keeps the Kafka family's templates (translatable, app/core/texts.cpp); checkEventTexts
/// verifies a table at compile time.
struct EventText {
    std::uint8_t type = 0; ///< the family's event type (its enumerator, cast)
    const char* text = nullptr;
    const char* when = nullptr;
    const char* equals = nullptr;
    const char* count = nullptr;
};

namespace detail {
constexpr bool sameKey(const char* a, const char* aEnd, const char* b) {
    for (; a != aEnd; ++a, ++b)
        if (*b == '\0' || *a != *b) return false;
    return *b == '\0';
}
constexpr bool hasField(const EventSchema& s, const char* key, const char* keyEnd) {
    for (const FieldSpec& f : s)
        if (sameKey(key, keyEnd, f.key)) return true;
    return false;
}
constexpr const char* endOf(const char* s) {
    while (*s) ++s;
    return s;
}
} // namespace detail

/// Whether every event type in `schemas[0..count)` has a template that always applies (its last one),
/// and every "{key}", "{#key}", `when` and `count` names a field of the type's schema.
constexpr bool checkEventTexts(const EventSchema* schemas, std::size_t count, const EventText* texts, std::size_t n) {
    for (std::size_t type = 0; type < count; ++type) {
        bool fallback = false;
        for (std::size_t i = 0; i < n; ++i)
            if (texts[i].type == type && texts[i].when == nullptr) fallback = true;
        if (!fallback) return false;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const EventText& t = texts[i];
        if (t.type >= count || t.text == nullptr) return false;
        const EventSchema& s = schemas[t.type];
        if (t.when && !detail::hasField(s, t.when, detail::endOf(t.when))) return false;
        if (t.count && !detail::hasField(s, t.count, detail::endOf(t.count))) return false;
        for (const char* p = t.text; *p; ++p) {
            if (*p != '{') continue;
            const char* key = p + 1;
            if (*key == '#') ++key;
            const char* end = key;
            while (*end && *end != '}') ++end;
            if (*end != '}' || !detail::hasField(s, key, end)) return false;
            p = end;
        }
    }
    return true;
}

// The Kafka model's events. One line per type; adding a field or an event type happens here only
// (plus, for a new type, what the model emits and what the views make of it).
// clang-format off
#define FLUXOLAB_KAFKA_EVENTS(X)                                                                                    \
    X(BrokerStarted, "broker_started", FLUXOLAB_F("broker", Int, Broker))                                            \
    X(BrokerStopped, "broker_stopped", FLUXOLAB_F("broker", Int, Broker), /* not a controlled shutdown: */           \
      FLUXOLAB_F("crash", Bool, Flag))                                                                              \
    X(BrokerFenced, "broker_fenced", FLUXOLAB_F("broker", Int, Broker)) /* the controller stopped considering it alive */ \
    X(BrokerUnfenced, "broker_unfenced", FLUXOLAB_F("broker", Int, Broker)) /* a restarted broker registered and caught up */ \
    X(TopicCreated, "topic_created", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partitions", Int, A),            \
      FLUXOLAB_F("replication_factor", Int, B))                                                                     \
    X(TopicDeleted, "topic_deleted", FLUXOLAB_F("topic", Topic, Topic))                                              \
    X(PartitionCreated, "partition_created", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition), \
      FLUXOLAB_F("replicas", IntList, List)) /* in assignment order */                                              \
    X(LeaderElected, "leader_elected", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition),   \
      FLUXOLAB_F("leader", Int, Broker) /* -1 = none */, FLUXOLAB_F("leader_epoch", Int, A),                        \
      FLUXOLAB_F("unclean", TrueIfSet, Flag))                                                                       \
    X(IsrShrunk, "isr_shrunk", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition),           \
      FLUXOLAB_F("replica", Int, Broker) /* removed */, FLUXOLAB_F("isr", IntList, List) /* the new ISR */)         \
    X(IsrExpanded, "isr_expanded", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition),       \
      FLUXOLAB_F("replica", Int, Broker) /* added */, FLUXOLAB_F("isr", IntList, List) /* the new ISR */)           \
    X(RecordsAppended, "records_appended", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition), \
      FLUXOLAB_F("leader", Int, Broker), FLUXOLAB_F("base_offset", Int, A), FLUXOLAB_F("count", Int, B),            \
      FLUXOLAB_F("producer", ProducerIfSet, Actor) /* absent: admin */)                                             \
    X(ReplicaFetched, "replica_fetched", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition), \
      FLUXOLAB_F("follower", Int, Broker), FLUXOLAB_F("leo", Int, A) /* after the fetch */,                         \
      FLUXOLAB_F("count", Int, B))                                                                                  \
    X(HighWatermarkAdvanced, "high_watermark_advanced", FLUXOLAB_F("topic", Topic, Topic),                           \
      FLUXOLAB_F("partition", Int, Partition), FLUXOLAB_F("hw", Int, A))                                            \
    X(LogTruncated, "log_truncated", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition),     \
      FLUXOLAB_F("replica", Int, Broker), FLUXOLAB_F("leo", Int, A) /* new */,                                      \
      FLUXOLAB_F("lost", Int, B) /* records lost on that replica */)                                                \
    X(LogStartAdvanced, "log_start_advanced", FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("partition", Int, Partition), \
      FLUXOLAB_F("log_start_offset", Int, A) /* retention */)                                                       \
    X(ProducerAdded, "producer_added", FLUXOLAB_F("producer", Producer, Actor))                                      \
    X(ProduceAcked, "produce_acked", FLUXOLAB_F("producer", Producer, Actor), FLUXOLAB_F("topic", Topic, Topic),     \
      FLUXOLAB_F("partition", Int, Partition), FLUXOLAB_F("base_offset", Int, A) /* -1 for acks=0 */,              \
      FLUXOLAB_F("count", Int, B))                                                                                  \
    X(ProduceFailed, "produce_failed", FLUXOLAB_F("producer", Producer, Actor), FLUXOLAB_F("topic", Topic, Topic),   \
      FLUXOLAB_F("partition", Int, Partition), FLUXOLAB_F("error", Error, Error), FLUXOLAB_F("count", Int, B),      \
      FLUXOLAB_F("retriable", Bool, Flag) /* it will be retried */)                                                 \
    X(ConsumerAdded, "consumer_added", FLUXOLAB_F("consumer", Consumer, Actor),                                      \
      FLUXOLAB_F("group", GroupIfSet, Group) /* absent: no group */)                                                \
    X(ConsumerClosed, "consumer_closed", FLUXOLAB_F("consumer", Consumer, Actor))                                    \
    X(ConsumerPaused, "consumer_paused", FLUXOLAB_F("consumer", Consumer, Actor),                                    \
      FLUXOLAB_F("pause_ms", Int, A) /* stops calling poll() */)                                                    \
    X(MemberJoined, "member_joined", FLUXOLAB_F("consumer", Consumer, Actor), FLUXOLAB_F("group", Group, Group),     \
      FLUXOLAB_F("member_id", Text, Name))                                                                          \
    X(MemberLeft, "member_left", FLUXOLAB_F("consumer", Consumer, Actor), FLUXOLAB_F("group", Group, Group),         \
      FLUXOLAB_F("reason", LeaveReasonName, Flag))                                                                  \
    X(GroupStateChanged, "group_state_changed", FLUXOLAB_F("group", Group, Group),                                   \
      FLUXOLAB_F("state", GroupStateName, A), FLUXOLAB_F("generation", Int, B))                                     \
    X(GenerationStarted, "generation_started", FLUXOLAB_F("group", Group, Group), FLUXOLAB_F("generation", Int, A),  \
      FLUXOLAB_F("leader", Consumer, Actor), FLUXOLAB_F("protocol", AssignorName, Flag),                            \
      FLUXOLAB_F("members", ConsumerList, List))                                                                    \
    X(PartitionsRevoked, "partitions_revoked", FLUXOLAB_F("consumer", Consumer, Actor),                              \
      FLUXOLAB_F("group", GroupIfSet, Group), FLUXOLAB_F("partitions", TpList, List))                               \
    X(PartitionsAssigned, "partitions_assigned", FLUXOLAB_F("consumer", Consumer, Actor),                            \
      FLUXOLAB_F("group", GroupIfSet, Group), FLUXOLAB_F("partitions", TpList, List) /* newly added ones */)        \
    X(RecordsConsumed, "records_consumed", FLUXOLAB_F("consumer", Consumer, Actor), FLUXOLAB_F("topic", Topic, Topic), \
      FLUXOLAB_F("partition", Int, Partition), FLUXOLAB_F("offset", Int, A) /* first */, FLUXOLAB_F("count", Int, B)) \
    X(PositionReset, "position_reset", FLUXOLAB_F("consumer", Consumer, Actor), FLUXOLAB_F("topic", Topic, Topic),   \
      FLUXOLAB_F("partition", Int, Partition), FLUXOLAB_F("position", Int, A),                                      \
      FLUXOLAB_F("committed", TrueIfSet, Flag) /* set from the group's committed offset, not reset */)              \
    X(OffsetCommitted, "offset_committed", FLUXOLAB_F("group", Group, Group), FLUXOLAB_F("topic", Topic, Topic),     \
      FLUXOLAB_F("partition", Int, Partition), FLUXOLAB_F("offset", Int, A),                                        \
      FLUXOLAB_F("consumer", Consumer, Actor) /* null: admin tool */)                                               \
    X(CommitFailed, "commit_failed", FLUXOLAB_F("group", Group, Group), FLUXOLAB_F("consumer", Consumer, Actor),     \
      FLUXOLAB_F("error", Error, Error))                                                                            \
    X(CoordinatorMoved, "coordinator_moved", FLUXOLAB_F("group", Group, Group),                                      \
      FLUXOLAB_F("coordinator", Int, Broker) /* -1 = unavailable */)                                                \
    X(GroupDeleted, "group_deleted", FLUXOLAB_F("group", Group, Group))                                              \
    X(OffsetDeleted, "offset_deleted", FLUXOLAB_F("group", Group, Group), FLUXOLAB_F("topic", Topic, Topic),         \
      FLUXOLAB_F("partition", Int, Partition)) /* kafka-consumer-groups --delete-offsets */                        \
    X(ScenarioAction, "scenario_action", FLUXOLAB_F("action", Int, A) /* index in the scenario */,                   \
      FLUXOLAB_F("description", Text, Name))                                                                        \
    X(GroupLoaded, "group_loaded", FLUXOLAB_F("group", Group, Group), FLUXOLAB_F("coordinator", Int, Broker),        \
      FLUXOLAB_F("state", GroupStateName, A), FLUXOLAB_F("generation", Int, B),                                     \
      FLUXOLAB_F("leader", ConsumerIfSet, Actor), FLUXOLAB_F("protocol", AssignorNameIfSet, Flag),                  \
      FLUXOLAB_F("members", MemberList, List))                                                                       \
    X(ProducerClosed, "producer_closed", FLUXOLAB_F("producer", Producer, Actor)) /* close() returned: all it held is sent */ \
    X(ConnectionFailed, "connection_failed", FLUXOLAB_F("producer", Producer, Actor),                                \
      FLUXOLAB_F("broker", Int, Broker), FLUXOLAB_F("retry_in_ms", Int, A) /* the reconnect backoff drawn */)        \
    X(ControllerElected, "controller_elected", /* the KRaft quorum's leader, the active controller: */               \
      FLUXOLAB_F("broker", Int, Broker) /* -1 = none (it stopped or lost its majority) */,                          \
      FLUXOLAB_F("epoch", Int, A) /* the quorum's leader epoch */)                                                   \
    X(PartitionsLost, "partitions_lost", /* onPartitionsLost: no longer a member (generation reset) */            \
      FLUXOLAB_F("consumer", Consumer, Actor), FLUXOLAB_F("group", GroupIfSet, Group),                               \
      FLUXOLAB_F("partitions", TpList, List))                                                                        \
    X(TopicConfigChanged, "topic_config_changed", /* IncrementalAlterConfigs (kafka-configs --alter), one per key: */ \
      FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("config", Text, Name) /* "key=value"; the key alone when deleted */, \
      FLUXOLAB_F("deleted", TrueIfSet, Flag) /* the override was removed: the broker's default applies */)
// clang-format on

enum class EventType : std::uint8_t { FLUXOLAB_EVENT_ENUMERATORS(FLUXOLAB_KAFKA_EVENTS) Count_ };

/// The Kafka events' schemas, indexed by EventType.
inline constexpr EventSchema kKafkaEventSchemas[] = {FLUXOLAB_EVENT_SCHEMAS(FLUXOLAB_KAFKA_EVENTS)};
static_assert(std::size(kKafkaEventSchemas) == static_cast<std::size_t>(EventType::Count_));

struct Event;
/// The number a field's slot holds in an event (an index, an enum value or a plain number).
std::int64_t fieldValue(const Event& e, const FieldSpec& f);

/// A human text from a template (EventText) and a schema: "{key}" replaced by `fieldText` of the
/// field, "{#key}" by its item count (Journal::itemCount); a key the schema does not have is left as
/// written. Journal::describe uses it with the journal's own field texts.
std::string describeEvent(const EventSchema& schema, const Event& e, std::string_view text,
                          const std::function<std::string(const FieldSpec&)>& fieldText);
/// The template of `texts` (EventText) that applies to `e`: the first of its type whose `when`
/// field renders (`fieldText`) as `equals`, or that has no `when`; nullptr if none.
/// Journal::pickText uses it with the journal's own field texts.
const EventText* pickEventText(const EventSchema& schema, const Event& e, const EventText* texts, std::size_t n,
                               const std::function<std::string(const FieldSpec&)>& fieldText);

/// An engine's event list as the journal knows it. Family 0 is the Kafka model's.
struct EventFamily {
    const char* engine = "";
    const EventSchema* schemas = nullptr; ///< indexed by the family's event type
    std::size_t count = 0;
};
inline constexpr std::uint16_t kKafkaFamily = 0;

/// snake_case name used in the JSON Lines rendering ("records_appended").
const char* eventTypeName(EventType type);

enum class GroupState : std::uint8_t { Empty, PreparingRebalance, CompletingRebalance, Stable, Dead };
const char* groupStateName(GroupState state); ///< Kafka's names: "Empty", "PreparingRebalance", ...

enum class LeaveReason : std::uint8_t { LeaveGroup, SessionTimeout, PollTimeout, RebalanceTimeout, Fenced };
const char* leaveReasonName(LeaveReason reason);

struct Event {
    TimeMs time = 0;
    EventType type = EventType::BrokerStarted; ///< for another family: its own type index (Event::typeIndex)
    std::uint8_t flag = 0;
    ErrorCode error = ErrorCode::NONE;
    std::int32_t broker = -1;
    std::int32_t topic = -1;     ///< index into Journal::topicName (or the group index for group events)
    std::int32_t partition = -1;
    std::int32_t actor = -1;     ///< producer or consumer index
    std::int32_t group = -1;     ///< index into Journal::groupName
    std::uint32_t list_begin = 0; ///< range in Journal::lists
    std::uint32_t list_size = 0;
    std::uint32_t name = 0;       ///< index into Journal::strings (0 = none)
    std::uint16_t family = kKafkaFamily; ///< which engine's event list `type` belongs to (in former padding)
    std::int64_t a = 0;
    std::int64_t b = 0;
    std::uint8_t typeIndex() const { return static_cast<std::uint8_t>(type); }
    /// Slot::Wide: broker (high 32 bits) and topic (low 32 bits) read as one 64-bit value.
    std::int64_t wideValue() const {
        return static_cast<std::int64_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(broker)) << 32) |
                                         static_cast<std::uint32_t>(topic));
    }
    void setWideValue(std::int64_t v) {
        broker = static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> 32));
        topic = static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v)));
    }
};
static_assert(sizeof(Event) == 64, "an event stays 64 bytes (memory budget per record)");

class Journal {
public:
    Journal();

    /// A deque: appending never moves the events already there (a vector of millions of events
    /// copied itself whole on every doubling, a 100 ms pause in the middle of playback).
    const std::deque<Event>& events() const { return m_events; }
    std::size_t size() const { return m_events.size(); }
    const Event& operator[](std::size_t i) const { return m_events[i]; }

    /// Appends an event; returns a reference valid until the next append.
    Event& append(const Event& e) { m_events.push_back(e); return m_events.back(); }
    /// Stores a list for the event being built; returns {begin, size}.
    std::pair<std::uint32_t, std::uint32_t> addList(const std::vector<std::int32_t>& values);
    std::uint32_t addString(std::string_view s);

    std::int32_t* listData(const Event& e) { return m_lists.data() + e.list_begin; }
    std::vector<std::int32_t> list(const Event& e) const {
        return {m_lists.begin() + e.list_begin, m_lists.begin() + e.list_begin + e.list_size};
    }
    const std::string& string(std::uint32_t id) const { return m_strings[id]; }

    /// Name tables (append-only; indices are stable).
    std::int32_t topicIndex(std::string_view name);   ///< creates the entry if missing
    std::int32_t findTopic(std::string_view name) const; ///< -1 if unknown
    std::int32_t groupIndex(std::string_view name);
    const std::string& topicName(std::int32_t i) const { return m_topics[static_cast<std::size_t>(i)]; }
    const std::string& groupName(std::int32_t i) const { return m_groups[static_cast<std::size_t>(i)]; }
    std::size_t topicCount() const { return m_topics.size(); }
    std::size_t groupCount() const { return m_groups.size(); }
    /// Actor names: producers and consumers by index ("producer-1", "consumer-g-1").
    void setProducerName(std::int32_t i, std::string name);
    void setConsumerName(std::int32_t i, std::string name);
    const std::string& producerName(std::int32_t i) const { return m_producers[static_cast<std::size_t>(i)]; }
    const std::string& consumerName(std::int32_t i) const { return m_consumers[static_cast<std::size_t>(i)]; }

    /// Registers another engine's event list; events with that family are rendered from its schema.
    std::uint16_t addFamily(const EventFamily& family);
    const EventFamily& family(std::uint16_t id) const { return m_families[id]; }
    /// The id of the family registered for `engine`, or -1.
    std::int32_t findFamily(std::string_view engine) const;
    /// The schema of an event (of any registered family).
    const EventSchema& schemaOf(const Event& e) const { return m_families[e.family].schemas[e.typeIndex()]; }
    /// A field's value as plain text (names resolved, no JSON quoting; lists comma-separated;
    /// "" for an absent optional field), for human texts.
    std::string fieldText(const Event& e, const FieldSpec& f) const;
    /// A field's value by JSON key ("" if the event has no such field).
    std::string fieldText(const Event& e, std::string_view key) const;
    /// Items in a list field (a (topic, partition) or (consumer, member id) pair counts once); 0 for
    /// a field that is not a list.
    static std::size_t itemCount(const Event& e, const FieldSpec& f);
    /// How the text hook shows a field: the app passes one that translates names; by default fieldText.
    using FieldFormatter = std::function<std::string(const Event&, const FieldSpec&)>;
    /// The template of `texts` (EventText) that applies to `e` (of `e`'s family), or nullptr.
    const EventText* pickText(const Event& e, const EventText* texts, std::size_t n) const;
    /// A human text from a template (EventText): "{key}" replaced by the field's text, "{#key}" by
    /// its item count; a key the schema does not have is left as written.
    std::string describe(const Event& e, std::string_view text, const FieldFormatter& format = {}) const;

    /// One JSON object (no trailing newline) describing event i.
    std::string toJson(std::size_t i) const;
    /// SHA-256 over the JSON Lines rendering of all events (each line + '\n').
    std::string sha256() const;
    /// Approximate heap bytes used by the journal.
    std::size_t memoryBytes() const;

private:
    std::deque<Event> m_events;
    std::vector<std::int32_t> m_lists;
    std::vector<std::string> m_strings;
    std::vector<std::string> m_topics;
    std::vector<std::string> m_groups;
    std::vector<std::string> m_producers;
    std::vector<std::string> m_consumers;
    std::vector<EventFamily> m_families;
};

} // namespace fluxolab::sim
