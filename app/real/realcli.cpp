#include "app/real/realcli.h"

#include "app/real/realworker.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace fluxolab::app {

namespace {

/// The session the terminal holds: a mirror of the command running on the worker.
class RemoteCommandSession final : public labs::CommandSession {
public:
    RemoteCommandSession(int id, std::shared_ptr<RemoteLink> link, std::shared_ptr<RemoteCommandState> state)
        : m_id(id), m_link(std::move(link)), m_state(std::move(state)) {}
    ~RemoteCommandSession() override {
        const int id = m_id;
        m_link->post([id](RealCliWorker& w) { w.drop(id); });
    }

    bool settling() override {
        sync();
        return m_pending > 0;
    }
    bool readsInput() const override {
        const_cast<RemoteCommandSession*>(this)->sync();
        return m_readsInput && !finished();
    }
    void inputLine(const std::string& line) override {
        const int id = m_id;
        m_link->post([id, line](RealCliWorker& w) { w.input(id, line); });
    }
    void endOfInput() override {
        {
            std::lock_guard lock(m_state->mutex);
            ++m_state->pending;
        }
        const int id = m_id;
        m_link->post([id](RealCliWorker& w) { w.endOfInput(id); });
    }
    void pump(labs::TimeMs) override { sync(); }
    void interrupt() override {
        {
            std::lock_guard lock(m_state->mutex);
            ++m_state->pending;
        }
        const int id = m_id;
        m_link->post([id](RealCliWorker& w) { w.interrupt(id); });
    }
    bool runsUntilInterrupted() const override {
        const_cast<RemoteCommandSession*>(this)->sync();
        return m_untilInterrupted;
    }

private:
    /// Takes what the worker reported into this session (output, notes, kind, end).
    void sync() {
        std::vector<labs::OutputChunk> chunks;
        std::vector<labs::NoteId> notes;
        std::string recorded;
        bool done = false;
        int code = 0;
        {
            std::lock_guard lock(m_state->mutex);
            chunks.swap(m_state->output);
            notes.assign(m_state->notes.begin() +
                             static_cast<std::ptrdiff_t>(std::min(m_notes, m_state->notes.size())),
                         m_state->notes.end());
            m_notes = std::max(m_notes, m_state->notes.size());
            recorded = m_state->recorded;
            m_kind = m_state->kind;
            m_pending = m_state->pending;
            m_readsInput = m_state->reads_input;
            m_untilInterrupted = m_state->until_interrupted;
            done = m_state->finished;
            code = m_state->exit_code;
        }
        for (labs::OutputChunk& c : chunks) {
            if (c.stream == labs::OutStream::Err)
                err(std::move(c.text));
            else
                out(std::move(c.text));
        }
        for (labs::NoteId n : notes)
            note(n);
        if (!recorded.empty() && recorded != recordedOutput()) record(std::move(recorded));
        if (done && !finished()) finish(code);
    }

    int m_id;
    std::shared_ptr<RemoteLink> m_link;
    std::shared_ptr<RemoteCommandState> m_state;
    std::size_t m_notes = 0;
    int m_pending = 1;
    bool m_readsInput = false;
    bool m_untilInterrupted = false;
};

} // namespace

void RemoteLink::post(std::function<void(RealCliWorker&)> f) {
    std::lock_guard lock(mutex);
    if (!worker) return;
    worker->enqueue(std::move(f));
}

void RealCliWorker::enqueue(std::function<void(RealCliWorker&)> f) {
    // By name, with the call itself in m_inbox (see Mailbox: ThreadSanitizer cannot see Qt's queue),
    // and under the mutex the destructor takes too (see RealWorker::ask).
    std::lock_guard lock(m_inboxMutex);
    m_inbox.push_back(std::move(f));
    QMetaObject::invokeMethod(this, "runPosted", Qt::QueuedConnection);
}

void RealCliWorker::runPosted() {
    std::deque<std::function<void(RealCliWorker&)>> calls;
    {
        std::lock_guard lock(m_inboxMutex);
        calls.swap(m_inbox);
    }
    for (auto& f : calls) f(*this);
}

RealCliWorker::RealCliWorker(labs::RdKafkaConnection connection, std::shared_ptr<std::atomic<bool>> cancel)
    : m_cancel(std::move(cancel)), m_connection(std::move(connection)) {
    m_connection.abort = m_cancel.get();
}

RealCliWorker::~RealCliWorker() {
    { std::lock_guard lock(m_inboxMutex); } // see enqueue()
    // Stopped like Ctrl+C (a console consumer leaves its group) before the backend goes.
    for (auto& [id, r] : m_running)
        if (!r.session->finished()) r.session->interrupt();
    m_running.clear();
    m_lab.reset();
    m_cli.reset();
}

void RealCliWorker::ensureBackend() {
    if (m_backend) return;
    m_backend = std::make_unique<labs::RdKafkaBackend>(m_connection);
    m_cli = std::make_unique<labs::KafkaCli>(*m_backend);
    m_timer = new QTimer(this);
    m_timer->setInterval(50);
    connect(m_timer, &QTimer::timeout, this, &RealCliWorker::pumpAll);
    m_timer->start();
}

void RealCliWorker::start(int id, std::vector<std::string> argv, bool interactive, std::shared_ptr<RemoteCommandState> state,
                          labs::Language replayLanguage) {
    ensureBackend();
    m_cli->setReplayLanguage(replayLanguage);
    Running r{m_cli->start(argv, interactive), std::move(state)};
    publish(r, true);
    // Kept until the terminal drops its session (a late Ctrl+C must still be answered).
    m_running.emplace(id, std::move(r));
}

void RealCliWorker::input(int id, const std::string& line) {
    auto it = m_running.find(id);
    if (it == m_running.end() || it->second.session->finished()) return;
    it->second.session->inputLine(line);
    publish(it->second, false);
}

void RealCliWorker::endOfInput(int id) {
    auto it = m_running.find(id);
    if (it == m_running.end()) return;
    if (!it->second.session->finished()) it->second.session->endOfInput();
    publish(it->second, true);
}

void RealCliWorker::interrupt(int id) {
    auto it = m_running.find(id);
    if (it == m_running.end()) return;
    if (!it->second.session->finished()) it->second.session->interrupt();
    publish(it->second, true);
}

void RealCliWorker::drop(int id) {
    auto it = m_running.find(id);
    if (it == m_running.end()) return;
    if (!it->second.session->finished()) it->second.session->interrupt();
    m_running.erase(it);
}

namespace {
} // namespace

RemoteLabStatus remoteLabStatus(const labs::LabEngine& engine, const std::vector<labs::HistoryEntry>& history) {
    RemoteLabStatus s;
    s.current = engine.currentStep();
    for (std::size_t i = 0; i < engine.lab().steps.size(); ++i) s.passed.push_back(engine.stepPassed(i));
    s.progress = engine.saveProgress();
    // What the current step still waits for, as the panel says it on the simulation (once the student
    // has run a command in the step).
    if (s.current < engine.lab().steps.size() && !engine.stepPassed(s.current) &&
        history.size() > engine.stepHistoryStart(s.current)) {
        labs::CheckResult r = engine.evaluate(s.current, history);
        if (!r.passed && r.reason != labs::CheckReason::None) s.notYet = std::move(r);
    }
    return s;
}

void RealCliWorker::startLab(const labs::Lab& lab, const std::string& progress,
                             const RemoteCommands::LabReply& reply) {
    ensureBackend();
    m_lab.reset();
    m_lab = std::make_unique<labs::LabEngine>(lab, *m_backend);
    // Resumed on a cluster that kept what the earlier setups made: no setup runs again (it would
    // produce its records a second time). A progress that does not fit this lab starts it over.
    if (progress.empty() || !m_lab->restoreProgress(progress)) m_lab->start();
    m_lab->update({});
    reply(remoteLabStatus(*m_lab, {}));
}

void RealCliWorker::checkLab(const std::vector<labs::HistoryEntry>& history, const RemoteCommands::LabReply& reply) {
    if (!m_lab) return;
    m_lab->update(history);
    reply(remoteLabStatus(*m_lab, history));
}

void RealCliWorker::pumpAll() {
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->second.session->finished()) continue;
        it->second.session->pump(0);
        publish(it->second, false);
    }
}

void RealCliWorker::publish(Running& r, bool handledRequest) {
    std::vector<labs::OutputChunk> chunks = r.session->takeOutput();
    std::lock_guard lock(r.state->mutex);
    for (labs::OutputChunk& c : chunks)
        r.state->output.push_back(std::move(c));
    r.state->notes = r.session->notes();
    r.state->recorded = r.session->recordedOutput();
    r.state->kind = r.session->kind();
    r.state->reads_input = r.session->readsInput();
    r.state->until_interrupted = r.session->runsUntilInterrupted();
    r.state->finished = r.session->finished();
    r.state->exit_code = r.session->exitCode();
    if (handledRequest && r.state->pending > 0) --r.state->pending;
}

RealCli::RealCli(labs::RdKafkaConnection connection, std::function<RemoteNames()> names)
    : m_link(std::make_shared<RemoteLink>()), m_thread(new QThread), m_names(std::move(names)) {
    m_thread->setObjectName(QStringLiteral("realterminal"));
    auto* worker = new RealCliWorker(std::move(connection), m_cancel);
    worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_link->worker = worker;
    m_thread->start();
}

RealCli::~RealCli() {
    // Never waited for on the GUI thread: the worker may be inside a request to a silent broker.
    ThreadReaper::instance().retire(detachThread());
}

QThread* RealCli::detachThread() {
    {
        std::lock_guard lock(m_link->mutex);
        m_link->worker = nullptr;
    }
    QThread* t = m_thread;
    m_thread = nullptr;
    *m_cancel = true; // a request in progress ends now (a console consumer still leaves its group)
    if (t) t->quit();
    return t;
}

namespace {
/// `done` on `context`'s thread, unless `context` is gone by then.
RemoteCommands::LabReply onThreadOf(QObject* context, RemoteCommands::LabReply done) {
    // Through the Mailbox, on the GUI thread, and only while `context` lives.
    Mailbox* mailbox = Mailbox::instance();
    const quint64 ticket = mailbox->open(context);
    return [mailbox, ticket, done = std::move(done)](const RemoteLabStatus& status) {
        mailbox->post(ticket, [done, status] { done(status); });
    };
}
} // namespace

bool RealCli::startLab(const labs::Lab& lab, const std::string& progress, QObject* context, LabReply done) {
    LabReply reply = onThreadOf(context, std::move(done));
    m_link->post([lab, progress, reply](RealCliWorker& w) { w.startLab(lab, progress, reply); });
    return true;
}

bool RealCli::checkLab(std::vector<labs::HistoryEntry> history, QObject* context, LabReply done) {
    LabReply reply = onThreadOf(context, std::move(done));
    m_link->post([history = std::move(history), reply](RealCliWorker& w) { w.checkLab(history, reply); });
    return true;
}

std::unique_ptr<labs::CommandSession> RealCli::start(const std::vector<std::string>& argv, bool interactive) {
    const int id = m_next++;
    auto state = std::make_shared<RemoteCommandState>();
    state->pending = 1;
    auto session = std::make_unique<RemoteCommandSession>(id, m_link, state);
    const labs::Language language = CliHost::noteLanguage();
    m_link->post([id, argv, interactive, state, language](RealCliWorker& w) {
        w.start(id, argv, interactive, state, language);
    });
    return session;
}

} // namespace fluxolab::app
