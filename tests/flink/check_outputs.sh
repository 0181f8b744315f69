#!/usr/bin/env bash
# Runs the real Flink harness on every run of the given lists and compares each output with the
# recorded one, exactly, each subtask's lines in their order at parallelism > 1 (by_subtask.sh: only
# the interleaving of different subtasks is free). All runs share one JVM.
#   check_outputs.sh [--record] LIST...
# A LIST line: NAME TRACE OPTIONS... ('#' starts a comment line); TRACE is relative to the list's
# folder and the expected output is <list folder>/expected/NAME.out. --record writes the outputs
# there instead of comparing (then review them by hand: they are the reference).
# Used by ctest flink/harness (tests/flink/cases/cases.txt: hand-computed) and flink/golden
# (assets/traces/flink/runs.txt: the sample traces).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
record=0
if [ "${1:-}" = "--record" ]; then record=1; shift; fi
[ $# -gt 0 ] || { echo "usage: check_outputs.sh [--record] LIST..." >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/batch"
names=() expected=()
for list in "$@"; do
  dir=$(cd "$(dirname "$list")" && pwd)
  while read -r name trace opts; do
    case "$name" in '' | '#'*) continue ;; esac
    names+=("$name")
    expected+=("$dir/expected/$name.out")
    echo "$work/$name.out $dir/$trace $opts" >>"$work/batch"
  done <"$list"
done
start=$(date +%s)
"$here/flink-replay.sh" --batch "$work/batch" || true
echo "flink: ${#names[@]} Flink jobs in $(($(date +%s) - start)) s"
failed=0
for i in "${!names[@]}"; do
  n=${names[$i]} exp=${expected[$i]}
  if [ "$(cat "$work/$n.out.rc" 2>/dev/null)" != "0" ]; then
    echo "FAIL $n: the harness failed:"
    head -20 "$work/$n.out.err" 2>/dev/null || true
    failed=$((failed + 1))
  elif [ $record -eq 1 ]; then
    mkdir -p "$(dirname "$exp")"
    cp "$work/$n.out" "$exp"
    echo "recorded $exp"
  elif ! diff <("$here/by_subtask.sh" <"$exp") <("$here/by_subtask.sh" <"$work/$n.out") >"$work/diff" 2>&1; then
    echo "FAIL $n: Flink's output differs from $exp (< expected, > Flink):"
    cat "$work/diff"
    failed=$((failed + 1))
  else
    echo "ok   $n"
  fi
done
echo "flink: $((${#names[@]} - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
