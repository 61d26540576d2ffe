package dev.vigil.ledger.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.note.NoteSigner;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.ledger.record.SampleEvents;

/** Builds exports from hand-made events: 40 records with checkpoints at sizes 10, 25 and 40. */
final class ExportFixture {

    static final NoteSigner SIGNER = NoteSigner.fromSeed("vigil.test/audit", new byte[32]);
    static final NoteSigner IMPOSTOR = NoteSigner.generate("vigil.test/audit");

    private ExportFixture() {
    }

    static Path export(Path parent, String name, NoteSigner signer, int size) throws IOException {
        try (Ledger ledger = Ledger.inMemory(signer)) {
            for (int i = 0; i < size; i++) {
                ledger.append(SampleEvents.event(i));
                if (i + 1 == 10 || i + 1 == 25) {
                    ledger.checkpoint();
                }
            }
            Path target = parent.resolve(name);
            ledger.exportTo(target);
            return target;
        }
    }

    static Path writeKey(Path parent, NoteSigner signer) throws IOException {
        Path file = parent.resolve("trusted-" + signer.verifierKey().keyId() + ".vkey");
        Files.writeString(file, signer.verifierKey() + "\n");
        return file;
    }

    static Path latestCheckpoint(Path export) throws IOException {
        try (var files = Files.list(export.resolve(LedgerLayout.CHECKPOINTS))) {
            return files.sorted().toList().getLast();
        }
    }

    static List<String> records(Path export) throws IOException {
        return Files.readAllLines(export.resolve(LedgerLayout.RECORDS), StandardCharsets.UTF_8);
    }

    static void writeRecords(Path export, List<String> lines) throws IOException {
        Files.writeString(export.resolve(LedgerLayout.RECORDS),
                lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static void writeCheckpoint(Path export, int index, SignedCheckpoint checkpoint) throws IOException {
        Files.writeString(export.resolve(LedgerLayout.CHECKPOINTS).resolve(String.format("%020d.note", index)),
                checkpoint.format(), StandardCharsets.UTF_8);
    }
}
