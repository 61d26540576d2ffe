package dev.vigil.server.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of a record search; null fields do not filter. */
public record AuditQuery(String actor, String action, String objectType, String objectId, UUID tenantId, String outcome,
        Instant from, Instant to, Long afterSeq, int limit) {
}
