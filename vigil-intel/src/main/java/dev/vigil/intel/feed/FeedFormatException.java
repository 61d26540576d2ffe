package dev.vigil.intel.feed;

import java.nio.file.Path;

/** A feed file that cannot be read at all (missing header columns, unreadable file); names the file and line. */
public final class FeedFormatException extends Exception {

    public FeedFormatException(Path file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
    }

    public FeedFormatException(Path file, long line, String reason, Throwable cause) {
        super(file + ":" + line + ": " + reason, cause);
    }
}
