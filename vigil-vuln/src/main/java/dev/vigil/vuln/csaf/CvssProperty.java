package dev.vigil.vuln.csaf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A property of FIRST's CVSS JSON objects that repeats one metric of the vector, with the JSON value of each metric
 * value (FIRST cvss-v2.0.json and cvss-v3.x.json). Absent optional metrics are Not Defined ({@code X} / {@code ND}).
 *
 * @param json   the JSON property name, e.g. {@code attackVector}
 * @param metric the vector abbreviation, e.g. {@code AV}
 * @param values vector value to JSON value, e.g. {@code N -> NETWORK}
 */
record CvssProperty(String json, String metric, Map<String, String> values) {

    static final List<CvssProperty> V3 = List.of(
            of("attackVector", "AV", "N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL", "P", "PHYSICAL"),
            of("attackComplexity", "AC", "L", "LOW", "H", "HIGH"),
            of("privilegesRequired", "PR", "N", "NONE", "L", "LOW", "H", "HIGH"),
            of("userInteraction", "UI", "N", "NONE", "R", "REQUIRED"),
            of("scope", "S", "U", "UNCHANGED", "C", "CHANGED"),
            of("confidentialityImpact", "C", "N", "NONE", "L", "LOW", "H", "HIGH"),
            of("integrityImpact", "I", "N", "NONE", "L", "LOW", "H", "HIGH"),
            of("availabilityImpact", "A", "N", "NONE", "L", "LOW", "H", "HIGH"),
            of("exploitCodeMaturity", "E", "X", "NOT_DEFINED", "U", "UNPROVEN", "P", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL",
                    "H", "HIGH"),
            of("remediationLevel", "RL", "X", "NOT_DEFINED", "O", "OFFICIAL_FIX", "T", "TEMPORARY_FIX", "W", "WORKAROUND",
                    "U", "UNAVAILABLE"),
            of("reportConfidence", "RC", "X", "NOT_DEFINED", "U", "UNKNOWN", "R", "REASONABLE", "C", "CONFIRMED"),
            of("confidentialityRequirement", "CR", "X", "NOT_DEFINED", "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            of("integrityRequirement", "IR", "X", "NOT_DEFINED", "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            of("availabilityRequirement", "AR", "X", "NOT_DEFINED", "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            of("modifiedAttackVector", "MAV", "X", "NOT_DEFINED", "N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL",
                    "P", "PHYSICAL"),
            of("modifiedAttackComplexity", "MAC", "X", "NOT_DEFINED", "L", "LOW", "H", "HIGH"),
            of("modifiedPrivilegesRequired", "MPR", "X", "NOT_DEFINED", "N", "NONE", "L", "LOW", "H", "HIGH"),
            of("modifiedUserInteraction", "MUI", "X", "NOT_DEFINED", "N", "NONE", "R", "REQUIRED"),
            of("modifiedScope", "MS", "X", "NOT_DEFINED", "U", "UNCHANGED", "C", "CHANGED"),
            of("modifiedConfidentialityImpact", "MC", "X", "NOT_DEFINED", "N", "NONE", "L", "LOW", "H", "HIGH"),
            of("modifiedIntegrityImpact", "MI", "X", "NOT_DEFINED", "N", "NONE", "L", "LOW", "H", "HIGH"),
            of("modifiedAvailabilityImpact", "MA", "X", "NOT_DEFINED", "N", "NONE", "L", "LOW", "H", "HIGH"));

    static final List<CvssProperty> V2 = List.of(
            of("accessVector", "AV", "N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL"),
            of("accessComplexity", "AC", "H", "HIGH", "M", "MEDIUM", "L", "LOW"),
            of("authentication", "Au", "M", "MULTIPLE", "S", "SINGLE", "N", "NONE"),
            of("confidentialityImpact", "C", "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
            of("integrityImpact", "I", "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
            of("availabilityImpact", "A", "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
            of("exploitability", "E", "ND", "NOT_DEFINED", "U", "UNPROVEN", "POC", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL",
                    "H", "HIGH"),
            of("remediationLevel", "RL", "ND", "NOT_DEFINED", "OF", "OFFICIAL_FIX", "TF", "TEMPORARY_FIX", "W", "WORKAROUND",
                    "U", "UNAVAILABLE"),
            of("reportConfidence", "RC", "ND", "NOT_DEFINED", "UC", "UNCONFIRMED", "UR", "UNCORROBORATED", "C", "CONFIRMED"),
            of("collateralDamagePotential", "CDP", "ND", "NOT_DEFINED", "N", "NONE", "L", "LOW", "LM", "LOW_MEDIUM",
                    "MH", "MEDIUM_HIGH", "H", "HIGH"),
            of("targetDistribution", "TD", "ND", "NOT_DEFINED", "N", "NONE", "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            of("confidentialityRequirement", "CR", "ND", "NOT_DEFINED", "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            of("integrityRequirement", "IR", "ND", "NOT_DEFINED", "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            of("availabilityRequirement", "AR", "ND", "NOT_DEFINED", "L", "LOW", "M", "MEDIUM", "H", "HIGH"));

    private static CvssProperty of(String json, String metric, String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new CvssProperty(json, metric, values);
    }

    /** The JSON value this property must have for a vector with these metrics (absent metric: Not Defined). */
    String expected(Map<String, String> metrics) {
        String value = metrics.get(metric);
        if (value == null) {
            value = values.containsKey("X") ? "X" : "ND";
        }
        return values.get(value);
    }
}
