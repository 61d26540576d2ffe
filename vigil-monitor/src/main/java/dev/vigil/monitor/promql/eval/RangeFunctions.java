package dev.vigil.monitor.promql.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Series;
import dev.vigil.monitor.promql.model.Value;

/** Functions over range vectors (rate, increase, *_over_time, deriv, predict_linear, changes, resets). */
final class RangeFunctions {

    private static final Set<String> NEED_TWO_SAMPLES = Set.of("rate", "increase", "delta", "irate", "idelta", "deriv",
            "predict_linear");
    private static final Set<String> NAMES = Set.of("rate", "irate", "increase", "delta", "idelta", "deriv",
            "predict_linear", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
            "last_over_time", "stddev_over_time", "stdvar_over_time", "present_over_time", "quantile_over_time",
            "absent_over_time", "changes", "resets");

    private RangeFunctions() {
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Value apply(String name, List<Series> input, double param, long windowStart, long windowEnd, long timeMs) {
        List<Sample> out = new ArrayList<>();
        for (Series series : input) {
            List<Point> p = series.points();
            if (NEED_TWO_SAMPLES.contains(name) && p.size() < 2) {
                continue; // no output rather than NaN, as in Prometheus
            }
            double result = switch (name) {
                case "rate" -> extrapolatedRate(p, windowStart, windowEnd, true, true);
                case "increase" -> extrapolatedRate(p, windowStart, windowEnd, true, false);
                case "delta" -> extrapolatedRate(p, windowStart, windowEnd, false, false);
                case "irate" -> instantDelta(p, true);
                case "idelta" -> instantDelta(p, false);
                case "deriv" -> linearRegression(p, p.getFirst().timestampMs())[0];
                case "predict_linear" -> {
                    double[] fit = linearRegression(p, timeMs);
                    yield fit[1] + fit[0] * param;
                }
                case "avg_over_time" -> KahanSum.mean(values(p).toArray());
                case "min_over_time" -> p.stream().mapToDouble(Point::value).reduce(Double.NaN, RangeFunctions::min);
                case "max_over_time" -> p.stream().mapToDouble(Point::value).reduce(Double.NaN, RangeFunctions::max);
                case "sum_over_time" -> KahanSum.sum(values(p).toArray());
                case "count_over_time" -> p.size();
                case "last_over_time" -> p.getLast().value();
                case "present_over_time" -> 1;
                case "stddev_over_time" -> Math.sqrt(KahanSum.variance(values(p).toArray()));
                case "stdvar_over_time" -> KahanSum.variance(values(p).toArray());
                case "quantile_over_time" -> Aggregations.quantile(param, values(p).toArray());
                case "changes" -> countPairs(p, false);
                case "resets" -> countPairs(p, true);
                default -> throw new EvaluationException("unsupported range function " + name);
            };
            Labels labels = name.equals("last_over_time") ? series.labels() : series.labels().withoutName();
            out.add(new Sample(labels, result, timeMs));
        }
        return new Value.InstantVector(out);
    }

    private static java.util.stream.DoubleStream values(List<Point> p) {
        return p.stream().mapToDouble(Point::value);
    }

    // min/max_over_time ignore NaN unless every value is NaN, as Prometheus does.
    private static double min(double acc, double v) {
        return Double.isNaN(acc) || v < acc ? v : acc;
    }

    private static double max(double acc, double v) {
        return Double.isNaN(acc) || v > acc ? v : acc;
    }

    private static double countPairs(List<Point> p, boolean resetsOnly) {
        int count = 0;
        for (int i = 1; i < p.size(); i++) {
            double prev = p.get(i - 1).value();
            double cur = p.get(i).value();
            if (resetsOnly ? cur < prev : (cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev)))) {
                count++;
            }
        }
        return count;
    }

    /** Prometheus's extrapolatedRate: the delta over the samples, extrapolated towards the window edges. */
    private static double extrapolatedRate(List<Point> p, long windowStart, long windowEnd, boolean counter, boolean perSecond) {
        Point first = p.getFirst();
        Point last = p.getLast();
        double result = last.value() - first.value();
        if (counter) {
            double previous = first.value();
            for (Point point : p) {
                if (point.value() < previous) {
                    result += previous;
                }
                previous = point.value();
            }
        }
        double durationToStart = (first.timestampMs() - windowStart) / 1000.0;
        double durationToEnd = (windowEnd - last.timestampMs()) / 1000.0;
        double sampled = (last.timestampMs() - first.timestampMs()) / 1000.0;
        double averageGap = sampled / (p.size() - 1);
        if (counter && result > 0 && first.value() >= 0) {
            double durationToZero = sampled * (first.value() / result);
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        double threshold = averageGap * 1.1;
        double extrapolateTo = sampled;
        extrapolateTo += durationToStart < threshold ? durationToStart : averageGap / 2;
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageGap / 2;
        // Same operation order as Prometheus (factor first) so results are bit-identical.
        double factor = extrapolateTo / sampled;
        if (perSecond) {
            factor /= (windowEnd - windowStart) / 1000.0;
        }
        return result * factor;
    }

    private static double instantDelta(List<Point> p, boolean perSecond) {
        Point last = p.getLast();
        Point previous = p.get(p.size() - 2);
        double result = perSecond && last.value() < previous.value() ? last.value() : last.value() - previous.value();
        if (perSecond) {
            // Points of one series have distinct timestamps, so the gap is never zero.
            result /= (last.timestampMs() - previous.timestampMs()) / 1000.0;
        }
        return result;
    }

    /** Least-squares fit with x = seconds relative to {@code interceptMs}; returns {slope, intercept}. */
    static double[] linearRegression(List<Point> p, long interceptMs) {
        double n = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumX2 = 0;
        double initY = p.getFirst().value();
        boolean constY = true;
        for (Point point : p) {
            if (point.value() != initY) {
                constY = false;
            }
            double x = (point.timestampMs() - interceptMs) / 1000.0;
            n++;
            sumX += x;
            sumY += point.value();
            sumXY += x * point.value();
            sumX2 += x * x;
        }
        if (constY) {
            return Double.isInfinite(initY) ? new double[] {Double.NaN, Double.NaN} : new double[] {0, initY};
        }
        double covXY = sumXY - sumX * sumY / n;
        double varX = sumX2 - sumX * sumX / n;
        double slope = covXY / varX;
        double intercept = sumY / n - slope * sumX / n;
        return new double[] {slope, intercept};
    }
}
