package dev.vigil.monitor.tsdb;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.monitor.promql.model.Labels;

/**
 * One series in the head: closed chunks (encoded, immutable, time-ordered, each within one block range) and the open
 * chunk's samples in plain arrays, appended in place. Out-of-order samples are inserted by copying (the open arrays or a
 * re-encoded closed chunk), so lists handed out before stay valid. Not thread-safe: {@link TimeSeriesDb} locks.
 */
final class HeadSeries {

    /** Samples per chunk: 30 minutes at a 15-second interval, Prometheus's choice. */
    static final int CHUNK_SAMPLES = 120;

    final int id;
    final Labels labels;
    private final long blockRange;
    final List<Chunk> closed = new ArrayList<>();
    private SampleArrays open = new SampleArrays(16);

    HeadSeries(int id, Labels labels, long blockRange) {
        this.id = id;
        this.labels = labels;
        this.blockRange = blockRange;
    }

    void add(long time, double value, boolean stale) {
        if (open.size > 0 && time > open.last()) {
            if (open.size >= CHUNK_SAMPLES || rangeOf(time) != rangeOf(open.first())) {
                closeOpen();
            }
            open.add(time, value, stale);
        } else if (open.size > 0 && time >= open.first()) {
            open = open.withInserted(time, value, stale);
        } else if (closed.isEmpty() || time > closed.getLast().maxTime()) {
            if (open.size == 0) {
                open.add(time, value, stale);
            } else if (rangeOf(time) != rangeOf(open.first())) {
                // before the open chunk and in an earlier block range: a chunk of its own
                closed.add(Chunk.of(single(time, value, stale)));
            } else {
                open = open.withInserted(time, value, stale);
            }
        } else {
            insertIntoClosed(time, value, stale);
        }
    }

    private void insertIntoClosed(long time, double value, boolean stale) {
        int i = closed.size() - 1;
        while (i >= 0 && closed.get(i).minTime() > time) {
            i--;
        }
        if (i >= 0 && rangeOf(closed.get(i).minTime()) == rangeOf(time)) {
            SampleArrays samples = new SampleArrays(XorChunk.count(closed.get(i).data()) + 1);
            XorChunk.decode(closed.get(i).data(), samples);
            closed.set(i, Chunk.of(samples.withInserted(time, value, stale)));
        } else {
            closed.add(i + 1, Chunk.of(single(time, value, stale)));
        }
    }

    private static SampleArrays single(long time, double value, boolean stale) {
        SampleArrays one = new SampleArrays(1);
        one.add(time, value, stale);
        return one;
    }

    private long rangeOf(long time) {
        return Math.floorDiv(time, blockRange);
    }

    void closeOpen() {
        if (open.size > 0) {
            closed.add(Chunk.of(open));
            open = new SampleArrays(16);
        }
    }

    boolean isEmpty() {
        return closed.isEmpty() && open.size == 0;
    }

    long minTime() {
        return !closed.isEmpty() ? closed.getFirst().minTime() : open.size > 0 ? open.first() : Long.MAX_VALUE;
    }

    long sampleCount() {
        long count = open.size;
        for (Chunk c : closed) {
            count += XorChunk.count(c.data());
        }
        return count;
    }

    /**
     * The samples within [from, to], and possibly later ones: when the open chunk covers the start, a view of its arrays
     * (no copy); otherwise the closed chunks' samples decoded and copied in front of the open ones.
     */
    PointList points(long from, long to) {
        if (open.size > 0 && open.first() <= from) {
            return open.view(open.firstAtOrAfter(from), open.size);
        }
        SampleArrays out = new SampleArrays(16);
        appendTo(out, from, to);
        return out.view(0, out.size);
    }

    /** Appends the samples within [from, to] to {@code into}. */
    void appendTo(SampleArrays into, long from, long to) {
        for (Chunk c : closed) {
            if (c.overlaps(from, to)) {
                c.decodeInto(from, to, into);
            }
        }
        for (int i = open.firstAtOrAfter(from); i < open.size && open.times[i] <= to; i++) {
            into.add(open.times[i], open.values[i], open.stale[i]);
        }
    }

    /** Closes the open chunk when it lies before {@code end}, and returns the chunks before {@code end}. */
    List<Chunk> chunksBefore(long end) {
        if (open.size > 0 && open.first() < end) {
            closeOpen();
        }
        List<Chunk> out = new ArrayList<>();
        for (Chunk c : closed) {
            if (c.maxTime() < end) {
                out.add(c);
            }
        }
        return out;
    }

    void dropBefore(long end) {
        closed.removeIf(c -> c.maxTime() < end);
    }

    /** The open samples as one chunk (for a checkpoint), or null when there are none. */
    Chunk openAsChunk() {
        return open.size == 0 ? null : Chunk.of(open);
    }

    /** Restores the open samples from a checkpoint. */
    void restoreOpen(Chunk chunk) {
        SampleArrays samples = new SampleArrays(XorChunk.count(chunk.data()) + 8);
        XorChunk.decode(chunk.data(), samples);
        open = samples;
    }
}
