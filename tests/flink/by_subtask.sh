#!/usr/bin/env bash
# Prints replay/harness output (stdin) grouped by subtask, for an exact comparison in the order that is
# deterministic. With parallelism > 1 Flink's print sink starts every line of sink subtask i with
# "N> " (N = i + 1; PrintSinkOutputWriter) and only each subtask's own lines come in a fixed order (its
# timer heap's, its input's); how the subtasks' lines interleave depends on the threads. So: the lines
# without a prefix (SUMMARY; every line at parallelism 1) first, in their order, then subtask 1's lines
# in their order, then subtask 2's, ... A swap within one subtask still shows; an interleaving of
# several subtasks does not. At parallelism 1 the output is the input, unchanged.
set -euo pipefail
awk '{
  s = 0
  if (match($0, /^[0-9]+> /)) s = substr($0, 1, RLENGTH - 2) + 0
  printf "%d\t%08d\t%s\n", s, NR, $0
}' | LC_ALL=C sort -t "$(printf '\t')" -k1,1n -k2,2n | cut -f3-
