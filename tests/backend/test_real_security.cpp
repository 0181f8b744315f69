// The librdkafka backend against the SASL listener of the test broker (kafka-broker.sh start
// --sasl; ctest real/security, fixture realkafka). Skipped unless FLUXOLAB_BACKEND=real.
#include "labs/rdkafka/rdkafka_backend.h"

#include <doctest/doctest.h>
#include <librdkafka/rdkafka.h>

#include <cstdlib>
#include <fstream>
#include <map>

using namespace fluxolab::labs;

namespace {

std::map<std::string, std::string> brokerEnv() {
    std::map<std::string, std::string> env;
    const char* state = std::getenv("FLUXOLAB_KAFKA_STATE");
    if (!state) return env;
    std::ifstream f(std::string(state) + "/ports");
    std::string line;
    while (std::getline(f, line))
        if (const auto eq = line.find('='); eq != std::string::npos) env[line.substr(0, eq)] = line.substr(eq + 1);
    return env;
}

bool realMode() {
    const char* m = std::getenv("FLUXOLAB_BACKEND");
    return m && std::string(m) == "real";
}

// The test broker's throw-away credentials (tests/realkafka/kafka-broker.sh).
const std::string kUser = "fluxolab";
const std::string kPassword = "fluxolab-test-secret";

RdKafkaConnection sasl(const std::string& port, const std::string& mechanism, const std::string& password) {
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:" + port;
    c.security_protocol = "SASL_PLAINTEXT";
    c.sasl_mechanism = mechanism;
    c.sasl_username = kUser;
    c.sasl_password = password;
    c.request_timeout_ms = 5000; // a refused login only ends with the timeout
    return c;
}

} // namespace

TEST_CASE("real-security: SASL/PLAIN with the right and a wrong password - the password is never echoed") {
    if (!realMode()) return;
    const auto env = brokerEnv();
    REQUIRE_MESSAGE(env.count("SASL_PORT"), "start the broker with kafka-broker.sh start --sasl");
    const std::string port = env.at("SASL_PORT");

    const ProbeResult ok = RdKafkaBackend::probeConnection(sasl(port, "PLAIN", kPassword), 10000);
    CHECK_MESSAGE(ok.reached(), clientErrorName(ok.status), ": ", ok.detail);
    CHECK(ok.brokers == 1);
    RdKafkaBackend b(sasl(port, "PLAIN", kPassword));
    CHECK(b.brokers().size() == 1);

    const std::string wrongPassword = "not-the-password-42";
    const ProbeResult bad = RdKafkaBackend::probeConnection(sasl(port, "PLAIN", wrongPassword), 5000);
    CHECK(bad.status == ClientError::AuthenticationFailed);
    CHECK(bad.detail.find(wrongPassword) == std::string::npos);
    RdKafkaBackend wrong(sasl(port, "PLAIN", wrongPassword));
    CHECK(wrong.brokers().empty());
    CHECK(wrong.lastClientError() == ClientError::AuthenticationFailed);
    const BackendResult r = wrong.createTopic("t", 1, 1, {});
    CHECK(r.client == ClientError::AuthenticationFailed);
    CHECK(r.message.find(wrongPassword) == std::string::npos);
}

TEST_CASE("real-security: SCRAM with librdkafka before 2.6.1 is refused by Kafka 4.x (librdkafka#4895)") {
    if (!realMode()) return;
    const auto env = brokerEnv();
    REQUIRE(env.count("SASL_PORT"));
    const ProbeResult r = RdKafkaBackend::probeConnection(sasl(env.at("SASL_PORT"), "SCRAM-SHA-256", kPassword), 5000);
    // Documents the known client bug: when the distribution ships a fixed librdkafka this flips,
    // and docs/real-cluster.md must be updated.
    if (rd_kafka_version() < 0x020601ff)
        CHECK(r.status == ClientError::AuthenticationFailed);
    else
        CHECK(r.reached());
}

TEST_CASE("rdkafka-release: the release line from a broker's API versions") {
    // Kafka 4.0 removed Fetch v0-3 (KIP-896); 3.0 added DescribeTransactions (65); 2.7 UpdateFeatures (57).
    CHECK(kafkaReleaseFromApiVersions({}).empty());
    CHECK(kafkaReleaseFromApiVersions({{1, {4, 18}}, {65, {0, 0}}, {66, {0, 1}}}) == "4.x");
    CHECK(kafkaReleaseFromApiVersions({{1, {0, 13}}, {57, {0, 1}}, {65, {0, 0}}}) == "3.x");
    CHECK(kafkaReleaseFromApiVersions({{1, {0, 12}}, {57, {0, 0}}}) == "2.7–2.8");
    CHECK(kafkaReleaseFromApiVersions({{0, {0, 8}}, {1, {0, 11}}}) == "< 2.7");
}

TEST_CASE("real-security: the probe reads the broker's API versions - Kafka 4.3.1 is a 4.x") {
    if (!realMode()) return;
    const auto env = brokerEnv();
    REQUIRE(env.count("PORT"));
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:" + env.at("PORT");
    ApiVersionRanges versions;
    const ProbeResult r = RdKafkaBackend::probeConnection(c, 10000, &versions);
    REQUIRE(r.reached());
    REQUIRE(versions.count(1));
    CHECK(versions.at(1).first == 4); // Fetch v4 is the oldest a 4.x broker accepts
    CHECK(versions.count(18));        // ApiVersions itself
    CHECK(kafkaReleaseFromApiVersions(versions) == "4.x");
}
