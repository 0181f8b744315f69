#include "tests/app/tst_terminal.h"
#include "labs/backend/scenario_errors.h"

#include "app/terminal/clihost.h"
#include "app/cluster/clustercanvas.h"
#include "app/cluster/clusterlayout.h"
#include "app/cluster/comparewindow.h"
#include "app/labs/labpanel.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/core/simulationcontroller.h"
#include "app/stream/streamview.h"
#include "app/cluster/tablemodels.h"
#include "app/terminal/terminalconsole.h"
#include "app/terminal/terminalpanel.h"

#include "labs/cli/cli_commands.h"
#include "labs/session/session_journal.h"
#include "sim/cluster.h"
#include "sim/hash.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTextLayout>
#include <QListWidget>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QTextBrowser>
#include <QTextBlock>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace fluxolab;
using namespace fluxolab::app;

namespace {
const QString kBootstrap = QStringLiteral(" --bootstrap-server localhost:9092");
const QString kLab1 = QStringLiteral("topicos-particoes-offsets");

std::unique_ptr<MainWindow> makeWindow() {
    auto w = std::make_unique<MainWindow>();
    w->resize(1600, 900);
    w->show();
    w->setView(MainWindow::View::Terminal);
    return w;
}

void type(TerminalConsole* c, const QString& line) {
    bool ascii = true;
    for (QChar ch : line) ascii = ascii && ch.unicode() < 0x80;
    if (ascii) QTest::keyClicks(c, line);
    else c->setInput(c->input() + line); // QTest types only ASCII
    QTest::keyClick(c, Qt::Key_Return);
}

bool modelHas(QAbstractItemModel* m, const QString& text) {
    // A table model whose tab is hidden recomputes when asked for its rows (or when shown).
    if (auto* t = qobject_cast<SnapshotTableModel*>(m)) (void)t->rows();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data().toString() == text) return true;
    return false;
}

/// Lets virtual time pass as the terminal's clock would (100 ms per tick).
void ticks(CliHost* host, int n) {
    for (int i = 0; i < n; ++i) host->tickNow(CliHost::kTickMs);
}
} // namespace

void TerminalTest::init() {
    QSettings s;
    s.remove(QStringLiteral("labs"));
    s.remove(QStringLiteral("terminal"));
    setLanguage(QStringLiteral("pt_PT"));
}

void TerminalTest::createTopicShowsInViewsAndOutput() {
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    QVERIFY(c);
    type(c, QStringLiteral("bin/kafka-topics.sh --create --topic aula --partitions 3") + kBootstrap);
    QVERIFY2(c->toPlainText().contains(QStringLiteral("Created topic aula.")), qPrintable(c->toPlainText()));
    QVERIFY(w->controller()->session()->sim().topic("aula") != nullptr);
    w->topicsModel()->refresh();
    QVERIFY(modelHas(w->topicsModel(), QStringLiteral("aula")));
    QVERIFY(c->toPlainText().endsWith(TerminalConsole::prompt()));
    QCOMPARE(w->cliHost()->history().back().kind, std::string("topics.create"));
}

void TerminalTest::tablesViewShowsTheToolsConfigs() {
    // The Tables view's "Configs" column is the string kafka-topics --describe prints after "Configs:"
    // (one rule: sim::describedTopicConfigs), with the cluster-wide min.insync.replicas and in its order.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic compacto --config cleanup.policy=compact "
                           "--config retention.ms=86400000") + kBootstrap);
    type(c, QStringLiteral("kafka-topics.sh --create --topic simples") + kBootstrap);
    for (const QString& topic : {QStringLiteral("compacto"), QStringLiteral("simples")}) {
        type(c, QStringLiteral("kafka-topics.sh --describe --topic ") + topic + kBootstrap);
        const QString text = c->toPlainText();
        const qsizetype at = text.lastIndexOf(QStringLiteral("\tConfigs: "));
        QVERIFY2(at >= 0, qPrintable(text));
        const qsizetype from = at + 10;
        const QString printed = text.mid(from, text.indexOf(QLatin1Char('\n'), from) - from);
        w->topicsModel()->refresh();
        const auto& rows = w->topicsModel()->rows();
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const QStringList& r) { return r[0] == topic; });
        QVERIFY(row != rows.end());
        QCOMPARE((*row)[4], printed);
    }
    const auto& rows = w->topicsModel()->rows();
    for (const QStringList& r : rows)
        if (r[0] == QStringLiteral("compacto"))
            QCOMPARE(r[4], QStringLiteral("min.insync.replicas=1,cleanup.policy=compact,segment.bytes=1073741824,"
                                          "retention.ms=86400000"));
}

void TerminalTest::describeTabsAlwaysLeaveAGap() {
    // kafka-topics --describe separates its fields with tabs (tests/labs/golden/real/broker.txt, from
    // Kafka 4.3.1). A terminal moves the cursor to the next stop at least one column on: a gap always
    // remains. The console's tables get a smaller font than its tab stops were set in; where a text
    // ended just short of a stop, "PartitionCount: 3" and "ReplicationFactor" met with no gap. Here
    // the golden's describe rows at every table size the console's widths give, each tab measured
    // where Qt laid it out: from the ink of the text before it to the text after it.
    QFile golden(QStringLiteral(FLUXOLAB_SOURCE_DIR "/tests/labs/golden/real/broker.txt"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    QStringList rows;
    for (const QString& line : QString::fromUtf8(golden.readAll()).split(QLatin1Char('\n')))
        if (line.contains(QLatin1Char('\t')) && (line.startsWith(QStringLiteral("Topic: ")) || line.startsWith(QStringLiteral("\tTopic: "))) &&
            !line.contains(QStringLiteral("tuned"))) // (its 250 characters of configs keep the table at 8 pt)
            rows << line;
    QVERIFY2(rows.size() >= 4, qPrintable(rows.join(QLatin1Char('\n'))));
    auto w = makeWindow();
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    c->showNotice(rows.join(QLatin1Char('\n')));
    QStringList problems;
    QSet<double> sizes;
    for (double base : {12.0, 16.0})
        for (int width = 900; width <= 1900; width += 23) {
            // The terminal across the bottom: as wide as the window.
            c->setPointSize(base);
            w->resize(width, 900);
            QApplication::processEvents();
            QApplication::processEvents();
            for (QTextBlock b = c->document()->begin(); b.isValid(); b = b.next()) {
                const QString text = b.text();
                if (!text.contains(QLatin1Char('\t')) || !text.contains(QStringLiteral("Topic: "))) continue;
                (void)c->document()->documentLayout()->blockBoundingRect(b); // lays it out
                const QTextLayout* tl = b.layout();
                for (qsizetype i = 1; i + 1 < text.size(); ++i) {
                    if (text.at(i) != QLatin1Char('\t') || text.at(i - 1) == QLatin1Char('\t')) continue;
                    const QTextLine before = tl->lineForTextPosition(static_cast<int>(i - 1));
                    const QTextLine after = tl->lineForTextPosition(static_cast<int>(i + 1));
                    if (!before.isValid() || before.lineNumber() != after.lineNumber()) continue; // wrapped there
                    QFont f = c->font();
                    const double pts = b.begin().fragment().charFormat().fontPointSize();
                    if (pts > 0) f.setPointSizeF(pts);
                    sizes.insert(f.pointSizeF());
                    const qreal charW = QFontMetricsF(f).horizontalAdvance(QLatin1Char('M'));
                    const qreal ink = before.cursorToX(static_cast<int>(i - 1)) + charW; // the text's last glyph ends
                    const qreal gap = after.cursorToX(static_cast<int>(i + 1)) - ink;
                    if (gap < 0.75 * charW)
                        problems << QStringLiteral("%1 pt in %2 px: %3 px (%4 px a column) after \"%5\"")
                                        .arg(f.pointSizeF())
                                        .arg(c->viewport()->width())
                                        .arg(gap, 0, 'f', 1)
                                        .arg(charW, 0, 'f', 1)
                                        .arg(text.left(i).section(QLatin1Char('\t'), -1));
                }
            }
        }
    QStringList seen;
    for (double x : sizes) seen << QString::number(x);
    QVERIFY2(sizes.size() >= 4, qPrintable(seen.join(QLatin1Char(' ')) + QStringLiteral(" pt, view %1 px").arg(c->viewport()->width()))); // the sweep reached many table sizes
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 tabs without a gap, e.g. ").arg(problems.size()) + problems.mid(0, 6).join(QStringLiteral("; "))));
}

void TerminalTest::historyUpRecallsTheLastCommand() {
    auto w = makeWindow();
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    const QString first = QStringLiteral("kafka-topics.sh --list") + kBootstrap;
    const QString second = QStringLiteral("echo olá");
    type(c, first);
    type(c, second);
    QTest::keyClick(c, Qt::Key_Up);
    QCOMPARE(c->input(), second);
    QTest::keyClick(c, Qt::Key_Up);
    QCOMPARE(c->input(), first);
    QTest::keyClick(c, Qt::Key_Down);
    QCOMPARE(c->input(), second);
    QTest::keyClick(c, Qt::Key_Down);
    QCOMPARE(c->input(), QString());
    // Persisted: a new window (new session) remembers it.
    w.reset();
    auto w2 = makeWindow();
    TerminalConsole* c2 = w2->terminalPanel()->currentConsole();
    QTest::keyClick(c2, Qt::Key_Up);
    QCOMPARE(c2->input(), second);
}

void TerminalTest::builtinsAreTheScriptRunnersOnes() {
    // sleep, echo and kill behave as in fluxolab-cli script (labs/shell/builtins.h).
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    CliHost* host = w->cliHost();
    const auto before = host->backend()->nowMs();
    type(c, QStringLiteral("sleep nan")); // NaN is not a time interval (it once reached the clock)
    QVERIFY2(c->toPlainText().contains(QStringLiteral("sleep: invalid time interval 'nan'")), qPrintable(c->toPlainText()));
    QCOMPARE(host->history().back().kind, std::string("sleep"));
    QCOMPARE(host->history().back().exit_code, 1);
    QCOMPARE(host->backend()->nowMs(), before);
    type(c, QStringLiteral("sleep 2.5"));
    QCOMPARE(host->history().back().exit_code, 0);
    QVERIFY(host->backend()->nowMs() >= before + 2500);
    type(c, QStringLiteral("kill %1")); // no background job yet
    QVERIFY2(c->toPlainText().contains(QStringLiteral("bash: kill: %1: no such job")), qPrintable(c->toPlainText()));
    QCOMPARE(host->history().back().kind, std::string("kill"));
    QCOMPARE(host->history().back().exit_code, 1);
    type(c, QStringLiteral("echo um  dois"));
    QVERIFY(c->toPlainText().contains(QStringLiteral("\num dois\n")));
    QCOMPARE(host->history().back().kind, std::string("echo"));
}

void TerminalTest::backgroundJobsRunAndKillStopsThem() {
    // A trailing '&' runs the command as background job N ("[N] PID", the prompt comes back at once);
    // its output keeps arriving in the tab and `kill %N` stops it, as in fluxolab-cli script.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    CliHost* host = w->cliHost();
    type(c, QStringLiteral("kafka-topics.sh --create --topic fundo") + kBootstrap);
    type(c, QStringLiteral("kafka-console-consumer.sh --topic fundo --group fg") + kBootstrap + QStringLiteral(" &"));
    QVERIFY2(c->toPlainText().contains(QStringLiteral("[1] 4001\n")), qPrintable(c->toPlainText()));
    QVERIFY(!c->isBusy());
    QVERIFY(c->toPlainText().endsWith(TerminalConsole::prompt()));
    QCOMPARE(host->history().back().kind, std::string("console-consumer"));
    ticks(host, 60); // the consumer joins its group
    type(c, QStringLiteral("kafka-console-producer.sh --topic fundo") + kBootstrap);
    QVERIFY(c->isProducing());
    type(c, QStringLiteral("ola"));
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(!c->isBusy());
    ticks(host, 30);
    // The job prints where the tab is, after the prompt, as a shell's background job does.
    const QString text = c->toPlainText();
    QVERIFY2(text.mid(text.lastIndexOf(QLatin1Char('>'))).contains(QStringLiteral("$ ola\n")), qPrintable(text));
    type(c, QStringLiteral("kill %1"));
    QCOMPARE(host->history().back().kind, std::string("kill"));
    QCOMPARE(host->history().back().exit_code, 0);
    QVERIFY2(c->toPlainText().contains(QStringLiteral("Processed a total of 1 messages")), qPrintable(c->toPlainText()));
    type(c, QStringLiteral("kill %1"));
    QVERIFY2(c->toPlainText().contains(QStringLiteral("bash: kill: %1: no such job")), qPrintable(c->toPlainText()));
    QCOMPARE(host->history().back().exit_code, 1);
    // The job is journaled as a tab of its own: its start and its Ctrl+C.
    int starts = 0, interrupts = 0;
    for (const auto& e : host->journal().events) {
        if (e.type == labs::JournalEvent::Type::Start && e.argv.front() == "kafka-console-consumer.sh") {
            ++starts;
            QVERIFY(e.tab != host->journal().events.front().tab || e.argv.back() == "&");
        }
        if (e.type == labs::JournalEvent::Type::Interrupt) ++interrupts;
    }
    QCOMPARE(starts, 1);
    QCOMPARE(interrupts, 1);
}

void TerminalTest::hereDocumentIntoTheProducerPrintsNoPrompts() {
    // LineMessageReader prints its '>' prompts only when System.console() exists (input and output a
    // terminal): fed by a here-document the real 4.3.1 tool prints none
    // (tests/labs/golden/real/producer-prompt.txt, "pipe"); typed at the terminal it prompts.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    CliHost* host = w->cliHost();
    type(c, QStringLiteral("kafka-topics.sh --create --topic doc") + kBootstrap);
    const qsizetype before = c->toPlainText().size();
    const QString command = QStringLiteral("kafka-console-producer.sh --topic doc") + kBootstrap + QStringLiteral(" <<EOF");
    c->submit(command + QStringLiteral("\na\nb\nEOF")); // as pasted
    for (int i = 0; i < 50 && c->isBusy(); ++i) ticks(host, 1);
    QVERIFY(!c->isBusy());
    QVERIFY2(host->history().back().kind == std::string("console-producer"), qPrintable(c->toPlainText().mid(before)));
    QCOMPARE(host->history().back().exit_code, 0);
    // The command and its here-document as given, then the shell's prompt again: nothing of the tool's.
    QCOMPARE(c->toPlainText().mid(before), command + QStringLiteral("\na\nb\nEOF\n") + TerminalConsole::prompt());
    // Typed at the terminal, the same lines get a prompt each.
    type(c, QStringLiteral("kafka-console-producer.sh --topic doc") + kBootstrap);
    QVERIFY(c->isProducing());
    type(c, QStringLiteral("c"));
    QVERIFY2(c->toPlainText().endsWith(QStringLiteral(">c\n>")), qPrintable(c->toPlainText().right(40)));
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
}

void TerminalTest::tabCompletesOptionsAndTopicNames() {
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic exemplo-topico") + kBootstrap);
    QTest::keyClicks(c, QStringLiteral("kafka-top"));
    QTest::keyClick(c, Qt::Key_Tab);
    QCOMPARE(c->input(), QStringLiteral("kafka-topics.sh "));
    QTest::keyClicks(c, QStringLiteral("--desc"));
    QTest::keyClick(c, Qt::Key_Tab);
    QCOMPARE(c->input(), QStringLiteral("kafka-topics.sh --describe "));
    QTest::keyClicks(c, QStringLiteral("--topic exe"));
    QTest::keyClick(c, Qt::Key_Tab);
    QCOMPARE(c->input(), QStringLiteral("kafka-topics.sh --describe --topic exemplo-topico "));
    QTest::keyClicks(c, QStringLiteral("--bootstrap-server "));
    QTest::keyClick(c, Qt::Key_Tab);
    // Three brokers (9092..9094): completes the common part.
    QCOMPARE(c->input(), QStringLiteral("kafka-topics.sh --describe --topic exemplo-topico --bootstrap-server localhost:909"));
    QTest::keyClicks(c, QStringLiteral("2"));
    QTest::keyClick(c, Qt::Key_Return);
    QVERIFY(c->toPlainText().contains(QStringLiteral("Topic: exemplo-topico\tTopicId:")));
}

void TerminalTest::ctrlCStopsARunningConsumer() {
    auto w = makeWindow();
    TerminalPanel* panel = w->terminalPanel();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    TerminalConsole* consumer = panel->currentConsole();
    type(consumer, QStringLiteral("kafka-topics.sh --create --topic t --partitions 2") + kBootstrap);
    type(consumer, QStringLiteral("kafka-console-consumer.sh --topic t --group g") + kBootstrap);
    QVERIFY(consumer->isBusy());
    QVERIFY(w->cliHost()->clockRunning());
    ticks(w->cliHost(), 60); // joins the group
    // The consumer appears in the views as a member of group g.
    QVERIFY(w->controller()->session()->sim().group("g") != nullptr);
    QCOMPARE(w->controller()->session()->sim().group("g")->members.size(), std::size_t(1));

    TerminalConsole* producer = panel->addConsole();
    QCOMPARE(panel->count(), 2);
    type(producer, QStringLiteral("kafka-console-producer.sh --topic t") + kBootstrap);
    QVERIFY(producer->isProducing());
    type(producer, QStringLiteral("primeira"));
    type(producer, QStringLiteral("segunda"));
    ticks(w->cliHost(), 40); // linger.ms, delivery, fetch
    QVERIFY2(consumer->toPlainText().contains(QStringLiteral("primeira\nsegunda\n")), qPrintable(consumer->toPlainText()));
    QTest::keyClick(producer, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(!producer->isBusy());

    QTest::keyClick(consumer, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(!consumer->isBusy());
    QVERIFY2(consumer->toPlainText().contains(QStringLiteral("^CProcessed a total of 2 messages\n")), qPrintable(consumer->toPlainText()));
    QVERIFY(!w->cliHost()->clockRunning());
}

void TerminalTest::aClosedConsoleProducerLeavesTheClusterView() {
    // After Ctrl+D the console producer stayed among the cluster view's producers.
    auto w = makeWindow();
    TerminalPanel* panel = w->terminalPanel();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    TerminalConsole* c = panel->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic t --partitions 1") + kBootstrap);
    type(c, QStringLiteral("kafka-console-producer.sh --topic t") + kBootstrap);
    QVERIFY(c->isProducing());
    type(c, QStringLiteral("um"));
    type(c, QStringLiteral("dois"));
    ticks(w->cliHost(), 10);
    auto names = [&w] {
        const labs::observe::Observation& o = w->controller()->observation();
        const ClusterLayout L = ClusterLayoutBuilder::build(o, w->controller()->speed(), QSizeF(1200, 700), w->clusterCanvas()->theme());
        QStringList out;
        for (const auto& pr : L.producers) out << pr.name;
        return out;
    };
    const std::size_t count = w->controller()->observation().producers.size();
    QVERIFY(count >= 1);
    const labs::observe::Producer console = w->controller()->observation().producers.back(); // the newest client
    const QString client = QString::fromStdString(console.client_id);
    QVERIFY(!console.closed);
    QVERIFY(names().contains(client));
    const qsizetype shown = names().size();
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(!c->isBusy());
    ticks(w->cliHost(), 10);
    const auto& after = w->controller()->observation().producers;
    QCOMPARE(after.size(), count); // still known to the journal (a past moment shows it)
    QVERIFY(after.back().closed);
    QCOMPARE(after.back().acked, 2);
    QVERIFY(!names().contains(client));
    QCOMPARE(names().size(), shown - 1);
    // The canvas shows what the view builds: the card is gone there too.
    w->clusterCanvas()->update();
    QApplication::processEvents();
    for (const auto& pr : w->clusterCanvas()->layout().producers) QVERIFY(pr.name != client);

    // Time travel: a moment before the close shows the producer again.
    const sim::Journal& j = w->controller()->session()->sim().journal();
    std::optional<std::size_t> closedAt;
    for (std::size_t i = 0; i < j.size(); ++i)
        if (j[i].family == sim::kKafkaFamily && j[i].type == sim::EventType::ProducerClosed) closedAt = i;
    QVERIFY(closedAt);
    w->controller()->seek(*closedAt);
    QVERIFY(!w->controller()->observation().producers.back().closed);
    QVERIFY(names().contains(client));
    w->controller()->seek(*closedAt + 1);
    QVERIFY(!names().contains(client));
}

void TerminalTest::consumerKeepsReceivingWhilePlaybackRunsInTheBackground() {
    // Playback simulates on a worker thread; the terminal's clock and a running console consumer
    // read the same simulation. Each tick waits for the slice, so the consumer sees every record.
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    TerminalPanel* panel = w->terminalPanel();
    TerminalConsole* consumer = panel->currentConsole();
    type(consumer, QStringLiteral("kafka-topics.sh --create --topic t --partitions 2") + kBootstrap);
    type(consumer, QStringLiteral("kafka-console-consumer.sh --topic t --group g") + kBootstrap);
    TerminalConsole* producer = panel->addConsole();
    type(producer, QStringLiteral("kafka-console-producer.sh --topic t") + kBootstrap);
    SimulationController* c = w->controller();
    c->setSpeed(8);
    c->setPlaying(true);
    for (int i = 0; i < 200; ++i) {
        c->advance(16, true); // the timer's path: the next slice runs on the worker
        w->cliHost()->tickNow(CliHost::kTickMs);
        if (i > 0 && i % 20 == 0) type(producer, QStringLiteral("linha-%1").arg(i)); // after the consumer joined (latest)
        QCoreApplication::processEvents();
    }
    c->setPlaying(false);
    ticks(w->cliHost(), 40);
    for (int i = 20; i < 200; i += 20)
        QVERIFY2(consumer->toPlainText().contains(QStringLiteral("linha-%1\n").arg(i)), qPrintable(consumer->toPlainText()));
    QTest::keyClick(producer, Qt::Key_D, Qt::ControlModifier);
    QTest::keyClick(consumer, Qt::Key_C, Qt::ControlModifier);
    QVERIFY2(consumer->toPlainText().contains(QStringLiteral("Processed a total of 9 messages")), qPrintable(consumer->toPlainText()));
}

namespace {
/// Solves lab 1 by typing, as a student would (the lab's instructions).
void solveLab1(MainWindow* w) {
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("bin/kafka-topics.sh --create --topic exemplo-topico --partitions 2 --replication-factor 1") + kBootstrap);
    type(c, QStringLiteral("bin/kafka-topics.sh --describe --topic exemplo-topico") + kBootstrap);
    type(c, QStringLiteral("bin/kafka-console-producer.sh --topic exemplo-topico --property parse.key=true "
                           "--property key.separator=:") + kBootstrap);
    for (const char* line : {"key1:olá", "key2:mundo", "key3:kafka"}) type(c, QString::fromUtf8(line));
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
    type(c, QStringLiteral("bin/kafka-console-consumer.sh --topic exemplo-topico --from-beginning --property print.key=true "
                           "--property print.partition=true --property print.offset=true") + kBootstrap);
    ticks(w->cliHost(), 50);
    QTest::keyClick(c, Qt::Key_C, Qt::ControlModifier);
}
} // namespace

void TerminalTest::labSolvedThroughThePanelTurnsAllStepsGreen() {
    auto w = makeWindow();
    LabPanel* lab = w->labPanel();
    QVERIFY(lab->labIds().contains(kLab1));
    QVERIFY(lab->loadLab(kLab1));
    QCOMPARE(lab->passedCount(), 0);
    QVERIFY(lab->stepCount() >= 3);
    // A fresh cluster like the course's: one broker at localhost:9092, no topics.
    QCOMPARE(w->controller()->session()->sim().brokers().size(), std::size_t(1));
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") == nullptr);
    // Hints one at a time.
    lab->revealHint();
    QVERIFY(lab->textBrowser()->toPlainText().contains(QStringLiteral("Dica 1")));
    QVERIFY(!lab->textBrowser()->toPlainText().contains(QStringLiteral("Dica 2")));
    // Instructions carry the commands (what the links copy).
    QVERIFY(!lab->commands().isEmpty());
    QVERIFY(lab->commands().front().startsWith(QStringLiteral("bin/kafka-topics.sh --create")));
    solveLab1(w.get());
    for (int i = 0; i < lab->stepCount(); ++i) QVERIFY2(lab->stepPassed(i), qPrintable(QString::number(i)));
    QCOMPARE(lab->progressBar()->value(), lab->stepCount());
    for (int i = 0; i < lab->stepList()->count(); ++i) QVERIFY(lab->stepList()->item(i)->text().startsWith(QStringLiteral("✔")));
}

void TerminalTest::progressIsRestoredAfterRecreatingThePanel() {
    {
        auto w = makeWindow();
        QVERIFY(w->labPanel()->loadLab(kLab1));
        type(w->terminalPanel()->currentConsole(),
             QStringLiteral("kafka-topics.sh --create --topic exemplo-topico --partitions 2") + kBootstrap);
        QCOMPARE(w->labPanel()->passedCount(), 1);
        w->labPanel()->revealHint(); // a hint of step 2
    }
    auto w = makeWindow();
    QCOMPARE(w->labPanel()->passedCount(), 0); // nothing loaded yet
    QVERIFY(w->labPanel()->loadLab(kLab1));
    QCOMPARE(w->labPanel()->passedCount(), 1);
    QVERIFY(w->labPanel()->stepPassed(0));
    QCOMPARE(w->labPanel()->engine()->currentStep(), std::size_t(1));
    QCOMPARE(w->labPanel()->engine()->hintsRevealed(1), 1);
}

namespace {
/// The cluster as the student sees it: every record (partition, offset, key, value, timestamp)
/// and every group's committed offsets.
QStringList clusterSnapshot(CliHost* host) {
    QStringList out;
    labs::ClusterBackend* b = host->backend();
    if (!b) return out;
    for (const auto& t : b->listTopics(false)) {
        const auto info = b->describeTopic(t);
        if (!info) continue;
        for (const auto& p : info->partitions)
            for (const auto& r : b->readRecords({t, p.partition}))
                out << QStringLiteral("%1-%2@%3 %4=%5 t%6")
                           .arg(QString::fromStdString(t))
                           .arg(p.partition)
                           .arg(r.offset)
                           .arg(r.key ? QString::fromStdString(*r.key) : QStringLiteral("null"), QString::fromStdString(r.value))
                           .arg(r.timestamp_ms);
    }
    for (const auto& g : b->listGroups()) {
        const auto info = b->describeGroup(g);
        if (!info) continue;
        for (const auto& [tp, offset] : info->committed)
            out << QStringLiteral("group %1 %2-%3=%4")
                       .arg(QString::fromStdString(g), QString::fromStdString(tp.topic))
                       .arg(tp.partition)
                       .arg(offset);
    }
    return out;
}
} // namespace

void TerminalTest::restoredProgressRebuildsTheCluster() {
    QStringList before;
    sim::TimeMs beforeNow = 0;
    int passed = 0;
    {
        auto w = makeWindow();
        QVERIFY(w->labPanel()->loadLab(kLab1));
        solveLab1(w.get());
        passed = w->labPanel()->passedCount();
        QCOMPARE(passed, w->labPanel()->stepCount());
        before = clusterSnapshot(w->cliHost());
        beforeNow = w->controller()->session()->sim().now();
        QVERIFY(QSettings().contains(LabPanel::journalKey(kLab1)));
    }
    QVERIFY(before.size() >= 3);
    QVERIFY2(before.join(QLatin1Char('\n')).contains(QStringLiteral("key1=olá")), qPrintable(before.join(QLatin1Char('\n'))));

    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    // The topic, its partitions and records (same offsets, same timestamps) and the groups are back.
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") != nullptr);
    const auto described = w->cliHost()->backend()->describeTopic("exemplo-topico");
    QVERIFY(described.has_value());
    QCOMPARE(described->partitions.size(), std::size_t(2));
    QCOMPARE(clusterSnapshot(w->cliHost()), before);
    QCOMPARE(w->controller()->session()->sim().now(), beforeNow);
    QVERIFY(modelHas(w->topicsModel(), QStringLiteral("exemplo-topico")));
    // The steps that were green are green again; the consumer stopped with Ctrl+C is not running.
    QCOMPARE(w->labPanel()->passedCount(), passed);
    for (int i = 0; i < w->labPanel()->stepCount(); ++i) QVERIFY(w->labPanel()->stepPassed(i));
    QVERIFY(!w->terminalPanel()->currentConsole()->isBusy());
    QVERIFY(!w->cliHost()->clockRunning());
    // One line in the terminal, not the commands again.
    const QString text = w->terminalPanel()->currentConsole()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Progresso restaurado")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("kafka-topics.sh")), qPrintable(text));
    QVERIFY(text.endsWith(TerminalConsole::prompt()));
    // The student carries on where they left: the journal keeps growing from the restored one.
    type(w->terminalPanel()->currentConsole(), QStringLiteral("kafka-topics.sh --create --topic outro") + kBootstrap);
    QVERIFY(w->controller()->session()->sim().topic("outro") != nullptr);
    // "Restart" forgets the journal too.
    w->labPanel()->restart();
    QVERIFY(!QSettings().contains(LabPanel::journalKey(kLab1)));
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") == nullptr);
}

namespace {
/// A saved lab session that covers 10 minutes of cluster time: a topic, a console consumer left
/// running, then one long clock tick (the app was left open). Thousands of simulation events.
labs::SessionJournal longLabJournal() {
    labs::SessionJournal j;
    j.lab = kLab1.toStdString();
    j.seed = 1;
    labs::JournalEvent create;
    create.type = labs::JournalEvent::Type::Start;
    create.tab = 0;
    create.at_ms = labs::kVirtualEpochMs;
    create.argv = {"kafka-topics.sh", "--create", "--topic", "longa", "--partitions", "3", "--bootstrap-server", "localhost:9092"};
    j.add(create);
    labs::JournalEvent consume = create;
    consume.tab = 1;
    consume.at_ms = labs::kVirtualEpochMs + 100;
    consume.argv = {"kafka-console-consumer.sh", "--topic", "longa", "--group", "g", "--bootstrap-server", "localhost:9092"};
    j.add(consume);
    labs::JournalEvent tick;
    tick.type = labs::JournalEvent::Type::Tick;
    tick.tab = 1;
    tick.at_ms = labs::kVirtualEpochMs + 200;
    tick.tick_ms = 600000;
    tick.count = 1;
    j.add(tick);
    return j;
}
} // namespace

void TerminalTest::longSavedJournalReplaysInSlicesWithoutFreezing() {
    const labs::SessionJournal journal = longLabJournal();
    // The reference: the same journal replayed at once on the lab's fresh cluster.
    std::string sha;
    sim::TimeMs now = 0;
    {
        auto w = makeWindow();
        QVERIFY(w->labPanel()->loadLab(kLab1));
        QCOMPARE(w->cliHost()->replay(journal), std::size_t{2});
        sha = w->controller()->session()->sim().journal().sha256();
        now = w->controller()->session()->sim().now();
        QVERIFY(now >= 600200);
    }
    // Restoring it: loadLab returns with the replay under way, the event loop runs between its
    // slices (one piece of 64 simulation events each here) under a progress dialog, and the cluster
    // ends exactly as the replay at once.
    QSettings().setValue(LabPanel::journalKey(kLab1), QString::fromStdString(journal.toJson()));
    QSettings().remove(LabPanel::progressKey(kLab1));
    {
        auto w = makeWindow();
        w->cliHost()->setReplaySliceMs(0, 0);
        QVERIFY(w->labPanel()->loadLab(kLab1));
        QVERIFY(w->cliHost()->isReplaying());
        QPointer<QProgressDialog> dialog = w->findChild<QProgressDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        int turns = 0;
        QTimer probe;
        probe.setInterval(0);
        QObject::connect(&probe, &QTimer::timeout, [&turns] { ++turns; });
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(!w->cliHost()->isReplaying(), 120000);
        probe.stop();
        QVERIFY2(turns > 20, qPrintable(QString::number(turns)));
        QVERIFY(dialog.isNull() || !dialog->isVisible());
        QCOMPARE(w->controller()->session()->sim().journal().sha256(), sha);
        QCOMPARE(w->controller()->session()->sim().now(), now);
        QCOMPARE(w->cliHost()->journal().commandCount(), std::size_t{2});
        const QString text = w->terminalPanel()->currentConsole()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Progresso restaurado: 2 comandos repetidos")), qPrintable(text));
        QVERIFY(w->controller()->session()->sim().topic("longa") != nullptr);
    }
    // "Stop here": the cluster keeps what was replayed, the lab goes on from there.
    QSettings().setValue(LabPanel::journalKey(kLab1), QString::fromStdString(journal.toJson()));
    {
        auto w = makeWindow();
        w->cliHost()->setReplaySliceMs(0, 0);
        QVERIFY(w->labPanel()->loadLab(kLab1));
        QPointer<QProgressDialog> dialog = w->findChild<QProgressDialog*>();
        QVERIFY(dialog);
        // A slice at a time, to a minute of cluster time (of the ten).
        for (int i = 0; i < 1000000 && w->cliHost()->isReplaying() && w->controller()->session()->sim().now() <= 60000; ++i)
            QCoreApplication::processEvents();
        QVERIFY(w->controller()->session()->sim().now() > 60000);
        QVERIFY(w->cliHost()->isReplaying());
        auto* stop = dialog->findChild<QPushButton*>();
        QVERIFY(stop);
        QCOMPARE(stop->text(), QStringLiteral("Parar aqui"));
        stop->click();
        QVERIFY(!w->cliHost()->isReplaying());
        QVERIFY(w->controller()->session()->sim().now() < now);
        QCOMPARE(w->cliHost()->journal().commandCount(), std::size_t{2});
        const QString text = w->terminalPanel()->currentConsole()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Restauro interrompido")), qPrintable(text));
        TerminalConsole* c = w->terminalPanel()->currentConsole();
        type(c, QStringLiteral("kafka-topics.sh --describe --topic longa") + kBootstrap);
        QVERIFY2(c->toPlainText().contains(QStringLiteral("PartitionCount: 3")), qPrintable(c->toPlainText()));
    }
}

void TerminalTest::corruptSavedProgressStartsTheLabOver() {
    QSettings().setValue(LabPanel::journalKey(kLab1), QStringLiteral("{\"format\": 1, \"events\": [{\"type\": 7"));
    QSettings().setValue(LabPanel::progressKey(kLab1), QStringLiteral("not json"));
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    QCOMPARE(w->labPanel()->passedCount(), 0);
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") == nullptr);
    const QString text = w->terminalPanel()->currentConsole()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("não pôde ser lido")), qPrintable(text));
    QVERIFY(!QSettings().contains(LabPanel::journalKey(kLab1)));
    // A journal that parses but belongs to another lab, or progress alone: no crash either.
    QSettings().setValue(LabPanel::journalKey(kLab1), QStringLiteral("{\"format\":1,\"lab\":\"x\",\"seed\":1,\"events\":[]}"));
    QVERIFY(w->labPanel()->loadLab(kLab1));
    QCOMPARE(w->labPanel()->passedCount(), 0);
}

void TerminalTest::restartResetsTheLabAndItsCluster() {
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    type(w->terminalPanel()->currentConsole(),
         QStringLiteral("kafka-topics.sh --create --topic exemplo-topico --partitions 2") + kBootstrap);
    QCOMPARE(w->labPanel()->passedCount(), 1);
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") != nullptr);
    w->labPanel()->restart();
    QCOMPARE(w->labPanel()->passedCount(), 0);
    QCOMPARE(w->labPanel()->engine()->currentStep(), std::size_t(0));
    QVERIFY(w->controller()->session()->sim().topic("exemplo-topico") == nullptr);
    QVERIFY(w->cliHost()->history().empty());
    QVERIFY(!QSettings().contains(LabPanel::progressKey(kLab1)));
}

void TerminalTest::errorsShowTheTeachingNote() {
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic x --replication-factor 3") + kBootstrap);
    const QString text = c->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Error while executing topic command")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("# ")), qPrintable(text));
    // Ctrl+L clears.
    QTest::keyClick(c, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(c->toPlainText(), TerminalConsole::prompt());
}

void TerminalTest::fluxolabCliRefusalsAreInTheUiLanguage() {
    // The play-through: "fluxolab-cli replay nada.csv --window tumble:1m" in the pt_PT terminal printed
    // fluxolab-cli's English "replay: --watermark is required ...". The code crosses; the app words it.
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("fluxolab-cli replay nada.csv --window tumble:1m"));
    const QString text = c->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("fluxolab-cli replay: falta --watermark (bounded:5s, monotonous, sql:5s)")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("is required")), qPrintable(text));
}

void TerminalTest::replayRunErrorsAndShellOperatorsAreInTheUiLanguage() {
    // A replay that fails while running (a bad record, --on-error fail being the default) printed
    // fluxolab-cli's English in the pt_PT terminal, and a pipe only a general note: the code crosses, the
    // app words it, naming the operator and what to type instead.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("ts,key\n1000,a\nxyz,b\n");
    }
    const QString replay = QStringLiteral("fluxolab-cli replay ") + bad + QStringLiteral(" --watermark bounded:1s --window tumble:1s");
    // A run that goes through and says what it left out (--on-error skip, --late drop): its notices were
    // English in the pt_PT terminal too. 1000 comes after 5000, behind the per-event watermark 3999.
    const QString skipping = dir.filePath(QStringLiteral("skip.csv"));
    {
        QFile f(skipping);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("ts,key\n5000,a\nxyz,b\n1000,c\n");
    }
    const QString skipRun = QStringLiteral("fluxolab-cli replay ") + skipping +
                            QStringLiteral(" --watermark bounded:1s --watermark-interval per-event --window tumble:1s "
                                           "--on-error skip --late drop");
    for (const QString& language : {QStringLiteral("pt_PT"), QStringLiteral("en")}) {
        QVERIFY(setLanguage(language));
        auto w = makeWindow();
        QVERIFY(w->labPanel()->loadLab(kLab1));
        TerminalConsole* c = w->terminalPanel()->currentConsole();
        type(c, replay);
        type(c, QStringLiteral("kafka-topics.sh --list | grep x"));
        type(c, QStringLiteral("echo `date`"));
        type(c, skipRun);
        const QString text = c->toPlainText();
        if (language == QStringLiteral("pt_PT")) {
            QVERIFY2(text.contains(QStringLiteral("fluxolab-cli replay: 1 registo(s) inválido(s) ignorado(s) (--on-error skip):")),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("fluxolab-cli replay: 1 elemento(s) atrasado(s) descartado(s)")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("bad record")) && !text.contains(QStringLiteral("late element")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("o tempo 'xyz' não é milissegundos desde a época")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("is neither epoch")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("# O terminal do FluxoLab não é o bash e não corre | (um pipe): corre um "
                                                  "comando por linha.")),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("não corre `...` (uma substituição de comando)")), qPrintable(text));
        } else {
            QVERIFY2(text.contains(QStringLiteral("the time 'xyz' is neither epoch milliseconds")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("fluxolab-cli replay: 1 bad record(s) skipped (--on-error skip):")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("fluxolab-cli replay: 1 late element(s) dropped (numLateRecordsDropped)")),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("# FluxoLab's terminal is not bash and does not run | (a pipe): it runs "
                                                  "one command per line.")),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("does not run `...` (a command substitution)")), qPrintable(text));
        }
    }
    setLanguage(QStringLiteral("pt_PT"));
}

void TerminalTest::inactivityAlertIsInTheUiLanguage() {
    // The play-through of lab 6 in English: the terminal printed "⚠ Utilizador maria inativo há 10
    // segundos." (fluxolab-cli's default, Portuguese) where `fluxolab-cli replay ... --lang en` prints
    // the English alert; the stream view's Keys panel showed the Portuguese text too.
    setLanguage(QStringLiteral("en"));
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(QStringLiteral("estado-timers-inatividade")));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("fluxolab-cli replay atividade_app.csv --key utilizador --arrival-field arrival "
                           "--process inactivity:10s"));
    QString text = c->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("OUTPUT,1773478812225,maria,⚠ User maria inactive for 10 seconds.")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Utilizador")), qPrintable(text));
    const auto* obs = w->streamView()->observation();
    QVERIFY(obs);
    bool english = false;
    for (const std::string& s : obs->strings) {
        QVERIFY2(s.find("Utilizador") == std::string::npos, s.c_str());
        english = english || s == "⚠ User maria inactive for 10 seconds.";
    }
    QVERIFY(english);
    // The lab's first step passes in English as in Portuguese (its checks count alerts per key).
    QCOMPARE(w->labPanel()->engine()->currentStep(), std::size_t(1));
    // --lang on the command line wins over the UI language.
    type(c, QStringLiteral("fluxolab-cli replay atividade_app.csv --key utilizador --arrival-field arrival "
                           "--process inactivity:10s --lang pt"));
    text = c->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("⚠ Utilizador maria inativo há 10 segundos.")), qPrintable(text));
    // Without the arrival column no timer fires: replay's note, and the teaching note in the UI language.
    type(c, QStringLiteral("fluxolab-cli replay atividade_app.csv --key utilizador --process inactivity:10s"));
    text = c->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("# Without --arrival-field every event arrives at the same instant")),
             qPrintable(text));
    setLanguage(QStringLiteral("pt_PT"));
    type(c, QStringLiteral("fluxolab-cli replay atividade_app.csv --key utilizador --process inactivity:10s"));
    text = c->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("# Sem --arrival-field todos os eventos chegam no mesmo instante")),
             qPrintable(text));
}

void TerminalTest::javaStackTraceIsFoldedAndExpandsOnClick() {
    auto w = makeWindow();
    QVERIFY(w->labPanel()->loadLab(kLab1));
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --describe --topic nada") + kBootstrap);
    // The five "\tat ..." frames are folded under one summary line; the exception line and the
    // logger's " (org.apache.kafka.tools.TopicCommand)" stay visible.
    QTextBlock summary;
    QList<QTextBlock> frames;
    for (QTextBlock b = c->document()->begin(); b.isValid(); b = b.next()) {
        if (b.userState() == TerminalConsole::kTraceSummary) summary = b;
        if (b.userState() == TerminalConsole::kTraceLine) frames << b;
    }
    QVERIFY2(summary.isValid(), qPrintable(c->toPlainText()));
    QCOMPARE(frames.size(), 5);
    QVERIFY(frames.front().text().startsWith(
        QStringLiteral("\tat org.apache.kafka.tools.TopicCommand.ensureTopicExists")));
    QVERIFY2(summary.text().contains(QStringLiteral("rastreio da pilha Java (5 linhas)")),
             qPrintable(summary.text()));
    QVERIFY(summary.previous().text().contains(QStringLiteral("ERROR java.lang.IllegalArgumentException")));
    QCOMPARE(frames.back().next().text(), QStringLiteral(" (org.apache.kafka.tools.TopicCommand)"));
    for (const QTextBlock& b : frames)
        QVERIFY(!b.isVisible());
    // Its own style: not the teaching notes' italic yellow, not the error colour.
    const QTextCharFormat summaryFormat = QTextCursor(summary).block().begin().fragment().charFormat();
    QTextCharFormat noteFormat;
    for (QTextBlock b = c->document()->begin(); b.isValid(); b = b.next())
        if (b.text().startsWith(QStringLiteral("# "))) noteFormat = b.begin().fragment().charFormat();
    QVERIFY2(noteFormat.isValid(), qPrintable(c->toPlainText()));
    QVERIFY(summaryFormat.foreground().color() != noteFormat.foreground().color());
    QVERIFY(summaryFormat.foreground().color() != summary.previous().begin().fragment().charFormat().foreground().color());
    QVERIFY(!summaryFormat.fontItalic());
    QVERIFY(summaryFormat.fontUnderline());
    // A click on the summary shows the frames; another hides them again.
    const QPoint at = c->cursorRect(QTextCursor(summary)).center() + QPoint(20, 0);
    QTest::mouseClick(c->viewport(), Qt::LeftButton, {}, at);
    for (const QTextBlock& b : frames)
        QVERIFY(b.isVisible());
    QVERIFY2(summary.text().contains(QStringLiteral("ocultar")), qPrintable(summary.text()));
    QTest::mouseClick(c->viewport(), Qt::LeftButton, {}, at);
    for (const QTextBlock& b : frames)
        QVERIFY(!b.isVisible());
    // Typing still goes to the prompt, and the copied text holds the whole trace, not the summary.
    type(c, QStringLiteral("echo depois"));
    QVERIFY(c->toPlainText().contains(QStringLiteral("\ndepois\n")));
    c->selectAll();
    c->copy();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(QStringLiteral(
                 "Topic 'nada' does not exist as expected\n\tat org.apache.kafka.tools.TopicCommand."
                 "ensureTopicExists(TopicCommand.java:207)\n")),
             qPrintable(copied));
    QVERIFY(copied.contains(
        QStringLiteral("TopicCommand.main(TopicCommand.java:85)\n (org.apache.kafka.tools.TopicCommand)")));
    QVERIFY(!copied.contains(QStringLiteral("rastreio")));
}

namespace {
/// Records of `topic` in the live simulation (every partition's leader log end).
std::int64_t recordsIn(const SimulationController* c, const std::string& topic) {
    std::int64_t n = 0;
    const sim::TopicState* t = c->session()->sim().topic(topic);
    if (!t) return -1;
    for (const auto& ps : t->partitions) n += ps.high_watermark;
    return n;
}

/// A run mixing terminal and toolbar work: a topic and three records from the terminal, a consumer
/// from the toolbar, then a producer from the toolbar (which replays the scenario from the start).
void mixedRun(MainWindow* w) {
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic aula --partitions 2") + kBootstrap);
    ticks(w->cliHost(), 5);
    type(c, QStringLiteral("kafka-console-producer.sh --topic aula") + kBootstrap);
    for (const char* line : {"um", "dois", "tres"}) type(c, QString::fromLatin1(line));
    ticks(w->cliHost(), 10);
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
    w->controller()->runTo(w->controller()->session()->sim().now() + 500);
    QVERIFY(w->controller()->addConsumer("faturacao", {"encomendas"}) >= 0);
    ticks(w->cliHost(), 5);
    sim::KeySpec keys;
    keys.count = 4;
    keys.prefix = "k-";
    QVERIFY(!w->controller()->addProducer("encomendas", 10, keys).empty());
    ticks(w->cliHost(), 10);
}
} // namespace

void TerminalTest::toolbarProducerAfterTerminalWorkKeepsIt() {
    // Adding a producer from the toolbar replays the scenario from the start: what the terminal
    // did (a topic, records) must come back with it, not vanish.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    mixedRun(w.get());
    QVERIFY2(w->controller()->session()->sim().topic("aula") != nullptr, "the terminal's topic was discarded");
    QCOMPARE(recordsIn(w->controller(), "aula"), std::int64_t{3});
    // The terminal still knows its commands (lab checks read them) and they are journaled once.
    QCOMPARE(w->cliHost()->journal().commandCount(), std::size_t{2});
    // And the terminal keeps working on the replayed cluster.
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --describe --topic aula") + kBootstrap);
    QVERIFY2(c->toPlainText().contains(QStringLiteral("PartitionCount: 2")), qPrintable(c->toPlainText()));
}

void TerminalTest::mixedToolbarAndTerminalRunReplaysToTheSameJournal() {
    // One action log: the scenario (with the toolbar's actions) and the terminal's journal. Saving
    // both and replaying them on a fresh window gives the same simulation journal.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    mixedRun(w.get());
    const sim::TimeMs end = w->controller()->session()->sim().now();
    const std::string hash = w->controller()->session()->sim().journal().sha256();
    const std::size_t events = w->controller()->eventCount();
    const std::string scenario = sim::scenarioToJson(w->controller()->scenario());
    const std::string terminal = w->cliHost()->journal().toJson();

    auto w2 = makeWindow();
    sim::ScenarioError err;
    const auto s = sim::parseScenario(scenario, "mixed.json", err);
    QVERIFY2(s, fluxolab::labs::scenarioErrorText(err).c_str());
    w2->controller()->load(*s, w->controller()->seed());
    std::string jerr;
    const auto journal = labs::SessionJournal::fromJson(terminal, &jerr);
    QVERIFY2(journal, jerr.c_str());
    QCOMPARE(w2->cliHost()->replay(*journal), std::size_t{2});
    w2->controller()->runTo(end);
    QCOMPARE(w2->controller()->eventCount(), events);
    QCOMPARE(QString::fromStdString(w2->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
}

void TerminalTest::savedScenarioKeepsTerminalCommandsAndReplaysTheSameJournal() {
    // One action log in one file: File > Save scenario writes the scenario's actions (loaded and
    // toolbar) and the terminal's commands; opening the file replays all of it, and so does
    // fluxolab-cli simulate. Toolbar actions land on the 10 ms traffic grid on purpose (the
    // instant ordering rule, labs::Session::advanceToActionInstant). Several seeds.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (std::uint64_t seed : {1U, 2U, 5U}) {
        auto w = makeWindow();
        QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
        w->controller()->restart(seed);
        w->controller()->runTo(1999);
        w->controller()->stopBroker(2, true); // at 2000 ms, a traffic tick instant
        mixedRun(w.get());
        w->controller()->runTo((w->controller()->session()->sim().now() / 10 + 1) * 10 + 9);
        w->controller()->startBroker(2); // on the grid again
        TerminalConsole* c = w->terminalPanel()->currentConsole();
        type(c, QStringLiteral("kafka-topics.sh --alter --topic aula --partitions 3") + kBootstrap);
        ticks(w->cliHost(), 5);
        type(c, QStringLiteral("kafka-topics.sh --create --topic rascunho") + kBootstrap);
        ticks(w->cliHost(), 3);
        type(c, QStringLiteral("kafka-topics.sh --delete --topic rascunho") + kBootstrap);
        ticks(w->cliHost(), 5);
        const sim::TimeMs end = w->controller()->session()->sim().now();
        const std::string hash = w->controller()->session()->sim().journal().sha256();
        const std::size_t events = w->controller()->eventCount();
        const std::size_t commands = w->cliHost()->journal().commandCount();
        QCOMPARE(commands, std::size_t{5});

        const QString path = dir.filePath(QStringLiteral("run-%1.json").arg(seed));
        QVERIFY(w->saveScenarioTo(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::string text = f.readAll().toStdString();
        sim::ScenarioError err;
        const auto saved = sim::parseScenario(text, "run.json", err);
        QVERIFY2(saved, fluxolab::labs::scenarioErrorText(err).c_str());
        QCOMPARE(saved->seed, seed);
        QVERIFY(!saved->terminal.empty());
        bool crashOnGrid = false;
        for (const auto& a : saved->actions)
            crashOnGrid = crashOnGrid || (a.kind == sim::ScenarioAction::Kind::CrashBroker && a.at_ms == 2000);
        QVERIFY2(crashOnGrid, text.c_str());

        // Opened in a fresh window: the terminal's topics, records and commands come back.
        auto w2 = makeWindow();
        QString error;
        QVERIFY2(w2->openScenario(path, false, &error), qPrintable(error));
        QCOMPARE(w2->cliHost()->journal().commandCount(), commands);
        QCOMPARE(w2->controller()->session()->sim().now(), sim::TimeMs{0}); // the run starts at 0 and plays the log
        QVERIFY(w2->controller()->session()->sim().topic("aula") == nullptr);
        w2->controller()->runTo(end);
        QVERIFY(w2->controller()->session()->sim().topic("aula") != nullptr);
        QVERIFY(w2->controller()->session()->sim().topic("rascunho") == nullptr);
        QCOMPARE(recordsIn(w2->controller(), "aula"), std::int64_t{3});
        QCOMPARE(w2->controller()->eventCount(), events);
        QCOMPARE(QString::fromStdString(w2->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
        // Saved again, the file is the same action log.
        const QString again = dir.filePath(QStringLiteral("again-%1.json").arg(seed));
        QVERIFY(w2->saveScenarioTo(again));
        QFile f2(again);
        QVERIFY(f2.open(QIODevice::ReadOnly));
        QCOMPARE(f2.readAll().toStdString(), text);

        // Headless, the same file replays to the same journal.
        std::istringstream in;
        std::ostringstream out, errs;
        const int rc = labs::runCli({"simulate", path.toStdString(), "--until", std::to_string(end)}, {in, out, errs});
        QVERIFY2(rc == 0, errs.str().c_str());
        QVERIFY2(out.str().find("journal-sha256: " + hash + "\n") != std::string::npos, out.str().c_str());
    }
}

void TerminalTest::corruptTerminalPartOfAScenarioIsRefused() {
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(1000);
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic aula") + kBootstrap);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("corrupt.json"));
    QVERIFY(w->saveScenarioTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    QVERIFY(text.contains("\"type\": \"start\""));
    text.replace("\"type\": \"start\"", "\"type\": \"launch\"");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    const std::string before = w->controller()->session()->sim().journal().sha256();
    QString error;
    QVERIFY(!w->openScenario(path, false, &error));
    QVERIFY2(error.contains(QStringLiteral("/terminal")), qPrintable(error));
    // Nothing was replaced.
    QCOMPARE(QString::fromStdString(w->controller()->session()->sim().journal().sha256()), QString::fromStdString(before));
    // Headless: the same message, exit code 2.
    std::istringstream in;
    std::ostringstream out, errs;
    QCOMPARE(labs::runCli({"simulate", path.toStdString()}, {in, out, errs}), 2);
    QVERIFY2(errs.str().find("/terminal") != std::string::npos, errs.str().c_str());
}


namespace {
/// Terminal work only: a topic created at once, then three records from the console producer.
void terminalWork(MainWindow* w) {
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic aula --partitions 2") + kBootstrap);
    ticks(w->cliHost(), 5);
    type(c, QStringLiteral("kafka-console-producer.sh --topic aula") + kBootstrap);
    for (const char* line : {"um", "dois", "tres"}) type(c, QString::fromLatin1(line));
    ticks(w->cliHost(), 10);
    QTest::keyClick(c, Qt::Key_D, Qt::ControlModifier);
    ticks(w->cliHost(), 3);
}

/// The time of the journal's topic_created event for `topic` (-1: none).
sim::TimeMs topicCreatedAt(const SimulationController* c, const std::string& topic) {
    const sim::Journal& j = c->session()->sim().journal();
    for (std::size_t i = 0; i < j.size(); ++i) {
        const sim::Event& e = j[i];
        if (e.family == sim::kKafkaFamily && e.type == sim::EventType::TopicCreated && j.topicName(e.topic) == topic)
            return e.time;
    }
    return -1;
}

/// The cluster times at which the terminal's commands started (the action log's Start events).
std::vector<sim::TimeMs> commandTimes(const SimulationController* c) {
    std::vector<sim::TimeMs> times;
    for (const labs::JournalEvent& e : c->terminalLog().events)
        if (e.type == labs::JournalEvent::Type::Start) times.push_back(e.at_ms);
    return times;
}
} // namespace

void TerminalTest::restartReplaysTheTerminalWorkAtItsTimes() {
    // The terminal's commands are part of the action log the controller owns: a restart replays
    // them at the virtual times they were typed, with the same seed or another.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    terminalWork(w.get());
    const sim::TimeMs end = w->controller()->session()->sim().now();
    const sim::TimeMs created = topicCreatedAt(w->controller(), "aula");
    QVERIFY(created >= 2000);
    const std::vector<sim::TimeMs> times = commandTimes(w->controller());
    QCOMPARE(times.size(), std::size_t{2});
    const std::string hash = w->controller()->session()->sim().journal().sha256();
    const std::size_t events = w->controller()->eventCount();

    // The same seed: the same run, event for event. It starts at 0; the terminal's topic appears
    // when the clock passes the time it was created, as a scenario action would.
    w->controller()->restart(w->controller()->seed());
    QCOMPARE(w->controller()->session()->sim().now(), sim::TimeMs{0});
    QCOMPARE(w->controller()->time(), sim::TimeMs{0});
    QVERIFY(w->controller()->session()->sim().topic("aula") == nullptr);
    QVERIFY(w->cliHost()->history().empty());
    // The command was typed at times[0]; its request (2 ms) created the topic at `created`.
    QVERIFY(created > times[0] - labs::kVirtualEpochMs);
    w->controller()->runTo(times[0] - labs::kVirtualEpochMs - 1);
    QVERIFY2(w->controller()->session()->sim().topic("aula") == nullptr, "the terminal's topic came before its time");
    w->controller()->runTo(times[0] - labs::kVirtualEpochMs);
    QVERIFY2(w->controller()->session()->sim().topic("aula") != nullptr, "the restart discarded the terminal's topic");
    QCOMPARE(topicCreatedAt(w->controller(), "aula"), created);
    QCOMPARE(w->cliHost()->history().size(), std::size_t{1});
    // Playback moves the same clock: it plays through the producer's records.
    w->controller()->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(recordsIn(w->controller(), "aula") == 3 || w->controller()->session()->sim().now() >= end, 30000);
    w->controller()->setPlaying(false);
    w->controller()->runTo(end);
    QCOMPARE(w->controller()->eventCount(), events);
    QCOMPARE(QString::fromStdString(w->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
    // The timeline goes back through it: before the creation the topic is not in the observation
    // the views draw, from the creation on it is.
    const auto observed = [&] {
        for (const auto& t : w->controller()->observation().topics)
            if (t.name == "aula") return true;
        return false;
    };
    std::size_t creation = 0;
    const sim::Journal& j = w->controller()->session()->sim().journal();
    while (creation < j.size() && !(j[creation].family == sim::kKafkaFamily && j[creation].type == sim::EventType::TopicCreated &&
                                    j.topicName(j[creation].topic) == "aula"))
        ++creation;
    QVERIFY(creation < j.size());
    w->controller()->seek(creation); // the events before it
    QVERIFY(!observed());
    QVERIFY(w->controller()->time() <= created);
    w->controller()->seek(creation + 1);
    QVERIFY(observed());
    QCOMPARE(w->controller()->time(), created);

    // Another seed: the terminal's work again, at the same virtual times.
    w->controller()->restart(w->controller()->seed() + 6);
    QCOMPARE(w->controller()->session()->sim().now(), sim::TimeMs{0});
    w->controller()->runTo(end);
    QVERIFY2(w->controller()->session()->sim().topic("aula") != nullptr, "the restart discarded the terminal's topic");
    QCOMPARE(topicCreatedAt(w->controller(), "aula"), created);
    QCOMPARE(commandTimes(w->controller()), times);
    QCOMPARE(recordsIn(w->controller(), "aula"), std::int64_t{3});
    QCOMPARE(w->cliHost()->history().size(), std::size_t{2}); // the lab checks see the commands again
    // The terminal goes on from there, in the same log.
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --describe --topic aula") + kBootstrap);
    QVERIFY2(c->toPlainText().contains(QStringLiteral("PartitionCount: 2")), qPrintable(c->toPlainText()));
    QCOMPARE(w->controller()->terminalLog().commandCount(), std::size_t{3});
}

void TerminalTest::compareModeRunsTheTerminalWork() {
    // Compare mode replays the whole action log with each assignor, the terminal's part included.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    terminalWork(w.get());
    const sim::TimeMs end = w->controller()->session()->sim().now();
    const sim::TimeMs created = topicCreatedAt(w->controller(), "aula");
    QVERIFY(created >= 2000);
    // The compare window shows the main controller's time (its one clock): back to 0 first.
    w->controller()->seek(0);
    QCOMPARE(w->controller()->time(), sim::TimeMs{0});
    CompareWindow cw(w->controller());
    cw.resize(1600, 800);
    cw.show();
    cw.setAssignors(static_cast<int>(sim::AssignorKind::Range), static_cast<int>(sim::AssignorKind::CooperativeSticky));
    // Each side starts at 0 and plays the terminal's work as its clock passes it (no terminal host:
    // the controller's own headless playback).
    for (SimulationController* side : {cw.left(), cw.right()}) {
        QCOMPARE(side->session()->sim().now(), sim::TimeMs{0});
        QVERIFY(side->session()->sim().topic("aula") == nullptr);
    }
    cw.seekTime(commandTimes(w->controller()).front() - labs::kVirtualEpochMs - 1); // before the command
    for (SimulationController* side : {cw.left(), cw.right()}) QVERIFY(side->session()->sim().topic("aula") == nullptr);
    cw.seekTime(end);
    for (SimulationController* side : {cw.left(), cw.right()}) {
        QVERIFY2(side->session()->sim().topic("aula") != nullptr, "a compare side lacks the terminal's topic");
        QCOMPARE(topicCreatedAt(side, "aula"), created);
        QCOMPARE(recordsIn(side, "aula"), std::int64_t{3});
        QCOMPARE(side->terminalLog().commandCount(), std::size_t{2});
    }
}

void TerminalTest::scenarioSavedAfterARestartKeepsTheTerminalWork() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    terminalWork(w.get());
    const sim::TimeMs end = w->controller()->session()->sim().now() + 1000;
    w->controller()->restart(3);
    QCOMPARE(w->controller()->session()->sim().now(), sim::TimeMs{0});
    w->controller()->runTo(end);
    const std::string hash = w->controller()->session()->sim().journal().sha256();
    const std::size_t events = w->controller()->eventCount();

    const QString path = dir.filePath(QStringLiteral("after-restart.json"));
    QVERIFY(w->saveScenarioTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const std::string text = f.readAll().toStdString();
    sim::ScenarioError err;
    const auto saved = sim::parseScenario(text, "after-restart.json", err);
    QVERIFY2(saved, fluxolab::labs::scenarioErrorText(err).c_str());
    QCOMPARE(saved->seed, std::uint64_t{3});
    QVERIFY2(!saved->terminal.empty(), "the saved scenario lost the terminal's commands");

    auto w2 = makeWindow();
    QString error;
    QVERIFY2(w2->openScenario(path, false, &error), qPrintable(error));
    QCOMPARE(w2->cliHost()->journal().commandCount(), std::size_t{2});
    w2->controller()->runTo(end);
    QVERIFY(w2->controller()->session()->sim().topic("aula") != nullptr);
    QCOMPARE(recordsIn(w2->controller(), "aula"), std::int64_t{3});
    QCOMPARE(w2->controller()->eventCount(), events);
    QCOMPARE(QString::fromStdString(w2->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
}

void TerminalTest::longTerminalSessionReplaysOnRestart() {
    // 200 commands (40 topics created and grown, describes, lists, group describes), each followed
    // by two clock ticks: a restart with another seed starts at 0, and running to where the session
    // ended plays all of them on the UI thread. The times are printed (docs/architecture.md quotes
    // them), not asserted.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    for (int i = 0; i < 200; ++i) {
        QString cmd;
        switch (i % 5) {
        case 0: cmd = QStringLiteral("kafka-topics.sh --create --topic t%1 --partitions 3").arg(i); break;
        case 1: cmd = QStringLiteral("kafka-topics.sh --describe --topic t%1").arg(i - 1); break;
        case 2: cmd = QStringLiteral("kafka-topics.sh --list"); break;
        case 3: cmd = QStringLiteral("kafka-consumer-groups.sh --describe --group faturacao"); break;
        default: cmd = QStringLiteral("kafka-topics.sh --alter --topic t%1 --partitions 4").arg(i - 4); break;
        }
        type(c, cmd + kBootstrap);
        ticks(w->cliHost(), 2);
    }
    QCOMPARE(w->controller()->terminalLog().commandCount(), std::size_t{200});
    const sim::TimeMs end = w->controller()->session()->sim().now();
    QElapsedTimer timer;
    timer.start();
    w->controller()->restart(w->controller()->seed() + 1);
    const qint64 ms = timer.elapsed();
    QCOMPARE(w->controller()->session()->sim().now(), sim::TimeMs{0});
    timer.restart();
    w->controller()->runTo(end);
    const qint64 played = timer.elapsed();
    qInfo("restart with 200 terminal commands in the log: %lld ms; playing them (%lld ms of cluster time): %lld ms",
          static_cast<long long>(ms), static_cast<long long>(end), static_cast<long long>(played));
    QCOMPARE(w->controller()->session()->sim().now(), end);
    QCOMPARE(w->cliHost()->history().size(), std::size_t{200});
    for (int i = 0; i < 200; i += 5) {
        const sim::TopicState* t = w->controller()->session()->sim().topic("t" + std::to_string(i));
        QVERIFY(t != nullptr);
        QCOMPARE(t->partitions.size(), std::size_t{4});
    }
}

void TerminalTest::consoleConsumerRunningAtARestartStopsThereInEveryReplay() {
    // A console consumer still running when the run restarts dies with the old cluster; the log
    // says so (Ctrl+C at that moment), so the restarted run and the saved file stop it there too.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    terminalWork(w.get());
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-console-consumer.sh --topic aula --group leitores --from-beginning") + kBootstrap);
    ticks(w->cliHost(), 20);
    QVERIFY(c->toPlainText().contains(QStringLiteral("tres")));
    const sim::TimeMs stoppedAt = w->controller()->session()->sim().now();
    const sim::TimeMs stoppedAtClusterClock = w->cliHost()->nowMs(); // the log's times: the cluster's clock
    w->controller()->restart(w->controller()->seed());
    const auto& events = w->controller()->terminalLog().events;
    QVERIFY(!events.empty());
    QCOMPARE(static_cast<int>(events.back().type), static_cast<int>(labs::JournalEvent::Type::Interrupt));
    QCOMPARE(events.back().at_ms, stoppedAtClusterClock);
    // The restarted run starts at 0; playing the log stops the consumer there with Ctrl+C.
    QCOMPARE(w->controller()->session()->sim().now(), sim::TimeMs{0});
    const sim::TimeMs end = stoppedAt + 3000;
    w->controller()->runTo(end);
    QVERIFY(w->controller()->session()->sim().topic("aula") != nullptr);
    QVERIFY(w->cliHost()->playback() && w->cliHost()->playback()->done());
    const std::string hash = w->controller()->session()->sim().journal().sha256();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("consumer.json"));
    QVERIFY(w->saveScenarioTo(path));
    auto w2 = makeWindow();
    QString error;
    QVERIFY2(w2->openScenario(path, false, &error), qPrintable(error));
    w2->controller()->runTo(end);
    QCOMPARE(QString::fromStdString(w2->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
}

void TerminalTest::consoleConsumerDuringPlaybackHasOneClock() {
    // One clock owner: the controller's timer. Paused, it ticks the terminal every 100 ms of wall
    // time and each tick lets 100 ms of virtual time pass (and nothing else does); playing, the
    // frames move the clock and the terminal's ticks only pump the console consumer (0 ms ticks).
    // The consumer sees the records, and the run replays to the same journal.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    terminalWork(w.get());
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-console-consumer.sh --topic aula --group leitores --from-beginning") + kBootstrap);
    QVERIFY(w->cliHost()->clockRunning());
    QVERIFY(w->controller()->terminalClockHeld());
    const auto tickedSince = [&](std::size_t from, sim::TimeMs* total) {
        std::size_t n = 0;
        *total = 0;
        const auto& events = w->controller()->terminalLog().events;
        for (std::size_t i = from; i < events.size(); ++i)
            if (events[i].type == labs::JournalEvent::Type::Tick) {
                n += static_cast<std::size_t>(events[i].count);
                *total += events[i].tick_ms * events[i].count;
            }
        return n;
    };
    // Paused: only the terminal's ticks move the clock, 100 ms each, until the consumer has joined
    // its group and printed the records.
    const sim::TimeMs pausedFrom = w->controller()->session()->sim().now();
    const std::size_t logFrom = w->controller()->terminalLog().events.size();
    // (the console shows "tres" once already: the producer's input line)
    QTRY_VERIFY_WITH_TIMEOUT(c->toPlainText().count(QStringLiteral("tres")) >= 2, 30000);
    sim::TimeMs tickedMs = 0;
    const std::size_t pausedTicks = tickedSince(logFrom, &tickedMs);
    qInfo("paused: %zu terminal ticks, %lld ms of virtual time", pausedTicks,
          static_cast<long long>(w->controller()->session()->sim().now() - pausedFrom));
    QVERIFY(pausedTicks >= 3);
    QCOMPARE(tickedMs, w->controller()->session()->sim().now() - pausedFrom);
    // Playing: the ticks journaled let no time pass of their own.
    w->controller()->setPlaying(true);
    const std::size_t playFrom = w->controller()->terminalLog().events.size();
    const sim::TimeMs playedFrom = w->controller()->session()->sim().now();
    QTRY_VERIFY_WITH_TIMEOUT(tickedSince(playFrom, &tickedMs) >= 3, 20000);
    w->controller()->setPlaying(false);
    QVERIFY(w->controller()->session()->sim().now() > playedFrom);
    tickedSince(playFrom, &tickedMs);
    QCOMPARE(tickedMs, sim::TimeMs{0});
    QVERIFY(w->controller()->terminalClockHeld()); // paused again: the terminal's clock goes on
    QTest::keyClick(c, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(!w->controller()->terminalClockHeld());
    const sim::TimeMs end = w->controller()->session()->sim().now();
    const std::string hash = w->controller()->session()->sim().journal().sha256();
    // The log replays to the same journal: the consumer polled at the same times.
    w->controller()->restart(w->controller()->seed());
    w->controller()->runTo(end);
    QCOMPARE(QString::fromStdString(w->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
}

void TerminalTest::commandTypedAcrossATickOfThePlayingLogReplaysToTheSameJournal() {
    // A restarted run plays the terminal's log (a console consumer ticked every 100 ms); a command
    // typed 1 ms before one of the log's ticks lets 2 ms pass (its request). One rule live and
    // replayed: the log's tick does not fire inside the command but right after it, as the replay
    // (where the command is one piece of the log) does. The run, saved and replayed, and restarted
    // with the same seed, gives the same journal.
    auto w = makeWindow();
    QVERIFY(w->openScenario(QStringLiteral("rebalance-basico"), false));
    w->controller()->runTo(2000);
    terminalWork(w.get());
    TerminalConsole* c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-console-consumer.sh --topic aula --group leitores --from-beginning") + kBootstrap);
    ticks(w->cliHost(), 20);
    QTest::keyClick(c, Qt::Key_C, Qt::ControlModifier);
    // A tick of the log's run of ticks, well inside it.
    sim::TimeMs tickAt = -1;
    for (const labs::JournalEvent& e : w->controller()->terminalLog().events)
        if (e.type == labs::JournalEvent::Type::Tick && e.tick_ms == CliHost::kTickMs && e.count >= 15) {
            tickAt = e.at_ms - labs::kVirtualEpochMs + 10 * e.tick_ms;
            break;
        }
    QVERIFY(tickAt > 2000);
    const sim::TimeMs logEnd = w->controller()->session()->sim().now();
    w->controller()->restart(w->controller()->seed());
    w->controller()->runTo(tickAt - 1);
    QVERIFY(w->cliHost()->playback() && !w->cliHost()->playback()->done());
    c = w->terminalPanel()->currentConsole();
    type(c, QStringLiteral("kafka-topics.sh --create --topic rascunho --partitions 3") + kBootstrap);
    QVERIFY2(c->toPlainText().contains(QStringLiteral("Created topic rascunho.")), qPrintable(c->toPlainText()));
    QVERIFY(w->controller()->session()->sim().now() > tickAt); // its request passed the tick's time
    const sim::TimeMs end = logEnd + 2000;
    w->controller()->runTo(end);
    QVERIFY(w->cliHost()->playback()->done());
    const std::string hash = w->controller()->session()->sim().journal().sha256();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("across-a-tick.json"));
    QVERIFY(w->saveScenarioTo(path));
    auto w2 = makeWindow();
    QString error;
    QVERIFY2(w2->openScenario(path, false, &error), qPrintable(error));
    w2->controller()->runTo(end);
    QCOMPARE(QString::fromStdString(w2->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
    w->controller()->restart(w->controller()->seed());
    w->controller()->runTo(end);
    QCOMPARE(QString::fromStdString(w->controller()->session()->sim().journal().sha256()), QString::fromStdString(hash));
}
