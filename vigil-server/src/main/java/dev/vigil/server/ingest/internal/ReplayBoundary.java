package dev.vigil.server.ingest.internal;

import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import dev.vigil.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where, in the spool, the events that an earlier run may have stored end, fixed when the pipeline starts. Events
 * appended after that cannot be in the store yet (only this pipeline writes it, once per event unless a batch is
 * retried), so their batches may be appended ({@link EventStore#append}); everything up to it may be a replay (the
 * processed mark lags the store's commits) and is written by id.
 *
 * <p>One case breaks the rule and is checked once: a store restored from a backup taken after the spool's copy can hold
 * events beyond the spool's last sequence, whose ids the new appends reuse. When the store holds the id that comes
 * next, every batch of the run is written by id.
 */
final class ReplayBoundary {

    private static final Logger log = LoggerFactory.getLogger(ReplayBoundary.class);

    private final long lastPossiblyStored;

    private ReplayBoundary(long lastPossiblyStored) {
        this.lastPossiblyStored = lastPossiblyStored;
    }

    static ReplayBoundary atStart(Spool spool, EventStore store) {
        long last = spool.lastSequence();
        String next = spool.eventId(last + 1);
        if (store.get(next, TenantScope.ALL).isPresent()) {
            log.warn("the event store already holds event {}, beyond the spool's last sequence {} (restored from a later "
                    + "copy?); every event is written by id in this run", next, last);
            return new ReplayBoundary(Long.MAX_VALUE);
        }
        return new ReplayBoundary(last);
    }

    /** Whether no event of the batch can be in the store yet. */
    boolean isNew(ParsedBatch batch) {
        return batch.firstSequence() > lastPossiblyStored;
    }
}
