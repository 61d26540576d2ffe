package dev.vigil.ledger.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.ledger.note.CheckpointSignatureException;
import dev.vigil.ledger.note.NoteFormatException;
import dev.vigil.ledger.note.NoteVerifierKey;
import dev.vigil.ledger.note.SignedCheckpoint;

/** Checkpoints as note files in a {@link CheckpointDirectory}; loaded and re-verified when opened. */
public final class DirectoryCheckpointStore implements CheckpointStore {

    private final Path directory;
    private final List<SignedCheckpoint> checkpoints;

    private DirectoryCheckpointStore(Path directory, List<SignedCheckpoint> checkpoints) {
        this.directory = directory;
        this.checkpoints = checkpoints;
    }

    /** Opens the directory, verifying every stored note against {@code key}. */
    public static DirectoryCheckpointStore open(Path directory, NoteVerifierKey key) throws IOException {
        List<SignedCheckpoint> loaded = new ArrayList<>();
        for (Path file : CheckpointDirectory.list(directory)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".tmp")) {
                Files.delete(file); // an interrupted write; the checkpoint was never handed out
                continue;
            }
            if (!name.equals(CheckpointDirectory.fileName(loaded.size()))) {
                throw new IOException(file + ": unexpected file in checkpoint directory (expected "
                        + CheckpointDirectory.fileName(loaded.size()) + ")");
            }
            try {
                loaded.add(SignedCheckpoint.open(Files.readAllBytes(file), List.of(key)));
            } catch (NoteFormatException | CheckpointSignatureException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return new DirectoryCheckpointStore(directory, loaded);
    }

    @Override
    public synchronized void append(SignedCheckpoint checkpoint) throws IOException {
        CheckpointDirectory.write(directory, checkpoints.size(), checkpoint);
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<SignedCheckpoint> all() {
        return List.copyOf(checkpoints);
    }
}
