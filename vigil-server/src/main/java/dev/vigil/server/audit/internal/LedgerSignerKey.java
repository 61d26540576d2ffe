package dev.vigil.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.vigil.ledger.note.NoteFormatException;
import dev.vigil.ledger.note.NoteSigner;

/**
 * The Ed25519 key that signs the ledger's checkpoints, kept outside the database in
 * {@code <data-dir>/keys/audit-ledger.key} (mode 0600) and created at the first start.
 */
final class LedgerSignerKey {

    static final String FILE = "keys/audit-ledger.key";

    private LedgerSignerKey() {
    }

    static NoteSigner loadOrCreate(Path dataDir, String origin) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                NoteSigner signer = NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
                if (!signer.name().equals(origin)) {
                    throw new IllegalStateException("the audit ledger key " + file + " is named '" + signer.name()
                            + "' but vigil.audit.origin is '" + origin + "'; the origin cannot change after the first start");
                }
                return signer;
            }
            NoteSigner signer = NoteSigner.generate(origin);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, signer.toSignerKeyText() + "\n", StandardCharsets.UTF_8);
            return signer;
        } catch (NoteFormatException e) {
            throw new IllegalStateException("the audit ledger key " + file + " is not a signer key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit ledger key " + file, e);
        }
    }
}
