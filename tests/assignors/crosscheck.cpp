// Random-case cross-check of the four assignors against the real kafka-clients 4.3.1 classes.
//   fluxolab_assignor_crosscheck generate COUNT SEED      cases, one a line, as `fluxolab-cli assign`
//   arguments fluxolab_assignor_crosscheck compare CASES KAFKA_OUT  runs `fluxolab-cli assign` on every case
//   and compares
//                                                          with what AssignorCrossCheck.java printed
// run.sh ties them together (ctest: real/assignors). The generator is deterministic (its own SplitMix64, no
// std:: distributions, which differ between standard libraries), so a seed always gives the same cases.
#include "labs/cli/cli_commands.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

const char* const kStrategies[] = {"range", "roundrobin", "sticky", "cooperative-sticky"};

std::string memberId(Rng& rng, int style, int n) {
    switch (style) {
    case 0:
        return "c" + std::to_string(n + 1); // c1, c2, ..., c10: "c10" sorts before "c2"
    case 1: {
        static const char* hex = "0123456789abcdef";
        std::string uuid;
        for (int i = 0; i < 8; ++i)
            uuid += hex[rng.below(16)];
        return "consumer-g-" + std::to_string(n + 1) + "-" + uuid;
    }
    default:
        return std::string(1, static_cast<char>('a' + n)) + std::to_string(rng.below(100));
    }
}

/// One group: topics, members with subscriptions, previous ownership (possibly conflicting, possibly of
/// topics a member no longer subscribes to) and generations (some members one or two behind).
std::string generateCase(Rng& rng, int index) {
    static const char* const pool[] = {"t", "orders", "payments", "a-b", "clicks", "t1", "x"};
    const std::string strategy = kStrategies[index % 4];
    std::vector<std::string> names(std::begin(pool), std::end(pool));
    for (std::size_t i = names.size(); i > 1; --i)
        std::swap(names[i - 1], names[static_cast<std::size_t>(rng.below(static_cast<int>(i)))]);
    const int topicCount = 1 + rng.below(3);
    std::vector<std::pair<std::string, int>> topics;
    for (int t = 0; t < topicCount; ++t)
        topics.emplace_back(names[static_cast<std::size_t>(t)], 1 + rng.below(10));

    const int memberCount = 1 + rng.below(rng.chance(20) ? 12 : 6);
    const int style = rng.below(3);
    std::vector<std::string> members;
    while (static_cast<int>(members.size()) < memberCount) {
        const std::string id = memberId(rng, style, static_cast<int>(members.size()) + rng.below(3));
        if (std::find(members.begin(), members.end(), id) == members.end()) members.push_back(id);
    }
    const bool sameTopics = rng.chance(55);
    std::map<std::string, std::vector<std::string>> subs;
    for (const std::string& m : members) {
        for (const auto& [topic, n] : topics)
            if (sameTopics || rng.chance(60)) subs[m].push_back(topic);
        if (subs[m].empty()) subs[m].push_back(topics[static_cast<std::size_t>(rng.below(topicCount))].first);
    }

    std::ostringstream line;
    line << "--strategy " << strategy << " --topics ";
    for (std::size_t t = 0; t < topics.size(); ++t)
        line << (t ? "," : "") << topics[t].first << ':' << topics[t].second;
    for (const std::string& m : members) {
        line << " --member " << m << '=';
        for (std::size_t t = 0; t < subs[m].size(); ++t)
            line << (t ? "," : "") << subs[m][t];
    }
    if (rng.chance(15)) return line.str(); // a brand-new group

    // The previous generation's assignment: most partitions had an owner; a few had two claimants.
    std::map<std::string, std::vector<std::string>> owned;
    const bool churn = rng.chance(40); // the owner may no longer subscribe to the topic
    for (const auto& [topic, n] : topics)
        for (int p = 0; p < n; ++p) {
            if (!rng.chance(85)) continue;
            std::vector<std::string> eligible;
            for (const std::string& m : members)
                if (churn || std::find(subs[m].begin(), subs[m].end(), topic) != subs[m].end())
                    eligible.push_back(m);
            if (eligible.empty()) continue;
            const std::string tp = topic + "-" + std::to_string(p);
            owned[eligible[static_cast<std::size_t>(rng.below(static_cast<int>(eligible.size())))]].push_back(
                tp);
            if (rng.chance(6)) owned[members[static_cast<std::size_t>(rng.below(memberCount))]].push_back(tp);
        }
    const int generation = 3 + rng.below(5);
    for (const std::string& m : members) {
        if (owned.count(m) == 0) {
            if (rng.chance(10)) line << " --owned " << m << '='; // joined with nothing owned
            continue;
        }
        std::vector<std::string>& list = owned[m];
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        for (std::size_t i = list.size(); i > 1; --i)
            std::swap(list[i - 1], list[static_cast<std::size_t>(rng.below(static_cast<int>(i)))]);
        line << " --owned " << m << '=';
        for (std::size_t i = 0; i < list.size(); ++i)
            line << (i ? "," : "") << list[i];
        const int behind = rng.chance(25) ? 1 + rng.below(2) : 0;
        line << " --generation " << m << '=' << generation - behind;
    }
    return line.str();
}

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

int compare(const std::string& casesFile, const std::string& kafkaFile) {
    std::ifstream cases(casesFile), kafka(kafkaFile);
    if (!cases || !kafka) {
        std::cerr << "crosscheck: cannot read " << casesFile << " or " << kafkaFile << '\n';
        return 2;
    }
    std::map<int, std::string> expected;
    int current = 0;
    for (std::string l; std::getline(kafka, l);) {
        if (l.rfind("## case ", 0) == 0)
            current = std::stoi(l.substr(8));
        else
            expected[current] += l + "\n";
    }
    int n = 0, differ = 0, kafkaThrew = 0;
    std::map<std::string, int> perStrategy, differPerStrategy;
    for (std::string l; std::getline(cases, l);) {
        if (l.empty() || l[0] == '#') continue;
        ++n;
        const std::vector<std::string> args = words(l);
        std::istringstream in;
        std::ostringstream out, err;
        const int rc = fluxolab::labs::cmdAssign(args, {in, out, err});
        ++perStrategy[args.at(1)];
        if (expected[n].rfind("!! ", 0) == 0) {
            // kafka-clients throws on this input (the leader's rebalance fails); FluxoLab assigns anyway.
            if (++kafkaThrew <= 5)
                std::cout << "case " << n << ": kafka-clients 4.3.1 throws " << expected[n]
                          << "  fluxolab-cli assign " << l << "\n";
            continue;
        }
        if (rc == 0 && out.str() == expected[n]) continue;
        ++differPerStrategy[args.at(1)];
        if (++differ <= 20)
            std::cout << "case " << n << " differs: fluxolab-cli assign " << l
                      << "\n--- kafka-clients 4.3.1:\n"
                      << expected[n] << "--- FluxoLab:\n"
                      << out.str() << err.str();
    }
    for (const auto& [strategy, count] : perStrategy)
        std::cout << strategy << ": " << differPerStrategy[strategy] << " of " << count << " different\n";
    std::cout << "assignor cross-check: " << n - differ - kafkaThrew << " of " << n
              << " cases equal to kafka-clients 4.3.1, " << differ << " different, " << kafkaThrew
              << " where kafka-clients throws\n";
    if (n < 500 || static_cast<int>(expected.size()) != n) {
        std::cout << "crosscheck: expected at least 500 cases and one answer each (got " << n << " cases, "
                  << expected.size() << " answers)\n";
        return 1;
    }
    return differ == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 3 && a[0] == "generate") {
        const int count = std::stoi(a[1]);
        Rng rng{std::stoull(a[2])};
        std::cout << "# fluxolab_assignor_crosscheck generate " << a[1] << ' ' << a[2] << '\n';
        for (int i = 0; i < count; ++i)
            std::cout << generateCase(rng, i) << '\n';
        return 0;
    }
    if (a.size() == 3 && a[0] == "compare") return compare(a[1], a[2]);
    std::cerr << "usage: fluxolab_assignor_crosscheck generate COUNT SEED | compare CASES KAFKA_OUT\n";
    return 2;
}
