#pragma once
// The KRaft controller quorum's rules, written once. The simulation's replication component
// (kafka::Replication) elects, keeps and loses the active controller with them and journals each
// change (controller_elected); the timeline (ClusterView::controller) only folds those events.
//
// Every node of the simulated cluster is a combined broker+controller, and every node is a voter of
// the metadata quorum (KRaft's Raft, raft/ KafkaRaftClient, QuorumState). What is modelled:
//  - Sticky leadership: the Raft leader (the active controller) keeps the role while it runs and
//    hears from a majority of voters; a node that (re)starts joins as a follower of it.
//  - Election: when the leader's process stops, the other voters elect one of the live voters, and
//    only with a majority of the voters alive (Raft's vote quorum). Without a majority there is no
//    active controller, and a leader that loses its majority resigns after fetch.timeout.ms (KIP-1's
//    check-quorum, the doc of controller.quorum.fetch.timeout.ms).
//  - Timing (kafka::controllerElectionDelay): see there.

#include "sim/types.h"

namespace fluxolab::sim::kafka {

/// controller.quorum.fetch.timeout.ms (QuorumConfig.DEFAULT_QUORUM_FETCH_TIMEOUT_MS): a follower
/// that has not fetched from the leader for this long starts an election; a leader that has not been
/// fetched from by a majority for this long resigns.
constexpr TimeMs kQuorumFetchTimeoutMs = 2000;
/// controller.quorum.election.timeout.ms (DEFAULT_QUORUM_ELECTION_TIMEOUT_MS): a candidate that has
/// not won waits a random time in [this, 2 x this) before it tries again.
constexpr TimeMs kQuorumElectionTimeoutMs = 1000;
/// quorum.append.linger.ms (DEFAULT_QUORUM_LINGER_MS): the active controller waits this long for
/// writes to accumulate before appending them to the metadata log (a new leader's first record,
/// LeaderChange, included); a round trip to the other voters then commits them.
constexpr TimeMs kQuorumLingerMs = 25;

/// Why an election starts (the wait before it differs).
enum class ElectionCause {
    LeaderCrashed,   ///< the followers notice at fetch.timeout.ms
    LeaderResigned,  ///< a controlled shutdown: the leader sends EndQuorumEpoch, the followers start at once
    MajorityRegained, ///< candidates were retrying (every randomised election timeout): the next try wins
    OnlyVoterStarted  ///< a one-node quorum: its only voter becomes candidate at startup and wins its own vote
};

/// A majority of `voters` (every node is a voter): Raft's vote and commit quorum.
constexpr bool quorumMajority(std::int32_t live_voters, std::int32_t voters) { return 2 * live_voters > voters; }

/// The time from the cause of an election to the new active controller. `jitter` is a draw in
/// [0, controller.quorum.election.timeout.ms) from the controller's own random stream: it summarises
/// Raft's randomised election timeouts (which break split votes) as one wait. Then a Vote round trip
/// (KIP-996 adds a PreVote round trip first: 4 network delays in all) and the commit of the new
/// leader's LeaderChange record (linger.ms; its replication is within those round trips).
/// Bound (kControllerElectionBound): fetch.timeout.ms + election.timeout.ms + 4 delays + linger.ms.
/// A one-node quorum elects itself at once (KafkaRaftClient: the only voter transitions to candidate
/// when it starts): only the commit of its LeaderChange record (linger.ms).
constexpr TimeMs controllerElectionDelay(ElectionCause cause, TimeMs jitter, TimeMs network_delay_ms) {
    if (cause == ElectionCause::OnlyVoterStarted) return kQuorumLingerMs;
    const TimeMs before = cause == ElectionCause::LeaderCrashed      ? kQuorumFetchTimeoutMs
                          : cause == ElectionCause::MajorityRegained ? kQuorumElectionTimeoutMs
                                                                     : 0;
    return before + jitter + 4 * network_delay_ms + kQuorumLingerMs;
}

/// The longest controllerElectionDelay: the liveness bound of the controller once a majority runs.
constexpr TimeMs controllerElectionBound(TimeMs network_delay_ms) {
    return kQuorumFetchTimeoutMs + kQuorumElectionTimeoutMs + 4 * network_delay_ms + kQuorumLingerMs;
}

} // namespace fluxolab::sim::kafka
