#!/usr/bin/env bash
# Captures what the real Kafka 4.3.1 tools print for records too large, in the format of
# tests/labs/golden/real/*.txt:
#   tests/realkafka/capture-too-large.sh > tests/labs/golden/real/too-large.txt
# The cases of too-large.cmds (a small max.request.size given to the producer, small
# max.message.bytes topics, keyed records), then one
# 2 000 000-byte line at the default limits (max.request.size 1048576). Runs capture-golden.sh
# (a fresh single-node KRaft broker from the 4.3.1 jars, capture-common.sh) on those commands; the
# big line's standard input is written back as "@@ stdin-line x 2000000" (one line of 2 000 000
# 'x'), which tests/labs/test_real_outputs.cpp expands.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fluxolab-toolarge.XXXXXX)
trap 'rm -rf "$work"' EXIT
big=$(head -c 2000000 /dev/zero | tr '\0' x)
{
  cat "$here/too-large.cmds"
  echo "# The default limits: one line of 2 000 000 bytes (61 + 21 + 1 + (4 + 2000000) + 1 = 2000088: the zig-zag varint of 2000000 takes 4 bytes)."
  echo "kafka-topics.sh --create --topic big --bootstrap-server localhost:9092"
  echo "kafka-console-producer.sh --topic big --bootstrap-server localhost:9092 <<EOF"
  echo "$big"
  echo "EOF"
  echo "kafka-console-consumer.sh --topic big --from-beginning --timeout-ms 30000 --bootstrap-server localhost:9092"
} >"$work/cmds"
"$here/capture-golden.sh" "$work/cmds" | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
out, i = [], 0
while i < len(lines):
    if lines[i] == "@@ stdin" and i + 2 < len(lines) and lines[i + 1] == "x" * 2000000 and lines[i + 2] == "@@ end-stdin":
        out.append("@@ stdin-line x 2000000")
        i += 3
        continue
    out.append(lines[i])
    i += 1
sys.stdout.write("\n".join(out))
'
