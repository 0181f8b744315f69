// fluxolab-cli simulate --trace-to-topic / --stream-job: a trace fed into a simulated topic and a stream
// job reading the topic, on one clock (#10, docs/stream.pt.md).
#include "labs/cli/cli_commands.h"

#include <doctest/doctest.h>
#include <sstream>
#include <string>

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
        const Result plain = cli({"simulate", "sensores-no-topico"});
        REQUIRE(feedOnly.code == 0);
        REQUIRE(both.code == 0);
        CHECK_FALSE(hashLine(feedOnly.out).empty());
        CHECK(hashLine(feedOnly.out) == hashLine(both.out));
        CHECK(hashLine(plain.out) != hashLine(both.out)); // the fed records are Kafka traffic
        CHECK(feedOnly.out.find("stream job") == std::string::npos);
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
                 "encomendas", "--watermark", "bounded:0s", "--window", "tumble:5s"});
        REQUIRE_MESSAGE(r.code == 0, r.err);
        CHECK(r.out.find("stream job on encomendas: 6 split(s), parallelism 1") != std::string::npos);
        CHECK(r.out.find("SUMMARY,events=") != std::string::npos);
        CHECK(r.out.find(",on-time\n") != std::string::npos);
        CHECK(hashLine(r.out) == hashLine(cli({"simulate", "rebalance-basico", "--until", "20s"}).out));
    }
}
