// kafka-console-producer.sh (org.apache.kafka.tools.ConsoleProducer and LineMessageReader,
// Kafka 4.3.1).

#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/client_configs.h"
#include "labs/kafka_tools/java_traces.h"
#include "sim/kafka_errors.h"

#include <algorithm>

namespace fluxolab::labs::cli {

namespace {

const ToolSpec& producerTool() { return *findToolSpec("kafka-console-producer"); }

/// Options whose argument is converted to a number when the producer is created.
constexpr const char* kNumberOptions[] = {"batch-size", "message-send-max-retries", "retry-backoff-ms", "timeout",
                                          "request-timeout-ms", "metadata-expiry-ms", "max-block-ms",
                                          "max-memory-bytes", "max-partition-memory-bytes", "socket-buffer-size"};

class ProducerSession : public ToolSession {
public:
    ProducerSession(ClusterBackend& backend, bool interactive, std::string workDir)
        : ToolSession(backend, CommandKind::ConsoleProducer), m_interactive(interactive), m_workDir(std::move(workDir)) {}

    /// Returns false (and finishes) when the tool stops before reading input.
    bool configure(const std::vector<std::string>& argv) {
        const ToolSpec& tool = producerTool();
        Options o;
        if (auto e = parseOptions(argv, tool, o)) {
            usage(tool, e->message, e->note());
            return false;
        }
        // checkArgs
        if (argv.size() == 1 || o.has("help")) return usage(tool, std::string(tool.help_message));
        if (o.has("version")) {
            out(std::string(kKafkaVersion) + "\n");
            finish(0);
            return false;
        }
        if (!o.has("topic")) return usage(tool, "Missing required argument \"" + optName("topic") + "\"");
        const std::pair<const char*, const char*> exclusive[] = {
            {"command-config", "producer.config"}, {"command-property", "producer-property"}, {"reader-property", "property"}};
        for (const auto& [a, b] : exclusive)
            if (o.has(a) && o.has(b))
                return usage(tool, std::string("Options --") + a + " and --" + b + " cannot be specified together.");
        const std::string propertyOpt = o.has("producer-property") ? "producer-property" : "command-property";
        const std::string readerOpt = o.has("property") ? "property" : "reader-property";
        if (o.has("producer-property"))
            out("Warning: --producer-property is deprecated and will be removed in a future version. Use --command-property instead.\n");
        if (o.has("producer.config"))
            out("Warning: --producer.config is deprecated and will be removed in a future version. Use --command-config instead.\n");
        if (o.has("property")) {
            out("Warning: --property is deprecated and will be removed in a future version. Use --reader-property instead.\n");
            note(NoteId::ProducerPropertyDeprecated);
        }
        if (o.has("max-partition-memory-bytes"))
            out("Warning: --max-partition-memory-bytes is deprecated and will be removed in Apache Kafka 5.0. Use --batch-size instead.\n");
        // ToolsUtils.validateBootstrapServer (its messages end with '\n', println adds another).
        const std::string bootstrap = o.value("bootstrap-server");
        if (bootstrap.find_first_not_of(' ') == std::string::npos)
            return usage(tool, "Error while validating the bootstrap address\n", NoteId::MissingBootstrapServer);
        for (const std::string& hp : splitOn(bootstrap, ',')) {
            const auto colon = hp.rfind(':');
            if (colon == std::string::npos || colon + 1 == hp.size() ||
                hp.find_first_not_of("0123456789", colon + 1) != std::string::npos)
                return usage(tool, "Please provide valid host:port like host1:9091,host2:9092\n", NoteId::BootstrapInvalid);
        }

        m_topic = o.value("topic");
        for (const auto& p : o.all(readerOpt)) {
            // CommandLineUtils.parseKeyValueArgs: a property without '=' gets an empty value.
            const auto kv = keyValue(p).value_or(std::make_pair(p, std::string()));
            const bool on = toLower(kv.second) == "true";
            if (kv.first == "parse.key") m_parseKey = on;
            else if (kv.first == "key.separator") m_keySep = unescapeSeparator(kv.second);
            else if (kv.first == "ignore.error") m_ignoreError = on;
            else if (kv.first == "null.marker") m_nullMarker = kv.second;
        }
        // ConsoleProducerOptions.producerProps: the config file, then --command-property over it.
        std::map<std::string, std::string> props;
        const std::string configOpt = o.has("producer.config") ? "producer.config" : "command-config";
        if (o.has(configOpt)) {
            const std::string path = o.value(configOpt);
            const auto text = readToolFile(m_workDir, path);
            if (!text) {
                // ConsoleProducer.main prints the exception's stack trace and exits.
                err(formatJavaTrace({"java.nio.file.NoSuchFileException: " + path},
                                    {missingConfigFileFrames(ClientKind::Producer)}));
                note(NoteId::ClientConfigFileMissing);
                finish(1);
                return false;
            }
            props = parseJavaProperties(*text);
        }
        for (const auto& p : o.all(propertyOpt)) {
            const auto kv = keyValue(p).value_or(std::make_pair(p, std::string()));
            props[kv.first] = kv.second;
        }
        // Then the options that map to properties (their numbers are converted here), and the
        // KafkaProducer checks every property (ConfigDef), then resolves the bootstrap servers.
        for (const char* opt : kNumberOptions) {
            if (o.has(opt) && !parseLong(o.value(opt))) {
                err("Cannot parse argument '" + o.value(opt) + "' of option " + opt + "\n");
                note(NoteId::UsageError);
                finish(1);
                return false;
            }
        }
        // CommandLineUtils.maybeMergeOptions: an option given on the command line wins over the
        // property; compression.type always comes from --compression-codec (none without it).
        props["compression.type"] =
            o.has("compression-codec") ? (o.value("compression-codec").empty() ? "gzip" : o.value("compression-codec")) : "none";
        if (!props.count("client.id")) props["client.id"] = "console-producer";
        const std::pair<const char*, const char*> merged[] = {
            {"timeout", "linger.ms"},
            {"request-required-acks", "acks"},
            {"request-timeout-ms", "request.timeout.ms"},
            {"message-send-max-retries", "retries"},
            {"retry-backoff-ms", "retry.backoff.ms"},
            {"socket-buffer-size", "send.buffer.bytes"},
            {"max-memory-bytes", "buffer.memory"},
            {"batch-size", "batch.size"},
            {"max-partition-memory-bytes", "batch.size"},
            {"metadata-expiry-ms", "metadata.max.age.ms"},
            {"max-block-ms", "max.block.ms"}};
        for (const auto& [opt, key] : merged)
            if (o.has(opt)) props[key] = o.value(opt);
        if (auto e = checkClientConfig(ClientKind::Producer, props)) {
            err(formatJavaTrace({e->exception}, {e->frames}));
            note(NoteId::InvalidClientConfig);
            finish(1);
            return false;
        }
        // ConsoleProducerOptions sets its own defaults (CommandLineUtils.maybeMergeOptions puts an
        // option's default where the property is not given): linger.ms 1000, acks -1,
        // request.timeout.ms 1500, retries 3, retry.backoff.ms 100, batch.size 16384,
        // max.block.ms 60000; ProducerSettings starts from those, the properties override them.
        ProducerSettings& ps = m_settings;
        for (const auto& [k, v] : props) {
            if (k == "acks") ps.acks = toLower(v) == "all" ? -1 : parseInt(v).value_or(-1);
            else if (k == "linger.ms") ps.linger_ms = parseLong(v).value_or(ps.linger_ms);
            else if (k == "client.id") ps.client_id = v;
            else if (k == "batch.size") ps.batch_size = parseInt(v).value_or(ps.batch_size);
            else if (k == "max.request.size") ps.max_request_size = parseInt(v).value_or(ps.max_request_size);
            else if (k == "buffer.memory") ps.buffer_memory = parseLong(v).value_or(ps.buffer_memory);
            else if (k == "retries") ps.retries = parseInt(v).value_or(ps.retries);
            else if (k == "request.timeout.ms") ps.request_timeout_ms = parseLong(v).value_or(ps.request_timeout_ms);
            else if (k == "retry.backoff.ms") ps.retry_backoff_ms = parseLong(v).value_or(ps.retry_backoff_ms);
            else if (k == "delivery.timeout.ms") ps.delivery_timeout_ms = parseLong(v).value_or(ps.delivery_timeout_ms);
            else if (k == "max.block.ms") ps.max_block_ms = parseLong(v).value_or(ps.max_block_ms);
            else if (k == "max.in.flight.requests.per.connection") ps.max_in_flight = parseInt(v).value_or(ps.max_in_flight);
            else if (k == "enable.idempotence") ps.enable_idempotence = toLower(v) == "true";
        }
        m_clientId = ps.client_id;
        m_bootstrap = bootstrap;
        const BootstrapCheck check = checkBootstrap(m_backend, bootstrap);
        if (check.kind == BootstrapCheck::Unresolvable) {
            // ConsoleProducer prints the exception's stack trace and exits.
            err(check.dnsWarnings(nowMs()) +
                bootstrapFailureTrace(BootstrapClient::Producer, false, check.configError()));
            note(NoteId::BootstrapUnresolvable);
            finish(1);
            return false;
        }
        if (!check.unresolved.empty()) err(check.dnsWarnings(nowMs()));
        m_resolvable = check.resolvable;
        // The client bootstraps from the brokers these addresses name (none: it never gets metadata,
        // and each send() blocks for max.block.ms in the producer client). A real cluster's backend
        // ignores them (and asking it costs a metadata request).
        if (m_backend.simulatesClients()) ps.bootstrap_brokers = bootstrapBrokers(m_backend, check.resolvable);
        if (check.kind == BootstrapCheck::Unreachable) {
            // Nothing answers: the client keeps trying (these lines), and every send() waits for
            // metadata until max.block.ms before failing.
            m_retry.emplace(ConnectionRetryLog::Client::Producer, "[Producer clientId=" + m_clientId + "] ",
                            check.resolvable, nowMs());
            note(NoteId::BootstrapUnreachable);
            logAttempts();
            // A real cluster's client connects where that cluster is, not to these addresses: no
            // producer then; the tool blocks each send() itself (inputLine) and fails it.
            if (m_backend.simulatesClients()) openProducer();
        } else {
            openProducer();
        }
        if (m_interactive) out(">");
        return true;
    }

    bool readsInput() const override { return !finished() && !m_eof && blockedSends() == 0; }

    void inputLine(const std::string& line) override {
        if (finished() || m_eof) return;
        ++m_lineNumber;
        std::optional<std::string> key;
        std::string value = line;
        if (m_parseKey) {
            const auto pos = line.find(m_keySep);
            if (pos == std::string::npos) {
                if (!m_ignoreError) {
                    err("org.apache.kafka.common.KafkaException: No key separator found on line number " +
                        std::to_string(m_lineNumber) + ": '" + line + "'\n");
                    note(NoteId::NoKeySeparator);
                    // Exit.exit(1) runs the shutdown hook: producer.close() still delivers what was sent.
                    closeProducer();
                    finish(1);
                    return;
                }
            } else {
                key = line.substr(0, pos);
                value = line.substr(pos + m_keySep.size());
            }
        }
        if (m_nullMarker && key && *key == *m_nullMarker) key.reset();
        checkConnection();
        if (m_producer < 0 && m_retry) {
            // No producer client to block (a real cluster's backend): send() waits here for the
            // topic's metadata as KafkaProducer.waitOnMetadata does, and fails after max.block.ms.
            m_blocked = Blocked{key, static_cast<std::int64_t>(value.size()), nowMs() + m_settings.max_block_ms};
            m_waiting = true;
            return;
        }
        if (m_producer >= 0) {
            m_backend.send(m_producer, m_topic, key, value);
            noteAutoCreatedTopic();
            // send() blocks waiting for the topic's metadata (the producer client's max.block.ms):
            // the next line is read, and the prompt printed, when it returns.
            if (blockedSends() > 0) {
                m_waiting = true;
                return;
            }
        }
        if (m_interactive) out(">");
    }

    void endOfInput() override {
        if (finished()) return;
        m_eof = true;
        if (blockedSends() == 0) close(0);
    }

    void interrupt() override {
        if (finished()) return;
        // The shutdown hook closes the producer; a send() blocked waiting for metadata (here, or in the
        // producer client) then throws, and main prints its trace (tests/labs/golden/real/producer-sigint.txt).
        if (m_blocked) failBlocked(ErrorCode::CLIENT_PRODUCER_CLOSED);
        closeProducer(); // shutdown hook
        finish(130);
    }

    void pump(TimeMs ms) override {
        if (finished()) return;
        TimeMs left = ms;
        do {
            // A send() the tool blocks itself fails at its deadline: step there at most.
            TimeMs step = left;
            if (m_blocked) step = std::min(step, std::max<TimeMs>(0, m_blocked->until - nowMs()));
            if (step > 0) m_backend.advance(step);
            left -= step;
            checkConnection();
            report();
            noteAutoCreatedTopic();
            if (m_blocked && nowMs() >= m_blocked->until) failBlocked();
            if (m_waiting && blockedSends() == 0) {
                // The blocked send() returned (failed, or the metadata came back): the next line is read.
                m_waiting = false;
                if (m_eof) return close(0);
                if (m_interactive) out(">");
            }
        } while (left > 0);
    }

private:
    std::int64_t blockedSends() const {
        if (m_blocked) return 1;
        return m_producer >= 0 ? m_backend.blockedSends(m_producer) : 0;
    }

    /// The send() the tool blocked failed: no metadata within max.block.ms (its callback's error), or the
    /// producer closed under it.
    void failBlocked(ErrorCode error = ErrorCode::CLIENT_METADATA_TIMEOUT) {
        SendFailure f;
        f.time = nowMs();
        f.tp = TopicPartition{m_topic, -1};
        f.error = error;
        f.key = m_blocked->key;
        f.value_bytes = m_blocked->value_bytes;
        m_blocked.reset();
        err(failureLines(f));
        if (error == ErrorCode::CLIENT_METADATA_TIMEOUT) note(NoteId::ProducerMetadataTimeout);
    }

    /// ErrorLoggingCallback's lines for a record whose send failed; for a send() that threw instead,
    /// the trace main prints.
    std::string failureLines(const SendFailure& f) const {
        if (f.error == ErrorCode::CLIENT_PRODUCER_CLOSED)
            return javaStackTrace(JavaTrace::ProducerClosedWhileSending,
                                  {"org.apache.kafka.common.KafkaException: Producer closed while send in progress",
                                   "org.apache.kafka.common.KafkaException: Requested metadata update after close"});
        std::string exception;
        if (f.error == ErrorCode::CLIENT_METADATA_TIMEOUT) {
            // KafkaProducer.waitOnMetadata.
            exception = "org.apache.kafka.common.errors.TimeoutException: Topic " + f.tp.topic +
                        " not present in metadata after " + std::to_string(m_settings.max_block_ms) + " ms.";
        } else if (f.error == ErrorCode::CLIENT_DELIVERY_TIMEOUT) {
            // Sender.failExpiredBatches (delivery.timeout.ms since the batch was created).
            exception = "org.apache.kafka.common.errors.TimeoutException: Expiring " + std::to_string(f.batch_records) +
                        " record(s) for " + f.tp.topic + "-" + std::to_string(f.tp.partition) + ":" +
                        std::to_string(f.batch_age_ms) +
                        " ms has passed since batch creation. The request has not been sent, or no server response "
                        "has been received yet.";
        } else if (f.error == ErrorCode::CLIENT_RECORD_TOO_LARGE) {
            // KafkaProducer.ensureValidRecordSize, in send(): nothing was sent.
            exception = "org.apache.kafka.common.errors.RecordTooLargeException: The message is " +
                        std::to_string(f.record_bytes) + " bytes when serialized which is larger than " +
                        (f.record_bytes > m_settings.max_request_size
                             ? std::to_string(m_settings.max_request_size) +
                                   ", which is the value of the max.request.size configuration."
                             : std::string("the total memory buffer you have configured with the buffer.memory "
                                           "configuration."));
        } else if (f.error == ErrorCode::MESSAGE_TOO_LARGE) {
            // The leader refused the batch (the topic's max.message.bytes); the response carries no
            // message, so the client's exception has the error's default one.
            exception = "org.apache.kafka.common.errors.RecordTooLargeException: " +
                        std::string(sim::errorDefaultMessage(f.error));
        } else if (f.error == ErrorCode::INVALID_TIMESTAMP) {
            // The leader's record errors (LogValidator.validateTimestamp) as Sender.failBatch hands them to
            // the callbacks: the one refused record gets InvalidTimestampException with the broker's text,
            // several get InvalidRecordException each, and the batch's other records a KafkaException.
            if (!f.timestamp_refused)
                exception = "org.apache.kafka.common.KafkaException: Failed to append record because it was part of a "
                            "batch which had one more more invalid records";
            else
                exception = std::string(f.refused_in_batch == 1 ? "org.apache.kafka.common.errors.InvalidTimestampException: "
                                                                 : "org.apache.kafka.common.InvalidRecordException: ") +
                            "Timestamp " + std::to_string(f.timestamp) + " of message with offset " +
                            std::to_string(f.batch_index) + " is out of range. The timestamp should be within [" +
                            std::to_string(f.valid_from) + ", " + std::to_string(f.valid_to) + "]";
        } else {
            return {}; // the broker's other errors after the retries: not emulated yet
        }
        return formatLogDate(f.time) + " ERROR Error when sending message to topic " + f.tp.topic + " with key: " +
               (f.key ? std::to_string(f.key->size()) + " bytes" : std::string("null")) +
               ", value: " + std::to_string(f.value_bytes) +
               " bytes with error: (org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)\n" + exception + "\n";
    }

    /// What the client logged since the last call, in time order: the bootstrap connection attempts
    /// (while no broker answers), the attempts to reach a dead partition leader, and the send
    /// callbacks' errors, each at the time the producer client made or failed it.
    void report() {
        std::vector<std::pair<TimeMs, std::string>> lines;
        if (m_producer >= 0) {
            const auto failures = m_backend.takeConnectionFailures(m_producer);
            if (!failures.empty()) {
                const auto brokers = m_backend.brokers();
                for (const auto& [at, id] : failures) {
                    const auto b = std::find_if(brokers.begin(), brokers.end(), [id = id](const BrokerInfo& x) { return x.id == id; });
                    if (b != brokers.end())
                        lines.emplace_back(at, connectionFailedLine(at, "[Producer clientId=" + m_clientId + "] ", id, brokerAddress(*b)));
                }
            }
            // Sender.completeBatch's WARN for a batch split after MESSAGE_TOO_LARGE. The console producer's
            // first Produce request has correlation id 5 (after ApiVersions and Metadata on the bootstrap
            // connection, InitProducerId, ApiVersions on the leader's: too-large-split.txt), each later one
            // the next; the simulation counts the Produce requests, not the metadata refreshes between them.
            for (const BatchSplit& b : m_backend.takeBatchSplits(m_producer))
                lines.emplace_back(b.time, formatLogDate(b.time) + " WARN [Producer clientId=" + m_clientId +
                                               "] Got error produce response in correlation id " +
                                               std::to_string(4 + b.request) + " on topic-partition " + b.tp.topic +
                                               "-" + std::to_string(b.tp.partition) + ", splitting and retrying (" +
                                               std::to_string(b.attempts_left) +
                                               " attempts left). Error: MESSAGE_TOO_LARGE "
                                               "(org.apache.kafka.clients.producer.internals.Sender)\n");
            for (const SendFailure& f : m_backend.takeSendFailures(m_producer)) {
                std::string text = failureLines(f);
                if (text.empty()) continue;
                if (f.error == ErrorCode::CLIENT_METADATA_TIMEOUT) note(NoteId::ProducerMetadataTimeout);
                lines.emplace_back(f.time, std::move(text));
            }
        }
        std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::string text;
        for (auto& [at, line] : lines) {
            if (m_retry) text += m_retry->linesUntil(at);
            text += line;
        }
        if (m_retry) text += m_retry->linesUntil(nowMs());
        if (!text.empty()) err(std::move(text));
    }

    /// The first send() to a topic that did not exist made the broker create it: the client's
    /// metadata response said so first.
    void noteAutoCreatedTopic() {
        if (m_topicExisted || m_producer < 0 || !m_backend.describeTopic(m_topic)) return;
        m_topicExisted = true;
        err(formatLogDate(m_backend.nowMs()) + " WARN [Producer clientId=" + m_clientId +
            "] The metadata response from the cluster reported a recoverable issue with correlation id 5 : {" + m_topic +
            "=UNKNOWN_TOPIC_OR_PARTITION} (org.apache.kafka.clients.NetworkClient)\n");
        note(NoteId::TopicAutoCreated);
    }

    void openProducer() {
        m_producer = m_backend.openProducer(m_settings);
        m_topicExisted = m_backend.describeTopic(m_topic).has_value();
    }
    /// Every broker of a known cluster is down (a real cluster's backend may list none).
    bool allBrokersDown() const {
        const auto brokers = m_backend.brokers();
        return !brokers.empty() && std::none_of(brokers.begin(), brokers.end(), [](const BrokerInfo& b) { return b.alive; });
    }
    /// The client's log of its connections (the sends themselves are the producer client's): when
    /// its last broker dies it rebootstraps ("Bootstrap broker ... disconnected", then attempts at the
    /// reconnect backoff); once a bootstrap server answers again the attempts end.
    void checkConnection() {
        // Against a real cluster the client library does this itself (and brokers() would cost a
        // metadata request at every step).
        if (!m_backend.simulatesClients()) return;
        if (!m_retry) {
            if (m_producer >= 0 && allBrokersDown()) {
                m_retry.emplace(ConnectionRetryLog::Client::Producer, "[Producer clientId=" + m_clientId + "] ",
                                m_resolvable, nowMs(), true);
                logAttempts();
            }
            return;
        }
        if (checkBootstrap(m_backend, m_bootstrap).kind == BootstrapCheck::Reachable) m_retry.reset();
    }

    bool usage(const ToolSpec& tool, const std::string& message, NoteId id = NoteId::UsageError) {
        ToolSession::usage(tool, message, id);
        return false;
    }
    void logAttempts() {
        if (std::string lines = m_retry->linesUntil(nowMs()); !lines.empty()) err(std::move(lines));
    }
    void closeProducer() {
        if (m_producer < 0) return;
        m_backend.closeProducer(m_producer); // waits for every record sent to be acknowledged or to fail
        report();
        m_producer = -1;
    }
    void close(int code) {
        closeProducer();
        if (m_interactive) out("\n"); // Ctrl+D leaves the cursor after the prompt
        finish(code);
    }

    bool m_interactive;
    std::string m_workDir;
    std::string m_topic;
    std::string m_bootstrap;
    std::string m_resolvable; ///< the bootstrap servers that resolve (those the client tries)
    ProducerSettings m_settings;
    std::string m_clientId = "console-producer";
    bool m_parseKey = false;
    bool m_ignoreError = false;
    std::string m_keySep = "\t";
    std::optional<std::string> m_nullMarker;
    ClusterBackend::Handle m_producer = -1;
    int m_lineNumber = 0;
    bool m_topicExisted = true;
    bool m_eof = false;
    bool m_waiting = false; ///< a line's send() is blocked: its prompt comes when it returns
    /// A send() the tool blocks itself (no producer client: a real cluster's backend whose cluster is
    /// not at the bootstrap addresses): the record, and when max.block.ms runs out.
    struct Blocked {
        std::optional<std::string> key;
        std::int64_t value_bytes = 0;
        TimeMs until = 0;
    };
    std::optional<Blocked> m_blocked;
    std::optional<ConnectionRetryLog> m_retry; ///< the client's connection attempts while no broker answers
};

} // namespace

std::unique_ptr<CommandSession> startConsoleProducer(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                     bool interactive, const std::string& work_dir) {
    auto s = std::make_unique<ProducerSession>(backend, interactive, work_dir);
    s->configure(argv);
    return s;
}

} // namespace fluxolab::labs::cli
