package dev.vigil.server.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API token as listed (the secret itself is shown only once, at creation). */
public record TokenView(UUID id, String name, String prefix, UUID ownerId, String ownerUsername, List<String> permissions,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String lastUsedFrom) {
}
