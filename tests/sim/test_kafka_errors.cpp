// Kafka 4.3.1's error texts (sim/kafka_errors.h): one table for the tools, the scenario loader and the app.
#include "sim/cluster.h"
#include "sim/kafka_errors.h"

#include <doctest/doctest.h>
#include <memory>

using namespace fluxolab::sim;

namespace {
std::unique_ptr<Simulation> cluster() {
    ClusterConfig cfg;
    cfg.brokers = 3;
    auto s = std::make_unique<Simulation>(cfg, 1);
    s->runFor(5000); // the brokers register
    return s;
}
} // namespace

TEST_CASE("the 4.x replication factor message - from the simulation's own numbers") {
    const auto owned = cluster();
    Simulation& s = *owned;
    const AdminResult r = s.createTopic("t", 1, 5);
    REQUIRE(r.error == ErrorCode::INVALID_REPLICATION_FACTOR);
    CHECK(adminErrorMessage(AdminOp::CreateTopic, r, "t") ==
          "Unable to replicate the partition 5 time(s): The target replication factor of 5 cannot be reached "
          "because "
          "only 3 broker(s) are registered or some brokers have all their log directories cordoned.");
    CHECK(adminErrorMessage(AdminOp::CreateTopic, s.createTopic("t", 1, 0), "t") ==
          "Replication factor must be larger than 0, or -1 to use the default value.");
}

TEST_CASE("controller messages of create-topic and create-partitions") {
    const auto owned = cluster();
    Simulation& s = *owned;
    REQUIRE(s.createTopic("t", 2, 1).ok());
    CHECK(adminErrorMessage(AdminOp::CreateTopic, s.createTopic("t", 2, 1), "t") ==
          "Topic 't' already exists.");
    CHECK(adminErrorMessage(AdminOp::CreateTopic, s.createTopic("z", 0, 1), "z") ==
          "Number of partitions was set to an invalid non-positive value.");
    CHECK(adminErrorMessage(AdminOp::CreateTopic, s.createTopic("a b", 1, 1), "a b") ==
          "Topic name is invalid: 'a b' contains one or more characters other than ASCII alphanumerics, '.', "
          "'_' and '-'");
    CHECK(adminErrorMessage(AdminOp::CreatePartitions, s.createPartitions("t", 2), "t") ==
          "Topic already has 2 partition(s).");
    CHECK(adminErrorMessage(AdminOp::CreatePartitions, s.createPartitions("t", 1), "t") ==
          "The topic t currently has 2 partition(s); 1 would not be an increase.");
    CHECK(adminErrorMessage(AdminOp::DeleteTopic, s.deleteTopic("nope"), "nope") ==
          "This server does not host this topic-partition.");
}

TEST_CASE(
    "every protocol error has Errors.java's default message - client-side conditions and NONE have none") {
    for (ErrorCode c : {ErrorCode::OFFSET_OUT_OF_RANGE,
                        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                        ErrorCode::LEADER_NOT_AVAILABLE,
                        ErrorCode::NOT_LEADER_OR_FOLLOWER,
                        ErrorCode::REQUEST_TIMED_OUT,
                        ErrorCode::NETWORK_EXCEPTION,
                        ErrorCode::COORDINATOR_LOAD_IN_PROGRESS,
                        ErrorCode::COORDINATOR_NOT_AVAILABLE,
                        ErrorCode::NOT_COORDINATOR,
                        ErrorCode::INVALID_TOPIC_EXCEPTION,
                        ErrorCode::NOT_ENOUGH_REPLICAS,
                        ErrorCode::NOT_ENOUGH_REPLICAS_AFTER_APPEND,
                        ErrorCode::ILLEGAL_GENERATION,
                        ErrorCode::INCONSISTENT_GROUP_PROTOCOL,
                        ErrorCode::UNKNOWN_MEMBER_ID,
                        ErrorCode::INVALID_SESSION_TIMEOUT,
                        ErrorCode::REBALANCE_IN_PROGRESS,
                        ErrorCode::TOPIC_AUTHORIZATION_FAILED,
                        ErrorCode::TOPIC_ALREADY_EXISTS,
                        ErrorCode::INVALID_PARTITIONS,
                        ErrorCode::INVALID_REPLICATION_FACTOR,
                        ErrorCode::INVALID_CONFIG,
                        ErrorCode::POLICY_VIOLATION,
                        ErrorCode::NON_EMPTY_GROUP,
                        ErrorCode::GROUP_ID_NOT_FOUND,
                        ErrorCode::MEMBER_ID_REQUIRED,
                        ErrorCode::OFFSET_NOT_AVAILABLE,
                        ErrorCode::GROUP_MAX_SIZE_REACHED,
                        ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER,
                        ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC,
                        ErrorCode::UNKNOWN_SERVER_ERROR}) {
        CAPTURE(errorName(c));
        const auto m = errorDefaultMessage(c);
        CHECK_FALSE(m.empty());
        CHECK(m.back() != ' ');
    }
    CHECK(errorDefaultMessage(ErrorCode::NONE).empty());
    CHECK(errorDefaultMessage(ErrorCode::CLIENT_DELIVERY_TIMEOUT).empty());
    for (ErrorCode c : {ErrorCode::CLIENT_COMMIT_FAILED, ErrorCode::CLIENT_REBALANCE_IN_PROGRESS,
                        ErrorCode::CLIENT_PRODUCER_CLOSED})
        CHECK(errorDefaultMessage(c).empty());
    // Errors.java: COORDINATOR_LOAD_IN_PROGRESS(14, "The coordinator is loading and hence can't process requests.")
    CHECK(static_cast<int>(ErrorCode::COORDINATOR_LOAD_IN_PROGRESS) == 14);
    CHECK(std::string_view(errorName(ErrorCode::COORDINATOR_LOAD_IN_PROGRESS)) == "COORDINATOR_LOAD_IN_PROGRESS");
    CHECK(errorDefaultMessage(ErrorCode::COORDINATOR_LOAD_IN_PROGRESS) ==
          "The coordinator is loading and hence can't process requests.");
    CHECK(errorDefaultMessage(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION) ==
          "This server does not host this topic-partition.");
}
