#!/usr/bin/env bash
# Checks what the real Kafka 4.3.1 Java producer (kafka-clients, the client the course uses) does
# while its partition's leader is dead: one KRaft broker (tests/realkafka/kafka-broker.sh, in its own
# state folder), a producer (DeadLeader.java: one record every 200 ms to partition 0,
# request.timeout.ms=1500 as the console producer sets it, delivery.timeout.ms=10000 so that the
# expiry shows after 10 s rather than 120 s, max.block.ms=2000), then the broker is killed (kill -9, as the simulation's
# "crash"). The cached jars have no SLF4J binding, so the client's log is silent: its connection
# attempts are read from its connect() system calls (strace), its results from the send callbacks.
# Not run by ctest (two JVMs, strace): by hand, to check the simulation's rule
# (docs/fidelity.md, "producer retries and a dead leader").
#   tests/realkafka/capture-producer-dead-leader.sh > OUT.txt
# Output: times in ms after the kill: "connect" lines (attempts to the broker's port) and the
# callbacks ("cb N ok@offset" or the exception).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
command -v strace >/dev/null || { echo "strace not found (apt-get install strace)" >&2; exit 1; }
work=$(mktemp -d /tmp/fluxolab-deadleader.XXXXXX)
export FLUXOLAB_KAFKA_STATE="$work/broker"
pids=()
cleanup() {
  set +e
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  "$HERE/kafka-broker.sh" stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
CACHE=${FLUXOLAB_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fluxolab/kafka-4.3.1}
"$HERE/kafka-broker.sh" start >&2
eval "$("$HERE/kafka-broker.sh" env)"
port=${KAFKA_BOOTSTRAP##*:}
strace -f -e trace=connect -e signal=none -ttt -o "$work/strace.txt" \
  java -Xms64m -Xmx256m -cp "$CACHE/libs/*" "$HERE/DeadLeader.java" "$KAFKA_BOOTSTRAP" deadleader 40 \
  >"$work/callbacks.txt" 2>"$work/producer.err" &
pids+=($!)
# The topic is auto-created by the first send; 6 s of records acknowledged by the live broker.
until grep -q ' cb 0 ' "$work/callbacks.txt" 2>/dev/null; do sleep 0.2; done
sleep 6
kill_ms=$(date +%s%3N)
kill -9 "$(cat "$FLUXOLAB_KAFKA_STATE/broker.pid")"
wait "${pids[0]}" || true
echo "@@ t=0 broker killed (kill -9); port $port"
{
  grep -E "connect\(.*sin6?_port=htons\($port\)" "$work/strace.txt" |
    awk -v k="$kill_ms" '{ split($2, s, "."); t = s[1] * 1000 + substr(s[2], 1, 3) - k; r = substr($0, index($0, ") = ") + 4); if (t >= -100) print t " connect = " r }'
  awk -v k="$kill_ms" '{ t = $1 - k; $1 = ""; if (t >= -300) print t $0 }' "$work/callbacks.txt"
} | sort -n -s -k1,1
