package dev.vigil.vuln.assess;

import java.util.Locale;

/** How urgently a finding must be remediated; each priority has its own SLA. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
