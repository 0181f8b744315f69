#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 `kafka-consumer-groups.sh --describe` prints while a group's
# coordinator moves: three KRaft nodes (broker + controller each, the distribution's server.properties
# values except offsets.topic.replication.factor, which keeps Kafka's default 3), a topic, a console
# consumer in group G, then the broker that coordinates G is killed (kill -9, as the simulation's
# "crash") and the describe is run at once (with --timeout 2000, then with the default timeout),
# then with --state and --members. Not run by ctest (four JVMs): by hand, to refresh
# tests/labs/golden/real/coordinator.txt, which is assembled from its output.
#   tests/realkafka/capture-coordinator.sh > OUT.txt
# Output: "@@ t=<ms after the kill>" then each run in the tests/labs/golden/real format (stdout,
# stderr, exit code), ports rewritten to the student's localhost:9092/9093/9094 (node 1/2/3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-coordinator.XXXXXX)
pids=()
trap 'set +e; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_jars -Xms128m -Xmx384m
port() { echo $((39100 + 10 * $1 + $2)); } # node N: broker 391N2... kept apart from capture-golden.sh
voters="1@localhost:$(port 1 3),2@localhost:$(port 2 3),3@localhost:$(port 3 3)"
uuid=$("${J[@]}" kafka.tools.StorageTool random-uuid)
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
num.network.threads=3
num.io.threads=8
log.dirs=$work/logs$n
num.partitions=1
num.recovery.threads.per.data.dir=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
log.retention.hours=168
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000
PROPS
  "${J[@]}" kafka.tools.StorageTool format -t "$uuid" -c server$n.properties >/dev/null 2>&1
  "${J[@]}" kafka.Kafka server$n.properties >broker$n.log 2>&1 &
  pids+=($!)
  eval "pid$n=$!"
done
for n in 1 2 3; do
  for _ in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/"$(port $n 2)") 2>/dev/null && break; sleep 1; done
done
sleep 5
B="localhost:$(port 1 2),localhost:$(port 2 2),localhost:$(port 3 2)"
G=${GROUP:-G}
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic orders --partitions 3 --replication-factor 3 \
  --bootstrap-server "$B" >&2
"${J[@]}" org.apache.kafka.tools.consumer.ConsoleConsumer --topic orders --group "$G" --bootstrap-server "$B" \
  >consumer.out 2>consumer.err &
pids+=($!)
sleep 15
back='s/localhost:39112/localhost:9092/g; s/localhost:39122/localhost:9093/g; s/localhost:39132/localhost:9094/g'
describe() { # describe LABEL ARGS...
  local label=$1 rc; shift
  set +e
  "${J[@]}" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$B" "$@" >out.txt 2>err.txt
  rc=$?
  set -e
  echo "@@ $label"
  echo "@@ \$ kafka-consumer-groups.sh $* --bootstrap-server localhost:9092"
  echo "@@ exit $rc"
  echo "@@ stdout"; sed "$back" out.txt; echo "@@ end"
  echo "@@ stderr"; sed "$back" err.txt; echo "@@ end"
}
describe "before the kill" --describe --group "$G" --state
coord=$(sed -n 's/.*localhost:391\([123]\)2 *(\([0-9]\)).*/\2/p' out.txt | head -n 1)
[ -n "$coord" ] || { echo "no coordinator found" >&2; cat out.txt err.txt >&2; exit 1; }
describe "before the kill" --describe --group "$G"
echo "@@ killing node $coord (kill -9)"
eval "kill -9 \$pid$coord"
start=$(date +%s%3N)
# From now on only the live brokers are given as bootstrap servers (a dead first one adds a
# "node -1" warning that is not the point here).
B=$(for n in 1 2 3; do [ "$n" = "$coord" ] || printf 'localhost:%s,' "$(port $n 2)"; done); B=${B%,}
stamp() { echo "@@ t=$(( $(date +%s%3N) - start ))ms after the kill"; }
stamp; describe "run 1" --describe --group "$G" --timeout ${FIRST_TIMEOUT:-2000}
stamp; describe "run 2" --describe --group "$G"
stamp; describe "run 3" --describe --group "$G" --state
stamp; describe "run 4" --describe --group "$G" --members
stamp
echo "@@ consumer stderr"; sed "$back" consumer.err
