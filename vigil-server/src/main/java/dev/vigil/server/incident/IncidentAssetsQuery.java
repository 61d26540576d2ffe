package dev.vigil.server.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.alerting.AlertEntitiesQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which assets open incidents concern, for features that weigh incidents per asset (asset risk): the affected assets
 * recorded with the grading, the host and address observables, and the hosts the linked alerts name, as names (an
 * asset name, host name, address or asset id) for the caller to look up. Answered without a caller check, for
 * system jobs; callers check the tenant.
 */
@Service
public class IncidentAssetsQuery {

    /** Observable kinds that name a host. */
    public static final Set<String> HOST_OBSERVABLES = Set.of("host", "ip");

    /**
     * An open incident and the names of what it concerns.
     *
     * @param level the final level, else the proposed one (1 = I ... 4 = IV), 0 when not graded yet
     */
    public record OpenIncident(UUID id, int level, Set<String> names) {
    }

    private final JdbcClient jdbc;
    private final AlertEntitiesQuery alerts;

    IncidentAssetsQuery(JdbcClient jdbc, AlertEntitiesQuery alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
    }

    public List<OpenIncident> open(String tenant) {
        String[] openPhases = Arrays.stream(Phase.values()).filter(Phase::isOpen).map(Phase::code).toArray(String[]::new);
        Map<UUID, Integer> levels = new LinkedHashMap<>();
        Map<UUID, Set<String>> names = new HashMap<>();
        jdbc.sql("""
                SELECT id, coalesce(level, proposed_level, 0), affected_assets FROM incident
                WHERE tenant = ? AND phase = ANY(?) ORDER BY created_at""")
                .params(tenant, openPhases)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    levels.put(id, rs.getInt(2));
                    names.put(id, new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray(3).getArray())));
                });
        if (levels.isEmpty()) {
            return List.of();
        }
        UUID[] ids = levels.keySet().toArray(UUID[]::new);
        jdbc.sql("SELECT incident_id, value FROM incident_observable WHERE incident_id = ANY(?) AND kind = ANY(?)")
                .params(ids, HOST_OBSERVABLES.toArray(String[]::new))
                .query(rs -> {
                    names.get(rs.getObject(1, UUID.class)).add(rs.getString(2));
                });
        Map<UUID, List<UUID>> linked = new HashMap<>();
        jdbc.sql("SELECT incident_id, alert_id FROM incident_alert WHERE incident_id = ANY(?)").param(ids)
                .query(rs -> {
                    linked.computeIfAbsent(rs.getObject(2, UUID.class), a -> new ArrayList<>()).add(rs.getObject(1, UUID.class));
                });
        for (AlertEntitiesQuery.AlertHosts alert : alerts.of(linked.keySet())) {
            linked.get(alert.alertId()).forEach(incident -> names.get(incident).addAll(alert.hosts()));
        }
        List<OpenIncident> open = new ArrayList<>();
        levels.forEach((id, level) -> open.add(new OpenIncident(id, level, Set.copyOf(names.get(id).stream()
                .filter(n -> n != null && !n.isBlank()).map(String::strip).toList()))));
        return open;
    }
}
