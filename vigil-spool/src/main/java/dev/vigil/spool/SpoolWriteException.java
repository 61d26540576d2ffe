package dev.vigil.spool;

/** The disk refused a spool write (full, read-only, I/O error). Nothing was appended; earlier data is intact. */
public final class SpoolWriteException extends RuntimeException {
    public SpoolWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
