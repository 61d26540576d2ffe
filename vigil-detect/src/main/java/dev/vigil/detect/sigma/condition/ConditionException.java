package dev.vigil.detect.sigma.condition;

/** A condition that does not follow the Sigma grammar or references unknown identifiers. */
public final class ConditionException extends RuntimeException {

    public ConditionException(String message) {
        super(message);
    }
}
