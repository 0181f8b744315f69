#!/usr/bin/env bash
# Captures when the real Kafka 4.3.1 kafka-console-producer.sh prints its ">" prompts: its
# LineMessageReader prints one before each line it reads only when System.console() is not null,
# which Java 17 gives only when both standard input and standard output are a terminal. Two runs on
# a terminal (script(1) gives the tool a pseudo-terminal), each reading the lines "a" and "b":
#   tty   - typed at the terminal (standard input the terminal too: the terminal echoes the lines)
#   pipe  - printf 'a\nb\n' | kafka-console-producer.sh ... (as a here-document: input not a terminal)
# Not run by ctest (a JVM broker): by hand, to refresh
#   tests/realkafka/capture-console-producer-prompt.sh > tests/labs/golden/real/producer-prompt.txt
# Output: "@@ <case>" then the terminal's bytes with carriage returns shown as "\r" and a final "@@ end".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-prompt.XXXXXX)
broker=""
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_setup 39292 39293
capture_start_broker 120
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic t --bootstrap-server localhost:39292 >&2
producer="${J[*]} org.apache.kafka.tools.ConsoleProducer --topic t --bootstrap-server localhost:39292"
show() { sed 's/\r/\\r/g; s/localhost:39292/localhost:9092/g'; echo; echo "@@ end"; }
echo "@@ tty"
# script forwards its own input to the pseudo-terminal; the tool reads it there.
{ sleep 6; printf 'a\n'; sleep 1; printf 'b\n'; sleep 1; printf '\004'; sleep 2; } |
  script -qec "$producer" /dev/null | show
echo "@@ pipe"
script -qec "printf 'a\nb\n' | $producer" /dev/null </dev/null | show
