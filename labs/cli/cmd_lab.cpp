// fluxolab-cli lab: the guided labs (list, check a solution script).
#include "labs/backend/sim_backend.h"
#include "labs/cli/cli_args.h"
#include "labs/cli/cli_commands.h"
#include "labs/lab_engine/lab_engine.h"
#include "labs/shell/script_runner.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <system_error>

namespace fluxolab::labs {

using namespace fluxolab::labs::cli_args;

namespace {
/// A lab's level and step count as the GUI's lab panel says them, in the listing's language
/// (`lab list --lang pt` printed "intermediate" and "4 steps" in English).
std::string labListLevel(const std::string& level, Language lang) {
    if (lang == Language::English) return level;
    if (level == "beginner") return "iniciante";
    if (level == "intermediate") return "intermédio";
    if (level == "advanced") return "avançado";
    return level;
}

std::string labListSteps(std::size_t n, Language lang) {
    if (lang == Language::English) return std::to_string(n) + (n == 1 ? " step" : " steps");
    return std::to_string(n) + (n == 1 ? " passo" : " passos");
}


void labUsage(std::ostream& os) {
    os << "Usage: fluxolab-cli lab list [--lang pt|en] [--labs-dir DIR]\n"
          "       fluxolab-cli lab validate LAB.json... [--labs-dir DIR]\n"
          "       fluxolab-cli lab check LAB --script SOLUTION [--seed S] [--lang pt|en] [--labs-dir DIR]\n"
          "\n"
          "  list      the guided labs: id, title, level, minutes and steps\n"
          "  validate  checks lab files (their JSON, steps and checks)\n"
          "  check     runs a solution script against a lab and reports each step's check\n"
          "\n"
          "  --lang pt|en     the language of the titles and the report (default pt)\n"
          "  --labs-dir DIR   where the lab files are (default: the bundled labs; fluxolab-cli paths)\n";
}
} // namespace

int cmdLab(const Args& args, CliStreams io) {
    if (args.empty()) {
        io.err << "lab: use 'lab list' or 'lab check LAB --script SOLUTION' (lab --help)\n";
        return 2;
    }
    for (const auto& a : args)
        if (a == "--help" || a == "-h" || (a == "help" && args.front() == "help")) {
            labUsage(io.out);
            return 0;
        }
    std::optional<Language> lang;
    std::string dir = defaultLabDirectory();
    std::vector<std::string> rest;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--lang") {
            lang = i + 1 < args.size() ? parseLanguage(args[++i]) : std::nullopt;
            if (!lang) {
                io.err << "lab: --lang needs pt or en\n";
                return 2;
            }
        } else if (args[i] == "--labs-dir") {
            if (i + 1 >= args.size() || args[i + 1].empty()) {
                io.err << "lab: --labs-dir needs a directory\n";
                return 2;
            }
            dir = args[++i];
        } else {
            rest.push_back(args[i]);
        }
    }
    const Language language = lang.value_or(Language::Portuguese);
    if (args[0] == "list") {
        if (!rest.empty()) {
            io.err << "lab: unexpected argument '" << rest.front() << "' (use 'lab list [--lang pt|en] [--labs-dir DIR]')\n";
            return 2;
        }
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) {
            io.err << "lab: '" << dir << "' is not a directory of labs\n";
            return 2;
        }
        const LabCatalog catalog = loadLabCatalog(dir);
        for (const auto& e : catalog.errors) io.err << formatLabError(e) << "\n";
        if (catalog.labs.empty() && catalog.errors.empty()) {
            io.err << "lab: no labs found in '" << dir << "' (lab files are *.json; see fluxolab-cli paths)\n";
            return 2;
        }
        for (const auto& lab : catalog.labs)
            io.out << lab.id << "\t" << lab.title.get(language) << "\t" << labListLevel(lab.level, language) << "\t"
                   << lab.duration_minutes << " min\t" << labListSteps(lab.steps.size(), language) << "\n";
        return catalog.errors.empty() ? 0 : 2;
    }
    if (args[0] == "validate") {
        if (rest.empty()) {
            io.err << "lab: use 'lab validate LAB.json...' (give at least one lab file)\n";
            return 2;
        }
        int bad = 0;
        for (const auto& path : rest) {
            std::string text, error;
            if (!readInputFile(path, text, error)) {
                io.err << "lab: " << error << "\n";
                ++bad;
                continue;
            }
            const LabLoadResult r = parseLab(text, path);
            for (const auto& e : r.errors) io.err << formatLabError(e) << "\n";
            if (!r.errors.empty()) ++bad;
            else io.out << path << ": ok\n";
        }
        return bad ? 2 : 0;
    }
    if (args[0] == "check") {
        std::string labName, script;
        std::uint64_t seed = 0;
        bool haveSeed = false;
        for (std::size_t i = 0; i < rest.size(); ++i) {
            if ((rest[i] == "--script" || rest[i] == "--seed") && i + 1 >= rest.size()) {
                io.err << "lab: " << rest[i] << " needs a value\n";
                return 2;
            }
            if (rest[i] == "--script") script = rest[++i];
            else if (rest[i] == "--seed") {
                if (!parseU64(rest[++i], seed)) {
                    io.err << "lab: --seed needs a whole number from 0 to 18446744073709551615\n";
                    return 2;
                }
                haveSeed = true;
            } else if (rest[i].rfind("--", 0) == 0) {
                io.err << "lab: unknown option '" << rest[i] << "'\n";
                return 2;
            } else if (labName.empty()) labName = rest[i];
            else {
                io.err << "lab: only one LAB may be given\n";
                return 2;
            }
        }
        if (labName.empty() || script.empty()) {
            io.err << "lab: use 'lab check LAB --script SOLUTION'\n";
            return 2;
        }
        LabLoadResult loaded = findLab(labName, dir);
        if (!loaded.lab) {
            for (const auto& e : loaded.errors) io.err << formatLabError(e) << "\n";
            if (loaded.errors.empty()) io.err << "lab: no lab named '" << labName << "' in " << dir << "\n";
            return 2;
        }
        std::string text, error;
        if (!readInputFile(script, text, error)) {
            io.err << "lab: " << error << "\n";
            return 2;
        }
        const ParsedScript parsed = parseScript(text);
        if (parsed.error) {
            io.err << "lab: " << script << ":" << parsed.error->line << ": " << shellErrorText(*parsed.error, language)
                   << "\n";
            return 2;
        }
        if (parsed.commands.empty()) {
            io.err << "lab: '" << script << "' has no commands (it is empty or only has comments)\n";
            return 2;
        }
        const LabRunReport report =
            runLabWithScript(*loaded.lab, parsed, haveSeed ? std::optional<std::uint64_t>(seed) : std::nullopt, dirOf(script));
        io.out << formatLabReport(*loaded.lab, report, language);
        return report.all_passed ? 0 : 1;
    }
    io.err << "lab: unknown subcommand '" << args[0] << "' (use list, validate or check; lab --help)\n";
    return 2;
}

} // namespace fluxolab::labs
