#pragma once
// Seeking in the journal: ClusterView is the observable state (no record payloads) rebuilt purely
// from journal events; Timeline keeps a snapshot every N events so any past moment is reached by
// copying the nearest snapshot and replaying at most N events.

#include "sim/journal.h"
#include "sim/partition_map.h"

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace fluxolab::sim {

using TpKey = std::pair<std::int32_t, std::int32_t>; ///< (journal topic index, partition)

struct BrokerView {
    BrokerId id = 0;
    bool alive = true;
    bool fenced = false;
};

struct TopicView {
    std::int32_t topic = -1;       ///< journal topic index (name: Journal::topicName)
    std::int32_t partitions = 0;
    std::int32_t replication_factor = 0;
};

struct PartitionView {
    std::vector<BrokerId> replicas;   ///< assignment order
    std::vector<Offset> replica_leo;  ///< parallel to replicas
    std::vector<BrokerId> isr;
    BrokerId leader = -1;
    std::int32_t leader_epoch = 0;
    Offset high_watermark = 0;
    Offset log_start = 0;
    /// The view's `events` when an event last changed this partition (its creation included): a
    /// reader that built something from the view at `events` = N reuses it for every partition with
    /// `changed` <= N while the view goes forward (labs/observe's observation does).
    std::size_t changed = 0;
    Offset leaderLeo() const;
    bool operator==(const PartitionView&) const = default;
};

/// The partitions of a view, shared in chunks between copies (a timeline's snapshots cost what
/// changed between them, not the whole map: sim/partition_map.h).
using PartitionMap = ChunkedCowMap<TpKey, PartitionView>;

struct GroupView {
    GroupState state = GroupState::Empty;
    BrokerId coordinator = -1;
    std::int32_t generation = 0;
    std::int32_t leader = -1;         ///< consumer index of the group leader
    std::int32_t protocol = -1;       ///< AssignorKind, -1 = none yet
    std::vector<std::int32_t> members; ///< consumer indices currently in the group
    std::map<TpKey, Offset> committed;
};

struct ConsumerView {
    std::int32_t group = -1;
    std::uint32_t member_id = 0;      ///< Journal::string id of the current member id (0 = none)
    bool closed = false;
    TimeMs paused_until = -1;
    std::vector<TpKey> assigned;      ///< sorted
    std::map<TpKey, Offset> position;
    std::int64_t consumed = 0;
};

struct ProducerView {
    std::int64_t acked = 0;
    std::int64_t failed = 0;
    std::int64_t retries = 0;
    bool closed = false; ///< close() was called: no longer a client of the cluster
};

struct ClusterView {
    TimeMs time = 0;
    std::size_t events = 0;           ///< number of journal events applied
    std::vector<BrokerView> brokers;  ///< index = broker id - 1
    std::map<std::int32_t, TopicView> topics; ///< live topics by journal topic index
    PartitionMap partitions;     ///< copies share unchanged chunks
    std::map<std::int32_t, GroupView> groups; ///< by journal group index
    std::vector<ConsumerView> consumers;      ///< by consumer index
    std::vector<ProducerView> producers;      ///< by producer index

    /// Applies one event (the one at index `events` of the journal).
    void apply(const Journal& journal, const Event& e);
    /// The fold hook of each Kafka event type: one specialisation per line of FLUXOLAB_KAFKA_EVENTS
    /// (timeline.cpp), dispatched by apply() with FLUXOLAB_FOLD. A new event type without one does not link.
    template <EventType T> void fold(const Journal& journal, const Event& e);
    BrokerId controller_id = -1;      ///< the active KRaft controller (controller_elected; -1: none)
    std::int32_t controller_epoch = 0; ///< the metadata quorum's leader epoch

    /// The KRaft controller at this moment, as the journal's controller_elected events left it.
    BrokerId controller() const { return controller_id; }
    /// Consumer lag on a partition: consumerLag() (sim/lag.h) of the committed offset and the HW.
    std::optional<Offset> committedLag(std::int32_t group, const TpKey& tp) const;
    /// What a copy costs, in events applied (BasicTimeline spaces its snapshots by it).
    std::size_t snapshotWeight() const { return partitions.size() + consumers.size(); }
};

/// What a timeline folds journal events into: a copyable value that counts the events it has applied
/// (`events`) and applies the next one (`apply`). ClusterView is the Kafka model's; the stream
/// engine's view plugs in the same way.
template <class V>
concept FoldedView = std::copyable<V> && requires(V v, const Journal& j, const Event& e) {
    { v.events } -> std::convertible_to<std::size_t>;
    v.apply(j, e);
};

/// A view that can say how much a copy of it costs, in units of one event applied (ClusterView: its
/// partitions). The timeline spaces its snapshots so that copying never costs more than a fraction
/// of folding: a 9 999-partition topic would otherwise make every snapshot a 30 000-node copy.
template <class V>
concept WeighedView = requires(const V v) {
    { v.snapshotWeight() } -> std::convertible_to<std::size_t>;
};

/// Any moment of a journal, folded into a View: a snapshot at least every `snapshot_every` events
/// (further apart for a heavy view, see WeighedView), and the events after the nearest snapshot
/// applied on a copy.
template <FoldedView View> class BasicTimeline {
public:
    explicit BasicTimeline(const Journal& journal, std::size_t snapshot_every = 4096, bool sync_now = true)
        : m_journal(journal), m_every(std::max<std::size_t>(1, snapshot_every)) {
        m_snapshots.push_back(m_latest);
        if (sync_now) sync(); // else the first sync(before) sees every event from the first
    }

    /// Indexes journal events appended since the last call (cheap; call after the simulation advanced).
    void sync() {
        sync([](const View&, const Event&) {});
    }
    /// sync(), calling `before(state, event)` with the state just before each event is applied: a
    /// reader that needs the state at moments between events (the app's plot samples) folds nothing
    /// of its own.
    template <typename Before> void sync(Before&& before) {
        const auto& events = m_journal.events();
        while (m_latest.events < events.size()) {
            before(std::as_const(m_latest), events[m_latest.events]);
            m_latest.apply(m_journal, events[m_latest.events]);
            if (m_latest.events % m_every == 0 && m_latest.events - m_snapshots.back().events >= spacing())
                m_snapshots.push_back(m_latest);
        }
    }
    /// The state after the first `events` journal events (clamped to what was synced).
    View at(std::size_t n) const {
        n = std::min(n, static_cast<std::size_t>(m_latest.events));
        if (n == m_latest.events) return m_latest;
        // The last snapshot at or before n (snapshots are in event order, the first at 0 events).
        const auto it = std::upper_bound(m_snapshots.begin(), m_snapshots.end(), n,
                                         [](std::size_t x, const View& s) { return x < static_cast<std::size_t>(s.events); });
        View v = *std::prev(it);
        const auto& events = m_journal.events();
        while (v.events < n) v.apply(m_journal, events[v.events]);
        return v;
    }
    /// Snapshots kept so far (the first one is the empty state).
    std::size_t snapshots() const { return m_snapshots.size(); }
    /// The state at virtual time `t` (all events with time <= t applied).
    View atTime(TimeMs t) const { return at(eventsUpTo(t)); }
    /// Number of events with time <= t.
    std::size_t eventsUpTo(TimeMs t) const {
        const auto& events = m_journal.events();
        const auto end = events.begin() + static_cast<std::ptrdiff_t>(m_latest.events);
        const auto it =
            std::upper_bound(events.begin(), end, t, [](TimeMs x, const Event& e) { return x < e.time; });
        return static_cast<std::size_t>(it - events.begin());
    }
    /// Journal events folded in so far.
    std::size_t size() const { return m_latest.events; }
    /// The current (latest synced) state.
    const View& latest() const { return m_latest; }
    std::size_t synced() const { return m_latest.events; }

private:
    /// Events between two snapshots: m_every, or 4 events per unit of weight when that is more
    /// (copying then costs at most about a quarter of folding the events in between, and reaching a
    /// moment replays at most that many events).
    std::size_t spacing() const {
        if constexpr (WeighedView<View>) return std::max(m_every, 4 * static_cast<std::size_t>(m_latest.snapshotWeight()));
        else return m_every;
    }

    const Journal& m_journal;
    std::size_t m_every;
    std::vector<View> m_snapshots; ///< in event order; a multiple of m_every events each, the first at 0
    View m_latest;
};

/// The Kafka model's timeline (a class, not an alias, so that it can be forward-declared).
class Timeline : public BasicTimeline<ClusterView> {
public:
    using BasicTimeline::BasicTimeline;
};

} // namespace fluxolab::sim
