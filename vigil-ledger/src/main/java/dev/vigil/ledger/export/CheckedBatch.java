package dev.vigil.ledger.export;

import java.util.List;

import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.record.CanonicalRecordCheck;
import dev.vigil.ledger.record.RecordFormatException;

/**
 * The per-line work of verification that needs no ordering: checking that a line is a canonical record and hashing
 * it. Runs on worker threads; the results are folded into the tree in line order by {@link RecordStreamVerifier}.
 */
final class CheckedBatch {

    final long firstIndex;
    final long[] sequences;
    final byte[][] leafHashes;
    /** Reason a line is not a valid canonical record, or null. */
    final String[] problems;
    final boolean lastLineTerminated;

    private CheckedBatch(long firstIndex, int size, boolean lastLineTerminated) {
        this.firstIndex = firstIndex;
        this.sequences = new long[size];
        this.leafHashes = new byte[size][];
        this.problems = new String[size];
        this.lastLineTerminated = lastLineTerminated;
    }

    static CheckedBatch check(long firstIndex, List<byte[]> lines, boolean lastLineTerminated) {
        CheckedBatch batch = new CheckedBatch(firstIndex, lines.size(), lastLineTerminated);
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            try {
                batch.sequences[i] = CanonicalRecordCheck.sequenceOf(line);
            } catch (RecordFormatException e) {
                batch.problems[i] = e.getMessage();
            }
            batch.leafHashes[i] = MerkleHash.leaf(line);
        }
        return batch;
    }

    int size() {
        return sequences.length;
    }
}
