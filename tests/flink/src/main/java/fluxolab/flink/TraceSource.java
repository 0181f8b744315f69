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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded FLIP-27 source that replays a trace in arrival order, one split per trace partition,
 * the way Flink's Kafka source reads one split per Kafka partition at parallelism 1.
 *
 * <p>Every element is emitted through its split's own output ({@link
 * ReaderOutput#createOutputForSplit}), so Flink's own machinery keeps one watermark generator per
 * split and makes the source's watermark the minimum over the splits. As in {@code
 * SourceReaderBase} (the base of the Kafka source reader) a split's output is created when its
 * first element is read, so a partition takes part in the minimum from its first element on.
 * Splits are never released before the end of input (the trace is a recording of an unbounded
 * stream), and the end of input gives Flink's final Long.MAX_VALUE watermark.
 */
public final class TraceSource implements Source<Event, TraceSource.Split, Integer> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<Event> events;

    public TraceSource(List<Event> events) {
        this.events = new ArrayList<>(events);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Event, Split> createReader(SourceReaderContext ctx) {
        return new Reader(events);
    }

    @Override
    public SplitEnumerator<Split, Integer> createEnumerator(SplitEnumeratorContext<Split> ctx) {
        TreeSet<Integer> parts = new TreeSet<>();
        for (Event e : events) parts.add(e.partition);
        if (parts.isEmpty()) parts.add(0);
        return new Enumerator(ctx, new ArrayList<>(parts));
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

        Enumerator(SplitEnumeratorContext<Split> ctx, List<Integer> partitions) {
            this.ctx = ctx;
            this.partitions = partitions;
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
            for (int p : partitions) splits.add(new Split(p));
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

        Reader(List<Event> events) {
            this.events = events;
        }

        @Override
        public void start() {}

        @Override
        public InputStatus pollNext(ReaderOutput<Event> output) {
            if (!allAssigned.isDone()) return InputStatus.NOTHING_AVAILABLE;
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
