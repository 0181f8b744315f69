#include "sim/stream/journal.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace fluxolab::stream {

const char* streamEventKindName(StreamEventKind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return i < std::size(kStreamEventSchemas) ? kStreamEventSchemas[i].name : "unknown";
}

namespace {

/// Whether a slot of a kind holds an event time (rendered as Millis): those are stored as deltas.
constexpr bool isMillis(StreamEventKind kind, sim::Slot slot) {
    const auto i = static_cast<std::size_t>(kind);
    if (i >= std::size(kStreamEventSchemas)) return false;
    for (const auto& f : kStreamEventSchemas[i])
        if (f.slot == slot) return f.kind == sim::FieldKind::Millis;
    return false;
}

struct KindTimes {
    bool a = false, b = false, c = false;
};
constexpr auto kKindTimes = [] {
    std::array<KindTimes, 32> t{};
    for (std::size_t i = 0; i < std::size(kStreamEventSchemas); ++i) {
        const auto k = static_cast<StreamEventKind>(i);
        t[i] = {isMillis(k, sim::Slot::A), isMillis(k, sim::Slot::B), isMillis(k, sim::Slot::Wide)};
    }
    return t;
}();
static_assert(std::size(kStreamEventSchemas) <= 32, "the kind takes 5 bits of the record's first byte");

// Record layout: byte 0 = kind (bits 0-4) | flag code (bits 5-6: 0 -> 0, 1 -> 1, 2 -> a byte follows)
// | bit 7: the processing time moved. Byte 1 = which of partition, subtask, channel, a, b, c, key, name
// are written (bit i: field i's encoded value is not 0). Then: [flag byte], [time delta], the written
// fields in that order, each an unsigned LEB128 varint (signed values zigzag-encoded; deltas in
// wrapping 64-bit arithmetic, so every value round-trips, MIN and MAX included).
constexpr std::size_t kMaxRecord = 2 + 1 + 10 * 9;

std::uint64_t zig(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzig(std::uint64_t u) { return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1)); }
std::uint64_t wrapSub(std::int64_t a, std::int64_t b) {
    return static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b);
}
std::int64_t wrapAdd(std::int64_t base, std::uint64_t d) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(base) + d);
}
/// Encoded small id (-1 usual): zigzag of value + 1, computed in 64 bits.
std::uint64_t encId(std::int32_t v) { return zig(static_cast<std::int64_t>(v) + 1); }
std::int32_t decId(std::uint64_t u) { return static_cast<std::int32_t>(unzig(u) - 1); }

std::uint8_t* putVarint(std::uint8_t* p, std::uint64_t v) {
    while (v >= 0x80) {
        *p++ = static_cast<std::uint8_t>(v | 0x80);
        v >>= 7;
    }
    *p++ = static_cast<std::uint8_t>(v);
    return p;
}
std::uint64_t getVarint(const std::uint8_t*& p) {
    std::uint64_t v = 0;
    int shift = 0;
    while (*p & 0x80) {
        v |= static_cast<std::uint64_t>(*p++ & 0x7f) << shift;
        shift += 7;
    }
    v |= static_cast<std::uint64_t>(*p++) << shift;
    return v;
}

} // namespace

std::uint32_t StreamJournal::intern(const std::string& s) {
    if (s.empty()) return 0;
    const auto it = ids_.find(std::string_view(s));
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.push_back(s);
    ids_.emplace(std::string_view(strings_.back()), id);
    return id;
}

void StreamJournal::record(const StreamEvent& e) {
    if (chunks_.empty() || kChunkBytes - chunkUsed_.back() < kMaxRecord) {
        chunks_.push_back(std::make_unique<std::uint8_t[]>(kChunkBytes));
        chunkUsed_.push_back(0);
    }
    if (count_ % kSyncEvery == 0)
        sync_.push_back({static_cast<std::uint32_t>(chunks_.size() - 1), chunkUsed_.back(), lastProcTime_,
                         lastEventTime_});
    const auto kindIndex = static_cast<std::size_t>(e.kind) & 31;
    const KindTimes times = kKindTimes[kindIndex];
    std::uint64_t v[8];
    v[0] = encId(e.partition);
    v[1] = encId(e.subtask);
    v[2] = encId(e.channel);
    v[3] = times.a ? zig(static_cast<std::int64_t>(wrapSub(e.a, lastEventTime_))) : zig(e.a);
    v[4] = times.b ? zig(static_cast<std::int64_t>(wrapSub(e.b, e.a))) : zig(e.b);
    v[5] = times.c ? zig(static_cast<std::int64_t>(wrapSub(e.c, e.a))) : zig(e.c);
    v[6] = intern(e.key);
    v[7] = intern(e.name);
    const std::uint64_t dt = zig(static_cast<std::int64_t>(wrapSub(e.procTime, lastProcTime_)));
    std::uint8_t mask = 0;
    for (int i = 0; i < 8; ++i)
        if (v[i] != 0) mask = static_cast<std::uint8_t>(mask | (1u << i));
    const unsigned flagCode = e.flag <= 1 ? e.flag : 2u;
    std::uint8_t* const start = chunks_.back().get() + chunkUsed_.back();
    std::uint8_t* p = start;
    *p++ = static_cast<std::uint8_t>(kindIndex | (flagCode << 5) | (dt != 0 ? 0x80u : 0u));
    *p++ = mask;
    if (flagCode == 2) *p++ = e.flag;
    if (dt != 0) p = putVarint(p, dt);
    for (int i = 0; i < 8; ++i)
        if (v[i] != 0) p = putVarint(p, v[i]);
    chunkUsed_.back() += static_cast<std::uint32_t>(p - start);
    lastProcTime_ = e.procTime;
    if (times.a) lastEventTime_ = e.a;
    ++count_;
}

void StreamJournal::Iterator::load() {
    const std::uint8_t* const start = journal_->chunks_[chunk_].get() + offset_;
    const std::uint8_t* p = start;
    const std::uint8_t b0 = *p++;
    const std::uint8_t mask = *p++;
    StreamEvent& e = event_;
    e.kind = static_cast<StreamEventKind>(b0 & 31);
    const unsigned flagCode = (b0 >> 5) & 3u;
    e.flag = flagCode == 2 ? *p++ : static_cast<std::uint8_t>(flagCode);
    const std::uint64_t dt = (b0 & 0x80) ? getVarint(p) : 0;
    std::uint64_t v[8];
    for (int i = 0; i < 8; ++i)
        v[i] = (mask & (1u << i)) ? getVarint(p) : 0;
    const KindTimes times = kKindTimes[b0 & 31];
    e.procTime = wrapAdd(procTime_, static_cast<std::uint64_t>(unzig(dt)));
    e.partition = decId(v[0]);
    e.subtask = decId(v[1]);
    e.channel = decId(v[2]);
    e.a = times.a ? wrapAdd(eventTime_, static_cast<std::uint64_t>(unzig(v[3]))) : unzig(v[3]);
    e.b = times.b ? wrapAdd(e.a, static_cast<std::uint64_t>(unzig(v[4]))) : unzig(v[4]);
    e.c = times.c ? wrapAdd(e.a, static_cast<std::uint64_t>(unzig(v[5]))) : unzig(v[5]);
    // (the strings are copied only when they change: runs of events of one key are common)
    if (v[6] != keyId_ || !loaded_) e.key = journal_->strings_[v[6]];
    if (v[7] != nameId_ || !loaded_) e.name = journal_->strings_[v[7]];
    keyId_ = v[6];
    nameId_ = v[7];
    loaded_ = true;
    // Bases for the next record, and where it starts.
    procTime_ = e.procTime;
    if (times.a) eventTime_ = e.a;
    offset_ += static_cast<std::uint32_t>(p - start);
}

StreamJournal::Iterator& StreamJournal::Iterator::operator++() {
    ++index_;
    if (index_ >= journal_->count_) return *this;
    if (offset_ >= journal_->chunkUsed_[chunk_]) {
        ++chunk_;
        offset_ = 0;
    }
    load();
    return *this;
}

StreamJournal::Iterator StreamJournal::iteratorAt(std::size_t i) const {
    Iterator it;
    it.journal_ = this;
    if (i >= count_) {
        it.index_ = count_;
        return it;
    }
    const SyncPoint& s = sync_[i / kSyncEvery];
    it.index_ = i / kSyncEvery * kSyncEvery;
    it.chunk_ = s.chunk;
    it.offset_ = s.offset;
    it.procTime_ = s.procTime;
    it.eventTime_ = s.eventTime;
    it.load();
    while (it.index_ < i)
        ++it;
    return it;
}

StreamJournal::Iterator StreamJournal::Events::end() const { return j_.iteratorAt(j_.count_); }

std::size_t StreamJournal::retainedBytes() const {
    std::size_t bytes = chunks_.size() * kChunkBytes + chunks_.capacity() * sizeof(chunks_[0]) +
                        chunkUsed_.capacity() * sizeof(std::uint32_t) + sync_.capacity() * sizeof(SyncPoint);
    // Strings: the deque's elements, their heap beyond the SSO buffer, and a hash node per string.
    for (const auto& s : strings_)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
    bytes += ids_.bucket_count() * sizeof(void*) +
             ids_.size() * (sizeof(std::string_view) + sizeof(std::uint32_t) + 2 * sizeof(void*));
    return bytes;
}

std::uint16_t streamFamily(sim::Journal& journal) {
    const std::int32_t found = journal.findFamily(kStreamFamilyName);
    if (found >= 0) return static_cast<std::uint16_t>(found);
    return journal.addFamily(
        sim::EventFamily{kStreamFamilyName, kStreamEventSchemas, std::size(kStreamEventSchemas)});
}

sim::Event toJournalEvent(const StreamEvent& e, sim::Journal& journal, std::uint16_t family) {
    sim::Event j;
    j.time = e.procTime;
    j.family = family;
    j.type = static_cast<sim::EventType>(e.kind);
    j.flag = e.flag;
    j.partition = e.partition;
    j.actor = e.subtask;
    j.group = e.channel;
    j.a = e.a;
    j.b = e.b;
    j.setWideValue(e.c);
    j.name = journal.addString(e.key);
    j.list_begin = journal.addString(e.name);
    j.list_size = 0;
    return j;
}

StreamEvent fromJournalEvent(const sim::Journal& journal, const sim::Event& j) {
    StreamEvent e;
    e.kind = static_cast<StreamEventKind>(j.typeIndex());
    e.procTime = j.time;
    e.partition = j.partition;
    e.subtask = j.actor;
    e.channel = j.group;
    e.a = j.a;
    e.b = j.b;
    e.c = j.wideValue();
    e.flag = j.flag;
    e.key = journal.string(j.name);
    e.name = journal.string(j.list_begin);
    return e;
}

std::string formatDouble(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    // Fixed format without a precision: the shortest digits that round-trip, never an exponent.
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    return std::string(buf, r.ptr);
}

std::string formatWatermark(Millis watermark) {
    if (watermark == std::numeric_limits<Millis>::max()) return "MAX";
    if (watermark == std::numeric_limits<Millis>::min()) return "MIN";
    return std::to_string(watermark);
}

std::string csvField(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string firingCsvLine(const std::string& key, Millis start, Millis end, const std::string& value, Millis watermark,
                          bool lateUpdate) {
    return csvField(key) + ',' + std::to_string(start) + ',' + std::to_string(end) + ',' + value + ',' +
           formatWatermark(watermark) + ',' + (lateUpdate ? "late-update" : "on-time") + '\n';
}

std::string lateCsvLine(const std::string& key, Millis eventTime, Millis watermark) {
    return "LATE," + csvField(key) + ',' + std::to_string(eventTime) + ',' + formatWatermark(watermark) + '\n';
}

std::string printSinkPrefix(int subtask, int parallelism) {
    return parallelism > 1 ? std::to_string(subtask + 1) + "> " : std::string();
}

std::string toJson(const StreamEvent& e) {
    sim::Journal j;
    JournalFamilySink sink(j);
    sink.record(e);
    return j.toJson(0);
}

std::string StreamJournal::toJsonLines() const {
    sim::Journal j;
    JournalFamilySink sink(j);
    std::string out;
    for (const auto& e : events()) {
        sink.record(e);
        out += j.toJson(j.size() - 1);
        out += '\n';
    }
    return out;
}

} // namespace fluxolab::stream
