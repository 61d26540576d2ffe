package dev.vigil.ledger.export;

import static dev.vigil.ledger.export.ExportFixture.IMPOSTOR;
import static dev.vigil.ledger.export.ExportFixture.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.note.Checkpoint;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.ledger.record.AuditRecord;
import dev.vigil.ledger.record.AuditRecordCodec;
import dev.vigil.ledger.record.SampleEvents;

/** Each kind of tampering on a generated export is detected and reported at the right place. */
class LedgerTamperingTest {

    @TempDir
    Path tmp;
    Path export;
    Path trustedKey;

    @BeforeEach
    void createExport() throws Exception {
        export = ExportFixture.export(tmp, "export", SIGNER, 40);
        trustedKey = ExportFixture.writeKey(tmp, SIGNER);
    }

    private VerificationResult verify() {
        return new LedgerVerifier(export, trustedKey, null).verify();
    }

    private static String tampered(VerificationResult result) {
        assertThat(result).isInstanceOf(VerificationResult.Tampered.class);
        return ((VerificationResult.Tampered) result).problem();
    }

    @Test
    void anUntouchedExportVerifies() throws Exception {
        VerificationResult result = verify();
        assertThat(result).isInstanceOf(VerificationResult.Verified.class);
        VerificationResult.Verified ok = (VerificationResult.Verified) result;
        assertThat(ok.size()).isEqualTo(40);
        assertThat(ok.warnings()).isEmpty();
        SignedCheckpoint latest = SignedCheckpoint.open(Files.readAllBytes(ExportFixture.latestCheckpoint(export)),
                List.of(SIGNER.verifierKey()));
        assertThat(ok.root()).isEqualTo(latest.checkpoint().rootHash());
        assertThat(Files.list(export.resolve(LedgerLayout.CHECKPOINTS)).count()).isEqualTo(3);
    }

    @Test
    void anEmptyLedgerExportVerifies() throws Exception {
        Path empty = ExportFixture.export(tmp, "empty", SIGNER, 0);
        VerificationResult result = new LedgerVerifier(empty, trustedKey, null).verify();
        assertThat(result).isInstanceOf(VerificationResult.Verified.class);
        assertThat(((VerificationResult.Verified) result).size()).isZero();
        assertThat(((VerificationResult.Verified) result).root()).isEqualTo(MerkleHash.emptyRoot());
    }

    @Test
    void editedFieldIsNamedByRecord() throws Exception {
        List<String> lines = ExportFixture.records(export);
        lines.set(17, lines.get(17).replace("\"tenant\":\"acme\"", "\"tenant\":\"evil\""));
        ExportFixture.writeRecords(export, lines);
        assertThat(tampered(verify())).startsWith("records.jsonl line 18 (seq 17): leaf hash mismatch")
                .contains("checkpoints/00000000000000000001.note");
    }

    @Test
    void editedRecordWithMatchingLeafHashesIsLocatedToACheckpointRange() throws Exception {
        List<String> lines = ExportFixture.records(export);
        lines.set(17, lines.get(17).replace("\"tenant\":\"acme\"", "\"tenant\":\"evil\""));
        ExportFixture.writeRecords(export, lines);
        byte[] hashes = Files.readAllBytes(export.resolve(LedgerLayout.LEAF_HASHES));
        System.arraycopy(MerkleHash.leaf(lines.get(17).getBytes(StandardCharsets.UTF_8)), 0, hashes, 17 * 32, 32);
        Files.write(export.resolve(LedgerLayout.LEAF_HASHES), hashes);
        assertThat(tampered(verify())).startsWith("checkpoints/00000000000000000001.note (size 25): root mismatch")
                .contains("seq 10..24");
    }

    @Test
    void nonCanonicalEditIsNamedByLine() throws Exception {
        List<String> lines = ExportFixture.records(export);
        lines.set(3, lines.get(3).replace("\"tenant\":\"acme\"", "\"tenant\": \"acme\""));
        ExportFixture.writeRecords(export, lines);
        assertThat(tampered(verify())).startsWith("records.jsonl line 4: invalid record: not in canonical form at byte")
                .endsWith("white space is not allowed");
    }

    @Test
    void deletedRecordIsReportedAsMissingSequence() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixture.records(export));
        lines.remove(12);
        ExportFixture.writeRecords(export, lines);
        assertThat(tampered(verify())).startsWith("records.jsonl line 13: missing record: seq 12 is absent");
    }

    @Test
    void repeatedRecordIsReported() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixture.records(export));
        lines.add(13, lines.get(12));
        ExportFixture.writeRecords(export, lines);
        assertThat(tampered(verify())).startsWith("records.jsonl line 14: repeated sequence number 12");
    }

    @Test
    void swappedRecordsAreReportedAsOutOfOrder() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixture.records(export));
        Collections.swap(lines, 20, 21);
        ExportFixture.writeRecords(export, lines);
        assertThat(tampered(verify())).startsWith("records.jsonl line 21: records out of order")
                .contains("seq 20 appears later at line 22");
    }

    @Test
    void truncatedTailIsReportedAgainstTheLatestCheckpoint() throws Exception {
        List<String> lines = ExportFixture.records(export);
        ExportFixture.writeRecords(export, lines.subList(0, 37));
        assertThat(tampered(verify())).isEqualTo("records.jsonl holds 37 records but"
                + " checkpoints/00000000000000000002.note covers 40: the tail was truncated (first missing seq 37)");
    }

    @Test
    void forgedAppendedRecordIsReportedAsUncovered() throws Exception {
        List<String> lines = new ArrayList<>(ExportFixture.records(export));
        lines.add(new String(AuditRecordCodec.encode(new AuditRecord(40, SampleEvents.event(99))),
                StandardCharsets.UTF_8));
        ExportFixture.writeRecords(export, lines);
        assertThat(tampered(verify())).startsWith("records.jsonl line 41 (seq 40): not covered by any signed checkpoint");
    }

    @Test
    void alteredCheckpointHasABadSignature() throws Exception {
        Path file = export.resolve(LedgerLayout.CHECKPOINTS).resolve("00000000000000000001.note");
        Files.writeString(file, Files.readString(file).replace("\n25\n", "\n24\n"));
        assertThat(tampered(verify())).startsWith("checkpoints/00000000000000000001.note: bad signature");
    }

    @Test
    void deletedCheckpointIsReported() throws Exception {
        Files.delete(export.resolve(LedgerLayout.CHECKPOINTS).resolve("00000000000000000001.note"));
        assertThat(tampered(verify())).isEqualTo("checkpoints/00000000000000000002.note: unexpected file; expected"
                + " 00000000000000000001.note (a checkpoint is missing)");
    }

    @Test
    void replacedSigningKeyIsDetectedWithTheTrustedKey() throws Exception {
        Path forged = forgedExportSignedByImpostor();
        VerificationResult result = new LedgerVerifier(forged, trustedKey, null).verify();
        assertThat(tampered(result)).startsWith("public-key holds " + IMPOSTOR.verifierKey())
                .endsWith("the signing key was replaced");
    }

    @Test
    void replacedSigningKeyIsDetectedWithATrustedCheckpoint() throws Exception {
        Path forged = forgedExportSignedByImpostor();
        VerificationResult result = new LedgerVerifier(forged, null, ExportFixture.latestCheckpoint(export)).verify();
        assertThat(tampered(result)).contains("does not verify with the log key " + IMPOSTOR.verifierKey())
                .endsWith("the export's signing key was replaced, or the checkpoint is from another log");
    }

    @Test
    void replacedSigningKeyPassesWithoutTrustAnchorsButWarns() throws Exception {
        Path forged = forgedExportSignedByImpostor();
        VerificationResult result = new LedgerVerifier(forged, null, null).verify();
        assertThat(result).isInstanceOf(VerificationResult.Verified.class);
        assertThat(((VerificationResult.Verified) result).warnings()).singleElement().asString()
                .contains("cannot be detected");
    }

    /** The attacker rewrites history (record 5 edited) and re-signs everything with a key of their own. */
    private Path forgedExportSignedByImpostor() throws Exception {
        Path forged = tmp.resolve("forged");
        try (Ledger ledger = Ledger.inMemory(IMPOSTOR)) {
            for (int i = 0; i < 40; i++) {
                ledger.append(SampleEvents.event(i == 5 ? 1005 : i));
            }
            ledger.exportTo(forged);
        }
        return forged;
    }

    @Test
    void rollbackIsDetectedWithALaterTrustedCheckpoint() throws Exception {
        Path older = ExportFixture.export(tmp, "older", SIGNER, 25);
        Path published = ExportFixture.latestCheckpoint(export); // size 40, published externally
        VerificationResult result = new LedgerVerifier(older, trustedKey, published).verify();
        assertThat(tampered(result)).startsWith("rollback: the trusted checkpoint " + published + " has size 40 but"
                + " the export ends at size 25");
        assertThat(new LedgerVerifier(older, trustedKey, null).verify())
                .isInstanceOf(VerificationResult.Verified.class);
    }

    @Test
    void anOlderTrustedCheckpointOfTheSameHistoryVerifies() throws Exception {
        Path older = ExportFixture.export(tmp, "older", SIGNER, 25);
        VerificationResult result = new LedgerVerifier(export, trustedKey, ExportFixture.latestCheckpoint(older)).verify();
        assertThat(result).isInstanceOf(VerificationResult.Verified.class);
    }

    @Test
    void aTrustedCheckpointOfAForkedHistoryIsReported() throws Exception {
        Path fork;
        try (Ledger ledger = Ledger.inMemory(SIGNER)) {
            for (int i = 0; i < 30; i++) {
                ledger.append(SampleEvents.event(i == 3 ? 777 : i));
            }
            fork = tmp.resolve("fork.note");
            Files.writeString(fork, ledger.checkpoint().format());
        }
        assertThat(tampered(new LedgerVerifier(export, trustedKey, fork).verify()))
                .startsWith("the trusted checkpoint " + fork + " (size 30): root mismatch");
    }

    @Test
    void twoSignedCheckpointsOfTheSameSizeWithDifferentRootsAreInconsistent() throws Exception {
        byte[] otherRoot = MerkleHash.leaf(new byte[] {1});
        ExportFixture.writeCheckpoint(export, 3, SignedCheckpoint.sign(new Checkpoint(SIGNER.name(), 40, otherRoot), SIGNER));
        assertThat(tampered(verify())).isEqualTo("checkpoints/00000000000000000003.note: same size 40 as"
                + " checkpoints/00000000000000000002.note but a different root: the checkpoints are inconsistent"
                + " with each other");
    }

    @Test
    void aLaterCheckpointInconsistentWithTheRecordsIsReported() throws Exception {
        byte[] otherRoot = MerkleHash.leaf(new byte[] {2});
        ExportFixture.writeCheckpoint(export, 2, SignedCheckpoint.sign(new Checkpoint(SIGNER.name(), 40, otherRoot), SIGNER));
        assertThat(tampered(verify())).startsWith("checkpoints/00000000000000000002.note (size 40): root mismatch")
                .contains("records 0..24 match checkpoints/00000000000000000001.note");
    }

    @Test
    void modifiedLeafHashesFileIsReported() throws Exception {
        byte[] hashes = Files.readAllBytes(export.resolve(LedgerLayout.LEAF_HASHES));
        hashes[5 * 32] ^= 1;
        Files.write(export.resolve(LedgerLayout.LEAF_HASHES), hashes);
        assertThat(tampered(verify())).startsWith("leaf-hashes entry 5 differs");
    }

    @Test
    void missingInputsAreUnreadable() throws Exception {
        Files.delete(export.resolve(LedgerLayout.RECORDS));
        assertThat(verify()).isInstanceOf(VerificationResult.Unreadable.class);
        assertThat(new LedgerVerifier(tmp.resolve("nope"), null, null).verify())
                .isInstanceOf(VerificationResult.Unreadable.class);
        Files.writeString(trustedKey, "garbage\n");
        assertThat(((VerificationResult.Unreadable) verify()).problem()).contains(trustedKey.toString())
                .contains("not a verifier key");
    }
}
