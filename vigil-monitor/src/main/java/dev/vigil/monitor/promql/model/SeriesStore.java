package dev.vigil.monitor.promql.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** In-memory time-series storage: input samples and rule outputs, each series kept in time order. */
public final class SeriesStore {

    private final Map<Labels, List<Point>> series = new LinkedHashMap<>();

    /** Appends (or replaces, at an equal timestamp) a point; out-of-order points are inserted in place. */
    public void add(Labels labels, Point point) {
        List<Point> points = series.computeIfAbsent(labels, k -> new ArrayList<>());
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

    /** Matching series in label order, as Prometheus storage returns them (this fixes the order of float sums and ties). */
    public List<Map.Entry<Labels, List<Point>>> select(Predicate<Labels> matches) {
        List<Map.Entry<Labels, List<Point>>> out = new ArrayList<>();
        for (Map.Entry<Labels, List<Point>> e : series.entrySet()) {
            if (matches.test(e.getKey())) {
                out.add(e);
            }
        }
        out.sort(Map.Entry.comparingByKey());
        return out;
    }
}
