package dev.vigil.benchmarks.eventstore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import dev.vigil.eventstore.LuceneEventStore;
import dev.vigil.eventstore.LuceneStoreSettings;

/**
 * Search latency over a large store. Builds the store in {@code DIR} first if it holds none ({@code EVENTS} synthetic
 * events over 7 days, 500 hosts, 2,000 users, 20 actions; stored on one thread in batches of 2,000 with a refresh every
 * 50 batches, reporting the rate), then runs {@code QUERIES} searches of the shape the events page sends: a field query
 * with random values (or no query: every event) over a random 24-hour window, answered with a count and a 24-bucket (1 h) date histogram.
 * Reports p50/p95/p99 of the pair and of each part, and bytes on disk per event; for comparison also the other two
 * requests of the events page on the same query: the 50 newest events and the top 10 host names.
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.eventstore.EventStoreSearchBenchmark DIR [EVENTS [QUERIES]]</pre>
 */
public final class EventStoreSearchBenchmark {
    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(7);
    private static final int BATCH = 2_000;

    private EventStoreSearchBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: EventStoreSearchBenchmark DIR [EVENTS [QUERIES]]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        long events = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        boolean present = Files.exists(directory.resolve("field-types.tsv"));
        LuceneStoreSettings settings = LuceneStoreSettings.defaults().withRamBufferMb(256);
        if (!present) {
            try (LuceneEventStore store = LuceneEventStore.open(directory, settings)) {
                build(store, events);
            }
        }
        try (LuceneEventStore store = LuceneEventStore.open(directory, settings)) {
            EventStore.StoreStats stats = store.stats();
            System.out.printf("store: %,d events in %d days, %,d bytes on disk = %.0f bytes/event%n", stats.events(),
                    stats.days().size(), stats.bytesOnDisk(), (double) stats.bytesOnDisk() / Math.max(1, stats.events()));
            search(store, queries);
        }
    }

    private static void build(LuceneEventStore store, long total) {
        SyntheticEvents generator = new SyntheticEvents(START, SPAN, total);
        long started = System.nanoTime();
        long storeNanos = 0;
        long storeCpuNanos = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long reported = started;
        long batches = 0;
        for (long next = 0; next < total; ) {
            int size = (int) Math.min(BATCH, total - next);
            List<Event> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(generator.event(next++));
            }
            long before = System.nanoTime();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            store.store(batch);
            if (++batches % 50 == 0) {
                store.refresh();
            }
            if (batches % 1_000 == 0) {
                store.commit();
            }
            long now = System.nanoTime();
            storeNanos += now - before;
            storeCpuNanos += threads.getCurrentThreadCpuTime() - cpuBefore;
            if (now - reported > 30e9 || next == total) {
                reported = now;
                System.out.printf("built %,d events in %.0f s: %,.0f events/s stored (%,.0f per CPU second of the storing "
                        + "thread; %,.0f events/s with generation)%n", next, (now - started) / 1e9, next / (storeNanos / 1e9),
                        next / (storeCpuNanos / 1e9), next / ((now - started) / 1e9));
            }
        }
        store.commit();
        store.refresh();
    }

    private static void search(LuceneEventStore store, int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<IntFunction<String>> shapes = List.of(
                i -> "user.name:" + SyntheticEvents.user(random.nextInt(SyntheticEvents.USERS)),
                i -> "host.name:" + SyntheticEvents.host(random.nextInt(SyntheticEvents.HOSTS)),
                i -> "event.action:" + SyntheticEvents.ACTIONS.get(random.nextInt(SyntheticEvents.ACTIONS.size())),
                i -> "event.action:ssh_login_failed AND host.name:" + SyntheticEvents.host(random.nextInt(SyntheticEvents.HOSTS)),
                i -> "event.outcome:failure AND user.name:" + SyntheticEvents.user(random.nextInt(SyntheticEvents.USERS)),
                i -> "http.response.status_code:[500 TO 599]",
                i -> "source.ip:\"10." + random.nextInt(16) + ".0.0/16\"",
                i -> "password AND " + SyntheticEvents.user(random.nextInt(SyntheticEvents.USERS)),
                i -> "");
        long spanHours = SPAN.toHours() - 24;
        for (int warm = 0; warm < 20; warm++) {
            run(store, shapes.get(warm % shapes.size()).apply(warm), START.plus(Duration.ofHours(random.nextLong(spanHours + 1))));
        }
        long[] both = new long[count];
        long[] counts = new long[count];
        long[] histograms = new long[count];
        long[] pages = new long[count];
        long[] facets = new long[count];
        long matched = 0;
        for (int i = 0; i < count; i++) {
            String query = shapes.get(random.nextInt(shapes.size())).apply(i);
            Instant from = START.plus(Duration.ofHours(random.nextLong(spanHours + 1)));
            long[] timing = run(store, query, from);
            counts[i] = timing[0];
            histograms[i] = timing[1];
            both[i] = timing[0] + timing[1];
            matched += timing[2];
            pages[i] = timing[3];
            facets[i] = timing[4];
        }
        System.out.printf("%d queries (field query + 24 h window), %,d matches on average%n", count, matched / count);
        report("count + 1 h histogram", both);
        report("count", counts);
        report("histogram", histograms);
        report("page of 50 newest", pages);
        report("terms host.name top 10", facets);
    }

    /** Nanoseconds for the count and for the histogram, the number of matches, then nanoseconds for a page and for terms. */
    private static long[] run(LuceneEventStore store, String text, Instant from) {
        EventQuery query = new EventQuery(text, from, from.plus(Duration.ofHours(24)), TenantScope.ALL);
        long started = System.nanoTime();
        long matches = store.count(query);
        long counted = System.nanoTime();
        EventStore.Histogram histogram = store.dateHistogram(query, Duration.ofHours(1));
        long finished = System.nanoTime();
        if (histogram.buckets().size() != 24 || histogram.buckets().stream().mapToLong(EventStore.Histogram.Bucket::count).sum() != matches) {
            throw new IllegalStateException("histogram disagrees with count for " + text);
        }
        long pageStarted = System.nanoTime();
        store.search(new EventStore.SearchRequest(query, 0, 50, EventStore.Sort.NEWEST_FIRST));
        long termsStarted = System.nanoTime();
        store.terms(query, "host.name", 10);
        long termsFinished = System.nanoTime();
        return new long[] {counted - started, finished - counted, matches, termsStarted - pageStarted, termsFinished - termsStarted};
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
