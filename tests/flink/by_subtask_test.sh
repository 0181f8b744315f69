#!/usr/bin/env bash
# ctest replay/by_subtask (no Java): the comparison by_subtask.sh makes possible (flink/compare,
# flink/harness, replay/flink_goldens) passes when only the interleaving of different subtasks changes
# and fails when one subtask's lines are swapped, or a line moves to another subtask.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
same() { diff <("$here/by_subtask.sh" <<<"$1") <("$here/by_subtask.sh" <<<"$2") >/dev/null; }
failed=0
check() { # check WHAT EXPECTED(same|differ) A B
  local got=differ
  if same "$3" "$4"; then got=same; fi
  if [ "$got" = "$2" ]; then echo "ok   $1"; else echo "FAIL $1: the outputs compare $got"; failed=1; fi
}
# subtasks_p2 of tests/flink/cases as replay prints it (window subtask 0 fires before 1 for one watermark).
base=$'1> b,0,5000,1,5999,on-time\n2> a,0,5000,1,5999,on-time\n2> a,5000,10000,1,11999,on-time\n1> b,10000,15000,1,MAX,on-time\n1> LATE,b,1500,5999\nSUMMARY,events=5,firings=4,late=1'
# The same lines as Flink's threads may interleave them: subtask 2 reached the sink first.
inter=$'2> a,0,5000,1,5999,on-time\n2> a,5000,10000,1,11999,on-time\n1> b,0,5000,1,5999,on-time\n1> b,10000,15000,1,MAX,on-time\n1> LATE,b,1500,5999\nSUMMARY,events=5,firings=4,late=1'
# Subtask 1's two firings swapped.
swap=$'1> b,10000,15000,1,MAX,on-time\n2> a,0,5000,1,5999,on-time\n2> a,5000,10000,1,11999,on-time\n1> b,0,5000,1,5999,on-time\n1> LATE,b,1500,5999\nSUMMARY,events=5,firings=4,late=1'
# Subtask 2's firings swapped, the lines of subtask 1 left in place.
swap2=$'1> b,0,5000,1,5999,on-time\n2> a,5000,10000,1,11999,on-time\n2> a,0,5000,1,5999,on-time\n1> b,10000,15000,1,MAX,on-time\n1> LATE,b,1500,5999\nSUMMARY,events=5,firings=4,late=1'
# Two windows one watermark fired on the same subtask: their order is that subtask's timer heap's, so a
# swap is a difference (the sorted view used before, canonical.sh, let it pass).
heap=$'1> b,0,5000,1,5999,on-time\n1> c,0,5000,2,5999,on-time\n2> a,0,5000,1,5999,on-time\nSUMMARY,events=4,firings=3,late=0'
heapswap=$'1> c,0,5000,2,5999,on-time\n1> b,0,5000,1,5999,on-time\n2> a,0,5000,1,5999,on-time\nSUMMARY,events=4,firings=3,late=0'
heapinter=$'2> a,0,5000,1,5999,on-time\n1> b,0,5000,1,5999,on-time\n1> c,0,5000,2,5999,on-time\nSUMMARY,events=4,firings=3,late=0'
# A line printed by the wrong subtask.
moved=$'1> b,0,5000,1,5999,on-time\n1> a,0,5000,1,5999,on-time\n2> a,5000,10000,1,11999,on-time\n1> b,10000,15000,1,MAX,on-time\n1> LATE,b,1500,5999\nSUMMARY,events=5,firings=4,late=1'
# Subtask 10 sorts after 2 (numbers, not text), and a line without a prefix keeps its place among those.
ten_a=$'10> x,0,1,1,0,on-time\n2> y,0,1,1,0,on-time\nSUMMARY,events=2,firings=2,late=0'
ten_b=$'2> y,0,1,1,0,on-time\n10> x,0,1,1,0,on-time\nSUMMARY,events=2,firings=2,late=0'
# Parallelism 1 (no prefix): every line in its place.
p1=$'a,0,5000,1,5999,on-time\nb,0,5000,1,5999,on-time\nSUMMARY,events=2,firings=2,late=0'
p1swap=$'b,0,5000,1,5999,on-time\na,0,5000,1,5999,on-time\nSUMMARY,events=2,firings=2,late=0'
check "the same output" same "$base" "$base"
check "another interleaving of the subtasks" same "$base" "$inter"
check "two lines of subtask 1 swapped" differ "$base" "$swap"
check "two lines of subtask 2 swapped" differ "$base" "$swap2"
check "one watermark's windows of one subtask swapped" differ "$heap" "$heapswap"
check "one watermark's windows of two subtasks interleaved" same "$heap" "$heapinter"
check "a line on another subtask" differ "$base" "$moved"
check "subtask 10 and 2 interleaved" same "$ten_a" "$ten_b"
check "parallelism 1 in order" same "$p1" "$p1"
check "parallelism 1 swapped" differ "$p1" "$p1swap"
[ "$(printf '10> x\n2> y\nS\n' | "$here/by_subtask.sh" | tr '\n' ' ')" = "S 2> y 10> x " ] || { echo "FAIL numeric subtask order"; failed=1; }
exit "$failed"
