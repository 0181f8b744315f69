#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 tools print, in the format of tests/labs/golden/real/*.txt.
#   tests/realkafka/capture-golden.sh COMMANDS.cmds > tests/labs/golden/real/NAME.txt
# Starts a fresh single-node KRaft broker (the distribution's server.properties values, loopback
# port 39092, or FLUXOLAB_CAPTURE_PORT and the next port when another capture runs at the same
# time) from the 4.3.1 jars in ~/.m2 (resolved by Maven), runs each command of COMMANDS
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
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
port=${FLUXOLAB_CAPTURE_PORT:-39092}
# FLUXOLAB_CAPTURE_JAVA_OPTS: JVM options for every java run (e.g. -XX:TieredStopAtLevel=1 on a loaded machine).
# shellcheck disable=SC2086
capture_setup "$port" $((port + 1)) ${FLUXOLAB_CAPTURE_JAVA_OPTS:-}
capture_start_broker 60

tool_class() {
  case $1 in
    kafka-topics.sh) echo org.apache.kafka.tools.TopicCommand ;;
    kafka-consumer-groups.sh) echo org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    kafka-console-consumer.sh) echo org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    kafka-console-producer.sh) echo org.apache.kafka.tools.ConsoleProducer ;;
    kafka-configs.sh) echo kafka.admin.ConfigCommand ;;
    kafka-get-offsets.sh) echo org.apache.kafka.tools.GetOffsetShell ;;
    kafka-leader-election.sh) echo org.apache.kafka.tools.LeaderElectionCommand ;;
    *) echo "unknown tool $1" >&2; exit 2 ;;
  esac
}

run() { # run COMMANDLINE STDIN
  local line=$1 input=$2 rc
  local -a argv
  eval "argv=(${line//localhost:9092/localhost:$port})" # shell quoting as a student types it
  printf '%s' "$input" >stdin.txt
  set +e
  "${J[@]}" "$(tool_class "${argv[0]}")" "${argv[@]:1}" <stdin.txt >out.txt 2>err.txt
  rc=$?
  set -e
  echo "@@ \$ $line"
  if [ -n "$input" ]; then echo "@@ stdin"; printf '%s' "$input"; echo "@@ end-stdin"; fi
  echo "@@ exit $rc"
  # Back to the student's port; a padded column (the coordinator's "host:port  (id)") keeps its width.
  local back="s/localhost:$port\\(  ([0-9]*)\\) /localhost:9092\\1  /g; s/localhost:$port/localhost:9092/g"
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
