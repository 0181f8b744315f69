#include "app/real/realview.h"

#include "app/cluster/tablemodels.h"
#include "app/core/mainwindow.h"
#include "app/core/texts.h"
#include "app/real/realcontroller.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

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

RealView::RealView(RealModeController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("realView"));
    auto* column = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("realSummary"));
    m_summary->setWordWrap(true);
    column->addWidget(m_summary);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    column->addWidget(m_tabs, 1);

    // ---- tables: the models the simulation's Tables view uses, on the real observation ----
    SimulationController* sim = static_cast<MainWindow*>(controller->parent())->controller();
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

    // ---- lag over time, rebalances on it ----
    auto* split = new QSplitter(Qt::Horizontal, m_tabs);
    split->setObjectName(QStringLiteral("realLag"));
    m_plot = new QCustomPlot(split);
    m_plot->setObjectName(QStringLiteral("realLagPlot"));
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->legend->setVisible(true);
    m_plot->setMinimumWidth(300);
    m_rebalanceList = new QListWidget(split);
    m_rebalanceList->setObjectName(QStringLiteral("realRebalances"));
    split->addWidget(m_plot);
    split->addWidget(m_rebalanceList);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_tabs->addTab(split, QString());

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
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_plot->replot();
    retranslate();
}

void RealView::refresh() {
    const auto& latest = m_controller->latest();
    if (latest)
        for (SnapshotTableModel* m : std::vector<SnapshotTableModel*>{m_topics, m_partitions, m_groups, m_offsets})
            m->setObservation(*latest);
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

void RealView::refreshPlot() {
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b)};
    m_plot->clearGraphs();
    m_plot->clearItems();
    double lo = 0, hi = 0, top = 1;
    bool any = false;
    int i = 0;
    for (const auto& [group, points] : m_controller->lagHistory()) {
        QCPGraph* g = m_plot->addGraph();
        g->setName(QString::fromStdString(group));
        g->setPen(QPen(colors[i++ % 6], 2));
        g->setLineStyle(QCPGraph::lsStepLeft);
        for (const auto& [t, lag] : points) {
            const double x = static_cast<double>(t) / 1000.0;
            g->addData(x, static_cast<double>(lag));
            lo = any ? std::min(lo, x) : x;
            hi = any ? std::max(hi, x) : x;
            top = std::max(top, static_cast<double>(lag));
            any = true;
        }
    }
    m_rebalanceList->clear();
    for (const labs::ObservedRebalance& r : m_controller->rebalances()) {
        const double x = static_cast<double>(r.time) / 1000.0;
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(QColor(0x88, 0x88, 0x88), 1, Qt::DashLine));
        QString why;
        switch (r.evidence) {
        case labs::ObservedRebalance::Evidence::StateChange: why = tr("state changed to rebalancing"); break;
        case labs::ObservedRebalance::Evidence::MembershipChange: why = tr("members joined or left"); break;
        case labs::ObservedRebalance::Evidence::AssignmentChange: why = tr("assignment changed"); break;
        }
        m_rebalanceList->addItem(tr("%1  rebalance of %2: %3").arg(clock(r.time), QString::fromStdString(r.group), why));
    }
    if (any) {
        m_plot->xAxis->setRange(std::max(lo, hi - 300.0), std::max(hi, lo + 10.0));
        m_plot->yAxis->setRange(0, top * 1.15);
    }
    m_plot->replot();
}

void RealView::retranslate() {
    m_tabs->setTabText(0, tr("Tables"));
    m_tabs->setTabText(1, tr("Consumer groups"));
    m_tabs->setTabText(2, tr("Lag over time"));
    m_tabs->setTabText(3, tr("Not visible on a real cluster"));
    const char* titles[] = {QT_TR_NOOP("Topics (kafka-topics --describe)"), QT_TR_NOOP("Partitions"),
                            QT_TR_NOOP("Groups (kafka-consumer-groups --describe --state)"),
                            QT_TR_NOOP("Offsets and lag (kafka-consumer-groups --describe)")};
    for (std::size_t i = 0; i < m_tableTitles.size(); ++i) m_tableTitles[i]->setText(tr(titles[i]));
    m_tree->setHeaderLabels({tr("Group / member / partition"), tr("State / host / offset"),
                             tr("Assignor / assignment / lag"), tr("Coordinator / member id")});
    m_plot->xAxis->setLabel(tr("time"));
    m_plot->yAxis->setLabel(tr("lag (records)"));
    m_hidden->setText(
        tr("<p>A real cluster's Admin API shows topics, partitions, leaders, replicas, ISR, high watermarks, "
           "groups, members, assignments and committed offsets. This is refreshed every second.</p>"
           "<p><b>Not visible on a real cluster</b>, so not shown here:</p><ul>"
           "<li>the animation of each record (produce, replication, fetch) and the records in flight;</li>"
           "<li>each replica's log end offset (only the leader's high watermark and the ISR);</li>"
           "<li>the inside of a rebalance (join and sync phases, revocations) and the group's generation: "
           "rebalances appear only when one refresh shows a change against the previous one;</li>"
           "<li>the clients' own state (positions, pauses, retries);</li>"
           "<li>which controller is active (the KRaft quorum is not in the metadata clients get);</li>"
           "<li>going back in time: a real cluster has no journal.</li></ul>"
           "<p>The terminal and the labs still work on the simulation: they are hidden in this mode.</p>"));
    const auto& latest = m_controller->latest();
    if (!latest) {
        m_summary->setText(tr("Real cluster %1: waiting for the first answer…").arg(m_controller->bootstrap()));
    } else {
        int topics = 0, groups = 0;
        for (const auto& t : latest->topics) topics += t.internal ? 0 : 1;
        for (const auto& g : latest->groups) groups += g.internal ? 0 : 1;
        m_summary->setText(tr("Real cluster %1: %2 broker(s), %3 topic(s), %4 group(s); last answer at %5.")
                               .arg(m_controller->bootstrap())
                               .arg(latest->brokers.size())
                               .arg(topics)
                               .arg(groups)
                               .arg(clock(latest->time)));
    }
}

void RealView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
