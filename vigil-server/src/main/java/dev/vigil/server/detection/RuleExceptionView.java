package dev.vigil.server.detection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tuning exception: matches of the rule whose event field equals one of the values (case-insensitive) are
 * suppressed until {@code expiresAt}. {@code tenant} null means every tenant.
 */
public record RuleExceptionView(UUID id, UUID ruleId, String tenant, String field, List<String> values, String reason,
                                Instant expiresAt, String createdBy, Instant createdAt, String revokedBy, Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
