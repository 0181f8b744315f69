#include "labs/kafka_tools/jopt_help.h"

#include <algorithm>

namespace fluxolab::labs {

namespace {

// The JDK's line-break rules (BreakIterator.getLineInstance(): the legacy RuleBasedBreakIterator
// built from sun.text.resources.BreakIteratorRules, JDK 17 and later alike), for ASCII. A piece is
// the longest run matching
//     word ((glue | hack3) word)* space* ("()" post-word*)? CR? break?
//     word   = pre-word* (char* | number) (dash+ | post-word*)
//     number = (pre-word | dash)* digit+ (mid-num digit+)*
// and every piece is at least one character. Checked against java.text.BreakIterator on JDK 17 by
// comparing the pieces of random ASCII lines.
bool isBreak(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\x03'; }
bool isSpace(char c) { return c == ' '; }
bool isDash(char c) { return c == '-'; }
/// Currency symbols and opening punctuation (Sc, Ps, Pi): the quote marks are not among them.
bool isPreWord(char c) { return c == '$' || c == '(' || c == '[' || c == '{' || c == '"' || c == '\''; }
/// Closing punctuation (Pe, Pf) and what ends a sentence; the double quote but not the apostrophe.
bool isPostWord(char c) {
    switch (c) {
    case ')': case ']': case '}': case '"': case '.': case ',': case ':': case ';': case '!': case '?': case '%':
        return true;
    default:
        return false;
    }
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isMidNum(char c) { return c == '.' || c == ','; }
/// The rules' <char>: everything not named above (letters, digits, the apostrophe, '*', '/', '=', ...).
bool isWordChar(char c) {
    return !isBreak(c) && !isSpace(c) && !isDash(c) && !isPreWord(c) && !isPostWord(c) && c != '\r';
}
/// Characters that join two words into one piece ("it's", "a$b").
bool isHack3(char c) { return c == '$' || c == '\''; }

/// Positions in the line a match can end at (size: line length + 1).
using Ends = std::vector<bool>;

/// Every position `ok` characters lead to from a position in `from`, `from` included ("x*").
void closeOver(std::string_view s, Ends& set, bool (*ok)(char)) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (set[i] && ok(s[i])) set[i + 1] = true;
}

/// The ends of a <word> starting at any position of `from`.
Ends wordEnds(std::string_view s, const Ends& from) {
    const std::size_t n = s.size();
    Ends pre = from;
    closeOver(s, pre, isPreWord);
    // The core: a run of <char>, or a number.
    Ends core = pre;
    closeOver(s, core, isWordChar);
    Ends lead = pre;
    closeOver(s, lead, [](char c) { return isPreWord(c) || isDash(c); });
    Ends digits(n + 1, false), mid(n + 1, false);
    for (std::size_t i = 0; i < n; ++i) {
        if ((lead[i] || digits[i] || mid[i]) && isDigit(s[i])) digits[i + 1] = true;
        if (digits[i] && isMidNum(s[i])) mid[i + 1] = true;
    }
    for (std::size_t i = 0; i <= n; ++i) core[i] = core[i] || digits[i];
    // The suffix: a run of dashes or a run of closing punctuation.
    Ends dashes(n + 1, false);
    for (std::size_t i = 0; i < n; ++i)
        if ((core[i] || dashes[i]) && isDash(s[i])) dashes[i + 1] = true;
    Ends out = core;
    closeOver(s, out, isPostWord);
    for (std::size_t i = 0; i <= n; ++i) out[i] = out[i] || dashes[i];
    return out;
}

/// End of the piece that starts at `b`.
std::size_t pieceEnd(std::string_view s, std::size_t b) {
    const std::size_t n = s.size();
    Ends start(n + 1, false);
    start[b] = true;
    Ends ends = wordEnds(s, start);
    // The JDK's table also takes closing punctuation after two or more dashes when the piece opens
    // with opening punctuation that holds a '$' or an apostrophe ("$--;" is one piece, "(--;" two).
    {
        std::size_t i = b;
        bool joiner = false;
        while (i < n && isPreWord(s[i])) joiner = isHack3(s[i++]) || joiner;
        std::size_t d = i;
        while (d < n && isDash(s[d])) ++d;
        if (joiner && d >= i + 2) {
            Ends tail(n + 1, false);
            tail[d] = true;
            closeOver(s, tail, isPostWord);
            for (std::size_t k = 0; k <= n; ++k) ends[k] = ends[k] || tail[k];
        }
    }
    for (;;) {
        Ends joined(n + 1, false);
        bool any = false;
        for (std::size_t i = 0; i < n; ++i)
            if (ends[i] && isHack3(s[i])) any = joined[i + 1] = true;
        if (!any) break;
        const Ends more = wordEnds(s, joined);
        bool grew = false;
        for (std::size_t i = 0; i <= n; ++i)
            if (more[i] && !ends[i]) grew = ends[i] = true;
        if (!grew) break;
    }
    closeOver(s, ends, isSpace);
    // The optional tail, one of each: "()" and closing punctuation, a CR, a break.
    auto optional = [&](auto&& one) {
        const Ends before = ends;
        for (std::size_t i = 0; i < n; ++i)
            if (before[i]) one(i);
    };
    optional([&](std::size_t i) {
        if (i + 1 >= n || s[i] != '(' || s[i + 1] != ')') return;
        Ends parens(n + 1, false);
        parens[i + 2] = true;
        closeOver(s, parens, isPostWord);
        for (std::size_t k = 0; k <= n; ++k) ends[k] = ends[k] || parens[k];
    });
    optional([&](std::size_t i) {
        if (s[i] == '\r') ends[i + 1] = true;
    });
    optional([&](std::size_t i) {
        if (isBreak(s[i])) ends[i + 1] = true;
    });
    std::size_t e = b;
    for (std::size_t i = b; i <= n; ++i)
        if (ends[i]) e = i;
    return e == b ? b + 1 : e;
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
