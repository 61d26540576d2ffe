package dev.vigil.monitor.tsdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.vigil.monitor.promql.model.Labels;

/**
 * An immutable block on disk covering [minTime, maxTime): its files are memory-mapped; in memory are only the series'
 * label sets (interned, shared with other blocks) with their positions in the index, and the postings of each metric
 * name. A series' chunk list is read from the index when a query reaches it.
 */
final class Block {

    final Path dir;
    final long minTime;
    final long maxTime;
    final long samples;
    final long sizeBytes;
    private final Labels[] labels;
    private final int[] indexOffsets;
    private final Map<String, int[]> postings;
    private final ByteBuffer index;
    private final ByteBuffer chunks;

    private Block(Path dir, long minTime, long maxTime, long samples, long sizeBytes, Labels[] labels, int[] indexOffsets,
            Map<String, int[]> postings, ByteBuffer index, ByteBuffer chunks) {
        this.dir = dir;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.samples = samples;
        this.sizeBytes = sizeBytes;
        this.labels = labels;
        this.indexOffsets = indexOffsets;
        this.postings = postings;
        this.index = index;
        this.chunks = chunks;
    }

    static Block open(Path dir) throws IOException {
        return open(dir, Function.identity());
    }

    /** Opens a block; {@code intern} maps each label set to the instance to keep (one per distinct set). */
    static Block open(Path dir, Function<Labels, Labels> intern) throws IOException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(BlockWriter.META))) {
            meta.load(in);
        }
        long minTime = Long.parseLong(meta.getProperty("minTime"));
        long maxTime = Long.parseLong(meta.getProperty("maxTime"));
        long samples = Long.parseLong(meta.getProperty("samples"));
        ByteBuffer index = map(dir.resolve(BlockWriter.INDEX));
        ByteBuffer chunks = map(dir.resolve(BlockWriter.CHUNKS));
        long size = Files.size(dir.resolve(BlockWriter.INDEX)) + Files.size(dir.resolve(BlockWriter.CHUNKS));
        List<Labels> labels = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        Map<String, List<Integer>> byName = new HashMap<>();
        ByteBuffer in = index.duplicate();
        try {
            if (in.getInt() != BlockWriter.INDEX_MAGIC) {
                throw new IOException(dir + ": not a block index");
            }
            while (in.get() != 0) {
                int offset = in.position();
                Labels l = intern.apply(readLabels(in));
                int chunkCount = (int) readVarint(in);
                for (int c = 0; c < chunkCount; c++) {
                    in.position(in.position() + 16);
                    readVarint(in);
                    readVarint(in);
                }
                byName.computeIfAbsent(l.get(Labels.METRIC_NAME), k -> new ArrayList<>()).add(labels.size());
                labels.add(l);
                offsets.add(offset);
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException(dir + ": the index ends early", e);
        }
        Map<String, int[]> postings = new HashMap<>();
        byName.forEach((name, ids) -> postings.put(name, ids.stream().mapToInt(Integer::intValue).toArray()));
        return new Block(dir, minTime, maxTime, samples, size, labels.toArray(Labels[]::new),
                offsets.stream().mapToInt(Integer::intValue).toArray(), postings, index, chunks);
    }

    private static ByteBuffer map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer buffer = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            return buffer;
        }
    }

    boolean overlaps(long from, long to) {
        return maxTime > from && minTime <= to;
    }

    int seriesCount() {
        return labels.length;
    }

    Labels labels(int series) {
        return labels[series];
    }

    /**
     * Adds the samples within [from, to] of the matching series (of one metric name, or all when it is null) to
     * {@code into}, keyed by label set.
     */
    void collect(String metricName, Predicate<Labels> matches, long from, long to, TreeMap<Labels, SampleArrays> into) {
        if (metricName != null) {
            for (int s : postings.getOrDefault(metricName, new int[0])) {
                collectSeries(s, matches, from, to, into);
            }
        } else {
            for (int s = 0; s < labels.length; s++) {
                collectSeries(s, matches, from, to, into);
            }
        }
    }

    private void collectSeries(int s, Predicate<Labels> matches, long from, long to, TreeMap<Labels, SampleArrays> into) {
        if (!matches.test(labels[s])) {
            return;
        }
        SampleArrays target = null;
        for (Chunk c : chunks(s, from, to)) {
            if (target == null) {
                target = into.computeIfAbsent(labels[s], k -> new SampleArrays(16));
            }
            c.decodeInto(from, to, target);
        }
    }

    /** The chunks of a series overlapping [from, to]. */
    List<Chunk> chunks(int series, long from, long to) {
        ByteBuffer in = index.duplicate();
        in.position(indexOffsets[series]);
        skipLabels(in);
        int chunkCount = (int) readVarint(in);
        List<Chunk> out = new ArrayList<>();
        for (int c = 0; c < chunkCount; c++) {
            long min = in.getLong();
            long max = in.getLong();
            long offset = readVarint(in);
            int length = (int) readVarint(in);
            if (max >= from && min <= to) {
                byte[] data = new byte[length];
                chunks.get((int) offset, data);
                out.add(new Chunk(min, max, data));
            }
        }
        return out;
    }

    private static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.get() & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    private static String readString(ByteBuffer in) {
        int length = (int) readVarint(in);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Labels readLabels(ByteBuffer in) {
        int count = (int) readVarint(in);
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            map.put(readString(in), readString(in));
        }
        return Labels.of(map);
    }

    private static void skipLabels(ByteBuffer in) {
        int strings = (int) readVarint(in) * 2;
        for (int i = 0; i < strings; i++) {
            int length = (int) readVarint(in);
            in.position(in.position() + length);
        }
    }
}
