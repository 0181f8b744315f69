# Sourced by the capture scripts (capture-golden.sh, capture-console-producer-dead-broker.sh, capture-rebalance.sh;
# capture-coordinator*.sh run several nodes and take only capture_jars; capture-controller.sh,
# capture-isr-rejoin.sh and capture-no-controller.sh start three nodes with capture_cluster3): the
# real Kafka 4.3.1 jars and one fresh single-node KRaft broker as the course runs it (localhost
# listeners, the distribution's server.properties values), in the current folder.
#   capture_jars [JAVA_OPTION...]        writes pom.xml (resolved by Maven from ~/.m2, offline first)
#                                        and the tools' log4j2 settings; sets CP and J (the java
#                                        command line with the options, that classpath and logging)
#   capture_setup PORT CONTROLLER_PORT [JAVA_OPTION...]
#                                        capture_jars, then server.properties for one node
#   capture_start_broker TRIES           formats the storage, starts the broker in the background
#                                        (its pid in $broker, its output in broker.log) and waits up
#                                        to TRIES seconds for its port, then 3 s more
#   capture_cluster3 BASE_PORT           three combined KRaft nodes (broker + controller each, all three
#                                        voters, the distribution's server.properties values otherwise):
#                                        node N's broker port BASE+10N+2, its controller port BASE+10N+3
#                                        (`capture_port N 2|3`); formats and starts them with "${J[@]}"
#                                        (pids in the caller's `declare -A pid`, output in brokerN.log),
#                                        waits for the three broker ports, then 5 s; sets B to the three
#                                        brokers' addresses. `capture_node_start N` starts node N again.
#   capture_cluster3_back                after capture_cluster3: a sed script that gives the three brokers'
#                                        ports back as the student's localhost:9092/9093/9094 (node 1/2/3),
#                                        in "host:port" and in the clients' "host/127.0.0.1:port"; a padded
#                                        column (the coordinator's "host:port  (id)") keeps its width
# The caller owns the cleanup (its EXIT trap kills $broker or every ${pid[@]} and removes the folder).

capture_jars() {
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
  mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt >&2 ||
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
  J=(java "$@" -Dlog4j2.configurationFile="$PWD/log4j2.properties" -cp "$CP")
}

capture_setup() {
  capture_port=$1
  local controller_port=$2
  capture_jars "${@:3}"
  cat > server.properties <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$controller_port
listeners=PLAINTEXT://localhost:$capture_port,CONTROLLER://localhost:$controller_port
advertised.listeners=PLAINTEXT://localhost:$capture_port,CONTROLLER://localhost:$controller_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
num.network.threads=3
num.io.threads=8
log.dirs=$PWD/logs
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

capture_start_broker() {
  local tries=$1
  "${J[@]}" kafka.tools.StorageTool format -t "$("${J[@]}" kafka.tools.StorageTool random-uuid)" \
    -c server.properties --standalone >/dev/null 2>&1
  "${J[@]}" kafka.Kafka server.properties >broker.log 2>&1 &
  broker=$!
  for _ in $(seq "$tries"); do (exec 3<>/dev/tcp/127.0.0.1/"$capture_port") 2>/dev/null && break; sleep 1; done
  sleep 3
}

capture_port() { echo $((capture_base + 10 * $1 + $2)); } # capture_port NODE 2|3: its broker or controller port

capture_cluster3_back() {
  local n p
  for n in 1 2 3; do
    p=$(capture_port "$n" 2)
    printf 's/localhost:%s\\(  ([0-9]*)\\) /localhost:909%s\\1  /g; s/localhost:%s/localhost:909%s/g; s/127.0.0.1:%s/127.0.0.1:909%s/g; ' \
      "$p" $((n + 1)) "$p" $((n + 1)) "$p" $((n + 1))
  done
}

capture_node_start() { # capture_node_start N
  "${J[@]}" kafka.Kafka "server$1.properties" >>"broker$1.log" 2>&1 &
  pid[$1]=$!
}

capture_cluster3() {
  capture_base=$1
  local n uuid voters
  voters="1@localhost:$(capture_port 1 3),2@localhost:$(capture_port 2 3),3@localhost:$(capture_port 3 3)"
  uuid=$("${J[@]}" kafka.tools.StorageTool random-uuid)
  for n in 1 2 3; do
    cat > "server$n.properties" <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=PLAINTEXT://localhost:$(capture_port $n 2),CONTROLLER://localhost:$(capture_port $n 3)
advertised.listeners=PLAINTEXT://localhost:$(capture_port $n 2)
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$PWD/logs$n
num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
    "${J[@]}" kafka.tools.StorageTool format -t "$uuid" -c "server$n.properties" >/dev/null 2>&1
    capture_node_start $n
  done
  for n in 1 2 3; do
    for _ in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/"$(capture_port $n 2)") 2>/dev/null && break; sleep 1; done
  done
  sleep 5
  B="localhost:$(capture_port 1 2),localhost:$(capture_port 2 2),localhost:$(capture_port 3 2)"
}
