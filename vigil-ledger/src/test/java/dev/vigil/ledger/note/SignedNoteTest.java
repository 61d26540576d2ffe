package dev.vigil.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SignedNoteTest {

    private static final NoteSigner SIGNER = NoteSigner.fromSeed("log.example/audit", new byte[32]);
    private static final NoteSigner OTHER = NoteSigner.fromSeed("log.example/audit", filled(7));

    private static byte[] filled(int value) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) value);
        return seed;
    }

    private static Checkpoint checkpoint(long size) {
        return new Checkpoint("log.example/audit", size, filled(size == 0 ? 1 : (int) size));
    }

    @Test
    void signedCheckpointRoundTrips() throws Exception {
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint(5), SIGNER);
        String text = signed.format();
        assertThat(text).startsWith("log.example/audit\n5\n").contains("\n\n\u2014 log.example/audit ");
        SignedCheckpoint opened = SignedCheckpoint.open(text.getBytes(StandardCharsets.UTF_8), List.of(SIGNER.verifierKey()));
        assertThat(opened.checkpoint()).isEqualTo(checkpoint(5));
    }

    @Test
    void aCheckpointSignedByAnotherKeyOfTheSameNameIsRejected() {
        String text = SignedCheckpoint.sign(checkpoint(5), OTHER).format();
        assertThatThrownBy(() -> SignedCheckpoint.open(text.getBytes(StandardCharsets.UTF_8), List.of(SIGNER.verifierKey())))
                .isInstanceOf(CheckpointSignatureException.class).hasMessageContaining("no signature by a trusted key");
    }

    @Test
    void aTrustedKeyWhoseSignatureFailsInvalidatesTheNote() throws Exception {
        String good = SignedCheckpoint.sign(checkpoint(5), SIGNER).format();
        String forged = good.replace("\n5\n", "\n6\n");
        assertThatThrownBy(() -> SignedCheckpoint.open(forged.getBytes(StandardCharsets.UTF_8), List.of(SIGNER.verifierKey())))
                .isInstanceOf(CheckpointSignatureException.class).hasMessageContaining("does not verify");
    }

    @Test
    void checkpointBodiesAreParsedStrictly() {
        byte[] root = filled(3);
        String rootB64 = java.util.Base64.getEncoder().encodeToString(root);
        assertThatThrownBy(() -> Checkpoint.parse("o\n01\n" + rootB64 + "\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n-1\n" + rootB64 + "\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n99999999999999999999\n" + rootB64 + "\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\nAAAA\n")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> Checkpoint.parse("\n1\n" + rootB64 + "\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + rootB64)).hasMessageContaining("newline");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + rootB64 + "\n\n")).hasMessageContaining("line 4");
    }

    @Test
    void vkeysAreParsedStrictly() {
        String vkey = SIGNER.verifierKey().toString();
        assertThatThrownBy(() -> NoteVerifierKey.parse(vkey.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteVerifierKey.parse("name+1234")).hasMessageContaining("form");
        assertThatThrownBy(() -> NoteVerifierKey.parse("na me" + vkey.substring(vkey.indexOf('+'))))
                .hasMessageContaining("name");
    }

    @Test
    void signerKeyTextRoundTrips() throws Exception {
        NoteSigner generated = NoteSigner.generate("witness.example/w9");
        NoteSigner parsed = NoteSigner.parse(generated.toSignerKeyText());
        assertThat(parsed.verifierKey()).isEqualTo(generated.verifierKey());
        assertThat(parsed.verifierKey().verify("x\n", generated.sign("x\n"))).isTrue();
    }

    @Provide
    Arbitrary<String> noteLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("\n\u2014 +=/abcAB019").ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("\n\u2014 +=/abcAB019").ofMaxLength(60).map(
                        tail -> SignedCheckpoint.sign(checkpoint(5), SIGNER).format() + tail));
    }

    /** Arbitrary text never escapes the declared exceptions and is never accepted unless genuinely signed. */
    @Property(tries = 400)
    void hostileNotesAreRejectedCleanly(@ForAll("noteLike") String text) {
        try {
            SignedCheckpoint opened = SignedCheckpoint.open(text.getBytes(StandardCharsets.UTF_8), List.of(SIGNER.verifierKey()));
            assertThat(opened.note().text()).isEqualTo(checkpoint(5).toText());
        } catch (NoteFormatException | CheckpointSignatureException expected) {
            // refused with a reason
        }
    }

    @Property(tries = 300)
    void hostileKeysAreRejectedCleanly(@ForAll("noteLike") String text) {
        try {
            NoteVerifierKey.parse(text);
        } catch (NoteFormatException expected) {
            // refused with a reason
        }
        try {
            NoteSigner.parse("PRIVATE+KEY+" + text);
        } catch (NoteFormatException expected) {
            // refused with a reason
        }
    }
}
