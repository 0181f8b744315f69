#include "labs/rdkafka/group_log.h"

namespace fluxolab::labs {

namespace {

/// A bounds-checked big-endian reader over a record's bytes (Kafka's wire order).
class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    std::optional<std::int16_t> int16() {
        if (m_bytes.size() - m_pos < 2) return std::nullopt;
        const auto hi = static_cast<std::uint8_t>(m_bytes[m_pos]), lo = static_cast<std::uint8_t>(m_bytes[m_pos + 1]);
        m_pos += 2;
        return static_cast<std::int16_t>(static_cast<std::uint16_t>((hi << 8) | lo));
    }

    std::optional<std::int32_t> int32() {
        if (m_bytes.size() - m_pos < 4) return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<std::uint8_t>(m_bytes[m_pos++]);
        return static_cast<std::int32_t>(v);
    }

    /// An unsigned varint (flexible versions' lengths), at most 5 bytes.
    std::optional<std::uint32_t> uvarint() {
        std::uint32_t v = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            if (m_pos >= m_bytes.size()) return std::nullopt;
            const auto b = static_cast<std::uint8_t>(m_bytes[m_pos++]);
            v |= static_cast<std::uint32_t>(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return v;
        }
        return std::nullopt;
    }

    /// A non-null string: int16 length (classic) or unsigned varint length + 1 (flexible, "compact").
    std::optional<std::string_view> string(bool compact) {
        std::size_t n = 0;
        if (compact) {
            const auto len = uvarint();
            if (!len || *len == 0) return std::nullopt; // 0 is null
            n = *len - 1;
        } else {
            const auto len = int16();
            if (!len || *len < 0) return std::nullopt;
            n = static_cast<std::size_t>(*len);
        }
        if (m_bytes.size() - m_pos < n) return std::nullopt;
        const std::string_view s = m_bytes.substr(m_pos, n);
        m_pos += n;
        return s;
    }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

constexpr std::int16_t kGroupMetadata = 2;         // GroupMetadataKey/Value (classic protocol)
constexpr std::int16_t kConsumerGroupMetadata = 3; // ConsumerGroupMetadataKey/Value (KIP-848)

} // namespace

std::optional<StoredGroupRecord> decodeGroupLogRecord(std::string_view key, std::optional<std::string_view> value) {
    Reader k(key);
    const auto type = k.int16();
    if (!type || (*type != kGroupMetadata && *type != kConsumerGroupMetadata)) return std::nullopt;
    const auto group = k.string(false); // both keys are version 0, not flexible
    if (!group) return std::nullopt;
    StoredGroupRecord r;
    r.group = std::string(*group);
    r.consumer_protocol = *type == kConsumerGroupMetadata;
    if (!value) {
        r.deleted = true;
        return r;
    }
    Reader v(*value);
    const auto version = v.int16();
    if (!version || *version < 0) return std::nullopt;
    if (*type == kGroupMetadata) {
        if (*version > 4) return std::nullopt; // a layout this reader does not know
        if (!v.string(*version >= 4)) return std::nullopt; // protocolType
    } else if (*version != 0) {
        return std::nullopt;
    }
    const auto generation = v.int32();
    if (!generation) return std::nullopt;
    r.generation = *generation;
    return r;
}

} // namespace fluxolab::labs
