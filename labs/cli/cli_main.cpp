#include "labs/cli/cli_commands.h"
#include "labs/common/data_dirs.h"

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <system_error>

namespace fluxolab::labs {

bool readInputFile(const std::string& path, std::string& text, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        error =
            "cannot read '" + path + "': " + (ec ? ec.message() : std::string("No such file or directory"));
        return false;
    }
    if (fs::is_directory(st)) {
        error = "'" + path + "' is a directory, not a file";
        return false;
    }
    if (!fs::is_regular_file(st)) {
        error = "'" + path + "' is not a regular file";
        return false;
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > kMaxInputFileBytes) {
        error = "'" + path + "' is too large (" + std::to_string(size) + " bytes; the limit is " +
                std::to_string(kMaxInputFileBytes >> 20) + " MiB)";
        return false;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        error = "cannot read '" + path + "': " + std::strerror(errno);
        return false;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    if (f.bad()) {
        error = "cannot read '" + path + "'";
        return false;
    }
    text = ss.str();
    return true;
}

namespace {
void usage(std::ostream& os) {
    os << "Usage: fluxolab-cli <command> [options]\n"
          "\n"
          "Commands:\n"
          "  partition --partitions N [--partitioner murmur2|murmur2_random|consistent|consistent_random] KEY...\n"
          "      Partition of each key, as Kafka's Java producer (murmur2) or librdkafka computes it.\n"
          "  assign --strategy range|roundrobin|sticky|cooperative-sticky --topics t1:3,t2:2\n"
          "         --member c1=t1,t2 [--member ...] [--owned c1=t1-0,t1-1 ...] [--generation c1=N ...]\n"
          "      Partition assignment of a consumer group, as Kafka's assignors compute it.\n"
          "  simulate SCENARIO.json|NAME [--seed S] [--until 60s] [--journal out.jsonl]\n"
          "      Runs a scenario (a file, or a bundled one by name) and prints a summary and the journal hash\n"
          "      (at most 1h of virtual time; progress on stderr for runs longer than 10m).\n"
          "         [--trace-to-topic TRACE:TOPIC [--trace-start 0s] [--key F] [--time-field F] [--agg sum:F]]\n"
          "         [--stream-job [--source-topic TOPIC] --watermark bounded:5s --window tumble:10s\n"
          "          [--parallelism N] [--watermark-interval 200ms|per-event] [--idle-timeout 10s]\n"
          "          [--event-time timestamp|field:NAME]]\n"
          "      Feeds a trace into a topic at its arrival times (key -> partition by murmur2, timestamp = event\n"
          "      time) and runs a stream job reading the topic on the same clock; prints replay's lines after\n"
          "      the summary (the Kafka journal hash covers the Kafka events only). Without --stream-job, the\n"
          "      job's options (--watermark, --window, --agg, --parallelism, --idle-timeout, --allowed-lateness,\n"
          "      --watermark-interval, --event-time) change the scenario's own stream_jobs.\n"
          "  script FILE [--seed S] [--brokers N]\n"
          "      Runs Kafka CLI commands against a fresh simulated cluster.\n"
          "  lab list | lab validate LAB.json... | lab check LAB --script SOLUTION [--seed S]\n"
          "      Lists the guided labs, validates lab files, or checks a solution script against a lab\n"
          "      (--lang pt|en and --labs-dir DIR apply to all three).\n"
          "  compare-real SCRIPT --bootstrap-server HOST:PORT [--command-config FILE] [--think-ms MS] [--width N]\n"
          "               [--empty-first] [--clean]\n"
          "      Runs SCRIPT on the simulation and on a real Kafka cluster (builds with librdkafka), masks ids,\n"
          "      hosts and times, prints both side by side and exits 1 when they differ. --command-config: the\n"
          "      cluster's security.protocol, sasl.mechanism, sasl.jaas.config, ssl.ca.location; --empty-first\n"
          "      deletes every topic and group before; --clean deletes what the script created after the run.\n"
          "  replay TRACE --watermark bounded:5s|monotonous|sql:5s --window tumble:60s|hop:10s,60s|session:30s|cumulate:10s,60s\n"
          "         [--agg count|sum:F|min:F|max:F|avg:F] [--parallelism N] [--allowed-lateness 0s] [--json] ...\n"
          "      Runs an event trace (CSV or JSON Lines) through the stream engine as Flink would and prints\n"
          "      every window firing, the late elements and a summary (replay --help lists every option).\n"
          "  gen-trace [--events N] [--keys K] [--rate R] [--out-of-order 5s] [--late-fraction 0.02]\n"
          "            [--partitions P] [--idle-partition P:FROM:TO] [--seed S] [--format csv|jsonl]\n"
          "            [--out FILE]\n"
          "      Writes a reproducible event trace: columns ts,key,value,partition,arrival (times in\n"
          "      epoch ms; see assets/traces/README.md).\n"
          "  paths\n"
          "      Prints the folders the bundled scenarios, labs and traces are read from.\n";
}

int cmdPaths(const Args& args, CliStreams io) {
    if (!args.empty()) {
        io.err << "paths: takes no arguments\n";
        return 2;
    }
    for (DataKind kind : {DataKind::Scenarios, DataKind::Labs, DataKind::Traces})
        io.out << dataKindName(kind) << "\t" << dataDirectory(kind) << "\n";
    return 0;
}
} // namespace

int runCli(const Args& args, CliStreams io) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? io.err : io.out);
        return args.empty() ? 2 : 0;
    }
    const Args rest(args.begin() + 1, args.end());
    try {
        if (args[0] == "partition") return cmdPartition(rest, io);
        if (args[0] == "assign") return cmdAssign(rest, io);
        if (args[0] == "simulate") return cmdSimulate(rest, io);
        if (args[0] == "script") return cmdScript(rest, io);
        if (args[0] == "lab") return cmdLab(rest, io);
        if (args[0] == "paths") return cmdPaths(rest, io);
        if (args[0] == "replay") return cmdReplay(rest, io);
        if (args[0] == "gen-trace") return cmdGenTrace(rest, io);
    } catch (const std::exception& e) {
        // Last line of defence: bad input must never crash the tool.
        io.err << "fluxolab-cli: " << args[0] << ": " << e.what() << "\n";
        return 2;
    }
    io.err << "fluxolab-cli: unknown command '" << args[0] << "'\n";
    usage(io.err);
    return 2;
}

} // namespace fluxolab::labs
