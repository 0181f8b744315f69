#include "app/cluster/grouppanel.h"

#include "app/cluster/clusterlayout.h"
#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fluxolab::app {

GroupPanel::GroupPanel(SimulationController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
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
    m_intro->setText(QStringLiteral("<b>%1</b> %2<br><b>%3</b> %4")
                         .arg(tr("Eager:"), Texts::helpEager(), tr("Cooperative:"), Texts::helpCooperative()));
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
    const auto& j = m_controller->journal(); // topic names of the layout's badges
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
        item->setText(2, tr("generation %1 · assignor %2 · %3 · leader %4 · %n member(s)", nullptr, members)
                             .arg(g.generation)
                             .arg(Texts::assignor(g.protocol), Texts::rebalanceProtocol(g.protocol), leader));
        item->setToolTip(2, Texts::helpGeneration());
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        for (const auto& c : g.consumers) {
            auto* ci = new QTreeWidgetItem(item);
            ci->setText(0, c.name + (c.leader ? tr(" (leader)") : QString()));
            QStringList consuming, revoked;
            for (const auto& b : c.partitions) {
                const QString tp = QString::fromStdString(j.topicName(b.tp.first)) + QLatin1Char('-') + QString::number(b.tp.second);
                (b.revoked ? revoked : consuming) << tp;
            }
            ci->setText(1, Texts::consumerStatus(c.status));
            ci->setToolTip(1, Texts::consumerStatusHelp(c.status));
            if (isAlarming(c.status))
                ci->setForeground(1, QColor(0xc0, 0x39, 0x2b));
            QString details = consuming.isEmpty() ? tr("no partitions") : tr("partitions: %1").arg(consuming.join(QStringLiteral(", ")));
            if (!revoked.isEmpty()) details += QStringLiteral(" · ") + tr("revoked (stopped): %1").arg(revoked.join(QStringLiteral(", ")));
            ci->setText(2, details);
        }
        item->setExpanded(true);
    }
}

void GroupPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
