package dev.vigil.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes appends durable with group commit. {@link #append} assigns sequences, queues the sealed entries and waits;
 * one writer thread takes everything queued and writes it with one write and one fsync (one of each per segment when
 * the batch starts a new segment), then releases all those appenders together. Appends arriving during an fsync
 * queue up for the next one, so under load there are far fewer fsyncs than appends.
 *
 * <p>The I/O runs on the writer's own thread rather than on an appender's because interrupting a thread in the middle
 * of channel I/O closes the channel, and appender threads (request handlers) do get interrupted.
 *
 * <p>When a write or fsync fails (a full disk), the segment is truncated back to its durable end, every append queued
 * at that moment fails with {@link SpoolWriteException} and the sequence counter falls back to the durable end, so no
 * partial batch stays in the file and sequences stay contiguous. Later appends try again; if the truncation itself
 * failed, it is retried before the next write.
 */
final class SpoolWriter implements AutoCloseable {

    private final SegmentLog log;
    private final SpoolDirectory directory;
    private final SegmentChannelFactory channels;
    private final long segmentBytes;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final Condition settled = lock.newCondition();
    private final ArrayDeque<PendingBatch> pending = new ArrayDeque<>();
    private long nextSequence;
    /** Bytes the segment written last will hold once the pending batches are written. */
    private long plannedSegmentBytes;
    private boolean closing;

    // used by the writer thread only
    private Segment active;
    private FileChannel channel;
    private boolean truncationOwed;
    private boolean directoryEntryOwed;

    private final AtomicLong appends = new AtomicLong();
    private final AtomicLong appendedEvents = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();

    SpoolWriter(SegmentLog log, SpoolDirectory directory, SegmentChannelFactory channels, long segmentBytes,
                Segment active, FileChannel channel) {
        this.log = log;
        this.directory = directory;
        this.channels = channels;
        this.segmentBytes = segmentBytes;
        this.active = active;
        this.channel = channel;
        this.nextSequence = active.lastSequence() + 1;
        this.plannedSegmentBytes = active.end();
        this.thread = Thread.ofPlatform().daemon().name("vigil-spool-writer").unstarted(this::run);
        thread.start();
    }

    /**
     * Appends entries from {@link RecordCodec#encodeEvent} holding {@code bytes} bytes in all; returns the last
     * sequence once they are durable.
     */
    long append(List<byte[]> entries, long bytes) {
        PendingBatch batch;
        long last = 0;
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("the spool is closed");
            }
            batch = batchFor(bytes);
            for (byte[] entry : entries) {
                last = batch.add(entry);
            }
            nextSequence = last + 1;
            queued.signal();
            while (!batch.settled()) {
                settled.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (batch.failure() != null) {
            throw new SpoolWriteException("the spool could not write " + entries.size() + " events to "
                    + directory.path() + ": " + batch.failure().getMessage(), batch.failure());
        }
        appends.incrementAndGet();
        appendedEvents.addAndGet(entries.size());
        return last;
    }

    /** The batch an append of {@code bytes} joins: the last queued one, or a new one, in a new segment when full. */
    private PendingBatch batchFor(long bytes) {
        boolean newSegment = plannedSegmentBytes > 0 && plannedSegmentBytes + bytes > segmentBytes;
        PendingBatch batch = pending.peekLast();
        if (batch == null || newSegment) {
            batch = new PendingBatch(newSegment, nextSequence);
            pending.addLast(batch);
            if (newSegment) {
                plannedSegmentBytes = 0;
            }
            plannedSegmentBytes += RecordCodec.BATCH_ENTRY_BYTES;
        }
        plannedSegmentBytes += bytes;
        return batch;
    }

    private void run() {
        while (true) {
            List<PendingBatch> batches;
            lock.lock();
            try {
                while (pending.isEmpty() && !closing) {
                    queued.awaitUninterruptibly();
                }
                if (pending.isEmpty()) {
                    return;
                }
                batches = new ArrayList<>(pending);
                pending.clear();
            } finally {
                lock.unlock();
            }
            writeAll(batches);
        }
    }

    private void writeAll(List<PendingBatch> batches) {
        for (int i = 0; i < batches.size(); i++) {
            PendingBatch batch = batches.get(i);
            try {
                write(batch);
            } catch (Throwable e) {
                failedWrites.incrementAndGet();
                rollBack();
                failEverythingFrom(batches.subList(i, batches.size()), e);
                return;
            }
            lock.lock();
            try {
                batch.succeeded();
                settled.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void write(PendingBatch batch) throws IOException {
        if (batch.startsSegment()) {
            startSegment(batch.firstSequence());
        }
        settleOwedWork();
        ByteBuffer bytes = batch.bytes();
        long start = active.end();
        long position = start;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        channel.force(false);
        fsyncs.incrementAndGet();
        active.index().offerAll(batch.index(), start);
        log.published(active, position, batch.lastSequence());
    }

    private void startSegment(long firstSequence) throws IOException {
        Segment segment = Segment.empty(firstSequence, directory.segmentPath(firstSequence));
        // a file by this name can only be left from a failed attempt to start this same segment
        FileChannel next = channels.open(segment.path(), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel previous = channel;
        active = segment;
        channel = next;
        truncationOwed = false;
        directoryEntryOwed = true;
        log.add(segment);
        previous.close();
    }

    /** Completes what a failure left undone before anything more is written. */
    private void settleOwedWork() throws IOException {
        if (truncationOwed) {
            truncateToDurableEnd();
            truncationOwed = false;
        }
        if (directoryEntryOwed) {
            directory.sync();
            directoryEntryOwed = false;
        }
    }

    private void rollBack() {
        try {
            truncateToDurableEnd();
        } catch (IOException | RuntimeException e) {
            truncationOwed = true;
        }
    }

    private void truncateToDurableEnd() throws IOException {
        channel.truncate(active.end());
        channel.force(false);
    }

    private void failEverythingFrom(List<PendingBatch> unwritten, Throwable cause) {
        lock.lock();
        try {
            unwritten.forEach(batch -> batch.failed(cause));
            pending.forEach(batch -> batch.failed(cause));
            pending.clear();
            nextSequence = active.lastSequence() + 1;
            plannedSegmentBytes = active.end();
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    SpoolStats stats(long truncatedBytesAtOpen, int segments) {
        return new SpoolStats(appends.get(), appendedEvents.get(), fsyncs.get(), failedWrites.get(),
                truncatedBytesAtOpen, segments);
    }

    /** Writes what is queued, stops the writer thread and closes the segment being written. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closing = true;
            queued.signal();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
