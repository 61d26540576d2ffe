package dev.vigil.ledger.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * compared with every expected tree head when the stream reaches its size. Checking and hashing run on all cores in
 * batches; folding stays in line order, so the first problem in the file is the one reported. Memory is bounded by
 * the batches in flight.
 *
 * <p>The optional {@code leaf-hashes} file is compared with the recomputed hashes. From the first difference on it is
 * folded into a second range: when the records miss a signed root but the stored hashes reproduce it, the stored
 * hashes are authentic and the first record whose hash differs is the altered one, so the report names it.
 */
final class RecordStreamVerifier {

    private static final int BATCH_LINES = 4096;

    /** What the pass established: the number of records and the standing of the stored leaf hashes. */
    record Outcome(long recordCount, long storedHashCount, long firstStoredHashMismatch) {
    }

    private final Path records;
    private final Path leafHashes;
    private final CompactRange recomputed = new CompactRange();
    /** The range of the stored hashes; null while they equal the recomputed ones. */
    private CompactRange stored;
    private long firstMismatch = -1;
    private InputStream storedIn;
    private long storedCount;
    private RootExpectation lastMatched;
    private List<RootExpectation> expectations;
    private int nextExpectation;

    RecordStreamVerifier(Path records, Path leafHashes) {
        this.records = records;
        this.leafHashes = leafHashes;
    }

    Outcome run(List<RootExpectation> sortedExpectations) throws VerificationFailure {
        this.expectations = sortedExpectations;
        checkExpectationsAt(0);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "vigil-audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try (InputStream recordIn = new BufferedInputStream(Files.newInputStream(records), 1 << 16)) {
            storedIn = leafHashes != null && Files.isRegularFile(leafHashes)
                    ? new BufferedInputStream(Files.newInputStream(leafHashes), 1 << 16)
                    : null;
            LineReader lines = new LineReader(recordIn);
            Deque<Future<CheckedBatch>> inFlight = new ArrayDeque<>();
            long index = 0;
            while (true) {
                List<byte[]> batch = new ArrayList<>(BATCH_LINES);
                for (byte[] line; batch.size() < BATCH_LINES && (line = lines.next()) != null;) {
                    batch.add(line);
                }
                if (batch.isEmpty()) {
                    break;
                }
                long first = index;
                boolean terminated = lines.lastLineTerminated();
                inFlight.add(pool.submit(() -> CheckedBatch.check(first, batch, terminated)));
                index += batch.size();
                if (inFlight.size() >= 2 * threads) {
                    fold(await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                fold(await(inFlight.poll()));
            }
            long storedTotal = storedCount;
            if (storedIn != null && storedIn.read() >= 0) {
                storedTotal = Long.MAX_VALUE; // more stored hashes than records
            }
            return new Outcome(index, storedIn == null ? -1 : storedTotal, firstMismatch);
        } catch (NoSuchFileException e) {
            throw VerificationFailure.unreadable(records + ": missing");
        } catch (LineReader.LineTooLongException e) {
            throw VerificationFailure.tampered(LedgerLayout.RECORDS + ": " + e.getMessage());
        } catch (IOException e) {
            throw VerificationFailure.unreadable(records + ": cannot be read: " + e.getMessage());
        } finally {
            pool.shutdownNow();
            closeQuietly(storedIn);
        }
    }

    private static CheckedBatch await(Future<CheckedBatch> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void fold(CheckedBatch batch) throws VerificationFailure, IOException {
        for (int i = 0; i < batch.size(); i++) {
            long index = batch.firstIndex + i;
            String where = LedgerLayout.RECORDS + " line " + (index + 1);
            if (i == batch.size() - 1 && !batch.lastLineTerminated) {
                throw VerificationFailure.tampered(where + ": the last line has no newline (truncated or appended)");
            }
            if (batch.problems[i] != null) {
                throw VerificationFailure.tampered(where + ": invalid record: " + batch.problems[i]);
            }
            if (batch.sequences[i] != index) {
                throw VerificationFailure.tampered(where + ": " + describeSequenceGap(index, batch.sequences[i]));
            }
            byte[] leaf = batch.leafHashes[i];
            foldStoredHash(index, leaf);
            recomputed.append(leaf);
            checkExpectationsAt(index + 1);
        }
    }

    private void foldStoredHash(long index, byte[] leaf) throws IOException {
        if (storedIn == null || storedCount < index) {
            return; // no stored hashes, or they already ran out
        }
        byte[] storedHash = storedIn.readNBytes(MerkleHash.SIZE);
        if (storedHash.length != MerkleHash.SIZE) {
            return;
        }
        storedCount++;
        if (stored == null && !MessageDigest.isEqual(leaf, storedHash)) {
            firstMismatch = index;
            stored = recomputed.copy();
        }
        if (stored != null) {
            stored.append(storedHash);
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
