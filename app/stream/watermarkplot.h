#pragma once
// Three lines over the run, on the event-time axis: the largest event time seen so far, the operator
// watermark, and processing time (when the trace has arrival times). The gap between the first two is
// the out-of-orderness bound; a watermark that stays flat while the max climbs is one held back (an
// idle or slow partition, periodic emission without processing time). Drawn one sample per pixel
// column, so a run of a million events costs what its width costs.

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include "app/core/theme.h"
#include "app/stream/eventrange.h"

#include <QImage>
#include <QWidget>

namespace fluxolab::app {

class WatermarkPlot : public QWidget {
    Q_OBJECT
public:
    explicit WatermarkPlot(QWidget* parent = nullptr);

    void setObservation(const stream_observe::StreamObservation* observation);
    void setStep(std::uint64_t step);
    std::uint64_t step() const { return m_step; }
    void setTheme(const Theme& theme);
    void render(QPainter& painter, QSizeF size) const;

    /// Largest event time among the first `step` elements (kMinTime before any).
    labs::Millis maxEventTimeAt(std::uint64_t step) const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const stream_observe::StreamObservation* m_obs = nullptr;
    std::uint64_t m_step = 0;
    Theme m_theme = Theme::normal();
    std::vector<labs::Millis> m_maxEvent; ///< running maximum per element
    EventTimeRange m_range;
    /// The frame, the axes and the whole run's faint lines do not change while the cursor moves: drawn
    /// once into an image per observation, size and theme (raster painters at one pixel per unit).
    std::uint64_t m_generation = 0;
    mutable QImage m_background;
    mutable std::uint64_t m_backgroundGeneration = ~0ULL;
    mutable QSizeF m_backgroundSize;
    mutable double m_backgroundScale = 0;
    mutable std::size_t m_backgroundElements = 0;
    mutable qreal m_backgroundRatio = 0; ///< the device pixel ratio it was drawn for (a 2x screen: 2)
    /// The lines up to the cursor in pieces of 64 columns (the first m_nowPieces), for the background
    /// image m_nowFor (its cacheKey).
    mutable QImage m_now;
    mutable qint64 m_nowFor = 0;
    mutable int m_nowPieces = 0;
};

} // namespace fluxolab::app
