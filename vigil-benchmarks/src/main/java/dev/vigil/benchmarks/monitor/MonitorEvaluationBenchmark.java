package dev.vigil.benchmarks.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.monitor.rules.AlertingRule;
import dev.vigil.monitor.rules.RuleTemplates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One evaluation round of the server's monitor evaluator: {@code monitors} alerting rules over {@code series} active
 * series holding 10 minutes of 15-second samples. Metrics are 100 names (half gauges, half counters) over
 * {@code series / 100} instances; each monitor selects one metric by name for every instance — a threshold on a gauge,
 * a ratio, or a {@code rate(...[5m])} on a counter — with hysteresis on a third of them, as the host pack does.
 * The target is a round every 15 s on under one core: the round time below 15 s single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonitorEvaluationBenchmark {

    private static final long STEP = 15_000;
    private static final int POINTS = 40;
    private static final int METRICS = 100;

    @Param({"5000"})
    public int monitors;

    @Param({"100000"})
    public int series;

    private SeriesStore store;
    private List<AlertingRule> rules;
    private long now;

    @Setup(Level.Trial)
    public void fill() {
        store = new InMemorySeriesStore();
        int instances = series / METRICS;
        now = POINTS * STEP;
        for (int m = 0; m < METRICS; m++) {
            boolean counter = m % 2 == 1;
            for (int i = 0; i < instances; i++) {
                Labels labels = Labels.of("__name__", (counter ? "bench_counter_" : "bench_gauge_") + m + (counter ? "_total" : ""),
                        "instance", "host-" + i + ":9100", "job", "node");
                for (int p = 1; p <= POINTS; p++) {
                    double value = counter ? p * (10 + i % 7) : (i * 37 + m * 11 + p) % 100;
                    store.add(labels, new Point(p * STEP, value, false));
                }
            }
        }
        rules = new ArrayList<>();
        for (int k = 0; k < monitors; k++) {
            int m = k % METRICS;
            String expr = m % 2 == 1 ? "rate(bench_counter_" + m + "_total[5m]) > " + (k % 13)
                    : k % 4 == 0 ? "bench_gauge_" + m + " / 100 > 0." + (90 + k % 9) : "bench_gauge_" + m + " > " + (90 + k % 9);
            String recovery = k % 3 == 0 && m % 2 == 0 ? "bench_gauge_" + m + " < 80" : null;
            rules.add(new AlertingRule("monitor-" + k, PromqlParser.parse(expr), recovery == null ? null : PromqlParser.parse(recovery),
                    60_000, 0, Map.of(), Map.of("summary", "{{ $labels.instance }} at {{ $value }}"), 0, RuleTemplates.none()));
        }
    }

    @Benchmark
    public int evaluateAllMonitorsOnce() {
        Evaluator evaluator = new Evaluator(store, STEP);
        int active = 0;
        for (AlertingRule rule : rules) {
            rule.evaluate(evaluator, now);
            active += rule.activeAlerts().size();
        }
        return active;
    }
}
