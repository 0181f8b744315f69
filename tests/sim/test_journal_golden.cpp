// Guard rail: the journal of every shipped scenario at seeds 1-5 is byte-identical to the committed
// golden hashes (tests/sim/golden/journal_hashes.txt). A change in behaviour is then always deliberate
// and visible in review: rerun with FLUXOLAB_UPDATE_GOLDEN=1 and commit the new file, saying why.
#include "sim/hash.h"
#include "tests/scenario_error_debug.h"
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

using namespace fluxolab::sim;

namespace {
const std::filesystem::path kScenarioDir = FLUXOLAB_SOURCE_DIR "/assets/scenarios";
const std::filesystem::path kGoldenFile = FLUXOLAB_SOURCE_DIR "/tests/sim/golden/journal_hashes.txt";
constexpr TimeMs kMaxVirtualMs = 3600000; // fluxolab-cli simulate's limit
constexpr TimeMs kProgressAfterMs = 600000;
constexpr TimeMs kProgressStepMs = 300000;

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The journal's SHA-256 exactly as `fluxolab-cli simulate SCENARIO --seed S --journal J` writes and
/// hashes it (one toJson line per event, each ended by '\n'; the same runUntil steps).
std::string journalHash(const Scenario& scenario, std::uint64_t seed) {
    ScenarioRun run(scenario, seed);
    const TimeMs target = std::min(scenario.duration_ms, kMaxVirtualMs);
    if (target > kProgressAfterMs)
        for (TimeMs t = kProgressStepMs; t < target; t += kProgressStepMs) run.runUntil(t);
    run.runUntil(target);
    const Journal& j = run.sim().journal();
    Sha256 hash;
    for (std::size_t i = 0; i < j.size(); ++i) {
        std::string line = j.toJson(i);
        line.push_back('\n');
        hash.update(line);
    }
    return hash.hexDigest();
}

std::vector<std::filesystem::path> shippedScenarios() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(kScenarioDir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// "scenario seed" -> hash
std::map<std::string, std::string> readGolden() {
    std::map<std::string, std::string> golden;
    std::istringstream in(readFile(kGoldenFile));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        std::istringstream fields(line);
        std::string name, seed, hash;
        fields >> name >> seed >> hash;
        golden[name + " " + seed] = hash;
    }
    return golden;
}
} // namespace

TEST_SUITE("sim/golden") {
    TEST_CASE("journals of every shipped scenario at seeds 1-5 match the committed hashes") {
        const auto files = shippedScenarios();
        REQUIRE(files.size() >= 6);
        std::ostringstream actual;
        actual << "# scenario seed journal-sha256 (fluxolab-cli simulate SCENARIO --seed S --journal J)\n"
               << "# Regenerate: FLUXOLAB_UPDATE_GOLDEN=1 build/tests/fluxolab_sim_tests -ts=sim/golden\n"
               << "# (scenarios with trace_feeds: FLUXOLAB_UPDATE_GOLDEN=1 build/tests/fluxolab_labs_tests -ts=labs/stream-topic)\n";
        std::map<std::string, std::string> computed;
        for (const auto& file : files) {
            ScenarioError error;
            const auto scenario = parseScenario(readFile(file), file.string(), error);
            REQUIRE_MESSAGE(scenario, file.string() << ": " << fluxolab::testing::describe(error));
            const std::string name = file.stem().string();
            if (!scenario->trace_feeds.empty()) {
                // Its trace is read and fed by labs::Session (the simulation reads no files): labs/stream-topic
                // checks these lines of the same file ("journals of scenarios with a trace feed ...").
                const auto golden = readGolden();
                for (std::uint64_t seed = 1; seed <= 5; ++seed) {
                    const auto it = golden.find(name + " " + std::to_string(seed));
                    CHECK_MESSAGE(it != golden.end(), name << " " << seed << " is missing from the golden file");
                    computed[name + " " + std::to_string(seed)] = it == golden.end() ? "<missing>" : it->second;
                    actual << name << " " << seed << " " << computed[name + " " + std::to_string(seed)] << "\n";
                }
                continue;
            }
            for (std::uint64_t seed = 1; seed <= 5; ++seed) {
                const std::string hash = journalHash(*scenario, seed);
                computed[name + " " + std::to_string(seed)] = hash;
                actual << name << " " << seed << " " << hash << "\n";
            }
        }
        const char* update = std::getenv("FLUXOLAB_UPDATE_GOLDEN");
        if (update != nullptr && std::string(update) == "1") {
            std::ofstream out(kGoldenFile, std::ios::binary | std::ios::trunc);
            out << actual.str();
            REQUIRE_MESSAGE(out.good(), "cannot write " << kGoldenFile.string());
            MESSAGE("rewrote " << kGoldenFile.string());
            return;
        }
        const auto golden = readGolden();
        for (const auto& [key_, hash_] : computed) {
            const auto& key = key_; const auto& hash = hash_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
            const auto it = golden.find(key);
            const std::string expected = it == golden.end() ? "<missing>" : it->second;
            CHECK_MESSAGE(expected == hash, "journal of scenario/seed '"
                                                << key << "' changed (golden " << expected << ", now " << hash
                                                << "). If the change in behaviour is deliberate, rerun with "
                                                   "FLUXOLAB_UPDATE_GOLDEN=1 and commit "
                                                   "tests/sim/golden/journal_hashes.txt saying why.");
        }
        CHECK_MESSAGE(golden.size() == computed.size(),
                      "the golden file lists " << golden.size() << " runs, the shipped scenarios give "
                                               << computed.size() << "; rerun with FLUXOLAB_UPDATE_GOLDEN=1");
    }
}
