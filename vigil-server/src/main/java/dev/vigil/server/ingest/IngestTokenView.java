package dev.vigil.server.ingest;

import java.time.Instant;
import java.util.UUID;

/** An ingest token as listed (never its secret). */
public record IngestTokenView(UUID id, UUID inputId, String inputName, String name, String prefix, String createdBy,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
}
