package dev.vigil.vuln.cvss;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static dev.vigil.vuln.cvss.MetricDefinition.mandatory;
import static dev.vigil.vuln.cvss.MetricDefinition.optional;

/**
 * CVSS v4.0 scoring as specified in §8 and implemented by FIRST's reference calculator: the vector's MacroVector score
 * is looked up, then lowered by the mean, over the equivalence sets, of the available score drop towards the next lower
 * MacroVector weighted by the vector's severity distance from the MacroVector's highest-severity vectors.
 *
 * <p>All arithmetic is exact (scores in tenths, one common denominator), and the final rounding is half-up on the
 * exact value. This equals the reference calculator with its 2024 epsilon fix and avoids the double-rounding trap
 * (e.g. 5.65 computed as 5.6499999999999995).
 */
final class Cvss4Calculator {

    private static final List<MetricDefinition> METRICS = List.of(
            mandatory("AV", "N", "A", "L", "P"),
            mandatory("AC", "L", "H"),
            mandatory("AT", "N", "P"),
            mandatory("PR", "N", "L", "H"),
            mandatory("UI", "N", "P", "A"),
            mandatory("VC", "H", "L", "N"),
            mandatory("VI", "H", "L", "N"),
            mandatory("VA", "H", "L", "N"),
            mandatory("SC", "H", "L", "N"),
            mandatory("SI", "H", "L", "N"),
            mandatory("SA", "H", "L", "N"),
            optional("E", "X", "A", "P", "U"),
            optional("CR", "X", "H", "M", "L"),
            optional("IR", "X", "H", "M", "L"),
            optional("AR", "X", "H", "M", "L"),
            optional("MAV", "X", "N", "A", "L", "P"),
            optional("MAC", "X", "L", "H"),
            optional("MAT", "X", "N", "P"),
            optional("MPR", "X", "N", "L", "H"),
            optional("MUI", "X", "N", "P", "A"),
            optional("MVC", "X", "H", "L", "N"),
            optional("MVI", "X", "H", "L", "N"),
            optional("MVA", "X", "H", "L", "N"),
            optional("MSC", "X", "H", "L", "N"),
            optional("MSI", "X", "S", "H", "L", "N"),
            optional("MSA", "X", "S", "H", "L", "N"),
            optional("S", "X", "N", "P"),
            optional("AU", "X", "N", "Y"),
            optional("R", "X", "A", "U", "I"),
            optional("V", "X", "D", "C"),
            optional("RE", "X", "L", "M", "H"),
            optional("U", "X", "Clear", "Green", "Amber", "Red"));

    private static final List<String> BASE_KEYS = List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
    private static final List<String> ENVIRONMENTAL_KEYS = List.of("CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI",
            "MVC", "MVI", "MVA", "MSC", "MSI", "MSA");
    private static final List<String> IMPACT_KEYS = List.of("VC", "VI", "VA", "SC", "SI", "SA");

    private static final CvssVectorParser PARSER = new CvssVectorParser(CvssVersion.V4_0.prefix(), METRICS);

    Map<String, String> metrics(String vector) {
        return PARSER.parse(vector);
    }

    CvssScore score(String vector) {
        Map<String, String> given = PARSER.parse(vector);
        Map<String, String> effective = effectiveValues(given);
        String macroVector = MacroVector.of(effective);
        int tenths = scoreTenths(effective, macroVector);
        BigDecimal score = BigDecimal.valueOf(tenths, 1);
        return new CvssScore(CvssVersion.V4_0, vector, score, null, null, Severity.of(score),
                nomenclature(given), macroVector);
    }

    /**
     * Values used for scoring: modified metrics override base ones, E:X counts as A and CR/IR/AR:X as H (the
     * worst case, per §7.2 / §8.1).
     */
    private static Map<String, String> effectiveValues(Map<String, String> given) {
        Map<String, String> effective = new HashMap<>();
        for (String key : BASE_KEYS) {
            String modified = given.getOrDefault("M" + key, "X");
            effective.put(key, modified.equals("X") ? given.get(key) : modified);
        }
        String exploit = given.getOrDefault("E", "X");
        effective.put("E", exploit.equals("X") ? "A" : exploit);
        for (String key : List.of("CR", "IR", "AR")) {
            String requirement = given.getOrDefault(key, "X");
            effective.put(key, requirement.equals("X") ? "H" : requirement);
        }
        return effective;
    }

    private static String nomenclature(Map<String, String> given) {
        boolean threat = !given.getOrDefault("E", "X").equals("X");
        boolean environmental = ENVIRONMENTAL_KEYS.stream().anyMatch(k -> !given.getOrDefault(k, "X").equals("X"));
        return "CVSS-B" + (threat ? "T" : "") + (environmental ? "E" : "");
    }

    private static int scoreTenths(Map<String, String> v, String macroVector) {
        if (IMPACT_KEYS.stream().allMatch(k -> v.get(k).equals("N"))) {
            return 0;
        }
        int eq1 = digit(macroVector, 0);
        int eq2 = digit(macroVector, 1);
        int eq3 = digit(macroVector, 2);
        int eq4 = digit(macroVector, 3);
        int eq5 = digit(macroVector, 4);
        int eq6 = digit(macroVector, 5);
        int value = MacroVectorScores.tenths(macroVector).orElseThrow();

        OptionalInt lowerEq1 = MacroVectorScores.tenths(macro(eq1 + 1, eq2, eq3, eq4, eq5, eq6));
        OptionalInt lowerEq2 = MacroVectorScores.tenths(macro(eq1, eq2 + 1, eq3, eq4, eq5, eq6));
        OptionalInt lowerEq3Eq6 = lowerEq3Eq6(eq1, eq2, eq3, eq4, eq5, eq6);
        OptionalInt lowerEq4 = MacroVectorScores.tenths(macro(eq1, eq2, eq3, eq4 + 1, eq5, eq6));
        OptionalInt lowerEq5 = MacroVectorScores.tenths(macro(eq1, eq2, eq3, eq4, eq5 + 1, eq6));

        SeverityDistances distances = SeverityDistances.fromHighest(v, macroVector);

        // mean drop = (sum over existing lower MacroVectors of (value - lower) * distance / depth) / count,
        // accumulated as a fraction numerator / (depthProduct * count).
        int depth1 = MaxSeverityDepth.eq1(eq1);
        int depth2 = MaxSeverityDepth.eq2(eq2);
        int depth36 = MaxSeverityDepth.eq3eq6(eq3, eq6);
        int depth4 = MaxSeverityDepth.eq4(eq4);
        long depthProduct = (long) depth1 * depth2 * depth36 * depth4;
        long numerator = 0;
        int count = 0;
        if (lowerEq1.isPresent()) {
            count++;
            numerator += (long) (value - lowerEq1.getAsInt()) * distances.eq1() * (depthProduct / depth1);
        }
        if (lowerEq2.isPresent()) {
            count++;
            numerator += (long) (value - lowerEq2.getAsInt()) * distances.eq2() * (depthProduct / depth2);
        }
        if (lowerEq3Eq6.isPresent()) {
            count++;
            numerator += (long) (value - lowerEq3Eq6.getAsInt()) * distances.eq3eq6() * (depthProduct / depth36);
        }
        if (lowerEq4.isPresent()) {
            count++;
            numerator += (long) (value - lowerEq4.getAsInt()) * distances.eq4() * (depthProduct / depth4);
        }
        if (lowerEq5.isPresent()) {
            count++; // the EQ5 distance is always 0: it only widens the mean
        }
        if (count == 0) {
            return value;
        }
        long denominator = depthProduct * count;
        long scaled = value * denominator - numerator; // score in tenths = scaled / denominator
        if (scaled <= 0) {
            return 0;
        }
        if (scaled >= 100 * denominator) {
            return 100;
        }
        return (int) ((2 * scaled + denominator) / (2 * denominator)); // half-up
    }

    /** EQ3 and EQ6 move together: 00 may drop to 01 or 10 (the higher counts), 01 and 10 to 11, 11 to 21. */
    private static OptionalInt lowerEq3Eq6(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        if (eq3 == 0 && eq6 == 0) {
            OptionalInt left = MacroVectorScores.tenths(macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1));
            OptionalInt right = MacroVectorScores.tenths(macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
            if (left.isPresent() && right.isPresent()) {
                return left.getAsInt() > right.getAsInt() ? left : right;
            }
            return right;
        }
        if (eq3 == 1 && eq6 == 0) {
            return MacroVectorScores.tenths(macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1));
        }
        if (eq6 == 1 && eq3 < 2) {
            return MacroVectorScores.tenths(macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
        }
        return OptionalInt.empty();
    }

    private static int digit(String macroVector, int index) {
        return macroVector.charAt(index) - '0';
    }

    private static String macro(int... eqs) {
        StringBuilder sb = new StringBuilder(6);
        for (int eq : eqs) {
            sb.append(eq);
        }
        return sb.toString();
    }
}
