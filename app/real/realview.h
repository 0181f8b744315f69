#pragma once
// What the main window shows in real mode, from the observation RealObserver fills: the
// simulation's own cluster canvas and plots (what a real cluster cannot show left out and said so),
// the four tables Kafka's tools print, the groups with members, assignments, committed offsets and
// lag, the rebalances seen between refreshes, and the list of what a real cluster does not let
// FluxoLab see.

#ifndef Q_MOC_RUN
#include "app/core/simulationcontroller.h"
#include "labs/rdkafka/real_observer.h"
#endif

#include <QRectF>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QCustomPlot;
class QLabel;
class QListWidget;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace fluxolab::app {

class ClusterCanvas;
class PlotsView;
class RealModeController;
class TopicsModel;
class PartitionsModel;
class GroupsModel;
class OffsetsModel;

/// The real cluster's timeline: the time since the first answer of this connection, with a tick
/// for each rebalance detected between two refreshes (RealObserver::rebalances), in the colour the
/// simulation's scrubber gives rebalances. Its tooltip names the rebalances under the mouse.
class RealTimeline : public QWidget {
    Q_OBJECT
public:
    explicit RealTimeline(QWidget* parent = nullptr);
    /// From `firstMs` to `lastMs` (epoch ms), with these rebalances.
    void display(std::int64_t firstMs, std::int64_t lastMs, std::vector<labs::ObservedRebalance> marks);
    std::size_t markerCount() const { return m_marks.size(); }
    /// Where the tick of rebalance `i` is drawn (x in widget pixels).
    double markerX(std::size_t i) const;
    /// The rebalances within a few pixels of x, one line each (the tooltip).
    QString textAt(double x) const;
    QSize sizeHint() const override;
    /// The bar the ticks are on (widget pixels).
    QRectF bar() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    std::int64_t m_first = -1, m_last = -1;
    std::vector<labs::ObservedRebalance> m_marks;
};

class RealView : public QWidget {
    Q_OBJECT
public:
    RealView(RealModeController* controller, QWidget* parent);

    /// Forgets the previous connection's data.
    void reset();
    /// Redraws from the controller's newest observation and history.
    void refresh();

    TopicsModel* topicsModel() const { return m_topics; }
    PartitionsModel* partitionsModel() const { return m_partitions; }
    GroupsModel* groupsModel() const { return m_groups; }
    OffsetsModel* offsetsModel() const { return m_offsets; }
    QTreeWidget* groupTree() const { return m_tree; }
    /// The simulation's canvas and plots, on the real cluster's observation and refreshes.
    ClusterCanvas* canvas() const { return m_canvas; }
    PlotsView* plots() const { return m_plots; }
    QCustomPlot* lagPlot() const;
    /// What the plots show: one sample per answered refresh (time in seconds since the first).
    const PlotSeries& series() const { return m_series; }
    QListWidget* rebalanceList() const { return m_rebalanceList; }
    QTabWidget* tabs() const { return m_tabs; }
    QLabel* summary() const { return m_summary; }
    RealTimeline* timeline() const { return m_timeline; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refreshTree();
    void refreshPlot();
    /// Adds the newest observation's sample to the plots' series (once per answered refresh).
    void sample();

    RealModeController* m_controller;
    QLabel* m_summary;
    RealTimeline* m_timeline;
    QTabWidget* m_tabs;
    TopicsModel* m_topics;
    PartitionsModel* m_partitions;
    GroupsModel* m_groups;
    OffsetsModel* m_offsets;
    std::vector<QLabel*> m_tableTitles;
    QTreeWidget* m_tree;
    ClusterCanvas* m_canvas;
    PlotsView* m_plots;
    PlotSeries m_series;
    std::int64_t m_firstMs = -1;  ///< epoch ms of the first sample
    std::int64_t m_sampledMs = -1; ///< epoch ms of the newest sample
    std::map<std::string, std::int32_t> m_groupIndex; ///< the series' keys for names
    std::map<std::string, std::int32_t> m_topicIndex;
    QListWidget* m_rebalanceList;
    QLabel* m_hidden;
};

} // namespace fluxolab::app
