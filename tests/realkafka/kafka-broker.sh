#!/usr/bin/env bash
# A single-node Apache Kafka 4.3.1 broker in KRaft mode (combined broker + controller) on free
# loopback ports, for FluxoLab's real-broker tests. No Docker: the official Maven Central artifacts
# (org.apache.kafka:kafka_2.13:4.3.1 and its dependencies, pinned in pom.xml next to this script)
# are copied by Maven into a cache folder and run with Java 17.
#
#   kafka-broker.sh start [--sasl]   format the storage, start the broker, wait until it serves
#                                    metadata (timeout: FLUXOLAB_KAFKA_START_TIMEOUT, default 120 s);
#                                    --sasl adds a SASL_PLAINTEXT listener (SCRAM-SHA-256/512, PLAIN)
#   kafka-broker.sh stop             stop the broker and remove its data (no leftovers)
#   kafka-broker.sh stop --keep      stop the broker's process only: ports, configuration and data stay
#   kafka-broker.sh restart          start the broker stopped with --keep again, on the same ports with
#                                    the same data, and wait until it serves metadata (fault tests)
#   kafka-broker.sh status           exit 0 when the broker runs and answers, 1 otherwise
#   kafka-broker.sh env              print the bootstrap addresses as shell assignments:
#                                    KAFKA_BOOTSTRAP, KAFKA_SASL_BOOTSTRAP, KAFKA_SASL_USER, KAFKA_SASL_PASSWORD
#
# Environment:
#   FLUXOLAB_KAFKA_STATE   folder of this broker instance (data, config, pid, log);
#                          default ${TMPDIR:-/tmp}/fluxolab-kafka-$UID
#   FLUXOLAB_KAFKA_CACHE   folder of the copied jars; default ${XDG_CACHE_HOME:-~/.cache}/fluxolab/kafka-4.3.1
#
# The broker configuration is the distribution's config/server.properties (Kafka 4.3.1) with only
# the ports, the log folder and the optional SASL listener changed.
set -euo pipefail

KAFKA_VERSION=4.3.1
HERE=$(cd "$(dirname "$0")" && pwd)
STATE=${FLUXOLAB_KAFKA_STATE:-${TMPDIR:-/tmp}/fluxolab-kafka-$(id -u)}
CACHE=${FLUXOLAB_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fluxolab/kafka-$KAFKA_VERSION}
START_TIMEOUT=${FLUXOLAB_KAFKA_START_TIMEOUT:-120}
SASL_USER=fluxolab
# A test-only credential of this throw-away broker (loopback only, removed by `stop`).
SASL_PASSWORD=fluxolab-test-secret

die() {
  echo "kafka-broker: $*" >&2
  exit 1
}

need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found: $2"
}

# The jars of kafka_2.13:$KAFKA_VERSION and its runtime dependencies, copied once into $CACHE/libs.
fetch_jars() {
  if [ -f "$CACHE/libs/.complete" ] && [ "$(cat "$CACHE/libs/.complete")" = "$KAFKA_VERSION" ]; then
    return 0
  fi
  need mvn "install Maven (Debian: apt-get install maven)"
  rm -rf "$CACHE/libs"
  mkdir -p "$CACHE/libs"
  local log="$CACHE/maven.log"
  # Offline first (the local Maven repository often has them), then from Maven Central.
  if ! mvn -o -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$CACHE/libs" >"$log" 2>&1; then
    mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$CACHE/libs" >"$log" 2>&1 ||
      die "Maven could not fetch org.apache.kafka:kafka_2.13:$KAFKA_VERSION (see $log)"
  fi
  [ -f "$CACHE/libs/kafka_2.13-$KAFKA_VERSION.jar" ] || die "kafka_2.13-$KAFKA_VERSION.jar missing after Maven (see $log)"
  echo "$KAFKA_VERSION" >"$CACHE/libs/.complete"
}

java_ok() {
  need java "install Java 17 (Debian: apt-get install openjdk-17-jre-headless)"
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  [ -n "$v" ] && [ "$v" -ge 17 ] || die "Kafka $KAFKA_VERSION needs Java 17 or newer (found: ${v:-none})"
}

run_java() { # run_java MAINCLASS ARGS...
  java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$CACHE/libs/*" "$@"
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  die "no free loopback port found"
}

pid_alive() {
  [ -f "$STATE/broker.pid" ] && kill -0 "$(cat "$STATE/broker.pid")" 2>/dev/null
}

# Readiness: the broker answers a Metadata request on the PLAINTEXT listener and lists itself
# (a KRaft broker lists only registered, unfenced brokers).
answers() { # answers PORT
  kcat -L -b "127.0.0.1:$1" -m 3 2>/dev/null | grep -q '^ *broker 1 at '
}

write_config() { # write_config PORT CONTROLLER_PORT [SASL_PORT]
  local port=$1 cport=$2 sport=${3:-}
  local listeners="PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport"
  local advertised="PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport"
  if [ -n "$sport" ]; then
    listeners="$listeners,SASL_PLAINTEXT://127.0.0.1:$sport"
    advertised="$advertised,SASL_PLAINTEXT://127.0.0.1:$sport"
  fi
  cat >"$STATE/server.properties" <<EOF
# Apache Kafka $KAFKA_VERSION config/server.properties (KRaft, combined mode); FluxoLab changes only
# the listener ports (free loopback ports), log.dirs and the optional SASL_PLAINTEXT listener.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=$listeners
inter.broker.listener.name=PLAINTEXT
advertised.listeners=$advertised
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL
num.network.threads=3
num.io.threads=8
socket.send.buffer.bytes=102400
socket.receive.buffer.bytes=102400
socket.request.max.bytes=104857600
log.dirs=$STATE/kraft-combined-logs
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
EOF
  if [ -n "$sport" ]; then
    cat >>"$STATE/server.properties" <<EOF
# SASL listener for the security tests: SCRAM-SHA-256/512 (user $SASL_USER, credentials added by the
# format step) and PLAIN for the same user (librdkafka before 2.6.1, Debian 12 ships 2.0.2, fails
# SCRAM against Kafka 4.x brokers: it repeats the client nonce, librdkafka#4895).
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512,PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_$SASL_USER="$SASL_PASSWORD";
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
EOF
  fi
}

print_env() {
  [ -f "$STATE/ports" ] || die "no broker started in $STATE (run: $0 start)"
  # shellcheck disable=SC1091
  . "$STATE/ports"
  echo "KAFKA_BOOTSTRAP=127.0.0.1:$PORT"
  if [ -n "${SASL_PORT:-}" ]; then
    echo "KAFKA_SASL_BOOTSTRAP=127.0.0.1:$SASL_PORT"
    echo "KAFKA_SASL_USER=$SASL_USER"
    echo "KAFKA_SASL_PASSWORD=$SASL_PASSWORD"
  fi
}

do_stop() { # do_stop [--keep]
  local keep=0
  for a in "$@"; do
    case "$a" in
      --keep) keep=1 ;;
      *) die "unknown stop option '$a' (use --keep)" ;;
    esac
  done
  if pid_alive; then
    local pid i
    pid=$(cat "$STATE/broker.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "kafka-broker: broker $pid did not stop within 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  if [ $keep -eq 1 ]; then
    rm -f "$STATE/broker.pid"
  else
    rm -rf "$STATE"
  fi
}

# kafka-server-start.sh server.properties, detached from this shell; waits until it serves metadata.
launch() { # launch PORT
  local port=$1
  setsid java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true -cp "$CACHE/libs/*" \
    kafka.Kafka "$STATE/server.properties" >>"$STATE/broker.log" 2>&1 </dev/null &
  echo $! >"$STATE/broker.pid"
  local deadline=$((SECONDS + START_TIMEOUT))
  until answers "$port"; do
    if ! pid_alive; then
      tail -n 40 "$STATE/broker.log" >&2 || true
      rm -f "$STATE/broker.pid"
      die "the broker exited during start-up (log above: $STATE/broker.log)"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$STATE/broker.log" >&2 || true
      do_stop
      die "the broker did not answer on 127.0.0.1:$port within $START_TIMEOUT s; stopped it"
    fi
    sleep 0.2
  done
}

do_restart() {
  [ -f "$STATE/ports" ] && [ -f "$STATE/server.properties" ] || die "no broker stopped with --keep in $STATE"
  pid_alive && die "the broker in $STATE still runs (pid $(cat "$STATE/broker.pid"))"
  java_ok
  local t0 port
  t0=$(date +%s%N)
  port=$(sed -n 's/^PORT=//p' "$STATE/ports")
  launch "$port"
  echo "kafka-broker: Kafka $KAFKA_VERSION restarted on 127.0.0.1:$port with its data after $((($(date +%s%N) - t0) / 1000000)) ms" >&2
}

do_start() {
  local sasl=0
  for a in "$@"; do
    case "$a" in
      --sasl) sasl=1 ;;
      *) die "unknown start option '$a' (use --sasl)" ;;
    esac
  done
  need kcat "install kcat (Debian: apt-get install kcat)"
  java_ok
  if pid_alive; then
    # A run that was killed left its broker behind: this state folder is ours, stop it first.
    echo "kafka-broker: stopping the broker left running from $STATE (pid $(cat "$STATE/broker.pid"))" >&2
    do_stop
  fi
  rm -rf "$STATE"
  mkdir -p "$STATE"
  local t0 port cport sport=""
  t0=$(date +%s%N)
  fetch_jars
  port=$(free_port)
  cport=$(free_port)
  while [ "$cport" = "$port" ]; do cport=$(free_port); done
  if [ $sasl -eq 1 ]; then
    sport=$(free_port)
    while [ "$sport" = "$port" ] || [ "$sport" = "$cport" ]; do sport=$(free_port); done
  fi
  write_config "$port" "$cport" "$sport"
  {
    echo "PORT=$port"
    echo "CONTROLLER_PORT=$cport"
    [ -n "$sport" ] && echo "SASL_PORT=$sport"
  } >"$STATE/ports"

  # kafka-storage.sh format --standalone -t <random uuid> -c server.properties
  # A URL-safe base64 id that does not start with '-': kafka-storage's argument parser takes "-x..."
  # for an option ("argument --cluster-id/-t: expected one argument", 1 start in 64 failed so);
  # Kafka's own Uuid.randomUuid() draws again for the same reason.
  local cluster_id
  cluster_id=-
  while [ "${cluster_id#-}" != "$cluster_id" ]; do
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  done
  local fmt=(format --standalone -t "$cluster_id" -c "$STATE/server.properties")
  if [ $sasl -eq 1 ]; then
    fmt+=(--add-scram "SCRAM-SHA-256=[name=$SASL_USER,password=$SASL_PASSWORD]"
      --add-scram "SCRAM-SHA-512=[name=$SASL_USER,password=$SASL_PASSWORD]")
  fi
  run_java kafka.tools.StorageTool "${fmt[@]}" >"$STATE/format.log" 2>&1 ||
    { cat "$STATE/format.log" >&2; die "formatting the storage failed (see above)"; }

  launch "$port"
  local ms=$((($(date +%s%N) - t0) / 1000000))
  echo "kafka-broker: Kafka $KAFKA_VERSION (KRaft) ready on 127.0.0.1:$port${sport:+, SASL_PLAINTEXT on 127.0.0.1:$sport} after ${ms} ms" >&2
  print_env
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  start) do_start "$@" ;;
  stop) do_stop "$@" ;;
  restart) do_restart ;;
  status)
    if pid_alive && [ -f "$STATE/ports" ] && answers "$(sed -n 's/^PORT=//p' "$STATE/ports")"; then
      echo "kafka-broker: running (pid $(cat "$STATE/broker.pid"))"
    else
      echo "kafka-broker: not running"
      exit 1
    fi
    ;;
  env) print_env ;;
  *)
    echo "usage: $0 start [--sasl] | stop [--keep] | restart | status | env" >&2
    exit 2
    ;;
esac
