#include "labs/rdkafka/rdkafka_backend.h"

#include "labs/rdkafka/group_log.h"
#include "sim/kafka_errors.h"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <utility>

namespace fluxolab::labs {

namespace {
std::atomic<std::thread::id> g_guarded{};
std::atomic<bool> g_abortOnCall{false};
std::atomic<std::uint64_t> g_guardedCalls{0};
std::mutex g_lastCallMutex;
std::string g_lastCall;

/// The threads runAbortable() stopped waiting for (abandonedRdKafkaCalls()). Never destroyed: such
/// a thread may end after main() has returned.
struct AbandonedCalls {
    std::mutex mutex;
    std::condition_variable ended;
    int running = 0;
    static AbandonedCalls& instance() {
        static AbandonedCalls* calls = new AbandonedCalls;
        return *calls;
    }
};
} // namespace

void guardThreadAgainstRdKafka(std::thread::id thread, bool abortOnCall) {
    g_abortOnCall = abortOnCall;
    g_guarded = thread;
}

std::uint64_t rdkafkaCallsOnGuardedThread() { return g_guardedCalls.load(); }

std::string lastRdKafkaCallOnGuardedThread() {
    std::lock_guard lock(g_lastCallMutex);
    return g_lastCall;
}

void checkRdKafkaThread(const char* function) {
    if (g_guarded.load() == std::thread::id{} || std::this_thread::get_id() != g_guarded.load()) return;
    ++g_guardedCalls;
    {
        std::lock_guard lock(g_lastCallMutex);
        g_lastCall = function;
    }
    if (g_abortOnCall) {
        std::fprintf(stderr, "FluxoLab: librdkafka called on the GUI thread (%s)\n", function);
        std::abort();
    }
}

#define FLUXOLAB_RDKAFKA_GUARD() checkRdKafkaThread(__func__)

namespace {

using Clock = std::chrono::steady_clock;

TimeMs wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int toInt(TimeMs ms) { return static_cast<int>(std::clamp<TimeMs>(ms, 0, 24 * 3600 * 1000)); }

bool internalTopic(const std::string& name) {
    return name == "__consumer_offsets" || name == "__transaction_state" || name == "__share_group_state";
}

/// Errors.java's default message, for results that carry no text: the one table of Kafka 4.3.1's
/// error texts (sim/kafka_errors.h), which the simulation's backend uses too; the error's name
/// where that table has no text.
std::string javaMessage(ErrorCode e) {
    const std::string_view text = sim::errorDefaultMessage(e);
    return text.empty() ? std::string(sim::errorName(e)) : std::string(text);
}

/// The broker's error message when librdkafka passed it on, else Kafka's default text.
std::string brokerMessage(ErrorCode e, const char* text) {
    if (!text || !*text || std::strncmp(text, "Broker: ", 8) == 0) return javaMessage(e);
    return text;
}

/// The broker's answer for the one topic of an admin request (create, delete, create partitions).
BackendResult topicResult(const rd_kafka_topic_result_t** rs, size_t n) {
    BackendResult r;
    if (n > 0 && rd_kafka_topic_result_error(rs[0]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        r.error = static_cast<ErrorCode>(rd_kafka_topic_result_error(rs[0]));
        r.message = brokerMessage(r.error, rd_kafka_topic_result_error_string(rs[0]));
    }
    return r;
}

ClientError classify(rd_kafka_resp_err_t err) {
    switch (err) {
    case RD_KAFKA_RESP_ERR_NO_ERROR: return ClientError::None;
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED: return ClientError::AuthenticationFailed;
    case RD_KAFKA_RESP_ERR__SSL: return ClientError::TlsFailed;
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
    case RD_KAFKA_RESP_ERR__RESOLVE: return ClientError::Unreachable;
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE: return ClientError::TimedOut;
    case RD_KAFKA_RESP_ERR__INVALID_ARG: return ClientError::BadConfiguration;
    default: return ClientError::Other;
    }
}

struct TpList {
    rd_kafka_topic_partition_list_t* l;
    explicit TpList(int n = 1) : l(rd_kafka_topic_partition_list_new(n)) {}
    ~TpList() { rd_kafka_topic_partition_list_destroy(l); }
    TpList(const TpList&) = delete;
    TpList& operator=(const TpList&) = delete;
    rd_kafka_topic_partition_t* add(const TopicPartition& tp, Offset offset) {
        rd_kafka_topic_partition_t* p = rd_kafka_topic_partition_list_add(l, tp.topic.c_str(), tp.partition);
        p->offset = offset;
        return p;
    }
};

} // namespace

RdKafkaAssignors rdkafkaAssignmentStrategy(const std::vector<std::string>& classNames) {
    RdKafkaAssignors out;
    std::vector<std::string> eager, cooperative;
    const std::string prefix = "org.apache.kafka.clients.consumer.";
    for (std::string name : classNames) {
        if (name.rfind(prefix, 0) == 0) name = name.substr(prefix.size());
        std::vector<std::string>* into = &eager;
        std::string mapped;
        if (name == "RangeAssignor") mapped = "range";
        else if (name == "RoundRobinAssignor") mapped = "roundrobin";
        else if (name == "CooperativeStickyAssignor") mapped = "cooperative-sticky", into = &cooperative;
        else {
            out.unsupported = name;
            return out;
        }
        if (std::find(into->begin(), into->end(), mapped) == into->end()) into->push_back(mapped);
    }
    const std::vector<std::string>& chosen = eager.empty() ? cooperative : eager;
    for (const std::string& a : chosen) out.strategy += (out.strategy.empty() ? "" : ",") + a;
    if (out.strategy.empty()) out.strategy = "range";
    return out;
}

int abandonedRdKafkaCalls() {
    auto& calls = AbandonedCalls::instance();
    std::lock_guard lock(calls.mutex);
    return calls.running;
}

bool waitForAbandonedRdKafkaCalls(int timeoutMs) {
    auto& calls = AbandonedCalls::instance();
    std::unique_lock lock(calls.mutex);
    return calls.ended.wait_for(lock, std::chrono::milliseconds(std::max(0, timeoutMs)),
                                [&] { return calls.running == 0; });
}

std::string rdkafkaVersion() { return rd_kafka_version_str(); }

bool rdkafkaScramRefusedByKafka4() { return rd_kafka_version() < 0x020601ff; }

// ---------------------------------------------------------------------------------------------
// One librdkafka handle with what its callbacks collected.

struct RdKafkaBackend::Client : std::enable_shared_from_this<RdKafkaBackend::Client> {
    rd_kafka_t* rk = nullptr;
    bool consumer = false;
    bool subscribed = false;
    /// subscribe(Pattern): the topics it matches are looked up again every metadataMaxAgeMs (the
    /// Java consumer's metadata refresh) and the subscription follows them (a rebalance).
    std::function<bool(const std::string&)> pattern;
    std::vector<std::string> patternTopics;
    TimeMs metadataMaxAgeMs = 300000;
    Clock::time_point nextPatternRefresh{};
    std::deque<StoredRecord> records;
    std::vector<DeliveryReport> reports;
    std::uint64_t nextId = 1;
    /// Last error the library reported outside a request (connection refused, SASL failure...).
    rd_kafka_resp_err_t lastError = RD_KAFKA_RESP_ERR_NO_ERROR;
    std::string lastErrorText;
    /// Java-style auto-commit (KafkaConsumer commits its positions, also of partitions it reset
    /// to the log end without consuming anything; librdkafka commits consumed offsets only).
    bool javaAutoCommit = false;
    bool resetEarliest = false;
    TimeMs requestTimeoutMs = 10000;
    std::map<TopicPartition, Offset> positions;
    Clock::time_point nextCommit{};
    /// Producer: the Java client's sticky partitioning of records without a key (one partition
    /// until batch.size bytes went to it; librdkafka would pick a random partition per record).
    struct Sticky {
        std::int32_t partitions = 0;
        std::int32_t current = -1;
        std::int64_t bytes = 0;
    };
    std::map<std::string, Sticky> sticky;
    /// The probe's client logs librdkafka's "feature" debug lines: the broker's API versions (the
    /// log callback runs on librdkafka's threads, hence the mutex).
    bool collectApiVersions = false;
    /// The probe's client also logs librdkafka's "metadata" debug lines: the broker count of the
    /// Metadata answer librdkafka asks for by itself once a connection is up (under apiMutex).
    bool collectMetadata = false;
    std::mutex apiMutex;
    ApiVersionRanges apiVersions;
    int metadataBrokers = -1; ///< "%i brokers, %i topics" of the last Metadata answer; -1: none yet
    std::int64_t batchSize = 16384;
    std::mt19937 random{std::random_device{}()};
    bool sawAuthFailure = false;
    bool sawTlsFailure = false;
    bool sawTransportFailure = false;
    /// A TCP connection was made but the broker sent no answer to the first Kafka request
    /// (ApiVersions): something listens there that does not speak Kafka, or a broker that hangs.
    bool sawNoKafkaAnswer = false;
    const std::atomic<bool>* abort = nullptr; ///< RdKafkaConnection::abort (the backend's thread reads it)
    /// A blocking call on this handle was left running after a cancel (runAbortable): the client
    /// counts as cancelled from then on, and `abort` is no longer read (it may be gone by the time
    /// that call ends and destroys the client on its own thread).
    std::atomic<bool> abandoned{false};
    bool aborted() const { return abandoned.load() || (abort && abort->load()); }

    ~Client() { destroy(); }

    void destroy() {
        if (!rk) return;
        FLUXOLAB_RDKAFKA_GUARD();
        if (consumer) closeConsumer(5000);
        rd_kafka_destroy_flags(rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
        rk = nullptr;
    }

    /// Commits the positions (auto-commit), synchronously or not.
    void commitPositions(bool async) {
        if (!rk || !javaAutoCommit || positions.empty()) return;
        rd_kafka_topic_partition_list_t* l = rd_kafka_topic_partition_list_new(static_cast<int>(positions.size()));
        for (const auto& [tp, o] : positions)
            if (o >= 0) rd_kafka_topic_partition_list_add(l, tp.topic.c_str(), tp.partition)->offset = o;
        if (l->cnt > 0) rd_kafka_commit(rk, l, async ? 1 : 0);
        rd_kafka_topic_partition_list_destroy(l);
        nextCommit = Clock::now() + std::chrono::milliseconds(5000); // auto.commit.interval.ms
    }

    /// KafkaConsumer.close(): commits (auto-commit) and leaves the group, bounded by `timeout_ms`.
    void closeConsumer(TimeMs timeout_ms) {
        if (!rk || !consumer) return;
        commitPositions(false);
        consumer = false;
        rd_kafka_queue_t* q = rd_kafka_queue_new(rk);
        if (rd_kafka_error_t* e = rd_kafka_consumer_close_queue(rk, q)) {
            rd_kafka_error_destroy(e);
            rd_kafka_queue_destroy(q);
            return;
        }
        const auto start = Clock::now();
        const auto deadline = start + std::chrono::milliseconds(timeout_ms);
        // Cancelled: 200 ms for the LeaveGroup a reachable coordinator answers at once, no more.
        const auto cancelledDeadline = start + std::chrono::milliseconds(200);
        while (!rd_kafka_consumer_closed(rk) && Clock::now() < deadline &&
               !(aborted() && Clock::now() >= cancelledDeadline)) {
            rd_kafka_event_t* ev = rd_kafka_queue_poll(q, 50);
            if (!ev) continue;
            if (rd_kafka_event_type(ev) == RD_KAFKA_EVENT_REBALANCE) {
                if (rd_kafka_event_error(ev) == RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS) commitPositions(false);
                rd_kafka_assign(rk, nullptr);
                positions.clear();
            }
            rd_kafka_event_destroy(ev);
        }
        rd_kafka_queue_destroy(q);
    }

    ClientError clientError(rd_kafka_resp_err_t requestError) const {
        // Connection and authentication errors reach error_cb only through rd_kafka_poll(): serve
        // them first (producer-type handles only; a consumer's poll would take its records).
        if (rk && !consumer) rd_kafka_poll(rk, 0);
        if (sawAuthFailure) return ClientError::AuthenticationFailed;
        if (sawTlsFailure) return ClientError::TlsFailed;
        // Connected, then silence: TimedOut (a broker reached that does not answer), not Unreachable.
        if (sawNoKafkaAnswer && !sawTransportFailure &&
            (requestError == RD_KAFKA_RESP_ERR__TIMED_OUT || requestError == RD_KAFKA_RESP_ERR__TRANSPORT ||
             requestError == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN))
            return ClientError::TimedOut;
        if (requestError == RD_KAFKA_RESP_ERR__TIMED_OUT && sawTransportFailure) return ClientError::Unreachable;
        return classify(requestError);
    }
};

namespace {

/// Runs `call`, one blocking librdkafka call on `client`'s handle (metadata, ListOffsets, committed
/// offsets, seek), so that a cancelled job (RdKafkaConnection::abort) does not wait for it: with an
/// abort flag the call runs on a thread of its own and the caller waits for it in 50 ms slices;
/// once the flag is set the caller stops waiting and the call is left to end at its own timeout on
/// that thread, which holds the client (and so the handle) and everything the call reads and
/// writes (`call` owns them: shared state only, nothing of the caller's stack). Returns false then.
/// Not in slices of short timeouts: each slice would send its own request and drop the answer of
/// the one before, so a broker slower than a slice would never be heard. Without an abort flag the
/// call runs here.
template <class F>
bool runAbortable(const std::shared_ptr<RdKafkaBackend::Client>& client, F call) {
    if (client->abandoned) return false;
    if (!client->abort) {
        call();
        return true;
    }
    if (client->abort->load()) return false;
    struct Done {
        std::mutex mutex;
        std::condition_variable cv;
        bool done = false;
        bool abandoned = false; ///< the caller stopped waiting (counted in AbandonedCalls)
    };
    auto done = std::make_shared<Done>();
    // The job is owned by the thread's body and released there before the thread says it has ended
    // (not left to the lambda's destruction, which runs after that): `client` may be the handle's
    // last owner, and rd_kafka_destroy must have run when abandonedRdKafkaCalls() no longer counts it.
    struct Job {
        std::shared_ptr<RdKafkaBackend::Client> client;
        F call;
    };
    auto job = std::make_unique<Job>(Job{client, std::move(call)});
    std::thread t([done, job = std::move(job)]() mutable {
        job->call();
        job.reset();
        bool abandoned = false;
        {
            std::lock_guard lock(done->mutex);
            done->done = true;
            abandoned = done->abandoned;
        }
        done->cv.notify_all();
        if (abandoned) {
            auto& calls = AbandonedCalls::instance();
            std::lock_guard lock(calls.mutex);
            --calls.running;
            calls.ended.notify_all();
        }
    });
    std::unique_lock lock(done->mutex);
    while (!done->done) {
        if (client->abort->load()) {
            done->abandoned = true;
            {
                auto& calls = AbandonedCalls::instance();
                std::lock_guard counted(calls.mutex);
                ++calls.running;
            }
            lock.unlock();
            client->abandoned = true;
            client->abort = nullptr;
            t.detach(); // ends at the call's timeout; the last owner of `client` destroys the handle there
            return false;
        }
        done->cv.wait_for(lock, std::chrono::milliseconds(50));
    }
    lock.unlock();
    t.join();
    return true;
}

/// rd_kafka_metadata's answer, owned (destroyed with it).
struct MetadataAnswer {
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__TIMED_OUT;
    const rd_kafka_metadata_t* md = nullptr;
    MetadataAnswer() = default;
    MetadataAnswer(const MetadataAnswer&) = delete;
    MetadataAnswer& operator=(const MetadataAnswer&) = delete;
    ~MetadataAnswer() {
        if (md) rd_kafka_metadata_destroy(md);
    }
};

/// rd_kafka_metadata of every topic (`all`), or of `topic` only when not empty, or of none; a
/// cancelled call answers __TIMED_OUT.
std::shared_ptr<MetadataAnswer> fetchMetadata(const std::shared_ptr<RdKafkaBackend::Client>& client, bool all,
                                              const std::string& topic, TimeMs timeout_ms) {
    auto answer = std::make_shared<MetadataAnswer>();
    if (!runAbortable(client, [client, answer, all, topic, timeout_ms] {
        rd_kafka_topic_t* rkt = topic.empty() ? nullptr : rd_kafka_topic_new(client->rk, topic.c_str(), nullptr);
        if (!topic.empty() && !rkt) {
            answer->err = RD_KAFKA_RESP_ERR__INVALID_ARG;
            return;
        }
        answer->err = rd_kafka_metadata(client->rk, all ? 1 : 0, rkt, &answer->md, toInt(timeout_ms));
        if (rkt) rd_kafka_topic_destroy(rkt);
    }))
        return std::make_shared<MetadataAnswer>(); // cancelled: the running call keeps its own answer
    if (answer->err != RD_KAFKA_RESP_ERR_NO_ERROR && answer->md) {
        rd_kafka_metadata_destroy(answer->md);
        answer->md = nullptr;
    }
    return answer;
}

/// `call(rk, copy, timeout)` on a copy of `list` (rd_kafka_offsets_for_times, rd_kafka_committed), run
/// abortably: offsets and errors copied back into `list` when it ran; cancelled: __TIMED_OUT, `list`
/// unchanged. The copy belongs to the running call, which may outlive a cancel.
template <class Call>
rd_kafka_resp_err_t onListCopy(const std::shared_ptr<RdKafkaBackend::Client>& client, rd_kafka_topic_partition_list_t* list,
                               TimeMs timeout_ms, Call call) {
    struct State {
        rd_kafka_topic_partition_list_t* l;
        rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__TIMED_OUT;
        explicit State(const rd_kafka_topic_partition_list_t* from) : l(rd_kafka_topic_partition_list_copy(from)) {}
        State(const State&) = delete;
        State& operator=(const State&) = delete;
        ~State() { rd_kafka_topic_partition_list_destroy(l); }
    };
    auto st = std::make_shared<State>(list);
    if (!runAbortable(client, [client, st, timeout_ms, call] { st->err = call(client->rk, st->l, toInt(timeout_ms)); }))
        return RD_KAFKA_RESP_ERR__TIMED_OUT;
    for (int i = 0; i < list->cnt && i < st->l->cnt; ++i) {
        list->elems[i].offset = st->l->elems[i].offset;
        list->elems[i].err = st->l->elems[i].err;
    }
    return st->err;
}

/// rd_kafka_offsets_for_times on a copy of `list`, copied back on success; cancelled: __TIMED_OUT.
rd_kafka_resp_err_t offsetsForTimes(const std::shared_ptr<RdKafkaBackend::Client>& client,
                                    rd_kafka_topic_partition_list_t* list, TimeMs timeout_ms) {
    return onListCopy(client, list, timeout_ms, rd_kafka_offsets_for_times);
}

/// rd_kafka_committed for `list` (offsets written into it); cancelled: __TIMED_OUT, `list` unchanged.
rd_kafka_resp_err_t committedOffsets(const std::shared_ptr<RdKafkaBackend::Client>& client,
                                     rd_kafka_topic_partition_list_t* list, TimeMs timeout_ms) {
    return onListCopy(client, list, timeout_ms, rd_kafka_committed);
}

/// rd_kafka_query_watermark_offsets; cancelled: __TIMED_OUT.
rd_kafka_resp_err_t watermarks(const std::shared_ptr<RdKafkaBackend::Client>& client, const std::string& topic,
                               std::int32_t partition, int64_t& lo, int64_t& hi, TimeMs timeout_ms) {
    struct State {
        int64_t lo = 0, hi = 0;
        rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__TIMED_OUT;
    };
    auto st = std::make_shared<State>();
    if (!runAbortable(client, [client, st, topic, partition, timeout_ms] {
            st->err = rd_kafka_query_watermark_offsets(client->rk, topic.c_str(), partition, &st->lo, &st->hi,
                                                       toInt(timeout_ms));
        }))
        return RD_KAFKA_RESP_ERR__TIMED_OUT;
    lo = st->lo;
    hi = st->hi;
    return st->err;
}

void errorCallback(rd_kafka_t* /*rk*/, int err, const char* reason, void* opaque) {
    auto* c = static_cast<RdKafkaBackend::Client*>(opaque);
    if (!c) return;
    const auto e = static_cast<rd_kafka_resp_err_t>(err);
    // "1/1 brokers are down" says less than the failure before it (refused, no answer...): kept.
    if (e != RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || c->lastErrorText.empty()) {
        c->lastError = e;
        c->lastErrorText = reason ? reason : "";
    }
    ClientError k = classify(e);
    // A handshake that fails on bytes that are no TLS (a plain-text listener) reaches error_cb as a
    // transport error in some runs and as an SSL error in others; its text names the state.
    if (k == ClientError::Unreachable && reason &&
        (std::strstr(reason, "SSL_HANDSHAKE") != nullptr || std::strstr(reason, "SSL routines") != nullptr))
        k = ClientError::TlsFailed;
    // "ApiVersionRequest failed: Local: Timed out ... (after 3019ms in state APIVERSION_QUERY)": the
    // TCP connection was accepted, the first Kafka request got no answer (a silent port).
    const bool silent = k == ClientError::Unreachable && reason && e == RD_KAFKA_RESP_ERR__TRANSPORT &&
                        std::strstr(reason, "state APIVERSION_QUERY") != nullptr;
    if (k == ClientError::AuthenticationFailed) c->sawAuthFailure = true;
    else if (k == ClientError::TlsFailed) c->sawTlsFailure = true;
    else if (silent) c->sawNoKafkaAnswer = true;
    else if (k == ClientError::Unreachable && !(e == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN && c->sawNoKafkaAnswer))
        c->sawTransportFailure = true;
}

// Group rebalances as the Java consumer handles them: on revocation the positions are committed
// (auto-commit); on assignment a partition without a committed offset starts at the log start or
// end (auto.offset.reset) looked up now, and that position counts as the consumer's position.
void rebalanceCallback(rd_kafka_t* rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts, void* opaque) {
    auto* c = static_cast<RdKafkaBackend::Client*>(opaque);
    // cooperative-sticky (CooperativeStickyAssignor) rebalances incrementally: only the partitions
    // that move are given or taken, and the others keep being read meanwhile.
    const char* protocol = rd_kafka_rebalance_protocol(rk);
    const bool cooperative = protocol && std::strcmp(protocol, "COOPERATIVE") == 0;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        if (c && c->javaAutoCommit) {
            const auto self = c->shared_from_this();
            committedOffsets(self, parts, c->requestTimeoutMs);
            for (int i = 0; i < parts->cnt; ++i) {
                rd_kafka_topic_partition_t& p = parts->elems[i];
                if (p.offset < 0) {
                    int64_t lo = 0, hi = 0;
                    if (watermarks(self, p.topic, p.partition, lo, hi, c->requestTimeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR)
                        p.offset = c->resetEarliest ? lo : hi;
                    else
                        p.offset = RD_KAFKA_OFFSET_INVALID; // auto.offset.reset applies
                }
                if (p.offset >= 0) c->positions[{p.topic, p.partition}] = p.offset;
            }
        }
        if (cooperative) {
            if (rd_kafka_error_t* e = rd_kafka_incremental_assign(rk, parts)) rd_kafka_error_destroy(e);
        } else {
            rd_kafka_assign(rk, parts);
        }
    } else {
        if (c && c->javaAutoCommit) {
            // As the Java consumer before a rebalance: every consumed position is committed; only
            // the revoked partitions are forgotten (all of them with an eager assignor).
            c->commitPositions(false);
            if (cooperative) {
                for (int i = 0; i < parts->cnt; ++i) c->positions.erase({parts->elems[i].topic, parts->elems[i].partition});
            } else {
                c->positions.clear();
            }
        }
        if (cooperative) {
            if (rd_kafka_error_t* e = rd_kafka_incremental_unassign(rk, parts)) rd_kafka_error_destroy(e);
        } else {
            rd_kafka_assign(rk, nullptr);
        }
    }
}

// The library's own log lines go nowhere: the tools print what Kafka's tools print, and a log
// line could carry connection details.
void logCallback(const rd_kafka_t* rk, int, const char*, const char* line) {
    auto* c = rk ? static_cast<RdKafkaBackend::Client*>(rd_kafka_opaque(rk)) : nullptr;
    if (!c || !line) return;
    if (c->collectMetadata) {
        // "127.0.0.1:9092/bootstrap: 1 brokers, 0 topics" (rd_kafka_parse_Metadata, debug=metadata),
        // logged before the answer's cluster id and controller id are stored on the handle.
        if (const char* m = std::strstr(line, " brokers, ")) {
            const char* start = m;
            while (start > line && start[-1] >= '0' && start[-1] <= '9') --start;
            int brokers = 0;
            if (start < m && std::strstr(m, " topics") != nullptr && std::sscanf(start, "%d brokers", &brokers) == 1) {
                std::lock_guard lock(c->apiMutex);
                c->metadataBrokers = brokers;
            }
            return;
        }
    }
    if (!c->collectApiVersions) return;
    // "127.0.0.1:9092/bootstrap:   ApiKey Fetch (1) Versions 4..18"
    const char* p = std::strstr(line, "ApiKey ");
    if (!p) return;
    int key = 0, lo = 0, hi = 0;
    if (std::sscanf(p, "ApiKey %*s (%d) Versions %d..%d", &key, &lo, &hi) != 3) return;
    std::lock_guard lock(c->apiMutex);
    c->apiVersions.emplace(key, std::make_pair(lo, hi));
}

void deliveryCallback(rd_kafka_t* /*rk*/, const rd_kafka_message_t* m, void* opaque) {
    auto* c = static_cast<RdKafkaBackend::Client*>(opaque);
    if (!c) return;
    DeliveryReport r;
    r.id = reinterpret_cast<std::uintptr_t>(m->_private);
    r.tp = TopicPartition{m->rkt ? rd_kafka_topic_name(m->rkt) : "", m->partition};
    r.offset = m->offset;
    if (m->err > 0) {
        r.error = static_cast<ErrorCode>(m->err);
        // The broker's record error when librdkafka kept it (INVALID_TIMESTAMP: "Timestamp T of message
        // with offset 0 is out of range. ..."), else Kafka's default text for the code.
        r.message = brokerMessage(r.error, rd_kafka_message_errstr(m));
    } else if (m->err < 0) {
        r.client = classify(m->err);
        if (m->err == RD_KAFKA_RESP_ERR__MSG_TIMED_OUT) r.error = ErrorCode::CLIENT_DELIVERY_TIMEOUT;
        r.message = rd_kafka_err2str(m->err);
    }
    c->reports.push_back(std::move(r));
}

/// A configuration with the connection's settings; nullptr (and `error`) when one is refused.
rd_kafka_conf_t* makeConf(const RdKafkaConnection& c, RdKafkaBackend::Client* client,
                          const std::vector<std::pair<std::string, std::string>>& extra, std::string& error) {
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    char errstr[512];
    std::vector<std::pair<std::string, std::string>> kv{
        {"bootstrap.servers", c.bootstrap_servers},
        {"client.id", c.client_id},
        {"security.protocol", c.security_protocol},
        {"socket.timeout.ms", std::to_string(std::max<TimeMs>(c.request_timeout_ms, 1000))},
        {"reconnect.backoff.max.ms", "1000"},
    };
    if (!c.sasl_mechanism.empty()) kv.emplace_back("sasl.mechanisms", c.sasl_mechanism);
    if (!c.sasl_username.empty()) kv.emplace_back("sasl.username", c.sasl_username);
    if (!c.ssl_ca_location.empty()) kv.emplace_back("ssl.ca.location", c.ssl_ca_location);
    kv.insert(kv.end(), extra.begin(), extra.end());
    for (const auto& [k, v] : kv) {
        if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
            error = errstr;
            rd_kafka_conf_destroy(conf);
            return nullptr;
        }
    }
    // The password straight from its SecretString (no std::string copy on the way); librdkafka
    // keeps its own copy. Never echo a secret's value back.
    if (!c.sasl_password.empty() &&
        rd_kafka_conf_set(conf, "sasl.password", c.sasl_password.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
        error = "invalid sasl.password";
        rd_kafka_conf_destroy(conf);
        return nullptr;
    }
    rd_kafka_conf_set_opaque(conf, client);
    rd_kafka_conf_set_error_cb(conf, errorCallback);
    rd_kafka_conf_set_log_cb(conf, logCallback);
    return conf;
}

std::shared_ptr<RdKafkaBackend::Client> makeClient(const RdKafkaConnection& c, rd_kafka_type_t type,
                                                   const std::vector<std::pair<std::string, std::string>>& extra,
                                                   std::string& error) {
    FLUXOLAB_RDKAFKA_GUARD();
    auto client = std::make_shared<RdKafkaBackend::Client>();
    client->abort = c.abort;
    // Set before rd_kafka_new: its broker threads may connect and log the ApiVersions answer at once
    // (set afterwards, a fast connection's lines were lost and the probe read no versions).
    for (const auto& [key, value] : extra)
        if (key == "debug") {
            client->collectApiVersions = value.find("feature") != std::string::npos;
            client->collectMetadata = value.find("metadata") != std::string::npos;
        }
    rd_kafka_conf_t* conf = makeConf(c, client.get(), extra, error);
    if (!conf) return nullptr;
    if (type == RD_KAFKA_PRODUCER) rd_kafka_conf_set_dr_msg_cb(conf, deliveryCallback);
    if (type == RD_KAFKA_CONSUMER) rd_kafka_conf_set_rebalance_cb(conf, rebalanceCallback);
    char errstr[512];
    client->rk = rd_kafka_new(type, conf, errstr, sizeof errstr);
    if (!client->rk) {
        rd_kafka_conf_destroy(conf);
        error = errstr;
        return nullptr;
    }
    if (type == RD_KAFKA_CONSUMER) {
        client->consumer = true;
        rd_kafka_poll_set_consumer(client->rk);
    }
    return client;
}

/// Runs one Admin API request and waits for its result event, at most `timeout_ms` (+ a margin).
struct AdminCall {
    rd_kafka_t* rk;
    rd_kafka_queue_t* q = nullptr;
    rd_kafka_AdminOptions_t* opts = nullptr;
    rd_kafka_event_t* ev = nullptr;
    AdminCall(rd_kafka_t* handle, TimeMs timeout_ms, bool operation_timeout = false) : rk(handle) {
        q = rd_kafka_queue_new(rk);
        opts = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_ANY);
        char errstr[256];
        rd_kafka_AdminOptions_set_request_timeout(opts, toInt(timeout_ms), errstr, sizeof errstr);
        if (operation_timeout) rd_kafka_AdminOptions_set_operation_timeout(opts, toInt(timeout_ms), errstr, sizeof errstr);
    }
    ~AdminCall() {
        if (ev) rd_kafka_event_destroy(ev);
        rd_kafka_AdminOptions_destroy(opts);
        rd_kafka_queue_destroy(q);
    }
    AdminCall(const AdminCall&) = delete;
    AdminCall& operator=(const AdminCall&) = delete;
    /// Waits for the result; returns the request-level error (local or Kafka).
    rd_kafka_resp_err_t wait(TimeMs timeout_ms) {
        const auto* client = static_cast<const RdKafkaBackend::Client*>(rd_kafka_opaque(rk));
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms + 2000);
        // In slices of 100 ms: a cancelled job (RdKafkaConnection::abort) stops waiting at once.
        while (!ev && Clock::now() < deadline && !(client && client->aborted()))
            ev = rd_kafka_queue_poll(q, 100);
        if (!ev) return RD_KAFKA_RESP_ERR__TIMED_OUT;
        return rd_kafka_event_error(ev);
    }
    std::string errorString() const { return ev && rd_kafka_event_error_string(ev) ? rd_kafka_event_error_string(ev) : ""; }
};

BackendResult requestFailure(const RdKafkaBackend::Client& c, rd_kafka_resp_err_t err, const std::string& text,
                             ClientError& last) {
    BackendResult r;
    if (err > 0) {
        r.error = static_cast<ErrorCode>(err);
        r.message = brokerMessage(r.error, text.c_str());
    } else {
        r.client = c.clientError(err);
        r.message = text.empty() ? rd_kafka_err2str(err) : text;
        last = r.client;
    }
    return r;
}

} // namespace

// ---------------------------------------------------------------------------------------------

RdKafkaBackend::RdKafkaBackend(RdKafkaConnection connection) : m_conn(std::move(connection)) {
    FLUXOLAB_RDKAFKA_GUARD();
    std::string error;
    m_admin = makeClient(m_conn, RD_KAFKA_PRODUCER, {{"allow.auto.create.topics", "false"}}, error);
    if (!m_admin) m_lastClient = ClientError::BadConfiguration;
}

RdKafkaBackend::~RdKafkaBackend() {
    FLUXOLAB_RDKAFKA_GUARD();
    m_groupLog.reset();
    m_clients.clear();
    m_admin.reset();
}

std::string kafkaReleaseFromApiVersions(const ApiVersionRanges& versions) {
    if (versions.empty()) return {};
    const auto fetch = versions.find(1);
    if (fetch != versions.end() && fetch->second.first >= 4) return "4.x";
    if (versions.count(65) || versions.count(66)) return "3.x";
    if (versions.count(57)) return "2.7–2.8";
    return "< 2.7";
}

ProbeResult RdKafkaBackend::probeConnection(const RdKafkaConnection& connection, TimeMs timeout_ms) {
    FLUXOLAB_RDKAFKA_GUARD();
    return probeConnection(connection, timeout_ms, nullptr);
}

ProbeResult RdKafkaBackend::probeConnection(const RdKafkaConnection& connection, TimeMs timeout_ms,
                                            ApiVersionRanges* versions) {
    FLUXOLAB_RDKAFKA_GUARD();
    ProbeResult r;
    std::string error;
    RdKafkaConnection c = connection;
    c.request_timeout_ms = timeout_ms;
    // The ApiVersions answer (feature) and the broker count of the first Metadata answer (metadata)
    // come from librdkafka's debug lines (logCallback).
    std::vector<std::pair<std::string, std::string>> extra{{"debug", "feature,metadata"}};
    // The socket gives up before the probe does, so that a port that accepts the connection and
    // never answers reports it (error_cb "... in state APIVERSION_QUERY": TimedOut, not Unreachable).
    extra.emplace_back("socket.timeout.ms", std::to_string(std::max<TimeMs>(1000, timeout_ms * 2 / 3)));
    auto client = makeClient(c, RD_KAFKA_PRODUCER, extra, error);
    if (!client) {
        r.status = ClientError::BadConfiguration;
        r.detail = error;
        return r;
    }
    // No blocking call: librdkafka asks a broker for Metadata by itself as soon as its connection is
    // up (the brokers, the cluster id, the controller), and the probe only waits for that answer, in
    // 50 ms slices that also serve error_cb. A cancel (RdKafkaConnection::abort) thus ends the probe
    // within a slice, and the handle with every thread of its own is destroyed here, on this thread,
    // before the probe returns: nothing of a cancelled probe runs on (rd_kafka_metadata, blocking
    // until its own timeout, had to be left running on a detached thread).
    auto brokersSeen = [&client] {
        std::lock_guard lock(client->apiMutex);
        return client->metadataBrokers;
    };
    auto answered = [&client, &brokersSeen] {
        if (brokersSeen() < 0) return false;
        // The count is logged before the answer's ids are stored on the handle: both, or neither.
        if (char* id = rd_kafka_clusterid(client->rk, 0)) {
            rd_kafka_mem_free(client->rk, id);
            return true;
        }
        return rd_kafka_controllerid(client->rk, 0) >= 0;
    };
    const auto deadline = Clock::now() + std::chrono::milliseconds(std::max<TimeMs>(timeout_ms, 0));
    bool done = false;
    while (!(done = answered()) && !client->aborted() && Clock::now() < deadline &&
           !client->sawAuthFailure && !client->sawTlsFailure)
        rd_kafka_poll(client->rk, 50);
    if (client->aborted()) {
        r.status = ClientError::TimedOut;
        r.detail = "cancelled";
        return r;
    }
    // A broker without cluster and controller ids (Metadata v0) still answered.
    if (!done && brokersSeen() >= 0) done = true;
    if (!done) {
        bool apiAnswered = false;
        {
            std::lock_guard lock(client->apiMutex);
            apiAnswered = !client->apiVersions.empty();
        }
        // As rd_kafka_metadata answered: no broker ever usable -> a transport failure; a broker that
        // answered ApiVersions and then not Metadata -> timed out.
        const rd_kafka_resp_err_t err =
            apiAnswered && !client->sawAuthFailure ? RD_KAFKA_RESP_ERR__TIMED_OUT : RD_KAFKA_RESP_ERR__TRANSPORT;
        r.status = client->clientError(err);
        if (r.status == ClientError::None) r.status = ClientError::Other;
        r.detail = client->lastErrorText.empty() ? rd_kafka_err2str(err) : client->lastErrorText;
        return r;
    }
    r.brokers = brokersSeen();
    r.controller = rd_kafka_controllerid(client->rk, 0);
    if (char* id = rd_kafka_clusterid(client->rk, 0)) {
        r.cluster_id = id;
        rd_kafka_mem_free(client->rk, id);
    }
    if (versions) {
        std::lock_guard lock(client->apiMutex);
        *versions = client->apiVersions;
    }
    return r;
}

ProbeResult RdKafkaBackend::probe(TimeMs timeout_ms) const { return probeConnection(m_conn, timeout_ms); }

TimeMs RdKafkaBackend::nowMs() const { return wallMs(); }

void RdKafkaBackend::advance(TimeMs ms) { serveClients(std::max<TimeMs>(0, ms)); }

void RdKafkaBackend::serveClients(TimeMs budget_ms) {
    FLUXOLAB_RDKAFKA_GUARD();
    const auto deadline = Clock::now() + std::chrono::milliseconds(budget_ms);
    do {
        bool anyConsumer = false;
        for (auto& [h, c] : m_clients) {
            if (!c->rk) continue;
            if (!c->consumer) {
                rd_kafka_poll(c->rk, 0);
                continue;
            }
            anyConsumer = true;
            // Drain what is there; a short wait only when serving a time budget.
            const TimeMs left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            int wait = toInt(std::min<TimeMs>(20, std::max<TimeMs>(0, left)));
            while (rd_kafka_message_t* m = rd_kafka_consumer_poll(c->rk, wait)) {
                wait = 0;
                if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                    StoredRecord r;
                    r.tp = TopicPartition{rd_kafka_topic_name(m->rkt), m->partition};
                    r.offset = m->offset;
                    rd_kafka_timestamp_type_t tstype;
                    r.timestamp_ms = rd_kafka_message_timestamp(m, &tstype);
            r.log_append_time = tstype == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME;
                    r.log_append_time = tstype == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME;
                    if (m->key) r.key = std::string(static_cast<const char*>(m->key), m->key_len);
                    if (m->payload) r.value = std::string(static_cast<const char*>(m->payload), m->len);
                    if (c->javaAutoCommit) c->positions[r.tp] = r.offset + 1;
                    c->records.push_back(std::move(r));
                } else {
                    c->lastError = m->err;
                }
                rd_kafka_message_destroy(m);
            }
        }
        for (auto& [h, c] : m_clients)
            if (c->rk && c->consumer && c->javaAutoCommit && Clock::now() >= c->nextCommit) c->commitPositions(true);
        refreshPatterns();
        if (m_admin && m_admin->rk) rd_kafka_poll(m_admin->rk, 0);
        if (m_conn.abort && m_conn.abort->load()) return; // cancelled: the time left is not waited
        if (!anyConsumer && Clock::now() < deadline)
            std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::milliseconds(20), deadline - Clock::now()));
    } while (Clock::now() < deadline);
}

// ---- cluster and topics ----

std::vector<BrokerInfo> RdKafkaBackend::brokers() const {
    FLUXOLAB_RDKAFKA_GUARD();
    std::vector<BrokerInfo> out;
    if (!m_admin) return out;
    const auto answer = fetchMetadata(m_admin, false, {}, m_conn.request_timeout_ms);
    if (answer->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        m_lastClient = m_admin->clientError(answer->err);
        return out;
    }
    m_lastClient = ClientError::None;
    const rd_kafka_metadata_t* md = answer->md;
    for (int i = 0; i < md->broker_cnt; ++i)
        out.push_back(BrokerInfo{md->brokers[i].id, md->brokers[i].host, md->brokers[i].port, true});
    std::sort(out.begin(), out.end(), [](const BrokerInfo& a, const BrokerInfo& b) { return a.id < b.id; });
    return out;
}

std::vector<std::string> RdKafkaBackend::listTopics(bool include_internal) const {
    FLUXOLAB_RDKAFKA_GUARD();
    std::vector<std::string> out;
    if (!m_admin) return out;
    const auto answer = fetchMetadata(m_admin, true, {}, m_conn.request_timeout_ms);
    if (answer->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        m_lastClient = m_admin->clientError(answer->err);
        return out;
    }
    m_lastClient = ClientError::None;
    const rd_kafka_metadata_t* md = answer->md;
    for (int i = 0; i < md->topic_cnt; ++i) {
        const std::string name = md->topics[i].topic;
        if (md->topics[i].err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
        if (include_internal || !internalTopic(name)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<TopicInfo> RdKafkaBackend::describeTopic(const std::string& name) const {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return std::nullopt;
    // All topics: a metadata request naming the topic could auto-create it.
    const auto answer = fetchMetadata(m_admin, true, {}, m_conn.request_timeout_ms);
    if (answer->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        m_lastClient = m_admin->clientError(answer->err);
        return std::nullopt;
    }
    m_lastClient = ClientError::None;
    const rd_kafka_metadata_t* md = answer->md;
    std::optional<TopicInfo> info;
    for (int i = 0; i < md->topic_cnt; ++i) {
        const rd_kafka_metadata_topic_t& t = md->topics[i];
        if (name != t.topic || t.err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
        info.emplace();
        info->name = t.topic;
        info->internal = internalTopic(name); // librdkafka 2.0 metadata carries no is_internal / topic id
        for (int p = 0; p < t.partition_cnt; ++p) {
            const rd_kafka_metadata_partition_t& mp = t.partitions[p];
            PartitionInfo pi;
            pi.partition = mp.id;
            pi.leader = mp.leader;
            pi.replicas.assign(mp.replicas, mp.replicas + mp.replica_cnt);
            pi.isr.assign(mp.isrs, mp.isrs + mp.isr_cnt);
            info->partitions.push_back(std::move(pi));
        }
    }
    if (!info) return std::nullopt;
    std::sort(info->partitions.begin(), info->partitions.end(),
              [](const PartitionInfo& a, const PartitionInfo& b) { return a.partition < b.partition; });
    // Log start and high watermark of every partition: ListOffsets for the earliest (-2) and the
    // latest (-1) offsets, all partitions at once. Not rd_kafka_query_watermark_offsets: it waits for
    // its request's last retry instead of its timeout, so while a leader is down it never returns.
    for (const Offset which : {Offset{-2}, Offset{-1}}) {
        TpList l(static_cast<int>(info->partitions.size()));
        for (const auto& p : info->partitions) l.add({name, p.partition}, which);
        const rd_kafka_resp_err_t werr = offsetsForTimes(m_admin, l.l, m_conn.request_timeout_ms);
        if (werr != RD_KAFKA_RESP_ERR_NO_ERROR) {
            if (werr < 0) {
                // The cluster stopped answering (the metadata came from librdkafka's cache).
                m_lastClient = m_admin->clientError(werr);
                return std::nullopt;
            }
            continue;
        }
        for (int i = 0; i < l.l->cnt; ++i) {
            const rd_kafka_topic_partition_t& tp = l.l->elems[i];
            if (tp.err != RD_KAFKA_RESP_ERR_NO_ERROR || tp.offset < 0) continue;
            for (auto& p : info->partitions)
                if (p.partition == tp.partition) (which == -2 ? p.log_start : p.high_watermark) = tp.offset;
        }
    }
    // DescribeConfigs: the entries that are not Kafka's defaults, in the broker's order.
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_ConfigResource_t* res = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, name.c_str());
    rd_kafka_DescribeConfigs(m_admin->rk, &res, 1, call.opts, call.q);
    rd_kafka_ConfigResource_destroy(res);
    if (call.wait(m_conn.request_timeout_ms) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        size_t n = 0;
        const rd_kafka_ConfigResource_t** rs =
            rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(call.ev), &n);
        for (size_t i = 0; i < n; ++i) {
            size_t m = 0;
            const rd_kafka_ConfigEntry_t** entries = rd_kafka_ConfigResource_configs(rs[i], &m);
            for (size_t j = 0; j < m; ++j) {
                if (rd_kafka_ConfigEntry_source(entries[j]) == RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG) continue;
                const char* v = rd_kafka_ConfigEntry_value(entries[j]);
                info->configs.emplace_back(rd_kafka_ConfigEntry_name(entries[j]), v ? v : "");
            }
        }
    }
    return info;
}

BackendResult RdKafkaBackend::createTopic(const std::string& name, std::optional<std::int32_t> partitions,
                                          std::optional<std::int32_t> replication_factor,
                                          const std::vector<std::pair<std::string, std::string>>& configs,
                                          const std::vector<std::vector<std::int32_t>>& replica_assignment) {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return BackendResult{ErrorCode::NONE, commonConfigError(), ClientError::BadConfiguration};
    char errstr[512];
    rd_kafka_NewTopic_t* nt = rd_kafka_NewTopic_new(name.c_str(), partitions.value_or(-1),
                                                    replication_factor.value_or(-1), errstr, sizeof errstr);
    if (!nt) return BackendResult{ErrorCode::INVALID_TOPIC_EXCEPTION, errstr, ClientError::None};
    for (std::size_t p = 0; p < replica_assignment.size(); ++p) {
        std::vector<std::int32_t> brokers = replica_assignment[p]; // librdkafka takes a non-const array
        rd_kafka_NewTopic_set_replica_assignment(nt, static_cast<std::int32_t>(p), brokers.data(), brokers.size(),
                                                 errstr, sizeof errstr);
    }
    for (const auto& [k, v] : configs) rd_kafka_NewTopic_set_config(nt, k.c_str(), v.c_str());
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms, true);
    rd_kafka_CreateTopics(m_admin->rk, &nt, 1, call.opts, call.q);
    rd_kafka_NewTopic_destroy(nt);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return requestFailure(*m_admin, err, call.errorString(), m_lastClient);
    size_t n = 0;
    const rd_kafka_topic_result_t** rs = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(call.ev), &n);
    BackendResult r = topicResult(rs, n);
    if (!r.ok()) return r;
    m_createdTopics.insert(name);
    // As a person typing the next command would: wait (bounded) until the metadata lists it.
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_conn.request_timeout_ms);
    while (Clock::now() < deadline && !m_admin->aborted()) {
        const auto t = describeTopic(name);
        if (t && !t->partitions.empty() &&
            std::all_of(t->partitions.begin(), t->partitions.end(), [](const PartitionInfo& p) { return p.leader >= 0; }))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return r;
}

BackendResult RdKafkaBackend::deleteTopic(const std::string& name) {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return BackendResult{ErrorCode::NONE, commonConfigError(), ClientError::BadConfiguration};
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms, true);
    rd_kafka_DeleteTopic_t* dt = rd_kafka_DeleteTopic_new(name.c_str());
    rd_kafka_DeleteTopics(m_admin->rk, &dt, 1, call.opts, call.q);
    rd_kafka_DeleteTopic_destroy(dt);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return requestFailure(*m_admin, err, call.errorString(), m_lastClient);
    size_t n = 0;
    const rd_kafka_topic_result_t** rs = rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(call.ev), &n);
    BackendResult r = topicResult(rs, n);
    if (!r.ok()) return r;
    m_createdTopics.erase(name);
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_conn.request_timeout_ms);
    while (Clock::now() < deadline && !m_admin->aborted() && describeTopic(name))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return r;
}

BackendResult RdKafkaBackend::createPartitions(const std::string& name, std::int32_t total,
                                               const std::vector<std::vector<std::int32_t>>& replica_assignment) {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return BackendResult{ErrorCode::NONE, commonConfigError(), ClientError::BadConfiguration};
    char errstr[512];
    rd_kafka_NewPartitions_t* np = rd_kafka_NewPartitions_new(name.c_str(), static_cast<size_t>(std::max(total, 0)),
                                                              errstr, sizeof errstr);
    if (!np) return BackendResult{ErrorCode::INVALID_PARTITIONS, errstr, ClientError::None};
    for (std::size_t i = 0; i < replica_assignment.size(); ++i) {
        std::vector<std::int32_t> brokers = replica_assignment[i]; // librdkafka takes a non-const array
        rd_kafka_NewPartitions_set_replica_assignment(np, static_cast<std::int32_t>(i), brokers.data(), brokers.size(),
                                                      errstr, sizeof errstr);
    }
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms, true);
    rd_kafka_CreatePartitions(m_admin->rk, &np, 1, call.opts, call.q);
    rd_kafka_NewPartitions_destroy(np);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return requestFailure(*m_admin, err, call.errorString(), m_lastClient);
    size_t n = 0;
    const rd_kafka_topic_result_t** rs =
        rd_kafka_CreatePartitions_result_topics(rd_kafka_event_CreatePartitions_result(call.ev), &n);
    BackendResult r = topicResult(rs, n);
    if (!r.ok()) return r;
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_conn.request_timeout_ms);
    while (Clock::now() < deadline && !m_admin->aborted()) {
        const auto t = describeTopic(name);
        if (!t || static_cast<std::int32_t>(t->partitions.size()) >= total) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return r;
}

Offset RdKafkaBackend::earliestOffset(const TopicPartition& tp) const {
    FLUXOLAB_RDKAFKA_GUARD();
    int64_t lo = 0, hi = 0;
    if (!m_admin || watermarks(m_admin, tp.topic, tp.partition, lo, hi, m_conn.request_timeout_ms) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return -1;
    return lo;
}

Offset RdKafkaBackend::latestOffset(const TopicPartition& tp) const {
    FLUXOLAB_RDKAFKA_GUARD();
    int64_t lo = 0, hi = 0;
    if (!m_admin || watermarks(m_admin, tp.topic, tp.partition, lo, hi, m_conn.request_timeout_ms) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return -1;
    return hi;
}

std::optional<Offset> RdKafkaBackend::offsetForTimestamp(const TopicPartition& tp, TimeMs epoch_ms) const {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return std::nullopt;
    TpList l;
    l.add(tp, epoch_ms);
    if (offsetsForTimes(m_admin, l.l, m_conn.request_timeout_ms) != RD_KAFKA_RESP_ERR_NO_ERROR) return std::nullopt;
    const rd_kafka_topic_partition_t& p = l.l->elems[0];
    if (p.err != RD_KAFKA_RESP_ERR_NO_ERROR || p.offset < 0) return std::nullopt;
    return p.offset;
}

std::vector<StoredRecord> RdKafkaBackend::readRecords(const TopicPartition& tp) const {
    FLUXOLAB_RDKAFKA_GUARD();
    std::vector<StoredRecord> out;
    const Offset lo = earliestOffset(tp), hi = latestOffset(tp);
    if (lo < 0 || hi <= lo) return out;
    std::string error;
    auto c = makeClient(m_conn, RD_KAFKA_CONSUMER, {{"enable.auto.commit", "false"}, {"group.id", "fluxolab-reader"}}, error);
    if (!c) return out;
    c->consumer = false; // never joined a group: nothing to leave
    TpList l;
    l.add(tp, lo);
    rd_kafka_assign(c->rk, l.l);
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_conn.request_timeout_ms);
    while (Clock::now() < deadline && !c->aborted() && (out.empty() || out.back().offset < hi - 1)) {
        rd_kafka_message_t* m = rd_kafka_consumer_poll(c->rk, 50);
        if (!m) continue;
        if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR && m->offset < hi) {
            StoredRecord r;
            r.tp = tp;
            r.offset = m->offset;
            rd_kafka_timestamp_type_t tstype;
            r.timestamp_ms = rd_kafka_message_timestamp(m, &tstype);
            r.log_append_time = tstype == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME;
            if (m->key) r.key = std::string(static_cast<const char*>(m->key), m->key_len);
            if (m->payload) r.value = std::string(static_cast<const char*>(m->payload), m->len);
            out.push_back(std::move(r));
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_assign(c->rk, nullptr);
    return out;
}

// ---- consumer groups ----

void RdKafkaBackend::readGroupLog() const {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return;
    if (!m_groupLog) {
        // How many partitions __consumer_offsets has (none yet: no group has been coordinated; the
        // admin handle never creates a topic by asking for it).
        int partitions = 0;
        const auto answer = fetchMetadata(m_admin, false, "__consumer_offsets", m_conn.request_timeout_ms);
        if (answer->err == RD_KAFKA_RESP_ERR_NO_ERROR && answer->md->topic_cnt == 1 &&
            answer->md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR)
            partitions = answer->md->topics[0].partition_cnt;
        if (partitions <= 0) return;
        std::string error;
        m_groupLog = makeClient(m_conn, RD_KAFKA_CONSUMER,
                                {{"group.id", "fluxolab-group-log"}, {"enable.auto.commit", "false"}, {"enable.auto.offset.store", "false"}},
                                error);
        if (!m_groupLog) return;
        m_groupLog->consumer = false; // assigned, never joins its group: nothing to leave
        TpList l(partitions);
        for (int p = 0; p < partitions; ++p) l.add({"__consumer_offsets", p}, RD_KAFKA_OFFSET_BEGINNING);
        rd_kafka_assign(m_groupLog->rk, l.l);
    }
    // What has arrived, without waiting (the fetches run on librdkafka's threads); a bounded number
    // per call so that a long history does not hold a refresh up.
    for (int i = 0; i < 50000; ++i) {
        rd_kafka_message_t* m = rd_kafka_consumer_poll(m_groupLog->rk, 0);
        if (!m) break;
        if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR && m->key) {
            std::optional<std::string_view> value;
            if (m->payload) value = std::string_view(static_cast<const char*>(m->payload), m->len);
            if (const auto r = decodeGroupLogRecord(std::string_view(static_cast<const char*>(m->key), m->key_len), value)) {
                if (r->deleted) m_storedGenerations.erase(r->group);
                else m_storedGenerations[r->group] = r->generation;
            }
        }
        rd_kafka_message_destroy(m);
    }
}

std::vector<std::string> RdKafkaBackend::listGroups() const {
    FLUXOLAB_RDKAFKA_GUARD();
    std::vector<std::string> out;
    if (!m_admin) return out;
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_ListConsumerGroups(m_admin->rk, call.opts, call.q);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        m_lastClient = m_admin->clientError(err);
        return out;
    }
    m_lastClient = ClientError::None;
    size_t n = 0;
    const rd_kafka_ConsumerGroupListing_t** gs =
        rd_kafka_ListConsumerGroups_result_valid(rd_kafka_event_ListConsumerGroups_result(call.ev), &n);
    for (size_t i = 0; i < n; ++i) out.emplace_back(rd_kafka_ConsumerGroupListing_group_id(gs[i]));
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<GroupInfo> RdKafkaBackend::describeGroup(const std::string& group) const {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return std::nullopt;
    GroupInfo info;
    {
        AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
        const char* ids[] = {group.c_str()};
        rd_kafka_DescribeConsumerGroups(m_admin->rk, ids, 1, call.opts, call.q);
        const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            m_lastClient = m_admin->clientError(err);
            return std::nullopt;
        }
        m_lastClient = ClientError::None;
        size_t n = 0;
        const rd_kafka_ConsumerGroupDescription_t** ds =
            rd_kafka_DescribeConsumerGroups_result_groups(rd_kafka_event_DescribeConsumerGroups_result(call.ev), &n);
        if (n == 0 || rd_kafka_ConsumerGroupDescription_error(ds[0])) return std::nullopt;
        const rd_kafka_ConsumerGroupDescription_t* d = ds[0];
        switch (rd_kafka_ConsumerGroupDescription_state(d)) {
        case RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE: info.state = GroupState::PreparingRebalance; break;
        case RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE: info.state = GroupState::CompletingRebalance; break;
        case RD_KAFKA_CONSUMER_GROUP_STATE_STABLE: info.state = GroupState::Stable; break;
        case RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY: info.state = GroupState::Empty; break;
        case RD_KAFKA_CONSUMER_GROUP_STATE_DEAD: return std::nullopt;
        default: info.state = GroupState::Unknown; break;
        }
        info.id = rd_kafka_ConsumerGroupDescription_group_id(d);
        if (const char* a = rd_kafka_ConsumerGroupDescription_partition_assignor(d)) info.protocol = a;
        if (const rd_kafka_Node_t* node = rd_kafka_ConsumerGroupDescription_coordinator(d))
            info.coordinator = BrokerInfo{rd_kafka_Node_id(node), rd_kafka_Node_host(node), rd_kafka_Node_port(node), true};
        const size_t members = rd_kafka_ConsumerGroupDescription_member_count(d);
        for (size_t i = 0; i < members; ++i) {
            const rd_kafka_MemberDescription_t* m = rd_kafka_ConsumerGroupDescription_member(d, i);
            MemberInfo mi;
            mi.member_id = rd_kafka_MemberDescription_consumer_id(m);
            mi.client_id = rd_kafka_MemberDescription_client_id(m);
            mi.host = rd_kafka_MemberDescription_host(m);
            if (const rd_kafka_MemberAssignment_t* a = rd_kafka_MemberDescription_assignment(m))
                if (const rd_kafka_topic_partition_list_t* l = rd_kafka_MemberAssignment_partitions(a))
                    for (int j = 0; j < l->cnt; ++j) mi.assignment.push_back({l->elems[j].topic, l->elems[j].partition});
            info.members.push_back(std::move(mi));
        }
    }
    readGroupLog();
    if (const auto it = m_storedGenerations.find(group); it != m_storedGenerations.end()) info.generation = it->second;
    // Committed offsets (OffsetFetch for every partition of the group).
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_ListConsumerGroupOffsets_t* req = rd_kafka_ListConsumerGroupOffsets_new(group.c_str(), nullptr);
    rd_kafka_ListConsumerGroupOffsets(m_admin->rk, &req, 1, call.opts, call.q);
    rd_kafka_ListConsumerGroupOffsets_destroy(req);
    if (call.wait(m_conn.request_timeout_ms) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        size_t n = 0;
        const rd_kafka_group_result_t** gs =
            rd_kafka_ListConsumerGroupOffsets_result_groups(rd_kafka_event_ListConsumerGroupOffsets_result(call.ev), &n);
        if (n > 0)
            if (const rd_kafka_topic_partition_list_t* l = rd_kafka_group_result_partitions(gs[0]))
                for (int j = 0; j < l->cnt; ++j)
                    if (l->elems[j].offset >= 0 && l->elems[j].err == RD_KAFKA_RESP_ERR_NO_ERROR)
                        info.committed[{l->elems[j].topic, l->elems[j].partition}] = l->elems[j].offset;
    }
    return info;
}

namespace {
/// The group's coordinator is not ready (it is being elected or still loads __consumer_offsets,
/// e.g. just after the broker started): the Java AdminClient retries these until its timeout.
bool coordinatorNotReady(ErrorCode e) {
    return e == ErrorCode::COORDINATOR_NOT_AVAILABLE || e == ErrorCode::COORDINATOR_LOAD_IN_PROGRESS ||
           e == ErrorCode::NOT_COORDINATOR;
}
} // namespace

BackendResult RdKafkaBackend::retryWhileCoordinatorNotReady(const std::function<BackendResult()>& call) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_conn.request_timeout_ms);
    for (;;) {
        BackendResult r = call();
        if (!coordinatorNotReady(r.error) || Clock::now() >= deadline || (m_conn.abort && m_conn.abort->load())) return r;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

BackendResult RdKafkaBackend::alterGroupOffsets(const std::string& group, const std::map<TopicPartition, Offset>& offsets) {
    FLUXOLAB_RDKAFKA_GUARD();
    BackendResult r = retryWhileCoordinatorNotReady([&] { return alterGroupOffsetsOnce(group, offsets); });
    if (r.ok()) m_usedGroups.insert(group);
    return r;
}

BackendResult RdKafkaBackend::alterGroupOffsetsOnce(const std::string& group, const std::map<TopicPartition, Offset>& offsets) {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return BackendResult{ErrorCode::NONE, commonConfigError(), ClientError::BadConfiguration};
    TpList l(static_cast<int>(offsets.size()));
    for (const auto& [tp, o] : offsets) l.add(tp, o);
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_AlterConsumerGroupOffsets_t* req = rd_kafka_AlterConsumerGroupOffsets_new(group.c_str(), l.l);
    rd_kafka_AlterConsumerGroupOffsets(m_admin->rk, &req, 1, call.opts, call.q);
    rd_kafka_AlterConsumerGroupOffsets_destroy(req);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return requestFailure(*m_admin, err, call.errorString(), m_lastClient);
    size_t n = 0;
    const rd_kafka_group_result_t** gs =
        rd_kafka_AlterConsumerGroupOffsets_result_groups(rd_kafka_event_AlterConsumerGroupOffsets_result(call.ev), &n);
    BackendResult r;
    if (n == 0) return r;
    if (const rd_kafka_error_t* e = rd_kafka_group_result_error(gs[0])) {
        r.error = static_cast<ErrorCode>(rd_kafka_error_code(e));
        r.message = brokerMessage(r.error, rd_kafka_error_string(e));
        return r;
    }
    if (const rd_kafka_topic_partition_list_t* pl = rd_kafka_group_result_partitions(gs[0]))
        for (int j = 0; j < pl->cnt; ++j)
            if (pl->elems[j].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                r.error = static_cast<ErrorCode>(pl->elems[j].err);
                r.message = javaMessage(r.error);
                break;
            }
    return r;
}

BackendResult RdKafkaBackend::deleteGroup(const std::string& group) {
    FLUXOLAB_RDKAFKA_GUARD();
    return retryWhileCoordinatorNotReady([&] { return deleteGroupOnce(group); });
}

BackendResult RdKafkaBackend::deleteGroupOnce(const std::string& group) {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return BackendResult{ErrorCode::NONE, commonConfigError(), ClientError::BadConfiguration};
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_DeleteGroup_t* dg = rd_kafka_DeleteGroup_new(group.c_str());
    rd_kafka_DeleteGroups(m_admin->rk, &dg, 1, call.opts, call.q);
    rd_kafka_DeleteGroup_destroy(dg);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return requestFailure(*m_admin, err, call.errorString(), m_lastClient);
    size_t n = 0;
    const rd_kafka_group_result_t** gs = rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(call.ev), &n);
    BackendResult r;
    if (n > 0)
        if (const rd_kafka_error_t* e = rd_kafka_group_result_error(gs[0])) {
            r.error = static_cast<ErrorCode>(rd_kafka_error_code(e));
            r.message = javaMessage(r.error);
        }
    return r;
}

DeleteOffsetsResult RdKafkaBackend::deleteGroupOffsets(const std::string& group,
                                                       const std::vector<TopicPartition>& partitions) {
    FLUXOLAB_RDKAFKA_GUARD();
    DeleteOffsetsResult r;
    if (!m_admin) {
        r.error = ErrorCode::UNKNOWN_SERVER_ERROR;
        return r;
    }
    TpList l(static_cast<int>(partitions.size()));
    for (const auto& tp : partitions) l.add(tp, RD_KAFKA_OFFSET_INVALID);
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_DeleteConsumerGroupOffsets_t* req = rd_kafka_DeleteConsumerGroupOffsets_new(group.c_str(), l.l);
    rd_kafka_DeleteConsumerGroupOffsets(m_admin->rk, &req, 1, call.opts, call.q);
    rd_kafka_DeleteConsumerGroupOffsets_destroy(req);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        r.error = err > 0 ? static_cast<ErrorCode>(err) : ErrorCode::REQUEST_TIMED_OUT;
        if (err < 0) m_lastClient = m_admin->clientError(err);
        for (const auto& tp : partitions) r.partitions[tp] = r.error;
        return r;
    }
    size_t n = 0;
    const rd_kafka_group_result_t** gs =
        rd_kafka_DeleteConsumerGroupOffsets_result_groups(rd_kafka_event_DeleteConsumerGroupOffsets_result(call.ev), &n);
    if (n == 0) return r;
    if (const rd_kafka_error_t* e = rd_kafka_group_result_error(gs[0])) {
        r.error = static_cast<ErrorCode>(rd_kafka_error_code(e));
        for (const auto& tp : partitions) r.partitions[tp] = r.error;
        return r;
    }
    if (const rd_kafka_topic_partition_list_t* pl = rd_kafka_group_result_partitions(gs[0]))
        for (int j = 0; j < pl->cnt; ++j) {
            const auto e = static_cast<ErrorCode>(pl->elems[j].err);
            r.partitions[{pl->elems[j].topic, pl->elems[j].partition}] = e;
            if (r.error == ErrorCode::NONE && e != ErrorCode::NONE) r.error = e;
        }
    return r;
}

// ---- clients ----

ClusterBackend::Handle RdKafkaBackend::openProducer(const ProducerSettings& s) {
    FLUXOLAB_RDKAFKA_GUARD();
    std::string error;
    RdKafkaConnection c = m_conn;
    c.client_id = s.client_id;
    auto client = makeClient(c, RD_KAFKA_PRODUCER,
                             {{"partitioner", "murmur2_random"}, // the Java client's partitioner for keyed records
                              {"linger.ms", std::to_string(s.linger_ms)},
                              {"acks", std::to_string(s.acks)},
                              {"message.send.max.retries", std::to_string(s.retries)},
                              {"request.timeout.ms", std::to_string(std::max<std::int64_t>(s.request_timeout_ms, 1))},
                              {"batch.size", std::to_string(s.batch_size)},
                              {"message.timeout.ms", "120000"}}, // delivery.timeout.ms
                             error);
    if (!client) {
        m_lastClient = ClientError::BadConfiguration;
        return -1;
    }
    client->batchSize = std::max<std::int64_t>(s.batch_size, 1);
    const Handle h = m_next++;
    m_clients[h] = std::move(client);
    return h;
}

std::uint64_t RdKafkaBackend::sendAsync(Handle producer, const std::string& topic, const std::optional<std::string>& key,
                                        const std::string& value, BackendResult* refused) {
    FLUXOLAB_RDKAFKA_GUARD();
    auto it = m_clients.find(producer);
    if (it == m_clients.end() || it->second->consumer || !it->second->rk) {
        if (refused) *refused = BackendResult{ErrorCode::NONE, "unknown producer", ClientError::BadConfiguration};
        return 0;
    }
    Client& c = *it->second;
    const std::uint64_t id = c.nextId++;
    std::int32_t partition = RD_KAFKA_PARTITION_UA; // keyed: murmur2 (partitioner=murmur2_random)
    if (!key) {
        Client::Sticky& st = c.sticky[topic];
        if (st.partitions <= 0) {
            const auto answer = fetchMetadata(it->second, false, topic, m_conn.request_timeout_ms);
            if (answer->err == RD_KAFKA_RESP_ERR_NO_ERROR && answer->md->topic_cnt == 1 &&
                answer->md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR)
                st.partitions = answer->md->topics[0].partition_cnt;
        }
        if (st.partitions > 0) {
            if (st.current < 0 || st.bytes >= c.batchSize) {
                st.current = std::uniform_int_distribution<std::int32_t>(0, st.partitions - 1)(c.random);
                st.bytes = 0;
            }
            partition = st.current;
            st.bytes += static_cast<std::int64_t>(value.size());
        }
    }
    rd_kafka_resp_err_t err;
    void* opaque = reinterpret_cast<void*>(static_cast<std::uintptr_t>(id));
    if (key)
        err = rd_kafka_producev(c.rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                RD_KAFKA_V_KEY(key->data(), key->size()),
                                RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                                RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    else
        err = rd_kafka_producev(c.rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                RD_KAFKA_V_PARTITION(partition),
                                RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                                RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    rd_kafka_poll(c.rk, 0);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (refused) {
            *refused = BackendResult{};
            if (err > 0) refused->error = static_cast<ErrorCode>(err);
            else refused->client = classify(err);
            refused->message = rd_kafka_err2str(err);
        }
        return 0;
    }
    return id;
}

BackendResult RdKafkaBackend::send(Handle producer, const std::string& topic, const std::optional<std::string>& key,
                                   const std::string& value) {
    FLUXOLAB_RDKAFKA_GUARD();
    BackendResult r;
    sendAsync(producer, topic, key, value, &r);
    return r;
}

std::vector<DeliveryReport> RdKafkaBackend::takeDeliveryReports(Handle producer) {
    FLUXOLAB_RDKAFKA_GUARD();
    auto it = m_clients.find(producer);
    if (it == m_clients.end() || !it->second->rk) return {};
    rd_kafka_poll(it->second->rk, 0);
    return std::exchange(it->second->reports, {});
}

void RdKafkaBackend::closeProducer(Handle producer) {
    FLUXOLAB_RDKAFKA_GUARD();
    auto it = m_clients.find(producer);
    if (it == m_clients.end()) return;
    if (it->second->rk) {
        // Bounded: KafkaProducer.close() waits for acks (30 s here), in slices a cancel can stop.
        const auto deadline = Clock::now() + std::chrono::milliseconds(30000);
        while (rd_kafka_outq_len(it->second->rk) > 0 && Clock::now() < deadline && !it->second->aborted())
            rd_kafka_flush(it->second->rk, 100);
    }
    m_clients.erase(it);
}

namespace {
/// rd_kafka_subscribe to `topics` (an empty list: no subscription, as a pattern that matches nothing).
void subscribeTo(RdKafkaBackend::Client& client, const std::vector<std::string>& topics) {
    if (topics.empty()) {
        if (client.subscribed) rd_kafka_unsubscribe(client.rk);
        client.subscribed = false;
        return;
    }
    TpList l(static_cast<int>(topics.size()));
    for (const auto& t : topics) l.add({t, RD_KAFKA_PARTITION_UA}, RD_KAFKA_OFFSET_INVALID);
    rd_kafka_subscribe(client.rk, l.l);
    client.subscribed = true;
}
} // namespace

void RdKafkaBackend::refreshPatterns() {
    FLUXOLAB_RDKAFKA_GUARD();
    std::optional<std::vector<std::string>> topics; // listed once for every client due now
    for (auto& [h, c] : m_clients) {
        if (!c->rk || !c->pattern || Clock::now() < c->nextPatternRefresh) continue;
        c->nextPatternRefresh = Clock::now() + std::chrono::milliseconds(c->metadataMaxAgeMs);
        if (!topics) topics = listTopics(false);
        if (m_lastClient != ClientError::None) return; // no metadata now: the next refresh tries again
        std::vector<std::string> matched;
        for (const auto& t : *topics)
            if (c->pattern(t)) matched.push_back(t);
        if (matched == c->patternTopics) continue;
        c->patternTopics = std::move(matched);
        subscribeTo(*c, c->patternTopics); // the group rebalances, as after the Java consumer's refresh
    }
}

ClusterBackend::Handle RdKafkaBackend::openConsumer(const ConsumerSettings& s) {
    FLUXOLAB_RDKAFKA_GUARD();
    std::string error;
    RdKafkaConnection c = m_conn;
    c.client_id = s.client_id;
    const bool subscribe = !s.partition;
    const RdKafkaAssignors assignors = rdkafkaAssignmentStrategy(s.assignment_strategy);
    if (subscribe && !assignors.unsupported.empty()) {
        m_lastClient = ClientError::BadConfiguration; // never another assignor in its place
        return -1;
    }
    std::vector<std::pair<std::string, std::string>> extra{
        // Auto-commit is done here, as the Java consumer does it (see Client::commitPositions).
        {"enable.auto.commit", "false"},
        {"auto.offset.reset", s.earliest ? "earliest" : "latest"},
        // The Java consumer's default assignors are [range, cooperative-sticky]: range is picked.
        {"partition.assignment.strategy", assignors.strategy.empty() ? "range" : assignors.strategy},
        // The Java consumer's default: subscribing to a missing topic lets the broker create it
        // (auto.create.topics.enable=true on a stock broker).
        {"allow.auto.create.topics", "true"},
    };
    // librdkafka needs a group.id even for manual assignment; nothing is committed then.
    extra.emplace_back("group.id", subscribe && !s.group_id.empty() ? s.group_id : "fluxolab-no-group");
    auto client = makeClient(c, RD_KAFKA_CONSUMER, extra, error);
    if (!client) {
        m_lastClient = ClientError::BadConfiguration;
        return -1;
    }
    client->javaAutoCommit = subscribe && s.enable_auto_commit && !s.group_id.empty();
    if (subscribe && !s.group_id.empty()) m_usedGroups.insert(s.group_id);
    client->resetEarliest = s.earliest;
    client->requestTimeoutMs = m_conn.request_timeout_ms;
    // As KafkaConsumer: the auto-commit timer starts with the consumer, not with the assignment.
    client->nextCommit = Clock::now() + std::chrono::milliseconds(5000);
    if (subscribe) {
        // The Java consumer's metadata requests let the broker create a subscribed topic that does
        // not exist (allow.auto.create.topics=true) when the broker allows it; librdkafka 2.0 only
        // reports "Subscribed topic not available" and never joins. Do what the broker would do.
        if (s.topic_pattern) {
            // A pattern creates nothing: it matches the topics there are (internal ones excluded).
            client->pattern = s.topic_pattern;
            client->metadataMaxAgeMs = std::max<TimeMs>(0, s.metadata_max_age_ms.value_or(300000));
            client->nextPatternRefresh = Clock::now() + std::chrono::milliseconds(client->metadataMaxAgeMs);
            for (const auto& t : listTopics(false))
                if (s.topic_pattern(t)) client->patternTopics.push_back(t);
            subscribeTo(*client, client->patternTopics);
        } else {
            std::vector<std::string> missing;
            const auto existing = listTopics(true);
            for (const auto& t : s.topics)
                if (std::find(existing.begin(), existing.end(), t) == existing.end()) missing.push_back(t);
            if (!missing.empty() && brokerAutoCreatesTopics())
                for (const auto& t : missing) createTopic(t, std::nullopt, std::nullopt, {});
            subscribeTo(*client, s.topics);
        }
    } else {
        TpList l;
        const Offset start = s.start_offset.value_or(-1);
        l.add(*s.partition, start == -2 ? RD_KAFKA_OFFSET_BEGINNING : start == -1 ? RD_KAFKA_OFFSET_END : start);
        rd_kafka_assign(client->rk, l.l);
        client->consumer = true;
    }
    const Handle h = m_next++;
    m_clients[h] = std::move(client);
    return h;
}

std::vector<StoredRecord> RdKafkaBackend::takeRecords(Handle consumer) {
    FLUXOLAB_RDKAFKA_GUARD();
    serveClients(0);
    auto it = m_clients.find(consumer);
    if (it == m_clients.end()) return {};
    std::vector<StoredRecord> out(std::make_move_iterator(it->second->records.begin()),
                                  std::make_move_iterator(it->second->records.end()));
    it->second->records.clear();
    return out;
}

bool RdKafkaBackend::hasAssignment(Handle consumer) const {
    FLUXOLAB_RDKAFKA_GUARD();
    auto it = m_clients.find(consumer);
    if (it == m_clients.end() || !it->second->rk) return false;
    rd_kafka_topic_partition_list_t* l = nullptr;
    if (rd_kafka_assignment(it->second->rk, &l) != RD_KAFKA_RESP_ERR_NO_ERROR || !l) return false;
    const bool any = l->cnt > 0;
    rd_kafka_topic_partition_list_destroy(l);
    return any;
}

void RdKafkaBackend::seek(Handle consumer, const TopicPartition& tp, Offset offset) {
    FLUXOLAB_RDKAFKA_GUARD();
    auto it = m_clients.find(consumer);
    if (it == m_clients.end() || !it->second->rk) return;
    auto l = std::make_shared<TpList>();
    l->add(tp, offset == -2 ? RD_KAFKA_OFFSET_BEGINNING : offset == -1 ? RD_KAFKA_OFFSET_END : offset);
    runAbortable(it->second, [client = it->second, l, timeout = m_conn.request_timeout_ms] {
        if (rd_kafka_error_t* e = rd_kafka_seek_partitions(client->rk, l->l, toInt(timeout))) rd_kafka_error_destroy(e);
    });
}

void RdKafkaBackend::closeClients() {
    FLUXOLAB_RDKAFKA_GUARD();
    m_clients.clear(); // each Client closes itself (a consumer leaves its group first)
    m_groupLog.reset();
}

void RdKafkaBackend::closeConsumer(Handle consumer) {
    FLUXOLAB_RDKAFKA_GUARD();
    auto it = m_clients.find(consumer);
    if (it == m_clients.end()) return;
    it->second->closeConsumer(m_conn.request_timeout_ms);
    m_clients.erase(it);
}

DescribeConfigsResult RdKafkaBackend::describeConfigs(ConfigResourceKind kind, const std::string& name) const {
    FLUXOLAB_RDKAFKA_GUARD();
    DescribeConfigsResult out;
    if (!m_admin) {
        out.result = BackendResult{ErrorCode::NONE, commonConfigError(), ClientError::BadConfiguration};
        return out;
    }
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_ConfigResource_t* res = rd_kafka_ConfigResource_new(
        kind == ConfigResourceKind::Topic ? RD_KAFKA_RESOURCE_TOPIC : RD_KAFKA_RESOURCE_BROKER, name.c_str());
    rd_kafka_DescribeConfigs(m_admin->rk, &res, 1, call.opts, call.q);
    rd_kafka_ConfigResource_destroy(res);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        out.result = requestFailure(*m_admin, err, call.errorString(), m_lastClient);
        return out;
    }
    size_t n = 0;
    const rd_kafka_ConfigResource_t** rs =
        rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(call.ev), &n);
    for (size_t i = 0; i < n; ++i) {
        if (rd_kafka_ConfigResource_error(rs[i]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
            out.result.error = static_cast<ErrorCode>(rd_kafka_ConfigResource_error(rs[i]));
            out.result.message = brokerMessage(out.result.error, rd_kafka_ConfigResource_error_string(rs[i]));
            return out;
        }
        size_t m = 0;
        const rd_kafka_ConfigEntry_t** entries = rd_kafka_ConfigResource_configs(rs[i], &m);
        for (size_t j = 0; j < m; ++j) {
            ConfigEntryInfo e;
            e.name = rd_kafka_ConfigEntry_name(entries[j]);
            if (const char* v = rd_kafka_ConfigEntry_value(entries[j])) e.value = v;
            e.source = rd_kafka_ConfigSource_name(rd_kafka_ConfigEntry_source(entries[j]));
            e.sensitive = rd_kafka_ConfigEntry_is_sensitive(entries[j]) != 0;
            size_t k = 0;
            const rd_kafka_ConfigEntry_t** syn = rd_kafka_ConfigEntry_synonyms(entries[j], &k);
            for (size_t x = 0; x < k; ++x) {
                const char* v = rd_kafka_ConfigEntry_value(syn[x]);
                e.synonyms.push_back({rd_kafka_ConfigSource_name(rd_kafka_ConfigEntry_source(syn[x])),
                                      rd_kafka_ConfigEntry_name(syn[x]), v ? v : "null"});
            }
            out.entries.push_back(std::move(e));
        }
    }
    return out;
}

BackendResult RdKafkaBackend::incrementalAlterConfigs(ConfigResourceKind kind, const std::string& name,
                                                      const std::vector<std::pair<std::string, std::optional<std::string>>>& changes) {
    FLUXOLAB_RDKAFKA_GUARD();
    if (!m_admin) return BackendResult{ErrorCode::NONE, commonConfigError(), ClientError::BadConfiguration};
    if (kind != ConfigResourceKind::Topic)
        return BackendResult{ErrorCode::NONE, "altering broker configs is not emulated", ClientError::Other};
    const DescribeConfigsResult now = describeConfigs(kind, name);
    if (!now.result.ok()) return now.result;
    std::map<std::string, std::string> configs;
    for (const auto& e : now.entries)
        if (e.source == "DYNAMIC_TOPIC_CONFIG" && e.value) configs[e.name] = *e.value;
    for (const auto& [k, v] : changes) {
        if (v) configs[k] = *v;
        else configs.erase(k);
    }
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_ConfigResource_t* res = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, name.c_str());
    for (const auto& [k, v] : configs) rd_kafka_ConfigResource_set_config(res, k.c_str(), v.c_str());
    rd_kafka_AlterConfigs(m_admin->rk, &res, 1, call.opts, call.q);
    rd_kafka_ConfigResource_destroy(res);
    const rd_kafka_resp_err_t err = call.wait(m_conn.request_timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return requestFailure(*m_admin, err, call.errorString(), m_lastClient);
    size_t n = 0;
    const rd_kafka_ConfigResource_t** rs =
        rd_kafka_AlterConfigs_result_resources(rd_kafka_event_AlterConfigs_result(call.ev), &n);
    BackendResult r;
    if (n > 0 && rd_kafka_ConfigResource_error(rs[0]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        r.error = static_cast<ErrorCode>(rd_kafka_ConfigResource_error(rs[0]));
        r.message = brokerMessage(r.error, rd_kafka_ConfigResource_error_string(rs[0]));
    }
    return r;
}

bool RdKafkaBackend::brokerAutoCreatesTopics() const {
    FLUXOLAB_RDKAFKA_GUARD();
    const auto bs = brokers();
    if (!m_admin || bs.empty()) return false;
    AdminCall call(m_admin->rk, m_conn.request_timeout_ms);
    rd_kafka_ConfigResource_t* res =
        rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_BROKER, std::to_string(bs.front().id).c_str());
    rd_kafka_DescribeConfigs(m_admin->rk, &res, 1, call.opts, call.q);
    rd_kafka_ConfigResource_destroy(res);
    if (call.wait(m_conn.request_timeout_ms) != RD_KAFKA_RESP_ERR_NO_ERROR) return false;
    size_t n = 0;
    const rd_kafka_ConfigResource_t** rs =
        rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(call.ev), &n);
    for (size_t i = 0; i < n; ++i) {
        size_t m = 0;
        const rd_kafka_ConfigEntry_t** entries = rd_kafka_ConfigResource_configs(rs[i], &m);
        for (size_t j = 0; j < m; ++j)
            if (std::strcmp(rd_kafka_ConfigEntry_name(entries[j]), "auto.create.topics.enable") == 0) {
                const char* v = rd_kafka_ConfigEntry_value(entries[j]);
                return v && std::strcmp(v, "true") == 0;
            }
    }
    return false;
}

std::string RdKafkaBackend::commonConfigError() const { return "the client configuration was refused"; }

} // namespace fluxolab::labs
