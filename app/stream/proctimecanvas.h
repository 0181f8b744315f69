#pragma once
// Processing-time windows on the same input, under the event-time picture (the course contrasts them):
// the same elements (arrival order on X, event time on Y), but the windows are the job's windows
// assigned by the processing time of arrival, so they are vertical bands — a window holds what arrived
// during it, whatever its event time, fires when processing time passes its end, and has no late data.
// Draws a second StreamObservation of the same trace, run with processing-time windows
// (stream_observe::rerun).

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include "app/core/theme.h"
#include "app/stream/eventrange.h"
#include "app/stream/placedtext.h"

#include <QWidget>

namespace fluxolab::app {

class ProcTimeCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ProcTimeCanvas(QWidget* parent = nullptr);

    /// The run with processing-time windows (null: none; `note` says why, e.g. no arrival column).
    void setObservation(const stream_observe::StreamObservation* observation, const QString& note = {});
    void setStep(std::uint64_t step);
    void setTheme(const Theme& theme);
    void render(QPainter& painter, QSizeF size) const;
    /// The texts of the last render, where they went (tests measure them).
    const std::vector<PlacedText>& placedTexts() const { return m_placed; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const stream_observe::StreamObservation* m_obs = nullptr;
    QString m_note;
    std::uint64_t m_step = 0;
    Theme m_theme = Theme::normal();
    mutable std::vector<PlacedText> m_placed;
    EventTimeRange m_range;
};

} // namespace fluxolab::app
