package dev.vigil.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import dev.vigil.ledger.export.ExportWriter;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.merkle.MerkleTree;
import dev.vigil.ledger.note.Checkpoint;
import dev.vigil.ledger.note.NoteFormatException;
import dev.vigil.ledger.note.NoteSigner;
import dev.vigil.ledger.note.NoteVerifierKey;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.ledger.record.AuditEvent;
import dev.vigil.ledger.record.AuditRecord;
import dev.vigil.ledger.record.AuditRecordCodec;
import dev.vigil.ledger.store.CheckpointStore;
import dev.vigil.ledger.store.DirectoryCheckpointStore;
import dev.vigil.ledger.store.FileLeafHashStore;
import dev.vigil.ledger.store.FileRecordJournal;
import dev.vigil.ledger.store.InMemoryCheckpointStore;
import dev.vigil.ledger.store.InMemoryLeafHashStore;
import dev.vigil.ledger.store.InMemoryRecordJournal;
import dev.vigil.ledger.store.LeafHashStore;
import dev.vigil.ledger.store.RecordJournal;

/**
 * The tamper-evident audit ledger: records are appended as RFC 9162 Merkle leaves and made durable before
 * {@link #append} returns (concurrent appenders share fsyncs); {@link #checkpoint()} signs the current tree head as a
 * C2SP checkpoint. A record is committed once the record journal holds it durably; only committed records are ever
 * covered by a checkpoint or a proof. Leaf hashes are derived data (recomputed from the journal after a crash), so
 * an append waits for one fsync only and the leaf file is synced before a checkpoint or proof reads it, and every
 * {@value #LEAF_SYNC_INTERVAL} appends to bound the unsynced tail. Safe for concurrent use.
 */
public final class Ledger implements AutoCloseable {

    static final int LEAF_SYNC_INTERVAL = 4096;

    private final RecordJournal journal;
    private final LeafHashStore leaves;
    private final CheckpointStore checkpoints;
    private final NoteSigner signer;
    private final MerkleTree tree;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Object checkpointLock = new Object();
    private final AtomicLong committed;
    private long nextSequence;

    private Ledger(RecordJournal journal, LeafHashStore leaves, CheckpointStore checkpoints, NoteSigner signer)
            throws IOException {
        this.journal = journal;
        this.leaves = leaves;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.tree = new MerkleTree(leaves);
        this.nextSequence = journal.size();
        this.committed = new AtomicLong(nextSequence);
        checkStoredCheckpoints();
    }

    /** A ledger held in memory only (tests, tools). */
    public static Ledger inMemory(NoteSigner signer) {
        try {
            return new Ledger(new InMemoryRecordJournal(), new InMemoryLeafHashStore(), new InMemoryCheckpointStore(),
                    signer);
        } catch (IOException e) {
            throw new IllegalStateException("an empty in-memory ledger cannot be inconsistent", e);
        }
    }

    /**
     * Opens (or creates) a file-backed ledger in {@code directory}. Recovers from a crash between the record journal
     * and the leaf file (the journal is authoritative), and refuses a directory created with another signing key or
     * whose checkpoints do not match its records.
     */
    public static Ledger open(Path directory, NoteSigner signer) throws IOException {
        Files.createDirectories(directory);
        checkPublicKey(directory.resolve(LedgerLayout.PUBLIC_KEY), signer.verifierKey());
        FileRecordJournal journal = FileRecordJournal.open(directory.resolve(LedgerLayout.RECORDS));
        FileLeafHashStore leaves = null;
        try {
            leaves = FileLeafHashStore.open(directory.resolve(LedgerLayout.LEAF_HASHES), journal.size());
            FileLeafHashStore target = leaves;
            journal.forEach(leaves.size(), journal.size(), (index, line) -> target.enqueue(MerkleHash.leaf(line)));
            leaves.awaitDurable(journal.size());
            CheckpointStore checkpoints = DirectoryCheckpointStore.open(directory.resolve(LedgerLayout.CHECKPOINTS),
                    signer.verifierKey());
            return new Ledger(journal, leaves, checkpoints, signer);
        } catch (IOException | RuntimeException e) {
            journal.close();
            if (leaves != null) {
                leaves.close();
            }
            throw e;
        }
    }

    private static void checkPublicKey(Path file, NoteVerifierKey key) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            return;
        }
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        NoteVerifierKey storedKey;
        try {
            storedKey = NoteVerifierKey.parse(stored);
        } catch (NoteFormatException e) {
            throw new LedgerStorageException(file + ": " + e.getMessage());
        }
        if (!storedKey.equals(key)) {
            throw new LedgerStorageException(file + ": the ledger was created with key " + storedKey
                    + ", not with the signer's key " + key);
        }
    }

    private void checkStoredCheckpoints() throws IOException {
        List<SignedCheckpoint> all = checkpoints.all();
        if (all.isEmpty()) {
            return;
        }
        Checkpoint latest = all.getLast().checkpoint();
        if (latest.treeSize() > journal.size()) {
            throw new LedgerStorageException("the latest checkpoint covers " + latest.treeSize()
                    + " records but only " + journal.size() + " are stored: committed records were lost");
        }
        if (!MessageDigest.isEqual(tree.rootHash(latest.treeSize()), latest.rootHash())) {
            throw new LedgerStorageException("the stored records do not produce the root of the latest checkpoint"
                    + " (size " + latest.treeSize() + ")");
        }
    }

    /**
     * Assigns the next sequence number, stores the record and its leaf hash, and returns once both are durable.
     *
     * @throws dev.vigil.ledger.record.CanonicalJsonException when the body has no canonical form (no sequence number
     *         is consumed then)
     */
    public AppendedRecord append(AuditEvent event) throws IOException {
        long sequence;
        byte[] leafHash;
        appendLock.lock();
        try {
            sequence = nextSequence;
            byte[] line = AuditRecordCodec.encode(new AuditRecord(sequence, event));
            leafHash = MerkleHash.leaf(line);
            journal.enqueue(line);
            leaves.enqueue(leafHash);
            nextSequence++;
        } finally {
            appendLock.unlock();
        }
        journal.awaitDurable(sequence + 1);
        if ((sequence + 1) % LEAF_SYNC_INTERVAL == 0) {
            leaves.awaitDurable(sequence + 1);
        }
        // Durability is prefix-closed, so every record up to this one is now committed.
        committed.accumulateAndGet(sequence + 1, Math::max);
        return new AppendedRecord(sequence, leafHash);
    }

    /**
     * Appends several records as one group: consecutive sequence numbers, one wait for durability. Returns once all of
     * them are durable, in order. A record without canonical form refuses the whole group before any is stored.
     */
    public List<AppendedRecord> appendAll(List<AuditEvent> events) throws IOException {
        if (events.isEmpty()) {
            return List.of();
        }
        List<AppendedRecord> appended = new java.util.ArrayList<>(events.size());
        long first;
        appendLock.lock();
        try {
            first = nextSequence;
            List<byte[]> lines = new java.util.ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                lines.add(AuditRecordCodec.encode(new AuditRecord(first + i, events.get(i))));
            }
            for (int i = 0; i < lines.size(); i++) {
                byte[] leafHash = MerkleHash.leaf(lines.get(i));
                journal.enqueue(lines.get(i));
                leaves.enqueue(leafHash);
                appended.add(new AppendedRecord(first + i, leafHash));
            }
            nextSequence = first + events.size();
        } finally {
            appendLock.unlock();
        }
        long end = first + events.size();
        journal.awaitDurable(end);
        if (end / LEAF_SYNC_INTERVAL > first / LEAF_SYNC_INTERVAL) {
            leaves.awaitDurable(end);
        }
        committed.accumulateAndGet(end, Math::max);
        return List.copyOf(appended);
    }

    /** Number of committed records. */
    public long size() {
        return committed.get();
    }

    /**
     * Signs a checkpoint over all committed records, or returns the latest one when nothing was appended since.
     * The checkpoint is stored before it is returned.
     */
    public SignedCheckpoint checkpoint() throws IOException {
        synchronized (checkpointLock) {
            long size = committed.get();
            Optional<SignedCheckpoint> latest = latestCheckpoint();
            if (latest.isPresent() && latest.get().checkpoint().treeSize() == size) {
                return latest.get();
            }
            leaves.awaitDurable(size);
            Checkpoint checkpoint = new Checkpoint(signer.name(), size, tree.rootHash(size));
            SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, signer);
            checkpoints.append(signed);
            return signed;
        }
    }

    public Optional<SignedCheckpoint> latestCheckpoint() {
        List<SignedCheckpoint> all = checkpoints.all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    public List<SignedCheckpoint> checkpoints() {
        return checkpoints.all();
    }

    /** {@code MTH} of the first {@code treeSize} committed records. */
    public byte[] rootHash(long treeSize) throws IOException {
        requireCommitted(treeSize);
        return tree.rootHash(treeSize);
    }

    /** Inclusion proof of record {@code sequence} in the tree of {@code treeSize} (take it from a checkpoint). */
    public List<byte[]> inclusionProof(long sequence, long treeSize) throws IOException {
        requireCommitted(treeSize);
        return tree.inclusionProof(sequence, treeSize);
    }

    /** Consistency proof between two tree sizes (take them from checkpoints). */
    public List<byte[]> consistencyProof(long size1, long size2) throws IOException {
        requireCommitted(size2);
        return tree.consistencyProof(size1, size2);
    }

    public NoteVerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /**
     * Writes an export directory (docs/AUDIT-FORMAT.md) covering every committed record, signing a fresh checkpoint
     * first when the latest one does not cover them all. {@code target} must not exist or be empty.
     */
    public SignedCheckpoint exportTo(Path target) throws IOException {
        SignedCheckpoint head = checkpoint();
        long size = head.checkpoint().treeSize();
        List<SignedCheckpoint> covered = checkpoints.all().stream()
                .filter(c -> c.checkpoint().treeSize() <= size)
                .toList();
        new ExportWriter(target).write(size, journal, leaves, covered, signer.verifierKey());
        return head;
    }

    /** Checks the size against the committed records and makes their leaf hashes readable. */
    private void requireCommitted(long treeSize) throws IOException {
        if (treeSize < 0 || treeSize > committed.get()) {
            throw new IllegalArgumentException("tree size " + treeSize + " exceeds the " + committed.get()
                    + " committed records");
        }
        leaves.awaitDurable(treeSize);
    }

    @Override
    public void close() throws IOException {
        try {
            leaves.awaitDurable(committed.get());
        } finally {
            try {
                journal.close();
            } finally {
                leaves.close();
            }
        }
    }
}
