package dev.vigil.vuln.cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CVSS v2.0 base, temporal and environmental equations (FIRST CVSS v2 guide §3.2); needed because CSAF 2.0 documents
 * still carry {@code cvss_v2} scores. Vectors have no prefix, e.g. {@code AV:N/AC:L/Au:N/C:P/I:P/A:P}.
 */
public final class Cvss2Calculator {

    private static final String METRIC = "(AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)"
            + "|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))";
    /** FIRST cvss-v2.0.json's pattern of {@code vectorString}. */
    private static final Pattern VECTOR = Pattern.compile("^(" + METRIC + "/)*" + METRIC + "$");

    /**
     * The scores of one vector.
     *
     * @param metrics            the metrics the vector sets
     * @param baseScore          the base score
     * @param temporalScore      the temporal score (the base score when no temporal metric is set)
     * @param environmentalScore the environmental score
     */
    public record Score(Map<String, String> metrics, BigDecimal baseScore, BigDecimal temporalScore,
                        BigDecimal environmentalScore) {
    }

    private Cvss2Calculator() {
    }

    /** The metrics the vector sets. @throws InvalidCvssVectorException when it is not a valid v2 vector */
    public static Map<String, String> metrics(String vector) {
        if (vector == null || !VECTOR.matcher(vector).matches()) {
            throw new InvalidCvssVectorException(String.valueOf(vector), "not a CVSS v2.0 vector");
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : vector.split("/")) {
            String[] kv = part.split(":");
            if (metrics.put(kv[0], kv[1]) != null) {
                throw new InvalidCvssVectorException(vector, "duplicate metric '" + kv[0] + "'");
            }
        }
        for (String base : new String[] {"AV", "AC", "Au", "C", "I", "A"}) {
            if (!metrics.containsKey(base)) {
                throw new InvalidCvssVectorException(vector, "missing mandatory metric " + base);
            }
        }
        return metrics;
    }

    /** Scores the vector. @throws InvalidCvssVectorException when it is not a valid v2 vector */
    public static Score score(String vector) {
        Map<String, String> m = metrics(vector);
        double base = base(m, impact(m.get("C"), m.get("I"), m.get("A"), 1, 1, 1));
        double temporalFactor = exploitability(m) * remediationLevel(m) * reportConfidence(m);
        double temporal = round(base * temporalFactor);
        double adjustedImpact = Math.min(10, impact(m.get("C"), m.get("I"), m.get("A"),
                requirement(m.get("CR")), requirement(m.get("IR")), requirement(m.get("AR"))));
        double adjustedTemporal = round(base(m, adjustedImpact) * temporalFactor);
        double environmental = round((adjustedTemporal + (10 - adjustedTemporal) * collateralDamage(m.get("CDP")))
                * targetDistribution(m.get("TD")));
        return new Score(m, decimal(base), decimal(temporal), decimal(environmental));
    }

    private static double impact(String c, String i, String a, double cr, double ir, double ar) {
        return 10.41 * (1 - (1 - cia(c) * cr) * (1 - cia(i) * ir) * (1 - cia(a) * ar));
    }

    private static double base(Map<String, String> m, double impact) {
        double av = switch (m.get("AV")) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            default -> 1.0;
        };
        double ac = switch (m.get("AC")) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            default -> 0.71;
        };
        double au = switch (m.get("Au")) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            default -> 0.704;
        };
        double exploitability = 20 * av * ac * au;
        return round((0.6 * impact + 0.4 * exploitability - 1.5) * (impact == 0 ? 0 : 1.176));
    }

    private static double cia(String v) {
        return switch (v) {
            case "P" -> 0.275;
            case "C" -> 0.660;
            default -> 0;
        };
    }

    private static double exploitability(Map<String, String> m) {
        return switch (m.getOrDefault("E", "ND")) {
            case "U" -> 0.85;
            case "POC" -> 0.9;
            case "F" -> 0.95;
            default -> 1;
        };
    }

    private static double remediationLevel(Map<String, String> m) {
        return switch (m.getOrDefault("RL", "ND")) {
            case "OF" -> 0.87;
            case "TF" -> 0.90;
            case "W" -> 0.95;
            default -> 1;
        };
    }

    private static double reportConfidence(Map<String, String> m) {
        return switch (m.getOrDefault("RC", "ND")) {
            case "UC" -> 0.90;
            case "UR" -> 0.95;
            default -> 1;
        };
    }

    private static double requirement(String v) {
        return v == null ? 1 : switch (v) {
            case "L" -> 0.5;
            case "H" -> 1.51;
            default -> 1;
        };
    }

    private static double collateralDamage(String v) {
        return v == null ? 0 : switch (v) {
            case "L" -> 0.1;
            case "LM" -> 0.3;
            case "MH" -> 0.4;
            case "H" -> 0.5;
            default -> 0;
        };
    }

    private static double targetDistribution(String v) {
        return v == null ? 1 : switch (v) {
            case "N" -> 0;
            case "L" -> 0.25;
            case "M" -> 0.75;
            default -> 1;
        };
    }

    /** Rounds to one decimal, half up, after removing the binary noise of the products above. */
    private static double round(double value) {
        return new BigDecimal(Double.toString(value)).setScale(6, RoundingMode.HALF_UP).setScale(1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static BigDecimal decimal(double oneDecimal) {
        return BigDecimal.valueOf(Math.round(oneDecimal * 10), 1);
    }
}
