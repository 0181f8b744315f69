// Probe of a real Flink 2.3.0 KeyedProcessFunction's timers (MiniCluster, parallelism 1): in which order
// timers of several keys with the same time fire, event time and processing time, with deletions.
// A fixed LCG makes 240 elements over keys k0..k6 (event time i * 250 ms, a watermark after every
// element: monotonous, ts - 1); each registers an event-time timer at a whole second 1..3 s after its
// own, sometimes deletes one, and registers (sometimes deletes) a processing-time timer at T0 + 0/1/2 s,
// T0 being a whole second >= 3 s after the first element (all elements are processed long before).
// The source then sleeps 7 s (a map chained to it) so that the processing-time timers fire before the
// end of input (Flink drops pending processing-time timers when the input ends). Prints the timers in
// firing order: "E key@time" and "P key@(time - T0)". The output is the golden of
// tests/stream/test_stream_process.cpp ("timers of several keys at the same time fire in Flink's heap order").
//   cp=$(tests/flink/flink-replay.sh --build)
//   javac -cp "$cp" -d /tmp ProcessTimerProbe.java && java -cp "$cp:/tmp" ProcessTimerProbe
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class ProcessTimerProbe {
  static final List<String> OUT = Collections.synchronizedList(new ArrayList<>());
  static volatile long t0 = -1;

  /** (key, event time, r): r drives the timers; key "end" is the sleep marker. */
  static List<Tuple3<String, Long, Long>> elements() {
    List<Tuple3<String, Long, Long>> l = new ArrayList<>();
    long x = 7;
    for (int i = 0; i < 240; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      long r = x >>> 33;
      l.add(Tuple3.of("k" + (r % 7), i * 250L, r));
    }
    l.add(Tuple3.of("end", 239 * 250L, 0L));
    return l;
  }

  static final class PerEvent implements WatermarkGenerator<Tuple3<String, Long, Long>> {
    long max = Long.MIN_VALUE;
    public void onEvent(Tuple3<String, Long, Long> e, long ts, WatermarkOutput out) {
      max = Math.max(max, ts);
      out.emitWatermark(new Watermark(max - 1));
    }
    public void onPeriodicEmit(WatermarkOutput out) {}
  }

  static final class Fn extends KeyedProcessFunction<String, Tuple3<String, Long, Long>, String> {
    @Override
    public void processElement(Tuple3<String, Long, Long> e, Context ctx, Collector<String> out) {
      if (e.f0.equals("end")) return;
      if (t0 < 0) t0 = (ctx.timerService().currentProcessingTime() / 1000 + 3) * 1000;
      long r = e.f2;
      long ev = (e.f1 / 1000 + 1 + (r / 3) % 3) * 1000;
      ctx.timerService().registerEventTimeTimer(ev);
      if ((r / 11) % 4 == 0) ctx.timerService().deleteEventTimeTimer((e.f1 / 1000 + 1 + (r / 13) % 3) * 1000);
      long pt = t0 + 1000 * ((r / 17) % 3);
      ctx.timerService().registerProcessingTimeTimer(pt);
      if ((r / 19) % 5 == 0) ctx.timerService().deleteProcessingTimeTimer(t0 + 1000 * ((r / 23) % 3));
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<String> out) {
      switch (ctx.timeDomain()) {
        case EVENT_TIME -> OUT.add("E " + ctx.getCurrentKey() + "@" + t);
        default -> OUT.add("P " + ctx.getCurrentKey() + "@" + (t - t0));
      }
    }
  }

  public static void main(String[] a) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    env.fromData(elements())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Long, Long>>forGenerator(c -> new PerEvent())
            .withTimestampAssigner((e, ts) -> e.f1))
        .map(e -> {
          if (e.f0.equals("end")) Thread.sleep(7000);
          return e;
        }).returns(Types.TUPLE(Types.STRING, Types.LONG, Types.LONG))
        .keyBy(e -> e.f0)
        .process(new Fn())
        .sinkTo(new org.apache.flink.api.connector.sink2.Sink<String>() {
          public org.apache.flink.api.connector.sink2.SinkWriter<String> createWriter(
              org.apache.flink.api.connector.sink2.WriterInitContext c) {
            return new org.apache.flink.api.connector.sink2.SinkWriter<>() {
              public void write(String s, Context c) {}
              public void flush(boolean b) {}
              public void close() {}
            };
          }
        });
    env.execute("process-timer-probe");
    System.out.println(String.join(" ", OUT));
  }
}
