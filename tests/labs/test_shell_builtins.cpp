// The shell built-ins shared by fluxolab-cli script and the app's terminal (labs/shell/builtins.h).
#include "labs/backend/sim_backend.h"
#include "labs/shell/builtins.h"
#include "labs/shell/script_runner.h"
#include "labs/shell/typed_script.h"

#include <doctest/doctest.h>

using namespace fluxolab::labs;

namespace {
const auto kNoJobs = [](int) { return false; };
}

TEST_SUITE("labs/shell") {
    TEST_CASE("only sleep - echo and kill are built-ins") {
        CHECK(builtinNamed("sleep") == Builtin::Sleep);
        CHECK(builtinNamed("echo") == Builtin::Echo);
        CHECK(builtinNamed("kill") == Builtin::Kill);
        CHECK_FALSE(builtinNamed("kafka-topics.sh").has_value());
        CHECK_FALSE(builtinNamed("Sleep").has_value());
        CHECK(std::string(builtinName(Builtin::Kill)) == "kill");
    }
    TEST_CASE("sleep: seconds with a fraction - at most an hour - nothing else") {
        CHECK(runBuiltin(Builtin::Sleep, {"sleep", "2.5"}, kNoJobs).advance_ms == 2500);
        CHECK(runBuiltin(Builtin::Sleep, {"sleep", "3600"}, kNoJobs).exit_code == 0);
        for (const char* bad : {"3601", "-1", "nan", "inf", "1s", "", "abc"}) {
            CAPTURE(bad);
            const BuiltinOutcome o = runBuiltin(Builtin::Sleep, {"sleep", bad}, kNoJobs);
            CHECK(o.exit_code == 1);
            CHECK(o.advance_ms == 0);
            CHECK(o.err == std::string("sleep: invalid time interval '") + bad + "'\n");
        }
        CHECK(runBuiltin(Builtin::Sleep, {"sleep"}, kNoJobs).err == "sleep: invalid time interval ''\n");
        CHECK(runBuiltin(Builtin::Sleep, {"sleep", "1", "2"}, kNoJobs).exit_code == 1);
    }
    TEST_CASE("echo joins its words with one space") {
        CHECK(runBuiltin(Builtin::Echo, {"echo", "a", "b  c"}, kNoJobs).out == "a b  c\n");
        CHECK(runBuiltin(Builtin::Echo, {"echo"}, kNoJobs).out == "\n");
    }
    TEST_CASE("kill %N asks for job N - anything else is no such job") {
        int asked = 0;
        const auto jobs = [&](int n) {
            asked = n;
            return n == 2;
        };
        CHECK(runBuiltin(Builtin::Kill, {"kill", "%2"}, jobs).exit_code == 0);
        CHECK(asked == 2);
        CHECK(runBuiltin(Builtin::Kill, {"kill", "%3"}, jobs).err == "bash: kill: %3: no such job\n");
        asked = 0;
        for (const char* bad : {"%2x", "2", "%", "%-1"}) {
            CAPTURE(bad);
            const BuiltinOutcome o = runBuiltin(Builtin::Kill, {"kill", bad}, jobs);
            CHECK(o.exit_code == 1);
            CHECK(o.err == std::string("bash: kill: ") + bad + ": no such job\n");
        }
        CHECK(asked == 0); // malformed specs never reach a job
    }
    TEST_CASE("the script runner stops a background job with kill %N and records the built-ins") {
        SimBackend backend(1, 1);
        ScriptRunner runner(backend);
        std::string out;
        runner.run(parseScript("kafka-topics.sh --create --topic t --bootstrap-server localhost:9092\n"
                               "kafka-console-consumer.sh --topic t --bootstrap-server localhost:9092 &\n"
                               "kill %1\nkill %1\nsleep 1\necho fim\n"),
                   out);
        CAPTURE(out);
        CHECK(out.find("[1] 4001\n") != std::string::npos);
        CHECK(out.find("Processed a total of 0 messages") != std::string::npos);
        CHECK(out.find("$ kill %1\nbash: kill: %1: no such job\n") != std::string::npos); // the second one
        const auto& h = runner.history();
        REQUIRE(h.size() == 6);
        CHECK(h[2].kind == "kill");
        CHECK(h[2].exit_code == 0);
        CHECK(h[3].exit_code == 1);
        CHECK(h[4].kind == "sleep");
        CHECK(h[5].kind == "echo");
    }
}

TEST_CASE("typed script: a producer's typed lines become its here-document - the script parses back") {
    using fluxolab::labs::TypedCommand;
    const std::vector<TypedCommand> typed{
        {"kafka-topics.sh --create --topic t --bootstrap-server localhost:9092", {}},
        {"kafka-console-producer.sh --topic t --bootstrap-server localhost:9092", {"a", "EOF", "c d"}},
        {"kafka-console-producer.sh --topic t --bootstrap-server localhost:9092 <<X\nq\nX", {}},
        {"kafka-console-consumer.sh --topic t \\\n  --from-beginning --bootstrap-server localhost:9092", {}},
    };
    const std::string script = fluxolab::labs::scriptFromTyped(typed);
    CHECK(script ==
          "kafka-topics.sh --create --topic t --bootstrap-server localhost:9092\n"
          "kafka-console-producer.sh --topic t --bootstrap-server localhost:9092 <<'EOF1'\n"
          "a\nEOF\nc d\nEOF1\n"
          "kafka-console-producer.sh --topic t --bootstrap-server localhost:9092 <<X\nq\nX\n"
          "kafka-console-consumer.sh --topic t \\\n  --from-beginning --bootstrap-server localhost:9092\n");
    const auto parsed = fluxolab::labs::parseScript(script);
    REQUIRE_FALSE(parsed.error);
    REQUIRE(parsed.commands.size() == 4);
    CHECK(parsed.commands[1].heredoc == std::optional<std::string>("a\nEOF\nc d\n"));
    CHECK(parsed.commands[2].heredoc == std::optional<std::string>("q\n"));
    CHECK(parsed.commands[3].argv.size() == 6);
}
