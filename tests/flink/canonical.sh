#!/usr/bin/env bash
# Prints replay/harness output (stdin) in a canonical order: firings that one watermark fired
# on time (consecutive on-time lines with the same watermark_at_fire) are sorted, because Flink
# emits windows with the same end in its timer heap's order across keys, which carries no meaning
# (FIDELITY §5.6). Every other line keeps its place.
set -euo pipefail
awk -F, '{
  if ($1 != "LATE" && $1 != "SUMMARY" && $NF == "on-time") g = "w" $(NF-1); else g = "x" NR
  if (g != prev) { run++; prev = g }
  printf "%08d\t%s\n", run, $0
}' | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2 | cut -f2-
