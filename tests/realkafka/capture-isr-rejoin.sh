#!/usr/bin/env bash
# Captures the order in which the real Kafka 4.3.1 lists a partition's ISR after a replica leaves and
# rejoins (kafka-topics.sh --describe's "Isr:" column). Three combined KRaft nodes (broker +
# controller each, all three voters, the distribution's server.properties values otherwise), a topic
# with 3 partitions placed by hand (replicas 3,1,2 / 1,2,3 / 2,3,1: node 1 first, second and last in
# the replicas' order; the placement is otherwise random). Timeline: describe; kill -9 node 1; 25 s later
# describe (node 1 fenced, out of every ISR, its partition led by another replica); start node 1
# again; 30 s later describe (node 1 caught up and back in the ISRs). Not run by ctest (three JVM
# brokers, two minutes): by hand, to refresh
#   tests/realkafka/capture-isr-rejoin.sh > tests/labs/golden/real/isr-rejoin.txt
# Output: "@@ <what the script did>" lines and org.apache.kafka.tools.TopicCommand's --describe
# output as printed, the topic id replaced by <id>.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-isr.XXXXXX)
declare -A pid
cleanup() {
  set +e
  for p in "${pid[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_jars -Xms128m -Xmx384m
capture_cluster3 39600 # node N: broker 396N2, controller 396N3
describe() {
  echo "@@ $*"
  "${J[@]}" org.apache.kafka.tools.TopicCommand --describe --topic isr-order --bootstrap-server "$B" |
    sed -E 's/TopicId: [^[:space:]]+/TopicId: <id>/'
}
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic isr-order \
  --replica-assignment 3:1:2,1:2:3,2:3:1 --bootstrap-server "$B" >&2
sleep 5
describe "created (--replica-assignment 3:1:2,1:2:3,2:3:1)"
kill -9 "${pid[1]}"
echo "@@ kill -9 node 1"
sleep 25
describe "25 s after the kill"
capture_node_start 1
echo "@@ node 1 started again"
sleep 30
describe "30 s after the restart"
