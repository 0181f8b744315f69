#pragma once
// Side-by-side compare mode: the same scenario and seed run under two assignors (for instance range,
// eager, against cooperative-sticky) in two cluster views that share one timeline. Both runs are
// always shown at the same virtual time.

#include <QWidget>

#include <cstdint>

class QComboBox;
class QElapsedTimer;
class QTimer;
class QLabel;
class QSlider;
class QToolButton;

namespace fluxolab::app {

class ClusterCanvas;
class SimulationController;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    /// Starts with `source`'s scenario and seed (nothing loaded if it has no run).
    explicit CompareWindow(const SimulationController* source, QWidget* parent = nullptr);
    ~CompareWindow() override;

    SimulationController* left() const { return m_left; }
    SimulationController* right() const { return m_right; }
    ClusterCanvas* leftView() const { return m_leftView; }
    ClusterCanvas* rightView() const { return m_rightView; }
    /// Assignor of each side (SimulationController::assignorKinds()); reloads both runs at the current time.
    void setAssignors(int left, int right);
    /// Moves both runs to virtual time `ms` (simulating as needed).
    void seekTime(std::int64_t ms);
    /// Both runs to the next journal event of either side.
    void stepForward();
    std::int64_t time() const { return m_time; }
    bool isPlaying() const;
    void setPlaying(bool playing);
    /// Advances both runs as if `wallMs` of wall-clock time had passed at the current speed.
    void advance(double wallMs);
    /// Projector theme on both views (as the main window's presentation mode).
    void setPresentation(bool on);
    bool isPresentation() const { return m_presentation; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void reload();
    void retranslate();
    void refresh();

    const SimulationController* m_source;
    SimulationController* m_left;
    SimulationController* m_right;
    ClusterCanvas* m_leftView;
    ClusterCanvas* m_rightView;
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
    QTimer* m_timer;
    QElapsedTimer* m_wall;
    std::int64_t m_time = 0;
    std::int64_t m_furthest = 0; ///< furthest time shown: the slider reaches at least this far
    bool m_updating = false;
    bool m_presentation = false;
};

} // namespace fluxolab::app
