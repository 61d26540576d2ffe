package dev.vigil.monitor.tsdb;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import dev.vigil.monitor.promql.model.Labels;

/**
 * The in-memory head: the series that received samples since the last persisted block, indexed by label set, by id
 * (the WAL's reference) and by metric name in label order. Not thread-safe: {@link TimeSeriesDb} locks.
 */
final class Head {

    private final long blockRange;
    private final Map<Labels, HeadSeries> byLabels = new HashMap<>();
    private final Map<Integer, HeadSeries> byId = new HashMap<>();
    private final TreeMap<Labels, HeadSeries> all = new TreeMap<>();
    private final Map<String, TreeMap<Labels, HeadSeries>> byName = new HashMap<>();
    private int nextId = 1;
    private long maxTime = Long.MIN_VALUE;

    Head(long blockRange) {
        this.blockRange = blockRange;
    }

    HeadSeries get(Labels labels) {
        return byLabels.get(labels);
    }

    HeadSeries byId(int id) {
        return byId.get(id);
    }

    /** A new series with the next id. */
    HeadSeries create(Labels labels) {
        return create(nextId, labels);
    }

    /** A series with a given id (WAL replay, checkpoint). */
    HeadSeries create(int id, Labels labels) {
        HeadSeries series = new HeadSeries(id, labels, blockRange);
        byLabels.put(labels, series);
        byId.put(id, series);
        all.put(labels, series);
        byName.computeIfAbsent(labels.get(Labels.METRIC_NAME), k -> new TreeMap<>()).put(labels, series);
        nextId = Math.max(nextId, id + 1);
        return series;
    }

    void noteTime(long time) {
        maxTime = Math.max(maxTime, time);
    }

    long maxTime() {
        return maxTime;
    }

    /** The oldest sample time in the head, or Long.MAX_VALUE when it is empty. */
    long minTime() {
        long min = Long.MAX_VALUE;
        for (HeadSeries s : all.values()) {
            min = Math.min(min, s.minTime());
        }
        return min;
    }

    /** All series in label order. */
    Collection<HeadSeries> series() {
        return all.values();
    }

    /** The series of one metric name in label order. */
    Collection<HeadSeries> series(String metricName) {
        TreeMap<Labels, HeadSeries> named = byName.get(metricName);
        return named == null ? java.util.List.of() : named.values();
    }

    int size() {
        return all.size();
    }

    /** Drops the chunks before {@code end}, and series left empty. */
    void dropBefore(long end) {
        for (Iterator<HeadSeries> it = all.values().iterator(); it.hasNext(); ) {
            HeadSeries s = it.next();
            s.dropBefore(end);
            if (s.isEmpty()) {
                it.remove();
                byLabels.remove(s.labels);
                byId.remove(s.id);
                TreeMap<Labels, HeadSeries> named = byName.get(s.labels.get(Labels.METRIC_NAME));
                named.remove(s.labels);
                if (named.isEmpty()) {
                    byName.remove(s.labels.get(Labels.METRIC_NAME));
                }
            }
        }
    }
}
