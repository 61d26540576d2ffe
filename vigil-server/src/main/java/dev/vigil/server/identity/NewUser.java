package dev.vigil.server.identity;

import java.util.List;
import java.util.UUID;

/**
 * What creating a user takes. Without an initial password a random one is generated and returned once; either way
 * the user must change it at first sign-in unless {@code mustChangePassword} is false.
 */
public record NewUser(String username, String displayName, String email, UUID tenantId, List<String> roles,
        String initialPassword, Boolean mustChangePassword) {
}
