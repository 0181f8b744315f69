// fluxolab-cli: the headless front end of the FluxoLab engine (scripts, tests, CI).
#include "labs/cli/cli_commands.h"

#include <iostream>

int main(int argc, char** argv) {
    fluxolab::labs::Args args(argv + 1, argv + argc);
    return fluxolab::labs::runCli(args, {std::cin, std::cout, std::cerr});
}
