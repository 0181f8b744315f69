#pragma once
// Small argument helpers shared by fluxolab-cli's subcommands (labs/cli/cmd_*.cpp); not part of the
// labs API.

#include "sim/types.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fluxolab::labs::cli_args {

using sim::TopicPartition;

inline std::optional<long long> toInt(const std::string& s) {
    long long v = 0;
    const auto* end = s.data() + s.size();
    const auto r = std::from_chars(s.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end) return std::nullopt;
    return v;
}

inline std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return out;
}

/// "name-3" -> {name, 3}; the partition is after the last '-' (topic names may contain '-').
inline std::optional<TopicPartition> parseTp(const std::string& s) {
    const auto dash = s.rfind('-');
    if (dash == std::string::npos || dash == 0) return std::nullopt;
    const auto p = toInt(s.substr(dash + 1));
    if (!p || *p < 0 || *p > 1000000) return std::nullopt;
    return TopicPartition{s.substr(0, dash), static_cast<std::int32_t>(*p)};
}

inline std::string dirOf(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

inline bool parseU64(const std::string& s, std::uint64_t& v) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

} // namespace fluxolab::labs::cli_args
