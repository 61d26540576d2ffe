package dev.vigil.monitor.promql.eval;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.vigil.monitor.gocompat.GoRegexExpand;
import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.ast.LabelMatcher;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Value;

/** Functions over instant vectors and scalars: math, clamping, time(), label_replace, absent, calendar functions. */
final class InstantFunctions {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private InstantFunctions() {
    }

    static Value apply(String name, List<Value> args, long timeMs) {
        return switch (name) {
            case "abs" -> map(args, Math::abs, timeMs);
            case "ceil" -> map(args, Math::ceil, timeMs);
            case "floor" -> map(args, Math::floor, timeMs);
            case "exp" -> map(args, Math::exp, timeMs);
            case "sqrt" -> map(args, Math::sqrt, timeMs);
            case "ln" -> map(args, Math::log, timeMs);
            case "log2" -> map(args, v -> Math.log(v) / Math.log(2), timeMs);
            case "log10" -> map(args, Math::log10, timeMs);
            case "sgn" -> map(args, Math::signum, timeMs);
            case "round" -> {
                double to = args.size() > 1 ? scalar(args.get(1)) : 1;
                double inverse = 1 / to;
                yield map(args, v -> Math.floor(v * inverse + 0.5) / inverse, timeMs);
            }
            case "clamp" -> {
                double lo = scalar(args.get(1));
                double hi = scalar(args.get(2));
                if (lo > hi) {
                    yield new Value.InstantVector(List.of());
                }
                yield map(args, v -> Math.max(lo, Math.min(hi, v)), timeMs);
            }
            case "clamp_min" -> {
                double lo = scalar(args.get(1));
                yield map(args, v -> Double.isNaN(v) ? v : Math.max(lo, v), timeMs);
            }
            case "clamp_max" -> {
                double hi = scalar(args.get(1));
                yield map(args, v -> Double.isNaN(v) ? v : Math.min(hi, v), timeMs);
            }
            case "time" -> new Value.Scalar(timeMs / 1000.0);
            case "timestamp" -> {
                List<Sample> out = new ArrayList<>();
                for (Sample s : Evaluator.vector(args.getFirst())) {
                    out.add(new Sample(s.labels().withoutName(), s.timestampMs() / 1000.0, timeMs));
                }
                yield new Value.InstantVector(out);
            }
            case "vector" -> new Value.InstantVector(List.of(new Sample(Labels.EMPTY, scalar(args.getFirst()), timeMs)));
            case "scalar" -> {
                List<Sample> v = Evaluator.vector(args.getFirst());
                yield new Value.Scalar(v.size() == 1 ? v.getFirst().value() : Double.NaN);
            }
            case "sort", "sort_desc" -> {
                List<Sample> out = new ArrayList<>(Evaluator.vector(args.getFirst()));
                Comparator<Sample> order = Comparator.comparingDouble(Sample::value);
                out.sort(name.equals("sort") ? order : order.reversed());
                yield new Value.InstantVector(out);
            }
            case "label_replace" -> labelReplace(args, timeMs);
            case "label_join" -> labelJoin(args);
            case "histogram_quantile" -> HistogramQuantile.apply(scalar(args.get(0)), Evaluator.vector(args.get(1)), timeMs);
            case "minute", "hour", "day_of_week", "day_of_month", "day_of_year", "days_in_month", "month", "year" ->
                    calendar(name, args, timeMs);
            default -> throw new EvaluationException("unsupported function " + name);
        };
    }

    private static Value map(List<Value> args, DoubleUnaryOperator f, long timeMs) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : Evaluator.vector(args.getFirst())) {
            out.add(new Sample(s.labels().withoutName(), f.applyAsDouble(s.value()), timeMs));
        }
        return new Value.InstantVector(out);
    }

    private static double scalar(Value v) {
        if (v instanceof Value.Scalar s) {
            return s.value();
        }
        throw new EvaluationException("expected a scalar, got " + v.typeName());
    }

    private static String text(Value v) {
        if (v instanceof Value.Text t) {
            return t.value();
        }
        throw new EvaluationException("expected a string, got " + v.typeName());
    }

    private static Value calendar(String name, List<Value> args, long timeMs) {
        List<Sample> input = args.isEmpty()
                ? List.of(new Sample(Labels.EMPTY, timeMs / 1000.0, timeMs))
                : Evaluator.vector(args.getFirst());
        List<Sample> out = new ArrayList<>();
        for (Sample s : input) {
            ZonedDateTime t = Instant.ofEpochMilli((long) Math.floor(s.value() * 1000)).atZone(ZoneOffset.UTC);
            double v = switch (name) {
                case "minute" -> t.getMinute();
                case "hour" -> t.getHour();
                case "day_of_week" -> t.getDayOfWeek().getValue() % 7;
                case "day_of_month" -> t.getDayOfMonth();
                case "day_of_year" -> t.getDayOfYear();
                case "days_in_month" -> t.toLocalDate().lengthOfMonth();
                case "month" -> t.getMonthValue();
                default -> t.getYear();
            };
            out.add(new Sample(s.labels().withoutName(), v, timeMs));
        }
        return new Value.InstantVector(out);
    }

    private static Value labelReplace(List<Value> args, long timeMs) {
        String dst = text(args.get(1));
        String replacement = text(args.get(2));
        String src = text(args.get(3));
        Pattern regex;
        try {
            regex = Pattern.compile("^(?:" + text(args.get(4)) + ")$", Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new EvaluationException("invalid regular expression in label_replace(): " + text(args.get(4)));
        }
        if (!LABEL_NAME.matcher(dst).matches()) {
            throw new EvaluationException("invalid destination label name in label_replace(): " + dst);
        }
        List<Sample> out = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (Sample s : Evaluator.vector(args.getFirst())) {
            Matcher m = regex.matcher(s.labels().get(src));
            Labels labels = s.labels();
            if (m.matches()) {
                labels = labels.with(dst, GoRegexExpand.expand(replacement, m));
            }
            if (!seen.add(labels)) {
                throw new EvaluationException("vector cannot contain metrics with the same labelset");
            }
            out.add(new Sample(labels, s.value(), s.timestampMs()));
        }
        return new Value.InstantVector(out);
    }

    private static Value labelJoin(List<Value> args) {
        String dst = text(args.get(1));
        String separator = text(args.get(2));
        if (!LABEL_NAME.matcher(dst).matches()) {
            throw new EvaluationException("invalid destination label name in label_join(): " + dst);
        }
        List<String> sources = new ArrayList<>();
        for (Value v : args.subList(3, args.size())) {
            sources.add(text(v));
        }
        List<Sample> out = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (Sample s : Evaluator.vector(args.getFirst())) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < sources.size(); i++) {
                joined.append(i > 0 ? separator : "").append(s.labels().get(sources.get(i)));
            }
            Labels labels = s.labels().with(dst, joined.toString());
            if (!seen.add(labels)) {
                throw new EvaluationException("vector cannot contain metrics with the same labelset");
            }
            out.add(new Sample(labels, s.value(), s.timestampMs()));
        }
        return new Value.InstantVector(out);
    }

    /** absent()/absent_over_time(): 1 with the labels of the argument's equality matchers when nothing matched. */
    static Value absent(boolean empty, Expr argument, long timeMs) {
        if (!empty) {
            return new Value.InstantVector(List.of());
        }
        Expr.VectorSelector selector = switch (argument) {
            case Expr.VectorSelector v -> v;
            case Expr.MatrixSelector m -> m.selector();
            default -> null;
        };
        Map<String, String> labels = new HashMap<>();
        if (selector != null) {
            Set<String> duplicated = new HashSet<>();
            for (LabelMatcher m : selector.matchers()) {
                if (m.name().equals(Labels.METRIC_NAME) || m.type() != LabelMatcher.Type.EQUAL) {
                    continue;
                }
                if (labels.containsKey(m.name())) {
                    duplicated.add(m.name());
                }
                labels.put(m.name(), m.value());
            }
            duplicated.forEach(labels::remove);
        }
        return new Value.InstantVector(List.of(new Sample(Labels.of(labels), 1, timeMs)));
    }
}
