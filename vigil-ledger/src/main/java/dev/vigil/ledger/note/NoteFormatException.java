package dev.vigil.ledger.note;

/** A signed note, checkpoint or key string is malformed; the message says what and where. */
public final class NoteFormatException extends Exception {

    public NoteFormatException(String message) {
        super(message);
    }
}
