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

// Its human texts: one template per line of the list (two for WindowFired, chosen by "late"), checked
// against the schema at compile time.
constexpr EventText kTestEngineTexts[] = {
    {static_cast<std::uint8_t>(TestEngineEvent::WindowFired), "Operator {operator} fired {records} late record(s) on {topic}",
     "late", "true"},
    {static_cast<std::uint8_t>(TestEngineEvent::WindowFired), "Operator {operator} fired {records} record(s) on {topic}"},
    {static_cast<std::uint8_t>(TestEngineEvent::CheckpointDone), "Checkpoint {id} done: {note}"},
};
static_assert(checkEventTexts(kTestEngineSchemas, std::size(kTestEngineSchemas), kTestEngineTexts,
                              std::size(kTestEngineTexts)));
// A template naming a field the schema does not have, or a type without a template, fails the check.
constexpr EventText kTypoTexts[] = {
    {static_cast<std::uint8_t>(TestEngineEvent::WindowFired), "Operator {operatr} fired"},
    {static_cast<std::uint8_t>(TestEngineEvent::CheckpointDone), "Checkpoint {id} done"},
};
static_assert(!checkEventTexts(kTestEngineSchemas, std::size(kTestEngineSchemas), kTypoTexts, std::size(kTypoTexts)));
static_assert(!checkEventTexts(kTestEngineSchemas, std::size(kTestEngineSchemas), kTestEngineTexts, 1));

// Its view: one fold hook per line of the list, dispatched by FLUXOLAB_FOLD.
struct TestEngineView {
    std::size_t events = 0;
    std::int64_t fired = 0;
    std::int64_t late = 0;
    std::int64_t checkpoint = -1;
    void apply(const Journal& j, const Event& e);
    template <TestEngineEvent T> void fold(const Journal& j, const Event& e);
};
template <> void TestEngineView::fold<TestEngineEvent::WindowFired>(const Journal&, const Event& e) {
    fired += e.b;
    if (e.flag) late += e.b;
}
template <> void TestEngineView::fold<TestEngineEvent::CheckpointDone>(const Journal&, const Event& e) { checkpoint = e.a; }
void TestEngineView::apply(const Journal& j, const Event& e) {
    ++events;
    if (e.family == kKafkaFamily) return;
    FLUXOLAB_FOLD(TEST_ENGINE_EVENTS, TestEngineEvent, *this, j, e);
}
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

    TEST_CASE("a test-only event declared in one place is rendered - folded and texted from its schema") {
        Journal j;
        const std::uint16_t family =
            j.addFamily({"test-engine", kTestEngineSchemas, static_cast<std::size_t>(TestEngineEvent::Count_)});
        Event kafka;
        kafka.time = 1;
        kafka.type = EventType::BrokerStarted;
        kafka.broker = 2;
        j.append(kafka);
        Event w;
        w.time = 3;
        w.family = family;
        w.type = static_cast<EventType>(TestEngineEvent::WindowFired);
        w.topic = j.topicIndex("clicks");
        w.a = 7;
        w.b = 5;
        j.append(w);
        w.time = 4;
        w.b = 2;
        w.flag = 1;
        j.append(w);
        Event cp;
        cp.time = 6;
        cp.family = family;
        cp.type = static_cast<EventType>(TestEngineEvent::CheckpointDone);
        cp.a = 12;
        cp.name = j.addString("ok");
        j.append(cp);

        // Rendered.
        CHECK(j.toJson(1) == R"({"t":3,"type":"window_fired","operator":7,"records":5,"topic":"clicks"})");
        CHECK(j.toJson(2) == R"({"t":4,"type":"window_fired","operator":7,"records":2,"topic":"clicks","late":true})");
        // Folded, by the test view's hooks (and the Kafka view ignores the family's events).
        BasicTimeline<TestEngineView> tl(j, 2);
        CHECK(tl.latest().events == 4);
        CHECK(tl.latest().fired == 7);
        CHECK(tl.latest().late == 2);
        CHECK(tl.latest().checkpoint == 12);
        CHECK(tl.at(2).fired == 5);
        CHECK(tl.at(2).checkpoint == -1);
        CHECK(Timeline(j).latest().brokers.size() == 2);
        // Texted: the template chosen by the field's value, the fields by their schema keys.
        const auto text = [&](std::size_t i) {
            const EventText* t = j.pickText(j[i], kTestEngineTexts, std::size(kTestEngineTexts));
            REQUIRE(t != nullptr);
            return j.describe(j[i], t->text);
        };
        CHECK(text(1) == "Operator 7 fired 5 record(s) on clicks");
        CHECK(text(2) == "Operator 7 fired 2 late record(s) on clicks");
        CHECK(text(3) == "Checkpoint 12 done: ok");
        // A formatter decides how a field shows (the app translates names this way); {#key} counts a list.
        const auto upper = [&](const Event& e, const FieldSpec& f) { return "<" + j.fieldText(e, f) + ">"; };
        CHECK(j.describe(j[3], "{note}/{id}/{unknown}", upper) == "<ok>/<12>/{unknown}");
    }

    TEST_CASE("the Kafka event texts count list items with the hash placeholder") {
        Journal j;
        Event e;
        e.type = EventType::PartitionsAssigned;
        e.actor = 0;
        j.setConsumerName(0, "c-1");
        const std::int32_t t = j.topicIndex("t");
        const auto [begin, size] = j.addList({t, 0, t, 2, t, 5});
        e.list_begin = begin;
        e.list_size = size;
        j.append(e);
        CHECK(j.describe(j[0], "{consumer} got {#partitions}: {partitions}") == "c-1 got 3: t-0,t-2,t-5");
    }
}
