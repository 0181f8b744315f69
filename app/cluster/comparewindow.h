#pragma once
// Side-by-side compare mode: the same scenario and seed run under two assignors (for instance range,
// eager, against cooperative-sticky) in two cluster views that share one timeline. Both runs are
// always shown at the same virtual time, the time of the main window's controller: the window has
// no clock of its own (its play, step, speed and slider act on that controller, and the sides
// follow its changed()), so pausing, scrubbing or restarting the main run does the same here.

#include <QPointer>
#include <QWidget>

#include <cstdint>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace fluxolab::app {

class ClusterCanvas;
class SimulationController;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    /// Starts with `source`'s scenario and seed at its time (nothing loaded if it has no run), and
    /// from then on shows `source`'s time: `source` is the one clock (a new load of it reloads both sides).
    explicit CompareWindow(SimulationController* source, QWidget* parent = nullptr);
    ~CompareWindow() override;

    SimulationController* left() const { return m_left; }
    SimulationController* right() const { return m_right; }
    ClusterCanvas* leftView() const { return m_leftView; }
    ClusterCanvas* rightView() const { return m_rightView; }
    /// The producers and the legend, drawn once for both sides (their producers are the same: the
    /// same scenario and seed; the assignor changes only what the consumers do), left of them.
    ClusterCanvas* producersView() const { return m_clientsView; }
    /// "No consumer group…": shown while neither side has one (the assignors have nothing to do).
    QLabel* noGroupsNote() const { return m_noGroups; }
    /// Assignor of each side (SimulationController::assignorKinds()); reloads both runs at the current time.
    void setAssignors(int left, int right);
    /// Moves the clock (the source controller: SimulationController::runTo) to virtual time `ms`;
    /// both runs follow (simulating as needed).
    void seekTime(std::int64_t ms);
    /// The clock to the next journal event of either side.
    void stepForward();
    std::int64_t time() const { return m_time; }
    /// The source's playback (the one clock) plays.
    bool isPlaying() const;
    void setPlaying(bool playing);
    /// Advances the source's playback as if `wallMs` of wall-clock time had passed (what its frame
    /// timer does); both runs follow.
    void advance(double wallMs);
    /// Projector theme on both views (as the main window's presentation mode).
    void setPresentation(bool on);
    bool isPresentation() const { return m_presentation; }
    /// After a load of both sides (opening the window, another assignor, a new load of the source)
    /// the sides catch up with the source's time in slices of about kCatchUpSliceMs of the UI
    /// thread each (the first kFirstCatchUpSliceMs), the event loop running between them: opening
    /// the window late in a long run does not freeze it. Meanwhile the views show the sides where
    /// they were loaded and a label says how far the catch-up is; the source's moves retarget it.
    bool isCatchingUp() const { return m_catchingUp; }
    /// 0..1: the sides' simulated time over the time they catch up with.
    double catchUpProgress() const;
    /// Ends a catch-up at once (a screenshot from the command line).
    void finishCatchUp();
    static constexpr int kFirstCatchUpSliceMs = 16;
    static constexpr int kCatchUpSliceMs = 8;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void reload();
    void retranslate();
    void refresh();
    /// Both runs to the source's time (its changed()).
    void follow();
    /// One slice of the catch-up (budget_ms of wall time for both sides; 0: to the end).
    void catchUpSlice(int budget_ms);
    /// The producers strip as wide as it needs at the sides' scale (which depends on the width the
    /// strip leaves them: a few rounds, each narrowing the difference).
    void fitProducersStrip();

    QPointer<SimulationController> m_source; ///< the one clock (the main window's controller)
    SimulationController* m_left;
    SimulationController* m_right;
    ClusterCanvas* m_leftView;
    ClusterCanvas* m_rightView;
    ClusterCanvas* m_clientsView;
    QLabel* m_noGroups;
    QComboBox* m_leftAssignor;
    QComboBox* m_rightAssignor;
    QLabel* m_leftTitle;
    QLabel* m_rightTitle;
    QToolButton* m_play;
    QToolButton* m_step;
    QComboBox* m_speed;
    QSlider* m_slider;
    QLabel* m_timeLabel;
    QLabel* m_explain;
    QLabel* m_catchUpLabel;
    std::int64_t m_time = 0;
    std::int64_t m_furthest = 0; ///< furthest time shown: the slider reaches at least this far
    bool m_updating = false;
    bool m_presentation = false;
    double m_stripScale = 0; ///< the sides' scale the producers strip was last fitted to
    bool m_catchingUp = false;
    std::uint64_t m_catchUpGeneration = 0; ///< a queued slice of an abandoned catch-up does nothing
};

} // namespace fluxolab::app
