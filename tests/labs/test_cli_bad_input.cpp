// fluxolab-cli against bad input (issue #8): directories, empty files, devices, huge files,
// missing values and runs that would never end all give a clear message and exit 2.
#include "labs/cli/cli_commands.h"
#include "sim/hash.h"
#include "sim/scenario.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using fluxolab::labs::Args;
using fluxolab::labs::runCli;
namespace fs = std::filesystem;

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
bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// A scratch directory removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("fluxolab_bad_input_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string file(const std::string& name, const std::string& text) const {
        const fs::path p = path / name;
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
};
const std::string kSrc = FLUXOLAB_SOURCE_DIR;
} // namespace

TEST_SUITE("labs/fluxolab-cli bad input") {
    TEST_CASE("simulate: a directory - an empty file - a device and a huge file are named as such") {
        TempDir tmp;
        Result r = cli({"simulate", tmp.path.string()});
        CHECK(r.code == 2);
        CHECK(r.err == "simulate: '" + tmp.path.string() + "' is a directory, not a file\n");
        r = cli({"simulate", tmp.file("empty.json", "")});
        CHECK(r.code == 2);
        CHECK(has(r.err, "is empty"));
        r = cli({"simulate", tmp.file("blank.json", " \n\t\n")});
        CHECK(r.code == 2);
        CHECK(has(r.err, "is empty"));
        r = cli({"simulate", "/dev/zero"}); // would never end if read
        CHECK(r.code == 2);
        CHECK(r.err == "simulate: '/dev/zero' is not a regular file\n");
        const std::string big = tmp.file("big.json", "{}");
        fs::resize_file(big, fluxolab::labs::kMaxInputFileBytes + 1);
        r = cli({"simulate", big});
        CHECK(r.code == 2);
        CHECK(has(r.err, "is too large"));
        r = cli({"simulate", (tmp.path / "missing.json").string()});
        CHECK(r.code == 2);
        CHECK(has(r.err, "No such file or directory"));
    }

    TEST_CASE("simulate: --until is capped at 1h of virtual time - malformed durations are refused") {
        const std::string scenario = kSrc + "/assets/scenarios/falha-de-broker.json";
        Result r = cli({"simulate", scenario, "--until", "100000h"});
        CHECK(r.code == 2);
        CHECK(r.err ==
              "simulate: --until is limited to 1h of virtual time (a longer run would take hours of real "
              "time), got '100000h'\n");
        CHECK(r.out.empty());
        CHECK(cli({"simulate", scenario, "--until", "61m"}).code == 2);
        CHECK(cli({"simulate", scenario, "--until", "1.2.3s"}).code == 2);
        CHECK(cli({"simulate", scenario, "--until", "1..5s"}).code == 2);
        CHECK(cli({"simulate", scenario, "--until", "99999999999999999999999h"}).code == 2);
        r = cli({"simulate", scenario, "--seed", "18446744073709551616"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "from 0 to 18446744073709551615"));
        CHECK(cli({"simulate", scenario, "--until"}).code == 2);
        CHECK(cli({"simulate", scenario, "--journal"}).code == 2);
        CHECK(cli({"simulate", scenario, scenario}).code == 2);
        CHECK(fluxolab::sim::parseDuration("1.5s") == 1500);
        CHECK_FALSE(fluxolab::sim::parseDuration("1.2.3s"));
    }

    TEST_CASE("simulate: a scenario longer than the cap runs its first hour - saying so") {
        TempDir tmp;
        const std::string file = tmp.file("long.json", R"({"name": "long", "duration": "5h",
            "topics": [{"name": "t", "partitions": 1}]})");
        const Result r = cli({"simulate", file});
        CHECK(r.code == 0);
        CHECK(has(
            r.err,
            "simulate: the scenario lasts 5h; running its first 1h of virtual time only (the limit)\n"));
        CHECK(has(r.err, "simulate: 5m of 1h of virtual time\n"));
        CHECK(has(r.err, "simulate: 55m of 1h of virtual time\n"));
        CHECK(has(r.out, "virtual time: 3600000 ms\n"));
    }

    TEST_CASE("simulate: progress on stderr for long runs - same journal hash as one uninterrupted run") {
        const std::string file = kSrc + "/assets/scenarios/falha-de-broker.json";
        const Result r = cli({"simulate", file, "--until", "15m"});
        REQUIRE(r.code == 0);
        CHECK(r.err == "simulate: 5m of 15m of virtual time\nsimulate: 10m of 15m of virtual time\n");
        fluxolab::sim::ScenarioError error;
        const auto scenario = fluxolab::sim::loadScenarioFile(file, error);
        REQUIRE(scenario);
        fluxolab::sim::ScenarioRun run(*scenario, scenario->seed);
        run.runUntil(15 * 60000);
        fluxolab::sim::Sha256 hash;
        const auto& journal = run.sim().journal();
        for (std::size_t i = 0; i < journal.size(); ++i)
            hash.update(journal.toJson(i) + "\n");
        CHECK(has(r.out, "journal-sha256: " + hash.hexDigest() + "\n"));
        CHECK(cli({"simulate", file, "--until", "10m"}).err.empty());
    }

    TEST_CASE("script: directories - empty scripts and devices exit 2 with the reason") {
        TempDir tmp;
        Result r = cli({"script", tmp.path.string()});
        CHECK(r.code == 2);
        CHECK(r.err == "script: '" + tmp.path.string() + "' is a directory, not a file\n");
        r = cli({"script", tmp.file("empty.sh", "")});
        CHECK(r.code == 2);
        CHECK(has(r.err, "has no commands"));
        CHECK(cli({"script", tmp.file("comments.sh", "# nothing\n\n")}).code == 2);
        CHECK(cli({"script", "/dev/zero"}).code == 2);
        CHECK(cli({"script", tmp.file("ok.sh", "echo hi\n")}).code == 0);
        r = cli({"script", tmp.file("ok2.sh", "echo hi\n"), "--seed", "-1"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "from 0 to 18446744073709551615"));
    }

    TEST_CASE("script and lab check: a shell operator is named, with what to write instead, in the CLI's language") {
        // Before: "script: F:1: unsupported shell operator '|'" in English with no hint, also for lab check
        // (Portuguese by default) and script --notes pt.
        TempDir tmp;
        const std::string pipe = tmp.file("pipe.sh", "kafka-topics.sh --list --bootstrap-server localhost:9092 | grep x\n");
        const std::string en = "unsupported shell operator '|' (a pipe): FluxoLab runs one command per line; write each "
                               "command on its own line, without |, >, >>, ;, &&, ||, `...` or $(...) (only < file, "
                               "<<EOF and a trailing & work)";
        const std::string pt = "operador da shell não suportado '|' (um pipe): o FluxoLab corre um comando por linha; "
                               "escreva cada comando na sua própria linha, sem |, >, >>, ;, &&, ||, `...` nem $(...) "
                               "(só < ficheiro, <<EOF e um & no fim da linha)";
        Result r = cli({"script", pipe});
        CHECK(r.code == 2);
        CHECK(r.err == "script: " + pipe + ":1: " + en + "\n");
        r = cli({"script", pipe, "--notes", "pt"});
        CHECK(r.code == 2);
        CHECK(r.err == "script: " + pipe + ":1: " + pt + "\n");
        r = cli({"lab", "check", "topicos-particoes-offsets", "--script", pipe});
        CHECK(r.code == 2);
        CHECK(r.err == "lab: " + pipe + ":1: " + pt + "\n");
        r = cli({"lab", "check", "topicos-particoes-offsets", "--lang", "en", "--script", pipe});
        CHECK(r.code == 2);
        CHECK(r.err == "lab: " + pipe + ":1: " + en + "\n");
        // Command substitution is refused the same way (before, `...` and $(...) ran as literal words).
        r = cli({"script", tmp.file("sub.sh", "echo start\nkafka-topics.sh --describe --topic $(cat t) --bootstrap-server localhost:9092\n")});
        CHECK(r.code == 2);
        CHECK(has(r.err, ":2: unsupported shell operator '$(...)' (a command substitution): FluxoLab runs one command per line"));
    }

    TEST_CASE("replay: a sliding window that puts each element in millions of windows is refused at once") {
        // Before: hop:1ms,100000h assigned every element to 360 000 000 000 windows - replay ran on,
        // past 2 GB after 20 s. Flink has no bound (it would build them all); FluxoLab allows 1000.
        const std::string trace = kSrc + "/assets/traces/cliques_do_site.csv";
        auto replay = [&](const std::string& window) {
            return cli({"replay", trace, "--key", "pagina", "--watermark", "bounded:5s", "--window", window});
        };
        Result r = replay("hop:1ms,100000h");
        CHECK(r.code == 2);
        CHECK(r.err == "replay: a sliding window of size 360000000000 ms and slide 1 ms puts every element in "
                       "360000000000 windows; FluxoLab builds at most 1000 per element (size / slide <= 1000)\n");
        r = replay("hop:1s,1001s");
        CHECK(r.code == 2);
        CHECK(has(r.err, "puts every element in 1001 windows"));
        r = replay("cumulate:1ms,100000h");
        CHECK(r.code == 2);
        CHECK(r.err == "replay: a cumulate window of size 360000000000 ms and step 1 ms puts every element in "
                       "360000000000 windows; FluxoLab builds at most 1000 per element (size / step <= 1000)\n");
        // The bound itself runs, as Flink would.
        CHECK(replay("hop:1s,1000s").code == 0);
        CHECK(replay("cumulate:1s,1000s").code == 0);
    }

    TEST_CASE("replay: an option given twice is refused - the last one does not win silently") {
        const std::string trace = kSrc + "/assets/traces/cliques_do_site.csv";
        Result r = cli({"replay", trace, "--key", "pagina", "--watermark", "bounded:5s", "--window", "tumble:1m",
                        "--window", "hop:10s,1m"});
        CHECK(r.code == 2);
        CHECK(r.err == "replay: --window is given twice ('tumble:1m' and 'hop:10s,1m'): give it once\n");
        CHECK(r.out.empty());
        r = cli({"replay", trace, "--watermark", "bounded:5s", "--key", "pagina", "--window", "tumble:1m", "--key", "pagina"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "--key is given twice"));
        CHECK(cli({"replay", trace, "--key", "pagina", "--watermark", "bounded:5s", "--window", "tumble:1m"}).code == 0);
    }

    TEST_CASE("lab validate / list / check: usage errors exit 2") {
        TempDir tmp;
        Result r = cli({"lab", "validate"});
        CHECK(r.code == 2);
        CHECK(r.err == "lab: use 'lab validate LAB.json...' (give at least one lab file)\n");
        r = cli({"lab", "validate", tmp.path.string()});
        CHECK(r.code == 2);
        CHECK(has(r.err, "is a directory"));
        r = cli({"lab", "validate", kSrc + "/labs/content/01-topicos-particoes-offsets.json"});
        CHECK(r.code == 0);
        CHECK(has(r.out, ": ok\n"));
        r = cli({"lab", "list", "--lang"});
        CHECK(r.code == 2);
        CHECK(r.err == "lab: --lang needs pt or en\n");
        CHECK(cli({"lab", "list", "--labs-dir"}).code == 2);
        CHECK(cli({"lab", "list", "extra"}).code == 2);
        r = cli({"lab", "list", "--labs-dir", (tmp.path / "nope").string()});
        CHECK(r.code == 2);
        CHECK(has(r.err, "is not a directory of labs"));
        r = cli({"lab", "check", "topicos-particoes-offsets", "--script"});
        CHECK(r.code == 2);
        CHECK(r.err == "lab: --script needs a value\n");
        CHECK(cli({"lab", "check", "topicos-particoes-offsets", "--seed"}).code == 2);
        r = cli({"lab", "check", "topicos-particoes-offsets", "--script", tmp.path.string()});
        CHECK(r.code == 2);
        CHECK(has(r.err, "is a directory"));
        r = cli({"lab", "check", "topicos-particoes-offsets", "--script", tmp.file("empty.sh", "")});
        CHECK(r.code == 2);
        CHECK(has(r.err, "has no commands"));
    }

    TEST_CASE("lab and script --help print their usage - an empty --labs-dir is said to have no labs") {
        // Before: "lab: unknown subcommand '--help'", "script: unknown option '--help'" (exit 2), and
        // `lab list` on a folder without labs printed nothing and exited 0.
        for (const Args& a : {Args{"lab", "--help"}, Args{"lab", "-h"}, Args{"lab", "help"}, Args{"lab", "list", "--help"}}) {
            const Result r = cli(a);
            CHECK(r.code == 0);
            CHECK(r.err.empty());
            CHECK(r.out.rfind("Usage: fluxolab-cli lab list", 0) == 0);
        }
        Result r = cli({"script", "--help"});
        CHECK(r.code == 0);
        CHECK(r.out.rfind("Usage: fluxolab-cli script FILE", 0) == 0);
        TempDir tmp;
        r = cli({"lab", "list", "--labs-dir", tmp.path.string()});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "lab: no labs found in '" + tmp.path.string() + "' (lab files are *.json; see fluxolab-cli paths)\n");
    }

    TEST_CASE("script: exit 1 when a command failed - the others still run") {
        // bash's "command not found" (127) and kafka-topics' describe of a missing topic (1) used to
        // leave the script's exit code at 0.
        TempDir tmp;
        Result r = cli({"script", tmp.file("nf.sh", "foo\necho after\n")});
        CHECK(r.code == 1);
        CHECK(has(r.out, "bash: foo: command not found\n"));
        CHECK(has(r.out, "$ echo after\nafter\n"));
        r = cli({"script", tmp.file("missing.sh", "kafka-topics.sh --describe --topic nada --bootstrap-server localhost:9092\n")});
        CHECK(r.code == 1);
        CHECK(has(r.out, "Topic 'nada' does not exist"));
        r = cli({"script", tmp.file("good.sh", "kafka-topics.sh --create --topic t --bootstrap-server localhost:9092\n"
                                               "kafka-topics.sh --describe --topic t --bootstrap-server localhost:9092\n")});
        CHECK(r.code == 0);
    }

    TEST_CASE("simulate: a scenario longer than the limit says its length in hours and minutes") {
        TempDir tmp;
        // 100 h was "the scenario lasts 6000m"; an idle cluster keeps the first hour quick to run.
        const std::string file = tmp.file("long.json", R"({"name": "long", "duration": "100h", "topics": [{"name": "t"}]})");
        const Result r = cli({"simulate", file});
        CHECK(r.code == 0);
        CHECK(r.err.rfind("simulate: the scenario lasts 100h; running its first 1h of virtual time only (the limit)\n"
                          "simulate: 5m of 1h of virtual time\n", 0) == 0);
        CHECK(has(r.err, "simulate: 55m of 1h of virtual time\n"));
    }

    TEST_CASE("replay: an inactivity process without --arrival-field says why no alert fires") {
        const std::string trace = kSrc + "/assets/traces/atividade_app.csv";
        Result r = cli({"replay", trace, "--key", "utilizador", "--process", "inactivity:10s"});
        CHECK(r.code == 0);
        CHECK(has(r.out, "SUMMARY,events="));
        CHECK(has(r.out, ",outputs=0\n"));
        CHECK(r.err == "replay: note: without --arrival-field processing time does not advance, so the inactivity "
                       "timers never fire (the end of the input drops them)\n");
        r = cli({"replay", trace, "--key", "utilizador", "--process", "inactivity:10s", "--source", "open"});
        CHECK(r.code == 0);
        CHECK(has(r.err, "the alerts come only after its end"));
        r = cli({"replay", trace, "--key", "utilizador", "--arrival-field", "arrival", "--process", "inactivity:10s"});
        CHECK(r.err.empty());
        CHECK(has(r.out, ",outputs=2\n"));
    }
}
