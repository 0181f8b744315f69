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
J=(java -Xms128m -Xmx384m -Dlog4j2.configurationFile="$work/log4j2.properties" -cp "$CP")
port() { echo $((39600 + 10 * $1 + $2)); } # node N: broker 396N2, controller 396N3
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
start 1
echo "@@ node 1 started again"
sleep 30
describe "30 s after the restart"
