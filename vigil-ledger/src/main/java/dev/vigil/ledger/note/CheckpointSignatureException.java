package dev.vigil.ledger.note;

/** A checkpoint is well-formed but not validly signed by a trusted key. */
public final class CheckpointSignatureException extends Exception {

    public CheckpointSignatureException(String message) {
        super(message);
    }
}
