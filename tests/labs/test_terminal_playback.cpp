// The terminal's part of the action log fired by labs::Session as its clock passes each event
// (labs::TerminalPlayback), like the scenario's actions: the run starts at 0, the terminal's topics
// appear when the clock passes their creation, and the simulation's journal is byte for byte the
// one of the eager replay (labs::JournalReplayer::run) that ran it all at once on a load.
#include "labs/backend/session.h"
#include "labs/backend/scenario_errors.h"
#include "labs/backend/sim_backend.h"
#include "labs/cli/cli_commands.h"
#include "labs/session/session_journal.h"
#include "sim/scenario.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace fluxolab;

namespace {

sim::Scenario shipped(const char* name) {
    sim::ScenarioError error;
    const auto s = sim::loadScenarioFile(std::string(FLUXOLAB_SOURCE_DIR "/assets/scenarios/") + name + ".json", error);
    REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(error));
    return *s;
}

constexpr const char* kBootstrap = "localhost:9092";

labs::JournalEvent start(int tab, sim::TimeMs at, std::vector<std::string> argv) {
    labs::JournalEvent e;
    e.type = labs::JournalEvent::Type::Start;
    e.tab = tab;
    e.at_ms = labs::kVirtualEpochMs + at;
    argv.push_back("--bootstrap-server");
    argv.push_back(kBootstrap);
    e.argv = std::move(argv);
    return e;
}

labs::JournalEvent simple(labs::JournalEvent::Type type, int tab, sim::TimeMs at) {
    labs::JournalEvent e;
    e.type = type;
    e.tab = tab;
    e.at_ms = labs::kVirtualEpochMs + at;
    return e;
}

labs::JournalEvent ticks(int tab, sim::TimeMs at, sim::TimeMs tickMs, std::int64_t count) {
    labs::JournalEvent e = simple(labs::JournalEvent::Type::Tick, tab, at);
    e.tick_ms = tickMs;
    e.count = count;
    return e;
}

/// What a student did in the terminal of rebalance-basico: a topic, a console producer typing three
/// lines, a console consumer reading them over 2 s of ticks (stopped with Ctrl+C), a topic grown
/// while the controller played (ticks of 0 ms), and a consumer left running at the end.
labs::SessionJournal studentWork() {
    labs::SessionJournal j;
    j.add(start(1, 300, {"kafka-topics.sh", "--create", "--topic", "aula", "--partitions", "2"}));
    j.add(start(1, 1200, {"kafka-console-producer.sh", "--topic", "aula"}));
    for (sim::TimeMs at : {1300, 1450, 1700}) {
        labs::JournalEvent line = simple(labs::JournalEvent::Type::Input, 1, at);
        line.line = "linha-" + std::to_string(at);
        j.add(line);
    }
    j.add(simple(labs::JournalEvent::Type::EndOfInput, 1, 1900));
    j.add(start(2, 2000, {"kafka-console-consumer.sh", "--topic", "aula", "--group", "leitores", "--from-beginning"}));
    j.add(ticks(2, 2000, 100, 20));
    j.add(simple(labs::JournalEvent::Type::Interrupt, 2, 4000));
    j.add(start(1, 4500, {"kafka-topics.sh", "--alter", "--topic", "aula", "--partitions", "3"}));
    j.add(ticks(1, 4510, 0, 4));
    j.add(start(3, 5000, {"kafka-console-consumer.sh", "--topic", "encomendas", "--group", "olheiro"}));
    j.add(ticks(3, 5000, 100, 10));
    return j;
}

/// The eager replay a load did before: everything at once, then the clock on to `end`.
std::string eager(const sim::Scenario& scenario, std::uint64_t seed, const labs::SessionJournal& log, sim::TimeMs end,
                  std::size_t* events = nullptr) {
    labs::Session session(scenario, seed);
    session.runUntil(0);
    labs::SimBackend backend(session);
    labs::KafkaCli cli(backend);
    labs::JournalReplayer(backend, cli, {}).run(log);
    session.runUntil(end);
    if (events) *events = session.sim().journal().size();
    return session.sim().journal().sha256();
}

sim::TimeMs topicCreatedAt(const sim::Simulation& sim, const std::string& topic) {
    const sim::Journal& j = sim.journal();
    for (std::size_t i = 0; i < j.size(); ++i)
        if (j[i].family == sim::kKafkaFamily && j[i].type == sim::EventType::TopicCreated && j.topicName(j[i].topic) == topic)
            return j[i].time;
    return -1;
}

} // namespace

TEST_CASE("terminal playback fires each event as the session's clock passes it") {
    const sim::Scenario scenario = shipped("rebalance-basico");
    const labs::SessionJournal log = studentWork();
    const sim::TimeMs end = 9000;
    for (std::uint64_t seed : {1U, 2U, 5U}) {
        CAPTURE(seed);
        std::size_t eagerEvents = 0;
        const std::string hash = eager(scenario, seed, log, end, &eagerEvents);

        // Frames of 37 ms, as playback moves the clock: nothing of the terminal's before its time.
        labs::Session session(scenario, seed);
        session.runUntil(0);
        labs::HeadlessTerminalPlayback playback(session, log);
        CHECK(session.now() == 0);
        CHECK(session.sim().topic("aula") == nullptr);
        CHECK(session.nextWorkAt() == std::optional<sim::TimeMs>(300));
        sim::TimeMs appearedAt = -1;
        for (sim::TimeMs t = 37; t < end; t += 37) {
            session.runUntil(t);
            if (appearedAt < 0 && session.sim().topic("aula")) appearedAt = t;
        }
        session.runUntil(end);
        // The topic appears in the frame that passes its creation (the request takes a moment).
        const sim::TimeMs created = topicCreatedAt(session.sim(), "aula");
        CHECK(created >= 300);
        CHECK(appearedAt >= created);
        CHECK(appearedAt < created + 37);
        CHECK(playback.playback().done());
        REQUIRE(session.sim().topic("aula") != nullptr);
        CHECK(session.sim().topic("aula")->partitions.size() == 3); // grown by the log's --alter
        CHECK(session.nextWorkAt() == std::nullopt);
        CHECK(session.sim().journal().size() == eagerEvents);
        CHECK(session.sim().journal().sha256() == hash);
    }
}

TEST_CASE("terminal playback in pieces of a few simulation events gives the eager journal") {
    // The app's worker thread cuts playback into pieces of kEventsPerPiece events (the budgeted
    // runUntil): a piece that stops before a terminal event resumes there.
    const sim::Scenario scenario = shipped("rebalance-basico");
    const labs::SessionJournal log = studentWork();
    const sim::TimeMs end = 7000;
    const std::string hash = eager(scenario, 3, log, end);
    labs::Session session(scenario, 3);
    session.runUntil(0);
    labs::HeadlessTerminalPlayback playback(session, log);
    int cut = 0;
    for (sim::TimeMs t = 250; t <= end; t += 250) {
        for (;;) {
            std::size_t budget = 7;
            if (session.runUntil(t, budget)) break;
            ++cut;
        }
    }
    CHECK(cut > 0);
    CHECK(session.sim().journal().sha256() == hash);
}

TEST_CASE("terminal playback stops the commands still running where the log ends") {
    const sim::Scenario scenario = shipped("rebalance-basico");
    const labs::SessionJournal log = studentWork();
    labs::Session session(scenario, 1);
    session.runUntil(0);
    labs::SimBackend backend(session);
    labs::KafkaCli cli(backend);
    std::vector<int> stopped;
    std::size_t recorded = 0;
    labs::JournalReplayer::Hooks hooks;
    hooks.record = [&](labs::HistoryEntry) { ++recorded; };
    labs::TerminalPlayback playback(backend, cli, log, hooks, [&](int tab) { stopped.push_back(tab); });
    session.setTimedWork(&playback);
    session.runUntil(5500); // tab 3's consumer runs
    CHECK(stopped.empty());
    CHECK(recorded == 5);
    CHECK_FALSE(playback.done());
    session.runUntil(7000);
    CHECK(playback.done());
    CHECK(stopped == std::vector<int>{3}); // its last tick at 6000 ms; stopped right then
    session.setTimedWork(nullptr);
}

TEST_CASE("a terminal event made while the log still plays lands among its events at its time") {
    // Hand-computed: ticks of 100 ms from 1000 (pumps at 1100 ... 2000); an event at 1250 keeps the
    // two ticks before it, the third stays at 1300 (a 0 ms tick there), the other seven follow.
    labs::SessionJournal j;
    j.add(ticks(1, 1000, 100, 10));
    j.add(simple(labs::JournalEvent::Type::Interrupt, 1, 2500));
    j.add(start(2, 1250, {"kafka-topics.sh", "--list"}));
    REQUIRE(j.events.size() == 5);
    using T = labs::JournalEvent::Type;
    const sim::TimeMs e0 = labs::kVirtualEpochMs;
    CHECK(j.events[0].type == T::Tick);
    CHECK(j.events[0].at_ms == e0 + 1000);
    CHECK(j.events[0].count == 2);
    CHECK(j.events[1].type == T::Start);
    CHECK(j.events[1].at_ms == e0 + 1250);
    CHECK(j.events[2].type == T::Tick);
    CHECK(j.events[2].at_ms == e0 + 1300);
    CHECK(j.events[2].tick_ms == 0);
    CHECK(j.events[2].count == 1);
    CHECK(j.events[3].type == T::Tick);
    CHECK(j.events[3].at_ms == e0 + 1300);
    CHECK(j.events[3].tick_ms == 100);
    CHECK(j.events[3].count == 7);
    CHECK(j.events[4].type == T::Interrupt);
    // At the very start of a run of ticks, the whole run goes after it.
    labs::SessionJournal k;
    k.add(ticks(1, 1000, 100, 3));
    k.add(start(2, 1000, {"kafka-topics.sh", "--list"}));
    REQUIRE(k.events.size() == 3);
    CHECK(k.events[0].type == T::Start);
    CHECK(k.events[1].type == T::Tick); // the first tick stays at 1100
    CHECK(k.events[1].at_ms == e0 + 1100);
    CHECK(k.events[1].tick_ms == 0);
    CHECK(k.events[1].count == 1);
    CHECK(k.events[2].at_ms == e0 + 1100);
    CHECK(k.events[2].count == 2);
}

TEST_CASE("terminal work typed while the log still plays replays to the same journal") {
    // Live: a restarted run plays the log; at 800 ms (before the log's producer) the student creates
    // another topic and at 2350 ms (inside the consumer's ticks) lists the topics. The log with both
    // added, replayed eagerly, gives the same journal.
    const sim::Scenario scenario = shipped("rebalance-basico");
    labs::SessionJournal log = studentWork();
    labs::Session session(scenario, 4);
    session.runUntil(0);
    labs::SimBackend backend(session);
    labs::KafkaCli cli(backend);
    labs::TerminalPlayback playback(backend, cli, log, {}, [&](int tab) {
        log.add(simple(labs::JournalEvent::Type::Interrupt, tab, backend.nowMs() - labs::kVirtualEpochMs));
    });
    session.setTimedWork(&playback);
    const auto typeNow = [&](int tab, std::vector<std::string> argv) {
        log.add(start(tab, session.now(), argv));
        argv.push_back("--bootstrap-server");
        argv.push_back(kBootstrap);
        auto s = cli.start(argv, true);
        s->takeOutput();
        CHECK(s->finished());
    };
    session.runUntil(800);
    typeNow(7, {"kafka-topics.sh", "--create", "--topic", "rascunho"});
    session.runUntil(2350);
    typeNow(7, {"kafka-topics.sh", "--list"});
    session.runUntil(9000);
    CHECK(playback.done());
    CHECK(topicCreatedAt(session.sim(), "rascunho") >= 800);
    const std::string live = session.sim().journal().sha256();
    session.setTimedWork(nullptr);
    CHECK(eager(scenario, 4, log, 9000) == live);
}

TEST_CASE("a command typed live whose requests span a tick of the log replays to the same journal") {
    // One rule live and replayed: a piece of terminal work runs whole and the log's pieces that come
    // due inside it fire right after it. Typed 1 ms before a tick of the log's console consumers
    // (tab 2 pumps at 2100 ... 4000, tab 3 at 5100 ... 6000), the command's requests (2 ms each) pass
    // the tick's time: live the tick waits for the command, as the replay (where the command is one
    // piece of the log) fires it, and the ticks after it stay one step apart from there.
    const sim::Scenario scenario = shipped("rebalance-basico");
    for (std::uint64_t seed : {1U, 2U, 3U, 4U, 5U}) {
        for (sim::TimeMs at : {2099, 2199, 3999, 5099, 5999}) {
            CAPTURE(seed);
            CAPTURE(at);
            labs::SessionJournal log = studentWork();
            labs::Session session(scenario, seed);
            session.runUntil(0);
            labs::SimBackend backend(session);
            labs::KafkaCli cli(backend);
            labs::TerminalPlayback playback(backend, cli, log, {}, [&](int tab) {
                log.add(simple(labs::JournalEvent::Type::Interrupt, tab, backend.nowMs() - labs::kVirtualEpochMs));
            });
            session.setTimedWork(&playback);
            session.runUntil(at);
            session.beginPiece();
            log.add(start(7, session.now(), {"kafka-topics.sh", "--create", "--topic", "rascunho", "--partitions", "3"}));
            auto s = cli.start({"kafka-topics.sh", "--create", "--topic", "rascunho", "--partitions", "3",
                                "--bootstrap-server", kBootstrap},
                               true);
            s->takeOutput();
            CHECK(s->finished());
            CHECK(session.now() > at + 1); // the request passed the tick's time ...
            REQUIRE(session.nextWorkAt());
            CHECK(*session.nextWorkAt() <= session.now()); // ... which did not fire inside it: it is due now
            session.runUntil(9000);
            CHECK(playback.done());
            const std::string live = session.sim().journal().sha256();
            session.setTimedWork(nullptr);
            CHECK(eager(scenario, seed, log, 9000) == live);
        }
    }
}

namespace {

/// The app's playback with a live console consumer (tab 7, typed at 1000 ms, --max-messages
/// `maxMessages`) while the student's log plays: the clock moves in pieces of one simulation event
/// (the worker's pieces stop anywhere, also between two events of one instant) and a frame's clock
/// tick (0 ms: playing moves the clock) comes every 100 ms of virtual time, wherever the piece
/// stopped, and once more when the journal holds `extraTickAt` events. Each tick is what CliHost
/// does: Session::beginPiece, the tick journaled, the log's running commands pumped, then the live one.
/// `delivered` (a probe, not the app): the live consumer is also pumped after every event, and gets,
/// for each record it printed, the index of the piece after which it was printed and whether that
/// event shares its instant with the one before it.
struct LiveTicks {
    std::string hash;
    labs::SessionJournal log;
    bool finished = false;
    bool extraInside = false; ///< the extra tick was taken between two events of one instant
};

LiveTicks playWithLiveTicks(const sim::Scenario& scenario, std::uint64_t seed, int maxMessages,
                            std::optional<std::size_t> extraTickAt,
                            std::vector<std::pair<std::size_t, bool>>* delivered = nullptr) {
    LiveTicks out;
    out.log = studentWork();
    labs::Session session(scenario, seed);
    session.runUntil(0);
    labs::SimBackend backend(session);
    labs::KafkaCli cli(backend);
    std::unique_ptr<labs::CommandSession> consumer;
    std::size_t pieces = 0;       // budgeted runUntil calls so far: the same in the probe and the run
    std::size_t boundary = 0;     // the index of the last piece
    bool boundaryInside = false;  // ... and whether that was between two events of one instant
    const auto pumpLive = [&] {
        if (!consumer || consumer->finished()) return;
        consumer->pump(0);
        for (const auto& chunk : consumer->takeOutput())
            if (delivered && chunk.stream == labs::OutStream::Out)
                for (char ch : chunk.text)
                    if (ch == '\n') delivered->emplace_back(boundary, boundaryInside);
    };
    labs::JournalReplayer::Hooks hooks;
    hooks.ticked = pumpLive; // the log's ticks pump the live consoles too (CliHost: tick())
    labs::TerminalPlayback playback(backend, cli, out.log, hooks, [&](int tab) {
        out.log.add(simple(labs::JournalEvent::Type::Interrupt, tab, backend.nowMs() - labs::kVirtualEpochMs));
    });
    session.setTimedWork(&playback);
    session.runUntil(1000);
    session.beginPiece();
    const std::vector<std::string> argv = {"kafka-console-consumer.sh", "--topic", "encomendas", "--group", "ao-vivo",
                                           "--max-messages", std::to_string(maxMessages)};
    out.log.add(start(7, session.now(), argv));
    std::vector<std::string> full = argv;
    full.push_back("--bootstrap-server");
    full.push_back(kBootstrap);
    consumer = cli.start(full, true);
    consumer->takeOutput();
    sim::TimeMs lastTick = session.now();
    const auto tick = [&] {
        session.beginPiece();
        lastTick = session.now();
        out.log.add(ticks(7, lastTick, 0, 1));
        playback.pumpRunning();
        pumpLive();
    };
    for (sim::TimeMs t = 1; t <= 9000; ++t) {
        for (;;) {
            std::size_t budget = 1;
            const std::size_t index = pieces++;
            const bool reached = session.runUntil(t, budget);
            const bool live = consumer && !consumer->finished();
            boundary = index;
            if (live && extraTickAt && index + 1 == *extraTickAt) { // right before piece *extraTickAt
                out.extraInside = !reached && session.sim().nextEventTime() == session.now();
                tick();
                extraTickAt.reset();
            } else if (live && session.now() - lastTick >= 100) {
                tick();
            } else if (live && delivered) {
                pumpLive();
            }
            boundaryInside = !reached && session.sim().nextEventTime() == session.now();
            if (reached) break;
        }
    }
    session.runUntil(9000);
    CHECK(playback.done());
    out.finished = consumer->finished();
    out.hash = session.sim().journal().sha256();
    session.setTimedWork(nullptr);
    return out;
}

} // namespace

TEST_CASE("a live clock tick taken where a playback piece stopped inside an instant replays to the same journal") {
    // The frame's tick comes wherever the worker's piece stopped, possibly between two events of one
    // instant. Chosen here: right before the event that delivers the live consumer's last record,
    // in the instant of the event before it. The tick is a piece of terminal work: it starts with the
    // instant complete (Session::beginPiece), so its pump sees that record and the consumer ends at
    // this tick, where a replay of the log with the tick in it (after the instant) ends it too. A
    // pump inside the instant would miss the record and end it at a later tick. (This one passes
    // with Session::beginPiece turned off too: no work of the log is due at those instants. The
    // next case is the one that fails without it.)
    const sim::Scenario scenario = shipped("rebalance-basico");
    int inside = 0;
    for (std::uint64_t seed : {1U, 2U, 3U, 4U, 5U}) {
        CAPTURE(seed);
        // A probe run finds, for each record the consumer prints, the event that delivered it.
        // The events up to there are the same with any --max-messages: pumps only read.
        std::vector<std::pair<std::size_t, bool>> delivered;
        playWithLiveTicks(scenario, seed, 1000, std::nullopt, &delivered);
        REQUIRE(delivered.size() > 40);
        std::optional<int> maxMessages;
        std::size_t lastRecord = 0;
        for (std::size_t k = 30; k < delivered.size() && !maxMessages; ++k) {
            const auto [e, sharesInstant] = delivered[k - 1]; // the piece after which the k-th record was printed
            if (sharesInstant && delivered[k - 2].first < e) {
                maxMessages = static_cast<int>(k);
                lastRecord = e;
            }
        }
        if (!maxMessages) continue;
        CAPTURE(*maxMessages);
        ++inside;
        const LiveTicks live = playWithLiveTicks(scenario, seed, *maxMessages, lastRecord);
        // The pieces are counted, so the run takes its extra tick exactly where the probe saw the
        // piece boundary: inside an instant (the budgeted runUntil stopped with the next event at now()).
        CHECK(live.extraInside);
        CHECK(live.finished);
        CHECK(eager(scenario, seed, live.log, 9000) == live.hash);
    }
    CHECK(inside >= 3); // seeds where the probe saw the last record arrive inside an instant
}

namespace {

/// The app's playback with a live console consumer (tab 7, typed at 1000 ms, --max-messages
/// `maxMessages`) while the student's log plays, moved in pieces of one simulation event with a
/// frame's clock tick every 100 ms, as in playWithLiveTicks. Once, the frame's tick comes where a
/// piece stopped inside instant `at`, the time of a command of the log that lets time pass (a
/// request), due there and not fired yet: the session fires the log's work at T only after instant
/// T is complete. The tick is what CliHost does (Session::beginPiece, the tick journaled, the log's
/// running commands pumped, then the live one).
/// With `probe`, nothing is taken there: the instant is completed without the log's work
/// (Session::runHeld, what the tick's pumps do of their own) and the live consumer pumped; `probe`
/// gets the records it printed by then, and the run stops.
struct TickAtCommand {
    std::string hash;
    labs::SessionJournal log;
    bool found = false;          ///< a piece stopped inside instant `at` with the log's work due there
    bool newRecords = false;     ///< (probe) records came for the live consumer after its last pump
    std::int64_t printed = 0;    ///< (probe) what it had printed once instant `at` was complete
    bool finishedAtTick = false; ///< the live consumer ended at that tick (its last record printed there)
    sim::TimeMs tickAt = -1;     ///< the tick's time as journaled
};

TickAtCommand playWithTickAtCommand(const sim::Scenario& scenario, std::uint64_t seed, sim::TimeMs at,
                                    std::int64_t maxMessages, bool probe) {
    TickAtCommand out;
    out.log = studentWork();
    labs::Session session(scenario, seed);
    session.runUntil(0);
    labs::SimBackend backend(session);
    labs::KafkaCli cli(backend);
    std::unique_ptr<labs::CommandSession> consumer;
    std::int64_t printed = 0;
    const auto pumpLive = [&] {
        if (!consumer || consumer->finished()) return;
        consumer->pump(0);
        for (const auto& chunk : consumer->takeOutput())
            if (chunk.stream == labs::OutStream::Out)
                for (char ch : chunk.text)
                    if (ch == '\n') ++printed;
    };
    labs::JournalReplayer::Hooks hooks;
    hooks.ticked = pumpLive; // the log's ticks pump the live consoles too (CliHost: tick())
    labs::TerminalPlayback playback(backend, cli, out.log, hooks, [&](int tab) {
        out.log.add(simple(labs::JournalEvent::Type::Interrupt, tab, backend.nowMs() - labs::kVirtualEpochMs));
    });
    session.setTimedWork(&playback);
    session.runUntil(1000);
    session.beginPiece();
    const std::vector<std::string> argv = {"kafka-console-consumer.sh", "--topic", "encomendas", "--group", "ao-vivo",
                                           "--max-messages", std::to_string(maxMessages)};
    out.log.add(start(7, session.now(), argv));
    std::vector<std::string> full = argv;
    full.push_back("--bootstrap-server");
    full.push_back(kBootstrap);
    consumer = cli.start(full, true);
    consumer->takeOutput();
    sim::TimeMs lastTick = session.now();
    const auto tick = [&] {
        session.beginPiece();
        lastTick = session.now();
        out.log.add(ticks(7, lastTick, 0, 1));
        playback.pumpRunning();
        pumpLive();
    };
    for (sim::TimeMs t = 1; t <= 9000; ++t) {
        for (;;) {
            std::size_t budget = 1;
            const bool reached = session.runUntil(t, budget);
            const bool live = consumer && !consumer->finished();
            if (!out.found && live && !reached && session.now() == at && session.nextWorkAt() == at &&
                session.sim().nextEventTime() == at) {
                out.found = true;
                if (probe) {
                    const std::int64_t before = printed;
                    session.runHeld(session.now());
                    pumpLive();
                    out.newRecords = printed > before;
                    out.printed = printed;
                    session.setTimedWork(nullptr);
                    return out;
                }
                tick();
                out.tickAt = lastTick;
                out.finishedAtTick = consumer->finished();
            } else if (live && session.now() - lastTick >= 100) {
                tick();
            }
            if (reached) break;
        }
    }
    session.runUntil(9000);
    CHECK(playback.done());
    out.hash = session.sim().journal().sha256();
    session.setTimedWork(nullptr);
    return out;
}

} // namespace

TEST_CASE("a live clock tick taken inside the instant of a log command not fired yet replays to the same journal") {
    // The worker's piece stops inside instant T of a command of the log (due at T: it fires once
    // the instant is complete) and the frame's tick comes there. The tick is a piece of terminal
    // work: it starts where a replay of the log would apply it, after the log's work due by now
    // (Session::beginPiece), so the log's command runs first (its request lets 2 ms pass) and the
    // tick is journaled after it. The live consumer's --max-messages is what it has printed by the
    // end of instant T (a probe), so it ends at this tick: its close comes after the log's command,
    // live and replayed. A tick that pumped before the command would close it first, at T, and the
    // replay (the tick after the command) would close it 2 ms later: another journal.
    const sim::Scenario scenario = shipped("rebalance-basico");
    int proven = 0;
    // The log's commands: tab 2's consumer (2000), its Ctrl+C (4000), the --alter (4500), tab 3's consumer (5000).
    for (std::uint64_t seed : {1U, 2U, 3U, 4U, 5U}) {
        for (sim::TimeMs at : {2000, 4000, 4500, 5000}) {
            CAPTURE(seed);
            CAPTURE(at);
            const TickAtCommand probe = playWithTickAtCommand(scenario, seed, at, 1000000, true);
            if (!probe.found || !probe.newRecords) continue;
            CAPTURE(probe.printed);
            const TickAtCommand live = playWithTickAtCommand(scenario, seed, at, probe.printed, false);
            REQUIRE(live.found);
            CHECK(live.finishedAtTick);
            CHECK(live.tickAt >= at);
            if (at == 4000 || at == 4500) CHECK(live.tickAt > at); // after the close's or the --alter's request
            CHECK(eager(scenario, seed, live.log, 9000) == live.hash);
            ++proven;
        }
    }
    MESSAGE("pairs (seed, command) where a piece stopped inside the command's instant: ", proven);
    CHECK(proven >= 8); // 10 at the time of writing
}

TEST_CASE("fluxolab-cli simulate plays a scenario's terminal part like the app and gives the eager journal") {
    // simulate attaches the app's playback (HeadlessTerminalPlayback) and lets the session's clock
    // run: the same journal as the eager replay, also when --until ends inside the log (the log is
    // played to its end, where its last console consumer is stopped, as the eager replay did).
    sim::Scenario scenario = shipped("rebalance-basico");
    const labs::SessionJournal log = studentWork();
    scenario.terminal = log.toJson();
    const std::string path = (std::filesystem::temp_directory_path() / "fluxolab-simulate-playback.json").string();
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << sim::scenarioToJson(scenario);
    }
    for (std::uint64_t seed : {1U, 2U, 5U}) {
        for (sim::TimeMs until : {100, 4000, 9000}) {
            CAPTURE(seed);
            CAPTURE(until);
            std::istringstream in;
            std::ostringstream out, err;
            REQUIRE(labs::runCli({"simulate", path, "--seed", std::to_string(seed), "--until",
                                  std::to_string(until) + "ms"},
                                 {in, out, err}) == 0);
            CHECK(out.str().find("journal-sha256: " + eager(scenario, seed, log, until) + "\n") != std::string::npos);
        }
    }
    std::filesystem::remove(path);
}
