#pragma once
// What the cluster view draws and where: a plain value computed from an observation of the cluster
// (labs/observe/observation.h), whatever its backend. Parts the observation has no capability for
// are not drawn. The widget paints it; tests assert on it.

#include "app/core/theme.h"
#include "labs/observe/observation.h"

#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace fluxolab::app {

class SimulationController;
namespace obs = labs::observe;
using obs::ConsumerStatus;
using obs::RebalancePhase;
using obs::isAlarming;

struct CellItem {
    obs::Offset offset = 0;
    QRectF rect;
    std::uint32_t key = 0;     ///< interned key id (0 = null key)
    bool known = true;         ///< the record is still in the simulation's log (false: retention/truncation)
    bool committed = true;     ///< below the high watermark
};

struct OffsetMarker {
    std::int32_t group = -1;   ///< the group's ordinal (its colour)
    obs::Offset offset = 0;
    double x = 0;
    bool committed = false;    ///< committed-offset marker (else the consumer's position)
    QRectF rect;               ///< the triangle below the cells (`before`: the triangle and the number)
    /// The offset is before the first drawn cell (older records elided, or before the log start):
    /// not drawn at a cell as if it were that one, but at the row's left edge, a triangle pointing
    /// left and the offset written beside it (`text`, in `textRect`).
    bool before = false;
    QString text;
    QRectF textRect;
};

struct ReplicaStrip {
    obs::PartitionKey tp;
    QString name;              ///< "topic-3"
    obs::BrokerId broker = -1;
    bool leader = false;
    bool inIsr = false;
    bool offline = false;      ///< the partition has no leader ("Leader: none")
    bool brokerDown = false;
    obs::Offset leo = 0;
    bool leoUnknown = false;   ///< a follower's LEO without ReplicaFetchState: cells up to what the HW proves, no LEO line
    obs::Offset hw = 0;
    obs::Offset logStart = 0;
    obs::Offset elided = 0;    ///< records before the first drawn cell (level of detail)
    QRectF rect;
    QRectF labelRect;          ///< the label line(s) above the cells (Minimal: the name left of the cells)
    /// What the label line(s) say and where (an empty rect: not drawn, no room). Items flow onto a
    /// second line in narrow columns instead of being dropped.
    QString roleText;          ///< "leader", "follower" or "Leader: none"
    QString isrText;           ///< "ISR" or "out of ISR"
    QString numbersText;       ///< "LEO 12 · HW 12" (leader or offline) or "LEO 12"
    QRectF nameRect;
    QRectF roleRect;
    QRectF isrRect;
    QRectF numbersRect;
    bool nameElided = false;   ///< the name did not fit in the column and is drawn shortened
    QRectF cellsRect;
    QRectF elideRect;
    QString elideText;         ///< "+94": a count of older records not drawn (never read as an offset)
    /// The log start offset moved (retention deleted segments): at the cells row's left, a hatched
    /// box for the offsets that no longer exist, "log start 40" in it when that fits (else the box only).
    QRectF deletedRect;
    QString deletedText;       ///< "log start 40" (empty: no room for it; the tooltip has it)
    std::vector<CellItem> cells;
    std::optional<double> hwX;
    QRectF hwLabelRect;        ///< the "HW" text below the cells (empty: hidden, a marker is there)
    /// The high watermark is before the first drawn cell (older records elided): no line (it would
    /// stand at a wrong offset) but "◁ HW 3968" at the row's left edge, in `hwLabelRect`.
    bool hwBefore = false;
    QString hwBeforeText;      ///< "HW 3968" (hwBefore only)
    std::optional<double> leoX;
    std::vector<OffsetMarker> markers;
    /// A position or committed offset drawn "◀ N" / "◁ N" at the row's left edge (before its first cell).
    bool hasBeforeMarker() const {
        return std::any_of(markers.begin(), markers.end(), [](const OffsetMarker& m) { return m.before; });
    }
};

struct BrokerItem {
    obs::BrokerId id = 0;
    QRectF rect;
    QRectF headerRect;
    bool alive = true;
    bool fenced = false;
    bool controller = false;
    int leaders = 0;
    /// "running · controller · 2 leaders" and its place under the title: whole, on two lines in a
    /// narrow column (never shortened; the layout makes the header taller).
    QString statusText;
    QRectF statusRect;
    /// When the status cannot have a second line, "controller" moves onto the title line as a chip.
    QString controllerText;
    QRectF controllerRect;
    /// Many partitions: only the first `replicas - hiddenReplicas` strips (by name) are drawn, and
    /// `moreRect` says how many are not (see ClusterLayoutBuilder's aggregation).
    int replicas = 0;
    int hiddenReplicas = 0;
    QRectF moreRect;
    /// "+ N more · M of R partitions shown", whole: wrapped inside moreRect (the row is as tall as
    /// the fullest broker's text needs at the column's width; never shortened).
    QString moreText;
    QRectF moreTextRect;
};

struct ProducerItem {
    std::int32_t index = -1;
    QString name;
    QString topic;
    QRectF rect;
    std::int64_t acked = 0;
    /// The card's three texts (name, "→ topic", "N acked") and where they go: each wraps onto more
    /// lines in a narrow column instead of being shortened, and the card grows to hold them.
    QString nameText, topicText, ackedText;
    QRectF nameRect, topicRect, ackedRect;
};

struct PartitionBadge {
    obs::PartitionKey tp;
    QString text;
    QRectF rect;
    std::optional<obs::Offset> lag;
    bool revoked = false;      ///< revoked from this member (struck out, fading) and not assigned back
    bool fresh = false;        ///< newly assigned to this member (highlighted while the animation runs)
    double anim = 1.0;         ///< progress of the revoke/assign animation: 0 = just happened, 1 = settled
    bool hidden = false;       ///< beyond ConsumerItem::kMaxBadges: not placed nor drawn (counted in moreRect)
};

struct ConsumerItem {
    std::int32_t index = -1;
    QString name;
    QRectF rect;
    bool leader = false;
    bool stopped = false;      ///< rebalancing with nothing to consume
    ConsumerStatus status = ConsumerStatus::Consuming;
    /// The name line ("c1 (leader)") and the status ("paused", empty while consuming), whole: the
    /// status moves onto its own line when both do not fit on one (never shortened).
    QString nameText, statusText;
    QRectF nameRect, statusRect;
    std::vector<PartitionBadge> partitions;
    /// Thousands of assigned partitions: the first kMaxBadges are drawn, then one "+ N more" chip.
    static constexpr std::size_t kMaxBadges = 32;
    int hiddenBadges = 0;
    QRectF moreRect;
};

struct GroupItem {
    std::int32_t index = -1;   ///< the group's ordinal (its colour)
    QString name;
    QRectF rect;
    QRectF headerRect;
    /// The state chip ("Stable", "No coordinator") and the detail after it ("generation 3", "coordinator
    /// broker 2 is down"): the detail is beside the chip when it fits, else on lines of its own
    /// under it, wrapped (never shortened; the header grows).
    QString stateText, detailText;
    QRectF stateRect, detailRect;
    QString protocolText;      ///< "range · eager (stop-the-world)"
    QRectF protocolRect;       ///< its place in the header: two lines in a narrow column (never shortened)
    obs::GroupState state = obs::GroupState::Empty;
    obs::BrokerId coordinator = -1;
    bool coordinatorDown = false; ///< no coordinator, or its broker is down: `state` is not served by anyone
    std::int32_t generation = 0;
    bool generationKnown = true; ///< false when the observation does not know it (observe::Group::generation_known)
    QString protocol;          ///< the assignor in use ("range"; empty: none yet)
    bool cooperative = false;  ///< the group's rebalance protocol (from the chosen assignor)
    RebalancePhase phase = RebalancePhase::None;
    QRectF phaseRect;          ///< banner explaining the phase (empty when None)
    /// The banner's text and where it goes inside phaseRect: wrapped onto as many lines as the
    /// column's width needs (the banner grows; never shortened).
    QString phaseText;
    QRectF phaseTextRect;
    QRectF overlayRect;        ///< stop-the-world overlay over the members (eager only)
    QRectF unownedRect;        ///< row of partitions without an owner (cooperative, between phases)
    /// "Without owner (waiting for phase 2)" above those partitions, whole (wrapped in a narrow column).
    QString unownedText;
    QRectF unownedTextRect;
    std::vector<PartitionBadge> unowned;
    std::vector<ConsumerItem> consumers;
};

/// Records travelling from a producer to the partition the partitioner chose (from RecordsAppended
/// events within a short window that scales with the playback speed, so the trip lasts about the
/// same wall-clock time at any speed). At high speed the flights of one producer to one partition
/// are merged into one moving batch (level of detail: fewer items, never fewer frames).
struct Flight {
    std::int32_t producer = -1; ///< index into Observation::producers (closed producers' records are not drawn)
    QString producerName;      ///< its client id (a compare side has no producer cards: the window draws them once)
    obs::PartitionKey tp;
    /// Where the record appears: the producer's card, or (a view without the producers' column, a
    /// compare side) the top edge above the gap right of the target's broker, whence it goes down that gap.
    QPointF from;
    /// The path, through the gaps and margins between the columns only: from the producer to the gap
    /// between the producers' column and broker 1 (via[0]), along that gap to the margin above the
    /// brokers (or below them, for a strip in the lower half: via[1]), along that margin to the gap right
    /// of the target's broker (via[2]), down (or up) that gap to the target strip's cells row (via[3]),
    /// then leftwards along that row to `to`, just right of the last record (over empty cells only). It
    /// never crosses a broker column's texts: a straight curve ran over "encomendas-4", "seguidora" and
    /// "LEO 29", and a path along the cells row from broker 1 over the other brokers' offsets.
    std::array<QPointF, 4> via{};
    QPointF to;
    QPointF pos;               ///< where the record (or batch) is now on its path
    double age = 0;            ///< 0 = just appended, 1 = fading out
    double progress = 0;       ///< 0 = at the producer, 1 = arrived at the partition
    std::uint32_t key = 0;
    QString keyText;
    std::int32_t partitions = 0;
    std::int32_t keyPartition = -1; ///< murmur2(key) % partitions (-1: no key)
    std::int64_t count = 1;    ///< records in this flight (a batch when > 1)
    bool batch = false;        ///< aggregated flight (level of detail)
    QRectF chipRect;           ///< the "×N" chip of a batch, on the cells row (empty: still in the gap, drawn as a dot)
    QRectF keyRect;            ///< the key's text above a single record (empty: hidden, it would cover a label)
};

/// The on-screen key to the symbols: consumer position/committed markers, LEO and HW lines, key
/// colours, records above the HW, the colour of a negative lag.
struct LegendItem {
    enum class Symbol : std::uint8_t { Position, Committed, Leo, Hw, KeyColours, Uncommitted, NegativeLag, OlderRecords, Before };
    Symbol symbol = Symbol::Position;
    QString text;
    QRectF symbolRect;
    QRectF textRect;
};

struct HotSpot {
    QRectF rect;
    QString tip;
};

enum class Detail : std::uint8_t { Full, Compact, Minimal };

/// Which parts of the picture a view draws (ClusterCanvas::setOptions).
struct ClusterLayoutOptions {
    enum class Part : std::uint8_t {
        /// Producers and the legend | brokers | consumer groups: the main window.
        Whole,
        /// Brokers | consumer groups: a side of the compare window. Both sides run the same scenario
        /// and seed, so their producers are the same (AppFeaturesTest::compareSidesHaveTheSameProducers):
        /// the window draws them and the legend once, beside both sides (Part::Clients). The records in
        /// flight enter from the top edge; the groups' column is as narrow as its texts allow, not at
        /// least 190 px, and absent when there is no consumer group (the window says why).
        Cluster,
        /// Only the producers' cards and the legend, over the whole view: the compare window's strip.
        Clients,
    };
    Part part = Part::Whole;
    /// Part::Clients: list "+N: older records not drawn" in the legend (a side hides older records).
    bool olderRecords = false;
    /// Part::Clients: list "◀ ◁ N: before the drawn cells" in the legend (a side draws such a marker).
    bool beforeMarkers = false;
    bool operator==(const ClusterLayoutOptions&) const = default;
};

struct ClusterLayout {
    /// Strips are never drawn thinner than this many (theme) pixels: past that, each broker shows
    /// the strips that fit and a summary row ("showing M of N partitions").
    static constexpr double kMinStripPx = 16;
    /// How a card's text that is too wide for its place wraps: between words only ("→ encomendas"
    /// becomes "→" and "encomendas", never "encomenda" and "s"). The layout makes the columns wide
    /// enough for the longest word (see wrapFlags for a word wider than any column).
    static constexpr int kWrapFlags = Qt::TextWordWrap;
    /// kWrapFlags, or Qt::TextWrapAnywhere when a piece of `text` that cannot be broken (a client id
    /// of 60 characters) is wider than `width`: cut rather than drawn past its card.
    static int wrapFlags(const QFont& font, const QString& text, double width);
    /// The width of the widest piece of `text` between two places where a line may break (as Qt
    /// wraps it: after spaces, after a hyphen...), in `font`.
    static double widestWord(const QFont& font, const QString& text);
    QSizeF size;
    Theme theme;                    ///< the theme the layout was made with (scaled down if the view is too narrow)
    ClusterLayoutOptions options;   ///< the parts drawn
    /// The columns' titles ("Producers", "Consumer groups") and where they go (empty: no such column).
    QRectF producersTitleRect, groupsTitleRect;
    QRectF legendRect;              ///< empty when there is no room for it
    QString legendTitle;
    std::vector<LegendItem> legend;
    Detail detail = Detail::Full;
    double cellWidth = 0;
    std::vector<BrokerItem> brokers;
    std::vector<ReplicaStrip> strips;
    std::vector<ProducerItem> producers;
    std::vector<GroupItem> groups;
    std::vector<Flight> flights;
    bool batchedFlights = false;    ///< flights were aggregated per (producer, partition)
    /// More replicas on a broker than fit: the strips scroll. `firstRow` is the first row drawn
    /// (0: the first partitions of every topic), up to `maxFirstRow` (0: everything fits).
    std::size_t firstRow = 0;
    std::size_t maxFirstRow = 0;
    std::vector<HotSpot> hotspots;  ///< later entries are on top

    const BrokerItem* broker(obs::BrokerId id) const;
    const ReplicaStrip* strip(const obs::PartitionKey& tp, obs::BrokerId broker) const;
    const ReplicaStrip* leaderStrip(const obs::PartitionKey& tp) const;
    const GroupItem* group(const QString& name) const;
    const ConsumerItem* consumer(std::int32_t index) const;
    QString tipAt(const QPointF& p) const;
    /// Item under a point, for context menus.
    std::optional<obs::BrokerId> brokerAt(const QPointF& p) const;
    std::optional<std::int32_t> consumerAt(const QPointF& p) const;
    std::optional<std::int32_t> groupAt(const QPointF& p) const;
};

/// The part of a layout that depends only on the cluster's topology, kept between frames: which
/// replicas each broker column draws and in what order (by name, shared among the topics, scrolled),
/// how many fit, and the heights of the texts that depend on the column's width. Reused while the
/// topology key is the same - the brokers, the topics and their partitions with their replicas,
/// and the view's size, theme, language and scroll row; per frame the layout then only fills in the
/// numbers (leaders, ISR, offsets, groups). A ClusterCanvas owns one.
struct ClusterLayoutCache {
    struct Entry {
        std::uint64_t key = 0;
        std::size_t partitions = 0, brokers = 0; ///< checked too: the indices stay in range whatever the hash
        std::vector<std::vector<std::size_t>> perBroker; ///< indices into Observation::partitions, drawn first
        std::vector<std::size_t> included;               ///< every partition with a replica drawn on a broker column
        std::size_t rows = 1, shownRows = 1, maxFirstRow = 0, firstRow = 0;
        double statusH = 0, summaryH = 0;
    };
    std::vector<Entry> entries; ///< the last two (presentation mode may lay out at two scales a frame)
    std::size_t builds = 0;     ///< structures computed (a topology key not seen in the last two)
    std::size_t reuses = 0;     ///< frames that reused one
    void clear() { entries.clear(); }
};

class ClusterLayoutBuilder {
    Q_DECLARE_TR_FUNCTIONS(ClusterLayoutBuilder)
public:
    static ClusterLayout build(const SimulationController& controller, QSizeF size, const Theme& theme);
    /// The layout of `o`. `speed`: the playback speed (virtual ms per wall ms), which the flights'
    /// and rebalances' animations are scaled by.
    /// `firstRow`: more replicas than fit, scrolled: each broker draws its replicas from this row on
    /// (by name); 0 shares the rows among the topics (see shareRowsAmongTopics).
    /// `cache`: reuse the topology's part of the previous frames' layouts (the result is the same
    /// as without it).
    /// `options`: the parts drawn (a compare side, the compare window's producers strip).
    static ClusterLayout build(const obs::Observation& o, double speed, QSizeF size, const Theme& theme,
                               std::size_t firstRow = 0, ClusterLayoutCache* cache = nullptr,
                               const ClusterLayoutOptions& options = {});
    /// The width of a Part::Clients view (the compare window's producers strip) at `theme`'s scale:
    /// the producers' column of the main window, with its margins.
    static double clientsWidth(const obs::Observation& o, const Theme& theme);
    /// The topology key build() caches by: the brokers, the topics and their partitions with their
    /// replicas (not leaders, ISR or offsets), the view's size, theme and language, and the scroll row.
    static std::uint64_t topologyKey(const obs::Observation& o, QSizeF size, const Theme& theme, std::size_t firstRow);
    /// The narrowest broker column that keeps a strip's label legible, at `theme`'s scale.
    static double minimumBrokerWidth(const Theme& theme) { return theme.px(112); }
    /// How many strips per broker fit legibly in `avail` height for `rows` replicas on the fullest
    /// broker: `rows` when each gets at least kMinStripPx, else the number of kMinStripPx strips
    /// that fit above a summary row.
    /// `summaryH`: the summary row's height (0: one line, kMinStripPx + 2).
    static std::size_t aggregatedRows(std::size_t rows, double avail, const Theme& theme, double summaryH = 0);

private:
    /// Many replicas on a broker: moves the `shown` ones to draw to the front (each topic gets its
    /// first partitions in turn, so a huge topic does not hide the others), keeping the order by name.
    static void shareRowsAmongTopics(std::vector<std::size_t>& list, const std::vector<obs::Partition>& partitions,
                                     std::size_t shown);
    static void addHiddenSummary(ClusterLayout& L, BrokerItem& broker, std::size_t replicas, std::size_t shown,
                                 const Theme& theme, double summaryH);
    /// The legend's texts (translated), in their order.
    static std::array<std::pair<LegendItem::Symbol, QString>, 9> legendTexts();
    /// The narrowest producers' and groups' columns in which no word of theirs is broken: the width
    /// of the longest word of each text with its padding (the titles, the cards, the legend, the
    /// members' names).
    /// The groups' column also holds, whole, every state chip ("CompletingRebalance") and the
    /// widest partition badge ("encomendas-5 · lag 9999", at least four digits of lag: the column
    /// does not change at every frame).
    static std::pair<double, double> sideColumnNeeds(const obs::Observation& o, const Theme& th);
    /// The producers' cards from the top of `column`, under its title; `producerItem`: each
    /// producer's card index (-1: closed, no card). Returns the y under the last card.
    static double placeProducers(ClusterLayout& L, const obs::Observation& o, const QRectF& column,
                                 std::vector<std::int32_t>& producerItem);
    /// The legend at the bottom of `column`, if it fits below `top` (else none); `olderRecords`:
    /// with "+N: older records not drawn".
    static void placeLegend(ClusterLayout& L, const QRectF& column, double top, bool olderRecords, bool beforeMarkers);
    /// The summary row's text for a broker with `replicas` of which `shown` are drawn.
    static QString hiddenSummaryText(std::size_t replicas, std::size_t shown);
};

} // namespace fluxolab::app
