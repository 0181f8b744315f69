// `fluxolab-cli replay` typed in the app's terminal or in a `fluxolab-cli script`: the same code as the
// real fluxolab-cli (labs/stream_tool/replay_tool.h), run at once (the stream engine has its own clock:
// no cluster time passes). Its standard output is kept for the lab checks (recordedOutput()).
#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/stream_tool/replay_tool.h"

#include <sstream>

namespace fluxolab::labs {

bool isFluxolabCli(const std::string& argv0) {
    const std::string name = "fluxolab-cli";
    if (argv0 == name) return true;
    return argv0.size() > name.size() && argv0.compare(argv0.size() - name.size(), name.size(), name) == 0 &&
           (argv0[argv0.size() - name.size() - 1] == '/' || argv0[argv0.size() - name.size() - 1] == '\\');
}

namespace cli {

std::unique_ptr<CommandSession>
startFluxolabCli(ClusterBackend& backend, const std::vector<std::string>& argv, const std::string& workDir,
                 Language alerts) {
    auto s = std::make_unique<ToolSession>(backend, CommandKind::StreamReplay);
    if (argv.size() < 2 || argv[1] != "replay") {
        // The other subcommands (script, lab, simulate, ...) drive a cluster of their own: a shell's job.
        s->setKind(CommandKind::Unknown);
        s->err(
            "fluxolab-cli: in this terminal only 'fluxolab-cli replay TRACE ...' runs (the stream engine); "
            "the other subcommands run in a real shell\n"
            "Usage: fluxolab-cli replay TRACE --watermark bounded:5s --window tumble:1m ... "
            "(fluxolab-cli replay --help)\n");
        s->finish(2);
        return s;
    }
    const std::vector<std::string> args =
        replayArgsInLanguage({argv.begin() + 2, argv.end()}, alerts == Language::Portuguese);
    ReplayArgs parsed;
    {
        // A command line replay refuses: its error goes out as the code too, for an edge that words it
        // in its own language (the app's pt_PT terminal); the English line is fluxolab-cli's.
        ReplayError error;
        if (parseReplayArgs(args, workDir, parsed, error) > 0) {
            if (error.code == ReplayErrorCode::MissingTrace) {
                std::ostringstream usage, none;
                ReplayArgs again;
                parseReplayArgs({"--help"}, workDir, again, usage, none);
                s->err(usage.str());
            }
            s->err("replay: " + replayErrorText(error) + "\n", error);
            s->record({});
            s->finish(2);
            return s;
        }
    }
    std::ostringstream out, err;
    ReplayError failure;
    std::vector<ReplayError> notices;
    const int code = runReplay(args, out, err, workDir, failure, notices);
    if (!out.str().empty()) s->out(out.str());
    if (!err.str().empty()) s->err(err.str());
    // The run's notices as codes too, for the terminal's language (fluxolab-cli's English as the text).
    for (ReplayError& n : notices) {
        std::string line = replayNoticeLine(n); // before n is moved from (argument order is unspecified)
        s->err(std::move(line), std::move(n));
    }
    // A problem met while running (the trace unreadable or gone, a bad record): the code too, as above.
    if (failure.failed()) s->err("replay: " + replayErrorText(failure) + "\n", failure);
    s->record(out.str());
    // replay's stderr says no timer fires; the note, in the edge's language, says what to give.
    if (code == 0 && parsed.inactivity > 0 && parsed.traceOptions.arrivalField.empty())
        s->note(NoteId::InactivityWithoutArrival);
    s->finish(code);
    return s;
}

} // namespace cli
} // namespace fluxolab::labs
