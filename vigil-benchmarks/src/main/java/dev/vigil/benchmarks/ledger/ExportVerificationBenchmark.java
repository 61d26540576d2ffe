package dev.vigil.benchmarks.ledger;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.export.LedgerVerifier;
import dev.vigil.ledger.export.VerificationResult;
import dev.vigil.ledger.note.NoteSigner;

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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Offline verification of an export of {@code records} records (a checkpoint every 10,000): one operation verifies
 * the whole export, so records/s = records / (seconds per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ExportVerificationBenchmark {

    @Param("200000")
    public int records;

    private Path directory;
    private Path export;

    @Setup(Level.Trial)
    public void createExport() throws IOException {
        directory = Files.createTempDirectory("vigil-verify-bench");
        export = directory.resolve("export");
        try (Ledger ledger = Ledger.inMemory(NoteSigner.fromSeed("bench.example/audit", new byte[32]))) {
            for (int i = 0; i < records; i++) {
                ledger.append(BenchmarkEvents.event(i));
                if ((i + 1) % 10_000 == 0) {
                    ledger.checkpoint();
                }
            }
            ledger.exportTo(export);
        }
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        BenchmarkEvents.deleteRecursively(directory);
    }

    @Benchmark
    public VerificationResult verifyExport() {
        VerificationResult result = new LedgerVerifier(export, null, null).verify();
        if (!(result instanceof VerificationResult.Verified)) {
            throw new IllegalStateException("benchmark export did not verify: " + result);
        }
        return result;
    }
}
