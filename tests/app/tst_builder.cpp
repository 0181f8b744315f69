#include "tests/app/tst_builder.h"

#include "app/dialogs/builderdialogs.h"
#include "app/cluster/clustercanvas.h"
#include "app/cluster/comparewindow.h"
#include "app/core/language.h"
#include "app/core/mainwindow.h"
#include "app/core/simulationcontroller.h"
#include "sim/cluster.h"
#include "sim/hash.h"
#include "sim/timeline.h"

#include <QAction>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <set>

#include <time.h> // clock_gettime (POSIX)

using namespace fluxolab;
using namespace fluxolab::app;

namespace {

std::unique_ptr<MainWindow> window(const QString& scenario) {
    auto w = std::make_unique<MainWindow>();
    w->resize(1600, 900);
    w->show();
    if (!w->openScenario(scenario, false)) return nullptr;
    return w;
}

/// Index of the first event of `type` at or after `from_ms` (runs the simulation far enough).
std::optional<std::size_t> firstEvent(SimulationController* c, sim::EventType type, sim::TimeMs from_ms) {
    for (std::size_t i = 0; i < c->eventCount(); ++i)
        if (c->session()->sim().journal()[i].type == type && c->session()->sim().journal()[i].time >= from_ms) return i;
    return std::nullopt;
}

int revokedBadges(const ClusterLayout& L) {
    int n = 0;
    for (const auto& g : L.groups) {
        for (const auto& c : g.consumers)
            for (const auto& b : c.partitions) n += b.revoked;
        n += static_cast<int>(g.unowned.size());
    }
    return n;
}

} // namespace

void AppFeaturesTest::initTestCase() { QVERIFY(setLanguage(QStringLiteral("pt_PT"))); }

void AppFeaturesTest::revokeAnimationAppearsAndGoes() {
    auto w = window(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    auto* c = w->controller();
    c->runTo(40000);
    // The third consumer joins at 20 s: the members give up their partitions.
    const auto idx = firstEvent(c, sim::EventType::PartitionsRevoked, 20000);
    QVERIFY(idx);
    const sim::Event e = c->session()->sim().journal()[*idx];
    c->seek(*idx); // just before: nothing revoked yet
    const int before = revokedBadges(w->clusterCanvas()->layout());
    c->seek(*idx + 1); // the state right after the event
    const ClusterLayout& L = w->clusterCanvas()->layout();
    const ConsumerItem* member = L.consumer(e.actor);
    QVERIFY(member);
    bool revoked = false;
    for (const auto& b : member->partitions)
        if (b.revoked) {
            revoked = true;
            QVERIFY(b.anim >= 0.0 && b.anim <= 1.0);
        }
    QVERIFY(revoked);
    QVERIFY(revokedBadges(L) > before);
    // Later, once the group is stable again and the animation is over, it is gone.
    c->runTo(e.time + 15000);
    const ClusterLayout& later = w->clusterCanvas()->layout();
    QCOMPARE(revokedBadges(later), 0);
    for (const auto& g : later.groups) QCOMPARE(g.phase, RebalancePhase::None);
}

void AppFeaturesTest::eagerStopsTheWorldCooperativeKeepsFlowing() {
    // Eager (range): while rebalancing, every member is stopped under the stop-the-world overlay.
    auto eager = window(QStringLiteral("rebalance-basico"));
    QVERIFY(eager);
    eager->controller()->runTo(40000);
    const auto r = firstEvent(eager->controller(), sim::EventType::PartitionsRevoked, 20000);
    QVERIFY(r);
    eager->controller()->seek(*r + 1);
    const GroupItem* g = eager->clusterCanvas()->layout().group(QStringLiteral("faturacao"));
    QVERIFY(g);
    QVERIFY(!g->cooperative);
    QCOMPARE(g->phase, RebalancePhase::StopTheWorld);
    QVERIFY(!g->overlayRect.isEmpty());
    for (const auto& m : g->consumers) QVERIFY(m.stopped);

    // Cooperative-sticky: after the revocation some members keep consuming their partitions; the
    // moved ones have no owner until the follow-up rebalance, then get a new owner.
    auto coop = window(QStringLiteral("cooperativo-vs-ansioso"));
    QVERIFY(coop);
    auto* c = coop->controller();
    c->runTo(40000);
    const auto rv = firstEvent(c, sim::EventType::PartitionsRevoked, 20000);
    QVERIFY(rv);
    c->seek(*rv + 1);
    g = coop->clusterCanvas()->layout().group(QStringLiteral("faturacao"));
    QVERIFY(g);
    QVERIFY(g->cooperative);
    QVERIFY(g->phase != RebalancePhase::StopTheWorld && g->phase != RebalancePhase::None);
    QVERIFY(g->overlayRect.isEmpty());
    int flowing = 0;
    for (const auto& m : g->consumers)
        for (const auto& b : m.partitions) flowing += !b.revoked;
    QVERIFY(flowing > 0);
    // Between the phases the moved partitions are listed as unowned; then they are assigned.
    bool sawUnowned = false, sawFresh = false;
    for (std::size_t i = *rv + 1; i < c->eventCount() && c->session()->sim().journal()[i].time < c->session()->sim().journal()[*rv].time + 10000; ++i) {
        c->seek(i);
        const GroupItem* gi = coop->clusterCanvas()->layout().group(QStringLiteral("faturacao"));
        sawUnowned |= !gi->unowned.empty() && (gi->phase == RebalancePhase::CoopUnowned || gi->phase == RebalancePhase::CoopAssign);
        for (const auto& m : gi->consumers)
            for (const auto& b : m.partitions) sawFresh |= b.fresh;
        if (sawUnowned && sawFresh) break;
    }
    QVERIFY(sawUnowned);
    QVERIFY(sawFresh);
}

void AppFeaturesTest::recordsTravelToTheChosenPartition() {
    auto w = window(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    auto* c = w->controller();
    c->runTo(10000);
    const ClusterLayout& L = w->clusterCanvas()->layout();
    QVERIFY(!L.batchedFlights);
    QVERIFY(!L.flights.empty());
    for (const auto& f : L.flights) {
        QVERIFY(f.progress >= 0.0 && f.progress <= 1.0);
        QVERIFY(f.partitions > 0);
        QVERIFY(!f.keyText.isEmpty());
        // The flight goes to the partition the (Java) partitioner picks for its key.
        QCOMPARE(f.tp.second, sim::javaKeyPartition(f.keyText.toStdString(), f.partitions));
        QVERIFY(L.leaderStrip(f.tp));
        QVERIFY(L.tipAt(f.pos).contains(QStringLiteral("murmur2")));
    }
    // At 64x the flights are grouped: at most one per (producer, partition), none dropped.
    c->setSpeed(64);
    c->runTo(12000);
    const ClusterLayout& fast = w->clusterCanvas()->layout();
    QVERIFY(fast.batchedFlights);
    std::set<std::pair<std::int32_t, labs::observe::PartitionKey>> seen;
    for (const auto& f : fast.flights) QVERIFY(seen.insert({f.producer, f.tp}).second);
    QVERIFY(!fast.flights.empty());
}

void AppFeaturesTest::compareRunsBothSidesToTheSameMoment() {
    auto w = window(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    CompareWindow cw(w->controller());
    cw.resize(1600, 800);
    cw.show();
    cw.setAssignors(static_cast<int>(sim::AssignorKind::Range), static_cast<int>(sim::AssignorKind::CooperativeSticky));
    QCOMPARE(cw.left()->seed(), w->controller()->seed());
    QCOMPARE(cw.right()->seed(), w->controller()->seed());
    for (sim::TimeMs t : {5000, 21000, 23500, 12000}) { // forwards, then scrub back
        cw.seekTime(t);
        QCOMPARE(cw.left()->time(), t);
        QCOMPARE(cw.right()->time(), t);
        // Each side shows exactly the events of its own journal up to t (the same moment).
        for (auto* side : {cw.left(), cw.right()}) {
            const std::size_t n = side->cursor();
            QVERIFY(n == 0 || side->session()->sim().journal()[n - 1].time <= t);
            QVERIFY(n == side->eventCount() || side->session()->sim().journal()[n].time > t);
        }
    }
    // Before anything assignor-specific both runs are the same journal, event for event.
    cw.seekTime(2000);
    QCOMPARE(cw.left()->cursor(), cw.right()->cursor());
    // Stepping moves both sides together.
    const auto before = cw.time();
    cw.stepForward();
    QVERIFY(cw.time() > before);
    QCOMPARE(cw.left()->time(), cw.right()->time());
    // During the rebalance at 20 s the two sides differ as the protocols say.
    cw.seekTime(40000);
    const auto r = firstEvent(cw.left(), sim::EventType::PartitionsRevoked, 20000);
    QVERIFY(r);
    cw.seekTime(cw.left()->session()->sim().journal()[*r].time);
    const GroupItem* lg = cw.leftView()->layout().group(QStringLiteral("faturacao"));
    const GroupItem* rg = cw.rightView()->layout().group(QStringLiteral("faturacao"));
    QVERIFY(lg && rg);
    QVERIFY(!lg->cooperative);
    QVERIFY(rg->cooperative);
    // Playing advances both to the same time.
    cw.seekTime(1000);
    cw.advance(500);
    QCOMPARE(cw.left()->time(), cw.right()->time());
    QVERIFY(cw.time() > 1000);
}

void AppFeaturesTest::compareSidesHaveTheSameProducers() {
    // The compare window draws the producers once for both sides (CompareWindow's producers strip):
    // honest only if the assignor changes nothing a producer does. Every scenario, every pair of
    // assignor against the first (equality is transitive, so every pair is covered), every second of
    // the first two minutes: the same producers, topics and acked counts. (Every pair every 250 ms took
    // 52 s, over the 300 s limit under AddressSanitizer.)
    // (The sides share one random stream with the group coordinator, so this is not obvious.)
    const QStringList scenarios = {QStringLiteral("rebalance-basico"), QStringLiteral("cooperativo-vs-ansioso"),
                                   QStringLiteral("consumidor-lento"), QStringLiteral("falha-de-broker"),
                                   QStringLiteral("acks-e-perda"), QStringLiteral("retencao"), QStringLiteral("sensores-no-topico")};
    int compared = 0;
    QStringList problems;
    for (const QString& scenario : scenarios) {
        auto w = window(scenario);
        QVERIFY2(w, qPrintable(scenario));
        const std::vector<std::int32_t> kinds = SimulationController::assignorKinds();
        for (std::size_t a = 0; a < 1; ++a)
            for (std::size_t b = a + 1; b < kinds.size(); ++b) {
                CompareWindow cw(w->controller());
                cw.setAssignors(kinds[a], kinds[b]);
                cw.finishCatchUp();
                for (sim::TimeMs t = 0; t <= 120000 && problems.size() < 5; t += 1000) {
                    cw.seekTime(t);
                    const auto& l = cw.left()->observation().producers;
                    const auto& r = cw.right()->observation().producers;
                    if (l.size() != r.size()) {
                        problems << QStringLiteral("%1 %2/%3 t=%4: %5 and %6 producers").arg(scenario).arg(kinds[a]).arg(kinds[b]).arg(t).arg(l.size()).arg(r.size());
                        continue;
                    }
                    for (std::size_t i = 0; i < l.size(); ++i, ++compared)
                        if (l[i].client_id != r[i].client_id || l[i].topic != r[i].topic || l[i].acked != r[i].acked || l[i].closed != r[i].closed)
                            problems << QStringLiteral("%1 %2/%3 t=%4: %5 acked %6 and %7")
                                            .arg(scenario)
                                            .arg(kinds[a])
                                            .arg(kinds[b])
                                            .arg(t)
                                            .arg(QString::fromStdString(l[i].client_id))
                                            .arg(l[i].acked)
                                            .arg(r[i].acked);
                }
            }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    QVERIFY(compared > 1000);
}

void AppFeaturesTest::compareFollowsTheMainControllersClock() {
    // The compare window has no clock of its own: the main window's controller is the one clock,
    // and both sides show its time whoever moves it.
    auto w = window(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    SimulationController* c = w->controller();
    c->runTo(3000);
    CompareWindow cw(c);
    cw.resize(1600, 800);
    cw.show();
    QVERIFY(cw.findChildren<QTimer*>(QString(), Qt::FindDirectChildrenOnly).isEmpty());
    const auto bothAt = [&](sim::TimeMs t) {
        return cw.time() == t && cw.left()->time() == t && cw.right()->time() == t;
    };
    QTRY_VERIFY(bothAt(3000)); // opened at the main run's moment (caught up, in slices if it takes long)
    // The main run moves (its runTo, its playback frames, a scrub back): both sides follow.
    c->runTo(5000);
    QVERIFY(bothAt(5000));
    c->setPlaying(true);
    QVERIFY(cw.isPlaying());
    c->advance(400);
    QVERIFY(c->time() > 5000);
    QVERIFY(bothAt(c->time()));
    // Pausing the main playback pauses both sides: no time passes on either while paused.
    c->setPlaying(false);
    QVERIFY(!cw.isPlaying());
    const sim::TimeMs paused = c->time();
    QTest::qWait(200);
    QVERIFY(bothAt(paused));
    QVERIFY(!cw.left()->isPlaying() && !cw.right()->isPlaying());
    c->seek(c->cursor() / 2);
    QVERIFY(c->time() < paused);
    QVERIFY(bothAt(c->time()));
    // The window's own controls act on the main run: play and pause, seeking (the slider), stepping.
    cw.setPlaying(true);
    QVERIFY(c->isPlaying());
    cw.setPlaying(false);
    QVERIFY(!c->isPlaying());
    cw.seekTime(12000);
    QCOMPARE(c->time(), sim::TimeMs{12000});
    QVERIFY(bothAt(12000));
    cw.seekTime(1500);
    QCOMPARE(c->time(), sim::TimeMs{1500});
    QVERIFY(bothAt(1500));
    cw.stepForward();
    QVERIFY(c->time() > 1500);
    QVERIFY(bothAt(c->time()));
    // The speed is the main run's too.
    c->setSpeed(4);
    QCOMPARE(cw.left()->speed(), 4.0);
    QCOMPARE(cw.right()->speed(), 4.0);
    // A restart of the main run with another seed loads both sides again, at its time (0).
    c->restart(7);
    QCOMPARE(cw.left()->seed(), std::uint64_t{7});
    QCOMPARE(cw.right()->seed(), std::uint64_t{7});
    QVERIFY(bothAt(0));
    c->runTo(2500);
    QVERIFY(bothAt(2500));
}

void AppFeaturesTest::compareOpenedLateCatchesUpInSlices() {
    // Opening the compare window late in a long run: both sides replay the run from 0 to the main
    // run's time. They catch up in slices (SimulationController::runTowards), the event loop running
    // between them, the window saying how far they are; they end with the journals of an uncut run.
    auto w = window(QStringLiteral("rebalance-basico"));
    QVERIFY(w);
    SimulationController* c = w->controller();
    const sim::TimeMs late = 10 * 60 * 1000;
    c->runTo(late);
    QCOMPARE(c->time(), late);
    // The reference: each side's run to that time in one piece (what opening the window did before).
    const auto kinds = SimulationController::assignorKinds();
    std::string leftHash, rightHash;
    std::size_t leftEvents = 0, rightEvents = 0;
    QElapsedTimer uncut;
    uncut.start();
    {
        SimulationController l, r;
        l.loadWithAssignor(*c, kinds[0]);
        r.loadWithAssignor(*c, kinds[3]);
        l.runTo(late);
        r.runTo(late);
        leftHash = l.session()->sim().journal().sha256();
        rightHash = r.session()->sim().journal().sha256();
        leftEvents = l.eventCount();
        rightEvents = r.eventCount();
    }
    const qint64 uncutMs = uncut.elapsed();

    // The GUI thread's own CPU time (CLOCK_THREAD_CPUTIME_ID) in each stretch without a turn of its
    // event loop: what it blocks the UI for by itself; the wall-clock gap also counts the waits for
    // a core on a loaded machine, and is reported with the load average.
    const auto threadCpuMs = [] {
        timespec ts{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
    };
    QElapsedTimer opening;
    opening.start();
    const double openCpu0 = threadCpuMs();
    CompareWindow cw(c); // left: range, right: cooperative-sticky (the window's default)
    const double openCpuMs = threadCpuMs() - openCpu0;
    const qint64 openMs = opening.elapsed();
    cw.resize(1600, 800);
    cw.show();
    // The window's first exposure (style polish, font caches, the first paint of every widget: 20 to
    // 50 ms of the GUI thread once, as for any Qt window of this size) comes before the measured
    // stretches: the bound below is on the catch-up's slices, which go on meanwhile.
    QVERIFY(QTest::qWaitForWindowExposed(&cw));
    QCoreApplication::processEvents();
    QVERIFY(cw.isCatchingUp());
    auto* label = cw.findChild<QLabel*>(QStringLiteral("CompareCatchUp"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("%")), qPrintable(label->text()));
    QVERIFY(cw.catchUpProgress() < 1.0);
    // The longest the event loop waits between two turns (a 0 ms timer) until the sides are there,
    // in wall time and in the GUI thread's CPU time.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, longest = 0;
    double lastCpu = threadCpuMs(), longestCpu = 0;
    int turns = 0;
    QTimer probe;
    probe.setInterval(0);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
        const double cpu = threadCpuMs();
        longestCpu = std::max(longestCpu, cpu - lastCpu);
        lastCpu = cpu;
        ++turns;
    });
    probe.start();
    double progress = cw.catchUpProgress();
    bool forward = true;
    while (cw.isCatchingUp() && clock.elapsed() < 120000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (cw.isCatchingUp()) {
            forward = forward && cw.catchUpProgress() >= progress;
            progress = cw.catchUpProgress();
        }
    }
    probe.stop();
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    qInfo("compare opened at 10 min: constructor %lld ms wall, %.1f ms CPU; catch-up %lld ms in %d event-loop turns, "
          "longest stretch between turns %lld ms wall, %.1f ms GUI-thread CPU; both sides in one uncut runTo each: "
          "%lld ms; load average %s",
          static_cast<long long>(openMs), openCpuMs, static_cast<long long>(clock.elapsed()), turns,
          static_cast<long long>(longest), longestCpu, static_cast<long long>(uncutMs), load.constData());
    QVERIFY(!cw.isCatchingUp());
    QVERIFY(forward);
    QVERIFY2(turns >= 2, qPrintable(QString::number(turns))); // the event loop turned while the sides caught up
    // Slices of kCatchUpSliceMs (the first kFirstCatchUpSliceMs) of simulation and the timeline's
    // fold of what they simulated, on both sides, with no repaint of a side until it is there. The
    // issue's bound is on the GUI thread's own work per stretch (the wall time on a loaded machine
    // adds the waits for a core).
#if defined(FLUXOLAB_SANITIZED)
    constexpr double kBoundMs = 500; // instrumented code runs 5-15x slower
#else
    constexpr double kBoundMs = 50;
#endif
    QVERIFY2(longestCpu <= kBoundMs, qPrintable(QStringLiteral("the GUI thread ran %1 ms without a turn of its event loop").arg(longestCpu)));
    QVERIFY2(openCpuMs <= kBoundMs, qPrintable(QStringLiteral("opening took %1 ms of CPU").arg(openCpuMs)));
    QVERIFY(!label->isVisible());
    // Both sides at the main run's moment, exactly as after the uncut run.
    QCOMPARE(cw.time(), late);
    QCOMPARE(cw.left()->time(), late);
    QCOMPARE(cw.right()->time(), late);
    QCOMPARE(cw.left()->eventCount(), leftEvents);
    QCOMPARE(cw.right()->eventCount(), rightEvents);
    QCOMPARE(cw.left()->cursor(), leftEvents);
    QCOMPARE(QString::fromStdString(cw.left()->session()->sim().journal().sha256()), QString::fromStdString(leftHash));
    QCOMPARE(QString::fromStdString(cw.right()->session()->sim().journal().sha256()), QString::fromStdString(rightHash));
    // And it follows the main run again from there.
    c->runTo(late + 2000);
    QCOMPARE(cw.left()->time(), late + 2000);
    QCOMPARE(cw.right()->time(), late + 2000);
}

void AppFeaturesTest::createTopicWithTooLargeRfShowsKafkaError() {
    auto w = window(QStringLiteral("rebalance-basico")); // 3 brokers
    QVERIFY(w);
    auto* c = w->controller();
    c->runTo(3000);
    const auto topics = c->session()->sim().topics().size();
    const auto actions = c->scenario().actions.size();
    const auto events = c->eventCount();
    CreateTopicDialog d(c, w.get());
    d.setValues(QStringLiteral("grande"), 3, 4);
    QVERIFY(!d.tryCreate());
    const QString error = d.errorText();
    // Kafka 4.3.1's own wording (sim/kafka_errors.h), not the pre-4.x "larger than available brokers".
    QVERIFY2(error.contains(QStringLiteral("The target replication factor of 4 cannot be reached because only 3 "
                                           "broker(s) are registered")),
             qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("larger than available brokers")), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("INVALID_REPLICATION_FACTOR")));
    // Under Kafka's text, the teaching note in the UI's language (pt-PT here).
    QVERIFY2(error.contains(QStringLiteral("\nCada réplica vive num broker diferente")), qPrintable(error));
    // An illegal name and a request beyond the controller's bound: Kafka's English text stays exact, the
    // explanation is Portuguese.
    QString nameError;
    QVERIFY(!c->createTopic("dois nomes", 1, 1, &nameError));
    QVERIFY2(nameError.contains(QStringLiteral("Topic name is invalid: 'dois nomes' contains one or more characters "
                                               "other than ASCII alphanumerics, '.', '_' and '-'")),
             qPrintable(nameError));
    QVERIFY2(nameError.contains(QStringLiteral("\nNomes de tópicos: só letras ASCII")), qPrintable(nameError));
    QString policyError;
    QVERIFY(!c->createTopic("enorme", 10001, 1, &policyError));
    QVERIFY2(policyError.contains(QStringLiteral("(POLICY_VIOLATION)\nO controlador KRaft recusa")), qPrintable(policyError));
    setLanguage(QStringLiteral("en"));
    QVERIFY(!c->createTopic("enorme", 10001, 1, &policyError));
    setLanguage(QStringLiteral("pt_PT"));
    QVERIFY2(policyError.contains(QStringLiteral("(POLICY_VIOLATION)\nThe KRaft controller refuses")), qPrintable(policyError));
    QCOMPARE(c->session()->sim().topics().size(), topics);
    QCOMPARE(c->scenario().actions.size(), actions);
    for (std::size_t i = events; i < c->eventCount(); ++i) QVERIFY(c->session()->sim().journal()[i].type != sim::EventType::TopicCreated);
    // A valid one is created and recorded.
    d.setValues(QStringLiteral("grande"), 3, 3);
    QVERIFY(d.tryCreate());
    QVERIFY(d.errorText().isEmpty());
    QCOMPARE(c->session()->sim().topics().size(), topics + 1);
    QCOMPARE(c->scenario().actions.size(), actions + 1);
    // The builder's toolbar actions are there.
    for (const char* name : {"newScenario", "createTopic", "addProducer", "addConsumer", "removeConsumer", "compare"})
        QVERIFY2(w->action(QString::fromLatin1(name)), name);
}

void AppFeaturesTest::builtScenarioReplaysToTheSameJournal() {
    auto w = std::make_unique<MainWindow>();
    w->resize(1600, 900);
    w->show();
    auto* c = w->controller();
    c->newScenario(3);
    QVERIFY(c->hasRun());
    QString error;
    QVERIFY(c->createTopic("pedidos", 4, 3, &error));
    c->runTo(1000);
    sim::KeySpec keys;
    keys.count = 6;
    keys.prefix = "cliente-";
    QVERIFY(!c->addProducer("pedidos", 25, keys).empty());
    QCOMPARE(c->time(), sim::TimeMs{1000}); // the replay is back where we were
    c->runTo(4000);
    const auto a = c->addConsumer("faturacao", {"pedidos"}, sim::AssignorKind::CooperativeSticky);
    QVERIFY(a >= 0);
    c->runTo(12000);
    QVERIFY(c->addConsumer("faturacao", {"pedidos"}, sim::AssignorKind::CooperativeSticky) >= 0);
    c->runTo(25000);
    c->removeConsumer(a);
    c->runTo(40000);
    const std::string hash = c->session()->sim().journal().sha256();
    QVERIFY(c->timeline().view().groups.size() >= 1);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("construido.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(sim::scenarioToJson(c->scenario())));
    }
    SimulationController replay;
    QVERIFY2(replay.loadFile(path, &error), qPrintable(error));
    QCOMPARE(replay.seed(), c->seed());
    replay.runTo(40000);
    QCOMPARE(replay.eventCount(), c->eventCount());
    QCOMPARE(QString::fromStdString(replay.session()->sim().journal().sha256()), QString::fromStdString(hash));
}

void AppFeaturesTest::hugeTopicIsBoundedResponsiveAndLegible() {
    auto w = std::make_unique<MainWindow>();
    w->resize(1366, 768);
    w->show();
    auto* c = w->controller();
    c->newScenario(3);
    QVERIFY(c->hasRun());
    QApplication::processEvents();
    // The dialog's partition field stops at Kafka's bound and says why.
    CreateTopicDialog d(c, w.get());
    d.setValues(QStringLiteral("enorme"), 10000000, 3);
    QCOMPARE(d.partitions(), sim::maxPartitionsForNewTopic(0));
    auto* limits = d.findChild<QLabel*>(QStringLiteral("limits"));
    QVERIFY(limits);
    QVERIFY2(limits->text().contains(QStringLiteral("9999")) && limits->text().contains(QStringLiteral("10000")),
             qPrintable(limits->text()));
    // Creating the largest topic Kafka accepts, then laying out and painting the view (the time it
    // takes is printed; it is measured by bench/bench_app partitions, not asserted here: timings
    // depend on the machine and on the sanitizers).
    QElapsedTimer t;
    t.start();
    QVERIFY(d.tryCreate());
    const qint64 createMs = t.elapsed();
    const ClusterLayout& L = w->clusterCanvas()->layout();
    const qint64 layoutMs = t.elapsed() - createMs;
    w->clusterCanvas()->repaint();
    qInfo("create %lld ms, layout %lld ms", static_cast<long long>(createMs), static_cast<long long>(layoutMs));
    const qint64 blockMs = t.elapsed();
    qInfo("creating 9999x3 partitions, layout and paint: %lld ms", static_cast<long long>(blockMs));
    QCOMPARE(c->session()->sim().topic("enorme")->partitions.size(), std::size_t{9999});
    // Legible: every broker draws the strips that fit, none thinner than the minimum, all inside the
    // broker and above its summary row, which counts the rest.
    const Theme& th = w->clusterCanvas()->theme();
    QCOMPARE(L.brokers.size(), std::size_t{3});
    for (const auto& b : L.brokers) {
        QCOMPARE(b.replicas, 9999);
        QVERIFY(b.hiddenReplicas > 0);
        QVERIFY(!b.moreRect.isEmpty());
        QVERIFY(b.rect.contains(b.moreRect));
        int drawn = 0;
        double lastBottom = b.headerRect.bottom();
        for (const auto& st : L.strips) {
            if (st.broker != b.id) continue;
            ++drawn;
            QVERIFY(st.rect.height() >= th.px(ClusterLayout::kMinStripPx) - th.px(3) - 0.01);
            QVERIFY(st.rect.top() >= lastBottom - 0.01); // no overlap
            lastBottom = st.rect.bottom();
            QVERIFY(b.rect.contains(st.rect));
            QVERIFY(st.rect.bottom() <= b.moreRect.top());
            QVERIFY(!st.name.isEmpty());
        }
        QVERIFY(drawn >= 10);
        QCOMPARE(drawn + b.hiddenReplicas, b.replicas);
        QVERIFY(b.leaders > 3000); // counted over every replica, drawn or not
    }
    QVERIFY(!L.tipAt(L.brokers.front().moreRect.center()).isEmpty());
    // A small topic next to the huge one keeps all its strips ("aaa" sorts before "enorme": without
    // sharing the rows among topics, it would take them all or be pushed out of view).
    QVERIFY(c->createTopic("zz-pequeno", 3, 3, nullptr));
    QVERIFY(c->createTopic("aaa-grande", 2000, 3, nullptr));
    const ClusterLayout& L2 = w->clusterCanvas()->layout();
    int small = 0, enorme = 0, aaa = 0;
    for (const auto& st : L2.strips) {
        small += st.name.startsWith(QStringLiteral("zz-pequeno-"));
        enorme += st.name.startsWith(QStringLiteral("enorme-"));
        aaa += st.name.startsWith(QStringLiteral("aaa-grande-"));
    }
    QCOMPARE(small, 9); // 3 partitions x 3 replicas
    QVERIFY(enorme > 3 && aaa > 3);
    // A consumer of the huge topic: a bounded number of badges, then one "+ N more" chip, all inside the panel.
    const std::int32_t consumer = c->addConsumer("grupo-enorme", {"enorme"});
    c->runTo(c->time() + 10000);
    const ClusterLayout& L3 = w->clusterCanvas()->layout();
    const ConsumerItem* ci = L3.consumer(consumer);
    QVERIFY(ci);
    QCOMPARE(static_cast<int>(ci->partitions.size()), 9999); // every assignment listed (group panel)
    int drawnBadges = 0;
    for (const auto& b : ci->partitions) {
        if (b.hidden) continue;
        ++drawnBadges;
        QVERIFY(ci->rect.contains(b.rect));
    }
    QCOMPARE(drawnBadges, static_cast<int>(ConsumerItem::kMaxBadges));
    QCOMPARE(ci->hiddenBadges, 9999 - drawnBadges);
    QVERIFY(ci->rect.contains(ci->moreRect));
    QVERIFY(ci->rect.bottom() <= L3.size.height());
    // Later frames stay cheap: layout + paint of the whole view.
    t.restart();
    QImage image(w->clusterCanvas()->size(), QImage::Format_ARGB32_Premultiplied);
    for (int i = 0; i < 5; ++i) {
        QPainter painter(&image);
        w->clusterCanvas()->render(painter, w->clusterCanvas()->size()); // a fresh layout, then paint
    }
    const qint64 frameMs = t.elapsed() / 5;
    qInfo("frame with 29997 replicas: %lld ms", static_cast<long long>(frameMs));
}
