package dev.vigil.server.monitoring.internal;

import java.util.HashSet;
import java.util.Set;

import dev.vigil.server.asset.CoverageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The assets monitoring watches in a tenant, named as the catalogue and the monitors name them (asset name or id,
 * lower-cased): those listed by a component of the tenant that is scraped or probed, or that a live monitor targets
 * ({@code {component: …}} counts the component's assets); and the assets a live monitor of the tenant targets by
 * name ({@code {asset: …}}). A {@code {group: …}} target names no assets (groups have no members in the data model),
 * so it counts for none.
 */
@Component
class MonitoredAssets implements CoverageSource {

    private final JdbcClient jdbc;

    MonitoredAssets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Aspect aspect() {
        return Aspect.MONITORED;
    }

    @Override
    public Set<String> coveredAssets(String tenant) {
        return new HashSet<>(jdbc.sql("""
                SELECT lower(listed) FROM monitoring_component c, unnest(c.assets) AS listed
                WHERE c.tenant = :tenant
                  AND (c.scrape_url IS NOT NULL OR c.probes <> '[]'::jsonb
                       OR EXISTS (SELECT 1 FROM monitor m WHERE NOT m.deleted AND m.definition -> 'target' ->> 'component' = c.name))
                UNION
                SELECT lower(m.definition -> 'target' ->> 'asset') FROM monitor m
                WHERE NOT m.deleted AND m.tenant = :tenant AND m.definition -> 'target' ->> 'asset' IS NOT NULL""")
                .param("tenant", tenant).query(String.class).list());
    }
}
