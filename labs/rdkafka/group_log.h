#pragma once
// Reads what a group coordinator stores in __consumer_offsets about a group: the record a
// coordinator writes when a rebalance completes (the classic protocol's GroupMetadata: protocol
// type, generation, protocol, leader, members) or when a KIP-848 group's epoch moves
// (ConsumerGroupMetadata), and the tombstone written when the group is deleted.
//
// A real cluster's Admin API does not tell a group's generation (DescribeGroups carries none), but
// the coordinator writes every new generation to this log: reading it is how the real-cluster mode
// shows the generation and sees every rebalance, also one that starts and ends between two refreshes.
//
// The record layouts are Kafka's (group-coordinator's GroupMetadataKey/Value, record type 2, value
// versions 0-4, flexible from 4; ConsumerGroupMetadataKey/Value, record type 3): a key is an int16
// record type and the group id (int16 length + bytes); a value starts with its int16 version.
// Offset commits (types 0 and 1) and the other record types are not group metadata.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fluxolab::labs {

/// One group-metadata record of __consumer_offsets.
struct StoredGroupRecord {
    std::string group;
    /// A tombstone (no value): the group was deleted (or expired) and its metadata removed.
    bool deleted = false;
    /// The classic protocol's generation, or a KIP-848 group's epoch.
    std::int32_t generation = 0;
    /// KIP-848 (`group.protocol=consumer`) rather than the classic protocol.
    bool consumer_protocol = false;
};

/// Decodes one record of __consumer_offsets. Empty for a record that is not a group's metadata
/// (offset commits and the KIP-848 member/assignment records) and for bytes that do not parse
/// (truncated or an unknown layout): never throws, never reads past the given bytes.
std::optional<StoredGroupRecord> decodeGroupLogRecord(std::string_view key, std::optional<std::string_view> value);

} // namespace fluxolab::labs
