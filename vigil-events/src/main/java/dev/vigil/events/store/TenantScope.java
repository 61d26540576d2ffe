package dev.vigil.events.store;

import java.util.Set;

/** Which tenants' events a query may see: all of them (platform staff) or a fixed set. */
public record TenantScope(boolean all, Set<String> tenants) {
    public static final TenantScope ALL = new TenantScope(true, Set.of());

    public TenantScope {
        tenants = Set.copyOf(tenants);
    }

    public static TenantScope of(Set<String> tenants) {
        return new TenantScope(false, tenants);
    }

    public boolean allows(String tenant) {
        return all || tenants.contains(tenant);
    }
}
