// Fault injection for the librdkafka backend on librdkafka's mock cluster (rdkafka_mock.h), where
// no admin API is needed: brokers down, request errors, leader changes. Every call must come back
// within its timeout with a clear ClientError or Kafka error code, never hang.
#include "labs/rdkafka/rdkafka_backend.h"
#include "labs/rdkafka/compare_real.h"
#include "tests/memory_marker.h"
#include "labs/backend/sim_backend.h"
#include "labs/common/teaching_notes.h"
#include "labs/kafka_tools/kafka_cli.h"

#include <doctest/doctest.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace fluxolab::labs;

namespace {

using Clock = std::chrono::steady_clock;

/// A mock cluster of `brokers` brokers, owned by a throw-away producer handle.
struct MockCluster {
    rd_kafka_t* rk = nullptr;
    rd_kafka_mock_cluster_t* mc = nullptr;
    explicit MockCluster(int brokers) {
        char errstr[256];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof errstr);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        REQUIRE(rk);
        mc = rd_kafka_mock_cluster_new(rk, brokers);
        REQUIRE(mc);
    }
    ~MockCluster() {
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(rk);
    }
    MockCluster(const MockCluster&) = delete;
    MockCluster& operator=(const MockCluster&) = delete;
    RdKafkaConnection connection(TimeMs timeout_ms = 3000) const {
        RdKafkaConnection c;
        c.bootstrap_servers = rd_kafka_mock_cluster_bootstraps(mc);
        c.request_timeout_ms = timeout_ms;
        return c;
    }
};

double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

} // namespace

TEST_CASE("rdkafka: probing a mock cluster reports its brokers") {
    MockCluster mock(3);
    const ProbeResult r = RdKafkaBackend::probeConnection(mock.connection(), 5000);
    CHECK(r.reached());
    CHECK(r.brokers == 3);
    CHECK_FALSE(rdkafkaVersion().empty());
}

TEST_CASE("rdkafka: nobody listening at the bootstrap address -> Unreachable - within the timeout") {
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1"; // nothing listens on port 1
    c.request_timeout_ms = 1500;
    const auto t0 = Clock::now();
    const ProbeResult r = RdKafkaBackend::probeConnection(c, 1500);
    CHECK(r.status == ClientError::Unreachable);
    CHECK_FALSE(r.detail.empty());

    RdKafkaBackend b(c);
    CHECK(b.brokers().empty());
    CHECK(b.lastClientError() == ClientError::Unreachable);
    CHECK(b.listTopics(true).empty());
    const BackendResult created = b.createTopic("t", 1, 1, {});
    CHECK_FALSE(created.ok());
    CHECK(created.client != ClientError::None);
    CHECK(secondsSince(t0) < 60.0); // four bounded calls (1.5 s each): a hang detector, generous under load
}

TEST_CASE("rdkafka: a TLS handshake with a server that does not speak TLS -> TlsFailed - within the timeout") {
    // A loopback server that answers every connection with bytes that are no TLS record (as a
    // plain-text listener or a wrong port would): the client's handshake fails.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), len) == 0);
    REQUIRE(::listen(fd, 16) == 0);
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    std::atomic<bool> stop{false};
    // Each connection stays open until the probe is over: closed at once, the client sometimes saw the
    // close (a transport error) before it parsed the bytes (the TLS error), about one run in two.
    std::thread server([fd, &stop] {
        std::vector<int> open;
        while (!stop) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const int c = ::accept(fd, nullptr, nullptr);
            if (c < 0) continue;
            static const char reply[] = "HTTP/1.0 400 Bad Request\r\n\r\n";
            (void)!::write(c, reply, sizeof reply - 1);
            open.push_back(c);
        }
        for (int c : open) ::close(c);
    });
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:" + std::to_string(ntohs(a.sin_port));
    c.security_protocol = "SSL";
    c.request_timeout_ms = 3000;
    const auto t0 = Clock::now();
    const ProbeResult r = RdKafkaBackend::probeConnection(c, 3000);
    stop = true;
    server.join();
    ::close(fd);
    INFO(r.detail);
    CHECK(r.status == ClientError::TlsFailed);
    CHECK_FALSE(r.detail.empty());
    CHECK(secondsSince(t0) < 30.0);
}

TEST_CASE("rdkafka: a refused setting is a BadConfiguration - not a crash") {
    RdKafkaConnection c;
    c.security_protocol = "CARRIER_PIGEON";
    const ProbeResult r = RdKafkaBackend::probeConnection(c, 1000);
    CHECK(r.status == ClientError::BadConfiguration);
    RdKafkaBackend b(c);
    CHECK(b.lastClientError() == ClientError::BadConfiguration);
    CHECK(b.brokers().empty());
    CHECK(b.createTopic("t", 1, 1, {}).client == ClientError::BadConfiguration);
}

TEST_CASE("rdkafka: every mock broker down -> the probe fails within its timeout") {
    MockCluster mock(1);
    rd_kafka_mock_broker_set_down(mock.mc, 1);
    const auto t0 = Clock::now();
    const ProbeResult r = RdKafkaBackend::probeConnection(mock.connection(), 2000);
    CHECK_FALSE(r.reached());
    CHECK(secondsSince(t0) < 60.0); // bounded by the 2 s timeout; a hang detector only
    rd_kafka_mock_broker_set_up(mock.mc, 1);
    CHECK(RdKafkaBackend::probeConnection(mock.connection(), 5000).reached());
}

TEST_CASE("rdkafka: a port that accepts the connection and never answers -> TimedOut - not Unreachable") {
    // A listening loopback socket nobody reads: the kernel completes the TCP handshake, no Kafka
    // answer ever comes (librdkafka: "ApiVersionRequest failed ... in state APIVERSION_QUERY").
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd, 16) == 0);
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:" + std::to_string(ntohs(a.sin_port));
    const auto t0 = Clock::now();
    const ProbeResult r = RdKafkaBackend::probeConnection(c, 3000);
    ::close(fd);
    CHECK(r.status == ClientError::TimedOut);
    CHECK_MESSAGE(r.detail.find("APIVERSION_QUERY") != std::string::npos, r.detail);
    CHECK(secondsSince(t0) < 10.0);
}

TEST_CASE("rdkafka: altering and deleting a group's offsets retry while its coordinator is not ready") {
    // As right after a broker starts (__consumer_offsets still loading): the Java AdminClient
    // retries COORDINATOR_LOAD_IN_PROGRESS / COORDINATOR_NOT_AVAILABLE / NOT_COORDINATOR.
    MockCluster mock(1);
    REQUIRE(rd_kafka_mock_topic_create(mock.mc, "t", 1, 1) == RD_KAFKA_RESP_ERR_NO_ERROR);
    RdKafkaBackend b(mock.connection(5000));
    constexpr std::int16_t kOffsetCommit = 8;
    rd_kafka_mock_push_request_errors(mock.mc, kOffsetCommit, 3, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
                                      RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_NOT_COORDINATOR);
    const BackendResult r = b.alterGroupOffsets("g", {{{"t", 0}, 0}});
    CHECK_MESSAGE(r.ok(), r.message);
    CHECK(r.error == ErrorCode::NONE);
}

TEST_CASE("rdkafka: a leader change shows in the next describe") {
    MockCluster mock(3);
    REQUIRE(rd_kafka_mock_topic_create(mock.mc, "moved", 2, 3) == RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_mock_partition_set_leader(mock.mc, "moved", 0, 1);
    RdKafkaBackend b(mock.connection());
    auto t = b.describeTopic("moved");
    REQUIRE(t.has_value());
    REQUIRE(t->partitions.size() == 2);
    CHECK(t->partitions[0].leader == 1);
    CHECK(t->partitions[0].replicas.size() == 3);
    rd_kafka_mock_partition_set_leader(mock.mc, "moved", 0, 3);
    t = b.describeTopic("moved");
    REQUIRE(t.has_value());
    CHECK(t->partitions[0].leader == 3);
}

TEST_CASE("rdkafka: produce errors arrive as delivery reports (async produce)") {
    MockCluster mock(1);
    REQUIRE(rd_kafka_mock_topic_create(mock.mc, "orders", 1, 1) == RD_KAFKA_RESP_ERR_NO_ERROR);
    RdKafkaBackend b(mock.connection());
    ProducerSettings ps;
    ps.retries = 0;
    ps.linger_ms = 0;
    const auto p = b.openProducer(ps);
    REQUIRE(p >= 0);

    const std::uint64_t ok = b.sendAsync(p, "orders", std::string("k"), "first");
    REQUIRE(ok != 0);
    std::vector<DeliveryReport> reports;
    const auto t0 = Clock::now();
    while (reports.empty() && secondsSince(t0) < 10) {
        b.advance(20);
        auto more = b.takeDeliveryReports(p);
        reports.insert(reports.end(), more.begin(), more.end());
    }
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].id == ok);
    CHECK(reports[0].error == ErrorCode::NONE);
    CHECK(reports[0].tp == TopicPartition{"orders", 0});
    CHECK(reports[0].offset == 0);

    // The next Produce request fails with NOT_ENOUGH_REPLICAS; retries=0 gives up at once.
    rd_kafka_mock_push_request_errors(mock.mc, 0 /* Produce */, 1, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS);
    const std::uint64_t bad = b.sendAsync(p, "orders", std::string("k"), "second");
    REQUIRE(bad != 0);
    reports.clear();
    while (reports.empty() && secondsSince(t0) < 20) {
        b.advance(20);
        auto more = b.takeDeliveryReports(p);
        reports.insert(reports.end(), more.begin(), more.end());
    }
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].id == bad);
    CHECK(reports[0].error == ErrorCode::NOT_ENOUGH_REPLICAS);
    b.closeProducer(p);
    CHECK(b.latestOffset({"orders", 0}) == 1);
}

TEST_CASE("rdkafka: the Java assignor class names map to librdkafka's - StickyAssignor has none") {
    const std::string pkg = "org.apache.kafka.clients.consumer.";
    CHECK(rdkafkaAssignmentStrategy({}).strategy == "range"); // Java's default [range, cooperative-sticky]
    CHECK(rdkafkaAssignmentStrategy({pkg + "RangeAssignor"}).strategy == "range");
    CHECK(rdkafkaAssignmentStrategy({pkg + "RoundRobinAssignor"}).strategy == "roundrobin");
    CHECK(rdkafkaAssignmentStrategy({pkg + "CooperativeStickyAssignor"}).strategy == "cooperative-sticky");
    CHECK(rdkafkaAssignmentStrategy({"RoundRobinAssignor", "RangeAssignor"}).strategy == "roundrobin,range");
    // Java runs the eager protocol when any assignor is eager-only; librdkafka cannot mix the two.
    CHECK(rdkafkaAssignmentStrategy({pkg + "RangeAssignor", pkg + "CooperativeStickyAssignor"}).strategy == "range");
    const RdKafkaAssignors sticky = rdkafkaAssignmentStrategy({pkg + "StickyAssignor"});
    CHECK(sticky.unsupported == "StickyAssignor");
    CHECK(sticky.strategy.empty());
    CHECK(rdkafkaAssignmentStrategy({pkg + "RangeAssignor", pkg + "StickyAssignor"}).unsupported == "StickyAssignor");
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1";
    RdKafkaBackend b(c);
    CHECK(b.unsupportedAssignor({pkg + "StickyAssignor"}) == "StickyAssignor");
    CHECK(b.unsupportedAssignor({pkg + "CooperativeStickyAssignor"}).empty());
    // No other assignor in its place: the consumer is refused.
    ConsumerSettings s;
    s.group_id = "g";
    s.topics = {"t"};
    s.assignment_strategy = {pkg + "StickyAssignor"};
    CHECK(b.openConsumer(s) < 0);
    CHECK(b.lastClientError() == ClientError::BadConfiguration);
}

TEST_CASE("rdkafka: a console consumer asking for StickyAssignor says librdkafka has none - the simulation runs it") {
    const std::vector<std::string> argv = {
        "kafka-console-consumer.sh", "--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--group", "g",
        "--consumer-property", "partition.assignment.strategy=org.apache.kafka.clients.consumer.StickyAssignor",
        "--timeout-ms", "1000"};
    auto hasNote = [](const CommandSession& s) {
        const auto& n = s.notes();
        return std::find(n.begin(), n.end(), NoteId::AssignorNotOnRealCluster) != n.end();
    };
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1";
    RdKafkaBackend real(c);
    KafkaCli onReal(real);
    auto r = onReal.start(argv);
    for (int i = 0; i < 50 && !r->finished(); ++i) r->pump(100);
    REQUIRE(r->finished());
    CHECK(r->exitCode() == 1);
    CHECK(hasNote(*r));
    CHECK(std::string(noteText(NoteId::AssignorNotOnRealCluster, Language::English)).find("no StickyAssignor") != std::string::npos);

    SimBackend sim(42, 1);
    KafkaCli onSim(sim);
    auto s = onSim.start(argv);
    for (int i = 0; i < 50 && !s->finished(); ++i) s->pump(100);
    CHECK_FALSE(hasNote(*s));
}

namespace {

/// A loopback port that accepts connections and never answers (the kernel completes the TCP
/// handshake; nobody reads): every Kafka request there waits for its timeout.
struct SilentPort {
    int fd = -1;
    std::string address;
    SilentPort() {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(fd, 64) == 0);
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        address = "127.0.0.1:" + std::to_string(ntohs(a.sin_port));
    }
    ~SilentPort() { ::close(fd); }
    SilentPort(const SilentPort&) = delete;
    SilentPort& operator=(const SilentPort&) = delete;
};

/// Runs `call` with `abort` set `afterMs` after it started; how long the call went on after the
/// flag was set (seconds).
template <class F>
double secondsAfterCancel(std::atomic<bool>& abort, int afterMs, F call) {
    abort = false;
    Clock::time_point cancelledAt{};
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(afterMs));
        cancelledAt = Clock::now();
        abort = true;
    });
    call();
    const auto end = Clock::now();
    canceller.join();
    return std::chrono::duration<double>(end - cancelledAt).count();
}

} // namespace

TEST_CASE("rdkafka: a call a cancel left running is counted until its thread has ended - and can be waited for") {
    // The app waits for these at exit (drainAtExit); before, nothing counted them, so the process
    // could tear librdkafka down under a call still waiting for a silent broker.
    REQUIRE(waitForAbandonedRdKafkaCalls(30000)); // what earlier cases left has ended
    SilentPort silent;
    std::atomic<bool> abort{false};
    RdKafkaConnection c;
    c.bootstrap_servers = silent.address;
    c.request_timeout_ms = 2000;
    c.abort = &abort;
    const double s = secondsAfterCancel(abort, 300, [&] { CHECK(RdKafkaBackend(c).listTopics(false).empty()); });
    CHECK(s < 1.0); // the caller did not wait for it
    const auto cancelled = Clock::now();
    CHECK(abandonedRdKafkaCalls() == 1);
    CHECK_FALSE(waitForAbandonedRdKafkaCalls(100)); // its 2 s timeout has not run out yet
    CHECK(waitForAbandonedRdKafkaCalls(20000));
    CHECK(abandonedRdKafkaCalls() == 0);
    const double after = secondsSince(cancelled);
    MESSAGE("the abandoned call ended " << static_cast<int>(after * 1000) << " ms after the cancel");
    CHECK(after > 0.5); // it ran on to its own timeout (2 s from its start, 0.3 s before the cancel)
    CHECK(after < 15.0);
}

TEST_CASE("rdkafka: a cancel cuts every blocking call short - silent port, 10 s request timeout") {
    // Before: metadata, ListOffsets and the waits after an admin request ran to their 10 s timeout
    // after a cancel. Now each ends within ~100 ms of it (the bound below leaves room for a loaded
    // machine; the 10 s it was is far outside it).
    SilentPort silent;
    std::atomic<bool> abort{false};
    RdKafkaConnection c;
    c.bootstrap_servers = silent.address;
    c.request_timeout_ms = 10000;
    c.abort = &abort;
    const TopicPartition tp{"t", 0};
    // A fresh backend for each call: once a call of a client has been cut short, the client stays
    // cancelled and every later call returns at once.
    std::vector<std::pair<std::string, std::function<void()>>> calls{
        {"probe", [&] { CHECK_FALSE(RdKafkaBackend::probeConnection(c, 10000).reached()); }},
        {"brokers", [&] { CHECK(RdKafkaBackend(c).brokers().empty()); }},
        {"listTopics", [&] { CHECK(RdKafkaBackend(c).listTopics(false).empty()); }},
        {"describeTopic", [&] { CHECK_FALSE(RdKafkaBackend(c).describeTopic("t").has_value()); }},
        {"earliestOffset", [&] { CHECK(RdKafkaBackend(c).earliestOffset(tp) == -1); }},
        {"latestOffset", [&] { CHECK(RdKafkaBackend(c).latestOffset(tp) == -1); }},
        {"offsetForTimestamp", [&] { CHECK_FALSE(RdKafkaBackend(c).offsetForTimestamp(tp, 0).has_value()); }},
        {"listGroups", [&] { CHECK(RdKafkaBackend(c).listGroups().empty()); }},
        {"describeGroup", [&] { CHECK_FALSE(RdKafkaBackend(c).describeGroup("g").has_value()); }},
        {"createTopic", [&] { CHECK_FALSE(RdKafkaBackend(c).createTopic("t", 1, 1, {}).ok()); }},
        {"deleteTopic", [&] { CHECK_FALSE(RdKafkaBackend(c).deleteTopic("t").ok()); }},
        {"alterGroupOffsets", [&] { CHECK_FALSE(RdKafkaBackend(c).alterGroupOffsets("g", {{tp, 0}}).ok()); }},
    };
    double worst = 0;
    for (auto& entry : calls) {
        const auto& name = entry.first; // a copy: doctest's macros are lambdas, which Clang 14 cannot make capture a binding
        auto& call = entry.second;
        const double s = secondsAfterCancel(abort, 300, call);
        MESSAGE(name << ": ended " << static_cast<int>(s * 1000) << " ms after the cancel");
        CHECK_MESSAGE(s > 0, name, ": ended before the cancel (the case proves nothing)");
        CHECK_MESSAGE(s < 1.0, name);
        worst = std::max(worst, s);
    }
    MESSAGE("worst: " << static_cast<int>(worst * 1000) << " ms after the cancel");
}

TEST_CASE("rdkafka: a cancel cuts a request to a slow broker short - and a slow broker is still heard without one") {
    // A mock broker that answers every request after 3 s (the broker is up, the request is on the
    // wire): a cancel ends the wait at once; without a cancel the answer arrives (a call in short
    // slices that each sent their own request would never hear a broker slower than a slice).
    MockCluster mock(1);
    REQUIRE(rd_kafka_mock_topic_create(mock.mc, "slow", 1, 1) == RD_KAFKA_RESP_ERR_NO_ERROR);
    std::atomic<bool> abort{false};
    RdKafkaConnection c = mock.connection(10000);
    c.abort = &abort;
    RdKafkaBackend b(c);
    REQUIRE(b.listTopics(false) == std::vector<std::string>{"slow"}); // connected while fast
    rd_kafka_mock_broker_set_rtt(mock.mc, 1, 3000);
    const double s = secondsAfterCancel(abort, 300, [&] { CHECK(b.listTopics(false).empty()); });
    MESSAGE("listTopics on a 3 s broker ended " << static_cast<int>(s * 1000) << " ms after the cancel");
    CHECK(s < 1.0);
    abort = false;
    const auto t0 = Clock::now();
    RdKafkaBackend fresh(c); // `b` stays cancelled (its call was cut short)
    CHECK(fresh.listTopics(false) == std::vector<std::string>{"slow"});
    CHECK(fresh.latestOffset({"slow", 0}) == 0);
    CHECK(secondsSince(t0) >= 2.9); // it did wait for the slow answers
}

TEST_CASE("rdkafka: a cancel cuts the connection probe short - on a slow broker and on a silent port") {
    // "Testar ligação" cancelled: the probe's thread stops waiting within a slice and returns
    // (the blocking metadata call, if left running, ends on a thread of its own). Before the
    // probe read RdKafkaConnection::abort it waited for the 3 s answer, and on the silent port to
    // the socket's timeout (2/3 of the probe's 10 s).
    std::atomic<bool> abort{false};
    {
        MockCluster mock(1);
        RdKafkaConnection c = mock.connection(10000);
        CHECK(RdKafkaBackend::probeConnection(c, 10000).reached()); // fast: reached
        rd_kafka_mock_broker_set_rtt(mock.mc, 1, 3000);
        c.abort = &abort;
        ProbeResult r;
        const double s = secondsAfterCancel(abort, 300, [&] { r = RdKafkaBackend::probeConnection(c, 10000); });
        MESSAGE("probe of a 3 s broker ended " << static_cast<int>(s * 1000) << " ms after the cancel");
        CHECK(s > 0);
        CHECK(s < 1.0);
        CHECK_FALSE(r.reached());
        CHECK(r.detail == "cancelled");
    }
    SilentPort silent;
    RdKafkaConnection c;
    c.bootstrap_servers = silent.address;
    c.abort = &abort;
    ProbeResult r;
    const double s = secondsAfterCancel(abort, 300, [&] { r = RdKafkaBackend::probeConnection(c, 10000); });
    MESSAGE("probe of a silent port ended " << static_cast<int>(s * 1000) << " ms after the cancel");
    CHECK(s > 0);
    CHECK(s < 1.0);
    CHECK(r.detail == "cancelled");
}

namespace {

/// The threads of this process now (/proc/self/task): librdkafka's handles each run several.
int threadCount() {
    int n = 0;
    if (DIR* d = ::opendir("/proc/self/task")) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] != '.') ++n;
        ::closedir(d);
    }
    return n;
}

/// Seconds until the process is back to at most `baseline` threads, at most `maxSeconds`; -1 if not.
double secondsUntilThreads(int baseline, double maxSeconds) {
    const auto t0 = Clock::now();
    while (threadCount() > baseline) {
        if (secondsSince(t0) >= maxSeconds) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return secondsSince(t0);
}

} // namespace

TEST_CASE("rdkafka: a cancelled probe leaves no thread running - its metadata request ends with it") {
    // The probe used to leave its blocking Metadata request on a detached thread after a cancel,
    // with the probe's librdkafka handle (its main and broker threads): they ran on to the
    // request's own timeout (10 s here), untracked, and could outlive the app. Now the probe waits
    // in slices and destroys its handle before it returns: the thread count is back where it was
    // as soon as the probe has returned (1 s of slack for a loaded machine; 10 s before).
    std::atomic<bool> abort{false};
    {
        MockCluster mock(1);
        RdKafkaConnection c = mock.connection(10000);
        REQUIRE(RdKafkaBackend::probeConnection(c, 10000).reached());
        rd_kafka_mock_broker_set_rtt(mock.mc, 1, 9000); // every answer 9 s late: the request stays on the wire
        c.abort = &abort;
        const int baseline = threadCount();
        ProbeResult r;
        const double s = secondsAfterCancel(abort, 300, [&] { r = RdKafkaBackend::probeConnection(c, 10000); });
        CHECK(r.detail == "cancelled");
        CHECK(s < 1.0);
        const double gone = secondsUntilThreads(baseline, 1.0);
        MESSAGE("slow broker: probe ended " << static_cast<int>(s * 1000) << " ms after the cancel, its threads "
                                            << static_cast<int>(gone * 1000) << " ms after that");
        CHECK_MESSAGE(gone >= 0, (threadCount() - baseline), " threads of the probe still alive 1 s after it returned");
    }
    SilentPort silent;
    RdKafkaConnection c;
    c.bootstrap_servers = silent.address;
    c.abort = &abort;
    const int baseline = threadCount();
    ProbeResult r;
    const double s = secondsAfterCancel(abort, 300, [&] { r = RdKafkaBackend::probeConnection(c, 10000); });
    CHECK(r.detail == "cancelled");
    CHECK(s < 1.0);
    const double gone = secondsUntilThreads(baseline, 1.0);
    MESSAGE("silent port: probe ended " << static_cast<int>(s * 1000) << " ms after the cancel, its threads "
                                        << static_cast<int>(gone * 1000) << " ms after that");
    CHECK_MESSAGE(gone >= 0, (threadCount() - baseline), " threads of the probe still alive 1 s after it returned");
}

// ---- the password in memory (tests/memory_marker.h) ----

using fluxolab::tests::Marker;

TEST_CASE("rdkafka: a password leaves no copy of ours in memory once its connection is gone") {
    Marker marker;
    const std::string file = "/tmp/fluxolab-secret-test-" + std::to_string(::getpid()) + ".properties";
    {
        // Through every copy and move a connection makes, and through --command-config's reading.
        RdKafkaConnection c;
        c.sasl_password = marker.secret();
        RdKafkaConnection copied = c;
        RdKafkaConnection moved = std::move(copied);
        copied = moved;
        std::vector<RdKafkaConnection> many(3, c);
        many.push_back(std::move(moved));
        {
            char pw[64];
            marker.decode(pw);
            const std::string head = "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                                     "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule "
                                     "required username=\"fluxolab\" password=\"";
            const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            REQUIRE(fd >= 0);
            CHECK(::write(fd, head.data(), head.size()) == static_cast<ssize_t>(head.size()));
            CHECK(::write(fd, pw, marker.size()) == static_cast<ssize_t>(marker.size()));
            CHECK(::write(fd, "\";\n", 3) == 3);
            ::close(fd);
            wipeBytes(pw, sizeof pw);
        }
        RdKafkaConnection fromFile;
        std::string error;
        REQUIRE(readCommandConfig(file, fromFile, error));
        CHECK(fromFile.sasl_username == "fluxolab");
        CHECK(fromFile.sasl_password == c.sasl_password);
        // The scan sees the copies while they live (the test can fail).
        const std::size_t live = marker.countInMemory();
        MESSAGE("copies while the connections live: " << live);
        CHECK(live >= 6);
    }
    ::unlink(file.c_str());
    const std::size_t after = marker.countInMemory();
    MESSAGE("copies once they are gone: " << after);
    CHECK(after == 0);
}

TEST_CASE("rdkafka: what librdkafka keeps of a password - measured, see docs/real-cluster.md") {
    Marker marker;
    SilentPort silent;
    std::size_t live = 0;
    {
        RdKafkaConnection c;
        c.bootstrap_servers = silent.address;
        c.security_protocol = "SASL_PLAINTEXT";
        c.sasl_mechanism = "PLAIN";
        c.sasl_username = "fluxolab";
        c.sasl_password = marker.secret();
        c.request_timeout_ms = 1000;
        RdKafkaBackend b(c);
        c.sasl_password.clear();
        CHECK(b.brokers().empty()); // a request: the client tried to connect
        live = marker.countInMemory();
    }
    const std::size_t after = marker.countInMemory();
    MESSAGE("librdkafka: copies while its client lives: " << live << ", after rd_kafka_destroy: " << after);
    CHECK(live >= 2); // ours (the backend's connection) and librdkafka's configuration
    CHECK(after == 0); // librdkafka 2.0.2 leaves none after rd_kafka_destroy (measured; a client that never logged in)
}

TEST_CASE("rdkafka: keepSecretsOutOfCoreDumps makes the process non-dumpable") {
    // (Left so for the rest of this test process, as the app leaves it.)
    CHECK(keepSecretsOutOfCoreDumps());
    CHECK_FALSE(processDumpable());
    // What the scan reads stays readable: process_vm_readv on itself needs no /proc/self/mem.
    Marker marker;
    const SecretString s = marker.secret();
    CHECK(marker.countInMemory() >= 1);
}

TEST_CASE("rdkafka: Ctrl+C on a console producer line blocked in send() prints the trace main prints - the line is not dropped silently") {
    // tests/labs/golden/real/producer-sigint.txt (real 4.3.1, run "blocked"): the shutdown hook closes the
    // producer, the send() waiting for metadata throws KafkaException "Producer closed while send in
    // progress" (caused by "Requested metadata update after close") and main prints its trace; exit 130.
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1"; // nothing listens on port 1
    c.request_timeout_ms = 1000;
    RdKafkaBackend real(c);
    KafkaCli cli(real);
    auto p = cli.start({"kafka-console-producer.sh", "--bootstrap-server", "127.0.0.1:1", "--topic", "t"}, false);
    REQUIRE(p->readsInput());
    p->inputLine("hello");
    CHECK_FALSE(p->readsInput()); // send() blocks (max.block.ms 60 s)
    p->pump(100);
    p->takeOutput();
    p->interrupt();
    REQUIRE(p->finished());
    CHECK(p->exitCode() == 130);
    std::string err;
    for (const OutputChunk& ch : p->takeOutput())
        if (ch.stream == OutStream::Err) err += ch.text;
    CHECK(err == "org.apache.kafka.common.KafkaException: Producer closed while send in progress\n"
                 "\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:991)\n"
                 "\tat org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)\n"
                 "\tat org.apache.kafka.tools.ConsoleProducer.send(ConsoleProducer.java:111)\n"
                 "\tat org.apache.kafka.tools.ConsoleProducer.loopReader(ConsoleProducer.java:100)\n"
                 "\tat org.apache.kafka.tools.ConsoleProducer.start(ConsoleProducer.java:71)\n"
                 "\tat org.apache.kafka.tools.ConsoleProducer.main(ConsoleProducer.java:60)\n"
                 "Caused by: org.apache.kafka.common.KafkaException: Requested metadata update after close\n"
                 "\tat org.apache.kafka.clients.producer.internals.ProducerMetadata.awaitUpdate(ProducerMetadata.java:130)\n"
                 "\tat org.apache.kafka.clients.producer.KafkaProducer.waitOnMetadata(KafkaProducer.java:1124)\n"
                 "\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:988)\n"
                 "\t... 5 more\n");
}

TEST_CASE("rdkafka: a console producer whose bootstrap server answers nothing fails each line after max.block.ms") {
    // The real tool (tests/labs/golden/real/producer-dead-broker.txt): send() waits for the topic's
    // metadata up to max.block.ms, then ErrorLoggingCallback logs the TimeoutException; the next
    // line is read only then. No line may go nowhere silently.
    RdKafkaConnection c;
    c.bootstrap_servers = "127.0.0.1:1"; // nothing listens on port 1
    c.request_timeout_ms = 1000;         // the tool's metadata requests fail fast
    RdKafkaBackend real(c);
    KafkaCli cli(real);
    auto p = cli.start({"kafka-console-producer.sh", "--bootstrap-server", "127.0.0.1:1", "--topic", "t",
                        "--producer-property", "max.block.ms=300"},
                       true);
    std::string out, err;
    auto take = [&] {
        for (const OutputChunk& ch : p->takeOutput()) (ch.stream == OutStream::Out ? out : err) += ch.text;
    };
    REQUIRE_FALSE(p->finished());
    REQUIRE(p->readsInput());
    const TimeMs typed = real.nowMs();
    p->inputLine("hello");
    CHECK_FALSE(p->readsInput()); // send() blocks
    take();
    out.clear();
    err.clear();
    for (int i = 0; i < 40 && !p->readsInput(); ++i) p->pump(50);
    REQUIRE(p->readsInput());
    CHECK(real.nowMs() - typed >= 300);
    take();
    CHECK(out == ">"); // the next line's prompt, once send() returned
    CHECK(err.find("ERROR Error when sending message to topic t with key: null, value: 5 bytes with error: "
                     "(org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)\n"
                     "org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 300 ms.\n") !=
          std::string::npos);
    err.clear();
    p->inputLine("x");
    p->endOfInput(); // Ctrl+D while the send is blocked: the tool exits once it fails
    for (int i = 0; i < 40 && !p->finished(); ++i) p->pump(50);
    REQUIRE(p->finished());
    CHECK(p->exitCode() == 0);
    take();
    CHECK(err.find("with key: null, value: 1 bytes with error: ") != std::string::npos);
}
