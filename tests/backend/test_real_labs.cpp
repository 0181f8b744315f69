// Labs 1-3 in real mode: the same scripted solutions as in the simulation, on the real Kafka 4.3.1
// broker through the librdkafka backend (the lab's setup and its checks act on the real cluster).
// Every step passes; a wrong solution fails the same step as in the simulation. Skipped unless
// FLUXOLAB_BACKEND=real (ctest real/labs, fixture realkafka).
#include "labs/lab_engine/lab_engine.h"
#include "labs/rdkafka/rdkafka_backend.h"
#include "labs/shell/shell_parser.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace fluxolab::labs;

namespace {

const std::string kSrc = FLUXOLAB_SOURCE_DIR;

bool realMode() {
    const char* m = std::getenv("FLUXOLAB_BACKEND");
    return m && std::string(m) == "real";
}

std::string readText(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string bootstrap() {
    const char* state = std::getenv("FLUXOLAB_KAFKA_STATE");
    REQUIRE(state);
    std::ifstream f(std::string(state) + "/ports");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("PORT=", 0) == 0) return "127.0.0.1:" + line.substr(5);
    FAIL("no broker");
    return {};
}

/// A real cluster as fresh as the simulation's: every topic and group deleted.
std::unique_ptr<RdKafkaBackend> freshCluster(const std::string& address) {
    RdKafkaConnection c;
    c.bootstrap_servers = address;
    auto b = std::make_unique<RdKafkaBackend>(c);
    for (const auto& g : b->listGroups()) b->deleteGroup(g);
    for (const auto& t : b->listTopics(false)) b->deleteTopic(t);
    return b;
}

std::string onReal(std::string script, const std::string& address) {
    for (std::size_t pos = 0; (pos = script.find("localhost:9092", pos)) != std::string::npos; pos += address.size())
        script.replace(pos, 14, address);
    return script;
}

} // namespace

TEST_CASE("real-labs: labs 1-3 solved with their scripted solutions on the real broker") {
    if (!realMode()) return;
    const std::string address = bootstrap();
    for (const char* id : {"topicos-particoes-offsets", "produtores-consumidores", "grupos-lag-rebalanceamento"}) {
        CAPTURE(id);
        const LabLoadResult l = findLab(id, kSrc + "/labs/content");
        REQUIRE(l.lab);
        const std::string solution = readText(kSrc + "/labs/content/solutions/" + std::string(id) + ".sh");
        const LabRunReport sim = runLabWithScript(*l.lab, parseScript(solution), std::nullopt);
        REQUIRE(sim.all_passed);
        auto real = freshCluster(address);
        const ParsedScript ps = parseScript(onReal(solution, address));
        REQUIRE_FALSE(ps.error.has_value());
        const LabRunReport r = runLabOnBackend(*l.lab, ps, *real);
        CHECK(r.all_passed);
        for (const auto& s : r.steps) CHECK_MESSAGE(s.passed, std::string(s.id + ": " + s.detail));
        if (!r.all_passed) MESSAGE(r.transcript);
    }
}

TEST_CASE("real-labs: a wrong solution fails the same step as in the simulation") {
    if (!realMode()) return;
    const std::string address = bootstrap();
    const LabLoadResult l = findLab("topicos-particoes-offsets", kSrc + "/labs/content");
    REQUIRE(l.lab);
    const std::string wrong =
        "kafka-topics.sh --create --topic exemplo-topico --partitions 2 --bootstrap-server localhost:9092\n"
        "kafka-topics.sh --describe --topic exemplo-topico --bootstrap-server localhost:9092\n"
        "kafka-console-producer.sh --topic exemplo-topico --bootstrap-server localhost:9092 <<EOF\nkey1:a\nEOF\n";
    const LabRunReport sim = runLabWithScript(*l.lab, parseScript(wrong), std::nullopt);
    auto real = freshCluster(address);
    const LabRunReport r = runLabOnBackend(*l.lab, parseScript(onReal(wrong, address)), *real);
    REQUIRE(r.steps.size() == sim.steps.size());
    CHECK_FALSE(r.all_passed);
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        CAPTURE(i);
        CHECK(r.steps[i].reached == sim.steps[i].reached);
        CHECK(r.steps[i].passed == sim.steps[i].passed);
    }
    CHECK_FALSE(r.steps[2].passed);
}
