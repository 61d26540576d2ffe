package dev.vigil.server.alerting;

import java.util.Arrays;
import java.util.Locale;

/** How bad an alert is, in Sigma's level vocabulary (monitor levels map onto it). */
public enum AlertSeverity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of a Sigma level or code; unknown or missing levels are medium, as Sigma's default. */
    public static AlertSeverity ofLevel(String level) {
        if (level == null || level.isBlank()) {
            return MEDIUM;
        }
        return Arrays.stream(values()).filter(s -> s.code().equals(level.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElse(MEDIUM);
    }

    /** The severity named by a request parameter, or IllegalArgumentException listing the valid names. */
    public static AlertSeverity parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity '" + code
                        + "' (informational, low, medium, high, critical)"));
    }
}
