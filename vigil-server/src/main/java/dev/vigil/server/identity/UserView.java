package dev.vigil.server.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API and console show it (never the password hash or TOTP secret). */
public record UserView(UUID id, String username, String displayName, String email, UUID tenantId, List<String> roles,
        List<String> groups, boolean enabled, boolean totpEnabled, boolean mustChangePassword, boolean locked,
        Instant lastLoginAt, Instant createdAt) {
}
