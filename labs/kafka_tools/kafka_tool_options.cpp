#include "labs/kafka_tools/kafka_tool_options.h"

#include <array>

namespace fluxolab::labs {

namespace {

// Descriptions and defaults as kafka-tools 4.3.1 declares them (TopicCommand, ConsoleProducer,
// ConsoleConsumerOptions, ConsumerGroupCommandOptions); "[command-property]" and the like are how
// jopt-simple prints a reference to another option.

// The producer's --property / --reader-property and the consumer's --property /
// --formatter-property share their text (the deprecated option only adds to it).
#define READER_PROPERTIES \
    "A mechanism to pass user-defined properties in the form key=value to the message reader. This allows " \
    "custom configuration for a user-defined message reader.\nDefault properties include:\n parse.key=false\n" \
    " parse.headers=false\n ignore.error=false\n key.separator=\\t\n headers.delimiter=\\t\n" \
    " headers.separator=,\n headers.key.separator=:\n null.marker=   When set, any fields (key, value and " \
    "headers) equal to this will be replaced by null\nDefault parsing pattern when:\n parse.headers=true and " \
    "parse.key=true:\n  \"h1:v1,h2:v2...\\tkey\\tvalue\"\n parse.key=true:\n  \"key\\tvalue\"\n" \
    " parse.headers=true:\n  \"h1:v1,h2:v2...\\tvalue\""
#define FORMATTER_PROPERTIES \
    "The properties to initialize the message formatter. Default properties include: \n" \
    " print.timestamp=true|false\n print.key=true|false\n print.offset=true|false\n print.epoch=true|false\n" \
    " print.partition=true|false\n print.headers=true|false\n print.value=true|false\n" \
    " key.separator=<key.separator>\n line.separator=<line.separator>\n headers.separator=<headers.separator>\n" \
    " null.literal=<null.literal>\n key.deserializer=<key.deserializer>\n" \
    " value.deserializer=<value.deserializer>\n header.deserializer=<header.deserializer>\n" \
    "\nUsers can also pass in customized properties for their formatter; more specifically, users can pass in " \
    "properties keyed with 'key.deserializer.', 'value.deserializer.' and 'headers.deserializer.' prefixes to " \
    "configure their deserializers"

// LogConfig's topic configs as kafka-topics --help and kafka-configs --help list them (one list for both).
#define FLUXOLAB_TOPIC_CONFIG_NAMES \
 "\tcleanup.policy\n" \
 "\tcompression.gzip.level\n" \
 "\tcompression.lz4.level\n" \
 "\tcompression.type\n" \
 "\tcompression.zstd.level\n" \
 "\tdelete.retention.ms\n" \
 "\tfile.delete.delay.ms\n" \
 "\tflush.messages\n" \
 "\tflush.ms\n" \
 "\tfollower.replication.throttled.replicas\n" \
 "\tindex.interval.bytes\n" \
 "\tleader.replication.throttled.replicas\n" \
 "\tlocal.retention.bytes\n" \
 "\tlocal.retention.ms\n" \
 "\tmax.compaction.lag.ms\n" \
 "\tmax.message.bytes\n" \
 "\tmessage.timestamp.after.max.ms\n" \
 "\tmessage.timestamp.before.max.ms\n" \
 "\tmessage.timestamp.type\n" \
 "\tmin.cleanable.dirty.ratio\n" \
 "\tmin.compaction.lag.ms\n" \
 "\tmin.insync.replicas\n" \
 "\tpreallocate\n" \
 "\tremote.log.copy.disable\n" \
 "\tremote.log.delete.on.disable\n" \
 "\tremote.storage.enable\n" \
 "\tretention.bytes\n" \
 "\tretention.ms\n" \
 "\tsegment.bytes\n" \
 "\tsegment.index.bytes\n" \
 "\tsegment.jitter.ms\n" \
 "\tsegment.ms\n" \
 "\tunclean.leader.election.enable\n"

constexpr ToolOption kTopicsOptions[] = {
    {"alter", OptArg::None, {}, {},
     "Alter the number of partitions and replica assignment. (To alter topic configurations, the "
     "kafka-configs tool can be used.)"},
    {"at-min-isr-partitions", OptArg::None, {}, {},
     "If set when describing topics, only show partitions whose isr count is equal to the configured "
     "minimum."},
    {"bootstrap-server", OptArg::Required, "String", "server to connect to",
     "REQUIRED: The Kafka server to connect to."},
    {"command-config", OptArg::Required, "String", "command config property file",
     "Property file containing configs to be passed to Admin Client."},
    {"config", OptArg::Required, "String", "name=value",
     "A topic configuration override for the topic being created. The following is a list of valid configurations: \n"
     FLUXOLAB_TOPIC_CONFIG_NAMES
     "See the Kafka documentation for full details on the topic configs. It is supported only in "
     "combination with --create. (To alter topic configurations, the kafka-configs tool can be used.)"},
    {"create", OptArg::None, {}, {},
     "Create a new topic."},
    {"delete", OptArg::None, {}, {},
     "Delete a topic."},
    {"delete-config", OptArg::Required, "String", "name",
     "This option is no longer supported and has been deprecated since 4.0"},
    {"describe", OptArg::None, {}, {},
     "List details for the given topics."},
    {"exclude-internal", OptArg::None, {}, {},
     "Exclude internal topics when listing or describing topics. By default, the internal topics "
     "are included."},
    {"help", OptArg::None, {}, {},
     "Print usage information."},
    {"if-exists", OptArg::None, {}, {},
     "If set when altering or deleting or describing topics, the action will only execute if the "
     "topic exists."},
    {"if-not-exists", OptArg::None, {}, {},
     "If set when creating topics, the create request will not fail if the topic already exists, "
     "but the request will still be sent."},
    {"list", OptArg::None, {}, {},
     "List all available topics."},
    {"partition-size-limit-per-response", OptArg::Required, "Integer", "maximum number of partitions per response",
     "The maximum partition size to be included in one DescribeTopicPartitions response."},
    {"partitions", OptArg::Required, "Integer", "# of partitions",
     "The number of partitions for the topic being created or altered. If not supplied with --create, "
     "the topic uses the cluster default. (WARNING: If partitions are increased for a topic that "
     "has a key, the partition logic or ordering of the messages will be affected)."},
    {"replica-assignment", OptArg::Required, "String",
     "broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , "
     "broker_id_for_part2_replica1 : broker_id_for_part2_replica2 , ...",
     "A list of manual partition-to-broker assignments for the topic being created or altered."},
    {"replication-factor", OptArg::Required, "Integer", "replication factor",
     "The replication factor for each partition in the topic being created. If not supplied, the "
     "topic uses the cluster default."},
    {"topic", OptArg::Required, "String", "topic",
     "The topic to create, alter, describe or delete. It also accepts a regular expression, except "
     "for --create option."},
    {"topic-id", OptArg::Required, "String", "topic-id",
     "The topic-id to describe."},
    {"topics-with-overrides", OptArg::None, {}, {},
     "If set when describing topics, only show topics that have overridden configs."},
    {"unavailable-partitions", OptArg::None, {}, {},
     "If set when describing topics, only show partitions whose leader is not available."},
    {"under-min-isr-partitions", OptArg::None, {}, {},
     "If set when describing topics, only show partitions whose isr count is less than the configured "
     "minimum."},
    {"under-replicated-partitions", OptArg::None, {}, {},
     "If set when describing topics, only show under-replicated partitions."},
    {"version", OptArg::None, {}, {},
     "Display Kafka version."},
};

constexpr ToolOption kProducerOptions[] = {
    {"batch-size", OptArg::Required, "Integer", "size",
     "The buffer size in bytes allocated for a partition. When records are received which are "
     "smaller than this size the producer will attempt to optimistically group them together until "
     "this size is reached. This is the option to control batch.size in producer configs. Please "
     "note that this option will be replaced if max-partition-memory-bytes is also set.", "16384"},
    {"bootstrap-server", OptArg::Required, "String", "server to connect to",
     "REQUIRED: The server(s) to connect to. The broker list string in the form HOST1:PORT1,HOST2:PORT2."},
    {"command-config", OptArg::Required, "String", "config file",
     "Producer config properties file. Note that [command-property] takes precedence over this "
     "config."},
    {"command-property", OptArg::Required, "String", "producer_prop",
     "Producer config properties in the form key=value."},
    {"compression-codec", OptArg::Optional, "String", "compression-codec",
     "The compression codec: either 'none', 'gzip', 'snappy', 'lz4', or 'zstd'.If specified without "
     "value, then it defaults to 'gzip'"},
    {"help", OptArg::None, {}, {},
     "Print usage information."},
    {"line-reader", OptArg::Required, "String", "reader_class",
     "The class name of the class to use for reading lines from standard in. By default each line "
     "is read as a separate message.", "org.apache.kafka.tools.LineMessageReader"},
    {"max-block-ms", OptArg::Required, "Long", "max block on send",
     "The max time that the producer will block for during a send request.", "60000"},
    {"max-memory-bytes", OptArg::Required, "Long", "total memory in bytes",
     "The total memory used by the producer to buffer records waiting to be sent to the server. "
     "This is the option to control `buffer.memory` in producer configs.", "33554432"},
    {"max-partition-memory-bytes", OptArg::Required, "Integer", "memory in bytes per partition",
     "(Deprecated) The buffer size in bytes allocated for a partition. When records are received "
     "which are smaller than this size the producer will attempt to optimistically group them "
     "together until this size is reached. This is the option to control batch.size in producer "
     "configs. This option will be removed in Apache Kafka 5.0. Use --batch-size instead.", "16384"},
    {"message-send-max-retries", OptArg::Required, "Integer", "",
     "Brokers can fail receiving the message for multiple reasons, and being unavailable transiently "
     "is just one of them. This property specifies the number of retries before the producer give "
     "up and drop this message. This is the option to control `retries` in producer configs.", "3"},
    {"metadata-expiry-ms", OptArg::Required, "Long", "metadata expiration interval",
     "The period of time in milliseconds after which we force a refresh of metadata even if we "
     "haven't seen any leadership changes. This is the option to control `metadata.max.age.ms` "
     "in producer configs.", "300000"},
    {"producer-property", OptArg::Required, "String", "producer_prop",
     "(DEPRECATED) Producer config properties in the form key=value. This option will be removed "
     "in a future version. Use --command-property instead."},
    {"producer.config", OptArg::Required, "String", "config file",
     "(DEPRECATED) Producer config properties file. Note that [command-property] takes precedence "
     "over this config. This option will be removed in a future version. Use --command-config "
     "instead."},
    {"property", OptArg::Required, "String", "prop",
     "(DEPRECATED) " READER_PROPERTIES "\n This option will be removed in a future version. Use --reader-property "
     "instead."},
    {"reader-config", OptArg::Required, "String", "config file",
     "Config properties file for the message reader. Note that [reader-property] takes precedence "
     "over this config."},
    {"reader-property", OptArg::Required, "String", "prop", READER_PROPERTIES},
    {"request-required-acks", OptArg::Required, "String", "request required acks",
     "The required `acks` of the producer requests", "-1"},
    {"request-timeout-ms", OptArg::Required, "Integer", "request timeout ms",
     "The ack timeout of the producer requests. Value must be non-negative and non-zero.", "1500"},
    {"retry-backoff-ms", OptArg::Required, "Long", "",
     "Before each retry, the producer refreshes the metadata of relevant topics. Since leader "
     "election takes a bit of time, this property specifies the amount of time that the producer "
     "waits before refreshing the metadata. This is the option to control `retry.backoff.ms` in "
     "producer configs.", "100"},
    {"socket-buffer-size", OptArg::Required, "Integer", "size",
     "The size of the tcp RECV size. This is the option to control `send.buffer.bytes` in producer "
     "configs.", "102400"},
    {"sync", OptArg::None, {}, {},
     "If set message send requests to the brokers are synchronously, one at a time as they arrive."},
    {"timeout", OptArg::Required, "Long", "timeout_ms",
     "If set and the producer is running in asynchronous mode, this gives the maximum amount of "
     "time a message will queue awaiting sufficient batch size. The value is given in ms. This "
     "is the option to control `linger.ms` in producer configs.", "1000"},
    {"topic", OptArg::Required, "String", "topic",
     "REQUIRED: The topic name to produce messages to."},
    {"version", OptArg::None, {}, {},
     "Display Kafka version."},
};

constexpr ToolOption kConsumerOptions[] = {
    {"bootstrap-server", OptArg::Required, "String", "server to connect to",
     "REQUIRED: The server(s) to connect to."},
    {"command-config", OptArg::Required, "String", "config file",
     "Consumer config properties file. Note that [command-property] takes precedence over this "
     "config."},
    {"command-property", OptArg::Required, "String", "consumer_prop",
     "Consumer config properties in the form key=value."},
    {"consumer-property", OptArg::Required, "String", "consumer_prop",
     "(DEPRECATED) Consumer config properties in the form key=value. This option will be removed "
     "in a future version. Use --command-property instead."},
    {"consumer.config", OptArg::Required, "String", "config file",
     "(DEPRECATED) Consumer config properties file. Note that [command-property] takes precedence "
     "over this config. This option will be removed in a future version. Use --command-config "
     "instead."},
    {"enable-systest-events", OptArg::None, {}, {},
     "Log lifecycle events of the consumer in addition to logging consumed messages. (This is "
     "specific for system tests.)"},
    {"formatter", OptArg::Required, "String", "class",
     "The name of a class to use for formatting kafka messages for display.",
     "org.apache.kafka.tools.consumer.DefaultMessageFormatter"},
    {"formatter-config", OptArg::Required, "String", "config file",
     "Config properties file to initialize the message formatter. Note that [formatter-property] "
     "takes precedence over this config."},
    {"formatter-property", OptArg::Required, "String", "prop", FORMATTER_PROPERTIES "."},
    {"from-beginning", OptArg::None, {}, {},
     "If the consumer does not already have an established offset to consume from, start with "
     "the earliest message present in the log rather than the latest message."},
    {"group", OptArg::Required, "String", "consumer group id",
     "The consumer group id of the consumer."},
    {"help", OptArg::None, {}, {},
     "Print usage information."},
    {"include", OptArg::Required, "String", "Java regex (String)",
     "Regular expression specifying list of topics to include for consumption."},
    {"isolation-level", OptArg::Required, "String", "",
     "Set to read_committed in order to filter out transactional messages which are not committed. "
     "Set to read_uncommitted to read all messages.", "read_uncommitted"},
    {"key-deserializer", OptArg::Required, "String", "deserializer for keys",
     "The name of the class to use for deserializing keys."},
    {"max-messages", OptArg::Required, "Integer", "num_messages",
     "The maximum number of messages to consume before exiting. If not set, consumption is continual."},
    {"offset", OptArg::Required, "String", "consume offset",
     "The offset to consume from (a non-negative number), or 'earliest' which means from beginning, "
     "or 'latest' which means from end", "latest"},
    {"partition", OptArg::Required, "Integer", "partition",
     "The partition to consume from. Consumption starts from the end of the partition unless '--offset' "
     "is specified."},
    {"property", OptArg::Required, "String", "prop",
     "(DEPRECATED) " FORMATTER_PROPERTIES ". \nThis option will be removed in a future version. Use "
     "--formatter-property instead."},
    {"skip-message-on-error", OptArg::None, {}, {},
     "If there is an error when processing a message, skip it instead of halt."},
    {"timeout-ms", OptArg::Required, "Long", "timeout_ms",
     "If specified, exit if no message is available for consumption for the specified interval."},
    {"topic", OptArg::Required, "String", "topic",
     "The topic to consume from."},
    {"value-deserializer", OptArg::Required, "String", "deserializer for values",
     "The name of the class to use for deserializing values."},
    {"version", OptArg::None, {}, {},
     "Display Kafka version."},
};

constexpr ToolOption kGroupsOptions[] = {
    {"all-groups", OptArg::None, {}, {},
     "Apply to all consumer groups."},
    {"all-topics", OptArg::None, {}, {},
     "Consider all topics assigned to a group in the `reset-offsets` process."},
    {"bootstrap-server", OptArg::Required, "String", "server to connect to",
     "The server(s) to connect to. REQUIRED for all options except for --validate-regex."},
    {"by-duration", OptArg::Required, "String", "duration",
     "Reset offsets to offset by duration from current timestamp. Format: 'PnDTnHnMnS'"},
    {"command-config", OptArg::Required, "String", "command config property file",
     "Property file containing configs to be passed to Admin Client and Consumer."},
    {"delete", OptArg::None, {}, {},
     "Pass in groups to delete topic partition offsets and ownership information over the entire "
     "consumer group. For instance --group g1 --group g2"},
    {"delete-offsets", OptArg::None, {}, {},
     "Delete offsets of consumer group. Supports one consumer group at the time, and multiple "
     "topics."},
    {"describe", OptArg::None, {}, {},
     "Describe consumer group and list offset lag (number of messages not yet processed) related "
     "to given group."},
    {"dry-run", OptArg::None, {}, {},
     "Only show results without executing changes on Consumer Groups. Supported operations: reset-offsets."},
    {"execute", OptArg::None, {}, {},
     "Execute operation. Supported operations: reset-offsets."},
    {"export", OptArg::None, {}, {},
     "Export operation execution to a CSV file. Supported operations: reset-offsets."},
    {"from-file", OptArg::Required, "String", "path to CSV file",
     "Reset offsets to values defined in CSV file."},
    {"group", OptArg::Required, "String", "consumer group",
     "The consumer group we wish to act on."},
    {"help", OptArg::None, {}, {},
     "Print usage information."},
    {"list", OptArg::None, {}, {},
     "List all consumer groups."},
    {"members", OptArg::None, {}, {},
     "Describe members of the group. This option may be used with '--describe' and '--bootstrap-server' "
     "options only.\nExample: --bootstrap-server localhost:9092 --describe --group group1 --members"},
    {"offsets", OptArg::None, {}, {},
     "Describe the group and list all topic partitions in the group along with their offset lag. "
     "This is the default sub-action of and may be used with '--describe' and '--bootstrap-server' "
     "options only.\nExample: --bootstrap-server localhost:9092 --describe --group group1 --offsets"},
    {"reset-offsets", OptArg::None, {}, {},
     "Reset offsets of consumer group. Supports one consumer group at the time, and instances "
     "should be inactive\nHas 2 execution options: --dry-run (the default) to plan which offsets "
     "to reset, and --execute to update the offsets. Additionally, the --export option is used "
     "to export the results to a CSV format.\nYou must choose one of the following reset specifications: "
     "--to-datetime, --by-duration, --to-earliest, --to-latest, --shift-by, --from-file, --to-current, "
     "--to-offset.\nTo define the scope use --all-topics or --topic. One scope must be specified "
     "unless you use '--from-file'."},
    {"shift-by", OptArg::Required, "Long", "number-of-offsets",
     "Reset offsets shifting current offset by 'n', where 'n' can be positive or negative."},
    {"state", OptArg::Optional, "String", "",
     "When specified with '--describe', includes the state of the group.\n"
     "Example: --bootstrap-server localhost:9092 --describe --group group1 --state\n"
     "When specified with '--list', it displays the state of all groups. It can also be used to "
     "list groups with specific states.\nExample: --bootstrap-server localhost:9092 --list --state "
     "stable,empty\nThis option may be used with '--describe', '--list' and '--bootstrap-server' "
     "options only."},
    {"timeout", OptArg::Required, "Long", "timeout (ms)",
     "The timeout that can be set for some use cases. For example, it can be used when describing "
     "the group to specify the maximum amount of time in milliseconds to wait before the group "
     "stabilizes (when the group is just created, or is going through some changes).", "30000"},
    {"to-current", OptArg::None, {}, {},
     "Reset offsets to current offset."},
    {"to-datetime", OptArg::Required, "String", "datetime",
     "Reset offsets to offset from datetime. Format: 'YYYY-MM-DDThh:mm:ss.sss'"},
    {"to-earliest", OptArg::None, {}, {},
     "Reset offsets to earliest offset."},
    {"to-latest", OptArg::None, {}, {},
     "Reset offsets to latest offset."},
    {"to-offset", OptArg::Required, "Long", "offset",
     "Reset offsets to a specific offset."},
    {"topic", OptArg::Required, "String", "topic",
     "The topic whose consumer group information should be deleted or topic whose should be included "
     "in the reset offset process. In `reset-offsets` case, partitions can be specified using "
     "this format: `topic1:0,1,2`, where 0,1,2 are the partition to be included in the process. "
     "Reset-offsets also supports multiple topic inputs."},
    {"type", OptArg::Optional, "String", "",
     "When specified with '--list', it displays the types of all the groups. It can also be used "
     "to list groups with specific types.\nExample: --bootstrap-server localhost:9092 --list --type "
     "classic,consumer\nThis option may be used with the '--list' option only."},
    {"validate-regex", OptArg::Required, "String", "regex",
     "Validate that the syntax of the provided regular expression is valid according to the RE2 "
     "format."},
    {"verbose", OptArg::None, {}, {},
     "Provide additional information, if any, when describing the group. This option may be used "
     "with '--offsets'/'--members'/'--state' and '--bootstrap-server' options only.\n"
     "Example: --bootstrap-server localhost:9092 --describe --group group1 --members --verbose"},
    {"version", OptArg::None, {}, {},
     "Display Kafka version."},
};
// LeaderElectionCommand's options (CommandDefaultOptions adds --help and --version).
constexpr ToolOption kLeaderElectionOptions[] = {
    {"admin.config", OptArg::Required, "String", "config file",
     "(DEPRECATED) Configuration properties files to pass to the admin client. This option will be removed "
     "in a future version. Use --command-config instead."},
    {"all-topic-partitions", OptArg::None, {}, {},
     "Perform election on all of the eligible topic partitions based on the type of election (see the "
     "--election-type flag). Not allowed if --topic or --path-to-json-file is specified."},
    {"bootstrap-server", OptArg::Required, "String", "host:port",
     "A hostname and port for the broker to connect to, in the form host:port. Multiple comma separated URLs "
     "can be given. REQUIRED."},
    {"command-config", OptArg::Required, "String", "Config file",
     "Config properties file to pass to the admin client."},
    {"election-type", OptArg::Required, "[PREFERRED,UNCLEAN]", "election type",
     "Type of election to attempt. Possible values are \"preferred\" for preferred leader election or "
     "\"unclean\" for unclean leader election. If preferred election is selection, the election is only "
     "performed if the current leader is not the preferred leader for the topic partition. If unclean "
     "election is selected, the election is only performed if there are no leader for the topic partition. "
     "REQUIRED."},
    {"help", OptArg::None, {}, {},
     "Print usage information."},
    {"partition", OptArg::Required, "Integer", "partition id",
     "Partition id for which to perform an election. REQUIRED if --topic is specified."},
    {"path-to-json-file", OptArg::Required, "String", "Path to JSON file",
     "The JSON file with the list  of partition for which leader elections should be performed. This is an "
     "example format. \n{\"partitions\":\n\t[{\"topic\": \"foo\", \"partition\": 1},\n\t {\"topic\": \"foobar\", "
     "\"partition\": 2}]\n}\nNot allowed if --all-topic-partitions or --topic flags are specified."},
    {"topic", OptArg::Required, "String", "topic name",
     "Name of topic for which to perform an election. Not allowed if --path-to-json-file or "
     "--all-topic-partitions is specified."},
    {"version", OptArg::None, {}, {},
     "Display Kafka version."},
};


// kafka.admin.ConfigCommand$ConfigCommandOptions (kafka_2.13 4.3.1). --add-config lists the dynamic
// configs of each entity type, as `kafka-configs.sh --help` printed them (tests/labs/golden/real/configs.txt).
constexpr ToolOption kConfigsOptions[] = {
    {"add-config", OptArg::Required, "String", {},
     "Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: 'k1=v1,k2=[v1,v2,v2],k3=v3'. The following is a list of valid configurations: For entity-type 'topics': \n"
     FLUXOLAB_TOPIC_CONFIG_NAMES
     "For entity-type 'brokers': \n"
     "\tbackground.threads\n"
     "\tcompression.gzip.level\n"
     "\tcompression.lz4.level\n"
     "\tcompression.type\n"
     "\tcompression.zstd.level\n"
     "\tconfig.providers\n"
     "\tcordoned.log.dirs\n"
     "\tfollower.fetch.last.tiered.offset.enable\n"
     "\tfollower.replication.throttled.rate\n"
     "\tgroup.consumer.assignment.interval.ms\n"
     "\tgroup.coordinator.cached.buffer.max.bytes\n"
     "\tgroup.share.assignment.interval.ms\n"
     "\tgroup.streams.assignment.interval.ms\n"
     "\tleader.replication.throttled.rate\n"
     "\tlistener.security.protocol.map\n"
     "\tlisteners\n"
     "\tlog.cleaner.backoff.ms\n"
     "\tlog.cleaner.dedupe.buffer.size\n"
     "\tlog.cleaner.delete.retention.ms\n"
     "\tlog.cleaner.io.buffer.load.factor\n"
     "\tlog.cleaner.io.buffer.size\n"
     "\tlog.cleaner.io.max.bytes.per.second\n"
     "\tlog.cleaner.max.compaction.lag.ms\n"
     "\tlog.cleaner.min.cleanable.ratio\n"
     "\tlog.cleaner.min.compaction.lag.ms\n"
     "\tlog.cleaner.threads\n"
     "\tlog.cleanup.policy\n"
     "\tlog.flush.interval.messages\n"
     "\tlog.flush.interval.ms\n"
     "\tlog.index.interval.bytes\n"
     "\tlog.index.size.max.bytes\n"
     "\tlog.local.retention.bytes\n"
     "\tlog.local.retention.ms\n"
     "\tlog.message.timestamp.after.max.ms\n"
     "\tlog.message.timestamp.before.max.ms\n"
     "\tlog.message.timestamp.type\n"
     "\tlog.preallocate\n"
     "\tlog.retention.bytes\n"
     "\tlog.retention.ms\n"
     "\tlog.roll.jitter.ms\n"
     "\tlog.roll.ms\n"
     "\tlog.segment.bytes\n"
     "\tlog.segment.delete.delay.ms\n"
     "\tmax.connection.creation.rate\n"
     "\tmax.connections\n"
     "\tmax.connections.per.ip\n"
     "\tmax.connections.per.ip.overrides\n"
     "\tmessage.max.bytes\n"
     "\tmetric.reporters\n"
     "\tmin.insync.replicas\n"
     "\tnum.io.threads\n"
     "\tnum.network.threads\n"
     "\tnum.recovery.threads.per.data.dir\n"
     "\tnum.replica.fetchers\n"
     "\tprincipal.builder.class\n"
     "\tproducer.id.expiration.ms\n"
     "\tremote.fetch.max.wait.ms\n"
     "\tremote.list.offsets.request.timeout.ms\n"
     "\tremote.log.index.file.cache.total.size.bytes\n"
     "\tremote.log.manager.copier.thread.pool.size\n"
     "\tremote.log.manager.copy.max.bytes.per.second\n"
     "\tremote.log.manager.expiration.thread.pool.size\n"
     "\tremote.log.manager.fetch.max.bytes.per.second\n"
     "\tremote.log.manager.follower.thread.pool.size\n"
     "\tremote.log.reader.threads\n"
     "\treplica.alter.log.dirs.io.max.bytes.per.second\n"
     "\tsasl.enabled.mechanisms\n"
     "\tsasl.jaas.config\n"
     "\tsasl.kerberos.kinit.cmd\n"
     "\tsasl.kerberos.min.time.before.relogin\n"
     "\tsasl.kerberos.principal.to.local.rules\n"
     "\tsasl.kerberos.service.name\n"
     "\tsasl.kerberos.ticket.renew.jitter\n"
     "\tsasl.kerberos.ticket.renew.window.factor\n"
     "\tsasl.login.refresh.buffer.seconds\n"
     "\tsasl.login.refresh.min.period.seconds\n"
     "\tsasl.login.refresh.window.factor\n"
     "\tsasl.login.refresh.window.jitter\n"
     "\tsasl.mechanism.inter.broker.protocol\n"
     "\tshare.coordinator.cached.buffer.max.bytes\n"
     "\tssl.cipher.suites\n"
     "\tssl.client.auth\n"
     "\tssl.enabled.protocols\n"
     "\tssl.endpoint.identification.algorithm\n"
     "\tssl.engine.factory.class\n"
     "\tssl.key.password\n"
     "\tssl.keymanager.algorithm\n"
     "\tssl.keystore.certificate.chain\n"
     "\tssl.keystore.key\n"
     "\tssl.keystore.location\n"
     "\tssl.keystore.password\n"
     "\tssl.keystore.type\n"
     "\tssl.protocol\n"
     "\tssl.provider\n"
     "\tssl.secure.random.implementation\n"
     "\tssl.trustmanager.algorithm\n"
     "\tssl.truststore.certificates\n"
     "\tssl.truststore.location\n"
     "\tssl.truststore.password\n"
     "\tssl.truststore.type\n"
     "\ttransaction.partition.verification.enable\n"
     "\tunclean.leader.election.enable\n"
     "For entity-type 'users': \n"
     "\tSCRAM-SHA-256\n"
     "\tSCRAM-SHA-512\n"
     "\tconsumer_byte_rate\n"
     "\tcontroller_mutation_rate\n"
     "\tproducer_byte_rate\n"
     "\trequest_percentage\n"
     "For entity-type 'clients': \n"
     "\tconsumer_byte_rate\n"
     "\tcontroller_mutation_rate\n"
     "\tproducer_byte_rate\n"
     "\trequest_percentage\n"
     "For entity-type 'ips': \n"
     "\tconnection_creation_rate\n"
     "For entity-type 'client-metrics': \n"
     "\tinterval.ms\n"
     "\tmatch\n"
     "\tmetrics\n"
     "For entity-type 'groups': \n"
     "\tconsumer.assignment.interval.ms\n"
     "\tconsumer.heartbeat.interval.ms\n"
     "\tconsumer.session.timeout.ms\n"
     "\tshare.assignment.interval.ms\n"
     "\tshare.auto.offset.reset\n"
     "\tshare.delivery.count.limit\n"
     "\tshare.heartbeat.interval.ms\n"
     "\tshare.isolation.level\n"
     "\tshare.partition.max.record.locks\n"
     "\tshare.record.lock.duration.ms\n"
     "\tshare.renew.acknowledge.enable\n"
     "\tshare.session.timeout.ms\n"
     "\tstreams.assignment.interval.ms\n"
     "\tstreams.heartbeat.interval.ms\n"
     "\tstreams.initial.rebalance.delay.ms\n"
     "\tstreams.num.standby.replicas\n"
     "\tstreams.session.timeout.ms\n"
     "Entity types 'users' and 'clients' may be specified together to update config for clients of a specific user."},
    {"add-config-file", OptArg::Required, "String", {},
     "Path to a properties file with configs to add. See add-config for a list of valid configurations."},
    {"all", OptArg::None, {}, {},
     "List all configs for the given entity, including static configs if available."},
    {"alter", OptArg::None, {}, {},
     "Alter the configuration for the entity."},
    {"bootstrap-controller", OptArg::Required, "String", "controller to connect to",
     "The Kafka controllers to connect to."},
    {"bootstrap-server", OptArg::Required, "String", "server to connect to",
     "The Kafka servers to connect to."},
    {"broker", OptArg::Required, "String", {},
     "The broker's ID."},
    {"broker-defaults", OptArg::None, {}, {},
     "The config defaults for all brokers."},
    {"broker-logger", OptArg::Required, "String", {},
     "The broker's ID for its logger config."},
    {"client", OptArg::Required, "String", {},
     "The client's ID."},
    {"client-defaults", OptArg::None, {}, {},
     "The config defaults for all clients."},
    {"client-metrics", OptArg::Required, "String", {},
     "The client metrics config resource name."},
    {"command-config", OptArg::Required, "String", "command config property file",
     "Property file containing configs to be passed to Admin Client. This is used only with --bootstrap-server "
     "option for describing and altering broker configs."},
    {"delete-config", OptArg::Required, "String", {},
     "config keys to remove 'k1,k2'"},
    {"describe", OptArg::None, {}, {},
     "List configs for the given entity."},
    {"entity-default", OptArg::None, {}, {},
     "Default entity name for clients/users/brokers/ips (applies to corresponding entity type)"},
    {"entity-name", OptArg::Required, "String", {},
     "Name of entity (topic name/client id/user principal name/broker id/ip/client metrics/group id)"},
    {"entity-type", OptArg::Required, "String", {},
     "Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics/groups)"},
    {"group", OptArg::Required, "String", {},
     "The group's ID."},
    {"help", OptArg::None, {}, {},
     "Print usage information."},
    {"ip", OptArg::Required, "String", {},
     "The IP address."},
    {"ip-defaults", OptArg::None, {}, {},
     "The config defaults for all IPs."},
    {"topic", OptArg::Required, "String", {},
     "The topic's name."},
    {"user", OptArg::Required, "String", {},
     "The user's principal name."},
    {"user-defaults", OptArg::None, {}, {},
     "The config defaults for all users."},
    {"version", OptArg::None, {}, {},
     "Display Kafka version."},
};

// org.apache.kafka.tools.GetOffsetShell$GetOffsetShellOptions (kafka-tools 4.3.1).
constexpr ToolOption kGetOffsetsOptions[] = {
    {"bootstrap-server", OptArg::Required, "String", "HOST1:PORT1,...,HOST3:PORT3",
     "REQUIRED. The server(s) to connect to in the form HOST1:PORT1,HOST2:PORT2."},
    {"command-config", OptArg::Required, "String", "config file",
     "Property file containing configs to be passed to Admin Client."},
    {"exclude-internal-topics", OptArg::None, {}, {},
     "By default, internal topics are included. If specified, internal topics are excluded."},
    {"help", OptArg::None, {}, {},
     "Print usage information."},
    {"partitions", OptArg::Required, "String", "partition ids",
     "Comma separated list of partition ids to get the offsets for. If not present, all partitions of the "
     "authorized topics are queried. Cannot be used if --topic-partitions is present."},
    {"time", OptArg::Required, "String",
     "<timestamp> / -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or "
     "latest-tiered / -6 or earliest-pending-upload",
     "timestamp of the offsets before that. [Note: No offset is returned, if the timestamp greater than recently "
     "committed record timestamp is given.]", "latest"},
    {"topic", OptArg::Required, "String", "topic",
     "The topic to get the offsets for. It also accepts a regular expression. If not present, all authorized "
     "topics are queried. Cannot be used if --topic-partitions is present."},
    {"topic-partitions", OptArg::Required, "String", "topic1:1,topic2:0-3,topic3,topic4:5-,topic5:-3",
     "Comma separated list of topic-partition patterns to get the offsets for, with the format of "
     "'([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?'. The first group is an optional regex for the topic name, "
     "if omitted, it matches any topic name. The section after ':' describes a 'partition' pattern, which can be: "
     "a number, a range in the format of 'NUMBER-NUMBER' (lower inclusive, upper exclusive), an inclusive lower "
     "bound in the format of 'NUMBER-', an exclusive upper bound in the format of '-NUMBER' or may be omitted to "
     "accept all partitions."},
    {"version", OptArg::None, {}, {},
     "Display Kafka version."},
};

constexpr std::array kTools{
    ToolSpec{"kafka-topics", kTopicsOptions, "This tool helps to create, delete, describe, or change a topic."},
    ToolSpec{"kafka-console-producer", kProducerOptions,
             "This tool helps to read data from standard input and publish it to Kafka."},
    ToolSpec{"kafka-console-consumer", kConsumerOptions,
             "This tool helps to read data from Kafka topics and outputs it to standard output."},
    ToolSpec{"kafka-consumer-groups", kGroupsOptions,
             "This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, "
             "or reset consumer group offsets."},
    ToolSpec{"kafka-leader-election", kLeaderElectionOptions,
             "This tool attempts to elect a new leader for a set of topic partitions. The type of elections "
             "supported are preferred replicas and unclean replicas."},
    ToolSpec{"kafka-configs", kConfigsOptions,
             "This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip, "
             "client-metrics or group"},
    ToolSpec{"kafka-get-offsets", kGetOffsetsOptions, "An interactive shell for getting topic-partition offsets."},
};

#undef READER_PROPERTIES
#undef FORMATTER_PROPERTIES

} // namespace

const ToolSpec* findToolSpec(std::string_view tool) {
    for (const ToolSpec& t : kTools)
        if (t.name == tool) return &t;
    return nullptr;
}

const std::string& toolHelpTable(const ToolSpec& tool) {
    static const std::array<std::string, kTools.size()> tables = [] {
        std::array<std::string, kTools.size()> t;
        for (std::size_t i = 0; i < kTools.size(); ++i) t[i] = joptHelpTable(kTools[i].options);
        return t;
    }();
    return tables[static_cast<std::size_t>(&tool - kTools.data())];
}

} // namespace fluxolab::labs
