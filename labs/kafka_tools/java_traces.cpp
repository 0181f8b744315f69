// The frames of tests/labs/golden/real/traces.txt (Kafka 4.3.1 tools, OpenJDK 17), one entry per
// call site. See java_traces.h.
#include "labs/kafka_tools/java_traces.h"

#include <map>
#include <string>

namespace fluxolab::labs::cli {

namespace {

using Frames = std::vector<std::vector<std::string>>;

enum class NumberType { Int, Long };

/// A number option jopt-simple could not convert: the same three chained exceptions every time (the
/// option's conversion, the reflective call, the NumberFormatException), only the callers of
/// OptionSet.valuesOf differ. "... N more" counts the frames a cause shares with the trace that
/// encloses it, as Throwable.printStackTrace does.
Frames badNumber(NumberType type, const std::vector<std::string>& callers) {
    std::vector<std::string> top = {
        "joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:92)",
        "joptsimple.ArgumentAcceptingOptionSpec.convert(ArgumentAcceptingOptionSpec.java:277)",
        "joptsimple.OptionSet.valuesOf(OptionSet.java:223)"};
    top.insert(top.end(), callers.begin(), callers.end());
    const std::size_t shared = top.size() - 1; // all but the throwing frame
    const bool isLong = type == NumberType::Long;
    return {
        top,
        {"joptsimple.internal.Reflection.reflectionException(Reflection.java:136)",
         "joptsimple.internal.Reflection.invoke(Reflection.java:118)",
         "joptsimple.internal.MethodInvokingValueConverter.convert(MethodInvokingValueConverter.java:48)",
         "joptsimple.internal.Reflection.convertWith(Reflection.java:124)",
         "joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:90)",
         "... " + std::to_string(shared) + " more"},
        {"java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)",
         isLong ? "java.base/java.lang.Long.parseLong(Long.java:711)"
                : "java.base/java.lang.Integer.parseInt(Integer.java:668)",
         isLong ? "java.base/java.lang.Long.valueOf(Long.java:1163)"
                : "java.base/java.lang.Integer.valueOf(Integer.java:999)",
         "java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
         "java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)",
         "java.base/"
         "jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)",
         "java.base/java.lang.reflect.Method.invoke(Method.java:569)",
         "joptsimple.internal.Reflection.invoke(Reflection.java:116)",
         "... " + std::to_string(shared + 3) + " more"}};
}

/// The frames below prepareOffsetsToReset that every --reset-offsets error shares (an inactive
/// group's reset, as the real 4.3.1 tool prints them).
const std::vector<std::string> resetOffsetsCallers = {
    "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
    "resetOffsetsForInactiveGroup(ConsumerGroupCommand.java:672)",
    "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.lambda$"
    "resetOffsets$0(ConsumerGroupCommand.java:659)",
    "java.base/java.util.HashMap.forEach(HashMap.java:1421)",
    "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.resetOffsets("
    "ConsumerGroupCommand.java:643)",
    "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:129)",
    "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:109)"};

/// A PatternSyntaxException out of the top-level sequence of Pattern.compile(--include): Pattern.error,
/// the parser frames that found it (`at`), then compile and the console consumer's callers.
std::vector<std::string> patternError(const std::vector<std::string>& at) {
    std::vector<std::string> f = {"java.base/java.util.regex.Pattern.error(Pattern.java:2028)"};
    f.insert(f.end(), at.begin(), at.end());
    for (const char* c :
         {"java.base/java.util.regex.Pattern.expr(Pattern.java:2069)",
          "java.base/java.util.regex.Pattern.compile(Pattern.java:1783)",
          "java.base/java.util.regex.Pattern.<init>(Pattern.java:1430)",
          "java.base/java.util.regex.Pattern.compile(Pattern.java:1069)",
          "org.apache.kafka.tools.consumer.ConsoleConsumer$ConsumerWrapper.lambda$new$0(ConsoleConsumer.java:184)",
          "java.base/java.util.Optional.ifPresent(Optional.java:178)",
          "org.apache.kafka.tools.consumer.ConsoleConsumer$ConsumerWrapper.<init>(ConsoleConsumer.java:184)",
          "org.apache.kafka.tools.consumer.ConsoleConsumer.run(ConsoleConsumer.java:76)",
          "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)"})
        f.emplace_back(c);
    return f;
}

/// The NoSuchFileException of Utils.readFileAsString (Files.readAllBytes on a missing path): the JDK's
/// frames up to readFileAsString, then "... N more", the frames it shares with the IOException that
/// wraps it (the --reset-offsets --from-file plan and the --path-to-json-file election list).
std::vector<std::string> readFileNoSuchFile(int more) {
    return {"java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)",
            "java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:106)",
            "java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:111)",
            "java.base/sun.nio.fs.UnixFileSystemProvider.newByteChannel(UnixFileSystemProvider.java:218)",
            "java.base/java.nio.file.Files.newByteChannel(Files.java:380)",
            "java.base/java.nio.file.Files.newByteChannel(Files.java:432)",
            "java.base/java.nio.file.Files.readAllBytes(Files.java:3288)",
            "org.apache.kafka.common.utils.Utils.readFileAsString(Utils.java:767)",
            "... " + std::to_string(more) + " more"};
}

/// `top` followed by `callers`: one exception's frames.
std::vector<std::string> withCallers(std::vector<std::string> top, const std::vector<std::string>& callers) {
    top.insert(top.end(), callers.begin(), callers.end());
    return top;
}

/// kafka-server-common's JSON wrapper failing a lookup: the Optional.orElseThrow of `cls`.`method`
/// (JsonValue.asJsonObject/asJsonArray, JsonObject.apply) that throws a JsonMappingException.
std::vector<std::string> jsonMissing(const std::string& cls, const std::string& method, int line) {
    const std::string at = "org.apache.kafka.server.util.json." + cls + ".";
    const std::string src = "(" + cls + ".java:" + std::to_string(line) + ")";
    return {at + "lambda$" + method + "$0" + src, "java.base/java.util.Optional.orElseThrow(Optional.java:403)",
            at + method + src};
}

/// JsonValue.to with a DecodeJson of `type` (DecodeString, DecodeInteger) given a node of another type.
std::vector<std::string> jsonDecode(const std::string& type, int line, int bridgeLine) {
    const std::string decode = "org.apache.kafka.server.util.json.DecodeJson$Decode" + type + ".decode(DecodeJson.java:";
    return {"org.apache.kafka.server.util.json.DecodeJson.throwJsonMappingException(DecodeJson.java:39)",
            decode + std::to_string(line) + ")", decode + std::to_string(bridgeLine) + ")",
            "org.apache.kafka.server.util.json.JsonValue.to(JsonValue.java:49)"};
}

/// LeaderElectionCommand.parseReplicaElectionData's callers, below its Optional.map (run() and main).
const std::vector<std::string> electionParseCallers = {
    "org.apache.kafka.tools.LeaderElectionCommand.parseReplicaElectionData(LeaderElectionCommand.java:201)",
    "java.base/java.util.Optional.map(Optional.java:260)",
    "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:89)",
    "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
    "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"};

/// --path-to-json-file whose JSON value is not an object: topicPartitions' asJsonObject throws, and the
/// lambda in parseReplicaElectionData wraps the JsonMappingException in a RuntimeException.
Frames electionJsonRoot() {
    std::vector<std::string> inner = jsonMissing("JsonValue", "asJsonObject", 57);
    inner.insert(inner.end(),
                 {"org.apache.kafka.tools.LeaderElectionCommand.topicPartitions(LeaderElectionCommand.java:214)",
                  "org.apache.kafka.tools.LeaderElectionCommand.lambda$parseReplicaElectionData$0(LeaderElectionCommand.java:203)",
                  "... " + std::to_string(electionParseCallers.size() + 1) + " more"});
    return {withCallers({"org.apache.kafka.tools.LeaderElectionCommand.lambda$parseReplicaElectionData$0(LeaderElectionCommand.java:205)",
                         "java.base/java.util.Optional.map(Optional.java:260)"},
                        electionParseCallers),
            inner};
}

/// A JsonMappingException thrown by toTopicPartition at `line` (the "partitions" value, one of its
/// entries, or a field), from `top`, and wrapped in a RuntimeException by the lambda in topicPartitions.
Frames electionJsonEntry(std::vector<std::string> top, int line) {
    const std::vector<std::string> outer = withCallers(
        {"org.apache.kafka.tools.LeaderElectionCommand.lambda$topicPartitions$0(LeaderElectionCommand.java:219)",
         "java.base/java.util.Optional.map(Optional.java:260)",
         "org.apache.kafka.tools.LeaderElectionCommand.topicPartitions(LeaderElectionCommand.java:215)",
         "org.apache.kafka.tools.LeaderElectionCommand.lambda$parseReplicaElectionData$0(LeaderElectionCommand.java:203)",
         "java.base/java.util.Optional.map(Optional.java:260)"},
        electionParseCallers);
    top.insert(top.end(),
               {"org.apache.kafka.tools.LeaderElectionCommand.toTopicPartition(LeaderElectionCommand.java:" + std::to_string(line) + ")",
                "org.apache.kafka.tools.LeaderElectionCommand.lambda$topicPartitions$0(LeaderElectionCommand.java:217)",
                "... " + std::to_string(outer.size() - 1) + " more"});
    return {outer, top};
}

const std::map<JavaTrace, Frames>& traceTable() {
    static const std::map<JavaTrace, Frames> table = {
        {JavaTrace::TopicMissingDescribe,
         {{"org.apache.kafka.tools.TopicCommand.ensureTopicExists(TopicCommand.java:207)",
           "org.apache.kafka.tools.TopicCommand$TopicService.describeTopic(TopicCommand.java:547)",
           "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:111)",
           "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
           "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"}}},
        {JavaTrace::TopicMissingDelete,
         {{"org.apache.kafka.tools.TopicCommand.ensureTopicExists(TopicCommand.java:207)",
           "org.apache.kafka.tools.TopicCommand$TopicService.deleteTopic(TopicCommand.java:626)",
           "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:113)",
           "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
           "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"}}},
        {JavaTrace::TopicMissingAlter,
         {{"org.apache.kafka.tools.TopicCommand.ensureTopicExists(TopicCommand.java:207)",
           "org.apache.kafka.tools.TopicCommand$TopicService.alterTopic(TopicCommand.java:481)",
           "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:107)",
           "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
           "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"}}},
        {JavaTrace::TopicCreateBadPartitions,
         badNumber(
             NumberType::Int,
             {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
              "org.apache.kafka.tools.TopicCommand$TopicCommandOptions.valueAsOption(TopicCommand.java:808)",
              "org.apache.kafka.tools.TopicCommand$TopicCommandOptions.partitions(TopicCommand.java:848)",
              "org.apache.kafka.tools.TopicCommand$CommandTopicPartition.<init>(TopicCommand.java:253)",
              "org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:437)",
              "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:105)",
              "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
              "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"})},
        {JavaTrace::TopicCreateBadReplicationFactor,
         badNumber(
             NumberType::Int,
             {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
              "org.apache.kafka.tools.TopicCommand$TopicCommandOptions.valueAsOption(TopicCommand.java:808)",
              "org.apache.kafka.tools.TopicCommand$TopicCommandOptions.replicationFactor(TopicCommand.java:"
              "852)",
              "org.apache.kafka.tools.TopicCommand$CommandTopicPartition.<init>(TopicCommand.java:254)",
              "org.apache.kafka.tools.TopicCommand$TopicService.createTopic(TopicCommand.java:437)",
              "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:105)",
              "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
              "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"})},
        {JavaTrace::TopicAlterBadPartitions,
         badNumber(
             NumberType::Int,
             {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
              "org.apache.kafka.tools.TopicCommand$TopicCommandOptions.valueAsOption(TopicCommand.java:808)",
              "org.apache.kafka.tools.TopicCommand$TopicCommandOptions.partitions(TopicCommand.java:848)",
              "org.apache.kafka.tools.TopicCommand$CommandTopicPartition.<init>(TopicCommand.java:253)",
              "org.apache.kafka.tools.TopicCommand$TopicService.alterTopic(TopicCommand.java:479)",
              "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:107)",
              "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
              "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"})},
        {JavaTrace::GroupMissingOffsets,
         {{"java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)",
           "java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2073)",
           "org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:155)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "describeConsumerGroups(ConsumerGroupCommand.java:815)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "collectGroupsOffsets(ConsumerGroupCommand.java:831)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.describeGroups("
           "ConsumerGroupCommand.java:548)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:125)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:109)"},
          {}}},
        {JavaTrace::GroupMissingMembers,
         {{"java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)",
           "java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2073)",
           "org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:155)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "describeConsumerGroups(ConsumerGroupCommand.java:815)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "collectGroupsMembers(ConsumerGroupCommand.java:883)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.describeGroups("
           "ConsumerGroupCommand.java:552)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:125)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:109)"},
          {}}},
        {JavaTrace::GroupMissingState,
         {{"java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)",
           "java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2073)",
           "org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:155)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "describeConsumerGroups(ConsumerGroupCommand.java:815)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "collectGroupsState(ConsumerGroupCommand.java:912)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.describeGroups("
           "ConsumerGroupCommand.java:555)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:125)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:109)"},
          {}}},
        {JavaTrace::GroupBadToOffset,
         badNumber(
             NumberType::Long,
             {"org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
              "getOffsetsUtilsOptions(ConsumerGroupCommand.java:201)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.<init>("
              "ConsumerGroupCommand.java:195)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:121)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:"
              "109)"})},
        {JavaTrace::GroupBadShiftBy,
         badNumber(
             NumberType::Long,
             {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
              "getOffsetsUtilsOptions(ConsumerGroupCommand.java:205)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.<init>("
              "ConsumerGroupCommand.java:195)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:121)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:"
              "109)"})},
        {JavaTrace::GroupBadTimeout,
         badNumber(
             NumberType::Long,
             {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
              "getOffsetsUtilsOptions(ConsumerGroupCommand.java:206)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.<init>("
              "ConsumerGroupCommand.java:195)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:121)",
              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:"
              "109)"})},
        {JavaTrace::GroupDateTimeWithoutT,
         {withCallers({"org.apache.kafka.tools.OffsetsUtils.resetToDateTime(OffsetsUtils.java:365)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "prepareOffsetsToReset(ConsumerGroupCommand.java:984)"}, resetOffsetsCallers),
          {"org.apache.kafka.common.utils.Utils.getDateTime(Utils.java:1542)",
           "org.apache.kafka.tools.OffsetsUtils.resetToDateTime(OffsetsUtils.java:354)", "... 7 more"}}},
        {JavaTrace::GroupDateTimeUnparseable,
         {withCallers({"org.apache.kafka.tools.OffsetsUtils.resetToDateTime(OffsetsUtils.java:365)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "prepareOffsetsToReset(ConsumerGroupCommand.java:984)"}, resetOffsetsCallers),
          {"java.base/java.text.DateFormat.parse(DateFormat.java:399)",
           "org.apache.kafka.common.utils.Utils.getDateTime(Utils.java:1559)",
           "org.apache.kafka.tools.OffsetsUtils.resetToDateTime(OffsetsUtils.java:354)", "... 7 more"}}},
        {JavaTrace::GroupBadDuration,
         {withCallers({"java.base/java.time.Duration.parse(Duration.java:419)",
           "org.apache.kafka.tools.OffsetsUtils.resetByDuration(OffsetsUtils.java:371)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "prepareOffsetsToReset(ConsumerGroupCommand.java:986)"}, resetOffsetsCallers)}},
        {JavaTrace::GroupResetFileMissing,
         {withCallers({"org.apache.kafka.tools.OffsetsUtils.resetPlanFromFile(OffsetsUtils.java:104)",
           "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
           "prepareOffsetsToReset(ConsumerGroupCommand.java:987)"}, resetOffsetsCallers),
          {"org.apache.kafka.common.utils.Utils.readFileAsString(Utils.java:770)",
           "org.apache.kafka.tools.OffsetsUtils.resetPlanFromFile(OffsetsUtils.java:100)", "... 7 more"},
          readFileNoSuchFile(8)}},
        {JavaTrace::ConsumerIncludeUnclosedClass,
         {{"java.base/java.util.regex.Pattern.error(Pattern.java:2028)",
           "java.base/java.util.regex.Pattern.clazz(Pattern.java:2690)",
           "java.base/java.util.regex.Pattern.sequence(Pattern.java:2139)",
           "java.base/java.util.regex.Pattern.expr(Pattern.java:2069)",
           "java.base/java.util.regex.Pattern.compile(Pattern.java:1783)",
           "java.base/java.util.regex.Pattern.<init>(Pattern.java:1430)",
           "java.base/java.util.regex.Pattern.compile(Pattern.java:1069)",
           "org.apache.kafka.tools.consumer.ConsoleConsumer$ConsumerWrapper.lambda$new$0(ConsoleConsumer.java:184)",
           "java.base/java.util.Optional.ifPresent(Optional.java:178)",
           "org.apache.kafka.tools.consumer.ConsoleConsumer$ConsumerWrapper.<init>(ConsoleConsumer.java:184)",
           "org.apache.kafka.tools.consumer.ConsoleConsumer.run(ConsoleConsumer.java:76)",
           "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)"}}},
        {JavaTrace::ConsumerIncludeUnknownProperty,
         {patternError({"java.base/java.util.regex.Pattern.family(Pattern.java:2910)",
                        "java.base/java.util.regex.Pattern.sequence(Pattern.java:2156)"})}},
        {JavaTrace::ConsumerIncludeDanglingMeta,
         {patternError({"java.base/java.util.regex.Pattern.sequence(Pattern.java:2203)"})}},
        {JavaTrace::ConsumerIncludeUnclosedGroup,
         {patternError({"java.base/java.util.regex.Pattern.accept(Pattern.java:1878)",
                        "java.base/java.util.regex.Pattern.group0(Pattern.java:3053)",
                        "java.base/java.util.regex.Pattern.sequence(Pattern.java:2124)"})}},
        {JavaTrace::ConsumerIncludeIllegalRepetition,
         {patternError({"java.base/java.util.regex.Pattern.closure(Pattern.java:3309)",
                        "java.base/java.util.regex.Pattern.sequence(Pattern.java:2214)"})}},
        {JavaTrace::ConsumerIncludeBadGroupName,
         {patternError({"java.base/java.util.regex.Pattern.groupname(Pattern.java:2940)",
                        "java.base/java.util.regex.Pattern.group0(Pattern.java:2990)",
                        "java.base/java.util.regex.Pattern.sequence(Pattern.java:2124)"})}},
        // ConsoleConsumerOptions converts --partition in checkRequiredArgs and --timeout-ms in its
        // constructor; --max-messages only when ConsoleConsumer.run asks for it (tests/labs/golden/real/traces.txt).
        {JavaTrace::ConsumerBadPartition,
         badNumber(NumberType::Int,
                   {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumerOptions.partitionArg(ConsoleConsumerOptions.java:415)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumerOptions.checkRequiredArgs(ConsoleConsumerOptions."
                    "java:239)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumerOptions.<init>(ConsoleConsumerOptions.java:208)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:60)"})},
        {JavaTrace::ConsumerBadTimeoutMs,
         badNumber(NumberType::Long,
                   {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumerOptions.parseTimeoutMs(ConsoleConsumerOptions.java:"
                    "366)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumerOptions.<init>(ConsoleConsumerOptions.java:231)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:60)"})},
        {JavaTrace::ConsumerBadMaxMessages,
         badNumber(NumberType::Int,
                   {"joptsimple.OptionSet.valueOf(OptionSet.java:172)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumerOptions.maxMessages(ConsoleConsumerOptions.java:425)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumer.run(ConsoleConsumer.java:81)",
                    "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)"})},
        {JavaTrace::ConsumerAssignorClassNotFound,
         {{"org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.<init>(ClassicKafkaConsumer.java:291)",
           "org.apache.kafka.clients.consumer.internals.ConsumerDelegateCreator.create(ConsumerDelegateCreator.java:66)",
           "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:615)",
           "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:610)",
           "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:591)",
           "org.apache.kafka.tools.consumer.ConsoleConsumer.run(ConsoleConsumer.java:74)",
           "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)"},
          {"org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.getAssignorInstances(ConsumerPartitionAssignor.java:300)",
           "org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.<init>(ClassicKafkaConsumer.java:210)",
           "... 6 more"},
          {"java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)",
           "java.base/jdk.internal.loader.ClassLoaders$AppClassLoader.loadClass(ClassLoaders.java:188)",
           "java.base/java.lang.ClassLoader.loadClass(ClassLoader.java:525)",
           "org.apache.kafka.common.utils.Utils.loadClass(Utils.java:442)",
           "org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.getAssignorInstances(ConsumerPartitionAssignor.java:298)",
           "... 7 more"}}},
        {JavaTrace::ElectionUnrecognizedOption,
         {{"joptsimple.OptionException.unrecognizedOption(OptionException.java:108)",
           "joptsimple.OptionParser.handleLongOptionToken(OptionParser.java:510)",
           "joptsimple.OptionParserState$2.handleArgument(OptionParserState.java:56)",
           "joptsimple.OptionParser.parse(OptionParser.java:396)",
           "org.apache.kafka.tools.LeaderElectionCommand$LeaderElectionCommandOptions.<init>(LeaderElectionCommand.java:317)",
           "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:81)",
           "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
           "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"}}},
        {JavaTrace::ElectionBadType,
         {{"joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:92)",
           "joptsimple.ArgumentAcceptingOptionSpec.convert(ArgumentAcceptingOptionSpec.java:277)",
           "joptsimple.OptionSet.valuesOf(OptionSet.java:223)", "joptsimple.OptionSet.valueOf(OptionSet.java:172)",
           "org.apache.kafka.tools.LeaderElectionCommand$LeaderElectionCommandOptions.getElectionType("
           "LeaderElectionCommand.java:325)",
           "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:86)",
           "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
           "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"},
          {"joptsimple.util.EnumConverter.convert(EnumConverter.java:63)",
           "joptsimple.util.EnumConverter.convert(EnumConverter.java:41)",
           "joptsimple.internal.Reflection.convertWith(Reflection.java:124)",
           "joptsimple.AbstractOptionSpec.convertWith(AbstractOptionSpec.java:90)", "... 7 more"}}},
        {JavaTrace::ElectionFileMissing,
         {{"org.apache.kafka.tools.LeaderElectionCommand.parseReplicaElectionData(LeaderElectionCommand.java:209)",
           "java.base/java.util.Optional.map(Optional.java:260)",
           "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:89)",
           "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
           "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"},
          {"org.apache.kafka.common.utils.Utils.readFileAsString(Utils.java:770)",
           "org.apache.kafka.tools.LeaderElectionCommand.parseReplicaElectionData(LeaderElectionCommand.java:200)",
           "... 4 more"},
          readFileNoSuchFile(5)}},
        // tests/labs/golden/real/producer-sigint.txt.
        {JavaTrace::ProducerClosedWhileSending,
         {{"org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:991)",
           "org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)",
           "org.apache.kafka.tools.ConsoleProducer.send(ConsoleProducer.java:111)",
           "org.apache.kafka.tools.ConsoleProducer.loopReader(ConsoleProducer.java:100)",
           "org.apache.kafka.tools.ConsoleProducer.start(ConsoleProducer.java:71)",
           "org.apache.kafka.tools.ConsoleProducer.main(ConsoleProducer.java:60)"},
          {"org.apache.kafka.clients.producer.internals.ProducerMetadata.awaitUpdate(ProducerMetadata.java:130)",
           "org.apache.kafka.clients.producer.KafkaProducer.waitOnMetadata(KafkaProducer.java:1124)",
           "org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:988)", "... 5 more"}}},
        // tests/labs/golden/real/leader-election.txt (election-*.json) and cli-errors.txt (election-type.json).
        {JavaTrace::ElectionJsonNotObject, electionJsonRoot()},
        {JavaTrace::ElectionPartitionsNotArray, electionJsonEntry(jsonMissing("JsonValue", "asJsonArray", 79), 227)},
        {JavaTrace::ElectionEntryNotObject, electionJsonEntry(jsonMissing("JsonValue", "asJsonObject", 57), 230)},
        {JavaTrace::ElectionEntryNoTopic, electionJsonEntry(jsonMissing("JsonObject", "apply", 39), 231)},
        {JavaTrace::ElectionTopicNotString, electionJsonEntry(jsonDecode("String", 88, 82), 231)},
        {JavaTrace::ElectionEntryNoPartition, electionJsonEntry(jsonMissing("JsonObject", "apply", 39), 232)},
        {JavaTrace::ElectionPartitionNotInteger, electionJsonEntry(jsonDecode("Integer", 68, 62), 232)},
    };
    return table;
}

} // namespace

const std::vector<std::vector<std::string>>& javaTraceFrames(JavaTrace where) {
    return traceTable().at(where);
}

std::string javaStackTrace(JavaTrace where, const std::vector<std::string>& chain) {
    return formatJavaTrace(chain, javaTraceFrames(where));
}

std::string bootstrapFailureTrace(BootstrapClient client, bool invalidUrl, const std::string& cause) {
    const std::string validate = std::string("org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:") +
                                 (invalidUrl ? "74)" : "104)");
    const std::string validate63 = "org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:63)";
    const std::string validate59 = "org.apache.kafka.clients.ClientUtils.parseAndValidateAddresses(ClientUtils.java:59)";
    Frames frames;
    std::string first;
    switch (client) {
    case BootstrapClient::TopicsAdmin:
    case BootstrapClient::GroupsAdmin:
    case BootstrapClient::ElectionAdmin: {
        first = "org.apache.kafka.common.KafkaException: Failed to create new KafkaAdminClient";
        std::vector<std::string> top = {"org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:573)",
                                        "org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:518)",
                                        "org.apache.kafka.clients.admin.Admin.create(Admin.java:134)"};
        std::vector<std::string> callers;
        if (client == BootstrapClient::TopicsAdmin)
            callers = {"org.apache.kafka.tools.TopicCommand$TopicService.<init>(TopicCommand.java:429)",
                       "org.apache.kafka.tools.TopicCommand.execute(TopicCommand.java:101)",
                       "org.apache.kafka.tools.TopicCommand.mainNoExit(TopicCommand.java:90)",
                       "org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:85)"};
        else if (client == BootstrapClient::GroupsAdmin)
            callers = {"org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.createAdminClient("
                       "ConsumerGroupCommand.java:937)",
                       "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService.<init>("
                       "ConsumerGroupCommand.java:191)",
                       "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.run(ConsumerGroupCommand.java:121)",
                       "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:109)"};
        else // tests/labs/golden/real/cli-errors.txt
            callers = {"org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:121)",
                       "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                       "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"};
        // The cause's frames end at createInternal:537; the rest (createInternal:518, Admin.create and the
        // tool's callers) are the exception's.
        const std::string more = "... " + std::to_string(2 + callers.size()) + " more";
        frames = {withCallers(top, callers),
                  {validate, validate63,
                   "org.apache.kafka.clients.admin.internals.AdminBootstrapAddresses.fromConfig(AdminBootstrapAddresses.java:72)",
                   "org.apache.kafka.clients.admin.KafkaAdminClient.createInternal(KafkaAdminClient.java:537)", more}};
        break;
    }
    case BootstrapClient::Producer:
        first = "org.apache.kafka.common.KafkaException: Failed to construct kafka producer";
        frames = {{"org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:477)",
                   "org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:313)",
                   "org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:340)",
                   "org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:325)",
                   "org.apache.kafka.tools.ConsoleProducer.start(ConsoleProducer.java:67)",
                   "org.apache.kafka.tools.ConsoleProducer.main(ConsoleProducer.java:60)"},
                  {validate, validate63, validate59,
                   "org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:452)", "... 5 more"}};
        break;
    case BootstrapClient::Consumer:
        first = "org.apache.kafka.common.KafkaException: Failed to construct kafka consumer";
        frames = {{"org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.<init>(ClassicKafkaConsumer.java:291)",
                   "org.apache.kafka.clients.consumer.internals.ConsumerDelegateCreator.create(ConsumerDelegateCreator.java:66)",
                   "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:615)",
                   "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:610)",
                   "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:591)",
                   "org.apache.kafka.tools.consumer.ConsoleConsumer.run(ConsoleConsumer.java:74)",
                   "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)"},
                  {validate, validate63, validate59,
                   "org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.<init>(ClassicKafkaConsumer.java:192)",
                   "... 6 more"}};
        break;
    }
    return formatJavaTrace({first, "org.apache.kafka.common.config.ConfigException: " + cause}, frames);
}

std::string resetPlanFailureTrace(const ResetPlanFailure& where, const std::vector<std::string>& chain) {
    const bool isLong = where.long_value;
    const std::string deser = "com.fasterxml.jackson.databind.deser.";
    std::vector<std::string> jackson = {
        "com.fasterxml.jackson.databind.exc.InvalidFormatException.from(InvalidFormatException.java:67)",
        "com.fasterxml.jackson.databind.DeserializationContext.weirdStringException(DeserializationContext.java:2006)",
        "com.fasterxml.jackson.databind.DeserializationContext.handleWeirdStringValue(DeserializationContext.java:1292)",
        deser + (isLong ? "std.StdDeserializer._parseLongPrimitive(StdDeserializer.java:1005)"
                        : "std.StdDeserializer._parseIntPrimitive(StdDeserializer.java:799)"),
        deser + (isLong ? "std.StdDeserializer._parseLongPrimitive(StdDeserializer.java:991)"
                        : "std.StdDeserializer._parseIntPrimitive(StdDeserializer.java:776)"),
        deser + (isLong ? "std.NumberDeserializers$LongDeserializer.deserialize(NumberDeserializers.java:585)"
                        : "std.NumberDeserializers$IntegerDeserializer.deserialize(NumberDeserializers.java:541)"),
        deser + (isLong ? "std.NumberDeserializers$LongDeserializer.deserialize(NumberDeserializers.java:562)"
                        : "std.NumberDeserializers$IntegerDeserializer.deserialize(NumberDeserializers.java:518)"),
        deser + "impl.MethodProperty.deserializeAndSet(MethodProperty.java:129)",
        deser + "BeanDeserializer.vanillaDeserialize(BeanDeserializer.java:302)",
        deser + "BeanDeserializer.deserialize(BeanDeserializer.java:169)",
        deser + "DefaultDeserializationContext.readRootValue(DefaultDeserializationContext.java:342)",
        "com.fasterxml.jackson.databind.ObjectReader._bindAndClose(ObjectReader.java:2148)",
        "com.fasterxml.jackson.databind.ObjectReader.readValue(ObjectReader.java:1569)",
        "com.fasterxml.jackson.databind.ObjectReader.readValue(ObjectReader.java:1589)"};
    // resetPlanFromFile is called twice by prepareOffsetsToReset: directly, then through resetFromFile.
    std::vector<std::string> callers = {"org.apache.kafka.tools.OffsetsUtils.resetPlanFromFile(OffsetsUtils.java:101)"};
    if (where.second_read) callers.emplace_back("org.apache.kafka.tools.OffsetsUtils.resetFromFile(OffsetsUtils.java:389)");
    callers.push_back("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService."
                      "prepareOffsetsToReset(ConsumerGroupCommand.java:" +
                      std::string(where.second_read ? "988)" : "987)"));
    for (std::string c : resetOffsetsCallers) {
        if (where.empty_group && c.find("lambda$resetOffsets$0(ConsumerGroupCommand.java:659)") != std::string::npos)
            c.replace(c.find(":659)"), 5, ":649)");
        callers.push_back(std::move(c));
    }
    const std::string parse = "org.apache.kafka.tools.OffsetsUtils.parseResetPlan(OffsetsUtils.java:";
    if (where.probe) {
        jackson.push_back(parse + "116)");
        return formatJavaTrace(chain, {withCallers(jackson, callers)});
    }
    // The RuntimeException thrown at line 144 wraps the line's exception (line 138); the cause's
    // frames below parseResetPlan are the enclosing trace's ("... N more").
    jackson.push_back(parse + "138)");
    jackson.push_back("... " + std::to_string(callers.size()) + " more");
    return formatJavaTrace(chain, {withCallers({parse + "144)"}, callers), jackson});
}

std::string formatJavaTrace(const std::vector<std::string>& chain, const std::vector<std::vector<std::string>>& frames) {
    const bool withFrames = frames.size() == chain.size();
    std::string text;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        text += (i ? "Caused by: " : "") + chain[i] + "\n";
        if (!withFrames) continue;
        for (const std::string& f : frames[i])
            text += (f.rfind("...", 0) == 0 ? "\t" : "\tat ") + f + "\n";
    }
    return text;
}

} // namespace fluxolab::labs::cli
