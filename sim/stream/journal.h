#pragma once
// The stream engine's typed journal: every observable change of a stream job as one event.
// Same input + same options => byte-identical journal (and JSON Lines rendering).
//
// This is the stream engine's own small journal. The shared runtime (sim/runtime/, being built in
// parallel) will provide one typed journal for Kafka and stream events; at merge time these events
// move onto it unchanged (kind + processing time + a few integer fields + the key).

#include <cstdint>
#include <string>
#include <vector>

namespace fluxolab::stream {

using Millis = std::int64_t;

enum class StreamEventKind : std::uint8_t {
    ElementArrived,    ///< partition, subtask=source subtask, a=event time, b=arrival sequence, key
    SplitWatermark,    ///< partition, a=new watermark of that split's generator output
    SplitIdle,         ///< partition, a=1 idle / 0 active again
    SourceWatermark,   ///< subtask=source subtask, a=watermark emitted downstream (min of its splits)
    SourceIdle,        ///< subtask=source subtask, a=1 idle / 0 active
    ChannelWatermark,  ///< subtask=window subtask, channel=upstream subtask, a=watermark on that channel
    ChannelIdle,       ///< subtask=window subtask, channel, a=1 idle / 0 active
    OperatorWatermark, ///< subtask=window subtask, a=new operator watermark (min over aligned channels)
    WindowCreated,     ///< subtask, key, a=start, b=end
    WindowMerged,      ///< subtask, key, a=start, b=end of the merged session, c=number of sessions merged
    WindowFired,       ///< subtask, key, a=start, b=end, c=watermark at fire, flag=1 late firing
    WindowPurged,      ///< subtask, key, a=start, b=end (state cleared at the cleanup time)
    ElementDroppedForWindow, ///< subtask, key, a=start, b=end, c=event time (window already cleaned up)
    ElementLate,       ///< subtask, key, a=event time, c=watermark at arrival, flag=1 side output / 0 dropped
    TimerRegistered,   ///< subtask, key, a=time, flag=0 event time / 1 processing time
    TimerDeleted,      ///< subtask, key, a=time, flag as above
    TimerFired,        ///< subtask, key, a=time, c=watermark, flag as above
    StateChanged,      ///< subtask, key, a=1 written / 0 cleared / 2 expired (TTL); name = the state
    ProcessOutput,     ///< subtask, key, a=record timestamp (kMinTime = none), name = the value
    CheckpointStarted, ///< a=checkpoint id (barriers injected at every source subtask)
    CheckpointAligned, ///< subtask=window subtask, a=checkpoint id (barriers from all inputs)
    CheckpointCompleted, ///< a=checkpoint id, b=source position (elements read)
    JobCrashed,          ///< subtask=the subtask that failed
    JobRestored,         ///< a=checkpoint id (0 = none: empty state), b=source position replayed from
    Count_
};

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

/// A sink that keeps every event in memory (tests, the app's timeline).
class StreamJournal : public StreamJournalSink {
public:
    void record(const StreamEvent& event) override { events_.push_back(event); }
    const std::vector<StreamEvent>& events() const { return events_; }
    /// One JSON object per line, fixed field order; the byte-identity tests compare this.
    std::string toJsonLines() const;

private:
    std::vector<StreamEvent> events_;
};

/// One event as a JSON object (no trailing newline).
std::string toJson(const StreamEvent& event);

/// Shortest decimal that reads back as the same double, never with an exponent ("3", "0.1", "-2.5").
std::string formatDouble(double value);
/// Watermark/time rendering used by replay and the journal: "MAX" for +inf, "MIN" for -inf, else the number.
std::string formatWatermark(Millis watermark);

} // namespace fluxolab::stream
