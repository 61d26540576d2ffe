package dev.vigil.detect.sigma.match;

/** A parsed rule that cannot be evaluated here, e.g. placeholders without configured values. */
public final class RuleCompileException extends Exception {

    public RuleCompileException(String message) {
        super(message);
    }
}
