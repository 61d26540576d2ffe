package dev.vigil.vuln.cvss;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.vigil.vuln.cvss.MetricDefinition.mandatory;
import static dev.vigil.vuln.cvss.MetricDefinition.optional;

/**
 * CVSS v3.1 base, temporal and environmental equations (specification §7.1-7.4, Appendix A Roundup). CVSS:3.0 vectors
 * are scored with the v3.0 equations, which differ only in the changed-scope modified impact of the environmental score;
 * both use the float-safe integer Roundup that v3.1 introduced.
 */
final class Cvss3Calculator {

    private static final List<MetricDefinition> METRICS = List.of(
            mandatory("AV", "N", "A", "L", "P"),
            mandatory("AC", "L", "H"),
            mandatory("PR", "N", "L", "H"),
            mandatory("UI", "N", "R"),
            mandatory("S", "U", "C"),
            mandatory("C", "H", "L", "N"),
            mandatory("I", "H", "L", "N"),
            mandatory("A", "H", "L", "N"),
            optional("E", "X", "H", "F", "P", "U"),
            optional("RL", "X", "U", "W", "T", "O"),
            optional("RC", "X", "C", "R", "U"),
            optional("CR", "X", "H", "M", "L"),
            optional("IR", "X", "H", "M", "L"),
            optional("AR", "X", "H", "M", "L"),
            optional("MAV", "X", "N", "A", "L", "P"),
            optional("MAC", "X", "L", "H"),
            optional("MPR", "X", "N", "L", "H"),
            optional("MUI", "X", "N", "R"),
            optional("MS", "X", "U", "C"),
            optional("MC", "X", "H", "L", "N"),
            optional("MI", "X", "H", "L", "N"),
            optional("MA", "X", "H", "L", "N"));

    private static final CvssVectorParser PARSER_30 = new CvssVectorParser(CvssVersion.V3_0.prefix(), METRICS);
    private static final CvssVectorParser PARSER_31 = new CvssVectorParser(CvssVersion.V3_1.prefix(), METRICS);

    Map<String, String> metrics(String vector, CvssVersion version) {
        return (version == CvssVersion.V3_0 ? PARSER_30 : PARSER_31).parse(vector);
    }

    CvssScore score(String vector, CvssVersion version) {
        Map<String, String> m = metrics(vector, version);

        boolean changed = m.get("S").equals("C");
        double iss = 1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A")));
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * attackVector(m.get("AV")) * attackComplexity(m.get("AC"))
                * privileges(m.get("PR"), changed) * userInteraction(m.get("UI"));
        double base = impact <= 0 ? 0
                : roundup(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));

        double temporalFactor = exploitMaturity(opt(m, "E")) * remediationLevel(opt(m, "RL"))
                * reportConfidence(opt(m, "RC"));
        double temporal = roundup(base * temporalFactor);

        double environmental = environmental(m, version, temporalFactor);

        BigDecimal baseScore = decimal(base);
        return new CvssScore(version, vector, baseScore, decimal(temporal), decimal(environmental),
                Severity.of(baseScore), null, null);
    }

    private static double environmental(Map<String, String> m, CvssVersion version, double temporalFactor) {
        String ms = modified(m, "S");
        boolean changed = ms.equals("C");
        double miss = Math.min(1 - (1 - requirement(opt(m, "CR")) * cia(modified(m, "C")))
                * (1 - requirement(opt(m, "IR")) * cia(modified(m, "I")))
                * (1 - requirement(opt(m, "AR")) * cia(modified(m, "A"))), 0.915);
        double modifiedImpact;
        if (!changed) {
            modifiedImpact = 6.42 * miss;
        } else if (version == CvssVersion.V3_0) {
            modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
        } else {
            modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
        }
        double modifiedExploitability = 8.22 * attackVector(modified(m, "AV"))
                * attackComplexity(modified(m, "AC")) * privileges(modified(m, "PR"), changed)
                * userInteraction(modified(m, "UI"));
        if (modifiedImpact <= 0) {
            return 0;
        }
        double capped = roundup(Math.min((changed ? 1.08 : 1) * (modifiedImpact + modifiedExploitability), 10));
        return roundup(capped * temporalFactor);
    }

    /** Appendix A: rounds up to one decimal on integers so that e.g. 4.000000001 stays 4.0. */
    static double roundup(double value) {
        long intInput = Math.round(value * 100_000);
        if (intInput % 10_000 == 0) {
            return intInput / 100_000.0;
        }
        return (Math.floorDiv(intInput, 10_000) + 1) / 10.0;
    }

    private static BigDecimal decimal(double oneDecimal) {
        return BigDecimal.valueOf(Math.round(oneDecimal * 10), 1);
    }

    private static String opt(Map<String, String> m, String key) {
        return m.getOrDefault(key, "X");
    }

    /** The modified metric when set to something other than X, else the base metric. */
    private static String modified(Map<String, String> m, String baseKey) {
        String value = m.getOrDefault("M" + baseKey, "X");
        return value.equals("X") ? m.get(baseKey) : value;
    }

    private static double attackVector(String v) {
        return switch (v) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double attackComplexity(String v) {
        return v.equals("L") ? 0.77 : 0.44;
    }

    private static double privileges(String v, boolean scopeChanged) {
        return switch (v) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            default -> scopeChanged ? 0.5 : 0.27;
        };
    }

    private static double userInteraction(String v) {
        return v.equals("N") ? 0.85 : 0.62;
    }

    private static double cia(String v) {
        return switch (v) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0;
        };
    }

    private static double exploitMaturity(String v) {
        return switch (v) {
            case "F" -> 0.97;
            case "P" -> 0.94;
            case "U" -> 0.91;
            default -> 1;
        };
    }

    private static double remediationLevel(String v) {
        return switch (v) {
            case "W" -> 0.97;
            case "T" -> 0.96;
            case "O" -> 0.95;
            default -> 1;
        };
    }

    private static double reportConfidence(String v) {
        return switch (v) {
            case "R" -> 0.96;
            case "U" -> 0.92;
            default -> 1;
        };
    }

    private static double requirement(String v) {
        return switch (v) {
            case "H" -> 1.5;
            case "L" -> 0.5;
            default -> 1;
        };
    }
}
