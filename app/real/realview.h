#pragma once
// What the main window shows in real mode: the four tables Kafka's tools print (from the
// observation RealObserver fills), the groups with members, assignments, committed offsets and lag,
// the lag of each group over time with the rebalances seen between refreshes drawn on it, and
// the list of what a real cluster does not let FluxoLab see.

#include <QWidget>

class QCustomPlot;
class QLabel;
class QListWidget;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace fluxolab::app {

class RealModeController;
class TopicsModel;
class PartitionsModel;
class GroupsModel;
class OffsetsModel;

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
    QCustomPlot* lagPlot() const { return m_plot; }
    QListWidget* rebalanceList() const { return m_rebalanceList; }
    QTabWidget* tabs() const { return m_tabs; }
    QLabel* summary() const { return m_summary; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refreshTree();
    void refreshPlot();

    RealModeController* m_controller;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    TopicsModel* m_topics;
    PartitionsModel* m_partitions;
    GroupsModel* m_groups;
    OffsetsModel* m_offsets;
    std::vector<QLabel*> m_tableTitles;
    QTreeWidget* m_tree;
    QCustomPlot* m_plot;
    QListWidget* m_rebalanceList;
    QLabel* m_hidden;
};

} // namespace fluxolab::app
