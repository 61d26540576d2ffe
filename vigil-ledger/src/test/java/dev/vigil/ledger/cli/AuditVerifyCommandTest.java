package dev.vigil.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.note.NoteSigner;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.ledger.record.SampleEvents;
import picocli.CommandLine;

class AuditVerifyCommandTest {

    private static final NoteSigner SIGNER = NoteSigner.fromSeed("vigil.test/audit", new byte[32]);

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path export(int size) throws Exception {
        try (Ledger ledger = Ledger.inMemory(SIGNER)) {
            for (int i = 0; i < size; i++) {
                ledger.append(SampleEvents.event(i));
            }
            Path target = tmp.resolve("export-" + size);
            ledger.exportTo(target);
            return target;
        }
    }

    @Test
    void printsOkWithSizeAndRootAndExitsZero() throws Exception {
        Path export = export(12);
        Path key = tmp.resolve("key");
        Files.writeString(key, SIGNER.verifierKey() + "\n");
        SignedCheckpoint head = SignedCheckpoint.open(
                Files.readAllBytes(export.resolve(LedgerLayout.CHECKPOINTS).resolve("00000000000000000000.note")),
                List.of(SIGNER.verifierKey()));
        Run run = run("verify", export.toString(), "--public-key", key.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("OK: size 12 root "
                + Base64.getEncoder().encodeToString(head.checkpoint().rootHash()) + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void warnsWhenNoTrustAnchorIsGiven() throws Exception {
        Run run = run("verify", export(3).toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("OK: size 3 root ");
        assertThat(run.err()).startsWith("warning: no --public-key or --trusted-checkpoint given");
    }

    @Test
    void tamperingExitsOneWithTheProblem() throws Exception {
        Path export = export(5);
        Path records = export.resolve(LedgerLayout.RECORDS);
        Files.writeString(records, Files.readString(records).replace("\"mon-2\"", "\"mon-X\""));
        Run run = run("verify", export.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("TAMPERED: records.jsonl line 3 (seq 2): leaf hash mismatch");
    }

    @Test
    void rollbackIsFoundWithATrustedCheckpoint() throws Exception {
        Path older = export(4);
        Path newer = export(9);
        Path published = newer.resolve(LedgerLayout.CHECKPOINTS).resolve("00000000000000000000.note");
        Run run = run("verify", older.toString(), "--trusted-checkpoint", published.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("TAMPERED: rollback:");
    }

    @Test
    void unreadableInputExitsTwoWithoutAStackTrace() throws Exception {
        Run missing = run("verify", tmp.resolve("absent").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: " + tmp.resolve("absent") + ": not a directory"
                + System.lineSeparator());
        Path export = export(2);
        Path badCheckpoint = tmp.resolve("bad.note");
        Files.writeString(badCheckpoint, "not a note");
        Run bad = run("verify", export.toString(), "--trusted-checkpoint", badCheckpoint.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.note: not a signed checkpoint").doesNotContain("Exception");
    }

    @Test
    void usageErrorsExitTwo() {
        Run run = run("verify");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'DIR'");
        assertThat(run("").status()).isEqualTo(2);
        assertThat(run().status()).isEqualTo(2);
    }
}
