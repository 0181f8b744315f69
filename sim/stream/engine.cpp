#include "sim/stream/engine.h"

#include "sim/stream/flink_timer_heap.h"
#include "sim/stream/sql_windows.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace fluxolab::stream {

// ---------------------------------------------------------------------------------------------------
// Java/Flink compatibility helpers
// ---------------------------------------------------------------------------------------------------

std::int32_t javaStringHash(const std::string& utf8) {
    // String#hashCode: h = 31*h + c over UTF-16 code units, in 32-bit wrapping arithmetic.
    std::uint32_t h = 0;
    auto add = [&h](std::uint32_t unit) { h = 31u * h + unit; };
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t i = 0;
    while (i < n) {
        std::uint32_t cp = s[i];
        std::size_t len = 1;
        if (cp >= 0xF0 && i + 3 < n) {
            cp = ((cp & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
                 (s[i + 3] & 0x3Fu);
            len = 4;
        } else if (cp >= 0xE0 && i + 2 < n) {
            cp = ((cp & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
            len = 3;
        } else if (cp >= 0xC0 && i + 1 < n) {
            cp = ((cp & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
            len = 2;
        } else if (cp >= 0x80) {
            cp = 0xFFFD; // invalid byte: Java's decoder gives the replacement character
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            add(0xD800u + (cp >> 10));
            add(0xDC00u + (cp & 0x3FFu));
        } else {
            add(cp);
        }
        i += len;
    }
    return static_cast<std::int32_t>(h);
}

namespace {
std::uint32_t rotl(std::uint32_t x, int r) {
    return (x << r) | (x >> (32 - r));
}

/// org.apache.flink.util.MathUtils#murmurHash(int)
std::int32_t flinkMurmurHash(std::int32_t code) {
    std::uint32_t h = static_cast<std::uint32_t>(code);
    h *= 0xcc9e2d51u;
    h = rotl(h, 15);
    h *= 0x1b873593u;
    h = rotl(h, 13);
    h = h * 5u + 0xe6546b64u;
    h ^= 4u;
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    const auto v = static_cast<std::int32_t>(h);
    if (v >= 0) return v;
    if (v != std::numeric_limits<std::int32_t>::min()) return -v;
    return 0;
}

Millis addClamped(Millis a, Millis b) {
    if (b > 0 && a > kMaxTime - b) return kMaxTime;
    if (b < 0 && a < kMinTime - b) return kMinTime;
    return a + b;
}
} // namespace

int defaultMaxParallelism(int parallelism) {
    // KeyGroupRangeAssignment#computeDefaultMaxParallelism: roundUpToPowerOfTwo(p + p/2) within [128, 32768].
    int v = parallelism + parallelism / 2;
    int pow2 = 1;
    while (pow2 < v)
        pow2 <<= 1;
    return std::clamp(pow2, 128, 32768);
}

int keyToSubtask(const std::string& key, int parallelism, int maxParallelism) {
    const int keyGroup = flinkMurmurHash(javaStringHash(key)) % maxParallelism;
    return keyGroup * parallelism / maxParallelism;
}

std::int32_t sqlKeyRowHash(const std::string& utf8) {
    // The planner keys the exchange in front of the (global) window aggregation by a BinaryRowData of the
    // grouping key (BinaryRowDataKeySelector). One STRING field: an 8-byte header (the RowKind byte, 0 for
    // INSERT, and the null bits), the field's 8-byte slot, then the variable part. BinaryRowWriter puts a
    // string of up to 7 bytes in the slot itself (little endian: the bytes, and 0x80 | length in the top
    // byte); a longer one in the variable part, zero-padded to whole 8-byte words, the slot holding
    // offset (16) << 32 | length. hashCode: MurmurHashUtil.hashUnsafeBytesByWords(row bytes, seed 42).
    const std::size_t n = utf8.size();
    std::string row(16 + (n <= 7 ? 0 : (n + 7) / 8 * 8), '\0');
    std::uint64_t slot = 0;
    if (n <= 7) {
        for (std::size_t i = 0; i < n; ++i)
            slot |= std::uint64_t{static_cast<unsigned char>(utf8[i])} << (8 * i);
        slot |= std::uint64_t{0x80u | static_cast<unsigned>(n)} << 56;
    } else {
        slot = (std::uint64_t{16} << 32) | static_cast<std::uint64_t>(n);
        row.replace(16, n, utf8);
    }
    for (int i = 0; i < 8; ++i)
        row[static_cast<std::size_t>(8 + i)] = static_cast<char>((slot >> (8 * i)) & 0xFFu);
    std::uint32_t h = 42;
    for (std::size_t i = 0; i < row.size(); i += 4) {
        std::uint32_t k = 0;
        for (int b = 0; b < 4; ++b)
            k |= std::uint32_t{static_cast<unsigned char>(row[i + static_cast<std::size_t>(b)])} << (8 * b);
        k *= 0xcc9e2d51u;
        k = rotl(k, 15);
        k *= 0x1b873593u;
        h ^= k;
        h = rotl(h, 13);
        h = h * 5u + 0xe6546b64u;
    }
    h ^= static_cast<std::uint32_t>(row.size());
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return static_cast<std::int32_t>(h);
}

int sqlKeyToSubtask(const std::string& key, int parallelism, int maxParallelism) {
    const int keyGroup = flinkMurmurHash(sqlKeyRowHash(key)) % maxParallelism;
    return keyGroup * parallelism / maxParallelism;
}

int kafkaSplitOwner(const std::string& topic, int partition, int parallelism) {
    if (topic.empty()) return partition % parallelism;
    const std::uint32_t h31 = static_cast<std::uint32_t>(javaStringHash(topic)) * 31u;
    const int startIndex = static_cast<int>(h31 & 0x7FFFFFFFu) % parallelism;
    return (startIndex + partition) % parallelism;
}

// ---------------------------------------------------------------------------------------------------
// Window assignment
// ---------------------------------------------------------------------------------------------------

Millis windowStart(Millis ts, Millis offset, Millis size) {
    const Millis rem = (ts - offset) % size;
    return rem < 0 ? ts - (rem + size) : ts - rem;
}

std::vector<TimeWindow> assignWindows(const WindowSpec& spec, Millis ts) {
    std::vector<TimeWindow> out;
    assignWindowsInto(spec, ts, out);
    return out;
}

void assignWindowsInto(const WindowSpec& spec, Millis ts, std::vector<TimeWindow>& out) {
    out.clear();
    switch (spec.kind) {
    case WindowKind::Tumble: {
        const Millis s = windowStart(ts, spec.offset, spec.size);
        out.push_back({s, s + spec.size});
        break;
    }
    case WindowKind::Hop: {
        const Millis last = windowStart(ts, spec.offset, spec.slide);
        for (Millis s = last; s > ts - spec.size; s -= spec.slide)
            out.push_back({s, s + spec.size});
        break;
    }
    case WindowKind::Session:
        out.push_back({ts, addClamped(ts, spec.gap)});
        break;
    case WindowKind::Cumulate: {
        // SQL CUMULATE: [S, S+step), [S, S+2step), ... [S, S+size), S = start of the size-aligned window.
        const Millis s = windowStart(ts, spec.offset, spec.size);
        for (Millis e = s + spec.step; e <= s + spec.size; e += spec.step) {
            if (e > ts) out.push_back({s, e});
        }
        break;
    }
    }
}

namespace {

/// Windows per element of a hop (size / slide) or cumulate (size / step) window, rounded up.
std::int64_t windowsPerElement(std::int64_t size, std::int64_t every) {
    return size / every + (size % every != 0 ? 1 : 0);
}

} // namespace

std::optional<JobError> validate(const JobSpec& spec) {
    const auto& w = spec.window;
    const auto bad = [](JobErrorCode code, std::int64_t a = 0, std::int64_t b = 0, std::int64_t c = 0) {
        return std::optional<JobError>(JobError{code, a, b, c});
    };
    using C = JobErrorCode;
    if (spec.parallelism < 1 || spec.parallelism > 8) return bad(C::Parallelism, spec.parallelism);
    if (spec.partitions < 1 || spec.partitions > 1024) return bad(C::Partitions, spec.partitions);
    if (w.allowedLateness < 0) return bad(C::NegativeAllowedLateness, w.allowedLateness);
    if (spec.watermark.kind == WatermarkKind::Sql && w.allowedLateness > 0 && !spec.process)
        return bad(C::SqlAllowedLateness, w.allowedLateness);
    if (spec.watermark.bound < 0) return bad(C::NegativeBound, spec.watermark.bound);
    if (!spec.watermark.perEvent && spec.watermark.interval <= 0)
        return bad(C::WatermarkInterval, spec.watermark.interval);
    if (spec.watermark.idleTimeout < 0) return bad(C::NegativeIdleTimeout, spec.watermark.idleTimeout);
    switch (w.kind) {
    case WindowKind::Tumble:
        if (w.size <= 0) return bad(C::WindowSize, w.size);
        if (w.offset <= -w.size || w.offset >= w.size) return bad(C::TumbleOffset, w.offset, w.size);
        break;
    case WindowKind::Hop:
        if (w.size <= 0 || w.slide <= 0) return bad(C::HopSizeSlide, w.size, w.slide);
        if (w.offset <= -w.slide || w.offset >= w.slide) return bad(C::HopOffset, w.offset, w.slide);
        if (spec.watermark.kind == WatermarkKind::Sql && w.size % w.slide != 0)
            return bad(C::SqlHopNotMultiple, w.size, w.slide);
        if (const auto n = windowsPerElement(w.size, w.slide); n > kMaxWindowsPerElement)
            return bad(C::TooManyHopWindows, w.size, w.slide, n);
        break;
    case WindowKind::Session:
        if (w.gap <= 0) return bad(C::SessionGap, w.gap);
        if (w.offset != 0) return bad(C::SessionOffset, w.offset);
        break;
    case WindowKind::Cumulate:
        if (w.size <= 0 || w.step <= 0) return bad(C::CumulateSizeStep, w.size, w.step);
        if (w.size % w.step != 0) return bad(C::CumulateNotMultiple, w.size, w.step);
        if (const auto n = windowsPerElement(w.size, w.step); n > kMaxWindowsPerElement)
            return bad(C::TooManyCumulateWindows, w.size, w.step, n);
        if (w.offset <= -w.size || w.offset >= w.size) return bad(C::CumulateOffset, w.offset, w.size);
        break;
    }
    return std::nullopt;
}

std::string renderResult(AggKind agg, const Accumulator& acc) {
    switch (agg) {
    case AggKind::Count:
        return std::to_string(acc.count);
    case AggKind::Sum:
        return formatDouble(acc.sum);
    case AggKind::Min:
        return formatDouble(acc.min);
    case AggKind::Max:
        return formatDouble(acc.max);
    case AggKind::Avg:
        return formatDouble(acc.count ? acc.sum / static_cast<double>(acc.count) : 0.0);
    case AggKind::Collect: {
        std::string s = "[";
        for (std::size_t i = 0; i < acc.items.size(); ++i) {
            if (i) s += ';';
            s += formatDouble(acc.items[i]);
        }
        return s + "]";
    }
    }
    return {};
}

namespace {

void accumulate(AggKind agg, Accumulator& acc, double v) {
    if (acc.count == 0) {
        acc.min = v;
        acc.max = v;
    } else {
        acc.min = std::min(acc.min, v);
        acc.max = std::max(acc.max, v);
    }
    ++acc.count;
    acc.sum += v;
    if (agg == AggKind::Collect) acc.items.push_back(v);
}

void mergeInto(Accumulator& target, const Accumulator& source) {
    if (source.count == 0) return;
    if (target.count == 0) {
        target.min = source.min;
        target.max = source.max;
    } else {
        target.min = std::min(target.min, source.min);
        target.max = std::max(target.max, source.max);
    }
    target.count += source.count;
    target.sum += source.sum;
    target.items.insert(target.items.end(), source.items.begin(), source.items.end());
}

struct Timer {
    Millis ts;
    std::uint32_t key; ///< interned key (first-arrival order): equal timestamps fire in that order
    TimeWindow window;
    bool operator<(const Timer& o) const {
        if (ts != o.ts) return ts < o.ts;
        if (key != o.key) return key < o.key;
        return window < o.window;
    }
};

/// A dense tumbling window's timer in 16 bytes (half a Timer: the dense windows' heap of one timer per key
/// and open window stays in a core's cache). Its window follows from its time: a fire timer is at
/// end - 1, a cleanup timer at end - 1 + allowed lateness (one timer, not cleanup, when the lateness is 0).
struct SlabTimer {
    Millis ts;
    std::uint32_t key;
    std::uint32_t cleanup; ///< 1: the cleanup timer of a window with allowed lateness > 0
    bool operator<(const SlabTimer& o) const {
        if (ts != o.ts) return ts < o.ts;
        if (key != o.key) return key < o.key;
        return cleanup < o.cleanup;
    }
};
static_assert(sizeof(SlabTimer) == 16);

/// The window operator's timers (WindowOperator: a fire timer at end - 1 and a cleanup timer) in Flink's
/// own queue order: InternalTimerServiceImpl's HeapPriorityQueueSet, a binary heap by timestamp only, so
/// timers of equal time fire in the heap's order (FlinkTimerHeap; docs/stream.md, "Firing order"). A
/// timer set twice is one timer, as in Flink.
class BucketTimers {
public:
    bool empty() const { return heap_.empty(); }
    /// Time of the earliest timer (the queue must not be empty).
    Millis nextTime() const { return heap_.peek().ts; }
    void add(Millis ts, std::uint32_t key, const TimeWindow& w) { heap_.add(Timer{ts, key, w}); }
    /// Removes the timer if present.
    void erase(Millis ts, std::uint32_t key, const TimeWindow& w) { heap_.remove(Timer{ts, key, w}); }
    /// Removes and returns the earliest timer (the queue must not be empty).
    Timer pop() { return heap_.poll(); }
    /// Becomes the dense windows' queue (this one empty): the same timers at the same places.
    template <class ToTimer> void adopt(const FlinkTimerHeap<SlabTimer, false>& dense, ToTimer toTimer) {
        heap_ = FlinkTimerHeap<Timer>(dense, toTimer);
    }

private:
    FlinkTimerHeap<Timer> heap_;
};

/// A key's count in a dense window (a Slab's 32-bit count) that reaches this moves the job to the general
/// structures (64-bit counts). Lowered by tests only (StreamJob::setSlabCountLimitForTesting).
std::uint32_t slabCountLimit = std::numeric_limits<std::uint32_t>::max();

/// A hint to the processor: start loading the cache line at p. Results never depend on it. It and the
/// functions that call it are always inlined: GCC finds a function that only prefetches free of side
/// effects and drops the call.
[[gnu::always_inline]] inline void prefetchLine([[maybe_unused]] const void* p) {
#if defined(__GNUC__)
    __builtin_prefetch(p);
#endif
}

/// A key's hash and word (KeyTable::hashOf), computed once per element.
struct KeyHash {
    std::uint64_t hash = 0;
    std::uint64_t word = 0;
};

/// Key interning: an open-addressing table (linear probing, at most 3/4 full) from the key's bytes to
/// its dense id; the ids are given in first-arrival order, so results never depend on the hash. A slot
/// holds a word made of the key's bytes and its length, so a key of up to 8 bytes is matched in the
/// table alone (no visit to the key's record: one cache line per lookup on the hot path). The word and
/// the hash are read with fixed-size loads (no call to memcpy for a key's length). A byte per slot holds a
/// tag of the hash, so that finding a key takes no branch that the loaded data decides (such a branch,
/// mispredicted on every key found past its home slot, waited for the slot's cache line each time).
class KeyTable {
public:
    /// What findOrAdd takes (of the key's bytes only; prefetch takes its hash).
    [[gnu::always_inline]] static KeyHash hashOf(std::string_view key) {
        const std::uint64_t word = wordOf(key);
        return KeyHash{hash(key, word), word};
    }
    /// The key's id, or `next` (then stored) when the key is new; `added` tells which. kh: hashOf(key).
    template <class Keys>
    [[gnu::always_inline]] std::uint32_t findOrAdd(std::string_view key, KeyHash kh, const Keys& keys,
                                                   std::uint32_t next, bool& added) {
        if ((static_cast<std::size_t>(next) + 1) * 4 > slots_.size() * 3) [[unlikely]]
            grow(keys);
        const std::uint64_t h = kh.hash;
        const std::uint64_t word = kh.word;
        const std::uint32_t meta = metaOf(h, key.size());
        const std::size_t mask = slots_.size() - 1;
        const std::size_t home = static_cast<std::size_t>(h) & mask;
        // The usual case without a branch that the loaded data decides: the first of the 8 slots from
        // home whose tag matches holds the key. Its zero bytes mark the matching tags, the lowest one
        // exactly (a borrow can only mark bytes above a true zero byte). The slot is checked, so a wrong
        // pick (another key with the same tag first; a big-endian machine) only takes the slow path.
        const std::uint64_t x = load64(tags_.data() + home) ^ (tagOf(h) * 0x0101010101010101ull);
        const std::uint64_t hits = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
        if (hits != 0) [[likely]] {
            const Slot& s = slots_[(home + (static_cast<std::size_t>(std::countr_zero(hits)) >> 3)) & mask];
            if (matches(s, key, keys, word, meta)) [[likely]] {
                added = false;
                return s.id;
            }
        }
        return findOrAddSlow(key, keys, next, added, word, h, meta);
    }

    /// A hint: starts loading the slot where the probe for a key of hash h begins.
    [[gnu::always_inline]] void prefetch(std::uint64_t h) const {
        if (slots_.empty()) return;
        prefetchLine(&slots_[static_cast<std::size_t>(h) & (slots_.size() - 1)]);
    }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    struct Slot {
        std::uint64_t word = 0; ///< wordOf(key)
        std::uint32_t meta = 0; ///< hash bits (high 24) and length (low 8, capped at 255)
        std::uint32_t id = kEmpty;
    };
    template <class Keys>
    [[gnu::always_inline]] static bool matches(const Slot& s, std::string_view key, const Keys& keys,
                                               std::uint64_t word, std::uint32_t meta) {
        return s.meta == meta && s.word == word &&
               (key.size() <= 8 || std::string_view(keys[s.id].name) == key);
    }
    /// A slot's tag: 7 bits of the hash and the top bit set (0: an empty slot).
    static std::uint8_t tagOf(std::uint64_t h) { return static_cast<std::uint8_t>(0x80u | (h >> 57)); }
    /// Linear probing from home (the key further than 8 slots away, or after a slot with its tag, or new).
    template <class Keys>
    [[gnu::noinline]] std::uint32_t findOrAddSlow(std::string_view key, const Keys& keys, std::uint32_t next,
                                                  bool& added, std::uint64_t word, std::uint64_t h,
                                                  std::uint32_t meta) {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.id == kEmpty) {
                s = Slot{word, meta, next};
                tags_[i] = tagOf(h);
                added = true;
                return next;
            }
            if (matches(s, key, keys, word, meta)) {
                added = false;
                return s.id;
            }
        }
    }
    static std::uint32_t metaOf(std::uint64_t h, std::size_t len) {
        return (static_cast<std::uint32_t>(h >> 32) & 0xFFFFFF00u) |
               static_cast<std::uint32_t>(std::min<std::size_t>(len, 255));
    }
    static std::uint64_t load64(const void* p) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    }
    static std::uint32_t load32(const char* p) {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
    }
    /// A word of the key's bytes: for keys of up to 8 bytes, different keys of the same length give
    /// different words (4..8 bytes: the first 4 and the last 4, overlapping; 1..3: first, middle and
    /// last byte); longer keys: their first 8 bytes.
    static std::uint64_t wordOf(std::string_view key) {
        const char* p = key.data();
        const std::size_t n = key.size();
        if (n >= 8) return load64(p);
        if (n >= 4) return load32(p) | (static_cast<std::uint64_t>(load32(p + n - 4)) << 32);
        if (n == 0) return 0;
        return static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
               (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8) |
               (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    }
    /// Two multiplications for a key of up to 8 bytes (its word), one more per further 8 bytes.
    static std::uint64_t hash(std::string_view key, std::uint64_t word) {
        const std::size_t n = key.size();
        std::uint64_t h = (word ^ (n * 0x9E3779B97F4A7C15ull)) * 0xbf58476d1ce4e5b9ull;
        if (n > 8) [[unlikely]] { // the other 8-byte words; the last one overlaps the one before
            const char* p = key.data();
            for (std::size_t i = 8; i + 8 < n; i += 8)
                h = (h ^ (h >> 31) ^ load64(p + i)) * 0xbf58476d1ce4e5b9ull;
            h = (h ^ (h >> 31) ^ load64(p + n - 8)) * 0xbf58476d1ce4e5b9ull;
        }
        h ^= h >> 32;
        h *= 0x94d049bb133111ebull;
        return h ^ (h >> 29);
    }
    template <class Keys> [[gnu::noinline]] void grow(const Keys& keys) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
        tags_.assign(slots_.size() + 8, 0); // 8 more: the load at the last home (they stay empty)
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& o : old) {
            if (o.id == kEmpty) continue;
            const std::string_view name = keys[o.id].name;
            const std::uint64_t h = hash(name, o.word);
            std::size_t i = static_cast<std::size_t>(h) & mask;
            while (slots_[i].id != kEmpty)
                i = (i + 1) & mask;
            slots_[i] = o;
            tags_[i] = tagOf(h);
        }
    }
    std::vector<Slot> slots_;
    std::vector<std::uint8_t> tags_; ///< tagOf(hash) by slot
};

/// One open window of a key with its accumulator.
struct KeyWindow {
    TimeWindow window;
    Accumulator acc;
};

/// One named keyed state of one key (value, list, map or reducing; a state is used as one of them).
struct StateCell {
    std::optional<std::string> value;
    std::vector<std::string> list;
    std::map<std::string, std::string> map;
    std::optional<double> reduced;
    Millis lastWrite = 0;
};

/// A key's sum, min and max in a Slab (not kept for a count: see Slab::stats).
struct SlabStats {
    double sum = 0;
    double min = 0;
    double max = 0;
    /// Folds one element's value in (`first`: the key's first element in the window).
    void add(double v, bool first) {
        min = first ? v : std::min(min, v);
        max = first ? v : std::max(max, v);
        sum += v;
    }
};

/// One open event-time tumbling window of a window subtask with the state of every key in it, indexed
/// by key id. Its timers are the per-(key, window) timers of the general path (fire at end - 1, cleanup
/// at end - 1 + allowed lateness), in the subtask's slabTimers: a copy of Flink's timer heap with the
/// same adds and polls, so equal-time windows fire in the same order as on the general path.
/// The counts are an array of their own (4 bytes a key: with 10 000 keys a window's counts and the key
/// table stay in a core's L2 cache; a count that reaches slabCountLimit moves the job to the general
/// structures, with 64-bit counts); sum, min and max only when the aggregate is not a count (a count's
/// firing carries only its count), the elements only for collect.
struct Slab {
    TimeWindow window;
    std::vector<std::uint32_t> count;       ///< by key id; 0: the key has no such window
    std::vector<SlabStats> stats;           ///< by key id; empty for a count
    std::vector<std::vector<double>> items; ///< collect only (by key id)
    std::size_t live = 0;                   ///< keys holding this window
};

} // namespace

// ---------------------------------------------------------------------------------------------------
// Job internals
// ---------------------------------------------------------------------------------------------------

struct StreamJob::Impl {
    StreamJob& job;
    JobOutput out;
    StreamJournalSink* journal;
    int maxParallelism;

    // --- source side -------------------------------------------------------------------------------
    struct Split {
        int partition = 0;
        int owner = 0;
        Millis maxTs = 0;          ///< bounded/monotonous generator
        Millis sqlCurrent = 0;     ///< SQL generator: running max of ts - interval, starts at 0
        Millis sqlLast = 0;        ///< SQL: last emitted
        std::uint64_t counter = 0; ///< idleness timer (WatermarksWithIdleness.IdlenessTimer)
        std::uint64_t lastCounter = 0;
        bool inactivityStarted = false;
        Millis startOfInactivity = 0;
        Millis wm = kMinTime; ///< output state in the split multiplexer
        bool idle = false;
        // A split takes part in its subtask's watermark from its assignment (the start of the job), not
        // from its first record: SourceOperator#handleAddSplitsEvent creates the split's output when the
        // split is assigned (Flink 2.3.0 bytecode; tests/flink case late_partition), so a partition that
        // has had no record yet holds the watermark at -inf unless idleness is configured.
    };
    struct Source {
        std::vector<int> splits;
        Millis combined = kMinTime; ///< multiplexer's combined watermark
        bool combinedIdle = false;
        Millis emitted = kMinTime;  ///< largest watermark sent downstream
        bool idle = false;          ///< status sent downstream
        /// The idleness timer of the reader's main output (ProgressiveTimestampsAndWatermarks gives it a
        /// generator of its own; records only go through the split outputs, so it never sees activity).
        /// It only matters for a reader without splits (parallelism > partitions): see periodicTick.
        bool mainInactivityStarted = false;
        Millis mainStartOfInactivity = 0;
        SqlSlicingWindows sqlLocal; ///< SQL: the local window aggregation chained to this source subtask
    };
    std::vector<Split> splits;
    std::vector<Source> sources;
    Millis nextTick = 0;
    bool ticking = false;
    bool activitySinceTick = true;
    bool lastTickQuiet = false;
    Millis generatorLag = 0; ///< boundOf() + 1: a DataStream generator's watermark is maxTs - this

    // --- window side ---------------------------------------------------------------------------------
    struct Channel {
        Millis wm = kMinTime;
        bool active = true;
        bool aligned = true;
    };
    struct WindowTask {
        int index = 0;
        std::vector<Channel> channels;
        Millis watermark = kMinTime; ///< last output of the valve = the operator's current watermark
        bool idle = false;
        std::size_t windowCount = 0;    ///< open windows of this subtask's keys (in Impl::keys)
        BucketTimers windowEventTimers; ///< window operator
        BucketTimers windowProcTimers;
        /// Process functions' timers: InternalTimerServiceImpl's two queues (HeapPriorityQueueSet each),
        /// so timers of equal time fire in Flink's heap order.
        FlinkTimerHeap<Timer> eventTimers;
        FlinkTimerHeap<Timer> procTimers;
        std::map<std::uint32_t, std::map<std::string, StateCell>> keyState; ///< process functions
        SqlSlicingWindows sql; ///< Flink SQL's slicing window aggregation (usesSqlSlicing)
        /// SQL, with a journal: the (key, window) pairs journaled as created and not yet fired, so that a
        /// window is created once, by its first row, and purged when it fires (its state is cleared then).
        std::set<std::tuple<std::uint32_t, Millis, Millis>> sqlOpen;
        // Dense tumbling windows (see Slab): open windows sorted by start, the one used last, their
        // timers (what windowEventTimers would hold: each added once, none removed but by a poll, so the
        // queue needs no index), and zeroed key arrays to reuse.
        std::vector<Slab> slabs;
        std::size_t lastSlab = 0;
        FlinkTimerHeap<SlabTimer, false> slabTimers;
        std::vector<std::vector<std::uint32_t>> spareCounts;
        std::vector<std::vector<SlabStats>> spareStats;
    };
    bool sqlSlicing = false;
    /// Event-time tumbling windows of the window operator kept as Slabs (one array over the key ids per
    /// open window) instead of per-key window lists, with their timers in a queue without an index. Same
    /// state, same timers, same order of firings and journal events; turned off for good (the state moved to the
    /// general structures) when the slabs would take too much memory (many keys and many open windows).
    bool dense = false;
    std::vector<WindowTask> tasks;

    // Interned keys: the window state and timers hold a 32-bit id, not the string.
    KeyTable keyIds;
    /// Everything the hot path needs about a key, in one cache line.
    struct alignas(64) KeyInfo {
        std::string name;
        /// Open windows of the key (owned by the key's subtask), sorted by window: a key has a few.
        std::vector<KeyWindow> windows;
        int owner = 0; ///< window subtask of the key (KeyGroupRangeAssignment)
    };
    std::vector<KeyInfo> keys;
    std::vector<TimeWindow> scratch;
    Firing firing; ///< reused for every output

    // Checkpoints: the last completed one is a copy of this state (its own `last` is cleared).
    struct Saved {
        std::shared_ptr<const Impl> state;
        Millis now = 0;
        std::uint64_t elements = 0;
        std::uint64_t lateDropped = 0;
        std::uint64_t id = 0;
    };
    Saved last;
    std::uint64_t nextCheckpointId = 1;
    Millis nextCheckpoint = kMaxTime;

    /// keyHash: KeyTable::hashOf(key).
    [[gnu::always_inline]] std::uint32_t internKey(const std::string& key, KeyHash keyHash) {
        bool added = false;
        const std::uint32_t id =
            keyIds.findOrAdd(key, keyHash, keys, static_cast<std::uint32_t>(keys.size()), added);
        if (added) [[unlikely]]
            addKey(key);
        return id;
    }
    /// For an element a few places ahead in a batch (StreamJob::process of a span): its key's hash, and
    /// a hint to start loading the key's table slot.
    [[gnu::always_inline]] KeyHash hashAndPrefetch(const Element& el) const {
        const KeyHash h = KeyTable::hashOf(el.key);
        keyIds.prefetch(h.hash);
        return h;
    }
    [[gnu::noinline]] void addKey(const std::string& key) {
        // Flink SQL's exchange hashes the key as a BinaryRowData, DataStream's keyBy as a String.
        const int p = job.spec_.parallelism;
        keys.push_back(KeyInfo{key, {},
                               job.spec_.watermark.kind == WatermarkKind::Sql ? sqlKeyToSubtask(key, p, maxParallelism)
                                                                               : keyToSubtask(key, p, maxParallelism)});
    }

    KeyWindow* findWindow(std::uint32_t kid, const TimeWindow& w) {
        for (KeyWindow& kw : keys[kid].windows)
            if (kw.window == w) return &kw;
        return nullptr;
    }
    /// The key's window, created (empty) if absent; the pointer is valid until the key's next change.
    std::pair<KeyWindow*, bool> tryEmplaceWindow(WindowTask& t, std::uint32_t kid, const TimeWindow& w) {
        auto& v = keys[kid].windows;
        auto pos = v.begin();
        while (pos != v.end() && pos->window < w)
            ++pos;
        if (pos != v.end() && pos->window == w) return {&*pos, false};
        ++t.windowCount;
        return {&*v.insert(pos, KeyWindow{w, Accumulator{}}), true};
    }
    void eraseWindow(WindowTask& t, std::uint32_t kid, const KeyWindow* kw) {
        auto& v = keys[kid].windows;
        v.erase(v.begin() + (kw - v.data()));
        --t.windowCount;
    }

    Impl(StreamJob& j, JobOutput o, StreamJournalSink* jr) : job(j), out(std::move(o)), journal(jr) {
        const JobSpec& spec = job.spec_;
        maxParallelism = defaultMaxParallelism(spec.parallelism);
        sources.resize(static_cast<std::size_t>(spec.parallelism));
        splits.resize(static_cast<std::size_t>(spec.partitions));
        const Millis bound = boundOf();
        generatorLag = bound + 1;
        for (int p = 0; p < spec.partitions; ++p) {
            Split& s = splits[static_cast<std::size_t>(p)];
            s.partition = p;
            s.owner = kafkaSplitOwner(spec.topic, p, spec.parallelism);
            s.maxTs = kMinTime + bound + 1; // BoundedOutOfOrdernessWatermarks initial value
            sources[static_cast<std::size_t>(s.owner)].splits.push_back(p);
        }
        tasks.resize(static_cast<std::size_t>(spec.parallelism));
        for (int t = 0; t < spec.parallelism; ++t) {
            tasks[static_cast<std::size_t>(t)].index = t;
            tasks[static_cast<std::size_t>(t)].channels.resize(static_cast<std::size_t>(spec.parallelism));
        }
        sqlSlicing = usesSqlSlicing(spec);
        dense = !sqlSlicing && !spec.process && spec.window.kind == WindowKind::Tumble && !spec.window.processingTime;
        if (sqlSlicing) {
            for (auto& t : tasks)
                t.sql = SqlSlicingWindows(spec.window);
            for (auto& so : sources)
                so.sqlLocal = SqlSlicingWindows(spec.window);
        }
        const auto& wmSpec = spec.watermark;
        ticking = !wmSpec.perEvent || wmSpec.idleTimeout > 0;
        if (ticking) nextTick = job.now_ + std::max<Millis>(wmSpec.interval, 1);
        if (spec.checkpointInterval > 0) nextCheckpoint = job.now_ + spec.checkpointInterval;
    }
    Impl(const Impl&) = default;

    std::uint64_t takeCheckpoint() {
        const std::uint64_t id = nextCheckpointId++;
        if (journal)
            record({StreamEventKind::CheckpointStarted,
                    0,
                    -1,
                    -1,
                    -1,
                    static_cast<Millis>(id),
                    0,
                    0,
                    0,
                    {},
                    {}});
        for (const auto& t : tasks)
            if (journal)
                record({StreamEventKind::CheckpointAligned,
                        0,
                        -1,
                        t.index,
                        -1,
                        static_cast<Millis>(id),
                        0,
                        0,
                        0,
                        {},
                        {}});
        if (sqlSlicing) {
            // LocalSlicingWindowAggOperator#prepareSnapshotPreBarrier flushes its buffer.
            for (auto& so : sources)
                so.sqlLocal.flushLocal(toGlobal());
        }
        Saved saved;
        saved.now = job.now_;
        saved.elements = job.elements_;
        saved.lateDropped = job.lateDropped_;
        saved.id = id;
        auto copy = std::make_shared<Impl>(*this);
        copy->last = Saved{}; // a snapshot does not keep the previous one
        saved.state = std::move(copy);
        last = std::move(saved);
        if (journal)
            record({StreamEventKind::CheckpointCompleted,
                    0,
                    -1,
                    -1,
                    -1,
                    static_cast<Millis>(id),
                    static_cast<Millis>(job.elements_),
                    0,
                    0,
                    {},
                    {}});
        if (out.onCheckpoint) out.onCheckpoint(id, job.elements_, job.now_);
        return id;
    }

    void record(StreamEvent e) {
        if (!journal) return;
        e.procTime = job.now_;
        journal->record(e);
    }

    Millis boundOf() const {
        return job.spec_.watermark.kind == WatermarkKind::Monotonous ? 0 : job.spec_.watermark.bound;
    }

    // Generator's current watermark candidate for a split (Lean: the job's watermarks are DataStream's).
    template <bool Lean = false> Millis generatorWatermark(const Split& s) const {
        if (!Lean && job.spec_.watermark.kind == WatermarkKind::Sql) return s.sqlCurrent;
        return s.maxTs - generatorLag;
    }

    /// WatermarkOutputMultiplexer.OutputState#setWatermark: active again, larger values only.
    /// splitSetWatermark's test inlined: most per-event calls change nothing.
    [[gnu::always_inline]] bool splitSetWatermarkFast(Split& s, Millis wm) {
        if (!s.idle && wm <= s.wm) return false;
        return splitSetWatermark(s, wm);
    }
    [[gnu::noinline]] bool splitSetWatermark(Split& s, Millis wm) {
        bool changed = false;
        if (s.idle) {
            s.idle = false;
            if (journal) record({StreamEventKind::SplitIdle, 0, s.partition, -1, -1, 0, 0, 0, 0, {}, {}});
            changed = true;
        }
        if (wm > s.wm) {
            s.wm = wm;
            if (journal)
                record({StreamEventKind::SplitWatermark, 0, s.partition, -1, -1, wm, 0, 0, 0, {}, {}});
            changed = true;
        }
        return changed;
    }

    void splitMarkIdle(Split& s) {
        if (s.idle) return;
        s.idle = true;
        if (journal) record({StreamEventKind::SplitIdle, 0, s.partition, -1, -1, 1, 0, 0, 0, {}, {}});
    }

    /// The SQL generator emits only values above the last one it emitted (which starts at 0).
    void sqlEmit(Split& s) {
        if (s.sqlCurrent > s.sqlLast) {
            s.sqlLast = s.sqlCurrent;
            splitSetWatermark(s, s.sqlCurrent);
        }
    }

    /// Combined watermark of a source subtask (min over its non-idle splits), sent downstream.
    void updateCombined(int src) {
        Source& so = sources[static_cast<std::size_t>(src)];
        // No splits (parallelism > partitions): the multiplexer has no outputs and emits nothing, so the
        // subtask holds every downstream watermark at -inf unless its main output goes idle (periodicTick).
        if (so.splits.empty()) return;
        // Every assigned split takes part, with or without records (see Split).
        Millis minWm = kMaxTime;
        bool allIdle = true;
        for (int p : so.splits) {
            const Split& s = splits[static_cast<std::size_t>(p)];
            if (!s.idle) {
                allIdle = false;
                minWm = std::min(minWm, s.wm);
            }
        }
        if (allIdle) {
            so.combinedIdle = true;
            sourceMarkIdle(src);
            return;
        }
        // WatermarkOutputMultiplexer#updateCombinedWatermark: a larger minimum is emitted (which makes an
        // idle output active again); a split coming back without raising the minimum leaves it idle.
        so.combinedIdle = false;
        if (minWm > so.combined) {
            so.combined = minWm;
            sourceEmitWatermark(src, minWm);
        }
    }

    void sourceMarkIdle(int src) {
        Source& so = sources[static_cast<std::size_t>(src)];
        if (so.idle) return;
        so.idle = true;
        if (journal) record({StreamEventKind::SourceIdle, 0, -1, src, -1, 1, 0, 0, 0, {}, {}});
        for (auto& t : tasks)
            channelStatus(t, src, true);
    }

    void sourceMarkActive(int src) {
        Source& so = sources[static_cast<std::size_t>(src)];
        if (!so.idle) return;
        so.idle = false;
        if (journal) record({StreamEventKind::SourceIdle, 0, -1, src, -1, 0, 0, 0, 0, {}, {}});
        for (auto& t : tasks)
            channelStatus(t, src, false);
    }

    /// WatermarkToDataOutput: only larger watermarks go out; an idle output becomes active first.
    void sourceEmitWatermark(int src, Millis wm) {
        Source& so = sources[static_cast<std::size_t>(src)];
        if (wm <= so.emitted) return;
        so.emitted = wm;
        sourceMarkActive(src);
        if (journal) record({StreamEventKind::SourceWatermark, 0, -1, src, -1, wm, 0, 0, 0, {}, {}});
        // SQL: the local window aggregation (chained to the source) flushes before forwarding it.
        if (sqlSlicing) so.sqlLocal.advanceLocal(wm, toGlobal());
        for (auto& t : tasks)
            channelWatermark(t, src, wm);
    }

    /// SQL: where the local phase sends its partials: the global phase of the key's window subtask.
    SqlSlicingWindows::PartialSink toGlobal() {
        return [this](std::uint32_t key, Millis end, SqlSlicingWindows::Partial&& p) {
            WindowTask& t = tasks[static_cast<std::size_t>(keys[key].owner)];
            SqlSink sink(*this, t);
            t.sql.acceptPartial(key, end, std::move(p), sink);
        };
    }

    // --- StatusWatermarkValve -------------------------------------------------------------------------

    void channelWatermark(WindowTask& t, int ch, Millis wm) {
        Channel& c = t.channels[static_cast<std::size_t>(ch)];
        if (t.idle || !c.active) return;
        if (wm <= c.wm) return;
        c.wm = wm;
        if (journal) record({StreamEventKind::ChannelWatermark, 0, -1, t.index, ch, wm, 0, 0, 0, {}, {}});
        if (!c.aligned && wm >= t.watermark) c.aligned = true;
        outputNewMin(t);
    }

    void outputNewMin(WindowTask& t) {
        Millis minWm = kMaxTime;
        bool any = false;
        for (const Channel& c : t.channels) {
            if (c.active && c.aligned) {
                any = true;
                minWm = std::min(minWm, c.wm);
            }
        }
        if (any && minWm > t.watermark) advanceWatermark(t, minWm);
    }

    void channelStatus(WindowTask& t, int ch, bool idle) {
        Channel& c = t.channels[static_cast<std::size_t>(ch)];
        if (idle && c.active) {
            c.active = false;
            c.aligned = false;
            if (journal) record({StreamEventKind::ChannelIdle, 0, -1, t.index, ch, 1, 0, 0, 0, {}, {}});
            const bool anyActive =
                std::any_of(t.channels.begin(), t.channels.end(), [](const Channel& x) { return x.active; });
            if (!anyActive) {
                // All inputs idle: flush the max watermark across all channels (unconditionally, as the
                // Flink 2.x valve does), then the valve is idle.
                Millis maxWm = kMinTime;
                for (const Channel& x : t.channels)
                    maxWm = std::max(maxWm, x.wm);
                if (maxWm > t.watermark) advanceWatermark(t, maxWm);
                t.idle = true;
            } else if (c.wm == t.watermark) {
                outputNewMin(t);
            }
        } else if (!idle && !c.active) {
            c.active = true;
            if (journal) record({StreamEventKind::ChannelIdle, 0, -1, t.index, ch, 0, 0, 0, 0, {}, {}});
            if (c.wm >= t.watermark) c.aligned = true;
            t.idle = false;
        }
    }

    // --- WindowOperator -------------------------------------------------------------------------------

    Millis cleanupTime(const TimeWindow& w) const {
        if (job.spec_.window.processingTime) return w.maxTimestamp();
        return addClamped(w.maxTimestamp(), job.spec_.window.allowedLateness);
    }

    void emit(WindowTask& t, std::uint32_t key, const TimeWindow& w, const Accumulator& acc, bool late) {
        if (journal) recordFired(t, key, w, late);
        if (out.onFiring) {
            firing.acc = acc;
            sendFiring(t, key, w, late);
        }
    }
    void recordFired(WindowTask& t, std::uint32_t key, const TimeWindow& w, bool late) {
        record({StreamEventKind::WindowFired,
                0,
                -1,
                t.index,
                -1,
                w.start,
                w.end,
                t.watermark,
                static_cast<std::uint8_t>(late ? 1 : 0),
                keys[key].name,
                {}});
    }
    /// Sends `firing` (its accumulator already set) for the key's window.
    void sendFiring(WindowTask& t, std::uint32_t key, const TimeWindow& w, bool late) {
        Firing& f = firing;
        f.key = keys[key].name;
        f.start = w.start;
        f.end = w.end;
        f.watermark = t.watermark;
        f.late = late;
        f.subtask = t.index;
        f.procTime = job.now_;
        out.onFiring(f);
    }

    void registerTimer(WindowTask& t, std::uint32_t key, const TimeWindow& w, Millis ts) {
        auto& timers = job.spec_.window.processingTime ? t.windowProcTimers : t.windowEventTimers;
        timers.add(ts, key, w);
    }
    void deleteTimer(WindowTask& t, std::uint32_t key, const TimeWindow& w, Millis ts) {
        auto& timers = job.spec_.window.processingTime ? t.windowProcTimers : t.windowEventTimers;
        timers.erase(ts, key, w);
    }
    void registerCleanupTimer(WindowTask& t, std::uint32_t key, const TimeWindow& w) {
        const Millis c = cleanupTime(w);
        if (c == kMaxTime) return; // no GC timer for "end of time"
        registerTimer(t, key, w, c);
    }

    /// Output of the SQL slicing window aggregation of one subtask.
    class SqlSink final : public SqlWindowSink {
    public:
        SqlSink(Impl& impl, WindowTask& task) : impl_(impl), task_(task) {}
        void fire(std::uint32_t key, const TimeWindow& w, const Accumulator& acc) override {
            impl_.emit(task_, key, w, acc, false);
            // The window's state is cleared as it fires (expiredSlices; SQL has no allowed lateness).
            if (impl_.journal && task_.sqlOpen.erase({key, w.start, w.end}) > 0)
                impl_.record({StreamEventKind::WindowPurged, 0, -1, task_.index, -1, w.start, w.end, 0, 0,
                              impl_.keys[key].name, {}});
        }
        void dropped(std::uint32_t key, Millis eventTime, Millis watermark) override {
            if (impl_.journal)
                impl_.record({StreamEventKind::ElementLate,
                              0,
                              -1,
                              task_.index,
                              -1,
                              eventTime,
                              0,
                              watermark,
                              static_cast<std::uint8_t>(impl_.job.spec_.lateSideOutput ? 1 : 0),
                              impl_.keys[key].name,
                              {}});
            if (impl_.job.spec_.lateSideOutput) {
                if (impl_.out.onLate)
                    impl_.out.onLate(LateRecord{impl_.keys[key].name, eventTime, watermark, task_.index});
            } else {
                ++impl_.job.lateDropped_;
            }
        }

    private:
        Impl& impl_;
        WindowTask& task_;
    };

    // --- Dense tumbling windows (Slab) ------------------------------------------------------------------

    /// Past this many bytes of slab arrays in a subtask, the job moves to the general structures.
    static constexpr std::size_t kSlabBudget = std::size_t{64} << 20;

    static Accumulator toAccumulator(const Slab& sl, std::uint32_t kid) {
        Accumulator acc;
        acc.count = sl.count[kid];
        if (kid < sl.stats.size()) {
            const SlabStats& a = sl.stats[kid];
            acc.sum = a.sum;
            acc.min = a.min;
            acc.max = a.max;
        }
        if (kid < sl.items.size()) acc.items = sl.items[kid];
        return acc;
    }

    /// emit(t, kid, sl.window, toAccumulator(sl, kid), late) without building an Accumulator: the
    /// firing's own is filled in place (its items' memory reused).
    void emitSlab(WindowTask& t, std::uint32_t kid, const Slab& sl, bool late) {
        if (journal) recordFired(t, kid, sl.window, late);
        if (!out.onFiring) return;
        Accumulator& a = firing.acc;
        a.count = sl.count[kid];
        if (kid < sl.stats.size()) {
            a.sum = sl.stats[kid].sum;
            a.min = sl.stats[kid].min;
            a.max = sl.stats[kid].max;
        } else {
            a.sum = a.min = a.max = 0;
        }
        if (kid < sl.items.size())
            a.items = sl.items[kid];
        else
            a.items.clear();
        sendFiring(t, kid, sl.window, late);
    }

    /// A dense window's timer, as registerTimer adds it on the general path.
    void addSlabTimer(WindowTask& t, Millis ts, std::uint32_t kid, const TimeWindow& w) {
        t.slabTimers.add(SlabTimer{ts, kid, ts != w.maxTimestamp() ? 1u : 0u});
    }
    /// The window of a dense window's timer.
    TimeWindow slabWindow(const SlabTimer& timer) const {
        const Millis end = timer.ts + 1 - (timer.cleanup ? job.spec_.window.allowedLateness : 0);
        return TimeWindow{end - job.spec_.window.size, end};
    }
    /// The timers registerTimer and registerCleanupTimer add for a window a key creates (WindowOperator:
    /// the trigger's fire timer at end - 1 unless the window fired at once, then the cleanup timer; the
    /// two are one timer when the allowed lateness is 0; none for "end of time").
    void addSlabTimers(WindowTask& t, std::uint32_t kid, const TimeWindow& w, bool firedAtOnce) {
        if (!firedAtOnce) addSlabTimer(t, w.maxTimestamp(), kid, w);
        const Millis c = cleanupTime(w);
        if (c != kMaxTime && c != w.maxTimestamp()) addSlabTimer(t, c, kid, w);
    }

    /// The slab of window w (created empty when absent); nullptr when a new one would exceed the budget
    /// (the job has then moved to the general structures).
    Slab* slabFor(WindowTask& t, const TimeWindow& w) {
        auto pos = t.slabs.begin();
        while (pos != t.slabs.end() && pos->window.start < w.start)
            ++pos;
        if (pos != t.slabs.end() && pos->window == w) {
            t.lastSlab = static_cast<std::size_t>(pos - t.slabs.begin());
            return &*pos;
        }
        const std::size_t perKey =
            sizeof(std::uint32_t) + (job.spec_.agg == AggKind::Count ? 0 : sizeof(SlabStats));
        const std::size_t bytes = (t.slabs.size() + 1) * keys.capacity() * perKey;
        if (bytes > kSlabBudget && !t.slabs.empty()) {
            leaveDense();
            return nullptr;
        }
        Slab sl;
        sl.window = w;
        if (!t.spareCounts.empty()) { // all zero (cleared at purge)
            sl.count = std::move(t.spareCounts.back());
            t.spareCounts.pop_back();
        }
        if (!t.spareStats.empty()) {
            sl.stats = std::move(t.spareStats.back());
            t.spareStats.pop_back();
        }
        pos = t.slabs.insert(pos, std::move(sl));
        t.lastSlab = static_cast<std::size_t>(pos - t.slabs.begin());
        return &*pos;
    }

    /// Moves every slab's state into the per-key windows and per-(key, window) timers and stops using
    /// slabs: the same state, so the results do not change.
    void leaveDense() {
        dense = false;
        for (WindowTask& t : tasks) {
            for (Slab& sl : t.slabs) {
                for (std::uint32_t kid = 0; kid < sl.count.size(); ++kid) {
                    if (sl.count[kid] == 0) continue;
                    auto& v = keys[kid].windows;
                    auto pos = v.begin();
                    while (pos != v.end() && pos->window < sl.window)
                        ++pos;
                    v.insert(pos, KeyWindow{sl.window, toAccumulator(sl, kid)});
                }
            }
            // The same queue: the order of equal times is kept.
            t.windowEventTimers.adopt(t.slabTimers,
                                      [&](const SlabTimer& st) { return Timer{st.ts, st.key, slabWindow(st)}; });
            t.slabTimers = FlinkTimerHeap<SlabTimer, false>();
            t.slabs.clear();
            t.spareCounts.clear();
            t.spareStats.clear();
        }
    }

    /// denseElement's common case, inlined in the hot path: the element falls in an open slab that has
    /// not fired yet and the aggregate is not collect. Then denseElement's steps are adding it to the
    /// key's accumulator and, when the key had no such window yet, creating it (counted, journalled and
    /// the slab's timers armed). Slabs are few (one per open window) and the newest is the likeliest.
    [[gnu::always_inline]] void denseElementFast(WindowTask& t, const Element& el, std::uint32_t kid) {
        const Millis ts = el.eventTime;
        const AggKind agg = job.spec_.agg;
        Slab* sl = nullptr;
        for (std::size_t i = t.slabs.size(); i-- > 0;) {
            Slab& s = t.slabs[i];
            if (ts >= s.window.start && ts < s.window.end) {
                sl = &s;
                break;
            }
        }
        if (!sl || kid >= sl->count.size() || sl->window.maxTimestamp() <= t.watermark ||
            agg == AggKind::Collect || (agg != AggKind::Count && kid >= sl->stats.size())) [[unlikely]] {
            denseElement(t, el, kid);
            return;
        }
        std::uint32_t& count = sl->count[kid];
        const bool created = count == 0;
        ++count;
        if (created) [[unlikely]]
            createdInSlab(t, *sl, kid);
        if (agg != AggKind::Count) sl->stats[kid].add(el.value, created);
        if (count == slabCountLimit) [[unlikely]]
            leaveDense();
    }
    /// A key's first element in an open slab that has not fired (see denseElement).
    void createdInSlab(WindowTask& t, Slab& sl, std::uint32_t kid) {
        ++t.windowCount;
        ++sl.live;
        const TimeWindow& w = sl.window;
        if (journal)
            record({StreamEventKind::WindowCreated, 0, -1, t.index, -1, w.start, w.end, 0, 0, keys[kid].name,
                    {}});
        addSlabTimers(t, kid, w, false);
    }

    /// windowElement for a dense tumbling window (the same steps as the general path below).
    [[gnu::noinline]] void denseElement(WindowTask& t, const Element& el, std::uint32_t kid) {
        const Millis W = t.watermark;
        const Millis ts = el.eventTime;
        Slab* sl = nullptr;
        if (t.lastSlab < t.slabs.size()) {
            Slab& last = t.slabs[t.lastSlab];
            if (ts >= last.window.start && ts < last.window.end) sl = &last;
        }
        TimeWindow w;
        if (sl) {
            w = sl->window; // an open slab is never past its cleanup time (it would have been purged)
        } else {
            const WindowSpec& ws = job.spec_.window;
            const Millis s = windowStart(ts, ws.offset, ws.size);
            w = TimeWindow{s, s + ws.size};
            if (cleanupTime(w) <= W) {
                if (journal)
                    record({StreamEventKind::ElementDroppedForWindow, 0, -1, t.index, -1, w.start, w.end,
                            el.eventTime, 0, keys[kid].name, {}});
                if (addClamped(el.eventTime, job.spec_.window.allowedLateness) <= W)
                    lateElement(t, el, kid, W);
                return;
            }
            sl = slabFor(t, w);
            if (!sl) { // moved to the general structures
                windowElement(t, el, kid);
                return;
            }
        }
        if (kid >= sl->count.size()) [[unlikely]]
            sl->count.resize(std::max<std::size_t>(keys.capacity(), kid + 1));
        std::uint32_t& count = sl->count[kid];
        const bool created = count == 0;
        ++count;
        if (created) {
            ++t.windowCount;
            ++sl->live;
            if (journal)
                record({StreamEventKind::WindowCreated, 0, -1, t.index, -1, w.start, w.end, 0, 0,
                        keys[kid].name, {}});
        }
        const AggKind agg = job.spec_.agg;
        if (agg != AggKind::Count) {
            if (kid >= sl->stats.size()) sl->stats.resize(std::max<std::size_t>(keys.capacity(), kid + 1));
            sl->stats[kid].add(el.value, created);
        }
        if (agg == AggKind::Collect) {
            const double v = el.value;
            if (kid >= sl->items.size()) sl->items.resize(std::max<std::size_t>(keys.capacity(), kid + 1));
            sl->items[kid].push_back(v);
        }
        const bool firedAtOnce = w.maxTimestamp() <= W;
        if (firedAtOnce) emitSlab(t, kid, *sl, !created); // a late update unless it created it (windowElement)
        if (created) addSlabTimers(t, kid, w, firedAtOnce);
        if (sl->count[kid] == slabCountLimit) [[unlikely]]
            leaveDense();
    }

    /// Fires the slabs' timers up to wm, one by one in the queue's order (WindowOperator#onEventTime).
    /// Firing a dense window's timer neither adds nor removes a timer, so the due timers are polled a
    /// few at a time, then fired in the order polled: the same order. Polled first, their keys' records
    /// (a firing carries the key's name) and counts start loading together; a hint only.
    void advanceSlabs(WindowTask& t, Millis wm) {
        constexpr std::size_t kBatch = 16;
        std::array<SlabTimer, kBatch> due;
        for (;;) {
            std::size_t n = 0;
            const Slab* sl = nullptr;
            while (n < kBatch && !t.slabTimers.empty() && t.slabTimers.peek().ts <= wm) {
                const SlabTimer& timer = due[n++] = t.slabTimers.poll();
                if (timer.key < keys.size()) prefetchLine(&keys[timer.key]);
                if (!sl || sl->window != slabWindow(timer)) {
                    const auto it = slabOf(t, timer);
                    sl = it == t.slabs.end() ? nullptr : &*it;
                }
                if (sl && timer.key < sl->count.size()) prefetchLine(&sl->count[timer.key]);
            }
            if (n == 0) return;
            for (std::size_t i = 0; i < n; ++i)
                onSlabTimer(t, due[i]);
        }
    }
    /// The open slab a dense window's timer belongs to (end() if none).
    std::vector<Slab>::iterator slabOf(WindowTask& t, const SlabTimer& timer) const {
        const TimeWindow window = slabWindow(timer);
        return std::find_if(t.slabs.begin(), t.slabs.end(), [&](const Slab& sl) { return sl.window == window; });
    }
    /// onTimer for a dense window: fire at end - 1, clear the key's state at the cleanup time.
    void onSlabTimer(WindowTask& t, const SlabTimer& timer) {
        const auto it = slabOf(t, timer);
        const std::uint32_t kid = timer.key;
        if (it == t.slabs.end() || kid >= it->count.size() || it->count[kid] == 0) return; // cannot happen
        Slab& sl = *it;
        if (timer.ts == sl.window.maxTimestamp()) emitSlab(t, kid, sl, false);
        if (timer.ts != cleanupTime(sl.window)) return;
        sl.count[kid] = 0;
        if (kid < sl.stats.size()) sl.stats[kid] = SlabStats{};
        if (kid < sl.items.size()) sl.items[kid].clear();
        --sl.live;
        --t.windowCount;
        if (journal)
            record({StreamEventKind::WindowPurged, 0, -1, t.index, -1, sl.window.start, sl.window.end, 0, 0,
                    keys[kid].name, {}});
        if (sl.live == 0) { // every key's state is gone, and with it every timer of the window
            t.spareCounts.push_back(std::move(sl.count)); // zeroed by the purges
            if (!sl.stats.empty()) t.spareStats.push_back(std::move(sl.stats));
            t.slabs.erase(it);
            t.lastSlab = 0;
        }
    }

    void lateElement(WindowTask& t, const Element& el, std::uint32_t kid, Millis W) {
        if (journal)
            record({StreamEventKind::ElementLate, 0, -1, t.index, -1, el.eventTime, 0, W,
                    static_cast<std::uint8_t>(job.spec_.lateSideOutput ? 1 : 0), keys[kid].name, {}});
        if (job.spec_.lateSideOutput) {
            if (out.onLate) out.onLate(LateRecord{el.key, el.eventTime, W, t.index});
        } else {
            ++job.lateDropped_;
        }
    }

    /// Window operator input: one element for subtask t.
    void windowElement(WindowTask& t, const Element& el, std::uint32_t kid) {
        if (dense) {
            denseElement(t, el, kid);
            return;
        }
        if (sqlSlicing) {
            const int src = splits[static_cast<std::size_t>(el.partition)].owner;
            sources[static_cast<std::size_t>(src)].sqlLocal.element(
                kid, el.eventTime, el.value, job.spec_.agg == AggKind::Collect, t.watermark);
            if (journal) {
                // The row joins every window of its slice that has not fired at the operator's watermark
                // (the ones that have would drop it, or pass it on to their later windows): the first row
                // of a window creates it. A late row creates none (its drop is journaled at the flush).
                assignWindowsInto(job.spec_.window, el.eventTime, scratch);
                std::sort(scratch.begin(), scratch.end(),
                          [](const TimeWindow& a, const TimeWindow& b) { return a.end < b.end; });
                for (const TimeWindow& w : scratch) {
                    if (t.watermark >= w.maxTimestamp()) continue;
                    if (t.sqlOpen.insert({kid, w.start, w.end}).second)
                        record({StreamEventKind::WindowCreated, 0, -1, t.index, -1, w.start, w.end, 0, 0,
                                keys[kid].name, {}});
                }
            }
            return;
        }
        const WindowSpec& ws = job.spec_.window;
        const bool eventTime = !ws.processingTime;
        const Millis assignTs = eventTime ? el.eventTime : job.now_;
        const Millis W = t.watermark;
        const Millis L = eventTime ? ws.allowedLateness : 0;
        const auto isLate = [&](const TimeWindow& w) { return eventTime && cleanupTime(w) <= W; };
        const Millis triggerNow = eventTime ? W : job.now_;
        bool skipped = true;

        assignWindowsInto(ws, assignTs, scratch);
        for (const TimeWindow& assigned : scratch) {
            TimeWindow actual = assigned;
            bool mergedNow = false; // a session made by this element's merge: a new window, never fired
            if (ws.kind == WindowKind::Session) {
                // MergingWindowSet#addWindow: sort the key's sessions and the new one by start, sweep-merge
                // the intersecting ones (inclusive), then find the group holding the new window.
                std::vector<TimeWindow> existing;
                for (const KeyWindow& kw : keys[kid].windows)
                    existing.push_back(kw.window);
                std::vector<TimeWindow> all = existing;
                all.push_back(assigned);
                std::stable_sort(all.begin(), all.end(),
                                 [](const TimeWindow& a, const TimeWindow& b) { return a.start < b.start; });
                std::vector<std::pair<TimeWindow, std::vector<TimeWindow>>> groups;
                for (const TimeWindow& w : all) {
                    if (!groups.empty() && groups.back().first.start <= w.end &&
                        groups.back().first.end >= w.start) {
                        groups.back().first.start = std::min(groups.back().first.start, w.start);
                        groups.back().first.end = std::max(groups.back().first.end, w.end);
                        groups.back().second.push_back(w);
                    } else {
                        groups.push_back({w, {w}});
                    }
                }
                for (auto& g : groups) {
                    if (std::find(g.second.begin(), g.second.end(), assigned) == g.second.end()) continue;
                    actual = g.first;
                    // Existing sessions swallowed (the new window may equal or lie inside one of them).
                    std::set<TimeWindow> mergedSet;
                    for (const TimeWindow& w : g.second)
                        if (findWindow(kid, w)) mergedSet.insert(w);
                    std::vector<TimeWindow> merged(mergedSet.begin(), mergedSet.end());
                    // The new window inside one existing session: no merge, no trigger onMerge.
                    if (merged.size() == 1 && merged[0] == actual) merged.clear();
                    if (!merged.empty()) {
                        Accumulator acc;
                        for (const TimeWindow& m : merged) {
                            KeyWindow* kw = findWindow(kid, m);
                            mergeInto(acc, kw->acc);
                            eraseWindow(t, kid, kw);
                            // triggerContext.clear() + deleteCleanupTimer for every merged window
                            deleteTimer(t, kid, m, m.maxTimestamp());
                            const Millis c = cleanupTime(m);
                            if (c != kMaxTime) deleteTimer(t, kid, m, c);
                        }
                        tryEmplaceWindow(t, kid, actual).first->acc = std::move(acc);
                        mergedNow = true;
                        // EventTimeTrigger#onMerge: re-register at the merged end if still ahead.
                        if (actual.maxTimestamp() > triggerNow)
                            registerTimer(t, kid, actual, actual.maxTimestamp());
                        if (journal)
                            record({StreamEventKind::WindowMerged,
                                    0,
                                    -1,
                                    t.index,
                                    -1,
                                    actual.start,
                                    actual.end,
                                    static_cast<Millis>(merged.size()),
                                    0,
                                    keys[kid].name,
                                    {}});
                    }
                    break;
                }
            }
            if (isLate(actual)) {
                // Window already cleaned up (for sessions: the merged one): the element is not added to it.
                if (journal)
                    record({StreamEventKind::ElementDroppedForWindow,
                            0,
                            -1,
                            t.index,
                            -1,
                            actual.start,
                            actual.end,
                            el.eventTime,
                            0,
                            keys[kid].name,
                            {}});
                continue;
            }
            skipped = false;
            auto [kw, created] = tryEmplaceWindow(t, kid, actual);
            if (created && journal)
                record({StreamEventKind::WindowCreated,
                        0,
                        -1,
                        t.index,
                        -1,
                        actual.start,
                        actual.end,
                        0,
                        0,
                        keys[kid].name,
                        {}});
            accumulate(job.spec_.agg, kw->acc, el.value);
            // Trigger#onElement. A non-merging window's timers (fire at end - 1, cleanup at end - 1 + L)
            // never change, so registering them when it is created gives the same deduplicated timers
            // as registering them for every element (and saves a timer-set lookup per element).
            const bool registerNow = created || ws.kind == WindowKind::Session;
            if (eventTime && actual.maxTimestamp() <= W) {
                // Fired at once by a late element within the allowed lateness (EventTimeTrigger#onElement).
                // A late update only if this window fired before: one this element created (or a session
                // its merge made) gives its first result. An existing window behind the watermark has
                // fired already (its timer at end - 1 popped when the watermark passed it, or it was
                // itself created behind the watermark and fired then).
                emit(t, kid, actual, kw->acc, !created && !mergedNow);
            } else if (registerNow) {
                registerTimer(t, kid, actual, actual.maxTimestamp());
            }
            if (registerNow) registerCleanupTimer(t, kid, actual);
        }
        if (skipped && eventTime && addClamped(el.eventTime, L) <= W) {
            if (journal)
                record({StreamEventKind::ElementLate,
                        0,
                        -1,
                        t.index,
                        -1,
                        el.eventTime,
                        0,
                        W,
                        static_cast<std::uint8_t>(job.spec_.lateSideOutput ? 1 : 0),
                        keys[kid].name,
                        {}});
            if (job.spec_.lateSideOutput) {
                if (out.onLate) out.onLate(LateRecord{el.key, el.eventTime, W, t.index});
            } else {
                ++job.lateDropped_;
            }
        }
    }

    /// WindowOperator#onEventTime / #onProcessingTime for one timer.
    void onTimer(WindowTask& t, const Timer& timer) {
        const TimeWindow& w = timer.window;
        KeyWindow* kw = findWindow(timer.key, w);
        if (!kw) return; // merged away or already cleared
        if (timer.ts == w.maxTimestamp()) emit(t, timer.key, w, kw->acc, false);
        if (timer.ts == cleanupTime(w)) {
            eraseWindow(t, timer.key, kw);
            deleteTimer(t, timer.key, w, w.maxTimestamp());
            if (journal)
                record({StreamEventKind::WindowPurged,
                        0,
                        -1,
                        t.index,
                        -1,
                        w.start,
                        w.end,
                        0,
                        0,
                        keys[timer.key].name,
                        {}});
        }
    }

    // --- KeyedProcessOperator ----------------------------------------------------------------------

    class Context final : public ProcessContext {
    public:
        Context(Impl& impl, WindowTask& task, std::uint32_t kid, std::optional<Millis> ts)
            : impl_(impl), task_(task), kid_(kid), ts_(ts) {}
        const std::string& key() const override { return impl_.keys[kid_].name; }
        std::optional<Millis> timestamp() const override { return ts_; }
        Millis currentWatermark() const override { return task_.watermark; }
        Millis currentProcessingTime() const override { return impl_.job.now_; }
        void registerEventTimeTimer(Millis time) override { timer(time, TimeDomain::EventTime, true); }
        void registerProcessingTimeTimer(Millis time) override {
            timer(time, TimeDomain::ProcessingTime, true);
        }
        void deleteEventTimeTimer(Millis time) override { timer(time, TimeDomain::EventTime, false); }
        void deleteProcessingTimeTimer(Millis time) override {
            timer(time, TimeDomain::ProcessingTime, false);
        }
        void output(const std::string& value) override {
            if (impl_.journal)
                impl_.record({StreamEventKind::ProcessOutput, 0, -1, task_.index, -1, ts_ ? *ts_ : kMinTime,
                              0, 0, 0, key(), value});
            if (impl_.out.onOutput)
                impl_.out.onOutput(ProcessOutput{key(), ts_, impl_.job.now_, value, task_.index});
        }
        std::optional<std::string> value(const std::string& state) override {
            const StateCell* c = cell(state, false);
            return c ? c->value : std::nullopt;
        }
        void update(const std::string& state, const std::string& v) override { write(state).value = v; }
        void clear(const std::string& state) override {
            auto& states = task_.keyState[kid_];
            if (states.erase(state) && impl_.journal)
                impl_.record(
                    {StreamEventKind::StateChanged, 0, -1, task_.index, -1, 0, 0, 0, 0, key(), state});
        }
        std::vector<std::string> list(const std::string& state) override {
            const StateCell* c = cell(state, false);
            return c ? c->list : std::vector<std::string>{};
        }
        void add(const std::string& state, const std::string& v) override { write(state).list.push_back(v); }
        std::optional<std::string> mapGet(const std::string& state, const std::string& mapKey) override {
            const StateCell* c = cell(state, false);
            if (!c) return std::nullopt;
            const auto it = c->map.find(mapKey);
            if (it == c->map.end()) return std::nullopt;
            return it->second;
        }
        void mapPut(const std::string& state, const std::string& mapKey, const std::string& v) override {
            write(state).map[mapKey] = v;
        }
        void mapRemove(const std::string& state, const std::string& mapKey) override {
            if (cell(state, false)) write(state).map.erase(mapKey);
        }
        std::optional<double> reduced(const std::string& state) override {
            const StateCell* c = cell(state, false);
            return c ? c->reduced : std::nullopt;
        }
        void reduceAdd(const std::string& state, double v) override {
            StateCell& c = write(state);
            c.reduced = c.reduced ? *c.reduced + v : v;
        }

    private:
        void timer(Millis time, TimeDomain domain, bool add) {
            auto& timers = domain == TimeDomain::EventTime ? task_.eventTimers : task_.procTimers;
            const Timer t{time, kid_, TimeWindow{0, 0}};
            const bool changed = add ? timers.add(t) : timers.remove(t);
            if (changed && impl_.journal)
                impl_.record({add ? StreamEventKind::TimerRegistered : StreamEventKind::TimerDeleted,
                              0,
                              -1,
                              task_.index,
                              -1,
                              time,
                              0,
                              0,
                              static_cast<std::uint8_t>(domain == TimeDomain::ProcessingTime ? 1 : 0),
                              key(),
                              {}});
        }
        /// The state, or nullptr when absent or expired (an expired state is removed: NeverReturnExpired).
        StateCell* cell(const std::string& state, bool create) {
            auto& states = task_.keyState[kid_];
            auto it = states.find(state);
            const Millis ttl = impl_.job.spec_.stateTtl;
            if (it != states.end() && ttl > 0 && impl_.job.now_ >= addClamped(it->second.lastWrite, ttl)) {
                states.erase(it);
                it = states.end();
                if (impl_.journal)
                    impl_.record(
                        {StreamEventKind::StateChanged, 0, -1, task_.index, -1, 2, 0, 0, 0, key(), state});
            }
            if (it == states.end()) {
                if (!create) return nullptr;
                it = states.emplace(state, StateCell{}).first;
            }
            return &it->second;
        }
        StateCell& write(const std::string& state) {
            StateCell& c = *cell(state, true);
            c.lastWrite = impl_.job.now_; // TTL refreshed on create and write
            if (impl_.journal)
                impl_.record(
                    {StreamEventKind::StateChanged, 0, -1, task_.index, -1, 1, 0, 0, 0, key(), state});
            return c;
        }

        Impl& impl_;
        WindowTask& task_;
        std::uint32_t kid_;
        std::optional<Millis> ts_;
    };

    void processElement(WindowTask& t, const Element& el, std::uint32_t kid) {
        Context ctx(*this, t, kid,
                    job.spec_.window.processingTime ? std::nullopt : std::optional<Millis>(el.eventTime));
        job.spec_.process->processElement(el, ctx);
    }

    void processTimer(WindowTask& t, const Timer& timer, TimeDomain domain) {
        if (journal)
            record({StreamEventKind::TimerFired,
                    0,
                    -1,
                    t.index,
                    -1,
                    timer.ts,
                    0,
                    t.watermark,
                    static_cast<std::uint8_t>(domain == TimeDomain::ProcessingTime ? 1 : 0),
                    keys[timer.key].name,
                    {}});
        Context ctx(*this, t, timer.key,
                    domain == TimeDomain::EventTime ? std::optional<Millis>(timer.ts) : std::nullopt);
        job.spec_.process->onTimer(timer.ts, domain, ctx);
    }

    /// InternalTimerServiceImpl#advanceWatermark: set, fire every timer <= W in order, then forward.
    void advanceWatermark(WindowTask& t, Millis wm) {
        t.watermark = wm;
        if (journal) record({StreamEventKind::OperatorWatermark, 0, -1, t.index, -1, wm, 0, 0, 0, {}, {}});
        if (sqlSlicing) {
            SqlSink sink(*this, t);
            t.sql.advanceGlobal(wm, sink);
            return;
        }
        if (!job.spec_.process) {
            if (dense) {
                advanceSlabs(t, wm);
                return;
            }
            while (!t.windowEventTimers.empty() && t.windowEventTimers.nextTime() <= wm)
                onTimer(t, t.windowEventTimers.pop());
            return;
        }
        while (!t.eventTimers.empty() && t.eventTimers.peek().ts <= wm) {
            const Timer timer = t.eventTimers.poll();
            processTimer(t, timer, TimeDomain::EventTime);
        }
    }

    /// Fires the processing-time timers for time T once processing time has passed T: Flink schedules a
    /// processing-time timer 1 ms late (FLINK-9857), so an element arriving exactly at T comes first.
    void fireProcessingTimers(Millis now) {
        if (dense) return; // event-time windows only: no processing-time timer can exist
        for (auto& t : tasks) {
            while (!t.windowProcTimers.empty() && t.windowProcTimers.nextTime() < now)
                onTimer(t, t.windowProcTimers.pop());
            while (!t.procTimers.empty() && t.procTimers.peek().ts < now) {
                const Timer timer = t.procTimers.poll();
                processTimer(t, timer, TimeDomain::ProcessingTime);
            }
        }
    }

    /// The processing time at which the next processing-time timer fires (its time + 1 ms).
    Millis nextProcTimer() const {
        if (dense) return kMaxTime; // event-time windows only: no processing-time timer can exist
        Millis m = kMaxTime;
        for (const auto& t : tasks) {
            if (!t.procTimers.empty()) m = std::min(m, addClamped(t.procTimers.peek().ts, 1));
            if (!t.windowProcTimers.empty()) m = std::min(m, addClamped(t.windowProcTimers.nextTime(), 1));
        }
        return m;
    }

    // --- periodic emission (ProgressiveTimestampsAndWatermarks) --------------------------------------

    void periodicTick() {
        const WatermarkSpec& ws = job.spec_.watermark;
        for (Split& s : splits) {
            if (ws.idleTimeout > 0) {
                // IdlenessTimer#checkIfIdle
                bool idleNow = false;
                if (s.counter != s.lastCounter) {
                    s.lastCounter = s.counter;
                    s.inactivityStarted = false;
                } else if (!s.inactivityStarted) {
                    s.inactivityStarted = true;
                    s.startOfInactivity = job.now_;
                } else {
                    idleNow = job.now_ - s.startOfInactivity > ws.idleTimeout;
                }
                if (idleNow) {
                    splitMarkIdle(s);
                    continue;
                }
            }
            // Periodic emission into the split's deferred output; the combined value is computed below.
            // (A per-event generator emits nothing here: the ticks then only drive idleness.)
            if (!ws.perEvent) {
                if (ws.kind == WatermarkKind::Sql) {
                    sqlEmit(s);
                } else {
                    splitSetWatermark(s, generatorWatermark(s));
                }
            }
        }
        for (int src = 0; src < static_cast<int>(sources.size()); ++src) {
            Source& so = sources[static_cast<std::size_t>(src)];
            if (so.splits.empty() && ws.idleTimeout > 0 && !so.idle) {
                // A reader without splits (Flink 2.x, ProgressiveTimestampsAndWatermarks.IdlenessManager):
                // the split-local side counts as idle from the start (no split output exists) and the main
                // output's WatermarksWithIdleness sees no record, so its IdlenessTimer makes the whole
                // subtask idle at the first tick more than the timeout after the first one. Without
                // withIdleness it stays active at -inf and holds the job back for ever (since FLINK-24347
                // the Kafka source keeps readers without a split running instead of finishing them).
                if (!so.mainInactivityStarted) {
                    so.mainInactivityStarted = true;
                    so.mainStartOfInactivity = job.now_;
                } else if (job.now_ - so.mainStartOfInactivity > ws.idleTimeout) {
                    sourceMarkIdle(src);
                }
            }
            updateCombined(src);
        }
    }

    /// After a quiet tick (no element since the one before), further ticks change nothing until a split's
    /// idleness deadline: jump over them (keeps huge gaps in arrival time cheap).
    void skipQuietTicks(Millis upTo) {
        const WatermarkSpec& ws = job.spec_.watermark;
        const Millis interval = std::max<Millis>(ws.interval, 1);
        Millis target = upTo; // the last tick <= upTo is still run
        if (ws.idleTimeout > 0) {
            for (const Split& s : splits) {
                if (!s.idle && s.inactivityStarted) {
                    const Millis deadline = s.startOfInactivity + ws.idleTimeout; // first tick strictly after
                    target = std::min(target, deadline);
                }
            }
            for (const Source& so : sources) {
                if (!so.splits.empty() || so.idle) continue;
                if (!so.mainInactivityStarted) return; // the next tick starts its timer
                target = std::min(target, so.mainStartOfInactivity + ws.idleTimeout);
            }
        }
        if (target <= nextTick) return;
        const Millis steps = (target - nextTick) / interval;
        if (steps > 0) nextTick += steps * interval;
    }

    /// Runs what is due at the current processing time (job.now_, the scheduler's clock when one of the
    /// job's timers fires), in Flink's order: the checkpoint, then processing-time timers, then the
    /// periodic tick. `horizon` is how far the caller is advancing the clock (advanceProcessingTime); it
    /// only lets quiet ticks and checkpoints in a gap where nothing happens be skipped up to it.
    void runDue(Millis horizon) {
        const Millis interval = std::max<Millis>(job.spec_.watermark.interval, 1);
        const Millis time = job.now_;
        while (true) {
            const Millis tick = ticking ? nextTick : kMaxTime;
            const Millis pt = nextProcTimer();
            const Millis next = std::min({tick, pt, nextCheckpoint});
            if (next > time) break;
            if (nextCheckpoint <= std::min(tick, pt)) {
                // Nothing changes before the next checkpoint time: only the last one in a quiet gap is taken.
                const Millis ci = job.spec_.checkpointInterval;
                const Millis upTo = std::min({tick, pt, horizon});
                if (nextCheckpoint + ci > upTo) {
                    nextCheckpoint += ci; // before the snapshot: a restored job must not take it again
                    takeCheckpoint();
                } else {
                    nextCheckpoint += (upTo - nextCheckpoint) / ci * ci;
                }
            } else if (pt <= tick) {
                fireProcessingTimers(next);
            } else {
                const bool quiet = !activitySinceTick;
                activitySinceTick = false;
                periodicTick();
                nextTick += interval;
                if (quiet && lastTickQuiet) skipQuietTicks(horizon);
                lastTickQuiet = quiet;
            }
        }
    }

    /// When each of the job's timer kinds is next due (kMaxTime: never), indexed by StreamTimer.
    std::array<Millis, 3> wakeUps() const {
        return {ticking ? nextTick : kMaxTime, nextProcTimer(), nextCheckpoint};
    }

    void advanceTo(Millis time) { job.runUntil(time); }

    /// True when the job has one subtask and one split, DataStream watermarks after every element, no
    /// journal, no periodic ticks and no checkpoints (fixed for the job's life): while its windows are
    /// dense too, sourceElement<true> may take an element of partition 0 (see StreamJob::process of a
    /// span).
    bool leanShape() const {
        const WatermarkSpec& ws = job.spec_.watermark;
        return tasks.size() == 1 && splits.size() == 1 && !journal && ws.perEvent &&
               ws.kind != WatermarkKind::Sql && !ticking && nextCheckpoint == kMaxTime;
    }

    /// keyHash: KeyTable::hashOf(el.key). Lean: leanShape() and dense hold and the element is of partition 0;
    /// the same steps, without the tests that configuration decides.
    template <bool Lean = false>
    [[gnu::always_inline]] void sourceElement(const Element& el, KeyHash keyHash) {
        Split& s = splits[Lean ? 0 : static_cast<std::size_t>(el.partition)];
        const WatermarkSpec& ws = job.spec_.watermark;
        activitySinceTick = true;
        if (!Lean && journal)
            record({StreamEventKind::ElementArrived,
                    0,
                    el.partition,
                    s.owner,
                    -1,
                    el.eventTime,
                    static_cast<Millis>(job.elements_),
                    0,
                    0,
                    el.key,
                    {}});
        ++s.counter; // IdlenessTimer#activity
        if (!Lean && ws.kind == WatermarkKind::Sql) {
            s.sqlCurrent = std::max(s.sqlCurrent, addClamped(el.eventTime, -ws.bound));
        } else {
            s.maxTs = std::max(s.maxTs, el.eventTime);
        }
        // The record goes downstream before the watermark its generator emits for it.
        const std::uint32_t kid = internKey(el.key, keyHash);
        // (With one subtask the key's record is not visited: it owns every key.)
        WindowTask& task =
            Lean || tasks.size() == 1 ? tasks[0] : tasks[static_cast<std::size_t>(keys[kid].owner)];
        if (Lean || dense) {
            denseElementFast(task, el, kid);
        } else if (job.spec_.process) {
            processElement(task, el, kid);
        } else {
            windowElement(task, el, kid);
        }
        if (Lean || ws.perEvent) {
            // The source's combined watermark depends only on its splits' state: when this split's did not
            // change (its generator did not advance), recomputing it would change nothing.
            bool changed = true;
            if (!Lean && ws.kind == WatermarkKind::Sql) {
                sqlEmit(s);
            } else {
                changed = splitSetWatermarkFast(s, generatorWatermark<Lean>(s));
            }
            if (changed) updateCombined(s.owner);
        } else if (ws.kind == WatermarkKind::Sql && s.sqlCurrent - s.sqlLast > ws.interval) {
            // WatermarkAssignerOperator also emits eagerly when the watermark jumped by more than the
            // interval.
            sqlEmit(s);
            updateCombined(s.owner);
        }
        if (!dense) fireProcessingTimers(job.now_);
    }

    /// An element whose partition is not one of the source's: read from partition 0.
    [[gnu::noinline]] void sourceElementAtPartition0(const Element& element) {
        Element el = element;
        el.partition = 0;
        sourceElement(el, KeyTable::hashOf(el.key));
    }

    /// True when the job can have no wake-up on the scheduler (wakeUps() all kMaxTime): per-event
    /// watermarks without idleness, event-time tumbling windows, no checkpoints.
    bool noWakeUps() const { return !ticking && dense && nextCheckpoint == kMaxTime; }

    void finish(bool finalWatermark) {
        if (!finalWatermark) return;
        for (int src = 0; src < static_cast<int>(sources.size()); ++src) {
            Source& so = sources[static_cast<std::size_t>(src)];
            // End of input: the source emits MAX_WATERMARK (and is active again if it was idle).
            (void)so;
            sourceEmitWatermark(src, kMaxTime);
        }
        dropProcessingTimers();
    }

    /// The operators finish: Flink quiesces each operator's ProcessingTimeService before finishing it
    /// (StreamOperatorWrapper#finish, FLINK-14231), so processing-time timers still pending never fire.
    /// Event-time timers all fired on MAX_WATERMARK above. The process functions' dropped timers are
    /// journaled (TimerDropped); a processing-time window's timer is dropped with its unfired window.
    void dropProcessingTimers() {
        if (dense) return; // event-time windows only: no processing-time timer can exist
        for (auto& t : tasks) {
            while (!t.procTimers.empty()) {
                const Timer timer = t.procTimers.poll();
                if (journal)
                    record({StreamEventKind::TimerDropped, 0, -1, t.index, -1, timer.ts, 0, 0, 0,
                            keys[timer.key].name, {}});
            }
            while (!t.windowProcTimers.empty())
                (void)t.windowProcTimers.pop();
        }
    }
};

StreamJob::StreamJob(JobSpec spec, JobOutput output, StreamJournalSink* journal, Millis startTime,
                     runtime::Scheduler* scheduler, std::string_view component)
    : spec_(std::move(spec)), scheduler_(scheduler), component_(component) {
    attach(startTime);
    startTime_ = now_;
    impl_ = std::make_unique<Impl>(*this, std::move(output), journal);
    arm();
}

StreamJob::~StreamJob() {
    disarm(); // a shared scheduler must not call back a job that is gone
}

void StreamJob::attach(Millis startTime) {
    if (ownScheduler_ || !scheduler_) {
        // The job's own clock (also after a restore, when it goes back to the checkpoint's time).
        ownScheduler_ = std::make_unique<runtime::Scheduler>();
        ownScheduler_->advanceTo(startTime);
        scheduler_ = ownScheduler_.get();
        timers_ = runtime::TimerChannel<StreamTimer>(*scheduler_, component_, *this);
    } else if (!registered_) {
        timers_ = runtime::TimerChannel<StreamTimer>(*scheduler_, component_, *this); // once per scheduler
    }
    registered_ = true;
    for (auto& a : armed_)
        a = kMaxTime;
    now_ = scheduler_->now();
}

void StreamJob::disarm() {
    for (std::size_t k = 0; k < kTimerKinds; ++k) {
        if (armed_[k] != kMaxTime) timers_.cancel(armedKey_[k]);
        armed_[k] = kMaxTime;
    }
}

void StreamJob::arm() {
    const auto wanted = impl_->wakeUps();
    for (std::size_t k = 0; k < kTimerKinds; ++k) {
        if (wanted[k] == armed_[k]) continue;
        if (armed_[k] != kMaxTime) timers_.cancel(armedKey_[k]);
        armed_[k] = wanted[k];
        if (wanted[k] != kMaxTime)
            armedKey_[k] = timers_.scheduleCancellable(std::max(wanted[k], scheduler_->now()),
                                                       static_cast<StreamTimer>(k));
    }
}

void StreamJob::onTimer(const runtime::Timer& timer) {
    const auto typed = runtime::TimerChannel<StreamTimer>::typed(timer);
    armed_[static_cast<std::size_t>(typed.kind)] = kMaxTime; // it just fired
    now_ = std::max(now_, typed.time);
    // Whichever of the job's timers comes first at this millisecond runs everything due at it.
    impl_->runDue(std::max(horizon_, typed.time));
    arm();
}

void StreamJob::runUntil(Millis time) {
    horizon_ = time;
    for (runtime::TimeMs next = scheduler_->nextTime(); next >= 0 && next <= time;
         next = scheduler_->nextTime())
        scheduler_->step();
    scheduler_->advanceTo(time);
    now_ = std::max(now_, scheduler_->now());
    horizon_ = kMinTime;
}

void StreamJob::advanceProcessingTime(Millis time) {
    now_ = std::max(now_, scheduler_->now());
    if (time < now_) return; // processing time never goes back
    runUntil(time);
    arm();
}

[[gnu::always_inline]] inline void StreamJob::processHashed(const Element& element, std::uint64_t keyHash,
                                                           std::uint64_t keyWord) {
    now_ = std::max(now_, scheduler_->now());
    if (element.arrival > now_) impl_->advanceTo(element.arrival);
    if (element.partition < 0 || element.partition >= spec_.partitions) [[unlikely]] {
        impl_->sourceElementAtPartition0(element);
    } else {
        // No copy of the element (and its key) on the hot path.
        impl_->sourceElement(element, KeyHash{keyHash, keyWord});
    }
    ++elements_;
    // The hot path: nothing to schedule and nothing scheduled (the usual replay job) skips arm().
    const bool nothingArmed = armed_[0] == kMaxTime && armed_[1] == kMaxTime && armed_[2] == kMaxTime;
    if (!(nothingArmed && impl_->noWakeUps())) arm();
}

void StreamJob::setSlabCountLimitForTesting(std::uint32_t limit) {
    slabCountLimit = limit == 0 ? std::numeric_limits<std::uint32_t>::max() : limit;
}

void StreamJob::process(const Element& element) {
    const KeyHash h = KeyTable::hashOf(element.key);
    processHashed(element, h.hash, h.word);
}

void StreamJob::process(std::span<const Element> elements) {
    // The same steps as one process call per element. With many keys, loading a key's table slot misses
    // the cache: here each key's hash (and word) is computed kAhead elements earlier (a ring of them)
    // and its slot starts loading then, so the loads overlap.
    constexpr std::size_t kAhead = 16;
    std::array<KeyHash, kAhead> hashes{};
    const std::size_t n = elements.size();
    for (std::size_t i = 0; i < std::min(n, kAhead); ++i)
        hashes[i] = impl_->hashAndPrefetch(elements[i]);
    // While the job's shape makes most of processHashed's tests constant (Impl::leanShape), its windows
    // are dense and nothing is armed, an element of partition 0 that does not move processing time takes
    // the same steps without them; any other element goes through processHashed, and the two things
    // that can change (dense windows, armed wake-ups) are tested again.
    const bool leanShape = impl_->leanShape();
    const auto leanNow = [this, leanShape] {
        return leanShape && impl_->dense && armed_[0] == kMaxTime && armed_[1] == kMaxTime &&
               armed_[2] == kMaxTime;
    };
    now_ = std::max(now_, scheduler_->now());
    bool lean = leanNow();
    for (std::size_t i = 0; i < n; ++i) {
        KeyHash& ring = hashes[i % kAhead];
        const KeyHash h = ring;
        if (i + kAhead < n) ring = impl_->hashAndPrefetch(elements[i + kAhead]);
        const Element& el = elements[i];
        if (lean && el.partition == 0 && el.arrival <= now_) [[likely]] {
            impl_->sourceElement<true>(el, h);
            ++elements_;
            if (!impl_->dense) [[unlikely]] { // it left its dense windows: processHashed's end, no more lean
                arm();
                lean = false;
            }
        } else {
            processHashed(el, h.hash, h.word);
            lean = leanNow();
        }
    }
}

void StreamJob::finish(bool finalWatermark) {
    now_ = std::max(now_, scheduler_->now());
    impl_->finish(finalWatermark);
    arm();
}

void StreamJob::runPendingProcessingTimers() {
    // A function that registers a new timer from every onTimer would never let this end: bounded.
    for (int round = 0; round < 100000; ++round) {
        const Millis next = pendingTimer(StreamTimer::ProcessingTimer);
        if (next == kMaxTime) return;
        advanceProcessingTime(next);
    }
}

std::uint64_t StreamJob::checkpoint() {
    now_ = std::max(now_, scheduler_->now());
    const std::uint64_t id = impl_->takeCheckpoint();
    arm();
    return id;
}

std::uint64_t StreamJob::lastCompletedCheckpoint() const {
    return impl_->last.id;
}

std::uint64_t StreamJob::crashAndRestore() {
    StreamJournalSink* journal = impl_->journal;
    if (journal) {
        StreamEvent e{StreamEventKind::JobCrashed, now_, -1, 0, -1, 0, 0, 0, 0, {}, {}};
        journal->record(e);
    }
    Impl::Saved saved = impl_->last;
    const std::uint64_t nextId = impl_->nextCheckpointId;
    // The restarted job's wake-ups replace the crashed one's; its own clock goes back to the
    // checkpoint's time (a shared one cannot: the job then restarts at the current time).
    disarm();
    attach(saved.state ? saved.now : startTime_);
    if (saved.state) {
        impl_ = std::make_unique<Impl>(*saved.state);
        elements_ = saved.elements;
        lateDropped_ = saved.lateDropped;
    } else {
        JobOutput out = impl_->out;
        elements_ = 0;
        lateDropped_ = 0;
        impl_ = std::make_unique<Impl>(*this, std::move(out), journal);
    }
    impl_->last = saved; // the restored job still knows its last completed checkpoint
    impl_->nextCheckpointId = nextId;
    if (journal) {
        StreamEvent e{StreamEventKind::JobRestored,   now_, -1, -1, -1, static_cast<Millis>(saved.id),
                      static_cast<Millis>(elements_), 0,    0,  {}, {}};
        journal->record(e);
    }
    arm();
    return elements_;
}

namespace {
class InactivityAlert final : public KeyedProcessFunction {
public:
    InactivityAlert(Millis timeout, bool portuguese) : timeout_(timeout), portuguese_(portuguese) {}
    void processElement(const Element&, ProcessContext& ctx) override {
        // Replace the key's pending timer by one `timeout` after now (processing time).
        if (const auto previous = ctx.value("timer")) ctx.deleteProcessingTimeTimer(std::stoll(*previous));
        const Millis at = ctx.currentProcessingTime() + timeout_;
        ctx.registerProcessingTimeTimer(at);
        ctx.update("timer", std::to_string(at));
    }
    void onTimer(Millis, TimeDomain, ProcessContext& ctx) override {
        ctx.clear("timer");
        const std::string seconds = formatDouble(static_cast<double>(timeout_) / 1000.0);
        ctx.output(portuguese_
                       ? "\u26A0 Utilizador " + ctx.key() + " inativo h\u00E1 " + seconds + " segundos."
                       : "\u26A0 User " + ctx.key() + " inactive for " + seconds + " seconds.");
    }

private:
    Millis timeout_;
    bool portuguese_;
};
} // namespace

std::shared_ptr<KeyedProcessFunction> makeInactivityAlert(Millis timeout, bool portuguese) {
    return std::make_shared<InactivityAlert>(timeout, portuguese);
}

Millis StreamJob::operatorWatermark(int subtask) const {
    return impl_->tasks.at(static_cast<std::size_t>(subtask)).watermark;
}
Millis StreamJob::splitWatermark(int partition) const {
    return impl_->splits.at(static_cast<std::size_t>(partition)).wm;
}
Millis StreamJob::sourceWatermark(int subtask) const {
    return impl_->sources.at(static_cast<std::size_t>(subtask)).emitted;
}
bool StreamJob::splitIdle(int partition) const {
    return impl_->splits.at(static_cast<std::size_t>(partition)).idle;
}

std::size_t StreamJob::openWindows() const {
    std::size_t n = 0;
    for (const auto& t : impl_->tasks)
        n += t.windowCount + t.sql.openSlices();
    for (const auto& so : impl_->sources)
        n += so.sqlLocal.openSlices();
    return n;
}

} // namespace fluxolab::stream
