#pragma once
// The classic picture of event time: processing order (arrival) on X, event time on Y, every element a
// dot as it arrives, the operator watermark as a climbing line, windows as bands that fill and turn
// "fired" with their result, late elements as red triangles routed to the side output strip; below it,
// one lane per partition (split) with its watermark, idle spans greyed, and the operator's (their
// minimum over the active ones). Draws a StreamObservation (labs/stream_observe) at one step.

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include "app/core/theme.h"
#include "app/stream/eventrange.h"
#include "app/stream/placedtext.h"

#include <QStringList>
#include <QWidget>

namespace fluxolab::app {

class StreamCanvas : public QWidget {
    Q_OBJECT
public:
    explicit StreamCanvas(QWidget* parent = nullptr);

    void setObservation(const stream_observe::StreamObservation* observation);
    void setStep(std::uint64_t step);
    std::uint64_t step() const { return m_step; }
    /// Only this key's windows and elements ("" = every key).
    void setKeyFilter(const QString& key);
    void setSelectedWindow(int index);
    int selectedWindow() const { return m_selected; }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return m_theme; }
    /// Paints the whole picture into `size` (exports use it: PNG at any scale, SVG).
    void render(QPainter& painter, QSizeF size) const;
    /// The window under a point (index into observation().windows), or -1.
    int windowAt(QPointF pos) const;
    /// Rectangle of the main plot and of a window's band, in widget coordinates (tests, clicks).
    QRectF plotRect(QSizeF size) const;
    QRectF bandRect(int window, QSizeF size) const;

    /// The texts of the last render, where they went (tests measure them).
    const std::vector<PlacedText>& placedTexts() const { return m_placed; }

Q_SIGNALS:
    void windowClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Geometry;
    Geometry geometry(QSizeF size) const;
    bool visibleKey(const std::string& key) const;

    const stream_observe::StreamObservation* m_obs = nullptr;
    std::uint64_t m_step = 0;
    QString m_key;
    std::string m_keyUtf8;
    int m_selected = -1;
    Theme m_theme = Theme::normal();
    mutable std::vector<PlacedText> m_placed;
    EventTimeRange m_range;
    /// The operator watermark (minimum over the window subtasks) where it changes, merged once per
    /// observation (and again when the observation grows), not on every frame.
    const std::vector<stream_observe::WatermarkPoint>& operatorHistory() const;
    mutable const stream_observe::StreamObservation* m_opFor = nullptr;
    mutable std::size_t m_opSize = 0;
    mutable std::vector<stream_observe::WatermarkPoint> m_opHistory;
    /// The job's checkpoints, crash, restore and the process function's outputs, kept per observation.
    const std::vector<const stream_observe::KeyedChange*>& jobMarks() const;
    mutable const stream_observe::StreamObservation* m_marksFor = nullptr;
    mutable std::size_t m_marksSize = 0;
    mutable std::vector<const stream_observe::KeyedChange*> m_marks;

public:
    /// The marks the last render drew ("CP 1", "✖ crash", "↺ #1", "⚠"): tests read them.
    const QStringList& drawnMarks() const { return m_drawnMarks; }

private:
    mutable QStringList m_drawnMarks;
};

} // namespace fluxolab::app
