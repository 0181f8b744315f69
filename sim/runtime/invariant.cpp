#include "sim/runtime/invariant.h"

#include <atomic>

namespace fluxolab::sim {

namespace {
std::atomic<std::uint64_t> g_failures{0};
std::string g_first; // written once, by the first failure
std::atomic<InvariantHandler> g_handler{nullptr};

void defaultHandler(const char* condition, const char* what, const char* file, int line) {
    if (g_failures.fetch_add(1) == 0)
        g_first = std::string(file) + ":" + std::to_string(line) + ": " + what + " (" + condition + ")";
}
} // namespace

InvariantHandler setInvariantHandler(InvariantHandler handler) { return g_handler.exchange(handler); }

std::uint64_t invariantFailures() { return g_failures.load(); }

std::string firstInvariantFailure() { return g_failures.load() ? g_first : std::string(); }

void invariantFailed(const char* condition, const char* what, const char* file, int line) {
    if (InvariantHandler h = g_handler.load()) h(condition, what, file, line);
    else defaultHandler(condition, what, file, line);
}

} // namespace fluxolab::sim
