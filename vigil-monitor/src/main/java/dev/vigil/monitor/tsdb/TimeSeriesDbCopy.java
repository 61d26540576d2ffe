package dev.vigil.monitor.tsdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a store's folder while a server keeps writing it (for backups): blocks, then the WAL folder with its segments
 * before its checkpoint. Blocks are immutable and checkpoints are renamed into place, so a copy that found every file it
 * listed opens cleanly (a segment caught mid-append ends in a torn record, which opening cuts). When maintenance deleted
 * a listed file meanwhile (a merged or expired block, segments behind a new checkpoint), the copy starts again.
 */
public final class TimeSeriesDbCopy {

    private static final int ATTEMPTS = 5;

    private TimeSeriesDbCopy() {
    }

    /** Copies {@code source} to {@code target} (created); returns the files written. */
    public static List<Path> copy(Path source, Path target) throws IOException {
        NoSuchFileException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BlockWriter.deleteTree(target);
            try {
                List<Path> written = new ArrayList<>();
                copyTree(source.resolve("blocks"), target.resolve("blocks"), written);
                copyTree(source.resolve("wal"), target.resolve("wal"), written);
                return written;
            } catch (NoSuchFileException e) {
                last = e;
            }
        }
        throw new IOException("the metric store kept changing during " + ATTEMPTS + " copies", last);
    }

    private static void copyTree(Path from, Path to, List<Path> written) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            // sorted: segments (digits) come before checkpoint.N, so a checkpoint never outruns the segments copied
            files = walk.filter(p -> !p.getFileName().toString().endsWith(".tmp") && !p.toString().contains(".tmp/"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path copy = to.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            written.add(Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES));
        }
    }
}
