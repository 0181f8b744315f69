#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 kafka-console-producer.sh does on Ctrl+C (SIGINT) with a record it
# could not deliver (org.apache.kafka.tools.ConsoleProducer with the distribution's tools-log4j2 settings:
# WARN and above to stderr). Not run by ctest (JVMs and a broker, about two minutes): by hand, to refresh
#   tests/realkafka/capture-console-producer-sigint.sh > tests/labs/golden/real/producer-sigint.txt
# Two runs, each written as "@@ ..." marks and the tool's lines ("out"/"err", in arrival order), times in
# ms after the SIGINT ("t=MS"), the ports rewritten to 9092:
#   1. "blocked": no broker listens at the bootstrap address; line "hello" is typed, so send() blocks in
#      waitOnMetadata (max.block.ms 60 s); SIGINT 10 s later (the JVM is given 20 s to start).
#   2. "queued": a broker at the address; line "a" is delivered; the broker is killed (kill -9); line "b"
#      is typed 2 s later; SIGINT 5 s after that.
# Standard input is a FIFO (no ">" prompts). Job control is on (set -m) so that the background JVM does
# not inherit SIGINT ignored, as it would from a script.
set -euo pipefail
set -m
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-sigint.XXXXXX)
broker="" producer=""
trap '[ -n "$broker" ] && kill -9 "$broker" 2>/dev/null; [ -n "$producer" ] && kill -9 "$producer" 2>/dev/null; exec 7>&- 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_setup 39292 39293
now() { date +%s%3N; }
stamp() { while IFS= read -r l; do echo "$(date +%s%3N) $1 $l"; done; }

run() { # run NAME: starts the producer on in.fifo, lines to NAME.txt
  rm -f in.fifo; mkfifo in.fifo
  "${J[@]}" org.apache.kafka.tools.ConsoleProducer --topic t --bootstrap-server localhost:39292 \
    <in.fifo > >(stamp out >>"$1.txt") 2> >(stamp err >>"$1.txt") &
  producer=$!
  exec 7>in.fifo
}
mark() { echo "$(now) @@ $2" >>"$1.txt"; }
finish() { # finish NAME: SIGINT, wait for the exit (at most 200 s), print the timeline
  local rc sig_ms
  sig_ms=$(now)
  mark "$1" "SIGINT"
  kill -INT "$producer"
  for _ in $(seq 400); do kill -0 "$producer" 2>/dev/null || break; sleep 0.5; done
  set +e; kill -0 "$producer" 2>/dev/null && { mark "$1" "still running after 200 s: kill -9"; kill -9 "$producer"; }
  wait "$producer"; rc=$?; set -e
  producer=""
  exec 7>&-
  sleep 0.5
  mark "$1" "producer exited: exit $rc"
  echo "@@ run $1"
  sort -s -n -k1,1 "$1.txt" | awk -v k="$sig_ms" '{ t = $1 - k; sub(/^[^ ]* /, ""); print "t=" t " " $0 }' |
    sed 's/localhost:39292/localhost:9092/g; s/127\.0\.0\.1:39292/127.0.0.1:9092/g'
}

# 1. blocked: nothing listens.
run blocked
sleep 20
mark blocked "line hello"; echo hello >&7
sleep 10
finish blocked

# 2. queued: the broker dies after "a".
capture_start_broker 120
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic t --bootstrap-server localhost:39292 >&2
run queued
sleep 20
mark queued "line a"; echo a >&7
sleep 4
kill -9 "$broker"; broker=""
mark queued "broker killed (kill -9)"
sleep 2
mark queued "line b"; echo b >&7
sleep 5
finish queued
