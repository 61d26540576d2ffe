package dev.vigil.server.audit;

import java.util.List;
import java.util.Optional;

/** Read access to the ledger's checkpoints and proofs for other features (the console). */
public interface LedgerProofs {

    /** The latest signed checkpoint in signed-note text, if one was made. */
    Optional<String> latestCheckpoint();

    /** Size of the latest checkpoint (0 when none). */
    long checkpointedSize();

    /** Base64 hashes of the inclusion proof of record {@code seq} in the tree of {@code size} records. */
    List<String> inclusionProof(long seq, long size);
}
