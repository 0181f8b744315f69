#!/usr/bin/env bash
# ctest replay/flink_goldens (no Java needed): `fluxolab-cli replay` against the outputs the real
# Flink 2.3.0 recorded for the sample traces (assets/traces/flink/runs.txt, expected/NAME.out).
#   replay_goldens.sh FLUXOLAB_CLI RUNS_TXT
# Every run must match line by line, in Flink's firing order (docs/stream.md, "Firing order"); at
# parallelism > 1 each subtask's lines (Flink's print-sink prefix "N> ") in their order, the
# interleaving of different subtasks being free (by_subtask.sh).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: replay_goldens.sh FLUXOLAB_CLI RUNS_TXT" >&2; exit 2; }
cli=$1
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "$(dirname "$2")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
runs=0
while read -r name trace opts; do
  case "$name" in '' | '#'*) continue ;; esac
  runs=$((runs + 1))
  # shellcheck disable=SC2086
  if ! "$cli" replay "$dir/$trace" $opts --watermark-interval per-event >"$work/out" 2>"$work/err"; then
    echo "FAIL $name: replay exited non-zero:"; head -5 "$work/err"; failed=$((failed + 1)); continue
  fi
  if diff <("$here/by_subtask.sh" <"$dir/expected/$name.out") <("$here/by_subtask.sh" <"$work/out") >"$work/diff"; then
    if grep -q '^[0-9]*> ' "$work/out"; then echo "ok   $name (each subtask's lines in order)"; else echo "ok   $name (exact order)"; fi
  else
    echo "FAIL $name (< Flink, > replay):"; head -20 "$work/diff"; failed=$((failed + 1))
  fi
done <"$2"
echo "replay/flink_goldens: $((runs - failed)) of $runs runs match"
[ "$failed" -eq 0 ] && [ "$runs" -gt 0 ]
