package fluxolab.flink;

import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a DataStream job at parallelism > 1 deterministic (MiniCluster: every subtask is a thread of
 * this JVM, so they can share this object). Without it, which source subtask runs first and in which
 * order a window subtask reads its input channels depend on the threads, and so do the firings.
 *
 * <p>The trace is released one element at a time, in arrival order, by the source subtask that owns
 * the element's split, and the next element only after the previous one has had all its effects:
 * <ol>
 *   <li>the element reaches the gate in front of its key's window subtask (the gate and the window
 *       operator are chained: when the gate returns, the window operator has processed it, late
 *       firing or side output included) — only then does the split's generator emit its watermark
 *       ({@link FlinkReplay.PerEvent} waits for it), as FluxoLab processes an element before the
 *       watermark it raises;</li>
 *   <li>the source subtask then sends a marker to every window subtask, after that watermark on the
 *       same channels (channels are FIFO); a window subtask's gate that sees the marker has read the
 *       watermark and, if its valve moved, fired every timer it made due.</li>
 * </ol>
 * Every firing and late element is recorded here as it happens ({@link #emit}), so the output is in
 * processing order, whichever thread produced it. Nothing is guessed: if Flink did not deliver what
 * is waited for, the wait fails after a timeout instead of printing something else.
 */
public final class Sequencer {
    private static final long TIMEOUT_MS = 120_000;
    private static Sequencer current;

    final int parallelism;
    final int size;
    private final int[] owner; // source subtask of each element
    private int next = 0; // the element being released
    private int finishing = 0; // the source subtask whose input ends next
    private long elementDone = -1; // last element processed by its gate
    private final long[] markerSeen; // per window subtask: the last marker id that arrived
    private final List<String> firings = new ArrayList<>();
    private final List<String> lates = new ArrayList<>();
    /** Per window subtask: a key whose records go to it (for the markers). */
    final String[] markerKey;
    // Virtual periodic ticks (idleness): tick k at tickTime[k], before element tickBefore[k]; every
    // source subtask takes it in index order.
    private final long[] tickTime;
    private final int[] tickBefore;
    private int tickPos = 0;
    private int tickSub = 0;
    private long markerIds = 0;
    /**
     * SQL at parallelism > 1: no markers (the planner's local window aggregation, chained to each source
     * subtask, buffers every row until a watermark flushes it, so a marker row would not arrive, and
     * flushing it would change the job). Instead a turn ends when the source subtask's output
     * subpartitions are drained (every buffer taken by its consumer) and then every global window
     * aggregation subtask is idle (its mailbox's default action suspended for want of input): a
     * subtask processes the buffers it took in order, one at a time, so nothing of the next turn can
     * come before anything of this one. Both read through reflection (Flink 2.3.0 internals).
     */
    boolean sql;
    private Object[] consumers;

    /** The virtual processing time (ns) the idleness timers read (VirtualClock). */
    static volatile long nowNanos = 0;

    /** What a source subtask does in its turn. */
    static final class Turn {
        static final int ELEMENT = 0, TICK = 1, END = 2;
        int kind;
        int index; // ELEMENT: the element
        long time; // TICK: the virtual time (ms)
        long id;   // the number its markers carry
    }

    private Sequencer(List<Event> events, int parallelism, int maxParallelism, long tickInterval) {
        this.parallelism = parallelism;
        this.size = events.size();
        owner = new int[size];
        for (int i = 0; i < size; ++i) owner[i] = splitOwner(events.get(i).partition, parallelism);
        markerSeen = new long[parallelism];
        java.util.Arrays.fill(markerSeen, -1);
        markerKey = new String[parallelism];
        int found = 0;
        for (int i = 0; found < parallelism; ++i) {
            String k = "\u0001marker-" + i;
            int j = KeyGroupRangeAssignment.assignKeyToParallelOperator(k, maxParallelism, parallelism);
            if (markerKey[j] == null) {
                markerKey[j] = k;
                ++found;
            }
        }
        // As FluxoLab's engine: the job starts at the first arrival; ticks every interval after it; a
        // tick at an element's arrival comes before the element; none after the last element.
        List<long[]> ticks = new ArrayList<>();
        if (tickInterval > 0 && size > 0) {
            long t = events.get(0).arrival + tickInterval;
            for (int i = 1; i < size; ++i)
                for (; t <= events.get(i).arrival; t += tickInterval) ticks.add(new long[] {t, i});
        }
        tickTime = new long[ticks.size()];
        tickBefore = new int[ticks.size()];
        for (int k = 0; k < ticks.size(); ++k) {
            tickTime[k] = ticks.get(k)[0];
            tickBefore[k] = (int) ticks.get(k)[1];
        }
    }

    /** Split p is read by source subtask p mod N (fluxolab-cli replay without --topic). */
    static int splitOwner(int partition, int parallelism) {
        return partition % parallelism;
    }

    static synchronized Sequencer start(List<Event> events, int parallelism, int maxParallelism, long tickInterval) {
        current = new Sequencer(events, parallelism, maxParallelism, tickInterval);
        nowNanos = 0;
        return current;
    }

    static synchronized Sequencer get() {
        return current;
    }

    static synchronized void stop() {
        current = null;
    }

    private void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!done.getAsBoolean()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new IllegalStateException("sequencer: timed out waiting for " + what);
            try {
                wait(Math.min(left, 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sequencer: interrupted waiting for " + what);
            }
        }
    }

    private boolean tickPending() {
        return tickPos < tickTime.length && tickBefore[tickPos] == next;
    }

    private boolean isMine(int subtask) {
        if (next >= size) return finishing == subtask;
        if (tickPending()) return tickSub == subtask;
        return owner[next] == subtask;
    }

    /** Blocks until this source subtask has a turn: an element, a tick, or the end of its input. */
    synchronized Turn awaitTurn(int subtask) {
        await(() -> isMine(subtask), "the turn of source subtask " + subtask);
        Turn t = new Turn();
        t.id = ++markerIds;
        if (next >= size) {
            t.kind = Turn.END;
        } else if (tickPending()) {
            t.kind = Turn.TICK;
            t.time = tickTime[tickPos];
            nowNanos = t.time * 1_000_000L;
        } else {
            t.kind = Turn.ELEMENT;
            t.index = next;
        }
        return t;
    }

    /** Blocks until the gate in front of the window operator has processed element {@code seq}. */
    synchronized void awaitElement(long seq) {
        await(() -> elementDone >= seq, "element " + seq + " at its window subtask");
    }

    /** Blocks until every window subtask has seen this turn's markers, then ends the turn. */
    synchronized void finishTurn(Turn t) {
        if (!sql)
            await(() -> {
                for (long m : markerSeen) if (m < t.id) return false;
                return true;
            }, "the markers of turn " + t.id);
        if (t.kind == Turn.ELEMENT) {
            ++next;
        } else if (t.kind == Turn.TICK) {
            if (++tickSub == parallelism) {
                tickSub = 0;
                ++tickPos;
            }
        } else {
            ++finishing;
        }
        notifyAll();
    }

    synchronized void elementDone(long seq) {
        elementDone = Math.max(elementDone, seq);
        notifyAll();
    }

    synchronized void markerSeen(int windowSubtask, long seq) {
        markerSeen[windowSubtask] = Math.max(markerSeen[windowSubtask], seq);
        notifyAll();
    }

    synchronized void registerConsumer(int subtask, Object streamTask) {
        if (consumers == null) consumers = new Object[parallelism];
        consumers[subtask] = streamTask;
        notifyAll();
    }

    /**
     * SQL: blocks until everything this source subtask wrote (its task's result partitions) has been
     * taken by the consumers and every consumer is idle (see {@link #sql}). Not synchronized: it polls.
     */
    void awaitQuiet(Object sourceTask) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        int quietChecks = 0;
        while (quietChecks < 3) { // idle three times in a row, 1 ms apart
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("sequencer: timed out waiting for the SQL window subtasks");
            boolean quiet;
            try {
                quiet = drained(sourceTask) && consumersIdle();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sequencer: cannot read Flink's task state: " + e, e);
            }
            quietChecks = quiet ? quietChecks + 1 : 0;
            try {
                Thread.sleep(quiet ? 1 : 0, quiet ? 0 : 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sequencer: interrupted");
            }
        }
    }

    private static boolean drained(Object sourceTask) throws ReflectiveOperationException {
        Object env = sourceTask.getClass().getMethod("getEnvironment").invoke(sourceTask);
        Object[] writers = (Object[]) env.getClass().getMethod("getAllWriters").invoke(env);
        java.lang.reflect.Field subs = Class.forName(
                "org.apache.flink.runtime.io.network.partition.BufferWritingResultPartition").getDeclaredField("subpartitions");
        subs.setAccessible(true);
        Class<?> pipelined = Class.forName("org.apache.flink.runtime.io.network.partition.PipelinedSubpartition");
        java.lang.reflect.Field buffers = pipelined.getDeclaredField("buffers");
        buffers.setAccessible(true);
        for (Object w : writers) {
            for (Object sp : (Object[]) subs.get(w)) {
                if (!pipelined.isInstance(sp))
                    throw new IllegalStateException("sequencer: unexpected subpartition " + sp.getClass());
                Object deque = buffers.get(sp);
                synchronized (deque) {
                    for (Object b : (Iterable<?>) deque) {
                        org.apache.flink.runtime.io.network.buffer.BufferConsumerWithPartialRecordLength c =
                                (org.apache.flink.runtime.io.network.buffer.BufferConsumerWithPartialRecordLength) b;
                        if (c.getBufferConsumer().isDataAvailable()) return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean consumersIdle() throws ReflectiveOperationException {
        Object[] cs;
        synchronized (this) {
            if (consumers == null) return false;
            cs = consumers.clone();
        }
        java.lang.reflect.Field mp = org.apache.flink.streaming.runtime.tasks.StreamTask.class.getDeclaredField("mailboxProcessor");
        mp.setAccessible(true);
        for (Object task : cs) {
            if (task == null) return false;
            org.apache.flink.streaming.runtime.tasks.mailbox.MailboxProcessor m =
                    (org.apache.flink.streaming.runtime.tasks.mailbox.MailboxProcessor) mp.get(task);
            if (m.isDefaultActionAvailable()) return false; // running, or about to run, its input
        }
        return true;
    }

    synchronized void emit(String line) {
        if (FlinkReplay.isLate(line)) lates.add(line);
        else firings.add(line);
    }

    synchronized List<String> lines() {
        List<String> all = new ArrayList<>(firings);
        all.addAll(lates);
        return all;
    }
}
