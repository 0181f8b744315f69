// The journal schema: one declaration per event type gives the enum, the JSON rendering and the
// field accessors; another engine's event family plugs in by declaring its list in one place.
#include "sim/cluster.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

#include <string>

using namespace fluxolab::sim;

namespace {
// A test-only engine's events, declared once: this line is all it takes to journal them.
// clang-format off
#define TEST_ENGINE_EVENTS(X)                                                                          \
    X(WindowFired, "window_fired", FLUXOLAB_F("operator", Int, A), FLUXOLAB_F("records", Int, B),      \
      FLUXOLAB_F("topic", Topic, Topic), FLUXOLAB_F("late", TrueIfSet, Flag))                          \
    X(CheckpointDone, "checkpoint_done", FLUXOLAB_F("id", Int, A), FLUXOLAB_F("note", Text, Name))
// clang-format on
enum class TestEngineEvent : std::uint8_t { FLUXOLAB_EVENT_ENUMERATORS(TEST_ENGINE_EVENTS) Count_ };
constexpr EventSchema kTestEngineSchemas[] = {FLUXOLAB_EVENT_SCHEMAS(TEST_ENGINE_EVENTS)};
} // namespace

TEST_SUITE("sim/journal") {
    TEST_CASE("every Kafka event type has a schema whose JSON keys match its rendering") {
        ClusterConfig cfg;
        cfg.brokers = 3;
        Simulation sim(cfg, 9);
        sim.createTopic("t", 3, 3);
        ConsumerConfig cc;
        cc.group_id = "g";
        const auto c = sim.addConsumer(cc);
        sim.subscribe(c, {"t"});
        const auto p = sim.addProducer({});
        for (int i = 0; i < 50; ++i) sim.sendSynthetic(p, "t", std::nullopt);
        sim.runFor(10000);
        sim.stopBroker(2, true);
        sim.runFor(20000);
        const Journal& j = sim.journal();
        REQUIRE(j.size() > 20);
        for (std::size_t i = 0; i < j.size(); ++i) {
            const Event& e = j[i];
            const EventSchema& s = j.schemaOf(e);
            CHECK(std::string(s.name) == eventTypeName(e.type));
            const std::string json = j.toJson(i);
            for (const FieldSpec& f : s) {
                const bool shown = json.find(std::string("\"") + f.key + "\":") != std::string::npos;
                if (f.kind == FieldKind::Int) {
                    CHECK(shown);
                    CHECK(json.find(std::string("\"") + f.key + "\":" + j.fieldText(e, f)) != std::string::npos);
                }
            }
        }
        // Field access by name, as a human text needs it.
        for (std::size_t i = 0; i < j.size(); ++i)
            if (j[i].type == EventType::RecordsAppended) {
                CHECK(j.fieldText(j[i], "topic") == "t");
                CHECK(j.fieldText(j[i], "count") == std::to_string(j[i].b));
                CHECK(j.fieldText(j[i], "producer") == "producer-1");
                CHECK(j.fieldText(j[i], "no_such_field").empty());
                break;
            }
    }

    TEST_CASE("a new event family is declared in one place and journaled - rendered and skipped by the Kafka view") {
        Journal j;
        const std::uint16_t family =
            j.addFamily({"test-engine", kTestEngineSchemas, static_cast<std::size_t>(TestEngineEvent::Count_)});
        CHECK(family != kKafkaFamily);
        CHECK(std::string(j.family(family).engine) == "test-engine");
        Event kafka;
        kafka.time = 5;
        kafka.type = EventType::BrokerStarted;
        kafka.broker = 1;
        j.append(kafka);
        Event w;
        w.time = 7;
        w.family = family;
        w.type = static_cast<EventType>(TestEngineEvent::WindowFired);
        w.topic = j.topicIndex("clicks");
        w.a = 3;
        w.b = 42;
        w.flag = 1;
        j.append(w);
        Event cp;
        cp.time = 9;
        cp.family = family;
        cp.type = static_cast<EventType>(TestEngineEvent::CheckpointDone);
        cp.a = 1;
        cp.name = j.addString("all \"good\"");
        j.append(cp);
        CHECK(j.toJson(0) == R"({"t":5,"type":"broker_started","broker":1})");
        CHECK(j.toJson(1) == R"({"t":7,"type":"window_fired","operator":3,"records":42,"topic":"clicks","late":true})");
        CHECK(j.toJson(2) == R"({"t":9,"type":"checkpoint_done","id":1,"note":"all \"good\""})");
        CHECK(j.fieldText(j[1], "records") == "42");
        // The Kafka view folds the Kafka events only, and still counts every event it passed.
        Timeline tl(j);
        CHECK(tl.latest().events == 3);
        CHECK(tl.latest().brokers.size() == 1);
        CHECK(tl.latest().time == 9);
    }
}
