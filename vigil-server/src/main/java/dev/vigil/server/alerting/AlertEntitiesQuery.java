package dev.vigil.server.alerting;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.alerting.internal.AlertRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which hosts alerts name, for features that relate alerts to assets (incident impact scope, asset risk): the values
 * of their host entities. Answered without a caller check, for system jobs; callers check the tenant.
 */
@Service
public class AlertEntitiesQuery {

    /**
     * Entities that name a host or an asset: the asset a monitor targets, the event's asset enrichment, its host, and
     * the addresses on either side of a connection.
     */
    public static final Set<String> HOST_FIELDS = Set.of("asset", "asset.name", "host.name", "host.hostname", "host.ip",
            "source.ip", "destination.ip");

    /** An alert's source and severity and the host names, addresses and asset names its entities give. */
    public record AlertHosts(UUID alertId, String source, String severity, Set<String> hosts) {
    }

    private final JdbcClient jdbc;

    AlertEntitiesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's firing alerts. */
    public List<AlertHosts> firing(String tenant) {
        return jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE tenant = ? AND state = 'firing'")
                .param(tenant).query(AlertRows::map).list().stream().map(AlertEntitiesQuery::hosts).toList();
    }

    /** The given alerts, firing or not. */
    public List<AlertHosts> of(Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ANY(?)")
                .param(alertIds.toArray(UUID[]::new)).query(AlertRows::map).list().stream().map(AlertEntitiesQuery::hosts).toList();
    }

    private static AlertHosts hosts(AlertView alert) {
        Set<String> hosts = new LinkedHashSet<>();
        alert.entities().forEach((field, value) -> {
            if (HOST_FIELDS.contains(field) && value != null && !value.isBlank()) {
                hosts.add(value.strip());
            }
        });
        return new AlertHosts(alert.id(), alert.source(), alert.severity(), hosts);
    }
}
