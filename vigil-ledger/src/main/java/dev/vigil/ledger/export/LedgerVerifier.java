package dev.vigil.ledger.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.note.Checkpoint;
import dev.vigil.ledger.note.CheckpointSignatureException;
import dev.vigil.ledger.note.NoteFormatException;
import dev.vigil.ledger.note.NoteVerifierKey;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.ledger.store.CheckpointDirectory;
import dev.vigil.ledger.store.LineReader;

/**
 * Offline verification of an export directory (docs/AUDIT-FORMAT.md), in this order, stopping at the first problem:
 * <ol>
 * <li>the log key: {@code public-key}, which must equal the trusted key when one is given;</li>
 * <li>the trusted checkpoint, when given: it must be signed by the log key;</li>
 * <li>{@code checkpoints/}: contiguous file names, each note validly signed, sizes non-decreasing, equal sizes with
 * equal roots;</li>
 * <li>{@code records.jsonl}: canonical records with sequence numbers 0, 1, 2, … whose recomputed tree heads equal
 * every checkpoint root (and the trusted one) at its size;</li>
 * <li>the tail: no fewer records than the latest checkpoint covers (truncation) and no more (records not covered by
 * any signature are reported as unauthenticated, possibly forged);</li>
 * <li>rollback: the trusted checkpoint must not be larger than the latest checkpoint of the export;</li>
 * <li>{@code leaf-hashes}, when present, must equal the recomputed hashes.</li>
 * </ol>
 * Every tree size it trusts comes from a verified checkpoint.
 */
public final class LedgerVerifier {

    private final Path directory;
    private final Path trustedKeyFile;
    private final Path trustedCheckpointFile;
    private final int maxLine;
    private final int chunkCapacity;

    /**
     * @param trustedKeyFile the log's verifier key obtained out of band, or {@code null}
     * @param trustedCheckpointFile a checkpoint published outside the operator's reach, or {@code null}
     */
    public LedgerVerifier(Path directory, Path trustedKeyFile, Path trustedCheckpointFile) {
        this(directory, trustedKeyFile, trustedCheckpointFile, LineReader.DEFAULT_MAX_LINE,
                RecordChunk.DEFAULT_CAPACITY);
    }

    /** With a record line length limit and a read chunk size of choice, so tests can reach their edges. */
    LedgerVerifier(Path directory, Path trustedKeyFile, Path trustedCheckpointFile, int maxLine, int chunkCapacity) {
        this.directory = directory;
        this.trustedKeyFile = trustedKeyFile;
        this.trustedCheckpointFile = trustedCheckpointFile;
        this.maxLine = maxLine;
        this.chunkCapacity = chunkCapacity;
    }

    public VerificationResult verify() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                runnable -> {
                    Thread thread = new Thread(runnable, "vigil-audit-verify");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            return run(pool);
        } catch (VerificationFailure failure) {
            return failure.result();
        } finally {
            pool.shutdownNow();
        }
    }

    private VerificationResult run(ExecutorService pool) throws VerificationFailure {
        if (!Files.isDirectory(directory)) {
            throw VerificationFailure.unreadable(directory + ": not a directory");
        }
        List<String> warnings = new ArrayList<>();
        NoteVerifierKey key = logKey();
        Optional<SignedCheckpoint> trusted = trustedCheckpoint(key);
        if (trustedKeyFile == null && trusted.isEmpty()) {
            warnings.add("no --public-key or --trusted-checkpoint given: the export was checked against its own"
                    + " public-key only, so a replaced signing key or a rollback cannot be detected");
        }
        List<NamedCheckpoint> checkpoints = checkpoints(key, pool);
        NamedCheckpoint latest = checkpoints.getLast();

        List<RootExpectation> expectations = new ArrayList<>();
        for (NamedCheckpoint c : checkpoints) {
            expectations.add(new RootExpectation(c.checkpoint().treeSize(), c.checkpoint().rootHash(), c.label()));
        }
        trusted.ifPresent(t -> expectations.add(new RootExpectation(t.checkpoint().treeSize(),
                t.checkpoint().rootHash(), "the trusted checkpoint " + trustedCheckpointFile)));
        expectations.sort(Comparator.comparingLong(RootExpectation::size));

        Path leafHashes = directory.resolve(LedgerLayout.LEAF_HASHES);
        RecordStreamVerifier.Outcome outcome = new RecordStreamVerifier(directory.resolve(LedgerLayout.RECORDS),
                leafHashes, maxLine, chunkCapacity).run(expectations, pool);

        long covered = latest.checkpoint().treeSize();
        long records = outcome.recordCount();
        if (records < covered) {
            throw VerificationFailure.tampered(LedgerLayout.RECORDS + " holds " + records + " records but "
                    + latest.label() + " covers " + covered + ": the tail was truncated (first missing seq "
                    + records + ")");
        }
        if (records > covered) {
            throw VerificationFailure.tampered(LedgerLayout.RECORDS + " line " + (covered + 1) + " (seq " + covered
                    + "): not covered by any signed checkpoint (the latest, " + latest.label() + ", covers "
                    + covered + " records): " + (records - covered)
                    + " unauthenticated record(s) at the end, possibly forged");
        }
        if (trusted.isPresent() && trusted.get().checkpoint().treeSize() > covered) {
            throw VerificationFailure.tampered("rollback: the trusted checkpoint " + trustedCheckpointFile
                    + " has size " + trusted.get().checkpoint().treeSize() + " but the export ends at size " + covered
                    + " (" + latest.label() + "): the export was rolled back to an older state");
        }
        checkLeafHashes(outcome, records, warnings);
        return new VerificationResult.Verified(covered, latest.checkpoint().rootHash(), warnings);
    }

    private NoteVerifierKey logKey() throws VerificationFailure {
        Path exportKeyFile = directory.resolve(LedgerLayout.PUBLIC_KEY);
        NoteVerifierKey exportKey = readKey(exportKeyFile);
        if (trustedKeyFile == null) {
            return exportKey;
        }
        NoteVerifierKey trustedKey = readKey(trustedKeyFile);
        if (!trustedKey.equals(exportKey)) {
            throw VerificationFailure.tampered(LedgerLayout.PUBLIC_KEY + " holds " + exportKey
                    + " but the trusted key " + trustedKeyFile + " is " + trustedKey + ": the signing key was replaced");
        }
        return trustedKey;
    }

    private static NoteVerifierKey readKey(Path file) throws VerificationFailure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw VerificationFailure.unreadable(file + ": missing");
        } catch (IOException e) {
            throw VerificationFailure.unreadable(file + ": cannot be read: " + e.getMessage());
        }
        String line = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (line.indexOf('\n') >= 0) {
            throw VerificationFailure.unreadable(file + ": must hold exactly one verifier key line");
        }
        try {
            return NoteVerifierKey.parse(line.strip());
        } catch (NoteFormatException e) {
            throw VerificationFailure.unreadable(file + ": not a verifier key: " + e.getMessage());
        }
    }

    private Optional<SignedCheckpoint> trustedCheckpoint(NoteVerifierKey key) throws VerificationFailure {
        if (trustedCheckpointFile == null) {
            return Optional.empty();
        }
        byte[] bytes = readFile(trustedCheckpointFile);
        try {
            return Optional.of(SignedCheckpoint.open(bytes, List.of(key)));
        } catch (NoteFormatException e) {
            throw VerificationFailure.unreadable(trustedCheckpointFile + ": not a signed checkpoint: " + e.getMessage());
        } catch (CheckpointSignatureException e) {
            throw VerificationFailure.tampered("the trusted checkpoint " + trustedCheckpointFile
                    + " does not verify with the log key " + key + " (" + e.getMessage() + "): "
                    + (trustedKeyFile == null ? "the export's signing key was replaced, or the checkpoint is from "
                            + "another log" : "the checkpoint is from another log"));
        }
    }

    private List<NamedCheckpoint> checkpoints(NoteVerifierKey key, ExecutorService pool) throws VerificationFailure {
        Path dir = directory.resolve(LedgerLayout.CHECKPOINTS);
        List<Path> files;
        try {
            files = CheckpointDirectory.list(dir);
        } catch (IOException e) {
            throw VerificationFailure.unreadable(dir + ": cannot be listed: " + e.getMessage());
        }
        // Each signature check costs about a millisecond, so they run on all cores; the results are judged in order.
        List<Future<SignedCheckpoint>> opened = new ArrayList<>();
        for (int i = 0; i < files.size() && files.get(i).getFileName().toString()
                .equals(CheckpointDirectory.fileName(i)); i++) {
            Path file = files.get(i);
            opened.add(pool.submit(() -> open(file, key)));
        }
        List<NamedCheckpoint> checkpoints = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String label = LedgerLayout.CHECKPOINTS + "/" + name;
            String expected = CheckpointDirectory.fileName(checkpoints.size());
            if (!name.equals(expected)) {
                throw VerificationFailure.tampered(label + ": unexpected file; expected " + expected
                        + (CheckpointDirectory.FILE_NAME.matcher(name).matches() ? " (a checkpoint is missing)" : ""));
            }
            NamedCheckpoint current = new NamedCheckpoint(label, await(opened.get(checkpoints.size())).checkpoint());
            if (!checkpoints.isEmpty()) {
                checkOrder(checkpoints.getLast(), current);
            }
            checkpoints.add(current);
        }
        if (checkpoints.isEmpty()) {
            throw VerificationFailure.tampered(LedgerLayout.CHECKPOINTS + "/: no signed checkpoint, so no record is"
                    + " authenticated");
        }
        return checkpoints;
    }

    private static SignedCheckpoint open(Path file, NoteVerifierKey key) throws VerificationFailure {
        String label = LedgerLayout.CHECKPOINTS + "/" + file.getFileName();
        try {
            return SignedCheckpoint.open(readFile(file), List.of(key));
        } catch (NoteFormatException e) {
            throw VerificationFailure.tampered(label + ": malformed checkpoint: " + e.getMessage());
        } catch (CheckpointSignatureException e) {
            throw VerificationFailure.tampered(label + ": bad signature: " + e.getMessage());
        }
    }

    private static SignedCheckpoint await(Future<SignedCheckpoint> future) throws VerificationFailure {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VerificationFailure.unreadable("interrupted while verifying checkpoint signatures");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VerificationFailure failure) {
                throw failure;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static void checkOrder(NamedCheckpoint previous, NamedCheckpoint current) throws VerificationFailure {
        long before = previous.checkpoint().treeSize();
        long now = current.checkpoint().treeSize();
        if (now < before) {
            throw VerificationFailure.tampered(current.label() + ": size " + now + " is smaller than " + before
                    + " of " + previous.label() + ": checkpoints out of order");
        }
        if (now == before && !MessageDigest.isEqual(previous.checkpoint().rootHash(),
                current.checkpoint().rootHash())) {
            throw VerificationFailure.tampered(current.label() + ": same size " + now + " as " + previous.label()
                    + " but a different root: the checkpoints are inconsistent with each other");
        }
    }

    private void checkLeafHashes(RecordStreamVerifier.Outcome outcome, long records, List<String> warnings)
            throws VerificationFailure {
        if (outcome.storedHashCount() < 0) {
            warnings.add(LedgerLayout.LEAF_HASHES + " is missing: an altered record can only be located to a"
                    + " checkpoint range");
            return;
        }
        if (outcome.firstStoredHashMismatch() >= 0) {
            throw VerificationFailure.tampered(LedgerLayout.LEAF_HASHES + " entry " + outcome.firstStoredHashMismatch()
                    + " differs from the hash of the record with that seq, although the records match the signed"
                    + " checkpoints: " + LedgerLayout.LEAF_HASHES + " was modified");
        }
        if (outcome.storedHashCount() != records) {
            throw VerificationFailure.tampered(LedgerLayout.LEAF_HASHES + " does not hold exactly one 32-byte hash per"
                    + " record (" + records + " records)");
        }
    }

    private static byte[] readFile(Path file) throws VerificationFailure {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw VerificationFailure.unreadable(file + ": missing");
        } catch (IOException e) {
            throw VerificationFailure.unreadable(file + ": cannot be read: " + e.getMessage());
        }
    }

    private record NamedCheckpoint(String label, Checkpoint checkpoint) {
    }
}
