package dev.vigil.ledger.merkle;

import static dev.vigil.ledger.merkle.MerkleCorpus.b64;
import static dev.vigil.ledger.merkle.MerkleCorpus.hex;
import static dev.vigil.ledger.merkle.MerkleCorpus.proof;
import static dev.vigil.ledger.merkle.MerkleCorpus.u64;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vigil.ledger.store.InMemoryLeafHashStore;
import tools.jackson.databind.JsonNode;

/** Every hashing, inclusion and consistency vector of corpus/merkle, accepted or rejected exactly as specified. */
class MerkleCorpusConformanceTest {

    @Test
    void hasherVectors() throws IOException {
        JsonNode vectors = MerkleCorpus.read("hashing.json").get("hasherVectors");
        assertThat(vectors.size()).isEqualTo(4);
        for (JsonNode v : vectors) {
            byte[] actual = switch (v.get("function").stringValue()) {
                case "emptyRoot" -> MerkleHash.emptyRoot();
                case "hashLeaf" -> MerkleHash.leaf(hex(v.get("dataHex")));
                case "hashChildren" -> MerkleHash.node(hex(v.get("leftHex")), hex(v.get("rightHex")));
                default -> throw new AssertionError("unknown function " + v.get("function"));
            };
            assertThat(HexFormat.of().formatHex(actual)).as(v.get("desc").stringValue())
                    .isEqualTo(v.get("expected").stringValue());
        }
    }

    @Test
    void referenceTreeNodesAndRoots() throws IOException {
        JsonNode tree = MerkleCorpus.read("hashing.json").get("referenceTree");
        InMemoryLeafHashStore store = new InMemoryLeafHashStore();
        tree.get("leafInputsHex").forEach(leaf -> store.enqueue(MerkleHash.leaf(hex(leaf))));
        MerkleTree merkle = new MerkleTree(store);
        JsonNode roots = tree.get("rootHashBySize").get("roots");
        assertThat(roots.size()).isEqualTo(9);
        for (int n = 0; n < roots.size(); n++) {
            assertThat(merkle.rootHash(n)).as("root of size %d", n).isEqualTo(hex(roots.get(n)));
            CompactRange range = new CompactRange();
            for (int i = 0; i < n; i++) {
                range.append(store.leafHash(i));
            }
            assertThat(range.root()).as("compact range root of size %d", n).isEqualTo(hex(roots.get(n)));
        }
        JsonNode levels = tree.get("nodeHashesByLevel").get("levels");
        int checked = 0;
        for (int level = 0; level < levels.size(); level++) {
            for (int i = 0; i < levels.get(level).size(); i++) {
                long start = (long) i << level;
                // A perfect subtree hash is the root of that subtree on its own.
                InMemoryLeafHashStore sub = new InMemoryLeafHashStore();
                for (long j = start; j < start + (1L << level); j++) {
                    sub.enqueue(store.leafHash(j));
                }
                assertThat(new MerkleTree(sub).rootHash(sub.size())).isEqualTo(hex(levels.get(level).get(i)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(15);
    }

    @TestFactory
    Stream<DynamicTest> inclusionOfficial() throws IOException {
        return inclusionProbes("inclusion-official.json", 59);
    }

    @TestFactory
    Stream<DynamicTest> inclusionDerived() throws IOException {
        return inclusionProbes("inclusion-derived.json", 663);
    }

    @TestFactory
    Stream<DynamicTest> consistencyOfficial() throws IOException {
        return consistencyProbes("consistency-official.json", 50);
    }

    @TestFactory
    Stream<DynamicTest> consistencyDerived() throws IOException {
        return consistencyProbes("consistency-derived.json", 175);
    }

    private Stream<DynamicTest> inclusionProbes(String file, int expectedCount) throws IOException {
        JsonNode probes = MerkleCorpus.read(file).get("probes");
        assertThat(probes.size()).isEqualTo(expectedCount);
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode p : probes) {
            boolean wantErr = p.get("wantErr").booleanValue();
            String name = file + "#" + i++ + " " + p.get("desc").stringValue() + (wantErr ? " (reject)" : " (accept)");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                boolean accepted = ProofVerifier.verifyInclusion(u64(p.get("leafIdx")), u64(p.get("treeSize")),
                        b64(p.get("leafHash")), proof(p.get("proof")), b64(p.get("root")));
                assertThat(accepted).isEqualTo(!wantErr);
            }));
        }
        return tests.stream();
    }

    private Stream<DynamicTest> consistencyProbes(String file, int expectedCount) throws IOException {
        JsonNode probes = MerkleCorpus.read(file).get("probes");
        assertThat(probes.size()).isEqualTo(expectedCount);
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode p : probes) {
            boolean wantErr = p.get("wantErr").booleanValue();
            String name = file + "#" + i++ + " " + p.get("desc").stringValue() + (wantErr ? " (reject)" : " (accept)");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                boolean accepted = ProofVerifier.verifyConsistency(u64(p.get("size1")), u64(p.get("size2")),
                        b64(p.get("root1")), b64(p.get("root2")), proof(p.get("proof")));
                assertThat(accepted).isEqualTo(!wantErr);
            }));
        }
        return tests.stream();
    }

    /** Our proof generator reproduces every happy-path proof of the derived 40-leaf tree, and its roots. */
    @Test
    void generatorReproducesDerivedTree() throws IOException {
        JsonNode inclusion = MerkleCorpus.read("inclusion-derived.json");
        JsonNode tree = inclusion.get("tree");
        int leafCount = tree.get("leafCount").intValue();
        InMemoryLeafHashStore store = new InMemoryLeafHashStore();
        for (int i = 0; i < leafCount; i++) {
            store.enqueue(MerkleHash.leaf(("dev-leaf-" + i).getBytes(StandardCharsets.US_ASCII)));
        }
        MerkleTree merkle = new MerkleTree(store);
        for (JsonNode root : tree.get("rootsBySize")) {
            assertThat(merkle.rootHash(root.get("size").longValue())).isEqualTo(b64(root.get("root")));
        }
        int happy = 0;
        for (JsonNode p : inclusion.get("probes")) {
            if (p.get("desc").stringValue().equals("happy path")) {
                assertThat(merkle.inclusionProof(p.get("leafIdx").longValue(), p.get("treeSize").longValue()))
                        .containsExactlyElementsOf(proof(p.get("proof")));
                happy++;
            }
        }
        assertThat(happy).isEqualTo(81);
        int consistent = 0;
        for (JsonNode p : MerkleCorpus.read("consistency-derived.json").get("probes")) {
            if (p.get("desc").stringValue().startsWith("happy path")) {
                List<byte[]> expected = proof(p.get("proof"));
                assertThat(merkle.consistencyProof(p.get("size1").longValue(), p.get("size2").longValue()))
                        .containsExactlyElementsOf(expected);
                consistent++;
            }
        }
        assertThat(consistent).isEqualTo(31);
    }

    /** The RFC's 7-leaf example: every audit path and consistency proof, including those quoted in the RFC. */
    @Test
    void rfcExampleTree() throws IOException {
        JsonNode example = MerkleCorpus.read("rfc6962-example-tree.json");
        InMemoryLeafHashStore store = new InMemoryLeafHashStore();
        example.get("leafDataAscii").forEach(d -> store.enqueue(MerkleHash.leaf(d.stringValue().getBytes(StandardCharsets.US_ASCII))));
        MerkleTree merkle = new MerkleTree(store);
        assertThat(merkle.rootHash(7)).isEqualTo(hex(example.get("nodes").get("hash")));
        example.get("treeRootsBySize").properties().forEach(e ->
                assertThat(merkle.rootHash(Long.parseLong(e.getKey()))).isEqualTo(hex(e.getValue())));
        for (JsonNode inclusion : example.get("inclusion")) {
            long index = inclusion.get("leafIndex").longValue();
            List<byte[]> expected = hexList(inclusion.get("pathHex"));
            List<byte[]> actual = merkle.inclusionProof(index, 7);
            assertThat(actual).as("PATH(%d, D[7])", index).containsExactlyElementsOf(expected);
            assertThat(ProofVerifier.verifyInclusion(index, 7, store.leafHash(index), actual, merkle.rootHash(7))).isTrue();
        }
        for (JsonNode consistency : example.get("consistency")) {
            long size1 = consistency.get("size1").longValue();
            List<byte[]> expected = hexList(consistency.get("proofHex"));
            List<byte[]> actual = merkle.consistencyProof(size1, 7);
            assertThat(actual).as("PROOF(%d, D[7])", size1).containsExactlyElementsOf(expected);
            assertThat(ProofVerifier.verifyConsistency(size1, 7, merkle.rootHash(size1), merkle.rootHash(7), actual)).isTrue();
        }
        assertThat(example.get("inclusion").size()).isEqualTo(7);
        assertThat(example.get("consistency").size()).isEqualTo(6);
    }

    private static List<byte[]> hexList(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        array.forEach(element -> list.add(hex(element)));
        return list;
    }
}
