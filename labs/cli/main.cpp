// fluxolab-cli: the headless front end of the FluxoLab engine (scripts, tests, CI).
#include "labs/cli/cli_commands.h"
#ifdef FLUXOLAB_HAVE_RDKAFKA
#include "labs/rdkafka/compare_real.h"
#endif

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    fluxolab::labs::Args args(argv + 1, argv + argc);
#ifdef FLUXOLAB_HAVE_RDKAFKA
    // compare-real needs the librdkafka backend, which the engine library does not link.
    if (!args.empty() && args[0] == "compare-real") {
        try {
            return fluxolab::labs::cmdCompareReal(fluxolab::labs::Args(args.begin() + 1, args.end()),
                                                  {std::cin, std::cout, std::cerr});
        } catch (const std::exception& e) {
            std::cerr << "fluxolab-cli: compare-real: " << e.what() << "\n";
            return 2;
        }
    }
#endif
    return fluxolab::labs::runCli(args, {std::cin, std::cout, std::cerr});
}
