package dev.vigil.detect.sigma.correlation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sliding-window state of one value_sum, value_avg or value_percentile group: the numeric values of the matching events
 * whose time lies in {@code [t - timespan, t]} for the event at time {@code t}. The condition is decided on that window at
 * every event; after firing the window starts over.
 *
 * <p>Memory: at most {@code maxValues} events per group. When a burst inside one timespan exceeds that, the oldest are
 * dropped (the window then covers the latest {@code maxValues} events) and the finding says it was truncated.
 * Sum and average are kept incrementally; the percentile keeps a sorted multiset of the window's values beside the queue.
 */
final class ValueAggregate implements WindowState {

    enum Kind { SUM, AVG, PERCENTILE }

    private record Entry(long time, double value, long ref) {
    }

    private final Kind kind;
    private final long span;
    private final ValueCondition condition;
    private final int percentile;
    private final int maxValues;
    private final ArrayDeque<Entry> window = new ArrayDeque<>();
    /** value to its multiplicity, for percentiles only */
    private final TreeMap<Double, Integer> sorted;
    private double sum;
    private boolean truncated;
    private long lastSeen;

    ValueAggregate(Kind kind, long span, ValueCondition condition, int percentile, int maxValues) {
        this.kind = kind;
        this.span = span;
        this.condition = condition;
        this.percentile = percentile;
        this.maxValues = maxValues;
        this.sorted = kind == Kind.PERCENTILE ? new TreeMap<>() : null;
    }

    @Override
    public Fired add(Observation observation) {
        long time = observation.time();
        lastSeen = time;
        Entry entry = new Entry(time, observation.number(), observation.eventRef());
        window.addLast(entry);
        sum += entry.value();
        if (sorted != null) {
            sorted.merge(entry.value(), 1, Integer::sum);
        }
        while (window.peekFirst().time() < time - span) {
            drop();
        }
        while (window.size() > maxValues) {
            drop();
            truncated = true;
        }
        double value = value();
        if (!condition.holds(value)) {
            return null;
        }
        List<Long> refs = new ArrayList<>(window.size());
        window.forEach(e -> refs.add(e.ref()));
        Fired fired = new Fired(window.size(), value, window.peekFirst().time(), refs, truncated);
        window.clear();
        if (sorted != null) {
            sorted.clear();
        }
        sum = 0;
        truncated = false;
        return fired;
    }

    private void drop() {
        Entry oldest = window.pollFirst();
        if (window.isEmpty()) {
            sum = 0; // no drift carried over from a long series of additions and subtractions
        } else {
            sum -= oldest.value();
        }
        if (sorted != null) {
            sorted.computeIfPresent(oldest.value(), (v, n) -> n == 1 ? null : n - 1);
        }
    }

    /** The aggregate of the (non-empty) window. */
    private double value() {
        return switch (kind) {
            case SUM -> sum;
            case AVG -> sum / window.size();
            case PERCENTILE -> nearestRank(sorted, window.size(), percentile);
        };
    }

    /**
     * Nearest-rank percentile: the smallest value with at least {@code p} percent of the values at or below it (rank
     * {@code ceil(p / 100 * n)}, at least 1).
     */
    static double nearestRank(TreeMap<Double, Integer> sorted, int n, int p) {
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (Map.Entry<Double, Integer> e : sorted.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return sorted.lastKey();
    }

    @Override
    public long lastSeen() {
        return lastSeen;
    }
}
