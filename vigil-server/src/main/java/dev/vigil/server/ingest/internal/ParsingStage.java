package dev.vigil.server.ingest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.vigil.events.Event;
import dev.vigil.events.SpooledEvent;
import dev.vigil.events.parse.EventParser;
import dev.vigil.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first half of the event pipeline, on its own thread so that it runs while the store indexes the batch before:
 * reads the spool in order after a position → parse → normalize → enrich, and hands each batch on through a small
 * bounded queue (a full queue holds this stage back; the spool keeps what is not read yet).
 */
final class ParsingStage implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ParsingStage.class);

    private final Spool spool;
    private final EventParser parser;
    private final EventEnricher enricher;
    private final InputCounters counters;
    private final int batchSize;
    private final BlockingQueue<ParsedBatch> out;
    private final long startAfter;
    private volatile boolean running = true;

    ParsingStage(Spool spool, EventParser parser, EventEnricher enricher, InputCounters counters, int batchSize,
            BlockingQueue<ParsedBatch> out, long startAfter) {
        this.spool = spool;
        this.parser = parser;
        this.enricher = enricher;
        this.counters = counters;
        this.batchSize = batchSize;
        this.out = out;
        this.startAfter = startAfter;
    }

    @Override
    public void run() {
        long position = startAfter;
        while (running) {
            try {
                List<SpooledEvent> batch = spool.read(position, batchSize, Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    ParsedBatch parsed = parse(batch);
                    if (!handOver(parsed)) {
                        break; // stopped: the spool keeps the batch for the next start
                    }
                    position = parsed.lastSequence();
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                log.error("event parsing failed on a batch after spool sequence {}; retrying in 1 s", position, e);
                if (!sleepQuietly()) {
                    break;
                }
            }
        }
    }

    /** Ends the loop after the current batch; every wait in it is short, so no interrupt is needed. */
    void stop() {
        running = false;
    }

    /** Queues the batch for the store, waiting while the queue is full; false when stopped meanwhile. */
    private boolean handOver(ParsedBatch parsed) throws InterruptedException {
        while (running) {
            if (out.offer(parsed, 200, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private ParsedBatch parse(List<SpooledEvent> batch) {
        List<Event> events = new ArrayList<>(batch.size());
        Map<UUID, Integer> parseErrors = new HashMap<>();
        for (SpooledEvent spooled : batch) {
            Event event = enricher.enrich(parser.parse(spooled));
            if (event.tags().contains(Event.TAG_PARSE_ERROR)) {
                UUID input = inputId(event);
                if (input != null) {
                    parseErrors.merge(input, 1, Integer::sum);
                }
            }
            events.add(event);
        }
        parseErrors.forEach(counters::parseErrors);
        return new ParsedBatch(events, batch.getFirst().sequence(), batch.getLast().sequence());
    }

    private static UUID inputId(Event event) {
        try {
            return UUID.fromString(event.inputId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sleepQuietly() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
