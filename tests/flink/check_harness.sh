#!/usr/bin/env bash
# ctest flink/harness: runs the real Flink harness on the hand-computed cases of cases/cases.txt
# and compares each output with cases/expected/NAME.out (in canonical order, see canonical.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/batch"
names=()
while read -r name trace opts; do
  case "$name" in '' | '#'*) continue ;; esac
  names+=("$name")
  echo "$work/$name.out $here/cases/$trace $opts" >>"$work/batch"
done <"$here/cases/cases.txt"
start=$(date +%s)
"$here/flink-replay.sh" --batch "$work/batch" || true
echo "flink/harness: ${#names[@]} Flink jobs in $(($(date +%s) - start)) s"
failed=0
for n in "${names[@]}"; do
  if [ "$(cat "$work/$n.out.rc" 2>/dev/null)" != "0" ]; then
    echo "FAIL $n: the harness failed:"; cat "$work/$n.out.err" 2>/dev/null | head -20
    failed=$((failed + 1))
  elif ! diff <("$here/canonical.sh" <"$here/cases/expected/$n.out") <("$here/canonical.sh" <"$work/$n.out") >"$work/diff"; then
    echo "FAIL $n: Flink's output differs from the hand-computed one (< expected, > Flink):"; cat "$work/diff"
    failed=$((failed + 1))
  else
    echo "ok   $n"
  fi
done
echo "flink/harness: $((${#names[@]} - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
