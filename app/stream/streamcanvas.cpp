#include "app/stream/streamcanvas.h"

#include "app/stream/devicelayer.h"
#include "app/stream/numbertext.h"
#include "app/stream/streampalette.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QPaintEngine>
#include <QPainterPath>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <optional>

namespace fluxolab::app {

using stream_observe::KeyedChange;
using stream_observe::ObservedWindow;
using stream_observe::StreamObservation;
using Millis = labs::Millis;

namespace {
using namespace stream_palette;

QString timeLabel(Millis t, Millis range) {
    if (t == labs::kMinTime) return QStringLiteral("−∞");
    if (t == labs::kMaxTime) return QStringLiteral("+∞");
    const QDateTime d = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    return d.toString(range < 20000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss"));
}

} // namespace

namespace {
/// The name of the partitions' lanes when they are collapsed: "partitions 0–3".
QString partitionsName(int parts) {
    return StreamCanvas::tr("partitions 0–%1").arg(parts - 1);
}

/// A watermark history (steps ascending) as a staircase up to `step`, at most one point per pixel
/// column (the last one in it): a frame costs the width in binary searches, not one segment per element
/// (a 1 M-event run has a point per element and subtask). With a point or less per column this is every
/// point. `y` maps a watermark to its height; kMinTime points are skipped. From a `from` above 0: the
/// piece (from, step], starting at `from` with the watermark it had then (the still layers keep the
/// staircase in pieces).
template <class X, class Y>
void staircase(QPainterPath& path, const std::vector<stream_observe::WatermarkPoint>& h, std::uint64_t from,
               std::uint64_t step, const X& x, const Y& y) {
    const auto after = [](std::uint64_t s, const stream_observe::WatermarkPoint& pt) { return s < pt.step; };
    const auto end = std::upper_bound(h.begin(), h.end(), step, after);
    bool started = false;
    double lastY = 0;
    auto it = h.begin();
    if (from > 0) {
        it = std::min(std::upper_bound(h.begin(), h.end(), from, after), end);
        if (it != h.begin() && (it - 1)->watermark != labs::kMinTime) {
            lastY = y((it - 1)->watermark);
            path.moveTo(x(static_cast<double>(from)), lastY);
            started = true;
        }
    }
    while (it != end) {
        // The last point in the pixel column of *it.
        const double col = std::floor(x(static_cast<double>(it->step)));
        auto next = it + 1;
        if (next != end && std::floor(x(static_cast<double>(next->step))) == col) {
            // Several in this column: find the first one past it (steps per column, by bisection).
            auto lo = next, hi = end;
            while (lo < hi) {
                const auto mid = lo + (hi - lo) / 2;
                if (std::floor(x(static_cast<double>(mid->step))) <= col) lo = mid + 1;
                else hi = mid;
            }
            next = lo;
        }
        const auto& pt = *(next - 1);
        it = next;
        if (pt.watermark == labs::kMinTime) continue;
        const double px = x(static_cast<double>(pt.step));
        const double py = y(pt.watermark);
        if (!started) {
            path.moveTo(px, py);
            started = true;
        } else {
            path.lineTo(px, lastY);
            path.lineTo(px, py);
        }
        lastY = py;
    }
    if (started) path.lineTo(x(static_cast<double>(step)), lastY);
}

/// A staircase (horizontal and vertical segments, one subpath) filled as rectangles of the pen's width,
/// each segment's ends extended by half the width (as square caps and miter joins draw them; flat:
/// not at the path's first and last point, as flat caps). On a raster device this is several times
/// cheaper than stroking a path of thousands of segments (a lane's staircase has two per pixel column),
/// with the same pixels but for the outer corner of a bevel join. A piece of a longer staircase has a flat
/// end where the next piece goes on (`flatStart`, `flatEnd`).
void fillStaircase(QPainter& p, const QPainterPath& path, const QColor& colour, double width, bool flatStart,
                   bool flatEnd) {
    const int n = path.elementCount();
    std::vector<QRectF> rects;
    rects.reserve(static_cast<std::size_t>(std::max(0, n)));
    const double h = width / 2;
    for (int i = 1; i < n; ++i) {
        const QPainterPath::Element a = path.elementAt(i - 1), b = path.elementAt(i);
        if (b.isMoveTo()) continue;
        const double extA = flatStart && i == 1 ? 0 : h, extB = flatEnd && i == n - 1 ? 0 : h;
        if (a.y == b.y) {
            const bool aLeft = a.x <= b.x;
            const double l = (aLeft ? a.x : b.x) - (aLeft ? extA : extB);
            const double r = (aLeft ? b.x : a.x) + (aLeft ? extB : extA);
            rects.emplace_back(QPointF(l, a.y - h), QPointF(r, a.y + h));
        } else {
            const bool aTop = a.y <= b.y;
            const double t = (aTop ? a.y : b.y) - (aTop ? extA : extB);
            const double bot = (aTop ? b.y : a.y) + (aTop ? extB : extA);
            rects.emplace_back(QPointF(a.x - h, t), QPointF(a.x + h, bot));
        }
    }
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRects(rects.data(), static_cast<int>(rects.size()));
}

/// The processing axis's title: with arrival times the ticks give the number and the arrival time.
QString xAxisTitle(bool arrivalTimes) {
    return arrivalTimes ? StreamCanvas::tr("processing time → (events in arrival order: number and arrival time)")
                        : StreamCanvas::tr("processing time → (events in arrival order; the trace has no arrival column)");
}

/// The same, shorter, saying the same (a narrow plot keeps a line of its height for the dots).
QString xAxisTitleShort(bool arrivalTimes) {
    return arrivalTimes ? StreamCanvas::tr("processing time → arrival order (number · arrival time)")
                        : StreamCanvas::tr("processing time → arrival order (no arrival column)");
}

/// `text` on two lines of at most `width`: the first as many words as fit, the second the rest (which
/// may still be longer than `width`: the caller measures it).
QStringList wrapInTwo(const QString& text, const QFontMetricsF& fm, double width) {
    const QStringList words = text.split(QLatin1Char(' '));
    QString first;
    int used = 0;
    for (; used < words.size(); ++used) {
        const QString next = first.isEmpty() ? words[used] : first + QLatin1Char(' ') + words[used];
        if (!first.isEmpty() && fm.horizontalAdvance(next) > width) break;
        first = next;
    }
    return QStringList{first, words.mid(used).join(QLatin1Char(' '))};
}

/// Whether the job drops its late elements (Flink SQL has no side output; a DataStream job without one
/// drops them), as the pipeline's late box says.
bool lateDropped(const stream_observe::StreamObservation* o) {
    return o && (!o->options.job.lateSideOutput || o->options.job.watermark.kind == labs::WatermarkKind::Sql);
}

/// The title of the strip right of the plot where the late elements go.
QString lateStripTitle(const stream_observe::StreamObservation* o) {
    return lateDropped(o) ? StreamCanvas::tr("Late (dropped)") : StreamCanvas::tr("Late side output");
}

/// Whether a partition is idle at some moment of the run (its lane then shows a grey span).
bool anyIdle(const stream_observe::StreamObservation* o) {
    if (!o) return false;
    for (const auto& points : o->splitIdle)
        for (const auto& pt : points)
            if (pt.idle) return true;
    return false;
}

/// The legend's entries (symbol kind, text) in drawing order. "Idle partition" only for a run where one
/// is (the whole run, so that the legend does not change while it plays): elsewhere it names nothing on
/// screen, and in Portuguese at 1366x768 in presentation mode it took a second row from the plot.
std::vector<std::pair<int, QString>> legendItems(const stream_observe::StreamObservation* o) {
    std::vector<std::pair<int, QString>> items{
        {0, StreamCanvas::tr("event (at its arrival)")},
        {1, lateDropped(o) ? StreamCanvas::tr("late event (dropped)") : StreamCanvas::tr("late event (side output)")},
        {2, StreamCanvas::tr("operator watermark")},
        {3, StreamCanvas::tr("open window")},
        {4, StreamCanvas::tr("fired window (result)")}};
    if (anyIdle(o)) items.emplace_back(5, StreamCanvas::tr("idle partition"));
    return items;
}

/// Where a window's band ends at `step`: at its first firing, or where it went (purged, or merged into
/// another session window) without firing, or at `step` while it is open. ~0: never.
std::uint64_t bandEndStep(std::uint64_t fired, std::uint64_t gone, std::uint64_t step) {
    return fired <= step ? fired : gone <= step ? gone : step;
}

/// The step from which a window band no longer changes (fired and gone, or gone without firing);
/// never (~0) when it does not.
template <class Band>
std::uint64_t settledStep(const Band& b) {
    if (b.gone == ~0ULL) return ~0ULL;
    return b.fired == ~0ULL ? b.gone : std::max(b.fired, b.gone);
}

/// The cells of the plot where render() put a dot (bit 0) or a late mark (bit 1): `cell` px each, the
/// cell (4, 4) at the plot's top-left corner (the layers' grid, or the one of a frame drawn without them).
struct MarkGrid {
    const std::vector<std::uint8_t>* cells = nullptr;
    std::size_t cols = 0, rows = 0;
    double cell = 1;
};

/// The index in a mark grid (`cols` × `rows` cells of `cell` px, cell (4, 4) at `plot`'s top-left
/// corner) of the cell holding `c`; none when `c` falls outside the grid.
std::optional<std::size_t> markCell(QPointF c, const QRectF& plot, double cell, std::size_t cols, std::size_t rows) {
    const double fx = (c.x() - plot.left()) / cell + 4, fy = (c.y() - plot.top()) / cell + 4;
    if (fx < 0 || fy < 0) return std::nullopt;
    const auto cx = static_cast<std::size_t>(fx), cy = static_cast<std::size_t>(fy);
    if (cx >= cols || cy >= rows) return std::nullopt;
    return cy * cols + cx;
}

/// A MarkGrid in blocks of 4x4 cells, a block counted when any of its cells holds a mark, with sums per
/// block row: the blocks with marks under a rectangle in a few operations per row (labels try dozens of
/// places each).
class MarkBlocks {
public:
    MarkBlocks(const MarkGrid& grid, const QRectF& plot) : m_plot(plot), m_cell(grid.cell) {
        if (!grid.cells || grid.cols == 0 || grid.rows == 0) return;
        m_cols = (grid.cols + 3) / 4;
        m_rows = (grid.rows + 3) / 4;
        std::vector<std::uint8_t> used(m_cols * m_rows, 0);
        const std::uint8_t* c = grid.cells->data();
        for (std::size_t r = 0; r < grid.rows; ++r) {
            std::uint8_t* row = used.data() + (r / 4) * m_cols;
            const std::uint8_t* line = c + r * grid.cols;
            // Most cells are empty: 16 at a time (a frame reads the whole grid, ~1.5 M cells at 1920x1080).
            std::size_t x = 0;
            for (; x + 16 <= grid.cols; x += 16) {
                std::uint64_t a = 0, b = 0;
                std::memcpy(&a, line + x, 8);
                std::memcpy(&b, line + x + 8, 8);
                if ((a | b) == 0) continue;
                for (std::size_t k = x; k < x + 16; ++k)
                    if (line[k]) row[k / 4] = 1;
            }
            for (; x < grid.cols; ++x)
                if (line[x]) row[x / 4] = 1;
        }
        m_sums.assign((m_cols + 1) * m_rows, 0);
        for (std::size_t r = 0; r < m_rows; ++r)
            for (std::size_t x = 0; x < m_cols; ++x)
                m_sums[r * (m_cols + 1) + x + 1] = m_sums[r * (m_cols + 1) + x] + used[r * m_cols + x];
    }
    /// Blocks with a mark that `r` touches.
    int count(const QRectF& r) const {
        if (m_cols == 0) return 0;
        const auto block = [&](double v, double origin, std::size_t n) {
            const double b = std::floor(((v - origin) / m_cell + 4) / 4);
            return static_cast<std::size_t>(std::clamp(b, 0.0, static_cast<double>(n - 1)));
        };
        const std::size_t x0 = block(r.left(), m_plot.left(), m_cols), x1 = block(r.right(), m_plot.left(), m_cols);
        const std::size_t y0 = block(r.top(), m_plot.top(), m_rows), y1 = block(r.bottom(), m_plot.top(), m_rows);
        int n = 0;
        for (std::size_t y = y0; y <= y1; ++y)
            n += m_sums[y * (m_cols + 1) + x1 + 1] - m_sums[y * (m_cols + 1) + x0];
        return n;
    }

private:
    QRectF m_plot;
    double m_cell = 1;
    std::size_t m_cols = 0, m_rows = 0;
    std::vector<int> m_sums;
};

/// A label to place on the plot: its size and its places (top-left corners), best first.
struct LabelRequest {
    QSizeF size;
    std::vector<QPointF> candidates;
};

/// At most this many window results are tried per frame (a long run has thousands of fired bands; each
/// label tries ~4 places per half line of the plot's height against every text placed: 200 cost ~4 ms
/// a frame in bench_app stream, 40 ~1 ms).
constexpr std::size_t kMaxWindowLabels = 40;

/// Where the plot's labels go. Each label in turn: its first place (moved inside `inside`) clear of the
/// texts already placed (`taken`, to which it is added) that covers nothing `covered` counts (marks, the
/// watermark); when every place clear of the texts covers something, the one covering least; no place
/// (the label is left out) when every one overlaps a text.
std::vector<std::optional<QRectF>> placeLabels(const std::vector<LabelRequest>& requests, std::vector<QRectF>& taken,
                                               const QRectF& inside,
                                               const std::function<double(const QRectF&)>& covered) {
    std::vector<std::optional<QRectF>> out;
    out.reserve(requests.size());
    for (const LabelRequest& q : requests) {
        std::optional<QRectF> best;
        double bestCover = 0;
        if (q.size.width() <= inside.width() && q.size.height() <= inside.height()) {
            for (const QPointF& c : q.candidates) {
                QRectF r(c, q.size);
                r.moveLeft(std::clamp(r.left(), inside.left(), inside.right() - r.width()));
                r.moveTop(std::clamp(r.top(), inside.top(), inside.bottom() - r.height()));
                if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(r); })) continue;
                const double cover = covered(r);
                if (!best || cover < bestCover) {
                    best = r;
                    bestCover = cover;
                }
                if (cover == 0) break;
            }
        }
        if (best) taken.push_back(*best);
        out.push_back(best);
    }
    return out;
}

/// The first place of `q` (moved inside `inside`) clear of the texts in `taken` that covers nothing
/// `covered` counts; none when every place overlaps a text or covers something.
std::optional<QRectF> placeClear(const LabelRequest& q, const std::vector<QRectF>& taken, const QRectF& inside,
                                 const std::function<double(const QRectF&)>& covered) {
    if (q.size.width() > inside.width() || q.size.height() > inside.height()) return std::nullopt;
    for (const QPointF& c : q.candidates) {
        QRectF r(c, q.size);
        r.moveLeft(std::clamp(r.left(), inside.left(), inside.right() - r.width()));
        r.moveTop(std::clamp(r.top(), inside.top(), inside.bottom() - r.height()));
        if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(r); })) continue;
        if (covered(r) == 0) return r;
    }
    return std::nullopt;
}

/// The places of a fired window's result, best first: right of its band (where it fired: under the
/// watermark, past the dots of its time), then at the band's left inside it, then against the plot's
/// right side, then its left (above the dots: event times not read yet); at the band's height first, then lower by half a line at a time (older event times: the
/// space under the watermark is empty but for late marks), then higher.
/// The gap between a label and its band: the length of the line that ties them (0 when they touch).
double leaderLength(const QRectF& band, const QRectF& label) {
    const double dx = std::max({0.0, band.left() - label.right(), label.left() - band.right()});
    const double dy = std::max({0.0, band.top() - label.bottom(), label.top() - band.bottom()});
    return std::hypot(dx, dy);
}

/// The line that ties a label placed away from its band to it: from the band's point nearest the label to
/// the label's point nearest that.
QLineF leaderLine(const QRectF& band, const QRectF& label) {
    const QPointF from(std::clamp(label.center().x(), band.left(), band.right()),
                       std::clamp(label.center().y(), band.top(), band.bottom()));
    return {from, QPointF(std::clamp(from.x(), label.left(), label.right()), std::clamp(from.y(), label.top(), label.bottom()))};
}

LabelRequest windowLabelCandidates(const QRectF& band, QSizeF size, const QRectF& inside, double gap, double maxLeader) {
    LabelRequest q;
    q.size = size;
    const double y0 = band.center().y() - size.height() / 2;
    const double step = size.height() / 2;
    const int down = static_cast<int>(std::max(0.0, (inside.bottom() - y0) / step)) + 1;
    const int up = static_cast<int>(std::max(0.0, (y0 - inside.top()) / step)) + 1;
    const double xs[] = {band.right() + gap, band.left() + gap, band.left() - gap - size.width(),
                         inside.right() - size.width(), inside.left()};
    // Near the band only: a place further than `maxLeader` from it would need a long line to say whose
    // result it is (a busy picture at 1920 px: 34 lines across the hop run); without a place near it the
    // result takes its short form, or is counted in the note.
    const auto add = [&](double x, double y) {
        QRectF r(QPointF(x, y), size);
        r.moveLeft(std::clamp(r.left(), inside.left(), inside.right() - r.width()));
        r.moveTop(std::clamp(r.top(), inside.top(), inside.bottom() - r.height()));
        if (leaderLength(band, r) <= maxLeader) q.candidates.emplace_back(x, y);
    };
    for (const double x : xs)
        for (int k = 0; k <= down; ++k)
            add(x, y0 + k * step);
    for (const double x : xs)
        for (int k = 1; k <= up; ++k)
            add(x, y0 - k * step);
    return q;
}
} // namespace

struct StreamCanvas::Geometry {
    QSizeF size;
    QRectF plot;
    QRectF side;               ///< the side output strip (right of the plot)
    std::vector<QRectF> lanes; ///< one per partition, then the operator
    /// The partitions' lanes collapsed into thin strips under one name and one watermark (the plot would
    /// be too short otherwise: 1366x768 in presentation mode).
    bool compactLanes = false;
    QRectF legend;
    double labelWidth = 0;
    /// The processing axis's title, on one or two lines (it wraps rather than being cut: the plot is
    /// narrow at 1366 px with the lab panel), in the condensed font when that keeps it on one line.
    QStringList xTitle;
    bool xTitleCondensed = false;
    std::function<double(const QString&)> legendItemWidth;
    Millis ymin = 0, ymax = 1;
    std::uint64_t last = 1;
    double x(double step) const { return plot.left() + plot.width() * step / static_cast<double>(last); }
    double y(Millis t, const QRectF& r) const {
        const double f =
            (static_cast<double>(t - ymin)) / static_cast<double>(std::max<Millis>(1, ymax - ymin));
        return r.bottom() - std::clamp(f, -0.02, 1.02) * r.height();
    }
};

StreamCanvas::StreamCanvas(QWidget* parent) : QWidget(parent) {
    // Its lanes stay readable at 160 px; more would raise the whole window's minimum height (a tab's
    // minimum counts while another tab shows) and take lines from the terminal at 1366x768.
    setMinimumSize(320, 160);
    setMouseTracking(false);
}

const std::vector<const KeyedChange*>& StreamCanvas::jobMarks() const {
    if (m_marksFor != m_obs || !m_obs || m_marksSize != m_obs->keyed.size()) {
        m_marksFor = m_obs;
        m_marksSize = m_obs ? m_obs->keyed.size() : 0;
        m_marks = m_obs ? m_obs->jobMarks() : std::vector<const KeyedChange*>{};
    }
    return m_marks;
}

void StreamCanvas::setObservation(const StreamObservation* observation) {
    m_obs = observation;
    ++m_generation;
    m_selected = -1;
    m_step = observation ? observation->lastStep() : 0;
    update();
}

void StreamCanvas::setStep(std::uint64_t step) {
    m_step = m_obs ? std::min(step, m_obs->lastStep()) : 0;
    update();
}

void StreamCanvas::setCachedLayers(bool on) {
    m_cacheLayers = on;
    m_layers = DotLayers{};
    update();
}

void StreamCanvas::setKeyFilter(const QString& key) {
    m_key = key;
    m_keyUtf8 = key.toStdString();
    update();
}

void StreamCanvas::setSelectedWindow(int index) {
    m_selected = index;
    update();
}

void StreamCanvas::setTheme(const Theme& theme) {
    m_theme = theme;
    ++m_themeGeneration;
    update();
}

void StreamCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        ++m_themeGeneration; // other texts, other widths: layout and still layers again
        update();
    }
    QWidget::changeEvent(event);
}

bool StreamCanvas::visibleKey(const std::string& key) const {
    return m_key.isEmpty() || m_keyUtf8 == key; // no QString per element (a million per frame)
}

const StreamCanvas::Geometry& StreamCanvas::geometry(QSizeF size) const {
    // A frame's layout depends on the size, the theme and language, and the observation (its partitions,
    // elements and windows); computed again only when one of them changes (it scans every window).
    const std::uint64_t key[4] = {m_generation, m_themeGeneration, m_obs ? m_obs->elements.size() : 0,
                                  m_obs ? m_obs->windows.size() : 0};
    if (!m_geometry || m_geometrySize != size || !std::equal(key, key + 4, m_geometryKey)) {
        m_geometry = std::make_shared<const Geometry>(computeGeometry(size));
        m_geometrySize = size;
        std::copy(key, key + 4, m_geometryKey);
    }
    return *m_geometry;
}

StreamCanvas::Geometry StreamCanvas::computeGeometry(QSizeF size) const {
    Geometry g;
    g.size = size;
    const QFontMetricsF fm(m_theme.font(9));
    const double m = m_theme.px(8);
    g.labelWidth = fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + m;
    {
        // The lane names ("partition 7", "operator" in bold) are drawn whole, not cut.
        const int parts = m_obs ? m_obs->partitions() : 1;
        const QFontMetricsF fmb(m_theme.font(9, true));
        double names = fmb.horizontalAdvance(tr("operator"));
        for (int i = 0; i < parts; ++i)
            names = std::max(names, fm.horizontalAdvance(tr("partition %1").arg(i)));
        if (parts > 1) names = std::max(names, fm.horizontalAdvance(partitionsName(parts)));
        g.labelWidth = std::max(g.labelWidth, names + m_theme.px(4) + 1);
    }
    // As many legend rows as its entries need at this width (long ones in Portuguese or presentation
    // mode wrap to a third row rather than run into the plot).
    g.legend = QRectF(m, m, size.width() - 2 * m, 0);
    g.legendItemWidth = [this, fm](const QString& text) {
        return m_theme.px(16) + m_theme.px(4) + fm.horizontalAdvance(text) + m_theme.px(14);
    };
    int rows = 1;
    double lx = g.legend.left();
    for (const auto& item : legendItems(m_obs)) {
        const double w = g.legendItemWidth(item.second);
        if (lx + w > g.legend.right() && lx > g.legend.left()) {
            lx = g.legend.left();
            ++rows;
        }
        lx += w;
    }
    g.legend.setHeight(rows * (fm.height() + m_theme.px(4)) + m_theme.px(2));
    const int parts = m_obs ? m_obs->partitions() : 1;
    // The plot comes first: the lanes take at most a quarter of the height, each at least its name's line;
    // when the plot would still be short (1366x768 in presentation mode: a smear of ~110 px), the
    // partitions' lanes collapse into thin strips (their watermark steps and idle spans still drawn)
    // under one name, with the watermark of the partition holding the others back.
    const double laneH =
        std::max(fm.height() + m_theme.px(2), std::min(m_theme.px(30), size.height() * 0.25 / (parts + 1)));
    // The processing axis: its numbers, then its title on one line (whole, condensed, its short form,
    // condensed), else on two lines (the room is reserved here, the plot gives it up).
    const double sideW0 = std::max(
        m_theme.px(120), QFontMetricsF(m_theme.font(9, true)).horizontalAdvance(lateStripTitle(m_obs)) + m);
    const double plotW = size.width() - 2 * m - g.labelWidth - sideW0 - m;
    {
        const bool arrival = m_obs && m_obs->hasArrivalTimes();
        const QString title = xAxisTitle(arrival), brief = xAxisTitleShort(arrival);
        const QFontMetricsF narrow(m_theme.condensed(9));
        if (fm.horizontalAdvance(title) <= plotW) {
            g.xTitle = QStringList{title};
        } else if (narrow.horizontalAdvance(title) <= plotW) {
            g.xTitle = QStringList{title};
            g.xTitleCondensed = true;
        } else if (fm.horizontalAdvance(brief) <= plotW) {
            g.xTitle = QStringList{brief};
        } else if (narrow.horizontalAdvance(brief) <= plotW) {
            g.xTitle = QStringList{brief};
            g.xTitleCondensed = true;
        } else {
            g.xTitle = wrapInTwo(title, fm, plotW);
            if (fm.horizontalAdvance(g.xTitle.value(1)) > plotW) {
                g.xTitle = wrapInTwo(title, narrow, plotW);
                g.xTitleCondensed = true;
            }
        }
    }
    const double axisH = fm.height() * (1 + g.xTitle.size()) + m_theme.px(4);
    const double top = g.legend.bottom() + m;
    const double plotIfFull = size.height() - m - laneH * (parts + 1) - axisH - top;
    g.compactLanes = parts > 1 && plotIfFull < size.height() * 0.45;
    const double thinH = g.compactLanes ? std::max(m_theme.px(6), laneH / parts) : laneH;
    const double lanesH = thinH * parts + laneH;
    const double sideW = sideW0;
    const double bottom = size.height() - m - lanesH - axisH;
    g.plot = QRectF(m + g.labelWidth, top, size.width() - 2 * m - g.labelWidth - sideW - m,
                    std::max(40.0, bottom - top));
    g.side = QRectF(g.plot.right() + m, top, sideW, g.plot.height());
    double ly = g.plot.bottom() + axisH;
    for (int i = 0; i <= parts; ++i) {
        const double h = i < parts ? thinH : laneH;
        g.lanes.emplace_back(g.plot.left(), ly, g.plot.width(), h - m_theme.px(g.compactLanes && i < parts ? 1 : 2));
        ly += h;
    }
    if (m_obs && !m_obs->elements.empty()) {
        auto [lo, hi] = m_range.of(*m_obs);
        for (const auto& w : m_obs->windows) {
            if (w.end - w.start > 10 * std::max<Millis>(1, hi - lo))
                continue; // a huge window would flatten the dots
            lo = std::min(lo, w.start);
            hi = std::max(hi, w.end);
        }
        const Millis pad = std::max<Millis>(1, (hi - lo) / 30);
        g.ymin = lo - pad;
        g.ymax = hi + pad;
        g.last = std::max<std::uint64_t>(1, m_obs->lastStep());
    }
    return g;
}

QRectF StreamCanvas::plotRect(QSizeF size) const {
    return geometry(size).plot;
}

QPointF StreamCanvas::pointAt(double step, Millis t, QSizeF size) const {
    const Geometry g = geometry(size);
    return QPointF(g.x(step), g.y(t, g.plot));
}

const std::vector<StreamCanvas::BandEntry>& StreamCanvas::bands() const {
    if (m_bands.generation == m_generation && m_bands.key == m_key) return m_bands.bands;
    m_bands = BandCache{};
    m_bands.generation = m_generation;
    m_bands.key = m_key;
    if (!m_obs) return m_bands.bands;
    std::map<std::pair<Millis, Millis>, BandEntry> byBounds;
    for (std::size_t i = 0; i < m_obs->windows.size(); ++i) {
        const ObservedWindow& w = m_obs->windows[i];
        if (!visibleKey(w.key)) continue;
        BandEntry& b = byBounds[{w.start, w.end}];
        if (b.windows.empty()) {
            b.start = w.start;
            b.end = w.end;
            b.created = w.createdStep;
        }
        b.created = std::min(b.created, w.createdStep);
        b.windows.push_back(static_cast<int>(i));
        if (!w.firings.empty()) b.fired = std::min(b.fired, w.firings.front().step);
        for (const auto& f : w.firings)
            b.firingSteps.push_back(f.step);
        // The band is gone when every window drawn in it is (keys or subtasks may purge at other steps).
        const std::optional<std::uint64_t> gone = w.purgedStep ? w.purgedStep : w.mergedStep;
        b.gone = b.windows.size() == 1 ? gone.value_or(~0ULL)
                                       : (b.gone == ~0ULL || !gone ? ~0ULL : std::max(b.gone, *gone));
    }
    for (auto& [k, b] : byBounds) {
        std::sort(b.firingSteps.begin(), b.firingSteps.end());
        m_bands.bands.push_back(std::move(b));
    }
    return m_bands.bands;
}

QRectF StreamCanvas::drawBand(QPainter* p, const Geometry& g, const BandEntry& b, std::uint64_t step) const {
    const bool fired = b.fired <= step, gone = b.gone <= step;
    const std::uint64_t endStep = bandEndStep(b.fired, b.gone, step);
    const double x0 = g.x(static_cast<double>(b.created) - 0.5);
    const double x1 = std::max(x0 + m_theme.px(4), g.x(static_cast<double>(endStep) + 0.5));
    const QRectF r = QRectF(QPointF(x0, g.y(b.end, g.plot)), QPointF(x1, g.y(b.start, g.plot))).normalized();
    if (!p) return r;
    const QColor c = fired ? kFired : kOpen;
    const int alpha = gone ? 25 : (fired ? 60 : 45);
    p->setBrush(QColor(c.red(), c.green(), c.blue(), alpha));
    p->setPen(QPen(QColor(c.red(), c.green(), c.blue(), gone ? 80 : 200), 1, fired ? Qt::SolidLine : Qt::DashLine));
    p->drawRect(r);
    return r;
}

const QString& StreamCanvas::bandLabel(const BandEntry& cb, std::uint64_t step) const {
    auto& b = const_cast<BandEntry&>(cb);
    const auto version = static_cast<std::size_t>(
        std::upper_bound(b.firingSteps.begin(), b.firingSteps.end(), step) - b.firingSteps.begin());
    if (version == b.version) return b.label;
    b.version = version;
    b.label.clear();
    b.brief.clear();
    b.labelWidth = -1;
    b.briefWidth = -1;
    int results = 0;
    bool numbers = true;
    double lo = 0, hi = 0;
    QString loText, hiText;
    for (const int i : b.windows) {
        const ObservedWindow& w = m_obs->windows[static_cast<std::size_t>(i)];
        if (w.stateAt(step) == ObservedWindow::State::Absent) continue;
        if (const auto* f = w.firingAt(step)) {
            if (!b.label.isEmpty()) b.label += QStringLiteral("  ");
            const QString value = peopleNumber(f->result);
            b.label += (m_key.isEmpty() ? QString::fromStdString(w.key) + QLatin1Char('=') : QString()) + value;
            bool ok = false;
            const double v = QString::fromStdString(f->result).toDouble(&ok);
            numbers = numbers && ok;
            if (ok && (results == 0 || v < lo)) {
                lo = v;
                loText = value;
            }
            if (ok && (results == 0 || v > hi)) {
                hi = v;
                hiText = value;
            }
            ++results;
        }
    }
    b.results = results;
    b.numbers = numbers;
    b.lo = lo;
    b.hi = hi;
    b.loText = loText;
    b.hiText = hiText;
    // The short form: how many results and the range of their values (all of them, not some).
    if (results <= 1) b.brief = b.label;
    else if (!numbers) b.brief = tr("%n results", nullptr, results);
    else if (lo == hi) b.brief = tr("%n results: %1", nullptr, results).arg(loText);
    else b.brief = tr("%n results: %1–%2", nullptr, results).arg(loText, hiText);
    return b.label;
}

QRectF StreamCanvas::bandRect(int window, QSizeF size) const {
    if (!m_obs || window < 0 || window >= static_cast<int>(m_obs->windows.size())) return {};
    const Geometry& g = geometry(size);
    const auto& w = m_obs->windows[static_cast<std::size_t>(window)];
    const std::optional<std::uint64_t> gone = w.purgedStep ? w.purgedStep : w.mergedStep;
    const std::uint64_t endStep =
        bandEndStep(w.firings.empty() ? ~0ULL : w.firings.front().step, gone ? *gone : ~0ULL, m_step);
    const double x0 = g.x(static_cast<double>(w.createdStep) - 0.5);
    const double x1 = std::max(x0 + m_theme.px(4), g.x(static_cast<double>(endStep) + 0.5));
    return QRectF(QPointF(x0, g.y(w.end, g.plot)), QPointF(x1, g.y(w.start, g.plot))).normalized();
}

int StreamCanvas::windowAt(QPointF pos) const {
    if (!m_obs) return -1;
    // Open windows first (the question is about them), then fired ones; the narrowest band wins.
    int best = -1;
    double bestArea = 0;
    bool bestOpen = false;
    for (std::size_t i = 0; i < m_obs->windows.size(); ++i) {
        const auto& w = m_obs->windows[i];
        if (!visibleKey(w.key)) continue;
        const auto st = w.stateAt(m_step);
        if (st == ObservedWindow::State::Absent || st == ObservedWindow::State::Purged) continue;
        const QRectF r = bandRect(static_cast<int>(i), size());
        if (!r.contains(pos)) continue;
        const bool open = st == ObservedWindow::State::Open;
        const double area = r.width() * r.height();
        if (best < 0 || (open && !bestOpen) || (open == bestOpen && area < bestArea)) {
            best = static_cast<int>(i);
            bestArea = area;
            bestOpen = open;
        }
    }
    return best;
}

void StreamCanvas::mousePressEvent(QMouseEvent* event) {
    const int w = windowAt(event->position());
    if (w >= 0) {
        m_selected = w;
        update();
        Q_EMIT windowClicked(w);
    }
    QWidget::mousePressEvent(event);
}

void StreamCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    render(p, QSizeF(size()));
}

namespace {
/// Draws a text in its box and notes where it went (placedTexts()).
void placeText(QPainter& p, std::vector<PlacedText>& placed, const QRectF& box, int flags, const QString& shown,
               const QString& full, const char* role) {
    p.drawText(box, flags, shown);
    const QFontMetricsF m(p.font());
    placed.push_back({shown, full, box, m.boundingRect(box, flags, shown), p.font(), QLatin1String(role)});
}

} // namespace

QRectF StreamCanvas::drawStill(QPainter& p, const Geometry& g, std::vector<PlacedText>& placed) const {
    const StreamObservation& o = *m_obs;
    const QFont font = m_theme.font(9);
    const QFont bold = m_theme.font(9, true);
    const QFontMetricsF fm(font);
    const Millis range = g.ymax - g.ymin;
    const double dot = m_theme.px(3.2);
    const auto put = [&](const QRectF& box, int flags, const QString& shown, const QString& full, const char* role) {
        placeText(p, placed, box, flags, shown, full, role);
    };
    p.fillRect(QRectF(QPointF(0, 0), g.size), m_theme.background);
    p.setFont(font);
    // Legend (as many rows as geometry() gave it).
    {
        struct Item {
            int kind;
            QString text;
        };
        std::vector<Item> items;
        for (const auto& [kind, text] : legendItems(m_obs))
            items.push_back({kind, text});
        double x = g.legend.left(), y = g.legend.top() + m_theme.px(2);
        const double sw = m_theme.px(16);
        for (const Item& it : items) {
            const double w = g.legendItemWidth(it.text);
            if (x + w > g.legend.right() && x > g.legend.left()) {
                x = g.legend.left();
                y += fm.height() + m_theme.px(4);
            }
            const QRectF sym(x, y + m_theme.px(1), sw, fm.height() - m_theme.px(2));
            p.setPen(Qt::NoPen);
            switch (it.kind) {
            case 0:
                p.setBrush(kEvent);
                p.drawEllipse(sym.center(), dot, dot);
                break;
            case 1: {
                p.setBrush(kLate);
                const QPointF c = sym.center();
                const double r = dot * 1.5;
                p.drawPolygon(
                    QPolygonF({c + QPointF(0, -r), c + QPointF(r, r * 0.8), c + QPointF(-r, r * 0.8)}));
                break;
            }
            case 2:
                p.setPen(QPen(kWatermark, m_theme.px(2.5)));
                p.drawLine(QPointF(sym.left(), sym.bottom()), QPointF(sym.center().x(), sym.bottom()));
                p.drawLine(QPointF(sym.center().x(), sym.bottom()), QPointF(sym.center().x(), sym.top()));
                p.drawLine(QPointF(sym.center().x(), sym.top()), QPointF(sym.right(), sym.top()));
                break;
            case 3:
                p.setBrush(QColor(kOpen.red(), kOpen.green(), kOpen.blue(), 70));
                p.setPen(QPen(kOpen, 1));
                p.drawRect(sym);
                break;
            case 4:
                p.setBrush(QColor(kFired.red(), kFired.green(), kFired.blue(), 90));
                p.setPen(QPen(kFired, 1));
                p.drawRect(sym);
                break;
            default:
                p.setBrush(kIdle);
                p.drawRect(sym);
                break;
            }
            p.setPen(m_theme.text);
            const QRectF tb(x + sw + m_theme.px(4), y, fm.horizontalAdvance(it.text) + 1, fm.height());
            put(tb.intersected(g.legend), Qt::AlignLeft | Qt::AlignVCenter, it.text, it.text, "legend");
            x += w;
        }
    }

    // Plot frame and event-time axis.
    p.setPen(QPen(m_theme.border, 1));
    p.setBrush(m_theme.panel);
    p.drawRect(g.plot);
    p.setPen(m_theme.muted);
    const int ticks = std::max(2, static_cast<int>(g.plot.height() / (fm.height() * 2.5)));
    for (int i = 0; i <= ticks; ++i) {
        const Millis t = g.ymin + range * i / ticks;
        const double y = g.y(t, g.plot);
        p.setPen(QPen(m_theme.emptyCell, 1));
        p.drawLine(QPointF(g.plot.left(), y), QPointF(g.plot.right(), y));
        p.setPen(m_theme.muted);
        const QString label = timeLabel(t, range);
        put(QRectF(g.plot.left() - g.labelWidth, y - fm.height() / 2, g.labelWidth - m_theme.px(4), fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, label, label, "axis");
    }
    // Processing axis: element numbers (and processing time when the trace has arrival times).
    const bool proc = o.hasArrivalTimes();
    const int xticks = std::max(
        2, static_cast<int>(g.plot.width() / (fm.horizontalAdvance(QStringLiteral("000000 00:00:00")) + 20)));
    double lastRight = -1e9;
    for (int i = 0; i <= xticks; ++i) {
        const std::uint64_t s = g.last * static_cast<std::uint64_t>(i) / static_cast<std::uint64_t>(xticks);
        const double x = g.x(static_cast<double>(s));
        p.setPen(QPen(m_theme.border, 1));
        p.drawLine(QPointF(x, g.plot.bottom()), QPointF(x, g.plot.bottom() + m_theme.px(3)));
        p.setPen(m_theme.muted);
        const QString label =
            proc ? QStringLiteral("%1 %2").arg(s).arg(timeLabel(o.processingTimeAt(s), 60000))
                 : QString::number(s);
        const double w = fm.horizontalAdvance(label);
        // Under the plot only: the event-time labels' column ends half a line below the plot.
        const double lx = std::clamp(x - w / 2, g.plot.left(), g.plot.right() - w);
        if (lx < lastRight + m_theme.px(8)) continue; // never print over the previous label
        lastRight = lx + w;
        put(QRectF(lx, g.plot.bottom() + m_theme.px(3), w + 1, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            label, label, "axis");
    }
    p.setPen(m_theme.text);
    {
        // Its room reserved by the layout: one line, or two where it does not fit on one (1366 px with
        // the lab panel), right-aligned under the numbers; never cut.
        if (g.xTitleCondensed) p.setFont(m_theme.condensed(9));
        const QFontMetricsF tm(p.font());
        for (qsizetype i = 0; i < g.xTitle.size(); ++i) {
            const QString& line = g.xTitle[i];
            put(QRectF(g.plot.left(), g.plot.bottom() + m_theme.px(3) + fm.height() * static_cast<double>(1 + i),
                       g.plot.width(), fm.height()),
                Qt::AlignRight | Qt::AlignVCenter, tm.elidedText(line, Qt::ElideRight, g.plot.width()), line, "axis");
        }
        p.setFont(font);
    }
    p.setFont(bold);
    const QString yTitle = tr("↑ event time");
    const QRectF yTitleBox(g.plot.left() + m_theme.px(4), g.plot.top() + m_theme.px(2), g.plot.width() / 2,
                           fm.height());
    put(yTitleBox, Qt::AlignLeft | Qt::AlignVCenter, yTitle, yTitle, "axis");
    const QRectF yTitleInk = placed.back().ink;
    p.setFont(font);

    // The side output's frame and title.
    p.setPen(QPen(m_theme.border, 1));
    p.setBrush(m_theme.panel);
    p.drawRect(g.side);
    p.setPen(kLate);
    p.setFont(bold);
    const QString sideTitle = lateStripTitle(m_obs);
    put(QRectF(g.side.left() + m_theme.px(4), g.side.top() + m_theme.px(2), g.side.width() - m_theme.px(8),
               fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(bold).elidedText(sideTitle, Qt::ElideRight, g.side.width() - m_theme.px(8)), sideTitle,
        "side");
    p.setFont(font);

    // The lanes' frames and names (their watermarks, idle spans and values move: render()).
    const int parts = o.partitions();
    for (std::size_t i = 0; i < g.lanes.size(); ++i) {
        const bool op = i + 1 == g.lanes.size();
        const QRectF& lane = g.lanes[i];
        p.setPen(QPen(m_theme.border, 1));
        p.setBrush(op ? QColor(0xff, 0xf6, 0xe0) : m_theme.panel);
        p.drawRect(lane);
        if (!op && g.compactLanes) continue; // the collapsed partition lanes: the block has one name
        const QString name = op ? tr("operator") : tr("partition %1").arg(i);
        p.setFont(op ? bold : font);
        p.setPen(m_theme.text);
        put(QRectF(lane.left() - g.labelWidth, lane.top(), g.labelWidth - m_theme.px(4), lane.height()),
            Qt::AlignRight | Qt::AlignVCenter,
            QFontMetricsF(p.font()).elidedText(name, Qt::ElideRight, g.labelWidth - m_theme.px(4)), name, "lane");
    }
    if (g.compactLanes && parts > 0) {
        const QRectF block(g.lanes.front().topLeft(), g.lanes[static_cast<std::size_t>(parts - 1)].bottomRight());
        p.setFont(font);
        p.setPen(m_theme.text);
        const QString name = partitionsName(parts);
        put(QRectF(block.left() - g.labelWidth, block.top(), g.labelWidth - m_theme.px(4), block.height()),
            Qt::AlignRight | Qt::AlignVCenter, name, name, "lane");
    }
    (void)dot;
    return yTitleInk;
}

QRectF StreamCanvas::drawStairPiece(QPainter& p, const Geometry& g, int which, std::uint64_t from, std::uint64_t to,
                                  bool lastPiece, bool raster) const {
    const StreamObservation& o = *m_obs;
    const int parts = o.partitions();
    const auto x = [&](double s) { return g.x(s); };
    QPainterPath path;
    QColor colour = kWatermark;
    double width = 0;
    bool flatStart = true, flatEnd = true, lane = true;
    if (which <= parts) {
        // A lane: a partition's watermark, or the operator's (their minimum over the active ones).
        const bool op = which == parts;
        const QRectF& r = g.lanes[static_cast<std::size_t>(which)];
        staircase(path, op ? operatorHistory() : o.splitWatermarks[static_cast<std::size_t>(which)], from, to, x,
                  [&](Millis wm) {
                      return wm == labs::kMaxTime ? r.top() + 1
                                                    : std::clamp(g.y(wm, r), r.top() + 1, r.bottom() - 1);
                  });
        colour = op ? kWatermark : kEvent;
        width = m_theme.px(op ? 2.2 : 1.5);
        flatStart = from > 0; // square caps at the staircase's own ends, flat where pieces meet
        flatEnd = !lastPiece;
    } else {
        // The plot's operator watermark (flat caps).
        const double dot = m_theme.px(3.2);
        staircase(path, operatorHistory(), from, to, x,
                  [&](Millis wm) { return wm == labs::kMaxTime ? g.plot.top() - dot : g.y(wm, g.plot); });
        width = m_theme.px(2.5);
        lane = false;
    }
    if (path.isEmpty()) return {};
    if (raster) {
        fillStaircase(p, path, colour, width, flatStart, flatEnd);
    } else {
        p.setBrush(Qt::NoBrush);
        p.setPen(lane ? QPen(colour, width) : QPen(colour, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.drawPath(path);
    }
    return path.controlPointRect().adjusted(-width, -width, width, width);
}

void StreamCanvas::updateStill(const Geometry& g, const QTransform& device, QSizeF size, std::uint64_t step,
                               const QPaintDevice* target) const {
    StillLayers& L = m_still;
    const StreamObservation& o = *m_obs;
    const int parts = o.partitions();
    std::size_t history = operatorHistory().size();
    for (const auto& h : o.splitWatermarks)
        history += h.size();
    const int dpi = target ? target->logicalDpiX() * 1000 + target->logicalDpiY() : 0;
    const bool same = L.generation == m_generation && L.theme == m_themeGeneration && L.device == device &&
                      L.dpi == dpi && L.key == m_key && L.size == size && L.ymin == g.ymin && L.ymax == g.ymax && L.last == g.last &&
                      L.history == history && L.stairs.size() == static_cast<std::size_t>(parts) + 2;
    if (!same) {
        // Resize, zoom, theme, language or another observation: the background drawn again, the
        // staircases from their first piece.
        const std::uint64_t rebuilds = L.rebuilds + 1;
        L = StillLayers{};
        L.rebuilds = rebuilds;
        L.generation = m_generation;
        L.theme = m_themeGeneration;
        L.device = device;
        L.dpi = dpi;
        L.key = m_key;
        L.size = size;
        L.ymin = g.ymin;
        L.ymax = g.ymax;
        L.last = g.last;
        L.history = history;
        L.background = device_layer::make(device, QRectF(QPointF(0, 0), size), L.backgroundOrigin, target);
        QPainter q;
        device_layer::begin(q, L.background, device, L.backgroundOrigin);
        L.yTitleInk = drawStill(q, g, L.placed);
        q.end();
        L.still = L.background; // shared until a settled band is drawn
        const double dot = m_theme.px(3.2), margin = m_theme.px(3);
        for (int i = 0; i <= parts + 1; ++i) {
            const QRectF r = i <= parts ? g.lanes[static_cast<std::size_t>(i)].adjusted(-margin, -margin, margin, margin)
                                        : g.plot.adjusted(-dot * 2, -dot * 2, dot * 2, dot * 2);
            StairLayer layer;
            layer.image = device_layer::make(device, r, layer.origin, target);
            layer.tiles.reset(layer.image.size());
            L.stairs.push_back(std::move(layer));
        }
        // 32 pieces over the run: a frame draws at most a 32nd of the width of each staircase.
        L.pieceSteps = std::max<std::uint64_t>(1, (g.last + 31) / 32);
    } else if (step < L.pieces * L.pieceSteps) {
        // A seek back: the staircases from their first piece, the background without settled bands.
        for (StairLayer& layer : L.stairs) {
            layer.image.fill(Qt::transparent);
            layer.tiles.clear();
        }
        L.background = L.still;
        L.pieces = 0;
        ++L.rebuilds;
    }
    const std::uint64_t want = step / L.pieceSteps;
    if (want <= L.pieces) return;
    for (int i = 0; i <= parts + 1; ++i) {
        StairLayer& layer = L.stairs[static_cast<std::size_t>(i)];
        QPainter q;
        device_layer::begin(q, layer.image, device, layer.origin);
        for (std::uint64_t k = L.pieces; k < want; ++k)
            layer.tiles.mark(drawStairPiece(q, g, i, k * L.pieceSteps, (k + 1) * L.pieceSteps, false, true), device,
                             layer.origin);
        q.end();
    }
    // The bands settled in these pieces, in band order, clipped as render() clips them.
    const std::uint64_t from = L.pieces * L.pieceSteps, to = want * L.pieceSteps;
    const double dot = m_theme.px(3.2);
    QPainter q;
    for (std::uint64_t k = L.pieces; k < want; ++k)
        for (const BandEntry& b : bands()) {
            const std::uint64_t settled = settledStep(b);
            if (settled < from || settled >= to || settled / L.pieceSteps != k) continue;
            if (!q.isActive()) {
                device_layer::begin(q, L.background, device, L.backgroundOrigin);
                q.setClipRect(g.plot.adjusted(-dot * 2, -dot * 2, dot * 2, dot * 2));
            }
            (void)drawBand(&q, g, b, settled);
        }
    if (q.isActive()) q.end();
    L.pieces = want;
}

void StreamCanvas::render(QPainter& p, QSizeF size) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFont font = m_theme.font(9);
    const QFont bold = m_theme.font(9, true);
    const QFontMetricsF fm(font);
    p.setFont(font);
    m_placed.clear();
    const auto put = [&](const QRectF& box, int flags, const QString& shown, const QString& full, const char* role) {
        placeText(p, m_placed, box, flags, shown, full, role);
    };
    if (!m_obs) {
        p.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
        p.setPen(m_theme.muted);
        p.setFont(m_theme.font(12));
        const QString hint =
            tr("No trace loaded.\nFile ▸ Open trace… reads a CSV or JSON Lines file of events and runs it "
               "through the stream engine (event time, watermarks, windows).");
        put(QRectF(QPointF(0, 0), size).adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, hint,
            hint, "hint");
        p.restore();
        return;
    }
    (void)geometry(size);
    const std::shared_ptr<const Geometry> layout = m_geometry; // kept for this frame
    const Geometry& g = *layout;
    const StreamObservation& o = *m_obs;
    const std::uint64_t step = m_step;
    const Millis range = g.ymax - g.ymin;
    const double dot = m_theme.px(3.2);
    const int parts = o.partitions();

    // The cached layers: on a raster device, without rotation or shear (exports to SVG draw every element),
    // at any scale (a 2x screen, a 2x PNG export): the layers are in device pixels.
    // combinedTransform() includes the device's pixel ratio (a 2x screen or image).
    const QTransform device = p.combinedTransform();
    const bool raster = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                        device.type() <= QTransform::TxScale && device.m11() > 0 && device.m11() == device.m22();
    const bool cached = m_cacheLayers && raster;

    // What does not move: background, legend, axes, frames, lane names (one image when cached).
    QRectF yTitleInk;
    if (cached) {
        updateStill(g, device, size, step, p.device());
        device_layer::blit(p, m_still.background, m_still.backgroundOrigin);
        m_placed = m_still.placed;
        yTitleInk = m_still.yTitleInk;
    } else {
        yTitleInk = drawStill(p, g, m_placed);
    }
    p.setFont(font);
    // A watermark staircase up to the cursor: its finished pieces from the layer, the rest drawn.
    const auto stairs = [&](int which) {
        if (cached) {
            StairLayer& layer = m_still.stairs[static_cast<std::size_t>(which)];
            layer.tiles.blit(p, layer.image, layer.origin);
            drawStairPiece(p, g, which, m_still.pieces * m_still.pieceSteps, step, true, raster);
        } else {
            drawStairPiece(p, g, which, 0, step, true, raster);
        }
    };

    p.save();
    p.setClipRect(g.plot.adjusted(-dot * 2, -dot * 2, dot * 2, dot * 2));
    // Window bands (those settled in the still layers' finished pieces are in the background already).
    std::vector<std::pair<QRectF, const BandEntry*>> labels;
    const std::uint64_t settledBefore = cached ? m_still.pieces * m_still.pieceSteps : 0;
    for (const BandEntry& b : bands()) {
        if (b.created > step) continue;
        const QRectF r = drawBand(settledStep(b) < settledBefore ? nullptr : &p, g, b, step);
        if (b.fired <= step && !bandLabel(b, step).isEmpty()) labels.emplace_back(r, &b);
    }
    // Elements. A dot that would land on a cell (half a dot wide) already drawn is skipped: with more
    // elements than pixels (a long trace) the picture is the same and the cost follows the plot's size,
    // not the trace's length.
    std::uint64_t lateShown = 0;
    const std::uint64_t upto = std::min<std::uint64_t>(step, o.elements.size());
    // The elements' dots: as large as the legend's when they have room, smaller when many share the width
    // (a dot no wider than about two steps apart), so that a dense run reads as points, not a smear.
    const double pointDot = std::clamp(0.8 * g.plot.width() / static_cast<double>(std::max<std::uint64_t>(1, g.last)),
                                       m_theme.px(1.6), dot);
    const QRectF dotsClip = g.plot.adjusted(-dot * 2, -dot * 2, dot * 2, dot * 2);
    const QRectF sideInner = g.side.adjusted(m_theme.px(4), fm.height() * 2 + m_theme.px(4), -m_theme.px(4), 0);
    if (cached) {
        updateLayers(g, device, dot, pointDot, dotsClip, sideInner, std::min<std::uint64_t>(step, o.lastStep()));
        lateShown = m_layers.lates;
        m_layers.plotTiles.blit(p, m_layers.plotImage, m_layers.plotOrigin);
    }
    // The cells the marks went in (bit 0: dot, bit 1: late mark): the labels' placement reads them.
    std::vector<std::uint8_t> drawnHere;
    MarkGrid marksGrid;
    if (cached && m_layers.upto >= m_layers.scanned) {
        marksGrid = {&m_layers.drawn, m_layers.cols, m_layers.rows, m_layers.cell};
    } else if (cached) {
        // After a seek back the layers' grid also holds the cells of elements past the cursor: the
        // labels read the cells of the marks drawn up to it, from the log's prefix in the images.
        const DotLayers& L = m_layers;
        drawnHere.assign(L.cols * L.rows, 0);
        for (std::size_t k = 0; k < L.logged; ++k) {
            const DotLayers::Stamp& st = L.log[k];
            if (st.kind == 2) continue;
            const auto& e = o.elements[st.element];
            const QPointF c(g.x(static_cast<double>(e.step)), g.y(e.eventTime, g.plot));
            if (const auto at = markCell(c, g.plot, L.cell, L.cols, L.rows))
                drawnHere[*at] = static_cast<std::uint8_t>(drawnHere[*at] | (st.kind == 1 ? 2 : 1));
        }
        marksGrid = {&drawnHere, L.cols, L.rows, L.cell};
    } else {
        const double cell = std::max(1.0, pointDot / 2);
        const auto cols = static_cast<std::size_t>(g.plot.width() / cell) + 8;
        const auto rows = static_cast<std::size_t>(g.plot.height() / cell) + 8;
        drawnHere.assign(cols * rows, 0);
        std::vector<std::uint8_t>& drawn = drawnHere;
        marksGrid = {&drawnHere, cols, rows, cell};
        const auto firstDraw = [&](QPointF c, std::uint8_t bit) {
            const auto at = markCell(c, g.plot, cell, cols, rows);
            if (!at) return true;
            std::uint8_t& d = drawn[*at];
            if (d & bit) return false;
            d = static_cast<std::uint8_t>(d | bit);
            return true;
        };
        p.setPen(Qt::NoPen);
        for (std::uint64_t i = 0; i < upto; ++i) {
            const auto& e = o.elements[i];
            if (!visibleKey(e.key)) continue;
            const QPointF c(g.x(static_cast<double>(e.step)), g.y(e.eventTime, g.plot));
            const bool late = e.lateAt(step); // Flink SQL: from the flush that dropped it on
            if (late) ++lateShown;
            if (!firstDraw(c, late ? 2 : 1)) continue;
            if (late) {
                p.setBrush(kLate);
                const double r = dot * 1.6; // late elements stay large: they are what the picture is about
                p.drawPolygon(QPolygonF({c + QPointF(0, -r), c + QPointF(r, r * 0.8), c + QPointF(-r, r * 0.8)}));
            } else {
                p.setBrush(kEvent);
                p.drawEllipse(c, pointDot, pointDot);
            }
        }
    }
    // Watermark (minimum over the window subtasks) as a step line.
    stairs(parts + 1);
    // The job's checkpoints, crash and restore as lines across the plot, the process function's outputs
    // (the inactivity alerts) as marks along its top, up to the cursor; their labels are placed below.
    m_drawnMarks.clear();
    const QFont markFont = m_theme.font(8, true);
    const QFontMetricsF mf(markFont);
    struct MarkLabel {
        double x;
        QString text;
        QColor colour;
        int priority;
    };
    std::vector<MarkLabel> markLabels;
    // The processing-time timers a bounded input's end drops (Flink never fires them): one line and one
    // label per step for all of them ("3 timers dropped").
    std::optional<std::size_t> droppedLabel;
    std::uint64_t droppedStep = 0;
    int dropped = 0;
    for (const KeyedChange* c : jobMarks()) {
        if (c->step > step) break;
        const double mx = g.x(static_cast<double>(c->step));
        if (c->kind == KeyedChange::Kind::TimerDropped) {
            if (droppedLabel && droppedStep == c->step) {
                markLabels[*droppedLabel].text = tr("%n timers dropped", nullptr, ++dropped);
                continue;
            }
            dropped = 1;
            droppedStep = c->step;
            droppedLabel = markLabels.size();
            p.setPen(QPen(kProcessing.darker(130), m_theme.px(1.5), Qt::DotLine));
            p.drawLine(QPointF(mx, g.plot.top()), QPointF(mx, g.plot.bottom()));
            markLabels.push_back({mx, tr("%n timers dropped", nullptr, dropped), kProcessing.darker(130), 0});
            continue;
        }
        QString label;
        QColor colour;
        Qt::PenStyle style = Qt::SolidLine;
        int priority = 1;
        switch (c->kind) {
        case KeyedChange::Kind::CheckpointCompleted:
            label = tr("CP %1").arg(c->checkpoint);
            colour = kFired;
            style = Qt::DashLine;
            break;
        case KeyedChange::Kind::Crashed:
            label = tr("✖ crash");
            colour = kLate;
            priority = 0;
            break;
        case KeyedChange::Kind::Restored:
            label = c->checkpoint > 0 ? tr("↺ restore #%1").arg(c->checkpoint) : tr("↺ restart");
            colour = kSelected;
            priority = 0;
            break;
        case KeyedChange::Kind::Output: {
            colour = c->duplicate ? m_theme.muted : kSelected;
            const double r = m_theme.px(5);
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            const double top = g.plot.top() + m_theme.px(2);
            p.drawPolygon(QPolygonF{QPointF(mx, top), QPointF(mx - r, top + 1.7 * r), QPointF(mx + r, top + 1.7 * r)});
            m_drawnMarks << QStringLiteral("⚠");
            continue;
        }
        default:
            continue;
        }
        p.setPen(QPen(colour, m_theme.px(1.5), style));
        p.drawLine(QPointF(mx, g.plot.top()), QPointF(mx, g.plot.bottom()));
        markLabels.push_back({mx, label, colour, priority});
    }
    std::stable_sort(markLabels.begin(), markLabels.end(),
                     [](const MarkLabel& a, const MarkLabel& b) { return a.priority < b.priority; });

    // The labels: the marks' first (short, in rows under the plot's title line, at most a third of the
    // plot's height), then the results of fired windows, each whole, inside the plot, clear of every
    // other text and, where the plot has room, of the dots and the watermark (placeLabels).
    const QRectF inside = g.plot.adjusted(m_theme.px(1), m_theme.px(1), -m_theme.px(1), -m_theme.px(1));
    const MarkBlocks blocks(marksGrid, g.plot);
    const auto& opHistory = operatorHistory();
    const double wmPen = m_theme.px(2.5);
    const auto covered = [&](const QRectF& r) {
        // Marks under it (a dot reaches `dot` around its cell; a late mark 1.6 times that), and the
        // watermark's staircase (its height between the rectangle's two sides: it never goes down).
        double n = blocks.count(r.adjusted(-dot * 1.6, -dot * 1.6, dot * 1.6, dot * 1.6));
        const double s0 = (r.left() - g.plot.left()) / g.plot.width() * static_cast<double>(g.last);
        if (!opHistory.empty() && s0 <= static_cast<double>(step)) {
            const double s1 =
                std::min(static_cast<double>(step), (r.right() - g.plot.left()) / g.plot.width() * static_cast<double>(g.last));
            const auto at = [&](double s) {
                const auto it = std::upper_bound(opHistory.begin(), opHistory.end(), s,
                                                 [](double v, const stream_observe::WatermarkPoint& pt) {
                                                     return v < static_cast<double>(pt.step);
                                                 });
                return it == opHistory.begin() ? labs::kMinTime : std::prev(it)->watermark;
            };
            const auto yOf = [&](Millis wm) { return wm == labs::kMaxTime ? g.plot.top() - dot : g.y(wm, g.plot); };
            const Millis w1 = at(s1);
            if (w1 != labs::kMinTime) {
                Millis w0 = at(std::max(0.0, s0));
                if (w0 == labs::kMinTime)
                    for (const auto& pt : opHistory)
                        if (pt.watermark != labs::kMinTime) {
                            w0 = pt.watermark;
                            break;
                        }
                const double top = yOf(w1) - wmPen / 2, bottom = yOf(w0) + wmPen / 2;
                if (top < r.bottom() && bottom > r.top()) n += 20; // the line is worth more than a dot
            }
        }
        return n;
    };
    std::vector<QRectF> taken{yTitleInk.adjusted(-m_theme.px(2), 0, m_theme.px(2), 0)};
    std::vector<LabelRequest> requests;
    const double rowsTop = g.plot.top() + m_theme.px(12);
    const int markRows = std::clamp(static_cast<int>((g.plot.height() / 3) / mf.height()), 1, 3);
    for (const MarkLabel& l : markLabels) {
        LabelRequest q;
        q.size = QSizeF(mf.horizontalAdvance(l.text) + m_theme.px(4), mf.height());
        for (int row = 0; row < markRows; ++row)
            q.candidates.emplace_back(l.x + m_theme.px(2), rowsTop + row * mf.height());
        for (int row = 0; row < markRows; ++row)
            q.candidates.emplace_back(l.x - m_theme.px(2) - q.size.width(), rowsTop + row * mf.height());
        requests.push_back(std::move(q));
    }
    const std::vector<std::optional<QRectF>> markPlaces = placeLabels(requests, taken, inside, covered);
    p.setFont(bold);
    const QFontMetricsF fmb(bold);
    // Each fired window's result, whole where a place clear of texts, dots and the watermark takes it,
    // else in its short form ("4 results: 7–12"); a result with no clear place is not drawn over the
    // picture but counted in a note ("+3 fired windows without a label"): results drawn plus the note's
    // count are the fired windows in view.
    // Bands of overlapping bounds that fire at one step (sliding windows under one watermark: the run's end
    // fires every hop window at once) share a label that sums them up; a wall of ~36 lists and short forms
    // stood there at 1920 px (issue #10). Bands alone at their step (tumbling windows) keep their own.
    struct Group {
        QRectF band; ///< the bands' union
        std::vector<const BandEntry*> entries;
        QString label, brief;
        double labelWidth = 0, briefWidth = 0;
    };
    std::vector<Group> groups;
    {
        std::map<std::uint64_t, std::vector<std::size_t>> byStep; // the step of each band's latest firing
        for (std::size_t li = 0; li < labels.size(); ++li) {
            const BandEntry& b = *labels[li].second;
            byStep[b.firingSteps[std::max<std::size_t>(1, b.version) - 1]].push_back(li);
        }
        std::vector<std::pair<std::size_t, Group>> ordered; // by the first band's place in `labels`
        for (auto& [firing, members] : byStep) {
            std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) { return labels[a].second->start < labels[b].second->start; });
            for (std::size_t i = 0; i < members.size();) {
                std::size_t j = i + 1;
                Millis end = labels[members[i]].second->end;
                while (j < members.size() && labels[members[j]].second->start < end) end = std::max(end, labels[members[j++]].second->end);
                Group grp;
                std::size_t first = members[i];
                for (std::size_t k = i; k < j; ++k) {
                    grp.band = grp.band.isNull() ? labels[members[k]].first : grp.band.united(labels[members[k]].first);
                    grp.entries.push_back(labels[members[k]].second);
                    first = std::min(first, members[k]);
                }
                ordered.emplace_back(first, std::move(grp));
                i = j;
            }
        }
        std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [first, grp] : ordered) groups.push_back(std::move(grp));
    }
    struct Shown {
        QRectF band;
        const Group* group;
        QRectF place;
        bool brief;
    };
    std::vector<Shown> shown;
    int shownBands = 0;
    m_resultCounts = {};
    m_resultCounts.fired = static_cast<int>(labels.size());
    // A long run's thousands of fired bands: the latest kMaxWindowLabels (nearest the cursor) are tried.
    const std::size_t firstLabel = groups.size() > kMaxWindowLabels ? groups.size() - kMaxWindowLabels : 0;
    const std::size_t takenBefore = taken.size();
    const double maxLeader = maxLeaderLines() * fmb.height();
    for (std::size_t gi = firstLabel; gi < groups.size(); ++gi) {
        Group& grp = groups[gi];
        const QRectF& r = grp.band;
        if (grp.entries.size() == 1) {
            // The widths are measured once per label and font (a million-element run has thousands of fired
            // bands, most with labels too long to place).
            auto& b = const_cast<BandEntry&>(*grp.entries.front());
            if (b.labelWidth < 0 || b.widthScale != m_theme.scale) {
                b.labelWidth = fmb.horizontalAdvance(b.label);
                b.briefWidth = fmb.horizontalAdvance(b.brief);
                b.widthScale = m_theme.scale;
            }
            grp.label = b.label;
            grp.brief = b.brief;
            grp.labelWidth = b.labelWidth;
            grp.briefWidth = b.briefWidth;
        } else {
            int results = 0;
            bool numbers = true;
            double lo = 0, hi = 0;
            QString loText, hiText;
            for (const BandEntry* b : grp.entries) {
                numbers = numbers && b->numbers;
                if (b->results > 0 && b->numbers && (results == 0 || b->lo < lo)) {
                    lo = b->lo;
                    loText = b->loText;
                }
                if (b->results > 0 && b->numbers && (results == 0 || b->hi > hi)) {
                    hi = b->hi;
                    hiText = b->hiText;
                }
                results += b->results;
            }
            const QString sum = !numbers ? tr("%n results", nullptr, results)
                                : lo == hi ? tr("%n results: %1", nullptr, results).arg(loText)
                                           : tr("%n results: %1–%2", nullptr, results).arg(loText, hiText);
            const int n = static_cast<int>(grp.entries.size());
            grp.label = tr("%n windows fired at one watermark · %1", nullptr, n).arg(sum);
            grp.brief = tr("%n windows · %1", nullptr, n).arg(sum);
            grp.labelWidth = fmb.horizontalAdvance(grp.label);
            grp.briefWidth = fmb.horizontalAdvance(grp.brief);
        }
        std::optional<QRectF> place;
        bool brief = false;
        for (const bool shortForm : {false, true}) {
            if (shortForm && grp.brief == grp.label) break;
            const double w = (shortForm ? grp.briefWidth : grp.labelWidth) + m_theme.px(6);
            if (w > inside.width()) continue;
            place = placeClear(windowLabelCandidates(r, QSizeF(w, fmb.height()), inside, m_theme.px(3), maxLeader),
                               taken, inside, covered);
            if (place) {
                brief = shortForm;
                break;
            }
        }
        if (!place) continue;
        taken.push_back(*place);
        shown.push_back({r, &grp, *place, brief});
        shownBands += static_cast<int>(grp.entries.size());
    }
    // The note for the rest, clear of the texts (right of the "↑ event time" title, else down the plot's
    // left side, where event times come later than they are read); a result gives its place to it when
    // none is left.
    std::optional<QRectF> notePlace;
    QString note;
    while (shownBands < m_resultCounts.fired) {
        const int hidden = m_resultCounts.fired - shownBands;
        note = tr("+%n fired window(s) without a label", nullptr, hidden);
        LabelRequest q;
        q.size = QSizeF(fmb.horizontalAdvance(note) + m_theme.px(6), fmb.height());
        q.candidates.emplace_back(yTitleInk.right() + m_theme.px(8), yTitleInk.center().y() - q.size.height() / 2);
        for (double y = yTitleInk.bottom() + m_theme.px(2); y + q.size.height() <= inside.bottom(); y += q.size.height() / 2)
            q.candidates.emplace_back(inside.left(), y);
        for (double y = inside.top(); y + q.size.height() <= inside.bottom(); y += q.size.height() / 2)
            q.candidates.emplace_back(inside.right() - q.size.width(), y);
        std::vector<QRectF> others(taken.begin(), taken.end());
        notePlace = placeClear(q, others, inside, covered);
        if (!notePlace) {
            // Clear of the texts at least (over dots rather than missing: it says what is not shown).
            std::vector<QRectF> scratch(taken.begin(), taken.end());
            notePlace = placeLabels({q}, scratch, inside, covered).front();
        }
        if (notePlace || shown.empty()) break;
        taken.erase(taken.begin() + static_cast<std::ptrdiff_t>(takenBefore + shown.size() - 1));
        shownBands -= static_cast<int>(shown.back().group->entries.size());
        shown.pop_back();
    }
    if (notePlace) taken.push_back(*notePlace);
    // A result moved away from its band is tied to it by a thin line (under the labels), at most
    // maxLeaderLines() label heights long.
    m_leaders.clear();
    for (const Shown& sh : shown) {
        const QRectF& band = sh.band;
        const QRectF& lr = sh.place;
        if (band.adjusted(-m_theme.px(4), -m_theme.px(4), m_theme.px(4), m_theme.px(4)).intersects(lr)) continue;
        const QLineF line = leaderLine(band, lr);
        p.setPen(QPen(QColor(kFired.red(), kFired.green(), kFired.blue(), 170), m_theme.px(1)));
        p.drawLine(line);
        m_leaders.push_back(line);
    }
    for (const Shown& sh : shown) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 200));
        p.drawRect(sh.place);
        p.setPen(kFired.darker(140));
        const QString& text = sh.brief ? sh.group->brief : sh.group->label;
        put(sh.place, Qt::AlignCenter, text, text, "window");
        const int n = static_cast<int>(sh.group->entries.size());
        m_resultCounts.labelled += n;
        ++m_resultCounts.labels;
        if (sh.brief) m_resultCounts.brief += n;
    }
    if (notePlace) {
        m_resultCounts.unlabelled = m_resultCounts.fired - shownBands;
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 200));
        p.drawRect(*notePlace);
        p.setPen(kFired.darker(140));
        put(*notePlace, Qt::AlignCenter, note, note, "window-note");
    }
    p.setFont(markFont);
    for (std::size_t i = 0; i < markLabels.size(); ++i) {
        if (!markPlaces[i]) continue;
        const QRectF& box = *markPlaces[i];
        p.fillRect(box, QColor(255, 255, 255, 210));
        p.setPen(markLabels[i].colour.darker(120));
        put(box, Qt::AlignCenter, markLabels[i].text, markLabels[i].text, "mark");
        m_drawnMarks << markLabels[i].text;
    }
    p.setFont(font);
    // Selected window.
    if (m_selected >= 0 && m_selected < static_cast<int>(o.windows.size()) &&
        o.windows[static_cast<std::size_t>(m_selected)].stateAt(step) != ObservedWindow::State::Absent) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(kSelected, m_theme.px(2.5)));
        p.drawRect(bandRect(m_selected, size));
    }
    // Cursor.
    p.setPen(QPen(m_theme.muted, 1, Qt::DotLine));
    const double cx = g.x(static_cast<double>(step));
    p.drawLine(QPointF(cx, g.plot.top()), QPointF(cx, g.plot.bottom()));
    p.restore();

    // Side output strip (its frame and title are still: drawStill).
    p.setFont(font);
    p.setPen(kLate);
    const QString sideCount = !lateDropped(&o)
                                  ? tr("%n late", nullptr, static_cast<int>(lateShown))
                                  : tr("%n dropped", nullptr, static_cast<int>(lateShown));
    put(QRectF(g.side.left() + m_theme.px(4), g.side.top() + m_theme.px(2) + fm.height(),
               g.side.width() - m_theme.px(8), fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(sideCount, Qt::ElideRight, g.side.width() - m_theme.px(8)),
        sideCount, "side");
    if (cached) {
        p.save();
        p.setClipRect(sideInner);
        m_layers.sideTiles.blit(p, m_layers.sideImage, m_layers.sideOrigin);
        p.restore();
    } else {
        p.save();
        const QRectF& inner = sideInner;
        p.setClipRect(inner);
        p.setPen(Qt::NoPen);
        p.setBrush(kLate);
        int n = 0;
        // In the order they were judged late (the element order, but for Flink SQL's flushes).
        for (const std::uint32_t i : o.lateOrder) {
            const auto& e = o.elements[i];
            if (!e.lateAt(step)) break;
            if (!visibleKey(e.key)) continue;
            const double r = dot * 1.4;
            const double x =
                inner.left() + r + std::fmod(n * r * 2.6, std::max(r * 2, inner.width() - 2 * r));
            const QPointF c(x, std::clamp(g.y(e.eventTime, g.plot), inner.top() + r, inner.bottom() - r));
            p.drawPolygon(QPolygonF({c + QPointF(0, -r), c + QPointF(r, r * 0.8), c + QPointF(-r, r * 0.8)}));
            ++n;
        }
        p.restore();
    }

    // Watermark lanes: one per partition, then the operator (their minimum over the active ones); their
    // frames and names are still (drawStill).
    for (int i = 0; i < parts; ++i) {
        const QRectF& lane = g.lanes[static_cast<std::size_t>(i)];
        std::optional<std::uint64_t> from;
        for (const auto& pt : o.splitIdle[static_cast<std::size_t>(i)]) {
            if (pt.step > step) break;
            if (pt.idle && !from) from = pt.step;
            if (!pt.idle && from) {
                p.fillRect(QRectF(QPointF(g.x(static_cast<double>(*from)), lane.top() + 1),
                                  QPointF(g.x(static_cast<double>(pt.step)), lane.bottom())),
                           kIdle);
                from.reset();
            }
        }
        if (from)
            p.fillRect(QRectF(QPointF(g.x(static_cast<double>(*from)), lane.top() + 1),
                              QPointF(g.x(static_cast<double>(step)), lane.bottom())),
                       kIdle);
        stairs(i);
    }
    stairs(parts);
    if (g.compactLanes && parts > 0) {
        // Collapsed: the watermark of the active partition holding the others back (the lowest), named.
        int holder = -1;
        for (int i = 0; i < parts; ++i)
            if (!o.splitIdleAt(i, step) &&
                (holder < 0 || o.splitWatermarkAt(i, step) < o.splitWatermarkAt(holder, step)))
                holder = i;
        const QRectF block(g.lanes.front().topLeft(), g.lanes[static_cast<std::size_t>(parts - 1)].bottomRight());
        p.setFont(font);
        const QString v = holder < 0 ? tr("all idle")
                                     : tr("P%1 %2").arg(holder).arg(timeLabel(o.splitWatermarkAt(holder, step), range));
        p.setPen(holder < 0 ? m_theme.muted : m_theme.text);
        put(QRectF(g.side.left(), block.top(), g.side.width(), block.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(v, Qt::ElideRight, g.side.width()), v, "watermark");
    }
    for (int i = 0; i < parts && !g.compactLanes; ++i) {
        const QRectF& lane = g.lanes[static_cast<std::size_t>(i)];
        const bool idle = o.splitIdleAt(i, step);
        const QString v = idle ? tr("idle") : timeLabel(o.splitWatermarkAt(i, step), range);
        p.setPen(idle ? m_theme.muted : m_theme.text);
        put(QRectF(g.side.left(), lane.top(), g.side.width(), lane.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(v, Qt::ElideRight, g.side.width()), v, "watermark");
    }
    const QRectF& opLane = g.lanes.back();
    p.setFont(bold);
    p.setPen(m_theme.text);
    const QString opWm = timeLabel(o.operatorWatermarkAt(step), range);
    put(QRectF(g.side.left(), opLane.top(), g.side.width(), opLane.height()), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(bold).elidedText(opWm, Qt::ElideRight, g.side.width()), opWm, "watermark");
    // Cursor through the lanes.
    p.setPen(QPen(m_theme.muted, 1, Qt::DotLine));
    const double cx2 = g.x(static_cast<double>(step));
    p.drawLine(QPointF(cx2, g.lanes.front().top()), QPointF(cx2, g.lanes.back().bottom()));
    p.restore();
}

namespace {
/// A mark pre-drawn with QPainter (antialiased) at the 4x4 sub-pixel offsets of its centre: the layers
/// copy these instead of drawing each element, with the same pixels up to a quarter pixel of position.
std::vector<QImage> sprites(int half, const std::function<void(QPainter&, QPointF)>& draw) {
    std::vector<QImage> out;
    for (int dy = 0; dy < 4; ++dy)
        for (int dx = 0; dx < 4; ++dx) {
            QImage img(2 * half + 1, 2 * half + 1, QImage::Format_ARGB32_Premultiplied);
            img.fill(Qt::transparent);
            QPainter q(&img);
            q.setRenderHint(QPainter::Antialiasing);
            q.setPen(Qt::NoPen);
            draw(q, QPointF(half + dx / 4.0, half + dy / 4.0));
            q.end();
            out.push_back(std::move(img));
        }
    return out;
}

/// A device point (relative to a layer's origin) in quarter pixels, as the sprites are placed.
std::pair<std::int32_t, std::int32_t> quarters(QPointF at) {
    return {static_cast<std::int32_t>(std::floor(at.x() * 4 + 0.5)), static_cast<std::int32_t>(std::floor(at.y() * 4 + 0.5))};
}

/// Source-over of `sprite` (centred at (x4, y4) quarter device pixels from the layer's origin) onto `layer`.
void stamp(QImage& layer, const std::vector<QImage>& sprites, int half, std::int32_t x4, std::int32_t y4) {
    const int ix = x4 >> 2, iy = y4 >> 2; // floor, also below zero
    const int qx = x4 & 3, qy = y4 & 3;
    const QImage& sp = sprites[static_cast<std::size_t>(qy * 4 + qx)];
    const int x0 = ix - half, y0 = iy - half;
    const int w = layer.width(), h = layer.height();
    for (int y = std::max(0, -y0); y < sp.height() && y0 + y < h; ++y) {
        const auto* src = reinterpret_cast<const quint32*>(sp.constScanLine(y));
        auto* dst = reinterpret_cast<quint32*>(layer.scanLine(y0 + y));
        for (int x = std::max(0, -x0); x < sp.width() && x0 + x < w; ++x) {
            const quint32 sv = src[x];
            const quint32 sa = sv >> 24;
            if (sa == 0) continue;
            quint32& d = dst[x0 + x];
            if (sa == 255) {
                d = sv;
                continue;
            }
            // Premultiplied source-over, per channel: s + d * (255 - sa) / 255 (rounded as Qt does).
            const quint32 ia = 255 - sa;
            quint32 rb = (d & 0x00ff00ff) * ia;
            rb = (rb + ((rb >> 8) & 0x00ff00ff) + 0x00800080) >> 8;
            quint32 ag = ((d >> 8) & 0x00ff00ff) * ia;
            ag = (ag + ((ag >> 8) & 0x00ff00ff) + 0x00800080);
            d = sv + ((rb & 0x00ff00ff) | (ag & 0xff00ff00));
        }
    }
}
} // namespace

void StreamCanvas::updateLayers(const Geometry& g, const QTransform& device, double dot, double pointDot,
                                const QRectF& clip, const QRectF& side, std::uint64_t upto) const {
    DotLayers& L = m_layers;
    const StreamObservation& o = *m_obs;
    const bool same = L.generation == m_generation && L.key == m_key && L.device == device && L.plot == g.plot &&
                      L.clip == clip && L.side == side && L.ymin == g.ymin && L.ymax == g.ymax && L.last == g.last &&
                      L.dot == dot && L.pointDot == pointDot &&
                      // (scanned past the last element: the end of input, as long as no element came since)
                      (o.elements.size() >= L.scanned || o.elements.size() == L.elements);
    const auto apply = [&L](const DotLayers::Stamp& st) {
        // (The sprite's square: centred on the stamp's pixel, `half` on each side.)
        const auto square = [&st](int half) {
            return QRect((st.x4 >> 2) - half, (st.y4 >> 2) - half, 2 * half + 1, 2 * half + 1);
        };
        if (st.kind == 2) {
            stamp(L.sideImage, L.sideSprites, L.sideHalf, st.x4, st.y4);
            L.sideTiles.mark(square(L.sideHalf));
            ++L.lates;
        } else {
            const int half = st.kind == 1 ? L.lateHalf : L.dotHalf;
            stamp(L.plotImage, st.kind == 1 ? L.lateSprites : L.dotSprites, half, st.x4, st.y4);
            L.plotTiles.mark(square(half));
        }
    };
    if (same && upto < L.upto) {
        // A seek back: the images cleared and the log's marks before the cursor stamped again.
        ++L.rebuilds;
        L.plotImage.fill(Qt::transparent);
        L.sideImage.fill(Qt::transparent);
        L.plotTiles.clear();
        L.sideTiles.clear();
        L.lates = 0;
        L.logged = 0;
        L.upto = 0;
    }
    if (!same) {
        // A resize, a zoom, another key or observation: from the first element again (each element is a
        // few integer operations; the pixels drawn are bounded by the plot's cells).
        const std::uint64_t rebuilds = L.rebuilds + 1;
        L = DotLayers{};
        L.rebuilds = rebuilds;
        L.generation = m_generation;
        L.key = m_key;
        L.device = device;
        L.plot = g.plot;
        L.clip = clip;
        L.side = side;
        L.ymin = g.ymin;
        L.ymax = g.ymax;
        L.last = g.last;
        L.dot = dot;
        L.pointDot = pointDot;
        // Dots and marks only (no text): the image's resolution does not matter.
        L.plotImage = device_layer::make(device, clip, L.plotOrigin, nullptr);
        L.sideImage = device_layer::make(device, side, L.sideOrigin, nullptr);
        L.plotTiles.reset(L.plotImage.size());
        L.sideTiles.reset(L.sideImage.size());
        L.cell = std::max(1.0, pointDot / 2);
        L.cols = static_cast<std::size_t>(g.plot.width() / L.cell) + 8;
        L.rows = static_cast<std::size_t>(g.plot.height() / L.cell) + 8;
        L.drawn.assign(L.cols * L.rows, 0);
        const double s = device.m11();
        const auto triangle = [](double r) {
            return [r](QPainter& q, QPointF c) {
                q.setBrush(kLate);
                q.drawPolygon(QPolygonF({c + QPointF(0, -r), c + QPointF(r, r * 0.8), c + QPointF(-r, r * 0.8)}));
            };
        };
        L.dotHalf = static_cast<int>(std::ceil(pointDot * s)) + 2;
        L.dotSprites = sprites(L.dotHalf, [r = pointDot * s](QPainter& q, QPointF c) {
            q.setBrush(kEvent);
            q.drawEllipse(c, r, r);
        });
        L.lateHalf = static_cast<int>(std::ceil(dot * 1.6 * s)) + 2;
        L.lateSprites = sprites(L.lateHalf, triangle(dot * 1.6 * s));
        L.sideHalf = static_cast<int>(std::ceil(dot * 1.4 * s)) + 2;
        L.sideSprites = sprites(L.sideHalf, triangle(dot * 1.4 * s));
    }
    if (L.upto >= upto) return;
    // Marks already logged (steps scanned before, then a seek back).
    while (L.logged < L.log.size() && L.log[L.logged].at <= upto)
        apply(L.log[L.logged++]);
    if (L.scanned >= upto) {
        L.upto = upto;
        return;
    }
    // Which elements are drawn: every key, or the filter's (compared by interned id, not by string).
    std::uint32_t keyId = 0;
    bool none = false;
    if (!m_key.isEmpty()) {
        const auto it = o.stringIds.find(m_keyUtf8);
        if (it == o.stringIds.end()) none = true;
        else keyId = it->second;
    }
    if (none) {
        L.upto = L.scanned = upto;
        L.elements = o.elements.size();
        return;
    }
    const bool all = m_key.isEmpty();
    const QPointF plotOrigin(L.plotOrigin), sideOrigin(L.sideOrigin);
    const double r = dot * 1.4;
    const double sideSpan = std::max(r * 2, side.width() - 2 * r);
    const auto logged = [&](std::uint64_t i, std::uint64_t s, QPointF at, std::uint8_t kind) {
        const auto [x4, y4] = quarters(at);
        L.log.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(s), x4, y4, kind});
        apply(L.log.back());
        L.logged = L.log.size();
    };
    // A late element's marks: its triangle in the plot (once per cell) and its mark in the side output,
    // whose place follows the count of late elements, as drawn one by one.
    const auto lateMarks = [&](std::uint64_t i, std::uint64_t s) {
        const auto& e = o.elements[i];
        const QPointF c(g.x(static_cast<double>(e.step)), g.y(e.eventTime, g.plot));
        const double x = side.left() + r + std::fmod(static_cast<double>(L.lates) * r * 2.6, sideSpan);
        const QPointF sc(x, std::clamp(g.y(e.eventTime, g.plot), side.top() + r, side.bottom() - r));
        logged(i, s, device.map(sc) - sideOrigin, 2);
        if (const auto at = markCell(c, g.plot, L.cell, L.cols, L.rows)) {
            std::uint8_t& d = L.drawn[*at];
            if (d & 2) return;
            d = static_cast<std::uint8_t>(d | 2);
        }
        logged(i, s, device.map(c) - plotOrigin, 1);
    };
    // Step by step: the element read at step s (a dot, or its late marks when the engine judged it late
    // as it arrived), then the elements judged late at s that arrived before (Flink SQL drops a row at the
    // flush of the local phase, later than its arrival; the end of input, step N + 1, flushes too).
    const std::size_t n = o.elements.size();
    std::size_t nextLate = o.lateCountAt(L.scanned);
    for (std::uint64_t s = L.scanned + 1; s <= upto; ++s) {
        if (s <= n) {
            const std::uint64_t i = s - 1;
            const auto& e = o.elements[i];
            if ((all || e.keyId == keyId) && !e.lateAt(s)) {
                const QPointF c(g.x(static_cast<double>(e.step)), g.y(e.eventTime, g.plot));
                bool fresh = true;
                if (const auto at = markCell(c, g.plot, L.cell, L.cols, L.rows)) {
                    std::uint8_t& d = L.drawn[*at];
                    fresh = !(d & 1);
                    d = static_cast<std::uint8_t>(d | 1);
                }
                if (fresh) logged(i, s, device.map(c) - plotOrigin, 0);
            }
        }
        for (; nextLate < o.lateOrder.size() && o.elements[o.lateOrder[nextLate]].lateStep <= s; ++nextLate) {
            const std::uint32_t i = o.lateOrder[nextLate];
            if (all || o.elements[i].keyId == keyId) lateMarks(i, s);
        }
    }
    L.upto = L.scanned = upto;
    L.elements = o.elements.size();
}

const std::vector<stream_observe::WatermarkPoint>& StreamCanvas::operatorHistory() const {
    std::size_t size = 0;
    if (m_obs)
        for (const auto& h : m_obs->operatorWatermarks)
            size += h.size();
    if (m_obs != m_opFor || size != m_opSize) {
        m_opFor = m_obs;
        m_opSize = size;
        m_opHistory.clear();
        if (m_obs) {
            std::vector<std::uint64_t> steps;
            steps.reserve(size);
            for (const auto& h : m_obs->operatorWatermarks)
                for (const auto& pt : h)
                    steps.push_back(pt.step);
            std::sort(steps.begin(), steps.end());
            steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
            for (const std::uint64_t s : steps) {
                const Millis wm = m_obs->operatorWatermarkAt(s);
                if (m_opHistory.empty() || m_opHistory.back().watermark != wm) m_opHistory.push_back({s, wm});
            }
        }
    }
    return m_opHistory;
}

} // namespace fluxolab::app
