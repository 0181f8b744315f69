#!/usr/bin/env bash
# ctest flink/compare: `fluxolab-cli replay` against the real Flink, line by line.
#   compare_replay.sh FLUXOLAB_CLI LIST...
# LIST lines as in check_outputs.sh (NAME TRACE OPTIONS...). Besides the lists, two traces made by
# `fluxolab-cli gen-trace` at test time are compared too. Every run passes
# `--watermark-interval per-event` to replay (the harness's watermarks) unless the run gives its own
# interval (periodic emission: the harness's virtual ticks). Runs at parallelism 1, DataStream and SQL,
# must match line by line, in Flink's firing order (its timer heap's order for windows that one
# watermark fires, docs/stream.md "Firing order"). Parallelism > 1: both print every line of window
# subtask i with Flink's print-sink prefix "N> " (N = i + 1); each subtask's lines must match exactly,
# in order (by_subtask.sh), only the interleaving of different subtasks is free (Flink's threads decide
# it). Flink SQL emits no LATE lines and neither does replay, both count the dropped rows in
# SUMMARY's late=.
# A build without `replay` FAILS this test ("replay not available"): it is only registered when
# FLUXOLAB_FLINK_COMPARE is ON.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 2 ] || { echo "usage: compare_replay.sh FLUXOLAB_CLI LIST..." >&2; exit 2; }
cli=$1; shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

set +e
"$cli" replay >"$work/probe.out" 2>"$work/probe.err"
set -e
if grep -q "unknown command 'replay'" "$work/probe.err"; then
  echo "flink/compare: FAIL: replay not available ('$cli replay' is not a command of this build)"
  exit 1
fi

runs=()
add() { # add NAME TRACE OPTIONS...
  local name=$1 trace=$2; shift 2
  runs+=("$name")
  echo "$trace $*" >"$work/$name.args"
  echo "$work/$name.out $trace $*" >>"$work/batch"
}
: >"$work/batch"
for list in "$@"; do
  dir=$(cd "$(dirname "$list")" && pwd)
  while read -r name trace opts; do
    case "$name" in '' | '#'*) continue ;; esac
    # shellcheck disable=SC2086
    add "$name" "$dir/$trace" $opts
  done <"$list"
done
# Generated traces: several partitions, out-of-order and late elements, an idle partition.
"$cli" gen-trace --events 3000 --keys 20 --rate 50 --out-of-order 5s --late-fraction 0.03 --partitions 3 \
  --seed 11 --out "$work/gen_a.csv"
"$cli" gen-trace --events 2000 --keys 5 --rate 20 --out-of-order 2s --late-fraction 0.05 --partitions 2 \
  --idle-partition 1:20s:50s --seed 12 --format jsonl --out "$work/gen_b.jsonl"
add gen_a_tumble "$work/gen_a.csv" --watermark bounded:5s --window tumble:10s --partition-field partition --arrival-field arrival
add gen_a_hop_lateness "$work/gen_a.csv" --watermark bounded:5s --window hop:5s,15s --allowed-lateness 3s --agg sum:value --partition-field partition --arrival-field arrival
add gen_a_session "$work/gen_a.csv" --watermark bounded:2s --window session:3s --allowed-lateness 2s --agg max:value
add gen_a_sql_cumulate "$work/gen_a.csv" --watermark sql:5s --window cumulate:5s,20s --agg avg:value --partition-field partition
add gen_b_tumble "$work/gen_b.jsonl" --watermark monotonous --window tumble:5s --agg min:value --partition-field partition --arrival-field arrival
add gen_b_sql_session "$work/gen_b.jsonl" --watermark sql:2s --window session:4s --agg sum:value --partition-field partition
# Parallelism > 1 (DataStream; the harness's Sequencer makes Flink deterministic): three partitions on
# three subtasks, and two partitions (one idle for a while) on two.
add gen_a_tumble_p3 "$work/gen_a.csv" --watermark bounded:5s --window tumble:10s --partition-field partition --arrival-field arrival --parallelism 3
add gen_b_session_p2 "$work/gen_b.jsonl" --watermark bounded:2s --window session:4s --allowed-lateness 1s --agg sum:value --partition-field partition --arrival-field arrival --parallelism 2
# SQL window TVFs at parallelism > 1 (the Sequencer waits for the planner's window subtasks to be idle).
add gen_a_sql_hop_p2 "$work/gen_a.csv" --watermark sql:5s --window hop:5s,15s --agg sum:value --partition-field partition --arrival-field arrival --parallelism 2
add gen_a_sql_cumulate_p4 "$work/gen_a.csv" --watermark sql:5s --window cumulate:5s,20s --agg avg:value --partition-field partition --arrival-field arrival --parallelism 4
add gen_b_sql_session_p2 "$work/gen_b.jsonl" --watermark sql:2s --window session:4s --agg sum:value --partition-field partition --arrival-field arrival --parallelism 2
# Idleness (the idle partition of gen_b; every partition of gen_a in the gaps of its arrivals).
add gen_b_idle_tumble "$work/gen_b.jsonl" --watermark bounded:2s --window tumble:5s --agg min:value --partition-field partition --arrival-field arrival --idle-timeout 5s
add gen_b_idle_session_p3 "$work/gen_b.jsonl" --watermark bounded:2s --window session:4s --allowed-lateness 1s --agg sum:value --partition-field partition --arrival-field arrival --idle-timeout 3s --parallelism 3
add gen_a_idle_p2 "$work/gen_a.csv" --watermark bounded:5s --window tumble:10s --partition-field partition --arrival-field arrival --idle-timeout 1s --parallelism 2
# Periodic emission on virtual ticks (gen_a: 3 partitions on 3 subtasks; gen_b: 2 on 2), with and without idleness.
add gen_a_periodic_p3 "$work/gen_a.csv" --watermark bounded:5s --window tumble:10s --partition-field partition --arrival-field arrival --parallelism 3 --watermark-interval 1s
add gen_b_periodic_idle_p2 "$work/gen_b.jsonl" --watermark bounded:2s --window tumble:5s --agg min:value --partition-field partition --arrival-field arrival --idle-timeout 5s --parallelism 2 --watermark-interval 500ms

start=$(date +%s)
"$here/flink-replay.sh" --batch "$work/batch" || true
echo "flink/compare: ${#runs[@]} Flink jobs in $(($(date +%s) - start)) s"
# Flink SQL drops late rows without emitting them: neither the harness nor replay prints LATE lines
# for SQL runs, and both count the dropped rows in SUMMARY's late= (Flink's numLateRecordsDropped).
# replay's output is compared whole; sql_late_ok also fails an SQL run whose replay prints a LATE line.
is_sql() { grep -q -- '--watermark sql:' "$work/$1.args"; }
replay_lines() { cat "$work/$1.replay"; }
# Each subtask's lines in their order (parallelism > 1); runs at parallelism 1 are compared as printed.
ordered() { "$here/by_subtask.sh"; }
sql_late_ok() {
  is_sql "$1" || return 0
  local shown
  shown=$(grep -c '^LATE,' "$work/$1.replay" || true)
  if [ "$shown" != "0" ]; then
    echo "FAIL $1: replay prints $shown LATE lines for an SQL run (Flink SQL emits none)"
    return 1
  fi
}
failed=0
for n in "${runs[@]}"; do
  read -r -a args <"$work/$n.args"
  set +e
  # A watermark after every element, unless the run says otherwise (periodic emission on virtual ticks).
  wmi=(--watermark-interval per-event)
  case " ${args[*]} " in *" --watermark-interval "*) wmi=() ;; esac
  "$cli" replay "${args[@]}" "${wmi[@]}" >"$work/$n.replay" 2>"$work/$n.replay.err"
  rc=$?
  set -e
  if [ "$(cat "$work/$n.out.rc" 2>/dev/null)" != "0" ]; then
    echo "FAIL $n: the Flink harness failed:"
    head -20 "$work/$n.out.err" 2>/dev/null || true
    failed=$((failed + 1))
  elif [ $rc -ne 0 ]; then
    echo "FAIL $n: fluxolab-cli replay ${args[*]} exited $rc:"
    head -20 "$work/$n.replay.err"
    failed=$((failed + 1))
  elif ! sql_late_ok "$n"; then
    failed=$((failed + 1))
  elif ! diff <(ordered "$n" <"$work/$n.out") <(replay_lines "$n" | ordered "$n") >"$work/diff" 2>&1; then
    echo "FAIL $n: replay ${args[*]} differs from Flink (< Flink, > replay):"
    head -40 "$work/diff"
    failed=$((failed + 1))
  else
    echo "ok   $n ($(wc -l <"$work/$n.out") lines)"
  fi
done
echo "flink/compare: $((${#runs[@]} - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
