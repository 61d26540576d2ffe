package dev.vigil.monitor.promql.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.ast.VectorMatching;
import dev.vigil.monitor.promql.ast.VectorMatching.Cardinality;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Value;

/** Arithmetic, comparison and set operators with Prometheus vector matching (on/ignoring, group_left/right). */
final class BinaryOperations {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", ">", "<", ">=", "<=");

    private BinaryOperations() {
    }

    static Value apply(Expr.Binary b, Value lhs, Value rhs, long timeMs) {
        String op = b.op();
        if (lhs instanceof Value.Scalar l && rhs instanceof Value.Scalar r) {
            double v = arithmeticOrCompare(op, l.value(), r.value());
            return new Value.Scalar(COMPARISONS.contains(op) ? (v == 1 ? 1 : 0) : v);
        }
        if (lhs instanceof Value.Scalar l) {
            return vectorScalar(op, Evaluator.vector(rhs), l.value(), true, b.returnBool(), timeMs);
        }
        if (rhs instanceof Value.Scalar r) {
            return vectorScalar(op, Evaluator.vector(lhs), r.value(), false, b.returnBool(), timeMs);
        }
        List<Sample> l = Evaluator.vector(lhs);
        List<Sample> r = Evaluator.vector(rhs);
        return new Value.InstantVector(switch (op) {
            case "and" -> and(l, r, b.matching(), true);
            case "unless" -> and(l, r, b.matching(), false);
            case "or" -> or(l, r, b.matching());
            default -> vectorVector(op, l, r, b.matching(), b.returnBool(), timeMs);
        });
    }

    /** For comparisons: 1 when true, 0 when false (NaN never compares true). */
    private static double arithmeticOrCompare(String op, double l, double r) {
        return switch (op) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r;
            case "%" -> l % r;
            case "^" -> Math.pow(l, r);
            case "atan2" -> Math.atan2(l, r);
            case "==" -> l == r ? 1 : 0;
            case "!=" -> l != r ? 1 : 0;
            case ">" -> l > r ? 1 : 0;
            case "<" -> l < r ? 1 : 0;
            case ">=" -> l >= r ? 1 : 0;
            case "<=" -> l <= r ? 1 : 0;
            default -> throw new EvaluationException("unsupported binary operator " + op);
        };
    }

    private static Value vectorScalar(String op, List<Sample> vector, double scalar, boolean scalarOnLeft,
                                      boolean returnBool, long timeMs) {
        boolean comparison = COMPARISONS.contains(op);
        List<Sample> out = new ArrayList<>();
        for (Sample s : vector) {
            double l = scalarOnLeft ? scalar : s.value();
            double r = scalarOnLeft ? s.value() : scalar;
            double result = arithmeticOrCompare(op, l, r);
            if (comparison) {
                if (returnBool) {
                    out.add(new Sample(s.labels().withoutName(), result, timeMs));
                } else if (result == 1) {
                    out.add(new Sample(s.labels(), s.value(), timeMs));
                }
            } else {
                out.add(new Sample(s.labels().withoutName(), result, timeMs));
            }
        }
        return new Value.InstantVector(out);
    }

    private static Labels signature(Labels labels, VectorMatching matching) {
        if (matching.on()) {
            return labels.keepOnly(matching.labels());
        }
        List<String> drop = new ArrayList<>(matching.labels());
        drop.add(Labels.METRIC_NAME);
        return labels.without(drop);
    }

    private static List<Sample> vectorVector(String op, List<Sample> lhs, List<Sample> rhs, VectorMatching matching,
                                             boolean returnBool, long timeMs) {
        boolean swap = matching.cardinality() == Cardinality.ONE_TO_MANY;
        List<Sample> many = swap ? rhs : lhs;
        List<Sample> one = swap ? lhs : rhs;
        Map<Labels, Sample> oneSide = new HashMap<>();
        for (Sample s : one) {
            Labels sig = signature(s.labels(), matching);
            if (oneSide.put(sig, s) != null) {
                throw new EvaluationException("found duplicate series for the match group " + sig + " on the "
                        + (swap ? "left" : "right") + " hand-side of the operation; many-to-many matching not allowed: "
                        + "matching labels must be unique on one side");
            }
        }
        boolean comparison = COMPARISONS.contains(op);
        Set<Labels> matchedOneToOne = new HashSet<>();
        Set<Labels> produced = new HashSet<>();
        List<Sample> out = new ArrayList<>();
        for (Sample s : many) {
            Labels sig = signature(s.labels(), matching);
            Sample other = oneSide.get(sig);
            if (other == null) {
                continue;
            }
            if (matching.cardinality() == Cardinality.ONE_TO_ONE && !matchedOneToOne.add(sig)) {
                throw new EvaluationException("found duplicate series for the match group " + sig
                        + " on the left hand-side of the operation; many-to-many matching not allowed: "
                        + "matching labels must be unique on one side");
            }
            Sample left = swap ? other : s;
            Sample right = swap ? s : other;
            double result = arithmeticOrCompare(op, left.value(), right.value());
            double value;
            if (comparison) {
                if (!returnBool && result != 1) {
                    continue;
                }
                value = returnBool ? result : left.value();
            } else {
                value = result;
            }
            Labels labels = resultLabels(s.labels(), other.labels(), op, matching, returnBool);
            if (!produced.add(labels)) {
                throw new EvaluationException("multiple matches for labels: grouping labels must ensure unique matches");
            }
            out.add(new Sample(labels, value, timeMs));
        }
        return out;
    }

    private static Labels resultLabels(Labels many, Labels one, String op, VectorMatching matching, boolean returnBool) {
        Labels labels = many;
        if (!COMPARISONS.contains(op) || returnBool) {
            labels = labels.withoutName();
        }
        if (matching.cardinality() == Cardinality.ONE_TO_ONE) {
            labels = matching.on() ? labels.keepOnly(matching.labels()) : labels.without(matching.labels());
        }
        for (String name : matching.include()) {
            labels = labels.with(name, one.get(name));
        }
        return labels;
    }

    private static List<Sample> and(List<Sample> lhs, List<Sample> rhs, VectorMatching matching, boolean keepMatching) {
        Set<Labels> right = new HashSet<>();
        for (Sample s : rhs) {
            right.add(signature(s.labels(), matching));
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : lhs) {
            if (right.contains(signature(s.labels(), matching)) == keepMatching) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Sample> or(List<Sample> lhs, List<Sample> rhs, VectorMatching matching) {
        Set<Labels> left = new HashSet<>();
        Map<Labels, Sample> out = new LinkedHashMap<>();
        for (Sample s : lhs) {
            left.add(signature(s.labels(), matching));
            out.put(s.labels(), s);
        }
        for (Sample s : rhs) {
            if (!left.contains(signature(s.labels(), matching))) {
                out.putIfAbsent(s.labels(), s);
            }
        }
        return new ArrayList<>(out.values());
    }
}
