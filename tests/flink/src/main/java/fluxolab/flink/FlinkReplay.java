package fluxolab.flink;

import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a FluxoLab trace through a real Apache Flink job (MiniCluster, parallelism 1, a watermark
 * after every element) and prints what {@code fluxolab-cli replay} prints: one line per window
 * firing in firing order, then one line per element of the late side output, then the summary.
 * See tests/flink/README.md for the options, the two modes and how each column is captured.
 */
public final class FlinkReplay {
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String m) {
            super(m);
        }
    }

    /** The parsed command line. */
    static final class Opts {
        String trace;
        Trace.Options read = new Trace.Options();
        String wmKind; // bounded | monotonous | sql
        long boundMs;
        String window; // tumble | hop | session | cumulate
        long size, slide, gap, step;
        long offset = 0;
        long lateness = 0;
        String agg = "count";
        boolean finalWatermark = true;
        int parallelism = 1;
        long idleMs = 0;
        long periodicMs = 0; // 0: a watermark after every element
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int rc = args.length == 2 && args[0].equals("--batch") ? batch(Path.of(args[1]), err) : run(args, out, err);
        out.flush();
        System.exit(rc);
    }

    /**
     * Runs several replays in one JVM (Flink's start-up is the slow part). Each non-empty line of
     * LIST that does not start with '#': OUT_FILE TRACE OPTIONS... (separated by spaces); the
     * output goes to OUT_FILE, the messages to OUT_FILE.err, the exit code to OUT_FILE.rc.
     */
    static int batch(Path list, PrintStream err) throws Exception {
        int worst = 0;
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+");
            Path outFile = Path.of(parts[0]);
            String[] args = java.util.Arrays.copyOfRange(parts, 1, parts.length);
            int rc;
            try (PrintStream o = new PrintStream(Files.newOutputStream(outFile), false, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(Files.newOutputStream(Path.of(outFile + ".err")), true,
                            StandardCharsets.UTF_8)) {
                try {
                    rc = run(args, o, e);
                } catch (Exception ex) {
                    ex.printStackTrace(e);
                    rc = 3;
                }
            }
            Files.writeString(Path.of(outFile + ".rc"), rc + "\n");
            if (rc != 0) err.println("flink-replay: " + String.join(" ", args) + ": exit " + rc + " (see " + outFile + ".err)");
            worst = Math.max(worst, rc);
        }
        return worst;
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Opts o;
        try {
            o = parse(args);
        } catch (UsageException e) {
            err.println("flink-replay: " + e.getMessage());
            return 2;
        }
        Trace trace;
        try {
            if (!Files.isRegularFile(Path.of(o.trace))) {
                err.println("flink-replay: cannot read '" + o.trace + "': not a regular file");
                return 2;
            }
            trace = Trace.read(Path.of(o.trace), o.read);
        } catch (Trace.TraceException e) {
            err.println("flink-replay: " + e.getMessage());
            return 2;
        }
        if (trace.skipped > 0)
            err.println("flink-replay: skipped " + trace.skipped + " bad line(s); first: " + trace.firstSkipped);
        List<String> lines;
        long sqlLateRows = 0;
        try {
            if (o.wmKind.equals("sql")) {
                lines = runSql(o, trace.events, false);
                // The default two-phase plan counts dropped *partial aggregates* (one per key and
                // slice) in numLateRecordsDropped, not rows: the same query planned in one phase
                // judges each row as it arrives and counts the rows it drops. With a watermark after
                // every row both plans drop the same rows (a late partial is flushed at the first
                // watermark that reaches a slice end, before the window holding it last can fire).
                LateDroppedReporter.reset();
                runSql(o, trace.events, true);
                sqlLateRows = LateDroppedReporter.total();
            } else if (o.parallelism > 1 || o.idleMs > 0 || o.periodicMs > 0) {
                lines = runDataStreamParallel(o, trace.events);
            } else {
                lines = runDataStream(o, trace.events);
            }
        } catch (UsageException e) {
            err.println("flink-replay: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | org.apache.flink.table.api.TableException e) {
            // Flink's own refusal of the job (e.g. a tumble offset not smaller than the size).
            err.println("flink-replay: Flink refused the job: " + e.getMessage());
            return 2;
        }
        int firings = 0, late = 0;
        for (String l : lines) {
            if (isLate(l)) continue;
            if (!o.finalWatermark && l.contains(",MAX,")) continue;
            out.println(l);
            ++firings;
        }
        for (String l : lines) {
            if (!isLate(l)) continue;
            out.println(l);
            ++late;
        }
        // Flink SQL drops late rows silently: no LATE lines, only the rows Flink's metric counted.
        late += sqlLateRows;
        out.println("SUMMARY,events=" + trace.events.size() + ",firings=" + firings + ",late=" + late);
        out.flush();
        return 0;
    }

    // ---------------------------------------------------------------------------------------------
    // Command line

    static long duration(String opt, String v) throws UsageException {
        String s = v.trim();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || (i == 0 && s.charAt(i) == '-'))) ++i;
        if (i == 0 || (i == 1 && s.charAt(0) == '-'))
            throw new UsageException(opt + " expects a duration such as 5s, 200ms, 1m or 1h, got '" + v + "'");
        long n;
        try {
            n = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw new UsageException(opt + ": duration too large: '" + v + "'");
        }
        String unit = s.substring(i);
        long mul;
        switch (unit) {
            case "ms": mul = 1; break;
            case "s": mul = 1000; break;
            case "m": case "min": mul = 60_000; break;
            case "h": mul = 3_600_000; break;
            case "d": mul = 86_400_000; break;
            default:
                throw new UsageException(opt + " expects a duration such as 5s, 200ms, 1m or 1h, got '" + v + "'");
        }
        try {
            return Math.multiplyExact(n, mul);
        } catch (ArithmeticException e) {
            throw new UsageException(opt + ": duration too large: '" + v + "'");
        }
    }

    static Opts parse(String[] a) throws UsageException {
        Opts o = new Opts();
        String wm = null, win = null;
        for (int i = 0; i < a.length; ++i) {
            String k = a[i];
            if (!k.startsWith("--")) {
                if (o.trace != null) throw new UsageException("only one trace file may be given");
                o.trace = k;
                continue;
            }
            if (k.equals("--no-final-watermark")) {
                o.finalWatermark = false;
                continue;
            }
            if (k.equals("--json"))
                throw new UsageException("--json is not supported by the harness (compare the text form)");
            if (i + 1 >= a.length) throw new UsageException(k + " needs a value");
            String v = a[++i];
            switch (k) {
                case "--format":
                    if (!v.equals("csv") && !v.equals("jsonl"))
                        throw new UsageException("--format expects csv or jsonl, got '" + v + "'");
                    o.read.format = v;
                    break;
                case "--watermark": wm = v; break;
                case "--watermark-interval":
                    // Periodic emission: the Sequencer's virtual ticks instead of Flink's wall clock.
                    o.periodicMs = v.equals("per-event") ? 0 : duration(k, v);
                    if (!v.equals("per-event") && o.periodicMs <= 0)
                        throw new UsageException("--watermark-interval must be positive, or per-event");
                    break;
                case "--idle-timeout":
                    // Flink's own WatermarksWithIdleness on a virtual clock, ticked by the Sequencer.
                    o.idleMs = duration(k, v);
                    if (o.idleMs <= 0) throw new UsageException("--idle-timeout must be positive");
                    break;
                case "--parallelism":
                    try {
                        o.parallelism = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        o.parallelism = 0;
                    }
                    if (o.parallelism < 1 || o.parallelism > 8)
                        throw new UsageException("--parallelism must be an integer from 1 to 8, got '" + v + "'");
                    break;
                case "--window": win = v; break;
                case "--offset": o.offset = duration(k, v); break;
                case "--allowed-lateness":
                    o.lateness = duration(k, v);
                    if (o.lateness < 0) throw new UsageException("--allowed-lateness must not be negative");
                    break;
                case "--agg": o.agg = v; break;
                case "--key": o.read.keyField = v; break;
                case "--time-field": o.read.timeField = v; break;
                case "--time-format":
                    if (!List.of("auto", "epoch-ms", "epoch-s", "iso", "sql").contains(v))
                        throw new UsageException("--time-format expects auto, epoch-ms, epoch-s, iso or sql, got '" + v + "'");
                    o.read.timeFormat = v;
                    break;
                case "--arrival-field": o.read.arrivalField = v; break;
                case "--partition-field": o.read.partitionField = v; break;
                case "--on-error":
                    if (!v.equals("fail") && !v.equals("skip"))
                        throw new UsageException("--on-error expects fail or skip, got '" + v + "'");
                    o.read.skipBadLines = v.equals("skip");
                    break;
                default: throw new UsageException("unknown option '" + k + "'");
            }
        }
        if (o.trace == null) throw new UsageException("usage: FlinkReplay TRACE --watermark ... --window ... [--agg ...]");
        if (wm == null) throw new UsageException("--watermark is required (bounded:5s, monotonous or sql:5s)");
        if (wm.equals("monotonous")) {
            o.wmKind = "monotonous";
            o.boundMs = 0;
        } else if (wm.startsWith("bounded:")) {
            o.wmKind = "bounded";
            o.boundMs = duration("--watermark", wm.substring(8));
        } else if (wm.startsWith("sql:")) {
            o.wmKind = "sql";
            o.boundMs = duration("--watermark", wm.substring(4));
        } else {
            throw new UsageException("--watermark expects bounded:5s, monotonous or sql:5s, got '" + wm + "'");
        }
        if (o.boundMs < 0) throw new UsageException("--watermark: the bound must not be negative");
        if (win == null) throw new UsageException("--window is required (tumble:60s, hop:10s,60s, session:30s or cumulate:10s,60s)");
        int colon = win.indexOf(':');
        if (colon < 0) throw new UsageException("--window expects tumble:60s, hop:10s,60s, session:30s or cumulate:10s,60s, got '" + win + "'");
        o.window = win.substring(0, colon);
        String[] p = win.substring(colon + 1).split(",", -1);
        switch (o.window) {
            case "tumble":
                if (p.length != 1) throw new UsageException("--window tumble takes one size, e.g. tumble:60s");
                o.size = duration("--window", p[0]);
                break;
            case "hop":
                if (p.length != 2) throw new UsageException("--window hop takes slide,size, e.g. hop:10s,60s");
                o.slide = duration("--window", p[0]);
                o.size = duration("--window", p[1]);
                if (o.slide <= 0) throw new UsageException("--window hop: the slide must be positive");
                break;
            case "session":
                if (p.length != 1) throw new UsageException("--window session takes one gap, e.g. session:30s");
                o.gap = duration("--window", p[0]);
                if (o.gap <= 0) throw new UsageException("--window session: the gap must be positive");
                if (o.offset != 0) throw new UsageException("--offset does not apply to session windows");
                break;
            case "cumulate":
                if (p.length != 2) throw new UsageException("--window cumulate takes step,size, e.g. cumulate:10s,60s");
                o.step = duration("--window", p[0]);
                o.size = duration("--window", p[1]);
                if (!o.wmKind.equals("sql"))
                    throw new UsageException("cumulate windows exist only in Flink SQL (use --watermark sql:...)");
                break;
            default:
                throw new UsageException("--window expects tumble, hop, session or cumulate, got '" + o.window + "'");
        }
        if (!o.window.equals("session") && o.size <= 0) throw new UsageException("--window: the size must be positive");
        if (o.wmKind.equals("sql") && (o.idleMs > 0 || o.periodicMs > 0))
            throw new UsageException("the harness runs --idle-timeout and periodic watermarks for DataStream runs only");
        if (o.wmKind.equals("sql") && o.lateness != 0)
            throw new UsageException("Flink SQL window aggregations have no allowed lateness (late rows are dropped)");
        if (o.agg.equals("count")) {
            o.read.valueField = null;
        } else {
            int c = o.agg.indexOf(':');
            String fn = c < 0 ? o.agg : o.agg.substring(0, c);
            if (!List.of("sum", "min", "max", "avg").contains(fn) || c < 0 || c + 1 == o.agg.length())
                throw new UsageException("--agg expects count, sum:FIELD, min:FIELD, max:FIELD or avg:FIELD, got '" + o.agg + "'");
            o.read.valueField = o.agg.substring(c + 1);
            o.agg = fn;
        }
        return o;
    }

    // ---------------------------------------------------------------------------------------------
    // Output formatting

    /** The shortest decimal that reads back as the same double, without an exponent. */
    static String shortest(double d) {
        if (d == 0) return "0";
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; ++p) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) return r.stripTrailingZeros().toPlainString();
        }
        return exact.toPlainString();
    }

    /**
     * The prefix of Flink's print sink (PrintSinkOutputWriter, no sink identifier): the subtask's index
     * + 1 and "> " when the operator has more than one subtask, nothing at parallelism 1. Every line a
     * window subtask emits carries its index, as a print sink chained to it would print it.
     */
    static String sinkPrefix(org.apache.flink.api.common.TaskInfo t) {
        return t.getNumberOfParallelSubtasks() > 1 ? (t.getIndexOfThisSubtask() + 1) + "> " : "";
    }

    /** A line without its print-sink prefix ("2> LATE,..." gives "LATE,..."). */
    static String body(String line) {
        int i = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i))) ++i;
        return i > 0 && line.startsWith("> ", i) ? line.substring(i + 2) : line;
    }

    static boolean isLate(String line) {
        return body(line).startsWith("LATE,");
    }

    static String watermark(long w) {
        return w == Long.MAX_VALUE ? "MAX" : Long.toString(w);
    }

    static String value(String agg, double[] acc) {
        switch (agg) {
            case "count": return Long.toString((long) acc[0]);
            case "sum": return shortest(acc[1]);
            case "min": return shortest(acc[2]);
            case "max": return shortest(acc[3]);
            default: return shortest(acc[1] / acc[0]);
        }
    }

    static Configuration config() {
        Configuration conf = new Configuration();
        // Watermarks come only from the per-element generators below; no periodic emission.
        conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
        // Every operator's numLateRecordsDropped counter, read after the job (LateDroppedReporter).
        conf.set(org.apache.flink.configuration.ConfigOptions.key("metrics.reporter.fluxolab_late.factory.class")
                .stringType().noDefaultValue(), LateDroppedReporter.class.getName());
        return conf;
    }

    static List<String> collect(DataStream<String> s) throws Exception {
        List<String> lines = new ArrayList<>();
        try (CloseableIterator<String> it = s.executeAndCollect("fluxolab-flink-replay")) {
            while (it.hasNext()) lines.add(it.next());
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------------
    // Watermarks: one after every element

    /**
     * Wraps one of Flink's generators and asks it for its watermark after every element, which is
     * what a periodic generator emits when a tick follows every element (FIDELITY §5.2).
     */
    public static final class PerEvent<T> implements WatermarkGenerator<T> {
        private final WatermarkGenerator<T> inner;

        public PerEvent(WatermarkGenerator<T> inner) {
            this.inner = inner;
        }

        @Override
        public void onEvent(T e, long ts, WatermarkOutput out) {
            if (e instanceof Event) {
                Event ev = (Event) e;
                if (ev.finish) {
                    // The Sequencer ends this source subtask's input: the watermark Flink emits at the
                    // end of input, sent while the other subtasks wait (see Sequencer).
                    out.emitWatermark(new Watermark(Long.MAX_VALUE));
                    return;
                }
                if (ev.marker) return; // a Sequencer marker is not an element
                // Parallelism > 1: the element is processed before the watermark it raises goes out.
                Sequencer s = Sequencer.get();
                if (s != null) s.awaitElement(ev.seq);
            }
            inner.onEvent(e, ts, out);
            inner.onPeriodicEmit(out);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput out) {
            inner.onPeriodicEmit(out);
        }
    }

    /**
     * The watermark of a SQL {@code WATERMARK FOR ts AS ts - INTERVAL ...} pushed into a source, one
     * generator per split, emitted after every row: the running max of (ts - bound), no extra -1 ms.
     */
    public static final class SqlPerEvent implements WatermarkGenerator<Event> {
        private final long bound;
        private long current = Long.MIN_VALUE;

        public SqlPerEvent(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(Event e, long ts, WatermarkOutput out) {
            if (e.finish) {
                // Parallelism > 1: the Sequencer ends this source subtask's input (see Sequencer).
                out.emitWatermark(new Watermark(Long.MAX_VALUE));
                return;
            }
            if (e.marker) return;
            current = Math.max(current, ts - bound);
            out.emitWatermark(new Watermark(current));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput out) {}
    }

    // ---------------------------------------------------------------------------------------------
    // DataStream mode

    /** Records the watermark each element finds on its way to the window operator. */
    public static final class StampWatermark extends ProcessFunction<Event, Event> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Event e, Context ctx, Collector<Event> out) {
            e.watermarkAtArrival = ctx.timerService().currentWatermark();
            out.collect(e);
        }
    }

    /** Whether the window that fired last had fired before (per task thread: one per window subtask). */
    static final class FireKind {
        static final ThreadLocal<boolean[]> BY_ELEMENT = ThreadLocal.withInitial(() -> new boolean[1]);

        static void set(boolean v) {
            BY_ELEMENT.get()[0] = v;
        }

        static boolean get() {
            return BY_ELEMENT.get()[0];
        }
    }

    /**
     * Flink's own EventTimeTrigger, unchanged, plus a note of whether the window it fires had fired
     * before: a flag in the trigger's own per-window state (Flink keeps it with the window's state, clears
     * it with the window at its cleanup time or when a merge swallows it; a session made by a merge starts
     * without it). A firing of a window that had fired is "late-update" (a late element within the
     * allowed lateness fired it again); every window's first firing is "on-time", also when a late
     * element created the window behind the watermark and fired it at once. The WindowOperator calls the
     * window function right after the trigger returns FIRE, on the same thread.
     */
    public static final class KindTrigger extends Trigger<Object, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private final EventTimeTrigger inner = EventTimeTrigger.create();
        private final ValueStateDescriptor<Boolean> firedDesc = new ValueStateDescriptor<>("fluxolab-fired", Types.BOOLEAN);

        private TriggerResult note(TriggerResult r, TriggerContext ctx) throws Exception {
            if (!r.isFire()) return r;
            ValueState<Boolean> fired = ctx.getPartitionedState(firedDesc);
            FireKind.set(fired.value() != null);
            fired.update(true);
            return r;
        }

        @Override
        public TriggerResult onElement(Object e, long ts, TimeWindow w, TriggerContext ctx) throws Exception {
            return note(inner.onElement(e, ts, w, ctx), ctx);
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) throws Exception {
            return note(inner.onEventTime(time, w, ctx), ctx);
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) throws Exception {
            return inner.onProcessingTime(time, w, ctx);
        }

        @Override
        public void clear(TimeWindow w, TriggerContext ctx) throws Exception {
            inner.clear(w, ctx);
            ctx.getPartitionedState(firedDesc).clear();
        }

        @Override
        public boolean canMerge() {
            return inner.canMerge();
        }

        @Override
        public void onMerge(TimeWindow w, OnMergeContext ctx) {
            inner.onMerge(w, ctx);
        }
    }

    /** Incremental aggregate, in arrival order: {count, sum, min, max}. */
    public static final class Agg implements AggregateFunction<Event, double[], double[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public double[] createAccumulator() {
            return new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }

        @Override
        public double[] add(Event e, double[] a) {
            a[0] += 1;
            a[1] += e.value;
            a[2] = Math.min(a[2], e.value);
            a[3] = Math.max(a[3], e.value);
            return a;
        }

        @Override
        public double[] getResult(double[] a) {
            return a;
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            return new double[] {a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])};
        }
    }

    public static final class Emit extends ProcessWindowFunction<double[], String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private final String agg;
        private final boolean sequenced;

        public Emit(String agg) {
            this(agg, false);
        }

        /** sequenced: the line goes to the Sequencer as it fires (parallelism > 1), not downstream. */
        public Emit(String agg, boolean sequenced) {
            this.agg = agg;
            this.sequenced = sequenced;
        }

        @Override
        public void process(String key, Context ctx, Iterable<double[]> in, Collector<String> out) {
            double[] acc = in.iterator().next();
            TimeWindow w = ctx.window();
            String line = key + "," + w.getStart() + "," + w.getEnd() + "," + value(agg, acc) + ","
                    + watermark(ctx.currentWatermark()) + "," + (FireKind.get() ? "late-update" : "on-time");
            if (sequenced) Sequencer.get().emit(sinkPrefix(getRuntimeContext().getTaskInfo()) + line);
            else out.collect(line);
        }
    }

    static List<String> runDataStream(Opts o, List<Event> events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config());
        env.setParallelism(1);
        final long bound = o.boundMs;
        WatermarkStrategy<Event> wms = WatermarkStrategy.<Event>forGenerator(
                        ctx -> new PerEvent<>(new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(bound))))
                .withTimestampAssigner((e, t) -> e.ts);
        WindowAssigner<Object, TimeWindow> assigner;
        switch (o.window) {
            case "tumble":
                assigner = TumblingEventTimeWindows.of(Duration.ofMillis(o.size), Duration.ofMillis(o.offset));
                break;
            case "hop":
                assigner = SlidingEventTimeWindows.of(
                        Duration.ofMillis(o.size), Duration.ofMillis(o.slide), Duration.ofMillis(o.offset));
                break;
            default:
                assigner = EventTimeSessionWindows.withGap(Duration.ofMillis(o.gap));
        }
        OutputTag<Event> lateTag = new OutputTag<>("late", TypeInformation.of(Event.class));
        DataStream<Event> src = env.fromSource(new TraceSource(events), wms, "trace")
                .process(new StampWatermark())
                .returns(Event.class);
        SingleOutputStreamOperator<String> fired = src.keyBy(e -> e.key, Types.STRING)
                .window(assigner)
                .trigger(new KindTrigger())
                .allowedLateness(Duration.ofMillis(o.lateness))
                .sideOutputLateData(lateTag)
                .aggregate(new Agg(), new Emit(o.agg), TypeInformation.of(double[].class),
                        TypeInformation.of(double[].class), Types.STRING);
        DataStream<String> late = fired.getSideOutput(lateTag)
                .map(e -> "LATE," + e.key + "," + e.ts + "," + watermark(e.watermarkAtArrival))
                .returns(Types.STRING);
        return collect(fired.union(late));
    }

    /**
     * Parallelism > 1 (see Sequencer): in front of each window subtask, chained to it, stamps each
     * element with the watermark it finds there, reports the element once the window operator has
     * processed it, and swallows the Sequencer's markers, reporting them.
     */
    public static final class Gate extends AbstractStreamOperator<Event> implements OneInputStreamOperator<Event, Event> {
        private static final long serialVersionUID = 1L;
        private transient long wm;
        private transient int index;

        @Override
        public void open() throws Exception {
            super.open();
            wm = Long.MIN_VALUE;
            index = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }

        @Override
        public void processElement(StreamRecord<Event> r) {
            Event e = r.getValue();
            if (e.finish) return; // its watermark follows it; the markers after that count
            if (e.marker) {
                Sequencer.get().markerSeen(index, e.seq);
                return;
            }
            e.watermarkAtArrival = wm;
            output.collect(r);
            Sequencer.get().elementDone(e.seq);
        }

        @Override
        public void processWatermark(org.apache.flink.streaming.api.watermark.Watermark mark) throws Exception {
            wm = mark.getTimestamp();
            super.processWatermark(mark); // the chained window operator fires what it makes due
        }
    }

    /**
     * DataStream at parallelism 2..8, made deterministic by the Sequencer: N source subtasks (split
     * p on subtask p mod N), keyBy to N window subtasks (Flink's key groups, max parallelism 128).
     */
    static List<String> runDataStreamParallel(Opts o, List<Event> events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config());
        env.setParallelism(o.parallelism);
        env.setMaxParallelism(128);
        env.setBufferTimeout(0); // every record and watermark is flushed at once (the Sequencer waits for them)
        final long bound = o.boundMs;
        final long idle = o.idleMs;
        final long periodic = o.periodicMs;
        // Idleness: Flink's own WatermarksWithIdleness on a virtual clock, checked at the Sequencer's
        // ticks (every pipeline.auto-watermark-interval of the trace's arrival times, 200 ms by default,
        // as the engine) and only there. Periodic emission: Flink's generator, asked for its watermark
        // at those ticks only (no PerEvent).
        WatermarkStrategy<Event> wms = WatermarkStrategy.<Event>forGenerator(ctx -> {
                    WatermarkGenerator<Event> g = periodic > 0
                            ? new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(bound))
                            : new PerEvent<>(new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(bound)));
                    if (idle > 0)
                        g = new org.apache.flink.api.common.eventtime.WatermarksWithIdleness<>(
                                g, Duration.ofMillis(idle), new VirtualClock());
                    return idle > 0 || periodic > 0 ? new Ticked(g) : g;
                })
                .withTimestampAssigner((e, t) -> e.ts);
        WindowAssigner<Object, TimeWindow> assigner;
        switch (o.window) {
            case "tumble":
                assigner = TumblingEventTimeWindows.of(Duration.ofMillis(o.size), Duration.ofMillis(o.offset));
                break;
            case "hop":
                assigner = SlidingEventTimeWindows.of(
                        Duration.ofMillis(o.size), Duration.ofMillis(o.slide), Duration.ofMillis(o.offset));
                break;
            default:
                assigner = EventTimeSessionWindows.withGap(Duration.ofMillis(o.gap));
        }
        Sequencer.start(events, o.parallelism, 128, periodic > 0 ? periodic : idle > 0 ? 200 : 0);
        try {
            OutputTag<Event> lateTag = new OutputTag<>("late", TypeInformation.of(Event.class));
            DataStream<Event> gated = env.fromSource(new TraceSource(events, o.parallelism, true), wms, "trace")
                    .keyBy(e -> e.key, Types.STRING)
                    .transform("gate", TypeInformation.of(Event.class), new Gate());
            SingleOutputStreamOperator<String> fired = org.apache.flink.streaming.api.datastream.DataStreamUtils
                    .reinterpretAsKeyedStream(gated, e -> e.key, Types.STRING)
                    .window(assigner)
                    .trigger(new KindTrigger())
                    .allowedLateness(Duration.ofMillis(o.lateness))
                    .sideOutputLateData(lateTag)
                    .aggregate(new Agg(), new Emit(o.agg, true), TypeInformation.of(double[].class),
                            TypeInformation.of(double[].class), Types.STRING);
            // Chained to the window operator (forward, same parallelism): its subtask index is the window
            // subtask's, the one a print sink there would print.
            fired.getSideOutput(lateTag)
                    .map(new org.apache.flink.api.common.functions.RichMapFunction<Event, String>() {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public String map(Event e) {
                            Sequencer.get().emit(sinkPrefix(getRuntimeContext().getTaskInfo()) + "LATE," + e.key
                                    + "," + e.ts + "," + watermark(e.watermarkAtArrival));
                            return "";
                        }
                    })
                    .returns(Types.STRING)
                    .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
            fired.sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
            env.execute("fluxolab-flink-replay-parallel");
            return Sequencer.get().lines();
        } finally {
            Sequencer.stop();
        }
    }

    /** The Sequencer's virtual processing time, for WatermarksWithIdleness's idleness timer. */
    public static final class VirtualClock implements org.apache.flink.util.clock.RelativeClock, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public long relativeTimeMillis() {
            return Sequencer.nowNanos / 1_000_000L;
        }

        @Override
        public long relativeTimeNanos() {
            return Sequencer.nowNanos;
        }
    }

    /**
     * Outermost generator with idleness or periodic emission: Flink's periodic emission, run by the
     * reader at the Sequencer's virtual ticks, reaches the wrapped generator's onPeriodicEmit (the
     * idleness check; the periodic watermark); the end marker emits MAX; other markers are not events
     * (no activity).
     */
    public static final class Ticked implements WatermarkGenerator<Event> {
        private final WatermarkGenerator<Event> inner;

        public Ticked(WatermarkGenerator<Event> inner) {
            this.inner = inner;
        }

        @Override
        public void onEvent(Event e, long ts, WatermarkOutput out) {
            if (e.finish) {
                out.emitWatermark(new Watermark(Long.MAX_VALUE));
            } else if (!e.marker) {
                inner.onEvent(e, ts, out);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput out) {
            inner.onPeriodicEmit(out);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // SQL mode

    /**
     * Puts the watermark that fired them on the window aggregation's results. The SQL window
     * operator fires its timers when a watermark W arrives, emits the results, and only then
     * forwards W; so every row that arrives here before W was fired by W. SQL has no late firings.
     */
    public static final class TagWithWatermark extends AbstractStreamOperator<String>
            implements OneInputStreamOperator<Row, String> {
        private static final long serialVersionUID = 1L;
        private final String agg;
        private final boolean sequenced;
        private transient List<String> pending;
        private transient String prefix;

        public TagWithWatermark(String agg, boolean sequenced) {
            this.agg = agg;
            this.sequenced = sequenced;
        }

        @Override
        public void open() throws Exception {
            super.open();
            pending = new ArrayList<>();
            // Chained to the global window aggregation: its subtask, the one a print sink there would print.
            prefix = sinkPrefix(getRuntimeContext().getTaskInfo());
            // Parallelism > 1: chained to the global window aggregation, so this is its task; the
            // Sequencer waits until it has nothing left to do before the next element (see Sequencer).
            if (sequenced)
                Sequencer.get().registerConsumer(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                        getContainingTask());
        }

        @Override
        public void processElement(StreamRecord<Row> r) {
            Row row = r.getValue();
            long start = ((LocalDateTime) row.getField(1)).toInstant(ZoneOffset.UTC).toEpochMilli();
            long end = ((LocalDateTime) row.getField(2)).toInstant(ZoneOffset.UTC).toEpochMilli();
            Object v = row.getField(3);
            String value = v instanceof Long ? v.toString() : shortest(((Number) v).doubleValue());
            pending.add(row.getField(0) + "," + start + "," + end + "," + value);
        }

        @Override
        public void processWatermark(org.apache.flink.streaming.api.watermark.Watermark mark) throws Exception {
            for (String p : pending) {
                String line = prefix + p + "," + watermark(mark.getTimestamp()) + ",on-time";
                if (sequenced) Sequencer.get().emit(line);
                else output.collect(new StreamRecord<>(line));
            }
            pending.clear();
            super.processWatermark(mark);
        }

        @Override
        public void finish() throws Exception {
            // Rows not followed by a watermark: cannot happen with a bounded source; shown, never hidden.
            for (String p : pending) output.collect(new StreamRecord<>(p + ",?,unknown"));
            pending.clear();
            super.finish();
        }
    }

    static String interval(long ms) {
        // DAY TO SECOND literals take any size the planner accepts (up to 99 days) with ms precision.
        long d = ms / 86_400_000L, rest = ms % 86_400_000L;
        return String.format("INTERVAL '%d %02d:%02d:%02d.%03d' DAY TO SECOND(3)", d, rest / 3_600_000L,
                rest / 60_000L % 60, rest / 1000 % 60, rest % 1000);
    }

    static String offsetInterval(long ms) {
        return ms < 0 ? "-" + interval(-ms) : interval(ms);
    }

    static String sqlQuery(Opts o) {
        String aggExpr;
        switch (o.agg) {
            case "count": aggExpr = "COUNT(*)"; break;
            case "sum": aggExpr = "SUM(v)"; break;
            case "min": aggExpr = "MIN(v)"; break;
            case "max": aggExpr = "MAX(v)"; break;
            default: aggExpr = "AVG(v)";
        }
        String off = o.offset == 0 ? "" : ", " + offsetInterval(o.offset);
        String tvf;
        switch (o.window) {
            case "tumble": tvf = "TUMBLE(TABLE t, DESCRIPTOR(rt), " + interval(o.size) + off + ")"; break;
            case "hop": tvf = "HOP(TABLE t, DESCRIPTOR(rt), " + interval(o.slide) + ", " + interval(o.size) + off + ")"; break;
            case "cumulate": tvf = "CUMULATE(TABLE t, DESCRIPTOR(rt), " + interval(o.step) + ", " + interval(o.size) + off + ")"; break;
            default: tvf = "SESSION(TABLE t PARTITION BY k, DESCRIPTOR(rt), " + interval(o.gap) + ")";
        }
        return "SELECT k, window_start, window_end, " + aggExpr + " AS v FROM TABLE(" + tvf
                + ") GROUP BY k, window_start, window_end";
    }

    static List<String> runSql(Opts o, List<Event> events, boolean onePhase) throws Exception {
        if (o.parallelism > 1) {
            Sequencer.start(events, o.parallelism, 128, 0).sql = true;
            try {
                return runSqlJob(o, events, onePhase, true);
            } finally {
                Sequencer.stop();
            }
        }
        return runSqlJob(o, events, onePhase, false);
    }

    /**
     * SQL: parallelism 1, or parallelism N made deterministic by the Sequencer (source subtasks as for
     * DataStream, split p on subtask p mod N; the planner's own local and global window aggregation, hash
     * exchange on the key between them).
     */
    static List<String> runSqlJob(Opts o, List<Event> events, boolean onePhase, boolean sequenced) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config());
        env.setParallelism(o.parallelism);
        if (sequenced) {
            env.setMaxParallelism(128);
            env.setBufferTimeout(0); // every record and watermark goes out at once (the Sequencer waits for them)
        }
        final long bound = o.boundMs;
        WatermarkStrategy<Event> wms = WatermarkStrategy.<Event>forGenerator(ctx -> new SqlPerEvent(bound))
                .withTimestampAssigner((e, t) -> e.ts);
        StreamTableEnvironment tenv = StreamTableEnvironment.create(env);
        tenv.getConfig().set("table.local-time-zone", "UTC");
        if (onePhase) tenv.getConfig().set("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        DataStream<Row> rows = env.fromSource(new TraceSource(events, o.parallelism, sequenced), wms, "trace")
                .filter(e -> !e.marker) // the Sequencer's end-of-input marker is no row (its MAX watermark is)
                .map(e -> Row.of(e.key, e.value))
                .returns(Types.ROW_NAMED(new String[] {"k", "v"}, Types.STRING, Types.DOUBLE));
        Table t = tenv.fromDataStream(rows, Schema.newBuilder()
                .column("k", DataTypes.STRING())
                .column("v", DataTypes.DOUBLE())
                .columnByMetadata("rt", DataTypes.TIMESTAMP_LTZ(3), "rowtime")
                .watermark("rt", "SOURCE_WATERMARK()")
                .build());
        tenv.createTemporaryView("t", t);
        Table result = tenv.sqlQuery(sqlQuery(o));
        DataStream<String> fired = tenv.toDataStream(result)
                .transform("tag-with-watermark", Types.STRING, new TagWithWatermark(o.agg, sequenced));
        if (!sequenced) return collect(fired);
        fired.sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
        env.execute("fluxolab-flink-replay-sql-parallel");
        return Sequencer.get().lines();
    }
}
