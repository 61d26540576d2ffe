package dev.vigil.intel.match;

/** An indicator whose value cannot be read as its declared type (the message says why). */
public final class InvalidIndicatorException extends IllegalArgumentException {

    public InvalidIndicatorException(String message) {
        super(message);
    }
}
