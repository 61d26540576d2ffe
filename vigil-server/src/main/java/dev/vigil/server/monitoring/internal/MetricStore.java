package dev.vigil.server.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.SeriesStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded time-series store: scraped samples in vigil-monitor's series store, read by many evaluations at once
 * and written by scrapes; samples older than {@link #RETENTION} are dropped every minute. It lives in memory, so after a
 * restart the history starts again (rules with long ranges need that long to see data).
 */
@Component
public class MetricStore {

    /** Long enough for the 6-hour fits ({@code predict_linear(...[6h])}) of the public node-exporter rules. */
    public static final Duration RETENTION = Duration.ofHours(6);

    private final SeriesStore store = new SeriesStore();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;

    MetricStore(Clock clock) {
        this.clock = clock;
    }

    /** A sample to store. */
    public record Append(Labels labels, Point point) {
    }

    public void append(List<Append> samples) {
        lock.writeLock().lock();
        try {
            for (Append sample : samples) {
                store.add(sample.labels(), sample.point());
            }
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

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void applyRetention() {
        long cutoff = clock.millis() - RETENTION.toMillis();
        lock.writeLock().lock();
        try {
            store.dropBefore(cutoff);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
