#include "labs/shell/shell_parser.h"

#include <cstddef>

namespace fluxolab::labs {

namespace {

enum class TokKind { Word, Op };
struct Token {
    TokKind kind = TokKind::Word;
    std::string text;
    bool quoted = false; ///< any part of the word was quoted (heredoc delimiters: no expansion)
};

enum class TokStatus { Ok, Incomplete, Error };

/// Tokenizes `s`. Incomplete when a quote is open or the text ends with a lone backslash.
TokStatus tokenize(std::string_view s, std::vector<Token>& out, std::string& error) {
    out.clear();
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '#') break; // comment to the end
        if (c == '<' || c == '>' || c == '|' || c == '&' || c == ';') {
            Token t{TokKind::Op, std::string(1, c), false};
            if (i + 1 < n && (s[i + 1] == c || (c == '<' && s[i + 1] == '<'))) {
                t.text.push_back(s[i + 1]);
                ++i;
                if (t.text == "<<" && i + 1 < n && s[i + 1] == '-') {
                    t.text.push_back('-');
                    ++i;
                }
            }
            ++i;
            out.push_back(std::move(t));
            continue;
        }
        Token w;
        bool any = false;
        // Command substitution (`...` or $(...)) bash runs unquoted and inside double quotes: an operator
        // FluxoLab's shell does not run, after the word it was found in.
        std::string substitution;
        while (i < n) {
            const char d = s[i];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '<' || d == '>' || d == '|' || d == '&' ||
                d == ';')
                break;
            if (d == '`' || (d == '$' && i + 1 < n && s[i + 1] == '(')) {
                if (substitution.empty()) substitution = d == '`' ? "`" : "$(";
                w.text.push_back(d);
                ++i;
                any = true;
                continue;
            }
            any = true;
            if (d == '\'') {
                const std::size_t close = s.find('\'', i + 1);
                if (close == std::string_view::npos) return TokStatus::Incomplete;
                w.text.append(s.substr(i + 1, close - i - 1));
                w.quoted = true;
                i = close + 1;
            } else if (d == '"') {
                std::size_t j = i + 1;
                bool closed = false;
                while (j < n) {
                    if (s[j] == '\\' && j + 1 < n) {
                        const char e = s[j + 1];
                        if (e == '"' || e == '\\' || e == '$' || e == '`') w.text.push_back(e);
                        else if (e != '\n') {
                            w.text.push_back('\\');
                            w.text.push_back(e);
                        }
                        j += 2;
                    } else if (s[j] == '\\') {
                        return TokStatus::Incomplete;
                    } else if (s[j] == '"') {
                        closed = true;
                        ++j;
                        break;
                    } else {
                        if (substitution.empty() && (s[j] == '`' || (s[j] == '$' && j + 1 < n && s[j + 1] == '(')))
                            substitution = s[j] == '`' ? "`" : "$(";
                        w.text.push_back(s[j++]);
                    }
                }
                if (!closed) return TokStatus::Incomplete;
                w.quoted = true;
                i = j;
            } else if (d == '\\') {
                if (i + 1 >= n) return TokStatus::Incomplete;
                if (s[i + 1] != '\n') w.text.push_back(s[i + 1]);
                w.quoted = true;
                i += 2;
            } else {
                w.text.push_back(d);
                ++i;
            }
        }
        if (any) out.push_back(std::move(w));
        if (!substitution.empty()) out.push_back(Token{TokKind::Op, substitution, false});
    }
    (void)error;
    return TokStatus::Ok;
}

std::vector<std::string> splitLines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            if (start < text.size()) lines.emplace_back(text.substr(start));
            break;
        }
        lines.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    for (auto& l : lines)
        if (!l.empty() && l.back() == '\r') l.pop_back();
    return lines;
}

bool endsWithContinuation(const std::string& line) {
    std::size_t k = 0;
    for (auto it = line.rbegin(); it != line.rend() && *it == '\\'; ++it) ++k;
    return k % 2 == 1;
}

ShellOperatorKind operatorKind(const std::string& op) {
    if (op == "|") return ShellOperatorKind::Pipe;
    if (op == ">" || op == ">>") return ShellOperatorKind::Redirection;
    if (op == "`" || op == "$(") return ShellOperatorKind::Substitution;
    return ShellOperatorKind::List; // ;, ;;, &&, ||, & before another command
}

ShellParseError unsupportedOperator(int line, const std::string& op) {
    ShellParseError e;
    e.line = line;
    e.unsupported = true;
    e.op = op;
    e.kind = operatorKind(op);
    e.message = shellErrorText(e, Language::English);
    return e;
}

} // namespace

std::string shellOperatorShown(const ShellParseError& e) {
    return e.op == "$(" ? "$(...)" : e.op == "`" ? "`...`" : e.op;
}

std::string shellErrorText(const ShellParseError& e, Language lang) {
    if (!e.unsupported) return e.message;
    const bool pt = lang == Language::Portuguese;
    std::string what;
    switch (e.kind) {
    case ShellOperatorKind::Pipe: what = pt ? "um pipe" : "a pipe"; break;
    case ShellOperatorKind::Redirection: what = pt ? "um redirecionamento da saída" : "an output redirection"; break;
    case ShellOperatorKind::List: what = pt ? "uma lista de comandos" : "a command list"; break;
    case ShellOperatorKind::Substitution: what = pt ? "uma substituição de comando" : "a command substitution"; break;
    }
    const std::string op = shellOperatorShown(e);
    if (pt)
        return "operador da shell não suportado '" + op + "' (" + what +
               "): o FluxoLab corre um comando por linha; escreva cada comando na sua própria linha, sem |, >, "
               ">>, ;, &&, ||, `...` nem $(...) (só < ficheiro, <<EOF e um & no fim da linha)";
    return "unsupported shell operator '" + op + "' (" + what +
           "): FluxoLab runs one command per line; write each command on its own line, without |, >, >>, ;, &&, "
           "||, `...` or $(...) (only < file, <<EOF and a trailing & work)";
}

std::optional<std::vector<std::string>> splitWords(std::string_view text, std::string* error) {
    std::vector<Token> toks;
    std::string err;
    const TokStatus st = tokenize(text, toks, err);
    if (st != TokStatus::Ok) {
        if (error) *error = "unexpected end of input: unterminated quote or trailing backslash";
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (auto& t : toks) {
        if (t.kind == TokKind::Op) {
            if (error) *error = unsupportedOperator(0, t.text).message;
            return std::nullopt;
        }
        out.push_back(std::move(t.text));
    }
    return out;
}

ParsedScript parseScript(std::string_view text) {
    ParsedScript res;
    const std::vector<std::string> lines = splitLines(text);
    std::size_t i = 0;
    while (i < lines.size()) {
        const int first_line = static_cast<int>(i) + 1;
        ShellCommand cmd;
        cmd.line = first_line;
        std::string logical;
        std::vector<Token> toks;
        std::string err;
        // Gather physical lines until the command is complete.
        for (;;) {
            if (i >= lines.size()) {
                res.error = ShellParseError{first_line, "unexpected end of file: unterminated quote or continuation", false, {}, {}};
                return res;
            }
            const std::string& phys = lines[i++];
            cmd.typed_lines.push_back(phys);
            if (endsWithContinuation(phys)) {
                // Backslash-newline: joined without the newline (unless inside single quotes, which
                // tokenize() treats as Incomplete and we keep the newline).
                logical += phys.substr(0, phys.size() - 1);
                std::vector<Token> probe;
                if (tokenize(logical, probe, err) == TokStatus::Incomplete && logical.find('\'') != std::string::npos) {
                    logical += "\\\n";
                }
                continue;
            }
            logical += phys;
            const TokStatus st = tokenize(logical, toks, err);
            if (st == TokStatus::Incomplete) {
                logical += "\n";
                continue;
            }
            break;
        }
        if (toks.empty()) continue; // blank or comment-only
        // Operators: trailing &, < file, << heredoc; anything else is not supported.
        std::optional<std::string> heredocDelim;
        bool heredocStripTabs = false;
        for (std::size_t k = 0; k < toks.size(); ++k) {
            const Token& t = toks[k];
            if (t.kind == TokKind::Word) {
                cmd.argv.push_back(t.text);
                continue;
            }
            if (t.text == "&" && k + 1 == toks.size()) {
                cmd.background = true;
                continue;
            }
            if (t.text == "<" || t.text == "<<" || t.text == "<<-") {
                if (k + 1 >= toks.size() || toks[k + 1].kind != TokKind::Word) {
                    res.error = ShellParseError{first_line, "syntax error near unexpected token '" + t.text + "'", false, {}, {}};
                    return res;
                }
                if (t.text == "<") cmd.input_file = toks[k + 1].text;
                else {
                    heredocDelim = toks[k + 1].text;
                    heredocStripTabs = t.text == "<<-";
                }
                ++k;
                continue;
            }
            res.error = unsupportedOperator(first_line, t.text);
            return res;
        }
        if (cmd.argv.empty()) {
            res.error = ShellParseError{first_line, "syntax error: a redirection without a command", false, {}, {}};
            return res;
        }
        if (heredocDelim) {
            std::string body;
            bool closed = false;
            while (i < lines.size()) {
                std::string l = lines[i++];
                cmd.typed_lines.push_back(l);
                if (heredocStripTabs) l.erase(0, l.find_first_not_of('\t') == std::string::npos ? l.size() : l.find_first_not_of('\t'));
                if (l == *heredocDelim) {
                    closed = true;
                    break;
                }
                body += l;
                body += '\n';
            }
            if (!closed) {
                res.error = ShellParseError{first_line, "here-document delimited by end-of-file (wanted '" + *heredocDelim + "')", false, {}, {}};
                return res;
            }
            cmd.heredoc = std::move(body);
        }
        res.commands.push_back(std::move(cmd));
    }
    return res;
}

} // namespace fluxolab::labs
