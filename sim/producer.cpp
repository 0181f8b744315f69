// Simulation's producer API: a facade over kafka::Producers (sim/kafka/producers.h).
#include "sim/cluster_internal.h"

namespace fluxolab::sim {

std::uint32_t Simulation::internKey(const std::string& key) { return m_records.internKey(key); }
std::int32_t Simulation::addProducer(ProducerConfig config) { return m_producers->add(std::move(config)); }
std::int32_t Simulation::producerCount() const { return m_producers->count(); }
const std::string& Simulation::producerClientId(std::int32_t p) const { return m_producers->clientId(p); }
void Simulation::setValueTemplate(std::int32_t producer, std::string tmpl) {
    m_producers->setValueTemplate(producer, std::move(tmpl));
}
std::int64_t Simulation::pendingRecords(std::int32_t producer) const { return m_producers->pendingRecords(producer); }
std::int64_t Simulation::blockedSends(std::int32_t producer) const { return m_producers->blockedSends(producer); }
std::vector<SendFailure> Simulation::takeSendFailures(std::int32_t producer) {
    return m_producers->takeSendFailures(producer);
}
std::vector<BatchSplit> Simulation::takeBatchSplits(std::int32_t producer) {
    return m_producers->takeBatchSplits(producer);
}
std::vector<TopicPartition> Simulation::pendingPartitions(std::int32_t producer) const {
    return m_producers->pendingPartitions(producer);
}
ErrorCode Simulation::send(std::int32_t producer, const ProducerRecord& record) {
    return m_producers->send(producer, record);
}
ErrorCode Simulation::sendSynthetic(std::int32_t producer, const std::string& topic, std::optional<std::uint32_t> key_id) {
    return m_producers->sendSynthetic(producer, topic, key_id);
}
void Simulation::flush(std::int32_t producer) { m_producers->flush(producer); }
void Simulation::closeProducer(std::int32_t producer) { m_producers->close(producer); }

std::optional<std::string> Simulation::recordKey(const Record& r) const {
    if (r.key == 0) return std::nullopt;
    return m_records.key(r.key);
}

std::string Simulation::recordValue(const Record& r) const {
    if (r.value != 0) return m_records.value(r.value);
    return m_producers->syntheticValue(r);
}

} // namespace fluxolab::sim
