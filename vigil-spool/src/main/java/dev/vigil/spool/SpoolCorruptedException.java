package dev.vigil.spool;

import java.nio.file.Path;

/**
 * A segment file is damaged in a way a crash cannot explain (not a torn write at the very end), so the spool refuses
 * to open rather than silently dropping acknowledged events.
 */
public final class SpoolCorruptedException extends RuntimeException {
    private final transient Path file;
    private final long offset;

    public SpoolCorruptedException(Path file, long offset, String problem) {
        super("spool segment " + file + " is damaged at offset " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
