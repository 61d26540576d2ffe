package dev.vigil.eventstore.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.util.IOUtils;

/** The day indexes under the store directory, one subdirectory {@code yyyy-MM-dd} each, created as events arrive. */
public final class DayIndexes implements Closeable {
    /** How long replaced commits stay on disk for a copy in progress ({@link dev.vigil.eventstore.EventStoreCopy}). */
    public static final java.time.Duration COMMITS_KEPT_FOR = java.time.Duration.ofMinutes(10);
    private static final int SEGMENTS_PER_TIER = 20;

    static {
        LuceneClassInit.ensure();
    }

    private final Path root;
    private final double ramBufferMb;
    private final Analyzer analyzer;
    private final ConcurrentSkipListMap<LocalDate, DayIndex> days = new ConcurrentSkipListMap<>();

    private DayIndexes(Path root, double ramBufferMb, Analyzer analyzer) {
        this.root = root;
        this.ramBufferMb = ramBufferMb;
        this.analyzer = analyzer;
    }

    /** Opens every day directory already under {@code root}. */
    public static DayIndexes open(Path root, double ramBufferMb, Analyzer analyzer) throws IOException {
        DayIndexes indexes = new DayIndexes(root, ramBufferMb, analyzer);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path entry : entries) {
                Optional<LocalDate> day = DayNames.parse(entry.getFileName().toString());
                if (day.isPresent()) {
                    indexes.days.put(day.get(), DayIndex.open(day.get(), entry, indexes.writerConfig()));
                }
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(indexes);
            throw e;
        }
        return indexes;
    }

    /** The day's index, created when it is the first event of that day. */
    public DayIndex forWriting(LocalDate day) {
        DayIndex index = days.get(day);
        if (index != null) {
            return index;
        }
        synchronized (this) {
            index = days.get(day);
            if (index == null) {
                try {
                    index = DayIndex.open(day, root.resolve(DayNames.name(day)), writerConfig());
                } catch (IOException e) {
                    throw new UncheckedIOException("could not create the index for day " + DayNames.name(day), e);
                }
                days.put(day, index);
            }
            return index;
        }
    }

    /** Days from {@code first} to {@code last} inclusive, oldest first; a null bound is open. */
    public List<DayIndex> between(LocalDate first, LocalDate last) {
        NavigableMap<LocalDate, DayIndex> range = days;
        if (first != null) {
            range = range.tailMap(first, true);
        }
        if (last != null) {
            range = range.headMap(last, true);
        }
        return new ArrayList<>(range.values());
    }

    public List<DayIndex> all() {
        return new ArrayList<>(days.values());
    }

    public List<DayIndex> newestFirst() {
        return new ArrayList<>(days.descendingMap().values());
    }

    /** Removes a day and its files; callers make sure nothing is searching or writing it. */
    public synchronized void delete(DayIndex index) throws IOException {
        days.remove(index.day(), index);
        index.delete();
    }

    @Override
    public synchronized void close() throws IOException {
        List<DayIndex> open = new ArrayList<>(days.values());
        days.clear();
        IOUtils.close(open);
    }

    /**
     * Events are appended and never change, so most merge work is rewriting the same documents once per tier: twenty
     * segments per tier (Lucene's default is ten) rewrites each event about a third less often for a few more segments
     * per search; finished days are compacted into one segment anyway.
     */
    private static TieredMergePolicy mergePolicy() {
        return new TieredMergePolicy().setSegmentsPerTier(SEGMENTS_PER_TIER).setMaxMergeAtOnce(SEGMENTS_PER_TIER);
    }

    private IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMb)
                // flushed segments stay separate files: cheaper to write, and merges compound the small ones anyway
                .setUseCompoundFile(false)
                .setMergePolicy(mergePolicy())
                .setIndexDeletionPolicy(new RecentCommitsDeletionPolicy(COMMITS_KEPT_FOR))
                .setCommitOnClose(true);
    }
}
