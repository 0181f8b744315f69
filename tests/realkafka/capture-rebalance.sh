#!/usr/bin/env bash
# Captures the classic group protocol's rebalance timings on a real Kafka 4.3.1 single-node KRaft broker
# (the distribution's server.properties values, so group.initial.rebalance.delay.ms=3000 and the console
# consumer's session.timeout.ms=45000, heartbeat.interval.ms=3000): a 3-partition topic, console consumer
# "a" alone in group g-rebalance, then ROUNDS times a second console consumer joins the Stable group and
# is stopped (SIGTERM: the consumer closes and sends LeaveGroup); each step once the group settled. GroupWatch.java polls the group through
# the Admin API every 50 ms and prints each change of state, members or assignment.
#   tests/realkafka/capture-rebalance.sh > tests/labs/golden/real/rebalance.txt
# Output: "@@ event NAME" lines, each followed by the changes seen after it as
# "+<ms after the event> <state> <client.id>=<partitions> ...".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-3}
work=$(mktemp -d /tmp/fluxolab-rebalance.XXXXXX)
pids=()
trap 'set +e; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_setup 39292 39293 -Xms128m -Xmx384m
capture_start_broker 60
pids+=("$broker")
BS=localhost:39292
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic orders --partitions 3 --bootstrap-server $BS >/dev/null
javac -cp "$CP" -d . "$here/GroupWatch.java"
java -cp "$CP:." GroupWatch $BS g-rebalance >watch.txt 2>watch.err & pids+=($!)
# The watcher's first line (the group does not exist yet: Dead) before anything starts.
for _ in $(seq 120); do [ -s watch.txt ] && break; sleep 0.5; done
[ -s watch.txt ] || { cat watch.err >&2; echo "the watcher printed nothing" >&2; exit 1; }
event() { echo "$(date +%s%3N) @@ event $1" >>events.txt; }
consumer() { # consumer CLIENT_ID: a console consumer in the background; its pid in $last
  "${J[@]}" org.apache.kafka.tools.consumer.ConsoleConsumer --topic orders --group g-rebalance \
    --consumer-property client.id="$1" --bootstrap-server $BS >"consumer-$1.out" 2>"consumer-$1.err" &
  last=$!; pids+=($last)
}
# Each step waits for the group to settle (a loaded machine starts a JVM slowly), then 3 s more.
until_watch() { # until_watch REGEX: the watcher's last line matches (at most 300 s)
  local i
  for i in $(seq 3000); do tail -n 1 watch.txt | grep -Eq "$1" && return 0; sleep 0.1; done
  echo "the group never showed /$1/" >&2; tail -n 5 watch.txt >&2; exit 1
}
event "a starts (empty group)"; consumer a
until_watch ' Stable a=orders-0,orders-1,orders-2$'; sleep 3
for r in $(seq "$rounds"); do
  id=m$r
  event "$id starts (joins the Stable group of a)"; consumer "$id"; m=$last
  until_watch " Stable a=[^ ]+ $id=[^ ]+$"; sleep 3
  event "$id stopped (SIGTERM: LeaveGroup)"; kill -TERM "$m"; wait "$m" 2>/dev/null || true
  until_watch ' Stable a=orders-0,orders-1,orders-2$'; sleep 3
done
event end
sort -n -s events.txt watch.txt | awk '
  / @@ event / { t0 = $1; sub(/^[0-9]+ /, ""); print; next }
  { t = $1; sub(/^[0-9]+ /, ""); if (t0) printf "+%d %s\n", t - t0, $0 }'
echo "@@ watcher stderr"; cat watch.err
echo "@@ consumer a stderr"; cat consumer-a.err
