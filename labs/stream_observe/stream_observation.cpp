#include "labs/stream_observe/stream_observation.h"

#include "labs/stream_tool/engine_values.h"
#include "labs/stream_tool/replay_tool.h"
#include "sim/scenario_format.h"
#include "sim/stream/kafka_topic.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>
#include <sys/stat.h>
#include <tuple>

namespace fluxolab::stream_observe {

using namespace fluxolab::stream;
// The observation's values are the labs interface's (labs/stream_tool/stream_values.h); the engine's
// are named stream:: where they meet it, and labs/stream_tool/engine_values.h converts between them.
using labs::AggKind;
using labs::JobError;
using labs::WatermarkKind;
using labs::WatermarkSpec;
using labs::WindowKind;
using labs::WindowSpec;

// --- option text ---------------------------------------------------------------------------------

std::optional<Millis> parseDurationText(const std::string& text, bool allowNegative) {
    const bool negative = !text.empty() && text[0] == '-';
    if (negative && !allowNegative) return std::nullopt;
    const auto v = sim::parseDuration(negative ? text.substr(1) : text);
    if (!v || *v < 0) return std::nullopt;
    constexpr Millis kLimit = Millis{1} << 50; // as replay: far from any overflow
    if (*v > kLimit) return std::nullopt;
    return negative ? -*v : *v;
}

std::optional<std::string> parseWatermarkOption(const std::string& text, WatermarkSpec& out) {
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string arg = colon == std::string::npos ? "" : text.substr(colon + 1);
    if (kind == "monotonous") {
        if (colon != std::string::npos) return "monotonous takes no bound";
        out.kind = WatermarkKind::Monotonous;
        out.bound = 0;
        return std::nullopt;
    }
    if (kind == "bounded" || kind == "sql") {
        if (arg.empty()) return kind + " needs a bound, e.g. " + kind + ":5s";
        const auto d = parseDurationText(arg);
        if (!d) return "'" + arg + "' is not a duration (examples: 5s, 200ms, 1m)";
        out.kind = kind == "sql" ? WatermarkKind::Sql : WatermarkKind::BoundedOutOfOrderness;
        out.bound = *d;
        return std::nullopt;
    }
    return "unknown watermark strategy '" + text + "' (bounded:5s, monotonous or sql:5s)";
}

std::optional<std::string> parseWindowOption(const std::string& text, WindowSpec& out) {
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string arg = colon == std::string::npos ? "" : text.substr(colon + 1);
    const auto comma = arg.find(',');
    const auto one = [&](Millis& v) -> std::optional<std::string> {
        const auto d = parseDurationText(arg);
        if (!d || *d <= 0) return "'" + arg + "' is not a positive duration (examples: 10s, 1m)";
        v = *d;
        return std::nullopt;
    };
    if (kind == "tumble") {
        out.kind = WindowKind::Tumble;
        return one(out.size);
    }
    if (kind == "session") {
        out.kind = WindowKind::Session;
        return one(out.gap);
    }
    if (kind == "hop" || kind == "cumulate") {
        if (comma == std::string::npos) return kind + " needs two durations, e.g. " + kind + ":10s,60s";
        const auto first = parseDurationText(arg.substr(0, comma));
        const auto second = parseDurationText(arg.substr(comma + 1));
        if (!first || !second || *first <= 0 || *second <= 0)
            return "'" + arg + "' are not two positive durations (example: 10s,60s)";
        out.kind = kind == "hop" ? WindowKind::Hop : WindowKind::Cumulate;
        (kind == "hop" ? out.slide : out.step) = *first;
        out.size = *second;
        return std::nullopt;
    }
    return "unknown window '" + text + "' (tumble:60s, hop:10s,60s, session:30s or cumulate:10s,60s)";
}

std::optional<std::string> parseAggOption(const std::string& text, RunOptions& out) {
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string field = colon == std::string::npos ? "" : text.substr(colon + 1);
    if (kind == "count") {
        if (!field.empty()) return std::string("count takes no field");
        out.job.agg = AggKind::Count;
        out.trace.valueField.clear();
        return std::nullopt;
    }
    static const std::pair<const char*, AggKind> kinds[] = {{"sum", AggKind::Sum},
                                                            {"min", AggKind::Min},
                                                            {"max", AggKind::Max},
                                                            {"avg", AggKind::Avg},
                                                            {"collect", AggKind::Collect}};
    for (const auto& [name, agg] : kinds) {
        if (kind != name) continue;
        if (field.empty()) return kind + " needs a field, e.g. " + kind + ":valor";
        out.job.agg = agg;
        out.trace.valueField = field;
        return std::nullopt;
    }
    return "unknown aggregate '" + text + "' (count, sum:F, min:F, max:F, avg:F, collect:F)";
}

std::string durationText(Millis ms) {
    if (ms != 0 && ms % 3600000 == 0) return std::to_string(ms / 3600000) + "h";
    if (ms != 0 && ms % 60000 == 0) return std::to_string(ms / 60000) + "m";
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
    return std::to_string(ms) + "ms";
}

std::string watermarkText(const WatermarkSpec& spec) {
    switch (spec.kind) {
    case WatermarkKind::Monotonous:
        return "monotonous";
    case WatermarkKind::Sql:
        return "sql:" + durationText(spec.bound);
    case WatermarkKind::BoundedOutOfOrderness:
        break;
    }
    return "bounded:" + durationText(spec.bound);
}

std::string windowText(const WindowSpec& spec) {
    switch (spec.kind) {
    case WindowKind::Hop:
        return "hop:" + durationText(spec.slide) + "," + durationText(spec.size);
    case WindowKind::Session:
        return "session:" + durationText(spec.gap);
    case WindowKind::Cumulate:
        return "cumulate:" + durationText(spec.step) + "," + durationText(spec.size);
    case WindowKind::Tumble:
        break;
    }
    return "tumble:" + durationText(spec.size);
}

// --- observation queries ---------------------------------------------------------------------------

ObservedWindow::State ObservedWindow::stateAt(std::uint64_t step) const {
    if (step < createdStep) return State::Absent;
    if ((purgedStep && step >= *purgedStep) || (mergedStep && step >= *mergedStep)) return State::Purged;
    if (!firings.empty() && firings.front().step <= step) return State::Fired;
    return State::Open;
}

const WindowFiring* ObservedWindow::firingAt(std::uint64_t step) const {
    const WindowFiring* last = nullptr;
    for (const WindowFiring& f : firings)
        if (f.step <= step) last = &f;
    return last;
}

namespace {
template <typename Point> const Point* pointAt(const std::vector<Point>& history, std::uint64_t step) {
    auto it = std::upper_bound(history.begin(), history.end(), step,
                               [](std::uint64_t s, const Point& p) { return s < p.step; });
    if (it == history.begin()) return nullptr;
    return &*std::prev(it);
}
} // namespace

bool StreamObservation::hasArrivalTimes() const {
    return !elements.empty() && elements.back().arrival != elements.front().arrival;
}

Millis StreamObservation::processingTimeAt(std::uint64_t step) const {
    if (elements.empty()) return 0;
    if (step == 0) return elements.front().arrival;
    return elements[std::min<std::size_t>(step, elements.size()) - 1].arrival;
}

Millis StreamObservation::minEventTime() const {
    Millis m = kMaxTime;
    for (const auto& e : elements)
        m = std::min(m, e.eventTime);
    return elements.empty() ? 0 : m;
}

Millis StreamObservation::maxEventTime() const {
    Millis m = kMinTime;
    for (const auto& e : elements)
        m = std::max(m, e.eventTime);
    return elements.empty() ? 0 : m;
}

Millis StreamObservation::splitWatermarkAt(int partition, std::uint64_t step) const {
    if (partition < 0 || partition >= partitions()) return kMinTime;
    const auto* p = pointAt(splitWatermarks[static_cast<std::size_t>(partition)], step);
    return p ? p->watermark : kMinTime;
}

bool StreamObservation::splitIdleAt(int partition, std::uint64_t step) const {
    if (partition < 0 || partition >= partitions()) return false;
    const auto* p = pointAt(splitIdle[static_cast<std::size_t>(partition)], step);
    return p && p->idle;
}

Millis StreamObservation::operatorWatermarkAt(int subtask, std::uint64_t step) const {
    if (subtask < 0 || subtask >= parallelism()) return kMinTime;
    const auto* p = pointAt(operatorWatermarks[static_cast<std::size_t>(subtask)], step);
    return p ? p->watermark : kMinTime;
}

Millis StreamObservation::operatorWatermarkAt(std::uint64_t step) const {
    Millis m = kMaxTime;
    for (int s = 0; s < parallelism(); ++s)
        m = std::min(m, operatorWatermarkAt(s, step));
    return parallelism() == 0 ? kMinTime : m;
}

int StreamObservation::ownerOf(int partition) const {
    for (const auto& e : elements)
        if (e.partition == partition) return e.sourceSubtask;
    const int p = std::max(1, options.job.parallelism);
    if (!options.job.topic.empty()) return kafkaSplitOwner(options.job.topic, partition, p);
    return partition % p;
}

Millis StreamObservation::sourceWatermarkAt(int subtask, std::uint64_t step) const {
    if (subtask < 0 || subtask >= static_cast<int>(sourceWatermarks.size())) return kMinTime;
    const auto* p = pointAt(sourceWatermarks[static_cast<std::size_t>(subtask)], step);
    return p ? p->watermark : kMinTime;
}

bool StreamObservation::sourceIdleAt(int subtask, std::uint64_t step) const {
    if (subtask < 0 || subtask >= static_cast<int>(sourceIdle.size())) return false;
    const auto* p = pointAt(sourceIdle[static_cast<std::size_t>(subtask)], step);
    return p && p->idle;
}

Millis StreamObservation::channelWatermarkAt(int subtask, int channel, std::uint64_t step) const {
    if (subtask < 0 || subtask >= static_cast<int>(channelWatermarks.size())) return kMinTime;
    const auto& chans = channelWatermarks[static_cast<std::size_t>(subtask)];
    if (channel < 0 || channel >= static_cast<int>(chans.size())) return kMinTime;
    const auto* p = pointAt(chans[static_cast<std::size_t>(channel)], step);
    return p ? p->watermark : kMinTime;
}

bool StreamObservation::channelIdleAt(int subtask, int channel, std::uint64_t step) const {
    if (subtask < 0 || subtask >= static_cast<int>(channelIdle.size())) return false;
    const auto& chans = channelIdle[static_cast<std::size_t>(subtask)];
    if (channel < 0 || channel >= static_cast<int>(chans.size())) return false;
    const auto* p = pointAt(chans[static_cast<std::size_t>(channel)], step);
    return p && p->idle;
}

std::size_t StreamObservation::lateCountAt(std::uint64_t s) const {
    return static_cast<std::size_t>(
        std::partition_point(lateOrder.begin(), lateOrder.end(),
                             [&](std::uint32_t i) { return elements[i].lateStep <= s; }) -
        lateOrder.begin());
}

void StreamObservation::flowAt(Flow& flow, std::uint64_t step) const {
    step = std::min<std::uint64_t>(step, lastStep());
    const auto sized = [](std::vector<std::uint64_t>& v, int n) { return v.size() == static_cast<std::size_t>(n); };
    if (step < flow.step || !sized(flow.perPartition, partitions()) || !sized(flow.perSource, parallelism()) ||
        !sized(flow.perWindowSubtask, parallelism())) {
        flow = Flow{};
        flow.perPartition.assign(static_cast<std::size_t>(partitions()), 0);
        flow.perSource.assign(static_cast<std::size_t>(parallelism()), 0);
        flow.perWindowSubtask.assign(static_cast<std::size_t>(parallelism()), 0);
    }
    const std::uint64_t to = std::min<std::uint64_t>(step, elements.size());
    for (std::uint64_t i = std::min<std::uint64_t>(flow.step, elements.size()); i < to; ++i) {
        const ObservedElement& e = elements[i];
        const auto bump = [](std::vector<std::uint64_t>& v, std::int32_t at) {
            if (at >= 0 && static_cast<std::size_t>(at) < v.size()) ++v[static_cast<std::size_t>(at)];
        };
        bump(flow.perPartition, e.partition);
        bump(flow.perSource, e.sourceSubtask);
        bump(flow.perWindowSubtask, e.windowSubtask);
    }
    // Late when the engine judged them (Flink SQL: at the flush that dropped them, after their arrival).
    flow.late = lateCountAt(step);
    // Firings are in step order.
    flow.firings = static_cast<std::uint64_t>(
        std::upper_bound(firings.begin(), firings.end(), step,
                         [](std::uint64_t s, const FiringLine& f) { return s < f.step; }) -
        firings.begin());
    flow.step = step;
}

namespace {

std::string firingLine(const FiringLine& f) {
    return (f.duplicate ? "DUPLICATE," : "") + firingCsvLine(f.key, f.start, f.end, f.value, f.watermark, f.late);
}
} // namespace

std::string StreamObservation::replayText() const {
    std::string out;
    // Parallelism > 1: each line starts with its subtask's print-sink prefix "N> ", as replay prints it.
    const int n = options.job.parallelism;
    for (const auto& f : firings)
        out += printSinkPrefix(f.subtask, n) + firingLine(f);
    // Flink SQL drops late rows silently: counted in the summary, no LATE line (as replay).
    if (options.job.watermark.kind != WatermarkKind::Sql)
        for (const auto& l : lates)
            out += printSinkPrefix(l.subtask, n) + lateCsvLine(l.key, l.eventTime, l.watermark);
    const auto originals = std::count_if(elements.begin(), elements.end(), [](const ObservedElement& e) { return !e.replayed; });
    const auto sent = std::count_if(firings.begin(), firings.end(), [](const FiringLine& f) { return !f.duplicate; });
    out += "SUMMARY,events=" + std::to_string(originals) +
           ",firings=" + std::to_string(sent) + ",late=" + std::to_string(lates.size()) + "\n";
    return out;
}

std::string StreamObservation::firingsCsv() const {
    // The subtask column is replay's print-sink prefix "N> " as a field (replay --json's "subtask"), so
    // a spreadsheet can sort or filter a parallel run by subtask, as tests/flink/by_subtask.sh groups it.
    std::string out = "subtask,key,window_start,window_end,value,watermark_at_fire,firing\n";
    for (const auto& f : firings)
        out += std::to_string(f.subtask + 1) + ',' + firingLine(f);
    return out;
}

// --- keyed lanes -----------------------------------------------------------------------------------

std::uint32_t StreamObservation::intern(const std::string& s) {
    const auto [it, added] = stringIds.try_emplace(s, static_cast<std::uint32_t>(strings.size()));
    if (added) strings.push_back(s);
    return it->second;
}

namespace {

/// Applies one change to the lanes (Element, state, timers, windows, outputs, job events).
void applyChange(KeyLanes& l, const KeyedChange& c) {
    using K = KeyedChange::Kind;
    const auto lane = [&l](std::uint32_t key) -> KeyLane& {
        if (key >= l.lanes.size()) l.lanes.resize(key + 1);
        KeyLane& ln = l.lanes[key];
        if (ln.key != key) {
            ln.key = key;
            l.present.push_back(key);
        }
        return ln;
    };
    switch (c.kind) {
    case K::CheckpointStarted:
        return;
    case K::CheckpointCompleted:
        ++l.checkpoints;
        l.lastCheckpoint = c.checkpoint;
        l.checkpointed = std::make_shared<const std::pair<std::vector<KeyLane>, std::vector<std::uint32_t>>>(
            l.lanes, l.present);
        return;
    case K::Crashed:
        l.crashed = true;
        return;
    case K::Restored:
        l.crashed = false;
        ++l.restores;
        if (l.checkpointed && c.checkpoint != 0) {
            // Keys met since the checkpoint keep an empty lane (they are in the run), as in the restored job.
            std::vector<KeyLane> lanes = l.checkpointed->first;
            for (const std::uint32_t k : l.present)
                if (k >= lanes.size() || lanes[k].key != k) {
                    if (k >= lanes.size()) lanes.resize(k + 1);
                    lanes[k] = KeyLane{};
                    lanes[k].key = k;
                }
            l.lanes = std::move(lanes);
        } else {
            for (const std::uint32_t k : l.present) {
                l.lanes[k] = KeyLane{};
                l.lanes[k].key = k;
            }
        }
        return;
    default:
        break;
    }
    KeyLane& ln = lane(c.key);
    ln.lastChangeStep = c.step;
    switch (c.kind) {
    case K::Element:
        ++ln.elements;
        break;
    case K::StateWritten:
        ln.state[c.name] = c.value;
        break;
    case K::StateCleared:
    case K::StateExpired:
        ln.state.erase(c.name);
        break;
    case K::TimerRegistered:
        ln.timers.insert({c.time, c.processingTime});
        break;
    case K::TimerDeleted:
        ln.timers.erase({c.time, c.processingTime});
        break;
    case K::TimerFired:
        ln.timers.erase({c.time, c.processingTime});
        ++ln.timersFired;
        break;
    case K::TimerDropped:
        ln.timers.erase({c.time, c.processingTime});
        ++ln.timersDropped;
        ln.droppedTimers.push_back(c.time);
        break;
    case K::Output:
        ++ln.outputs;
        ln.lastOutput = c.value;
        ln.lastOutputStep = c.step;
        break;
    case K::WindowCreated:
        ln.windows.try_emplace({c.time, c.end}, 0);
        break;
    case K::WindowFired:
        ++ln.windows[{c.time, c.end}];
        ln.lastOutput = c.value;
        ln.lastOutputStep = c.step;
        ++ln.outputs;
        break;
    case K::WindowPurged:
        ln.windows.erase({c.time, c.end});
        break;
    case K::WindowMerged: {
        int firings = 0;
        for (auto it = ln.windows.begin(); it != ln.windows.end();) {
            if (it->first.first >= c.time && it->first.second <= c.end) {
                firings = std::max(firings, it->second);
                it = ln.windows.erase(it);
            } else {
                ++it;
            }
        }
        ln.windows[{c.time, c.end}] = firings;
        break;
    }
    default:
        break;
    }
}

} // namespace

void StreamObservation::keyLanesAt(KeyLanes& l, std::uint64_t step) const {
    step = std::min<std::uint64_t>(step, lastStep());
    if (step < l.step || l.applied > keyed.size()) l = KeyLanes{};
    // Changes in step order; without Element changes the elements are counted from `elements` first
    // (an element arrives before what it causes at its step).
    const auto elementsUpTo = [&](std::uint64_t s) {
        if (keyedElements) return;
        const std::uint64_t to = std::min<std::uint64_t>(s, elements.size());
        for (std::uint64_t i = l.elementsCounted; i < to; ++i) {
            KeyedChange c;
            c.kind = KeyedChange::Kind::Element;
            c.step = i + 1;
            c.key = elements[i].keyId;
            applyChange(l, c);
        }
        l.elementsCounted = std::max(l.elementsCounted, to);
    };
    while (l.applied < keyed.size() && keyed[l.applied].step <= step) {
        const KeyedChange& c = keyed[l.applied];
        elementsUpTo(c.step);
        applyChange(l, c);
        ++l.applied;
    }
    elementsUpTo(step);
    l.step = step;
}

std::vector<const KeyLane*> KeyLanes::ordered(const std::vector<std::string>& strings, const std::string& first) const {
    std::vector<const KeyLane*> out;
    out.reserve(present.size());
    for (const std::uint32_t k : present)
        if (k < lanes.size() && lanes[k].key == k) out.push_back(&lanes[k]);
    const auto name = [&strings](const KeyLane* l) -> const std::string& { return strings[l->key]; };
    std::sort(out.begin(), out.end(), [&](const KeyLane* a, const KeyLane* b) {
        const bool fa = !first.empty() && name(a) == first, fb = !first.empty() && name(b) == first;
        if (fa != fb) return fa;
        // A key whose output (an alert, a window result) came at this step: what just happened, on top.
        const bool na = a->lastOutput && a->lastOutputStep == step, nb = b->lastOutput && b->lastOutputStep == step;
        if (na != nb) return na;
        if (a->elements != b->elements) return a->elements > b->elements;
        return name(a) < name(b);
    });
    return out;
}

std::vector<const KeyedChange*> StreamObservation::jobMarks() const {
    std::vector<const KeyedChange*> out;
    for (const auto& c : keyed) {
        using K = KeyedChange::Kind;
        if (c.kind == K::CheckpointStarted || c.kind == K::CheckpointCompleted || c.kind == K::Crashed ||
            c.kind == K::Restored || c.kind == K::Output || c.kind == K::TimerDropped)
            out.push_back(&c);
    }
    return out;
}

std::optional<labs::ReplayError> runOptionsFromReplay(const std::vector<std::string>& args, const std::string& workDir,
                                                      std::string& tracePath, RunOptions& out) {
    labs::ReplayArgs parsed;
    labs::ReplayError error;
    if (labs::parseReplayArgs(args, workDir, parsed, error) >= 0) return error;
    tracePath = parsed.trace;
    out = RunOptions{};
    out.trace = parsed.traceOptions;
    out.job = parsed.spec;
    out.finalWatermark = parsed.finalWatermark;
    out.crashAt = parsed.crashAt;
    out.sourceOpen = parsed.sourceOpen;
    if (parsed.inactivity > 0) out.processText = "inactivity:" + durationText(parsed.inactivity);
    return std::nullopt;
}

// --- the run ---------------------------------------------------------------------------------------

namespace {

/// Records the engine's journal and outputs into a StreamObservation.
class Recorder : public StreamJournalSink {
public:
    explicit Recorder(StreamObservation& obs) : o(obs) {}

    JobOutput output() {
        JobOutput out;
        out.onFiring = [this](const Firing& f) {
            FiringLine line;
            line.key = f.key;
            line.start = f.start;
            line.end = f.end;
            line.value = renderResult(labs::toEngine(o.options.job.agg), f.acc);
            line.watermark = f.watermark;
            line.late = f.late;
            line.step = step;
            line.subtask = f.subtask;
            if (dupFirings > 0) {
                --dupFirings;
                line.duplicate = true;
            } else {
                ++firingsSent;
            }
            KeyedChange c = change(KeyedChange::Kind::WindowFired, f.procTime, f.key);
            c.time = f.start;
            c.end = f.end;
            c.value = o.intern(line.value);
            c.duplicate = line.duplicate;
            o.keyed.push_back(c);
            ObservedWindow& w = window(f.subtask, f.key, f.start, f.end);
            w.firings.push_back({step, f.watermark, f.late, line.value});
            o.firings.push_back(std::move(line));
        };
        out.onLate = [this](const stream::LateRecord& l) { o.lates.push_back(labs::fromEngine(l)); };
        return out;
    }

    /// A state written by the process function (the journal names the state, not its value).
    void stateWritten(Millis procTime, const std::string& key, const std::string& name, const std::string& value) {
        KeyedChange c = change(KeyedChange::Kind::StateWritten, procTime, key);
        c.name = o.intern(name);
        c.value = o.intern(value);
        o.keyed.push_back(c);
    }

    void record(const StreamEvent& e) override {
        switch (e.kind) {
        case StreamEventKind::ElementArrived:
            step = runnerSteps ? o.elements.size() : static_cast<std::uint64_t>(e.b) + 1;
            if (!o.elements.empty() && o.elements.size() >= step)
                o.elements[step - 1].sourceSubtask = e.subtask;
            if (o.keyedElements) o.keyed.push_back(change(KeyedChange::Kind::Element, e.procTime, e.key));
            break;
        case StreamEventKind::StateChanged:
            // Written states come from the function's context with their value (stateWritten).
            if (e.a != 1) {
                KeyedChange c = change(e.a == 2 ? KeyedChange::Kind::StateExpired : KeyedChange::Kind::StateCleared,
                                       e.procTime, e.key);
                c.name = o.intern(e.name);
                o.keyed.push_back(c);
            }
            break;
        case StreamEventKind::TimerRegistered:
        case StreamEventKind::TimerDeleted:
        case StreamEventKind::TimerFired: {
            KeyedChange c = change(e.kind == StreamEventKind::TimerRegistered ? KeyedChange::Kind::TimerRegistered
                                   : e.kind == StreamEventKind::TimerDeleted  ? KeyedChange::Kind::TimerDeleted
                                                                              : KeyedChange::Kind::TimerFired,
                                   e.procTime, e.key);
            c.time = e.a;
            c.processingTime = e.flag != 0;
            o.keyed.push_back(c);
            break;
        }
        case StreamEventKind::TimerDropped: {
            KeyedChange c = change(KeyedChange::Kind::TimerDropped, e.procTime, e.key);
            c.time = e.a;
            c.processingTime = true;
            o.keyed.push_back(c);
            break;
        }
        case StreamEventKind::ProcessOutput: {
            KeyedChange c = change(KeyedChange::Kind::Output, e.procTime, e.key);
            c.time = e.a;
            c.value = o.intern(e.name);
            if (dupOutputs > 0) {
                --dupOutputs;
                c.duplicate = true;
            } else {
                ++outputsSent;
            }
            o.keyed.push_back(c);
            break;
        }
        case StreamEventKind::CheckpointStarted:
        case StreamEventKind::CheckpointCompleted: {
            const bool done = e.kind == StreamEventKind::CheckpointCompleted;
            KeyedChange c = change(done ? KeyedChange::Kind::CheckpointCompleted : KeyedChange::Kind::CheckpointStarted,
                                   e.procTime, {});
            c.checkpoint = static_cast<std::uint64_t>(e.a);
            c.position = static_cast<std::uint64_t>(e.b);
            o.keyed.push_back(c);
            if (done) {
                firingsAtCheckpoint = firingsSent;
                outputsAtCheckpoint = outputsSent;
            }
            break;
        }
        case StreamEventKind::JobCrashed:
            o.keyed.push_back(change(KeyedChange::Kind::Crashed, e.procTime, {}));
            // What the sink received since the restored checkpoint comes again (replay's DUPLICATE lines).
            dupFirings = firingsSent - firingsAtCheckpoint;
            dupOutputs = outputsSent - outputsAtCheckpoint;
            firingsSent = firingsAtCheckpoint;
            outputsSent = outputsAtCheckpoint;
            break;
        case StreamEventKind::JobRestored: {
            KeyedChange c = change(KeyedChange::Kind::Restored, e.procTime, {});
            c.checkpoint = static_cast<std::uint64_t>(e.a);
            c.position = static_cast<std::uint64_t>(e.b);
            o.keyed.push_back(c);
            // The restored job's windows are the checkpoint's: the ones made since are made again.
            open.clear();
            break;
        }
        case StreamEventKind::SplitWatermark:
            push(o.splitWatermarks, e.partition).push_back({step, e.a});
            break;
        case StreamEventKind::SplitIdle:
            grow(o.splitWatermarks, e.partition);
            push(o.splitIdle, e.partition).push_back({step, e.a != 0});
            break;
        case StreamEventKind::OperatorWatermark:
            push(o.operatorWatermarks, e.subtask).push_back({step, e.a});
            break;
        case StreamEventKind::SourceWatermark:
            push(o.sourceWatermarks, e.subtask).push_back({step, e.a});
            break;
        case StreamEventKind::SourceIdle:
            push(o.sourceIdle, e.subtask).push_back({step, e.a != 0});
            break;
        case StreamEventKind::ChannelWatermark:
            push(push(o.channelWatermarks, e.subtask), e.channel).push_back({step, e.a});
            break;
        case StreamEventKind::ChannelIdle:
            push(push(o.channelIdle, e.subtask), e.channel).push_back({step, e.a != 0});
            break;
        case StreamEventKind::WindowCreated: {
            ObservedWindow& w = window(e.subtask, e.key, e.a, e.b);
            w.createdStep = step;
            KeyedChange c = change(KeyedChange::Kind::WindowCreated, e.procTime, e.key);
            c.time = e.a;
            c.end = e.b;
            o.keyed.push_back(c);
            break;
        }
        case StreamEventKind::WindowMerged: {
            for (auto it = open.begin(); it != open.end();) {
                const auto& [sub, key, start, end] = it->first;
                if (sub == e.subtask && key == e.key && start >= e.a && end <= e.b &&
                    !(start == e.a && end == e.b)) {
                    o.windows[it->second].mergedStep = step;
                    it = open.erase(it);
                } else {
                    ++it;
                }
            }
            window(e.subtask, e.key, e.a, e.b);
            KeyedChange c = change(KeyedChange::Kind::WindowMerged, e.procTime, e.key);
            c.time = e.a;
            c.end = e.b;
            o.keyed.push_back(c);
            break;
        }
        case StreamEventKind::WindowPurged: {
            KeyedChange c = change(KeyedChange::Kind::WindowPurged, e.procTime, e.key);
            c.time = e.a;
            c.end = e.b;
            o.keyed.push_back(c);
            const auto it = open.find({e.subtask, e.key, e.a, e.b});
            if (it != open.end()) {
                o.windows[it->second].purgedStep = step;
                open.erase(it);
            }
            break;
        }
        case StreamEventKind::ElementLate:
            // The element the event names (key, event time): the DataStream window operator judges it as
            // it arrives (the element of this step); Flink SQL's global phase drops the rows of a partial
            // when the local phase flushes it, later, several at once. The latest element read so far with
            // that key and event time not yet marked late: rows of one key and time after a dropped one
            // are dropped too, so they are marked in arrival order, one event each.
            if (ObservedElement* el = lateElement(e.key, e.a)) {
                el->late = true;
                el->watermarkAtArrival = e.c;
                // Marked at the step the engine dropped it (SQL: the flush, not the arrival).
                el->lateStep = std::max(step, el->step);
                o.lateOrder.push_back(static_cast<std::uint32_t>(el - o.elements.data()));
            }
            break;
        default:
            break;
        }
    }

    std::uint64_t step = 0;
    bool runnerSteps = false; ///< the runner sets `step` (it counts reads again after a crash)

private:
    ObservedElement* lateElement(const std::string& key, Millis eventTime) {
        const std::uint64_t read = std::min<std::uint64_t>(step, o.elements.size());
        if (read == 0) return nullptr;
        ObservedElement& current = o.elements[read - 1];
        if (!current.late && current.eventTime == eventTime && current.key == key) return &current;
        for (std::uint64_t i = read; i-- > 0;) {
            ObservedElement& el = o.elements[i];
            if (!el.late && el.eventTime == eventTime && el.key == key) return &el;
        }
        return nullptr;
    }

    KeyedChange change(KeyedChange::Kind kind, Millis procTime, const std::string& key) {
        KeyedChange c;
        c.kind = kind;
        // What the element's arrival caused (time moving to it: timers, checkpoints) belongs to its step:
        // the lanes show it at the processing time it happened.
        c.step = runnerSteps ? std::max<std::uint64_t>(step, o.elements.size()) : step;
        c.procTime = procTime;
        c.key = key.empty() ? 0 : o.intern(key);
        return c;
    }
    std::uint64_t firingsSent = 0, outputsSent = 0, firingsAtCheckpoint = 0, outputsAtCheckpoint = 0;
    std::uint64_t dupFirings = 0, dupOutputs = 0;

    template <typename T> static void grow(std::vector<std::vector<T>>& v, std::int32_t i) {
        if (i >= 0 && static_cast<std::size_t>(i) >= v.size()) v.resize(static_cast<std::size_t>(i) + 1);
    }
    template <typename T> static std::vector<T>& push(std::vector<std::vector<T>>& v, std::int32_t i) {
        grow(v, std::max(0, i));
        return v[static_cast<std::size_t>(std::max(0, i))];
    }
    ObservedWindow& window(int subtask, const std::string& key, Millis start, Millis end) {
        const auto k = std::make_tuple(subtask, key, start, end);
        auto it = open.find(k);
        if (it == open.end()) {
            ObservedWindow w;
            w.key = key;
            w.start = start;
            w.end = end;
            w.subtask = subtask;
            w.createdStep = step;
            o.windows.push_back(std::move(w));
            it = open.emplace(k, o.windows.size() - 1).first;
        }
        return o.windows[it->second];
    }

    StreamObservation& o;
    std::map<std::tuple<int, std::string, Millis, Millis>, std::size_t> open;
};

/// The process function as the job runs it, telling the recorder the value of every state it writes
/// (the journal names the state only).
class StateRecordingFunction final : public KeyedProcessFunction {
public:
    StateRecordingFunction(std::shared_ptr<KeyedProcessFunction> inner, Recorder& rec)
        : inner_(std::move(inner)), rec_(rec) {}
    void processElement(const Element& element, ProcessContext& ctx) override {
        Context c(ctx, rec_);
        inner_->processElement(element, c);
    }
    void onTimer(Millis time, TimeDomain domain, ProcessContext& ctx) override {
        Context c(ctx, rec_);
        inner_->onTimer(time, domain, c);
    }

private:
    class Context final : public ProcessContext {
    public:
        Context(ProcessContext& in, Recorder& rec) : in_(in), rec_(rec) {}
        const std::string& key() const override { return in_.key(); }
        std::optional<Millis> timestamp() const override { return in_.timestamp(); }
        Millis currentWatermark() const override { return in_.currentWatermark(); }
        Millis currentProcessingTime() const override { return in_.currentProcessingTime(); }
        void registerEventTimeTimer(Millis t) override { in_.registerEventTimeTimer(t); }
        void registerProcessingTimeTimer(Millis t) override { in_.registerProcessingTimeTimer(t); }
        void deleteEventTimeTimer(Millis t) override { in_.deleteEventTimeTimer(t); }
        void deleteProcessingTimeTimer(Millis t) override { in_.deleteProcessingTimeTimer(t); }
        void output(const std::string& v) override { in_.output(v); }
        std::optional<std::string> value(const std::string& st) override { return in_.value(st); }
        void update(const std::string& st, const std::string& v) override {
            in_.update(st, v);
            written(st, v);
        }
        void clear(const std::string& st) override { in_.clear(st); }
        std::vector<std::string> list(const std::string& st) override { return in_.list(st); }
        void add(const std::string& st, const std::string& v) override {
            in_.add(st, v);
            std::string text = "[";
            for (const auto& item : in_.list(st))
                text += (text.size() > 1 ? ", " : "") + item;
            written(st, text + "]");
        }
        std::optional<std::string> mapGet(const std::string& st, const std::string& k) override {
            return in_.mapGet(st, k);
        }
        void mapPut(const std::string& st, const std::string& k, const std::string& v) override {
            in_.mapPut(st, k, v);
            written(st + "[" + k + "]", v);
        }
        void mapRemove(const std::string& st, const std::string& k) override { in_.mapRemove(st, k); }
        std::optional<double> reduced(const std::string& st) override { return in_.reduced(st); }
        void reduceAdd(const std::string& st, double v) override {
            in_.reduceAdd(st, v);
            const auto r = in_.reduced(st);
            written(st, r ? formatDouble(*r) : std::string());
        }

    private:
        void written(const std::string& st, const std::string& v) {
            rec_.stateWritten(in_.currentProcessingTime(), in_.key(), st, v);
        }
        ProcessContext& in_;
        Recorder& rec_;
    };
    std::shared_ptr<KeyedProcessFunction> inner_;
    Recorder& rec_;
};

/// Runs the job over elements handed in one by one.
class Runner {
public:
    Runner(StreamObservation& obs) : o(obs), rec(obs) {}
    std::optional<JobError> start(Millis startTime) {
        JobSpec spec = labs::toEngine(o.options.job);
        if (const auto problem = validate(spec)) return labs::fromEngine(*problem);
        rec.runnerSteps = true;
        o.keyedElements = o.options.job.hasProcessFunction() || o.options.job.checkpointInterval > 0 ||
                          o.options.crashAt > 0;
        o.splitWatermarks.assign(static_cast<std::size_t>(o.options.job.partitions), {});
        o.splitIdle.assign(static_cast<std::size_t>(o.options.job.partitions), {});
        const auto p = static_cast<std::size_t>(o.options.job.parallelism);
        o.operatorWatermarks.assign(p, {});
        o.sourceWatermarks.assign(p, {});
        o.sourceIdle.assign(p, {});
        o.channelWatermarks.assign(p, std::vector<std::vector<WatermarkPoint>>(p));
        o.channelIdle.assign(p, std::vector<std::vector<IdlePoint>>(p));
        maxParallelism = defaultMaxParallelism(o.options.job.parallelism);
        if (spec.process) spec.process = std::make_shared<StateRecordingFunction>(spec.process, rec);
        job = std::make_unique<StreamJob>(spec, rec.output(), &rec, startTime);
        return std::nullopt;
    }
    /// Reads one element of the input (and, after the crash, the ones the sources read again).
    void add(ObservedElement el) {
        read(std::move(el));
        if (o.options.crashAt > 0 && ++reads == o.options.crashAt && !crashed) {
            crashed = true;
            rec.step = o.elements.size();
            const std::uint64_t from = job->crashAndRestore();
            // The sources rewind to the checkpoint's position: the elements after it are read again.
            std::vector<ObservedElement> again;
            std::uint64_t original = 0;
            for (const ObservedElement& e : o.elements) {
                if (e.replayed) continue;
                if (original++ >= from) again.push_back(e);
            }
            for (ObservedElement& e : again) {
                e.replayed = true;
                read(std::move(e));
            }
        }
    }
    void read(ObservedElement el) {
        Element e;
        e.eventTime = el.eventTime;
        e.key = el.key;
        e.value = el.value;
        e.partition = el.partition;
        e.arrival = el.arrival;
        el.step = o.elements.size() + 1;
        el.windowSubtask = static_cast<std::int32_t>(
            o.options.job.watermark.kind == WatermarkKind::Sql
                ? sqlKeyToSubtask(el.key, o.options.job.parallelism, maxParallelism)
                : keyToSubtask(el.key, o.options.job.parallelism, maxParallelism));
        el.late = false;
        el.lateStep = 0;
        el.watermarkAtArrival = kMinTime;
        el.keyId = o.intern(el.key);
        o.elements.push_back(std::move(el));
        // What the job does as processing time moves to this element's arrival (a periodic watermark,
        // the windows it fires, processing-time timers) belongs to this element's step, as the key lanes
        // have it (KeyedChange): step s shows processing time arrival(s) and everything up to it, as the
        // cluster view's cursor shows every event up to its time. Recorded at step s - 1 it was drawn in
        // the event-time picture one step before it happened.
        rec.step = o.elements.size();
        job->process(e);
    }
    void finish() {
        rec.step = o.elements.size() + 1;
        if (o.options.sourceOpen) job->runPendingProcessingTimers();
        job->finish(o.options.finalWatermark);
        o.lateDropped = job->lateDropped();
    }

private:
    StreamObservation& o;
    Recorder rec;
    std::unique_ptr<StreamJob> job;
    int maxParallelism = 128;
    std::uint64_t reads = 0;
    bool crashed = false;
};

} // namespace

ObserveResult observeTrace(const std::string& path, const RunOptions& options,
                           const std::function<void(double)>& progress, const std::atomic<bool>* cancel) {
    ObserveResult result;
    StreamObservation obs;
    obs.options = options;
    obs.traceName = path;
    traces::TraceReader reader;
    // The view's bounds on a trace, as the reader's errors are: a code with its parameters.
    const auto bound = [&](traces::TraceErrorCode code, std::uint64_t line, std::int64_t number, std::int64_t number2) {
        result.traceError.code = code;
        result.traceError.file = path;
        result.traceError.line = line;
        result.traceError.number = number;
        result.traceError.number2 = number2;
        result.error = traces::traceErrorText(result.traceError);
    };
    if (!reader.open(path, options.trace)) {
        result.error = reader.error();
        result.traceError = reader.errorInfo();
        return result;
    }
    struct stat st {};
    const double size =
        ::stat(path.c_str(), &st) == 0 && st.st_size > 0 ? static_cast<double>(st.st_size) : 0;

    // Number of splits: the partition column's largest value + 1 (a first pass), unless given.
    if (!options.trace.partitionField.empty() && options.job.partitions <= 1) {
        traces::TraceReader scan;
        traces::TraceOptions scanOpt = options.trace;
        scanOpt.skipErrors = true;
        if (scan.open(path, scanOpt)) {
            traces::TraceRecord r;
            std::int64_t maxP = 0;
            while (scan.next(r) == traces::TraceReader::Status::Record) {
                maxP = std::max(maxP, r.partition);
                if (cancel && cancel->load()) {
                    result.cancelled = true;
                    return result;
                }
            }
            if (maxP >= 1024) {
                bound(traces::TraceErrorCode::PartitionTooLarge, 0, maxP, 1023);
                return result;
            }
            obs.options.job.partitions = static_cast<int>(maxP + 1);
        }
    }
    Runner runner(obs);
    traces::TraceRecord rec;
    bool started = false;
    std::uint64_t n = 0;
    while (true) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            return result;
        }
        const auto s = reader.next(rec);
        if (s == traces::TraceReader::Status::End) break;
        if (s == traces::TraceReader::Status::Error) {
            result.error = reader.error();
            result.traceError = reader.errorInfo();
            return result;
        }
        if (rec.partition < 0 || rec.partition >= obs.options.job.partitions) {
            bound(traces::TraceErrorCode::PartitionNotBelow, rec.line, rec.partition, obs.options.job.partitions);
            return result;
        }
        if (n >= options.maxElements) {
            bound(traces::TraceErrorCode::TooManyEvents, 0, static_cast<std::int64_t>(options.maxElements), 0);
            return result;
        }
        if (!started) {
            if (const auto problem = runner.start(rec.arrival)) {
                result.jobError = *problem;
                result.error = labs::jobErrorText(*problem);
                return result;
            }
            started = true;
        }
        ObservedElement el;
        el.arrival = rec.arrival;
        el.eventTime = rec.eventTime;
        el.key = rec.key;
        el.value = rec.value;
        el.partition = static_cast<std::int32_t>(rec.partition);
        el.line = rec.line;
        runner.add(std::move(el));
        if (progress && (++n % 4096) == 0 && size > 0)
            progress(std::min(1.0, static_cast<double>(reader.bytesRead()) / size));
    }
    if (!started) {
        if (const auto problem = runner.start(0)) {
            result.jobError = *problem;
            result.error = labs::jobErrorText(*problem);
            return result;
        }
    }
    runner.finish();
    obs.skippedRecords = reader.skipped();
    obs.skippedMessages = reader.skippedMessages();
    if (progress) progress(1.0);
    result.observation = std::move(obs);
    return result;
}

// --- a trace through a topic of the simulation ------------------------------------------------------

namespace {

void appendJsonString(std::string& out, const std::string& s) {
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
}

std::string shortestDouble(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

} // namespace

struct TopicStreamRun::Impl {
    explicit Impl(sim::Simulation& s) : sim(s), rec(obs) {}
    sim::Simulation& sim;
    TopicRunOptions opt;
    StreamObservation obs;
    Recorder rec;
    std::string error;
    TopicRunError errorInfo;
    traces::TraceReader reader;
    bool haveFirst = false;
    Millis firstArrival = 0;
    std::vector<labs::Offset> offsets;
    // Destroyed in reverse order: the source (and its timer) before the job, the job before the feeder.
    std::unique_ptr<TopicFeeder> feeder;
    std::unique_ptr<StreamJob> job;
    std::unique_ptr<KafkaTopicSource> source;
    /// The feeder's failure (a send refused, records not delivered) into error / errorInfo.
    void syncFeed();

    bool next(FeedRecord& out) {
        traces::TraceRecord r;
        const auto status = reader.next(r);
        if (status == traces::TraceReader::Status::Error) {
            if (error.empty()) {
                error = reader.error();
                errorInfo.kind = TopicRunError::Kind::Trace;
                errorInfo.trace = reader.errorInfo();
            }
            return false;
        }
        if (status != traces::TraceReader::Status::Record) return false;
        const Millis paced = opt.paceByEventTime ? r.eventTime : r.arrival;
        if (!haveFirst) {
            haveFirst = true;
            firstArrival = paced;
        }
        out.arrival = opt.feedStart + std::max<Millis>(0, paced - firstArrival);
        out.eventTime = r.eventTime;
        out.key = r.key;
        out.value = "{";
        appendJsonString(out.value, opt.run.trace.keyField);
        out.value += ":";
        appendJsonString(out.value, r.key);
        out.value += ",";
        appendJsonString(out.value, opt.run.trace.timeField);
        out.value += ":" + std::to_string(r.eventTime);
        if (!opt.run.trace.valueField.empty()) {
            out.value += ",";
            appendJsonString(out.value, opt.run.trace.valueField);
            out.value += ":" + shortestDouble(r.value);
        }
        out.value += "}";
        return true;
    }
};

TopicStreamRun::TopicStreamRun(sim::Simulation& sim, const TopicRunOptions& options)
    : impl_(std::make_unique<Impl>(sim)) {
    Impl& m = *impl_;
    m.opt = options;
    m.obs.options = options.run;
    m.obs.options.finalWatermark = false;
    m.obs.traceName = options.tracePath.empty() ? options.topic : options.tracePath + " -> " + options.topic;
    JobSpec spec = labs::toEngine(m.obs.options.job);
    using Kind = TopicRunError::Kind;
    if (!jobForTopic(sim, options.topic, spec)) {
        labs::SourceError noTopic;
        noTopic.code = labs::SourceErrorCode::NoSuchTopic;
        noTopic.topic = options.topic;
        m.error = labs::sourceErrorText(noTopic);
        m.errorInfo.kind = Kind::NoSuchTopic;
        m.errorInfo.topic = options.topic;
        return;
    }
    m.obs.options.job.topic = spec.topic; // what jobForTopic set
    m.obs.options.job.partitions = spec.partitions;
    if (const auto problem = validate(spec)) {
        m.errorInfo.kind = Kind::Job;
        m.errorInfo.job = labs::fromEngine(*problem);
        m.error = labs::jobErrorText(m.errorInfo.job);
        return;
    }
    if (options.eventTime == labs::TopicEventTime::ValueField && options.eventTimeField.empty()) {
        m.error = "event time from the value needs the name of its field";
        m.errorInfo.kind = Kind::NoEventTimeField;
        return;
    }
    if (!options.tracePath.empty() && !m.reader.open(options.tracePath, options.run.trace)) {
        m.error = m.reader.error();
        m.errorInfo.kind = Kind::Trace;
        m.errorInfo.trace = m.reader.errorInfo();
        return;
    }
    m.obs.splitWatermarks.assign(static_cast<std::size_t>(spec.partitions), {});
    m.obs.splitIdle.assign(static_cast<std::size_t>(spec.partitions), {});
    m.obs.operatorWatermarks.assign(static_cast<std::size_t>(spec.parallelism), {});
    if (!options.readTopic) {
        if (!options.tracePath.empty())
            m.feeder =
                std::make_unique<TopicFeeder>(sim, options.topic, [&m](FeedRecord& r) { return m.next(r); });
        return;
    }
    m.job = std::make_unique<StreamJob>(spec, m.rec.output(), &m.rec, 0, &sim.scheduler());
    TopicSourceSpec ss;
    ss.topic = options.topic;
    ss.eventTime = labs::toEngine(options.eventTime);
    ss.timeField = options.eventTimeField;
    ss.valueField = options.run.trace.valueField;
    ss.pollInterval = options.pollInterval;
    m.source = std::make_unique<KafkaTopicSource>(sim, *m.job, ss);
    if (m.source->error()) {
        m.errorInfo.kind = Kind::Internal;
        m.errorInfo.topic = options.topic;
        m.errorInfo.source = labs::fromEngine(*m.source->error());
        m.error = labs::sourceErrorText(m.errorInfo.source);
        return;
    }
    m.source->beforeElement = [&m](const Element& e, sim::Offset offset) {
        ObservedElement el;
        el.step = m.obs.elements.size() + 1;
        el.arrival = e.arrival;
        el.eventTime = e.eventTime;
        el.key = e.key;
        el.keyId = m.obs.intern(e.key);
        el.value = e.value;
        el.partition = e.partition;
        // keyBy: the window subtask of the key (KeyGroupRangeAssignment), as in observeTrace; without it
        // every record was counted at window subtask 0 in the pipeline drawing.
        const int par = m.obs.options.job.parallelism;
        el.windowSubtask = static_cast<std::int32_t>(
            labs::windowSubtaskOfKey(el.key, par, m.obs.options.job.watermark.kind == WatermarkKind::Sql));
        m.obs.elements.push_back(std::move(el));
        m.offsets.push_back(offset);
    };
    if (!options.tracePath.empty())
        m.feeder =
            std::make_unique<TopicFeeder>(sim, options.topic, [&m](FeedRecord& r) { return m.next(r); });
}

TopicStreamRun::~TopicStreamRun() = default;

void TopicStreamRun::Impl::syncFeed() {
    if (!feeder) return;
    const FeedError& f = feeder->error();
    if (!f.failed()) return;
    // A bad trace record met while feeding stays the problem once found (it came first).
    if (errorInfo.failed() && errorInfo.kind != TopicRunError::Kind::FeedRefused &&
        errorInfo.kind != TopicRunError::Kind::FeedNotDelivered)
        return;
    errorInfo.kind = f.code == stream::FeedErrorCode::SendRefused ? TopicRunError::Kind::FeedRefused
                                                                  : TopicRunError::Kind::FeedNotDelivered;
    errorInfo.topic = f.topic;
    errorInfo.kafka = f.kafka;
    errorInfo.partition = f.partition;
    errorInfo.count = f.code == stream::FeedErrorCode::SendRefused ? f.sent : f.records;
    error = labs::feedErrorText(f);
}

const std::string& TopicStreamRun::error() const {
    impl_->syncFeed();
    return impl_->error;
}
const TopicRunError& TopicStreamRun::errorInfo() const {
    impl_->syncFeed();
    return impl_->errorInfo;
}
const StreamObservation& TopicStreamRun::observation() const {
    impl_->obs.lateDropped = impl_->job ? impl_->job->lateDropped() : 0;
    return impl_->obs;
}
std::uint64_t TopicStreamRun::fed() const {
    return impl_->feeder ? impl_->feeder->sent() : 0;
}
bool TopicStreamRun::feedDone() const {
    return !impl_->feeder || impl_->feeder->done();
}
std::uint64_t TopicStreamRun::skipped() const {
    return impl_->source ? impl_->source->skipped() : 0;
}
std::string TopicStreamRun::sourceSkipReason() const {
    return labs::skippedRecordText(sourceSkipped());
}
labs::SkippedRecord TopicStreamRun::sourceSkipped() const {
    return impl_->source ? labs::fromEngine(impl_->source->firstSkipped()) : labs::SkippedRecord{};
}
const std::vector<labs::Offset>& TopicStreamRun::offsets() const {
    return impl_->offsets;
}

StreamObservation rerun(const StreamObservation& base, const RunOptions& options) {
    StreamObservation obs;
    obs.options = options;
    obs.options.job.partitions = base.options.job.partitions;
    obs.traceName = base.traceName;
    obs.skippedRecords = base.skippedRecords;
    obs.skippedMessages = base.skippedMessages;
    Runner runner(obs);
    if (runner.start(base.elements.empty() ? 0 : base.elements.front().arrival)) return obs;
    for (const ObservedElement& e : base.elements)
        if (!e.replayed) runner.add(e);
    runner.finish();
    return obs;
}

// --- why not fired ---------------------------------------------------------------------------------

WhyNotFired explain(const StreamObservation& obs, const ObservedWindow& window, std::uint64_t step) {
    WhyNotFired why;
    why.subtask = window.subtask;
    why.waitsFor = window.end - 1;
    why.operatorWatermark = obs.operatorWatermarkAt(window.subtask, step);
    const auto state = window.stateAt(step);
    why.fired = state == ObservedWindow::State::Fired || why.operatorWatermark >= why.waitsFor;
    // Per partition: its watermark, idleness, elements read and the last one's position.
    const int parts = obs.partitions();
    why.partitions.resize(static_cast<std::size_t>(parts));
    std::vector<std::uint64_t> lastStep(static_cast<std::size_t>(parts), 0);
    for (int p = 0; p < parts; ++p) {
        auto& w = why.partitions[static_cast<std::size_t>(p)];
        w.partition = p;
        w.sourceSubtask = obs.ownerOf(p);
        w.watermark = obs.splitWatermarkAt(p, step);
        w.idle = obs.splitIdleAt(p, step);
    }
    const std::uint64_t upto = std::min<std::uint64_t>(step, obs.elements.size());
    for (std::uint64_t i = 0; i < upto; ++i) {
        const auto& e = obs.elements[i];
        auto& w = why.partitions[static_cast<std::size_t>(e.partition)];
        ++w.elementsRead;
        w.lastArrival = e.arrival;
        lastStep[static_cast<std::size_t>(e.partition)] = i + 1;
    }
    for (int p = 0; p < parts; ++p) {
        auto& w = why.partitions[static_cast<std::size_t>(p)];
        w.sinceLast = upto - lastStep[static_cast<std::size_t>(p)];
    }
    if (why.fired) {
        why.reason = WhyNotFired::Reason::Fired;
        return why;
    }
    // Periodic watermarks need processing time to pass; a trace without arrival times never lets it:
    // no partition is to blame (the same trace with a watermark per event fires on time).
    if (!obs.options.job.watermark.perEvent && !obs.hasArrivalTimes() && step <= obs.elements.size() &&
        !obs.options.job.window.processingTime) {
        why.reason = WhyNotFired::Reason::NoProcessingTime;
        return why;
    }
    // The holder: the active split with the smallest watermark (the operator's minimum comes from it).
    Millis maxOther = kMinTime;
    for (const auto& w : why.partitions) {
        if (w.idle) continue;
        if (why.holder < 0 || w.watermark < why.partitions[static_cast<std::size_t>(why.holder)].watermark)
            why.holder = w.partition;
    }
    if (why.holder < 0) {
        // Every split idle: the operator watermark does not move until one becomes active again.
        why.reason = WhyNotFired::Reason::Idle;
        return why;
    }
    const auto& h = why.partitions[static_cast<std::size_t>(why.holder)];
    for (const auto& w : why.partitions)
        if (!w.idle && w.partition != h.partition) maxOther = std::max(maxOther, w.watermark);
    // Quiet: the last 5 or more elements came from the other partitions while this one sent nothing.
    constexpr std::uint64_t kQuietElements = 5;
    if (h.elementsRead == 0)
        why.reason = WhyNotFired::Reason::Empty;
    else if (parts > 1 && h.sinceLast >= kQuietElements && maxOther > h.watermark)
        why.reason = WhyNotFired::Reason::Quiet;
    else if (parts > 1 && maxOther > h.watermark)
        why.reason = WhyNotFired::Reason::Slow;
    else
        why.reason = WhyNotFired::Reason::Behind;
    // The event time that moves the holder's watermark to end - 1.
    const auto& wm = obs.options.job.watermark;
    switch (wm.kind) {
    case WatermarkKind::BoundedOutOfOrderness:
        why.neededEventTime = window.end + wm.bound;
        break;
    case WatermarkKind::Monotonous:
        why.neededEventTime = window.end;
        break;
    case WatermarkKind::Sql:
        why.neededEventTime = window.end - 1 + wm.bound;
        break;
    }
    return why;
}

const ObservedWindow* findWindow(const StreamObservation& obs, const std::string& key, Millis start,
                                 Millis end) {
    const ObservedWindow* found = nullptr;
    for (const auto& w : obs.windows)
        if (w.key == key && w.start == start && w.end == end) found = &w;
    return found;
}

std::optional<RunOptions> idleWhatIf(const StreamObservation& obs, const WhyNotFired& why,
                                     std::uint64_t step, IdleWhatIfBlock* block) {
    const auto blocked = [&](IdleWhatIfBlock b) -> std::optional<RunOptions> {
        if (block) *block = b;
        return std::nullopt;
    };
    if (block) *block = IdleWhatIfBlock::None;
    if (!obs.hasArrivalTimes()) return blocked(IdleWhatIfBlock::NoArrivalTimes);
    if (why.fired) return blocked(IdleWhatIfBlock::WindowFired);
    if (why.holder < 0) return blocked(IdleWhatIfBlock::NoHolder);
    const auto& h = why.partitions[static_cast<std::size_t>(why.holder)];
    RunOptions o = obs.options;
    const Millis now = obs.processingTimeAt(step);
    // Long enough to let the slow data in, short enough that the quiet partition is idle at the cursor.
    const Millis silent = h.lastArrival ? now - *h.lastArrival : now - obs.processingTimeAt(0);
    Millis timeout = silent / 2;
    timeout = std::max<Millis>(timeout, o.job.watermark.interval);
    timeout = (timeout + 999) / 1000 * 1000; // whole seconds, easier to read
    if (o.job.watermark.idleTimeout > 0 && o.job.watermark.idleTimeout <= timeout)
        timeout = o.job.watermark.idleTimeout / 2;
    if (timeout <= 0) return blocked(IdleWhatIfBlock::NoTimeout);
    o.job.watermark.idleTimeout = timeout;
    return o;
}

std::optional<RunOptions> shorterBoundWhatIf(const StreamObservation& obs) {
    const auto& wm = obs.options.job.watermark;
    if (wm.kind == WatermarkKind::Monotonous || wm.bound <= 0) return std::nullopt;
    RunOptions o = obs.options;
    o.job.watermark.bound = wm.bound / 2;
    return o;
}

} // namespace fluxolab::stream_observe
