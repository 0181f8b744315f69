#include "labs/shell/builtins.h"

#include <charconv>
#include <exception>

namespace fluxolab::labs {

std::optional<Builtin> builtinNamed(std::string_view name) {
    if (name == "sleep") return Builtin::Sleep;
    if (name == "echo") return Builtin::Echo;
    if (name == "kill") return Builtin::Kill;
    return std::nullopt;
}

const char* builtinName(Builtin b) {
    switch (b) {
    case Builtin::Sleep:
        return "sleep";
    case Builtin::Echo:
        return "echo";
    case Builtin::Kill:
        return "kill";
    }
    return "";
}

namespace {
BuiltinOutcome sleep(const std::vector<std::string>& argv) {
    BuiltinOutcome o;
    double secs = -1;
    if (argv.size() == 2) {
        try {
            std::size_t used = 0;
            secs = std::stod(argv[1], &used);
            if (used != argv[1].size()) secs = -1;
        } catch (const std::exception&) {
            secs = -1;
        }
    }
    // NaN is refused as GNU sleep refuses it (and would be undefined behaviour when converted to
    // milliseconds); so is more than kMaxSleepSeconds.
    if (!(secs >= 0) || secs > kMaxSleepSeconds) {
        o.err = "sleep: invalid time interval '" + (argv.size() > 1 ? argv[1] : std::string()) + "'\n";
        o.exit_code = 1;
        return o;
    }
    o.advance_ms = static_cast<TimeMs>(secs * 1000.0);
    return o;
}

BuiltinOutcome echo(const std::vector<std::string>& argv) {
    BuiltinOutcome o;
    for (std::size_t i = 1; i < argv.size(); ++i)
        o.out += (i > 1 ? " " : "") + argv[i];
    o.out += "\n";
    return o;
}

BuiltinOutcome kill(const std::vector<std::string>& argv, const std::function<bool(int)>& interrupt_job) {
    BuiltinOutcome o;
    const std::string spec = argv.size() > 1 ? argv.back() : std::string();
    int n = -1;
    if (spec.size() > 1 && spec[0] == '%') {
        const auto [end, ec] = std::from_chars(spec.data() + 1, spec.data() + spec.size(), n);
        if (ec != std::errc() || end != spec.data() + spec.size()) n = -1;
    }
    if (n < 0 || !interrupt_job || !interrupt_job(n)) {
        o.err = "bash: kill: " + spec + ": no such job\n";
        o.exit_code = 1;
    }
    return o;
}
} // namespace

BuiltinOutcome runBuiltin(Builtin b, const std::vector<std::string>& argv,
                          const std::function<bool(int)>& interrupt_job) {
    switch (b) {
    case Builtin::Sleep:
        return sleep(argv);
    case Builtin::Echo:
        return echo(argv);
    case Builtin::Kill:
        return kill(argv, interrupt_job);
    }
    return {};
}

} // namespace fluxolab::labs
