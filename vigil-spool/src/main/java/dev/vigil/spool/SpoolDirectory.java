package dev.vigil.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The spool's folder: held exclusively through a lock file while open, it names the segment files after their first
 * sequence ({@code 00000000000000000001.seg}) and makes its small metadata files and new entries durable.
 */
final class SpoolDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "spool.lock";
    private static final String SEGMENT_SUFFIX = ".seg";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int SEGMENT_NAME_DIGITS = 20;

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private SpoolDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the folder if needed and locks it; refuses when another spool holds it. */
    static SpoolDirectory open(Path path) throws IOException {
        Files.createDirectories(path);
        Path lockFile = path.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("spool directory " + path + " is in use by another spool (" + lockFile
                    + " is locked); stop the other Vigil process or give this one its own data directory");
        }
        return new SpoolDirectory(path, channel, lock);
    }

    Path path() {
        return path;
    }

    Path segmentPath(long firstSequence) {
        return path.resolve(segmentFileName(firstSequence));
    }

    /** The first sequences of the segment files present, ascending. */
    List<Long> segmentFirstSequences() throws IOException {
        return segmentFirstSequences(path);
    }

    /** The first sequences of the segment files in {@code folder}, in order (also for a folder another process holds). */
    static List<Long> segmentFirstSequences(Path folder) throws IOException {
        List<Long> sequences = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                String digits = name.substring(0, Math.max(0, name.length() - SEGMENT_SUFFIX.length()));
                if (name.endsWith(SEGMENT_SUFFIX) && digits.length() == SEGMENT_NAME_DIGITS
                        && digits.chars().allMatch(Character::isDigit)) {
                    sequences.add(Long.parseLong(digits));
                }
            }
        }
        sequences.sort(null);
        return sequences;
    }

    /** The name of the segment file whose first event has {@code firstSequence}. */
    static String segmentFileName(long firstSequence) {
        return String.format("%0" + SEGMENT_NAME_DIGITS + "d", firstSequence) + SEGMENT_SUFFIX;
    }

    Optional<String> read(String fileName) throws IOException {
        Path file = path.resolve(fileName);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Replaces the file so that after a crash it holds either the old or the new content, never a mix. */
    void writeAtomically(String fileName, String content) throws IOException {
        Path temporary = path.resolve(fileName + TEMPORARY_SUFFIX);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, path.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        sync();
    }

    /** Makes the folder's entries (created, renamed files) durable. */
    void sync() throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
