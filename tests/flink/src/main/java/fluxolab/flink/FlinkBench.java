package fluxolab.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Flink side of the stream engine's performance target (issue #10): N events (default 10 M),
 * K keys (default 10 000), event-time tumbling 1-minute count, 5 s bounded out-of-orderness, a
 * watermark after every event, parallelism 1, MiniCluster. Events are generated in the source (no
 * parsing): element i has key (i * 7919) mod K and event time i/10 ms (10 000 events per second of
 * event time, so 10 M events span 1000 s: 17 windows per key) minus a pseudo-random delay below 5 s.
 * Prints the events per second over the job's net runtime (what JobExecutionResult reports).
 *
 *     java -cp ... fluxolab.flink.FlinkBench [EVENTS [KEYS]]
 */
public final class FlinkBench {
    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlinkReplay.config());
        env.setParallelism(1);
        WatermarkStrategy<Tuple2<Integer, Long>> wms = WatermarkStrategy.<Tuple2<Integer, Long>>forGenerator(
                        ctx -> new FlinkReplay.PerEvent<>(new BoundedOutOfOrdernessWatermarks<>(Duration.ofSeconds(5))))
                .withTimestampAssigner((e, t) -> e.f1);
        env.fromSource(new Gen(events, keys), wms, "generated")
                .keyBy(e -> e.f0, Types.INT)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new Count(), Types.LONG, Types.LONG)
                .sinkTo(new DiscardingSink<>());
        long wall = System.nanoTime();
        JobExecutionResult r = env.execute("fluxolab-flink-bench");
        double wallS = (System.nanoTime() - wall) / 1e9;
        double netS = r.getNetRuntime() / 1000.0;
        System.out.printf("flink: %d events, %d keys, tumble 1m count, bound 5s, per-event watermarks, parallelism 1%n",
                events, keys);
        System.out.printf("flink: job net runtime %.2f s (%.2f s with the MiniCluster's job submission)%n", netS, wallS);
        System.out.printf("flink_events_per_second=%.0f%n", events / netS);
    }

    public static final class Count implements AggregateFunction<Tuple2<Integer, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<Integer, Long> e, Long a) {
            return a + 1;
        }

        @Override
        public Long getResult(Long a) {
            return a;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Generates the events in the reader: one split, no I/O. */
    static final class Gen implements Source<Tuple2<Integer, Long>, TraceSource.Split, Integer> {
        private static final long serialVersionUID = 1L;
        private final long events;
        private final int keys;

        Gen(long events, int keys) {
            this.events = events;
            this.keys = keys;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<TraceSource.Split, Integer> createEnumerator(SplitEnumeratorContext<TraceSource.Split> c) {
            return new TraceSource.Enumerator(c, List.of(0), 1);
        }

        @Override
        public SplitEnumerator<TraceSource.Split, Integer> restoreEnumerator(
                SplitEnumeratorContext<TraceSource.Split> c, Integer s) {
            return createEnumerator(c);
        }

        @Override
        public SimpleVersionedSerializer<TraceSource.Split> getSplitSerializer() {
            return new TraceSource.SplitSerializer();
        }

        @Override
        public SimpleVersionedSerializer<Integer> getEnumeratorCheckpointSerializer() {
            return new TraceSource.IntSerializer();
        }

        @Override
        public SourceReader<Tuple2<Integer, Long>, TraceSource.Split> createReader(SourceReaderContext ctx) {
            final long n = events;
            final int k = keys;
            return new SourceReader<>() {
                private final CompletableFuture<Void> ready = new CompletableFuture<>();
                private long i = 0;

                @Override
                public void start() {}

                @Override
                public InputStatus pollNext(ReaderOutput<Tuple2<Integer, Long>> out) {
                    if (!ready.isDone()) return InputStatus.NOTHING_AVAILABLE;
                    // A batch per call, as real readers do; the watermark still follows every event.
                    for (int b = 0; b < 1024 && i < n; ++b, ++i) {
                        long x = i * 0x9E3779B97F4A7C15L;
                        long delay = ((x >>> 40) % 5000);
                        out.collect(Tuple2.of((int) ((i * 7919) % k), i / 10 - delay));
                    }
                    return i < n ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
                }

                @Override
                public List<TraceSource.Split> snapshotState(long id) {
                    return List.of();
                }

                @Override
                public CompletableFuture<Void> isAvailable() {
                    return ready;
                }

                @Override
                public void addSplits(List<TraceSource.Split> s) {}

                @Override
                public void notifyNoMoreSplits() {
                    ready.complete(null);
                }

                @Override
                public void close() {}
            };
        }
    }
}
