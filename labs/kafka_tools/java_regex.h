#pragma once
// java.util.regex.Pattern syntax over C++ std::regex (ECMAScript), for kafka-console-consumer
// --include. Topic names only hold [a-zA-Z0-9._-], so the translation only has to agree with Java on
// those characters. Translated: possessive quantifiers (X*+ X++ X?+ X{n,m}+, as an atomic
// lookahead "(?=(X*))\N"), \p{..}/\P{..} classes (POSIX, java.lang.Character and the Unicode
// letter/digit ones, reduced to ASCII), a leading (?i), \Q...\E quoting and named groups
// (?<name>...) with \k<name>. What is left is refused with FluxoLab's own message rather than
// matched differently from Java.

#include <optional>
#include <regex>
#include <string>

namespace fluxolab::labs::cli {

struct JavaPattern {
    std::optional<std::regex> regex; ///< the compiled translation (nullopt on error / unsupported)
    std::string ecmascript;          ///< the translated pattern (tests)
    bool case_insensitive = false;   ///< a leading (?i)
    /// A pattern Java itself rejects: PatternSyntaxException.getMessage() (description, " near index
    /// N", the pattern and a caret line) and which Pattern method threw it.
    struct Error {
        std::string message;
        enum class Where : std::uint8_t {
            UnclosedClass,
            DanglingMeta,
            UnclosedGroup,
            IllegalRepetition,
            UnknownProperty,
            BadNamedGroup
        } where;
    };
    std::optional<Error> java_error;
};

/// Pattern.compile(pattern), as far as std::regex can follow it.
JavaPattern compileJavaPattern(const std::string& pattern);

} // namespace fluxolab::labs::cli
