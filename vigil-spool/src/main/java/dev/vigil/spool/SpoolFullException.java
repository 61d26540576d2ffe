package dev.vigil.spool;

/** The spool is above its high-water mark: the sender should retry later. Nothing was appended. */
public final class SpoolFullException extends RuntimeException {
    private final long backlogBytes;

    public SpoolFullException(long backlogBytes, long highWaterMark) {
        super("spool backlog " + backlogBytes + " bytes is above the high-water mark of " + highWaterMark + " bytes");
        this.backlogBytes = backlogBytes;
    }

    public long backlogBytes() {
        return backlogBytes;
    }
}
