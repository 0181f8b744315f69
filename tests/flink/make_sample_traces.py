#!/usr/bin/env python3
"""Writes the course's sample traces into assets/traces/ (deterministic: a fixed seed and only
random.random(), whose sequence is the same on every Python 3). The traces are committed; run this
only to change them, then re-record the real Flink's outputs:
    tests/flink/check_outputs.sh --record assets/traces/flink/runs.txt
and read the diff."""
import datetime as dt
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parents[2] / "assets" / "traces"
R = random.Random(20260314)


def uni(a, b):
    return a + (b - a) * R.random()


def pick(seq):
    return seq[int(R.random() * len(seq))]


def ms(d):
    return int(d.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)


def sql_time(t):  # yyyy-MM-dd HH:mm:ss.SSS, UTC
    d = dt.datetime.fromtimestamp(t / 1000, dt.timezone.utc)
    return d.strftime("%Y-%m-%d %H:%M:%S.") + f"{t % 1000:03d}"


def iso_time(t):  # ISO-8601 with Z
    d = dt.datetime.fromtimestamp(t / 1000, dt.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t % 1000:03d}Z"


def cliques():
    """Clicks on an e-commerce site, 10:00-10:05. Most arrive 0-3 s after the click; a phone in a
    tunnel (u-tunel) sends its 10:01 clicks only at 10:02:40 (late for 1-minute windows)."""
    t0 = ms(dt.datetime(2026, 3, 14, 10, 0, 0))
    pages = ["/inicio"] * 5 + ["/produto/42"] * 3 + ["/carrinho"] * 2 + ["/checkout"]
    users = [f"u-{i:02d}" for i in range(1, 31)]
    rows = []  # (arrival, ts, page, user)
    t = t0
    while True:
        t += int(uni(200, 1800))
        if t >= t0 + 300_000:
            break
        delay = int(uni(0, 3000)) if R.random() < 0.9 else int(uni(3000, 6000))
        rows.append((t + delay, t, pick(pages), pick(users)))
    for i in range(6):  # the tunnel: clicked 10:01:05..10:01:50, arrive from 10:02:40
        ts = t0 + 65_000 + i * 9_000
        rows.append((t0 + 160_000 + i * 150, ts, pick(["/produto/42", "/carrinho", "/inicio"]), "u-tunel"))
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(OUT / "cliques_do_site.csv", "w") as f:
        f.write("ts,pagina,utilizador\n")
        for _, ts, page, user in rows:
            f.write(f"{sql_time(ts)},{page},{user}\n")
    return len(rows)


def pagamentos():
    """Card payments, 21:00-21:10. u-07 makes 6 payments in 40 s at 21:03 (the fraud rule's burst);
    a shop's offline terminal (u-12's payments) uploads 21:04 payments at 21:07."""
    t0 = ms(dt.datetime(2026, 3, 14, 21, 0, 0))
    users = [f"u-{i:02d}" for i in range(1, 16)]
    rows = []
    t = t0
    while True:
        t += int(uni(1500, 5000))
        if t >= t0 + 600_000:
            break
        delay = int(uni(0, 2000)) if R.random() < 0.92 else int(uni(2000, 8000))
        user = pick([u for u in users if u not in ("u-07", "u-12")])
        rows.append((t + delay, t, user, round(uni(3, 120), 2)))
    for i in range(6):  # the burst
        ts = t0 + 185_000 + i * 7_000
        rows.append((ts + int(uni(100, 1500)), ts, "u-07", round(uni(180, 490), 2)))
    for i in range(4):  # the offline terminal
        ts = t0 + 240_000 + i * 12_000
        rows.append((t0 + 420_000 + i * 200, ts, "u-12", round(uni(10, 60), 2)))
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(OUT / "pagamentos.csv", "w") as f:
        f.write("user_id,valor,ts\n")
        for _, ts, user, valor in rows:
            f.write(f"{user},{valor:.2f},{iso_time(ts)}\n")
    return len(rows)


def murmur2(data):
    """Kafka's Utils.murmur2 (seed 0x9747b28c) on bytes, as a signed 32-bit int."""
    m, r = 0x5BD1E995, 24
    h = (0x9747B28C ^ len(data)) & 0xFFFFFFFF
    n4 = len(data) // 4
    for i in range(n4):
        k = int.from_bytes(data[4 * i:4 * i + 4], "little")
        k = (k * m) & 0xFFFFFFFF
        k ^= k >> r
        k = (k * m) & 0xFFFFFFFF
        h = ((h * m) & 0xFFFFFFFF) ^ k
    rest = len(data) % 4
    tail = data[4 * n4:]
    if rest == 3:
        h ^= tail[2] << 16
    if rest >= 2:
        h ^= tail[1] << 8
    if rest >= 1:
        h ^= tail[0]
        h = (h * m) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * m) & 0xFFFFFFFF
    h ^= h >> 15
    return h - (1 << 32) if h >= 1 << 31 else h


def kafka_partition(key, partitions):
    """The Java producer's partition of a keyed record: toPositive(murmur2(key)) % partitions."""
    return (murmur2(key.encode("utf-8")) & 0x7FFFFFFF) % partitions


def sensores():
    """Temperature sensors, one per Kafka partition, a reading every 5 s for 10 minutes. Each sensor's
    partition is the one Kafka's producer gives its key on a 4-partition topic (murmur2: sensor-1..4
    -> 1, 3, 0, 2; the kafka-clients 4.3.1 Utils.murmur2 gives the same), so the trace agrees with the
    sensores-no-topico scenario and a real topic. sensor-3 (partition 0) goes quiet from 08:02 to 08:06
    and holds the watermark back; readings arrive 0-3 s late, and the gateway of sensor-1 flushes a
    buffer 40 s late at 08:08."""
    t0 = ms(dt.datetime(2026, 3, 14, 8, 0, 0))
    rows = []
    for s in range(4):
        base = [21.0, 19.5, 23.0, 20.0][s]
        for k in range(120):
            ts = t0 + k * 5000 + s * 700
            if s == 2 and 120_000 <= ts - t0 < 360_000:
                continue
            delay = int(uni(0, 3000))
            if s == 0 and 440_000 <= ts - t0 < 480_000:
                delay = 40_000 + int(uni(0, 500))
            temp = round(base + 1.5 * R.random() + (0.02 * k if s == 1 else 0), 1)
            sensor = f"sensor-{s + 1}"
            rows.append((ts + delay, ts, sensor, temp, kafka_partition(sensor, 4)))
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(OUT / "sensores_iot.csv", "w") as f:
        f.write("ts,sensor,temperatura,partition,arrival\n")
        for arrival, ts, sensor, temp, part in rows:
            f.write(f"{ts},{sensor},{temp},{part},{arrival}\n")
    return len(rows)


if __name__ == "__main__":
    print("cliques_do_site", cliques())
    print("pagamentos", pagamentos())
    print("sensores_iot", sensores())
