package dev.vigil.monitor.tsdb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import dev.vigil.monitor.promql.model.Labels;

/**
 * A snapshot of the head taken when the WAL moved to a new segment ({@code checkpoint.N} holds everything of segments
 * up to N), so those segments can go. Each series with its closed chunks and its open samples as one chunk; a CRC32C
 * over the file. Written to a temporary file, synced and renamed.
 */
final class HeadCheckpoint {

    private static final int MAGIC = 0x56434b31; // "VCK1"

    /** One series of the snapshot. */
    record Entry(int id, Labels labels, List<Chunk> closed, Chunk open) {
    }

    private HeadCheckpoint() {
    }

    static Path path(Path walDir, int segment) {
        return walDir.resolve(String.format("checkpoint.%08d", segment));
    }

    static void write(Path walDir, int segment, List<Entry> entries) throws IOException {
        Path target = path(walDir, segment);
        Path tmp = walDir.resolve(target.getFileName() + ".tmp");
        CRC32C crc = new CRC32C();
        try (OutputStream file = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16), crc))) {
            out.writeInt(MAGIC);
            out.writeInt(entries.size());
            for (Entry e : entries) {
                Codec.writeVarint(out, e.id());
                Codec.writeLabels(out, e.labels());
                Codec.writeVarint(out, e.closed().size());
                for (Chunk c : e.closed()) {
                    Codec.writeChunk(out, c);
                }
                out.writeBoolean(e.open() != null);
                if (e.open() != null) {
                    Codec.writeChunk(out, e.open());
                }
            }
            out.flush();
            new DataOutputStream(file).writeInt((int) crc.getValue());
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The newest checkpoint's segment number, if any. */
    static Optional<Integer> latest(Path walDir) throws IOException {
        if (!Files.isDirectory(walDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(walDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("checkpoint\\.\\d{8}"))
                    .map(n -> Integer.parseInt(n.substring("checkpoint.".length()))).max(Integer::compare);
        }
    }

    static List<Entry> read(Path walDir, int segment) throws IOException {
        Path file = path(walDir, segment);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 12) {
            throw new IOException(file + " is not a checkpoint (too short)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new IOException(file + " is corrupt (CRC mismatch)");
        }
        try (InputStream raw = new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a checkpoint");
            }
            int count = in.readInt();
            List<Entry> entries = new java.util.ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int id = (int) Codec.readVarint(in);
                Labels labels = Codec.readLabels(in);
                long chunks = Codec.readVarint(in);
                List<Chunk> closed = new java.util.ArrayList<>();
                for (long c = 0; c < chunks; c++) {
                    closed.add(Codec.readChunk(in));
                }
                Chunk open = in.readBoolean() ? Codec.readChunk(in) : null;
                entries.add(new Entry(id, labels, closed, open));
            }
            return entries;
        }
    }

    /** Deletes checkpoints older than {@code segment}. */
    static void deleteBefore(Path walDir, int segment) throws IOException {
        try (Stream<Path> files = Files.list(walDir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("checkpoint\\.\\d{8}(\\.tmp)?") && Integer.parseInt(n.substring(11, 19)) < segment) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
