package dev.vigil.server.intel;

import java.time.Instant;
import java.util.UUID;

/**
 * An indicator feed. {@code tenant} null: its indicators are matched on every tenant's events. {@code confidence} is
 * used for indicators that carry none; {@code expiresAfterDays} (0: never) for those without their own expiry, counted
 * from the import.
 */
public record FeedView(UUID id, String name, String format, String source, String description, String tenant, int confidence,
                       int expiresAfterDays, boolean enabled, int indicatorCount, Instant importedAt, String createdBy,
                       Instant createdAt) {
}
