package dev.vigil.benchmarks.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.monitor.rules.AlertingRule;
import dev.vigil.monitor.tsdb.TimeSeriesDb;

/**
 * Load generator for the on-disk metric store: {@code SERIES} series ({@link MonitorWorkload}: 100 metrics) scraped every
 * 15 s of simulated time for {@code HOURS}, as the server writes them (one commit per target of 1,000 samples, the store's
 * maintenance every simulated minute), with scrape jitter of a few milliseconds and counters/gauges moving like real
 * ones. Reports CPU per 15-second round of ingest, bytes per sample in the blocks on disk, the WAL size, one round of
 * {@code MONITORS} monitors on the head, and range queries over the whole span (blocks and head).
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.monitor.TsdbLoad DIR [SERIES [HOURS [MONITORS]]]</pre>
 */
public final class TsdbLoad {

    private TsdbLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TsdbLoad DIR [SERIES [HOURS [MONITORS]]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int seriesCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        double hours = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        int monitorCount = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        if (Files.exists(dir)) {
            try (var listing = Files.list(dir)) {
                if (listing.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty");
                }
            }
        }
        int instances = seriesCount / MonitorWorkload.METRICS;
        Labels[] labels = new Labels[instances * MonitorWorkload.METRICS];
        for (int i = 0; i < instances; i++) {
            for (int m = 0; m < MonitorWorkload.METRICS; m++) {
                labels[i * MonitorWorkload.METRICS + m] = MonitorWorkload.series(m, i);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = 1_767_225_600_000L; // 2026-01-01T00:00Z, a block boundary
        long rounds = (long) (hours * 240);
        Random random = new Random(42);
        double[] gauges = new double[labels.length];
        double[] counters = new double[labels.length];
        List<Long> roundCpuNanos = new ArrayList<>();
        long maintenanceCpu = 0;
        long wallStart = System.nanoTime();
        try (TimeSeriesDb db = TimeSeriesDb.open(dir, TimeSeriesDb.Options.defaults())) {
            for (long r = 0; r < rounds; r++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long roundTime = start + r * MonitorWorkload.STEP;
                for (int i = 0; i < instances; i++) {
                    long t = roundTime + random.nextInt(20); // scrape jitter
                    for (int m = 0; m < MonitorWorkload.METRICS; m++) {
                        int s = i * MonitorWorkload.METRICS + m;
                        double v;
                        if (MonitorWorkload.isCounter(m)) {
                            counters[s] += random.nextInt(5) == 0 ? 0 : random.nextInt(1000);
                            v = counters[s];
                        } else {
                            gauges[s] = Math.max(0, Math.round((gauges[s] + random.nextGaussian()) * 100) / 100.0);
                            v = m % 10 == 0 ? Math.round(gauges[s]) : gauges[s];
                        }
                        db.add(labels[s], new Point(t, v, false));
                    }
                    if ((i + 1) % 10 == 0) {
                        db.commit(); // one target of 1,000 samples
                    }
                }
                db.commit();
                roundCpuNanos.add(threads.getCurrentThreadCpuTime() - cpu);
                if (r % 4 == 3) {
                    long before = threads.getCurrentThreadCpuTime();
                    db.maintain(roundTime);
                    maintenanceCpu += threads.getCurrentThreadCpuTime() - before;
                }
            }
            long end = start + (rounds - 1) * MonitorWorkload.STEP;
            TimeSeriesDb.Stats stats = db.stats();
            List<Long> sorted = new ArrayList<>(roundCpuNanos);
            Collections.sort(sorted);
            double meanMs = roundCpuNanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            System.out.printf("series %d, simulated %.1f h (%d rounds of 15 s), %d samples, wall %.1f s%n", labels.length, hours, rounds,
                    rounds * labels.length, (System.nanoTime() - wallStart) / 1e9);
            System.out.printf("ingest CPU per 15 s round: mean %.0f ms, p50 %.0f ms, p99 %.0f ms, max %.0f ms (%.2f µs/sample);"
                            + " maintenance CPU total %.1f s%n", meanMs, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.getLast() / 1e6, meanMs * 1000 / labels.length,
                    maintenanceCpu / 1e9);
            System.out.printf("blocks %d: %d samples in %d bytes = %.3f bytes/sample; head: %d series, %d samples; WAL %d bytes%n",
                    stats.blocks(), stats.blockSamples(), stats.blockBytes(), stats.blockBytesPerSample(), stats.headSeries(),
                    stats.headSamples(), stats.walBytes());

            List<AlertingRule> monitors = MonitorWorkload.monitors(monitorCount);
            for (int round = 0; round < 3; round++) {
                long before = threads.getCurrentThreadCpuTime();
                Evaluator evaluator = new Evaluator(db, MonitorWorkload.STEP);
                for (AlertingRule rule : monitors) {
                    rule.evaluate(evaluator, end);
                }
                System.out.printf("evaluation round %d of %d monitors: %.0f ms CPU%n", round + 1, monitorCount,
                        (threads.getCurrentThreadCpuTime() - before) / 1e6);
            }
            for (String query : List.of("bench_gauge_0{instance=\"host-7:9100\"}", "rate(bench_counter_1_total{instance=\"host-7:9100\"}[5m])",
                    "sum(rate(bench_counter_1_total[5m]))")) {
                var expr = PromqlParser.parse(query);
                long before = threads.getCurrentThreadCpuTime();
                Evaluator evaluator = new Evaluator(db, 60_000);
                int points = 0;
                for (long at = start; at <= end; at += 60_000) {
                    points += evaluator.evaluate(expr, at) instanceof dev.vigil.monitor.promql.model.Value.InstantVector v ? v.samples().size() : 1;
                }
                System.out.printf("range query %s over %.1f h at 1m steps: %d points, %.0f ms CPU%n", query, hours, points,
                        (threads.getCurrentThreadCpuTime() - before) / 1e6);
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("heap used after GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        long before = System.nanoTime();
        try (TimeSeriesDb reopened = TimeSeriesDb.open(dir, TimeSeriesDb.Options.defaults())) {
            double seconds = (System.nanoTime() - before) / 1e9;
            TimeSeriesDb.Stats stats = reopened.stats();
            System.out.printf("reopened in %.1f s (blocks, checkpoint, WAL replay): %d head series, %d head samples, %d blocks%n",
                    seconds, stats.headSeries(), stats.headSamples(), stats.blocks());
        }
    }
}
