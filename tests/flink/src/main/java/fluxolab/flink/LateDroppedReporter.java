package fluxolab.flink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory metric reporter (registered in the MiniCluster's configuration, see
 * FlinkReplay.config) that keeps every operator's {@code numLateRecordsDropped} counter, so that the
 * harness can print how many records the real Flink dropped as late. Flink SQL window aggregations
 * drop late rows without any output; this counter is the only trace of them.
 */
public final class LateDroppedReporter implements MetricReporter, MetricReporterFactory {
    static final String NAME = "numLateRecordsDropped";
    private static final List<Counter> COUNTERS = new CopyOnWriteArrayList<>();

    /** Before a job: forget the counters of the previous one (one job at a time in the JVM). */
    static void reset() {
        COUNTERS.clear();
    }

    /** The sum of the counters of the last job (read after it finished). */
    static long total() {
        long n = 0;
        for (Counter c : COUNTERS) n += c.getCount();
        return n;
    }

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new LateDroppedReporter();
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (NAME.equals(metricName) && metric instanceof Counter) COUNTERS.add((Counter) metric);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        // Kept: the count is read after the job has finished and its metrics were removed.
    }
}
