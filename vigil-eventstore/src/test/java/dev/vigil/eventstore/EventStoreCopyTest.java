package dev.vigil.eventstore;

import static dev.vigil.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.vigil.events.Event;
import dev.vigil.events.store.TenantScope;
import dev.vigil.events.store.EventQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreCopyTest {

    @TempDir
    Path dir;

    @Test
    void aCopyOfAnOpenStoreHoldsExactlyTheCommittedEventsOfEveryDay() throws Exception {
        Path live = dir.resolve("live");
        try (LuceneEventStore store = LuceneEventStore.open(live, LuceneStoreSettings.defaults())) {
            store.store(List.of(event("a", "2024-05-01T10:00:00Z", "acme", "user.name", "alice"),
                    event("b", "2024-05-02T10:00:00Z", "acme", "source.ip", "192.0.2.7")));
            store.commit();
            store.store(List.of(event("c", "2024-05-02T11:00:00Z", "acme"))); // not committed: not in the copy
            List<Path> written = EventStoreCopy.copy(live, dir.resolve("copy"));
            assertThat(written).extracting(p -> p.getFileName().toString()).contains("field-types.tsv");
        }
        try (LuceneEventStore copy = LuceneEventStore.open(dir.resolve("copy"), LuceneStoreSettings.defaults())) {
            assertThat(copy.count(EventQuery.all(TenantScope.ALL))).isEqualTo(2);
            assertThat(copy.count(new EventQuery("source.ip:\"192.0.2.0/24\"", null, null, TenantScope.ALL))).isEqualTo(1);
            assertThat(copy.get("a", TenantScope.ALL)).get().extracting(e -> e.field("user.name")).isEqualTo("alice");
        }
    }

    @Test
    void copiesTakenWhileEventsArriveAndSegmentsMergeAlwaysOpen() throws Exception {
        Path live = dir.resolve("live");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (LuceneEventStore store = LuceneEventStore.open(live, LuceneStoreSettings.defaults())) {
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    long n = 0;
                    while (!stop.get()) {
                        List<Event> batch = new ArrayList<>();
                        for (int i = 0; i < 50; i++, n++) {
                            batch.add(event("e" + n, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(n), "acme", "n", n));
                        }
                        store.store(batch);
                        store.commit();
                        committed.set(n);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            long previous = 0;
            try {
                for (int round = 0; round < 15; round++) {
                    long before = committed.get();
                    Path target = dir.resolve("copy-" + round);
                    EventStoreCopy.copy(live, target);
                    try (LuceneEventStore copy = LuceneEventStore.open(target, LuceneStoreSettings.defaults())) {
                        long count = copy.count(EventQuery.all(TenantScope.ALL));
                        assertThat(count).as("round %d", round).isGreaterThanOrEqualTo(Math.max(before, previous));
                        assertThat(count % 50).isZero();
                        previous = count;
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
        }
        assertThat(failure.get()).isNull();
    }
}
