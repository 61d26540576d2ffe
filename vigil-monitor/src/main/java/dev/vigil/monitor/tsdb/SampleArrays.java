package dev.vigil.monitor.tsdb;

import java.util.Arrays;

/**
 * Samples of one series in parallel arrays (time, value, staleness), appended in order; growing copies the arrays,
 * so a {@link PointList} taken earlier keeps seeing what it saw.
 */
final class SampleArrays {

    long[] times;
    double[] values;
    boolean[] stale;
    int size;

    SampleArrays(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
        stale = new boolean[capacity];
    }

    void add(long time, double value, boolean isStale) {
        if (size == times.length) {
            int capacity = Math.max(8, size * 2);
            times = Arrays.copyOf(times, capacity);
            values = Arrays.copyOf(values, capacity);
            stale = Arrays.copyOf(stale, capacity);
        }
        times[size] = time;
        values[size] = value;
        stale[size] = isStale;
        size++;
    }

    void addAll(SampleArrays other, int from, int to) {
        for (int i = from; i < to; i++) {
            add(other.times[i], other.values[i], other.stale[i]);
        }
    }

    /** The index of the first sample at or after {@code time} (size if none). */
    int firstAtOrAfter(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A copy with the sample put in time order, replacing one at the same time. The copy has new arrays, so lists
     * taken from this one stay as they were.
     */
    SampleArrays withInserted(long time, double value, boolean isStale) {
        int at = firstAtOrAfter(time);
        boolean replace = at < size && times[at] == time;
        SampleArrays copy = new SampleArrays(size + 1);
        copy.addAll(this, 0, at);
        copy.add(time, value, isStale);
        copy.addAll(this, replace ? at + 1 : at, size);
        return copy;
    }

    PointList view(int from, int to) {
        return new PointList(times, values, stale, from, to);
    }

    long first() {
        return times[0];
    }

    long last() {
        return times[size - 1];
    }
}
