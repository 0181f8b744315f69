#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 kafka-consumer-groups tool prints when a group's coordinator is
# down: a two-node KRaft cluster (node 1 broker+controller, node 2 broker only, the distribution's
# server.properties values, offsets.topic.replication.factor=1), a group whose __consumer_offsets
# partition is led by node 2, node 2 stopped, then the commands of COMMANDS (format of
# capture-golden.sh; "GROUP" in a command is replaced by that group's name, printed as "g-down").
#   tests/realkafka/capture-coordinator-down.sh COMMANDS.cmds > tests/labs/golden/real/NAME.txt
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmds=$(realpath "$1")
work=$(mktemp -d /tmp/fluxolab-realkafka2.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_jars
common() { # common NODE_ID
  cat <<PROPS
node.id=$1
controller.quorum.bootstrap.servers=localhost:39093
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
num.network.threads=3
num.io.threads=8
log.dirs=$work/logs$1
num.partitions=1
num.recovery.threads.per.data.dir=1
offsets.topic.replication.factor=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
log.retention.hours=168
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000
PROPS
}
{ common 1; echo "process.roles=broker,controller"; echo "listeners=PLAINTEXT://localhost:39092,CONTROLLER://localhost:39093"
  echo "advertised.listeners=PLAINTEXT://localhost:39092,CONTROLLER://localhost:39093"; } > s1.properties
{ common 2; echo "process.roles=broker"; echo "listeners=PLAINTEXT://localhost:39094"
  echo "advertised.listeners=PLAINTEXT://localhost:39094"; } > s2.properties
id=$("${J[@]}" kafka.tools.StorageTool random-uuid)
"${J[@]}" kafka.tools.StorageTool format -t "$id" -c s1.properties --standalone >/dev/null 2>&1
"${J[@]}" kafka.tools.StorageTool format -t "$id" -c s2.properties --no-initial-controllers >/dev/null 2>&1
"${J[@]}" kafka.Kafka s1.properties >broker1.log 2>&1 & pids+=($!)
"${J[@]}" kafka.Kafka s2.properties >broker2.log 2>&1 & broker2=$!; pids+=($!)
for port in 39092 39094; do
  for _ in $(seq 60); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 1; done
done
sleep 5
BS=localhost:39092
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic orders --partitions 1 --replication-factor 1 \
  --bootstrap-server $BS >/dev/null
# A first group creates __consumer_offsets (50 partitions over both brokers).
printf 'a\nb\n' | "${J[@]}" org.apache.kafka.tools.ConsoleProducer --topic orders --bootstrap-server $BS >/dev/null 2>&1
"${J[@]}" org.apache.kafka.tools.consumer.ConsoleConsumer --topic orders --group warmup --from-beginning \
  --max-messages 1 --bootstrap-server $BS >/dev/null 2>&1
"${J[@]}" org.apache.kafka.tools.TopicCommand --describe --topic __consumer_offsets --bootstrap-server $BS >offsets.txt
# Group names whose partition abs(String.hashCode) % 50 is led by node 2 (the group whose coordinator
# goes down) and by node 1 (a group that stays served: GROUP_UP in a command, printed as "g-up").
pick() { # pick LEADER PREFIX
  python3 - offsets.txt "$1" "$2" <<'PY2'
import re, sys
led = {int(m.group(1)) for m in re.finditer(r"Partition: (\d+)\tLeader: " + sys.argv[2] + r"\b", open(sys.argv[1]).read())}
def h(s):
    x = 0
    for ch in s: x = (31 * x + ord(ch)) & 0xffffffff
    return x - (1 << 32) if x >= 1 << 31 else x
for n in range(1000):
    g = f"{sys.argv[3]}-{n}"
    if abs(h(g)) % 50 in led: print(g); break
PY2
}
group=$(pick 2 g-down)
group_up=$(pick 1 g-up)
echo "# the group: $group (printed as g-down), led by node 2; $group_up (printed as g-up), led by node 1" >&2
for g in "$group" "$group_up"; do
  "${J[@]}" org.apache.kafka.tools.consumer.ConsoleConsumer --topic orders --group "$g" --from-beginning \
    --max-messages 1 --bootstrap-server $BS >/dev/null 2>&1
done
# The warm-up group's partition leader (it is listed while its coordinator serves).
warm=$(python3 -c 'import sys
x = 0
for ch in "warmup": x = (31 * x + ord(ch)) & 0xffffffff
x = x - (1 << 32) if x >= 1 << 31 else x
print(abs(x) % 50)')
echo "# warmup: __consumer_offsets partition $warm, $(grep -o "Partition: $warm	Leader: [0-9]*" offsets.txt | sed 's/.*Leader: /led by node /')"
kill "$broker2"; wait "$broker2" 2>/dev/null || true
sleep 12 # node 2 is fenced once its broker session (9 s) expires

tool_class() {
  case $1 in
    kafka-topics.sh) echo org.apache.kafka.tools.TopicCommand ;;
    kafka-consumer-groups.sh) echo org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    *) echo "unknown tool $1" >&2; exit 2 ;;
  esac
}
run() {
  local line=$1 rc
  local -a argv
  local real=${line//GROUP_UP/$group_up}
  real=${real//GROUP/$group}
  eval "argv=(${real//localhost:9092/localhost:39092})"
  set +e
  "${J[@]}" "$(tool_class "${argv[0]}")" "${argv[@]:1}" </dev/null >out.txt 2>err.txt
  rc=$?
  set -e
  local shown=${line//GROUP_UP/g-up}
  echo "@@ \$ ${shown//GROUP/g-down}"
  echo "@@ exit $rc"
  # The names are shortened by two characters; a padded column keeps its width.
  local back="s/localhost:39092\\(  ([0-9]*)\\) /localhost:9092\\1  /g; s/localhost:39092/localhost:9092/g; s/$group  /g-down    /g; s/$group/g-down/g; s/$group_up  /g-up    /g; s/$group_up/g-up/g"
  echo "@@ stdout"; sed "$back" out.txt; echo "@@ end"
  echo "@@ stderr"; sed "$back" err.txt; echo "@@ end"
}
while IFS= read -r l || [ -n "$l" ]; do
  case $l in
    "#"*|"@@"*) echo "$l" ;;
    "") ;;
    *) run "$l" ;;
  esac
done <"$cmds"
