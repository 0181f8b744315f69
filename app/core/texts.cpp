#include "app/core/texts.h"

#include "app/cluster/clusterlayout.h"
#include "app/core/language.h"
#include "labs/lab_engine/setup_client.h"
#include "labs/observe/event_text.h"

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

QString Texts::noCoordinatorDetail(labs::BrokerId coordinator) {
    return coordinator < 0 ? tr("no broker leads its __consumer_offsets partition")
                           : tr("coordinator broker %1 is down").arg(coordinator);
}

QString Texts::assignor(std::int32_t kind) {
    if (kind < 0) return tr("(none yet)");
    return QString::fromStdString(labs::observe::assignorName(kind));
}

QString Texts::rebalanceProtocol(std::int32_t kind) {
    if (kind < 0) return tr("(none yet)");
    return labs::observe::isCooperativeAssignor(kind) ? tr("cooperative (incremental)")
                                                                     : tr("eager (stop-the-world)");
}

QString Texts::assignor(const std::string& name) {
    if (name.empty()) return tr("(none yet)");
    return QString::fromStdString(name);
}

QString Texts::noAssignorWithoutMembers() { return tr("no assignor: the group has no members"); }

QString Texts::rebalanceProtocol(bool cooperative) {
    return cooperative ? tr("cooperative (incremental)") : tr("eager (stop-the-world)");
}

QString Texts::leaveReason(labs::LeaveReason r) {
    switch (r) {
    case labs::LeaveReason::LeaveGroup: return tr("left the group (LeaveGroup)");
    case labs::LeaveReason::SessionTimeout: return tr("session timeout (no heartbeats)");
    case labs::LeaveReason::PollTimeout: return tr("max.poll.interval.ms exceeded");
    case labs::LeaveReason::RebalanceTimeout: return tr("did not rejoin in time");
    case labs::LeaveReason::Fenced: return tr("fenced");
    }
    return {};
}

QString Texts::errorCode(labs::ErrorCode code) {
    switch (code) {
    case labs::ErrorCode::NONE: return tr("no error");
    case labs::ErrorCode::NOT_ENOUGH_REPLICAS: return tr("not enough in-sync replicas (NOT_ENOUGH_REPLICAS)");
    case labs::ErrorCode::NOT_ENOUGH_REPLICAS_AFTER_APPEND:
        return tr("written, but not enough in-sync replicas (NOT_ENOUGH_REPLICAS_AFTER_APPEND)");
    case labs::ErrorCode::NOT_LEADER_OR_FOLLOWER: return tr("the broker is no longer the leader (NOT_LEADER_OR_FOLLOWER)");
    case labs::ErrorCode::LEADER_NOT_AVAILABLE: return tr("no leader available (LEADER_NOT_AVAILABLE)");
    case labs::ErrorCode::REQUEST_TIMED_OUT: return tr("request timed out (REQUEST_TIMED_OUT)");
    case labs::ErrorCode::NETWORK_EXCEPTION: return tr("network error (NETWORK_EXCEPTION)");
    case labs::ErrorCode::REBALANCE_IN_PROGRESS: return tr("rebalance in progress (REBALANCE_IN_PROGRESS)");
    case labs::ErrorCode::ILLEGAL_GENERATION: return tr("old generation (ILLEGAL_GENERATION)");
    case labs::ErrorCode::UNKNOWN_MEMBER_ID: return tr("unknown member (UNKNOWN_MEMBER_ID)");
    case labs::ErrorCode::CLIENT_DELIVERY_TIMEOUT: return tr("delivery.timeout.ms expired");
    case labs::ErrorCode::CLIENT_METADATA_TIMEOUT:
        return tr("the topic was not in the metadata within max.block.ms (METADATA_TIMEOUT)");
    case labs::ErrorCode::CLIENT_COMMIT_FAILED:
        return tr("no longer in the group: the client failed it without sending it (CommitFailedException)");
    case labs::ErrorCode::CLIENT_REBALANCE_IN_PROGRESS:
        return tr("rebalancing: the client failed it without sending it (RebalanceInProgressException)");
    case labs::ErrorCode::CLIENT_PRODUCER_CLOSED:
        return tr("the producer was closed while send() waited for metadata (KafkaException)");
    case labs::ErrorCode::MESSAGE_TOO_LARGE:
        return tr("the batch is larger than the topic's max.message.bytes (MESSAGE_TOO_LARGE)");
    case labs::ErrorCode::CLIENT_RECORD_TOO_LARGE:
        return tr("the record is larger than max.request.size (RecordTooLargeException)");
    case labs::ErrorCode::INVALID_TIMESTAMP:
        return tr("a record's timestamp is outside the range the topic accepts (INVALID_TIMESTAMP)");
    default: return QString::fromUtf8(labs::errorCodeName(code));
    }
}

QString Texts::virtualTime(labs::TimeMs t) {
    const auto ms = t % 1000;
    const auto s = (t / 1000) % 60;
    const auto m = t / 60000;
    // The fraction of a second after the UI language's decimal separator: "00:12,345" in Portuguese.
    return QStringLiteral("%1:%2%3%4")
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 2, 10, QLatin1Char('0'))
        .arg(uiLocale().decimalPoint())
        .arg(ms, 3, 10, QLatin1Char('0'));
}

QString Texts::speed(double factor) { return decimalText(factor, 2) + QStringLiteral("×"); }

QString Texts::seconds(labs::TimeMs t) { return tr("%1 s").arg(decimalText(static_cast<double>(t) / 1000.0, 3)); }

namespace {
constexpr std::uint8_t ev(labs::observe::EventType t) { return static_cast<std::uint8_t>(t); }
using T = labs::observe::EventType;

// One translatable template per line of FLUXOLAB_KAFKA_EVENTS (sim/journal.h), naming the schema's
// fields ("{key}"; "{#key}": the items of a list field). Where a field's value changes the sentence,
// the variants come first, each with the field and value that select it (labs::observe::EventText). The
// static_assert below checks the table against the schema: a new event type without a text, or a
// placeholder that is not one of its fields, does not compile.
// clang-format off
constexpr labs::observe::EventText kEventTexts[] = {
    {ev(T::BrokerStarted), QT_TRANSLATE_NOOP("Texts", "Broker {broker} started")},
    {ev(T::BrokerStopped), QT_TRANSLATE_NOOP("Texts", "Broker {broker} crashed"), "crash", "true"},
    {ev(T::BrokerStopped), QT_TRANSLATE_NOOP("Texts", "Broker {broker} stopped (controlled shutdown)")},
    {ev(T::BrokerFenced), QT_TRANSLATE_NOOP("Texts", "The controller fenced broker {broker}")},
    {ev(T::BrokerUnfenced), QT_TRANSLATE_NOOP("Texts", "The controller unfenced broker {broker}: it registered and caught up with the metadata")},
    {ev(T::TopicCreated), QT_TRANSLATE_N_NOOP("Texts", "Topic {topic} created (%n partition(s), replication factor {replication_factor})"), nullptr, nullptr, "partitions"},
    {ev(T::TopicDeleted), QT_TRANSLATE_NOOP("Texts", "Topic {topic} deleted")},
    {ev(T::PartitionCreated), QT_TRANSLATE_NOOP("Texts", "Partition {topic}-{partition} created")},
    {ev(T::LeaderElected), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition} has no leader (offline)"), "leader", "-1"},
    {ev(T::LeaderElected), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition}: broker {leader} elected leader (unclean), epoch {leader_epoch}"), "unclean", "true"},
    {ev(T::LeaderElected), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition}: broker {leader} elected leader, epoch {leader_epoch}")},
    {ev(T::IsrShrunk), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition}: broker {replica} left the ISR")},
    {ev(T::IsrExpanded), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition}: broker {replica} rejoined the ISR")},
    {ev(T::RecordsAppended), QT_TRANSLATE_N_NOOP("Texts", "{topic}-{partition}: %n record(s) appended at offset {base_offset} by {producer}, the lab's setup"), "producer", labs::kLabSetupClientId, "count"},
    {ev(T::RecordsAppended), QT_TRANSLATE_N_NOOP("Texts", "{topic}-{partition}: %n record(s) appended at offset {base_offset} by {producer}"), nullptr, nullptr, "count"},
    {ev(T::ReplicaFetched), QT_TRANSLATE_N_NOOP("Texts", "{topic}-{partition}: follower {follower} fetched %n record(s), LEO {leo}"), nullptr, nullptr, "count"},
    {ev(T::HighWatermarkAdvanced), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition}: high watermark advanced to {hw}")},
    {ev(T::LogTruncated), QT_TRANSLATE_N_NOOP("Texts", "{topic}-{partition}: replica on broker {replica} truncated to {leo} (%n record(s) lost)"), nullptr, nullptr, "lost"},
    {ev(T::LogStartAdvanced), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition}: retention moved the log start offset to {log_start_offset}")},
    // The producer a lab's step setup opens to write the step's starting records: said so.
    {ev(T::ProducerAdded), QT_TRANSLATE_NOOP("Texts", "Producer {producer} started: the lab's setup writes this step's starting records"), "producer", labs::kLabSetupClientId},
    {ev(T::ProducerAdded), QT_TRANSLATE_NOOP("Texts", "Producer {producer} started")},
    {ev(T::ProducerClosed), QT_TRANSLATE_NOOP("Texts", "Producer {producer} closed: the lab's setup wrote this step's starting records"), "producer", labs::kLabSetupClientId},
    {ev(T::ProducerClosed), QT_TRANSLATE_NOOP("Texts", "Producer {producer} closed")},
    {ev(T::ConnectionFailed), QT_TRANSLATE_NOOP("Texts", "{producer}: connection to broker {broker} could not be established (next attempt in {retry_in_ms} ms)")},
    {ev(T::ControllerElected), QT_TRANSLATE_NOOP("Texts", "The KRaft quorum has no leader: no active controller (epoch {epoch})"), "broker", "-1"},
    {ev(T::ControllerElected), QT_TRANSLATE_NOOP("Texts", "Broker {broker} is the active controller: the KRaft quorum elected it (epoch {epoch})")},
    {ev(T::ProduceAcked), QT_TRANSLATE_N_NOOP("Texts", "{topic}-{partition}: {producer} (the lab's setup) acknowledged %n record(s)"), "producer", labs::kLabSetupClientId, "count"},
    {ev(T::ProduceAcked), QT_TRANSLATE_N_NOOP("Texts", "{topic}-{partition}: {producer} acknowledged %n record(s)"), nullptr, nullptr, "count"},
    {ev(T::ProduceFailed), QT_TRANSLATE_NOOP("Texts", "{topic}: send by {producer} failed before a partition was chosen: {error}"), "partition", "-1"},
    {ev(T::ProduceFailed), QT_TRANSLATE_NOOP("Texts", "{topic}-{partition}: send by {producer} failed: {error}")},
    {ev(T::ConsumerAdded), QT_TRANSLATE_NOOP("Texts", "Consumer {consumer} started")},
    {ev(T::ConsumerClosed), QT_TRANSLATE_NOOP("Texts", "Consumer {consumer} closed")},
    {ev(T::ConsumerPaused), QT_TRANSLATE_NOOP("Texts", "Consumer {consumer} stops calling poll() for {pause_ms} ms")},
    {ev(T::MemberJoined), QT_TRANSLATE_NOOP("Texts", "{consumer} joined group {group}")},
    {ev(T::MemberLeft), QT_TRANSLATE_NOOP("Texts", "{consumer} left group {group}: {reason}")},
    {ev(T::GroupStateChanged), QT_TRANSLATE_NOOP("Texts", "Group {group} is now {state} (generation {generation})")},
    {ev(T::GenerationStarted), QT_TRANSLATE_NOOP("Texts", "Group {group}: generation {generation} with assignor {protocol}, leader {leader}")},
    {ev(T::PartitionsRevoked), QT_TRANSLATE_N_NOOP("Texts", "{consumer} gave up %n partition(s)"), nullptr, nullptr, "partitions"},
    {ev(T::PartitionsLost), QT_TRANSLATE_N_NOOP("Texts", "{consumer} lost %n partition(s): it is no longer a member of the group (onPartitionsLost)"), nullptr, nullptr, "partitions"},
    {ev(T::PartitionsAssigned), QT_TRANSLATE_N_NOOP("Texts", "{consumer} received %n partition(s)"), nullptr, nullptr, "partitions"},
    {ev(T::RecordsConsumed), QT_TRANSLATE_N_NOOP("Texts", "{consumer} consumed %n record(s) from {topic}-{partition} at offset {offset}"), nullptr, nullptr, "count"},
    {ev(T::PositionReset), QT_TRANSLATE_NOOP("Texts", "{consumer}: position of {topic}-{partition} set to the committed offset {position}"), "committed", "true"},
    {ev(T::PositionReset), QT_TRANSLATE_NOOP("Texts", "{consumer}: position of {topic}-{partition} reset to {position}")},
    {ev(T::OffsetCommitted), QT_TRANSLATE_NOOP("Texts", "Group {group} committed offset {offset} on {topic}-{partition}")},
    {ev(T::CommitFailed), QT_TRANSLATE_NOOP("Texts", "Commit by {consumer} failed: {error}")},
    {ev(T::CoordinatorMoved), QT_TRANSLATE_NOOP("Texts", "Group {group} has no coordinator"), "coordinator", "-1"},
    {ev(T::CoordinatorMoved), QT_TRANSLATE_NOOP("Texts", "Group {group}: coordinator is now broker {coordinator}")},
    {ev(T::GroupDeleted), QT_TRANSLATE_NOOP("Texts", "Group {group} deleted")},
    {ev(T::OffsetDeleted), QT_TRANSLATE_NOOP("Texts", "Group {group} deleted its committed offset on {topic}-{partition}")},
    {ev(T::ScenarioAction), QT_TRANSLATE_NOOP("Texts", "Scenario action: {description}")},
    {ev(T::TopicConfigChanged), QT_TRANSLATE_NOOP("Texts", "Topic {topic}: override {config} removed, the broker's default applies"), "deleted", "true"},
    {ev(T::TopicConfigChanged), QT_TRANSLATE_NOOP("Texts", "Topic {topic}: config {config} set")},
    {ev(T::GroupLoaded), QT_TRANSLATE_N_NOOP("Texts", "Broker {coordinator} loaded group {group} from __consumer_offsets: {state}, generation {generation}, %n member(s)"), nullptr, nullptr, "members"},
};
// clang-format on
static_assert(labs::observe::checkKafkaEventTexts(kEventTexts, std::size(kEventTexts)),
              "every Kafka event type needs a text in kEventTexts, naming only its schema's fields");

} // namespace

std::span<const labs::observe::EventText> Texts::eventTexts() { return kEventTexts; }

QString Texts::event(const labs::observe::ShownEvent& shown) {
    const auto translate = [](const char* source, int n) {
        return QCoreApplication::translate("Texts", source, nullptr, n).toStdString();
    };
    // Names as the student reads them: "admin" for a request without a client, translated states,
    // reasons and errors; everything else as the journal renders it.
    const auto word = [&](labs::observe::FieldKind kind, std::int64_t v, const std::string& text) -> std::string {
        using K = labs::observe::FieldKind;
        switch (kind) {
        case K::Producer:
        case K::ProducerIfSet:
        case K::Consumer:
        case K::ConsumerIfSet: return v >= 0 ? text : tr("admin").toStdString();
        case K::Error: return errorCode(shown.event.error).toStdString();
        case K::GroupStateName: return groupState(labs::observe::groupStateOfSlot(v)).toStdString();
        case K::LeaveReasonName: return leaveReason(labs::observe::leaveReasonOfSlot(v)).toStdString();
        default: return text;
        }
    };
    return QString::fromStdString(labs::observe::describeShownEvent(shown, kEventTexts, translate, word));
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
