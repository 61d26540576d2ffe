package dev.vigil.vuln.cvss;

import java.util.Map;

/** The six CVSS v4.0 equivalence sets (specification §8.1 table 24) computed from effective metric values. */
final class MacroVector {

    private MacroVector() {
    }

    static String of(Map<String, String> v) {
        return "" + eq1(v) + eq2(v) + eq3(v) + eq4(v) + eq5(v) + eq6(v);
    }

    private static int eq1(Map<String, String> v) {
        boolean av = is(v, "AV", "N");
        boolean pr = is(v, "PR", "N");
        boolean ui = is(v, "UI", "N");
        if (av && pr && ui) {
            return 0;
        }
        if ((av || pr || ui) && !is(v, "AV", "P")) {
            return 1;
        }
        return 2;
    }

    private static int eq2(Map<String, String> v) {
        return is(v, "AC", "L") && is(v, "AT", "N") ? 0 : 1;
    }

    private static int eq3(Map<String, String> v) {
        if (is(v, "VC", "H") && is(v, "VI", "H")) {
            return 0;
        }
        return is(v, "VC", "H") || is(v, "VI", "H") || is(v, "VA", "H") ? 1 : 2;
    }

    private static int eq4(Map<String, String> v) {
        if (is(v, "SI", "S") || is(v, "SA", "S")) {
            return 0;
        }
        return is(v, "SC", "H") || is(v, "SI", "H") || is(v, "SA", "H") ? 1 : 2;
    }

    private static int eq5(Map<String, String> v) {
        return switch (v.get("E")) {
            case "A" -> 0;
            case "P" -> 1;
            default -> 2;
        };
    }

    private static int eq6(Map<String, String> v) {
        boolean high = (is(v, "CR", "H") && is(v, "VC", "H")) || (is(v, "IR", "H") && is(v, "VI", "H"))
                || (is(v, "AR", "H") && is(v, "VA", "H"));
        return high ? 0 : 1;
    }

    private static boolean is(Map<String, String> v, String key, String value) {
        return value.equals(v.get(key));
    }
}
