// fluxolab-cli assign: the group assignors, standalone.
#include "labs/cli/cli_args.h"
#include "labs/cli/cli_commands.h"
#include "sim/assignors.h"
#include "sim/hash.h"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <set>

namespace fluxolab::labs {

using namespace fluxolab::sim;
using namespace fluxolab::labs::cli_args;

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
