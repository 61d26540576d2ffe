package dev.vigil.monitor.tsdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import dev.vigil.monitor.promql.model.Labels;

/**
 * The head's write-ahead log: numbered segment files of records {@code [type][length][CRC32C][payload]}; a series
 * record names a new series id's labels, a samples record carries samples (id and staleness, time delta to the record's
 * base time, value bits). Appends are buffered until {@link #flush()} (one write per batch, in the page cache at once,
 * so a killed process loses nothing); {@link #sync()} forces them to disk. Replay stops at the first torn or corrupt
 * record, cuts the segment there and deletes later segments.
 */
final class Wal implements Closeable {

    static final long SEGMENT_BYTES = 64L << 20;
    private static final byte SERIES = 1;
    private static final byte SAMPLES = 2;
    private static final int HEADER = 9;

    /** What replay finds. */
    interface Handler {
        void series(int id, Labels labels);

        void sample(int id, long time, double value, boolean stale);
    }

    private final Path dir;
    private FileChannel channel;
    private int segment;
    private final ByteArrayOutputStream seriesRecords = new ByteArrayOutputStream();
    private final ByteArrayOutputStream samples = new ByteArrayOutputStream();
    private final DataOutputStream samplesOut = new DataOutputStream(samples);
    private int sampleCount;
    private long baseTime;

    private Wal(Path dir, int segment) throws IOException {
        this.dir = dir;
        this.segment = segment;
        this.channel = openSegment(segment);
    }

    /** Opens a new segment after the existing ones. */
    static Wal openAfter(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Integer> existing = segments(dir);
        return new Wal(dir, existing.isEmpty() ? 1 : existing.getLast() + 1);
    }

    private FileChannel openSegment(int number) throws IOException {
        return FileChannel.open(segmentPath(dir, number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    static Path segmentPath(Path dir, int number) {
        return dir.resolve(String.format("%08d", number));
    }

    static List<Integer> segments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}")).map(Integer::parseInt).sorted().toList();
        }
    }

    void logSeries(int id, Labels labels) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(payload);
            Codec.writeVarint(out, id);
            Codec.writeLabels(out, labels);
            writeRecord(seriesRecords, SERIES, payload.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void logSample(int id, long time, double value, boolean stale) {
        try {
            if (sampleCount == 0) {
                baseTime = time;
            }
            Codec.writeVarint(samplesOut, ((long) id << 1) | (stale ? 1 : 0));
            Codec.writeZigzag(samplesOut, time - baseTime);
            samplesOut.writeLong(Double.doubleToRawLongBits(value));
            sampleCount++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the buffered records (series before the samples that use them) to the segment. */
    void flush() throws IOException {
        if (seriesRecords.size() == 0 && sampleCount == 0) {
            return;
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream(seriesRecords.size() + samples.size() + 32);
        seriesRecords.writeTo(batch);
        if (sampleCount > 0) {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(samples.size() + 16);
            DataOutputStream out = new DataOutputStream(payload);
            out.writeLong(baseTime);
            Codec.writeVarint(out, sampleCount);
            samples.writeTo(out);
            writeRecord(batch, SAMPLES, payload.toByteArray());
        }
        seriesRecords.reset();
        samples.reset();
        sampleCount = 0;
        ByteBuffer buffer = ByteBuffer.wrap(batch.toByteArray());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        if (channel.size() >= SEGMENT_BYTES) {
            rotate();
        }
    }

    private static void writeRecord(ByteArrayOutputStream to, byte type, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.put(type).putInt(payload.length).putInt((int) crc.getValue());
        to.write(header.array(), 0, HEADER);
        to.write(payload, 0, payload.length);
    }

    void sync() throws IOException {
        flush();
        channel.force(false);
    }

    /** Flushes and syncs the current segment and starts the next; returns the number of the finished one. */
    int rotate() throws IOException {
        sync();
        channel.close();
        int finished = segment;
        segment++;
        channel = openSegment(segment);
        return finished;
    }

    /** Deletes the segments up to and including {@code last}. */
    void deleteUpTo(int last) throws IOException {
        for (int n : segments(dir)) {
            if (n <= last) {
                Files.deleteIfExists(segmentPath(dir, n));
            }
        }
    }

    long sizeBytes() throws IOException {
        long total = 0;
        for (int n : segments(dir)) {
            total += Files.size(segmentPath(dir, n));
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        sync();
        channel.close();
    }

    /**
     * Replays the segments numbered above {@code after}. At the first torn or corrupt record the segment is cut there
     * and later segments are deleted (their records would follow a gap); returns how many bytes were cut.
     */
    static long replay(Path dir, int after, Handler handler) throws IOException {
        List<Integer> numbers = new ArrayList<>(segments(dir));
        for (int i = 0; i < numbers.size(); i++) {
            int n = numbers.get(i);
            if (n <= after) {
                continue;
            }
            Path path = segmentPath(dir, n);
            byte[] bytes = Files.readAllBytes(path);
            int valid = replaySegment(bytes, handler);
            if (valid < bytes.length) {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    ch.truncate(valid);
                    ch.force(true);
                }
                long cut = bytes.length - valid;
                for (int later : numbers.subList(i + 1, numbers.size())) {
                    cut += Files.size(segmentPath(dir, later));
                    Files.delete(segmentPath(dir, later));
                }
                return cut;
            }
        }
        return 0;
    }

    /** Replays the whole records of one segment; returns the length of its valid prefix. */
    private static int replaySegment(byte[] bytes, Handler handler) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.remaining() >= HEADER) {
            int start = in.position();
            byte type = in.get();
            int length = in.getInt();
            int expected = in.getInt();
            if (length < 0 || length > in.remaining() || (type != SERIES && type != SAMPLES)) {
                return start;
            }
            byte[] payload = new byte[length];
            in.get(payload);
            CRC32C crc = new CRC32C();
            crc.update(type);
            crc.update(payload);
            if ((int) crc.getValue() != expected) {
                return start;
            }
            try {
                apply(type, payload, handler);
            } catch (IOException e) {
                return start;
            }
        }
        return in.position();
    }

    private static void apply(byte type, byte[] payload, Handler handler) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            if (type == SERIES) {
                int id = (int) Codec.readVarint(in);
                handler.series(id, Codec.readLabels(in));
                return;
            }
            long base = in.readLong();
            long count = Codec.readVarint(in);
            for (long i = 0; i < count; i++) {
                long ref = Codec.readVarint(in);
                long time = base + Codec.readZigzag(in);
                double value = Double.longBitsToDouble(in.readLong());
                handler.sample((int) (ref >>> 1), time, value, (ref & 1) == 1);
            }
        } catch (EOFException e) {
            throw new IOException("record ends early", e);
        }
    }
}
