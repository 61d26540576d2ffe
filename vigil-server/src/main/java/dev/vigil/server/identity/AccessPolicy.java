package dev.vigil.server.identity;

import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.platform.web.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Fine-grained checks inside services: the coarse permission was checked by the filter chain before the request was
 * read; here a feature checks the scope (tenant, object) of what is actually touched.
 */
@Component
public class AccessPolicy {

    public Optional<VigilPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof VigilPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public VigilPrincipal requireCurrent() {
        return current().orElseThrow(() -> ProblemException.unauthorized("unauthenticated", "sign in first"));
    }

    /**
     * Runs {@code work} on this thread as {@code principal} and then restores the caller: for a feature acting for a
     * user who signed in elsewhere (the bastion gateway's operator asking for approval of a held command).
     */
    public <T> T actingAs(VigilPrincipal principal, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        VigilAuthentication.establish(principal);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Throws 403 unless the caller may do the action on something of the given tenant (null: no tenant). */
    public VigilPrincipal require(String resource, String action, UUID tenantId) {
        VigilPrincipal principal = requireCurrent();
        boolean allowed = tenantId == null ? principal.canEverywhere(resource, action) : principal.can(resource, action, tenantId);
        if (!allowed) {
            throw ProblemException.forbidden("forbidden", "missing permission " + resource + ":" + action
                    + (tenantId == null ? " (all tenants)" : " for tenant " + tenantId));
        }
        return principal;
    }
}
