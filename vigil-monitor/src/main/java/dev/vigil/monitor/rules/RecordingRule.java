package dev.vigil.monitor.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.eval.EvaluationException;
import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Value;

/** A recording rule: the expression's result stored under the rule's name with the rule's labels. */
public final class RecordingRule implements Rule {

    private final String name;
    private final Expr expr;
    private final Map<String, String> labels;

    public RecordingRule(String name, Expr expr, Map<String, String> labels) {
        this.name = name;
        this.expr = expr;
        this.labels = Map.copyOf(labels);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Expr expr() {
        return expr;
    }

    @Override
    public List<Sample> evaluate(Evaluator evaluator, long timeMs) {
        List<Sample> result;
        try {
            Value v = evaluator.evaluate(expr, timeMs);
            result = switch (v) {
                case Value.Scalar s -> List.of(new Sample(Labels.EMPTY, s.value(), timeMs));
                case Value.InstantVector iv -> iv.samples();
                default -> throw new RuleEvaluationException("record " + name + ": rule result is not a vector or scalar");
            };
        } catch (EvaluationException e) {
            throw new RuleEvaluationException("record " + name + ": " + e.getMessage());
        }
        List<Sample> out = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (Sample s : result) {
            Labels l = s.labels().with(Labels.METRIC_NAME, name);
            for (Map.Entry<String, String> e : labels.entrySet()) {
                l = l.with(e.getKey(), e.getValue());
            }
            if (!seen.add(l)) {
                throw new RuleEvaluationException("record " + name + ": vector contains metrics with the same labelset after applying rule labels");
            }
            out.add(new Sample(l, s.value(), timeMs));
        }
        return out;
    }
}
