#pragma once
// fluxolab-cli's English for a scenario file's errors (sim::ScenarioError: a code and its
// parameters). The one place that text is made; the app makes its own with tr() (app/core/errortext.h).

#include "sim/scenario.h"

#include <string>

namespace fluxolab::labs {

/// The reason alone: "must be between 1 and 9", "unknown field \"x\"", Kafka's own message ...
std::string scenarioErrorReason(const sim::ScenarioError& error);
/// "FILE:LINE: /json/pointer: reason", as fluxolab-cli prints it ("<scenario>" without a file name).
std::string scenarioErrorText(const sim::ScenarioError& error);

} // namespace fluxolab::labs
