#pragma once
// "Compare with the real cluster": the same terminal script on the simulation and on the real
// cluster (labs::compareReal, on a thread of its own), the two masked outputs side by side.

#include "labs/rdkafka/compare_real.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace fluxolab::app {

class CompareRealDialog : public QDialog {
    Q_OBJECT
public:
    explicit CompareRealDialog(QWidget* parent = nullptr);
    ~CompareRealDialog() override;

    /// Starts the comparison of `script` against `bootstrap` off the GUI thread; returns at once.
    /// The answer comes back queued (finished()).
    void start(const QString& script, const QString& baseDir, const QString& bootstrap, int probeTimeoutMs = 10000);
    bool running() const { return m_running; }
    /// The summary line ("No differences", "3 differences", the broker unreachable...).
    QString summary() const;
    QPlainTextEdit* simulationPane() const { return m_left; }
    QPlainTextEdit* realPane() const { return m_right; }

Q_SIGNALS:
    void finished();

private:
    void onDone(const labs::CompareOutcome& outcome);
    void cancel();

    QLabel* m_summary;
    QLabel* m_leftTitle;
    QLabel* m_rightTitle;
    QPlainTextEdit* m_left;
    QPlainTextEdit* m_right;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_close;
    QString m_bootstrap;
    bool m_running = false;
    /// Shared with the running job: it outlives the dialog when the dialog closes first.
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
};

} // namespace fluxolab::app
