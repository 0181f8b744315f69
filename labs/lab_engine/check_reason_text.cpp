#include "labs/lab_engine/check_reason_text.h"

#include <cstdlib>
#include <string_view>

namespace fluxolab::labs {
namespace {

/// `text` with %1..%3 replaced by `args` (in one pass: a value that contains "%2" stays as it is).
std::string fill(std::string_view text, std::initializer_list<std::string> args) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const auto k = static_cast<std::size_t>(text[i + 1] - '1');
            if (k < args.size()) {
                out += *(args.begin() + static_cast<std::ptrdiff_t>(k));
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

/// A command kind of a command_run check (labs/shell's names, "topics.describe") as the student
/// types the command ("kafka-topics.sh --describe").
std::string commandAsTyped(const std::string& kind) {
    const std::size_t dot = kind.find('.');
    const std::string tool = kind.substr(0, dot);
    const std::string action = dot == std::string::npos ? std::string() : " --" + kind.substr(dot + 1);
    if (tool == "topics" || tool == "consumer-groups" || tool == "console-producer" || tool == "console-consumer" ||
        tool == "leader-election")
        return "kafka-" + tool + ".sh" + action;
    if (tool == "replay") return "fluxolab-cli replay";
    return kind; // the shell's builtins (echo, sleep, kill) are typed as named
}

} // namespace

std::string checkReasonText(const CheckResult& r, Language lang, ReasonQuotes quotes) {
    using R = CheckReason;
    const bool pt = lang == Language::Portuguese;
    const auto arg = [&](std::size_t i) { return i < r.args.size() ? r.args[i] : std::string(); };
    const auto code = [&](std::size_t i) {
        return quotes == ReasonQuotes::Markdown ? "`" + arg(i) + "`" : "'" + arg(i) + "'";
    };
    const auto plural = [&](std::size_t i) { return std::atoll(arg(i).c_str()) != 1; };
    const auto t = [&](std::string_view ptText, std::string_view enText) { return pt ? ptText : enText; };
    // A count: the found value, then what the lab expects (the last four arguments).
    const auto count = [&](const std::string& what) {
        const std::size_t n = r.args.size();
        if (n < 4) return what;
        const std::string v = arg(n - 4), eq = arg(n - 3), lo = arg(n - 2), hi = arg(n - 1);
        const std::string expected = !eq.empty()                  ? fill(t("esperado %1", "expected %1"), {eq})
                                     : !lo.empty() && !hi.empty() ? fill(t("esperado de %1 a %2", "expected %1 to %2"), {lo, hi})
                                     : !lo.empty()                ? fill(t("esperado pelo menos %1", "expected at least %1"), {lo})
                                     : !hi.empty()                ? fill(t("esperado no máximo %1", "expected at most %1"), {hi})
                                                                  : std::string();
        return what + ": " + v + (expected.empty() ? std::string() : ", " + expected);
    };
    switch (r.reason) {
    case R::None: return {};
    case R::TopicMissing: return fill(t("o tópico %1 não existe", "the topic %1 does not exist"), {code(0)});
    case R::TopicShape:
        return fill(plural(1) ? t("o tópico %1 tem %2 partições e fator de replicação %3",
                                  "the topic %1 has %2 partitions and replication factor %3")
                              : t("o tópico %1 tem %2 partição e fator de replicação %3",
                                  "the topic %1 has %2 partition and replication factor %3"),
                    {code(0), arg(1), arg(2)});
    case R::TopicExists: return fill(t("o tópico %1 ainda existe", "the topic %1 still exists"), {code(0)});
    case R::GroupMissing: return fill(t("o grupo %1 não existe", "the group %1 does not exist"), {code(0)});
    case R::GroupIs:
        return fill(plural(2) ? t("o grupo %1 está %2 com %3 membros", "the group %1 is %2 with %3 members")
                              : t("o grupo %1 está %2 com %3 membro", "the group %1 is %2 with %3 member"),
                    {code(0), arg(1), arg(2)});
    case R::GroupNoCommit:
        return fill(t("o grupo %1 não tem offset confirmado em %2 (LAG é -)", "the group %1 has no committed offset on %2 (LAG is -)"),
                    {code(0), code(1)});
    case R::NoCommittedOffset: return fill(t("não há offset confirmado para %1", "no committed offset for %1"), {code(0)});
    case R::CommittedOffsetIs: return fill(t("o offset confirmado de %1 é %2", "the committed offset of %1 is %2"), {code(0), arg(1)});
    case R::NoRecordWithKey: return fill(t("nenhum registo com a chave %1 em %2", "no record with key %1 in %2"), {code(0), code(1)});
    case R::KeyInPartition:
        return fill(t("a chave %1 está na partição %2 de %3", "the key %1 is in partition %2 of %3"), {code(0), arg(1), code(2)});
    case R::LagIs: return count(fill(t("lag de %1 em %2", "lag of %1 on %2"), {code(0), code(1)}));
    case R::RecordCountIs: return count(fill(t("registos em %1", "records in %1"), {code(0)}));
    case R::CommandsRun:
    case R::CommandsRunInLab: {
        const std::string typed = commandAsTyped(arg(0));
        const std::string what = quotes == ReasonQuotes::Markdown ? "`" + typed + "`" : "'" + typed + "'";
        return count(r.reason == R::CommandsRun
                         ? fill(t("comandos %1 bem-sucedidos neste passo", "successful %1 commands in this step"), {what})
                         : fill(t("comandos %1 bem-sucedidos neste laboratório", "successful %1 commands in this lab"), {what}));
    }
    case R::WindowFirings:
        return count(fill(t("disparos da janela em %1 da chave %2", "firings of the window at %1 of key %2"), {arg(1), code(0)}));
    case R::StreamRuns:
        return count(fill(t("execuções bem-sucedidas de %1 neste laboratório", "successful %1 runs in this lab"), {code(0)}));
    case R::LateElements:
        return count(arg(0).empty() ? std::string(t("elementos atrasados", "late elements"))
                                    : fill(t("elementos atrasados da chave %1", "late elements of key %1"), {code(0)}));
    case R::AlertsFor: return count(fill(t("alertas para %1", "alerts for %1"), {code(0)}));
    case R::RecoveredDuplicates:
        return count(std::string(t("mesmos resultados depois da recuperação; linhas DUPLICATE", "same results after the restore; DUPLICATE lines")));
    case R::NoRun:
    case R::NoCrashRun:
        return fill(t("ainda nenhuma execução bem-sucedida de %1 neste laboratório", "no successful %1 in this lab yet"), {code(0)});
    case R::NoCleanRun:
        return fill(t("nenhuma execução bem-sucedida de %1 sem --crash-at neste laboratório, para comparar",
                      "no successful %1 without --crash-at in this lab to compare with"),
                    {code(0)});
    case R::RecoveredDiffers:
        return std::string(t("a execução com --crash-at e a execução sem ele têm resultados diferentes",
                             "the run with --crash-at and the run without it have different results"));
    case R::RecoveredOptionsDiffer:
        return std::string(t("a execução com --crash-at e a execução sem ele diferem noutras opções",
                             "the run with --crash-at and the run without it differ in other options"));
    case R::NegatedHolds: return std::string(t("existe algo que este passo não pode ter", "something this step must not have is there"));
    case R::NoAnswer:
        return fill(t("ainda não respondeu neste passo (responda com %1 seguido da resposta)",
                      "no answer in this step yet (answer with %1 followed by the answer)"),
                    {code(0)});
    case R::AnswerNotExpected:
        return fill(t("a resposta %1 não é a esperada", "the answer %1 is not the expected one"), {code(0)});
    }
    return {};
}

} // namespace fluxolab::labs
