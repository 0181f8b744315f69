// fluxolab-cli simulate --trace-to-topic / --stream-job: a trace fed into a simulated topic and a stream
// job reading the topic, on one clock (#10, docs/stream.pt.md).
#include "labs/backend/session.h"
#include "labs/backend/scenario_errors.h"
#include "labs/cli/cli_commands.h"
#include "labs/stream_observe/scenario_streams.h"
#include "sim/scenario.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using fluxolab::labs::Args;
using fluxolab::labs::runCli;

namespace {
struct Result {
    int code;
    std::string out;
    std::string err;
};
Result cli(const Args& args) {
    std::istringstream in;
    std::ostringstream out, err;
    const int code = runCli(args, {in, out, err});
    return {code, out.str(), err.str()};
}
std::string hashLine(const std::string& out) {
    const auto at = out.find("journal-sha256: ");
    return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
}
const Args kFeed = {"simulate",
                    "sensores-no-topico",
                    "--trace-to-topic",
                    "sensores_iot:sensores",
                    "--key",
                    "sensor",
                    "--arrival-field",
                    "arrival",
                    "--agg",
                    "avg:temperatura"};
Args withJob(Args extra = {}) {
    Args a = kFeed;
    for (const char* s :
         {"--stream-job", "--watermark", "bounded:10s", "--window", "tumble:1m", "--parallelism", "2"})
        a.push_back(s);
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}
bool has(const std::string& out, const std::string& line) {
    return out.find(line + "\n") != std::string::npos;
}
} // namespace

TEST_SUITE("labs/stream-topic") {
    TEST_CASE(
        "simulate feeds a trace into a topic and a job reading it sees the quiet sensor hold the watermark") {
        const Result r = cli(withJob());
        REQUIRE_MESSAGE(r.code == 0, r.err);
        CHECK(has(r.out, "records appended: 432, acknowledged: 432, failed: 0, consumed: 0"));
        CHECK(has(r.out, "trace fed into sensores: 432 event(s)"));
        CHECK(has(
            r.out,
            "stream job on sensores: 4 split(s), parallelism 2, watermark bounded:10s, window tumble:1m"));
        // 08:00 windows fire on time; sensor-3 (alone in its partition by murmur2) is quiet from 08:02 to
        // 08:06, so the 08:01 windows wait until it is back: the watermark jumps to 08:05:49.999.
        CHECK(has(r.out, "sensor-1,1773475200000,1773475260000,21.916666666666668,1773475259999,on-time"));
        CHECK(has(r.out, "sensor-1,1773475260000,1773475320000,21.558333333333334,1773475549999,on-time"));
        CHECK(has(r.out, "LATE,sensor-1,1773475655000,1773475679999"));
        CHECK(has(r.out, "SUMMARY,events=432,firings=32,late=5"));
        // Same input, same seed: the same output.
        CHECK(cli(withJob()).out == r.out);
    }

    TEST_CASE("simulate with withIdleness releases the quiet partition") {
        const Result r = cli(withJob({"--idle-timeout", "30s"}));
        REQUIRE_MESSAGE(r.code == 0, r.err);
        CHECK(has(r.out, "sensor-1,1773475260000,1773475320000,21.558333333333334,1773475330699,on-time"));
        CHECK_FALSE(
            has(r.out, "sensor-1,1773475260000,1773475320000,21.558333333333334,1773475549999,on-time"));
    }

    TEST_CASE("the Kafka journal hash is the same with and without the stream job") {
        const Result feedOnly = cli(kFeed);
        const Result both = cli(withJob());
        REQUIRE(feedOnly.code == 0);
        REQUIRE(both.code == 0);
        CHECK_FALSE(hashLine(feedOnly.out).empty());
        CHECK(hashLine(feedOnly.out) == hashLine(both.out));
        CHECK(feedOnly.out.find("stream job") == std::string::npos);
        // The same cluster without any feed: the fed records are Kafka traffic.
        fluxolab::sim::ScenarioError err;
        auto bare = fluxolab::sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/sensores-no-topico.json", err);
        REQUIRE_MESSAGE(bare, fluxolab::labs::scenarioErrorText(err));
        bare->trace_feeds.clear();
        bare->stream_jobs.clear();
        const auto path = std::filesystem::temp_directory_path() / "fluxolab-sensores-sem-traco.json";
        std::ofstream(path) << fluxolab::sim::scenarioToJson(*bare);
        const Result plain = cli({"simulate", path.string()});
        std::filesystem::remove(path);
        REQUIRE_MESSAGE(plain.code == 0, plain.err);
        CHECK(hashLine(plain.out) != hashLine(both.out));
    }

    TEST_CASE("the scenario's own trace feed and stream job are the command line's") {
        // sensores-no-topico says in its trace_feeds and stream_jobs what kFeed + withJob() say on the
        // command line: the same Kafka journal and the same firings, late elements and summary.
        const Result scenario = cli({"simulate", "sensores-no-topico"});
        const Result flags = cli(withJob());
        REQUIRE_MESSAGE(scenario.code == 0, scenario.err);
        REQUIRE_MESSAGE(flags.code == 0, flags.err);
        CHECK_FALSE(hashLine(scenario.out).empty());
        CHECK(hashLine(scenario.out) == hashLine(flags.out));
        CHECK(has(scenario.out, "trace fed into sensores: 432 event(s)"));
        CHECK(has(scenario.out, "stream job media-por-minuto on sensores: 4 split(s), parallelism 2, watermark "
                                "bounded:10s, window tumble:1m"));
        const auto replayPart = [](const std::string& out) {
            const auto at = out.find("\nstream job ");
            return at == std::string::npos ? std::string() : out.substr(out.find('\n', at + 1) + 1);
        };
        CHECK_FALSE(replayPart(scenario.out).empty());
        CHECK(replayPart(scenario.out) == replayPart(flags.out));
        CHECK(has(scenario.out, "sensor-1,1773475260000,1773475320000,21.558333333333334,1773475549999,on-time"));
        CHECK(has(scenario.out, "SUMMARY,events=432,firings=32,late=5"));
        // Another seed: the same trace, the same results (the trace decides; the cluster's draws do not).
        const Result seed2 = cli({"simulate", "sensores-no-topico", "--seed", "2"});
        REQUIRE(seed2.code == 0);
        CHECK(has(seed2.out, "SUMMARY,events=432,firings=32,late=5"));
    }

    TEST_CASE("the job's options on the command line change the scenario's own stream jobs") {
        // sensores-no-topico's description: "fluxolab-cli simulate ... --idle-timeout 30s" releases the
        // quiet partition, as "idle_timeout": "30s" in the file does (the 08:01 window fires at
        // 08:02:10.699, the first tick 30 s after sensor-3's last reading, not at 08:05:49.999).
        const Result r = cli({"simulate", "sensores-no-topico", "--idle-timeout", "30s"});
        REQUIRE_MESSAGE(r.code == 0, r.err);
        CHECK(has(r.out, "stream job media-por-minuto on sensores: 4 split(s), parallelism 2, watermark "
                         "bounded:10s, window tumble:1m, idle timeout 30s"));
        CHECK(has(r.out, "sensor-1,1773475260000,1773475320000,21.558333333333334,1773475330699,on-time"));
        fluxolab::sim::ScenarioError err;
        auto file =
            fluxolab::sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/sensores-no-topico.json", err);
        REQUIRE_MESSAGE(file, fluxolab::labs::scenarioErrorText(err));
        file->stream_jobs.at(0).idle_timeout_ms = 30000;
        const auto path = std::filesystem::temp_directory_path() / "fluxolab-sensores-idle.json";
        std::ofstream(path) << fluxolab::sim::scenarioToJson(*file);
        const Result inFile = cli({"simulate", path.string()});
        std::filesystem::remove(path);
        REQUIRE_MESSAGE(inFile.code == 0, inFile.err);
        CHECK(inFile.out.substr(inFile.out.find("\nstream job ")) == r.out.substr(r.out.find("\nstream job ")));
        // The others: each shown on the job line, or changing the firings.
        const Result more = cli({"simulate", "sensores-no-topico", "--watermark", "bounded:20s", "--window",
                                 "tumble:2m", "--allowed-lateness", "1m", "--parallelism", "1"});
        REQUIRE_MESSAGE(more.code == 0, more.err);
        CHECK(has(more.out, "stream job media-por-minuto on sensores: 4 split(s), parallelism 1, watermark "
                            "bounded:20s, window tumble:2m, allowed lateness 1m"));
    }

    TEST_CASE("a job's or feed's option with nothing to apply to is refused, not ignored") {
        const Result noJobs = cli({"simulate", "rebalance-basico", "--idle-timeout", "30s"});
        CHECK(noJobs.code == 2);
        CHECK(noJobs.err.find("--idle-timeout changes the scenario's stream jobs") != std::string::npos);
        const Result noFeed = cli({"simulate", "sensores-no-topico", "--key", "sensor"});
        CHECK(noFeed.code == 2);
        CHECK(noFeed.err.find("--key belongs to --trace-to-topic") != std::string::npos);
        const Result feedOnly = cli({"simulate", "sensores-no-topico", "--trace-to-topic", "sensores_iot:sensores",
                                     "--key", "sensor", "--idle-timeout", "30s"});
        CHECK(feedOnly.code == 2);
        CHECK(feedOnly.err.find("--idle-timeout belongs to --stream-job") != std::string::npos);
        const Result offset = cli({"simulate", "sensores-no-topico", "--offset", "10s"});
        CHECK(offset.code == 2);
        const Result zero = cli({"simulate", "sensores-no-topico", "--idle-timeout", "0s"});
        CHECK(zero.code == 2);
    }

    TEST_CASE("a session runs the scenario's feed and job - the same as simulate") {
        fluxolab::sim::ScenarioError err;
        auto scenario =
            fluxolab::sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/sensores-no-topico.json", err);
        REQUIRE_MESSAGE(scenario, fluxolab::labs::scenarioErrorText(err));
        fluxolab::labs::Session session(*scenario, scenario->seed);
        REQUIRE(session.streams());
        CHECK(session.streamsError().empty());
        REQUIRE(session.streams()->jobs().size() == 1);
        REQUIRE(session.streams()->feeds().size() == 1);
        session.runUntil(scenario->duration_ms);
        CHECK(session.streamsError().empty());
        CHECK(session.streams()->feeds()[0]->fed() == 432);
        const auto& obs = session.streams()->jobs()[0]->observation();
        CHECK(obs.partitions() == 4);
        CHECK(obs.parallelism() == 2);
        CHECK(obs.elements.size() == 432);
        const Result r = cli({"simulate", "sensores-no-topico"});
        REQUIRE(r.code == 0);
        CHECK(r.out.find(obs.replayText()) != std::string::npos);
    }

    TEST_CASE("every shipped scenario moves in a session - trace feeds included") {
        int count = 0;
        for (const auto& entry : std::filesystem::directory_iterator(FLUXOLAB_SOURCE_DIR "/assets/scenarios")) {
            if (entry.path().extension() != ".json") continue;
            CAPTURE(entry.path().string());
            fluxolab::sim::ScenarioError err;
            auto s = fluxolab::sim::loadScenarioFile(entry.path().string(), err);
            REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(err));
            CHECK_FALSE(fluxolab::stream_observe::checkScenarioStreams(*s));
            fluxolab::labs::Session session(*s, s->seed);
            session.runUntil(s->duration_ms);
            CHECK(session.streamsError().empty());
            CHECK(session.sim().journal().size() > 100);
            ++count;
        }
        CHECK(count >= 7);
    }

    TEST_CASE("journals of scenarios with a trace feed at seeds 1-5 match the committed hashes") {
        // The lines of tests/sim/golden/journal_hashes.txt that tests/sim cannot compute (it reads no trace).
        const std::filesystem::path golden = FLUXOLAB_SOURCE_DIR "/tests/sim/golden/journal_hashes.txt";
        std::vector<std::string> lines;
        {
            std::ifstream in(golden);
            for (std::string line; std::getline(in, line);)
                lines.push_back(line);
        }
        std::map<std::string, std::string> computed;
        for (const auto& entry : std::filesystem::directory_iterator(FLUXOLAB_SOURCE_DIR "/assets/scenarios")) {
            if (entry.path().extension() != ".json") continue;
            fluxolab::sim::ScenarioError err;
            auto s = fluxolab::sim::loadScenarioFile(entry.path().string(), err);
            REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(err));
            if (s->trace_feeds.empty()) continue;
            const std::string name = entry.path().stem().string();
            for (int seed = 1; seed <= 5; ++seed) {
                const Result r = cli({"simulate", name, "--seed", std::to_string(seed)});
                REQUIRE_MESSAGE(r.code == 0, r.err);
                computed[name + " " + std::to_string(seed)] = hashLine(r.out).substr(16);
            }
        }
        REQUIRE_FALSE(computed.empty());
        const char* update = std::getenv("FLUXOLAB_UPDATE_GOLDEN");
        if (update != nullptr && std::string(update) == "1") {
            std::ofstream out(golden, std::ios::binary | std::ios::trunc);
            for (const std::string& line : lines) {
                std::istringstream fields(line);
                std::string name, seed;
                fields >> name >> seed;
                const auto it = computed.find(name + " " + seed);
                out << (!line.empty() && line.front() != '#' && it != computed.end() ? name + " " + seed + " " + it->second : line)
                    << "\n";
            }
            MESSAGE("rewrote the trace-feed lines of " << golden.string());
            return;
        }
        for (const auto& entry : computed) {
            const std::string& key = entry.first; // a copy: doctest's macros are lambdas, which Clang 14 cannot make capture a binding
            const auto& hash = entry.second;
            const auto it = std::find_if(lines.begin(), lines.end(),
                                         [&](const std::string& l) { return l.rfind(key + " ", 0) == 0; });
            const std::string expected = it == lines.end() ? "<missing>" : it->substr(key.size() + 1);
            CHECK_MESSAGE(expected == hash, "journal of " << key << " changed (golden " << expected << ", now "
                                                          << hash << "); if deliberate, rerun with "
                                                                     "FLUXOLAB_UPDATE_GOLDEN=1 and commit it");
        }
    }

    TEST_CASE("a scenario with a bad trace feed or stream job is refused with its path") {
        const auto refused = [](const std::string& feeds, const std::string& message) {
            const std::string text = "{\"name\": \"x\", \"topics\": [{\"name\": \"s\", \"partitions\": 2}],\n" + feeds + "}";
            const auto path = std::filesystem::temp_directory_path() / "fluxolab-bad-feed.json";
            std::ofstream(path) << text;
            const Result r = cli({"simulate", path.string()});
            std::filesystem::remove(path);
            CHECK(r.code == 2);
            CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
            CHECK(r.out.empty());
        };
        refused("\"stream_jobs\": [{\"id\": \"j\", \"topic\": \"s\", \"window\": \"tumble:0s\"}]",
                "/stream_jobs/0/window: '0s' is not a positive duration");
        refused("\"stream_jobs\": [{\"id\": \"j\", \"topic\": \"s\", \"window\": \"tumble:1s\", \"watermark\": \"late:1s\"}]",
                "/stream_jobs/0/watermark: unknown watermark strategy 'late:1s'");
        refused("\"stream_jobs\": [{\"id\": \"j\", \"topic\": \"s\", \"window\": \"tumble:1s\", \"agg\": \"sum\"}]",
                "/stream_jobs/0/agg: sum needs a field");
        refused("\"stream_jobs\": [{\"id\": \"j\", \"topic\": \"s\", \"window\": \"tumble:1s\", \"watermark_interval\": \"0s\"}]",
                "/stream_jobs/0/watermark_interval: must be a positive duration or per-event");
        refused("\"trace_feeds\": [{\"trace\": \"nao-existe.csv\", \"topic\": \"s\", \"pacing\": \"event_time\"}]",
                "/trace_feeds/0/trace: ");
        refused("\"trace_feeds\": [{\"trace\": \"nao-existe.csv\", \"topic\": \"s\", \"pacing\": \"event_time\"}]",
                "nao-existe.csv");
        // A column the trace does not have: found while feeding, with the file and line.
        refused("\"trace_feeds\": [{\"trace\": \"sensores_iot\", \"topic\": \"s\", \"key\": \"nada\", \"pacing\": \"event_time\"}]",
                "nada");
    }

    TEST_CASE("a scenario's relative trace is read from the scenario's folder - not the working directory") {
        namespace fs = std::filesystem;
        const fs::path dir = fs::temp_directory_path() / "fluxolab-relative-trace";
        fs::remove_all(dir);
        fs::create_directories(dir / "tracos");
        fs::copy_file(FLUXOLAB_SOURCE_DIR "/tests/labs/data/pace.csv", dir / "tracos" / "meu.csv");
        const std::string text =
            "{\"name\": \"x\", \"duration\": \"10s\", \"topics\": [{\"name\": \"t\", \"partitions\": 1,\n"
            "\"configs\": {\"message.timestamp.after.max.ms\": \"1000000000000000\"}}],\n"
            "\"trace_feeds\": [{\"trace\": \"tracos/meu.csv\", \"topic\": \"t\", \"key\": \"k\","
            " \"pacing\": \"event_time\"}],\n"
            "\"stream_jobs\": [{\"id\": \"j\", \"topic\": \"t\", \"window\": \"tumble:1s\", \"watermark\": \"bounded:0s\"}]}";
        std::ofstream(dir / "cenario.json") << text;
        // The working directory is elsewhere (the build folder): the trace is found next to the scenario.
        REQUIRE_FALSE(fs::exists(fs::current_path() / "tracos" / "meu.csv"));
        const Result ok = cli({"simulate", (dir / "cenario.json").string()});
        CHECK_MESSAGE(ok.code == 0, ok.err);
        CHECK_MESSAGE(ok.out.find("SUMMARY,events=4") != std::string::npos, ok.out);
        // resolveScenarioTraces: the absolute path in the scenario's folder; a bundled name stays a name.
        fluxolab::sim::ScenarioError err;
        auto s = fluxolab::sim::parseScenario(text, (dir / "cenario.json").string(), err);
        REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(err));
        fluxolab::stream_observe::resolveScenarioTraces(*s, (dir / "cenario.json").string());
        CHECK(s->trace_feeds[0].trace == (dir / "tracos" / "meu.csv").string());
        s->trace_feeds[0].trace = "sensores_iot";
        fluxolab::stream_observe::resolveScenarioTraces(*s, (dir / "cenario.json").string());
        CHECK(s->trace_feeds[0].trace == "sensores_iot");
        // Missing: refused with the full path that was looked for, no crash.
        fs::remove(dir / "tracos" / "meu.csv");
        const Result missing = cli({"simulate", (dir / "cenario.json").string()});
        CHECK(missing.code == 2);
        CHECK_MESSAGE(missing.err.find("/trace_feeds/0/trace: " + (dir / "tracos" / "meu.csv").string() +
                                       ": no such file") != std::string::npos,
                      missing.err);
        fs::remove_all(dir);
    }

    TEST_CASE("a trace fed by event time is sent at its event times") {
        // pagamentos by event time into a 1-partition topic: the first event at 0 s of simulation time, each
        // other one its event-time distance later (an earlier one goes with the one before it).
        const std::string text =
            "{\"name\": \"x\", \"duration\": \"10s\", \"topics\": [{\"name\": \"t\", \"partitions\": 1,\n"
            "\"configs\": {\"message.timestamp.after.max.ms\": \"1000000000000000\"}}],\n"
            "\"trace_feeds\": [{\"trace\": \"" FLUXOLAB_SOURCE_DIR "/tests/labs/data/pace.csv\", \"topic\": \"t\","
            " \"key\": \"k\", \"pacing\": \"event_time\"}],\n"
            "\"stream_jobs\": [{\"id\": \"j\", \"topic\": \"t\", \"window\": \"tumble:1s\", \"watermark\": \"bounded:0s\"}]}";
        fluxolab::sim::ScenarioError err;
        auto s = fluxolab::sim::parseScenario(text, "pace.json", err);
        REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(err));
        REQUIRE_FALSE(fluxolab::stream_observe::checkScenarioStreams(*s));
        fluxolab::labs::Session session(*s, 1);
        REQUIRE(session.streamsError().empty());
        session.runUntil(10000);
        CHECK(session.streamsError().empty());
        const auto& obs = session.streams()->jobs()[0]->observation();
        REQUIRE(obs.elements.size() == 4);
        // pace.csv: ts 1000, 3500, 2000 (earlier: sent with 3500), 6000. The source polls every 100 ms and
        // a record is readable once replicated (below the high watermark), so it is read at the first poll
        // at or after its send: 0 ms, 2500 ms, 2500 ms, 5000 ms sent -> read within the next 100 ms poll.
        const std::vector<long long> sent = {0, 2500, 2500, 5000};
        for (std::size_t i = 0; i < 4; ++i) {
            CAPTURE(i);
            CHECK(obs.elements[i].arrival >= sent[i]);
            CHECK(obs.elements[i].arrival <= sent[i] + 100);
        }
        CHECK(obs.elements[1].arrival == obs.elements[2].arrival);
        CHECK(obs.elements[0].eventTime == 1000);
        CHECK(obs.elements[2].eventTime == 2000);
    }

    // A feed whose topic cannot take its records must say so (#8/#10): before, TopicFeeder's failure never
    // reached TopicStreamRun::error() / ScenarioStreams::problem() and was lost without a word.
    // pace.csv paced by event time: sends at 0, 2500, 2500 and 5000 ms of simulation time.
    static std::string paceScenario(bool autoCreate, int brokers = 1) {
        return std::string("{\"name\": \"x\", \"duration\": \"10s\", \"cluster\": {\"brokers\": ") + std::to_string(brokers) +
               std::string(", \"configs\": "
                           "{\"auto.create.topics.enable\": \"") +
               (autoCreate ? "true" : "false") +
               "\"}},\n\"topics\": [{\"name\": \"t\", \"partitions\": 1,\n"
               "\"configs\": {\"message.timestamp.after.max.ms\": \"1000000000000000\"}}],\n"
               "\"trace_feeds\": [{\"trace\": \"" FLUXOLAB_SOURCE_DIR "/tests/labs/data/pace.csv\", \"topic\": \"t\","
               " \"key\": \"k\", \"pacing\": \"event_time\"}]}";
    }

    TEST_CASE("a fed trace whose topic is deleted is told: the send refused, with the count sent before") {
        fluxolab::sim::ScenarioError err;
        auto s = fluxolab::sim::parseScenario(paceScenario(false), "pace.json", err);
        REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(err));
        fluxolab::labs::Session session(*s, 1);
        REQUIRE(session.streamsError().empty());
        session.runUntil(1000);
        REQUIRE(session.streams()->feeds()[0]->fed() == 1);
        CHECK(session.streamsError().empty());
        REQUIRE(session.sim().deleteTopic("t").ok());
        session.runUntil(10000);
        const auto& feed = *session.streams()->feeds()[0];
        CHECK(feed.fed() == 1);
        CHECK(feed.feedDone());
        // Kafka's answer to a produce to a topic that is gone, with auto-creation off.
        CHECK(feed.error() == "sending to 't' failed: UNKNOWN_TOPIC_OR_PARTITION");
        CHECK(feed.errorInfo().kind == fluxolab::stream_observe::TopicRunError::Kind::FeedRefused);
        CHECK(feed.errorInfo().kafka == fluxolab::sim::ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
        CHECK(feed.errorInfo().count == 1);
        CHECK(session.streamsError() == "sending to 't' failed: UNKNOWN_TOPIC_OR_PARTITION");
        const auto problem = session.streams()->problem();
        CHECK(problem.kind == fluxolab::stream_observe::ScenarioStreamProblem::Kind::FeedRefused);
        CHECK(problem.path == "/trace_feeds/0/topic");
        CHECK(problem.value == "t");
        CHECK(problem.count == 1);
    }

    TEST_CASE("a fed trace whose topic has no leader is told once delivery.timeout.ms gives the records up") {
        fluxolab::sim::ScenarioError err;
        // Two brokers: the other one still answers, so the producer keeps its metadata (with a single
        // broker it would rebootstrap and its send() calls would wait for metadata instead).
        auto s = fluxolab::sim::parseScenario(paceScenario(true, 2), "pace.json", err);
        REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(err));
        fluxolab::labs::Session session(*s, 1);
        REQUIRE(session.streamsError().empty());
        session.runUntil(1000);
        REQUIRE(session.streams()->feeds()[0]->fed() == 1);
        const fluxolab::sim::BrokerId leader = session.sim().topic("t")->partitions[0].leader;
        REQUIRE(leader >= 1);
        session.sim().stopBroker(leader, true); // the only replica: partition t-0 has no leader
        session.runUntil(6000);
        const auto& feed = *session.streams()->feeds()[0];
        CHECK(feed.fed() == 4);        // send() takes them: the producer buffers and retries
        CHECK(feed.error().empty());   // not failed yet: retried until delivery.timeout.ms
        // delivery.timeout.ms (120 000 ms, the producer's default) after the last batch was made at 5000 ms.
        session.runUntil(5000 + 120000 + 1000);
        CHECK(feed.errorInfo().kind == fluxolab::stream_observe::TopicRunError::Kind::FeedNotDelivered);
        CHECK(feed.errorInfo().kafka == fluxolab::sim::ErrorCode::CLIENT_DELIVERY_TIMEOUT);
        CHECK(feed.errorInfo().partition == 0);
        CHECK(feed.errorInfo().count == 3); // the three sent after the crash; the first was delivered
        CHECK(feed.error() == "3 record(s) of the trace were not delivered to 't': DELIVERY_TIMEOUT (the first on "
                              "partition 0)");
        const auto problem = session.streams()->problem();
        CHECK(problem.kind == fluxolab::stream_observe::ScenarioStreamProblem::Kind::FeedNotDelivered);
        CHECK(problem.path == "/trace_feeds/0/topic");
        CHECK(problem.count == 3);
        // What the journal says the producer gave up on is what the feed reports: nothing lost in between.
        std::int64_t failed = 0;
        const auto& j = session.sim().journal();
        for (std::size_t i = 0; i < j.size(); ++i)
            if (j[i].family == fluxolab::sim::kKafkaFamily && j[i].type == fluxolab::sim::EventType::ProduceFailed &&
                j[i].flag == 0)
                failed += j[i].b;
        CHECK(failed == 3);
    }

    TEST_CASE("a fed trace whose only broker died: each send() waits max.block.ms for metadata, then fails") {
        fluxolab::sim::ScenarioError err;
        auto s = fluxolab::sim::parseScenario(paceScenario(true), "pace.json", err);
        REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(err));
        fluxolab::labs::Session session(*s, 1);
        session.runUntil(1000);
        REQUIRE(session.streams()->feeds()[0]->fed() == 1);
        session.sim().stopBroker(1, true); // no broker left: the client rebootstraps, no topic is known
        session.runUntil(6000 + 3 * 60000 + 1000);
        const auto& feed = *session.streams()->feeds()[0];
        CHECK(feed.fed() == 4);
        CHECK(feed.errorInfo().kind == fluxolab::stream_observe::TopicRunError::Kind::FeedNotDelivered);
        CHECK(feed.errorInfo().kafka == fluxolab::sim::ErrorCode::CLIENT_METADATA_TIMEOUT);
        CHECK(feed.errorInfo().count == 3);
        // "Topic t not present in metadata after 60000 ms.": the first blocked send() 60 s after it was
        // called, each next one 60 s after the previous gave up (the caller's thread was blocked).
        std::vector<fluxolab::sim::TimeMs> failedAt;
        const auto& j = session.sim().journal();
        for (std::size_t i = 0; i < j.size(); ++i)
            if (j[i].family == fluxolab::sim::kKafkaFamily && j[i].type == fluxolab::sim::EventType::ProduceFailed) {
                CHECK(j[i].error == fluxolab::sim::ErrorCode::CLIENT_METADATA_TIMEOUT);
                failedAt.push_back(j[i].time);
            }
        REQUIRE(failedAt.size() == 3);
        CHECK(failedAt[0] > 1000 + 60000);
        CHECK(failedAt[0] <= 6000 + 60000);
        CHECK(failedAt[1] == failedAt[0] + 60000);
        CHECK(failedAt[2] == failedAt[1] + 60000);
    }

    TEST_CASE("simulate rejects a bad feed or job with one line and exit 2") {
        const auto bad = [](Args args, const std::string& message) {
            const Result r = cli(args);
            CHECK(r.code == 2);
            CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
            CHECK(r.out.empty());
        };
        bad({"simulate", "sensores-no-topico", "--trace-to-topic", "sensores_iot"}, "expects TRACE:TOPIC");
        bad({"simulate", "sensores-no-topico", "--trace-to-topic", "nao-existe.csv:sensores"},
            "nao-existe.csv");
        bad({"simulate", "sensores-no-topico", "--trace-to-topic", "sensores_iot:outro", "--key", "sensor"},
            "topic 'outro' does not exist");
        bad({"simulate", "sensores-no-topico", "--stream-job", "--watermark", "bounded:1s", "--window",
             "tumble:1m"},
            "--stream-job reads the topic");
        bad({"simulate", "sensores-no-topico", "--trace-to-topic", "sensores_iot:sensores", "--stream-job"},
            "needs --watermark");
        bad({"simulate", "sensores-no-topico", "--source-topic", "sensores"}, "belongs to a --stream-job");
        bad({"simulate", "sensores-no-topico", "--source-topic", "sensores", "--stream-job", "--watermark",
             "bounded:1s", "--window", "tumble:1m", "--parallelism", "9"},
            "--parallelism must be an integer from 1 to 8");
        bad({"simulate", "sensores-no-topico", "--source-topic", "sensores", "--stream-job", "--watermark",
             "bounded:1s", "--window", "tumble:1m", "--event-time", "campo"},
            "--event-time must be timestamp or field:NAME");
        // A trace record that cannot be read while feeding: file and line.
        bad({"simulate", "sensores-no-topico", "--trace-to-topic", "sensores_iot:sensores", "--key", "nada"},
            "nada");
    }

    TEST_CASE("a stream job reads what the scenario itself produces") {
        const Result r =
            cli({"simulate", "rebalance-basico", "--until", "20s", "--stream-job", "--source-topic",
                 "encomendas", "--watermark", "bounded:0s", "--window", "tumble:5s", "--idle-timeout", "2s"});
        // (A partition of encomendas gets no record in these 20 s: assigned at the start, its split
        // holds the watermark at -inf until idleness releases it.)
        REQUIRE_MESSAGE(r.code == 0, r.err);
        CHECK(r.out.find("stream job on encomendas: 6 split(s), parallelism 1") != std::string::npos);
        CHECK(r.out.find("SUMMARY,events=") != std::string::npos);
        CHECK(r.out.find(",on-time\n") != std::string::npos);
        CHECK(hashLine(r.out) == hashLine(cli({"simulate", "rebalance-basico", "--until", "20s"}).out));
    }
}
