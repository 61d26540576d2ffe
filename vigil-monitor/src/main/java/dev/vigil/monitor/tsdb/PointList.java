package dev.vigil.monitor.tsdb;

import java.util.AbstractList;
import java.util.RandomAccess;

import dev.vigil.monitor.promql.model.Point;

/** A read-only list of points over sample arrays; a {@link Point} is made only when an element is read. */
final class PointList extends AbstractList<Point> implements RandomAccess {

    private final long[] times;
    private final double[] values;
    private final boolean[] stale;
    private final int from;
    private final int to;

    PointList(long[] times, double[] values, boolean[] stale, int from, int to) {
        this.times = times;
        this.values = values;
        this.stale = stale;
        this.from = from;
        this.to = to;
    }

    @Override
    public Point get(int index) {
        if (index < 0 || index >= to - from) {
            throw new IndexOutOfBoundsException(index);
        }
        int i = from + index;
        return new Point(times[i], values[i], stale[i]);
    }

    @Override
    public int size() {
        return to - from;
    }
}
