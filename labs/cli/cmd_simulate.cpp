// fluxolab-cli simulate: run a scenario headless, write the journal, print a summary and its hash.
#include "labs/cli/cli_commands.h"
#include "labs/common/data_dirs.h"
#include "sim/hash.h"
#include "sim/scenario.h"

#include <charconv>
#include <fstream>
#include <ostream>
#include <string>

namespace fluxolab::labs {

using namespace fluxolab::sim;

namespace {
/// Longest run: 1h of virtual time takes from seconds to about a minute of real time with the
/// gallery's scenarios; 100000h would take days.
constexpr TimeMs kMaxVirtualMs = 3600000;
/// Runs longer than this report their progress on stderr, every kProgressStepMs of virtual time.
constexpr TimeMs kProgressAfterMs = 600000;
constexpr TimeMs kProgressStepMs = 300000;

std::string minutes(TimeMs ms) {
    return ms % 60000 == 0 ? std::to_string(ms / 60000) + "m" : std::to_string(ms) + "ms";
}
} // namespace

int cmdSimulate(const Args& args, CliStreams io) {
    std::string file, journalPath;
    std::optional<std::uint64_t> seed;
    std::optional<TimeMs> until;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto need = [&]() -> const std::string* {
            if (i + 1 >= args.size()) {
                io.err << "simulate: " << a << " needs a value\n";
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--seed") {
            const std::string* v = need();
            if (!v) return 2;
            std::uint64_t s = 0;
            const auto r = std::from_chars(v->data(), v->data() + v->size(), s);
            if (r.ec != std::errc() || r.ptr != v->data() + v->size()) {
                io.err << "simulate: --seed must be a whole number from 0 to 18446744073709551615, got '" << *v
                       << "'\n";
                return 2;
            }
            seed = s;
        } else if (a == "--until") {
            const std::string* v = need();
            if (!v) return 2;
            until = parseDuration(*v);
            if (!until || *until <= 0) {
                io.err << "simulate: --until expects a duration such as 60s, 5m or 1500ms, got '" << *v << "'\n";
                return 2;
            }
            if (*until > kMaxVirtualMs) {
                io.err << "simulate: --until is limited to 1h of virtual time (a longer run would take hours of "
                          "real time), got '"
                       << *v << "'\n";
                return 2;
            }
        } else if (a == "--journal") {
            const std::string* v = need();
            if (!v) return 2;
            journalPath = *v;
        } else if (a.rfind("--", 0) == 0) {
            io.err << "simulate: unknown option '" << a << "'\n";
            return 2;
        } else if (file.empty()) {
            file = a;
        } else {
            io.err << "simulate: only one scenario file may be given\n";
            return 2;
        }
    }
    if (file.empty()) {
        io.err << "simulate: give a SCENARIO.json file or the name of a bundled scenario\n";
        return 2;
    }
    // A bundled scenario may be named as in the app's gallery ("rebalance-basico").
    if (const std::string bundled = resolveScenarioFile(file); !bundled.empty()) file = bundled;
    std::string text, readError;
    if (!readInputFile(file, text, readError)) {
        io.err << "simulate: " << readError << "\n";
        return 2;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        io.err << "simulate: '" << file << "' is empty; a scenario is a JSON object (see assets/scenarios)\n";
        return 2;
    }
    ScenarioError error;
    auto scenario = parseScenario(text, file, error);
    if (!scenario) {
        io.err << "simulate: " << error.str() << "\n";
        return 2;
    }
    TimeMs target = until.value_or(scenario->duration_ms);
    if (target > kMaxVirtualMs) {
        io.err << "simulate: the scenario lasts " << minutes(target) << "; running its first 1h of virtual time "
               << "only (the limit)\n";
        target = kMaxVirtualMs;
    }
    const std::uint64_t s = seed.value_or(scenario->seed);
    ScenarioRun run(*scenario, s);
    if (target > kProgressAfterMs) {
        for (TimeMs t = kProgressStepMs; t < target; t += kProgressStepMs) {
            run.runUntil(t);
            io.err << "simulate: " << minutes(t) << " of " << minutes(target) << " of virtual time\n";
        }
    }
    run.runUntil(target);
    const Simulation& sim = run.sim();
    const Journal& j = sim.journal();

    std::ofstream out;
    if (!journalPath.empty()) {
        out.open(journalPath, std::ios::binary | std::ios::trunc);
        if (!out) {
            io.err << "simulate: cannot write the journal to '" << journalPath << "'\n";
            return 2;
        }
    }
    Sha256 hash;
    std::int64_t appended = 0, consumed = 0, acked = 0, failed = 0, rebalances = 0, elections = 0;
    for (std::size_t i = 0; i < j.size(); ++i) {
        std::string line = j.toJson(i);
        line.push_back('\n');
        hash.update(line);
        if (out) out << line;
        const Event& e = j[i];
        if (e.family != kKafkaFamily) continue; // another engine's events are in the hash, not the Kafka counts
        switch (e.type) {
        case EventType::RecordsAppended: appended += e.b; break;
        case EventType::RecordsConsumed: consumed += e.b; break;
        case EventType::ProduceAcked: acked += e.b; break;
        case EventType::ProduceFailed:
            if (!e.flag) failed += e.b;
            break;
        case EventType::GenerationStarted: ++rebalances; break;
        case EventType::LeaderElected: ++elections; break;
        default: break;
        }
    }
    if (out) {
        out.close();
        if (!out) {
            io.err << "simulate: writing the journal to '" << journalPath << "' failed\n";
            return 2;
        }
    }
    io.out << "scenario: " << scenario->name << "\n";
    io.out << "seed: " << s << "\n";
    io.out << "virtual time: " << sim.now() << " ms\n";
    io.out << "brokers: " << sim.brokers().size() << ", topics: " << sim.topics().size()
           << ", consumer groups: " << sim.groups().size() << "\n";
    io.out << "records appended: " << appended << ", acknowledged: " << acked << ", failed: " << failed
           << ", consumed: " << consumed << "\n";
    io.out << "leader elections: " << elections << ", group generations: " << rebalances << "\n";
    for (const auto& [id, g] : sim.groups()) {
        std::int64_t lag = 0;
        for (const auto& [tp, off] : g.committed)
            if (const PartitionState* p = sim.partition(tp)) lag += std::max<Offset>(0, p->high_watermark - off);
        io.out << "group " << id << ": " << groupStateName(g.state) << ", generation " << g.generation << ", "
               << g.members.size() << " member(s), committed lag " << lag << "\n";
    }
    io.out << "events: " << j.size() << "\n";
    io.out << "journal-sha256: " << hash.hexDigest() << "\n";
    return 0;
}

} // namespace fluxolab::labs
