package dev.vigil.monitor.promql.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.ast.LabelMatcher;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Series;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.promql.model.Value;

/**
 * Evaluates an expression at one instant with Prometheus 2.x semantics: instant selectors see the newest sample within
 * the 5-minute lookback (a staleness marker hides the series), range selectors the closed interval [t - range, t].
 */
public final class Evaluator {

    public static final long LOOKBACK_MS = 5 * 60_000;

    private final SeriesStore store;
    private final long defaultSubqueryStepMs;

    public Evaluator(SeriesStore store, long defaultSubqueryStepMs) {
        this.store = store;
        this.defaultSubqueryStepMs = defaultSubqueryStepMs;
    }

    public Value evaluate(Expr expr, long timeMs) {
        return switch (expr) {
            case Expr.NumberLiteral n -> new Value.Scalar(n.value());
            case Expr.StringLiteral s -> new Value.Text(s.value());
            case Expr.Paren p -> evaluate(p.expr(), timeMs);
            case Expr.VectorSelector v -> new Value.InstantVector(instant(v, timeMs));
            case Expr.MatrixSelector m -> new Value.RangeVector(range(m.selector(), m.rangeMs(), timeMs));
            case Expr.Subquery s -> new Value.RangeVector(subquery(s, timeMs));
            case Expr.Unary u -> unary(u, timeMs);
            case Expr.Binary b -> BinaryOperations.apply(b, evaluate(b.lhs(), timeMs), evaluate(b.rhs(), timeMs), timeMs);
            case Expr.Aggregation a -> Aggregations.apply(a, a.param() == null ? null : evaluate(a.param(), timeMs),
                    vector(evaluate(a.expr(), timeMs)), timeMs);
            case Expr.Call c -> call(c, timeMs);
        };
    }

    private List<Sample> instant(Expr.VectorSelector selector, long timeMs) {
        long ref = timeMs - selector.offsetMs();
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<Labels, List<Point>> e : select(selector, ref - LOOKBACK_MS, ref)) {
            Point latest = latestAtOrBefore(e.getValue(), ref);
            if (latest != null && !latest.stale() && latest.timestampMs() >= ref - LOOKBACK_MS) {
                out.add(new Sample(e.getKey(), latest.value(), latest.timestampMs()));
            }
        }
        return out;
    }

    /**
     * The selector's series with (at least) their points within [minTimeMs, maxTimeMs], through the metric-name index
     * when it names its metric with {@code =}.
     */
    private List<Map.Entry<Labels, List<Point>>> select(Expr.VectorSelector selector, long minTimeMs, long maxTimeMs) {
        for (LabelMatcher m : selector.matchers()) {
            if (m.name().equals(Labels.METRIC_NAME) && m.type() == LabelMatcher.Type.EQUAL) {
                return store.select(m.value(), l -> matches(selector.matchers(), l), minTimeMs, maxTimeMs);
            }
        }
        return store.select(l -> matches(selector.matchers(), l), minTimeMs, maxTimeMs);
    }

    private static Point latestAtOrBefore(List<Point> points, long ref) {
        int lo = 0;
        int hi = points.size() - 1;
        Point found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).timestampMs() <= ref) {
                found = points.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private List<Series> range(Expr.VectorSelector selector, long rangeMs, long timeMs) {
        long end = timeMs - selector.offsetMs();
        long start = end - rangeMs;
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Labels, List<Point>> e : select(selector, start, end)) {
            List<Point> inside = new ArrayList<>();
            for (Point p : e.getValue()) {
                if (p.timestampMs() >= start && p.timestampMs() <= end && !p.stale()) {
                    inside.add(p);
                }
            }
            if (!inside.isEmpty()) {
                out.add(new Series(e.getKey(), inside));
            }
        }
        return out;
    }

    private List<Series> subquery(Expr.Subquery subquery, long timeMs) {
        long step = subquery.stepMs() > 0 ? subquery.stepMs() : defaultSubqueryStepMs;
        long end = timeMs - subquery.offsetMs();
        long start = end - subquery.rangeMs();
        long first = Math.floorDiv(start, step) * step;
        if (first < start) {
            first += step;
        }
        Map<Labels, List<Point>> points = new LinkedHashMap<>();
        for (long t = first; t <= end; t += step) {
            Value v = evaluate(subquery.expr(), t);
            if (v instanceof Value.Scalar s) {
                points.computeIfAbsent(Labels.EMPTY, k -> new ArrayList<>()).add(new Point(t, s.value(), false));
            } else {
                for (Sample sample : vector(v)) {
                    points.computeIfAbsent(sample.labels(), k -> new ArrayList<>()).add(new Point(t, sample.value(), false));
                }
            }
        }
        List<Series> out = new ArrayList<>();
        points.forEach((labels, list) -> out.add(new Series(labels, list)));
        return out;
    }

    private Value unary(Expr.Unary unary, long timeMs) {
        Value v = evaluate(unary.expr(), timeMs);
        if (!unary.negate()) {
            return v;
        }
        if (v instanceof Value.Scalar s) {
            return new Value.Scalar(-s.value());
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : vector(v)) {
            out.add(new Sample(s.labels().withoutName(), -s.value(), timeMs));
        }
        return new Value.InstantVector(out);
    }

    private Value call(Expr.Call call, long timeMs) {
        if (RangeFunctions.handles(call.function())) {
            Value.Scalar param = null;
            Expr rangeArg = call.args().getLast();
            if (call.args().size() == 2) {
                Expr other = call.args().get(call.function().equals("quantile_over_time") ? 0 : 1);
                rangeArg = call.args().get(call.function().equals("quantile_over_time") ? 1 : 0);
                param = (Value.Scalar) evaluate(other, timeMs);
            }
            List<Series> series = ((Value.RangeVector) evaluate(rangeArg, timeMs)).series();
            if (call.function().equals("absent_over_time")) {
                return InstantFunctions.absent(series.isEmpty(), rangeArg, timeMs);
            }
            long[] window = windowOf(rangeArg, timeMs);
            return RangeFunctions.apply(call.function(), series, param == null ? Double.NaN : param.value(),
                    window[0], window[1], timeMs);
        }
        if (call.function().equals("absent")) {
            return InstantFunctions.absent(vector(evaluate(call.args().getFirst(), timeMs)).isEmpty(), call.args().getFirst(), timeMs);
        }
        List<Value> args = new ArrayList<>();
        for (Expr arg : call.args()) {
            args.add(evaluate(arg, timeMs));
        }
        return InstantFunctions.apply(call.function(), args, timeMs);
    }

    /** The [start, end] window of a range argument, needed for rate extrapolation. */
    private static long[] windowOf(Expr rangeArg, long timeMs) {
        return switch (rangeArg) {
            case Expr.MatrixSelector m -> new long[] {timeMs - m.selector().offsetMs() - m.rangeMs(), timeMs - m.selector().offsetMs()};
            case Expr.Subquery s -> new long[] {timeMs - s.offsetMs() - s.rangeMs(), timeMs - s.offsetMs()};
            case Expr.Paren p -> windowOf(p.expr(), timeMs);
            default -> throw new EvaluationException("expected a range vector argument");
        };
    }

    static boolean matches(List<LabelMatcher> matchers, Labels labels) {
        for (LabelMatcher m : matchers) {
            if (!m.matches(labels.get(m.name()))) {
                return false;
            }
        }
        return true;
    }

    static List<Sample> vector(Value v) {
        if (v instanceof Value.InstantVector iv) {
            return iv.samples();
        }
        throw new EvaluationException("expected an instant vector, got " + v.typeName());
    }
}
