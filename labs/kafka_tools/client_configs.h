#pragma once
// How kafka-clients 4.3.1 checks a producer's or consumer's properties when the client is created
// (ProducerConfig / ConsumerConfig over ConfigDef.parse): every defined key is parsed in definition
// order; a value of the wrong type fails in ConfigDef.parseType, a value out of range or not in its
// list in the key's validator. The first failure is thrown as a ConfigException, and the console
// tools print its stack trace. Checked against the real tools by
// tests/realkafka/config-errors.cmds -> tests/labs/golden/real/config.txt.
//
// Only the keys a course uses are in the table (the common producer and consumer settings); other
// keys pass unchecked, as unknown keys do in the real client (it only logs them at INFO).

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fluxolab::labs::cli {

enum class ClientKind : std::uint8_t { Producer, Consumer };

/// The ConfigException of the first property that does not parse: its toString() and its frames
/// (the validator's, then ConfigDef.parse up to the tool's main).
struct ClientConfigError {
    std::string exception;
    std::vector<std::string> frames;
};

/// `props`: the properties as the tool hands them to the client (key -> value as typed).
std::optional<ClientConfigError> checkClientConfig(ClientKind kind,
                                                   const std::map<std::string, std::string>& props);

/// java.util.Properties.load of a .properties file: "key=value", "key:value" or "key value" lines,
/// '#' and '!' comment lines, line continuations (a trailing odd backslash), escapes (\t \n \r \f,
/// \uXXXX, a backslash before any other character); blanks after the separator dropped, trailing
/// blanks kept, a later key replaces an earlier one. A line with a malformed \uXXXX is skipped
/// (Properties.load throws IllegalArgumentException there).
std::map<std::string, std::string> parseJavaProperties(const std::string& text);

/// The frames of java.nio.file.NoSuchFileException thrown by Utils.loadProps for a missing
/// --producer.config / --command-config (producer) or --consumer.config / --command-config (consumer).
std::vector<std::string> missingConfigFileFrames(ClientKind kind);
/// The frames from the NoSuchFileException's origin up to Utils.loadProps(String) (its caller's come next).
std::vector<std::string> loadPropsFrames();

} // namespace fluxolab::labs::cli
