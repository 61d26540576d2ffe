package dev.vigil.detect.sigma.value;

/** A value or modifier chain that is not valid Sigma; the rule parser adds file and line. */
public final class SigmaValueException extends RuntimeException {

    public SigmaValueException(String message) {
        super(message);
    }
}
