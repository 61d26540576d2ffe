package dev.vigil.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Looks into and damages segment files the way crashes and disk faults do. */
final class SegmentFiles {

    private SegmentFiles() {
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
    }

    static Path last(Path dir) throws IOException {
        return list(dir).getLast();
    }

    /** The offsets of the batch headers in an intact segment, that is where each write started. */
    static List<Long> batchOffsets(Path segment) throws Exception {
        List<Long> offsets = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            EntryReader reader = new EntryReader(channel, 0, channel.size());
            EntryReader.Entry entry;
            while ((entry = reader.next()) != null) {
                if (entry.type() == RecordCodec.BATCH) {
                    offsets.add(entry.offset());
                }
            }
        }
        return offsets;
    }

    static void flipByte(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[Math.toIntExact(offset)] ^= 0x5A;
        Files.write(file, bytes);
    }

    static void zero(Path file, long offset, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, Math.toIntExact(offset), Math.toIntExact(offset) + length, (byte) 0);
        Files.write(file, bytes);
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }
}
