#!/usr/bin/env python3
"""Hand reference for the bundled scenario `retencao` (assets/scenarios/retencao.json): when the
segments of metricas roll and when retention moves each partition's log start offset, computed from
Kafka 4.3.1's rules (not from the simulation), for tests/sim/test_retention.cpp.

Rules (apache/kafka, storage/.../LogSegment.java, UnifiedLog.java, core/.../LogManager.scala):
- LogManager schedules "kafka-log-retention" first after log.initial.task.delay.ms (30000), then every
  log.retention.check.interval.ms (the scenario: 5000): checks at 30 s, 35 s, 40 s, ...
- LogSegment.shouldRoll: a batch rolls a new segment when the active one is not empty and
  (batch max timestamp) - (max timestamp of the segment's first batch) > segment.ms - jitter (strict).
- deleteRetentionMsBreachedSegments: from the oldest segment, delete while now - largestTimestamp >
  retention.ms and the segment's end (next base, or the log end) <= the high watermark; an empty active
  segment is never deleted.

The scenario: one broker, metricas with 2 partitions, retention.ms=20000, segment.ms=5000; producer
coletor at 10 records/s from t=0 (ScenarioRun: the n-th record is sent at n*100 ms) with keys
servidor-0..3 in sequence (murmur2 % 2: servidor-0 -> 1, servidor-1 -> 0, servidor-2 -> 0,
servidor-3 -> 1; `fluxolab-cli partition --partitions 2 ...`). Each record is its own batch
(linger.ms=5, 100 ms apart), timestamp = send time (CreateTime), appended 6 ms later (linger 5 ms,
then 1 ms of network), acknowledged at once (replication factor 1): the HW follows the log end.
"""

PARTITION_OF_KEY = {0: 1, 1: 0, 2: 0, 3: 1}
SEGMENT_MS = 5000
RETENTION_MS = 20000
INITIAL_DELAY_MS = 30000
CHECK_INTERVAL_MS = 5000
APPEND_DELAY_MS = 6


def records(partition, until_ms):
    """(offset, timestamp, append time) of the partition's records appended by until_ms."""
    out = []
    n = 1
    while n * 100 + APPEND_DELAY_MS <= until_ms:
        if PARTITION_OF_KEY[(n - 1) % 4] == partition:
            out.append((len(out), n * 100, n * 100 + APPEND_DELAY_MS))
        n += 1
    return out


def segments(recs):
    """[(base offset, first batch timestamp, largest timestamp, end offset)] after rolling by timestamps."""
    segs = []
    for off, ts, _ in recs:
        if not segs or ts - segs[-1][1] > SEGMENT_MS:
            segs.append([off, ts, ts, off + 1])
        else:
            segs[-1][2] = max(segs[-1][2], ts)
            segs[-1][3] = off + 1
    return segs


def log_start_after_checks(partition, until_ms):
    """[(check time, log start offset after it)] for the checks up to until_ms."""
    out = []
    log_start = 0
    t = INITIAL_DELAY_MS
    while t <= until_ms:
        recs = records(partition, t)
        hw = len(recs)
        for base, _, largest, end in segments(recs):
            if end <= log_start:
                continue
            if end <= hw and t - largest > RETENTION_MS:
                log_start = end
            else:
                break
        out.append((t, log_start))
        t += CHECK_INTERVAL_MS
    return out


if __name__ == "__main__":
    for p in (0, 1):
        print(f"metricas-{p} segments by 45 s:", [(s[0], s[1], s[2]) for s in segments(records(p, 45000))])
        print(f"metricas-{p} log start after each check:", log_start_after_checks(p, 60000))
