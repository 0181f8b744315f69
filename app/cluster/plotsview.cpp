#include "app/cluster/plotsview.h"

#include "app/core/language.h"
#include "app/core/simulationcontroller.h"

#include <QEvent>
#include <QVBoxLayout>
// qcustomplot.h uses the signals/slots keywords, which QT_NO_KEYWORDS turns off for our own code
// (the simulation has a member called emit).
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

#include <algorithm>
#include <cmath>
#include <limits>

namespace fluxolab::app {

std::vector<std::size_t> decimatedIndices(const std::vector<double>& t, const std::vector<double>& y, double from, double to,
                                          std::size_t columns) {
    const std::size_t n = std::min(t.size(), y.size());
    std::vector<std::size_t> out;
    // The points on the axis: [first, last); the one before it is kept for the line entering it.
    const std::size_t first = static_cast<std::size_t>(std::lower_bound(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(n), from) - t.begin());
    const std::size_t last = static_cast<std::size_t>(std::upper_bound(t.begin() + static_cast<std::ptrdiff_t>(first), t.begin() + static_cast<std::ptrdiff_t>(n), to) - t.begin());
    if (first > 0) out.push_back(first - 1);
    columns = std::max<std::size_t>(1, columns);
    if (last - first <= 4 * columns || !(to > from)) {
        for (std::size_t i = first; i < last; ++i) out.push_back(i);
        return out;
    }
    const double width = (to - from) / static_cast<double>(columns);
    std::size_t i = first;
    while (i < last) {
        const auto bucket = static_cast<std::size_t>(std::max(0.0, std::floor((t[i] - from) / width)));
        const double end = from + static_cast<double>(bucket + 1) * width;
        std::size_t lo = last, hi = last, firstValue = last, lastValue = last, gap = last;
        // At least the point that opened the bucket (a rounding must not leave it there forever).
        for (const std::size_t opened = i; i < last && (i == opened || t[i] < end || bucket + 1 >= columns); ++i) {
            if (std::isnan(y[i])) {
                if (gap == last) gap = i;
                continue;
            }
            if (firstValue == last) firstValue = i;
            lastValue = i;
            if (lo == last || y[i] < y[lo]) lo = i;
            if (hi == last || y[i] > y[hi]) hi = i;
        }
        std::size_t keep[5] = {firstValue, lo, hi, lastValue, gap};
        std::sort(std::begin(keep), std::end(keep));
        for (std::size_t k : keep)
            if (k != last && (out.empty() || out.back() != k)) out.push_back(k);
    }
    return out;
}

PlotsView::PlotsView(SimulationController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_lag = new QCustomPlot(this);
    m_rate = new QCustomPlot(this);
    m_offsets = new QCustomPlot(this);
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) {
        layout->addWidget(p, p == m_lag ? 3 : 2);
        p->setMinimumHeight(90); // three plots and a terminal below them on a 1366×768 screen
        p->plotLayout()->insertRow(0);
        p->plotLayout()->addElement(0, 0, new QCPTextElement(p, QString(), QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold)));
        p->legend->setVisible(true);
        p->legend->setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
        // The legend in its own column right of the axes: inside them it hid the data.
        if (p->axisRect()->insetLayout()->take(p->legend)) p->axisRect()->insetLayout()->simplify();
        auto* side = new QCPLayoutGrid;
        p->plotLayout()->addElement(1, 1, side);
        side->setMargins(QMargins(0, 6, 6, 6));
        side->addElement(0, 0, p->legend);
        side->addElement(1, 0, new QCPLayoutElement(p)); // pushes the legend to the top
        side->setRowStretchFactor(0, 0.001);
        p->plotLayout()->setColumnStretchFactor(1, 0.001);
        p->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
        auto* line = new QCPItemStraightLine(p);
        line->setPen(QPen(QColor(0xd5, 0x5e, 0x00), 1.5, Qt::DashLine));
        m_cursors.push_back(line);
        style(p);
    }
    connect(m_controller, &SimulationController::reset, this, [this] {
        m_samples = static_cast<std::size_t>(-1);
        rebuild();
    });
    connect(m_controller, &SimulationController::changed, this, [this] {
        if (isVisible()) rebuild();
        else m_samples = static_cast<std::size_t>(-1);
    });
    retranslate();
}

PlotsView::~PlotsView() = default;

void PlotsView::showSeries(const PlotSeries* series, std::vector<double> marks) {
    const bool was = m_shown != nullptr;
    m_shown = series ? std::make_unique<PlotSeries>(*series) : nullptr;
    m_markTimes = std::move(marks);
    if (was != (m_shown != nullptr)) retranslate(); // the time axis says what it counts (and rebuilds)
    else rebuild();
}

void PlotsView::style(QCustomPlot* p) {
    const double w = m_theme.line;
    const QFont tick(QStringLiteral("DejaVu Sans"), static_cast<int>(std::lround(8 * m_theme.scale)));
    const QFont label(QStringLiteral("DejaVu Sans"), static_cast<int>(std::lround(9 * m_theme.scale)));
    for (QCPAxis* a : {p->xAxis, p->yAxis}) {
        a->setTickLabelFont(tick);
        a->setLabelFont(label);
        a->setBasePen(QPen(m_theme.text, w));
        a->setTickPen(QPen(m_theme.text, w));
    }
    p->legend->setFont(tick);
    if (auto* t = qobject_cast<QCPTextElement*>(p->plotLayout()->element(0, 0)))
        t->setFont(QFont(QStringLiteral("DejaVu Sans"), static_cast<int>(std::lround(10 * m_theme.scale)), QFont::Bold));
    for (int i = 0; i < p->graphCount(); ++i) {
        QPen pen = p->graph(i)->pen();
        pen.setWidthF(1.6 * w);
        p->graph(i)->setPen(pen);
    }
}

void PlotsView::setTheme(const Theme& theme) {
    m_theme = theme;
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) style(p);
    rebuild();
}

void PlotsView::retranslate() {
    auto title = [](QCustomPlot* p, const QString& t) {
        if (auto* e = qobject_cast<QCPTextElement*>(p->plotLayout()->element(0, 0))) e->setText(t);
    };
    title(m_lag, tr("Consumer lag (HW − committed offset)"));
    title(m_rate, tr("Produce and consume rate"));
    title(m_offsets, tr("High watermark vs LEO (sum over partitions)"));
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) {
        p->xAxis->setLabel(m_shown ? tr("time since connecting (s)") : tr("virtual time (s)"));
        p->setLocale(uiLocale()); // tick labels with the UI language's decimal separator: "2,5"
    }
    if (m_shown) title(m_offsets, tr("High watermark (sum over partitions); the LEO is not visible on a real cluster"));
    m_lag->yAxis->setLabel(tr("records"));
    m_rate->yAxis->setLabel(tr("records/s"));
    m_offsets->yAxis->setLabel(tr("offset"));
    rebuild();
}

void PlotsView::rebuild() {
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) p->clearGraphs();
    for (QCPItemStraightLine* m : m_marks) m_lag->removeItem(m);
    m_marks.clear();
    if (m_noGroups) {
        m_lag->removeItem(m_noGroups);
        m_noGroups = nullptr;
    }
    if (!m_shown && !m_controller->hasRun()) return;
    const PlotSeries& d = m_shown ? *m_shown : m_controller->plots();
    m_samples = d.time_s.size();
    // The time axis shown (as follow() sets it) and its width in pixels: what the decimation keeps
    // per column. Samples after the cursor are left out (follow() would remove them).
    const double now = cursorSeconds();
    const double span = std::max(10.0, now);
    const double from = m_shown ? std::max(0.0, now - 300.0) : 0.0;
    const int pixels = std::max({m_lag->axisRect()->width(), m_lag->width(), 600});
    // Two buckets per pixel column: each keeps four points at most.
    const std::size_t columns = m_decimate ? static_cast<std::size_t>(2 * pixels) : std::numeric_limits<std::size_t>::max() / 8;
    auto add = [&](QCustomPlot* p, const std::vector<double>& y, const QString& name, const QColor& colour, Qt::PenStyle style = Qt::SolidLine,
                   double width = 1.6) {
        // A real cluster's series without any value (not visible there) stays out of the legend.
        if (m_shown && std::none_of(y.begin(), y.end(), [](double v) { return !std::isnan(v); })) return;
        QCPGraph* g = p->addGraph();
        g->setName(name);
        g->setPen(QPen(colour, width * m_theme.line, style));
        const double nan = std::nan("");
        QVector<double> tt, yy;
        for (const std::size_t i : decimatedIndices(d.time_s, y, from, std::min(span, now + 1e-9), columns)) {
            tt.push_back(d.time_s[i]);
            yy.push_back(i < y.size() ? y[i] : nan);
        }
        // A series shorter than the samples (it ended) is a gap to the end.
        if (y.size() < d.time_s.size() && !d.time_s.empty() && d.time_s.back() <= now + 1e-9) {
            tt.push_back(d.time_s.back());
            yy.push_back(nan);
        }
        g->setData(tt, yy, true);
    };
    const auto& pal = keyPalette();
    auto groupName = [&](std::int32_t group) { return QString::fromStdString(d.group_names.at(group)); };
    // A group's line has the colour of its ordinal (the series key), as on the cluster canvas: it
    // does not shift when other groups appear or disappear.
    for (const auto& [group, series] : d.group_lag) {
        if (d.group_names.at(group).starts_with("__")) continue;
        add(m_lag, series, tr("group %1 (total)").arg(groupName(group)), groupColour(group), Qt::SolidLine, 2.6);
    }
    int pi = 0;
    for (const auto& [key, series] : d.partition_lag) {
        if (pi >= 12) break; // keep the legend readable
        const auto& tp = d.partition_names.at(key);
        add(m_lag, series, tr("%1 · %2-%3").arg(groupName(key.first), QString::fromStdString(tp.first)).arg(tp.second),
            pal[static_cast<std::size_t>(pi++) % pal.size()], Qt::DotLine, 1.2);
    }
    // Lines that often coincide (a consumer keeping up; the HW on the LEO): the first one wide and
    // drawn first, the second thin on top of it, so both stay visible (the first as a band around
    // the second) and the legend shows the same two widths.
    add(m_rate, d.produce_rate, tr("produced"), pal[4], Qt::SolidLine, 4.0);
    add(m_rate, d.consume_rate, tr("consumed"), pal[5], Qt::SolidLine, 1.6);
    add(m_offsets, d.leo_total, tr("LEO"), m_theme.text, Qt::SolidLine, 4.0);
    add(m_offsets, d.hw_total, tr("HW"), m_theme.hw, Qt::DashLine, 1.6);
    // No consumer group (acks-e-perda, retencao): a note instead of an empty plot and legend box.
    m_lag->legend->setVisible(m_lag->graphCount() > 0); // hidden, it keeps its column: the axes stay aligned
    if (m_lag->graphCount() == 0) {
        m_noGroups = new QCPItemText(m_lag);
        m_noGroups->position->setType(QCPItemPosition::ptAxisRectRatio);
        m_noGroups->position->setCoords(0.5, 0.5);
        m_noGroups->setPositionAlignment(Qt::AlignCenter);
        m_noGroups->setText(tr("No consumer group: there is no lag to plot"));
        m_noGroups->setColor(m_theme.text);
        m_noGroups->setFont(m_lag->xAxis->labelFont());
    }
    for (double x : m_markTimes) {
        auto* line = new QCPItemStraightLine(m_lag);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(QColor(0xe6, 0x7e, 0x22), 1.2 * m_theme.line, Qt::DashDotLine));
        m_marks.push_back(line);
    }
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) {
        p->yAxis->rescale();
        const QCPRange r = p->yAxis->range();
        p->yAxis->setRange(std::min(0.0, r.lower), std::max(1.0, r.upper * 1.1));
    }
    // The three time axes line up (the same moment at the same x in every plot): the same left
    // margin and the same legend column width everywhere.
    int legendW = 0;
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) {
        p->legend->setMinimumSize(0, 0);
        legendW = std::max(legendW, p->legend->minimumOuterSizeHint().width());
    }
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) {
        p->legend->setMinimumSize(legendW, 0);
        p->axisRect()->setMinimumMargins(QMargins(static_cast<int>(std::lround(72 * m_theme.scale)), 0, 0, 0));
    }
    follow();
}

void PlotsView::follow() {
    if (!m_shown && !m_controller->hasRun()) return;
    const double now = cursorSeconds();
    // The axis ends where the data ends, at the cursor (at least 10 s wide): it used to run on to the
    // scenario's duration, an empty stretch past the data. A real cluster: the last five minutes.
    const double span = std::max(10.0, now);
    const double from = m_shown ? std::max(0.0, now - 300.0) : 0.0;
    for (std::size_t i = 0; i < m_cursors.size(); ++i) {
        m_cursors[i]->point1->setCoords(now, 0);
        m_cursors[i]->point2->setCoords(now, 1);
    }
    for (QCustomPlot* p : {m_lag, m_rate, m_offsets}) {
        p->xAxis->setRange(from, span);
        // Only the past of the cursor is shown: data after it belongs to a future the cursor has not reached.
        for (int g = 0; g < p->graphCount(); ++g) p->graph(g)->data()->removeAfter(now + 1e-9);
        if (isVisible()) p->replot(QCustomPlot::rpQueuedReplot);
    }
}

double PlotsView::cursorSeconds() const {
    if (m_shown) return m_shown->time_s.empty() ? 0.0 : m_shown->time_s.back();
    return static_cast<double>(m_controller->time()) / 1000.0;
}

int PlotsView::lagGraphCount() const { return m_lag->graphCount(); }

QString PlotsView::lagNote() const { return m_noGroups ? m_noGroups->text() : QString(); }

int PlotsView::lagPointCount(int graph) const {
    return graph >= 0 && graph < m_lag->graphCount() ? m_lag->graph(graph)->data()->size() : 0;
}

QString PlotsView::csv() const {
    if (!m_shown && !m_controller->hasRun()) return {};
    const PlotSeries& d = m_shown ? *m_shown : m_controller->plots();
    QStringList header{QStringLiteral("time_s"), QStringLiteral("produce_rate"), QStringLiteral("consume_rate"),
                       QStringLiteral("hw_total"), QStringLiteral("leo_total")};
    std::vector<const std::vector<double>*> cols{&d.produce_rate, &d.consume_rate, &d.hw_total, &d.leo_total};
    for (const auto& [g, s] : d.group_lag) {
        header << QStringLiteral("lag_%1").arg(QString::fromStdString(d.group_names.at(g)));
        cols.push_back(&s);
    }
    for (const auto& [k, s] : d.partition_lag) {
        header << QStringLiteral("lag_%1_%2-%3")
                      .arg(QString::fromStdString(d.group_names.at(k.first)), QString::fromStdString(d.partition_names.at(k).first))
                      .arg(d.partition_names.at(k).second);
        cols.push_back(&s);
    }
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (std::size_t i = 0; i < d.time_s.size(); ++i) {
        QStringList row{QString::number(d.time_s[i], 'f', 3)};
        for (const auto* c : cols) row << (i < c->size() && !std::isnan((*c)[i]) ? QString::number((*c)[i]) : QString());
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

void PlotsView::showEvent(QShowEvent* event) {
    if (m_samples == static_cast<std::size_t>(-1)) rebuild();
    QWidget::showEvent(event);
}

void PlotsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
