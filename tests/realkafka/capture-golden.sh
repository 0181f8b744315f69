#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 tools print, in the format of tests/labs/golden/real/*.txt.
#   tests/realkafka/capture-golden.sh COMMANDS.cmds > tests/labs/golden/real/NAME.txt
# Starts a fresh single-node KRaft broker (the distribution's server.properties values, loopback
# port 39092) from the 4.3.1 jars in ~/.m2 (resolved by Maven), runs each command of COMMANDS
# through the tool's Java class, and stops the broker. Commands are written as a student types them
# (kafka-*.sh ... --bootstrap-server localhost:9092); the port is rewritten both ways.
# In COMMANDS: one command a line; "# ..." and "@@ ..." lines are copied as they are;
# "@@ sleep N" waits N seconds; a command ending in "<<EOF" takes the following lines up to "EOF"
# as its standard input.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmds=$(realpath "$1")
work=$(mktemp -d /tmp/fluxolab-realkafka.XXXXXX)
broker=""
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# The --from-file plans, the property files and the election lists the commands name
# (tests/labs/golden/real/*.csv, *.properties, election-*.json).
cp "$here"/../labs/golden/real/*.csv "$here"/../labs/golden/real/*.properties "$here"/../labs/golden/real/election-*.json "$work"/
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
cat > server.properties <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:39093
listeners=PLAINTEXT://localhost:39092,CONTROLLER://localhost:39093
advertised.listeners=PLAINTEXT://localhost:39092,CONTROLLER://localhost:39093
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
for _ in $(seq 60); do (exec 3<>/dev/tcp/127.0.0.1/39092) 2>/dev/null && break; sleep 1; done
sleep 3

tool_class() {
  case $1 in
    kafka-topics.sh) echo org.apache.kafka.tools.TopicCommand ;;
    kafka-consumer-groups.sh) echo org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    kafka-console-consumer.sh) echo org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    kafka-console-producer.sh) echo org.apache.kafka.tools.ConsoleProducer ;;
    kafka-configs.sh) echo org.apache.kafka.tools.ConfigCommand ;;
    kafka-leader-election.sh) echo org.apache.kafka.tools.LeaderElectionCommand ;;
    *) echo "unknown tool $1" >&2; exit 2 ;;
  esac
}

run() { # run COMMANDLINE STDIN
  local line=$1 input=$2 rc
  local -a argv
  eval "argv=(${line//localhost:9092/localhost:39092})" # shell quoting as a student types it
  printf '%s' "$input" >stdin.txt
  set +e
  "${J[@]}" "$(tool_class "${argv[0]}")" "${argv[@]:1}" <stdin.txt >out.txt 2>err.txt
  rc=$?
  set -e
  echo "@@ \$ $line"
  if [ -n "$input" ]; then echo "@@ stdin"; printf '%s' "$input"; echo "@@ end-stdin"; fi
  echo "@@ exit $rc"
  # Back to the student's port; a padded column (the coordinator's "host:port  (id)") keeps its width.
  local back='s/localhost:39092\(  ([0-9]*)\) /localhost:9092\1  /g; s/localhost:39092/localhost:9092/g'
  echo "@@ stdout"; sed "$back" out.txt; echo "@@ end"
  echo "@@ stderr"; sed "$back" err.txt; echo "@@ end"
}

pending="" input="" reading=0
while IFS= read -r l || [ -n "$l" ]; do
  if [ $reading = 1 ]; then
    if [ "$l" = EOF ]; then run "$pending" "$input"; reading=0; else input+="$l"$'\n'; fi
    continue
  fi
  case $l in
    "@@ sleep "*) sleep "${l#@@ sleep }" ;;
    "#"*|"@@"*) echo "$l" ;;
    "") ;;
    *"<<EOF") pending=${l%<<EOF}; pending=${pending% }; input=""; reading=1 ;;
    *) run "$l" "" ;;
  esac
done <"$cmds"
