package dev.vigil.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.events.Event;
import dev.vigil.events.RawEvent;
import dev.vigil.eventstore.LuceneEventStore;
import dev.vigil.eventstore.LuceneStoreSettings;
import dev.vigil.spool.FileSpool;
import dev.vigil.spool.SpoolSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayBoundaryTest {

    @TempDir
    Path dataDir;

    private FileSpool spool;
    private LuceneEventStore store;

    @BeforeEach
    void open() {
        spool = FileSpool.open(dataDir.resolve("spool"), SpoolSettings.defaults());
        store = LuceneEventStore.open(dataDir.resolve("events"), LuceneStoreSettings.defaults());
    }

    @AfterEach
    void close() {
        store.close();
        spool.close();
    }

    @Test
    void onlyEventsAppendedAfterTheStartAreNew() {
        spool.append(raw(3));
        ReplayBoundary boundary = ReplayBoundary.atStart(spool, store);

        assertThat(boundary.isNew(batch(1, 3))).as("appended before the start: maybe stored by the last run").isFalse();
        assertThat(boundary.isNew(batch(3, 5))).as("a batch reaching back before the start").isFalse();
        assertThat(boundary.isNew(batch(4, 6))).isTrue();
    }

    @Test
    void onAnEmptySpoolEveryEventIsNew() {
        assertThat(ReplayBoundary.atStart(spool, store).isNew(batch(1, 2))).isTrue();
    }

    @Test
    void aStoreHoldingTheNextIdMakesNoEventNew() {
        // a store restored from a copy taken after the spool's holds the events the spool's next appends will be
        spool.append(raw(3));
        store.store(List.of(event(spool.eventId(4))));
        store.close();
        store = LuceneEventStore.open(dataDir.resolve("events"), LuceneStoreSettings.defaults());

        ReplayBoundary boundary = ReplayBoundary.atStart(spool, store);

        assertThat(boundary.isNew(batch(4, 6))).isFalse();
        assertThat(boundary.isNew(batch(1_000, 1_001))).isFalse();
    }

    private static List<RawEvent> raw(int count) {
        List<RawEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new RawEvent("input", "platform", "json", Instant.parse("2026-11-29T10:00:00Z"), "127.0.0.1",
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    private ParsedBatch batch(long first, long last) {
        List<Event> events = new ArrayList<>();
        for (long sequence = first; sequence <= last; sequence++) {
            events.add(event(spool.eventId(sequence)));
        }
        return new ParsedBatch(events, first, last);
    }

    private static Event event(String id) {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        return new Event(id, at, at, "platform", "input", Map.of("message", "hello"), "hello", List.of());
    }
}
