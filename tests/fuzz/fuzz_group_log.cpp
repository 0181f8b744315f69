// libFuzzer harness: records of __consumer_offsets as a real broker sends them to the real-cluster mode
// (labs/rdkafka/group_log). The first byte splits the input into the record's key and value (0xff: a
// tombstone, no value). Whatever the bytes, the decoder must answer without reading past them, and
// what it decodes must be a group-metadata record of a non-empty key.
#include "fuzz_common.h"
#include "labs/rdkafka/group_log.h"

#include <algorithm>

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::size_t split = data[0] == 0xff ? bytes.size() : std::min<std::size_t>(data[0], bytes.size());
    const std::string_view key = std::string_view(bytes).substr(0, split);
    std::optional<std::string_view> value;
    if (data[0] != 0xff) value = std::string_view(bytes).substr(split);
    const auto r = labs::decodeGroupLogRecord(key, value);
    if (r) {
        if (key.size() < 4) fuzz::fail("a group record decoded from a key shorter than its header", bytes);
        if (r->deleted != !value.has_value()) fuzz::fail("a tombstone decoded as a group's metadata or back", bytes);
        if (r->group.size() > key.size()) fuzz::fail("a group id longer than the key", bytes);
    }
    return 0;
}
