#include "app/stream/watermarkplot.h"
#include "app/stream/streampalette.h"

#include <QDateTime>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>
#include <algorithm>
#include <optional>

namespace fluxolab::app {

using stream_observe::StreamObservation;
using Millis = labs::Millis;

using namespace stream_palette;

WatermarkPlot::WatermarkPlot(QWidget* parent) : QWidget(parent) {
    setMinimumSize(320, 60);
}

void WatermarkPlot::setObservation(const StreamObservation* observation) {
    m_obs = observation;
    ++m_generation;
    m_maxEvent.clear();
    if (m_obs) {
        m_maxEvent.reserve(m_obs->elements.size());
        Millis m = labs::kMinTime;
        for (const auto& e : m_obs->elements) {
            m = std::max(m, e.eventTime);
            m_maxEvent.push_back(m);
        }
    }
    m_step = observation ? observation->lastStep() : 0;
    update();
}

void WatermarkPlot::setStep(std::uint64_t step) {
    m_step = m_obs ? std::min(step, m_obs->lastStep()) : 0;
    update();
}

void WatermarkPlot::setTheme(const Theme& theme) {
    m_theme = theme;
    update();
}

Millis WatermarkPlot::maxEventTimeAt(std::uint64_t step) const {
    if (step == 0 || m_maxEvent.empty()) return labs::kMinTime;
    return m_maxEvent[std::min<std::size_t>(step, m_maxEvent.size()) - 1];
}

void WatermarkPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    render(p, QSizeF(size()));
}

void WatermarkPlot::render(QPainter& p, QSizeF size) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    if (!m_obs || m_obs->elements.empty()) {
        p.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
        p.restore();
        return;
    }
    const StreamObservation& o = *m_obs;
    const QFont font = m_theme.font(9);
    const QFontMetricsF fm(font);
    p.setFont(font);
    const double m = m_theme.px(8);
    const double labelW = fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + m;
    const double legendH = fm.height() + m_theme.px(4);
    const QRectF plot(m + labelW, m + legendH, size.width() - 2 * m - labelW,
                      std::max(20.0, size.height() - 2 * m - legendH - fm.height()));

    // Event-time range; processing time only when it lives in the same range (arrival times of the same
    // clock), else it is left out with a note.
    // Not a structured binding: the lambdas below capture lo and hi (Clang 14 cannot capture a binding).
    const auto range = m_range.of(o);
    Millis lo = range.first, hi = range.second;
    const bool arrival = o.hasArrivalTimes();
    const Millis span = std::max<Millis>(1, hi - lo);
    const Millis procLo = o.processingTimeAt(1), procHi = o.processingTimeAt(o.elements.size());
    const bool drawProc = arrival && procLo > lo - span && procHi < hi + span;
    if (drawProc) {
        lo = std::min(lo, procLo);
        hi = std::max(hi, procHi);
    }
    const Millis pad = std::max<Millis>(1, (hi - lo) / 20);
    lo -= pad;
    hi += pad;
    const std::uint64_t last = std::max<std::uint64_t>(1, o.lastStep());
    const auto x = [&](double step) { return plot.left() + plot.width() * step / static_cast<double>(last); };
    const auto y = [&](Millis t) {
        const double f = static_cast<double>(t - lo) / static_cast<double>(std::max<Millis>(1, hi - lo));
        return plot.bottom() - std::clamp(f, -0.02, 1.02) * plot.height();
    };

    // One sample per pixel column: the state after the last element of the column (all three are
    // non-decreasing, so the column's last value is its largest).
    const int columns = std::max(1, static_cast<int>(plot.width()));
    // Columns [from, to] of a series, up to step `upto`.
    const auto series = [&](QPainter& q, auto value, const QColor& colour, std::uint64_t upto, double width, int from,
                            int to) {
        QPainterPath path;
        bool open = false;
        for (int c = from; c <= to; ++c) {
            const auto s = static_cast<std::uint64_t>(static_cast<double>(last) * c / columns);
            if (s > upto) break;
            const std::optional<Millis> v = value(s);
            if (!v) {
                open = false;
                continue;
            }
            const QPointF pt(x(static_cast<double>(s)), y(*v));
            if (open) {
                path.lineTo(pt);
            } else {
                path.moveTo(pt);
                open = true;
            }
        }
        q.setPen(QPen(colour, m_theme.px(width)));
        q.setBrush(Qt::NoBrush);
        q.drawPath(path);
    };
    const auto maxEvent = [&](std::uint64_t s) -> std::optional<Millis> {
        const Millis v = maxEventTimeAt(std::min<std::uint64_t>(s, o.elements.size()));
        return v == labs::kMinTime ? std::nullopt : std::optional<Millis>(v);
    };
    const auto watermark = [&](std::uint64_t s) -> std::optional<Millis> {
        const Millis v = o.operatorWatermarkAt(s);
        return v == labs::kMinTime || v == labs::kMaxTime ? std::nullopt : std::optional<Millis>(v);
    };
    const auto processing = [&](std::uint64_t s) -> std::optional<Millis> {
        if (s == 0) return std::nullopt;
        return o.processingTimeAt(s);
    };
    const auto lines = [&](QPainter& q, bool now, int from, int to) {
        // The whole run faint, then up to the cursor in full colour.
        const std::uint64_t upto = now ? m_step : last;
        const auto faint = [&](QColor c) {
            if (!now) c.setAlpha(60);
            return c;
        };
        if (drawProc) series(q, processing, faint(kProcessing), upto, now ? 2 : 1.5, from, to);
        series(q, maxEvent, faint(kEvent), upto, now ? 2 : 1.5, from, to);
        series(q, watermark, faint(kWatermark), upto, now ? 2.5 : 1.5, from, to);
    };
    // What does not move with the cursor: background, frame, axes, the whole run's faint lines.
    const auto still = [&](QPainter& q) {
        q.setRenderHint(QPainter::Antialiasing);
        q.setFont(font);
        q.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
        q.setPen(QPen(m_theme.border, 1));
        q.setBrush(m_theme.panel);
        q.drawRect(plot);
        const int ticks = std::max(1, static_cast<int>(plot.height() / (fm.height() * 2)));
        for (int i = 0; i <= ticks; ++i) {
            const Millis t = lo + (hi - lo) * i / ticks;
            q.setPen(QPen(m_theme.emptyCell, 1));
            q.drawLine(QPointF(plot.left(), y(t)), QPointF(plot.right(), y(t)));
            q.setPen(m_theme.muted);
            q.drawText(
                QRectF(m, y(t) - fm.height() / 2, labelW - m_theme.px(4), fm.height()),
                Qt::AlignRight | Qt::AlignVCenter,
                QDateTime::fromMSecsSinceEpoch(t, Qt::UTC)
                    .toString(hi - lo < 20000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss")));
        }
        q.setPen(m_theme.muted);
        q.drawText(QRectF(plot.left(), plot.bottom(), plot.width(), fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tr("arrival order (event number) →"));
        lines(q, false, 0, columns);
    };
    // The still picture kept as an image of the device's pixels (a 2x screen too: combinedTransform()
    // holds the device pixel ratio, so the painter's own transform is what is left after it).
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    const bool cacheable = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                           (p.combinedTransform() * QTransform::fromScale(1 / dpr, 1 / dpr)).type() <=
                               QTransform::TxTranslate &&
                           size == QSizeF(size.toSize()) && QSizeF(size * dpr) == QSizeF((size * dpr).toSize());
    if (cacheable) {
        if (m_background.isNull() || m_backgroundGeneration != m_generation || m_backgroundSize != size ||
            m_backgroundScale != m_theme.scale || m_backgroundElements != o.elements.size() ||
            m_backgroundRatio != dpr) {
            m_background = QImage((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
            m_background.setDevicePixelRatio(dpr);
            m_backgroundRatio = dpr;
            QPainter q(&m_background);
            still(q);
            q.end();
            m_backgroundGeneration = m_generation;
            m_backgroundSize = size;
            m_backgroundScale = m_theme.scale;
            m_backgroundElements = o.elements.size();
        }
        p.drawImage(QPointF(0, 0), m_background);
        // The lines up to the cursor: pieces of 64 columns the cursor has passed are kept in a layer (a
        // seek back or a new background clears it); the columns since the last finished piece are drawn.
        constexpr int kPiece = 64;
        int passed = static_cast<int>(static_cast<double>(m_step) * columns / static_cast<double>(last));
        while (passed > 0 && static_cast<std::uint64_t>(static_cast<double>(last) * passed / columns) > m_step) --passed;
        while (passed < columns && static_cast<std::uint64_t>(static_cast<double>(last) * (passed + 1) / columns) <= m_step)
            ++passed;
        const int want = passed / kPiece;
        if (m_now.size() != m_background.size() || m_nowFor != m_background.cacheKey() || m_nowPieces > want) {
            m_now = QImage(m_background.size(), QImage::Format_ARGB32_Premultiplied);
            m_now.setDevicePixelRatio(dpr);
            m_now.fill(Qt::transparent);
            m_nowFor = m_background.cacheKey();
            m_nowPieces = 0;
        }
        if (m_nowPieces < want) {
            QPainter q(&m_now);
            q.setRenderHint(QPainter::Antialiasing);
            for (int k = m_nowPieces; k < want; ++k)
                lines(q, true, k * kPiece, (k + 1) * kPiece);
            q.end();
            m_nowPieces = want;
        }
        p.drawImage(QPointF(0, 0), m_now);
        p.setFont(font);
        lines(p, true, want * kPiece, columns);
    } else {
        still(p);
        p.setFont(font);
        lines(p, true, 0, columns);
    }
    p.setFont(font);
    // Cursor.
    p.setPen(QPen(m_theme.text, m_theme.px(1), Qt::DashLine));
    p.drawLine(QPointF(x(static_cast<double>(m_step)), plot.top()),
               QPointF(x(static_cast<double>(m_step)), plot.bottom()));

    // Legend.
    double lx = plot.left();
    const double ly = m;
    std::vector<std::pair<QColor, QString>> items{{kEvent, tr("max event time seen")},
                                                  {kWatermark, tr("operator watermark")}};
    if (drawProc)
        items.emplace_back(kProcessing, tr("processing time"));
    else if (!arrival)
        items.emplace_back(m_theme.muted, tr("(no arrival column: processing time does not advance)"));
    else
        items.emplace_back(m_theme.muted, tr("(processing time is on another clock: not drawn)"));
    for (const auto& [colour, text] : items) {
        p.setPen(QPen(colour, m_theme.px(2.5)));
        if (colour != m_theme.muted) {
            p.drawLine(QPointF(lx, ly + fm.height() / 2), QPointF(lx + m_theme.px(16), ly + fm.height() / 2));
            lx += m_theme.px(20);
        }
        p.setPen(colour == m_theme.muted ? m_theme.muted : m_theme.text);
        p.drawText(QPointF(lx, ly + fm.ascent()), text);
        lx += fm.horizontalAdvance(text) + m_theme.px(14);
    }
    p.restore();
}

} // namespace fluxolab::app
