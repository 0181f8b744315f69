#include "labs/shell/script_runner.h"

#include "labs/shell/builtins.h"

#include <fstream>
#include <sstream>

namespace fluxolab::labs {

ScriptRunner::ScriptRunner(ClusterBackend& backend, ScriptOptions options)
    : m_backend(backend), m_cli(backend), m_options(std::move(options)) {
    m_cli.setWorkingDirectory(m_options.base_dir); // --from-file, like `< file`
}

ScriptRunner::~ScriptRunner() = default;

void ScriptRunner::emit(CommandSession& s, std::string& transcript) {
    for (auto& c : s.takeOutput()) transcript += c.text;
}

void ScriptRunner::appendNotes(const std::vector<NoteId>& notes, std::string& transcript) {
    if (!m_options.notes) return;
    for (NoteId id : notes)
        transcript += std::string(*m_options.notes == Language::Portuguese ? "[nota] " : "[note] ") +
                      std::string(noteText(id, *m_options.notes)) + "\n";
}

void ScriptRunner::collectBackground(std::string& transcript) {
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        it->session->pump(0);
        emit(*it->session, transcript);
        if (it->session->finished()) it = m_jobs.erase(it);
        else ++it;
    }
}

void ScriptRunner::run(const ParsedScript& script, std::string& transcript) {
    for (const auto& cmd : script.commands) {
        if (cancelled()) return;
        runCommand(cmd, transcript);
    }
}

void ScriptRunner::stopAll(std::string& transcript) {
    for (auto& j : m_jobs) {
        j.session->interrupt();
        emit(*j.session, transcript);
    }
    m_jobs.clear();
}

void ScriptRunner::runCommand(const ShellCommand& cmd, std::string& transcript) {
    for (std::size_t i = 0; i < cmd.typed_lines.size(); ++i) transcript += (i ? "> " : "$ ") + cmd.typed_lines[i] + "\n";
    HistoryEntry h;
    h.argv = cmd.argv;
    h.at_ms = m_backend.nowMs();

    if (const auto builtin = builtinNamed(cmd.argv.front())) {
        h.kind = builtinName(*builtin);
        const BuiltinOutcome o = runBuiltin(*builtin, cmd.argv, [&](int number) {
            for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
                if (it->number != number) continue;
                it->session->interrupt();
                emit(*it->session, transcript);
                m_jobs.erase(it);
                return true;
            }
            return false;
        });
        transcript += o.out + o.err;
        h.exit_code = o.exit_code;
        if (*builtin == Builtin::Sleep && o.exit_code == 0) m_backend.advance(o.advance_ms);
        // Echo prints at once; kill, like a command, is followed by the student's thinking time.
        if (*builtin == Builtin::Kill) m_backend.advance(m_options.think_ms);
        if (*builtin != Builtin::Echo) collectBackground(transcript);
        m_history.push_back(std::move(h));
        return;
    }

    std::unique_ptr<CommandSession> s = m_cli.start(cmd.argv, false);
    h.kind = commandKindName(s->kind());
    // Input for the console producer: heredoc, `< file`, or nothing (EOF at once).
    if (s->readsInput()) {
        std::string input;
        bool haveInput = false;
        if (cmd.heredoc) {
            input = *cmd.heredoc;
            haveInput = true;
        } else if (cmd.input_file) {
            const std::string path =
                m_options.base_dir.empty() || (!cmd.input_file->empty() && (*cmd.input_file)[0] == '/')
                    ? *cmd.input_file
                    : m_options.base_dir + "/" + *cmd.input_file;
            std::ifstream f(path, std::ios::binary);
            if (!f) {
                transcript += "bash: " + *cmd.input_file + ": No such file or directory\n";
                s->interrupt();
                h.exit_code = 1;
                m_history.push_back(std::move(h));
                return;
            }
            std::ostringstream ss;
            ss << f.rdbuf();
            input = ss.str();
            haveInput = true;
        }
        if (haveInput) {
            std::size_t start = 0;
            while (start < input.size() && !s->finished()) {
                std::size_t nl = input.find('\n', start);
                std::string line = input.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                s->inputLine(line);
                if (nl == std::string::npos) break;
                start = nl + 1;
            }
        }
        s->endOfInput();
    }
    if (cmd.background && !s->finished()) {
        // The shell prints "[N] PID" when it starts the job, before anything the job writes.
        const int number = m_nextJob++;
        transcript += "[" + std::to_string(number) + "] " + std::to_string(4000 + number) + "\n";
        emit(*s, transcript);
        h.exit_code = 0;
        h.notes = s->notes();
        h.output = s->recordedOutput();
        appendNotes(h.notes, transcript);
        m_jobs.push_back(Job{number, std::move(s), cmd.argv});
        m_history.push_back(std::move(h));
        m_backend.advance(m_options.think_ms);
        collectBackground(transcript);
        return;
    }
    // Foreground: run until the command ends (or Ctrl+C for a consumer that would run forever).
    TimeMs ran = 0;
    while (!s->finished()) {
        s->pump(100);
        ran += 100;
        emit(*s, transcript);
        const bool idle = s->runsUntilInterrupted() && s->idleMs() >= m_options.idle_interrupt_ms;
        if (idle || ran >= m_options.max_foreground_ms || cancelled()) {
            transcript += "^C";
            s->interrupt();
        }
    }
    emit(*s, transcript);
    h.exit_code = s->exitCode();
    h.notes = s->notes();
    h.output = s->recordedOutput();
    appendNotes(h.notes, transcript);
    m_history.push_back(std::move(h));
    if (!cancelled()) m_backend.advance(m_options.think_ms);
    collectBackground(transcript);
}

} // namespace fluxolab::labs
