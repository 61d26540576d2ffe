package dev.vigil.monitor.promql.eval;

/** A PromQL expression that parsed but cannot be evaluated on the data (e.g. duplicate series in one-to-one matching). */
public final class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }
}
