// Client-side partition assignors of the classic consumer group protocol. The algorithms follow Kafka's Java
// assignors (clients/src/main/java/org/apache/kafka/clients/consumer/{RangeAssignor,RoundRobinAssignor,
// StickyAssignor,CooperativeStickyAssignor}.java and .../internals/AbstractStickyAssignor.java at the
// snapshot named in shared/FIDELITY.md §0) step by step, because students compare the simulator with real
// consumers: "balanced" is not enough, the same partition must land on the same member.
//
// Kafka iterates HashMaps in a few places where the order changes the result (which member keeps its surplus
// partitions, which of several equal candidates wins). Those places follow Java's HashMap/HashSet iteration
// order, emulated by sim/hash.h (javaHashMapOrder, javaStringHashCode, javaTopicPartitionHash); the places
// that still use a sorted order instead are marked "HashMap order" below. tests/assignors compares all four
// assignors with the real kafka-clients 4.3.1 classes on 600 generated groups.
// Rack-aware assignment is not modelled (the simulator has no client.rack), so the rack branches of upstream
// are absent.

#include "sim/assignors.h"

#include "sim/hash.h"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <set>
#include <stdexcept>
#include <utility>

namespace fluxolab::sim {

namespace {

using PartitionList = std::vector<TopicPartition>;

/// The assignor input after the clean-up that Kafka's AbstractPartitionAssignor.assign does before calling an
/// assignor: only topics that somebody subscribes to and that have partitions take part.
struct GroupInput {
    /// topic -> partition count, only subscribed topics with at least one partition (Kafka skips topics
    /// without metadata or without partitions).
    std::map<std::string, std::int32_t> partition_counts;
    /// Members by member id. Ids are unique in a real group; a repeated id keeps its first entry.
    std::map<std::string, const MemberSubscription*> members;
    /// Each member's subscription without repeated topics, in the member's own order.
    std::map<std::string, std::vector<std::string>> topics_of;
    /// Member ids in the iteration order of the leader's HashMap<String, Subscription> (ConsumerCoordinator
    /// fills it in JoinGroup order, here the input order): the order in which upstream walks the members.
    std::vector<std::string> java_order;
};

GroupInput normalise(const std::map<std::string, std::int32_t>& partitions_per_topic,
                     const std::vector<MemberSubscription>& members) {
    GroupInput in;
    for (const MemberSubscription& member : members) {
        if (!in.members.emplace(member.member_id, &member).second) continue;
        std::vector<std::string>& topics = in.topics_of[member.member_id];
        for (const std::string& topic : member.topics) {
            if (std::find(topics.begin(), topics.end(), topic) != topics.end()) continue;
            topics.push_back(topic);
            const auto count = partitions_per_topic.find(topic);
            if (count != partitions_per_topic.end() && count->second > 0)
                in.partition_counts.emplace(topic, count->second);
        }
    }
    std::vector<std::string> input_order;
    std::vector<std::int32_t> hashes;
    for (const MemberSubscription& member : members) {
        if (std::find(input_order.begin(), input_order.end(), member.member_id) != input_order.end())
            continue;
        input_order.push_back(member.member_id);
        hashes.push_back(javaStringHashCode(member.member_id));
    }
    for (std::size_t i : javaHashMapOrder(hashes))
        in.java_order.push_back(input_order[i]);
    return in;
}

bool subscribes(const GroupInput& in, const std::string& member_id, const std::string& topic) {
    const std::vector<std::string>& topics = in.topics_of.at(member_id);
    return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

GroupAssignment emptyAssignment(const GroupInput& in) {
    GroupAssignment out;
    for (const auto& entry : in.members)
        out[entry.first];
    return out;
}

/// All partitions of the given topics, topic by topic, each topic from partition 0 up.
PartitionList partitionsOf(const std::vector<std::string>& topics, const GroupInput& in) {
    PartitionList all;
    for (const std::string& topic : topics) {
        const std::int32_t count = in.partition_counts.at(topic);
        for (std::int32_t p = 0; p < count; ++p)
            all.push_back(TopicPartition{topic, p});
    }
    return all;
}

/// AbstractPartitionAssignor.MemberInfo.compareTo: static members (group.instance.id) first, by instance id,
/// then dynamic members by member id. Two members with the same instance id cannot coexist in a real group;
/// should the input contain them anyway, the member id breaks the tie (Java would keep HashMap order).
/// std::string compares as unsigned bytes, which equals Java's String.compareTo for ASCII ids.
bool memberInfoLess(const MemberSubscription* a, const MemberSubscription* b) {
    if (a->group_instance_id && b->group_instance_id) {
        if (*a->group_instance_id != *b->group_instance_id)
            return *a->group_instance_id < *b->group_instance_id;
        return a->member_id < b->member_id;
    }
    if (a->group_instance_id) return true;
    if (b->group_instance_id) return false;
    return a->member_id < b->member_id;
}

// ---------------------------------------------------------------------------------------------------------
// Range (RangeAssignor.assignPartitions without rack matching)

GroupAssignment assignRange(const GroupInput& in) {
    GroupAssignment out = emptyAssignment(in);
    // Range works topic by topic and each topic is independent of the others, so the topic order is free.
    for (const auto& [topic, count] : in.partition_counts) {
        std::vector<const MemberSubscription*> consumers;
        for (const auto& [id, member] : in.members)
            if (subscribes(in, id, topic)) consumers.push_back(member);
        if (consumers.empty()) continue;
        std::sort(consumers.begin(), consumers.end(), memberInfoLess);

        const auto partitions = static_cast<std::size_t>(count);
        const std::size_t per_consumer = partitions / consumers.size();
        const std::size_t with_extra = partitions % consumers.size(); // the first ones get one more
        std::int32_t next = 0;
        for (std::size_t i = 0; i < consumers.size(); ++i) {
            const std::size_t n = per_consumer + (i < with_extra ? 1 : 0);
            for (std::size_t k = 0; k < n; ++k)
                out[consumers[i]->member_id].push_back(TopicPartition{topic, next++});
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------
// RoundRobin (RoundRobinAssignor.assign)

GroupAssignment assignRoundRobin(const GroupInput& in) {
    GroupAssignment out = emptyAssignment(in);
    if (in.members.empty()) return out;
    std::vector<const MemberSubscription*> circle;
    for (const auto& entry : in.members)
        circle.push_back(entry.second);
    std::sort(circle.begin(), circle.end(), memberInfoLess);

    // One cursor over the circle for all partitions of all topics in name order (Kafka's TreeSet); a member
    // that does not subscribe to the topic is skipped without consuming the partition. partition_counts only
    // holds subscribed topics, so the skipping always finds somebody.
    std::size_t cursor = 0;
    for (const auto& [topic, count] : in.partition_counts) {
        for (std::int32_t p = 0; p < count; ++p) {
            while (!subscribes(in, circle[cursor]->member_id, topic))
                cursor = (cursor + 1) % circle.size();
            out[circle[cursor]->member_id].push_back(TopicPartition{topic, p});
            cursor = (cursor + 1) % circle.size();
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------
// Sticky family (AbstractStickyAssignor)

/// Previously owned partitions after AbstractStickyAssignor.allSubscriptionsEqual has settled conflicting
/// claims: a claim from a higher generation takes the partition away from a lower one; two claims from the
/// same generation invalidate the partition for everybody (it goes to `claimed_twice`).
struct OwnershipClaims {
    std::map<std::string, PartitionList> owned; ///< member -> surviving claims, in the member's order
    std::set<TopicPartition> claimed_twice;     ///< partitionsWithMultiplePreviousOwners
    std::int32_t max_generation = -1;
};

bool isAssignable(const GroupInput& in, const TopicPartition& tp) {
    // Kafka only filters by topic. A partition number beyond the topic's count cannot come from a real
    // consumer (Kafka never shrinks topics); dropping it keeps the bookkeeping below consistent.
    const auto count = in.partition_counts.find(tp.topic);
    return count != in.partition_counts.end() && tp.partition >= 0 && tp.partition < count->second;
}

void eraseFirst(PartitionList& list, const TopicPartition& tp) {
    const auto it = std::find(list.begin(), list.end(), tp);
    if (it != list.end()) list.erase(it);
}

OwnershipClaims resolveClaims(const GroupInput& in) {
    OwnershipClaims claims;
    std::map<TopicPartition, std::string> last_claimant;
    // Upstream walks the subscriptions HashMap; with three or more claimants of one partition the outcome
    // depends on that order.
    for (const std::string& id : in.java_order) {
        const MemberSubscription* member = in.members.at(id);
        claims.max_generation = std::max(claims.max_generation, member->generation);
        PartitionList& owned = claims.owned[id];
        for (const TopicPartition& tp : member->owned) {
            if (!isAssignable(in, tp)) continue;
            const auto previous = last_claimant.find(tp);
            if (previous == last_claimant.end()) {
                owned.push_back(tp);
                last_claimant[tp] = id;
                continue;
            }
            const std::string other = previous->second;
            const std::int32_t other_generation = in.members.at(other)->generation;
            if (member->generation == other_generation) {
                claims.claimed_twice.insert(tp);
                eraseFirst(claims.owned[other], tp);
                last_claimant[tp] = id;
            } else if (member->generation > other_generation) {
                owned.push_back(tp);
                eraseFirst(claims.owned[other], tp);
                last_claimant[tp] = id;
            }
            // else: the earlier claimant has the newer generation and keeps the partition.
        }
    }
    return claims;
}

/// AbstractStickyAssignor.allSubscriptionsEqual decides between the two algorithms. Upstream starts from the
/// first non-empty subscription it meets, so a member with no topics met before the others counts as "equal"
/// and then receives partitions of topics it never subscribed to. This version requires identical topic sets,
/// which differs from upstream only in that case.
bool allSubscriptionsEqual(const GroupInput& in) {
    std::set<std::string> first;
    bool have_first = false;
    for (const auto& [id, topics] : in.topics_of) {
        const std::set<std::string> mine(topics.begin(), topics.end());
        if (!have_first) {
            first = mine;
            have_first = true;
        } else if (mine != first) {
            return false;
        }
    }
    return true;
}

/// ConstrainedAssignmentBuilder: the fast path when every member subscribes to the same topics. Members keep
/// their owned partitions up to the quota, then the rest is dealt round-robin to the members below the quota.
class ConstrainedAssignment {
public:
    ConstrainedAssignment(const GroupInput& in, const OwnershipClaims& claims) : m_in(in), m_claims(claims) {
        std::size_t total = 0;
        for (const auto& entry : in.partition_counts)
            total += static_cast<std::size_t>(entry.second);
        const std::size_t members = claims.owned.size();
        m_minQuota = total / members;
        m_maxQuota = (total + members - 1) / members;
        m_expectedOverMin = total % members;
        for (const auto& entry : claims.owned)
            m_assignment[entry.first];
    }

    GroupAssignment build() {
        assignOwnedPartitions();
        std::vector<std::string> topics;
        for (const auto& entry : m_in.partition_counts)
            topics.push_back(entry.first);
        PartitionList unassigned;
        for (const TopicPartition& tp : partitionsOf(topics, m_in)) // (topic, partition) order
            if (m_assigned.count(tp) == 0) unassigned.push_back(tp);
        std::sort(m_underMin.begin(), m_underMin.end());
        std::sort(m_exactlyMin.begin(), m_exactlyMin.end());
        assignRoundRobin(unassigned);
        return m_assignment;
    }

    /// partitionsTransferringOwnership: partition -> new owner, where somebody else may still own it.
    const std::map<TopicPartition, std::string>& transferring() const { return m_transferring; }

private:
    void keep(const std::string& consumer, PartitionList::const_iterator from,
              PartitionList::const_iterator to) {
        for (auto it = from; it != to; ++it) {
            m_assignment[consumer].push_back(*it);
            m_assigned.insert(*it);
        }
    }

    void assignOwnedPartitions() {
        // Upstream walks consumerToOwnedPartitions, a HashMap filled in the subscriptions' order, and while
        // fewer members than expected hold maxQuota partitions, the member met first keeps maxQuota.
        for (const std::string& consumer : m_in.java_order) {
            PartitionList owned = m_claims.owned.at(consumer);
            // KAFKA-16277: by partition number first, so that a member keeps a spread over the topics.
            std::stable_sort(owned.begin(), owned.end(),
                             [](const TopicPartition& a, const TopicPartition& b) {
                                 if (a.partition != b.partition) return a.partition < b.partition;
                                 return a.topic < b.topic;
                             });
            for (const TopicPartition& tp : m_claims.claimed_twice)
                eraseFirst(owned, tp);

            if (owned.size() < m_minQuota) {
                keep(consumer, owned.begin(), owned.end());
                m_underMin.push_back(consumer);
            } else if (owned.size() >= m_maxQuota && m_currentOverMin < m_expectedOverMin) {
                ++m_currentOverMin;
                if (m_currentOverMin == m_expectedOverMin) m_exactlyMin.clear();
                const auto cut = owned.begin() + static_cast<std::ptrdiff_t>(m_maxQuota);
                keep(consumer, owned.begin(), cut);
                for (auto it = cut; it != owned.end(); ++it)
                    m_maybeRevoked[*it] = consumer;
            } else {
                const auto cut = owned.begin() + static_cast<std::ptrdiff_t>(m_minQuota);
                keep(consumer, owned.begin(), cut);
                for (auto it = cut; it != owned.end(); ++it)
                    m_maybeRevoked[*it] = consumer;
                // Could still take one more if not enough members end up with maxQuota.
                if (m_currentOverMin < m_expectedOverMin) m_exactlyMin.push_back(consumer);
            }
        }
    }

    void assignRoundRobin(const PartitionList& unassigned) {
        // `next` plays the part of upstream's iterator over the under-quota list: the deal goes round that
        // list (restarting at its head) and only when it is empty do members at minQuota get one partition
        // more.
        std::size_t next = 0;
        for (const TopicPartition& tp : unassigned) {
            std::string consumer;
            bool from_under_min = true;
            if (next < m_underMin.size()) {
                consumer = m_underMin[next++];
            } else if (m_underMin.empty() && m_exactlyMin.empty()) {
                throw std::logic_error("sticky assignor: no member left below its quota"); // upstream: same
            } else if (m_underMin.empty()) {
                consumer = m_exactlyMin.front();
                m_exactlyMin.pop_front();
                from_under_min = false;
            } else {
                next = 0;
                consumer = m_underMin[next++];
            }

            const std::size_t count = assignNewPartition(tp, consumer);
            if (count == m_minQuota && from_under_min) {
                m_underMin.erase(m_underMin.begin() + static_cast<std::ptrdiff_t>(next - 1));
                --next;
                m_exactlyMin.push_back(consumer);
            } else if (count == m_maxQuota) {
                ++m_currentOverMin;
            }
        }
    }

    std::size_t assignNewPartition(const TopicPartition& tp, const std::string& consumer) {
        PartitionList& mine = m_assignment[consumer];
        mine.push_back(tp);
        // Owned partitions were all handed out already, so a partition revoked from somebody else, or claimed
        // twice, is changing hands and a cooperative member must wait until it has been released.
        const auto revoked = m_maybeRevoked.find(tp);
        if ((revoked != m_maybeRevoked.end() && revoked->second != consumer) ||
            m_claims.claimed_twice.count(tp) != 0)
            m_transferring[tp] = consumer;
        return mine.size();
    }

    const GroupInput& m_in;
    const OwnershipClaims& m_claims;
    std::size_t m_minQuota = 0;
    std::size_t m_maxQuota = 0;
    std::size_t m_expectedOverMin = 0; ///< members that must end with maxQuota (0 when min == max)
    std::size_t m_currentOverMin = 0;
    std::vector<std::string> m_underMin;  ///< unfilledMembersWithUnderMinQuotaPartitions
    std::deque<std::string> m_exactlyMin; ///< unfilledMembersWithExactlyMinQuotaPartitions
    std::map<std::string, PartitionList> m_assignment;
    std::set<TopicPartition> m_assigned;
    std::map<TopicPartition, std::string> m_maybeRevoked; ///< owned partition above quota -> its owner
    std::map<TopicPartition, std::string> m_transferring;
};

/// AbstractStickyAssignor.PartitionMovements: remembers where partitions moved during the balancing loop, so
/// that a move can undo an earlier move in the opposite direction instead of shuffling one more partition.
class PartitionMovements {
public:
    void move(const TopicPartition& tp, const std::string& from, const std::string& to) {
        const auto existing = m_byPartition.find(tp);
        if (existing == m_byPartition.end()) {
            add(tp, {from, to});
            return;
        }
        const std::string original_source = existing->second.first;
        remove(tp);
        if (original_source != to) add(tp, {original_source, to}); // moving back home leaves no record
    }

    /// Which partition to move when `tp` should go from `from` to `to`: if some partition of the same topic
    /// moved from `to` to (the original owner of) `tp` earlier, that one goes back instead.
    TopicPartition partitionToMove(const TopicPartition& tp, std::string from, const std::string& to) const {
        const auto topic = m_byTopic.find(tp.topic);
        if (topic == m_byTopic.end()) return tp;
        const auto moved = m_byPartition.find(tp);
        if (moved != m_byPartition.end()) from = moved->second.first;
        const auto reverse = topic->second.find({to, from});
        if (reverse == topic->second.end()) return tp;
        // Upstream takes iterator().next() of a HashSet<TopicPartition>: its first element in Java's order.
        return reverse->second.first();
    }

private:
    using ConsumerPair = std::pair<std::string, std::string>; // (source, destination)

    void add(const TopicPartition& tp, const ConsumerPair& pair) {
        m_byPartition[tp] = pair;
        m_byTopic[tp.topic][pair].insert(tp);
    }

    void remove(const TopicPartition& tp) {
        const ConsumerPair pair = m_byPartition.at(tp);
        m_byPartition.erase(tp);
        auto& for_topic = m_byTopic.at(tp.topic);
        auto& partitions = for_topic.at(pair);
        partitions.erase(tp);
        if (partitions.empty()) for_topic.erase(pair);
        if (for_topic.empty()) m_byTopic.erase(tp.topic);
    }

    std::map<TopicPartition, ConsumerPair> m_byPartition;
    std::map<std::string, std::map<ConsumerPair, JavaHashSet<TopicPartition, JavaTopicPartitionHashCode>>>
        m_byTopic;
};

/// GeneralAssignmentBuilder: used when subscriptions differ. Keeps valid owned partitions, gives unassigned
/// partitions to the least loaded eligible member, then moves partitions while that improves the balance.
class GeneralAssignment {
public:
    GeneralAssignment(const GroupInput& in, const OwnershipClaims& claims) : m_in(in), m_claims(claims) {
        for (const auto& entry : in.partition_counts) {
            m_topicConsumers[entry.first];
            m_totalPartitions += static_cast<std::size_t>(entry.second);
        }
        for (const auto& [id, topics] : in.topics_of) {
            std::set<std::string>& mine = m_consumerTopics[id];
            for (const std::string& topic : topics) {
                if (in.partition_counts.count(topic) == 0) continue;
                mine.insert(topic);
                m_topicConsumers[topic].push_back(id);
            }
        }
        // Topics with fewer potential consumers first (TopicComparator), then by name.
        std::vector<std::string> topics;
        for (const auto& entry : m_topicConsumers)
            topics.push_back(entry.first);
        std::stable_sort(topics.begin(), topics.end(), [this](const std::string& a, const std::string& b) {
            return m_topicConsumers.at(a).size() < m_topicConsumers.at(b).size();
        });
        m_sortedAllPartitions = partitionsOf(topics, in);
    }

    GroupAssignment build() {
        prepopulatePreviousOwners();
        std::set<TopicPartition> kept;
        for (const auto& [consumer, owned] : m_claims.owned) {
            std::set<TopicPartition>& mine = m_current[consumer];
            for (const TopicPartition& tp : owned) {
                if (m_consumerTopics.at(consumer).count(tp.topic) == 0) {
                    // The member unsubscribed from the topic: the partition has to be revoked.
                    m_revocationRequired = true;
                    continue;
                }
                mine.insert(tp);
                m_partitionConsumer[tp] = consumer;
                kept.insert(tp);
            }
        }
        PartitionList unassigned;
        for (const TopicPartition& tp : m_sortedAllPartitions)
            if (kept.count(tp) == 0) unassigned.push_back(tp);
        for (const auto& entry : m_current)
            attach(entry.first);

        balance(unassigned);

        GroupAssignment out;
        for (const auto& [consumer, partitions] : m_current)
            out[consumer] = PartitionList(partitions.begin(), partitions.end());
        return out;
    }

private:
    struct PreviousOwner {
        std::string consumer;
        std::int32_t generation;
    };

    /// prepopulateCurrentAssignments: members reporting an older generation than the newest one are "previous
    /// owners"; a partition may move back to its previous owner when that helps the balance.
    void prepopulatePreviousOwners() {
        // For two previous owners with the same generation upstream keeps whichever its subscriptions
        // HashMap yields first.
        for (const std::string& id : m_in.java_order) {
            const MemberSubscription* member = m_in.members.at(id);
            if (member->generation >= m_claims.max_generation) continue;
            for (const TopicPartition& tp : member->owned) {
                const auto known = m_previous.find(tp);
                if (known == m_previous.end() || member->generation > known->second.generation)
                    m_previous[tp] = PreviousOwner{id, member->generation};
            }
        }
    }

    // m_bySize mirrors upstream's TreeSet sortedCurrentSubscriptions: (assignment size, member id) ascending.
    // A member is detached before its assignment changes and attached again afterwards.
    void attach(const std::string& consumer) { m_bySize.insert({m_current.at(consumer).size(), consumer}); }
    void detach(const std::string& consumer) { m_bySize.erase({m_current.at(consumer).size(), consumer}); }

    std::size_t sizeOf(const std::string& consumer) const { return m_current.at(consumer).size(); }

    std::size_t maxAssignmentSize(const std::string& consumer) const {
        const std::set<std::string>& topics = m_consumerTopics.at(consumer);
        if (topics.size() == m_in.partition_counts.size()) return m_totalPartitions;
        std::size_t sum = 0;
        for (const std::string& topic : topics)
            sum += static_cast<std::size_t>(m_in.partition_counts.at(topic));
        return sum;
    }

    bool canTopicParticipate(const std::string& topic) const {
        return m_topicConsumers.at(topic).size() >= 2;
    }

    bool canConsumerParticipate(const std::string& consumer) const {
        const std::set<TopicPartition>& mine = m_current.at(consumer);
        if (mine.size() < maxAssignmentSize(consumer)) return true;
        return std::any_of(mine.begin(), mine.end(),
                           [this](const TopicPartition& tp) { return canTopicParticipate(tp.topic); });
    }

    /// Balanced when sizes differ by at most one, or when no member could take a partition from a member that
    /// has at least two more.
    bool isBalanced() const {
        if (m_bySize.empty() || m_bySize.begin()->first + 1 >= m_bySize.rbegin()->first) return true;
        std::map<TopicPartition, std::string> holder;
        for (const auto& [consumer, partitions] : m_current)
            for (const TopicPartition& tp : partitions)
                holder[tp] = consumer;
        for (const auto& [count, consumer] : m_bySize) {
            if (count == maxAssignmentSize(consumer)) continue;
            for (const std::string& topic : m_consumerTopics.at(consumer)) {
                const std::int32_t partitions = m_in.partition_counts.at(topic);
                for (std::int32_t p = 0; p < partitions; ++p) {
                    const TopicPartition tp{topic, p};
                    if (m_current.at(consumer).count(tp) != 0) continue;
                    const auto other = holder.find(tp);
                    if (other != holder.end() && count + 1 < sizeOf(other->second)) return false;
                }
            }
        }
        return true;
    }

    static std::size_t balanceScore(const std::map<std::string, std::set<TopicPartition>>& assignment) {
        std::size_t score = 0;
        for (auto a = assignment.begin(); a != assignment.end(); ++a)
            for (auto b = std::next(a); b != assignment.end(); ++b) {
                const std::size_t x = a->second.size();
                const std::size_t y = b->second.size();
                score += x > y ? x - y : y - x;
            }
        return score;
    }

    /// The first member in (size, member id) order that may take partitions of `topic`. Returned by value:
    /// the caller changes the member's size, which moves it within m_bySize.
    std::optional<std::string> leastLoadedFor(const std::string& topic) const {
        for (const auto& entry : m_bySize)
            if (m_consumerTopics.at(entry.second).count(topic) != 0) return entry.second;
        return std::nullopt;
    }

    void assignTo(const TopicPartition& tp, const std::string& consumer) {
        detach(consumer);
        m_current.at(consumer).insert(tp);
        m_partitionConsumer[tp] = consumer;
        attach(consumer);
    }

    void balance(PartitionList unassigned) {
        const bool initializing = m_bySize.empty() || m_bySize.rbegin()->first == 0;

        // Each unassigned partition goes to the least loaded member that subscribes to its topic.
        for (const TopicPartition& tp : unassigned) {
            if (m_topicConsumers.at(tp.topic).empty()) continue;
            if (const auto consumer = leastLoadedFor(tp.topic)) assignTo(tp, *consumer);
        }

        // Only topics with two or more potential consumers, and members that could gain or lose something,
        // take part in the balancing; the others are set aside and put back at the end.
        const auto fixed_partition = [this](const TopicPartition& tp) {
            return !canTopicParticipate(tp.topic);
        };
        std::erase_if(m_sortedAllPartitions, fixed_partition);
        std::erase_if(unassigned, fixed_partition);
        std::map<std::string, std::set<TopicPartition>> fixed_assignments;
        for (const auto& entry : m_consumerTopics) {
            const std::string& consumer = entry.first;
            if (canConsumerParticipate(consumer)) continue;
            detach(consumer);
            fixed_assignments[consumer] = std::move(m_current.at(consumer));
            m_current.erase(consumer);
        }

        const auto pre_balance = m_current;
        const auto pre_balance_holders = m_partitionConsumer;

        // Without forced revocations, first try to balance by moving only the newly assigned partitions.
        if (!m_revocationRequired) performReassignments(unassigned);
        const bool reassigned = performReassignments(m_sortedAllPartitions);

        // Moving owned partitions must pay off in balance; otherwise keep the assignment from before the
        // moves. (Upstream only checks after the second pass, as here.)
        if (!initializing && reassigned && balanceScore(m_current) >= balanceScore(pre_balance)) {
            m_current = pre_balance;
            m_partitionConsumer = pre_balance_holders;
        }
        for (auto& [consumer, partitions] : fixed_assignments)
            m_current[consumer] = std::move(partitions);
    }

    bool performReassignments(const PartitionList& reassignable) {
        bool reassigned = false;
        bool modified = true;
        while (modified) {
            modified = false;
            for (const TopicPartition& tp : reassignable) {
                if (isBalanced()) break;
                const std::string consumer = m_partitionConsumer.at(tp);

                // Back to the previous owner (a member of an older generation) if that one now has at least
                // two fewer. Like upstream, this does not check that the previous owner still subscribes to
                // the topic: kafka-clients 4.3.1 does hand a member a partition of a topic it dropped this
                // way. A previous owner that no longer takes part in balancing makes upstream fail with a
                // NullPointerException; here it is ignored and the search below runs instead.
                const auto previous = m_previous.find(tp);
                if (previous != m_previous.end()) {
                    const std::string& former = previous->second.consumer;
                    if (m_current.count(former) != 0 && sizeOf(consumer) > sizeOf(former) + 1) {
                        reassign(tp, former);
                        reassigned = modified = true;
                        continue;
                    }
                }

                // Otherwise to the least loaded eligible member, if any eligible member has two fewer.
                const auto& candidates = m_topicConsumers.at(tp.topic);
                const bool better =
                    std::any_of(candidates.begin(), candidates.end(), [&](const std::string& other) {
                        return m_current.count(other) != 0 && sizeOf(consumer) > sizeOf(other) + 1;
                    });
                if (better) {
                    reassign(tp, *leastLoadedFor(tp.topic));
                    reassigned = modified = true;
                }
            }
        }
        return reassigned;
    }

    void reassign(const TopicPartition& tp, const std::string& new_consumer) {
        const TopicPartition moving =
            m_movements.partitionToMove(tp, m_partitionConsumer.at(tp), new_consumer);
        const std::string old_consumer = m_partitionConsumer.at(moving);
        detach(old_consumer);
        detach(new_consumer);
        m_movements.move(moving, old_consumer, new_consumer);
        m_current.at(old_consumer).erase(moving);
        m_current.at(new_consumer).insert(moving);
        m_partitionConsumer[moving] = new_consumer;
        attach(new_consumer);
        attach(old_consumer);
    }

    const GroupInput& m_in;
    const OwnershipClaims& m_claims;
    std::size_t m_totalPartitions = 0;
    std::map<std::string, std::vector<std::string>> m_topicConsumers; ///< topic -> members that may get it
    std::map<std::string, std::set<std::string>> m_consumerTopics;    ///< member -> topics it may get
    std::map<std::string, std::set<TopicPartition>> m_current;
    std::map<TopicPartition, std::string> m_partitionConsumer;
    PartitionList m_sortedAllPartitions;
    std::set<std::pair<std::size_t, std::string>> m_bySize;
    std::map<TopicPartition, PreviousOwner> m_previous;
    PartitionMovements m_movements;
    bool m_revocationRequired = false;
};

/// CooperativeStickyAssignor.computePartitionsTransferringOwnership for the general path: partitions that are
/// new to their assignee while some member reported owning them and does not keep them.
std::map<TopicPartition, std::string> changingOwner(const GroupInput& in, const GroupAssignment& assignment) {
    std::map<TopicPartition, std::string> added;
    std::set<TopicPartition> revoked;
    for (const auto& [consumer, assigned] : assignment) {
        const PartitionList& owned = in.members.at(consumer)->owned;
        for (const TopicPartition& tp : assigned)
            if (std::find(owned.begin(), owned.end(), tp) == owned.end()) added[tp] = consumer;
        for (const TopicPartition& tp : owned)
            if (std::find(assigned.begin(), assigned.end(), tp) == assigned.end()) revoked.insert(tp);
    }
    std::map<TopicPartition, std::string> result;
    for (const auto& [tp, consumer] : added)
        if (revoked.count(tp) != 0) result[tp] = consumer;
    return result;
}

/// The eager StickyAssignor does not read ownedPartitions from the subscription but from its own user data,
/// where serializeTopicPartitionAssignment groups them by topic in a HashMap<String, List<Integer>>: the
/// leader sees them topic by topic, topics in that map's order, each topic's partitions in the member's
/// order.
std::vector<MemberSubscription> ownedAsInStickyUserData(std::vector<MemberSubscription> members) {
    for (MemberSubscription& member : members) {
        std::vector<std::string> topics;
        std::vector<std::int32_t> hashes;
        for (const TopicPartition& tp : member.owned)
            if (std::find(topics.begin(), topics.end(), tp.topic) == topics.end()) {
                topics.push_back(tp.topic);
                hashes.push_back(javaStringHashCode(tp.topic));
            }
        PartitionList regrouped;
        for (std::size_t i : javaHashMapOrder(hashes))
            for (const TopicPartition& tp : member.owned)
                if (tp.topic == topics[i]) regrouped.push_back(tp);
        member.owned = std::move(regrouped);
    }
    return members;
}

GroupAssignment assignSticky(const GroupInput& in, bool cooperative) {
    if (in.members.empty()) return {};
    const OwnershipClaims claims = resolveClaims(in);
    GroupAssignment out;
    std::map<TopicPartition, std::string> transferring;
    if (allSubscriptionsEqual(in)) {
        ConstrainedAssignment builder(in, claims);
        out = builder.build();
        transferring = builder.transferring();
    } else {
        out = GeneralAssignment(in, claims).build();
        if (cooperative) transferring = changingOwner(in, out);
    }
    // CooperativeStickyAssignor.adjustAssignment: the new owner gets the partition only in the follow-up
    // rebalance, after the old owner has revoked it.
    if (cooperative)
        for (const auto& [tp, consumer] : transferring)
            eraseFirst(out.at(consumer), tp);
    return out;
}

} // namespace

const char* assignorName(AssignorKind kind) {
    switch (kind) {
    case AssignorKind::Range:
        return "range";
    case AssignorKind::RoundRobin:
        return "roundrobin";
    case AssignorKind::Sticky:
        return "sticky";
    case AssignorKind::CooperativeSticky:
        return "cooperative-sticky";
    }
    return "range";
}

std::optional<AssignorKind> parseAssignor(const std::string& name) {
    // partition.assignment.strategy takes class names, so the package prefix is accepted too.
    static const std::string package = "org.apache.kafka.clients.consumer.";
    const std::string simple = name.rfind(package, 0) == 0 ? name.substr(package.size()) : name;
    if (simple == "range" || simple == "RangeAssignor") return AssignorKind::Range;
    if (simple == "roundrobin" || simple == "RoundRobinAssignor") return AssignorKind::RoundRobin;
    if (simple == "sticky" || simple == "StickyAssignor") return AssignorKind::Sticky;
    if (simple == "cooperative-sticky" || simple == "CooperativeStickyAssignor")
        return AssignorKind::CooperativeSticky;
    return std::nullopt;
}

bool isCooperative(AssignorKind kind) {
    return kind == AssignorKind::CooperativeSticky;
}

GroupAssignment assignPartitions(AssignorKind kind,
                                 const std::map<std::string, std::int32_t>& partitions_per_topic,
                                 const std::vector<MemberSubscription>& members) {
    const std::vector<MemberSubscription> sticky_members =
        kind == AssignorKind::Sticky ? ownedAsInStickyUserData(members) : std::vector<MemberSubscription>{};
    const GroupInput in =
        normalise(partitions_per_topic, kind == AssignorKind::Sticky ? sticky_members : members);
    GroupAssignment out;
    switch (kind) {
    case AssignorKind::Range:
        out = assignRange(in);
        break;
    case AssignorKind::RoundRobin:
        out = assignRoundRobin(in);
        break;
    case AssignorKind::Sticky:
        out = assignSticky(in, false);
        break;
    case AssignorKind::CooperativeSticky:
        out = assignSticky(in, true);
        break;
    }
    for (auto& entry : out)
        std::sort(entry.second.begin(), entry.second.end());
    return out;
}

} // namespace fluxolab::sim
