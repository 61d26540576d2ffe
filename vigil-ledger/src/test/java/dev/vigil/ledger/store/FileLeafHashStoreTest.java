package dev.vigil.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.ledger.merkle.MerkleHash;

class FileLeafHashStoreTest {

    @TempDir
    Path dir;

    private static byte[] hash(long i) {
        return MerkleHash.leaf(ByteBuffer.allocate(8).putLong(i).array());
    }

    @Test
    void appendsAreReadableAndSurviveReopening() throws IOException {
        Path file = dir.resolve("leaves");
        try (FileLeafHashStore store = FileLeafHashStore.open(file)) {
            for (int i = 0; i < 1000; i++) {
                assertThat(store.append(hash(i))).isEqualTo(i);
            }
            assertThat(store.size()).isEqualTo(1000);
        }
        assertThat(Files.size(file)).isEqualTo(32_000);
        try (FileLeafHashStore store = FileLeafHashStore.open(file)) {
            assertThat(store.size()).isEqualTo(1000);
            assertThat(store.leafHash(777)).isEqualTo(hash(777));
            byte[] bulk = new byte[64];
            store.readLeafHashes(998, 2, bulk);
            assertThat(ByteBuffer.wrap(bulk, 32, 32)).isEqualTo(ByteBuffer.wrap(hash(999)));
            assertThat(store.append(hash(1000))).isEqualTo(1000);
        }
    }

    @Test
    void aTornTrailingRecordIsDroppedOnOpen() throws IOException {
        Path file = dir.resolve("leaves");
        try (FileLeafHashStore store = FileLeafHashStore.open(file)) {
            store.append(hash(0));
            store.append(hash(1));
        }
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        try (FileLeafHashStore store = FileLeafHashStore.open(file)) {
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.append(hash(2))).isEqualTo(2);
            assertThat(store.leafHash(2)).isEqualTo(hash(2));
        }
        assertThat(Files.size(file)).isEqualTo(96);
    }

    @Test
    void openingWithALimitDropsUnacknowledgedLeaves() throws IOException {
        Path file = dir.resolve("leaves");
        try (FileLeafHashStore store = FileLeafHashStore.open(file)) {
            for (int i = 0; i < 5; i++) {
                store.append(hash(i));
            }
        }
        try (FileLeafHashStore store = FileLeafHashStore.open(file, 3)) {
            assertThat(store.size()).isEqualTo(3);
            assertThatThrownBy(() -> store.leafHash(3)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void concurrentAppendersShareFsyncs() throws Exception {
        int threads = 16;
        int perThread = 150;
        try (FileLeafHashStore store = FileLeafHashStore.open(dir.resolve("leaves"));
                ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<long[]>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<long[]> appended = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        long value = thread * 1_000_000L + i;
                        appended.add(new long[] {store.append(hash(value)), value});
                    }
                    return appended;
                }));
            }
            Set<Long> indices = new HashSet<>();
            for (Future<List<long[]>> future : futures) {
                for (long[] entry : future.get()) {
                    assertThat(indices.add(entry[0])).isTrue();
                    assertThat(store.leafHash(entry[0])).isEqualTo(hash(entry[1]));
                }
            }
            assertThat(indices).hasSize(threads * perThread);
            assertThat(store.size()).isEqualTo(threads * perThread);
            assertThat(store.fsyncCount()).isLessThan(threads * perThread);
        }
    }

    @Test
    void rejectsHashesOfTheWrongLength() throws IOException {
        try (FileLeafHashStore store = FileLeafHashStore.open(dir.resolve("leaves"))) {
            assertThatThrownBy(() -> store.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.size()).isZero();
        }
    }
}
