#pragma once
// One terminal tab: a prompt, the output of the Kafka tools (stderr and teaching notes in their
// own colours), command history (↑/↓), Tab completion of commands, options, topic and group
// names, Ctrl+C (stops a running console consumer/producer), Ctrl+D (end of producer input),
// Ctrl+L (clear), Ctrl+A/Ctrl+E/Ctrl+U/Ctrl+W (line editing as in bash) and copy/paste. Commands run
// through the shared CliHost.

#ifndef Q_MOC_RUN
#include "labs/kafka_tools/kafka_cli.h"
#include "labs/shell/script_runner.h"
#include "labs/session/session_journal.h"
#endif

#include <QPlainTextEdit>
#include <QStringList>
#include <QTextBlock>

#include <memory>
#include <optional>
#include <vector>

namespace fluxolab::app {

class CliHost;

class TerminalConsole : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit TerminalConsole(CliHost* host, QWidget* parent = nullptr);
    ~TerminalConsole() override;

    /// Text typed after the prompt (not yet submitted).
    QString input() const;
    void setInput(const QString& text);
    /// Scrolls the prompt's line back to its start (the prompt and the start of a command wider
    /// than the view: what a pasted command is checked by).
    void showLineStart() { keepPromptInView(true); }
    /// Runs a line as if typed and Enter pressed.
    void submit(const QString& line);
    /// Ctrl+C.
    void interrupt();
    /// Ctrl+L.
    void clearScreen();
    /// A line from the app (not a command's output), e.g. "Progress restored", then a new prompt.
    void showNotice(const QString& text);
    /// A command is running (a console consumer, or a producer waiting for input).
    bool isBusy() const { return m_session != nullptr; }
    /// A console producer is waiting for input lines.
    bool isProducing() const { return m_session && m_session->readsInput(); }
    /// Sets the font size in points (presentation mode enlarges it).
    void setPointSize(double points);

    static QString prompt() { return QStringLiteral("$ "); }
    /// The smallest font a table's rows get to fit the view's width on one line each (beyond it they wrap).
    static constexpr double kTableMinimumPointSize = 8.0;
    /// The font size of a table with these rows: the terminal's, or smaller so that its widest row fits.
    double tablePointSize(const QStringList& rows) const;

Q_SIGNALS:
    /// A command finished (or started running in the background of this tab).
    void commandFinished();
    void busyChanged(bool busy);

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void insertFromMimeData(const QMimeData* source) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    /// The copied text holds a folded Java stack trace in full, without its summary line.
    QMimeData* createMimeDataFromSelection() const override;

public:
    /// Block user states: the one-line summary of a folded Java stack trace, and its lines.
    static constexpr int kTraceSummary = 0x7ace;
    static constexpr int kTraceLine = 0x7acf;
    /// Shows or hides the lines of the folded trace whose summary is `summary` (a click on it).
    void toggleTrace(const QTextBlock& summary);

private:
    enum class Style { Plain, Prompt, Error, Note, Echo };
    void append(const QString& text, Style style);
    /// The tables printed from block `fromBlock` on (from the first row of a table it is in) get the
    /// font size that fits their widest row (tablePointSize()); the text around them keeps its own.
    void fitTables(int fromBlock);
    void insertOutput(QTextCursor& c, const QString& text, const QTextCharFormat& f);
    QString traceSummary(int lines, bool open) const;
    void showPrompt(bool continuation = false);
    void handleLine(const QString& line);
    void runCommand(const QString& text);
    /// An operator bash would run but this terminal does not, named, with what to type instead (tr()).
    static QString unsupportedOperatorText(const labs::ShellParseError& e);
    void flush();
    /// Prints what `s` wrote since the last call, then its new teaching notes.
    void flushSession(labs::CommandSession& s, std::size_t& notesShown);
    void finishSession();
    void dropSession(); ///< the cluster went away
    void pump();
    /// Background jobs (`command &`): pumped on every tick; their output interleaves with the tab's.
    void pumpJobs();
    void endJob(std::size_t index);
    /// `kill %N`: Ctrl+C for job N; false if there is no such job.
    bool killJob(int number);
    /// The rest of runCommand() once the session knows its kind and whether it reads input.
    void commandStarted(const labs::ShellCommand& cmd);
    /// Holds the clock and waits (busy) for a session that is settling; false if it is not.
    bool waitWhileSettling();
    void journal(labs::JournalEvent::Type type, const QString& line = {});
    void complete();
    void historyMove(int delta);
    void moveToEnd();
    /// The prompt's line scrolled sideways as little as the cursor needs (QPlainTextEdit centres
    /// the cursor, which pushes the "$ " out of a line wider than the view); `fromStart`: shows the
    /// line from its start whatever the cursor (a pasted command: its start is what is checked).
    void keepPromptInView(bool fromStart = false);
    void commitInput(); ///< Enter: the input line joins the transcript
    bool cursorInInput() const;

    CliHost* m_host;
    std::unique_ptr<labs::CommandSession> m_session;
    labs::HistoryEntry m_entry;     ///< of the running session
    bool m_recorded = false;        ///< m_entry already given to the host
    std::size_t m_notesShown = 0;
    int m_inputStart = 0;           ///< document position where the editable input begins
    int m_fittedWidth = -1;         ///< the viewport width the tables were last fitted to
    bool m_atBottom = true;         ///< the view shows the last line (kept there on resizes)
    bool m_keepingBottom = false;
    QString m_pending;              ///< lines joined by '\' continuations
    int m_historyIndex = -1;        ///< -1: not browsing
    QString m_draft;                ///< input before browsing history
    bool m_holding = false;
    /// The session runs on another thread (real cluster) and has not reported yet:
    /// m_startingCommand waits for its start (then commandStarted()), m_ending for the end that
    /// Ctrl+C, Ctrl+D or the end of its input asked for (then finishSession()).
    std::optional<labs::ShellCommand> m_startingCommand;
    bool m_ending = false;
    int m_id = 0;                   ///< this tab in the host's journal
    struct Job {
        int number = 0;             ///< %N
        int tab = 0;                ///< its own id in the host's journal (like another tab)
        std::unique_ptr<labs::CommandSession> session;
        std::size_t notes_shown = 0;
    };
    std::vector<Job> m_jobs;
    int m_nextJob = 1;
};

} // namespace fluxolab::app
