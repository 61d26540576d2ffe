package dev.vigil.spool;

import java.nio.file.Path;

/**
 * One segment file: events from {@link #firstSequence} on, of which the first {@link #end} bytes are durable.
 * Only the spool's writer moves the end, through {@link SegmentLog#published}.
 */
final class Segment {

    private final long firstSequence;
    private final Path path;
    private final SparseIndex index;
    private volatile long end;
    private volatile long lastSequence;

    Segment(long firstSequence, Path path, SparseIndex index, long end, long lastSequence) {
        this.firstSequence = firstSequence;
        this.path = path;
        this.index = index;
        this.end = end;
        this.lastSequence = lastSequence;
    }

    /** A new, empty segment. */
    static Segment empty(long firstSequence, Path path) {
        return new Segment(firstSequence, path, new SparseIndex(), 0, firstSequence - 1);
    }

    long firstSequence() {
        return firstSequence;
    }

    Path path() {
        return path;
    }

    SparseIndex index() {
        return index;
    }

    /** Durable bytes. */
    long end() {
        return end;
    }

    /** The last durable sequence, {@code firstSequence - 1} while empty. */
    long lastSequence() {
        return lastSequence;
    }

    void advance(long newEnd, long newLastSequence) {
        this.end = newEnd;
        this.lastSequence = newLastSequence;
    }
}
