#include "app/cluster/tablemodels.h"

#include "app/cluster/clusterlayout.h"

#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"

#include <algorithm>
#include <map>
#include <set>

namespace fluxolab::app {

namespace {
QString dash() { return QStringLiteral("-"); }
QString joinIds(const std::vector<sim::BrokerId>& ids) {
    QStringList out;
    for (auto b : ids) out << QString::number(b);
    return out.join(QLatin1Char(','));
}
bool internal(const std::string& name) { return name.starts_with("__"); }
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
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(numeric(index.column()) ? (Qt::AlignRight | Qt::AlignVCenter) : (Qt::AlignLeft | Qt::AlignVCenter));
    return {};
}

QVariant SnapshotTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) return headers().value(section);
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

void SnapshotTableModel::refresh() {
    m_stale = false;
    std::vector<QStringList> rows = m_controller->hasRun() ? compute() : std::vector<QStringList>{};
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

QStringList TopicsModel::headers() const {
    return {tr("Topic"), tr("TopicId"), tr("PartitionCount"), tr("ReplicationFactor"), tr("Configs")};
}

std::vector<QStringList> TopicsModel::compute() const {
    const auto& v = m_controller->view();
    const auto& j = m_controller->journal();
    std::vector<QStringList> rows;
    for (const auto& [ti, t] : v.topics) {
        const std::string& name = j.topicName(ti);
        QString id = dash();
        QString configs;
        if (const sim::TopicState* ts = m_controller->sim().topic(name)) {
            id = QString::fromStdString(ts->topic_id);
            QStringList kv;
            for (const auto& [k, val] : ts->configs.overrides) kv << QString::fromStdString(k + "=" + val);
            configs = kv.join(QLatin1Char(','));
        }
        rows.push_back({QString::fromStdString(name), id, QString::number(t.partitions), QString::number(t.replication_factor), configs});
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
    const auto& v = m_controller->view();
    const auto& j = m_controller->journal();
    std::vector<std::pair<std::pair<std::string, int>, QStringList>> rows;
    for (const auto& [tp, p] : v.partitions) {
        const std::string& name = j.topicName(tp.first);
        if (internal(name) || !v.topics.contains(tp.first)) continue;
        rows.push_back({{name, tp.second},
                        {QString::fromStdString(name), QString::number(tp.second),
                         p.leader < 0 ? QStringLiteral("none") : QString::number(p.leader), joinIds(p.replicas), joinIds(p.isr),
                         QString::number(p.log_start), QString::number(p.high_watermark), QString::number(p.leaderLeo())}});
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<QStringList> out;
    for (auto& r : rows) out.push_back(std::move(r.second));
    return out;
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
    const auto& v = m_controller->view();
    const auto& j = m_controller->journal();
    std::vector<QStringList> rows;
    for (const auto& [gi, g] : v.groups) {
        const std::string& name = j.groupName(gi);
        // The coordinator of the moment shown (not of "now"), and no state when nobody serves the group.
        QString coordinator = dash();
        const bool down = coordinatorDown(v, g);
        if (g.coordinator >= 0) {
            const auto& cfg = m_controller->sim().config();
            coordinator = QStringLiteral("%1:%2  (%3)")
                              .arg(QString::fromStdString(cfg.host))
                              .arg(cfg.first_port + g.coordinator - 1)
                              .arg(g.coordinator);
        }
        rows.push_back({QString::fromStdString(name), coordinator, g.protocol >= 0 ? Texts::assignor(g.protocol) : QString(),
                        down ? Texts::noCoordinator() : Texts::groupState(g.state), QString::number(g.members.size()),
                        QString::number(g.generation)});
    }
    std::sort(rows.begin(), rows.end(), [](const QStringList& a, const QStringList& b) { return a[0] < b[0]; });
    return rows;
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
    const auto& v = m_controller->view();
    const auto& j = m_controller->journal();
    const auto& s = m_controller->sim();
    std::vector<QStringList> rows;
    // Member ids as of the cursor: the last MemberJoined of each consumer (bounded backward scan).
    std::map<std::int32_t, std::string> memberIds;
    {
        std::size_t scanned = 0;
        for (std::size_t i = v.events; i-- > 0 && scanned++ < 500000;) {
            const sim::Event& e = j[i];
            if (e.type == sim::EventType::MemberJoined && !memberIds.contains(e.actor)) memberIds[e.actor] = j.string(e.name);
        }
    }
    std::vector<std::int32_t> order;
    for (const auto& [gi, g] : v.groups)
        if (!internal(j.groupName(gi))) order.push_back(gi);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return j.groupName(a) < j.groupName(b); });
    for (std::int32_t gi : order) {
        const sim::GroupView& g = v.groups.at(gi);
        const QString group = QString::fromStdString(j.groupName(gi));
        auto row = [&](const sim::TpKey& tp, const QString& cid, const QString& host, const QString& client) {
            const auto pit = v.partitions.find(tp);
            const auto cit = g.committed.find(tp);
            const QString current = cit == g.committed.end() ? dash() : QString::number(cit->second);
            const QString leo = pit == v.partitions.end() ? dash() : QString::number(pit->second.high_watermark);
            const auto lag = v.committedLag(gi, tp);
            rows.push_back({group, QString::fromStdString(j.topicName(tp.first)), QString::number(tp.second), current, leo,
                            lag ? QString::number(*lag) : dash(), cid, host, client});
        };
        // Members with partitions, by number of partitions descending (stable).
        std::vector<std::int32_t> members;
        for (std::int32_t m : g.members)
            if (static_cast<std::size_t>(m) < v.consumers.size() && !v.consumers[static_cast<std::size_t>(m)].assigned.empty())
                members.push_back(m);
        std::stable_sort(members.begin(), members.end(), [&](auto a, auto b) {
            return v.consumers[static_cast<std::size_t>(a)].assigned.size() > v.consumers[static_cast<std::size_t>(b)].assigned.size();
        });
        std::set<sim::TpKey> owned;
        for (std::int32_t m : members) {
            const auto& cv = v.consumers[static_cast<std::size_t>(m)];
            QString host = dash();
            if (static_cast<std::size_t>(m) < s.consumers().size())
                host = QString::fromStdString(s.consumers()[static_cast<std::size_t>(m)].config.host);
            const auto mid = memberIds.find(m);
            const QString cid = mid == memberIds.end() ? dash() : QString::fromStdString(mid->second);
            for (const auto& tp : cv.assigned) {
                owned.insert(tp);
                row(tp, cid, host, QString::fromStdString(j.consumerName(m)));
            }
        }
        for (const auto& [tp, off] : g.committed)
            if (!owned.contains(tp)) row(tp, dash(), dash(), dash());
    }
    return rows;
}

} // namespace fluxolab::app
