#include "app/cluster/tablespage.h"

#include "app/cluster/tablemodels.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QScrollBar>
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
    const QFont font(QStringLiteral("DejaVu Sans Mono"), 9);
    t->setFont(font);
    // Room for at least four rows under the header (and a horizontal scroll bar): a pane that shows
    // one row at 1366x768 says nothing. More rows scroll.
    const int row = QFontMetrics(font).height() + 6;
    t->verticalHeader()->setDefaultSectionSize(row);
    t->setMinimumHeight(t->horizontalHeader()->sizeHint().height() + 4 * row + t->horizontalScrollBar()->sizeHint().height() +
                        2 * t->frameWidth() + 2);
    return t;
}
} // namespace

TablesPage::TablesPage(SimulationController* controller, QWidget* parent)
    : QWidget(parent), m_topics(new TopicsModel(controller, this)),
      m_partitions(new PartitionsModel(controller, this)), m_groups(new GroupsModel(controller, this)),
      m_offsets(new OffsetsModel(controller, this)) {
    auto* layout = new QVBoxLayout(this);
    // Two columns (topics over partitions, groups over their offsets): four panes stacked in the
    // height left at 1366x768 showed one row each.
    auto* split = new QSplitter(Qt::Horizontal, this);
    QSplitter* columns[2] = {new QSplitter(Qt::Vertical, split), new QSplitter(Qt::Vertical, split)};
    std::size_t i = 0;
    for (SnapshotTableModel* model : models()) {
        QSplitter* column = columns[i++ / 2];
        auto* box = new QWidget(column);
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(0, 4, 0, 0);
        auto* title = new QLabel(box);
        title->setStyleSheet(QStringLiteral("font-weight: bold"));
        m_titles.push_back(title);
        l->addWidget(title);
        l->addWidget(makeTable(model, box));
        column->addWidget(box);
    }
    for (QSplitter* column : columns) {
        column->setChildrenCollapsible(false);
        column->setStretchFactor(0, 1);
        column->setStretchFactor(1, 2);
        split->addWidget(column);
    }
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
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
        QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Groups (kafka-consumer-groups --describe --state, and the generation it does not print)"),
        QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Offsets and lag (kafka-consumer-groups --describe)")};
    for (std::size_t i = 0; i < m_titles.size(); ++i)
        m_titles[i]->setText(QCoreApplication::translate("fluxolab::app::MainWindow", titles[i]));
}

void TablesPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
