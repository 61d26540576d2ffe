package dev.vigil.server.monitoring;

import java.util.Arrays;
import java.util.Locale;

import dev.vigil.server.alerting.AlertSeverity;

/** How urgent a monitor's alert is, and the alert severity it maps onto. */
public enum MonitorLevel {
    INFO(AlertSeverity.INFORMATIONAL), WARNING(AlertSeverity.MEDIUM), CRITICAL(AlertSeverity.HIGH), EMERGENCY(AlertSeverity.CRITICAL);

    private final AlertSeverity severity;

    MonitorLevel(AlertSeverity severity) {
        this.severity = severity;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public AlertSeverity severity() {
        return severity;
    }

    /** The level of a code, or IllegalArgumentException listing the valid ones. */
    public static MonitorLevel parse(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown level '" + code + "' (info, warning, critical, emergency)"));
    }
}
