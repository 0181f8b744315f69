#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "sim/invariant.h"

#include <string>

namespace {
// A failed invariant inside the simulation fails the running test.
void failTest(const char* condition, const char* what, const char* file, int line) {
    const std::string message = std::string("simulation invariant failed: ") + what + " (" + condition + ")";
    ADD_FAIL_AT(file, line, message);
}
} // namespace

int main(int argc, char** argv) {
    fluxolab::sim::setInvariantHandler(failTest);
    doctest::Context context(argc, argv);
    return context.run();
}
