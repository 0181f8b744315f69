#pragma once
// Qt models over the observation at the timeline cursor, with the numbers Kafka's CLI tools
// print (kafka-topics --describe, kafka-consumer-groups --describe / --state / --members).

#ifndef Q_MOC_RUN
#include "labs/observe/observation.h"
#endif

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>
#include <vector>

namespace fluxolab::app {

class SimulationController;

/// Rows of strings recomputed from the controller at every change; columns named by the subclass.
class SnapshotTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit SnapshotTableModel(SimulationController* controller, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// Recomputes the rows (on every controller change while active).
    void refresh();
    /// Inactive models (their tab is not shown) only note that they are stale: recomputing four
    /// tables every frame at 64x is a third of a frame. Activating refreshes a stale model.
    void setActive(bool active);
    const std::vector<QStringList>& rows() const {
        freshen();
        return m_rows;
    }
    /// Cell text, for tests: row r, column named `header` (untranslated key).
    QString cell(int row, int column) const;
    /// Shows this observation instead of the controller's (another backend; tests); nullopt: the controller's.
    void setObservation(std::optional<labs::observe::Observation> observation);
    /// `header` on two lines, broken where it reads best (a hyphen, a space, a camel-case capital).
    static QString wrappedHeader(const QString& header);
    /// Columns whose long values may wrap on two lines when the table is narrower than its contents.
    virtual bool wrappable(int column) const { Q_UNUSED(column); return false; }
    /// Columns whose long values stay on one line, shortened in the middle when the table is narrower
    /// than its contents (the whole value is the cell's tooltip).
    virtual bool elidable(int column) const { Q_UNUSED(column); return false; }
    /// An elidable column shortened at its end ("a=1,b=2,c…": a list whose first items say most)
    /// rather than in the middle (a member id's start and end say who it is).
    virtual bool elidedAtEnd(int column) const { Q_UNUSED(column); return false; }

protected:
    virtual QStringList headers() const = 0;
    virtual std::vector<QStringList> compute() const = 0;
    virtual bool numeric(int column) const { Q_UNUSED(column); return false; }
    virtual QString headerTip(int column) const { Q_UNUSED(column); return {}; }
    /// What the rows are computed from (nullptr: nothing loaded).
    const labs::observe::Observation* observation() const;
    SimulationController* m_controller;

private:
    void freshen() const {
        if (m_stale) const_cast<SnapshotTableModel*>(this)->refresh();
    }
    std::vector<QStringList> m_rows;
    std::optional<labs::observe::Observation> m_override;
    int m_columns = 0;
    bool m_active = true;
    bool m_stale = false;
};

class TopicsModel : public SnapshotTableModel {
    Q_OBJECT
public:
    using SnapshotTableModel::SnapshotTableModel;
protected:
    QStringList headers() const override;
    std::vector<QStringList> compute() const override;
    bool numeric(int column) const override { return column == 2 || column == 3; }
public:
    /// Configs on one line, shortened at the end, with one config a line in the cell's tooltip: wrapped
    /// at 1366x768 in presentation mode a topic's configs took six lines and the pane showed one topic.
    bool elidable(int column) const override { return column == 4; }
    bool elidedAtEnd(int column) const override { return column == 4; }
    QVariant data(const QModelIndex& index, int role) const override;
};

class PartitionsModel : public SnapshotTableModel {
    Q_OBJECT
public:
    using SnapshotTableModel::SnapshotTableModel;
protected:
    QStringList headers() const override;
    std::vector<QStringList> compute() const override;
    bool numeric(int column) const override { return column == 1 || column >= 5; }
    QString headerTip(int column) const override;
};

class GroupsModel : public SnapshotTableModel {
    Q_OBJECT
public:
    using SnapshotTableModel::SnapshotTableModel;
protected:
    QStringList headers() const override;
    std::vector<QStringList> compute() const override;
    bool numeric(int column) const override { return column >= 4; }
    QString headerTip(int column) const override;
public:
    bool wrappable(int column) const override { return column == 1; }
};

/// kafka-consumer-groups --describe: one row per (group, partition).
class OffsetsModel : public SnapshotTableModel {
    Q_OBJECT
public:
    using SnapshotTableModel::SnapshotTableModel;
protected:
    QStringList headers() const override;
    std::vector<QStringList> compute() const override;
    bool numeric(int column) const override { return column >= 2 && column <= 5; }
    QString headerTip(int column) const override;
public:
    /// A member id (client id, a hyphen and a UUID: 57 characters) shortened on one line: wrapped, it
    /// took four lines a row at 1366x768 in presentation mode (issue #8). HOST and CLIENT-ID may wrap.
    bool wrappable(int column) const override { return column >= 7; }
    bool elidable(int column) const override { return column == 6; }
};

} // namespace fluxolab::app
