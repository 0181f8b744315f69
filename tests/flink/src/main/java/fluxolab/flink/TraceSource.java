package fluxolab.flink;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded FLIP-27 source that replays a trace in arrival order, one split per trace partition,
 * the way Flink's Kafka source reads one split per Kafka partition at parallelism 1.
 *
 * <p>Every element is emitted through its split's own output ({@link
 * ReaderOutput#createOutputForSplit}), so Flink's own machinery keeps one watermark generator per
 * split and makes the source's watermark the minimum over the splits. Flink's SourceOperator
 * creates a split's output when the split is assigned (handleAddSplitsEvent, Flink 2.3.0), so a
 * partition takes part in the minimum from the start and holds it at -inf until its first element.
 * Splits are never released before the end of input (the trace is a recording of an unbounded
 * stream), and the end of input gives Flink's final Long.MAX_VALUE watermark.
 */
public final class TraceSource implements Source<Event, TraceSource.Split, Integer> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<Event> events;
    private final int parallelism;
    private final boolean sequenced;

    public TraceSource(List<Event> events) {
        this(events, 1, false);
    }

    /**
     * Split p is assigned to source subtask p mod N; `sequenced`: the elements are released in
     * arrival order by the JVM's {@link Sequencer} (which must be started first).
     */
    public TraceSource(List<Event> events, int parallelism, boolean sequenced) {
        this.events = new ArrayList<>(events);
        this.parallelism = parallelism;
        this.sequenced = sequenced;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Event, Split> createReader(SourceReaderContext ctx) {
        return new Reader(events, sequenced ? Sequencer.get() : null, ctx.getIndexOfSubtask(), ctx);
    }

    @Override
    public SplitEnumerator<Split, Integer> createEnumerator(SplitEnumeratorContext<Split> ctx) {
        // The partitions 0..max of the trace (as fluxolab-cli replay: an empty one still has a split).
        int max = 0;
        for (Event e : events) max = Math.max(max, e.partition);
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p <= max; ++p) parts.add(p);
        return new Enumerator(ctx, parts, parallelism);
    }

    @Override
    public SplitEnumerator<Split, Integer> restoreEnumerator(SplitEnumeratorContext<Split> ctx, Integer state) {
        return createEnumerator(ctx);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Integer> getEnumeratorCheckpointSerializer() {
        return new IntSerializer();
    }

    /** One trace partition. */
    public static final class Split implements SourceSplit {
        final int partition;

        Split(int partition) {
            this.partition = partition;
        }

        @Override
        public String splitId() {
            return Integer.toString(partition);
        }
    }

    static final class Enumerator implements SplitEnumerator<Split, Integer> {
        private final SplitEnumeratorContext<Split> ctx;
        private final List<Integer> partitions;
        private final int parallelism;

        Enumerator(SplitEnumeratorContext<Split> ctx, List<Integer> partitions, int parallelism) {
            this.ctx = ctx;
            this.partitions = partitions;
            this.parallelism = parallelism;
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtask, String host) {}

        @Override
        public void addSplitsBack(List<Split> splits, int subtask) {}

        @Override
        public void addReader(int subtask) {
            List<Split> splits = new ArrayList<>();
            for (int p : partitions)
                if (Sequencer.splitOwner(p, parallelism) == subtask) splits.add(new Split(p));
            Map<Integer, List<Split>> a = new HashMap<>();
            a.put(subtask, splits);
            ctx.assignSplits(new SplitsAssignment<>(a));
            ctx.signalNoMoreSplits(subtask);
        }

        @Override
        public Integer snapshotState(long checkpointId) {
            return 0;
        }

        @Override
        public void close() {}
    }

    static final class Reader implements SourceReader<Event, Split> {
        private final List<Event> events;
        private final Map<Integer, SourceOutput<Event>> outputs = new HashMap<>();
        private final List<Split> splits = new ArrayList<>();
        private final CompletableFuture<Void> allAssigned = new CompletableFuture<>();
        private int next = 0;
        private final Sequencer seq;

        Reader(List<Event> events, Sequencer seq, int subtask, SourceReaderContext ctx) {
            this.events = events;
            this.seq = seq;
            this.subtask = subtask;
            this.ctx = ctx;
        }

        private final SourceReaderContext ctx;
        private Object eventTimeLogic;
        private java.lang.reflect.Method emitImmediate;

        /**
         * A virtual periodic tick: Flink's own periodic emission, exactly what its timer runs every
         * pipeline.auto-watermark-interval (ProgressiveTimestampsAndWatermarks#emitImmediateWatermark,
         * Flink 2.3.0): every split generator's onPeriodicEmit on its deferred output, the splits'
         * watermarks combined once (WatermarkOutputMultiplexer#onPeriodicEmit), then the main output's.
         * Called here, on the source's mailbox thread, like the timer. The SourceOperator is reached
         * through the reader context (an inner class of it) because Flink exposes no hook for it.
         */
        /** This reader's SourceOperator (the reader context is an inner class of it). */
        private org.apache.flink.streaming.api.operators.SourceOperator<?, ?> sourceOperator() {
            try {
                java.lang.reflect.Field outer = ctx.getClass().getDeclaredField("this$0");
                outer.setAccessible(true);
                return (org.apache.flink.streaming.api.operators.SourceOperator<?, ?>) outer.get(ctx);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot reach the source operator: " + e, e);
            }
        }

        private Object sourceTask() {
            return sourceOperator().getContainingTask();
        }

        private void flinkPeriodicEmit(long time) {
            try {
                if (emitImmediate == null) {
                    Object op = sourceOperator();
                    java.lang.reflect.Field logic =
                            org.apache.flink.streaming.api.operators.SourceOperator.class.getDeclaredField("eventTimeLogic");
                    logic.setAccessible(true);
                    eventTimeLogic = logic.get(op);
                    emitImmediate = eventTimeLogic.getClass().getMethod("emitImmediateWatermark", long.class);
                }
                emitImmediate.invoke(eventTimeLogic, time);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot run Flink's periodic watermark emission: " + e, e);
            }
        }

        private final int subtask;

        @Override
        public void start() {}

        @Override
        public InputStatus pollNext(ReaderOutput<Event> output) {
            if (!allAssigned.isDone()) return InputStatus.NOTHING_AVAILABLE;
            if (seq != null) {
                // Parallelism > 1 or idleness (see Sequencer): this subtask's turn. An element (its
                // generator's watermark waits until the element is processed); a virtual periodic tick
                // through each of its split outputs and its main output (idleness); or the end of its
                // input (its MAX watermark). Then a marker to every window subtask.
                Sequencer.Turn t = seq.awaitTurn(subtask);
                if (t.kind == Sequencer.Turn.ELEMENT) {
                    Event e = events.get(t.index);
                    outputs.computeIfAbsent(e.partition, p -> output.createOutputForSplit(Integer.toString(p))).collect(e);
                } else if (t.kind == Sequencer.Turn.TICK) {
                    // Create the outputs of splits that have had no element yet (Flink created them at
                    // assignment; this returns the existing ones), then Flink's periodic emission.
                    for (Split sp : splits)
                        outputs.computeIfAbsent(sp.partition, q -> output.createOutputForSplit(Integer.toString(q)));
                    flinkPeriodicEmit(t.time);
                } else {
                    Event fin = new Event();
                    fin.marker = true;
                    fin.finish = true;
                    fin.seq = t.id;
                    fin.key = seq.markerKey[0];
                    output.collect(fin);
                }
                if (seq.sql) {
                    // SQL: no markers; wait until the window subtasks have taken and processed it all.
                    seq.awaitQuiet(sourceTask());
                } else {
                    for (int j = 0; j < seq.parallelism; ++j) {
                        Event m = new Event();
                        m.marker = true;
                        m.seq = t.id;
                        m.key = seq.markerKey[j];
                        output.collect(m);
                    }
                }
                seq.finishTurn(t);
                return t.kind == Sequencer.Turn.END ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
            if (next >= events.size()) return InputStatus.END_OF_INPUT;
            Event e = events.get(next++);
            SourceOutput<Event> out =
                    outputs.computeIfAbsent(e.partition, p -> output.createOutputForSplit(Integer.toString(p)));
            out.collect(e);
            return next < events.size() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return splits;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return allAssigned;
        }

        @Override
        public void addSplits(List<Split> s) {
            splits.addAll(s);
        }

        @Override
        public void notifyNoMoreSplits() {
            allAssigned.complete(null);
        }

        @Override
        public void close() {}
    }

    static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Split s) {
            return ByteBuffer.allocate(4).putInt(s.partition).array();
        }

        @Override
        public Split deserialize(int version, byte[] b) {
            return new Split(ByteBuffer.wrap(b).getInt());
        }
    }

    static final class IntSerializer implements SimpleVersionedSerializer<Integer> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Integer v) {
            return ByteBuffer.allocate(4).putInt(v).array();
        }

        @Override
        public Integer deserialize(int version, byte[] b) {
            return ByteBuffer.wrap(b).getInt();
        }
    }
}
