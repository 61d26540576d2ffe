package dev.vigil.monitor.rules;

import java.util.List;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Sample;

/** A rule of a group: evaluated at one instant, it yields the samples to append to storage. */
public sealed interface Rule permits AlertingRule, RecordingRule {

    String name();

    Expr expr();

    /** Evaluates at {@code timeMs}; the returned samples (recorded series, or ALERTS/ALERTS_FOR_STATE) carry their final labels. */
    List<Sample> evaluate(Evaluator evaluator, long timeMs);
}
