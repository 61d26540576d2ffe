package dev.vigil.server.monitoring.internal;

import java.util.List;

import dev.vigil.server.alerting.ComponentTopology;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The catalogue's upstream dependencies, transitively, for alerting's topology-aware grouping. */
@Component
class CatalogueTopology implements ComponentTopology {

    /** Far more than any real chain; the catalogue refuses cycles, this only bounds the walk. */
    private static final int MAX_DEPTH = 50;

    private final JdbcClient jdbc;

    CatalogueTopology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> upstreamOf(String component) {
        return jdbc.sql("""
                WITH RECURSIVE up (id, depth) AS (
                    SELECT d.upstream_id, 1 FROM monitoring_component_dependency d
                    JOIN monitoring_component c ON c.id = d.component_id WHERE c.name = ?
                    UNION
                    SELECT d.upstream_id, up.depth + 1 FROM monitoring_component_dependency d JOIN up ON d.component_id = up.id
                    WHERE up.depth < ?)
                SELECT c.name FROM up JOIN monitoring_component c ON c.id = up.id
                GROUP BY c.name ORDER BY min(up.depth), c.name""")
                .params(component, MAX_DEPTH).query(String.class).list();
    }
}
