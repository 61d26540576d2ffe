package dev.vigil.intel.feed;

import java.nio.file.Path;

/** A row or object of a feed that was skipped, with where it is (line 0 when the place is in the reason) and why. */
public record FeedProblem(Path file, long line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
