#include "app/cluster/clustercanvas.h"

#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"
#include "app/cluster/textsprites.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>

#include <cmath>
#include <iterator>


namespace fluxolab::app {

ClusterCanvas::ClusterCanvas(SimulationController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    setMouseTracking(true);
    setMinimumSize(480, 240); // room for the terminal and the lab panel on a 1366×768 projector
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_controller, &SimulationController::changed, this, [this] {
        m_dirty = true;
        // During playback the layout is built now, while the simulation is idle: the next slice is
        // then simulated on a worker thread while this view paints (painting reads only the layout).
        // Otherwise (paused: a scrub, a step, a topic created, a broker stopped) nothing runs on the
        // worker to overlap with, and the layout is built when the view paints, in a later turn of
        // the event loop: the change and the picture are two UI-thread blocks instead of one
        // (creating a 9 999 x 3 topic: 10 ms and 4 ms of CPU, docs/performance.md). Nothing stale is
        // drawn in between: the paint builds the layout first. (It was a count of folded events,
        // 10 000, which a 64x frame of bench_app's busy cluster passes, about 13 500: every such
        // frame left its layout to the paint, which then waited for the worker's next slice.)
        if (isVisible() && m_controller->isPlaying()) rebuild();
        update();
    });
}

void ClusterCanvas::setTheme(const Theme& theme) {
    m_theme = theme;
    m_dirty = true;
    update();
}

bool ClusterCanvas::hasData() const { return m_shown || m_controller->hasRun(); }

void ClusterCanvas::setOptions(const ClusterLayoutOptions& options) {
    m_options = options;
    m_dirty = true;
    update();
}

void ClusterCanvas::setSides(ClusterCanvas* left, ClusterCanvas* right) {
    m_sides = {left, right};
    m_dirty = true;
    update();
}

ClusterCanvas::SidesState ClusterCanvas::sidesState() const {
    double scale = m_theme.scale;
    bool older = false, before = false;
    bool first = true;
    for (const QPointer<ClusterCanvas>& side : m_sides) {
        if (!side || !side->hasData()) continue;
        const ClusterLayout& L = side->layout();
        scale = first ? L.theme.scale : std::min(scale, L.theme.scale);
        first = false;
        older = older || std::any_of(L.strips.begin(), L.strips.end(), [](const ReplicaStrip& st) { return st.elided > 0; });
        before = before || std::any_of(L.strips.begin(), L.strips.end(), [](const ReplicaStrip& st) { return st.hasBeforeMarker(); });
    }
    return {scale, older, before};
}

ClusterLayout ClusterCanvas::buildLayout(QSizeF size) const {
    Theme theme = m_theme;
    ClusterLayoutOptions options = m_options;
    if (options.part == ClusterLayoutOptions::Part::Clients) {
        // The compare window's strip: at its sides' scale, with "+N: older records" when a side hides some.
        const SidesState sides = sidesState();
        theme.scale = sides.scale;
        options.olderRecords = sides.older;
        options.beforeMarkers = sides.before;
    }
    if (m_shown) return ClusterLayoutBuilder::build(*m_shown, m_controller->speed(), size, theme, m_firstRow, &m_layoutCache, options);
    if (!m_controller->hasRun()) return ClusterLayoutBuilder::build(*m_controller, size, theme);
    return ClusterLayoutBuilder::build(m_controller->observation(), m_controller->speed(), size, theme, m_firstRow,
                                       &m_layoutCache, options);
}

void ClusterCanvas::scrollStrips(int rows) {
    const std::size_t max = layout().maxFirstRow;
    const auto next = static_cast<std::ptrdiff_t>(m_firstRow) + rows;
    m_firstRow = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(next, 0, static_cast<std::ptrdiff_t>(max)));
    m_dirty = true;
    update();
}

void ClusterCanvas::wheelEvent(QWheelEvent* event) {
    const ClusterLayout& L = layout();
    const int steps = event->angleDelta().y() / 120;
    if (L.maxFirstRow == 0 || steps == 0) {
        QWidget::wheelEvent(event);
        return;
    }
    scrollStrips(-steps * 3);
    event->accept();
}

void ClusterCanvas::showObservation(std::optional<labs::observe::Observation> o) {
    m_shown = std::move(o);
    m_dirty = true;
    update();
}

void ClusterCanvas::rebuild() {
    m_layout = buildLayout(QSizeF(size()));
    if (m_options.part == ClusterLayoutOptions::Part::Clients) m_sidesScale = sidesState().scale;
    m_dirty = false;
}

const ClusterLayout& ClusterCanvas::layout() {
    if (m_dirty || m_layout.size != QSizeF(size())) rebuild();
    else if (m_options.part == ClusterLayoutOptions::Part::Clients && hasData()) {
        // The sides were laid out at another scale (their size changed, not this strip's), or
        // began or stopped hiding older records.
        const SidesState sides = sidesState();
        if (sides.scale != m_sidesScale || sides.older != m_layout.options.olderRecords ||
            sides.before != m_layout.options.beforeMarkers)
            rebuild();
    }
    return m_layout;
}

void ClusterCanvas::resizeEvent(QResizeEvent* event) {
    m_dirty = true;
    QWidget::resizeEvent(event);
}

void ClusterCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintLayout(p, layout());
    paintHidden(p, QSizeF(size()));
}

QString ClusterCanvas::hiddenText() const {
    const labs::observe::Observation* o = m_shown ? &*m_shown : nullptr;
    if (!o || o->capabilities == labs::observe::Capabilities::all()) return {};
    using labs::observe::Capability;
    QStringList parts;
    if (!o->has(Capability::RecordAnimation) || !o->has(Capability::RecordsInFlight)) parts << tr("records in flight");
    if (!o->has(Capability::ReplicaFetchState)) parts << tr("each replica's log end offset");
    if (!o->has(Capability::RebalanceInternals)) parts << tr("the inside of a rebalance");
    if (!o->has(Capability::ClientInternals)) parts << tr("producers and the clients' own state");
    if (!o->has(Capability::TimeTravel)) parts << tr("the past");
    if (parts.isEmpty()) return {};
    return tr("Not visible on a real cluster: %1.").arg(parts.join(QStringLiteral(", ")));
}

void ClusterCanvas::paintHidden(QPainter& p, QSizeF size) const {
    const QString text = hiddenText();
    if (text.isEmpty()) return;
    // A band along the bottom edge, over whatever the layout put there (it is never wider).
    QFont f = font();
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() * std::max(0.85, m_theme.scale * 0.9));
    f.setItalic(true);
    p.setFont(f);
    const QFontMetricsF fm(f);
    const QRectF band(0, size.height() - fm.height() - 6, size.width(), fm.height() + 6);
    QColor bg = m_theme.background;
    bg.setAlpha(225);
    p.fillRect(band, bg);
    p.setPen(m_theme.muted);
    p.drawText(band.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(text, Qt::ElideRight, band.width() - 16));
}

void ClusterCanvas::paintCurrent(QPainter& painter) { paintLayout(painter, layout()); }

void ClusterCanvas::render(QPainter& painter, QSizeF size) {
    const ClusterLayout L = buildLayout(size);
    paintLayout(painter, L);
    paintHidden(painter, size);
}

bool ClusterCanvas::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        const QString tip = layout().tipAt(he->pos());
        if (tip.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(he->globalPos(), QStringLiteral("<div style='max-width:360px'>") + tip + QStringLiteral("</div>"), this);
        return true;
    }
    return QWidget::event(e);
}

void ClusterCanvas::contextMenuEvent(QContextMenuEvent* event) {
    if (!m_interactive) return;
    const ClusterLayout& L = layout();
    QMenu menu(this);
    if (auto c = L.consumerAt(event->pos())) {
        const std::int32_t idx = *c;
        const ConsumerItem* item = L.consumer(idx);
        menu.addAction(tr("Remove consumer %1").arg(item ? item->name : QString()), this,
                       [this, idx] { Q_EMIT removeConsumerRequested(idx); });
    }
    if (auto g = L.groupAt(event->pos())) {
        const std::int32_t gi = *g;
        QString name;
        for (const auto& item : L.groups)
            if (item.index == gi) name = item.name;
        menu.addAction(tr("Add consumer to group %1").arg(name), this,
                       [this, gi] { Q_EMIT addConsumerRequested(gi); });
    }
    if (auto b = L.brokerAt(event->pos())) {
        const obs::BrokerId id = *b;
        const BrokerItem* item = L.broker(id);
        if (item && item->alive) {
            menu.addAction(tr("Stop broker %1 (controlled shutdown)").arg(id), this, [this, id] { Q_EMIT stopBrokerRequested(id, false); });
            menu.addAction(tr("Crash broker %1").arg(id), this, [this, id] { Q_EMIT stopBrokerRequested(id, true); });
        } else {
            menu.addAction(tr("Start broker %1").arg(id), this, [this, id] { Q_EMIT startBrokerRequested(id); });
        }
    }
    if (!menu.isEmpty()) menu.exec(event->globalPos());
}

namespace {

void chip(TextSprites& sprites, QPainter& p, const QRectF& r, const QString& text, const QColor& fill, const QColor& fg, const QColor& border,
          double line) {
    sprites.chip(p, r, text, p.font(), fill, fg, border, line);
}

/// A large panel (broker, producer, group) with rounded corners. The raster engine's path filler
/// and stroker cost ~1 ms for a box of half a million pixels; the straight parts are plain
/// rectangle fills instead, and only the four small corners go through the antialiased path code.
void panel(QPainter& p, const QRectF& box, double radius, const QColor& fill, const QPen& border) {
    const QRectF r(std::round(box.left()), std::round(box.top()), std::round(box.width()), std::round(box.height()));
    const double rad = std::min(std::round(radius), std::floor(std::min(r.width(), r.height()) / 2));
    const double bw = std::max(1.0, std::round(border.widthF()));
    const QColor bc = border.color();
    const bool hasBorder = border.style() != Qt::NoPen;
    p.save();
    p.fillRect(r.adjusted(rad, 0, -rad, 0), fill);
    p.fillRect(r.adjusted(0, rad, 0, -rad), fill);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    const double d = 2 * rad;
    p.drawPie(QRectF(r.left(), r.top(), d, d), 90 * 16, 90 * 16);
    p.drawPie(QRectF(r.right() - d, r.top(), d, d), 0, 90 * 16);
    p.drawPie(QRectF(r.left(), r.bottom() - d, d, d), 180 * 16, 90 * 16);
    p.drawPie(QRectF(r.right() - d, r.bottom() - d, d, d), 270 * 16, 90 * 16);
    if (hasBorder) {
        p.fillRect(QRectF(r.left() + rad, r.top(), r.width() - d, bw), bc);
        p.fillRect(QRectF(r.left() + rad, r.bottom() - bw, r.width() - d, bw), bc);
        p.fillRect(QRectF(r.left(), r.top() + rad, bw, r.height() - d), bc);
        p.fillRect(QRectF(r.right() - bw, r.top() + rad, bw, r.height() - d), bc);
        p.setPen(QPen(bc, bw, Qt::SolidLine, Qt::FlatCap));
        p.setBrush(Qt::NoBrush);
        const double h = bw / 2;
        const double ad = d - bw;
        p.drawArc(QRectF(r.left() + h, r.top() + h, ad, ad), 90 * 16, 90 * 16);
        p.drawArc(QRectF(r.right() - h - ad, r.top() + h, ad, ad), 0, 90 * 16);
        p.drawArc(QRectF(r.left() + h, r.bottom() - h - ad, ad, ad), 180 * 16, 90 * 16);
        p.drawArc(QRectF(r.right() - h - ad, r.bottom() - h - ad, ad, ad), 270 * 16, 90 * 16);
    }
    p.restore();
}

} // namespace

ClusterCanvas::BadgeColours ClusterCanvas::badgeColours(const PartitionBadge& b, const Theme& th) {
    BadgeColours c{QColor(0xd7, 0xf0, 0xe6), QColor(0x00, 0x4d, 0x38), QColor()};
    if (b.revoked) {
        c = {QColor(0xee, 0xee, 0xee), th.muted, th.muted};
    } else if (b.lag && *b.lag < 0) {
        // A negative lag is not a healthy "caught up": reddish purple (Okabe-Ito), with a border
        // that tells it apart in grey too.
        c = {QColor(0xf5, 0xdc, 0xec), QColor(0x7a, 0x1f, 0x5c), QColor(0xcc, 0x79, 0xa7)};
    } else if (b.lag && *b.lag > 50) {
        c = {QColor(0xf8, 0xd7, 0xc8), QColor(0x8a, 0x2a, 0x00), QColor()};
    } else if (b.lag && *b.lag > 0) {
        c = {QColor(0xfb, 0xec, 0xc4), QColor(0x6b, 0x4a, 0x00), QColor()};
    } else if (!b.lag) {
        c = {QColor(0xe8, 0xee, 0xf4), th.text, QColor()};
    }
    if (th.presentation && !b.revoked) c.fg = Qt::black;
    return c;
}

void ClusterCanvas::paintLayout(QPainter& p, const ClusterLayout& L) const {
    const Theme& th = hasData() ? L.theme : m_theme; // the layout may be drawn smaller than the theme
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(QRectF(QPointF(0, 0), L.size), th.background);
    if (!hasData()) {
        p.setPen(th.muted);
        p.setFont(th.font(12));
        m_text.draw(p, QRectF(QPointF(0, 0), L.size), Qt::AlignCenter, tr("Open a scenario from the gallery to start."));
        return;
    }
    const double lw = th.line;

    // Column titles ("Consumer groups" on two lines in a narrow compare side)
    p.setFont(th.font(9, true));
    p.setPen(th.muted);
    if (!L.producersTitleRect.isEmpty())
        m_text.draw(p, L.producersTitleRect, Qt::AlignLeft | Qt::AlignVCenter, tr("Producers"));
    if (!L.groupsTitleRect.isEmpty())
        m_text.draw(p, L.groupsTitleRect,
                    Qt::AlignLeft | Qt::AlignVCenter | (L.groupsTitleRect.height() > th.px(20) + 0.5 ? int(Qt::TextWordWrap) : 0),
                    tr("Consumer groups"));

    // ---- brokers ----
    const QFont titleFont = th.font(11, true);
    const QFont smallFont = th.font(8);
    const QFont smallBold = th.font(8, true);
    const QFont cellFont = th.condensed(L.cellWidth >= th.px(28) ? 8.5 : 7.5);
    // Every font once per frame: the text cache compares fonts, which is cheap for the same object.
    const QFont tiny = th.font(7);
    const QFont tinyCondensed = th.condensed(7);
    const QFont tinyCondensedBold = th.condensed(7, true);
    const QFont nameFont = th.font(9, true);
    const QFont groupTitleFont = th.font(10, true);
    const QFont badgeFont = th.condensed(8);
    for (const auto& b : L.brokers) {
        panel(p, b.rect, th.px(6), th.panel, QPen(b.alive ? th.border : th.offline, lw * (b.alive ? 1.0 : 1.5)));
        if (!b.alive) {
            p.setBrush(QBrush(QColor(0xc0, 0x39, 0x2b, 40), Qt::BDiagPattern));
            p.setPen(Qt::NoPen);
            p.drawRoundedRect(b.rect, th.px(6), th.px(6));
        }
        p.setFont(titleFont);
        p.setPen(th.text);
        const QRectF h = b.headerRect.adjusted(th.px(8), th.px(4), -th.px(8), 0);
        m_text.draw(p, QRectF(h.left(), h.top(), h.width(), th.px(20)), Qt::AlignLeft | Qt::AlignVCenter, tr("Broker %1").arg(b.id));
        p.setFont(smallFont);
        p.setPen(!b.alive || b.fenced ? th.offline : th.muted);
        // The whole status where the layout put it: two lines when it made the header taller.
        if (b.headerRect.height() > th.px(50))
            m_text.draw(p, b.statusRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, b.statusText);
        else
            m_text.draw(p, b.statusRect, Qt::AlignLeft | Qt::AlignVCenter, b.statusText);
        if (!b.controllerRect.isEmpty()) chip(m_text, p, b.controllerRect, b.controllerText, QColor(), th.muted, th.border, lw);
    }

    // ---- strips ----
    const bool numbers = L.cellWidth >= th.px(14);
    const double cellTextHeight = QFontMetricsF(cellFont).height();
    for (const auto& st : L.strips) {
        if (L.detail != Detail::Minimal) {
            // label line(s): name, role, ISR, numbers, where the layout put them
            p.setFont(smallBold);
            p.setPen(th.text);
            m_text.draw(p, st.nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                        st.nameElided ? m_text.elided(smallBold, st.name, st.nameRect.width(), Qt::ElideMiddle) : st.name);
            p.setFont(smallFont);
            if (!st.roleRect.isEmpty()) {
                if (st.offline) chip(m_text, p, st.roleRect, st.roleText, th.offline, Qt::white, QColor(), lw);
                else if (st.leader) chip(m_text, p, st.roleRect, st.roleText, th.leader, Qt::white, QColor(), lw);
                else chip(m_text, p, st.roleRect, st.roleText, QColor(), th.muted, th.border, lw);
            }
            if (!st.isrRect.isEmpty()) {
                if (st.inIsr) chip(m_text, p, st.isrRect, st.isrText, QColor(0xd7, 0xf0, 0xe6), QColor(0x00, 0x5e, 0x44), QColor(), lw);
                else chip(m_text, p, st.isrRect, st.isrText, QColor(), th.offline, th.offline, lw);
            }
            if (!st.numbersRect.isEmpty()) {
                p.setPen(th.muted);
                // On two lines in a column too narrow for it (the layout made the label taller).
                const bool wraps = st.numbersRect.height() > 1.9 * QFontMetricsF(smallFont).height();
                m_text.draw(p, st.numbersRect, Qt::AlignRight | Qt::AlignVCenter | (wraps ? int(Qt::TextWordWrap) : 0), st.numbersText);
            }
        } else {
            p.setFont(st.leader ? tinyCondensedBold : tinyCondensed);
            p.setPen(st.offline ? th.offline : th.text);
            const QString t = st.name + (st.offline ? tr(" · none") : (st.leader ? tr(" · L") : (st.inIsr ? QString() : tr(" · out"))));
            m_text.draw(p, st.labelRect, Qt::AlignLeft | Qt::AlignVCenter, m_text.elided(cellFont, t, st.labelRect.width()));
        }

        // cells
        const QRectF cr = st.cellsRect;
        // Axis-aligned and drawn 72+ times a frame: no antialiasing (an antialiased outline costs as
        // much as all the cells together). A hairline in a lighter border colour.
        p.setRenderHint(QPainter::Antialiasing, false);
        p.fillRect(cr, th.cellBorder);
        {
            const double bw = lw > 2 ? std::round(0.5 * lw) : 1.0;
            p.fillRect(cr.adjusted(bw, bw, -bw, -bw), th.emptyCell);
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        if (!st.deletedRect.isEmpty()) {
            // Deleted offsets: a hatched grey box, "log start N" in it when there is room.
            p.fillRect(st.deletedRect, th.emptyCell);
            p.fillRect(st.deletedRect, QBrush(th.muted, Qt::BDiagPattern));
            if (!st.deletedText.isEmpty()) {
                const QRectF box = st.deletedRect.adjusted(th.px(2), th.px(2), -th.px(2), -th.px(2));
                p.fillRect(box, th.emptyCell);
                m_text.draw(p, box, Qt::AlignCenter, st.deletedText, tinyCondensedBold, th.text);
            }
        }
        if (st.elided > 0) {
            p.setFont(tinyCondensed);
            p.setPen(th.muted);
            m_text.draw(p, st.elideRect, Qt::AlignCenter, st.elideText);
        }
        p.setFont(cellFont);
        p.setRenderHint(QPainter::Antialiasing, false); // axis-aligned cells: cheaper and crisper
        for (const auto& c : st.cells) {
            QColor fill = c.known ? keyColour(c.key) : th.emptyCell;
            if (!c.committed) fill.setAlpha(110);
            p.fillRect(c.rect, fill);
            if (numbers && c.rect.height() >= cellTextHeight - 1)
                m_text.draw(p, c.rect, Qt::AlignCenter, QString::number(c.offset), cellFont, c.committed ? textOn(fill) : th.text);
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        if (st.leo == st.logStart && L.detail != Detail::Minimal) {
            p.setFont(tiny);
            p.setPen(th.muted);
            const double from = st.deletedRect.isEmpty() ? cr.left() : st.deletedRect.right() + th.px(2);
            m_text.draw(p, QRectF(from, cr.top(), cr.right() - from, cr.height()).adjusted(th.px(4), 0, 0, 0),
                        Qt::AlignLeft | Qt::AlignVCenter, tr("empty log"));
        }
        // LEO and HW markers
        const double markerTop = cr.bottom() + th.px(1);
        if (st.leoX) {
            p.setPen(QPen(th.text, 1.5 * lw));
            p.drawLine(QPointF(*st.leoX, cr.top() - th.px(2)), QPointF(*st.leoX, cr.bottom() + th.px(2)));
        }
        if (st.hwX) {
            p.setPen(QPen(th.hw, 2.5 * lw));
            p.drawLine(QPointF(*st.hwX, cr.top() - th.px(3)), QPointF(*st.hwX, cr.bottom() + th.px(3)));
        }
        if (st.hwBefore && !st.hwLabelRect.isEmpty()) {
            // Before the drawn cells: a triangle pointing left at the row's edge, "HW 3968" beside it.
            const double mh = L.detail == Detail::Full ? th.px(9) : th.px(7);
            const QRectF r = st.hwLabelRect;
            const double cy = r.center().y();
            QPainterPath tri;
            tri.moveTo(r.left(), cy);
            tri.lineTo(r.left() + mh, cy - mh * 0.5);
            tri.lineTo(r.left() + mh, cy + mh * 0.5);
            tri.closeSubpath();
            p.setPen(QPen(th.hw, lw * 1.2));
            p.setBrush(QBrush(th.hw));
            p.drawPath(tri);
            m_text.draw(p, QRectF(r.left() + mh + th.px(1), r.top(), r.width() - mh - th.px(1), r.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, st.hwBeforeText, tinyCondensedBold, th.hw);
        } else if (L.detail == Detail::Full) {
            p.setFont(tinyCondensedBold);
            if (!st.hwLabelRect.isEmpty()) {
                p.setPen(th.hw);
                m_text.draw(p, st.hwLabelRect, Qt::AlignCenter, tr("HW"));
            }

        }
        // consumer position (filled) and committed offset (hollow) markers
        const double mh = L.detail == Detail::Full ? th.px(9) : th.px(7);
        for (const auto& mk : st.markers) {
            const QColor gc = groupColour(mk.group);
            QPainterPath tri;
            if (mk.before) {
                // Before the drawn cells: pointing left at the row's edge, its offset beside it.
                const double cy = mk.rect.center().y();
                tri.moveTo(mk.x, cy);
                tri.lineTo(mk.x + mh, cy - mh * 0.5);
                tri.lineTo(mk.x + mh, cy + mh * 0.5);
            } else {
                tri.moveTo(mk.x, markerTop);
                tri.lineTo(mk.x - mh * 0.6, markerTop + mh);
                tri.lineTo(mk.x + mh * 0.6, markerTop + mh);
            }
            tri.closeSubpath();
            p.setPen(QPen(gc, lw * 1.2));
            p.setBrush(mk.committed ? QBrush(Qt::white) : QBrush(gc));
            p.drawPath(tri);
            if (mk.before) {
                p.setFont(tinyCondensedBold);
                m_text.draw(p, mk.textRect, Qt::AlignLeft | Qt::AlignVCenter, mk.text, tinyCondensedBold, gc);
            }
        }
        if (st.brokerDown) {
            p.fillRect(st.rect, QColor(255, 255, 255, 150));
        }
    }

    // ---- brokers with more partitions than fit: a summary row ----
    for (const auto& b : L.brokers) {
        if (b.hiddenReplicas == 0) continue;
        panel(p, b.moreRect, th.px(3), th.emptyCell, QPen(th.border, lw));
        // Whole, wrapped where the layout made the row taller (never shortened).
        m_text.draw(p, b.moreTextRect,
                    Qt::AlignLeft | Qt::AlignVCenter | (b.moreTextRect.height() > th.px(17) + 0.5 ? int(Qt::TextWordWrap) : 0),
                    b.moreText, smallBold, th.text);
    }

    // ---- producers and records in flight ----
    for (const auto& pr : L.producers) {
        panel(p, pr.rect, th.px(6), th.panel, QPen(th.border, lw));
        // Whole texts, wrapped where the layout made room (never shortened).
        // (The sprite cache draws single lines: the wrap flags only where a text needs more.)
        // Between words only (ClusterLayout::wrapFlags), as the layout measured them.
        auto flags = [&](const QRectF& r, double lineH, const QFont& font, const QString& text) {
            return Qt::AlignLeft | Qt::AlignVCenter | (r.height() > th.px(lineH) + 0.5 ? ClusterLayout::wrapFlags(font, text, r.width()) : 0);
        };
        m_text.draw(p, pr.nameRect, flags(pr.nameRect, 17, nameFont, pr.nameText), pr.nameText, nameFont, th.text);
        m_text.draw(p, pr.topicRect, flags(pr.topicRect, 15, smallFont, pr.topicText), pr.topicText, smallFont, th.muted);
        m_text.draw(p, pr.ackedRect, flags(pr.ackedRect, 15, smallFont, pr.ackedText), pr.ackedText, smallFont, th.muted);
    }
    // Records in flight: a faint trail along the path and a dot (or a batch chip) moving on it.
    const QFont keyFont = th.condensed(7.5, true);
    for (auto it = L.flights.rbegin(); it != L.flights.rend(); ++it) { // oldest first, newest on top
        const Flight& f = *it;
        if (!f.batch) { // trails only for single records: batches are many, their chips say enough
            QColor c = keyColour(f.key);
            c.setAlphaF(0.30 * (1.0 - f.age) + 0.05);
            p.setPen(QPen(c, 1.2 * lw));
            // The layout's path (producer, the gaps and margins between the columns, the cells row), with rounded corners.
            const QPointF pts[] = {f.from, f.via[0], f.via[1], f.via[2], f.via[3], f.to};
            constexpr int n = static_cast<int>(std::size(pts));
            QPainterPath path(f.from);
            for (int i = 1; i < n - 1; ++i) {
                const QPointF in = pts[i] - pts[i - 1], out = pts[i + 1] - pts[i];
                const double lin = std::hypot(in.x(), in.y()), lout = std::hypot(out.x(), out.y());
                const double r = std::min({th.px(10), lin / 2, lout / 2});
                if (r <= 0.5) {
                    path.lineTo(pts[i]);
                    continue;
                }
                path.lineTo(pts[i] - in * (r / lin));
                path.quadTo(pts[i], pts[i] + out * (r / lout));
            }
            path.lineTo(f.to);
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        }
        const double fade = f.progress < 1.0 ? 1.0 : std::max(0.0, 1.0 - (f.age - 0.6) / 0.4);
        if (f.batch && !f.chipRect.isEmpty()) {
            const QString t = QStringLiteral("×%1").arg(f.count);
            QColor fill = th.leader;
            fill.setAlphaF(0.25 + 0.75 * fade);
            p.setFont(keyFont);
            chip(m_text, p, f.chipRect, t, fill, Qt::white, QColor(), lw);
            continue;
        }
        QColor dot = keyColour(f.key);
        dot.setAlphaF(0.2 + 0.8 * fade);
        p.setBrush(dot);
        p.setPen(QPen(th.text, 0.8 * lw));
        p.drawEllipse(f.pos, th.px(5), th.px(5));
        if (!f.keyRect.isEmpty()) {
            p.setFont(keyFont);
            QColor tc = th.text;
            tc.setAlphaF(fade);
            p.setPen(tc);
            m_text.draw(p, f.keyRect, Qt::AlignCenter, f.keyText);
        }
    }

    // The minimal detail's names sit beside the cells, on the row a flight ends on: drawn again over
    // the flights (see Flight::via).
    if (L.detail == Detail::Minimal && !L.flights.empty())
        for (const auto& st : L.strips) {
            p.setFont(st.leader ? tinyCondensedBold : tinyCondensed);
            p.setPen(st.offline ? th.offline : th.text);
            const QString t = st.name + (st.offline ? tr(" · none") : (st.leader ? tr(" · L") : (st.inIsr ? QString() : tr(" · out"))));
            p.fillRect(st.labelRect, th.panel);
            m_text.draw(p, st.labelRect, Qt::AlignLeft | Qt::AlignVCenter, m_text.elided(cellFont, t, st.labelRect.width()));
        }

    // ---- legend ----
    if (!L.legendRect.isEmpty()) {
        panel(p, L.legendRect, th.px(6), th.panel, QPen(th.border, lw));
        const QFont legendFont = th.condensed(7.5);
        p.setFont(smallBold);
        p.setPen(th.muted);
        m_text.draw(p, QRectF(L.legendRect.left() + th.px(8), L.legendRect.top() + th.px(2), L.legendRect.width() - th.px(12), th.px(16)),
                    Qt::AlignLeft | Qt::AlignVCenter, L.legendTitle);
        for (const auto& it : L.legend) {
            const QRectF sr = it.symbolRect;
            const QPointF c = sr.center();
            const double mh = th.px(9);
            switch (it.symbol) {
            case LegendItem::Symbol::Position:
            case LegendItem::Symbol::Committed: {
                QPainterPath tri;
                tri.moveTo(c.x(), c.y() - mh / 2);
                tri.lineTo(c.x() - mh * 0.6, c.y() + mh / 2);
                tri.lineTo(c.x() + mh * 0.6, c.y() + mh / 2);
                tri.closeSubpath();
                p.setPen(QPen(groupColour(0), lw * 1.2));
                p.setBrush(it.symbol == LegendItem::Symbol::Committed ? QBrush(Qt::white) : QBrush(groupColour(0)));
                p.drawPath(tri);
                break;
            }
            case LegendItem::Symbol::Leo:
                p.setPen(QPen(th.text, 1.5 * lw));
                p.drawLine(QPointF(c.x(), sr.top() + th.px(2)), QPointF(c.x(), sr.bottom() - th.px(2)));
                break;
            case LegendItem::Symbol::Hw:
                p.setPen(QPen(th.hw, 2.5 * lw));
                p.drawLine(QPointF(c.x(), sr.top() + th.px(1)), QPointF(c.x(), sr.bottom() - th.px(1)));
                break;
            case LegendItem::Symbol::KeyColours: {
                const double w = sr.width() / 4;
                for (int k = 0; k < 4; ++k)
                    p.fillRect(QRectF(sr.left() + k * w, sr.top() + th.px(3), w - 1, sr.height() - th.px(6)), keyColour(static_cast<std::uint32_t>(k + 1)));
                break;
            }
            case LegendItem::Symbol::NegativeLag: {
                PartitionBadge sample;
                sample.lag = -1;
                const BadgeColours colours = badgeColours(sample, th);
                p.setPen(QPen(colours.border, 1.5 * lw));
                p.setBrush(colours.fill);
                p.drawRoundedRect(sr.adjusted(th.px(1), th.px(2), -th.px(1), -th.px(2)), th.px(4), th.px(4));
                break;
            }
            case LegendItem::Symbol::OlderRecords: {
                // The grey box of a row's hidden older records, with its "+N" as the rows draw it.
                const QRectF box = sr.adjusted(0, th.px(2), 0, -th.px(2));
                p.fillRect(box, th.cellBorder);
                p.fillRect(box.adjusted(1, 1, -1, -1), th.emptyCell);
                m_text.draw(p, box, Qt::AlignCenter, QStringLiteral("+N"), tinyCondensed, th.muted);
                break;
            }
            case LegendItem::Symbol::Before: {
                // A position (filled) and a committed offset (hollow) before the drawn cells, as the rows draw them.
                const double cy = c.y();
                for (int k = 0; k < 2; ++k) {
                    const double x = sr.left() + th.px(1) + k * (mh + th.px(3));
                    QPainterPath tri;
                    tri.moveTo(x, cy);
                    tri.lineTo(x + mh, cy - mh * 0.5);
                    tri.lineTo(x + mh, cy + mh * 0.5);
                    tri.closeSubpath();
                    p.setPen(QPen(groupColour(0), lw * 1.2));
                    p.setBrush(k == 1 ? QBrush(Qt::white) : QBrush(groupColour(0)));
                    p.drawPath(tri);
                }
                break;
            }
            case LegendItem::Symbol::Uncommitted: {
                QColor a = keyColour(1), b = keyColour(2);
                const double w = sr.width() / 2;
                p.fillRect(QRectF(sr.left(), sr.top() + th.px(3), w - 1, sr.height() - th.px(6)), a);
                b.setAlpha(110);
                p.fillRect(QRectF(sr.left() + w, sr.top() + th.px(3), w - 1, sr.height() - th.px(6)), b);
                p.setPen(QPen(th.hw, 1.5 * lw));
                p.drawLine(QPointF(sr.left() + w - 0.5, sr.top() + th.px(1)), QPointF(sr.left() + w - 0.5, sr.bottom() - th.px(1)));
                break;
            }
            }
            m_text.draw(p, it.textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, it.text, legendFont, th.text);
        }
    }

    // ---- consumer groups ----
    auto paintBadge = [&](QPainter& painter, const PartitionBadge& b) {
        const BadgeColours colours = badgeColours(b, th);
        const QColor fill = colours.fill, fg = colours.fg, border = colours.border;
        if (!b.revoked && !b.fresh) { // the common case: one cached image
            m_text.chip(painter, b.rect, b.text, painter.font(), fill, fg, border, 1.5 * lw, th.px(4));
            return;
        }
        painter.save();
        if (b.revoked) painter.setOpacity(1.0 - 0.55 * b.anim); // fades out once the revocation is done
        painter.setPen(border.isValid() ? QPen(border, lw, Qt::DashLine) : QPen(Qt::NoPen));
        painter.setBrush(fill);
        painter.drawRoundedRect(b.rect, th.px(4), th.px(4));
        if (b.fresh) {
            // newly assigned: a green ring that shrinks onto the badge
            QColor ring = th.ok;
            ring.setAlphaF(1.0 - 0.8 * b.anim);
            const double grow = th.px(4) * (1.0 - b.anim);
            painter.setPen(QPen(ring, 2.0 * lw));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(b.rect.adjusted(-grow, -grow, grow, grow), th.px(5), th.px(5));
        }
        painter.setPen(fg);
        m_text.draw(painter, b.rect, Qt::AlignCenter, b.text);
        if (b.revoked) {
            painter.setPen(QPen(th.offline, 1.3 * lw));
            const double y = b.rect.center().y();
            painter.drawLine(QPointF(b.rect.left() + th.px(4), y), QPointF(b.rect.right() - th.px(4), y));
        }
        painter.restore();
    };
    for (const auto& g : L.groups) {
        panel(p, g.rect, th.px(6), th.panel, QPen(th.border, lw));
        const QRectF h = g.headerRect.adjusted(th.px(8), th.px(4), -th.px(8), 0);
        p.setFont(groupTitleFont);
        p.setPen(th.text);
        m_text.draw(p, QRectF(h.left(), h.top(), h.width(), th.px(19)), Qt::AlignLeft | Qt::AlignVCenter, tr("Group %1").arg(g.name));
        // The state and its detail where the layout put them (the detail wrapped under the chip
        // when it does not fit beside it; never shortened).
        QColor sc = th.muted;
        if (g.coordinatorDown) sc = th.offline;
        else if (g.state == obs::GroupState::Stable) sc = th.ok;
        else if (g.state == obs::GroupState::PreparingRebalance || g.state == obs::GroupState::CompletingRebalance) sc = th.hw;
        p.setFont(smallFont);
        chip(m_text, p, g.stateRect, g.stateText, sc, Qt::white, QColor(), lw);
        m_text.draw(p, g.detailRect,
                    Qt::AlignLeft | Qt::AlignVCenter | (g.detailRect.height() > th.px(17) + 0.5 ? int(Qt::TextWordWrap) : 0),
                    g.detailText, smallFont, g.coordinatorDown ? th.offline : th.text);
        p.setPen(th.muted);
        m_text.draw(p, g.protocolRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, g.protocolText, smallFont, th.muted);
        for (const auto& c : g.consumers) {
            // Whole texts where the layout put them (the status on its own line when both do not fit).
            const bool alarming = isAlarming(c.status);
            m_text.draw(p, c.nameRect,
                        Qt::AlignLeft | Qt::AlignVCenter | (c.nameRect.height() > th.px(19) + 0.5 ? ClusterLayout::wrapFlags(smallBold, c.nameText, c.nameRect.width()) : 0),
                        c.nameText, smallBold, th.text);
            if (!c.statusText.isEmpty())
                m_text.draw(p, c.statusRect,
                            Qt::AlignLeft | Qt::AlignVCenter | (c.statusRect.height() > th.px(19) + 0.5 ? int(Qt::TextWordWrap) : 0),
                            c.statusText, smallFont, alarming ? th.offline : th.muted);
            p.setFont(badgeFont);
            for (const auto& b : c.partitions)
                if (!b.hidden) paintBadge(p, b);
            if (c.hiddenBadges > 0)
                m_text.chip(p, c.moreRect, tr("+ %1 more").arg(c.hiddenBadges), badgeFont, th.emptyCell, th.text, th.border, lw,
                            th.px(4));
        }
        if (!g.overlayRect.isEmpty()) {
            // Stop-the-world: the whole membership is frozen until the new assignment arrives.
            p.setPen(Qt::NoPen);
            p.setBrush(QBrush(QColor(0xc0, 0x39, 0x2b, 60), Qt::BDiagPattern));
            p.drawRoundedRect(g.overlayRect, th.px(4), th.px(4));
            p.setBrush(QColor(0xc0, 0x39, 0x2b, 22));
            p.drawRoundedRect(g.overlayRect, th.px(4), th.px(4));
        }
        if (!g.unownedRect.isEmpty()) {
            const QRectF ur = g.unownedRect;
            p.setPen(QPen(th.hw, lw, Qt::DashLine));
            p.setBrush(QColor(0xfd, 0xf3, 0xe7));
            p.drawRoundedRect(ur.adjusted(th.px(2), 0, -th.px(2), -th.px(2)), th.px(4), th.px(4));
            // Whole, wrapped where the layout made the row taller (never shortened).
            m_text.draw(p, g.unownedTextRect,
                        Qt::AlignLeft | Qt::AlignVCenter | (g.unownedTextRect.height() > th.px(17) + 0.5 ? int(Qt::TextWordWrap) : 0),
                        g.unownedText, smallBold, th.hw);
            p.setFont(badgeFont);
            for (const auto& b : g.unowned) paintBadge(p, b);
        }
        if (!g.phaseRect.isEmpty()) {
            QColor fill = g.phase == RebalancePhase::StopTheWorld ? th.offline : th.hw;
            if (g.cooperative) fill = th.leader;
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawRoundedRect(g.phaseRect, th.px(5), th.px(5));
            // Whole, on the lines the layout made room for (never shortened).
            m_text.draw(p, g.phaseTextRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, g.phaseText, smallBold, Qt::white);
        }
    }
}

} // namespace fluxolab::app
