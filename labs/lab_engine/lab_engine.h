#pragma once
// Guided labs: the JSON lab format (labs/content/lab.schema.json, docs/labs.md), its validator,
// and the engine that evaluates each step's declarative check against the cluster (through a
// ClusterBackend) and the history of commands the student ran.

#include "labs/backend/cluster_backend.h"
#include "labs/backend/model_types.h"
#include "labs/common/teaching_notes.h"
#include "labs/shell/script_runner.h"

#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs {

/// A lab's text in both course languages (pt-PT first; English falls back to Portuguese when
/// missing). Not sim::LocalizedText, a scenario's title/description (pt_PT and en, both given).
struct LabText {
    std::string pt;
    std::string en;
    const std::string& get(Language lang) const { return lang == Language::English && !en.empty() ? en : pt; }
};

struct SetupAction {
    std::string action; ///< create_topic | delete_topic | produce | run
    std::string topic;
    std::int32_t partitions = 1;
    std::int32_t replication_factor = 1;
    std::vector<std::pair<std::optional<std::string>, std::string>> records; ///< (key, value)
    std::string command; ///< for "run"
};

/// A declarative predicate. `type` selects which fields matter (see lab.schema.json) and which
/// evaluator of labs/lab_engine/check_evaluators.h checks it.
struct Check {
    std::string type;
    std::string topic, group, key, value, state, kind;
    std::string trace;  ///< stream checks: the trace a `fluxolab-cli replay` ran on (file name)
    std::string firing; ///< stream_window: on-time | late-update
    std::optional<std::int32_t> partition, partitions, replication_factor, members;
    std::optional<std::int64_t> min, max, equals, offset;
    std::optional<std::int64_t> window_start; ///< stream_window: the window's start (epoch ms, as printed)
    std::optional<std::int64_t> watermark;    ///< stream_window: watermark_at_fire (epoch ms, as printed)
    std::vector<std::string> args;
    std::vector<Check> children; ///< all / any / not
};

struct LabStep {
    std::string id;
    LabText title;
    LabText instructions; ///< Markdown
    std::vector<SetupAction> setup;
    Check check;
    std::vector<LabText> hints;
    LabText explanation; ///< shown on success
};

struct Lab {
    std::string id;
    int version = 1;
    LabText title;
    std::string level; ///< beginner | intermediate | advanced
    int duration_minutes = 0;
    std::vector<LabText> objectives;
    std::int32_t brokers = 1;
    std::uint64_t seed = 1;
    /// The run the stream view opens on with the lab (the stream labs): `fluxolab-cli replay`'s
    /// arguments, the trace first, split at spaces. Empty: the lab is about the cluster view.
    std::vector<std::string> stream_view;
    std::vector<LabStep> steps;
    std::string source_file;
};

/// What is wrong with a lab file. Crosses into the app as a code with its parameters: fluxolab-cli's
/// English is made here (labErrorReason), the app's text with tr() (app/core/errortexts.h).
enum class LabErrorCode {
    None,
    NotValidJson,         ///< detail: the JSON library's reason
    CannotReadFile,
    CannotListDirectory,  ///< detail: the system's reason
    DuplicateLabId,       ///< value: the id
    MissingProperty,      ///< value: the property
    NotAString,
    NotAnInteger,
    OutOfRange,           ///< low, high
    NotALabText,          ///< not an object with "pt" and "en" strings
    UnknownLanguage,
    UnknownProperty,      ///< value: the property
    CheckNotAnObject,
    ChecksTooDeep,        ///< high: the deepest nesting allowed
    UnknownCheckType,     ///< value: the type
    NotAStringArray,
    NotACheckList,
    CheckNeedsField,      ///< value: the check type, field: the field it needs
    SetupNotAnObject,
    UnknownSetupAction,   ///< value: the action
    NotAnArray,
    RecordNotAnObject,
    LabNotAnObject,
    BadLabId,
    BadLevel,
    NotANonEmptyArray,
    NotAnObject,
    StepNotAnObject,
    DuplicateStepId,      ///< value: the step id
    InvalidTopicName,     ///< value: the topic, detail: Kafka's own message
    ReplicationFactorUnreachable, ///< low: the factor, high: the lab's brokers, detail: Kafka's own message
    UnknownGroupState,    ///< value: the state
    UnknownCommandKind,   ///< value: the kind
    CommandRunState,
    BadFiring,            ///< value: the firing given
    MissingTranslation,   ///< value: the language ("en" or "pt") whose text is absent or empty
    Last = MissingTranslation
};

struct LabError {
    std::string file;
    std::string path; ///< JSON pointer, e.g. /steps/2/check/type
    std::string message; ///< fluxolab-cli's English: labErrorReason(*this)
    LabErrorCode code = LabErrorCode::None;
    std::string value;  ///< the offending value, property, id or type
    std::string field;  ///< the field a check needs (CheckNeedsField)
    std::string detail; ///< the JSON library's, the system's or Kafka's own text
    long long low = 0, high = 0;
};
/// A lab error with its English message filled in.
LabError makeLabError(std::string file, std::string path, LabErrorCode code, std::string value = {},
                      std::string detail = {}, long long low = 0, long long high = 0, std::string field = {});
/// The reason alone, in English, as fluxolab-cli prints it (the one place this text is made).
std::string labErrorReason(const LabError& e);
/// "FILE: /json/pointer: reason", as fluxolab-cli prints it.
std::string formatLabError(const LabError& e);

struct LabLoadResult {
    std::optional<Lab> lab;
    std::vector<LabError> errors;
};

/// Parses and validates lab JSON text (never throws).
LabLoadResult parseLab(const std::string& json_text, const std::string& file = "<memory>");
LabLoadResult loadLabFile(const std::string& path);

struct LabCatalog {
    std::vector<Lab> labs; ///< in course order: sorted by file name (01-..., 02-...)
    std::vector<LabError> errors; ///< of the files that could not be loaded (each file's labs are left out)
};
/// Every *.json lab in `dir` (lab.schema.json excluded).
LabCatalog loadLabCatalog(const std::string& dir);
/// A lab by id, file stem or path.
LabLoadResult findLab(const std::string& name, const std::string& dir);
/// The guided labs folder: dataDirectory(DataKind::Labs) (labs/common/data_dirs.h).
std::string defaultLabDirectory();

/// Why a check does not pass (or what it found), as a code with its parameters: fluxolab-cli prints
/// CheckResult::detail (English); the app words the code with tr() (LabPanel::checkReasonText), so that
/// the lab panel can say, in the UI language, what a step still waits for.
enum class CheckReason : std::uint8_t {
    None,
    TopicMissing,          ///< topic
    TopicShape,            ///< topic, partitions, replication factor
    TopicExists,           ///< topic (topic_absent)
    GroupMissing,          ///< group
    GroupIs,               ///< group, state, members
    GroupNoCommit,         ///< group, topic: LAG is - on every partition
    NoCommittedOffset,     ///< topic-partition
    CommittedOffsetIs,     ///< topic-partition, offset
    NoRecordWithKey,       ///< key, topic
    KeyInPartition,        ///< key, partition, topic
    // Counts: the last four arguments are the count found, then the limits (equals, min, max; "" if absent).
    LagIs,                 ///< group, topic, ...
    RecordCountIs,         ///< topic, ...
    CommandsRun,           ///< command kind, ...
    WindowFirings,         ///< key, window start, ...
    StreamRuns,            ///< command, ... (runs in the whole lab)
    LateElements,          ///< key ("" for any), ...
    AlertsFor,             ///< key, ...
    RecoveredDuplicates,   ///< ... (same results; the DUPLICATE lines counted)
    NoRun,                 ///< command: no successful run in this lab (stream checks count the whole lab)
    NoCrashRun,            ///< command: no successful run with --crash-at in this lab
    NoCleanRun,            ///< command: no successful run without --crash-at in this lab
    RecoveredDiffers,      ///< the crash run's results differ from the run without a crash
    RecoveredOptionsDiffer,///< the two runs differ in other options
    NegatedHolds,          ///< a "not" check: what must not hold holds
    NoAnswer,              ///< command (echo): no answer given in this step
    AnswerNotExpected,     ///< the last answer given: it is not the expected one (which is not shown)
    CommandsRunInLab,      ///< command kind, ...: as CommandsRun, counted over the whole lab (countsWholeLab)
    Last = CommandsRunInLab
};

struct CheckResult {
    bool passed = false;
    std::string detail; ///< English, technical: what was found
    CheckReason reason = CheckReason::None;
    std::vector<std::string> args; ///< the reason's parameters (see CheckReason)
};

class LabEngine {
public:
    LabEngine(const Lab& lab, ClusterBackend& backend);
    const Lab& lab() const { return m_lab; }
    /// Applies the setup of the current step (call once at the start and after restore).
    void start();
    std::size_t currentStep() const { return m_current; }
    bool finished() const { return m_current >= m_lab.steps.size(); }
    bool stepPassed(std::size_t step) const { return m_passed[step]; }
    /// Evaluates a step's check now; `history_from` = index of the first history entry that counts.
    CheckResult evaluate(std::size_t step, const std::vector<HistoryEntry>& history) const;
    /// Evaluates the current step; while it passes, marks it and moves on (running the next setup).
    /// Returns the steps passed by this call.
    std::vector<std::size_t> update(const std::vector<HistoryEntry>& history);
    /// Reveals the next hint of a step; nullopt when all are shown.
    std::optional<std::string> revealHint(std::size_t step, Language lang);
    int hintsRevealed(std::size_t step) const { return m_hints[step]; }
    /// Index of the first history entry that counts for `step` (the commands run since it began).
    std::size_t stepHistoryStart(std::size_t step) const { return m_stepHistoryStart[step]; }
    /// Progress as JSON text, and back. restore() validates against this lab. `hints_only`: keep
    /// the steps as they are (e.g. after replaying the student's commands) and restore the hints.
    std::string saveProgress() const;
    bool restoreProgress(const std::string& json_text, std::string* error = nullptr, bool hints_only = false);

private:
    void runSetup(const LabStep& step);

    Lab m_lab;
    ClusterBackend& m_backend;
    std::size_t m_current = 0;
    std::vector<bool> m_passed;
    std::vector<int> m_hints;
    std::vector<std::size_t> m_stepHistoryStart;
    std::size_t m_historySeen = 0;
};

struct StepReport {
    std::string id;
    bool reached = false;
    bool passed = false;
    std::string detail;
    /// A step reached and not passed: its check as it was after the last command run while the step
    /// was the current one (as the app shows it), not after the script ended and its background
    /// consumers were stopped.
    CheckResult result;
};

struct LabRunReport {
    std::vector<StepReport> steps;
    bool all_passed = false;
    std::string transcript;
};

/// Virtual time a lab's cluster can run (the app's timeline length): two hours.
inline constexpr TimeMs kLabDurationMs = TimeMs{2} * 60 * 60 * 1000;
/// The one definition of a lab's cluster: a fresh KRaft cluster of lab.brokers brokers at `seed`,
/// as a scenario without topics, clients or actions. The app loads it; runLabWithScript() builds its
/// SimBackend from it (SimBackend(scenario.cluster, scenario.seed)).
sim::Scenario labScenario(const Lab& lab, std::uint64_t seed);

/// Runs a solution script on a fresh simulated cluster, updating the lab after every command.
LabRunReport runLabWithScript(const Lab& lab, const ParsedScript& script, std::optional<std::uint64_t> seed,
                              const std::string& base_dir = {});
/// The same on any backend (a real cluster: the lab's setup and checks act on it).
LabRunReport runLabOnBackend(const Lab& lab, const ParsedScript& script, ClusterBackend& backend,
                             const std::string& base_dir = {});
std::string formatLabReport(const Lab& lab, const LabRunReport& report, Language lang);

} // namespace fluxolab::labs
