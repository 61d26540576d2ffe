package dev.vigil.benchmarks.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.rules.AlertingRule;
import dev.vigil.monitor.tsdb.TimeSeriesDb;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One evaluation round of the server's monitor evaluator: {@code monitors} alerting rules over {@code series} active
 * series holding 10 minutes of 15-second samples ({@link MonitorWorkload}), kept in the in-memory store or in the
 * on-disk {@link TimeSeriesDb} the server uses ({@code store=disk}: samples in its head, as a live server has them).
 * The target is a round every 15 s on under one core: the round time below 15 s single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonitorEvaluationBenchmark {

    private static final int POINTS = 40;

    @Param({"5000"})
    public int monitors;

    @Param({"100000"})
    public int series;

    @Param({"memory", "disk"})
    public String store;

    private SeriesStore samples;
    private Path dir;
    private List<AlertingRule> rules;
    private long now;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        if (store.equals("disk")) {
            dir = Files.createTempDirectory("vigil-tsdb-bench");
            samples = TimeSeriesDb.open(dir, TimeSeriesDb.Options.defaults());
        } else {
            samples = new InMemorySeriesStore();
        }
        int instances = series / MonitorWorkload.METRICS;
        now = POINTS * MonitorWorkload.STEP;
        for (int p = 1; p <= POINTS; p++) {
            for (int m = 0; m < MonitorWorkload.METRICS; m++) {
                for (int i = 0; i < instances; i++) {
                    samples.add(MonitorWorkload.series(m, i), new Point(p * MonitorWorkload.STEP, MonitorWorkload.value(m, i, p), false));
                }
            }
            if (samples instanceof TimeSeriesDb db) {
                db.commit();
            }
        }
        rules = MonitorWorkload.monitors(monitors);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (samples instanceof TimeSeriesDb db) {
            db.close();
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Benchmark
    public int evaluateAllMonitorsOnce() {
        Evaluator evaluator = new Evaluator(samples, MonitorWorkload.STEP);
        int active = 0;
        for (AlertingRule rule : rules) {
            rule.evaluate(evaluator, now);
            active += rule.activeAlerts().size();
        }
        return active;
    }
}
