package dev.vigil.server.audit;

import java.time.Instant;

/** A record selected for review, with the record itself. */
public record ReviewItemView(AuditRecord record, String selectedBy, String status, String comment, String reviewedBy,
        Instant reviewedAt) {
}
