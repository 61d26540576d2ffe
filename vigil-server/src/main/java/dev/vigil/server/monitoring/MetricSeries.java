package dev.vigil.server.monitoring;

import java.util.List;
import java.util.Map;

/** One series of a range query: its labels and its points in time order (a step where it had no value is absent). */
public record MetricSeries(Map<String, String> labels, List<Point> points) {

    public record Point(long timestampMs, double value) {
    }
}
