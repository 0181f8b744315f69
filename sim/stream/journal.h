#pragma once
// The stream engine's typed journal: every observable change of a stream job as one event.
// Same input + same options => byte-identical journal (and JSON Lines rendering).
//
// The events are declared once, in FLUXOLAB_STREAM_EVENTS below, with the journal schema of
// sim/journal.h: from that list come StreamEventKind, the JSON names, the JSON Lines rendering and the
// field accessors. They are journaled as the "stream" family of the shared journal (sim::Journal, the
// Kafka simulation's or a standalone one: JournalFamilySink), so that one journal holds the Kafka and
// the stream events of a run in (time, sequence) order, and BasicTimeline folds them
// (sim/stream/view.h). StreamEvent is the engine's plain value for one event; it maps onto a
// sim::Event with a fixed layout (toJournalEvent / fromJournalEvent):
//   procTime -> time, kind -> type, partition -> partition, subtask -> actor, channel -> group,
//   a -> a, b -> b, c -> Slot::Wide (broker:topic), flag -> flag, key -> name (a string),
//   name -> list_begin (a string id; stream events have no lists).

#include "sim/journal.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fluxolab::stream {

using Millis = std::int64_t;

// One line per event type: C++ name, JSON name, fields (JSON key, how it is shown, where it lives).
// clang-format off
#define FLUXOLAB_STREAM_EVENTS(X)                                                                                   \
    X(ElementArrived, "element_arrived", FLUXOLAB_F("partition", Int, Partition),                                    \
      FLUXOLAB_F("subtask", Int, Actor) /* source subtask */, FLUXOLAB_F("key", Text, Name),                        \
      FLUXOLAB_F("event_time", Millis, A), FLUXOLAB_F("seq", Int, B) /* arrival sequence */)                         \
    X(SplitWatermark, "split_watermark", FLUXOLAB_F("partition", Int, Partition),                                    \
      FLUXOLAB_F("watermark", Millis, A) /* the split's generator output */)                                        \
    X(SplitIdle, "split_idle", FLUXOLAB_F("partition", Int, Partition), FLUXOLAB_F("idle", Bool, A))                 \
    X(SourceWatermark, "source_watermark", FLUXOLAB_F("subtask", Int, Actor),                                        \
      FLUXOLAB_F("watermark", Millis, A) /* emitted downstream: min of its splits */)                               \
    X(SourceIdle, "source_idle", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("idle", Bool, A))                     \
    X(ChannelWatermark, "channel_watermark", FLUXOLAB_F("subtask", Int, Actor) /* window subtask */,                 \
      FLUXOLAB_F("channel", Int, Group) /* upstream subtask */, FLUXOLAB_F("watermark", Millis, A))                 \
    X(ChannelIdle, "channel_idle", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("channel", Int, Group),             \
      FLUXOLAB_F("idle", Bool, A))                                                                                  \
    X(OperatorWatermark, "operator_watermark", FLUXOLAB_F("subtask", Int, Actor),                                    \
      FLUXOLAB_F("watermark", Millis, A) /* min over aligned channels */)                                           \
    X(WindowCreated, "window_created", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),             \
      FLUXOLAB_F("start", Millis, A), FLUXOLAB_F("end", Millis, B))                                                 \
    X(WindowMerged, "window_merged", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),               \
      FLUXOLAB_F("start", Millis, A), FLUXOLAB_F("end", Millis, B) /* the merged session */,                        \
      FLUXOLAB_F("sessions", Int, Wide) /* how many were merged */)                                                 \
    X(WindowFired, "window_fired", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),                 \
      FLUXOLAB_F("start", Millis, A), FLUXOLAB_F("end", Millis, B), FLUXOLAB_F("watermark", Millis, Wide),          \
      FLUXOLAB_F("late", Bool, Flag) /* a late update: the window had fired before */)                              \
    X(WindowPurged, "window_purged", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),               \
      FLUXOLAB_F("start", Millis, A), FLUXOLAB_F("end", Millis, B)) /* state cleared at the cleanup time */         \
    X(ElementDroppedForWindow, "element_dropped_for_window", FLUXOLAB_F("subtask", Int, Actor),                      \
      FLUXOLAB_F("key", Text, Name), FLUXOLAB_F("start", Millis, A), FLUXOLAB_F("end", Millis, B),                  \
      FLUXOLAB_F("event_time", Millis, Wide)) /* the window was already cleaned up */                               \
    X(ElementLate, "element_late", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),                 \
      FLUXOLAB_F("event_time", Millis, A), FLUXOLAB_F("watermark", Millis, Wide) /* at arrival */,                  \
      FLUXOLAB_F("side_output", Bool, Flag) /* false: dropped */)                                                   \
    X(TimerRegistered, "timer_registered", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),         \
      FLUXOLAB_F("time", Millis, A), FLUXOLAB_F("processing_time", Bool, Flag))                                     \
    X(TimerDeleted, "timer_deleted", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),               \
      FLUXOLAB_F("time", Millis, A), FLUXOLAB_F("processing_time", Bool, Flag))                                     \
    X(TimerFired, "timer_fired", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),                   \
      FLUXOLAB_F("time", Millis, A), FLUXOLAB_F("watermark", Millis, Wide), FLUXOLAB_F("processing_time", Bool, Flag)) \
    X(StateChanged, "state_changed", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),               \
      FLUXOLAB_F("change", Int, A) /* 1 written, 0 cleared, 2 expired (TTL) */, FLUXOLAB_F("state", Text, List))    \
    X(ProcessOutput, "process_output", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),             \
      FLUXOLAB_F("timestamp", Millis, A) /* MIN: none */, FLUXOLAB_F("value", Text, List))                          \
    X(CheckpointStarted, "checkpoint_started", FLUXOLAB_F("checkpoint", Int, A)) /* barriers at every source */      \
    X(CheckpointAligned, "checkpoint_aligned", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("checkpoint", Int, A))  \
    X(CheckpointCompleted, "checkpoint_completed", FLUXOLAB_F("checkpoint", Int, A),                                 \
      FLUXOLAB_F("position", Int, B) /* source position: elements read */)                                          \
    X(JobCrashed, "job_crashed", FLUXOLAB_F("subtask", Int, Actor) /* the subtask that failed */)                    \
    X(JobRestored, "job_restored", FLUXOLAB_F("checkpoint", Int, A) /* 0: none, empty state */,                      \
      FLUXOLAB_F("position", Int, B) /* source position replayed from */)                                           \
    X(TimerDropped, "timer_dropped", FLUXOLAB_F("subtask", Int, Actor), FLUXOLAB_F("key", Text, Name),               \
      FLUXOLAB_F("time", Millis, A)) /* a pending processing-time timer at the end of a bounded input: never fired */
// clang-format on

enum class StreamEventKind : std::uint8_t { FLUXOLAB_EVENT_ENUMERATORS(FLUXOLAB_STREAM_EVENTS) Count_ };

/// The stream events' schemas, indexed by StreamEventKind; the journal family's name.
inline constexpr sim::EventSchema kStreamEventSchemas[] = {FLUXOLAB_EVENT_SCHEMAS(FLUXOLAB_STREAM_EVENTS)};
static_assert(std::size(kStreamEventSchemas) == static_cast<std::size_t>(StreamEventKind::Count_));
inline constexpr const char* kStreamFamilyName = "stream";

/// snake_case name used in the JSON Lines rendering ("window_fired").
const char* streamEventKindName(StreamEventKind kind);

struct StreamEvent {
    StreamEventKind kind{};
    Millis procTime = 0; ///< processing time (virtual) at which it happened
    std::int32_t partition = -1;
    std::int32_t subtask = -1;
    std::int32_t channel = -1;
    Millis a = 0;
    Millis b = 0;
    Millis c = 0;
    std::uint8_t flag = 0;
    std::string key;
    std::string name; ///< state name or emitted value (process functions)
};

/// Receives the journal events of a job. The engine works without one (replay of huge traces).
class StreamJournalSink {
public:
    virtual ~StreamJournalSink() = default;
    virtual void record(const StreamEvent& event) = 0;
};

/// A sink that keeps every event in memory (tests, the app's timeline, the bench), packed: each event
/// is a variable-length record (a kind/flag byte, a byte saying which fields are not at their usual
/// value, then those fields as LEB128 varints: the processing time as a delta from the previous event,
/// event-time fields as deltas from the previous event-time value, keys and names as ids of an
/// interned string table) in fixed-size chunks, so nothing is reserved that is not used. Readers see
/// decoded StreamEvent values: events() iterates them in order and indexes them (random access
/// decodes from the nearest of the sync points kept every kSyncEvery events).
class StreamJournal : public StreamJournalSink {
public:
    static constexpr std::size_t kChunkBytes = 64 * 1024;
    static constexpr std::size_t kSyncEvery = 128;

    /// Where decoding can start: a chunk, a byte offset in it and the delta bases at that event.
    struct SyncPoint {
        std::uint32_t chunk = 0;
        std::uint32_t offset = 0;
        Millis procTime = 0;
        Millis eventTime = 0;
    };

    class Events;
    class Iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = StreamEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = const StreamEvent*;
        using reference = const StreamEvent&;

        Iterator() = default;
        const StreamEvent& operator*() const { return event_; }
        const StreamEvent* operator->() const { return &event_; }
        Iterator& operator++();
        void operator++(int) { ++*this; }
        bool operator==(const Iterator& o) const { return index_ == o.index_; }

    private:
        friend class StreamJournal;
        void load();
        const StreamJournal* journal_ = nullptr;
        std::size_t index_ = 0;
        std::uint32_t chunk_ = 0;
        std::uint32_t offset_ = 0;
        Millis procTime_ = 0;
        Millis eventTime_ = 0;
        std::uint64_t keyId_ = 0;
        std::uint64_t nameId_ = 0;
        bool loaded_ = false; ///< event_ holds a decoded event (its key and name match keyId_, nameId_)
        StreamEvent event_;
    };

    /// The decoded events, read-only (what a std::vector<StreamEvent> offered readers).
    class Events {
    public:
        explicit Events(const StreamJournal& j) : j_(j) {}
        Iterator begin() const { return j_.iteratorAt(0); }
        Iterator end() const;
        std::size_t size() const { return j_.count_; }
        bool empty() const { return j_.count_ == 0; }
        StreamEvent operator[](std::size_t i) const { return *j_.iteratorAt(i); }
        StreamEvent front() const { return (*this)[0]; }
        StreamEvent back() const { return (*this)[j_.count_ - 1]; }

    private:
        const StreamJournal& j_;
    };

    void record(const StreamEvent& event) override;
    Events events() const { return Events(*this); }
    std::size_t size() const { return count_; }
    /// Iterator positioned on event `i` (end() when i >= size()).
    Iterator iteratorAt(std::size_t i) const;
    /// Bytes held: the chunks, the sync points and the interned strings (with their table).
    std::size_t retainedBytes() const;
    /// One JSON object per line, rendered from the schema exactly as the shared journal renders the
    /// stream family; the byte-identity tests compare this.
    std::string toJsonLines() const;

private:
    std::uint32_t intern(const std::string& s);

    std::vector<std::unique_ptr<std::uint8_t[]>> chunks_;
    std::vector<std::uint32_t> chunkUsed_;
    std::vector<SyncPoint> sync_; ///< one every kSyncEvery events
    std::size_t count_ = 0;
    Millis lastProcTime_ = 0;
    Millis lastEventTime_ = 0;
    std::deque<std::string> strings_ = {std::string()}; ///< id 0: the empty string (a deque: views stay valid)
    std::unordered_map<std::string_view, std::uint32_t> ids_;
};

/// The stream family's id in `journal`, registered on first use.
std::uint16_t streamFamily(sim::Journal& journal);
/// A stream event as a shared-journal event of family `family` (its strings stored in `journal`).
sim::Event toJournalEvent(const StreamEvent& event, sim::Journal& journal, std::uint16_t family);
/// The stream event a shared-journal event of the stream family holds.
StreamEvent fromJournalEvent(const sim::Journal& journal, const sim::Event& event);

/// Records a job's events into a shared journal (the Kafka simulation's, or one of its own) as the
/// stream family. Events must come in time order with the journal's other events (a job on the same
/// scheduler as the simulation records at the scheduler's time).
class JournalFamilySink : public StreamJournalSink {
public:
    explicit JournalFamilySink(sim::Journal& journal) : journal_(journal), family_(streamFamily(journal)) {}
    void record(const StreamEvent& event) override {
        journal_.append(toJournalEvent(event, journal_, family_));
    }
    std::uint16_t family() const { return family_; }

private:
    sim::Journal& journal_;
    std::uint16_t family_;
};

/// One event as a JSON object (no trailing newline), rendered from the schema.
std::string toJson(const StreamEvent& event);

/// Shortest decimal that reads back as the same double, never with an exponent ("3", "0.1", "-2.5").
std::string formatDouble(double value);
/// Watermark/time rendering used by replay and the journal: "MAX" for +inf, "MIN" for -inf, else the number.
std::string formatWatermark(Millis watermark);

/// replay's output lines, written once for `fluxolab-cli replay` and the stream view's export:
/// a CSV field (RFC 4180 quoting when needed), a firing line
/// `key,window_start,window_end,value,watermark_at_fire,on-time|late-update` and a late line
/// `LATE,key,event_time,watermark_at_arrival` (each with its newline).
std::string csvField(const std::string& field);
std::string firingCsvLine(const std::string& key, Millis start, Millis end, const std::string& value, Millis watermark,
                          bool lateUpdate);
std::string lateCsvLine(const std::string& key, Millis eventTime, Millis watermark);
/// What Flink's print sink (PrintSinkOutputWriter, no identifier) puts before each line of a sink subtask:
/// "N> " (the subtask's index + 1) when the sink has more than one subtask, nothing at parallelism 1.
std::string printSinkPrefix(int subtask, int parallelism);

} // namespace fluxolab::stream
