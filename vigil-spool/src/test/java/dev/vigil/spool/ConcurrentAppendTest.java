package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAppendTest {

    private static final int THREADS = 16;
    private static final int APPENDS_PER_THREAD = 60;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventIsReadOnceInOrderAndAppendersShareFsyncs() throws Exception {
        SpoolSettings settings = new SpoolSettings(256 << 10, 1L << 30, 1 << 20);
        Map<Long, List<RawEvent>> acknowledged = new ConcurrentHashMap<>();
        List<SpooledEvent> readWhileAppending = new ArrayList<>();
        long appendedEvents = 0;
        try (FileSpool spool = FileSpool.open(dir, settings);
             ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> appenders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    int events = 0;
                    start.await();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        List<RawEvent> batch = TestEvents.batch("t" + thread + "-" + i, 1 + random.nextInt(20),
                                random.nextInt(600));
                        long last = spool.append(batch);
                        acknowledged.put(last - batch.size() + 1, batch);
                        events += batch.size();
                    }
                    return events;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                long after = 0;
                while (!(appenders.stream().allMatch(Future::isDone) && after == spool.lastSequence())) {
                    List<SpooledEvent> page = spool.read(after, 97, Duration.ofMillis(100));
                    readWhileAppending.addAll(page);
                    after = page.isEmpty() ? after : page.getLast().sequence();
                }
                return null;
            });
            start.countDown();
            for (Future<Integer> appender : appenders) {
                appendedEvents += appender.get();
            }
            reader.get();

            SpoolStats stats = spool.stats();
            assertThat(stats.appends()).isEqualTo(THREADS * APPENDS_PER_THREAD);
            assertThat(stats.appendedEvents()).isEqualTo(appendedEvents);
            assertThat(stats.fsyncs()).as("fsyncs shared by concurrent appenders").isLessThan(stats.appends());
            assertThat(stats.segments()).isGreaterThan(1);
        }

        assertThat(readWhileAppending).extracting(SpooledEvent::sequence).hasSize((int) appendedEvents)
                .isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(appendedEvents);
        assertEveryAcknowledgedEventIn(readWhileAppending, acknowledged);

        try (FileSpool reopened = FileSpool.open(dir, settings)) {
            List<SpooledEvent> all = reopened.read(0, Integer.MAX_VALUE, Duration.ZERO);
            assertThat(all).extracting(SpooledEvent::id)
                    .containsExactlyElementsOf(readWhileAppending.stream().map(SpooledEvent::id).toList());
            assertEveryAcknowledgedEventIn(all, acknowledged);
        }
    }

    private static void assertEveryAcknowledgedEventIn(List<SpooledEvent> read,
                                                       Map<Long, List<RawEvent>> acknowledged) {
        Map<Long, RawEvent> bySequence = new HashMap<>();
        read.forEach(event -> bySequence.put(event.sequence(), event.raw()));
        acknowledged.forEach((first, batch) -> {
            for (int i = 0; i < batch.size(); i++) {
                assertThat(TestEvents.content(bySequence.get(first + i))).as("sequence %d", first + i)
                        .isEqualTo(TestEvents.content(batch.get(i)));
            }
        });
        assertThat(acknowledged.values().stream().mapToInt(List::size).sum()).isEqualTo(read.size());
    }
}
