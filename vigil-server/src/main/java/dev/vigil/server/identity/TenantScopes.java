package dev.vigil.server.identity;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Scope checks for data filed under a tenant slug (events, alerts, rule switches): which slugs the caller may act on,
 * and a 403 for one they may not. The provider's own slug {@value TenantService#RESERVED_SLUG} is covered only by a
 * permission for every tenant.
 */
@Component
public class TenantScopes {

    private final AccessPolicy access;
    private final TenantService tenants;

    TenantScopes(AccessPolicy access, TenantService tenants) {
        this.access = access;
        this.tenants = tenants;
    }

    /** The slugs on which the caller may do the action, or null when they may on every tenant. */
    public List<String> slugs(String resource, String action) {
        VigilPrincipal caller = access.requireCurrent();
        if (caller.canEverywhere(resource, action)) {
            return null;
        }
        List<String> slugs = new ArrayList<>();
        for (TenantView tenant : tenants.all()) {
            if (caller.can(resource, action, tenant.id())) {
                slugs.add(tenant.slug());
            }
        }
        return slugs;
    }

    /** Throws 403 unless the caller may do the action on data of this tenant; 400 if there is no such tenant. */
    public void require(String resource, String action, String slug) {
        VigilPrincipal caller = access.requireCurrent();
        if (caller.canEverywhere(resource, action)) {
            if (!slug.equals(TenantService.RESERVED_SLUG) && tenants.all().stream().noneMatch(t -> t.slug().equals(slug))) {
                throw ProblemException.badRequest("unknown-tenant", "no tenant '" + slug + "'");
            }
            return;
        }
        List<String> allowed = slugs(resource, action);
        if (!allowed.contains(slug)) {
            throw ProblemException.forbidden("forbidden", "missing permission " + resource + ":" + action + " for tenant " + slug);
        }
    }
}
