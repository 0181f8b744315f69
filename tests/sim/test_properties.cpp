// Invariants over many random scenarios with broker and consumer failures, checked after every event.
#include "sim/kafka/controller.h"
#include "sim/scenario.h"
#include "sim/timeline.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace fluxolab::sim;

namespace {

Scenario randomScenario(std::uint64_t seed, TimeMs duration_ms = 40000) {
    Rng r(seed * 7919 + 13);
    Scenario s;
    s.name = "random-" + std::to_string(seed);
    s.duration_ms = duration_ms;
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
            // The partition's log end is its leader's: a truncation, or a new leader with a shorter log
            // (the old leader, down, truncates only when it is back).
            if (e.type == EventType::LogTruncated || e.type == EventType::LeaderElected)
                truncated_since.insert({j.topicName(e.topic), e.partition});
        }
        for (const auto& [name, t] : s.topics()) {
            if (t.internal) continue; // __consumer_offsets carries no records in the simulation
            for (const auto& p : t.partitions) {
                const Offset leo = p.leaderLeo();
                if (p.high_watermark > leo) fail(s, name + ": HW above the log end");
                if (p.log_start > p.high_watermark) fail(s, name + ": log start above HW");
                for (const auto& r : p.replica_state) {
                    if (r.hw > r.leo) fail(s, name + ": replica HW above its LEO");
                    if (r.leo > leo && r.diverged_at < 0) fail(s, name + ": replica LEO above the leader's log");
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

/// Offsets are contiguous by construction (records[i] has offset log_start + i); per idempotent
/// producer, sequence numbers strictly increase along each log (no duplicate, no reordering). Without
/// idempotence (acks=0 or 1 here) Kafka promises neither: with up to 5 requests in flight a retried batch
/// can land after a later one, and a retry after a lost answer duplicates.
void checkSequences(const Simulation& s, const Scenario& sc, std::vector<std::string>& failures) {
    std::set<std::uint32_t> idempotent; // Record::producer: the scenario's producers were added first, in order
    for (std::size_t i = 0; i < sc.producers.size(); ++i)
        if (sc.producers[i].config.enable_idempotence && sc.producers[i].config.acks == Acks::All)
            idempotent.insert(static_cast<std::uint32_t>(i + 1));
    for (const auto& [name, t] : s.topics())
        for (const auto& p : t.partitions) {
            std::map<std::uint32_t, std::uint32_t> lastSeq;
            for (const auto& rec : p.records) {
                if (!rec.producer || !idempotent.count(rec.producer)) continue;
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

/// Liveness, checked on a run sampled every 100 ms of virtual time.
///
/// Producers. A partition is writable while its leader runs and is not fenced and its ISR holds at
/// least min(min.insync.replicas, replication factor) replicas. A producer that holds records for a
/// writable partition appends to it within kProducerBound. Why that bound: a batch can wait on the
/// leader for the high watermark while a follower that died is still in the ISR, until the leader
/// drops it (replica.lag.time.max.ms, checked every half of it: 1.5 x 10 s here); then it is answered,
/// or it failed meanwhile and is retried after its backoff (exponential, at most retry.backoff.max.ms,
/// 1 s); a producer whose connection to the old leader failed learns of a new leader at the metadata
/// refresh after its next connection attempt (at most reconnect.backoff.max.ms, 1 s, + 2 ms); a new
/// batch lingers linger.ms (5 ms); each step costs a few network delays (<= 3 ms). Its batch may also
/// share a Produce request with a batch of another partition of that leader, and the broker answers a
/// request once every partition of it is answered (one DelayedProduce): that other partition may itself
/// wait for the high watermark while a dead follower is in its ISR (1.5 x 10 s more). Anything that
/// resets the partition's leader or ISR restarts the clock (the partition stopped being writable in between).
///
/// Groups. After the last fault (the last broker/consumer action, or the end of a pause), a group
/// with live members is Stable with every live member in its generation and every subscribed
/// partition owned once within kGroupBound, and then consuming: a member behind the high watermark
/// fetches within 2 s. Why that bound: a crashed member is noticed after session.timeout.ms (6 s); a
/// rebalance waits for the members up to the rebalance timeout, max.poll.interval.ms (8 s); an Empty
/// group first waits group.initial.rebalance.delay.ms (3 s); members learn of a rebalance by their
/// next heartbeat (1 s) and join at their next poll (<= 0.3 s), twice for cooperative-sticky;
/// a coordinator on a broker that crashed moves after broker.session.timeout.ms (3 s), counted from
/// the activation of a new controller if the crashed broker was the controller (a new one is elected
/// within kControllerBound and does not know the last heartbeats: BrokerHeartbeatManager). Plus 2 s.
///
/// Controller. Nothing the controller does (fencing, leader elections, ISR changes) happens without one,
/// so a partition is not writable while there is none, and its clock restarts when one is elected.
/// Once a majority of the voters runs, there is an active controller within kControllerBound:
/// controller.quorum.fetch.timeout.ms (2 s, for the followers to notice the leader is gone) +
/// controller.quorum.election.timeout.ms (1 s, the randomised wait) + a PreVote and a Vote round trip
/// (4 x 3 ms) + quorum.append.linger.ms (25 ms) (sim/kafka/controller.h).
constexpr TimeMs kControllerBound = fluxolab::sim::kafka::controllerElectionBound(3);
constexpr TimeMs kProducerBound = 10000 + 5000 + 1000 + 1000 + 5 + 1000 + 15000;
constexpr TimeMs kGroupBound = 6000 + 8000 + 3000 + 2 * (1000 + 300) + 3000 + kControllerBound + 2000;

struct LivenessChecker {
    std::vector<std::string> failures;
    std::size_t journal_seen = 0;
    std::map<std::pair<std::int32_t, TopicPartition>, TimeMs> waiting_since; ///< (producer, tp) -> since
    std::int64_t producer_progress = 0; ///< stalls checked and resolved in time (the check is exercised)

    void fail(const std::string& what) {
        if (failures.size() < 5) failures.push_back(what);
    }

    static bool writable(const Simulation& s, const std::string& topic, const PartitionState& p) {
        if (p.leader < 0 || s.controllerId() < 0) return false;
        const BrokerState& b = s.brokers()[static_cast<std::size_t>(p.leader - 1)];
        if (!b.alive || b.fenced) return false;
        const TopicState* t = s.topic(topic);
        const auto rf = static_cast<std::int32_t>(p.replicas.size());
        return static_cast<std::int32_t>(p.isr.size()) >= std::min(t->min_insync_replicas, rf);
    }

    void sample(const Simulation& s) {
        const Journal& j = s.journal();
        for (; journal_seen < j.size(); ++journal_seen) {
            const Event& e = j[journal_seen];
            switch (e.type) {
            case EventType::RecordsAppended:
                if (e.actor >= 0) {
                    const auto it = waiting_since.find({e.actor, TopicPartition{j.topicName(e.topic), e.partition}});
                    if (it != waiting_since.end()) {
                        ++producer_progress;
                        waiting_since.erase(it);
                    }
                }
                break;
            case EventType::LeaderElected:
            case EventType::IsrShrunk:
            case EventType::IsrExpanded:
            case EventType::LogTruncated: {
                const TopicPartition tp{j.topicName(e.topic), e.partition};
                std::erase_if(waiting_since, [&](const auto& x) { return x.first.second == tp; });
                break;
            }
            case EventType::BrokerStopped:
            case EventType::BrokerStarted:
            case EventType::BrokerFenced:
            case EventType::ControllerElected: waiting_since.clear(); break;
            default: break;
            }
        }
        for (std::int32_t pr = 0; pr < s.producerCount(); ++pr) {
            const auto pending = s.pendingPartitions(pr);
            std::erase_if(waiting_since, [&](const auto& x) {
                return x.first.first == pr && !std::binary_search(pending.begin(), pending.end(), x.first.second);
            });
            for (const auto& tp : pending) {
                const PartitionState* p = s.partition(tp);
                const auto key = std::make_pair(pr, tp);
                if (!p || !writable(s, tp.topic, *p)) {
                    waiting_since.erase(key);
                    continue;
                }
                const TimeMs since = waiting_since.emplace(key, s.now()).first->second;
                if (s.now() - since > kProducerBound) {
                    fail("t=" + std::to_string(s.now()) + ": producer " + s.producerClientId(pr) + " has not appended to " +
                         tp.str() + " for " + std::to_string(s.now() - since) + " ms while it was writable");
                    waiting_since.erase(key);
                }
            }
        }
    }

    /// Settled: Stable under a live coordinator, every live subscribed consumer a member in the
    /// group's generation, every subscribed partition owned by exactly one member.
    static bool settled(const Simulation& s, const std::string& group_id, std::string* why) {
        const GroupStateData* g = s.group(group_id);
        std::vector<const ConsumerState*> live;
        for (const auto& c : s.consumers())
            if (c.phase != ConsumerPhase::Closed && c.subscribed && c.config.group_id == group_id) live.push_back(&c);
        if (live.empty()) return true;
        auto no = [&](const std::string& w) {
            if (why) *why = w;
            return false;
        };
        if (s.controllerId() < 0) return no("no active controller");
        if (!g) return no("no group");
        if (g->coordinator < 0 || !s.brokers()[static_cast<std::size_t>(g->coordinator - 1)].alive || !g->loaded)
            return no("no live coordinator");
        if (g->state != GroupState::Stable) return no(std::string("state ") + groupStateName(g->state));
        std::set<std::string> subscribed;
        std::map<TopicPartition, int> owners;
        for (const ConsumerState* c : live) {
            const MemberState* m = g->member(c->member_id);
            if (!m) return no(c->client_id + " is not a member");
            if (c->phase != ConsumerPhase::Stable || c->generation != g->generation || c->rejoin_needed)
                return no(c->client_id + " is not in the group's generation");
            subscribed.insert(c->subscription.begin(), c->subscription.end());
            for (const auto& tp : c->assigned) ++owners[tp];
        }
        for (const auto& topic : subscribed)
            if (const TopicState* t = s.topic(topic))
                for (const auto& p : t->partitions) {
                    const auto it = owners.find(TopicPartition{topic, p.partition});
                    if (it == owners.end() || it->second != 1) return no(topic + "-" + std::to_string(p.partition) + " not owned once");
                }
        return true;
    }
};

} // namespace

TEST_SUITE("sim/properties") {
    TEST_CASE("liveness: producers append again and groups settle and consume after any failure (200 random fault schedules)") {
        std::int64_t producerChecks = 0;
        int groupChecks = 0;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            CAPTURE(seed);
            const Scenario sc = randomScenario(seed, 80000);
            ScenarioRun run(sc, seed);
            LivenessChecker live;
            // Fault windows: every action, a pause until it ends; the group must settle in every
            // quiet window long enough for the bound (the last one always is: all brokers restart at
            // 33 s, faults stop at 32 s, pauses end by 47 s and the run lasts 80 s).
            std::vector<std::pair<TimeMs, TimeMs>> faults;
            for (const auto& a : sc.actions)
                faults.emplace_back(a.at_ms, a.at_ms + (a.kind == ScenarioAction::Kind::PauseConsumer ? a.value : 0));
            std::sort(faults.begin(), faults.end());
            std::vector<TimeMs> quietFrom;
            TimeMs end = 0;
            for (std::size_t i = 0; i < faults.size(); ++i) {
                end = std::max(end, faults[i].second);
                const TimeMs next = i + 1 < faults.size() ? faults[i + 1].first : sc.duration_ms;
                if (next - end > kGroupBound + 2500) quietFrom.push_back(end);
            }
            REQUIRE(!quietFrom.empty());
            std::size_t q = 0;
            TimeMs settledAt = -1;
            std::map<TopicPartition, std::pair<Offset, Offset>> behind; // tp -> (position, HW) when settled
            std::string why;
            for (TimeMs t = 100; t <= sc.duration_ms; t += 100) {
                run.runUntil(t);
                live.sample(run.sim());
                if (q >= quietFrom.size() || t <= quietFrom[q]) continue;
                const Simulation& s = run.sim();
                if (settledAt < 0) {
                    if (LivenessChecker::settled(s, "g", &why)) {
                        settledAt = t;
                        behind.clear();
                        for (const auto& c : s.consumers())
                            if (c.phase == ConsumerPhase::Stable)
                                for (const auto& tp : c.assigned) {
                                    const auto pos = c.position.find(tp);
                                    const Offset hw = s.partition(tp) ? s.partition(tp)->high_watermark : 0;
                                    if (pos != c.position.end() && pos->second < hw) behind[tp] = {pos->second, hw};
                                }
                    } else if (t - quietFrom[q] > kGroupBound) {
                        live.fail("t=" + std::to_string(t) + ": group not settled " + std::to_string(kGroupBound) +
                                  " ms after the fault that ended at " + std::to_string(quietFrom[q]) + " ms: " + why);
                        settledAt = -2;
                    }
                } else if (settledAt >= 0 && t == settledAt + 2000) {
                    for (const auto& [tp, before] : behind) {
                        Offset now = -1;
                        for (const auto& c : s.consumers())
                            if (c.phase != ConsumerPhase::Closed)
                                if (const auto pos = c.position.find(tp); pos != c.position.end()) now = std::max(now, pos->second);
                        if (now <= before.first)
                            live.fail("t=" + std::to_string(t) + ": " + tp.str() + " owned but not consumed for 2 s (position " +
                                      std::to_string(before.first) + ", HW " + std::to_string(before.second) + ")");
                    }
                    ++groupChecks;
                    ++q;
                    settledAt = -1;
                }
                if (settledAt == -2) {
                    ++q;
                    settledAt = -1;
                }
            }
            for (const auto& f : live.failures) FAIL_CHECK(f);
            producerChecks += live.producer_progress;
        }
        // The checks were exercised: producers recovered from waits, groups settled in quiet windows.
        CHECK(producerChecks > 1000);
        CHECK(groupChecks >= 200);
    }

    TEST_CASE("a broker's restart over 200 random fault schedules: nothing happens on a down broker, unfenced on time, back in every ISR") {
        // KRaft restart (docs/simulation.md): BrokerRegistration and its commit, a heartbeat that finds it
        // caught up (fetchers start), a wantFence=false heartbeat and its commit: unfenced at
        // T + 9 x network delay + 2 x quorum.append.linger.ms (25). A replica rejoins the ISR at the first
        // fetch, after that, that reaches the HW (the fetch waits at most replica.fetch.wait.max.ms, 500)
        // plus the AlterPartition round trip (4 x delay + 25); catching up takes one fetch per 4096 records.
        constexpr TimeMs kLinger = 25;
        TimeMs worstRejoin = 0;
        int restarts = 0, rejoins = 0;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            CAPTURE(seed);
            const Scenario sc = randomScenario(seed, 45000);
            const TimeMs d = sc.cluster.network_delay_ms;
            ScenarioRun run(sc, seed);
            run.runToEnd();
            const Simulation& sim = run.sim();
            const Journal& j = sim.journal();
            std::vector<char> alive(static_cast<std::size_t>(sc.cluster.brokers) + 1, 1);
            std::vector<char> fenced(alive.size(), 0);
            std::vector<TimeMs> startedAt(alive.size(), -1);
            // When the broker's current incarnation registered: at its start if there was an active
            // controller, else (and again if the controller changed before it was unfenced) when the
            // next controller was elected (activateController).
            std::vector<TimeMs> registeredAt(alive.size(), -1);
            BrokerId controller = -1;
            for (const Event& e : j.events()) {
                const auto b = static_cast<std::size_t>(std::max(e.broker, 0));
                switch (e.type) {
                case EventType::ControllerElected:
                    controller = e.broker;
                    if (controller >= 0) {
                        CHECK(alive[b]); // the controller is a live node
                        for (std::size_t x = 1; x < alive.size(); ++x)
                            if (alive[x] && startedAt[x] >= 0 && (fenced[x] || registeredAt[x] < 0)) registeredAt[x] = e.time;
                    }
                    break;
                case EventType::BrokerStarted:
                    if (e.time > 0) {
                        // a restarted broker starts fenced (its old incarnation fenced as it registers),
                        // or waits for a controller to register with
                        CHECK((fenced[b] || controller < 0));
                        startedAt[b] = e.time;
                        registeredAt[b] = controller >= 0 ? e.time : -1;
                        ++restarts;
                    }
                    alive[b] = 1;
                    break;
                case EventType::BrokerStopped:
                    alive[b] = 0;
                    startedAt[b] = -1;
                    registeredAt[b] = -1;
                    break;
                case EventType::BrokerFenced: fenced[b] = 1; break;
                case EventType::BrokerUnfenced:
                    CHECK(alive[b]);
                    CHECK(controller >= 0);
                    CHECK(e.time == registeredAt[b] + 9 * d + 2 * kLinger);
                    fenced[b] = 0;
                    break;
                case EventType::ReplicaFetched:
                case EventType::LogTruncated:
                case EventType::RecordsAppended:
                    CHECK_MESSAGE(alive[b], "t=", e.time, " event type ", static_cast<int>(e.type), " on down broker ", e.broker);
                    break;
                case EventType::LeaderElected:
                    if (e.broker >= 0) CHECK_MESSAGE((alive[b] && !fenced[b]), "t=", e.time, " leader ", e.broker);
                    break;
                case EventType::IsrExpanded:
                    CHECK_MESSAGE(!fenced[b], "t=", e.time, " fenced broker ", e.broker, " added to an ISR");
                    break;
                default: break;
                }
            }
            // All brokers restart at 33 s and stay up: every partition with a leader has its whole
            // assignment in the ISR again, and each rejoin came within the bound.
            for (const auto& [topicName, t] : sim.topics()) {
                if (t.internal) continue;
                const std::string& name = topicName; // doctest's CAPTURE is a lambda: Clang 14 cannot capture a binding
                for (const auto& p : t.partitions) {
                    if (p.leader < 0) continue;
                    for (BrokerId b : p.replicas) {
                        CAPTURE(name);
                        CAPTURE(b);
                        CHECK(p.inIsr(b));
                    }
                }
            }
            for (const Event& e : j.events())
                if (e.type == EventType::IsrExpanded && e.time > 33000 && startedAt[static_cast<std::size_t>(e.broker)] == 33000) {
                    worstRejoin = std::max(worstRejoin, e.time - 33000);
                    ++rejoins;
                }
        }
        MESSAGE("restarts: ", restarts, ", rejoins after 33 s: ", rejoins, ", slowest restart -> ISR: ", worstRejoin, " ms");
        CHECK(restarts > 200);
        CHECK(rejoins > 100);
        // a controller if none (majority regained: election timeout + jitter + 4 x 3 + 25, within
        // kControllerBound) + unfenced (9 x 3 + 50) + a waiting fetch (500 + 2 x 3) + AlterPartition
        // (4 x 3 + 25) + catch-up fetches
        CHECK(worstRejoin <= kControllerBound + 77 + 506 + 37 + 1000);
    }

    TEST_CASE("KRaft controller over 200 random fault schedules: one at a time, a live node, back within the bound once a majority runs") {
        // Checked after every event (sim/kafka/controller.h): the controller, if any, is a live node;
        // the journal's controller_elected events give each epoch one leader, and a new one only after
        // the previous one is gone (at most one controller at any moment); a leader without a majority
        // of live voters resigns within controller.quorum.fetch.timeout.ms; and while a majority runs,
        // the quorum is never without a controller for more than kControllerBound.
        int elections = 0, losses = 0, quorumLosses = 0;
        TimeMs worstElection = 0;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            CAPTURE(seed);
            const Scenario sc = randomScenario(seed);
            ScenarioRun run(sc, seed);
            std::vector<std::string> failures;
            auto fail = [&](const Simulation& sim, const std::string& what) {
                if (failures.size() < 5) failures.push_back("t=" + std::to_string(sim.now()) + ": " + what);
            };
            std::size_t seen = 0;
            BrokerId folded = 1;
            std::int32_t epoch = 1;
            TimeMs headlessSince = -1;   ///< a majority runs and there is no controller, since
            TimeMs minoritySince = -1;   ///< fewer than a majority of the voters run, since
            run.sim().afterEvent = [&](const Simulation& sim) {
                const Journal& j = sim.journal();
                for (; seen < j.size(); ++seen) {
                    const Event& e = j[seen];
                    if (e.type != EventType::ControllerElected || e.time == 0) continue;
                    if (e.broker >= 0) {
                        if (folded >= 0) fail(sim, "controller " + std::to_string(e.broker) + " elected while " + std::to_string(folded) + " still is");
                        if (e.a != epoch + 1) fail(sim, "epoch " + std::to_string(e.a) + " after " + std::to_string(epoch));
                        ++elections;
                    } else {
                        if (folded < 0) fail(sim, "a controller lost twice");
                        if (e.a != epoch) fail(sim, "lost in another epoch");
                        ++losses;
                    }
                    folded = e.broker;
                    epoch = static_cast<std::int32_t>(e.a);
                }
                if (folded != sim.controllerId()) fail(sim, "the journal's controller is not the simulation's");
                std::int32_t live = 0;
                for (const auto& b : sim.brokers()) live += b.alive ? 1 : 0;
                const bool majority = fluxolab::sim::kafka::quorumMajority(live, static_cast<std::int32_t>(sim.brokers().size()));
                const BrokerId c = sim.controllerId();
                if (c >= 0 && !sim.brokers()[static_cast<std::size_t>(c - 1)].alive) fail(sim, "controller " + std::to_string(c) + " is not a live node");
                if (!majority) {
                    if (minoritySince < 0) {
                        minoritySince = sim.now();
                        ++quorumLosses;
                    }
                    if (c >= 0 && sim.now() - minoritySince > fluxolab::sim::kafka::kQuorumFetchTimeoutMs)
                        fail(sim, "a controller without a majority of live voters for more than the fetch timeout");
                } else {
                    minoritySince = -1;
                }
                if (c < 0 && majority) {
                    if (headlessSince < 0) headlessSince = sim.now();
                    if (sim.now() - headlessSince > kControllerBound)
                        fail(sim, "no controller for " + std::to_string(sim.now() - headlessSince) + " ms with a majority running");
                } else if (headlessSince >= 0) {
                    worstElection = std::max(worstElection, sim.now() - headlessSince);
                    headlessSince = -1;
                }
            };
            run.runToEnd();
            for (const auto& f : failures) FAIL_CHECK(f);
        }
        MESSAGE("elections: ", elections, ", controllers lost: ", losses, ", quorum majorities lost: ", quorumLosses,
                ", slowest election with a majority running: ", worstElection, " ms (bound ", kControllerBound, ")");
        CHECK(elections >= 100); // the schedules really exercise failover
        CHECK(quorumLosses >= 20); // and the loss of the majority
        CHECK(worstElection > kControllerBound / 2);
    }

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
            checkSequences(run.sim(), sc, checker.failures);
            for (const auto& f : checker.failures) FAIL_CHECK(f);
            const GroupStateData* g = run.sim().group("g");
            if (g && g->state == GroupState::Stable) ++stableGroups;
        }
        CHECK(stableGroups > 100); // the scenarios really exercise settled groups
    }

    TEST_CASE("journal determinism: same seed - same hash - different seeds - different hashes") {
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
