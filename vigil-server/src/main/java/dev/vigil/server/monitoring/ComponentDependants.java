package dev.vigil.server.monitoring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The owner of a component and the components that depend on it, directly or through others (its downstream,
 * transitively), for features that tell the owners of what a component's weakness reaches (advisories); no caller
 * check.
 */
@Service
public class ComponentDependants {

    /** A downstream component; {@code depth} 1 depends on it directly. */
    public record Dependant(String name, String tenant, int depth) {
    }

    private final JdbcClient jdbc;

    ComponentDependants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant owning the component (by id, so a renamed component is still found), or empty when it is gone. */
    public Optional<String> ownerOf(UUID componentId) {
        return jdbc.sql("SELECT tenant FROM monitoring_component WHERE id = ?").param(componentId).query(String.class).optional();
    }

    /** Nearest first, each once (at its shortest distance). */
    public List<Dependant> of(UUID componentId) {
        return jdbc.sql("""
                WITH RECURSIVE down(id, depth) AS (
                    SELECT component_id, 1 FROM monitoring_component_dependency WHERE upstream_id = ?
                    UNION
                    SELECT d.component_id, down.depth + 1 FROM monitoring_component_dependency d
                    JOIN down ON d.upstream_id = down.id WHERE down.depth < 100)
                SELECT c.name, c.tenant, min(down.depth) AS depth FROM down JOIN monitoring_component c ON c.id = down.id
                GROUP BY c.name, c.tenant ORDER BY depth, c.name""")
                .param(componentId)
                .query((rs, n) -> new Dependant(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }
}
