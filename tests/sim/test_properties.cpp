// Invariants over many random scenarios with broker and consumer failures, checked after every event.
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace fluxolab::sim;

namespace {

Scenario randomScenario(std::uint64_t seed) {
    Rng r(seed * 7919 + 13);
    Scenario s;
    s.name = "random-" + std::to_string(seed);
    s.duration_ms = 40000;
    s.cluster.brokers = static_cast<std::int32_t>(r.between(1, 5));
    s.cluster.defaults.replica_lag_time_max_ms = 10000;
    s.cluster.defaults.broker_session_timeout_ms = 3000;
    s.cluster.defaults.group_initial_rebalance_delay_ms = r.chance(0.5) ? 0 : 3000;
    s.cluster.network_delay_ms = r.between(0, 3);
    const std::int32_t topics = static_cast<std::int32_t>(r.between(1, 2));
    for (std::int32_t t = 0; t < topics; ++t) {
        ScenarioTopic st;
        st.name = "t" + std::to_string(t);
        st.partitions = static_cast<std::int32_t>(r.between(1, 8));
        st.replication_factor = static_cast<std::int32_t>(r.between(1, std::min(3, s.cluster.brokers)));
        st.configs["min.insync.replicas"] = std::to_string(r.between(1, st.replication_factor));
        s.topics.push_back(st);
    }
    const auto producers = r.between(1, 2);
    for (std::int64_t i = 0; i < producers; ++i) {
        ScenarioProducer p;
        p.id = "p" + std::to_string(i);
        p.topic = s.topics[r.below(s.topics.size())].name;
        p.rate_per_sec = static_cast<double>(r.between(5, 150));
        p.keys.kind = r.chance(0.2) ? KeySpec::Kind::Null : KeySpec::Kind::Uniform;
        p.keys.count = static_cast<std::int32_t>(r.between(1, 20));
        const auto acks = r.below(3);
        p.config.acks = acks == 0 ? Acks::None : acks == 1 ? Acks::Leader : Acks::All;
        p.config.client_id = p.id;
        p.config.delivery_timeout_ms = 20000;
        s.producers.push_back(p);
    }
    const std::vector<std::vector<AssignorKind>> choices = {
        {AssignorKind::Range, AssignorKind::CooperativeSticky},
        {AssignorKind::RoundRobin},
        {AssignorKind::Sticky},
        {AssignorKind::CooperativeSticky}};
    const auto& assignors = choices[r.below(choices.size())];
    auto makeConsumer = [&](const std::string& id, TimeMs start) {
        ScenarioConsumer c;
        c.id = id;
        c.config.group_id = "g";
        c.config.assignors = assignors;
        c.config.session_timeout_ms = 6000;
        c.config.heartbeat_interval_ms = 1000;
        c.config.max_poll_interval_ms = 8000;
        c.config.auto_commit_interval_ms = 1000;
        c.config.auto_offset_reset = r.chance(0.5) ? OffsetReset::Earliest : OffsetReset::Latest;
        c.config.poll_interval_ms = r.between(20, 300);
        for (const auto& t : s.topics)
            if (c.topics.empty() || r.chance(0.5)) c.topics.push_back(t.name);
        c.start_ms = start;
        return c;
    };
    const auto consumers = r.between(1, 4);
    for (std::int64_t i = 0; i < consumers; ++i) s.consumers.push_back(makeConsumer("c" + std::to_string(i), r.between(0, 3000)));
    const auto actions = r.between(2, 7);
    for (std::int64_t i = 0; i < actions; ++i) {
        ScenarioAction a;
        a.at_ms = r.between(2000, 32000);
        switch (r.below(7)) {
        case 0: a.kind = ScenarioAction::Kind::StopBroker; a.broker = static_cast<BrokerId>(r.between(1, s.cluster.brokers)); break;
        case 1: a.kind = ScenarioAction::Kind::CrashBroker; a.broker = static_cast<BrokerId>(r.between(1, s.cluster.brokers)); break;
        case 2: a.kind = ScenarioAction::Kind::StartBroker; a.broker = static_cast<BrokerId>(r.between(1, s.cluster.brokers)); break;
        case 3:
            a.kind = ScenarioAction::Kind::AddConsumer;
            a.consumer = makeConsumer("x" + std::to_string(i), a.at_ms);
            break;
        case 4: a.kind = ScenarioAction::Kind::RemoveConsumer; a.target = "c" + std::to_string(r.below(static_cast<std::uint64_t>(consumers))); break;
        case 5: a.kind = ScenarioAction::Kind::CrashConsumer; a.target = "c" + std::to_string(r.below(static_cast<std::uint64_t>(consumers))); break;
        default:
            a.kind = ScenarioAction::Kind::PauseConsumer;
            a.target = "c" + std::to_string(r.below(static_cast<std::uint64_t>(consumers)));
            a.value = r.between(1000, 15000);
            break;
        }
        s.actions.push_back(a);
    }
    std::stable_sort(s.actions.begin(), s.actions.end(), [](const auto& x, const auto& y) { return x.at_ms < y.at_ms; });
    // Everything comes back before the end so the group can settle.
    for (BrokerId b = 1; b <= s.cluster.brokers; ++b) {
        ScenarioAction a;
        a.at_ms = 33000;
        a.kind = ScenarioAction::Kind::StartBroker;
        a.broker = b;
        s.actions.push_back(a);
    }
    return s;
}

/// Checks run after every processed event.
struct Checker {
    std::map<std::pair<std::string, std::int32_t>, Offset> leo_seen;
    std::size_t journal_seen = 0;
    std::set<std::pair<std::string, std::int32_t>> truncated_since;
    std::vector<std::string> failures;
    void fail(const Simulation& s, const std::string& what) {
        if (failures.size() < 5) failures.push_back("t=" + std::to_string(s.now()) + ": " + what);
    }

    void operator()(const Simulation& s) {
        const Journal& j = s.journal();
        for (; journal_seen < j.size(); ++journal_seen) {
            const Event& e = j[journal_seen];
            if (e.type == EventType::LogTruncated) truncated_since.insert({j.topicName(e.topic), e.partition});
        }
        for (const auto& [name, t] : s.topics()) {
            if (t.internal) continue; // __consumer_offsets carries no records in the simulation
            for (const auto& p : t.partitions) {
                const Offset leo = p.leaderLeo();
                if (p.high_watermark > leo) fail(s, name + ": HW above the log end");
                if (p.log_start > p.high_watermark) fail(s, name + ": log start above HW");
                for (const auto& r : p.replica_state) {
                    if (r.hw > r.leo) fail(s, name + ": replica HW above its LEO");
                    if (r.leo > leo) fail(s, name + ": replica LEO above the leader's log");
                }
                auto key = std::make_pair(name, p.partition);
                auto it = leo_seen.find(key);
                if (it != leo_seen.end() && leo < it->second && !truncated_since.count(key))
                    fail(s, name + ": log end went backwards without a truncation");
                leo_seen[key] = leo;
                truncated_since.erase(key);
            }
        }
        for (const auto& [gid, g] : s.groups()) {
            for (const auto& [tp, off] : g.committed) {
                const PartitionState* p = s.partition(tp);
                if (p && off > p->high_watermark) fail(s, gid + ": committed offset above the HW of " + tp.str());
            }
            checkGroup(s, g);
        }
    }

    void checkGroup(const Simulation& s, const GroupStateData& g) {
        if (g.state != GroupState::Stable || g.members.empty()) return;
        for (const auto& m : g.members) {
            const ConsumerState& c = s.consumers()[static_cast<std::size_t>(m.consumer)];
            if (c.phase != ConsumerPhase::Stable || c.generation != g.generation || c.rejoin_needed) return;
        }
        // A completed rebalance: every subscribed partition has exactly one owner among live members.
        std::set<std::string> subscribed;
        for (const auto& m : g.members) subscribed.insert(m.topics.begin(), m.topics.end());
        std::map<TopicPartition, int> owners;
        for (const auto& m : g.members) {
            const ConsumerState& c = s.consumers()[static_cast<std::size_t>(m.consumer)];
            for (const auto& tp : c.assigned) ++owners[tp];
        }
        for (const auto& topic : subscribed) {
            const TopicState* t = s.topic(topic);
            if (!t) continue;
            for (const auto& p : t->partitions) {
                const auto it = owners.find(TopicPartition{topic, p.partition});
                const int n = it == owners.end() ? 0 : it->second;
                if (n != 1) fail(s, g.id + ": partition " + topic + "-" + std::to_string(p.partition) + " has " +
                                        std::to_string(n) + " owners after a completed rebalance");
            }
        }
    }
};

/// Offsets are contiguous by construction (records[i] has offset log_start + i); per producer,
/// sequence numbers strictly increase along each log (no duplicate, no reordering).
void checkSequences(const Simulation& s, std::vector<std::string>& failures) {
    for (const auto& [name, t] : s.topics())
        for (const auto& p : t.partitions) {
            std::map<std::uint32_t, std::uint32_t> lastSeq;
            for (const auto& rec : p.records) {
                if (!rec.producer) continue;
                auto ls = lastSeq.find(rec.producer);
                if (ls != lastSeq.end() && rec.sequence <= ls->second) {
                    failures.push_back(name + "-" + std::to_string(p.partition) + ": producer sequence not increasing");
                    return;
                }
                lastSeq[rec.producer] = rec.sequence;
            }
        }
}

/// acks=all records acknowledged to a producer must stay in the log (unclean election is off).
void checkAckedRecordsKept(const Simulation& s, const Scenario& sc, std::vector<std::string>& failures) {
    std::set<std::int32_t> ackAll;
    for (std::size_t i = 0; i < sc.producers.size(); ++i)
        if (sc.producers[i].config.acks == Acks::All) ackAll.insert(static_cast<std::int32_t>(i));
    for (const auto& e : s.journal().events()) {
        if (e.type != EventType::ProduceAcked || !ackAll.count(e.actor)) continue;
        const TopicPartition tp{s.journal().topicName(e.topic), e.partition};
        const PartitionState* p = s.partition(tp);
        if (!p) continue;
        for (Offset o = e.a; o < e.a + e.b; ++o) {
            if (o >= p->leaderLeo() || o < p->log_start ||
                p->at(o).producer != static_cast<std::uint32_t>(e.actor + 1)) {
                failures.push_back("acknowledged acks=all record lost: " + tp.str() + "@" + std::to_string(o));
                return;
            }
        }
    }
}

} // namespace

TEST_SUITE("sim/properties") {
    TEST_CASE("invariants hold after every event over 200 random scenarios with failures") {
        int stableGroups = 0;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            CAPTURE(seed);
            const Scenario sc = randomScenario(seed);
            ScenarioRun run(sc, seed);
            Checker checker;
            run.sim().afterEvent = [&checker](const Simulation& s) { checker(s); };
            run.runToEnd();
            checkAckedRecordsKept(run.sim(), sc, checker.failures);
            checkSequences(run.sim(), checker.failures);
            for (const auto& f : checker.failures) FAIL_CHECK(f);
            const GroupStateData* g = run.sim().group("g");
            if (g && g->state == GroupState::Stable) ++stableGroups;
        }
        CHECK(stableGroups > 100); // the scenarios really exercise settled groups
    }

    TEST_CASE("journal determinism: same seed, same hash; different seeds, different hashes") {
        std::set<std::string> hashes;
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            const Scenario sc = randomScenario(seed);
            ScenarioRun a(sc, seed), b(sc, seed);
            a.runToEnd();
            b.runToEnd();
            const std::string ha = a.sim().journal().sha256();
            CHECK(ha == b.sim().journal().sha256());
            hashes.insert(ha);
        }
        CHECK(hashes.size() == 20);
        // Same scenario, different seeds.
        const Scenario sc = randomScenario(3);
        ScenarioRun x(sc, 1), y(sc, 2);
        x.runToEnd();
        y.runToEnd();
        CHECK(x.sim().journal().sha256() != y.sim().journal().sha256());
    }

    TEST_CASE("the journal alone rebuilds the live state (ClusterView == Simulation)") {
        for (std::uint64_t seed = 0; seed < 40; ++seed) {
            CAPTURE(seed);
            const Scenario sc = randomScenario(seed);
            ScenarioRun run(sc, seed);
            Timeline tl(run.sim().journal(), 256);
            for (TimeMs t = 5000; t <= sc.duration_ms; t += 5000) {
                run.runUntil(t);
                tl.sync();
                const Simulation& s = run.sim();
                const ClusterView& v = tl.latest();
                for (const auto& b : s.brokers()) {
                    CHECK(v.brokers[static_cast<std::size_t>(b.id - 1)].alive == b.alive);
                    CHECK(v.brokers[static_cast<std::size_t>(b.id - 1)].fenced == b.fenced);
                }
                for (const auto& [name, t] : s.topics())
                    for (const auto& p : t.partitions) {
                        const auto it = v.partitions.find({t.index, p.partition});
                        REQUIRE(it != v.partitions.end());
                        const PartitionView& pv = it->second;
                        CHECK(pv.leader == p.leader);
                        CHECK(pv.isr == p.isr);
                        CHECK(pv.high_watermark == p.high_watermark);
                        CHECK(pv.log_start == p.log_start);
                        for (std::size_t i = 0; i < p.replicas.size(); ++i) CHECK(pv.replica_leo[i] == p.replica_state[i].leo);
                    }
                for (const auto& [gid, g] : s.groups()) {
                    const GroupView& gv = v.groups.at(g.index);
                    CHECK(gv.state == g.state);
                    CHECK(gv.generation == g.generation);
                    CHECK(gv.members.size() == g.members.size());
                    CHECK(gv.coordinator == g.coordinator);
                    for (const auto& m : g.members)
                        CHECK(s.journal().string(v.consumers[static_cast<std::size_t>(m.consumer)].member_id) == m.member_id);
                    for (const auto& [tp, off] : g.committed) CHECK(gv.committed.at({s.journal().findTopic(tp.topic), tp.partition}) == off);
                }
                for (const auto& c : s.consumers()) {
                    const ConsumerView& cv = v.consumers[static_cast<std::size_t>(c.index)];
                    if (c.phase == ConsumerPhase::Closed) continue;
                    REQUIRE(cv.assigned.size() == c.assigned.size());
                    for (const auto& tp : c.assigned) {
                        const TpKey key{s.journal().findTopic(tp.topic), tp.partition};
                        auto pos = c.position.find(tp);
                        if (pos != c.position.end()) CHECK(cv.position.at(key) == pos->second);
                    }
                }
            }
        }
    }
}
