package dev.vigil.vuln.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Severity as a scanner reported it, normalised; INFO covers log/informational/none, UNKNOWN what the tool left open. */
public enum FindingSeverity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO, UNKNOWN;

    /** Case-insensitive names used by the supported scanners; anything unrecognised is UNKNOWN. */
    public static FindingSeverity parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "high", "error" -> HIGH;
            case "medium", "moderate", "warning" -> MEDIUM;
            case "low", "note" -> LOW;
            case "info", "informational", "information", "log", "none", "negligible" -> INFO;
            default -> UNKNOWN;
        };
    }

    /** Band of a 0-10 CVSS-style score, as scanners (Nessus, SARIF security-severity) use it. */
    public static FindingSeverity ofScore(BigDecimal score) {
        if (score.signum() <= 0) {
            return INFO;
        }
        if (score.compareTo(BigDecimal.valueOf(4)) < 0) {
            return LOW;
        }
        if (score.compareTo(BigDecimal.valueOf(7)) < 0) {
            return MEDIUM;
        }
        if (score.compareTo(BigDecimal.valueOf(9)) < 0) {
            return HIGH;
        }
        return CRITICAL;
    }
}
