package dev.vigil.server.advisory;

import java.util.List;

import dev.vigil.vuln.csaf.CsafViolation;

/**
 * The mandatory tests (CSAF 2.0 §6.1) and the optional ones (§6.2) run over the document a release would publish.
 *
 * @param valid      no test failed
 * @param tests      the ids of the tests that ran
 * @param violations each failure: test id, JSON Pointer and message
 * @param warnings   what the optional tests (§6.2) found: worth fixing, but no obstacle to publication
 */
public record ValidationReport(boolean valid, List<String> tests, List<CsafViolation> violations, List<CsafViolation> warnings) {
}
