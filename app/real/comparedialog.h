#pragma once
// "Compare with the real cluster": the same terminal script (the commands typed in the terminal
// this session, or a script file) on the simulation and on the real cluster (labs::compareReal, on
// a thread of its own, with the connection's whole profile: security protocol, SASL, CA file), the
// two masked outputs side by side. "Delete what the script created" is compare-real's --clean.

#ifndef Q_MOC_RUN
#include "labs/rdkafka/compare_real.h"
#endif

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace fluxolab::app {

class CompareRealDialog : public QDialog {
    Q_OBJECT
public:
    explicit CompareRealDialog(QWidget* parent = nullptr);
    /// Never waits for the job: a job still running is cancelled and ends on the ThreadReaper.
    ~CompareRealDialog() override;

    /// The script to run and where it comes from ("the commands typed in the terminal", a file's
    /// name), shown above the panes; `baseDir` resolves its relative files.
    void setScript(const QString& script, const QString& baseDir, const QString& source);
    /// The commands typed in the terminal this session, as a script (CliHost::typedScript): the
    /// "Terminal commands" button's script, and the script now.
    void setTerminalScript(const QString& script);
    /// "Script file…": a file chosen by the user becomes the script (false: none chosen or unreadable).
    bool chooseScriptFile();
    /// The cluster to compare with: bootstrap servers and security settings (the password included).
    void setConnection(const labs::RdKafkaConnection& connection);
    /// Starts the comparison off the GUI thread; returns at once. The answer comes back through the
    /// Mailbox (finished()).
    void start(int probeTimeoutMs = 10000);
    /// setScript + setConnection + start.
    void start(const QString& script, const QString& baseDir, const labs::RdKafkaConnection& connection,
               int probeTimeoutMs = 10000);
    /// A comparison was started and has not answered yet (false at once after cancel()).
    bool running() const { return m_running; }
    /// The job's thread still runs (it stops within about 100 ms of a cancel, or at the end of a
    /// blocking metadata call).
    bool jobRunning() const { return m_jobAlive && m_jobAlive->load(); }
    /// Cancels the running comparison: the job stops issuing commands and closes its client.
    void cancel();
    /// The summary line ("No differences", "3 differences", the broker unreachable...).
    QString summary() const;
    /// librdkafka's or the shell's own text for a failure (English, as that program wrote it).
    QString detail() const;
    QPlainTextEdit* simulationPane() const { return m_left; }
    QPlainTextEdit* realPane() const { return m_right; }
    QCheckBox* cleanBox() const { return m_clean; }
    const labs::CompareOutcome& outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished();

private:
    void onDone(const labs::CompareOutcome& outcome);
    QString problemText(const labs::CompareOutcome& outcome) const;

    QLabel* m_source;
    QPushButton* m_useTerminal;
    QPushButton* m_useFile;
    QString m_terminalScript;
    QCheckBox* m_clean;
    QPushButton* m_run;
    QLabel* m_summary;
    QLabel* m_detail;
    QLabel* m_leftTitle;
    QLabel* m_rightTitle;
    QPlainTextEdit* m_left;
    QPlainTextEdit* m_right;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_close;
    QString m_script, m_baseDir;
    labs::RdKafkaConnection m_connection;
    labs::CompareOutcome m_outcome;
    bool m_running = false;
    bool m_cancelling = false;
    quint64 m_ticket = 0;
    /// Shared with the running job: it outlives the dialog when the dialog closes first.
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::shared_ptr<std::atomic<bool>> m_jobAlive;
};

} // namespace fluxolab::app
