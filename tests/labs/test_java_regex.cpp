// compileJavaPattern: java.util.regex syntax that ECMAScript lacks, checked on topic names with what
// Java's Pattern.matcher(topic).matches() answers (the real tool's captures are in
// tests/labs/golden/real/include.txt).
#include "labs/kafka_tools/java_regex.h"

#include <doctest/doctest.h>

using fluxolab::labs::cli::compileJavaPattern;

namespace {
bool matches(const std::string& pattern, const std::string& topic) {
    const auto p = compileJavaPattern(pattern);
    REQUIRE_MESSAGE(p.regex.has_value(), pattern);
    return std::regex_match(topic, *p.regex);
}
} // namespace

TEST_SUITE("labs/java-regex") {
    TEST_CASE("possessive quantifiers never give back what they took") {
        CHECK(matches("orders.*+", "orders-eu"));
        CHECK_FALSE(matches("orders.*+u", "orders-eu")); // greedy .* would backtrack and match
        CHECK(matches("orders.*u", "orders-eu"));
        CHECK_FALSE(matches("o++o", "oo"));
        CHECK(matches("[a-z]++-eu", "orders-eu"));
        CHECK(matches("(ab)?+abc", "ababc"));
        CHECK_FALSE(matches("(ab)?+ab", "ab"));
        CHECK(matches("x{1,3}+y", "xxy"));
        CHECK_FALSE(matches("x{1,3}+x", "xxx"));
    }
    TEST_CASE("a leading (?i) makes the whole pattern case-insensitive") {
        CHECK(matches("(?i)ORDERS.*", "orders-eu"));
        CHECK_FALSE(matches("ORDERS.*", "orders-eu"));
    }
    TEST_CASE("POSIX and Unicode property classes on topic names") {
        CHECK(matches("\\p{Lower}+", "orders"));
        CHECK_FALSE(matches("\\p{Lower}+", "orders-eu"));
        CHECK(matches("\\p{Alpha}+-\\p{Alpha}{2}", "orders-eu"));
        CHECK(matches("\\P{Digit}+", "orders"));
        CHECK_FALSE(matches("\\P{Digit}+", "orders2"));
        CHECK(matches("[\\p{Lower}_-]+", "a_b-c"));
        CHECK(matches("\\p{L}+\\d", "orders1"));
        CHECK(matches("\\pL+", "orders"));
    }
    TEST_CASE("quoting with Q and E") {
        CHECK(matches("\\Qorders.eu\\E", "orders.eu"));
        CHECK_FALSE(matches("\\Qorders.eu\\E", "orders-eu"));
        CHECK(matches("\\Qorders-\\E.*", "orders-eu"));
        CHECK(matches("\\Qab\\E+", "abbb")); // the quantifier takes the last quoted character
    }
    TEST_CASE("named groups and their back references") {
        CHECK(matches("(?<n>orders)(-eu)?", "orders-eu"));
        CHECK(matches("(?<x>[a-z])-\\k<x>", "a-a"));
        CHECK_FALSE(matches("(?<x>[a-z])-\\k<x>", "a-b"));
    }
    TEST_CASE("Java's syntax errors come with Java's message") {
        const auto unknown = compileJavaPattern("\\p{Foo}");
        REQUIRE(unknown.java_error.has_value());
        CHECK(unknown.java_error->message ==
              "Unknown character property name {Foo} near index 6\n\\p{Foo}\n      ^");
        const auto unclosed = compileJavaPattern("orders[");
        REQUIRE(unclosed.java_error.has_value());
        CHECK(unclosed.java_error->message == "Unclosed character class near index 6\norders[\n      ^");
    }
    TEST_CASE("what cannot be followed is refused - not matched differently") {
        for (const char* p : {"(?s).*", "a(?i)b", "[a-z&&[^b]]", "\\h+", "(?<=a)b", "(?>a)", "(ab)++\\1"}) {
            CAPTURE(p);
            const auto r = compileJavaPattern(p);
            CHECK_FALSE(r.regex.has_value());
        }
    }
}
