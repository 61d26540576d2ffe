package dev.vigil.server.intel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An indicator feed. {@code tenant} null: its indicators are matched on every tenant's events. {@code confidence} is
 * used for indicators that carry none; {@code expiresAfterDays} (0: never) for those without their own expiry, counted
 * from the import. A feed with a {@code url} is fetched every {@code pollMinutes} (0: only when asked); the last
 * fetch's outcome ({@code imported}, {@code not-modified}, {@code failed}) and error are kept. {@code authenticated}:
 * a credential header is sent (its value is never shown). {@code disabledTenants}: tenants a feed shared by every
 * tenant is switched off for.
 */
public record FeedView(UUID id, String name, String format, String source, String description, String tenant, int confidence,
                       int expiresAfterDays, String tlp, boolean enabled, int indicatorCount, Instant importedAt, String url,
                       int pollMinutes, boolean authenticated, Instant lastPolledAt, String lastPollOutcome, String lastError,
                       int consecutiveFailures, Instant nextPollAt, String createdBy, Instant createdAt,
                       List<String> disabledTenants) {
}
