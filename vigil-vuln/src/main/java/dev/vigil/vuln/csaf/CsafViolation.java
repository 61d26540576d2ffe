package dev.vigil.vuln.csaf;

/**
 * One failed conformance test of a CSAF document.
 *
 * @param test    the test id of CSAF 2.0 §6, e.g. {@code 6.1.1}
 * @param path    where in the document, as a JSON Pointer (RFC 6901), e.g. {@code /vulnerabilities/0/product_status/fixed/1}
 * @param message what is wrong there
 */
public record CsafViolation(String test, String path, String message) {

    @Override
    public String toString() {
        return test + " " + path + ": " + message;
    }
}
