package dev.vigil.server.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored operation record as read back. */
public record AuditRecord(long seq, Instant recordedAt, Actor actor, String action, String objectType, String objectId,
        UUID tenantId, String outcome, Map<String, Object> refs, Map<String, Object> body) {
}
