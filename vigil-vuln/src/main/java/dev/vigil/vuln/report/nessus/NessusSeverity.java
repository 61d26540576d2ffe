package dev.vigil.vuln.report.nessus;

import dev.vigil.vuln.report.FindingSeverity;

/** Nessus' numeric severity (0 info .. 4 critical) and its risk words. */
final class NessusSeverity {

    private NessusSeverity() {
    }

    static FindingSeverity of(String value) {
        if (value == null) {
            return FindingSeverity.UNKNOWN;
        }
        return switch (value.strip()) {
            case "0" -> FindingSeverity.INFO;
            case "1" -> FindingSeverity.LOW;
            case "2" -> FindingSeverity.MEDIUM;
            case "3" -> FindingSeverity.HIGH;
            case "4" -> FindingSeverity.CRITICAL;
            default -> FindingSeverity.parse(value);
        };
    }
}
