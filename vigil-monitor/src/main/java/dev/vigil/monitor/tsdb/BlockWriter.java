package dev.vigil.monitor.tsdb;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;

import dev.vigil.monitor.promql.model.Labels;

/**
 * Writes one immutable block, series by series in label order: {@code chunks} (the encoded chunks back to back),
 * {@code index} (per series its labels and its chunks' times, offsets and lengths) and {@code meta.properties}. The
 * files go to a temporary folder that is synced and renamed when complete, so a crash leaves no half block.
 */
final class BlockWriter implements Closeable {

    static final String CHUNKS = "chunks";
    static final String INDEX = "index";
    static final String META = "meta.properties";
    static final int INDEX_MAGIC = 0x56495831; // "VIX1"

    private final Path blocksDir;
    private final Path tmp;
    private final long minTime;
    private final long maxTime;
    private final DataOutputStream chunks;
    private final DataOutputStream index;
    private long chunkOffset;
    private long seriesCount;
    private long sampleCount;
    private Labels previous;
    private boolean finished;

    BlockWriter(Path blocksDir, long minTime, long maxTime) throws IOException {
        this.blocksDir = blocksDir;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.tmp = blocksDir.resolve(name(minTime, maxTime) + ".tmp");
        if (Files.exists(tmp)) {
            deleteTree(tmp);
        }
        Files.createDirectories(tmp);
        chunks = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve(CHUNKS)), 1 << 16));
        index = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve(INDEX)), 1 << 16));
        index.writeInt(INDEX_MAGIC);
    }

    static String name(long minTime, long maxTime) {
        return "b" + minTime + "_" + maxTime;
    }

    /** Adds a series (in label order) with its chunks (in time order); a series without chunks is left out. */
    void add(Labels labels, List<Chunk> seriesChunks) throws IOException {
        if (seriesChunks.isEmpty()) {
            return;
        }
        if (previous != null && previous.compareTo(labels) >= 0) {
            throw new IllegalArgumentException("series out of label order: " + labels + " after " + previous);
        }
        previous = labels;
        index.writeBoolean(true);
        Codec.writeLabels(index, labels);
        Codec.writeVarint(index, seriesChunks.size());
        for (Chunk c : seriesChunks) {
            index.writeLong(c.minTime());
            index.writeLong(c.maxTime());
            Codec.writeVarint(index, chunkOffset);
            Codec.writeVarint(index, c.data().length);
            chunks.write(c.data());
            chunkOffset += c.data().length;
            sampleCount += XorChunk.count(c.data());
        }
        seriesCount++;
    }

    /** Completes the block and opens it. */
    Block finish() throws IOException {
        index.writeBoolean(false);
        chunks.close();
        index.close();
        Properties meta = new Properties();
        meta.setProperty("minTime", Long.toString(minTime));
        meta.setProperty("maxTime", Long.toString(maxTime));
        meta.setProperty("series", Long.toString(seriesCount));
        meta.setProperty("samples", Long.toString(sampleCount));
        try (OutputStream out = Files.newOutputStream(tmp.resolve(META))) {
            meta.store(out, "vigil metric block: samples in [minTime, maxTime) ms");
        }
        for (String f : List.of(CHUNKS, INDEX, META)) {
            try (FileChannel ch = FileChannel.open(tmp.resolve(f), StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        Path target = blocksDir.resolve(name(minTime, maxTime));
        if (Files.exists(target)) {
            deleteTree(target);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDir(blocksDir);
        finished = true;
        return Block.open(target);
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            chunks.close();
            index.close();
            deleteTree(tmp);
        }
    }

    static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a folder be synced
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
