package dev.vigil.monitor.promql.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Value;

/** histogram_quantile() over classic {@code le} bucket series, with Prometheus's bucket interpolation. */
final class HistogramQuantile {

    private record Bucket(double upperBound, double count) {
    }

    private HistogramQuantile() {
    }

    static Value apply(double q, List<Sample> input, long timeMs) {
        Map<Labels, List<Bucket>> histograms = new LinkedHashMap<>();
        for (Sample s : input) {
            double upper;
            try {
                upper = parseBound(s.labels().get("le"));
            } catch (NumberFormatException e) {
                continue; // series without a valid le label are ignored
            }
            Labels key = s.labels().withoutName().without(List.of("le"));
            histograms.computeIfAbsent(key, k -> new ArrayList<>()).add(new Bucket(upper, s.value()));
        }
        List<Sample> out = new ArrayList<>();
        histograms.forEach((labels, buckets) -> out.add(new Sample(labels, quantile(q, buckets), timeMs)));
        return new Value.InstantVector(out);
    }

    private static double parseBound(String le) {
        return switch (le.toLowerCase(java.util.Locale.ROOT)) {
            case "+inf", "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(le);
        };
    }

    private static double quantile(double q, List<Bucket> unsorted) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<Bucket> sorted = new ArrayList<>(unsorted);
        sorted.sort(Comparator.comparingDouble(Bucket::upperBound));
        if (sorted.isEmpty() || sorted.getLast().upperBound() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        // Merge buckets with the same bound, then force counts to be monotonic (scrapes are not atomic).
        List<Bucket> buckets = new ArrayList<>();
        for (Bucket b : sorted) {
            if (!buckets.isEmpty() && buckets.getLast().upperBound() == b.upperBound()) {
                buckets.set(buckets.size() - 1, new Bucket(b.upperBound(), buckets.getLast().count() + b.count()));
            } else {
                buckets.add(b);
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < buckets.size(); i++) {
            max = Math.max(max, buckets.get(i).count());
            buckets.set(i, new Bucket(buckets.get(i).upperBound(), max));
        }
        if (buckets.size() < 2) {
            return Double.NaN;
        }
        double observations = buckets.getLast().count();
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b).count() < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return buckets.get(buckets.size() - 2).upperBound();
        }
        if (b == 0 && buckets.get(0).upperBound() <= 0) {
            return buckets.get(0).upperBound();
        }
        double start = 0;
        double end = buckets.get(b).upperBound();
        double count = buckets.get(b).count();
        if (b > 0) {
            start = buckets.get(b - 1).upperBound();
            count -= buckets.get(b - 1).count();
            rank -= buckets.get(b - 1).count();
        }
        return start + (end - start) * (rank / count);
    }
}
