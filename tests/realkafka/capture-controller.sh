#!/usr/bin/env bash
# Checks how the real Kafka 4.3.1 KRaft quorum moves the active controller (docs/fidelity.md, "the
# KRaft controller"): three combined nodes (broker + controller each, all three voters, the
# distribution's server.properties values otherwise), a topic with 3 partitions and replication
# factor 3, and ControllerWatch.java printing the quorum's leader and the partitions' leaders and ISRs
# every 100 ms. Then: the quorum leader is killed (kill -9, the simulation's "crash"); 25 s later it is
# started again; 25 s later the leader and one more node are killed (1 of 3 voters left); 25 s later
# one of them is started again. Not run by ctest (four JVMs): by hand.
#   tests/realkafka/capture-controller.sh > OUT.txt
# Output: "@@ t=<ms> <what the script did>" and the watcher's lines, times in ms after the first kill.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${FLUXOLAB_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fluxolab/kafka-4.3.1}
work=$(mktemp -d /tmp/fluxolab-controller.XXXXXX)
declare -A pid
cleanup() {
  set +e
  for p in "${pid[@]}"; do kill -9 "$p" 2>/dev/null; done
  [ -n "${watch:-}" ] && kill -9 "$watch" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
J=(java -Xms128m -Xmx384m -cp "$CACHE/libs/*")
# shellcheck source=capture-common.sh
. "$HERE/capture-common.sh"
capture_cluster3 39500 # node N: broker 395N2, controller 395N3
"${J[@]}" "$HERE/ControllerWatch.java" "$B" quorum-check >watch.txt 2>watch.err &
watch=$!
until grep -q 'quorum leader=' watch.txt 2>/dev/null; do sleep 0.5; done
sleep 8
leader() { grep -o 'quorum leader=[0-9]*' watch.txt | tail -1 | cut -d= -f2; }
t0=$(date +%s%3N)
note() { echo "$(( $(date +%s%3N) - t0 )) @@ $*" >>notes.txt; }
first=$(leader)
kill -9 "${pid[$first]}"; note "killed node $first (the quorum leader)"
sleep 25
capture_node_start "$first"; note "started node $first again"
sleep 25
second=$(leader)
other=1; while [ "$other" = "$second" ] || [ "$other" = "$first" ]; do other=$((other + 1)); done
kill -9 "${pid[$second]}"; note "killed node $second (the quorum leader)"
kill -9 "${pid[$other]}"; note "killed node $other"
sleep 25
capture_node_start "$other"; note "started node $other again"
sleep 25
note "end"
{ cat notes.txt; awk -v k="$t0" '{ t = $1 - k; $1 = ""; print t $0 }' watch.txt; } | sort -n -s -k1,1
