#include "app/cluster/tablemodels.h"

#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"

#include <QRegularExpression>
#include <algorithm>
#include <map>
#include <set>

namespace fluxolab::app {

namespace {
QString dash() { return QStringLiteral("-"); }
QString joinIds(const std::vector<labs::BrokerId>& ids) {
    QStringList out;
    for (auto b : ids) out << QString::number(b);
    return out.join(QLatin1Char(','));
}
} // namespace

SnapshotTableModel::SnapshotTableModel(SimulationController* controller, QObject* parent)
    : QAbstractTableModel(parent), m_controller(controller) {
    connect(m_controller, &SimulationController::changed, this, [this] {
        if (m_active) refresh();
        else m_stale = true;
    });
    connect(m_controller, &SimulationController::reset, this, &SnapshotTableModel::refresh);
}

void SnapshotTableModel::setActive(bool active) {
    m_active = active;
    if (m_active && m_stale) refresh();
}

int SnapshotTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SnapshotTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(headers().size());
}

QVariant SnapshotTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) return {};
    const QStringList& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) return index.column() < row.size() ? row[index.column()] : QString();
    if (role == Qt::ToolTipRole && elidable(index.column()) && index.column() < row.size()) return row[index.column()];
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(numeric(index.column()) ? (Qt::AlignRight | Qt::AlignVCenter) : (Qt::AlignLeft | Qt::AlignVCenter));
    return {};
}

QString SnapshotTableModel::wrappedHeader(const QString& header) {
    // Where a line may break: after a hyphen (LOG-END-|OFFSET), at a space (Início |do log), before
    // the capital of a camel-case word (Partition|Count). The break that makes the longer line shortest.
    int best = -1;
    qsizetype bestWidth = header.size();
    for (qsizetype i = 1; i < header.size(); ++i) {
        const QChar prev = header.at(i - 1), ch = header.at(i);
        const bool at = prev == QLatin1Char('-') || ch == QLatin1Char(' ') || (prev.isLower() && ch.isUpper());
        if (!at) continue;
        const qsizetype rest = ch == QLatin1Char(' ') ? header.size() - i - 1 : header.size() - i;
        const qsizetype width = std::max(i, rest);
        if (width < bestWidth) {
            bestWidth = width;
            best = static_cast<int>(i);
        }
    }
    if (best < 0) return header;
    if (header.at(best) == QLatin1Char(' ')) return header.left(best) + QLatin1Char('\n') + header.mid(best + 1);
    return header.left(best) + QLatin1Char('\n') + header.mid(best);
}

QVariant SnapshotTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        // Kafka's words as its tools print them, on two lines where the column's values are narrower
        // than the word ("PartitionCount" over "3"): a header wider than its values took the width
        // the other columns needed (issue #8, the Tables view at 1366x768 in presentation mode).
        const QString header = headers().value(section);
        qsizetype widest = 0;
        for (const QStringList& row : m_rows) widest = std::max(widest, row.value(section).size());
        return header.size() > widest + 2 ? wrappedHeader(header) : header;
    }
    if (role == Qt::ToolTipRole) {
        const QString tip = headerTip(section);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    return {};
}

QString SnapshotTableModel::cell(int row, int column) const {
    freshen();
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return {};
    return m_rows[static_cast<std::size_t>(row)].value(column);
}

const labs::observe::Observation* SnapshotTableModel::observation() const {
    if (m_override) return &*m_override;
    return m_controller->hasRun() ? &m_controller->observation() : nullptr;
}

void SnapshotTableModel::setObservation(std::optional<labs::observe::Observation> observation) {
    m_override = std::move(observation);
    refresh();
}

void SnapshotTableModel::refresh() {
    m_stale = false;
    std::vector<QStringList> rows = observation() ? compute() : std::vector<QStringList>{};
    const int columns = static_cast<int>(headers().size());
    if (rows.size() != m_rows.size() || columns != m_columns) {
        beginResetModel();
        m_rows = std::move(rows);
        m_columns = columns;
        endResetModel();
        return;
    }
    if (rows == m_rows) return;
    m_rows = std::move(rows);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

// ---- topics: kafka-topics --describe, first line ----

QVariant TopicsModel::data(const QModelIndex& index, int role) const {
    // The configs' tooltip: one "name=value" a line (a value may hold commas, as a throttled-replicas
    // list "0:1,1:2" does: a line starts only where a name and "=" follow the comma).
    if (role == Qt::ToolTipRole && index.isValid() && index.column() == 4) {
        static const QRegularExpression nextConfig(QStringLiteral(",(?=[a-z][a-z0-9._-]*=)"));
        return SnapshotTableModel::data(index, role).toString().split(nextConfig).join(QLatin1Char('\n'));
    }
    return SnapshotTableModel::data(index, role);
}

QStringList TopicsModel::headers() const {
    return {tr("Topic"), tr("TopicId"), tr("PartitionCount"), tr("ReplicationFactor"), tr("Configs")};
}

std::vector<QStringList> TopicsModel::compute() const {
    std::vector<QStringList> rows;
    for (const auto& t : observation()->topics) {
        QStringList kv;
        for (const auto& [k, val] : t.configs) kv << QString::fromStdString(k + "=" + val);
        rows.push_back({QString::fromStdString(t.name), t.topic_id.empty() ? dash() : QString::fromStdString(t.topic_id),
                        QString::number(t.partitions), QString::number(t.replication_factor), kv.join(QLatin1Char(','))});
    }
    std::sort(rows.begin(), rows.end(), [](const QStringList& a, const QStringList& b) { return a[0] < b[0]; });
    return rows;
}

// ---- partitions: kafka-topics --describe partition lines + offsets ----

QStringList PartitionsModel::headers() const {
    return {tr("Topic"), tr("Partition"), tr("Leader"), tr("Replicas"), tr("Isr"), tr("Log start"), tr("HW"), tr("LEO")};
}

QString PartitionsModel::headerTip(int column) const {
    switch (column) {
    case 2: return Texts::helpLeader();
    case 4: return Texts::helpIsr();
    case 5: return Texts::helpLogStart();
    case 6: return Texts::helpHighWatermark();
    case 7: return Texts::helpLogEndOffset();
    default: return {};
    }
}

std::vector<QStringList> PartitionsModel::compute() const {
    const labs::observe::Observation& o = *observation();
    // A leader's log end offset beyond the high watermark is replica fetch state: a real cluster's
    // admin API does not report it.
    const bool leo = o.has(labs::observe::Capability::ReplicaFetchState);
    std::vector<QStringList> out;
    for (const auto& p : o.partitions) {
        if (labs::observe::isInternalName(p.topic)) continue;
        out.push_back({QString::fromStdString(p.topic), QString::number(p.partition),
                       p.leader < 0 ? QStringLiteral("none") : QString::number(p.leader), joinIds(p.replicas), joinIds(p.isr),
                       QString::number(p.log_start), QString::number(p.high_watermark),
                       leo ? QString::number(p.log_end) : dash()});
    }
    return out; // the observation lists partitions by (topic, partition)
}

// ---- groups: kafka-consumer-groups --describe --state ----

QStringList GroupsModel::headers() const {
    return {tr("GROUP"), tr("COORDINATOR (ID)"), tr("ASSIGNMENT-STRATEGY"), tr("STATE"), tr("#MEMBERS"), tr("GENERATION")};
}

QString GroupsModel::headerTip(int column) const {
    switch (column) {
    case 3: return Texts::helpGroup();
    case 5: return Texts::helpGeneration();
    default: return {};
    }
}

std::vector<QStringList> GroupsModel::compute() const {
    std::vector<QStringList> rows;
    for (const auto& g : observation()->groups) {
        // The coordinator of the moment shown (not of "now"), and no state when nobody serves the group.
        const QString coordinator = g.coordinator >= 0 ? QStringLiteral("%1  (%2)").arg(QString::fromStdString(g.coordinator_host)).arg(g.coordinator)
                                                       : dash();
        rows.push_back({QString::fromStdString(g.name), coordinator, QString::fromStdString(g.protocol),
                        g.coordinator_down ? Texts::noCoordinator() : Texts::groupState(g.state), QString::number(g.members.size()),
                        g.generation_known ? QString::number(g.generation) : dash()});
    }
    return rows; // the observation lists groups by name
}

// ---- offsets: kafka-consumer-groups --describe ----

QStringList OffsetsModel::headers() const {
    return {tr("GROUP"),   tr("TOPIC"),       tr("PARTITION"), tr("CURRENT-OFFSET"), tr("LOG-END-OFFSET"),
            tr("LAG"),     tr("CONSUMER-ID"), tr("HOST"),      tr("CLIENT-ID")};
}

QString OffsetsModel::headerTip(int column) const {
    switch (column) {
    case 3: return Texts::helpCommitted();
    case 4: return tr("LOG-END-OFFSET here is the high watermark (what ListOffsets(latest) returns), not the LEO.");
    case 5: return Texts::helpLag();
    default: return {};
    }
}

std::vector<QStringList> OffsetsModel::compute() const {
    const labs::observe::Observation& o = *observation();
    std::vector<QStringList> rows;
    for (const auto& g : o.groups) {
        if (g.internal) continue;
        const QString group = QString::fromStdString(g.name);
        auto row = [&](const labs::observe::PartitionKey& tp, const QString& cid, const QString& host, const QString& client) {
            const labs::observe::Partition* p = o.partition(tp.first, tp.second);
            const auto cit = g.committed.find(tp);
            const auto lit = g.lag.find(tp);
            rows.push_back({group, QString::fromStdString(tp.first), QString::number(tp.second),
                            cit == g.committed.end() ? dash() : QString::number(cit->second),
                            p ? QString::number(p->high_watermark) : dash(), lit == g.lag.end() ? dash() : QString::number(lit->second),
                            cid, host, client});
        };
        // Members with partitions, by number of partitions descending (stable).
        std::vector<const labs::observe::Member*> members;
        for (const auto& m : g.members)
            if (!m.assigned.empty()) members.push_back(&m);
        std::stable_sort(members.begin(), members.end(), [](auto a, auto b) { return a->assigned.size() > b->assigned.size(); });
        std::set<labs::observe::PartitionKey> owned;
        for (const auto* m : members) {
            const QString cid = m->member_id.empty() ? dash() : QString::fromStdString(m->member_id);
            const QString host = m->host.empty() ? dash() : QString::fromStdString(m->host);
            for (const auto& tp : m->assigned) {
                owned.insert(tp);
                row(tp, cid, host, QString::fromStdString(m->client_id));
            }
        }
        for (const auto& [tp, off] : g.committed)
            if (!owned.contains(tp)) row(tp, dash(), dash(), dash());
    }
    return rows;
}

} // namespace fluxolab::app
