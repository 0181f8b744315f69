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
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_setup 39192 39193
capture_start_broker 120
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic t --bootstrap-server localhost:39192 >&2

mkfifo in.fifo
# Each output line gets the milliseconds of its arrival. Its standard input is a FIFO, not a
# terminal: System.console() is null, so LineMessageReader prints no ">" prompts.
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
# The stamp goes with sub() (not by clearing $1, which would rebuild the line with single spaces and lose
# the tab of a stack frame's "\tat").
sort -s -n -k1,1 lines.txt | awk -v k="$kill_ms" '{ t = $1 - k; sub(/^[^ ]* /, ""); print "t=" t " " $0 }' |
  sed 's/localhost:39192/localhost:9092/g; s/127\.0\.0\.1:39192/127.0.0.1:9092/g'
