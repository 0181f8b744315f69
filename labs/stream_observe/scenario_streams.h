#pragma once
// A scenario's trace feeds and stream jobs (sim::Scenario::trace_feeds / stream_jobs) attached to its
// simulation: each feed is a trace produced into a topic (stream::TopicFeeder), each job a stream job
// reading a topic (stream::KafkaTopicSource), all on the simulation's scheduler and clock, so the Kafka
// view and the stream view animate one run. labs::Session owns one; fluxolab-cli simulate and the app
// see the same thing. Reading files is labs' job: the simulation only names the trace.

#include "labs/stream_observe/stream_observation.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

// Declared only: app/ includes this header and sees the scenario format through
// labs/backend/model_types.h (tests/layers/labs_sim_leaks.txt); the callers that fill or read these
// include sim/scenario_format.h themselves.
namespace fluxolab::sim {
struct Scenario;
struct ScenarioStreamJob;
struct ScenarioTraceFeed;
class Simulation;
} // namespace fluxolab::sim

namespace fluxolab::stream_observe {

/// The run options of a scenario's feed and job (English message with the JSON path on a problem; the
/// trace file itself is opened later, when the feed is attached).
std::optional<std::string> feedOptions(const sim::ScenarioTraceFeed& feed, std::size_t index,
                                       TopicRunOptions& out);
std::optional<std::string> jobOptions(const sim::ScenarioStreamJob& job, std::size_t index,
                                      TopicRunOptions& out);
/// Resolves each feed's relative `trace` against the folder of the scenario file it was read from
/// (`scenarioFile`): a file there (also with .csv or .jsonl added) becomes its absolute path; a bundled
/// trace named without a folder ("sensores_iot") stays as it is; anything else becomes the absolute path
/// in the scenario's folder, so that the message of a missing trace names the file that was looked for.
/// Absolute paths are left alone. Call it once after loading the file (the app, fluxolab-cli simulate).
void resolveScenarioTraces(sim::Scenario& scenario, const std::string& scenarioFile);
/// What checkScenarioStreams found, as data for a UI that words it itself (the returned English is
/// fluxolab-cli's): the field (a JSON pointer), the option and the value the file gave, or the
/// trace's own error.
struct ScenarioStreamProblem {
    enum class Kind : std::uint8_t {
        None,
        TimeFormat,        ///< a feed's time_format
        Watermark,         ///< a job's watermark (value)
        Window,            ///< a job's window (value)
        Agg,               ///< a job's agg (value)
        WatermarkInterval, ///< a job's watermark_interval (value)
        Job,               ///< the job's settings do not go together (job: labs::validateJob's code)
        Trace,             ///< a feed's trace cannot be read, or has a bad record met while feeding (trace)
        // Only when attached (ScenarioStreams::problem), from the feed's or job's TopicStreamRun:
        NoSuchTopic,       ///< value: the topic
        NoEventTimeField,  ///< event time from the value without the name of its field
        Internal,          ///< the topic source refused the job (source); not reachable from a file
        // While running, from a feed (path: its /trace_feeds/N/topic; value: the topic):
        FeedRefused,       ///< a send refused (kafka); count: trace events sent before it
        FeedNotDelivered,  ///< count trace records the producer gave up on (kafka; the first on partition)
    } kind = Kind::None;
    std::string path;  ///< e.g. "/stream_jobs/0/window"
    std::string value; ///< what the file gave
    labs::JobError job;
    traces::TraceError trace;
    labs::SourceError source; ///< Kind::Internal
    labs::ErrorCode kafka = labs::ErrorCode::NONE; ///< Feed kinds: Kafka's error
    int partition = -1;
    std::uint64_t count = 0;
};
/// Checks every feed and job of a scenario, including that each trace file can be found and read;
/// nothing when all is well. `detail`, when given, gets the problem as data.
std::optional<std::string> checkScenarioStreams(const sim::Scenario& scenario, ScenarioStreamProblem* detail = nullptr);

class ScenarioStreams {
public:
    /// Attaches the jobs, then the feeds (a job polls before a feed sends at the same millisecond, as
    /// with simulate --trace-to-topic --stream-job). On a problem error() says why; what was attached
    /// before it stays attached.
    ScenarioStreams(sim::Simulation& sim, const sim::Scenario& scenario);
    ~ScenarioStreams();
    ScenarioStreams(const ScenarioStreams&) = delete;
    ScenarioStreams& operator=(const ScenarioStreams&) = delete;

    /// The first problem (attaching, a bad trace record met while feeding, or a feed whose records the
    /// topic did not take: refused, or not delivered); empty when none.
    /// fluxolab-cli's English.
    std::string error() const;
    /// The same problem as data (Kind::None when none), for a UI that words it itself.
    ScenarioStreamProblem problem() const;
    bool empty() const { return m_jobs.empty() && m_feeds.empty(); }
    /// The jobs in the scenario's order (their observations grow as the simulation runs).
    const std::vector<std::unique_ptr<TopicStreamRun>>& jobs() const { return m_jobs; }
    const std::vector<std::unique_ptr<TopicStreamRun>>& feeds() const { return m_feeds; }
    const std::vector<std::string>& jobIds() const { return m_job_ids; }

private:
    std::vector<std::unique_ptr<TopicStreamRun>> m_jobs;
    std::vector<std::unique_ptr<TopicStreamRun>> m_feeds;
    std::vector<std::string> m_job_ids;
    std::string m_error;
    ScenarioStreamProblem m_problem;
};

} // namespace fluxolab::stream_observe
