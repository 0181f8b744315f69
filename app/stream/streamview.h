#pragma once
// The stream view (issue #10): a trace run through the stream engine, drawn as event time against
// processing order (StreamCanvas), with its own playback bar, "why has this window not fired?" with
// what-if re-runs, trace loading in a background thread (progress bar, Cancel) and exports.

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include <QWidget>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

class QBoxLayout;
class QHBoxLayout;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTextBrowser;
class QTimer;
class QToolButton;
class QFrame;
class QTabWidget;
class QSplitter;

namespace fluxolab::app {

class KeyLanesCanvas;
class PipelineCanvas;
class ProcTimeCanvas;
class WatermarkPlot;
class StreamCanvas;

class StreamView : public QWidget {
    Q_OBJECT
public:
    explicit StreamView(QWidget* parent = nullptr);
    ~StreamView() override;

    // --- loading ---
    /// The "Open trace…" dialog, then a background load.
    void openTraceDialog();
    /// Starts reading and running the trace in a background thread; false if a load is running.
    bool startLoad(const QString& path, const stream_observe::RunOptions& options);
    /// The same, synchronously (command line, screenshots). On failure the message is shown and returned.
    bool loadNow(const QString& path, const stream_observe::RunOptions& options, QString* error = nullptr);
    void cancelLoad();
    bool isLoading() const { return m_loading; }
    /// The last load's message in the UI language ("" after a successful load).
    QString lastError() const { return m_lastError; }
    const stream_observe::StreamObservation* observation() const { return m_obs.get(); }
    /// Shows a run that is still going (a trace fed into a simulated topic): takes a copy when it
    /// changed, keeps the key filter, and puts the cursor on the last element read by `time`.
    void showLiveObservation(const stream_observe::StreamObservation& obs, labs::Millis time);
    /// What stops the live run (SimulationController::streamProblem), shown in red in the summary line
    /// after the run's summary; empty: none.
    void setLiveProblem(const QString& problem);
    QString liveProblem() const { return m_liveProblem; }
    StreamCanvas* canvas() const { return m_canvas; }
    PipelineCanvas* pipeline() const { return m_pipeline; }
    WatermarkPlot* watermarkPlot() const { return m_plot; }
    /// The same trace with processing-time windows (a tab under the event-time picture).
    ProcTimeCanvas* processingTimeCanvas() const { return m_procCanvas; }
    const stream_observe::StreamObservation* processingTimeObservation() const { return m_procObs.get(); }
    /// A lane per key: its state, pending timers, windows and last output (a tab under the picture).
    KeyLanesCanvas* keyLanes() const { return m_lanes; }
    /// Loads the run of a `fluxolab-cli replay ARGS` typed in the terminal (synchronously: the labs'
    /// traces are small). False with the reason in lastError() when the arguments are not a run.
    bool loadReplay(const QStringList& args, const QString& workDir);
    /// Shows one of the tabs under the picture: 0 pipeline, 1 plot, 2 processing-time windows, 3 keys.
    void showDetailsTab(int index);

    // --- playback ---
    void setStep(std::uint64_t step);
    std::uint64_t step() const;
    void setPlaying(bool on);
    bool isPlaying() const;

    // --- why has this window not fired? ---
    void selectWindow(int index);
    int selectedWindow() const { return m_selected; }
    std::optional<stream_observe::WhyNotFired> why() const;
    QString whyText() const;
    /// Re-runs with the idle (0) or shorter-bound (1) what-if; false when it does not apply.
    bool runWhatIf(int which);
    QString whatIfText() const;
    const stream_observe::StreamObservation* whatIfObservation() const {
        return m_whatIf ? m_whatIf.get() : nullptr;
    }
    /// Shows the what-if run in the view (it becomes the current observation).
    void adoptWhatIf();
    /// The why panel under the event-time picture, in place of the tabs (the view too narrow for it
    /// beside the picture: 1366 px beside the lab panel), rather than at its right.
    bool whyUnderPicture() const { return m_whyUnder; }
    QWidget* whyPanel() const;
    /// The why panel's text (its table must fit its width: tests look for a horizontal scroll bar).
    QTextBrowser* whyBrowser() const { return m_whyText; }

    /// The event-time plot's least height beside the key lanes' tab, in lines of the picture's text
    /// (Theme::font(9)): the lanes give up lines, then lanes, to keep it.
    static constexpr double kMinPlotLines = 7;

    // --- exports, presentation ---
    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;
    /// The firings in replay's format, with a header.
    bool exportCsv(const QString& path) const;
    void setPresentation(bool on);

    /// A trace's error (the reader's or the view's bounds: a code with its parameters) as the UI's
    /// sentence, in the UI language; the file by its name, or by its whole path (`fullPath`: where
    /// the path was worked out for the user, as a scenario's trace feed).
    static QString describeError(const traces::TraceError& error, bool fullPath = false);

Q_SIGNALS:
    void loadFinished(bool ok);
    void stepChanged(std::uint64_t step);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    /// With the key lanes' tab in front, the tabs get the height of three lanes (as many text lines per
    /// lane as fit in 45 % of the pictures' height), taken from the event-time picture; the sizes
    /// before come back with another tab.
    void fitKeyLanes();
    void finishLoad(std::shared_ptr<stream_observe::ObserveResult> result);
    void setObservation(std::unique_ptr<stream_observe::StreamObservation> obs);
    void refreshStatus();
    void refreshWhy();
    /// Puts the why panel beside the picture or, when that would leave the picture narrower than it
    /// stays legible, under it in place of the tabs (its text and buttons side by side).
    void placeWhyPanel();
    /// The why panel beside the picture: its width on opening, and when the picture would get less than it needs.
    void fitWhyBeside(bool opening);
    /// The why panel beside the picture: wider by what its text needs not to scroll sideways (room permitting).
    void widenWhyForItsText();
    /// Puts the summary beside the buttons, or on its own row under them when beside them it would take
    /// more than two lines.
    void placeSummary();
    /// The playback position's least width: its text on one line, as far as the scrubber keeps its own.
    void fitPosition();
    void tick();

    std::unique_ptr<stream_observe::StreamObservation> m_obs;
    std::unique_ptr<stream_observe::StreamObservation> m_whatIf;
    QString m_whatIfDesc;
    int m_selected = -1;
    QString m_lastError;
    QString m_liveProblem;
    stream_observe::RunOptions m_lastOptions;
    QString m_lastPath;

    std::thread m_worker;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_progress{0}; ///< per mille
    /// The background load's result, handed over under a mutex and picked up by the progress timer
    /// on the UI thread (no cross-thread queued call: its hand-over is invisible to ThreadSanitizer).
    std::mutex m_resultMutex;
    std::shared_ptr<stream_observe::ObserveResult> m_result;
    bool m_loading = false;

    StreamCanvas* m_canvas;
    QTabWidget* m_details;
    PipelineCanvas* m_pipeline;
    WatermarkPlot* m_plot;
    ProcTimeCanvas* m_procCanvas;
    KeyLanesCanvas* m_lanes;
    QSplitter* m_pictures = nullptr;
    QList<int> m_sizesBeforeLanes;
    /// The steps (ascending: elements, firings and keyed changes are in step order) of the
    /// observation's elements read again after a crash, of its firings emitted twice, and of the
    /// process function's outputs (not the duplicates): the header's counts up to the step shown are
    /// binary searches in them (and in the observation's firings).
    struct Counts {
        std::vector<std::uint64_t> replayed, duplicates, outputs;
        /// How many of `steps` are at or before `step`.
        static std::size_t upTo(const std::vector<std::uint64_t>& steps, std::uint64_t step);
    } m_counts;
    std::unique_ptr<stream_observe::StreamObservation> m_procObs;
    QToolButton* m_pipelineButton;
    QToolButton* m_open;
    QLabel* m_summary;
    QHBoxLayout* m_top = nullptr;
    QHBoxLayout* m_summaryRow = nullptr;
    bool m_summaryBelow = false;
    QString m_summaryPlacedFor;

public:
    /// True when the summary is on its own row under the buttons (tests).
    bool summaryOnItsOwnRow() const { return m_summaryBelow; }
    QLabel* summaryLabel() const { return m_summary; }

private:
    QProgressBar* m_bar;
    QPushButton* m_cancelButton;
    QComboBox* m_keys;
    QFrame* m_whyPanel;
    QBoxLayout* m_whyLayout = nullptr;
    QSplitter* m_split = nullptr;
    bool m_whyUnder = false;
    QList<int> m_sizesBeforeWhy;
    QTextBrowser* m_whyText;
    QPushButton* m_idleButton;
    QPushButton* m_boundButton;
    QLabel* m_whatIfLabel;
    QPushButton* m_adoptButton;
    QPushButton* m_closeWhy;
    QToolButton* m_back;
    QToolButton* m_play;
    QToolButton* m_fwd;
    QComboBox* m_speed;
    QSlider* m_slider;
    QLabel* m_position;
    QHBoxLayout* m_playBar = nullptr;
    QTimer* m_timer;
    QTimer* m_progressTimer;
    double m_carry = 0;
    bool m_updating = false;
};

} // namespace fluxolab::app
