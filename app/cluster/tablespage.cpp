#include "app/cluster/tablespage.h"

#include "app/cluster/tablemodels.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace fluxolab::app {

namespace {
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent) {
    auto* t = new QTableView(parent);
    t->setModel(model);
    t->setAlternatingRowColors(true);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(false);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setFont(QFont(QStringLiteral("DejaVu Sans Mono"), 9));
    t->setMinimumHeight(44); // four tables above a terminal on a 1366×768 screen: they scroll
    return t;
}
} // namespace

TablesPage::TablesPage(SimulationController* controller, QWidget* parent)
    : QWidget(parent), m_topics(new TopicsModel(controller, this)),
      m_partitions(new PartitionsModel(controller, this)), m_groups(new GroupsModel(controller, this)),
      m_offsets(new OffsetsModel(controller, this)) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    for (SnapshotTableModel* model : models()) {
        auto* box = new QWidget(split);
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(0, 4, 0, 0);
        auto* title = new QLabel(box);
        title->setStyleSheet(QStringLiteral("font-weight: bold"));
        m_titles.push_back(title);
        l->addWidget(title);
        l->addWidget(makeTable(model, box));
        split->addWidget(box);
    }
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    split->setStretchFactor(3, 3);
    layout->addWidget(split);
    retranslate();
}

std::vector<SnapshotTableModel*> TablesPage::models() const {
    return {m_topics, m_partitions, m_groups, m_offsets};
}

void TablesPage::setModelsActive(bool active) {
    for (SnapshotTableModel* m : models())
        m->setActive(active);
}

void TablesPage::retranslate() {
    // Translated in the main window's context, where these titles always were.
    const char* const titles[] = {
        QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Topics (kafka-topics --describe)"),
        QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Partitions (kafka-topics --describe, with offsets)"),
        QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Groups (kafka-consumer-groups --describe --state)"),
        QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Offsets and lag (kafka-consumer-groups --describe)")};
    for (std::size_t i = 0; i < m_titles.size(); ++i)
        m_titles[i]->setText(QCoreApplication::translate("fluxolab::app::MainWindow", titles[i]));
}

void TablesPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
