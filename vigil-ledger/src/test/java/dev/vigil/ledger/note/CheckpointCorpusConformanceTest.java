package dev.vigil.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vigil.testkit.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** All signed-note / checkpoint vectors of corpus/merkle/checkpoints.json, with their wantValid verdict. */
class CheckpointCorpusConformanceTest {

    private static JsonNode corpus() throws IOException {
        return JsonMapper.builder().build()
                .readTree(Files.readAllBytes(Corpus.require("merkle").resolve("checkpoints.json")));
    }

    @TestFactory
    Stream<DynamicTest> everyNoteIsAcceptedOrRejectedAsSpecified() throws IOException {
        JsonNode corpus = corpus();
        List<JsonNode> cases = new ArrayList<>();
        corpus.get("official").forEach(cases::add);
        corpus.get("derived").get("cases").forEach(cases::add);
        assertThat(cases).hasSize(18);
        return cases.stream().map(c -> DynamicTest.dynamicTest(
                (c.has("desc") ? c.get("desc") : c.get("source")).stringValue() + " -> " + c.get("wantValid"), () -> {
                    List<NoteVerifierKey> keys = new ArrayList<>();
                    for (JsonNode vkey : c.get("verifierKeys")) {
                        keys.add(NoteVerifierKey.parse(vkey.stringValue()));
                    }
                    assertThat(isValid(c.get("note").stringValue(), keys)).isEqualTo(c.get("wantValid").booleanValue());
                }));
    }

    private static boolean isValid(String note, List<NoteVerifierKey> keys) {
        try {
            return SignedNote.parse(note.getBytes(StandardCharsets.UTF_8)).verify(keys).isValid();
        } catch (NoteFormatException e) {
            return false;
        }
    }

    @Test
    void validCheckpointsCarryTheirOriginSizeAndRoot() throws Exception {
        JsonNode derived = corpus().get("derived");
        NoteVerifierKey key = NoteVerifierKey.parse(derived.get("signer").get("vkey").stringValue());
        int checked = 0;
        for (JsonNode c : derived.get("cases")) {
            if (!c.has("treeSize")) {
                continue;
            }
            SignedCheckpoint opened = SignedCheckpoint.open(c.get("note").stringValue().getBytes(StandardCharsets.UTF_8),
                    List.of(key));
            assertThat(opened.checkpoint().origin()).isEqualTo(c.get("origin").stringValue());
            assertThat(opened.checkpoint().treeSize()).isEqualTo(c.get("treeSize").longValue());
            assertThat(opened.checkpoint().rootHash()).isEqualTo(Base64.getDecoder().decode(c.get("rootHash").stringValue()));
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    /** Our signer, given the corpus test seeds, derives the published vkeys and reproduces the signed notes. */
    @Test
    void signerReproducesCorpusKeysAndSignatures() throws Exception {
        JsonNode derived = corpus().get("derived");
        for (String role : List.of("signer", "cosigner")) {
            JsonNode spec = derived.get(role);
            NoteSigner signer = NoteSigner.fromSeed(spec.get("keyName").stringValue(),
                    HexFormat.of().parseHex(spec.get("ed25519SeedHex").stringValue()));
            assertThat(signer.verifierKey().toString()).isEqualTo(spec.get("vkey").stringValue());
            assertThat(NoteSigner.parse(signer.toSignerKeyText()).verifierKey()).isEqualTo(signer.verifierKey());
        }
        JsonNode spec = derived.get("signer");
        NoteSigner signer = NoteSigner.fromSeed(spec.get("keyName").stringValue(),
                HexFormat.of().parseHex(spec.get("ed25519SeedHex").stringValue()));
        JsonNode first = derived.get("cases").get(0);
        Checkpoint checkpoint = new Checkpoint(first.get("origin").stringValue(), first.get("treeSize").longValue(),
                Base64.getDecoder().decode(first.get("rootHash").stringValue()));
        // Ed25519 is deterministic, so the note must come out byte for byte identical.
        assertThat(SignedCheckpoint.sign(checkpoint, signer).format()).isEqualTo(first.get("note").stringValue());
    }
}
