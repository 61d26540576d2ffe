package dev.vigil.ledger.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.vigil.ledger.note.SignedCheckpoint;

/**
 * A directory of signed checkpoint notes, one file each, named by their 0-based issue number zero-padded to 20
 * digits ({@code 00000000000000000000.note}), so that name order is issue order. Used by file-backed ledgers and by
 * exports.
 */
public final class CheckpointDirectory {

    public static final Pattern FILE_NAME = Pattern.compile("[0-9]{20}\\.note");

    private CheckpointDirectory() {
    }

    public static String fileName(long issueNumber) {
        return String.format("%020d.note", issueNumber);
    }

    /** Writes one note file and fsyncs it (and the directory) before returning. */
    public static void write(Path directory, long issueNumber, SignedCheckpoint checkpoint) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(issueNumber));
        Path temporary = directory.resolve(fileName(issueNumber) + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(checkpoint.format().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(directory);
    }

    /** All entries of the directory, sorted by name; callers decide what to do with unexpected names. */
    public static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> sorted = new ArrayList<>(entries.toList());
            sorted.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return sorted;
        }
    }

    static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories for fsync; the file itself is already durable.
        }
    }
}
