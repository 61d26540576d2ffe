package dev.vigil.intel.taxii;

/** A TAXII server could not be reached, refused the request or answered with something that is not TAXII 2.1. */
public final class TaxiiException extends Exception {

    public TaxiiException(String message) {
        super(message);
    }

    public TaxiiException(String message, Throwable cause) {
        super(message, cause);
    }
}
