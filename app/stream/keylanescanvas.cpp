#include "app/stream/keylanescanvas.h"

#include "app/stream/numbertext.h"
#include "app/stream/streampalette.h"

#include <QDateTime>
#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <algorithm>
#include <climits>

namespace fluxolab::app {

using namespace stream_observe;
using Millis = labs::Millis;

namespace {

QString clock(Millis t) {
    if (t == labs::kMinTime) return QStringLiteral("−∞");
    if (t == labs::kMaxTime) return QStringLiteral("+∞");
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
}

/// "3,2 s", "250 ms", "2 min": a distance in time for people.
QString distance(Millis d) {
    const Millis a = d < 0 ? -d : d;
    if (a < 1000) return KeyLanesCanvas::tr("%1 ms").arg(a);
    if (a < 120000) return KeyLanesCanvas::tr("%1 s").arg(peopleNumber(QString::number(static_cast<double>(a) / 1000.0, 'f', 1)));
    return KeyLanesCanvas::tr("%1 min").arg(peopleNumber(QString::number(static_cast<double>(a) / 60000.0, 'f', 1)));
}

/// A state's value: a number for people; an epoch time in ms (what the inactivity function keeps) also
/// as a clock time.
QString stateValue(const std::string& raw) {
    const QString v = QString::fromStdString(raw);
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    if (ok && n > 100000000000LL && n < 10000000000000LL) return QStringLiteral("%1 (%2)").arg(v, clock(n));
    return peopleNumber(v);
}

} // namespace

KeyLanesCanvas::KeyLanesCanvas(QWidget* parent) : QAbstractScrollArea(parent) {
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(20);
}

void KeyLanesCanvas::setObservation(const StreamObservation* observation) {
    m_obs = observation;
    m_lanes = KeyLanes{};
    // At the end of the run, as the picture, the pipeline and the plots start (StreamView does not set
    // the step after a new observation): at 0 a replay typed in the terminal showed "no key has
    // reached the operator yet" beside a picture at the end of input. Folded when painted (lanes()).
    m_step = m_obs ? m_obs->lastStep() : 0;
    m_seeker.reset();
    if (m_obs) m_seeker.seek(*m_obs, m_lanes, 0);
    verticalScrollBar()->setValue(0);
    updateScroll();
    viewport()->update();
}

void KeyLanesCanvas::setStep(std::uint64_t step) {
    m_step = step;
    // Folded when painted (lanes()): forward moves fold only the changes since the last step (playback);
    // a jump back folds from the nearest kept copy at or before the step (KeyLanesSeeker).
    viewport()->update();
}

const KeyLanes& KeyLanesCanvas::lanes() const {
    if (m_obs) m_seeker.seek(*m_obs, m_lanes, m_step);
    return m_lanes;
}

void KeyLanesCanvas::setFirstKey(const QString& key) {
    m_first = key.toStdString();
    viewport()->update();
}

void KeyLanesCanvas::setTheme(const Theme& theme) {
    m_theme = theme;
    updateScroll();
    viewport()->update();
}

int KeyLanesCanvas::rowHeight(int lines) const {
    if (lines <= 0) lines = linesPerLane();
    const QFontMetricsF fm(m_theme.font(9));
    return static_cast<int>(std::ceil(fm.height() * lines + m_theme.px(lines == 3 ? 10 : 4)));
}

int KeyLanesCanvas::headlineLines(double width) const {
    // Word-wrapped in its width (1366x768 in presentation mode: the window operator's sentence and the
    // checkpoints do not fit on one line), at most three lines.
    const QFontMetricsF fm(m_theme.font(9));
    const double w = width - 2 * m_theme.px(8);
    if (w <= 0) return 1;
    const QRectF r = fm.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, headline());
    return std::clamp(static_cast<int>(std::lround(r.height() / fm.lineSpacing())), 1, 3);
}

int KeyLanesCanvas::headerHeight(int lines, double width) const {
    if (lines <= 0) lines = linesPerLane();
    if (width < 0) width = viewport()->width();
    const double lineH = QFontMetricsF(m_theme.font(9)).height();
    const int wrapped = static_cast<int>(std::ceil(lineH * headlineLines(width) + m_theme.px(4)));
    if (lines == 3) return std::max(rowHeight(3) / 2, wrapped);
    return wrapped;
}

int KeyLanesCanvas::linesPerLane() const {
    const int h = viewport()->height();
    for (int lines = 3; lines > 1; --lines)
        if (heightFor(3, lines) <= h) return lines;
    return 1;
}

int KeyLanesCanvas::lanesInView() const {
    const int lines = linesPerLane();
    const int fit = std::max(0, (viewport()->height() - headerHeight(lines)) / std::max(1, rowHeight(lines)));
    return std::min(fit, static_cast<int>(lanes().present.size()));
}

void KeyLanesCanvas::updateScroll() {
    if (!m_obs) {
        verticalScrollBar()->setRange(0, 0);
        return;
    }
    const int lines = linesPerLane();
    const int total = headerHeight(lines) + static_cast<int>(m_lanes.present.size()) * rowHeight(lines);
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(rowHeight(lines));
    verticalScrollBar()->setRange(0, std::max(0, total - viewport()->height()));
}

void KeyLanesCanvas::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScroll();
}

void KeyLanesCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) viewport()->update();
    QAbstractScrollArea::changeEvent(event);
}

QString KeyLanesCanvas::headline() const {
    if (!m_obs) return tr("No trace loaded.");
    lanes();
    QStringList parts;
    const auto& job = m_obs->options.job;
    if (job.hasProcessFunction())
        parts << tr("Keyed process function: state and timers per key");
    else
        parts << tr("Window operator: the windows each key holds and their timers (end − 1 ms)");
    if (job.checkpointInterval > 0 || m_lanes.checkpoints > 0)
        parts << tr("checkpoints completed: %1 (last #%2)").arg(m_lanes.checkpoints).arg(m_lanes.lastCheckpoint);
    std::uint64_t dropped = 0;
    for (const std::uint32_t k : m_lanes.present)
        dropped += m_lanes.lanes[k].timersDropped;
    if (dropped > 0)
        parts << tr("end of input: %n processing-time timers dropped without firing", nullptr,
                    static_cast<int>(std::min<std::uint64_t>(dropped, INT_MAX)));
    if (m_lanes.crashed)
        parts << tr("CRASH: a subtask failed; the job restarts from its last completed checkpoint");
    else if (m_lanes.restores > 0)
        parts << tr("restored from checkpoint #%1: the lanes show the checkpoint's state, then the elements "
                    "read again")
                     .arg(m_lanes.lastCheckpoint);
    return parts.join(QStringLiteral(" · "));
}

QStringList KeyLanesCanvas::laneTexts(const KeyLane& lane) const {
    QStringList out;
    if (!m_obs) return out;
    const auto& s = m_obs->strings;
    const Millis now = m_obs->processingTimeAt(m_step);
    const Millis wm = m_obs->operatorWatermarkAt(m_step);
    // State.
    QStringList state;
    for (const auto& [name, value] : lane.state)
        state << QStringLiteral("%1 = %2").arg(QString::fromStdString(s[name]), stateValue(s[value]));
    out << (state.isEmpty() ? tr("state: (empty)") : tr("state: %1").arg(state.join(QStringLiteral(" · "))));
    // Timers: a process function's, or the windows' (one event-time timer at end − 1 ms per window, and
    // the cleanup timer at end − 1 + allowed lateness once it fired).
    QStringList timers;
    for (const auto& [time, processing] : lane.timers) {
        if (processing)
            timers << (m_obs->hasArrivalTimes() && time >= now
                           ? tr("processing time %1 (in %2)").arg(clock(time), distance(time - now))
                           : tr("processing time %1").arg(clock(time)));
        else
            timers << (wm != labs::kMinTime && time > wm
                           ? tr("event time %1 (watermark %2 behind)").arg(clock(time), distance(time - wm))
                           : tr("event time %1").arg(clock(time)));
    }
    QStringList windows;
    for (const auto& [range, firings] : lane.windows) {
        const Millis lateness = m_obs->options.job.window.allowedLateness;
        const Millis timer = firings > 0 ? range.second - 1 + lateness : range.second - 1;
        timers << tr("event time %1").arg(clock(timer));
        windows << (firings > 0 ? tr("[%1, %2) fired ×%3").arg(clock(range.first), clock(range.second)).arg(firings)
                                : tr("[%1, %2) open").arg(clock(range.first), clock(range.second)));
    }
    if (!windows.isEmpty()) out[0] = tr("windows: %1").arg(windows.join(QStringLiteral(" · ")));
    // The processing-time timers pending when a bounded input ended: Flink drops them without firing.
    QStringList dropped;
    for (const Millis time : lane.droppedTimers)
        dropped << clock(time);
    if (!dropped.isEmpty() && timers.isEmpty())
        out << tr("timers dropped at the end of input, never fired: processing time %1")
                   .arg(dropped.join(QStringLiteral(" · ")));
    else
        out << (timers.isEmpty() ? tr("pending timers: none") : tr("pending timers: %1").arg(timers.join(QStringLiteral(" · "))));
    if (lane.lastOutput) {
        const QString v = peopleNumber(s[*lane.lastOutput]);
        out << (lane.lastOutputStep == m_step ? tr("▶ now: %1").arg(v)
                                              : tr("last output (event %1): %2").arg(lane.lastOutputStep).arg(v));
    } else {
        out << tr("no output yet");
    }
    return out;
}

void KeyLanesCanvas::paintEvent(QPaintEvent*) {
    lanes();
    updateScroll();
    QPainter p(viewport());
    paintInto(p, QSizeF(viewport()->size()), verticalScrollBar()->value(), linesPerLane());
}

void KeyLanesCanvas::render(QPainter& painter, QSizeF size) {
    lanes();
    paintInto(painter, size, 0, 3);
}

void KeyLanesCanvas::paintInto(QPainter& p, QSizeF size, int scrollY, int lines) {
    m_drawn.clear();
    p.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
    p.setRenderHint(QPainter::Antialiasing);
    const double pad = m_theme.px(8);
    const QFont small = m_theme.font(9);
    const QFont bold = m_theme.font(10, true);
    const QFontMetricsF fm(small);
    const auto text = [&](const QRectF& r, const QString& t, const QFont& f, const QColor& c) {
        p.setFont(f);
        p.setPen(c);
        const QString shown = QFontMetricsF(f).elidedText(t, Qt::ElideRight, r.width());
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, shown);
        m_drawn << shown;
    };
    const int header = headerHeight(lines, size.width());
    QColor headColour = m_theme.text;
    if (m_lanes.crashed) headColour = stream_palette::kLate;
    {
        // Wrapped on as many lines as headerHeight() gave it (never cut while three lines hold it).
        const QRectF box(pad, 0, size.width() - 2 * pad, header);
        const QString head = headline();
        p.setFont(small);
        p.setPen(headColour);
        const QRectF need = fm.boundingRect(QRectF(box.left(), 0, box.width(), 1e6), Qt::TextWordWrap, head);
        const QString shown = need.height() <= box.height() + 1 ? head : fm.elidedText(head, Qt::ElideRight, box.width() * 3);
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, shown);
        m_drawn << shown;
    }
    if (!m_obs) return;
    const auto lanes = m_lanes.ordered(m_obs->strings, m_first);
    if (lanes.empty()) {
        text(QRectF(pad, header, size.width() - 2 * pad, header), tr("No key has reached the operator yet."), small,
             m_theme.muted);
        return;
    }
    const double rowH = rowHeight(lines);
    const double keyW = std::min(size.width() * 0.22, m_theme.px(170));
    const std::size_t firstRow = static_cast<std::size_t>(std::max(0, scrollY) / std::max(1, rowHeight(lines)));
    for (std::size_t i = firstRow; i < lanes.size(); ++i) {
        const double y = header + static_cast<double>(i) * rowH - scrollY;
        if (y > size.height()) break;
        const KeyLane& lane = *lanes[i];
        const QRectF row(pad / 2, y + m_theme.px(2), size.width() - pad, rowH - m_theme.px(4));
        const bool now = lane.lastOutputStep == m_step && lane.lastOutput;
        p.setPen(QPen(now ? stream_palette::kSelected : m_theme.cellBorder, m_theme.line * (now ? 2 : 1)));
        p.setBrush(m_theme.panel);
        p.drawRoundedRect(row, m_theme.px(4), m_theme.px(4));
        const QString key = QString::fromStdString(m_obs->strings[lane.key]);
        const QString count = tr("%n element(s)", nullptr, static_cast<int>(lane.elements));
        const double lineH = fm.height();
        const double top = lines == 3 ? row.top() + m_theme.px(3) : row.top() + (row.height() - lines * lineH) / 2;
        const QStringList texts = laneTexts(lane);
        const double x = row.left() + keyW;
        const double w = row.right() - x - pad;
        const QColor timersColour = (!lane.timers.empty() || !lane.droppedTimers.empty()) && m_obs->hasProcessFunction()
                                        ? stream_palette::kProcessing.darker(130)
                                        : m_theme.text;
        const QColor outputColour = now ? stream_palette::kSelected.darker(110) : m_theme.muted;
        if (lines == 3) {
            text(QRectF(row.left() + pad, top, keyW - pad, lineH * 1.4), key, bold, m_theme.text);
            text(QRectF(row.left() + pad, top + lineH * 1.4, keyW - pad, lineH), count, small, m_theme.muted);
            for (int l = 0; l < texts.size(); ++l)
                text(QRectF(x, top + l * lineH, w, lineH), texts[l], small,
                     l == 1 ? timersColour : (l == 2 ? outputColour : m_theme.text));
        } else if (lines == 2) {
            // The key and its count on the left; state (or windows) and timers, then the output.
            text(QRectF(row.left() + pad, top, keyW - pad, lineH), key, bold, m_theme.text);
            text(QRectF(row.left() + pad, top + lineH, keyW - pad, lineH), count, small, m_theme.muted);
            text(QRectF(x, top, w, lineH), texts.mid(0, 2).join(QStringLiteral(" · ")), small, m_theme.text);
            if (texts.size() > 2) text(QRectF(x, top + lineH, w, lineH), texts[2], small, outputColour);
        } else {
            // One line: the key, its count, state and timers, then the output (first when it is this step's).
            text(QRectF(row.left() + pad, top, keyW - pad, lineH), key, bold, m_theme.text);
            QStringList all{count};
            all << texts.mid(0, 2);
            if (texts.size() > 2) now ? all.prepend(texts[2]) : all.append(texts[2]);
            text(QRectF(x, top, w, lineH), all.join(QStringLiteral(" · ")), small, now ? outputColour : m_theme.text);
        }
    }
}

} // namespace fluxolab::app
