#pragma once
// Invariants checked inside the simulation (the property tests check the same ones from outside).
// A failed invariant is a bug in the simulation. It is reported to a handler: by default the handler
// counts it and keeps the first message (the app keeps running and can say so); the test suites
// install a handler that fails the running test.

#include <cstdint>
#include <string>

namespace fluxolab::sim {

using InvariantHandler = void (*)(const char* condition, const char* what, const char* file, int line);

/// Installs `handler` (nullptr restores the default) and returns the previous one.
InvariantHandler setInvariantHandler(InvariantHandler handler);
/// Failed invariants seen by the default handler since the start of the process.
std::uint64_t invariantFailures();
/// The first failure the default handler saw ("" if none).
std::string firstInvariantFailure();

void invariantFailed(const char* condition, const char* what, const char* file, int line);

} // namespace fluxolab::sim

#define FLUXOLAB_INVARIANT(cond, what)                                                                 \
    do {                                                                                               \
        if (!(cond)) ::fluxolab::sim::invariantFailed(#cond, what, __FILE__, __LINE__);                \
    } while (0)
