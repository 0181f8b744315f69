#pragma once
// The partitions of a folded view (sim::ClusterView) by (journal topic index, partition), in key
// order, stored in chunks that copies of the map share (copy-on-write). A timeline keeps copies of
// its view as snapshots: with a 9 999-partition topic a copy used to cost 10 000 partitions with
// three small vectors each; now it costs one pointer per chunk, and a change afterwards copies only
// the chunk it falls in (when another copy still holds that chunk). Reading is a std::map's
// interface (find, at, lower_bound, ordered iteration over (key, value) pairs); writing goes through
// operator[] and eraseTopic().

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace fluxolab::sim {

template <class Key, class Value> class ChunkedCowMap {
public:
    using key_type = Key;
    using mapped_type = Value;
    using value_type = std::pair<Key, Value>;
    /// Entries per chunk when a chunk is filled from its end (the usual case: a topic's partitions
    /// are created in order). A chunk grown in its middle is split in two past 2 * kChunk.
    static constexpr std::size_t kChunk = 64;

private:
    using Chunk = std::vector<value_type>;

public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = ChunkedCowMap::value_type;
        using difference_type = std::ptrdiff_t;
        using pointer = const value_type*;
        using reference = const value_type&;
        const_iterator() = default;
        reference operator*() const { return (*(*m_chunks)[m_chunk])[m_item]; }
        pointer operator->() const { return &**this; }
        const_iterator& operator++() {
            if (++m_item == (*m_chunks)[m_chunk]->size()) {
                ++m_chunk;
                m_item = 0;
            }
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator old = *this;
            ++*this;
            return old;
        }
        bool operator==(const const_iterator& o) const { return m_chunk == o.m_chunk && m_item == o.m_item; }

    private:
        friend class ChunkedCowMap;
        const_iterator(const std::vector<std::shared_ptr<Chunk>>* chunks, std::size_t chunk, std::size_t item)
            : m_chunks(chunks), m_chunk(chunk), m_item(item) {}
        const std::vector<std::shared_ptr<Chunk>>* m_chunks = nullptr;
        std::size_t m_chunk = 0, m_item = 0;
    };
    using iterator = const_iterator; ///< entries are changed through operator[] only (it unshares their chunk)

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const_iterator begin() const { return {&m_chunks, 0, 0}; }
    const_iterator end() const { return {&m_chunks, m_chunks.size(), 0}; }

    /// The first entry whose key is not less than `k`.
    const_iterator lower_bound(const Key& k) const {
        const std::size_t c = chunkFor(k);
        if (c == m_chunks.size()) return end();
        const Chunk& items = *m_chunks[c];
        const auto it = std::lower_bound(items.begin(), items.end(), k, [](const value_type& v, const Key& x) { return v.first < x; });
        return {&m_chunks, c, static_cast<std::size_t>(it - items.begin())}; // never items.end(): k <= the chunk's last key
    }
    const_iterator find(const Key& k) const {
        const const_iterator it = lower_bound(k);
        return it != end() && !(k < it->first) ? it : end();
    }
    bool contains(const Key& k) const { return find(k) != end(); }
    std::size_t count(const Key& k) const { return contains(k) ? 1 : 0; }
    const Value& at(const Key& k) const {
        const const_iterator it = find(k);
        if (it == end()) throw std::out_of_range("ChunkedCowMap::at");
        return it->second;
    }

    /// The value at `k` for writing (a default one inserted if absent), its chunk unshared first.
    Value& operator[](const Key& k) {
        std::size_t c = chunkFor(k);
        if (c == m_chunks.size()) { // past the last key: appended
            if (m_chunks.empty() || m_chunks.back()->size() >= kChunk) {
                m_chunks.push_back(std::make_shared<Chunk>());
                m_chunks.back()->reserve(kChunk);
                m_last.emplace_back();
            }
            Chunk& items = own(m_chunks.size() - 1);
            items.emplace_back(k, Value{});
            m_last.back() = k;
            ++m_size;
            return items.back().second;
        }
        Chunk& items = own(c);
        auto it = std::lower_bound(items.begin(), items.end(), k, [](const value_type& v, const Key& x) { return v.first < x; });
        if (!(k < it->first)) return it->second;
        const auto at = static_cast<std::size_t>(it - items.begin());
        items.emplace(it, k, Value{});
        ++m_size;
        if (items.size() <= 2 * kChunk) return items[at].second;
        // Split the chunk in two halves.
        auto upper = std::make_shared<Chunk>(std::make_move_iterator(items.begin() + kChunk), std::make_move_iterator(items.end()));
        items.erase(items.begin() + kChunk, items.end());
        m_chunks.insert(m_chunks.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(upper));
        m_last.insert(m_last.begin() + static_cast<std::ptrdiff_t>(c), items.back().first);
        return at < kChunk ? (*m_chunks[c])[at].second : (*m_chunks[c + 1])[at - kChunk].second;
    }

    /// Removes every entry whose key satisfies `pred`, among those in [from, to) (keys).
    template <class Pred> void eraseRange(const Key& from, const Key& to, Pred pred) {
        for (std::size_t c = chunkFor(from); c < m_chunks.size();) {
            const Chunk& seen = *m_chunks[c];
            if (!(seen.front().first < to)) break;
            if (std::none_of(seen.begin(), seen.end(), [&](const value_type& v) { return !(v.first < from) && v.first < to && pred(v.first); })) {
                ++c;
                continue;
            }
            Chunk& items = own(c);
            const auto before = items.size();
            std::erase_if(items, [&](const value_type& v) { return !(v.first < from) && v.first < to && pred(v.first); });
            m_size -= before - items.size();
            if (items.empty()) {
                m_chunks.erase(m_chunks.begin() + static_cast<std::ptrdiff_t>(c));
                m_last.erase(m_last.begin() + static_cast<std::ptrdiff_t>(c));
            } else {
                m_last[c] = items.back().first;
                ++c;
            }
        }
    }

    void clear() {
        m_chunks.clear();
        m_last.clear();
        m_size = 0;
    }

    bool operator==(const ChunkedCowMap& o) const {
        return m_size == o.m_size && std::equal(begin(), end(), o.begin());
    }

    /// Chunks held (tests and benchmarks).
    std::size_t chunks() const { return m_chunks.size(); }
    /// Chunks this map holds that `other` holds too (the same memory: shared by a copy, not changed since).
    std::size_t sharedChunks(const ChunkedCowMap& other) const {
        std::size_t n = 0;
        for (const auto& c : m_chunks)
            n += static_cast<std::size_t>(std::count(other.m_chunks.begin(), other.m_chunks.end(), c));
        return n;
    }

private:
    /// The first chunk whose last key is not less than `k` (m_chunks.size(): past every key).
    std::size_t chunkFor(const Key& k) const {
        return static_cast<std::size_t>(std::lower_bound(m_last.begin(), m_last.end(), k) - m_last.begin());
    }
    /// Chunk `c`, copied first when another map shares it.
    Chunk& own(std::size_t c) {
        std::shared_ptr<Chunk>& p = m_chunks[c];
        if (p.use_count() > 1) p = std::make_shared<Chunk>(*p);
        return *p;
    }

    std::vector<std::shared_ptr<Chunk>> m_chunks; ///< non-empty, in key order
    std::vector<Key> m_last;                      ///< each chunk's last key (parallel to m_chunks)
    std::size_t m_size = 0;
};

} // namespace fluxolab::sim
