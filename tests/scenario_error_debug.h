#pragma once
// For the tests that link the simulation alone (tests/sim, tests/stream): a scenario error as a
// diagnostic line (code number, place, parameters). The text users read is made in labs/
// (labs/backend/scenario_errors.h) and in the app.
#include "sim/scenario.h"

#include <string>

namespace fluxolab::testing {
inline std::string describe(const sim::ScenarioError& e) {
    return e.file + ":" + std::to_string(e.line) + ": " + e.path + ": code " + std::to_string(static_cast<int>(e.code)) +
           " value '" + e.value + "' [" + e.low + ", " + e.high + "] " + e.detail;
}
} // namespace fluxolab::testing
