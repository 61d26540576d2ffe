package dev.vigil.ledger.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.note.NoteVerifierKey;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.ledger.store.CheckpointDirectory;
import dev.vigil.ledger.store.LeafHashStore;
import dev.vigil.ledger.store.RecordJournal;

/** Writes an export directory: records.jsonl, leaf-hashes, checkpoints/, public-key. */
public final class ExportWriter {

    private final Path target;

    public ExportWriter(Path target) {
        this.target = target;
    }

    public void write(long size, RecordJournal journal, LeafHashStore leaves, List<SignedCheckpoint> checkpoints,
            NoteVerifierKey key) throws IOException {
        prepareEmptyDirectory();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target.resolve(LedgerLayout.RECORDS)),
                1 << 16)) {
            journal.writeTo(out, size);
        }
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(target.resolve(LedgerLayout.LEAF_HASHES)), 1 << 16)) {
            byte[] chunk = new byte[256 * MerkleHash.SIZE];
            for (long from = 0; from < size; from += 256) {
                int count = (int) Math.min(256, size - from);
                leaves.readLeafHashes(from, count, chunk);
                out.write(chunk, 0, count * MerkleHash.SIZE);
            }
        }
        Path checkpointDir = target.resolve(LedgerLayout.CHECKPOINTS);
        Files.createDirectories(checkpointDir);
        for (int i = 0; i < checkpoints.size(); i++) {
            CheckpointDirectory.write(checkpointDir, i, checkpoints.get(i));
        }
        Files.writeString(target.resolve(LedgerLayout.PUBLIC_KEY), key + "\n", StandardCharsets.UTF_8);
    }

    private void prepareEmptyDirectory() throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(target + ": export directory is not empty");
                }
            }
        } else {
            Files.createDirectories(target);
        }
    }
}
