package dev.vigil.monitor.promql.model;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the rule engine reads and writes series: {@link InMemorySeriesStore} (tests, CLI) or the on-disk
 * {@code dev.vigil.monitor.tsdb.TimeSeriesDb} (the server).
 */
public interface SeriesStore {

    /** Stores a point; a point at the timestamp of a stored one replaces it. */
    void add(Labels labels, Point point);

    /**
     * The matching series in label order, as Prometheus storage returns them (this fixes the order of float sums and
     * ties), each with its points in time order. Every stored point within [minTimeMs, maxTimeMs] is included; a store
     * may return points outside it too, and may leave out series without points in it.
     */
    List<Map.Entry<Labels, List<Point>>> select(Predicate<Labels> matches, long minTimeMs, long maxTimeMs);

    /** Like {@link #select(Predicate, long, long)} among the series of one metric name only. */
    List<Map.Entry<Labels, List<Point>>> select(String metricName, Predicate<Labels> matches, long minTimeMs, long maxTimeMs);

    /** All points of the matching series. */
    default List<Map.Entry<Labels, List<Point>>> select(Predicate<Labels> matches) {
        return select(matches, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** All points of the matching series of one metric name. */
    default List<Map.Entry<Labels, List<Point>>> select(String metricName, Predicate<Labels> matches) {
        return select(metricName, matches, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    int seriesCount();
}
