package dev.vigil.spool;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Appends queued for one write: their sealed event entries behind room for the batch header, which is filled in when
 * the writer takes the batch. Either every append in it becomes durable or every one fails.
 */
final class PendingBatch {

    /** The most a Java array holds; the spool's size limits keep batches well below. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private final boolean startsSegment;
    private final long firstSequence;
    private final SparseIndex index = new SparseIndex();
    private byte[] bytes = new byte[64 << 10];
    private int size = RecordCodec.BATCH_ENTRY_BYTES;
    private int count;
    // settled and failure are guarded by the SpoolWriter's lock
    private boolean settled;
    private Throwable failure;

    PendingBatch(boolean startsSegment, long firstSequence) {
        this.startsSegment = startsSegment;
        this.firstSequence = firstSequence;
    }

    /** Whether the batch goes into a new segment starting at its first sequence. */
    boolean startsSegment() {
        return startsSegment;
    }

    long firstSequence() {
        return firstSequence;
    }

    long lastSequence() {
        return firstSequence + count - 1;
    }

    /** Where its events start, relative to the batch's first byte. */
    SparseIndex index() {
        return index;
    }

    /** Adds an entry from {@link RecordCodec#encodeEvent} as the next sequence; returns that sequence. */
    long add(byte[] entry) {
        if (bytes.length - size < entry.length) {
            long needed = (long) size + entry.length;
            bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, Math.max(2L * bytes.length, needed)));
        }
        long sequence = firstSequence + count;
        System.arraycopy(entry, 0, bytes, size, entry.length);
        RecordCodec.seal(bytes, size, sequence);
        index.offer(sequence, size);
        size += entry.length;
        count++;
        return sequence;
    }

    /** The bytes to write, header included. */
    ByteBuffer bytes() {
        RecordCodec.writeBatchHeader(bytes, 0, firstSequence, count, size - RecordCodec.BATCH_ENTRY_BYTES);
        return ByteBuffer.wrap(bytes, 0, size);
    }

    void succeeded() {
        settled = true;
    }

    void failed(Throwable cause) {
        settled = true;
        failure = cause;
    }

    boolean settled() {
        return settled;
    }

    /** Why the batch failed, null when it is durable (or not settled yet). */
    Throwable failure() {
        return failure;
    }
}
