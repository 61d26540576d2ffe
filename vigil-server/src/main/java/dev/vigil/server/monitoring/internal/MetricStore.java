package dev.vigil.server.monitoring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.tsdb.TimeSeriesDb;
import dev.vigil.server.platform.config.InvalidSettingException;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded time-series store: scraped, probed and log-series samples in vigil-monitor's on-disk
 * {@link TimeSeriesDb} under {@code vigil.monitoring.path} ({@code <data-dir>/metrics}), read by many evaluations at
 * once and written by scrapes. Each batch reaches the WAL before {@link #append} returns, so samples survive a restart
 * or a crash of the server; every minute head ranges become blocks and blocks past {@code vigil.monitoring.retention}
 * (or beyond {@code vigil.monitoring.retention-max-size}) are deleted.
 */
@Component
public class MetricStore {

    private static final Logger log = LoggerFactory.getLogger(MetricStore.class);
    private static final Duration BLOCK_RANGE = Duration.ofHours(2);
    /**
     * Samples stamped further ahead than this (a target's clock, or its exposition timestamps, far off) are dropped: one
     * would move the store's head so far that it would persist the present and then refuse current samples.
     */
    static final Duration MAX_FUTURE = Duration.ofMinutes(10);

    private final TimeSeriesDb store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;

    MetricStore(VigilProperties properties, Clock clock) throws IOException {
        this.clock = clock;
        this.store = TimeSeriesDb.open(checkedDir(properties), options(properties.monitoring()));
    }

    /** The settings as store options; invalid ones stop the start naming their key. */
    static TimeSeriesDb.Options options(VigilProperties.Monitoring settings) {
        if (settings.retention().compareTo(BLOCK_RANGE) < 0) {
            throw new InvalidSettingException("vigil.monitoring.retention", "must be at least 2h (one block of the metric store)");
        }
        if (settings.retentionMaxSize().isNegative()) {
            throw new InvalidSettingException("vigil.monitoring.retention-max-size", "must be 0B (no limit) or more");
        }
        return new TimeSeriesDb.Options(BLOCK_RANGE, settings.retention(), settings.retentionMaxSize().toBytes());
    }

    private static Path checkedDir(VigilProperties properties) {
        Path dir = properties.resolvedMetricsDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidSettingException("vigil.monitoring.path", dir + " exists and is not a folder");
        }
        return dir;
    }

    /** A sample to store. */
    public record Append(Labels labels, Point point) {
    }

    public void append(List<Append> samples) {
        long latest = clock.millis() + MAX_FUTURE.toMillis();
        lock.writeLock().lock();
        try {
            for (Append sample : samples) {
                if (sample.point().timestampMs() <= latest) {
                    store.add(sample.labels(), sample.point());
                }
            }
            store.commit();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs a read (queries, evaluations) while no scrape writes. */
    public <T> T read(Function<SeriesStore, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(store);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Blocks, merges and retention; the store locks only briefly, so scrapes and evaluations go on meanwhile. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void maintain() {
        try {
            TimeSeriesDb.Maintenance done = store.maintain(clock.millis());
            if (done.blocksWritten() + done.blocksMerged() + done.blocksDeleted() > 0) {
                log.info("metric store: {} block(s) written, {} merged, {} deleted by retention", done.blocksWritten(),
                        done.blocksMerged(), done.blocksDeleted());
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("metric store maintenance failed: {}", e.toString());
        }
    }

    public TimeSeriesDb.Stats stats() {
        try {
            return store.stats();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        lock.writeLock().lock();
        try {
            store.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
