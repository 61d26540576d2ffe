package dev.vigil.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.ledger.store.InMemoryLeafHashStore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The cached tree against the recursive RFC definitions, and the verifier against the generator, on random trees
 * (including sizes past the 256-leaf cache level).
 */
class MerkleTreePropertyTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array()));
        }
        return leaves;
    }

    private static MerkleTree tree(List<byte[]> leaves) {
        InMemoryLeafHashStore store = new InMemoryLeafHashStore();
        leaves.forEach(store::enqueue);
        return new MerkleTree(store);
    }

    @Test
    void everyIndexAndSizePairOfSmallTrees() {
        List<byte[]> all = leaves(70);
        MerkleTree tree = tree(all);
        for (int n = 1; n <= all.size(); n++) {
            List<byte[]> prefix = all.subList(0, n);
            byte[] root = ReferenceMerkle.mth(prefix);
            assertThat(tree.rootHash(n)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionProof(m, n);
                assertThat(path).containsExactlyElementsOf(ReferenceMerkle.path(m, prefix));
                assertThat(ProofVerifier.verifyInclusion(m, n, all.get(m), path, root)).isTrue();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.proof(m, prefix));
                assertThat(ProofVerifier.verifyConsistency(m, n, tree.rootHash(m), root, proof)).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<int[]> sizeAndIndex() {
        return Arbitraries.integers().between(1, 1100)
                .flatMap(n -> Arbitraries.integers().between(0, n - 1).map(m -> new int[] {n, m}));
    }

    @Property(tries = 60)
    void inclusionInLargerTreesMatchesReference(@ForAll("sizeAndIndex") int[] sizeAndIndex) {
        int n = sizeAndIndex[0];
        int m = sizeAndIndex[1];
        List<byte[]> all = leaves(n);
        MerkleTree tree = tree(all);
        byte[] root = tree.rootHash(n);
        assertThat(root).isEqualTo(ReferenceMerkle.mth(all));
        List<byte[]> path = tree.inclusionProof(m, n);
        assertThat(path).containsExactlyElementsOf(ReferenceMerkle.path(m, all));
        assertThat(ProofVerifier.verifyInclusion(m, n, all.get(m), path, root)).isTrue();
        CompactRange range = new CompactRange();
        all.forEach(range::append);
        assertThat(range.root()).isEqualTo(root);
    }

    @Property(tries = 60)
    void consistencyInLargerTreesVerifies(@ForAll("sizeAndIndex") int[] sizeAndIndex) {
        int n = sizeAndIndex[0];
        int m = sizeAndIndex[1] + 1;
        List<byte[]> all = leaves(n);
        MerkleTree tree = tree(all);
        List<byte[]> proof = tree.consistencyProof(m, n);
        assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.proof(m, all));
        assertThat(ProofVerifier.verifyConsistency(m, n, tree.rootHash(m), tree.rootHash(n), proof)).isTrue();
    }

    @Provide
    Arbitrary<int[]> mutation() {
        return Combinators.combine(Arbitraries.integers().between(2, 300), Arbitraries.integers().between(0, 299),
                Arbitraries.integers().between(0, 31), Arbitraries.integers().between(0, 7))
                .as((n, m, byteIndex, bit) -> new int[] {n, m % n, byteIndex, bit});
    }

    /** Flipping any bit of any proof element, or of the leaf, makes a valid inclusion proof fail. */
    @Property(tries = 200)
    void anyBitFlipBreaksAnInclusionProof(@ForAll("mutation") int[] p) {
        int n = p[0];
        int m = p[1];
        List<byte[]> all = leaves(n);
        MerkleTree tree = tree(all);
        byte[] root = tree.rootHash(n);
        List<byte[]> path = new ArrayList<>(tree.inclusionProof(m, n));
        byte[] leaf = all.get(m).clone();
        int target = path.isEmpty() ? -1 : (p[2] + p[3]) % (path.size() + 1) - 1;
        if (target < 0) {
            leaf[p[2]] ^= (byte) (1 << p[3]);
        } else {
            byte[] element = path.get(target).clone();
            element[p[2]] ^= (byte) (1 << p[3]);
            path.set(target, element);
        }
        assertThat(ProofVerifier.verifyInclusion(m, n, leaf, path, root)).isFalse();
    }

    @Property(tries = 200)
    void hostileInclusionInputsNeverThrow(@ForAll long index, @ForAll long size,
            @ForAll @IntRange(min = 0, max = 70) int proofLength, @ForAll @IntRange(min = 0, max = 40) int hashLength) {
        List<byte[]> proof = new ArrayList<>();
        for (int i = 0; i < proofLength; i++) {
            proof.add(new byte[hashLength]);
        }
        ProofVerifier.verifyInclusion(index, size, new byte[hashLength], proof, new byte[32]);
        ProofVerifier.verifyConsistency(index, size, new byte[hashLength], new byte[32], proof);
    }
}
