package dev.vigil.benchmarks.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.monitor.rules.AlertingRule;
import dev.vigil.monitor.rules.RuleTemplates;

/**
 * The monitoring workload of the target: 100 metric names (half gauges, half counters) over
 * {@code series / 100} instances each, and monitors that select one metric by name for every instance — a threshold on
 * a gauge, a ratio, or a {@code rate(...[5m])} on a counter — with hysteresis on a third of them, as the host pack does.
 */
final class MonitorWorkload {

    static final long STEP = 15_000;
    static final int METRICS = 100;

    private MonitorWorkload() {
    }

    static boolean isCounter(int metric) {
        return metric % 2 == 1;
    }

    static Labels series(int metric, int instance) {
        return Labels.of("__name__", (isCounter(metric) ? "bench_counter_" : "bench_gauge_") + metric + (isCounter(metric) ? "_total" : ""),
                "instance", "host-" + instance + ":9100", "job", "node");
    }

    /** The value of a series at scrape number {@code p}: counters grow at a per-instance rate, gauges move within 0..99. */
    static double value(int metric, int instance, long p) {
        return isCounter(metric) ? p * (10 + instance % 7) : (instance * 37 + metric * 11 + p) % 100;
    }

    static List<AlertingRule> monitors(int count) {
        List<AlertingRule> rules = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int m = k % METRICS;
            String expr = isCounter(m) ? "rate(bench_counter_" + m + "_total[5m]) > " + (k % 13)
                    : k % 4 == 0 ? "bench_gauge_" + m + " / 100 > 0." + (90 + k % 9) : "bench_gauge_" + m + " > " + (90 + k % 9);
            String recovery = k % 3 == 0 && !isCounter(m) ? "bench_gauge_" + m + " < 80" : null;
            rules.add(new AlertingRule("monitor-" + k, PromqlParser.parse(expr), recovery == null ? null : PromqlParser.parse(recovery),
                    60_000, 0, Map.of(), Map.of("summary", "{{ $labels.instance }} at {{ $value }}"), 0, RuleTemplates.none()));
        }
        return rules;
    }
}
