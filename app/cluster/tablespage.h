#pragma once
// The "Tables" view: the four tables Kafka's tools print (topics, partitions, groups, offsets),
// one above the other. Its models recompute only while the page is shown.

#include <QWidget>
#include <vector>

class QFontMetrics;
class QLabel;
class QSplitter;
class QTableView;
class QTimer;

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

    /// The tables as laid out (topics, partitions, groups, offsets).
    const std::vector<QTableView*>& tables() const { return m_tables; }
    /// Fits each table's columns to its width now (normally done after the models change or the
    /// page is resized): every header and value whole, long values on two lines rather than a
    /// sideways scroll.
    void fitColumns();
    /// `text` as an elidable column's cell of `width` pixels draws it: whole when it fits, else its
    /// start as far as it fits, "…" and its last six characters.
    static QString elidedValue(const QString& text, const QFontMetrics& fm, int width);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void scheduleFit();

    TopicsModel* m_topics;
    PartitionsModel* m_partitions;
    GroupsModel* m_groups;
    OffsetsModel* m_offsets;
    std::vector<QLabel*> m_titles;
    std::vector<QTableView*> m_tables;
    QSplitter* m_split = nullptr;
    QTimer* m_fitTimer = nullptr;
    bool m_splitByUser = false;
    int m_fitTotal = -1;       ///< the width the cells' size was chosen for
    double m_fitTarget = -1;   ///< and the size they would have with room enough
};

} // namespace fluxolab::app
