#include "app/core/texts.h"

#include "app/cluster/clusterlayout.h"
#include "labs/observe/sim_observer.h"

namespace fluxolab::app {

QString Texts::groupState(labs::observe::GroupState s) {
    using S = labs::observe::GroupState;
    switch (s) {
    case S::Unknown: return tr("Unknown");
    case S::Empty: return tr("Empty");
    case S::PreparingRebalance: return tr("PreparingRebalance");
    case S::CompletingRebalance: return tr("CompletingRebalance");
    case S::Stable: return tr("Stable");
    case S::Dead: return tr("Dead");
    }
    return {};
}

QString Texts::groupStateHelp(labs::observe::GroupState s) {
    using S = labs::observe::GroupState;
    switch (s) {
    case S::Unknown: return tr("The broker reported a state this version of Kafka's admin client does not know.");
    case S::Empty: return tr("The group exists (it may have committed offsets) but has no active members.");
    case S::PreparingRebalance:
        return tr("A member joined or left: the coordinator waits for every member to send JoinGroup again.");
    case S::CompletingRebalance:
        return tr("Everyone rejoined; the leader is computing the assignment and the others wait for SyncGroup.");
    case S::Stable: return tr("Every member has its partitions and is consuming.");
    case S::Dead: return tr("The group was deleted.");
    }
    return {};
}

QString Texts::consumerStatus(ConsumerStatus s) {
    switch (s) {
    case ConsumerStatus::Consuming: return tr("consuming");
    case ConsumerStatus::NoPartitions: return tr("no partitions");
    case ConsumerStatus::Stopped: return tr("stopped: waiting");
    case ConsumerStatus::LeftUnaware: return tr("left the group (does not know yet)");
    case ConsumerStatus::NotPolling: return tr("not calling poll()");
    }
    return {};
}

QString Texts::consumerStatusHelp(ConsumerStatus s) {
    switch (s) {
    case ConsumerStatus::Consuming: return tr("A member of the group: it fetches and processes its partitions.");
    case ConsumerStatus::NoPartitions: return tr("A member of the group with no partition assigned (more consumers than partitions, or waiting for the assignment).");
    case ConsumerStatus::Stopped: return tr("The group is rebalancing: this consumer gave up its partitions and waits for the new assignment.");
    case ConsumerStatus::LeftUnaware:
        return tr("It did not call poll() within max.poll.interval.ms, so its heartbeat thread left the group and the partitions "
                  "went to other members. The application does not know yet: it still holds the records it was processing and "
                  "finds out at its next poll(), when it loses its partitions and joins again.");
    case ConsumerStatus::NotPolling:
        return tr("The application is busy and does not call poll(). It stays in the group while its heartbeats go on, until "
                  "max.poll.interval.ms passes.");
    }
    return {};
}

QString Texts::noCoordinator() { return tr("No coordinator"); }

QString Texts::noCoordinatorDetail(sim::BrokerId coordinator) {
    return coordinator < 0 ? tr("no broker leads its __consumer_offsets partition")
                           : tr("coordinator broker %1 is down").arg(coordinator);
}

QString Texts::assignor(std::int32_t kind) {
    if (kind < 0) return tr("(none yet)");
    return QString::fromUtf8(sim::assignorName(static_cast<sim::AssignorKind>(kind)));
}

QString Texts::rebalanceProtocol(std::int32_t kind) {
    if (kind < 0) return tr("(none yet)");
    return sim::isCooperative(static_cast<sim::AssignorKind>(kind)) ? tr("cooperative (incremental)")
                                                                     : tr("eager (stop-the-world)");
}

QString Texts::assignor(const std::string& name) {
    if (name.empty()) return tr("(none yet)");
    return QString::fromStdString(name);
}

QString Texts::rebalanceProtocol(bool cooperative) {
    return cooperative ? tr("cooperative (incremental)") : tr("eager (stop-the-world)");
}

QString Texts::leaveReason(sim::LeaveReason r) {
    switch (r) {
    case sim::LeaveReason::LeaveGroup: return tr("left the group (LeaveGroup)");
    case sim::LeaveReason::SessionTimeout: return tr("session timeout (no heartbeats)");
    case sim::LeaveReason::PollTimeout: return tr("max.poll.interval.ms exceeded");
    case sim::LeaveReason::RebalanceTimeout: return tr("did not rejoin in time");
    case sim::LeaveReason::Fenced: return tr("fenced");
    }
    return {};
}

QString Texts::errorCode(sim::ErrorCode code) {
    switch (code) {
    case sim::ErrorCode::NONE: return tr("no error");
    case sim::ErrorCode::NOT_ENOUGH_REPLICAS: return tr("not enough in-sync replicas (NOT_ENOUGH_REPLICAS)");
    case sim::ErrorCode::NOT_ENOUGH_REPLICAS_AFTER_APPEND:
        return tr("written, but not enough in-sync replicas (NOT_ENOUGH_REPLICAS_AFTER_APPEND)");
    case sim::ErrorCode::NOT_LEADER_OR_FOLLOWER: return tr("the broker is no longer the leader (NOT_LEADER_OR_FOLLOWER)");
    case sim::ErrorCode::LEADER_NOT_AVAILABLE: return tr("no leader available (LEADER_NOT_AVAILABLE)");
    case sim::ErrorCode::REQUEST_TIMED_OUT: return tr("request timed out (REQUEST_TIMED_OUT)");
    case sim::ErrorCode::NETWORK_EXCEPTION: return tr("network error (NETWORK_EXCEPTION)");
    case sim::ErrorCode::REBALANCE_IN_PROGRESS: return tr("rebalance in progress (REBALANCE_IN_PROGRESS)");
    case sim::ErrorCode::ILLEGAL_GENERATION: return tr("old generation (ILLEGAL_GENERATION)");
    case sim::ErrorCode::UNKNOWN_MEMBER_ID: return tr("unknown member (UNKNOWN_MEMBER_ID)");
    case sim::ErrorCode::CLIENT_DELIVERY_TIMEOUT: return tr("delivery.timeout.ms expired");
    default: return QString::fromUtf8(sim::errorName(code));
    }
}

QString Texts::virtualTime(sim::TimeMs t) {
    const auto ms = t % 1000;
    const auto s = (t / 1000) % 60;
    const auto m = t / 60000;
    return QStringLiteral("%1:%2.%3").arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0')).arg(ms, 3, 10, QLatin1Char('0'));
}

QString Texts::event(const sim::Journal& j, const sim::Event& e) {
    return event(labs::observe::shownEvent(j, e));
}

QString Texts::event(const labs::observe::ShownEvent& shown) {
    using T = sim::EventType;
    const sim::Event& e = shown.event;
    const QString topic = QString::fromStdString(shown.topic);
    const QString tp = shown.topic.empty() ? QString() : topic + QLatin1Char('-') + QString::number(e.partition);
    const QString group = QString::fromStdString(shown.group);
    auto client = [&] { return e.actor >= 0 ? QString::fromStdString(shown.client_id) : tr("admin"); };
    auto consumer = client;
    auto producer = client;
    switch (e.type) {
    case T::BrokerStarted: return tr("Broker %1 started").arg(e.broker);
    case T::BrokerStopped: return e.flag ? tr("Broker %1 crashed").arg(e.broker) : tr("Broker %1 stopped (controlled shutdown)").arg(e.broker);
    case T::BrokerFenced: return tr("The controller fenced broker %1").arg(e.broker);
    case T::TopicCreated: return tr("Topic %1 created (%2 partitions, replication factor %3)").arg(topic).arg(e.a).arg(e.b);
    case T::TopicDeleted: return tr("Topic %1 deleted").arg(topic);
    case T::PartitionCreated: return tr("Partition %1 created").arg(tp);
    case T::LeaderElected:
        return e.broker < 0 ? tr("%1 has no leader (offline)").arg(tp)
                            : (e.flag ? tr("%1: broker %2 elected leader (unclean), epoch %3").arg(tp).arg(e.broker).arg(e.a)
                                      : tr("%1: broker %2 elected leader, epoch %3").arg(tp).arg(e.broker).arg(e.a));
    case T::IsrShrunk: return tr("%1: broker %2 left the ISR").arg(tp).arg(e.broker);
    case T::IsrExpanded: return tr("%1: broker %2 rejoined the ISR").arg(tp).arg(e.broker);
    case T::RecordsAppended: return tr("%1: %2 record(s) appended at offset %3 by %4").arg(tp).arg(e.b).arg(e.a).arg(producer());
    case T::ReplicaFetched: return tr("%1: follower %2 fetched %3 record(s), LEO %4").arg(tp).arg(e.broker).arg(e.b).arg(e.a);
    case T::HighWatermarkAdvanced: return tr("%1: high watermark advanced to %2").arg(tp).arg(e.a);
    case T::LogTruncated: return tr("%1: replica on broker %2 truncated to %3 (%4 record(s) lost)").arg(tp).arg(e.broker).arg(e.a).arg(e.b);
    case T::LogStartAdvanced: return tr("%1: retention moved the log start offset to %2").arg(tp).arg(e.a);
    case T::ProducerAdded: return tr("Producer %1 started").arg(producer());
    case T::ProduceAcked: return tr("%1: %2 acknowledged %3 record(s)").arg(tp, producer()).arg(e.b);
    case T::ProduceFailed: return tr("%1: send by %2 failed: %3").arg(tp, producer(), errorCode(e.error));
    case T::ConsumerAdded: return tr("Consumer %1 started").arg(consumer());
    case T::ConsumerClosed: return tr("Consumer %1 closed").arg(consumer());
    case T::ConsumerPaused: return tr("Consumer %1 stops calling poll() for %2 ms").arg(consumer()).arg(e.a);
    case T::MemberJoined: return tr("%1 joined group %2").arg(consumer(), group);
    case T::MemberLeft: return tr("%1 left group %2: %3").arg(consumer(), group, leaveReason(static_cast<sim::LeaveReason>(e.flag)));
    case T::GroupStateChanged: return tr("Group %1 is now %2 (generation %3)").arg(group, groupState(labs::observe::groupState(static_cast<sim::GroupState>(e.a)))).arg(e.b);
    case T::GenerationStarted: return tr("Group %1: generation %2 with assignor %3, leader %4").arg(group).arg(e.a).arg(assignor(e.flag), consumer());
    case T::PartitionsRevoked: return tr("%1 gave up %2 partition(s)").arg(consumer()).arg(e.list_size / 2);
    case T::PartitionsAssigned: return tr("%1 received %2 partition(s)").arg(consumer()).arg(e.list_size / 2);
    case T::RecordsConsumed: return tr("%1 consumed %2 record(s) from %3 at offset %4").arg(consumer()).arg(e.b).arg(tp).arg(e.a);
    case T::PositionReset: return tr("%1: position of %2 reset to %3").arg(consumer(), tp).arg(e.a);
    case T::OffsetCommitted: return tr("Group %1 committed offset %2 on %3").arg(group).arg(e.a).arg(tp);
    case T::CommitFailed: return tr("Commit by %1 failed: %2").arg(consumer(), errorCode(e.error));
    case T::CoordinatorMoved:
        return e.broker < 0 ? tr("Group %1 has no coordinator").arg(group) : tr("Group %1: coordinator is now broker %2").arg(group).arg(e.broker);
    case T::GroupDeleted: return tr("Group %1 deleted").arg(group);
    case T::OffsetDeleted: return tr("Group %1 deleted its committed offset on %2").arg(group).arg(tp);
    case T::ScenarioAction: return tr("Scenario action: %1").arg(QString::fromStdString(shown.text));
    case T::GroupLoaded:
        return tr("Broker %1 loaded group %2 from __consumer_offsets: %3, generation %4, %n member(s)", nullptr,
                  static_cast<int>(e.list_size / 2))
            .arg(e.broker)
            .arg(group, groupState(labs::observe::groupState(static_cast<sim::GroupState>(e.a))))
            .arg(e.b);
    case T::Count_: break;
    }
    return {};
}

QString Texts::helpHighWatermark() {
    return tr("HW (high watermark): the first offset not yet copied to every replica in the ISR. "
              "Consumers only read below the HW; records after it are not committed yet.");
}
QString Texts::helpLogEndOffset() {
    return tr("LEO (log end offset): the offset the next record written to this replica will get.");
}
QString Texts::helpIsr() {
    return tr("ISR (in-sync replicas): the replicas that are up to date with the leader. Only they can become leader "
              "without losing data.");
}
QString Texts::helpLag() {
    return tr("Lag: how many records the group still has to read, HW minus the committed offset "
              "(the LAG column of kafka-consumer-groups).");
}
QString Texts::helpGeneration() {
    return tr("Generation: a counter the coordinator increments at every rebalance. Commits from an old "
              "generation are rejected.");
}
QString Texts::helpLeader() {
    return tr("Leader replica: receives the writes of producers and serves the reads of consumers.");
}
QString Texts::helpFollower() {
    return tr("Follower replica: copies the leader's log by fetching from it, like a consumer.");
}
QString Texts::helpLogStart() {
    return tr("Log start offset: the oldest offset still stored. Retention deleted everything before it.");
}
QString Texts::helpOffline() {
    return tr("Leader: none. No replica of the ISR is alive, so the partition can be neither written nor read.");
}
QString Texts::helpPosition() {
    return tr("Position: the next offset this consumer will fetch.");
}
QString Texts::helpCommitted() {
    return tr("Committed offset: where the group will resume after a rebalance or restart (the next record to read).");
}
QString Texts::helpPartitioner() {
    return tr("With a key, the producer picks the partition as murmur2(key) % number of partitions, so the same key "
              "always goes to the same partition.");
}
QString Texts::helpEager() {
    return tr("Eager rebalance: every consumer gives up all its partitions and stops until the new assignment "
              "arrives (stop-the-world).");
}
QString Texts::helpCooperative() {
    return tr("Cooperative rebalance: only the partitions that change owner are revoked, in two phases; the others "
              "keep being consumed.");
}
QString Texts::helpBroker() {
    return tr("Broker: a Kafka server. It stores replicas of partitions. Right-click to stop or start it.");
}
QString Texts::helpProducer() {
    return tr("Producer: an application that writes records to a topic.");
}
QString Texts::helpGroup() {
    return tr("Consumer group: consumers that share the partitions of the topics they read; each partition is read "
              "by a single member of the group.");
}

} // namespace fluxolab::app
