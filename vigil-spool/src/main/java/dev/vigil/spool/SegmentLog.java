package dev.vigil.spool;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable part of the spool: the live segments in order, how far each is durably written, the processed mark,
 * and from these the backlog. The writer publishes here after each fsync; readers wait here for new events.
 * The last segment is the one being written.
 */
final class SegmentLog {

    /** A segment with its durable extent at one moment. */
    record SegmentView(Segment segment, long end, long lastSequence) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private long lastSequence;
    private long processedSequence;
    private long liveBytes;
    /** Bytes of the live segments before the first unprocessed event, rounded down to an index position. */
    private long processedBytes;
    private boolean closed;

    /** Starts from the recovered segments (at least the one to write to), ascending. */
    SegmentLog(List<Segment> recovered, long processedSequence) {
        for (Segment segment : recovered) {
            segments.put(segment.firstSequence(), segment);
            liveBytes += segment.end();
        }
        this.lastSequence = segments.lastEntry().getValue().lastSequence();
        this.processedSequence = processedSequence;
        countProcessedBytes();
    }

    /** A new, empty segment that the writer writes to from now on. */
    void add(Segment segment) {
        lock.lock();
        try {
            segments.put(segment.firstSequence(), segment);
        } finally {
            lock.unlock();
        }
    }

    /** The writer made the segment durable up to {@code end}, holding events up to {@code newLastSequence}. */
    void published(Segment segment, long end, long newLastSequence) {
        lock.lock();
        try {
            liveBytes += end - segment.end();
            segment.advance(end, newLastSequence);
            lastSequence = newLastSequence;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long lastSequence() {
        lock.lock();
        try {
            return lastSequence;
        } finally {
            lock.unlock();
        }
    }

    long processedSequence() {
        lock.lock();
        try {
            return processedSequence;
        } finally {
            lock.unlock();
        }
    }

    long backlogBytes() {
        lock.lock();
        try {
            return liveBytes - processedBytes;
        } finally {
            lock.unlock();
        }
    }

    int segmentCount() {
        lock.lock();
        try {
            return segments.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until an event after {@code sequence} is durable; false when the wait ran out or the log was closed. */
    boolean awaitAfter(long sequence, long waitNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long nanos = waitNanos;
            while (lastSequence <= sequence && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = advanced.awaitNanos(nanos);
            }
            return lastSequence > sequence;
        } finally {
            lock.unlock();
        }
    }

    /** The segments holding durable events after {@code sequence}, ascending. */
    List<SegmentView> after(long sequence) {
        lock.lock();
        try {
            Long from = segments.floorKey(sequence + 1);
            NavigableMap<Long, Segment> tail = from == null ? segments : segments.tailMap(from, true);
            List<SegmentView> views = new ArrayList<>();
            for (Segment segment : tail.values()) {
                // a segment just started holds no durable event yet (its last sequence is its predecessor's)
                boolean holdsEvents = segment.lastSequence() >= segment.firstSequence();
                if (holdsEvents && segment.lastSequence() > sequence) {
                    views.add(new SegmentView(segment, segment.end(), segment.lastSequence()));
                }
            }
            return views;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the processed mark (already stored durably) and lets go of the segments holding only processed events,
     * except the one being written; returns those, for the caller to delete.
     */
    List<Segment> markProcessed(long sequence) {
        lock.lock();
        try {
            processedSequence = sequence;
            List<Segment> released = new ArrayList<>();
            while (segments.size() > 1 && segments.firstEntry().getValue().lastSequence() <= sequence) {
                Segment segment = segments.pollFirstEntry().getValue();
                liveBytes -= segment.end();
                released.add(segment);
            }
            countProcessedBytes();
            return released;
        } finally {
            lock.unlock();
        }
    }

    private void countProcessedBytes() {
        processedBytes = 0;
        for (Segment segment : segments.values()) {
            if (segment.lastSequence() <= processedSequence) {
                processedBytes += segment.end();
            } else {
                processedBytes += segment.index().floor(processedSequence + 1, segment.firstSequence()).offset();
                return;
            }
        }
    }

    /** Wakes the waiting readers for good. */
    void close() {
        lock.lock();
        try {
            closed = true;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
