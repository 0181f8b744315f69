#include "labs/session/session_journal.h"

#include "labs/backend/sim_backend.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace fluxolab::labs {

JournalEvent JournalEvent::tick(TimeMs tickMs) {
    JournalEvent e;
    e.type = Type::Tick;
    e.tick_ms = tickMs;
    return e;
}


namespace {
using json = nlohmann::json;

constexpr int kJournalFormat = 1;
/// A journal replays at most a day of cluster time from a fresh cluster's start.
constexpr TimeMs kMaxJournalMs = 24LL * 3600 * 1000;

struct BadJournal {
    std::string message;
};

/// An integer field in T's range. nlohmann's get<T>() converts a floating-point value (1e22) with
/// undefined behaviour when it does not fit, so only JSON integers are accepted.
template <typename T>
T integerAt(const json& o, const char* key) {
    const json& v = o.at(key);
    if (!v.is_number_integer()) throw BadJournal{std::string(key) + " is not an integer"};
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) throw BadJournal{std::string(key) + " out of range"};
        return static_cast<T>(u);
    }
    const auto n = v.get<std::int64_t>();
    if (n < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        (n > 0 && static_cast<std::uint64_t>(n) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
        throw BadJournal{std::string(key) + " out of range"};
    return static_cast<T>(n);
}

const char* typeName(JournalEvent::Type t) {
    switch (t) {
    case JournalEvent::Type::Start: return "start";
    case JournalEvent::Type::Input: return "input";
    case JournalEvent::Type::EndOfInput: return "eof";
    case JournalEvent::Type::Interrupt: return "interrupt";
    case JournalEvent::Type::Record: return "record";
    case JournalEvent::Type::Tick: return "tick";
    }
    return "record";
}

std::optional<JournalEvent::Type> typeFromName(const std::string& s) {
    for (auto t : {JournalEvent::Type::Start, JournalEvent::Type::Input, JournalEvent::Type::EndOfInput,
                   JournalEvent::Type::Interrupt, JournalEvent::Type::Record, JournalEvent::Type::Tick})
        if (s == typeName(t)) return t;
    return std::nullopt;
}
} // namespace

void SessionJournal::add(JournalEvent e) {
    using Type = JournalEvent::Type;
    auto after = std::upper_bound(events.begin(), events.end(), e.at_ms,
                                  [](TimeMs t, const JournalEvent& x) { return t < x.at_ms; });
    if (after != events.end() || (!events.empty() && events.back().type == Type::Tick && events.back().tick_ms > 0 &&
                                  events.back().at_ms + events.back().tick_ms * events.back().count > e.at_ms)) {
        // Among the events of its time (a replayed log lies ahead). A run of ticks that reaches past
        // e.at_ms is cut there: the ticks up to e.at_ms stay before it; the first one after it keeps
        // its time (a 0 ms tick at that time, so that time e's command let pass does not shift it);
        // the others follow a step apart.
        std::size_t i = static_cast<std::size_t>(after - events.begin());
        if (i > 0) {
            JournalEvent& run = events[i - 1];
            const TimeMs end = run.at_ms + run.tick_ms * run.count;
            if (run.type == Type::Tick && run.tick_ms > 0 && end > e.at_ms) {
                const std::int64_t before = (e.at_ms - run.at_ms) / run.tick_ms; // ticks at or before e.at_ms
                const TimeMs nextTick = run.at_ms + (before + 1) * run.tick_ms;
                std::vector<JournalEvent> rest;
                JournalEvent first = run; // no time of its own to let pass: at its time, whatever e did
                first.at_ms = nextTick;
                first.tick_ms = 0;
                first.count = 1;
                rest.push_back(first);
                if (run.count - before - 1 > 0) {
                    JournalEvent others = run;
                    others.at_ms = nextTick;
                    others.count = run.count - before - 1;
                    rest.push_back(others);
                }
                if (before == 0) {
                    events.erase(events.begin() + static_cast<std::ptrdiff_t>(i - 1));
                    --i;
                } else {
                    run.count = before;
                }
                events.insert(events.begin() + static_cast<std::ptrdiff_t>(i), rest.begin(), rest.end());
            }
        }
        events.insert(events.begin() + static_cast<std::ptrdiff_t>(i), std::move(e));
        return;
    }
    if (e.type == JournalEvent::Type::Tick && !events.empty()) {
        JournalEvent& last = events.back();
        if (last.type == JournalEvent::Type::Tick && last.tick_ms == e.tick_ms &&
            last.at_ms + last.tick_ms * last.count == e.at_ms) {
            last.count += e.count;
            return;
        }
    }
    events.push_back(std::move(e));
}

std::size_t SessionJournal::commandCount() const {
    std::size_t n = 0;
    for (const auto& e : events) n += e.type == JournalEvent::Type::Start || e.type == JournalEvent::Type::Record ? 1 : 0;
    return n;
}

std::string SessionJournal::toJson() const {
    json j;
    j["format"] = kJournalFormat;
    j["lab"] = lab;
    j["seed"] = seed;
    json list = json::array();
    for (const auto& e : events) {
        json o;
        o["type"] = typeName(e.type);
        o["tab"] = e.tab;
        o["at_ms"] = e.at_ms;
        switch (e.type) {
        case JournalEvent::Type::Start:
            o["argv"] = e.argv;
            if (e.input) o["input"] = *e.input;
            if (e.failed) o["failed"] = true;
            break;
        case JournalEvent::Type::Input: o["line"] = e.line; break;
        case JournalEvent::Type::Record: {
            json notes = json::array();
            for (NoteId n : e.entry.notes) notes.push_back(static_cast<int>(n));
            o["entry"] = {{"kind", e.entry.kind},
                          {"argv", e.entry.argv},
                          {"exit_code", e.entry.exit_code},
                          {"at_ms", e.entry.at_ms},
                          {"notes", notes}};
            break;
        }
        case JournalEvent::Type::Tick:
            o["tick_ms"] = e.tick_ms;
            o["count"] = e.count;
            break;
        case JournalEvent::Type::EndOfInput:
        case JournalEvent::Type::Interrupt: break;
        }
        list.push_back(std::move(o));
    }
    j["events"] = std::move(list);
    return j.dump();
}

std::optional<SessionJournal> SessionJournal::fromJson(const std::string& text, std::string* error) {
    auto fail = [&](const std::string& m) -> std::optional<SessionJournal> {
        if (error) *error = m;
        return std::nullopt;
    };
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        return fail(std::string("journal is not valid JSON: ") + e.what());
    }
    try {
        if (!j.is_object() || j.value("format", 0) != kJournalFormat) return fail("unknown journal format");
        SessionJournal out;
        out.lab = j.at("lab").get<std::string>();
        out.seed = integerAt<std::uint64_t>(j, "seed");
        const json& list = j.at("events");
        TimeMs replayClock = kVirtualEpochMs;
        if (!list.is_array()) return fail("events is not an array");
        for (const json& o : list) {
            const auto type = typeFromName(o.at("type").get<std::string>());
            if (!type) return fail("unknown event type");
            JournalEvent e;
            e.type = *type;
            e.tab = integerAt<int>(o, "tab");
            e.at_ms = integerAt<TimeMs>(o, "at_ms");
            switch (e.type) {
            case JournalEvent::Type::Start:
                e.argv = o.at("argv").get<std::vector<std::string>>();
                if (e.argv.empty()) return fail("a command without argv");
                if (o.contains("input")) e.input = o.at("input").get<std::vector<std::string>>();
                e.failed = o.value("failed", false);
                break;
            case JournalEvent::Type::Input: e.line = o.at("line").get<std::string>(); break;
            case JournalEvent::Type::Record: {
                const json& h = o.at("entry");
                e.entry.kind = h.at("kind").get<std::string>();
                e.entry.argv = h.at("argv").get<std::vector<std::string>>();
                e.entry.exit_code = integerAt<int>(h, "exit_code");
                e.entry.at_ms = integerAt<TimeMs>(h, "at_ms");
                const json& notes = h.at("notes");
                if (!notes.is_array()) return fail("notes is not an array");
                for (const json& note : notes) {
                    if (!note.is_number_integer()) return fail("unknown teaching note");
                    const auto n = note.get<std::int64_t>();
                    if (n < 0 || n >= static_cast<int>(NoteId::Count_)) return fail("unknown teaching note");
                    e.entry.notes.push_back(static_cast<NoteId>(n));
                }
                break;
            }
            case JournalEvent::Type::Tick:
                e.tick_ms = integerAt<TimeMs>(o, "tick_ms");
                e.count = integerAt<std::int64_t>(o, "count");
                // At most a day of ticks: a corrupt count must not hang the replay (each factor is
                // bounded first, so that the product cannot overflow).
                if (e.tick_ms < 0 || e.tick_ms > kMaxJournalMs || e.count < 1 || e.count > 1000000 ||
                    e.tick_ms * e.count > kMaxJournalMs)
                    return fail("tick out of range");
                break;
            case JournalEvent::Type::EndOfInput:
            case JournalEvent::Type::Interrupt: break;
            }
            // The replay lets the cluster's clock catch up with each event's time, then run its
            // ticks: a corrupt time (years ahead) would keep it busy for hours. A journal covers a
            // fresh cluster's first day at most.
            if (e.at_ms < kVirtualEpochMs || e.at_ms > kVirtualEpochMs + kMaxJournalMs)
                return fail("event time out of range");
            replayClock = std::max(replayClock, e.at_ms) + (e.type == JournalEvent::Type::Tick ? e.tick_ms * e.count : 0);
            if (replayClock > kVirtualEpochMs + kMaxJournalMs) return fail("the journal covers more than a day of cluster time");
            out.events.push_back(std::move(e));
        }
        return out;
    } catch (const json::exception& e) {
        return fail(std::string("journal is malformed: ") + e.what());
    } catch (const BadJournal& e) {
        return fail("journal is malformed: " + e.message);
    }
}

JournalReplayer::JournalReplayer(ClusterBackend& backend, KafkaCli& cli, Hooks hooks)
    : m_backend(backend), m_cli(cli), m_hooks(std::move(hooks)) {}

JournalReplayer::~JournalReplayer() = default;

void JournalReplayer::advance(TimeMs ms) {
    if (ms <= 0) return;
    if (m_hooks.advance) m_hooks.advance(ms);
    else m_backend.advance(ms);
}

void JournalReplayer::finish(int tab) {
    auto it = m_running.find(tab);
    if (it == m_running.end()) return;
    Running& r = it->second;
    r.session->takeOutput();
    r.entry.exit_code = r.session->exitCode();
    r.entry.notes = r.session->notes();
    r.entry.output = r.session->recordedOutput();
    const bool recorded = r.recorded;
    HistoryEntry entry = r.entry;
    m_running.erase(it);
    if (!recorded) {
        if (m_hooks.record) m_hooks.record(std::move(entry));
    } else if (m_hooks.command_ended) {
        m_hooks.command_ended();
    }
}

void JournalReplayer::pumpAll() {
    std::vector<int> tabs;
    for (const auto& [tab, r] : m_running) tabs.push_back(tab);
    for (int tab : tabs) {
        auto it = m_running.find(tab);
        if (it == m_running.end()) continue;
        it->second.session->pump(0);
        it->second.session->takeOutput();
        if (it->second.session->finished()) finish(tab);
    }
}

void JournalReplayer::apply(const JournalEvent& e) {
    // Time the journal did not see pass (the timeline played): catch up first.
    if (e.at_ms > m_backend.nowMs()) advance(e.at_ms - m_backend.nowMs());
    if (e.type == JournalEvent::Type::Tick) {
        for (std::int64_t i = 0; i < e.count; ++i) {
            advance(e.tick_ms);
            pumpAll();
            if (m_hooks.ticked) m_hooks.ticked();
        }
        return;
    }
    applyNow(e);
}

void JournalReplayer::applyNow(const JournalEvent& e) {
    auto running = m_running.find(e.tab);
    switch (e.type) {
    case JournalEvent::Type::Start: {
        if (running != m_running.end()) finish(e.tab); // cannot happen live; keep one command per tab
        HistoryEntry h;
        h.argv = e.argv;
        h.at_ms = m_backend.nowMs();
        std::unique_ptr<CommandSession> s = m_cli.start(e.argv, true);
        h.kind = commandKindName(s->kind());
        if (e.failed) {
            s->interrupt();
            s->takeOutput();
            h.exit_code = 1;
            if (m_hooks.record) m_hooks.record(std::move(h));
            return;
        }
        if (e.input && s->readsInput()) {
            for (const auto& l : *e.input) {
                if (s->finished()) break;
                s->inputLine(l);
            }
            s->endOfInput();
        }
        s->takeOutput();
        if (s->finished()) {
            h.exit_code = s->exitCode();
            h.notes = s->notes();
            h.output = s->recordedOutput();
            if (m_hooks.record) m_hooks.record(std::move(h));
            return;
        }
        h.notes = s->notes();
        h.output = s->recordedOutput();
        m_running[e.tab] = Running{std::move(s), h, true};
        if (m_hooks.record) m_hooks.record(std::move(h));
        return;
    }
    case JournalEvent::Type::Input:
        if (running == m_running.end() || !running->second.session->readsInput()) return;
        running->second.session->inputLine(e.line);
        running->second.session->takeOutput();
        if (running->second.session->finished()) finish(e.tab);
        return;
    case JournalEvent::Type::EndOfInput:
        if (running == m_running.end() || !running->second.session->readsInput()) return;
        running->second.session->endOfInput();
        finish(e.tab);
        return;
    case JournalEvent::Type::Interrupt:
        if (running == m_running.end()) return;
        running->second.session->interrupt();
        finish(e.tab);
        return;
    case JournalEvent::Type::Record:
        if (m_hooks.record) m_hooks.record(e.entry);
        return;
    case JournalEvent::Type::Tick: // apply() and step() run ticks themselves
        return;
    }
}

void JournalReplayer::stopAll() {
    while (!m_running.empty()) {
        const int tab = m_running.begin()->first;
        m_running.begin()->second.session->interrupt();
        finish(tab);
    }
}

void JournalReplayer::tick() {
    pumpAll();
    if (m_hooks.ticked) m_hooks.ticked();
}

std::vector<int> JournalReplayer::runningTabs() const {
    std::vector<int> tabs;
    for (const auto& [tab, r] : m_running) tabs.push_back(tab);
    return tabs;
}

void JournalReplayer::run(const SessionJournal& journal) {
    for (const auto& e : journal.events) apply(e);
    stopAll();
}

void JournalReplayer::begin(const SessionJournal& journal) {
    m_journal = journal;
    m_next = 0;
    m_caughtUp = false;
    m_ticksDone = 0;
    m_until.reset();
    m_untilIsTick = false;
    m_done = false;
    m_from = m_backend.nowMs();
    m_to = m_from;
    for (const auto& e : m_journal.events) {
        m_to = std::max(m_to, e.at_ms);
        if (e.type == JournalEvent::Type::Tick) m_to += std::max<TimeMs>(0, e.tick_ms) * e.count;
    }
}

bool JournalReplayer::step(std::size_t budget) {
    budget = std::max<std::size_t>(1, budget);
    while (!m_done && budget > 0) {
        if (m_until) { // an advance in progress
            if (m_hooks.advance_until) {
                if (!m_hooks.advance_until(*m_until, budget)) return false;
            } else {
                advance(*m_until - m_backend.nowMs());
                --budget;
            }
            m_until.reset();
            if (m_untilIsTick) {
                m_untilIsTick = false;
                pumpAll();
                if (m_hooks.ticked) m_hooks.ticked();
                ++m_ticksDone;
            }
            continue;
        }
        if (m_next >= m_journal.events.size()) {
            stopAll();
            m_done = true;
            break;
        }
        const JournalEvent& e = m_journal.events[m_next];
        if (!m_caughtUp) { // as apply(): time the journal did not see pass first
            m_caughtUp = true;
            if (e.at_ms > m_backend.nowMs()) m_until = e.at_ms;
            continue;
        }
        if (e.type == JournalEvent::Type::Tick) {
            if (m_ticksDone < e.count) {
                if (e.tick_ms > 0) {
                    m_until = m_backend.nowMs() + e.tick_ms;
                    m_untilIsTick = true;
                } else { // advance(0) does nothing: pump at once
                    pumpAll();
                    if (m_hooks.ticked) m_hooks.ticked();
                    ++m_ticksDone;
                    --budget;
                }
                continue;
            }
        } else {
            applyNow(e);
            --budget;
        }
        ++m_next;
        m_caughtUp = false;
        m_ticksDone = 0;
    }
    return m_done;
}

double JournalReplayer::progress() const {
    if (m_done) return 1.0;
    if (m_to > m_from) return std::clamp(static_cast<double>(m_backend.nowMs() - m_from) / static_cast<double>(m_to - m_from), 0.0, 1.0);
    return m_journal.events.empty() ? 1.0 : static_cast<double>(m_next) / static_cast<double>(m_journal.events.size());
}

SessionJournal JournalReplayer::stopHere() {
    SessionJournal part;
    part.lab = m_journal.lab;
    part.seed = m_journal.seed;
    const std::size_t applied = std::min(m_next, m_journal.events.size());
    part.events.assign(m_journal.events.begin(), m_journal.events.begin() + static_cast<std::ptrdiff_t>(applied));
    if (!m_done && applied < m_journal.events.size() && m_journal.events[applied].type == JournalEvent::Type::Tick &&
        m_ticksDone > 0) {
        JournalEvent partial = m_journal.events[applied];
        partial.count = m_ticksDone;
        part.events.push_back(partial);
    }
    m_until.reset();
    m_untilIsTick = false;
    stopAll();
    m_done = true;
    return part;
}

TerminalPlayback::TerminalPlayback(ClusterBackend& backend, KafkaCli& cli, SessionJournal journal,
                                   JournalReplayer::Hooks hooks, std::function<void(int)> stopped)
    : m_backend(backend), m_journal(std::move(journal)), m_replayer(backend, cli, std::move(hooks)),
      m_stopped(std::move(stopped)), m_base(backend.nowMs()) {}

TerminalPlayback::~TerminalPlayback() = default;

std::optional<sim::TimeMs> TerminalPlayback::nextDue() const {
    if (m_done) return std::nullopt;
    // Where JournalReplayer::apply would do it: the clock first catches up with the event's time
    // (never back), a tick then lets tick_ms more pass; the next tick of a run one tick_ms later.
    TimeMs at = m_base;
    if (m_next < m_journal.events.size()) {
        const JournalEvent& e = m_journal.events[m_next];
        if (m_ticks == 0) at = std::max(at, e.at_ms);
        if (e.type == JournalEvent::Type::Tick) at += std::max<TimeMs>(0, e.tick_ms);
    }
    return at - kVirtualEpochMs;
}

void TerminalPlayback::fire() {
    if (m_done) return;
    if (m_next == m_journal.events.size()) {
        // The end of the log: what still runs stops here (JournalReplayer::run does the same).
        if (m_stopped)
            for (int tab : m_replayer.runningTabs()) m_stopped(tab);
        m_replayer.stopAll();
        m_done = true;
        return;
    }
    const JournalEvent& e = m_journal.events[m_next];
    if (e.type == JournalEvent::Type::Tick) {
        m_replayer.tick();
        if (++m_ticks >= e.count) {
            m_ticks = 0;
            ++m_next;
        }
    } else {
        m_replayer.apply(e); // the clock is at or past e.at_ms: no time passes before it
        ++m_next;
    }
    m_base = m_backend.nowMs();
}

HeadlessTerminalPlayback::HeadlessTerminalPlayback(Session& session, SessionJournal journal)
    : m_session(session), m_backend(std::make_unique<SimBackend>(session)),
      m_cli(std::make_unique<KafkaCli>(*m_backend)),
      m_playback(std::make_unique<TerminalPlayback>(*m_backend, *m_cli, std::move(journal), JournalReplayer::Hooks{})) {
    m_session.setTimedWork(m_playback.get());
}

HeadlessTerminalPlayback::~HeadlessTerminalPlayback() {
    if (m_session.timedWork() == m_playback.get()) m_session.setTimedWork(nullptr);
    m_playback.reset(); // its commands close their clients on the backend
    m_cli.reset();
}

std::optional<SessionJournal> scenarioTerminal(const sim::Scenario& scenario, std::string* error) {
    if (error) error->clear();
    if (scenario.terminal.empty()) return std::nullopt;
    std::string why;
    auto journal = SessionJournal::fromJson(scenario.terminal, &why);
    if (!journal && error) *error = "/terminal: " + why;
    return journal;
}

} // namespace fluxolab::labs
