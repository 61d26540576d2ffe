package dev.vigil.vuln.cvss;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Severity distance (in 0.1 steps) of a vector from the first highest-severity vector of its MacroVector that it does
 * not exceed, summed per equivalence set. The highest-severity vectors per EQ level are those of the specification's
 * MacroVector definitions (FIRST reference calculator {@code max_composed}).
 */
record SeverityDistances(int eq1, int eq2, int eq3eq6, int eq4) {

    private static final Map<String, Map<String, Integer>> LEVELS = Map.ofEntries(
            Map.entry("AV", Map.of("N", 0, "A", 1, "L", 2, "P", 3)),
            Map.entry("PR", Map.of("N", 0, "L", 1, "H", 2)),
            Map.entry("UI", Map.of("N", 0, "P", 1, "A", 2)),
            Map.entry("AC", Map.of("L", 0, "H", 1)),
            Map.entry("AT", Map.of("N", 0, "P", 1)),
            Map.entry("VC", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("VI", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("VA", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("SC", Map.of("H", 1, "L", 2, "N", 3)),
            Map.entry("SI", Map.of("S", 0, "H", 1, "L", 2, "N", 3)),
            Map.entry("SA", Map.of("S", 0, "H", 1, "L", 2, "N", 3)),
            Map.entry("CR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("IR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("AR", Map.of("H", 0, "M", 1, "L", 2)));

    private static final List<List<String>> EQ1_MAX = List.of(
            List.of("AV:N/PR:N/UI:N"),
            List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
            List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));
    private static final List<List<String>> EQ2_MAX = List.of(
            List.of("AC:L/AT:N"),
            List.of("AC:H/AT:N", "AC:L/AT:P"));
    /** Indexed by EQ3 then EQ6. */
    private static final List<List<List<String>>> EQ3_EQ6_MAX = List.of(
            List.of(List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
                    List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M")),
            List.of(List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
                    List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                            "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                            "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M")),
            List.of(List.of(), List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H")));
    private static final List<List<String>> EQ4_MAX = List.of(
            List.of("SC:H/SI:S/SA:S"),
            List.of("SC:H/SI:H/SA:H"),
            List.of("SC:L/SI:L/SA:L"));

    static SeverityDistances fromHighest(Map<String, String> v, String macroVector) {
        int eq1 = macroVector.charAt(0) - '0';
        int eq2 = macroVector.charAt(1) - '0';
        int eq3 = macroVector.charAt(2) - '0';
        int eq4 = macroVector.charAt(3) - '0';
        int eq6 = macroVector.charAt(5) - '0';
        List<Map<String, String>> candidates = new ArrayList<>();
        for (String a : EQ1_MAX.get(eq1)) {
            for (String b : EQ2_MAX.get(eq2)) {
                for (String c : EQ3_EQ6_MAX.get(eq3).get(eq6)) {
                    for (String d : EQ4_MAX.get(eq4)) {
                        candidates.add(metrics(a + "/" + b + "/" + c + "/" + d));
                    }
                }
            }
        }
        // The first candidate the vector does not exceed in any metric; like the reference, the last one otherwise.
        Map<String, Integer> chosen = null;
        for (Map<String, String> candidate : candidates) {
            chosen = new HashMap<>();
            boolean negative = false;
            for (String key : LEVELS.keySet()) {
                int distance = level(key, v.get(key)) - level(key, candidate.get(key));
                negative |= distance < 0;
                chosen.put(key, distance);
            }
            if (!negative) {
                break;
            }
        }
        return new SeverityDistances(
                sum(chosen, "AV", "PR", "UI"),
                sum(chosen, "AC", "AT"),
                sum(chosen, "VC", "VI", "VA", "CR", "IR", "AR"),
                sum(chosen, "SC", "SI", "SA"));
    }

    private static int level(String key, String value) {
        return LEVELS.get(key).get(value);
    }

    private static int sum(Map<String, Integer> distances, String... keys) {
        int total = 0;
        for (String key : keys) {
            total += distances.get(key);
        }
        return total;
    }

    private static Map<String, String> metrics(String compact) {
        Map<String, String> metrics = new HashMap<>();
        for (String part : compact.split("/")) {
            String[] kv = part.split(":");
            metrics.put(kv[0], kv[1]);
        }
        return metrics;
    }
}
