#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 topic admin tools print when the KRaft quorum has no active
# controller: three combined nodes (broker + controller each, all three voters, the distribution's
# server.properties values otherwise, as tests/realkafka/capture-controller.sh starts them), a topic
# "orders" with 3 partitions and replication factor 3, then the quorum leader and one more node killed
# (kill -9: one voter of three left, no majority), 15 s of waiting, and the commands of COMMANDS run
# against the node left (format of capture-golden.sh; "localhost:9092" in a command is that node's broker
# port). After each case "@@ elapsed-ms N" gives the wall-clock time the tool ran. The property files the
# commands name are tests/labs/golden/real/*.properties. "@@ restart-killed" in COMMANDS starts the two
# killed nodes again and waits until the quorum has a leader and every replica of "orders" is back in
# its ISR; "@@ sleep N" waits N seconds.
#   tests/realkafka/capture-no-controller.sh tests/realkafka/no-controller.cmds > tests/labs/golden/real/no-controller.txt
# Not run by ctest (three broker JVMs; the default timeouts make it last about five minutes): by hand.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmds=$(realpath "$1")
work=$(mktemp -d /tmp/fluxolab-nocontroller.XXXXXX)
declare -A pid
cleanup() {
  set +e
  for p in "${pid[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
cp "$here"/../labs/golden/real/*.properties "$work"/
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_jars -Xms128m -Xmx384m
capture_cluster3 39500 # node N: broker 395N2, controller 395N3
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic orders --partitions 3 --replication-factor 3 \
  --bootstrap-server "$B" >/dev/null
sleep 3
# The quorum leader: the metadata quorum tool's LeaderId.
leader=$("${J[@]}" org.apache.kafka.tools.MetadataQuorumCommand --bootstrap-server "$B" describe --status |
  sed -n 's/^LeaderId: *\([0-9]*\).*/\1/p')
other=1; while [ "$other" = "$leader" ]; do other=$((other + 1)); done
live=1; while [ "$live" = "$leader" ] || [ "$live" = "$other" ]; do live=$((live + 1)); done
echo "# quorum leader: node $leader; killed nodes $leader and $other; commands sent to node $live"
kill -9 "${pid[$leader]}" "${pid[$other]}"
unset "pid[$leader]" "pid[$other]"
restart_killed() {
  local n
  for n in "$leader" "$other"; do
    capture_node_start "$n"
  done
  for n in "$leader" "$other"; do
    for _ in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/"$(capture_port $n 2)") 2>/dev/null && break; sleep 1; done
  done
  for _ in $(seq 120); do
    "${J[@]}" org.apache.kafka.tools.TopicCommand --describe --topic orders --bootstrap-server "$B" 2>/dev/null >isr.txt || true
    [ "$(grep -c 'Isr: [0-9],[0-9],[0-9]' isr.txt)" = 3 ] && break
    sleep 2
  done
}
sleep 15
LIVE="localhost:$(capture_port $live 2)"

tool_class() {
  case $1 in
    kafka-topics.sh) echo org.apache.kafka.tools.TopicCommand ;;
    kafka-leader-election.sh) echo org.apache.kafka.tools.LeaderElectionCommand ;;
    *) echo "unknown tool $1" >&2; exit 2 ;;
  esac
}
run() {
  local line=$1 rc t0 t1
  local -a argv
  eval "argv=(${line//localhost:9092/$LIVE})"
  t0=$(date +%s%3N)
  set +e
  "${J[@]}" "$(tool_class "${argv[0]}")" "${argv[@]:1}" </dev/null >out.txt 2>err.txt
  rc=$?
  set -e
  t1=$(date +%s%3N)
  echo "@@ \$ $line"
  echo "@@ exit $rc"
  local back="s/$LIVE/localhost:9092/g"
  echo "@@ stdout"; sed "$back" out.txt; echo "@@ end"
  echo "@@ stderr"; sed "$back" err.txt; echo "@@ end"
  echo "@@ elapsed-ms $((t1 - t0))"
}
while IFS= read -r l || [ -n "$l" ]; do
  case $l in
    "@@ sleep "*) sleep "${l#@@ sleep }" ;;
    "@@ restart-killed") restart_killed; echo "$l" ;;
    "#"*|"@@"*) echo "$l" ;;
    "") ;;
    *) run "$l" ;;
  esac
done <"$cmds"
