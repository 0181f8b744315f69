// Probe of the real Flink 2.3.0 event-time timer queue (the heap backend's HeapPriorityQueueSetFactory,
// which builds one HeapPriorityQueueSet over key groups 0..127): a fixed LCG sequence of adds, removes
// and polls of TimerHeapInternalTimer<String, VoidNamespace>; prints the popped timers in order.
// Its outputs for seeds 1, 2, 3 are the goldens of tests/stream/test_stream_timer_heap.cpp.
//   cp=$(cat ~/.cache/fluxolab/flink-harness/*/classpath.txt)   # after tests/flink/flink-replay.sh built it
//   javac -cp "$cp" -d /tmp TimerHeapProbe.java && java -cp "$cp:/tmp" TimerHeapProbe 1
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.heap.HeapPriorityQueueSetFactory;
import org.apache.flink.runtime.state.KeyGroupedInternalPriorityQueue;
import org.apache.flink.streaming.api.operators.TimerHeapInternalTimer;
import org.apache.flink.runtime.state.VoidNamespace;
import java.util.*;
public class TimerHeapProbe {
  public static void main(String[] a) {
    HeapPriorityQueueSetFactory f = new HeapPriorityQueueSetFactory(new KeyGroupRange(0, 127), 128, 128);
    KeyGroupedInternalPriorityQueue<TimerHeapInternalTimer<String, VoidNamespace>> q = f.create("t", null);
    long x = Long.parseLong(a[0]);
    List<long[]> added = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      long r = x >>> 33;
      if (r % 5 == 0 && !added.isEmpty()) {
        long[] t = added.get((int) ((r / 5) % added.size()));
        q.remove(new TimerHeapInternalTimer<>(t[1], "k" + t[0], VoidNamespace.INSTANCE));
      } else {
        long k = (r / 7) % 12, ts = 1000 * ((r / 97) % 4);
        added.add(new long[]{k, ts});
        q.add(new TimerHeapInternalTimer<>(ts, "k" + k, VoidNamespace.INSTANCE));
      }
      if (r % 11 == 0 && q.size() > 0) { var t = q.poll(); sb.append("P").append(t.getKey()).append('@').append(t.getTimestamp()).append(' '); }
    }
    while (q.size() > 0) { var t = q.poll(); sb.append(t.getKey()).append('@').append(t.getTimestamp()).append(' '); }
    System.out.println(sb.toString().trim());
  }
}
