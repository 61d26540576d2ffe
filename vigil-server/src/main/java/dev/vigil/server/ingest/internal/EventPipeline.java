package dev.vigil.server.ingest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.vigil.events.Event;
import dev.vigil.events.SpooledEvent;
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
 * The processing half of the event path, on one thread: read from the spool → parse → normalize → enrich → detect
 * (the {@link EventInspector}s) → store. Events become searchable at each refresh; the spool's processed mark moves
 * only after a store commit, so a crash replays at most one commit interval, and the stable ids keep the store free of
 * duplicates.
 */
@Component
class EventPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);
    private static final int BATCH = 2_000;

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
        this.batchTimer = Timer.builder("vigil.events.batch").description("Time to process one batch from the spool").register(meters);
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

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(30));
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
        long visible = position;
        long lastRefresh = System.nanoTime();
        long lastCommit = lastRefresh;
        log.info("event pipeline resumes after spool sequence {} (last appended {})", position, spool.lastSequence());
        while (running) {
            try {
                List<SpooledEvent> batch = spool.read(position, BATCH, Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    long started = System.nanoTime();
                    process(batch);
                    position = batch.get(batch.size() - 1).sequence();
                    batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
                long now = System.nanoTime();
                if (now - lastRefresh >= refreshNanos && position != visible) {
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
        finish(position);
    }

    private void process(List<SpooledEvent> batch) {
        List<Event> events = new ArrayList<>(batch.size());
        Map<UUID, Integer> parseErrors = new HashMap<>();
        for (SpooledEvent spooled : batch) {
            Event event = enricher.enrich(parser.parse(spooled));
            if (event.tags().contains(Event.TAG_PARSE_ERROR)) {
                parseErrors.merge(inputId(event), 1, Integer::sum);
            }
            events.add(event);
        }
        parseErrors.forEach((input, count) -> {
            if (input != null) {
                counters.parseErrors(input, count);
            }
        });
        List<Event> view = List.copyOf(events);
        for (EventInspector inspector : inspectors) {
            try {
                inspector.inspect(view);
            } catch (RuntimeException e) {
                meters.counter("vigil.events.inspector.failures", "inspector", inspector.name()).increment();
                log.error("event inspector {} failed on a batch of {} events; the events are stored anyway", inspector.name(),
                        view.size(), e);
            }
        }
        store.store(view);
        processed.increment(view.size());
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

    private static UUID inputId(Event event) {
        try {
            return UUID.fromString(event.inputId());
        } catch (IllegalArgumentException e) {
            return null;
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
