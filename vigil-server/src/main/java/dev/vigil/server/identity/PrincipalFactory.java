package dev.vigil.server.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the principal of a user from the database on every request, so that role changes apply at once and a
 * disabled user is cut off at once, whether they come with a console session, a bearer session or a token.
 */
@Component
class PrincipalFactory {

    private final UserAccounts accounts;
    private final Clock clock;
    private final VigilProperties.Security security;

    PrincipalFactory(UserAccounts accounts, Clock clock, VigilProperties properties) {
        this.accounts = accounts;
        this.clock = clock;
        this.security = properties.security();
    }

    Optional<VigilPrincipal> forUser(UUID userId, VigilPrincipal.Via via) {
        return accounts.byId(userId).filter(UserRow::enabled).map(user -> build(user, via, null, null, null));
    }

    Optional<VigilPrincipal> forToken(ApiTokenService.ValidToken token) {
        VigilPrincipal.Via via = token.kind().equals("session") ? VigilPrincipal.Via.BEARER_SESSION : VigilPrincipal.Via.API_TOKEN;
        return accounts.byId(token.ownerId()).filter(UserRow::enabled)
                .map(user -> build(user, via, token.id(), token.name(), token.permissions()));
    }

    boolean totpRequired(UserRow user) {
        List<String> roles = accounts.effectiveRoleNames(user.id());
        return roles.stream().anyMatch(security.totpRequiredRoles()::contains);
    }

    /** Whether the user must enrol TOTP before doing anything else (required by a role, grace period over). */
    boolean totpEnrolmentOverdue(UserRow user) {
        return !user.totpEnabled() && totpRequired(user)
                && user.createdAt().plus(security.totpEnrolmentGrace()).isBefore(Instant.now(clock));
    }

    private VigilPrincipal build(UserRow user, VigilPrincipal.Via via, UUID tokenId, String tokenName, List<Permission> tokenScope) {
        Set<Permission> held = accounts.effectivePermissions(user.id());
        Set<Permission> effective = held;
        if (tokenScope != null && !tokenScope.isEmpty()) {
            effective = new LinkedHashSet<>();
            for (Permission wanted : tokenScope) {
                if (held.stream().anyMatch(h -> h.includes(wanted))) {
                    effective.add(wanted);
                }
            }
        }
        VigilPrincipal.Restriction restriction = VigilPrincipal.Restriction.NONE;
        if (via != VigilPrincipal.Via.API_TOKEN) {
            if (user.mustChangePassword()) {
                restriction = VigilPrincipal.Restriction.PASSWORD_CHANGE;
            } else if (totpEnrolmentOverdue(user)) {
                restriction = VigilPrincipal.Restriction.TOTP_ENROLMENT;
            }
        }
        return new VigilPrincipal(user.id(), user.username(), user.tenantId(), accounts.effectiveRoleNames(user.id()),
                Set.copyOf(effective), via, tokenId, tokenName, restriction);
    }
}
