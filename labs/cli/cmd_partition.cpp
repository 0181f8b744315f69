// fluxolab-cli partition: the producer's partitioner (Java murmur2 or librdkafka's), standalone.
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

} // namespace fluxolab::labs
