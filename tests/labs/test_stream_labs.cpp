// The stream labs (labs/content/04-07): `fluxolab-cli replay` typed in a script or the terminal runs the
// same code as the real fluxolab-cli, and the stream checks (stream_run, stream_window, stream_late,
// stream_alert, stream_recovered) read what it printed.
#include "labs/backend/sim_backend.h"
#include "labs/cli/cli_commands.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/lab_engine/check_evaluators.h"
#include "labs/lab_engine/check_reason_text.h"
#include "labs/lab_engine/lab_engine.h"
#include "labs/shell/script_runner.h"
#include "labs/shell/shell_parser.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace fluxolab::labs;

namespace {
const std::string kSrc = FLUXOLAB_SOURCE_DIR;

std::string readText(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

const std::string kCliques = "fluxolab-cli replay assets/traces/cliques_do_site.csv --key pagina --watermark bounded:5s "
                             "--window tumble:1m --watermark-interval per-event";

/// Runs a script and returns its history (what the checks see).
std::vector<HistoryEntry> runScript(const std::string& text, std::string* transcript = nullptr) {
    SimBackend backend(1, 1);
    ScriptRunner runner(backend);
    std::string out;
    const ParsedScript ps = parseScript(text);
    REQUIRE_FALSE(ps.error.has_value());
    runner.run(ps, out);
    if (transcript) *transcript = out;
    return runner.history();
}

CheckResult check(const std::string& json_check, const std::vector<HistoryEntry>& history) {
    const std::string lab = R"({"id":"t","version":1,"title":{"pt":"t","en":"t"},"level":"beginner","duration_minutes":5,
        "objectives":[{"pt":"o","en":"o"}],"steps":[{"id":"s","title":{"pt":"t","en":"t"},"instructions":{"pt":"i","en":"i"},
        "explanation":{"pt":"e","en":"e"},"check":)" + json_check + "}]}";
    const LabLoadResult l = parseLab(lab);
    for (const auto& e : l.errors) FAIL(formatLabError(e));
    REQUIRE(l.lab);
    SimBackend backend(1, 1);
    return evaluateCheck(l.lab->steps[0].check, CheckContext{backend, history, 0});
}
} // namespace

TEST_SUITE("labs/stream") {
    TEST_CASE("fluxolab-cli replay in a script prints what the real fluxolab-cli prints") {
        std::string transcript;
        const auto history = runScript(kCliques + "\n", &transcript);
        REQUIRE(history.size() == 1);
        CHECK(history[0].kind == "replay");
        CHECK(history[0].exit_code == 0);
        // The same arguments through fluxolab-cli's own entry point (runCli), with the trace's full path.
        std::istringstream in;
        std::ostringstream out, err;
        Args args = {"replay", kSrc + "/assets/traces/cliques_do_site.csv", "--key", "pagina", "--watermark", "bounded:5s",
                     "--window", "tumble:1m", "--watermark-interval", "per-event"};
        REQUIRE(runCli(args, {in, out, err}) == 0);
        CHECK(history[0].output == out.str());
        CHECK(transcript == "$ " + kCliques + "\n" + out.str());
        CHECK(out.str().find("SUMMARY,events=313,firings=20,late=6\n") != std::string::npos);
    }

    TEST_CASE("bad replay input gives the tool's message and exit code 2 - other subcommands are refused") {
        std::string transcript;
        const auto history = runScript("fluxolab-cli replay nao_existe.csv --watermark bounded:5s --window tumble:1m\n"
                                       "fluxolab-cli replay assets/traces/pagamentos.csv --window tumble:1m\n"
                                       "fluxolab-cli lab list\n"
                                       "build/labs/fluxolab-cli\n",
                                       &transcript);
        REQUIRE(history.size() == 4);
        CHECK(history[0].exit_code == 2);
        CHECK(transcript.find("replay: ") != std::string::npos);
        CHECK(history[1].exit_code == 2);
        CHECK(transcript.find("replay: --watermark is required") != std::string::npos);
        CHECK(history[2].exit_code == 2);
        CHECK(history[3].exit_code == 2);
        CHECK(transcript.find("in this terminal only 'fluxolab-cli replay TRACE ...' runs") != std::string::npos);
        CHECK(history[0].output.empty());
    }

    TEST_CASE("an answer given with echo: a wrong one is said to be wrong, the same instant in another form passes") {
        // Lab 4 step 2 ("echo 10:01:05.930"): the play-through's "echo 10:00:59.999" got "successful echo
        // commands in this step: 0, expected at least 1", though the echo had succeeded.
        const std::string lab4 = R"({"type":"command_run","kind":"echo","args":["10:01:05.930"]})";
        const CheckResult wrong = check(lab4, runScript("echo 10:00:59.999\n"));
        CHECK_FALSE(wrong.passed);
        CHECK(wrong.reason == CheckReason::AnswerNotExpected);
        CHECK(checkReasonText(wrong, Language::English, ReasonQuotes::Plain) ==
              "the answer '10:00:59.999' is not the expected one");
        CHECK(checkReasonText(wrong, Language::Portuguese, ReasonQuotes::Plain) == "a resposta '10:00:59.999' não é a esperada");
        const CheckResult none = check(lab4, runScript("sleep 1\n"));
        CHECK_FALSE(none.passed);
        CHECK(none.reason == CheckReason::NoAnswer);
        CHECK(check(lab4, runScript("echo 10:01:05.930\n")).passed);
        CHECK(check(lab4, runScript("echo 10:01:05,930\n")).passed);     // the decimal comma
        CHECK(check(lab4, runScript("echo 1773482465930\n")).passed);    // the epoch ms replay prints
        CHECK_FALSE(check(lab4, runScript("echo 1773482465931\n")).passed);
        CHECK_FALSE(check(lab4, runScript("echo 10:01:05,931\n")).passed);
        // A wrong answer then the right one passes; lab 7's answer is a count.
        CHECK(check(lab4, runScript("echo 10:00:59.999\necho 10:01:05.930\n")).passed);
        const std::string lab7 = R"({"type":"command_run","kind":"echo","args":["3"]})";
        CHECK(check(lab7, runScript("echo 3\n")).passed);
        const CheckResult four = check(lab7, runScript("echo 4\n"));
        CHECK_FALSE(four.passed);
        CHECK(four.reason == CheckReason::AnswerNotExpected);
        // Another command's count names the command as it is typed, not the check's kind.
        CheckResult describe;
        describe.reason = CheckReason::CommandsRun;
        describe.args = {"topics.describe", "0", "", "1", ""};
        CHECK(checkReasonText(describe, Language::English, ReasonQuotes::Plain) ==
              "successful 'kafka-topics.sh --describe' commands in this step: 0, expected at least 1");
    }

    TEST_CASE("stream_window matches key - window - value - firing and watermark of a matching run") {
        const auto history = runScript(kCliques + "\n");
        CHECK(check(R"({"type":"stream_window","trace":"cliques_do_site.csv","key":"/inicio","window_start":1773482460000,"value":"26"})", history).passed);
        const CheckResult wrongValue = check(
            R"({"type":"stream_window","trace":"cliques_do_site.csv","key":"/inicio","window_start":1773482460000,"value":"29"})", history);
        CHECK_FALSE(wrongValue.passed);
        CHECK(wrongValue.detail.find("is 0") != std::string::npos);
        CHECK(check(R"({"type":"stream_window","trace":"cliques_do_site.csv","key":"/inicio","window_start":1773482400000,"watermark":1773482460929})", history).passed);
        CHECK_FALSE(check(R"({"type":"stream_window","trace":"cliques_do_site.csv","key":"/inicio","window_start":1773482400000,"watermark":1773482460930})", history).passed);
        CHECK_FALSE(check(R"({"type":"stream_window","trace":"cliques_do_site.csv","key":"/inicio","window_start":1773482460000,"firing":"late-update"})", history).passed);
        // Another trace, or options the run did not have: no matching run.
        const CheckResult otherTrace = check(R"({"type":"stream_window","trace":"pagamentos.csv","key":"/inicio","window_start":1773482460000})", history);
        CHECK_FALSE(otherTrace.passed);
        CHECK(otherTrace.detail.find("no successful") != std::string::npos);
        CHECK_FALSE(check(R"({"type":"stream_window","trace":"cliques_do_site.csv","args":["--window tumble:2m"],"key":"/inicio","window_start":1773482460000})", history).passed);
        // "--window tumble:1m" is two consecutive words: the same words apart do not match.
        CHECK_FALSE(check(R"({"type":"stream_run","trace":"cliques_do_site.csv","args":["--key tumble:1m"]})", history).passed);
        CHECK(check(R"({"type":"stream_run","trace":"cliques_do_site.csv","args":["--window tumble:1m"],"equals":1})", history).passed);
    }

    TEST_CASE("stream_late counts LATE lines - stream_alert counts OUTPUT lines of a key") {
        const auto history = runScript(kCliques + "\n");
        CHECK(check(R"({"type":"stream_late","trace":"cliques_do_site.csv","equals":6})", history).passed);
        CHECK_FALSE(check(R"({"type":"stream_late","trace":"cliques_do_site.csv","equals":5})", history).passed);
        CHECK(check(R"({"type":"stream_late","trace":"cliques_do_site.csv","key":"/carrinho","equals":3})", history).passed);
        const auto alerts = runScript("fluxolab-cli replay assets/traces/atividade_app.csv --key utilizador "
                                      "--arrival-field arrival --process inactivity:10s\n");
        CHECK(check(R"({"type":"stream_alert","trace":"atividade_app.csv","key":"maria","value":"inativo há 10 segundos","equals":1})", alerts).passed);
        CHECK_FALSE(check(R"({"type":"stream_alert","trace":"atividade_app.csv","key":"joana"})", alerts).passed);
        const CheckResult two = check(R"({"type":"stream_alert","trace":"atividade_app.csv","key":"maria","equals":2})", alerts);
        CHECK_FALSE(two.passed);
        CHECK(two.reason == CheckReason::AlertsFor);
        CHECK(two.args == std::vector<std::string>{"maria", "1", "2", "", ""});
    }

    TEST_CASE("lab 6 by hand: a bounded trace drops the pending inactivity timers - --source open fires them") {
        // atividade_app.csv, arrival times after 1773478800000 (09:00:00):
        //   ana   0.150 3.261 6.335 9.372 12.446 15.183 18.220 21.257 24.294 27.368 30.442 33.253 (gaps < 4 s)
        //   rui   1.187 5.298 9.409 26.331 29.405 32.216            (silent 9.409 -> 26.331: 16.9 s)
        //   maria 2.224 31.179                                      (silent 2.224 -> 31.179: 29 s)
        // The input ends at 33.253. A timer for T fires once processing time passes T (T + 1 ms).
        // 10 s: maria's timer 12.224 fires (12.225), rui's 19.409 fires (19.410); the last timers of all
        //       three (41.179, 42.216, 43.253) are pending at 33.253: a bounded job drops them.
        // 20 s: maria's 22.224 fires (22.225); rui's 29.409 is replaced at 26.331; the rest are dropped.
        const std::string base = "fluxolab-cli replay assets/traces/atividade_app.csv --key utilizador --arrival-field arrival ";
        std::string out;
        runScript(base + "--process inactivity:10s\n", &out);
        CHECK(out.find("OUTPUT,1773478812225,maria,") != std::string::npos);
        CHECK(out.find("OUTPUT,1773478819410,rui,") != std::string::npos);
        CHECK(out.find("SUMMARY,events=20,outputs=2") != std::string::npos);
        out.clear();
        runScript(base + "--process inactivity:20s\n", &out);
        CHECK(out.find("OUTPUT,1773478822225,maria,") != std::string::npos);
        CHECK(out.find("SUMMARY,events=20,outputs=1") != std::string::npos);
        // An open source (a Kafka topic): processing time goes on and the three last timers fire.
        out.clear();
        runScript(base + "--process inactivity:10s --source open\n", &out);
        CHECK(out.find("OUTPUT,1773478841180,maria,") != std::string::npos);
        CHECK(out.find("OUTPUT,1773478842217,rui,") != std::string::npos);
        CHECK(out.find("OUTPUT,1773478843254,ana,") != std::string::npos);
        CHECK(out.find("SUMMARY,events=20,outputs=5") != std::string::npos);
        out.clear();
        runScript(base + "--process inactivity:20s --source open\n", &out);
        CHECK(out.find("SUMMARY,events=20,outputs=4") != std::string::npos);
        CHECK(out.find("OUTPUT,1773478852217,rui,") != std::string::npos);
        // Lab 6's checks on those runs: step 1 (10 s) maria 1, rui 1; step 2 (20 s) rui 0.
        const auto h10 = runScript(base + "--process inactivity:10s\n");
        CHECK(check(R"({"type":"stream_alert","trace":"atividade_app.csv","args":["--process inactivity:10s"],"key":"rui","equals":1})", h10).passed);
        CHECK(check(R"({"type":"stream_alert","trace":"atividade_app.csv","args":["--process inactivity:10s"],"key":"ana","equals":0})", h10).passed);
        const auto h20 = runScript(base + "--process inactivity:20s\n");
        CHECK(check(R"({"type":"stream_alert","trace":"atividade_app.csv","args":["--process inactivity:20s"],"key":"rui","equals":0})", h20).passed);
        std::string err;
        runScript(base + "--process inactivity:10s --source maybe\n", &err);
        CHECK(err.find("--source must be bounded or open") != std::string::npos);
    }

    TEST_CASE("stream_recovered: both runs may come from any step of the lab - not from before it") {
        const std::string ck = "fluxolab-cli replay assets/traces/sensores_iot.csv --key sensor --watermark bounded:10s "
                               "--window tumble:1m --arrival-field arrival --checkpoint-interval 30s";
        const std::string json = R"({"id":"t","version":1,"title":{"pt":"t","en":"t"},"level":"beginner","duration_minutes":5,
            "objectives":[{"pt":"o","en":"o"}],"steps":[{"id":"s","title":{"pt":"t","en":"t"},"instructions":{"pt":"i","en":"i"},
            "explanation":{"pt":"e","en":"e"},"check":{"type":"stream_recovered","trace":"sensores_iot.csv","args":["--window tumble:1m"],"min":1}}]})";
        const LabLoadResult l = parseLab(json);
        REQUIRE(l.lab);
        SimBackend backend(1, 1);
        const auto cleanThenCrash = runScript(ck + "\n" + ck + " --crash-at 250\n");
        CHECK(evaluateCheck(l.lab->steps[0].check, CheckContext{backend, cleanThenCrash, 1}).passed);
        // The crash run first, in an earlier step (lab 7's step 1 asks for checkpoints; a student who
        // also gave --crash-at there has what step 2 asks for): it counts now.
        const auto crashThenClean = runScript(ck + " --crash-at 250\n" + ck + "\n");
        CHECK(evaluateCheck(l.lab->steps[0].check, CheckContext{backend, crashThenClean, 1}).passed);
        CHECK(evaluateCheck(l.lab->steps[0].check, CheckContext{backend, crashThenClean, 2}).passed);
        // Runs from before the lab began (history kept from before it, labFrom) do not.
        const CheckResult r = evaluateCheck(l.lab->steps[0].check, CheckContext{backend, crashThenClean, 1, 1});
        CHECK_FALSE(r.passed);
        CHECK(r.reason == CheckReason::NoCrashRun);
        const auto onlyCrash = runScript(ck + " --crash-at 250\n");
        const CheckResult none = evaluateCheck(l.lab->steps[0].check, CheckContext{backend, onlyCrash, 0});
        CHECK(none.reason == CheckReason::NoCleanRun);
        CHECK(none.args == std::vector<std::string>{"fluxolab-cli replay sensores_iot.csv --window tumble:1m"});
    }

    TEST_CASE("stream_recovered compares the crashed run with a run without crash") {
        const std::string ck = "fluxolab-cli replay assets/traces/sensores_iot.csv --key sensor --agg avg:temperatura "
                               "--watermark bounded:10s --window tumble:1m --arrival-field arrival --checkpoint-interval 30s";
        const std::string recovered = R"({"type":"stream_recovered","trace":"sensores_iot.csv","min":1})";
        auto history = runScript(ck + " --crash-at 250\n" + ck + "\n");
        const CheckResult ok = check(recovered, history);
        CHECK(ok.passed);
        CHECK(ok.detail.find("duplicates at the sink is 3") != std::string::npos);
        CHECK_FALSE(check(R"({"type":"stream_recovered","trace":"sensores_iot.csv","min":4})", history).passed);
        // Results that differ (a line the restore changed) fail the check.
        std::string& out = history[0].output;
        const auto pos = out.find("sensor-2,1773475500000");
        REQUIRE(pos != std::string::npos);
        out.insert(pos, "sensor-9,1,2,3,4,on-time\n");
        CHECK_FALSE(check(recovered, history).passed);
        // Only a crashed run, or runs with other options: nothing to compare.
        CHECK_FALSE(check(recovered, runScript(ck + " --crash-at 250\n")).passed);
        const CheckResult other = check(recovered, runScript(ck + " --crash-at 250\n" + ck + " --allowed-lateness 5s\n"));
        CHECK_FALSE(other.passed);
        CHECK(other.detail.find("differ in other options") != std::string::npos);
    }

    TEST_CASE("a wrong answer fails the right step of each stream lab") {
        const std::string dir = kSrc + "/labs/content";
        auto solution = [&](const std::string& id) { return readText(dir + "/solutions/" + id + ".sh"); };
        auto replaceIn = [](std::string s, const std::string& from, const std::string& to) {
            const auto pos = s.find(from);
            REQUIRE(pos != std::string::npos);
            return s.replace(pos, from.size(), to);
        };
        SUBCASE("watermarks: the watermark instead of the click's time fails step 2") {
            const LabLoadResult l = findLab("tempo-de-evento-watermarks", dir);
            REQUIRE(l.lab);
            const auto r = runLabWithScript(*l.lab, parseScript(replaceIn(solution(l.lab->id), "echo 10:01:05.930", "echo 10:01:00.929")), std::nullopt);
            CHECK(r.steps[0].passed);
            CHECK(r.steps[1].reached);
            CHECK_FALSE(r.steps[1].passed);
        }
        SUBCASE("windows: dropping late events instead of the side output fails step 2") {
            const LabLoadResult l = findLab("janelas-tumble-hop-session", dir);
            REQUIRE(l.lab);
            const auto r = runLabWithScript(*l.lab, parseScript(replaceIn(solution(l.lab->id), "--late side-output", "--late side-output --allowed-lateness 90s")), std::nullopt);
            CHECK(r.steps[0].passed);
            CHECK_FALSE(r.steps[1].passed);
            CHECK(r.steps[1].detail.find("late elements is 0") != std::string::npos);
        }
        SUBCASE("timers: predicting the end-of-file alert (echo 1) fails step 2") {
            const LabLoadResult l = findLab("estado-timers-inatividade", dir);
            REQUIRE(l.lab);
            const auto r = runLabWithScript(*l.lab, parseScript(replaceIn(solution(l.lab->id), "echo 0", "echo 1")), std::nullopt);
            CHECK(r.steps[0].passed);
            CHECK_FALSE(r.steps[1].passed);
        }
        SUBCASE("checkpoints: a crash without the run to compare fails step 2 - a wrong count fails step 3") {
            const LabLoadResult l = findLab("checkpoints-recuperacao", dir);
            REQUIRE(l.lab);
            std::string sol = solution(l.lab->id);
            // Step 1's run without a crash is step 2's comparison: with other options it is none.
            const std::string clean = "--arrival-field arrival --checkpoint-interval 30s\nfluxolab-cli";
            auto r = runLabWithScript(*l.lab, parseScript(replaceIn(sol, clean, "--arrival-field arrival --checkpoint-interval 30s --watermark-interval per-event\nfluxolab-cli")), std::nullopt);
            CHECK(r.steps[0].passed);
            CHECK_FALSE(r.steps[1].passed);
            CHECK(r.steps[1].detail.find("differ in other options") != std::string::npos);
            r = runLabWithScript(*l.lab, parseScript(replaceIn(sol, "echo 3", "echo 4")), std::nullopt);
            CHECK(r.steps[1].passed);
            CHECK_FALSE(r.steps[2].passed);
        }
    }
}
