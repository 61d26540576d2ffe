package dev.vigil.monitor.rules;

/** A rule whose expression or templates failed at one evaluation; the message names the rule. */
public final class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message) {
        super(message);
    }
}
