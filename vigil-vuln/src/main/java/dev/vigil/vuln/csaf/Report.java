package dev.vigil.vuln.csaf;

import java.util.List;

/** Collects the failures of one test. */
final class Report {

    private final String test;
    private final List<CsafViolation> violations;

    Report(String test, List<CsafViolation> violations) {
        this.test = test;
        this.violations = violations;
    }

    void fail(String path, String message) {
        violations.add(new CsafViolation(test, path, message));
    }
}
