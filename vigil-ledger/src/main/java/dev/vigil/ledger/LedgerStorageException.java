package dev.vigil.ledger;

import java.io.IOException;

/** The ledger's own storage is inconsistent (lost records, foreign key, corrupt checkpoint); the message says how. */
public final class LedgerStorageException extends IOException {

    public LedgerStorageException(String message) {
        super(message);
    }
}
