package dev.vigil.server.monitoring;

import java.util.List;
import java.util.Map;

/**
 * A monitor as its owners write it (YAML or JSON), after validation.
 *
 * @param name          unique name, also the alert's title ({@code [a-zA-Z0-9_.-]+})
 * @param condition     PromQL-subset expression; each returned series is a problem
 * @param recovery      optional expression that must return a series before its firing alert ends (hysteresis), or null
 * @param forMs         how long the condition must hold before the alert fires (inclusive)
 * @param keepFiringForMs how long a firing alert stays after the condition cleared
 * @param intervalMs    how often it is evaluated
 * @param level         info, warning, critical or emergency
 * @param target        what it watches
 * @param receivers     who is told
 * @param disposal      what to do
 * @param labels        extra labels for the alert (routing, grouping)
 * @param annotations   templated texts ({@code summary}, {@code description}) expanded per alert as in Prometheus
 * @param tenant        tenant slug the alert is filed under
 * @param logs          log series the condition can use: counts of stored events matching a query per window, as
 *                      {@code vigil_log_matches{monitor="<name>", log="<log name>"}} (empty: a metric-only monitor)
 */
public record MonitorDefinition(String name, String description, String condition, String recovery, long forMs,
                                long keepFiringForMs, long intervalMs, MonitorLevel level, Target target, Receivers receivers,
                                DisposalPlan disposal, Map<String, String> labels, Map<String, String> annotations,
                                String tenant, List<LogSeries> logs) {

    /** The metric name under which log series are stored. */
    public static final String LOG_METRIC = "vigil_log_matches";

    public MonitorDefinition {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    /**
     * Error statistics from logs: the number of the tenant's stored events matching {@code query} (the event search
     * language) in the last {@code windowMs}, sampled at every evaluation; per value of the event field {@code by}
     * when given (null: one total).
     */
    public record LogSeries(String name, String query, long windowMs, String by) {
    }

    /** A component of the catalogue, an asset (by name), or a group of either. */
    public record Target(String kind, String name) {

        public static final List<String> KINDS = List.of("component", "asset", "group");
    }

    /** Named Vigil receivers, or labels for the routing tree to choose receivers by (a route); at least one of them. */
    public record Receivers(List<String> names, Map<String, String> route) {
    }

    /** The runbook: what the on-call engineer does, step by step; optionally a link to a response playbook. */
    public record DisposalPlan(String summary, List<String> steps, String playbook) {

        public String asText() {
            StringBuilder text = new StringBuilder(summary);
            for (int i = 0; i < steps.size(); i++) {
                text.append(text.isEmpty() ? "" : "\n").append(i + 1).append(". ").append(steps.get(i));
            }
            if (!playbook.isEmpty()) {
                text.append("\nPlaybook: ").append(playbook);
            }
            return text.toString();
        }
    }
}
