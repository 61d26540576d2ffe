package dev.vigil.benchmarks.ledger;

import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.merkle.MerkleTree;
import dev.vigil.ledger.store.FileLeafHashStore;

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
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Latency of inclusion and consistency proof generation over a file leaf store of {@code leaves} leaves (10M by
 * default: a 320 MB leaf file in java.io.tmpdir). The subtree cache is warmed in setup (one tree head), as in a
 * running ledger; each proof then reads at most a few hundred leaf hashes per element.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ProofGenerationBenchmark {

    @Param("10000000")
    public long leaves;

    private Path directory;
    private FileLeafHashStore store;
    private MerkleTree tree;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void build() throws IOException {
        directory = Files.createTempDirectory("vigil-proof-bench");
        store = FileLeafHashStore.open(directory.resolve("leaves"));
        ByteBuffer data = ByteBuffer.allocate(8);
        for (long i = 0; i < leaves; i++) {
            store.enqueue(MerkleHash.leaf(data.clear().putLong(i).array()));
        }
        store.awaitDurable(leaves);
        tree = new MerkleTree(store);
        tree.rootHash(leaves);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        store.close();
        BenchmarkEvents.deleteRecursively(directory);
    }

    @Benchmark
    public List<byte[]> inclusionProof() {
        return tree.inclusionProof(random.nextLong(leaves), leaves);
    }

    @Benchmark
    public List<byte[]> consistencyProof() {
        return tree.consistencyProof(1 + random.nextLong(leaves - 1), leaves);
    }
}
