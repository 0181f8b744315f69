// compare-real's masking and side-by-side diff (no cluster needed).
#include "labs/rdkafka/compare_real.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace fluxolab::labs;

TEST_CASE("compare-real: masking removes what differs between any two runs - nothing else") {
    const std::string sim =
        "[2025-01-01 00:00:05,123] ERROR x (org.apache.kafka.tools.TopicCommand)\n"
        "Topic: t\tTopicId: AAAAAAAAAAAAAAAAAAAAAA\tPartitionCount: 1\n"
        "$ kafka-topics.sh --list --bootstrap-server localhost:9092\n"
        "CreateTime:1735689600000\tPartition:0\thello\n"
        "GROUP           TOPIC  PARTITION  CONSUMER-ID                                           HOST\n"
        "g               t      1          console-consumer-0b1c2d3e-1111-2222-3333-444455556666 /127.0.0.1\n"
        "g               t      0          console-consumer-99999999-1111-2222-3333-444455556666 /127.0.0.1\n"
        "\n"
        "Processed a total of 3 messages (group console-consumer-12345)\n";
    const std::string real =
        "[2026-12-02 00:14:48,999] ERROR x (org.apache.kafka.tools.TopicCommand)\n"
        "Topic: t\tPartitionCount: 1\n"
        "$ kafka-topics.sh --list --bootstrap-server 127.0.0.1:24987\n"
        "CreateTime:1796169364456\tPartition:0\thello\n"
        "GROUP           TOPIC  PARTITION  CONSUMER-ID                                           HOST\n"
        "g               t      0          console-consumer-aaaaaaaa-bbbb-cccc-dddd-eeeeffff0000 /10.0.0.7\n"
        "g               t      1          console-consumer-12345678-bbbb-cccc-dddd-eeeeffff0000 /10.0.0.7\n"
        "\n"
        "Processed a total of 3 messages (group console-consumer-777)\n";
    const std::vector<std::string> addresses{"127.0.0.1:24987", "localhost:9092"};
    CHECK(maskTranscript(sim, addresses) == maskTranscript(real, addresses));
    CHECK(maskTranscript(sim, addresses).find("--bootstrap-server <broker>") != std::string::npos);

    // What Kafka decides is not masked: another partition, another count, another order of rows
    // without member ids.
    CHECK(maskTranscript("Processed a total of 3 messages\n", {}) != maskTranscript("Processed a total of 2 messages\n", {}));
    CHECK(maskTranscript("Partition:0\thello\n", {}) != maskTranscript("Partition:1\thello\n", {}));
    const std::string resetA = "GROUP TOPIC PARTITION NEW-OFFSET\ng t 1 0\ng t 0 0\n";
    const std::string resetB = "GROUP TOPIC PARTITION NEW-OFFSET\ng t 0 0\ng t 1 0\n";
    CHECK(maskTranscript(resetA, {}) != maskTranscript(resetB, {}));
}

TEST_CASE("compare-real: consumed records keep each partition's order - not the order across partitions") {
    // CI (real/compare-keyed): the real run's consumer printed partition 2's records before partition 0's.
    const std::string sim = "Partition:0\tOffset:0\ta\nPartition:0\tOffset:1\tb\nPartition:2\tOffset:0\tc\nPartition:2\tOffset:1\td\n";
    const std::string real = "Partition:2\tOffset:0\tc\nPartition:2\tOffset:1\td\nPartition:0\tOffset:0\ta\nPartition:0\tOffset:1\tb\n";
    const std::string interleaved = "Partition:2\tOffset:0\tc\nPartition:0\tOffset:0\ta\nPartition:2\tOffset:1\td\nPartition:0\tOffset:1\tb\n";
    CHECK(maskTranscript(sim, {}) == maskTranscript(real, {}));
    CHECK(maskTranscript(sim, {}) == maskTranscript(interleaved, {}));
    // Within a partition the order is Kafka's guarantee: a swap is a difference.
    const std::string swapped = "Partition:0\tOffset:1\tb\nPartition:0\tOffset:0\ta\nPartition:2\tOffset:0\tc\nPartition:2\tOffset:1\td\n";
    CHECK(maskTranscript(sim, {}) != maskTranscript(swapped, {}));
    // Partition 10 after partition 2 (numbers, not text).
    CHECK(maskTranscript("Partition:10\tx\nPartition:2\ty\n", {}) == "Partition:2\ty\nPartition:10\tx\n");
}

TEST_CASE("compare-real: the side-by-side diff marks changed - missing and extra lines") {
    const auto d = diffLines("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
    REQUIRE(d.size() == 5);
    CHECK(d[0].mark == ' ');
    CHECK(d[1].mark == '|');
    CHECK(d[1].left == "b");
    CHECK(d[1].right == "B");
    CHECK(d[2].mark == ' ');
    CHECK(d[4].mark == '>');
    CHECK(d[4].right == "e");
    const auto same = diffLines("x\ny\n", "x\ny\n");
    CHECK(std::all_of(same.begin(), same.end(), [](const DiffLine& l) { return l.mark == ' '; }));
    const std::string text = sideBySide(d, 10, "sim", "real");
    CHECK(text.find("b          | B") != std::string::npos);
    CHECK(text.find("           > e") != std::string::npos);
}
