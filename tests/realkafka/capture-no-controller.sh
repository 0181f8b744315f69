#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 topic admin tools print when the KRaft quorum has no active
# controller: three combined nodes (broker + controller each, all three voters, the distribution's
# server.properties values otherwise, as tests/realkafka/capture-controller.sh starts them), a topic
# "orders" with 3 partitions and replication factor 3, then the quorum leader and one more node killed
# (kill -9: one voter of three left, no majority), 15 s of waiting, and the commands of COMMANDS run
# against the node left (format of capture-golden.sh; "localhost:9092" in a command is that node's broker
# port). After each case "@@ elapsed-ms N" gives the wall-clock time the tool ran. The property files the
# commands name are tests/labs/golden/real/*.properties. "@@ restart-killed" in COMMANDS starts the two
# killed nodes again and waits until the quorum has a leader and every replica of "orders" is back in
# its ISR; "@@ sleep N" waits N seconds.
#   tests/realkafka/capture-no-controller.sh tests/realkafka/no-controller.cmds > tests/labs/golden/real/no-controller.txt
# Not run by ctest (three broker JVMs; the default timeouts make it last about five minutes): by hand.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmds=$(realpath "$1")
work=$(mktemp -d /tmp/fluxolab-nocontroller.XXXXXX)
declare -A pid
cleanup() {
  set +e
  for p in "${pid[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
cp "$here"/../labs/golden/real/*.properties "$work"/
cat > pom.xml <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>fluxolab</groupId><artifactId>realkafka</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>4.3.1</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>4.3.1</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>2.25.4</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.17</version></dependency>
  </dependencies>
</project>
POM
mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt >&2
CP=$(cat cp.txt)
# The distribution's tools-log4j2 settings: WARN and above to stderr.
cat > log4j2.properties <<'L4J'
status = error
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.err.ref = STDERR
L4J
J=(java -Dlog4j2.configurationFile="$work/log4j2.properties" -cp "$CP")
port() { echo $((39500 + 10 * $1 + $2)); } # node N: broker 395N2, controller 395N3
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
log.dirs=$work/logs$n
num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
  "${J[@]}" kafka.tools.StorageTool format -t "$uuid" -c server$n.properties >/dev/null 2>&1
  java -Xms128m -Xmx384m -Dlog4j2.configurationFile="$work/log4j2.properties" -cp "$CP" kafka.Kafka server$n.properties >broker$n.log 2>&1 &
  pid[$n]=$!
done
for n in 1 2 3; do
  for _ in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/"$(port $n 2)") 2>/dev/null && break; sleep 1; done
done
sleep 5
B="localhost:$(port 1 2),localhost:$(port 2 2),localhost:$(port 3 2)"
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic orders --partitions 3 --replication-factor 3 \
  --bootstrap-server "$B" >/dev/null
sleep 3
# The quorum leader: the metadata quorum tool's LeaderId.
leader=$("${J[@]}" org.apache.kafka.tools.MetadataQuorumCommand --bootstrap-server "$B" describe --status |
  sed -n 's/^LeaderId: *\([0-9]*\).*/\1/p')
other=1; while [ "$other" = "$leader" ]; do other=$((other + 1)); done
live=1; while [ "$live" = "$leader" ] || [ "$live" = "$other" ]; do live=$((live + 1)); done
echo "# quorum leader: node $leader; killed nodes $leader and $other; commands sent to node $live"
kill -9 "${pid[$leader]}" "${pid[$other]}"
unset "pid[$leader]" "pid[$other]"
restart_killed() {
  local n
  for n in "$leader" "$other"; do
    java -Xms128m -Xmx384m -Dlog4j2.configurationFile="$work/log4j2.properties" -cp "$CP" kafka.Kafka server$n.properties >>broker$n.log 2>&1 &
    pid[$n]=$!
  done
  for n in "$leader" "$other"; do
    for _ in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/"$(port $n 2)") 2>/dev/null && break; sleep 1; done
  done
  for _ in $(seq 120); do
    "${J[@]}" org.apache.kafka.tools.TopicCommand --describe --topic orders --bootstrap-server "$B" 2>/dev/null >isr.txt || true
    [ "$(grep -c 'Isr: [0-9],[0-9],[0-9]' isr.txt)" = 3 ] && break
    sleep 2
  done
}
sleep 15
LIVE="localhost:$(port $live 2)"

tool_class() {
  case $1 in
    kafka-topics.sh) echo org.apache.kafka.tools.TopicCommand ;;
    kafka-leader-election.sh) echo org.apache.kafka.tools.LeaderElectionCommand ;;
    *) echo "unknown tool $1" >&2; exit 2 ;;
  esac
}
run() {
  local line=$1 rc t0 t1
  local -a argv
  eval "argv=(${line//localhost:9092/$LIVE})"
  t0=$(date +%s%3N)
  set +e
  "${J[@]}" "$(tool_class "${argv[0]}")" "${argv[@]:1}" </dev/null >out.txt 2>err.txt
  rc=$?
  set -e
  t1=$(date +%s%3N)
  echo "@@ \$ $line"
  echo "@@ exit $rc"
  local back="s/$LIVE/localhost:9092/g"
  echo "@@ stdout"; sed "$back" out.txt; echo "@@ end"
  echo "@@ stderr"; sed "$back" err.txt; echo "@@ end"
  echo "@@ elapsed-ms $((t1 - t0))"
}
while IFS= read -r l || [ -n "$l" ]; do
  case $l in
    "@@ sleep "*) sleep "${l#@@ sleep }" ;;
    "@@ restart-killed") restart_killed; echo "$l" ;;
    "#"*|"@@"*) echo "$l" ;;
    "") ;;
    *) run "$l" ;;
  esac
done <"$cmds"
