#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time, seeded from the project's own files.
#   run_fuzzer.sh HARNESS SECONDS WORKDIR SEED_LIST DICT [TOOL]
# HARNESS   the harness executable
# SECONDS   -max_total_time; 0 only replays the seeds and the regression corpus
# WORKDIR   a build directory of its own: corpus/ (grows across runs) and artifacts/ (crash-*, leak-*, timeout-*)
# SEED_LIST a file listing seed files and directories of the source tree, one per line
#           (the committed regression corpus tests/fuzz/corpus/<harness>/ among them)
# DICT      a libFuzzer dictionary, or "-"
# TOOL      for the Kafka tool harnesses: single-line commands of this tool in the seed scripts
#           become extra seeds of their options alone
# Exit status: libFuzzer's (non-zero on a crash, a leak, a timeout or an out-of-memory).
set -euo pipefail
harness=$1 seconds=$2 work=$3 seed_list=$4 dict=$5 tool=${6:-}
mkdir -p "$work/corpus" "$work/artifacts"
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
n=0
while IFS= read -r entry; do
  [ -n "$entry" ] || continue
  if [ -d "$entry" ]; then
    files=("$entry"/*)
  else
    files=("$entry")
  fi
  for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    cp "$f" "$seeds/$n-$(basename "$f")"
    if [ -n "$tool" ]; then
      # "bin/kafka-topics.sh --list ..." -> "--list ...", one seed per line.
      grep -E "^(\./)?(bin/)?$tool(\.sh)? " "$f" | grep -v '\\$' | sed -E "s#^(\./)?(bin/)?$tool(\.sh)? ##" |
        { k=0; while IFS= read -r line; do
          k=$((k + 1))
          printf '%s\n' "$line" >"$seeds/$n-$k-$tool-line"
        done; } || true
    fi
  done
done <"$seed_list"
args=(-timeout=20 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 "-artifact_prefix=$work/artifacts/")
[ "$dict" != "-" ] && args+=("-dict=$dict")
if [ "$seconds" -gt 0 ]; then
  args+=("-max_total_time=$seconds")
else
  args+=(-runs=0)
fi
echo "$(basename "$harness"): $(ls "$seeds" | wc -l) seed(s), ${seconds}s, corpus $work/corpus" >&2
# ASan's leak check is on by default with libFuzzer (-detect_leaks=1).
exec "$harness" "${args[@]}" "$work/corpus" "$seeds"
