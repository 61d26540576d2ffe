package dev.vigil.server.audit;

import java.time.Instant;
import java.util.UUID;

/** A review period with its progress. */
public record ReviewPeriodView(UUID id, String name, Instant startsAt, Instant endsAt, String state, String createdBy,
        Instant createdAt, String signedOffBy, Instant signedOffAt, String signOffNote, long items, long pending,
        long reviewed, long flagged, long openFindings) {
}
