// The terminal journal replayed in slices (labs::JournalReplayer::begin/step), as the app does at
// start-up so that a journal covering hours of cluster time does not freeze its window: whatever
// the slices, the cluster ends exactly as after one run(); stopping midway keeps a prefix.
#include "labs/backend/session.h"
#include "labs/backend/sim_backend.h"
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/session/session_journal.h"
#include "sim/cluster.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace fluxolab;

namespace {

/// A topic, a producer fed line by line, three console consumers in two groups, ticks of 100 ms and
/// a long one, time passing unseen between commands.
labs::SessionJournal busyJournal() {
    labs::SessionJournal j;
    j.lab = "x";
    j.seed = 3;
    const labs::TimeMs t0 = labs::kVirtualEpochMs;
    auto start = [&](int tab, labs::TimeMs at, std::vector<std::string> argv) {
        labs::JournalEvent e;
        e.type = labs::JournalEvent::Type::Start;
        e.tab = tab;
        e.at_ms = t0 + at;
        e.argv = std::move(argv);
        j.add(e);
    };
    auto tick = [&](labs::TimeMs at, labs::TimeMs ms, std::int64_t count) {
        labs::JournalEvent e;
        e.type = labs::JournalEvent::Type::Tick;
        e.at_ms = t0 + at;
        e.tick_ms = ms;
        e.count = count;
        j.add(e);
    };
    start(0, 0, {"kafka-topics.sh", "--create", "--topic", "t", "--partitions", "3", "--bootstrap-server", "localhost:9092"});
    start(1, 100, {"kafka-console-producer.sh", "--topic", "t", "--bootstrap-server", "localhost:9092"});
    for (int i = 0; i < 5; ++i) {
        labs::JournalEvent in;
        in.type = labs::JournalEvent::Type::Input;
        in.tab = 1;
        in.at_ms = t0 + 200 + i * 10;
        in.line = "linha-" + std::to_string(i);
        j.add(in);
    }
    for (int tab : {2, 3})
        start(tab, 300, {"kafka-console-consumer.sh", "--topic", "t", "--from-beginning", "--group", "g1", "--bootstrap-server",
                         "localhost:9092"});
    start(4, 300, {"kafka-console-consumer.sh", "--topic", "t", "--group", "g2", "--bootstrap-server", "localhost:9092"});
    tick(400, 100, 40);
    tick(4500, 60000, 1);
    labs::JournalEvent more;
    more.type = labs::JournalEvent::Type::Input;
    more.tab = 1;
    more.at_ms = t0 + 90000; // 25.5 s the journal did not see
    more.line = "depois";
    j.add(more);
    tick(90000, 100, 20);
    return j;
}

struct Outcome {
    std::string sha;
    std::size_t events = 0;
    sim::TimeMs now = 0;
    std::size_t records = 0;
    std::size_t ticks = 0;
};

/// Replays `j` on a fresh cluster: in one run() (budget 0), or in steps of `budget`; `stopAfter`
/// steps > 0: stops there and replays the prefix it returns on another fresh cluster.
Outcome replay(const labs::SessionJournal& j, std::size_t budget, std::size_t* steps = nullptr) {
    labs::Session session(labs::Session::emptyScenario(1), j.seed);
    session.runUntil(0);
    labs::SimBackend backend(session);
    labs::KafkaCli cli(backend);
    Outcome o;
    labs::JournalReplayer::Hooks hooks;
    hooks.record = [&](labs::HistoryEntry) { ++o.records; };
    hooks.ticked = [&] { ++o.ticks; };
    hooks.advance_until = [&](labs::TimeMs until, std::size_t& b) { return session.runUntil(until - labs::kVirtualEpochMs, b); };
    labs::JournalReplayer r(backend, cli, hooks);
    if (budget == 0) {
        r.run(j);
    } else {
        r.begin(j);
        std::size_t n = 0;
        double last = -1;
        while (!r.step(budget)) {
            ++n;
            CHECK(r.progress() >= last); // never goes back
            last = r.progress();
            REQUIRE(n < 10000000);
        }
        CHECK(r.progress() == 1.0);
        if (steps) *steps = n;
    }
    o.sha = session.sim().journal().sha256();
    o.events = session.sim().journal().size();
    o.now = session.now();
    return o;
}

} // namespace

TEST_CASE("labs/a journal replayed in slices of any size ends as one run") {
    const labs::SessionJournal j = busyJournal();
    const Outcome whole = replay(j, 0);
    CHECK(whole.now >= 90000 + 20 * 100);
    CHECK(whole.records == 5); // every Start (the running ones recorded when they started)
    CHECK(whole.ticks == 61);
    for (std::size_t budget : {1, 3, 64, 100000}) {
        CAPTURE(budget);
        std::size_t steps = 0;
        const Outcome sliced = replay(j, budget, &steps);
        CHECK(sliced.sha == whole.sha);
        CHECK(sliced.events == whole.events);
        CHECK(sliced.now == whole.now);
        CHECK(sliced.records == whole.records);
        CHECK(sliced.ticks == whole.ticks);
        if (budget <= 64) CHECK(steps > 10); // really cut: the 60 s tick alone fires thousands of events
    }
}

TEST_CASE("labs/a sliced replay stopped midway keeps the part it replayed") {
    const labs::SessionJournal j = busyJournal();
    labs::Session session(labs::Session::emptyScenario(1), j.seed);
    session.runUntil(0);
    labs::SimBackend backend(session);
    labs::KafkaCli cli(backend);
    labs::JournalReplayer::Hooks hooks;
    hooks.advance_until = [&](labs::TimeMs until, std::size_t& b) { return session.runUntil(until - labs::kVirtualEpochMs, b); };
    labs::JournalReplayer r(backend, cli, hooks);
    r.begin(j);
    // Into the 40 ticks of 100 ms (cluster time 0.4 s .. 4.4 s).
    while (session.now() < 2000) REQUIRE_FALSE(r.step(16));
    CHECK(r.progress() > 0.0);
    CHECK(r.progress() < 0.1);
    const labs::SessionJournal part = r.stopHere();
    CHECK(r.done());
    REQUIRE(part.events.size() == 11); // 1 create, producer, 5 lines, 3 consumers ...
    const auto& partial = part.events.back(); // ... and the ticks done so far
    CHECK(partial.type == labs::JournalEvent::Type::Tick);
    CHECK(partial.count >= 15);
    CHECK(partial.count < 40);
    for (std::size_t i = 0; i + 1 < part.events.size(); ++i) {
        CHECK(part.events[i].type == j.events[i].type);
        CHECK(part.events[i].at_ms == j.events[i].at_ms);
        CHECK(part.events[i].argv == j.events[i].argv);
        CHECK(part.events[i].line == j.events[i].line);
    }
    CHECK(part.lab == j.lab);
    CHECK(part.seed == j.seed);
}
