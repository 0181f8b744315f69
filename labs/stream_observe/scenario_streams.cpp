#include "labs/stream_observe/scenario_streams.h"

#include "labs/stream_tool/replay_tool.h"
#include "sim/cluster.h"
#include "sim/scenario_format.h"

#include <filesystem>

namespace fluxolab::stream_observe {

namespace {

/// A bundled trace may be named without its extension ("sensores_iot"), as simulate --trace-to-topic.
std::string resolveTrace(const std::string& name) {
    std::error_code ec;
    std::string path = labs::resolveTraceFile(name, {});
    if (std::filesystem::exists(path, ec)) return path;
    for (const char* ext : {".csv", ".jsonl"}) {
        const std::string withExt = labs::resolveTraceFile(name + ext, {});
        if (std::filesystem::exists(withExt, ec)) return withExt;
    }
    return path;
}

} // namespace

void resolveScenarioTraces(sim::Scenario& scenario, const std::string& scenarioFile) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::path(scenarioFile).parent_path();
    if (dir.empty()) dir = ".";
    const fs::path absDir = fs::absolute(dir, ec);
    if (!ec) dir = absDir;
    for (sim::ScenarioTraceFeed& feed : scenario.trace_feeds) {
        if (feed.trace.empty() || fs::path(feed.trace).is_absolute()) continue;
        const fs::path here = dir / feed.trace;
        bool found = false;
        for (const char* ext : {"", ".csv", ".jsonl"}) {
            const fs::path candidate = here.string() + ext;
            if (fs::is_regular_file(candidate, ec)) {
                feed.trace = candidate.lexically_normal().string();
                found = true;
                break;
            }
        }
        // Not in the scenario's folder: a bundled trace by name stays a name (saved as written); anything
        // else is the missing file in the scenario's folder, which the message on opening names.
        for (const char* ext : {"", ".csv", ".jsonl"}) {
            if (found) break;
            const std::string bundled = labs::resolveTraceFile(feed.trace + ext, dir.string());
            found = fs::is_regular_file(bundled, ec);
        }
        if (!found) feed.trace = here.lexically_normal().string();
    }
}

std::optional<std::string> feedOptions(const sim::ScenarioTraceFeed& feed, std::size_t index,
                                       TopicRunOptions& out) {
    const std::string path = "/trace_feeds/" + std::to_string(index);
    out = TopicRunOptions{};
    out.topic = feed.topic;
    out.tracePath = resolveTrace(feed.trace);
    out.readTopic = false;
    out.feedStart = feed.start_ms;
    out.paceByEventTime = feed.pacing == sim::ScenarioTraceFeed::Pacing::EventTime;
    out.run.trace.keyField = feed.key;
    out.run.trace.timeField = feed.time;
    out.run.trace.valueField = feed.value;
    out.run.trace.arrivalField = out.paceByEventTime ? std::string() : feed.arrival;
    const auto format = traces::parseTimeFormatName(feed.time_format);
    if (!format) return path + "/time_format: must be auto, epoch-ms, epoch-s, iso or sql";
    out.run.trace.timeFormat = *format;
    return std::nullopt;
}

std::optional<std::string> jobOptions(const sim::ScenarioStreamJob& job, std::size_t index,
                                      TopicRunOptions& out) {
    const std::string path = "/stream_jobs/" + std::to_string(index);
    out = TopicRunOptions{};
    out.topic = job.topic;
    out.readTopic = true;
    labs::StreamJobSpec& spec = out.run.job;
    if (const auto problem = parseWatermarkOption(job.watermark, spec.watermark))
        return path + "/watermark: " + *problem;
    if (const auto problem = parseWindowOption(job.window, spec.window)) return path + "/window: " + *problem;
    if (const auto problem = parseAggOption(job.agg, out.run)) return path + "/agg: " + *problem;
    spec.parallelism = job.parallelism;
    if (job.watermark_interval == "per-event") {
        spec.watermark.perEvent = true;
    } else {
        const auto ms = parseDurationText(job.watermark_interval);
        if (!ms || *ms <= 0)
            return path + "/watermark_interval: must be a positive duration or per-event, got '" +
                   job.watermark_interval + "'";
        spec.watermark.perEvent = false;
        spec.watermark.interval = *ms;
    }
    spec.watermark.idleTimeout = job.idle_timeout_ms;
    spec.window.allowedLateness = job.allowed_lateness_ms;
    if (job.event_time.rfind("field:", 0) == 0) {
        out.eventTime = labs::TopicEventTime::ValueField;
        out.eventTimeField = job.event_time.substr(6);
    }
    if (const auto problem = labs::validateJob(spec)) return path + ": " + labs::jobErrorText(*problem);
    return std::nullopt;
}

std::optional<std::string> checkScenarioStreams(const sim::Scenario& scenario, ScenarioStreamProblem* detail) {
    using Kind = ScenarioStreamProblem::Kind;
    const auto found = [&](Kind kind, std::string path, std::string value, std::string english) {
        if (detail) {
            detail->kind = kind;
            detail->path = std::move(path);
            detail->value = std::move(value);
        }
        return std::optional<std::string>(std::move(english));
    };
    TopicRunOptions options;
    for (std::size_t i = 0; i < scenario.stream_jobs.size(); ++i) {
        const sim::ScenarioStreamJob& job = scenario.stream_jobs[i];
        if (const auto problem = jobOptions(job, i, options)) {
            // Which option it was: the same parsers, in jobOptions' order.
            const std::string path = "/stream_jobs/" + std::to_string(i);
            TopicRunOptions probe;
            labs::WatermarkSpec w;
            labs::WindowSpec win;
            if (parseWatermarkOption(job.watermark, w)) return found(Kind::Watermark, path + "/watermark", job.watermark, *problem);
            if (parseWindowOption(job.window, win)) return found(Kind::Window, path + "/window", job.window, *problem);
            if (parseAggOption(job.agg, probe.run)) return found(Kind::Agg, path + "/agg", job.agg, *problem);
            if (job.watermark_interval != "per-event") {
                const auto ms = parseDurationText(job.watermark_interval);
                if (!ms || *ms <= 0)
                    return found(Kind::WatermarkInterval, path + "/watermark_interval", job.watermark_interval, *problem);
            }
            if (detail) {
                // The settings parsed; validateJob refused the job they make (jobOptions filled it).
                if (const auto job = labs::validateJob(options.run.job)) detail->job = *job;
            }
            return found(Kind::Job, path, {}, *problem);
        }
    }
    for (std::size_t i = 0; i < scenario.trace_feeds.size(); ++i) {
        const std::string path = "/trace_feeds/" + std::to_string(i);
        if (const auto problem = feedOptions(scenario.trace_feeds[i], i, options))
            return found(Kind::TimeFormat, path + "/time_format", scenario.trace_feeds[i].time_format, *problem);
        traces::TraceReader reader;
        if (!reader.open(options.tracePath, options.run.trace)) {
            if (detail) detail->trace = reader.errorInfo();
            return found(Kind::Trace, path + "/trace", scenario.trace_feeds[i].trace, path + "/trace: " + reader.error());
        }
    }
    return std::nullopt;
}

namespace {

/// A TopicStreamRun's problem as the scenario's: at the feed's or job's path.
ScenarioStreamProblem runProblem(const TopicRunError& e, const std::string& path) {
    using Kind = ScenarioStreamProblem::Kind;
    ScenarioStreamProblem p;
    p.path = path;
    switch (e.kind) {
    case TopicRunError::Kind::None: return {};
    case TopicRunError::Kind::NoSuchTopic:
        p.kind = Kind::NoSuchTopic;
        p.value = e.topic;
        break;
    case TopicRunError::Kind::Job:
        p.kind = Kind::Job;
        p.job = e.job;
        break;
    case TopicRunError::Kind::NoEventTimeField: p.kind = Kind::NoEventTimeField; break;
    case TopicRunError::Kind::Trace:
        p.kind = Kind::Trace;
        p.trace = e.trace;
        break;
    case TopicRunError::Kind::Internal:
        p.kind = Kind::Internal;
        p.value = e.topic;
        p.source = e.source;
        break;
    case TopicRunError::Kind::FeedRefused:
    case TopicRunError::Kind::FeedNotDelivered:
        p.kind = e.kind == TopicRunError::Kind::FeedRefused ? Kind::FeedRefused : Kind::FeedNotDelivered;
        // The feed's topic is what did not take the records, not its trace.
        if (p.path.size() >= 6 && p.path.compare(p.path.size() - 6, 6, "/trace") == 0)
            p.path.replace(p.path.size() - 6, 6, "/topic");
        p.value = e.topic;
        p.kafka = e.kafka;
        p.partition = e.partition;
        p.count = e.count;
        break;
    }
    return p;
}

} // namespace

ScenarioStreams::ScenarioStreams(sim::Simulation& sim, const sim::Scenario& scenario) {
    TopicRunOptions options;
    // A feed's or job's options the file gave wrongly: the scenario check says which, as data.
    const auto optionsProblem = [&](const std::string& english) {
        m_error = english;
        checkScenarioStreams(scenario, &m_problem);
    };
    for (std::size_t i = 0; i < scenario.stream_jobs.size() && m_error.empty(); ++i) {
        if (const auto problem = jobOptions(scenario.stream_jobs[i], i, options)) {
            optionsProblem(*problem);
            break;
        }
        auto run = std::make_unique<TopicStreamRun>(sim, options);
        if (!run->error().empty()) {
            m_error = "/stream_jobs/" + std::to_string(i) + ": " + run->error();
            m_problem = runProblem(run->errorInfo(), "/stream_jobs/" + std::to_string(i));
            break;
        }
        m_jobs.push_back(std::move(run));
        m_job_ids.push_back(scenario.stream_jobs[i].id);
    }
    for (std::size_t i = 0; i < scenario.trace_feeds.size() && m_error.empty(); ++i) {
        if (const auto problem = feedOptions(scenario.trace_feeds[i], i, options)) {
            optionsProblem(*problem);
            break;
        }
        auto run = std::make_unique<TopicStreamRun>(sim, options);
        if (!run->error().empty()) {
            m_error = "/trace_feeds/" + std::to_string(i) + ": " + run->error();
            m_problem = runProblem(run->errorInfo(), "/trace_feeds/" + std::to_string(i) + "/trace");
            break;
        }
        m_feeds.push_back(std::move(run));
    }
}

ScenarioStreams::~ScenarioStreams() {
    // Jobs' sources read the topics the feeds write: drop the sources first, then the feeders.
    m_jobs.clear();
    m_feeds.clear();
}

std::string ScenarioStreams::error() const {
    if (!m_error.empty()) return m_error;
    for (const auto& f : m_feeds)
        if (!f->error().empty()) return f->error();
    for (const auto& j : m_jobs)
        if (!j->error().empty()) return j->error();
    return {};
}

ScenarioStreamProblem ScenarioStreams::problem() const {
    if (!m_error.empty()) return m_problem;
    // While running: a bad trace record met while feeding, or records the topic did not take (the
    // order of error()).
    for (std::size_t i = 0; i < m_feeds.size(); ++i)
        if (m_feeds[i]->errorInfo().failed())
            return runProblem(m_feeds[i]->errorInfo(), "/trace_feeds/" + std::to_string(i) + "/trace");
    for (std::size_t i = 0; i < m_jobs.size(); ++i)
        if (m_jobs[i]->errorInfo().failed())
            return runProblem(m_jobs[i]->errorInfo(), "/stream_jobs/" + std::to_string(i));
    return {};
}

} // namespace fluxolab::stream_observe
