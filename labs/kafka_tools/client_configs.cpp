// ProducerConfig / ConsumerConfig checks of kafka-clients 4.3.1 (see client_configs.h). The keys,
// types and validators follow ProducerConfig.CONFIG and ConsumerConfig.CONFIG, in their definition
// order (ConfigDef.parse reports the first failing key in that order); the frames are those the
// real tools printed (tests/labs/golden/real/config.txt).
#include "labs/kafka_tools/client_configs.h"

#include "labs/kafka_tools/cli_tool_common.h"

#include <cstdint>

namespace fluxolab::labs::cli {

namespace {

enum class Type : std::uint8_t { String, Int, Long, Boolean };

enum class Check : std::uint8_t {
    None,
    AtLeast,         ///< ConfigDef.Range.atLeast(min)
    OneOf,           ///< ConfigDef.ValidString.in(...)
    OneOfIgnoreCase, ///< ConfigDef.CaseInsensitiveValidString.in(...)
    AutoOffsetReset, ///< AutoOffsetResetStrategy.Validator
};

struct ConfigKey {
    const char* name;
    Type type;
    Check check = Check::None;
    std::int64_t min = 0;
    std::vector<std::string> valid = {};
};

const std::vector<ConfigKey>& producerKeys() {
    static const std::vector<ConfigKey> keys = {
        {"buffer.memory", Type::Long, Check::AtLeast, 0},
        {"retries", Type::Int, Check::AtLeast, 0},
        {"acks", Type::String, Check::OneOf, 0, {"all", "-1", "0", "1"}},
        {"compression.type", Type::String, Check::OneOf, 0, {"none", "gzip", "snappy", "lz4", "zstd"}},
        {"batch.size", Type::Int, Check::AtLeast, 0},
        {"partitioner.adaptive.partitioning.enable", Type::Boolean},
        {"partitioner.availability.timeout.ms", Type::Long, Check::AtLeast, 0},
        {"partitioner.ignore.keys", Type::Boolean},
        {"linger.ms", Type::Long, Check::AtLeast, 0},
        {"delivery.timeout.ms", Type::Int, Check::AtLeast, 0},
        {"client.id", Type::String},
        {"max.request.size", Type::Int, Check::AtLeast, 0},
        {"reconnect.backoff.ms", Type::Long, Check::AtLeast, 0},
        {"reconnect.backoff.max.ms", Type::Long, Check::AtLeast, 0},
        {"retry.backoff.ms", Type::Long, Check::AtLeast, 0},
        {"retry.backoff.max.ms", Type::Long, Check::AtLeast, 0},
        {"max.block.ms", Type::Long, Check::AtLeast, 0},
        {"request.timeout.ms", Type::Int, Check::AtLeast, 0},
        {"metadata.max.age.ms", Type::Long, Check::AtLeast, 0},
        {"max.in.flight.requests.per.connection", Type::Int, Check::AtLeast, 1},
        {"enable.idempotence", Type::Boolean},
        {"transaction.timeout.ms", Type::Int},
    };
    return keys;
}

const std::vector<ConfigKey>& consumerKeys() {
    static const std::vector<ConfigKey> keys = {
        {"group.id", Type::String},
        {"session.timeout.ms", Type::Int},
        {"heartbeat.interval.ms", Type::Int},
        {"metadata.max.age.ms", Type::Long, Check::AtLeast, 0},
        {"enable.auto.commit", Type::Boolean},
        {"auto.commit.interval.ms", Type::Int, Check::AtLeast, 0},
        {"client.id", Type::String},
        {"max.partition.fetch.bytes", Type::Int, Check::AtLeast, 0},
        {"fetch.min.bytes", Type::Int, Check::AtLeast, 0},
        {"fetch.max.bytes", Type::Int, Check::AtLeast, 0},
        {"fetch.max.wait.ms", Type::Int, Check::AtLeast, 0},
        {"reconnect.backoff.ms", Type::Long, Check::AtLeast, 0},
        {"reconnect.backoff.max.ms", Type::Long, Check::AtLeast, 0},
        {"retry.backoff.ms", Type::Long, Check::AtLeast, 0},
        {"retry.backoff.max.ms", Type::Long, Check::AtLeast, 0},
        {"auto.offset.reset", Type::String, Check::AutoOffsetReset},
        {"check.crcs", Type::Boolean},
        {"request.timeout.ms", Type::Int, Check::AtLeast, 0},
        {"default.api.timeout.ms", Type::Int, Check::AtLeast, 0},
        {"max.poll.records", Type::Int, Check::AtLeast, 1},
        {"max.poll.interval.ms", Type::Int, Check::AtLeast, 1},
        {"exclude.internal.topics", Type::Boolean},
        {"isolation.level", Type::String, Check::OneOf, 0, {"read_committed", "read_uncommitted"}},
        {"allow.auto.create.topics", Type::Boolean},
        {"group.protocol", Type::String, Check::OneOfIgnoreCase, 0, {"CONSUMER", "CLASSIC"}},
    };
    return keys;
}

const char* kConfigException = "org.apache.kafka.common.config.ConfigException";

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n\f");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n\f") - b + 1);
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s;
}

/// ConfigDef.parse ... the tool's main, below the throwing frames.
std::vector<std::string> callerFrames(ClientKind kind) {
    std::vector<std::string> f = {
        "org.apache.kafka.common.config.ConfigDef.parse(ConfigDef.java:527)",
        "org.apache.kafka.common.config.AbstractConfig.<init>(AbstractConfig.java:118)",
        "org.apache.kafka.common.config.AbstractConfig.<init>(AbstractConfig.java:136)"};
    const std::vector<std::string> client =
        kind == ClientKind::Producer
            ? std::vector<
                  std::string>{"org.apache.kafka.clients.producer.ProducerConfig.<init>(ProducerConfig.java:"
                               "692)",
                               "org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:"
                               "313)",
                               "org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:"
                               "340)",
                               "org.apache.kafka.clients.producer.KafkaProducer.<init>(KafkaProducer.java:"
                               "325)",
                               "org.apache.kafka.tools.ConsoleProducer.start(ConsoleProducer.java:67)",
                               "org.apache.kafka.tools.ConsoleProducer.main(ConsoleProducer.java:60)"}
            : std::vector<std::string>{
                  "org.apache.kafka.clients.consumer.ConsumerConfig.<init>(ConsumerConfig.java:796)",
                  "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:610)",
                  "org.apache.kafka.clients.consumer.KafkaConsumer.<init>(KafkaConsumer.java:591)",
                  "org.apache.kafka.tools.consumer.ConsoleConsumer.run(ConsoleConsumer.java:74)",
                  "org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:62)"};
    f.insert(f.end(), client.begin(), client.end());
    return f;
}

ClientConfigError failure(ClientKind kind, const std::string& name, const std::string& value,
                          const std::string& why, std::vector<std::string> top) {
    ClientConfigError e;
    e.exception = std::string(kConfigException) + ": Invalid value " + value + " for configuration " + name +
                  (why.empty() ? "" : ": " + why);
    const std::vector<std::string> callers = callerFrames(kind);
    top.insert(top.end(), callers.begin(), callers.end());
    e.frames = std::move(top);
    return e;
}

const std::string kParseType = "org.apache.kafka.common.config.ConfigDef.parseType(ConfigDef.java:787)";
const std::string kParseBoolean = "org.apache.kafka.common.config.ConfigDef.parseType(ConfigDef.java:717)";
const std::string kParseValueType = "org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:534)";
const std::string kParseValueCheck =
    "org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:551)";

std::optional<ClientConfigError> checkKey(ClientKind kind, const ConfigKey& k, const std::string& value) {
    const std::string t = trim(value);
    std::optional<std::int64_t> number;
    switch (k.type) {
    case Type::String:
        break;
    case Type::Boolean:
        if (toLower(t) != "true" && toLower(t) != "false")
            return failure(kind, k.name, value, "Expected value to be either true or false",
                           {kParseBoolean, kParseValueType});
        break;
    case Type::Int:
        number = parseInt(t);
        if (!number)
            return failure(kind, k.name, value, "Not a number of type INT", {kParseType, kParseValueType});
        break;
    case Type::Long:
        number = parseLong(t);
        if (!number)
            return failure(kind, k.name, value, "Not a number of type LONG", {kParseType, kParseValueType});
        break;
    }
    switch (k.check) {
    case Check::None:
        break;
    case Check::AtLeast:
        if (number && *number < k.min)
            return failure(kind, k.name, std::to_string(*number),
                           "Value must be at least " + std::to_string(k.min),
                           {"org.apache.kafka.common.config.ConfigDef$Range.ensureValid(ConfigDef.java:1011)",
                            kParseValueCheck});
        break;
    case Check::OneOf:
        for (const auto& v : k.valid)
            if (v == t) return std::nullopt;
        return failure(
            kind, k.name, t, "String must be one of: " + joined(k.valid),
            {"org.apache.kafka.common.config.ConfigDef$ValidString.ensureValid(ConfigDef.java:1114)",
             kParseValueCheck});
    case Check::OneOfIgnoreCase:
        for (const auto& v : k.valid)
            if (toLower(v) == toLower(t)) return std::nullopt;
        return failure(
            kind, k.name, t, "String must be one of (case insensitive): " + joined(k.valid),
            {"org.apache.kafka.common.config.ConfigDef$CaseInsensitiveValidString.ensureValid(ConfigDef.java:"
             "1142)",
             kParseValueCheck});
    case Check::AutoOffsetReset: {
        const std::string lower = toLower(t);
        if (lower == "earliest" || lower == "latest" || lower == "none" ||
            lower.rfind("by_duration:", 0) == 0)
            return std::nullopt;
        return failure(
            kind, k.name, t,
            "Invalid value `" + t + "` for configuration " + k.name +
                ". The value must be either 'earliest', 'latest', 'none' or of the format "
                "'by_duration:<PnDTnHnMn.nS.>'.",
            {"org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy$Validator.ensureValid("
             "AutoOffsetResetStrategy.java:165)",
             kParseValueCheck});
    }
    }
    return std::nullopt;
}

/// A ConfigException thrown by the client config's postProcessParsedConfig (checks across keys):
/// `top` are the frames above AbstractConfig's constructor.
ClientConfigError postProcessFailure(ClientKind kind, const std::string& message, std::vector<std::string> top) {
    ClientConfigError e;
    e.exception = std::string(kConfigException) + ": " + message;
    top.emplace_back("org.apache.kafka.common.config.AbstractConfig.<init>(AbstractConfig.java:119)");
    const std::vector<std::string> callers = callerFrames(kind);
    top.insert(top.end(), callers.begin() + 2, callers.end()); // from AbstractConfig.<init>(...:136) on
    e.frames = std::move(top);
    return e;
}

/// ProducerConfig.postProcessAndValidateIdempotenceConfigs (idempotence is on by default; a setting
/// that contradicts it fails only if enable.idempotence was set explicitly, else it turns it off),
/// then the transactional.id check. ConsumerConfig.checkUnsupportedConfigsPostProcess.
std::optional<ClientConfigError> checkAcrossKeys(ClientKind kind, const std::map<std::string, std::string>& props) {
    auto value = [&](const char* key) -> std::optional<std::string> {
        const auto it = props.find(key);
        return it == props.end() ? std::nullopt : std::optional<std::string>(trim(it->second));
    };
    if (kind == ClientKind::Consumer) {
        const bool consumerProtocol = toLower(value("group.protocol").value_or("classic")) == "consumer";
        if (consumerProtocol && value("partition.assignment.strategy"))
            return postProcessFailure(
                kind, "partition.assignment.strategy cannot be set when group.protocol=CONSUMER",
                {"org.apache.kafka.clients.consumer.ConsumerConfig.checkUnsupportedConfigsPostProcess(ConsumerConfig.java:786)",
                 "org.apache.kafka.clients.consumer.ConsumerConfig.checkUnsupportedConfigsPostProcess(ConsumerConfig.java:771)",
                 "org.apache.kafka.clients.consumer.ConsumerConfig.postProcessParsedConfig(ConsumerConfig.java:719)"});
        return std::nullopt;
    }
    auto at = [](int line) {
        return std::vector<std::string>{
            "org.apache.kafka.clients.producer.ProducerConfig.postProcessAndValidateIdempotenceConfigs(ProducerConfig.java:" +
                std::to_string(line) + ")",
            "org.apache.kafka.clients.producer.ProducerConfig.postProcessParsedConfig(ProducerConfig.java:574)"};
    };
    const std::optional<std::string> idempotence = value("enable.idempotence");
    const bool userSet = idempotence.has_value();
    bool enabled = toLower(idempotence.value_or("true")) == "true";
    if (enabled) {
        bool disable = false;
        if (value("retries") && parseInt(*value("retries")) == 0) {
            if (userSet) return postProcessFailure(kind, "Must set retries to non-zero when using the idempotent producer.", at(604));
            disable = true;
        }
        const std::string acks = toLower(value("acks").value_or("all"));
        if (acks != "all" && acks != "-1") {
            if (userSet)
                return postProcessFailure(kind,
                                          "Must set acks to all in order to use the idempotent producer. Otherwise we "
                                          "cannot guarantee idempotence.",
                                          at(613));
            disable = true;
        }
        // Kafka 4.x: more than 5 requests in flight is an error whether idempotence was set or only on by
        // default (tests/labs/golden/real/timestamps.txt); only retries and acks turn it off quietly.
        const auto inFlight = parseInt(value("max.in.flight.requests.per.connection").value_or("5"));
        if (!disable && inFlight && *inFlight > 5)
            return postProcessFailure(kind,
                                      "To use the idempotent producer, max.in.flight.requests.per.connection must be "
                                      "set to at most 5. Current value is " + std::to_string(*inFlight) + ".",
                                      at(622));
        if (disable) enabled = false;
    }
    if (!enabled && value("transactional.id"))
        return postProcessFailure(kind, "Cannot set a transactional.id without also enabling idempotence.", at(635));
    return std::nullopt;
}

} // namespace

std::optional<ClientConfigError> checkClientConfig(ClientKind kind,
                                                   const std::map<std::string, std::string>& props) {
    for (const ConfigKey& k : kind == ClientKind::Producer ? producerKeys() : consumerKeys()) {
        const auto it = props.find(k.name);
        if (it == props.end()) continue;
        if (auto e = checkKey(kind, k, it->second)) return e;
    }
    // AbstractConfig's constructor: every key parsed (above), then postProcessParsedConfig.
    return checkAcrossKeys(kind, props);
}

namespace {

bool propertiesBlank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/// The logical lines of a properties text as java.util.Properties.load reads them: natural lines end
/// at "\n", "\r" or "\r\n"; blank lines and comment lines ('#' or '!' first) are skipped; a line
/// ending in an odd number of backslashes goes on with the next one, whose leading blanks are dropped
/// (a comment line never goes on; an empty line ends the logical line).
std::vector<std::string> logicalPropertyLines(const std::string& text) {
    std::vector<std::string> lines;
    std::string current;
    bool continuing = false;
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", i);
        if (end == std::string::npos) end = text.size();
        std::string natural = text.substr(i, end - i);
        i = end + (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
        std::size_t b = 0;
        while (b < natural.size() && propertiesBlank(natural[b])) ++b;
        if (!continuing) {
            if (b == natural.size() || natural[b] == '#' || natural[b] == '!') continue;
        }
        const std::string part = natural.substr(b);
        current += part;
        std::size_t backslashes = 0;
        while (backslashes < part.size() && part[part.size() - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 1 && i <= text.size()) {
            current.pop_back(); // the continuation's backslash
            continuing = true;
            continue;
        }
        if (backslashes % 2 == 1) current.pop_back(); // a last line ending in a backslash
        if (!current.empty()) lines.push_back(current);
        current.clear();
        continuing = false;
    }
    if (!current.empty()) lines.push_back(current);
    return lines;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Properties' escapes: \t \n \r \f, \uXXXX, and a backslash before any other character stands
/// for that character. False for a malformed \uXXXX (Properties.load throws).
bool unescapeProperty(const std::string& in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\' || i + 1 >= in.size()) {
            out += in[i];
            continue;
        }
        const char c = in[++i];
        switch (c) {
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 'f': out += '\f'; break;
        case 'u': {
            std::uint32_t cp = 0;
            for (int d = 1; d <= 4; ++d) {
                if (i + static_cast<std::size_t>(d) >= in.size()) return false;
                const char h = in[i + static_cast<std::size_t>(d)];
                cp <<= 4;
                if (h >= '0' && h <= '9') cp |= static_cast<std::uint32_t>(h - '0');
                else if (h >= 'a' && h <= 'f') cp |= static_cast<std::uint32_t>(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F') cp |= static_cast<std::uint32_t>(h - 'A' + 10);
                else return false;
            }
            i += 4;
            appendUtf8(out, cp);
            break;
        }
        default: out += c; break;
        }
    }
    return true;
}

} // namespace

std::map<std::string, std::string> parseJavaProperties(const std::string& text) {
    std::map<std::string, std::string> props;
    for (const std::string& line : logicalPropertyLines(text)) {
        // The key ends at the first '=', ':' or blank that no backslash escapes.
        std::size_t keyEnd = 0;
        bool escaped = false, separator = false;
        for (; keyEnd < line.size(); ++keyEnd) {
            const char c = line[keyEnd];
            if (!escaped && (c == '=' || c == ':' || propertiesBlank(c))) break;
            escaped = c == '\\' && !escaped;
        }
        std::size_t v = keyEnd;
        // Blanks, then at most one '=' or ':' (unless the key ended at one), then blanks.
        if (v < line.size() && (line[v] == '=' || line[v] == ':')) {
            separator = true;
            ++v;
        }
        while (v < line.size()) {
            if (propertiesBlank(line[v])) {
                ++v;
            } else if (!separator && (line[v] == '=' || line[v] == ':')) {
                separator = true;
                ++v;
            } else {
                break;
            }
        }
        std::string key, value;
        if (!unescapeProperty(line.substr(0, keyEnd), key) || !unescapeProperty(line.substr(v), value)) continue;
        props[key] = value;
    }
    return props;
}

std::vector<std::string> missingConfigFileFrames(ClientKind kind) {
    std::vector<std::string> f = loadPropsFrames();
    if (kind == ClientKind::Producer) {
        f.push_back("org.apache.kafka.tools.ConsoleProducer$ConsoleProducerOptions.producerProps("
                    "ConsoleProducer.java:390)");
        f.push_back("org.apache.kafka.tools.ConsoleProducer.start(ConsoleProducer.java:67)");
        f.push_back("org.apache.kafka.tools.ConsoleProducer.main(ConsoleProducer.java:60)");
    } else {
        f.push_back(
            "org.apache.kafka.tools.consumer.ConsoleConsumerOptions.<init>(ConsoleConsumerOptions.java:225)");
        f.push_back("org.apache.kafka.tools.consumer.ConsoleConsumer.main(ConsoleConsumer.java:60)");
    }
    return f;
}

std::vector<std::string> loadPropsFrames() {
    return {"java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)",
            "java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:106)",
            "java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:111)",
            "java.base/sun.nio.fs.UnixFileSystemProvider.newByteChannel(UnixFileSystemProvider.java:218)",
            "java.base/java.nio.file.Files.newByteChannel(Files.java:380)",
            "java.base/java.nio.file.Files.newByteChannel(Files.java:432)",
            "java.base/java.nio.file.spi.FileSystemProvider.newInputStream(FileSystemProvider.java:422)",
            "java.base/java.nio.file.Files.newInputStream(Files.java:160)",
            "org.apache.kafka.common.utils.Utils.loadProps(Utils.java:669)",
            "org.apache.kafka.common.utils.Utils.loadProps(Utils.java:656)"};
}

} // namespace fluxolab::labs::cli
