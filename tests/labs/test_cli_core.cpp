// fluxolab-cli partition / assign / simulate: outputs, exit codes, bad input never crashes.
#include "labs/cli/cli_commands.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

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
int lineCount(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
} // namespace

TEST_SUITE("labs/fluxolab-cli") {
    TEST_CASE("partition: Java murmur2 by default - librdkafka CRC32 on request") {
        const Result r = cli({"partition", "--partitions", "3", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"});
        CHECK(r.code == 0);
        CHECK(r.out == "0\t2\n1\t0\n2\t2\n3\t2\n4\t1\n5\t0\n6\t1\n7\t0\n8\t0\n9\t2\n");
        CHECK(cli({"partition", "--partitions", "6", "kafka", ""}).out == "kafka\t4\n\t3\n");
        CHECK(cli({"partition", "--partitions", "6", "--partitioner", "consistent_random", "kafka", ""}).out ==
              "kafka\t5\n\tsticky\n");
        CHECK(cli({"partition", "--partitions", "6", "--partitioner", "consistent", ""}).out == "\t0\n");
        // UTF-8 keys are hashed as their bytes.
        CHECK(cli({"partition", "--partitions", "2", "--", "--not-an-option"}).code == 0);
    }

    TEST_CASE("partition: bad usage exits 2 with a one-line message") {
        for (const Args& a : {Args{"partition"}, Args{"partition", "k"}, Args{"partition", "--partitions", "0", "k"},
                              Args{"partition", "--partitions", "x", "k"}, Args{"partition", "--partitions", "3"},
                              Args{"partition", "--partitions", "3", "--partitioner", "fnv", "k"},
                              Args{"partition", "--partitions"}, Args{"partition", "--bogus", "k"}}) {
            CAPTURE(a.size());
            const Result r = cli(a);
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            CHECK(lineCount(r.err) == 1);
        }
    }

    TEST_CASE("assign: upstream examples - members sorted as Kafka sorts them") {
        Result r = cli({"assign", "--strategy", "range", "--topics", "t0:3,t1:3", "--member", "C1=t0,t1", "--member", "C0=t0,t1"});
        CHECK(r.code == 0);
        CHECK(r.out == "C0\tt0-0,t0-1,t1-0,t1-1\nC1\tt0-2,t1-2\n");
        r = cli({"assign", "--strategy", "roundrobin", "--topics", "t0:1,t1:2,t2:3", "--member", "C0=t0", "--member",
                 "C1=t0,t1", "--member", "C2=t0,t1,t2"});
        CHECK(r.out == "C0\tt0-0\nC1\tt1-0\nC2\tt1-1,t2-0,t2-1,t2-2\n");
        // Cooperative: partitions moving away from c1 are not given to c2 in this round.
        r = cli({"assign", "--strategy", "cooperative-sticky", "--topics", "t:4", "--member", "c1=t", "--member", "c2=t",
                 "--owned", "c1=t-0,t-1,t-2,t-3"});
        CHECK(r.code == 0);
        CHECK(r.out == "c1\tt-0,t-1\nc2\t\n");
        r = cli({"assign", "--strategy", "sticky", "--topics", "t:4", "--member", "c1=t", "--member", "c2=t",
                 "--owned", "c1=t-0,t-1,t-2,t-3"});
        CHECK(r.out == "c1\tt-0,t-1\nc2\tt-2,t-3\n");
        // Topic names with dashes: the partition is after the last dash.
        r = cli({"assign", "--strategy", "sticky", "--topics", "my-topic:2", "--member", "a=my-topic", "--owned", "a=my-topic-1"});
        CHECK(r.out == "a\tmy-topic-0,my-topic-1\n");
    }

    TEST_CASE("assign: bad usage exits 2") {
        for (const Args& a : {Args{"assign"}, Args{"assign", "--strategy", "magic", "--topics", "t:1", "--member", "a=t"},
                              Args{"assign", "--strategy", "range", "--topics", "t", "--member", "a=t"},
                              Args{"assign", "--strategy", "range", "--topics", "t:1"},
                              Args{"assign", "--strategy", "range", "--topics", "t:1", "--member", "a"},
                              Args{"assign", "--strategy", "range", "--topics", "t:1", "--member", "a=t", "--member", "a=t"},
                              Args{"assign", "--strategy", "sticky", "--topics", "t:1", "--member", "a=t", "--owned", "b=t-0"},
                              Args{"assign", "--strategy", "sticky", "--topics", "t:1", "--member", "a=t", "--owned", "a=t"}}) {
            const Result r = cli(a);
            CHECK(r.code == 2);
            CHECK(lineCount(r.err) == 1);
        }
    }

    TEST_CASE("simulate: summary - journal file and its hash - same seed same hash") {
        const std::string scenario = FLUXOLAB_SOURCE_DIR "/assets/scenarios/rebalance-basico.json";
        const std::string journal = "fluxolab_cli_test_journal.jsonl";
        const Result a = cli({"simulate", scenario, "--seed", "42", "--until", "30s", "--journal", journal});
        REQUIRE(a.code == 0);
        const Result b = cli({"simulate", scenario, "--seed", "42", "--until", "30s"});
        const Result c = cli({"simulate", scenario, "--seed", "43", "--until", "30s"});
        const auto lastLine = [](const std::string& s) {
            const auto end = s.find_last_not_of('\n');
            return s.substr(s.rfind('\n', end) + 1, end - s.rfind('\n', end));
        };
        CHECK(lastLine(a.out).rfind("journal-sha256: ", 0) == 0);
        CHECK(lastLine(a.out).size() == std::string("journal-sha256: ").size() + 64);
        CHECK(lastLine(a.out) == lastLine(b.out));
        CHECK(lastLine(a.out) != lastLine(c.out));
        CHECK(a.out.find("virtual time: 30000 ms") != std::string::npos);
        std::ifstream in(journal);
        std::string line;
        int lines = 0;
        while (std::getline(in, line)) {
            CHECK(line.front() == '{');
            ++lines;
        }
        CHECK(a.out.find("events: " + std::to_string(lines) + "\n") != std::string::npos);
        std::remove(journal.c_str());
    }

    TEST_CASE("simulate: leader elections are those after a failure, not the first leaders of new partitions") {
        // consumidor-lento: cliques (4) and __consumer_offsets (50) get their first leaders, no broker
        // fails: the play-through read "leader elections: 54". acks-e-perda: broker 2 crashes at 10 s
        // and broker 1 is elected for sensores-0 (one election).
        const Result slow = cli({"simulate", "consumidor-lento"});
        REQUIRE(slow.code == 0);
        CHECK(slow.out.find("leader elections: 0 (besides the first leaders of 54 new partition(s)), ") !=
              std::string::npos);
        const Result acks = cli({"simulate", "acks-e-perda"});
        REQUIRE(acks.code == 0);
        CHECK(acks.out.find("leader elections: 1 (besides the first leaders of 1 new partition(s)), ") !=
              std::string::npos);
    }

    TEST_CASE("simulate: every shipped scenario at seeds 1-5 prints the journal hash committed in tests/sim/golden") {
        std::ifstream golden(FLUXOLAB_SOURCE_DIR "/tests/sim/golden/journal_hashes.txt");
        REQUIRE(golden);
        std::string line;
        int runs = 0;
        while (std::getline(golden, line)) {
            if (line.empty() || line.front() == '#') continue;
            std::istringstream fields(line);
            std::string name, seed, hash;
            fields >> name >> seed >> hash;
            const std::string journal = "fluxolab_cli_test_golden.jsonl";
            // By the gallery name, as a user types it, and with a journal file, as the golden test hashes it.
            const Result r = cli({"simulate", name, "--seed", seed, "--journal", journal});
            std::remove(journal.c_str());
            REQUIRE_MESSAGE(r.code == 0, name << " " << seed << ": " << r.err);
            CHECK_MESSAGE(r.out.find("journal-sha256: " + hash + "\n") != std::string::npos,
                          "fluxolab-cli simulate " << name << " --seed " << seed << " no longer prints the golden "
                          "hash " << hash << " (see tests/sim/test_journal_golden.cpp for how to update it)");
            ++runs;
        }
        CHECK(runs >= 30);
    }

    TEST_CASE("simulate: broken input gives file:line and exit 2 - never a crash") {
        const std::string bad = "fluxolab_cli_test_bad.json";
        {
            std::ofstream out(bad);
            out << "{\n  \"topics\": [{\"name\": \"t\", \"partitions\": 0}]\n}\n";
        }
        Result r = cli({"simulate", bad});
        CHECK(r.code == 2);
        CHECK(r.err == "simulate: " + bad + ":2: /topics/0/partitions: must be between 1 and 9999\n");
        {
            std::ofstream out(bad, std::ios::binary);
            out << std::string("\x00\xff\xfe garbage", 11);
        }
        r = cli({"simulate", bad});
        CHECK(r.code == 2);
        CHECK(r.err.find("invalid JSON") != std::string::npos);
        std::remove(bad.c_str());
        CHECK(cli({"simulate", "/no/such/file.json"}).code == 2);
        CHECK(cli({"simulate"}).code == 2);
        CHECK(cli({"simulate", "a.json", "--seed", "-1"}).code == 2);
        CHECK(cli({"simulate", "a.json", "--until", "soon"}).code == 2);
        CHECK(cli({"simulate", "a.json", "--frobnicate"}).code == 2);
        CHECK(cli({"nonsense"}).code == 2);
        CHECK(cli({}).code == 2);
        CHECK(cli({"--help"}).code == 0);
    }
}
