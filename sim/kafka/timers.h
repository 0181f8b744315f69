#pragma once
// The Kafka model's components and the timer kinds each one registers with the runtime scheduler
// (sim/runtime/scheduler.h) through its own TimerChannel. A component owns the meaning of its kinds'
// payloads (a, b); they are listed here next to each kind. Adding a timer: add a kind to the
// component's enum and handle it in that component's dispatch; no other component sees it.

#include <cstdint>

namespace fluxolab::sim::kafka {

/// Broker side of replication and the controller's periodic work (kafka::Replication, replication.cpp).
enum class ReplicationTimer : std::uint16_t {
    FetchArrive,      ///< a = topic index, b = packed (partition, replica, epoch)
    FetchResponse,    ///< a = topic index, b = packed (partition, replica, epoch)
    FetchParkTimeout, ///< a = topic index, b = packed (partition, replica, epoch)
    IsrCheck,         ///< a = broker
    RetentionCheck,   ///< a = broker, b = its incarnation: its LogManager's "kafka-log-retention" task
    LeaderRebalance,
    BrokerFence, ///< a = broker, b = controller epoch: its session expired on that controller
    BrokerCaughtUp, ///< a = broker, b = packed (incarnation, controller epoch): registered, metadata caught up, fetchers start
    BrokerUnfence,  ///< a = broker, b = packed (incarnation, controller epoch): the controller committed its unfencing
    AlterPartitionDone, ///< a = topic index, b = packed (partition, replica, leader epoch): ISR expansion committed
    ControllerElection, ///< b = election token: a majority of voters elects the new active controller
    ControllerResign,   ///< b = controller epoch: a leader without a majority of fetching voters resigns
};

/// Producer clients and the broker side of their Produce requests (kafka::Producers, producers.cpp).
enum class ProducerTimer : std::uint16_t {
    Linger,          ///< a = producer: the sender's next ready check (linger or retry backoff over)
    Wake,            ///< a = producer: the sender thread runs (woken by send(), flush() or close() at this instant)
    ProduceArrive,   ///< b = request id
    ProduceResponse, ///< b = request id
    ProduceTimeout,  ///< b = request id
    Reconnect,       ///< a = producer, b = broker: its reconnect backoff is over, the batches waiting for it drain
    ConnectResult,   ///< a = producer, b = broker: the answer to a connection attempt (SYN, then SYN-ACK or RST)
    Expire,          ///< a = producer: a batch waiting in the accumulator reaches delivery.timeout.ms
    MetadataWait,    ///< a = producer, b = serial of the blocked send(): it reaches max.block.ms
};

/// The classic group coordinator on the brokers (kafka::GroupCoordinator, group_coordinator.cpp).
enum class GroupTimer : std::uint16_t {
    JoinArrive,       ///< a = consumer, b = join token
    SyncArrive,       ///< a = consumer, b = join token
    SessionCheck,     ///< a = group index, b = member serial
    RebalanceTimeout, ///< a = group index, b = rebalance token
    InitialDelay,     ///< a = group index, b = rebalance token
    CommitArrive,     ///< a = consumer, b = async commit id
    Cleanup,
};

/// Consumer clients: the poll loop, heartbeats and the answers to their group requests
/// (kafka::Consumers, consumers.cpp).
enum class ConsumerTimer : std::uint16_t {
    Poll,         ///< a = consumer
    Heartbeat,    ///< a = consumer, b = heartbeat token
    JoinResponse, ///< a = consumer, b = join token
    SyncResponse, ///< a = consumer, b = join token
    MetadataRefresh, ///< a = consumer, b = the refresh time it was planned for (a later refresh replaces it)
    PollTimeoutCheck, ///< a = consumer, b = heartbeat token: the heartbeat thread wakes between heartbeats
};

} // namespace fluxolab::sim::kafka
