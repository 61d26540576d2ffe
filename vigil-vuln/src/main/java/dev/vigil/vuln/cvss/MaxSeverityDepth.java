package dev.vigil.vuln.cvss;

/**
 * Depth of each CVSS v4.0 MacroVector per equivalence set, in 0.1 severity-distance steps: the largest distance from
 * a highest-severity vector plus one (FIRST reference calculator {@code max_severity}).
 */
final class MaxSeverityDepth {

    private MaxSeverityDepth() {
    }

    static int eq1(int eq1) {
        return new int[] {1, 4, 5}[eq1];
    }

    static int eq2(int eq2) {
        return new int[] {1, 2}[eq2];
    }

    static int eq3eq6(int eq3, int eq6) {
        return switch (eq3) {
            case 0 -> eq6 == 0 ? 7 : 6;
            case 1 -> 8;
            default -> 10;
        };
    }

    static int eq4(int eq4) {
        return new int[] {6, 5, 4}[eq4];
    }
}
