package dev.vigil.monitor.promql.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * In-memory time-series storage: input samples and rule outputs, each series kept in time order, with an index by
 * metric name so that a selector naming its metric looks only at that metric's series. Not thread-safe; used by rule
 * tests, the CLI and benchmarks (the server keeps its samples in {@code dev.vigil.monitor.tsdb.TimeSeriesDb}).
 */
public final class InMemorySeriesStore implements SeriesStore {

    private final Map<Labels, List<Point>> series = new LinkedHashMap<>();
    private final Map<String, Map<Labels, List<Point>>> byName = new java.util.HashMap<>();

    /** Appends (or replaces, at an equal timestamp) a point; out-of-order points are inserted in place. */
    @Override
    public void add(Labels labels, Point point) {
        List<Point> points = series.get(labels);
        if (points == null) {
            points = new ArrayList<>();
            series.put(labels, points);
            byName.computeIfAbsent(labels.get(Labels.METRIC_NAME), k -> new LinkedHashMap<>()).put(labels, points);
        }
        int i = points.size();
        while (i > 0 && points.get(i - 1).timestampMs() > point.timestampMs()) {
            i--;
        }
        if (i > 0 && points.get(i - 1).timestampMs() == point.timestampMs()) {
            points.set(i - 1, point);
        } else {
            points.add(i, point);
        }
    }

    /** All points of each matching series (the time bounds are not applied: every point is at hand already). */
    @Override
    public List<Map.Entry<Labels, List<Point>>> select(Predicate<Labels> matches, long minTimeMs, long maxTimeMs) {
        return select(series, matches);
    }

    @Override
    public List<Map.Entry<Labels, List<Point>>> select(String metricName, Predicate<Labels> matches, long minTimeMs, long maxTimeMs) {
        return select(byName.getOrDefault(metricName, Map.of()), matches);
    }

    private static List<Map.Entry<Labels, List<Point>>> select(Map<Labels, List<Point>> candidates, Predicate<Labels> matches) {
        List<Map.Entry<Labels, List<Point>>> out = new ArrayList<>();
        for (Map.Entry<Labels, List<Point>> e : candidates.entrySet()) {
            if (matches.test(e.getKey())) {
                out.add(e);
            }
        }
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    /** Drops the points older than {@code minTimestampMs}, and series left without points; returns how many points went. */
    public long dropBefore(long minTimestampMs) {
        long dropped = 0;
        for (java.util.Iterator<List<Point>> it = series.values().iterator(); it.hasNext(); ) {
            List<Point> points = it.next();
            int keepFrom = 0;
            while (keepFrom < points.size() && points.get(keepFrom).timestampMs() < minTimestampMs) {
                keepFrom++;
            }
            if (keepFrom > 0) {
                points.subList(0, keepFrom).clear();
                dropped += keepFrom;
            }
            if (points.isEmpty()) {
                it.remove();
            }
        }
        for (java.util.Iterator<Map<Labels, List<Point>>> it = byName.values().iterator(); it.hasNext(); ) {
            Map<Labels, List<Point>> named = it.next();
            named.values().removeIf(List::isEmpty);
            if (named.isEmpty()) {
                it.remove();
            }
        }
        return dropped;
    }

    /** The newest point of a series, or null. */
    public Point latest(Labels labels) {
        List<Point> points = series.get(labels);
        return points == null || points.isEmpty() ? null : points.get(points.size() - 1);
    }

    @Override
    public int seriesCount() {
        return series.size();
    }

    public long pointCount() {
        long count = 0;
        for (List<Point> points : series.values()) {
            count += points.size();
        }
        return count;
    }
}
