package dev.vigil.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the folder of a spool that another process may be writing and processing (for backups), so that a spool
 * opened on the copy recovers cleanly: the identity, the segment files, and a processed mark that fits them.
 *
 * <p>The mark is read before the segments are copied, and segments only disappear once all their events are processed
 * (oldest first). So when a segment vanishes during the copy, it and everything copied before it were processed; the
 * copy then starts at the next segment, with the mark just before it. Whatever is processed is in the event store, so
 * a store copied after the spool holds every event the copied mark counts as processed; the events after the mark are
 * processed again after a restore, which stores them under the same ids.
 */
public final class SpoolCopy {

    private SpoolCopy() {
    }

    /** Copies {@code spool} into {@code target} (created if needed) and returns the files written. */
    public static List<Path> copy(Path spool, Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> written = new ArrayList<>();
        Path identity = spool.resolve(SpoolIdentity.FILE);
        if (Files.exists(identity)) {
            written.add(Files.copy(identity, target.resolve(SpoolIdentity.FILE)));
        }
        Path markFile = spool.resolve(ProcessedMarkFile.FILE);
        long mark = Files.exists(markFile) ? Long.parseLong(Files.readString(markFile, StandardCharsets.US_ASCII).strip()) : 0;
        List<Path> segments = new ArrayList<>();
        long firstCopied = -1;
        for (long first : SpoolDirectory.segmentFirstSequences(spool)) {
            String name = SpoolDirectory.segmentFileName(first);
            try {
                segments.add(Files.copy(spool.resolve(name), target.resolve(name)));
                if (firstCopied < 0) {
                    firstCopied = first;
                }
            } catch (NoSuchFileException processedMeanwhile) {
                for (Path older : segments) {
                    Files.delete(older);
                }
                segments.clear();
                firstCopied = -1;
            }
        }
        if (firstCopied > 0) {
            mark = Math.max(mark, firstCopied - 1);
        }
        Path copiedMark = target.resolve(ProcessedMarkFile.FILE);
        Files.writeString(copiedMark, mark + "\n", StandardCharsets.US_ASCII);
        written.addAll(segments);
        written.add(copiedMark);
        return written;
    }
}
