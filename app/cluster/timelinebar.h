#pragma once
// Play/pause, step by journal event, speed, scrubber over every past event, virtual time and seed.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QToolButton;

namespace fluxolab::app {

class SimulationController;

/// A click on the slider's groove moves the handle there (instead of one page towards it).
void jumpToClick(QSlider* slider);

class TimelineBar : public QWidget {
    Q_OBJECT
public:
    explicit TimelineBar(SimulationController* controller, QWidget* parent = nullptr);

    QSlider* scrubber() const { return m_slider; }
    QComboBox* speedBox() const { return m_speed; }
    QLineEdit* seedEdit() const { return m_seed; }
    QString timeText() const;
    /// The event text under the controls, whether `text` would be shown whole there (wrapped on the
    /// lines the row has at its width), and where it goes (in the bar's coordinates of its label).
    QString eventText() const;
    bool eventFits(const QString& text) const;
    QRect eventRect() const;
    /// The marks drawn on the scrubber (rebalances, broker failures, elections), as the observation lists them.
    std::size_t markerCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void applySeed();

    SimulationController* m_controller;
    QToolButton* m_back;
    QToolButton* m_play;
    QToolButton* m_step;
    QToolButton* m_now;
    QComboBox* m_speed;
    QSlider* m_slider;
    QLabel* m_time;
    QLabel* m_event;
    QLabel* m_seedLabel;
    QLineEdit* m_seed;
    QToolButton* m_copySeed;
    bool m_updating = false;
};

} // namespace fluxolab::app
