// libFuzzer harness: scenario JSON (sim/scenario). Parses the input; a scenario that parses
// must render back to JSON that parses to the same scenario, and must run (bounded virtual time).
#include "fuzz_common.h"
#include "labs/backend/scenario_errors.h"
#include "sim/scenario.h"

#include <algorithm>

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::asText(data, size));
    sim::ScenarioError error;
    const auto scenario = sim::parseScenario(text, "fuzz.json", error);
    if (!scenario) {
        if (!error.failed()) fuzz::fail("a rejected scenario has no error code", text);
        if (labs::scenarioErrorReason(error).empty()) fuzz::fail("a rejected scenario has no error message", text);
        return 0;
    }
    const std::string json = sim::scenarioToJson(*scenario);
    sim::ScenarioError again;
    const auto reparsed = sim::parseScenario(json, "roundtrip.json", again);
    if (!reparsed) fuzz::fail("scenarioToJson output does not parse", labs::scenarioErrorText(again) + "\n" + json);
    if (sim::scenarioToJson(*reparsed) != json) fuzz::fail("scenario JSON does not round-trip", json);

    // A short run: the first second of virtual time (actions and consumers included).
    sim::ScenarioRun run(*scenario, scenario->seed);
    run.runUntil(std::min<sim::TimeMs>(scenario->duration_ms, 1000));
    return 0;
}
