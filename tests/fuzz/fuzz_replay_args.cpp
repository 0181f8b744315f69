// libFuzzer harness: the options of `fluxolab-cli replay` (labs/stream_tool/replay_tool) - windows,
// watermarks, aggregates, fields, lateness, checkpoints - on one of the bundled traces. Each input line
// is one word of the command line after `replay TRACE`; the first byte picks the trace. Any exit other
// than 0 (ran), 1 or 2 (refused, with a message) is a finding, and so is a run past libFuzzer's -timeout
// (a window spec that explodes per element, as hop:1ms,100000h did).
#include "fuzz_common.h"
#include "labs/cli/cli_commands.h"

#include <sstream>

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kTraces[] = {"cliques_do_site.csv", "sensores_iot.csv", "pagamentos.csv",
                                          "atividade_app.csv"};
    const std::string_view text = fuzz::asText(data, size);
    labs::Args args{"replay", std::string(FLUXOLAB_SOURCE_DIR "/assets/traces/") +
                                  kTraces[size > 0 ? data[0] % 4 : 0]};
    std::size_t start = 0;
    while (start < text.size() && args.size() < 40) {
        const std::size_t nl = text.find('\n', start);
        args.emplace_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    // Output files and help are not the parser: keep the run inside memory and quiet.
    for (const auto& a : args)
        if (a == "--out" || a == "--help" || a == "-h") return 0;
    std::istringstream in;
    std::ostringstream out, err;
    const int rc = labs::runCli(args, {in, out, err});
    if (rc != 0 && rc != 1 && rc != 2) fuzz::fail("unexpected exit code", text);
    if (rc == 2 && err.str().empty()) fuzz::fail("a usage error without a message", text);
    return 0;
}
