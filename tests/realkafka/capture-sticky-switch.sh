#!/usr/bin/env bash
# Checks where the real Kafka 4.3.1 Java producer's built-in partitioner (KIP-794) switches the sticky
# partition of keyless records: one KRaft broker (kafka-broker.sh, in its own state folder) and
# StickySwitch.java, which sends keyless records with 16-byte values and one fixed timestamp to a
# topic of 12 partitions and prints the runs of consecutive records that went to one partition.
#   own:  linger.ms=0, each send waited for: every record its own batch (61 + 23 = 84 bytes counted)
#   full: linger.ms=60000, all sent at once: full batches of 682 records, two per partition
#   burst: linger.ms=0, bursts of three sends, each burst waited for (five runs: the sender thread races the
#          application's 2nd and 3rd send, so a burst counts 84 + 84 + 23, 84 + 23 + 23 or 3 * 84 bytes)
# Not run by ctest (a broker and two JVMs): by hand, to check the simulation's rule (docs/fidelity.md,
# "sticky partitioner"; tests/sim/test_cluster.cpp "null keys: sticky switch points ..."). Recorded
# with Kafka 4.3.1 (a new pick may repeat the partition, which would merge two runs):
#   own runs: 196 196 196 12
#   full runs: 1364 1364 100
# and again on 2026-12-04 with the machine loaded (load average ~30 on 2 cores), burst mode added:
#   own runs: 588 12                      (not analysed: three equal picks in a row would give it)
#   full runs: 1364 691 732 41            (not analysed: the sender thread likely sent full batches while
#                                          the application was still appending)
#   burst runs: 360 171 / 363 168 / 531 / 360 171 / 360 171
#                                         (tests/sim/test_cluster.cpp bounds: 258 when the sender drains
#                                          every burst's 1st record alone, 381 when it never does)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-sticky.XXXXXX)
export FLUXOLAB_KAFKA_STATE="$work/broker"
cleanup() {
  set +e
  "$HERE/kafka-broker.sh" stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
CACHE=${FLUXOLAB_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fluxolab/kafka-4.3.1}
"$HERE/kafka-broker.sh" start >&2
eval "$("$HERE/kafka-broker.sh" env)"
java -Xms64m -Xmx512m -cp "$CACHE/libs/*" "$HERE/StickySwitch.java" "$KAFKA_BOOTSTRAP" sticky-own own 600 2>/dev/null
java -Xms64m -Xmx512m -cp "$CACHE/libs/*" "$HERE/StickySwitch.java" "$KAFKA_BOOTSTRAP" sticky-full full 2828 2>/dev/null
for n in 1 2 3 4 5; do
  java -Xms64m -Xmx512m -cp "$CACHE/libs/*" "$HERE/StickySwitch.java" "$KAFKA_BOOTSTRAP" "sticky-burst-$n" burst 531 2>/dev/null
done
