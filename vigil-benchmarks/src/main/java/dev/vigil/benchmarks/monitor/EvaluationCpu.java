package dev.vigil.benchmarks.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.rules.AlertingRule;
import dev.vigil.monitor.tsdb.TimeSeriesDb;

/**
 * CPU time (not wall time, so a loaded machine does not distort it) of evaluation rounds of {@code MONITORS} monitors
 * over {@code SERIES} series with 10 minutes of 15-second samples ({@link MonitorWorkload}), on the in-memory store and
 * on the on-disk store, in one process, alternating.
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.monitor.EvaluationCpu [SERIES [MONITORS [ROUNDS]]]</pre>
 */
public final class EvaluationCpu {

    private EvaluationCpu() {
    }

    public static void main(String[] args) throws Exception {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int monitorCount = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("vigil-eval-cpu");
        InMemorySeriesStore memory = new InMemorySeriesStore();
        try (TimeSeriesDb disk = TimeSeriesDb.open(dir, TimeSeriesDb.Options.defaults())) {
            int instances = seriesCount / MonitorWorkload.METRICS;
            int points = 40;
            for (int p = 1; p <= points; p++) {
                for (int m = 0; m < MonitorWorkload.METRICS; m++) {
                    for (int i = 0; i < instances; i++) {
                        Point point = new Point(p * MonitorWorkload.STEP, MonitorWorkload.value(m, i, p), false);
                        memory.add(MonitorWorkload.series(m, i), point);
                        disk.add(MonitorWorkload.series(m, i), point);
                    }
                }
                disk.commit();
            }
            long now = points * MonitorWorkload.STEP;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                for (SeriesStore store : List.<SeriesStore>of(memory, disk)) {
                    List<AlertingRule> monitors = MonitorWorkload.monitors(monitorCount);
                    long before = threads.getCurrentThreadCpuTime();
                    Evaluator evaluator = new Evaluator(store, MonitorWorkload.STEP);
                    int active = 0;
                    for (AlertingRule rule : monitors) {
                        rule.evaluate(evaluator, now);
                        active += rule.activeAlerts().size();
                    }
                    System.out.printf("round %d, %s store: %d monitors over %d series in %.0f ms CPU (%d active alerts)%n", r + 1,
                            store == memory ? "in-memory" : "on-disk", monitorCount, seriesCount,
                            (threads.getCurrentThreadCpuTime() - before) / 1e6, active);
                }
            }
        }
    }
}
