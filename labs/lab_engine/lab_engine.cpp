#include "labs/lab_engine/lab_engine.h"
#include "labs/lab_engine/check_reason_text.h"

#include "labs/lab_engine/check_evaluators.h"
#include "labs/lab_engine/setup_client.h"

#include "labs/common/data_dirs.h"
#include "labs/backend/sim_backend.h"
#include "sim/kafka_errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fluxolab::labs {

using nlohmann::json;

LabError makeLabError(std::string file, std::string path, LabErrorCode code, std::string value, std::string detail,
                      long long low, long long high, std::string field) {
    LabError e;
    e.file = std::move(file);
    e.path = std::move(path);
    e.code = code;
    e.value = std::move(value);
    e.field = std::move(field);
    e.detail = std::move(detail);
    e.low = low;
    e.high = high;
    e.message = labErrorReason(e);
    return e;
}

std::string labErrorReason(const LabError& e) {
    const std::string q = "'" + e.value + "'";
    switch (e.code) {
    case LabErrorCode::None: return {};
    case LabErrorCode::NotValidJson: return "not valid JSON: " + e.detail;
    case LabErrorCode::CannotReadFile: return "cannot read the file";
    case LabErrorCode::CannotListDirectory: return "cannot list the lab directory: " + e.detail;
    case LabErrorCode::DuplicateLabId: return "another lab file already uses the id " + q;
    case LabErrorCode::MissingProperty: return "missing required property " + q;
    case LabErrorCode::NotAString: return "must be a string";
    case LabErrorCode::NotAnInteger: return "must be an integer";
    case LabErrorCode::OutOfRange: return "must be between " + std::to_string(e.low) + " and " + std::to_string(e.high);
    case LabErrorCode::NotALabText: return R"(must be an object with "pt" and "en" strings)";
    case LabErrorCode::UnknownLanguage: return R"(unknown language (use "pt" and "en"))";
    case LabErrorCode::MissingTranslation:
        return "no " + q + R"( text: every text a student reads must be given in "pt" and "en", neither empty)";
    case LabErrorCode::UnknownProperty: return "unknown property " + q;
    case LabErrorCode::CheckNotAnObject: return "a check must be an object";
    case LabErrorCode::ChecksTooDeep: return "checks are nested too deeply (max " + std::to_string(e.high) + ")";
    case LabErrorCode::UnknownCheckType: return "unknown check type " + q;
    case LabErrorCode::NotAStringArray: return "must be an array of strings";
    case LabErrorCode::NotACheckList: return "must be a non-empty array of checks";
    case LabErrorCode::CheckNeedsField: return "check " + q + " needs '" + e.field + "'";
    case LabErrorCode::SetupNotAnObject: return "a setup action must be an object";
    case LabErrorCode::UnknownSetupAction: return "unknown setup action " + q;
    case LabErrorCode::NotAnArray: return "must be an array";
    case LabErrorCode::RecordNotAnObject: return "a record must be an object with 'value' (and optional 'key')";
    case LabErrorCode::LabNotAnObject: return "a lab must be a JSON object";
    case LabErrorCode::BadLabId: return "must use lower-case letters, digits and '-' only";
    case LabErrorCode::BadLevel: return "must be beginner, intermediate or advanced";
    case LabErrorCode::NotANonEmptyArray: return "must be a non-empty array";
    case LabErrorCode::NotAnObject: return "must be an object";
    case LabErrorCode::StepNotAnObject: return "a step must be an object";
    case LabErrorCode::DuplicateStepId: return "duplicate step id " + q;
    case LabErrorCode::InvalidTopicName: return e.detail;
    case LabErrorCode::ReplicationFactorUnreachable:
        return e.detail + " (the lab's cluster has " + std::to_string(e.high) + " broker(s): /cluster/brokers)";
    case LabErrorCode::UnknownGroupState: return "unknown group state " + q;
    case LabErrorCode::UnknownCommandKind: return "unknown command kind " + q;
    case LabErrorCode::CommandRunState:
        return "a command_run takes only \"state\": \"Stable\", on consumer-groups.describe "
               "(a describe that showed a stable group)";
    case LabErrorCode::BadFiring: return "firing must be on-time or late-update";
    }
    return {};
}

std::string formatLabError(const LabError& e) { return e.file + ": " + (e.path.empty() ? "/" : e.path) + ": " + e.message; }

// ---------------------------------------------------------------------------------------------
// Parsing and validation

namespace {

const std::set<std::string> kSetupActions = {"create_topic", "delete_topic", "produce", "run"};

class Validator {
public:
    explicit Validator(std::string file) : m_file(std::move(file)) {}
    std::vector<LabError> errors;
    std::string m_file;

    void error(const std::string& path, LabErrorCode code, std::string value = {}, std::string detail = {},
               long long low = 0, long long high = 0, std::string field = {}) {
        errors.push_back(makeLabError(m_file, path, code, std::move(value), std::move(detail), low, high, std::move(field)));
    }

    const json* member(const json& obj, const std::string& path, const char* key, bool required) {
        if (!obj.is_object()) return nullptr;
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(path, LabErrorCode::MissingProperty, key);
            return nullptr;
        }
        return &*it;
    }
    std::string str(const json& obj, const std::string& path, const char* key, bool required) {
        const json* v = member(obj, path, key, required);
        if (!v) return {};
        if (!v->is_string()) {
            error(path + "/" + key, LabErrorCode::NotAString);
            return {};
        }
        return v->get<std::string>();
    }
    std::optional<std::int64_t> integer(const json& obj, const std::string& path, const char* key, bool required,
                                        std::int64_t lo = INT64_MIN, std::int64_t hi = INT64_MAX) {
        const json* v = member(obj, path, key, required);
        if (!v) return std::nullopt;
        if (!v->is_number_integer()) {
            error(path + "/" + key, LabErrorCode::NotAnInteger);
            return std::nullopt;
        }
        const auto n = v->get<std::int64_t>();
        if (n < lo || n > hi) {
            error(path + "/" + key, LabErrorCode::OutOfRange, {}, {}, lo, hi);
            return std::nullopt;
        }
        return n;
    }
    LabText text(const json& obj, const std::string& path, const char* key, bool required) {
        LabText t;
        const json* v = member(obj, path, key, required);
        if (!v) return t;
        const std::string p = path + "/" + key;
        if (!v->is_object()) {
            error(p, LabErrorCode::NotALabText);
            return t;
        }
        return bothLanguages(*v, p);
    }
    /// A text every student reads, in pt-PT and in English: both present and not empty (a lab without
    /// its English would show the Portuguese under --lang en).
    LabText bothLanguages(const json& v, const std::string& p) {
        LabText t;
        const json* pt = member(v, p, "pt", true);
        if (pt && !pt->is_string()) error(p + "/pt", LabErrorCode::NotAString);
        else if (pt) t.pt = pt->get<std::string>();
        if (pt && pt->is_string() && t.pt.find_first_not_of(" \t\n") == std::string::npos)
            error(p + "/pt", LabErrorCode::MissingTranslation, "pt");
        const auto en = v.find("en");
        if (en == v.end()) error(p, LabErrorCode::MissingTranslation, "en");
        else if (!en->is_string()) error(p + "/en", LabErrorCode::NotAString);
        else {
            t.en = en->get<std::string>();
            if (t.en.find_first_not_of(" \t\n") == std::string::npos)
                error(p + "/en", LabErrorCode::MissingTranslation, "en");
        }
        for (auto it = v.begin(); it != v.end(); ++it)
            if (it.key() != "pt" && it.key() != "en") error(p + "/" + it.key(), LabErrorCode::UnknownLanguage, it.key());
        return t;
    }
    void onlyKeys(const json& obj, const std::string& path, std::initializer_list<const char*> keys) {
        if (!obj.is_object()) return;
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool ok = false;
            for (const char* k : keys) ok = ok || it.key() == k;
            if (!ok) error(path + "/" + it.key(), LabErrorCode::UnknownProperty, it.key());
        }
    }

    Check check(const json& j, const std::string& path, int depth = 0) {
        Check c;
        if (!j.is_object()) {
            error(path, LabErrorCode::CheckNotAnObject);
            return c;
        }
        if (depth > 8) {
            error(path, LabErrorCode::ChecksTooDeep, {}, {}, 0, 8);
            return c;
        }
        c.type = str(j, path, "type", true);
        const CheckEvaluator* evaluator = c.type.empty() ? nullptr : findCheckEvaluator(c.type);
        if (!c.type.empty() && !evaluator) error(path + "/type", LabErrorCode::UnknownCheckType, c.type);
        onlyKeys(j, path, {"type", "checks", "check", "topic", "group", "key", "value", "state", "kind", "partition",
                           "partitions", "replication_factor", "members", "min", "max", "equals", "offset", "args",
                           "trace", "window_start", "firing", "watermark"});
        c.topic = str(j, path, "topic", false);
        c.group = str(j, path, "group", false);
        c.key = str(j, path, "key", false);
        c.value = str(j, path, "value", false);
        c.state = str(j, path, "state", false);
        c.kind = str(j, path, "kind", false);
        c.trace = str(j, path, "trace", false);
        c.firing = str(j, path, "firing", false);
        c.window_start = integer(j, path, "window_start", false);
        c.watermark = integer(j, path, "watermark", false);
        auto i32 = [&](const char* k, std::int64_t lo, std::int64_t hi) -> std::optional<std::int32_t> {
            auto v = integer(j, path, k, false, lo, hi);
            return v ? std::optional<std::int32_t>(static_cast<std::int32_t>(*v)) : std::nullopt;
        };
        c.partition = i32("partition", 0, 100000);
        c.partitions = i32("partitions", 1, 100000);
        c.replication_factor = i32("replication_factor", 1, 32767);
        c.members = i32("members", 0, 100000);
        c.min = integer(j, path, "min", false);
        c.max = integer(j, path, "max", false);
        c.equals = integer(j, path, "equals", false);
        c.offset = integer(j, path, "offset", false, 0);
        if (const json* a = member(j, path, "args", false)) {
            if (!a->is_array()) error(path + "/args", LabErrorCode::NotAStringArray);
            else
                for (std::size_t i = 0; i < a->size(); ++i) {
                    if ((*a)[i].is_string()) c.args.push_back((*a)[i].get<std::string>());
                    else error(path + "/args/" + std::to_string(i), LabErrorCode::NotAString);
                }
        }
        // all / any / not: their children are checks, parsed here; every type's own fields are its evaluator's.
        if (c.type == "all" || c.type == "any") {
            const json* list = member(j, path, "checks", true);
            if (list && (!list->is_array() || list->empty())) error(path + "/checks", LabErrorCode::NotACheckList);
            else if (list)
                for (std::size_t i = 0; i < list->size(); ++i)
                    c.children.push_back(check((*list)[i], path + "/checks/" + std::to_string(i), depth + 1));
        } else if (c.type == "not") {
            if (const json* inner = member(j, path, "check", true)) c.children.push_back(check(*inner, path + "/check", depth + 1));
        }
        if (evaluator)
            evaluator->validate(c, CheckRequirements{
                                       [&](const char* field, bool present) {
                                           if (!present) error(path, LabErrorCode::CheckNeedsField, c.type, {}, 0, 0, field);
                                       },
                                       [&](const char* field, LabErrorCode code, const std::string& value) {
                                           error(path + "/" + field, code, value);
                                       },
                                       [&](const char* field) { return j.is_object() && j.contains(field); }});
        return c;
    }

    SetupAction setup(const json& j, const std::string& path) {
        SetupAction a;
        if (!j.is_object()) {
            error(path, LabErrorCode::SetupNotAnObject);
            return a;
        }
        onlyKeys(j, path, {"action", "topic", "partitions", "replication_factor", "records", "command"});
        a.action = str(j, path, "action", true);
        if (!a.action.empty() && !kSetupActions.count(a.action)) error(path + "/action", LabErrorCode::UnknownSetupAction, a.action);
        a.topic = str(j, path, "topic", a.action != "run");
        a.partitions = static_cast<std::int32_t>(integer(j, path, "partitions", false, 1, 1000).value_or(1));
        a.replication_factor = static_cast<std::int32_t>(integer(j, path, "replication_factor", false, 1, 9).value_or(1));
        a.command = str(j, path, "command", a.action == "run");
        if (const json* recs = member(j, path, "records", a.action == "produce")) {
            if (!recs->is_array()) error(path + "/records", LabErrorCode::NotAnArray);
            else
                for (std::size_t i = 0; i < recs->size(); ++i) {
                    const std::string p = path + "/records/" + std::to_string(i);
                    const json& r = (*recs)[i];
                    if (!r.is_object()) {
                        error(p, LabErrorCode::RecordNotAnObject);
                        continue;
                    }
                    std::optional<std::string> key;
                    if (r.contains("key") && !r["key"].is_null()) key = str(r, p, "key", false);
                    a.records.emplace_back(key, str(r, p, "value", true));
                }
        }
        return a;
    }
};

} // namespace

LabLoadResult parseLab(const std::string& text, const std::string& file) {
    LabLoadResult res;
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) { // parse_error, or out_of_range for a number such as 1e999
        // e.what() starts with the library's exception name ("[json.exception.parse_error.101] "): the
        // author needs the place and the reason only.
        std::string what = e.what();
        if (what.rfind("[json.exception.", 0) == 0)
            if (const auto end = what.find("] "); end != std::string::npos) what.erase(0, end + 2);
        res.errors.push_back(makeLabError(file, "", LabErrorCode::NotValidJson, {}, what));
        return res;
    }
    Validator v(file);
    if (!root.is_object()) {
        v.error("", LabErrorCode::LabNotAnObject);
        res.errors = v.errors;
        return res;
    }
    Lab lab;
    lab.source_file = file;
    v.onlyKeys(root, "", {"$schema", "id", "version", "title", "level", "duration_minutes", "objectives", "cluster", "stream_view",
                      "steps"});
    lab.id = v.str(root, "", "id", true);
    if (!lab.id.empty() && lab.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        v.error("/id", LabErrorCode::BadLabId, lab.id);
    lab.version = static_cast<int>(v.integer(root, "", "version", true, 1, 1).value_or(1));
    lab.title = v.text(root, "", "title", true);
    lab.level = v.str(root, "", "level", true);
    if (!lab.level.empty() && lab.level != "beginner" && lab.level != "intermediate" && lab.level != "advanced")
        v.error("/level", LabErrorCode::BadLevel, lab.level);
    lab.duration_minutes = static_cast<int>(v.integer(root, "", "duration_minutes", true, 1, 600).value_or(0));
    if (const json* obj = v.member(root, "", "objectives", true)) {
        if (!obj->is_array() || obj->empty()) v.error("/objectives", LabErrorCode::NotANonEmptyArray);
        else
            for (std::size_t i = 0; i < obj->size(); ++i) {
                json wrap = {{"o", (*obj)[i]}};
                lab.objectives.push_back(v.text(wrap, "/objectives", "o", true));
                if (!v.errors.empty() && v.errors.back().path.rfind("/objectives/o", 0) == 0)
                    v.errors.back().path = "/objectives/" + std::to_string(i) + v.errors.back().path.substr(13);
            }
    }
    if (const json* cl = v.member(root, "", "cluster", false)) {
        if (!cl->is_object()) v.error("/cluster", LabErrorCode::NotAnObject);
        else {
            v.onlyKeys(*cl, "/cluster", {"brokers", "seed"});
            lab.brokers = static_cast<std::int32_t>(v.integer(*cl, "/cluster", "brokers", false, 1, 9).value_or(1));
            lab.seed = static_cast<std::uint64_t>(v.integer(*cl, "/cluster", "seed", false, 0).value_or(1));
        }
    }
    {
        std::istringstream words(v.str(root, "", "stream_view", false));
        for (std::string word; words >> word;) lab.stream_view.push_back(word);
    }
    if (const json* steps = v.member(root, "", "steps", true)) {
        if (!steps->is_array() || steps->empty()) v.error("/steps", LabErrorCode::NotANonEmptyArray);
        else {
            std::set<std::string> ids;
            for (std::size_t i = 0; i < steps->size(); ++i) {
                const std::string p = "/steps/" + std::to_string(i);
                const json& s = (*steps)[i];
                if (!s.is_object()) {
                    v.error(p, LabErrorCode::StepNotAnObject);
                    continue;
                }
                v.onlyKeys(s, p, {"id", "title", "instructions", "setup", "check", "hints", "explanation"});
                LabStep st;
                st.id = v.str(s, p, "id", true);
                if (!st.id.empty() && !ids.insert(st.id).second) v.error(p + "/id", LabErrorCode::DuplicateStepId, st.id);
                st.title = v.text(s, p, "title", true);
                st.instructions = v.text(s, p, "instructions", true);
                st.explanation = v.text(s, p, "explanation", true);
                if (const json* setup = v.member(s, p, "setup", false)) {
                    if (!setup->is_array()) v.error(p + "/setup", LabErrorCode::NotAnArray);
                    else
                        for (std::size_t k = 0; k < setup->size(); ++k)
                            st.setup.push_back(v.setup((*setup)[k], p + "/setup/" + std::to_string(k)));
                }
                if (const json* c = v.member(s, p, "check", true)) st.check = v.check(*c, p + "/check");
                if (const json* hints = v.member(s, p, "hints", false)) {
                    if (!hints->is_array()) v.error(p + "/hints", LabErrorCode::NotAnArray);
                    else
                        for (std::size_t k = 0; k < hints->size(); ++k) {
                            const json& h = (*hints)[k];
                            const std::string hp = p + "/hints/" + std::to_string(k);
                            if (!h.is_object()) {
                                v.error(hp, LabErrorCode::NotALabText);
                                continue;
                            }
                            st.hints.push_back(v.bothLanguages(h, hp));
                        }
                }
                lab.steps.push_back(std::move(st));
            }
        }
    }
    // A setup the lab's own cluster would refuse must not load: the engine ignores a failed create (the
    // student would then meet a topic auto-created with 1 partition, not the one the panel describes).
    for (std::size_t i = 0; i < lab.steps.size(); ++i)
        for (std::size_t k = 0; k < lab.steps[i].setup.size(); ++k) {
            const SetupAction& a = lab.steps[i].setup[k];
            const std::string p = "/steps/" + std::to_string(i) + "/setup/" + std::to_string(k);
            if (a.action != "create_topic" && a.action != "produce") continue;
            if (const std::string why = sim::invalidTopicNameMessage(a.topic); !a.topic.empty() && !why.empty())
                v.error(p + "/topic", LabErrorCode::InvalidTopicName, a.topic, why);
            if (a.action == "create_topic" && a.replication_factor > lab.brokers)
                v.error(p + "/replication_factor", LabErrorCode::ReplicationFactorUnreachable, {},
                        sim::replicationFactorUnreachableMessage(a.replication_factor, lab.brokers), a.replication_factor,
                        lab.brokers);
        }
    res.errors = v.errors;
    if (res.errors.empty()) res.lab = std::move(lab);
    return res;
}

LabLoadResult loadLabFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return LabLoadResult{std::nullopt, {makeLabError(path, "", LabErrorCode::CannotReadFile)}};
    std::ostringstream ss;
    ss << f.rdbuf();
    return parseLab(ss.str(), path);
}

std::string defaultLabDirectory() { return dataDirectory(DataKind::Labs); }

LabCatalog loadLabCatalog(const std::string& dir) {
    LabCatalog cat;
    std::error_code ec;
    std::vector<std::string> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        if (p.extension() == ".json" && p.filename() != "lab.schema.json") files.push_back(p.string());
    }
    if (ec) cat.errors.push_back(makeLabError(dir, "", LabErrorCode::CannotListDirectory, {}, ec.message()));
    // Course order: the file names start with the lab's number (01-..., 02-...).
    std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
        return std::filesystem::path(a).filename().string() < std::filesystem::path(b).filename().string();
    });
    std::set<std::string> ids;
    for (const auto& f : files) {
        LabLoadResult r = loadLabFile(f);
        cat.errors.insert(cat.errors.end(), r.errors.begin(), r.errors.end());
        if (r.lab && !ids.insert(r.lab->id).second) {
            cat.errors.push_back(makeLabError(f, "/id", LabErrorCode::DuplicateLabId, r.lab->id));
            continue;
        }
        if (r.lab) cat.labs.push_back(std::move(*r.lab));
    }
    return cat;
}

LabLoadResult findLab(const std::string& name, const std::string& dir) {
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) return loadLabFile(name);
    LabCatalog cat = loadLabCatalog(dir);
    for (auto& lab : cat.labs) {
        const std::string stem = std::filesystem::path(lab.source_file).stem().string();
        if (lab.id == name || stem == name) return LabLoadResult{std::move(lab), {}};
    }
    return LabLoadResult{std::nullopt, cat.errors};
}

// ---------------------------------------------------------------------------------------------
// Engine

LabEngine::LabEngine(const Lab& lab, ClusterBackend& backend)
    : m_lab(lab), m_backend(backend), m_passed(lab.steps.size(), false), m_hints(lab.steps.size(), 0),
      m_stepHistoryStart(lab.steps.size(), 0) {}

void LabEngine::start() {
    if (!finished()) runSetup(m_lab.steps[m_current]);
}

void LabEngine::runSetup(const LabStep& step) {
    for (const auto& a : step.setup) {
        if (a.action == "create_topic") {
            m_backend.createTopic(a.topic, a.partitions, a.replication_factor, {});
        } else if (a.action == "delete_topic") {
            m_backend.deleteTopic(a.topic);
        } else if (a.action == "produce") {
            ProducerSettings ps;
            ps.client_id = kLabSetupClientId;
            const auto h = m_backend.openProducer(ps);
            for (const auto& [k, v] : a.records) m_backend.send(h, a.topic, k, v);
            m_backend.closeProducer(h);
        } else if (a.action == "run") {
            std::string ignored;
            const ParsedScript ps = parseScript(a.command);
            ScriptRunner runner(m_backend, ScriptOptions{0, 3000, 600000, std::nullopt, {}});
            runner.run(ps, ignored);
        }
    }
}


CheckResult LabEngine::evaluate(std::size_t step, const std::vector<HistoryEntry>& history) const {
    if (step >= m_lab.steps.size()) {
        CheckResult none;
        none.detail = "no such step";
        return none;
    }
    return evaluateCheck(m_lab.steps[step].check,
                         CheckContext{m_backend, history, std::min(m_stepHistoryStart[step], history.size()),
                                      std::min(m_stepHistoryStart[0], history.size())});
}

std::vector<std::size_t> LabEngine::update(const std::vector<HistoryEntry>& history) {
    std::vector<std::size_t> passed;
    while (!finished()) {
        if (!evaluate(m_current, history).passed) break;
        m_passed[m_current] = true;
        passed.push_back(m_current);
        ++m_current;
        if (!finished()) {
            m_stepHistoryStart[m_current] = history.size();
            runSetup(m_lab.steps[m_current]);
        }
    }
    return passed;
}

std::optional<std::string> LabEngine::revealHint(std::size_t step, Language lang) {
    if (step >= m_lab.steps.size()) return std::nullopt;
    const auto& hints = m_lab.steps[step].hints;
    if (m_hints[step] >= static_cast<int>(hints.size())) return std::nullopt;
    return hints[static_cast<std::size_t>(m_hints[step]++)].get(lang);
}

std::string LabEngine::saveProgress() const {
    json j;
    j["lab"] = m_lab.id;
    j["version"] = m_lab.version;
    j["current_step"] = m_current;
    j["steps"] = json::array();
    for (std::size_t i = 0; i < m_lab.steps.size(); ++i)
        j["steps"].push_back({{"id", m_lab.steps[i].id}, {"passed", static_cast<bool>(m_passed[i])}, {"hints_revealed", m_hints[i]}});
    return j.dump(2);
}

bool LabEngine::restoreProgress(const std::string& text, std::string* error, bool hints_only) {
    auto fail = [&](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        return fail(std::string("progress is not valid JSON: ") + e.what());
    }
    try {
        if (j.value("lab", std::string()) != m_lab.id) return fail("progress belongs to another lab");
        const auto& steps = j.at("steps");
        if (!steps.is_array() || steps.size() != m_lab.steps.size()) return fail("progress does not match the lab's steps");
        // Integers only: get<>() converts a floating-point value out of range with undefined behaviour.
        if (!j.at("current_step").is_number_integer()) return fail("current_step is not an integer");
        const auto current = j.at("current_step").get<std::size_t>();
        if (current > m_lab.steps.size()) return fail("current_step out of range");
        std::vector<bool> passed(m_lab.steps.size());
        std::vector<int> hints(m_lab.steps.size());
        for (std::size_t i = 0; i < steps.size(); ++i) {
            if (steps[i].at("id").get<std::string>() != m_lab.steps[i].id) return fail("step ids do not match the lab");
            passed[i] = steps[i].at("passed").get<bool>();
            if (!steps[i].at("hints_revealed").is_number_integer()) return fail("hints_revealed is not an integer");
            hints[i] = std::clamp(steps[i].at("hints_revealed").get<int>(), 0, static_cast<int>(m_lab.steps[i].hints.size()));
        }
        m_hints = hints;
        if (hints_only) return true;
        m_current = current;
        m_passed = passed;
        return true;
    } catch (const json::exception& e) {
        return fail(std::string("progress is malformed: ") + e.what());
    }
}

sim::Scenario labScenario(const Lab& lab, std::uint64_t seed) {
    sim::Scenario s;
    s.name = "lab-" + lab.id;
    s.title = sim::LocalizedText{lab.title.pt, lab.title.en};
    s.duration_ms = kLabDurationMs;
    s.cluster.brokers = lab.brokers;
    s.seed = seed;
    return s;
}

LabRunReport runLabWithScript(const Lab& lab, const ParsedScript& script, std::optional<std::uint64_t> seed,
                              const std::string& base_dir) {
    const sim::Scenario cluster = labScenario(lab, seed.value_or(lab.seed));
    SimBackend backend(cluster.cluster, cluster.seed);
    return runLabOnBackend(lab, script, backend, base_dir);
}

LabRunReport runLabOnBackend(const Lab& lab, const ParsedScript& script, ClusterBackend& backend,
                             const std::string& base_dir) {
    ScriptOptions opts;
    opts.base_dir = base_dir;
    ScriptRunner runner(backend, opts);
    LabEngine engine(lab, backend);
    engine.start();
    LabRunReport report;
    // The current step's check after each command, as the app's panel says it then (checked at the
    // end instead, a step waiting on a consumer said "group ... is Empty with 0 member(s)": the
    // script's background consumers had been stopped).
    std::vector<std::optional<CheckResult>> atStep(lab.steps.size());
    for (const auto& cmd : script.commands) {
        runner.runCommand(cmd, report.transcript);
        engine.update(runner.history());
        if (const std::size_t cur = engine.currentStep(); cur < lab.steps.size())
            atStep[cur] = engine.evaluate(cur, runner.history());
    }
    runner.stopAll(report.transcript);
    engine.update(runner.history());
    for (std::size_t i = 0; i < lab.steps.size(); ++i) {
        StepReport s;
        s.id = lab.steps[i].id;
        s.reached = i <= engine.currentStep();
        s.passed = engine.stepPassed(i);
        if (s.reached && !s.passed) {
            s.result = atStep[i] ? *atStep[i] : engine.evaluate(i, runner.history());
            s.detail = s.result.detail;
        }
        report.steps.push_back(s);
    }
    report.all_passed = engine.finished();
    return report;
}

std::string formatLabReport(const Lab& lab, const LabRunReport& report, Language lang) {
    std::string out = lab.id + ": " + lab.title.get(lang) + "\n";
    for (std::size_t i = 0; i < report.steps.size(); ++i) {
        const StepReport& s = report.steps[i];
        const char* status = s.passed ? "PASS" : (s.reached ? "FAIL" : "SKIP");
        out += std::string("  ") + status + "  " + std::to_string(i + 1) + ". " + s.id + " — " + lab.steps[i].title.get(lang);
        // The reason in the report's language (the engine's detail is English: `lab check --lang pt`
        // printed "topic 'x' does not exist"); the detail only where no reason code says it.
        const std::string why = s.result.reason != CheckReason::None ? checkReasonText(s.result, lang) : s.detail;
        if (!why.empty()) out += "  (" + why + ")";
        out += "\n";
    }
    std::size_t passed = 0;
    for (const auto& s : report.steps) passed += s.passed;
    out += std::to_string(passed) + "/" + std::to_string(report.steps.size()) + (lang == Language::Portuguese ? " passos concluídos\n" : " steps passed\n");
    return out;
}

} // namespace fluxolab::labs
