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
    private final long[] markerSeen; // per window subtask: last element whose marker arrived
    private final List<String> firings = new ArrayList<>();
    private final List<String> lates = new ArrayList<>();
    /** Per window subtask: a key whose records go to it (for the markers). */
    final String[] markerKey;

    private Sequencer(List<Event> events, int parallelism, int maxParallelism) {
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
    }

    /** Split p is read by source subtask p mod N (fluxolab-cli replay without --topic). */
    static int splitOwner(int partition, int parallelism) {
        return partition % parallelism;
    }

    static synchronized Sequencer start(List<Event> events, int parallelism, int maxParallelism) {
        current = new Sequencer(events, parallelism, maxParallelism);
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

    /** Blocks until it is this source subtask's turn; returns the element's index, or -1 at the end. */
    synchronized int awaitTurn(int subtask) {
        await(() -> next >= size || owner[next] == subtask, "the turn of source subtask " + subtask);
        return next >= size ? -1 : next;
    }

    /** Blocks until the gate in front of the window operator has processed element {@code seq}. */
    synchronized void awaitElement(long seq) {
        await(() -> elementDone >= seq, "element " + seq + " at its window subtask");
    }

    /**
     * After the last element: blocks until it is this source subtask's turn to end its input
     * (subtasks in index order); returns the number its markers carry (size + subtask).
     */
    synchronized long awaitFinishTurn(int subtask) {
        await(() -> finishing == subtask, "the end of input of source subtask " + subtask);
        return (long) size + subtask;
    }

    /**
     * Blocks until every window subtask has seen the marker numbered {@code seq} (an element's index,
     * or size + subtask at the end of input), then lets the next element or subtask go.
     */
    synchronized void awaitMarkers(long seq) {
        await(() -> {
            for (long m : markerSeen) if (m < seq) return false;
            return true;
        }, "the markers after element " + seq);
        if (seq < size) next = (int) seq + 1;
        else finishing = (int) (seq - size) + 1;
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

    synchronized void emit(String line) {
        if (line.startsWith("LATE,")) lates.add(line);
        else firings.add(line);
    }

    synchronized List<String> lines() {
        List<String> all = new ArrayList<>(firings);
        all.addAll(lates);
        return all;
    }
}
