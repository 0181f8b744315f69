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
port() { echo $((39500 + 10 * $1 + $2)); } # node N: broker 395N2, controller 395N3
voters="1@localhost:$(port 1 3),2@localhost:$(port 2 3),3@localhost:$(port 3 3)"
uuid=$("${J[@]}" kafka.tools.StorageTool random-uuid)
start() { # start N
  "${J[@]}" kafka.Kafka server$1.properties >>broker$1.log 2>&1 &
  pid[$1]=$!
}
for n in 1 2 3; do
  cat > server$n.properties <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=PLAINTEXT://localhost:$(port $n 2),CONTROLLER://localhost:$(port $n 3)
advertised.listeners=PLAINTEXT://localhost:$(port $n 2)
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$work/logs$n
num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
  "${J[@]}" kafka.tools.StorageTool format -t "$uuid" -c server$n.properties >/dev/null 2>&1
  start $n
done
for n in 1 2 3; do
  for _ in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/"$(port $n 2)") 2>/dev/null && break; sleep 1; done
done
sleep 5
B="localhost:$(port 1 2),localhost:$(port 2 2),localhost:$(port 3 2)"
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
start "$first"; note "started node $first again"
sleep 25
second=$(leader)
other=1; while [ "$other" = "$second" ] || [ "$other" = "$first" ]; do other=$((other + 1)); done
kill -9 "${pid[$second]}"; note "killed node $second (the quorum leader)"
kill -9 "${pid[$other]}"; note "killed node $other"
sleep 25
start "$other"; note "started node $other again"
sleep 25
note "end"
{ cat notes.txt; awk -v k="$t0" '{ t = $1 - k; $1 = ""; print t $0 }' watch.txt; } | sort -n -s -k1,1
