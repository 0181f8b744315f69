// libFuzzer harness: the argument parsing of fluxolab-cli's pure subcommands (partition, assign).
// Each input line is one word of the command line; the first byte picks the subcommand when the
// first word is not one of them (the file-reading subcommands have their own harnesses).
#include "fuzz_common.h"
#include "labs/cli/cli_commands.h"

#include <sstream>

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    labs::Args args;
    std::size_t start = 0;
    while (start < text.size() && args.size() < 64) {
        const std::size_t nl = text.find('\n', start);
        args.emplace_back(
            text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    if (args.empty() || (args[0] != "partition" && args[0] != "assign"))
        args.insert(args.begin(), size > 0 && (data[0] & 1) ? "assign" : "partition");
    std::istringstream in;
    std::ostringstream out, err;
    const int rc = labs::runCli(args, {in, out, err});
    if (rc != 0 && rc != 1 && rc != 2) fuzz::fail("unexpected exit code");
    if (rc == 2 && err.str().empty()) fuzz::fail("a usage error without a message", text);
    return 0;
}
