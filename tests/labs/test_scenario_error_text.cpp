// fluxolab-cli's English for scenario file errors (labs/backend/scenario_errors.h): sim/ reports a
// code with its parameters; the text is made here, in one place, with the wording fluxolab-cli has
// always printed.
#include "labs/backend/scenario_errors.h"
#include "labs/backend/session.h"
#include "labs/stream_tool/stream_errors.h"
#include "labs/stream_observe/scenario_streams.h"
#include "sim/scenario.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using namespace fluxolab;
using Code = sim::ScenarioErrorCode;

namespace {
std::string textOf(const std::string& json, const std::string& file = "bad.json") {
    sim::ScenarioError err;
    const auto s = sim::parseScenario(json, file, err);
    REQUIRE_FALSE(s);
    return labs::scenarioErrorText(err);
}
} // namespace

TEST_SUITE("labs/scenario error text") {
    TEST_CASE("the English of each family is the text fluxolab-cli printed before the codes") {
        const std::string topics = "{\"cluster\": {\"brokers\": 3},\n\"topics\": [";
        const struct {
            std::string json;
            std::string text;
        } cases[] = {
            {"", "bad.json:1: the file is empty; a scenario is a JSON object (see assets/scenarios)"},
            {"{\"durationn\": 5}", "bad.json:1: /durationn: unknown field \"durationn\""},
            {"{\"cluster\": {\"brokers\": 12}}", "bad.json:1: /cluster/brokers: must be between 1 and 9"},
            {"{\"cluster\": {\"brokers\": \"x\"}}", "bad.json:1: /cluster/brokers: expected an integer"},
            {"{\"duration\": \"soon\"}",
             "bad.json:1: /duration: expected a duration such as \"250ms\", \"30s\", \"5m\" or a number of milliseconds"},
            {topics + "{\"name\": \"g\", \"partitions\": 10001}]}",
             "bad.json:2: /topics/0/partitions: Excessively large number of partitions per request."},
            {topics + "{\"name\": \"g\", \"partitions\": 9999, \"configs\": {\"retention.ms\": 1000}}]}",
             "bad.json:2: /topics/0/partitions: Unable to perform excessively large batch operation. (at most 9998 "
             "partitions with 1 config(s): a topic's metadata records may not exceed 10000)"},
            {topics + "{\"name\": \"g\", \"partitions\": 0}]}", "bad.json:2: /topics/0/partitions: must be between 1 and 9999"},
            {topics + "{\"name\": \"t\", \"configs\": {\"segment.bytes\": 1}}]}",
             "bad.json:2: /topics/0/configs/segment.bytes: Invalid value 1 for configuration segment.bytes: Value must "
             "be at least 1048576"},
            {topics + "{\"name\": \"t\"}, {\"name\": \"t\"}]}", "bad.json:2: /topics/1/name: Topic 't' already exists."},
            {topics + "{\"name\": \"t\", \"replication_factor\": 4}]}",
             "bad.json:2: /topics/0/replication_factor: Unable to replicate the partition 4 time(s): The target "
             "replication factor of 4 cannot be reached because only 3 broker(s) are registered or some brokers have "
             "all their log directories cordoned."},
            {"{\"topics\": [{\"name\": \"a\"}],\n\"actions\": [{\"at\": \"1s\", \"do\": \"remove_consumer\", \"consumer\": \"zz\"}]}",
             "bad.json:2: /actions/0/consumer: unknown consumer \"zz\" (declare it under \"consumers\" or add it with an "
             "earlier add_consumer action)"},
            {"{\"topics\": [{\"name\": \"a\"}],\n\"actions\": [{\"at\": \"1s\", \"do\": \"producer_rate\", \"producer\": \"q\", "
             "\"rate\": 1}]}",
             "bad.json:2: /actions/0/producer: unknown producer \"q\" (declare it under \"producers\")"},
            {"{\"producers\": [{\"id\": \"p\", \"topic\": \"nope\"}]}",
             "bad.json:1: /producers/0/topic: unknown topic \"nope\" (declare it under \"topics\")"},
            {"{\"topics\": [{\"name\": \"a\"}],\n\"actions\": [{\"at\": \"1s\", \"do\": \"explode\"}]}",
             "bad.json:2: /actions/0/do: unknown action \"explode\" (use stop_broker, crash_broker, start_broker, "
             "add_consumer, remove_consumer, crash_consumer, pause_consumer, alter_partitions, create_topic, "
             "delete_topic, producer_rate or elect_preferred_leaders)"},
            {"{\"consumers\": [{\"id\": \"c\", \"group\": \"g\", \"topics\": [\"t\"], \"assignor\": \"fair\"}]}",
             "bad.json:1: /consumers/0/assignor: unknown assignor \"fair\" (use range, roundrobin, sticky or "
             "cooperative-sticky)"},
            {"{\"terminal\": []}", "bad.json:1: /terminal: expected an object (the terminal's commands, as FluxoLab saves them)"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.json);
            CHECK(textOf(c.json) == c.text);
        }
        CHECK(textOf("{\n \"name\": \"x\",\n \"topics\": [ }\n").rfind("bad.json:3: invalid JSON: syntax error", 0) == 0);
        sim::ScenarioError err;
        CHECK_FALSE(sim::loadScenarioFile("/nonexistent/file.json", err));
        CHECK(labs::scenarioErrorText(err) == "/nonexistent/file.json: cannot open the file");
        CHECK(textOf("{\"name\": 5}", "") == "<scenario>:1: /name: expected a string");
    }

    TEST_CASE("every code has its English reason - distinct from the others'") {
        std::set<std::string> seen;
        for (int i = static_cast<int>(Code::None) + 1; i <= static_cast<int>(Code::Internal); ++i) {
            sim::ScenarioError e;
            e.code = static_cast<Code>(i);
            e.value = "V";
            e.low = "1";
            e.high = "9";
            e.detail = "D" + std::to_string(i); // Kafka's or the parser's own text, quoted as it is
            const std::string reason = labs::scenarioErrorReason(e);
            CAPTURE(i);
            CHECK_FALSE(reason.empty());
            CHECK(seen.insert(reason).second);
        }
    }

    TEST_CASE("a scenario's stream job or trace feed that cannot run: the field, the value and the English") {
        using Kind = stream_observe::ScenarioStreamProblem::Kind;
        const auto check = [](const std::string& json, Kind kind, const std::string& path, const std::string& value) {
            sim::ScenarioError err;
            auto s = sim::parseScenario(json, "s.json", err);
            REQUIRE_MESSAGE(s, labs::scenarioErrorText(err));
            stream_observe::ScenarioStreamProblem p;
            const auto english = stream_observe::checkScenarioStreams(*s, &p);
            REQUIRE(english);
            CHECK(p.kind == kind);
            CHECK(p.path == path);
            CHECK(p.value == value);
            CHECK(english->rfind(path + ": ", 0) == 0); // fluxolab-cli's text is unchanged: path, then the parser's reason
            return p;
        };
        const std::string topics = "{\"topics\": [{\"name\": \"s\"}], ";
        const std::string job = "\"stream_jobs\": [{\"id\": \"j\", \"topic\": \"s\", \"window\": ";
        check(topics + job + "\"tumble:0s\"}]}", Kind::Window, "/stream_jobs/0/window", "tumble:0s");
        check(topics + job + "\"tumble:1m\", \"watermark\": \"soon\"}]}", Kind::Watermark, "/stream_jobs/0/watermark", "soon");
        check(topics + job + "\"tumble:1m\", \"agg\": \"median:x\"}]}", Kind::Agg, "/stream_jobs/0/agg", "median:x");
        check(topics + job + "\"tumble:1m\", \"watermark_interval\": \"0s\"}]}", Kind::WatermarkInterval,
              "/stream_jobs/0/watermark_interval", "0s");
        const auto trace = check(topics + "\"trace_feeds\": [{\"trace\": \"/nao/existe.csv\", \"topic\": \"s\", "
                                          "\"pacing\": \"event_time\"}]}",
                                 Kind::Trace, "/trace_feeds/0/trace", "/nao/existe.csv");
        CHECK(trace.trace.code == traces::TraceErrorCode::NoSuchFile);
        // Settings that parse but make a job labs::validateJob refuses: its code and numbers, and the
        // English simulate printed before the codes.
        sim::ScenarioError err;
        auto s = sim::parseScenario(topics + job + "\"hop:7ms,1m\"}]}", "s.json", err);
        REQUIRE(s);
        stream_observe::ScenarioStreamProblem p;
        const auto english = stream_observe::checkScenarioStreams(*s, &p);
        REQUIRE(english);
        CHECK(p.kind == Kind::Job);
        CHECK(p.path == "/stream_jobs/0");
        CHECK(p.job.code == labs::JobErrorCode::TooManyHopWindows);
        CHECK(p.job.a == 60000);
        CHECK(p.job.b == 7);
        CHECK(p.job.c == 8572);
        CHECK(*english == "/stream_jobs/0: a sliding window of size 60000 ms and slide 7 ms puts every element in 8572 "
                          "windows; FluxoLab builds at most 1000 per element (size / slide <= 1000)");
    }

    TEST_CASE("a scenario's trace feed with a bad record met while running: ScenarioStreams::problem has its code") {
        // The feed's trace opens (a good header and first record), then line 3 is not a time: the
        // feeder stops there, at run time, and error() / problem() say so (the English, and the code with
        // the trace's line for a UI that words it itself).
        const auto dir = std::filesystem::temp_directory_path() / "fluxolab_scenario_streams_problem";
        std::filesystem::create_directories(dir);
        const std::string trace = (dir / "parte.csv").string();
        std::ofstream(trace) << "ts,key\n1000,a\nontem,b\n3000,c\n";
        sim::ScenarioError err;
        auto s = sim::parseScenario("{\"topics\": [{\"name\": \"s\"}], \"trace_feeds\": [{\"trace\": \"" + trace +
                                        "\", \"topic\": \"s\", \"pacing\": \"event_time\"}]}",
                                    "s.json", err);
        REQUIRE_MESSAGE(s, labs::scenarioErrorText(err));
        CHECK_FALSE(stream_observe::checkScenarioStreams(*s));
        labs::Session session(*s, 1);
        REQUIRE(session.streams());
        CHECK(session.streams()->problem().kind == stream_observe::ScenarioStreamProblem::Kind::None);
        session.runUntil(60000);
        CHECK(session.streamsError() == trace + ":3: " + std::string("time 'ontem' is neither epoch milliseconds (an integer, e.g. 1773478800000) nor a date-time (yyyy-MM-dd HH:mm:ss[.SSS], or ISO-8601 e.g. 2026-03-14T09:00:00Z); --time-format epoch-s reads epoch seconds"));
        const auto p = session.streams()->problem();
        CHECK(p.kind == stream_observe::ScenarioStreamProblem::Kind::Trace);
        CHECK(p.path == "/trace_feeds/0/trace");
        CHECK(p.trace.code == traces::TraceErrorCode::BadDate);
        CHECK(p.trace.line == 3);
        CHECK(p.trace.value == "ontem");
        std::filesystem::remove_all(dir);
    }
}
