package dev.vigil.server.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels silences (and later routes) match an alert by, in Prometheus' naming: {@code alertname} (the title),
 * {@code severity}, {@code source}, {@code tenant}, {@code rule}, and each entity with dots as underscores
 * ({@code host_name}, {@code source_ip}).
 */
public final class AlertLabels {

    /**
     * The entity by which an alert names its receivers (comma-separated), bypassing the routing tree; present but empty,
     * it names none (a playbook's notification that pages only people).
     */
    public static final String RECEIVERS_ENTITY = "notify.receivers";

    /** The entity by which an alert names an escalation policy to start (an incident's SLA breach names its level's). */
    public static final String ESCALATION_ENTITY = "notify.escalation";

    private AlertLabels() {
    }

    public static Map<String, String> of(AlertView alert) {
        Map<String, String> labels = new LinkedHashMap<>();
        alert.entities().forEach((name, value) -> labels.put(name.replace('.', '_'), value));
        labels.put("alertname", alert.title());
        labels.put("severity", alert.severity());
        labels.put("source", alert.source());
        labels.put("tenant", alert.tenant());
        labels.put("rule", alert.ruleRef());
        return labels;
    }

    /** The receivers an alert names itself (a monitor with named receivers), or none. */
    public static java.util.List<String> namedReceivers(AlertView alert) {
        String names = alert.entities().getOrDefault(RECEIVERS_ENTITY, "");
        return java.util.Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }
}
