// Desktop app benchmarks (issue 3). Wall-clock timings live here, never in tests. Runs offscreen.
//   bench_app [all|coldstart|frame|fast|scrub|block|partitions|stream] [--events N]
//   coldstart  process start -> main window with a scenario painted for the first time (target <= 1 s)
//   frame      cluster view, 3 brokers x 24 partitions (RF 3) x ~10 000 records each, 20 consumers:
//              layout + paint of one frame at 1920x1080 while playing at 1x (target: median <= 8 ms)
//   fast       the same at 64x: simulation slice + layout + paint per frame (level of detail; 60 fps
//              means every frame within 16.7 ms)
//   scrub      jump to random moments of an N-event run (default 10 M) and paint (target <= 100 ms)
//   block      main window playing at 64x in the event loop: longest gap of a 1 ms timer = longest
//              UI-thread block (target <= 50 ms)
//   real-unreachable  main window in real mode (app/real) against a dead port and against a port that
//              accepts connections and never answers (a frozen broker), 8 s each, refreshing every second:
//              longest gap of a 1 ms timer = longest UI-thread block, then the time to go back to the
//              simulation and to close the window with the worker inside a request (target <= 50 ms);
//              also that block without the time the UI thread waited for a core (schedstat), and
//              [--runs N] repeats both cases N times and prints the median and max
//   partitions-frames [--frames N]  the UI thread's work per 64x frame with that topic, repeatable
//              (the simulation runs first, synchronously, and is not counted)
//   partitions a 9999-partition topic (RF 3) created in the big scenario at 1366x768: the creation's
//              UI block, then the longest UI block playing at 1x and 64x (target <= 50 ms)
//   create [--runs N]  only the creation of that topic, N times in fresh windows: the creation's own
//              UI-thread block and the longest of what it leaves to the next turns of the event loop
//              (observation, layout, paint), CPU, wall and wall less the wait for a core (what an idle
//              machine would take), median and max (target <= 50 ms wall)
//   journal [FILE]  a saved lab's journal of a day of cluster time restored as at start-up: replayed at
//              once (as before) and through LabPanel::loadLab in slices (longest UI block, target <= 50 ms)
//   stream     the stream view (app/stream) with a 1 M-event trace (4 partitions, parallelism 4, 50 keys,
//              out of order, tumble 10 s): the load; 300 frames (event-time picture + pipeline + watermark
//              plot, 1920x1080) playing at the fastest speed from the run's start, middle and end (target:
//              60 fps, every frame within 16.7 ms); 40 seeks to random moments forward and back (step +
//              frame, target <= 50 ms; UI CPU per part, page faults, wait for a core); the same seeks in the
//              key lanes (fold + paint, target <= 50 ms). [--ratio 2]: at device pixel ratio 2 (HiDPI);
//              [--frames-only]: the 300 frames only (no seeks: for valgrind --tool=callgrind
//              --toggle-collect='*Canvas::render*' with a smaller --events)
#include "app/cluster/clustercanvas.h"
#include "app/stream/keylanescanvas.h"
#include "app/stream/pipelinecanvas.h"
#include "app/stream/streamcanvas.h"
#include "app/stream/streamview.h"
#include "app/stream/watermarkplot.h"
#include "app/core/mainwindow.h"
#include "app/core/simulationcontroller.h"
#include "app/labs/labpanel.h"
#include "app/terminal/clihost.h"
#include "labs/session/session_journal.h"
#include "sim/scenario.h"
#include "sim/timeline.h"
#ifdef FLUXOLAB_HAVE_RDKAFKA
#include "app/real/realcontroller.h"
#include "app/real/realworker.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <map>
#include <memory>
#include <chrono>
#include <ctime>

#include <sys/resource.h>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace fluxolab;
using Clock = std::chrono::steady_clock;

namespace {

const auto g_processStart = Clock::now();

/// CPU time of the calling thread, in ms: on a loaded machine the wall-clock blocks below are
/// inflated by waiting for a core; the UI thread's own CPU time per block is what the code costs.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

/// Time the calling thread has waited for a core so far (runnable, not running), in ms, from
/// /proc/thread-self/schedstat (its second field); -1 when the kernel does not tell.
double threadRunQueueMs() {
    std::FILE* f = std::fopen("/proc/thread-self/schedstat", "r");
    if (!f) return -1;
    unsigned long long run = 0, wait = 0;
    const int n = std::fscanf(f, "%llu %llu", &run, &wait);
    std::fclose(f);
    return n == 2 ? static_cast<double>(wait) / 1e6 : -1;
}

/// The calling thread's page faults that waited for the disk, and its voluntary context switches
/// (it slept or waited for a lock or a file), from getrusage(RUSAGE_THREAD).
std::pair<long, long> threadWaits() {
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return {u.ru_majflt, u.ru_nvcsw};
}

/// The longest UI-thread block while it runs: the longest gap between two ticks of a 1 ms timer
/// (wall clock), and the most UI-thread CPU time spent between two ticks (robust on a loaded machine).
/// Where the kernel tells (schedstat), also the longest gap without the time the UI thread waited for
/// a core: what the UI thread itself did (ran, or waited for a lock, a file, a socket) - a loaded
/// machine's scheduling left out.
class BlockProbe {
public:
    BlockProbe() {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double wall = static_cast<double>(m_gap.nsecsElapsed()) / 1e6;
            const double cpu = threadCpuMs();
            const double queue = threadRunQueueMs();
            const auto waits = threadWaits();
            if (queue >= 0 && wall - (queue - m_queueMark) > worstOwnMs) {
                worstOwnMajorFaults = waits.first - m_waits.first;
                worstOwnSleeps = waits.second - m_waits.second;
                worstOwnAtMs = static_cast<double>(m_since.nsecsElapsed()) / 1e6;
            }
            if (wall > worstWallMs) {
                worstWallMs = wall;
                worstWallCpuMs = cpu - m_cpuMark;
                worstWallQueueMs = queue - m_queueMark;
            }
            worstCpuMs = std::max(worstCpuMs, cpu - m_cpuMark);
            if (queue >= 0) worstOwnMs = std::max(worstOwnMs, wall - (queue - m_queueMark));
            m_cpuMark = cpu;
            m_queueMark = queue;
            m_waits = waits;
            m_gap.restart();
        });
    }
    void start() {
        m_cpuMark = threadCpuMs();
        m_queueMark = threadRunQueueMs();
        m_waits = threadWaits();
        m_since.start();
        m_gap.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worstWallMs = 0, worstCpuMs = 0;
    double worstWallCpuMs = 0, worstWallQueueMs = 0; ///< the longest gap's CPU and wait for a core
    double worstOwnMs = 0;                            ///< the longest gap less its wait for a core
    long worstOwnMajorFaults = 0, worstOwnSleeps = 0;  ///< in that gap: page faults that read the disk, sleeps
    double worstOwnAtMs = 0;                           ///< when that gap ended, since start()

private:
    QTimer m_timer;
    QElapsedTimer m_gap;
    double m_cpuMark = 0;
    double m_queueMark = 0;
    std::pair<long, long> m_waits;
    QElapsedTimer m_since;
};

/// Runs the event loop for `ms` as the app does (exec: it sleeps while there is nothing to do).
void runEventLoopFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

/// The machine's load average over the last minute (-1: not known): the benches run on a shared machine.
double loadAverage() {
    double load = -1;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1) load = -1;
        std::fclose(f);
    }
    return load;
}

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Stats {
    double median = 0, p99 = 0, max = 0;
    std::size_t over = 0; ///< samples above the frame budget (16.7 ms)
};
Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    s.max = v.back();
    s.over = static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](double x) { return x > 1000.0 / 60.0; }));
    return s;
}

/// 3 brokers, one topic with 24 partitions (RF 3), 4000 keyed records/s (10 000 per partition after
/// 60 s), 20 consumers in one group.
sim::Scenario bigScenario(sim::TimeMs duration) {
    sim::Scenario s;
    s.name = "bench-app";
    s.duration_ms = duration;
    s.cluster.brokers = 3;
    s.cluster.defaults.log_retention_check_interval_ms = 3600000;
    sim::ScenarioTopic t;
    t.name = "encomendas";
    t.partitions = 24;
    t.replication_factor = 3;
    s.topics.push_back(t);
    for (int i = 0; i < 4; ++i) {
        sim::ScenarioProducer p;
        p.id = "loja-" + std::to_string(i + 1);
        p.config.client_id = p.id;
        p.topic = t.name;
        p.rate_per_sec = 1000;
        p.keys.count = 500;
        p.keys.prefix = "cliente-";
        s.producers.push_back(p);
    }
    for (int i = 0; i < 20; ++i) {
        sim::ScenarioConsumer c;
        c.id = "c" + std::to_string(i + 1);
        c.topics = {t.name};
        c.config.group_id = "faturacao";
        s.consumers.push_back(c);
    }
    return s;
}

double paintFrame(app::ClusterCanvas& view, QImage& image) {
    const auto t = Clock::now();
    QPainter p(&image);
    view.render(p, QSizeF(image.size()));
    p.end();
    return msSince(t);
}

void frame() {
    app::SimulationController c;
    c.load(bigScenario(300000), 1);
    c.runTo(60000);
    app::ClusterCanvas view(&c);
    view.resize(1920, 1080);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    std::size_t cells = 0, strips = 0;
    for (int i = 0; i < 240; ++i) { // 4 s of playback at 1x
        c.advance(1000.0 / 60.0);
        ms.push_back(paintFrame(view, image));
        if (i == 0) {
            const auto L = app::ClusterLayoutBuilder::build(c, QSizeF(1920, 1080), view.theme());
            strips = L.strips.size();
            for (const auto& s : L.strips) cells += s.cells.size();
        }
    }
    // The two halves of a frame, separately.
    std::vector<double> layoutMs, paintOnlyMs;
    for (int i = 0; i < 60; ++i) {
        auto t = Clock::now();
        const auto L = app::ClusterLayoutBuilder::build(c, QSizeF(1920, 1080), view.theme());
        layoutMs.push_back(msSince(t));
        (void)view.layout();
        t = Clock::now();
        QPainter p(&image);
        view.render(p, QSizeF(image.size()));
        p.end();
        paintOnlyMs.push_back(msSince(t) - layoutMs.back());
    }
    sim::Offset leo = 0;
    for (const auto& [tp, p] : c.timeline().view().partitions) leo = std::max(leo, p.leaderLeo());
    std::printf("frame: of which layout (what is drawn where) median %.2f ms, painting median %.2f ms\n", stats(layoutMs).median,
                stats(paintOnlyMs).median);
    const Stats s = stats(ms);
    std::printf("frame: 1920x1080, %zu replica strips, %zu cells drawn, max LEO %lld, %zu consumers, %zu journal events\n", strips,
                cells, static_cast<long long>(leo), c.timeline().view().consumers.size(), c.eventCount());
    std::printf("frame: layout + paint at 1x: median %.2f ms, p99 %.2f ms, max %.2f ms (target: median <= 8 ms)\n", s.median, s.p99,
                s.max);
}

void fast() {
    app::SimulationController c;
    c.load(bigScenario(600000), 1);
    c.runTo(60000);
    c.setSpeed(64);
    app::ClusterCanvas view(&c);
    view.resize(1920, 1080);
    view.show(); // a visible view builds its layout as soon as the cursor moves, as in the app
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> total, paint, step;
    std::size_t flights = 0, records = 0;
    const sim::TimeMs from = c.time();
    for (int i = 0; i < 300; ++i) { // 300 frames back to back, as the playback timer drives them
        const auto t = Clock::now();
        const sim::TimeMs before = c.time();
        c.advance(1000.0 / 60.0, true); // the next slice is simulated on the worker while this frame paints
        step.push_back(static_cast<double>(c.time() - before));
        const auto p0 = Clock::now();
        QPainter painter(&image);
        view.paintCurrent(painter);
        painter.end();
        paint.push_back(msSince(p0));
        total.push_back(msSince(t));
        const auto& L = view.layout();
        flights += L.flights.size();
        for (const auto& f : L.flights) records += static_cast<std::size_t>(f.count);
    }
    c.settle();
    const Stats t = stats(total), p = stats(paint), v = stats(step);
    std::printf("fast: 64x, 300 frames (%.0f s virtual): one frame (wait for the previous background slice, fold it in, layout, "
                "paint): median %.2f ms, p99 %.2f ms, max %.2f ms; %zu of 300 frames over 16.7 ms\n",
                static_cast<double>(c.time() - from) / 1000.0, t.median, t.p99, t.max, t.over);
    std::printf("fast: virtual time per frame: median %.0f ms (64x of 16.7 ms = 1067 ms); paint only: median %.2f ms, max %.2f ms; "
                "%.1f moving batches per frame carrying %.0f records (level of detail: one batch per producer and partition)\n",
                v.median, p.median, p.max, static_cast<double>(flights) / 300.0, static_cast<double>(records) / 300.0);
}

void scrub(std::size_t events) {
    sim::Scenario s = bigScenario(100000000);
    for (auto& c : s.consumers) c.config.poll_interval_ms = 5;
    app::SimulationController c;
    c.load(s, 1);
    const auto build = Clock::now();
    sim::TimeMs t = 0;
    while (c.eventCount() < events) {
        t += 10000;
        c.runTo(t);
    }
    const double buildS = msSince(build) / 1000.0;
    app::ClusterCanvas view(&c);
    view.resize(1920, 1080);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    std::uint64_t x = 99;
    for (int i = 0; i < 100; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::size_t target = static_cast<std::size_t>((x >> 11) % (c.eventCount() + 1));
        const auto start = Clock::now();
        c.seek(target);
        paintFrame(view, image);
        ms.push_back(msSince(start));
        if (c.cursor() != target) {
            std::printf("scrub: wrong position\n");
            return;
        }
    }
    const Stats st = stats(ms);
    std::printf("scrub: %zu-event run (%.0f s virtual, simulated in %.1f s): seek + layout + paint of a random moment: median %.2f "
                "ms, p99 %.2f ms, max %.2f ms (target <= 100 ms)\n",
                c.eventCount(), static_cast<double>(c.time()) / 1000.0, buildS, st.median, st.p99, st.max);
}

/// Times every event the UI thread handles (outermost dispatch only), to name what blocks it.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    struct Slow {
        double ms;
        std::string what;
    };
    std::vector<Slow> slowest;
    bool recording = false;
    bool notify(QObject* receiver, QEvent* event) override {
        if (!recording || m_depth > 0) return QApplication::notify(receiver, event);
        ++m_depth;
        const auto t = Clock::now();
        const bool r = QApplication::notify(receiver, event);
        const double ms = msSince(t);
        --m_depth;
        if (ms > 20) {
            slowest.push_back({ms, std::string(receiver->metaObject()->className()) + " event " + std::to_string(event->type())});
            std::sort(slowest.begin(), slowest.end(), [](const Slow& a, const Slow& b) { return a.ms > b.ms; });
            if (slowest.size() > 5) slowest.resize(5);
        }
        return r;
    }

private:
    int m_depth = 0;
};

void block() {
    app::MainWindow w;
    w.resize(1920, 1080);
    w.show();
    app::SimulationController* c = w.controller();
    c->load(bigScenario(600000), 1);
    c->runTo(60000);
    c->setSpeed(64);
    QApplication::processEvents();
    BlockProbe probe;
    QElapsedTimer wall;
    wall.start();
    probe.start();
    c->resetWorkerWaits();
    c->setPlaying(true);
    const sim::TimeMs from = c->time();
    // Frames actually shown: paint events of the cluster view.
    struct PaintCounter : QObject {
        int paints = 0;
        std::vector<double> gaps; ///< ms between consecutive painted frames
        Clock::time_point last{};
        bool eventFilter(QObject* o, QEvent* e) override {
            if (e->type() == QEvent::Paint) {
                const auto now = Clock::now();
                if (paints++ > 0) gaps.push_back(std::chrono::duration<double, std::milli>(now - last).count());
                last = now;
            }
            return QObject::eventFilter(o, e);
        }
    } counter;
    w.clusterCanvas()->installEventFilter(&counter);
    auto* timed = dynamic_cast<TimedApplication*>(QCoreApplication::instance());
    if (timed) timed->recording = true;
    while (wall.elapsed() < 5000 && c->isPlaying()) QApplication::processEvents(QEventLoop::AllEvents, 5);
    if (timed) timed->recording = false;
    c->setPlaying(false);
    if (timed)
        for (const auto& s : timed->slowest) std::printf("block: slow event: %.1f ms in %s\n", s.ms, s.what.c_str());
    const double wallS = static_cast<double>(wall.elapsed()) / 1000.0;
    const double virtS = static_cast<double>(c->time() - from) / 1000.0;
    std::printf("block: main window 1920x1080 playing at 64x for %.1f s of wall time: %.0f s virtual (%.1fx), %d frames painted "
                "(%.1f fps); longest UI-thread block %.1f ms wall, %.1f ms UI-thread CPU (target <= 50 ms); longest wait for "
                "the worker %.1f ms\n",
                wallS, virtS, virtS / wallS, counter.paints, counter.paints / wallS, probe.worstWallMs, probe.worstCpuMs,
                c->longestWorkerWaitMs());
    const Stats g = stats(counter.gaps);
    const auto late = std::count_if(counter.gaps.begin(), counter.gaps.end(), [](double x) { return x > 2 * 1000.0 / 60.0; });
    std::printf("block: time between painted frames: median %.1f ms, p99 %.1f ms, max %.1f ms; %lld of %zu gaps longer than two "
                "60 Hz frames (33 ms)\n",
                g.median, g.p99, g.max, static_cast<long long>(late), counter.gaps.size());
}

/// The largest topic Kafka accepts (9999 partitions, RF 3) added to the big scenario from the
/// "Create topic" path at 1366x768: the UI-thread block of the creation, then the longest block
/// while playing at 1x and at 64x (target <= 50 ms each).
void partitions() {
    app::MainWindow w;
    w.resize(1366, 768);
    w.show();
    app::SimulationController* c = w.controller();
    c->load(bigScenario(600000), 1);
    c->runTo(20000);
    QApplication::processEvents();
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs();
    QString error;
    const bool ok = c->createTopic("grande", sim::maxPartitionsForNewTopic(0), 3, &error);
    const double cpuCreated = threadCpuMs();
    w.clusterCanvas()->repaint();
    const double createMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    std::printf("partitions: created 9999x3 (%s): UI block %.1f ms wall, %.1f ms UI-thread CPU (creation %.1f + layout and "
                "paint %.1f)\n",
                ok ? "ok" : "failed", createMs, threadCpuMs() - cpu0, cpuCreated - cpu0, threadCpuMs() - cpuCreated);
    for (const double speed : {1.0, 64.0}) {
        c->setSpeed(speed);
        BlockProbe probe;
        QElapsedTimer wall;
        wall.start();
        probe.start();
        const sim::TimeMs from = c->time();
        // What a click or a typed command does mid-slice: it needs the simulation now (settle()),
        // so the UI thread waits for the worker to stop after its current small slice.
        QTimer input;
        input.setInterval(97);
        QObject::connect(&input, &QTimer::timeout, [c] { c->settle(); });
        c->resetWorkerWaits();
        c->setPlaying(true);
        input.start();
        while (wall.elapsed() < 3000 && c->isPlaying()) QApplication::processEvents(QEventLoop::AllEvents, 5);
        input.stop();
        c->setPlaying(false);
        probe.stop();
        std::printf("partitions: playing at %.0fx for 3 s: %.1f s virtual; longest UI-thread block %.1f ms wall, %.1f ms "
                    "UI-thread CPU (target <= 50 ms); longest wait for the worker (an input every 97 ms) %.1f ms, "
                    "%llu simulation events (%llu of the inputs found it busy)\n",
                    speed, static_cast<double>(c->time() - from) / 1000.0, probe.worstWallMs, probe.worstCpuMs,
                    c->longestWorkerWaitMs(), static_cast<unsigned long long>(c->longestWorkerWaitEvents()),
                    static_cast<unsigned long long>(c->workerWaits()));
    }
}

/// The UI thread's share of a 64x frame with the 9999x3 topic, made repeatable (for callgrind and a
/// loaded machine): 60 frames, each simulating the 64x slice synchronously (runTo: no wall-clock
/// budget), then what a frame does on the UI thread (fold into the timeline and the plots, the
/// observation, the layout, the paint). Prints the UI-thread CPU per frame without the simulation.
/// One frame's UI-thread work (not inlined: `valgrind --tool=callgrind --toggle-collect='*uiFrame*'`
/// counts only this).
[[gnu::noinline]] void uiFrame(app::MainWindow& w) {
    w.controller()->simulationChangedExternally(); // folds the new events into the timeline, the plots and the view
    w.clusterCanvas()->repaint();
}

void partitionsFrames(int count) {
    app::MainWindow w;
    w.resize(1366, 768);
    w.show();
    app::SimulationController* c = w.controller();
    c->load(bigScenario(600000), 1);
    c->runTo(20000);
    QString error;
    c->createTopic("grande", sim::maxPartitionsForNewTopic(0), 3, &error);
    c->setSpeed(64);
    w.clusterCanvas()->repaint();
    QApplication::processEvents();
    std::vector<double> frames, events;
    for (int i = 0; i < count; ++i) {
        const sim::TimeMs target = c->time() + 64 * 1000 / 60;
        // The simulation itself (on the worker thread while playing) is left out of the count.
        c->session()->runUntil(target);
        const std::size_t before = c->eventCount();
        const double cpu0 = threadCpuMs();
        uiFrame(w);
        frames.push_back(threadCpuMs() - cpu0);
        events.push_back(static_cast<double>(c->eventCount() - before));
    }
    const Stats s = stats(frames), e = stats(events);
    // The events a frame folds (a count of them once decided where ClusterCanvas built its layout).
    std::printf("partitions-frames: %d frames at 64x, UI-thread CPU per frame without the simulation: median %.1f ms, "
                "max %.1f ms (%.1f s virtual); events folded per frame median %.0f, max %.0f; load average %.2f\n",
                count, s.median, s.max, static_cast<double>(c->time()) / 1000.0, e.median, e.max, loadAverage());
}

/// The creation of the 9999x3 topic alone, as the "Create topic" dialog does it: the controller's
/// createTopic, the views told (changed()), the paint left to the event loop (not inlined:
/// `valgrind --tool=callgrind --toggle-collect='*createBigTopic*' build/bench/bench_app create`
/// counts only this; `--toggle-collect='*ClusterCanvas::paintEvent*'` the paint after it).
[[gnu::noinline]] bool createBigTopic(app::MainWindow& w) {
    QString error;
    const bool ok = w.controller()->createTopic("grande", sim::maxPartitionsForNewTopic(0), 3, &error);
    w.clusterCanvas()->update();
    return ok;
}

/// The UI-thread blocks of creating the 9999x3 topic in the big scenario at 1366x768, `runs` times in
/// fresh windows: the creation's own block (the createTopic call: the simulation, the timeline, the
/// views told) and the longest of what it leaves to later turns of the event loop (the observation,
/// the layout, the paint), each as UI-thread CPU, wall time, and wall time less the time the UI
/// thread waited for a core (schedstat: what the block would take on an idle machine), median and
/// max (target <= 50 ms wall).
void createRuns(int runs) {
    std::vector<double> callCpu, callWall, callOwn, laterCpu, laterWall, laterOwn;
    for (int i = 0; i < runs; ++i) {
        app::MainWindow w;
        w.resize(1366, 768);
        w.show();
        app::SimulationController* c = w.controller();
        c->load(bigScenario(600000), 1);
        c->runTo(20000);
        w.clusterCanvas()->repaint();
        QApplication::processEvents();
        const double cpu0 = threadCpuMs(), queue0 = threadRunQueueMs();
        QElapsedTimer t;
        t.start();
        if (!createBigTopic(w)) std::printf("create: failed\n");
        const double wall = static_cast<double>(t.nsecsElapsed()) / 1e6;
        callCpu.push_back(threadCpuMs() - cpu0);
        callWall.push_back(wall);
        callOwn.push_back(queue0 >= 0 ? wall - (threadRunQueueMs() - queue0) : wall);
        BlockProbe probe; // from the creation's return: the blocks it left for later
        probe.start();
        runEventLoopFor(300);
        probe.stop();
        if (w.clusterCanvas()->layoutPending()) std::printf("create: the view was not painted\n");
        laterCpu.push_back(probe.worstCpuMs);
        laterWall.push_back(probe.worstWallMs);
        laterOwn.push_back(probe.worstOwnMs > 0 ? probe.worstOwnMs : probe.worstWallMs);
    }
    auto line = [](const char* what, const std::vector<double>& cpu, const std::vector<double>& wall, const std::vector<double>& own) {
        const Stats u = stats(cpu), w = stats(wall), o = stats(own);
        std::printf("create:   %s: CPU median %.1f ms, max %.1f ms; wall median %.1f ms, max %.1f ms; wall less the wait for a "
                    "core median %.1f ms, max %.1f ms\n",
                    what, u.median, u.max, w.median, w.max, o.median, o.max);
    };
    std::printf("create: 9999x3 topic, %d runs (target: every UI-thread block <= 50 ms wall); load average %.2f\n", runs,
                loadAverage());
    line("the creation's block (createTopic, the views told)", callCpu, callWall, callOwn);
    line("the longest block after it (observation, layout, paint)", laterCpu, laterWall, laterOwn);
}

/// A saved lab whose journal covers a day of cluster time (three console consumers left running:
/// tests/fuzz/corpus/fuzz_session_journal/slow-day-of-ticks-three-consumers.json, or FILE) restored as
/// at start-up: first replayed at once, as loadLab did before (the UI thread blocked for all of it),
/// then through LabPanel::loadLab, in slices: the longest UI-thread block while it replays (target
/// <= 50 ms) and how long the whole replay takes.
void journalReplay(const std::string& file) {
    QFile f(QString::fromStdString(file));
    if (!f.open(QIODevice::ReadOnly)) {
        std::printf("journal: cannot read %s\n", file.c_str());
        return;
    }
    const QByteArray text = f.readAll();
    std::string error;
    const auto journal = labs::SessionJournal::fromJson(text.toStdString(), &error);
    if (!journal) {
        std::printf("journal: %s: %s\n", file.c_str(), error.c_str());
        return;
    }
    QTemporaryDir settings; // the bench does not touch the user's saved labs
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    const QString lab = QString::fromStdString(journal->lab);
    {
        app::MainWindow w;
        w.resize(1366, 768);
        w.show();
        if (!w.labPanel()->loadLab(lab)) {
            std::printf("journal: lab %s cannot be loaded\n", journal->lab.c_str());
            return;
        }
        QApplication::processEvents();
        const double cpu0 = threadCpuMs();
        QElapsedTimer t;
        t.start();
        w.cliHost()->replay(*journal);
        std::printf("journal: %s replayed at once (as before): UI thread blocked %.1f ms wall, %.1f ms CPU; cluster time %.1f h\n",
                    file.c_str(), static_cast<double>(t.nsecsElapsed()) / 1e6, threadCpuMs() - cpu0,
                    static_cast<double>(w.controller()->session()->sim().now()) / 3.6e6);
    }
    QSettings().setValue(app::LabPanel::journalKey(lab), QString::fromUtf8(text));
    app::MainWindow w;
    w.resize(1366, 768);
    w.show();
    QApplication::processEvents();
    BlockProbe probe;
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs();
    probe.start();
    w.labPanel()->loadLab(lab);
    const double loadMs = static_cast<double>(t.nsecsElapsed()) / 1e6, loadCpu = threadCpuMs() - cpu0;
    int slices = 0;
    while (w.cliHost()->isReplaying()) {
        QApplication::processEvents(QEventLoop::AllEvents, 5);
        ++slices;
    }
    probe.stop();
    std::printf("journal: restored through loadLab in slices: loadLab returned after %.1f ms wall (%.1f ms CPU), the replay took "
                "%.2f s over %d event-loop turns; longest UI-thread block %.1f ms wall, %.1f ms UI-thread CPU (target <= 50 ms); "
                "cluster time %.1f h\n",
                loadMs, loadCpu, static_cast<double>(t.elapsed()) / 1000.0, slices, probe.worstWallMs, probe.worstCpuMs,
                static_cast<double>(w.controller()->session()->sim().now()) / 3.6e6);
}

#ifdef FLUXOLAB_HAVE_RDKAFKA
/// A loopback port that accepts connections (kernel backlog) and never answers; 0 on failure.
int silentPort(int* fd) {
    *fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (*fd < 0 || ::bind(*fd, reinterpret_cast<sockaddr*>(&a), len) != 0 || ::listen(*fd, 64) != 0 ||
        ::getsockname(*fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
        return 0;
    return ntohs(a.sin_port);
}

void realUnreachable(int runs) {
    int fd = -1;
    const int silent = silentPort(&fd);
    std::map<std::string, std::vector<double>> wallOf, ownOf, cpuOf;
    for (int run = 0; run < runs; ++run)
    for (const std::string& bootstrap : {std::string("127.0.0.1:1"), "127.0.0.1:" + std::to_string(silent)}) {
        auto window = std::make_unique<app::MainWindow>();
        app::MainWindow& w = *window;
        w.resize(1920, 1080);
        w.show();
        QApplication::processEvents();
        labs::RdKafkaConnection c;
        c.bootstrap_servers = bootstrap;
        c.request_timeout_ms = 5000;
        BlockProbe probe;
        probe.start();
        w.realMode()->connectTo(c, 1000);
        // The app's event loop (it sleeps between events; a processEvents() loop would keep the UI
        // thread always runnable, and a loaded machine's scheduler then preempts it as a CPU hog).
        runEventLoopFor(8000);
        const int refreshes = w.realMode()->refreshes();
        const qint64 started = w.realMode()->refreshesStarted();
        const QString status = w.realMode()->statusText();
        // Back to the simulation while the workers may be inside a request.
        QElapsedTimer back;
        back.start();
        w.realMode()->showSimulation();
        const double backMs = static_cast<double>(back.nsecsElapsed()) / 1e6;
        // Connected again and the window closed at once, the worker inside its first request: nothing
        // waits for it on the UI thread (ThreadReaper ends it).
        w.realMode()->connectTo(c, 1000);
        runEventLoopFor(500);
        probe.stop();
        QElapsedTimer closing;
        closing.start();
        window.reset();
        const double closeMs = static_cast<double>(closing.nsecsElapsed()) / 1e6;
        const int stillRunning = app::ThreadReaper::instance().pending();
        const char* kind = bootstrap == "127.0.0.1:1" ? "dead port" : "silent port";
        std::printf("real-unreachable: %s (%s): %lld refreshes started, %d answered 'no connection' in 8 s, status \"%s\"; "
                    "longest UI-thread block %.1f ms wall (%.1f ms of it UI-thread CPU, %.1f ms waiting for a core), "
                    "longest without the wait for a core %.1f ms (ended at %.0f ms; %ld sleeps, %ld page faults that read the disk), "
                    "most UI-thread CPU between two ticks %.1f ms; "
                    "switch back to the simulation %.1f ms, close the window %.1f ms with %d worker threads still in a request "
                    "(target <= 50 ms)\n",
                    bootstrap.c_str(), kind, static_cast<long long>(started), refreshes, qPrintable(status), probe.worstWallMs,
                    probe.worstWallCpuMs, probe.worstWallQueueMs, probe.worstOwnMs, probe.worstOwnAtMs,
                    probe.worstOwnSleeps, probe.worstOwnMajorFaults, probe.worstCpuMs, backMs, closeMs, stillRunning);
        std::fflush(stdout);
        wallOf[kind].push_back(probe.worstWallMs);
        ownOf[kind].push_back(probe.worstOwnMs);
        cpuOf[kind].push_back(probe.worstCpuMs);
        app::ThreadReaper::instance().drain(30000); // off the measurement: the next case starts clean
    }
    if (runs > 1)
        for (const auto& [kind, walls] : wallOf) {
            const Stats w = stats(walls), o = stats(ownOf[kind]), u = stats(cpuOf[kind]);
            std::printf("real-unreachable: %s, %d runs: longest UI-thread block median %.1f ms, max %.1f ms wall; "
                        "without the wait for a core median %.1f ms, max %.1f ms; UI-thread CPU max %.1f ms (target <= 50 ms)\n",
                        kind.c_str(), runs, w.median, w.max, o.median, o.max, u.max);
        }
    if (fd >= 0) ::close(fd);
}
#endif

void coldstart() {
    // The QApplication exists already (created first thing in main); measured from process start.
    app::MainWindow w;
    w.resize(1600, 900);
    w.show();
    if (!w.openScenario(QStringLiteral("rebalance-basico"), false)) {
        std::printf("coldstart: scenario not found (set FLUXOLAB_ASSETS)\n");
        return;
    }
    const QImage first = w.grab().toImage(); // forces the first complete paint
    std::printf("coldstart: process start -> main window with rebalance-basico painted (%dx%d): %.0f ms (target <= 1000 ms)\n",
                first.width(), first.height(), msSince(g_processStart));
}

} // namespace

void streamFrames(std::size_t events, double ratio, bool framesOnly) {
    // The trace: event time 10 ms apart, out of order by up to 3 s, 50 keys, 4 partitions.
    const QString path = QDir::temp().filePath(QStringLiteral("fluxolab-bench-stream.csv"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return;
        std::string text = "ts,key,partition\n";
        std::uint64_t x = 42;
        for (std::size_t i = 0; i < events; ++i) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            const std::int64_t ts = 1773475200000 + static_cast<std::int64_t>(i) * 10 - static_cast<std::int64_t>((x >> 33) % 3000);
            text += std::to_string(ts) + ",k" + std::to_string((x >> 20) % 50) + "," + std::to_string(i % 4) + "\n";
            if (text.size() > (1u << 20)) {
                f.write(text.data(), static_cast<qint64>(text.size()));
                text.clear();
            }
        }
        f.write(text.data(), static_cast<qint64>(text.size()));
    }
    stream_observe::RunOptions o;
    o.trace.timeField = "ts";
    o.trace.keyField = "key";
    o.trace.partitionField = "partition";
    o.job.watermark.bound = 3000;
    o.job.watermark.perEvent = true;
    o.job.window.size = 10000;
    o.job.parallelism = 4;
    app::StreamView view;
    view.resize(1920, 1080);
    const auto t0 = Clock::now();
    QString error;
    if (!view.loadNow(path, o, &error)) {
        std::printf("stream: load failed: %s\n", qUtf8Printable(error));
        return;
    }
    std::printf("stream: %zu events loaded in %.0f ms\n", view.observation()->elements.size(), msSince(t0));
    // At `ratio` device pixels per pixel (--ratio 2: a 2x screen), the same logical 1920x1080.
    const auto image = [ratio](int w, int h) {
        QImage img(QSize(w, h) * ratio, QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(ratio);
        return img;
    };
    QImage canvas = image(1920, 700), below = image(1920, 300), lanes = image(1920, 300);
    const std::uint64_t last = view.observation()->lastStep();
    // One frame as the view paints it: the event-time picture, the pipeline and the watermark plot.
    const auto paint = [&] {
        QPainter p(&canvas);
        view.canvas()->render(p, canvas.deviceIndependentSize());
        p.end();
        QPainter q(&below);
        view.pipeline()->render(q, below.deviceIndependentSize());
        view.watermarkPlot()->render(q, below.deviceIndependentSize());
        q.end();
    };
    double load1 = 0;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load1) != 1) load1 = 0;
        std::fclose(f);
    }
    // Playing at the fastest speed (500x: 2000 events/s, 80 events per 40 ms tick), 100 consecutive
    // frames from each of three places of the run (its start, middle and end); the first frame of each
    // place is a jump there (a seek, counted below, not here).
    std::vector<double> wall, cpu, cpuCanvas, cpuPipeline, cpuPlot;
    const std::uint64_t stillBefore = view.canvas()->stillRebuilds(), pipelineBefore = view.pipeline()->layerRebuilds();
    for (const std::uint64_t from : {std::uint64_t{100}, last / 2, last - 8100}) {
        view.setStep(from);
        paint();
        for (int i = 1; i <= 100; ++i) {
            const auto t = Clock::now();
            const double c0 = threadCpuMs();
            view.setStep(from + 80 * static_cast<std::uint64_t>(i));
            paint();
            wall.push_back(msSince(t));
            cpu.push_back(threadCpuMs() - c0);
        }
        // Where a frame's CPU goes (the same frames again, part by part, after the measured ones).
        for (int i = 101; i <= 120; ++i) {
            view.setStep(from + 80 * static_cast<std::uint64_t>(i));
            double c0 = threadCpuMs();
            QPainter p(&canvas);
            view.canvas()->render(p, canvas.deviceIndependentSize());
            p.end();
            double c1 = threadCpuMs();
            cpuCanvas.push_back(c1 - c0);
            QPainter q(&below);
            view.pipeline()->render(q, below.deviceIndependentSize());
            c0 = threadCpuMs();
            cpuPipeline.push_back(c0 - c1);
            view.watermarkPlot()->render(q, below.deviceIndependentSize());
            q.end();
            cpuPlot.push_back(threadCpuMs() - c0);
        }
    }
    const Stats w = stats(wall), c = stats(cpu);
    std::printf("stream: kept images drawn again while playing (3 jumps included): picture's still layers %llu, "
                "pipeline's %llu\n",
                static_cast<unsigned long long>(view.canvas()->stillRebuilds() - stillBefore),
                static_cast<unsigned long long>(view.pipeline()->layerRebuilds() - pipelineBefore));
    std::printf("stream: playing at 500x (80 events per frame), %zu events, 1920x1080 (picture + pipeline + plot), "
                "%zu frames: wall median %.2f ms, p99 %.2f ms, max %.2f ms, %zu over 16.7 ms; UI CPU median %.2f ms, "
                "p99 %.2f ms, max %.2f ms, %zu over 16.7 ms (load average %.1f on %d cores: the machine is shared)\n",
                events, wall.size(), w.median, w.p99, w.max, w.over, c.median, c.p99, c.max, c.over, load1,
                static_cast<int>(std::thread::hardware_concurrency()));
    std::printf("stream: UI CPU median / max per part: picture %.2f / %.2f ms, pipeline %.2f / %.2f ms, watermark plot "
                "%.2f / %.2f ms\n",
                stats(cpuCanvas).median, stats(cpuCanvas).max, stats(cpuPipeline).median, stats(cpuPipeline).max,
                stats(cpuPlot).median, stats(cpuPlot).max);
    if (framesOnly) {
        QFile::remove(path);
        return;
    }
    // Seeking: 40 random moments of the run, alternately forward and back (a scrub, a click far back):
    // the step set and the frame painted.
    std::vector<double> seekWall, seekCpu, backWall, backCpu;
    std::uint64_t x = 7;
    std::uint64_t at = last / 2;
    // Move i of a seek sequence: even, somewhere after the cursor `at`; odd, somewhere before it.
    const auto seekTarget = [&x, last](int i, std::uint64_t at) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t r = (x >> 24) % last;
        return i % 2 == 0 ? at + (r % std::max<std::uint64_t>(1, last - at)) : r % std::max<std::uint64_t>(1, at);
    };
    // Where a seek's time goes: the step set (the views' folds), the picture, the pipeline and the plot
    // (UI CPU), and the page faults it took (new memory touched).
    std::vector<double> seekStep, seekPicture, seekPipeline, seekPlot, seekFaults, seekQueue;
    const auto minorFaults = [] {
        rusage u{};
        getrusage(RUSAGE_THREAD, &u);
        return static_cast<double>(u.ru_minflt + u.ru_majflt);
    };
    for (int i = 0; i < 40; ++i) {
        const std::uint64_t target = seekTarget(i, at);
        const double f0 = minorFaults();
        const double q0 = threadRunQueueMs();
        const auto t = Clock::now();
        const double c0 = threadCpuMs();
        view.setStep(target);
        const double c1 = threadCpuMs();
        QPainter p(&canvas);
        view.canvas()->render(p, canvas.deviceIndependentSize());
        p.end();
        const double c2 = threadCpuMs();
        QPainter q(&below);
        view.pipeline()->render(q, below.deviceIndependentSize());
        const double c3 = threadCpuMs();
        view.watermarkPlot()->render(q, below.deviceIndependentSize());
        q.end();
        const double c4 = threadCpuMs();
        seekWall.push_back(msSince(t));
        seekCpu.push_back(c4 - c0);
        seekStep.push_back(c1 - c0);
        seekPicture.push_back(c2 - c1);
        seekPipeline.push_back(c3 - c2);
        seekPlot.push_back(c4 - c3);
        seekFaults.push_back(minorFaults() - f0);
        seekQueue.push_back(threadRunQueueMs() - q0);
        at = target;
    }
    const Stats sw = stats(seekWall), sc = stats(seekCpu);
    std::printf("stream: seek to 40 random moments (forward and back), step + frame: wall median %.1f ms, p99 %.1f ms, "
                "max %.1f ms; UI CPU median %.1f ms, p99 %.1f ms, max %.1f ms (target <= 50 ms)\n",
                sw.median, sw.p99, sw.max, sc.median, sc.p99, sc.max);
    std::printf("stream: seek UI CPU median / max per part: step %.1f / %.1f ms, picture %.1f / %.1f ms, pipeline "
                "%.1f / %.1f ms, watermark plot %.1f / %.1f ms; page faults per seek median %.0f, max %.0f; "
                "waiting for a core (schedstat) median %.1f ms, max %.1f ms\n",
                stats(seekStep).median, stats(seekStep).max, stats(seekPicture).median, stats(seekPicture).max,
                stats(seekPipeline).median, stats(seekPipeline).max, stats(seekPlot).median, stats(seekPlot).max,
                stats(seekFaults).median, stats(seekFaults).max, stats(seekQueue).median, stats(seekQueue).max);
    // The key lanes ("Keys: state and timers") seeking to the same kind of moments: the fold to the step
    // and the lanes painted.
    view.showDetailsTab(3);
    at = last / 2;
    for (int i = 0; i < 40; ++i) {
        const std::uint64_t target = seekTarget(i, at);
        const auto t = Clock::now();
        const double c0 = threadCpuMs();
        view.setStep(target);
        QPainter p(&lanes);
        view.keyLanes()->render(p, lanes.deviceIndependentSize());
        p.end();
        backWall.push_back(msSince(t));
        backCpu.push_back(threadCpuMs() - c0);
        at = target;
    }
    const Stats kw = stats(backWall), kc = stats(backCpu);
    std::printf("stream: key lanes, seek to 40 random moments (forward and back), fold + paint: wall median %.1f ms, "
                "max %.1f ms; UI CPU median %.1f ms, max %.1f ms (target <= 50 ms)\n",
                kw.median, kw.max, kc.median, kc.max);
    QFile::remove(path);
}

/// Counts the paint and timer events the application delivers (to every object) while it is idle.
class EventCounter final : public QObject {
public:
    int paints = 0, timers = 0;
    std::map<std::string, int> timerReceivers;

protected:
    bool eventFilter(QObject* o, QEvent* e) override {
        if (e->type() == QEvent::Paint) ++paints;
        if (e->type() == QEvent::Timer) {
            ++timers;
            ++timerReceivers[o->metaObject()->className()];
        }
        return false;
    }
};

double processCpuMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

/// The stream view paused, in front of the main window (lab 6's run: the inactivity alert), for `seconds`:
/// the CPU the process uses, the paints and the timer events while nothing plays. Then the same
/// with the stream view playing, for comparison.
void streamIdle(int seconds) {
    app::MainWindow w;
    w.resize(1920, 1080);
    w.show();
    const QStringList args{QStringLiteral(FLUXOLAB_SOURCE_DIR "/assets/traces/atividade_app.csv"), QStringLiteral("--key"),
                           QStringLiteral("utilizador"), QStringLiteral("--arrival-field"), QStringLiteral("arrival"),
                           QStringLiteral("--process"), QStringLiteral("inactivity:10s")};
    if (!w.streamView()->loadReplay(args, QString())) {
        std::printf("stream-idle: load failed: %s\n", qUtf8Printable(w.streamView()->lastError()));
        return;
    }
    w.setView(app::MainWindow::View::Stream);
    w.streamView()->setStep(9);
    runEventLoopFor(1000); // first paints, layouts
    for (const bool playing : {false, true}) {
        if (playing) w.streamView()->setPlaying(true);
        EventCounter counter;
        qApp->installEventFilter(&counter);
        const double cpu0 = processCpuMs();
        const auto t0 = Clock::now();
        runEventLoopFor(seconds * 1000);
        const double cpu = processCpuMs() - cpu0, wall = msSince(t0);
        qApp->removeEventFilter(&counter);
        std::string receivers;
        for (const auto& [name, n] : counter.timerReceivers)
            receivers += " " + name + "=" + std::to_string(n);
        std::printf("stream-idle: %s %.0f ms wall: CPU %.1f ms (%.2f %% of a core), %d paint events, %d timer events%s "
                    "(load %.1f)\n",
                    playing ? "playing" : "paused ", wall, cpu, 100.0 * cpu / wall, counter.paints, counter.timers,
                    receivers.c_str(), loadAverage());
        if (playing) w.streamView()->setPlaying(false);
    }
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    const std::string mode = argc > 1 ? argv[1] : "all";
    std::size_t events = 10000000;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--events") == 0) events = std::stoull(argv[i + 1]);
    int frames = 60;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--frames") == 0) frames = std::stoi(argv[i + 1]);
    const bool all = mode == "all";
    if (all || mode == "coldstart") coldstart();
    if (all || mode == "frame") frame();
    if (all || mode == "fast") fast();
    if (all || mode == "block") block();
    if (all || mode == "scrub") scrub(events);
    if (all || mode == "partitions") partitions();
    if (all || mode == "stream") {
        double ratio = 1;
        for (int i = 1; i + 1 < argc; ++i)
            if (std::strcmp(argv[i], "--ratio") == 0) ratio = std::clamp(std::stod(argv[i + 1]), 1.0, 4.0);
        if (ratio != 1) std::printf("stream: at device pixel ratio %.1f (a HiDPI screen)\n", ratio);
        bool framesOnly = false;
        for (int i = 1; i < argc; ++i)
            framesOnly = framesOnly || std::strcmp(argv[i], "--frames-only") == 0;
        streamFrames(std::min<std::size_t>(events, 1000000), ratio, framesOnly);
    }
    if (mode == "partitions-frames") partitionsFrames(frames);
    if (mode == "stream-idle") streamIdle(10);
    if (mode == "create") {
        int runs = 5;
        for (int i = 1; i + 1 < argc; ++i)
            if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::stoi(argv[i + 1]));
        createRuns(runs);
    }
    if (mode == "journal")
        journalReplay(argc > 2 ? argv[2]
                               : FLUXOLAB_SOURCE_DIR "/tests/fuzz/corpus/fuzz_session_journal/slow-day-of-ticks-three-consumers.json");
#ifdef FLUXOLAB_HAVE_RDKAFKA
    int runs = 1;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::stoi(argv[i + 1]));
    if (all || mode == "real-unreachable") realUnreachable(runs);
#endif
    if (!all && mode != "coldstart" && mode != "frame" && mode != "fast" && mode != "scrub" && mode != "block" &&
        mode != "partitions" && mode != "partitions-frames" && mode != "create" && mode != "real-unreachable" && mode != "stream" && mode != "journal" && mode != "stream-idle") {
        std::fprintf(stderr, "usage: bench_app [all|coldstart|frame|fast|scrub|block|partitions|partitions-frames|"
                             "real-unreachable|stream|stream-idle|journal [FILE]|create] [--events N] [--frames N] [--runs N] [--ratio R] [--frames-only]\n");
        return 2;
    }
    return 0;
}
