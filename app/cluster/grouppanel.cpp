#include "app/cluster/grouppanel.h"

#include "app/cluster/clusterlayout.h"
#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"

#include <QEvent>

#include <algorithm>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fluxolab::app {

QString partitionSummary(std::vector<std::pair<std::string, std::int32_t>> parts, int maxPieces) {
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    QStringList topics;
    int pieces = 0;
    std::size_t hidden = 0; // partitions not written out
    for (std::size_t i = 0; i < parts.size();) {
        const std::string& topic = parts[i].first;
        QStringList ranges;
        while (i < parts.size() && parts[i].first == topic) {
            std::size_t k = i;
            while (k + 1 < parts.size() && parts[k + 1].first == topic && parts[k + 1].second == parts[k].second + 1) ++k;
            if (pieces < maxPieces) {
                ranges << (k == i ? QString::number(parts[i].second)
                                  : QStringLiteral("%1–%2").arg(parts[i].second).arg(parts[k].second));
                ++pieces;
            } else {
                hidden += k - i + 1;
            }
            i = k + 1;
        }
        if (!ranges.isEmpty()) topics << QString::fromStdString(topic) + QLatin1Char(' ') + ranges.join(QStringLiteral(", "));
    }
    QString out = topics.join(QStringLiteral("; "));
    if (hidden > 0)
        out += QStringLiteral(" … (+%1)").arg(hidden);
    return out;
}

namespace {
/// The rows' height with the details column's text wrapped at that column's width (QTreeView asks
/// the delegate for a row's size with no width, so it would stay one line high and cut the text).
class WrappedDetailsDelegate : public QStyledItemDelegate {
public:
    explicit WrappedDetailsDelegate(QTreeView* tree) : QStyledItemDelegate(tree), m_tree(tree) {}
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        if (index.column() != 2) return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem wrapped(option);
        // (A valid rect: the style wraps at its width only then; the height does not bound the text.)
        wrapped.rect = QRect(0, 0, std::max(1, m_tree->header()->sectionSize(2)), 1);
        return QStyledItemDelegate::sizeHint(wrapped, index);
    }

private:
    QTreeView* m_tree;
};
} // namespace

GroupPanel::GroupPanel(SimulationController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    // Whole texts: the details (the leader's client id, the members' partitions) wrap onto more lines
    // in a narrow window (1366x768 in presentation cut "leader consumer-…"), never shortened.
    // (QTreeView sizes its rows as if every column were endless: the delegate gives the details column
    // its wrapped height at the column's width, and the rows are laid out again when that width changes.)
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setTextElideMode(Qt::ElideNone);
    auto* wrap = new WrappedDetailsDelegate(m_tree);
    m_tree->setItemDelegate(wrap);
    connect(m_tree->header(), &QHeaderView::sectionResized, wrap,
            [wrap](int section, int oldSize, int newSize) {
                if (section == 2 && oldSize != newSize) Q_EMIT wrap->sizeHintChanged(QModelIndex());
            },
            Qt::QueuedConnection);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_intro);
    layout->addWidget(m_tree, 1);
    connect(m_controller, &SimulationController::changed, this, [this] {
        if (isVisible()) refresh();
        else m_dirty = true;
    });
    retranslate();
}

void GroupPanel::showEvent(QShowEvent* event) {
    if (m_dirty) refresh();
    QWidget::showEvent(event);
}

void GroupPanel::retranslate() {
    // Each help text names its protocol first ("Eager rebalance: ..."): no label before it.
    m_intro->setText(QStringLiteral("%1<br>%2").arg(Texts::helpEager().toHtmlEscaped(), Texts::helpCooperative().toHtmlEscaped()));
    m_tree->setHeaderLabels({tr("Group / member"), tr("State"), tr("Details")});
    refresh();
}

void GroupPanel::refresh() {
    m_dirty = false;
    m_tree->clear();
    if (!m_controller->hasRun()) return;
    // The same view model the cluster view draws (revocations included), at a nominal size.
    const ClusterLayout L = ClusterLayoutBuilder::build(*m_controller, QSizeF(1600, 1000), Theme::normal());
    const labs::observe::Observation& o = m_controller->observation();
    for (const auto& g : L.groups) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, g.name);
        if (g.coordinatorDown) {
            item->setText(1, Texts::noCoordinator() + QStringLiteral(" (") + Texts::noCoordinatorDetail(g.coordinator) + QLatin1Char(')'));
            item->setForeground(1, QColor(0xc0, 0x39, 0x2b));
        } else {
            item->setText(1, Texts::groupState(g.state));
            item->setToolTip(1, Texts::groupStateHelp(g.state));
        }
        const labs::observe::Group* og = o.group(g.name.toStdString());
        const QString leader = og && !og->leader.empty() ? QString::fromStdString(og->leader) : QStringLiteral("-");
        const int members = og ? static_cast<int>(og->members.size()) : 0;
        const QString generation = g.generationKnown ? QString::number(g.generation) : QStringLiteral("-");
        if (g.protocol.isEmpty() && g.state == labs::observe::GroupState::Empty && members == 0)
            item->setText(2, tr("generation %1 · %2").arg(generation, Texts::noAssignorWithoutMembers()));
        else
            item->setText(2, tr("generation %1 · assignor %2 · %3 · leader %4 · %n member(s)", nullptr, members)
                                 .arg(generation)
                                 .arg(Texts::assignor(g.protocol.toStdString()),
                                      g.protocol.isEmpty() ? Texts::assignor(std::string()) : Texts::rebalanceProtocol(g.cooperative), leader));
        item->setToolTip(2, Texts::helpGeneration());
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        for (const auto& c : g.consumers) {
            auto* ci = new QTreeWidgetItem(item);
            ci->setText(0, c.name + (c.leader ? tr(" (leader)") : QString()));
            std::vector<std::pair<std::string, std::int32_t>> consuming, revoked;
            for (const auto& b : c.partitions) (b.revoked ? revoked : consuming).push_back(b.tp);
            ci->setText(1, Texts::consumerStatus(c.status));
            ci->setToolTip(1, Texts::consumerStatusHelp(c.status));
            if (isAlarming(c.status))
                ci->setForeground(1, QColor(0xc0, 0x39, 0x2b));
            // Thousands of partitions: ranges, and a count past the first pieces (the tooltip has more).
            QString details = consuming.empty() ? tr("no partitions")
                                                : tr("%n partition(s): %1", nullptr, static_cast<int>(consuming.size()))
                                                      .arg(partitionSummary(consuming));
            if (!revoked.empty()) details += QStringLiteral(" · ") + tr("revoked (stopped): %1").arg(partitionSummary(revoked));
            ci->setText(2, details);
            if (consuming.size() > 16) ci->setToolTip(2, partitionSummary(consuming, 400));
        }
        item->setExpanded(true);
    }
}

void GroupPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
