// kafka-leader-election (Kafka 4.3.1's LeaderElectionCommand) over a ClusterBackend: the options and
// their checks, the admin client's ElectLeaders call and the lines the tool prints for its answer.
// Checked against the real tool by tests/realkafka/no-controller.cmds (a 3-node cluster without, then
// with, an active controller) -> tests/labs/golden/real/no-controller.txt, and
// tests/realkafka/leader-election.cmds -> tests/labs/golden/real/leader-election.txt.
#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/kafka_tools/java_traces.h"
#include "sim/hash.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <functional>

namespace fluxolab::labs::cli {

namespace {

const ToolSpec& leaderElectionTool() {
    static const ToolSpec* spec = findToolSpec("kafka-leader-election");
    return *spec;
}

/// An exception that reaches mainNoExit: its message on stderr, then Utils.stackTrace (the exception,
/// its frames) and the empty line println adds after it.
void electionFailure(ToolSession& s, const std::string& exception, const std::string& message,
                     const std::vector<std::string>& frames, const std::vector<std::string>& causes, NoteId note) {
    std::string text = message + "\n" + exception + ": " + message + "\n";
    for (const auto& f : frames) text += "\tat " + f + "\n";
    for (const auto& c : causes) text += "Caused by: " + c + "\n";
    s.err(text + "\n");
    s.note(note);
    s.finish(1);
}

/// LeaderElectionCommandOptions.validate's AdminCommandFailedException, thrown at `line` of the source.
void optionsFailure(ToolSession& s, const std::string& message, int line) {
    electionFailure(s, "org.apache.kafka.tools.AdminCommandFailedException", message,
                    {"org.apache.kafka.tools.LeaderElectionCommand$LeaderElectionCommandOptions.validate("
                     "LeaderElectionCommand.java:" + std::to_string(line) + ")",
                     "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:85)",
                     "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                     "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"},
                    {}, NoteId::UsageError);
}

const std::vector<std::string> kElectLeadersFrames = {
    "org.apache.kafka.tools.LeaderElectionCommand.electLeaders(LeaderElectionCommand.java:135)",
    "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:122)",
    "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
    "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)",
};

/// The partitions in the order of a java.util.HashSet<TopicPartition> they were added to in this order.
std::string javaSetOfPartitions(const std::vector<TopicPartition>& tps) {
    std::vector<std::int32_t> hashes;
    for (const auto& tp : tps) hashes.push_back(sim::javaTopicPartitionHash(tp));
    std::string text;
    for (std::size_t i : javaHashMapOrder(hashes)) text += (text.empty() ? "" : ", ") + tps[i].str();
    return text;
}

/// What the tool prints for the controller's answer (LeaderElectionCommand.electLeaders): the elected
/// partitions, those that needed no election, then one line per failure and an exception.
void printElectionResults(ToolSession& s, const std::string& type,
                          const std::vector<std::pair<TopicPartition, ElectionOutcome>>& results,
                          const std::function<bool(const std::string&)>& topicExists) {
    std::vector<TopicPartition> elected, noop;
    std::vector<std::pair<TopicPartition, std::string>> failed;
    for (const auto& [tp, r] : results) {
        switch (r) {
        case ElectionOutcome::Elected: elected.push_back(tp); break;
        case ElectionOutcome::NotNeeded: noop.push_back(tp); break;
        case ElectionOutcome::NotAvailable:
            failed.emplace_back(tp, type == "PREFERRED"
                                        ? "org.apache.kafka.common.errors.PreferredLeaderNotAvailableException: The "
                                          "preferred leader was not available."
                                        : "org.apache.kafka.common.errors.EligibleLeadersNotAvailableException: Eligible "
                                          "topic partition leaders are not available.");
            break;
        case ElectionOutcome::UnknownPartition:
            failed.emplace_back(tp, "org.apache.kafka.common.errors.UnknownTopicOrPartitionException: " +
                                        (topicExists(tp.topic) ? "No such partition as " + tp.str()
                                                               : "No such topic as " + tp.topic));
            break;
        }
    }
    if (!elected.empty())
        s.out("Successfully completed leader election (" + type + ") for partitions " + javaSetOfPartitions(elected) + "\n");
    if (!noop.empty()) s.out("Valid replica already elected for partitions " + javaSetOfPartitions(noop) + "\n");
    if (failed.empty()) {
        s.finish(0);
        return;
    }
    // A HashMap<TopicPartition, Throwable>, in its order; each failure is added to the exception as
    // a suppressed one.
    std::vector<std::int32_t> hashes;
    for (const auto& f : failed) hashes.push_back(sim::javaTopicPartitionHash(f.first));
    const std::string message = std::to_string(failed.size()) + " replica(s) could not be elected";
    std::string trace = message + "\norg.apache.kafka.tools.AdminCommandFailedException: " + message + "\n";
    trace += "\tat org.apache.kafka.tools.LeaderElectionCommand.electLeaders(LeaderElectionCommand.java:181)\n";
    for (std::size_t f = 1; f < kElectLeadersFrames.size(); ++f) trace += "\tat " + kElectLeadersFrames[f] + "\n";
    for (std::size_t i : javaHashMapOrder(hashes)) {
        s.out("Error completing leader election (" + type + ") for partition: " + failed[i].first.str() + ": " +
              failed[i].second + "\n");
        trace += "\tSuppressed: " + failed[i].second + "\n";
    }
    s.err(trace + "\n");
    s.finish(1);
}

/// The frames of an AdminOperationException thrown while --path-to-json-file is read (run ->
/// parseReplicaElectionData -> topicPartitions), `top` first.
std::vector<std::string> jsonFrames(std::vector<std::string> top) {
    for (const char* f : {"org.apache.kafka.tools.LeaderElectionCommand.lambda$parseReplicaElectionData$0(LeaderElectionCommand.java:203)",
                          "java.base/java.util.Optional.map(Optional.java:260)",
                          "org.apache.kafka.tools.LeaderElectionCommand.parseReplicaElectionData(LeaderElectionCommand.java:201)",
                          "java.base/java.util.Optional.map(Optional.java:260)",
                          "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:89)",
                          "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                          "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"})
        top.emplace_back(f);
    return top;
}

/// A JSON value as Jackson's tree model holds it (ObjectMapper.readTree, which LeaderElectionCommand's
/// Json.parseFull calls): an object keeps its fields in the order read (a repeated name keeps its first
/// place and its last value), an integer is an int, a long or a big integer by its size, any number with
/// a fraction or an exponent a double. toString() is JsonNode.toString(), the text of Kafka's
/// "Expected ... received X" messages.
struct JacksonNode {
    enum class Kind { Missing, Null, Boolean, Int, Long, BigInteger, Double, Text, Array, Object };
    Kind kind = Kind::Missing;
    std::string text; ///< Boolean and numbers: as Jackson prints them; Text: the decoded string
    std::int32_t int_value = 0;
    std::vector<JacksonNode> items;
    // An object's fields as two parallel lists: std::vector<std::pair<std::string, JacksonNode>>
    // would need the complete JacksonNode inside its own definition (Clang's libstdc++ checks refuse it).
    std::vector<std::string> field_names;
    std::vector<JacksonNode> field_values;

    const JacksonNode* field(const std::string& name) const {
        for (std::size_t i = 0; i < field_names.size(); ++i)
            if (field_names[i] == name) return &field_values[i];
        return nullptr;
    }
    std::string toString() const {
        switch (kind) {
        case Kind::Missing: return "";
        case Kind::Null: return "null";
        case Kind::Text: return quoted(text);
        case Kind::Array: {
            std::string out = "[";
            for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i].toString();
            return out + "]";
        }
        case Kind::Object: {
            std::string out = "{";
            for (std::size_t i = 0; i < field_names.size(); ++i)
                out += (i ? "," : "") + quoted(field_names[i]) + ":" + field_values[i].toString();
            return out + "}";
        }
        default: return text;
        }
    }
    /// Jackson's string escapes: '"', '\\', \b \t \n \f \r, the other control characters as \u00XX
    /// (upper-case hex); everything else, non-ASCII included, as it is.
    static std::string quoted(const std::string& s) {
        static const char* hex = "0123456789ABCDEF";
        std::string out = "\"";
        for (const char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) out += std::string("\\u00") + hex[c >> 4] + hex[c & 15];
                else out += ch;
            }
        }
        return out + "\"";
    }
};

/// Double.toString: the shortest digits that read back as the value, written plainly from 10^-3 to
/// below 10^7 ("2500.0", "0.001") and as "d.dddE<n>" outside ("1.0E7", "1.0E-4"). (OpenJDK 17's
/// FloatingDecimal gives a longer digit string for a few values; not emulated.)
std::string javaDoubleText(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, r.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const std::size_t e = sci.find('e');
    std::string digits = sci.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    const int exp = std::stoi(sci.substr(e + 1));
    const double mag = std::fabs(d);
    if (mag >= 1e-3 && mag < 1e7) {
        std::string out;
        if (exp < 0) {
            out = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
        } else {
            const auto point = static_cast<std::size_t>(exp + 1);
            if (digits.size() <= point) out = digits + std::string(point - digits.size(), '0') + ".0";
            else out = digits.substr(0, point) + "." + digits.substr(point);
        }
        return sign + out;
    }
    return sign + digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" + std::to_string(exp);
}

/// Builds a JacksonNode from nlohmann's SAX events (which give a number's own text, so integers past
/// 64 bits stay exact as Jackson's BigIntegerNode keeps them).
class JacksonTreeBuilder final : public nlohmann::json_sax<nlohmann::json> {
public:
    JacksonNode root;
    bool failed = false;

    bool null() override { return add(JacksonNode::Kind::Null, {}); }
    bool boolean(bool val) override { return add(JacksonNode::Kind::Boolean, val ? "true" : "false"); }
    bool number_integer(number_integer_t val) override { return integer(std::to_string(val), val >= INT32_MIN && val <= INT32_MAX, true, val); }
    bool number_unsigned(number_unsigned_t val) override {
        return integer(std::to_string(val), val <= INT32_MAX, val <= static_cast<std::uint64_t>(INT64_MAX),
                       static_cast<std::int64_t>(std::min<std::uint64_t>(val, INT64_MAX)));
    }
    bool number_float(number_float_t val, const string_t& s) override {
        // An integer token too big for 64 bits reaches here with its text: a BigIntegerNode prints it as read.
        if (s.find_first_of(".eE") == string_t::npos) return add(JacksonNode::Kind::BigInteger, s);
        return add(JacksonNode::Kind::Double, javaDoubleText(val));
    }
    bool string(string_t& val) override { return add(JacksonNode::Kind::Text, val); }
    bool binary(binary_t&) override { return false; }
    bool start_object(std::size_t) override { return open(JacksonNode::Kind::Object); }
    bool key(string_t& val) override {
        m_key = val;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(JacksonNode::Kind::Array); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        failed = true;
        return false;
    }

private:
    /// Jackson's StreamReadConstraints: at most 1000 nested arrays and objects (read in its source, not captured).
    static constexpr std::size_t kMaxDepth = 1000;
    std::vector<JacksonNode*> m_stack;
    std::string m_key;
    bool m_done = false;

    bool integer(std::string text, bool isInt, bool isLong, std::int64_t value) {
        JacksonNode n;
        n.kind = isInt ? JacksonNode::Kind::Int : isLong ? JacksonNode::Kind::Long : JacksonNode::Kind::BigInteger;
        n.text = std::move(text);
        if (isInt) n.int_value = static_cast<std::int32_t>(value);
        return place(std::move(n)) != nullptr;
    }
    bool add(JacksonNode::Kind kind, std::string text) {
        JacksonNode n;
        n.kind = kind;
        n.text = std::move(text);
        return place(std::move(n)) != nullptr;
    }
    JacksonNode* place(JacksonNode n) {
        if (m_stack.empty()) {
            if (m_done) return nullptr;
            m_done = true;
            root = std::move(n);
            return &root;
        }
        JacksonNode& parent = *m_stack.back();
        if (parent.kind == JacksonNode::Kind::Array) {
            parent.items.push_back(std::move(n));
            return &parent.items.back();
        }
        for (std::size_t i = 0; i < parent.field_names.size(); ++i)
            if (parent.field_names[i] == m_key) {
                parent.field_values[i] = std::move(n);
                return &parent.field_values[i];
            }
        parent.field_names.push_back(m_key);
        parent.field_values.push_back(std::move(n));
        return &parent.field_values.back();
    }
    bool open(JacksonNode::Kind kind) {
        if (m_stack.size() >= kMaxDepth) {
            failed = true;
            return false;
        }
        JacksonNode n;
        n.kind = kind;
        JacksonNode* at = place(std::move(n));
        if (!at) return false;
        m_stack.push_back(at);
        return true;
    }
    bool close() {
        m_stack.pop_back();
        return true;
    }
};

/// Json.parseFull(Utils.readFileAsString(path)): nullopt for no JSON (an empty file, a syntax error);
/// MissingNode for blank text. ObjectMapper.readTree reads the first value and ignores what follows it
/// (tests/labs/golden/real/leader-election.txt, election-trailing.json).
std::optional<JacksonNode> jacksonReadTree(const std::string& text) {
    if (text.empty()) return std::nullopt;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return JacksonNode{};
    JacksonTreeBuilder builder;
    const bool ok = nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json, false);
    if (!ok || builder.failed) return std::nullopt;
    return std::move(builder.root);
}

/// --path-to-json-file: {"partitions": [{"topic": "foo", "partition": 1}, ...]}; nullopt (and the
/// session finished) when the file cannot be used (tests/labs/golden/real/leader-election.txt, cli-errors.txt).
std::optional<std::vector<TopicPartition>> partitionsFromJson(ToolSession& s, const std::string& work_dir,
                                                              const std::string& path) {
    const auto text = readToolFile(work_dir, path);
    if (!text) {
        const std::string io = "java.io.IOException: Unable to read file " + path;
        s.err(io + "\n" +
              javaStackTrace(JavaTrace::ElectionFileMissing,
                             {"java.lang.RuntimeException: " + io, io, "java.nio.file.NoSuchFileException: " + path}) +
              "\n");
        s.note(NoteId::ClientConfigFileMissing);
        s.finish(1);
        return std::nullopt;
    }
    const std::string exception = "org.apache.kafka.tools.AdminOperationException";
    const std::optional<JacksonNode> j = jacksonReadTree(*text);
    if (!j) {
        // Json.parseFull gives Optional.empty() for text that is not JSON (tests/labs/golden/real/cli-errors.txt).
        electionFailure(s, exception, "Replica election data is empty",
                        {"org.apache.kafka.tools.LeaderElectionCommand.lambda$parseReplicaElectionData$1(LeaderElectionCommand.java:207)",
                         "java.base/java.util.Optional.orElseThrow(Optional.java:403)",
                         "org.apache.kafka.tools.LeaderElectionCommand.parseReplicaElectionData(LeaderElectionCommand.java:207)",
                         "java.base/java.util.Optional.map(Optional.java:260)",
                         "org.apache.kafka.tools.LeaderElectionCommand.run(LeaderElectionCommand.java:89)",
                         "org.apache.kafka.tools.LeaderElectionCommand.mainNoExit(LeaderElectionCommand.java:71)",
                         "org.apache.kafka.tools.LeaderElectionCommand.main(LeaderElectionCommand.java:66)"},
                        {}, NoteId::UsageError);
        return std::nullopt;
    }
    // The JSON wrapper's JsonMappingException, wrapped in a RuntimeException by a lambda of the command.
    auto mappingFailure = [&](JavaTrace where, const std::string& message) {
        const std::string mapping = "com.fasterxml.jackson.databind.JsonMappingException: " + message;
        s.err(mapping + "\n" + javaStackTrace(where, {"java.lang.RuntimeException: " + mapping, mapping}) + "\n");
        s.note(NoteId::UsageError);
        s.finish(1);
        return std::nullopt;
    };
    using Kind = JacksonNode::Kind;
    if (j->kind != Kind::Object)
        return mappingFailure(JavaTrace::ElectionJsonNotObject, "Expected JSON object, received " + j->toString());
    const JacksonNode* list = j->field("partitions");
    if (!list) {
        electionFailure(s, exception, "Replica election data is missing \"partitions\" field",
                        jsonFrames({"org.apache.kafka.tools.LeaderElectionCommand.lambda$topicPartitions$1(LeaderElectionCommand.java:222)",
                                    "java.base/java.util.Optional.orElseThrow(Optional.java:403)",
                                    "org.apache.kafka.tools.LeaderElectionCommand.topicPartitions(LeaderElectionCommand.java:222)"}),
                        {}, NoteId::UsageError);
        return std::nullopt;
    }
    if (list->kind != Kind::Array)
        return mappingFailure(JavaTrace::ElectionPartitionsNotArray, "Expected JSON array, received " + list->toString());
    std::vector<TopicPartition> out;
    // toTopicPartition, entry by entry: the entry an object, its "topic" a string, its "partition" an int.
    for (const JacksonNode& p : list->items) {
        if (p.kind != Kind::Object)
            return mappingFailure(JavaTrace::ElectionEntryNotObject, "Expected JSON object, received " + p.toString());
        const JacksonNode* topic = p.field("topic");
        if (!topic) return mappingFailure(JavaTrace::ElectionEntryNoTopic, "No such field exists: `topic`");
        if (topic->kind != Kind::Text)
            return mappingFailure(JavaTrace::ElectionTopicNotString, "Expected `String` value, received " + topic->toString());
        const JacksonNode* partition = p.field("partition");
        if (!partition) return mappingFailure(JavaTrace::ElectionEntryNoPartition, "No such field exists: `partition`");
        // DecodeJson.DecodeInteger takes only an int node (a long, a double or any other node is refused).
        if (partition->kind != Kind::Int)
            return mappingFailure(JavaTrace::ElectionPartitionNotInteger,
                                  "Expected `Integer` value, received " + partition->toString());
        out.push_back({topic->text, partition->int_value});
    }
    // The duplicates, as a HashSet's toString: "[orders-1]".
    std::vector<TopicPartition> dups;
    for (const auto& tp : out)
        if (std::count(out.begin(), out.end(), tp) > 1 && std::find(dups.begin(), dups.end(), tp) == dups.end())
            dups.push_back(tp);
    if (!dups.empty()) {
        electionFailure(s, exception, "Replica election data contains duplicate partitions: [" + javaSetOfPartitions(dups) + "]",
                        jsonFrames({"org.apache.kafka.tools.LeaderElectionCommand.toTopicPartition(LeaderElectionCommand.java:241)",
                                    "org.apache.kafka.tools.LeaderElectionCommand.lambda$topicPartitions$0(LeaderElectionCommand.java:217)",
                                    "java.base/java.util.Optional.map(Optional.java:260)",
                                    "org.apache.kafka.tools.LeaderElectionCommand.topicPartitions(LeaderElectionCommand.java:215)"}),
                        {}, NoteId::UsageError);
        return std::nullopt;
    }
    // new HashSet<>(partitions): the request lists them in its order.
    std::vector<std::int32_t> hashes;
    for (const auto& tp : out) hashes.push_back(sim::javaTopicPartitionHash(tp));
    std::vector<TopicPartition> ordered;
    for (std::size_t i : javaHashMapOrder(hashes)) ordered.push_back(out[i]);
    return ordered;
}

} // namespace

std::unique_ptr<CommandSession> startLeaderElection(ClusterBackend& backend, const std::vector<std::string>& argv,
                                                    const std::string& work_dir) {
    auto session = std::make_unique<ToolSession>(backend, CommandKind::LeaderElection);
    ToolSession& s = *session;
    const ToolSpec& tool = leaderElectionTool();
    const std::optional<Options> parsed = startToolOptions(s, tool, argv, [&](const OptError& e) {
        // Thrown from the options' constructor inside run(): mainNoExit prints the message, then the trace.
        const std::vector<std::string> chain{e.exceptionLine()};
        const std::string trace = e.kind == OptError::Unrecognized
                                      ? javaStackTrace(JavaTrace::ElectionUnrecognizedOption, chain)
                                      : formatJavaTrace(chain, {});
        s.err(e.message + "\n" + trace + "\n");
        s.note(e.note());
        s.finish(1);
    });
    if (!parsed) return session;
    const Options& o = *parsed;
    std::vector<std::string> missing;
    if (!o.has("bootstrap-server")) missing.push_back("bootstrap-server");
    if (!o.has("election-type")) missing.push_back("election-type");
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        optionsFailure(s, "Missing required option(s): " + list, 363);
        return session;
    }
    if (o.has("admin.config") && o.has("command-config")) {
        s.usage(tool, "Option \"[admin.config]\" can't be used with option \"[command-config]\"");
        return session;
    }
    if (o.has("topic") + o.has("all-topic-partitions") + o.has("path-to-json-file") != 1) {
        optionsFailure(s, "One and only one of the following options is required: topic, all-topic-partitions, "
                          "path-to-json-file", 382);
        return session;
    }
    if (o.has("topic") && !o.has("partition")) {
        optionsFailure(s, "Missing required option(s): partition", 387);
        return session;
    }
    if (!o.has("topic") && o.has("partition")) {
        optionsFailure(s, "Option partition is only allowed if topic is used", 392);
        return session;
    }
    // getElectionType: jopt-simple's EnumConverter (any letter case) converts the value when it is read.
    std::string type = o.value("election-type");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (type != "PREFERRED" && type != "UNCLEAN") {
        const std::string v = o.value("election-type");
        const std::string message = "Cannot parse argument '" + v + "' of option election-type";
        s.err(message + "\n" +
              javaStackTrace(JavaTrace::ElectionBadType,
                             {"joptsimple.OptionArgumentConversionException: " + message,
                              "joptsimple.ValueConversionException: Value [" + v + "] is not one of [[PREFERRED,UNCLEAN]]"}) +
              "\n");
        s.note(NoteId::UsageError);
        s.finish(1);
        return session;
    }
    std::vector<TopicPartition> partitions;
    if (o.has("path-to-json-file")) {
        auto fromFile = partitionsFromJson(s, work_dir, o.value("path-to-json-file"));
        if (!fromFile) return session;
        partitions = std::move(*fromFile);
    } else if (o.has("topic")) {
        const auto p = parseInt(o.value("partition"));
        partitions.push_back({o.value("topic"), p.value_or(0)});
    }
    std::optional<std::string> config;
    if (o.has("admin.config")) {
        s.out("Option --admin.config has been deprecated and will be removed in a future version. Use --command-config "
              "instead.\n");
        config = o.value("admin.config");
    } else if (o.has("command-config")) {
        config = o.value("command-config");
    }
    // run() loads the config file (Utils.loadProps), then Admin.create resolves the servers.
    if (!commandConfigLoads(s, AdminTool::LeaderElection, work_dir, config)) return session;
    const BootstrapCheck check = checkBootstrap(backend, o.value("bootstrap-server"));
    if (!adminClientCreated(s, AdminTool::LeaderElection, check)) return session;
    // The tool gives the admin client 30 s (default.api.timeout.ms) unless the config file sets it.
    const TimeMs timeout = adminTimeouts(work_dir, config).default_api_timeout_ms.value_or(30000);

    if (check.kind != BootstrapCheck::Reachable) {
        // The admin client cannot reach the cluster (tests/labs/golden/real/leader-election.txt, localhost:9099).
        s.waitForUnreachableCluster(check.resolvable, timeout, [](ToolSession& t) {
            t.out("Timeout waiting for election results\n");
            electionFailure(t, "org.apache.kafka.tools.AdminCommandFailedException", "Timeout waiting for election results",
                            kElectLeadersFrames,
                            {"org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. "
                             "Call: electLeaders"},
                            NoteId::BootstrapUnreachable);
        });
        return session;
    }
    // An empty "partitions" list: the controller is asked about no partition and answers nothing; the
    // tool prints nothing (tests/labs/golden/real/leader-election.txt, election-list-empty.json).
    const bool none = o.has("path-to-json-file") && partitions.empty();
    auto send = [&backend, type, partitions, none](ToolSession& t) {
        if (none) {
            t.finish(0);
            return;
        }
        const auto results = backend.electLeaders(partitions, type == "UNCLEAN");
        if (!results) {
            t.err("FluxoLab cannot elect leaders on this cluster.\n");
            t.finish(1);
            return;
        }
        printElectionResults(t, type, *results,
                             [&backend](const std::string& topic) { return backend.describeTopic(topic).has_value(); });
    };
    if (backend.controllerAvailable()) {
        send(s);
        return session;
    }
    std::int32_t node = -1;
    for (const BrokerInfo& b : backend.brokers())
        if (b.alive && node < 0) node = b.id;
    s.waitForController(timeout, send, [node](ToolSession& t) {
        t.out("Timeout waiting for election results\n");
        electionFailure(t, "org.apache.kafka.tools.AdminCommandFailedException", "Timeout waiting for election results",
                        kElectLeadersFrames,
                        {"org.apache.kafka.common.errors.TimeoutException: " + adminCallTimedOut("electLeaders", t.nowMs()),
                         adminCallCancelled("electLeaders", 3, node)},
                        NoteId::NoActiveController);
    });
    return session;
}

} // namespace fluxolab::labs::cli
