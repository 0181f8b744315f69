#include "labs/stream_tool/engine_values.h"

#include <type_traits>

namespace fluxolab::labs {

// The labs values mean what the engine's do: the same times, the same enumerators in the same order
// (the conversions below cast by value) and the same defaults.
static_assert(std::is_same_v<Millis, stream::Millis>);
static_assert(kMinTime == stream::kMinTime && kMaxTime == stream::kMaxTime);

namespace {

template <class To, class From> constexpr To sameEnum(From value) { return static_cast<To>(value); }
template <class A, class B> constexpr bool sameEnumerator(A a, B b) {
    return static_cast<std::underlying_type_t<A>>(a) == static_cast<std::underlying_type_t<B>>(b);
}

using EWk = stream::WatermarkKind;
static_assert(sameEnumerator(WatermarkKind::BoundedOutOfOrderness, EWk::BoundedOutOfOrderness) &&
              sameEnumerator(WatermarkKind::Monotonous, EWk::Monotonous) &&
              sameEnumerator(WatermarkKind::Sql, EWk::Sql));
using EWi = stream::WindowKind;
static_assert(sameEnumerator(WindowKind::Tumble, EWi::Tumble) && sameEnumerator(WindowKind::Hop, EWi::Hop) &&
              sameEnumerator(WindowKind::Session, EWi::Session) &&
              sameEnumerator(WindowKind::Cumulate, EWi::Cumulate));
using EAg = stream::AggKind;
static_assert(sameEnumerator(AggKind::Count, EAg::Count) && sameEnumerator(AggKind::Sum, EAg::Sum) &&
              sameEnumerator(AggKind::Min, EAg::Min) && sameEnumerator(AggKind::Max, EAg::Max) &&
              sameEnumerator(AggKind::Avg, EAg::Avg) && sameEnumerator(AggKind::Collect, EAg::Collect));
using EJe = stream::JobErrorCode;
static_assert(sameEnumerator(JobErrorCode::None, EJe::None) &&
              sameEnumerator(JobErrorCode::Parallelism, EJe::Parallelism) &&
              sameEnumerator(JobErrorCode::Partitions, EJe::Partitions) &&
              sameEnumerator(JobErrorCode::NegativeAllowedLateness, EJe::NegativeAllowedLateness) &&
              sameEnumerator(JobErrorCode::SqlAllowedLateness, EJe::SqlAllowedLateness) &&
              sameEnumerator(JobErrorCode::NegativeBound, EJe::NegativeBound) &&
              sameEnumerator(JobErrorCode::WatermarkInterval, EJe::WatermarkInterval) &&
              sameEnumerator(JobErrorCode::NegativeIdleTimeout, EJe::NegativeIdleTimeout) &&
              sameEnumerator(JobErrorCode::WindowSize, EJe::WindowSize) &&
              sameEnumerator(JobErrorCode::TumbleOffset, EJe::TumbleOffset) &&
              sameEnumerator(JobErrorCode::HopSizeSlide, EJe::HopSizeSlide) &&
              sameEnumerator(JobErrorCode::HopOffset, EJe::HopOffset) &&
              sameEnumerator(JobErrorCode::SqlHopNotMultiple, EJe::SqlHopNotMultiple) &&
              sameEnumerator(JobErrorCode::TooManyHopWindows, EJe::TooManyHopWindows) &&
              sameEnumerator(JobErrorCode::SessionGap, EJe::SessionGap) &&
              sameEnumerator(JobErrorCode::SessionOffset, EJe::SessionOffset) &&
              sameEnumerator(JobErrorCode::CumulateSizeStep, EJe::CumulateSizeStep) &&
              sameEnumerator(JobErrorCode::CumulateNotMultiple, EJe::CumulateNotMultiple) &&
              sameEnumerator(JobErrorCode::TooManyCumulateWindows, EJe::TooManyCumulateWindows) &&
              sameEnumerator(JobErrorCode::CumulateOffset, EJe::CumulateOffset));
using ESe = stream::SourceErrorCode;
static_assert(sameEnumerator(SourceErrorCode::None, ESe::None) &&
              sameEnumerator(SourceErrorCode::NoSuchTopic, ESe::NoSuchTopic) &&
              sameEnumerator(SourceErrorCode::OtherScheduler, ESe::OtherScheduler) &&
              sameEnumerator(SourceErrorCode::JobMismatch, ESe::JobMismatch) &&
              sameEnumerator(SourceErrorCode::NoTimeField, ESe::NoTimeField) &&
              sameEnumerator(SourceErrorCode::PollInterval, ESe::PollInterval));
using EEt = stream::TopicSourceSpec::EventTime;
static_assert(sameEnumerator(TopicEventTime::RecordTimestamp, EEt::RecordTimestamp) &&
              sameEnumerator(TopicEventTime::ValueField, EEt::ValueField));

constexpr bool sameDefaults(const WatermarkSpec& l, const stream::WatermarkSpec& e) {
    return sameEnumerator(l.kind, e.kind) && l.bound == e.bound && l.perEvent == e.perEvent &&
           l.interval == e.interval && l.idleTimeout == e.idleTimeout;
}
constexpr bool sameDefaults(const WindowSpec& l, const stream::WindowSpec& e) {
    return sameEnumerator(l.kind, e.kind) && l.size == e.size && l.slide == e.slide && l.step == e.step &&
           l.gap == e.gap && l.offset == e.offset && l.allowedLateness == e.allowedLateness &&
           l.processingTime == e.processingTime;
}
static_assert(sameDefaults(WatermarkSpec{}, stream::WatermarkSpec{}));
static_assert(sameDefaults(WindowSpec{}, stream::WindowSpec{}));

} // namespace

stream::WatermarkSpec toEngine(const WatermarkSpec& s) {
    return {sameEnum<stream::WatermarkKind>(s.kind), s.bound, s.perEvent, s.interval, s.idleTimeout};
}
stream::WindowSpec toEngine(const WindowSpec& s) {
    return {sameEnum<stream::WindowKind>(s.kind), s.size, s.slide, s.step, s.gap, s.offset, s.allowedLateness,
            s.processingTime};
}
stream::AggKind toEngine(AggKind agg) { return sameEnum<stream::AggKind>(agg); }
stream::TopicSourceSpec::EventTime toEngine(TopicEventTime time) { return sameEnum<EEt>(time); }

stream::JobSpec toEngine(const StreamJobSpec& s) {
    stream::JobSpec e;
    e.watermark = toEngine(s.watermark);
    e.window = toEngine(s.window);
    e.agg = toEngine(s.agg);
    e.parallelism = s.parallelism;
    e.partitions = s.partitions;
    e.topic = s.topic;
    e.lateSideOutput = s.lateSideOutput;
    if (s.hasProcessFunction()) e.process = stream::makeInactivityAlert(s.inactivity, s.portuguese);
    e.stateTtl = s.stateTtl;
    e.checkpointInterval = s.checkpointInterval;
    return e;
}

WatermarkSpec fromEngine(const stream::WatermarkSpec& s) {
    return {sameEnum<WatermarkKind>(s.kind), s.bound, s.perEvent, s.interval, s.idleTimeout};
}
WindowSpec fromEngine(const stream::WindowSpec& s) {
    return {sameEnum<WindowKind>(s.kind), s.size, s.slide, s.step, s.gap, s.offset, s.allowedLateness,
            s.processingTime};
}

StreamJobSpec fromEngine(const stream::JobSpec& e, Millis inactivity, bool portuguese) {
    StreamJobSpec s;
    s.watermark = fromEngine(e.watermark);
    s.window = fromEngine(e.window);
    s.agg = sameEnum<AggKind>(e.agg);
    s.parallelism = e.parallelism;
    s.partitions = e.partitions;
    s.topic = e.topic;
    s.lateSideOutput = e.lateSideOutput;
    s.inactivity = e.process ? inactivity : 0;
    s.portuguese = portuguese;
    s.stateTtl = e.stateTtl;
    s.checkpointInterval = e.checkpointInterval;
    return s;
}

JobError fromEngine(const stream::JobError& e) { return {sameEnum<JobErrorCode>(e.code), e.a, e.b, e.c}; }

SourceError fromEngine(const stream::SourceError& e) {
    return {sameEnum<SourceErrorCode>(e.code), e.topic, e.jobTopic, e.jobPartitions, e.topicPartitions,
            e.value};
}

SkippedRecord fromEngine(const stream::SkippedRecord& s) {
    return {s.topic, s.partition, s.offset, s.field, s.timeField};
}

LateRecord fromEngine(const stream::LateRecord& l) { return {l.key, l.eventTime, l.watermark, l.subtask}; }

std::optional<JobError> validateJob(const StreamJobSpec& spec) {
    const auto problem = stream::validate(toEngine(spec));
    if (!problem) return std::nullopt;
    return fromEngine(*problem);
}

std::int64_t maxWindowsPerElement() { return stream::kMaxWindowsPerElement; }

int windowSubtaskOfKey(const std::string& key, int parallelism, bool sql) {
    const int maxParallelism = stream::defaultMaxParallelism(parallelism);
    return sql ? stream::sqlKeyToSubtask(key, parallelism, maxParallelism)
               : stream::keyToSubtask(key, parallelism, maxParallelism);
}

} // namespace fluxolab::labs
