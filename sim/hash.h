#pragma once
// Hash functions with the exact behaviour of Kafka's clients (FIDELITY §1).

#include "sim/types.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fluxolab::sim {

/// org.apache.kafka.common.utils.Utils.murmur2 over raw bytes.
std::int32_t murmur2(std::string_view bytes);
/// Utils.toPositive: x & 0x7fffffff (not abs).
inline std::int32_t toPositive(std::int32_t x) { return x & 0x7fffffff; }
/// The Java producer's keyed partition: toPositive(murmur2(key)) % partitions.
inline std::int32_t javaKeyPartition(std::string_view key, std::int32_t partitions) {
    return toPositive(murmur2(key)) % partitions;
}
/// Standard reflected CRC-32 (zlib-compatible), as the C client library's rdcrc32.
std::uint32_t crc32(std::string_view bytes);
/// The C client library's `consistent` partitioner (its default for keyed records):
/// crc32(key) % partitions (unsigned modulo).
inline std::int32_t consistentCrc32Partition(std::string_view key, std::int32_t partitions) {
    return static_cast<std::int32_t>(crc32(key) % static_cast<std::uint32_t>(partitions));
}
/// java.lang.String.hashCode() of a UTF-8 string (computed over its UTF-16 code units).
std::int32_t javaStringHashCode(std::string_view utf8);
/// org.apache.kafka.common.TopicPartition.hashCode(): 31 * (31 + partition) + topic.hashCode().
std::int32_t javaTopicPartitionHash(const TopicPartition& tp);
/// The iteration order of a java.util.HashMap (or HashSet) whose keys have the given hashCode()s and were
/// inserted in this order into a map created with `initial_capacity` (16 = new HashMap<>()), without
/// removals. Returns indices into `hashes`. Buckets are (h ^ h >>> 16) & (capacity - 1); the table doubles
/// when the size exceeds 3/4 of the capacity; a bucket keeps insertion order. Every place where a Java
/// HashMap's order reaches an output uses this or JavaHashMap (sim/java_hash_map.h).
std::vector<std::size_t> javaHashMapOrder(const std::vector<std::int32_t>& hashes,
                                          std::size_t initial_capacity = 16);
/// The iteration order of a java.util.HashSet (or a HashMap's keys) that elements are added to and removed
/// from over time, for the places where the first element or the order reaches an output. Follows
/// HashMap: the capacity starts at 16 and doubles whenever the size exceeds 3/4 of it (it never shrinks);
/// iteration goes bucket by bucket, each bucket in insertion order. Long buckets turned into trees (8 or
/// more keys in one bucket of a table of 64 or more) are not modelled.
template <class Key, class HashCode> class JavaHashSet {
public:
    explicit JavaHashSet(HashCode hash_code = HashCode()) : m_hashCode(hash_code) {}

    bool contains(const Key& key) const { return find(key) != m_items.end(); }
    bool insert(const Key& key) {
        if (contains(key)) return false;
        m_items.push_back(Item{key, static_cast<std::uint32_t>(m_hashCode(key)), m_sequence++});
        if (static_cast<double>(m_items.size()) > static_cast<double>(m_capacity) * 0.75) m_capacity <<= 1;
        return true;
    }
    bool erase(const Key& key) {
        const auto it = find(key);
        if (it == m_items.end()) return false;
        m_items.erase(it);
        return true;
    }
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    /// iterator().next(): the first element in iteration order. Requires !empty().
    const Key& first() const {
        const Item* best = &m_items.front();
        for (const Item& item : m_items)
            if (std::make_pair(bucket(item), item.sequence) < std::make_pair(bucket(*best), best->sequence))
                best = &item;
        return best->key;
    }
    /// All elements in iteration order.
    std::vector<Key> inOrder() const {
        std::vector<const Item*> items;
        for (const Item& item : m_items)
            items.push_back(&item);
        std::sort(items.begin(), items.end(), [this](const Item* a, const Item* b) {
            return std::make_pair(bucket(*a), a->sequence) < std::make_pair(bucket(*b), b->sequence);
        });
        std::vector<Key> out;
        for (const Item* item : items)
            out.push_back(item->key);
        return out;
    }

private:
    struct Item {
        Key key;
        std::uint32_t hash;
        std::uint64_t sequence;
    };
    typename std::vector<Item>::const_iterator find(const Key& key) const {
        return std::find_if(m_items.begin(), m_items.end(),
                            [&](const Item& item) { return item.key == key; });
    }
    std::uint32_t bucket(const Item& item) const {
        return (item.hash ^ (item.hash >> 16)) & static_cast<std::uint32_t>(m_capacity - 1);
    }

    HashCode m_hashCode;
    std::vector<Item> m_items;
    std::uint64_t m_sequence = 0;
    std::size_t m_capacity = 16;
};

/// TopicPartition.hashCode() as a function object, for JavaHashSet<TopicPartition, ...>.
struct JavaTopicPartitionHashCode {
    std::int32_t operator()(const TopicPartition& tp) const { return javaTopicPartitionHash(tp); }
};

/// Utils.abs as used by the group coordinator (abs(MIN_VALUE) = 0).
inline std::int32_t kafkaAbs(std::int32_t x) { return x == INT32_MIN ? 0 : (x < 0 ? -x : x); }

/// SHA-256 of bytes, incremental.
class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    /// Lower-case hex digest; the object must not be updated afterwards.
    std::string hexDigest();

private:
    void block(const unsigned char* p);
    std::uint32_t m_h[8];
    unsigned char m_buf[64];
    std::size_t m_len = 0;
    std::uint64_t m_total = 0;
};

} // namespace fluxolab::sim
