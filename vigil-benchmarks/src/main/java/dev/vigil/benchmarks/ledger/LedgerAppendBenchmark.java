package dev.vigil.benchmarks.ledger;

import dev.vigil.ledger.AppendedRecord;
import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.note.NoteSigner;
import dev.vigil.ledger.record.AuditEvent;
import dev.vigil.ledger.store.FileLeafHashStore;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable appends per second: every operation returns only after its data was fsync'd (group commit batches
 * concurrent writers). {@code ledger*} appends a full audit record (canonical encoding, record journal + leaf file,
 * two fsyncs per batch); {@code leafStore*} appends a bare 32-byte leaf hash to the file store (one fsync per batch).
 * Files live in java.io.tmpdir.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class LedgerAppendBenchmark {

    private Path directory;
    private Ledger ledger;
    private FileLeafHashStore leafStore;
    private final AtomicLong counter = new AtomicLong();
    private AuditEvent[] events;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("vigil-ledger-bench");
        ledger = Ledger.open(directory.resolve("ledger"), NoteSigner.fromSeed("bench.example/audit", new byte[32]));
        leafStore = FileLeafHashStore.open(directory.resolve("leaves"));
        events = new AuditEvent[1024];
        for (int i = 0; i < events.length; i++) {
            events[i] = BenchmarkEvents.event(i);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        ledger.close();
        leafStore.close();
        BenchmarkEvents.deleteRecursively(directory);
    }

    private AppendedRecord appendRecord() throws IOException {
        return ledger.append(events[(int) (counter.getAndIncrement() & 1023)]);
    }

    private long appendLeaf() throws IOException {
        long i = counter.getAndIncrement();
        return leafStore.append(MerkleHash.leaf(ByteBuffer.allocate(8).putLong(i).array()));
    }

    @Benchmark
    @Threads(1)
    public AppendedRecord ledgerAppend1Thread() throws IOException {
        return appendRecord();
    }

    @Benchmark
    @Threads(16)
    public AppendedRecord ledgerAppend16Threads() throws IOException {
        return appendRecord();
    }

    @Benchmark
    @Threads(1)
    public long leafStoreAppend1Thread() throws IOException {
        return appendLeaf();
    }

    @Benchmark
    @Threads(16)
    public long leafStoreAppend16Threads() throws IOException {
        return appendLeaf();
    }
}
