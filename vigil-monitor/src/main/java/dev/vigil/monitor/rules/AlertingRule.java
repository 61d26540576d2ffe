package dev.vigil.monitor.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.eval.EvaluationException;
import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Value;

/**
 * An alerting rule with Prometheus 2.x state handling: pending until {@code eval - activeAt >= for} (inclusive),
 * {@code keep_firing_for} hysteresis, and resolved alerts kept for 15 minutes before they are dropped. An optional
 * recovery expression adds Zabbix-style hysteresis: a firing alert ends only once its condition is false and the
 * recovery expression returns its series (e.g. fire above 90, recover below 80).
 */
public final class AlertingRule implements Rule {

    public static final String ALERT_NAME = "alertname";
    private static final long RESOLVED_RETENTION_MS = 15 * 60_000;

    private final String name;
    private final Expr expr;
    private final Expr recoveryExpr;
    private final long forMs;
    private final long keepFiringForMs;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final int limit;
    private final RuleTemplates templates;
    private final Map<Labels, Alert> active = new LinkedHashMap<>();

    public AlertingRule(String name, Expr expr, long forMs, long keepFiringForMs, Map<String, String> labels,
                        Map<String, String> annotations, int limit, RuleTemplates templates) {
        this(name, expr, null, forMs, keepFiringForMs, labels, annotations, limit, templates);
    }

    /** A rule with a recovery expression ({@code null}: the alert ends when the condition is false). */
    public AlertingRule(String name, Expr expr, Expr recoveryExpr, long forMs, long keepFiringForMs, Map<String, String> labels,
                        Map<String, String> annotations, int limit, RuleTemplates templates) {
        this.name = name;
        this.expr = expr;
        this.recoveryExpr = recoveryExpr;
        this.forMs = forMs;
        this.keepFiringForMs = keepFiringForMs;
        this.labels = Map.copyOf(labels);
        this.annotations = new LinkedHashMap<>(annotations);
        this.limit = limit;
        this.templates = templates;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Expr expr() {
        return expr;
    }

    /** Alerts that are pending or firing (resolved ones are excluded). */
    public List<Alert> activeAlerts() {
        return active.values().stream().filter(a -> a.state() != AlertState.INACTIVE).toList();
    }

    @Override
    public List<Sample> evaluate(Evaluator evaluator, long timeMs) {
        List<Sample> result = query(expr, evaluator, timeMs);
        Map<Labels, Alert> current = new LinkedHashMap<>();
        for (Sample sample : result) {
            Labels seriesLabels = sample.labels();
            Labels alertLabels = alertLabels(sample);
            Map<String, String> expanded = new LinkedHashMap<>();
            for (Map.Entry<String, String> a : annotations.entrySet()) {
                expanded.put(a.getKey(), templates.expand(a.getValue(), seriesLabels, sample.value()));
            }
            if (current.containsKey(alertLabels)) {
                throw new RuleEvaluationException("alert " + name + ": vector contains metrics with the same labelset after applying alert labels");
            }
            current.put(alertLabels, new Alert(alertLabels, expanded, sample.value(), timeMs));
        }
        if (recoveryExpr != null) {
            holdUnrecovered(current, evaluator, timeMs);
        }
        for (Map.Entry<Labels, Alert> e : current.entrySet()) {
            Alert existing = active.get(e.getKey());
            if (existing != null && existing.state() != AlertState.INACTIVE) {
                existing.refresh(e.getValue().value(), e.getValue().annotations());
            } else {
                active.put(e.getKey(), e.getValue());
            }
        }
        int activeCount = 0;
        for (Iterator<Map.Entry<Labels, Alert>> it = active.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Labels, Alert> e = it.next();
            Alert alert = e.getValue();
            if (!current.containsKey(e.getKey())) {
                boolean keepFiring = false;
                if (alert.state() == AlertState.FIRING && keepFiringForMs > 0) {
                    if (alert.keepFiringSinceMs() < 0) {
                        alert.keepFiringSince(timeMs);
                    }
                    keepFiring = timeMs - alert.keepFiringSinceMs() < keepFiringForMs;
                }
                if (!keepFiring) {
                    if (alert.state() == AlertState.PENDING
                            || (alert.resolvedAtMs() >= 0 && timeMs - alert.resolvedAtMs() > RESOLVED_RETENTION_MS)) {
                        it.remove();
                    }
                    if (alert.state() != AlertState.INACTIVE) {
                        alert.resolve(timeMs);
                    }
                    continue;
                }
            } else {
                alert.keepFiringSince(-1);
            }
            activeCount++;
            if (alert.state() == AlertState.PENDING && timeMs - alert.activeAtMs() >= forMs) {
                alert.fire(timeMs);
            }
        }
        if (limit > 0 && activeCount > limit) {
            active.clear();
            throw new RuleEvaluationException("alert " + name + ": exceeded limit of " + limit + " with " + activeCount + " alerts");
        }
        return alertSeries(timeMs);
    }

    private Labels alertLabels(Sample sample) {
        Labels alertLabels = sample.labels().withoutName();
        for (Map.Entry<String, String> l : labels.entrySet()) {
            alertLabels = alertLabels.with(l.getKey(), templates.expand(l.getValue(), sample.labels(), sample.value()));
        }
        return alertLabels.with(ALERT_NAME, name);
    }

    /** Keeps firing alerts whose condition cleared but whose recovery expression does not yet hold. */
    private void holdUnrecovered(Map<Labels, Alert> current, Evaluator evaluator, long timeMs) {
        Set<Labels> recovered = new HashSet<>();
        for (Sample sample : query(recoveryExpr, evaluator, timeMs)) {
            recovered.add(alertLabels(sample));
        }
        for (Map.Entry<Labels, Alert> e : active.entrySet()) {
            Alert alert = e.getValue();
            if (alert.state() == AlertState.FIRING && !current.containsKey(e.getKey()) && !recovered.contains(e.getKey())) {
                current.put(e.getKey(), new Alert(alert.labels(), alert.annotations(), alert.value(), timeMs));
            }
        }
    }

    public Expr recoveryExpr() {
        return recoveryExpr;
    }

    public long forMs() {
        return forMs;
    }

    public long keepFiringForMs() {
        return keepFiringForMs;
    }

    private List<Sample> query(Expr query, Evaluator evaluator, long timeMs) {
        try {
            Value v = evaluator.evaluate(query, timeMs);
            return switch (v) {
                case Value.Scalar s -> List.of(new Sample(Labels.EMPTY, s.value(), timeMs));
                case Value.InstantVector iv -> iv.samples();
                default -> throw new RuleEvaluationException("alert " + name + ": rule result is not a vector or scalar");
            };
        } catch (EvaluationException e) {
            throw new RuleEvaluationException("alert " + name + ": " + e.getMessage());
        }
    }

    /** The ALERTS and ALERTS_FOR_STATE samples of the pending and firing alerts. */
    private List<Sample> alertSeries(long timeMs) {
        List<Sample> out = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (Alert alert : activeAlerts()) {
            Labels alerts = alert.labels().with(Labels.METRIC_NAME, "ALERTS").with("alertstate", alert.state().label());
            if (seen.add(alerts)) {
                out.add(new Sample(alerts, 1, timeMs));
            }
            out.add(new Sample(alert.labels().with(Labels.METRIC_NAME, "ALERTS_FOR_STATE"), alert.activeAtMs() / 1000.0, timeMs));
        }
        return out;
    }
}
