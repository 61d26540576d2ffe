package dev.vigil.ledger.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.merkle.CompactRange;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.record.CanonicalRecordCheck;
import dev.vigil.ledger.record.RecordFormatException;
import dev.vigil.ledger.store.LineReader;

/**
 * One streaming pass over {@code records.jsonl}: each line must be a canonical record whose sequence number equals
 * its position; leaf hashes are recomputed from the exact line bytes and folded into a compact range whose root is
 * compared with every expected tree head when the stream reaches its size. The file is read in large chunks of whole
 * lines that are checked and hashed in place on all cores; folding stays in line order, so the first problem in the
 * file is the one reported. Memory is bounded by the chunks in flight, which are reused.
 *
 * <p>The optional {@code leaf-hashes} file is compared with the recomputed hashes. From the first difference on it is
 * folded into a second range: when the records miss a signed root but the stored hashes reproduce it, the stored
 * hashes are authentic and the first record whose hash differs is the altered one, so the report names it.
 */
final class RecordStreamVerifier {

    /** What the pass established: the number of records and the standing of the stored leaf hashes. */
    record Outcome(long recordCount, long storedHashCount, long firstStoredHashMismatch) {
    }

    private final Path records;
    private final Path leafHashes;
    private final int maxLine;
    private final int chunkCapacity;
    private final CompactRange recomputed = new CompactRange();
    /** The range of the stored hashes; null while they equal the recomputed ones. */
    private CompactRange stored;
    private long firstMismatch = -1;
    private InputStream storedIn;
    private byte[] storedChunk = new byte[0];
    private long storedCount;
    private long nextIndex;
    private RootExpectation lastMatched;
    private List<RootExpectation> expectations;
    private int nextExpectation;

    /**
     * @param maxLine the longest line accepted, in bytes
     * @param chunkCapacity the initial size of a read chunk; chunks grow when a line does not fit
     */
    RecordStreamVerifier(Path records, Path leafHashes, int maxLine, int chunkCapacity) {
        this.records = records;
        this.leafHashes = leafHashes;
        this.maxLine = maxLine;
        // A chunk never holds more than maxLine + 1 bytes without a newline, so no longer line slips through.
        this.chunkCapacity = (int) Math.min(chunkCapacity, maxLine + 1L);
    }

    /** Runs the pass; checking and hashing go to {@code pool}, which should have a thread per core. */
    Outcome run(List<RootExpectation> sortedExpectations, ExecutorService pool) throws VerificationFailure {
        this.expectations = sortedExpectations;
        checkExpectationsAt(0);
        int maxInFlight = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
        try (InputStream recordIn = Files.newInputStream(records)) {
            storedIn = leafHashes != null && Files.isRegularFile(leafHashes)
                    ? new BufferedInputStream(Files.newInputStream(leafHashes), 1 << 16)
                    : null;
            RecordChunkReader reader = new RecordChunkReader(recordIn, maxLine);
            Deque<Future<RecordChunk>> inFlight = new ArrayDeque<>();
            Deque<RecordChunk> free = new ArrayDeque<>();
            while (true) {
                RecordChunk chunk = free.isEmpty() ? new RecordChunk(chunkCapacity) : free.pop();
                try {
                    if (!reader.fill(chunk)) {
                        break;
                    }
                } catch (RecordChunkReader.LineTooLongException e) {
                    foldAll(inFlight); // a problem in an earlier line is the one to report
                    throw VerificationFailure.tampered(LedgerLayout.RECORDS + ": " + e.getMessage());
                }
                inFlight.add(pool.submit(chunk::check));
                if (inFlight.size() >= maxInFlight) {
                    RecordChunk done = await(inFlight.poll());
                    fold(done);
                    free.push(done);
                }
            }
            foldAll(inFlight);
            long storedTotal = storedCount;
            if (storedIn != null && storedIn.read() >= 0) {
                storedTotal = Long.MAX_VALUE; // more stored hashes than records
            }
            return new Outcome(nextIndex, storedIn == null ? -1 : storedTotal, firstMismatch);
        } catch (NoSuchFileException e) {
            throw VerificationFailure.unreadable(records + ": missing");
        } catch (IOException e) {
            throw VerificationFailure.unreadable(records + ": cannot be read: " + e.getMessage());
        } finally {
            closeQuietly(storedIn);
        }
    }

    private void foldAll(Deque<Future<RecordChunk>> inFlight) throws VerificationFailure, IOException {
        while (!inFlight.isEmpty()) {
            fold(await(inFlight.poll()));
        }
    }

    private static RecordChunk await(Future<RecordChunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void fold(RecordChunk chunk) throws VerificationFailure, IOException {
        int storedInChunk = readStoredHashes(chunk.lineCount);
        for (int i = 0; i < chunk.lineCount; i++) {
            long index = nextIndex;
            if (i == chunk.lineCount - 1 && chunk.lastLineUnterminated) {
                throw VerificationFailure.tampered(where(index)
                        + ": the last line has no newline (truncated or appended)");
            }
            if (i == chunk.problemLine) {
                throw VerificationFailure.tampered(where(index) + ": invalid record: " + chunk.problem);
            }
            if (chunk.sequences[i] != index) {
                throw VerificationFailure.tampered(where(index) + ": " + describeSequenceGap(index,
                        chunk.sequences[i]));
            }
            int offset = i * MerkleHash.SIZE;
            if (i < storedInChunk) {
                foldStoredHash(index, chunk.leafHashes, offset);
            }
            recomputed.append(chunk.leafHashes, offset);
            nextIndex = index + 1;
            checkExpectationsAt(nextIndex);
        }
    }

    private static String where(long index) {
        return LedgerLayout.RECORDS + " line " + (index + 1);
    }

    /**
     * Reads the stored hashes of the next {@code lines} records into {@code storedChunk}; returns how many were
     * complete. Once the file runs short, no more are read.
     */
    private int readStoredHashes(int lines) throws IOException {
        if (storedIn == null || storedCount < nextIndex) {
            return 0; // no stored hashes, or they already ran out
        }
        int wanted = lines * MerkleHash.SIZE;
        if (storedChunk.length < wanted) {
            storedChunk = new byte[wanted];
        }
        int read = storedIn.readNBytes(storedChunk, 0, wanted);
        return read / MerkleHash.SIZE;
    }

    private void foldStoredHash(long index, byte[] leafHashes, int offset) {
        storedCount++;
        if (stored == null && !Arrays.equals(leafHashes, offset, offset + MerkleHash.SIZE, storedChunk, offset,
                offset + MerkleHash.SIZE)) {
            firstMismatch = index;
            stored = recomputed.copy();
        }
        if (stored != null) {
            stored.append(storedChunk, offset);
        }
    }

    private void checkExpectationsAt(long size) throws VerificationFailure {
        while (nextExpectation < expectations.size() && expectations.get(nextExpectation).size() == size) {
            check(expectations.get(nextExpectation++));
        }
    }

    private void check(RootExpectation expected) throws VerificationFailure {
        if (MessageDigest.isEqual(recomputed.root(), expected.root())) {
            lastMatched = expected;
            return;
        }
        long size = expected.size();
        if (stored != null && stored.size() == size && MessageDigest.isEqual(stored.root(), expected.root())) {
            throw VerificationFailure.tampered(LedgerLayout.RECORDS + " line " + (firstMismatch + 1) + " (seq "
                    + firstMismatch + "): leaf hash mismatch: the record differs from the one the log signed in "
                    + expected.label() + " (a field was edited after the record was logged)");
        }
        String range = lastMatched == null || lastMatched.size() == 0
                ? "a record with seq 0.." + (size - 1)
                : "a record with seq " + lastMatched.size() + ".." + (size - 1) + " (records 0.." + (lastMatched.size() - 1)
                        + " match " + lastMatched.label() + ")";
        throw VerificationFailure.tampered(expected.label() + " (size " + size + "): root mismatch: the records do not"
                + " produce the signed root; " + range + " was altered, inserted or removed, or the checkpoint is"
                + " inconsistent with the earlier ones");
    }

    /** Called when line {@code index} holds {@code sequence}; looks ahead to tell a swap from a gap. */
    private String describeSequenceGap(long index, long sequence) throws IOException {
        if (sequence < index) {
            return "repeated sequence number " + sequence + " (already at line " + (sequence + 1) + "), expected "
                    + index;
        }
        long laterLine = findLaterLineWithSequence(index);
        if (laterLine >= 0) {
            return "records out of order: holds seq " + sequence + " where seq " + index + " belongs; seq " + index
                    + " appears later at line " + laterLine + " (records swapped or reordered)";
        }
        return "missing record: seq " + index + " is absent (this line holds seq " + sequence + "; record deleted)";
    }

    private long findLaterLineWithSequence(long wanted) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(records), 1 << 16)) {
            LineReader lines = new LineReader(in);
            long lineNumber = 0;
            for (byte[] line; (line = lines.next()) != null;) {
                lineNumber++;
                if (lineNumber <= wanted + 1) {
                    continue;
                }
                try {
                    if (CanonicalRecordCheck.sequenceOf(line) == wanted) {
                        return lineNumber;
                    }
                } catch (RecordFormatException e) {
                    // A malformed later line cannot hold the wanted record; keep looking.
                }
            }
        }
        return -1;
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; a close failure cannot change the verdict
        }
    }
}
