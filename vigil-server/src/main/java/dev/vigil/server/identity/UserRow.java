package dev.vigil.server.identity;

import java.time.Instant;
import java.util.UUID;

/** A row of app_user. */
record UserRow(UUID id, String username, String displayName, String email, UUID tenantId, String passwordHash,
        boolean mustChangePassword, String totpSecret, boolean totpEnabled, long totpLastStep, boolean enabled,
        int failedAttempts, Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {
}
