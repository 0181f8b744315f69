#pragma once
// The "Tables" view: the four tables Kafka's tools print (topics, partitions, groups, offsets),
// one above the other. Its models recompute only while the page is shown.

#include <QWidget>
#include <vector>

class QLabel;

namespace fluxolab::app {

class SimulationController;
class SnapshotTableModel;
class TopicsModel;
class PartitionsModel;
class GroupsModel;
class OffsetsModel;

class TablesPage : public QWidget {
    Q_OBJECT
public:
    explicit TablesPage(SimulationController* controller, QWidget* parent = nullptr);

    TopicsModel* topicsModel() const { return m_topics; }
    PartitionsModel* partitionsModel() const { return m_partitions; }
    GroupsModel* groupsModel() const { return m_groups; }
    OffsetsModel* offsetsModel() const { return m_offsets; }
    std::vector<SnapshotTableModel*> models() const;
    /// Inactive models only note that they are stale (the page is not the current tab).
    void setModelsActive(bool active);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    TopicsModel* m_topics;
    PartitionsModel* m_partitions;
    GroupsModel* m_groups;
    OffsetsModel* m_offsets;
    std::vector<QLabel*> m_titles;
};

} // namespace fluxolab::app
