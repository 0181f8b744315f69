// fluxolab-cli script: a Kafka CLI script against a fresh simulated cluster.
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
void scriptUsage(std::ostream& os) {
    os << "Usage: fluxolab-cli script FILE [--seed S] [--brokers N] [--notes pt|en]\n"
          "\n"
          "Runs FILE's commands (the Kafka tools, fluxolab-cli replay, sleep, echo, cmd &, kill %N) against a\n"
          "fresh simulated cluster and prints the transcript, as the app's terminal shows it. Exit code 0 when\n"
          "every command succeeded, 1 when one failed (the others still run), 2 on bad input.\n"
          "\n"
          "  --seed S         the simulation's seed (default 1)\n"
          "  --brokers N      brokers in the cluster, 1 to 9 (default 1)\n"
          "  --notes pt|en    also print FluxoLab's teaching notes about the output, in this language\n";
}
} // namespace

int cmdScript(const Args& args, CliStreams io) {
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            scriptUsage(io.out);
            return 0;
        }
    std::string file;
    std::uint64_t seed = 1;
    std::uint64_t brokers = 1;
    ScriptOptions opts;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (a == "--seed") {
            const std::string* v = value();
            if (!v || !parseU64(*v, seed)) {
                io.err << "script: --seed needs a whole number from 0 to 18446744073709551615\n";
                return 2;
            }
        } else if (a == "--brokers") {
            const std::string* v = value();
            if (!v || !parseU64(*v, brokers) || brokers < 1 || brokers > 9) {
                io.err << "script: --brokers needs a number from 1 to 9\n";
                return 2;
            }
        } else if (a == "--notes") {
            const std::string* v = value();
            const auto lang = v ? parseLanguage(*v) : std::nullopt;
            if (!lang) {
                io.err << "script: --notes needs pt or en\n";
                return 2;
            }
            opts.notes = lang;
        } else if (a.rfind("--", 0) == 0) {
            io.err << "script: unknown option '" << a << "'\n";
            return 2;
        } else if (file.empty()) {
            file = a;
        } else {
            io.err << "script: only one FILE may be given\n";
            return 2;
        }
    }
    if (file.empty()) {
        io.err << "script: give a FILE of Kafka CLI commands\n";
        return 2;
    }
    std::string text, error;
    if (!readInputFile(file, text, error)) {
        io.err << "script: " << error << "\n";
        return 2;
    }
    const ParsedScript parsed = parseScript(text);
    if (parsed.error) {
        // In the notes' language when --notes gives one (the script's other errors are English).
        io.err << "script: " << file << ":" << parsed.error->line << ": "
               << shellErrorText(*parsed.error, opts.notes.value_or(Language::English)) << "\n";
        return 2;
    }
    if (parsed.commands.empty()) {
        io.err << "script: '" << file << "' has no commands (it is empty or only has comments)\n";
        return 2;
    }
    SimBackend backend(seed, static_cast<std::int32_t>(brokers));
    opts.base_dir = dirOf(file);
    ScriptRunner runner(backend, opts);
    std::string transcript;
    runner.run(parsed, transcript);
    runner.stopAll(transcript);
    io.out << transcript;
    // A command that failed (command not found, a Kafka tool's error) makes the run fail, so that a
    // script in CI or a Makefile notices; the later commands still ran and the transcript shows all.
    for (const HistoryEntry& h : runner.history())
        if (h.exit_code != 0) return 1;
    return 0;
}

} // namespace fluxolab::labs
