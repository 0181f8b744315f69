#include "app/real/realview.h"

#include "app/cluster/clustercanvas.h"
#include "app/cluster/plotsview.h"
#include "app/cluster/tablemodels.h"
#include "app/core/mainwindow.h"
#include "app/core/texts.h"
#include "app/real/realcontroller.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

// qcustomplot.h uses the signals/slots keywords, which QT_NO_KEYWORDS turns off for our own code.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

namespace fluxolab::app {

namespace {
QString clock(std::int64_t epochMs) {
    return QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("HH:mm:ss"));
}
QTableView* tableFor(QAbstractItemModel* model, QWidget* parent) {
    auto* v = new QTableView(parent);
    v->setModel(model);
    v->verticalHeader()->hide();
    v->horizontalHeader()->setStretchLastSection(true);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return v;
}
} // namespace

RealTimeline::RealTimeline(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("realTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize RealTimeline::sizeHint() const { return {400, fontMetrics().height() + 16}; }

void RealTimeline::display(std::int64_t firstMs, std::int64_t lastMs, std::vector<labs::ObservedRebalance> marks) {
    m_first = firstMs;
    m_last = lastMs;
    m_marks = std::move(marks);
    update();
}

QRectF RealTimeline::bar() const {
    const QFontMetrics fm = fontMetrics();
    const double label = fm.horizontalAdvance(QStringLiteral("00:00:00")) + 10;
    return QRectF(label, height() / 2.0 - 4, std::max(1.0, width() - 2 * label), 8);
}

double RealTimeline::markerX(std::size_t i) const {
    const QRectF b = bar();
    if (i >= m_marks.size() || m_first < 0) return b.left();
    const double span = static_cast<double>(std::max<std::int64_t>(1, m_last - m_first));
    const double f = std::clamp(static_cast<double>(m_marks[i].time - m_first) / span, 0.0, 1.0);
    return b.left() + f * b.width();
}

QString RealTimeline::textAt(double x) const {
    QStringList lines;
    for (std::size_t i = 0; i < m_marks.size(); ++i)
        if (std::abs(markerX(i) - x) <= 4)
            lines << tr("%1  rebalance of %2").arg(clock(m_marks[i].time), QString::fromStdString(m_marks[i].group));
    return lines.join(QLatin1Char('\n'));
}

void RealTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF b = bar();
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Mid));
    p.drawRoundedRect(b, 3, 3);
    if (m_first < 0) return;
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(0, 0, b.left() - 4, height()), Qt::AlignRight | Qt::AlignVCenter, clock(m_first));
    p.drawText(QRectF(b.right() + 4, 0, width() - b.right() - 4, height()), Qt::AlignLeft | Qt::AlignVCenter, clock(m_last));
    // The simulation's scrubber draws rebalances in this colour (timelinebar.cpp).
    p.setPen(QPen(QColor(0xe6, 0x7e, 0x22), 3));
    for (std::size_t i = 0; i < m_marks.size(); ++i) {
        const double x = markerX(i);
        p.drawLine(QPointF(x, b.top() - 5), QPointF(x, b.bottom() + 5));
    }
}

bool RealTimeline::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(e);
        const QString text = textAt(help->pos().x());
        if (text.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

RealView::RealView(RealModeController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("realView"));
    auto* column = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("realSummary"));
    m_summary->setWordWrap(true);
    column->addWidget(m_summary);
    m_timeline = new RealTimeline(this);
    column->addWidget(m_timeline);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    column->addWidget(m_tabs, 1);

    SimulationController* sim = static_cast<MainWindow*>(controller->parent())->controller();

    // ---- the simulation's cluster canvas, on the real observation (watch only: no broker menu) ----
    m_canvas = new ClusterCanvas(sim, m_tabs);
    m_canvas->setObjectName(QStringLiteral("realCanvas"));
    m_canvas->setInteractive(false);
    m_canvas->showObservation(labs::observe::Observation{});
    m_tabs->addTab(m_canvas, QString());

    // ---- the simulation's plots on the refreshes, the rebalances seen beside them ----
    auto* split = new QSplitter(Qt::Horizontal, m_tabs);
    split->setObjectName(QStringLiteral("realLag"));
    m_plots = new PlotsView(sim, split);
    m_plots->setObjectName(QStringLiteral("realPlots"));
    m_plots->showSeries(&m_series);
    m_rebalanceList = new QListWidget(split);
    m_rebalanceList->setObjectName(QStringLiteral("realRebalances"));
    split->addWidget(m_plots);
    split->addWidget(m_rebalanceList);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_tabs->addTab(split, QString());

    // ---- tables: the models the simulation's Tables view uses, on the real observation ----
    m_topics = new TopicsModel(sim, this);
    m_partitions = new PartitionsModel(sim, this);
    m_groups = new GroupsModel(sim, this);
    m_offsets = new OffsetsModel(sim, this);
    auto* tables = new QWidget(m_tabs);
    tables->setObjectName(QStringLiteral("realTables"));
    auto* tcol = new QVBoxLayout(tables);
    const std::vector<SnapshotTableModel*> models{m_topics, m_partitions, m_groups, m_offsets};
    for (SnapshotTableModel* m : models) {
        m->setObservation(labs::observe::Observation{});
        auto* title = new QLabel(tables);
        title->setStyleSheet(QStringLiteral("font-weight: bold"));
        m_tableTitles.push_back(title);
        tcol->addWidget(title);
        QTableView* view = tableFor(m, tables);
        // DescribeGroups carries no generation: the column stays out rather than show 0.
        if (m == m_groups) view->setColumnHidden(5, true);
        tcol->addWidget(view, 1);
    }
    m_tabs->addTab(tables, QString());

    // ---- groups in detail ----
    m_tree = new QTreeWidget(m_tabs);
    m_tree->setObjectName(QStringLiteral("realGroups"));
    m_tree->setColumnCount(4);
    m_tabs->addTab(m_tree, QString());

    // ---- what a real cluster does not show ----
    m_hidden = new QLabel(m_tabs);
    m_hidden->setObjectName(QStringLiteral("realNotVisible"));
    m_hidden->setWordWrap(true);
    m_hidden->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_hidden->setMargin(12);
    m_tabs->addTab(m_hidden, QString());

    connect(controller, &RealModeController::refreshed, this, &RealView::refresh);
    retranslate();
}

void RealView::reset() {
    for (SnapshotTableModel* m : std::vector<SnapshotTableModel*>{m_topics, m_partitions, m_groups, m_offsets})
        m->setObservation(labs::observe::Observation{});
    m_tree->clear();
    m_rebalanceList->clear();
    m_series.clear();
    m_firstMs = m_sampledMs = -1;
    m_groupIndex.clear();
    m_topicIndex.clear();
    m_canvas->showObservation(labs::observe::Observation{});
    m_plots->showSeries(&m_series);
    m_timeline->display(-1, -1, {});
    retranslate();
}

void RealView::refresh() {
    const auto& latest = m_controller->latest();
    if (latest) {
        for (SnapshotTableModel* m : std::vector<SnapshotTableModel*>{m_topics, m_partitions, m_groups, m_offsets})
            m->setObservation(*latest);
        m_canvas->showObservation(*latest);
        sample();
    }
    refreshTree();
    refreshPlot();
    retranslate();
}

void RealView::refreshTree() {
    const auto& latest = m_controller->latest();
    if (!latest) return;
    m_tree->clear();
    for (const labs::observe::Group& g : latest->groups) {
        if (g.internal) continue;
        auto* gi = new QTreeWidgetItem(m_tree);
        gi->setText(0, QString::fromStdString(g.name));
        gi->setText(1, Texts::groupState(g.state));
        gi->setText(2, g.protocol.empty() ? QStringLiteral("-") : QString::fromStdString(g.protocol));
        gi->setText(3, g.coordinator_host.empty() ? QStringLiteral("-")
                                                  : QStringLiteral("%1 (%2)").arg(QString::fromStdString(g.coordinator_host)).arg(g.coordinator));
        for (const labs::observe::Member& m : g.members) {
            auto* mi = new QTreeWidgetItem(gi);
            mi->setText(0, QString::fromStdString(m.client_id));
            mi->setText(1, QString::fromStdString(m.host));
            QStringList parts;
            for (const auto& [t, p] : m.assigned) parts << QStringLiteral("%1-%2").arg(QString::fromStdString(t)).arg(p);
            mi->setText(2, parts.join(QStringLiteral(", ")));
            mi->setText(3, QString::fromStdString(m.member_id));
        }
        for (const auto& [tp, off] : g.committed) {
            auto* oi = new QTreeWidgetItem(gi);
            oi->setText(0, QStringLiteral("%1-%2").arg(QString::fromStdString(tp.first)).arg(tp.second));
            const auto lag = g.lag.find(tp);
            oi->setText(1, tr("committed %1").arg(off));
            oi->setText(2, lag != g.lag.end() ? tr("lag %1").arg(lag->second) : QStringLiteral("-"));
        }
        gi->setExpanded(true);
    }
    for (int c = 0; c < m_tree->columnCount(); ++c) m_tree->resizeColumnToContents(c);
}

QCustomPlot* RealView::lagPlot() const { return m_plots->lagPlot(); }

void RealView::sample() {
    const labs::observe::Observation& o = *m_controller->latest();
    if (o.time == m_sampledMs) return; // a refresh without an answer: the same observation
    if (m_firstMs < 0) m_firstMs = o.time;
    const double t = static_cast<double>(o.time - m_firstMs) / 1000.0;
    const double dt = m_series.time_s.empty() ? 0.0 : t - m_series.time_s.back();
    const std::size_t n = m_series.time_s.size(); // the new sample's index
    m_series.time_s.push_back(t);
    m_sampledMs = o.time;
    // Every series has a value (or NaN) for every sample: a group or partition seen later starts with NaNs.
    auto put = [n](std::vector<double>& v, double x) {
        v.resize(n, std::nan(""));
        v.push_back(x);
    };
    double hw = 0;
    for (const auto& p : o.partitions)
        if (!labs::observe::isInternalName(p.topic)) hw += static_cast<double>(p.high_watermark);
    // Records written per second: how far the high watermarks moved since the previous refresh.
    // What the consumers fetched and the leaders' LEO are not visible on a real cluster (NaN).
    const double produced = n > 0 && dt > 0 && !std::isnan(m_series.hw_total.back())
                                ? std::max(0.0, hw - m_series.hw_total.back()) / dt
                                : std::nan("");
    put(m_series.produce_rate, produced);
    put(m_series.consume_rate, std::nan(""));
    put(m_series.hw_total, hw);
    put(m_series.leo_total, std::nan(""));
    auto index = [](std::map<std::string, std::int32_t>& m, const std::string& name) {
        return m.emplace(name, static_cast<std::int32_t>(m.size())).first->second;
    };
    for (const labs::observe::Group& g : o.groups) {
        if (g.internal) continue;
        // The group's ordinal (kept for the connection): its lag line has its colour on the canvas.
        const std::int32_t gi = g.ordinal >= 0 ? g.ordinal : index(m_groupIndex, g.name);
        m_series.group_names[gi] = g.name;
        double total = 0;
        for (const auto& [tp, lag] : g.lag) {
            total += static_cast<double>(lag);
            const std::int32_t ti = index(m_topicIndex, tp.first);
            const auto key = std::make_pair(gi, std::make_pair(ti, tp.second));
            m_series.partition_names[key] = tp;
            put(m_series.partition_lag[key], static_cast<double>(lag));
        }
        // No partition with a lag (nothing committed yet: "-"): a gap, not 0.
        put(m_series.group_lag[gi], g.lag.empty() ? std::nan("") : total);
    }
}

void RealView::refreshPlot() {
    std::vector<double> marks;
    m_rebalanceList->clear();
    for (const labs::ObservedRebalance& r : m_controller->rebalances()) {
        if (m_firstMs >= 0) marks.push_back(static_cast<double>(r.time - m_firstMs) / 1000.0);
        QString why;
        switch (r.evidence) {
        case labs::ObservedRebalance::Evidence::StateChange: why = tr("state changed to rebalancing"); break;
        case labs::ObservedRebalance::Evidence::MembershipChange: why = tr("members joined or left"); break;
        case labs::ObservedRebalance::Evidence::AssignmentChange: why = tr("assignment changed"); break;
        case labs::ObservedRebalance::Evidence::GenerationChange:
            why = tr("generation %1 stored by the coordinator").arg(r.generation);
            break;
        }
        m_rebalanceList->addItem(tr("%1  rebalance of %2: %3").arg(clock(r.time), QString::fromStdString(r.group), why));
    }
    m_plots->showSeries(&m_series, std::move(marks));
    m_timeline->display(m_firstMs, m_sampledMs, m_controller->rebalances());
}

void RealView::retranslate() {
    m_tabs->setTabText(0, tr("Cluster"));
    m_tabs->setTabText(1, tr("Lag over time"));
    m_tabs->setTabText(2, tr("Tables"));
    m_tabs->setTabText(3, tr("Consumer groups"));
    m_tabs->setTabText(4, tr("Not visible on a real cluster"));
    const char* titles[] = {QT_TR_NOOP("Topics (kafka-topics --describe)"), QT_TR_NOOP("Partitions"),
                            QT_TR_NOOP("Groups (kafka-consumer-groups --describe --state)"),
                            QT_TR_NOOP("Offsets and lag (kafka-consumer-groups --describe)")};
    for (std::size_t i = 0; i < m_tableTitles.size(); ++i) m_tableTitles[i]->setText(tr(titles[i]));
    m_tree->setHeaderLabels({tr("Group / member / partition"), tr("State / host / offset"),
                             tr("Assignor / assignment / lag"), tr("Coordinator / member id")});
    m_hidden->setText(
        tr("<p>A real cluster's Admin API shows topics, partitions, leaders, replicas, ISR, high watermarks, "
           "groups, members, assignments and committed offsets. This is refreshed every second.</p>"
           "<p><b>Not visible on a real cluster</b>, so not shown here:</p><ul>"
           "<li>the animation of each record (produce, replication, fetch) and the records in flight;</li>"
           "<li>each replica's log end offset (only the leader's high watermark and the ISR);</li>"
           "<li>the inside of a rebalance (join and sync phases, revocations): a rebalance is seen when the "
           "group's coordinator stores a new generation in __consumer_offsets (where that topic cannot be read, "
           "when one refresh shows a change against the previous one);</li>"
           "<li>the clients' own state (positions, pauses, retries);</li>"
           "<li>which controller is active (the KRaft quorum is not in the metadata clients get);</li>"
           "<li>going back in time: a real cluster has no journal.</li></ul>"
           "<p>The terminal and the open lab act on this real cluster.</p>"));
    const auto& latest = m_controller->latest();
    if (!latest) {
        m_summary->setText(tr("Real cluster %1: waiting for the first answer…").arg(m_controller->bootstrap()));
    } else {
        int topics = 0, groups = 0;
        for (const auto& t : latest->topics) topics += t.internal ? 0 : 1;
        for (const auto& g : latest->groups) groups += g.internal ? 0 : 1;
        // Each count with its own plural form: "1 tópico", "2 tópicos".
        m_summary->setText(tr("Real cluster %1: %2, %3, %4; last answer at %5.")
                               .arg(m_controller->bootstrap(), tr("%n broker(s)", nullptr, static_cast<int>(latest->brokers.size())),
                                    tr("%n topic(s)", nullptr, topics), tr("%n group(s)", nullptr, groups), clock(latest->time)));
    }
}

void RealView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
