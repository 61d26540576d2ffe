package dev.vigil.monitor.promql.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Value;

/** sum/avg/min/max/count/group/stddev/stdvar/topk/bottomk/quantile/count_values with by/without. */
final class Aggregations {

    private Aggregations() {
    }

    static Value apply(Expr.Aggregation a, Value param, List<Sample> input, long timeMs) {
        Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : input) {
            Labels key = groupKey(a, s.labels());
            if (a.op().equals("count_values")) {
                String label = ((Value.Text) param).value();
                key = key.with(label, formatValue(s.value()));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<Labels, List<Sample>> g : groups.entrySet()) {
            List<Sample> members = g.getValue();
            double[] values = members.stream().mapToDouble(Sample::value).toArray();
            switch (a.op()) {
                case "topk", "bottomk" -> out.addAll(selectK(a.op(), scalar(param), members));
                default -> out.add(new Sample(g.getKey(), reduce(a.op(), param, values), timeMs));
            }
        }
        return new Value.InstantVector(out);
    }

    private static Labels groupKey(Expr.Aggregation a, Labels labels) {
        if (a.without()) {
            List<String> drop = new ArrayList<>(a.grouping());
            drop.add(Labels.METRIC_NAME);
            return labels.without(drop);
        }
        return labels.keepOnly(a.grouping());
    }

    private static double reduce(String op, Value param, double[] v) {
        return switch (op) {
            case "sum" -> plainSum(v);
            case "avg" -> KahanSum.mean(v);
            case "min" -> Arrays.stream(v).reduce(Double.NaN, (acc, x) -> Double.isNaN(acc) || x < acc ? x : acc);
            case "max" -> Arrays.stream(v).reduce(Double.NaN, (acc, x) -> Double.isNaN(acc) || x > acc ? x : acc);
            case "count", "count_values" -> v.length;
            case "group" -> 1;
            case "stddev" -> Math.sqrt(variance(v));
            case "stdvar" -> variance(v);
            case "quantile" -> quantile(scalar(param), v);
            default -> throw new EvaluationException("unsupported aggregation " + op);
        };
    }

    /** Left-to-right addition like Prometheus (DoubleStream.sum compensates, which changes the last bits). */
    private static double plainSum(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum;
    }

    /** Welford's online variance, in Prometheus's order of operations. */
    private static double variance(double[] v) {
        double mean = 0;
        double aux = 0;
        for (int i = 0; i < v.length; i++) {
            double delta = v[i] - mean;
            mean += delta / (i + 1);
            aux += delta * (v[i] - mean);
        }
        return aux / v.length;
    }

    private static List<Sample> selectK(String op, double k, List<Sample> members) {
        int n = (int) Math.min(members.size(), Math.max(0, k));
        Comparator<Sample> order = Comparator.comparingDouble(Sample::value);
        if (op.equals("topk")) {
            order = order.reversed();
        }
        // NaN always sorts last, as in Prometheus.
        Comparator<Sample> nanLast = Comparator.comparing((Sample s) -> Double.isNaN(s.value()));
        List<Sample> sorted = new ArrayList<>(members);
        sorted.sort(nanLast.thenComparing(order));
        return sorted.subList(0, n);
    }

    /** Prometheus's quantile: linear interpolation between closest ranks; q outside [0,1] gives -Inf/+Inf. */
    static double quantile(double q, double[] values) {
        if (values.length == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = q * (sorted.length - 1);
        int lower = (int) Math.max(0, Math.floor(rank));
        int upper = (int) Math.min(sorted.length - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return sorted[lower] * (1 - weight) + sorted[upper] * weight;
    }

    private static double scalar(Value v) {
        if (v instanceof Value.Scalar s) {
            return s.value();
        }
        throw new EvaluationException("aggregation parameter must be a scalar");
    }

    private static String formatValue(double v) {
        return dev.vigil.monitor.gocompat.GoFloat.formatShortest(v);
    }
}
