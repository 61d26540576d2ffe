package dev.vigil.ledger.record;

/** A record line is not a valid canonical audit record; the message says what is wrong. */
public final class RecordFormatException extends Exception {

    public RecordFormatException(String message) {
        super(message);
    }
}
