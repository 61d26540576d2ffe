package dev.vigil.server.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.vigil.events.store.EventStore;
import dev.vigil.eventstore.LuceneEventStore;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes: deletes the days older than {@code vigil.events.retention}, then the oldest days while the store
 * is larger than {@code vigil.events.retention-max-size}; and merges each finished day of the embedded store into one
 * segment (faster searches, smaller files).
 */
@Component
class EventRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(EventRetentionJob.class);

    private final EventStore store;
    private final Clock clock;
    private final Duration maxAge;
    private final long maxBytes;

    EventRetentionJob(EventStore store, Clock clock, VigilProperties properties) {
        this.store = store;
        this.clock = clock;
        this.maxAge = properties.events().retention();
        this.maxBytes = properties.events().retentionMaxSize().toBytes();
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void run() {
        Instant now = Instant.now(clock);
        EventStore.RetentionResult result = store.applyRetention(now, maxAge, maxBytes);
        if (!result.deletedDays().isEmpty()) {
            log.info("event retention deleted days {} ({} bytes)", result.deletedDays(), result.bytesFreed());
        }
        if (store instanceof LuceneEventStore lucene) {
            List<String> compacted = lucene.compactFinishedDays(now);
            if (!compacted.isEmpty()) {
                log.info("merged finished event days {}", compacted);
            }
        }
    }
}
