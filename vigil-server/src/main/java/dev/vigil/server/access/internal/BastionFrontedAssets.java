package dev.vigil.server.access.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.asset.CoverageSource;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The assets a bastion target fronts in a tenant: the {@code asset_ref} (asset name or id, lower-cased) of the targets
 * of that tenant and of the targets without a tenant (shared by all tenants). This says the asset can be reached
 * through the bastion, not that the bastion is the only way to it.
 */
@Component
class BastionFrontedAssets implements CoverageSource {

    private final JdbcClient jdbc;
    private final TenantService tenants;

    BastionFrontedAssets(JdbcClient jdbc, TenantService tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Override
    public Aspect aspect() {
        return Aspect.BASTION;
    }

    @Override
    public Set<String> coveredAssets(String tenant) {
        UUID tenantId = tenants.all().stream().filter(t -> t.slug().equals(tenant)).map(TenantView::id).findFirst().orElse(null);
        return new HashSet<>(jdbc.sql("""
                SELECT lower(asset_ref) FROM access_target
                WHERE asset_ref IS NOT NULL AND (tenant_id IS NULL OR tenant_id = :tenant)""")
                .param("tenant", tenantId).query(String.class).list());
    }
}
