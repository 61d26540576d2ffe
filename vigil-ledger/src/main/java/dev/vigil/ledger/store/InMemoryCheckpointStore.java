package dev.vigil.ledger.store;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.ledger.note.SignedCheckpoint;

/** Checkpoints held in memory. */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();

    @Override
    public synchronized void append(SignedCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<SignedCheckpoint> all() {
        return List.copyOf(checkpoints);
    }
}
