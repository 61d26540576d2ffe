package dev.vigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.vigil.ledger.merkle.ProofVerifier;
import dev.vigil.ledger.note.Checkpoint;
import dev.vigil.ledger.note.NoteSigner;
import dev.vigil.ledger.record.AuditRecord;
import dev.vigil.ledger.record.AuditRecordCodec;
import dev.vigil.ledger.record.CanonicalJsonException;
import dev.vigil.ledger.record.SampleEvents;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class LedgerTest {

    static final NoteSigner SIGNER = NoteSigner.fromSeed("vigil.test/audit", new byte[32]);

    @TempDir
    Path dir;

    @Test
    void appendsAreProvablyIncludedUnderASignedCheckpoint() throws Exception {
        try (Ledger ledger = Ledger.inMemory(SIGNER)) {
            List<AppendedRecord> appended = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                appended.add(ledger.append(SampleEvents.event(i)));
            }
            assertThat(appended.get(299).sequence()).isEqualTo(299);
            byte[] expectedLeaf = MerkleHash.leaf(AuditRecordCodec.encode(new AuditRecord(7, SampleEvents.event(7))));
            assertThat(appended.get(7).leafHash()).isEqualTo(expectedLeaf);

            Checkpoint small = ledger.checkpoint().checkpoint();
            for (int i = 300; i < 1000; i++) {
                ledger.append(SampleEvents.event(i));
            }
            Checkpoint head = ledger.checkpoint().checkpoint();
            assertThat(head.treeSize()).isEqualTo(1000);
            assertThat(ledger.checkpoint().checkpoint()).isEqualTo(head); // nothing new: same checkpoint
            for (long seq : new long[] {0, 7, 255, 256, 511, 999}) {
                List<byte[]> proof = ledger.inclusionProof(seq, head.treeSize());
                byte[] leaf = seq < 300 ? appended.get((int) seq).leafHash()
                        : MerkleHash.leaf(AuditRecordCodec.encode(new AuditRecord(seq, SampleEvents.event((int) seq))));
                assertThat(ProofVerifier.verifyInclusion(seq, head.treeSize(), leaf, proof, head.rootHash())).isTrue();
            }
            assertThat(ProofVerifier.verifyConsistency(small.treeSize(), head.treeSize(), small.rootHash(),
                    head.rootHash(), ledger.consistencyProof(small.treeSize(), head.treeSize()))).isTrue();
            assertThat(ledger.checkpoints()).hasSize(2);
        }
    }

    @Test
    void aBodyWithoutCanonicalFormIsRefusedWithoutConsumingASequence() throws Exception {
        try (Ledger ledger = Ledger.inMemory(SIGNER)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("bad", "\uD800");
            var event = SampleEvents.event(1);
            assertThatThrownBy(() -> ledger.append(new dev.vigil.ledger.record.AuditEvent(event.time(), event.actor(),
                    null, event.action(), event.object(), event.tenant(), event.outcome(), event.references(), body)))
                    .isInstanceOf(CanonicalJsonException.class).hasMessageContaining("$.bad");
            assertThat(ledger.append(SampleEvents.event(2)).sequence()).isZero();
        }
    }

    @Test
    void concurrentDurableAppendsGetDistinctContiguousSequences() throws Exception {
        int threads = 16;
        int perThread = 100;
        try (Ledger ledger = Ledger.open(dir, SIGNER); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Long> sequences = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        sequences.add(ledger.append(SampleEvents.event(thread * perThread + i)).sequence());
                    }
                    return sequences;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            assertThat(all).hasSize(threads * perThread);
            assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(threads * perThread - 1);
            assertThat(ledger.size()).isEqualTo(threads * perThread);
            ledger.checkpoint();
        }
        try (Ledger reopened = Ledger.open(dir, SIGNER)) {
            assertThat(reopened.size()).isEqualTo(threads * perThread);
            assertThat(reopened.latestCheckpoint().orElseThrow().checkpoint().treeSize()).isEqualTo(threads * perThread);
        }
    }

    @Test
    void aGroupAppendStoresConsecutiveRecordsAsIfAppendedOneByOne() throws Exception {
        byte[] expectedRoot;
        try (Ledger single = Ledger.inMemory(SIGNER)) {
            for (int i = 0; i < LEAF_GROUP_END; i++) {
                single.append(SampleEvents.event(i));
            }
            expectedRoot = single.rootHash(LEAF_GROUP_END);
        }
        try (Ledger ledger = Ledger.open(dir, SIGNER)) {
            ledger.append(SampleEvents.event(0));
            List<dev.vigil.ledger.record.AuditEvent> group = new ArrayList<>();
            for (int i = 1; i < LEAF_GROUP_END; i++) {
                group.add(SampleEvents.event(i));
            }
            List<AppendedRecord> appended = ledger.appendAll(group);
            assertThat(appended).extracting(AppendedRecord::sequence).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(1, LEAF_GROUP_END).boxed().toList());
            assertThat(ledger.size()).isEqualTo(LEAF_GROUP_END);
            assertThat(ledger.rootHash(LEAF_GROUP_END)).isEqualTo(expectedRoot);
            assertThat(ledger.appendAll(List.of())).isEmpty();

            ObjectNode bad = JsonNodeFactory.instance.objectNode().put("bad", "\uD800");
            var event = SampleEvents.event(1);
            assertThatThrownBy(() -> ledger.appendAll(List.of(SampleEvents.event(9), new dev.vigil.ledger.record.AuditEvent(event.time(),
                    event.actor(), null, event.action(), event.object(), event.tenant(), event.outcome(), event.references(), bad))))
                    .isInstanceOf(CanonicalJsonException.class);
            assertThat(ledger.size()).isEqualTo(LEAF_GROUP_END);
        }
        try (Ledger reopened = Ledger.open(dir, SIGNER)) {
            assertThat(reopened.size()).isEqualTo(LEAF_GROUP_END);
            assertThat(reopened.rootHash(LEAF_GROUP_END)).isEqualTo(expectedRoot);
        }
    }

    /** Crosses a leaf-file sync boundary inside the group. */
    private static final int LEAF_GROUP_END = Ledger.LEAF_SYNC_INTERVAL + 10;

    @Test
    void reopeningRecoversTheLeafFileFromTheJournal() throws Exception {
        byte[] root;
        try (Ledger ledger = Ledger.open(dir, SIGNER)) {
            for (int i = 0; i < 50; i++) {
                ledger.append(SampleEvents.event(i));
            }
            root = ledger.checkpoint().checkpoint().rootHash();
        }
        // Simulate a crash that lost the tail of the leaf file (it is derived data).
        Path leaves = dir.resolve(LedgerLayout.LEAF_HASHES);
        Files.write(leaves, java.util.Arrays.copyOf(Files.readAllBytes(leaves), 20 * 32));
        try (Ledger ledger = Ledger.open(dir, SIGNER)) {
            assertThat(ledger.size()).isEqualTo(50);
            assertThat(ledger.rootHash(50)).isEqualTo(root);
            assertThat(ledger.append(SampleEvents.event(50)).sequence()).isEqualTo(50);
        }
    }

    @Test
    void refusesADirectoryOfAnotherKeyOrWithLostRecords() throws Exception {
        try (Ledger ledger = Ledger.open(dir, SIGNER)) {
            for (int i = 0; i < 10; i++) {
                ledger.append(SampleEvents.event(i));
            }
            ledger.checkpoint();
        }
        NoteSigner other = NoteSigner.fromSeed("vigil.test/audit", new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32});
        assertThatThrownBy(() -> Ledger.open(dir, other)).isInstanceOf(LedgerStorageException.class)
                .hasMessageContaining("created with key");
        Path records = dir.resolve(LedgerLayout.RECORDS);
        List<String> lines = Files.readAllLines(records);
        Files.write(records, lines.subList(0, 8));
        assertThatThrownBy(() -> Ledger.open(dir, SIGNER)).isInstanceOf(LedgerStorageException.class)
                .hasMessageContaining("covers 10 records but only 8 are stored");
    }

    @Test
    void proofsBeyondTheCommittedSizeAreRefused() throws Exception {
        try (Ledger ledger = Ledger.inMemory(SIGNER)) {
            ledger.append(SampleEvents.event(0));
            assertThatThrownBy(() -> ledger.inclusionProof(0, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ledger.consistencyProof(0, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
