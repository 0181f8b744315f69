// kafka-console-consumer.sh (org.apache.kafka.tools.consumer.ConsoleConsumer,
// ConsoleConsumerOptions and DefaultMessageFormatter, Kafka 4.3.1).

#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/client_configs.h"
#include "labs/kafka_tools/java_regex.h"
#include "labs/kafka_tools/java_traces.h"
#include "sim/hash.h"

#include <algorithm>
#include <regex>
#include <set>

namespace fluxolab::labs::cli {

namespace {

const ToolSpec& consumerTool() { return *findToolSpec("kafka-console-consumer"); }

constexpr TimeMs kConsumerStepMs = 100;

const char* kProtocolBanner =
    "The consumer rebalance protocol (KIP-848) is production-ready! Set group.protocol=consumer to try it out. See "
    "https://kafka.apache.org/documentation/#consumer_rebalance_protocol\n";

/// joptsimple's conversion failure with its frames as the real tool prints them (`where`: the option's call site).
std::string conversionFailure(JavaTrace where, const std::string& option, const std::string& value) {
    return javaStackTrace(where, {"joptsimple.OptionArgumentConversionException: Cannot parse argument '" + value +
                                      "' of option " + option,
                                  "joptsimple.internal.ReflectionException: java.lang.NumberFormatException: For input "
                                  "string: \"" + value + "\"",
                                  "java.lang.NumberFormatException: For input string: \"" + value + "\""});
}

/// The call site of a PatternSyntaxException: which Pattern method found the error.
JavaTrace includeTrace(JavaPattern::Error::Where where) {
    switch (where) {
    case JavaPattern::Error::Where::UnclosedClass: return JavaTrace::ConsumerIncludeUnclosedClass;
    case JavaPattern::Error::Where::UnknownProperty: return JavaTrace::ConsumerIncludeUnknownProperty;
    case JavaPattern::Error::Where::DanglingMeta: return JavaTrace::ConsumerIncludeDanglingMeta;
    case JavaPattern::Error::Where::UnclosedGroup: return JavaTrace::ConsumerIncludeUnclosedGroup;
    case JavaPattern::Error::Where::IllegalRepetition: return JavaTrace::ConsumerIncludeIllegalRepetition;
    case JavaPattern::Error::Where::BadNamedGroup: return JavaTrace::ConsumerIncludeBadGroupName;
    }
    return JavaTrace::ConsumerIncludeUnclosedClass;
}

class ConsumerSession : public ToolSession {
public:
    ConsumerSession(ClusterBackend& backend, std::uint32_t& random, std::string workDir)
        : ToolSession(backend, CommandKind::ConsoleConsumer), m_random(random), m_workDir(std::move(workDir)) {}

    /// Returns false (and finishes) when the tool stops before consuming.
    bool configure(const std::vector<std::string>& argv) {
        const ToolSpec& tool = consumerTool();
        Options o;
        if (auto e = parseOptions(argv, tool, o))
            return fail(e->message, e->note());
        if (argv.size() == 1 || o.has("help")) return fail(std::string(tool.help_message));
        if (o.has("version")) {
            out(std::string(kKafkaVersion) + "\n");
            finish(0);
            return false;
        }
        // checkRequiredArgs
        if (o.has("topic") == o.has("include"))
            return fail("Exactly one of the following arguments is required: " + optName("topic") + ", " + optName("include"));
        if (o.has("partition")) {
            // partitionArg() converts the value inside the options' constructor: uncaught.
            if (!parseInt(o.value("partition")))
                return uncaught(
                    conversionFailure(JavaTrace::ConsumerBadPartition, "partition", o.value("partition")));
            if (!o.has("topic")) return fail("The topic is required when partition is specified.");
            if (o.has("from-beginning") && o.has("offset"))
                return fail("Options from-beginning and offset cannot be specified together.");
        } else if (o.has("offset")) {
            return fail("The partition is required when offset is specified.");
        }
        if (!o.has("bootstrap-server"))
            return fail("Missing required argument \"" + optName("bootstrap-server") + "\"", NoteId::MissingBootstrapServer);
        if (o.has("consumer-property") && o.has("command-property"))
            return fail("Options --consumer-property and --command-property cannot be specified together.");
        if (o.has("consumer.config") && o.has("command-config"))
            return fail("Options --consumer.config and --command-config cannot be specified together.");
        if (o.has("consumer-property"))
            out("Option --consumer-property is deprecated and will be removed in a future version. Use --command-property instead.\n");
        if (o.has("consumer.config"))
            out("Option --consumer.config is deprecated and will be removed in a future version. Use --command-config instead.\n");

        // The config file (read in the options' constructor, outside main's try block), then
        // --command-property over it.
        std::map<std::string, std::string> props;
        const std::string configOpt = o.has("consumer.config") ? "consumer.config" : "command-config";
        if (o.has(configOpt)) {
            const std::string path = o.value(configOpt);
            const auto text = readToolFile(m_workDir, path);
            if (!text) {
                err("Exception in thread \"main\" " + formatJavaTrace({"java.nio.file.NoSuchFileException: " + path},
                                                                    {missingConfigFileFrames(ClientKind::Consumer)}));
                note(NoteId::ClientConfigFileMissing);
                finish(1);
                return false;
            }
            props = parseJavaProperties(*text);
        }
        for (const auto& p : o.all(o.has("consumer-property") ? "consumer-property" : "command-property")) {
            const auto kv = keyValue(p).value_or(std::make_pair(p, std::string()));
            props[kv.first] = kv.second;
        }
        // checkConsumerGroup: the ids are a HashSet (printed in its order).
        std::vector<std::string> groupIds;
        if (o.has("group")) groupIds.push_back(o.value("group"));
        if (props.count("group.id") && std::find(groupIds.begin(), groupIds.end(), props["group.id"]) == groupIds.end())
            groupIds.push_back(props["group.id"]);
        if (groupIds.size() > 1) {
            std::vector<std::int32_t> hashes;
            for (const auto& g : groupIds) hashes.push_back(sim::javaStringHashCode(g));
            std::string detected;
            for (std::size_t i : javaHashMapOrder(hashes)) detected += (detected.empty() ? "'" : ", '") + groupIds[i] + "'";
            return fail("The group ids provided in different places (directly using '--group', via '--consumer-property', "
                        "or via '--consumer.config') do not match. Detected group ids: " + detected);
        }
        if (!groupIds.empty() && o.has("partition")) return fail("Options group and partition cannot be specified together.");
        // buildConsumerProps
        const bool fromBeginning = o.has("from-beginning");
        bool earliest = fromBeginning;
        if (props.count("auto.offset.reset")) {
            if (fromBeginning && props["auto.offset.reset"] != "earliest") {
                err("Can't simultaneously specify --from-beginning and 'auto.offset.reset=" + props["auto.offset.reset"] +
                    "', please remove one option\n");
                note(NoteId::FromBeginningConflict);
                finish(1);
                return false;
            }
            earliest = props["auto.offset.reset"] == "earliest";
        }
        ConsumerSettings cs;
        cs.earliest = earliest;
        if (props.count("client.id")) cs.client_id = props["client.id"];
        if (groupIds.empty()) {
            cs.group_id = "console-consumer-" + std::to_string(nextRandomGroup());
            cs.enable_auto_commit = props.count("enable.auto.commit") ? props["enable.auto.commit"] == "true" : false;
        } else {
            cs.group_id = groupIds[0];
            cs.enable_auto_commit = props.count("enable.auto.commit") ? props["enable.auto.commit"] == "true" : true;
            if (fromBeginning)
                if (const auto g = m_backend.describeGroup(cs.group_id); g && !g->committed.empty()) note(NoteId::FromBeginningIgnored);
        }
        const std::string topic = o.value("topic");
        if (o.has("partition")) {
            // With --partition the consumer is assigned the partition (it still gets a random group id).
            cs.partition = TopicPartition{topic, *parseInt(o.value("partition"))};
            cs.start_offset = fromBeginning ? -2 : -1;
            if (o.has("offset")) {
                const std::string v = o.value("offset");
                const std::string lower = toLower(v);
                if (lower == "earliest") cs.start_offset = -2;
                else if (lower == "latest") cs.start_offset = -1;
                else {
                    const auto off = parseLong(v);
                    if (!off || *off < 0)
                        return fail("The provided offset value '" + v +
                                    "' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.");
                    cs.start_offset = *off;
                }
            }
        } else if (!o.has("include")) {
            cs.topics = {topic};
        }
        if (o.has("timeout-ms")) {
            const auto t = parseLong(o.value("timeout-ms"));
            if (!t)
                return uncaught(
                    conversionFailure(JavaTrace::ConsumerBadTimeoutMs, "timeout-ms", o.value("timeout-ms")));
            if (*t >= 0) m_timeoutMs = *t;
        }
        // buildFormatter
        if (o.has("property") && o.has("formatter-property"))
            return fail("Options --property and --formatter-property cannot be specified together.");
        if (o.has("property")) {
            out("Option --property is deprecated and will be removed in a future version. Use --formatter-property instead.\n");
            note(NoteId::ConsumerPropertyDeprecated);
        }
        for (const auto& p : o.all(o.has("property") ? "property" : "formatter-property")) {
            const auto kv = keyValue(p).value_or(std::make_pair(p, std::string()));
            const auto& [k, v] = kv;
            const bool b = toLower(v) == "true";
            if (k == "print.key") m_printKey = b;
            else if (k == "print.value") m_printValue = b;
            else if (k == "print.partition") m_printPartition = b;
            else if (k == "print.offset") m_printOffset = b;
            else if (k == "print.timestamp") m_printTimestamp = b;
            else if (k == "print.headers") m_printHeaders = b;
            else if (k == "key.separator") m_keySep = unescapeSeparator(v);
            else if (k == "line.separator") m_lineSep = unescapeSeparator(v);
            else if (k == "null.literal") m_nullLiteral = v;
        }

        // ConsoleConsumer.run: new KafkaConsumer(...) checks every property (ConfigDef), then resolves
        // the bootstrap servers; main() logs what it throws.
        std::map<std::string, std::string> clientProps = props;
        if (!groupIds.empty()) clientProps["group.id"] = groupIds[0];
        if (fromBeginning) clientProps["auto.offset.reset"] = "earliest";
        if (o.has("isolation-level") || !clientProps.count("isolation.level"))
            clientProps["isolation.level"] = o.has("isolation-level") ? o.value("isolation-level") : "read_uncommitted";
        if (auto e = checkClientConfig(ClientKind::Consumer, clientProps)) {
            err(formatLogDate(nowMs()) +
                " ERROR Unknown error when running consumer:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\n" +
                formatJavaTrace({e->exception}, {e->frames}));
            note(NoteId::InvalidClientConfig);
            finish(1);
            return false;
        }
        // The classic consumer loads its assignors by class name (ConsumerPartitionAssignor.getAssignorInstances).
        const auto protocol = props.find("group.protocol");
        const bool classic = protocol == props.end() || toLower(protocol->second) == "classic";
        if (const auto strategy = props.find("partition.assignment.strategy"); classic && strategy != props.end()) {
            static const std::set<std::string> known = {
                "org.apache.kafka.clients.consumer.RangeAssignor", "org.apache.kafka.clients.consumer.RoundRobinAssignor",
                "org.apache.kafka.clients.consumer.StickyAssignor",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"};
            for (std::string name : splitOn(strategy->second, ',')) {
                name.erase(0, name.find_first_not_of(' '));
                name.erase(name.find_last_not_of(' ') + 1);
                if (name.empty()) continue;
                if (known.count(name)) {
                    cs.assignment_strategy.push_back(name);
                    continue;
                }
                err(formatLogDate(nowMs()) +
                    " ERROR Unknown error when running consumer:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\n" +
                    javaStackTrace(JavaTrace::ConsumerAssignorClassNotFound,
                                   {"org.apache.kafka.common.KafkaException: Failed to construct kafka consumer",
                                    "org.apache.kafka.common.KafkaException: " + name + " ClassNotFoundException exception occurred",
                                    "java.lang.ClassNotFoundException: " + name}));
                note(NoteId::InvalidClientConfig);
                finish(1);
                return false;
            }
        }
        // The simulation has every assignor of the Java client; librdkafka (the real cluster) has no
        // eager StickyAssignor: the consumer does not start there rather than use another one.
        if (!o.has("partition") && !m_backend.unsupportedAssignor(cs.assignment_strategy).empty()) {
            note(NoteId::AssignorNotOnRealCluster);
            finish(1);
            return false;
        }
        const BootstrapCheck check = checkBootstrap(m_backend, o.value("bootstrap-server"));
        if (check.kind == BootstrapCheck::InvalidUrl || check.kind == BootstrapCheck::Unresolvable) {
            err(check.dnsWarnings(nowMs()) + formatLogDate(nowMs()) +
                " ERROR Unknown error when running consumer:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\n" +
                bootstrapFailureTrace(BootstrapClient::Consumer, check.kind == BootstrapCheck::InvalidUrl,
                                      check.configError()));
            note(check.kind == BootstrapCheck::InvalidUrl ? NoteId::BootstrapInvalid : NoteId::BootstrapUnresolvable);
            finish(1);
            return false;
        }
        if (!check.unresolved.empty()) err(check.dnsWarnings(nowMs()));
        if (!o.has("partition") && classic) {
            err(kProtocolBanner);
            note(NoteId::ClassicProtocolBanner);
        }
        if (o.has("include")) {
            // ConsumerWrapper: subscribe(Pattern.compile(include)), once the consumer exists (after the banner).
            const JavaPattern p = compileJavaPattern(o.value("include"));
            if (p.java_error) {
                const std::string exception = "java.util.regex.PatternSyntaxException: " + p.java_error->message;
                const JavaTrace where = includeTrace(p.java_error->where);
                err(formatLogDate(nowMs()) +
                    " ERROR Unknown error when running consumer:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\n" +
                    javaStackTrace(where, {exception}));
                finish(1);
                return false;
            }
            if (!p.regex) {
                // FluxoLab's own words, not the tool's: only the note (pt-PT or English) says it.
                note(NoteId::IncludePatternUnsupported);
                finish(1);
                return false;
            }
            // The subscription covers the topics that match now (internal topics excluded, as
            // exclude.internal.topics=true does); the consumer adds later ones at its next metadata
            // refresh (metadata.max.age.ms, 5 minutes unless --consumer-property sets it), and its
            // group rebalances then. Both backends do so (subscribesByPattern).
            if (const auto age = clientProps.find("metadata.max.age.ms"); age != clientProps.end())
                if (const auto ms = parseInt(age->second)) cs.metadata_max_age_ms = *ms;
            for (const std::string& t : m_backend.listTopics(false))
                if (std::regex_match(t, *p.regex)) cs.topics.push_back(t);
            cs.topic_pattern = [re = *p.regex](const std::string& t) { return std::regex_match(t, re); };
            m_noTopics = cs.topics.empty() && !m_backend.subscribesByPattern();
            m_noMatchAtStart = cs.topics.empty();
        }
        if (o.has("max-messages")) {
            const auto m = parseInt(o.value("max-messages"));
            if (!m) {
                // Converted when process() is called: the consumer is closed, the count reported,
                // then main() logs the exception.
                err("Processed a total of 0 messages\n" + formatLogDate(nowMs()) +
                    " ERROR Unknown error when running consumer:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\n" +
                    conversionFailure(JavaTrace::ConsumerBadMaxMessages, "max-messages", o.value("max-messages")));
                note(NoteId::UsageError);
                finish(1);
                return false;
            }
            m_maxMessages = *m;
        }
        m_startMs = nowMs();
        m_lastActivity = nowMs();
        m_receiveStart = nowMs();
        if (check.kind == BootstrapCheck::Unreachable) {
            // Nothing answers: the consumer keeps reconnecting until Ctrl+C or --timeout-ms.
            m_retry.emplace(ConnectionRetryLog::Client::Consumer,
                            "[Consumer clientId=" + cs.client_id + ", groupId=" + cs.group_id + "] ", check.resolvable, nowMs());
            note(NoteId::BootstrapUnreachable);
            logAttempts();
        } else if (!m_noTopics) {
            const bool topicExisted = o.has("include") || m_backend.describeTopic(topic).has_value();
            m_consumer = m_backend.openConsumer(cs);
            if (!topicExisted && m_backend.describeTopic(topic)) {
                // The first metadata response names the missing topic (the broker creates it:
                // auto.create.topics.enable=true). Its correlation id follows ApiVersions (0) and, when
                // subscribing, FindCoordinator (1); kafka-clients 4.3.1 against a 4.3.1 broker.
                err(formatLogDate(nowMs()) + " WARN [Consumer clientId=" + cs.client_id + ", groupId=" + cs.group_id +
                    "] The metadata response from the cluster reported a recoverable issue with correlation id " +
                    (o.has("partition") ? "1" : "2") + " : {" + topic +
                    "=UNKNOWN_TOPIC_OR_PARTITION} (org.apache.kafka.clients.NetworkClient)\n");
                note(NoteId::TopicAutoCreated);
            }
        }
        if (m_maxMessages == 0) stop(0);
        return true;
    }

    bool runsUntilInterrupted() const override { return m_maxMessages < 0 && !m_timeoutMs; }
    TimeMs idleMs() const override {
        // Against an unreachable cluster nothing ever arrives: idle since the start.
        if (m_retry || m_noTopics) return m_backend.nowMs() - m_startMs;
        const bool assigned = m_backend.hasAssignment(m_consumer);
        // Nothing matched the pattern: no assignment comes before a matching topic exists.
        if (!assigned) return m_noMatchAtStart ? m_backend.nowMs() - m_startMs : 0;
        // Idle from the assignment on: a real cluster needs a few fetches after the join before
        // the first records arrive.
        if (!m_assignedAt) m_assignedAt = m_backend.nowMs();
        return m_backend.nowMs() - std::max(m_lastActivity, *m_assignedAt);
    }

    void pump(TimeMs ms) override {
        if (finished()) return;
        TimeMs left = ms;
        do {
            const TimeMs step = std::min(left, kConsumerStepMs);
            if (step > 0) m_backend.advance(step);
            left -= step;
            collect();
            if (finished()) return;
            if (m_timeoutMs && m_pending.empty() && m_backend.nowMs() - m_receiveStart > *m_timeoutMs) {
                err(formatLogDate(m_backend.nowMs()) +
                    " ERROR Error processing message, terminating consumer process:  "
                    "(org.apache.kafka.tools.consumer.ConsoleConsumer)\n"
                    "org.apache.kafka.common.errors.TimeoutException\n");
                note(NoteId::ConsumerTimeout);
                stop(0);
                return;
            }
        } while (left > 0);
    }

    void interrupt() override {
        if (finished()) return;
        collect();
        stop(0);
    }

private:
    std::int32_t nextRandomGroup() {
        // RANDOM.nextInt(100000) in the tool; an LCG owned by the KafkaCli keeps runs deterministic.
        m_random = m_random * 1103515245u + 12345u;
        return static_cast<std::int32_t>((m_random >> 8) % 100000);
    }

    mutable std::optional<TimeMs> m_assignedAt; ///< first time idleMs() saw an assignment

    void logAttempts() {
        if (std::string lines = m_retry->linesUntil(m_backend.nowMs()); !lines.empty()) err(std::move(lines));
    }

    void collect() {
        if (m_retry) return logAttempts();
        if (m_noTopics) return;
        for (auto& r : inFetchOrder(m_backend.takeRecords(m_consumer)))
            m_pending.push_back(std::move(r));
        std::string text;
        while (!m_pending.empty() && (m_maxMessages < 0 || m_count < m_maxMessages)) {
            const StoredRecord r = std::move(m_pending.front());
            m_pending.erase(m_pending.begin());
            ++m_count;
            text += format(r);
            m_lastActivity = m_backend.nowMs();
            m_receiveStart = m_backend.nowMs();
        }
        if (!text.empty()) out(text);
        if (m_maxMessages >= 0 && m_count >= m_maxMessages) stop(0);
    }

    /// The Java consumer hands out a fetch's records partition by partition, the partitions in the order of
    /// a java.util.HashMap keyed by TopicPartition (seen on a real 4.3.1 broker: with 3 partitions it prints
    /// partition 2's records, then 1's, then 0's). Records of one partition keep their offset order.
    static std::vector<StoredRecord> inFetchOrder(std::vector<StoredRecord> fetched) {
        std::vector<TopicPartition> partitions;
        for (const StoredRecord& r : fetched)
            if (std::find(partitions.begin(), partitions.end(), r.tp) == partitions.end())
                partitions.push_back(r.tp);
        if (partitions.size() < 2) return fetched;
        std::sort(partitions.begin(), partitions.end()); // put into the map in assignment order
        std::vector<std::int32_t> hashes;
        for (const TopicPartition& tp : partitions)
            hashes.push_back(javaTopicPartitionHash(tp));
        std::vector<StoredRecord> out;
        out.reserve(fetched.size());
        for (std::size_t i : javaHashMapOrder(hashes))
            for (StoredRecord& r : fetched)
                if (r.tp == partitions[i]) out.push_back(std::move(r));
        return out;
    }

    std::string format(const StoredRecord& r) const {
        // DefaultMessageFormatter: timestamp, partition, offset, headers, key, value, each followed by the
        // key separator when a later field is printed. Simulated records carry no headers: NO_HEADERS.
        std::string s;
        const bool keyOrValue = m_printKey || m_printValue;
        if (m_printTimestamp) {
            s += (r.log_append_time ? "LogAppendTime:" : "CreateTime:") + std::to_string(r.timestamp_ms);
            if (m_printPartition || m_printOffset || m_printHeaders || keyOrValue) s += m_keySep;
        }
        if (m_printPartition) {
            s += "Partition:" + std::to_string(r.tp.partition);
            if (m_printOffset || m_printHeaders || keyOrValue) s += m_keySep;
        }
        if (m_printOffset) {
            s += "Offset:" + std::to_string(r.offset);
            if (m_printHeaders || keyOrValue) s += m_keySep;
        }
        if (m_printHeaders) {
            s += "NO_HEADERS";
            if (keyOrValue) s += m_keySep;
        }
        if (m_printKey) {
            s += r.key ? *r.key : m_nullLiteral;
            if (m_printValue) s += m_keySep;
        }
        if (m_printValue) s += r.value;
        return s + m_lineSep;
    }

    void stop(int code) {
        if (m_consumer >= 0) {
            // ConsumerWrapper.cleanup: seek back to the first unprinted record of each partition, then close.
            std::map<TopicPartition, Offset> firstUnconsumed;
            for (const auto& r : m_pending) firstUnconsumed.emplace(r.tp, r.offset);
            for (const auto& [tp, off] : firstUnconsumed) m_backend.seek(m_consumer, tp, off);
            m_backend.closeConsumer(m_consumer);
        }
        err("Processed a total of " + std::to_string(m_count) + " messages\n");
        finish(code);
    }

    /// CommandLineUtils.printUsageAndExit.
    bool fail(const std::string& msg, NoteId id = NoteId::UsageError) {
        usage(consumerTool(), msg, id);
        return false;
    }
    /// An exception out of the options' constructor, which main() does not catch.
    bool uncaught(const std::string& trace) {
        err("Exception in thread \"main\" " + trace);
        note(NoteId::UsageError);
        finish(1);
        return false;
    }

    std::uint32_t& m_random;
    std::string m_workDir;
    ClusterBackend::Handle m_consumer = -1;
    bool m_noTopics = false; ///< --include matched no topic: nothing to subscribe to
    bool m_noMatchAtStart = false; ///< --include matched no topic when the consumer started
    std::optional<ConnectionRetryLog> m_retry;
    std::vector<StoredRecord> m_pending;
    std::int64_t m_count = 0;
    std::int64_t m_maxMessages = -1;
    std::optional<TimeMs> m_timeoutMs;
    TimeMs m_startMs = 0;
    TimeMs m_lastActivity = 0;
    TimeMs m_receiveStart = 0;
    bool m_printKey = false, m_printValue = true, m_printPartition = false, m_printOffset = false,
         m_printTimestamp = false, m_printHeaders = false;
    std::string m_keySep = "\t", m_lineSep = "\n", m_nullLiteral = "null";
};

} // namespace

std::unique_ptr<CommandSession> startConsoleConsumer(ClusterBackend& backend, std::uint32_t& random,
                                                     const std::vector<std::string>& argv, const std::string& work_dir) {
    auto s = std::make_unique<ConsumerSession>(backend, random, work_dir);
    s->configure(argv);
    return s;
}

} // namespace fluxolab::labs::cli
