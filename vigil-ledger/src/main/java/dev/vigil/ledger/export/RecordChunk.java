package dev.vigil.ledger.export;

import java.util.Arrays;

import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.record.CanonicalRecordCheck;
import dev.vigil.ledger.record.CanonicalRecordFastCheck;
import dev.vigil.ledger.record.RecordFormatException;

/**
 * A run of whole lines of {@code records.jsonl} and the per-line work of verification that needs no ordering:
 * checking that each line is a canonical record and hashing it, straight from the read buffer. Runs on a worker
 * thread; {@link RecordStreamVerifier} folds the results into the tree in line order and then reuses the chunk.
 */
final class RecordChunk {

    /** Large enough that hand-off costs little per line, small enough to keep every core busy on 100 MB. */
    static final int DEFAULT_CAPACITY = 1 << 20;
    private static final int INITIAL_LINES = 4096;

    /** The lines, each ended by {@code '\n'} except possibly the last line of the file. */
    byte[] data;
    int length;

    /** Lines checked; the checking stops after the first invalid line, since the fold stops there too. */
    int lineCount;
    long[] sequences = new long[INITIAL_LINES];
    /** {@code MerkleHash.SIZE} bytes per checked line. */
    byte[] leafHashes = new byte[INITIAL_LINES * MerkleHash.SIZE];
    /** The line that is not a valid canonical record, and why; -1 and null when all are valid. */
    int problemLine;
    String problem;
    /** The last checked line ends the file without a newline. */
    boolean lastLineUnterminated;

    RecordChunk(int capacity) {
        data = new byte[capacity];
    }

    RecordChunk check() {
        lineCount = 0;
        problemLine = -1;
        problem = null;
        lastLineUnterminated = false;
        for (int start = 0; start < length; ) {
            if (lineCount == sequences.length) {
                sequences = Arrays.copyOf(sequences, 2 * lineCount);
                leafHashes = Arrays.copyOf(leafHashes, 2 * lineCount * MerkleHash.SIZE);
            }
            int end = CanonicalRecordFastCheck.acceptLine(data, start, length, sequences, lineCount);
            if (end == CanonicalRecordFastCheck.UNDECIDED) {
                end = endOfLine(start);
                try {
                    // Byte offsets in the message count from the start of the line, hence the copy.
                    sequences[lineCount] = CanonicalRecordCheck.sequenceOf(Arrays.copyOfRange(data, start, end));
                } catch (RecordFormatException e) {
                    problemLine = lineCount;
                    problem = e.getMessage();
                }
            }
            MerkleHash.leaf(data, start, end - start, leafHashes, lineCount * MerkleHash.SIZE);
            lineCount++;
            lastLineUnterminated = end == length;
            if (problem != null) {
                break;
            }
            start = end + 1;
        }
        return this;
    }

    private int endOfLine(int start) {
        int end = start;
        while (end < length && data[end] != '\n') {
            end++;
        }
        return end;
    }
}
