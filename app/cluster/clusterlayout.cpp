#include "app/cluster/clusterlayout.h"

#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"

#include <QFontMetricsF>
#include <QHash>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <map>
#include <set>

namespace fluxolab::app {

const BrokerItem* ClusterLayout::broker(obs::BrokerId id) const {
    for (const auto& b : brokers)
        if (b.id == id) return &b;
    return nullptr;
}

const ReplicaStrip* ClusterLayout::strip(const obs::PartitionKey& tp, obs::BrokerId b) const {
    for (const auto& s : strips)
        if (s.tp == tp && s.broker == b) return &s;
    return nullptr;
}

const ReplicaStrip* ClusterLayout::leaderStrip(const obs::PartitionKey& tp) const {
    for (const auto& s : strips)
        if (s.tp == tp && s.leader) return &s;
    return nullptr;
}

const GroupItem* ClusterLayout::group(const QString& name) const {
    for (const auto& g : groups)
        if (g.name == name) return &g;
    return nullptr;
}

const ConsumerItem* ClusterLayout::consumer(std::int32_t index) const {
    for (const auto& g : groups)
        for (const auto& c : g.consumers)
            if (c.index == index) return &c;
    return nullptr;
}

QString ClusterLayout::tipAt(const QPointF& p) const {
    for (auto it = hotspots.rbegin(); it != hotspots.rend(); ++it)
        if (it->rect.contains(p)) return it->tip;
    return {};
}

std::optional<obs::BrokerId> ClusterLayout::brokerAt(const QPointF& p) const {
    for (const auto& b : brokers)
        if (b.rect.contains(p)) return b.id;
    return std::nullopt;
}

std::optional<std::int32_t> ClusterLayout::consumerAt(const QPointF& p) const {
    for (const auto& g : groups)
        for (const auto& c : g.consumers)
            if (c.rect.contains(p)) return c.index;
    return std::nullopt;
}

std::optional<std::int32_t> ClusterLayout::groupAt(const QPointF& p) const {
    for (const auto& g : groups)
        if (g.rect.contains(p)) return g.index;
    return std::nullopt;
}

namespace {
/// Text widths measured before, per font (QFont::key()): the strip labels repeat "leader",
/// "ISR" and the partition names frame after frame, and each QFontMetricsF::horizontalAdvance
/// shapes the text again (callgrind, 9999x3 topic at 64x: 12 % of the UI thread's frame).
/// Bounded: emptied past kMaxEntries texts. One per thread (layouts are built on the UI thread).
class WidthCache {
public:
    explicit WidthCache(const QFont& font) : m_fm(font), m_widths(cacheFor(font)) {}
    double operator()(const QString& text) {
        if (const auto it = m_widths.constFind(text); it != m_widths.constEnd()) return *it;
        if (m_widths.size() > kMaxEntries) m_widths.clear();
        const double w = m_fm.horizontalAdvance(text);
        m_widths.insert(text, w);
        return w;
    }

private:
    static constexpr qsizetype kMaxEntries = 50000;
    static QHash<QString, double>& cacheFor(const QFont& font) {
        thread_local QHash<QString, QHash<QString, double>> caches;
        return caches[font.key()];
    }
    QFontMetricsF m_fm;
    QHash<QString, double>& m_widths;
};


bool isInternal(const std::string& topic) { return obs::isInternalName(topic); }

constexpr double kFlightWallMs = SimulationController::kFlightWallMs; ///< on-screen duration of a record's trip and fade
constexpr double kTravelShare = 0.6;       ///< share of it spent travelling (then it fades at the partition)
constexpr double kBatchSpeed = 8;          ///< from this speed on, flights are batched per partition
constexpr std::size_t kMaxSingleFlights = 48;
constexpr double kRebalanceWallMs = SimulationController::kRebalanceWallMs; ///< on-screen duration of the revoke/assign animations

// Texts the layout places and the canvas draws, translated in the canvas's context (viewText below).
// A producer card's count of acknowledged records, singular for one ("1 confirmado").
QString ackedText(std::int64_t acked) {
    return QCoreApplication::translate("fluxolab::app::ClusterCanvas", "%n acked", nullptr,
                                       static_cast<int>(std::clamp<std::int64_t>(acked, 0, INT32_MAX)));
}

[[maybe_unused]] constexpr const char* kCanvasTexts[] = {
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "running"),  QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "stopped"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "fenced"),   QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", " · controller"),
    QT_TRANSLATE_N_NOOP("fluxolab::app::ClusterCanvas", "%n leader(s)"), QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", " (leader)"),
    QT_TRANSLATE_N_NOOP("fluxolab::app::ClusterCanvas", "%n acked"), QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "generation %1"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "generation: not visible on a real cluster"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "Eager rebalance: stop-the-world, every consumer stops"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "Cooperative, phase 1: rejoin, unaffected partitions keep flowing"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "Cooperative: moved partitions revoked, now without owner"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "Cooperative, phase 2: moved partitions go to their new owner"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "Without owner (waiting for phase 2)"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas",
                      "Cooperative: this rebalance assigns the partitions of the member that left; the others keep flowing"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "Without owner (their member left: this rebalance assigns them)"),
    QT_TRANSLATE_NOOP("fluxolab::app::ClusterCanvas", "Without owner (their member left: the next rebalance assigns them)")};

QString tpName(const obs::PartitionKey& tp) {
    return QString::fromStdString(tp.first) + QLatin1Char('-') + QString::number(tp.second);
}

} // namespace

double ClusterLayout::widestWord(const QFont& font, const QString& text) {
    WidthCache width(font);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    double widest = 0;
    qsizetype start = 0;
    for (qsizetype at = finder.toNextBoundary(); at > 0; at = finder.toNextBoundary()) {
        widest = std::max(widest, width(text.mid(start, at - start).trimmed())); // trailing spaces hang past the line
        start = at;
    }
    return widest;
}

int ClusterLayout::wrapFlags(const QFont& font, const QString& text, double width) {
    return widestWord(font, text) <= width + 0.5 ? kWrapFlags : int(Qt::TextWrapAnywhere);
}

std::array<std::pair<LegendItem::Symbol, QString>, 9> ClusterLayoutBuilder::legendTexts() {
    using S = LegendItem::Symbol;
    return {{{S::Position, tr("consumer position")},
             {S::Committed, tr("committed offset")},
             {S::Leo, tr("LEO (log end)")},
             {S::Hw, tr("HW (high watermark)")},
             {S::KeyColours, tr("colour = record key")},
             {S::Uncommitted, tr("above the HW")},
             {S::NegativeLag, tr("negative lag: committed past the end")},
             // Listed only while a row hides older records behind a "+N" count.
             {S::OlderRecords, tr("+N: older records not drawn")},
             // Listed only while a row draws a position or committed offset before its first cell.
             {S::Before, tr("position / committed offset before the drawn cells")}}};
}

std::pair<double, double> ClusterLayoutBuilder::sideColumnNeeds(const obs::Observation& o, const Theme& th) {
    auto viewText = [](const char* text) { return QCoreApplication::translate("fluxolab::app::ClusterCanvas", text); };
    const QFont bold9 = th.font(9, true), small = th.font(8), bold8 = th.font(8, true);
    // Producers' column: its title (the brokers' panels are drawn over what passes the column), the
    // cards' texts (px(14) of padding, as the cards place them) and the legend's (its symbols before them).
    double left = QFontMetricsF(bold9).horizontalAdvance(viewText("Producers"));
    for (const auto& p : o.producers) {
        left = std::max(left, ClusterLayout::widestWord(bold9, QString::fromStdString(p.client_id)) + th.px(14));
        if (!p.topic.empty())
            left = std::max(left, ClusterLayout::widestWord(small, QStringLiteral("→\u00a0") + QString::fromStdString(p.topic)) + th.px(14));
        left = std::max(left, ClusterLayout::widestWord(small, ackedText(p.acked)) + th.px(14));
    }
    const QFont legendFont = th.condensed(7.5);
    for (const auto& item : legendTexts())
        left = std::max(left, ClusterLayout::widestWord(legendFont, item.second) + th.px(26) + th.px(12) + 1);
    // Groups' column: its title (wrapped between words), each group's title, its members' names
    // with "(leader)" (px(20) of padding), the state chips (px(12) inside, px(16) around: every state,
    // so that the column keeps its width through a rebalance) and the partition badges (px(12)
    // inside, px(16) around; the lag with at least four digits, so that it does not change at
    // every frame). None of it wraps but the titles and the names.
    double right = 0;
    bool groups = false;
    const QFontMetricsF smallFm(small), badgeFm(th.condensed(8));
    int lagDigits = 4;
    for (const auto& g : o.groups) {
        if (g.internal) continue;
        groups = true;
        right = std::max(right, QFontMetricsF(th.font(10, true))
                                        .horizontalAdvance(viewText("Group %1").arg(QString::fromStdString(g.name))) + th.px(16));
        for (const auto& [tp, lag] : g.lag) lagDigits = std::max(lagDigits, static_cast<int>(QString::number(lag).size()));
    }
    if (groups) {
        right = std::max(right, ClusterLayout::widestWord(bold9, viewText("Consumer groups")));
        using S = obs::GroupState;
        for (const S st : {S::Unknown, S::Empty, S::PreparingRebalance, S::CompletingRebalance, S::Stable, S::Dead})
            right = std::max(right, smallFm.horizontalAdvance(Texts::groupState(st)) + th.px(12) + th.px(16));
        right = std::max(right, smallFm.horizontalAdvance(Texts::noCoordinator()) + th.px(12) + th.px(16));
        const QString lag(lagDigits, QLatin1Char('9'));
        for (const auto& c : o.consumers) {
            if (c.closed || c.group.empty()) continue;
            for (const auto& tp : c.assigned) {
                if (isInternal(tp.first)) continue;
                const QString name = tpName(tp);
                right = std::max(right, badgeFm.horizontalAdvance(tr("%1 · lag %2").arg(name, lag)) + th.px(12) + th.px(16));
                right = std::max(right, badgeFm.horizontalAdvance(tr("%1 · revoked").arg(name)) + th.px(12) + th.px(16));
                right = std::max(right, badgeFm.horizontalAdvance(tr("%1 · lost").arg(name)) + th.px(12) + th.px(16));
            }
        }
    }
    for (const auto& c : o.consumers)
        if (!c.closed)
            right = std::max(right, ClusterLayout::widestWord(bold8, QString::fromStdString(c.client_id) + viewText(" (leader)")) + th.px(20));
    return {std::ceil(left), std::ceil(right)};
}

std::size_t ClusterLayoutBuilder::aggregatedRows(std::size_t rows, double avail, const Theme& th, double summaryH) {
    const double minStrip = th.px(ClusterLayout::kMinStripPx);
    if (avail / static_cast<double>(std::max<std::size_t>(1, rows)) >= minStrip) return rows;
    // Room for the summary row at the bottom of each broker.
    const double room = avail - (summaryH > 0 ? summaryH + th.px(4) : th.px(ClusterLayout::kMinStripPx + 6));
    return static_cast<std::size_t>(std::max(0.0, std::floor(room / minStrip)));
}

void ClusterLayoutBuilder::shareRowsAmongTopics(std::vector<std::size_t>& list, const std::vector<obs::Partition>& parts,
                                               std::size_t shown) {
    // `list` is sorted by name. Every topic gets its first partitions in turn (round robin), so a
    // topic with thousands of partitions does not push the others out of view; the chosen ones
    // come first, by name, and the rest (not drawn) after them.
    std::vector<std::pair<std::size_t, std::size_t>> order; // (ordinal within its topic, index in list)
    order.reserve(list.size());
    std::size_t ordinal = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        ordinal = i > 0 && parts[list[i]].topic == parts[list[i - 1]].topic ? ordinal + 1 : 0;
        order.emplace_back(ordinal, i);
    }
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end());
    std::vector<char> chosen(list.size(), 0);
    for (std::size_t k = 0; k < shown; ++k) chosen[order[k].second] = 1;
    std::vector<std::size_t> out;
    out.reserve(list.size());
    for (int pass = 1; pass >= 0; --pass) // chosen first; both parts keep the order by name
        for (std::size_t i = 0; i < list.size(); ++i)
            if (chosen[i] == pass) out.push_back(list[i]);
    list.swap(out);
}

QString ClusterLayoutBuilder::hiddenSummaryText(std::size_t replicas, std::size_t shown) {
    return QCoreApplication::translate("fluxolab::app::ClusterCanvas", "+ %1 more · %2 of %3 partitions shown")
        .arg(replicas - shown)
        .arg(shown)
        .arg(replicas);
}

void ClusterLayoutBuilder::addHiddenSummary(ClusterLayout& L, BrokerItem& broker, std::size_t replicas, std::size_t shown,
                                            const Theme& th, double summaryH) {
    broker.replicas = static_cast<int>(replicas);
    broker.hiddenReplicas = static_cast<int>(replicas - shown);
    if (broker.hiddenReplicas == 0) return;
    const double h = std::max(summaryH, th.px(ClusterLayout::kMinStripPx + 2));
    broker.moreRect = QRectF(broker.rect.left() + th.px(6), broker.rect.bottom() - h - th.px(4), broker.rect.width() - th.px(12), h);
    broker.moreText = hiddenSummaryText(replicas, shown);
    broker.moreTextRect = broker.moreRect.adjusted(th.px(4), th.px(1), -th.px(4), -th.px(1));
    L.hotspots.push_back({broker.moreRect, tr("Broker %1 holds %2 partition replicas; %3 are drawn (the first by name), %4 are not.")
                                               .arg(broker.id)
                                               .arg(broker.replicas)
                                               .arg(broker.replicas - broker.hiddenReplicas)
                                               .arg(broker.hiddenReplicas) +
                                           QStringLiteral("<br>") +
                                           tr("Scroll with the mouse wheel over the brokers to see the others; "
                                              "kafka-topics.sh --describe in the terminal lists every partition.")});
}

std::uint64_t ClusterLayoutBuilder::topologyKey(const obs::Observation& o, QSizeF size, const Theme& th, std::size_t firstRow) {
    // A hash of what the broker columns' structure depends on. O(partitions) integer work (and one
    // string comparison per partition, to see where a topic's partitions end): far less than the
    // structure itself (per-broker lists, their order among the topics, measured text heights).
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::uint64_t v) { // one multiply per value (a 64-bit mix, not FNV's per byte)
        h ^= v;
        h *= 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
    };
    auto mixDouble = [&mix](double d) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        mix(bits);
    };
    auto mixText = [&mix](const QString& t) {
        mix(static_cast<std::uint64_t>(t.size()));
        for (QChar c : t) mix(c.unicode());
    };
    mixDouble(size.width());
    mixDouble(size.height());
    mixDouble(th.scale);
    mix(th.presentation ? 1 : 0);
    mix(firstRow);
    // The language: the texts whose measured heights are kept.
    auto viewText = [](const char* text, int n = -1) { return QCoreApplication::translate("fluxolab::app::ClusterCanvas", text, nullptr, n); };
    for (const char* t : {"running", "stopped", "fenced", " · controller"}) mixText(viewText(t));
    mixText(viewText("%n leader(s)", 10));
    mixText(viewText("+ %1 more · %2 of %3 partitions shown"));
    obs::BrokerId maxBroker = 0;
    for (const auto& b : o.brokers) maxBroker = std::max(maxBroker, b.id);
    mix(static_cast<std::uint64_t>(maxBroker));
    mix(o.topics.size());
    for (const auto& t : o.topics) {
        mix(std::hash<std::string>{}(t.name));
        mix(static_cast<std::uint64_t>(t.partitions));
    }
    mix(o.partitions.size());
    const std::string* topic = nullptr;
    for (const auto& p : o.partitions) {
        if (!topic || p.topic != *topic) { // a new topic's partitions start
            topic = &p.topic;
            mix(std::hash<std::string>{}(p.topic));
        }
        mix(static_cast<std::uint64_t>(static_cast<std::uint32_t>(p.partition)));
        mix(p.replicas.size());
        for (obs::BrokerId b : p.replicas) mix(static_cast<std::uint64_t>(static_cast<std::uint32_t>(b)));
    }
    return h;
}

ClusterLayout ClusterLayoutBuilder::build(const SimulationController& c, QSizeF size, const Theme& th) {
    if (!c.hasRun()) {
        ClusterLayout L;
        L.size = size;
        L.theme = th;
        return L;
    }
    return build(c.observation(), c.speed(), size, th);
}

double ClusterLayoutBuilder::placeProducers(ClusterLayout& L, const obs::Observation& o, const QRectF& column,
                                            std::vector<std::int32_t>& producerItem) {
    const Theme& th = L.theme;
    L.producersTitleRect = QRectF(column.left(), column.top(), column.width(), th.px(20));
    const QFontMetricsF small(th.font(8));
    double py = column.top() + th.px(24);
    const QFont nameFont = th.font(9, true), smallFont = th.font(8);
    const QFontMetricsF nameFm(nameFont);
    // A closed producer (a console producer ended by Ctrl+D) is no longer a client of the cluster:
    // no card, as consumers. Its card's index by producer index (-1: none).
    producerItem.assign(o.producers.size(), -1);
    for (std::size_t pi = 0; pi < o.producers.size(); ++pi) {
        if (o.producers[pi].closed) continue;
        producerItem[pi] = static_cast<std::int32_t>(L.producers.size());
        ProducerItem pr;
        pr.index = static_cast<std::int32_t>(pi);
        pr.name = QString::fromStdString(o.producers[pi].client_id);
        pr.topic = QString::fromStdString(o.producers[pi].topic);
        pr.acked = o.producers[pi].acked;
        // Each text wraps (at spaces, else anywhere: client ids and topic names have no spaces)
        // rather than being shortened; the card is as tall as its lines.
        pr.nameText = pr.name;
        // A producer that writes to several topics (the terminal's, a lab's setup) has no one topic:
        // no arrow pointing at nothing.
        // A no-break space: the arrow stays with the topic's name ("→" alone on a line read as nothing).
        pr.topicText = pr.topic.isEmpty() ? QString() : QStringLiteral("→\u00a0") + pr.topic;
        pr.ackedText = ackedText(pr.acked);
        const double textW = column.width() - th.px(14);
        auto lineRect = [&](const QFontMetricsF& fm, const QFont& font, const QString& text, double y, double minH) {
            const QRectF need = fm.boundingRect(QRectF(0, 0, textW, 10000), ClusterLayout::wrapFlags(font, text, textW), text);
            return QRectF(column.left() + th.px(8), y, textW, std::max(minH, std::ceil(need.height())));
        };
        pr.nameRect = lineRect(nameFm, nameFont, pr.nameText, py + th.px(4), th.px(17));
        pr.topicRect = lineRect(small, smallFont, pr.topicText, pr.nameRect.bottom(), th.px(15));
        pr.ackedRect = lineRect(small, smallFont, pr.ackedText, pr.topicRect.bottom(), th.px(15));
        const double prodH = std::max(th.px(58), pr.ackedRect.bottom() + th.px(4) - py);
        pr.rect = QRectF(column.left(), py, column.width(), prodH);
        py += prodH + th.px(8);
        L.hotspots.push_back({pr.rect, Texts::helpProducer() + QStringLiteral("<br>") + Texts::helpPartitioner()});
        L.producers.push_back(pr);
    }
    return py;
}

void ClusterLayoutBuilder::placeLegend(ClusterLayout& L, const QRectF& column, double above, bool olderRecords, bool beforeMarkers) {
    const Theme& th = L.theme;
    std::vector<std::pair<LegendItem::Symbol, QString>> items;
    for (const auto& item : legendTexts())
        if ((item.first != LegendItem::Symbol::OlderRecords || olderRecords) && (item.first != LegendItem::Symbol::Before || beforeMarkers))
            items.push_back(item);
    // Each text wraps onto a second line in a narrow column rather than being shortened.
    const double rowH = th.px(15);
    const double titleH = th.px(18);
    const double symW = th.px(26);
    const double textW = column.width() - symW - th.px(12);
    const QFontMetricsF legendFm(th.condensed(7.5));
    std::vector<double> heights;
    double h = titleH + th.px(6);
    for (const auto& item : items) {
        const QRectF need = legendFm.boundingRect(QRectF(0, 0, textW, 1000), Qt::AlignLeft | Qt::TextWordWrap, item.second);
        heights.push_back(std::max(rowH, need.height() + th.px(2)));
        h += heights.back();
    }
    const double top = column.bottom() - h;
    if (top >= above) {
        L.legendRect = QRectF(column.left(), top, column.width(), h);
        L.legendTitle = tr("Legend");
        double y = top + titleH;
        std::size_t k = 0;
        for (const auto& [symbol, text] : items) {
            LegendItem it;
            it.symbol = symbol;
            it.text = text;
            it.symbolRect = QRectF(column.left() + th.px(6), y, symW, rowH);
            it.textRect = QRectF(it.symbolRect.right() + th.px(4), y, textW, heights[k]);
            L.legend.push_back(it);
            y += heights[k++];
        }
        L.hotspots.push_back({L.legendRect, tr("▲ filled: the position of a consumer group (next offset it reads).<br>"
                                               "△ hollow: the group's committed offset.<br>") +
                                                tr("◀ 12 or ◁ 12 at a row's left edge: the position or the committed offset (12) "
                                                   "is before the records drawn in that row.") +
                                                QStringLiteral("<br>") +
                                                Texts::helpLogEndOffset() + QStringLiteral("<br>") + Texts::helpHighWatermark() +
                                                QStringLiteral("<br>") + tr("The colour of each cell is the record's key.") +
                                                QStringLiteral("<br>") +
                                                tr("A purple lag badge: a negative lag, the group's committed offset is past the "
                                                   "partition's end (as kafka-consumer-groups prints it, e.g. after an unclean "
                                                   "leader election truncated the log).")});
    }
}

double ClusterLayoutBuilder::clientsWidth(const obs::Observation& o, const Theme& th) {
    return std::ceil(std::max(th.px(96), sideColumnNeeds(o, th).first) + 2 * th.px(10));
}

ClusterLayout ClusterLayoutBuilder::build(const obs::Observation& o, double playbackSpeed, QSizeF size, const Theme& th,
                                          std::size_t firstRow, ClusterLayoutCache* cache, const ClusterLayoutOptions& options) {
    using Part = ClusterLayoutOptions::Part;
    ClusterLayout L;
    L.size = size;
    L.theme = th;
    L.options = options;
    using obs::Capability;
    const double m = th.px(10);
    if (options.part == Part::Clients) {
        // The compare window's strip: the producers' column of the main window, alone. Drawn at its
        // sides' scale (ClusterCanvas::setSides), or smaller when the strip is narrower than that needs.
        if (th.scale > 1.0 && clientsWidth(o, th) > size.width() + 0.5) {
            Theme smaller = th;
            smaller.scale = std::max(1.0, std::min(th.scale - 0.01, th.scale * size.width() / clientsWidth(o, th)));
            return build(o, playbackSpeed, size, smaller, firstRow, cache, options);
        }
        const QRectF column(m, m, std::max(0.0, size.width() - 2 * m), std::max(0.0, size.height() - 2 * m));
        std::vector<std::int32_t> producerItem;
        const double below = placeProducers(L, o, column, producerItem);
        placeLegend(L, column, below, options.olderRecords, options.beforeMarkers);
        if (L.legendRect.isEmpty() && th.scale > 1.0) {
            // Several producers and the legend do not fit the strip's height at the sides' scale
            // (acks-e-perda at 1366x768 in presentation): smaller, rather than without the legend.
            Theme smaller = th;
            smaller.scale = std::max(1.0, th.scale - 0.05);
            return build(o, playbackSpeed, size, smaller, firstRow, cache, options);
        }
        return L;
    }
    // Brokers by id: column i is broker i + 1 (the ids a cluster numbers from 1).
    obs::BrokerId maxBroker = 0;
    for (const auto& b : o.brokers) maxBroker = std::max(maxBroker, b.id);

    // ---- columns: producers | brokers | consumer groups ----
    // Narrow views (compare mode, a lab panel beside the view, small windows) give the brokers a
    // larger share: the side columns shrink to their minimum first, then the whole picture is drawn
    // at a smaller scale (presentation mode), so that no broker column becomes illegibly narrow.
    // A compare side (Part::Cluster) has no producers' column (the window draws it once), and no
    // groups' column when there is no consumer group.
    const bool producersColumn = options.part == Part::Whole;
    const bool groupsColumn = options.part == Part::Whole || std::any_of(o.groups.begin(), o.groups.end(), [](const obs::Group& g) {
                                  return !g.internal;
                              });
    const auto nbCols = static_cast<double>(std::max<std::size_t>(1, static_cast<std::size_t>(maxBroker)));
    const bool narrow = size.width() < th.px(1200);
    double leftW = narrow ? std::max(th.px(110), size.width() * 0.13) : th.px(150);
    double rightW = narrow ? std::max(th.px(220), size.width() * 0.28) : std::max(th.px(290), size.width() * 0.24);
    // The side columns are never narrower than their longest word: the producers' cards ("→ encomendas",
    // "159 confirmados"), the legend and the members' names ("consumer-faturacao-1", "(líder)") wrap
    // between words only (compare mode in presentation at 1366x768 broke "encomenda|s").
    const auto [leftNeed, rightNeed] = sideColumnNeeds(o, th);
    leftW = producersColumn ? std::max(leftW, leftNeed) : 0.0;
    // A compare side's groups' column is what its texts need: every pixel more for the brokers is a
    // label line less on the strips ("LEO 146 · HW 146" on one line), and more detail.
    rightW = !groupsColumn ? 0.0 : options.part == Part::Cluster ? rightNeed : std::max(rightW, rightNeed);
    // The narrowest each side column may become: the main window's keep 96 and 190 px (at scale 1);
    // a compare side's groups' column, what its texts need (about 150 px).
    const double leftFloor = std::max(th.px(96), leftNeed);
    const double rightFloor = options.part == Part::Cluster ? rightNeed : std::max(th.px(190), rightNeed);
    // m | producers | m | brokers (m between them) | m | groups | m; an absent column takes no margin.
    auto blocks = [&] { return (producersColumn ? leftW + m : 0.0) + (groupsColumn ? rightW + m : 0.0) + 2 * m; };
    auto brokerW = [&] { return (size.width() - blocks() - (nbCols - 1) * m) / nbCols; };
    const double minCol = minimumBrokerWidth(th);
    if (brokerW() < minCol) {
        const double missing = (minCol - brokerW()) * nbCols;
        const double spareL = producersColumn ? std::max(0.0, leftW - leftFloor) : 0.0,
                     spareR = groupsColumn ? std::max(0.0, rightW - rightFloor) : 0.0;
        const double take = std::min(missing, spareL + spareR);
        if (spareL + spareR > 0) {
            leftW -= take * spareL / (spareL + spareR);
            rightW -= take * spareR / (spareL + spareR);
        }
    }
    // (A quarter of a pixel short is not too narrow: the scale below is the one that just fits.)
    if (brokerW() < minCol - 0.25 && th.scale > 1.0) {
        // Smallest width this layout needs at scale 1, and the scale that fits the view (the texts'
        // widths do not scale exactly with the font: at most a few rounds of 0.01).
        const double need = (producersColumn ? leftFloor / th.scale + 10 : 0.0) + (groupsColumn ? rightFloor / th.scale + 10 : 0.0) +
                            2 * 10 + (nbCols - 1) * 10 + nbCols * 112;
        Theme smaller = th;
        smaller.scale = std::max(1.0, std::min(th.scale - 0.01, size.width() / need));
        return build(o, playbackSpeed, size, smaller, firstRow, cache, options);
    }
    const QRectF left(m, m, leftW, size.height() - 2 * m);
    const QRectF right(size.width() - m - rightW, m, rightW, size.height() - 2 * m);
    // A wide view (1920x1080) has room for a lane of record keys above the brokers' panels: the
    // records in flight cross the columns there and their key ("cliente-3") goes beside them, off
    // every panel. A narrower one keeps the margin: a key then shows only where the producers'
    // column leaves it room (issue #8; no key is ever drawn on a broker's panel). A compare side has
    // that lane at any size: its records come in from its left edge (the producers are drawn beside
    // the sides) along the lane, their keys readable as in the main window; without it they came down
    // from the top edge between the brokers' panels, where no key had room.
    const double keyLane = (options.part == Part::Whole && size.width() >= 1600 && size.height() >= 560) ||
                                   (options.part == Part::Cluster && size.height() >= 400)
                               ? std::ceil(QFontMetricsF(th.condensed(7.5, true)).height()) + th.px(6)
                               : 0.0;
    const QRectF mid(m + (producersColumn ? leftW + m : 0.0), m + keyLane,
                     size.width() - 2 * m - (producersColumn ? leftW + m : 0.0) - (groupsColumn ? rightW + m : 0.0),
                     size.height() - 2 * m - keyLane);
    // The columns' titles: "Consumer groups" wrapped between words in a narrow column (the groups start under it).
    const QFont titleFont = th.font(9, true);
    auto viewTitle = [](const char* text) { return QCoreApplication::translate("fluxolab::app::ClusterCanvas", text); };
    if (producersColumn) L.producersTitleRect = QRectF(left.left(), left.top(), left.width(), th.px(20));
    double groupsTop = right.top() + th.px(24);
    if (groupsColumn) {
        const double h = std::max(th.px(20), std::ceil(QFontMetricsF(titleFont)
                                                          .boundingRect(QRectF(0, 0, right.width(), 1000), Qt::AlignLeft | Qt::TextWordWrap,
                                                                        viewTitle("Consumer groups"))
                                                          .height()));
        L.groupsTitleRect = QRectF(right.left(), right.top(), right.width(), h);
        groupsTop = right.top() + h + th.px(4);
    }

    // ---- brokers ----
    const auto nb = static_cast<std::size_t>(maxBroker);
    const double colW = (mid.width() - static_cast<double>(nb - 1) * m) / static_cast<double>(std::max<std::size_t>(1, nb));
    const obs::BrokerId controller = o.controller();
    // The broker's status line ("running · controller · 2 leaders", as the view words it) wraps onto
    // a second line in a narrow column instead of being shortened.
    auto viewText = [](const char* text, int n = -1) { return QCoreApplication::translate("fluxolab::app::ClusterCanvas", text, nullptr, n); };
    // The topology's part of the layout (see ClusterLayoutCache): the last frames', when the key is the same.
    ClusterLayoutCache::Entry* cached = nullptr;
    ClusterLayoutCache::Entry fresh;
    if (cache) {
        // The side columns' widths too (they follow the longest names): the texts measured at the
        // brokers' width are kept.
        std::uint64_t colBits = 0;
        std::memcpy(&colBits, &colW, sizeof colBits);
        fresh.key = topologyKey(o, size, th, firstRow) ^ (colBits * 0x9E3779B97F4A7C15ULL);
        fresh.partitions = o.partitions.size();
        fresh.brokers = nb;
        for (auto& e : cache->entries)
            if (e.key == fresh.key && e.partitions == fresh.partitions && e.brokers == fresh.brokers) cached = &e;
    }
    double statusH = 0; // height of the longest status, wrapped at the header's width
    if (cached) {
        statusH = cached->statusH;
    } else {
        for (const char* state : {"running", "stopped", "fenced"})
            statusH = std::max(statusH, QFontMetricsF(th.font(8))
                                            .boundingRect(QRectF(0, 0, colW - th.px(16), 1000), Qt::AlignLeft | Qt::TextWordWrap,
                                                          viewText(state) + viewText(" · controller") + QStringLiteral(" · ") +
                                                              viewText("%n leader(s)", 10))
                                            .height());
        fresh.statusH = statusH;
    }
    const double wrappedHeaderH = th.px(26) + statusH;
    const bool statusWraps = statusH > QFontMetricsF(th.font(8)).height() * 1.5;
    // Whether the status can stay on one line whole: every state with the most leaders ("a correr ·
    // 10 líderes"), and the controller's, which moves "controller" beside the title when it fits
    // there (else it says "controller · 10 leaders", the running state left out; see below). When it
    // cannot, the header always has the status's second line, whatever it costs the strips (a
    // compare window taller than 585 px cut "a correr · 2 líderes" to its first line: the header
    // wrapped only when the strips kept their detail).
    bool statusNeedsTwoLines = false;
    if (statusWraps) {
        const QFontMetricsF statusFm(th.font(8));
        const double lineW = colW - th.px(16);
        const QString leaders = QStringLiteral(" · ") + viewText("%n leader(s)", 10);
        for (const char* state : {"running", "stopped", "fenced"})
            statusNeedsTwoLines = statusNeedsTwoLines || statusFm.horizontalAdvance(viewText(state) + leaders) > lineW;
        const QString ctl = viewText(" · controller").mid(3);
        const double titleW = QFontMetricsF(th.font(11, true)).horizontalAdvance(viewText("Broker %1").arg(std::max<obs::BrokerId>(1, maxBroker)));
        const bool chipBesideTitle = titleW + th.px(8) + statusFm.horizontalAdvance(ctl) + th.px(10) <= lineW;
        if (!chipBesideTitle) statusNeedsTwoLines = statusNeedsTwoLines || statusFm.horizontalAdvance(ctl + leaders) > lineW;
    }
    // th.px(62) when the status needs two lines, or below when it wraps and the strips keep their detail.
    double headerH = statusNeedsTwoLines ? wrappedHeaderH : th.px(46);
    for (std::size_t i = 0; i < nb; ++i) {
        BrokerItem b;
        b.id = static_cast<obs::BrokerId>(i + 1);
        if (const obs::Broker* ob = o.broker(b.id)) {
            b.alive = ob->alive;
            b.fenced = ob->fenced;
        }
        b.controller = b.id == controller;
        b.rect = QRectF(mid.left() + static_cast<double>(i) * (colW + m), mid.top(), colW, mid.height());
        b.headerRect = QRectF(b.rect.left(), b.rect.top(), colW, headerH);
        L.brokers.push_back(b);
    }

    // ---- replicas per broker ----
    // Indices into o.partitions, which is sorted by topic name and partition: each broker's list
    // is in that order too.
    std::vector<std::vector<std::size_t>> perBrokerFresh;
    std::vector<int> leadersPer(nb, 0); // over every replica, drawn or not
    obs::Offset maxLeo = 0;
    const bool replicaState = o.has(Capability::ReplicaFetchState);
    auto countPartition = [&](const obs::Partition& p) {
        for (obs::BrokerId b : p.replicas)
            if (b >= 1 && static_cast<std::size_t>(b) <= nb && p.leader == b) ++leadersPer[static_cast<std::size_t>(b - 1)];
        maxLeo = std::max(maxLeo, p.log_end);
        for (obs::Offset leo : p.replica_log_end) maxLeo = std::max(maxLeo, leo);
    };
    if (cached) {
        for (std::size_t pi : cached->included) countPartition(o.partitions[pi]);
    } else {
        perBrokerFresh.resize(nb);
        for (std::size_t pi = 0; pi < o.partitions.size(); ++pi) {
            const obs::Partition& p = o.partitions[pi];
            if (isInternal(p.topic) || !o.topic(p.topic)) continue;
            fresh.included.push_back(pi);
            for (obs::BrokerId b : p.replicas)
                if (b >= 1 && static_cast<std::size_t>(b) <= nb) perBrokerFresh[static_cast<std::size_t>(b - 1)].push_back(pi);
            countPartition(p);
        }
    }
    // A replica's LEO: known with ReplicaFetchState only, the leader's too (as in the Partitions table):
    // a real cluster's ListOffsets gives the high watermark, not the leader's log end offset.
    auto replicaLeo = [&](const obs::Partition& p, obs::BrokerId b) -> std::optional<obs::Offset> {
        if (!replicaState) return std::nullopt;
        if (p.replica_log_end.size() == p.replicas.size()) {
            for (std::size_t r = 0; r < p.replicas.size(); ++r)
                if (p.replicas[r] == b) return p.replica_log_end[r];
            return 0;
        }
        if (p.leader == b || p.leader < 0) return p.log_end;
        return std::nullopt;
    };
    std::size_t rows = 1;
    double summaryH = 0;
    std::size_t shownRows = 0;
    if (cached) {
        rows = cached->rows;
        summaryH = cached->summaryH;
        shownRows = cached->shownRows;
        L.maxFirstRow = cached->maxFirstRow;
        L.firstRow = cached->firstRow;
        ++cache->reuses;
    } else {
        for (auto& list : perBrokerFresh) rows = std::max(rows, list.size());
        const double avail = mid.height() - headerH - th.px(8);
        // The summary row of a broker with more replicas than fit says how many are drawn, whole: as
        // tall as the fullest broker's text needs, wrapped at the column's width (the numbers of the
        // fullest broker are the widest).
        summaryH = std::max(th.px(ClusterLayout::kMinStripPx + 2),
                            std::ceil(QFontMetricsF(th.font(8, true))
                                          .boundingRect(QRectF(0, 0, colW - th.px(20), 10000), Qt::AlignLeft | Qt::TextWordWrap,
                                                        QCoreApplication::translate("fluxolab::app::ClusterCanvas",
                                                                                    "+ %1 more · %2 of %3 partitions shown")
                                                            .arg(rows)
                                                            .arg(rows)
                                                            .arg(rows))
                                          .height()) +
                                th.px(2));
        shownRows = aggregatedRows(rows, avail, th, summaryH);
        L.maxFirstRow = rows > shownRows ? rows - shownRows : 0;
        L.firstRow = std::min(firstRow, L.maxFirstRow);
        for (auto& list : perBrokerFresh) {
            if (list.size() <= shownRows) continue;
            if (L.firstRow == 0) shareRowsAmongTopics(list, o.partitions, shownRows);
            else // scrolled: the rows from firstRow on come first (the others keep their order after them)
                std::rotate(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(std::min(L.firstRow, list.size() - shownRows)),
                            list.end());
        }
        if (cache) {
            fresh.rows = rows;
            fresh.summaryH = summaryH;
            fresh.shownRows = shownRows;
            fresh.maxFirstRow = L.maxFirstRow;
            fresh.firstRow = L.firstRow;
            fresh.perBroker = std::move(perBrokerFresh);
            if (cache->entries.size() >= 2) cache->entries.erase(cache->entries.begin());
            cache->entries.push_back(std::move(fresh));
            cached = &cache->entries.back();
            ++cache->builds;
        }
    }
    const std::vector<std::vector<std::size_t>>& perBroker = cached ? cached->perBroker : perBrokerFresh;

    // The label of each strip: name, role chip, ISR chip, LEO/HW numbers. In a narrow column they
    // flow onto a second (third) line rather than being dropped; every strip gets as many lines as
    // the longest label needs, so that the strips stay aligned across brokers.
    const QFont labelBold = th.font(8, true);
    const QFont labelFont = th.font(8);
    const double stripInnerW = (mid.width() - (nbCols - 1) * m) / nbCols - th.px(12);
    struct LabelTexts {
        QString name, role, isr, numbers;
    };
    auto labelTexts = [&](std::size_t pi, obs::BrokerId b) {
        const obs::Partition& p = o.partitions[pi];
        LabelTexts t;
        t.name = tpName({p.topic, p.partition});
        const bool leader = p.leader == b, offline = p.leader < 0;
        t.role = offline ? tr("Leader: none") : leader ? tr("leader") : tr("follower");
        t.isr = std::find(p.isr.begin(), p.isr.end(), b) != p.isr.end() ? tr("ISR") : tr("out of ISR");
        const std::optional<obs::Offset> leo = replicaLeo(p, b);
        // Without fetch state no LEO is known (a real cluster): a leader shows its HW only, a follower nothing.
        t.numbers = leader || offline ? (leo ? tr("LEO %1 · HW %2").arg(*leo).arg(p.high_watermark)
                                             : tr("HW %1").arg(p.high_watermark))
                    : leo ? tr("LEO %1").arg(*leo) : QString();
        return t;
    };
    const double chipPad = th.px(5);
    WidthCache boldWidth(labelBold), labelWidth(labelFont);
    // Places the label items from `origin` in lines of `width`; returns the number of lines used.
    auto flowLabel = [&](const LabelTexts& t, QPointF origin, double width, double lineH, ReplicaStrip* out) {
        const double widths[] = {boldWidth(t.name), labelWidth(t.role) + 2 * chipPad, labelWidth(t.isr) + 2 * chipPad,
                                 labelWidth(t.numbers)};
        QRectF rects[4];
        int line = 0;
        double x = 0;
        bool first = true;
        bool elided = false;
        for (int i = 0; i < 4; ++i) {
            const double gap = first ? 0 : (i == 3 ? th.px(8) : th.px(4));
            double w = widths[i];
            if (!first && x + gap + w > width) {
                ++line;
                x = 0;
                first = true;
            }
            const double g = first ? 0 : gap;
            int lines = 1;
            if (w > width && i == 3 && !t.numbers.isEmpty()) {
                // "LEO 1042 · HW 1042" wider than a narrow column: on two lines of its own, wrapped
                // between words (it was cut at the cells' edge: "LEO 142 · HW 14").
                lines = static_cast<int>(std::ceil(
                    QFontMetricsF(labelFont).boundingRect(QRectF(0, 0, width, 10000), Qt::TextWordWrap, t.numbers).height() /
                    QFontMetricsF(labelFont).height() - 0.01));
                lines = std::max(1, lines);
                w = width;
            } else if (w > width) { // wider than the column: only the name can be shortened
                w = width;
                elided = i == 0;
            }
            rects[i] = QRectF(origin.x() + x + g, origin.y() + line * lineH, w, lines * lineH);
            line += lines - 1;
            x += g + w;
            first = false;
        }
        // The numbers sit at the right end of their line.
        rects[3].moveRight(origin.x() + width);
        if (out) {
            out->nameRect = rects[0];
            out->roleRect = rects[1].adjusted(0, th.px(1), 0, -th.px(2));
            out->isrRect = rects[2].adjusted(0, th.px(1), 0, -th.px(2));
            out->numbersRect = rects[3];
            out->nameElided = elided;
            out->roleText = t.role;
            out->isrText = t.isr;
            out->numbersText = t.numbers;
        }
        return line + 1;
    };
    int labelLines = 1;
    for (std::size_t bi = 0; bi < perBroker.size(); ++bi) // the strips drawn (the first shownRows)
        for (std::size_t k = 0; k < std::min(shownRows, perBroker[bi].size()); ++k)
            labelLines = std::max(labelLines, flowLabel(labelTexts(perBroker[bi][k], static_cast<obs::BrokerId>(bi + 1)), {}, stripInnerW, 1,
                                                        nullptr));
    const double extraLines = labelLines - 1;
    auto tierOf = [&](double perStrip) {
        if (perStrip >= th.px(80) + extraLines * th.px(20)) return 0;
        if (perStrip >= th.px(58) + extraLines * th.px(17)) return 1;
        if (perStrip >= th.px(40) + extraLines * th.px(14)) return 2;
        return 3;
    };
    auto perFor = [&](double header) { return (mid.height() - header - th.px(8)) / static_cast<double>(rows); };
    double per = th.px(ClusterLayout::kMinStripPx); // more replicas than fit: strips of the minimum height
    if (shownRows >= rows) {
        // The whole status before the biggest cells: a taller header as long as the strips keep
        // their labels (not the minimal detail).
        if (statusWraps && !statusNeedsTwoLines && tierOf(perFor(wrappedHeaderH)) <= std::max(2, tierOf(perFor(headerH)))) {
            headerH = wrappedHeaderH;
            for (auto& b : L.brokers) b.headerRect.setHeight(headerH);
        }
        per = perFor(headerH);
    }

    double labelH = 0, cellH = 0, markerH = 0, stripH = 0;
    if (per >= th.px(80) + extraLines * th.px(20)) {
        L.detail = Detail::Full;
        stripH = std::min(per, th.px(84) + extraLines * th.px(20));
        labelH = th.px(20);
        cellH = th.px(28);
        markerH = th.px(16);
    } else if (per >= th.px(58) + extraLines * th.px(17)) {
        L.detail = Detail::Full;
        stripH = std::min(per, th.px(64) + extraLines * th.px(17));
        labelH = th.px(17);
        cellH = th.px(20);
        markerH = th.px(13);
    } else if (per >= th.px(40) + extraLines * th.px(14)) {
        L.detail = Detail::Compact;
        stripH = per;
        labelH = th.px(14);
        cellH = th.px(15);
        markerH = th.px(9);
    } else {
        if (th.scale > 1.0) {
            // Presentation mode in a short view (a terminal below it): smaller, but with the labels.
                    Theme smaller = th;
            smaller.scale = std::max(1.0, th.scale - 0.1);
            return build(o, playbackSpeed, size, smaller, firstRow, cache, options);
        }
        L.detail = Detail::Minimal;
        stripH = std::max(4.0, per);
        cellH = std::max(3.0, stripH - 3);
    }
    const double labelLineH = labelH;
    if (L.detail != Detail::Minimal) labelH *= labelLines;
    const QFontMetricsF cellFm(th.condensed(7.5));
    const bool numbers = cellH >= cellFm.height() - 1;
    const double cw = numbers ? std::max(cellH >= th.px(26) ? th.px(28) : th.px(22), cellFm.horizontalAdvance(QString::number(maxLeo)) + th.px(6))
                              : std::max(3.0, th.px(6));
    L.cellWidth = cw;
    const double elideW = QFontMetricsF(th.condensed(7)).horizontalAdvance(QStringLiteral("+ 999999")) + th.px(6);
    const double minimalLabelW = L.detail == Detail::Minimal ? th.px(92) : 0;

    // The groups in the order of their ordinals (their colours), and each one's name.
    std::vector<const obs::Group*> byOrdinal;
    std::map<std::int32_t, QString> groupNames;
    for (const auto& g : o.groups) {
        byOrdinal.push_back(&g);
        groupNames[g.ordinal] = QString::fromStdString(g.name);
    }
    std::stable_sort(byOrdinal.begin(), byOrdinal.end(), [](const obs::Group* a, const obs::Group* b) { return a->ordinal < b->ordinal; });
    auto ordinalOf = [&](const std::string& group) {
        const obs::Group* g = group.empty() ? nullptr : o.group(group);
        return g ? g->ordinal : -1;
    };
    // consumers by partition, for the markers on leader strips (ClientInternals: their positions)
    std::map<obs::PartitionKey, std::vector<std::pair<std::int32_t, obs::Offset>>> positions; // tp -> (group, position)
    for (const auto& cv : o.consumers) {
        if (cv.closed) continue;
        for (const auto& tp : cv.assigned)
            if (auto it = cv.position.find(tp); it != cv.position.end()) positions[tp].emplace_back(ordinalOf(cv.group), it->second);
    }

    for (std::size_t bi = 0; bi < nb; ++bi) {
        BrokerItem& broker = L.brokers[bi];
        double y = broker.headerRect.bottom() + th.px(4);
        const std::size_t shown = std::min(shownRows, perBroker[bi].size());
        broker.leaders = leadersPer[bi];
        broker.statusText = !broker.alive ? viewText("stopped") : (broker.fenced ? viewText("fenced") : viewText("running"));
        if (broker.controller) broker.statusText += viewText(" · controller");
        broker.statusText += QStringLiteral(" · ") + viewText("%n leader(s)", broker.leaders);
        {
            const QRectF h = broker.headerRect.adjusted(th.px(8), th.px(4), -th.px(8), 0);
            broker.statusRect = QRectF(h.left(), h.top() + th.px(20), h.width(),
                                       broker.headerRect.height() > th.px(50) ? broker.headerRect.height() - th.px(26) : th.px(16));
            const QFontMetricsF statusFm(th.font(8));
            if (broker.controller && broker.statusRect.height() < th.px(20) &&
                statusFm.horizontalAdvance(broker.statusText) > broker.statusRect.width()) {
                // One line only and too long: "controller" (the translated " · controller" without
                // its separator) goes beside the title, if it fits there.
                const QString ctl = viewText(" · controller").mid(3);
                const double titleW = QFontMetricsF(th.font(11, true)).horizontalAdvance(viewText("Broker %1").arg(broker.id));
                const QRectF chipR(h.left() + titleW + th.px(8), h.top() + th.px(2), statusFm.horizontalAdvance(ctl) + th.px(10), th.px(16));
                if (chipR.right() <= h.right()) {
                    broker.controllerText = ctl;
                    broker.controllerRect = chipR;
                    broker.statusText = (!broker.alive ? viewText("stopped") : (broker.fenced ? viewText("fenced") : viewText("running"))) +
                                        QStringLiteral(" · ") + viewText("%n leader(s)", broker.leaders);
                } else if (broker.alive && !broker.fenced) {
                    // No room beside the title either: "running" is the state the panel shows
                    // anyway (a stopped broker is hatched); the controller and leaders stay.
                    broker.statusText = ctl + QStringLiteral(" · ") + viewText("%n leader(s)", broker.leaders);
                }
            }
        }
        addHiddenSummary(L, broker, perBroker[bi].size(), shown, th, summaryH);
        for (std::size_t row = 0; row < shown; ++row) {
            const std::size_t pi = perBroker[bi][row];
            const obs::Partition& p = o.partitions[pi];
            const obs::PartitionKey tp{p.topic, p.partition};
            ReplicaStrip st;
            st.tp = tp;
            st.name = tpName(tp);
            st.broker = broker.id;
            st.leader = p.leader == broker.id;
            st.inIsr = std::find(p.isr.begin(), p.isr.end(), broker.id) != p.isr.end();
            st.offline = p.leader < 0;
            st.brokerDown = !broker.alive;
            st.hw = p.high_watermark;
            st.logStart = p.log_start;
            const std::optional<obs::Offset> knownLeo = replicaLeo(p, broker.id);
            // A follower without fetch state: only what the high watermark says it has, if in the ISR.
            st.leoUnknown = !knownLeo;
            st.leo = knownLeo ? *knownLeo : st.inIsr ? p.high_watermark : std::min(p.log_start, p.high_watermark);
            st.rect = QRectF(broker.rect.left() + th.px(6), y, broker.rect.width() - th.px(12), stripH - th.px(3));
            st.labelRect = QRectF(st.rect.left(), st.rect.top(), L.detail == Detail::Minimal ? minimalLabelW : st.rect.width(),
                                  L.detail == Detail::Minimal ? cellH : labelH);
            if (L.detail != Detail::Minimal)
                flowLabel(labelTexts(pi, broker.id), st.rect.topLeft(), st.rect.width(), labelLineH, &st);
            const double cx = st.rect.left() + minimalLabelW;
            st.cellsRect = QRectF(cx, st.rect.top() + labelH, st.rect.right() - cx, cellH);
            y += stripH;

            const obs::Offset start = std::min(st.logStart, st.leo);
            const obs::Offset total = st.leo - start;
            obs::Offset first = start;
            double x0 = st.cellsRect.left();
            // Offsets before the log start no longer exist (retention deleted their segments; offsets
            // are never renumbered): a hatched box says so before the first cell, "log start N" in it
            // when that leaves room for a few cells (else the box alone; its tooltip says it).
            if (st.logStart > 0 && L.detail != Detail::Minimal) {
                const QString text = tr("log start %1").arg(st.logStart);
                const double textW = std::ceil(QFontMetricsF(th.condensed(7, true)).horizontalAdvance(text)) + th.px(8);
                const bool room = st.cellsRect.width() - textW >= 4 * cw;
                const double dw = room ? textW : std::min(th.px(8), st.cellsRect.width());
                st.deletedRect = QRectF(x0, st.cellsRect.top(), dw, cellH);
                if (room) st.deletedText = text;
                x0 += dw + th.px(2);
            }
            const double rowW = std::max(0.0, st.cellsRect.right() - x0);
            const auto capacity = static_cast<obs::Offset>(std::floor(rowW / cw));
            if (total > capacity) {
                // The newest records that fit beside the "…N" of the others; none in a row too
                // narrow for one (never drawn past the row, over the next column).
                const auto cap2 = std::max<obs::Offset>(0, static_cast<obs::Offset>(std::floor((rowW - elideW) / cw)));
                first = st.leo - cap2;
                st.elided = first - start;
                // "+94", not "…94": an ellipsis before offset 196 reads as offset …94 (a tester did).
                st.elideText = QStringLiteral("+%1").arg(st.elided);
                const double ew = std::min(elideW, rowW);
                st.elideRect = QRectF(x0, st.cellsRect.top(), std::max(0.0, ew - th.px(3)), cellH);
                x0 += ew;
            }
            st.cells.reserve(static_cast<std::size_t>(st.leo - first));
            for (obs::Offset off = first; off < st.leo; ++off) {
                CellItem cell;
                cell.offset = off;
                cell.rect = QRectF(x0 + static_cast<double>(off - first) * cw, st.cellsRect.top(), cw - 1, cellH);
                // The log as it was at the moment shown (RecordContents; else the keys are not known).
                const std::optional<std::uint32_t> key = o.record_key ? o.record_key(p.topic, p.partition, off) : std::nullopt;
                if (key) cell.key = *key;
                else cell.known = false;
                cell.committed = off < st.hw;
                st.cells.push_back(cell);
            }
            auto xOf = [&](obs::Offset off) { return x0 + static_cast<double>(std::clamp(off, first, st.leo) - first) * cw; };
            if (!st.leoUnknown) st.leoX = xOf(st.leo);
            // The HW line only where the HW is (never clamped onto the first drawn cell: a HW of 3968
            // drawn at cell 3969 teaches a wrong offset); before the drawn cells it is written at the
            // row's left edge instead, "◁ HW 3968", like a consumer position there.
            if (st.leader || st.offline) {
                if (st.hw < first) st.hwBefore = L.detail != Detail::Minimal;
                else if (st.hw <= st.leo) st.hwX = xOf(st.hw);
            }
            if (st.leader && L.detail != Detail::Minimal) {
                // An offset before the first drawn cell (`before`) is not drawn at that cell.
                auto marker = [&](std::int32_t group, obs::Offset offset, bool committed) {
                    OffsetMarker mk;
                    mk.group = group;
                    mk.offset = offset;
                    mk.x = xOf(offset);
                    mk.committed = committed;
                    mk.before = offset < first;
                    st.markers.push_back(std::move(mk));
                };
                if (auto it = positions.find(tp); it != positions.end())
                    for (const auto& [g, pos] : it->second) marker(g, pos, false);
                for (const obs::Group* g : byOrdinal)
                    if (auto it = g->committed.find(tp); it != g->committed.end()) marker(g->ordinal, it->second, true);
            }

            // The markers' triangles below the cells, and the "HW" text beside them (never over one).
            {
                const double markerTop = st.cellsRect.bottom() + th.px(1);
                const double mh = L.detail == Detail::Full ? th.px(9) : th.px(7);
                // An offset before the drawn cells: "◁ 12" from the row's left edge, one after the other.
                const QFontMetricsF beforeFm(th.condensed(7, true));
                double beforeX = st.cellsRect.left();
                if (st.hwBefore) {
                    st.hwBeforeText = tr("HW %1").arg(st.hw);
                    const QRectF tx(beforeX + mh + th.px(1), markerTop, beforeFm.horizontalAdvance(st.hwBeforeText) + th.px(2),
                                    std::max(mh, beforeFm.height()));
                    st.hwLabelRect = QRectF(beforeX, markerTop, tx.right() - beforeX, tx.height());
                    beforeX = st.hwLabelRect.right() + th.px(3);
                }
                for (auto& mk : st.markers) {
                    if (!mk.before) {
                        mk.rect = QRectF(mk.x - mh * 0.6, markerTop, mh * 1.2, mh);
                        continue;
                    }
                    mk.text = QString::number(mk.offset);
                    mk.x = beforeX;
                    mk.textRect = QRectF(beforeX + mh + th.px(1), markerTop, beforeFm.horizontalAdvance(mk.text) + th.px(2),
                                         std::max(mh, beforeFm.height()));
                    mk.rect = QRectF(beforeX, markerTop, mk.textRect.right() - beforeX, mk.textRect.height());
                    beforeX = mk.rect.right() + th.px(3);
                }
                if (L.detail == Detail::Full && st.hwX) {
                    const double w = QFontMetricsF(th.condensed(7, true)).horizontalAdvance(QStringLiteral("HW")) + th.px(4);
                    const double h = th.px(12);
                    const double y = markerTop + th.px(1);
                    for (const double x : {*st.hwX - w / 2, *st.hwX - w - th.px(2), *st.hwX + th.px(2)}) {
                        const QRectF r(x, y, w, h);
                        if (r.left() < st.rect.left() || r.right() > st.rect.right()) continue;
                        bool clash = false;
                        for (const auto& mk : st.markers) clash = clash || r.intersects(mk.rect);
                        if (!clash) {
                            st.hwLabelRect = r;
                            break;
                        }
                    }
                }
            }

            // explanations
            QString role = st.leader ? Texts::helpLeader() : Texts::helpFollower();
            QString tip = tr("<b>%1</b> on broker %2").arg(st.name).arg(broker.id) + QStringLiteral("<br>") + role +
                          QStringLiteral("<br>") + Texts::helpIsr() + QStringLiteral("<br>") +
                          (st.inIsr ? tr("This replica <b>is in the ISR</b>.") : tr("This replica is <b>out of the ISR</b>."));
            if (st.offline) tip += QStringLiteral("<br><b>") + Texts::helpOffline() + QStringLiteral("</b>");
            L.hotspots.push_back({st.rect, tip});
            QString cellsTip = (st.leoUnknown ? tr("HW = %1, log start offset = %2").arg(st.hw).arg(st.logStart) + QStringLiteral("<br>") +
                                                    tr("This follower's log end offset is not visible on a real cluster (no replica fetch state).")
                                              : tr("LEO = %1, HW = %2, log start offset = %3").arg(st.leo).arg(st.hw).arg(st.logStart)) +
                               QStringLiteral("<br>") + Texts::helpLogEndOffset() + QStringLiteral("<br>") +
                               Texts::helpHighWatermark() + QStringLiteral("<br>") +
                               tr("The colour of each cell is the record's key.");
            L.hotspots.push_back({st.cellsRect, cellsTip});
            if (!st.deletedRect.isEmpty())
                L.hotspots.push_back({st.deletedRect, tr("Log start offset %1: offsets 0 to %2 no longer exist (their segments were "
                                                         "deleted). Offsets are never renumbered: the first record is still offset %1.")
                                                          .arg(st.logStart)
                                                          .arg(st.logStart - 1) +
                                                          QStringLiteral("<br>") + Texts::helpLogStart()});
            if (st.elided > 0)
                L.hotspots.push_back({st.elideRect, tr("%n older record(s) not drawn (offsets %1 to %2).", nullptr,
                                                       static_cast<int>(st.elided))
                                                        .arg(start)
                                                        .arg(first - 1) +
                                                        QStringLiteral("<br>") + Texts::helpLogStart()});
            if (st.hwX && markerH > 0)
                L.hotspots.push_back({QRectF(*st.hwX - th.px(6), st.cellsRect.top() - th.px(2), th.px(12), cellH + markerH),
                                      tr("HW = %1").arg(st.hw) + QStringLiteral("<br>") + Texts::helpHighWatermark()});
            if (st.hwBefore)
                L.hotspots.push_back({st.hwLabelRect, tr("HW = %1").arg(st.hw) + QStringLiteral("<br>") +
                                                          tr("It is before the records drawn here (the first one drawn is offset %1).")
                                                              .arg(first) +
                                                          QStringLiteral("<br>") + Texts::helpHighWatermark()});
            for (const auto& mk : st.markers) {
                const QString g = groupNames[mk.group];
                const QString before = mk.before ? QStringLiteral("<br>") +
                                                       tr("It is before the records drawn here (the first one drawn is offset %1).")
                                                           .arg(first)
                                                 : QString();
                L.hotspots.push_back({mk.before ? mk.rect.united(QRectF(mk.rect.left(), st.cellsRect.bottom(), 1, markerH))
                                                : QRectF(mk.x - th.px(6), st.cellsRect.bottom(), th.px(12), markerH),
                                      (mk.committed ? tr("Committed offset of group %1: %2").arg(g).arg(mk.offset) + before +
                                                          QStringLiteral("<br>") + Texts::helpCommitted()
                                                    : tr("Position of group %1: %2").arg(g).arg(mk.offset) + before +
                                                          QStringLiteral("<br>") + Texts::helpPosition())});
            }
            L.strips.push_back(std::move(st));
        }
        L.hotspots.insert(L.hotspots.begin(),
                          {broker.headerRect, tr("<b>Broker %1</b>").arg(broker.id) + QStringLiteral("<br>") + Texts::helpBroker() +
                                                  (broker.controller ? QStringLiteral("<br>") +
                                                                           tr("It is also the KRaft controller: it elects the partition leaders.")
                                                                     : QString())});
    }

    // ---- producers ----
    // Each producer's card index (-1: closed, no card); a compare side has none (the window draws them).
    std::vector<std::int32_t> producerItem(o.producers.size(), -1);
    const double producersBottom = producersColumn ? placeProducers(L, o, left, producerItem) : left.top();

    // The leader strip of a partition, for the flights: a look-up per flight (scanning the strips
    // was 5 % of a 64x frame with a 9999-partition topic).
    std::map<obs::PartitionKey, std::size_t> leaderIndex;
    for (std::size_t i = 0; i < L.strips.size(); ++i)
        if (L.strips[i].leader) leaderIndex.try_emplace(L.strips[i].tp, i);
    auto leaderStrip = [&](const obs::PartitionKey& tp) -> const ReplicaStrip* {
        const auto it = leaderIndex.find(tp);
        return it == leaderIndex.end() ? nullptr : &L.strips[it->second];
    };
    // ---- records in flight (the last appends) ----
    // The window is a wall-clock duration turned into virtual time at the current speed, so a trip
    // takes about kFlightWallMs on screen whatever the speed.
    // Without RecordsInFlight (a real cluster) nothing travels: no flights rather than made-up ones.
    const double speed = std::max(1.0, playbackSpeed);
    const auto flightMs = static_cast<obs::TimeMs>(kFlightWallMs * speed);
    const obs::TimeMs now = o.time;
    struct Append {
        const obs::Append* e;
        double age;
    };
    std::vector<Append> appends;
    if (o.has(Capability::RecordsInFlight) && o.has(Capability::RecordAnimation))
        for (const obs::Append& e : o.appends) { // newest first
            if (e.time <= now - flightMs) break;
            if (e.producer < 0 || static_cast<std::size_t>(e.producer) >= o.producers.size() ||
                o.producers[static_cast<std::size_t>(e.producer)].closed)
                continue;
            appends.push_back({&e, std::clamp(static_cast<double>(now - e.time) / static_cast<double>(flightMs), 0.0, 1.0)});
        }
    L.batchedFlights = speed >= kBatchSpeed || appends.size() > kMaxSingleFlights;
    // A point `t` (0..1) of the way along the path from -> via... -> to, by length.
    auto along = [](const Flight& f, double t) {
        const QPointF pts[] = {f.from, f.via[0], f.via[1], f.via[2], f.via[3], f.to};
        constexpr int segments = static_cast<int>(std::size(pts)) - 1;
        double lens[segments], total = 0;
        for (int i = 0; i < segments; ++i) total += lens[i] = std::hypot(pts[i + 1].x() - pts[i].x(), pts[i + 1].y() - pts[i].y());
        double d = std::clamp(t, 0.0, 1.0) * total;
        for (int i = 0; i < segments; ++i) {
            if (d <= lens[i] || i == segments - 1) return lens[i] > 0 ? pts[i] + (pts[i + 1] - pts[i]) * std::min(1.0, d / lens[i]) : pts[i + 1];
            d -= lens[i];
        }
        return f.to;
    };
    const double gapX = left.right() + m / 2; // between the producers' column and broker 1
    // The margins above and below the brokers' columns: the flights cross the columns there, never over
    // a strip (its name, chips, LEO/HW numbers or the offsets written in its cells).
    // With a key lane every record takes it (its key is readable the whole way across the columns).
    const double topLane = mid.top() / 2, bottomLane = (mid.bottom() + size.height()) / 2;
    std::map<std::pair<std::int32_t, obs::PartitionKey>, std::size_t> batchIndex;
    for (const Append& ap : appends) { // newest first
        const obs::Append& e = *ap.e;
        const obs::PartitionKey& tp = e.partition;
        if (L.batchedFlights) {
            if (auto it = batchIndex.find({e.producer, tp}); it != batchIndex.end()) {
                L.flights[it->second].count += e.count;
                continue;
            }
        }
        const ReplicaStrip* target = leaderStrip(tp);
        if (!target) continue;
        Flight f;
        f.producer = e.producer;
        f.producerName = QString::fromStdString(o.producers[static_cast<std::size_t>(e.producer)].client_id);
        f.tp = tp;
        f.count = e.count;
        f.batch = L.batchedFlights;
        // Just right of the last record (the dot's edge on the LEO line), over empty cells: the row is
        // entered from the gap right of the target's column.
        const double tx = std::min(target->cellsRect.right(), target->leoX ? *target->leoX : target->cellsRect.left());
        f.to = QPointF(tx + th.px(5), target->cellsRect.center().y());
        const BrokerItem* column = L.broker(target->broker);
        const double gapRight = (column ? column->rect.right() : target->rect.right()) + m / 2;
        if (const std::int32_t card = producerItem[static_cast<std::size_t>(e.producer)]; card >= 0) {
            const QRectF& pr = L.producers[static_cast<std::size_t>(card)].rect;
            f.from = QPointF(pr.right(), pr.center().y());
            const double lane = keyLane > 0 || f.to.y() < mid.center().y() ? topLane : bottomLane;
            f.via = {QPointF(gapX, f.from.y()), QPointF(gapX, lane), QPointF(gapRight, lane), QPointF(gapRight, f.to.y())};
        } else if (keyLane > 0) {
            // No producers' column (a compare side: the window draws the producers beside both
            // sides): the record comes in at the left edge along the key lane, then goes down the
            // gap right of its broker to its row.
            f.from = QPointF(0, topLane);
            f.via = {f.from, QPointF(gapRight, topLane), QPointF(gapRight, topLane), QPointF(gapRight, f.to.y())};
        } else {
            // (A side too short for the lane: in at the top edge, over the gap right of its broker.)
            f.from = QPointF(gapRight, 0);
            f.via = {f.from, QPointF(gapRight, topLane), QPointF(gapRight, topLane), QPointF(gapRight, f.to.y())};
        }
        f.age = ap.age;
        f.progress = std::min(1.0, f.age / kTravelShare);
        // ease-out: fast start, gentle arrival
        f.pos = along(f, 1 - (1 - f.progress) * (1 - f.progress));
        f.key = e.key_id;
        f.keyText = QString::fromStdString(e.key);
        f.partitions = e.partitions;
        f.keyPartition = e.key_partition;
        if (f.batch) batchIndex[{e.producer, tp}] = L.flights.size();
        L.flights.push_back(f);
    }
    for (const Flight& f : L.flights) {
        const QString& prod = f.producerName;
        QString tip = f.batch ? tr("%n record(s) from %1 travelling to %2 (grouped at this speed).", nullptr, static_cast<int>(f.count))
                                    .arg(prod, tpName(f.tp))
                              : tr("%n record(s) from %1 appended to %2.", nullptr, static_cast<int>(f.count)).arg(prod, tpName(f.tp));
        if (!f.keyText.isEmpty() && f.partitions > 0 && f.keyPartition >= 0)
            tip += QStringLiteral("<br>") + tr("Key \"%1\": murmur2(key) % %2 = %3")
                                                .arg(f.keyText)
                                                .arg(f.partitions)
                                                .arg(f.keyPartition) +
                   QStringLiteral("<br>") + Texts::helpPartitioner();
        L.hotspots.push_back({QRectF(f.pos.x() - th.px(8), f.pos.y() - th.px(8), th.px(16), th.px(16)), tip});
    }

    // ---- legend: the symbols and colours, in the producers' column below the producers ----
    if (producersColumn)
        placeLegend(L, left, producersBottom,
                    std::any_of(L.strips.begin(), L.strips.end(), [](const ReplicaStrip& st) { return st.elided > 0; }),
                    std::any_of(L.strips.begin(), L.strips.end(), [](const ReplicaStrip& st) { return st.hasBeforeMarker(); }));

    // Where the chips and key texts of the flights go. A batch chip settles onto the cells row of
    // its partition (never over the name and the LEO/HW numbers); a key text is hidden rather than
    // drawn over a strip's label or another key text.
    {
        std::vector<QRectF> keep; // label items that must stay readable
        for (const auto& st : L.strips)
            for (const QRectF& r : {st.nameRect, st.roleRect, st.isrRect, st.numbersRect})
                if (!r.isEmpty()) keep.push_back(r);
        for (const auto& st : L.strips) {
            if (L.detail == Detail::Minimal) keep.push_back(st.labelRect);
            for (const auto& mk : st.markers) keep.push_back(mk.rect);
            if (!st.hwLabelRect.isEmpty()) keep.push_back(st.hwLabelRect);
            // The offsets written in the cells, a leader's and a follower's (a key over a follower's
            // cells hid its offsets: "cliente-0" on encomendas-0 in the compare window). The key
            // then goes beside its dot instead of above or below it (see below).
            keep.push_back(st.cellsRect);
        }
        keep.push_back(right); // nor over the groups' cards (laid out below, in that column)
        for (const auto& pr : L.producers) // a record leaving its producer: not over the card's texts
            for (const QRectF& r : {pr.nameRect, pr.topicRect, pr.ackedRect})
                if (!r.isEmpty()) keep.push_back(r);
        // The brokers' headers (title, status on one or two lines, controller chip), their summary
        // rows, the column titles and the legend: a key text never touches them either.
        for (const auto& b : L.brokers) {
            keep.push_back(b.headerRect);
            if (!b.moreRect.isEmpty()) keep.push_back(b.moreRect);
        }
        for (const QRectF& title : {L.producersTitleRect, L.groupsTitleRect}) // the columns' titles
            if (!title.isEmpty()) keep.push_back(title);
        if (!L.legendRect.isEmpty()) keep.push_back(L.legendRect);
        const QFontMetricsF keyFm(th.condensed(7.5, true));
        const double keyH = std::ceil(keyFm.height());
        int shown = 0;
        for (Flight& f : L.flights) {
            if (f.batch) {
                // In the gaps and margins the batch is a dot (a chip there would cover the names of
                // the strips beside it); on its cells row, a chip as high as the row, right of the
                // last record (over empty cells, never over an offset). No room there: it stays a dot.
                const ReplicaStrip* target = leaderStrip(f.tp);
                // On the last leg, along the cells row (from the gap right of the column to the last record).
                const bool onRow = f.progress >= 1.0 || (std::abs(f.pos.y() - f.to.y()) < 0.5 && f.pos.x() < f.via[3].x() - 0.5 &&
                                                         f.pos.x() >= f.to.x() - 0.5);
                if (!target || !onRow) continue;
                const QString t = QStringLiteral("×%1").arg(f.count);
                const double w = keyFm.horizontalAdvance(t) + th.px(10);
                const QRectF& cr = target->cellsRect;
                const double h = std::min(cr.height(), std::max(th.px(12), std::min(th.px(16), keyFm.height() + th.px(2))));
                const double lastCell = target->leoX ? *target->leoX : cr.left();
                const QRectF r(std::max(lastCell + th.px(2), f.pos.x() - w / 2), cr.center().y() - h / 2, w, h);
                if (r.right() <= target->rect.right()) f.chipRect = r;
                continue;
            }
            if (f.keyText.isEmpty() || f.progress >= 1.0 || shown >= 4) continue;
            // Above the dot, else below it, else to its right or left; hidden when all would touch
            // a label or cells (a gap of a pixel around it, so that no two texts touch).
            const double w = std::ceil(keyFm.horizontalAdvance(f.keyText)) + th.px(4);
            const double dot = th.px(6);
            const QPointF corners[] = {{f.pos.x() - w / 2, f.pos.y() - dot - keyH - th.px(1)},
                                       {f.pos.x() - w / 2, f.pos.y() + dot + th.px(1)},
                                       {f.pos.x() + dot + th.px(1), f.pos.y() - keyH / 2},
                                       {f.pos.x() - dot - th.px(1) - w, f.pos.y() - keyH / 2}};
            for (const QPointF& corner : corners) {
                const QRectF r(corner, QSizeF(w, keyH));
                const QRectF margin = r.adjusted(-1, -1, 1, 1);
                bool clash = !QRectF(QPointF(0, 0), size).contains(r);
                for (const QRectF& k : keep) clash = clash || margin.intersects(k);
                // Never on a broker's panel: inside one a key sat among its strips' cells, LEO/HW texts
                // and markers (presentation at 1366x768); across its border it hid the edge ("conta-8").
                for (const auto& b : L.brokers) clash = clash || margin.intersects(b.rect);
                if (clash) continue;
                f.keyRect = r;
                keep.push_back(r);
                ++shown;
                break;
            }
        }
    }

    // ---- consumer groups ----
    // Revocations and assignments come from PartitionsRevoked / PartitionsAssigned events; the
    // animations last about kRebalanceWallMs on screen at any speed.
    const auto animMs = static_cast<obs::TimeMs>(kRebalanceWallMs * speed);
    double gy = groupsTop;
    const double badgeH = th.px(19);
    const QFontMetricsF badgeFm(th.condensed(8));
    const QFontMetricsF memberBoldFm(th.font(8, true)), memberFm(th.font(8));
    const bool internals = o.has(Capability::RebalanceInternals);
    for (const obs::Group& g : o.groups) { // by name
        if (g.internal) continue;
        GroupItem gr;
        gr.index = g.ordinal;
        gr.name = QString::fromStdString(g.name);
        gr.state = g.state;
        gr.coordinator = g.coordinator;
        gr.coordinatorDown = g.coordinator_down;
        gr.generation = g.generation;
        gr.generationKnown = g.generation_known;
        gr.protocol = QString::fromStdString(g.protocol);
        gr.cooperative = g.cooperative;
        const bool knownProtocol = !g.protocol.empty() || !g.preferred_protocol.empty();
        const bool rebalancing = g.state == obs::GroupState::PreparingRebalance || g.state == obs::GroupState::CompletingRebalance;

        // Recent revocations and assignments of this group (newest first); only with RebalanceInternals.
        std::map<std::int32_t, std::map<obs::PartitionKey, obs::TimeMs>> revokedAt, assignedAt;
        std::map<obs::PartitionKey, obs::TimeMs> revokedAny;
        std::map<std::int32_t, std::set<obs::PartitionKey>> revokedThisRebalance;
        std::map<std::int32_t, std::map<obs::PartitionKey, bool>> lostAt; // the newest revocation was a loss
        for (const obs::PartitionChange& ch : internals ? g.changes : std::vector<obs::PartitionChange>{}) {
            if (ch.revoked) {
                revokedAt[ch.consumer].emplace(ch.partition, ch.time);
                lostAt[ch.consumer].emplace(ch.partition, ch.lost);
                revokedAny.emplace(ch.partition, ch.time);
                if (ch.this_rebalance) revokedThisRebalance[ch.consumer].insert(ch.partition);
            } else {
                assignedAt[ch.consumer].emplace(ch.partition, ch.time);
            }
        }
        static const std::vector<obs::PartitionKey> kNone;
        const std::vector<obs::PartitionKey>& unowned = internals ? g.unowned : kNone;
        gr.phase = internals ? g.phase : RebalancePhase::None;

        const double top = gy;
        // The assignor and protocol line wraps in a narrow column (compare mode): which assignor a
        // side uses is the point of the comparison.
        // An Empty group has no assignor: Kafka clears the protocol with the last member (describe
        // prints an empty ASSIGNMENT-STRATEGY), and the next one is chosen by whoever joins next.
        gr.protocolText = !g.protocol.empty() ? Texts::assignor(g.protocol) + QStringLiteral(" · ") + Texts::rebalanceProtocol(g.cooperative)
                          : g.state == obs::GroupState::Empty && g.members.empty() ? Texts::noAssignorWithoutMembers()
                                                                                    : Texts::assignor(std::string());
        const double protoW = right.width() - th.px(16);
        const QRectF protoNeed = QFontMetricsF(th.font(8)).boundingRect(QRectF(0, 0, protoW, 1000), Qt::AlignLeft | Qt::TextWordWrap,
                                                                        gr.protocolText);
        const double protoH = std::max(th.px(16), protoNeed.height() + th.px(1));
        // The state chip and the detail after it: beside it when the detail fits, else wrapped on
        // lines of its own under it (a narrow column, a long "coordinator broker 2 is down").
        // Without a live coordinator nobody serves the group: its last known state would be a lie.
        gr.stateText = g.coordinator_down ? Texts::noCoordinator() : Texts::groupState(g.state);
        gr.detailText = g.coordinator_down ? Texts::noCoordinatorDetail(g.coordinator)
                        : g.generation_known ? viewText("generation %1").arg(g.generation)
                                           : viewText("generation: not visible on a real cluster");
        const QFontMetricsF smallFm(th.font(8));
        const double headerL = right.left() + th.px(8), headerW = right.width() - th.px(16);
        gr.stateRect = QRectF(headerL, gy + th.px(25), smallFm.horizontalAdvance(gr.stateText) + th.px(12), th.px(16));
        const double besideL = gr.stateRect.right() + th.px(6);
        double detailExtra = 0;
        if (smallFm.horizontalAdvance(gr.detailText) <= headerL + headerW - besideL) {
            gr.detailRect = QRectF(besideL, gr.stateRect.top(), headerL + headerW - besideL, gr.stateRect.height());
        } else {
            const double need = std::ceil(
                smallFm.boundingRect(QRectF(0, 0, headerW, 10000), Qt::AlignLeft | Qt::TextWordWrap, gr.detailText).height());
            gr.detailRect = QRectF(headerL, gr.stateRect.bottom() + th.px(2), headerW, need);
            detailExtra = need + th.px(2);
        }
        gr.headerRect = QRectF(right.left(), gy, right.width(), th.px(62) - th.px(16) + protoH + detailExtra);
        gr.protocolRect = QRectF(headerL, gy + th.px(4) + th.px(39) + detailExtra, protoW, protoH);
        gy += gr.headerRect.height();
        if (gr.phase != RebalancePhase::None) {
            // The explanation, whole: as many lines as the column's width needs (the banner grows).
            switch (gr.phase) {
            case RebalancePhase::StopTheWorld: gr.phaseText = viewText("Eager rebalance: stop-the-world, every consumer stops"); break;
            case RebalancePhase::CoopRevoke: gr.phaseText = viewText("Cooperative, phase 1: rejoin, unaffected partitions keep flowing"); break;
            case RebalancePhase::CoopUnowned: gr.phaseText = viewText("Cooperative: moved partitions revoked, now without owner"); break;
            case RebalancePhase::CoopAssign: gr.phaseText = viewText("Cooperative, phase 2: moved partitions go to their new owner"); break;
            case RebalancePhase::CoopLeft:
                gr.phaseText =
                    viewText("Cooperative: this rebalance assigns the partitions of the member that left; the others keep flowing");
                break;
            case RebalancePhase::None: break;
            }
            const double textW = right.width() - th.px(12) - th.px(14);
            const double need = std::ceil(
                memberBoldFm.boundingRect(QRectF(0, 0, textW, 10000), Qt::AlignLeft | Qt::TextWordWrap, gr.phaseText).height());
            gr.phaseRect = QRectF(right.left() + th.px(6), gy, right.width() - th.px(12), std::max(th.px(22), need + th.px(8)));
            gr.phaseTextRect = QRectF(gr.phaseRect.left() + th.px(7), gy + (gr.phaseRect.height() - need) / 2, textW, need);
            gy += gr.phaseRect.height() + th.px(4);
        }
        const double membersTop = gy;

        auto fits = [&](double& bx, double w) {
            if (bx + w > right.right() - th.px(6) && bx > right.left() + th.px(10)) {
                bx = right.left() + th.px(10);
                gy += badgeH + th.px(3);
            }
        };
        for (std::size_t ci = 0; ci < o.consumers.size(); ++ci) {
            const obs::Consumer& cv = o.consumers[ci];
            if (cv.group != g.name || cv.closed) continue;
            ConsumerItem ci2;
            ci2.index = static_cast<std::int32_t>(ci);
            ci2.name = QString::fromStdString(cv.client_id);
            ci2.leader = g.leader_consumer == ci2.index;
            ci2.stopped = rebalancing && (!gr.cooperative || cv.assigned.empty());
            ci2.status = cv.status;
            const double cTop = gy;
            {
                // Name (and "(leader)") on the left, the status on the right; the status takes a
                // line of its own when both do not fit, and a long name wraps.
                ci2.nameText = ci2.name + (ci2.leader ? viewText(" (leader)") : QString());
                ci2.statusText = cv.status == ConsumerStatus::Consuming ? QString() : Texts::consumerStatus(cv.status);
                const double rowL = right.left() + th.px(10), rowW = right.width() - th.px(20);
                const double nameW = memberBoldFm.horizontalAdvance(ci2.nameText);
                const double statusW = ci2.statusText.isEmpty() ? 0.0 : memberFm.horizontalAdvance(ci2.statusText);
                const double nameH = std::max(th.px(19), std::ceil(memberBoldFm.boundingRect(QRectF(0, 0, rowW, 10000), ClusterLayout::wrapFlags(th.font(8, true), ci2.nameText, rowW),
                                                                                              ci2.nameText).height()));
                ci2.nameRect = QRectF(rowL, gy, rowW, nameH);
                if (statusW > 0 && nameW + th.px(8) + statusW <= rowW) {
                    ci2.statusRect = QRectF(rowL + rowW - statusW, gy, statusW, th.px(19));
                    ci2.nameRect.setWidth(rowW - statusW - th.px(8));
                } else if (statusW > 0) {
                    const double statusH = std::max(th.px(17), std::ceil(memberFm.boundingRect(QRectF(0, 0, rowW, 10000), Qt::TextWordWrap,
                                                                                                ci2.statusText).height()));
                    ci2.statusRect = QRectF(rowL, gy + nameH, rowW, statusH);
                }
                gy += th.px(20) + (nameH - th.px(19)) + (ci2.statusRect.top() > gy ? ci2.statusRect.height() : 0.0);
            }
            double bx = right.left() + th.px(10);
            auto place = [&](PartitionBadge& b) {
                const double w = badgeFm.horizontalAdvance(b.text) + th.px(12);
                fits(bx, w);
                b.rect = QRectF(bx, gy, w, badgeH);
                bx += w + th.px(4);
            };
            const auto* myAssigned = assignedAt.contains(ci2.index) ? &assignedAt[ci2.index] : nullptr;
            std::size_t placed = 0;
            for (const auto& tp : cv.assigned) {
                if (isInternal(tp.first)) continue;
                PartitionBadge b;
                b.tp = tp;
                // Past kMaxBadges, or when the badge and a "+ N more" chip after it would leave the
                // column (a few are always drawn): listed (group panel), not drawn.
                const double wouldEnd = gy + (bx > right.left() + th.px(10) ? 2.0 : 1.0) * (badgeH + th.px(3)) + badgeH;
                if (placed >= ConsumerItem::kMaxBadges || (placed >= 3 && wouldEnd > right.bottom() - th.px(6))) {
                    b.hidden = true;
                    ++ci2.hiddenBadges;
                    ci2.partitions.push_back(b);
                    continue;
                }
                ++placed;
                if (auto it = g.lag.find(tp); it != g.lag.end()) b.lag = it->second;
                b.text = tr("%1 · lag %2").arg(tpName(tp), b.lag ? QString::number(*b.lag) : QStringLiteral("-"));
                if (myAssigned)
                    if (auto it = myAssigned->find(tp); it != myAssigned->end() && now - it->second < animMs) {
                        b.fresh = true;
                        b.anim = std::clamp(static_cast<double>(now - it->second) / static_cast<double>(animMs), 0.0, 1.0);
                    }
                place(b);
                L.hotspots.push_back({b.rect, tr("%1 is assigned to %2.").arg(tpName(tp), ci2.name) + QStringLiteral("<br>") +
                                                  Texts::helpLag()});
                ci2.partitions.push_back(b);
            }
            if (auto it = revokedAt.find(ci2.index); it != revokedAt.end())
                for (const auto& [tp, t] : it->second) {
                    if (std::find(cv.assigned.begin(), cv.assigned.end(), tp) != cv.assigned.end()) continue;
                    if (isInternal(tp.first) || !o.topic(tp.first)) continue;
                    const bool current = revokedThisRebalance[ci2.index].contains(tp);
                    if (!current && now - t >= animMs) continue;
                    PartitionBadge b;
                    b.tp = tp;
                    b.revoked = true;
                    b.anim = current ? std::min(0.5, static_cast<double>(now - t) / static_cast<double>(animMs))
                                     : std::clamp(static_cast<double>(now - t) / static_cast<double>(animMs), 0.0, 1.0);
                    const bool lost = lostAt[ci2.index][tp];
                    b.text = lost ? tr("%1 · lost").arg(tpName(tp)) : tr("%1 · revoked").arg(tpName(tp));
                    place(b);
                    if (lost)
                        L.hotspots.push_back({b.rect, tr("%1 was lost by %2: it was no longer a member of the group (it "
                                                         "left, or the coordinator no longer knew it), so its next poll() "
                                                         "called onPartitionsLost, not onPartitionsRevoked, and it "
                                                         "rejoins as a new member.")
                                                          .arg(tpName(tp), ci2.name)});
                    else
                        L.hotspots.push_back({b.rect, tr("%1 was revoked from %2: it stops consuming it until the new "
                                                         "assignment.")
                                                              .arg(tpName(tp), ci2.name) +
                                                          QStringLiteral("<br>") +
                                                          (gr.cooperative ? Texts::helpCooperative() : Texts::helpEager())});
                    ci2.partitions.push_back(b);
                }
            if (ci2.hiddenBadges > 0) {
                // The same text ClusterCanvas paints in the chip.
                const QString more =
                    QCoreApplication::translate("fluxolab::app::ClusterCanvas", "+ %1 more").arg(ci2.hiddenBadges);
                const double w = badgeFm.horizontalAdvance(more) + th.px(12);
                fits(bx, w);
                ci2.moreRect = QRectF(bx, gy, w, badgeH);
                bx += w + th.px(4);
                L.hotspots.push_back({ci2.moreRect, tr("%1 has %n more partition(s) assigned (not drawn); the Consumer groups tab "
                                                       "and kafka-consumer-groups.sh --describe list them all.",
                                                       nullptr, static_cast<int>(ci2.hiddenBadges))
                                                        .arg(ci2.name)});
            }
            if (ci2.partitions.empty()) gy += th.px(2);
            else gy += badgeH + th.px(6);
            ci2.rect = QRectF(right.left() + th.px(4), cTop, right.width() - th.px(8), gy - cTop);
            L.hotspots.insert(L.hotspots.begin(), {ci2.rect, tr("Consumer <b>%1</b>").arg(ci2.name) + QStringLiteral("<br>") +
                                                                 Texts::helpPosition() + QStringLiteral("<br>") + Texts::helpCommitted()});
            gr.consumers.push_back(ci2);
        }
        if (gr.phase == RebalancePhase::StopTheWorld && gy > membersTop)
            gr.overlayRect = QRectF(right.left() + th.px(2), membersTop - th.px(2), right.width() - th.px(4), gy - membersTop + th.px(2));
        if (!unowned.empty()) {
            const double uTop = gy;
            // The title, whole: wrapped in a narrow column (its row grows).
            // Moved from a member that stays: the follow-up rebalance (phase 2) hands them over. Their
            // member left: no second phase, the rebalance its departure starts assigns them (KIP-429).
            const bool moved = internals && !g.unowned_moved.empty();
            const bool rebalancing = g.state == obs::GroupState::PreparingRebalance || g.state == obs::GroupState::CompletingRebalance;
            gr.unownedText = moved         ? viewText("Without owner (waiting for phase 2)")
                             : rebalancing ? viewText("Without owner (their member left: this rebalance assigns them)")
                                           : viewText("Without owner (their member left: the next rebalance assigns them)");
            const double titleW = right.width() - th.px(8) - th.px(16);
            const double titleH = std::ceil(
                memberBoldFm.boundingRect(QRectF(0, 0, titleW, 10000), Qt::AlignLeft | Qt::TextWordWrap, gr.unownedText).height());
            gr.unownedTextRect = QRectF(right.left() + th.px(4) + th.px(8), gy + th.px(2), titleW, titleH);
            gy += std::max(th.px(18), titleH + th.px(4));
            double bx = right.left() + th.px(10);
            for (const auto& tp : unowned) {
                PartitionBadge b;
                b.tp = tp;
                b.revoked = true;
                b.anim = std::clamp(static_cast<double>(now - revokedAny[tp]) / static_cast<double>(animMs), 0.0, 1.0);
                b.text = tpName(tp);
                const double w = badgeFm.horizontalAdvance(b.text) + th.px(12);
                fits(bx, w);
                b.rect = QRectF(bx, gy, w, badgeH);
                bx += w + th.px(4);
                gr.unowned.push_back(b);
            }
            gy += badgeH + th.px(6);
            gr.unownedRect = QRectF(right.left() + th.px(4), uTop, right.width() - th.px(8), gy - uTop);
            L.hotspots.push_back({gr.unownedRect, moved ? tr("Partitions without an owner: revoked in the first phase of the cooperative "
                                                             "rebalance, they wait for the follow-up rebalance to get their new owner.")
                                                         : tr("Partitions without an owner: their member left the group. No second "
                                                              "rebalance is needed: nothing was taken from a member that stays, so the "
                                                              "rebalance that follows the departure assigns them.")});
        }
        gy += th.px(6);
        gr.rect = QRectF(right.left(), top, right.width(), gy - top);
        QString tip = Texts::helpGroup() + QStringLiteral("<br><b>") + Texts::groupState(g.state) + QStringLiteral("</b>: ") +
                      Texts::groupStateHelp(g.state) + QStringLiteral("<br>") + Texts::helpGeneration();
        if (knownProtocol) tip += QStringLiteral("<br>") + (gr.cooperative ? Texts::helpCooperative() : Texts::helpEager());
        L.hotspots.push_back({gr.headerRect, tip});
        if (!gr.phaseRect.isEmpty()) L.hotspots.push_back({gr.phaseRect, gr.cooperative ? Texts::helpCooperative() : Texts::helpEager()});
        L.groups.push_back(gr);
        gy += th.px(10);
    }
    return L;
}

} // namespace fluxolab::app
