package dev.vigil.eventstore;

import static dev.vigil.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void searchesRunAlongsideWritersAndSeeAGrowingStore() throws Exception {
        int writers = 2;
        int batches = 10;
        int batchSize = 400;
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (LuceneEventStore store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults().withIndexingThreads(2))) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(Thread.ofPlatform().start(() -> guard(failures, () -> {
                    for (int b = 0; b < batches; b++) {
                        List<Event> batch = new ArrayList<>();
                        for (int i = 0; i < batchSize; i++) {
                            int n = (writer * batches + b) * batchSize + i;
                            batch.add(event("w" + n, DAY.plusSeconds(n % 172_800), "tenant-" + (n % 3),
                                    "user.name", "user" + (n % 50), "bytes", (long) n));
                        }
                        store.store(batch);
                        store.refresh();
                    }
                })));
            }
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(Thread.ofPlatform().start(() -> guard(failures, () -> {
                    long previous = 0;
                    EventQuery all = new EventQuery("", DAY, DAY.plus(Duration.ofDays(2)), TenantScope.ALL);
                    for (int round = 0; round < 40 && writing.get(); round++) {
                        long count = store.count(all);
                        assertThat(count).isGreaterThanOrEqualTo(previous);
                        previous = count;
                        store.dateHistogram(all, Duration.ofHours(1));
                        store.terms(all, "user.name", 5);
                        store.search(new EventStore.SearchRequest(new EventQuery("bytes:>100", null, null, TenantScope.ALL), 0, 20,
                                EventStore.Sort.NEWEST_FIRST));
                    }
                })));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            writing.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            store.refresh();

            assertThat(failures).isEmpty();
            long total = (long) writers * batches * batchSize;
            assertThat(store.count(EventQuery.all(TenantScope.ALL))).isEqualTo(total);
            assertThat(store.cardinality(EventQuery.all(TenantScope.ALL), "bytes")).isEqualTo(total);
        }
    }

    @Test
    void twoCopiesOfAnEventInOneSplitBatchLeaveTheLastOne() {
        try (LuceneEventStore store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults().withIndexingThreads(4))) {
            List<Event> batch = new ArrayList<>();
            batch.add(event("twin", DAY, "acme", "version", "first"));
            for (int i = 0; i < 2_000; i++) {
                batch.add(event("e" + i, DAY.plusSeconds(i), "acme"));
            }
            batch.add(event("twin", DAY, "acme", "version", "second"));
            store.store(batch);
            store.refresh();

            assertThat(store.count(EventQuery.all(TenantScope.ALL))).isEqualTo(2_001);
            assertThat(store.get("twin", TenantScope.ALL)).get().extracting(e -> e.field("version")).isEqualTo("second");
        }
    }

    private static void guard(Queue<Throwable> failures, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) {
            failures.add(e);
        }
    }
}
