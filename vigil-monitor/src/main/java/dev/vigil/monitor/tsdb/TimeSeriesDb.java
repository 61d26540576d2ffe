package dev.vigil.monitor.tsdb;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.SeriesStore;

/**
 * The embedded on-disk time-series store. New samples go to the in-memory head (Gorilla-encoded chunks of 120 samples
 * plus each series' open chunk) and to a write-ahead log; once the head spans 1.5 block ranges its oldest range is
 * written as an immutable block ({@code blocks/}), the head forgets it and a checkpoint of the head lets the older WAL
 * segments go. Blocks are merged into 3× and 12× longer ones once their range is complete, and deleted when they end
 * before the retention time or while the blocks exceed the size limit. Opening the folder again restores everything:
 * blocks, then the newest checkpoint, then the WAL segments after it (a torn last record is cut).
 *
 * <p>Thread-safe: appends take a write lock, selects a read lock and return lists that later writes do not change.
 * Samples older than the newest block's end are refused (counted in {@link Stats#outOfBounds()}); samples within the
 * head may arrive out of order. Call {@link #commit()} after a batch of {@link #add}s to hand it to the WAL file, and
 * {@link #maintain(long)} periodically.
 */
public final class TimeSeriesDb implements SeriesStore, Closeable {

    /** Settings: the block range (2 h by default), retention by age and by size of the blocks (0 = no limit). */
    public record Options(Duration blockRange, Duration retention, long retentionBytes) {

        public Options {
            if (blockRange.toMillis() < 1) {
                throw new IllegalArgumentException("the block range must be positive");
            }
            if (retention.compareTo(blockRange) < 0) {
                throw new IllegalArgumentException("the retention must be at least one block range (" + blockRange + ")");
            }
            if (retentionBytes < 0) {
                throw new IllegalArgumentException("the size limit must not be negative");
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofHours(2), Duration.ofDays(15), 0);
        }
    }

    /** What the store holds. */
    public record Stats(int headSeries, long headSamples, int blocks, long blockSamples, long blockBytes, long walBytes,
            long outOfBounds) {

        /** Bytes per sample in the blocks (chunks and index), or NaN without blocks. */
        public double blockBytesPerSample() {
            return blockSamples == 0 ? Double.NaN : (double) blockBytes / blockSamples;
        }
    }

    /** What one {@link #maintain(long)} run did. */
    public record Maintenance(int blocksWritten, int blocksMerged, int blocksDeleted) {
    }

    private static final long MAX_MERGED_BYTES = 1_500L << 20;

    private final Path blocksDir;
    private final Path walDir;
    private final Options options;
    private final long blockRange;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object maintenance = new Object();
    private final Head head;
    private volatile List<Block> blocks;
    private long minValidTime;
    private long outOfBounds;
    private boolean closed;
    private final Wal wal;

    private TimeSeriesDb(Path dir, Options options) throws IOException {
        this.options = options;
        this.blockRange = options.blockRange().toMillis();
        this.blocksDir = dir.resolve("blocks");
        this.walDir = dir.resolve("wal");
        Files.createDirectories(blocksDir);
        Files.createDirectories(walDir);
        this.blocks = openBlocks();
        this.minValidTime = blocks.isEmpty() ? Long.MIN_VALUE : blocks.getLast().maxTime;
        this.head = new Head(blockRange);
        replay();
        this.wal = Wal.openAfter(walDir);
    }

    /** Opens (or creates) the store in {@code dir}, replaying its WAL. */
    public static TimeSeriesDb open(Path dir, Options options) throws IOException {
        return new TimeSeriesDb(dir, options);
    }

    private List<Block> openBlocks() throws IOException {
        List<Block> found = new ArrayList<>();
        Map<Labels, Labels> interned = new HashMap<>();
        try (Stream<Path> dirs = Files.list(blocksDir)) {
            for (Path d : dirs.sorted().toList()) {
                if (d.getFileName().toString().endsWith(".tmp")) {
                    BlockWriter.deleteTree(d);
                } else if (Files.exists(d.resolve(BlockWriter.META))) {
                    found.add(Block.open(d, l -> interned.computeIfAbsent(l, k -> k)));
                }
            }
        }
        // a crash during a merge can leave the merged block beside its sources: keep the wider one
        found.sort(Comparator.comparingLong((Block b) -> b.minTime).thenComparing(b -> -b.maxTime));
        List<Block> kept = new ArrayList<>();
        for (Block b : found) {
            if (!kept.isEmpty() && b.maxTime <= kept.getLast().maxTime) {
                BlockWriter.deleteTree(b.dir);
            } else {
                kept.add(b);
            }
        }
        return List.copyOf(kept);
    }

    private void replay() throws IOException {
        Optional<Integer> checkpoint = HeadCheckpoint.latest(walDir);
        if (checkpoint.isPresent()) {
            for (HeadCheckpoint.Entry e : HeadCheckpoint.read(walDir, checkpoint.get())) {
                HeadSeries s = head.create(e.id(), e.labels());
                for (Chunk c : e.closed()) {
                    if (c.maxTime() >= minValidTime) {
                        s.closed.add(c);
                        head.noteTime(c.maxTime());
                    }
                }
                if (e.open() != null && e.open().minTime() >= minValidTime) {
                    s.restoreOpen(e.open());
                    head.noteTime(e.open().maxTime());
                }
            }
        }
        Map<Integer, HeadSeries> ids = new HashMap<>();
        Wal.replay(walDir, checkpoint.orElse(0), new Wal.Handler() {
            @Override
            public void series(int id, Labels labels) {
                HeadSeries existing = head.get(labels);
                ids.put(id, existing != null ? existing : head.create(id, labels));
            }

            @Override
            public void sample(int id, long time, double value, boolean stale) {
                HeadSeries s = ids.containsKey(id) ? ids.get(id) : head.byId(id);
                if (s != null && time >= minValidTime) {
                    s.add(time, value, stale);
                    head.noteTime(time);
                }
            }
        });
        head.dropBefore(minValidTime);
    }

    @Override
    public void add(Labels labels, Point point) {
        lock.writeLock().lock();
        try {
            requireOpen();
            long time = point.timestampMs();
            if (time < minValidTime) {
                outOfBounds++;
                return;
            }
            HeadSeries s = head.get(labels);
            if (s == null) {
                s = head.create(labels);
                wal.logSeries(s.id, labels);
            }
            s.add(time, point.value(), point.stale());
            head.noteTime(time);
            wal.logSample(s.id, time, point.value(), point.stale());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes the samples added since the last commit to the WAL file (the page cache; {@link #maintain} syncs). */
    public void commit() {
        lock.writeLock().lock();
        try {
            requireOpen();
            wal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the time-series store is closed");
        }
    }

    @Override
    public List<Map.Entry<Labels, List<Point>>> select(Predicate<Labels> matches, long minTimeMs, long maxTimeMs) {
        return select(null, matches, minTimeMs, maxTimeMs);
    }

    @Override
    public List<Map.Entry<Labels, List<Point>>> select(String metricName, Predicate<Labels> matches, long minTimeMs, long maxTimeMs) {
        lock.readLock().lock();
        try {
            Collection<HeadSeries> candidates = metricName == null ? head.series() : head.series(metricName);
            List<Block> reached = new ArrayList<>();
            for (Block b : blocks) {
                if (b.overlaps(minTimeMs, maxTimeMs)) {
                    reached.add(b);
                }
            }
            List<Map.Entry<Labels, List<Point>>> out = new ArrayList<>();
            if (reached.isEmpty()) {
                // the usual case (rules look minutes back): views of the head, already in label order
                for (HeadSeries s : candidates) {
                    if (matches.test(s.labels)) {
                        PointList points = s.points(minTimeMs, maxTimeMs);
                        if (!points.isEmpty()) {
                            out.add(Map.entry(s.labels, points));
                        }
                    }
                }
                return out;
            }
            TreeMap<Labels, SampleArrays> merged = new TreeMap<>();
            for (Block b : reached) {
                b.collect(metricName, matches, minTimeMs, maxTimeMs, merged);
            }
            if (maxTimeMs >= minValidTime) {
                for (HeadSeries s : candidates) {
                    if (matches.test(s.labels)) {
                        s.appendTo(merged.computeIfAbsent(s.labels, k -> new SampleArrays(16)), minTimeMs, maxTimeMs);
                    }
                }
            }
            merged.forEach((labels, samples) -> {
                if (samples.size > 0) {
                    out.add(Map.entry(labels, samples.view(0, samples.size)));
                }
            });
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The series in the head (those with samples since the newest block). */
    @Override
    public int seriesCount() {
        lock.readLock().lock();
        try {
            return head.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Persists head ranges that are due as blocks (then checkpoints the head and drops old WAL segments), merges
     * complete ranges of blocks, deletes blocks past the retention time ({@code nowMs} minus the retention) or beyond
     * the size limit, and syncs the WAL.
     */
    public Maintenance maintain(long nowMs) throws IOException {
        synchronized (maintenance) {
            int written = persistHead();
            if (written > 0) {
                checkpoint();
            }
            int merged = mergeBlocks();
            int deleted = applyRetention(nowMs);
            lock.writeLock().lock();
            try {
                wal.sync();
            } finally {
                lock.writeLock().unlock();
            }
            return new Maintenance(written, merged, deleted);
        }
    }

    private int persistHead() throws IOException {
        int written = 0;
        while (true) {
            long start;
            long end;
            List<Map.Entry<Labels, List<Chunk>>> snapshot = new ArrayList<>();
            lock.writeLock().lock();
            try {
                long headMin = head.minTime();
                if (headMin == Long.MAX_VALUE) {
                    return written;
                }
                start = Math.floorDiv(headMin, blockRange) * blockRange;
                end = start + blockRange;
                if (head.maxTime() < end + blockRange / 2) {
                    return written;
                }
                minValidTime = Math.max(minValidTime, end);
                for (HeadSeries s : head.series()) {
                    List<Chunk> chunks = s.chunksBefore(end);
                    if (!chunks.isEmpty()) {
                        snapshot.add(Map.entry(s.labels, chunks));
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
            Block block = null;
            if (!snapshot.isEmpty()) {
                try (BlockWriter writer = new BlockWriter(blocksDir, start, end)) {
                    for (Map.Entry<Labels, List<Chunk>> e : snapshot) {
                        writer.add(e.getKey(), e.getValue());
                    }
                    block = writer.finish();
                }
            }
            lock.writeLock().lock();
            try {
                if (block != null) {
                    List<Block> next = new ArrayList<>(blocks);
                    next.add(block);
                    next.sort(Comparator.comparingLong(b -> b.minTime));
                    blocks = List.copyOf(next);
                }
                head.dropBefore(end);
            } finally {
                lock.writeLock().unlock();
            }
            written++;
        }
    }

    private void checkpoint() throws IOException {
        int segment;
        List<HeadCheckpoint.Entry> entries = new ArrayList<>();
        lock.writeLock().lock();
        try {
            segment = wal.rotate();
            for (HeadSeries s : head.series()) {
                entries.add(new HeadCheckpoint.Entry(s.id, s.labels, List.copyOf(s.closed), s.openAsChunk()));
            }
        } finally {
            lock.writeLock().unlock();
        }
        HeadCheckpoint.write(walDir, segment, entries);
        wal.deleteUpTo(segment);
        HeadCheckpoint.deleteBefore(walDir, segment);
    }

    private int mergeBlocks() throws IOException {
        int merged = 0;
        for (long range : new long[] {blockRange * 3, blockRange * 12}) {
            Map<Long, List<Block>> windows = new LinkedHashMap<>();
            for (Block b : blocks) {
                long window = Math.floorDiv(b.minTime, range);
                if (b.maxTime <= (window + 1) * range) {
                    windows.computeIfAbsent(window, k -> new ArrayList<>()).add(b);
                }
            }
            for (Map.Entry<Long, List<Block>> w : windows.entrySet()) {
                List<Block> group = w.getValue();
                long bytes = group.stream().mapToLong(b -> b.sizeBytes).sum();
                if (group.size() < 2 || (w.getKey() + 1) * range > minValidTimeLocked() || bytes > MAX_MERGED_BYTES) {
                    continue;
                }
                Block result = BlockCompactor.merge(blocksDir, group, group.getFirst().minTime, group.getLast().maxTime);
                lock.writeLock().lock();
                try {
                    List<Block> next = new ArrayList<>(blocks);
                    next.removeAll(group);
                    next.add(result);
                    next.sort(Comparator.comparingLong(b -> b.minTime));
                    blocks = List.copyOf(next);
                } finally {
                    lock.writeLock().unlock();
                }
                for (Block b : group) {
                    BlockWriter.deleteTree(b.dir);
                }
                merged += group.size();
            }
        }
        return merged;
    }

    private long minValidTimeLocked() {
        lock.readLock().lock();
        try {
            return minValidTime;
        } finally {
            lock.readLock().unlock();
        }
    }

    private int applyRetention(long nowMs) throws IOException {
        long cutoff = nowMs - options.retention().toMillis();
        List<Block> deleted = new ArrayList<>();
        lock.writeLock().lock();
        try {
            List<Block> next = new ArrayList<>(blocks);
            while (!next.isEmpty() && next.getFirst().maxTime <= cutoff) {
                deleted.add(next.removeFirst());
            }
            if (options.retentionBytes() > 0) {
                long total = next.stream().mapToLong(b -> b.sizeBytes).sum();
                while (!next.isEmpty() && total > options.retentionBytes()) {
                    Block oldest = next.removeFirst();
                    total -= oldest.sizeBytes;
                    deleted.add(oldest);
                }
            }
            blocks = List.copyOf(next);
        } finally {
            lock.writeLock().unlock();
        }
        for (Block b : deleted) {
            BlockWriter.deleteTree(b.dir);
        }
        return deleted.size();
    }

    public Stats stats() throws IOException {
        lock.readLock().lock();
        try {
            long headSamples = 0;
            for (HeadSeries s : head.series()) {
                headSamples += s.sampleCount();
            }
            long blockSamples = 0;
            long blockBytes = 0;
            for (Block b : blocks) {
                blockSamples += b.samples;
                blockBytes += b.sizeBytes;
            }
            return new Stats(head.size(), headSamples, blocks.size(), blockSamples, blockBytes, wal.sizeBytes(), outOfBounds);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The blocks' time ranges, oldest first (for tests and diagnostics). */
    public List<long[]> blockRanges() {
        return blocks.stream().map(b -> new long[] {b.minTime, b.maxTime}).toList();
    }

    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            wal.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
