package dev.vigil.vuln.csaf;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.vigil.vuln.cvss.Cvss2Calculator;
import dev.vigil.vuln.cvss.CvssCalculator;
import dev.vigil.vuln.cvss.CvssScore;
import dev.vigil.vuln.cvss.InvalidCvssVectorException;
import dev.vigil.vuln.cvss.Severity;
import tools.jackson.databind.JsonNode;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;
import static dev.vigil.vuln.csaf.CsafDocumentView.text;

/** §6.1.7-6.1.10: the CVSS objects of {@code /vulnerabilities[]/scores[]}, scored with vigil-vuln's calculators. */
final class CvssTests {

    private static final Set<String> SEVERITIES = Set.of("NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private CvssTests() {
    }

    static List<ConformanceTest> all() {
        return List.of(
                new ConformanceTest("6.1.7", "Multiple Scores with same Version per Product", CvssTests::multipleScores),
                new ConformanceTest("6.1.8", "Invalid CVSS", CvssTests::invalid),
                new ConformanceTest("6.1.9", "Invalid CVSS computation", CvssTests::computation),
                new ConformanceTest("6.1.10", "Inconsistent CVSS", CvssTests::inconsistent));
    }

    /** Calls the action with every cvss_v2 / cvss_v3 object and its path. */
    private static void eachCvss(CsafDocumentView doc, String kind, java.util.function.BiConsumer<JsonNode, String> action) {
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) ->
                each(vulnerability.path("scores"), path + "/scores", (score, scorePath) -> {
                    if (score.has(kind)) {
                        action.accept(score.path(kind), scorePath + "/" + kind);
                    }
                }));
    }

    private static void multipleScores(CsafDocumentView doc, Report report) {
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            Map<String, String> first = new HashMap<>();
            each(vulnerability.path("scores"), path + "/scores", (score, scorePath) -> {
                for (String kind : List.of("cvss_v2", "cvss_v3")) {
                    if (!score.has(kind)) {
                        continue;
                    }
                    String version = kind.equals("cvss_v2") ? "2.0" : text(score.path(kind).path("version"));
                    each(score.path("products"), scorePath + "/products", (product, productPath) -> {
                        String id = text(product);
                        if (id == null) {
                            return;
                        }
                        String earlier = first.putIfAbsent(id + "\u0000" + version, productPath);
                        if (earlier != null) {
                            report.fail(productPath, "product '" + id + "' already has a CVSS " + version
                                    + " score at " + earlier);
                        }
                    });
                }
            });
        });
    }

    /** Structure and values as FIRST's CVSS JSON schemas require them. */
    private static void invalid(CsafDocumentView doc, Report report) {
        eachCvss(doc, "cvss_v3", (cvss, path) -> {
            String version = text(cvss.path("version"));
            if (!"3.0".equals(version) && !"3.1".equals(version)) {
                report.fail(path + "/version", "must be 3.0 or 3.1");
            }
            requireScore(cvss, "baseScore", path, report);
            requireSeverity(cvss, "baseSeverity", path, true, report);
            optionalScore(cvss, "temporalScore", path, report);
            optionalScore(cvss, "environmentalScore", path, report);
            requireSeverity(cvss, "temporalSeverity", path, false, report);
            requireSeverity(cvss, "environmentalSeverity", path, false, report);
            String vector = text(cvss.path("vectorString"));
            if (vector == null) {
                report.fail(path + "/vectorString", "is required");
            } else if (version != null && !vector.startsWith("CVSS:" + version + "/")) {
                report.fail(path + "/vectorString", "does not start with CVSS:" + version + "/");
            } else {
                try {
                    CvssCalculator.metrics(vector);
                } catch (InvalidCvssVectorException e) {
                    report.fail(path + "/vectorString", e.getMessage());
                }
            }
            enumValues(cvss, CvssProperty.V3, path, report);
        });
        eachCvss(doc, "cvss_v2", (cvss, path) -> {
            if (!"2.0".equals(text(cvss.path("version")))) {
                report.fail(path + "/version", "must be 2.0");
            }
            requireScore(cvss, "baseScore", path, report);
            optionalScore(cvss, "temporalScore", path, report);
            optionalScore(cvss, "environmentalScore", path, report);
            String vector = text(cvss.path("vectorString"));
            if (vector == null) {
                report.fail(path + "/vectorString", "is required");
            } else {
                try {
                    Cvss2Calculator.metrics(vector);
                } catch (InvalidCvssVectorException e) {
                    report.fail(path + "/vectorString", e.getMessage());
                }
            }
            enumValues(cvss, CvssProperty.V2, path, report);
        });
    }

    private static void requireScore(JsonNode cvss, String field, String path, Report report) {
        if (!cvss.has(field)) {
            report.fail(path + "/" + field, "is required");
        } else {
            optionalScore(cvss, field, path, report);
        }
    }

    private static void optionalScore(JsonNode cvss, String field, String path, Report report) {
        JsonNode score = cvss.path(field);
        if (cvss.has(field) && (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 10)) {
            report.fail(path + "/" + field, "must be a number from 0 to 10");
        }
    }

    private static void requireSeverity(JsonNode cvss, String field, String path, boolean required, Report report) {
        if (!cvss.has(field)) {
            if (required) {
                report.fail(path + "/" + field, "is required");
            }
        } else if (text(cvss.path(field)) == null || !SEVERITIES.contains(text(cvss.path(field)))) {
            report.fail(path + "/" + field, "must be one of " + String.join(", ", SEVERITIES));
        }
    }

    private static void enumValues(JsonNode cvss, List<CvssProperty> properties, String path, Report report) {
        for (CvssProperty property : properties) {
            if (cvss.has(property.json()) && !property.values().containsValue(text(cvss.path(property.json())))) {
                report.fail(path + "/" + property.json(), "must be one of " + String.join(", ", property.values().values()));
            }
        }
    }

    private static void computation(CsafDocumentView doc, Report report) {
        eachCvss(doc, "cvss_v3", (cvss, path) -> {
            CvssScore score = scoreOrNull(text(cvss.path("vectorString")));
            if (score == null) {
                return;
            }
            compare(cvss, "baseScore", "baseSeverity", score.baseScore(), path, report);
            compare(cvss, "temporalScore", "temporalSeverity", score.temporalScore(), path, report);
            compare(cvss, "environmentalScore", "environmentalSeverity", score.environmentalScore(), path, report);
        });
        eachCvss(doc, "cvss_v2", (cvss, path) -> {
            Cvss2Calculator.Score score;
            try {
                score = Cvss2Calculator.score(text(cvss.path("vectorString")));
            } catch (InvalidCvssVectorException e) {
                return;
            }
            compare(cvss, "baseScore", null, score.baseScore(), path, report);
            compare(cvss, "temporalScore", null, score.temporalScore(), path, report);
            compare(cvss, "environmentalScore", null, score.environmentalScore(), path, report);
        });
    }

    private static CvssScore scoreOrNull(String vector) {
        try {
            return vector == null ? null : CvssCalculator.score(vector);
        } catch (InvalidCvssVectorException e) {
            return null;
        }
    }

    private static void compare(JsonNode cvss, String scoreField, String severityField, BigDecimal expected, String path,
            Report report) {
        JsonNode given = cvss.path(scoreField);
        if (given.isNumber() && given.decimalValue().compareTo(expected) != 0) {
            report.fail(path + "/" + scoreField, "is " + given.decimalValue() + " but the vector gives " + expected);
        }
        if (severityField != null && cvss.has(severityField)) {
            String severity = Severity.of(expected).label().toUpperCase(Locale.ROOT);
            if (!severity.equals(text(cvss.path(severityField)))) {
                report.fail(path + "/" + severityField, "is " + text(cvss.path(severityField)) + " but the vector's "
                        + scoreField + " " + expected + " is " + severity);
            }
        }
    }

    private static void inconsistent(CsafDocumentView doc, Report report) {
        eachCvss(doc, "cvss_v3", (cvss, path) -> {
            String vector = text(cvss.path("vectorString"));
            Map<String, String> metrics;
            try {
                metrics = vector == null ? null : CvssCalculator.metrics(vector);
            } catch (InvalidCvssVectorException e) {
                metrics = null;
            }
            if (metrics == null) {
                return;
            }
            String version = text(cvss.path("version"));
            if (version != null && !vector.startsWith("CVSS:" + version + "/")) {
                report.fail(path + "/version", "is " + version + " but the vector is " + vector.substring(0, 8));
            }
            properties(cvss, CvssProperty.V3, metrics, path, report);
        });
        eachCvss(doc, "cvss_v2", (cvss, path) -> {
            Map<String, String> metrics;
            try {
                metrics = Cvss2Calculator.metrics(text(cvss.path("vectorString")));
            } catch (InvalidCvssVectorException e) {
                return;
            }
            properties(cvss, CvssProperty.V2, metrics, path, report);
        });
    }

    private static void properties(JsonNode cvss, List<CvssProperty> properties, Map<String, String> metrics, String path,
            Report report) {
        for (CvssProperty property : properties) {
            String given = text(cvss.path(property.json()));
            String expected = property.expected(metrics);
            if (given != null && !given.equals(expected)) {
                report.fail(path + "/" + property.json(), "is " + given + " but the vector says " + expected);
            }
        }
    }
}
