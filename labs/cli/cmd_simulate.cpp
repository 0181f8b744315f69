// fluxolab-cli simulate: run a scenario headless, write the journal, print a summary and its hash.
#include "labs/cli/cli_commands.h"
#include "labs/backend/scenario_errors.h"
#include "labs/backend/session.h"
#include "labs/common/data_dirs.h"
#include "labs/session/session_journal.h"
#include "labs/stream_observe/scenario_streams.h"
#include "labs/stream_observe/stream_observation.h"
#include "labs/stream_tool/replay_tool.h"
#include "sim/hash.h"
#include "sim/lag.h"
#include "sim/scenario.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <set>
#include <string>

namespace fluxolab::labs {

using namespace fluxolab::sim;

namespace {
/// Longest run: 1h of virtual time takes from seconds to about a minute of real time with the
/// gallery's scenarios; 100000h would take days.
constexpr TimeMs kMaxVirtualMs = 3600000;
/// Runs longer than this report their progress on stderr, every kProgressStepMs of virtual time.
constexpr TimeMs kProgressAfterMs = 600000;
constexpr TimeMs kProgressStepMs = 300000;

/// A span of virtual time as hours, minutes and seconds: "100h", "1h30m", "10m", "1m1.5s", "250ms"
/// ("6000m" for 100 h was hard to read).
std::string hms(TimeMs ms) {
    if (ms < 1000) return std::to_string(ms) + "ms";
    std::string out;
    if (ms >= 3600000) out += std::to_string(ms / 3600000) + "h";
    if (ms % 3600000 >= 60000) out += std::to_string(ms % 3600000 / 60000) + "m";
    if (const TimeMs rest = ms % 60000; rest > 0) {
        out += std::to_string(rest / 1000);
        if (rest % 1000 != 0) {
            std::string frac = std::to_string(1000 + rest % 1000).substr(1);
            while (frac.back() == '0') frac.pop_back();
            out += "." + frac;
        }
        out += "s";
    }
    return out;
}
/// The job's options beyond the watermark and the window, when not their defaults, for its summary line:
/// what the job runs with, whether from the file or the command line.
std::string jobExtrasText(const labs::StreamJobSpec& job) {
    std::string text;
    if (job.watermark.idleTimeout > 0) text += ", idle timeout " + stream_observe::durationText(job.watermark.idleTimeout);
    if (job.window.allowedLateness > 0)
        text += ", allowed lateness " + stream_observe::durationText(job.window.allowedLateness);
    if (job.window.offset != 0) text += ", offset " + stream_observe::durationText(job.window.offset);
    return text;
}
} // namespace

int cmdSimulate(const Args& args, CliStreams io) {
    std::string file, journalPath;
    std::optional<std::uint64_t> seed;
    std::optional<TimeMs> until;
    // A trace fed into a topic and a stream job reading a topic (docs/stream.pt.md).
    stream_observe::TopicRunOptions topicRun;
    topicRun.run.job.watermark.kind = labs::WatermarkKind::BoundedOutOfOrderness;
    bool streamJob = false, haveWatermark = false, haveWindow = false;
    std::string sourceTopic;
    // The job's options as given, to apply them to the scenario's own stream_jobs when no job is given
    // on the command line; the names of the feed's and the job's options given, so that none is ignored.
    sim::ScenarioStreamJob jobOverride;
    std::vector<std::string> feedOptionsGiven, jobOptionsGiven;
    bool jobWatermarkGiven = false, jobWindowGiven = false, jobAggGiven = false, jobIntervalGiven = false,
         jobParallelismGiven = false, jobIdleGiven = false, jobLatenessGiven = false, jobEventTimeGiven = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto need = [&]() -> const std::string* {
            if (i + 1 >= args.size()) {
                io.err << "simulate: " << a << " needs a value\n";
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--seed") {
            const std::string* v = need();
            if (!v) return 2;
            std::uint64_t s = 0;
            const auto r = std::from_chars(v->data(), v->data() + v->size(), s);
            if (r.ec != std::errc() || r.ptr != v->data() + v->size()) {
                io.err << "simulate: --seed must be a whole number from 0 to 18446744073709551615, got '" << *v
                       << "'\n";
                return 2;
            }
            seed = s;
        } else if (a == "--until") {
            const std::string* v = need();
            if (!v) return 2;
            until = parseDuration(*v);
            if (!until || *until <= 0) {
                io.err << "simulate: --until expects a duration such as 60s, 5m or 1500ms, got '" << *v << "'\n";
                return 2;
            }
            if (*until > kMaxVirtualMs) {
                io.err << "simulate: --until is limited to 1h of virtual time (a longer run would take hours of "
                          "real time), got '"
                       << *v << "'\n";
                return 2;
            }
        } else if (a == "--journal") {
            const std::string* v = need();
            if (!v) return 2;
            journalPath = *v;
        } else if (a == "--trace-to-topic") {
            const std::string* v = need();
            if (!v) return 2;
            const std::size_t colon = v->rfind(':');
            if (colon == std::string::npos || colon == 0 || colon + 1 == v->size()) {
                io.err
                    << "simulate: --trace-to-topic expects TRACE:TOPIC (e.g. cliques_do_site:cliques), got '"
                    << *v << "'\n";
                return 2;
            }
            const std::string trace = v->substr(0, colon);
            topicRun.tracePath = resolveTraceFile(trace, {});
            // A bundled sample may be named without its extension ("sensores_iot").
            for (const char* ext : {".csv", ".jsonl"}) {
                std::error_code ec;
                if (std::filesystem::exists(topicRun.tracePath, ec)) break;
                topicRun.tracePath = resolveTraceFile(trace + ext, {});
            }
            if (std::error_code ec; !std::filesystem::exists(topicRun.tracePath, ec))
                topicRun.tracePath = trace;
            topicRun.topic = v->substr(colon + 1);
        } else if (a == "--trace-start" || a == "--idle-timeout" || a == "--allowed-lateness" ||
                   a == "--offset" || a == "--poll-interval") {
            const std::string* v = need();
            if (!v) return 2;
            const auto ms = stream_observe::parseDurationText(*v, a == "--offset");
            if (!ms || (a == "--poll-interval" && *ms <= 0)) {
                io.err << "simulate: " << a << " expects a duration such as 5s or 200ms, got '" << *v
                       << "'\n";
                return 2;
            }
            if (a == "--trace-start") topicRun.feedStart = *ms;
            if (a == "--idle-timeout") {
                topicRun.run.job.watermark.idleTimeout = *ms;
                jobOverride.idle_timeout_ms = *ms;
                jobIdleGiven = true;
            }
            if (a == "--allowed-lateness") {
                topicRun.run.job.window.allowedLateness = *ms;
                jobOverride.allowed_lateness_ms = *ms;
                jobLatenessGiven = true;
            }
            if (a == "--offset") topicRun.run.job.window.offset = *ms;
            if (a == "--poll-interval") topicRun.pollInterval = *ms;
            (a == "--trace-start" ? feedOptionsGiven : jobOptionsGiven).push_back(a);
        } else if (a == "--key" || a == "--time-field" || a == "--arrival-field") {
            const std::string* v = need();
            if (!v) return 2;
            (a == "--key"          ? topicRun.run.trace.keyField
             : a == "--time-field" ? topicRun.run.trace.timeField
                                   : topicRun.run.trace.arrivalField) = *v;
            feedOptionsGiven.push_back(a);
        } else if (a == "--time-format") {
            const std::string* v = need();
            if (!v) return 2;
            const auto f = traces::parseTimeFormatName(*v);
            if (!f) {
                io.err << "simulate: --time-format must be auto, epoch-ms, epoch-s, iso or sql, got '" << *v
                       << "'\n";
                return 2;
            }
            topicRun.run.trace.timeFormat = *f;
            feedOptionsGiven.push_back(a);
        } else if (a == "--on-error") {
            const std::string* v = need();
            if (!v) return 2;
            if (*v != "fail" && *v != "skip") {
                io.err << "simulate: --on-error must be fail or skip, got '" << *v << "'\n";
                return 2;
            }
            topicRun.run.trace.skipErrors = *v == "skip";
            feedOptionsGiven.push_back(a);
        } else if (a == "--stream-job") {
            streamJob = true;
        } else if (a == "--source-topic") {
            const std::string* v = need();
            if (!v) return 2;
            sourceTopic = *v;
        } else if (a == "--watermark" || a == "--window" || a == "--agg") {
            const std::string* v = need();
            if (!v) return 2;
            std::optional<std::string> problem;
            if (a == "--watermark") {
                const labs::WatermarkSpec keep = topicRun.run.job.watermark;
                problem = stream_observe::parseWatermarkOption(*v, topicRun.run.job.watermark);
                topicRun.run.job.watermark.perEvent = keep.perEvent;
                topicRun.run.job.watermark.interval = keep.interval;
                topicRun.run.job.watermark.idleTimeout = keep.idleTimeout;
                haveWatermark = true;
                jobOverride.watermark = *v;
                jobWatermarkGiven = true;
            } else if (a == "--window") {
                const labs::WindowSpec keep = topicRun.run.job.window;
                problem = stream_observe::parseWindowOption(*v, topicRun.run.job.window);
                topicRun.run.job.window.offset = keep.offset;
                topicRun.run.job.window.allowedLateness = keep.allowedLateness;
                haveWindow = true;
                jobOverride.window = *v;
                jobWindowGiven = true;
            } else {
                problem = stream_observe::parseAggOption(*v, topicRun.run);
                jobOverride.agg = *v;
                jobAggGiven = true;
            }
            jobOptionsGiven.push_back(a);
            if (problem) {
                io.err << "simulate: " << a << ": " << *problem << "\n";
                return 2;
            }
        } else if (a == "--watermark-interval") {
            const std::string* v = need();
            if (!v) return 2;
            if (*v == "per-event") {
                topicRun.run.job.watermark.perEvent = true;
            } else {
                const auto ms = stream_observe::parseDurationText(*v);
                if (!ms || *ms <= 0) {
                    io.err << "simulate: --watermark-interval must be positive, or per-event, got '" << *v
                           << "'\n";
                    return 2;
                }
                topicRun.run.job.watermark.perEvent = false;
                topicRun.run.job.watermark.interval = *ms;
            }
            jobOverride.watermark_interval = *v;
            jobIntervalGiven = true;
            jobOptionsGiven.push_back(a);
        } else if (a == "--parallelism") {
            const std::string* v = need();
            if (!v) return 2;
            int n = 0;
            const auto r = std::from_chars(v->data(), v->data() + v->size(), n);
            if (r.ec != std::errc() || r.ptr != v->data() + v->size() || n < 1 || n > 8) {
                io.err << "simulate: --parallelism must be an integer from 1 to 8, got '" << *v << "'\n";
                return 2;
            }
            topicRun.run.job.parallelism = n;
            jobOverride.parallelism = n;
            jobParallelismGiven = true;
            jobOptionsGiven.push_back(a);
        } else if (a == "--event-time") {
            const std::string* v = need();
            if (!v) return 2;
            if (*v == "timestamp") {
                topicRun.eventTime = labs::TopicEventTime::RecordTimestamp;
            } else if (v->rfind("field:", 0) == 0 && v->size() > 6) {
                topicRun.eventTime = labs::TopicEventTime::ValueField;
                topicRun.eventTimeField = v->substr(6);
            } else {
                io.err << "simulate: --event-time must be timestamp or field:NAME, got '" << *v << "'\n";
                return 2;
            }
            jobOverride.event_time = *v;
            jobEventTimeGiven = true;
            jobOptionsGiven.push_back(a);
        } else if (a.rfind("--", 0) == 0) {
            io.err << "simulate: unknown option '" << a << "'\n";
            return 2;
        } else if (file.empty()) {
            file = a;
        } else {
            io.err << "simulate: only one scenario file may be given\n";
            return 2;
        }
    }
    if (file.empty()) {
        io.err << "simulate: give a SCENARIO.json file or the name of a bundled scenario\n";
        return 2;
    }
    // A bundled scenario may be named as in the app's gallery ("rebalance-basico").
    if (const std::string bundled = resolveScenarioFile(file); !bundled.empty()) file = bundled;
    std::string text, readError;
    if (!readInputFile(file, text, readError)) {
        io.err << "simulate: " << readError << "\n";
        return 2;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        io.err << "simulate: '" << file << "' is empty; a scenario is a JSON object (see assets/scenarios)\n";
        return 2;
    }
    ScenarioError error;
    auto scenario = parseScenario(text, file, error);
    if (!scenario) {
        io.err << "simulate: " << scenarioErrorText(error) << "\n";
        return 2;
    }
    TimeMs target = until.value_or(scenario->duration_ms);
    if (target > kMaxVirtualMs) {
        io.err << "simulate: the scenario lasts " << hms(target) << "; running its first 1h of virtual time "
               << "only (the limit)\n";
        target = kMaxVirtualMs;
    }
    if (!sourceTopic.empty() && !streamJob) {
        io.err << "simulate: --source-topic belongs to a --stream-job\n";
        return 2;
    }
    if (streamJob && (!haveWatermark || !haveWindow)) {
        io.err
            << "simulate: --stream-job needs --watermark (e.g. bounded:5s) and --window (e.g. tumble:10s)\n";
        return 2;
    }
    if (streamJob && sourceTopic.empty() && topicRun.topic.empty()) {
        io.err << "simulate: --stream-job reads the topic of --trace-to-topic, or the one --source-topic "
                  "names\n";
        return 2;
    }
    if (!sourceTopic.empty() && !topicRun.topic.empty() && sourceTopic != topicRun.topic) {
        io.err << "simulate: the stream job reads the topic the trace is fed into ('" << topicRun.topic
               << "'), not '" << sourceTopic << "'\n";
        return 2;
    }
    if (!sourceTopic.empty()) topicRun.topic = sourceTopic;
    // No option is ignored: the feed's options need a feed; the job's options, without --stream-job,
    // change the scenario's own stream_jobs (as if written in the file), and need some.
    if (!feedOptionsGiven.empty() && topicRun.tracePath.empty()) {
        io.err << "simulate: " << feedOptionsGiven.front()
               << " belongs to --trace-to-topic (a scenario's own trace_feeds are set in its file)\n";
        return 2;
    }
    // --agg also names the value field a fed trace's records carry: with --trace-to-topic it is used.
    if (!topicRun.tracePath.empty())
        jobOptionsGiven.erase(std::remove(jobOptionsGiven.begin(), jobOptionsGiven.end(), "--agg"), jobOptionsGiven.end());
    if (!streamJob && !jobOptionsGiven.empty()) {
        if (!topicRun.topic.empty()) {
            io.err << "simulate: " << jobOptionsGiven.front()
                   << " belongs to --stream-job (the trace of --trace-to-topic replaces the scenario's "
                      "stream_jobs)\n";
            return 2;
        }
        if (scenario->stream_jobs.empty()) {
            io.err << "simulate: " << jobOptionsGiven.front() << " changes the scenario's stream jobs, and "
                   << file << " has none (give a job with --stream-job --source-topic TOPIC)\n";
            return 2;
        }
        for (const std::string& o : jobOptionsGiven) {
            if (o == "--offset" || o == "--poll-interval") {
                io.err << "simulate: " << o << " applies to a --stream-job only (a scenario's stream_jobs "
                       << "have no such field)\n";
                return 2;
            }
        }
        if (jobIdleGiven && jobOverride.idle_timeout_ms <= 0) {
            io.err << "simulate: --idle-timeout must be positive (a scenario's idle_timeout of 0 means none)\n";
            return 2;
        }
        for (sim::ScenarioStreamJob& job : scenario->stream_jobs) {
            if (jobWatermarkGiven) job.watermark = jobOverride.watermark;
            if (jobWindowGiven) job.window = jobOverride.window;
            if (jobAggGiven) job.agg = jobOverride.agg;
            if (jobIntervalGiven) job.watermark_interval = jobOverride.watermark_interval;
            if (jobParallelismGiven) job.parallelism = jobOverride.parallelism;
            if (jobIdleGiven) job.idle_timeout_ms = jobOverride.idle_timeout_ms;
            if (jobLatenessGiven) job.allowed_lateness_ms = jobOverride.allowed_lateness_ms;
            if (jobEventTimeGiven) job.event_time = jobOverride.event_time;
        }
    }
    std::string terminalError;
    const std::optional<SessionJournal> terminal = scenarioTerminal(*scenario, &terminalError);
    if (!terminalError.empty()) {
        io.err << "simulate: " << file << ": " << terminalError << "\n";
        return 2;
    }
    // A feed or job on the command line replaces the scenario's own (trace_feeds, stream_jobs).
    if (!topicRun.topic.empty()) {
        scenario->trace_feeds.clear();
        scenario->stream_jobs.clear();
    }
    stream_observe::resolveScenarioTraces(*scenario, file); // relative traces: the scenario's folder
    if (const auto problem = stream_observe::checkScenarioStreams(*scenario)) {
        io.err << "simulate: " << file << ": " << *problem << "\n";
        return 2;
    }
    const std::uint64_t s = seed.value_or(scenario->seed);
    Session session(*scenario, s);
    ScenarioRun& run = session.run();
    // The session attached the scenario's trace feeds and stream jobs (as the app's session does).
    const stream_observe::ScenarioStreams* scenarioStreams = session.streams();
    if (const std::string problem = session.streamsError(); !problem.empty()) {
        io.err << "simulate: " << file << ": " << problem << "\n";
        return 2;
    }
    std::unique_ptr<stream_observe::TopicStreamRun> topicStream;
    if (!topicRun.topic.empty()) {
        topicRun.readTopic = streamJob;
        topicStream = std::make_unique<stream_observe::TopicStreamRun>(run.sim(), topicRun);
        if (!topicStream->error().empty()) {
            io.err << "simulate: " << topicStream->error() << "\n";
            return 2;
        }
    }
    // The terminal's part of the action log (a scenario the app saved after terminal work): its
    // commands fire as the session's clock passes the times they were made, by the playback the
    // app's controller attaches when it opens the file (one path: labs::TerminalPlayback).
    std::unique_ptr<HeadlessTerminalPlayback> terminalPlayback;
    if (terminal) terminalPlayback = std::make_unique<HeadlessTerminalPlayback>(session, *terminal);
    if (target > kProgressAfterMs) {
        for (TimeMs t = kProgressStepMs; t < target; t += kProgressStepMs) {
            session.runUntil(t);
            io.err << "simulate: " << hms(t) << " of " << hms(target) << " of virtual time\n";
        }
    }
    session.runUntil(target);
    // The whole log runs, also the part made after `target`: the clock goes on to its last event
    // (where the commands still running are stopped), as a run of the log in the app gets there.
    while (const auto due = session.nextWorkAt()) session.runUntil(std::max(*due, session.now()));
    terminalPlayback.reset();
    if (topicStream && !topicStream->error().empty()) {
        io.err << "simulate: " << topicStream->error() << "\n";
        return 2;
    }
    if (scenarioStreams && !scenarioStreams->error().empty()) {
        io.err << "simulate: " << scenarioStreams->error() << "\n";
        return 2;
    }
    const Simulation& sim = run.sim();
    const Journal& j = sim.journal();

    std::ofstream out;
    if (!journalPath.empty()) {
        out.open(journalPath, std::ios::binary | std::ios::trunc);
        if (!out) {
            io.err << "simulate: cannot write the journal to '" << journalPath << "'\n";
            return 2;
        }
    }
    Sha256 hash;
    std::int64_t appended = 0, consumed = 0, acked = 0, failed = 0, rebalances = 0, elections = 0, firstLeaders = 0;
    // A new partition's first leader is not an election after a failure: counted apart.
    std::set<std::pair<std::int32_t, std::int32_t>> newPartitions;
    for (std::size_t i = 0; i < j.size(); ++i) {
        std::string line = j.toJson(i);
        line.push_back('\n');
        hash.update(line);
        if (out) out << line;
        const Event& e = j[i];
        if (e.family != kKafkaFamily) continue; // another engine's events are in the hash, not the Kafka counts
        switch (e.type) {
        case EventType::RecordsAppended: appended += e.b; break;
        case EventType::RecordsConsumed: consumed += e.b; break;
        case EventType::ProduceAcked: acked += e.b; break;
        case EventType::ProduceFailed:
            if (!e.flag) failed += e.b;
            break;
        case EventType::GenerationStarted: ++rebalances; break;
        case EventType::PartitionCreated: newPartitions.insert({e.topic, e.partition}); break;
        case EventType::LeaderElected:
            if (newPartitions.erase({e.topic, e.partition}) > 0) ++firstLeaders;
            else ++elections;
            break;
        default: break;
        }
    }
    if (out) {
        out.close();
        if (!out) {
            io.err << "simulate: writing the journal to '" << journalPath << "' failed\n";
            return 2;
        }
    }
    io.out << "scenario: " << scenario->name << "\n";
    io.out << "seed: " << s << "\n";
    io.out << "virtual time: " << sim.now() << " ms\n";
    io.out << "brokers: " << sim.brokers().size() << ", topics: " << sim.topics().size()
           << ", consumer groups: " << sim.groups().size() << "\n";
    io.out << "records appended: " << appended << ", acknowledged: " << acked << ", failed: " << failed
           << ", consumed: " << consumed << "\n";
    io.out << "leader elections: " << elections << " (besides the first leaders of " << firstLeaders
           << " new partition(s)), group generations: " << rebalances << "\n";
    for (const auto& [id, g] : sim.groups()) {
        // The sum of the LAG column kafka-consumer-groups --describe would print (sim/lag.h: not
        // clamped, "-" partitions without a leader add nothing), as the group_lag lab check sums it.
        std::int64_t lag = 0;
        for (const auto& [tp, off] : g.committed)
            if (const PartitionState* p = sim.partition(tp))
                lag += sim::consumerLag(off, sim::lagEndOffset(p->leader, p->high_watermark)).value_or(0);
        io.out << "group " << id << ": " << groupStateName(g.state) << ", generation " << g.generation << ", "
               << g.members.size() << " member(s), committed lag " << lag << "\n";
    }
    io.out << "events: " << j.size() << "\n";
    io.out << "journal-sha256: " << hash.hexDigest() << "\n";
    if (topicStream) {
        if (!topicRun.tracePath.empty())
            io.out << "trace fed into " << topicRun.topic << ": " << topicStream->fed() << " event(s)"
                   << (topicStream->feedDone() ? "" : " (the rest arrives after the end of the run)") << "\n";
        if (streamJob) {
            const auto& obs = topicStream->observation();
            io.out << "stream job on " << topicRun.topic << ": " << obs.partitions()
                   << " split(s), parallelism " << obs.parallelism() << ", watermark "
                   << stream_observe::watermarkText(obs.options.job.watermark) << ", window "
                   << stream_observe::windowText(obs.options.job.window) << jobExtrasText(obs.options.job)
                   << "\n";
            if (topicStream->skipped() > 0)
                io.out << "records not read: " << topicStream->skipped()
                       << " (first: " << topicStream->sourceSkipReason() << ")\n";
            io.out << obs.replayText();
        }
    }
    if (scenarioStreams) {
        for (std::size_t i = 0; i < scenarioStreams->feeds().size(); ++i) {
            const auto& feed = *scenarioStreams->feeds()[i];
            io.out << "trace fed into " << scenario->trace_feeds[i].topic << ": " << feed.fed() << " event(s)"
                   << (feed.feedDone() ? "" : " (the rest arrives after the end of the run)") << "\n";
        }
        for (std::size_t i = 0; i < scenarioStreams->jobs().size(); ++i) {
            const auto& job = *scenarioStreams->jobs()[i];
            const auto& obs = job.observation();
            io.out << "stream job " << scenarioStreams->jobIds()[i] << " on " << scenario->stream_jobs[i].topic
                   << ": " << obs.partitions() << " split(s), parallelism " << obs.parallelism() << ", watermark "
                   << stream_observe::watermarkText(obs.options.job.watermark) << ", window "
                   << stream_observe::windowText(obs.options.job.window) << jobExtrasText(obs.options.job)
                   << "\n";
            if (job.skipped() > 0)
                io.out << "records not read: " << job.skipped() << " (first: " << job.sourceSkipReason() << ")\n";
            io.out << obs.replayText();
        }
    }
    return 0;
}

} // namespace fluxolab::labs
