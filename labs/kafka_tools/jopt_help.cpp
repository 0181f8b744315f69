#include "labs/kafka_tools/jopt_help.h"

#include <algorithm>

namespace fluxolab::labs {

namespace {

// Character classes of Java's legacy line-break rules, for ASCII.
bool isPreWord(char c) { return c == '(' || c == '[' || c == '{' || c == '"' || c == '\''; }
bool isPostWord(char c) {
    switch (c) {
    case ')': case ']': case '}': case '"': case '\'': case '.': case ',': case ':': case ';': case '!': case '?':
    case '%':
        return true;
    default:
        return false;
    }
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }
/// Letters, digits and symbols that simply continue a word. The apostrophe does too ("haven't").
bool isWordChar(char c) {
    return c == '\'' || (c != ' ' && c != '\t' && c != '-' && !isPreWord(c) && !isPostWord(c));
}

/// End of a word's suffix starting at `j`: a run of dashes or a run of closing punctuation (an
/// apostrophe after the punctuation glues the next word on), then spaces and at most one tab
/// (a tab always ends the piece).
std::size_t wordSuffixEnd(std::string_view s, std::size_t j, bool dashes_allowed) {
    if (dashes_allowed && j < s.size() && s[j] == '-') {
        while (j < s.size() && s[j] == '-') ++j;
    } else {
        while (j < s.size() && isPostWord(s[j])) {
            if (s[j] == '\'') {
                std::size_t k = j + 1;
                while (k < s.size() && isWordChar(s[k])) ++k;
                if (k > j + 1 || (k < s.size() && s[k] == '-')) return wordSuffixEnd(s, k, true);
            }
            ++j;
        }
    }
    while (j < s.size() && s[j] == ' ') ++j;
    if (j < s.size() && s[j] == '\t') ++j;
    return j;
}

/// End of the piece that starts at `b`: the longest of (opening punctuation, then) an empty core,
/// a run of word characters, or a number ("-1.5", "0,1,2"), each followed by its suffix.
std::size_t pieceEnd(std::string_view s, std::size_t b) {
    std::size_t p = b;
    while (p < s.size() && isPreWord(s[p])) ++p;
    std::size_t best = wordSuffixEnd(s, p, true);
    std::size_t j = p;
    while (j < s.size() && isWordChar(s[j])) ++j;
    if (j > p) best = std::max(best, wordSuffixEnd(s, j, true));
    j = p;
    while (j < s.size() && s[j] == '-') ++j;
    std::size_t d = j;
    while (d < s.size() && isDigit(s[d])) ++d;
    if (d > j) {
        while (d + 1 < s.size() && (s[d] == '.' || s[d] == ',') && isDigit(s[d + 1])) {
            ++d;
            while (d < s.size() && isDigit(s[d])) ++d;
        }
        best = std::max(best, wordSuffixEnd(s, d, false));
    }
    return best == b ? b + 1 : best;
}

/// Java's String.trim(): strips every char <= ' ' at both ends.
std::string_view javaTrim(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
    return s;
}

std::string stripTrailingWhitespace(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

/// jopt-simple's Columns.piecesOf: each line of the trimmed text wrapped greedily at `width`;
/// continuation pieces are indented by two spaces.
std::vector<std::string> wrap(std::string_view raw, std::size_t width) {
    std::vector<std::string> pieces;
    std::string_view text = javaTrim(raw);
    for (;;) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        std::string next;
        for (std::string_view word : javaLineBreakPieces(line)) {
            if (next.size() + word.size() > width) {
                pieces.push_back(stripTrailingWhitespace(std::move(next)));
                next = "  ";
            }
            next += word;
        }
        if (!next.empty()) pieces.push_back(std::move(next));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return pieces;
}

std::string optionDisplay(const ToolOption& o) {
    std::string s = "--" + std::string(o.name);
    if (o.arg == OptArg::None && o.arg_desc.empty()) return s;
    const bool required = o.arg == OptArg::Required;
    s += required ? " <" : " [";
    s += o.type;
    if (!o.arg_desc.empty()) s += ": " + std::string(o.arg_desc);
    s += required ? '>' : ']';
    return s;
}

std::string descriptionDisplay(const ToolOption& o) {
    if (o.default_value.empty()) return std::string(o.description);
    return std::string(javaTrim(std::string(o.description) + " (default: " + std::string(o.default_value) + ")"));
}

struct Row {
    std::string option, description;
};

constexpr std::size_t kOverallWidth = 80;
constexpr std::size_t kSeparatorWidth = 2;

struct Widths {
    std::size_t option = 0, description = 0;
};

Widths columnWidths(const std::vector<Row>& rows) {
    std::size_t widestOption = 0, widestDescription = 0;
    for (const Row& r : rows) {
        widestOption = std::max(widestOption, r.option.size());
        widestDescription = std::max(widestDescription, r.description.size());
    }
    Widths w;
    w.option = std::min((kOverallWidth - kSeparatorWidth) / 2, widestOption);
    w.description = std::min(kOverallWidth - w.option - kSeparatorWidth, widestDescription);
    return w;
}

} // namespace

std::vector<std::string_view> javaLineBreakPieces(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t b = 0; b < line.size();) {
        const std::size_t e = pieceEnd(line, b);
        out.push_back(line.substr(b, e - b));
        b = e;
    }
    return out;
}

std::string joptHelpTable(std::span<const ToolOption> options) {
    std::vector<const ToolOption*> sorted;
    for (const ToolOption& o : options) sorted.push_back(&o);
    std::sort(sorted.begin(), sorted.end(), [](const ToolOption* a, const ToolOption* b) { return a->name < b->name; });

    std::vector<Row> rows{{"Option", "Description"}, {"------", "-----------"}};
    for (const ToolOption* o : sorted) rows.push_back({optionDisplay(*o), descriptionDisplay(*o)});

    // Wrap every row to the widths the whole table needs, then size the columns again from the
    // wrapped pieces (Rows.fitToWidth).
    const Widths fit = columnWidths(rows);
    std::vector<Row> fitted;
    for (const Row& r : rows) {
        const std::vector<std::string> left = wrap(r.option, fit.option);
        const std::vector<std::string> right = wrap(r.description, fit.description);
        for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i)
            fitted.push_back({i < left.size() ? left[i] : std::string(), i < right.size() ? right[i] : std::string()});
    }
    const Widths w = columnWidths(fitted);
    auto pad = [](const std::string& s, std::size_t width) {
        return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
    };
    std::string out;
    for (const Row& r : fitted) out += pad(r.option, w.option) + std::string(kSeparatorWidth, ' ') + pad(r.description, w.description) + "\n";
    return out;
}

} // namespace fluxolab::labs
