package dev.vigil.server.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in caller as every feature sees it: a user through a console session, a bearer session from the login
 * API, or an API token (whose permissions are its own, a subset of its owner's). A restricted principal (password
 * change or TOTP enrolment pending) holds no permission until the restriction is lifted.
 */
public record VigilPrincipal(UUID userId, String username, UUID tenantId, List<String> roles, Set<Permission> permissions,
        Via via, UUID tokenId, String tokenName, Restriction restriction) implements Serializable {

    /** How the caller authenticated. */
    public enum Via {
        CONSOLE, BEARER_SESSION, API_TOKEN
    }

    /** What the caller must do before using anything else. */
    public enum Restriction {
        NONE, PASSWORD_CHANGE, TOTP_ENROLMENT
    }

    public boolean can(String resource, String action) {
        return restriction == Restriction.NONE && permissions.stream().anyMatch(p -> p.coversTypeAndAction(resource, action));
    }

    public boolean can(String resource, String action, UUID tenant) {
        return restriction == Restriction.NONE && permissions.stream().anyMatch(p -> p.allows(resource, action, tenant, tenantId));
    }

    /** Whether the caller may act on everything of this type regardless of tenant. */
    public boolean canEverywhere(String resource, String action) {
        return restriction == Restriction.NONE && permissions.stream()
                .anyMatch(p -> p.coversTypeAndAction(resource, action) && p.scope().equals(Permission.ANY));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public VigilPrincipal withRestriction(Restriction newRestriction) {
        return new VigilPrincipal(userId, username, tenantId, roles, permissions, via, tokenId, tokenName, newRestriction);
    }
}
