// libFuzzer harness for one emulated Kafka tool (FLUXOLAB_FUZZ_TOOL, e.g. "kafka-topics"): each
// command of the input script runs against a fresh simulated cluster (3 brokers, a topic "demo"
// with records; for kafka-consumer-groups also a consumer group "g1"), through the same ScriptRunner as
// `fluxolab-cli script`. A command that does not start with a Kafka tool or a shell built-in is taken as the
// options of FLUXOLAB_FUZZ_TOOL, so seeds may be whole scripts or bare option lists.
#include "fuzz_common.h"
#include "labs/kafka_tools/kafka_cli.h"

#ifndef FLUXOLAB_FUZZ_TOOL
#error "define FLUXOLAB_FUZZ_TOOL"
#endif

using namespace fluxolab;

namespace {

const char* const kSetup =
    "kafka-topics.sh --bootstrap-server localhost:9092 --create --topic demo --partitions 3 "
    "--replication-factor 2\n"
    "kafka-console-producer.sh --bootstrap-server localhost:9092 --topic demo "
    "--property parse.key=true --property key.separator=: <<EOF\n"
    "a:1\nb:2\nc:3\na:4\nEOF\n";
/// Only for kafka-consumer-groups (a group takes seconds of virtual time to form: slow per input).
const char* const kGroupSetup =
    "kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic demo --group g1 "
    "--from-beginning --max-messages 2\n";

bool keepsArgv0(const std::string& w) {
    return !labs::KafkaCli::toolName(w).empty() || w == "sleep" || w == "echo" || w == "kill";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    labs::ParsedScript script = labs::parseScript(fuzz::asText(data, size));
    if (script.error || script.commands.empty()) return 0;
    labs::SimBackend backend(7, 3);
    labs::ScriptRunner runner(backend, fuzz::boundedScriptOptions());
    std::string ignored;
    runner.run(labs::parseScript(kSetup), ignored);
    if (std::string_view(FLUXOLAB_FUZZ_TOOL) == "kafka-consumer-groups")
        runner.run(labs::parseScript(kGroupSetup), ignored);
    fuzz::runBounded(runner, std::move(script), [](labs::ShellCommand& cmd) {
        if (cmd.argv.empty() || !keepsArgv0(cmd.argv.front()))
            cmd.argv.insert(cmd.argv.begin(), std::string(FLUXOLAB_FUZZ_TOOL) + ".sh");
    });
    return 0;
}
