package dev.vigil.ledger.store;

import java.io.IOException;
import java.util.List;

import dev.vigil.ledger.note.SignedCheckpoint;

/** The signed checkpoints a ledger has issued, oldest first. */
public interface CheckpointStore {

    /** Stores a checkpoint durably. */
    void append(SignedCheckpoint checkpoint) throws IOException;

    List<SignedCheckpoint> all();
}
