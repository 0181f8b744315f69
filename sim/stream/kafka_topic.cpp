#include "sim/stream/kafka_topic.h"

#include "sim/cluster.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fluxolab::stream {

namespace {

std::optional<double> parseNumber(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() &&
           (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') return std::nullopt;
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

} // namespace

std::optional<double> jsonNumberField(const std::string& json, const std::string& field) {
    const std::string needle = "\"" + field + "\"";
    for (std::size_t at = json.find(needle); at != std::string::npos; at = json.find(needle, at + 1)) {
        std::size_t i = at + needle.size();
        while (i < json.size() && (json[i] == ' ' || json[i] == '\t'))
            ++i;
        if (i >= json.size() || json[i] != ':') continue; // a value that happens to equal the name
        ++i;
        while (i < json.size() && (json[i] == ' ' || json[i] == '\t'))
            ++i;
        bool quoted = false;
        if (i < json.size() && json[i] == '"') {
            quoted = true;
            ++i;
        }
        std::size_t end = i;
        while (end < json.size() && json[end] != ',' && json[end] != '}' && json[end] != '"')
            ++end;
        if (quoted && (end >= json.size() || json[end] != '"')) return std::nullopt;
        return parseNumber(std::string_view(json).substr(i, end - i));
    }
    return std::nullopt;
}

bool jobForTopic(const sim::Simulation& sim, const std::string& topic, JobSpec& spec) {
    const sim::TopicState* t = sim.topic(topic);
    if (!t) return false;
    spec.topic = topic;
    spec.partitions = static_cast<int>(t->partitions.size());
    return true;
}

// --- KafkaTopicSource ------------------------------------------------------------------------------

KafkaTopicSource::KafkaTopicSource(sim::Simulation& sim, StreamJob& job, TopicSourceSpec spec)
    : sim_(sim), job_(job), spec_(std::move(spec)),
      timers_(sim.scheduler(), "stream-source:" + spec_.topic, *this) {
    const sim::TopicState* t = sim_.topic(spec_.topic);
    const JobSpec& js = job_.spec();
    const auto fail = [&](SourceErrorCode code) {
        SourceError e;
        e.code = code;
        e.topic = spec_.topic;
        e.jobTopic = js.topic;
        e.jobPartitions = js.partitions;
        e.topicPartitions = t ? static_cast<std::int64_t>(t->partitions.size()) : 0;
        e.value = spec_.pollInterval;
        error_ = std::move(e);
    };
    if (!t) {
        fail(SourceErrorCode::NoSuchTopic);
    } else if (&job_.scheduler() != &sim_.scheduler()) {
        fail(SourceErrorCode::OtherScheduler);
    } else if (js.topic != spec_.topic || js.partitions != static_cast<int>(t->partitions.size())) {
        fail(SourceErrorCode::JobMismatch);
    } else if (spec_.eventTime == TopicSourceSpec::EventTime::ValueField && spec_.timeField.empty()) {
        fail(SourceErrorCode::NoTimeField);
    } else if (spec_.pollInterval <= 0) {
        fail(SourceErrorCode::PollInterval);
    }
    if (error_) {
        stopped_ = true;
        return;
    }
    positions_.assign(t->partitions.size(), 0);
    splitsOf_.assign(static_cast<std::size_t>(js.parallelism), {});
    for (int p = 0; p < js.partitions; ++p)
        splitsOf_[static_cast<std::size_t>(kafkaSplitOwner(spec_.topic, p, js.parallelism))].push_back(p);
    for (std::size_t p = 0; p < positions_.size(); ++p)
        positions_[p] = t->partitions[p].log_start; // OffsetsInitializer.earliest()
    earliest_ = positions_;
    armed_ = timers_.scheduleCancellable(sim_.now(), Kind::Poll);
    isArmed_ = true;
}

KafkaTopicSource::~KafkaTopicSource() {
    if (isArmed_) timers_.cancel(armed_); // the scheduler must not call back a source that is gone
}

void KafkaTopicSource::onTimer(const sim::runtime::Timer& timer) {
    (void)timer;
    isArmed_ = false;
    if (stopped_) return;
    poll();
    armed_ = timers_.scheduleCancellable(sim_.now() + spec_.pollInterval, Kind::Poll);
    isArmed_ = true;
}

void KafkaTopicSource::syncCheckpoint() const {
    if (stopped_ || job_.lastCompletedCheckpoint() == checkpointId_) return;
    checkpointId_ = job_.lastCompletedCheckpoint();
    committed_ = positions_;
}

std::uint64_t KafkaTopicSource::crashAndRestore() {
    syncCheckpoint();
    job_.crashAndRestore();
    if (stopped_) return 0;
    positions_ = checkpointId_ != 0 ? committed_ : earliest_;
    return checkpointId_;
}

void KafkaTopicSource::poll() {
    if (stopped_) return;
    syncCheckpoint();
    const sim::TopicState* t = sim_.topic(spec_.topic);
    if (!t) return; // deleted: nothing to read (Flink's reader would fail on the missing partition)
    for (const std::vector<int>& splits : splitsOf_) {
        std::uint32_t budget = spec_.maxPollRecords;
        for (const int p : splits) {
            if (static_cast<std::size_t>(p) >= t->partitions.size()) continue;
            const sim::PartitionState& ps = t->partitions[static_cast<std::size_t>(p)];
            if (ps.leader < 0) continue; // no leader: the fetch fails and is retried
            sim::Offset& pos = positions_[static_cast<std::size_t>(p)];
            // Out of range (retention removed it, or a truncation): auto.offset.reset=earliest.
            if (pos < ps.log_start || pos > ps.leaderLeo()) pos = ps.log_start;
            while (budget > 0 && pos < ps.high_watermark) {
                const sim::Record& r = ps.at(pos);
                Element el;
                el.partition = p;
                el.arrival = sim_.now();
                el.key = sim_.recordKey(r).value_or(std::string());
                const std::string value = sim_.recordValue(r);
                const std::string* missing = nullptr; // the value's number field that is not there
                if (spec_.eventTime == TopicSourceSpec::EventTime::RecordTimestamp) {
                    el.eventTime = r.timestamp;
                } else if (const auto ts = jsonNumberField(value, spec_.timeField)) {
                    el.eventTime = static_cast<Millis>(std::llround(*ts));
                } else {
                    missing = &spec_.timeField;
                }
                if (!missing) {
                    if (spec_.valueField.empty()) {
                        el.value = parseNumber(value).value_or(0);
                    } else if (const auto v = jsonNumberField(value, spec_.valueField)) {
                        el.value = *v;
                    } else {
                        missing = &spec_.valueField;
                    }
                }
                if (missing) {
                    if (skipped_++ == 0) {
                        firstSkip_.topic = spec_.topic;
                        firstSkip_.partition = p;
                        firstSkip_.offset = pos;
                        firstSkip_.field = *missing;
                        firstSkip_.timeField = missing == &spec_.timeField;
                    }
                } else {
                    if (beforeElement) beforeElement(el, pos);
                    job_.process(el);
                    ++read_;
                }
                ++pos;
                --budget;
            }
        }
    }
}

// --- TopicFeeder ------------------------------------------------------------------------------------

TopicFeeder::TopicFeeder(sim::Simulation& sim, std::string topic, std::function<bool(FeedRecord&)> next,
                         sim::ProducerConfig config)
    : sim_(sim), topic_(std::move(topic)), next_(std::move(next)),
      timers_(sim.scheduler(), "trace-feeder:" + topic_, *this) {
    producer_ = sim_.addProducer(std::move(config));
    pull();
    arm();
}

TopicFeeder::~TopicFeeder() {
    if (isArmed_) timers_.cancel(armed_);
}

void TopicFeeder::arm() {
    if (!havePending_) return;
    armed_ = timers_.scheduleCancellable(std::max(sim_.now(), pending_.arrival), Kind::Send);
    isArmed_ = true;
}

void TopicFeeder::pull() {
    FeedRecord r;
    if (!done_ && next_ && next_(r)) {
        pending_ = std::move(r);
        havePending_ = true;
    } else {
        havePending_ = false;
        done_ = true;
    }
}

void TopicFeeder::onTimer(const sim::runtime::Timer& timer) {
    (void)timer;
    isArmed_ = false;
    while (havePending_ && pending_.arrival <= sim_.now()) {
        sim::ProducerRecord rec;
        rec.topic = topic_;
        rec.key = pending_.key;
        rec.value = pending_.value;
        rec.timestamp = pending_.eventTime;
        const sim::ErrorCode code = sim_.send(producer_, rec);
        if (code != sim::ErrorCode::NONE) {
            // Refused now (not delivered later): this one comes first, whatever failed before it.
            FeedError e;
            e.code = FeedErrorCode::SendRefused;
            e.topic = topic_;
            e.kafka = code;
            e.sent = sent_;
            error_ = std::move(e);
            havePending_ = false;
            done_ = true;
            return;
        }
        ++sent_;
        pull();
    }
    arm();
}

const FeedError& TopicFeeder::error() const {
    if (error_.code == FeedErrorCode::SendRefused) return error_;
    // The producer's final failures (journaled by the Kafka model when it gives a batch up), read
    // incrementally: only events journaled since the last look.
    const sim::Journal& j = sim_.journal();
    if (journalSeen_ > j.size()) journalSeen_ = 0; // a journal started again: look at it all
    for (; journalSeen_ < j.size(); ++journalSeen_) {
        const sim::Event& e = j[journalSeen_];
        const bool finalFailure = e.family == sim::kKafkaFamily && e.type == sim::EventType::ProduceFailed &&
                                  e.actor == producer_ && e.flag == 0;
        if (!finalFailure) continue;
        if (error_.code == FeedErrorCode::None) {
            error_.code = FeedErrorCode::NotDelivered;
            error_.topic = topic_;
            error_.kafka = e.error;
            error_.partition = e.partition;
        }
        error_.records += static_cast<std::uint64_t>(std::max<std::int64_t>(0, e.b));
    }
    return error_;
}

} // namespace fluxolab::stream
