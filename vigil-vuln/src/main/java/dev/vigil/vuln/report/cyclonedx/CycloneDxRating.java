package dev.vigil.vuln.report.cyclonedx;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingSeverity;

/** One {@code ratings[]} entry of a CycloneDX vulnerability, in either serialisation. */
record CycloneDxRating(String method, BigDecimal score, String severity, String vector) {

    private static final List<String> PREFERRED_METHODS = List.of("cvssv4", "cvssv31", "cvssv3");

    /**
     * Applies the ratings to a finding: the CVSS vector of the newest CVSS method (v2 vectors are not kept), and the
     * first explicit severity, falling back to the band of that CVSS score.
     */
    static void apply(List<CycloneDxRating> ratings, Finding.Builder builder) {
        CycloneDxRating cvss = null;
        for (String method : PREFERRED_METHODS) {
            for (CycloneDxRating rating : ratings) {
                if (cvss == null && rating.vector() != null && method.equals(lower(rating.method()))) {
                    cvss = rating;
                }
            }
        }
        if (cvss != null) {
            builder.cvss(prefixed(lower(cvss.method()), cvss.vector()), cvss.score());
        }
        FindingSeverity severity = FindingSeverity.UNKNOWN;
        for (CycloneDxRating rating : ratings) {
            FindingSeverity parsed = FindingSeverity.parse(rating.severity());
            if (parsed != FindingSeverity.UNKNOWN) {
                severity = parsed;
                break;
            }
        }
        if (severity == FindingSeverity.UNKNOWN && cvss != null && cvss.score() != null) {
            severity = FindingSeverity.ofScore(cvss.score());
        }
        builder.severity(severity);
    }

    /** CycloneDX allows vectors without the {@code CVSS:x.y/} prefix; the method says which version it is. */
    private static String prefixed(String method, String vector) {
        if (vector.startsWith("CVSS:")) {
            return vector;
        }
        String prefix = switch (method) {
            case "cvssv4" -> "CVSS:4.0/";
            case "cvssv31" -> "CVSS:3.1/";
            default -> "CVSS:3.0/";
        };
        return prefix + (vector.startsWith("(") && vector.endsWith(")") ? vector.substring(1, vector.length() - 1)
                : vector);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
