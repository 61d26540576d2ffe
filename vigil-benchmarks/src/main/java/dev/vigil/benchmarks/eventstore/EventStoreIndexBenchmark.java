package dev.vigil.benchmarks.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.vigil.events.Event;
import dev.vigil.eventstore.LuceneEventStore;
import dev.vigil.eventstore.LuceneStoreSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events stored per second by one caller, as the event pipeline stores them: batches of 2,000 ~500-byte events with
 * unique ids ({@code updateDocument}), a near-real-time refresh every 25 batches (about once a second at the target
 * rate) and a commit every 250. The score is events/s. The events are generated before the run, so only storing is
 * measured. {@code indexingThreads=1} is one core's worth. The store lives in java.io.tmpdir.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Threads(1)
public class EventStoreIndexBenchmark {
    private static final int BATCH = 2_000;
    private static final int POOL = 100_000;

    /** 1 measures one core; 2 is the store's default on this machine (the caller plus one helper). */
    @Param({"1", "2"})
    public int indexingThreads;

    private Path directory;
    private LuceneEventStore store;
    private Event[] pool;
    private long sequence;
    private long batches;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("vigil-eventstore-bench");
        store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults().withRamBufferMb(128)
                .withIndexingThreads(indexingThreads));
        SyntheticEvents events = new SyntheticEvents(Instant.parse("2024-05-01T00:00:00Z"), Duration.ofDays(1), POOL);
        pool = new Event[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = events.event(i);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void storeBatch() {
        List<Event> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long id = sequence++;
            Event template = pool[(int) (id % POOL)];
            // a fresh id each time: the pool repeats, the stored events never do
            batch.add(new Event("bench-" + id, template.timestamp(), template.receivedAt(), template.tenant(), template.inputId(),
                    template.fields(), template.original(), template.tags()));
        }
        store.store(batch);
        if (++batches % 25 == 0) {
            store.refresh();
        }
        if (batches % 250 == 0) {
            store.commit();
        }
    }
}
