// Tests for sim/assignors: the examples of shared/FIDELITY.md §2.2–2.4, scenarios ported from Kafka's own
// tests (clients/src/test/java/org/apache/kafka/clients/consumer/{RangeAssignorTest,RoundRobinAssignorTest,
// StickyAssignorTest,CooperativeStickyAssignorTest}.java and .../internals/AbstractStickyAssignorTest.java),
// and property checks over generated groups.
//
// Expected values of ported scenarios are the upstream assertions. Where upstream only asserts a property
// (for instance "balanced and sticky"), the exact expectation was produced by running the upstream Java
// classes on the same input, and the upstream property is checked as well.

#include "sim/assignors.h"

#include <algorithm>
#include <cstdint>
#include <doctest/doctest.h>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace fluxolab::sim;

namespace {

TopicPartition tp(const std::string& topic, std::int32_t partition) {
    return TopicPartition{topic, partition};
}

/// "t0-0 t1-2" -> partitions, in the written order (Kafka's TopicPartition.toString format).
std::vector<TopicPartition> parts(const std::string& text) {
    std::vector<TopicPartition> out;
    std::istringstream in(text);
    std::string word;
    while (in >> word) {
        const auto dash = word.rfind('-');
        out.push_back(tp(word.substr(0, dash), std::stoi(word.substr(dash + 1))));
    }
    return out;
}

MemberSubscription member(const std::string& id, std::vector<std::string> topics,
                          const std::string& owned = "", std::int32_t generation = -1) {
    MemberSubscription m;
    m.member_id = id;
    m.topics = std::move(topics);
    m.owned = parts(owned);
    m.generation = generation;
    return m;
}

MemberSubscription staticMember(const std::string& id, const std::string& instance,
                                std::vector<std::string> topics) {
    MemberSubscription m = member(id, std::move(topics));
    m.group_instance_id = instance;
    return m;
}

std::string show(const std::vector<TopicPartition>& partitions) {
    std::string out;
    for (const TopicPartition& p : partitions)
        out += (out.empty() ? "" : " ") + p.str();
    return out;
}

/// "C0: t0-0 t0-1 | C1: t0-2" (members by id, partitions by (topic, partition), as assignPartitions returns
/// them).
std::string show(const GroupAssignment& assignment) {
    std::string out;
    for (const auto& [id, partitions] : assignment) {
        if (!out.empty()) out += " | ";
        out += id + ":" + (partitions.empty() ? "" : " " + show(partitions));
    }
    return out;
}

GroupAssignment run(AssignorKind kind, const std::map<std::string, std::int32_t>& topics,
                    const std::vector<MemberSubscription>& members) {
    return assignPartitions(kind, topics, members);
}

/// The subscription a member sends in the next rebalance: what it was assigned, in generation `generation`.
MemberSubscription rejoin(const MemberSubscription& before, const GroupAssignment& assignment,
                          std::int32_t generation) {
    MemberSubscription m = before;
    m.owned = assignment.at(before.member_id);
    m.generation = generation;
    return m;
}

bool contains(const std::vector<TopicPartition>& list, const TopicPartition& p) {
    return std::find(list.begin(), list.end(), p) != list.end();
}

bool containsAll(const std::vector<TopicPartition>& list, const std::vector<TopicPartition>& wanted) {
    return std::all_of(wanted.begin(), wanted.end(),
                       [&](const TopicPartition& p) { return contains(list, p); });
}

std::size_t countOfTopic(const std::vector<TopicPartition>& list, const std::string& topic) {
    return static_cast<std::size_t>(
        std::count_if(list.begin(), list.end(), [&](const TopicPartition& p) { return p.topic == topic; }));
}

bool fullyBalanced(const GroupAssignment& assignment) {
    std::size_t lo = SIZE_MAX, hi = 0;
    for (const auto& entry : assignment) {
        lo = std::min(lo, entry.second.size());
        hi = std::max(hi, entry.second.size());
    }
    return assignment.empty() || hi - lo <= 1;
}

// ---- generated groups -------------------------------------------------------------------------------------

/// Tiny deterministic generator (Knuth's MMIX LCG); the tests must not depend on <random>.
class Lcg {
public:
    explicit Lcg(std::uint64_t seed) : m_state(seed) {}
    std::uint32_t below(std::uint32_t bound) {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>((m_state >> 33) % bound);
    }
    bool oneIn(std::uint32_t n) { return below(n) == 0; }

private:
    std::uint64_t m_state;
};

enum class Ownership { None, SingleOwner, Arbitrary };

struct GeneratedGroup {
    std::map<std::string, std::int32_t> topics;
    std::vector<MemberSubscription> members;
};

/// A random group. SingleOwner: each partition owned by at most one member (what a real group reports);
/// Arbitrary: overlapping claims, stale generations, partitions of topics the member dropped.
GeneratedGroup generateGroup(Lcg& rng, bool equal_subscriptions, Ownership ownership) {
    GeneratedGroup g;
    const std::uint32_t topic_count = 1 + rng.below(5);
    std::vector<std::string> names;
    for (std::uint32_t t = 0; t < topic_count; ++t) {
        names.push_back("t" + std::to_string(t));
        g.topics[names.back()] = static_cast<std::int32_t>(rng.below(10)); // 0 partitions happens too
    }
    std::vector<std::string> common;
    for (const std::string& t : names)
        if (!rng.oneIn(3)) common.push_back(t);
    if (common.empty()) common.push_back(names.front());

    const std::uint32_t member_count = 1 + rng.below(7);
    const std::int32_t generation = 1 + static_cast<std::int32_t>(rng.below(5));
    std::set<std::string> ids;
    for (std::uint32_t i = 0; i < member_count; ++i) {
        MemberSubscription m;
        m.member_id = "c" + std::to_string(rng.below(30));
        if (!ids.insert(m.member_id).second) continue;
        if (rng.oneIn(4)) m.group_instance_id = "i" + std::to_string(rng.below(30));
        if (equal_subscriptions) {
            m.topics = common;
        } else {
            for (const std::string& t : names)
                if (rng.oneIn(2)) m.topics.push_back(t);
            if (m.topics.empty()) m.topics.push_back(names[rng.below(topic_count)]);
        }
        if (rng.oneIn(5)) m.topics.push_back("no-such-topic"); // no metadata: ignored
        const std::uint32_t age = rng.below(4);
        m.generation = age == 0 ? -1 : (age == 1 ? generation - 1 : generation);
        if (ownership == Ownership::SingleOwner) m.generation = generation;
        g.members.push_back(m);
    }

    if (ownership == Ownership::SingleOwner) {
        for (const auto& [topic, count] : g.topics)
            for (std::int32_t p = 0; p < count; ++p)
                if (!rng.oneIn(3))
                    g.members[rng.below(static_cast<std::uint32_t>(g.members.size()))].owned.push_back(
                        tp(topic, p));
    } else if (ownership == Ownership::Arbitrary) {
        for (MemberSubscription& m : g.members) {
            const std::uint32_t claims = rng.below(6);
            for (std::uint32_t k = 0; k < claims; ++k) {
                const std::string& topic = names[rng.below(topic_count)];
                if (g.topics[topic] == 0) continue;
                const TopicPartition claim = tp(
                    topic, static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(g.topics[topic]))));
                if (!contains(m.owned, claim)) m.owned.push_back(claim);
            }
        }
    }
    return g;
}

std::string describe(const GeneratedGroup& g) {
    std::ostringstream out;
    for (const auto& [topic, count] : g.topics)
        out << topic << ":" << count << " ";
    for (const MemberSubscription& m : g.members) {
        out << "| " << m.member_id << (m.group_instance_id ? "(" + *m.group_instance_id + ")" : "") << " gen "
            << m.generation << " topics";
        for (const std::string& t : m.topics)
            out << " " << t;
        out << " owned " << show(m.owned) << " ";
    }
    return out.str();
}

bool subscribes(const MemberSubscription& m, const std::string& topic) {
    return std::find(m.topics.begin(), m.topics.end(), topic) != m.topics.end();
}

/// Validity: every input member present, each list sorted, each partition exists, goes to a subscriber of its
/// topic and to one member at most; with `complete`, every partition of a subscribed topic is assigned.
std::string validityProblem(const GeneratedGroup& g, const GroupAssignment& a, bool complete) {
    if (a.size() != g.members.size()) return "member count differs";
    std::map<TopicPartition, std::string> owner;
    for (const MemberSubscription& m : g.members) {
        const auto found = a.find(m.member_id);
        if (found == a.end()) return "missing member " + m.member_id;
        const std::vector<TopicPartition>& list = found->second;
        if (!std::is_sorted(list.begin(), list.end())) return "unsorted list of " + m.member_id;
        for (const TopicPartition& p : list) {
            const auto count = g.topics.find(p.topic);
            if (count == g.topics.end() || p.partition < 0 || p.partition >= count->second)
                return "nonexistent " + p.str();
            // kafka-clients' sticky assignors may hand a partition back to its previous owner of an older
            // generation even when that member no longer subscribes to the topic (checked against 4.3.1).
            const bool staleOwner =
                std::find(m.owned.begin(), m.owned.end(), p) != m.owned.end() &&
                std::any_of(g.members.begin(), g.members.end(),
                            [&](const MemberSubscription& o) { return o.generation > m.generation; });
            if (!subscribes(m, p.topic) && !staleOwner)
                return p.str() + " given to non-subscriber " + m.member_id;
            if (!owner.emplace(p, m.member_id).second) return p.str() + " assigned twice";
        }
    }
    if (complete) {
        for (const auto& [topic_, count] : g.topics) {
            const auto& topic = topic_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
            const bool wanted =
                std::any_of(g.members.begin(), g.members.end(),
                            [&](const MemberSubscription& m) { return subscribes(m, topic); });
            for (std::int32_t p = 0; wanted && p < count; ++p)
                if (owner.count(tp(topic, p)) == 0) return tp(topic, p).str() + " unassigned";
        }
    }
    return "";
}

/// The balance criterion of AbstractStickyAssignorTest.verifyValidityAndBalance: two members whose counts
/// differ by more than one must not both hold partitions of the same topic (else one could move).
std::string balanceProblem(const GroupAssignment& a) {
    for (auto x = a.begin(); x != a.end(); ++x)
        for (auto y = std::next(x); y != a.end(); ++y) {
            const std::size_t nx = x->second.size(), ny = y->second.size();
            if ((nx > ny ? nx - ny : ny - nx) <= 1) continue;
            for (const TopicPartition& p : x->second)
                if (countOfTopic(y->second, p.topic) != 0)
                    return x->first + " and " + y->first + " both hold " + p.topic + " with sizes " +
                           std::to_string(nx) + "/" + std::to_string(ny);
        }
    return "";
}

constexpr int kGeneratedCases = 300;

} // namespace

TEST_SUITE("sim/assignors") {

    // ---- names
    // ------------------------------------------------------------------------------------------------

    TEST_CASE("assignor names - parsing and protocol support") {
        SUBCASE("protocol names as Kafka sends them in JoinGroup") {
            CHECK(std::string(assignorName(AssignorKind::Range)) == "range");
            CHECK(std::string(assignorName(AssignorKind::RoundRobin)) == "roundrobin");
            CHECK(std::string(assignorName(AssignorKind::Sticky)) == "sticky");
            CHECK(std::string(assignorName(AssignorKind::CooperativeSticky)) == "cooperative-sticky");
        }
        SUBCASE("parse accepts protocol names, class simple names and full class names") {
            for (AssignorKind kind : {AssignorKind::Range, AssignorKind::RoundRobin, AssignorKind::Sticky,
                                      AssignorKind::CooperativeSticky})
                CHECK(parseAssignor(assignorName(kind)) == kind);
            CHECK(parseAssignor("RangeAssignor") == AssignorKind::Range);
            CHECK(parseAssignor("RoundRobinAssignor") == AssignorKind::RoundRobin);
            CHECK(parseAssignor("StickyAssignor") == AssignorKind::Sticky);
            CHECK(parseAssignor("CooperativeStickyAssignor") == AssignorKind::CooperativeSticky);
            CHECK(parseAssignor("org.apache.kafka.clients.consumer.CooperativeStickyAssignor") ==
                  AssignorKind::CooperativeSticky);
        }
        SUBCASE("unknown names are rejected") {
            CHECK_FALSE(parseAssignor("").has_value());
            CHECK_FALSE(parseAssignor("Range").has_value()); // protocol names are case-sensitive
            CHECK_FALSE(
                parseAssignor("uniform").has_value()); // KIP-848 server-side assignor, not a client one
        }
        SUBCASE("only cooperative-sticky speaks the COOPERATIVE protocol") {
            CHECK(isCooperative(AssignorKind::CooperativeSticky));
            CHECK_FALSE(isCooperative(AssignorKind::Range));
            CHECK_FALSE(isCooperative(AssignorKind::RoundRobin));
            CHECK_FALSE(isCooperative(AssignorKind::Sticky));
        }
    }

    // ---- FIDELITY §2.1–2.3
    // --------------------------------------------------------------------------------------

    TEST_CASE("FIDELITY 2.2: range - two members - two topics of three partitions") {
        const auto a = run(AssignorKind::Range, {{"t0", 3}, {"t1", 3}},
                           {member("C0", {"t0", "t1"}), member("C1", {"t0", "t1"})});
        CHECK(show(a) == "C0: t0-0 t0-1 t1-0 t1-1 | C1: t0-2 t1-2");
    }

    TEST_CASE("FIDELITY 2.2: worked example - one topic of seven partitions - three members") {
        const std::vector<MemberSubscription> members{member("C0", {"t"}), member("C1", {"t"}),
                                                      member("C2", {"t"})};
        SUBCASE("range") {
            CHECK(show(run(AssignorKind::Range, {{"t", 7}}, members)) ==
                  "C0: t-0 t-1 t-2 | C1: t-3 t-4 | C2: t-5 t-6");
        }
        SUBCASE("roundrobin") {
            CHECK(show(run(AssignorKind::RoundRobin, {{"t", 7}}, members)) ==
                  "C0: t-0 t-3 t-6 | C1: t-1 t-4 | C2: t-2 t-5");
        }
    }

    TEST_CASE("FIDELITY 2.2: range gives every extra partition to the first member - topic after topic") {
        std::map<std::string, std::int32_t> topics;
        for (int t = 0; t < 5; ++t)
            topics["t" + std::to_string(t)] = 3;
        const auto a =
            run(AssignorKind::Range, topics,
                {member("C0", {"t0", "t1", "t2", "t3", "t4"}), member("C1", {"t0", "t1", "t2", "t3", "t4"})});
        CHECK(a.at("C0").size() == 10);
        CHECK(a.at("C1").size() == 5);
    }

    TEST_CASE("FIDELITY 2.3: roundrobin - two members - two topics of three partitions") {
        const auto a = run(AssignorKind::RoundRobin, {{"t0", 3}, {"t1", 3}},
                           {member("C0", {"t0", "t1"}), member("C1", {"t0", "t1"})});
        CHECK(show(a) == "C0: t0-0 t0-2 t1-1 | C1: t0-1 t1-0 t1-2");
    }

    TEST_CASE("FIDELITY 2.3 / StickyAssignor javadoc example 2: unequal subscriptions") {
        const std::map<std::string, std::int32_t> topics{{"t0", 1}, {"t1", 2}, {"t2", 3}};
        const std::vector<MemberSubscription> members{member("C0", {"t0"}), member("C1", {"t0", "t1"}),
                                                      member("C2", {"t0", "t1", "t2"})};
        SUBCASE("roundrobin piles onto C2") {
            CHECK(show(run(AssignorKind::RoundRobin, topics, members)) ==
                  "C0: t0-0 | C1: t1-0 | C2: t1-1 t2-0 t2-1 t2-2");
        }
        SUBCASE("sticky balances, and when C0 leaves only its partition moves") {
            const auto first = run(AssignorKind::Sticky, topics, members);
            CHECK(show(first) == "C0: t0-0 | C1: t1-0 t1-1 | C2: t2-0 t2-1 t2-2");
            const auto second = run(AssignorKind::Sticky, topics,
                                    {rejoin(members[1], first, 1), rejoin(members[2], first, 1)});
            CHECK(show(second) == "C1: t0-0 t1-0 t1-1 | C2: t2-0 t2-1 t2-2");
        }
    }

    TEST_CASE("FIDELITY 2.1: member order for range and roundrobin") {
        const std::map<std::string, std::int32_t> topics{{"t", 3}};
        SUBCASE("member ids compare as strings: consumer-g-10 sorts before consumer-g-2") {
            const auto a = run(AssignorKind::Range, topics,
                               {member("consumer-g-2-b", {"t"}), member("consumer-g-10-a", {"t"}),
                                member("consumer-g-1-c", {"t"})});
            CHECK(show(a) == "consumer-g-1-c: t-0 | consumer-g-10-a: t-1 | consumer-g-2-b: t-2");
        }
        SUBCASE("static members first, ordered by instance id, whatever their member id") {
            const auto a = run(
                AssignorKind::RoundRobin, topics,
                {member("a", {"t"}), staticMember("z", "inst-2", {"t"}), staticMember("y", "inst-1", {"t"})});
            CHECK(show(a) == "a: t-2 | y: t-0 | z: t-1");
        }
        SUBCASE("the input order does not matter") {
            const std::vector<MemberSubscription> forward{member("m1", {"t"}), member("m2", {"t"}),
                                                          member("m3", {"t"})};
            const std::vector<MemberSubscription> backward(forward.rbegin(), forward.rend());
            CHECK(show(run(AssignorKind::Range, topics, forward)) ==
                  show(run(AssignorKind::Range, topics, backward)));
            CHECK(show(run(AssignorKind::RoundRobin, topics, forward)) ==
                  show(run(AssignorKind::RoundRobin, topics, backward)));
        }
    }

    // ---- FIDELITY §2.4
    // ------------------------------------------------------------------------------------------

    TEST_CASE("FIDELITY 2.4 / StickyAssignor javadoc example 1: C1 leaves - only its partitions move") {
        const std::map<std::string, std::int32_t> topics{{"t0", 2}, {"t1", 2}, {"t2", 2}, {"t3", 2}};
        const std::vector<std::string> all{"t0", "t1", "t2", "t3"};
        const auto first =
            run(AssignorKind::Sticky, topics, {member("C0", all), member("C1", all), member("C2", all)});
        CHECK(show(first) == "C0: t0-0 t1-1 t3-0 | C1: t0-1 t2-0 t3-1 | C2: t1-0 t2-1");

        const auto second = run(AssignorKind::Sticky, topics,
                                {member("C0", all, "t0-0 t1-1 t3-0", 1), member("C2", all, "t1-0 t2-1", 1)});
        // The javadoc (and FIDELITY §2.4, which quotes it) shows C0 +t2p0 and C2 +t0p1,t3p1: that was the
        // output of the older algorithm. The current constrained assignment deals C1's partitions (t0-1,
        // t2-0, t3-1, in partition order) round-robin to the members below quota, C0 then C2, C2 taking the
        // last one.
        CHECK(show(second) == "C0: t0-0 t0-1 t1-1 t3-0 | C2: t1-0 t2-0 t2-1 t3-1");
        CHECK(containsAll(second.at("C0"), first.at("C0")));
        CHECK(containsAll(second.at("C2"), first.at("C2")));

        SUBCASE("round robin would reshuffle everything") {
            CHECK(show(run(AssignorKind::RoundRobin, topics, {member("C0", all), member("C2", all)})) ==
                  "C0: t0-0 t1-0 t2-0 t3-0 | C2: t0-1 t1-1 t2-1 t3-1");
        }
    }

    TEST_CASE("FIDELITY 2.4: equal-subscription quotas - owned partitions kept up to the quota") {
        // 7 partitions, 3 members: minQuota 2, maxQuota 3, one member may keep 3.
        const std::vector<std::string> t{"t"};
        const auto a = run(
            AssignorKind::Sticky, {{"t", 7}},
            {member("A", t, "t-0 t-1 t-2 t-3 t-4", 4), member("B", t, "t-5 t-6", 4), member("C", t, "", 4)});
        // A owns five: keeps maxQuota (3) of them in partition order; B keeps both; C takes what A gave up.
        CHECK(show(a) == "A: t-0 t-1 t-2 | B: t-5 t-6 | C: t-3 t-4");
    }

    TEST_CASE("FIDELITY 2.4: cooperative-sticky migrates in two rebalances") {
        const std::map<std::string, std::int32_t> topics{{"t", 4}};
        const std::vector<MemberSubscription> round1{member("C0", {"t"}, "t-0 t-1 t-2 t-3", 1),
                                                     member("C1", {"t"})};

        SUBCASE("eager sticky moves the partitions at once") {
            CHECK(show(run(AssignorKind::Sticky, topics, round1)) == "C0: t-0 t-1 | C1: t-2 t-3");
        }
        SUBCASE("cooperative: first C0 revokes, nobody gets the partitions; then C1 gets them") {
            const auto first = run(AssignorKind::CooperativeSticky, topics, round1);
            CHECK(show(first) == "C0: t-0 t-1 | C1:");
            const auto second = run(AssignorKind::CooperativeSticky, topics,
                                    {rejoin(round1[0], first, 2), rejoin(round1[1], first, 2)});
            CHECK(show(second) == "C0: t-0 t-1 | C1: t-2 t-3");
        }
    }

    // ---- ported: RangeAssignorTest
    // ------------------------------------------------------------------------------

    TEST_CASE("RangeAssignorTest: edge cases with one consumer") {
        SUBCASE("testOneConsumerNoTopic") {
            CHECK(show(run(AssignorKind::Range, {}, {member("consumer1", {})})) == "consumer1:");
        }
        SUBCASE("testOneConsumerNonexistentTopic") {
            CHECK(show(run(AssignorKind::Range, {}, {member("consumer1", {"topic1"})})) == "consumer1:");
        }
        SUBCASE("testOnlyAssignsPartitionsFromSubscribedTopics") {
            CHECK(show(run(AssignorKind::Range, {{"topic1", 3}, {"other", 3}},
                           {member("consumer1", {"topic1"})})) == "consumer1: topic1-0 topic1-1 topic1-2");
        }
        SUBCASE("testOneConsumerMultipleTopics") {
            CHECK(show(run(AssignorKind::Range, {{"topic1", 1}, {"topic2", 2}},
                           {member("consumer1", {"topic1", "topic2"})})) ==
                  "consumer1: topic1-0 topic2-0 topic2-1");
        }
        SUBCASE("testTwoConsumersOneTopicOnePartition") {
            CHECK(show(run(AssignorKind::Range, {{"topic1", 1}},
                           {member("consumer1", {"topic1"}), member("consumer2", {"topic1"})})) ==
                  "consumer1: topic1-0 | consumer2:");
        }
    }

    TEST_CASE("RangeAssignorTest.testMultipleConsumersMixedTopics") {
        const auto a = run(AssignorKind::Range, {{"topic1", 3}, {"topic2", 2}},
                           {member("consumer1", {"topic1"}), member("consumer2", {"topic1", "topic2"}),
                            member("consumer3", {"topic1"})});
        CHECK(show(a) == "consumer1: topic1-0 | consumer2: topic1-1 topic2-0 topic2-1 | consumer3: topic1-2");
    }

    TEST_CASE("RangeAssignorTest: static members are ordered by instance id") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 3}, {"topic2", 3}};
        const std::vector<std::string> both{"topic1", "topic2"};
        SUBCASE("testTwoStaticConsumersTwoTopicsSixPartitions") {
            const auto a = run(AssignorKind::Range, topics,
                               {staticMember("consumer-b", "instance1", both),
                                staticMember("consumer-a", "instance2", both)});
            CHECK(show(a) ==
                  "consumer-a: topic1-2 topic2-2 | consumer-b: topic1-0 topic1-1 topic2-0 topic2-1");
        }
        SUBCASE("testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions") {
            const auto a = run(AssignorKind::Range, topics,
                               {staticMember("consumer-b", "instance1", both), member("consumer-a", both)});
            CHECK(show(a) ==
                  "consumer-a: topic1-2 topic2-2 | consumer-b: topic1-0 topic1-1 topic2-0 topic2-1");
        }
    }

    TEST_CASE("RangeAssignorTest.testStaticMemberRangeAssignmentPersistent") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 5}, {"topic2", 4}};
        const std::vector<std::string> both{"topic1", "topic2"};
        std::vector<MemberSubscription> members{
            staticMember("consumer1", "instance1", both), staticMember("consumer2", "instance2", both),
            staticMember("consumer3", "instance3", both), member("consumer4", both)};
        CHECK(show(run(AssignorKind::Range, topics, members)) ==
              "consumer1: topic1-0 topic1-1 topic2-0 | consumer2: topic1-2 topic2-1 | consumer3: topic1-3 "
              "topic2-2 | "
              "consumer4: topic1-4 topic2-3");
        SUBCASE("a new dynamic member replaces consumer4; the static members keep their partitions") {
            members[3] = member("consumer5", both);
            CHECK(show(run(AssignorKind::Range, topics, members)) ==
                  "consumer1: topic1-0 topic1-1 topic2-0 | consumer2: topic1-2 topic2-1 | consumer3: "
                  "topic1-3 topic2-2 | "
                  "consumer5: topic1-4 topic2-3");
        }
    }

    // ---- ported: RoundRobinAssignorTest
    // -------------------------------------------------------------------------

    TEST_CASE("RoundRobinAssignorTest.testMultipleConsumersMixedTopics") {
        const auto a = run(AssignorKind::RoundRobin, {{"topic1", 3}, {"topic2", 2}},
                           {member("consumer1", {"topic1"}), member("consumer2", {"topic1", "topic2"}),
                            member("consumer3", {"topic1"})});
        CHECK(show(a) == "consumer1: topic1-0 | consumer2: topic1-1 topic2-0 topic2-1 | consumer3: topic1-2");
    }

    TEST_CASE("RoundRobinAssignorTest: two members - two topics of three partitions") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 3}, {"topic2", 3}};
        const std::vector<std::string> both{"topic1", "topic2"};
        SUBCASE("testTwoDynamicConsumersTwoTopicsSixPartitions") {
            CHECK(show(run(AssignorKind::RoundRobin, topics,
                           {member("consumer1", both), member("consumer2", both)})) ==
                  "consumer1: topic1-0 topic1-2 topic2-1 | consumer2: topic1-1 topic2-0 topic2-2");
        }
        SUBCASE("testTwoStaticConsumersTwoTopicsSixPartitions") {
            const auto a = run(AssignorKind::RoundRobin, topics,
                               {staticMember("consumer-b", "instance1", both),
                                staticMember("consumer-a", "instance2", both)});
            CHECK(show(a) ==
                  "consumer-a: topic1-1 topic2-0 topic2-2 | consumer-b: topic1-0 topic1-2 topic2-1");
        }
        SUBCASE("testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions") {
            const auto a = run(AssignorKind::RoundRobin, topics,
                               {staticMember("consumer-b", "instance1", both), member("consumer-a", both)});
            CHECK(show(a) ==
                  "consumer-a: topic1-1 topic2-0 topic2-2 | consumer-b: topic1-0 topic1-2 topic2-1");
        }
    }

    TEST_CASE("RoundRobinAssignorTest.testStaticMemberRoundRobinAssignmentPersistent") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 3}, {"topic2", 3}};
        const std::vector<std::string> both{"topic1", "topic2"};
        std::vector<MemberSubscription> members{
            staticMember("consumer1", "instance1", both), staticMember("consumer2", "instance2", both),
            staticMember("consumer3", "instance3", both), member("consumer4", both)};
        CHECK(show(run(AssignorKind::RoundRobin, topics, members)) ==
              "consumer1: topic1-0 topic2-1 | consumer2: topic1-1 topic2-2 | consumer3: topic1-2 | "
              "consumer4: topic2-0");
        SUBCASE("replacing the dynamic member changes nothing for the static ones") {
            members[3] = member("consumer5", both);
            CHECK(show(run(AssignorKind::RoundRobin, topics, members)) ==
                  "consumer1: topic1-0 topic2-1 | consumer2: topic1-1 topic2-2 | consumer3: topic1-2 | "
                  "consumer5: topic2-0");
        }
    }

    TEST_CASE("RoundRobinAssignorTest.testStaticMemberRoundRobinAssignmentPersistentAfterMemberIdChanges") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 5}, {"topic2", 5}};
        const std::vector<std::string> both{"topic1", "topic2"};
        const auto byInstance = [&](const std::vector<MemberSubscription>& members) {
            const auto a = run(AssignorKind::RoundRobin, topics, members);
            std::map<std::string, std::string> out;
            for (const MemberSubscription& m : members)
                out[*m.group_instance_id] = show(a.at(m.member_id));
            return out;
        };
        const auto before = byInstance({staticMember("consumer1", "instance1", both),
                                        staticMember("consumer2", "instance2", both),
                                        staticMember("consumer3", "instance3", both)});
        CHECK(before.at("instance1") == "topic1-0 topic1-3 topic2-1 topic2-4");
        CHECK(before.at("instance2") == "topic1-1 topic1-4 topic2-2");
        CHECK(before.at("instance3") == "topic1-2 topic2-0 topic2-3");
        // New member ids (a restarted static member gets a new one); instance ids stay.
        const auto after = byInstance({staticMember("consumer1", "instance1", both),
                                       staticMember("consumer5", "instance2", both),
                                       staticMember("consumer4", "instance3", both)});
        CHECK(after == before);
    }

    // ---- ported: AbstractStickyAssignorTest / StickyAssignorTest / CooperativeStickyAssignorTest
    // ----------------

    TEST_CASE("AbstractStickyAssignorTest: first assignments") {
        SUBCASE("testOneConsumerNoTopic") {
            CHECK(show(run(AssignorKind::Sticky, {}, {member("consumer", {})})) == "consumer:");
        }
        SUBCASE("testOneConsumerNonexistentTopic (topic with no partitions)") {
            CHECK(show(run(AssignorKind::Sticky, {{"topic", 0}}, {member("consumer", {"topic"})})) ==
                  "consumer:");
        }
        SUBCASE(
            "testOnlyAssignsPartitionsFromSubscribedTopics (owned partitions of another topic are dropped)") {
            const auto a = run(AssignorKind::Sticky, {{"topic", 2}},
                               {member("consumer", {"topic"}, "topic-0 topic-1 other-0 other-1", 1)});
            CHECK(show(a) == "consumer: topic-0 topic-1");
        }
        SUBCASE("testTwoConsumersOneTopicTwoPartitions") {
            CHECK(show(run(AssignorKind::Sticky, {{"topic", 2}},
                           {member("consumer1", {"topic"}), member("consumer2", {"topic"})})) ==
                  "consumer1: topic-0 | consumer2: topic-1");
        }
        SUBCASE("testTwoConsumersTwoTopicsSixPartitions") {
            const std::vector<std::string> both{"topic1", "topic2"};
            CHECK(show(run(AssignorKind::Sticky, {{"topic1", 3}, {"topic2", 3}},
                           {member("consumer1", both), member("consumer2", both)})) ==
                  "consumer1: topic1-0 topic1-2 topic2-1 | consumer2: topic1-1 topic2-0 topic2-2");
        }
    }

    TEST_CASE("AbstractStickyAssignorTest.testMultipleConsumersMixedTopicSubscriptions (general path)") {
        const auto a = run(AssignorKind::Sticky, {{"topic1", 3}, {"topic2", 2}},
                           {member("consumer1", {"topic1"}), member("consumer2", {"topic1", "topic2"}),
                            member("consumer3", {"topic1"})});
        CHECK(show(a) == "consumer1: topic1-0 topic1-2 | consumer2: topic2-0 topic2-1 | consumer3: topic1-1");
    }

    TEST_CASE("AbstractStickyAssignorTest: quotas of the constrained path") {
        const std::vector<std::string> both{"topic1", "topic2"};
        SUBCASE("testConsumerOwningMinQuotaExpectedMaxQuota") {
            const auto a = run(AssignorKind::Sticky, {{"topic1", 2}, {"topic2", 3}},
                               {member("consumer1", both, "topic1-0 topic2-1", 1),
                                member("consumer2", both, "topic1-1 topic2-2", 1)});
            CHECK(show(a) == "consumer1: topic1-0 topic2-0 topic2-1 | consumer2: topic1-1 topic2-2");
        }
        SUBCASE("testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers") {
            const std::vector<MemberSubscription> members{member("consumer1", both, "topic1-0 topic2-0", 1),
                                                          member("consumer2", both, "topic1-1 topic2-1", 1),
                                                          member("consumer3", both, "", 1)};
            const std::map<std::string, std::int32_t> topics{{"topic1", 2}, {"topic2", 2}};
            // Only one of consumer1/consumer2 may keep maxQuota (2): the one the assignor meets first. As
            // upstream asserts, that is consumer2, because java.util.HashMap yields consumer3, consumer2,
            // consumer1 (the simulator follows that order; same answer from the kafka-clients 4.3.1 classes).
            const auto a = run(AssignorKind::Sticky, topics, members);
            CHECK(show(a) == "consumer1: topic1-0 | consumer2: topic1-1 topic2-1 | consumer3: topic2-0");
            // What upstream asserts independently of that order: one partition moves, and it goes to
            // consumer3.
            CHECK(a.at("consumer3").size() == 1);
            CHECK(containsAll(a.at("consumer1"), parts("topic1-0")));
            CHECK(containsAll(a.at("consumer2"), parts("topic1-1")));
            // partitionsTransferringOwnership == {topic2-0: consumer3}: the cooperative assignor holds it
            // back.
            CHECK(show(run(AssignorKind::CooperativeSticky, topics, members)) ==
                  "consumer1: topic1-0 | consumer2: topic1-1 topic2-1 | consumer3:");
        }
        SUBCASE("testAllConsumersAreUnderMinQuota") {
            const auto a = run(AssignorKind::Sticky, {{"topic1", 2}, {"topic2", 3}},
                               {member("consumer1", both, "topic1-0", 1),
                                member("consumer2", both, "topic1-1", 1), member("consumer3", both, "", 1)});
            CHECK(show(a) ==
                  "consumer1: topic1-0 topic2-1 | consumer2: topic1-1 topic2-2 | consumer3: topic2-0");
        }
        SUBCASE("testAllConsumersReachExpectedQuotaAndAreConsideredFilled") {
            const auto a =
                run(AssignorKind::Sticky, {{"topic", 4}},
                    {member("consumer1", {"topic"}, "topic-0 topic-1", 1),
                     member("consumer2", {"topic"}, "topic-2", 1), member("consumer3", {"topic"}, "", 1)});
            CHECK(show(a) == "consumer1: topic-0 topic-1 | consumer2: topic-2 | consumer3: topic-3");
        }
        SUBCASE("StickyAssignorTest.testAssignorWithOldVersionSubscriptions") {
            const auto a =
                run(AssignorKind::Sticky, {{"topic1", 3}},
                    {member("consumer1", {"topic1"}, "topic1-0", 1),
                     member("consumer2", {"topic1"}, "topic1-1", 1), member("consumer3", {"topic1"}, "", 1)});
            CHECK(show(a) == "consumer1: topic1-0 | consumer2: topic1-1 | consumer3: topic1-2");
        }
    }

    TEST_CASE("AbstractStickyAssignorTest.testAddRemoveConsumerOneTopic") {
        const std::map<std::string, std::int32_t> topics{{"topic", 3}};
        const auto first = run(AssignorKind::Sticky, topics, {member("consumer1", {"topic"})});
        CHECK(show(first) == "consumer1: topic-0 topic-1 topic-2");

        const std::vector<MemberSubscription> grown{rejoin(member("consumer1", {"topic"}), first, 1),
                                                    member("consumer2", {"topic"}, "", 1)};
        const auto second = run(AssignorKind::Sticky, topics, grown);
        CHECK(show(second) == "consumer1: topic-0 topic-1 | consumer2: topic-2");
        SUBCASE("cooperative: topic-2 is transferring ownership, so consumer2 waits one rebalance") {
            CHECK(show(run(AssignorKind::CooperativeSticky, topics, grown)) ==
                  "consumer1: topic-0 topic-1 | consumer2:");
        }
        SUBCASE("consumer1 leaves: consumer2 keeps topic-2 and gets the rest") {
            const auto third = run(AssignorKind::Sticky, topics, {rejoin(grown[1], second, 1)});
            CHECK(show(third) == "consumer2: topic-0 topic-1 topic-2");
        }
    }

    TEST_CASE("AbstractStickyAssignorTest.testAddRemoveTwoConsumersTwoTopics") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 3}, {"topic2", 4}};
        const std::vector<std::string> all{"topic1", "topic2"};
        const auto first =
            run(AssignorKind::Sticky, topics, {member("consumer1", all), member("consumer2", all)});
        CHECK(show(first) ==
              "consumer1: topic1-0 topic1-2 topic2-1 topic2-3 | consumer2: topic1-1 topic2-0 topic2-2");

        const std::vector<MemberSubscription> four{
            rejoin(member("consumer1", all), first, 1), rejoin(member("consumer2", all), first, 1),
            member("consumer3", all, "", 1), member("consumer4", all, "", 1)};
        const auto second = run(AssignorKind::Sticky, topics, four);
        CHECK(show(second) ==
              "consumer1: topic1-0 topic2-1 | consumer2: topic1-1 topic2-0 | consumer3: topic1-2 topic2-3 | "
              "consumer4: topic2-2");
        SUBCASE("cooperative holds back the three partitions transferring ownership") {
            CHECK(show(run(AssignorKind::CooperativeSticky, topics, four)) ==
                  "consumer1: topic1-0 topic2-1 | consumer2: topic1-1 topic2-0 | consumer3: | consumer4:");
        }
        SUBCASE("consumer1 and consumer2 leave") {
            const auto third =
                run(AssignorKind::Sticky, topics, {rejoin(four[2], second, 1), rejoin(four[3], second, 1)});
            CHECK(show(third) ==
                  "consumer3: topic1-0 topic1-2 topic2-1 topic2-3 | consumer4: topic1-1 topic2-0 topic2-2");
        }
    }

    TEST_CASE("AbstractStickyAssignorTest.testTopicBalanceAfterReassignment") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 12}, {"topic2", 12}};
        const std::vector<std::string> all{"topic1", "topic2"};
        const auto one = run(AssignorKind::Sticky, topics, {member("consumer1", all)});
        const auto two = run(AssignorKind::Sticky, topics,
                             {rejoin(member("consumer1", all), one, 1), member("consumer2", all, "", 1)});
        for (const auto& [id_, list] : two) {
            const auto& id = id_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
            CAPTURE(id);
            CHECK(countOfTopic(list, "topic1") == 6);
            CHECK(countOfTopic(list, "topic2") == 6);
        }
        const auto four =
            run(AssignorKind::Sticky, topics,
                {rejoin(member("consumer1", all), two, 1), rejoin(member("consumer2", all), two, 1),
                 member("consumer3", all, "", 1), member("consumer4", all, "", 1)});
        for (const auto& [id_, list] : four) {
            const auto& id = id_; // doctest's macros are lambdas: Clang 14 cannot capture a binding
            CAPTURE(id);
            CHECK(countOfTopic(list, "topic1") == 3);
            CHECK(countOfTopic(list, "topic2") == 3);
        }
    }

    TEST_CASE("AbstractStickyAssignorTest.testPoorRoundRobinAssignmentScenario") {
        std::map<std::string, std::int32_t> topics;
        for (int i = 1; i <= 5; ++i)
            topics["topic" + std::to_string(i)] = (i % 2) + 1;
        const std::vector<std::string> five{"topic1", "topic2", "topic3", "topic4", "topic5"};
        const std::vector<std::string> odd{"topic1", "topic3", "topic5"};
        const std::vector<MemberSubscription> members{member("consumer1", five), member("consumer2", odd),
                                                      member("consumer3", odd), member("consumer4", five)};
        // The sticky result given in the upstream test's comment.
        CHECK(show(run(AssignorKind::Sticky, topics, members)) ==
              "consumer1: topic2-0 topic3-0 | consumer2: topic1-0 topic3-1 | consumer3: topic1-1 topic5-0 | "
              "consumer4: topic4-0 topic5-1");
        CHECK(show(run(AssignorKind::RoundRobin, topics, members)) ==
              "consumer1: topic1-0 topic3-0 topic5-0 | consumer2: topic1-1 topic3-1 topic5-1 | consumer3: | "
              "consumer4: topic2-0 topic4-0");
    }

    TEST_CASE("AbstractStickyAssignorTest.testStickiness: removing the group leader") {
        const std::map<std::string, std::int32_t> topics{{"topic1", 3}};
        const std::vector<std::string> t{"topic1"};
        const auto first = run(
            AssignorKind::Sticky, topics,
            {member("consumer1", t), member("consumer2", t), member("consumer3", t), member("consumer4", t)});
        CHECK(show(first) == "consumer1: topic1-0 | consumer2: topic1-1 | consumer3: topic1-2 | consumer4:");
        const auto second =
            run(AssignorKind::Sticky, topics,
                {rejoin(member("consumer2", t), first, 1), rejoin(member("consumer3", t), first, 1),
                 rejoin(member("consumer4", t), first, 1)});
        CHECK(show(second) == "consumer2: topic1-1 | consumer3: topic1-2 | consumer4: topic1-0");
    }

    TEST_CASE("AbstractStickyAssignorTest.testAddRemoveTopicTwoConsumers") {
        std::map<std::string, std::int32_t> topics{{"topic", 3}};
        const auto first = run(AssignorKind::Sticky, topics,
                               {member("consumer1", {"topic"}), member("consumer2", {"topic"})});
        CHECK(show(first) == "consumer1: topic-0 topic-2 | consumer2: topic-1");

        topics["topic2"] = 3;
        const std::vector<std::string> both{"topic", "topic2"};
        const auto second =
            run(AssignorKind::Sticky, topics,
                {rejoin(member("consumer1", both), first, 1), rejoin(member("consumer2", both), first, 1)});
        CHECK(second.at("consumer1").size() == 3);
        CHECK(second.at("consumer2").size() == 3);
        CHECK(containsAll(second.at("consumer1"), first.at("consumer1")));
        CHECK(containsAll(second.at("consumer2"), first.at("consumer2")));

        topics.erase("topic");
        const std::vector<std::string> only{"topic2"};
        const auto third =
            run(AssignorKind::Sticky, topics,
                {rejoin(member("consumer1", only), second, 1), rejoin(member("consumer2", only), second, 1)});
        CHECK(fullyBalanced(third));
        CHECK(containsAll(second.at("consumer1"), third.at("consumer1")));
        CHECK(containsAll(second.at("consumer2"), third.at("consumer2")));
    }

    TEST_CASE("AbstractStickyAssignorTest: deleted topics") {
        SUBCASE("testAssignmentUpdatedForDeletedTopic") {
            const auto a = run(AssignorKind::Sticky, {{"topic1", 1}, {"topic3", 100}},
                               {member("consumer", {"topic1", "topic2", "topic3"})});
            CHECK(a.at("consumer").size() == 101);
        }
        SUBCASE("testNoExceptionThrownWhenOnlySubscribedTopicDeleted") {
            for (AssignorKind kind : {AssignorKind::Sticky, AssignorKind::CooperativeSticky})
                CHECK(show(run(kind, {}, {member("consumer", {"topic"}, "topic-0 topic-1 topic-2", 1)})) ==
                      "consumer:");
        }
    }

    TEST_CASE(
        "StickyAssignorTest / CooperativeStickyAssignorTest: a partition claimed twice in one generation") {
        const std::vector<std::string> t{"topic"};
        const std::vector<MemberSubscription> members{member("consumer1", t, "topic-0 topic-1", 1),
                                                      member("consumer2", t, "topic-0 topic-2", 1),
                                                      member("consumer3", t, "", 1)};
        SUBCASE("...WithEqualPartitionsPerConsumer") {
            CHECK(show(run(AssignorKind::Sticky, {{"topic", 3}}, members)) ==
                  "consumer1: topic-1 | consumer2: topic-2 | consumer3: topic-0");
            // Both claimants must revoke topic-0 before anybody gets it.
            CHECK(show(run(AssignorKind::CooperativeSticky, {{"topic", 3}}, members)) ==
                  "consumer1: topic-1 | consumer2: topic-2 | consumer3:");
        }
        SUBCASE("...WithUnequalPartitionsPerConsumer") {
            CHECK(show(run(AssignorKind::Sticky, {{"topic", 4}}, members)) ==
                  "consumer1: topic-1 topic-3 | consumer2: topic-2 | consumer3: topic-0");
            CHECK(show(run(AssignorKind::CooperativeSticky, {{"topic", 4}}, members)) ==
                  "consumer1: topic-1 topic-3 | consumer2: topic-2 | consumer3:");
        }
    }

    TEST_CASE("AbstractStickyAssignorTest: owned partitions and generations") {
        const std::map<std::string, std::int32_t> two{{"topic", 3}, {"topic2", 3}};
        const std::vector<std::string> both{"topic", "topic2"};
        SUBCASE("testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration") {
            const auto a = run(AssignorKind::Sticky, two,
                               {member("consumer1", both, "topic-0 topic-2 topic2-1", 10),
                                member("consumer2", both, "topic-0 topic-2 topic2-1", 9)});
            CHECK(show(a) == "consumer1: topic-0 topic-2 topic2-1 | consumer2: topic-1 topic2-0 topic2-2");
        }
        SUBCASE("testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration") {
            const auto a = run(AssignorKind::Sticky, two,
                               {member("consumer1", both, "topic-0 topic-2 topic2-1", 10),
                                member("consumer2", both, "topic-0 topic-2 topic2-1", -1)});
            CHECK(show(a) == "consumer1: topic-0 topic-2 topic2-1 | consumer2: topic-1 topic2-0 topic2-2");
        }
        SUBCASE("testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration") {
            const auto a = run(AssignorKind::Sticky, two,
                               {member("consumer1", both, "topic-0 topic2-1 topic-1", 10),
                                member("consumer2", both, "topic-0 topic2-1 topic2-2", 8)});
            CHECK(show(a) == "consumer1: topic-0 topic-1 topic2-1 | consumer2: topic-2 topic2-0 topic2-2");
        }
        SUBCASE("testEnsurePartitionsAssignedToHighestGeneration") {
            const std::vector<std::string> three{"topic", "topic2", "topic3"};
            const auto a = run(AssignorKind::Sticky, {{"topic", 3}, {"topic2", 3}, {"topic3", 3}},
                               {member("consumer1", three, "topic-0 topic2-0 topic3-0", 10),
                                member("consumer2", three, "topic-1 topic2-1 topic3-1", 9),
                                member("consumer3", three, "topic2-1 topic3-0 topic3-2", 8)});
            CHECK(show(a) == "consumer1: topic-0 topic2-0 topic3-0 | consumer2: topic-1 topic2-1 topic3-1 | "
                             "consumer3: topic-2 topic2-2 topic3-2");
        }
        SUBCASE("testNoReassignmentOnCurrentMembers") {
            const std::vector<std::string> four{"topic", "topic2", "topic3", "topic1"};
            const auto a = run(
                AssignorKind::Sticky, {{"topic", 3}, {"topic1", 3}, {"topic2", 3}, {"topic3", 3}},
                {member("consumer1", four, "", -1), member("consumer2", four, "topic-0 topic2-0 topic1-0", 9),
                 member("consumer3", four, "topic3-2 topic2-2 topic1-1", 8),
                 member("consumer4", four, "topic3-1 topic-1 topic-2", 7)});
            CHECK(show(a.at("consumer1")) == "topic1-2 topic2-1 topic3-0");
            CHECK(show(a) == "consumer1: topic1-2 topic2-1 topic3-0 | consumer2: topic-0 topic1-0 topic2-0 | "
                             "consumer3: topic1-1 topic2-2 topic3-2 | consumer4: topic-1 topic-2 topic3-1");
        }
    }

    TEST_CASE("StickyAssignorTest: assignments over several generations") {
        const std::map<std::string, std::int32_t> topics{{"topic", 6}, {"topic2", 6}};
        const std::vector<std::string> all{"topic", "topic2"};
        for (const bool equal : {true, false}) {
            CAPTURE(equal);
            // testAssignmentWithMultipleGenerations1
            const std::vector<std::string> c2topics = equal ? all : std::vector<std::string>{"topic"};
            const auto r1 =
                run(AssignorKind::Sticky, topics,
                    {member("consumer1", all), member("consumer2", c2topics), member("consumer3", all)});
            for (const auto& entry : r1)
                CHECK(entry.second.size() == 4);

            const auto r2 =
                run(AssignorKind::Sticky, topics,
                    {rejoin(member("consumer1", all), r1, 1), rejoin(member("consumer2", c2topics), r1, 1)});
            CHECK(r2.at("consumer1").size() == 6);
            CHECK(r2.at("consumer2").size() == 6);
            if (equal) CHECK(containsAll(r2.at("consumer1"), r1.at("consumer1")));
            CHECK(containsAll(r2.at("consumer2"), r1.at("consumer2")));

            // consumer3 comes back with its generation-1 assignment, consumer2 is at generation 2.
            const auto r3 =
                run(AssignorKind::Sticky, topics,
                    {rejoin(member("consumer2", c2topics), r2, 2), rejoin(member("consumer3", all), r1, 1)});
            CHECK(r3.at("consumer2").size() == 6);
            CHECK(r3.at("consumer3").size() == 6);
            std::set<TopicPartition> seen(r3.at("consumer2").begin(), r3.at("consumer2").end());
            for (const TopicPartition& p : r3.at("consumer3"))
                CHECK(seen.insert(p).second);
        }
    }

    TEST_CASE("StickyAssignorTest.testAssignmentWithConflictingPreviousGenerations") {
        const std::map<std::string, std::int32_t> topics{{"topic", 4}, {"topic2", 4}, {"topic3", 4}};
        const std::vector<std::string> all{"topic", "topic2", "topic3"};
        for (const bool equal : {true, false}) {
            CAPTURE(equal);
            const auto c1topics = equal ? all : std::vector<std::string>{"topic"};
            const auto c2topics = equal ? all : std::vector<std::string>{"topic", "topic2"};
            const std::string c1owned = equal ? "topic-0 topic-1 topic-2 topic2-2 topic2-3 topic3-0"
                                              : "topic-0 topic-1 topic-2 topic-3";
            const std::string c2owned = "topic-0 topic-1 topic2-0 topic2-1 topic2-2 topic2-3";
            const std::string c3owned = "topic-2 topic-3 topic3-0 topic3-1 topic3-2 topic3-3";
            const auto a =
                run(AssignorKind::Sticky, topics,
                    {member("consumer1", c1topics, c1owned, 1), member("consumer2", c2topics, c2owned, 2),
                     member("consumer3", all, c3owned, 2)});
            for (const auto& entry : a)
                CHECK(entry.second.size() == 4);
            CHECK(containsAll(parts(c2owned), a.at("consumer2")));
            CHECK(containsAll(parts(c3owned), a.at("consumer3")));
        }
    }

    TEST_CASE("AbstractStickyAssignorTest.testSubscriptionNotEqualAndAssignSamePartitionWith3Generation") {
        const std::map<std::string, std::int32_t> topics{{"topic", 6}, {"topic1", 1}};
        const int orders[6][3] = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}};
        for (const auto& gens : orders) {
            CAPTURE(gens[0]);
            CAPTURE(gens[1]);
            CAPTURE(gens[2]);
            const auto a = run(AssignorKind::Sticky, topics,
                               {member("consumer1", {"topic"}, "topic-0 topic-2", gens[0]),
                                member("consumer2", {"topic"}, "topic-1 topic-2 topic-3", gens[1]),
                                member("consumer3", {"topic"}, "topic-2 topic-4 topic-5", gens[2]),
                                member("consumer4", {"topic1"}, "topic1-0", 2)});
            std::set<TopicPartition> seen;
            for (const auto& [id, list] : a) {
                CHECK(list.size() >= 1);
                CHECK(list.size() <= 2);
                for (const TopicPartition& p : list)
                    CHECK(seen.insert(p).second);
            }
        }
    }

    TEST_CASE("AbstractStickyAssignorTest.testMoveExistingAssignments (general path keeps valid owners)") {
        std::map<std::string, std::int32_t> topics;
        for (int i = 1; i <= 6; ++i)
            topics["topic" + std::to_string(i)] = 1;
        const auto a =
            run(AssignorKind::Sticky, topics,
                {member("consumer1", {"topic1", "topic2"}, "topic1-0", 1),
                 member("consumer2", {"topic1", "topic2", "topic3", "topic4"}, "topic2-0 topic3-0", 1),
                 member("consumer3", {"topic2", "topic3", "topic4", "topic5", "topic6"},
                        "topic4-0 topic5-0 topic6-0", 1)});
        CHECK(show(a) ==
              "consumer1: topic1-0 | consumer2: topic2-0 topic3-0 | consumer3: topic4-0 topic5-0 topic6-0");
        CHECK(balanceProblem(a) == "");
    }

    TEST_CASE("CooperativeStickyAssignorTest.testAssignorWithOldVersionSubscriptions") {
        const auto a =
            run(AssignorKind::CooperativeSticky, {{"topic1", 3}},
                {member("consumer1", {"topic1"}, "topic1-0", 1),
                 member("consumer2", {"topic1"}, "topic1-1", 1), member("consumer3", {"topic1"}, "", 1)});
        CHECK(show(a) == "consumer1: topic1-0 | consumer2: topic1-1 | consumer3: topic1-2");
    }

    TEST_CASE("cooperative-sticky on the general path: only partitions changing owner are held back") {
        // consumer1 drops topic2, so its topic2-0 must move to consumer2 (general path, unequal
        // subscriptions); to balance 2/2 the sticky assignment also moves topic1-1 the other way.
        const std::vector<MemberSubscription> members{
            member("consumer1", {"topic1"}, "topic1-0 topic2-0", 1),
            member("consumer2", {"topic1", "topic2"}, "topic1-1", 1)};
        const std::map<std::string, std::int32_t> topics{{"topic1", 2}, {"topic2", 2}};
        CHECK(show(run(AssignorKind::Sticky, topics, members)) ==
              "consumer1: topic1-0 topic1-1 | consumer2: topic2-0 topic2-1");
        // Both moves wait for the revocation; topic2-1 was nobody's and is handed out at once.
        CHECK(show(run(AssignorKind::CooperativeSticky, topics, members)) ==
              "consumer1: topic1-0 | consumer2: topic2-1");
    }

    TEST_CASE(
        "a previous owner of an older generation gets back partitions of a topic it dropped - as upstream") {
        // consumer3 (generation 1) used to own t2-0..t2-2 but now only subscribes to t1. The general path
        // moves t2-0..t2-2 "back" to it to improve the balance, without checking its subscription: the
        // kafka-clients 4.3.1 classes give exactly this answer.
        const auto a =
            run(AssignorKind::Sticky, {{"t1", 1}, {"t2", 6}},
                {member("consumer1", {"t2"}, "t2-0 t2-1 t2-2 t2-3 t2-4 t2-5", 2),
                 member("consumer2", {"t1", "t2"}, "", 2), member("consumer3", {"t1"}, "t2-0 t2-1 t2-2", 1)});
        CHECK(show(a) == "consumer1: t2-4 t2-5 | consumer2: t1-0 t2-3 | consumer3: t2-0 t2-1 t2-2");
    }

    TEST_CASE("the issue's reproducer: ties broken in Java's HashMap order over member ids") {
        // fluxolab-cli assign --strategy sticky --topics t:7 --member c1=t --member c10=t --member c2=t
        //   --owned c1=t-0,t-1,t-2 --owned c10=t-3,t-4,t-5 --owned c2=t-6 (kafka-clients 4.3.1's answer).
        const auto a = run(AssignorKind::Sticky, {{"t", 7}},
                           {member("c1", {"t"}, "t-0 t-1 t-2", 1), member("c10", {"t"}, "t-3 t-4 t-5", 1),
                            member("c2", {"t"}, "t-6", 1)});
        CHECK(show(a) == "c1: t-0 t-1 | c10: t-3 t-4 t-5 | c2: t-2 t-6");
    }

    // ---- deliberate differences from upstream (see sim/assignors.cpp)
    // --------------------------------------------

    TEST_CASE("differences from upstream where upstream would produce an invalid assignment") {
        SUBCASE("a member without topics does not make the subscriptions look equal") {
            // Upstream starts comparing at the first non-empty subscription; in member-id order "a-empty"
            // comes first and would be counted as subscribed to t, receiving a third of it.
            const auto a = run(AssignorKind::Sticky, {{"t", 3}},
                               {member("a-empty", {}), member("b", {"t"}), member("c", {"t"})});
            CHECK(show(a) == "a-empty: | b: t-0 t-2 | c: t-1");
        }
    }

    // ---- properties over generated groups
    // -----------------------------------------------------------------------

    TEST_CASE("property: every subscribed partition is assigned exactly once - to a subscriber") {
        for (AssignorKind kind : {AssignorKind::Range, AssignorKind::RoundRobin, AssignorKind::Sticky}) {
            CAPTURE(assignorName(kind));
            Lcg rng(0x5eed0001u + static_cast<std::uint64_t>(kind));
            for (int i = 0; i < kGeneratedCases; ++i) {
                const GeneratedGroup g = generateGroup(rng, rng.oneIn(3), Ownership::Arbitrary);
                CAPTURE(describe(g));
                CHECK(validityProblem(g, run(kind, g.topics, g.members), true) == "");
            }
        }
    }

    TEST_CASE("property: sticky is balanced") {
        SUBCASE("all members share the subscription: counts differ by at most one") {
            Lcg rng(0x5eed0002u);
            for (int i = 0; i < kGeneratedCases; ++i) {
                const GeneratedGroup g = generateGroup(rng, true, Ownership::Arbitrary);
                CAPTURE(describe(g));
                CHECK(fullyBalanced(run(AssignorKind::Sticky, g.topics, g.members)));
            }
        }
        SUBCASE("different subscriptions: no partition could move to a member with two fewer") {
            Lcg rng(0x5eed0003u);
            for (int i = 0; i < kGeneratedCases; ++i) {
                const GeneratedGroup g =
                    generateGroup(rng, false, rng.oneIn(2) ? Ownership::None : Ownership::SingleOwner);
                CAPTURE(describe(g));
                CHECK(balanceProblem(run(AssignorKind::Sticky, g.topics, g.members)) == "");
            }
        }
    }

    TEST_CASE("property: sticky keeps owned partitions when the quota allows") {
        Lcg rng(0x5eed0004u);
        for (int i = 0; i < kGeneratedCases; ++i) {
            const GeneratedGroup g = generateGroup(rng, true, Ownership::SingleOwner);
            CAPTURE(describe(g));
            const auto a = run(AssignorKind::Sticky, g.topics, g.members);
            std::size_t total = 0;
            for (const auto& [topic, count] : g.topics)
                if (subscribes(g.members.front(), topic)) total += static_cast<std::size_t>(count);
            const std::size_t min_quota = total / g.members.size();
            for (const MemberSubscription& m : g.members) {
                // Only owned partitions of subscribed topics can be kept.
                const auto keepable = static_cast<std::size_t>(
                    std::count_if(m.owned.begin(), m.owned.end(),
                                  [&](const TopicPartition& p) { return subscribes(m, p.topic); }));
                const auto kept = static_cast<std::size_t>(
                    std::count_if(m.owned.begin(), m.owned.end(),
                                  [&](const TopicPartition& p) { return contains(a.at(m.member_id), p); }));
                CAPTURE(m.member_id);
                CHECK(kept >= std::min(keepable, min_quota));
            }
        }
    }

    TEST_CASE("property: cooperative-sticky never hands out a partition another member still owns") {
        Lcg rng(0x5eed0005u);
        for (int i = 0; i < kGeneratedCases; ++i) {
            GeneratedGroup g = generateGroup(rng, rng.oneIn(2), Ownership::SingleOwner);
            CAPTURE(describe(g));
            auto a = run(AssignorKind::CooperativeSticky, g.topics, g.members);
            const auto eager = run(AssignorKind::Sticky, g.topics, g.members);
            CHECK(validityProblem(g, a, false) == "");
            for (const auto& [id, list] : a)
                CHECK(containsAll(eager.at(id), list)); // only removals

            std::map<TopicPartition, std::string> owner;
            for (const MemberSubscription& m : g.members)
                for (const TopicPartition& p : m.owned)
                    owner[p] = m.member_id;
            for (const auto& [id, list] : a)
                for (const TopicPartition& p : list) {
                    const auto o = owner.find(p);
                    CHECK((o == owner.end() || o->second == id));
                }

            // The follow-up rebalances (members now own what they were given) settle on a complete
            // assignment.
            int rebalances = 0;
            for (bool revoked = true; revoked && rebalances <= 4; ++rebalances) {
                revoked = false;
                for (MemberSubscription& m : g.members) {
                    for (const TopicPartition& p : m.owned)
                        if (!contains(a.at(m.member_id), p)) revoked = true;
                    m.owned = a.at(m.member_id);
                    ++m.generation;
                }
                if (revoked) a = run(AssignorKind::CooperativeSticky, g.topics, g.members);
            }
            CHECK(rebalances <= 4);
            CHECK(validityProblem(g, a, true) == "");
        }
    }

    TEST_CASE("property: deterministic and independent of the member order") {
        for (AssignorKind kind : {AssignorKind::Range, AssignorKind::RoundRobin, AssignorKind::Sticky,
                                  AssignorKind::CooperativeSticky}) {
            CAPTURE(assignorName(kind));
            Lcg rng(0x5eed0006u + static_cast<std::uint64_t>(kind));
            for (int i = 0; i < kGeneratedCases / 3; ++i) {
                const GeneratedGroup g = generateGroup(rng, rng.oneIn(2), Ownership::Arbitrary);
                CAPTURE(describe(g));
                const std::string once = show(run(kind, g.topics, g.members));
                CHECK(show(run(kind, g.topics, g.members)) == once);
                std::vector<MemberSubscription> reversed(g.members.rbegin(), g.members.rend());
                CHECK(show(run(kind, g.topics, reversed)) == once);
            }
        }
    }

} // TEST_SUITE
