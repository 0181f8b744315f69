// The librdkafka backend against the SASL listener of the test broker (kafka-broker.sh start
// --sasl; ctest real/security, fixture realkafka). Skipped unless FLUXOLAB_BACKEND=real.
#include "labs/rdkafka/compare_real.h"
#include "labs/rdkafka/rdkafka_backend.h"

#include <doctest/doctest.h>
#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <chrono>
#include <thread>

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
    c.sasl_password.assign(password);
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

// compare-real on the real broker (ctest real/compare-clean): the whole connection profile (SASL)
// and --clean, which deletes what the script created and nothing else.

namespace {
RdKafkaConnection plainBroker() {
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:" + brokerEnv().at("PORT");
    return c;
}
bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
/// A suffix unique to this run: the broker keeps what an earlier run made or is still deleting, and
/// std::rand() without a seed gives every process the same names.
std::string runSuffix() {
    return std::to_string(std::chrono::system_clock::now().time_since_epoch() / std::chrono::milliseconds(1) % 1000000000);
}
} // namespace

TEST_CASE("real-compare: over SASL_PLAINTEXT with the connection's user and password - a wrong one is AuthenticationFailed") {
    if (!realMode()) return;
    const auto env = brokerEnv();
    REQUIRE_MESSAGE(env.count("SASL_PORT"), "start the broker with kafka-broker.sh start --sasl");
    const std::string topic = "cmpsasl-" + runSuffix();
    const std::string script = "kafka-topics.sh --create --topic " + topic +
                               " --partitions 2 --replication-factor 1 --bootstrap-server localhost:9092\n"
                               "kafka-topics.sh --describe --topic nada-" + topic + " --bootstrap-server localhost:9092\n";
    CompareOptions o;
    o.think_ms = 0;
    o.clean = true;
    const CompareOutcome ok = compareReal(script, "", sasl(env.at("SASL_PORT"), "PLAIN", kPassword), o);
    REQUIRE_MESSAGE(ok.status == CompareOutcome::Status::Done, compareProblemText(ok, "sasl"));
    CHECK_MESSAGE(ok.differing == 0, ok.simulation, "\n----\n", ok.real);
    CHECK(ok.real.find("Created topic " + topic + ".") != std::string::npos);
    CHECK(ok.deleted_topics == std::vector<std::string>{topic});

    const std::string wrong = "not-the-password-77";
    const CompareOutcome bad = compareReal(script, "", sasl(env.at("SASL_PORT"), "PLAIN", wrong), o);
    CHECK(bad.status == CompareOutcome::Status::Unreachable);
    CHECK(bad.client == ClientError::AuthenticationFailed);
    CHECK(bad.detail.find(wrong) == std::string::npos);
    CHECK(compareProblemText(bad, "b").find("wrong credentials") != std::string::npos);
}

TEST_CASE("real-compare: clean deletes the topics and groups the script created - nothing else") {
    if (!realMode()) return;
    const RdKafkaConnection c = plainBroker();
    const std::string n = runSuffix();
    const std::string kept = "cmpclean-kept-" + n, made = "cmpclean-made-" + n, group = "cmpclean-g-" + n,
                      keptGroup = "cmpclean-kept-g-" + n, other = "cmpclean-other-" + n,
                      otherGroup = "cmpclean-other-g-" + n;
    {
        RdKafkaBackend admin(c);
        REQUIRE(admin.createTopic(kept, 1, 1, {}).ok());
        REQUIRE(admin.alterGroupOffsets(keptGroup, {{{kept, 0}, 0}}).ok());
    }
    const std::string script =
        "kafka-topics.sh --create --topic " + made + " --partitions 2 --replication-factor 1 --bootstrap-server localhost:9092\n"
        "sleep 3\n"
        "kafka-console-producer.sh --topic " + made + " --bootstrap-server localhost:9092 --property parse.key=true --property key.separator=: <<EOF\n"
        "a:1\nb:2\nEOF\n"
        "kafka-console-consumer.sh --topic " + made + " --group " + group +
        " --from-beginning --max-messages 2 --bootstrap-server localhost:9092\n";
    CompareOptions o;
    o.think_ms = 0;
    o.clean = true;
    // Another client creates a topic and a group while the script runs (once the script's topic is
    // there, during its `sleep 3`): they appear during the run, and are not the script's.
    std::atomic<bool> otherMade{false};
    std::thread another([&] {
        RdKafkaBackend client(c);
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < until && !contains(client.listTopics(false), made))
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (client.createTopic(other, 1, 1, {}).ok() && client.alterGroupOffsets(otherGroup, {{{other, 0}, 0}}).ok())
            otherMade = true;
    });
    const CompareOutcome r = compareReal(script, "", c, o);
    const bool otherMadeDuringTheRun = otherMade.load();
    another.join();
    REQUIRE_MESSAGE(r.status == CompareOutcome::Status::Done, compareProblemText(r, c.bootstrap_servers));
    REQUIRE(otherMadeDuringTheRun);
    CHECK(r.cluster_not_empty);
    CHECK(r.created_topics == std::vector<std::string>{made});
    CHECK(r.created_groups == std::vector<std::string>{group});
    CHECK(r.deleted_topics == std::vector<std::string>{made});
    CHECK(r.deleted_groups == std::vector<std::string>{group});
    CHECK(r.not_deleted_topics.empty());
    CHECK(r.not_deleted_groups.empty());
    RdKafkaBackend admin(c);
    auto topics = admin.listTopics(false);
    const auto groups = admin.listGroups();
    if (contains(topics, made)) {
        // (Official CI of c049cf9 and a run of 711d5e7 saw it here, once each; four local runs did
        // not.) What it is: still being deleted (gone a moment later), or created again (the broker
        // auto-creates a topic a client asks metadata for: num.partitions=1, not the script's 2).
        const auto t0 = std::chrono::steady_clock::now();
        auto again = admin.describeTopic(made);
        MESSAGE("after the clean, " << made << " is listed with " << (again ? again->partitions.size() : 0)
                                    << " partition(s)");
        while (contains(topics, made) && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            topics = admin.listTopics(false);
        }
        MESSAGE("gone after " << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count()
                              << " ms: " << !contains(topics, made));
    }
    // (A fresh-clone .ci/run of 1f1a8c1 saw it absent from the first listing and back in this
    // one: created again on demand. The script's clients are now closed before the clean, and the clean
    // checks a second listing.)
    const auto finalTopics = admin.listTopics(false);
    if (contains(finalTopics, made)) {
        const auto again = admin.describeTopic(made);
        MESSAGE(made << " is listed again, with " << (again ? again->partitions.size() : 0)
                     << " partition(s)");
    }
    CHECK_FALSE(contains(finalTopics, made));
    CHECK_FALSE(contains(groups, group));
    CHECK(contains(topics, kept)); // there before the run: kept
    CHECK(contains(groups, keptGroup));
    CHECK(contains(topics, other)); // another client's, made during the run: kept
    CHECK(contains(groups, otherGroup));
    admin.deleteGroup(keptGroup);
    admin.deleteTopic(kept);
    admin.deleteGroup(otherGroup);
    admin.deleteTopic(other);

    // Without clean, what the script made stays (and is reported as created).
    o.clean = false;
    const CompareOutcome stays = compareReal(script, "", c, o);
    REQUIRE(stays.status == CompareOutcome::Status::Done);
    CHECK(stays.deleted_topics.empty());
    CHECK(contains(admin.listTopics(false), made));
    admin.deleteGroup(group);
    admin.deleteTopic(made);
}
