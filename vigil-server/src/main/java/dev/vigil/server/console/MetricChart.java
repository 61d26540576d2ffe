package dev.vigil.server.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.vigil.server.monitoring.MetricSeries;

/**
 * A line chart of a range query drawn as SVG on the server (no script): one polyline per series (the first
 * {@value #MAX_LINES}; the rest are counted), a shared value axis from the smallest to the largest value, and a legend
 * with each series' labels and last, minimum and maximum values. A gap in a series (steps without a value) breaks its line.
 */
record MetricChart(int width, int height, List<Line> lines, int hidden, String yMin, String yMax, Instant from, Instant to) {

    static final int MAX_LINES = 12;
    static final int WIDTH = 900;
    static final int HEIGHT = 260;
    private static final String[] COLOURS = {"#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563",
            "#65a30d", "#ea580c", "#0d9488", "#9333ea"};

    /** One series: its SVG paths (one per unbroken run), colour and legend. */
    record Line(List<String> paths, String colour, String legend, String last, String min, String max) {
    }

    static MetricChart of(List<MetricSeries> series, Instant from, Instant to, long stepMs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<MetricSeries> shown = series.subList(0, Math.min(series.size(), MAX_LINES));
        for (MetricSeries s : shown) {
            for (MetricSeries.Point p : s.points()) {
                if (Double.isFinite(p.value())) {
                    lo = Math.min(lo, p.value());
                    hi = Math.max(hi, p.value());
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo = lo - 1;
            hi = hi + 1;
        }
        long start = from.toEpochMilli();
        long span = Math.max(1, to.toEpochMilli() - start);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            MetricSeries s = shown.get(i);
            List<String> paths = new ArrayList<>();
            StringBuilder path = new StringBuilder();
            long previous = Long.MIN_VALUE;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (MetricSeries.Point p : s.points()) {
                if (!Double.isFinite(p.value())) {
                    continue;
                }
                if (previous != Long.MIN_VALUE && p.timestampMs() - previous > stepMs && !path.isEmpty()) {
                    paths.add(path.toString());
                    path.setLength(0);
                }
                double x = (p.timestampMs() - start) * (double) WIDTH / span;
                double y = HEIGHT - (p.value() - lo) * HEIGHT / (hi - lo);
                path.append(path.isEmpty() ? "M" : " L").append(format(x)).append(',').append(format(y));
                previous = p.timestampMs();
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
            }
            if (!path.isEmpty()) {
                paths.add(path.toString());
            }
            String last = s.points().isEmpty() ? "" : number(s.points().getLast().value());
            lines.add(new Line(paths, COLOURS[i % COLOURS.length], legend(s.labels()), last,
                    min == Double.POSITIVE_INFINITY ? "" : number(min), max == Double.NEGATIVE_INFINITY ? "" : number(max)));
        }
        return new MetricChart(WIDTH, HEIGHT, lines, series.size() - shown.size(), number(lo), number(hi), from, to);
    }

    private static String legend(Map<String, String> labels) {
        String name = labels.getOrDefault("__name__", "");
        String rest = labels.entrySet().stream().filter(e -> !e.getKey().equals("__name__"))
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(", "));
        return name + (rest.isEmpty() ? (name.isEmpty() ? "{}" : "") : "{" + rest + "}");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
