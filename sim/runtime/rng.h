#pragma once
// The simulation's only source of randomness: one explicitly passed, seeded generator.
// xoshiro256** seeded through splitmix64; our own range mapping so that results are identical on
// every platform and standard library (std distributions are not portable).

#include <cstdint>

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

} // namespace fluxolab::sim
