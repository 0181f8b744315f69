// libFuzzer harness: the terminal session journal (labs/session/session_journal.h), which the app saves
// with a lab's progress and replays at start-up. A journal that parses must serialise back to
// the same JSON and replay against a fresh simulated cluster.
#include "fuzz_common.h"
#include "labs/session/session_journal.h"

#include <algorithm>
#include <cstdint>

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::asText(data, size));
    std::string error;
    const auto journal = labs::SessionJournal::fromJson(text, &error);
    if (!journal) {
        if (error.empty()) fuzz::fail("a rejected journal has no error message", text);
        return 0;
    }
    const std::string json = journal->toJson();
    const auto again = labs::SessionJournal::fromJson(json, &error);
    if (!again) fuzz::fail("toJson output does not parse", error + "\n" + json);
    if (again->toJson() != json) fuzz::fail("the session journal does not round-trip", json);

    // A journal may cover up to a day of cluster time (fromJson's bound), which takes a fresh cluster
    // with a few running consumers tens of seconds under ASan: longer than libFuzzer's per-input
    // timeout, without being a bug. The harness replays journals of at most kReplayMs of cluster time
    // and at most kReplayTicks ticks, so that a timeout found here is a real hang.
    constexpr std::int64_t kReplayMs = 10 * 60 * 1000;
    constexpr std::int64_t kReplayTicks = 20000;
    std::int64_t end = labs::kVirtualEpochMs;
    std::int64_t ticks = 0;
    for (const auto& e : journal->events) {
        end = std::max(end, e.at_ms);
        if (e.type == labs::JournalEvent::Type::Tick) {
            end += e.tick_ms * e.count;
            ticks += e.count;
        }
    }
    if (end - labs::kVirtualEpochMs > kReplayMs || ticks > kReplayTicks) return 0;

    labs::SimBackend backend(journal->seed, 1);
    labs::KafkaCli cli(backend);
    std::size_t records = 0;
    labs::JournalReplayer::Hooks hooks;
    hooks.record = [&](labs::HistoryEntry) { ++records; };
    labs::JournalReplayer replayer(backend, cli, std::move(hooks));
    replayer.run(*journal);
    return 0;
}
