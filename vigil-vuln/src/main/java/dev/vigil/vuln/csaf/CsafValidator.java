package dev.vigil.vuln.csaf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * Runs the mandatory tests of CSAF 2.0 §6.1 over a document. Schema validation (§3) is not part of it: the tests
 * assume a document of the schema's shape and skip what they cannot read. §6.1.11 (CWE names) needs MITRE's CWE
 * catalogue, which is not available here, and is not run. Thread-safe and stateless.
 */
public final class CsafValidator {

    private static final List<MandatoryTest> TESTS = Stream.of(ProductIdTests.all(), VulnerabilityTests.all(),
            CvssTests.all(), DocumentTests.all(), RevisionHistoryTests.all(), ProductTreeTests.all(), ProfileTests.all())
            .flatMap(List::stream).toList();

    /** The ids of the mandatory tests this validator runs, in section order. */
    public List<String> testIds() {
        return TESTS.stream().map(MandatoryTest::id).sorted(CsafValidator::bySection).toList();
    }

    /** Runs every mandatory test; an empty list means the document passes them all. */
    public List<CsafViolation> validate(JsonNode document) {
        CsafDocumentView view = new CsafDocumentView(document);
        List<CsafViolation> violations = new ArrayList<>();
        for (MandatoryTest test : TESTS) {
            test.check().run(view, new Report(test.id(), violations));
        }
        return violations;
    }

    /** Runs one mandatory test by id. @throws IllegalArgumentException for an id this validator does not run */
    public List<CsafViolation> validate(JsonNode document, String testId) {
        MandatoryTest test = TESTS.stream().filter(t -> t.id().equals(testId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mandatory test " + testId));
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
