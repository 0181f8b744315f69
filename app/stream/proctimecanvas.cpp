#include "app/stream/proctimecanvas.h"

#include "app/stream/numbertext.h"
#include "app/stream/streampalette.h"

#include <QDateTime>
#include <QPainter>
#include <QTimeZone>
#include <algorithm>
#include <map>

namespace fluxolab::app {

using stream_observe::ObservedWindow;
using stream_observe::StreamObservation;
using Millis = labs::Millis;
using namespace stream_palette;

namespace {
QString clock(Millis t, bool ms) {
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC)
        .toString(ms ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss"));
}

/// A window's bounds as short as they can be said: "08:00–08:01" for whole minutes.
QString bounds(Millis start, Millis end) {
    const bool minutes = start % 60000 == 0 && end % 60000 == 0;
    const QString f = minutes ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss");
    return QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).toString(f) + QChar(0x2013) +
           QDateTime::fromMSecsSinceEpoch(end, Qt::UTC).toString(f);
}

/// "key=value", or "key≈value" rounded to `decimals` when the value has more (an average): a band is a
/// minute of arrivals wide, and the exact values are in the event-time picture and the export. `prefix`
/// is left off the key (the prefix every key shares, when the band is too narrow for whole keys).
QString result(const std::string& key, const std::string& value, int decimals, const QString& prefix) {
    QString k = QString::fromStdString(key);
    if (!prefix.isEmpty() && k.startsWith(prefix)) k = k.mid(prefix.size());
    const QString v = QString::fromStdString(value);
    const qsizetype dot = v.indexOf(QLatin1Char('.'));
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (ok && dot >= 0 && v.size() - dot - 1 > decimals)
        return k + QChar(0x2248) + peopleNumber(QString::number(d, 'f', decimals));
    return k + QLatin1Char('=') + peopleNumber(v);
}

/// The prefix all the keys share, up to and including its last character that is not a letter or a
/// digit ("sensor-" for sensor-1..sensor-4, "u-" for u-07, u-12): what can be left off each key and
/// said once. Empty when there is none or when a key would be left empty.
QString sharedKeyPrefix(const StreamObservation& o) {
    QString prefix;
    bool first = true;
    for (const ObservedWindow& w : o.windows) {
        const QString k = QString::fromStdString(w.key);
        if (first) {
            prefix = k;
            first = false;
            continue;
        }
        qsizetype n = 0;
        while (n < prefix.size() && n < k.size() && prefix[n] == k[n]) ++n;
        prefix.truncate(n);
        if (prefix.isEmpty()) return {};
    }
    while (!prefix.isEmpty() && prefix.back().isLetterOrNumber()) prefix.chop(1);
    for (const ObservedWindow& w : o.windows)
        if (static_cast<qsizetype>(w.key.size()) <= prefix.toUtf8().size()) return {};
    return prefix;
}
} // namespace

ProcTimeCanvas::ProcTimeCanvas(QWidget* parent) : QWidget(parent) {
    setMinimumSize(320, 60);
}

void ProcTimeCanvas::setObservation(const StreamObservation* observation, const QString& note) {
    m_obs = observation;
    m_note = note;
    m_step = observation ? observation->lastStep() : 0;
    update();
}

void ProcTimeCanvas::setStep(std::uint64_t step) {
    m_step = m_obs ? std::min(step, m_obs->lastStep()) : 0;
    update();
}

void ProcTimeCanvas::setTheme(const Theme& theme) {
    m_theme = theme;
    update();
}

void ProcTimeCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    render(p, QSizeF(size()));
}

void ProcTimeCanvas::render(QPainter& p, QSizeF size) const {
    p.save();
    m_placed.clear();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRectF(QPointF(0, 0), size), m_theme.background);
    const QFont font = m_theme.font(9);
    const QFont bold = m_theme.font(9, true);
    const QFont narrow = m_theme.condensed(8);
    const QFontMetricsF fm(font), fmb(bold);
    const auto put = [&](const QRectF& box, int flags, const QString& text, const char* role) {
        p.drawText(box, flags, text);
        m_placed.push_back(
            {text, text, box, QFontMetricsF(p.font()).boundingRect(box, flags, text), p.font(), QLatin1String(role)});
    };
    const double m = m_theme.px(8);
    if (!m_obs || m_obs->elements.empty()) {
        p.setFont(font);
        p.setPen(m_theme.muted);
        put(QRectF(QPointF(0, 0), size).adjusted(m, m, -m, -m), Qt::AlignCenter | Qt::TextWordWrap,
            m_note.isEmpty() ? tr("No trace loaded.") : m_note, "hint");
        p.restore();
        return;
    }
    const StreamObservation& o = *m_obs;
    // Title: what the picture is.
    p.setFont(bold);
    p.setPen(m_theme.text);
    const QString title =
        tr("Processing-time windows (%1) on the same input: a window holds what arrived during it")
            .arg(QString::fromStdString(stream_observe::windowText(o.options.job.window)));
    const QRectF titleBox(m, m, size.width() - 2 * m, fmb.height());
    put(titleBox, Qt::AlignLeft | Qt::AlignVCenter, fmb.elidedText(title, Qt::ElideRight, titleBox.width()), "legend");
    m_placed.back().full = title;
    p.setFont(font);
    const double labelW = fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + m;
    const QRectF plot(m + labelW, titleBox.bottom() + m_theme.px(4), size.width() - 2 * m - labelW,
                      std::max(20.0, size.height() - titleBox.bottom() - m_theme.px(4) - m - fm.height()));
    const auto [lo0, hi0] = m_range.of(o);
    const Millis pad = std::max<Millis>(1, (hi0 - lo0) / 20);
    const Millis lo = lo0 - pad, hi = hi0 + pad;
    const std::uint64_t last = std::max<std::uint64_t>(1, o.lastStep());
    const auto x = [&](double step) { return plot.left() + plot.width() * step / static_cast<double>(last); };
    const auto y = [&](Millis t) {
        const double f = static_cast<double>(t - lo) / static_cast<double>(std::max<Millis>(1, hi - lo));
        return plot.bottom() - std::clamp(f, -0.02, 1.02) * plot.height();
    };
    p.setPen(QPen(m_theme.border, 1));
    p.setBrush(m_theme.panel);
    p.drawRect(plot);
    // Event-time labels (two: bottom and top).
    p.setPen(m_theme.muted);
    const bool ms = hi - lo < 20000;
    for (const Millis t : {lo, hi}) {
        const double ty = std::clamp(y(t) - fm.height() / 2, plot.top(), plot.bottom() - fm.height());
        put(QRectF(m, ty, labelW - m_theme.px(4), fm.height()), Qt::AlignRight | Qt::AlignVCenter, clock(t, ms),
            "axis");
    }
    put(QRectF(plot.left(), plot.bottom(), plot.width(), fm.height()), Qt::AlignRight | Qt::AlignVCenter,
        fm.elidedText(tr("arrival order (event number) →"), Qt::ElideRight, plot.width()), "axis");

    // Bands: one per window bounds (the keys' windows of one processing-time window are one band), from
    // the first element that arrived in it to the last; fired once processing time passed its end.
    struct Band {
        Millis start = 0, end = 0;
        std::uint64_t first = 0, lastIn = 0;
        std::optional<std::uint64_t> fired;
        std::vector<std::pair<std::string, std::string>> results; ///< key, value
    };
    std::map<std::pair<Millis, Millis>, Band> bands;
    const auto& els = o.elements;
    for (const ObservedWindow& w : o.windows) {
        if (w.stateAt(m_step) == ObservedWindow::State::Absent) continue;
        Band& b = bands[{w.start, w.end}];
        b.start = w.start;
        b.end = w.end;
        const auto from = std::lower_bound(els.begin(), els.end(), w.start,
                                           [](const auto& e, Millis t) { return e.arrival < t; });
        const auto to = std::lower_bound(els.begin(), els.end(), w.end,
                                         [](const auto& e, Millis t) { return e.arrival < t; });
        if (from == to) continue;
        b.first = from->step;
        b.lastIn = std::prev(to)->step;
        if (const auto* f = w.firingAt(m_step)) {
            b.fired = b.fired ? std::min(*b.fired, f->step) : f->step;
            b.results.emplace_back(w.key, f->result);
        }
    }
    std::vector<QRectF> taken;
    const QString prefix = sharedKeyPrefix(o);
    bool prefixUsed = false;
    const QRectF inside = plot.adjusted(m_theme.px(1), m_theme.px(1), -m_theme.px(1), -m_theme.px(1));
    for (auto& [key, b] : bands) {
        if (b.first == 0) continue;
        const double x0 = x(static_cast<double>(b.first) - 0.5);
        const double x1 = std::max(x0 + m_theme.px(3), x(static_cast<double>(std::min(b.lastIn, m_step)) + 0.5));
        if (b.first > m_step) continue;
        const QRectF r(QPointF(x0, plot.top()), QPointF(x1, plot.bottom()));
        const QColor c = b.fired ? kFired : kOpen;
        p.setBrush(QColor(c.red(), c.green(), c.blue(), b.fired ? 60 : 45));
        p.setPen(QPen(QColor(c.red(), c.green(), c.blue(), 200), 1, b.fired ? Qt::SolidLine : Qt::DashLine));
        p.drawRect(r);
        // Its bounds in processing time, then its results, each whole and inside its band (a text
        // reaching into the next band would read as that band's).
        // The results in the first form in which all of them fit the band: whole keys with two decimals,
        // then the keys without their shared prefix (said once under the plot), then fewer decimals.
        p.setFont(narrow); // a band is a minute of arrivals: at 1366 px about 100 px wide
        const QFontMetricsF nm(narrow);
        const double room = std::min(r.right(), inside.right()) - r.left() - m_theme.px(2) - 1;
        std::sort(b.results.begin(), b.results.end());
        QStringList results;
        bool stripped = false;
        for (const auto& [decimals, strip] : {std::pair{2, false}, std::pair{2, true}, std::pair{1, true},
                                              std::pair{0, true}}) {
            if (strip && prefix.isEmpty()) continue;
            results.clear();
            stripped = strip;
            double widest = 0;
            for (const auto& [k, v] : b.results) {
                results << result(k, v, decimals, strip ? prefix : QString());
                widest = std::max(widest, nm.horizontalAdvance(results.back()));
            }
            if (widest <= room) break;
        }
        QStringList texts{bounds(b.start, b.end)};
        texts += results;
        double ty = inside.top();
        for (int i = 0; i < texts.size(); ++i) {
            p.setFont(narrow); // a band is a minute of arrivals: at 1366 px about 100 px wide
            const QFontMetricsF tm(p.font());
            const QRectF lr(r.left() + m_theme.px(2), ty, tm.horizontalAdvance(texts[i]) + 1, tm.height());
            ty += tm.height();
            if (lr.bottom() > inside.bottom()) break;
            if (lr.right() > std::min(r.right(), inside.right())) continue;
            if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(lr); })) continue;
            taken.push_back(lr);
            p.setPen(i == 0 ? m_theme.muted : kFired.darker(140));
            put(lr, Qt::AlignLeft | Qt::AlignVCenter, texts[i], "window");
            prefixUsed = prefixUsed || (i > 0 && stripped);
        }
    }
    if (prefixUsed) {
        // The prefix left off the keys, said once under the plot (left of the axis title).
        p.setFont(font);
        p.setPen(m_theme.muted);
        const QString note = tr("keys shown without “%1”").arg(prefix);
        put(QRectF(plot.left(), plot.bottom(), fm.horizontalAdvance(note) + 1, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, note, "axis");
    }
    // The elements up to the cursor (one dot per pixel cell).
    p.setPen(Qt::NoPen);
    p.setBrush(kEvent);
    // As the event-time picture: smaller dots when many share the width, so that they read as points.
    const double dot = std::clamp(0.8 * plot.width() / static_cast<double>(last), m_theme.px(1.6), m_theme.px(2.6));
    const std::uint64_t upto = std::min<std::uint64_t>(m_step, els.size());
    QPointF lastDot(-1e9, -1e9);
    for (std::uint64_t i = 0; i < upto; ++i) {
        const QPointF c(x(static_cast<double>(els[i].step)), y(els[i].eventTime));
        if (std::abs(c.x() - lastDot.x()) < 1 && std::abs(c.y() - lastDot.y()) < 1) continue;
        p.drawEllipse(c, dot, dot);
        lastDot = c;
    }
    // Cursor.
    p.setPen(QPen(m_theme.muted, 1, Qt::DotLine));
    p.drawLine(QPointF(x(static_cast<double>(m_step)), plot.top()), QPointF(x(static_cast<double>(m_step)), plot.bottom()));
    p.restore();
}

} // namespace fluxolab::app
