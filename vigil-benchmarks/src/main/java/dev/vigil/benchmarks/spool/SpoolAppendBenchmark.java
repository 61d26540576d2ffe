package dev.vigil.benchmarks.spool;

import dev.vigil.events.RawEvent;
import dev.vigil.spool.FileSpool;
import dev.vigil.spool.SpoolSettings;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Durable appends (fsync, group commit) of batches of {@code batchSize} events of about {@code eventBytes} bytes
 * from 1, 4 and 16 threads. The score is appends/s; the {@code events} counter is events/s. The spool lives in the
 * system temp folder unless {@code -Dvigil.bench.dir=...} names another (use the disk the server would use).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SpoolAppendBenchmark {

    @Param({"100", "1000"})
    public int batchSize;

    @Param("500")
    public int eventBytes;

    private Path directory;
    private FileSpool spool;
    private List<RawEvent> batch;

    /** Counts the events appended by one benchmark thread; JMH reports the sum per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path parent = Path.of(System.getProperty("vigil.bench.dir", System.getProperty("java.io.tmpdir")));
        directory = Files.createTempDirectory(parent, "vigil-spool-bench");
        spool = FileSpool.open(directory, new SpoolSettings(SpoolSettings.DEFAULT_SEGMENT_BYTES, 1L << 40,
                SpoolSettings.DEFAULT_MAX_EVENT_BYTES));
        batch = new ArrayList<>(batchSize);
        Instant now = Instant.now();
        for (int i = 0; i < batchSize; i++) {
            batch.add(new RawEvent("9b2f6c0e-5d1a-4c35-8a52-1f0e6f3b7d21", "default", "syslog", now,
                    "10.20.30." + (i % 250) + ":51514", syslogLine(i)));
        }
    }

    /** Keeps the disk use to one iteration's worth: processed segments are deleted. */
    @TearDown(Level.Iteration)
    public void markProcessed() {
        spool.markProcessed(spool.lastSequence());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        spool.close();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Benchmark
    @Threads(1)
    public long oneThread(Events events) {
        return append(events);
    }

    @Benchmark
    @Threads(4)
    public long fourThreads(Events events) {
        return append(events);
    }

    @Benchmark
    @Threads(16)
    public long sixteenThreads(Events events) {
        return append(events);
    }

    private long append(Events events) {
        long sequence = spool.append(batch);
        events.events += batchSize;
        return sequence;
    }

    private byte[] syslogLine(int i) {
        StringBuilder line = new StringBuilder("<134>1 2025-03-01T12:00:00.000Z fw-edge-01 filterlog 4242 - - ")
                .append("rule=").append(i % 97).append(",action=pass,dir=in,proto=tcp,src=10.1.").append(i % 256)
                .append('.').append(i * 7 % 256).append(",dst=192.0.2.").append(i % 200).append(",spt=")
                .append(40_000 + i % 20_000).append(",dpt=443,len=").append(60 + i % 1400).append(",msg=");
        while (line.length() < eventBytes) {
            line.append("payload-").append(i);
        }
        line.setLength(eventBytes);
        return line.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
