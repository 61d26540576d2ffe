package dev.vigil.benchmarks.eventstore;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.events.Event;
import dev.vigil.eventstore.LuceneEventStore;
import dev.vigil.eventstore.LuceneStoreSettings;

/**
 * CPU time of the whole process per 1,000 events written by id ({@code store}, {@code updateDocument}) and added
 * ({@code append}, {@code addDocument}), in alternating runs on fresh stores, so that a shared machine's load falls on
 * both alike. Each run writes the same events the way the event pipeline does (batches of 2,000 with the store's default
 * settings, a refresh every 5 batches, a commit every 25) and ends with {@code close}, which waits for the merges, so
 * their CPU is counted. CPU time is read from the JVM ({@code OperatingSystemMXBean.getProcessCpuTime}), GC included
 * (a full GC before each run leaves the garbage of the run before out).
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.eventstore.EventStoreWriteCost [EVENTS_PER_RUN] [RUNS_PER_MODE]</pre>
 */
public final class EventStoreWriteCost {
    private static final int BATCH = 2_000;

    private EventStoreWriteCost() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SyntheticEvents synthetic = new SyntheticEvents(Instant.parse("2024-05-01T00:00:00Z"), Duration.ofDays(1), events);
        List<Event> all = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            all.add(synthetic.event(i));
        }
        // JIT warm-up of both paths at full size (smaller runs leave the larger merges' code cold), not reported
        write(all, false);
        write(all, true);
        double[] byId = new double[runs];
        double[] appended = new double[runs];
        for (int run = 0; run < runs; run++) {
            // alternate which mode goes first, so a change in the machine's load does not favour one
            if (run % 2 == 0) {
                byId[run] = write(all, false);
                appended[run] = write(all, true);
            } else {
                appended[run] = write(all, true);
                byId[run] = write(all, false);
            }
            System.out.printf("run %d: store (by id) %.4f, append %.4f CPU-s per 1,000 events%n", run + 1,
                    byId[run] * 1000 / events, appended[run] * 1000 / events);
        }
        System.out.printf("median: store (by id) %.4f, append %.4f CPU-s per 1,000 events (%d events per run)%n",
                median(byId) * 1000 / events, median(appended) * 1000 / events, events);
    }

    /** Writes the events into a fresh store and returns the process CPU seconds until it is closed. */
    private static double write(List<Event> events, boolean append) throws IOException {
        Path directory = Files.createTempDirectory("vigil-write-cost");
        System.gc(); // the garbage of the run before (and of generating the events) is not this run's cost
        long before = processCpuNanos();
        try (LuceneEventStore store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults())) {
            int batches = 0;
            for (int from = 0; from < events.size(); from += BATCH) {
                List<Event> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                if (append) {
                    store.append(batch);
                } else {
                    store.store(batch);
                }
                batches++;
                if (batches % 5 == 0) {
                    store.refresh();
                }
                if (batches % 25 == 0) {
                    store.commit();
                }
            }
        }
        double seconds = (processCpuNanos() - before) / 1e9;
        delete(directory);
        return seconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
