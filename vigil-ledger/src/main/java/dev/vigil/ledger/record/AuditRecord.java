package dev.vigil.ledger.record;

import java.util.Objects;

/** An audit event with the sequence number (= Merkle leaf index) the ledger assigned to it. */
public record AuditRecord(long sequence, AuditEvent event) {

    /** Largest sequence number the canonical JSON encoding can carry exactly (2^53 − 1). */
    public static final long MAX_SEQUENCE = (1L << 53) - 1;

    public AuditRecord {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside 0.." + MAX_SEQUENCE);
        }
        Objects.requireNonNull(event, "event");
    }
}
