#include "tests/app/tst_numbers.h"

#include "app/cluster/plotsview.h"
#include "app/cluster/timelinebar.h"
#include "app/core/application.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"
#include "app/core/theme.h"
#include "app/dialogs/builderdialogs.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"
#include "labs/backend/scenario_errors.h"
#include "labs/observe/sim_observer.h"
#include "sim/scenario.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <memory>
// qcustomplot.h uses the signals/slots keywords, which QT_NO_KEYWORDS turns off.
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
std::unique_ptr<MainWindow> numbersWindow(const QString& scenario) {
    auto w = std::make_unique<MainWindow>();
    w->resize(1366, 768);
    w->show();
    if (!w->openScenario(scenario, false)) return nullptr;
    return w;
}

QString pointOf(const QDoubleSpinBox& box) { return box.cleanText(); }
} // namespace

void NumbersTest::cleanup() { setLanguage(QStringLiteral("pt_PT")); }

void NumbersTest::decimalsFollowTheUiLanguage() {
    auto w = numbersWindow(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    for (const bool pt : {true, false}) {
        QVERIFY(setLanguage(pt ? QStringLiteral("pt_PT") : QStringLiteral("en")));
        QCoreApplication::processEvents(); // the open widgets' LanguageChange
        // The producer dialog's rate (the playthrough saw "10.00 registos/s" in Portuguese).
        AddProducerDialog d(w->controller(), w.get());
        auto* rate = d.findChild<QDoubleSpinBox*>();
        QVERIFY(rate);
        QCOMPARE(pointOf(*rate), pt ? QStringLiteral("10,00") : QStringLiteral("10.00"));
        QCOMPARE(rate->text(), pt ? QStringLiteral("10,00 registos/s") : QStringLiteral("10.00 records/s"));
        if (const QString dir = qEnvironmentVariable("FLUXOLAB_SHOTS_DIR"); !dir.isEmpty()) {
            d.show();
            QCoreApplication::processEvents();
            d.grab().save(QStringLiteral("%1/producer-dialog-%2.png").arg(dir, pt ? QStringLiteral("pt_PT") : QStringLiteral("en")));
        }
        // The virtual clock's milliseconds, the playback speeds, a duration in seconds.
        QCOMPARE(Texts::virtualTime(72345), pt ? QStringLiteral("01:12,345") : QStringLiteral("01:12.345"));
        QCOMPARE(Texts::seconds(2500), pt ? QStringLiteral("2,5 s") : QStringLiteral("2.5 s"));
        QCOMPARE(Texts::seconds(60000), QStringLiteral("60 s"));
        auto* bar = w->findChild<TimelineBar*>();
        QVERIFY(bar);
        QStringList speeds;
        for (auto* box : bar->findChildren<QComboBox*>())
            for (int i = 0; i < box->count(); ++i) speeds << box->itemText(i);
        QVERIFY2(speeds.contains(pt ? QStringLiteral("0,25×") : QStringLiteral("0.25×")), qPrintable(speeds.join(QLatin1Char(' '))));
        QVERIFY2(!speeds.contains(pt ? QStringLiteral("0.25×") : QStringLiteral("0,25×")), qPrintable(speeds.join(QLatin1Char(' '))));
        // The plots' tick labels: a y axis from 0 to 1 is labelled in tenths.
        QCustomPlot* plot = w->plotsView()->lagPlot();
        plot->yAxis->setRange(0, 1);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QVector<QString> labels = plot->yAxis->tickVectorLabels();
        QStringList shown(labels.begin(), labels.end());
        QVERIFY2(shown.contains(pt ? QStringLiteral("0,2") : QStringLiteral("0.2")), qPrintable(shown.join(QLatin1Char(' '))));
    }
}

void NumbersTest::spinBoxFollowsALiveSwitch() {
    auto w = numbersWindow(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    QVERIFY(setLanguage(QStringLiteral("en")));
    AddProducerDialog d(w->controller(), w.get());
    d.show();
    auto* rate = d.findChild<QDoubleSpinBox*>();
    QVERIFY(rate);
    rate->setValue(2.5);
    QCOMPARE(pointOf(*rate), QStringLiteral("2.50"));
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
    QCoreApplication::processEvents();
    QCOMPARE(pointOf(*rate), QStringLiteral("2,50"));
    QCOMPARE(rate->value(), 2.5);
}

void NumbersTest::defaultNamesFollowTheUiLanguage() {
    auto w = numbersWindow(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    w->controller()->newScenario(); // no group yet: the consumer dialog proposes a name
    QString error;
    QVERIFY2(w->controller()->createTopic("t", 1, 1, &error), qPrintable(error));
    struct Expect {
        QString lang, prefix, topic, group, title;
    };
    for (const Expect& e : {Expect{QStringLiteral("en"), QStringLiteral("customer-"), QStringLiteral("new-topic"), QStringLiteral("group-1"),
                                   QStringLiteral("New scenario")},
                            Expect{QStringLiteral("pt_PT"), QStringLiteral("cliente-"), QStringLiteral("novo-topico"),
                                   QStringLiteral("grupo-1"), QStringLiteral("Cenário novo")}}) {
        QVERIFY(setLanguage(e.lang));
        AddProducerDialog producer(w->controller(), w.get());
        QStringList edits;
        for (auto* l : producer.findChildren<QLineEdit*>())
            if (!qobject_cast<QAbstractSpinBox*>(l->parentWidget()) && !qobject_cast<QComboBox*>(l->parentWidget())) edits << l->text();
        QCOMPARE(edits, QStringList{e.prefix});
        CreateTopicDialog topic(w->controller(), w.get());
        QStringList topicEdits;
        for (auto* l : topic.findChildren<QLineEdit*>())
            if (!qobject_cast<QAbstractSpinBox*>(l->parentWidget())) topicEdits << l->text();
        QCOMPARE(topicEdits, QStringList{e.topic});
        AddConsumerDialog consumer(w->controller(), w.get());
        auto* group = consumer.findChild<QComboBox*>();
        QVERIFY(group && group->isEditable());
        QCOMPARE(group->currentText(), e.group);
        QCOMPARE(w->controller()->scenarioTitle(), e.title);
    }
}

void NumbersTest::eventPluralsAgreeWithTheirCount() {
    // Every event of a bundled scenario in both languages: no "(s)"/"(ões)" left to the reader, and
    // one of a thing is singular ("1 registo", "1 partição").
    sim::ScenarioError err;
    const auto scenario = sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/falha-de-broker.json", err);
    QVERIFY2(scenario, fluxolab::labs::scenarioErrorText(err).c_str());
    sim::ScenarioRun run(*scenario, scenario->seed);
    run.runUntil(40000);
    const sim::Journal& j = run.sim().journal();
    static const QRegularExpression oneMany(
        QStringLiteral(R"(\b1 (registos|partições|membros|records|partitions|members|confirmados)\b)"));
    static const QRegularExpression manyOne(QStringLiteral(R"(\b([02-9]|\d\d+) (registo|partição|membro|record|partition|member)\b)"));
    for (const QString& lang : {QStringLiteral("pt_PT"), QStringLiteral("en")}) {
        QVERIFY(setLanguage(lang));
        int singular = 0, plural = 0;
        for (const sim::Event& e : j.events()) {
            const QString text = Texts::event(labs::observe::shownEvent(j, e));
            QVERIFY2(!text.contains(QStringLiteral("(s)")) && !text.contains(QStringLiteral("(ões)")), qPrintable(text));
            QVERIFY2(!oneMany.match(text).hasMatch(), qPrintable(text));
            QVERIFY2(!manyOne.match(text).hasMatch(), qPrintable(text));
            if (e.type == sim::EventType::RecordsConsumed) ++(e.b == 1 ? singular : plural);
        }
        QVERIFY2(singular > 0 && plural > 0, qPrintable(QStringLiteral("%1 singular, %2 plural").arg(singular).arg(plural)));
    }
    QVERIFY(setLanguage(QStringLiteral("pt_PT")));
    const auto acked = [](int n) { return QCoreApplication::translate("fluxolab::app::ClusterCanvas", "%n acked", nullptr, n); };
    QCOMPARE(acked(1), QStringLiteral("1 confirmado"));
    QCOMPARE(acked(259), QStringLiteral("259 confirmados"));
    const auto brokers = [](int n) { return QCoreApplication::translate("fluxolab::app::RealView", "%n broker(s)", nullptr, n); };
    QCOMPARE(brokers(1), QStringLiteral("1 broker"));
    QCOMPARE(brokers(3), QStringLiteral("3 brokers"));
}

void NumbersTest::plotTimeAxisEndsWhereTheDataEnds() {
    auto w = numbersWindow(QStringLiteral("rebalance-basico")); // duration 60 s
    QVERIFY(w);
    w->setView(MainWindow::View::Plots);
    for (const sim::TimeMs at : {30000, 45500}) {
        w->controller()->runTo(at);
        QCoreApplication::processEvents();
        PlotsView* v = w->plotsView();
        v->rebuild();
        const double last = w->controller()->plots().time_s.back();
        QVERIFY(last <= at / 1000.0 + 1e-9 && last > at / 1000.0 - 1.0);
        for (QCustomPlot* p : v->findChildren<QCustomPlot*>()) {
            // It used to end at the scenario's 60 s: half the plot empty past the data.
            QCOMPARE(p->xAxis->range().upper, at / 1000.0);
            QCOMPARE(p->xAxis->range().lower, 0.0);
        }
    }
}

void NumbersTest::coincidingPlotLinesStayVisible() {
    // Production and consumption equal at every sample (a consumer keeping up): the line drawn
    // first used to vanish under the other.
    auto w = numbersWindow(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    PlotsView plots(w->controller());
    plots.resize(1000, 700);
    plots.show();
    PlotSeries s;
    for (int i = 0; i <= 120; ++i) {
        s.time_s.push_back(i * 0.5);
        const double rate = 20.0 + 5.0 * std::sin(i / 10.0);
        s.produce_rate.push_back(rate);
        s.consume_rate.push_back(rate);
        s.leo_total.push_back(i * 10.0);
        s.hw_total.push_back(i * 10.0);
    }
    plots.showSeries(&s);
    QCoreApplication::processEvents();
    QCustomPlot* rate = nullptr;
    for (QCustomPlot* p : plots.findChildren<QCustomPlot*>())
        if (p->graphCount() == 2 && p->graph(0)->name() == PlotsView::tr("produced")) rate = p;
    QVERIFY(rate);
    rate->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = rate->toPixmap().toImage();
    const QRect area = rate->axisRect()->rect().adjusted(2, 2, -2, -2);
    const auto count = [&](const QColor& c) {
        int n = 0;
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x) {
                const QColor p = image.pixelColor(x, y);
                n += std::abs(p.red() - c.red()) <= 8 && std::abs(p.green() - c.green()) <= 8 && std::abs(p.blue() - c.blue()) <= 8;
            }
        return n;
    };
    const QColor produced = rate->graph(0)->pen().color(), consumed = rate->graph(1)->pen().color();
    const int producedPixels = count(produced), consumedPixels = count(consumed);
    // Both lines run the whole width and both show along it (produced: 403 px of its exact colour
    // over 772 columns here; 0 px when it was drawn as thin as the consumed line, under it).
    QVERIFY2(producedPixels >= area.width() / 4 && consumedPixels >= area.width() / 4,
             qPrintable(QStringLiteral("produced %1 px, consumed %2 px, %3 columns").arg(producedPixels).arg(consumedPixels).arg(area.width())));
    // The legend shows the two lines as they are drawn: the wide one and the thin one.
    QVERIFY(rate->graph(0)->pen().widthF() >= 2 * rate->graph(1)->pen().widthF());
    QVERIFY(!rate->legend->outerRect().intersects(rate->axisRect()->rect()));
    // HW on the LEO: the same (the LEO wide and under, the HW dashed on top).
    for (QCustomPlot* p : plots.findChildren<QCustomPlot*>())
        if (p->graphCount() == 2 && p->graph(0)->name() == PlotsView::tr("LEO")) {
            QCOMPARE(p->graph(1)->name(), PlotsView::tr("HW"));
            QVERIFY(p->graph(0)->pen().widthF() >= 2 * p->graph(1)->pen().widthF());
            QCOMPARE(p->graph(1)->pen().style(), Qt::DashLine);
        }
}

void NumbersTest::runAtLetsTheConsoleConsumerPrint() {
    // `fluxolab --scenario rebalance-basico --run 'kafka-console-consumer.sh …' --at 10s`: the
    // cluster view showed the records consumed while the terminal printed none.
    MainWindow w;
    QVERIFY(w.openScenario(QStringLiteral("rebalance-basico"), false));
    Options o;
    o.width = 1366;
    o.height = 768;
    o.at_ms = 10000;
    o.run = {QStringLiteral("kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic encomendas --from-beginning")};
    const sim::TimeMs before = w.controller()->time();
    runCommandsOption(w, o, true);
    // The commands' few seconds, then --at's ten.
    QCOMPARE(w.controller()->time(), before + 3000 + 10000);
    TerminalConsole* c = w.terminalPanel()->currentConsole();
    const QString text = c->toPlainText();
    // rebalance-basico's values are "encomenda-N"; by 13 s the shop has written ~260 records.
    const auto printed = text.count(QRegularExpression(QStringLiteral(R"(^encomenda-\d+$)"), QRegularExpression::MultilineOption));
    std::int64_t consumed = 0;
    for (const auto& cons : w.controller()->observation().consumers)
        if (cons.client_id == "console-consumer") consumed = cons.consumed;
    QVERIFY2(printed >= 100, qPrintable(QStringLiteral("%1 records printed").arg(printed)));
    QCOMPARE(static_cast<std::int64_t>(printed), consumed);
}

void NumbersTest::runWhileAConsumerRunsOpensANewTab() {
    // `fluxolab --run 'kafka-console-consumer.sh …' --run 'kafka-topics.sh --list …'`: the second
    // command was typed into the running consumer (a line of its input, never run). It runs in a new
    // tab now, as a student opens another terminal; ">LINE" still goes to a running producer.
    MainWindow w;
    QVERIFY(w.openScenario(QStringLiteral("rebalance-basico"), false));
    Options o;
    o.width = 1366;
    o.height = 768;
    const QString list = QStringLiteral("kafka-topics.sh --list --bootstrap-server localhost:9092");
    o.run = {QStringLiteral("kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic encomendas"), list,
             QStringLiteral("kafka-console-producer.sh --bootstrap-server localhost:9092 --topic encomendas"),
             QStringLiteral(">linha-do-aluno")};
    runCommandsOption(w, o, true);
    TerminalPanel* panel = w.terminalPanel();
    QCOMPARE(panel->count(), 2);
    QVERIFY(panel->console(0)->isBusy()); // the consumer runs on
    QVERIFY2(!panel->console(0)->toPlainText().contains(list), qPrintable(panel->console(0)->toPlainText()));
    const QString second = panel->console(1)->toPlainText();
    QVERIFY2(second.contains(QRegularExpression(QStringLiteral("^encomendas$"), QRegularExpression::MultilineOption)),
             qPrintable(second)); // the listing ran
    QVERIFY(panel->console(1)->isProducing()); // the producer started after it, in that free tab
    QVERIFY2(second.contains(QStringLiteral("linha-do-aluno")), qPrintable(second));
    std::int64_t sent = 0;
    for (const auto& p : w.controller()->observation().producers)
        if (p.client_id == "console-producer") sent = p.acked;
    QCOMPARE(sent, std::int64_t{1});
}
