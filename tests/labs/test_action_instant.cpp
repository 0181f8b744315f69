// One rule for the order of an instant, live and in replay (labs::Session::advanceToActionInstant,
// sim::ScenarioRun::runToActionInstant): at an instant T the simulation's own events, then the
// scenario's actions, then the consumers it starts, then the producers' 10 ms traffic tick. An
// interactive action (a toolbar button) is applied at the next millisecond in that order, even when
// that millisecond is on the traffic grid; saving the scenario and replaying it gives the same journal.
// And the terminal's part of the action log (sim::Scenario::terminal) replays headless.
#include "labs/backend/session.h"
#include "labs/backend/scenario_errors.h"
#include "labs/backend/sim_backend.h"
#include "labs/cli/cli_commands.h"
#include "labs/session/session_journal.h"
#include "sim/scenario.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace fluxolab;

namespace {

sim::Scenario shipped(const char* name) {
    sim::ScenarioError error;
    const auto s = sim::loadScenarioFile(std::string(FLUXOLAB_SOURCE_DIR "/assets/scenarios/") + name + ".json", error);
    REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(error));
    return *s;
}

/// Applies `kind` as the toolbar does: at the action instant, recorded, then applied.
sim::ScenarioAction& act(labs::Session& session, sim::ScenarioAction::Kind kind) {
    session.advanceToActionInstant();
    return session.recordAction(kind);
}

/// A live run with toolbar actions made right before traffic ticks, so that each lands on the grid.
struct LiveRun {
    std::string hash;
    std::size_t events = 0;
    sim::Scenario saved;
};

/// `afterTick`: the order this rule replaced for an action on the grid (applied after the tick at
/// its instant), to show that the comparison below can tell the two apart.
LiveRun playLive(const sim::Scenario& scenario, std::uint64_t seed, bool afterTick = false) {
    labs::Session session(scenario, seed);
    const auto at = [&](sim::TimeMs t) {
        // The next action lands on t, a multiple of 10: a traffic tick instant.
        session.runUntil(t - 1);
        if (afterTick) session.runUntil(t);
    };
    const auto make = [&](sim::ScenarioAction::Kind kind) -> sim::ScenarioAction& {
        if (!afterTick) return act(session, kind);
        return session.recordAction(kind);
    };
    const sim::TimeMs t0 = 2000 + 10 * static_cast<sim::TimeMs>(seed % 50);
    at(t0);
    {
        sim::ScenarioAction& a = make(sim::ScenarioAction::Kind::CrashBroker);
        CHECK(session.now() == t0);
        CHECK(a.at_ms == t0);
        a.broker = 1;
        session.run().apply(a);
    }
    at(t0 + 1500);
    {
        sim::ScenarioAction& a = make(sim::ScenarioAction::Kind::AddConsumer);
        CHECK(a.at_ms == t0 + 1500);
        sim::ScenarioConsumer c = scenario.consumers.front();
        c.id = "ui-1";
        c.start_ms = session.now();
        a.consumer = c;
        session.run().apply(a);
    }
    at(t0 + 2500);
    {
        // Whether the tick at this instant runs before or after it changes the records sent.
        sim::ScenarioAction& a = make(sim::ScenarioAction::Kind::ProducerRate);
        a.target = scenario.producers.front().id;
        a.value = 2 * static_cast<std::int64_t>(scenario.producers.front().rate_per_sec) + 7;
        session.run().apply(a);
    }
    at(t0 + 4000);
    {
        sim::ScenarioAction& a = make(sim::ScenarioAction::Kind::StartBroker);
        a.broker = 1;
        session.run().apply(a);
    }
    at(t0 + 6000);
    {
        sim::ScenarioAction& a = make(sim::ScenarioAction::Kind::RemoveConsumer);
        a.target = "ui-1";
        session.run().apply(a);
    }
    session.runUntil(t0 + 9000);
    return {session.sim().journal().sha256(), session.sim().journal().size(), session.scenario()};
}

std::string replayed(const LiveRun& live, std::uint64_t seed, sim::TimeMs until) {
    // Through the JSON the app saves, as a student's saved file would be.
    sim::ScenarioError error;
    const auto s = sim::parseScenario(sim::scenarioToJson(live.saved), "saved.json", error);
    REQUIRE_MESSAGE(s, fluxolab::labs::scenarioErrorText(error));
    labs::Session session(*s, seed);
    session.runUntil(until);
    CHECK(session.sim().journal().size() == live.events);
    return session.sim().journal().sha256();
}

/// Records a scenario producer appended (admin appends excluded).
std::int64_t produced(const sim::Journal& journal) {
    std::int64_t n = 0;
    for (const sim::Event& e : journal.events())
        if (e.family == sim::kKafkaFamily && e.type == sim::EventType::RecordsAppended && e.actor >= 0) n += e.b;
    return n;
}

sim::Scenario oneProducer() {
    sim::Scenario s;
    s.cluster.brokers = 1;
    s.topics.push_back({"t", 1, 1, {}, {}});
    sim::ScenarioProducer p;
    p.id = "p";
    p.topic = "t";
    p.rate_per_sec = 1000; // 10 records per 10 ms tick
    p.keys.kind = sim::KeySpec::Kind::Null;
    s.producers.push_back(p);
    return s;
}

} // namespace

TEST_CASE("an action at an instant runs before that instant's traffic tick in replay and live") {
    // Rate 1000/s, set to 0 at 1000 ms. The ticks at 0..990 ms send floor(1000 * t / 1000) records:
    // 990 by the tick at 990. The action comes before the tick at 1000, which then sends nothing.
    sim::Scenario withAction = oneProducer();
    sim::ScenarioAction stop;
    stop.kind = sim::ScenarioAction::Kind::ProducerRate;
    stop.at_ms = 1000;
    stop.target = "p";
    stop.value = 0;
    withAction.actions.push_back(stop);
    labs::Session replay(withAction, 7);
    replay.runUntil(3000);
    CHECK(produced(replay.sim().journal()) == 990);

    // Live, from the toolbar at 999 ms: the action instant is 1000 ms, on the grid; the tick at
    // 1000 ms has not run when the action is applied.
    labs::Session live(oneProducer(), 7);
    live.runUntil(999);
    live.advanceToActionInstant();
    CHECK(live.now() == 1000);
    sim::ScenarioAction& a = live.recordAction(sim::ScenarioAction::Kind::ProducerRate);
    CHECK(a.at_ms == 1000);
    a.target = "p";
    a.value = 0;
    live.run().apply(a);
    live.runUntil(3000);
    CHECK(produced(live.sim().journal()) == 990);
    CHECK(live.sim().journal().sha256() == replay.sim().journal().sha256());

    // The order this rule replaced, an action on the grid applied after the tick at its instant:
    // the tick at 1000 ms sends 10 more records, and the saved scenario does not replay to it.
    labs::Session after(oneProducer(), 7);
    after.runUntil(1000);
    sim::ScenarioAction& late = after.recordAction(sim::ScenarioAction::Kind::ProducerRate);
    late.target = "p";
    late.value = 0;
    after.run().apply(late);
    after.runUntil(3000);
    CHECK(produced(after.sim().journal()) == 1000);
    CHECK(after.sim().journal().sha256() != replay.sim().journal().sha256());

    // Twice in a row: the second action is one millisecond later, after the first one's tick.
    labs::Session twice(oneProducer(), 7);
    twice.runUntil(999);
    twice.advanceToActionInstant();
    twice.advanceToActionInstant();
    CHECK(twice.now() == 1001);
    twice.run().runToActionInstant(1001);
    CHECK(twice.now() == 1001);
}

TEST_CASE("toolbar actions on the traffic grid replay to the same journal over many seeds") {
    for (const char* name : {"rebalance-basico", "falha-de-broker", "cooperativo-vs-ansioso"}) {
        const sim::Scenario scenario = shipped(name);
        REQUIRE_FALSE(scenario.consumers.empty());
        REQUIRE_FALSE(scenario.producers.empty());
        int differentBefore = 0;
        for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            CAPTURE(name);
            CAPTURE(seed);
            const LiveRun live = playLive(scenario, seed);
            const sim::TimeMs end = 2000 + 10 * static_cast<sim::TimeMs>(seed % 50) + 9000;
            CHECK(live.saved.actions.size() == scenario.actions.size() + 5);
            CHECK(replayed(live, seed, end) == live.hash);
            // The order this rule replaced (an action on the grid applied after the tick) does not replay.
            const LiveRun old = playLive(scenario, seed, true);
            sim::ScenarioError error;
            const auto s = sim::parseScenario(sim::scenarioToJson(old.saved), "old.json", error);
            REQUIRE(s);
            labs::Session session(*s, seed);
            session.runUntil(end);
            if (session.sim().journal().sha256() != old.hash) ++differentBefore;
        }
        CHECK(differentBefore > 0);
    }
}

TEST_CASE("toolbar actions made where a run cut after N events stopped replay to the same journal") {
    // The app simulates playback in pieces of a few events (Session::runUntil(t, budget)) and a
    // click stops the piece where it is, possibly between two events of one instant. The action
    // is then made at the next millisecond, after the rest of that instant: saving and replaying
    // the scenario gives the same journal.
    const sim::Scenario scenario = shipped("rebalance-basico");
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        for (const std::size_t bound : {std::size_t{1}, std::size_t{5}, std::size_t{64}}) {
            CAPTURE(seed);
            CAPTURE(bound);
            labs::Session session(scenario, seed);
            int cutMidway = 0;
            // Runs towards `t` in pieces and stops at the first piece that ends before it.
            const auto playUntilCut = [&](sim::TimeMs t) {
                for (;;) {
                    std::size_t budget = bound;
                    if (session.runUntil(t, budget)) return;
                    if (session.now() + 1000 >= t) { // a stop shortly before `t`: the click lands there
                        ++cutMidway;
                        return;
                    }
                }
            };
            const sim::TimeMs t0 = 3000 + 37 * static_cast<sim::TimeMs>(seed);
            playUntilCut(t0);
            {
                sim::ScenarioAction& a = act(session, sim::ScenarioAction::Kind::CrashBroker);
                a.broker = 2;
                session.run().apply(a);
            }
            playUntilCut(t0 + 4000);
            {
                sim::ScenarioAction& a = act(session, sim::ScenarioAction::Kind::AddConsumer);
                sim::ScenarioConsumer c = scenario.consumers.front();
                c.id = "ui-1";
                c.start_ms = session.now();
                a.consumer = c;
                session.run().apply(a);
            }
            playUntilCut(t0 + 7000);
            {
                sim::ScenarioAction& a = act(session, sim::ScenarioAction::Kind::StartBroker);
                a.broker = 2;
                session.run().apply(a);
            }
            session.runUntil(t0 + 12000);
            CHECK(cutMidway > 0); // some clicks did land where a piece stopped short
            const LiveRun live{session.sim().journal().sha256(), session.sim().journal().size(), session.scenario()};
            CHECK(live.saved.actions.size() == scenario.actions.size() + 3);
            CHECK(replayed(live, seed, t0 + 12000) == live.hash);
        }
    }
}

TEST_CASE("a scenario's terminal part replays headless in fluxolab-cli simulate") {
    // What the app saves after terminal work: a topic created and three lines produced from a
    // heredoc, at the cluster times they were typed.
    labs::SessionJournal terminal;
    labs::JournalEvent create;
    create.type = labs::JournalEvent::Type::Start;
    create.tab = 1;
    create.at_ms = labs::kVirtualEpochMs + 300;
    create.argv = {"kafka-topics.sh", "--create", "--topic", "aula", "--partitions", "2", "--bootstrap-server",
                   "localhost:9092"};
    terminal.add(create);
    labs::JournalEvent produce;
    produce.type = labs::JournalEvent::Type::Start;
    produce.tab = 1;
    produce.at_ms = labs::kVirtualEpochMs + 1200;
    produce.argv = {"kafka-console-producer.sh", "--topic", "aula", "--bootstrap-server", "localhost:9092"};
    produce.input = std::vector<std::string>{"um", "dois", "tres"};
    terminal.add(produce);

    sim::Scenario scenario = labs::Session::emptyScenario(1);
    scenario.duration_ms = 5000;
    scenario.terminal = terminal.toJson();
    const std::string path = (std::filesystem::temp_directory_path() / "fluxolab-terminal-part.json").string();
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << sim::scenarioToJson(scenario);
    }
    std::istringstream in;
    std::ostringstream out, err;
    REQUIRE(labs::runCli({"simulate", path}, {in, out, err}) == 0);
    CHECK(out.str().find("records appended: 3,") != std::string::npos);
    CHECK(out.str().find("topics: 1,") != std::string::npos);

    // The same as replaying it on a session by hand, all at once (the eager replay the app did
    // before its playback).
    labs::Session session(scenario, scenario.seed);
    // The session's scenario is the scenario's part of the action log only: the terminal's part
    // is its keeper's (here this test's `terminal`; in the app the controller's, joined in again by
    // actionLog()), so a saved session's scenario never carries a stale copy of it.
    CHECK(session.scenario().terminal.empty());
    {
        sim::Scenario withoutTerminal = scenario;
        withoutTerminal.terminal.clear();
        CHECK(sim::scenarioToJson(session.scenario()) == sim::scenarioToJson(withoutTerminal));
        CHECK(sim::scenarioToJson(session.scenario()) != sim::scenarioToJson(scenario));
    }
    session.runUntil(0);
    {
        labs::SimBackend backend(session);
        labs::KafkaCli cli(backend);
        labs::JournalReplayer(backend, cli, {}).run(terminal);
    }
    CHECK(terminal.commandCount() == 2);
    session.runUntil(5000);
    CHECK(out.str().find("journal-sha256: " + session.sim().journal().sha256() + "\n") != std::string::npos);

    // Without it, nothing is produced; a corrupt one is refused with its place named.
    scenario.terminal.clear();
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << sim::scenarioToJson(scenario);
    }
    std::ostringstream out2, err2;
    REQUIRE(labs::runCli({"simulate", path}, {in, out2, err2}) == 0);
    CHECK(out2.str().find("records appended: 0,") != std::string::npos);
    scenario.terminal = R"({"format":1,"lab":"","seed":1,"events":[{"type":"launch","tab":1,"at_ms":1}]})";
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << sim::scenarioToJson(scenario);
    }
    std::ostringstream out3, err3;
    CHECK(labs::runCli({"simulate", path}, {in, out3, err3}) == 2);
    CHECK(err3.str().find("/terminal: ") != std::string::npos);
    std::filesystem::remove(path);
}

TEST_CASE("the session's toolbar operations record what they apply: saved and replayed, the same journal") {
    // labs::Session::stopBroker, startBroker, addConsumer, createTopic, removeConsumer (what the
    // app's toolbar calls) each go to the action instant, record the action and apply it.
    for (const char* name : {"rebalance-basico", "falha-de-broker"}) {
        const sim::Scenario scenario = shipped(name);
        const sim::ScenarioConsumer& first = scenario.consumers.front();
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            CAPTURE(name);
            CAPTURE(seed);
            labs::Session session(scenario, seed);
            std::size_t actions = session.scenario().actions.size();
            const auto last = [&]() -> const sim::ScenarioAction& {
                // Recorded at now(), after the actions already at that instant.
                const auto& all = session.scenario().actions;
                for (auto it = all.rbegin(); it != all.rend(); ++it)
                    if (it->at_ms == session.now()) return *it;
                FAIL("no action at now()");
                return all.back();
            };

            session.runUntil(1995);
            session.stopBroker(1, true);
            CHECK(session.now() == 1996); // the next millisecond
            REQUIRE(session.scenario().actions.size() == ++actions);
            CHECK(last().kind == sim::ScenarioAction::Kind::CrashBroker);
            CHECK(last().broker == 1);
            const auto broker1 = [&] {
                const auto& all = session.sim().brokers();
                return std::find_if(all.begin(), all.end(), [](const sim::BrokerState& b) { return b.id == 1; });
            };
            REQUIRE(broker1() != session.sim().brokers().end());
            CHECK_FALSE(broker1()->alive);

            session.runUntil(3000);
            const std::int32_t consumers = session.consumerCount();
            const std::int32_t index = session.addConsumer(first.config.group_id, {}, std::nullopt);
            CHECK(index == consumers);
            CHECK(session.consumerCount() == consumers + 1);
            REQUIRE(session.scenario().actions.size() == ++actions);
            REQUIRE(last().consumer);
            CHECK(last().kind == sim::ScenarioAction::Kind::AddConsumer);
            CHECK(last().consumer->id == "ui-1");
            CHECK(last().consumer->start_ms == 3001);
            CHECK(last().consumer->topics == first.topics); // the group's subscription
            CHECK(last().consumer->config.assignors == first.config.assignors);
            CHECK(session.uniqueId("ui-") == "ui-2");

            session.runUntil(4000);
            CHECK(session.createTopic("novo", 3, 2).ok());
            REQUIRE(session.scenario().actions.size() == ++actions);
            REQUIRE(last().topic);
            CHECK(last().kind == sim::ScenarioAction::Kind::CreateTopic);
            CHECK(last().topic->name == "novo");
            CHECK(last().topic->partitions == 3);
            CHECK(last().topic->replication_factor == 2);
            // Refused as Kafka's controller refuses: nothing recorded.
            CHECK(session.createTopic("novo", 1, 1).error == sim::ErrorCode::TOPIC_ALREADY_EXISTS);
            CHECK(session.createTopic("largo", 1, 9).error == sim::ErrorCode::INVALID_REPLICATION_FACTOR);
            CHECK(session.scenario().actions.size() == actions);
            const std::vector<std::string> topics = session.liveTopicNames();
            CHECK(std::find(topics.begin(), topics.end(), "novo") != topics.end());
            CHECK(std::find(topics.begin(), topics.end(), "largo") == topics.end());
            CHECK(std::find(topics.begin(), topics.end(), "__consumer_offsets") == topics.end());

            session.runUntil(5000);
            session.startBroker(1);
            REQUIRE(session.scenario().actions.size() == ++actions);
            CHECK(last().kind == sim::ScenarioAction::Kind::StartBroker);
            CHECK(broker1()->alive);

            session.runUntil(6000);
            CHECK(session.removeConsumer(index));
            REQUIRE(session.scenario().actions.size() == ++actions);
            CHECK(last().kind == sim::ScenarioAction::Kind::RemoveConsumer);
            CHECK(last().target == "ui-1");
            CHECK_FALSE(session.removeConsumer(session.consumerCount()));
            CHECK(session.scenario().actions.size() == actions);

            session.runUntil(12000);
            CHECK(session.journalSize() == session.sim().journal().size());
            LiveRun live{session.sim().journal().sha256(), session.sim().journal().size(), session.scenario()};
            CHECK(replayed(live, seed, 12000) == live.hash);

            // A producer on a topic a CreateTopic action made: that topic becomes an initial one.
            std::string id;
            const sim::Scenario withProducer = session.scenarioWithProducer("novo", 50, sim::KeySpec{}, &id);
            CHECK(id == "ui-producer-1");
            REQUIRE(withProducer.producers.size() == scenario.producers.size() + 1);
            CHECK(withProducer.producers.back().id == id);
            CHECK(withProducer.producers.back().topic == "novo");
            CHECK(withProducer.producers.back().start_ms == 12000);
            CHECK(withProducer.topics.size() == scenario.topics.size() + 1);
            CHECK(withProducer.topics.back().name == "novo");
            CHECK(withProducer.actions.size() == actions - 1);
        }
    }
}

TEST_CASE("a topic the session creates at time 0 is one of the scenario's initial topics") {
    labs::Session session(labs::Session::emptyScenario(3), 1);
    REQUIRE(session.now() == 0);
    CHECK(session.createTopic("inicial", 2, 3).ok());
    CHECK(session.now() == 0); // no action instant at 0
    CHECK(session.scenario().actions.empty());
    REQUIRE(session.scenario().topics.size() == 1);
    CHECK(session.scenario().topics.front().name == "inicial");
    CHECK(session.scenario().topics.front().partitions == 2);
    CHECK(session.scenario().topics.front().replication_factor == 3);
    CHECK(session.liveTopicNames() == std::vector<std::string>{"inicial"});
}
