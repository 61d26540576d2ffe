package dev.vigil.server.identity;

import java.time.Instant;
import java.util.UUID;

/** A tenant: a customer whose data and assets the platform protects. */
public record TenantView(UUID id, String slug, String name, String description, Instant createdAt) {
}
