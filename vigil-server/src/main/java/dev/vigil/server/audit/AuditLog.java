package dev.vigil.server.audit;

/**
 * The one way every feature records an operation. A success is recorded inside the caller's transaction, so the
 * record is durable exactly when the change is; a failure or refusal is recorded on its own, since the caller's
 * transaction is rolled back. Both return only once the record is committed with the caller's work.
 */
public interface AuditLog {

    /** Records in the current transaction (or its own, if none). Returns the record's sequence number. */
    long record(AuditEntry entry);

    /**
     * Records several operations in the current transaction as one group (one wait for durability instead of one per
     * record, for bulk work such as an alert storm). Returns their sequence numbers, in order.
     */
    java.util.List<Long> recordAll(java.util.List<AuditEntry> entries);

    /** Records in a new transaction that commits even if the caller's rolls back (failures, denials, logins). */
    long recordIndependently(AuditEntry entry);
}
