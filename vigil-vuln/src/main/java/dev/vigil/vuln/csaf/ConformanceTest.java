package dev.vigil.vuln.csaf;

/**
 * One conformance test of CSAF 2.0 §6 (mandatory §6.1 or optional §6.2).
 *
 * @param id    the section number, e.g. {@code 6.1.27.9}
 * @param name  the section title
 * @param check the test itself
 */
record ConformanceTest(String id, String name, Check check) {

    @FunctionalInterface
    interface Check {
        void run(CsafDocumentView document, Report report);
    }
}
