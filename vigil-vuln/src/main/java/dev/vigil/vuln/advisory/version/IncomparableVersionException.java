package dev.vigil.vuln.advisory.version;

/**
 * Two versions cannot be ordered under a scheme (one of them does not follow it). Matching reports such a case as
 * "cannot tell" rather than guessing an order.
 */
public class IncomparableVersionException extends Exception {

    public IncomparableVersionException(String scheme, String version, String reason) {
        super("\"" + version + "\" is not a " + scheme + " version: " + reason);
    }
}
