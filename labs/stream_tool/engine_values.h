#pragma once
// The one place where the stream engine's values (sim/stream) become the labs interface's plain values
// (labs/stream_tool/stream_values.h) and back. Only labs/ .cpp files include this header: it brings the
// engine, which app/ must not see (tests/layers/check_app_includes.sh fails if a header app/ reaches
// includes it).

#include "labs/stream_tool/stream_values.h"
#include "sim/stream/engine.h"
#include "sim/stream/kafka_topic.h"

namespace fluxolab::labs {

/// The job the engine runs (with the inactivity alert when the spec names one).
stream::JobSpec toEngine(const StreamJobSpec& spec);
stream::WatermarkSpec toEngine(const WatermarkSpec& spec);
stream::WindowSpec toEngine(const WindowSpec& spec);
stream::AggKind toEngine(AggKind agg);
stream::TopicSourceSpec::EventTime toEngine(TopicEventTime time);

/// The engine's job as the labs interface describes it. The engine holds its process function as an
/// object: `inactivity` and `portuguese` name it (what it was made from, e.g. replay's --process).
StreamJobSpec fromEngine(const stream::JobSpec& spec, Millis inactivity, bool portuguese);
WatermarkSpec fromEngine(const stream::WatermarkSpec& spec);
WindowSpec fromEngine(const stream::WindowSpec& spec);
JobError fromEngine(const stream::JobError& error);
SourceError fromEngine(const stream::SourceError& error);
SkippedRecord fromEngine(const stream::SkippedRecord& skipped);
LateRecord fromEngine(const stream::LateRecord& late);

/// Why a trace's records did not all reach the topic it was fed into, in fluxolab-cli's English:
/// "sending to 'x' failed: UNKNOWN_TOPIC_OR_PARTITION" (the send refused), or "3 record(s) of the trace
/// were not delivered to 'x': DELIVERY_TIMEOUT (the first on partition 1)". With the other texts in
/// stream_errors.cpp; declared here because the feed's error stays the engine's (the app sees it as a
/// stream_observe::TopicRunError).
std::string feedErrorText(const stream::FeedError& error);

} // namespace fluxolab::labs
