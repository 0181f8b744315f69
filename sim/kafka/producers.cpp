// The producer component: clients and the broker side of Produce (see producers.h).
#include "sim/kafka/producers.h"

#include "sim/cluster_internal.h"
#include "sim/hash.h"

#include <algorithm>
#include <set>

namespace fluxolab::sim::kafka {

using namespace detail;

namespace {
/// The node id the Java client gives its first bootstrap server (NetworkClient logs "node -1").
constexpr BrokerId kBootstrapNode = -1;
} // namespace

std::uint32_t RecordStore::internKey(const std::string& key) {
    auto it = m_key_index.find(key);
    if (it != m_key_index.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(m_keys.size());
    m_keys.push_back(key);
    m_key_hash.push_back(murmur2(key));
    m_key_index.emplace(key, id);
    return id;
}

std::uint32_t RecordStore::addValue(std::string value) {
    m_values.push_back(std::move(value));
    return static_cast<std::uint32_t>(m_values.size() - 1);
}

TimeMs exponentialBackoff(Rng& rng, TimeMs initial, TimeMs max, std::int64_t attempts) {
    initial = std::min(initial, max);
    if (max <= initial) return initial; // expMax == 0 in Kafka: no growth and no jitter
    TimeMs term = std::max<TimeMs>(initial, 0);
    for (std::int64_t i = 0; i < attempts && term > 0 && term < max; ++i) term *= 2;
    term = std::min(term, max); // == initial * 2^min(attempts, log2(max / initial))
    // The factor U(0.8, 1.2) in parts per million; term / 10^6 * ppm + rest keeps it exact without overflow.
    const auto ppm = static_cast<TimeMs>(800000 + rng.below(400000));
    const TimeMs value = term / 1000000 * ppm + term % 1000000 * ppm / 1000000;
    return std::min(value, max);
}

Producers::Producers(runtime::Scheduler& scheduler, const ClusterConfig& config, Journal& journal, Rng& rng,
                     RecordStore& store, ProduceBrokers& brokers, runtime::RngStreams streams)
    : m_scheduler(scheduler), m_timers(scheduler, "kafka.producers", *this), m_config(config), m_journal(journal),
      m_rng(rng), m_store(store), m_brokers(brokers), m_streams(streams) {}

Producers::~Producers() = default;

void Producers::onTimer(const runtime::Timer& timer) {
    const auto t = runtime::TimerChannel<ProducerTimer>::typed(timer);
    switch (t.kind) {
    case ProducerTimer::Linger: {
        auto& pd = *m_producers[static_cast<std::size_t>(t.a)];
        if (pd.linger_at == t.time) pd.linger_at = -1;
        drain(t.a);
        break;
    }
    case ProducerTimer::Wake: {
        m_producers[static_cast<std::size_t>(t.a)]->wake_armed = false;
        drain(t.a);
        break;
    }
    case ProducerTimer::ProduceArrive: produceArrives(static_cast<std::uint64_t>(t.b)); break;
    case ProducerTimer::Reconnect: {
        auto& pd = *m_producers[static_cast<std::size_t>(t.a)];
        if (auto c = pd.connections.find(static_cast<BrokerId>(t.b)); c != pd.connections.end()) c->second.wake_armed = false;
        drain(t.a);
        break;
    }
    case ProducerTimer::ConnectResult: connectResult(t.a, static_cast<BrokerId>(t.b)); break;
    case ProducerTimer::MetadataWait: {
        auto& pd = *m_producers[static_cast<std::size_t>(t.a)];
        if (pd.blocked.empty() || pd.blocked.front().serial != static_cast<std::uint64_t>(t.b)) break;
        // KafkaProducer.waitOnMetadata: "Topic T not present in metadata after N ms." (a TimeoutException
        // to the callback); the caller's thread goes on to its next send(), which waits in turn.
        failBlockedSend(pd, ErrorCode::CLIENT_METADATA_TIMEOUT);
        pd.blocked_until = -1;
        if (!pd.blocked.empty()) {
            pd.blocked_until = now() + pd.config.max_block_ms;
            schedule(pd.blocked_until, ProducerTimer::MetadataWait, pd.index, static_cast<std::int64_t>(pd.blocked.front().serial));
        }
        break;
    }
    case ProducerTimer::Expire: {
        auto& pd = *m_producers[static_cast<std::size_t>(t.a)];
        if (pd.expiry_at == t.time) pd.expiry_at = -1;
        expireQueued(pd);
        drain(t.a);
        break;
    }
    case ProducerTimer::ProduceResponse: {
        auto it = m_in_flight.find(static_cast<std::uint64_t>(t.b));
        if (it != m_in_flight.end()) produceResponse(it->first, it->second->error, it->second->base);
        break;
    }
    case ProducerTimer::ProduceTimeout: {
        auto it = m_in_flight.find(static_cast<std::uint64_t>(t.b));
        if (it == m_in_flight.end() || it->second->done) break;
        TopicState* ts = m_brokers.topicForProduce(it->second->batch.tp.topic, false);
        if (ts) {
            auto& dp = ts->partitions[static_cast<std::size_t>(it->second->batch.tp.partition)].delayed_produces;
            std::erase_if(dp, [&](const auto& x) { return x.second == it->first; });
        }
        it->second->done = true;
        it->second->error = ErrorCode::REQUEST_TIMED_OUT;
        answered(it->first);
        break;
    }
    }
}

void Producers::eraseInFlight(InFlightMap::iterator it) {
    for (const auto& key : it->second->timeouts) m_timers.cancel(key);
    m_in_flight.erase(it);
}

std::int32_t Producers::add(ProducerConfig config) {
    auto pd = std::make_unique<ProducerData>();
    pd->index = static_cast<std::int32_t>(m_producers.size());
    pd->rng = m_streams.fork("kafka/producer/" + std::to_string(pd->index));
    // ProducerConfig.postProcessAndValidateIdempotenceConfigs: idempotence (on by default) needs acks=all,
    // retries > 0 and max.in.flight.requests.per.connection <= 5; otherwise it is off (set explicitly, the
    // caller has refused the configuration already).
    if (config.acks != Acks::All || config.retries == 0 || config.max_in_flight > 5) config.enable_idempotence = false;
    config.max_in_flight = std::max(config.max_in_flight, 1);
    pd->client_id = config.client_id.empty() ? "producer-" + std::to_string(++m_client_counter)
                                             : config.client_id;
    pd->config = std::move(config);
    // Its bootstrap servers name no running broker: it never gets metadata (every send() blocks).
    if (pd->config.bootstrap_brokers && !bootstrapAnswers(*pd)) pd->metadata_lost = true;
    m_journal.setProducerName(pd->index, pd->client_id);
    m_producers.push_back(std::move(pd));
    Event& e = m_brokers.emitEvent(EventType::ProducerAdded);
    e.actor = static_cast<std::int32_t>(m_producers.size() - 1);
    return e.actor;
}

const std::string& Producers::clientId(std::int32_t p) const {
    return m_producers[static_cast<std::size_t>(p)]->client_id;
}

void Producers::setValueTemplate(std::int32_t producer, std::string tmpl) {
    m_producers[static_cast<std::size_t>(producer)]->value_template = std::move(tmpl);
}

std::int64_t Producers::pendingRecords(std::int32_t producer) const {
    return m_producers[static_cast<std::size_t>(producer)]->pending;
}

std::int64_t Producers::blockedSends(std::int32_t producer) const {
    return static_cast<std::int64_t>(m_producers[static_cast<std::size_t>(producer)]->blocked.size());
}

std::vector<SendFailure> Producers::takeSendFailures(std::int32_t producer) {
    std::vector<SendFailure> out;
    out.swap(m_producers[static_cast<std::size_t>(producer)]->failures);
    return out;
}

std::vector<BatchSplit> Producers::takeBatchSplits(std::int32_t producer) {
    std::vector<BatchSplit> out;
    out.swap(m_producers[static_cast<std::size_t>(producer)]->splits);
    return out;
}

bool Producers::bootstrapAnswers(const ProducerData& pd) const {
    if (!pd.config.bootstrap_brokers) return anyBrokerAlive();
    for (const BrokerId b : *pd.config.bootstrap_brokers)
        if (b >= 1 && b <= m_config.brokers && m_brokers.brokerAlive(b)) return true;
    return false;
}

bool Producers::logAppendTime(const TopicState& t) {
    const auto type = t.configs.overrides.find("message.timestamp.type");
    return type != t.configs.overrides.end() && type->second == "LogAppendTime";
}

bool Producers::TimestampCheck::refuses(std::int64_t timestamp) const {
    // now - timestamp > before || -(now - timestamp) > after, with Java's wrapping long arithmetic.
    const auto diff = static_cast<std::int64_t>(static_cast<std::uint64_t>(now) - static_cast<std::uint64_t>(timestamp));
    const auto negated = static_cast<std::int64_t>(std::uint64_t{0} - static_cast<std::uint64_t>(diff));
    return diff > before_max_ms || negated > after_max_ms;
}

std::optional<Producers::TimestampCheck> Producers::timestampsRefused(const TopicState& t,
                                                                      const std::vector<Record>& records) const {
    // LogValidator.validateTimestamp: only CreateTime topics check the producer's timestamps (a
    // LogAppendTime topic replaces them with the leader's clock, see handleProduce).
    if (logAppendTime(t)) return std::nullopt;
    TimestampCheck check;
    check.now = epochMs(now()); // the broker's clock, epoch milliseconds as the timestamps
    check.before_max_ms = parseLong(t.configs.overrides, "message.timestamp.before.max.ms", kTimestampBeforeMaxMsDefault);
    check.after_max_ms = parseLong(t.configs.overrides, "message.timestamp.after.max.ms", kTimestampAfterMaxMsDefault);
    for (const Record& r : records)
        if (check.refuses(r.timestamp)) return check;
    return std::nullopt;
}

void Producers::reportFailed(ProducerData& pd, const TopicPartition& tp, ErrorCode error, const std::vector<Record>& records,
                             TimeMs batch_age_ms, const TimestampCheck* timestamps) {
    if (!pd.config.report_send_failures) return;
    std::int32_t refused = 0;
    if (timestamps)
        for (const Record& r : records) refused += timestamps->refuses(r.timestamp) ? 1 : 0;
    std::int32_t index = 0;
    for (const Record& r : records) {
        SendFailure f;
        f.time = now();
        f.tp = tp;
        f.error = error;
        f.batch_records = static_cast<std::int64_t>(records.size());
        f.batch_age_ms = batch_age_ms;
        if (r.key != 0) f.key = m_store.key(r.key);
        f.value_bytes = static_cast<std::int64_t>(r.value != 0 ? m_store.value(r.value).size() : syntheticValue(r).size());
        if (timestamps) {
            f.timestamp = r.timestamp;
            f.batch_index = index;
            f.timestamp_refused = timestamps->refuses(r.timestamp);
            f.refused_in_batch = refused;
            // "[now - before, now + after]" as Java's long arithmetic writes it (it may wrap).
            f.valid_from = static_cast<std::int64_t>(static_cast<std::uint64_t>(timestamps->now) -
                                                     static_cast<std::uint64_t>(timestamps->before_max_ms));
            f.valid_to = static_cast<std::int64_t>(static_cast<std::uint64_t>(timestamps->now) +
                                                   static_cast<std::uint64_t>(timestamps->after_max_ms));
        }
        ++index;
        pd.failures.push_back(std::move(f));
    }
}

bool Producers::anyBrokerAlive() const {
    for (BrokerId b = 1; b <= m_config.brokers; ++b)
        if (m_brokers.brokerAlive(b)) return true;
    return false;
}

void Producers::loseMetadata(ProducerData& pd) {
    if (pd.metadata_lost) return;
    // NetworkClient: no node of the metadata is available, so (rebootstrap, the 4.x default) the client
    // replaces its metadata with the bootstrap servers: every topic is unknown until a metadata response.
    pd.metadata_lost = true;
    pd.pinned_leader.clear();
}

void Producers::block(ProducerData& pd, BlockedSend send) {
    send.serial = ++pd.blocked_serial;
    pd.blocked.push_back(std::move(send));
    if (pd.blocked.size() == 1) {
        pd.blocked_until = now() + pd.config.max_block_ms;
        schedule(pd.blocked_until, ProducerTimer::MetadataWait, pd.index, static_cast<std::int64_t>(pd.blocked.front().serial));
    }
    if (pd.metadata_lost) waitForConnection(pd, kBootstrapNode); // waitOnMetadata asks for an update
}

void Producers::releaseBlocked(ProducerData& pd) {
    std::deque<BlockedSend> waiting;
    waiting.swap(pd.blocked);
    pd.blocked_until = -1; // the pending MetadataWait timer finds no matching send and does nothing
    for (const BlockedSend& b : waiting) {
        if (b.synthetic) doSendSynthetic(pd, b.record.topic, b.synthetic_key);
        else doSend(pd, b.record);
    }
}

std::vector<TopicPartition> Producers::pendingPartitions(std::int32_t producer) const {
    const auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    std::set<TopicPartition> out;
    for (const auto& [tp, n] : pd.sending)
        if (n > 0) out.insert(tp);
    for (const auto& [tp, q] : pd.queues)
        if (!q.empty()) out.insert(tp);
    return {out.begin(), out.end()};
}

std::string Producers::syntheticValue(const Record& r) const {
    if (r.producer == 0) return {};
    std::string out = m_producers[r.producer - 1]->value_template;
    auto replace = [&out](const std::string& what, const std::string& with) {
        for (std::size_t pos = out.find(what); pos != std::string::npos; pos = out.find(what, pos + with.size()))
            out.replace(pos, what.size(), with);
    };
    replace("{key}", r.key ? m_store.key(r.key) : std::string("null"));
    replace("{seq}", std::to_string(r.sequence));
    return out;
}

std::int32_t Producers::choosePartition(ProducerData& pd, TopicState& t, const std::optional<std::uint32_t>& key) {
    const auto n = static_cast<std::int32_t>(t.partitions.size());
    if (key && *key != 0) return toPositive(m_store.keyHash(*key)) % n;
    if (pd.config.null_key_partitioner == NullKeyPartitioner::RoundRobin) {
        std::vector<std::int32_t> avail;
        for (const auto& p : t.partitions)
            if (p.leader >= 0) avail.push_back(p.partition);
        if (avail.empty())
            for (std::int32_t i = 0; i < n; ++i) avail.push_back(i);
        const std::uint32_t c = pd.rr_counter[t.name]++;
        return avail[static_cast<std::size_t>(toPositive(static_cast<std::int32_t>(c)) % static_cast<std::int32_t>(avail.size()))];
    }
    return -1; // the built-in partitioner: the accumulator picks the sticky partition
}

std::int32_t Producers::nextStickyPartition(const TopicState& t) {
    // BuiltInPartitioner.nextPartition without load statistics: a random available partition, else a
    // random one of all (the pick may equal the previous partition, unlike KIP-480's).
    std::vector<std::int32_t> avail;
    for (const auto& p : t.partitions)
        if (p.leader >= 0) avail.push_back(p.partition);
    const std::int32_t random = toPositive(m_rng.nextInt());
    if (avail.empty()) return random % static_cast<std::int32_t>(t.partitions.size());
    return avail[static_cast<std::size_t>(random % static_cast<std::int32_t>(avail.size()))];
}

bool Producers::allBatchesFull(const ProducerData& pd, const TopicPartition& tp) const {
    const auto it = pd.queues.find(tp);
    return it == pd.queues.end() || it->second.empty() || batchFull(it->second.back());
}

std::int64_t Producers::tryAppend(ProducerData& pd, const TopicPartition& tp, Record& r, std::int32_t key_size,
                                  std::int32_t value_size) {
    const auto it = pd.queues.find(tp);
    if (it == pd.queues.end() || it->second.empty()) return -1;
    PendingBatch& last = it->second.back();
    // MemoryRecordsBuilder.hasRoomFor: the record's size with its deltas in this batch must fit the write
    // limit; if not, the batch is closed for appends (and so full: ready to send).
    const std::int64_t size = recordSizeInBatch(static_cast<std::int32_t>(last.records.size()),
                                                r.timestamp - last.base_timestamp, key_size, value_size);
    if (batchFull(last) || last.bytes + size > last.write_limit) {
        last.closed = true;
        m_append_wakes = true; // RecordAppendResult.batchIsFull
        return -1;
    }
    r.producer = static_cast<std::uint32_t>(pd.index + 1);
    r.sequence = pd.next_seq[tp]++;
    last.records.push_back(r);
    last.sizes.push_back(size);
    last.bytes += size;
    ++pd.pending;
    if (it->second.size() > 1 || batchFull(last)) m_append_wakes = true; // batchIsFull
    return size;
}

std::int64_t Producers::appendNewBatch(ProducerData& pd, const TopicPartition& tp, Record& r, std::int32_t key_size,
                                       std::int32_t value_size) {
    PendingBatch b;
    b.tp = tp;
    b.created_ms = now();
    b.base_timestamp = r.timestamp;
    // The buffer: batch.size, or the record's upper bound (AbstractRecords.estimateSizeInBytesUpperBound) if larger.
    b.write_limit = std::max<std::int64_t>(pd.config.batch_size, kBatchOverheadBytes + kMaxRecordOverheadBytes +
                                                                     recordKeyValueSize(key_size, value_size));
    const std::int64_t size = recordSizeInBatch(0, 0, key_size, value_size);
    r.producer = static_cast<std::uint32_t>(pd.index + 1);
    r.sequence = pd.next_seq[tp]++;
    b.records.push_back(r);
    b.sizes.push_back(size);
    b.bytes = kBatchOverheadBytes + size;
    pd.queues[tp].push_back(std::move(b));
    ++pd.pending;
    m_append_wakes = true; // RecordAppendResult.newBatchCreated
    return kBatchOverheadBytes + size; // ProducerBatch.estimatedSizeInBytes: the header counts
}

std::int32_t Producers::append(ProducerData& pd, TopicState& t, std::int32_t partition, Record r,
                               std::int32_t key_size, std::int32_t value_size) {
    pd.topics.insert(t.name); // waitOnMetadata added it to the producer's metadata
    if (partition >= 0) {
        const TopicPartition tp{t.name, partition};
        if (tryAppend(pd, tp, r, key_size, value_size) < 0) appendNewBatch(pd, tp, r, key_size, value_size);
        return partition;
    }
    // KIP-794, RecordAccumulator.append with BuiltInPartitioner: the topic's sticky partition takes the
    // keyless records until the bytes appended to it reach batch.size, counted from the append results
    // (a new batch counts its estimated size, header included; an append to a batch the record's size).
    // The switch waits while the partition's last batch is not full (so batches are not cut short),
    // but not beyond 2 * batch.size; a switch so held back is completed by a later append that finds
    // all the partition's batches full (partitionChanged), e.g. sent.
    const auto n = static_cast<std::int32_t>(t.partitions.size());
    const std::int64_t batch_size = pd.config.batch_size;
    StickyPartition& sticky = pd.sticky[t.name];
    auto switchPartition = [&] { sticky = StickyPartition{nextStickyPartition(t), 0}; };
    if (sticky.partition < 0 || sticky.partition >= n) switchPartition(); // peekCurrentPartitionInfo
    for (;;) {
        const TopicPartition tp{t.name, sticky.partition};
        if (allBatchesFull(pd, tp) && sticky.produced_bytes >= batch_size) { // partitionChanged
            switchPartition();
            continue;
        }
        std::int64_t appended = tryAppend(pd, tp, r, key_size, value_size);
        if (appended < 0) {
            // The last batch had no room and is now closed: partitionChanged again before a new batch.
            if (sticky.produced_bytes >= batch_size) {
                switchPartition();
                continue;
            }
            appended = appendNewBatch(pd, tp, r, key_size, value_size);
        }
        sticky.produced_bytes += appended; // BuiltInPartitioner.updatePartitionInfo
        if ((sticky.produced_bytes >= batch_size && allBatchesFull(pd, tp)) || sticky.produced_bytes >= 2 * batch_size)
            switchPartition();
        return tp.partition;
    }
}

ErrorCode Producers::send(std::int32_t producer, const ProducerRecord& rec) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    if (pd.closed) return ErrorCode::UNKNOWN_SERVER_ERROR;
    // The crash closed the client's connections: with no broker left it has rebootstrapped, and
    // send() waits for the topic's metadata (KafkaProducer.waitOnMetadata) up to max.block.ms.
    if (!pd.metadata_lost && !anyBrokerAlive()) loseMetadata(pd);
    if (pd.metadata_lost || !pd.blocked.empty()) {
        BlockedSend b;
        b.record = rec;
        block(pd, std::move(b));
        return ErrorCode::NONE;
    }
    return doSend(pd, rec);
}

ErrorCode Producers::doSend(ProducerData& pd, const ProducerRecord& rec) {
    TopicState* t = m_brokers.topicForProduce(rec.topic, true);
    if (!t) return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
    if (rec.partition && (*rec.partition < 0 || *rec.partition >= static_cast<std::int32_t>(t->partitions.size())))
        return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
    if (failRecordTooLarge(pd, rec.topic, rec.partition, rec.key, static_cast<std::int64_t>(rec.value.size())))
        return ErrorCode::NONE; // the callback has the error, send() returned
    Record r;
    r.timestamp = rec.timestamp.value_or(epochMs(now()));
    r.key = rec.key ? m_store.internKey(*rec.key) : 0;
    // An empty key is not null in the Java client: internKey gives it its own id, so it is hashed.
    r.value = m_store.addValue(rec.value);
    const std::int32_t part =
        rec.partition ? *rec.partition : choosePartition(pd, *t, rec.key ? std::optional<std::uint32_t>(r.key) : std::nullopt);
    m_append_wakes = false;
    append(pd, *t, part, r, rec.key ? static_cast<std::int32_t>(rec.key->size()) : -1,
           static_cast<std::int32_t>(rec.value.size()));
    // KafkaProducer.doSend: the sender is woken when the append created a batch or filled one.
    if (m_append_wakes) wake(pd);
    return ErrorCode::NONE;
}

bool Producers::failRecordTooLarge(ProducerData& pd, const std::string& topic, std::optional<std::int32_t> partition,
                                   const std::optional<std::string>& key, std::int64_t value_bytes) {
    // AbstractRecords.estimateSizeInBytesUpperBound: a batch of this record alone at its largest
    // overheads; KafkaProducer.doSend checks it after choosing nothing for a keyless record (the
    // built-in partitioner picks its partition at append), so the callback names partition -1.
    const std::int64_t bound =
        kBatchOverheadBytes + kMaxRecordOverheadBytes +
        recordKeyValueSize(key ? static_cast<std::int32_t>(key->size()) : -1, static_cast<std::int32_t>(value_bytes));
    if (bound <= pd.config.max_request_size && bound <= pd.config.buffer_memory) return false;
    Event& e = m_brokers.emitEvent(EventType::ProduceFailed);
    e.actor = pd.index;
    e.topic = m_journal.topicIndex(topic);
    e.partition = partition.value_or(-1);
    e.error = ErrorCode::CLIENT_RECORD_TOO_LARGE;
    e.b = 1;
    e.flag = 0;
    if (pd.config.report_send_failures) {
        SendFailure f;
        f.time = now();
        f.tp = {topic, partition.value_or(-1)};
        f.error = ErrorCode::CLIENT_RECORD_TOO_LARGE;
        f.key = key;
        f.value_bytes = value_bytes;
        f.record_bytes = bound;
        pd.failures.push_back(std::move(f));
    }
    return true;
}

bool Producers::batchTooLarge(const TopicState& t, const std::vector<std::int64_t>& record_sizes) {
    std::int64_t bytes = kBatchOverheadBytes;
    for (const std::int64_t s : record_sizes) bytes += s;
    return bytes > parseLong(t.configs.overrides, "max.message.bytes", kMessageMaxBytesDefault);
}

ErrorCode Producers::sendSynthetic(std::int32_t producer, const std::string& topic, std::optional<std::uint32_t> key_id) {
    // A producer or key id this simulation never handed out is a caller's bug: report it and refuse,
    // rather than read past the producer or key tables.
    const bool known_producer = producer >= 0 && static_cast<std::size_t>(producer) < m_producers.size();
    const bool known_key = !key_id || *key_id < m_store.keyCount();
    FLUXOLAB_INVARIANT(known_producer && known_key, "sendSynthetic with a producer or key id never handed out");
    if (!known_producer || !known_key) return ErrorCode::UNKNOWN_SERVER_ERROR;
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    if (!pd.metadata_lost && !anyBrokerAlive()) loseMetadata(pd);
    if (!pd.blocked.empty()) {
        // The application's thread is still blocked in an earlier send(): this call is not made.
        return ErrorCode::CLIENT_METADATA_TIMEOUT;
    }
    if (pd.metadata_lost) {
        if (!m_brokers.topicForProduce(topic, false)) return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
        BlockedSend b;
        b.record.topic = topic;
        b.synthetic = true;
        b.synthetic_key = key_id;
        block(pd, std::move(b));
        return ErrorCode::NONE;
    }
    return doSendSynthetic(pd, topic, key_id);
}

ErrorCode Producers::doSendSynthetic(ProducerData& pd, const std::string& topic, std::optional<std::uint32_t> key_id) {
    TopicState* t = m_brokers.topicForProduce(topic, false);
    if (!t) return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
    Record r;
    r.timestamp = epochMs(now());
    r.key = key_id.value_or(0);
    r.value = 0;
    // A synthetic value counts as kSyntheticValueBytes; the record goes through send()'s size check all the same.
    std::optional<std::string> key;
    if (r.key != 0) key = m_store.key(r.key);
    if (failRecordTooLarge(pd, topic, std::nullopt, key, kSyntheticValueBytes)) return ErrorCode::NONE;
    m_append_wakes = false;
    append(pd, *t, choosePartition(pd, *t, key_id), r, key ? static_cast<std::int32_t>(key->size()) : -1,
           static_cast<std::int32_t>(kSyntheticValueBytes));
    if (m_append_wakes) wake(pd);
    return ErrorCode::NONE;
}

void Producers::flush(std::int32_t producer) {
    // KafkaProducer.flush: beginFlush makes every batch held now sendable, then wakes the sender.
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    for (auto& [tp, q] : pd.queues)
        for (auto& b : q) b.flush = true;
    wake(pd);
}

void Producers::failBlockedSend(ProducerData& pd, ErrorCode error) {
    const BlockedSend failed = std::move(pd.blocked.front());
    pd.blocked.pop_front();
    Event& e = m_brokers.emitEvent(EventType::ProduceFailed);
    e.actor = pd.index;
    e.topic = m_journal.topicIndex(failed.record.topic);
    e.partition = -1;
    e.error = error;
    e.b = 1;
    e.flag = 0;
    if (pd.config.report_send_failures) {
        SendFailure f;
        f.time = now();
        f.tp = {failed.record.topic, -1};
        f.error = error;
        if (failed.synthetic) {
            if (failed.synthetic_key && *failed.synthetic_key != 0) f.key = m_store.key(*failed.synthetic_key);
        } else {
            f.key = failed.record.key;
            f.value_bytes = static_cast<std::int64_t>(failed.record.value.size());
        }
        pd.failures.push_back(std::move(f));
    }
}

void Producers::close(std::int32_t producer) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    if (pd.closed) return;
    pd.closed = true; // send() refuses from now on; the accumulator is closed: every batch is sendable
    // close() wakes a send() blocked in waitOnMetadata: it throws KafkaException "Producer closed while
    // send in progress" to its caller (tests/labs/golden/real/producer-sigint.txt); the record never
    // reaches the accumulator.
    while (!pd.blocked.empty()) failBlockedSend(pd, ErrorCode::CLIENT_PRODUCER_CLOSED);
    pd.blocked_until = -1;
    journalClosedWhenDone(pd); // holding nothing, close() returns at once
    if (!pd.close_journaled) wake(pd);
}

void Producers::journalClosedWhenDone(ProducerData& pd) {
    // KafkaProducer.close() returns once every record it held is acknowledged or failed: only then
    // is the producer no longer a client of the cluster (its card leaves the view).
    if (!pd.closed || pd.close_journaled || pd.pending > 0) return;
    pd.close_journaled = true;
    Event& e = m_brokers.emitEvent(EventType::ProducerClosed);
    e.actor = pd.index;
}

void Producers::wake(ProducerData& pd) {
    // Sender.wakeup: the sender thread leaves its poll and runs. The application's thread goes on with
    // its calls of this instant first (a timer at now() fires after everything already due now).
    if (pd.wake_armed) return;
    pd.wake_armed = true;
    schedule(now(), ProducerTimer::Wake, pd.index);
}

BrokerId Producers::route(ProducerData& pd, const TopicPartition& tp) {
    if (pd.metadata_lost) {
        // No leader is known: the batch stays in the accumulator until the metadata comes back or
        // delivery.timeout.ms; the bootstrap connection attempts go on.
        waitForConnection(pd, kBootstrapNode);
        return -2;
    }
    const PartitionState* lp = m_brokers.partitionForProduce(tp);
    if (!lp || lp->leader < 0) return -1;
    // The leader the producer's metadata names: the one it had when its connection failed, until
    // the metadata refresh that follows the next failed attempt (NetworkClient.handleServerDisconnect).
    BrokerId leader = lp->leader;
    if (!pd.pinned_leader.empty())
        if (const auto pin = pd.pinned_leader.find(tp); pin != pd.pinned_leader.end()) leader = pin->second;
    bool down = !m_brokers.brokerAlive(leader);
    if (!down && !pd.connections.empty())
        if (const auto c = pd.connections.find(leader); c != pd.connections.end()) down = c->second.down;
    if (down && !anyBrokerAlive()) {
        loseMetadata(pd);
        waitForConnection(pd, kBootstrapNode);
        return -2;
    }
    if (down) {
        // No request is made: the batch stays in the accumulator (its attempts unchanged) while the
        // client tries to connect at the reconnect backoff (Sender.sendProducerData: client.ready()).
        pd.pinned_leader[tp] = leader;
        waitForConnection(pd, leader);
        return -2;
    }
    return leader;
}

void Producers::failUnroutable(ProducerData& pd, const TopicPartition& tp) {
    auto qit = pd.queues.find(tp);
    auto inflight = std::make_unique<InFlight>();
    inflight->producer = pd.index;
    inflight->batch = std::move(qit->second.front());
    inflight->batch.closed = true;
    qit->second.pop_front();
    if (qit->second.empty()) pd.queues.erase(qit);
    inflight->acks = pd.config.acks;
    ++inflight->batch.attempts;
    if (!pd.pinned_leader.empty()) pd.pinned_leader.erase(tp);
    ++pd.sending[tp];
    if (pd.config.enable_idempotence) pd.unacked[tp].insert(inflight->batch.records.front().sequence);
    // No leader in the metadata: the batch waits for a metadata refresh (retry.backoff.ms).
    inflight->done = true;
    inflight->error = m_brokers.partitionForProduce(tp) ? ErrorCode::LEADER_NOT_AVAILABLE : ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
    const std::uint64_t id = m_next_request++;
    m_in_flight.emplace(id, std::move(inflight));
    schedule(now(), ProducerTimer::ProduceResponse, 0, static_cast<std::int64_t>(id));
}

void Producers::drain(std::int32_t producer) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    const bool order = pd.config.max_in_flight == 1; // Sender.guaranteeMessageOrder: mute while in flight
    TimeMs earliest = -1;
    auto later = [&](TimeMs at) { earliest = earliest < 0 ? at : std::min(earliest, at); };
    // RecordAccumulator.ready: the brokers leading a partition whose first batch is sendable.
    std::set<BrokerId> ready;
    std::vector<TopicPartition> unroutable; // failUnroutable edits pd.queues: collect first
    for (auto& [tp, q] : pd.queues) {
        if (q.empty()) continue;
        if (order)
            if (const auto s = pd.sending.find(tp); s != pd.sending.end() && s->second > 0) continue;
        const PendingBatch& b = q.front();
        if (b.attempts > 0 && now() < b.retry_at) { // backingOff
            later(b.retry_at);
            continue;
        }
        const bool sendable = pd.closed || b.flush || q.size() > 1 || batchFull(b) || now() >= b.created_ms + pd.config.linger_ms;
        if (!sendable) {
            later(b.created_ms + pd.config.linger_ms);
            continue;
        }
        const BrokerId leader = route(pd, tp);
        if (leader == -1) unroutable.push_back(tp);
        if (leader < 0) continue;
        // NetworkClient.ready: InFlightRequests.canSendMore (fewer than max.in.flight requests in flight).
        if (const auto r = pd.requests.find(leader); r != pd.requests.end() && r->second >= pd.config.max_in_flight) continue;
        ready.insert(leader);
    }
    for (const auto& tp : unroutable) failUnroutable(pd, tp);
    bool sent = false;
    for (const BrokerId b : ready) sent = drainNode(pd, b) || sent;
    // The sender thread loops at once while it sent something (pollTimeout 0): the next requests go at
    // this same instant, as long as the connections have room.
    if (sent) wake(pd);
    if (earliest > now()) armLinger(pd, earliest);
    // Without metadata the client keeps asking its bootstrap servers for it while a record waits
    // (a batch or a blocked send()); once nothing waits the simulation stops the attempts.
    if (pd.metadata_lost && (pd.pending > 0 || !pd.blocked.empty())) waitForConnection(pd, kBootstrapNode);
    journalClosedWhenDone(pd);
}

namespace {
/// java.lang.String.hashCode (topic names are ASCII: one UTF-16 unit a byte), with int overflow.
std::uint32_t javaStringHash(const std::string& s) {
    std::uint32_t h = 0;
    for (const char c : s) h = 31 * h + static_cast<std::uint8_t>(c);
    return h;
}
} // namespace

std::vector<TopicPartition> Producers::partitionsForNode(const ProducerData& pd, BrokerId broker) const {
    // The snapshot's HashMap<TopicPartition, PartitionMetadata> gets every partition of the producer's
    // topics, in the response's order (topics, then partitions ascending), into a table sized
    // new HashMap<>(n): its capacity the power of two >= n, doubled whenever the size passes 3/4 of it.
    // It iterates by bucket (TopicPartition.hashCode = 31 * (31 + partition) + topic.hashCode(), spread
    // h ^ (h >>> 16)), a bucket in insertion order; Cluster keeps that order per leader. The topics'
    // order in the response is taken as their names' (it only orders partitions sharing a bucket).
    struct Entry {
        TopicPartition tp;
        std::uint32_t hash = 0;
        BrokerId leader = -1;
    };
    std::vector<Entry> all;
    for (const std::string& name : pd.topics) {
        TopicState* t = m_brokers.topicForProduce(name, false);
        if (!t) continue;
        const std::uint32_t topic_hash = javaStringHash(name);
        for (std::int32_t p = 0; p < static_cast<std::int32_t>(t->partitions.size()); ++p) {
            Entry e;
            e.tp = TopicPartition{name, p};
            e.hash = 31u * (31u + static_cast<std::uint32_t>(p)) + topic_hash;
            e.leader = t->partitions[static_cast<std::size_t>(p)].leader;
            if (const auto pin = pd.pinned_leader.find(e.tp); pin != pd.pinned_leader.end()) e.leader = pin->second;
            all.push_back(std::move(e));
        }
    }
    std::size_t capacity = 1;
    while (capacity < all.size()) capacity *= 2;
    while (all.size() > capacity * 3 / 4) capacity *= 2;
    auto bucket = [&](const Entry& e) { return (e.hash ^ (e.hash >> 16)) & (capacity - 1); };
    std::stable_sort(all.begin(), all.end(), [&](const Entry& a, const Entry& b) { return bucket(a) < bucket(b); });
    std::vector<TopicPartition> parts;
    for (const Entry& e : all)
        if (e.leader == broker) parts.push_back(e.tp);
    return parts;
}

bool Producers::drainNode(ProducerData& pd, BrokerId broker) {
    const bool order = pd.config.max_in_flight == 1;
    // RecordAccumulator.drainBatchesForOneNode: every partition `broker` leads in the producer's metadata,
    // in its order; those without a batch are passed over, but count for the rotating start.
    const std::vector<TopicPartition> parts = partitionsForNode(pd, broker);
    if (parts.empty()) return false;
    // drainBatchesForOneNode: start where the last drain for this broker stopped (against starvation).
    std::size_t index = pd.drain_index[broker] % parts.size();
    const std::size_t start = index;
    std::int64_t size = 0;
    std::vector<TopicPartition> taken;
    do {
        const TopicPartition& tp = parts[index];
        pd.drain_index[broker] = index;
        index = (index + 1) % parts.size();
        if (order)
            if (const auto s = pd.sending.find(tp); s != pd.sending.end() && s->second > 0) continue;
        const auto qit = pd.queues.find(tp);
        if (qit == pd.queues.end() || qit->second.empty()) continue;
        const PendingBatch& first = qit->second.front();
        if (first.attempts > 0 && now() < first.retry_at) continue;
        if (size + first.bytes > pd.config.max_request_size && !taken.empty()) break;
        if (pd.config.enable_idempotence && (first.attempts > 0 || first.split)) {
            // shouldStopDrainBatchesForPartition: a retried or split batch (it has its sequence already) goes
            // only when it is the partition's first in-flight sequence (one at a time, in sequence order).
            const auto u = pd.unacked.find(tp);
            if (u != pd.unacked.end() && !u->second.empty() && *u->second.begin() != first.records.front().sequence) break;
        }
        size += first.bytes;
        taken.push_back(tp);
    } while (index != start);
    if (taken.empty()) return false;

    const std::uint64_t request = m_next_request++;
    const bool acks0 = pd.config.acks == Acks::None;
    Request req;
    ++pd.produce_requests; // the batches below record this number first (request_number)
    req.producer = pd.index;
    req.broker = broker;
    for (const auto& tp : taken) {
        auto qit = pd.queues.find(tp);
        auto inflight = std::make_unique<InFlight>();
        inflight->producer = pd.index;
        inflight->request = acks0 ? 0 : request;
        inflight->batch = std::move(qit->second.front());
        inflight->batch.closed = true; // drained (ProducerBatch.close): a retry puts it back full, never appended to
        qit->second.pop_front();
        if (qit->second.empty()) pd.queues.erase(qit);
        inflight->acks = pd.config.acks;
        inflight->broker = broker;
        ++inflight->batch.attempts;
        inflight->request_number = pd.produce_requests;
        if (!pd.pinned_leader.empty()) pd.pinned_leader.erase(tp); // its leader answers: no pin any more
        const std::uint64_t id = m_next_request++;
        const auto count = static_cast<std::int64_t>(inflight->batch.records.size());
        m_in_flight.emplace(id, std::move(inflight));
        schedule(now() + m_config.network_delay_ms, ProducerTimer::ProduceArrive, 0, static_cast<std::int64_t>(id));
        if (acks0) {
            // acks=0: the send completes when written to the socket; the offset is unknown (-1).
            Event& e = m_brokers.emitEvent(EventType::ProduceAcked);
            e.actor = pd.index;
            e.topic = m_journal.topicIndex(tp.topic);
            e.partition = tp.partition;
            e.a = -1;
            e.b = count;
            pd.pending -= count;
            continue;
        }
        ++pd.sending[tp];
        if (pd.config.enable_idempotence) pd.unacked[tp].insert(m_in_flight[id]->batch.records.front().sequence);
        req.batches.push_back(id);
    }
    if (!req.batches.empty()) {
        req.open = req.batches.size();
        m_requests.emplace(request, std::move(req));
        ++pd.requests[broker];
    }
    return true;
}

void Producers::armLinger(ProducerData& pd, TimeMs at) {
    // One linger timer per producer, armed for the earliest batch still lingering. `at` is always in
    // the future: a batch whose linger has expired is ready and never waits for this timer, so the
    // timer fires exactly at `linger_at` and the dispatcher can recognise it (a timer clamped to "now"
    // would not match and would leave `linger_at` set forever, so no later batch would arm one).
    FLUXOLAB_INVARIANT(at > now(), "linger timer armed for a batch whose linger already expired");
    if (pd.linger_at >= 0 && pd.linger_at <= at) return; // an earlier timer will drain this batch too
    pd.linger_at = at;
    schedule(at, ProducerTimer::Linger, pd.index);
}

void Producers::waitForConnection(ProducerData& pd, BrokerId broker) {
    Connection& c = pd.connections[broker];
    if (c.connecting) return;
    // The crash closed the broker's sockets: the client sees its connection end (or, never connected,
    // treats it alike) and waits reconnect.backoff.ms before its first attempt.
    if (!c.down) connectionLost(pd, broker);
    if (now() >= c.next_attempt_at) {
        c.connecting = true; // SYN, then RST (the port is closed) or SYN-ACK: one round trip
        schedule(now() + 2 * m_config.network_delay_ms, ProducerTimer::ConnectResult, pd.index, broker);
    } else if (!c.wake_armed) {
        c.wake_armed = true;
        schedule(c.next_attempt_at, ProducerTimer::Reconnect, pd.index, broker);
    }
    armExpiry(pd);
}

TimeMs Producers::connectionLost(ProducerData& pd, BrokerId broker) {
    // ClusterConnectionStates.disconnected -> updateReconnectBackoff: backoff(failedAttempts), then ++.
    Connection& c = pd.connections[broker];
    const TimeMs backoff = exponentialBackoff(pd.rng, pd.config.reconnect_backoff_ms, pd.config.reconnect_backoff_max_ms,
                                              c.failed_attempts);
    ++c.failed_attempts;
    c.down = true;
    c.next_attempt_at = now() + backoff;
    return backoff;
}

void Producers::connectResult(std::int32_t producer, BrokerId broker) {
    auto& pd = *m_producers[static_cast<std::size_t>(producer)];
    // Either way the client refreshes its metadata next (handleServerDisconnect requests an update):
    // the partitions pinned to this broker read their leader again.
    std::erase_if(pd.pinned_leader, [&](const auto& x) { return x.second == broker; });
    const bool up = broker == kBootstrapNode ? bootstrapAnswers(pd) : m_brokers.brokerAlive(broker);
    if (up) {
        pd.connections.erase(broker); // connected: the failure count starts again (ClusterConnectionStates.ready)
        if (broker == kBootstrapNode && pd.metadata_lost) {
            // The bootstrap server answers the metadata request: the topics are known again and the
            // blocked send() calls go on.
            pd.metadata_lost = false;
            releaseBlocked(pd);
        }
    } else {
        pd.connections[broker].connecting = false;
        const TimeMs backoff = connectionLost(pd, broker);
        // NetworkClient: "Connection to node N (host:port) could not be established. Node may not be available."
        Event& e = m_brokers.emitEvent(EventType::ConnectionFailed);
        e.actor = producer;
        e.broker = broker;
        e.a = backoff;
        if (broker != kBootstrapNode && !anyBrokerAlive()) loseMetadata(pd);
    }
    drain(producer);
}

void Producers::skipSequences(ProducerData& pd, const TopicPartition& tp, const PendingBatch& b) {
    if (!pd.config.enable_idempotence || b.records.empty()) return;
    pd.seq_gaps[tp][b.records.front().sequence] = static_cast<std::uint32_t>(b.records.size());
}

std::uint32_t Producers::nextSequence(const ProducerData& pd, const TopicPartition& tp, std::uint32_t last) const {
    std::uint32_t next = last + 1;
    const auto g = pd.seq_gaps.find(tp);
    if (g == pd.seq_gaps.end()) return next;
    for (auto it = g->second.find(next); it != g->second.end(); it = g->second.find(next)) next += it->second;
    return next;
}

void Producers::armExpiry(ProducerData& pd) {
    TimeMs earliest = -1;
    for (const auto& [tp, q] : pd.queues)
        if (!q.empty()) {
            const TimeMs at = q.front().created_ms + pd.config.delivery_timeout_ms;
            earliest = earliest < 0 ? at : std::min(earliest, at);
        }
    if (earliest < 0 || (pd.expiry_at >= 0 && pd.expiry_at <= earliest)) return;
    pd.expiry_at = std::max(earliest, now());
    schedule(pd.expiry_at, ProducerTimer::Expire, pd.index);
}

void Producers::expireQueued(ProducerData& pd) {
    // Sender.sendProducerData -> RecordAccumulator.expiredBatches: "Expiring N record(s) for t-p:M ms has
    // passed since batch creation" (a TimeoutException to the send callbacks).
    for (auto it = pd.queues.begin(); it != pd.queues.end();) {
        auto& q = it->second;
        while (!q.empty() && now() >= q.front().created_ms + pd.config.delivery_timeout_ms) {
            const auto count = static_cast<std::int64_t>(q.front().records.size());
            Event& e = m_brokers.emitEvent(EventType::ProduceFailed);
            e.actor = pd.index;
            e.topic = m_journal.topicIndex(it->first.topic);
            e.partition = it->first.partition;
            e.error = ErrorCode::CLIENT_DELIVERY_TIMEOUT;
            e.b = count;
            e.flag = 0;
            reportFailed(pd, it->first, ErrorCode::CLIENT_DELIVERY_TIMEOUT, q.front().records, now() - q.front().created_ms);
            pd.pending -= count;
            if (auto u = pd.unacked.find(it->first); u != pd.unacked.end()) {
                u->second.erase(q.front().records.front().sequence);
                if (u->second.empty()) pd.unacked.erase(u);
            }
            skipSequences(pd, it->first, q.front());
            q.pop_front();
        }
        it = q.empty() ? pd.queues.erase(it) : std::next(it);
    }
}

std::pair<std::int32_t, std::int32_t> Producers::recordSizes(const Record& r) const {
    const std::int32_t key = r.key != 0 ? static_cast<std::int32_t>(m_store.key(r.key).size()) : -1;
    const std::int32_t value =
        r.value != 0 ? static_cast<std::int32_t>(m_store.value(r.value).size()) : static_cast<std::int32_t>(kSyntheticValueBytes);
    return {key, value};
}

void Producers::splitAndReenqueue(ProducerData& pd, const PendingBatch& big) {
    // RecordAccumulator.splitAndReenqueue (Kafka 4.3.1): a first split makes batches of batch.size; a batch
    // that was itself split is split at half its estimated size, but at least its largest record's bound,
    // so that the parts shrink each time. ProducerBatch.split: each record goes into the current part if
    // MemoryRecordsBuilder.hasRoomFor takes it, else into a new part (whose buffer is the split size or
    // the record's bound if larger); the parts keep the batch's creation time.
    const std::int64_t split_size = big.split ? std::max(big.max_record_bound, big.bytes / 2) : pd.config.batch_size;
    std::vector<PendingBatch> parts;
    for (const Record& r : big.records) {
        const auto [key_size, value_size] = recordSizes(r);
        const std::int64_t bound = kBatchOverheadBytes + kMaxRecordOverheadBytes + recordKeyValueSize(key_size, value_size);
        if (!parts.empty()) {
            PendingBatch& b = parts.back();
            const std::int64_t size = recordSizeInBatch(static_cast<std::int32_t>(b.records.size()),
                                                        r.timestamp - b.base_timestamp, key_size, value_size);
            if (b.bytes < b.write_limit && b.bytes + size <= b.write_limit) {
                b.records.push_back(r);
                b.sizes.push_back(size);
                b.bytes += size;
                b.max_record_bound = std::max(b.max_record_bound, bound);
                continue;
            }
        }
        PendingBatch b;
        b.tp = big.tp;
        b.created_ms = big.created_ms;
        b.base_timestamp = r.timestamp;
        b.write_limit = std::max(bound, split_size);
        b.flush = big.flush;
        b.split = true;
        b.max_record_bound = bound;
        const std::int64_t size = recordSizeInBatch(0, 0, key_size, value_size);
        b.records.push_back(r);
        b.sizes.push_back(size);
        b.bytes = kBatchOverheadBytes + size;
        parts.push_back(std::move(b));
    }
    // The parts are closed for appends and go first: at the head of the queue, in order (with
    // idempotence, in sequence order among the batches already numbered; the simulation numbers every
    // batch at append, so before the first one with a later sequence).
    auto& q = pd.queues[big.tp];
    auto pos = q.begin();
    if (pd.config.enable_idempotence)
        while (pos != q.end() && pos->records.front().sequence < big.records.front().sequence) ++pos;
    for (auto& b : parts) {
        b.closed = true;
        if (pd.config.enable_idempotence) pd.unacked[big.tp].insert(b.records.front().sequence);
        pos = std::next(q.insert(pos, std::move(b)));
    }
}

void Producers::produceArrives(std::uint64_t request) {
    auto it = m_in_flight.find(request);
    if (it == m_in_flight.end()) return;
    InFlight& inf = *it->second;
    const bool acks0 = inf.acks == Acks::None;
    auto respond = [&](ErrorCode error, Offset base) {
        if (acks0) {
            eraseInFlight(it); // nobody listens: an acks=0 failure is silent
            return;
        }
        inf.done = true;
        inf.error = error;
        inf.base = base;
        answered(request);
    };
    TopicState* t = m_brokers.topicForProduce(inf.batch.tp.topic, false);
    if (!m_brokers.brokerAlive(inf.broker)) return respond(ErrorCode::NETWORK_EXCEPTION, -1);
    if (!t) return respond(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION, -1);
    PartitionState& p = t->partitions[static_cast<std::size_t>(inf.batch.tp.partition)];
    if (p.leader != inf.broker) return respond(ErrorCode::NOT_LEADER_OR_FOLLOWER, -1);
    const auto rf = static_cast<std::int32_t>(p.replicas.size());
    if (inf.acks == Acks::All && static_cast<std::int32_t>(p.isr.size()) < std::min(t->min_insync_replicas, rf))
        return respond(ErrorCode::NOT_ENOUGH_REPLICAS, -1);
    if (batchTooLarge(*t, inf.batch.sizes)) return respond(ErrorCode::MESSAGE_TOO_LARGE, -1);
    // UnifiedLog.append: the records are validated (LogValidator, timestamps included) before the
    // producer state's sequence check; a refused timestamp refuses the whole batch, appended nothing.
    if (auto refused = timestampsRefused(*t, inf.batch.records)) {
        inf.timestamps = *refused;
        return respond(ErrorCode::INVALID_TIMESTAMP, -1);
    }
    const auto& pd = *m_producers[static_cast<std::size_t>(inf.producer)];
    const Record& first = inf.batch.records.front();
    if (pd.config.enable_idempotence) {
        auto ps = p.producer_state.find(first.producer);
        if (ps != p.producer_state.end() && first.sequence > nextSequence(pd, inf.batch.tp, ps->second.first)) {
            // ProducerAppendInfo.checkSequence: the batch does not follow the producer's last one in the
            // log (an earlier batch of the partition failed or has not arrived): nothing is appended.
            return respond(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER, -1);
        }
        if (ps != p.producer_state.end() && first.sequence <= ps->second.first) {
            // Duplicate of a batch already in the log (a retry): acknowledged, not appended again.
            const Offset base = ps->second.second - static_cast<Offset>(ps->second.first - first.sequence);
            if (inf.acks == Acks::All && base + static_cast<Offset>(inf.batch.records.size()) > p.high_watermark) {
                p.delayed_produces.emplace_back(base + static_cast<Offset>(inf.batch.records.size()), request);
                inf.base = base;
                inf.timeouts.push_back(
                    m_timers.scheduleCancellable(now() + pd.config.request_timeout_ms, ProducerTimer::ProduceTimeout, 0, static_cast<std::int64_t>(request)));
                return;
            }
            return respond(ErrorCode::NONE, base);
        }
    }
    const Offset base = p.leaderLeo();
    if (logAppendTime(*t)) {
        // LogValidator: a LogAppendTime topic sets the batch's timestamp type and its max timestamp to the
        // leader's clock at the append, and every record of the batch reads that time as its timestamp
        // (DefaultRecordBatch); the producer's timestamps are not checked (validateTimestamp) nor kept.
        std::vector<Record> stamped = inf.batch.records;
        for (Record& r : stamped) r.timestamp = epochMs(now());
        m_brokers.appendToLeader(*t, p, stamped, inf.producer, inf.batch.sizes);
    } else {
        m_brokers.appendToLeader(*t, p, inf.batch.records, inf.producer, inf.batch.sizes);
    }
    if (acks0) return respond(ErrorCode::NONE, base);
    if (inf.acks == Acks::Leader) return respond(ErrorCode::NONE, base);
    inf.base = base;
    const Offset required = base + static_cast<Offset>(inf.batch.records.size());
    if (p.high_watermark >= required) return respond(ErrorCode::NONE, base);
    p.delayed_produces.emplace_back(required, request);
    inf.timeouts.push_back(
        m_timers.scheduleCancellable(now() + pd.config.request_timeout_ms, ProducerTimer::ProduceTimeout, 0, static_cast<std::int64_t>(request)));
}

void Producers::highWatermarkAdvanced(PartitionState& p) {
    if (p.delayed_produces.empty()) return;
    std::vector<std::pair<Offset, std::uint64_t>> keep;
    for (const auto& [required, request] : p.delayed_produces) {
        auto it = m_in_flight.find(request);
        if (it == m_in_flight.end() || it->second->done) continue;
        if (p.high_watermark >= required) {
            it->second->done = true;
            it->second->error = ErrorCode::NONE;
            answered(request);
        } else {
            keep.emplace_back(required, request);
        }
    }
    p.delayed_produces = std::move(keep);
}

void Producers::answerDelayed(std::uint64_t request, ErrorCode error) {
    auto it = m_in_flight.find(request);
    if (it == m_in_flight.end() || it->second->done) return;
    it->second->done = true;
    it->second->error = error;
    answered(request);
}

void Producers::answered(std::uint64_t id) {
    const auto it = m_in_flight.find(id);
    if (it == m_in_flight.end()) return;
    const auto r = m_requests.find(it->second->request);
    if (r == m_requests.end()) {
        schedule(now() + m_config.network_delay_ms, ProducerTimer::ProduceResponse, 0, static_cast<std::int64_t>(id));
        return;
    }
    // The broker answers a Produce request once, when every partition in it has its answer (the
    // acks=all ones wait for the high watermark in one DelayedProduce).
    if (++r->second.answered < r->second.batches.size()) return;
    for (const std::uint64_t b : r->second.batches)
        schedule(now() + m_config.network_delay_ms, ProducerTimer::ProduceResponse, 0, static_cast<std::int64_t>(b));
}

void Producers::responseHandled(ProducerData& pd, std::uint64_t request) {
    const auto r = m_requests.find(request);
    if (r == m_requests.end() || --r->second.open > 0) return;
    // The whole response is handled: the connection has room for another request.
    if (auto n = pd.requests.find(r->second.broker); n != pd.requests.end() && --n->second <= 0) pd.requests.erase(n);
    m_requests.erase(r);
}

void Producers::leaderStopped(PartitionState& p) {
    // The connection to a stopped broker breaks: waiting requests fail with a network error.
    for (const auto& [required, request] : p.delayed_produces) answerDelayed(request, ErrorCode::NETWORK_EXCEPTION);
    p.delayed_produces.clear();
}

void Producers::topicDeleted(const std::string& topic) {
    for (auto& [id, inflight] : m_in_flight)
        if (inflight->batch.tp.topic == topic && !inflight->done) {
            inflight->done = true;
            inflight->error = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION;
            answered(id);
        }
}

void Producers::produceResponse(std::uint64_t request, ErrorCode error, Offset base) {
    auto it = m_in_flight.find(request);
    if (it == m_in_flight.end()) return;
    InFlight& inf = *it->second;
    auto& pd = *m_producers[static_cast<std::size_t>(inf.producer)];
    const TopicPartition tp = inf.batch.tp;
    const auto count = static_cast<std::int64_t>(inf.batch.records.size());
    const std::uint32_t first_seq = inf.batch.records.front().sequence;
    const std::uint64_t group = inf.request;
    auto notSending = [&] {
        if (auto s = pd.sending.find(tp); s != pd.sending.end() && --s->second <= 0) pd.sending.erase(s);
    };
    auto completed = [&] { // no longer in flight for the idempotence bookkeeping either
        if (auto u = pd.unacked.find(tp); u != pd.unacked.end()) {
            u->second.erase(first_seq);
            if (u->second.empty()) pd.unacked.erase(u);
        }
    };
    if (error == ErrorCode::NONE) {
        Event& e = m_brokers.emitEvent(EventType::ProduceAcked);
        e.actor = inf.producer;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.a = base;
        e.b = count;
        pd.pending -= count;
        notSending();
        completed();
        eraseInFlight(it);
        responseHandled(pd, group);
        drain(pd.index);
        return;
    }
    if (error == ErrorCode::MESSAGE_TOO_LARGE && count > 1) {
        // Sender.completeBatch: a refused batch of several records is split and its parts enqueued again,
        // as if never tried; no attempt is spent ("splitting and retrying (N attempts left)",
        // tests/labs/golden/real/too-large-split.txt). The client's attempts count the re-enqueues: one
        // less than the drains counted here.
        Event& e = m_brokers.emitEvent(EventType::ProduceFailed);
        e.actor = inf.producer;
        e.topic = m_journal.topicIndex(tp.topic);
        e.partition = tp.partition;
        e.error = error;
        e.b = count;
        e.flag = 1;
        if (pd.config.report_send_failures)
            pd.splits.push_back(BatchSplit{now(), tp, pd.config.retries - (inf.batch.attempts - 1), inf.request_number});
        notSending();
        completed(); // TransactionManager.removeInFlightBatch; the parts are in flight under their own sequences
        splitAndReenqueue(pd, inf.batch);
        eraseInFlight(it);
        responseHandled(pd, group);
        armExpiry(pd);
        drain(pd.index);
        return;
    }
    if (error == ErrorCode::NETWORK_EXCEPTION && inf.broker >= 0) {
        // The connection broke (the broker's process is gone): reconnects wait the reconnect backoff.
        auto c = pd.connections.find(inf.broker);
        if (c == pd.connections.end() || !c->second.down) connectionLost(pd, inf.broker);
    }
    const bool expired = now() >= inf.batch.created_ms + pd.config.delivery_timeout_ms;
    bool retriable = isRetriable(error);
    if (error == ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER && pd.config.enable_idempotence) {
        // TransactionManager.canRetry: out of order because an earlier batch of the partition failed and
        // is retried: this one goes again after it, in sequence order.
        const auto u = pd.unacked.find(tp);
        retriable = u != pd.unacked.end() && !u->second.empty() && *u->second.begin() < first_seq;
    }
    const bool retry = retriable && inf.batch.attempts <= pd.config.retries && !expired;
    Event& e = m_brokers.emitEvent(EventType::ProduceFailed);
    e.actor = inf.producer;
    e.topic = m_journal.topicIndex(tp.topic);
    e.partition = tp.partition;
    e.error = expired && retriable ? ErrorCode::CLIENT_DELIVERY_TIMEOUT : error;
    e.b = count;
    e.flag = retry ? 1 : 0;
    notSending();
    if (retry) {
        // Sender.reenqueueBatch: back into the accumulator, where it waits retry.backoff.ms
        // (RecordAccumulator's backoff, exponential since KIP-580: backoff(attempts - 1)). With
        // idempotence it goes in sequence order (insertInSequenceOrder), otherwise at the head of its
        // partition's queue: with several batches in flight, retries can then reorder the records.
        PendingBatch b = std::move(inf.batch);
        b.retry_at = now() + exponentialBackoff(pd.rng, pd.config.retry_backoff_ms, pd.config.retry_backoff_max_ms,
                                                b.attempts - 1);
        auto& q = pd.queues[tp];
        auto pos = q.begin();
        if (pd.config.enable_idempotence)
            while (pos != q.end() && pos->attempts > 0 && pos->records.front().sequence < first_seq) ++pos;
        q.insert(pos, std::move(b));
        eraseInFlight(it);
        responseHandled(pd, group);
        armExpiry(pd);
        drain(pd.index);
        return;
    }
    completed();
    skipSequences(pd, tp, inf.batch);
    reportFailed(pd, tp, e.error, inf.batch.records, now() - inf.batch.created_ms,
                 inf.timestamps ? &*inf.timestamps : nullptr);
    pd.pending -= count;
    eraseInFlight(it);
    responseHandled(pd, group);
    drain(pd.index);
}

} // namespace fluxolab::sim::kafka
