// Consumer lag (sim/lag.h): the one rule the timeline, kafka-consumer-groups and the lab checks use.
#include "sim/lag.h"

#include <doctest/doctest.h>

using fluxolab::sim::consumerLag;

TEST_CASE("lag is the high watermark minus the committed offset - '-' without either") {
    CHECK(consumerLag(3, 10) == 7);
    CHECK(consumerLag(10, 10) == 0);
    CHECK_FALSE(consumerLag(std::nullopt, 10).has_value()); // nothing committed: LAG is "-"
    CHECK_FALSE(consumerLag(-1, 10).has_value());           // a committed -1 prints "-" too
    CHECK_FALSE(consumerLag(3, std::nullopt).has_value());  // no end offset (no leader)
}

TEST_CASE(
    "lag is not clamped: a commit beyond the high watermark is a negative lag - as the real tool prints") {
    CHECK(consumerLag(12, 10) == -2);
}

TEST_CASE("the end offset a lag is counted from is the high watermark - none without a leader") {
    using fluxolab::sim::lagEndOffset;
    CHECK(lagEndOffset(2, 9) == 9);
    CHECK_FALSE(lagEndOffset(-1, 9).has_value()); // offline partition: LOG-END-OFFSET and LAG are "-"
    CHECK_FALSE(consumerLag(3, lagEndOffset(-1, 9)).has_value());
}
