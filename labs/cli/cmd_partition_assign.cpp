// fluxolab-cli partition / assign: the producer's partitioner and the group assignors, standalone.
#include "labs/cli/cli_commands.h"
#include "sim/assignors.h"
#include "sim/hash.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <ostream>
#include <set>

namespace fluxolab::labs {

using namespace fluxolab::sim;

namespace {
std::optional<long long> toInt(const std::string& s) {
    long long v = 0;
    const auto* end = s.data() + s.size();
    const auto r = std::from_chars(s.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end) return std::nullopt;
    return v;
}

std::vector<std::string> split(const std::string& s, char sep) {
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
std::optional<TopicPartition> parseTp(const std::string& s) {
    const auto dash = s.rfind('-');
    if (dash == std::string::npos || dash == 0) return std::nullopt;
    const auto p = toInt(s.substr(dash + 1));
    if (!p || *p < 0 || *p > 1000000) return std::nullopt;
    return TopicPartition{s.substr(0, dash), static_cast<std::int32_t>(*p)};
}
} // namespace

int cmdPartition(const Args& args, CliStreams io) {
    std::optional<long long> partitions;
    std::string partitioner = "murmur2";
    std::vector<std::string> keys;
    bool keysOnly = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!keysOnly && a == "--") {
            keysOnly = true;
        } else if (!keysOnly && a == "--partitions") {
            if (i + 1 >= args.size()) {
                io.err << "partition: --partitions needs a value\n";
                return 2;
            }
            partitions = toInt(args[++i]);
            if (!partitions || *partitions < 1 || *partitions > 100000) {
                io.err << "partition: --partitions must be a whole number from 1 to 100000, got '" << args[i] << "'\n";
                return 2;
            }
        } else if (!keysOnly && a == "--partitioner") {
            if (i + 1 >= args.size()) {
                io.err << "partition: --partitioner needs a value\n";
                return 2;
            }
            partitioner = args[++i];
            if (partitioner != "murmur2" && partitioner != "murmur2_random" && partitioner != "consistent" &&
                partitioner != "consistent_random") {
                io.err << "partition: unknown partitioner '" << partitioner
                       << "' (use murmur2, murmur2_random, consistent or consistent_random)\n";
                return 2;
            }
        } else if (!keysOnly && a.rfind("--", 0) == 0) {
            io.err << "partition: unknown option '" << a << "'\n";
            return 2;
        } else {
            keys.push_back(a);
        }
    }
    if (!partitions) {
        io.err << "partition: --partitions N is required\n";
        return 2;
    }
    if (keys.empty()) {
        io.err << "partition: give at least one KEY\n";
        return 2;
    }
    const auto n = static_cast<std::int32_t>(*partitions);
    for (const auto& k : keys) {
        io.out << k << '\t';
        if (partitioner == "murmur2" || partitioner == "murmur2_random") {
            io.out << javaKeyPartition(k, n);
        } else if (k.empty() && partitioner == "consistent_random") {
            io.out << "sticky"; // librdkafka treats an empty key like a null key: sticky random partition
        } else {
            io.out << consistentCrc32Partition(k, n);
        }
        io.out << '\n';
    }
    return 0;
}

int cmdAssign(const Args& args, CliStreams io) {
    std::optional<AssignorKind> strategy;
    std::map<std::string, std::int32_t> topics;
    std::vector<MemberSubscription> members;
    std::map<std::string, std::vector<TopicPartition>> owned;
    std::map<std::string, std::int32_t> generations;
    auto value = [&](std::size_t& i, const std::string& opt) -> std::optional<std::string> {
        if (i + 1 >= args.size()) {
            io.err << "assign: " << opt << " needs a value\n";
            return std::nullopt;
        }
        return args[++i];
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--strategy") {
            auto v = value(i, a);
            if (!v) return 2;
            strategy = parseAssignor(*v);
            if (!strategy) {
                io.err << "assign: unknown strategy '" << *v << "' (use range, roundrobin, sticky or cooperative-sticky)\n";
                return 2;
            }
        } else if (a == "--topics") {
            auto v = value(i, a);
            if (!v) return 2;
            for (const auto& item : split(*v, ',')) {
                const auto colon = item.rfind(':');
                const auto n = colon == std::string::npos ? std::nullopt : toInt(item.substr(colon + 1));
                if (!n || *n < 1 || *n > 100000 || colon == 0) {
                    io.err << "assign: --topics expects NAME:PARTITIONS[,NAME:PARTITIONS...], got '" << item << "'\n";
                    return 2;
                }
                topics[item.substr(0, colon)] = static_cast<std::int32_t>(*n);
            }
        } else if (a == "--member") {
            auto v = value(i, a);
            if (!v) return 2;
            const auto eq = v->find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == v->size()) {
                io.err << "assign: --member expects MEMBER=TOPIC[,TOPIC...], got '" << *v << "'\n";
                return 2;
            }
            MemberSubscription m;
            m.member_id = v->substr(0, eq);
            m.topics = split(v->substr(eq + 1), ',');
            for (const auto& existing : members)
                if (existing.member_id == m.member_id) {
                    io.err << "assign: member '" << m.member_id << "' is given twice\n";
                    return 2;
                }
            members.push_back(std::move(m));
        } else if (a == "--owned") {
            auto v = value(i, a);
            if (!v) return 2;
            const auto eq = v->find('=');
            if (eq == std::string::npos || eq == 0) {
                io.err << "assign: --owned expects MEMBER=TOPIC-P[,TOPIC-P...], got '" << *v << "'\n";
                return 2;
            }
            auto& list = owned[v->substr(0, eq)];
            if (eq + 1 < v->size())
                for (const auto& item : split(v->substr(eq + 1), ',')) {
                    auto tp = parseTp(item);
                    if (!tp) {
                        io.err << "assign: cannot read partition '" << item << "' (expected TOPIC-PARTITION, e.g. t1-0)\n";
                        return 2;
                    }
                    list.push_back(*tp);
                }
        } else if (a == "--generation") {
            auto v = value(i, a);
            if (!v) return 2;
            const auto eq = v->find('=');
            const auto g = eq == std::string::npos ? std::nullopt : toInt(v->substr(eq + 1));
            if (!g || *g < -1 || *g > 2147483647) {
                io.err << "assign: --generation expects MEMBER=N, got '" << *v << "'\n";
                return 2;
            }
            generations[v->substr(0, eq)] = static_cast<std::int32_t>(*g);
        } else {
            io.err << "assign: unknown option '" << a << "'\n";
            return 2;
        }
    }
    if (!strategy) {
        io.err << "assign: --strategy is required\n";
        return 2;
    }
    if (topics.empty() || members.empty()) {
        io.err << "assign: --topics and at least one --member are required\n";
        return 2;
    }
    for (const auto& entry : owned) {
        const std::string& id = entry.first; // not a structured binding: Clang 14 cannot capture one
        const auto& list = entry.second;
        auto it = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.member_id == id; });
        if (it == members.end()) {
            io.err << "assign: --owned names member '" << id << "', which has no --member\n";
            return 2;
        }
        it->owned = list;
        it->generation = generations.count(id) ? generations[id] : 1;
    }
    const GroupAssignment result = assignPartitions(*strategy, topics, members);
    for (const auto& [member, tps] : result) { // std::map: members sorted by id, as Kafka sorts them
        io.out << member << '\t';
        for (std::size_t i = 0; i < tps.size(); ++i) io.out << (i ? "," : "") << tps[i].str();
        io.out << '\n';
    }
    return 0;
}

} // namespace fluxolab::labs
