package dev.vigil.vuln.csaf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * Runs the mandatory tests of CSAF 2.0 §6.1 over a document, after a structure check (test id {@code schema}) of the
 * members the tests and readers rely on; it is a subset of the JSON schema, not the schema. The tests skip what they
 * cannot read. §6.1.11 checks CWE names against the catalogue OWASP dependency-check ships ({@link CweCatalog}).
 * Thread-safe and stateless.
 */
public final class CsafValidator {

    private static final List<ConformanceTest> TESTS = Stream.of(List.of(StructureCheck.test()), ProductIdTests.all(),
            VulnerabilityTests.all(), CvssTests.all(), DocumentTests.all(), RevisionHistoryTests.all(), ProductTreeTests.all(),
            ProfileTests.all()).flatMap(List::stream).toList();
    private static final List<ConformanceTest> OPTIONAL = OptionalTests.all();

    /** The ids of the tests this validator runs: {@code schema}, then the mandatory tests in section order. */
    public List<String> testIds() {
        return Stream.concat(Stream.of(StructureCheck.ID), TESTS.stream().map(ConformanceTest::id)
                .filter(id -> !id.equals(StructureCheck.ID)).sorted(CsafValidator::bySection)).toList();
    }

    /** Runs every mandatory test; an empty list means the document passes them all. */
    public List<CsafViolation> validate(JsonNode document) {
        CsafDocumentView view = new CsafDocumentView(document);
        List<CsafViolation> violations = new ArrayList<>();
        for (ConformanceTest test : TESTS) {
            test.check().run(view, new Report(test.id(), violations));
        }
        return violations;
    }

    /** The ids of the optional tests (§6.2) {@link #warnings} runs, in section order. */
    public List<String> optionalTestIds() {
        return OPTIONAL.stream().map(ConformanceTest::id).sorted(CsafValidator::bySection).toList();
    }

    /** Runs the optional tests: what they find is worth fixing but does not make the document invalid. */
    public List<CsafViolation> warnings(JsonNode document) {
        CsafDocumentView view = new CsafDocumentView(document);
        List<CsafViolation> warnings = new ArrayList<>();
        for (ConformanceTest test : OPTIONAL) {
            test.check().run(view, new Report(test.id(), warnings));
        }
        return warnings;
    }

    /** Runs one mandatory or optional test by id. @throws IllegalArgumentException for an id this validator does not run */
    public List<CsafViolation> validate(JsonNode document, String testId) {
        ConformanceTest test = Stream.concat(TESTS.stream(), OPTIONAL.stream()).filter(t -> t.id().equals(testId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test " + testId));
        List<CsafViolation> violations = new ArrayList<>();
        test.check().run(new CsafDocumentView(document), new Report(test.id(), violations));
        return violations;
    }

    private static int bySection(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
