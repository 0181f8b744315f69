#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 `kafka-get-offsets.sh` prints while a partition's leader has
# crashed and is not fenced yet: three KRaft nodes (tests/realkafka/capture-common.sh capture_cluster3),
# a topic with 3 partitions and replication factor 3 (each node leads one), three keyed records, then
# the node leading partition 0 is killed (kill -9, as the simulation's "crash") and the tool is run at
# once against a live node: its admin client tries the dead leader again and again (one WARN line per
# attempt, 50 ms doubling to 1 s apart, with jitter) until the controller fences it
# (broker.session.timeout.ms, 9 s) and another replica leads; then it prints every offset. Asked only
# for a partition a live node leads, it answers at once. Not run by ctest (five JVMs): by hand, to
# refresh tests/labs/golden/real/get-offsets-dead-leader.txt.
#   tests/realkafka/capture-get-offsets-dead-leader.sh > tests/labs/golden/real/get-offsets-dead-leader.txt
# Output: the tests/labs/golden/real format, ports rewritten to the student's localhost:9092/9093/9094
# (node 1/2/3); "@@ crash node N" where the leader was killed, "@@ t=<ms after the kill>" before and
# after each run after it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-getoffsets.XXXXXX)
declare -A pid
trap 'set +e; for p in "${pid[@]}"; do kill -9 "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=capture-common.sh
. "$here/capture-common.sh"
capture_jars -Xms128m -Xmx384m >&2
capture_cluster3 39700 >&2 # node N: broker 397N2
back=$(capture_cluster3_back)
"${J[@]}" org.apache.kafka.tools.TopicCommand --create --topic dl --partitions 3 --replication-factor 3 \
  --bootstrap-server "$B" >&2
printf 'k1:a\nk2:b\nk3:c\n' | "${J[@]}" org.apache.kafka.tools.ConsoleProducer --topic dl --reader-property parse.key=true \
  --reader-property key.separator=: --bootstrap-server "$B" >&2
run() { # run BOOTSTRAP_NODE ARGS...: kafka-get-offsets.sh against node N's port
  local node=$1 rc; shift
  set +e
  "${J[@]}" org.apache.kafka.tools.GetOffsetShell --bootstrap-server "localhost:$(capture_port "$node" 2)" "$@" >out.txt 2>err.txt
  rc=$?
  set -e
  echo "@@ \$ kafka-get-offsets.sh --bootstrap-server localhost:909$((node + 1)) $*"
  echo "@@ exit $rc"
  echo "@@ stdout"; sed "$back" out.txt; echo "@@ end"
  echo "@@ stderr"; sed "$back" err.txt; echo "@@ end"
}
"${J[@]}" org.apache.kafka.tools.TopicCommand --describe --topic dl --bootstrap-server "$B" >describe.txt
leaderOf() { sed -n "s/.*Partition: $1[^0-9].*Leader: \\([0-9]*\\).*/\\1/p" describe.txt; }
leader=$(leaderOf 0)
[ -n "$leader" ] || { echo "no leader found for dl-0" >&2; exit 1; }
live=$(( leader % 3 + 1 ))
echo "# kafka-get-offsets.sh while the leader of dl-0 has crashed and is not fenced yet (three KRaft nodes,"
echo "# localhost:9092/9093/9094 = nodes 1/2/3; captured by tests/realkafka/capture-get-offsets-dead-leader.sh)."
run "$live" --topic dl
echo "@@ crash node $leader"
kill -9 "${pid[$leader]}"
start=$(date +%s%3N)
stamp() { echo "@@ t=$(( $(date +%s%3N) - start ))ms after the kill"; }
# The partitions the live nodes lead answer at once; dl-0 waits for the dead leader to be fenced.
other=""
for p in 0 1 2; do [ "$(leaderOf "$p")" = "$live" ] && other=$p; done
[ -n "$other" ] || { echo "node $live leads no partition of dl" >&2; exit 1; }
stamp; run "$live" --topic dl --partitions "$other"
stamp; run "$live" --topic dl
stamp; run "$live" --topic dl --time -2
stamp
