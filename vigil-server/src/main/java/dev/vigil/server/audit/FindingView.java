package dev.vigil.server.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A finding raised during a review: something to fix, with an owner and a due date. */
public record FindingView(UUID id, UUID periodId, String title, String description, String severity, String owner,
        LocalDate dueDate, List<Long> records, String status, String resolution, String createdBy, Instant createdAt,
        Instant resolvedAt) {
}
