package dev.vigil.monitor.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.SeriesStore;

/**
 * A rule group: rules evaluated in order at one instant, each seeing the output of the previous ones. Series a rule
 * produced at the previous evaluation but not now receive a staleness marker, as Prometheus writes them.
 */
public final class RuleGroup {

    private final String name;
    private final String file;
    private final long intervalMs;
    private final List<Rule> rules;
    private final Map<Rule, Set<Labels>> previousOutput = new HashMap<>();

    public RuleGroup(String name, String file, long intervalMs, List<Rule> rules) {
        this.name = name;
        this.file = file;
        this.intervalMs = intervalMs;
        this.rules = List.copyOf(rules);
    }

    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    public long intervalMs() {
        return intervalMs;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Evaluates every rule; rule failures are collected (the other rules still run) and returned. */
    public List<String> evaluate(SeriesStore store, Evaluator evaluator, long timeMs) {
        List<String> errors = new java.util.ArrayList<>();
        for (Rule rule : rules) {
            Set<Labels> now = new HashSet<>();
            try {
                for (Sample s : rule.evaluate(evaluator, timeMs)) {
                    store.add(s.labels(), new Point(timeMs, s.value(), false));
                    now.add(s.labels());
                }
            } catch (RuleEvaluationException e) {
                // Like Prometheus: a failed evaluation writes nothing, not even staleness markers.
                errors.add(e.getMessage());
                continue;
            }
            for (Labels gone : previousOutput.getOrDefault(rule, Set.of())) {
                if (!now.contains(gone)) {
                    store.add(gone, new Point(timeMs, Double.NaN, true));
                }
            }
            previousOutput.put(rule, now);
        }
        return errors;
    }
}
