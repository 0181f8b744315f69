#pragma once
// The Java stack traces the Kafka 4.3.1 tools print after some errors, frame for frame.
//
// Frames are deterministic for one Kafka version and one JDK: they were captured from the real
// tools (kafka-tools 4.3.1 on OpenJDK 17) by tests/realkafka/capture-golden.sh traces.cmds into
// tests/labs/golden/real/traces.txt, which tests/labs/test_real_outputs.cpp compares frame by frame.
// An error that is not in this table is printed without its frames (exception lines only).

#include <cstdint>
#include <string>
#include <vector>

namespace fluxolab::labs::cli {

/// Where a traced exception was thrown: the same exception has other frames from another call site.
enum class JavaTrace {
    TopicMissingDescribe, ///< kafka-topics --describe: IllegalArgumentException "Topic 'x' does not exist as
                          ///< expected"
    TopicMissingDelete,   ///< kafka-topics --delete: the same
    TopicMissingAlter,    ///< kafka-topics --alter: the same
    TopicCreateBadPartitions, ///< kafka-topics --create --partitions x: OptionArgumentConversionException + 2
                              ///< causes
    TopicCreateBadReplicationFactor, ///< kafka-topics --create --replication-factor x: the same
    TopicAlterBadPartitions,         ///< kafka-topics --alter --partitions x: the same
    GroupMissingOffsets,             ///< kafka-consumer-groups --describe [--offsets]: ExecutionException +
                                     ///< GroupIdNotFoundException
    GroupMissingMembers,             ///< kafka-consumer-groups --describe --members: the same
    GroupMissingState,               ///< kafka-consumer-groups --describe --state: the same
    GroupBadToOffset, ///< kafka-consumer-groups --to-offset x: OptionArgumentConversionException + 2 causes
    GroupBadShiftBy,  ///< kafka-consumer-groups --shift-by x: the same
    GroupBadTimeout,  ///< kafka-consumer-groups --timeout x: the same
    GroupDateTimeWithoutT, ///< kafka-consumer-groups --reset-offsets --to-datetime without 'T':
                           ///< RuntimeException + ParseException
    GroupDateTimeUnparseable, ///< kafka-consumer-groups --reset-offsets --to-datetime with a 'T' that
                              ///< SimpleDateFormat cannot parse: RuntimeException + ParseException
    GroupBadDuration,      ///< kafka-consumer-groups --reset-offsets --by-duration x: DateTimeParseException
    GroupResetFileMissing, ///< kafka-consumer-groups --reset-offsets --from-file F (no such file):
                           ///< RuntimeException + 2 causes
    ConsumerIncludeUnclosedClass, ///< kafka-console-consumer --include 'orders[': PatternSyntaxException
    ConsumerIncludeUnknownProperty, ///< kafka-console-consumer --include '\p{Foo}': PatternSyntaxException
    ConsumerIncludeDanglingMeta,    ///< kafka-console-consumer --include '*orders': PatternSyntaxException
    ConsumerIncludeUnclosedGroup,   ///< kafka-console-consumer --include 'orders(': PatternSyntaxException
    ConsumerIncludeIllegalRepetition, ///< kafka-console-consumer --include 'orders{': PatternSyntaxException
    ConsumerIncludeBadGroupName,    ///< kafka-console-consumer --include '(?<1n>x)': PatternSyntaxException
    ConsumerBadPartition,  ///< kafka-console-consumer --partition x: OptionArgumentConversionException + 2 causes
    ConsumerBadTimeoutMs,  ///< kafka-console-consumer --timeout-ms x: the same
    ConsumerBadMaxMessages, ///< kafka-console-consumer --max-messages x: the same (converted in run())
    ConsumerAssignorClassNotFound, ///< kafka-console-consumer partition.assignment.strategy=<no such class>:
                                   ///< KafkaException + KafkaException + ClassNotFoundException
    ElectionUnrecognizedOption, ///< kafka-leader-election --no-such-option: UnrecognizedOptionException
    ElectionBadType,     ///< kafka-leader-election --election-type x: OptionArgumentConversionException + cause
    ElectionFileMissing, ///< kafka-leader-election --path-to-json-file F (no such file): RuntimeException + 2
                         ///< causes
    ProducerClosedWhileSending, ///< kafka-console-producer, Ctrl+C with a send() blocked waiting for metadata:
                                ///< KafkaException + KafkaException
    ElectionPartitionNotInteger, ///< kafka-leader-election --path-to-json-file F with a "partition" that is not
                                 ///< an int: RuntimeException + JsonMappingException
    ElectionJsonNotObject,       ///< --path-to-json-file F: JSON that is not an object (the same two exceptions)
    ElectionPartitionsNotArray,  ///< --path-to-json-file F: "partitions" that is not an array (the same)
    ElectionEntryNotObject,      ///< --path-to-json-file F: an entry of "partitions" that is not an object
    ElectionEntryNoTopic,        ///< --path-to-json-file F: an entry without "topic"
    ElectionTopicNotString,      ///< --path-to-json-file F: a "topic" that is not a string
    ElectionEntryNoPartition,    ///< --path-to-json-file F: an entry without "partition"
};

/// printStackTrace() of an exception chain: chain[0] is the thrown exception's toString(), each
/// further entry a cause (printed after "Caused by: "); each is followed by its frames ("\tat ..." and
/// "\t... N more") from the table. Every line ends in '\n'. If the chain does not have as many
/// exceptions as the table entry, only the exception lines are printed.
std::string javaStackTrace(JavaTrace where, const std::vector<std::string>& chain);

/// Where OffsetsUtils.parseResetPlan failed to map a --from-file line (Jackson's InvalidFormatException).
struct ResetPlanFailure {
    bool long_value = false;  ///< the offset column (a long), else the partition column (an int)
    bool probe = false;       ///< the first line read as "topic,partition,offset" to tell the format (logged)
    bool second_read = false; ///< the file's second reading (OffsetsUtils.resetFromFile)
    bool empty_group = false; ///< the group is Empty (Dead: resetOffsets' lambda calls from another line)
};

/// printStackTrace() of that failure: `chain` is the InvalidFormatException alone for the logged probe,
/// or the RuntimeException that wraps it and the exception itself for a line that fails the command
/// (tests/labs/golden/real/checks.txt).
std::string resetPlanFailureTrace(const ResetPlanFailure& where, const std::vector<std::string>& chain);

/// The client a tool failed to create because of its --bootstrap-server (DNS or a malformed entry).
enum class BootstrapClient : std::uint8_t { TopicsAdmin, GroupsAdmin, ElectionAdmin, Producer, Consumer };

/// printStackTrace() of "KafkaException: Failed to create/construct ..." caused by the
/// ConfigException `cause` (its message), frames as the real 4.3.1 tools print them
/// (tests/labs/golden/real/unreachable.txt). `invalidUrl`: the entry had no host:port (ClientUtils
/// throws from another line than for names that do not resolve).
std::string bootstrapFailureTrace(BootstrapClient client, bool invalidUrl, const std::string& cause);

/// printStackTrace() of an exception chain with the given frames (one list per exception; no
/// frames at all if the sizes differ).
std::string formatJavaTrace(const std::vector<std::string>& chain, const std::vector<std::vector<std::string>>& frames);

/// The frame lines (without "\t") of each exception of the chain, as the table holds them.
const std::vector<std::vector<std::string>>& javaTraceFrames(JavaTrace where);

} // namespace fluxolab::labs::cli
