// Regression tests for what the libFuzzer harnesses (tests/fuzz) found; each input is also kept in
// tests/fuzz/corpus/<harness>/.
#include "labs/lab_engine/lab_engine.h"
#include "labs/backend/scenario_errors.h"
#include "labs/shell/script_runner.h"
#include "labs/session/session_journal.h"
#include "labs/backend/sim_backend.h"
#include "sim/scenario.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>

using namespace fluxolab;

namespace {
bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string journalWith(const std::string& events) {
    return R"({"format":1,"lab":"topicos-particoes-offsets","seed":1,"events":[)" + events + "]}";
}
} // namespace

TEST_SUITE("labs/fuzz regressions") {
    TEST_CASE("fuzz_scenario: a number too large for a double is invalid JSON - not an exception") {
        // crash-number-overflow.json: json::parse throws out_of_range (406), which parseScenario let through.
        sim::ScenarioError error;
        std::optional<sim::Scenario> s;
        CHECK_NOTHROW(
            s = sim::parseScenario(R"({"name": "x", "cluster": {"brokers": 31e308}})", "x.json", error));
        CHECK_FALSE(s);
        CHECK(error.code == sim::ScenarioErrorCode::JsonNumberTooLarge);
        CHECK(has(labs::scenarioErrorText(error), "invalid JSON: number overflow parsing '31e308'"));
        CHECK(has(labs::scenarioErrorText(error), "x.json"));
    }

    TEST_CASE("fuzz_scenario: the same number in a lab file is a lab error") {
        labs::LabLoadResult r;
        CHECK_NOTHROW(r = labs::parseLab(R"({"id": "x", "version": 1e999})", "x.json"));
        CHECK_FALSE(r.lab);
        REQUIRE(r.errors.size() == 1);
        CHECK(has(r.errors[0].message, "not valid JSON"));
    }

    TEST_CASE("fuzz_session_journal: an event time years ahead is refused instead of replayed for hours") {
        // timeout-event-years-ahead.json: the replay let the fresh cluster's clock run to 2080.
        const std::string start =
            R"({"type":"start","tab":0,"at_ms":1735689600000,"argv":["kafka-topics.sh","--list"]})";
        std::string error;
        CHECK(labs::SessionJournal::fromJson(journalWith(start), &error));
        const std::string ahead =
            R"({"type":"start","tab":0,"at_ms":3471379217000,"argv":["kafka-topics.sh","--list"]})";
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(start + "," + ahead), &error));
        CHECK(error == "event time out of range");
        const std::string before =
            R"({"type":"start","tab":0,"at_ms":-5,"argv":["kafka-topics.sh","--list"]})";
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(before), &error));
        // Ticks whose product overflowed (undefined behaviour) before the range check.
        const std::string overflow =
            R"({"type":"tick","tab":0,"at_ms":1735689600000,"tick_ms":4611686018427387904,"count":4})";
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(overflow), &error));
        CHECK(error == "tick out of range");
        // Many ticks of a day each: the journal as a whole covers at most a day.
        const std::string day =
            R"({"type":"tick","tab":0,"at_ms":1735689600000,"tick_ms":86400000,"count":1})";
        CHECK(labs::SessionJournal::fromJson(journalWith(day), &error));
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(day + "," + day), &error));
        CHECK(error == "the journal covers more than a day of cluster time");
    }

    TEST_CASE(
        "fuzz_session_journal: a floating-point time is refused - not converted with undefined behaviour") {
        // crash-float-time.json: get<TimeMs>() of 1.73569e+22 (UBSan: outside the range of 'long').
        std::string error;
        const std::string floatTime =
            R"({"type":"start","tab":0,"at_ms":1.73569e22,"argv":["kafka-topics.sh","--list"]})";
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(floatTime), &error));
        CHECK(error == "journal is malformed: at_ms is not an integer");
        const std::string floatTab =
            R"({"type":"start","tab":1e300,"at_ms":1735689600000,"argv":["kafka-topics.sh","--list"]})";
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(floatTab), &error));
        CHECK(error == "journal is malformed: tab is not an integer");
        const std::string bigTab =
            R"({"type":"start","tab":4294967296,"at_ms":1735689600000,"argv":["kafka-topics.sh","--list"]})";
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(bigTab), &error));
        CHECK(error == "journal is malformed: tab out of range");
        const std::string note =
            R"({"type":"record","tab":0,"at_ms":1735689600000,"entry":{"kind":"echo","argv":["echo"],)"
            R"("exit_code":0,"at_ms":1735689600000,"notes":[1e300]}})";
        CHECK_FALSE(labs::SessionJournal::fromJson(journalWith(note), &error));
        CHECK(error == "unknown teaching note");
    }

    TEST_CASE("fuzz_lab_progress: floating-point step numbers are refused") {
        const labs::LabLoadResult r =
            labs::loadLabFile(FLUXOLAB_SOURCE_DIR "/labs/content/01-topicos-particoes-offsets.json");
        REQUIRE(r.lab);
        labs::SimBackend backend(1, 1);
        labs::LabEngine engine(*r.lab, backend);
        std::string progress = engine.saveProgress();
        std::string error;
        CHECK(engine.restoreProgress(progress, &error));
        const auto pos = progress.find("\"current_step\": 0");
        REQUIRE(pos != std::string::npos);
        progress.replace(pos, 17, "\"current_step\": 1e300");
        CHECK_FALSE(engine.restoreProgress(progress, &error));
        CHECK(error == "current_step is not an integer");
    }

    TEST_CASE("fuzz_kafka_console_producer: a consumer polling a partition its topic no longer has") {
        // crash-poll-deleted-partition.sh (ASan: heap-buffer-overflow in Simulation::consumerPoll):
        // replayed as the harness runs it. Fails under the sanitizer build without the fix.
        std::ifstream in(FLUXOLAB_SOURCE_DIR "/tests/fuzz/corpus/fuzz_kafka_console_producer/crash-poll-deleted-partition.sh",
                         std::ios::binary);
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        labs::ParsedScript script = labs::parseScript(text.str());
        REQUIRE_FALSE(script.error);
        labs::SimBackend backend(7, 3);
        labs::ScriptOptions options;
        options.think_ms = 1000;
        options.idle_interrupt_ms = 2000;
        options.max_foreground_ms = 20000;
        labs::ScriptRunner runner(backend, options);
        std::string transcript;
        runner.run(labs::parseScript("kafka-topics.sh --bootstrap-server localhost:9092 --create --topic demo "
                                     "--partitions 3 --replication-factor 2\n"
                                     "kafka-console-producer.sh --bootstrap-server localhost:9092 --topic demo "
                                     "--property parse.key=true --property key.separator=: <<EOF\n"
                                     "a:1\nb:2\nc:3\na:4\nEOF\n"),
                   transcript);
        std::size_t n = 0;
        for (auto& cmd : script.commands) {
            if (n++ >= 12) break;
            const std::string& w = cmd.argv.front();
            if (labs::KafkaCli::toolName(w).empty() && w != "sleep" && w != "echo" && w != "kill")
                cmd.argv.insert(cmd.argv.begin(), "kafka-console-producer.sh");
            runner.runCommand(cmd, transcript);
        }
        runner.stopAll(transcript);
        CHECK_FALSE(transcript.empty());
    }

    TEST_CASE("script sleep: NaN - infinity and more than an hour are invalid time intervals") {
        labs::SimBackend backend(1, 1);
        labs::ScriptRunner runner(backend);
        std::string transcript;
        const auto t0 = backend.nowMs();
        runner.run(labs::parseScript("sleep nan\nsleep inf\nsleep 1e300\nsleep 3601\n"), transcript);
        CHECK(has(transcript, "sleep: invalid time interval 'nan'\n"));
        CHECK(has(transcript, "sleep: invalid time interval 'inf'\n"));
        CHECK(has(transcript, "sleep: invalid time interval '1e300'\n"));
        CHECK(has(transcript, "sleep: invalid time interval '3601'\n"));
        CHECK(backend.nowMs() == t0);
        for (const auto& h : runner.history())
            CHECK(h.exit_code == 1);
        runner.run(labs::parseScript("sleep 2.5\n"), transcript);
        CHECK(backend.nowMs() == t0 + 2500);
    }
}
