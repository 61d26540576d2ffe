package dev.vigil.server.ingest.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.vigil.events.Event;
import dev.vigil.events.parse.EventParser;
import dev.vigil.events.store.EventStore;
import dev.vigil.server.ingest.EventInspector;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.spool.Spool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The processing half of the event path: a {@link ParsingStage} thread reads from the spool → parse → normalize →
 * enrich, and this pipeline's thread takes its batches → detect (the {@link EventInspector}s) → store, so parsing the
 * next batch overlaps with indexing this one. Events become searchable at each refresh; the spool's processed mark
 * moves only after a store commit, so a crash replays at most one commit interval, and the stable ids keep the store
 * free of duplicates: what may be a replay is written by id, what was appended after the start is added
 * ({@link ReplayBoundary}).
 */
@Component
class EventPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);
    private static final int BATCH = 2_000;
    /** Parsed batches waiting for the store: enough to keep it busy, little enough to hold in memory. */
    private static final int PARSED_AHEAD = 2;
    /**
     * While parsed batches are waiting (a backlog), a refresh happens at most this many refresh intervals apart: each
     * refresh writes a new small segment that merges rewrite later, and behind a backlog the events are late anyway.
     */
    private static final int REFRESH_STRETCH_BEHIND = 5;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Spool spool;
    private final EventParser parser;
    private final EventEnricher enricher;
    private final List<EventInspector> inspectors;
    private final EventStore store;
    private final InputCounters counters;
    private final long refreshNanos;
    private final long commitNanos;
    private final Counter processed;
    private final Timer batchTimer;
    private final MeterRegistry meters;
    private volatile boolean running;
    private Thread thread;

    EventPipeline(Spool spool, EventParser parser, EventEnricher enricher, List<EventInspector> inspectors, EventStore store,
            InputCounters counters, VigilProperties properties, MeterRegistry meters) {
        this.spool = spool;
        this.parser = parser;
        this.enricher = enricher;
        this.inspectors = List.copyOf(inspectors);
        this.store = store;
        this.counters = counters;
        this.refreshNanos = properties.events().refreshInterval().toNanos();
        this.commitNanos = properties.events().commitInterval().toNanos();
        this.meters = meters;
        this.processed = Counter.builder("vigil.events.processed").description("Events parsed and stored").register(meters);
        this.batchTimer = Timer.builder("vigil.events.batch").description("Time to inspect and store one batch").register(meters);
        Gauge.builder("vigil.events.backlog", spool, s -> s.lastSequence() - s.processedSequence())
                .description("Events accepted but not yet committed to the store").register(meters);
        Gauge.builder("vigil.spool.backlog.bytes", spool, Spool::backlogBytes)
                .description("Spool bytes not yet processed").register(meters);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("vigil-event-pipeline").start(this::run);
    }

    /**
     * Ends the loop after the batch in hand and commits. The thread is not interrupted: an interrupt inside the store's
     * file I/O closes the Lucene index's channel, and the commit at stop would fail. Every wait in the loop is short.
     */
    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(STOP_WAIT);
                if (thread.isAlive()) {
                    log.warn("event pipeline did not stop within {}; interrupting it", STOP_WAIT);
                    thread.interrupt();
                    thread.join(STOP_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after the spool and store beans exist; stopped before they close. */
    @Override
    public int getPhase() {
        return 100;
    }

    private void run() {
        long position = spool.processedSequence();
        log.info("event pipeline resumes after spool sequence {} (last appended {})", position, spool.lastSequence());
        ReplayBoundary boundary = ReplayBoundary.atStart(spool, store);
        BlockingQueue<ParsedBatch> parsed = new ArrayBlockingQueue<>(PARSED_AHEAD);
        ParsingStage parsing = new ParsingStage(spool, parser, enricher, counters, BATCH, parsed, position);
        Thread parsingThread = Thread.ofPlatform().name("vigil-event-parser").start(parsing);
        try {
            position = storeParsed(parsed, position, boundary);
        } finally {
            parsing.stop();
            joinQuietly(parsingThread);
        }
        Thread.interrupted(); // an interrupt (stop's last resort) must not reach the commit's file I/O
        finish(position);
    }

    /** Inspects and stores the parsed batches in order until stopped; returns the sequence stored up to. */
    private long storeParsed(BlockingQueue<ParsedBatch> parsed, long position, ReplayBoundary boundary) {
        long visible = position;
        long lastRefresh = System.nanoTime();
        long lastCommit = lastRefresh;
        ParsedBatch unfinished = null; // kept when storing it failed, to be retried
        while (running) {
            try {
                boolean retry = unfinished != null;
                ParsedBatch batch = retry ? unfinished : parsed.poll(200, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    unfinished = batch;
                    long started = System.nanoTime();
                    // a failed attempt may have stored part of the batch
                    process(batch.events(), !retry && boundary.isNew(batch));
                    unfinished = null;
                    position = batch.lastSequence();
                    batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
                long now = System.nanoTime();
                long refreshDue = parsed.isEmpty() ? refreshNanos : refreshNanos * REFRESH_STRETCH_BEHIND;
                if (now - lastRefresh >= refreshDue && position != visible) {
                    store.refresh();
                    visible = position;
                    lastRefresh = now;
                }
                if (now - lastCommit >= commitNanos && position > spool.processedSequence()) {
                    store.commit();
                    spool.markProcessed(position);
                    lastCommit = now;
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                log.error("event pipeline failed on a batch after sequence {}; retrying in 1 s", position, e);
                sleepQuietly();
            }
        }
        return position;
    }

    private void process(List<Event> events, boolean isNew) {
        for (EventInspector inspector : inspectors) {
            try {
                inspector.inspect(events);
            } catch (RuntimeException e) {
                meters.counter("vigil.events.inspector.failures", "inspector", inspector.name()).increment();
                log.error("event inspector {} failed on a batch of {} events; the events are stored anyway", inspector.name(),
                        events.size(), e);
            }
        }
        if (isNew) {
            store.append(events);
        } else {
            store.store(events);
        }
        processed.increment(events.size());
    }

    private void finish(long position) {
        try {
            store.refresh();
            store.commit();
            if (position > spool.processedSequence()) {
                spool.markProcessed(position);
            }
            log.info("event pipeline stopped at spool sequence {}", position);
        } catch (RuntimeException e) {
            log.error("event pipeline could not commit at stop; the spool replays from sequence {}", spool.processedSequence(), e);
        }
    }

    /** Waits for the parsing thread even when this one was interrupted to stop, so it never outlives the spool. */
    private static void joinQuietly(Thread thread) {
        boolean interrupted = Thread.interrupted();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
