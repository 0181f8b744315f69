#pragma once
// The simulation's only source of randomness: explicitly passed, seeded generators.
// xoshiro256** seeded through splitmix64; our own range mapping so that results are identical on
// every platform and standard library (std distributions are not portable).
// Each component draws from its own stream, forked from the run's seed by a stable string tag
// (forkSeed), so that adding an engine, a producer or a scenario driver never shifts the draws of
// another component.

#include <cstdint>
#include <string_view>

namespace fluxolab::sim {

class Rng {
public:
    explicit Rng(std::uint64_t seed) { reseed(seed); }

    void reseed(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& s : m_s) {
            x += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            s = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform integer in [0, bound) (bound > 0), unbiased (rejection sampling).
    std::uint64_t below(std::uint64_t bound) {
        if (bound <= 1) return 0;
        const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);
        std::uint64_t r = next();
        while (r >= limit) r = next();
        return r % bound;
    }

    /// Uniform integer in [lo, hi] inclusive.
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    /// A Java-like nextInt(): 32 random bits as a signed int.
    std::int32_t nextInt() { return static_cast<std::int32_t>(static_cast<std::uint32_t>(next() >> 32)); }

    /// Uniform double in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

    bool chance(double p) { return unit() < p; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4]{};
};

namespace runtime {

/// 64-bit FNV-1a of the bytes of `tag`.
constexpr std::uint64_t fnv1a64(std::string_view tag) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : tag) {
        h ^= static_cast<std::uint8_t>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

/// One splitmix64 step (the finaliser), a bijection that spreads nearby inputs apart.
constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// The seed of the stream tagged `tag` of a run seeded with `seed`: depends on the seed and the tag
/// only (never on which other streams exist or how much they drew).
constexpr std::uint64_t forkSeed(std::uint64_t seed, std::string_view tag) { return splitmix64(seed ^ fnv1a64(tag)); }

/// The run's seed and the streams forked from it.
class RngStreams {
public:
    explicit RngStreams(std::uint64_t seed) : m_seed(seed) {}
    std::uint64_t seed() const { return m_seed; }
    /// The stream tagged `tag` ("scenario", "stream/engine-1", ...), from its start.
    Rng fork(std::string_view tag) const { return Rng(forkSeed(m_seed, tag)); }
    /// The Kafka cluster's stream. It is seeded with the run's seed itself (not forked) so that the
    /// journals recorded before streams existed stay byte-identical; every other component forks.
    Rng kafka() const { return Rng(m_seed); }

private:
    std::uint64_t m_seed;
};

} // namespace runtime

} // namespace fluxolab::sim
