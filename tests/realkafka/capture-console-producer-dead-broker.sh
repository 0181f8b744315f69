#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 kafka-console-producer.sh prints when its only broker dies
# under it (org.apache.kafka.tools.ConsoleProducer with the distribution's tools-log4j2 settings:
# WARN and above to stderr). One KRaft broker as the course runs it (localhost listeners, the
# distribution's server.properties values), on loopback ports 39192/39193 so that it does not meet
# capture-golden.sh's broker. Not run by ctest (a JVM broker, two minutes): by hand, to refresh
#   tests/realkafka/capture-console-producer-dead-broker.sh > tests/labs/golden/real/producer-dead-broker.txt
# Timeline (seconds after the kill, written as "@@ t=MS ..." lines; the tool's own lines follow as
# it printed them, stdout and stderr merged in arrival order, the port rewritten to 9092):
#   before the kill: line "a" (acknowledged), then line "x" typed 300 ms before the kill (it is
#   still lingering, linger.ms=1000, when the broker dies); kill -9 the broker; +5 s line "b";
#   +10 s line "c"; +135 s end of input.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-deadbroker.XXXXXX)
broker="" producer=""
trap '[ -n "$broker" ] && kill -9 "$broker" 2>/dev/null; [ -n "$producer" ] && kill -9 "$producer" 2>/dev/null; exec 7>&- 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
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
cat > server.properties <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:39193
listeners=PLAINTEXT://localhost:39192,CONTROLLER://localhost:39193
advertised.listeners=PLAINTEXT://localhost:39192,CONTROLLER://localhost:39193
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
num.network.threads=3
num.io.threads=8
log.dirs=$work/logs
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
J=(java -Dlog4j2.configurationFile="$work/log4j2.properties" -cp "$CP")
"${J[@]}" kafka.tools.StorageTool format -t "$("${J[@]}" kafka.tools.StorageTool random-uuid)" \
  -c server.properties --standalone >/dev/null 2>&1
"${J[@]}" kafka.Kafka server.properties >broker.log 2>&1 &
broker=$!
for _ in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/39192) 2>/dev/null && break; sleep 1; done
sleep 3
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic t --bootstrap-server localhost:39192 >&2

mkfifo in.fifo
# Each output line gets the milliseconds of its arrival (the prompts ">" have no newline: they are
# kept as the tool printed them, in the line that follows them).
stamp() { while IFS= read -r l; do echo "$(date +%s%3N) $1 $l"; done; }
"${J[@]}" org.apache.kafka.tools.ConsoleProducer --topic t --bootstrap-server localhost:39192 \
  <in.fifo > >(stamp out >>lines.txt) 2> >(stamp err >>lines.txt) &
producer=$!
exec 7>in.fifo
now() { date +%s%3N; }
mark() { echo "$(now) @@ $1" >>lines.txt; }
sleep 8 # the JVM starts and reads its first line
mark "line a"; echo a >&7
sleep 4
mark "line x"; echo x >&7
sleep 0.3
kill_ms=$(now)
kill -9 "$broker"; broker=""
mark "broker killed (kill -9)"
sleep 5; mark "line b"; echo b >&7
sleep 5; mark "line c"; echo c >&7
sleep 125; mark "end of input"; exec 7>&-
set +e; wait "$producer"; rc=$?; set -e
producer=""
sleep 0.5
mark "producer exited: exit $rc"
sort -s -n -k1,1 lines.txt | awk -v k="$kill_ms" '{ t = $1 - k; $1 = ""; sub(/^ /, ""); print "t=" t " " $0 }' |
  sed 's/localhost:39192/localhost:9092/g; s/127\.0\.0\.1:39192/127.0.0.1:9092/g'
