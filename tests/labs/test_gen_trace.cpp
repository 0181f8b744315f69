// fluxolab-cli gen-trace: reproducible traces, documented columns, bad options refused clearly.
#include "labs/cli/cli_commands.h"
#include "sim/hash.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <filesystem>
#include <set>
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

struct Row {
    std::int64_t ts;
    std::string key;
    std::string value;
    int partition;
    std::int64_t arrival;
};

std::vector<Row> rows(const std::string& csv) {
    std::vector<Row> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ls(line);
        std::string cell;
        while (std::getline(ls, cell, ','))
            f.push_back(cell);
        REQUIRE(f.size() == 5);
        out.push_back({std::stoll(f[0]), f[1], f[2], std::stoi(f[3]), std::stoll(f[4])});
    }
    return out;
}
} // namespace

TEST_SUITE("labs/gen-trace") {
    TEST_CASE("same arguments - same bytes - the seed changes them - the format is pinned") {
        const Args a = {"gen-trace", "--events",        "12",  "--keys", "3", "--rate", "2", "--out-of-order",
                        "5s",        "--late-fraction", "0.2", "--seed", "7"};
        const Result r1 = cli(a), r2 = cli(a);
        REQUIRE(r1.code == 0);
        CHECK(r1.err.empty());
        CHECK(r1.out == r2.out);
        Args b = a;
        b.back() = "8";
        CHECK(cli(b).out != r1.out);
        // Pinned: a change of the generator or of the format must be deliberate (sim::Rng is portable).
        CHECK(r1.out.rfind("ts,key,value,partition,arrival\n"
                           "1767225599997,k01,73.93,1,1767225600000\n"
                           "1767225598849,k02,21.30,3,1767225600500\n",
                           0) == 0);
    }

    TEST_CASE("columns: arrival order - delays within the documented bounds - Kafka's key partition") {
        const Result r =
            cli({"gen-trace", "--events", "5000", "--keys", "50", "--rate", "100", "--out-of-order", "2s",
                 "--late-fraction", "0.1", "--partitions", "3", "--seed", "3"});
        REQUIRE(r.code == 0);
        const std::vector<Row> v = rows(r.out);
        REQUIRE(v.size() == 5000);
        int late = 0;
        std::set<std::string> keys;
        for (std::size_t i = 0; i < v.size(); ++i) {
            CHECK(v[i].arrival == 1767225600000 + static_cast<std::int64_t>(i) * 10);
            const std::int64_t delay = v[i].arrival - v[i].ts;
            REQUIRE(delay >= 0);
            if (delay > 2000) {
                ++late;
                CHECK(delay >= 3000);
                CHECK(delay <= 2000 + 1000 + 10000);
            }
            CHECK(v[i].partition == fluxolab::sim::javaKeyPartition(v[i].key, 3));
            CHECK(v[i].value.size() >= 4);
            CHECK(v[i].value[v[i].value.size() - 3] == '.');
            keys.insert(v[i].key);
        }
        CHECK(late > 350); // 10 % of 5000, give or take
        CHECK(late < 650);
        CHECK(keys.size() == 50);
        CHECK(keys.count("k01") == 1);
        CHECK(keys.count("k50") == 1);
    }

    TEST_CASE("an idle partition gets no element in its interval - and elements before and after it") {
        const Result r = cli({"gen-trace", "--events", "3000", "--keys", "20", "--rate", "10", "--partitions",
                              "2", "--idle-partition", "1:60s:120s", "--seed", "5"});
        REQUIRE(r.code == 0);
        int before = 0, during = 0, after = 0;
        for (const Row& row : rows(r.out)) {
            if (row.partition != 1) continue;
            const std::int64_t off = row.arrival - 1767225600000;
            if (off < 60000)
                ++before;
            else if (off < 120000)
                ++during;
            else
                ++after;
        }
        CHECK(before > 0);
        CHECK(during == 0);
        CHECK(after > 0);
        // Every partition idle: time passes with no element, then the trace goes on.
        const Result all = cli({"gen-trace", "--events", "3", "--keys", "1", "--partitions", "1", "--rate",
                                "1", "--idle-partition", "0:1s:100s"});
        REQUIRE(all.code == 0);
        const std::vector<Row> v = rows(all.out);
        REQUIRE(v.size() == 3);
        CHECK(v[1].arrival - v[0].arrival == 100000);
    }

    TEST_CASE("JSON Lines carry the same fields") {
        const Result r = cli({"gen-trace", "--events", "2", "--format", "jsonl", "--seed", "7", "--keys", "3",
                              "--rate", "2", "--late-fraction", "0.2"});
        REQUIRE(r.code == 0);
        CHECK(r.out.rfind("{\"ts\":1767225599997,\"key\":\"k01\",\"value\":73.93,\"partition\":1,"
                          "\"arrival\":1767225600000}\n",
                          0) == 0);
    }

    TEST_CASE("--out - is the standard output - --idle-partition may be repeated") {
        const Args plain = {"gen-trace", "--events", "20", "--keys", "3", "--seed", "5"};
        Args dash = plain;
        dash.insert(dash.end(), {"--out", "-"});
        const Result a = cli(plain), b = cli(dash);
        REQUIRE(a.code == 0);
        REQUIRE(b.code == 0);
        CHECK(b.out == a.out);
        CHECK(b.out.rfind("ts,key,value,partition,arrival\n", 0) == 0);
        CHECK_FALSE(std::filesystem::exists("-"));
        // --help (or -h) anywhere prints the usage and writes nothing else.
        for (const Args& help : {Args{"gen-trace", "--help", "--events", "5"}, Args{"gen-trace", "--events", "5", "-h"}}) {
            const Result h = cli(help);
            CHECK(h.code == 0);
            CHECK(h.out.rfind("Usage: fluxolab-cli gen-trace [--events N]", 0) == 0);
            CHECK(h.err.empty());
        }
        const Result twice = cli({"gen-trace", "--events", "20", "--partitions", "4", "--idle-partition", "1:0s:1s",
                                  "--idle-partition", "2:0s:1s"});
        CHECK(twice.code == 0);
        CHECK(twice.err.empty());
    }

    TEST_CASE("bad or absurd options: a clear message and exit 2") {
        const std::vector<std::pair<Args, std::string>> cases = {
            {{"gen-trace", "--events", "100000000"}, "limited to 50000000"},
            {{"gen-trace", "--events", "0"}, "--events expects"},
            {{"gen-trace", "--events", "ten"}, "--events expects"},
            {{"gen-trace", "--keys", "2000000"}, "--keys is limited"},
            {{"gen-trace", "--rate", "0"}, "--rate expects"},
            {{"gen-trace", "--out-of-order", "-5s"}, "--out-of-order expects"},
            {{"gen-trace", "--late-fraction", "1.5"}, "--late-fraction expects"},
            {{"gen-trace", "--late-fraction", "nan"}, "--late-fraction expects"},
            {{"gen-trace", "--idle-partition", "1:90s:30s"}, "FROM must be before TO"},
            {{"gen-trace", "--idle-partition", "9:1s:2s"}, "the trace has 4 partition(s)"},
            {{"gen-trace", "--idle-partition", "x"}, "PARTITION:FROM:TO"},
            {{"gen-trace", "--format", "xml"}, "csv or jsonl"},
            {{"gen-trace", "--seed"}, "--seed needs a value"},
            {{"gen-trace", "--bogus", "1"}, "unknown option '--bogus'"},
            {{"gen-trace", "--seed", "1", "--bogus"}, "unknown option '--bogus'"},
            {{"gen-trace", "--events", "1000", "--keys", "5", "--events", "10"},
             "--events is given twice ('1000' and '10'): give it once"},
            {{"gen-trace", "stray"}, "unexpected argument 'stray'"},
            {{"gen-trace", "--out", "/nonexistent-dir/x.csv"}, "cannot write"},
        };
        for (const auto& [args_, needle_] : cases) {
            const auto& args = args_; const auto& needle = needle_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
            CAPTURE(args.size());
            CAPTURE(needle);
            const Result r = cli(args);
            CHECK(r.code == 2);
            CHECK(r.err.find(needle) != std::string::npos);
            CHECK(r.out.empty());
        }
    }
}
