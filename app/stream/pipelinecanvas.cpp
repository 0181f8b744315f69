#include "app/stream/pipelinecanvas.h"

#include "app/stream/devicelayer.h"
#include "app/stream/numbertext.h"
#include "app/stream/streampalette.h"

#include <QDateTime>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>
#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>

namespace fluxolab::app {

using stream_observe::ObservedWindow;
using stream_observe::StreamObservation;
using Millis = labs::Millis;

namespace {
using namespace stream_palette;

QString wmText(Millis t) {
    if (t == labs::kMinTime) return QStringLiteral("−∞");
    if (t == labs::kMaxTime) return QStringLiteral("+∞");
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
}

/// A channel's watermark relative to the operator's: "=", "+1.2s", "+250ms", "−∞".
QString deltaText(Millis channel, Millis op) {
    if (channel == labs::kMinTime) return QStringLiteral("−∞");
    if (channel == labs::kMaxTime) return QStringLiteral("+∞");
    if (op == labs::kMinTime || op == labs::kMaxTime) return wmText(channel);
    const Millis d = channel - op;
    if (d == 0) return QStringLiteral("=");
    const QString sign = d > 0 ? QStringLiteral("+") : QStringLiteral("−");
    const Millis a = d > 0 ? d : -d;
    if (a < 1000) return sign + QStringLiteral("%1ms").arg(a);
    if (a < 600000)
        return sign + QString::number(static_cast<double>(a) / 1000.0, 'f', a < 10000 ? 1 : 0) +
               QStringLiteral("s");
    return sign + QString::number(a / 60000) + QStringLiteral("m");
}

/// A count for Qt's plural forms (%n): "1 record", "2 records"; "1 registo", "2 registos".
template <class N> int count(N n) { return n > static_cast<N>(INT_MAX) ? INT_MAX : static_cast<int>(n); }
QString records(std::uint64_t n) { return PipelineCanvas::tr("%n records", nullptr, count(n)); }
QString timersPending(int n) { return PipelineCanvas::tr("%n timers pending", nullptr, n); }
/// The processing-time timers a bounded input's end dropped (Flink never fires them).
QString timersDropped(int n) { return PipelineCanvas::tr("%n timers dropped", nullptr, n); }
QString openWindowsText(int n) { return PipelineCanvas::tr("%n open windows", nullptr, n); }
/// The short forms of "313 records · 0 open windows" for a narrow box.
QString briefTimers(std::uint64_t in, int pending, int dropped = 0) {
    return PipelineCanvas::tr("%n rec.", nullptr, count(in)) + QStringLiteral(" · ") +
           (dropped > 0 && pending == 0 ? PipelineCanvas::tr("%n dropped", nullptr, dropped)
                                        : PipelineCanvas::tr("%n timers", nullptr, pending));
}
QString briefOpen(std::uint64_t in, int pending) {
    return PipelineCanvas::tr("%n rec.", nullptr, count(in)) + QStringLiteral(" · ") +
           PipelineCanvas::tr("%n open", nullptr, pending);
}

/// `n` boxes of at most `maxH` stacked in `area`, centred vertically.
std::vector<QRectF> stack(const QRectF& area, int n, double maxH, double gap) {
    std::vector<QRectF> out;
    if (n <= 0) return out;
    gap = std::min(gap, area.height() / (2.0 * n));
    const double h = std::max(2.0, std::min(maxH, (area.height() - gap * (n - 1)) / n));
    const double total = h * n + gap * (n - 1);
    double y = area.top() + std::max(0.0, (area.height() - total) / 2);
    for (int i = 0; i < n; ++i) {
        out.emplace_back(area.left(), y, area.width(), h);
        y += h + gap;
    }
    return out;
}

} // namespace

PipelineCanvas::PipelineCanvas(QWidget* parent) : QWidget(parent) {
    setMinimumSize(320, 60); // the stream view must still fit 1366x768 with the labs and the terminal
}

void PipelineCanvas::setObservation(const StreamObservation* observation) {
    m_obs = observation;
    m_flow = {};
    m_lanes = {};
    m_flowSeeker.reset();
    m_lanesSeeker.reset();
    m_step = observation ? observation->lastStep() : 0;
    update();
}

void PipelineCanvas::setStep(std::uint64_t step) {
    m_step = m_obs ? std::min(step, m_obs->lastStep()) : 0;
    update();
}

void PipelineCanvas::setTheme(const Theme& theme) {
    m_theme = theme;
    update();
}

void PipelineCanvas::setCachedLayer(bool on) {
    m_cacheLayer = on;
    m_layer.image = QImage();
    m_layer.drawn.clear();
    update();
}

bool PipelineCanvas::Drawn::operator==(const Drawn& o) const {
    // Exact coordinates (QRectF's own == is fuzzy): a layer is reused only for the very same pixels.
    const auto same = [](const QRectF& a, const QRectF& b) {
        return a.x() == b.x() && a.y() == b.y() && a.width() == b.width() && a.height() == b.height();
    };
    return kind == o.kind && same(rect, o.rect) && line.p1().x() == o.line.p1().x() &&
           line.p1().y() == o.line.p1().y() && line.p2().x() == o.line.p2().x() &&
           line.p2().y() == o.line.p2().y() && pen == o.pen && pen.widthF() == o.pen.widthF() && brush == o.brush &&
           radius == o.radius && font == o.font && flags == o.flags && text == o.text;
}

const std::vector<PlacedText>& PipelineCanvas::placedTexts() const {
    for (; m_placedMeasured < m_placed.size(); ++m_placedMeasured) {
        PlacedText& t = m_placed[m_placedMeasured];
        t.ink = QFontMetricsF(t.font).boundingRect(t.box, m_placedFlags[m_placedMeasured], t.text);
    }
    return m_placed;
}

namespace {
/// Draws the recorded things in order.
void drawAll(QPainter& p, const std::vector<PipelineCanvas::Drawn>& drawn) {
    using Kind = PipelineCanvas::Drawn::Kind;
    for (const PipelineCanvas::Drawn& d : drawn) {
        p.setPen(d.pen);
        switch (d.kind) {
        case Kind::Line:
            p.drawLine(d.line);
            break;
        case Kind::Box:
            p.setBrush(d.brush);
            p.drawRoundedRect(d.rect, d.radius, d.radius);
            break;
        case Kind::Text:
            p.setFont(d.font);
            p.drawText(d.rect, d.flags, d.text);
            break;
        }
    }
}
} // namespace

int PipelineCanvas::holdingChannel(const StreamObservation& obs, int subtask, std::uint64_t step) {
    int holder = -1;
    Millis lowest = labs::kMaxTime;
    for (int ch = 0; ch < obs.parallelism(); ++ch) {
        if (obs.channelIdleAt(subtask, ch, step)) continue;
        const Millis wm = obs.channelWatermarkAt(subtask, ch, step);
        if (holder < 0 || wm < lowest) {
            holder = ch;
            lowest = wm;
        }
    }
    return holder;
}

void PipelineCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    render(p, QSizeF(size()));
}

void PipelineCanvas::render(QPainter& p, QSizeF size) const {
    p.save();
    m_drawn.clear();
    m_placed.clear();
    m_placedFlags.clear();
    m_placedMeasured = 0;
    m_lines.clear();
    p.setRenderHint(QPainter::Antialiasing);
    if (!m_obs) {
        p.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
        p.restore();
        return;
    }
    const StreamObservation& o = *m_obs;
    const std::uint64_t step = m_step;
    m_flowSeeker.seek(o, m_flow, step);
    const QFont font = m_theme.font(9);
    const QFont bold = m_theme.font(9, true);
    const QFont small = m_theme.condensed(8);
    const QFontMetricsF fm(font), fsm(small);
    const double lineH = fm.height();
    const double m = m_theme.px(8);
    const double pad = m_theme.px(4);
    const int parts = std::max(1, o.partitions());
    const int par = std::max(1, o.parallelism());

    // Columns: partitions | sources | keyBy | window subtasks | sink + late side output.
    const QRectF area(m, m, size.width() - 2 * m, size.height() - 2 * m);
    const double w = area.width();
    // The columns as wide as their texts need (the partitions' and sources' watermarks, "313 records ·
    // 0 open windows", "Sink · 20 results"), the width left over shared as the default proportions
    // (18 %, 17.5 %, keyBy 10 %, 30 %, 19 %); when the needs do not fit, each gets its share of them.
    const QFontMetricsF fb(bold);
    const QString wmSample = QStringLiteral("00:00:00.000");
    const auto n = static_cast<qulonglong>(o.elements.size());
    const double inner = 2 * pad + 2;
    const double need[5] = {
        std::max(fb.horizontalAdvance(tr("P%1 · %n read", nullptr, count(n)).arg(parts - 1)),
                 fm.horizontalAdvance(tr("wm %1").arg(wmSample))) + inner,
        std::max(fb.horizontalAdvance(tr("Source %1/%2").arg(par - 1).arg(par)),
                 fm.horizontalAdvance(tr("wm %1").arg(wmSample))) + inner,
        // (the newest record's key above its event time when they do not fit on one line)
        std::max(fb.horizontalAdvance(tr("keyBy")), fsm.horizontalAdvance(QStringLiteral("@ ") + wmSample)) + inner,
        // (its detail line, "313 records · 0 open windows", goes on two lines or in its short form when the
        // column is narrower: those are what it needs)
        o.hasProcessFunction()
            ? std::max({fb.horizontalAdvance(tr("Process %1/%2 · wm %3").arg(par - 1).arg(par).arg(wmSample)),
                        fm.horizontalAdvance(records(n)), fm.horizontalAdvance(timersPending(0)),
                        fm.horizontalAdvance(timersDropped(0)), fm.horizontalAdvance(briefTimers(n, 0)),
                        fm.horizontalAdvance(briefTimers(n, 0, 1))}) + inner
            : std::max({fb.horizontalAdvance(tr("Window %1/%2 · wm %3").arg(par - 1).arg(par).arg(wmSample)),
                        fm.horizontalAdvance(records(n)), fm.horizontalAdvance(openWindowsText(0)),
                        fm.horizontalAdvance(briefOpen(n, 0))}) + inner,
        o.hasProcessFunction()
            ? fb.horizontalAdvance(tr("Sink · %n outputs", nullptr, count(n))) + inner
            : std::max({fb.horizontalAdvance(tr("Sink · %n results", nullptr, count(m_flow.firings))),
                        fb.horizontalAdvance(tr("Late side output")),
                        fm.horizontalAdvance(tr("%n late elements", nullptr, count(m_flow.late)))}) + inner};
    const double share[5] = {0.18, 0.175, 0.10, 0.30, 0.19}; // of the 94.5 % the gaps leave
    double needed = 0;
    for (const double v : need)
        needed += v;
    // The gaps hold edges only: narrower when the texts need the room.
    const bool tight = needed > w * 0.945;
    const double gapPS = tight ? m_theme.px(14) : w * 0.03, gapWS = tight ? m_theme.px(14) : w * 0.025;
    const double avail = w - gapPS - gapWS;
    double colW[5];
    if (needed <= avail) {
        for (int i = 0; i < 5; ++i)
            colW[i] = need[i] + (avail - needed) * share[i] / 0.945;
    } else {
        // Short of room (1366×768 presentation beside the lab panel): the columns whose second lines
        // are details give first (the window subtasks' "313 records · 0 open windows", the partitions'
        // and the sources' watermarks, down to 60 % of their need), so that the sink's title stays
        // whole; what is still missing is taken from every column by its share.
        double missing = needed - avail;
        for (int i = 0; i < 5; ++i)
            colW[i] = need[i];
        for (const int i : {3, 0, 1}) {
            const double give = std::min(missing, colW[i] * 0.4);
            colW[i] -= give;
            missing -= give;
        }
        if (missing > 0) {
            const double total = avail + missing;
            for (double& c : colW)
                c *= avail / total;
        }
    }
    const double srcLeft = area.left() + colW[0] + gapPS;
    const double winLeft = srcLeft + colW[1] + colW[2];
    const double sinkLeft = winLeft + colW[3] + gapWS;
    const double sinkW = colW[4];
    // The headers: each in its own stretch of the width, never over its neighbour's; on two lines when
    // one does not fit on one (in Portuguese at 1366 px with the lab panel open).
    const QString headers[] = {
        tr("Partitions (splits)"), tr("Source + watermarks ×%1").arg(par), tr("keyBy"),
        o.hasProcessFunction()
            ? tr("Keyed process %1 ×%2").arg(QString::fromStdString(o.options.processText)).arg(par)
            : tr("Window %1 ×%2").arg(QString::fromStdString(stream_observe::windowText(o.options.job.window))).arg(par),
        tr("Sink")};
    // Each header centred on its column, then pushed right past the one before it and back left from
    // the right edge: the keyBy header gives way to the source's, which is wider than its column.
    const double centres[] = {area.left() + colW[0] / 2, srcLeft + colW[1] / 2, srcLeft + colW[1] + colW[2] / 2,
                              winLeft + colW[3] / 2, sinkLeft + sinkW / 2};
    const QFont narrow = m_theme.condensed(9, true);
    QFont headFont[5];
    double spans[5][2];
    const double hgap = m_theme.px(10);
    int headLines = 1;
    for (const bool condensedOnly : {false, true}) {
        for (int i = 0; i < 5; ++i) {
            headFont[i] = condensedOnly ? narrow : bold;
            const double tw = QFontMetricsF(headFont[i]).horizontalAdvance(headers[i]) + 2;
            spans[i][0] = std::max(centres[i] - tw / 2, i == 0 ? area.left() : spans[i - 1][1] + hgap);
            spans[i][1] = spans[i][0] + tw;
        }
        for (int i = 4; i >= 0; --i) {
            const double right = std::min(spans[i][1], i == 4 ? area.right() : spans[i + 1][0] - hgap);
            spans[i][0] -= spans[i][1] - right;
            spans[i][1] = right;
        }
        if (spans[0][0] >= area.left() - 0.5) break;
        if (condensedOnly) headLines = 2; // nothing fits on one line: each header in its column, wrapped
    }
    if (headLines == 2) {
        const double edges[] = {area.left(), srcLeft - gapPS / 2, srcLeft + colW[1], winLeft, sinkLeft - gapWS / 2, area.right()};
        for (int i = 0; i < 5; ++i) {
            spans[i][0] = edges[i];
            spans[i][1] = edges[i + 1];
        }
    }
    const double headH = lineH * headLines + m_theme.px(4);
    const QRectF body(area.left(), area.top() + headH, area.width(), area.height() - headH);
    const QRectF colParts(area.left(), body.top(), colW[0], body.height());
    // (The keyBy gap between sources and window subtasks holds the newest record's key and event time.)
    QRectF colSrc(srcLeft, body.top(), colW[1], body.height());
    QRectF colWin(winLeft, body.top(), colW[3], body.height());
    const QRectF colSink(sinkLeft, body.top(), sinkW, body.height());
    const double gap = m_theme.px(6);
    const auto partBoxes = stack(colParts, parts, lineH * 2 + pad * 2, gap);
    const auto inY = [](const QRectF& r, int i, int n) { return r.top() + r.height() * (i + 1) / (n + 1); };
    std::vector<QRectF> srcBoxes, winBoxes;
    // That label goes under the keyBy edges, which run between the sources' and the window subtasks'
    // boxes: when the edges come down too far for it, those two columns give up the height it lacks.
    const double keyLabelH = std::max(lineH, 2 * fsm.height()) + pad / 2;
    for (int round = 0; round < 4; ++round) {
        srcBoxes = stack(colSrc, par, lineH * 3 + pad * 2, gap);
        winBoxes = stack(colWin, par, lineH * 3 + pad * 2 + fsm.height() + pad, gap);
        const double lowest = std::max(inY(srcBoxes.back(), par - 1, par), inY(winBoxes.back(), par - 1, par));
        const double lacking = keyLabelH - (body.bottom() - lowest);
        if (lacking <= 0.5 || colSrc.height() < body.height() / 2) break;
        colSrc.setHeight(colSrc.height() - lacking * (par + 1) / par);
        colWin.setHeight(colSrc.height());
    }
    const double sinkH = std::min((body.height() - gap) / 2, lineH * 3 + pad * 2);
    const QRectF sinkBox(colSink.left(), body.center().y() - gap / 2 - sinkH, colSink.width(), sinkH);
    const QRectF lateBox(colSink.left(), body.center().y() + gap / 2, colSink.width(), sinkH);

    // What is drawn is first recorded with the painter's pen, brush and font at that point: the headers,
    // the edges and every box go to `still` (one kept image, or drawn in that order), the boxes' texts to
    // `texts` (drawn over all the boxes), and the records flowing (Phase::Direct) are drawn at once.
    enum class Phase { Still, Texts, Direct };
    Phase phase = Phase::Still;
    std::vector<Drawn> still, boxes, texts;
    /// Draws a line between boxes and notes it (drawnLines()).
    const auto drawLine = [&](const QPointF& a, const QPointF& b) {
        m_lines.emplace_back(a, b);
        if (phase == Phase::Direct) p.drawLine(a, b);
        else still.push_back({Drawn::Kind::Line, {}, QLineF(a, b), p.pen(), {}, 0, {}, 0, {}});
    };
    /// Draws a text and notes it (drawnTexts()).
    const auto drawText = [&](const QRectF& r, int flags, const QString& text) {
        m_drawn << text;
        m_placed.push_back({text, text, r, QRectF(), p.font(), QStringLiteral("pipeline")});
        m_placedFlags.push_back(flags);
        if (phase == Phase::Direct) p.drawText(r, flags, text);
        else (phase == Phase::Still ? still : texts).push_back({Drawn::Kind::Text, r, {}, p.pen(), {}, 0, p.font(), flags, text});
    };

    // Headers.
    p.setPen(m_theme.muted);
    for (int i = 0; i < 5; ++i) {
        p.setFont(headFont[i]);
        const QRectF r(spans[i][0], area.top(), spans[i][1] - spans[i][0], headH);
        const QString text = headLines == 1 ? headers[i]
                                            : QFontMetricsF(headFont[i]).elidedText(headers[i], Qt::ElideRight, 2 * r.width());
        drawText(r, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
    }

    // Where the edges attach: a subtask's input for channel c, its output towards subtask t.
    const auto chanIn = [&](int sub, int ch) {
        return QPointF(winBoxes[static_cast<std::size_t>(sub)].left(),
                       inY(winBoxes[static_cast<std::size_t>(sub)], ch, par));
    };
    const auto srcOut = [&](int src, int sub) {
        return QPointF(srcBoxes[static_cast<std::size_t>(src)].right(),
                       inY(srcBoxes[static_cast<std::size_t>(src)], sub, par));
    };
    const auto partOut = [&](int part) {
        const QRectF& r = partBoxes[static_cast<std::size_t>(part)];
        return QPointF(r.right(), r.center().y());
    };
    const auto srcIn = [&](int src) {
        const QRectF& r = srcBoxes[static_cast<std::size_t>(src)];
        return QPointF(r.left(), r.center().y());
    };

    // Edges.
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kEdge, m_theme.px(1)));
    for (int part = 0; part < parts && part < static_cast<int>(partBoxes.size()); ++part) {
        const int owner = std::clamp(o.ownerOf(part), 0, par - 1);
        drawLine(partOut(part), srcIn(owner));
    }
    for (int src = 0; src < par; ++src)
        for (int sub = 0; sub < par; ++sub)
            drawLine(srcOut(src, sub), chanIn(sub, src));
    for (int sub = 0; sub < par; ++sub) {
        const QRectF& r = winBoxes[static_cast<std::size_t>(sub)];
        p.setPen(QPen(kEdge, m_theme.px(1)));
        drawLine(QPointF(r.right(), r.center().y()), QPointF(sinkBox.left(), sinkBox.center().y()));
        p.setPen(QPen(kLate.lighter(150), m_theme.px(1), Qt::DashLine));
        drawLine(QPointF(r.right(), r.center().y()), QPointF(lateBox.left(), lateBox.center().y()));
    }

    // (`kept`: in the kept image; else drawn on every frame over it, before the texts: the input channels'
    // cells, whose fill follows the channel holding the watermark back.)
    const auto box = [&](const QRectF& r, const QColor& fill, const QColor& border, double width = 1, bool kept = true) {
        (kept ? still : boxes).push_back({Drawn::Kind::Box, r, {}, QPen(border, m_theme.px(width)), QBrush(fill), m_theme.px(4), {}, 0, {}});
    };
    /// Lines of text in a box, as many as fit (the first one bold).
    const auto lines = [&](const QRectF& r, const QStringList& texts, const QColor& colour) {
        if (r.height() < lineH + pad) {
            // A short box (many subtasks): its lines joined on one line in the small font.
            if (r.height() < fsm.height() * 0.8) return r.top();
            p.setFont(small);
            p.setPen(m_theme.text);
            const QRectF line(r.left() + pad, r.top(), r.width() - 2 * pad, r.height());
            drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                       fsm.elidedText(texts.join(QStringLiteral(" · ")), Qt::ElideRight, line.width()));
            return r.bottom();
        }
        // Fewer lines fit than there are texts (the sink and late boxes at 1366×768 in presentation
        // mode with the terminal open): the padding above and below shrinks first, then the lines take
        // the small font when more of them fit so, and the last line that fits holds the rest, joined,
        // when that fits its width (else the rest is left out, the first lines whole).
        const auto fitting = [&](double padding, double height) {
            return std::max(1, static_cast<int>((r.height() - 1.5 * padding) / height));
        };
        const double top = fitting(pad, lineH) < texts.size() ? pad / 4 : pad;
        const bool shrink = fitting(top, lineH) < texts.size() && fitting(top, fsm.height()) > fitting(top, lineH);
        const double lh = shrink ? fsm.height() : lineH;
        const int fit = fitting(top, lh);
        const double room = r.width() - 2 * pad;
        const auto fontFor = [&](int i, const QString& text) {
            // A bold first line too long for the box in the condensed bold font ("Sink · 20 results").
            if (i == 0)
                return shrink ? m_theme.condensed(8, true)
                       : QFontMetricsF(bold).horizontalAdvance(text) > room ? m_theme.condensed(9, true)
                                                                            : bold;
            // A later line too long for the box in the normal font (a watermark, "wm 08:09:44.999", in a
            // column narrowed at 1366 px beside the lab panel): the condensed font, whole.
            return shrink ? small : QFontMetricsF(font).horizontalAdvance(text) > room ? m_theme.condensed(9) : font;
        };
        QStringList shown = texts;
        if (fit < shown.size()) {
            const QString rest = shown.mid(fit - 1).join(QStringLiteral(" · "));
            shown = shown.mid(0, fit);
            if (QFontMetricsF(fontFor(fit - 1, rest)).horizontalAdvance(rest) <= room) shown.back() = rest;
        }
        double y = r.top() + top;
        for (int i = 0; i < shown.size(); ++i) {
            const QString& text = shown[i];
            p.setFont(fontFor(i, text));
            p.setPen(i == 0 ? m_theme.text : colour);
            const QRectF line(r.left() + pad, y, room, lh);
            drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                       QFontMetricsF(p.font()).elidedText(text, Qt::ElideRight, line.width()));
            y += lh;
        }
        return y;
    };

    // Partitions (splits). Their texts and those of the boxes after them are drawn over all the boxes.
    phase = Phase::Texts;
    for (int part = 0; part < parts && part < static_cast<int>(partBoxes.size()); ++part) {
        const QRectF& r = partBoxes[static_cast<std::size_t>(part)];
        const bool idle = o.splitIdleAt(part, step);
        box(r, idle ? kIdle : m_theme.panel, m_theme.border);
        // (A box lower than a line of the normal font: lines() writes its texts in the small font.)
        const std::uint64_t read = part < static_cast<int>(m_flow.perPartition.size())
                                       ? m_flow.perPartition[static_cast<std::size_t>(part)]
                                       : 0;
        // The watermark first: with many partitions a box has room for one line only. When the first
        // line would be cut (a narrow window, presentation mode) and the box has two lines, the
        // watermark gets the second line to itself: a watermark is never shown cut.
        const QString wm = wmText(o.splitWatermarkAt(part, step));
        const QString title =
            idle ? tr("P%1 · idle · wm %2").arg(part).arg(wm) : tr("P%1 · wm %2").arg(part).arg(wm);
        const bool twoLines = r.height() >= 2 * lineH + pad;
        const double textW = r.width() - 2 * pad;
        const QFontMetricsF fb(bold);
        if (r.height() >= lineH + pad && fb.horizontalAdvance(title) <= textW) {
            lines(r, {title, tr("%n read", nullptr, count(read))}, m_theme.muted);
        } else if (twoLines) {
            lines(r,
                  {idle ? tr("P%1 · idle · %n read", nullptr, count(read)).arg(part)
                        : tr("P%1 · %n read", nullptr, count(read)).arg(part),
                   tr("wm %1").arg(wm)},
                  m_theme.text);
        } else {
            // One line, the watermark whole: the full form, else the short form, in bold when the box
            // is a line high, else in the small font (many partitions, or the pipeline squeezed at
            // 1366×768 in presentation mode with the terminal open); the count read is left out.
            if (r.height() < fsm.height() * 0.8) continue;
            const QString brief = idle ? tr("P%1 idle %2").arg(part).arg(wm) : QStringLiteral("P%1 %2").arg(part).arg(wm);
            const QRectF line(r.left() + pad, r.top(), textW, r.height());
            p.setPen(m_theme.text);
            if (r.height() >= lineH && fb.horizontalAdvance(title) <= textW) {
                p.setFont(bold);
                drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
            } else if (r.height() >= lineH && fb.horizontalAdvance(brief) <= textW) {
                p.setFont(bold);
                drawText(line, Qt::AlignLeft | Qt::AlignVCenter, brief);
            } else {
                p.setFont(small);
                drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                         fsm.horizontalAdvance(title) <= textW ? title
                                                               : fsm.elidedText(brief, Qt::ElideRight, textW));
            }
        }
    }
    // Source subtasks.
    for (int src = 0; src < par; ++src) {
        const QRectF& r = srcBoxes[static_cast<std::size_t>(src)];
        const bool idle = o.sourceIdleAt(src, step);
        box(r, idle ? kIdle : m_theme.panel, m_theme.border);
        const std::uint64_t read = src < static_cast<int>(m_flow.perSource.size())
                                       ? m_flow.perSource[static_cast<std::size_t>(src)]
                                       : 0;
        QStringList text{tr("Source %1/%2").arg(src).arg(par), tr("wm %1").arg(wmText(o.sourceWatermarkAt(src, step))),
                         idle ? tr("idle · %n read", nullptr, count(read)) : tr("%n read", nullptr, count(read))};
        // A box without room for three lines (1366x768 in presentation mode): the watermark and the count
        // on one line when that fits, rather than the count left out.
        const QString joined = text[1] + QStringLiteral(" · ") + text[2];
        if (r.height() < 3 * lineH + 1.5 * pad && fm.horizontalAdvance(joined) <= r.width() - 2 * pad)
            text = QStringList{text[0], joined};
        lines(r, text, m_theme.text);
    }
    // Window subtasks with their input channels.
    std::vector<int> openWindows(static_cast<std::size_t>(par), 0);
    std::vector<int> pendingTimers(static_cast<std::size_t>(par), 0);
    std::vector<int> droppedTimers(static_cast<std::size_t>(par), 0);
    if (o.hasProcessFunction()) {
        m_lanesSeeker.seek(o, m_lanes, step);
        for (const std::uint32_t k : m_lanes.present) {
            const int sub = labs::windowSubtaskOfKey(o.strings[k], par);
            if (sub >= 0 && sub < par) {
                pendingTimers[static_cast<std::size_t>(sub)] += static_cast<int>(m_lanes.lanes[k].timers.size());
                droppedTimers[static_cast<std::size_t>(sub)] += static_cast<int>(m_lanes.lanes[k].timersDropped);
            }
        }
    } else {
        openWindows = m_openWindows.at(o, step);
    }
    for (int sub = 0; sub < par; ++sub) {
        const QRectF& r = winBoxes[static_cast<std::size_t>(sub)];
        const Millis op = o.operatorWatermarkAt(sub, step);
        box(r, m_theme.panel, m_theme.border);
        // The channel cells take the bottom row and the text lines what is left above; in a short box
        // (many subtasks) the text takes the left part of one row and the cells the rest.
        const std::uint64_t in = sub < static_cast<int>(m_flow.perWindowSubtask.size())
                                     ? m_flow.perWindowSubtask[static_cast<std::size_t>(sub)]
                                     : 0;
        const int pending = o.hasProcessFunction() ? pendingTimers[static_cast<std::size_t>(sub)]
                                                   : openWindows[static_cast<std::size_t>(sub)];
        // After the end of a bounded input: the timers it dropped rather than "0 pending".
        const int dropped = o.hasProcessFunction() ? droppedTimers[static_cast<std::size_t>(sub)] : 0;
        const QString timersText = dropped > 0 && pending == 0 ? timersDropped(dropped) : timersPending(pending);
        QStringList text =
            o.hasProcessFunction()
                ? QStringList{tr("Process %1/%2 · wm %3").arg(sub).arg(par).arg(wmText(op)),
                              records(in) + QStringLiteral(" · ") + timersText}
                : QStringList{tr("Window %1/%2 · wm %3").arg(sub).arg(par).arg(wmText(op)),
                              records(in) + QStringLiteral(" · ") + openWindowsText(pending)};
        QRectF cells;
        if (r.height() >= lineH + fsm.height() + 2 * pad) {
            const double cellsH = std::min(fsm.height() + pad, r.height() - lineH - pad);
            cells = QRectF(r.left() + pad, r.bottom() - pad / 2 - cellsH, r.width() - 2 * pad, cellsH);
            const QRectF textBox(r.left(), r.top(), r.width(), cells.top() - r.top() + pad / 2);
            // A detail line too long for the box (1366x768 in presentation mode beside the lab panel):
            // its two halves on two lines when the box has room for three, else its short form
            // ("313 rec. · 0 open"), never cut.
            if (fm.horizontalAdvance(text[1]) > r.width() - 2 * pad) {
                const QStringList halves =
                    o.hasProcessFunction()
                        ? QStringList{records(in), timersText}
                        : QStringList{records(in), openWindowsText(pending)};
                const bool fitHalves = std::max(fm.horizontalAdvance(halves[0]), fm.horizontalAdvance(halves[1])) <=
                                       r.width() - 2 * pad;
                if (fitHalves && textBox.height() >= pad + 3 * lineH + pad / 2)
                    text = QStringList{text[0], halves[0], halves[1]};
                else
                    text[1] = o.hasProcessFunction() ? briefTimers(in, pending, dropped)
                                                     : briefOpen(in, pending);
            }
            lines(textBox, text, m_theme.text);
        } else {
            const double textW = r.width() * 0.35;
            lines(QRectF(r.left(), r.top(), textW, r.height()), {text[0]}, m_theme.text);
            cells = QRectF(r.left() + textW, r.top() + m_theme.px(1), r.width() - textW - pad,
                           r.height() - m_theme.px(2));
        }
        const double cellsH = cells.height();
        if (cellsH < m_theme.px(4)) continue;
        const int holder = holdingChannel(o, sub, step);
        const double cw = cells.width() / par;
        p.setFont(small);
        for (int ch = 0; ch < par; ++ch) {
            const QRectF c(cells.left() + cw * ch + m_theme.px(1), cells.top(), cw - m_theme.px(2),
                           cells.height());
            const bool idle = o.channelIdleAt(sub, ch, step);
            const Millis wm = o.channelWatermarkAt(sub, ch, step);
            const bool holds = ch == holder && !idle;
            box(c,
                idle    ? kIdle
                : holds ? QColor(kWatermark.red(), kWatermark.green(), kWatermark.blue(), 70)
                        : m_theme.background,
                holds ? kWatermark : m_theme.cellBorder, holds ? 2 : 1, false);
            const QString full = QStringLiteral("%1 %2").arg(ch).arg(idle ? tr("idle") : wmText(wm));
            const QString compact =
                QStringLiteral("%1 %2").arg(ch).arg(idle ? tr("idle") : deltaText(wm, op));
            QString text = fsm.horizontalAdvance(full) <= c.width() - m_theme.px(2) ? full : compact;
            if (fsm.horizontalAdvance(text) > c.width() - m_theme.px(2))
                text = idle ? QString() : deltaText(wm, op);
            if (fsm.horizontalAdvance(text) > c.width() - m_theme.px(2)) text.clear();
            p.setPen(m_theme.text);
            drawText(c, Qt::AlignCenter, text);
        }
    }
    // Sink and late side output.
    box(sinkBox, m_theme.panel, kFired);
    // The last result's key and value on lines of their own: an average can take 18 digits.
    QStringList sinkText{tr("Sink · %n results", nullptr, count(m_flow.firings))};
    if (o.hasProcessFunction()) {
        // The process function's outputs (the alerts) up to the step.
        std::uint64_t outputs = 0;
        const stream_observe::KeyedChange* last = nullptr;
        for (const auto& c : o.keyed) {
            if (c.step > step) break;
            if (c.kind == stream_observe::KeyedChange::Kind::Output) {
                ++outputs;
                last = &c;
            }
        }
        sinkText = QStringList{tr("Sink · %n outputs", nullptr, count(outputs))};
        if (last) sinkText << QString::fromStdString(o.strings[last->value]);
    } else if (m_flow.firings > 0) {
        const auto& f = o.firings[static_cast<std::size_t>(m_flow.firings - 1)];
        sinkText << tr("last: %1").arg(QString::fromStdString(f.key))
                 << QStringLiteral("= ") + peopleNumber(f.value);
        // Without room for three lines, the key and its value on one line when that fits.
        const QString joined = sinkText[1] + QLatin1Char(' ') + sinkText[2];
        if (sinkBox.height() < 3 * lineH + 1.5 * pad && fm.horizontalAdvance(joined) <= sinkBox.width() - 2 * pad)
            sinkText = QStringList{sinkText[0], joined};
    }
    lines(sinkBox, sinkText, m_theme.text);
    box(lateBox, m_theme.panel, kLate);
    lines(lateBox,
          {o.options.job.lateSideOutput && o.options.job.watermark.kind != labs::WatermarkKind::Sql
               ? tr("Late side output")
               : tr("Late: dropped"),
           tr("%n late elements", nullptr, count(m_flow.late))},
          m_theme.text);

    // The background, headers, edges and boxes: from the kept image when they are the same as when it was
    // drawn (on a raster device without rotation or shear), else drawn; then the texts over them.
    const QTransform device = p.combinedTransform();
    const bool raster = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                        device.type() <= QTransform::TxScale && device.m11() > 0 && device.m11() == device.m22();
    if (m_cacheLayer && raster) {
        Layer& L = m_layer;
        const QPaintDevice* target = p.device();
        const int dpiX = target ? target->logicalDpiX() : 0, dpiY = target ? target->logicalDpiY() : 0;
        if (L.image.isNull() || L.device != device || L.size != size || L.background != m_theme.background ||
            L.dpiX != dpiX || L.dpiY != dpiY || L.drawn != still) {
            L.device = device;
            L.size = size;
            L.background = m_theme.background;
            L.dpiX = dpiX;
            L.dpiY = dpiY;
            L.drawn = still;
            L.image = device_layer::make(device, QRectF(QPointF(0, 0), size), L.origin, target);
            L.sprites.clear();
            QPainter q;
            device_layer::begin(q, L.image, device, L.origin);
            q.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
            drawAll(q, still);
            q.end();
            ++L.rebuilds;
        }
        device_layer::blit(p, L.image, L.origin);
        // The boxes over it, a row (the same top and height) at a time, each row from its sprite (the image
        // is opaque where they go: copying the sprite gives the pixels drawing the boxes over it gives).
        for (std::size_t i = 0; i < boxes.size();) {
            std::size_t j = i + 1;
            while (j < boxes.size() && boxes[j].rect.top() == boxes[i].rect.top() &&
                   boxes[j].rect.height() == boxes[i].rect.height())
                ++j;
            const std::vector<Drawn> row(boxes.begin() + static_cast<std::ptrdiff_t>(i),
                                         boxes.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
            auto it = std::find_if(L.sprites.begin(), L.sprites.end(), [&](const Layer::Sprite& s) { return s.drawn == row; });
            if (it == L.sprites.end()) {
                if (L.sprites.size() >= 256) L.sprites.clear();
                // The boxes' device pixels with room for their pens and antialiasing, within the image.
                QRect under;
                for (const Drawn& d : row) {
                    const double reach = d.pen.widthF() + 2;
                    under |= device.mapRect(d.rect.adjusted(-reach, -reach, reach, reach)).toAlignedRect();
                }
                under = under.translated(-L.origin).intersected(L.image.rect());
                Layer::Sprite sprite{row, L.image.copy(under), L.origin + under.topLeft()};
                QPainter q;
                device_layer::begin(q, sprite.image, device, sprite.at);
                drawAll(q, row);
                q.end();
                L.sprites.push_back(std::move(sprite));
                it = std::prev(L.sprites.end());
            }
            device_layer::blit(p, it->image, it->at);
        }
    } else {
        p.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
        drawAll(p, still);
        drawAll(p, boxes);
    }
    drawAll(p, texts);
    phase = Phase::Direct;

    // The last records read, on their way: partition → source → its key's window subtask (→ late).
    if (step >= 1 && step <= o.elements.size()) {
        for (int i = kFlowing - 1; i >= 0; --i) {
            if (step < static_cast<std::uint64_t>(i) + 1) continue;
            const auto& e = o.elements[static_cast<std::size_t>(step - 1 - static_cast<std::uint64_t>(i))];
            // To the late box once the engine judged it late (Flink SQL drops a row later, at a flush).
            const bool late = e.lateAt(step);
            const int part = std::clamp<int>(e.partition, 0, parts - 1);
            const int src = std::clamp<int>(e.sourceSubtask, 0, par - 1);
            const int sub = std::clamp<int>(e.windowSubtask, 0, par - 1);
            if (part >= static_cast<int>(partBoxes.size())) continue;
            QPolygonF path{partOut(part), srcIn(src), srcOut(src, sub), chanIn(sub, src)};
            if (late) path << QPointF(lateBox.left(), lateBox.center().y());
            const double alpha = 1.0 - static_cast<double>(i) / kFlowing;
            QColor c = late ? kLate : kEvent;
            c.setAlphaF(static_cast<float>(alpha));
            p.setPen(QPen(c, m_theme.px(i == 0 ? 2.5 : 1.5)));
            p.setBrush(Qt::NoBrush);
            // The edges it takes (not across the boxes' text).
            drawLine(path[0], path[1]);
            drawLine(path[2], path[3]);
            if (late) drawLine(path[3], path[4]);
            // On the keyBy edge: the newest arriving at its window subtask, the older ones trailing behind
            // it.
            const QPointF at =
                QLineF(path[2], path[3]).pointAt(1.0 - 0.75 * static_cast<double>(i) / kFlowing);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            const double r = m_theme.px(i == 0 ? 5 : 3.5);
            p.drawEllipse(at, r, r);
            if (i == 0) {
                // The newest record under the keyBy edges: on one line if it fits (bold, else small),
                // else its key above its event time.
                const QString key = QString::fromStdString(e.key);
                const QString label = QStringLiteral("%1 @ %2").arg(key, wmText(e.eventTime));
                const double lw = colWin.left() - colSrc.right() - 2 * pad;
                p.setPen(late ? kLate : kEvent);
                if (QFontMetricsF(bold).horizontalAdvance(label) <= lw) {
                    p.setFont(bold);
                    drawText(QRectF(colSrc.right() + pad, body.bottom() - lineH, lw, lineH),
                               Qt::AlignHCenter | Qt::AlignVCenter, label);
                } else if (fsm.horizontalAdvance(label) <= lw) {
                    p.setFont(small);
                    drawText(QRectF(colSrc.right() + pad, body.bottom() - fsm.height(), lw, fsm.height()),
                               Qt::AlignHCenter | Qt::AlignVCenter, label);
                } else {
                    p.setFont(small);
                    const QRectF top(colSrc.right() + pad, body.bottom() - 2 * fsm.height(), lw, fsm.height());
                    drawText(top, Qt::AlignHCenter | Qt::AlignVCenter,
                               fsm.elidedText(key, Qt::ElideRight, lw));
                    drawText(top.translated(0, fsm.height()), Qt::AlignHCenter | Qt::AlignVCenter,
                               fsm.elidedText(QStringLiteral("@ ") + wmText(e.eventTime), Qt::ElideRight, lw));
                }
            }
        }
    }
    p.restore();
}

} // namespace fluxolab::app

namespace fluxolab::app {

const std::vector<int>& PipelineCanvas::OpenWindowCount::at(const StreamObservation& o, std::uint64_t step) {
    const int par = std::max(1, o.parallelism());
    if (m_for != &o || m_windows != o.windows.size() || m_count.size() != static_cast<std::size_t>(par)) {
        // A new observation, or a live one that grew: the change list again (windows change state only
        // at steps already recorded, but a live run appends firings to old windows).
        m_for = &o;
        m_windows = o.windows.size();
        m_changes.clear();
        for (const ObservedWindow& w : o.windows) {
            if (w.subtask < 0 || w.subtask >= par) continue;
            std::uint64_t close = std::numeric_limits<std::uint64_t>::max();
            if (!w.firings.empty()) close = std::min(close, w.firings.front().step);
            if (w.purgedStep) close = std::min(close, *w.purgedStep);
            if (w.mergedStep) close = std::min(close, *w.mergedStep);
            if (close <= w.createdStep) continue;
            m_changes.emplace_back(w.createdStep, w.subtask, 1);
            if (close != std::numeric_limits<std::uint64_t>::max()) m_changes.emplace_back(close, w.subtask, -1);
        }
        std::stable_sort(m_changes.begin(), m_changes.end(),
                         [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
        m_count.assign(static_cast<std::size_t>(par), 0);
        m_applied = 0;
        m_step = 0;
    }
    if (step < m_step) {
        m_count.assign(static_cast<std::size_t>(par), 0);
        m_applied = 0;
    }
    while (m_applied < m_changes.size() && std::get<0>(m_changes[m_applied]) <= step) {
        const auto& [s, sub, d] = m_changes[m_applied];
        m_count[static_cast<std::size_t>(sub)] += d;
        ++m_applied;
    }
    m_step = step;
    return m_count;
}

} // namespace fluxolab::app
