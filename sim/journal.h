#pragma once
// The journal: every observable change of the simulation as a typed, timestamped event.
// Same scenario + same seed => byte-identical journal (and JSON Lines rendering).
// Events are fixed-size values; variable-length data (partition lists, ids) lives in side tables.

#include "sim/types.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::sim {

enum class EventType : std::uint8_t {
    BrokerStarted,       ///< broker=id
    BrokerStopped,       ///< broker=id, flag=1 if crash (not a controlled shutdown)
    BrokerFenced,        ///< broker=id: the controller stopped considering it alive
    TopicCreated,        ///< topic, a=partition count, b=replication factor
    TopicDeleted,        ///< topic
    PartitionCreated,    ///< topic, partition, list=replicas (assignment order)
    LeaderElected,       ///< topic, partition, broker=new leader (-1 = none), a=leader epoch, flag=1 if unclean
    IsrShrunk,           ///< topic, partition, broker=removed replica, list=new ISR
    IsrExpanded,         ///< topic, partition, broker=added replica, list=new ISR
    RecordsAppended,     ///< topic, partition, broker=leader, a=base offset, b=count, actor=producer (-1 = admin)
    ReplicaFetched,      ///< topic, partition, broker=follower, a=follower LEO after the fetch, b=records fetched
    HighWatermarkAdvanced, ///< topic, partition, a=new HW
    LogTruncated,        ///< topic, partition, broker=replica, a=new LEO, b=records lost on that replica
    LogStartAdvanced,    ///< topic, partition, a=new log start offset (retention)
    ProducerAdded,       ///< actor=producer (its client id: Journal::producerName(actor))
    ProduceAcked,        ///< actor=producer, topic, partition, a=base offset (-1 for acks=0), b=count
    ProduceFailed,       ///< actor=producer, topic, partition, error, b=count, flag=1 if it will be retried
    ConsumerAdded,       ///< actor=consumer (client id: Journal::consumerName(actor)), group (-1 if none)
    ConsumerClosed,      ///< actor=consumer
    ConsumerPaused,      ///< actor=consumer, a=pause length in ms (stops calling poll())
    MemberJoined,        ///< actor=consumer, group, name=member id
    MemberLeft,          ///< actor=consumer, group, flag=LeaveReason
    GroupStateChanged,   ///< group, a=GroupState, b=generation
    GenerationStarted,   ///< group, a=generation, actor=leader consumer, flag=AssignorKind, list=members (consumers)
    PartitionsRevoked,   ///< actor=consumer, group, list=(topic, partition) pairs
    PartitionsAssigned,  ///< actor=consumer, group, list=(topic, partition) pairs (newly added ones)
    RecordsConsumed,     ///< actor=consumer, topic, partition, a=first offset, b=count
    PositionReset,       ///< actor=consumer, topic, partition, a=new position
    OffsetCommitted,     ///< group, topic, partition, a=offset, actor=consumer (-1 = admin tool)
    CommitFailed,        ///< group, actor=consumer, error
    CoordinatorMoved,    ///< group, broker=new coordinator (-1 = unavailable)
    GroupDeleted,        ///< group
    OffsetDeleted,       ///< group, topic, partition (OffsetDelete, kafka-consumer-groups --delete-offsets)
    ScenarioAction,      ///< a=action index in the scenario, name=description
    GroupLoaded,         ///< group, broker=coordinator, a=GroupState, b=generation, actor=leader consumer (-1 none),
                         ///< flag=AssignorKind (255 none), list=(consumer, member id string) pairs
    Count_
};

/// snake_case name used in the JSON Lines rendering ("records_appended").
const char* eventTypeName(EventType type);

enum class GroupState : std::uint8_t { Empty, PreparingRebalance, CompletingRebalance, Stable, Dead };
const char* groupStateName(GroupState state); ///< Kafka's names: "Empty", "PreparingRebalance", ...

enum class LeaveReason : std::uint8_t { LeaveGroup, SessionTimeout, PollTimeout, RebalanceTimeout, Fenced };
const char* leaveReasonName(LeaveReason reason);

struct Event {
    TimeMs time = 0;
    EventType type = EventType::BrokerStarted;
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
    std::int64_t a = 0;
    std::int64_t b = 0;
};

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
};

} // namespace fluxolab::sim
