package dev.vigil.vuln.cvss;

import java.math.BigDecimal;

/** CVSS qualitative severity rating (v3.1 table 14, identical in v4.0). */
public enum Severity {
    NONE("None"), LOW("Low"), MEDIUM("Medium"), HIGH("High"), CRITICAL("Critical");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The rating as the specification spells it, e.g. {@code Critical}. */
    public String label() {
        return label;
    }

    /** Rating band of a score in 0.0..10.0. */
    public static Severity of(BigDecimal score) {
        int tenths = score.movePointRight(1).intValueExact();
        if (tenths == 0) {
            return NONE;
        }
        if (tenths < 40) {
            return LOW;
        }
        if (tenths < 70) {
            return MEDIUM;
        }
        if (tenths < 90) {
            return HIGH;
        }
        return CRITICAL;
    }

    @Override
    public String toString() {
        return label;
    }
}
