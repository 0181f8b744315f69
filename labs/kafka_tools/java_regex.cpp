// Java regex -> ECMAScript for --include (see java_regex.h).
#include "labs/kafka_tools/java_regex.h"

#include <cctype>
#include <map>
#include <vector>

namespace fluxolab::labs::cli {

namespace {

/// A \p{...} class as ASCII ranges (without brackets), for the names Java knows; nullopt if Java
/// would not know it. Topic names only hold ASCII letters, digits, '.', '_' and '-'.
std::optional<std::string> propertyClass(const std::string& name) {
    static const std::map<std::string, std::string> classes = {
        {"Lower", "a-z"},
        {"Upper", "A-Z"},
        {"ASCII", "\\x00-\\x7F"},
        {"Alpha", "a-zA-Z"},
        {"Digit", "0-9"},
        {"Alnum", "a-zA-Z0-9"},
        {"Punct", "!-\\/:-@\\[-`{-~"},
        {"Graph", "!-~"},
        {"Print", " -~"},
        {"Blank", " \\t"},
        {"Cntrl", "\\x00-\\x1F\\x7F"},
        {"XDigit", "0-9a-fA-F"},
        {"Space", " \\t\\n\\x0B\\f\\r"},
        {"javaLowerCase", "a-z"},
        {"javaUpperCase", "A-Z"},
        {"javaDigit", "0-9"},
        {"javaLetter", "a-zA-Z"},
        {"javaLetterOrDigit", "a-zA-Z0-9"},
        {"javaAlphabetic", "a-zA-Z"},
        {"L", "a-zA-Z"},
        {"IsL", "a-zA-Z"},
        {"Lu", "A-Z"},
        {"IsLu", "A-Z"},
        {"Ll", "a-z"},
        {"IsLl", "a-z"},
        {"N", "0-9"},
        {"IsN", "0-9"},
        {"Nd", "0-9"},
        {"IsNd", "0-9"},
        {"IsAlphabetic", "a-zA-Z"},
        {"IsLetter", "a-zA-Z"},
        {"IsDigit", "0-9"},
        {"IsUppercase", "A-Z"},
        {"IsLowercase", "a-z"},
        {"Alphabetic", "a-zA-Z"},
        {"Letter", "a-zA-Z"},
        {"IsLatin", "a-zA-Z"},
        {"InBasicLatin", "\\x00-\\x7F"},
    };
    const auto it = classes.find(name);
    if (it == classes.end()) return std::nullopt;
    return it->second;
}

bool isEcmaSpecial(char c) {
    return std::string("\\^$.|?*+()[]{}/").find(c) != std::string::npos;
}

/// PatternSyntaxException.getMessage(): the pattern, and a caret under the index if it is inside it.
std::string caretLine(const std::string& pattern, std::size_t index) {
    return pattern + (index < pattern.size() ? "\n" + std::string(index, ' ') + "^" : std::string());
}

} // namespace

JavaPattern compileJavaPattern(const std::string& pattern) {
    JavaPattern p;
    auto javaError = [&](const std::string& what, std::size_t index, JavaPattern::Error::Where where) {
        p.java_error = JavaPattern::Error{
            what + " near index " + std::to_string(index) + "\n" + caretLine(pattern, index), where};
        return p;
    };
    std::string out;
    std::size_t i = 0;
    if (pattern.rfind("(?i)", 0) == 0) {
        p.case_insensitive = true;
        i = 4;
    }
    std::vector<std::size_t> groupOpens;      ///< output positions of '(' still open
    std::vector<std::size_t> capturingAt;     ///< output positions of every capturing '('
    std::map<std::string, std::size_t> names; ///< named group -> number
    std::size_t lastAtom = std::string::npos; ///< output position where the last atom starts
    bool possessive = false, backrefs = false;
    bool unsupported = false;
    int depth = 0;
    auto groupNumberAt = [&](std::size_t pos) {
        std::size_t n = 0;
        for (std::size_t at : capturingAt)
            if (at < pos) ++n;
        return n + 1;
    };
    while (i < pattern.size() && !unsupported) {
        const char c = pattern[i];
        if (c == '\\') {
            if (i + 1 >= pattern.size()) {
                unsupported = true; // "Unexpected internal error": left to FluxoLab's message
                break;
            }
            const char e = pattern[i + 1];
            if (e == 'Q') {
                const std::size_t end = pattern.find("\\E", i + 2);
                const std::string lit =
                    pattern.substr(i + 2, end == std::string::npos ? std::string::npos : end - i - 2);
                lastAtom = out.size();
                for (char l : lit)
                    out += isEcmaSpecial(l) ? std::string("\\") + l : std::string(1, l);
                // A quantifier after \Q..\E applies to its last character only.
                if (!lit.empty()) lastAtom = out.size() - (isEcmaSpecial(lit.back()) ? 2 : 1);
                i = end == std::string::npos ? pattern.size() : end + 2;
                continue;
            }
            if (e == 'p' || e == 'P') {
                std::string name;
                std::size_t next;
                if (i + 2 < pattern.size() && pattern[i + 2] == '{') {
                    const std::size_t close = pattern.find('}', i + 3);
                    if (close == std::string::npos) {
                        unsupported = true;
                        break;
                    }
                    name = pattern.substr(i + 3, close - i - 3);
                    next = close + 1;
                } else if (i + 2 < pattern.size()) {
                    name = pattern.substr(i + 2, 1);
                    next = i + 3;
                } else {
                    unsupported = true;
                    break;
                }
                const auto cls = propertyClass(name);
                if (!cls && depth != 0) {
                    unsupported = true;
                    break;
                }
                if (!cls)
                    return javaError("Unknown character property name {" + name + "}", next - 1,
                                     JavaPattern::Error::Where::UnknownProperty);
                lastAtom = out.size();
                out += (e == 'p' ? "[" : "[^") + *cls + "]";
                i = next;
                continue;
            }
            if (e == 'k' && i + 2 < pattern.size() && pattern[i + 2] == '<') {
                const std::size_t close = pattern.find('>', i + 3);
                const auto it = close == std::string::npos ? names.end()
                                                           : names.find(pattern.substr(i + 3, close - i - 3));
                if (it == names.end()) {
                    unsupported = true;
                    break;
                }
                backrefs = true;
                lastAtom = out.size();
                out += "\\" + std::to_string(it->second);
                i = close + 1;
                continue;
            }
            if (e >= '1' && e <= '9') backrefs = true;
            // \h \H \R \X \G \Z \z \A and the like mean other things (or nothing) in ECMAScript.
            if (std::string("hHRXGZzAVvNe").find(e) != std::string::npos) {
                unsupported = true;
                break;
            }
            lastAtom = out.size();
            out += pattern.substr(i, 2);
            i += 2;
            continue;
        }
        if (c == '[') {
            // A character class, with \p{..} inside it inlined; intersections (&&) and nested
            // classes are Java-only.
            std::size_t j = i + 1;
            std::string cls = "[";
            if (j < pattern.size() && pattern[j] == '^') cls += pattern[j++];
            if (j < pattern.size() && pattern[j] == ']') cls += "\\]", ++j;
            bool closed = false;
            while (j < pattern.size()) {
                const char d = pattern[j];
                if (d == ']') {
                    closed = true;
                    break;
                }
                if (d == '[' || (d == '&' && j + 1 < pattern.size() && pattern[j + 1] == '&')) {
                    unsupported = true;
                    break;
                }
                if (d == '\\' && j + 1 < pattern.size()) {
                    const char e = pattern[j + 1];
                    if (e == 'p' && j + 2 < pattern.size() && pattern[j + 2] == '{') {
                        const std::size_t close = pattern.find('}', j + 3);
                        if (close == std::string::npos) {
                            unsupported = true;
                            break;
                        }
                        const std::string name = pattern.substr(j + 3, close - j - 3);
                        const auto inner = propertyClass(name);
                        if (!inner) { // Java fails inside clazz(), with other frames
                            unsupported = true;
                            break;
                        }
                        cls += *inner;
                        j = close + 1;
                        continue;
                    }
                    if (e == 'P' || e == 'Q') {
                        unsupported = true;
                        break;
                    }
                    cls += pattern.substr(j, 2);
                    j += 2;
                    continue;
                }
                cls += d;
                ++j;
            }
            if (unsupported) break;
            if (!closed) {
                if (depth == 0)
                    return javaError("Unclosed character class", pattern.size() - 1,
                                     JavaPattern::Error::Where::UnclosedClass);
                unsupported = true;
                break;
            }
            lastAtom = out.size();
            out += cls + "]";
            i = j + 1;
            continue;
        }
        if (c == '(') {
            if (pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() && pattern[i + 3] != '=' &&
                pattern[i + 3] != '!') {
                const std::size_t close = pattern.find('>', i + 3);
                const std::string name =
                    close == std::string::npos ? "" : pattern.substr(i + 3, close - i - 3);
                bool valid = !name.empty() && std::isalpha(static_cast<unsigned char>(name[0]));
                for (char n : name)
                    valid = valid && std::isalnum(static_cast<unsigned char>(n));
                if (!valid) {
                    const char first = i + 3 < pattern.size() ? pattern[i + 3] : '\0';
                    if (depth == 0 && !std::isalpha(static_cast<unsigned char>(first)))
                        return javaError("capturing group name does not start with a Latin letter", i + 3,
                                         JavaPattern::Error::Where::BadNamedGroup);
                    unsupported = true; // Java's other group-name errors
                    break;
                }
                groupOpens.push_back(out.size());
                capturingAt.push_back(out.size());
                names[name] = capturingAt.size();
                out += "(";
                ++depth;
                i = close + 1;
                continue;
            }
            if (pattern.compare(i, 2, "(?") == 0 && pattern.compare(i, 3, "(?:") != 0 &&
                pattern.compare(i, 3, "(?=") != 0 && pattern.compare(i, 3, "(?!") != 0) {
                unsupported = true; // inline flags, lookbehind, atomic groups
                break;
            }
            groupOpens.push_back(out.size());
            if (pattern.compare(i, 2, "(?") != 0) capturingAt.push_back(out.size());
            out += pattern.substr(i, pattern.compare(i, 2, "(?") == 0 ? 3 : 1);
            i += pattern.compare(i, 2, "(?") == 0 ? 3 : 1;
            ++depth;
            lastAtom = std::string::npos;
            continue;
        }
        if (c == ')') {
            if (groupOpens.empty()) {
                unsupported = true; // Java: "Unmatched closing ')'"
                break;
            }
            lastAtom = groupOpens.back();
            groupOpens.pop_back();
            --depth;
            out += c;
            ++i;
            continue;
        }
        if (c == '*' || c == '+' || c == '?' || c == '{') {
            std::size_t end = i + 1;
            if (c == '{') {
                // Java's closure: '{' must start "{n}", "{n,}" or "{n,m}".
                const std::size_t close = pattern.find('}', i);
                if (i + 1 >= pattern.size() || !std::isdigit(static_cast<unsigned char>(pattern[i + 1]))) {
                    if (depth == 0 && lastAtom != std::string::npos)
                        return javaError("Illegal repetition", i + 1,
                                         JavaPattern::Error::Where::IllegalRepetition);
                    unsupported = true;
                    break;
                }
                if (close == std::string::npos) {
                    unsupported = true;
                    break;
                }
                end = close + 1;
            }
            if (lastAtom == std::string::npos) {
                if (c != '{' && depth == 0)
                    return javaError(std::string("Dangling meta character '") + c + "'", i,
                                     JavaPattern::Error::Where::DanglingMeta);
                unsupported = true;
                break;
            }
            std::string quant = pattern.substr(i, end - i);
            if (end < pattern.size() && pattern[end] == '+') {
                // Possessive: X*+ == (?=(X*))\N, the lookahead's group taking what it matched once.
                possessive = true;
                const std::string atom = out.substr(lastAtom);
                const std::size_t n = groupNumberAt(lastAtom);
                capturingAt.push_back(lastAtom);
                out = out.substr(0, lastAtom) + "(?=(" + atom + quant + "))\\" + std::to_string(n);
                i = end + 1;
                lastAtom = std::string::npos;
                continue;
            }
            if (end < pattern.size() && pattern[end] == '?') quant += '?', ++end;
            out += quant;
            i = end;
            lastAtom = std::string::npos;
            continue;
        }
        if (c == '|')
            lastAtom = std::string::npos;
        else
            lastAtom = out.size();
        out += c;
        ++i;
    }
    // One group left open at the end: Java's group0 fails to accept ')' after the whole pattern.
    if (!unsupported && groupOpens.size() == 1)
        return javaError("Unclosed group", pattern.size(), JavaPattern::Error::Where::UnclosedGroup);
    if (!groupOpens.empty()) return p;
    // The inserted lookahead groups renumber the later groups: with back references too, give up.
    if (unsupported || (possessive && backrefs)) return p;
    p.ecmascript = out;
    try {
        auto flags = std::regex::ECMAScript;
        if (p.case_insensitive) flags |= std::regex::icase;
        p.regex.emplace(out, flags);
    } catch (const std::regex_error&) {
        p.regex.reset();
    }
    return p;
}

} // namespace fluxolab::labs::cli
