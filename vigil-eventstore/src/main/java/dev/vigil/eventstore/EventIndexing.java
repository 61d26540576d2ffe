package dev.vigil.eventstore;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vigil.events.Event;
import dev.vigil.eventstore.index.DayIndex;
import dev.vigil.eventstore.index.DayIndexes;
import dev.vigil.eventstore.index.DayNames;
import dev.vigil.eventstore.mapping.EventDocumentMapper;
import dev.vigil.eventstore.mapping.FieldTypeRegistry;
import org.apache.lucene.document.Document;

/**
 * Writes batches of events into their day indexes, on the calling thread plus {@code threads - 1} helpers: Lucene
 * indexes concurrently per thread, so one caller (the event pipeline) can use more than one core. A batch is split by
 * id, so two copies of one event in a batch are written in order by the same thread.
 */
final class EventIndexing implements Closeable {
    /** Below this many events per thread, splitting costs more than it saves. */
    private static final int MIN_PER_THREAD = 256;

    private final EventDocumentMapper mapper;
    private final FieldTypeRegistry types;
    private final DayIndexes days;
    private final int threads;
    private final ExecutorService helpers;

    EventIndexing(EventDocumentMapper mapper, FieldTypeRegistry types, DayIndexes days, int threads) {
        this.mapper = mapper;
        this.types = types;
        this.days = days;
        this.threads = threads;
        AtomicInteger number = new AtomicInteger();
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1,
                task -> Thread.ofPlatform().daemon().name("vigil-eventstore-indexer-" + number.incrementAndGet()).unstarted(task));
    }

    /** Writes by id: an event whose id is stored already is replaced. */
    void store(List<Event> events) {
        write(events, true);
    }

    /** Adds events whose ids are not stored yet (see {@link dev.vigil.events.store.EventStore#append}). */
    void append(List<Event> events) {
        write(events, false);
    }

    private void write(List<Event> events, boolean byId) {
        int parts = (int) Math.min(threads, Math.max(1, events.size() / MIN_PER_THREAD));
        if (parts == 1) {
            writePart(events, byId);
            return;
        }
        List<List<Event>> partitions = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            partitions.add(new ArrayList<>(events.size() / parts + 16));
        }
        for (Event event : events) {
            partitions.get(Math.floorMod(event.id().hashCode(), parts)).add(event);
        }
        List<Future<?>> helping = new ArrayList<>(parts - 1);
        for (List<Event> partition : partitions.subList(1, parts)) {
            helping.add(helpers.submit(() -> writePart(partition, byId)));
        }
        RuntimeException failure = null;
        try {
            writePart(partitions.getFirst(), byId);
        } catch (RuntimeException e) {
            failure = e;
        }
        failure = awaitAll(helping, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private void writePart(List<Event> events, boolean byId) {
        List<Document> documents = new ArrayList<>(events.size());
        for (Event event : events) {
            documents.add(mapper.toDocument(event));
        }
        // the kinds of new fields reach the disk before any document that relies on them
        types.persistPending();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            DayIndex day = days.forWriting(DayNames.dayOf(event.timestamp()));
            if (byId) {
                day.upsert(event.id(), documents.get(i));
            } else {
                day.add(documents.get(i));
            }
        }
    }

    /** Waits for every helper even when interrupted, so no write outlives the call (and a close after it). */
    private static RuntimeException awaitAll(List<Future<?>> helping, RuntimeException failure) {
        boolean interrupted = false;
        for (Future<?> future : helping) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("indexing failed", e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdown();
        }
    }
}
