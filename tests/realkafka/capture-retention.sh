#!/usr/bin/env bash
# Checks when a real Kafka 4.3.1 broker rolls segments by time and deletes them by retention.ms
# (docs/fidelity.md, "retention and segment rolls"): one KRaft broker (tests/realkafka/kafka-broker.sh,
# in its own state folder) restarted with log.retention.check.interval.ms=5000 (the only change to
# the distribution's server.properties, as the retencao scenario sets it; log.initial.task.delay.ms
# stays 30000), then RetentionProbe.java: a topic with retention.ms=20000 and segment.ms=5000, 200
# records stamped 200 ms apart (from 10 s in the past), and the log start offset and segment files
# watched every 50 ms. Not run by ctest (two JVMs, ~80 s): by hand.
#   tests/realkafka/capture-retention.sh > OUT.txt
# Output: "@@ restart" (ms after the restart command) and the probe's lines (ms after its first send).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-retention.XXXXXX)
export FLUXOLAB_KAFKA_STATE="$work/broker"
cleanup() {
  set +e
  "$HERE/kafka-broker.sh" stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
CACHE=${FLUXOLAB_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fluxolab/kafka-4.3.1}
"$HERE/kafka-broker.sh" start >&2
"$HERE/kafka-broker.sh" stop --keep >&2
sed -i 's/^log.retention.check.interval.ms=.*/log.retention.check.interval.ms=5000/' "$FLUXOLAB_KAFKA_STATE/server.properties"
r0=$(date +%s%3N)
"$HERE/kafka-broker.sh" restart >&2
echo "@@ restart command at $r0 (epoch ms); serving after $(($(date +%s%3N) - r0)) ms"
eval "$("$HERE/kafka-broker.sh" env)"
java -Xms64m -Xmx256m -cp "$CACHE/libs/*" "$HERE/RetentionProbe.java" "$KAFKA_BOOTSTRAP" retencao \
  "$FLUXOLAB_KAFKA_STATE/kraft-combined-logs" 60
