package dev.vigil.spool;

import java.util.Arrays;

/**
 * Where some events of a segment start: one position about every {@value #SPACING} bytes, so a read that does not
 * continue where the previous one stopped scans at most that far (plus one entry) to find its first event.
 * Thread-safe.
 */
final class SparseIndex {

    static final long SPACING = 64 << 10;

    /** A sequence and the file offset its event entry starts at. */
    record Position(long sequence, long offset) {
    }

    private long[] sequences = new long[16];
    private long[] offsets = new long[16];
    private int size;

    /** Takes the position if it is at least {@link #SPACING} bytes after the last one taken; offers must ascend. */
    synchronized void offer(long sequence, long offset) {
        if (size > 0 && offset - offsets[size - 1] < SPACING) {
            return;
        }
        if (size == sequences.length) {
            sequences = Arrays.copyOf(sequences, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        sequences[size] = sequence;
        offsets[size] = offset;
        size++;
    }

    /** Offers every position of {@code other}, shifted by {@code base} bytes. */
    void offerAll(SparseIndex other, long base) {
        long[] otherSequences;
        long[] otherOffsets;
        int otherSize;
        synchronized (other) {
            otherSequences = other.sequences;
            otherOffsets = other.offsets;
            otherSize = other.size;
        }
        for (int i = 0; i < otherSize; i++) {
            offer(otherSequences[i], base + otherOffsets[i]);
        }
    }

    /** The last position at or before {@code sequence}, or the start of the segment when there is none. */
    synchronized Position floor(long sequence, long segmentFirstSequence) {
        int found = Arrays.binarySearch(sequences, 0, size, sequence);
        int index = found >= 0 ? found : -found - 2;
        return index < 0 ? new Position(segmentFirstSequence, 0) : new Position(sequences[index], offsets[index]);
    }
}
