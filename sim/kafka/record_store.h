#pragma once
// The keys and explicit values of the records in the model's logs, stored once: a Record holds only
// their ids. Producers write to it (interning keys, storing values); everyone reads it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace fluxolab::sim::kafka {

class RecordStore {
public:
    /// The id of `key` (the same key always gets the same id; 0 is the null key).
    std::uint32_t internKey(const std::string& key);
    /// Stores an explicit value and returns its id (0 = synthetic value, never returned).
    std::uint32_t addValue(std::string value);
    const std::string& key(std::uint32_t id) const { return m_keys[id]; }
    /// murmur2 of the key (the default partitioner's hash).
    std::int32_t keyHash(std::uint32_t id) const { return m_key_hash[id]; }
    const std::string& value(std::uint32_t id) const { return m_values[id]; }
    std::size_t keyCount() const { return m_keys.size(); }
    std::size_t memoryBytes() const {
        return m_values.capacity() * sizeof(std::string) + m_keys.capacity() * sizeof(std::string);
    }

private:
    std::vector<std::string> m_keys{""};                        ///< interned keys; 0 = null key
    std::vector<std::int32_t> m_key_hash{0};                    ///< murmur2 of each interned key
    std::unordered_map<std::string, std::uint32_t> m_key_index; ///< lookup only, never iterated
    std::vector<std::string> m_values{""};                      ///< stored explicit values; 0 = synthetic
};

} // namespace fluxolab::sim::kafka
