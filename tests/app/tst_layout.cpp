#include "tests/app/tst_layout.h"

#include "app/core/application.h"
#include "app/dialogs/builderdialogs.h"
#include "app/cluster/clustercanvas.h"
#include "app/cluster/comparewindow.h"
#include "app/cluster/grouppanel.h"
#include "app/labs/labpanel.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/cluster/plotsview.h"
#include "app/core/presentationdialogs.h"
#include "app/core/screenfit.h"
#include "app/core/simulationcontroller.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"
#include "app/cluster/tablemodels.h"
#include "app/cluster/tablespage.h"
#include "app/cluster/timelinebar.h"
#include "app/core/texts.h"
#include "labs/observe/sim_observer.h"
#include "labs/lab_engine/setup_client.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAction>
#include <QDialog>
#include <QTimer>
#include <QComboBox>
#include <QAbstractTextDocumentLayout>
#include <QTextBoundaryFinder>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QTableView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QScrollBar>
#include <QTest>
#include <QLabel>
#include <QTextBrowser>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextBoundaryFinder>
#include <QToolBar>
#include <QToolButton>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QAbstractItemDelegate>
#include <QTreeWidget>

#include <functional>
#include <map>

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

using namespace fluxolab;
using namespace fluxolab::app;

namespace {

void settle() {
    for (int i = 0; i < 4; ++i)
        QApplication::processEvents();
}

/// The main window at `size` with the default scenario at 8 s; `docks`: lab panel and terminal open
/// (as in a guided lab).
std::unique_ptr<MainWindow> makeWindow(QSize size, bool presentation, bool docks) {
    auto w = std::make_unique<MainWindow>();
    w->show();
    w->resize(size);
    if (!w->openScenario(QStringLiteral("rebalance-basico"), false)) return nullptr;
    w->controller()->runTo(8000);
    if (docks) w->setView(MainWindow::View::Labs);
    if (presentation) w->setPresentation(true);
    settle();
    w->resize(size);
    settle();
    return w;
}

/// What is wrong with the leaders' labels: missing, shortened, overlapping or outside the strip.
QStringList labelProblems(const ClusterLayout& L) {
    QStringList out;
    if (L.detail == Detail::Minimal) out << QStringLiteral("minimal detail (no chips, no LEO/HW)");
    for (const auto& st : L.strips) {
        if (st.nameElided) out << st.name + QStringLiteral(" name shortened");
        for (const auto& mk : st.markers)
            if (st.hwLabelRect.intersects(mk.rect)) out << st.name + QStringLiteral(" \"HW\" text over a marker");
        if (!st.leader) continue;
        const QRectF items[] = {st.nameRect, st.roleRect, st.isrRect, st.numbersRect};
        const char* names[] = {"name", "role", "ISR", "LEO/HW"};
        for (int i = 0; i < 4; ++i) {
            const QString where =
                QStringLiteral("%1@%2 %3").arg(st.name).arg(st.broker).arg(QLatin1String(names[i]));
            if (items[i].isEmpty())
                out << where + QStringLiteral(" missing");
            else if (!st.rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(items[i]))
                out << where + QStringLiteral(" outside the strip");
            const QRectF inner = items[i].adjusted(0.01, 0.01, -0.01, -0.01); // touching is not overlapping
            if (inner.intersects(st.cellsRect)) out << where + QStringLiteral(" over the cells");
            for (int k = 0; k < i; ++k)
                if (inner.intersects(items[k]))
                    out << where + QStringLiteral(" overlaps ") + QLatin1String(names[k]);
        }
    }
    return out;
}

/// Whether `text` fits `rect` whole in `font` (wrapped with `flags`): nothing shortened or cut.
bool textFits(const QFont& font, const QString& text, const QRectF& rect, int flags) {
    const QRectF need = QFontMetricsF(font).boundingRect(QRectF(0, 0, rect.width(), 10000), flags, text);
    return !rect.isEmpty() && need.width() <= rect.width() + 0.5 && need.height() <= rect.height() + 0.5;
}

/// The texts of the cards that would be shortened or cut: producer cards, members' names with
/// "(leader)" and their status, the brokers' status lines.
QStringList cutTexts(const ClusterLayout& L) {
    QStringList out;
    const Theme& th = L.theme;
    for (const auto& pr : L.producers) {
        const std::pair<QString, QRectF> lines[] = {{pr.nameText, pr.nameRect}, {pr.topicText, pr.topicRect}, {pr.ackedText, pr.ackedRect}};
        for (int i = 0; i < 3; ++i) {
            if (!textFits(i == 0 ? th.font(9, true) : th.font(8), lines[i].first, lines[i].second, ClusterLayout::kWrapFlags))
                out << QStringLiteral("producer card \"%1\"").arg(lines[i].first);
            if (!pr.rect.contains(lines[i].second)) out << QStringLiteral("producer text outside its card: ") + lines[i].first;
        }
        if (!pr.nameText.contains(pr.name) || !pr.topicText.contains(pr.topic)) out << QStringLiteral("producer card text missing");
    }
    for (const auto& g : L.groups)
        for (const auto& c : g.consumers) {
            if (!c.nameText.startsWith(c.name)) out << QStringLiteral("member name missing: ") + c.name;
            if (!textFits(th.font(8, true), c.nameText, c.nameRect, ClusterLayout::kWrapFlags))
                out << QStringLiteral("member \"%1\" (%2 px for %3 px)")
                           .arg(c.nameText)
                           .arg(c.nameRect.width())
                           .arg(QFontMetricsF(th.font(8, true)).horizontalAdvance(c.nameText));
            if (!c.statusText.isEmpty() && !textFits(th.font(8), c.statusText, c.statusRect, Qt::TextWordWrap))
                out << QStringLiteral("member status \"%1\"").arg(c.statusText);
            if (!c.statusText.isEmpty() && c.statusRect.intersects(c.nameRect)) out << QStringLiteral("status over the name of ") + c.name;
            if (!c.rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(c.nameRect)) out << QStringLiteral("name outside its card: ") + c.name;
        }
    for (const auto& b : L.brokers) {
        if (!b.controllerRect.isEmpty() &&
            (!textFits(th.font(8), b.controllerText, b.controllerRect, 0) || !b.headerRect.contains(b.controllerRect)))
            out << QStringLiteral("broker %1 controller chip").arg(b.id);
        if (b.controller && b.controllerRect.isEmpty() &&
            !b.statusText.contains(QCoreApplication::translate("fluxolab::app::ClusterCanvas", " · controller").mid(3)))
            out << QStringLiteral("broker %1 does not say it is the controller").arg(b.id);
        if (b.statusText.isEmpty() || !textFits(th.font(8), b.statusText, b.statusRect, Qt::TextWordWrap) ||
            !b.headerRect.contains(b.statusRect))
            out << QStringLiteral("broker %1 status \"%2\" (%3x%4 px)").arg(b.id).arg(b.statusText).arg(b.statusRect.width()).arg(b.statusRect.height());
    }
    return out;
}

/// Where `text` laid out in `width` with `flags` (Qt::TextWordWrap, Qt::TextWrapAnywhere, 0) breaks a
/// line inside a word ("encomenda|s", "(líde|r)"): the pieces around each such break; empty when every
/// line starts where Qt's line breaking allows a break (after a space, a hyphen...).
QStringList midWordBreaks(const QFont& font, const QString& text, double width, int flags) {
    QTextLayout tl(text, font);
    QTextOption opt;
    opt.setWrapMode((flags & Qt::TextWrapAnywhere) ? QTextOption::WrapAnywhere
                    : (flags & Qt::TextWordWrap)   ? QTextOption::WordWrap
                                                   : QTextOption::NoWrap);
    tl.setTextOption(opt);
    tl.beginLayout();
    for (QTextLine line = tl.createLine(); line.isValid(); line = tl.createLine()) line.setLineWidth(width);
    tl.endLayout();
    QStringList out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    for (int i = 1; i < tl.lineCount(); ++i) {
        const int at = tl.lineAt(i).textStart();
        finder.setPosition(at);
        if (!finder.isAtBoundary()) out << text.left(at) + QLatin1Char('|') + text.mid(at);
    }
    return out;
}

/// Every text a cluster view draws, measured against its box in the font the canvas draws it in:
/// whole (no word wider than the box, all its lines inside the box's height), never broken inside a
/// word, and inside its card. Returns what is wrong.
QStringList textBoxProblems(const ClusterLayout& L) {
    QStringList out;
    const Theme& th = L.theme;
    auto check = [&](const QString& what, const QFont& font, const QString& text, const QRectF& box, int flags) {
        if (text.isEmpty()) return;
        const QString where = QStringLiteral("%1 \"%2\"").arg(what, text);
        if (box.isEmpty()) {
            out << where + QStringLiteral(" has no box");
            return;
        }
        const QRectF need = QFontMetricsF(font).boundingRect(QRectF(0, 0, box.width(), 10000), flags, text);
        if (need.width() > box.width() + 0.5 || need.height() > box.height() + 0.5)
            out << where + QStringLiteral(" needs %1x%2 px, has %3x%4").arg(need.width()).arg(need.height()).arg(box.width()).arg(box.height());
        for (const QString& b : midWordBreaks(font, text, box.width(), flags)) out << where + QStringLiteral(" breaks inside a word: ") + b;
    };
    // The flags the canvas draws a card's text with when it needs more than one line.
    auto cardFlags = [](const QFont& font, const QString& text, const QRectF& box) { return ClusterLayout::wrapFlags(font, text, box.width()); };
    // Column titles: drawn before the brokers' panels, which would cover what does not fit.
    if (!L.brokers.empty() && !L.producersTitleRect.isEmpty()) {
        const double titleW = QFontMetricsF(th.font(9, true)).horizontalAdvance(QCoreApplication::translate("fluxolab::app::ClusterCanvas", "Producers"));
        if (th.px(10) + titleW > L.brokers.front().rect.left() + 0.5) out << QStringLiteral("\"Producers\" under broker 1");
    }
    for (const auto& pr : L.producers) {
        const std::pair<QString, QRectF> lines[] = {{pr.nameText, pr.nameRect}, {pr.topicText, pr.topicRect}, {pr.ackedText, pr.ackedRect}};
        for (int i = 0; i < 3; ++i) {
            const QFont font = i == 0 ? th.font(9, true) : th.font(8);
            check(QStringLiteral("producer card"), font, lines[i].first, lines[i].second, cardFlags(font, lines[i].first, lines[i].second));
            if (!pr.rect.contains(lines[i].second)) out << QStringLiteral("producer text outside its card: ") + lines[i].first;
        }
    }
    for (const auto& b : L.brokers) {
        const QRectF h = b.headerRect.adjusted(th.px(8), th.px(4), -th.px(8), 0);
        check(QStringLiteral("broker title"), th.font(11, true), QCoreApplication::translate("fluxolab::app::ClusterCanvas", "Broker %1").arg(b.id),
              QRectF(h.left(), h.top(), h.width(), th.px(20)), 0);
        check(QStringLiteral("broker status"), th.font(8), b.statusText, b.statusRect, Qt::TextWordWrap);
        check(QStringLiteral("broker summary"), th.font(8, true), b.moreText, b.moreTextRect, Qt::TextWordWrap);
    }
    const double chipPad = th.px(5);
    for (const auto& st : L.strips) {
        if (L.detail == Detail::Minimal) continue;
        if (st.nameElided) out << st.name + QStringLiteral(" name shortened");
        check(QStringLiteral("strip name"), th.font(8, true), st.name, st.nameRect, 0);
        check(QStringLiteral("strip numbers"), th.font(8), st.numbersText, st.numbersRect,
              st.numbersRect.height() > 1.9 * QFontMetricsF(th.font(8)).height() ? Qt::TextWordWrap : 0);
        for (const auto& [text, rect] : {std::pair{st.roleText, st.roleRect}, std::pair{st.isrText, st.isrRect}})
            if (!rect.isEmpty()) // by width: the pill is a little lower than the font's line (the ink fits)
                check(QStringLiteral("strip chip"), th.font(8), text,
                      QRectF(rect.left() + chipPad - 0.5, rect.top(), rect.width() - 2 * chipPad + 1, QFontMetricsF(th.font(8)).height()), 0);
        for (const QRectF& r : {st.nameRect, st.roleRect, st.isrRect, st.numbersRect})
            if (!st.rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(r)) out << st.name + QStringLiteral(" label outside its strip");
    }
    for (const auto& g : L.groups) {
        const QRectF h = g.headerRect.adjusted(th.px(8), th.px(4), -th.px(8), 0);
        check(QStringLiteral("group title"), th.font(10, true), QCoreApplication::translate("fluxolab::app::ClusterCanvas", "Group %1").arg(g.name),
              QRectF(h.left(), h.top(), h.width(), th.px(19)), 0);
        check(QStringLiteral("group state"), th.font(8), g.stateText, g.stateRect.adjusted(th.px(4), 0, -th.px(4), 0), 0);
        check(QStringLiteral("group detail"), th.font(8), g.detailText, g.detailRect, Qt::TextWordWrap);
        check(QStringLiteral("group assignor"), th.font(8), g.protocolText, g.protocolRect, Qt::TextWordWrap);
        check(QStringLiteral("rebalance banner"), th.font(8, true), g.phaseText, g.phaseTextRect, Qt::TextWordWrap);
        check(QStringLiteral("without owner"), th.font(8, true), g.unownedText, g.unownedTextRect, Qt::TextWordWrap);
        for (const auto& c : g.consumers) {
            check(QStringLiteral("member"), th.font(8, true), c.nameText, c.nameRect, cardFlags(th.font(8, true), c.nameText, c.nameRect));
            check(QStringLiteral("member status"), th.font(8), c.statusText, c.statusRect, Qt::TextWordWrap);
            for (const auto& b : c.partitions) {
                if (b.hidden) continue;
                check(QStringLiteral("badge"), th.condensed(8), b.text, b.rect.adjusted(th.px(2), 0, -th.px(2), 0), 0);
                if (!g.rect.contains(b.rect)) out << QStringLiteral("badge \"%1\" outside its group").arg(b.text);
            }
        }
    }
    for (const auto& it : L.legend) check(QStringLiteral("legend"), th.condensed(7.5), it.text, it.textRect, Qt::TextWordWrap);
    // The columns' titles (in a narrow compare side "Consumer groups" takes two lines).
    if (!L.producers.empty() || !L.producersTitleRect.isEmpty())
        check(QStringLiteral("column title"), th.font(9, true), QCoreApplication::translate("fluxolab::app::ClusterCanvas", "Producers"),
              L.producersTitleRect, 0);
    if (!L.groups.empty() || !L.groupsTitleRect.isEmpty())
        check(QStringLiteral("column title"), th.font(9, true), QCoreApplication::translate("fluxolab::app::ClusterCanvas", "Consumer groups"),
              L.groupsTitleRect, Qt::TextWordWrap);
    for (const auto& g : L.groups)
        if (g.rect.intersects(L.groupsTitleRect)) out << QStringLiteral("group %1 over the column's title").arg(g.name);
    return out;
}

QString viewName(bool presentation, bool docks) {
    return QStringLiteral("%1%2").arg(presentation ? QStringLiteral("presentation")
                                                   : QStringLiteral("normal"),
                                      docks ? QStringLiteral("+labs+terminal") : QString());
}

void addSizes(bool withDocks) {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("docks");
    QTest::addColumn<QString>("lang");
    for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
        for (bool presentation : {false, true})
            for (int docks = withDocks ? 0 : 1; docks <= 1; ++docks)
                for (const char* lang : {"pt_PT", "en"})
                    QTest::addRow("%dx%d %s %s", size.width(), size.height(),
                                  qPrintable(viewName(presentation, docks == 1)), lang)
                        << size << presentation << (docks == 1) << QString::fromLatin1(lang);
}

QString shotsDir() {
    return qEnvironmentVariable("FLUXOLAB_SHOTS_DIR");
}

} // namespace

void LayoutTest::initTestCase() {
    QSettings().clear();
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
    QScreen* screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    qInfo("screen %dx%d", screen->availableGeometry().width(), screen->availableGeometry().height());
}

void LayoutTest::windowsFitTheScreen() {
    // The pure rule.
    QCOMPARE(fittedSize(QSize(1440, 860), QRect(0, 0, 1920, 1040)), QSize(1440, 860));
    const QSize small = fittedSize(QSize(1440, 860), QRect(0, 0, 1366, 728));
    QVERIFY(small.width() + kFrameAllowanceW <= 1366 && small.height() + kFrameAllowanceH <= 728);
    // The windows as they open on this screen.
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    MainWindow w;
    w.openScenario(QStringLiteral("rebalance-basico"), false);
    w.show();
    settle();
    QVERIFY2(available.contains(w.geometry()),
             qPrintable(QStringLiteral("main window %1x%2 at %3,%4 on a %5x%6 screen")
                            .arg(w.width())
                            .arg(w.height())
                            .arg(w.x())
                            .arg(w.y())
                            .arg(available.width())
                            .arg(available.height())));
    // With the terminal and the lab panel open, the window still needs no more than the screen.
    w.setView(MainWindow::View::Labs);
    settle();
    QVERIFY2(w.minimumSizeHint().height() <= available.height() - kFrameAllowanceH,
             qPrintable(QStringLiteral("minimum height %1").arg(w.minimumSizeHint().height())));
    QVERIFY2(w.minimumSizeHint().width() <= available.width(),
             qPrintable(QStringLiteral("minimum width %1 on a %2 px wide screen").arg(w.minimumSizeHint().width()).arg(available.width())));
    QVERIFY(available.contains(w.geometry()));
    CompareWindow cw(w.controller());
    cw.show();
    settle();
    QVERIFY2(available.contains(cw.geometry()), qPrintable(QStringLiteral("compare window %1x%2 at %3,%4")
                                                               .arg(cw.width())
                                                               .arg(cw.height())
                                                               .arg(cw.x())
                                                               .arg(cw.y())));
}

void LayoutTest::toolbarKeepsEveryButton_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
        for (bool presentation : {false, true})
            for (const char* lang : {"pt_PT", "en"})
                QTest::addRow("%dx%d %s %s", size.width(), size.height(), presentation ? "presentation" : "normal", lang)
                    << size << presentation << QString::fromLatin1(lang);
}

void LayoutTest::toolbarKeepsEveryButton() {
    // One row of buttons, every one with its icon and its whole text, inside the window: nothing in
    // the overflow menu, nothing icon-only, nothing elided (normal and presentation mode).
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, false);
    QVERIFY(w);
    QToolBar* bar = w->findChild<QToolBar*>(QStringLiteral("mainToolbar"));
    QVERIFY(bar && bar->isVisible());
    for (QToolBar* other : w->findChildren<QToolBar*>())
        QVERIFY2(other == bar || !other->isVisible(), qPrintable(QStringLiteral("a second toolbar row: ") + other->objectName()));
    auto* ext = bar->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
    QVERIFY2(!ext || !ext->isVisible(), "the toolbar overflows");
    int buttons = 0;
    QStringList texts;
    for (QAction* a : bar->actions()) {
        if (a->isSeparator() || !bar->widgetForAction(a)) continue;
        auto* b = qobject_cast<QToolButton*>(bar->widgetForAction(a));
        QVERIFY(b);
        const QString what = a->objectName() + QLatin1Char(' ') + a->iconText();
        QVERIFY2(b->isVisible() && bar->rect().contains(b->geometry()), qPrintable(QStringLiteral("not on the bar: ") + what));
        QVERIFY2(b->mapTo(w.get(), QPoint(b->width(), 0)).x() <= w->width(), qPrintable(QStringLiteral("outside the window: ") + what));
        QVERIFY2(!a->icon().isNull(), qPrintable(QStringLiteral("no icon: ") + what));
        QVERIFY2(b->toolButtonStyle() == Qt::ToolButtonTextBesideIcon, qPrintable(QStringLiteral("icon only: ") + what));
        QVERIFY2(!a->iconText().isEmpty() && b->text() == a->iconText(), qPrintable(QStringLiteral("no text: ") + what));
        // The whole text: the button is as wide as it needs (a narrower one elides it).
        QVERIFY2(b->width() >= b->sizeHint().width(),
                 qPrintable(QStringLiteral("%1 is %2 px wide, needs %3").arg(what).arg(b->width()).arg(b->sizeHint().width())));
        QVERIFY(!a->toolTip().isEmpty());
        texts << a->iconText();
        ++buttons;
    }
    QVERIFY2(buttons >= 9, qPrintable(texts.join(QStringLiteral(", "))));
    // The demo's actions are buttons; the rest of the scenario's actions are on the "Scenario" button.
    for (const char* name : {"gallery", "addConsumer", "presentation", "viewTerminal", "viewLabs", "scenarioMenu"}) {
        QAction* a = w->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(a && bar->widgetForAction(a), name);
    }
    for (const char* name : {"stopBrokerButton", "crashBrokerButton", "startBrokerButton", "scenarioButton"}) {
        auto* b = w->findChild<QToolButton*>(QString::fromLatin1(name));
        QVERIFY2(b && b->isVisible(), name);
        QCOMPARE(b->popupMode(), QToolButton::InstantPopup);
    }
    QMenu* scenario = w->findChild<QAction*>(QStringLiteral("scenarioMenu"))->menu();
    QVERIFY(scenario);
    for (const char* name : {"open", "save", "newScenario", "createTopic", "addProducer", "addConsumer", "removeConsumer", "exportPng"})
        QVERIFY2(scenario->actions().contains(w->action(QString::fromLatin1(name))), name);
    QCOMPARE(w->iconOnlyButtons(), 0);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::brokerMenusOpenFromTheWholeButton() {
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    for (const char* name : {"stopBrokerButton", "crashBrokerButton", "startBrokerButton"}) {
        auto* b = w->findChild<QToolButton*>(QString::fromLatin1(name));
        QVERIFY2(b, name);
        QCOMPARE(b->popupMode(), QToolButton::InstantPopup);
        QVERIFY(b->menu() || (b->defaultAction() && b->defaultAction()->menu()));
    }
    auto* crash = w->findChild<QToolButton*>(QStringLiteral("crashBrokerButton"));
    QCOMPARE(crash->defaultAction()->iconText(), QStringLiteral("Falha de broker"));
}

void LayoutTest::leadersKeepTheirLabels_data() {
    addSizes(true);
}

void LayoutTest::leadersKeepTheirLabels() {
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(bool, docks);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, docks);
    QVERIFY(w);
    const ClusterLayout& L = w->clusterCanvas()->layout();
    QCOMPARE(L.strips.size(), 18u);
    const QStringList problems = labelProblems(L) + cutTexts(L);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("view %1x%2: ").arg(L.size.width()).arg(L.size.height()) +
                        problems.mid(0, 6).join(QStringLiteral("; "))));
    for (const auto& b : L.brokers)
        QVERIFY(b.rect.width() >= ClusterLayoutBuilder::minimumBrokerWidth(Theme::normal()) - 0.5);
    // The groups keep their cards beside the brokers, inside the view.
    for (const auto& g : L.groups)
        QVERIFY(QRectF(QPointF(0, 0), L.size).contains(g.headerRect));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::terminalShowsEnoughLinesAndNothingSideways_data() {
    addSizes(false);
}

void LayoutTest::terminalShowsEnoughLinesAndNothingSideways() {
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, true);
    QVERIFY(w);
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    c->submit(
        QStringLiteral("kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic encomendas"));
    settle();
    const int lines = c->viewport()->height() / QFontMetrics(c->font()).lineSpacing();
    auto* labsDock = w->findChild<QDockWidget*>(QStringLiteral("labsDock"));
    auto* termDock = w->findChild<QDockWidget*>(QStringLiteral("terminalDock"));
    // The terminal is across the bottom even in a short window (with the lab panel open too: Kafka's
    // tables need the width, in normal mode as on a projector). There the cluster view's minimum
    // height leaves it 8 lines at 1366x768: a describe of a 3-partition topic with its command and
    // the prompt, or of a group's partitions.
    const bool projectorBottom = size.height() < MainWindow::kTallWindow;
    QVERIFY2(
        lines >= (projectorBottom ? 8 : 10),
        qPrintable(
            QStringLiteral("%1 lines (terminal %2 px high; dock %3, labs min %4, central min %5, central %6)")
                .arg(lines)
                .arg(c->viewport()->height())
                .arg(termDock->height())
                .arg(labsDock->minimumSizeHint().height())
                .arg(w->centralWidget()->minimumSizeHint().height())
                .arg(w->centralWidget()->height())));
    // Nothing scrolls sideways (issue #8, 1366x768 in presentation mode: the KIP-848 banner and the
    // describe tables ran off the terminal's edge): long lines wrap at the view's edge, as a terminal
    // window wraps them. A table's rows (here the topic line, which ends with Kafka 4.3.1's "Configs:
    // min.insync.replicas=1,segment.bytes=1073741824", 144 characters, and its 6 partitions) get a
    // smaller font, the same for all of them, so that each fits one line; only a view too narrow even
    // at TerminalConsole::kTableMinimumPointSize wraps them. Prose keeps the terminal's size and wraps
    // between words.
    c->submit(QStringLiteral("kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group faturacao"));
    c->submit(QStringLiteral("kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic encomendas --max-messages 1"));
    settle();
    QCOMPARE(c->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    QCOMPARE(c->horizontalScrollBar()->maximum(), 0);
    const double base = c->font().pointSizeF();
    auto sizeOf = [&](const QTextBlock& b) {
        const double pts = b.begin().atEnd() ? 0 : b.begin().fragment().charFormat().fontPointSize();
        return pts > 0 ? pts : base;
    };
    int tableLines = 0, groupLines = 0;
    double tableSize = 0, groupSize = 0;
    bool banner = false;
    for (QTextBlock b = c->document()->begin(); b.isValid(); b = b.next()) {
        (void)c->document()->documentLayout()->blockBoundingRect(b); // lays the block out (lazily done when shown)
        const QString text = b.text();
        const bool topicTable = text.contains(QStringLiteral("Partition:")) || text.startsWith(QStringLiteral("Topic:"));
        const bool groupTable = text.startsWith(QStringLiteral("faturacao ")) || text.startsWith(QStringLiteral("GROUP "));
        if (topicTable || groupTable) {
            double& pts = topicTable ? tableSize : groupSize;
            ++(topicTable ? tableLines : groupLines);
            if (pts == 0) pts = sizeOf(b);
            QCOMPARE(sizeOf(b), pts); // one size for the whole table: its columns stay aligned
            // Across the bottom (any window with the lab panel open: issue #8, where a describe row
            // took two or three lines at 8 pt in the panel's column, first in presentation mode, then
            // in normal mode at 1366x768) every row is one line, as in a terminal that wide.
            if (projectorBottom || w->dockWidgetArea(termDock) == Qt::BottomDockWidgetArea)
                QVERIFY2(b.layout()->lineCount() == 1,
                         qPrintable(QStringLiteral("a table row on %1 lines at %2 pt in %3 px: %4")
                                        .arg(b.layout()->lineCount())
                                        .arg(pts)
                                        .arg(c->viewport()->width())
                                        .arg(text)));
            QVERIFY2(pts <= base && (b.layout()->lineCount() == 1 || pts == TerminalConsole::kTableMinimumPointSize),
                     qPrintable(QStringLiteral("a table row at %1 pt (terminal %2 pt) on %3 lines in %4 px: %5")
                                    .arg(pts)
                                    .arg(base)
                                    .arg(b.layout()->lineCount())
                                    .arg(c->viewport()->width())
                                    .arg(text)));
        } else if (text.startsWith(QStringLiteral("The consumer rebalance protocol (KIP-848)"))) {
            banner = true;
            QCOMPARE(sizeOf(b), base);
            const int width = QFontMetrics(c->font()).horizontalAdvance(text);
            // Wrapped between words when wider than the view: no line starts inside a word.
            QVERIFY2(width <= c->viewport()->width() || b.layout()->lineCount() >= 2,
                     qPrintable(QStringLiteral("%1 px on %2 line(s) in %3 px").arg(width).arg(b.layout()->lineCount()).arg(c->viewport()->width())));
            // (Where Unicode's line breaking allows it, after a URL's "/" too; a word wider than the
            // view, the banner's URL at 1366 px, breaks where it must.)
            QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, text);
            for (int i = 1; i < b.layout()->lineCount(); ++i) {
                const int at = b.layout()->lineAt(i).textStart();
                breaks.setPosition(at);
                if (breaks.isAtBoundary()) continue;
                qsizetype from = at, to = at;
                while (from > 0 && !text.at(from - 1).isSpace()) --from;
                while (to < text.size() && !text.at(to).isSpace()) ++to;
                const int wordWidth = QFontMetrics(c->font()).horizontalAdvance(text.mid(from, to - from));
                QVERIFY2(wordWidth > c->viewport()->width() - 2 * c->document()->documentMargin(),
                         qPrintable(QStringLiteral("wrapped inside \"%1\" (%2 px in %3 px): %4")
                                        .arg(text.mid(from, to - from))
                                        .arg(wordWidth)
                                        .arg(c->viewport()->width())
                                        .arg(text)));
            }
        } else {
            QCOMPARE(sizeOf(b), base);
        }
    }
    QCOMPARE(tableLines, 7); // the topic line and 6 partitions
    QVERIFY2(groupLines >= 2, qPrintable(c->toPlainText().right(2000))); // the header and the group's partitions
    QVERIFY(banner);
    // The smaller font is only what the view needs: on the widest terminal the tables keep the terminal's size.
    if (size.width() >= 1920 && !presentation) QCOMPARE(tableSize, base);
    qInfo("%s: terminal %.1f pt, %d px wide; topic table %.1f pt, group table %.1f pt", QTest::currentDataTag(), base,
          c->viewport()->width(), tableSize, groupSize);
    // With the Kafka views in front the terminal is across the bottom at any size and in any mode,
    // wide enough for the tables (under the lab panel, 455 px wide at 1366x768 in normal mode, a
    // describe row took three lines).
    QCOMPARE(w->dockWidgetArea(termDock), Qt::BottomDockWidgetArea);
    QVERIFY(w->dockWidgetArea(labsDock) != Qt::BottomDockWidgetArea);
    // (In normal mode at 1366x768 the menu bar and the views' tabs take 55 px that presentation mode
    // gives the view: 437 px there, with every label, as labelProblems checks below.)
    const int least = !presentation && size.height() < MainWindow::kTallWindow ? 430 : 450;
    QVERIFY2(w->clusterCanvas()->height() >= least, qPrintable(QStringLiteral("cluster view %1 px high").arg(w->clusterCanvas()->height())));
    // And the cluster view stays readable.
    QVERIFY2(labelProblems(w->clusterCanvas()->layout()).isEmpty(),
             qPrintable(labelProblems(w->clusterCanvas()->layout()).join(QStringLiteral("; "))));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

/// What is cut in the groups' headers (the state chip, its detail, the assignor line) and in the
/// brokers' "+ N more" summary rows: texts that do not fit their rect whole, rects outside their
/// card or over each other.
static QStringList headerAndSummaryProblems(const ClusterLayout& L) {
    QStringList out;
    const Theme& th = L.theme;
    auto inner = [](const QRectF& r) { return r.adjusted(0.01, 0.01, -0.01, -0.01); }; // touching is not overlapping
    for (const auto& g : L.groups) {
        const QString where = QStringLiteral("group %1 ").arg(g.name);
        if (g.stateText.isEmpty() || g.detailText.isEmpty()) out << where + QStringLiteral("has no state or detail");
        if (!textFits(th.font(8), g.stateText, g.stateRect.adjusted(th.px(4), 0, -th.px(4), 0), 0))
            out << where + QStringLiteral("state chip \"%1\" cut").arg(g.stateText);
        if (!textFits(th.font(8), g.detailText, g.detailRect, Qt::TextWordWrap))
            out << where + QStringLiteral("detail \"%1\" cut (%2x%3 px for %4 px)")
                               .arg(g.detailText)
                               .arg(g.detailRect.width())
                               .arg(g.detailRect.height())
                               .arg(QFontMetricsF(th.font(8)).horizontalAdvance(g.detailText));
        for (const QRectF& r : {g.stateRect, g.detailRect, g.protocolRect})
            if (!g.headerRect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(r)) out << where + QStringLiteral("header text outside the header");
        if (inner(g.detailRect).intersects(g.stateRect)) out << where + QStringLiteral("detail over the state chip");
        if (inner(g.protocolRect).intersects(g.detailRect) || inner(g.protocolRect).intersects(g.stateRect))
            out << where + QStringLiteral("assignor line over the state");
        for (const auto& c : g.consumers)
            if (c.rect.intersects(inner(g.headerRect))) out << where + QStringLiteral("member card over the header");
    }
    for (const auto& b : L.brokers) {
        if (b.hiddenReplicas == 0) continue;
        const QString where = QStringLiteral("broker %1 summary ").arg(b.id);
        for (int n : {b.hiddenReplicas, b.replicas - b.hiddenReplicas, b.replicas})
            if (!b.moreText.contains(QString::number(n))) out << where + QStringLiteral("\"%1\" lacks %2").arg(b.moreText).arg(n);
        if (!textFits(th.font(8, true), b.moreText, b.moreTextRect, Qt::TextWordWrap))
            out << where + QStringLiteral("\"%1\" cut (%2x%3 px)").arg(b.moreText).arg(b.moreTextRect.width()).arg(b.moreTextRect.height());
        if (!b.moreRect.contains(b.moreTextRect) || !b.rect.contains(b.moreRect)) out << where + QStringLiteral("outside its broker");
        for (const auto& st : L.strips)
            if (st.broker == b.id && st.rect.intersects(inner(b.moreRect))) out << where + QStringLiteral("over the strip ") + st.name;
    }
    return out;
}

void LayoutTest::tablesShowRowsInEveryPane_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
        for (bool presentation : {false, true})
            QTest::addRow("%dx%d %s", size.width(), size.height(), qPrintable(viewName(presentation, false))) << size << presentation;
}

void LayoutTest::tablesShowRowsInEveryPane() {
    // At 1366x768 in normal mode the topics pane showed one row; and in presentation mode a topic's
    // configs wrapped onto six lines, so the pane showed one topic of falha-de-broker's two (issue #8).
    // Every pane has room for four rows, and shows its first four rows (or all it has) whole.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    auto w = makeWindow(size, presentation, false);
    QVERIFY(w);
    w->setView(MainWindow::View::Tables);
    QStringList problems;
    for (const char* scenario : {"rebalance-basico", "falha-de-broker"}) {
        QVERIFY(w->openScenario(QString::fromLatin1(scenario), false));
        w->controller()->runTo(40000);
        settle();
        w->tablesPage()->fitColumns();
        settle();
        const auto tables = w->tablesPage()->findChildren<QTableView*>();
        QCOMPARE(tables.size(), 4);
        for (const QTableView* t : tables) {
            QVERIFY(t->isVisible());
            const QString name = QStringLiteral("%1 %2").arg(QLatin1String(scenario), QLatin1String(t->model()->metaObject()->className()));
            const int rows = t->viewport()->height() / t->verticalHeader()->defaultSectionSize();
            if (rows < 4) problems << QStringLiteral("%1: %2 rows (%3 px)").arg(name).arg(rows).arg(t->viewport()->height());
            const int want = std::min(4, t->model()->rowCount());
            int whole = 0;
            while (whole < want && t->rowViewportPosition(whole) + t->rowHeight(whole) <= t->viewport()->height()) ++whole;
            if (whole < want)
                problems << QStringLiteral("%1: %2 of its first %3 rows whole (%4 px, row 0 %5 px)")
                                .arg(name)
                                .arg(whole)
                                .arg(want)
                                .arg(t->viewport()->height())
                                .arg(t->rowHeight(0));
        }
        QVERIFY(w->tablesPage()->tables().front()->model()->rowCount() >= 2); // __consumer_offsets and the scenario's topic
    }
    // The topics' configs: one line a row, the whole list in the cell's tooltip, one config a line.
    const QTableView* topics = w->tablesPage()->tables().front();
    for (int r = 0; r < topics->model()->rowCount(); ++r) {
        const QModelIndex index = topics->model()->index(r, 4);
        const QString configs = index.data().toString();
        if (topics->rowHeight(r) > topics->verticalHeader()->defaultSectionSize())
            problems << QStringLiteral("configs \"%1\" on a %2 px row").arg(configs).arg(topics->rowHeight(r));
        if (configs.contains(QLatin1Char(',')) && index.data(Qt::ToolTipRole).toString() != QString(configs).replace(QLatin1Char(','), QLatin1Char('\n')))
            problems << QStringLiteral("configs \"%1\" with the tooltip \"%2\"").arg(configs, index.data(Qt::ToolTipRole).toString());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void LayoutTest::tablesFitTheirWidth_data() {
    addSizes(false);
}

void LayoutTest::tablesFitTheirWidth() {
    // Issue #8: at 1366x768 in presentation mode the Topics table cut "ReplicationFactor" to
    // "Replicati" and scrolled sideways, and the offsets table hid HOST and CLIENT-ID past its edge.
    // Every table of the Tables view shows its headers and its values whole, without a sideways scroll
    // bar: a header wider than its values on two lines ("Partition" over "Count"), long values wrapped
    // (client ids) or shortened on one line (member ids, configs).
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, false);
    QVERIFY(w);
    w->controller()->runTo(40000); // members with their ids, committed offsets
    w->setView(MainWindow::View::Tables);
    settle();
    w->tablesPage()->fitColumns();
    settle();
    if (!shotsDir().isEmpty())
        w->grab().save(QStringLiteral("%1/tables-%2x%3-%4-%5.png")
                           .arg(shotsDir())
                           .arg(size.width())
                           .arg(size.height())
                           .arg(viewName(presentation, false), lang));
    QStringList problems;
    for (QTableView* t : w->tablesPage()->tables()) {
        const QString name = QLatin1String(t->model()->metaObject()->className());
        const auto* view = static_cast<const QAbstractItemView*>(t);
        QHeaderView* h = t->horizontalHeader();
        if (t->horizontalScrollBar()->maximum() > 0)
            problems << QStringLiteral("%1 scrolls sideways by %2 px").arg(name).arg(t->horizontalScrollBar()->maximum());
        QVERIFY(t->model()->rowCount() > 0);
        for (int c = 0; c < t->model()->columnCount(); ++c) {
            const QString header = t->model()->headerData(c, Qt::Horizontal).toString();
            if (h->sectionSize(c) + 1 < h->sectionSizeHint(c))
                problems << QStringLiteral("%1 header \"%2\" cut (%3 px for %4)").arg(name, header).arg(h->sectionSize(c)).arg(h->sectionSizeHint(c));
            if (h->sectionViewportPosition(c) + h->sectionSize(c) > t->viewport()->width() + 1)
                problems << QStringLiteral("%1 column \"%2\" past the edge").arg(name, header);
            // A member id is shortened in the middle on one line (tableCellsGrowAndMemberIdsStayOnOneLine).
            const bool elidable = qobject_cast<const SnapshotTableModel*>(t->model())->elidable(c);
            if (!elidable && !t->wordWrap() && view->sizeHintForColumn(c) > h->sectionSize(c) + 1)
                problems << QStringLiteral("%1 values of \"%2\" cut (%3 px for %4)").arg(name, header).arg(h->sectionSize(c)).arg(view->sizeHintForColumn(c));
            for (int r = 0; !elidable && t->wordWrap() && r < t->model()->rowCount(); ++r) {
                // Laid out in the column's width as the view draws it: as wide as the column at most,
                // as high as the row at most.
                QStyleOptionViewItem opt;
                opt.initFrom(t->viewport());
                opt.font = t->font();
                opt.features |= QStyleOptionViewItem::WrapText;
                opt.rect = QRect(0, 0, h->sectionSize(c), t->rowHeight(r));
                const QModelIndex index = t->model()->index(r, c);
                const QSize need = t->itemDelegateForIndex(index)->sizeHint(opt, index);
                if (need.width() > h->sectionSize(c) + 1 || need.height() > t->rowHeight(r) + 1)
                    problems << QStringLiteral("%1 \"%2\" cut (%3x%4 px for %5x%6)")
                                    .arg(name, index.data().toString())
                                    .arg(h->sectionSize(c))
                                    .arg(t->rowHeight(r))
                                    .arg(need.width())
                                    .arg(need.height());
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 8).join(QStringLiteral("; "))));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::tableCellsGrowAndMemberIdsStayOnOneLine_data() {
    addSizes(false);
}

void LayoutTest::tableCellsGrowAndMemberIdsStayOnOneLine() {
    // Issue #8: in presentation mode only the Tables view's headers grew (14 pt), its cells stayed 9 pt;
    // and at 1366x768 in presentation mode a CONSUMER-ID (client id, hyphen, UUID) wrapped onto four
    // lines a row. The cells grow as the rest of presentation mode does (9 pt x 14/10), and a member id
    // stays on one line: whole, or its start, "…" and its end, with the whole id as the cell's tooltip.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, false);
    QVERIFY(w);
    w->controller()->runTo(40000);
    w->setView(MainWindow::View::Tables);
    settle();
    w->tablesPage()->fitColumns();
    settle();
    // As large as the rest of presentation mode where the tables fit the width (1920x1080); smaller where
    // they would not (at 1366x768 no size above 9 pt fits both sides, tablesFitTheirWidth); 9 pt in normal mode.
    const double points = w->tablesPage()->tables().front()->font().pointSizeF();
    if (!presentation) QCOMPARE(points, 9.0);
    else if (size.width() >= 1920) QCOMPARE(points, 9.0 * kPresentationPointSize / kNormalPointSize);
    else QVERIFY2(points >= 9, qPrintable(QString::number(points)));
    for (QTableView* t : w->tablesPage()->tables()) {
        QCOMPARE(t->font().pointSizeF(), points);
        QCOMPARE(t->verticalHeader()->defaultSectionSize(), QFontMetrics(t->font()).height() + 6);
    }
    QTableView* offsets = w->tablesPage()->tables().at(3);
    const auto* model = qobject_cast<const SnapshotTableModel*>(offsets->model());
    QVERIFY(model);
    const int column = 6; // CONSUMER-ID
    QVERIFY(model->elidable(column));
    QStringList problems;
    int ids = 0;
    const QFontMetrics fm(offsets->font());
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, column);
        const QString id = index.data().toString();
        if (id == QStringLiteral("-")) continue;
        ++ids;
        QStyleOptionViewItem opt;
        opt.initFrom(offsets->viewport());
        opt.font = offsets->font();
        opt.fontMetrics = fm;
        if (offsets->wordWrap()) opt.features |= QStyleOptionViewItem::WrapText;
        opt.rect = QRect(0, 0, offsets->horizontalHeader()->sectionSize(column), offsets->rowHeight(r));
        const QSize need = offsets->itemDelegateForIndex(index)->sizeHint(opt, index);
        if (need.height() > offsets->verticalHeader()->defaultSectionSize())
            problems << QStringLiteral("\"%1\" needs %2 px, a row is %3").arg(id).arg(need.height()).arg(offsets->verticalHeader()->defaultSectionSize());
        if (index.data(Qt::ToolTipRole).toString() != id) problems << QStringLiteral("\"%1\" without its tooltip").arg(id);
        // What the cell shows: its start (the client id's first characters) and its last six.
        const QString shown = TablesPage::elidedValue(id, fm, offsets->horizontalHeader()->sectionSize(column) - 8);
        if (!shown.startsWith(id.left(8)) || !shown.endsWith(id.right(6)))
            problems << QStringLiteral("\"%1\" shown as \"%2\"").arg(id, shown);
    }
    QVERIFY(ids >= 2);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 6).join(QStringLiteral("; "))));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::groupHeaderAndSummaryAreWhole_data() {
    addSizes(true);
}

void LayoutTest::groupHeaderAndSummaryAreWhole() {
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(bool, docks);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, docks);
    QVERIFY(w);
    ClusterCanvas* canvas = w->clusterCanvas();
    const ClusterLayout& shown = canvas->layout();
    QVERIFY(!shown.groups.empty());
    QStringList problems = headerAndSummaryProblems(shown);
    // The longest details: the coordinator's broker down, and no broker leading the group's
    // __consumer_offsets partition (the same observation with the group's coordinator gone).
    for (obs::BrokerId coordinator : {2, -1}) {
        obs::Observation o = w->controller()->observation();
        for (auto& g : o.groups) {
            g.coordinator = coordinator;
            g.coordinator_down = true;
        }
        const ClusterLayout L = ClusterLayoutBuilder::build(o, w->controller()->speed(), QSizeF(canvas->size()), canvas->theme());
        QVERIFY(!L.groups.empty());
        QVERIFY(L.groups.front().detailText.contains(coordinator < 0 ? QStringLiteral("__consumer_offsets") : QStringLiteral("2")));
        problems += headerAndSummaryProblems(L);
    }
    // A topic with more partitions than fit: every broker draws the first ones and says how many it does not.
    QString error;
    QVERIFY2(w->controller()->createTopic("grande", 3000, 3, &error), qPrintable(error));
    settle();
    const ClusterLayout& many = canvas->layout();
    int summaries = 0;
    for (const auto& b : many.brokers) summaries += b.hiddenReplicas > 0 ? 1 : 0;
    QCOMPARE(summaries, 3);
    problems += headerAndSummaryProblems(many);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("view %1x%2: ").arg(shown.size.width()).arg(shown.size.height()) +
                                            problems.mid(0, 6).join(QStringLiteral("; "))));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::compareKeepsNamesAndBrokerWidth_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
        for (bool presentation : {false, true})
            QTest::addRow("%dx%d %s", size.width(), size.height(), presentation ? "presentation" : "normal")
                << size << presentation;
}

void LayoutTest::compareKeepsNamesAndBrokerWidth() {
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    CompareWindow cw(w->controller());
    cw.show();
    cw.resize(fittedSize(size, QRect(QPoint(0, 0), size)));
    if (presentation) cw.setPresentation(true);
    cw.seekTime(8000);
    settle();
    for (ClusterCanvas* v : {cw.leftView(), cw.rightView()}) {
        const ClusterLayout& L = v->layout();
        QVERIFY(!L.strips.empty());
        for (const auto& b : L.brokers)
            QVERIFY2(b.rect.width() >= 100,
                     qPrintable(QStringLiteral("broker %1 is %2 px wide").arg(b.id).arg(b.rect.width())));
        // Nothing shortened: producer cards, "(leader)" after a member's name, the brokers' status.
        const QStringList problems = labelProblems(L) + cutTexts(L);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 6).join(QStringLiteral("; "))));
        if (presentation)
            QVERIFY(L.theme.presentation); // thick lines, high contrast (the scale may be smaller to fit)
        // The brokers' status lines are whole (on two lines if need be) when there is room.
        for (const auto& b : L.brokers) {
            if (size.height() < 1000) break; // a 768-pixel-high compare window keeps the strips' detail first
            const QString status = QCoreApplication::translate("fluxolab::app::ClusterCanvas", "running") +
                                   (b.controller ? QCoreApplication::translate("fluxolab::app::ClusterCanvas", " · controller") : QString()) +
                                   QStringLiteral(" · ") +
                                   QCoreApplication::translate("fluxolab::app::ClusterCanvas", "%n leader(s)", nullptr, b.leaders);
            const double w = b.headerRect.width() - 16 * L.theme.scale;
            const QRectF need = QFontMetricsF(L.theme.font(8)).boundingRect(QRectF(0, 0, w, 1000), Qt::AlignLeft | Qt::TextWordWrap, status);
            QVERIFY2(need.width() <= w + 0.5 && need.height() <= b.headerRect.height() - 22 * L.theme.scale + 0.5, qPrintable(status));
        }
        // Which assignor each side uses is readable in full (wrapped, not shortened).
        QVERIFY(!L.groups.empty());
        for (const auto& g : L.groups) {
            QVERIFY(g.protocolText.contains(QStringLiteral("range")) || g.protocolText.contains(QStringLiteral("cooperative-sticky")));
            const QRectF need = QFontMetricsF(L.theme.font(8)).boundingRect(QRectF(0, 0, g.protocolRect.width(), 1000),
                                                                             Qt::AlignLeft | Qt::TextWordWrap, g.protocolText);
            QVERIFY2(need.height() <= g.protocolRect.height() + 0.5 && g.headerRect.contains(g.protocolRect), qPrintable(g.protocolText));
        }
    }
}

void LayoutTest::compareTextsFitTheirBoxes_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
        for (bool presentation : {false, true})
            for (const char* lang : {"pt_PT", "en"})
                QTest::addRow("%dx%d %s %s", size.width(), size.height(), presentation ? "presentation" : "normal", lang)
                    << size << presentation << QString::fromLatin1(lang);
}

void LayoutTest::compareTextsFitTheirBoxes() {
    // The compare window at 1366x768 in presentation mode drew "→ encomenda|s", "159 confirmad|os" and
    // "consumer-faturacao-1 (líde|r)": every text of both views, measured against its box, is whole
    // and breaks only between words. Through a rebalance (a member joins and leaves) and a broker
    // crash, so that banners, statuses and "without owner" rows are measured too.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    CompareWindow cw(w->controller());
    cw.show();
    cw.resize(fittedSize(size, QRect(QPoint(0, 0), size)));
    if (presentation) cw.setPresentation(true);
    settle();
    QStringList problems;
    int texts = 0;
    for (std::int64_t t : {2000, 8000, 12000, 20000}) {
        cw.seekTime(t);
        settle();
        // The sides draw brokers and groups; the producers and the legend are drawn once, in the
        // strip left of them, at the sides' scale.
        for (ClusterCanvas* v : {cw.leftView(), cw.rightView()}) {
            const ClusterLayout& L = v->layout();
            QVERIFY(!L.strips.empty() && L.producers.empty() && L.legendRect.isEmpty() && !L.groups.empty());
            if (presentation) QVERIFY(L.theme.presentation);
            texts += static_cast<int>(L.strips.size() + L.groups.size());
            for (const QString& p : textBoxProblems(L)) problems << QStringLiteral("t=%1 %2").arg(t).arg(p);
        }
        const ClusterLayout& clients = cw.producersView()->layout();
        QVERIFY(!clients.producers.empty() && !clients.legend.empty() && clients.strips.empty() && clients.groups.empty());
        // At the sides' scale, or a little below when the strip's width and theirs found no fixed
        // point (a label line more or less on the sides): never larger than its width allows.
        const double sides = std::min(cw.leftView()->layout().theme.scale, cw.rightView()->layout().theme.scale);
        QVERIFY2(clients.theme.scale <= sides + 1e-9 && clients.theme.scale >= sides - 0.02,
                 qPrintable(QStringLiteral("t=%1 strip at %2, sides at %3").arg(t).arg(clients.theme.scale).arg(sides)));
        QCOMPARE(clients.producers.front().ackedText,
                 QCoreApplication::translate("fluxolab::app::ClusterCanvas", "%n acked", nullptr,
                                             static_cast<int>(cw.right()->observation().producers.front().acked)));
        texts += static_cast<int>(clients.producers.size() + clients.legend.size());
        for (const QString& p : textBoxProblems(clients)) problems << QStringLiteral("t=%1 producers strip: %2").arg(t).arg(p);
        if (!QRectF(QPointF(0, 0), clients.size).contains(clients.legendRect.united(clients.producers.back().rect)))
            problems << QStringLiteral("t=%1 producers strip: outside the view").arg(t);
    }
    if (!shotsDir().isEmpty())
        cw.grab().save(QStringLiteral("%1/compare-%2x%3-%4-%5.png").arg(shotsDir()).arg(size.width()).arg(size.height())
                           .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    // In presentation mode the window's own texts (the explanation, the assignors, the playback bar)
    // are at the main window's presentation size too, and the window still fits the screen.
    for (QWidget* child : cw.findChildren<QWidget*>()) {
        if (qobject_cast<ClusterCanvas*>(child) || !child->isVisible() || child->parentWidget() != &cw) continue;
        if (presentation && child->font().pointSizeF() < 14)
            problems << QStringLiteral("%1 at %2 pt").arg(QString::fromLatin1(child->metaObject()->className())).arg(child->font().pointSizeF());
    }
    if (cw.width() > size.width() || cw.height() > size.height() || cw.minimumSizeHint().width() > size.width() ||
        cw.minimumSizeHint().height() > size.height())
        problems << QStringLiteral("the window (%1x%2, at least %3x%4) is larger than the screen")
                        .arg(cw.width())
                        .arg(cw.height())
                        .arg(cw.minimumSizeHint().width())
                        .arg(cw.minimumSizeHint().height());
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 8).join(QStringLiteral("; "))));
    QVERIFY(texts > 0);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::compareHeaderFitsEveryHeight_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (bool presentation : {false, true})
        for (const char* lang : {"pt_PT", "en"})
            QTest::addRow("%s %s", presentation ? "presentation" : "normal", lang) << presentation << QString::fromLatin1(lang);
}

void LayoutTest::compareHeaderFitsEveryHeight() {
    // The compare window on a 1366x768 screen, at every height the screen allows (from its minimum to
    // the whole screen, a maximized window without a frame): the brokers' status lines ("a correr ·
    // controlador · 2 líderes") are whole. At 720 px they were, taller they were cut to one line: the
    // header wrapped only when that cost the strips no detail.
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    CompareWindow cw(w->controller());
    cw.show();
    if (presentation) cw.setPresentation(true);
    cw.seekTime(8000);
    settle();
    const int minH = std::max(cw.minimumSizeHint().height(), cw.minimumHeight());
    QStringList problems;
    int heights = 0;
    for (const int width : {1366 - kFrameAllowanceW, 1366})
        for (int h = minH; h <= 768; h += (h + 4 > 768 || h == minH ? 1 : 4)) {
            cw.resize(width, h);
            settle();
            ++heights;
            for (ClusterCanvas* v : {cw.leftView(), cw.rightView()}) {
                const ClusterLayout& L = v->layout();
                if (presentation && !L.theme.presentation) problems << QStringLiteral("%1x%2 not in presentation").arg(width).arg(h);
                for (const auto& b : L.brokers) {
                    if (b.statusText.isEmpty() || !textFits(L.theme.font(8), b.statusText, b.statusRect, Qt::TextWordWrap) ||
                        !b.headerRect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(b.statusRect))
                        problems << QStringLiteral("%1x%2 (view %3x%4, scale %5, detail %6): broker %7 status \"%8\" in %9x%10 px")
                                        .arg(width)
                                        .arg(h)
                                        .arg(v->width())
                                        .arg(v->height())
                                        .arg(L.theme.scale)
                                        .arg(int(L.detail))
                                        .arg(b.id)
                                        .arg(b.statusText)
                                        .arg(b.statusRect.width())
                                        .arg(b.statusRect.height());
                    if (b.controller && b.controllerRect.isEmpty() &&
                        !b.statusText.contains(QCoreApplication::translate("fluxolab::app::ClusterCanvas", " · controller").mid(3)))
                        problems << QStringLiteral("%1x%2: broker %3 does not say it is the controller").arg(width).arg(h).arg(b.id);
                }
                for (const QString& p : textBoxProblems(L))
                    if (p.startsWith(QStringLiteral("broker"))) problems << QStringLiteral("%1x%2: %3").arg(width).arg(h).arg(p);
            }
        }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + QStringLiteral(" problems: ") +
                                            problems.mid(0, 8).join(QStringLiteral("; "))));
    QVERIFY(heights > 50);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::compareFollowsPresentationMode() {
    // A compare window opened from the main window and then presentation mode turned on (F11): it
    // stayed at the normal theme, its views at scale 1.0 and its texts at 10 pt. It follows the main
    // window both ways; at 1920x1080 its views are at the largest scale that fits (more than 1.0).
    for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        auto w = makeWindow(size, false, false);
        QVERIFY(w);
        w->action(QStringLiteral("compare"))->trigger();
        settle();
        auto* cw = w->findChild<CompareWindow*>();
        QVERIFY(cw);
        cw->resize(fittedSize(size, QRect(QPoint(0, 0), size)));
        settle();
        const auto scales = [cw] {
            cw->leftView()->grab(); // lays the views out at their size
            cw->rightView()->grab();
            return std::make_pair(cw->leftView()->layout().theme, cw->rightView()->layout().theme);
        };
        QVERIFY(!scales().first.presentation && !cw->isPresentation());
        w->setPresentation(true);
        settle();
        QVERIFY(cw->isPresentation());
        // At 1366x768 (the window 1350x720) the sides were at 1.0: each drew its own producers'
        // column and a groups' column of at least 190 px. The producers are drawn once now, the
        // groups' column is as wide as its texts, and each side's scale is bounded by its width
        // (three broker columns of 112 px) and its height (six strips of three label lines).
        for (const Theme& th : {scales().first, scales().second}) {
            QVERIFY(th.presentation);
            qInfo("%dx%d presentation: compare sides at scale %.3f", size.width(), size.height(), th.scale);
            if (size.width() >= 1920) QVERIFY2(th.scale >= 1.45, qPrintable(QString::number(th.scale)));
            else QVERIFY2(th.scale >= 1.1, qPrintable(QString::number(th.scale)));
        }
        // The producers' strip is at the sides' scale (its texts as large as theirs).
        QVERIFY(std::abs(cw->producersView()->layout().theme.scale - std::min(scales().first.scale, scales().second.scale)) <= 0.02);
        for (QComboBox* box : cw->findChildren<QComboBox*>()) QCOMPARE(box->font().pointSizeF(), 14.0);
        w->setPresentation(false);
        settle();
        QVERIFY(!cw->isPresentation());
        QVERIFY(!scales().first.presentation && scales().first.scale == 1.0);
        for (QComboBox* box : cw->findChildren<QComboBox*>()) QVERIFY(box->font().pointSizeF() < 14);
        cw->close();
    }
}

void LayoutTest::compareWithoutGroupsSaysWhy_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (bool presentation : {false, true})
        for (const char* lang : {"pt_PT", "en"})
            QTest::addRow("%s %s", presentation ? "presentation" : "normal", lang) << presentation << QString::fromLatin1(lang);
}

void LayoutTest::compareWithoutGroupsSaysWhy() {
    // acks-e-perda has no consumer group: the compare sides kept an empty 190 px groups' column with
    // nothing saying why. Now they have no groups' column (the brokers take the width) and the
    // window says, in the app's language, why both sides are the same. rebalance-basico has a group:
    // no note, and the column is back.
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    QVERIFY(w->openScenario(QStringLiteral("acks-e-perda"), false));
    CompareWindow cw(w->controller());
    cw.show();
    cw.resize(fittedSize(QSize(1366, 768), QRect(0, 0, 1366, 768)));
    if (presentation) cw.setPresentation(true);
    cw.seekTime(10000);
    settle();
    const QString why = lang == QStringLiteral("en") ? QStringLiteral("No consumer group here at this moment")
                                                     : QStringLiteral("Nenhum grupo de consumidores aqui neste instante");
    QVERIFY(cw.noGroupsNote()->isVisible());
    QVERIFY2(cw.noGroupsNote()->text().startsWith(why), qPrintable(cw.noGroupsNote()->text()));
    for (ClusterCanvas* v : {cw.leftView(), cw.rightView()}) {
        const ClusterLayout& L = v->layout();
        QVERIFY(L.groups.empty() && L.groupsTitleRect.isEmpty() && !L.strips.empty());
        QVERIFY2(L.brokers.back().rect.right() >= L.size.width() - L.theme.px(10) - 0.5,
                 qPrintable(QStringLiteral("broker %1 ends at %2 of %3").arg(L.brokers.back().id).arg(L.brokers.back().rect.right()).arg(L.size.width())));
        const QStringList problems = textBoxProblems(L);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 6).join(QStringLiteral("; "))));
    }
    // Its two producers and the legend, whole (the strip is drawn smaller than the sides rather
    // than without the legend: at 1366x768 in presentation both did not fit at the sides' scale).
    const ClusterLayout& clients = cw.producersView()->layout();
    qInfo("%s: producers strip at scale %.3f, sides at %.3f", presentation ? "presentation" : "normal", clients.theme.scale,
          cw.leftView()->layout().theme.scale);
    QCOMPARE(clients.producers.size(), std::size_t(2));
    QVERIFY(!clients.legendRect.isEmpty() && clients.legendRect.top() >= clients.producers.back().rect.bottom());
    const QStringList clientProblems = textBoxProblems(clients);
    QVERIFY2(clientProblems.isEmpty(), qPrintable(clientProblems.mid(0, 6).join(QStringLiteral("; "))));
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    cw.finishCatchUp();
    cw.seekTime(10000);
    settle();
    QVERIFY(!cw.noGroupsNote()->isVisible());
    for (ClusterCanvas* v : {cw.leftView(), cw.rightView()})
        QVERIFY(!v->layout().groups.empty() && !v->layout().groupsTitleRect.isEmpty());
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

/// What a flight's dot (or batch chip) covers: a strip's name, role or ISR chip, LEO/HW numbers or
/// "HW" text, the offsets written in any strip's cells, a broker's header, a producer's texts.
static QStringList dotCovers(const ClusterLayout& L) {
    QStringList out;
    if (L.detail == Detail::Minimal) return out; // the names are drawn over the flights there
    const Theme& th = L.theme;
    auto inner = [](const QRectF& r) { return r.adjusted(0.5, 0.5, -0.5, -0.5); }; // touching is not covering
    for (const auto& f : L.flights) {
        const QRectF dot = f.batch && !f.chipRect.isEmpty() ? f.chipRect : QRectF(f.pos.x() - th.px(5), f.pos.y() - th.px(5), th.px(10), th.px(10));
        const QString what = QStringLiteral("%1 to %2-%3 at %4,%5 (progress %6) ")
                                 .arg(f.batch ? QStringLiteral("batch") : QStringLiteral("record"))
                                 .arg(QString::fromStdString(f.tp.first))
                                 .arg(f.tp.second)
                                 .arg(f.pos.x())
                                 .arg(f.pos.y())
                                 .arg(f.progress);
        for (const auto& st : L.strips)
            for (const QRectF& item : {st.nameRect, st.roleRect, st.isrRect, st.numbersRect, st.hwLabelRect})
                if (!item.isEmpty() && dot.intersects(inner(item)))
                    out << what + QStringLiteral("over the label of %1@broker %2").arg(st.name).arg(st.broker);
        // The offsets written in the cells (any broker's, the target's too), the "…N" of the older
        // records and "empty log": a record travelled along its cells row from broker 1 over the
        // other brokers' offsets on that row.
        const QFontMetricsF cellFm(th.condensed(L.cellWidth >= th.px(28) ? 8.5 : 7.5));
        const QFontMetricsF tinyFm(th.font(7));
        for (const auto& st : L.strips) {
            if (L.cellWidth >= th.px(14))
                for (const auto& c : st.cells) {
                    if (c.rect.height() < cellFm.height() - 1) continue;
                    const double w = cellFm.horizontalAdvance(QString::number(c.offset));
                    const QRectF text(c.rect.center().x() - w / 2, c.rect.top(), w, c.rect.height());
                    if (dot.intersects(inner(text)))
                        out << what + QStringLiteral("over offset %1 of %2@broker %3").arg(c.offset).arg(st.name).arg(st.broker);
                }
            if (st.elided > 0 && dot.intersects(inner(st.elideRect))) out << what + QStringLiteral("over the older records' count of ") + st.name;
            if (st.leo == st.logStart) {
                const QRectF empty(st.cellsRect.left() + th.px(4), st.cellsRect.top(), tinyFm.horizontalAdvance(QCoreApplication::translate("fluxolab::app::ClusterCanvas", "empty log")),
                                   st.cellsRect.height());
                if (dot.intersects(inner(empty))) out << what + QStringLiteral("over \"empty log\" of ") + st.name;
            }
        }
        for (const auto& b : L.brokers)
            if (dot.intersects(inner(b.headerRect))) out << what + QStringLiteral("over broker %1's header").arg(b.id);
        for (const auto& pr : L.producers)
            for (const QRectF& item : {pr.nameRect, pr.topicRect, pr.ackedRect})
                if (dot.intersects(inner(item))) out << what + QStringLiteral("over producer ") + pr.name;
    }
    return out;
}

void LayoutTest::flightDotsStayOffLabels_data() {
    addSizes(true);
}

void LayoutTest::flightDotsStayOffLabels() {
    // The records in flight (dots) and batches ("×N" chips) travel from the producer along the gap
    // before broker 1 and then along the target's cells row: never over a partition's name, its
    // "leader"/"follower" or ISR badge, its LEO/HW numbers, a broker's header or a producer's texts.
    // At 1x (single records) and 16x (batches), in the main window and in the compare window.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(bool, docks);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    QStringList problems;
    int flights = 0;
    for (double speed : {1.0, 16.0}) {
        auto w = makeWindow(size, presentation, docks);
        QVERIFY(w);
        SimulationController* c = w->controller();
        c->setSpeed(speed);
        for (std::int64_t t = 8000; t < 11000 && problems.size() < 6; t += 35) {
            c->runTo(t);
            const ClusterLayout& L = w->clusterCanvas()->layout();
            QVERIFY(L.detail != Detail::Minimal);
            flights += static_cast<int>(L.flights.size());
            for (const QString& p : dotCovers(L)) problems << QStringLiteral("%1x t=%2 %3").arg(speed).arg(t).arg(p);
        }
        if (docks) continue;
        CompareWindow cw(c);
        cw.show();
        cw.resize(fittedSize(size, QRect(QPoint(0, 0), size)));
        if (presentation) cw.setPresentation(true);
        settle();
        for (std::int64_t t = 8000; t < 10000 && problems.size() < 6; t += 35) {
            cw.seekTime(t);
            for (ClusterCanvas* v : {cw.leftView(), cw.rightView()}) {
                flights += static_cast<int>(v->layout().flights.size());
                for (const QString& p : dotCovers(v->layout())) problems << QStringLiteral("compare t=%1 %2").arg(t).arg(p);
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 6).join(QStringLiteral("; "))));
    QVERIFY(flights > 100);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::flightsDoNotCoverLabels() {
    for (double speed : {1.0, 16.0}) {
        auto w = makeWindow(QSize(1366, 768), false, true);
        QVERIFY(w);
        SimulationController* c = w->controller();
        c->setSpeed(speed);
        int flights = 0, keys = 0;
        for (std::int64_t t = 8000; t < 14000; t += 70) {
            c->runTo(t);
            const ClusterLayout& L = w->clusterCanvas()->layout();
            for (const auto& f : L.flights) {
                ++flights;
                const ReplicaStrip* target = L.leaderStrip(f.tp);
                QVERIFY(target);
                for (const auto& st : L.strips)
                    for (const QRectF& item : {st.nameRect, st.roleRect, st.isrRect, st.numbersRect}) {
                        QVERIFY2(!f.keyRect.intersects(item),
                                 qPrintable(f.keyText + QStringLiteral(" over ") + st.name));
                        if (f.batch && f.progress >= 1.0)
                            QVERIFY2(!f.chipRect.intersects(item),
                                     qPrintable(QStringLiteral("batch over ") + st.name));
                    }
                for (const auto& pr : L.producers)
                    for (const QRectF& item : {pr.nameRect, pr.topicRect, pr.ackedRect})
                        QVERIFY2(!f.keyRect.intersects(item), qPrintable(f.keyText + QStringLiteral(" over producer ") + pr.name));
                for (const auto& st : L.strips) {
                    QVERIFY(!f.keyRect.intersects(st.hwLabelRect));
                    for (const auto& mk : st.markers) QVERIFY2(!f.keyRect.intersects(mk.rect), qPrintable(f.keyText + QStringLiteral(" over a marker")));
                }
                if (!f.keyRect.isEmpty()) ++keys;
                // An arrived batch's chip is on its cells row, right of the last record, inside the strip
                // (no room there: it stays a dot).
                if (f.batch && f.progress >= 1.0 && !f.chipRect.isEmpty()) {
                    QVERIFY(std::abs(f.chipRect.center().y() - target->cellsRect.center().y()) < 0.5);
                    QVERIFY(target->rect.adjusted(-1, -1, 1, 1).contains(f.chipRect));
                    if (target->leoX) QVERIFY(f.chipRect.left() >= *target->leoX);
                }
            }
            // Key texts do not stack on each other.
            for (std::size_t a = 0; a < L.flights.size(); ++a)
                for (std::size_t b = 0; b < a; ++b)
                    QVERIFY(!L.flights[a].keyRect.intersects(L.flights[b].keyRect));
        }
        QVERIFY(flights > 0);
        if (speed < 8) QVERIFY(keys > 0); // some key texts are still shown
    }
}

void LayoutTest::flightKeysKeepClearOfHeaders_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (const char* scenario : {"falha-de-broker", "rebalance-basico"})
        for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
            for (bool presentation : {false, true})
                for (const char* lang : {"pt_PT", "en"})
                    QTest::addRow("%s %dx%d %s %s", scenario, size.width(), size.height(), presentation ? "presentation" : "normal", lang)
                        << QString::fromLatin1(scenario) << size << presentation << QString::fromLatin1(lang);
}

static QStringList keyCovers(const ClusterLayout& L);

void LayoutTest::flightKeysKeepClearOfHeaders() {
    // The keys of records in flight ("conta-2") never touch a broker's header (its title, its
    // status wrapped on two lines after a crash, "0 leaders"), a strip's label or badge, the
    // summary rows or the legend, and each key is whole inside its rect. Through a broker crash
    // (falha-de-broker's at 15 s; in rebalance-basico from the toolbar's menu).
    QFETCH(QString, scenario);
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = std::make_unique<MainWindow>();
    w->show();
    w->resize(size);
    QVERIFY(w->openScenario(scenario, false));
    if (presentation) w->setPresentation(true);
    settle();
    w->resize(size);
    settle();
    SimulationController* c = w->controller();
    const bool scripted = scenario == QStringLiteral("falha-de-broker");
    const std::int64_t from = scripted ? 13000 : 8000;
    int keys = 0;
    QStringList problems;
    for (std::int64_t t = from; t < from + 9000 && problems.size() < 6; t += 60) {
        if (!scripted && t == from + 2040) c->stopBroker(1, true);
        c->runTo(t);
        const ClusterLayout& L = w->clusterCanvas()->layout();
        const QFontMetricsF keyFm(L.theme.condensed(7.5, true));
        for (const auto& f : L.flights) {
            if (f.keyRect.isEmpty()) continue;
            ++keys;
            const QString what = QStringLiteral("t=%1 \"%2\" ").arg(t).arg(f.keyText);
            if (keyFm.horizontalAdvance(f.keyText) > f.keyRect.width() + 0.5 || keyFm.height() > f.keyRect.height() + 0.5)
                problems << what + QStringLiteral("cut");
            if (!QRectF(QPointF(0, 0), L.size).contains(f.keyRect)) problems << what + QStringLiteral("outside the view");
            for (const auto& b : L.brokers) {
                if (f.keyRect.intersects(b.headerRect))
                    problems << what + QStringLiteral("over broker %1's header \"%2\"").arg(b.id).arg(b.statusText);
                // Never on a broker's panel at all: among its strips' cells, LEO/HW texts and markers
                // (seen in presentation at 1366x768).
                if (f.keyRect.intersects(b.rect)) problems << what + QStringLiteral("on broker %1's panel").arg(b.id);
                if (f.keyRect.intersects(b.moreRect)) problems << what + QStringLiteral("over a summary row");
            }
            for (const auto& st : L.strips)
                for (const QRectF& item : {st.nameRect, st.roleRect, st.isrRect, st.numbersRect, st.hwLabelRect})
                    if (!item.isEmpty() && f.keyRect.intersects(item)) problems << what + QStringLiteral("over the label of ") + st.name;
            if (!L.legendRect.isEmpty() && f.keyRect.intersects(L.legendRect)) problems << what + QStringLiteral("over the legend");
            for (const auto& pr : L.producers)
                if (f.keyRect.intersects(pr.nameRect) || f.keyRect.intersects(pr.topicRect) || f.keyRect.intersects(pr.ackedRect))
                    problems << what + QStringLiteral("over producer ") + pr.name;
        }
        // Nor over any cells, marker, group card or another key.
        for (const QString& p : keyCovers(L)) problems << QStringLiteral("t=%1 %2").arg(t).arg(p);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 6).join(QStringLiteral("; "))));
    // Keys are still shown where there is room off the brokers' panels: at 1366x768, in the gap
    // before broker 1; at 1920x1080, in the lane above the brokers' panels the records cross
    // (issue #8: none was shown at 1920 before that lane).
    QVERIFY2(keys > 0, qPrintable(QStringLiteral("no key shown, view %1x%2").arg(w->clusterCanvas()->width()).arg(w->clusterCanvas()->height())));
    qInfo("%d keys shown", keys);
    if (size.width() >= 1920) QVERIFY2(keys >= 100, qPrintable(QString::number(keys))); // about 155 (0 before the lane)
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

/// What a flight's key text ("cliente-0") covers: a strip's label, badge, numbers, HW text, marker or
/// cells (a leader's or a follower's), a broker's header or summary row, a producer's texts, a
/// group's card, the legend, another key; or it is outside the view.
static QStringList keyCovers(const ClusterLayout& L) {
    QStringList out;
    for (const auto& f : L.flights) {
        if (f.keyRect.isEmpty()) continue;
        const QString what = QStringLiteral("\"%1\" ").arg(f.keyText);
        if (!QRectF(QPointF(0, 0), L.size).contains(f.keyRect)) out << what + QStringLiteral("outside the view");
        for (const auto& st : L.strips) {
            for (const QRectF& item : {st.nameRect, st.roleRect, st.isrRect, st.numbersRect, st.hwLabelRect, st.cellsRect})
                if (!item.isEmpty() && f.keyRect.intersects(item))
                    out << what + QStringLiteral("over %1@broker %2 (%3)").arg(st.name).arg(st.broker).arg(st.leader ? QStringLiteral("leader") : QStringLiteral("follower"));
            for (const auto& mk : st.markers)
                if (f.keyRect.intersects(mk.rect)) out << what + QStringLiteral("over a marker of ") + st.name;
        }
        for (const auto& b : L.brokers) {
            if (f.keyRect.intersects(b.headerRect) || (!b.moreRect.isEmpty() && f.keyRect.intersects(b.moreRect)))
                out << what + QStringLiteral("over broker %1's header").arg(b.id);
            // Never on a broker's panel: not inside it (among the cells and LEO/HW texts), nor across its
            // border ("conta-8" crossed broker 1's left edge in the compare window at 1366x768).
            if (f.keyRect.intersects(b.rect)) out << what + QStringLiteral("on broker %1's panel").arg(b.id);
        }
        for (const auto& pr : L.producers)
            if (f.keyRect.intersects(pr.nameRect) || f.keyRect.intersects(pr.topicRect) || f.keyRect.intersects(pr.ackedRect))
                out << what + QStringLiteral("over producer ") + pr.name;
        for (const auto& g : L.groups)
            if (f.keyRect.intersects(g.rect)) out << what + QStringLiteral("over group ") + g.name;
        if (!L.legendRect.isEmpty() && f.keyRect.intersects(L.legendRect)) out << what + QStringLiteral("over the legend");
    }
    for (std::size_t a = 0; a < L.flights.size(); ++a)
        for (std::size_t b = 0; b < a; ++b)
            if (!L.flights[a].keyRect.isEmpty() && L.flights[a].keyRect.intersects(L.flights[b].keyRect))
                out << QStringLiteral("\"%1\" over \"%2\"").arg(L.flights[a].keyText, L.flights[b].keyText);
    return out;
}

void LayoutTest::compareFlightKeysCoverNothing_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("scenario");
    for (const char* scenario : {"rebalance-basico", "falha-de-broker"})
        for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
            for (bool presentation : {false, true})
                QTest::addRow("%s %dx%d %s", scenario, size.width(), size.height(), presentation ? "presentation" : "normal")
                    << size << presentation << QString::fromLatin1(scenario);
}

void LayoutTest::compareFlightKeysCoverNothing() {
    // The compare window (two cluster views side by side, each ~600 px wide at 1366x768): the keys
    // of records in flight cover no label, no cells, no header, no card, no broker's panel (a
    // "cliente-0" used to sit on a strip).
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, scenario);
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    QVERIFY(w->openScenario(scenario, false));
    CompareWindow cw(w->controller());
    cw.show();
    cw.resize(fittedSize(size, QRect(QPoint(0, 0), size)));
    if (presentation) cw.setPresentation(true);
    settle();
    int keys = 0;
    QStringList problems;
    const std::int64_t from = scenario == QStringLiteral("falha-de-broker") ? 80000 : 2000;
    for (std::int64_t t = from; t < from + 12000 && problems.size() < 6; t += 50) {
        cw.seekTime(t);
        for (ClusterCanvas* v : {cw.leftView(), cw.rightView()}) {
            const ClusterLayout& L = v->layout();
            for (const auto& f : L.flights)
                if (!f.keyRect.isEmpty()) ++keys;
            for (const QString& p : keyCovers(L)) problems << QStringLiteral("t=%1 %2").arg(t).arg(p);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 6).join(QStringLiteral("; "))));
    // The records enter each side from its left edge along a lane above the brokers' panels, as the
    // main window's records do at 1920x1080: their keys are readable there (issue #8: they came down
    // from the top edge between the panels, where no key had room, and none was shown).
    QVERIFY2(keys > 0, qPrintable(QStringLiteral("no key shown in %1x%2 sides").arg(cw.leftView()->width()).arg(cw.leftView()->height())));
    qInfo("%d keys shown", keys);
}

void LayoutTest::rebalanceTextsAreWhole_data() {
    addSizes(true);
}

void LayoutTest::rebalanceTextsAreWhole() {
    // cooperativo-vs-ansioso: c3 joins at 20 s; the cooperative rebalance shows its phase banners
    // and the row of partitions without an owner. Each text is whole inside its box (wrapped,
    // never shortened), and the boxes do not cover each other.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(bool, docks);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = std::make_unique<MainWindow>();
    w->show();
    w->resize(size);
    QVERIFY(w->openScenario(QStringLiteral("cooperativo-vs-ansioso"), false));
    if (docks) w->setView(MainWindow::View::Labs);
    if (presentation) w->setPresentation(true);
    settle();
    w->resize(size);
    settle();
    int banners = 0, unowned = 0, leftBanners = 0, leftRows = 0;
    QStringList problems;
    const auto viewText = [](const char* text) { return QCoreApplication::translate("fluxolab::app::ClusterCanvas", text); };
    for (std::int64_t t = 19000; t < 46000; t += 40) {
        if (t == 30000) t = 39000; // c1 leaves at 40 s
        w->controller()->runTo(t);
        const ClusterLayout& L = w->clusterCanvas()->layout();
        const QFont font = L.theme.font(8, true);
        for (const auto& g : L.groups) {
            if (t >= 40000) {
                // c1 left: its partitions are unowned and the one rebalance its departure starts assigns
                // them. Nothing was revoked from a member that stays: no "phase 2" (KIP-429).
                if (g.phase == RebalancePhase::CoopAssign || g.phase == RebalancePhase::CoopUnowned ||
                    g.unownedText == viewText("Without owner (waiting for phase 2)"))
                    problems << QStringLiteral("t=%1 a second phase after a departure: \"%2\" \"%3\"").arg(t).arg(g.phaseText, g.unownedText);
                if (g.phase == RebalancePhase::CoopLeft) ++leftBanners;
                if (!g.unownedRect.isEmpty()) {
                    ++leftRows;
                    if (g.unownedText != viewText("Without owner (their member left: this rebalance assigns them)") &&
                        g.unownedText != viewText("Without owner (their member left: the next rebalance assigns them)"))
                        problems << QStringLiteral("t=%1 row \"%2\"").arg(t).arg(g.unownedText);
                }
            }
            const QRectF inner = g.rect.adjusted(0.01, 0.01, -0.01, -0.01);
            if (!g.phaseRect.isEmpty()) {
                ++banners;
                if (g.phaseText.isEmpty() || !textFits(font, g.phaseText, g.phaseTextRect, Qt::TextWordWrap) ||
                    !g.phaseRect.contains(g.phaseTextRect))
                    problems << QStringLiteral("banner \"%1\" (%2x%3 px)").arg(g.phaseText).arg(g.phaseTextRect.width()).arg(g.phaseTextRect.height());
                if (g.phaseRect.intersects(g.headerRect.adjusted(0.01, 0.01, -0.01, -0.01))) problems << QStringLiteral("banner over the header");
                for (const auto& c : g.consumers)
                    if (g.phaseRect.intersects(c.rect)) problems << QStringLiteral("banner over ") + c.name;
                if (!inner.contains(g.phaseRect.adjusted(0.02, 0.02, -0.02, -0.02))) problems << QStringLiteral("banner outside its card");
            }
            if (!g.unownedRect.isEmpty()) {
                ++unowned;
                if (g.unownedText.isEmpty() || !textFits(font, g.unownedText, g.unownedTextRect, Qt::TextWordWrap) ||
                    !g.unownedRect.contains(g.unownedTextRect))
                    problems << QStringLiteral("\"%1\" (%2x%3 px for %4 px)")
                                    .arg(g.unownedText)
                                    .arg(g.unownedTextRect.width())
                                    .arg(g.unownedTextRect.height())
                                    .arg(QFontMetricsF(font).horizontalAdvance(g.unownedText));
                for (const auto& b : g.unowned)
                    if (b.rect.intersects(g.unownedTextRect)) problems << QStringLiteral("partition over the title: ") + b.text;
                for (const auto& c : g.consumers)
                    if (g.unownedRect.intersects(c.rect.adjusted(0.01, 0.01, -0.01, -0.01))) problems << QStringLiteral("row over ") + c.name;
            }
        }
        if (problems.size() > 5) break;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 6).join(QStringLiteral("; "))));
    QVERIFY2(banners > 0 && unowned > 0, qPrintable(QStringLiteral("%1 banners, %2 rows without owner").arg(banners).arg(unowned)));
    QVERIFY2(leftBanners > 0 && leftRows > 0,
             qPrintable(QStringLiteral("after the departure: %1 banners, %2 rows without owner").arg(leftBanners).arg(leftRows)));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::groupsTableShowsLeaderAndMembers_data() {
    addSizes(false);
}

void LayoutTest::groupsTableShowsLeaderAndMembers() {
    // The groups view's table: the group's row names its leader ("leader consumer-faturacao-1-…" was
    // cut at 1366x768 in presentation) and each member's row its name and partitions, whole: every
    // cell's text fits its cell (wrapped onto more lines where the column is narrow, never shortened).
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, false);
    QVERIFY(w);
    // cooperative-sticky: the longest details ("assignor cooperative-sticky · cooperative (incremental) · leader …").
    QVERIFY(w->openScenario(QStringLiteral("cooperativo-vs-ansioso"), false));
    w->controller()->runTo(25000); // three members, one the leader
    w->setView(MainWindow::View::Groups);
    settle();
    QTreeWidget* tree = w->groupPanel()->tree();
    QVERIFY(tree->isVisible());
    QVERIFY(tree->topLevelItemCount() > 0);
    const labs::observe::Group* og = w->controller()->observation().group("faturacao");
    QVERIFY(og && !og->leader.empty());
    const QString leader = QString::fromStdString(og->leader);
    QStringList problems;
    int leaderShown = 0, cells = 0;
    std::function<void(QTreeWidgetItem*)> visit = [&](QTreeWidgetItem* item) {
        for (int col = 0; col < tree->columnCount(); ++col) {
            const QString text = item->text(col);
            if (text.isEmpty()) continue;
            ++cells;
            const QRect cell = tree->visualItemRect(item).intersected(QRect(tree->header()->sectionViewportPosition(col), 0,
                                                                           tree->header()->sectionSize(col), 100000));
            // The text's room: the cell (column 0's begins after the branch indentation) less the
            // item view's text margins.
            const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
            const QRect room = cell.adjusted(margin, 0, -margin, 0);
            const QRect need = QFontMetrics(item->font(col).resolve(tree->font())).boundingRect(QRect(0, 0, std::max(1, room.width()), 100000),
                                                                       Qt::AlignLeft | Qt::TextWordWrap, text);
            if (need.width() > room.width() || need.height() > room.height())
                problems << QStringLiteral("\"%1\" needs %2x%3 px, has %4x%5").arg(text).arg(need.width()).arg(need.height()).arg(room.width()).arg(room.height());
            if (col == 2 && !item->parent() && text.contains(leader)) ++leaderShown;
        }
        for (int k = 0; k < item->childCount(); ++k) visit(item->child(k));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i) visit(tree->topLevelItem(i));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 4).join(QStringLiteral("; "))));
    QVERIFY(cells > 6);
    QCOMPARE(leaderShown, 1);
    if (!shotsDir().isEmpty())
        w->grab().save(QStringLiteral("%1/groups-%2x%3-%4-%5.png").arg(shotsDir()).arg(size.width()).arg(size.height())
                           .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::logStartIsShown_data() {
    addSizes(false);
}

void LayoutTest::logStartIsShown() {
    // retencao: retention deletes metricas' old segments (retention.ms 20 s, checked every 5 s). Where
    // the log start offset moved, every replica's row says that the offsets before it are gone: a box
    // before the first cell, "log start N" in it (whole), and the first cell drawn is offset N (or a
    // later one behind "+M"); never a deleted offset drawn as a cell.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = std::make_unique<MainWindow>();
    w->show();
    w->resize(size);
    QVERIFY(w->openScenario(QStringLiteral("retencao"), false));
    if (presentation) w->setPresentation(true);
    settle();
    w->resize(size);
    settle();
    w->controller()->runTo(10000); // nothing deleted yet
    for (const auto& st : w->clusterCanvas()->layout().strips) QVERIFY2(st.logStart > 0 || st.deletedRect.isEmpty(), qPrintable(st.name));
    w->controller()->runTo(60000);
    settle();
    const ClusterLayout& L = w->clusterCanvas()->layout();
    QVERIFY(L.detail != Detail::Minimal);
    QVERIFY(!L.strips.empty());
    const QFont font = L.theme.condensed(7, true);
    int moved = 0;
    for (const auto& st : L.strips) {
        if (st.logStart == 0) continue;
        ++moved;
        const QString what = QStringLiteral("%1 (log start %2)").arg(st.name).arg(st.logStart);
        QVERIFY2(!st.deletedRect.isEmpty(), qPrintable(what + QStringLiteral(": no mark")));
        QVERIFY2(st.cellsRect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(st.deletedRect), qPrintable(what));
        QCOMPARE(st.deletedText, lang == QStringLiteral("en") ? QStringLiteral("log start %1").arg(st.logStart)
                                                              : QStringLiteral("início do log %1").arg(st.logStart));
        QVERIFY2(QFontMetricsF(font).horizontalAdvance(st.deletedText) <= st.deletedRect.width() - L.theme.px(4) + 0.5, qPrintable(what));
        QVERIFY(!st.cells.empty());
        QVERIFY(st.cells.front().offset >= st.logStart);
        if (st.elided == 0) QCOMPARE(st.cells.front().offset, st.logStart);
        for (const auto& c : st.cells) QVERIFY2(!c.rect.intersects(st.deletedRect), qPrintable(what + QStringLiteral(": a cell on the mark")));
        if (st.elided > 0) QVERIFY(!st.elideRect.intersects(st.deletedRect));
        const auto hot = std::find_if(L.hotspots.rbegin(), L.hotspots.rend(), [&](const HotSpot& h) { return h.rect.contains(st.deletedRect.center()); });
        QVERIFY(hot != L.hotspots.rend());
        QVERIFY2(hot->tip.contains(QString::number(st.logStart - 1)), qPrintable(hot->tip));
    }
    QVERIFY2(moved >= 2, "retention moved no log start by 60 s");
    if (!shotsDir().isEmpty())
        w->grab().save(QStringLiteral("%1/retencao-%2x%3-%4-%5.png").arg(shotsDir()).arg(size.width()).arg(size.height())
                           .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::legendIsOnScreen_data() {
    addSizes(true);
}

void LayoutTest::legendIsOnScreen() {
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(bool, docks);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, docks);
    QVERIFY(w);
    const ClusterLayout& L = w->clusterCanvas()->layout();
    QVERIFY2(!L.legendRect.isEmpty(), "no legend");
    QVERIFY(QRectF(QPointF(0, 0), L.size).contains(L.legendRect));
    // position, committed, LEO, HW, key colours, above the HW, negative lag; "+N" while a row hides older records
    const bool older = std::any_of(L.strips.begin(), L.strips.end(), [](const ReplicaStrip& st) { return st.elided > 0; });
    const bool before = std::any_of(L.strips.begin(), L.strips.end(), [](const ReplicaStrip& st) { return st.hasBeforeMarker(); });
    QCOMPARE(L.legend.size(), 7u + (older ? 1u : 0u) + (before ? 1u : 0u));
    for (const auto& p : L.producers)
        QVERIFY(!p.rect.intersects(L.legendRect));
    for (const auto& b : L.brokers)
        QVERIFY(!b.rect.intersects(L.legendRect));
    const QFont font = L.theme.condensed(7.5);
    for (const auto& it : L.legend) {
        QVERIFY(L.legendRect.contains(it.symbolRect) && L.legendRect.contains(it.textRect));
        QVERIFY(!it.symbolRect.intersects(it.textRect));
        // The text is not shortened: it fits its rectangle, wrapped if need be.
        const QRectF need = QFontMetricsF(font).boundingRect(QRectF(0, 0, it.textRect.width(), 1000),
                                                             Qt::AlignLeft | Qt::TextWordWrap, it.text);
        QVERIFY2(need.width() <= it.textRect.width() + 0.5 && need.height() <= it.textRect.height() + 0.5,
                 qPrintable(it.text));
    }
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::olderRecordsCountIsUnmistakable_data() {
    addSizes(false);
}

void LayoutTest::olderRecordsCountIsUnmistakable() {
    // retencao at 45 s: each row draws its newest records and a count of the older ones before
    // offset ~196. Written "…94" it read as an offset; it is "+94", and the legend says what "+N" is.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = std::make_unique<MainWindow>();
    w->show();
    w->resize(size);
    QVERIFY(w->openScenario(QStringLiteral("retencao"), false));
    w->controller()->runTo(45000);
    if (presentation) w->setPresentation(true);
    settle();
    w->resize(size);
    settle();
    const ClusterLayout& L = w->clusterCanvas()->layout();
    const QFontMetricsF fm(L.theme.condensed(7));
    int rows = 0;
    for (const auto& st : L.strips) {
        if (st.elided <= 0) continue;
        ++rows;
        QCOMPARE(st.elideText, QStringLiteral("+%1").arg(st.elided));
        QVERIFY2(!st.cells.empty() && st.cells.front().offset == st.logStart + st.elided, qPrintable(st.name));
        QVERIFY2(fm.horizontalAdvance(st.elideText) <= st.elideRect.width() + 0.5, qPrintable(st.elideText));
        QVERIFY(st.elideRect.right() <= st.cells.front().rect.left());
    }
    QVERIFY2(rows > 0, "no row hides older records at 45 s of retencao");
    QVERIFY(!L.legendRect.isEmpty());
    const auto item = std::find_if(L.legend.begin(), L.legend.end(), [](const LegendItem& it) { return it.symbol == LegendItem::Symbol::OlderRecords; });
    QVERIFY2(item != L.legend.end(), "the legend does not say what +N means");
    QCOMPARE(item->text, lang == QStringLiteral("en") ? QStringLiteral("+N: older records not drawn")
                                                      : QStringLiteral("+N: registos antigos não desenhados"));
    QVERIFY(L.legendRect.contains(item->symbolRect) && L.legendRect.contains(item->textRect));
    if (!shotsDir().isEmpty())
        w->grab().save(QStringLiteral("%1/older-records-%2x%3-%4-%5.png").arg(shotsDir()).arg(size.width()).arg(size.height())
                           .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::negativeLagHasItsColour_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (bool presentation : {false, true})
        for (const char* lang : {"pt_PT", "en"})
            QTest::addRow("%s %s", presentation ? "presentation" : "normal", lang) << presentation << QString::fromLatin1(lang);
}

void LayoutTest::negativeLagHasItsColour() {
    // kafka-consumer-groups prints a negative lag when the committed offset is past the partition's
    // end (sim/lag.h, not clamped): the member's badge shows it in a colour of its own (not the
    // green of "caught up"), and the legend on screen says what that colour means.
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(QSize(1366, 768), presentation, false);
    QVERIFY(w);
    labs::observe::Observation o = w->controller()->observation();
    QVERIFY(!o.groups.empty() && !o.groups.front().lag.empty());
    auto& lags = o.groups.front().lag;
    const auto negative = lags.begin()->first;
    lags[negative] = -4;
    for (auto& [tp, lag] : lags)
        if (tp != negative) lag = 0;
    w->clusterCanvas()->showObservation(o);
    settle();
    const ClusterLayout& L = w->clusterCanvas()->layout();
    const PartitionBadge* neg = nullptr;
    const PartitionBadge* zero = nullptr;
    for (const auto& g : L.groups)
        for (const auto& c : g.consumers)
            for (const auto& b : c.partitions) {
                if (b.hidden || b.revoked) continue;
                if (b.lag == -4) neg = &b;
                else if (b.lag == 0) zero = &b;
            }
    QVERIFY(neg && zero);
    QVERIFY2(neg->text.endsWith(QStringLiteral("lag -4")), qPrintable(neg->text)); // as the tool prints it
    const Theme& th = L.theme;
    const auto negColours = ClusterCanvas::badgeColours(*neg, th);
    const auto zeroColours = ClusterCanvas::badgeColours(*zero, th);
    QVERIFY(negColours.fill != zeroColours.fill);
    QVERIFY(negColours.border.isValid()); // told apart without colour too
    for (std::optional<obs::Offset> other : {std::optional<obs::Offset>(), std::optional<obs::Offset>(5), std::optional<obs::Offset>(80)}) {
        PartitionBadge b;
        b.lag = other;
        QVERIFY(ClusterCanvas::badgeColours(b, th).fill != negColours.fill);
    }
    // On screen: the badge's background above its text.
    const QImage image = w->clusterCanvas()->grab().toImage();
    if (!shotsDir().isEmpty())
        image.save(QStringLiteral("%1/negative-lag-%2-%3.png").arg(shotsDir(), presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    auto pixel = [&](const PartitionBadge& b) {
        const QPointF at(b.rect.center().x(), b.rect.top() + th.px(3.5));
        return QColor(image.pixel(at.toPoint()));
    };
    auto close = [](QColor a, QColor b) {
        return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3 && std::abs(a.blue() - b.blue()) <= 3;
    };
    QVERIFY2(close(pixel(*neg), negColours.fill), qPrintable(pixel(*neg).name() + QStringLiteral(" for ") + negColours.fill.name()));
    QVERIFY2(close(pixel(*zero), zeroColours.fill), qPrintable(pixel(*zero).name()));
    // The legend names it, in the language of the interface.
    QVERIFY(!L.legendRect.isEmpty());
    const auto item = std::find_if(L.legend.begin(), L.legend.end(), [](const LegendItem& it) { return it.symbol == LegendItem::Symbol::NegativeLag; });
    QVERIFY(item != L.legend.end());
    QCOMPARE(item->text, lang == QStringLiteral("en") ? QStringLiteral("negative lag: committed past the end")
                                                      : QStringLiteral("lag negativo: confirmado além do fim"));
    QVERIFY(L.legendRect.contains(item->symbolRect) && L.legendRect.contains(item->textRect));
    const QPoint swatch = item->symbolRect.center().toPoint();
    QVERIFY2(close(QColor(image.pixel(swatch)), negColours.fill), qPrintable(QColor(image.pixel(swatch)).name()));
    w->clusterCanvas()->showObservation(std::nullopt);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::lagLegendDoesNotHideData() {
    for (QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        auto w = makeWindow(size, false, false);
        QVERIFY(w);
        w->controller()->runTo(30000);
        w->setView(MainWindow::View::Plots);
        settle();
        QCustomPlot* p = w->plotsView()->lagPlot();
        p->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(p->legend->visible());
        QVERIFY(p->graphCount() > 1);
        QVERIFY2(
            !p->legend->outerRect().intersects(p->axisRect()->rect()),
            qPrintable(QStringLiteral("the legend (%1,%2 %3x%4) is drawn over the plotted data (%5,%6 %7x%8)")
                           .arg(p->legend->outerRect().x())
                           .arg(p->legend->outerRect().y())
                           .arg(p->legend->outerRect().width())
                           .arg(p->legend->outerRect().height())
                           .arg(p->axisRect()->rect().x())
                           .arg(p->axisRect()->rect().y())
                           .arg(p->axisRect()->rect().width())
                           .arg(p->axisRect()->rect().height())));
        QVERIFY(p->rect().contains(p->legend->outerRect()));
        QVERIFY(p->axisRect()->rect().width() > size.width() / 2); // the data keeps most of the width
        // The three time axes line up: the cursor is at the same x in every plot.
        const auto plots = w->plotsView()->findChildren<QCustomPlot*>();
        QCOMPARE(plots.size(), 3);
        for (QCustomPlot* other : plots) {
            other->replot(QCustomPlot::rpImmediateRefresh);
            QCOMPARE(other->axisRect()->rect().left(), p->axisRect()->rect().left());
            QCOMPARE(other->axisRect()->rect().right(), p->axisRect()->rect().right());
        }
    }
}

void LayoutTest::createTopicErrorKeepsTheFields() {
    for (const bool presentation : {false, true}) {
        auto w = makeWindow(QSize(1366, 768), presentation, false);
        QVERIFY(w);
        CreateTopicDialog d(w->controller(), w.get());
        d.show();
        settle();
        QLineEdit* name = d.findChild<QLineEdit*>();
        const QList<QSpinBox*> spins = d.findChildren<QSpinBox*>();
        QVERIFY(name && spins.size() == 2);
        // A name Kafka refuses: the error is long and wraps over several lines.
        d.setValues(QStringLiteral("nome inválido com espaços e mais texto para uma mensagem longa"), 3, 3);
        QVERIFY(!d.tryCreate());
        QVERIFY(!d.errorText().isEmpty());
        settle();
        for (QWidget* field :
             {static_cast<QWidget*>(name), static_cast<QWidget*>(spins[0]), static_cast<QWidget*>(spins[1])})
            QVERIFY2(field->height() >= field->minimumSizeHint().height(),
                     qPrintable(QStringLiteral("field %1 px high (needs %2)")
                                    .arg(field->height())
                                    .arg(field->minimumSizeHint().height())));
        auto* error = d.findChild<QLabel*>(QStringLiteral("error"));
        QVERIFY(error && error->isVisible());
        QVERIFY(error->height() >= error->heightForWidth(error->width()));
        // At the size of the rest of the dialog: 14 pt in presentation mode (it was 10 pt, the
        // stylesheet that made it red and bold fixed its font before the dialog's font came).
        QVERIFY2(qAbs(error->font().pointSizeF() - d.font().pointSizeF()) < 0.01 && error->font().bold(),
                 qPrintable(QStringLiteral("error at %1 pt (bold %2), dialog at %3 pt")
                                .arg(error->font().pointSizeF())
                                .arg(error->font().bold())
                                .arg(d.font().pointSizeF())));
        QCOMPARE(d.font().pointSizeF(), presentation ? kPresentationPointSize : QApplication::font().pointSizeF());
        // Within the 1366x768 screen, in presentation mode too.
        QVERIFY2(d.width() <= 1366 && d.height() <= 768, qPrintable(QStringLiteral("%1x%2").arg(d.width()).arg(d.height())));
        if (!shotsDir().isEmpty())
            d.grab().save(QStringLiteral("%1/create-topic-error-1366x768-%2-%3.png")
                              .arg(shotsDir(), presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), currentLanguage()));
    }
}

namespace {

/// The dialog `open` shows (modal, its own event loop): inspected by `inspect` while it is up, then
/// closed. Returns whether a dialog was shown.
bool withModalDialog(const std::function<void()>& open, const std::function<void(QDialog*)>& inspect) {
    bool seen = false;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto* d = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!d || !d->isVisible() || seen) return;
        seen = true;
        settle();
        inspect(d);
        d->reject();
    });
    poll.start();
    QTimer guard; // a dialog that never comes (or never closes) fails the test instead of hanging it
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, [&] {
        if (QWidget* m = QApplication::activeModalWidget()) m->close();
    });
    guard.start(20000);
    open();
    return seen;
}

/// What is cut in `dialog`: a visible widget smaller than its minimum size hint, a label showing
/// less than its text, anything outside the dialog, the dialog outside the screen.
QStringList cutInDialog(QDialog* dialog) {
    QStringList out;
    const QRect screen = dialog->screen()->availableGeometry();
    if (dialog->width() > screen.width() || dialog->height() > screen.height())
        out << QStringLiteral("the dialog is %1x%2 on a %3x%4 screen")
                   .arg(dialog->width()).arg(dialog->height()).arg(screen.width()).arg(screen.height());
    for (QWidget* child : dialog->findChildren<QWidget*>()) {
        // Qt's own parts of a widget (a spin box's or an editable combo box's line edit) are sized by
        // that widget, checked as a whole.
        if (!child->isVisible() || child->isWindow() || child->objectName().startsWith(QStringLiteral("qt_")) ||
            qobject_cast<QComboBox*>(child->parentWidget()) || qobject_cast<QAbstractSpinBox*>(child->parentWidget()))
            continue;
        bool scrolled = false; // inside a list's or a scroll area's viewport: scrolled, not cut
        for (QWidget* a = child->parentWidget(); a && a != dialog; a = a->parentWidget())
            scrolled = scrolled || qobject_cast<QAbstractScrollArea*>(a);
        if (scrolled) continue;
        // A list shows its rows whole: no horizontal scrolling to read a title.
        if (auto* area = qobject_cast<QAbstractScrollArea*>(child); area && area->horizontalScrollBar()->isVisible())
            out << QStringLiteral("%1 \"%2\" scrolls sideways").arg(QString::fromLatin1(child->metaObject()->className()), child->objectName());
        const QString what = QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(child->metaObject()->className()),
                                                             child->objectName());
        const QRect inDialog(child->mapTo(dialog, QPoint(0, 0)), child->size());
        if (!dialog->rect().contains(inDialog)) out << what + QStringLiteral(" outside the dialog");
        const QSize min = child->minimumSizeHint();
        if (min.isValid() && (child->width() < min.width() || child->height() < min.height()))
            out << what + QStringLiteral(" %1x%2 (needs %3x%4)").arg(child->width()).arg(child->height()).arg(min.width()).arg(min.height());
        if (auto* label = qobject_cast<QLabel*>(child); label && !label->text().isEmpty() && label->pixmap().isNull()) {
            const bool fits = label->wordWrap() ? label->height() >= label->heightForWidth(label->width())
                                                : label->width() >= label->sizeHint().width();
            if (!fits) out << what + QStringLiteral(" shows part of \"%1\"").arg(label->text().left(40));
        }
    }
    return out;
}

} // namespace

void LayoutTest::dialogsFollowPresentationMode_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (bool presentation : {true, false})
        for (const char* lang : {"pt_PT", "en"})
            QTest::addRow("%s %s", presentation ? "presentation" : "normal", lang) << presentation << QString::fromLatin1(lang);
}

void LayoutTest::dialogsFollowPresentationMode() {
    // Issue #8: "Criar tópico" kept the normal font while the rest of the app was big. Every dialog
    // the toolbar and the menus open (the app's, and Qt's message and input boxes) follows the
    // presentation mode, and nothing in it is cut on the 1366×768 projector.
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(QSize(1366, 768), presentation, false);
    QVERIFY(w);
    const double want = presentation ? kPresentationPointSize : QApplication::font().pointSizeF();
    QStringList opened;
    for (const char* name : {"createTopic", "addProducer", "addConsumer", "removeConsumer", "gallery", "about",
                             "sendTraceToTopic", "realConnect"}) {
        QAction* a = w->action(QString::fromLatin1(name));
        if (!a) {
            QVERIFY2(QByteArray(name) == "realConnect", name); // only without the real-cluster mode
            continue;
        }
        QString title;
        const bool shown = withModalDialog([&] { a->trigger(); }, [&](QDialog* d) {
            title = d->windowTitle();
            const QString what = QStringLiteral("%1 (%2)").arg(QString::fromLatin1(name), title);
            QVERIFY2(qAbs(d->font().pointSizeF() - want) < 0.01,
                     qPrintable(what + QStringLiteral(": %1 pt, not %2").arg(d->font().pointSizeF()).arg(want)));
            for (QWidget* child : d->findChildren<QWidget*>())
                if (child->isVisible() && (qobject_cast<QLabel*>(child) || qobject_cast<QAbstractButton*>(child) ||
                                           qobject_cast<QLineEdit*>(child) || qobject_cast<QComboBox*>(child)))
                    QVERIFY2(child->font().pointSizeF() >= want - 0.01,
                             qPrintable(what + QStringLiteral(": %1 \"%2\" at %3 pt")
                                                   .arg(QString::fromLatin1(child->metaObject()->className()), child->objectName())
                                                   .arg(child->font().pointSizeF())));
            const QStringList cut = cutInDialog(d);
            QVERIFY2(cut.isEmpty(), qPrintable(what + QStringLiteral(": ") + cut.join(QStringLiteral("; "))));
            if (!shotsDir().isEmpty())
                d->grab().save(QStringLiteral("%1/dialog-%2-%3-%4.png")
                                   .arg(shotsDir(), QString::fromLatin1(name),
                                        presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
        });
        if (QTest::currentTestFailed()) return;
        QVERIFY2(shown, qPrintable(QStringLiteral("%1 opened no dialog").arg(QString::fromLatin1(name))));
        opened << QString::fromLatin1(name);
        settle();
    }
    QVERIFY2(opened.size() >= 7, qPrintable(opened.join(QLatin1Char(' '))));
    // Out of presentation mode, a dialog has the normal font again.
    if (presentation) {
        w->setPresentation(false);
        settle();
        QVERIFY(withModalDialog([&] { w->action(QStringLiteral("createTopic"))->trigger(); }, [&](QDialog* d) {
            QCOMPARE(d->font().pointSizeF(), QApplication::font().pointSizeF());
        }));
    }
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::highWatermarkBeforeTheDrawnCells_data() { committedOffsetBeforeTheDrawnCells_data(); }

void LayoutTest::highWatermarkBeforeTheDrawnCells() {
    // Issue #8 (acks-e-perda at 12 s): the leader's log end ran thousands of records past the HW
    // (acks=1, followers behind); the newest cells are drawn, and the HW line stood clamped at the
    // first drawn cell (HW 3968 drawn at offset 3969). A HW before the drawn cells has no line at a
    // cell; "HW 3968" is written at the row's left edge, pointing left, like a position there.
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(QSize(1366, 768), presentation, false);
    QVERIFY(w);
    // The real case: acks-e-perda at 12 s, broker 2 (the leader, acks=1 records past the HW) just stopped.
    QVERIFY(w->openScenario(QStringLiteral("acks-e-perda"), false));
    w->controller()->runTo(12000);
    settle();
    const ClusterLayout& L = w->clusterCanvas()->layout();
    QVERIFY(L.detail != Detail::Minimal);
    bool seen = false;
    for (const auto& st : L.strips) {
        if (!st.leader && !st.offline) continue;
        const obs::Offset first = st.cells.empty() ? std::min(st.logStart, st.leo) : st.cells.front().offset;
        QCOMPARE(st.hwBefore, st.hw < first);
        if (!st.hwBefore) {
            // A line at the HW's own cell boundary (the cell of offset HW starts there), or at the LEO.
            QVERIFY(st.hwX.has_value());
            const auto cell = std::find_if(st.cells.begin(), st.cells.end(), [&](const CellItem& c) { return c.offset == st.hw; });
            if (cell != st.cells.end()) QVERIFY2(std::abs(*st.hwX - cell->rect.left()) < 0.5, qPrintable(st.name));
            else QCOMPARE(st.hw, st.leo);
            continue;
        }
        seen = true;
        QVERIFY2(!st.hwX, qPrintable(st.name + QStringLiteral(": a HW line drawn at a cell that is not its offset")));
        QCOMPARE(st.hwBeforeText, QStringLiteral("HW %1").arg(st.hw));
        QVERIFY(QFontMetricsF(L.theme.condensed(7, true)).horizontalAdvance(st.hwBeforeText) <= st.hwLabelRect.width() + 0.5);
        QVERIFY(std::abs(st.hwLabelRect.left() - st.cellsRect.left()) < 0.5);
        QVERIFY(st.hwLabelRect.top() >= st.cellsRect.bottom());
        QVERIFY2(st.rect.contains(st.hwLabelRect), qPrintable(st.name + QStringLiteral(" HW text outside its row")));
        for (const auto& mk : st.markers) QVERIFY(!mk.rect.intersects(st.hwLabelRect));
        // "+N": the N records before the first drawn one, offsets log start .. first - 1.
        QCOMPARE(st.elided, first - std::min(st.logStart, st.leo));
        QCOMPARE(st.elideText, QStringLiteral("+%1").arg(st.elided));
        const auto hot = std::find_if(L.hotspots.rbegin(), L.hotspots.rend(), [&](const HotSpot& h) { return h.rect.contains(st.hwLabelRect.center()); });
        QVERIFY(hot != L.hotspots.rend());
        QVERIFY2(hot->tip.contains(QStringLiteral("HW = %1").arg(st.hw)), qPrintable(hot->tip));
        QVERIFY2(hot->tip.contains(lang == QStringLiteral("en") ? QStringLiteral("before the records drawn here")
                                                              : QStringLiteral("antes dos registos desenhados aqui")),
                 qPrintable(hot->tip));
    }
    QVERIFY2(seen, "no leader with its HW before the drawn cells");
    if (!shotsDir().isEmpty())
        w->clusterCanvas()->grab().save(QStringLiteral("%1/hw-before-%2-%3.png")
                                            .arg(shotsDir(), presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    w->clusterCanvas()->showObservation(std::nullopt);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::committedOffsetBeforeTheDrawnCells_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lang");
    for (bool presentation : {false, true})
        for (const char* lang : {"pt_PT", "en"})
            QTest::addRow("%s %s", presentation ? "presentation" : "normal", lang) << presentation << QString::fromLatin1(lang);
}

void LayoutTest::committedOffsetBeforeTheDrawnCells() {
    // Issue #8: a committed offset older than the first drawn cell (retention moved the log start
    // past it, or older records are elided behind "+N") was drawn at that first cell, as if it were
    // that offset. It is drawn at the row's left edge, pointing left, with its own number.
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(QSize(1366, 768), presentation, false);
    QVERIFY(w);
    labs::observe::Observation o = w->controller()->observation();
    QVERIFY(!o.groups.empty() && !o.groups.front().committed.empty());
    // Retention deleted the first records of a partition the group committed on: its log starts at
    // 6 while the group's committed offset stays 2 (Kafka keeps a committed offset below the log
    // start; the consumer resets by auto.offset.reset only when it fetches from there).
    auto& group = o.groups.front();
    obs::PartitionKey tp;
    bool found = false;
    for (auto& p : o.partitions) {
        const obs::PartitionKey key{p.topic, p.partition};
        if (p.high_watermark >= 10 && group.committed.count(key)) {
            tp = key;
            p.log_start = 6;
            group.committed[key] = 2;
            found = true;
            break;
        }
    }
    QVERIFY2(found, "no partition with 10 records and a committed offset at 8 s of rebalance-basico");
    w->clusterCanvas()->showObservation(o);
    settle();
    const ClusterLayout& L = w->clusterCanvas()->layout();
    QVERIFY(L.detail != Detail::Minimal);
    int before = 0;
    for (const auto& st : L.strips) {
        if (st.markers.empty()) continue;
        // The first drawn offset (an empty log: its start, where the LEO is).
        const obs::Offset first = st.cells.empty() ? std::min(st.logStart, st.leo) : st.cells.front().offset;
        double nextBefore = st.hwBefore ? st.hwLabelRect.right() + L.theme.px(3) : st.cellsRect.left();
        for (const auto& mk : st.markers) {
            const QString what = QStringLiteral("%1 marker %2 of group %3").arg(st.name).arg(mk.offset).arg(mk.group);
            // Never drawn at a cell that is not its offset.
            QCOMPARE(mk.before, mk.offset < first);
            if (!mk.before) {
                const auto cell = std::find_if(st.cells.begin(), st.cells.end(), [&](const CellItem& c) { return c.offset == mk.offset; });
                QVERIFY2(cell != st.cells.end() || mk.offset >= st.leo, qPrintable(what)); // else at the LEO
                if (cell != st.cells.end())
                    QVERIFY2(std::abs(mk.x - cell->rect.left()) < 0.5,
                             qPrintable(what + QStringLiteral(" at x %1, its cell at %2").arg(mk.x).arg(cell->rect.left())));
                continue;
            }
            ++before;
            // At the row's left edge (one after the other), its number written whole beside it.
            QVERIFY2(std::abs(mk.x - nextBefore) < 0.5, qPrintable(what + QStringLiteral(" at x %1, not %2").arg(mk.x).arg(nextBefore)));
            nextBefore = mk.rect.right() + L.theme.px(3);
            QCOMPARE(mk.text, QString::number(mk.offset));
            QVERIFY(mk.rect.contains(mk.textRect));
            QVERIFY2(QFontMetricsF(L.theme.condensed(7, true)).horizontalAdvance(mk.text) <= mk.textRect.width() + 0.5, qPrintable(what));
            QVERIFY2(st.rect.contains(mk.rect), qPrintable(what + QStringLiteral(" outside its row")));
            for (const auto& other : st.markers)
                if (&other != &mk) QVERIFY2(!other.rect.intersects(mk.rect), qPrintable(what + QStringLiteral(" over another marker")));
            QVERIFY2(!st.hwLabelRect.intersects(mk.rect), qPrintable(what + QStringLiteral(" under the HW text")));
            // Its tooltip says so.
            const auto hot = std::find_if(L.hotspots.rbegin(), L.hotspots.rend(), [&](const HotSpot& h) { return h.rect.contains(mk.rect.center()); });
            QVERIFY(hot != L.hotspots.rend()); // later hotspots are on top
            QVERIFY2(hot->tip.contains(lang == QStringLiteral("en") ? QStringLiteral("before the records drawn here")
                                                                  : QStringLiteral("antes dos registos desenhados aqui")),
                     qPrintable(hot->tip));
        }
        // The strip with the changed log start: its leader shows the committed offset 2 before offset 6.
        if (st.tp == tp && st.leader) {
            QVERIFY(first >= 6); // the log start, or later where older records are elided ("+N")
            const auto mk = std::find_if(st.markers.begin(), st.markers.end(), [&](const OffsetMarker& m) { return m.committed && m.group == group.ordinal; });
            QVERIFY(mk != st.markers.end());
            QCOMPARE(mk->offset, obs::Offset(2));
            QVERIFY(mk->before);
            QVERIFY(mk->x < st.cells.front().rect.left() + 0.5);
        }
    }
    QVERIFY(before >= 1);
    // The on-screen legend lists the "◀ ◁ N" markers (not only the legend's tooltip), whole, on screen.
    QVERIFY2(!L.legendRect.isEmpty(), "no legend");
    QVERIFY(QRectF(QPointF(0, 0), L.size).contains(L.legendRect));
    const auto entry = std::find_if(L.legend.begin(), L.legend.end(), [](const LegendItem& it) { return it.symbol == LegendItem::Symbol::Before; });
    QVERIFY2(entry != L.legend.end(), "no legend entry for a marker before the drawn cells");
    QCOMPARE(entry->text, lang == QStringLiteral("en") ? QStringLiteral("position / committed offset before the drawn cells")
                                                       : QStringLiteral("posição / offset confirmado antes das células desenhadas"));
    QVERIFY(L.legendRect.contains(entry->textRect) && L.legendRect.contains(entry->symbolRect));
    QVERIFY(textFits(L.theme.condensed(7.5), entry->text, entry->textRect, Qt::AlignLeft | Qt::TextWordWrap));
    for (const auto& b : L.brokers) QVERIFY(!b.rect.intersects(L.legendRect));
    for (const auto& pr : L.producers) QVERIFY(!pr.rect.intersects(L.legendRect));
    if (!shotsDir().isEmpty())
        w->clusterCanvas()->grab().save(QStringLiteral("%1/committed-before-%2-%3.png")
                                            .arg(shotsDir(), presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    w->clusterCanvas()->showObservation(std::nullopt);
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::openingTheTerminalFocusesItsPrompt() {
    for (bool shortcut : {true, false}) {
        auto w = makeWindow(QSize(1366, 768), false, false);
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        w->clusterCanvas()->setFocus();
        QVERIFY(!w->terminalPanel()->isVisible());
        if (shortcut) {
            QTest::keyClick(w.get(), Qt::Key_T, Qt::ControlModifier);
        } else {
            auto* button =
                qobject_cast<QToolButton*>(w->findChild<QToolBar*>(QStringLiteral("mainToolbar"))
                                               ->widgetForAction(w->action(QStringLiteral("viewTerminal"))));
            QVERIFY(button);
            QTest::mouseClick(button, Qt::LeftButton);
        }
        settle();
        TerminalConsole* c = w->terminalPanel()->currentConsole();
        QVERIFY(c->isVisible());
        QCOMPARE(QApplication::focusWidget(), c);
        // Typed text goes to the prompt, not to the timeline (Space = play, arrows = step).
        const std::size_t cursor = w->controller()->cursor();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ab c"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
        QCOMPARE(c->input(), QStringLiteral("ab c"));
        QVERIFY(!w->controller()->isPlaying());
        QCOMPARE(w->controller()->cursor(), cursor);
    }
}

void LayoutTest::terminalLineEditing() {
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    w->setView(MainWindow::View::Terminal);
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    QTest::keyClicks(c, QStringLiteral("kafka-topics.sh --list  --bootstrap-server"));
    QTest::keyClick(c, Qt::Key_W, Qt::ControlModifier); // the word before the cursor
    QCOMPARE(c->input(), QStringLiteral("kafka-topics.sh --list  "));
    QTest::keyClick(c, Qt::Key_W, Qt::ControlModifier); // spaces, then the word
    QCOMPARE(c->input(), QStringLiteral("kafka-topics.sh "));
    QTest::keyClick(c, Qt::Key_A, Qt::ControlModifier); // start of the line (not "select all")
    QVERIFY(!c->textCursor().hasSelection());
    QTest::keyClicks(c, QStringLiteral("x"));
    QCOMPARE(c->input(), QStringLiteral("xkafka-topics.sh "));
    QTest::keyClick(c, Qt::Key_E, Qt::ControlModifier);
    QTest::keyClicks(c, QStringLiteral("y"));
    QCOMPARE(c->input(), QStringLiteral("xkafka-topics.sh y"));
    QTest::keyClick(c, Qt::Key_Left);
    QTest::keyClick(c, Qt::Key_U, Qt::ControlModifier); // deletes up to the cursor, keeps the rest
    QCOMPARE(c->input(), QStringLiteral("y"));
    QTest::keyClick(c, Qt::Key_E, Qt::ControlModifier);
    QTest::keyClick(c, Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(c->input(), QString());
    // The prompt itself is never deleted.
    QTest::keyClick(c, Qt::Key_W, Qt::ControlModifier);
    QTest::keyClick(c, Qt::Key_U, Qt::ControlModifier);
    QVERIFY(c->toPlainText().endsWith(TerminalConsole::prompt()));
}

void LayoutTest::longPastedCommandKeepsThePrompt_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addRow("normal") << false;
    QTest::addRow("presentation") << true;
}

void LayoutTest::longPastedCommandKeepsThePrompt() {
    // (In presentation mode the terminal is across the bottom, 1364 px: the command is longer than
    // one and a half of it.)
    // At 1366x768 the terminal under the lab panel is ~45 columns wide: a lab's command pasted into
    // it scrolled the line sideways until the "$ " prompt was out of view (QPlainTextEdit centres
    // the cursor). The line now wraps, as in a terminal window: the prompt and the command's start
    // stay in view, and so does the cursor.
    QFETCH(bool, presentation);
    auto w = makeWindow(QSize(1366, 768), presentation, true);
    QVERIFY(w);
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    QVERIFY(c->isVisible());
    const QFontMetrics fm(c->font());
    const QString command = QStringLiteral("kafka-console-consumer.sh --topic pedidos --from-beginning --property print.key=true "
                                           "--property key.separator=: --property print.timestamp=true --property print.partition=true "
                                           "--property print.offset=true --group leitores --bootstrap-server localhost:9092");
    QVERIFY2(fm.horizontalAdvance(TerminalConsole::prompt() + command) > c->viewport()->width() * 3 / 2,
             qPrintable(QStringLiteral("the command must be wider than the terminal (%1 px)").arg(c->viewport()->width())));
    // Where the prompt's "$" is drawn in the view (the line's first character).
    auto promptRect = [c] {
        QTextCursor at(c->document()->lastBlock());
        return c->cursorRect(at);
    };
    auto promptShown = [&] { return promptRect().left() >= 0 && promptRect().right() < c->viewport()->width(); };
    auto cursorShown = [c] { return c->cursorRect().left() >= 0 && c->cursorRect().right() <= c->viewport()->width(); };
    auto shot = [&](const char* what) {
        if (!shotsDir().isEmpty())
            w->grab().save(QStringLiteral("%1/terminal-long-%2-%3.png").arg(shotsDir(), QLatin1String(what), presentation ? QStringLiteral("presentation") : QStringLiteral("normal")));
    };
    // Ctrl+V of the clipboard.
    c->setFocus();
    QApplication::clipboard()->setText(command);
    QTest::keyClick(c, Qt::Key_V, Qt::ControlModifier);
    settle();
    QCOMPARE(c->input(), command);
    QVERIFY2(promptShown(), qPrintable(QStringLiteral("prompt at x=%1").arg(promptRect().left())));
    shot("pasted");
    // Typing at the end: the line wraps at the view's edge, as in a terminal window; nothing scrolls
    // sideways, and the prompt and the cursor are both in view.
    QTest::keyClicks(c, QStringLiteral(" -x"));
    settle();
    QVERIFY(cursorShown());
    QVERIFY(promptShown());
    QCOMPARE(c->horizontalScrollBar()->value(), 0);
    QVERIFY2(c->document()->lastBlock().layout()->lineCount() >= 2,
             qPrintable(QStringLiteral("%1 line(s)").arg(c->document()->lastBlock().layout()->lineCount())));
    QVERIFY(c->cursorRect().top() >= 0 && c->cursorRect().bottom() <= c->viewport()->height());
    // Home (Ctrl+A) shows the prompt again; Ctrl+U empties the line; a short line shows its prompt.
    QTest::keyClick(c, Qt::Key_A, Qt::ControlModifier);
    settle();
    QVERIFY(promptShown());
    QTest::keyClick(c, Qt::Key_E, Qt::ControlModifier);
    QTest::keyClick(c, Qt::Key_U, Qt::ControlModifier);
    settle();
    QCOMPARE(c->input(), QString());
    QVERIFY(promptShown());
    // A command clicked in the lab panel goes in the same way.
    Q_EMIT w->labPanel()->commandClicked(command);
    settle();
    QCOMPARE(c->input(), command);
    QVERIFY2(promptShown(), qPrintable(QStringLiteral("prompt at x=%1").arg(promptRect().left())));
    shot("clicked");
    // A line typed longer than the view: the cursor in view, and the prompt as soon as it fits again.
    QTest::keyClick(c, Qt::Key_U, Qt::ControlModifier);
    const QString typed(c->viewport()->width() / fm.horizontalAdvance(QLatin1Char('x')) + 10, QLatin1Char('x'));
    QTest::keyClicks(c, typed);
    settle();
    QVERIFY(cursorShown());
    for (int i = 0; i < 20; ++i) QTest::keyClick(c, Qt::Key_Backspace);
    settle();
    QVERIFY(cursorShown());
    QVERIFY2(promptShown(), qPrintable(QStringLiteral("prompt at x=%1 once the line fits").arg(promptRect().left())));
}

void LayoutTest::sliderJumpsWhereClicked() {
    auto w = makeWindow(QSize(1366, 768), false, false);
    QVERIFY(w);
    w->controller()->runTo(20000);
    settle();
    QSlider* s = w->timelineBar()->scrubber();
    QVERIFY(s->maximum() > 100);
    s->setValue(0);
    settle();
    for (double at : {0.8, 0.3}) {
        QTest::mouseClick(s, Qt::LeftButton, {}, QPoint(static_cast<int>(s->width() * at), s->height() / 2));
        settle();
        const double got = static_cast<double>(s->value()) / s->maximum();
        QVERIFY2(std::abs(got - at) < 0.06,
                 qPrintable(QStringLiteral("clicked at %1, slider at %2").arg(at).arg(got)));
        QCOMPARE(w->controller()->cursor(), static_cast<std::size_t>(s->value()));
    }
}

void LayoutTest::timelineShowsTheWholeEvent_data() {
    addSizes(true);
}

void LayoutTest::timelineShowsTheWholeEvent() {
    // Every event text of a run (a broker crash, its restart, elections, rebalances, commits), as
    // the timeline shows it when scrubbed into the past ("past: ..."), is whole under the controls:
    // never shortened, with the lab panel and the terminal open too.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(bool, docks);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = std::make_unique<MainWindow>();
    w->show();
    w->resize(size);
    QVERIFY(w->openScenario(QStringLiteral("falha-de-broker"), false));
    w->controller()->runTo(75000);
    if (docks) w->setView(MainWindow::View::Labs);
    if (presentation) w->setPresentation(true);
    settle();
    w->resize(size);
    settle();
    TimelineBar* bar = w->timelineBar();
    QVERIFY(bar->isVisible());
    QVERIFY(!bar->eventText().isEmpty());
    QVERIFY(!bar->eventRect().isEmpty());
    auto* label = bar->findChild<QWidget*>(QStringLiteral("eventText"));
    QVERIFY(label && label->isVisible());
    QVERIFY(bar->rect().contains(label->geometry()));
    QVERIFY(label->mapTo(w.get(), QPoint(label->width(), 0)).x() <= w->width());
    // The longest text of each kind of event.
    const sim::Journal& j = w->controller()->session()->sim().journal();
    std::map<int, QString> longest;
    for (const sim::Event& e : j.events()) {
        const QString t = Texts::event(labs::observe::shownEvent(j, e));
        QString& l = longest[static_cast<int>(e.typeIndex())];
        if (t.size() > l.size()) l = t;
    }
    QVERIFY(longest.size() >= 10);
    // The texts of the lab setup's producer (a lab's cluster, not this scenario's journal), filled
    // with wide values.
    int setupTexts = 0;
    for (const labs::observe::EventText& t : Texts::eventTexts()) {
        if (!t.equals || QByteArray(t.equals) != labs::kLabSetupClientId) continue;
        QString text = QCoreApplication::translate("Texts", t.text);
        for (const auto& [key, value] : {std::pair{"{producer}", labs::kLabSetupClientId}, {"{topic}", "encomendas"},
                                         {"{partition}", "12"}, {"{count}", "1000"}, {"{base_offset}", "100000"}})
            text.replace(QLatin1String(key), QLatin1String(value));
        QVERIFY2(!text.contains(QLatin1Char('{')), qPrintable(text));
        longest[1000 + setupTexts++] = text;
    }
    QCOMPARE(setupTexts, 4);
    QStringList cut;
    for (const auto& [type, text] : longest) {
        const QString shown = QCoreApplication::translate("fluxolab::app::TimelineBar", "past: %1").arg(text);
        if (!bar->eventFits(shown)) cut << shown;
    }
    QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("%1x%2 px, %3 pt: ")
                                           .arg(bar->eventRect().width())
                                           .arg(bar->eventRect().height())
                                           .arg(label->font().pointSizeF()) +
                                       cut.mid(0, 4).join(QStringLiteral(" | "))));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::labStepHeadingIsWhole_data() {
    addSizes(false);
}

void LayoutTest::labStepHeadingIsWhole() {
    // Every step of the consumer-group lab (the longest titles) at both sizes, normal and
    // presentation mode: the "Step N of M: title" heading is whole and in view, fixed above the text
    // that scrolls to the step's command, and the text wraps only between words.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, true);
    QVERIFY(w);
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(QStringLiteral("grupos-lag-rebalanceamento")));
    w->resize(size);
    settle();
    auto* heading = lab->findChild<QLabel*>(QStringLiteral("labStepHeading"));
    QVERIFY(heading);
    QTextBrowser* text = lab->textBrowser();
    QCOMPARE(text->wordWrapMode(), QTextOption::WordWrap);
    const QString stepWord = lang == QStringLiteral("en") ? QStringLiteral("Step ") : QStringLiteral("Passo ");
    for (int step = 0; step < lab->stepCount(); ++step) {
        lab->selectStep(step);
        settle();
        QVERIFY(heading->isVisible());
        QVERIFY2(heading->text().startsWith(stepWord + QString::number(step + 1)), qPrintable(heading->text()));
        // Whole: as high as its wrapped text needs, inside the panel, above the scrolling text.
        QVERIFY2(heading->height() >= heading->heightForWidth(heading->width()),
                 qPrintable(QStringLiteral("%1: %2 px high for %3").arg(heading->text()).arg(heading->height()).arg(heading->heightForWidth(heading->width()))));
        const QRect inPanel(heading->mapTo(lab, QPoint(0, 0)), heading->size());
        QVERIFY2(lab->rect().contains(inPanel), qPrintable(heading->text()));
        QVERIFY(heading->mapTo(lab, QPoint(0, heading->height())).y() <= text->mapTo(lab, QPoint(0, 0)).y());
        QVERIFY(!text->toPlainText().contains(heading->text())); // not repeated in the text that scrolls
        // No line of the instructions breaks inside a word.
        for (QTextBlock b = text->document()->begin(); b.isValid(); b = b.next()) {
            const QString t = b.text();
            for (int i = 1; i < b.layout()->lineCount(); ++i) {
                const int at = b.layout()->lineAt(i).textStart();
                if (at <= 0 || at >= t.size()) continue;
                const QChar before = t[at - 1];
                const bool boundary = before.isSpace() || before == QLatin1Char('-') || before == QLatin1Char('/') ||
                                      before == QChar(0x2014) || before == QChar(0x2013) || before == QChar(0x200B);
                QVERIFY2(boundary, qPrintable(QStringLiteral("step %1 breaks inside a word: \"%2|%3\"")
                                                  .arg(step + 1)
                                                  .arg(t.mid(std::max(0, at - 20), std::min(at, 20)), t.mid(at, 20))));
            }
        }
    }
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::labStepListShowsTheNextSteps_data() {
    addSizes(false);
}

void LayoutTest::labStepListShowsTheNextSteps() {
    // Presentation mode at 1366x768 showed about 2.5 rows of the step list: a student sees the
    // step selected (the current one) and the next three whole, at both sizes and in both languages,
    // with the step's text still there below the list.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, true);
    QVERIFY(w);
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(QStringLiteral("grupos-lag-rebalanceamento")));
    w->resize(size);
    settle();
    QListWidget* list = lab->stepList();
    QVERIFY(list->isVisible());
    const int n = lab->stepCount();
    QVERIFY(n >= 5);
    const QRect viewport = list->viewport()->rect();
    const int rowH = list->visualItemRect(list->item(0)).height();
    QVERIFY(rowH > 0);
    // Four rows; three in presentation mode, where the fourth's room goes to the step's command
    // (the longest replay commands of labs 4 and 7 did not fit the instructions at 1366x768).
    const int rows = presentation ? 3 : 4;
    QVERIFY2(viewport.height() >= std::min(n, rows) * rowH,
             qPrintable(QStringLiteral("%1 px for rows of %2 px: %3 rows").arg(viewport.height()).arg(rowH).arg(double(viewport.height()) / rowH)));
    for (int step = 0; step < n; ++step) {
        lab->selectStep(step);
        settle();
        for (int k = step; k < std::min(n, step + rows); ++k) {
            const QRect r = list->visualItemRect(list->item(k));
            QVERIFY2(viewport.contains(r), qPrintable(QStringLiteral("step %1 selected: row %2 at %3..%4, list %5 px high")
                                                          .arg(step + 1).arg(k + 1).arg(r.top()).arg(r.bottom()).arg(viewport.height())));
        }
    }
    if (!shotsDir().isEmpty()) {
        lab->selectStep(0);
        settle();
        w->grab().save(QStringLiteral("%1/lab-%2x%3-%4-%5.png")
                           .arg(shotsDir())
                           .arg(size.width())
                           .arg(size.height())
                           .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    }
    // The instructions keep room for several lines under the list.
    QVERIFY2(lab->textBrowser()->viewport()->height() >= 4 * QFontMetrics(lab->textBrowser()->font()).lineSpacing(),
             qPrintable(QStringLiteral("text %1 px").arg(lab->textBrowser()->viewport()->height())));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::handPlacedTerminalStays() {
    // The window places the terminal by its height (under the lab panel in a short window, across
    // the bottom in a tall one) and sizes it to 10 lines; a terminal the user dragged, floated or
    // resized stays where the user put it when the lab panel or presentation mode is toggled.
    QAction* labs = nullptr;
    auto toggleEverything = [&](MainWindow* w) {
        labs->trigger(); // the lab panel opens
        settle();
        w->setPresentation(true);
        settle();
        w->setPresentation(false);
        settle();
        labs->trigger(); // and closes
        settle();
        labs->trigger(); // and opens again
        settle();
    };
    // Dragged to the left of the cluster view.
    {
        auto w = makeWindow(QSize(1366, 768), false, false);
        QVERIFY(w);
        labs = w->action(QStringLiteral("viewLabs"));
        QVERIFY(labs);
        auto* term = w->findChild<QDockWidget*>(QStringLiteral("terminalDock"));
        w->setView(MainWindow::View::Terminal);
        settle();
        QCOMPARE(w->dockWidgetArea(term), Qt::BottomDockWidgetArea);
        QVERIFY(!w->terminalPlacedByUser()); // the window's own placement is not the user's
        labs->trigger();
        settle();
        QVERIFY(!w->terminalUnderLabPanel()); // automatic: across the bottom (Kafka's tables need the width)
        QCOMPARE(w->dockWidgetArea(term), Qt::BottomDockWidgetArea);
        labs->trigger();
        settle();
        QVERIFY(!w->terminalPlacedByUser());
        w->addDockWidget(Qt::LeftDockWidgetArea, term); // what a drop on the left edge does
        settle();
        QVERIFY(w->terminalPlacedByUser());
        toggleEverything(w.get());
        QCOMPARE(w->dockWidgetArea(term), Qt::LeftDockWidgetArea);
        QVERIFY(term->isVisible() && !term->isFloating());
    }
    // Floated.
    {
        auto w = makeWindow(QSize(1366, 768), false, false);
        QVERIFY(w);
        labs = w->action(QStringLiteral("viewLabs"));
        auto* term = w->findChild<QDockWidget*>(QStringLiteral("terminalDock"));
        w->setView(MainWindow::View::Terminal);
        settle();
        term->setFloating(true);
        settle();
        const QRect where = term->geometry();
        toggleEverything(w.get());
        QVERIFY(term->isFloating());
        QCOMPARE(term->geometry(), where);
    }
    // Resized by dragging the separator above it (1920x1080: it stays across the bottom, and
    // keeps the user's height instead of going back to 10 lines; 1366x768: it is not moved under
    // the lab panel either).
    for (QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
        auto w = makeWindow(size, false, false);
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        labs = w->action(QStringLiteral("viewLabs"));
        auto* term = w->findChild<QDockWidget*>(QStringLiteral("terminalDock"));
        w->setView(MainWindow::View::Terminal);
        settle();
        const int before = term->height();
        const int central = w->centralWidget()->geometry().bottom();
        const QPoint separator((w->centralWidget()->geometry().left() + w->centralWidget()->geometry().right()) / 2,
                               (central + term->geometry().top()) / 2);
        QVERIFY2(!w->childAt(separator), "no separator between the cluster view and the terminal");
        QTest::mousePress(w.get(), Qt::LeftButton, {}, separator);
        QTest::mouseMove(w.get(), separator - QPoint(0, 40));
        settle(); // QMainWindow moves a separator on a zero timer
        QTest::mouseMove(w.get(), separator - QPoint(0, 90));
        settle();
        QTest::mouseRelease(w.get(), Qt::LeftButton, {}, separator - QPoint(0, 90));
        settle();
        const int dragged = term->height();
        QVERIFY2(dragged >= before + 40, qPrintable(QStringLiteral("%1 px high, %2 before the drag").arg(dragged).arg(before)));
        QVERIFY(w->terminalPlacedByUser());
        toggleEverything(w.get());
        QCOMPARE(w->dockWidgetArea(term), Qt::BottomDockWidgetArea);
        // (Qt's layout rounds a few pixels off when the menu bar and the tabs come back.)
        QVERIFY2(std::abs(term->height() - dragged) <= 6, qPrintable(QStringLiteral("%1 px high, %2 as dragged").arg(term->height()).arg(dragged)));
    }
}

void LayoutTest::labPanelFoldsWhileTypingInTheTerminal_data() {
    addSizes(false);
}

void LayoutTest::labPanelFoldsWhileTypingInTheTerminal() {
    // A short window with the stream view in front: the terminal is under the lab panel (the Kafka
    // views keep it across the bottom, for their tables). While it has the keyboard (a command
    // clicked in the instructions), the panel folds to the step's heading and the terminal gets the
    // column's height; the panel unfolds on a click on its heading or when the lab moves to the
    // next step. A tall window keeps the terminal across the bottom and never folds the panel.
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(QString, lang);
    QVERIFY(setLanguage(lang));
    auto w = makeWindow(size, presentation, true);
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(QStringLiteral("topicos-particoes-offsets")));
    lab->restart();
    const bool shortWindow = size.height() < MainWindow::kTallWindow;
    if (shortWindow) w->setView(MainWindow::View::Stream);
    w->resize(size);
    settle();
    QCOMPARE(lab->currentStep(), 0);
    QVERIFY(!lab->isFolded());
    QVERIFY(lab->textBrowser()->isVisible());
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    auto lines = [&] { return c->viewport()->height() / QFontMetrics(c->font()).lineSpacing(); };
    const int unfoldedLines = lines();
    // (Under the panel with the stream view in front: the stream view's terminal lines.)
    const int fewest = shortWindow ? MainWindow::kStreamTerminalLines : MainWindow::kTerminalLines;
    QVERIFY2(unfoldedLines >= fewest, qPrintable(QString::number(unfoldedLines)));
    auto shot = [&](const char* what) {
        if (!shotsDir().isEmpty())
            w->grab().save(QStringLiteral("%1/lab-%2-%3x%4-%5-%6.png")
                               .arg(shotsDir(), QLatin1String(what))
                               .arg(size.width())
                               .arg(size.height())
                               .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lang));
    };
    shot("unfolded");
    auto* heading = lab->findChild<QLabel*>(QStringLiteral("labStepHeading"));
    auto* unfold = lab->findChild<QToolButton*>(QStringLiteral("labUnfold"));
    QVERIFY(heading && unfold);
    // A click on the step's command pastes it into the terminal: the panel stays unfolded (the
    // step's next command is one click away).
    Q_EMIT lab->commandClicked(lab->commands().front());
    settle();
    QCOMPARE(QApplication::focusWidget(), c);
    QVERIFY(!lab->isFolded());
    // The student goes to the terminal to type (a click on it after reading the step).
    lab->textBrowser()->setFocus();
    settle();
    c->setFocus(Qt::MouseFocusReason);
    settle();
    if (!w->terminalUnderLabPanel()) {
        QVERIFY(!shortWindow);
        QVERIFY(!lab->isFolded());
        QVERIFY(lab->textBrowser()->isVisible());
        QVERIFY(setLanguage(QStringLiteral("pt_PT")));
        return;
    }
    QVERIFY(lab->isFolded());
    QVERIFY(!lab->textBrowser()->isVisible() && !lab->stepList()->isVisible());
    // The heading stays, whole, with the button that unfolds the panel.
    QVERIFY(heading->isVisible() && unfold->isVisible());
    QVERIFY2(heading->height() >= heading->heightForWidth(heading->width()), qPrintable(heading->text()));
    const int foldedLines = lines();
    shot("folded");
    qInfo("terminal: %d lines unfolded, %d folded, %d px wide (%d columns)", unfoldedLines, foldedLines, c->viewport()->width(),
          c->viewport()->width() / QFontMetrics(c->font()).horizontalAdvance(QLatin1Char('M')));
    QVERIFY2(foldedLines >= 3 * MainWindow::kTerminalLines,
             qPrintable(QStringLiteral("%1 lines folded (%2 unfolded)").arg(foldedLines).arg(unfoldedLines)));
    // The cluster view is not touched by it.
    QVERIFY(labelProblems(w->clusterCanvas()->layout()).isEmpty());
    // A click on "Show the step" unfolds it; the terminal goes back to its lines.
    QTest::mouseClick(unfold, Qt::LeftButton);
    settle();
    QVERIFY(!lab->isFolded());
    QVERIFY(lab->textBrowser()->isVisible() && lab->stepList()->isVisible());
    QVERIFY(lines() >= fewest);
    // Typing again folds it; the command passes the step: the next step unfolds the panel.
    c->setFocus();
    settle();
    QVERIFY(lab->isFolded());
    QVERIFY(c->input().startsWith(QStringLiteral("bin/kafka-topics.sh --create")));
    c->submit(c->input());
    settle();
    QCOMPARE(lab->currentStep(), 1);
    QVERIFY(!lab->isFolded());
    QVERIFY(lab->textBrowser()->isVisible());
    QVERIFY(lines() >= fewest);
    // A click on the heading of a folded panel unfolds it too (the keyboard went to the panel and
    // back to the terminal: a click on the terminal after reading the step).
    lab->textBrowser()->setFocus();
    settle();
    c->setFocus();
    settle();
    QVERIFY(lab->isFolded());
    QTest::mouseClick(heading, Qt::LeftButton);
    settle();
    QVERIFY(!lab->isFolded());
    QVERIFY(lab->isAncestorOf(QApplication::focusWidget())); // the keyboard is on the step
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::labPanelUnfoldsWhenAStepPasses_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addRow("1366x768 normal") << false;
    QTest::addRow("1366x768 presentation") << true;
}

void LayoutTest::labPanelUnfoldsWhenAStepPasses() {
    // The student types a step's command in the terminal under the folded panel and presses Enter:
    // the step passes and the panel unfolds on the next step, while the keyboard stays in the
    // terminal (typing goes on there). Also when the student had opened another step to read.
    QFETCH(bool, presentation);
    auto w = makeWindow(QSize(1366, 768), presentation, true);
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->loadLab(QStringLiteral("topicos-particoes-offsets")));
    lab->restart();
    // Under the panel with the stream view in front (the Kafka views keep the terminal across the
    // bottom, for their tables: the panel has its column and never folds there).
    w->setView(MainWindow::View::Cluster);
    w->resize(QSize(1366, 768));
    settle();
    QVERIFY(!w->terminalUnderLabPanel());
    w->setView(MainWindow::View::Stream);
    settle();
    QVERIFY(w->terminalUnderLabPanel());
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    auto typeStep = [&](int step) {
        lab->selectStep(step);
        const QString command = lab->commands().front();
        QVERIFY(!command.isEmpty());
        // The student reads another step (the one after) before going to the terminal.
        if (step + 1 < lab->stepCount()) lab->selectStep(step + 1);
        lab->textBrowser()->setFocus(Qt::MouseFocusReason); // reading it
        settle();
        c->setFocus(Qt::MouseFocusReason); // then a click on the terminal
        settle();
        QVERIFY(lab->isFolded());
        QTest::keyClicks(c, command);
        QTest::keyClick(c, Qt::Key_Return);
        settle();
    };
    for (int step : {0, 1}) {
        typeStep(step);
        QCOMPARE(lab->currentStep(), step + 1);
        QVERIFY2(!lab->isFolded(), qPrintable(QStringLiteral("folded after step %1 passed").arg(step + 1)));
        QVERIFY(lab->textBrowser()->isVisible() && lab->stepList()->isVisible());
        QCOMPARE(QApplication::focusWidget(), c); // the keyboard was not taken from the terminal
        // Typing on does not fold it again (only the keyboard coming back to the terminal does).
        QTest::keyClicks(c, QStringLiteral("kafka"));
        settle();
        QVERIFY(!lab->isFolded());
        QTest::keyClick(c, Qt::Key_U, Qt::ControlModifier);
    }
    if (!shotsDir().isEmpty())
        w->grab().save(QStringLiteral("%1/lab-unfolded-after-step-%2.png").arg(shotsDir(), presentation ? QStringLiteral("presentation") : QStringLiteral("normal")));
}

void LayoutTest::labPanelFromTheLabOptionHasItsWidth_data() {
    QTest::addColumn<QString>("lang");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("lab");
    for (const char* lang : {"pt_PT", "en"})
        for (bool presentation : {false, true})
            for (const char* lab : {"topicos-particoes-offsets", "grupos-lag-rebalanceamento"})
                QTest::addRow("%s %s %s", lang, presentation ? "presentation" : "normal", lab)
                    << QString::fromLatin1(lang) << presentation << QString::fromLatin1(lab);
}

void LayoutTest::labPanelFromTheLabOptionHasItsWidth() {
    // `fluxolab --lab ID --presentation --size 1366x768`: the lab panel gets the third of the window
    // sizeDocks asks for, and a step's command shows whole, with no sideways scrolling. The tables tab
    // (not in front) needed ~990 px of the central area in presentation mode and squeezed the panel to
    // ~370 px, every command cut at "--bootstrap-server localhos".
    QFETCH(QString, lang);
    QFETCH(bool, presentation);
    QFETCH(QString, lab);
    QVERIFY(setLanguage(lang));
    MainWindow w; // not shown yet, as in runApplication
    Options o;
    o.width = 1366;
    o.height = 768;
    o.presentation = presentation;
    o.lab = lab;
    QString error;
    QVERIFY2(openLabOption(w, o, &error), qPrintable(error));
    w.labPanel()->restart();
    showForScreenshot(w, o);
    if (!shotsDir().isEmpty())
        w.grab().save(QStringLiteral("%1/lab-option-%2-%3-%4.png")
                          .arg(shotsDir(), lang, presentation ? QStringLiteral("presentation") : QStringLiteral("normal"), lab));
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("labsDock"));
    QVERIFY(dock && dock->isVisible());
    const int wanted = std::clamp(w.width() / 3, 300, 460);
    QVERIFY2(dock->width() >= wanted - 10, qPrintable(QStringLiteral("lab panel %1 px wide, %2 wanted").arg(dock->width()).arg(wanted)));
    QTextBrowser* text = w.labPanel()->textBrowser();
    QVERIFY2(!text->horizontalScrollBar()->isVisible() || text->horizontalScrollBar()->maximum() == 0,
             qPrintable(QStringLiteral("the step's text scrolls sideways by %1 px").arg(text->horizontalScrollBar()->maximum())));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}

void LayoutTest::labPanelAfterTheRunOption_data() {
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("passes");
    for (bool presentation : {false, true})
        for (bool passes : {true, false})
            QTest::addRow("1366x768 %s, %s", presentation ? "presentation" : "normal",
                          passes ? "the command passes the step" : "the command passes nothing")
                << presentation << passes;
}

void LayoutTest::labPanelAfterTheRunOption() {
    // `fluxolab --lab ID --run COMMAND --screenshot F` takes the path a student's typing takes: the
    // keyboard goes to the terminal, then the commands run. The terminal is across the bottom in
    // both modes (Kafka's tables need the width, on a projector as at 1366x768 in normal mode): the
    // panel has its column, never folds, and moves on when a command passes the step. The picture
    // is the interactive one (issue #8): the describe table fitted to the terminal's final width,
    // one line a row, the prompt whole on the last line, no status bar in presentation mode (the
    // screenshot path kept the table at the width it was printed in and cut the prompt).
    QFETCH(bool, presentation);
    QFETCH(bool, passes);
    MainWindow w; // not shown yet, as in runApplication
    Options o;
    o.width = 1366;
    o.height = 768;
    o.presentation = presentation;
    o.lab = QStringLiteral("topicos-particoes-offsets");
    QString error;
    QVERIFY2(openLabOption(w, o, &error), qPrintable(error));
    LabPanel* lab = w.labPanel();
    lab->restart();
    QCOMPARE(lab->currentStep(), 0);
    if (passes)
        o.run = {lab->commands().front(), QStringLiteral("kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic exemplo-topico")};
    else
        o.run = {QStringLiteral("echo ola")};
    runCommandsOption(w, o, true);
    showForScreenshot(w, o);
    if (!shotsDir().isEmpty())
        w.grab().save(QStringLiteral("%1/lab-run-%2-%3.png")
                          .arg(shotsDir(), presentation ? QStringLiteral("presentation") : QStringLiteral("normal"),
                               passes ? QStringLiteral("passes") : QStringLiteral("nothing")));
    QVERIFY(!w.terminalUnderLabPanel());
    QCOMPARE(w.dockWidgetArea(w.findChild<QDockWidget*>(QStringLiteral("terminalDock"))), Qt::BottomDockWidgetArea);
    QVERIFY(!lab->isFolded());
    QCOMPARE(lab->currentStep(), passes ? 2 : 0); // (the create passes step 1, the describe step 2)
    if (presentation) QVERIFY(!w.statusBar()->isVisible());
    TerminalConsole* c = w.terminalPanel()->currentConsole();
    QVERIFY(c->isVisible());
    // The prompt: the last line, whole inside the view.
    const QRect cursor = c->cursorRect(QTextCursor(c->document()->lastBlock()));
    QVERIFY2(cursor.top() >= 0 && cursor.bottom() <= c->viewport()->height(),
             qPrintable(QStringLiteral("prompt at %1..%2 in a %3 px view").arg(cursor.top()).arg(cursor.bottom()).arg(c->viewport()->height())));
    if (!passes) return;
    int rows = 0;
    for (QTextBlock b = c->document()->begin(); b.isValid(); b = b.next()) {
        if (!b.text().startsWith(QStringLiteral("Topic: ")) && !b.text().startsWith(QStringLiteral("\tTopic: "))) continue;
        (void)c->document()->documentLayout()->blockBoundingRect(b);
        ++rows;
        QVERIFY2(b.layout()->lineCount() == 1,
                 qPrintable(QStringLiteral("a describe row on %1 lines in %2 px: %3").arg(b.layout()->lineCount()).arg(c->viewport()->width()).arg(b.text())));
    }
    QVERIFY2(rows >= 2, qPrintable(c->toPlainText()));
}

void LayoutTest::noStatusBarInPresentation_data() {
    QTest::addColumn<QSize>("size");
    QTest::addRow("1366x768") << QSize(1366, 768);
    QTest::addRow("1920x1080") << QSize(1920, 1080);
}

void LayoutTest::noStatusBarInPresentation() {
    // In presentation mode the status bar's row goes to the views and the terminal, whatever the
    // order in which presentation mode, the terminal and the lab panel were opened and closed.
    QFETCH(QSize, size);
    auto w = makeWindow(size, false, false);
    QVERIFY(w);
    QAction* terminal = w->findChild<QAction*>(QStringLiteral("viewTerminal"));
    QAction* labs = w->findChild<QAction*>(QStringLiteral("viewLabs"));
    QVERIFY(terminal && labs);
    auto bar = [&] { return w->statusBar()->isVisible(); };
    auto toggle = [&](QAction* a, bool on) {
        if (a->isChecked() != on) a->trigger();
        settle();
        w->resize(size);
        settle();
    };
    QVERIFY(bar()); // normal mode, no terminal: the status bar (messages such as the demo's end)
    w->setPresentation(true);
    settle();
    QVERIFY(!bar());
    toggle(terminal, true);
    QVERIFY(!bar());
    toggle(labs, true);
    QVERIFY(!bar());
    w->setView(MainWindow::View::Labs);
    settle();
    QVERIFY(!bar());
    toggle(terminal, false);
    QVERIFY(!bar());
    toggle(terminal, true);
    QVERIFY(!bar());
    // A message for the status bar (the demo's planned end) does not bring it back.
    w->statusBar()->showMessage(QStringLiteral("message"));
    settle();
    QVERIFY(!bar());
    toggle(labs, false);
    toggle(terminal, false);
    QVERIFY(!bar());
    // Out of presentation mode: with the terminal the status bar stays hidden (the terminal has
    // the row), without it, it is back.
    toggle(terminal, true);
    w->setPresentation(false);
    settle();
    QVERIFY(!bar());
    toggle(terminal, false);
    QVERIFY(bar());
    // The terminal opened in normal mode, then presentation mode, then the terminal closed.
    toggle(terminal, true);
    w->setPresentation(true);
    settle();
    toggle(terminal, false);
    QVERIFY(!bar());
    w->setPresentation(false);
    settle();
    QVERIFY(bar());
}

void LayoutTest::screenshots() {
    // The views at both sizes, normal and presentation, with the lab panel and the terminal open
    // (saved when FLUXOLAB_SHOTS_DIR is set). Each fits the size and none is blank.
    for (const char* lang : {"pt_PT", "en"})
        for (QSize size : {QSize(1366, 768), QSize(1920, 1080)})
            for (bool presentation : {false, true}) {
                QVERIFY(setLanguage(QString::fromLatin1(lang)));
                auto w = makeWindow(size, presentation, true);
                QVERIFY(w);
                w->terminalPanel()->currentConsole()->submit(QStringLiteral(
                    "kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic encomendas"));
                settle();
                const QImage image = w->grab().toImage();
                QCOMPARE(image.size(), size);
                QVERIFY2(labelProblems(w->clusterCanvas()->layout()).isEmpty(),
                         qPrintable(QStringLiteral("%1x%2 %3: ").arg(size.width()).arg(size.height()).arg(presentation) +
                                    labelProblems(w->clusterCanvas()->layout()).join(QStringLiteral("; "))));
                if (!shotsDir().isEmpty())
                    image.save(
                        QStringLiteral("%1/main-%2x%3-%4-%5.png")
                            .arg(shotsDir())
                            .arg(size.width())
                            .arg(size.height())
                            .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"),
                                 currentLanguage()));
                CompareWindow cw(w->controller());
                cw.show();
                cw.resize(fittedSize(size, QRect(QPoint(0, 0), size)));
                if (presentation) cw.setPresentation(true);
                cw.seekTime(8000);
                settle();
                const QImage compare = cw.grab().toImage();
                QVERIFY(compare.width() <= size.width() && compare.height() <= size.height());
                if (!shotsDir().isEmpty())
                    compare.save(
                        QStringLiteral("%1/compare-%2x%3-%4-%5.png")
                            .arg(shotsDir())
                            .arg(size.width())
                            .arg(size.height())
                            .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"),
                                 currentLanguage()));
            }
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
}
