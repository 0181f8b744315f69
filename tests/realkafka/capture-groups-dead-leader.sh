#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 `kafka-consumer-groups.sh --describe` prints while the leader of one of
# the group's partitions has crashed and is not fenced yet (the group's coordinator is on another node):
# three KRaft nodes (tests/realkafka/capture-common.sh capture_cluster3), a topic with 3 partitions and
# replication factor 3, three keyed records, group G reads them (a console consumer, then it leaves: an
# empty group with committed offsets); then a node that leads a partition of the topic but does not
# coordinate G is killed (kill -9, as the simulation's "crash") and the describe is run at once against a
# live node (with --timeout 2000, then with the default 30 s). Not run by ctest (five JVMs): by hand, to refresh
# tests/labs/golden/real/groups-dead-leader.txt.
#   tests/realkafka/capture-groups-dead-leader.sh > tests/labs/golden/real/groups-dead-leader.txt
# Output: the tests/labs/golden/real format, ports rewritten to the student's localhost:9092/9093/9094
# (node 1/2/3); "@@ crash node N" where it was killed, "@@ t=<ms after the kill>" around each run after it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-groupsleader.XXXXXX)
declare -A pid
trap 'set +e; for p in "${pid[@]}"; do kill -9 "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_jars -Xms128m -Xmx384m >&2
capture_cluster3 39800 >&2 # node N: broker 398N2
back=$(capture_cluster3_back)
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic dl --partitions 3 --replication-factor 3 \
  --bootstrap-server "$B" >&2
printf 'k1:a\nk2:b\nk3:c\n' | "${J[@]}" org.apache.kafka.tools.ConsoleProducer --topic dl --reader-property parse.key=true \
  --reader-property key.separator=: --bootstrap-server "$B" >&2
"${J[@]}" org.apache.kafka.tools.consumer.ConsoleConsumer --topic dl --group G --from-beginning --max-messages 3 \
  --bootstrap-server "$B" >/dev/null 2>&1
run() { # run BOOTSTRAP_NODE ARGS...: kafka-consumer-groups.sh against node N's port
  local node=$1 rc; shift
  set +e
  "${J[@]}" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "localhost:$(capture_port "$node" 2)" "$@" >out.txt 2>err.txt
  rc=$?
  set -e
  echo "@@ \$ kafka-consumer-groups.sh --bootstrap-server localhost:909$((node + 1)) $*"
  echo "@@ exit $rc"
  echo "@@ stdout"; sed "$back" out.txt; echo "@@ end"
  echo "@@ stderr"; sed "$back" err.txt; echo "@@ end"
}
echo "# kafka-consumer-groups.sh --describe while the leader of one of the group's partitions has crashed and is"
echo "# not fenced yet, its coordinator on a live node (three KRaft nodes, localhost:9092/9093/9094 = nodes 1/2/3;"
echo "# captured by tests/realkafka/capture-groups-dead-leader.sh)."
run 1 --describe --group G --state
coord=$(sed -n 's/.*localhost:398\([123]\)2 *(\([0-9]\)).*/\2/p' out.txt | head -n 1)
[ -n "$coord" ] || { echo "no coordinator found" >&2; cat out.txt err.txt >&2; exit 1; }
victim=$(( coord % 3 + 1 ))
live=$(( victim % 3 + 1 ))
[ "$live" = "$victim" ] && live=$(( live % 3 + 1 ))
run "$live" --describe --group G
echo "@@ crash node $victim (G's coordinator is node $coord)"
kill -9 "${pid[$victim]}"
start=$(date +%s%3N)
stamp() { echo "@@ t=$(( $(date +%s%3N) - start ))ms after the kill"; }
stamp; run "$live" --describe --group G --timeout 2000
stamp; run "$live" --describe --group G
stamp; run "$live" --describe --group G --state
stamp; run "$live" --describe --group G
stamp
