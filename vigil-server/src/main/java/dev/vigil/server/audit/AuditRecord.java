package dev.vigil.server.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored operation record as read back. {@code leaf} is the record's canonical encoding (base64), exactly the bytes
 * whose RFC 9162 leaf hash, SHA-256(0x00 || bytes), is in the audit ledger's Merkle tree (docs/AUDIT-FORMAT.md).
 */
public record AuditRecord(long seq, Instant recordedAt, Actor actor, String action, String objectType, String objectId,
        UUID tenantId, String outcome, Map<String, Object> refs, Map<String, Object> body, String leaf) {
}
