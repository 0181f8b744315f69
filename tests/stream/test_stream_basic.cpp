#include "sim/stream/engine.h"

#include <doctest/doctest.h>

using namespace fluxolab::stream;

TEST_SUITE("stream/basic") {
    TEST_CASE("placeholder builds") { CHECK(windowStart(1500, 0, 1000) == 1000); }
}
