#!/usr/bin/env bash
# The real Apache Flink on the stream engine's benchmark workload (issue #10): 10 M events, 10 000
# keys, event-time tumbling 1-minute count, 5 s bound, a watermark after every event, parallelism 1,
# MiniCluster, events generated in the source (no parsing). Prints `flink_events_per_second=N`.
#   bench/flink_bench.sh [EVENTS [KEYS]]
# Needs Java 17 and Maven (the harness of tests/flink is built once into its cache folder).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp=$("$root/tests/flink/flink-replay.sh" --build)
# The JIT at full tier and a heap sized for 10 000 keys of window state; one GC thread (one core).
exec java -Xmx1g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -cp "$cp" fluxolab.flink.FlinkBench "$@"
