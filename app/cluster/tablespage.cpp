#include "app/cluster/tablespage.h"

#include "app/cluster/tablemodels.h"
#include "app/core/presentationdialogs.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QFontMetrics>
#include <QScrollBar>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace fluxolab::app {

namespace {
constexpr double kTableCellPointSize = 9; ///< beside the window's 10 pt (kNormalPointSize)

/// Long values of a wrappable column (a client id, a coordinator) may break after a hyphen, comma, dot
/// or equals sign when the table is narrower than its contents: Unicode's line breaking allows no break
/// inside "consumer-auditoria-1". An elidable column's values stay on one line when the column is
/// narrower than they are: a member id shortened in the middle, a topic's configs at their end.
class BreakableDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const auto* model = qobject_cast<const SnapshotTableModel*>(index.model());
        if (!model || !model->elidable(index.column())) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget* widget = opt.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
        opt.text = model->elidedAtEnd(index.column()) ? opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, text.width())
                                                      : TablesPage::elidedValue(opt.text, opt.fontMetrics, text.width());
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto* model = qobject_cast<const SnapshotTableModel*>(index.model());
        if (!model) return;
        if (model->elidable(index.column())) {
            option->features &= ~QStyleOptionViewItem::WrapText; // one line: its height is one row's
            option->textElideMode = Qt::ElideNone;               // (shortened by paint, as elidedValue says)
            return;
        }
        if (!model->wrappable(index.column()) || !(option->features & QStyleOptionViewItem::WrapText)) return;
        QString text;
        text.reserve(option->text.size() + 8);
        for (const QChar ch : std::as_const(option->text)) {
            text += ch;
            if (ch == QLatin1Char('-') || ch == QLatin1Char(',') || ch == QLatin1Char('.') || ch == QLatin1Char('=') || ch == QLatin1Char('_'))
                text += QChar(0x200B); // zero width space: a break opportunity, nothing drawn
        }
        option->text = text;
    }
};

/// The cells' size in points at the page's font size: 9 pt beside the window's 10 pt, grown as the rest
/// of presentation mode grows (its 14 pt: 12.6 pt; the cells stayed 9 pt under 14 pt headers, issue #8).
double cellPointSize(const QFont& page) {
    return kTableCellPointSize * page.pointSizeF() / kNormalPointSize;
}

void setCellFont(QTableView* t, double points) {
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setPointSizeF(points);
    t->setFont(font);
    // Room for at least four rows under the header (and a horizontal scroll bar): a pane that shows
    // one row at 1366x768 says nothing. More rows scroll.
    const int row = QFontMetrics(font).height() + 6;
    t->verticalHeader()->setDefaultSectionSize(row);
    t->setMinimumHeight(t->horizontalHeader()->sizeHint().height() + 4 * row + t->horizontalScrollBar()->sizeHint().height() +
                        2 * t->frameWidth() + 2);
}

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent) {
    auto* t = new QTableView(parent);
    t->setModel(model);
    t->setItemDelegate(new BreakableDelegate(t));
    t->setWordWrap(false);
    t->setTextElideMode(Qt::ElideNone);
    t->setAlternatingRowColors(true);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(false);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    setCellFont(t, cellPointSize(parent->font()));
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
        // Wrapped: a long title ("Groups (kafka-consumer-groups --describe --state, ...") took its
        // column's width from the tables beside it.
        title->setWordWrap(true);
        m_titles.push_back(title);
        l->addWidget(title);
        QTableView* table = makeTable(model, box);
        m_tables.push_back(table);
        l->addWidget(table);
        column->addWidget(box);
        // Refitted once the events in flight are handled (a model's reset and its data changes come
        // in bursts while playing).
        connect(model, &QAbstractItemModel::modelReset, this, [this] { scheduleFit(); });
        connect(model, &QAbstractItemModel::layoutChanged, this, [this] { scheduleFit(); });
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { scheduleFit(); });
        connect(model, &QAbstractItemModel::headerDataChanged, this, [this] { scheduleFit(); });
        table->viewport()->installEventFilter(this);
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
    m_split = split;
    connect(split, &QSplitter::splitterMoved, this, [this] {
        m_splitByUser = true;
        scheduleFit();
    });
    layout->addWidget(split);
    m_fitTimer = new QTimer(this);
    m_fitTimer->setSingleShot(true);
    m_fitTimer->setInterval(0);
    connect(m_fitTimer, &QTimer::timeout, this, &TablesPage::fitColumns);
    retranslate();
}

bool TablesPage::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize) scheduleFit();
    return QWidget::eventFilter(watched, event);
}

void TablesPage::scheduleFit() {
    if (!m_fitTimer->isActive()) m_fitTimer->start();
}

namespace {
/// The width each column of `t` needs to show its header and its values whole on one line.
std::vector<int> naturalWidths(const QTableView* t) {
    std::vector<int> out;
    const QHeaderView* h = t->horizontalHeader();
    for (int c = 0; c < t->model()->columnCount(); ++c) out.push_back(std::max(h->sectionSizeHint(c), static_cast<const QAbstractItemView*>(t)->sizeHintForColumn(c)));
    return out;
}
/// The narrowest a wrappable column of `t` becomes: its header, and a dozen characters of its values.
int leastWidth(const QTableView* t, int column, int natural) {
    const int floor = QFontMetrics(t->font()).horizontalAdvance(QLatin1Char('M')) * 12 + 8;
    return std::max(t->horizontalHeader()->sectionSizeHint(column), std::min(natural, floor));
}
/// An elidable column of `t` shortened to `chars` characters (never narrower than its header): 28 show
/// a member id's client id and the end of its UUID ("consumer-faturacao-2-…5fbc3d"); 12 are the least.
constexpr int kElidedChars = 28, kElidedLeastChars = 12;
int elidedWidth(const QTableView* t, int column, int natural, int chars) {
    const int w = QFontMetrics(t->font()).horizontalAdvance(QLatin1Char('M')) * chars + 8;
    return std::max(t->horizontalHeader()->sectionSizeHint(column), std::min(natural, w));
}
/// The width `t` needs with its long values wrapped or shortened (`wrapped`), or whole on one line each.
int tableWidth(const QTableView* t, bool wrapped) {
    const auto* model = qobject_cast<const SnapshotTableModel*>(t->model());
    const std::vector<int> natural = naturalWidths(t);
    int s = 0;
    for (std::size_t c = 0; c < natural.size(); ++c) {
        const int column = static_cast<int>(c);
        // (A list shortened at its end, a topic's configs, asks for no more than it did wrapped.)
        if (wrapped && model && (model->wrappable(column) || model->elidedAtEnd(column))) s += leastWidth(t, column, natural[c]);
        else if (wrapped && model && model->elidable(column)) s += elidedWidth(t, column, natural[c], kElidedChars);
        else s += natural[c];
    }
    return s;
}
} // namespace

void TablesPage::fitColumns() {
    if (!isVisible()) return;
    // The two columns of panes share the width by what their tables need (until the user moves the
    // splitter): at 1366x768 in presentation mode the groups' long title took 860 px and the topics'
    // table scrolled sideways.
    if (!m_splitByUser && m_split && m_tables.size() == 4) {
        const int chrome = 2 * (m_tables[0]->frameWidth() + 2) + m_tables[0]->verticalScrollBar()->sizeHint().width();
        const int total = m_split->width() - m_split->handleWidth();
        auto need = [&](std::size_t a, std::size_t b, bool wrapped) {
            return std::max(tableWidth(m_tables[a], wrapped), tableWidth(m_tables[b], wrapped)) + chrome;
        };
        // The cells at the page's size (presentation mode: 12.6 pt) where both sides fit with their long values
        // wrapped and member ids at 28 characters; else the largest half point down to 9 pt where they do
        // (1366x768 in presentation mode: at 12.6 pt both tables scrolled sideways).
        // (Again only when the width or the page's size changed, or the rows no longer fit: not on every frame.)
        const double target = cellPointSize(font());
        if (total != m_fitTotal || target != m_fitTarget ||
            (m_tables[0]->font().pointSizeF() > kTableCellPointSize && need(0, 1, true) + need(2, 3, true) > total)) {
            m_fitTotal = total;
            m_fitTarget = target;
            for (double points = target;; points -= 0.5) {
                points = std::max(points, kTableCellPointSize);
                for (QTableView* t : m_tables)
                    if (t->font().pointSizeF() != points) setCellFont(t, points);
                if (points <= kTableCellPointSize || total <= 0 || need(0, 1, true) + need(2, 3, true) <= total) break;
            }
        }
        const int natL = need(0, 1, false), natR = need(2, 3, false), minL = need(0, 1, true), minR = need(2, 3, true);
        int l = total / 2;
        if (natL + natR <= total)
            l = natL; // both whole on one line a row: the groups' side takes the rest
        else if (minL + minR <= total) // each side its least, the rest by what wrapping costs each
            l = minL + static_cast<int>(static_cast<double>(total - minL - minR) * (natL - minL) / std::max(1, natL - minL + natR - minR));
        else
            l = static_cast<int>(static_cast<double>(total) * minL / (minL + minR));
        const QList<int> want{l, total - l};
        if (total > 0 && m_split->sizes() != want) m_split->setSizes(want);
    }
    for (QTableView* t : m_tables) {
        auto* model = qobject_cast<SnapshotTableModel*>(t->model());
        QHeaderView* h = t->horizontalHeader();
        const int columns = model->columnCount();
        std::vector<int> natural = naturalWidths(t);
        const int room = t->viewport()->width() - 2; // (a pixel of rounding: no scroll bar for it)
        int excess = -room;
        for (int x : natural) excess += x;
        // Too wide: the elidable values (member ids, a topic's configs) are shortened to 28 characters first
        // (on one line: wrapped, a member id took four lines a row at 1366x768 in presentation mode, a
        // topic's configs six), then the long values of the wrappable columns (client ids, coordinators)
        // take two lines or more, the widest first, never narrower than their header, then the elidable
        // values are shortened to 12 characters. (A table of thousands of
        // rows keeps one line per row: measuring each row's height would block the UI.)
        std::vector<int> width = natural;
        const auto narrow = [&](int c, int least) {
            auto& w = width[static_cast<std::size_t>(c)];
            const int cut = std::min(excess, w - least);
            if (cut <= 0) return;
            w -= cut;
            excess -= cut;
        };
        for (int c = 0; c < columns && excess > 0; ++c)
            if (model->elidable(c)) narrow(c, elidedWidth(t, c, natural[static_cast<std::size_t>(c)], kElidedChars));
        bool wrap = false;
        if (excess > 0 && model->rowCount() <= 500) {
            std::vector<int> order;
            for (int c = 0; c < columns; ++c)
                if (model->wrappable(c)) order.push_back(c);
            std::sort(order.begin(), order.end(), [&](int a, int b) { return natural[static_cast<std::size_t>(a)] > natural[static_cast<std::size_t>(b)]; });
            for (int c : order) {
                if (excess <= 0) break;
                const int before = excess;
                narrow(c, leastWidth(t, c, width[static_cast<std::size_t>(c)]));
                wrap = wrap || excess < before;
            }
        }
        for (int c = 0; c < columns && excess > 0; ++c)
            if (model->elidable(c)) narrow(c, elidedWidth(t, c, natural[static_cast<std::size_t>(c)], kElidedLeastChars));
        t->setWordWrap(wrap);
        for (int c = 0; c < columns; ++c) {
            const bool narrowed = width[static_cast<std::size_t>(c)] < natural[static_cast<std::size_t>(c)];
            h->setSectionResizeMode(c, narrowed ? QHeaderView::Interactive : QHeaderView::ResizeToContents);
            if (narrowed && h->sectionSize(c) != width[static_cast<std::size_t>(c)]) h->resizeSection(c, width[static_cast<std::size_t>(c)]);
        }
        if (wrap)
            t->resizeRowsToContents();
        else if (t->verticalHeader()->length() != t->verticalHeader()->defaultSectionSize() * model->rowCount())
            for (int r = 0; r < model->rowCount(); ++r) t->verticalHeader()->resizeSection(r, t->verticalHeader()->defaultSectionSize());
    }
}

QString TablesPage::elidedValue(const QString& text, const QFontMetrics& fm, int width) {
    if (fm.horizontalAdvance(text) <= width) return text;
    // The start (a member id's client id: who it is) as far as it fits, then "…" and the last characters
    // (the end of its UUID: which instance).
    constexpr qsizetype kTail = 6;
    const QString ellipsis(QChar(0x2026));
    const QString tail = text.right(kTail);
    const int room = width - fm.horizontalAdvance(ellipsis + tail);
    if (text.size() <= kTail + 1 || room < fm.horizontalAdvance(text.left(4))) return fm.elidedText(text, Qt::ElideMiddle, width);
    qsizetype head = 0;
    while (head < text.size() - kTail && fm.horizontalAdvance(text.left(head + 1)) <= room) ++head;
    return text.left(head) + ellipsis + tail;
}

std::vector<SnapshotTableModel*> TablesPage::models() const {
    return {m_topics, m_partitions, m_groups, m_offsets};
}

void TablesPage::setModelsActive(bool active) {
    for (SnapshotTableModel* m : models())
        m->setActive(active);
    if (active) scheduleFit();
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
    if (event->type() == QEvent::FontChange) {
        // The cells follow the page's font (presentation mode), not the 9 pt they were made with (fitColumns
        // makes them smaller where the tables would not fit the width).
        const double points = cellPointSize(font());
        for (QTableView* t : m_tables)
            if (t->font().pointSizeF() != points) setCellFont(t, points);
        m_splitByUser = false;
        scheduleFit();
    }
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
