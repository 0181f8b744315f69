#pragma once
// Hash functions with the exact behaviour of Kafka's clients (FIDELITY §1).

#include <cstdint>
#include <string>
#include <string_view>

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
