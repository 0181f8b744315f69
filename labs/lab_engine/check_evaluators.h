#pragma once
// The lab checks (lab.schema.json, docs/labs.md), one evaluator per check type, in a registry: the
// lab validator asks it which types exist and which fields each needs, the engine asks it to
// evaluate. A new check type is one entry in check_evaluators.cpp (and its line in the schema).

#include "labs/backend/cluster_backend.h"
#include "labs/lab_engine/lab_engine.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::labs {

/// What a check reads: the cluster and the commands the student ran since the step began.
struct CheckContext {
    const ClusterBackend& backend;
    const std::vector<HistoryEntry>& history;
    std::size_t from = 0;     ///< index of the step's first history entry
    std::size_t labFrom = 0;  ///< index of the lab's first history entry (countsWholeLab)
};

/// Whether `c` counts the commands of the whole lab rather than of its step only: the stream checks
/// (a replay's results are the same whenever it ran: a student who ran a later step's command first
/// has what that step asks for) and the console clients (a consumer or producer started in an earlier
/// step is still the student's consumer). A describe or an answer must come in its own step (lab 3
/// describes its group after every change).
bool countsWholeLab(const Check& c);

/// How an evaluator reports what a check lacks when the lab is loaded.
struct CheckRequirements {
    /// "check 'T' needs 'FIELD'" unless `present`.
    std::function<void(const char* field, bool present)> need;
    /// A field with a value the check does not accept: (field, what is wrong, the value given).
    std::function<void(const char* field, LabErrorCode code, const std::string& value)> invalid;
    /// Whether the lab's JSON gives `field` at all (an empty string counts).
    std::function<bool(const char* field)> given;
};

struct CheckEvaluator {
    std::string_view type;
    /// Checks the fields this type needs (the JSON structure itself is the validator's job).
    void (*validate)(const Check& check, const CheckRequirements& req);
    /// Evaluates the check now.
    CheckResult (*evaluate)(const Check& check, const CheckContext& ctx);
};

/// Every check type, in the order of lab.schema.json.
const std::vector<CheckEvaluator>& checkEvaluators();
/// The evaluator of `type`; nullptr if there is none.
const CheckEvaluator* findCheckEvaluator(std::string_view type);
/// Evaluates `check` (all / any / not evaluate their children through this too).
CheckResult evaluateCheck(const Check& check, const CheckContext& ctx);

} // namespace fluxolab::labs
