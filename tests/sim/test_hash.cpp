#include "sim/hash.h"
#include "sim/rng.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace fluxolab::sim;

TEST_SUITE("sim/hash") {
    TEST_CASE("murmur2 matches Kafka's UtilsTest and librdkafka's vectors") {
        CHECK(murmur2("21") == -973932308);
        CHECK(murmur2("foobar") == -790332482);
        CHECK(murmur2("a-little-bit-long-string") == -985981536);
        CHECK(murmur2("a-little-bit-longer-string") == -1486304829);
        CHECK(murmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8") == -58897971);
        CHECK(murmur2("abc") == 479470107);
        CHECK(murmur2("kafka") == static_cast<std::int32_t>(0xd067cf64U));
        CHECK(murmur2("") == 0x106e08d9);
        CHECK(murmur2("a") == -1563381124);
        CHECK(murmur2("hello world") == 1221641059);
        CHECK(murmur2("key1") == 28543940);
        CHECK(murmur2("key3") == -1745673403);
        CHECK(murmur2(std::string("\0\0\0\0", 4)) == 850957120);  // IntegerSerializer(0)
        CHECK(murmur2(std::string("\0\0\0\1", 4)) == -173113808); // IntegerSerializer(1)
    }

    TEST_CASE("toPositive is a mask - not abs") {
        CHECK(toPositive(-1) == 2147483647);
        CHECK(toPositive(INT32_MIN) == 0);
        CHECK(toPositive(5) == 5);
    }

    TEST_CASE("keyed partitions of \"0\"..\"9\" on 3 partitions (upstream streams test comments)") {
        const int expected[] = {2, 0, 2, 2, 1, 0, 1, 0, 0, 2};
        for (int i = 0; i < 10; ++i) CHECK(javaKeyPartition(std::to_string(i), 3) == expected[i]);
        CHECK(javaKeyPartition("kafka", 6) == 4);
        CHECK(javaKeyPartition("key2", 6) == 5);
        CHECK(javaKeyPartition("", 6) == 3);
    }

    TEST_CASE("crc32 is zlib's - and librdkafka's consistent partitioner differs from Java") {
        CHECK(crc32("") == 0U);
        CHECK(crc32("123456789") == 0xCBF43926U);
        CHECK(crc32("kafka") == 0x5bbc7517U);
        CHECK(consistentCrc32Partition("kafka", 6) == 5);
        CHECK(javaKeyPartition("kafka", 6) != consistentCrc32Partition("kafka", 6));
    }

    TEST_CASE("Java String.hashCode over UTF-16 code units") {
        CHECK(javaStringHashCode("") == 0);
        CHECK(javaStringHashCode("a") == 97);
        CHECK(javaStringHashCode("hello") == 99162322);
        CHECK(javaStringHashCode("grupo-exemplo") == -1910970860);
        // Non-ASCII: 'ç' and 'ã' are one UTF-16 unit each, the emoji is a surrogate pair.
        CHECK(javaStringHashCode("a\xc3\xa7\xc3\xa3o\xf0\x9f\x98\x80") == -1295964171);
    }

    TEST_CASE("sha256 known answers") {
        Sha256 a;
        CHECK(a.hexDigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Sha256 b;
        b.update("abc");
        CHECK(b.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Sha256 c;
        const std::string million(1000000, 'a');
        c.update(million.substr(0, 333));
        c.update(million.substr(333));
        CHECK(c.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
}

TEST_SUITE("sim/rng") {
    TEST_CASE("same seed - same sequence - different seeds differ") {
        Rng a(7), b(7), c(8);
        bool differs = false;
        for (int i = 0; i < 100; ++i) {
            const auto x = a.next();
            CHECK(x == b.next());
            differs = differs || x != c.next();
        }
        CHECK(differs);
    }
    TEST_CASE("below() stays in range and reaches every value") {
        Rng r(1);
        std::set<std::uint64_t> seen;
        for (int i = 0; i < 1000; ++i) {
            const auto v = r.below(7);
            REQUIRE(v < 7);
            seen.insert(v);
        }
        CHECK(seen.size() == 7);
        CHECK(r.below(1) == 0);
        for (int i = 0; i < 100; ++i) {
            const auto v = r.between(-3, 3);
            CHECK(v >= -3);
            CHECK(v <= 3);
        }
    }
    TEST_CASE("fixed golden values pin the generator across platforms") {
        Rng r(42);
        const std::uint64_t first = r.next();
        Rng again(42);
        CHECK(again.next() == first);
        // splitmix64-seeded xoshiro256** with seed 42: value pinned so that a change is noticed.
        CHECK(first == 0x15780b2e0c2ec716ULL);
    }
}
